/* elig.c: who may hold a role: the hard rules of staffing, with the reason each person is ruled out. */
#include "elig.h"

#include <stdlib.h>
#include <string.h>

#include "avail.h"
#include "doctrine.h"
#include "tz.h"

struct elig {
	const struct model *m;
	struct avail **av;	/* one per agency, in model order */
};

/* Every local date of the plan, with two days' margin for zones. */
static void
plan_span(const struct plan *p, pdate *from, pdate *to)
{
	size_t i, j;
	int any = 0;

	*from = *to = 0;
	for (i = 0; i < p->nexercises; i++)
		for (j = 0; j < p->exercises[i].nevents; j++) {
			const struct planned_event *pe =
			    &p->exercises[i].events[j];

			if (!any || date_of(pe->start) < *from)
				*from = date_of(pe->start);
			if (!any || date_of(pe->end) > *to)
				*to = date_of(pe->end);
			any = 1;
		}
	*from -= 2;
	*to += 2;
}

struct elig *
elig_new(const struct plan *p)
{
	struct elig *e = xcalloc(1, sizeof(*e));
	pdate from, to;
	size_t i;

	e->m = p->model;
	plan_span(p, &from, &to);
	e->av = xcalloc(e->m->nagencies + 1, sizeof(*e->av));
	for (i = 0; i < e->m->nagencies; i++)
		e->av[i] = avail_new(e->m->agencies[i], from, to);
	return e;
}

void
elig_free(struct elig *e)
{
	size_t i;

	if (e == NULL)
		return;
	for (i = 0; i < e->m->nagencies; i++)
		avail_free(e->av[i]);
	free(e->av);
	free(e);
}

static const struct avail *
agency_avail(const struct elig *e, const struct agency *ag)
{
	size_t i;

	for (i = 0; i < e->m->nagencies; i++)
		if (e->m->agencies[i] == ag)
			return e->av[i];
	return NULL;
}

static int
names_role(const struct strlist *l, const char *id)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i], id) == 0)
			return 1;
	return 0;
}

size_t
elig_role_events(const struct plan_exercise *px, const struct role_def *r,
    size_t *out)
{
	size_t i, n = 0;

	for (i = 0; i < px->nevents; i++)
		if (names_role(&px->events[i].def->roles, r->id))
			out[n++] = i;
	return n;
}

int
elig_part(const struct plan_exercise *px, const struct person *pn)
{
	size_t i;

	for (i = 0; i < px->ex->nparticipants; i++)
		if (px->ex->participants[i].agency == pn->agency)
			return (int)px->ex->participants[i].kind;
	return -1;
}

int64_t
elig_outside(const struct elig *e, const struct person *pn, ptime start,
    ptime end)
{
	const struct avail *a = agency_avail(e, pn->agency);

	return a == NULL ? 0 : avail_outside(a, start, end);
}

/* Reasons, each counted once however many events or days show it. */
struct reasons {
	char **v;
	size_t n, cap;
};

static void
reason(struct reasons *rs, char *s)
{
	size_t i;

	for (i = 0; i < rs->n; i++)
		if (strcmp(rs->v[i], s) == 0) {
			free(s);
			return;
		}
	VEC_PUSH(rs->v, rs->n, rs->cap) = s;
}

static int
has_text(const struct strlist *l, const char *s)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcaseeq(l->v[i], s))
			return 1;
	return 0;
}

static void
check_part(const struct plan_exercise *px, const struct role_def *r,
    const struct person *pn, struct reasons *rs)
{
	int k = elig_part(px, pn);
	const char *id = pn->agency->id;

	if (k < 0)
		reason(rs, xasprintf("is from '%s', which does not take part",
		    id));
	else if (r->source == SRC_PLAYING && k != PART_PLAYING)
		reason(rs, xasprintf("is from '%s', which does not play", id));
	else if (r->source == SRC_NON_PLAYING && k == PART_PLAYING)
		reason(rs, xasprintf("is from '%s', which plays", id));
}

/* Whether pn lacks a qualification or language r needs: check_skills()
 * without the reasons, for the paths that run per person and role. */
