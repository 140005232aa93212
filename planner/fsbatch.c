/* fsbatch.c: many files replaced together, each atomically, made durable by one sync. */
#define _GNU_SOURCE	/* syncfs, sync_file_range: Linux; fsync elsewhere */
#include "fsbatch.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include "util.h"

#if defined(__linux__) && defined(SYNC_FILE_RANGE_WRITE)
#define HAVE_SYNCFS 1
#endif

struct pending {
	char *path;
	char *tmp;	/* NULL once renamed over path */
	dev_t dev;	/* of the file system holding it */
};

struct fsbatch {
	struct pending *v;
	size_t n, cap;
	size_t done;	/* v[0..done) renamed */
	int committed;
};

struct fsbatch *
fsbatch_new(void)
{
	return xcalloc(1, sizeof(struct fsbatch));
}

/* Segments one writev(2) takes at most (POSIX: at least 16). */
#ifdef IOV_MAX
#define VEC_MAX (IOV_MAX < 1024 ? IOV_MAX : 1024)
#else
#define VEC_MAX 16
#endif

/* Write all of iov[0..n) to fd; -1 with errno on failure. */
static int
write_allv(int fd, const struct iovec *iov, size_t n)
{
	struct iovec v[VEC_MAX];
	size_t i = 0, m, first;
	ssize_t w;

	while (i < n) {
		m = n - i < VEC_MAX ? n - i : VEC_MAX;
		memcpy(v, iov + i, m * sizeof(*v));
		i += m;
		for (first = 0; first < m;) {
			if ((w = writev(fd, v + first, (int)(m - first))) < 0) {
				if (errno == EINTR)
					continue;
				return -1;
			}
			/* A short write: go on from where it stopped. */
			while (first < m && (size_t)w >= v[first].iov_len)
				w -= (ssize_t)v[first++].iov_len;
			if (first < m) {
				v[first].iov_base = (char *)v[first].iov_base +
				    w;
				v[first].iov_len -= (size_t)w;
			}
		}
	}
	return 0;
}

int
fsbatch_write(struct fsbatch *b, const char *path, const char *data,
    size_t len)
{
	struct iovec one;

	one.iov_base = (void *)data;
	one.iov_len = len;
	return fsbatch_writev(b, path, &one, 1);
}

/*
 * Whether path is a device, a pipe or a socket (after symbolic links):
 * written where it is, since renaming a file over it would replace
 * /dev/stdout or, as root, /dev/null itself with a regular file.
 */
static int
special_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && !S_ISREG(st.st_mode) &&
	    !S_ISDIR(st.st_mode);
}

/* Write iov[0..n) into the special file at path. Returns 0, or -1 with
 * errno. */
static int
write_in_place(const char *path, const struct iovec *iov, size_t n)
{
	int fd, saved;

	if ((fd = open(path, O_WRONLY)) == -1)
		return -1;
	if (write_allv(fd, iov, n) == -1) {
		saved = errno;
		close(fd);
		errno = saved;
		return -1;
	}
	return close(fd);
}

/*
 * The temporary-file body of every write here, and so of
 * write_file_atomic() (util.h): iov[0..n) written to a new
 * "PATH.tmp.XXXXXX" beside path, mode 0644, closed. With durable it is
 * fsync'd first (for a rename at once); else the disk is only asked to
 * start on it, and fsbatch_commit() syncs it with the others. Sets
 * *tmpp (caller frees) and *devp (its file system). Returns 0, or -1
 * with errno set and no temporary left.
 */
static int
temp_write(const char *path, const struct iovec *iov, size_t n, int durable,
    char **tmpp, dev_t *devp)
{
	struct stat st;
	char *tmp = xasprintf("%s.tmp.XXXXXX", path);
	int fd, saved;

	if ((fd = mkstemp(tmp)) == -1) {
		saved = errno;
		free(tmp);
		errno = saved;
		return -1;
	}
	if (write_allv(fd, iov, n) == -1 || fchmod(fd, 0644) == -1 ||
	    fstat(fd, &st) == -1 || (durable && fsync(fd) == -1))
		goto fail;
#ifdef HAVE_SYNCFS
	/* Start the disk on it now; fsbatch_commit() waits for the rest.
	 * Only a hint: a failure here shows again in the sync. */
	if (!durable)
		(void)sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
#endif
	if (close(fd) == -1) {
		fd = -1;
		goto fail;
	}
	*tmpp = tmp;
	*devp = st.st_dev;
	return 0;
fail:
	saved = errno;
	if (fd != -1)
		close(fd);
	unlink(tmp);
	free(tmp);
	errno = saved;
	return -1;
}

int
fsbatch_write_now(const char *path, const struct iovec *iov, size_t n)
{
	char *tmp;
	dev_t dev;
	int saved;

	if (special_file(path))
		return write_in_place(path, iov, n);
	if (temp_write(path, iov, n, 1, &tmp, &dev) == -1)
		return -1;
	if (rename(tmp, path) == -1) {
		saved = errno;
		unlink(tmp);
		free(tmp);
		errno = saved;
		return -1;
	}
	free(tmp);
	return 0;
}

