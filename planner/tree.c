/* tree.c: YAML files read into plain node trees; the only user of libyaml. */
#define _POSIX_C_SOURCE 200809L
#include "tree.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <yaml.h>

#include "util.h"

/*
 * The tree is built from libyaml's event stream rather than its document
 * loader: events let us keep positions, stop at the first bound passed
 * (before libyaml's own stacks grow with hostile nesting) and count alias
 * expansion as it happens. Our own nesting lives in a fixed stack of
 * frames, so no input makes this code recurse.
 */

#define MIB		(1024 * 1024)
#define STD_TAG		"tag:yaml.org,2002:"

/* A node as it appeared in a collection: aliases share nodes, so where
 * the alias was written is only known here. */
struct child {
	struct tnode *node;
	int line, col;
};

/* A sequence or mapping whose end event has not come yet. */
struct frame {
	struct tnode *node;
	char *anchor;		/* owned; registered when the node is done */
	struct child *v;	/* items, or key, value, key, value... */
	size_t nv, cap;
	struct child *merges;	/* maps named by "<<", in order */
	size_t nm, mcap;
	size_t weight;		/* nodes in this subtree, aliases expanded */
	int mergeline;		/* line of the "<<" key, 0 if none yet */
};

struct anchor {
	char *name;		/* owned; NULL marks a free slot */
	struct tnode *node;
	size_t weight;
};

/* Anchors of the current document: open addressing, so that a file of
 * many anchors and aliases stays linear. */
struct anchors {
	struct anchor *v;
	size_t n, cap;		/* cap is 0 or a power of two */
};

struct reader {
	yaml_parser_t parser;
	struct diags *d;
	struct arena *arena;
	const char *file;	/* the caller's name, borrowed */
	const char *buf;
	size_t len, skip;	/* skip: bytes of a UTF-8 BOM */
	struct frame stack[TREE_MAX_DEPTH];
	int depth;
	struct tdoc *docs;
	size_t ndocs, doccap;
	struct anchors anchors;
	struct tnode *undef;	/* stands for every undefined alias */
	size_t expansion;
	size_t nodes;		/* scalars, collections and aliases read */
	size_t nerrors;
};

/* For sorting a map's keys: idx is the pair's place, explicit first. */
struct cand {
	const struct tnode *key;
	size_t idx;
};

static void rd_error(struct reader *, int, int, const char *, ...)
    PRINTF_LIKE(4, 5);

static void
rd_error(struct reader *r, int line, int col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vadd(r->d, DIAG_ERROR, r->file, line, col, fmt, ap);
	va_end(ap);
	r->nerrors++;
}

/* Text to quote in a message: a 1 MiB key should not make a 1 MiB line. */
static const char *
shorten(struct reader *r, const char *s)
{
	size_t n = 50;

	if (strlen(s) <= 60)
		return s;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;	/* not in the middle of a UTF-8 sequence */
	return arena_printf(r->arena, "%.*s...", (int)n, s);
}

/* libyaml counts from 0; messages count from 1. */
static int
pos1(size_t v)
{
	return v >= INT_MAX ? INT_MAX : (int)v + 1;
}

static uint64_t
hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* The slot holding name, or the free slot where it would go. */
static struct anchor *
anchor_slot(const struct anchors *t, const char *name)
{
	size_t mask = t->cap - 1, i = hash(name) & mask;

	while (t->v[i].name != NULL && strcmp(t->v[i].name, name) != 0)
		i = (i + 1) & mask;
	return &t->v[i];
}

static void
anchors_grow(struct anchors *t)
{
	struct anchors nt;
	size_t i;

	nt.cap = t->cap ? t->cap * 2 : 16;
	nt.n = t->n;
	nt.v = xcalloc(nt.cap, sizeof(*nt.v));
	for (i = 0; i < t->cap; i++)
		if (t->v[i].name != NULL)
			*anchor_slot(&nt, t->v[i].name) = t->v[i];
	free(t->v);
	*t = nt;
}

/* Takes ownership of name. A later anchor of the same name replaces an
 * earlier one, as YAML says. */
static void
anchor_set(struct anchors *t, char *name, struct tnode *node, size_t weight)
{
	struct anchor *a;

	if ((t->n + 1) * 2 > t->cap)
		anchors_grow(t);
	a = anchor_slot(t, name);
	if (a->name != NULL)
		free(name);
	else {
		a->name = name;
		t->n++;
	}
	a->node = node;
	a->weight = weight;
}

