/* assign.c: staff every exercise of a plan: who holds which role, and why a seat stays empty. */
#include "assign.h"

#include <assert.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "doctrine.h"
#include "elig.h"
#include "lp.h"
#include "mcf.h"
#include "names.h"
#include "team.h"
#include "tz.h"

/*
 * The model is written up in docs/assignment.md. In short: a network
 * source -> seat group -> (role-person) -> person-in-exercise -> person
 * -> sink, where an arc into a person-in-exercise node is "this person
 * holds this role here", the person-in-exercise node lets one role
 * through (one role per person per exercise), and the person's arcs to
 * the sink are unit arcs of increasing cost (the convex fairness cost)
 * as many as the workload cap allows. Every group also has an arc
 * straight to the sink at the vacancy weight, so the flow always has
 * the total number of seats and empties as few as it can. Rules that no
 * network can say (an evaluator and a player of one agency, the same
 * person in two exercises at once, roles that exclude each other when
 * one may be held alongside others, and continuity across a series)
 * are handled by branch-and-bound over the flow.
 */

enum { PAIR_FREE, PAIR_HOLDER, PAIR_NOT };

enum { BB_ROOT, BB_BAN_A, BB_BAN_B, BB_HOLD, BB_UNHOLD };

/* Seats of one role in one exercise: all of them, or one agency's. */
struct grp {
	size_t ex;
	size_t role;			/* index in the template's roles */
	const struct agency *agency;	/* NULL: any agency it may come from */
	long ag;			/* its index (agency_index()), or -1 */
	int demand;
	int node, vac_arc;
	char *hall;			/* shortfall, where a seat stayed empty */
};

/* A person who may hold a role in an exercise. A large plan has
 * millions (9.6 at L), read again by each round of pricing: 32 bytes,
 * two to a cache line. The parts of the cost are worked out again for
 * those who hold the role (charge_cand()); whether it is banned is in
 * P->banned. */
struct cand {
	uint32_t ex, role, person;
	int arc;			/* flow on it: the person holds the
					 * role; -1 while it has no arc */
	int pair;			/* continuity pair, or -1 */
	int pe;				/* its person-in-exercise node, or -1 */
	int64_t cost;			/* preference, travel, out of hours */
};

enum { CF_EXCLUDES, CF_TIME, CF_EVALUATES };

/* Not both: no cand of a may be chosen with a cand of b. */
struct conflict {
	int kind;
	size_t *a, *b;
	size_t na, nb;
	char *what;
};

/* When a role's events take place: [lo, hi), empty when none has a
 * length. */
struct when {
	ptime lo, hi;
};

/* Exercises sharing a role marked continuity. */
struct series {
	const char *role;
	size_t *ex;
	size_t k;
};

/* A person in a series: holds the role in kp exercises at most. */
struct pair {
	size_t series, person;
	size_t *c;
	size_t n, cap;
	int state;
};

/* A role of an exercise with seats: its groups and its cands. */
struct run {
	size_t g0, g1, c0, c1;
};

struct bbnode {
	int parent, kind;
	size_t idx;
	int64_t lb;			/* of the parent: a bound for this node */
};

struct vec {
	size_t *v;
	size_t n, cap;
};

/* A person's time taken by a stored plan of another exercise. */
struct taken {
	ptime start, end;
	const char *exercise;
};

struct takenvec {
	struct taken *v;
	size_t n, cap;
};

struct prob {
	struct plan *p;
	const struct model *m;
	struct weights w;
	struct elig *el;
	struct mcf *f;
	char **lab;			/* per arc, for the LP file */
	size_t nlab, labcap;
	int s, t;
	int64_t want;
	struct grp *g;
	size_t ng, gcap;
	struct cand *c;
	size_t nc, ccap;
	struct conflict *cf;
	size_t ncf, cfcap;
	struct series *se;
	size_t nse, secap;
	struct pair *pr;
	size_t npr, prcap;
	struct vec **rev;		/* [ex][role]: events the role attends */
	struct when **when;		/* [ex][role]: from its first event's
					 * start to its last's end */
	char *xcl;			/* [ex]: two roles may exclude each
					 * other (excludes_conflicts()) */
	size_t nxcl;			/* exercises where they may */
	size_t *load;			/* [person]: roles held, filled by
					 * fill_assignments() */
	struct vec *pc;			/* [person]: their cands */
	size_t *cx;			/* [2 ex], [2 ex + 1]: its cands */
	size_t *gx;			/* [2 ex], [2 ex + 1]: its groups */
	size_t *byag;			/* people by agency, roster order */
	size_t *ag0;			/* [agency]..[agency + 1] in byag */
	long *agof;			/* [person]: their agency's index */
	struct names prefs;		/* role ids preferred or avoided */
	size_t *pp0;			/* [person]..[person + 1] in ppv */
	long *ppv;			/* 2 * number in prefs, + 1 if avoided */
	char *banned;			/* [cand]: at this node */
	int *p_node, *p_in;		/* [person] */
	int *p_cap;			/* [person]: roles this run may add */
	int *p_prior;			/* [person]: roles in stored plans */
	struct takenvec *taken;		/* [person]: their times */
	/* Branch-and-bound. */
	struct bbnode *bb;
	size_t nbb, bbcap;
	char *best;			/* [cand]: held in the best solution */
	int *best_vac;			/* [group]: empty seats in it */
	int64_t best_cost;
	int have_best;
	uint64_t work, limit;
	uint64_t last;			/* the work of the last solve */
	/* Lagrangian bound: "at most one of these" cliques, their
	 * multipliers, and what they add to each cand's arc. */
	struct vec *cq;
	size_t ncq, cqcap;
	int64_t *lam, *lamc, *cost0;	/* [clique], [cand], [cand] */
	int plunge;			/* dive below the last node branched */
	int labels;			/* name arcs and rules: an LP is wanted */
	int lazy;			/* time rules only when a flow breaks one */
	struct vec *made;		/* [person]: pairs of exercises whose
					 * time rules are made, lazily */
	int dives;			/* dive() steps so far */
	int network_only;		/* no rule beyond the network */
	size_t large;			/* more cands than this: a large plan */
	struct run *runs;		/* roles with seats, exercise by exercise */
	size_t nruns, runcap;
	struct vec act;			/* cands with arcs, as they got them */
	long *arc_cand;			/* [arc]: its cand, or -1 */
	size_t arccap;
	struct vec bans;		/* cands banned at this node */
	struct vec touched;		/* apply_node(): arcs to look at */
	int cg;				/* column generation (see price()) */
	int frozen;			/* columns frozen: effort ran out */
	int64_t root_lb;		/* the root's bound, valid though frozen */
};

static void
vec_add(struct vec *v, size_t x)
{
	VEC_PUSH(v->v, v->n, v->cap) = x;
}

/* A name for an arc or a rule, for the LP file only: NULL when no LP
 * file is wanted, as formatting millions of them costs seconds. */
static char *label(const struct prob *P, const char *fmt, ...)
    PRINTF_LIKE(2, 3);

static char *
label(const struct prob *P, const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	if (!P->labels)
		return NULL;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	s = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

static int
add_arc(struct prob *P, int from, int to, int cap, int64_t cost,
    char *name)
{
	int a = mcf_arc(P->f, from, to, cap, cost);

	if (P->labels)
		VEC_PUSH(P->lab, P->nlab, P->labcap) = name;
	return a;
}

static const struct template *
tpl_of(const struct prob *P, size_t ex)
{
	return P->p->exercises[ex].ex->tpl;
}

static const struct role_def *
role_of(const struct prob *P, size_t ex, size_t role)
{
	return &tpl_of(P, ex)->roles[role];
}

static int
in_list(const struct strlist *l, const char *s)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcaseeq(l->v[i], s))
			return 1;
	return 0;
}

/* --- seats ------------------------------------------------------------- */

/* Does an agency taking part as k supply a role drawn from src? */
static int
source_ok(enum role_source src, enum part_kind k)
{
	return src == SRC_ANY || (src == SRC_PLAYING) == (k == PART_PLAYING);
}

static size_t
nsources(const struct plan_exercise *px, const struct role_def *r)
{
	size_t i, n = 0;

	for (i = 0; i < px->ex->nparticipants; i++)
		if (px->ex->participants[i].agency != NULL &&
		    source_ok(r->source, px->ex->participants[i].kind))
			n++;
	return n;
}

int
assign_needed(const struct plan_exercise *px, const struct role_def *r)
{
	int n = (int)nsources(px, r);

	if (r->count == 0)
		return r->per_agency * n;
	if (r->min_per_agency * n > r->count)
		return r->min_per_agency * n;
	return r->count;
}

static long agency_index(const struct prob *, const struct agency *);

static void
new_group(struct prob *P, size_t ex, size_t role, const struct agency *ag,
    int demand)
{
	struct grp *g = &VEC_PUSH(P->g, P->ng, P->gcap);

	memset(g, 0, sizeof(*g));
	g->ex = ex;
	g->role = role;
	g->agency = ag;
	g->ag = agency_index(P, ag);
	g->demand = demand;
	P->want += demand;
}

/* The group's node, its seats and its vacancy arc. */
static void
group_arcs(struct prob *P, struct grp *g)
{
	const char *rid = role_of(P, g->ex, g->role)->id;
	const char *xid = P->p->exercises[g->ex].ex->id;
	const char *aid = g->agency != NULL ? g->agency->id : "any";

	g->node = mcf_node(P->f);
	add_arc(P, P->s, g->node, g->demand, 0, label(P, "seats of %s from "
	    "%s in %s", rid, aid, xid));
	g->vac_arc = add_arc(P, g->node, P->t, g->demand, P->w.vacancy,
	    label(P, "empty seats of %s from %s in %s", rid, aid, xid));
}

/* Per agency (per_agency, or the min_per_agency quotas), then the rest. */
static void
make_groups(struct prob *P, size_t ex, size_t role)
{
	const struct plan_exercise *px = &P->p->exercises[ex];
	const struct role_def *r = role_of(P, ex, role);
	int each = r->count == 0 ? r->per_agency : r->min_per_agency;
	int rest = r->count - r->min_per_agency * (int)nsources(px, r);
	size_t i;

	for (i = 0; each > 0 && i < px->ex->nparticipants; i++) {
		const struct participant *pt = &px->ex->participants[i];

		if (pt->agency != NULL && source_ok(r->source, pt->kind))
			new_group(P, ex, role, pt->agency, each);
	}
	if (r->count > 0 && rest > 0)
		new_group(P, ex, role, NULL, rest);
}

/* --- candidates -------------------------------------------------------- */

/* Convex fairness: the k-th unit of a person's load costs w (2k - 1),
 * so a load of L costs w L^2. Stored roles come first: the k-th role of
 * this run is the (prior + k)-th of the person's load. */
static void
add_load_arc(struct prob *P, size_t pi, int k)
{
	int l = P->p_prior[pi] + k;

	add_arc(P, P->p_node[pi], P->t, 1, (int64_t)P->w.fairness *
	    (2 * l - 1), label(P, "%s carries a load of %d",
	    P->m->people[pi]->id, l));
}

static int
person_node(struct prob *P, size_t pi)
{
	if (P->p_node[pi] < 0)
		P->p_node[pi] = mcf_node(P->f);
	return P->p_node[pi];
}

/* The first of person pi's cands in exercise ex (cands are made
 * exercise by exercise), or the end of their list. */
static size_t
first_in(const struct prob *P, size_t pi, size_t ex)
{
	const struct vec *pc = &P->pc[pi];
	size_t lo = 0, hi = pc->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (P->c[pc->v[mid]].ex < ex)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int lone(const struct prob *P, const struct cand *c);

/* One more way into person pi; on a large plan, the load arc it may
 * need comes with it (add_load_arcs() adds them all on others). */
static void
count_in(struct prob *P, size_t pi)
{
	P->p_in[pi]++;
	if (P->cg && P->p_in[pi] <= P->p_cap[pi])
		add_load_arc(P, pi, P->p_in[pi]);
}

/* The node that lets one role per exercise through to the person. Each
 * of the person's cands there that is not multiple learns it. */
static int
pe_node(struct prob *P, size_t ex, size_t pi)
{
	const struct vec *pc = &P->pc[pi];
	size_t i, i0 = first_in(P, pi, ex);
	int node;

	for (i = i0; i < pc->n && P->c[pc->v[i]].ex == ex; i++)
		if (P->c[pc->v[i]].pe >= 0)
			return P->c[pc->v[i]].pe;
	node = mcf_node(P->f);
	add_arc(P, node, person_node(P, pi), 1, 0, label(P, "%s "
	    "holds one role in %s", P->m->people[pi]->id,
	    P->p->exercises[ex].ex->id));
	count_in(P, pi);
	for (i = i0; i < pc->n && P->c[pc->v[i]].ex == ex; i++)
		if (lone(P, &P->c[pc->v[i]]))
			P->c[pc->v[i]].pe = node;
	return node;
}

static int64_t
hours_up(int64_t secs)
{
	return (secs + 3599) / 3600;
}

/* Zone change and hours of offset between the agency and the venue. */
static int64_t
travel_cost(const struct prob *P, size_t ex, const struct person *pn)
{
	const struct plan_exercise *px = &P->p->exercises[ex];
	const struct tz *za = tz_get(pn->agency->timezone, NULL);
	const struct tz *zv = tz_get(px->ex->timezone, NULL);
	int64_t d;

	if (za == NULL || zv == NULL || strcmp(pn->agency->timezone,
	    px->ex->timezone) == 0)
		return 0;
	d = tz_offset(za, px->startex) - tz_offset(zv, px->startex);
	return P->w.travel * (1 + hours_up(d < 0 ? -d : d));
}

static int64_t
ooh_cost(const struct prob *P, size_t ex, size_t role,
    const struct person *pn)
{
	const struct plan_exercise *px = &P->p->exercises[ex];
	const struct vec *ev = &P->rev[ex][role];
	int64_t h = 0;
	size_t i;

	for (i = 0; i < ev->n; i++) {
		const struct planned_event *pe = &px->events[ev->v[i]];

		h += hours_up(elig_outside(P->el, pn, pe->start, pe->end));
	}
	return P->w.out_of_hours * h;
}

/* Role id's number, or -1 when no one prefers or avoids it. The ids
 * people prefer or avoid are numbered (names.h), each person's kept as
 * numbers beside them (pp0, ppv), and a role's id is looked up once,
 * so that a cand's cost compares numbers instead of reading the
 * person's record and names (at L, 9.6 million cands). */
static long
pref_number(const struct prob *P, const char *id)
{
	return id != NULL ? names_find(&P->prefs, 'r', id) : -1;
}

static void
add_prefs(struct prob *P, const struct strlist *l, int avoid, size_t *n)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (l->v[i] != NULL)
			P->ppv[(*n)++] = 2 * (long)names_intern(&P->prefs,
			    'r', l->v[i]) + avoid;
}

static void
index_prefs(struct prob *P)
{
	size_t np = P->m->npeople, n = 0, i;

	for (i = 0; i < np; i++)
		n += P->m->people[i]->prefers.n + P->m->people[i]->avoids.n;
	P->pp0 = xcalloc(np + 1, sizeof(*P->pp0));
	P->ppv = xcalloc(n + 1, sizeof(*P->ppv));
	for (n = i = 0; i < np; i++) {
		P->pp0[i] = n;
		add_prefs(P, &P->m->people[i]->prefers, 0, &n);
		add_prefs(P, &P->m->people[i]->avoids, 1, &n);
	}
	P->pp0[np] = n;
}

/* Person pi's own part of the cost of a role whose id is numbered rn
 * (pref_number()); the agency's is in struct agc. */
