/* test_elig.c: the interned skill sets of elig.c answer exactly as comparing the names with strcaseeq() does. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "elig.h"
#include "model.h"
#include "util.h"

/*
 * elig_new() turns every qualification and language a role of the plan
 * needs into a bit, and every person's names into a set of them, so
 * that staffing's tens of millions of (role, person) questions cost a
 * few word operations. These tests hold those answers to the rule as
 * written: a person lacks a role when some qualification (language) of
 * the role is not strcaseeq() to any of the person's qualifications
 * (languages). The reference below is that rule, by name.
 */

static uint64_t rng;

static unsigned
rnd(unsigned n)
{
	rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((rng >> 33) % n);
}

static int
ref_has(const struct strlist *l, const char *s)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcaseeq(l->v[i], s))
			return 1;
	return 0;
}

/* 1 when pn lacks a clearance, qualification or language r needs. */
static int
ref_lacks(const struct role_def *r, const struct person *pn)
{
	size_t i;

	if (pn->clearance < r->clearance)
		return 1;
	for (i = 0; i < r->qualifications.n; i++)
		if (!ref_has(&pn->qualifications, r->qualifications.v[i]))
			return 1;
	for (i = 0; i < r->languages.n; i++)
		if (!ref_has(&pn->languages, r->languages.v[i]))
			return 1;
	return 0;
}

/* Dates of the events a question is about: as elig_agency() gives them. */
static const pdate qd0[] = { 100, 110 }, qd1[] = { 102, 110 };

/* 1 when pn is absent on a date of qd0..qd1. */
static int
ref_away(const struct person *pn)
{
	size_t i, j;

	for (i = 0; i < 2; i++)
		for (j = 0; j < pn->nunavailable; j++)
			if (pn->unavailable[j].from <= qd1[i] &&
			    qd0[i] <= pn->unavailable[j].to)
				return 1;
	return 0;
}

/* A plan of one exercise per template, every agency playing in each. */
struct fix {
	struct model m;
	struct plan p;
	struct agency ag;
	struct participant part;
	struct exercise *ex;
	struct template *tpl;
	struct plan_exercise *px;
	size_t ntpl;
};

static void
fix_init(struct fix *f, struct template *tpl, size_t ntpl,
    struct person **people, size_t npeople)
{
	static struct agency *agv[1];
	size_t i;

	memset(f, 0, sizeof(*f));
	f->ag.id = (char *)"ag";
	f->ag.timezone = (char *)"UTC";
	f->ag.workdays = 0x7f;
	f->ag.day_start = 8 * 60;
	f->ag.day_end = 17 * 60;
	agv[0] = &f->ag;
	f->part.agency = &f->ag;
	f->part.kind = PART_PLAYING;
	f->m.agencies = agv;
	f->m.nagencies = 1;
	f->m.people = people;
	f->m.npeople = npeople;
	for (i = 0; i < npeople; i++)
		people[i]->agency = &f->ag;
	f->tpl = tpl;
	f->ntpl = ntpl;
	f->ex = xcalloc(ntpl + 1, sizeof(*f->ex));
	f->px = xcalloc(ntpl + 1, sizeof(*f->px));
	for (i = 0; i < ntpl; i++) {
		f->ex[i].id = (char *)"ex";
		f->ex[i].tpl = &tpl[i];
		f->ex[i].participants = &f->part;
		f->ex[i].nparticipants = 1;
		f->px[i].ex = &f->ex[i];
	}
	f->p.model = &f->m;
	f->p.exercises = f->px;
	f->p.nexercises = ntpl;
}

static void
fix_free(struct fix *f)
{
	free(f->ex);
	free(f->px);
}

/* The interned answer, asked the three ways staffing asks it; and the
 * floor staffing ranks near misses by, which the reasons' count never
 * falls below (0 exactly when nothing of it is broken). */
