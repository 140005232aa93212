/* mcf.c: minimum-cost flow by successive shortest paths, the exact core of role assignment. */
#include "mcf.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

#define INF INT64_MAX

/*
 * Arc i is edge 2i (forward) and edge 2i+1 (its residual reverse). The
 * solver walks a node's edges far more than anything else, so the
 * edges are kept packed by the node they leave (first[v] up to
 * first[v + 1]), each node's newest first: read in order, not chased
 * through memory one cache miss per edge. Arcs added since the last
 * solve wait in the arc arrays until pack() makes room for them.
 *
 * A packed edge holds only what the searches read, 16 bytes: its
 * number, from which its tail and reverse follow, is beside it in eid.
 * At L (560,000 edges) the searches wait on memory more than they
 * compute, mostly for each node's edges; with the number and the
 * reverse's place in it an edge was 24 bytes, and the searches missed
 * the cache a sixth more often (callgrind, simulating a 1 MiB cache).
 */
struct edge {
	int64_t cost;
	int to;
	int cap;		/* residual capacity */
};

struct mcf {
	int nnodes;
	/* Arcs as added and set, by number. */
	int *afrom, *ato, *cap0;
	int64_t *acost;
	size_t narcs, arccap;
	/* Packed edges, for the arcs numbered below npacked. */
	struct edge *pk;
	int *eid;		/* [place in pk]: its edge number */
	int *first;		/* [nnodes + 1] */
	int *pos;		/* [edge number]: its place in pk */
	size_t npacked, packed_nn;
	/* pack() builds the new pk and pos beside the old and keeps the
	 * old for the next: at L it runs before most solves, and fresh
	 * megabytes each time had the kernel clearing pages for them. */
	size_t pkcap, eidcap, poscap;
	struct edge *old_pk;
	int *old_eid, *old_pos;
	size_t old_pkcap, old_eidcap, old_poscap;
	/* Scratch for one solve. */
	int64_t *pot, *dist;
	int *prev;		/* edge into each node on the shortest path */
	int *mark, *iter;	/* augment_round(): node state, next arc */
	/* In bulk, work in proportion to what a solve touches, not to
	 * the network: a stamp says which nodes' dist and mark belong to
	 * the current search or round; the nodes with supply are listed,
	 * and so are the arcs mcf_set() changed since the last solve. */
	unsigned *dseen, *aseen, dstamp, astamp;
	struct ivec { int *v; size_t n, cap; } src, popped, dirty, level, path,
	    lack;
	/* popped: the nodes the last search settled short of the
	 * shortage; level: those it settled without the heap (relax());
	 * path: the edges of the path find_path() is building. */
	char *isdirty;		/* [arc] */
	struct heap *heap;	/* kept from solve to solve (heap_room) */
	int bulk;		/* see mcf_bulk() */
	/* The last solve in bulk, which the next may start from: its
	 * flow is in the residual capacities, its potentials in pot. */
	int warm, warm_s, warm_t;
	int64_t warm_want;
	size_t warm_na;		/* arcs when it ended */
	int64_t *excess;	/* supply not yet sent, per node */
	size_t warm_nn;
	/* This solve's t, and the edge straight to it of each node met
	 * in the round tseen says (to_sink_edge()). */
	int sink;
	int *tsk;
	unsigned *tseen;
};

static void heap_free(struct heap *h);

struct mcf *
mcf_new(int nnodes)
{
	struct mcf *f = xcalloc(1, sizeof(*f));
	int i;

	for (i = 0; i < nnodes; i++)
		mcf_node(f);
	return f;
}

void
mcf_free(struct mcf *f)
{
	if (f == NULL)
		return;
	free(f->afrom);
	free(f->ato);
	free(f->cap0);
	free(f->acost);
	free(f->pk);
	free(f->eid);
	free(f->old_eid);
	free(f->first);
	free(f->pos);
	free(f->old_pk);
	free(f->old_pos);
	free(f->pot);
	free(f->dist);
	free(f->prev);
	free(f->mark);
	free(f->iter);
	free(f->excess);
	free(f->dseen);
	free(f->aseen);
	free(f->tsk);
	free(f->tseen);
	free(f->src.v);
	free(f->popped.v);
	free(f->level.v);
	free(f->path.v);
	free(f->lack.v);
	free(f->dirty.v);
	free(f->isdirty);
	heap_free(f->heap);
	free(f);
}

int
mcf_node(struct mcf *f)
{
	return f->nnodes++;
}

int
mcf_arc(struct mcf *f, int from, int to, int cap, int64_t cost)
{
	size_t n = f->narcs;

	if (n == f->arccap) {
		f->arccap = n < 64 ? 64 : 2 * n;
		f->afrom = xreallocarray(f->afrom, f->arccap, sizeof(int));
		f->ato = xreallocarray(f->ato, f->arccap, sizeof(int));
		f->cap0 = xreallocarray(f->cap0, f->arccap, sizeof(int));
		f->acost = xreallocarray(f->acost, f->arccap,
		    sizeof(int64_t));
		f->isdirty = xreallocarray(f->isdirty, f->arccap, 1);
	}
	f->afrom[n] = from;
	f->ato[n] = to;
	f->cap0[n] = cap;
	f->acost[n] = cost;
	f->isdirty[n] = 0;
	return (int)f->narcs++;
}

