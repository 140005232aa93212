/* now.h: the time a command acts at, pinned by SOURCE_DATE_EPOCH for reproducible runs. */
#ifndef PLANNER_NOW_H
#define PLANNER_NOW_H

#include "date.h"

/*
 * The current time into *out: $SOURCE_DATE_EPOCH when it is set (as
 * for the DTSTAMP of calendars, so tests and rebuilds are repeatable),
 * else the clock. Returns 0, or -1 with *cause set (caller frees) when
 * the variable is not seconds since 1970 up to the year 9999.
 */
int now_get(ptime *out, char **cause);

#endif
