/* elig.c: who may hold a role: the hard rules of staffing, with the reason each person is ruled out. */
#include "elig.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "avail.h"
#include "doctrine.h"
#include "names.h"
#include "tz.h"

/*
 * Pointer -> index, by open addressing: the role a question is about
 * and an agency are found by the pointers the caller holds, not by
 * comparing names or scanning.
 */
struct ptrmap {
	struct ptrslot {
		const void *key;	/* NULL: an empty slot */
		size_t val;
	} *slot;
	size_t mask;		/* slots - 1, a power of two less one */
	unsigned shift;		/* 64 - log2(slots) */
};

/* Room for n keys. */
static void
ptrmap_init(struct ptrmap *pm, size_t n)
{
	size_t slots = 16;
	unsigned bits = 4;

	while (slots < 2 * n) {
		slots *= 2;
		bits++;
	}
	pm->slot = xcalloc(slots, sizeof(*pm->slot));
	pm->mask = slots - 1;
	pm->shift = 64 - bits;
}

static void
ptrmap_free(struct ptrmap *pm)
{
	free(pm->slot);
}

/* Fibonacci hashing: the multiplication carries every bit of the
 * address into the top bits kept, so no layout of the objects (one
 * array, or a stride of the table's size) piles them in one place. */
static size_t
ptrmap_slot(const struct ptrmap *pm, const void *p)
{
	return (size_t)(((uint64_t)(uintptr_t)p *
	    UINT64_C(0x9E3779B97F4A7C15)) >> pm->shift);
}

/* Adds p -> v unless p is there; returns 1 when it added. The table
 * holds at least twice as many slots as keys (ptrmap_init), so a free
 * slot is always found. */
static int
ptrmap_add(struct ptrmap *pm, const void *p, size_t v)
{
	size_t i;

	for (i = ptrmap_slot(pm, p); pm->slot[i].key != NULL;
	    i = (i + 1) & pm->mask)
		if (pm->slot[i].key == p)
			return 0;
	pm->slot[i].key = p;
	pm->slot[i].val = v;
	return 1;
}

/* The index of p, or -1 when it is not there. */
static long
ptrmap_get(const struct ptrmap *pm, const void *p)
{
	size_t i;

	for (i = ptrmap_slot(pm, p); pm->slot[i].key != NULL;
	    i = (i + 1) & pm->mask)
		if (pm->slot[i].key == p)
			return (long)pm->slot[i].val;
	return -1;
}

/*
 * What a role needs, as bits of the interned qualification and
 * language names: the words of the set that are not zero,
 * word[first..first+n) with their masks. A role that names no
 * qualification and no language has n == 0 and passes with no look-up
 * of the person. strings: a name of it is NULL, so only strcaseeq()
 * answers for it.
 */
struct need {
	uint32_t first, n;
	int strings;
	unsigned clearance;	/* the role's, an enum clearance */
};

struct elig {
	const struct model *m;
	struct avail **av;	/* one per agency, in model order */
	struct ptrmap agencies;	/* -> index into m->agencies and av */
	struct ptrmap roles;	/* -> index into need */
	struct need *need;	/* [nneed] */
	size_t nneed;
	uint32_t *need_word;
	uint64_t *need_mask;
	size_t nw;		/* words of a person's set */
	uint64_t *has;		/* m->npeople sets of nw words */
	uint64_t *fit;		/* need i's people: fw words from
				 * fitof[i] * fw */
	size_t *fitof, fw;
	/* Each person's clearance and absences, by model index, side by
	 * side: elig_person() reads these and has[], never the people,
	 * whose structs and absences lie apart in the arena. */
	unsigned char *clr;	/* enum clearance, < CLR_NLEVELS */
	size_t *away0;		/* person i's absences: away0[i]..away0[i+1] */
	pdate *away;		/* absence k: away[2k] to away[2k + 1] */
};

/* Interns the names of l of kind k into ids; 1 if one of them is NULL. */
static int
intern_list(struct names *n, char k, const struct strlist *l,
    uint32_t **ids, size_t *nids, size_t *cap)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (l->v[i] == NULL)
			return 1;
		VEC_PUSH(*ids, *nids, *cap) = names_intern(n, k, l->v[i]);
	}
	return 0;
}

/*
 * Every role of the plan's exercises (templates are shared, so each
 * role once) gets the set of names it needs; then every person the set
 * of those names it has. Names no role needs take no bit: however many
 * qualifications a roster lists, the sets stay as wide as the roles'
 * demands. A name's bit is its number (names.h), of kind 'q' for a
 * qualification and 'l' for a language: the same spelling in both is
 * two bits.
 */
