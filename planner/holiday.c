/* holiday.c: public-holiday rules expanded to the days they close; Easter by computus. */
#include "holiday.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/*
 * Western Easter: the anonymous Gregorian algorithm (Meeus/Jones/Butcher,
 * Meeus, Astronomical Algorithms, 2nd ed., ch. 8). Valid for every
 * Gregorian year; callers stay within DATE_MIN_YEAR..DATE_MAX_YEAR.
 * It can't fail.
 */
pdate
holiday_easter(int y)
{
	int a = y % 19, b = y / 100, c = y % 100;
	int d = b / 4, e = b % 4;
	int f = (b + 8) / 25;
	int g = (b - f + 1) / 3;
	int h = (19 * a + b - d - g + 15) % 30;
	int i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	int n = h + l - 7 * m + 114;

	return date_from_ymd(y, n / 31, n % 31 + 1);
}

/*
 * Orthodox Easter: Meeus's Julian computus gives the Julian calendar
 * date, which is then moved to the Gregorian calendar. The calendars
 * differ by y/100 - y/400 - 2 days from Julian 29 February of a century
 * year on (13 days for 1900-2099, 14 for 2100-2199, 15 in 2200); Easter
 * always comes after that day, so the year's difference applies. March
 * and April have the same lengths in both calendars, so the Julian
 * month and day can be read as a Gregorian day count and shifted.
 * It can't fail.
 */
pdate
holiday_orthodox_easter(int y)
{
	int a = y % 4, b = y % 7, c = y % 19;
	int d = (19 * c + 15) % 30;
	int e = (2 * a + 4 * b - d + 34) % 7;
	int n = d + e + 114;

	return date_from_ymd(y, n / 31, n % 31 + 1) + (y / 100 - y / 400 - 2);
}

/*
 * Whether a rule is in force in year y. A rule with every but no
 * from_year counts its cycle from to_year (the last year it applied),
 * and from year 0 when it has neither; the loader is expected to ask
 * for from.
 */
static int
in_force(const struct holiday_rule *r, int y)
{
	int anchor, k;

	if (y < DATE_MIN_YEAR || y > DATE_MAX_YEAR)
		return 0;
	if (r->from_year != 0 && y < r->from_year)
		return 0;
	if (r->to_year != 0 && y > r->to_year)
		return 0;
	if (r->every > 0) {
		anchor = r->from_year != 0 ? r->from_year : r->to_year;
		k = (y - anchor) % r->every;
		if (k != 0)
			return 0;
	}
	return 1;
}

/* The nth weekday of a month (nth 1..5, or -1..-5 counted from its end). */
static int
nth_weekday(int y, int month, int nth, int weekday, pdate *out)
{
	int dim, day;

	if (month < 1 || month > 12 || weekday < 0 || weekday > 6)
		return 0;
	dim = date_days_in_month(y, month);
	if (nth >= 1 && nth <= 5)
		day = 1 + (weekday - date_weekday(date_from_ymd(y, month, 1)) +
		    7) % 7 + 7 * (nth - 1);
	else if (nth <= -1 && nth >= -5)
		day = dim - (date_weekday(date_from_ymd(y, month, dim)) -
		    weekday + 7) % 7 - 7 * (-nth - 1);
	else
		return 0;
	if (day < 1 || day > dim)
		return 0;	/* no fifth Monday this time */
	*out = date_from_ymd(y, month, day);
	return 1;
}

/* The day itself a rule names in year y, before any observed shift. */
static int
actual_day(const struct holiday_rule *r, int y, pdate *out)
{
	int yy, mm, dd;

	switch (r->kind) {
	case HOL_FIXED:
		/* 29 February exists only in leap years; nothing else moves. */
		if (r->month < 1 || r->month > 12 || r->day < 1 ||
		    r->day > date_days_in_month(y, r->month))
			return 0;
		*out = date_from_ymd(y, r->month, r->day);
		return 1;
	case HOL_NTH:
		return nth_weekday(y, r->month, r->nth, r->weekday, out);
	case HOL_EASTER:
	case HOL_ORTHODOX:
		/* No feast is kept more than a year from Easter. */
		if (r->offset < -366 || r->offset > 366)
			return 0;
		*out = (r->kind == HOL_EASTER ? holiday_easter(y) :
		    holiday_orthodox_easter(y)) + r->offset;
		return 1;
	case HOL_DATE:
		if (r->date < date_from_ymd(DATE_MIN_YEAR, 1, 1) ||
		    r->date > date_from_ymd(DATE_MAX_YEAR, 12, 31))
			return 0;
		date_to_ymd(r->date, &yy, &mm, &dd);
		if (yy != y)
			return 0;
		*out = r->date;
		return 1;
	}
	return 0;
}