/* The packed edge of arc i (back: its reverse), or NULL while the arc
 * waits for pack(). */
static struct edge *
edge_of(const struct mcf *f, size_t i, int back)
{
	return i < f->npacked ? &f->pk[f->pos[2 * i + (back ? 1 : 0)]] :
	    NULL;
}

/* Buffer p of *cap elements, with room for n: its contents are not
 * kept. It grows by a quarter at least, so that the arcs a few solves
 * add fit without another. */
static void *
room(void *p, size_t *cap, size_t n, size_t size)
{
	if (n <= *cap)
		return p;
	free(p);
	*cap = n > *cap + *cap / 4 ? n : *cap + *cap / 4;
	return xreallocarray(NULL, *cap, size);
}

/* The edges of the arcs added since the last packing, at their
 * capacity with no flow, first in their nodes (from fill[v] on, which
 * they advance), newest first. */
static void
pack_new(struct mcf *f, struct edge *pk, int *eid, int *pos, int *fill)
{
	size_t ne = 2 * f->narcs, id, a;
	int v;

	for (id = ne; id-- > 2 * f->npacked;) {
		struct edge *e;

		a = id / 2;
		v = id & 1 ? f->ato[a] : f->afrom[a];
		pos[id] = fill[v]++;
		e = &pk[pos[id]];
		e->to = id & 1 ? f->afrom[a] : f->ato[a];
		e->cap = id & 1 ? 0 : f->cap0[a];
		e->cost = id & 1 ? -f->acost[a] : f->acost[a];
		eid[pos[id]] = (int)id;
	}
}

/* The edges packed before, with their residual capacity, after the new
 * ones of their nodes (from fill[v] on) in the order they had: read in
 * order, not gathered from all over the old array (that was most of
 * packing at L). */
static void
pack_old(struct mcf *f, struct edge *pk, int *eid, int *pos,
    const int *fill)
{
	const int *of = f->first;
	int v, q, np;

	for (v = 0; (size_t)v < f->packed_nn; v++)
		for (q = of[v]; q < of[v + 1]; q++) {
			np = fill[v] + (q - of[v]);
			pk[np] = f->pk[q];
			eid[np] = f->eid[q];
			pos[eid[np]] = np;
		}
}

/*
 * Every arc and node into pk, the edges of the arcs packed before
 * keeping their residual capacity, new ones at their capacity with no
 * flow. Within a node, newest edge first: the order a linked list of
 * edges pushed at its head gave, which planner's tie-breaking (and so
 * its plans) came from. Costs what the network holds; called only
 * when arcs or nodes were added.
 */
static void
pack(struct mcf *f)
{
	size_t ne = 2 * f->narcs, n = (size_t)f->nnodes, a, c;
	struct edge *pk = room(f->old_pk, &f->old_pkcap, ne + 1,
	    sizeof(*pk));
	int *eid = room(f->old_eid, &f->old_eidcap, ne + 1, sizeof(int));
	int *first = xcalloc(n + 1, sizeof(int));
	int *pos = room(f->old_pos, &f->old_poscap, ne + 1, sizeof(int));
	int *fill = xreallocarray(NULL, n + 1, sizeof(int));
	int v;

	for (a = f->npacked; a < f->narcs; a++) {
		first[f->afrom[a] + 1]++;
		first[f->ato[a] + 1]++;
	}
	for (v = 0; (size_t)v < f->packed_nn; v++)
		first[v + 1] += f->first[v + 1] - f->first[v];
	for (v = 0; (size_t)v < n; v++) {
		first[v + 1] += first[v];
		fill[v] = first[v];
	}
	pack_new(f, pk, eid, pos, fill);
	if (f->npacked > 0)
		pack_old(f, pk, eid, pos, fill);
	free(f->first);
	free(fill);
	f->old_pk = f->pk;
	f->old_eid = f->eid;
	f->old_pos = f->pos;
	c = f->old_pkcap;
	f->old_pkcap = f->pkcap;
	f->pkcap = c;
	c = f->old_eidcap;
	f->old_eidcap = f->eidcap;
	f->eidcap = c;
	c = f->old_poscap;
	f->old_poscap = f->poscap;
	f->poscap = c;
	f->pk = pk;
	f->eid = eid;
	f->first = first;
	f->pos = pos;
	f->npacked = f->narcs;
	f->packed_nn = n;
}

void
mcf_bulk(struct mcf *f, int on)
{
	f->bulk = on;
}

void
mcf_set(struct mcf *f, int arc, int cap, int64_t cost)
{
	struct edge *fw = edge_of(f, (size_t)arc, 0);

	f->cap0[arc] = cap;
	f->acost[arc] = cost;
	if (fw != NULL) {
		fw->cost = cost;
		edge_of(f, (size_t)arc, 1)->cost = -cost;
	}
	if (!f->isdirty[arc]) {
		f->isdirty[arc] = 1;
		VEC_PUSH(f->dirty.v, f->dirty.n, f->dirty.cap) = arc;
	}
}

