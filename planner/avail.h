/* avail.h: when an agency works, in UTC: working days and hours, holidays, blackouts, busy times. */
#ifndef PLANNER_AVAIL_H
#define PLANNER_AVAIL_H

#include "date.h"
#include "ivl.h"
#include "model.h"
#include "tz.h"

enum day_status {
	DAY_WORK,	/* a working day */
	DAY_OFF,	/* not one of the agency's working days */
	DAY_HOLIDAY,	/* a public holiday of one of its calendars */
	DAY_CLOSED,	/* an all-day event of an imported .ics calendar */
	DAY_BLACKOUT	/* one of the agency's blackout ranges */
};

struct day_info {
	enum day_status status;
	const char *why;	/* holiday name, blackout reason; borrowed */
	const char *source;	/* calendar id or file; borrowed, may be NULL */
};

struct avail;

/*
 * The availability of an agency on its local dates from..to inclusive:
 * working days, its holiday calendars, the closed days and busy times
 * of its imported calendars, its blackouts. The agency's zone
 * must be valid (the loader checked it). Free with avail_free(); it
 * borrows the agency, which must outlive it. It can't fail.
 */
struct avail *avail_new(const struct agency *ag, pdate from, pdate to);
void avail_free(struct avail *a);	/* NULL is a no-op */

const struct agency *avail_agency(const struct avail *a);
const struct tz *avail_zone(const struct avail *a);

/*
 * The local date of instant t in the agency's zone: what tz_to_local()
 * gives, from the zone's offsets kept for the range's days (the slot
 * search asks for each attendee at every candidate time). It can't
 * fail.
 */
pdate avail_local_day(const struct avail *a, ptime t);

/* The status of a local date; a date outside the range is DAY_WORK when
 * it is a working day of the week and DAY_OFF otherwise. */
struct day_info avail_day(const struct avail *a, pdate d);

/*
 * Working time in UTC on the agency's working days whose local date is
 * in from..to, less busy intervals, added to *out (not cleared).
 */
void avail_hours(const struct avail *a, pdate from, pdate to,
    struct ivlset *out);

/* Seconds of [start, end) that overlap imported busy intervals. */
int64_t avail_busy(const struct avail *a, ptime start, ptime end);

/*
 * Whole local working days in UTC (midnight to midnight, local dates
 * from..to that are working days) less busy intervals, added to *out.
 * A meeting fits the agency's calendar (if not its hours) when this
 * covers it.
 */
void avail_days(const struct avail *a, pdate from, pdate to,
    struct ivlset *out);

/*
 * Seconds of [start, end) that fall outside the agency's working hours,
 * counted on its local clock (a meeting 07:00-09:00 for an 08:00 start
 * is 3600). It can't fail.
 */
int64_t avail_outside(const struct avail *a, ptime start, ptime end);

#endif
