/* test_mcf.c: min-cost flow against brute force on small random assignment networks, with convex and negative costs. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "mcf.h"

static uint64_t rng;

static int
rnd(int n)
{
	rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (int)((rng >> 33) % (uint64_t)n);
}

#define MAXW 5		/* workers */
#define MAXJ 5		/* jobs */

struct inst {
	int nw, nj;
	int ok[MAXW][MAXJ];
	int64_t cost[MAXW][MAXJ];	/* may be negative */
	int cap[MAXW];			/* jobs a worker may take */
	int64_t fair;			/* k-th job of a worker costs fair (2k-1) */
	int64_t vac;			/* an unfilled job */
};

/* Every way to give each job a worker or none, by recursion. */
static void
brute(const struct inst *in, int j, int *load, int64_t sofar, int64_t *best)
{
	int w;

	if (j == in->nj) {
		int64_t c = sofar;

		for (w = 0; w < in->nw; w++)
			c += in->fair * load[w] * load[w];
		if (c < *best)
			*best = c;
		return;
	}
	brute(in, j + 1, load, sofar + in->vac, best);
	for (w = 0; w < in->nw; w++) {
		if (!in->ok[w][j] || load[w] == in->cap[w])
			continue;
		load[w]++;
		brute(in, j + 1, load, sofar + in->cost[w][j], best);
		load[w]--;
	}
}

/* source -> job (1) -> worker (1, cost) -> sink (unit arcs, convex);
 * job -> sink at the vacancy cost. */
static int64_t
flow(const struct inst *in, int64_t *sent, int bulk)
{
	struct mcf *f = mcf_new(2 + in->nj + in->nw);
	int w, j, k;
	int64_t cost;

	mcf_bulk(f, bulk);
	for (j = 0; j < in->nj; j++) {
		mcf_arc(f, 0, 2 + j, 1, 0);
		mcf_arc(f, 2 + j, 1, 1, in->vac);
		for (w = 0; w < in->nw; w++)
			if (in->ok[w][j])
				mcf_arc(f, 2 + j, 2 + in->nj + w, 1,
				    in->cost[w][j]);
	}
	for (w = 0; w < in->nw; w++)
		for (k = 1; k <= in->cap[w]; k++)
			mcf_arc(f, 2 + in->nj + w, 1, 1, in->fair * (2 * k - 1));
	*sent = mcf_solve(f, 0, 1, in->nj, &cost, NULL);
	mcf_free(f);
	return cost;
}

static void
test_against_brute_force(void **state)
{
	int seed, w, j, load[MAXW];

	(void)state;
	for (seed = 1; seed <= 500; seed++) {
		struct inst in;
		int64_t best = INT64_MAX, sent, got;

		rng = (uint64_t)seed;
		memset(&in, 0, sizeof(in));
		in.nw = 1 + rnd(MAXW);
		in.nj = 1 + rnd(MAXJ);
		in.fair = rnd(4);
		in.vac = 5 + rnd(40);
		for (w = 0; w < in.nw; w++) {
			in.cap[w] = rnd(3);
			for (j = 0; j < in.nj; j++) {
				in.ok[w][j] = rnd(3) > 0;
				in.cost[w][j] = rnd(20) - 6;
			}
		}
		memset(load, 0, sizeof(load));
		brute(&in, 0, load, 0, &best);
		got = flow(&in, &sent, 0);
		assert_int_equal(sent, in.nj);
		assert_int_equal(got, best);
		/* In bulk: every shortest path of a round at once. */
		got = flow(&in, &sent, 1);
		assert_int_equal(sent, in.nj);
		assert_int_equal(got, best);
	}
}

/* Changing an arc and solving again (path by path) starts from zero
 * flow. */
static void
test_resolve(void **state)
{
	struct mcf *f = mcf_new(4);
	int a, b, c, fl[6] = { -1, -1, -1, -1, -1, -1 };
	int64_t cost;

	(void)state;
	a = mcf_arc(f, 0, 2, 1, 5);
	b = mcf_arc(f, 0, 3, 1, 1);
	mcf_arc(f, 2, 1, 1, 0);
	mcf_arc(f, 3, 1, 1, 0);
	assert_int_equal(mcf_solve(f, 0, 1, 1, &cost, NULL), 1);
	assert_int_equal(cost, 1);
	assert_int_equal(mcf_flow(f, b), 1);
	mcf_set(f, b, 0, 1);
	assert_int_equal(mcf_solve(f, 0, 1, 2, &cost, NULL), 1);
	assert_int_equal(cost, 5);
	assert_int_equal(mcf_flow(f, a), 1);
	assert_int_equal(mcf_flow(f, b), 0);
	/* An arc added since the solve has no flow yet, in either way. */
	c = mcf_arc(f, 0, 1, 1, 0);
	mcf_flows(f, fl);
	assert_int_equal(fl[a], 1);
	assert_int_equal(fl[b], 0);
	assert_int_equal(fl[c], 0);
	assert_int_equal(mcf_flow(f, c), 0);
	assert_int_equal(fl[5], -1);	/* past the arcs: untouched */
	mcf_free(f);
	mcf_free(NULL);
}

