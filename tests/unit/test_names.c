/* test_names.c: names numbered as strcaseeq() matches them, by kind. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>

#include "names.h"
#include "util.h"

static void
test_numbers_in_order(void **state)
{
	struct names n = {0};

	(void)state;
	assert_int_equal(names_find(&n, 'q', "hseep"), -1);
	assert_int_equal(names_intern(&n, 'q', "hseep"), 0);
	assert_int_equal(names_intern(&n, 'q', "cbrn"), 1);
	assert_int_equal(names_intern(&n, 'q', "HSEEP"), 0);
	assert_int_equal(names_find(&n, 'q', "Cbrn"), 1);
	assert_int_equal(n.n, 2);
	names_free(&n);
	assert_int_equal(n.n, 0);
	assert_int_equal(names_find(&n, 'q', "hseep"), -1);
	/* Empty again, so it can be used again. */
	assert_int_equal(names_intern(&n, 'q', "cbrn"), 0);
	names_free(&n);
	names_free(&n);
	names_free(NULL);
}

/* One spelling in two kinds is two names; a prefix is another name. */
static void
test_kinds_and_prefixes(void **state)
{
	struct names n = {0};

	(void)state;
	assert_int_equal(names_intern(&n, 'q', "es"), 0);
	assert_int_equal(names_intern(&n, 'l', "es"), 1);
	assert_int_equal(names_find(&n, 'r', "es"), -1);
	assert_int_equal(names_find(&n, 'l', "ES"), 1);
	assert_int_equal(names_find(&n, 'q', "e"), -1);
	assert_int_equal(names_find(&n, 'q', "ess"), -1);
	assert_int_equal(names_find(&n, 'q', ""), -1);
	assert_int_equal(names_intern(&n, 'q', ""), 2);
	assert_int_equal(names_find(&n, 'q', ""), 2);
	names_free(&n);
}

/*
 * Thousands of names of two kinds, the table grown many times and
 * crowded, so that probe chains cross: each name keeps its number,
 * found in another case; each kind keeps its own numbers; a prefix of
 * a name (or the name with more) is not it; the table stays at most
 * half full.
 */
static void
test_crowded(void **state)
{
	struct names n = {0};
	char buf[32];
	size_t i;

	(void)state;
	for (i = 0; i < 3000; i++) {
		snprintf(buf, sizeof(buf), "n%zu", i);
		assert_int_equal(names_intern(&n, 'q', buf), 2 * i);
		assert_int_equal(names_intern(&n, 'l', buf), 2 * i + 1);
		assert_true(n.slots >= 2 * n.n);
	}
	for (i = 0; i < 3000; i++) {
		snprintf(buf, sizeof(buf), "N%zu", i);
		assert_int_equal(names_find(&n, 'q', buf), (long)(2 * i));
		assert_int_equal(names_find(&n, 'l', buf), (long)(2 * i + 1));
		assert_int_equal(names_find(&n, 'r', buf), -1);
		snprintf(buf, sizeof(buf), "n%zux", i);
		assert_int_equal(names_find(&n, 'q', buf), -1);
		snprintf(buf, sizeof(buf), "%zu", i);
		assert_int_equal(names_find(&n, 'q', buf), -1);
	}
	/* Prefixes of interned names: "n1" is there, "n" is not. */
	assert_int_equal(names_find(&n, 'q', "n"), -1);
	assert_int_equal(names_find(&n, 'q', ""), -1);
	names_free(&n);
}

/*
 * Against strcaseeq() itself: random short names over an alphabet of
 * letters in both cases, digits and bytes past ASCII. Two names share a
 * number exactly when strcaseeq() calls them equal.
 */
static void
test_as_strcaseeq(void **state)
{
	static const char abc[] = "aAbB1\xc3\xa9\xc3\x89";
	enum { N = 400 };
	char name[N][5];
	uint32_t id[N];
	struct names n = {0};
	size_t i, j, len, k;

	(void)state;
	srand(7);
	for (i = 0; i < N; i++) {
		len = (size_t)rand() % 5;
		for (k = 0; k < len; k++)
			name[i][k] = abc[(size_t)rand() % (sizeof(abc) - 1)];
		name[i][len] = '\0';
		id[i] = names_intern(&n, 'q', name[i]);
	}
	for (i = 0; i < N; i++)
		for (j = 0; j < N; j++)
			assert_int_equal(id[i] == id[j],
			    strcaseeq(name[i], name[j]));
	names_free(&n);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers_in_order),
		cmocka_unit_test(test_kinds_and_prefixes),
		cmocka_unit_test(test_crowded),
		cmocka_unit_test(test_as_strcaseeq),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
