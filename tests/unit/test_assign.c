/* test_assign.c: staffing on seeded random programs: no hard rule broken, every vacancy explained, within 1% of glpsol (equal when proven), stored workload minded, same output twice. */
#define _DEFAULT_SOURCE	/* mkdtemp */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "assign.h"
#include "avail.h"
#include "load.h"
#include "out_roles.h"
#include "sched.h"
#include "tz.h"
#include "util.h"

/* --- a small deterministic generator (not rand(): the same everywhere) -- */

static uint64_t rng;

static unsigned
rnd(unsigned n)
{
	rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((rng >> 33) % n);
}

static const char *const zones[] = { "America/Phoenix", "America/Hermosillo",
	"America/Denver", "America/Mexico_City" };
static const char *const langs[] = { "en", "es", "uk" };
static const char *const clr[] = { "none", "official", "secret" };
static const char *const kinds[] = { "playing", "supporting", "observing" };
static const char *const froms[] = { "any", "any", "playing", "non-playing" };
static const char *const dates[] = { "2027-05-11", "2027-05-12",
	"2027-05-13", "2027-05-18" };

struct gen {
	int nag, npeople, nroles, nex, hard;
	char dir[64];
};

static void
put(const char *dir, const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", dir, name);

	assert_int_equal(write_file_atomic(path, text, strlen(text)), 0);
	free(path);
}

static void
gen_roster(const struct gen *g)
{
	struct sb b = {0};
	int i, j;

	sb_puts(&b, "kind: Roster\nversion: 1\nagencies:\n");
	for (i = 0; i < g->nag; i++) {
		sb_printf(&b, "  - {id: a%d, name: Agency %d, country: US, "
		    "timezone: %s, hours: \"07:00-18:00\"", i, i, zones[rnd(4)]);
		/* Never on a day with events: the scheduler refuses those
		 * dates; people's own absences are what staffing must mind. */
		if (rnd(3) == 0)
			sb_printf(&b, ", blackouts: [2027-05-%s]", rnd(2) ?
			    "20" : "21");
		if (rnd(4) == 0)
			sb_puts(&b, ", holidays: [us-federal]");
		sb_puts(&b, "}\n");
	}
	sb_puts(&b, "people:\n");
	for (i = 0; i < g->npeople; i++) {
		sb_printf(&b, "  - id: p%d\n    name: Person %d\n    email: "
		    "p%d@example.org\n    agency: a%d\n    languages: [%s", i, i,
		    i, rnd((unsigned)g->nag), langs[j = (int)rnd(3)]);
		if (rnd(2))
			sb_printf(&b, ", %s", langs[(j + 1 + (int)rnd(2)) % 3]);
		sb_puts(&b, "]\n    qualifications: [x");
		for (j = 0; j < 3; j++)
			if (rnd(2))
				sb_printf(&b, ", q%d", j);
		sb_printf(&b, "]\n    clearance: %s\n", clr[rnd(3)]);
		if (rnd(5) == 0)
			sb_printf(&b, "    unavailable: [%s]\n", dates[rnd(4)]);
		if (rnd(3) == 0)
			sb_printf(&b, "    max_exercises: %u\n", 1 + rnd(2));
		if (rnd(2))
			sb_printf(&b, "    prefers: [r%u]\n",
			    rnd((unsigned)g->nroles));
		if (rnd(4) == 0)
			sb_printf(&b, "    avoids: [r%u]\n",
			    rnd((unsigned)g->nroles));
	}
	put(g->dir, "roster.yaml", sb_str(&b));
	sb_free(&b);
}

static void
gen_role(struct sb *b, const struct gen *g, int i)
{
	int other = (int)rnd((unsigned)g->nroles);

	sb_printf(b, "  - id: r%d\n", i);
	switch (rnd(4)) {
	case 0:
		sb_printf(b, "    per_agency: %u\n", 1 + rnd(2));
		break;
	case 1:
		sb_printf(b, "    count: %u\n    min_per_agency: 1\n", 1 + rnd(4));
		break;
	default:
		sb_printf(b, "    count: %u\n", 1 + rnd(4));
	}
	if (rnd(2))
		sb_printf(b, "    qualifications: [q%u]\n", rnd(3));
	if (rnd(3) == 0)
		sb_printf(b, "    languages: [%s]\n", langs[rnd(3)]);
	sb_printf(b, "    clearance: %s\n    from: %s\n", clr[rnd(3)],
	    froms[rnd(4)]);
	if (other != i && rnd(2))
		sb_printf(b, "    excludes: [r%d]\n", other);
	if (other != i && rnd(3) == 0)
		sb_printf(b, "    evaluates: [r%d]\n", other);
	if (rnd(4) == 0)
		sb_puts(b, "    multiple: true\n");
	if (rnd(3) == 0)
		sb_puts(b, "    continuity: true\n");
}

/* Play is attended by every role, as in most templates, or (hard) by
 * some: then roles of two exercises on one day may or may not overlap,
 * and branch-and-bound has many more rules to decide. */
