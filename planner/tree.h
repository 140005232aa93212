/* tree.h: YAML files read into plain node trees that keep their positions. */
#ifndef PLANNER_TREE_H
#define PLANNER_TREE_H

#include <stddef.h>

#include "diag.h"

/* Bounds against hostile input: each gives a clear error when passed. */
#define TREE_MAX_FILE_SIZE	(64u * 1024 * 1024)
#define TREE_MAX_DEPTH		64
#define TREE_MAX_DOCS		100000
#define TREE_MAX_SCALAR		(1024 * 1024)
#define TREE_MAX_EXPANSION	1000000	/* nodes reachable through aliases */
#define TREE_MAX_NODES		1000000	/* values and aliases written */

enum tnode_kind { TN_SCALAR, TN_SEQ, TN_MAP };

/*
 * A node. Scalars keep their text uninterpreted: the loader decides what
 * a value means from the key it belongs to, so YAML 1.1 surprises ("no"
 * as false, 08:00 as a sexagesimal number) never happen. Aliases share
 * the anchored node, so a tree is a DAG; all of it lives in the file's
 * arena. Merge keys ("<<: *base") are resolved while reading: explicit
 * keys win over merged ones, and no "<<" key is left in a map.
 */
struct tnode {
	enum tnode_kind kind;
	const char *file;	/* the very path pointer given to tree_load */
	int line, col;		/* 1-based start of the node */
	int plain;		/* scalar written without quotes */
	const char *str;	/* scalar text, NUL-terminated */
	size_t len;		/* scalar length; a NUL inside is an error */
	size_t n;		/* items of a sequence, pairs of a map */
	struct tnode **items;	/* sequence items */
	struct tnode **keys;	/* map keys (always scalars), file order */
	struct tnode **vals;	/* map values */
};

struct tdoc {
	struct tnode *root;	/* NULL for an empty document */
	int line, col;		/* where the document starts */
};

struct tfile {
	const char *path;
	struct tdoc *docs;
	size_t ndocs;
	struct arena *arena;	/* owns everything above */
};

/*
 * Read every document of a YAML file. Returns the file, or NULL after
 * adding errors to d: unreadable file, over TREE_MAX_FILE_SIZE, not
 * UTF-8 text, YAML syntax errors, non-scalar or duplicate keys, tags,
 * undefined aliases, or any bound above exceeded. Every error carries
 * file:line:col. Free the result with tree_free().
 *
 * The path is borrowed, not copied: every node's file points at it, so
 * that locations taken from nodes stay valid after tree_free(); it must
 * outlive them.
 */
struct tfile *tree_load(const char *path, struct diags *d);

/* The same from memory; name (borrowed likewise) is used in messages
 * and as tnode.file. */
struct tfile *tree_load_mem(const char *name, const char *buf, size_t len,
    struct diags *d);

void tree_free(struct tfile *f);	/* NULL is a no-op */

/* The value under key in a map node, or NULL. */
struct tnode *tree_get(const struct tnode *map, const char *key);

/* A name for a node's kind in messages: "a mapping", "a list", "text". */
const char *tree_kind_name(const struct tnode *n);

#endif