static void
ivec_add(struct ivec *l, int x)
{
	VEC_PUSH(l->v, l->n, l->cap) = x;
}

/* A fresh stamp; when the counter wraps, every mark is cleared. */
static unsigned
next_stamp(unsigned *stamp, unsigned *seen, size_t n)
{
	if (++*stamp == 0) {
		memset(seen, 0, n * sizeof(unsigned));
		*stamp = 1;
	}
	return *stamp;
}

int
mcf_nnodes(const struct mcf *f)
{
	return f->nnodes;
}

int
mcf_narcs(const struct mcf *f)
{
	return (int)f->narcs;
}

int
mcf_arc_from(const struct mcf *f, int arc)
{
	return f->afrom[arc];
}

int
mcf_arc_to(const struct mcf *f, int arc)
{
	return f->ato[arc];
}

int
mcf_arc_cap(const struct mcf *f, int arc)
{
	return f->cap0[arc];
}

int64_t
mcf_arc_cost(const struct mcf *f, int arc)
{
	return f->acost[arc];
}

int
mcf_flow(const struct mcf *f, int arc)
{
	const struct edge *bw = edge_of(f, (size_t)arc, 1);

	return bw != NULL ? bw->cap : 0;
}

void
mcf_flows(const struct mcf *f, int *flow)
{
	size_t i;

	for (i = 0; i < f->narcs; i++)
		flow[i] = 0;
	for (i = 0; i < 2 * f->npacked; i++)
		if (f->eid[i] & 1)
			flow[f->eid[i] >> 1] = f->pk[i].cap;
}

/*
 * Potentials for the first search: shortest distances from s over the
 * arcs with capacity, by Bellman-Ford with a FIFO queue, so that
 * negative costs are allowed. Path by path, unreached nodes keep 0;
 * they can never be reached by this solve, as augmenting only adds
 * reverse arcs between reached nodes. In bulk, a later solve starts
 * from this one's potentials and re-checks only the arcs changed or
 * added, which may make any node reachable: the distances are then
 * from every node at once (each starts at 0), valid on every arc.
 */
static void
init_potentials(struct mcf *f, int s, uint64_t *work)
{
	int *queue = xcalloc((size_t)f->nnodes + 1, sizeof(int));
	char *inq = xcalloc((size_t)f->nnodes, 1);
	size_t qh = 0, qn = 0, len = (size_t)f->nnodes + 1, k;
	int v, i;

	/* No arc of negative cost: zero potentials will do, and a
	 * search over the whole network is saved. */
	for (k = 0; f->bulk && k < f->narcs && (f->cap0[k] <= 0 ||
	    f->acost[k] >= 0); k++)
		;
	(*work) += k;
	if (f->bulk && k >= f->narcs) {
		free(queue);
		free(inq);
		return;		/* pot is all zeros after reset_flow */
	}

	for (v = 0; v < f->nnodes; v++) {
		f->dist[v] = f->bulk ? 0 : INF;
		if (f->bulk || v == s) {
			queue[qn++ % len] = v;
			inq[v] = 1;
		}
	}
	f->dist[s] = 0;
	while (qh != qn) {
		v = queue[qh++ % len];
		inq[v] = 0;
		for (i = f->first[v]; i < f->first[v + 1]; i++) {
			const struct edge *ed = &f->pk[i];

			(*work)++;
			if (ed->cap <= 0 || f->dist[v] + ed->cost >=
			    f->dist[ed->to])
				continue;
			f->dist[ed->to] = f->dist[v] + ed->cost;
			if (!inq[ed->to]) {
				inq[ed->to] = 1;
				queue[qn++ % len] = ed->to;
			}
		}
	}
	for (v = 0; v < f->nnodes; v++)
		f->pot[v] = f->dist[v] == INF ? 0 : f->dist[v];
	free(queue);
	free(inq);
}

/* A binary heap of (distance, node), smallest first, ties by node,
 * holding each node once (pos: where, or -1), its key lowered in place:
 * room for the nodes, not for every arc relaxed, which on a network of
 * millions of arcs is hundreds of megabytes. Nodes come off in the
 * order a heap of every relaxation would give, skipping stale ones;
 * a node's key is always its dist, so none comes off stale. */
struct heap {
	int64_t *d;
	int *v;
	int *pos;		/* [node] */
	size_t n, cap;
};

static void
heap_free(struct heap *h)
{
	if (h == NULL)
		return;
	free(h->d);
	free(h->v);
	free(h->pos);
	free(h);
}

/* Empty it; only the nodes still in it need forgetting. */
static void
heap_clear(struct heap *h)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		h->pos[h->v[i]] = -1;
	h->n = 0;
}

/* The network's heap, empty, with room for every node: kept from one
 * solve to the next (a new one per solve had the kernel clear pages of
 * megabytes for each of thousands of solves at L). */
