/* sched.c: place each exercise's events where every attending agency can keep them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "avail.h"
#include "sched.h"
#include "slot.h"
#include "tz.h"
#include "util.h"

/*
 * An exercise is scheduled by trying each possible first day of play
 * (one when the date is fixed) and keeping the best try: every event
 * placed, the most people free on the days of play, the least time
 * outside working hours, the earliest date. Within a try, events are
 * placed in template order by slot.c, after a backward pass that finds
 * the latest start each event may take so that the events which must
 * follow it (its 'after' dependants) still fit: any choice up to that
 * bound leaves them a place, so no backtracking is needed.
 */

/* One exercise being scheduled: its agencies and their calendars. */
struct xs {
	const struct exercise *ex;
	const struct template *t;
	const struct tz *venue;
	struct avail **av;	/* per participant */
	size_t nav;
	struct avail ***who;	/* per template event: attending agencies */
	size_t *nwho;
};

/* One event of one try. */
struct ev {
	struct slot_req req;
	int fixed;		/* exactly at req.lo whatever the hours */
	ptime latest;
	ptime start, end;
	struct sb warn;		/* warnings, one per line */
};

/* One try of a first day of play. */
struct try {
	int ok;
	pdate first;
	ptime startex, endex;
	pdate days[31];		/* days of play */
	struct ev *ev;		/* per template event */
	struct sb conduct_warn;
	char **why;		/* why the try failed */
	size_t nwhy;
	int people;		/* free on every day of play */
	int64_t outside;	/* seconds outside hours, all events */
};

/* --- the agencies of an exercise ------------------------------------------ */

static int
role_takes(const struct role_def *r, enum part_kind k)
{
	switch (r->source) {
	case SRC_PLAYING:
		return k == PART_PLAYING;
	case SRC_NON_PLAYING:
		return k != PART_PLAYING;
	default:
		return 1;
	}
}

/* Agencies attending e: those any of its roles may be staffed from;
 * every participant when it names no role, none for a bare deadline. */
static void
attendees(struct xs *x, const struct event_def *e, size_t i)
{
	size_t p, k;

	x->who[i] = xcalloc(x->nav + 1, sizeof(struct avail *));
	for (p = 0; p < x->nav; p++) {
		int in = e->roles.n == 0 && e->kind != EV_DEADLINE;

		for (k = 0; k < e->roles.n && !in; k++) {
			const struct role_def *r = template_role(x->t,
			    e->roles.v[k]);

			in = r != NULL &&
			    role_takes(r, x->ex->participants[p].kind);
		}
		if (in)
			x->who[i][x->nwho[i]++] = x->av[p];
	}
}

/* The dates any event could touch, with a margin for zone offsets. */
static void
date_span(const struct xs *x, pdate *from, pdate *to)
{
	const struct exercise *ex = x->ex;
	pdate lo = ex->has_conduct ? ex->conduct : ex->window_from;
	pdate hi = (ex->has_conduct ? ex->conduct : ex->window_to) +
	    x->t->conduct_days * 3 + 7;
	size_t i;

	*from = lo - 2;
	*to = hi + 2;
	for (i = 0; i < x->t->nevents; i++) {
		const struct event_def *e = &x->t->events[i];
		pdate a = span_add_date(lo, &e->earliest) - 2;
		pdate b = span_add_date(hi, &e->latest) + 2;

		if (a < *from)
			*from = a;
		if (b > *to)
			*to = b;
	}
}

static void
xs_init(struct xs *x, const struct exercise *ex)
{
	pdate from, to;
	size_t i;

	memset(x, 0, sizeof(*x));
	x->ex = ex;
	x->t = ex->tpl;
	x->venue = tz_get(ex->timezone, NULL);
	date_span(x, &from, &to);
	x->nav = ex->nparticipants;
	x->av = xcalloc(x->nav + 1, sizeof(*x->av));
	for (i = 0; i < x->nav; i++)
		x->av[i] = avail_new(ex->participants[i].agency, from, to);
	x->who = xcalloc(x->t->nevents + 1, sizeof(*x->who));
	x->nwho = xcalloc(x->t->nevents + 1, sizeof(*x->nwho));
	for (i = 0; i < x->t->nevents; i++)
		attendees(x, &x->t->events[i], i);
}

static void
xs_free(struct xs *x)
{
	size_t i;

	for (i = 0; i < x->nav; i++)
		avail_free(x->av[i]);
	for (i = 0; i < x->t->nevents; i++)
		free(x->who[i]);
	free(x->av);
	free(x->who);
	free(x->nwho);
}