/* A random network of rng's: n nodes, every arc from a lower node to
 * a higher one (so no cycle, negative costs allowed), node 0 the
 * source and n - 1 the sink, with a costly arc from the source to the
 * sink so that every unit can always be sent. Arcs are recorded in
 * from, to, cap, cost (room for 4 n). Returns how many. */
static int
random_net(int n, int *from, int *to, int *cap, int64_t *cost)
{
	int na = 0, u, v;

	from[na] = 0;
	to[na] = n - 1;
	cap[na] = 6;
	cost[na++] = 50;
	for (u = 0; u < n - 1; u++)
		for (v = u + 1; v < n && na < 4 * n; v++)
			if (rnd(3) == 0) {
				from[na] = u;
				to[na] = v;
				cap[na] = rnd(3);
				cost[na++] = rnd(15) - 3;
			}
	return na;
}

static struct mcf *
net_new(int n, int na, const int *from, const int *to, const int *cap,
    const int64_t *cost, int bulk)
{
	struct mcf *f = mcf_new(n);
	int a;

	mcf_bulk(f, bulk);
	for (a = 0; a < na; a++)
		mcf_arc(f, from[a], to[a], cap[a], cost[a]);
	return f;
}

/* The flow of f over the na arcs recorded (nn nodes, sink t, sent
 * units) is feasible and conserved, and its potentials prove it
 * optimal: no arc with room left has a negative reduced cost, no arc
 * with flow a positive one (its reverse would be negative). */
static void
assert_optimal(const struct mcf *f, int nn, int t, int64_t sent, int na,
    const int *from, const int *to, const int *cap, const int64_t *cost)
{
	int64_t *bal = calloc((size_t)nn, sizeof(int64_t));
	int *all = calloc((size_t)mcf_narcs(f) + 1, sizeof(int));
	int a, v;

	assert_non_null(bal);
	assert_non_null(all);
	/* The flows in one pass, as the arcs one by one. */
	mcf_flows(f, all);
	for (a = 0; a < mcf_narcs(f); a++)
		assert_int_equal(all[a], mcf_flow(f, a));
	free(all);
	for (a = 0; a < na; a++) {
		int64_t rc = cost[a] + mcf_pot(f, from[a]) - mcf_pot(f, to[a]);

		assert_true(mcf_flow(f, a) >= 0);
		assert_true(mcf_flow(f, a) <= cap[a]);
		bal[from[a]] -= mcf_flow(f, a);
		bal[to[a]] += mcf_flow(f, a);
		if (mcf_flow(f, a) < cap[a])
			assert_true(rc >= 0);
		if (mcf_flow(f, a) > 0)
			assert_true(rc <= 0);
	}
	for (v = 1; v < nn; v++)
		if (v != t)
			assert_int_equal(bal[v], 0);
	assert_int_equal(bal[t], sent);
	free(bal);
}

/* f, in bulk, solved (again) toward t for want units: it sends and
 * costs what the same na arcs built anew and solved from zero do, and
 * its flow is optimal. Returns the units sent. */
static int64_t
assert_as_anew(struct mcf *f, int nn, int t, int64_t want, int na,
    const int *from, const int *to, const int *cap, const int64_t *cost)
{
	struct mcf *g = net_new(nn, na, from, to, cap, cost, 1);
	int64_t got, fresh, sent, sent0;

	sent = mcf_solve(f, 0, t, want, &got, NULL);
	sent0 = mcf_solve(g, 0, t, want, &fresh, NULL);
	assert_int_equal(sent, sent0);
	assert_int_equal(got, fresh);
	assert_optimal(f, nn, t, sent, na, from, to, cap, cost);
	mcf_free(g);
	return sent;
}

/* In bulk, one network solved toward one sink, then another, then the
 * first again: each costs what a network built anew costs (a flow
 * toward another sink is no place to start from, and the edges into
 * the sink the searches take first are another sink's). */
static void
test_other_sink(void **state)
{
	int seed;

	(void)state;
	for (seed = 1; seed <= 200; seed++) {
		int n, na, from[64], to[64], cap[64], k;
		int64_t cost[64];
		struct mcf *f;

		rng = (uint64_t)seed + 7000;
		n = 4 + rnd(10);
		na = random_net(n, from, to, cap, cost);
		f = net_new(n, na, from, to, cap, cost, 1);
		for (k = 0; k < 3; k++)
			assert_as_anew(f, n, k == 1 ? n - 2 : n - 1, 5, na,
			    from, to, cap, cost);
		mcf_free(f);
	}
}

/* In bulk, solving again starts from the last flow and repairs it: after
 * arcs are changed (capacities cut or raised, costs up or down, some
 * made negative) and added, and nodes added with arcs in and out (as
 * column generation does), its cost is that of a network built anew
 * and solved from zero, and the flow is feasible and conserved. */