static struct heap *
heap_room(struct mcf *f)
{
	struct heap *h = f->heap;
	size_t n = (size_t)f->nnodes + 1;

	if (h == NULL)
		h = f->heap = xcalloc(1, sizeof(*h));
	if (h->cap < n) {
		h->d = xreallocarray(h->d, n, sizeof(int64_t));
		h->v = xreallocarray(h->v, n, sizeof(int));
		h->pos = xreallocarray(h->pos, n, sizeof(int));
		for (; h->cap < n; h->cap++)
			h->pos[h->cap] = -1;
	}
	heap_clear(h);
	return h;
}

static int
heap_less(const struct heap *h, size_t a, size_t b)
{
	return h->d[a] < h->d[b] || (h->d[a] == h->d[b] && h->v[a] < h->v[b]);
}

static void
heap_swap(struct heap *h, size_t a, size_t b)
{
	int64_t td = h->d[a];
	int tv = h->v[a];

	h->d[a] = h->d[b];
	h->v[a] = h->v[b];
	h->d[b] = td;
	h->v[b] = tv;
	h->pos[h->v[a]] = (int)a;
	h->pos[h->v[b]] = (int)b;
}

/* Insert v at d, or lower its key to d. */
static void
heap_push(struct heap *h, int64_t d, int v)
{
	size_t i;

	if (h->pos[v] >= 0)
		i = (size_t)h->pos[v];
	else {
		i = h->n++;
		h->v[i] = v;
		h->pos[v] = (int)i;
	}
	h->d[i] = d;
	while (i > 0 && heap_less(h, i, (i - 1) / 2)) {
		heap_swap(h, i, (i - 1) / 2);
		i = (i - 1) / 2;
	}
}

static void
heap_pop(struct heap *h, int64_t *d, int *v)
{
	size_t i = 0, c;

	*d = h->d[0];
	*v = h->v[0];
	h->pos[*v] = -1;
	h->n--;
	h->d[0] = h->d[h->n];
	h->v[0] = h->v[h->n];
	if (h->n > 0)
		h->pos[h->v[0]] = 0;
	for (;;) {
		c = 2 * i + 1;
		if (c >= h->n)
			break;
		if (c + 1 < h->n && heap_less(h, c + 1, c))
			c++;
		if (!heap_less(h, c, i))
			break;
		heap_swap(h, i, c);
		i = c;
	}
}

/* Node v's distance in the current search (INF: not reached). */
static int64_t
dist_of(const struct mcf *f, int v)
{
	return f->dseen[v] == f->dstamp ? f->dist[v] : INF;
}

static void
new_search(struct mcf *f, struct heap *h)
{
	next_stamp(&f->dstamp, f->dseen, (size_t)f->nnodes);
	heap_clear(h);
}

static void
reach(struct mcf *f, struct heap *h, int v, int64_t d, int prev)
{
	f->dseen[v] = f->dstamp;
	f->dist[v] = d;
	f->prev[v] = prev;
	heap_push(h, d, v);
}

/*
 * Dijkstra's step from v, at distance d, along every arc with room.
 * With level (in bulk), a node first reached at d itself, over an arc
 * of zero reduced cost (the plateaus of people who cost the same), is
 * settled already, as nothing left is nearer: it goes on level, not
 * through the heap, whose sifting was a tenth of L's staffing. The
 * distances, so the potentials, are Dijkstra's; without level the
 * order nodes are settled in, which path by path decides the path
 * among equals, is the heap's.
 */
static void
relax(struct mcf *f, struct heap *h, int v, int64_t d, uint64_t *work,
    struct ivec *level)
{
	int i;

	for (i = f->first[v]; i < f->first[v + 1]; i++) {
		const struct edge *ed = &f->pk[i];
		int64_t nd;

		(*work)++;
		if (ed->cap <= 0)
			continue;
		nd = d + ed->cost + f->pot[v] - f->pot[ed->to];
		if (nd >= dist_of(f, ed->to))
			continue;
		if (level != NULL && nd == d && h->pos[ed->to] < 0) {
			f->dseen[ed->to] = f->dstamp;
			f->dist[ed->to] = d;
			f->prev[ed->to] = i;
			ivec_add(level, ed->to);
		} else
			reach(f, h, ed->to, nd, i);
	}
}

/* Dijkstra on reduced costs from s, over the whole network (path by
 * path); returns whether t was reached. */
static int
shortest_path(struct mcf *f, int s, int t, struct heap *h, uint64_t *work)
{
	int64_t d;
	int v;

	new_search(f, h);
	reach(f, h, s, 0, -1);
	while (h->n > 0) {
		heap_pop(h, &d, &v);
		relax(f, h, v, d, work, NULL);
	}
	return dist_of(f, t) != INF;
}

/* The node packed edge i leaves. */
static int
tail(const struct mcf *f, int i)
{
	int id = f->eid[i];

	return id & 1 ? f->ato[id / 2] : f->afrom[id / 2];
}