static int64_t
pref_cost(const struct prob *P, long rn, size_t pi)
{
	int pref = 0, avoid = 0;
	size_t k;

	for (k = P->pp0[pi]; rn >= 0 && k < P->pp0[pi + 1]; k++)
		if (P->ppv[k] >> 1 == rn) {
			if (P->ppv[k] & 1)
				avoid = 1;
			else
				pref = 1;
		}
	return (pref ? 0 : P->w.unpreferred) + (avoid ? P->w.avoided : 0);
}

static int64_t
base_cost(const struct cand *c)
{
	return c->cost;
}

/* The arc that says the person holds the role, through a node of its
 * own when two seat groups (a quota and the rest) may draw on them. */
static int
cand_arc(struct prob *P, struct cand *c, const size_t *gs, size_t ngs)
{
	const struct role_def *r = role_of(P, c->ex, c->role);
	const char *pid = P->m->people[c->person]->id;
	const char *xid = P->p->exercises[c->ex].ex->id;
	int to, from, i;

	if (r->multiple) {
		to = person_node(P, c->person);
		count_in(P, c->person);
	} else
		to = c->pe = pe_node(P, c->ex, c->person);
	if (ngs == 1)
		from = P->g[gs[0]].node;
	else {
		from = mcf_node(P->f);
		for (i = 0; i < (int)ngs; i++)
			add_arc(P, P->g[gs[i]].node, from, 1, 0, label(P, "%s "
			    "takes a seat of %s in %s", pid, r->id, xid));
	}
	return add_arc(P, from, to, 1, base_cost(c), label(P, "%s holds %s "
	    "in %s", pid, r->id, xid));
}

/*
 * Is person pi already assigned, in a stored plan of another exercise,
 * at a time role r of exercise ex takes? Returns how many such
 * exercises, naming them in why (may be NULL) as elig_check does,
 * after ", " when sep says reasons precede.
 */
static int
prior_clash(const struct prob *P, size_t ex, size_t role, size_t pi,
    struct sb *why, int sep)
{
	const struct takenvec *tv = &P->taken[pi];
	const struct vec *ev = &P->rev[ex][role];
	const char *last = NULL;
	size_t i, j;
	int n = 0;

	for (j = 0; j < tv->n; j++) {
		const struct taken *tk = &tv->v[j];

		if (last != NULL && strcmp(last, tk->exercise) == 0)
			continue;
		for (i = 0; i < ev->n; i++) {
			const struct planned_event *pe =
			    &P->p->exercises[ex].events[ev->v[i]];

			if (pe->end > pe->start && pe->start < tk->end &&
			    tk->start < pe->end)
				break;
		}
		if (i == ev->n)
			continue;
		if (why != NULL)
			sb_printf(why, "%sis already assigned to '%s' at the "
			    "same time", sep || n > 0 ? ", " : "",
			    tk->exercise);
		last = tk->exercise;
		n++;
	}
	return n;
}

/* What one role of one exercise asks of each agency, worked out once
 * for all its people: whether its days are working days, their local
 * dates, and the travel and out-of-hours costs, which depend only on
 * the agency. */
struct agc {
	int state;		/* -1 not yet known, 0 fine, 1 ruled out */
	pdate *d0, *d1;
	size_t n;
	int64_t travel, ooh;
};

/* Groups gs (room for 2) of cand c among [g0, g1), its role's: one,
 * or a quota and the rest. Returns how many. By agency index: a cand's
 * person has one (add_candidate()), and reading their record was a
 * cache miss for each cand priced. */
static size_t
cand_groups(const struct prob *P, const struct cand *c, size_t g0, size_t g1,
    size_t *gs)
{
	long ag = P->agof[c->person];
	size_t i, n = 0;

	for (i = g0; i < g1 && n < 2; i++)
		if (P->g[i].agency == NULL || P->g[i].ag == ag)
			gs[n++] = i;
	return n;
}

/* The cands of one exercise, made apart (cands_job()), then numbered
 * in exercise order (take_cands()). */
struct cands {
	struct cand *v;
	size_t n, cap;
};

/* One role of one exercise, as its cands are made: its seat groups
 * g0..g1-1, whether elig_fit() admits its people (fit: NULL if it
 * cannot say), its id's number (pref_number()), and what it asks of
 * each agency (cache, by agency index). */
struct ask {
	size_t ex, role, g0, g1;
	const uint64_t *fit;
	long rn;
	struct agc *cache;
};

/* What ac says of the agency of person pn for role a->role: first,
 * whether a seat group takes its people at all. */
static void
agency_fits(const struct prob *P, const struct ask *a,
    const struct person *pn, struct agc *ac)
{
	const struct vec *ev = &P->rev[a->ex][a->role];
	size_t i;

	for (i = a->g0; i < a->g1; i++)
		if (P->g[i].agency == NULL || P->g[i].agency == pn->agency)
			break;
	if (i == a->g1) {
		ac->state = 1;
		return;
	}
	ac->d0 = xcalloc(ev->n + 1, sizeof(pdate));
	ac->d1 = xcalloc(ev->n + 1, sizeof(pdate));
	ac->state = elig_agency(P->el, &P->p->exercises[a->ex], role_of(P,
	    a->ex, a->role), ev->v, ev->n, pn->agency, ac->d0, ac->d1,
	    &ac->n);
	ac->travel = travel_cost(P, a->ex, pn);
	ac->ooh = ooh_cost(P, a->ex, a->role, pn);
}

/* Person pi as a cand of a, made without its arc; wire() or price()
 * gives it one. Only reads P: threads call it. The people are turned
 * down from flat arrays, without reading their records: at L 29
 * million are asked, 9.6 million admitted. */
static void
add_candidate(const struct prob *P, const struct ask *a, size_t pi,
    struct cands *out)
{
	struct agc *ac;
	struct cand *c;

	if (P->agof[pi] < 0 || (a->fit != NULL &&
	    !(a->fit[pi / 64] >> (pi % 64) & 1)))
		return;
	ac = &a->cache[P->agof[pi]];
	if (ac->state < 0)
		agency_fits(P, a, P->m->people[pi], ac);
	if (ac->state != 0 || (a->fit != NULL ? elig_absent(P->el, pi,
	    ac->d0, ac->d1, ac->n) : elig_person(P->el, role_of(P, a->ex,
	    a->role), pi, ac->d0, ac->d1, ac->n)) ||
	    (P->taken[pi].n > 0 && prior_clash(P, a->ex, a->role, pi, NULL,
	    0) > 0))
		return;
	c = &VEC_PUSH(out->v, out->n, out->cap);
	memset(c, 0, sizeof(*c));
	c->ex = a->ex;
	c->role = a->role;
	c->person = pi;
	c->pair = -1;
	c->pe = -1;
	c->cost = pref_cost(P, a->rn, pi) + ac->travel + ac->ooh;
	c->arc = -1;
}

static int
cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

static long
agency_index(const struct prob *P, const struct agency *ag)
{
	size_t i;

	for (i = 0; ag != NULL && i < P->m->nagencies; i++)
		if (P->m->agencies[i] == ag)
			return (long)i;
	return -1;
}

/* People by agency, each agency's in roster order. */
static void
index_agencies(struct prob *P)
{
	size_t na = P->m->nagencies, i;
	size_t *fill = xcalloc(na + 1, sizeof(size_t));
	long *of = P->agof = xcalloc(P->m->npeople + 1, sizeof(long));

	P->ag0 = xcalloc(na + 2, sizeof(size_t));
	P->byag = xcalloc(P->m->npeople + 1, sizeof(size_t));
	for (i = 0; i < P->m->npeople; i++)
		if ((of[i] = agency_index(P, P->m->people[i]->agency)) >= 0)
			P->ag0[of[i] + 1]++;
	for (i = 0; i < na; i++)
		P->ag0[i + 1] += P->ag0[i];
	for (i = 0; i < P->m->npeople; i++)
		if (of[i] >= 0)
			P->byag[P->ag0[of[i]] + fill[of[i]]++] = i;
	free(fill);
}

static void
role_when(const struct plan_exercise *px, const struct vec *ev,
    struct when *w)
{
	size_t i;
	int any = 0;

	w->lo = w->hi = 0;
	for (i = 0; i < ev->n; i++) {
		const struct planned_event *pe = &px->events[ev->v[i]];

		if (pe->end <= pe->start)
			continue;
		if (!any || pe->start < w->lo)
			w->lo = pe->start;
		if (!any || pe->end > w->hi)
			w->hi = pe->end;
		any = 1;
	}
}

/*
 * Exercise ex's events per role, and its seat groups: role r's are
 * rg[r]..rg[r + 1]-1. Made for every exercise, in order, before any
 * cand: groups number the network's nodes.
 */
static void
exercise_groups(struct prob *P, size_t ex, size_t *rg)
{
	const struct plan_exercise *px = &P->p->exercises[ex];
	const struct template *t = px->ex->tpl;
	size_t r;

	P->rev[ex] = xcalloc(t->nroles + 1, sizeof(struct vec));
	P->when[ex] = xcalloc(t->nroles + 1, sizeof(struct when));
	for (r = 0; r < t->nroles; r++) {
		struct vec *ev = &P->rev[ex][r];

		ev->v = xcalloc(px->nevents + 1, sizeof(size_t));
		ev->n = elig_role_events(px, &t->roles[r], ev->v);
		role_when(px, ev, &P->when[ex][r]);
	}
	P->gx[2 * ex] = P->ng;
	for (r = 0; r < t->nroles; r++) {
		rg[r] = P->ng;
		make_groups(P, ex, r);
	}
	rg[t->nroles] = P->ng;
	P->gx[2 * ex + 1] = P->ng;
}

/* Every cand of exercise ex into out, role by role, each role's in
 * roster order. Only reads P: threads call it. */
static void
exercise_cands(const struct prob *P, size_t ex, const size_t *rg,
    struct cands *out)
{
	const struct plan_exercise *px = &P->p->exercises[ex];
	const struct template *t = px->ex->tpl;
	struct vec who = {0}, ags = {0};
	struct ask ask;
	size_t r, i, j;

	/* Only people of the agencies taking part can be eligible: an
	 * index, not a scan of every roster, and in roster order. Each
	 * agency's people are in order; when the agencies' do not
	 * interleave (a roster per agency), putting the agencies in the
	 * order of their first makes the whole in order, and sorting it
	 * (1.5% of L's staffing) is needed only when they do. */
	for (i = 0; i < px->ex->nparticipants; i++) {
		long a = agency_index(P, px->ex->participants[i].agency);

		if (a >= 0 && P->ag0[a] < P->ag0[a + 1])
			vec_add(&ags, (size_t)a);
	}
	/* A few agencies: by insertion. */
	for (i = 1; i < ags.n; i++)
		for (j = i; j > 0 && P->byag[P->ag0[ags.v[j]]] <
		    P->byag[P->ag0[ags.v[j - 1]]]; j--) {
			size_t x = ags.v[j];

			ags.v[j] = ags.v[j - 1];
			ags.v[j - 1] = x;
		}
	for (i = 0; i < ags.n; i++)
		for (j = P->ag0[ags.v[i]]; j < P->ag0[ags.v[i] + 1]; j++)
			vec_add(&who, P->byag[j]);
	for (i = 1; i < who.n && who.v[i - 1] <= who.v[i]; i++)
		;
	if (i < who.n)
		qsort(who.v, who.n, sizeof(size_t), cmp_size);
	ask.ex = ex;
	ask.cache = xcalloc(P->m->nagencies + 1, sizeof(*ask.cache));
	for (r = 0; r < t->nroles; r++) {
		if (rg[r] == rg[r + 1])
			continue;
		ask.role = r;
		ask.g0 = rg[r];
		ask.g1 = rg[r + 1];
		ask.fit = elig_fit(P->el, &t->roles[r]);
		ask.rn = pref_number(P, t->roles[r].id);
		for (i = 0; i < P->m->nagencies; i++)
			ask.cache[i].state = -1;
		for (i = 0; i < who.n; i++)
			if (i == 0 || who.v[i] != who.v[i - 1])
				add_candidate(P, &ask, who.v[i], out);
		for (i = 0; i < P->m->nagencies; i++) {
			free(ask.cache[i].d0);
			free(ask.cache[i].d1);
			ask.cache[i].d0 = ask.cache[i].d1 = NULL;
		}
	}
	free(ask.cache);
	free(who.v);
	free(ags.v);
}

/* The cands of exercise ex, made apart, numbered next, and counted
 * for their people's lists (list_by_person()) while at hand; in is
 * emptied but keeps its room for the block after next: grown afresh
 * for each exercise, the buffers cost L hundreds of megabytes copied
 * and as many of pages the kernel had to clear. */
static void
take_cands(struct prob *P, size_t ex, struct cands *in)
{
	size_t i;

	for (i = 0; i < in->n; i++)
		P->pc[in->v[i].person].cap++;
	P->cx[2 * ex] = P->nc;
	if (in->n > 0) {
		P->c = vec_grow(P->c, &P->ccap, P->nc + in->n - 1,
		    sizeof(*P->c));
		memcpy(P->c + P->nc, in->v, in->n * sizeof(*in->v));
	}
	P->nc += in->n;
	P->cx[2 * ex + 1] = P->nc;
	in->n = 0;
}

/* Every person's cands, in cand order: counted first (take_cands()),
 * so each list is allocated once (appending 9.6 million at L, one by
 * one, was 0.4 s while the other processor waited). */
static void
list_by_person(struct prob *P)
{
	size_t i, pi;

	for (pi = 0; pi < P->m->npeople; pi++)
		P->pc[pi].v = xreallocarray(NULL, P->pc[pi].cap + 1,
		    sizeof(size_t));
	for (i = 0; i < P->nc; i++) {
		struct vec *v = &P->pc[P->c[i].person];

		v->v[v->n++] = i;
	}
}

/* Exercises whose cands are made at once, by a team of threads: the
 * cands of two blocks at most (one being made, one being numbered)
 * wait apart (at L, 9.6 million of 32 bytes in all). */
#define CAND_BLOCK 64
#define CAND_THREADS_FROM 32	/* exercises; fewer are made by one */

int assign_threads;

struct cjob {
	struct prob *P;
	size_t **rg;		/* [ex]: exercise_groups() */
	size_t x0;		/* the block's first exercise */
	struct cands *out;	/* [ex - x0] */
	size_t px0, pn;		/* the block before, to number */
	struct cands *pout;	/* [ex - px0] */
};

/* Job 0 numbers the block before (take_cands(): P->c, P->nc, P->ccap,
 * P->cx and the counts in P->pc, which only it touches), the others
 * make this block's cands, reading the rest of the plan only: the
 * numbering, 0.3 s at L, no longer waits for the making, nor the
 * making for it. */
static int
cands_job(void *arg, size_t j)
{
	struct cjob *cj = arg;
	size_t k, ex;

	if (j == 0) {
		for (k = 0; k < cj->pn; k++)
			if (cj->rg[cj->px0 + k] != NULL)
				take_cands(cj->P, cj->px0 + k, &cj->pout[k]);
		return 0;
	}
	ex = cj->x0 + j - 1;
	if (cj->rg[ex] != NULL)
		exercise_cands(cj->P, ex, cj->rg[ex], &cj->out[j - 1]);
	return 0;
}

/*
 * Every exercise's seat groups, then its cands: asking each person of
 * each agency taking part about each role was a third of L's staffing,
 * so a team of threads asks, a block of exercises at a time, and the
 * cands are numbered in exercise order as one thread would.
 */
