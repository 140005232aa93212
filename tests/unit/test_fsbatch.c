/* test_fsbatch.c: files replaced together: old or new content, never partial, nothing left behind. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fsbatch.h"
#include "util.h"

static char tmpdir[] = "/tmp/test_fsbatch.XXXXXX";

static char *
path_of(const char *name)
{
	return xasprintf("%s/%s", tmpdir, name);
}

/* The content of tmpdir/name, or NULL when there is no such file. */
static char *
content(const char *name)
{
	char *path = path_of(name), *s = read_file(path, 1 << 20, NULL);

	free(path);
	return s;
}

static void
put(const char *name, const char *text)
{
	char *path = path_of(name);

	assert_int_equal(write_file_atomic(path, text, strlen(text)), 0);
	free(path);
}

/* How many files of tmpdir/sub have ".tmp." in their name. */
static int
temporaries(const char *sub)
{
	char *cmd = xasprintf("exit $(ls -a '%s/%s' | grep -c '\\.tmp\\.')",
	    tmpdir, sub);
	int rc = system(cmd);

	free(cmd);
	return WEXITSTATUS(rc);
}

static int
setup(void **state)
{
	char *sub;

	(void)state;
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	sub = path_of("sub");
	mkdir_p(sub);
	free(sub);
	return 0;
}

static int
teardown(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);

	(void)state;
	if (system(cmd) != 0)
		fprintf(stderr, "test_fsbatch: cannot remove %s\n", tmpdir);
	free(cmd);
	return 0;
}

/* Nothing changes before the commit; everything after it. */
static void
test_commit(void **state)
{
	struct fsbatch *b = fsbatch_new();
	char *a = path_of("a.ics"), *c = path_of("sub/c.ics"), *s;
	const char *failed = "x";
	struct stat st;

	(void)state;
	put("a.ics", "old a");
	assert_int_equal(fsbatch_write(b, a, "new a", 5), 0);
	assert_int_equal(fsbatch_write(b, c, "new c", 5), 0);
	s = content("a.ics");
	assert_string_equal(s, "old a");
	free(s);
	assert_null(content("sub/c.ics"));
	assert_int_equal(temporaries("."), 1);
	assert_int_equal(temporaries("sub"), 1);

	assert_int_equal(fsbatch_commit(b, &failed), 0);
	assert_null(failed);
	s = content("a.ics");
	assert_string_equal(s, "new a");
	free(s);
	s = content("sub/c.ics");
	assert_string_equal(s, "new c");
	free(s);
	assert_int_equal(stat(c, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0644);
	assert_int_equal(temporaries("."), 0);
	assert_int_equal(temporaries("sub"), 0);
	/* Once only. */
	assert_int_equal(fsbatch_commit(b, NULL), -1);
	fsbatch_free(b);
	free(a);
	free(c);
}

/* A batch given up leaves the old files and no temporary. */
static void
test_abandon(void **state)
{
	struct fsbatch *b = fsbatch_new();
	char *a = path_of("a.ics"), *s;

	(void)state;
	put("a.ics", "old a");
	assert_int_equal(fsbatch_write(b, a, "newer a", 7), 0);
	fsbatch_free(b);
	fsbatch_free(NULL);
	s = content("a.ics");
	assert_string_equal(s, "old a");
	free(s);
	assert_int_equal(temporaries("."), 0);
	free(a);
}

/* Failures say where, and leave nothing half done behind. */
static void
test_failures(void **state)
{
	struct fsbatch *b = fsbatch_new();
	char *none = path_of("no/such/x.ics"), *a = path_of("a.ics");
	char *d = path_of("gone"), *g = path_of("gone/g.ics"), *s;
	const char *failed = NULL;

	(void)state;
	errno = 0;
	assert_int_equal(fsbatch_write(b, none, "x", 1), -1);
	assert_int_equal(errno, ENOENT);

	/* The second rename fails: its directory went away. */
	put("a.ics", "old a");
	assert_int_equal(mkdir_p(d), 0);
	assert_int_equal(fsbatch_write(b, a, "new a", 5), 0);
	assert_int_equal(fsbatch_write(b, g, "new g", 5), 0);
	s = xasprintf("rm -rf '%s'", d);
	assert_int_equal(system(s), 0);
	free(s);
	assert_int_equal(fsbatch_commit(b, &failed), -1);
	assert_non_null(failed);
	assert_string_equal(failed, g);
	s = content("a.ics");
	assert_string_equal(s, "new a");
	free(s);
	fsbatch_free(b);
	assert_int_equal(temporaries("."), 0);
	free(none);
	free(a);
	free(d);
	free(g);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_commit),
		cmocka_unit_test(test_abandon),
		cmocka_unit_test(test_failures),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