static void
test_warm_resolve(void **state)
{
	int seed;

	(void)state;
	for (seed = 1; seed <= 300; seed++) {
		int n, nn, t, na, from[64], to[64], cap[64], round, a, k, v, x;
		int64_t cost[64], warm;
		struct mcf *f;

		rng = (uint64_t)seed;
		nn = n = 3 + rnd(12);
		t = n - 1;
		na = random_net(n, from, to, cap, cost);
		f = net_new(n, na, from, to, cap, cost, 1);
		mcf_solve(f, 0, t, 6, &warm, NULL);
		for (round = 0; round < 4; round++) {
			for (k = rnd(4); k >= 0; k--) {
				a = rnd(na);
				cap[a] = rnd(3);
				cost[a] = rnd(15) - 3;
				mcf_set(f, a, cap[a], cost[a]);
			}
			if (round == 2 && na < 60) {	/* an arc added */
				from[na] = rnd(n - 1);
				to[na] = from[na] + 1 + rnd(n - 1 - from[na]);
				cap[na] = 1 + rnd(2);
				cost[na] = rnd(15) - 3;
				mcf_arc(f, from[na], to[na], cap[na], cost[na]);
				na++;
			}
			/* Nodes added, each with an arc in and one out: the
			 * first from x < t, the next from the one before, each
			 * out to some y, x < y <= t (no cycle: old arcs go
			 * up). */
			for (k = round == 1 ? 1 + rnd(2) : 0, x = -1; k > 0 &&
			    na < 60; k--) {
				v = mcf_node(f);
				assert_int_equal(v, nn);
				nn++;
				if (x < 0)
					x = rnd(t);
				from[na] = x >= 0 && v > n ? v - 1 : x;
				to[na] = v;
				cap[na] = 1 + rnd(2);
				cost[na] = rnd(15) - 8;
				mcf_arc(f, from[na], to[na], cap[na], cost[na]);
				na++;
				from[na] = v;
				to[na] = x + 1 + rnd(t - x);
				cap[na] = 1 + rnd(2);
				cost[na] = rnd(15) - 3;
				mcf_arc(f, from[na], to[na], cap[na], cost[na]);
				na++;
			}
			assert_as_anew(f, nn, t, 6, na, from, to, cap, cost);
		}
		mcf_free(f);
	}
}

/*
 * Staffing's network, the way branch-and-bound changes it: jobs (seat
 * groups) to a node per worker and job (person-in-exercise) to the
 * worker (person) to the sink through convex load arcs, with many
 * costs alike. Holders are banned and bans lifted, solving again each
 * time: the shortage a ban leaves at a worker's node goes back to the
 * sink along the worker's load (mcf.c, shortage_to_sink()) and searches go
 * straight to the sink where they can (to_sink_edge()). The flow must
 * still be optimal, its cost that of the same network solved anew.
 */
#define BW 6
#define BJ 9
#define BA (2 * BJ + 3 * BW * BJ + 3 * BW)

static void
test_warm_bans(void **state)
{
	int seed;

	(void)state;
	for (seed = 1; seed <= 300; seed++) {
		int nw, nj, nn, na = 0, w, j, k, a, round, ban;
		int from[BA], to[BA], cap[BA], cand[BW * BJ], nc = 0;
		int64_t cost[BA], warm;
		struct mcf *f;

		rng = (uint64_t)seed;
		nw = 2 + rnd(BW - 1);
		nj = 2 + rnd(BJ - 1);
		nn = 2 + nj + nw;
#define ARC(u, v, c, k) (from[na] = (u), to[na] = (v), cap[na] = (c), \
		cost[na] = (k), na++)
		for (j = 0; j < nj; j++) {
			ARC(0, 2 + j, 1, 0);
			ARC(2 + j, 1, 1, 20 + rnd(20));
		}
		for (w = 0; w < nw; w++)
			for (j = 0; j < nj; j++)
				if (rnd(3) > 0) {	/* via its own node */
					cand[nc++] = na;
					ARC(2 + j, nn, 1, rnd(3));
					ARC(nn, 2 + nj + w, 1, 0);
					nn++;
				}
		for (w = 0; w < nw; w++)
			for (k = 1, a = 1 + rnd(3); k <= a; k++)
				ARC(2 + nj + w, 1, 1, 2 * k - 1);
#undef ARC
		f = net_new(nn, na, from, to, cap, cost, 1);
		mcf_solve(f, 0, 1, nj, &warm, NULL);
		for (round = 0; round < 6 && nc > 0; round++) {
			for (k = 1 + rnd(3); k > 0; k--) {
				a = cand[rnd(nc)];
				ban = mcf_flow(f, a) > 0 || rnd(2) == 0;
				cap[a] = ban ? 0 : 1;
				mcf_set(f, a, cap[a], cost[a]);
			}
			assert_int_equal(assert_as_anew(f, nn, 1, nj, na, from,
			    to, cap, cost), nj);
		}
		mcf_free(f);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_against_brute_force),
		cmocka_unit_test(test_resolve),
		cmocka_unit_test(test_warm_resolve),
		cmocka_unit_test(test_other_sink),
		cmocka_unit_test(test_warm_bans),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