/* --- days of play ----------------------------------------------------------- */

/* Consecutive days from first, weekends skipped unless play allows. */
static void
play_days(const struct template *t, pdate first, pdate *days)
{
	pdate d = first;
	int i;

	for (i = 0; i < t->conduct_days; i++) {
		while (i > 0 && !t->weekend_play && date_weekday(d) >= 5)
			d++;
		days[i] = d++;
	}
}

/* Why an agency cannot play on d, or NULL when it can. Caller frees. */
static char *
play_blocker(const struct avail *a, pdate d, int weekend)
{
	struct day_info di = avail_day(a, d);
	const char *id = avail_agency(a)->id;

	switch (di.status) {
	case DAY_OFF:
		return weekend ? NULL : xasprintf("not a working day of %s",
		    id);
	case DAY_HOLIDAY:
		return xasprintf("holiday of %s: %s (%s)", id, di.why,
		    di.source);
	case DAY_CLOSED:
		return xasprintf("closed for %s: %s", id, di.why ? di.why :
		    "all-day event");
	case DAY_BLACKOUT:
		return di.why ? xasprintf("blackout of %s: %s", id, di.why) :
		    xasprintf("blackout of %s", id);
	default:
		return NULL;
	}
}

/* The first reason the days of play are not good for everyone. */
static char *
check_play(const struct xs *x, const struct try *tr)
{
	int i;
	size_t p;
	char *why, *s, date[11];

	for (i = 0; i < x->t->conduct_days; i++)
		for (p = 0; p < x->nav; p++) {
			why = play_blocker(x->av[p], tr->days[i],
			    x->t->weekend_play);
			if (why == NULL)
				continue;
			if (x->t->conduct_days == 1)
				return why;
			date_format(tr->days[i], date);
			s = xasprintf("day %d of play (%s): %s", i + 1, date,
			    why);
			free(why);
			return s;
		}
	return NULL;
}

static int
count_free_people(const struct model *m, const struct xs *x,
    const struct try *tr)
{
	size_t i, p, k;
	int n = 0, ok, day;

	for (i = 0; i < m->npeople; i++) {
		const struct person *ps = m->people[i];

		for (p = 0; p < x->nav; p++)
			if (ps->agency == avail_agency(x->av[p]))
				break;
		if (p == x->nav)
			continue;
		ok = 1;
		for (day = 0; day < x->t->conduct_days && ok; day++)
			for (k = 0; k < ps->nunavailable; k++)
				if (tr->days[day] >= ps->unavailable[k].from &&
				    tr->days[day] <= ps->unavailable[k].to)
					ok = 0;
		n += ok;
	}
	return n;
}

/* --- events ------------------------------------------------------------------ */

static int
span_eq(const struct span *a, const struct span *b)
{
	return a->months == b->months && a->days == b->days &&
	    a->secs == b->secs;
}

/* Bounds of the start of event i from its window. */
static void
event_bounds(const struct xs *x, struct try *tr, size_t i)
{
	const struct event_def *e = &x->t->events[i];
	struct ev *ev = &tr->ev[i];
	ptime anchor = e->anchor == ANCHOR_ENDEX ? tr->endex : tr->startex;
	pdate ad, lo, hi;
	int secs;

	ev->req.duration = e->duration;
	ev->req.who = x->who[i];
	ev->req.nwho = x->nwho[i];
	ev->req.venue = x->venue;
	ev->req.deadline = e->kind == EV_DEADLINE;
	if (e->earliest.has_time || e->latest.has_time) {
		ev->req.lo = span_add_time(anchor, &e->earliest);
		ev->req.hi = span_add_time(anchor, &e->latest);
		ev->fixed = span_eq(&e->earliest, &e->latest);
		tz_to_local(x->venue, ev->req.lo + (ev->req.hi - ev->req.lo) / 2,
		    &ev->req.pref, &secs);
		return;
	}
	tz_to_local(x->venue, anchor, &ad, &secs);
	lo = span_add_date(ad, &e->earliest);
	hi = span_add_date(ad, &e->latest);
	ev->req.pref = lo + (hi - lo) / 2;
	ev->req.lo = tz_to_utc(x->venue, lo, 0, NULL);
	ev->req.hi = tz_to_utc(x->venue, hi + 1, 0, NULL) -
	    (e->duration > 0 ? e->duration : 1);
	if (ev->req.hi < ev->req.lo)
		ev->req.hi = ev->req.lo;
}