static int
fast_lacks(const struct elig *e, const struct fix *f,
    const struct role_def *r, size_t pi)
{
	const struct person *pn = f->m.people[pi];
	const uint64_t *fit = elig_fit(e, r);
	int a = elig_person(e, r, pi, NULL, NULL, 0);
	int b = elig_check(e, &f->px[0], r, NULL, 0, pn, NULL);
	int floor = elig_floor(e, &f->px[0], r, pi);
	struct sb why = {0};

	assert_int_equal(a, b);
	if (fit != NULL)
		assert_int_equal(!(fit[pi / 64] >> (pi % 64) & 1), a);
	assert_true(floor <= elig_check(e, &f->px[0], r, NULL, 0, pn, &why));
	assert_int_equal(floor > 0, b);
	sb_free(&why);
	return a;
}

static void
check_all(const struct elig *e, const struct fix *f, struct person **people,
    size_t npeople, size_t *lacking)
{
	size_t t, j, i;

	*lacking = 0;
	for (t = 0; t < f->ntpl; t++)
		for (j = 0; j < f->tpl[t].nroles; j++)
			for (i = 0; i < npeople; i++) {
				const struct role_def *r = &f->tpl[t].roles[j];
				int want = ref_lacks(r, people[i]);

				if (fast_lacks(e, f, r, i) != want)
					fail_msg("role '%s', person '%s': "
					    "interned %d, by name %d", r->id,
					    people[i]->id, !want, want);
				if (elig_person(e, r, i, qd0, qd1, 2) !=
				    (want || ref_away(people[i])))
					fail_msg("role '%s', person '%s': "
					    "absences", r->id, people[i]->id);
				if (elig_absent(e, i, qd0, qd1, 2) !=
				    ref_away(people[i]))
					fail_msg("person '%s': absences alone",
					    people[i]->id);
				*lacking += (size_t)want;
			}
}

#define LIST(...) { (char *[]){ __VA_ARGS__ }, NULL, \
	sizeof((char *[]){ __VA_ARGS__ }) / sizeof(char *) }

/* Case, kind, names no one has, empty lists, a role elig_new() never
 * saw: each answer as the rule by name gives it. */