/* Move a day that falls on a weekend as the rule's observance says. */
static pdate
observe(pdate d, enum holiday_observed obs)
{
	int wd = date_weekday(d);

	switch (obs) {
	case OBS_NONE:
		break;
	case OBS_NEAREST_WEEKDAY:
		if (wd == 5)
			return d - 1;
		if (wd == 6)
			return d + 1;
		break;
	case OBS_NEXT_MONDAY:
		if (wd == 5)
			return d + 2;
		if (wd == 6)
			return d + 1;
		break;
	case OBS_SUNDAY_TO_MONDAY:
		if (wd == 6)
			return d + 1;
		break;
	}
	return d;
}

/*
 * Year y is the year of the day itself, not of the observed day: New
 * Year's Day 2028 (a Saturday) is the 2028 holiday although it is
 * observed on Friday 31 December 2027. Returns 1 with *h filled, or 0
 * with *h untouched when the rule is not in force in y, names no day
 * in y (a fifth Monday that does not exist, 29 February in a common
 * year, a one-off date in another year) or is malformed. It can't fail.
 */
int
holiday_in_year(const struct holiday_rule *r, int y, struct holiday *h)
{
	pdate d;

	if (!in_force(r, y) || !actual_day(r, y, &d))
		return 0;
	h->actual = d;
	h->date = observe(d, r->observed);
	h->name = r->name;
	return 1;
}

static int
holiday_cmp(const void *pa, const void *pb)
{
	const struct holiday *a = pa, *b = pb;
	int c;

	if (a->date != b->date)
		return a->date < b->date ? -1 : 1;
	if (a->name == NULL || b->name == NULL)
		c = (a->name != NULL) - (b->name != NULL);
	else
		c = strcmp(a->name, b->name);
	if (c != 0)
		return c;
	if (a->actual != b->actual)
		return a->actual < b->actual ? -1 : 1;
	return 0;
}

/*
 * A holiday belongs to the range when its observed day does, wherever
 * the day itself is. Two holidays observed on one day are both kept,
 * ordered by name (then by the day itself), so the order never depends
 * on the order of the rules.
 */
struct holiday *
holiday_list(const struct holiday_calendar *c, pdate from, pdate to,
    size_t *n)
{
	struct holiday *v = NULL, h;
	size_t len = 0, cap = 0, i;
	pdate lo = date_from_ymd(DATE_MIN_YEAR, 1, 1);
	pdate hi = date_from_ymd(DATE_MAX_YEAR, 12, 31);
	int y, y0, y1, m, d;

	*n = 0;
	if (c == NULL)
		return NULL;
	if (from < lo)
		from = lo;
	if (to > hi)
		to = hi;
	if (from > to)
		return NULL;
	date_to_ymd(from, &y0, &m, &d);
	date_to_ymd(to, &y1, &m, &d);
	/* An observed day can fall in the year before or after its own. */
	for (y = y0 - 1; y <= y1 + 1; y++) {
		for (i = 0; i < c->nrules; i++) {
			if (!holiday_in_year(&c->rules[i], y, &h))
				continue;
			if (h.date < from || h.date > to)
				continue;
			if (len == cap) {
				cap = cap ? 2 * cap : 32;
				v = xreallocarray(v, cap, sizeof(*v));
			}
			v[len++] = h;
		}
	}
	if (len == 0)
		return NULL;
	qsort(v, len, sizeof(*v), holiday_cmp);
	*n = len;
	return v;
}