/* The place in pk of packed edge i's reverse. */
static int
rev(const struct mcf *f, int i)
{
	return f->pos[f->eid[i] ^ 1];
}

/* amt units more along packed edge i. */
static void
push_edge(struct mcf *f, int i, int amt)
{
	f->pk[i].cap -= amt;
	f->pk[rev(f, i)].cap += amt;
}

/* Push as much as the path prev[] leads from s to t and the wish
 * allow; returns the units. *cost (may be NULL) gains their cost. */
static int64_t
augment(struct mcf *f, int s, int t, int64_t want, int64_t *cost)
{
	int64_t amt = want;
	int v;

	for (v = t; v != s; v = tail(f, f->prev[v]))
		if (f->pk[f->prev[v]].cap < amt)
			amt = f->pk[f->prev[v]].cap;
	for (v = t; v != s; v = tail(f, f->prev[v])) {
		push_edge(f, f->prev[v], (int)amt);
		if (cost != NULL)
			*cost += amt * f->pk[f->prev[v]].cost;
	}
	return amt;
}

static void
reset_flow(struct mcf *f)
{
	size_t i;

	for (i = 0; i < 2 * f->narcs; i++)
		f->pk[i].cap = f->eid[i] & 1 ? 0 : f->cap0[f->eid[i] / 2];
	free(f->pot);
	free(f->dist);
	free(f->prev);
	free(f->mark);
	free(f->iter);
	free(f->excess);
	f->excess = xcalloc((size_t)f->nnodes + 1, sizeof(int64_t));
	f->pot = xcalloc((size_t)f->nnodes, sizeof(int64_t));
	f->dist = xcalloc((size_t)f->nnodes, sizeof(int64_t));
	f->prev = xcalloc((size_t)f->nnodes, sizeof(int));
	f->mark = xcalloc((size_t)f->nnodes + 1, sizeof(int));
	f->iter = xcalloc((size_t)f->nnodes + 1, sizeof(int));
	free(f->dseen);
	free(f->aseen);
	free(f->tsk);
	free(f->tseen);
	f->dseen = xcalloc((size_t)f->nnodes + 1, sizeof(unsigned));
	f->aseen = xcalloc((size_t)f->nnodes + 1, sizeof(unsigned));
	f->tsk = xcalloc((size_t)f->nnodes + 1, sizeof(int));
	f->tseen = xcalloc((size_t)f->nnodes + 1, sizeof(unsigned));
	f->dstamp = f->astamp = 0;
	for (i = 0; i < f->dirty.n; i++)
		f->isdirty[f->dirty.v[i]] = 0;
	f->dirty.n = 0;
	f->src.n = 0;
	f->lack.n = 0;
}

/* An arc of the residual network on a shortest path: capacity left
 * and zero reduced cost. */
static int
admissible(const struct mcf *f, int v, const struct edge *ed)
{
	return ed->cap > 0 && ed->cost + f->pot[v] - f->pot[ed->to] == 0;
}

/*
 * In bulk, flow goes from the nodes with supply left (excess > 0: s
 * alone when solving from zero) to the nodes short of it (excess < 0:
 * t alone), phase by phase: Dijkstra on reduced costs from every
 * supply to the nearest shortage, potentials raised by the distances
 * capped at that one's (the search stopped there; every residual
 * reduced cost stays >= 0), then flow along the arcs of zero reduced
 * cost (augment_round()). Returns the distance of that nearest shortage,
 * or INF when no shortage can be reached.
 */
static int64_t
nearest_shortage(struct mcf *f, struct heap *h, uint64_t *work)
{
	int64_t d;
	size_t i;
	int v;

	new_search(f, h);
	f->popped.n = 0;
	f->level.n = 0;
	for (i = 0; i < f->src.n; i++)
		if (f->excess[f->src.v[i]] > 0)
			reach(f, h, f->src.v[i], 0, -1);
	while (h->n > 0) {
		heap_pop(h, &d, &v);
		for (;;) {
			if (f->excess[v] < 0)
				return d;
			ivec_add(&f->popped, v);
			relax(f, h, v, d, work, &f->level);
			if (f->level.n == 0)
				break;
			v = f->level.v[--f->level.n];
		}
	}
	return INF;
}

/*
 * Send supply to shortages along admissible arcs, depth first from each
 * supply in turn, each node's arcs tried in turn (iter; a path pushed
 * may send it back, push_path()): a node from which no shortage was
 * found is dead for the round, a node on a path found is free again.
 * Paths of zero reduced cost may be long chains of people displacing
 * people (Dinic's rounds, one per path length, each over the whole
 * network, were most of the work on large plans); a round ends with
 * every supply stuck, maybe short of all it could send, and phases()
 * then searches again. A round sends something whenever some shortage
 * can be reached: a supply whose search fails reaches none, so neither
 * does any node it marked dead. Returns the units sent.
 */
enum { FREE, ON_PATH, DEAD };