static void
make_cands(struct prob *P)
{
	size_t nx = P->p->nexercises, **rg = xcalloc(nx + 1, sizeof(*rg));
	struct cands *out[2];
	size_t nthreads, x0, n, j, b;
	struct cjob cj = {0};

	for (j = 0; j < nx; j++) {
		const struct template *t = P->p->exercises[j].ex->tpl;

		if (t == NULL)
			continue;
		rg[j] = xcalloc(t->nroles + 1, sizeof(size_t));
		exercise_groups(P, j, rg[j]);
	}
	nthreads = team_size(nx, CAND_THREADS_FROM, assign_threads);
	out[0] = xcalloc(CAND_BLOCK, sizeof(**out));
	out[1] = xcalloc(CAND_BLOCK, sizeof(**out));
	cj.P = P;
	cj.rg = rg;
	/* One block made while the one before is numbered; a last run
	 * with nothing to make numbers the last block. */
	for (x0 = 0, b = 0; x0 < nx || cj.pn > 0; x0 += n, b ^= 1) {
		n = nx - x0 < CAND_BLOCK ? nx - x0 : CAND_BLOCK;
		cj.x0 = x0;
		cj.out = out[b];
		team_run(nthreads, n + 1, cands_job, &cj);
		cj.px0 = x0;
		cj.pn = n;
		cj.pout = out[b];
	}
	list_by_person(P);
	for (j = 0; j < nx; j++)
		free(rg[j]);
	free(rg);
	for (j = 0; j < CAND_BLOCK; j++) {
		free(out[0][j].v);
		free(out[1][j].v);
	}
	free(out[0]);
	free(out[1]);
}

/* Each person's load arcs, as many as their ways in and their cap
 * allow (on a large plan count_in() adds them as it goes). */
static void
add_load_arcs(struct prob *P)
{
	size_t pi;
	int k;

	for (pi = 0; pi < P->m->npeople; pi++)
		for (k = 1; P->p_node[pi] >= 0 && k <= P->p_in[pi] &&
		    k <= P->p_cap[pi]; k++)
			add_load_arc(P, pi, k);
}

/* Give cand ci its arc. */
static void
activate(struct prob *P, size_t ci)
{
	struct cand *c = &P->c[ci];
	size_t g0 = P->gx[2 * c->ex], g1, gs[2], n;

	while (P->g[g0].role != c->role)
		g0++;
	for (g1 = g0; g1 < P->gx[2 * c->ex + 1] && P->g[g1].role == c->role;
	    g1++)
		;
	c->arc = cand_arc(P, c, gs, cand_groups(P, c, g0, g1, gs));
	vec_add(&P->act, ci);
	n = (size_t)mcf_narcs(P->f);
	if (n > P->arccap) {
		size_t old = P->arccap;

		P->arc_cand = vec_grow(P->arc_cand, &P->arccap, n - 1,
		    sizeof(*P->arc_cand));
		memset(P->arc_cand + old, 0xff, (P->arccap - old) *
		    sizeof(*P->arc_cand));
	}
	P->arc_cand[c->arc] = (long)ci;
}

/* The next role of exercise ex with seats: its groups [*g0, *g1) and
 * cands [*c0, *c1), found from *g1 and *c1 on (start them at the
 * exercise's first). Returns 0 when no role is left. */
static int
next_role(const struct prob *P, size_t ex, size_t *g0, size_t *g1,
    size_t *c0, size_t *c1)
{
	size_t role, gend = P->gx[2 * ex + 1], cend = P->cx[2 * ex + 1];

	if (*g1 >= gend)
		return 0;
	*g0 = *g1;
	role = P->g[*g0].role;
	while (*g1 < gend && P->g[*g1].role == role)
		(*g1)++;
	for (*c0 = *c1; *c0 < cend && P->c[*c0].role < role; (*c0)++)
		;
	for (*c1 = *c0; *c1 < cend && P->c[*c1].role == role; (*c1)++)
		;
	return 1;
}

static void initial_columns(struct prob *P);

/*
 * The network, in the order planner has always built it (each role's
 * seat groups, then its cands, exercise by exercise, then the load
 * arcs), so that ties among equal optima break the same way. A large
 * plan gets every group but only its first columns (price()).
 */
static void
wire(struct prob *P)
{
	size_t ex, g0, g1, c0, c1, i;

	for (ex = 0; ex < P->p->nexercises; ex++) {
		g1 = P->gx[2 * ex];
		c1 = P->cx[2 * ex];
		while (next_role(P, ex, &g0, &g1, &c0, &c1)) {
			struct run *r = &VEC_PUSH(P->runs, P->nruns, P->runcap);

			r->g0 = g0;
			r->g1 = g1;
			r->c0 = c0;
			r->c1 = c1;
			for (i = g0; i < g1; i++)
				group_arcs(P, &P->g[i]);
			for (i = c0; i < c1 && !P->cg; i++)
				activate(P, i);
		}
	}
	if (P->cg)
		initial_columns(P);
	else
		add_load_arcs(P);
}

/* --- rules beyond the network ---------------------------------------- */

static void
add_conflict(struct prob *P, int kind, const struct vec *a,
    const struct vec *b, char *what)
{
	struct conflict *cf = &VEC_PUSH(P->cf, P->ncf, P->cfcap);

	cf->kind = kind;
	cf->a = xcalloc(a->n, sizeof(size_t));
	cf->b = xcalloc(b->n, sizeof(size_t));
	memcpy(cf->a, a->v, a->n * sizeof(size_t));
	memcpy(cf->b, b->v, b->n * sizeof(size_t));
	cf->na = a->n;
	cf->nb = b->n;
	cf->what = what;
}

static int
excludes(const struct role_def *a, const struct role_def *b)
{
	return in_list(&a->excludes, b->id) || in_list(&b->excludes, a->id);
}

static int
overlap(const struct prob *P, const struct cand *a, const struct cand *b)
{
	const struct vec *ea = &P->rev[a->ex][a->role];
	const struct vec *eb = &P->rev[b->ex][b->role];
	const struct when *sa = &P->when[a->ex][a->role];
	const struct when *sb = &P->when[b->ex][b->role];
	const struct planned_event *x, *y;
	size_t i, j;

	/* Most roles one person holds are weeks apart: their spans say
	 * so without their events. */
	if (sa->lo == sa->hi || sb->lo == sb->hi || sa->hi <= sb->lo ||
	    sb->hi <= sa->lo)
		return 0;
	for (i = 0; i < ea->n; i++)
		for (j = 0; j < eb->n; j++) {
			x = &P->p->exercises[a->ex].events[ea->v[i]];
			y = &P->p->exercises[b->ex].events[eb->v[j]];
			if (x->end > x->start && y->end > y->start &&
			    x->start < y->end && y->start < x->end)
				return 1;
		}
	return 0;
}

/* Can two roles of exercise ex exclude each other and both be held (one
 * of them multiple)? Most templates have no such pair, and asking it
 * of every pair of a person's cands was 3% of L's staffing. */
static int
may_exclude(const struct prob *P, size_t ex)
{
	const struct template *t = P->p->exercises[ex].ex->tpl;
	size_t i, j;

	for (i = 0; t != NULL && i < t->nroles; i++)
		for (j = i + 1; j < t->nroles; j++)
			if ((t->roles[i].multiple || t->roles[j].multiple) &&
			    excludes(&t->roles[i], &t->roles[j]))
				return 1;
	return 0;
}

/* Roles that exclude each other, both held when a multiple role lets
 * them through the one-role-per-exercise node. */
static void
excludes_conflicts(struct prob *P, size_t pi)
{
	const struct vec *pc = &P->pc[pi];
	size_t i, j;

	/* Looking up each cand's exercise is a cache miss per cand (1.7%
	 * of L's staffing), for exercises that most plans do not have. */
	if (P->nxcl == 0)
		return;
	/* Cands are in exercise order: only the rest of this one's. */
	for (i = 0; i < pc->n; i++) {
		if (!P->xcl[P->c[pc->v[i]].ex])
			continue;
		for (j = i + 1; j < pc->n && P->c[pc->v[j]].ex ==
		    P->c[pc->v[i]].ex; j++) {
			const struct cand *a = &P->c[pc->v[i]];
			const struct cand *b = &P->c[pc->v[j]];
			const struct role_def *ra = role_of(P, a->ex, a->role);
			const struct role_def *rb = role_of(P, b->ex, b->role);
			struct vec va = { (size_t *)&pc->v[i], 1, 0 };
			struct vec vb = { (size_t *)&pc->v[j], 1, 0 };

			if ((ra->multiple || rb->multiple) && excludes(ra, rb))
				add_conflict(P, CF_EXCLUDES, &va, &vb,
				    label(P, "%s may not hold both %s and %s",
				    P->m->people[pi]->id, ra->id, rb->id));
		}
	}
}

/* Person pi's cands in exercise ex. */
static void
cands_in(const struct prob *P, size_t pi, size_t ex, struct vec *out)
{
	size_t i;

	out->n = 0;
	for (i = first_in(P, pi, ex); i < P->pc[pi].n &&
	    P->c[P->pc[pi].v[i]].ex == ex; i++)
		vec_add(out, P->pc[pi].v[i]);
}

/* Does cand c attend an event of its exercise that is on at t? */
static int
covers(const struct prob *P, const struct cand *c, ptime t)
{
	const struct vec *ev = &P->rev[c->ex][c->role];
	size_t i;

	for (i = 0; i < ev->n; i++) {
		const struct planned_event *pe =
		    &P->p->exercises[c->ex].events[ev->v[i]];

		if (pe->start <= t && t < pe->end)
			return 1;
	}
	return 0;
}

static int
same_vec(const struct vec *a, const size_t *v, size_t n)
{
	return a->n == n && (n == 0 || memcmp(a->v, v, n * sizeof(size_t)) == 0);
}

/* At each instant t an event of either exercise starts: not a role of
 * a on at t together with a role of b on at t. Two roles overlap just
 * when both are on at the later of their starts, so these rules say
 * all the pairs say, in fewer and wider rules that branch better. */
static void
point_conflicts(struct prob *P, const struct vec *a,
    const struct vec *b, const char *what)
{
	const struct vec *both[2] = { a, b };
	struct vec x = {0}, y = {0};
	size_t s, i, j, k, first = P->ncf;

	for (s = 0; s < 2; s++)
		for (i = 0; i < both[s]->n; i++) {
			const struct cand *c = &P->c[both[s]->v[i]];
			const struct vec *ev = &P->rev[c->ex][c->role];

			for (j = 0; j < ev->n; j++) {
				ptime t = P->p->exercises[c->ex].events[
				    ev->v[j]].start;
				size_t dup = 0;

				x.n = y.n = 0;
				for (k = 0; k < a->n; k++)
					if (covers(P, &P->c[a->v[k]], t))
						vec_add(&x, a->v[k]);
				for (k = 0; k < b->n; k++)
					if (covers(P, &P->c[b->v[k]], t))
						vec_add(&y, b->v[k]);
				/* Only this pair's rules can repeat. */
				for (k = first; k < P->ncf && x.n > 0 &&
				    y.n > 0; k++)
					dup |= P->cf[k].kind == CF_TIME &&
					    same_vec(&x, P->cf[k].a,
					    P->cf[k].na) && same_vec(&y,
					    P->cf[k].b, P->cf[k].nb);
				if (x.n > 0 && y.n > 0 && !dup)
					add_conflict(P, CF_TIME, &x, &y,
					    what != NULL ? xstrdup(what) : NULL);
			}
		}
	free(x.v);
	free(y.v);
}

/*
 * One person in two exercises at once. When every role of one overlaps
 * every role of the other (the usual case: everyone attends play), one
 * rule says "not in both", and branching on it decides the whole
 * exercise at once; otherwise each overlapping pair is a rule.
 */
static void
time_conflicts(struct prob *P, size_t pi, size_t e1, size_t e2)
{
	struct vec a = {0}, b = {0};
	size_t i, j, n = 0;
	char *what = label(P, "%s cannot be in %s and %s at once",
	    P->m->people[pi]->id, P->p->exercises[e1].ex->id,
	    P->p->exercises[e2].ex->id);

	cands_in(P, pi, e1, &a);
	cands_in(P, pi, e2, &b);
	for (i = 0; i < a.n; i++)
		for (j = 0; j < b.n; j++)
			n += (size_t)overlap(P, &P->c[a.v[i]], &P->c[b.v[j]]);
	if (n > 0 && n == a.n * b.n)
		add_conflict(P, CF_TIME, &a, &b, what != NULL ? xstrdup(what) :
		    NULL);
	if (n > 0 && n < a.n * b.n)
		point_conflicts(P, &a, &b, what);
	free(what);
	free(a.v);
	free(b.v);
}

/* A timed event some cand of a person attends. */
struct busy {
	ptime start, end;
	size_t ex;
};

static int
cmp_busy(const void *a, const void *b)
{
	const struct busy *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->ex != y->ex)
		return x->ex < y->ex ? -1 : 1;
	return (x->end > y->end) - (x->end < y->end);
}

/* Pairs of exercises a, b (a < b) that person pi could be wanted in at
 * once: a sweep over the events of their cands in start order, so that
 * a year of exercises costs what its overlaps cost, not its pairs. */
static void
overlapping_pairs(const struct prob *P, size_t pi, struct vec *pairs)
{
	const struct vec *pc = &P->pc[pi];
	struct busy *v = NULL;
	size_t n = 0, cap = 0, i, j;

	pairs->n = 0;
	for (i = 0; i < pc->n; i++) {
		const struct cand *c = &P->c[pc->v[i]];
		const struct vec *ev = &P->rev[c->ex][c->role];

		for (j = 0; j < ev->n; j++) {
			const struct planned_event *pe =
			    &P->p->exercises[c->ex].events[ev->v[j]];
			struct busy *b;

			if (pe->end <= pe->start)
				continue;
			b = &VEC_PUSH(v, n, cap);
			b->start = pe->start;
			b->end = pe->end;
			b->ex = c->ex;
		}
	}
	if (n > 0)	/* qsort(NULL, 0, ...) is undefined */
		qsort(v, n, sizeof(*v), cmp_busy);
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n && v[j].start < v[i].end; j++)
			if (v[j].ex != v[i].ex) {
				size_t a = v[i].ex < v[j].ex ? v[i].ex : v[j].ex;
				size_t b = v[i].ex ^ v[j].ex ^ a;

				vec_add(pairs, a);
				vec_add(pairs, b);
			}
	free(v);
}

static int
cmp_pair(const void *a, const void *b)
{
	const size_t *x = a, *y = b;

	if (x[0] != y[0])
		return x[0] < y[0] ? -1 : 1;
	return (x[1] > y[1]) - (x[1] < y[1]);
}

static int held(const struct prob *P, size_t ci);

/* The rules that keep person pi out of two exercises at once. */
static void
time_rules(struct prob *P, size_t pi)
{
	struct vec pairs = {0};
	size_t i;

	overlapping_pairs(P, pi, &pairs);
	/* In exercise order, each pair once, as a scan of all would. */
	if (pairs.n > 0)	/* qsort(NULL, 0, ...) is undefined */
		qsort(pairs.v, pairs.n / 2, 2 * sizeof(size_t), cmp_pair);
	for (i = 0; i < pairs.n; i += 2)
		if (i == 0 || pairs.v[i] != pairs.v[i - 2] ||
		    pairs.v[i + 1] != pairs.v[i - 1])
			time_conflicts(P, pi, pairs.v[i], pairs.v[i + 1]);
	free(pairs.v);
}

/* Are the time rules of person pi and exercises e1 < e2 made? If not,
 * they are about to be: noted. */
static int
made_pair(struct prob *P, size_t pi, size_t e1, size_t e2)
{
	struct vec *m = &P->made[pi];
	size_t i;

	for (i = 0; i < m->n; i += 2)
		if (m->v[i] == e1 && m->v[i + 1] == e2)
			return 1;
	vec_add(m, e1);
	vec_add(m, e2);
	return 0;
}

/* The n cands v by person in roster order (person pi's are
 * h[at[pi]] up to h[at[pi + 1]]), each person's in their order in v.
 * Counted into place: a sort of L's 36,000 held cands at every node
 * was 2% of its staffing. Returns h; the caller frees it and *at. */