static void
test_cases(void **state)
{
	struct role_def roles[] = {
		{ .id = (char *)"mixed-case",
		  .qualifications = LIST((char *)"HSEEP-Evaluator"),
		  .languages = LIST((char *)"ES") },
		{ .id = (char *)"nobody", .qualifications =
		  LIST((char *)"hseep-evaluator", (char *)"no-one-has-this") },
		{ .id = (char *)"no-needs" },
		{ .id = (char *)"kinds", .qualifications = LIST((char *)"es") },
		{ .id = (char *)"cleared", .clearance = CLR_SECRET,
		  .languages = LIST((char *)"en") },
		{ .id = (char *)"prefix", .qualifications =
		  LIST((char *)"hseep") },
		{ .id = (char *)"bytes", .qualifications =
		  LIST((char *)"\xc3\x89valuateur") },
		{ .id = (char *)"null", .qualifications = LIST(NULL) },
	};
	struct template tpl = { .id = (char *)"t", .roles = roles,
	    .nroles = sizeof(roles) / sizeof(roles[0]) };
	struct person pv[] = {
		{ .id = (char *)"lower", .qualifications =
		  LIST((char *)"hseep-evaluator"), .languages =
		  LIST((char *)"en", (char *)"es") },
		{ .id = (char *)"upper", .qualifications =
		  LIST((char *)"HSEEP-EVALUATOR"), .languages =
		  LIST((char *)"Es"), .clearance = CLR_SECRET },
		{ .id = (char *)"empty" },
		{ .id = (char *)"language-only", .languages =
		  LIST((char *)"es", (char *)"EN"), .clearance = CLR_SECRET },
		{ .id = (char *)"longer", .qualifications =
		  LIST((char *)"hseep-evaluators", (char *)"HSEEP") },
		{ .id = (char *)"bytes-same", .qualifications =
		  LIST((char *)"\xc3\x89VALUATEUR") },
		{ .id = (char *)"bytes-other", .qualifications =
		  LIST((char *)"\xc3\xa9valuateur") },
		{ .id = (char *)"null-holder", .qualifications =
		  LIST((char *)"hseep", NULL) },
	};
	struct person *people[sizeof(pv) / sizeof(pv[0])];
	struct role_def unseen = { .id = (char *)"unseen",
	    .qualifications = LIST((char *)"Hseep-Evaluator") };
	size_t n = sizeof(pv) / sizeof(pv[0]), i, lacking;
	struct person stranger = { .id = (char *)"stranger",
	    .qualifications = LIST((char *)"hseep-EVALUATOR"),
	    .languages = LIST((char *)"es") };
	struct elig *e;
	struct fix f;

	(void)state;
	for (i = 0; i < n; i++)
		people[i] = &pv[i];
	fix_init(&f, &tpl, 1, people, n);
	e = elig_new(&f.p);
	check_all(e, &f, people, n, &lacking);
	/* The rule itself, so the reference cannot drift with the code. */
	assert_int_equal(fast_lacks(e, &f, &roles[0], 0), 0);
	assert_int_equal(fast_lacks(e, &f, &roles[0], 1), 0);
	assert_int_equal(fast_lacks(e, &f, &roles[0], 3), 1);
	for (i = 0; i < n; i++) {
		assert_int_equal(fast_lacks(e, &f, &roles[1], i), 1);
		assert_int_equal(fast_lacks(e, &f, &roles[2], i), 0);
		assert_int_equal(fast_lacks(e, &f, &roles[3], i), 1);
	}
	assert_int_equal(fast_lacks(e, &f, &roles[4], 3), 0);
	assert_int_equal(fast_lacks(e, &f, &roles[4], 0), 1);
	assert_int_equal(fast_lacks(e, &f, &roles[5], 4), 0);
	assert_int_equal(fast_lacks(e, &f, &roles[5], 0), 1);
	/* tolower() folds the ASCII letters and leaves bytes above 127
	 * alone, as strcaseeq() does: \xc3\x89 is not \xc3\xa9. */
	assert_int_equal(fast_lacks(e, &f, &roles[6], 5), 0);
	assert_int_equal(fast_lacks(e, &f, &roles[6], 6), 1);
	/* A NULL name matches only NULL, as in strcaseeq(). */
	assert_int_equal(fast_lacks(e, &f, &roles[7], 7), 0);
	assert_int_equal(fast_lacks(e, &f, &roles[7], 4), 1);
	assert_int_equal(fast_lacks(e, &f, &roles[5], 7), 0);
	/* A NULL name, or a role not seen: only elig_person() says. */
	assert_null(elig_fit(e, &roles[7]));
	assert_null(elig_fit(e, &unseen));
	assert_non_null(elig_fit(e, &roles[2]));
	/* Neither the role nor the person was in the plan given. */
	stranger.agency = &f.ag;
	assert_int_equal(elig_person(e, &unseen, 1, NULL, NULL, 0), 0);
	assert_int_equal(elig_person(e, &unseen, 2, NULL, NULL, 0), 1);
	assert_int_equal(elig_check(e, &f.px[0], &unseen, NULL, 0, &pv[2],
	    NULL), 1);
	assert_int_equal(elig_check(e, &f.px[0], &roles[0], NULL, 0,
	    &stranger, NULL), 0);
	assert_int_equal(elig_check(e, &f.px[0], &roles[1], NULL, 0,
	    &stranger, NULL), 1);
	elig_free(e);
	fix_free(&f);
}

/* Roles that ask the same share one set of people, whatever their
 * template or the order of their names; a clearance apart, or a name
 * more, is another set. */