/* Node v's state in this round, first met: free, its first arc next. */
static int
state(struct mcf *f, int v)
{
	if (f->aseen[v] != f->astamp) {
		f->aseen[v] = f->astamp;
		f->mark[v] = FREE;
		f->iter[v] = f->first[v];
	}
	return f->mark[v];
}

/*
 * An admissible edge from v straight to the sink while the sink is
 * short, or -1. Every path to the sink is as good as any other (all
 * are of zero reduced cost), but the first edge in order often leads
 * into chains of people displacing people, and the search through
 * most of the network's nodes, when a person with room could have
 * sent the unit to the sink at once: tried first, that edge ends the
 * path there. Looked for once a round per node, which is met again
 * and again in a round (a seat group has hundreds of edges).
 */
static int
to_sink_edge(struct mcf *f, int v, uint64_t *work)
{
	int i;

	if (f->excess[f->sink] >= 0 || v == f->sink)
		return -1;
	if (f->tseen[v] != f->astamp) {
		f->tseen[v] = f->astamp;
		f->tsk[v] = -1;
		for (i = f->first[v]; i < f->first[v + 1]; i++) {
			(*work)++;
			if (f->pk[i].to == f->sink &&
			    admissible(f, v, &f->pk[i])) {
				f->tsk[v] = i;
				break;
			}
		}
	}
	i = f->tsk[v];
	return i >= 0 && admissible(f, v, &f->pk[i]) ? i : -1;
}

/* A path from src up to a shortage, its edges in f->path, or -1 (src
 * is then dead); straight to the sink from a node that can go there
 * (to_sink_edge()). A step back is to the head of the path's edge before:
 * an edge just read, where finding the tail of the edge into the node
 * was a cache miss for each of L's tens of millions of steps back. */
static int
find_path(struct mcf *f, int src, uint64_t *work)
{
	int v = src, i;

	f->path.n = 0;
	f->mark[src] = ON_PATH;
	if ((i = to_sink_edge(f, v, work)) >= 0) {
		ivec_add(&f->path, i);
		return f->sink;
	}
	while (f->excess[v] >= 0) {
		for (i = f->iter[v]; i < f->first[v + 1]; i++) {
			(*work)++;
			if (admissible(f, v, &f->pk[i]) &&
			    state(f, f->pk[i].to) == FREE)
				break;
		}
		f->iter[v] = i;
		if (i < f->first[v + 1]) {	/* one step on */
			ivec_add(&f->path, i);
			v = f->pk[i].to;
			f->mark[v] = ON_PATH;
			if (f->excess[v] >= 0 &&
			    (i = to_sink_edge(f, v, work)) >= 0) {
				ivec_add(&f->path, i);
				return f->sink;
			}
			continue;
		}
		f->mark[v] = DEAD;	/* one step back */
		if (v == src)
			return -1;
		f->path.n--;
		v = f->path.n > 0 ? f->pk[f->path.v[f->path.n - 1]].to : src;
	}
	return v;
}

/*
 * Push up to want units along f->path, as its capacities allow, and
 * free its nodes for the next path; returns the units. Each edge
 * pushed along opens its reverse, of zero reduced cost, out of the
 * node it enters: the way back for a unit a later path displaces. If
 * that node's search had passed the reverse, it goes back to it. Left
 * behind, such edges were found only by another search and another
 * round (Dinic's levels rule them out; here there are none): 28 of
 * the 95 rounds of L's solve from zero, each over most of the network.
 */
static int64_t
push_path(struct mcf *f, int src, int64_t want)
{
	int64_t amt = want;
	size_t k;
	int e, r, v;

	for (k = 0; k < f->path.n; k++)
		if (f->pk[f->path.v[k]].cap < amt)
			amt = f->pk[f->path.v[k]].cap;
	for (k = 0; k < f->path.n; k++) {
		e = f->path.v[k];
		push_edge(f, e, (int)amt);
		v = f->pk[e].to;
		f->mark[v] = FREE;
		if ((r = rev(f, e)) < f->iter[v])
			f->iter[v] = r;
	}
	f->mark[src] = FREE;
	return amt;
}

static int64_t
augment_round(struct mcf *f, uint64_t *work)
{
	int64_t sent = 0, amt;
	size_t k;
	int src, v;

	/* tseen shares the round's stamp: cleared with aseen. */
	if (next_stamp(&f->astamp, f->aseen, (size_t)f->nnodes) == 1)
		memset(f->tseen, 0, (size_t)f->nnodes * sizeof(unsigned));
	for (k = 0; k < f->src.n; k++) {
		src = f->src.v[k];
		while (f->excess[src] > 0 && state(f, src) != DEAD &&
		    (v = find_path(f, src, work)) >= 0) {
			amt = push_path(f, src, f->excess[src] <
			    -f->excess[v] ? f->excess[src] : -f->excess[v]);
			f->excess[src] -= amt;
			f->excess[v] += amt;
			sent += amt;
		}
	}
	return sent;
}

