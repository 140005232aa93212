/* digest.c: SHA-256 through GLib's GChecksum, the only module that sees GLib. */
#include "digest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

/*
 * GLib aborts on allocation failure by itself; a NULL here can only mean
 * SHA-256 is missing from GLib, which no caller could work around.
 */
struct digest *
digest_new(void)
{
	GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);

	if (c == NULL) {
		fputs("planner: SHA-256 is not available in GLib\n", stderr);
		exit(3);
	}
	return (struct digest *)c;
}

void
digest_add(struct digest *dg, const void *data, size_t len)
{
	GChecksum *c = (GChecksum *)dg;
	const unsigned char *p = data;

	/* g_checksum_update takes a gssize: feed huge buffers in pieces. */
	while (len > 0) {
		size_t n = len > (1u << 30) ? (1u << 30) : len;

		g_checksum_update(c, p, (gssize)n);
		p += n;
		len -= n;
	}
}

struct digest *
digest_dup(const struct digest *dg)
{
	GChecksum *c = g_checksum_copy((const GChecksum *)dg);

	if (c == NULL) {
		fputs("planner: cannot copy a SHA-256 state\n", stderr);
		exit(3);
	}
	return (struct digest *)c;
}

void
digest_finish(struct digest *dg, char hex[static DIGEST_HEX_LEN + 1])
{
	GChecksum *c = (GChecksum *)dg;
	const char *s = g_checksum_get_string(c);

	snprintf(hex, DIGEST_HEX_LEN + 1, "%s", s);
	g_checksum_free(c);
}

void
digest_sha256(const void *data, size_t len,
    char hex[static DIGEST_HEX_LEN + 1])
{
	struct digest *dg = digest_new();

	digest_add(dg, data, len);
	digest_finish(dg, hex);
}
