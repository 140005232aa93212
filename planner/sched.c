/* sched.c: place each exercise's events on the calendar. */
#include <stdlib.h>
#include <string.h>

#include "sched.h"
#include "tz.h"
#include "util.h"

/* Meetings placed on a day (no clock part) start at this local time. */
#define MEETING_START (9 * 60 * 60)
/* Deadlines given as a day fall due at this local time. */
#define DEADLINE_TIME (17 * 60 * 60)

/* The n-th day of play after first, skipping weekends unless allowed. */
static pdate
play_day(pdate first, int n, int weekend)
{
	pdate d = first;

	while (n > 0) {
		d++;
		if (weekend || date_weekday(d) < 5)
			n--;
	}
	return d;
}

static void
place_conduct(struct plan_exercise *px, const struct tz *z, pdate first,
    struct arena *a)
{
	const struct template *t = px->ex->tpl;
	int i;

	px->events = arena_array(a, (size_t)t->conduct_days + t->nevents,
	    sizeof(*px->events));
	for (i = 0; i < t->conduct_days; i++) {
		struct planned_event *pe = &px->events[px->nevents++];
		pdate d = play_day(first, i, t->weekend_play);

		pe->def = &t->conduct;
		pe->day = i + 1;
		pe->start = tz_to_utc(z, d, t->conduct_start * 60, NULL);
		pe->end = pe->start + t->conduct_length;
	}
	px->startex = px->events[0].start;
	px->endex = px->events[px->nevents - 1].end;
}

/* The middle of an event's window: an instant, or a day at a set time. */
static ptime
window_middle(const struct plan_exercise *px, const struct event_def *e,
    const struct tz *z)
{
	ptime anchor = e->anchor == ANCHOR_ENDEX ? px->endex : px->startex;
	pdate ad, lo, hi;
	int secs;

	if (e->earliest.has_time || e->latest.has_time) {
		ptime a = span_add_time(anchor, &e->earliest);
		ptime b = span_add_time(anchor, &e->latest);

		return a + (b - a) / 2;
	}
	tz_to_local(z, anchor, &ad, &secs);
	lo = span_add_date(ad, &e->earliest);
	hi = span_add_date(ad, &e->latest);
	return tz_to_utc(z, lo + (hi - lo) / 2, e->kind == EV_DEADLINE ?
	    DEADLINE_TIME : MEETING_START, NULL);
}

static int
plan_exercise(struct plan_exercise *px, const struct exercise *ex,
    struct arena *a, struct diags *d)
{
	const struct tz *z;
	char *cause = NULL;
	pdate first;
	size_t i;

	px->ex = ex;
	if ((z = tz_get(ex->timezone, &cause)) == NULL) {
		diag_add(d, DIAG_ERROR, ex->loc.file, ex->loc.line, ex->loc.col,
		    "%s", cause);
		free(cause);
		return -1;
	}
	first = ex->has_conduct ? ex->conduct :
	    ex->window_from + (ex->window_to - ex->window_from) / 2;
	place_conduct(px, z, first, a);
	for (i = 0; i < ex->tpl->nevents; i++) {
		struct planned_event *pe = &px->events[px->nevents++];

		pe->def = &ex->tpl->events[i];
		pe->start = window_middle(px, pe->def, z);
		pe->end = pe->start + pe->def->duration;
	}
	return 0;
}

struct plan *
sched_plan(const struct model *m, struct diags *d)
{
	struct plan *p = xcalloc(1, sizeof(*p));
	size_t i;
	int rc = 0;

	p->model = m;
	p->arena = arena_new();
	p->exercises = arena_array(p->arena, m->nexercises + 1,
	    sizeof(*p->exercises));
	for (i = 0; i < m->nexercises; i++)
		if (plan_exercise(&p->exercises[p->nexercises++],
		    m->exercises[i], p->arena, d) == -1)
			rc = -1;
	if (rc == -1) {
		plan_free(p);
		return NULL;
	}
	return p;
}