static size_t *
by_person(const struct prob *P, const size_t *v, size_t n, size_t **at)
{
	size_t np = P->m->npeople, *h, *pos, k, i;

	pos = xcalloc(np + 2, sizeof(size_t));
	for (k = 0; k < n; k++)
		pos[P->c[v[k]].person + 2]++;
	for (i = 2; i < np + 2; i++)
		pos[i] += pos[i - 1];
	h = xreallocarray(NULL, n + 1, sizeof(size_t));
	for (k = 0; k < n; k++)
		h[pos[P->c[v[k]].person + 1]++] = v[k];
	/* pos[pi] is now where person pi's begin. */
	*at = pos;
	return h;
}

/* The cands held, by person (by_person()), each person's in cand
 * order. The flows are read in one pass over the network: held() of
 * each of L's 90,000 cands with arcs was three cache misses each.
 * Returns h; the caller frees it and *at. */
static size_t *
held_by_person(const struct prob *P, size_t **at)
{
	size_t np = P->m->npeople, na = (size_t)mcf_narcs(P->f), *h, *pos;
	size_t *hv = NULL, nh = 0, cap = 0, k, i, j, ci;
	int *flow = xreallocarray(NULL, na + 1, sizeof(int));

	mcf_flows(P->f, flow);
	for (k = 0; k < na && k < P->arccap; k++)
		if (flow[k] > 0 && P->arc_cand[k] >= 0)
			VEC_PUSH(hv, nh, cap) = (size_t)P->arc_cand[k];
	free(flow);
	h = by_person(P, hv, nh, &pos);
	free(hv);
	/* A few each, in arc order: into cand order. */
	for (i = 0; i < np; i++)
		for (j = pos[i] + 1; j < pos[i + 1]; j++) {
			ci = h[j];
			for (k = j; k > pos[i] && h[k - 1] > ci; k--)
				h[k] = h[k - 1];
			h[k] = ci;
		}
	*at = pos;
	return h;
}

/* The time rules of person pi in the exercises of cands a and b, if
 * they are on at the same time in two exercises and the rules of that
 * pair are not made yet. Returns whether it made them. */
static int
rule_pair(struct prob *P, size_t pi, const struct cand *a,
    const struct cand *b)
{
	size_t e1, e2;

	if (a->ex == b->ex || !overlap(P, a, b))
		return 0;
	e1 = a->ex < b->ex ? a->ex : b->ex;
	e2 = a->ex ^ b->ex ^ e1;
	if (made_pair(P, pi, e1, e2))
		return 0;
	time_conflicts(P, pi, e1, e2);
	return 1;
}

/*
 * On a large plan most people are never wanted twice at once, and most
 * who are, in one pair of exercises of the hundreds they could be: the
 * rules of a person and a pair of exercises are made only when a flow
 * puts them in both at once (the LP file, which must say everything,
 * has them all). Returns whether any were added. Deterministic: people
 * in roster order, pairs in the order of their cands.
 */
static int
lazy_time_rules(struct prob *P)
{
	size_t *h, *at, pi, i, j;
	int added = 0;

	if (!P->lazy)
		return 0;
	h = held_by_person(P, &at);
	for (pi = 0; pi < P->m->npeople; pi++)
		for (i = at[pi]; i < at[pi + 1]; i++)
			for (j = i + 1; j < at[pi + 1]; j++)
				added |= rule_pair(P, pi, &P->c[h[i]],
				    &P->c[h[j]]);
	free(h);
	free(at);
	return added;
}

static void
person_conflicts(struct prob *P, size_t pi)
{
	excludes_conflicts(P, pi);
	if (!P->lazy)
		time_rules(P, pi);
}

/* Cands of exercise ex whose person is of agency a (index) and whose
 * role k has want[k]. By index and flags: the person's record and the
 * role's names, read for each cand, made the rule cost a cache miss
 * and a string comparison per cand, agency and evaluating role. */
static void
agency_cands(const struct prob *P, size_t ex, size_t a, const char *want,
    struct vec *out)
{
	size_t i;

	for (i = P->cx[2 * ex]; i < P->cx[2 * ex + 1]; i++)
		if (P->agof[P->c[i].person] == (long)a && want[P->c[i].role])
			vec_add(out, i);
}

static void
evaluator_conflicts(struct prob *P, size_t ex)
{
	const struct template *t = tpl_of(P, ex);
	char *holds = xcalloc(t->nroles + 1, 1);
	char *evaluated = xcalloc(t->nroles + 1, 1);
	size_t r, a, k;

	for (r = 0; r < t->nroles; r++) {
		if (t->roles[r].evaluates.n == 0)
			continue;
		for (k = 0; k < t->nroles; k++) {
			holds[k] = k == r;
			evaluated[k] = (char)in_list(&t->roles[r].evaluates,
			    t->roles[k].id);
		}
		for (a = 0; a < P->m->nagencies; a++) {
			const struct agency *ag = P->m->agencies[a];
			struct vec ev = {0}, pl = {0};
			struct person one;

			/* Only agencies taking part have cands here. */
			memset(&one, 0, sizeof(one));
			one.agency = (struct agency *)ag;
			if (elig_part(&P->p->exercises[ex], &one) < 0)
				continue;

			agency_cands(P, ex, a, holds, &ev);
			agency_cands(P, ex, a, evaluated, &pl);
			if (ev.n > 0 && pl.n > 0)
				add_conflict(P, CF_EVALUATES, &ev, &pl,
				    label(P, "%s may not evaluate its own agency %s in %s",
				    t->roles[r].id, ag->id,
				    P->p->exercises[ex].ex->id));
			free(ev.v);
			free(pl.v);
		}
	}
	free(holds);
	free(evaluated);
}

static size_t
series_of(struct prob *P, const char *role)
{
	size_t i;

	for (i = 0; i < P->nse; i++)
		if (strcmp(P->se[i].role, role) == 0)
			return i;
	memset(&VEC_PUSH(P->se, P->nse, P->secap), 0, sizeof(struct series));
	P->se[P->nse - 1].role = role;
	return P->nse - 1;
}

static void
join_pair(struct prob *P, size_t s, size_t ci)
{
	size_t i, pi = P->c[ci].person;
	struct pair *pr = NULL;

	for (i = 0; i < P->pc[pi].n && pr == NULL; i++) {
		int k = P->c[P->pc[pi].v[i]].pair;

		if (k >= 0 && P->pr[k].series == s)
			pr = &P->pr[k];
	}
	if (pr == NULL) {
		pr = &VEC_PUSH(P->pr, P->npr, P->prcap);
		memset(pr, 0, sizeof(*pr));
		pr->series = s;
		pr->person = pi;
	}
	VEC_PUSH(pr->c, pr->n, pr->cap) = ci;
	P->c[ci].pair = (int)(pr - P->pr);
}

/* Does any exercise mark role id for continuity? ids: those marked. */
static int
marked(const struct strlist *ids, const char *id)
{
	size_t i;

	for (i = 0; i < ids->n; i++)
		if (strcmp(ids->v[i], id) == 0)
			return 1;
	return 0;
}

/* A series: every exercise with seats for a role that one of them
 * marks continuity (the template, or one exercise's override). */
static void
find_series(struct prob *P)
{
	struct strlist ids = {0};
	size_t i, s, cap = 0;

	for (i = 0; i < P->ng; i++) {
		const struct role_def *r = role_of(P, P->g[i].ex, P->g[i].role);

		if (r->continuity && !marked(&ids, r->id))
			VEC_PUSH(ids.v, ids.n, cap) = r->id;
	}
	for (i = 0; i < P->ng; i++) {
		const struct role_def *r = role_of(P, P->g[i].ex, P->g[i].role);
		struct series *se;

		if (!marked(&ids, r->id))
			continue;
		s = series_of(P, r->id);	/* may move P->se */
		se = &P->se[s];
		if (se->k > 0 && se->ex[se->k - 1] == P->g[i].ex)
			continue;
		se->ex = xreallocarray(se->ex, se->k + 1, sizeof(size_t));
		se->ex[se->k++] = P->g[i].ex;
	}
	for (s = 0; s < P->nse; s++)
		for (i = 0; P->se[s].k >= 2 && i < P->nc; i++)
			if (strcmp(role_of(P, P->c[i].ex, P->c[i].role)->id,
			    P->se[s].role) == 0)
				join_pair(P, s, i);
	free(ids.v);
}

/* --- branch-and-bound over the flow ------------------------------------ */

/*
 * What the relaxation charges a held arc of a continuity pair. A holder
 * pays w (k - n) for holding the role in n of the series' k exercises:
 * w k once, less w per exercise held. A pair not yet decided is charged
 * the slope of the convex envelope of that cost over 0..kp, kp being the
 * exercises the person could hold it in, rounded down: never more than
 * it can cost, so the flow's cost is a lower bound.
 */
static int64_t
pair_arc_cost(const struct prob *P, const struct pair *pr)
{
	int64_t w = P->w.continuity, k = (int64_t)P->se[pr->series].k;

	if (pr->state == PAIR_HOLDER)
		return -w;
	if (pr->state == PAIR_FREE)
		return w * (k - (int64_t)pr->n) / (int64_t)pr->n;
	return 0;
}

/* What cand c's arc costs at the node being solved. */
static int64_t
cand_cost(const struct prob *P, const struct cand *c)
{
	return base_cost(c) + (c->pair >= 0 ? pair_arc_cost(P,
	    &P->pr[c->pair]) : 0);
}

static void
ban(struct prob *P, const size_t *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!P->banned[v[i]]) {
			P->banned[v[i]] = 1;
			vec_add(&P->bans, v[i]);
		}
}

static void
take_decision(struct prob *P, const struct bbnode *b)
{
	switch (b->kind) {
	case BB_BAN_A:
		ban(P, P->cf[b->idx].a, P->cf[b->idx].na);
		break;
	case BB_BAN_B:
		ban(P, P->cf[b->idx].b, P->cf[b->idx].nb);
		break;
	case BB_HOLD:
		P->pr[b->idx].state = PAIR_HOLDER;
		break;
	case BB_UNHOLD:
		P->pr[b->idx].state = PAIR_NOT;
		break;
	default:
		break;
	}
}

/* Cand ci's arc as its ban and its pair's state now have it. */
static void
sync_arc(struct prob *P, size_t ci)
{
	const struct cand *c = &P->c[ci];
	int64_t cost;

	if (c->arc < 0)
		return;		/* priced as it is (price()) */
	cost = cand_cost(P, c);
	if (P->cost0 != NULL)
		P->cost0[ci] = cost;
	/* Only what changed: the next solve looks at those. */
	if (mcf_arc_cap(P->f, c->arc) != !P->banned[ci] ||
	    mcf_arc_cost(P->f, c->arc) != cost)
		mcf_set(P->f, c->arc, P->banned[ci] ? 0 : 1, cost);
}

/* Set the network for a node: its bans and continuity decisions.
 * Returns the fixed charges of the pairs decided to hold. Only the
 * last node's bans, this one's and the pairs' cands can have changed
 * (at L, half a million arcs and thousands of nodes: not all of them
 * each time). */
static int64_t
apply_node(struct prob *P, int node)
{
	int64_t fixed = 0;
	size_t i, j;

	P->touched.n = 0;
	for (i = 0; i < P->bans.n; i++) {
		P->banned[P->bans.v[i]] = 0;
		vec_add(&P->touched, P->bans.v[i]);
	}
	P->bans.n = 0;
	for (i = 0; i < P->npr; i++)
		P->pr[i].state = PAIR_FREE;
	for (; node > 0; node = P->bb[node].parent)
		take_decision(P, &P->bb[node]);
	for (i = 0; i < P->npr; i++) {
		if (P->pr[i].state == PAIR_HOLDER)
			fixed += (int64_t)P->w.continuity *
			    (int64_t)P->se[P->pr[i].series].k;
		else if (P->pr[i].state == PAIR_NOT)
			ban(P, P->pr[i].c, P->pr[i].n);
	}
	for (i = 0; i < P->touched.n; i++)
		sync_arc(P, P->touched.v[i]);
	for (i = 0; i < P->bans.n; i++)
		sync_arc(P, P->bans.v[i]);
	for (i = 0; i < P->npr; i++)
		for (j = 0; j < P->pr[i].n; j++)
			sync_arc(P, P->pr[i].c[j]);
	return fixed;
}

static int
held(const struct prob *P, size_t ci)
{
	return P->c[ci].arc >= 0 && mcf_flow(P->f, P->c[ci].arc) > 0;
}

static int
any_held(const struct prob *P, const size_t *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (held(P, v[i]))
			return 1;
	return 0;
}

/* Whether every cand of v is banned at this node. */
static int
all_banned(const struct prob *P, const size_t *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!P->banned[v[i]])
			return 0;
	return 1;
}

/* The first rule beyond the network that the flow breaks, or -1. */
static long
violated(const struct prob *P)
{
	size_t i;

	for (i = 0; i < P->ncf; i++)
		if (any_held(P, P->cf[i].a, P->cf[i].na) &&
		    any_held(P, P->cf[i].b, P->cf[i].nb))
			return (long)i;
	return -1;
}

static size_t
pair_held(const struct prob *P, const struct pair *pr)
{
	size_t i, n = 0;

	for (i = 0; i < pr->n; i++)
		n += (size_t)held(P, pr->c[i]);
	return n;
}

/* The flow's true cost: continuity as paid, not as relaxed. */
static int64_t
true_cost(const struct prob *P, int64_t flowcost)
{
	int64_t cost = flowcost;
	size_t i, n;

	for (i = 0; i < P->act.n; i++)
		if (P->c[P->act.v[i]].pair >= 0 && held(P, P->act.v[i]))
			cost -= pair_arc_cost(P,
			    &P->pr[P->c[P->act.v[i]].pair]);
	for (i = 0; i < P->npr; i++)
		if ((n = pair_held(P, &P->pr[i])) > 0)
			cost += (int64_t)P->w.continuity *
			    (int64_t)(P->se[P->pr[i].series].k - n);
	return cost;
}

/* An undecided pair whose holder misses part of the series, or -1. */
static long
gap_pair(const struct prob *P)
{
	size_t i, n;

	for (i = 0; i < P->npr; i++) {
		if (P->pr[i].state != PAIR_FREE)
			continue;
		n = pair_held(P, &P->pr[i]);
		if (n > 0 && n < P->se[P->pr[i].series].k)
			return (long)i;
	}
	return -1;
}

/* A node below parent; returns its number. */
static int
new_node(struct prob *P, int parent, int kind, size_t idx, int64_t lb)
{
	struct bbnode *b = &VEC_PUSH(P->bb, P->nbb, P->bbcap);

	b->parent = parent;
	b->kind = kind;
	b->idx = idx;
	b->lb = lb;
	return (int)P->nbb - 1;
}

static void
push_node(struct prob *P, struct vec *stack, int parent, int kind,
    size_t idx, int64_t lb)
{
	vec_add(stack, (size_t)new_node(P, parent, kind, idx, lb));
}

static void
record(struct prob *P, int64_t cost)
{
	size_t i;

	memset(P->best, 0, P->nc);
	for (i = 0; i < P->act.n; i++)
		P->best[P->act.v[i]] = (char)held(P, P->act.v[i]);
	for (i = 0; i < P->ng; i++)
		P->best_vac[i] = mcf_flow(P->f, P->g[i].vac_arc);
	P->best_cost = cost;
	P->have_best = 1;
}

/* Children go on the stack last-explored first. A broken rule: ban one
 * side or the other, the side with fewer people first. A gap in
 * continuity: the person holds the role across the series, or never. */
static void
branch_on(struct prob *P, struct vec *stack, int node, int64_t lb, long v,
    long g)
{
	if (v >= 0) {
		int first = P->cf[v].na <= P->cf[v].nb ? BB_BAN_A : BB_BAN_B;

		push_node(P, stack, node, first == BB_BAN_A ? BB_BAN_B :
		    BB_BAN_A, (size_t)v, lb);
		push_node(P, stack, node, first, (size_t)v, lb);
		return;
	}
	assert(g >= 0);
	push_node(P, stack, node, BB_UNHOLD, (size_t)g, lb);
	push_node(P, stack, node, BB_HOLD, (size_t)g, lb);
}