static void
gen_template(const struct gen *g)
{
	struct sb b = {0};
	int i, j;

	sb_printf(&b, "kind: Template\nversion: 1\nid: rnd\nname: Random\n"
	    "type: tabletop\nconduct: {days: %u, length: 4h, start: "
	    "\"09:00\"", 1 + rnd(2));
	if (g->hard) {
		sb_puts(&b, ", roles: [");
		for (i = 0; i < g->nroles; i++)
			if (i == 0 || rnd(3))
				sb_printf(&b, "%sr%d", i ? ", " : "", i);
		sb_puts(&b, "]");
	}
	sb_puts(&b, "}\nroles:\n");
	for (i = 0; i < g->nroles; i++)
		gen_role(&b, g, i);
	sb_puts(&b, "events:\n  - {id: brief, title: Briefing, kind: "
	    "briefing, at: -1d, duration: 1h, roles: [r0");
	for (j = 1; j < g->nroles; j++)
		if (rnd(2))
			sb_printf(&b, ", r%d", j);
	sb_puts(&b, "]}\n  - {id: due, title: Due, kind: deadline, "
	    "window: [-10d, -3d], "
	    "roles: [r0]}\n");
	put(g->dir, "tpl.yaml", sb_str(&b));
	sb_free(&b);
}

static void
gen_exercises(const struct gen *g)
{
	struct sb b = {0}, pg = {0};
	char name[32];
	int i, j;

	sb_puts(&pg, "kind: Program\nversion: 1\nid: prog\nname: Program\n"
	    "rosters: [roster.yaml]\nexercises: [");
	for (i = 0; i < g->nex; i++) {
		sb_printf(&b, "kind: Exercise\nversion: 1\nid: x%d\nname: X%d\n"
		    "template: tpl.yaml\nvenue: {name: V, timezone: %s}\n"
		    "conduct: %s\nrosters: [roster.yaml]\nagencies:\n", i, i,
		    zones[rnd(4)], dates[rnd(4)]);
		for (j = 0; j < g->nag; j++)
			if (j == 0 || rnd(4))
				sb_printf(&b, "  - {id: a%d, as: %s}\n", j,
				    kinds[rnd(3)]);
		snprintf(name, sizeof(name), "x%d.yaml", i);
		put(g->dir, name, sb_str(&b));
		sb_free(&b);
		sb_printf(&pg, "%sx%d.yaml", i ? ", " : "", i);
	}
	sb_puts(&pg, "]\n");
	put(g->dir, "program.yaml", sb_str(&pg));
	sb_free(&pg);
}

static int gen_nex;	/* exercises when not 0, else 1 to 3 */

static void
generate(struct gen *g, uint64_t seed, int big, int hard)
{
	rng = seed * 2654435761ULL + 1;
	g->hard = hard;
	g->nag = 2 + (int)rnd(big ? 5 : 3);
	g->npeople = 6 + (int)rnd(big ? 60 : 14);
	g->nroles = 2 + (int)rnd(big ? 6 : 4);
	g->nex = 1 + (int)rnd(3);
	if (gen_nex > 0)
		g->nex = gen_nex;
	snprintf(g->dir, sizeof(g->dir), "/tmp/test_assign.XXXXXX");
	assert_non_null(mkdtemp(g->dir));
	gen_roster(g);
	gen_template(g);
	gen_exercises(g);
}

static void
cleanup(const struct gen *g)
{
	char *cmd = xasprintf("rm -rf '%s'", g->dir);

	assert_int_equal(system(cmd), 0);
	free(cmd);
}

/* --- an independent check of the hard rules ---------------------------- */

static int
has(const struct strlist *l, const char *s)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcaseeq(l->v[i], s))
			return 1;
	return 0;
}

static int
part_kind(const struct exercise *ex, const struct agency *ag)
{
	size_t i;

	for (i = 0; i < ex->nparticipants; i++)
		if (ex->participants[i].agency == ag)
			return (int)ex->participants[i].kind;
	return -1;
}

static int
nsrc(const struct exercise *ex, const struct role_def *r)
{
	size_t i;
	int n = 0;

	for (i = 0; i < ex->nparticipants; i++) {
		int k = (int)ex->participants[i].kind;

		if (r->source == SRC_ANY || (r->source == SRC_PLAYING) ==
		    (k == PART_PLAYING))
			n++;
	}
	return n;
}

static int
seats(const struct exercise *ex, const struct role_def *r)
{
	int n = nsrc(ex, r);

	if (r->count == 0)
		return r->per_agency * n;
	return r->min_per_agency * n > r->count ? r->min_per_agency * n :
	    r->count;
}

/* Free on every local date of every timed event the role attends. */
static void
check_free(const struct plan_exercise *px, const struct assignment *a)
{
	const struct person *pn = a->person;
	const struct tz *z = tz_get(pn->agency->timezone, NULL);
	struct avail *av = avail_new(pn->agency, 0, 0);
	size_t i, j;

	for (i = 0; i < px->nevents; i++) {
		const struct planned_event *pe = &px->events[i];
		pdate d0, d1;
		int secs;

		if (!has(&pe->def->roles, a->role->id) || pe->end <= pe->start)
			continue;
		tz_to_local(z, pe->start, &d0, &secs);
		tz_to_local(z, pe->end - 1, &d1, &secs);
		for (; d0 <= d1; d0++) {
			avail_free(av);
			av = avail_new(pn->agency, d0, d0);
			assert_int_equal(avail_day(av, d0).status, DAY_WORK);
			for (j = 0; j < pn->nunavailable; j++)
				assert_false(pn->unavailable[j].from <= d0 &&
				    d0 <= pn->unavailable[j].to);
		}
	}
	avail_free(av);
}

