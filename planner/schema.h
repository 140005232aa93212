/* schema.h: declarative key tables that check YAML trees and decode them into structs. */
#ifndef PLANNER_SCHEMA_H
#define PLANNER_SCHEMA_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "tree.h"

/*
 * A document kind is described once, as a table of keys. The same table
 * decodes a tree, reports unknown, missing and ill-typed keys at their
 * position, and lists the documented keys for the test that holds
 * docs/format.md to the loader.
 */

struct i18n;
struct param_def;

struct schema_ctx {
	struct diags *diags;
	struct arena *arena;	/* decoded strings and arrays live here */
	int partial;		/* an override: nothing is required */
	void *user;		/* the loader's state, for custom decoders */
	/*
	 * How S_TEXT values of templates (and overrides of them) are read:
	 * with SCHEMA_TEXT_LANGS a text may be a mapping of language codes
	 * ({en: ..., es: ...}, 'en' required), decoded as its English text
	 * with the others recorded in i18n; with SCHEMA_TEXT_PARAMS every
	 * "{{id}}" in it must name one of params[0..nparams).
	 */
	unsigned text_flags;
	struct i18n *i18n;
	const struct param_def *params;
	size_t nparams;
};

#define SCHEMA_TEXT_LANGS	0x1
#define SCHEMA_TEXT_PARAMS	0x2

enum stype {
	S_ID,		/* char *, id syntax */
	S_TEXT,		/* char * */
	S_EMAIL,	/* char *, an e-mail address */
	S_LANG,		/* char *, ISO 639-1 code */
	S_COUNTRY,	/* char *, ISO 3166-1 alpha-2, stored upper case */
	S_TZ,		/* char *, a zone tzdata knows */
	S_INT,		/* int within [min, max] */
	S_BOOL,		/* int, true or false */
	S_ENUM,		/* int, index into names() */
	S_DATE,		/* pdate */
	S_CLOCK,	/* int, minutes after midnight */
	S_SPAN,		/* struct span */
	S_DURATION,	/* int64_t seconds */
	S_IDLIST,	/* struct strlist of ids */
	S_TEXTLIST,	/* struct strlist of text */
	S_LANGLIST,	/* struct strlist of language codes */
	S_MAP,		/* an embedded struct decoded with sub */
	S_LIST,		/* arena array of sub->size elements, count at count_off */
	S_CUSTOM	/* decode() gets the node and the enclosing object */
};

#define SF_REQUIRED	0x1	/* must be present (unless ctx->partial) */
#define SF_NO_OVERRIDE	0x2	/* may not appear in an override */

struct schema;

struct field {
	const char *key;
	enum stype type;
	size_t off;
	unsigned flags;
	const struct schema *sub;		/* S_MAP, S_LIST */
	size_t count_off;			/* S_LIST: a size_t */
	int min, max;				/* S_INT */
	const char *const *(*names)(size_t *n);	/* S_ENUM */
	int (*decode)(struct schema_ctx *c, const struct tnode *n,
	    void *obj);				/* S_CUSTOM; 0 or -1 */
	const char *const *doc_keys;		/* S_CUSTOM: documented subkeys */
};

struct schema {
	const char *what;	/* "an event": used in messages */
	size_t size;		/* element size, for S_LIST */
	const struct field *fields;
	size_t nfields;		/* at most 64 */
	const char *scalar_key;	/* a scalar stands for {scalar_key: value} */
	size_t loc_off;		/* where the struct keeps its struct loc */
	void (*init)(void *obj);	/* defaults, before decoding */
	/* Cross-key checks after decoding; seen has bit i for fields[i]. */
	void (*check)(struct schema_ctx *c, const struct tnode *n, void *obj,
	    uint64_t seen);
};

/* The bit of a key in "seen", for check() functions. */
uint64_t schema_bit(const struct schema *s, const char *key);

/*
 * Decode map node n into obj (of s->size bytes, already initialised by
 * the caller or, when init is set and !c->partial, by init()). Every
 * problem is added to c->diags at its node; decoding goes on past errors
 * so that one run reports them all. Returns 0, or -1 if any error was
 * found in this subtree. *seen (may be NULL) receives the keys present.
 */
int schema_decode(struct schema_ctx *c, const struct schema *s,
    const struct tnode *n, void *obj, uint64_t *seen);

/* Report an error at node n (or at line 0 when n is NULL). */
void schema_error(struct schema_ctx *c, const struct tnode *n,
    const char *fmt, ...) PRINTF_LIKE(3, 4);

/* Report an error at a position kept in the model. */
struct loc;
void schema_error_at(struct schema_ctx *c, const struct loc *l,
    const char *fmt, ...) PRINTF_LIKE(3, 4);

/* Scalar readers for custom decoders: 0 and *out set, or -1 reported. */
int schema_text(struct schema_ctx *c, const struct tnode *n, const char *key,
    char **out);
int schema_id(struct schema_ctx *c, const struct tnode *n, const char *key,
    char **out);

/* Is s a valid id (1-64 of [A-Za-z0-9._-], starting alphanumeric)? */
int schema_is_id(const char *s);

/*
 * Is s a language code as rosters and templates write them: an ISO 639-1
 * code ('en', 'es', 'uk'), or three lower-case letters of ISO 639-2/3
 * for languages that have no two-letter code? Can't fail.
 */
int schema_is_lang(const char *s);

/* Call fn with every documented key path ("events[].window"). */
void schema_walk(const struct schema *s, void (*fn)(const char *path,
    void *arg), void *arg);

#endif