static const struct anchor *
anchor_get(const struct anchors *t, const char *name)
{
	const struct anchor *a;

	if (t->cap == 0)
		return NULL;
	a = anchor_slot(t, name);
	return a->name != NULL ? a : NULL;
}

/* Anchors are per document. */
static void
anchors_clear(struct anchors *t)
{
	size_t i;

	for (i = 0; i < t->cap; i++)
		free(t->v[i].name);
	free(t->v);
	memset(t, 0, sizeof(*t));
}

static void
push_child(struct child **vp, size_t *np, size_t *capp, struct tnode *node,
    int line, int col)
{
	*vp = vec_grow(*vp, capp, *np, sizeof(**vp));
	(*vp)[*np].node = node;
	(*vp)[*np].line = line;
	(*vp)[*np].col = col;
	(*np)++;
}

static struct tnode *
new_node(struct reader *r, enum tnode_kind kind, yaml_mark_t m)
{
	struct tnode *n = arena_alloc(r->arena, sizeof(*n));

	n->kind = kind;
	n->file = r->file;
	n->line = pos1(m.line);
	n->col = pos1(m.column);
	return n;
}

static int
keycmp(const struct tnode *a, const struct tnode *b)
{
	size_t min = a->len < b->len ? a->len : b->len;
	int c = memcmp(a->str, b->str, min);

	if (c != 0)
		return c;
	return (a->len > b->len) - (a->len < b->len);
}

static int
cand_cmp(const void *pa, const void *pb)
{
	const struct cand *a = pa, *b = pb;
	int c = keycmp(a->key, b->key);

	if (c != 0)
		return c;
	return (a->idx > b->idx) - (a->idx < b->idx);
}

/* Only the plain spelling is a merge key; "<<" in quotes is text. */
static int
is_merge_key(const struct tnode *k)
{
	return k->plain && k->len == 2 && memcmp(k->str, "<<", 2) == 0;
}

/* "!!str" rather than libyaml's expanded "tag:yaml.org,2002:str". */
static const char *
tag_name(struct reader *r, const char *tag)
{
	size_t n = strlen(STD_TAG);

	if (strncmp(tag, STD_TAG, n) == 0)
		return arena_printf(r->arena, "!!%s", tag + n);
	return tag;
}

/* Tags would give scalars meaning the loader should decide; only the
 * ones that restate what the node already is are let through. */
static void
check_tag(struct reader *r, const yaml_char_t *ytag, const struct tnode *n)
{
	static const char *const fits[] = {
		[TN_SCALAR] = STD_TAG "str",
		[TN_SEQ] = STD_TAG "seq",
		[TN_MAP] = STD_TAG "map",
	};
	const char *tag = (const char *)ytag;
	size_t i;

	if (tag == NULL || strcmp(tag, fits[n->kind]) == 0)
		return;
	for (i = 0; i < NELEM(fits); i++)
		if (strcmp(tag, fits[i]) == 0) {
			rd_error(r, n->line, n->col,
			    "tag '%s' cannot be used on %s",
			    tag_name(r, tag), tree_kind_name(n));
			return;
		}
	rd_error(r, n->line, n->col, "tags are not supported ('%s')",
	    tag_name(r, tag));
}

/* Remember the maps a "<<" names; they are merged when the map ends. */
static void
merge_add(struct reader *r, struct frame *fr, const struct child *key,
    struct tnode *val, int line, int col)
{
	size_t i;

	if (fr->mergeline != 0) {
		rd_error(r, key->line, key->col,
		    "duplicate key '<<' (first at line %d)", fr->mergeline);
		return;
	}
	fr->mergeline = key->line;
	if (val == r->undef)
		return;		/* already reported */
	if (val->kind == TN_MAP) {
		push_child(&fr->merges, &fr->nm, &fr->mcap, val, line, col);
		return;
	}
	if (val->kind == TN_SCALAR) {
		rd_error(r, line, col, "can only merge mappings, not text");
		return;
	}
	for (i = 0; i < val->n; i++) {
		struct tnode *it = val->items[i];

		if (it == r->undef)
			continue;
		if (it->kind != TN_MAP)
			rd_error(r, line, col,
			    "can only merge mappings, not %s (item %zu)",
			    tree_kind_name(it), i + 1);
		else
			push_child(&fr->merges, &fr->nm, &fr->mcap, it, line,
			    col);
	}
}