static void
check_one(const struct plan_exercise *px, const struct assignment *a)
{
	const struct role_def *r = a->role;
	const struct person *pn = a->person;
	int k = part_kind(px->ex, pn->agency);
	size_t i;

	assert_true(k >= 0);
	if (r->source == SRC_PLAYING)
		assert_int_equal(k, PART_PLAYING);
	if (r->source == SRC_NON_PLAYING)
		assert_int_not_equal(k, PART_PLAYING);
	for (i = 0; i < r->qualifications.n; i++)
		assert_true(has(&pn->qualifications, r->qualifications.v[i]));
	for (i = 0; i < r->languages.n; i++)
		assert_true(has(&pn->languages, r->languages.v[i]));
	assert_true(pn->clearance >= r->clearance);
	check_free(px, a);
}

/* Two assignments of one exercise: rules between them. */
static void
check_pair(const struct assignment *a, const struct assignment *b)
{
	if (a->person == b->person) {
		assert_true(a->role != b->role);
		assert_true(a->role->multiple || b->role->multiple);
		assert_false(has(&a->role->excludes, b->role->id));
		assert_false(has(&b->role->excludes, a->role->id));
	}
	if (a->person->agency == b->person->agency) {
		assert_false(has(&a->role->evaluates, b->role->id));
		assert_false(has(&b->role->evaluates, a->role->id));
	}
}

static int
overlaps(const struct plan_exercise *x, const struct assignment *a,
    const struct plan_exercise *y, const struct assignment *b)
{
	size_t i, j;

	for (i = 0; i < x->nevents; i++)
		for (j = 0; j < y->nevents; j++) {
			const struct planned_event *e = &x->events[i];
			const struct planned_event *f = &y->events[j];

			if (has(&e->def->roles, a->role->id) &&
			    has(&f->def->roles, b->role->id) &&
			    e->end > e->start && f->end > f->start &&
			    e->start < f->end && f->start < e->end)
				return 1;
		}
	return 0;
}

/* Seats per role (and per agency where the role asks), vacancies. */
static void
check_seats(const struct plan_exercise *px)
{
	const struct template *t = px->ex->tpl;
	size_t r, i, j;

	for (r = 0; r < t->nroles; r++) {
		const struct role_def *rd = &t->roles[r];
		int held = 0, missing = 0, each = rd->count == 0 ?
		    rd->per_agency : 0;

		for (i = 0; i < px->nassignments; i++)
			held += px->assignments[i].role == rd;
		for (i = 0; i < px->nvacancies; i++)
			if (px->vacancies[i].role == rd) {
				missing = px->vacancies[i].missing;
				assert_true(px->vacancies[i].reasons.n > 0);
			}
		assert_int_equal(held + missing, seats(px->ex, rd));
		for (j = 0; each > 0 && j < px->ex->nparticipants; j++) {
			int n = 0;

			for (i = 0; i < px->nassignments; i++)
				n += px->assignments[i].role == rd &&
				    px->assignments[i].person->agency ==
				    px->ex->participants[j].agency;
			assert_true(n <= each);
		}
	}
}

static void
check_plan(const struct plan *p)
{
	size_t i, j, k, l;

	for (i = 0; i < p->nexercises; i++) {
		const struct plan_exercise *px = &p->exercises[i];

		check_seats(px);
		for (j = 0; j < px->nassignments; j++) {
			check_one(px, &px->assignments[j]);
			for (k = j + 1; k < px->nassignments; k++)
				check_pair(&px->assignments[j],
				    &px->assignments[k]);
		}
	}
	/* Across exercises: never two places at once; workload caps. */
	for (i = 0; i < p->nexercises; i++)
		for (j = 0; j < p->exercises[i].nassignments; j++)
			for (k = i + 1; k < p->nexercises; k++)
				for (l = 0; l < p->exercises[k].nassignments;
				    l++) {
					const struct assignment *a =
					    &p->exercises[i].assignments[j];
					const struct assignment *b =
					    &p->exercises[k].assignments[l];

					if (a->person == b->person)
						assert_false(overlaps(
						    &p->exercises[i], a,
						    &p->exercises[k], b));
				}
	for (i = 0; i < p->model->npeople; i++) {
		const struct person *pn = p->model->people[i];
		int n = 0;

		for (j = 0; j < p->nexercises; j++)
			for (k = 0; k < p->exercises[j].nassignments; k++)
				n += p->exercises[j].assignments[k].person == pn;
		if (pn->max_exercises > 0)
			assert_true(n <= pn->max_exercises);
	}
}

/* --- glpsol ---------------------------------------------------------------- */

/* The optimum glpsol finds for an LP file; -1 when it finds none. */
static int
glpsol(const char *lpfile, int64_t *obj)
{
	/* A wall-clock limit: generous, as the machine may be shared. */
	char *cmd = xasprintf("glpsol --tmlim 300 --lp '%s' -o '%s.sol' "
	    ">/dev/null 2>&1", lpfile, lpfile);
	char *sol = xasprintf("%s.sol", lpfile), *text, *at;
	int rc = -1;

	if (system(cmd) == 0 && (text = read_file(sol, 1 << 26, NULL)) !=
	    NULL) {
		if (strstr(text, "INTEGER OPTIMAL") != NULL &&
		    (at = strstr(text, "obj = ")) != NULL) {
			*obj = strtoll(at + 6, NULL, 10);
			rc = 0;
		}
		free(text);
	}
	free(cmd);
	free(sol);
	return rc;
}

