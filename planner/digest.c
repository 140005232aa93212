/* digest.c: SHA-256 through Nettle, the only module that sees it. */
#include "digest.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <nettle/sha2.h>

#include "util.h"

/*
 * Nettle rather than GLib's GChecksum: a stored revision hashes its
 * plan's JSON and the run's documents (60 MB for a program of 2,000
 * exercises), and Nettle uses the processor's SHA instructions where
 * there are any (1.4 GB/s here, against 0.2 GB/s for GLib's portable
 * code). The hex digests are the same SHA-256.
 */
struct digest {
	struct sha256_ctx ctx;
};

/* The digest so far as lower-case hex, into hex; ends ctx's message. */
static void
finish_hex(struct sha256_ctx *ctx, char hex[static DIGEST_HEX_LEN + 1])
{
	static const char digits[] = "0123456789abcdef";
	uint8_t md[SHA256_DIGEST_SIZE];
	size_t i;

	sha256_digest(ctx, sizeof(md), md);
	for (i = 0; i < sizeof(md); i++) {
		hex[2 * i] = digits[md[i] >> 4];
		hex[2 * i + 1] = digits[md[i] & 0xf];
	}
	hex[DIGEST_HEX_LEN] = '\0';
}

struct digest *
digest_new(void)
{
	struct digest *dg = xmalloc(sizeof(*dg));

	sha256_init(&dg->ctx);
	return dg;
}

void
digest_add(struct digest *dg, const void *data, size_t len)
{
	sha256_update(&dg->ctx, len, data);
}

struct digest *
digest_dup(const struct digest *dg)
{
	struct digest *c = xmalloc(sizeof(*c));

	memcpy(c, dg, sizeof(*c));
	return c;
}

void
digest_finish(struct digest *dg, char hex[static DIGEST_HEX_LEN + 1])
{
	finish_hex(&dg->ctx, hex);
	free(dg);
}

void
digest_sha256(const void *data, size_t len,
    char hex[static DIGEST_HEX_LEN + 1])
{
	struct sha256_ctx ctx;	/* no allocation: a run hashes thousands */

	sha256_init(&ctx);
	sha256_update(&ctx, len, data);
	finish_hex(&ctx, hex);
}
