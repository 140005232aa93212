/* ics.h: closed days and busy times read from an agency's iCalendar file. */
#ifndef PLANNER_ICS_H
#define PLANNER_ICS_H

#include <stddef.h>

#include "diag.h"
#include "model.h"

/* Expansion bounds: recurrences are unrolled over these years, and a
 * file yielding more entries than ICS_MAX_ENTRIES is refused. */
#define ICS_FIRST_YEAR	1970
#define ICS_LAST_YEAR	2100
#define ICS_MAX_ENTRIES	200000
#define ICS_MAX_SIZE	(16u * 1024 * 1024)

/* What an imported calendar says, ready to join an agency. */
struct ics_busy {
	struct range *closed;	/* all-day events: closed days, reason = SUMMARY */
	size_t nclosed;
	struct busy_time *busy;	/* timed busy events and VFREEBUSY periods */
	size_t nbusy;
};

/*
 * Read path: all-day events become closed days, timed events that are
 * not transparent or cancelled and VFREEBUSY busy periods become busy
 * intervals in UTC; recurrences are expanded. Strings and arrays are
 * allocated from arena. Returns 0, or -1 after adding errors to d as
 * "file:line: error: message" (a file that is not iCalendar, BEGIN/END
 * that do not match, a bad value libical rejects, a TZID without its
 * VTIMEZONE, too many entries). It never crashes on any bytes.
 */
int ics_read_busy(const char *path, struct arena *arena, struct ics_busy *out,
    struct diags *d);

/* The same from text in memory (len bytes); name is used in messages
 * and borrowed for the locations of the closed days. */
int ics_parse_busy(const char *name, const char *text, size_t len,
    struct arena *arena, struct ics_busy *out, struct diags *d);

#endif