static void
intern_skills(struct elig *e, const struct plan *p)
{
	struct names nm = {0};
	struct pending {	/* a role's bits: ids[from..to) */
		size_t from, to;
		int strings;
		unsigned clearance;
	} *pr = NULL;
	uint32_t *ids = NULL, *touched;
	uint64_t *scratch;
	size_t nr = 0, prcap = 0, nids = 0, idcap = 0, nneed = 0;
	size_t needcap = 0, ntouched, i, j, k;
	long b;

	for (i = 0; i < p->nexercises; i++)
		if (p->exercises[i].ex != NULL &&
		    p->exercises[i].ex->tpl != NULL)
			nr += p->exercises[i].ex->tpl->nroles;
	ptrmap_init(&e->roles, nr);
	nr = 0;
	for (i = 0; i < p->nexercises; i++) {
		const struct template *t = p->exercises[i].ex != NULL ?
		    p->exercises[i].ex->tpl : NULL;

		for (j = 0; t != NULL && j < t->nroles; j++) {
			const struct role_def *r = &t->roles[j];
			struct pending *q;

			if (!ptrmap_add(&e->roles, r, nr))
				continue;
			q = &VEC_PUSH(pr, nr, prcap);
			q->from = nids;
			q->strings = intern_list(&nm, 'q', &r->qualifications,
			    &ids, &nids, &idcap) || intern_list(&nm, 'l',
			    &r->languages, &ids, &nids, &idcap);
			q->to = nids;
			q->clearance = (unsigned)r->clearance;
		}
	}
	e->nw = (nm.n + 63) / 64;
	/* Each role's ids, folded into the words they fall in. */
	scratch = xcalloc(e->nw + 1, sizeof(*scratch));
	touched = xcalloc(nids + 1, sizeof(*touched));
	e->need = xcalloc(nr + 1, sizeof(*e->need));
	e->nneed = nr;
	for (i = 0; i < nr; i++) {
		ntouched = 0;
		for (k = pr[i].from; k < pr[i].to; k++) {
			size_t w = ids[k] / 64;

			if (scratch[w] == 0)
				touched[ntouched++] = (uint32_t)w;
			scratch[w] |= UINT64_C(1) << (ids[k] % 64);
		}
		/* In word order, whatever the order of the names: needs
		 * that ask the same then read the same (find_fit()). */
		for (k = 1; k < ntouched; k++)
			for (j = k; j > 0 && touched[j - 1] > touched[j]; j--) {
				uint32_t w = touched[j];

				touched[j] = touched[j - 1];
				touched[j - 1] = w;
			}
		e->need[i].first = (uint32_t)nneed;
		e->need[i].n = (uint32_t)ntouched;
		e->need[i].strings = pr[i].strings;
		e->need[i].clearance = pr[i].clearance;
		for (k = 0; k < ntouched; k++) {
			e->need_word = vec_grow(e->need_word, &needcap, nneed,
			    sizeof(*e->need_word));
			e->need_mask = xreallocarray(e->need_mask, needcap,
			    sizeof(*e->need_mask));
			e->need_word[nneed] = touched[k];
			e->need_mask[nneed++] = scratch[touched[k]];
			scratch[touched[k]] = 0;
		}
	}
	/* Every person's names that some role needs. */
	e->has = xcalloc(e->m->npeople * e->nw + 1, sizeof(*e->has));
	for (i = 0; i < e->m->npeople; i++) {
		const struct person *pn = e->m->people[i];
		uint64_t *set = e->has + i * e->nw;

		for (k = 0; k < pn->qualifications.n; k++)
			if (pn->qualifications.v[k] != NULL && (b =
			    names_find(&nm, 'q', pn->qualifications.v[k])) >= 0)
				set[b / 64] |= UINT64_C(1) << (b % 64);
		for (k = 0; k < pn->languages.n; k++)
			if (pn->languages.v[k] != NULL && (b =
			    names_find(&nm, 'l', pn->languages.v[k])) >= 0)
				set[b / 64] |= UINT64_C(1) << (b % 64);
	}
	free(scratch);
	free(touched);
	free(pr);
	free(ids);
	names_free(&nm);
}

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

/*
 * What elig_person() reads of each person, in arrays by model index.
 * Staffing asks by index (add_candidate() holds it): looking each
 * person up by pointer in a hash table was a cache miss per question,
 * a third of the time the sets saved.
 */