static int
lacks_skill(const struct role_def *r, const struct person *pn)
{
	size_t i;

	for (i = 0; i < r->qualifications.n; i++)
		if (!has_text(&pn->qualifications, r->qualifications.v[i]))
			return 1;
	for (i = 0; i < r->languages.n; i++)
		if (!has_text(&pn->languages, r->languages.v[i]))
			return 1;
	return 0;
}

static void
check_skills(const struct role_def *r, const struct person *pn,
    struct reasons *rs)
{
	size_t i;

	for (i = 0; i < r->qualifications.n; i++)
		if (!has_text(&pn->qualifications, r->qualifications.v[i]))
			reason(rs, xasprintf("lacks %s",
			    r->qualifications.v[i]));
	for (i = 0; i < r->languages.n; i++)
		if (!has_text(&pn->languages, r->languages.v[i]))
			reason(rs, xasprintf("does not speak %s",
			    r->languages.v[i]));
	if (pn->clearance < r->clearance)
		reason(rs, xasprintf("holds clearance '%s', needs '%s'",
		    doctrine_clearance_name(pn->clearance),
		    doctrine_clearance_name(r->clearance)));
}

static char *
range_text(const struct range *rg)
{
	char a[11], b[11];

	date_format(rg->from, a);
	date_format(rg->to, b);
	if (rg->from == rg->to)
		return rg->reason != NULL ? xasprintf("%s (%s)", a, rg->reason) :
		    xstrdup(a);
	return rg->reason != NULL ? xasprintf("%s..%s (%s)", a, b, rg->reason) :
	    xasprintf("%s..%s", a, b);
}

/* The agency's blackout range holding d, for a message that names it. */
static const struct range *
blackout_of(const struct agency *ag, pdate d)
{
	size_t i;

	for (i = 0; i < ag->nblackouts; i++)
		if (ag->blackouts[i].from <= d && d <= ag->blackouts[i].to)
			return &ag->blackouts[i];
	return NULL;
}

static char *
day_reason(const struct agency *ag, pdate d, const struct day_info *di)
{
	const struct range *rg;
	char buf[11], *s, *t;

	date_format(d, buf);
	switch (di->status) {
	case DAY_OFF:
		return xasprintf("is off on %s (not a working day of '%s')",
		    buf, ag->id);
	case DAY_HOLIDAY:
		return xasprintf("has a holiday on %s (%s)", buf,
		    di->why != NULL ? di->why : "public holiday");
	case DAY_CLOSED:
		return xasprintf("has '%s' closed on %s (%s)", ag->id, buf,
		    di->why != NULL ? di->why : "closed");
	case DAY_BLACKOUT:
		if ((rg = blackout_of(ag, d)) == NULL)
			return xasprintf("has a blackout on %s", buf);
		t = range_text(rg);
		s = xasprintf("has a blackout %s", t);
		free(t);
		return s;
	default:
		return NULL;
	}
}

/* One local date of an event: the person's absences, the agency's day. */
static void
check_date(const struct avail *a, const struct person *pn, pdate d,
    struct reasons *rs)
{
	struct day_info di = avail_day(a, d);
	char *s;
	size_t i;

	for (i = 0; i < pn->nunavailable; i++) {
		const struct range *rg = &pn->unavailable[i];

		if (rg->from <= d && d <= rg->to) {
			s = range_text(rg);
			reason(rs, xasprintf("is unavailable %s", s));
			free(s);
		}
	}
	if ((s = day_reason(pn->agency, d, &di)) != NULL)
		reason(rs, s);
}

static void
check_free(const struct elig *e, const struct plan_exercise *px,
    const size_t *ev, size_t nev, const struct person *pn,
    struct reasons *rs)
{
	const struct avail *a = agency_avail(e, pn->agency);
	const struct tz *z = tz_get(pn->agency->timezone, NULL);
	size_t i;

	if (a == NULL || z == NULL)
		return;
	for (i = 0; i < nev; i++) {
		const struct planned_event *pe = &px->events[ev[i]];
		pdate d0, d1;
		int secs;

		if (pe->end <= pe->start)
			continue;	/* a deadline takes no one's time */
		tz_to_local(z, pe->start, &d0, &secs);
		tz_to_local(z, pe->end - 1, &d1, &secs);
		for (; d0 <= d1; d0++)
			check_date(a, pn, d0, rs);
	}
}