/* A key waits in the frame for its value; a bad key drops the pair. */
static void
map_add(struct reader *r, struct frame *fr, struct tnode *n, int line,
    int col)
{
	struct child *key;

	if (fr->nv % 2 == 0) {
		if (n == r->undef)
			n = NULL;	/* already reported */
		else if (n->kind != TN_SCALAR) {
			rd_error(r, line, col,
			    "keys must be plain text, not %s",
			    tree_kind_name(n));
			n = NULL;
		}
		push_child(&fr->v, &fr->nv, &fr->cap, n, line, col);
		return;
	}
	key = &fr->v[fr->nv - 1];
	if (key->node == NULL)
		fr->nv--;
	else if (is_merge_key(key->node)) {
		merge_add(r, fr, key, n, line, col);
		fr->nv--;
	} else
		push_child(&fr->v, &fr->nv, &fr->cap, n, line, col);
}

/* Hand a finished node to its parent, or make it the document's root. */
static void
add_node(struct reader *r, struct tnode *n, size_t weight, int line, int col)
{
	struct frame *p;

	if (r->depth == 0) {
		if (r->ndocs > 0)
			r->docs[r->ndocs - 1].root = n;
		return;
	}
	p = &r->stack[r->depth - 1];
	p->weight += weight;
	if (p->node->kind == TN_SEQ)
		push_child(&p->v, &p->nv, &p->cap, n, line, col);
	else
		map_add(r, p, n, line, col);
}

static void
finish_seq(struct reader *r, struct frame *fr)
{
	struct tnode *n = fr->node;
	size_t i;

	n->n = fr->nv;
	n->items = arena_array(r->arena, fr->nv, sizeof(*n->items));
	for (i = 0; i < fr->nv; i++)
		n->items[i] = fr->v[i].node;
}

/*
 * For every pair, explicit ones first and then those of each merged map
 * in order, the index of the first pair with the same key. Sorting keeps
 * a map of many keys from costing quadratic time. Caller frees.
 */
static size_t *
first_of_keys(const struct frame *fr, size_t total)
{
	struct cand *c = xreallocarray(NULL, total, sizeof(*c));
	size_t *first = xreallocarray(NULL, total, sizeof(*first));
	size_t i, j, k = 0, g = 0;

	for (i = 0; i < fr->nv / 2; i++, k++)
		c[k] = (struct cand){ fr->v[2 * i].node, k };
	for (i = 0; i < fr->nm; i++)
		for (j = 0; j < fr->merges[i].node->n; j++, k++)
			c[k] = (struct cand){ fr->merges[i].node->keys[j], k };
	qsort(c, total, sizeof(*c), cand_cmp);
	for (i = 0; i < total; i++) {
		if (i == 0 || keycmp(c[i - 1].key, c[i].key) != 0)
			g = c[i].idx;
		first[c[i].idx] = g;
	}
	free(c);
	return first;
}

/* Explicit keys win over merged ones, earlier merges over later. */
static void
finish_map(struct reader *r, struct frame *fr)
{
	struct tnode *n = fr->node, *src;
	size_t e = fr->nv / 2, total = e, kept = 0, i, j, k;
	size_t *first;

	for (i = 0; i < fr->nm; i++)
		total += fr->merges[i].node->n;
	if (total == 0)
		return;
	first = first_of_keys(fr, total);
	for (k = 0; k < total; k++)
		kept += first[k] == k;
	n->keys = arena_array(r->arena, kept, sizeof(*n->keys));
	n->vals = arena_array(r->arena, kept, sizeof(*n->vals));
	for (i = 0; i < e; i++) {
		const struct child *key = &fr->v[2 * i];

		if (first[i] != i) {
			rd_error(r, key->line, key->col,
			    "duplicate key '%s' (first at line %d)",
			    shorten(r, key->node->str),
			    fr->v[2 * first[i]].line);
			continue;
		}
		n->keys[n->n] = key->node;
		n->vals[n->n++] = fr->v[2 * i + 1].node;
	}
	for (i = 0, k = e; i < fr->nm; i++) {
		src = fr->merges[i].node;
		for (j = 0; j < src->n; j++, k++)
			if (first[k] == k) {
				n->keys[n->n] = src->keys[j];
				n->vals[n->n++] = src->vals[j];
			}
	}
	free(first);
}