static ptime
pred_end(const struct xs *x, const struct try *tr, size_t i)
{
	const struct event_def *e = &x->t->events[i];
	ptime lo = tr->ev[i].req.lo;
	size_t k, j;

	for (k = 0; k < e->after.n; k++)
		for (j = 0; j < i; j++)
			if (strcmp(x->t->events[j].id, e->after.v[k]) == 0 &&
			    tr->ev[j].end + e->gap > lo)
				lo = tr->ev[j].end + e->gap;
	return lo;
}

static void
fail_event(const struct xs *x, struct try *tr, size_t i, const char *what)
{
	const struct event_def *e = &x->t->events[i];

	tr->why = xreallocarray(tr->why, tr->nwhy + 1, sizeof(char *));
	tr->why[tr->nwhy++] = xasprintf("event '%s' (%s) %s", e->id,
	    e->title, what);
	slot_explain(&tr->ev[i].req, &tr->why, &tr->nwhy);
}

/* Latest starts, dependants first: j after i bounds i by j's latest. */
static int
backward(const struct xs *x, struct try *tr)
{
	size_t n = x->t->nevents, i, j, k;

	for (i = n; i-- > 0;) {
		struct ev *ev = &tr->ev[i];
		ptime bound = ev->req.hi;

		for (j = i + 1; j < n; j++) {
			const struct event_def *ej = &x->t->events[j];

			for (k = 0; k < ej->after.n; k++)
				if (strcmp(ej->after.v[k], x->t->events[i].id)
				    == 0 && tr->ev[j].latest - ej->gap -
				    ev->req.duration < bound)
					bound = tr->ev[j].latest - ej->gap -
					    ev->req.duration;
		}
		if (ev->fixed) {
			ev->latest = ev->req.lo;
			if (ev->latest > bound) {
				fail_event(x, tr, i, "comes too late for the "
				    "events that must follow it");
				return -1;
			}
			continue;
		}
		if (!slot_latest(&ev->req, bound, &ev->latest)) {
			fail_event(x, tr, i, bound < ev->req.hi ?
			    "has no time in its window early enough for the "
			    "events that must follow it" :
			    "has no possible time in its window");
			return -1;
		}
	}
	return 0;
}

/* One line per attending agency that would be outside its hours. */
static void
warn_hours(struct avail *const *who, size_t n, ptime start, ptime end,
    struct sb *w)
{
	size_t i;
	char from[26], to[26];

	for (i = 0; i < n && end > start; i++) {
		const struct agency *ag = avail_agency(who[i]);
		const struct tz *z = tz_get(ag->timezone, NULL);
		int64_t out = avail_outside(who[i], start, end);

		if (out <= 0)
			continue;
		time_format_offset(start, tz_offset(z, start), from);
		time_format_offset(end, tz_offset(z, end), to);
		sb_printf(w, "%s meets %.5s-%.5s local time, %lldm outside its "
		    "working hours %02d:%02d-%02d:%02d\n", ag->id, from + 11,
		    to + 11, (long long)(out / 60), ag->day_start / 60,
		    ag->day_start % 60, ag->day_end / 60, ag->day_end % 60);
	}
}

/* Place events in order within [after their predecessors, latest]. */
static int
forward(const struct xs *x, struct try *tr, int64_t *burden,
    struct ivlset *taken)
{
	size_t i, k, n = x->t->nevents;
	struct slot_pick pick;

	for (i = 0; i < n; i++) {
		struct ev *ev = &tr->ev[i];
		struct slot_req r = ev->req;
		int64_t *b = xcalloc(r.nwho + 1, sizeof(int64_t));

		for (k = 0; k < r.nwho; k++)
			b[k] = burden[k];
		r.lo = pred_end(x, tr, i);
		r.hi = ev->latest;
		r.burden = b;
		r.taken = taken;
		if (ev->fixed) {
			pick.start = ev->req.lo;
			pick.overlap = 0;
		} else if (!slot_choose(&r, &pick)) {
			free(b);
			fail_event(x, tr, i, "has no time left between the "
			    "events it follows and those that follow it");
			return -1;
		}
		free(b);
		ev->start = pick.start;
		ev->end = pick.start + ev->req.duration;
		if (pick.overlap)
			sb_puts(&ev->warn, "overlaps another event with the "
			    "same roles\n");
		warn_hours(r.who, r.nwho, ev->start, ev->end, &ev->warn);
		for (k = 0; k < r.nwho; k++) {
			int64_t out = slot_outside(&ev->req, k, ev->start);

			tr->outside += out;
		}
		ivl_add(taken, ev->start, ev->end > ev->start ? ev->end :
		    ev->start + 1);
	}
	return 0;
}