/* The same rules without reasons: 1 at the first broken, else 0. It
 * allocates nothing, as staffing asks it for every person and role. */
static int
quick(const struct elig *e, const struct plan_exercise *px,
    const struct role_def *r, const size_t *ev, size_t nev,
    const struct person *pn)
{
	const struct avail *a;
	const struct tz *z;
	int k = elig_part(px, pn), secs;
	size_t i, j;

	if (k < 0 || (r->source == SRC_PLAYING && k != PART_PLAYING) ||
	    (r->source == SRC_NON_PLAYING && k == PART_PLAYING) ||
	    pn->clearance < r->clearance)
		return 1;
	if (lacks_skill(r, pn))
		return 1;
	a = agency_avail(e, pn->agency);
	z = tz_get(pn->agency->timezone, NULL);
	if (a == NULL || z == NULL)
		return 0;
	for (i = 0; i < nev; i++) {
		const struct planned_event *pe = &px->events[ev[i]];
		pdate d0, d1;

		if (pe->end <= pe->start)
			continue;
		tz_to_local(z, pe->start, &d0, &secs);
		tz_to_local(z, pe->end - 1, &d1, &secs);
		for (; d0 <= d1; d0++) {
			if (avail_day(a, d0).status != DAY_WORK)
				return 1;
			for (j = 0; j < pn->nunavailable; j++)
				if (pn->unavailable[j].from <= d0 &&
				    d0 <= pn->unavailable[j].to)
					return 1;
		}
	}
	return 0;
}

int
elig_agency(const struct elig *e, const struct plan_exercise *px,
    const struct role_def *r, const size_t *ev, size_t nev,
    const struct agency *ag, pdate *d0, pdate *d1, size_t *n)
{
	const struct avail *a = agency_avail(e, ag);
	const struct tz *z = ag != NULL ? tz_get(ag->timezone, NULL) : NULL;
	struct person one;
	size_t i;
	pdate d;
	int k, secs;

	*n = 0;
	if (ag == NULL)
		return 1;
	memset(&one, 0, sizeof(one));
	one.agency = (struct agency *)ag;
	k = elig_part(px, &one);
	if (k < 0 || (r->source == SRC_PLAYING && k != PART_PLAYING) ||
	    (r->source == SRC_NON_PLAYING && k == PART_PLAYING))
		return 1;
	if (a == NULL || z == NULL)
		return 0;
	for (i = 0; i < nev; i++) {
		const struct planned_event *pe = &px->events[ev[i]];

		if (pe->end <= pe->start)
			continue;
		tz_to_local(z, pe->start, &d0[*n], &secs);
		tz_to_local(z, pe->end - 1, &d1[*n], &secs);
		for (d = d0[*n]; d <= d1[*n]; d++)
			if (avail_day(a, d).status != DAY_WORK)
				return 1;
		(*n)++;
	}
	return 0;
}

int
elig_person(const struct role_def *r, const struct person *pn,
    const pdate *d0, const pdate *d1, size_t n)
{
	size_t i, j;

	if (pn->clearance < r->clearance)
		return 1;
	if (lacks_skill(r, pn))
		return 1;
	for (i = 0; i < n; i++)
		for (j = 0; j < pn->nunavailable; j++)
			if (pn->unavailable[j].from <= d1[i] &&
			    d0[i] <= pn->unavailable[j].to)
				return 1;
	return 0;
}

int
elig_check(const struct elig *e, const struct plan_exercise *px,
    const struct role_def *r, const size_t *ev, size_t nev,
    const struct person *pn, struct sb *why)
{
	struct reasons rs = {0};
	size_t i;
	int n;

	if (pn->agency == NULL)
		return 1;
	if (why == NULL)
		return quick(e, px, r, ev, nev, pn);
	check_part(px, r, pn, &rs);
	check_skills(r, pn, &rs);
	check_free(e, px, ev, nev, pn, &rs);
	for (i = 0; i < rs.n; i++) {
		if (why != NULL) {
			if (i > 0)
				sb_puts(why, ", ");
			sb_puts(why, rs.v[i]);
		}
		free(rs.v[i]);
	}
	free(rs.v);
	n = (int)rs.n;
	return n;
}
