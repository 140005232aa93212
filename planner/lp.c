/* lp.c: integer linear programs written in CPLEX LP format, for glpsol and cbc. */
#include "lp.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct term {
	int var;
	int64_t coef;
};

struct lp_var_def {
	char *name, *comment;
	int64_t lo, hi, obj;
};

struct lp_row_def {
	char *name;
	enum lp_sense sense;
	int64_t rhs;
	struct term *t;
	size_t n, cap;
};

struct lp {
	struct lp_var_def *v;
	size_t nv, vcap;
	struct lp_row_def *r;
	size_t nr, rcap;
	char **comments;
	size_t nc, ccap;
};

struct lp *
lp_new(void)
{
	return xcalloc(1, sizeof(struct lp));
}

void
lp_free(struct lp *p)
{
	size_t i;

	if (p == NULL)
		return;
	for (i = 0; i < p->nv; i++) {
		free(p->v[i].name);
		free(p->v[i].comment);
	}
	for (i = 0; i < p->nr; i++) {
		free(p->r[i].name);
		free(p->r[i].t);
	}
	for (i = 0; i < p->nc; i++)
		free(p->comments[i]);
	free(p->v);
	free(p->r);
	free(p->comments);
	free(p);
}

int
lp_var(struct lp *p, const char *name, int64_t lo, int64_t hi,
    const char *comment)
{
	struct lp_var_def *v = &VEC_PUSH(p->v, p->nv, p->vcap);

	v->name = xstrdup(name);
	v->comment = comment != NULL ? xstrdup(comment) : NULL;
	v->lo = lo;
	v->hi = hi;
	v->obj = 0;
	return (int)p->nv - 1;
}

void
lp_obj(struct lp *p, int v, int64_t coef)
{
	p->v[v].obj += coef;
}

int
lp_row(struct lp *p, const char *name, enum lp_sense sense, int64_t rhs)
{
	struct lp_row_def *r = &VEC_PUSH(p->r, p->nr, p->rcap);

	memset(r, 0, sizeof(*r));
	r->name = xstrdup(name);
	r->sense = sense;
	r->rhs = rhs;
	return (int)p->nr - 1;
}

void
lp_coef(struct lp *p, int r, int v, int64_t coef)
{
	struct lp_row_def *row = &p->r[r];

	VEC_PUSH(row->t, row->n, row->cap) = (struct term){ v, coef };
}

void
lp_comment(struct lp *p, const char *text)
{
	VEC_PUSH(p->comments, p->nc, p->ccap) = xstrdup(text);
}

int
lp_nvars(const struct lp *p)
{
	return (int)p->nv;
}

int
lp_nrows(const struct lp *p)
{
	return (int)p->nr;
}

/* " + 3 x1" (" + x1" when the coefficient is 1: a large model is read
 * by solvers in seconds only when it is lean), wrapping lines before
 * they grow long (CPLEX reads at most 510 characters a line). */
static void
put_term(struct sb *b, size_t *col, int64_t coef, const char *name)
{
	char buf[96];
	int n;

	if (coef == 1 || coef == -1)
		n = snprintf(buf, sizeof(buf), " %c %s", coef < 0 ? '-' : '+',
		    name);
	else
		n = snprintf(buf, sizeof(buf), " %c %" PRId64 " %s", coef < 0 ?
		    '-' : '+', coef < 0 ? -coef : coef, name);
	if (*col + (size_t)n > 78) {
		sb_puts(b, "\n   ");
		*col = 3;
	}
	sb_puts(b, buf);
	*col += (size_t)n;
}

static void
put_objective(struct sb *b, const struct lp *p)
{
	size_t i, col = 6, nterms = 0;

	sb_puts(b, "Minimize\n obj:");
	for (i = 0; i < p->nv; i++) {
		if (p->v[i].obj == 0)
			continue;
		put_term(b, &col, p->v[i].obj, p->v[i].name);
		nterms++;
	}
	if (nterms == 0 && p->nv > 0)
		put_term(b, &col, 0, p->v[0].name);
	sb_puts(b, "\n");
}

static void
put_rows(struct sb *b, const struct lp *p)
{
	static const char *const sense[] = { "<=", ">=", "=" };
	size_t i, j, col;

	sb_puts(b, "Subject To\n");
	for (i = 0; i < p->nr; i++) {
		const struct lp_row_def *r = &p->r[i];

		if (r->n == 0)
			continue;
		sb_printf(b, " %s:", r->name);
		col = strlen(r->name) + 2;
		for (j = 0; j < r->n; j++)
			put_term(b, &col, r->t[j].coef, p->v[r->t[j].var].name);
		sb_printf(b, " %s %" PRId64 "\n", sense[r->sense], r->rhs);
	}
}

static int
binary(const struct lp_var_def *v)
{
	return v->lo == 0 && v->hi == 1;
}

/* Bounds and integrality: a 0..1 variable is declared Binary, which
 * says both; the others get bounds and are General. Comments name the
 * variables of small models only (LP_NAMED): past that the file is for
 * solvers, and the names would be most of it. */
static void
put_bounds(struct sb *b, const struct lp *p)
{
	int named = p->nv <= LP_NAMED;
	size_t i, n = 0;

	sb_puts(b, "Bounds\n");
	for (i = 0; i < p->nv; i++) {
		const struct lp_var_def *v = &p->v[i];

		if (named && v->comment != NULL)
			sb_printf(b, "\\ %s: %s\n", v->name, v->comment);
		if (binary(v))
			n++;
		else if (v->lo == v->hi)
			sb_printf(b, " %s = %" PRId64 "\n", v->name, v->lo);
		else
			sb_printf(b, " %" PRId64 " <= %s <= %" PRId64 "\n",
			    v->lo, v->name, v->hi);
	}
	if (n < p->nv) {
		sb_puts(b, "General\n");
		for (i = 0; i < p->nv; i++)
			if (!binary(&p->v[i]))
				sb_printf(b, " %s\n", p->v[i].name);
	}
	if (n > 0) {
		sb_puts(b, "Binary\n");
		for (i = 0; i < p->nv; i++)
			if (binary(&p->v[i]))
				sb_printf(b, " %s\n", p->v[i].name);
	}
}

char *
lp_text(const struct lp *p)
{
	struct sb b = {0};
	size_t i;

	for (i = 0; i < p->nc; i++)
		sb_printf(&b, "\\ %s\n", p->comments[i]);
	put_objective(&b, p);
	put_rows(&b, p);
	put_bounds(&b, p);
	sb_puts(&b, "End\n");
	return sb_take(&b);
}
