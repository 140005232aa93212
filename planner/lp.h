/* lp.h: integer linear programs written in CPLEX LP format, for glpsol and cbc. */
#ifndef PLANNER_LP_H
#define PLANNER_LP_H

#include <stddef.h>
#include <stdint.h>

/*
 * A minimisation problem with integer coefficients, built variable by
 * variable and row by row, then written as text. It exists so that an
 * external solver (glpsol --lp, cbc) can check planner's optimum.
 */
struct lp;

enum lp_sense { LP_LE, LP_GE, LP_EQ };

/* An empty problem; free with lp_free(). These can't fail. */
struct lp *lp_new(void);
void lp_free(struct lp *p);	/* NULL is a no-op */

/*
 * Add an integer variable lo <= v <= hi named name (letters, digits
 * and '_' only, not starting with a digit: the caller's duty); comment
 * (may be NULL) is written beside its declaration. Returns its index.
 */
int lp_var(struct lp *p, const char *name, int64_t lo, int64_t hi,
    const char *comment);

/* Add coef to the objective coefficient of variable v. */
void lp_obj(struct lp *p, int v, int64_t coef);

/* Add a row: (sum of its terms) sense rhs; returns its index. */
int lp_row(struct lp *p, const char *name, enum lp_sense sense, int64_t rhs);

/* Add coef * variable v to row r. */
void lp_coef(struct lp *p, int r, int v, int64_t coef);

/* A header comment line for the file (copied). */
void lp_comment(struct lp *p, const char *text);

int lp_nvars(const struct lp *p);
int lp_nrows(const struct lp *p);

/* Models of up to this many variables have their comments written. */
#define LP_NAMED 20000

/*
 * The problem in CPLEX LP format; the caller frees it. Can't fail.
 * Variables bounded 0..1 are declared Binary, the others General; the
 * comments given to lp_var() are written beside the bounds of models
 * of up to LP_NAMED variables only.
 */
char *lp_text(const struct lp *p);

#endif
