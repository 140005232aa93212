/* test_lp.c: the LP text: Binary and General declarations, and comments only for models small enough to read. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lp.h"

/* A model of n 0..1 variables, each with a comment, and one 0..5. */
static char *
text_of(int n)
{
	struct lp *p = lp_new();
	char name[32], note[32];
	char *text;
	int i, r, v;

	r = lp_row(p, "seats", LP_LE, 3);
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "x%d", i);
		snprintf(note, sizeof(note), "cand %d", i);
		v = lp_var(p, name, 0, 1, note);
		lp_obj(p, v, i % 7);
		lp_coef(p, r, v, 1);
	}
	lp_obj(p, lp_var(p, "load", 0, 5, "load units"), 2);
	text = lp_text(p);
	lp_free(p);
	return text;
}

static void
test_small_named(void **state)
{
	char *t = text_of(3);

	(void)state;
	assert_non_null(strstr(t, "\\ x1: cand 1\n"));
	assert_non_null(strstr(t, "\\ load: load units\n"));
	assert_non_null(strstr(t, " 0 <= load <= 5\n"));
	assert_non_null(strstr(t, "Binary\n"));
	assert_non_null(strstr(t, "General\n"));
	assert_null(strstr(t, "x1 <="));	/* Binary says its bounds */
	free(t);
}

/* Past LP_NAMED variables the comments would be most of the file. */
static void
test_large_unnamed(void **state)
{
	char *at = text_of(LP_NAMED - 1), *past = text_of(LP_NAMED);

	(void)state;
	assert_non_null(strstr(at, "\\ x0: cand 0\n"));
	assert_null(strstr(past, "\\ x0: cand 0\n"));
	assert_null(strstr(past, "\\ load:"));
	assert_non_null(strstr(past, " 0 <= load <= 5\n"));
	free(at);
	free(past);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_small_named),
		cmocka_unit_test(test_large_unnamed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