static void
test_fit_shared(void **state)
{
	struct role_def r1[] = {
		{ .id = (char *)"a", .qualifications =
		  LIST((char *)"x", (char *)"Y") },
		{ .id = (char *)"b", .qualifications = LIST((char *)"x"),
		  .clearance = CLR_SECRET },
	};
	struct role_def r2[] = {
		{ .id = (char *)"c", .qualifications =
		  LIST((char *)"y", (char *)"X") },
		{ .id = (char *)"d", .qualifications = LIST((char *)"x") },
		{ .id = (char *)"e", .qualifications = LIST((char *)"x"),
		  .languages = LIST((char *)"x") },
	};
	struct template tpl[] = {
		{ .id = (char *)"t1", .roles = r1, .nroles = 2 },
		{ .id = (char *)"t2", .roles = r2, .nroles = 3 },
	};
	struct person pv[] = {
		{ .id = (char *)"p0", .qualifications = LIST((char *)"x") },
		{ .id = (char *)"p1", .qualifications =
		  LIST((char *)"x", (char *)"y"), .languages =
		  LIST((char *)"x"), .clearance = CLR_SECRET },
	};
	struct person *people[] = { &pv[0], &pv[1] };
	const uint64_t *fa, *fb, *fc, *fd, *fe;
	struct elig *e;
	struct fix f;

	(void)state;
	fix_init(&f, tpl, 2, people, 2);
	e = elig_new(&f.p);
	fa = elig_fit(e, &r1[0]);
	fb = elig_fit(e, &r1[1]);
	fc = elig_fit(e, &r2[0]);
	fd = elig_fit(e, &r2[1]);
	fe = elig_fit(e, &r2[2]);
	assert_true(fa != NULL && fb != NULL && fc != NULL && fd != NULL &&
	    fe != NULL);
	assert_ptr_equal(fa, fc);
	assert_ptr_not_equal(fb, fd);
	assert_ptr_not_equal(fd, fe);
	assert_int_equal(fa[0] & 3, 2);		/* p1 alone has y */
	assert_int_equal(fb[0] & 3, 2);		/* p1 alone is cleared */
	assert_int_equal(fd[0] & 3, 3);
	assert_int_equal(fe[0] & 3, 2);		/* p1 alone speaks x */
	elig_free(e);

	/* Past the tests allowed, the later needs are left to
	 * elig_person(): two sets of two people, then none. */
	elig_fit_tests = 4;
	e = elig_new(&f.p);
	assert_non_null(elig_fit(e, &r1[0]));
	assert_non_null(elig_fit(e, &r1[1]));
	assert_ptr_equal(elig_fit(e, &r2[0]), elig_fit(e, &r1[0]));
	assert_null(elig_fit(e, &r2[1]));
	assert_null(elig_fit(e, &r2[2]));
	assert_int_equal(elig_person(e, &r2[1], 0, NULL, NULL, 0), 0);
	assert_int_equal(elig_person(e, &r2[2], 0, NULL, NULL, 0), 1);
	elig_free(e);
	elig_fit_tests = ELIG_FIT_TESTS;
	fix_free(&f);
}

/* Names that fall in different words of the sets, in either order,
 * are one need. */
