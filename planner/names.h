/* names.h: names numbered as strcaseeq() matches them, so that millions of questions compare numbers. */
#ifndef PLANNER_NAMES_H
#define PLANNER_NAMES_H

#include <stddef.h>
#include <stdint.h>

/*
 * Names of some kinds, numbered 0, 1, 2, ... in the order they are
 * first interned. The kind is a byte: a qualification and a language
 * of the same spelling are two names. Two names of a kind are the same
 * exactly when strcaseeq() says so (tolower() of each byte, the whole
 * of both strings). A zeroed struct names ({0}) is empty.
 */
struct names {
	char **key;		/* kind byte, then the name lowered; NULL: empty */
	uint32_t *id;
	size_t slots, n;	/* n: names interned */
};

/* The number of name s (not NULL) of the kind, a new one (n) if it has
 * none yet; fewer than 2^31 names in all. This function can't fail. */
uint32_t names_intern(struct names *n, char kind, const char *s);

/* The number of name s (not NULL) of the kind, or -1 when it was never
 * interned. Reads n only: threads may look names up at once, while
 * none interns. */
long names_find(const struct names *n, char kind, const char *s);

/* Frees what n holds and leaves it empty; NULL or an empty n is a
 * no-op. */
void names_free(struct names *n);

#endif