/* Counted for the tests (assign.h). */
unsigned long assign_risk_bans;

/* Whether some cand of v is held and not banned (held() of a cand the
 * dive has banned without a solve since). */
static int
kept(const struct prob *P, const size_t *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!P->banned[v[i]] && held(P, v[i]))
			return 1;
	return 0;
}

/*
 * From its fourth step on, a dive makes rules ahead (rules_ahead()).
 * L's dive took 20 steps, each breaking rules met for the first time
 * (541, 280, 153, ... 11, 2): time rules are made only when a flow
 * breaks them, and each step's bans moved people into rules the dive
 * could not yet ban ahead. From the fourth step, L's dive took 6 steps
 * and its staffing 2.0 s instead of 2.6 s, its total 529,196 instead
 * of 529,141. From the first or second, M's search, which proves its
 * optimum after two dive steps and a few nodes, used up its effort
 * unproven (3.6 and 5.0 s instead of 0.19 s): every rule made ahead
 * is a ban whose other side the search must close. Tests set it lower.
 */
int assign_dive_ahead = 3;
unsigned long assign_rules_ahead;

/*
 * The time rules that a held cand and another cand of the same person
 * with an arc, in another exercise at the same time, could break: made
 * before a flow breaks them (lazy_time_rules() waits for that), so
 * that the dive bans the other side ahead. Each person's cands with
 * arcs are grouped first (by_person()), a few each among L's 90,000.
 * Deterministic: people in roster order, held cands in cand order, the
 * others in the order they got their arcs. Returns how many pairs of
 * exercises got their rules.
 */
static size_t
rules_ahead(struct prob *P)
{
	size_t *h, *at, *pos, *av, pi, i, j, made = 0;

	h = held_by_person(P, &at);
	av = by_person(P, P->act.v, P->act.n, &pos);
	for (pi = 0; pi < P->m->npeople; pi++)
		for (i = at[pi]; i < at[pi + 1]; i++)
			for (j = pos[pi]; j < pos[pi + 1]; j++)
				made += (size_t)rule_pair(P, pi, &P->c[h[i]],
				    &P->c[av[j]]);
	free(av);
	free(pos);
	free(h);
	free(at);
	return made;
}

/*
 * A large plan's first flow may break thousands of rules, and a dive
 * that branched on one per solve would take thousands of solves to
 * reach a solution. Until one is in hand, every rule the flow breaks is
 * branched on at once: the side with fewer people banned, node under
 * node, the last of them explored next, and each one's other side left
 * open beside it, so the search stays complete.
 *
 * So is every rule the flow could break next, one side held and the
 * other not wholly banned: that other side is banned. Re-solving moves
 * the people displaced by the bans, and left free it moved them into
 * other rules the dive had met. The bans are marked as they are made,
 * so that a rule whose held side this dive bans already is left alone
 * (banning its other side too made L's dive shorter, 15 steps instead
 * of 20, but for nothing: its plan was dearer); the marks go before
 * the next node is applied. Most of the rules each step broke were
 * still rules met for the first time, 20 steps at L: from the fourth
 * step the dive makes ahead the rules its held people could break
 * (rules_ahead(), above), 6 steps.
 */
static void
dive(struct prob *P, struct vec *stack, int node, int64_t lb)
{
	const struct conflict *cf;
	size_t i, mark = P->bans.n;
	int first, tip = node, ha, hb;

	if (P->dives++ >= assign_dive_ahead)
		assign_rules_ahead += rules_ahead(P);
	for (i = 0; i < P->ncf; i++) {
		cf = &P->cf[i];
		ha = kept(P, cf->a, cf->na);
		hb = kept(P, cf->b, cf->nb);
		if (ha && hb)
			first = cf->na <= cf->nb ? BB_BAN_A : BB_BAN_B;
		else if (ha && !all_banned(P, cf->b, cf->nb))
			first = BB_BAN_B;
		else if (hb && !all_banned(P, cf->a, cf->na))
			first = BB_BAN_A;
		else
			continue;
		assign_risk_bans += !(ha && hb);
		if (first == BB_BAN_A)
			ban(P, cf->a, cf->na);
		else
			ban(P, cf->b, cf->nb);
		push_node(P, stack, tip, first == BB_BAN_A ? BB_BAN_B :
		    BB_BAN_A, i, lb);
		tip = new_node(P, tip, first, i, lb);
	}
	for (i = mark; i < P->bans.n; i++)
		P->banned[P->bans.v[i]] = 0;
	P->bans.n = mark;
	vec_add(stack, (size_t)tip);
}

static void
branch(struct prob *P, struct vec *stack, int node, int64_t lb, long v)
{
	branch_on(P, stack, node, lb, v, v >= 0 ? -1 : gap_pair(P));
}

static int64_t
stack_bound(const struct prob *P, const struct vec *stack)
{
	int64_t b = P->best_cost;
	size_t i;

	for (i = 0; i < stack->n; i++)
		if (P->bb[stack->v[i]].lb < b)
			b = P->bb[stack->v[i]].lb;
	return b;
}

/* Depth first until a solution is in hand, so that one is found fast;
 * then the open node of least bound first, to prove it soonest, diving
 * below it (plunge) until that line closes: best-first alone rarely
 * reaches a leaf, so better solutions would never be met. */
static int
pop_node(const struct prob *P, struct vec *stack)
{
	size_t i, at = stack->n - 1;
	int node;

	for (i = 0; P->have_best && !P->plunge && i + 1 < stack->n; i++)
		if (P->bb[stack->v[i]].lb < P->bb[stack->v[at]].lb)
			at = i;
	node = (int)stack->v[at];
	memmove(&stack->v[at], &stack->v[at + 1], (stack->n - at - 1) *
	    sizeof(size_t));
	stack->n--;
	return node;
}

/*
 * The Lagrangian bound. Beside the rules that branch-and-bound
 * enforces, some sets of cands can hold at most one between them: a
 * person's roles in different exercises that are all on at one instant
 * (one role per person per exercise where several could be on). For a
 * clique Q, x(Q) <= 1; charging each arc of Q a multiplier lam >= 0 and
 * taking lam back once gives a flow whose cost is still a lower bound
 * for every multiplier, and for the best multipliers it is as strong as
 * the linear program with the cliques, far stronger than the flow
 * alone when one person is wanted in several exercises at once.
 * Subgradient steps search for good multipliers; the effort counts
 * toward the work limit like any other solve.
 */

/* Could cand c be held together with another cand of its exercise
 * that is on at the same time? Only through a multiple role. */
static int
lone(const struct prob *P, const struct cand *c)
{
	return !role_of(P, c->ex, c->role)->multiple;
}

static int
same_clique(const struct vec *a, const struct vec *b)
{
	return a->n == b->n && memcmp(a->v, b->v, a->n * sizeof(size_t)) == 0;
}

/* Person pi's cliques: at each instant an event of theirs starts, the
 * cands on at it, from at least two exercises, each exercise giving
 * either its non-multiple cands (one at most is held, through the
 * person-in-exercise node) or one multiple cand. */
static void
person_cliques(struct prob *P, size_t pi)
{
	const struct vec *pc = &P->pc[pi];
	struct vec q = {0};
	size_t i, j, k, l, nex, first = P->ncq;

	for (i = 0; i < pc->n; i++) {
		const struct cand *c = &P->c[pc->v[i]];
		const struct vec *ev = &P->rev[c->ex][c->role];

		for (j = 0; j < ev->n; j++) {
			const struct planned_event *pe =
			    &P->p->exercises[c->ex].events[ev->v[j]];
			long prev_ex = -1;
			int took_multi = 0;

			if (pe->end <= pe->start)
				continue;
			q.n = 0;
			nex = 0;
			for (k = 0; k < pc->n; k++) {
				const struct cand *d = &P->c[pc->v[k]];
				int any_lone = 0;

				if (!covers(P, d, pe->start))
					continue;
				if ((long)d->ex != prev_ex) {
					prev_ex = (long)d->ex;
					took_multi = 0;
					nex++;
				}
				/* Lone cands of this exercise on at t? */
				for (l = 0; l < pc->n; l++) {
					const struct cand *e = &P->c[pc->v[l]];

					if (e->ex == d->ex && lone(P, e) &&
					    covers(P, e, pe->start))
						any_lone = 1;
				}
				if (lone(P, d) || (!any_lone && !took_multi)) {
					took_multi |= !lone(P, d);
					vec_add(&q, pc->v[k]);
				}
			}
			if (nex < 2)
				continue;
			for (k = first; k < P->ncq; k++)
				if (same_clique(&P->cq[k], &q))
					break;
			if (k < P->ncq)
				continue;
			memset(&VEC_PUSH(P->cq, P->ncq, P->cqcap), 0,
			    sizeof(struct vec));
			for (k = 0; k < q.n; k++)
				vec_add(&P->cq[P->ncq - 1], q.v[k]);
		}
	}
	free(q.v);
}

static void
find_cliques(struct prob *P)
{
	size_t i;

	for (i = 0; i < P->ncf && P->cf[i].kind != CF_TIME; i++)
		;
	if (i == P->ncf)
		return;		/* nobody is wanted twice at once */
	/* Finding the cliques costs the cube of a person's cands; on a
	 * large plan the effort limit stops the search long before a
	 * stronger bound would pay for them. */
	if (P->nc > P->large)
		return;
	for (i = 0; i < P->m->npeople; i++)
		person_cliques(P, i);
	P->lam = xcalloc(P->ncq + 1, sizeof(int64_t));
}

/* Arc costs with the multipliers (on) or without. */
static void
set_lambda(struct prob *P, int on)
{
	size_t i, j;

	for (i = 0; i < P->nc; i++)
		P->lamc[i] = 0;
	for (i = 0; on && i < P->ncq; i++)
		for (j = 0; P->lam[i] > 0 && j < P->cq[i].n; j++)
			P->lamc[P->cq[i].v[j]] += P->lam[i];
	for (i = 0; i < P->nc; i++)
		if (P->c[i].arc >= 0)
			mcf_set(P->f, P->c[i].arc, mcf_arc_cap(P->f,
			    P->c[i].arc), P->cost0[i] + P->lamc[i]);
}

static int64_t
lambda_sum(const struct prob *P)
{
	int64_t s = 0;
	size_t i;

	for (i = 0; i < P->ncq; i++)
		s += P->lam[i];
	return s;
}

/* Held cands of clique i, less one: the subgradient. */
static int64_t
clique_slack(const struct prob *P, size_t i)
{
	int64_t n = -1;
	size_t j;

	for (j = 0; j < P->cq[i].n; j++)
		n += held(P, P->cq[i].v[j]);
	return n;
}

/* The flow's cost without the multipliers it was charged. */
static int64_t
unlambda(const struct prob *P, int64_t fc)
{
	size_t i;

	for (i = 0; i < P->nc; i++)
		if (P->lamc[i] != 0 && held(P, i))
			fc -= P->lamc[i];
	return fc;
}

/* A feasible flow is a solution: keep the best. Returns its cost. */
static int64_t
try_record(struct prob *P, int64_t fc)
{
	int64_t tc = true_cost(P, unlambda(P, fc));

	if (!P->have_best || tc < P->best_cost)
		record(P, tc);
	return tc;
}

/*
 * Raise node's bound lb by up to iters subgradient steps from the
 * multipliers as they are (the last node's: a warm start). Returns the
 * best bound found; solutions met on the way are recorded. The network
 * is left with the multipliers off.
 */
static int64_t
lagrange(struct prob *P, int64_t fixed, int64_t lb, int iters)
{
	int64_t fc, l, target, g2, step, d;
	int it, stale = 0, theta = 200;	/* percent */
	size_t i;

	for (it = 0; it < iters; it++) {
		if (P->have_best && lb >= P->best_cost)
			break;
		if (P->have_best && P->work >= P->limit)
			break;
		set_lambda(P, 1);
		mcf_solve(P->f, P->s, P->t, P->want, &fc, &P->work);
		l = fc + fixed - lambda_sum(P);
		if (l > lb) {
			lb = l;
			stale = 0;
		} else if (++stale >= 3) {
			theta /= 2;
			stale = 0;
		}
		if (violated(P) < 0 && try_record(P, fc) <= lb)
			break;
		target = P->have_best ? P->best_cost : l + P->w.vacancy;
		g2 = 0;
		for (i = 0; i < P->ncq; i++) {
			d = clique_slack(P, i);
			if (d > 0 || P->lam[i] > 0)
				g2 += d * d;
		}
		if (g2 == 0 || theta == 0)
			break;
		step = (target - l) * theta / 100 / g2;
		if (step <= 0)
			step = 1;
		for (i = 0; i < P->ncq; i++) {
			d = clique_slack(P, i);
			P->lam[i] += step * d;
			if (P->lam[i] < 0)
				P->lam[i] = 0;
		}
	}
	set_lambda(P, 0);
	return lb;
}

/*
 * Column generation, on large plans (millions of cands, of which a
 * seat group's optimum uses a few). The network starts with a few
 * cands per group (initial_columns()); after each solve every cand
 * still without an arc is priced with the flow's potentials (mcf_pot):
 * its arc would run from its group (the cheaper of two) into its
 * person-in-exercise node, or, where the person has none in that
 * exercise, into a new one whose potential may lie anywhere between the
 * group's end of the arc and the person's node, or the sink less the
 * person's next unit of load where that unit would come with it. A
 * cand whose every arc can have a reduced cost >= 0 cannot lower the
 * flow's cost; the others get arcs and the flow is solved again (from
 * where it was, mcf.c). When none is left, the flow is optimal for the
 * whole network, as if every cand had had its arc from the start.
 */

#define FIRST_SPARE 2	/* first columns of a group beyond its seats */

/* Offer index i at key k to at[0..*n), which keeps the want (> 0)
 * indices of least key offered, least first, the earlier first among
 * equals, with their keys in key. */
static void
keep_least(int64_t *key, size_t *at, size_t *n, size_t want, int64_t k,
    size_t i)
{
	size_t j;

	if (*n == want && k >= key[*n - 1])
		return;
	j = *n < want ? (*n)++ : *n - 1;
	for (; j > 0 && key[j - 1] > k; j--) {
		key[j] = key[j - 1];
		at[j] = at[j - 1];
	}
	key[j] = k;
	at[j] = i;
}
#define PRICE_BEST 16	/* columns priced in per role and round */

/*
 * The first columns: each seat group's cheapest cands, the fairness
 * each would pay counted from the seats the groups before gave them, so
 * that the first flow already spreads people about as the optimum will.
 */
static void
initial_columns(struct prob *P)
{
	int *est = xcalloc(P->m->npeople + 1, sizeof(int));
	const struct run *r;
	size_t *pick = NULL, cap = 0, g, i, k, n, want;
	int64_t *key = NULL, kc;

	for (r = P->runs; r < P->runs + P->nruns; r++)
		for (g = r->g0; g < r->g1; g++) {
			/* By index: the person's agency itself would be a
			 * cache miss per cand, 9.6 million at L. */
			long ga = P->g[g].ag;

			want = (size_t)P->g[g].demand + FIRST_SPARE;
			if (want > cap) {
				cap = want;
				pick = xreallocarray(pick, cap,
				    sizeof(*pick));
				key = xreallocarray(key, cap,
				    sizeof(*key));
			}
			for (n = 0, i = r->c0; i < r->c1; i++) {
				const struct cand *c = &P->c[i];

				if ((P->g[g].agency != NULL &&
				    P->agof[c->person] != ga) ||
				    P->p_cap[c->person] <= 0)
					continue;
				kc = base_cost(c) + P->w.fairness * (2 *
				    (P->p_prior[c->person] +
				    est[c->person]) + 1);
				keep_least(key, pick, &n, want, kc, i);
			}
			for (k = 0; k < n; k++) {
				if (P->c[pick[k]].arc < 0)
					activate(P, pick[k]);
				if (k < (size_t)P->g[g].demand)
					est[P->c[pick[k]].person]++;
			}
		}
	free(est);
	free(pick);
	free(key);
}

