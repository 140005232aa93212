/* test_docs.c: every key the loader accepts is documented in docs/format.md. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"
#include "util.h"

struct ctx {
	char *doc;
	size_t nkeys;
	size_t missing;
};

/* Find the section "## Kind" and, within it, a table row "| `path` |". */
static void
check_key(const char *kind, const char *path, void *arg)
{
	struct ctx *c = arg;
	char *head = xasprintf("\n## %s\n", kind);
	char *row = xasprintf("\n| `%s` |", path);
	const char *sec = strstr(c->doc, head), *end, *hit;

	c->nkeys++;
	if (sec != NULL) {
		end = strstr(sec + strlen(head), "\n## ");
		hit = strstr(sec, row);
		if (hit != NULL && (end == NULL || hit < end))
			goto out;
	}
	fprintf(stderr, "docs/format.md: section '%s' lacks key '%s'\n",
	    kind, path);
	c->missing++;
out:
	free(head);
	free(row);
}

static void
test_every_key_documented(void **state)
{
	struct ctx c = {0};

	(void)state;
	c.doc = read_file("docs/format.md", 1 << 20, NULL);
	assert_non_null(c.doc);
	load_walk_keys(check_key, &c);
	assert_true(c.nkeys > 100);
	assert_int_equal(c.missing, 0);
	free(c.doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_key_documented),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
