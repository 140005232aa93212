/* slot.c: the times an event could take and the choice among them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "slot.h"
#include "util.h"

static ptime
grid_up(ptime t)
{
	ptime r = t % SLOT_GRID;

	if (r < 0)
		r += SLOT_GRID;
	return r == 0 ? t : t + (SLOT_GRID - r);
}

static pdate
venue_day(const struct slot_req *r, ptime t)
{
	pdate d;
	int secs;

	tz_to_local(r->venue, t, &d, &secs);
	return d;
}

static pdate
who_day(const struct slot_req *r, size_t i, ptime t)
{
	return avail_local_day(r->who[i], t);
}

static int32_t
distance(pdate a, pdate b)
{
	return a > b ? a - b : b - a;
}

/* Every attendee is at work on the local days the slot touches and is
 * not busy then. */
static int
workable(const struct slot_req *r, ptime s)
{
	ptime e = s + (r->duration > 0 ? r->duration : 1);
	size_t i;

	for (i = 0; i < r->nwho; i++) {
		if (avail_day(r->who[i], who_day(r, i, s)).status != DAY_WORK ||
		    avail_day(r->who[i], who_day(r, i, e - 1)).status !=
		    DAY_WORK || avail_busy(r->who[i], s, e) > 0)
			return 0;
	}
	return 1;
}

static int
overlaps_taken(const struct slot_req *r, ptime s)
{
	ptime e = s + (r->duration > 0 ? r->duration : 1);

	return r->taken != NULL && ivl_overlap(r->taken, s, e) > 0;
}

int64_t
slot_outside(const struct slot_req *r, size_t i, ptime start)
{
	return avail_outside(r->who[i], start, start + r->duration);
}

/* --- deadlines: a due time on a working day ----------------------------- */

static ptime
due_on(const struct slot_req *r, pdate d)
{
	return tz_to_utc(r->venue, d, SLOT_DUE_TIME, NULL);
}

static int
due_ok(const struct slot_req *r, pdate d)
{
	ptime s = due_on(r, d);

	return s >= r->lo && s <= r->hi && date_weekday(d) < 5 &&
	    workable(r, s);
}

static int
choose_due(const struct slot_req *r, struct slot_pick *out)
{
	pdate d, best = 0;
	int found = 0;

	for (d = venue_day(r, r->lo); d <= venue_day(r, r->hi); d++) {
		if (!due_ok(r, d))
			continue;
		if (!found || distance(d, r->pref) < distance(best, r->pref))
			best = d;
		found = 1;
	}
	if (found) {
		out->start = due_on(r, best);
		out->in_hours = 1;
		out->overlap = 0;
	}
	return found;
}

/* --- meetings inside everyone's working hours ----------------------------- */

/* Working time shared by every attendee within the window's days. */
static void
common_hours(const struct slot_req *r, struct ivlset *out)
{
	struct ivlset one = {0}, both = {0}, swap;
	pdate from = venue_day(r, r->lo) - 1, to = venue_day(r, r->hi) + 1;
	size_t i;

	ivl_clear(out);
	for (i = 0; i < r->nwho; i++) {
		ivl_clear(&one);
		avail_hours(r->who[i], from, to, &one);
		if (i == 0) {
			swap = *out, *out = one, one = swap;
			continue;
		}
		ivl_intersect(out, &one, &both);
		swap = *out, *out = both, both = swap;
	}
	ivl_free(&one);
	ivl_free(&both);
}

/* Better: nearer the preferred day, then earlier. */
static int
nearer(const struct slot_req *r, ptime a, ptime b)
{
	int32_t da = distance(venue_day(r, a), r->pref);
	int32_t db = distance(venue_day(r, b), r->pref);

	return da != db ? da < db : a < b;
}

static int
choose_in_hours(const struct slot_req *r, int avoid, struct slot_pick *out)
{
	struct ivlset common = {0};
	size_t i;
	ptime s, best = 0;
	int found = 0;

	common_hours(r, &common);
	for (i = 0; i < common.n; i++) {
		s = grid_up(common.v[i].from > r->lo ? common.v[i].from : r->lo);
		for (; s <= r->hi && s + r->duration <= common.v[i].to;
		    s += SLOT_GRID) {
			if (avoid && overlaps_taken(r, s))
				continue;
			if (!found || nearer(r, s, best))
				best = s;
			found = 1;
			/* Later starts the same day are never better. */
			s = grid_up(tz_to_utc(r->venue, venue_day(r, s) + 1, 0,
			    NULL)) - SLOT_GRID;
		}
	}
	ivl_free(&common);
	if (found) {
		out->start = best;
		out->in_hours = 1;
	}
	return found;
}

