/* mcf.h: minimum-cost flow by successive shortest paths, the exact core of role assignment. */
#ifndef PLANNER_MCF_H
#define PLANNER_MCF_H

#include <stddef.h>
#include <stdint.h>

/*
 * A directed network with integer capacities and integer costs (which
 * may be negative, as long as the arcs with capacity form no cycle of
 * negative cost). Convex costs are written as parallel unit arcs of
 * increasing cost. The solver is deterministic: the same network built
 * in the same order gives the same flow.
 */
struct mcf;

/* An empty network of nnodes nodes numbered 0..nnodes-1; free with
 * mcf_free(). This function can't fail. */
struct mcf *mcf_new(int nnodes);
void mcf_free(struct mcf *f);	/* NULL is a no-op */

/* Add a node; returns its number. Can't fail. */
int mcf_node(struct mcf *f);

/* Add an arc from -> to with capacity cap >= 0 and a cost per unit;
 * returns its number, counted from 0 in the order added. Can't fail. */
int mcf_arc(struct mcf *f, int from, int to, int cap, int64_t cost);

/*
 * Solve in bulk (on) or path by path (off, the default). In bulk each
 * search for shortest paths stops at the nearest node short of flow and
 * every shortest path then found is used before searching again, and a
 * solve after the first costs what changed since, not the network's
 * size: many times faster on large networks; path by path, equal-cost optima are broken by node number
 * the way planner always has, which small plans keep. Either way the
 * flow is of minimum cost.
 */
void mcf_bulk(struct mcf *f, int on);

/* Change an arc's capacity or cost before the next solve (in bulk, the
 * next solve looks at the arcs changed this way and those added). */
void mcf_set(struct mcf *f, int arc, int cap, int64_t cost);

int mcf_nnodes(const struct mcf *f);
int mcf_narcs(const struct mcf *f);
int mcf_arc_from(const struct mcf *f, int arc);
int mcf_arc_to(const struct mcf *f, int arc);
int mcf_arc_cap(const struct mcf *f, int arc);
int64_t mcf_arc_cost(const struct mcf *f, int arc);

/*
 * Send up to want units from s to t at least cost. Path by path, it
 * starts from zero flow (earlier flows are discarded). In bulk, after
 * a solve that sent all it wanted, the next solve with the same s, t
 * and want starts from that flow and repairs it where arcs were changed
 * or arcs and nodes added since (branch-and-bound changes a few of
 * millions, column generation adds some); it may then pick another of
 * several flows of equal cost than a solve from zero would, the same
 * one on every run.
 * Returns the units sent; *cost receives their total cost. *work (may
 * be NULL) is increased by the number of arcs examined, a
 * machine-independent measure of effort. The flow is of minimum cost
 * among all flows of that value.
 */
int64_t mcf_solve(struct mcf *f, int s, int t, int64_t want, int64_t *cost,
    uint64_t *work);

/* Flow on an arc after mcf_solve(). */
int mcf_flow(const struct mcf *f, int arc);

/* The flow on every arc, into flow[0..mcf_narcs()), in one pass over
 * the edges: asking mcf_flow() of many arcs in turn is a cache miss
 * each on a large network. This function can't fail. */
void mcf_flows(const struct mcf *f, int *flow);

/*
 * Node v's potential after a solve in bulk: every arc u -> v with room
 * left has cost + pot(u) - pot(v) >= 0 (its reduced cost), which is
 * what proves the flow optimal. An arc that would have a negative
 * reduced cost is one whose addition could lower the cost (column
 * generation prices arcs not yet added so). 0 for a node added since
 * the last solve. Can't fail.
 */
int64_t mcf_pot(const struct mcf *f, int v);

#endif