/* --- the tests ------------------------------------------------------------ */

struct run {
	struct model *m;
	struct plan *p;
	char *lp, *csv;
};

/* Load, schedule and staff g's program with options o; -1 when no
 * date fits. */
static int
run_with(const struct gen *g, struct run *r, struct assign_opts *o)
{
	struct diags d = {0};
	char *path = xasprintf("%s/program.yaml", g->dir);

	memset(r, 0, sizeof(*r));
	r->m = load_files(&path, 1, &d);
	if (r->m == NULL)
		fail_msg("generated program does not load");
	free(path);
	r->p = sched_plan(r->m, &d);
	diags_free(&d);
	if (r->p == NULL)
		return -1;
	if (o->lp != NULL)
		o->lp = &r->lp;
	assert_int_equal(assign_plan(r->p, o, &d), 0);
	r->csv = out_roles_csv(r->p);
	return 0;
}

static int
run_program_prior(const struct gen *g, struct run *r, uint64_t limit,
    const struct commitment *prior, size_t nprior)
{
	struct diags d = {0};
	struct assign_opts o = {0};
	char *path = xasprintf("%s/program.yaml", g->dir);

	memset(r, 0, sizeof(*r));
	r->m = load_files(&path, 1, &d);
	if (r->m == NULL) {
		size_t i;

		for (i = 0; i < d.n; i++)
			fprintf(stderr, "%s\n", d.v[i].msg);
		fail_msg("generated program does not load");
	}
	free(path);
	r->p = sched_plan(r->m, &d);
	diags_free(&d);
	if (r->p == NULL)
		return -1;	/* no date fits: not this test's business */
	o.lp = &r->lp;
	o.work_limit = limit;
	o.prior = prior;
	o.nprior = nprior;
	assert_int_equal(assign_plan(r->p, &o, &d), 0);
	r->csv = out_roles_csv(r->p);
	return 0;
}

static int
run_program(const struct gen *g, struct run *r, uint64_t limit)
{
	return run_program_prior(g, r, limit, NULL, 0);
}

static void
run_free(struct run *r)
{
	plan_free(r->p);
	model_free(r->m);
	free(r->lp);
	free(r->csv);
}

/* glpsol's optimum of the exported model: equal to planner's when
 * planner proved optimality, never below planner's bound, and counted
 * when planner is within 1% of it. */
static void
compare_glpsol(const struct gen *g, const struct run *r, int *checked,
    int *within)
{
	char *lpfile = xasprintf("%s/model.lp", g->dir);
	int64_t obj;

	put(g->dir, "model.lp", r->lp);
	if (glpsol(lpfile, &obj) == 0) {
		if (r->p->staffing_optimal)
			assert_int_equal(r->p->cost.total, obj);
		assert_true(r->p->staffing_bound <= obj);
		assert_true(obj <= r->p->cost.total);
		if (r->p->cost.total * 100 <= obj * 101)
			(*within)++;
		else
			fprintf(stderr, "# %s: planner %" PRId64 " (bound %"
			    PRId64 "), glpsol %" PRId64 "\n", g->dir,
			    r->p->cost.total, r->p->staffing_bound, obj);
		(*checked)++;
	} else
		fprintf(stderr, "# %s: glpsol found no optimum\n", g->dir);
	free(lpfile);
}

#define SEEDS 60

static void
test_random_programs(void **state)
{
	int seed, planned = 0, checked = 0, side = 0, within = 0, optimal = 0;

	(void)state;
	for (seed = 1; seed <= SEEDS; seed++) {
		struct gen g;
		struct run r;

		generate(&g, (uint64_t)seed, 0, 0);
		if (run_program(&g, &r, 0) == 0) {
			planned++;
			check_plan(r.p);
			optimal += r.p->staffing_optimal;
			side += strcmp(r.p->staffing_method, "flow") != 0;
			compare_glpsol(&g, &r, &checked, &within);
		}
		run_free(&r);
		cleanup(&g);
	}
	fprintf(stderr, "# %d of %d seeds planned, %d checked against "
	    "glpsol, %d needed branch-and-bound, %d proven optimal\n",
	    planned, SEEDS, checked, side, optimal);
	assert_true(planned >= SEEDS / 2);
	assert_true(checked == planned);
	assert_true(within == checked);
	assert_true(side > 0);
}

/* Roles that overlap in some pairs of exercises and not others: every
 * rule holds, the bound is sound whether or not the effort limit lets
 * planner prove optimality, and the plan is within 1% of glpsol's. */
static void
test_hard_programs(void **state)
{
	int seed, checked = 0, within = 0, optimal = 0;

	(void)state;
	for (seed = 1; seed <= SEEDS / 2; seed++) {
		struct gen g;
		struct run r;

		generate(&g, (uint64_t)seed, 0, 1);
		if (run_program(&g, &r, 50000000) == 0) {
			check_plan(r.p);
			optimal += r.p->staffing_optimal;
			compare_glpsol(&g, &r, &checked, &within);
		}
		run_free(&r);
		cleanup(&g);
	}
	fprintf(stderr, "# hard: %d checked against glpsol, %d proven "
	    "optimal, %d within 1%%\n", checked, optimal, within);
	assert_true(checked > 0);
	/* The Lagrangian bound and plunging keep every one within 1% of
	 * the optimum under the effort limit (seed 29 was 3% above). */
	assert_int_equal(within, checked);
}

