/* mcf.c: minimum-cost flow by successive shortest paths, the exact core of role assignment. */
#include "mcf.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

#define INF INT64_MAX

/* Arc i is edge 2i (forward) and edge 2i+1 (its residual reverse). */
struct edge {
	int to, next;
	int cap;		/* residual capacity */
	int64_t cost;
};

struct mcf {
	int nnodes;
	int *head;		/* first edge out of each node, or -1 */
	size_t headcap;
	struct edge *e;
	size_t ne, ecap;
	int *cap0;		/* capacity of each arc as set */
	size_t cap0cap;
	/* Scratch for one solve. */
	int64_t *pot, *dist;
	int *prev;		/* edge into each node on the shortest path */
	int *level, *iter, *queue;	/* blocking flow on admissible arcs */
	int bulk;		/* see mcf_bulk() */
	/* The last solve in bulk, which the next may start from: its
	 * flow is in the residual capacities, its potentials in pot. */
	int warm, warm_s, warm_t;
	int64_t warm_want;
	size_t warm_ne;
	int64_t *excess;	/* supply not yet sent, per node */
	size_t warm_nn;
};

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
	free(f->head);
	free(f->e);
	free(f->cap0);
	free(f->pot);
	free(f->dist);
	free(f->prev);
	free(f->level);
	free(f->iter);
	free(f->queue);
	free(f->excess);
	free(f);
}

int
mcf_node(struct mcf *f)
{
	VEC_PUSH(f->head, f->nnodes, f->headcap) = -1;
	return f->nnodes - 1;
}

static void
add_edge(struct mcf *f, int from, int to, int cap, int64_t cost)
{
	struct edge *ed = &VEC_PUSH(f->e, f->ne, f->ecap);

	ed->to = to;
	ed->cap = cap;
	ed->cost = cost;
	ed->next = f->head[from];
	f->head[from] = (int)f->ne - 1;
}

int
mcf_arc(struct mcf *f, int from, int to, int cap, int64_t cost)
{
	size_t n = f->ne / 2;

	add_edge(f, from, to, cap, cost);
	add_edge(f, to, from, 0, -cost);
	VEC_PUSH(f->cap0, n, f->cap0cap) = cap;
	return (int)(f->ne / 2) - 1;
}

void
mcf_bulk(struct mcf *f, int on)
{
	f->bulk = on;
}

void
mcf_set(struct mcf *f, int arc, int cap, int64_t cost)
{
	f->cap0[arc] = cap;
	f->e[2 * arc].cost = cost;
	f->e[2 * arc + 1].cost = -cost;
}

int
mcf_nnodes(const struct mcf *f)
{
	return f->nnodes;
}

int
mcf_narcs(const struct mcf *f)
{
	return (int)(f->ne / 2);
}

int
mcf_arc_from(const struct mcf *f, int arc)
{
	return f->e[2 * arc + 1].to;
}

int
mcf_arc_to(const struct mcf *f, int arc)
{
	return f->e[2 * arc].to;
}

int
mcf_arc_cap(const struct mcf *f, int arc)
{
	return f->cap0[arc];
}

int64_t
mcf_arc_cost(const struct mcf *f, int arc)
{
	return f->e[2 * arc].cost;
}

int
mcf_flow(const struct mcf *f, int arc)
{
	return f->e[2 * arc + 1].cap;
}