static void
copy_people(struct elig *e)
{
	size_t np = e->m->npeople, n = 0, i, j;

	e->clr = xcalloc(np + 1, 1);
	e->away0 = xcalloc(np + 1, sizeof(*e->away0));
	for (i = 0; i < np; i++)
		n += e->m->people[i]->nunavailable;
	e->away = xcalloc(2 * n + 1, sizeof(*e->away));
	for (i = n = 0; i < np; i++) {
		const struct person *pn = e->m->people[i];

		e->clr[i] = (unsigned char)pn->clearance;
		e->away0[i] = n;
		for (j = 0; j < pn->nunavailable; j++) {
			e->away[2 * n] = pn->unavailable[j].from;
			e->away[2 * n++ + 1] = pn->unavailable[j].to;
		}
	}
	e->away0[np] = n;
}

static void find_fit(struct elig *);

struct elig *
elig_new(const struct plan *p)
{
	struct elig *e = xcalloc(1, sizeof(*e));
	pdate from, to;
	size_t i;

	e->m = p->model;
	plan_span(p, &from, &to);
	e->av = xcalloc(e->m->nagencies + 1, sizeof(*e->av));
	ptrmap_init(&e->agencies, e->m->nagencies);
	for (i = 0; i < e->m->nagencies; i++) {
		e->av[i] = avail_new(e->m->agencies[i], from, to);
		ptrmap_add(&e->agencies, e->m->agencies[i], i);
	}
	intern_skills(e, p);
	copy_people(e);
	find_fit(e);
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
	ptrmap_free(&e->agencies);
	ptrmap_free(&e->roles);
	free(e->need);
	free(e->need_word);
	free(e->need_mask);
	free(e->has);
	free(e->fit);
	free(e->fitof);
	free(e->clr);
	free(e->away0);
	free(e->away);
	free(e);
}