static void
test_fit_words(void **state)
{
	char *names[70], buf[16];
	struct role_def r[3] = {
		{ .id = (char *)"filler" },
		{ .id = (char *)"a" },
		{ .id = (char *)"b" },
	};
	struct template tpl = { .id = (char *)"t", .roles = r, .nroles = 3 };
	struct person pv[] = {
		{ .id = (char *)"p0" },
		{ .id = (char *)"p1" },
	};
	struct person *people[] = { &pv[0], &pv[1] };
	char *ab[2], *ba[2];
	struct elig *e;
	struct fix f;
	size_t i;

	(void)state;
	for (i = 0; i < 70; i++) {
		snprintf(buf, sizeof(buf), "q%zu", i);
		names[i] = xstrdup(buf);
	}
	r[0].qualifications.v = names;
	r[0].qualifications.n = 70;
	ab[0] = ba[1] = names[0];
	ab[1] = ba[0] = names[69];
	r[1].qualifications.v = ab;
	r[1].qualifications.n = 2;
	r[2].qualifications.v = ba;
	r[2].qualifications.n = 2;
	pv[1].qualifications = r[1].qualifications;
	fix_init(&f, &tpl, 1, people, 2);
	e = elig_new(&f.p);
	assert_non_null(elig_fit(e, &r[1]));
	assert_ptr_equal(elig_fit(e, &r[1]), elig_fit(e, &r[2]));
	assert_int_equal(elig_fit(e, &r[1])[0] & 3, 2);
	assert_int_equal(elig_fit(e, &r[0])[0] & 3, 0);
	elig_free(e);
	fix_free(&f);
	for (i = 0; i < 70; i++)
		free(names[i]);
}

/* The reasons, by name, are the same as before the sets. */
static void
test_reasons(void **state)
{
	struct role_def r = { .id = (char *)"evaluator",
	    .qualifications = LIST((char *)"hseep-evaluator",
	    (char *)"Controller"), .languages = LIST((char *)"es"),
	    .clearance = CLR_SECRET };
	struct template tpl = { .id = (char *)"t", .roles = &r, .nroles = 1 };
	struct person pn = { .id = (char *)"p", .qualifications =
	    LIST((char *)"CONTROLLER"), .languages = LIST((char *)"en") };
	struct person *people[] = { &pn };
	struct sb why = {0};
	struct elig *e;
	struct fix f;

	(void)state;
	fix_init(&f, &tpl, 1, people, 1);
	e = elig_new(&f.p);
	assert_int_equal(elig_check(e, &f.px[0], &r, NULL, 0, &pn, &why), 3);
	assert_string_equal(sb_str(&why), "lacks hseep-evaluator, does not "
	    "speak es, holds clearance 'none', needs 'secret'");
	assert_int_equal(elig_check(e, &f.px[0], &r, NULL, 0, &pn, NULL), 1);
	/* Skills count once, whatever is missing; the clearance once. */
	assert_int_equal(elig_floor(e, &f.px[0], &r, 0), 2);
	sb_free(&why);
	elig_free(e);
	fix_free(&f);
}

/* A random name of the pool, in a random mixture of cases. */
static char *
pool_name(unsigned k, unsigned npool)
{
	char *s = xasprintf("%s-%u", k % 3 == 0 ? "lang" : "qual",
	    rnd(npool));
	char *c;

	for (c = s; *c != '\0'; c++)
		if (rnd(2))
			*c = (char)(*c >= 'a' && *c <= 'z' ? *c - 'a' + 'A' :
			    *c);
	return s;
}

static void
fill(struct strlist *l, unsigned max, unsigned npool, char ***owned,
    size_t *nowned, size_t *cap)
{
	size_t i;

	l->n = rnd(max + 1);
	l->v = xcalloc(l->n + 1, sizeof(char *));
	for (i = 0; i < l->n; i++)
		VEC_PUSH(*owned, *nowned, *cap) = l->v[i] =
		    pool_name((unsigned)i + rnd(3), npool);
}

/* How many different names (by strcaseeq) the roles need, qualifications
 * and languages apart: the bits elig_new() must give out. */
static size_t
distinct_needs(const struct template *tpl, size_t nt)
{
	struct name { int kind; const char *s; } *v = NULL;
	size_t nv = 0, cap = 0, t, j, i, u, n = 0;

	for (t = 0; t < nt; t++)
		for (j = 0; j < tpl[t].nroles; j++) {
			const struct role_def *r = &tpl[t].roles[j];

			for (i = 0; i < r->qualifications.n; i++)
				VEC_PUSH(v, nv, cap) = (struct name){ 0,
				    r->qualifications.v[i] };
			for (i = 0; i < r->languages.n; i++)
				VEC_PUSH(v, nv, cap) = (struct name){ 1,
				    r->languages.v[i] };
		}
	for (i = 0; i < nv; i++) {
		for (u = 0; u < i; u++)
			if (v[u].kind == v[i].kind && strcaseeq(v[u].s, v[i].s))
				break;
		n += u == i;
	}
	free(v);
	return n;
}

