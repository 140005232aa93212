/* avail.c: when an agency works, in UTC: working days and hours, holidays, blackouts, busy times. */
#include <stdlib.h>
#include <string.h>

#include "avail.h"
#include "holiday.h"
#include "tz.h"
#include "util.h"

struct avail {
	const struct agency *ag;
	const struct tz *z;
	pdate from, to;
	struct day_info *days;	/* to - from + 1 of them */
	/* Each day's working hours in UTC, two per day (start, end):
	 * the scheduler asks for the same days once per event and per
	 * conduct day it tries, and the zone conversion dominated. */
	ptime *span;
	/* The zone's UTC offset from chg_at[i] on (chg_off[i]), over
	 * [chg_lo, chg_hi): the range's days with two days' margin before
	 * and three after, which local_to_utc()'s shortcut relies on. */
	ptime *chg_at;
	int32_t *chg_off;
	size_t nchg;
	ptime chg_lo, chg_hi;
	struct ivlset busy;
};

static int
is_workday(const struct agency *ag, pdate d)
{
	return (ag->workdays >> date_weekday(d)) & 1;
}

/* Holidays first, blackouts over them: a blackout is the agency's own
 * word and the more specific reason. */
static void
mark_holidays(struct avail *a)
{
	size_t i, j, n;

	for (i = 0; i < a->ag->ncalendars; i++) {
		const struct holiday_calendar *c = a->ag->calendars[i];
		struct holiday *h = holiday_list(c, a->from, a->to, &n);

		for (j = 0; j < n; j++) {
			struct day_info *di = &a->days[h[j].date - a->from];

			if (di->status == DAY_HOLIDAY)
				continue;
			di->status = DAY_HOLIDAY;
			di->why = h[j].name;
			di->source = c->id;
		}
		free(h);
	}
}

/* Days closed by imported calendars, unless already a holiday. */
static void
mark_closed(struct avail *a)
{
	const char *file;
	size_t i;
	pdate d;

	for (i = 0; i < a->ag->nclosed; i++) {
		const struct range *r = &a->ag->closed[i];

		file = r->loc.file ? strrchr(r->loc.file, '/') : NULL;
		file = file ? file + 1 : r->loc.file;
		for (d = r->from; d <= r->to; d++)
			if (d >= a->from && d <= a->to &&
			    a->days[d - a->from].status != DAY_HOLIDAY) {
				a->days[d - a->from].status = DAY_CLOSED;
				a->days[d - a->from].why = r->reason;
				a->days[d - a->from].source = file;
			}
	}
}

static void
mark_blackouts(struct avail *a)
{
	size_t i;
	pdate d;

	for (i = 0; i < a->ag->nblackouts; i++) {
		const struct range *r = &a->ag->blackouts[i];

		for (d = r->from; d <= r->to; d++) {
			if (d < a->from || d > a->to)
				continue;
			a->days[d - a->from].status = DAY_BLACKOUT;
			a->days[d - a->from].why = r->reason;
			a->days[d - a->from].source = NULL;
		}
	}
}

/* Record the zone's offsets over the range, changes included. */
static void
offsets_init(struct avail *a)
{
	size_t cap = 0;
	ptime t, next;

	if (a->z == NULL)
		return;		/* avail_local_day asks tz_to_local */
	a->chg_lo = ((ptime)a->from - 2) * SECS_PER_DAY;
	a->chg_hi = ((ptime)a->to + 3) * SECS_PER_DAY;
	for (t = a->chg_lo;;) {
		a->chg_at = vec_grow(a->chg_at, &cap, a->nchg,
		    sizeof(*a->chg_at));
		a->chg_off = xreallocarray(a->chg_off, cap,
		    sizeof(*a->chg_off));
		a->chg_at[a->nchg] = t;
		a->chg_off[a->nchg++] = tz_offset(a->z, t);
		if (!tz_next_change(a->z, t, a->chg_hi, &next))
			break;
		t = next;
	}
}

/*
 * tz_to_utc(a->z, d, secs, NULL), answered from the offsets kept when
 * it can be: if one offset holds from two days before the wall time to
 * two days after, tz_to_utc's walk (which spans just that) finds wall
 * time less that offset, so that is the answer; near a change, or
 * outside the range, tz_to_utc is asked. Two conversions per day of
 * every agency of every exercise were most of avail_new().
 */
static ptime
local_to_utc(const struct avail *a, pdate d, int secs)
{
	ptime wall = (ptime)d * SECS_PER_DAY + secs;
	ptime lo = wall - 2 * SECS_PER_DAY, hi = wall + 2 * SECS_PER_DAY;
	size_t i;

	if (a->nchg > 0 && lo >= a->chg_lo && hi < a->chg_hi) {
		for (i = a->nchg - 1; i > 0 && a->chg_at[i] > lo; i--)
			;
		if (i + 1 == a->nchg || a->chg_at[i + 1] > hi)
			return wall - a->chg_off[i];
	}
	return tz_to_utc(a->z, d, secs, NULL);
}