static const struct avail *
agency_avail(const struct elig *e, const struct agency *ag)
{
	long i = ptrmap_get(&e->agencies, ag);

	return i < 0 ? NULL : e->av[i];
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

/* Whether the part pn's agency takes in px rules pn out of r: not
 * taking part, or not playing where r is played, or playing where it
 * is not. check_part() says which. */
static int
part_refused(const struct plan_exercise *px, const struct role_def *r,
    const struct person *pn)
{
	int k = elig_part(px, pn);

	return k < 0 || (r->source == SRC_PLAYING && k != PART_PLAYING) ||
	    (r->source == SRC_NON_PLAYING && k == PART_PLAYING);
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

/* What role r needs as interned sets, or NULL when only its names
 * can answer: a role elig_new() did not see, or one naming NULL. */
static const struct need *
role_need(const struct elig *e, const struct role_def *r)
{
	long i = ptrmap_get(&e->roles, r);

	return i < 0 || e->need[i].strings ? NULL : &e->need[i];
}

/* lacks_skill() for person pi (model index) from the sets: a few word
 * operations. */
static int
set_lacks(const struct elig *e, const struct need *nd, size_t pi)
{
	const uint64_t *set = e->has + pi * e->nw;
	uint32_t k;

	for (k = nd->first; k < nd->first + nd->n; k++)
		if (e->need_mask[k] & ~set[e->need_word[k]])
			return 1;
	return 0;
}

size_t elig_fit_tests = ELIG_FIT_TESTS;

/* Do needs a and b ask the same? (No role needing a name leaves the
 * arrays NULL, which memcmp() may not be given even for no bytes.) */
static int
same_need(const struct elig *e, const struct need *a, const struct need *b)
{
	return a->clearance == b->clearance && a->n == b->n && (a->n == 0 ||
	    (memcmp(e->need_word + a->first, e->need_word + b->first,
	    a->n * sizeof(*e->need_word)) == 0 &&
	    memcmp(e->need_mask + a->first, e->need_mask + b->first,
	    a->n * sizeof(*e->need_mask)) == 0));
}

static uint64_t
need_hash(const struct elig *e, const struct need *nd)
{
	uint64_t h = nd->clearance * UINT64_C(0x9E3779B97F4A7C15) + nd->n;
	uint32_t k;

	for (k = nd->first; k < nd->first + nd->n; k++)
		h = (h ^ e->need_mask[k] ^ e->need_word[k]) *
		    UINT64_C(0x100000001B3);
	return h;
}

/* Each need's people, by clearance and sets (see elig_fit()): one set
 * for the needs that ask the same, as every exercise of a template
 * does (30,000 roles but a few dozen sets at L). A plan whose roles ask
 * thousands of different things gets sets until elig_fit_tests people
 * have been tested, and elig_person() answers for the rest. */
static void
find_fit(struct elig *e)
{
	size_t np = e->m->npeople, nn = e->nneed, slots = 16, nset = 0;
	size_t cap = 0, i, j, pi, *slot;

	while (slots < 2 * nn)
		slots *= 2;
	slot = xcalloc(slots, sizeof(*slot));	/* need + 1, 0 empty */
	e->fw = (np + 63) / 64;
	e->fitof = xcalloc(nn + 1, sizeof(*e->fitof));
	for (i = 0; i < nn; i++) {
		if (e->need[i].strings)
			continue;
		for (j = need_hash(e, &e->need[i]) & (slots - 1);
		    slot[j] != 0 && !same_need(e, &e->need[slot[j] - 1],
		    &e->need[i]); j = (j + 1) & (slots - 1))
			;
		if (slot[j] != 0) {
			e->fitof[i] = e->fitof[slot[j] - 1];
			continue;
		}
		if ((nset + 1) * np > elig_fit_tests) {
			e->fitof[i] = SIZE_MAX;
			continue;
		}
		slot[j] = i + 1;
		e->fitof[i] = nset;
		e->fit = vec_grow(e->fit, &cap, (nset + 1) * e->fw,
		    sizeof(*e->fit));
		memset(e->fit + nset * e->fw, 0, e->fw * sizeof(*e->fit));
		for (pi = 0; pi < np; pi++)
			if (e->clr[pi] >= e->need[i].clearance &&
			    !set_lacks(e, &e->need[i], pi))
				e->fit[nset * e->fw + pi / 64] |=
				    UINT64_C(1) << (pi % 64);
		nset++;
	}
	free(slot);
}

const uint64_t *
elig_fit(const struct elig *e, const struct role_def *r)
{
	long i = ptrmap_get(&e->roles, r);

	return i < 0 || e->need[i].strings || e->fitof[i] == SIZE_MAX ? NULL :
	    e->fit + e->fitof[i] * e->fw;
}

int
elig_floor(const struct elig *e, const struct plan_exercise *px,
    const struct role_def *r, size_t pi)
{
	const struct person *pn = e->m->people[pi];
	const struct need *nd = role_need(e, r);

	return part_refused(px, r, pn) + (nd == NULL ? lacks_skill(r, pn) :
	    set_lacks(e, nd, pi)) + (e->clr[pi] < (unsigned)r->clearance);
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
	const struct tz *z = a != NULL ? avail_zone(a) : NULL;
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
	int secs;
	size_t i, j;

	if (part_refused(px, r, pn) || pn->clearance < r->clearance)
		return 1;
	if (lacks_skill(r, pn))
		return 1;
	a = agency_avail(e, pn->agency);
	z = a != NULL ? avail_zone(a) : NULL;
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
	/* avail_new() asked tz_get() for the agency's zone: the same
	 * one, without a search of the zone cache by name per role. */
	const struct tz *z = a != NULL ? avail_zone(a) : NULL;
	struct person one;
	size_t i;
	pdate d;
	int secs;

	*n = 0;
	if (ag == NULL)
		return 1;
	memset(&one, 0, sizeof(one));
	one.agency = (struct agency *)ag;
	if (part_refused(px, r, &one))
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
elig_person(const struct elig *e, const struct role_def *r, size_t pi,
    const pdate *d0, const pdate *d1, size_t n)
{
	const struct need *nd;

	assert(pi < e->m->npeople);
	if (e->clr[pi] < (unsigned)r->clearance)
		return 1;
	if ((nd = role_need(e, r)) == NULL ? lacks_skill(r,
	    e->m->people[pi]) : set_lacks(e, nd, pi))
		return 1;
	return elig_absent(e, pi, d0, d1, n);
}

int
elig_absent(const struct elig *e, size_t pi, const pdate *d0,
    const pdate *d1, size_t n)
{
	const pdate *aw, *end;
	size_t i;

	assert(pi < e->m->npeople);
	end = e->away + 2 * e->away0[pi + 1];
	for (i = 0; i < n; i++)
		for (aw = e->away + 2 * e->away0[pi]; aw < end; aw += 2)
			if (aw[0] <= d1[i] && d0[i] <= aw[1])
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