/*
 * Potentials for the first search: shortest distances from s over the
 * arcs with capacity, by Bellman-Ford with a FIFO queue, so that
 * negative costs are allowed. Unreached nodes keep 0; they can never be
 * reached later, as augmenting only adds reverse arcs between reached
 * nodes.
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
	for (k = 0; f->bulk && k < f->ne && (f->e[k].cap <= 0 ||
	    f->e[k].cost >= 0); k += 2)
		;
	(*work) += k / 2;
	if (f->bulk && k >= f->ne) {
		free(queue);
		free(inq);
		return;		/* pot is all zeros after reset_flow */
	}

	for (v = 0; v < f->nnodes; v++)
		f->dist[v] = INF;
	f->dist[s] = 0;
	queue[qn++ % len] = s;
	inq[s] = 1;
	while (qh != qn) {
		v = queue[qh++ % len];
		inq[v] = 0;
		for (i = f->head[v]; i != -1; i = f->e[i].next) {
			const struct edge *ed = &f->e[i];

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
 * order a heap of every relaxation would give, skipping stale ones. */
struct heap {
	int64_t *d;
	int *v;
	int *pos;		/* [node] */
	size_t n;
};

static void
heap_new(struct heap *h, int nnodes)
{
	int v;

	h->d = xcalloc((size_t)nnodes + 1, sizeof(int64_t));
	h->v = xcalloc((size_t)nnodes + 1, sizeof(int));
	h->pos = xcalloc((size_t)nnodes + 1, sizeof(int));
	for (v = 0; v < nnodes; v++)
		h->pos[v] = -1;
	h->n = 0;
}

static void
heap_free(struct heap *h)
{
	free(h->d);
	free(h->v);
	free(h->pos);
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

/* Dijkstra's step from v, at distance d, along every arc with room. */
static void
relax(struct mcf *f, struct heap *h, int v, int64_t d, uint64_t *work)
{
	int i;

	for (i = f->head[v]; i != -1; i = f->e[i].next) {
		const struct edge *ed = &f->e[i];
		int64_t nd;

		(*work)++;
		if (ed->cap <= 0)
			continue;
		nd = d + ed->cost + f->pot[v] - f->pot[ed->to];
		if (nd >= f->dist[ed->to])
			continue;
		f->dist[ed->to] = nd;
		f->prev[ed->to] = i;
		heap_push(h, nd, ed->to);
	}
}

/* Dijkstra on reduced costs; returns whether t was reached. */
static int
shortest_path(struct mcf *f, int s, int t, struct heap *h, uint64_t *work)
{
	int64_t d;
	int v;

	for (v = 0; v < f->nnodes; v++) {
		f->dist[v] = INF;
		f->prev[v] = -1;
	}
	f->dist[s] = 0;
	heap_clear(h);
	heap_push(h, 0, s);
	while (h->n > 0) {
		heap_pop(h, &d, &v);
		if (d > f->dist[v])
			continue;
		/* Nodes farther than t are not needed this round: their
		 * potentials grow by dist[t] (see mcf_solve). */
		if (v == t && f->bulk)
			break;
		relax(f, h, v, d, work);
	}
	return f->dist[t] != INF;
}

/* Push as much as the path and the wish allow; returns the units. */
static int64_t
augment(struct mcf *f, int s, int t, int64_t want, int64_t *cost)
{
	int64_t amt = want;
	int v;

	for (v = t; v != s; v = f->e[f->prev[v] ^ 1].to)
		if (f->e[f->prev[v]].cap < amt)
			amt = f->e[f->prev[v]].cap;
	for (v = t; v != s; v = f->e[f->prev[v] ^ 1].to) {
		f->e[f->prev[v]].cap -= (int)amt;
		f->e[f->prev[v] ^ 1].cap += (int)amt;
		*cost += amt * f->e[f->prev[v]].cost;
	}
	return amt;
}

static void
reset_flow(struct mcf *f)
{
	size_t i;

	for (i = 0; i < f->ne / 2; i++) {
		f->e[2 * i].cap = f->cap0[i];
		f->e[2 * i + 1].cap = 0;
	}
	free(f->pot);
	free(f->dist);
	free(f->prev);
	free(f->level);
	free(f->iter);
	free(f->queue);
	free(f->excess);
	f->excess = xcalloc((size_t)f->nnodes + 1, sizeof(int64_t));
	f->pot = xcalloc((size_t)f->nnodes, sizeof(int64_t));
	f->dist = xcalloc((size_t)f->nnodes, sizeof(int64_t));
	f->prev = xcalloc((size_t)f->nnodes, sizeof(int));
	f->level = xcalloc((size_t)f->nnodes + 1, sizeof(int));
	f->iter = xcalloc((size_t)f->nnodes + 1, sizeof(int));
	f->queue = xcalloc((size_t)f->nnodes + 1, sizeof(int));
}

/* An arc of the residual network on a shortest path: capacity left
 * and zero reduced cost. */
static int
admissible(const struct mcf *f, int v, const struct edge *ed)
{
	return ed->cap > 0 && ed->cost + f->pot[v] - f->pot[ed->to] == 0;
}

/* Levels by hops from s over admissible arcs; whether t has one. */
static int
levels(struct mcf *f, int s, int t, uint64_t *work)
{
	size_t qh = 0, qn = 0;
	int v, i;

	for (v = 0; v < f->nnodes; v++)
		f->level[v] = -1;
	f->level[s] = 0;
	f->queue[qn++] = s;
	while (qh < qn) {
		v = f->queue[qh++];
		/* Paths up the levels reach t only from the level below
		 * it: nothing at or past t's level is needed. */
		if (f->level[t] >= 0 && f->level[v] >= f->level[t])
			break;
		for (i = f->head[v]; i != -1; i = f->e[i].next) {
			const struct edge *ed = &f->e[i];

			(*work)++;
			if (f->level[ed->to] < 0 && admissible(f, v, ed)) {
				f->level[ed->to] = f->level[v] + 1;
				f->queue[qn++] = ed->to;
			}
		}
	}
	return f->level[t] >= 0;
}

/* One augmenting path of admissible arcs up the levels (Dinic), with
 * each node's next arc to try kept across paths. Returns units sent. */
static int64_t
dfs(struct mcf *f, int v, int t, int64_t want, int64_t *cost,
    uint64_t *work)
{
	int64_t got;

	if (v == t)
		return want;
	for (; f->iter[v] != -1; f->iter[v] = f->e[f->iter[v]].next) {
		struct edge *ed = &f->e[f->iter[v]];

		(*work)++;
		if (f->level[ed->to] != f->level[v] + 1 || !admissible(f, v, ed))
			continue;
		got = dfs(f, ed->to, t, want < ed->cap ? want : ed->cap, cost,
		    work);
		if (got > 0) {
			ed->cap -= (int)got;
			f->e[f->iter[v] ^ 1].cap += (int)got;
			*cost += got * ed->cost;
			return got;
		}
	}
	return 0;
}

/* Every shortest path at once: a blocking flow of admissible arcs. */
static int64_t
blocking(struct mcf *f, int s, int t, int64_t want, int64_t *cost,
    uint64_t *work)
{
	int64_t sent = 0, got;
	int v;

	while (sent < want && levels(f, s, t, work)) {
		for (v = 0; v < f->nnodes; v++)
			f->iter[v] = f->head[v];
		while (sent < want && (got = dfs(f, s, t, want - sent, cost,
		    work)) > 0)
			sent += got;
	}
	return sent;
}

/*
 * Dijkstra on reduced costs from every node with supply left (excess >
 * 0) to the nearest one short of it (excess < 0). Returns that node, or
 * -1 when none can be reached; dist and prev say the path (prev is -1
 * at the node it starts from).
 */
static int
repair_path(struct mcf *f, struct heap *h, uint64_t *work)
{
	int64_t d;
	int v;

	heap_clear(h);
	for (v = 0; v < f->nnodes; v++) {
		f->dist[v] = INF;
		f->prev[v] = -1;
		if (f->excess[v] > 0) {
			f->dist[v] = 0;
			heap_push(h, 0, v);
		}
	}
	while (h->n > 0) {
		heap_pop(h, &d, &v);
		if (d > f->dist[v])
			continue;
		if (f->excess[v] < 0)
			return v;
		relax(f, h, v, d, work);
	}
	return -1;
}

/*
 * Start from the last solve's flow and potentials instead of zero (a
 * branch-and-bound node changes a few arcs of a network of millions).
 * Every arc whose capacity fell below its flow gives the flow back;
 * every residual arc the changed costs made negative in reduced cost
 * is saturated (or emptied), so all residual reduced costs are >= 0
 * again, at the price of supply left at some nodes and missing at
 * others; shortest paths from the first to the second then restore
 * conservation, keeping the potentials valid: the flow is optimal, as
 * a solve from zero would be. Returns 0, or -1 when some supply cannot
 * be sent back (the caller then solves from zero).
 */
static int
warm_solve(struct mcf *f, int s, int t, int64_t want, struct heap *h,
    uint64_t *work)
{
	size_t i, narcs = f->ne / 2;
	int64_t amt, x;
	int v, w, from, to, cap;

	for (v = 0; v < f->nnodes; v++)
		f->excess[v] = 0;
	f->excess[s] += want;
	f->excess[t] -= want;
	for (i = 0; i < narcs; i++) {
		struct edge *fw = &f->e[2 * i], *bw = &f->e[2 * i + 1];
		int64_t rc;

		from = bw->to;
		to = fw->to;
		x = bw->cap;
		cap = f->cap0[i];
		if (x > cap)
			x = cap;
		rc = fw->cost + f->pot[from] - f->pot[to];
		if (rc < 0)
			x = cap;
		else if (rc > 0)
			x = 0;
		fw->cap = cap - (int)x;
		bw->cap = (int)x;
		f->excess[from] -= x;
		f->excess[to] += x;
	}
	(*work) += narcs;
	while ((w = repair_path(f, h, work)) >= 0) {
		int64_t dw = f->dist[w];

		amt = -f->excess[w];
		for (v = w; f->prev[v] != -1; v = f->e[f->prev[v] ^ 1].to)
			if (f->e[f->prev[v]].cap < amt)
				amt = f->e[f->prev[v]].cap;
		if (f->excess[v] < amt)
			amt = f->excess[v];
		f->excess[v] -= amt;
		f->excess[w] += amt;
		for (v = w; f->prev[v] != -1; v = f->e[f->prev[v] ^ 1].to) {
			f->e[f->prev[v]].cap -= (int)amt;
			f->e[f->prev[v] ^ 1].cap += (int)amt;
		}
		/* Capped at the distance of w, as in a bulk round. */
		for (v = 0; v < f->nnodes; v++)
			f->pot[v] += f->dist[v] < dw ? f->dist[v] : dw;
	}
	for (v = 0; v < f->nnodes; v++)
		if (f->excess[v] != 0)
			return -1;
	return 0;
}

/* The cost of the flow in the residual capacities. */
static int64_t
flow_cost(const struct mcf *f)
{
	int64_t c = 0;
	size_t i;

	for (i = 0; i < f->ne / 2; i++)
		c += (int64_t)f->e[2 * i + 1].cap * f->e[2 * i].cost;
	return c;
}

int64_t
mcf_solve(struct mcf *f, int s, int t, int64_t want, int64_t *cost,
    uint64_t *work)
{
	struct heap h;
	uint64_t w = 0;
	int64_t sent = 0;
	int v;

	*cost = 0;
	heap_new(&h, f->nnodes);
	/* Arcs added since start with no flow; nodes may not be added. */
	if (f->bulk && f->warm && f->warm_s == s && f->warm_t == t &&
	    f->warm_want == want && f->warm_ne <= f->ne &&
	    f->warm_nn == (size_t)f->nnodes &&
	    warm_solve(f, s, t, want, &h, &w) == 0) {
		heap_free(&h);
		*cost = flow_cost(f);
		if (work != NULL)
			*work += w;
		return want;
	}
	f->warm = 0;
	reset_flow(f);
	init_potentials(f, s, &w);
	while (sent < want && shortest_path(f, s, t, &h, &w)) {
		int64_t dt = f->dist[t];

		if (!f->bulk) {
			sent += augment(f, s, t, want - sent, cost);
			for (v = 0; v < f->nnodes; v++)
				if (f->dist[v] != INF)
					f->pot[v] += f->dist[v];
			continue;
		}
		/* Capped at t's distance (the search stopped there), the
		 * potentials keep every residual reduced cost >= 0. */
		for (v = 0; v < f->nnodes; v++)
			f->pot[v] += f->dist[v] < dt ? f->dist[v] : dt;
		sent += blocking(f, s, t, want - sent, cost, &w);
	}
	heap_free(&h);
	/* Only a flow of the whole value is a place to start again. */
	f->warm = f->bulk && sent == want;
	f->warm_s = s;
	f->warm_t = t;
	f->warm_want = want;
	f->warm_ne = f->ne;
	f->warm_nn = (size_t)f->nnodes;
	if (work != NULL)
		*work += w;
	return sent;
}