/*
 * Seeded random rosters and templates over pools of 5 to 300 names
 * (past one machine word of bits, and past several), in random cases:
 * every (role, person) answer equals the answer by name, and enough of
 * them are each way that both are tried.
 */
static void
test_random(void **state)
{
	static const unsigned pools[] = { 5, 60, 64, 65, 150, 300 };
	size_t np = 300, nt = 6, nr = 20, i, j, k, t, lacking;
	size_t nowned, cap;
	char **owned;
	unsigned pool;
	int seed;

	(void)state;
	for (k = 0; k < sizeof(pools) / sizeof(pools[0]); k++)
		for (seed = 1; seed <= 3; seed++) {
			struct person *pv = xcalloc(np, sizeof(*pv));
			struct person **people = xcalloc(np, sizeof(*people));
			struct template *tpl = xcalloc(nt, sizeof(*tpl));
			struct elig *e;
			struct fix f;

			rng = (uint64_t)seed * 7919 + k;
			pool = pools[k];
			owned = NULL;
			nowned = cap = 0;
			for (i = 0; i < np; i++) {
				pv[i].id = (char *)"p";
				pv[i].clearance = (enum clearance)rnd(3);
				/* People hold many names, roles need few:
				 * most names a person has no role needs. */
				fill(&pv[i].qualifications, pool > 60 ? 40 : 4,
				    pool, &owned, &nowned, &cap);
				fill(&pv[i].languages, 3, pool, &owned,
				    &nowned, &cap);
				/* Absences around the dates asked. */
				pv[i].nunavailable = rnd(3);
				pv[i].unavailable = xcalloc(3,
				    sizeof(struct range));
				for (j = 0; j < pv[i].nunavailable; j++) {
					pv[i].unavailable[j].from =
					    95 + (pdate)rnd(20);
					pv[i].unavailable[j].to =
					    pv[i].unavailable[j].from +
					    (pdate)rnd(3);
				}
				people[i] = &pv[i];
			}
			for (t = 0; t < nt; t++) {
				tpl[t].id = (char *)"t";
				tpl[t].nroles = nr;
				tpl[t].roles = xcalloc(nr,
				    sizeof(struct role_def));
				for (j = 0; j < nr; j++) {
					struct role_def *r = &tpl[t].roles[j];

					r->id = (char *)"r";
					r->clearance = (enum clearance)rnd(2);
					fill(&r->qualifications, 2, pool,
					    &owned, &nowned, &cap);
					fill(&r->languages, 1, pool, &owned,
					    &nowned, &cap);
				}
			}
			/* The bits the roles need: past 128 with the
			 * largest pools, so sets of three words. */
			if (pool >= 300)
				assert_true(distinct_needs(tpl, nt) > 128);
			fix_init(&f, tpl, nt, people, np);
			e = elig_new(&f.p);
			check_all(e, &f, people, np, &lacking);
			/* Both answers occur: the test can fail both ways. */
			assert_true(lacking > 0);
			assert_true(lacking < nt * nr * np);
			elig_free(e);
			fix_free(&f);
			for (i = 0; i < np; i++) {
				free(pv[i].qualifications.v);
				free(pv[i].languages.v);
				free(pv[i].unavailable);
			}
			for (t = 0; t < nt; t++) {
				for (j = 0; j < nr; j++) {
					free(tpl[t].roles[j].qualifications.v);
					free(tpl[t].roles[j].languages.v);
				}
				free(tpl[t].roles);
			}
			for (i = 0; i < nowned; i++)
				free(owned[i]);
			free(owned);
			free(tpl);
			free(people);
			free(pv);
		}
}