/* --- one try ------------------------------------------------------------------ */

static void
try_date(const struct model *m, const struct xs *x, pdate first,
    struct try *tr)
{
	const struct template *t = x->t;
	struct ivlset taken = {0};
	int64_t *burden = xcalloc(x->nav + 1, sizeof(int64_t));
	char *why;
	size_t i;

	tr->first = first;
	play_days(t, first, tr->days);
	tr->startex = tz_to_utc(x->venue, tr->days[0], t->conduct_start * 60,
	    NULL);
	tr->endex = tz_to_utc(x->venue, tr->days[t->conduct_days - 1],
	    t->conduct_start * 60, NULL) + t->conduct_length;
	tr->ev = xcalloc(t->nevents + 1, sizeof(*tr->ev));
	if ((why = check_play(x, tr)) != NULL) {
		if (!x->ex->has_conduct) {
			tr->why = xcalloc(1, sizeof(char *));
			tr->why[tr->nwhy++] = why;
			goto out;
		}
		sb_printf(&tr->conduct_warn, "%s\n", why);
		free(why);
	}
	for (i = 0; i < (size_t)t->conduct_days; i++) {
		ptime s = tz_to_utc(x->venue, tr->days[i],
		    t->conduct_start * 60, NULL);

		ivl_add(&taken, s, s + t->conduct_length);
		warn_hours(x->av, x->nav, s, s + t->conduct_length,
		    &tr->conduct_warn);
	}
	for (i = 0; i < t->nevents; i++)
		event_bounds(x, tr, i);
	if (backward(x, tr) == -1 || forward(x, tr, burden, &taken) == -1)
		goto out;
	tr->people = count_free_people(m, x, tr);
	tr->ok = 1;
out:
	ivl_free(&taken);
	free(burden);
}

static void
try_free(const struct xs *x, struct try *tr)
{
	size_t i;

	if (tr->ev != NULL)
		for (i = 0; i < x->t->nevents; i++)
			sb_free(&tr->ev[i].warn);
	for (i = 0; i < tr->nwhy; i++)
		free(tr->why[i]);
	free(tr->why);
	free(tr->ev);
	sb_free(&tr->conduct_warn);
	memset(tr, 0, sizeof(*tr));
}

static int
better(const struct try *a, const struct try *b)
{
	if (!b->ok)
		return a->ok;
	if (!a->ok)
		return 0;
	if (a->people != b->people)
		return a->people > b->people;
	if (a->outside != b->outside)
		return a->outside < b->outside;
	return a->first < b->first;
}

/* --- into the plan ----------------------------------------------------------- */

static void
copy_warnings(struct arena *a, struct strlist *l, const char *text)
{
	const char *p, *nl;
	size_t n = 0;

	for (p = text; p && (nl = strchr(p, '\n')) != NULL; p = nl + 1)
		n++;
	l->v = arena_array(a, n + 1, sizeof(char *));
	l->n = 0;
	for (p = text; p && (nl = strchr(p, '\n')) != NULL; p = nl + 1)
		l->v[l->n++] = arena_strndup(a, p, (size_t)(nl - p));
}

static void
emit(const struct xs *x, const struct try *tr, struct plan_exercise *px,
    struct arena *a)
{
	const struct template *t = x->t;
	size_t i, k, n = 0;

	px->startex = tr->startex;
	px->endex = tr->endex;
	px->events = arena_array(a, (size_t)t->conduct_days + t->nevents + 1,
	    sizeof(*px->events));
	for (i = 0; i < (size_t)t->conduct_days; i++) {
		struct planned_event *pe = &px->events[n++];

		pe->def = &t->conduct;
		pe->day = (int)i + 1;
		pe->start = tz_to_utc(x->venue, tr->days[i],
		    t->conduct_start * 60, NULL);
		pe->end = pe->start + t->conduct_length;
		pe->agencies = arena_array(a, x->nav + 1, sizeof(void *));
		for (k = 0; k < x->nav; k++)
			pe->agencies[pe->nagencies++] =
			    (struct agency *)avail_agency(x->av[k]);
		copy_warnings(a, &pe->warnings, i == 0 ?
		    tr->conduct_warn.s : NULL);
	}
	for (i = 0; i < t->nevents; i++) {
		struct planned_event *pe = &px->events[n++];

		pe->def = &t->events[i];
		pe->start = tr->ev[i].start;
		pe->end = tr->ev[i].end;
		pe->agencies = arena_array(a, x->nwho[i] + 1, sizeof(void *));
		for (k = 0; k < x->nwho[i]; k++)
			pe->agencies[pe->nagencies++] =
			    (struct agency *)avail_agency(x->who[i][k]);
		copy_warnings(a, &pe->warnings, tr->ev[i].warn.s);
	}
	px->nevents = n;
}