static int
on_doc_start(struct reader *r, const yaml_event_t *ev)
{
	struct tdoc *doc;

	if (r->ndocs == TREE_MAX_DOCS) {
		rd_error(r, pos1(ev->start_mark.line),
		    pos1(ev->start_mark.column),
		    "more than %d documents in one file", TREE_MAX_DOCS);
		return -1;
	}
	r->docs = vec_grow(r->docs, &r->doccap, r->ndocs, sizeof(*r->docs));
	doc = &r->docs[r->ndocs++];
	doc->root = NULL;
	doc->line = pos1(ev->start_mark.line);
	doc->col = pos1(ev->start_mark.column);
	return 0;
}

static int
on_scalar(struct reader *r, const yaml_event_t *ev)
{
	struct tnode *n = new_node(r, TN_SCALAR, ev->start_mark);
	const char *val = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length;

	check_tag(r, ev->data.scalar.tag, n);
	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	n->str = "";
	if (len > TREE_MAX_SCALAR)
		rd_error(r, n->line, n->col, "text is longer than %d MiB",
		    TREE_MAX_SCALAR / MIB);
	else {
		n->str = arena_strndup(r->arena, val, len);
		n->len = len;
		if (memchr(val, '\0', len) != NULL)
			rd_error(r, n->line, n->col,
			    "text contains a NUL character");
	}
	/* libyaml reports "---" with nothing after it as an empty plain
	 * scalar; that document has no root. */
	if (r->depth == 0 && n->plain && n->len == 0 &&
	    ev->data.scalar.tag == NULL)
		return 0;
	if (ev->data.scalar.anchor != NULL)
		anchor_set(&r->anchors,
		    xstrdup((const char *)ev->data.scalar.anchor), n, 1);
	add_node(r, n, 1, n->line, n->col);
	return 0;
}

/*
 * An alias shares the anchored node, but counts as a copy of it: that
 * is what a reader of the tree will walk, and bounding it is what stops
 * "billion laughs" input.
 */
static int
on_alias(struct reader *r, const yaml_event_t *ev)
{
	const char *name = (const char *)ev->data.alias.anchor;
	const struct anchor *a = anchor_get(&r->anchors, name);
	int line = pos1(ev->start_mark.line), col = pos1(ev->start_mark.column);

	if (a == NULL) {
		rd_error(r, line, col, "undefined alias '%s'",
		    shorten(r, name));
		add_node(r, r->undef, 1, line, col);
		return 0;
	}
	if (a->weight > TREE_MAX_EXPANSION - r->expansion) {
		rd_error(r, line, col, "aliases expand to more than %d nodes",
		    TREE_MAX_EXPANSION);
		return -1;
	}
	r->expansion += a->weight;
	add_node(r, a->node, a->weight, line, col);
	return 0;
}

static int
on_start(struct reader *r, const yaml_event_t *ev, enum tnode_kind kind)
{
	const yaml_char_t *anchor, *tag;
	struct frame *fr;
	struct tnode *n;

	if (r->depth == TREE_MAX_DEPTH) {
		rd_error(r, pos1(ev->start_mark.line),
		    pos1(ev->start_mark.column),
		    "nesting deeper than %d levels", TREE_MAX_DEPTH);
		return -1;
	}
	if (kind == TN_SEQ) {
		anchor = ev->data.sequence_start.anchor;
		tag = ev->data.sequence_start.tag;
	} else {
		anchor = ev->data.mapping_start.anchor;
		tag = ev->data.mapping_start.tag;
	}
	n = new_node(r, kind, ev->start_mark);
	check_tag(r, tag, n);
	fr = &r->stack[r->depth++];
	fr->node = n;
	fr->anchor = anchor ? xstrdup((const char *)anchor) : NULL;
	fr->nv = fr->nm = 0;
	fr->weight = 1;
	fr->mergeline = 0;
	return 0;
}

/* The anchor is registered only now, so "&x [*x]" is an undefined
 * alias rather than a cycle. */
