/* names.c: names numbered as strcaseeq() matches them, in an open-addressed table. */
#include "names.h"

#include <assert.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* FNV-1a of the kind byte and the name through tolower(): the hash of
 * a stored key, and of every spelling strcaseeq() calls equal to it,
 * computed without a copy, so lookups write nothing. */
static uint64_t
names_hash(char kind, const char *s)
{
	uint64_t h = UINT64_C(14695981039346656037);

	h = (h ^ (unsigned char)kind) * UINT64_C(1099511628211);
	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)tolower((unsigned char)*s)) *
		    UINT64_C(1099511628211);
	return h;
}

/* Whether the stored key is name s of the kind. */
static int
names_is(const char *key, char kind, const char *s)
{
	if (*key++ != kind)
		return 0;
	for (; *key != '\0' && *s != '\0'; key++, s++)
		if (*key != (char)tolower((unsigned char)*s))
			return 0;
	return *key == *s;
}

/* The slot of name s of the kind, empty if it is not there. */
static size_t
names_slot(const struct names *n, char kind, const char *s)
{
	size_t i = (size_t)names_hash(kind, s) & (n->slots - 1);

	while (n->key[i] != NULL && !names_is(n->key[i], kind, s))
		i = (i + 1) & (n->slots - 1);
	return i;
}

/* Twice the slots, every key moved to its new place. */
static void
names_grow(struct names *n)
{
	char **okey = n->key;
	uint32_t *oid = n->id;
	size_t slots = n->slots, i, j;

	n->slots = slots == 0 ? 64 : 2 * slots;
	n->key = xcalloc(n->slots, sizeof(*n->key));
	n->id = xcalloc(n->slots, sizeof(*n->id));
	for (i = 0; i < slots; i++)
		if (okey[i] != NULL) {
			/* Stored lowered: tolower() leaves it as it is. */
			j = names_slot(n, okey[i][0], okey[i] + 1);
			n->key[j] = okey[i];
			n->id[j] = oid[i];
		}
	free(okey);
	free(oid);
}

uint32_t
names_intern(struct names *n, char kind, const char *s)
{
	size_t i, k, len;

	assert(n->n < INT32_MAX);	/* names_find() returns it as long */
	/* At most half full, so a probe always ends; grown before the
	 * look-up, even for a name already there. */
	if (n->slots == 0 || 2 * (n->n + 1) > n->slots)
		names_grow(n);
	i = names_slot(n, kind, s);
	if (n->key[i] == NULL) {
		len = strlen(s);
		n->key[i] = xmalloc(len + 2);
		n->key[i][0] = kind;
		for (k = 0; k <= len; k++)
			n->key[i][k + 1] = (char)tolower((unsigned char)s[k]);
		n->id[i] = (uint32_t)n->n++;
	}
	return n->id[i];
}

long
names_find(const struct names *n, char kind, const char *s)
{
	size_t i;

	if (n->slots == 0)
		return -1;
	i = names_slot(n, kind, s);
	return n->key[i] == NULL ? -1 : (long)n->id[i];
}

void
names_free(struct names *n)
{
	size_t i;

	if (n == NULL)
		return;
	for (i = 0; i < n->slots; i++)
		free(n->key[i]);
	free(n->key);
	free(n->id);
	memset(n, 0, sizeof(*n));
}
