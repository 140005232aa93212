/* sched.c: place each exercise's events where every attending agency can keep them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "avail.h"
#include "progress.h"
#include "sched.h"
#include "slot.h"
#include "tz.h"
#include "util.h"

/*
 * An exercise is scheduled by trying each possible first day of play
 * (one when the date is fixed) and keeping the best try: every event
 * placed, the most people free on the days of play, the least time
 * outside working hours, the earliest date. The days are tried in that
 * order as far as it is known beforehand, so most are never placed
 * (best_first). Within a try, events are
 * placed in template order by slot.c, after a backward pass that finds
 * the latest start each event may take so that the events which must
 * follow it (its 'after' dependants) still fit: any choice up to that
 * bound leaves them a place, so no backtracking is needed.
 */

/* The agencies attending one event, and which participants they are. */
struct who {
	struct avail **av;
	size_t *part;
	size_t n;
};

/* One exercise being scheduled: its agencies and their calendars. */
struct xs {
	const struct exercise *ex;
	const struct template *t;
	const struct tz *venue;
	struct avail **av;	/* per participant */
	size_t nav;
	struct who *who;	/* per template event, then play at [nevents] */
	size_t npeople;		/* of the participating agencies */
	/* Those of them with leave in the days play could take: the
	 * others are free on any try, so only these are looked at. */
	const struct person **away;
	size_t naway;
	pdate away_from, away_to;	/* the days of play of any try */
	/* Failed tries keep no reasons while set: they are shown only
	 * when no day fits, and building them for every day of every
	 * window was a good part of scheduling (as were the warnings,
	 * now built for the chosen try alone). */
	int quiet;
};

/*
 * The model's people grouped by agency, built once per plan: each
 * exercise looks up the people of its few agencies instead of scanning
 * the whole roster for every day it tries (20,000 people x 2,000
 * exercises x 30 days was most of scheduling a national program).
 */
struct by_agency {
	uintptr_t *all;			/* every person's agency, sorted */
	size_t nall;
	/* The people with any absence, by agency: only they can be away
	 * (one in seven at the sizes of docs/performance.md). */
	uintptr_t *agency;		/* sorted */
	const struct person **person;	/* in step with agency */
	size_t n;
};

/* One event of one try. */
struct ev {
	struct slot_req req;
	int fixed;		/* exactly at req.lo whatever the hours */
	ptime latest;
	int limiter;		/* the dependant that set latest, or -1 */
	ptime start, end;
	int overlap;		/* placed over a time already taken */
	struct sb warn;		/* warnings, one per line (add_warnings) */
};

#define MAX_PLAY_DAYS 31

/* One try of a first day of play. */
struct try {
	int ok;
	pdate first;
	ptime startex, endex;
	pdate days[MAX_PLAY_DAYS];
	struct ev *ev;		/* per template event */
	struct sb play_warn[MAX_PLAY_DAYS];	/* add_warnings */
	char **why;		/* why the try failed; none when quiet */
	size_t nwhy;
	int people;		/* free on every day of play */
	int64_t outside;	/* seconds outside hours, all events */
	/* Give up once outside reaches this: the try can no longer win
	 * (best_first). INT64_MAX: place every event. */
	int64_t give_up;
};