static int
on_end(struct reader *r)
{
	struct frame *fr;

	if (r->depth == 0)
		return -1;	/* libyaml never does this */
	fr = &r->stack[--r->depth];
	if (fr->node->kind == TN_SEQ)
		finish_seq(r, fr);
	else
		finish_map(r, fr);
	if (fr->anchor != NULL) {
		anchor_set(&r->anchors, fr->anchor, fr->node, fr->weight);
		fr->anchor = NULL;
	}
	add_node(r, fr->node, fr->weight, fr->node->line, fr->node->col);
	return 0;
}

/* Every node and alias costs memory even when nothing is expanded: a
 * flat list of 16 MiB of "- a" lines took 1.26 GB before this bound. */
static int
count_node(struct reader *r, const yaml_event_t *ev)
{
	if (++r->nodes <= TREE_MAX_NODES)
		return 0;
	rd_error(r, pos1(ev->start_mark.line), pos1(ev->start_mark.column),
	    "more than %d values in one file", TREE_MAX_NODES);
	return -1;
}

/* 0 to go on, 1 at the end of the stream, -1 to stop reading. */
static int
on_event(struct reader *r, const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
	case YAML_ALIAS_EVENT:
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (count_node(r, ev) == -1)
			return -1;
		break;
	default:
		break;
	}
	switch (ev->type) {
	case YAML_STREAM_END_EVENT:
		return 1;
	case YAML_DOCUMENT_START_EVENT:
		return on_doc_start(r, ev);
	case YAML_DOCUMENT_END_EVENT:
		anchors_clear(&r->anchors);
		return 0;
	case YAML_SCALAR_EVENT:
		return on_scalar(r, ev);
	case YAML_ALIAS_EVENT:
		return on_alias(r, ev);
	case YAML_SEQUENCE_START_EVENT:
		return on_start(r, ev, TN_SEQ);
	case YAML_MAPPING_START_EVENT:
		return on_start(r, ev, TN_MAP);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		return on_end(r);
	default:
		return 0;
	}
}

/* Line and column of a byte offset, counted as libyaml counts them:
 * in characters, with "\r\n" or a lone "\r" ending a line too. */
static void
offset_pos(const struct reader *r, size_t off, int *linep, int *colp)
{
	size_t i, line = 0, col = 0;

	if (off > r->len)
		off = r->len;
	for (i = r->skip; i < off; i++) {
		unsigned char c = (unsigned char)r->buf[i];

		if (c == '\n' || (c == '\r' && (i + 1 == r->len ||
		    r->buf[i + 1] != '\n'))) {
			line++;
			col = 0;
		} else if ((c & 0xc0) != 0x80 && c != '\r')
			col++;
	}
	*linep = pos1(line);
	*colp = pos1(col);
}

/* libyaml's reader, not its scanner, finds bytes that are not text. */
static void
syntax_error(struct reader *r)
{
	const yaml_parser_t *p = &r->parser;
	const char *problem = p->problem ? p->problem : "unknown error";
	size_t off;
	int line, col;

	switch (p->error) {
	case YAML_READER_ERROR:
		off = r->skip + p->problem_offset;
		offset_pos(r, off, &line, &col);
		rd_error(r, line, col, "not UTF-8 text: %s at byte %zu",
		    problem, off);
		break;
	case YAML_SCANNER_ERROR:
	case YAML_PARSER_ERROR:
		line = pos1(p->problem_mark.line);
		col = pos1(p->problem_mark.column);
		if (p->context != NULL)
			rd_error(r, line, col, "%s %s", problem, p->context);
		else
			rd_error(r, line, col, "%s", problem);
		break;
	default:
		rd_error(r, 0, 0, "cannot parse YAML: %s", problem);
		break;
	}
}

/* Feed every event to on_event; stops at the first syntax error. */
static void
read_events(struct reader *r)
{
	yaml_event_t ev;
	int rc;

	do {
		if (!yaml_parser_parse(&r->parser, &ev)) {
			syntax_error(r);
			return;
		}
		rc = on_event(r, &ev);
		yaml_event_delete(&ev);
	} while (rc == 0);
}

