/* digest.h: SHA-256 content hashes, for telling plan revisions apart. */
#ifndef PLANNER_DIGEST_H
#define PLANNER_DIGEST_H

#include <stddef.h>

/* Lower-case hex SHA-256 is this many characters, without the NUL. */
#define DIGEST_HEX_LEN 64

struct digest;

/*
 * A new SHA-256 computation; feed it with digest_add() and end it with
 * digest_finish(). This function can't fail (running out of memory
 * exits, as xmalloc does).
 */
struct digest *digest_new(void);

/* Add len bytes of data. This function can't fail. */
void digest_add(struct digest *dg, const void *data, size_t len);

/*
 * A copy of dg, to go on from what was added so far, apart from dg
 * (a long common prefix hashed once for many digests). This function
 * can't fail.
 */
struct digest *digest_dup(const struct digest *dg);

/*
 * Write the lower-case hex digest of everything added into hex and free
 * dg. This function can't fail.
 */
void digest_finish(struct digest *dg, char hex[static DIGEST_HEX_LEN + 1]);

/* The hex SHA-256 of one buffer, into hex. This function can't fail. */
void digest_sha256(const void *data, size_t len,
    char hex[static DIGEST_HEX_LEN + 1]);

#endif