/* Bigger instances: the rules hold, and a tight effort limit still
 * gives a plan (maybe not proven optimal) that breaks none. */
static void
test_big_programs(void **state)
{
	int seed;

	(void)state;
	for (seed = 100; seed < 112; seed++) {
		struct gen g;
		struct run r;

		generate(&g, (uint64_t)seed, 1, seed % 2);
		if (run_program(&g, &r, seed % 2 ? 2000000 : 0) == 0) {
			check_plan(r.p);
			assert_true(r.p->staffing_bound <= r.p->cost.total);
		}
		run_free(&r);
		cleanup(&g);
	}
}

/* planner's assign_dive_ahead, which test_large_methods() lowers; put
 * back after it, passed or failed. */
static int dive_ahead;

static int
restore_dive_ahead(void **state)
{
	(void)state;
	assign_dive_ahead = dive_ahead;
	return 0;
}

/*
 * The methods of large plans (bulk flow, each solve after the first
 * repairing the last flow, time rules made only when a flow breaks
 * one), forced on small programs by a low threshold: every hard rule
 * holds, and the total is the exact method's when both prove their
 * optimum (else each within the other's bound). Columns for the seats
 * bans take (price_bans()) are among them.
 */
static void
test_large_methods(void **state)
{
	int seed, compared = 0, bb = 0, frozen = 0, stopped = 0;
	unsigned long stops, spare = assign_spare_columns;
	unsigned long early = assign_early_freezes;
	unsigned long risk = assign_risk_bans, ahead = assign_rules_ahead;

	(void)state;
	/* Rules made ahead from the dive's first step: these dives are
	 * short. restore_dive_ahead() puts the setting back. */
	dive_ahead = assign_dive_ahead;
	assign_dive_ahead = 0;
	for (seed = 1; seed <= 30; seed++) {
		struct assign_opts ox = {0}, ol = {0};
		struct gen g;
		struct run x, l, f;

		memset(&x, 0, sizeof(x));
		memset(&l, 0, sizeof(l));
		memset(&f, 0, sizeof(f));
		generate(&g, (uint64_t)seed, 0, seed % 2);
		ox.lp = &x.lp;		/* any non-NULL: run_with points it */
		ox.work_limit = ol.work_limit = 50000000;
		ol.large = 1;
		stops = assign_gap_stops;
		if (run_with(&g, &x, &ox) == 0 && run_with(&g, &l, &ol) == 0) {
			check_plan(l.p);
			assert_true(l.p->staffing_bound <= l.p->cost.total);
			if (x.p->staffing_optimal && l.p->staffing_optimal) {
				assert_int_equal(l.p->cost.total,
				    x.p->cost.total);
				compared++;
			} else {
				assert_true(l.p->staffing_bound <=
				    x.p->cost.total);
				assert_true(x.p->staffing_bound <=
				    l.p->cost.total);
			}
			bb += strcmp(l.p->staffing_method, "flow") != 0;
		}
		/* Columns never frozen: the search is exact, never cut
		 * short by the frozen gap. */
		assert_true(assign_gap_stops == stops);
		/* So little effort that the columns freeze early: still
		 * every hard rule, and a bound below the exact optimum;
		 * some searches stop near the frozen columns' best. */
		ol.work_limit = 20000;
		if (x.p != NULL && run_with(&g, &f, &ol) == 0) {
			stopped += assign_gap_stops > stops;
			check_plan(f.p);
			assert_true(f.p->staffing_bound <= f.p->cost.total);
			if (x.p->staffing_optimal)
				assert_true(f.p->staffing_bound <=
				    x.p->cost.total);
			frozen += !f.p->staffing_optimal;
		}
		run_free(&x);
		run_free(&l);
		run_free(&f);
		cleanup(&g);
	}
	fprintf(stderr, "# large methods: %d equal to the exact optimum, %d "
	    "needed branch-and-bound, %d not proven with little effort, "
	    "%d stopped near the frozen best, %lu spare columns, %lu frozen "
	    "ahead of a round, %lu rules banned before broken, %lu pairs' "
	    "rules made ahead\n", compared, bb, frozen, stopped,
	    assign_spare_columns - spare, assign_early_freezes - early,
	    assign_risk_bans - risk, assign_rules_ahead - ahead);
	assert_true(compared >= 10);
	/* Bans took seats from their holders and the seats got columns
	 * before the solve: the plans above are still the optimum. */
	assert_true(assign_spare_columns > spare);
	assert_true(bb > 0);
	/* The dives banned rules no flow had broken yet, and the plans
	 * above are still every hard rule and the optimum. */
	assert_true(assign_risk_bans > risk);
	assert_true(assign_rules_ahead > ahead);
	assert_true(frozen > 0);
	assert_true(stopped > 0);
	/* Some rounds of columns were not started though the effort
	 * spent was under the share: their solve would have passed it. */
	assert_true(assign_early_freezes > early);
}

/*
 * The budget of column generation, with the efforts measured at L and
 * M before the flow looked ahead for the sink (docs/performance.md;
 * assign.c has today's): L's first round is refused, with its flow as
 * it was and with one examining a quarter fewer arcs, where the effort
 * spent alone (39.2 million of 40) would have let it start; M's rounds
 * all start; and a round is refused for its size alone.
 */
