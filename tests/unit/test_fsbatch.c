/* test_fsbatch.c: files replaced together: old or new content, never partial, nothing left behind. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
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

/*
 * Segments are written in order, however many (more than one writev(2)
 * takes) and however short (empty ones too).
 */
static void
test_writev(void **state)
{
	enum { N = 3000 };
	struct fsbatch *b = fsbatch_new();
	struct iovec *iov = xcalloc(N, sizeof(*iov));
	char *a = path_of("v.ics"), *s, *want = xmalloc(N + 1);
	size_t i, len = 0;

	(void)state;
	for (i = 0; i < N; i++) {
		iov[i].iov_base = (void *)&"0123456789"[i % 10];
		iov[i].iov_len = i % 7 == 0 ? 0 : 1;
		if (iov[i].iov_len)
			want[len++] = "0123456789"[i % 10];
	}
	want[len] = '\0';
	assert_int_equal(fsbatch_writev(b, a, iov, N), 0);
	assert_int_equal(fsbatch_commit(b, NULL), 0);
	s = content("v.ics");
	assert_string_equal(s, want);
	free(s);
	fsbatch_free(b);
	free(iov);
	free(want);
	free(a);
}

/*
 * A batch merged into another is committed with it, its files after the
 * other's; given up with it, it leaves no temporary; left empty, it
 * commits nothing.
 */
static void
test_merge(void **state)
{
	struct fsbatch *b = fsbatch_new(), *other = fsbatch_new();
	char *a = path_of("a.ics"), *c = path_of("sub/c.ics"), *s;
	const char *failed = NULL;

	(void)state;
	put("a.ics", "old a");
	assert_int_equal(fsbatch_write(b, a, "merged a", 8), 0);
	assert_int_equal(fsbatch_write(other, c, "merged c", 8), 0);
	fsbatch_merge(b, other);
	assert_int_equal(fsbatch_commit(other, &failed), 0);
	assert_null(failed);
	assert_int_equal(temporaries("sub"), 1);
	fsbatch_free(other);
	assert_int_equal(temporaries("sub"), 1);
	assert_int_equal(fsbatch_commit(b, &failed), 0);
	s = content("a.ics");
	assert_string_equal(s, "merged a");
	free(s);
	s = content("sub/c.ics");
	assert_string_equal(s, "merged c");
	free(s);
	fsbatch_free(b);

	b = fsbatch_new();
	other = fsbatch_new();
	assert_int_equal(fsbatch_write(other, c, "lost c", 6), 0);
	fsbatch_merge(b, other);
	fsbatch_free(other);
	fsbatch_free(b);
	s = content("sub/c.ics");
	assert_string_equal(s, "merged c");
	free(s);
	assert_int_equal(temporaries("sub"), 0);
	free(a);
	free(c);
}

/*
 * fsbatch_write_now(), write_file_atomic()'s body: the segments in
 * order over the old file, nothing left behind on failure; a pipe is
 * written where it is, not replaced by a file.
 */
static void
test_write_now(void **state)
{
	struct iovec iov[3] = { { (void *)"new ", 4 }, { (void *)"", 0 },
	    { (void *)"content", 7 } };
	char *a = path_of("now.ics"), *none = path_of("no/such/now.ics");
	char *fifo = path_of("pipe"), *dir = path_of("dir"), *s, buf[32];
	struct stat st;
	ssize_t n;
	int fd;

	(void)state;
	put("now.ics", "old");
	assert_int_equal(fsbatch_write_now(a, iov, 3), 0);
	s = content("now.ics");
	assert_string_equal(s, "new content");
	free(s);
	errno = 0;
	assert_int_equal(fsbatch_write_now(none, iov, 3), -1);
	assert_int_equal(errno, ENOENT);
	assert_int_equal(temporaries("."), 0);

	assert_int_equal(mkfifo(fifo, 0600), 0);
	fd = open(fifo, O_RDONLY | O_NONBLOCK);
	assert_true(fd >= 0);
	assert_int_equal(fsbatch_write_now(fifo, iov, 3), 0);
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	assert_int_equal(n, 11);
	buf[n] = '\0';
	assert_string_equal(buf, "new content");
	assert_int_equal(stat(fifo, &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	assert_int_equal(temporaries("."), 0);
	unlink(fifo);

	/* The rename fails (a directory is in the way): the temporary
	 * goes, errno stays the rename's, the directory is untouched. */
	assert_int_equal(mkdir(dir, 0700), 0);
	put("dir/inside", "kept");
	errno = 0;
	assert_int_equal(fsbatch_write_now(dir, iov, 3), -1);
	assert_int_equal(errno, EISDIR);
	assert_int_equal(temporaries("."), 0);
	s = content("dir/inside");
	assert_string_equal(s, "kept");
	free(s);
	free(a);
	free(none);
	free(fifo);
	free(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_commit),
		cmocka_unit_test(test_abandon),
		cmocka_unit_test(test_failures),
		cmocka_unit_test(test_writev),
		cmocka_unit_test(test_merge),
		cmocka_unit_test(test_write_now),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
