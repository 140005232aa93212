/* slot.h: the times an event could take and the choice among them. */
#ifndef PLANNER_SLOT_H
#define PLANNER_SLOT_H

#include <stddef.h>

#include "avail.h"
#include "ivl.h"
#include "tz.h"

/* Starts are tried on this grid (UTC quarter hours). */
#define SLOT_GRID (15 * 60)
/* A deadline falls due at this venue-local time. */
#define SLOT_DUE_TIME (17 * 60 * 60)

/* What an event needs: when it may start, for how long, and who comes. */
struct slot_req {
	ptime lo, hi;		/* the start lies in [lo, hi] */
	int64_t duration;
	struct avail *const *who;	/* attending agencies */
	size_t nwho;
	const struct tz *venue;
	pdate pref;		/* preferred day, venue-local */
	int deadline;		/* a due time on a working day, not a meeting */
	const int64_t *burden;	/* per who: hours outside so far, or NULL */
	const struct ivlset *taken;	/* times to avoid if possible, or NULL */
};

struct slot_pick {
	ptime start;
	int in_hours;		/* inside every attendee's working hours */
	int overlap;		/* could only be placed over a taken time */
};

/*
 * Choose a start: inside everyone's working hours on the working day
 * nearest pref (earliest such time that day) if there is one; else the
 * start with the least out-of-hours burden, weighed by the burden each
 * agency already carries (sum of squares) so that it is shared fairly.
 * Returns 1 and fills *out, or 0 when no start in [lo, hi] lies on a
 * working day of every attendee. It can't fail otherwise.
 */
int slot_choose(const struct slot_req *r, struct slot_pick *out);

/* The latest start in [lo, min(hi, bound)] that slot_choose could
 * choose; returns 1 and sets *start, or 0 when there is none. */
int slot_latest(const struct slot_req *r, ptime bound, ptime *start);

/* Seconds of [start, start+duration) outside who[i]'s hours. */
int64_t slot_outside(const struct slot_req *r, size_t i, ptime start);

/*
 * Why the days of [lo, hi] are ruled out, one line per run of days
 * with the same reason ("2027-02-01: holiday of cni: Constitution Day
 * (mx-statutory)"), appended to *out as owned strings. Lines are
 * venue-local dates.
 */
void slot_explain(const struct slot_req *r, char ***out, size_t *n);

#endif
