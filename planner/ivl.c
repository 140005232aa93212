/* ivl.c: sets of time intervals: sorted, disjoint, half-open [from, to). */
#include <stdlib.h>
#include <string.h>

#include "ivl.h"
#include "util.h"

/* Index of the first interval whose end is at or after t. */
static size_t
first_ending_after(const struct ivlset *s, ptime t)
{
	size_t lo = 0, hi = s->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->v[mid].to < t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void
ivl_add(struct ivlset *s, ptime from, ptime to)
{
	size_t i, j;

	if (from >= to)
		return;
	if (s->n == 0 || s->v[s->n - 1].to < from) {
		struct ivl *iv = &VEC_PUSH(s->v, s->n, s->cap);

		iv->from = from;
		iv->to = to;
		return;
	}
	/* Merge with every interval that overlaps or touches [from, to). */
	i = first_ending_after(s, from);
	for (j = i; j < s->n && s->v[j].from <= to; j++) {
		if (s->v[j].from < from)
			from = s->v[j].from;
		if (s->v[j].to > to)
			to = s->v[j].to;
	}
	if (i == j) {
		(void)VEC_PUSH(s->v, s->n, s->cap);
		memmove(&s->v[i + 1], &s->v[i], (s->n - 1 - i) * sizeof(*s->v));
	} else if (j - i > 1) {
		memmove(&s->v[i + 1], &s->v[j], (s->n - j) * sizeof(*s->v));
		s->n -= j - i - 1;
	}
	s->v[i].from = from;
	s->v[i].to = to;
}

void
ivl_intersect(const struct ivlset *a, const struct ivlset *b,
    struct ivlset *out)
{
	size_t i = 0, j = 0;

	ivl_clear(out);
	while (i < a->n && j < b->n) {
		ptime from = a->v[i].from > b->v[j].from ? a->v[i].from :
		    b->v[j].from;
		ptime to = a->v[i].to < b->v[j].to ? a->v[i].to : b->v[j].to;

		if (from < to)
			ivl_add(out, from, to);
		if (a->v[i].to < b->v[j].to)
			i++;
		else
			j++;
	}
}

void
ivl_subtract(const struct ivlset *a, const struct ivlset *b,
    struct ivlset *out)
{
	size_t i, j = 0, k;

	ivl_clear(out);
	for (i = 0; i < a->n; i++) {
		ptime from = a->v[i].from, to = a->v[i].to;

		while (j < b->n && b->v[j].to <= from)
			j++;
		for (k = j; k < b->n && b->v[k].from < to; k++) {
			if (b->v[k].from > from)
				ivl_add(out, from, b->v[k].from);
			if (b->v[k].to > from)
				from = b->v[k].to;
		}
		if (from < to)
			ivl_add(out, from, to);
	}
}

int64_t
ivl_overlap(const struct ivlset *s, ptime from, ptime to)
{
	size_t i = first_ending_after(s, from + 1);
	int64_t sum = 0;

	for (; i < s->n && s->v[i].from < to; i++) {
		ptime a = s->v[i].from > from ? s->v[i].from : from;
		ptime b = s->v[i].to < to ? s->v[i].to : to;

		if (a < b)
			sum += b - a;
	}
	return sum;
}

int
ivl_covers(const struct ivlset *s, ptime from, ptime to)
{
	size_t i;

	if (from >= to)
		return 1;
	i = first_ending_after(s, from + 1);
	return i < s->n && s->v[i].from <= from && s->v[i].to >= to;
}

void
ivl_clear(struct ivlset *s)
{
	s->n = 0;
}

void
ivl_free(struct ivlset *s)
{
	free(s->v);
	memset(s, 0, sizeof(*s));
}
