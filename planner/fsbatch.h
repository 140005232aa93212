/* fsbatch.h: many files replaced together, each atomically, made durable by one sync. */
#ifndef PLANNER_FSBATCH_H
#define PLANNER_FSBATCH_H

#include <stddef.h>
#include <sys/uio.h>

/*
 * write_file_atomic() syncs each file before renaming it into place, so
 * writing 20,000 calendars waits for 20,000 journal commits. A batch
 * writes every file to a temporary beside its path first, makes them
 * all durable at once (syncfs(2) on Linux, else fsync(2) of each), and
 * only then renames each into place and syncs the directories: a crash
 * at any point leaves each path with its old content or its new one,
 * never a partial file (at worst a "PATH.tmp.XXXXXX" left over).
 */
struct fsbatch;

/* An empty batch. Can't fail; free with fsbatch_free(). */
struct fsbatch *fsbatch_new(void);

/*
 * Write len bytes of data to a temporary file beside path, to be
 * renamed over path by fsbatch_commit(); the disk starts writing it at
 * once, where the system allows, so that the sync at the end has less
 * to wait for. A path that is a device, pipe or socket is written in
 * place at once instead, as write_file_atomic() does. Returns 0, or -1
 * with errno set and no temporary left behind. Writing one path twice
 * in a batch is a bug: the last rename would win.
 */
int fsbatch_write(struct fsbatch *b, const char *path, const char *data,
    size_t len);

/* The same with the file's bytes in segments iov[0..n), written in
 * order without joining them first. */
int fsbatch_writev(struct fsbatch *b, const char *path,
    const struct iovec *iov, size_t n);

/*
 * Replace the file at path with the segments iov[0..n), in order, at
 * once and on its own: a temporary beside it, fsync(2), rename(2), as
 * fsbatch_commit() does for a batch of one (but without syncing the
 * directory). A device, pipe or socket is written in place. Returns 0,
 * or -1 with errno set and no temporary left behind. write_file_atomic()
 * (util.h) is this with one segment.
 */
int fsbatch_write_now(const char *path, const struct iovec *iov, size_t n);

/*
 * Move the files of from, in the order written, to the end of into (as
 * if written there after its own), leaving from empty. Neither is
 * committed yet. Threads writing files each into a batch of their own
 * merge them, in an order that does not depend on timing, into the one
 * committed. Can't fail.
 */
void fsbatch_merge(struct fsbatch *into, struct fsbatch *from);

/*
 * Make every file of b durable, rename each over its path in the order
 * written, then sync the directories that hold them. Returns 0, or -1
 * with errno set and *failed (when not NULL) set to the path concerned
 * (borrowed from b: valid until fsbatch_free()); the files not renamed
 * yet keep their old content, and their temporaries are removed by
 * fsbatch_free(). A batch is committed at most once.
 */
int fsbatch_commit(struct fsbatch *b, const char **failed);

/* Remove the temporaries of files not committed, and free b.
 * fsbatch_free(NULL) is a no-op. */
void fsbatch_free(struct fsbatch *b);

#endif