/*
 * The potential the end of cand c's arc could have: *strict, the
 * person's node itself where there is no person-in-exercise node yet
 * (price_all() counts apart the units of load that would come with the
 * arc), and *lax, which may lie above it, as such a unit would come
 * with the arc. Returns 0 when the person can take no role at all (no
 * arc could carry flow).
 */
static int
into_pot(const struct prob *P, const struct cand *c, int64_t pt,
    int64_t *lax, int64_t *strict)
{
	size_t pi = c->person;
	int more = P->p_in[pi] < P->p_cap[pi];
	int64_t next;

	if (c->pe >= 0) {
		*lax = *strict = mcf_pot(P->f, c->pe);
		return 1;
	}
	next = pt - (int64_t)P->w.fairness * (2 * (P->p_prior[pi] +
	    P->p_in[pi] + 1) - 1);
	if (P->p_node[pi] < 0) {
		*lax = *strict = next;
		return more;
	}
	*lax = *strict = mcf_pot(P->f, P->p_node[pi]);
	if (more && next > *lax)
		*lax = next;
	return 1;
}

/*
 * The load arcs a person's node lacks, priced: what they could lower
 * the flow's cost by, at most (<= 0). Units beyond the cap do not
 * exist; the rest cost more and more, so the sum stops at the first
 * that could not help.
 */
static int64_t
missing_load(const struct prob *P, size_t pi, int64_t pt)
{
	int64_t sum = 0, rc;
	int k;

	if (P->p_node[pi] < 0)
		return 0;
	for (k = P->p_in[pi] + 1; k <= P->p_cap[pi]; k++) {
		rc = (int64_t)P->w.fairness * (2 * (P->p_prior[pi] + k) - 1) +
		    mcf_pot(P->f, P->p_node[pi]) - pt;
		if (rc >= 0)
			break;
		sum += rc;
	}
	return sum;
}

/*
 * Price every cand left out: the PRICE_BEST of each role whose arcs
 * could lower the flow's cost most go to *add. Returns how much all of
 * them together could lower it at most (<= 0): with the flow's cost,
 * a lower bound for the whole network (the dual of the flow with the
 * potentials as they are, a node added for a cand placed where only
 * its arc can have a negative reduced cost; or, per role, its seats
 * times its most negative), which is the flow's own cost when nothing
 * is left to add.
 */
/* Does a seat group of [g0, g1) have an empty seat? */
static int
vacant(const struct prob *P, size_t g0, size_t g1)
{
	for (; g0 < g1; g0++)
		if (mcf_flow(P->f, P->g[g0].vac_arc) > 0)
			return 1;
	return 0;
}

/*
 * Cand c of run r, left out, priced: its arc's reduced cost into the
 * lax end (*lax, which columns are chosen by) and into the strict end
 * (*strict, what price_all()'s bound uses); see into_pot(). one is
 * the potential of r's group when it has one group (INT64_MAX: look).
 * Returns 0 when c has its arc, is banned, or no arc of it could carry
 * flow.
 */
static int
price_cand(const struct prob *P, const struct run *r, const struct cand *c,
    int64_t one, int64_t pt, int64_t *lax, int64_t *strict)
{
	int64_t from = one, to, in, p;
	size_t j, n, gs[2];

	if (c->arc >= 0 || P->banned[c - P->c] || !into_pot(P, c, pt, &to,
	    &in))
		return 0;
	n = one != INT64_MAX ? 1 : cand_groups(P, c, r->g0, r->g1, gs);
	for (j = 0; one == INT64_MAX && j < n; j++)
		if ((p = mcf_pot(P->f, P->g[gs[j]].node)) < from)
			from = p;
	if (n == 0)
		return 0;
	*strict = cand_cost(P, c) + from - in;
	*lax = cand_cost(P, c) + from - to;
	return 1;
}

/* Run r's potential for price_cand(). */
static int64_t
run_pot(const struct prob *P, const struct run *r)
{
	/* Most roles have one group: its potential, once. */
	return r->g1 - r->g0 == 1 ? mcf_pot(P->f, P->g[r->g0].node) :
	    INT64_MAX;
}

/*
 * The cands of run r left out, priced: the PRICE_BEST of most negative
 * reduced cost go to *add; *gap gains what all of them could lower the
 * flow's cost by, and the role's seats times its most negative reduced
 * cost is returned (both <= 0).
 */
static int64_t
price_run(struct prob *P, const struct run *r, int64_t pt, struct vec *add,
    int64_t *gap)
{
	int64_t rc, strict, low = 0, one = run_pot(P, r), best[PRICE_BEST];
	size_t at[PRICE_BEST], nb = 0, i, j;
	int seats;

	P->work += r->c1 - r->c0;
	for (i = r->c0; i < r->c1; i++) {
		if (!price_cand(P, r, &P->c[i], one, pt, &rc, &strict))
			continue;
		*gap += strict < 0 ? strict : 0;
		low = strict < low ? strict : low;
		if (rc < 0)
			keep_least(best, at, &nb, PRICE_BEST, rc, i);
	}
	for (i = 0; i < nb; i++)
		vec_add(add, at[i]);
	for (seats = 0, j = r->g0; j < r->g1; j++)
		seats += P->g[j].demand;
	return low * seats;
}

static int64_t
price_all(struct prob *P, struct vec *add, int vacant_only)
{
	int64_t pt = mcf_pot(P->f, P->t), gap = 0, rgap = 0;
	const struct run *r;
	size_t i;

	for (r = P->runs; r < P->runs + P->nruns; r++)
		if (!vacant_only || vacant(P, r->g0, r->g1))
			rgap += price_run(P, r, pt, add, &gap);
	/* A role's cands fill its seats at most: the most negative times
	 * the seats bounds them too, often better than them all. */
	gap = rgap > gap ? rgap : gap;
	for (i = 0; i < P->m->npeople && !vacant_only; i++)
		gap += missing_load(P, i, pt);
	return gap;
}

/*
 * Give the cands left out that could lower the flow's cost their arcs.
 * Returns how many. Columns are generated while the effort, all of it
 * so far, stays under 1/CG_SHARE of the limit (on the largest plans, a
 * few rounds of repairing the flow for thousands of new columns would
 * take minutes), and a round whose solve would take it past that is
 * not started (assign_over_budget()). The columns are then frozen: the
 * search goes on with those it has, pricing only for roles with an
 * empty seat (a ban may leave one that a cand left out would fill),
 * and the root's bound (its flow's cost plus what the cands left out
 * could save) is the bound of the plan.
 */
#define CG_SHARE 10

unsigned long assign_early_freezes;

/*
 * The next solve is taken to cost what the last one did, grown with
 * the columns the round adds: at L the first round would add 229,846
 * to 90,412, and its solve cost six times the first. The effort spent
 * alone was a knife edge: at L's first pricing it was 49.8 million
 * (the solve 40.25, the pass over the cands 9.6) against 40, and a
 * flow examining a quarter fewer arcs put it at 39.2: L then priced
 * that round and took 30 s instead of 7. With the estimate L freezes
 * there for a flow up to six times cheaper. Since the flow looks
 * ahead for the sink (mcf.c), whose scans count, L's first pricing is
 * at 73.5 million and M's rounds reach 22.3 million at most.
 */
int
assign_over_budget(uint64_t work, uint64_t last, size_t add, size_t act,
    uint64_t share)
{
	return work + last + last * add / (act > 0 ? act : 1) >= share;
}

static int
over_budget(const struct prob *P, size_t add)
{
	uint64_t share = P->limit / CG_SHARE;

	if (P->work >= share)
		return 1;
	if (!assign_over_budget(P->work, P->last, add, P->act.n, share))
		return 0;
	assign_early_freezes++;
	return 1;
}

/* Arcs for the cands in add, at their cost. */
static void
add_columns(struct prob *P, const struct vec *add)
{
	size_t i;

	for (i = 0; i < add->n; i++) {
		struct cand *c = &P->c[add->v[i]];

		activate(P, add->v[i]);
		mcf_set(P->f, c->arc, 1, cand_cost(P, c));
	}
}

static size_t
price(struct prob *P, int node, int64_t fc)
{
	struct vec add = {0};
	int64_t gap = price_all(P, &add, P->frozen);
	size_t n;

	if (!P->frozen) {
		if (add.n > 0 && over_budget(P, add.n)) {
			P->frozen = 1;
			add.n = 0;
		}
		if (node == 0 && add.n == 0)
			P->root_lb = fc + gap;
	}
	add_columns(P, &add);
	n = add.n;
	free(add.v);
	return n;
}

/* The run holding cand ci. */
static const struct run *
run_of(const struct prob *P, size_t ci)
{
	size_t lo = 0, hi = P->nruns, mid;

	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (P->runs[mid].c0 <= ci)
			lo = mid;
		else
			hi = mid;
	}
	assert(P->runs[lo].c0 <= ci && ci < P->runs[lo].c1);
	return &P->runs[lo];
}

/* The want (<= PRICE_BEST) cands of run r left out of least reduced
 * cost, whatever its sign, to *add. */
static void
price_spare(struct prob *P, const struct run *r, int64_t pt, size_t want,
    struct vec *add)
{
	int64_t rc, strict, one = run_pot(P, r), best[PRICE_BEST];
	size_t at[PRICE_BEST], nb = 0, i;

	if (want > PRICE_BEST)
		want = PRICE_BEST;
	P->work += r->c1 - r->c0;
	for (i = r->c0; i < r->c1; i++)
		if (price_cand(P, r, &P->c[i], one, pt, &rc, &strict))
			keep_least(best, at, &nb, want, rc, i);
	for (i = 0; i < nb; i++)
		vec_add(add, at[i]);
}

/*
 * A ban that takes a seat from its holder sends the seat, in the next
 * solve, to the cheapest way left, which among the columns in the
 * network is often its vacancy: the pricing after it then finds the
 * cands that would fill it and the flow is solved a second time. At L
 * those second solves were a third of the search. So before the solve
 * each run losing holders gets as many of its cands left out (up to
 * PRICE_BEST), the least in reduced cost at the potentials as they are
 * (the seat will want one of them). Frozen or not: a column added is a
 * cand with an arc, and pricing still covers the others.
 */
unsigned long assign_spare_columns;

static void
price_bans(struct prob *P)
{
	struct vec add = {0}, lost = {0};
	int64_t pt = mcf_pot(P->f, P->t);
	const struct run *r;
	size_t i, j;

	for (i = 0; i < P->bans.n; i++)
		if (held(P, P->bans.v[i]))
			vec_add(&lost, P->bans.v[i]);
	/* Runs are in cand order: a run's losses side by side. */
	if (lost.n > 0)	/* qsort(NULL, 0, ...) is undefined */
		qsort(lost.v, lost.n, sizeof(size_t), cmp_size);
	for (i = 0; i < lost.n; i = j) {
		r = run_of(P, lost.v[i]);
		for (j = i + 1; j < lost.n && lost.v[j] < r->c1; j++)
			;
		price_spare(P, r, pt, j - i, &add);
	}
	add_columns(P, &add);
	assign_spare_columns += add.n;
	free(add.v);
	free(lost.v);
}

/* One solve of the flow; its effort is kept for over_budget(). */
static void
flow(struct prob *P, int64_t *fc)
{
	uint64_t w = P->work;

	mcf_solve(P->f, P->s, P->t, P->want, fc, &P->work);
	P->last = P->work - w;
}

/* The flow for the network as it stands at a node; on a large plan,
 * priced until no cand left out could lower its cost, or frozen. Its
 * cost goes to *fc. */
static void
solve(struct prob *P, int node, int64_t *fc)
{
	if (P->cg)
		price_bans(P);
	flow(P, fc);
	while (P->cg && price(P, node, *fc) > 0)
		flow(P, fc);
}

/*
 * Once the columns are frozen the search is over the cands with arcs
 * only: its bounds say what a better solution of that restricted
 * problem could save, not the plan's. When that is under a thousandth
 * of the best cost the rest of the effort would buy almost nothing (at
 * L it is 0.02%, and 140 million arcs examined found nothing better).
 */
#define FROZEN_GAP 1000

unsigned long assign_gap_stops;

static int
close_enough(const struct prob *P, const struct vec *stack)
{
	return P->frozen && P->have_best && P->best_cost -
	    stack_bound(P, stack) <= P->best_cost / FROZEN_GAP;
}

#define LAGRANGE_ROOT 30	/* subgradient steps at the root */
#define LAGRANGE_NODE 4		/* and at every other node */

/* Depth first, pruning by the flow's bound, until every node is done
 * (optimal) or the effort runs out with a solution in hand. */
static void
search(struct prob *P)
{
	struct vec stack = {0};
	int64_t fixed, fc, lb, tc;
	int node;
	long v;

	push_node(P, &stack, -1, BB_ROOT, 0, INT64_MIN);
	while (stack.n > 0) {
		if (P->have_best && P->work >= P->limit)
			break;
		if (close_enough(P, &stack)) {
			assign_gap_stops++;
			break;
		}
		node = pop_node(P, &stack);
		P->plunge = 0;
		if (P->have_best && P->bb[node].lb >= P->best_cost)
			continue;
		fixed = apply_node(P, node);
		solve(P, node, &fc);
		lb = fc + fixed;
		if (P->have_best && lb >= P->best_cost)
			continue;
		if ((v = violated(P)) < 0 && lazy_time_rules(P))
			v = violated(P);
		if (v < 0) {
			tc = true_cost(P, fc);
			if (!P->have_best || tc < P->best_cost)
				record(P, tc);
			if (tc <= lb)
				continue;
		}
		/* The plain flow chose what to branch on; the multipliers
		 * only raise the bound the children inherit. */
		if (v >= 0 && P->lazy && !P->have_best)
			dive(P, &stack, node, lb);
		else if (P->ncq > 0) {
			long g = v >= 0 ? -1 : gap_pair(P);
			int64_t l2 = lagrange(P, fixed, lb, node == 0 ?
			    LAGRANGE_ROOT : LAGRANGE_NODE);

			if (P->have_best && l2 >= P->best_cost)
				continue;
			lb = l2 > lb ? l2 : lb;
			branch_on(P, &stack, node, lb, v, g);
		} else
			branch(P, &stack, node, lb, v);
		P->plunge = 1;
	}
	P->p->staffing_optimal = stack.n == 0;
	P->p->staffing_bound = stack.n == 0 ? P->best_cost :
	    stack_bound(P, &stack);
	/* Frozen columns: the nodes below the root searched only those,
	 * so the root's bound is the plan's. */
	if (P->frozen) {
		/* No part of the cost is negative in all. */
		P->p->staffing_bound = P->root_lb < 0 ? 0 : P->root_lb;
		if (P->p->staffing_bound > P->best_cost)
			P->p->staffing_bound = P->best_cost;
		P->p->staffing_optimal = P->p->staffing_bound ==
		    P->best_cost;
	}
	P->p->staffing_method = P->nbb == 1 ? "flow" : "branch-and-bound";
	free(stack.v);
}

/* --- the plan's staffing ----------------------------------------------- */

/* Roles person pi holds in the best solution (fill_assignments()
 * counts them once: a walk through their cands for each of L's 36,000
 * seats was 0.2 s). */
static size_t
load_of(const struct prob *P, size_t pi)
{
	assert(P->load != NULL);
	return P->load[pi];
}

static void
add_assignment(struct prob *P, const struct cand *c)
{
	struct plan_exercise *px = &P->p->exercises[c->ex];
	struct assignment *a = &px->assignments[px->nassignments++];
	const struct vec *ev = &P->rev[c->ex][c->role];

	a->role = role_of(P, c->ex, c->role);
	a->person = P->m->people[c->person];
	a->events = arena_array(P->p->arena, ev->n + 1, sizeof(size_t));
	if (ev->n > 0)
		memcpy(a->events, ev->v, ev->n * sizeof(size_t));
	a->nevents = ev->n;
}

