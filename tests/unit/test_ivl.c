/* test_ivl.c: interval sets: adding, merging, intersecting, subtracting. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>

#include "ivl.h"

/* The set equals the pairs given (from, to, from, to, ...). */
static void
assert_set(const struct ivlset *s, size_t n, ...)
{
	va_list ap;
	size_t i;

	assert_int_equal(s->n, n);
	va_start(ap, n);
	for (i = 0; i < n; i++) {
		assert_int_equal(s->v[i].from, va_arg(ap, int));
		assert_int_equal(s->v[i].to, va_arg(ap, int));
	}
	va_end(ap);
}

static void
test_add_merges(void **state)
{
	struct ivlset s = {0};

	(void)state;
	ivl_add(&s, 10, 20);
	ivl_add(&s, 30, 40);
	ivl_add(&s, 0, 5);		/* before everything */
	assert_set(&s, 3, 0, 5, 10, 20, 30, 40);
	ivl_add(&s, 20, 30);		/* touching both sides joins them */
	assert_set(&s, 2, 0, 5, 10, 40);
	ivl_add(&s, 3, 12);		/* overlapping two */
	assert_set(&s, 1, 0, 40);
	ivl_add(&s, 50, 50);		/* empty: ignored */
	ivl_add(&s, 60, 55);		/* reversed: ignored */
	assert_set(&s, 1, 0, 40);
	ivl_add(&s, 45, 50);
	ivl_add(&s, 42, 43);		/* between, out of order */
	assert_set(&s, 3, 0, 40, 42, 43, 45, 50);
	ivl_free(&s);
}

static void
test_intersect(void **state)
{
	struct ivlset a = {0}, b = {0}, out = {0};

	(void)state;
	/* Phoenix 15:00-24:00 UTC and Kyiv 06:00-15:00 UTC in summer:
	 * they only touch, so nothing is shared. */
	ivl_add(&a, 15, 24);
	ivl_add(&b, 6, 15);
	ivl_intersect(&a, &b, &out);
	assert_set(&out, 0);
	/* In winter Kyiv is 07:00-16:00 UTC: one hour in common. */
	ivl_clear(&b);
	ivl_add(&b, 7, 16);
	ivl_intersect(&a, &b, &out);
	assert_set(&out, 1, 15, 16);
	/* Several pieces each side. */
	ivl_clear(&a);
	ivl_clear(&b);
	ivl_add(&a, 0, 10);
	ivl_add(&a, 20, 30);
	ivl_add(&a, 40, 50);
	ivl_add(&b, 5, 25);
	ivl_add(&b, 28, 45);
	ivl_intersect(&a, &b, &out);
	assert_set(&out, 4, 5, 10, 20, 25, 28, 30, 40, 45);
	ivl_free(&a);
	ivl_free(&b);
	ivl_free(&out);
}

static void
test_subtract(void **state)
{
	struct ivlset a = {0}, b = {0}, out = {0};

	(void)state;
	ivl_add(&a, 0, 100);
	ivl_add(&b, 10, 20);
	ivl_add(&b, 30, 40);
	ivl_add(&b, 90, 120);
	ivl_subtract(&a, &b, &out);
	assert_set(&out, 3, 0, 10, 20, 30, 40, 90);
	ivl_clear(&b);
	ivl_subtract(&a, &b, &out);	/* nothing to take away */
	assert_set(&out, 1, 0, 100);
	ivl_add(&b, -5, 200);		/* everything */
	ivl_subtract(&a, &b, &out);
	assert_set(&out, 0);
	ivl_free(&a);
	ivl_free(&b);
	ivl_free(&out);
}

static void
test_overlap_and_covers(void **state)
{
	struct ivlset s = {0};

	(void)state;
	ivl_add(&s, 0, 10);
	ivl_add(&s, 20, 30);
	assert_int_equal(ivl_overlap(&s, 5, 25), 10);
	assert_int_equal(ivl_overlap(&s, 10, 20), 0);
	assert_int_equal(ivl_overlap(&s, -10, 100), 20);
	assert_true(ivl_covers(&s, 20, 30));
	assert_true(ivl_covers(&s, 2, 3));
	assert_false(ivl_covers(&s, 5, 25));
	assert_false(ivl_covers(&s, 10, 11));
	assert_true(ivl_covers(&s, 7, 7));	/* empty is covered */
	ivl_free(&s);
}

/* Random sets against a bitmap of unit slots. */
static void
test_random_against_bitmap(void **state)
{
	unsigned seed = 12345;
	int round;

	(void)state;
	for (round = 0; round < 200; round++) {
		struct ivlset a = {0}, b = {0}, x = {0}, d = {0};
		char ma[200] = {0}, mb[200] = {0};
		int i, k, t;

		for (k = 0; k < 8; k++) {
			int f = (int)((seed = seed * 1103515245 + 12345) >> 16) % 190;
			int l = 1 + (int)((seed = seed * 1103515245 + 12345) >> 16) % 10;

			ivl_add(&a, f, f + l);
			for (i = f; i < f + l; i++)
				ma[i] = 1;
			f = (int)((seed = seed * 1103515245 + 12345) >> 16) % 190;
			l = 1 + (int)((seed = seed * 1103515245 + 12345) >> 16) % 10;
			ivl_add(&b, f, f + l);
			for (i = f; i < f + l; i++)
				mb[i] = 1;
		}
		ivl_intersect(&a, &b, &x);
		ivl_subtract(&a, &b, &d);
		for (t = 0; t < 200; t++) {
			assert_int_equal(ivl_covers(&x, t, t + 1), ma[t] && mb[t]);
			assert_int_equal(ivl_covers(&d, t, t + 1), ma[t] && !mb[t]);
			assert_int_equal(ivl_covers(&a, t, t + 1), ma[t]);
		}
		for (i = 1; i < (int)a.n; i++)	/* sorted, disjoint, apart */
			assert_true(a.v[i - 1].to < a.v[i].from);
		ivl_free(&a);
		ivl_free(&b);
		ivl_free(&x);
		ivl_free(&d);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_add_merges),
		cmocka_unit_test(test_intersect),
		cmocka_unit_test(test_subtract),
		cmocka_unit_test(test_overlap_and_covers),
		cmocka_unit_test(test_random_against_bitmap),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