/*
 * Until no supply can reach a shortage. Potentials: the nodes searched
 * nearer than the nearest shortage come nearer by the difference (the
 * same as raising every other one by its distance, less work). A round
 * that sent something may have left paths of zero reduced cost: the
 * search then finds a shortage at distance 0, the potentials stay, and
 * the next round sends again. Another round at once instead would,
 * when it finds nothing, examine every node the supplies reach before
 * the search examined them again (7% of L's work in the flow).
 */
static void
phases(struct mcf *f, struct heap *h, uint64_t *work)
{
	int64_t d;
	size_t i;
	int v;

	for (;;) {
		(void)augment_round(f, work);
		if ((d = nearest_shortage(f, h, work)) == INF)
			break;
		for (i = 0; i < f->popped.n; i++) {
			v = f->popped.v[i];
			f->pot[v] += f->dist[v] - d;
		}
	}
}

/*
 * Nodes added since the last solve: room for them in the scratch
 * arrays, and potentials. Each new node starts at the least of
 * pot[from] + cost over the arcs into it from nodes already placed, so
 * an arc added toward an old node is the one left negative, if any (a
 * column priced in, see assign.c); any potential would do, as
 * warm_solve() saturates what is negative.
 */
static void
grow_nodes(struct mcf *f)
{
	size_t n = (size_t)f->nnodes + 1, a, old = f->warm_nn;
	char *placed = xcalloc(n, 1);
	int pass, from, to;
	int64_t p;

	f->pot = xreallocarray(f->pot, n, sizeof(int64_t));
	f->dist = xreallocarray(f->dist, n, sizeof(int64_t));
	f->excess = xreallocarray(f->excess, n, sizeof(int64_t));
	f->prev = xreallocarray(f->prev, n, sizeof(int));
	f->mark = xreallocarray(f->mark, n, sizeof(int));
	f->iter = xreallocarray(f->iter, n, sizeof(int));
	f->dseen = xreallocarray(f->dseen, n, sizeof(unsigned));
	f->aseen = xreallocarray(f->aseen, n, sizeof(unsigned));
	f->tsk = xreallocarray(f->tsk, n, sizeof(int));
	f->tseen = xreallocarray(f->tseen, n, sizeof(unsigned));
	memset(f->dseen + old, 0, (n - old) * sizeof(unsigned));
	memset(f->aseen + old, 0, (n - old) * sizeof(unsigned));
	memset(f->tseen + old, 0, (n - old) * sizeof(unsigned));
	memset(f->excess + old, 0, (n - old) * sizeof(int64_t));
	memset(placed, 1, old);
	memset(f->pot + old, 0, (n - old) * sizeof(int64_t));
	/* New nodes hang at most three deep from old ones (seat group,
	 * role-person, person-in-exercise, person). */
	for (pass = 0; pass < 3; pass++)
		for (a = f->warm_na; a < f->narcs; a++) {
			from = f->afrom[a];
			to = f->ato[a];
			if (!placed[from] || (size_t)to < old)
				continue;
			p = f->pot[from] + f->acost[a];
			if (placed[to] == 0 || p < f->pot[to]) {
				f->pot[to] = p;
				placed[to] = 2;
			}
		}
	free(placed);
	f->warm_nn = (size_t)f->nnodes;
}

/* Arc i's flow set to what its reduced cost asks (all of its
 * capacity when negative, none when positive), the difference left at
 * its ends; a node left with supply is listed. */
static void
settle(struct mcf *f, size_t i)
{
	struct edge *fw = edge_of(f, i, 0), *bw = edge_of(f, i, 1);
	int from = bw->to, to = fw->to, cap = f->cap0[i];
	int64_t x = bw->cap, rc = fw->cost + f->pot[from] - f->pot[to];

	if (x > cap)
		x = cap;
	if (rc < 0)
		x = cap;
	else if (rc > 0)
		x = 0;
	f->excess[from] += bw->cap - x;
	f->excess[to] -= bw->cap - x;
	fw->cap = cap - (int)x;
	bw->cap = (int)x;
	if (f->excess[from] > 0)
		ivec_add(&f->src, from);
	if (f->excess[to] > 0)
		ivec_add(&f->src, to);
	if (f->excess[from] < 0)
		ivec_add(&f->lack, from);
	if (f->excess[to] < 0)
		ivec_add(&f->lack, to);
}

/* As much of x's shortage as the edges allow moved to the sink t, along
 * t to x (rt < 0: ru is that edge) or t to u (rt) and u to x (ru). */
static void
shift(struct mcf *f, int x, int t, int ru, int rt)
{
	int64_t amt = -f->excess[x];

	if (f->pk[ru].cap < amt)
		amt = f->pk[ru].cap;
	if (rt >= 0 && f->pk[rt].cap < amt)
		amt = f->pk[rt].cap;
	if (rt >= 0)
		push_edge(f, rt, (int)amt);
	push_edge(f, ru, (int)amt);
	f->excess[x] += amt;
	f->excess[t] -= amt;
}