/* The agency's parts of the cost of a role (struct agc's), worked out
 * again for the cands held, as a cand keeps only the sum; the last kept,
 * as they come in exercise, role and roster order. */
struct agparts {
	size_t ex, role;
	const struct agency *ag;
	int64_t travel, ooh;
};

/* Parts of the cost, each charged to the exercise it arises in. A
 * person's w L^2 of fairness is w L for each of their L roles. */
static void
charge_cand(struct prob *P, const struct cand *c, struct agparts *last)
{
	struct staffing_cost *sc = &P->p->exercises[c->ex].cost;
	const struct person *pn = P->m->people[c->person];
	int64_t pref = pref_cost(P, pref_number(P, role_of(P, c->ex,
	    c->role)->id), c->person);

	if (last->ag != pn->agency || last->ex != c->ex ||
	    last->role != c->role) {
		last->ag = pn->agency;
		last->ex = c->ex;
		last->role = c->role;
		last->travel = travel_cost(P, c->ex, pn);
		last->ooh = ooh_cost(P, c->ex, c->role, pn);
	}
	assert(pref + last->travel + last->ooh == c->cost);
	sc->preference += pref;
	sc->travel += last->travel;
	sc->out_of_hours += last->ooh;
	sc->fairness += (int64_t)P->w.fairness * (2 * (int64_t)P->p_prior[
	    c->person] + (int64_t)load_of(P, c->person));
}

/* A holder of a series role pays w in each exercise they miss. */
static void
charge_continuity(struct prob *P)
{
	size_t i, j, l;

	for (i = 0; i < P->npr; i++) {
		const struct pair *pr = &P->pr[i];
		const struct series *se = &P->se[pr->series];
		size_t n = 0;

		for (j = 0; j < pr->n; j++)
			n += (size_t)P->best[pr->c[j]];
		for (j = 0; n > 0 && j < se->k; j++) {
			int holds = 0;

			for (l = 0; l < pr->n; l++)
				if (P->best[pr->c[l]] &&
				    P->c[pr->c[l]].ex == se->ex[j])
					holds = 1;
			if (!holds)
				P->p->exercises[se->ex[j]].cost.continuity +=
				    P->w.continuity;
		}
	}
}

static void
sum_costs(struct plan *p)
{
	size_t i;

	memset(&p->cost, 0, sizeof(p->cost));
	for (i = 0; i < p->nexercises; i++) {
		struct staffing_cost *c = &p->exercises[i].cost;

		c->total = c->vacancy + c->preference + c->fairness +
		    c->continuity + c->travel + c->out_of_hours;
		p->cost.total += c->total;
		p->cost.vacancy += c->vacancy;
		p->cost.preference += c->preference;
		p->cost.fairness += c->fairness;
		p->cost.continuity += c->continuity;
		p->cost.travel += c->travel;
		p->cost.out_of_hours += c->out_of_hours;
	}
}

static void
fill_assignments(struct prob *P)
{
	size_t i, *n = xcalloc(P->p->nexercises + 1, sizeof(size_t));
	struct agparts last = { .ex = SIZE_MAX };

	P->load = xcalloc(P->m->npeople + 1, sizeof(size_t));
	for (i = 0; i < P->nc; i++)
		if (P->best[i]) {
			n[P->c[i].ex]++;
			P->load[P->c[i].person]++;
		}
	for (i = 0; i < P->p->nexercises; i++) {
		struct plan_exercise *px = &P->p->exercises[i];

		px->assignments = arena_array(P->p->arena, n[i] + 1,
		    sizeof(*px->assignments));
		px->nassignments = 0;
		memset(&px->cost, 0, sizeof(px->cost));
	}
	free(n);
	/* Cands are in exercise, template role, roster order already. */
	for (i = 0; i < P->nc; i++)
		if (P->best[i]) {
			add_assignment(P, &P->c[i]);
			charge_cand(P, &P->c[i], &last);
		}
	for (i = 0; i < P->ng; i++)
		P->p->exercises[P->g[i].ex].cost.vacancy +=
		    (int64_t)P->w.vacancy * P->best_vac[i];
	charge_continuity(P);
	sum_costs(P->p);
	assert(P->p->cost.total == P->best_cost);
}

/* --- why seats stay empty ---------------------------------------------- */

/* " (hseep-evaluator, speaking en and es, clearance secret)", or "". */
static void
put_needs(struct sb *b, const struct role_def *r)
{
	size_t i, n = 0;

	for (i = 0; i < r->qualifications.n; i++)
		sb_printf(b, "%s%s", n++ ? ", " : " (", r->qualifications.v[i]);
	for (i = 0; i < r->languages.n; i++)
		sb_printf(b, "%s%s", i > 0 ? (i + 1 == r->languages.n ?
		    " and " : ", ") : n++ ? ", speaking " : " (speaking ",
		    r->languages.v[i]);
	if (r->clearance > CLR_NONE)
		sb_printf(b, "%sclearance %s", n++ ? ", " : " (",
		    doctrine_clearance_name(r->clearance));
	if (n > 0)
		sb_putc(b, ')');
}

/* Who a group may draw on: each person once, in cand order. mark and
 * stamp (a fresh value) tell who is in already. */
static void
group_people(const struct prob *P, const struct grp *g, struct vec *out,
    size_t *mark, size_t stamp)
{
	size_t i;

	for (i = P->cx[2 * g->ex]; i < P->cx[2 * g->ex + 1]; i++) {
		const struct cand *c = &P->c[i];

		if (c->role != g->role || mark[c->person] == stamp ||
		    (g->agency != NULL &&
		    P->m->people[c->person]->agency != g->agency))
			continue;
		mark[c->person] = stamp;
		vec_add(out, c->person);
	}
}

/* Do two groups need different people? Seats of one role always do;
 * two roles do unless one may be held alongside others. */
static int
compete(const struct prob *P, const struct grp *a, const struct grp *b)
{
	return a->role == b->role || (!role_of(P, a->ex, a->role)->multiple &&
	    !role_of(P, b->ex, b->role)->multiple);
}

/* Hall's condition on group gi and the groups whose people are all
 * among its own: together they need no more people than it has. */
static void
hall_group(struct prob *P, size_t gi, const struct vec *gp, size_t *mark,
    size_t stamp)
{
	struct grp *g = &P->g[gi];
	const struct role_def *r = role_of(P, g->ex, g->role);
	size_t have = gp[gi].n, h, i, nset = 1;
	int need = g->demand;
	struct sb b = {0};

	for (i = 0; i < gp[gi].n; i++)
		mark[gp[gi].v[i]] = stamp;
	sb_printf(&b, "'%s'", r->id);
	for (h = P->gx[2 * g->ex]; h < P->gx[2 * g->ex + 1]; h++) {
		if (h == gi || !compete(P, g, &P->g[h]))
			continue;
		for (i = 0; i < gp[h].n && mark[gp[h].v[i]] == stamp; i++)
			;
		if (i < gp[h].n)
			continue;	/* not all among its own */
		need += P->g[h].demand;
		sb_printf(&b, ", '%s'", role_of(P, P->g[h].ex, P->g[h].role)->id);
		nset++;
	}
	if (g->demand > (int)have) {
		sb_free(&b);
		sb_printf(&b, "need %d '%s'", g->demand, r->id);
		put_needs(&b, r);
		if (g->agency != NULL)
			sb_printf(&b, " from '%s'", g->agency->id);
		sb_printf(&b, "; %zu eligible", have);
		g->hall = sb_take(&b);
	} else if (nset > 1 && need > (int)have) {
		g->hall = xasprintf("need %d for %s together; %zu eligible",
		    need, sb_str(&b), have);
	}
	sb_free(&b);
}

/*
 * The shortfalls of the seat groups of every exercise the best plan
 * leaves a seat empty in: only explain() reads them, and finding a
 * group's people reads every cand of its exercise (on L, a fifth of a
 * second per thousand exercises).
 */
static void
hall_check(struct prob *P)
{
	size_t *mark = xcalloc(P->m->npeople + 1, sizeof(size_t));
	struct vec *gp = xcalloc(P->ng + 1, sizeof(*gp));
	size_t ex, g0, g1, i, stamp = 0;

	for (ex = 0; ex < P->p->nexercises; ex++) {
		g0 = P->gx[2 * ex];
		g1 = P->gx[2 * ex + 1];
		for (i = g0; i < g1 && P->best_vac[i] == 0; i++)
			;
		if (i == g1)
			continue;
		for (i = g0; i < g1; i++)
			group_people(P, &P->g[i], &gp[i], mark, ++stamp);
		for (i = g0; i < g1; i++)
			hall_group(P, i, gp, mark, ++stamp);
	}
	for (i = 0; i < P->ng; i++)
		free(gp[i].v);
	free(gp);
	free(mark);
}

static long
find_cand(const struct prob *P, size_t ex, size_t role, size_t pi)
{
	const struct vec *pc = &P->pc[pi];
	size_t i;

	/* Only exercise ex's (at L, explaining an empty seat asked this
	 * of 20,000 people, who have 480 cands each). */
	for (i = first_in(P, pi, ex); i < pc->n && P->c[pc->v[i]].ex == ex;
	    i++)
		if (P->c[pc->v[i]].role == role)
			return (long)pc->v[i];
	return -1;
}

static int
in_side(const size_t *v, size_t n, size_t ci)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i] == ci)
			return 1;
	return 0;
}

/* The held cand on the other side of a conflict of ci, or -1. */
static long
conflict_other(const struct prob *P, const struct conflict *cf, size_t ci)
{
	const size_t *o;
	size_t n, i;

	if (in_side(cf->a, cf->na, ci)) {
		o = cf->b;
		n = cf->nb;
	} else if (in_side(cf->b, cf->nb, ci)) {
		o = cf->a;
		n = cf->na;
	} else
		return -1;
	for (i = 0; i < n; i++)
		if (P->best[o[i]])
			return (long)o[i];
	return -1;
}

static int
why_conflict(const struct prob *P, size_t ci, struct sb *b)
{
	size_t i;
	long o;

	for (i = 0; i < P->ncf; i++) {
		const struct cand *c;

		if ((o = conflict_other(P, &P->cf[i], ci)) < 0)
			continue;
		c = &P->c[o];
		if (P->cf[i].kind == CF_TIME)
			sb_printf(b, "is staffed in '%s' at the same time",
			    P->p->exercises[c->ex].ex->id);
		else if (P->cf[i].kind == CF_EXCLUDES)
			sb_printf(b, "holds '%s', which excludes it",
			    role_of(P, c->ex, c->role)->id);
		else
			sb_printf(b, "is from '%s', whose people hold '%s'",
			    P->m->people[c->person]->agency->id,
			    role_of(P, c->ex, c->role)->id);
		return 1;
	}
	return 0;
}

/* Held elsewhere at the same time? Asked of the solution itself, as on
 * a large plan the rule may never have been made. */
static int
why_time(const struct prob *P, size_t ci, struct sb *b)
{
	const struct cand *c = &P->c[ci];
	const struct vec *pc = &P->pc[c->person];
	size_t i;

	for (i = 0; i < pc->n; i++) {
		const struct cand *h = &P->c[pc->v[i]];

		if (P->best[pc->v[i]] && h->ex != c->ex && overlap(P, c, h)) {
			sb_printf(b, "is staffed in '%s' at the same time",
			    P->p->exercises[h->ex].ex->id);
			return 1;
		}
	}
	return 0;
}

/* Why an eligible person was not given the role. */
static void
why_not(const struct prob *P, size_t ex, size_t role, size_t pi,
    struct sb *b)
{
	const struct person *pn = P->m->people[pi];
	long ci = find_cand(P, ex, role, pi);
	size_t i;

	for (i = 0; i < P->pc[pi].n; i++) {
		const struct cand *c = &P->c[P->pc[pi].v[i]];

		if (P->best[P->pc[pi].v[i]] && c->ex == ex &&
		    !role_of(P, ex, role)->multiple &&
		    !role_of(P, ex, c->role)->multiple) {
			sb_printf(b, "holds '%s'", role_of(P, ex, c->role)->id);
			return;
		}
	}
	if (pn->max_exercises > 0 && load_of(P, pi) + (size_t)P->p_prior[pi]
	    >= (size_t)pn->max_exercises) {
		sb_printf(b, "is at the workload cap of %d", pn->max_exercises);
		if (P->p_prior[pi] > 0)
			sb_printf(b, " (%d in stored plans)", P->p_prior[pi]);
		return;
	}
	if (ci >= 0 && why_time(P, (size_t)ci, b))
		return;
	if (ci >= 0 && why_conflict(P, (size_t)ci, b))
		return;
	sb_puts(b, "was left out as the weights prefer");
}

#define NEAREST 3	/* near misses named for an empty seat */

struct near {
	int score;
	size_t person;
	char *text;
};

static int
cmp_near(const void *a, const void *b)
{
	const struct near *x = a, *y = b;

	if (x->score != y->score)
		return x->score < y->score ? -1 : 1;
	return x->person < y->person ? -1 : x->person > y->person;
}

/* May person pi sit in one of the empty seats of the role? */
static int
for_empty_seat(const struct prob *P, size_t ex, size_t role, size_t pi)
{
	size_t i;

	for (i = P->gx[2 * ex]; i < P->gx[2 * ex + 1]; i++)
		if (P->g[i].role == role &&
		    P->best_vac[i] > 0 && (P->g[i].agency == NULL ||
		    P->g[i].agency == P->m->people[pi]->agency))
			return 1;
	return 0;
}

static int
holds(const struct prob *P, size_t ex, size_t role, size_t pi)
{
	long ci = find_cand(P, ex, role, pi);

	return ci >= 0 && P->best[ci];
}

/* Person pi as a near miss for role in ex: the rules they break, or
 * why the flow left them out; x->text: caller frees. */
static void
near_text(const struct prob *P, size_t ex, size_t role, size_t pi,
    struct near *x)
{
	const struct person *pn = P->m->people[pi];
	const struct vec *ev = &P->rev[ex][role];
	struct sb b = {0};

	sb_printf(&b, "%s (%s) ", pn->name, pn->agency->id);
	x->score = elig_check(P->el, &P->p->exercises[ex], role_of(P, ex,
	    role), ev->v, ev->n, pn, &b);
	x->score += prior_clash(P, ex, role, pi, &b, x->score > 0);
	if (x->score == 0)
		why_not(P, ex, role, pi, &b);
	x->person = pi;
	x->text = sb_take(&b);
}

/*
 * The people who could fill an empty seat of role in ex: how many
 * (returned), and into v[0..NEAREST) the nearest of them, fewest broken
 * rules first, then in roster order, with their reasons. Everyone gets
 * a floor first (elig_floor() and clashes with stored plans: no
 * allocation); the reasons are written, in floor order, only until the
 * floor passes the last of those kept (on L, 20,000 people for each
 * empty seat, nearly all far from it).
 */