static void
test_over_budget(void **state)
{
	const uint64_t share = 40000000;

	(void)state;
	assert_true(assign_over_budget(49810664, 40250859, 229846, 90412,
	    share));
	assert_true(assign_over_budget(39185935, 29626130, 229846, 90412,
	    share));
	assert_false(assign_over_budget(1557904, 1100516, 7294, 8808, share));
	assert_false(assign_over_budget(6538536, 4523244, 9878, 16102, share));
	assert_false(assign_over_budget(12308021, 5312097, 4069, 25980,
	    share));
	/* 10 + 10 million is half the share; three times the columns
	 * make the solve 40 million. */
	assert_false(assign_over_budget(10000000, 10000000, 0, 1000, share));
	assert_true(assign_over_budget(10000000, 10000000, 3000, 1000,
	    share));
	/* No columns with arcs yet: not a division by zero. */
	assert_false(assign_over_budget(0, 0, 10, 0, share));
}

/*
 * The network-only model: the flow alone, without the rules beyond it
 * nor continuity. It is solved by the flow (method "flow", optimal),
 * never costs more than the full model (it drops constraints and
 * continuity's charges, which are never negative), and its LP file has
 * no side rule and glpsol's optimum is planner's.
 */
static void
test_network_only(void **state)
{
	int seed, checked = 0;

	(void)state;
	for (seed = 1; seed <= 12; seed++) {
		struct assign_opts of = {0}, on = {0};
		struct gen g;
		struct run fr, nr;
		int64_t obj;

		memset(&fr, 0, sizeof(fr));
		memset(&nr, 0, sizeof(nr));
		generate(&g, (uint64_t)seed, 0, seed % 2);
		on.network_only = 1;
		on.lp = &nr.lp;
		if (run_with(&g, &fr, &of) == 0 && run_with(&g, &nr, &on) ==
		    0) {
			char *lpfile = xasprintf("%s/network.lp", g.dir);

			assert_string_equal(nr.p->staffing_method, "flow");
			assert_true(nr.p->staffing_optimal);
			assert_true(nr.p->cost.total <= fr.p->cost.total);
			assert_null(strstr(nr.lp, " rule"));
			assert_null(strstr(nr.lp, " holder"));
			put(g.dir, "network.lp", nr.lp);
			if (glpsol(lpfile, &obj) == 0) {
				assert_int_equal(obj, nr.p->cost.total);
				checked++;
			}
			free(lpfile);
		}
		run_free(&fr);
		run_free(&nr);
		cleanup(&g);
	}
	assert_true(checked > 0);
}

/* --- workload stored from earlier plans ------------------------------ */

/* A plan's assignments as commitments of other exercises (the id with
 * prefix), as the store would give them: timed events only. */
static struct commitment *
as_commitments(const struct plan *p, const char *prefix, size_t *n,
    struct arena *a)
{
	struct commitment *v;
	size_t i, j, k, cap = 1;

	for (i = 0; i < p->nexercises; i++)
		cap += p->exercises[i].nassignments;
	v = arena_array(a, cap, sizeof(*v));
	*n = 0;
	for (i = 0; i < p->nexercises; i++) {
		const struct plan_exercise *px = &p->exercises[i];

		for (j = 0; j < px->nassignments; j++) {
			const struct assignment *as = &px->assignments[j];
			struct commitment *c = &v[(*n)++];

			c->exercise = arena_printf(a, "%s%s", prefix,
			    px->ex->id);
			c->person = as->person->id;
			c->role = as->role->id;
			c->start = arena_array(a, as->nevents + 1,
			    sizeof(ptime));
			c->end = arena_array(a, as->nevents + 1, sizeof(ptime));
			for (k = 0; k < as->nevents; k++) {
				const struct planned_event *pe =
				    &px->events[as->events[k]];

				if (pe->end > pe->start) {
					c->start[c->nintervals] = pe->start;
					c->end[c->nintervals++] = pe->end;
				}
			}
		}
	}
	return v;
}

/* Nobody works at a time a stored plan takes, and stored roles count
 * toward the cap. */
static void
check_prior(const struct plan *p, const struct commitment *cm, size_t n)
{
	size_t i, j, k, l, e;

	for (i = 0; i < p->model->npeople; i++) {
		const struct person *pn = p->model->people[i];
		int load = 0;

		for (j = 0; j < n; j++)
			load += strcmp(cm[j].person, pn->id) == 0;
		for (j = 0; j < p->nexercises; j++)
			for (k = 0; k < p->exercises[j].nassignments; k++) {
				const struct plan_exercise *px =
				    &p->exercises[j];
				const struct assignment *as =
				    &px->assignments[k];

				if (as->person != pn)
					continue;
				load++;
				for (l = 0; l < n; l++) {
					if (strcmp(cm[l].person, pn->id) != 0)
						continue;
					for (e = 0; e < as->nevents; e++) {
						const struct planned_event *pe =
						    &px->events[as->events[e]];
						size_t t;

						for (t = 0; t < cm[l].nintervals;
						    t++)
							assert_false(pe->end >
							    pe->start &&
							    pe->start <
							    cm[l].end[t] &&
							    cm[l].start[t] <
							    pe->end);
					}
				}
			}
		if (pn->max_exercises > 0) {
			int before = 0;

			for (j = 0; j < n; j++)
				before += strcmp(cm[j].person, pn->id) == 0;
			/* Stored roles are facts: new ones must fit. */
			assert_true(load == before ||
			    load <= pn->max_exercises);
		}
	}
}