/* --- meetings outside someone's hours: least burden, shared fairly -------- */

/*
 * Every quarter hour of the window is weighed here, so each attendee's
 * working days and hours over the window are worked out once: then a
 * start costs two binary searches per attendee instead of zone
 * conversions (a year-long window is 35,000 starts).
 */
struct grid {
	struct ivlset *days;	/* per attendee: working days less busy */
	struct ivlset *hours;	/* per attendee: working hours less busy */
	size_t n;
};

static void
grid_new(const struct slot_req *r, struct grid *g)
{
	pdate from = venue_day(r, r->lo) - 2, to = venue_day(r, r->hi) + 2;
	size_t i;

	g->n = r->nwho;
	g->days = xcalloc(g->n + 1, sizeof(*g->days));
	g->hours = xcalloc(g->n + 1, sizeof(*g->hours));
	for (i = 0; i < g->n; i++) {
		avail_days(r->who[i], from, to, &g->days[i]);
		avail_hours(r->who[i], from, to, &g->hours[i]);
	}
}

static void
grid_free(struct grid *g)
{
	size_t i;

	for (i = 0; i < g->n; i++) {
		ivl_free(&g->days[i]);
		ivl_free(&g->hours[i]);
	}
	free(g->days);
	free(g->hours);
}

/* As workable(), from the attendees' precomputed days. */
static int
grid_workable(const struct slot_req *r, const struct grid *g, ptime s)
{
	ptime e = s + (r->duration > 0 ? r->duration : 1);
	size_t i;

	for (i = 0; i < g->n; i++)
		if (!ivl_covers(&g->days[i], s, e))
			return 0;
	return 1;
}

/* The rise in the sum of squares of everyone's out-of-hours burden. On
 * a workable start the hours of its days are all in g->hours. */
static double
fair_cost(const struct slot_req *r, const struct grid *g, ptime s)
{
	double cost = 0;
	size_t i;

	for (i = 0; i < g->n; i++) {
		double before = r->burden ? (double)r->burden[i] : 0;
		double b = (double)(r->duration - ivl_overlap(&g->hours[i], s,
		    s + r->duration));

		cost += (before + b) * (before + b) - before * before;
	}
	return cost;
}

static int
choose_fair(const struct slot_req *r, int avoid, struct slot_pick *out)
{
	ptime s, best = 0;
	double bestc = 0;
	int found = 0;
	struct grid g;

	grid_new(r, &g);
	for (s = grid_up(r->lo); s <= r->hi; s += SLOT_GRID) {
		double c;

		if (!grid_workable(r, &g, s) ||
		    (avoid && overlaps_taken(r, s)))
			continue;
		c = fair_cost(r, &g, s);
		if (!found || c < bestc || (c == bestc && nearer(r, s, best))) {
			best = s;
			bestc = c;
		}
		found = 1;
	}
	grid_free(&g);
	if (found) {
		out->start = best;
		out->in_hours = bestc == 0;
	}
	return found;
}

int
slot_choose(const struct slot_req *r, struct slot_pick *out)
{
	int avoid;

	memset(out, 0, sizeof(*out));
	if (r->lo > r->hi)
		return 0;
	if (r->deadline)
		return choose_due(r, out);
	/* First without touching times already taken, then over them. */
	for (avoid = 1; avoid >= 0; avoid--) {
		if (choose_in_hours(r, avoid, out) || choose_fair(r, avoid, out)) {
			out->overlap = !avoid;
			return 1;
		}
	}
	return 0;
}

int
slot_latest(const struct slot_req *r, ptime bound, ptime *start)
{
	ptime hi = bound < r->hi ? bound : r->hi, s;
	pdate d;

	if (r->deadline) {
		for (d = venue_day(r, hi); d >= venue_day(r, r->lo); d--)
			if (due_ok(r, d) && due_on(r, d) <= hi) {
				*start = due_on(r, d);
				return 1;
			}
		return 0;
	}
	for (s = hi - (hi % SLOT_GRID + SLOT_GRID) % SLOT_GRID; s >= r->lo;
	    s -= SLOT_GRID)
		if (workable(r, s)) {
			*start = s;
			return 1;
		}
	return 0;
}