/*
 * Node x's shortage moved to the sink t where flow from t reaches x at
 * zero reduced cost in one or two steps (t to a person whose load
 * falls, to the node of the role they lost): the flow stays optimal,
 * and a unit sent to make up for it ends at its first arrival at t
 * instead of going through t and on to x, through the hub that every
 * search would otherwise wander around.
 */
static void
shortage_to_sink(struct mcf *f, int x, int t, uint64_t *work)
{
	int i, j, u, ru, rt;

	for (i = f->first[x]; i < f->first[x + 1] && f->excess[x] < 0; i++) {
		(*work)++;
		u = f->pk[i].to;
		ru = rev(f, i);		/* u to x */
		if (!admissible(f, u, &f->pk[ru]))
			continue;
		if (u == t) {
			shift(f, x, t, ru, -1);
			continue;
		}
		for (j = f->first[u]; j < f->first[u + 1] &&
		    f->excess[x] < 0 && f->pk[ru].cap > 0; j++) {
			(*work)++;
			if (f->pk[j].to == t && admissible(f, t,
			    &f->pk[rt = rev(f, j)]))
				shift(f, x, t, ru, rt);
		}
	}
}

/*
 * Start from the last solve's flow and potentials instead of zero (a
 * branch-and-bound node changes a few arcs of a network of millions;
 * column generation adds some). Every arc whose capacity fell below
 * its flow gives the flow back; every residual arc the changed costs
 * made negative in reduced cost is saturated (or emptied), so all
 * residual reduced costs are >= 0 again, at the price of supply left
 * at some nodes and missing at others, which phases() then sends where
 * it is missing, keeping the potentials valid: the flow is optimal, as
 * a solve from zero would be. Returns 0, or -1 when some supply cannot
 * be sent back (the caller then solves from zero).
 */
static int
warm_solve(struct mcf *f, struct heap *h, uint64_t *work)
{
	size_t i, narcs = f->narcs;

	if (f->warm_nn < (size_t)f->nnodes)
		grow_nodes(f);
	f->src.n = 0;
	f->lack.n = 0;
	for (i = 0; i < f->dirty.n; i++) {
		f->isdirty[f->dirty.v[i]] = 0;
		settle(f, (size_t)f->dirty.v[i]);
	}
	for (i = f->warm_na; i < narcs; i++)
		settle(f, i);
	(*work) += f->dirty.n + narcs - f->warm_na;
	f->dirty.n = 0;
	for (i = 0; i < f->lack.n; i++)
		if (f->lack.v[i] != f->warm_t && f->excess[f->lack.v[i]] < 0)
			shortage_to_sink(f, f->lack.v[i], f->warm_t, work);
	f->lack.n = 0;
	phases(f, h, work);
	/* Supply and shortage sum to zero: none left over means none
	 * short anywhere. */
	for (i = 0; i < f->src.n; i++)
		if (f->excess[f->src.v[i]] != 0)
			return -1;
	return 0;
}

/* The cost of the flow in the residual capacities. */
static int64_t
flow_cost(const struct mcf *f)
{
	int64_t c = 0;
	size_t i;

	for (i = 0; i < 2 * f->narcs; i++)
		if (f->eid[i] & 1)
			c -= (int64_t)f->pk[i].cap * f->pk[i].cost;
	return c;
}

int64_t
mcf_solve(struct mcf *f, int s, int t, int64_t want, int64_t *cost,
    uint64_t *work)
{
	struct heap *h = heap_room(f);
	uint64_t w = 0;
	int64_t sent = 0;
	int v;

	*cost = 0;
	f->sink = t;
	if (f->npacked < f->narcs || f->packed_nn < (size_t)f->nnodes)
		pack(f);
	/* Arcs and nodes added since (never removed) start with no flow. */
	if (f->bulk && f->warm && f->warm_s == s && f->warm_t == t &&
	    f->warm_want == want) {
		if (warm_solve(f, h, &w) == 0) {
			*cost = flow_cost(f);
			if (work != NULL)
				*work += w;
			f->warm_na = f->narcs;
			return want;
		}
	}
	f->warm = 0;
	reset_flow(f);
	init_potentials(f, s, &w);
	if (f->bulk) {
		f->excess[s] = want;
		f->excess[t] = -want;
		ivec_add(&f->src, s);
		phases(f, h, &w);
		sent = want - f->excess[s];
		*cost = flow_cost(f);
	}
	while (!f->bulk && sent < want && shortest_path(f, s, t, h, &w)) {
		sent += augment(f, s, t, want - sent, cost);
		for (v = 0; v < f->nnodes; v++)
			if (dist_of(f, v) != INF)
				f->pot[v] += f->dist[v];
	}
	/* Only a flow of the whole value is a place to start again. */
	f->warm = f->bulk && sent == want;
	f->warm_s = s;
	f->warm_t = t;
	f->warm_want = want;
	f->warm_na = f->narcs;
	f->warm_nn = (size_t)f->nnodes;
	if (work != NULL)
		*work += w;
	return sent;
}

int64_t
mcf_pot(const struct mcf *f, int v)
{
	return f->pot != NULL && (size_t)v < f->warm_nn ? f->pot[v] : 0;
}