static size_t
nearest(const struct prob *P, size_t ex, size_t role, struct near *v)
{
	const struct plan_exercise *px = &P->p->exercises[ex];
	const struct role_def *r = role_of(P, ex, role);
	struct near *fl = xcalloc(P->m->npeople + 1, sizeof(*fl)), x;
	size_t pi, n = 0, k = 0, i, j;

	for (pi = 0; pi < P->m->npeople; pi++) {
		const struct person *pn = P->m->people[pi];

		if (pn->agency == NULL || holds(P, ex, role, pi) ||
		    !for_empty_seat(P, ex, role, pi))
			continue;
		fl[n].score = elig_floor(P->el, px, r, pi) +
		    prior_clash(P, ex, role, pi, NULL, 0);
		fl[n++].person = pi;
	}
	if (n > 0)	/* qsort(NULL, 0, ...) is undefined */
		qsort(fl, n, sizeof(*fl), cmp_near);
	for (i = 0; i < n; i++) {
		/* Everyone after is as far as this one, or farther. */
		if (k == NEAREST && cmp_near(&fl[i], &v[k - 1]) > 0)
			break;
		near_text(P, ex, role, fl[i].person, &x);
		if (k == NEAREST && cmp_near(&x, &v[k - 1]) > 0) {
			free(x.text);
			continue;
		}
		if (k == NEAREST)
			free(v[--k].text);
		for (j = k++; j > 0 && cmp_near(&x, &v[j - 1]) < 0; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
	free(fl);
	return n;
}

static void
add_reason(struct plan *p, struct strlist *l, size_t *cap, const char *s)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i], s) == 0)
			return;
	if (l->n == *cap) {
		char **nv = arena_array(p->arena, *cap * 2 + 4, sizeof(char *));

		if (l->n > 0)
			memcpy(nv, l->v, l->n * sizeof(char *));
		l->v = nv;
		*cap = *cap * 2 + 4;
	}
	l->v[l->n++] = arena_strdup(p->arena, s);
}

static void
explain(struct prob *P, size_t ex, size_t role, int missing)
{
	struct plan_exercise *px = &P->p->exercises[ex];
	struct vacancy *vc = &px->vacancies[px->nvacancies++];
	struct near v[NEAREST];
	size_t i, n, cap = 0;

	vc->role = role_of(P, ex, role);
	vc->missing = missing;
	for (i = P->gx[2 * ex]; i < P->gx[2 * ex + 1]; i++)
		if (P->g[i].role == role && P->g[i].hall != NULL)
			add_reason(P->p, &vc->reasons, &cap, P->g[i].hall);
	n = nearest(P, ex, role, v);
	for (i = 0; i < n && i < NEAREST; i++) {
		add_reason(P->p, &vc->reasons, &cap, v[i].text);
		free(v[i].text);
	}
	if (n == 0)
		add_reason(P->p, &vc->reasons, &cap, "no one in the rosters is "
		    "from an agency that may staff it");
}

static void
fill_vacancies(struct prob *P)
{
	size_t ex, r, i;

	for (ex = 0; ex < P->p->nexercises; ex++) {
		struct plan_exercise *px = &P->p->exercises[ex];
		const struct template *t = px->ex->tpl;

		px->vacancies = arena_array(P->p->arena, t->nroles + 1,
		    sizeof(*px->vacancies));
		px->nvacancies = 0;
		for (r = 0; r < t->nroles; r++) {
			int missing = 0;

			for (i = P->gx[2 * ex]; i < P->gx[2 * ex + 1]; i++)
				if (P->g[i].role == r)
					missing += P->best_vac[i];
			if (missing > 0)
				explain(P, ex, r, missing);
		}
	}
}

char *
assign_vacancy_text(const struct vacancy *v, int needed)
{
	struct sb b = {0};
	size_t i;

	sb_printf(&b, "%s: %d of %d missing", v->role->id, v->missing, needed);
	for (i = 0; i < v->reasons.n; i++)
		sb_printf(&b, "; %s", v->reasons.v[i]);
	return sb_take(&b);
}

/* --- the model for an external solver ---------------------------------- */

/* Flow conservation at every node but the source and the sink, and the
 * source sending every seat. */
static void
lp_network(const struct prob *P, struct lp *lp)
{
	int narcs = mcf_narcs(P->f), nn = mcf_nnodes(P->f), a, v, supply;
	int *row = xcalloc((size_t)nn, sizeof(int));
	char name[32];

	for (a = 0; a < narcs; a++) {
		snprintf(name, sizeof(name), "f%d", a);
		lp_var(lp, name, 0, mcf_arc_cap(P->f, a), P->lab[a]);
		lp_obj(lp, a, mcf_arc_cost(P->f, a));
	}
	supply = lp_row(lp, "supply", LP_EQ, P->want);
	for (v = 0; v < nn; v++) {
		snprintf(name, sizeof(name), "node%d", v);
		row[v] = v == P->s || v == P->t ? -1 : lp_row(lp, name, LP_EQ,
		    0);
	}
	for (a = 0; a < narcs; a++) {
		int from = mcf_arc_from(P->f, a), to = mcf_arc_to(P->f, a);

		if (from == P->s)
			lp_coef(lp, supply, a, 1);
		if (row[from] >= 0)
			lp_coef(lp, row[from], a, -1);
		if (row[to] >= 0)
			lp_coef(lp, row[to], a, 1);
	}
	free(row);
}

/* Can at most one cand of v be held? So when they all pass one
 * person-in-exercise node (or there is one). */
static int
one_hot(const struct prob *P, const size_t *v, size_t n)
{
	size_t i;

	for (i = 1; i < n; i++)
		if (P->c[v[i]].pe < 0 || P->c[v[i]].pe != P->c[v[0]].pe)
			return 0;
	return 1;
}

/* Not both sides. When each side holds one cand at most (a person's
 * roles in one exercise, the usual time rule), sum(a) + sum(b) <= 1:
 * one row, and as tight as can be; else through a binary z that says
 * which side may be held. */
static void
lp_conflicts(const struct prob *P, struct lp *lp)
{
	char name[32];
	size_t i, j;
	int r, z;

	for (i = 0; i < P->ncf; i++) {
		const struct conflict *cf = &P->cf[i];

		snprintf(name, sizeof(name), "rule%zu", i);
		if (one_hot(P, cf->a, cf->na) && one_hot(P, cf->b, cf->nb)) {
			r = lp_row(lp, name, LP_LE, 1);
			for (j = 0; j < cf->na; j++)
				lp_coef(lp, r, P->c[cf->a[j]].arc, 1);
			for (j = 0; j < cf->nb; j++)
				lp_coef(lp, r, P->c[cf->b[j]].arc, 1);
			continue;
		}
		snprintf(name, sizeof(name), "side%zu", i);
		z = lp_var(lp, name, 0, 1, cf->what);
		snprintf(name, sizeof(name), "rule%zua", i);
		r = lp_row(lp, name, LP_LE, 0);
		for (j = 0; j < cf->na; j++)
			lp_coef(lp, r, P->c[cf->a[j]].arc, 1);
		lp_coef(lp, r, z, -(int64_t)cf->na);
		snprintf(name, sizeof(name), "rule%zub", i);
		r = lp_row(lp, name, LP_LE, (int64_t)cf->nb);
		for (j = 0; j < cf->nb; j++)
			lp_coef(lp, r, P->c[cf->b[j]].arc, 1);
		lp_coef(lp, r, z, (int64_t)cf->nb);
	}
}

/* Continuity: y = 1 for a holder, who pays w k and gets w back for
 * every exercise of the series they hold the role in. */
static void
lp_continuity(const struct prob *P, struct lp *lp)
{
	char name[64], *what;
	size_t i, j;
	int y, r;

	for (i = 0; i < P->npr; i++) {
		const struct pair *pr = &P->pr[i];
		int64_t w = P->w.continuity;

		snprintf(name, sizeof(name), "holder%zu", i);
		what = xasprintf("%s holds %s in the series",
		    P->m->people[pr->person]->id, P->se[pr->series].role);
		y = lp_var(lp, name, 0, 1, what);
		free(what);
		lp_obj(lp, y, w * (int64_t)P->se[pr->series].k);
		for (j = 0; j < pr->n; j++) {
			lp_obj(lp, P->c[pr->c[j]].arc, -w);
			snprintf(name, sizeof(name), "hold%zu_%zu", i, j);
			r = lp_row(lp, name, LP_LE, 0);
			lp_coef(lp, r, P->c[pr->c[j]].arc, 1);
			lp_coef(lp, r, y, -1);
		}
	}
}

static char *
lp_model(const struct prob *P)
{
	struct lp *lp = lp_new();
	char *text;

	lp_comment(lp, "planner: staffing model (docs/assignment.md)");
	lp_comment(lp, "f<n>: flow on arc n; the objective is planner's total "
	    "cost");
	lp_network(P, lp);
	lp_conflicts(P, lp);
	lp_continuity(P, lp);
	text = lp_text(lp);
	lp_free(lp);
	return text;
}

/* --- the whole ----------------------------------------------------------- */

struct byid {
	const char *id;
	size_t person;
};

static int
cmp_byid(const void *a, const void *b)
{
	return strcmp(((const struct byid *)a)->id,
	    ((const struct byid *)b)->id);
}

/* Roles held in stored plans: each counts toward the holder's load,
 * and the times of its events are taken. People are matched by id;
 * commitments of people not in this run's rosters are no one's. */
static void
add_prior(struct prob *P, const struct commitment *cm, size_t n)
{
	size_t np = P->m->npeople, i, j, pi;
	struct byid *ix = xcalloc(np + 1, sizeof(*ix)), key, *hit;

	for (i = 0; i < np; i++) {
		ix[i].id = P->m->people[i]->id;
		ix[i].person = i;
	}
	qsort(ix, np, sizeof(*ix), cmp_byid);
	for (i = 0; i < n; i++) {
		key.id = cm[i].person;
		if ((hit = bsearch(&key, ix, np, sizeof(*ix), cmp_byid)) ==
		    NULL)
			continue;
		pi = hit->person;
		P->p_prior[pi]++;
		for (j = 0; j < cm[i].nintervals; j++) {
			struct takenvec *tv = &P->taken[pi];
			struct taken *tk = &VEC_PUSH(tv->v, tv->n, tv->cap);

			tk->start = cm[i].start[j];
			tk->end = cm[i].end[j];
			tk->exercise = cm[i].exercise;
		}
	}
	free(ix);
}

static void
prob_init(struct prob *P, struct plan *p, const struct assign_opts *o)
{
	const struct model *m = p->model;
	size_t i;

	memset(P, 0, sizeof(*P));
	P->p = p;
	P->m = m;
	if (o != NULL && o->weights != NULL)
		P->w = *o->weights;
	else if (m->nprograms > 0)
		P->w = m->programs[0]->weights;
	else
		doc_weights_default(&P->w);
	P->limit = o != NULL && o->work_limit > 0 ? o->work_limit :
	    ASSIGN_WORK_LIMIT;
	P->labels = o != NULL && o->lp != NULL;
	P->network_only = o != NULL && o->network_only;
	P->large = o != NULL && o->large > 0 ? o->large : ASSIGN_LARGE;
	P->el = elig_new(p);
	P->f = mcf_new(0);
	P->s = mcf_node(P->f);
	P->t = mcf_node(P->f);
	P->rev = xcalloc(p->nexercises + 1, sizeof(*P->rev));
	P->when = xcalloc(p->nexercises + 1, sizeof(*P->when));
	P->pc = xcalloc(m->npeople + 1, sizeof(*P->pc));
	P->cx = xcalloc(2 * p->nexercises + 1, sizeof(size_t));
	P->gx = xcalloc(2 * p->nexercises + 1, sizeof(size_t));
	P->p_node = xcalloc(m->npeople + 1, sizeof(int));
	memset(P->p_node, 0xff, (m->npeople + 1) * sizeof(int));
	P->p_in = xcalloc(m->npeople + 1, sizeof(int));
	P->p_prior = xcalloc(m->npeople + 1, sizeof(int));
	P->taken = xcalloc(m->npeople + 1, sizeof(*P->taken));
	if (o != NULL && o->nprior > 0)
		add_prior(P, o->prior, o->nprior);
	P->p_cap = xcalloc(m->npeople + 1, sizeof(int));
	for (i = 0; i < m->npeople; i++)
		P->p_cap[i] = m->people[i]->max_exercises > 0 ?
		    m->people[i]->max_exercises - P->p_prior[i] : INT_MAX;
	index_prefs(P);
	index_agencies(P);
}

static void
build(struct prob *P)
{
	size_t i;

	make_cands(P);
	P->banned = xcalloc(P->nc + 1, 1);
	/* The LP file must say everything: every cand has its arc. */
	P->cg = P->nc > P->large && !P->labels;
	wire(P);
	P->lazy = !P->labels && !P->network_only && P->nc > P->large;
	mcf_bulk(P->f, P->nc > P->large);
	P->made = xcalloc(P->m->npeople + 1, sizeof(struct vec));
	P->xcl = xcalloc(P->p->nexercises + 1, 1);
	for (i = 0; i < P->p->nexercises && !P->network_only; i++)
		P->nxcl += (size_t)(P->xcl[i] = (char)may_exclude(P, i));
	/* The network-only model is the network: no rule beyond it. */
	for (i = 0; i < P->m->npeople && !P->network_only; i++)
		person_conflicts(P, i);
	for (i = 0; i < P->p->nexercises && !P->network_only; i++)
		if (P->p->exercises[i].ex->tpl != NULL)
			evaluator_conflicts(P, i);
	if (!P->network_only)
		find_series(P);
	find_cliques(P);
	/* Multipliers only where there are cliques (small plans). */
	P->lamc = xcalloc(P->ncq > 0 ? P->nc + 1 : 1, sizeof(int64_t));
	if (P->ncq > 0) {
		P->cost0 = xcalloc(P->nc + 1, sizeof(int64_t));
		for (i = 0; i < P->nc; i++)
			P->cost0[i] = cand_cost(P, &P->c[i]);
	}
	P->best = xcalloc(P->nc + 1, 1);
	P->best_vac = xcalloc(P->ng + 1, sizeof(int));
}

static void
prob_free(struct prob *P)
{
	size_t i, j;

	for (i = 0; i < P->nlab; i++)
		free(P->lab[i]);
	for (i = 0; i < P->ng; i++)
		free(P->g[i].hall);
	for (i = 0; i < P->ncf; i++) {
		free(P->cf[i].a);
		free(P->cf[i].b);
		free(P->cf[i].what);
	}
	for (i = 0; i < P->nse; i++)
		free(P->se[i].ex);
	for (i = 0; i < P->npr; i++)
		free(P->pr[i].c);
	for (i = 0; i < P->p->nexercises; i++) {
		const struct template *t = P->p->exercises[i].ex->tpl;

		for (j = 0; P->rev[i] != NULL && j < t->nroles; j++)
			free(P->rev[i][j].v);
		free(P->rev[i]);
		free(P->when[i]);
	}
	for (i = 0; i < P->m->npeople; i++) {
		free(P->pc[i].v);
		free(P->taken[i].v);
	}
	free(P->taken);
	free(P->p_prior);
	free(P->lab);
	free(P->g);
	free(P->c);
	free(P->cf);
	free(P->se);
	free(P->pr);
	free(P->rev);
	free(P->when);
	free(P->xcl);
	free(P->load);
	free(P->pc);
	free(P->cx);
	free(P->gx);
	free(P->byag);
	free(P->ag0);
	free(P->agof);
	names_free(&P->prefs);
	free(P->pp0);
	free(P->ppv);
	free(P->banned);

	free(P->p_node);
	free(P->p_in);
	free(P->p_cap);
	for (i = 0; i < P->ncq; i++)
		free(P->cq[i].v);
	free(P->cq);
	free(P->lam);
	free(P->lamc);
	free(P->cost0);
	for (i = 0; i < P->m->npeople; i++)
		free(P->made[i].v);
	free(P->made);
	free(P->act.v);
	free(P->arc_cand);
	free(P->bans.v);
	free(P->touched.v);
	free(P->runs);
	free(P->bb);
	free(P->best);
	free(P->best_vac);
	mcf_free(P->f);
	elig_free(P->el);
}

int
assign_plan(struct plan *p, const struct assign_opts *o, struct diags *d)
{
	struct prob P;

	(void)d;
	prob_init(&P, p, o);
	build(&P);
	if (o != NULL && o->lp != NULL)
		*o->lp = lp_model(&P);
	search(&P);
	hall_check(&P);

	fill_assignments(&P);
	fill_vacancies(&P);
	prob_free(&P);
	return 0;
}