/* --- explanations ---------------------------------------------------------- */

/* Why an agency cannot use its local date d; NULL if it can. */
static char *
status_reason(const struct agency *ag, struct day_info di)
{
	switch (di.status) {
	case DAY_OFF:
		return xasprintf("not a working day of %s", ag->id);
	case DAY_HOLIDAY:
		return xasprintf("holiday of %s: %s (%s)", ag->id, di.why,
		    di.source);
	case DAY_CLOSED:
		return xasprintf("closed for %s: %s (%s)", ag->id,
		    di.why ? di.why : "all-day event",
		    di.source ? di.source : "calendar");
	case DAY_BLACKOUT:
		return di.why ? xasprintf("blackout of %s: %s", ag->id,
		    di.why) : xasprintf("blackout of %s", ag->id);
	default:
		return NULL;
	}
}

/* "17:00 MST" or "2027-06-05 03:00 EEST" of instant t in zone z. */
static void
stamp(const struct tz *z, ptime t, int with_date, char *buf, size_t size)
{
	char s[26];

	time_format_offset(t, tz_offset(z, t), s);
	if (with_date)
		snprintf(buf, size, "%.10s %.5s %s", s, s + 11, tz_abbr(z, t));
	else
		snprintf(buf, size, "%.5s %s", s + 11, tz_abbr(z, t));
}

/* A deadline is due on the reader's own date, which may not be d. */
static char *
due_reason(const struct slot_req *r, pdate d)
{
	ptime due = due_on(r, d);
	char *why, at[48], there[48];
	size_t i;

	if (date_weekday(d) >= 5)
		return xstrdup("a weekend, when nothing falls due");
	for (i = 0; i < r->nwho; i++) {
		const struct agency *ag = avail_agency(r->who[i]);
		pdate local = who_day(r, i, due);

		why = status_reason(ag, avail_day(r->who[i], local));
		if (why == NULL)
			continue;
		if (local == d)
			return why;
		free(why);
		stamp(r->venue, due, 0, at, sizeof(at));
		stamp(avail_zone(r->who[i]), due, 1, there, sizeof(there));
		return xasprintf("due %s, which is %s for %s, not a working "
		    "day of %s", at, there, ag->id, ag->id);
	}
	return NULL;
}

static char *
day_reason(const struct slot_req *r, pdate d)
{
	ptime noon = tz_to_utc(r->venue, d, 12 * 3600, NULL);
	ptime from = tz_to_utc(r->venue, d, 0, NULL);
	ptime to = tz_to_utc(r->venue, d + 1, 0, NULL);
	char *why;
	size_t i;

	if (r->deadline && (why = due_reason(r, d)) != NULL)
		return why;
	for (i = 0; i < r->nwho; i++) {
		why = status_reason(avail_agency(r->who[i]),
		    avail_day(r->who[i], who_day(r, i, noon)));
		if (why != NULL)
			return why;
	}
	for (i = 0; i < r->nwho; i++)
		if (avail_busy(r->who[i], from, to) > 0)
			return xasprintf("%s is busy (imported calendar)",
			    avail_agency(r->who[i])->id);
	if (noon < r->lo || noon > r->hi + r->duration)
		return xstrdup("outside the window");
	return xstrdup("no start on this day falls on a working day of every "
	    "attendee at once");
}

static void
push_run(char ***out, size_t *n, size_t *cap, pdate from, pdate to,
    const char *why)
{
	char a[11], b[11];

	date_format(from, a);
	date_format(to, b);
	if (from == to)
		VEC_PUSH(*out, *n, *cap) = xasprintf("%s: %s", a, why);
	else
		VEC_PUSH(*out, *n, *cap) = xasprintf("%s..%s: %s", a, b, why);
}

void
slot_explain(const struct slot_req *r, char ***out, size_t *n)
{
	pdate d, first = venue_day(r, r->lo), last = venue_day(r, r->hi);
	pdate run = first;
	char *prev = NULL, *why;
	size_t cap = *n;

	for (d = first; d <= last; d++) {
		why = day_reason(r, d);
		if (prev != NULL && strcmp(prev, why) != 0) {
			push_run(out, n, &cap, run, d - 1, prev);
			run = d;
		}
		free(prev);
		prev = why;
	}
	if (prev != NULL)
		push_run(out, n, &cap, run, last, prev);
	free(prev);
}