/* A first day of play whose days of play every agency can keep. */
struct cand {
	pdate first;
	int people;
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
attendees(struct xs *x, const struct event_def *e, struct who *w)
{
	size_t p, k;

	w->av = xcalloc(x->nav + 1, sizeof(*w->av));
	w->part = xcalloc(x->nav + 1, sizeof(*w->part));
	for (p = 0; p < x->nav; p++) {
		int in = e->roles.n == 0 && e->kind != EV_DEADLINE;

		for (k = 0; k < e->roles.n && !in; k++) {
			const struct role_def *r = template_role(x->t,
			    e->roles.v[k]);

			in = r != NULL &&
			    role_takes(r, x->ex->participants[p].kind);
		}
		if (in) {
			w->part[w->n] = p;
			w->av[w->n++] = x->av[p];
		}
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

static int
member_cmp(const void *a, const void *b)
{
	const struct person *const *x = a, *const *y = b;
	uintptr_t p = (uintptr_t)(*x)->agency, q = (uintptr_t)(*y)->agency;

	if (p == q) {
		/* Any order within an agency: its people are only counted. */
		p = (uintptr_t)*x;
		q = (uintptr_t)*y;
	}
	return p < q ? -1 : p > q;
}

static int
uintptr_cmp(const void *a, const void *b)
{
	uintptr_t p = *(const uintptr_t *)a, q = *(const uintptr_t *)b;

	return p < q ? -1 : p > q;
}

static void
by_agency_init(struct by_agency *b, const struct model *m)
{
	size_t i;

	memset(b, 0, sizeof(*b));
	b->nall = m->npeople;
	b->all = xcalloc(b->nall + 1, sizeof(*b->all));
	b->person = xcalloc(m->npeople + 1, sizeof(*b->person));
	b->agency = xcalloc(m->npeople + 1, sizeof(*b->agency));
	for (i = 0; i < m->npeople; i++) {
		b->all[i] = (uintptr_t)m->people[i]->agency;
		if (m->people[i]->nunavailable > 0)
			b->person[b->n++] = m->people[i];
	}
	qsort(b->all, b->nall, sizeof(*b->all), uintptr_cmp);
	qsort(b->person, b->n, sizeof(*b->person), member_cmp);
	for (i = 0; i < b->n; i++)
		b->agency[i] = (uintptr_t)b->person[i]->agency;
}

static void
by_agency_free(struct by_agency *b)
{
	free(b->all);
	free(b->person);
	free(b->agency);
}

/* The index of the first of v[0..n) (sorted) that is not below key. */
static size_t
lower_bound(const uintptr_t *v, size_t n, uintptr_t key)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (v[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Does any of pn's absences touch a day of [from, to]? */
static int
away_within(const struct person *pn, pdate from, pdate to)
{
	size_t k;

	for (k = 0; k < pn->nunavailable; k++)
		if (pn->unavailable[k].from <= to &&
		    pn->unavailable[k].to >= from)
			return 1;
	return 0;
}

/* Count the people of agency a, and keep those who may be away. */
static void
add_members(struct xs *x, const struct by_agency *b, const struct agency *a,
    size_t *cap)
{
	uintptr_t key = (uintptr_t)a;
	size_t i;

	x->npeople += lower_bound(b->all, b->nall, key + 1) -
	    lower_bound(b->all, b->nall, key);
	for (i = lower_bound(b->agency, b->n, key);
	    i < b->n && b->agency[i] == key; i++) {
		if (!away_within(b->person[i], x->away_from, x->away_to))
			continue;
		x->away = vec_grow(x->away, cap, x->naway, sizeof(*x->away));
		x->away[x->naway++] = b->person[i];
	}
}

static void
xs_init(struct xs *x, const struct exercise *ex, const struct by_agency *b)
{
	pdate from, to;
	size_t i, j, cap = 0;

	memset(x, 0, sizeof(*x));
	x->ex = ex;
	x->t = ex->tpl;
	x->venue = tz_get(ex->timezone, NULL);
	/* play_days() looks at most 2 * MAX_PLAY_DAYS + 1 days on. */
	x->away_from = ex->has_conduct ? ex->conduct : ex->window_from;
	x->away_to = (ex->has_conduct ? ex->conduct : ex->window_to) +
	    2 * MAX_PLAY_DAYS + 2;
	date_span(x, &from, &to);
	x->nav = ex->nparticipants;
	x->av = xcalloc(x->nav + 1, sizeof(*x->av));
	for (i = 0; i < x->nav; i++)
		x->av[i] = avail_new(ex->participants[i].agency, from, to);
	for (i = 0; i < x->nav; i++) {
		for (j = 0; j < i; j++)
			if (ex->participants[j].agency ==
			    ex->participants[i].agency)
				break;
		if (j == i)
			add_members(x, b, ex->participants[i].agency, &cap);
	}
	x->who = xcalloc(x->t->nevents + 1, sizeof(*x->who));
	for (i = 0; i < x->t->nevents; i++)
		attendees(x, &x->t->events[i], &x->who[i]);
	attendees(x, &x->t->conduct, &x->who[x->t->nevents]);
}

static void
xs_free(struct xs *x)
{
	size_t i;

	for (i = 0; i < x->nav; i++)
		avail_free(x->av[i]);
	for (i = 0; i <= x->t->nevents; i++) {
		free(x->who[i].av);
		free(x->who[i].part);
	}
	free(x->av);
	free(x->who);
	free(x->away);
}

/* --- days of play ----------------------------------------------------------- */

/* Can the agency play on d? As play_blocker() == NULL, without text. */
static int
play_open(const struct avail *a, pdate d, int weekend)
{
	enum day_status st = avail_day(a, d).status;

	return st == DAY_WORK || (st == DAY_OFF && weekend);
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
		return xasprintf("closed for %s: %s (%s)", id, di.why ? di.why :
		    "all-day event", di.source ? di.source : "calendar");
	case DAY_BLACKOUT:
		return di.why ? xasprintf("blackout of %s: %s", id, di.why) :
		    xasprintf("blackout of %s", id);
	default:
		return NULL;
	}
}

static void
add_why(struct try *tr, char *line)
{
	tr->why = xreallocarray(tr->why, tr->nwhy + 1, sizeof(char *));
	tr->why[tr->nwhy++] = line;
}

/* Can every agency at play play on d? Each reason it cannot is added to
 * tr (all of them, or only the first when first_only is set), unless
 * tr is NULL or the tries are quiet. */
static int
playable(const struct xs *x, pdate d, struct try *tr, int first_only)
{
	const struct who *w = &x->who[x->t->nevents];
	char date[11], *why;
	size_t p;
	int ok = 1;

	if (x->quiet)
		tr = NULL;
	for (p = 0; p < w->n && (ok || !first_only); p++) {
		if (play_open(w->av[p], d, x->t->weekend_play))
			continue;
		ok = 0;
		if (tr == NULL)
			continue;
		why = play_blocker(w->av[p], d, x->t->weekend_play);
		/* Tries of a range list their date themselves. */
		if (first_only)
			add_why(tr, xstrdup(why));
		else {
			date_format(d, date);
			add_why(tr, xasprintf("%s: %s", date, why));
		}
		free(why);
	}
	return ok;
}

/*
 * The days of play: first, then the next days on which every agency at
 * play can play (working days, or any day but a holiday, closure or
 * blackout with weekend play). Returns 0, or -1 with the reasons in tr.
 */
static int
play_days(const struct xs *x, pdate first, struct try *tr)
{
	int i, fixed = x->ex->has_conduct;
	pdate d = first;

	if (!playable(x, first, tr, !fixed))
		return -1;
	tr->days[0] = first;
	for (i = 1; i < x->t->conduct_days; i++) {
		for (d = d + 1; !playable(x, d, NULL, 1); d++)
			if (d - first > 2 * MAX_PLAY_DAYS) {
				if (!x->quiet)
					add_why(tr, xasprintf("no %d days of "
					    "play that every agency can keep "
					    "follow %s", x->t->conduct_days,
					    "the first"));
				return -1;
			}
		tr->days[i] = d;
	}
	return 0;
}

static int
count_free_people(const struct xs *x, const pdate *days)
{
	size_t i, k;
	int n = (int)x->npeople, ok, day;

	for (i = 0; i < x->naway; i++) {
		const struct person *ps = x->away[i];

		ok = 1;
		for (day = 0; day < x->t->conduct_days && ok; day++)
			for (k = 0; k < ps->nunavailable; k++)
				if (days[day] >= ps->unavailable[k].from &&
				    days[day] <= ps->unavailable[k].to)
					ok = 0;
		n -= !ok;
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

	ev->limiter = -1;
	ev->req.duration = e->duration;
	ev->req.who = x->who[i].av;
	ev->req.nwho = x->who[i].n;
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

/* The earliest start after every event it follows, and which one. */
static ptime
pred_end(const struct xs *x, const struct try *tr, size_t i, int *pred)
{
	const struct event_def *e = &x->t->events[i];
	ptime lo = tr->ev[i].req.lo;
	size_t k, j;

	*pred = -1;
	for (k = 0; k < e->after.n; k++)
		for (j = 0; j < i; j++)
			if (strcmp(x->t->events[j].id, e->after.v[k]) == 0 &&
			    tr->ev[j].end + e->gap > lo) {
				lo = tr->ev[j].end + e->gap;
				*pred = (int)j;
			}
	return lo;
}

static char *
venue_date(const struct xs *x, ptime t)
{
	char buf[11];

	date_format(date_of(t + tz_offset(x->venue, t)), buf);
	return xstrdup(buf);
}

static char *
venue_stamp(const struct xs *x, ptime t)
{
	char buf[26];

	time_format_offset(t, tz_offset(x->venue, t), buf);
	buf[16] = '\0';
	buf[10] = ' ';
	return xasprintf("%s %s", buf, tz_abbr(x->venue, t));
}

/* "event 'mpm' (Midterm Planning Meeting) has no time in its window
 * A..B <tail>" */
static void
fail_head(const struct xs *x, struct try *tr, size_t i, const char *what,
    const char *tail)
{
	const struct event_def *e = &x->t->events[i];
	char *a = venue_date(x, tr->ev[i].req.lo);
	char *b = venue_date(x, tr->ev[i].req.hi);

	add_why(tr, xasprintf("event '%s' (%s) %s in its window %s..%s%s%s",
	    e->id, e->title, what, a, b, *tail ? " " : "", tail));
	free(a);
	free(b);
}

/* The chain of dependants that bounds event i, one line each. */
static void
explain_chain(const struct xs *x, struct try *tr, size_t i, ptime bound)
{
	const struct template *t = x->t;
	size_t prev = i;
	int j;
	char *by, *a, *b, gap[32];

	for (j = tr->ev[i].limiter; j >= 0; prev = (size_t)j,
	    j = tr->ev[j].limiter) {
		duration_format(t->events[j].gap, gap);
		by = venue_date(x, tr->ev[j].latest);
		a = venue_date(x, tr->ev[j].req.lo);
		b = venue_date(x, tr->ev[j].req.hi);
		add_why(tr, xasprintf("'%s' must start at least %s after '%s' "
		    "ends and by %s (its window %s..%s)", t->events[j].id, gap,
		    t->events[prev].id, by, a, b));
		free(by);
		free(a);
		free(b);
	}
	a = venue_date(x, bound + tr->ev[i].req.duration);
	b = venue_date(x, tr->ev[i].req.lo);
	if (bound < tr->ev[i].req.lo)
		add_why(tr, xasprintf("so '%s' would have to end by %s, before "
		    "its window opens on %s", t->events[i].id, a, b));
	else {
		free(a);
		a = venue_stamp(x, bound);
		add_why(tr, xasprintf("so '%s' would have to start by %s, and "
		    "its window has no working time for it before then",
		    t->events[i].id, a));
	}
	free(a);
	free(b);
}

/* Latest starts, dependants first: j after i bounds i by j's latest. */
static int
backward(const struct xs *x, struct try *tr)
{
	size_t n = x->t->nevents, i, j, k;

	for (i = n; i-- > 0;) {
		struct ev *ev = &tr->ev[i];
		ptime bound = ev->req.hi, b;

		for (j = i + 1; j < n; j++) {
			const struct event_def *ej = &x->t->events[j];

			for (k = 0; k < ej->after.n; k++) {
				if (strcmp(ej->after.v[k], x->t->events[i].id))
					continue;
				b = tr->ev[j].latest - ej->gap -
				    ev->req.duration;
				if (b < bound) {
					bound = b;
					ev->limiter = (int)j;
				}
			}
		}
		if (ev->fixed ? ev->req.lo <= bound :
		    slot_latest(&ev->req, bound, &ev->latest)) {
			if (ev->fixed)
				ev->latest = ev->req.lo;
			continue;
		}
		if (x->quiet)
			return -1;
		if (ev->limiter < 0) {
			fail_head(x, tr, i, "has no possible time", "");
			slot_explain(&ev->req, &tr->why, &tr->nwhy);
		} else {
			fail_head(x, tr, i, "has no time", "early enough for "
			    "the events that must follow it");
			explain_chain(x, tr, i, bound);
		}
		return -1;
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
		const struct tz *z = avail_zone(who[i]);
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

static void
explain_squeeze(const struct xs *x, struct try *tr, size_t i, int pred,
    ptime lo)
{
	char *a, *b, gap[32];

	fail_head(x, tr, i, "has no time left", "between the events it "
	    "follows and those that follow it");
	if (pred >= 0) {
		duration_format(x->t->events[i].gap, gap);
		a = venue_stamp(x, lo);
		add_why(tr, xasprintf("it must start %s after '%s' ends, at %s "
		    "or later", gap, x->t->events[pred].id, a));
		free(a);
	}
	b = venue_stamp(x, tr->ev[i].latest);
	add_why(tr, xasprintf("and by %s%s%s%s", b, tr->ev[i].limiter >= 0 ?
	    " so that '" : "", tr->ev[i].limiter >= 0 ?
	    x->t->events[tr->ev[i].limiter].id : "",
	    tr->ev[i].limiter >= 0 ? "' can follow" : ", when its window ends"));
	free(b);
}

/* Place events in order within [after their predecessors, latest]. */
static int
forward(const struct xs *x, struct try *tr, int64_t *burden,
    struct ivlset *taken)
{
	size_t i, k, n = x->t->nevents;
	struct slot_pick pick;
	int pred;

	for (i = 0; i < n; i++) {
		struct ev *ev = &tr->ev[i];
		const struct who *w = &x->who[i];
		struct slot_req r = ev->req;
		int64_t *b = xcalloc(w->n + 1, sizeof(int64_t));

		for (k = 0; k < w->n; k++)
			b[k] = burden[w->part[k]];
		r.lo = pred_end(x, tr, i, &pred);
		r.hi = ev->latest;
		r.burden = b;
		r.taken = taken;
		if (ev->fixed) {
			pick.start = ev->req.lo;
			pick.overlap = 0;
		} else if (!slot_choose(&r, &pick)) {
			free(b);
			if (!x->quiet)
				explain_squeeze(x, tr, i, pred, r.lo);
			return -1;
		}
		free(b);
		ev->start = pick.start;
		ev->end = pick.start + ev->req.duration;
		ev->overlap = pick.overlap;
		for (k = 0; k < w->n; k++) {
			int64_t out = slot_outside(&ev->req, k, ev->start);

			burden[w->part[k]] += out;
			tr->outside += out;
		}
		/* Time outside hours only grows as events are placed. */
		if (tr->outside >= tr->give_up)
			return -1;
		ivl_add(taken, ev->start, ev->end > ev->start ? ev->end :
		    ev->start + 1);
	}
	return 0;
}

/* --- one try ------------------------------------------------------------------ */

/* Play: STARTEX and ENDEX, and the time taken. */
static void
place_play(const struct xs *x, struct try *tr, struct ivlset *taken)
{
	const struct template *t = x->t;
	int i;
	ptime s = 0;

	for (i = 0; i < t->conduct_days; i++) {
		s = tz_to_utc(x->venue, tr->days[i], t->conduct_start * 60,
		    NULL);
		if (i == 0)
			tr->startex = s;
		ivl_add(taken, s, s + t->conduct_length);
	}
	tr->endex = s + t->conduct_length;
}

/* The warnings of each day of play and each event of a placed try. */
static void
add_warnings(const struct xs *x, struct try *tr)
{
	const struct template *t = x->t;
	const struct who *w;
	size_t i;
	int moved;
	ptime s;

	for (i = 0; i < (size_t)t->conduct_days; i++) {
		s = tz_to_utc(x->venue, tr->days[i], t->conduct_start * 60,
		    &moved);
		if (moved)
			sb_printf(&tr->play_warn[i], "STARTEX %02d:%02d does "
			    "not exist that day in %s (the clocks go forward); "
			    "play starts an hour later by the clock\n",
			    t->conduct_start / 60, t->conduct_start % 60,
			    x->ex->timezone);
		w = &x->who[t->nevents];
		warn_hours(w->av, w->n, s, s + t->conduct_length,
		    &tr->play_warn[i]);
	}
	for (i = 0; i < t->nevents; i++) {
		struct ev *ev = &tr->ev[i];

		if (ev->overlap)
			sb_puts(&ev->warn, "overlaps another event with the "
			    "same roles\n");
		w = &x->who[i];
		warn_hours(w->av, w->n, ev->start, ev->end, &ev->warn);
	}
}

/*
 * Try first as the first day of play: *tr is ok when every event fits
 * with less than give_up seconds outside working hours in all (else
 * the try stops where it reaches that, quiet or not, and is not ok).
 */
static void
try_date(const struct xs *x, pdate first, int64_t give_up, struct try *tr)
{
	const struct template *t = x->t;
	struct ivlset taken = {0};
	int64_t *burden = xcalloc(x->nav + 1, sizeof(int64_t));
	size_t i;

	memset(tr, 0, sizeof(*tr));
	tr->first = first;
	tr->give_up = give_up;
	tr->ev = xcalloc(t->nevents + 1, sizeof(*tr->ev));
	if (play_days(x, first, tr) == -1)
		goto out;
	tr->people = count_free_people(x, tr->days);
	place_play(x, tr, &taken);
	for (i = 0; i < t->nevents; i++)
		event_bounds(x, tr, i);
	if (backward(x, tr) == -1 || forward(x, tr, burden, &taken) == -1)
		goto out;
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
	for (i = 0; i < MAX_PLAY_DAYS; i++)
		sb_free(&tr->play_warn[i]);
	for (i = 0; i < tr->nwhy; i++)
		free(tr->why[i]);
	free(tr->why);
	free(tr->ev);
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
set_agencies(struct arena *a, struct planned_event *pe, const struct who *w)
{
	size_t k;

	pe->agencies = arena_array(a, w->n + 1, sizeof(void *));
	for (k = 0; k < w->n; k++)
		pe->agencies[pe->nagencies++] =
		    (struct agency *)avail_agency(w->av[k]);
}

static void
emit(const struct xs *x, const struct try *tr, struct plan_exercise *px,
    struct arena *a)
{
	const struct template *t = x->t;
	size_t i, n = 0;

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
		set_agencies(a, pe, &x->who[t->nevents]);
		copy_warnings(a, &pe->warnings, tr->play_warn[i].s);
	}
	for (i = 0; i < t->nevents; i++) {
		struct planned_event *pe = &px->events[n++];

		pe->def = &t->events[i];
		pe->start = tr->ev[i].start;
		pe->end = tr->ev[i].end;
		set_agencies(a, pe, &x->who[i]);
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

/* By free people, most first, then by date: as better() ranks tries,
 * as far as that is known before their events are placed. */
static int
cand_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if (x->people != y->people)
		return x->people > y->people ? -1 : 1;
	return x->first < y->first ? -1 : x->first > y->first;
}

/*
 * The try of [from, to] that better() ranks first, into *best; returns
 * whether one succeeds (*best is then the caller's to free). Placing
 * a try's events is most of scheduling, so as few are placed as can
 * be: the days are ranked by their free people, which is known before
 * placing, and once a try succeeds no day with fewer people can beat
 * it, nor a later day with as many once it keeps every event inside
 * working hours; a later day with as many stops being placed once its
 * time outside hours is no less than the best's. Failed tries keep no
 * reasons here (x->quiet).
 */
static int
best_first(struct xs *x, pdate from, pdate to, struct try *best)
{
	struct cand *c = xcalloc(to >= from ? (size_t)(to - from) + 2 : 1,
	    sizeof(*c));
	struct try tr;
	size_t n = 0, i;
	pdate first;

	x->quiet = 1;
	for (first = from; first <= to; first++) {
		memset(&tr, 0, sizeof(tr));
		if (play_days(x, first, &tr) == 0) {
			c[n].first = first;
			c[n++].people = count_free_people(x, tr.days);
		}
		try_free(x, &tr);
	}
	qsort(c, n, sizeof(*c), cand_cmp);
	memset(best, 0, sizeof(*best));
	for (i = 0; i < n; i++) {
		if (best->ok && (c[i].people < best->people ||
		    best->outside == 0))
			break;
		/* With as many people as the best and a later date, this
		 * day wins only with less time outside hours. */
		try_date(x, c[i].first, best->ok ? best->outside : INT64_MAX,
		    &tr);
		if (better(&tr, best)) {
			try_free(x, best);
			*best = tr;
		} else
			try_free(x, &tr);
	}
	x->quiet = 0;
	free(c);
	return best->ok;
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
plan_exercise(const struct by_agency *b, struct plan_exercise *px,
    const struct exercise *ex, struct arena *a, struct diags *d)
{
	struct xs x;
	struct try best = {0}, tr, lines = {0};
	struct fails fails = {0};
	pdate first, from, to;
	int rc = 0;

	px->ex = ex;
	xs_init(&x, ex, b);
	from = ex->has_conduct ? ex->conduct : ex->window_from;
	to = ex->has_conduct ? ex->conduct : ex->window_to;
	if (ex->has_conduct) {
		try_date(&x, from, INT64_MAX, &best);
		if (!best.ok)
			explain(&x, &best, d);
	} else if (!best_first(&x, from, to, &best)) {
		/* No day fits: each again with text, for the reasons. */
		for (first = from; first <= to; first++) {
			try_date(&x, first, INT64_MAX, &tr);
			if (!tr.ok)
				fails_add(&fails, &tr);
			try_free(&x, &tr);
		}
		fails_lines(&fails, &lines);
		explain(&x, &lines, d);
	}
	if (best.ok) {
		add_warnings(&x, &best);
		emit(&x, &best, px, a);
	} else
		rc = -1;
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
	struct by_agency b;
	size_t i;
	int rc = 0;

	by_agency_init(&b, m);
	p->model = m;
	p->arena = arena_new();
	p->exercises = arena_array(p->arena, m->nexercises + 1,
	    sizeof(*p->exercises));
	for (i = 0; i < m->nexercises; i++) {
		progress_tick(i, m->nexercises);
		if (plan_exercise(&b, &p->exercises[p->nexercises++],
		    m->exercises[i], p->arena, d) == -1)
			rc = -1;
	}
	by_agency_free(&b);
	if (rc == -1) {
		plan_free(p);
		return NULL;
	}
	return p;
}