static void
explain(const struct xs *x, const struct try *tr, struct diags *d)
{
	const struct loc *l = &x->ex->loc;
	char a[11], b[11];
	size_t i;

	if (x->ex->has_conduct) {
		date_format(x->ex->conduct, a);
		diag_add(d, DIAG_ERROR, l->file, l->line, l->col, "exercise "
		    "'%s' cannot be scheduled with play on %s", x->ex->id, a);
	} else {
		date_format(x->ex->window_from, a);
		date_format(x->ex->window_to, b);
		diag_add(d, DIAG_ERROR, l->file, l->line, l->col, "exercise "
		    "'%s' has no date of play in %s..%s that every event fits",
		    x->ex->id, a, b);
	}
	for (i = 0; i < tr->nwhy; i++)
		diag_add(d, DIAG_NOTE, l->file, l->line, l->col, "%s",
		    tr->why[i]);
}

/* Failed first days of play and why, for the explanation. */
struct fails {
	pdate *date;
	char **why;
	size_t n, cap;
};

static void
fails_add(struct fails *f, const struct try *tr)
{
	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 16;
		f->date = xreallocarray(f->date, f->cap, sizeof(*f->date));
		f->why = xreallocarray(f->why, f->cap, sizeof(*f->why));
	}
	f->date[f->n] = tr->first;
	f->why[f->n++] = xstrdup(tr->nwhy > 0 ? tr->why[0] :
	    "no reason recorded");
}

/* Merge runs of days with the same reason into the lines of a try. */
static void
fails_lines(const struct fails *f, struct try *out)
{
	size_t i, j;
	char a[11], b[11];

	out->why = xcalloc(f->n + 1, sizeof(char *));
	for (i = 0; i < f->n; i = j) {
		for (j = i + 1; j < f->n && f->date[j] == f->date[j - 1] + 1 &&
		    strcmp(f->why[j], f->why[i]) == 0; j++)
			;
		date_format(f->date[i], a);
		date_format(f->date[j - 1], b);
		out->why[out->nwhy++] = j - 1 == i ?
		    xasprintf("%s: %s", a, f->why[i]) :
		    xasprintf("%s..%s: %s", a, b, f->why[i]);
	}
}

static void
fails_free(struct fails *f)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		free(f->why[i]);
	free(f->why);
	free(f->date);
}

static int
plan_exercise(const struct model *m, struct plan_exercise *px,
    const struct exercise *ex, struct arena *a, struct diags *d)
{
	struct xs x;
	struct try best = {0}, tr, lines = {0};
	struct fails fails = {0};
	pdate first, from, to;
	int rc = 0;

	px->ex = ex;
	xs_init(&x, ex);
	from = ex->has_conduct ? ex->conduct : ex->window_from;
	to = ex->has_conduct ? ex->conduct : ex->window_to;
	for (first = from; first <= to; first++) {
		memset(&tr, 0, sizeof(tr));
		try_date(m, &x, first, &tr);
		if (!tr.ok && ex->has_conduct)
			explain(&x, &tr, d);
		else if (!tr.ok)
			fails_add(&fails, &tr);
		if (better(&tr, &best)) {
			try_free(&x, &best);
			best = tr;
		} else
			try_free(&x, &tr);
	}
	if (best.ok)
		emit(&x, &best, px, a);
	else {
		if (!ex->has_conduct) {
			fails_lines(&fails, &lines);
			explain(&x, &lines, d);
		}
		rc = -1;
	}
	try_free(&x, &best);
	try_free(&x, &lines);
	fails_free(&fails);
	xs_free(&x);
	return rc;
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
		if (plan_exercise(m, &p->exercises[p->nexercises++],
		    m->exercises[i], p->arena, d) == -1)
			rc = -1;
	if (rc == -1) {
		plan_free(p);
		return NULL;
	}
	return p;
}