/* Plan each seeded program, store it (as other exercises), plan it
 * again: the second plan minds the first, and glpsol agrees. */
static void
test_stored_workload(void **state)
{
	int seed, checked = 0, within = 0, moved = 0;

	(void)state;
	for (seed = 1; seed <= 20; seed++) {
		struct gen g;
		struct run a, b;
		struct arena *ar = arena_new();
		struct commitment *cm;
		size_t n = 0;

		memset(&b, 0, sizeof(b));
		generate(&g, (uint64_t)seed, 0, 0);
		if (run_program(&g, &a, 0) == 0) {
			cm = as_commitments(a.p, "stored-", &n, ar);
			assert_int_equal(run_program_prior(&g, &b, 0, cm, n),
			    0);
			check_plan(b.p);
			check_prior(b.p, cm, n);
			compare_glpsol(&g, &b, &checked, &within);
			moved += strcmp(a.csv, b.csv) != 0;
		}
		run_free(&a);
		run_free(&b);
		arena_free(ar);
		cleanup(&g);
	}
	fprintf(stderr, "# stored: %d checked against glpsol, %d within 1%%, "
	    "%d staffed differently\n", checked, within, moved);
	assert_true(checked > 0);
	assert_int_equal(within, checked);
	assert_true(moved > 0);
}

/* The golden case by hand: A stored, then B at the same time and C a
 * week later from the same roster. */
static struct plan *
plan_file(const char *file, struct model **m, const struct commitment *cm,
    size_t n)
{
	struct diags d = {0};
	struct assign_opts o = {0};
	char *path = xasprintf("tests/cli/staffing-prior/%s", file);
	struct plan *p;

	*m = load_files(&path, 1, &d);
	assert_non_null(*m);
	p = sched_plan(*m, &d);
	assert_non_null(p);
	o.prior = cm;
	o.nprior = n;
	assert_int_equal(assign_plan(p, &o, &d), 0);
	diags_free(&d);
	free(path);
	return p;
}

static int
has_reason(const struct plan_exercise *px, const char *role,
    const char *text)
{
	size_t i, j;

	for (i = 0; i < px->nvacancies; i++)
		for (j = 0; strcmp(px->vacancies[i].role->id, role) == 0 &&
		    j < px->vacancies[i].reasons.n; j++)
			if (strstr(px->vacancies[i].reasons.v[j], text) != NULL)
				return 1;
	return 0;
}

static void
test_stored_by_hand(void **state)
{
	struct arena *ar = arena_new();
	struct model *ma, *mb, *mc;
	struct plan *a, *b, *c;
	struct commitment *ca, *cb, *cab;
	size_t na, nb;

	(void)state;
	a = plan_file("a.yaml", &ma, NULL, 0);
	assert_int_equal(a->exercises[0].nassignments, 2);
	assert_string_equal(a->exercises[0].assignments[0].person->id, "soto");
	assert_string_equal(a->exercises[0].assignments[1].person->id, "kim");
	ca = as_commitments(a, "", &na, ar);

	/* B, the same morning: Soto and Kim are taken. */
	b = plan_file("b.yaml", &mb, ca, na);
	assert_int_equal(b->exercises[0].nassignments, 1);
	assert_string_equal(b->exercises[0].assignments[0].person->id, "ruiz");
	assert_true(has_reason(&b->exercises[0], "controller", "Jae Kim "
	    "(sspc) is already assigned to 'staffing-a' at the same time"));

	/* C, a week later: both evaluators are at their cap of one; Kim's
	 * second role costs w (2^2 - 1^2) = 3w of fairness. */
	cb = as_commitments(b, "", &nb, ar);
	cab = arena_array(ar, na + nb, sizeof(*cab));
	memcpy(cab, ca, na * sizeof(*cab));
	memcpy(cab + na, cb, nb * sizeof(*cab));
	c = plan_file("c.yaml", &mc, cab, na + nb);
	assert_int_equal(c->exercises[0].nassignments, 1);
	assert_string_equal(c->exercises[0].assignments[0].person->id, "kim");
	assert_true(has_reason(&c->exercises[0], "evaluator", "Miguel Soto "
	    "(sspc) is at the workload cap of 1 (1 in stored plans)"));
	assert_int_equal(c->cost.fairness, 3 * 4);
	assert_true(c->staffing_optimal);
	plan_free(a);
	plan_free(b);
	plan_free(c);
	model_free(ma);
	model_free(mb);
	model_free(mc);
	arena_free(ar);
}

/* Preferences as docs/format.md gives them: ids matched whatever their
 * case; a role named in prefers costs nothing, one not named costs
 * unpreferred, one in avoids costs avoided more; named twice, or in
 * both lists, each counts once. Five people hold Lead, one Scribe. */