static struct tfile *
file_new(struct reader *r, const char *name)
{
	struct tfile *f;

	r->arena = arena_new();
	f = arena_alloc(r->arena, sizeof(*f));
	f->arena = r->arena;
	/* Borrowed, not copied: locations kept from the nodes outlive the
	 * tree (see tree.h). */
	f->path = r->file = name;
	r->undef = arena_alloc(r->arena, sizeof(*r->undef));
	r->undef->kind = TN_SCALAR;
	r->undef->file = r->file;
	r->undef->str = "";
	return f;
}

struct tfile *
tree_load_mem(const char *name, const char *buf, size_t len,
    struct diags *d)
{
	struct reader r;
	struct tfile *f;
	int i;

	if (len > TREE_MAX_FILE_SIZE) {
		diag_add(d, DIAG_ERROR, name, 0, 0,
		    "file is larger than %u MiB", TREE_MAX_FILE_SIZE / MIB);
		return NULL;
	}
	if (len == 0)
		buf = "";	/* buf may be NULL then */
	memset(&r, 0, sizeof(r));
	r.d = d;
	r.buf = buf;
	r.len = len;
	f = file_new(&r, name);
	/* Editors on Windows save UTF-16 ("Unicode"); say so rather than
	 * report its first byte. */
	if (len >= 2 && (memcmp(buf, "\xff\xfe", 2) == 0 ||
	    memcmp(buf, "\xfe\xff", 2) == 0 ||
	    (buf[0] != '\0') != (buf[1] != '\0'))) {
		rd_error(&r, 1, 1, "not UTF-8 text: the file looks like "
		    "UTF-16; save it as UTF-8");
		goto out;
	}
	if (!yaml_parser_initialize(&r.parser)) {
		rd_error(&r, 0, 0, "cannot parse YAML: out of memory");
		goto out;
	}
	/* Left to itself libyaml would also read UTF-16; the BOM of UTF-8
	 * is dropped here so that columns on the first line stay right. */
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		r.skip = 3;
	yaml_parser_set_encoding(&r.parser, YAML_UTF8_ENCODING);
	yaml_parser_set_input_string(&r.parser,
	    (const unsigned char *)buf + r.skip, len - r.skip);
	read_events(&r);
	yaml_parser_delete(&r.parser);
	f->ndocs = r.ndocs;
	f->docs = arena_array(r.arena, r.ndocs, sizeof(*f->docs));
	if (r.ndocs > 0)
		memcpy(f->docs, r.docs, r.ndocs * sizeof(*f->docs));
out:
	for (i = 0; i < TREE_MAX_DEPTH; i++) {
		free(r.stack[i].anchor);
		free(r.stack[i].v);
		free(r.stack[i].merges);
	}
	anchors_clear(&r.anchors);
	free(r.docs);
	if (r.nerrors > 0) {
		tree_free(f);
		return NULL;
	}
	return f;
}

struct tfile *
tree_load(const char *path, struct diags *d)
{
	struct stat st;
	struct tfile *f;
	size_t len;
	char *buf;

	if (stat(path, &st) == -1)
		goto fail;
	if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > TREE_MAX_FILE_SIZE)
		goto toobig;
	if ((buf = read_file(path, TREE_MAX_FILE_SIZE, &len)) == NULL) {
		if (errno == ERANGE)
			goto toobig;
		goto fail;
	}
	f = tree_load_mem(path, buf, len, d);
	free(buf);
	return f;
toobig:
	diag_add(d, DIAG_ERROR, path, 0, 0, "file is larger than %u MiB",
	    TREE_MAX_FILE_SIZE / MIB);
	return NULL;
fail:
	diag_add(d, DIAG_ERROR, path, 0, 0, "cannot read file: %s",
	    strerror(errno));
	return NULL;
}

void
tree_free(struct tfile *f)
{
	if (f != NULL)
		arena_free(f->arena);
}

struct tnode *
tree_get(const struct tnode *map, const char *key)
{
	size_t i;

	if (map == NULL || map->kind != TN_MAP)
		return NULL;
	for (i = 0; i < map->n; i++)
		if (strcmp(map->keys[i]->str, key) == 0)
			return map->vals[i];
	return NULL;
}

const char *
tree_kind_name(const struct tnode *n)
{
	if (n == NULL)
		return "nothing";
	switch (n->kind) {
	case TN_MAP:
		return "a mapping";
	case TN_SEQ:
		return "a list";
	default:
		return "text";
	}
}