int
fsbatch_writev(struct fsbatch *b, const char *path, const struct iovec *iov,
    size_t n)
{
	struct pending *pd;
	char *tmp;
	dev_t dev;

	if (special_file(path))
		return write_in_place(path, iov, n);
	if (temp_write(path, iov, n, 0, &tmp, &dev) == -1)
		return -1;
	b->v = vec_grow(b->v, &b->cap, b->n, sizeof(*b->v));
	pd = &b->v[b->n++];
	pd->path = xstrdup(path);
	pd->tmp = tmp;
	pd->dev = dev;
	return 0;
}

void
fsbatch_merge(struct fsbatch *into, struct fsbatch *from)
{
	size_t i;

	for (i = 0; i < from->n; i++) {
		into->v = vec_grow(into->v, &into->cap, into->n,
		    sizeof(*into->v));
		into->v[into->n++] = from->v[i];
	}
	from->n = 0;
}

/* fsync(2) of the file or directory at path. */
static int
sync_path(const char *path, int flags)
{
	int fd, rc, saved;

	if ((fd = open(path, flags)) == -1)
		return -1;
	rc = fsync(fd);
	saved = errno;
	close(fd);
	errno = saved;
	return rc;
}

/*
 * Make the temporaries durable. With syncfs, one call per file system
 * (of the first file on it) instead of one fsync, and so one journal
 * commit, per file.
 */
static int
sync_all(struct fsbatch *b, const char **failed)
{
	size_t i;
	int rc = 0;

#ifdef HAVE_SYNCFS
	/* The file systems synced so far: a handful, whatever b->n is. */
	dev_t *synced = xcalloc(b->n + 1, sizeof(*synced));
	size_t j, nsynced = 0;
	int fd, saved;

	for (i = 0; i < b->n && rc == 0; i++) {
		for (j = 0; j < nsynced && synced[j] != b->v[i].dev; j++)
			;
		if (j < nsynced)
			continue;
		synced[nsynced++] = b->v[i].dev;
		*failed = b->v[i].path;
		if ((fd = open(b->v[i].tmp, O_RDONLY)) == -1) {
			rc = -1;
			break;
		}
		rc = syncfs(fd);
		saved = errno;
		close(fd);
		errno = saved;
	}
	saved = errno;
	free(synced);
	errno = saved;
#else
	for (i = 0; i < b->n && rc == 0; i++) {
		*failed = b->v[i].path;
		rc = sync_path(b->v[i].tmp, O_WRONLY);
	}
#endif
	return rc;
}

/* The directory part of path ("." for none); caller frees. */
static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/* Sync each directory a file was renamed into, once, so that the
 * renames themselves survive a crash. A file system that cannot sync
 * a directory (EINVAL) keeps what it keeps. */
static int
sync_dirs(struct fsbatch *b, const char **failed)
{
	char **dirs = xcalloc(b->n + 1, sizeof(*dirs));
	size_t i, j, ndirs = 0;
	int rc = 0;

	for (i = 0; i < b->n && rc == 0; i++) {
		char *d = dir_of(b->v[i].path);

		for (j = 0; j < ndirs && strcmp(dirs[j], d) != 0; j++)
			;
		if (j < ndirs) {
			free(d);
			continue;
		}
		dirs[ndirs++] = d;
		if (sync_path(d, O_RDONLY) == -1 && errno != EINVAL) {
			*failed = b->v[i].path;
			rc = -1;
		}
	}
	for (i = 0; i < ndirs; i++)
		free(dirs[i]);
	free(dirs);
	return rc;
}

int
fsbatch_commit(struct fsbatch *b, const char **failed)
{
	const char *where = NULL;

	if (failed == NULL)
		failed = &where;
	*failed = NULL;
	if (b->committed) {
		errno = EINVAL;
		return -1;
	}
	b->committed = 1;
	if (sync_all(b, failed) == -1)
		return -1;
	for (; b->done < b->n; b->done++) {
		struct pending *pd = &b->v[b->done];

		if (rename(pd->tmp, pd->path) == -1) {
			*failed = pd->path;
			return -1;
		}
		free(pd->tmp);
		pd->tmp = NULL;
	}
	if (sync_dirs(b, failed) == -1)
		return -1;
	*failed = NULL;
	return 0;
}

void
fsbatch_free(struct fsbatch *b)
{
	size_t i;
	int saved = errno;

	if (b == NULL)
		return;
	for (i = 0; i < b->n; i++) {
		if (b->v[i].tmp != NULL)
			unlink(b->v[i].tmp);
		free(b->v[i].tmp);
		free(b->v[i].path);
	}
	free(b->v);
	free(b);
	errno = saved;
}
