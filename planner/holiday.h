/* holiday.h: public-holiday rules (fixed, nth weekday, Easter) expanded to dates. */
#ifndef PLANNER_HOLIDAY_H
#define PLANNER_HOLIDAY_H

#include <stddef.h>

#include "date.h"
#include "model.h"

enum holiday_kind {
	HOL_FIXED,	/* month and day every year */
	HOL_NTH,	/* nth (1..5) or last (-1) weekday of a month */
	HOL_EASTER,	/* offset in days from Western (Gregorian) Easter */
	HOL_ORTHODOX,	/* offset in days from Orthodox (Julian) Easter, as a Gregorian date */
	HOL_DATE	/* one date only (a one-off closure) */
};

/* How a holiday that falls on a weekend is observed. */
enum holiday_observed {
	OBS_NONE,		/* not moved */
	OBS_NEAREST_WEEKDAY,	/* Saturday -> Friday, Sunday -> Monday (US) */
	OBS_NEXT_MONDAY,	/* Saturday or Sunday -> Monday */
	OBS_SUNDAY_TO_MONDAY	/* only Sunday -> Monday */
};

struct holiday_rule {
	char *name;
	enum holiday_kind kind;
	int month, day;		/* HOL_FIXED; month also for HOL_NTH */
	int nth, weekday;	/* HOL_NTH: weekday 0 = Monday */
	int offset;		/* HOL_EASTER, HOL_ORTHODOX: days */
	pdate date;		/* HOL_DATE */
	enum holiday_observed observed;
	int from_year, to_year;	/* years in force, inclusive; 0 = open */
	int every;		/* in force every N years from from_year; 0 = each */
	struct loc loc;
};

struct holiday_calendar {
	char *id;
	char *name;
	char *country;
	struct holiday_rule *rules;
	size_t nrules;
	char *path;
	struct loc loc;
};

/* One closed day. */
struct holiday {
	pdate date;		/* the day observed (after any shift) */
	pdate actual;		/* the day itself */
	const char *name;	/* borrowed from the rule */
};

/* Gregorian dates of Western and Orthodox Easter Sunday of year y. */
pdate holiday_easter(int y);
pdate holiday_orthodox_easter(int y);

/*
 * The date a rule gives in year y (after the observed-day shift), or -1
 * (as *out untouched, return 0) when the rule is not in force that year.
 * Returns 1 and fills *h when there is a holiday. It can't fail.
 */
int holiday_in_year(const struct holiday_rule *r, int y, struct holiday *h);

/*
 * Every holiday of a calendar between two dates inclusive, sorted by
 * observed date. Returns a heap array (caller frees) and its length in
 * *n; NULL with *n = 0 when there are none. It can't fail.
 */
struct holiday *holiday_list(const struct holiday_calendar *c, pdate from,
    pdate to, size_t *n);

#endif
