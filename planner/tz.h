/* tz.h: IANA time zones read from the system's compiled tzdata (TZif). */
#ifndef PLANNER_TZ_H
#define PLANNER_TZ_H

#include "date.h"

struct tz;

/*
 * The zone of an IANA name ("America/Phoenix"), loaded once from
 * $TZDIR or /usr/share/zoneinfo and cached for the life of the process.
 * Returns a borrowed pointer, or NULL with *cause set (caller frees;
 * cause may be NULL when the caller knows the name is valid) for a name
 * that is malformed, unknown, or whose file is not valid TZif.
 * Names with "..", a leading "/" or other path tricks are refused.
 * Threads may call it at once (the cache is locked); a zone it returns
 * is only read after, by anyone.
 */
const struct tz *tz_get(const char *name, char **cause);

/* Free every cached zone (at exit, so leak checkers stay quiet). */
void tz_cache_clear(void);

const char *tz_name(const struct tz *z);

/* UTC offset in seconds (east positive) in force at instant t. */
int tz_offset(const struct tz *z, ptime t);

/* Abbreviation in force at t ("MST"), borrowed from the zone. */
const char *tz_abbr(const struct tz *z, ptime t);

/*
 * The instant of local wall time (date, seconds after midnight).
 * A time skipped by a forward change is moved forward by the gap
 * (02:30 on a spring-forward night becomes 03:30); a repeated time
 * takes its first occurrence. *adjusted (if not NULL) is set to 1 when
 * the wall time did not exist as written. This function can't fail.
 */
ptime tz_to_utc(const struct tz *z, pdate d, int secs, int *adjusted);

/* The local date and seconds after midnight of instant t. */
void tz_to_local(const struct tz *z, ptime t, pdate *d, int *secs);

/*
 * The first offset change strictly after t, within limit; returns 1 and
 * sets *next, or 0 if there is none before limit.
 */
int tz_next_change(const struct tz *z, ptime t, ptime limit, ptime *next);

#endif
