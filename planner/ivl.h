/* ivl.h: sets of time intervals: sorted, disjoint, half-open [from, to). */
#ifndef PLANNER_IVL_H
#define PLANNER_IVL_H

#include <stddef.h>

#include "date.h"

struct ivl {
	ptime from, to;		/* from < to */
};

/* A set of intervals, kept sorted and disjoint. Initialise with {0}. */
struct ivlset {
	struct ivl *v;
	size_t n, cap;
};

/* Add [from, to), merging with what it touches; empty input is ignored.
 * Adding in increasing order is O(1); otherwise O(n). Can't fail. */
void ivl_add(struct ivlset *s, ptime from, ptime to);

/* out = a ∩ b; out is cleared first and may not be a or b. */
void ivl_intersect(const struct ivlset *a, const struct ivlset *b,
    struct ivlset *out);

/* out = a \ b; out is cleared first and may not be a or b. */
void ivl_subtract(const struct ivlset *a, const struct ivlset *b,
    struct ivlset *out);

/* Total length in seconds of s ∩ [from, to). */
int64_t ivl_overlap(const struct ivlset *s, ptime from, ptime to);

/* Does s contain all of [from, to)? */
int ivl_covers(const struct ivlset *s, ptime from, ptime to);

void ivl_clear(struct ivlset *s);	/* empty it, keep the memory */
void ivl_free(struct ivlset *s);	/* release it; s may be reused */

#endif