pdate
avail_local_day(const struct avail *a, ptime t)
{
	size_t i;

	if (a->nchg == 0 || t < a->chg_lo || t >= a->chg_hi) {
		pdate d;
		int secs;

		tz_to_local(a->z, t, &d, &secs);
		return d;
	}
	/* A handful of changes a year: the last one at or before t. */
	for (i = a->nchg - 1; i > 0 && a->chg_at[i] > t; i--)
		;
	return date_of(t + a->chg_off[i]);
}

struct avail *
avail_new(const struct agency *ag, pdate from, pdate to)
{
	struct avail *a = xcalloc(1, sizeof(*a));
	size_t i;
	pdate d;

	a->ag = ag;
	a->z = tz_get(ag->timezone, NULL);
	a->from = from;
	a->to = to < from ? from : to;
	a->days = xcalloc((size_t)(a->to - a->from + 1), sizeof(*a->days));
	for (d = a->from; d <= a->to; d++)
		a->days[d - a->from].status = is_workday(ag, d) ? DAY_WORK :
		    DAY_OFF;
	mark_holidays(a);
	mark_closed(a);
	mark_blackouts(a);
	offsets_init(a);
	a->span = xcalloc(2 * (size_t)(a->to - a->from + 1), sizeof(*a->span));
	for (d = a->from; d <= a->to; d++) {
		a->span[2 * (d - a->from)] = local_to_utc(a, d,
		    ag->day_start * 60);
		a->span[2 * (d - a->from) + 1] = local_to_utc(a, d,
		    ag->day_end * 60);
	}
	for (i = 0; i < ag->nbusy; i++)
		ivl_add(&a->busy, ag->busy[i].from, ag->busy[i].to);
	return a;
}

void
avail_free(struct avail *a)
{
	if (a == NULL)
		return;
	ivl_free(&a->busy);
	free(a->days);
	free(a->span);
	free(a->chg_at);
	free(a->chg_off);
	free(a);
}

const struct agency *
avail_agency(const struct avail *a)
{
	return a->ag;
}

const struct tz *
avail_zone(const struct avail *a)
{
	return a->z;
}

struct day_info
avail_day(const struct avail *a, pdate d)
{
	struct day_info di = { DAY_WORK, NULL, NULL };

	if (d >= a->from && d <= a->to)
		return a->days[d - a->from];
	if (!is_workday(a->ag, d))
		di.status = DAY_OFF;
	return di;
}

/* The UTC span of the working hours of local date d. */
static void
day_span(const struct avail *a, pdate d, ptime *from, ptime *to)
{
	if (d >= a->from && d <= a->to) {
		*from = a->span[2 * (d - a->from)];
		*to = a->span[2 * (d - a->from) + 1];
		return;
	}
	*from = local_to_utc(a, d, a->ag->day_start * 60);
	*to = local_to_utc(a, d, a->ag->day_end * 60);
}

void
avail_hours(const struct avail *a, pdate from, pdate to, struct ivlset *out)
{
	struct ivlset work = {0}, free_time = {0};
	ptime s, e;
	pdate d;
	size_t i;

	/* Sets are kept merged, so with nothing to take out the spans
	 * go straight in: the same set, without two copies. */
	for (d = from; d <= to; d++) {
		if (avail_day(a, d).status != DAY_WORK)
			continue;
		day_span(a, d, &s, &e);
		ivl_add(a->busy.n == 0 ? out : &work, s, e);
	}
	if (a->busy.n == 0)
		return;
	ivl_subtract(&work, &a->busy, &free_time);
	for (i = 0; i < free_time.n; i++)
		ivl_add(out, free_time.v[i].from, free_time.v[i].to);
	ivl_free(&work);
	ivl_free(&free_time);
}

void
avail_days(const struct avail *a, pdate from, pdate to, struct ivlset *out)
{
	struct ivlset days = {0}, free_days = {0};
	pdate d;
	size_t i;

	for (d = from; d <= to; d++)
		if (avail_day(a, d).status == DAY_WORK)
			ivl_add(a->busy.n == 0 ? out : &days,
			    local_to_utc(a, d, 0), local_to_utc(a, d + 1, 0));
	if (a->busy.n == 0)
		return;
	ivl_subtract(&days, &a->busy, &free_days);
	for (i = 0; i < free_days.n; i++)
		ivl_add(out, free_days.v[i].from, free_days.v[i].to);
	ivl_free(&days);
	ivl_free(&free_days);
}

int64_t
avail_outside(const struct avail *a, ptime start, ptime end)
{
	ptime s, e, lo, hi;
	pdate d0, d1;
	int secs;
	int64_t inside = 0;

	if (end <= start)
		return 0;
	/* Working hours of every local day the interval touches, whatever
	 * the day's status: this measures the clock, not the calendar.
	 * The days' hours never overlap, so their overlaps add up. */
	tz_to_local(a->z, start, &d0, &secs);
	tz_to_local(a->z, end - 1, &d1, &secs);
	for (; d0 <= d1; d0++) {
		day_span(a, d0, &s, &e);
		lo = s > start ? s : start;
		hi = e < end ? e : end;
		if (hi > lo)
			inside += hi - lo;
	}
	return (end - start) - inside;
}

int64_t
avail_busy(const struct avail *a, ptime start, ptime end)
{
	return ivl_overlap(&a->busy, start, end);
}