/* Absences still rule a person out on the dates asked, and only there. */
static void
test_absence(void **state)
{
	struct role_def r = { .id = (char *)"r" };
	struct template tpl = { .id = (char *)"t", .roles = &r, .nroles = 1 };
	struct range away = { .from = 100, .to = 102 };
	struct person pn = { .id = (char *)"p", .unavailable = &away,
	    .nunavailable = 1 };
	struct person *people[] = { &pn };
	pdate d0[] = { 90, 102 }, d1[] = { 91, 103 };
	struct elig *e;
	struct fix f;

	(void)state;
	fix_init(&f, &tpl, 1, people, 1);
	e = elig_new(&f.p);
	assert_int_equal(elig_person(e, &r, 0, d0, d1, 1), 0);
	assert_int_equal(elig_person(e, &r, 0, d0, d1, 2), 1);
	assert_int_equal(elig_person(e, &r, 0, d0 + 1, d1 + 1, 1), 1);
	elig_free(e);
	fix_free(&f);
}

/* An agency's days: its working week and blackouts, found by pointer. */
static void
test_agency(void **state)
{
	struct role_def r = { .id = (char *)"r" };
	struct template tpl = { .id = (char *)"t", .roles = &r, .nroles = 1 };
	struct person pn = { .id = (char *)"p" };
	struct person *people[] = { &pn };
	struct planned_event evs[3];
	struct range off;
	pdate mon, d0[3], d1[3];
	size_t ev[] = { 0, 1, 2 }, n;
	struct elig *e;
	struct fix f;

	(void)state;
	assert_int_equal(date_parse("2027-05-10", &mon, NULL), 0);
	fix_init(&f, &tpl, 1, people, 1);
	f.ag.workdays = 0x1f;	/* Monday to Friday */
	off.from = off.to = mon + 2;
	off.reason = (char *)"drill";
	f.ag.blackouts = &off;
	f.ag.nblackouts = 1;
	memset(evs, 0, sizeof(evs));
	/* Monday 09:00-10:00, Tuesday 23:00 to Thursday 01:00, Saturday. */
	evs[0].start = (ptime)mon * SECS_PER_DAY + 9 * 3600;
	evs[0].end = evs[0].start + 3600;
	evs[1].start = (ptime)(mon + 1) * SECS_PER_DAY + 23 * 3600;
	evs[1].end = evs[1].start + 26 * 3600;
	evs[2].start = (ptime)(mon + 5) * SECS_PER_DAY + 9 * 3600;
	evs[2].end = evs[2].start + 3600;
	f.px[0].events = evs;
	f.px[0].nevents = 3;
	e = elig_new(&f.p);
	assert_int_equal(elig_agency(e, &f.px[0], &r, ev, 1, &f.ag, d0, d1,
	    &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(d0[0], mon);
	assert_int_equal(d1[0], mon);
	/* Wednesday is blacked out, Saturday is off. */
	assert_int_equal(elig_agency(e, &f.px[0], &r, ev, 2, &f.ag, d0, d1,
	    &n), 1);
	assert_int_equal(elig_agency(e, &f.px[0], &r, ev + 2, 1, &f.ag, d0,
	    d1, &n), 1);
	pn.agency = &f.ag;
	assert_int_equal(elig_check(e, &f.px[0], &r, ev, 2, &pn, NULL), 1);
	assert_int_equal(elig_check(e, &f.px[0], &r, ev, 1, &pn, NULL), 0);
	elig_free(e);
	fix_free(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_reasons),
		cmocka_unit_test(test_fit_shared),
		cmocka_unit_test(test_fit_words),
		cmocka_unit_test(test_random),
		cmocka_unit_test(test_absence),
		cmocka_unit_test(test_agency),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