static void
test_preferences(void **state)
{
	static const char *people[] = {
		"prefers: [lead]",			/* 0 */
		"avoids: [LEAD]",			/* 3 + 10 */
		"prefers: [Lead], avoids: [lead]",	/* 10 */
		"prefers: [scribe]",			/* 3 */
		"prefers: [lead, LEAD], avoids: [x]",	/* 0 */
	};
	/* Other names to fill the table of names, so that a lookup which
	 * missed the case would probe other slots than a match's. */
	static const char *other = "[a1, b2, c3, d4, e5, f6, g7, h8, i9, "
	    "j10, k11, l12, m13, n14, o15, p16, q17, r18, s19, t20]";
	struct gen g = {0};
	struct sb b = {0};
	struct run r;
	size_t i;

	(void)state;
	snprintf(g.dir, sizeof(g.dir), "/tmp/test_assign.XXXXXX");
	assert_non_null(mkdtemp(g.dir));
	put(g.dir, "tpl.yaml", "kind: Template\nversion: 1\nid: t\n"
	    "name: T\ntype: tabletop\nconduct: {days: 1, length: 4h, "
	    "start: \"09:00\"}\nroles:\n"
	    "  - {id: Lead, name: Lead, count: 5, qualifications: [q]}\n"
	    "  - {id: scribe, name: Scribe, count: 1, "
	    "qualifications: [s]}\n");
	sb_puts(&b, "kind: Roster\nversion: 1\nagencies:\n  - {id: ag, "
	    "name: Ag, country: US, timezone: America/Chicago}\npeople:\n");
	for (i = 0; i < 5; i++)
		sb_printf(&b, "  - {id: p%zu, name: P %zu, email: "
		    "p%zu@example.org, agency: ag, qualifications: [q], %s}\n",
		    i, i, i, people[i]);
	sb_printf(&b, "  - {id: s, name: S, email: s@example.org, agency: "
	    "ag, qualifications: [s], avoids: %s}\n", other);
	put(g.dir, "roster.yaml", sb_str(&b));
	put(g.dir, "program.yaml", "kind: Exercise\nversion: 1\nid: x\n"
	    "name: X\ntemplate: tpl.yaml\nvenue: {name: V, timezone: "
	    "America/Chicago}\nconduct: 2027-03-10\nagencies: [ag]\n"
	    "rosters: [roster.yaml]\n");
	assert_int_equal(run_program(&g, &r, 0), 0);
	assert_int_equal(r.p->exercises[0].nassignments, 6);
	assert_int_equal(r.p->cost.preference, 13 + 10 + 3 + 3);
	assert_int_equal(r.p->exercises[0].cost.preference, 29);
	assert_int_equal(r.p->cost.travel + r.p->cost.out_of_hours, 0);
	run_free(&r);
	cleanup(&g);
	sb_free(&b);
}

static void
test_deterministic(void **state)
{
	int seed;

	(void)state;
	for (seed = 1; seed <= 8; seed++) {
		struct gen g;
		struct run a, b;

		memset(&a, 0, sizeof(a));
		memset(&b, 0, sizeof(b));
		generate(&g, (uint64_t)seed, 1, seed % 2);
		if (run_program(&g, &a, 0) == 0 &&
		    run_program(&g, &b, 0) == 0) {
			assert_string_equal(a.csv, b.csv);
			assert_string_equal(a.lp, b.lp);
			assert_int_equal(a.p->cost.total, b.p->cost.total);
		}
		run_free(&a);
		run_free(&b);
		cleanup(&g);
	}
}

/* test_threads' teardown: the generator's size and the threads back
 * to their defaults, whether the test passed or not. */
static int
reset_threads(void **state)
{
	(void)state;
	gen_nex = 0;
	assign_threads = 0;
	return 0;
}

/* Cands made by a team of threads, over three blocks of exercises
 * (CAND_BLOCK, 64: each made while the one before is numbered, so
 * both halves of the double buffer are used again): the same plan
 * and the same LP, cand for cand, as one thread makes. The
 * network-only model, whose one flow is quick at this size, has every
 * cand in its LP as the full one. */
static void
test_threads(void **state)
{
	int seed, compared = 0;

	(void)state;
	gen_nex = 140;
	for (seed = 1; seed <= 3; seed++) {
		struct assign_opts o = {0};
		struct gen g;
		struct run a, b;

		memset(&a, 0, sizeof(a));
		memset(&b, 0, sizeof(b));
		generate(&g, (uint64_t)seed, 1, seed % 2);
		o.network_only = 1;
		o.lp = &a.lp;		/* any non-NULL: run_with points it */
		assign_threads = 1;
		if (run_with(&g, &a, &o) == 0) {
			assign_threads = 3;
			assert_int_equal(run_with(&g, &b, &o), 0);
			assert_string_equal(a.csv, b.csv);
			assert_string_equal(a.lp, b.lp);
			assert_int_equal(a.p->cost.total, b.p->cost.total);
			compared++;
		}
		run_free(&a);
		run_free(&b);
		cleanup(&g);
	}
	assert_true(compared > 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_random_programs),
		cmocka_unit_test(test_hard_programs),
		cmocka_unit_test(test_big_programs),
		cmocka_unit_test_teardown(test_large_methods,
		    restore_dive_ahead),
		cmocka_unit_test(test_over_budget),
		cmocka_unit_test(test_network_only),
		cmocka_unit_test(test_preferences),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test_teardown(test_threads, reset_threads),
		cmocka_unit_test(test_stored_workload),
		cmocka_unit_test(test_stored_by_hand),
	};

	/* Bundled holiday calendars come from the source tree. */
	setenv("PLANNER_DATADIR", ".", 0);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
