/* test_tree.c: unit tests for tree.c, the YAML reader, hostile input first. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "tree.h"
#include "util.h"

/* Every diagnostic as the command layer would print it, one a line. */
static char *
diag_text(struct diags *d)
{
	struct sb b = {0};
	size_t i;

	for (i = 0; i < d->n; i++) {
		char *s = diag_format(&d->v[i]);

		sb_printf(&b, "%s\n", s);
		free(s);
	}
	return sb_take(&b);
}

static struct tfile *
load_n(const char *buf, size_t len, struct diags *d)
{
	struct tfile *f = tree_load_mem("t.yaml", buf, len, d);

	/* The contract: NULL exactly when errors were added. */
	if (f == NULL)
		assert_true(d->nerrors > 0);
	else
		assert_int_equal(d->nerrors, 0);
	return f;
}

static struct tfile *
load(const char *text, struct diags *d)
{
	return load_n(text, strlen(text), d);
}

/* Load buf, which must fail with exactly the errors given. */
static void
expect_n(const char *buf, size_t len, const char *errors)
{
	struct diags d = {0};
	struct tfile *f = load_n(buf, len, &d);
	char *got = diag_text(&d);

	assert_null(f);
	assert_string_equal(got, errors);
	free(got);
	diags_free(&d);
}

static void
expect(const char *text, const char *errors)
{
	expect_n(text, strlen(text), errors);
}

/* The single document of text, which must load cleanly. */
static struct tnode *
root_of(const char *text, struct tfile **fp)
{
	struct diags d = {0};

	*fp = load(text, &d);
	assert_non_null(*fp);
	assert_int_equal((*fp)->ndocs, 1);
	diags_free(&d);
	return (*fp)->docs[0].root;
}

/* A buffer of n bytes: head, then fill repeated, then tail. */
static char *
repeat(const char *head, const char *fill, size_t n, const char *tail)
{
	struct sb b = {0};
	size_t i;

	sb_puts(&b, head);
	for (i = 0; i < n; i++)
		sb_puts(&b, fill);
	sb_puts(&b, tail);
	return sb_take(&b);
}

static void
assert_scalar(const struct tnode *n, const char *s, int line, int col)
{
	assert_non_null(n);
	assert_int_equal(n->kind, TN_SCALAR);
	assert_string_equal(n->str, s);
	assert_int_equal(n->len, strlen(s));
	assert_int_equal(n->line, line);
	assert_int_equal(n->col, col);
}

static void
test_basic(void **state)
{
	struct tfile *f;
	struct tnode *r, *c, *k;

	(void)state;
	r = root_of("a: 1\nb: \"x y\"\nc: [p, 'q']\nd:\n  - e: f\n", &f);
	assert_int_equal(r->kind, TN_MAP);
	assert_int_equal(r->n, 4);
	assert_int_equal(r->line, 1);
	assert_int_equal(r->col, 1);
	assert_string_equal(r->file, "t.yaml");
	assert_string_equal(f->path, "t.yaml");
	assert_scalar(r->keys[0], "a", 1, 1);
	assert_scalar(r->vals[0], "1", 1, 4);
	assert_true(r->vals[0]->plain);
	assert_scalar(tree_get(r, "b"), "x y", 2, 4);
	assert_false(tree_get(r, "b")->plain);
	c = tree_get(r, "c");
	assert_int_equal(c->kind, TN_SEQ);
	assert_int_equal(c->n, 2);
	assert_int_equal(c->line, 3);
	assert_int_equal(c->col, 4);
	assert_scalar(c->items[1], "q", 3, 8);
	assert_false(c->items[1]->plain);
	k = tree_get(r, "d");
	assert_int_equal(k->kind, TN_SEQ);
	assert_scalar(tree_get(k->items[0], "e"), "f", 5, 8);
	assert_null(tree_get(r, "zz"));
	assert_null(tree_get(c, "a"));
	assert_null(tree_get(NULL, "a"));
	assert_string_equal(tree_kind_name(r), "a mapping");
	assert_string_equal(tree_kind_name(c), "a list");
	assert_string_equal(tree_kind_name(r->vals[0]), "text");
	assert_string_equal(tree_kind_name(NULL), "nothing");
	assert_int_equal(f->docs[0].line, 1);
	assert_int_equal(f->docs[0].col, 1);
	tree_free(f);
	tree_free(NULL);
}

static void
test_empty_value(void **state)
{
	struct tfile *f;
	struct tnode *r;

	(void)state;
	r = root_of("a:\nb: ''\n", &f);
	assert_scalar(tree_get(r, "a"), "", 1, 3);
	assert_true(tree_get(r, "a")->plain);
	assert_scalar(tree_get(r, "b"), "", 2, 4);
	assert_false(tree_get(r, "b")->plain);
	tree_free(f);
}

static void
test_no_documents(void **state)
{
	static const char *const texts[] = { "", "# only a comment\n",
	    "\n\n  \n", "# a\n# b" };
	struct diags d = {0};
	struct tfile *f;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(texts); i++) {
		f = load(texts[i], &d);
		assert_non_null(f);
		assert_int_equal(f->ndocs, 0);
		tree_free(f);
	}
	diags_free(&d);
}

static void
test_documents(void **state)
{
	struct diags d = {0};
	struct tfile *f;

	(void)state;
	f = load("---\n...\n--- ''\n--- x\n---\n# c\n--- [a]\n", &d);
	assert_non_null(f);
	assert_int_equal(f->ndocs, 5);
	assert_null(f->docs[0].root);
	assert_int_equal(f->docs[0].line, 1);
	assert_scalar(f->docs[1].root, "", 3, 5);
	assert_int_equal(f->docs[1].line, 3);
	assert_scalar(f->docs[2].root, "x", 4, 5);
	assert_null(f->docs[3].root);
	assert_int_equal(f->docs[4].root->kind, TN_SEQ);
	assert_int_equal(f->docs[4].line, 7);
	assert_int_equal(f->docs[4].col, 1);
	tree_free(f);
	diags_free(&d);
}

static void
test_utf8_bom(void **state)
{
	struct tfile *f;
	struct tnode *r;

	(void)state;
	r = root_of("\xef\xbb\xbf" "a: \xc3\xa9t\xc3\xa9\nb: 1\n", &f);
	assert_scalar(r->keys[0], "a", 1, 1);
	assert_scalar(r->vals[0], "\xc3\xa9t\xc3\xa9", 1, 4);
	assert_scalar(r->vals[1], "1", 2, 4);
	tree_free(f);
}

static void
test_not_utf8(void **state)
{
	static const char utf16le[] = "\xff\xfe" "a\0:\0 \0x\0\n\0";
	static const char utf16be[] = "\xfe\xff" "\0a\0:\0 \0x\0\n";

	(void)state;
	expect_n(utf16le, sizeof(utf16le) - 1, "t.yaml:1:1: error: "
	    "not UTF-8 text: the file looks like UTF-16; save it as UTF-8\n");
	expect_n(utf16be, sizeof(utf16be) - 1, "t.yaml:1:1: error: "
	    "not UTF-8 text: the file looks like UTF-16; save it as UTF-8\n");
	expect("a: 1\nb: x\xffy\n", "t.yaml:2:5: error: "
	    "not UTF-8 text: invalid leading UTF-8 octet at byte 9\n");
	expect("a: 1\r\nb: \xc3x\n", "t.yaml:2:5: error: "
	    "not UTF-8 text: invalid trailing UTF-8 octet at byte 10\n");
	expect("a: \xe2\x82", "t.yaml:1:4: error: "
	    "not UTF-8 text: incomplete UTF-8 octet sequence at byte 3\n");
	expect("a: 1\nb: x\x01y\n", "t.yaml:2:5: error: "
	    "not UTF-8 text: control characters are not allowed at byte 9\n");
	/* Overlong encodings and surrogates are not UTF-8 either. */
	expect("a: \xc0\xaf\n", "t.yaml:1:4: error: "
	    "not UTF-8 text: invalid length of a UTF-8 sequence at byte 3\n");
	expect("a: \xed\xa0\x80\n", "t.yaml:1:4: error: "
	    "not UTF-8 text: invalid Unicode character at byte 3\n");
	/* A UTF-8 BOM is skipped, but byte offsets still count it. */
	expect("\xef\xbb\xbf" "a: \x02", "t.yaml:1:4: error: "
	    "not UTF-8 text: control characters are not allowed at byte 6\n");
}

static void
test_nul_bytes(void **state)
{
	static const char raw[] = "a: b\0c\n";

	(void)state;
	expect_n(raw, sizeof(raw) - 1, "t.yaml:1:5: error: "
	    "not UTF-8 text: control characters are not allowed at byte 4\n");
	expect("a: \"b\\0c\"\n",
	    "t.yaml:1:4: error: text contains a NUL character\n");
	expect("\"k\\x00\": 1\n",
	    "t.yaml:1:1: error: text contains a NUL character\n");
}

static void
test_syntax_errors(void **state)
{
	(void)state;
	expect("a:\n  b: 1\n c: 2\n", "t.yaml:3:2: error: did not find "
	    "expected key while parsing a block mapping\n");
	expect("a:\n\tb: 1\n", "t.yaml:2:1: error: found character that "
	    "cannot start any token while scanning for the next token\n");
	expect("a: [1, 2\n", "t.yaml:2:1: error: did not find expected ',' "
	    "or ']' while parsing a flow sequence\n");
	expect("a: 'x\n", "t.yaml:2:1: error: found unexpected end of "
	    "stream while scanning a quoted scalar\n");
	expect("a: b: c\n", "t.yaml:1:5: error: mapping values are not "
	    "allowed in this context\n");
	/* Errors before a syntax error stay; nothing after it is read. */
	expect("x: {a: 1, a: 2}\ny:\n  c: 1\n d: 2\nz: *undefined\n",
	    "t.yaml:1:11: error: duplicate key 'a' (first at line 1)\n"
	    "t.yaml:4:2: error: did not find expected key while parsing "
	    "a block mapping\n");
}

static void
test_duplicate_keys(void **state)
{
	(void)state;
	expect("name: a\nother: b\nname: c\n",
	    "t.yaml:3:1: error: duplicate key 'name' (first at line 1)\n");
	/* Keys compare by text, however they are quoted. */
	expect("a: 1\n'a': 2\n\"a\": 3\n",
	    "t.yaml:2:1: error: duplicate key 'a' (first at line 1)\n"
	    "t.yaml:3:1: error: duplicate key 'a' (first at line 1)\n");
	/* All of them, at any depth, inner maps first as they end. */
	expect("x:\n  k: 1\n  k: 2\ny:\n  - k: 1\n    k: 2\ny: 3\n",
	    "t.yaml:3:3: error: duplicate key 'k' (first at line 2)\n"
	    "t.yaml:6:5: error: duplicate key 'k' (first at line 5)\n"
	    "t.yaml:7:1: error: duplicate key 'y' (first at line 4)\n");
}

static void
test_many_keys(void **state)
{
	struct sb b = {0};
	struct tfile *f;
	struct tnode *r;
	char *err;
	size_t i;

	(void)state;
	for (i = 0; i < 20000; i++)
		sb_printf(&b, "k%zu: %zu\n", i, i);
	r = root_of(sb_str(&b), &f);
	assert_int_equal(r->n, 20000);
	assert_scalar(tree_get(r, "k19999"), "19999", 20000, 9);
	tree_free(f);
	sb_puts(&b, "k7: again\n");
	err = xasprintf("t.yaml:20001:1: error: duplicate key 'k7' "
	    "(first at line 8)\n");
	expect(sb_str(&b), err);
	free(err);
	sb_free(&b);
}

static void
test_long_key_in_message(void **state)
{
	char *line = repeat("", "x", 200, ": 1\n");
	char *both = xasprintf("%s%s", line, line);
	char *want = repeat("t.yaml:2:1: error: duplicate key '", "x", 50,
	    "...' (first at line 1)\n");

	(void)state;
	expect(both, want);
	free(line);
	free(both);
	free(want);
}

static void
test_bad_keys(void **state)
{
	(void)state;
	expect("? [a]\n: b\n? {a: 1}\n: c\nd: e\n",
	    "t.yaml:1:3: error: keys must be plain text, not a list\n"
	    "t.yaml:3:3: error: keys must be plain text, not a mapping\n");
	expect("l: &l [1]\n*l : x\n",
	    "t.yaml:2:1: error: keys must be plain text, not a list\n");
}

/* 3000 anchors a0..a2999 and a list of aliases to all of them. */
static const char *
many_anchors(char **textp)
{
	struct sb b = {0};
	size_t i;

	for (i = 0; i < 3000; i++)
		sb_printf(&b, "a%zu: &a%zu [%zu]\n", i, i, i);
	sb_puts(&b, "all:\n");
	for (i = 0; i < 3000; i++)
		sb_printf(&b, "  - *a%zu\n", i);
	return *textp = sb_take(&b);
}

static void
test_aliases(void **state)
{
	struct tfile *f;
	struct tnode *r;
	char *text;
	size_t i;

	(void)state;
	r = root_of("a: &x {p: 1}\nb: *x\nc: &s text\nd: *s\n"
	    "e: [*x, *s]\n", &f);
	/* Aliases share the node: a DAG, not a copy. */
	assert_ptr_equal(tree_get(r, "a"), tree_get(r, "b"));
	assert_ptr_equal(tree_get(r, "c"), tree_get(r, "d"));
	assert_ptr_equal(tree_get(r, "e")->items[0], tree_get(r, "a"));
	assert_scalar(tree_get(r, "d"), "text", 3, 4);
	tree_free(f);

	/* Many anchors, each found again. */
	r = root_of(many_anchors(&text), &f);
	for (i = 0; i < 3000; i += 7) {
		char key[32];

		snprintf(key, sizeof(key), "a%zu", i);
		assert_ptr_equal(tree_get(r, "all")->items[i],
		    tree_get(r, key));
	}
	tree_free(f);
	free(text);

	/* A later anchor of the same name replaces the earlier one. */
	r = root_of("a: &x 1\nb: *x\nc: &x 2\nd: *x\n", &f);
	assert_string_equal(tree_get(r, "b")->str, "1");
	assert_string_equal(tree_get(r, "d")->str, "2");
	tree_free(f);
}

static void
test_undefined_aliases(void **state)
{
	(void)state;
	expect("a: 1\nb: *base\n",
	    "t.yaml:2:4: error: undefined alias 'base'\n");
	/* Used before it is defined. */
	expect("a: *x\nb: &x 1\n",
	    "t.yaml:1:4: error: undefined alias 'x'\n");
	/* Not yet complete: an error, never a cycle or a hang. */
	expect("a: &x [*x]\n", "t.yaml:1:8: error: undefined alias 'x'\n");
	expect("a: &x {k: *x}\n",
	    "t.yaml:1:11: error: undefined alias 'x'\n");
	/* Anchors belong to their document. */
	expect("--- &x 1\n--- *x\n",
	    "t.yaml:2:5: error: undefined alias 'x'\n");
	/* Undefined keys and merges are reported once, not again. */
	expect("*a : 1\n*b : 2\nm: {<<: *c}\nn: {<<: [*d]}\n",
	    "t.yaml:1:1: error: undefined alias 'a'\n"
	    "t.yaml:2:1: error: undefined alias 'b'\n"
	    "t.yaml:3:9: error: undefined alias 'c'\n"
	    "t.yaml:4:10: error: undefined alias 'd'\n");
}

static void
test_tags(void **state)
{
	struct tfile *f;
	struct tnode *r;

	(void)state;
	r = root_of("a: !!str 08:00\nb: !!map {x: 1}\nc: !!seq [1]\n"
	    "d: !<tag:yaml.org,2002:str> no\n", &f);
	/* plain says how it was written, not what the tag says. */
	assert_scalar(tree_get(r, "a"), "08:00", 1, 4);
	assert_true(tree_get(r, "a")->plain);
	assert_int_equal(tree_get(r, "b")->kind, TN_MAP);
	assert_string_equal(tree_get(r, "d")->str, "no");
	tree_free(f);
	expect("a: !!binary aGk=\nb: !foo x\nc: ! x\nd: !!int 3\n"
	    "e: !!str {a: 1}\nf: !!map [1]\n",
	    "t.yaml:1:4: error: tags are not supported ('!!binary')\n"
	    "t.yaml:2:4: error: tags are not supported ('!foo')\n"
	    "t.yaml:3:4: error: tags are not supported ('!')\n"
	    "t.yaml:4:4: error: tags are not supported ('!!int')\n"
	    "t.yaml:5:4: error: tag '!!str' cannot be used on a mapping\n"
	    "t.yaml:6:4: error: tag '!!map' cannot be used on a list\n");
	expect("%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\n",
	    "t.yaml:3:4: error: tags are not supported "
	    "('tag:example.com,2000:x')\n");
}

static void
test_merge(void **state)
{
	struct tfile *f;
	struct tnode *r, *m;

	(void)state;
	r = root_of("b: &b {x: 1, y: 2}\nc: &c {y: 3, z: 4}\n"
	    "m:\n  x: 0\n  <<: [*b, *c]\n  w: 5\n", &f);
	m = tree_get(r, "m");
	assert_int_equal(m->n, 4);
	/* Explicit keys first in file order, then merged ones. */
	assert_string_equal(m->keys[0]->str, "x");
	assert_string_equal(m->keys[1]->str, "w");
	assert_string_equal(m->keys[2]->str, "y");
	assert_string_equal(m->keys[3]->str, "z");
	assert_string_equal(tree_get(m, "x")->str, "0");	/* explicit */
	assert_string_equal(tree_get(m, "y")->str, "2");	/* earlier */
	assert_string_equal(tree_get(m, "z")->str, "4");
	assert_null(tree_get(m, "<<"));
	tree_free(f);

	/* Explicit keys win even when written after the merge. */
	r = root_of("b: &b {x: 1, y: 2}\nm:\n  <<: *b\n  x: 0\n", &f);
	m = tree_get(r, "m");
	assert_int_equal(m->n, 2);
	assert_string_equal(tree_get(m, "x")->str, "0");
	assert_string_equal(tree_get(m, "y")->str, "2");
	tree_free(f);

	/* Inline maps merge too; a quoted "<<" is an ordinary key; the
	 * source map itself is left alone. */
	r = root_of("b: &b {<<: {p: 1}, q: 2}\nm: {<<: *b, '<<': x}\n", &f);
	m = tree_get(r, "m");
	assert_int_equal(m->n, 3);
	assert_string_equal(tree_get(m, "<<")->str, "x");
	assert_false(m->keys[0]->plain);
	assert_string_equal(tree_get(m, "p")->str, "1");
	assert_string_equal(tree_get(m, "q")->str, "2");
	assert_int_equal(tree_get(r, "b")->n, 2);
	tree_free(f);

	/* A map of nothing but a merge of nothing. */
	r = root_of("m: {<<: []}\n", &f);
	assert_int_equal(tree_get(r, "m")->kind, TN_MAP);
	assert_int_equal(tree_get(r, "m")->n, 0);
	tree_free(f);
}

static void
test_merge_errors(void **state)
{
	(void)state;
	expect("s: &s text\nl: &l [1]\nm:\n  <<: *s\nn:\n  <<: *l\n"
	    "o:\n  <<: [{a: 1}, *s, [2]]\np:\n  <<: {a: 1}\n  <<: {b: 2}\n"
	    "q:\n  a: 1\n  <<: {a: 2}\n  a: 3\n",
	    "t.yaml:4:7: error: can only merge mappings, not text\n"
	    "t.yaml:6:7: error: can only merge mappings, not text (item 1)\n"
	    "t.yaml:8:7: error: can only merge mappings, not text (item 2)\n"
	    "t.yaml:8:7: error: can only merge mappings, not a list "
	    "(item 3)\n"
	    "t.yaml:11:3: error: duplicate key '<<' (first at line 10)\n"
	    "t.yaml:15:3: error: duplicate key 'a' (first at line 13)\n");
}

static void
test_scalar_size(void **state)
{
	char *ok = repeat("a: ", "x", TREE_MAX_SCALAR, "\n");
	char *big = repeat("a: ", "x", TREE_MAX_SCALAR + 1, "\n");
	char *huge = repeat("a: b\nc: '", "y", 2 * 1024 * 1024, "'\n");
	struct diags d = {0};
	struct tfile *f;

	(void)state;
	f = load(ok, &d);
	assert_non_null(f);
	assert_int_equal(f->docs[0].root->vals[0]->len, TREE_MAX_SCALAR);
	tree_free(f);
	expect(big, "t.yaml:1:4: error: text is longer than 1 MiB\n");
	expect(huge, "t.yaml:2:4: error: text is longer than 1 MiB\n");
	free(ok);
	free(big);
	free(huge);
	diags_free(&d);
}

/* n opening brackets, then n closing ones. */
static char *
nested(const char *open, const char *close, size_t n)
{
	char *head = repeat("", open, n, "");
	char *all = repeat(head, close, n, "\n");

	free(head);
	return all;
}

/* n block mappings, each the value of the one before. */
static char *
block_nested(size_t n)
{
	struct sb b = {0};
	size_t i;

	for (i = 0; i + 1 < n; i++)
		sb_printf(&b, "%*sk:\n", (int)i, "");
	sb_printf(&b, "%*sk: x\n", (int)(n - 1), "");
	return sb_take(&b);
}

static void
test_depth(void **state)
{
	char *flow64 = nested("[", "]", TREE_MAX_DEPTH);
	char *flow65 = nested("{a: ", "}", TREE_MAX_DEPTH + 1);
	char *deep = nested("[", "]", 10000);
	char *block64 = block_nested(TREE_MAX_DEPTH);
	char *block65 = block_nested(TREE_MAX_DEPTH + 1);
	struct diags d = {0};
	struct tfile *f;

	(void)state;
	f = load(flow64, &d);
	assert_non_null(f);
	tree_free(f);
	f = load(block64, &d);
	assert_non_null(f);
	tree_free(f);
	expect(flow65, "t.yaml:1:257: error: nesting deeper than 64 levels\n");
	expect(block65, "t.yaml:65:65: error: nesting deeper than 64 levels\n");
	/* Reading stops there: no second error, no deep recursion. */
	expect(deep, "t.yaml:1:65: error: nesting deeper than 64 levels\n");
	free(flow64);
	free(flow65);
	free(deep);
	free(block64);
	free(block65);
	diags_free(&d);
}

static void
test_billion_laughs(void **state)
{
	struct sb b = {0};
	char prev = 'a', c;
	int i;

	(void)state;
	sb_puts(&b, "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
	for (c = 'b'; c <= 'i'; prev = c++) {
		sb_printf(&b, "%c: &%c [", c, c);
		for (i = 0; i < 9; i++)
			sb_printf(&b, "%s*%c", i ? ", " : "", prev);
		sb_puts(&b, "]\n");
	}
	expect(sb_str(&b), "t.yaml:7:8: error: aliases expand to more "
	    "than 1000000 nodes\n");
	sb_free(&b);
}

static void
test_expansion_bound(void **state)
{
	struct sb b = {0};
	struct tfile *f;
	struct tnode *r;
	int i;

	(void)state;
	/* A list of 999 items is 1000 nodes; 1000 aliases of it are
	 * exactly the bound. */
	sb_puts(&b, "a: &a [x");
	for (i = 1; i < 999; i++)
		sb_puts(&b, ", x");
	sb_puts(&b, "]\nb: [*a");
	for (i = 1; i < 1000; i++)
		sb_puts(&b, ", *a");
	sb_puts(&b, "]\n");
	r = root_of(sb_str(&b), &f);
	assert_int_equal(tree_get(r, "b")->n, 1000);
	tree_free(f);
	sb_puts(&b, "c: *a\n");
	expect(sb_str(&b), "t.yaml:3:4: error: aliases expand to more "
	    "than 1000000 nodes\n");
	sb_free(&b);
}

static void
test_many_documents(void **state)
{
	char *ok = repeat("", "---\n", TREE_MAX_DOCS, "");
	char *over = repeat("", "--- x\n", TREE_MAX_DOCS + 1, "");
	struct diags d = {0};
	struct tfile *f;

	(void)state;
	f = load(ok, &d);
	assert_non_null(f);
	assert_int_equal(f->ndocs, TREE_MAX_DOCS);
	tree_free(f);
	expect(over, "t.yaml:100001:1: error: more than 100000 documents "
	    "in one file\n");
	free(ok);
	free(over);
	diags_free(&d);
}

static void
test_all_errors_reported(void **state)
{
	(void)state;
	/* Duplicates are found when their map ends, so the root's come
	 * last; the command layer sorts messages by position. */
	expect("a: 1\na: 2\nb: !!binary x\nc: *nope\n"
	    "d: {<<: [1]}\n? [k]\n: v\ne: \"\\0\"\n",
	    "t.yaml:3:4: error: tags are not supported ('!!binary')\n"
	    "t.yaml:4:4: error: undefined alias 'nope'\n"
	    "t.yaml:5:9: error: can only merge mappings, not text (item 1)\n"
	    "t.yaml:6:3: error: keys must be plain text, not a list\n"
	    "t.yaml:8:4: error: text contains a NUL character\n"
	    "t.yaml:2:1: error: duplicate key 'a' (first at line 1)\n");
}

static void
test_other_files_errors(void **state)
{
	struct diags d = {0};
	struct tfile *f;

	(void)state;
	/* Errors already there, from another file, do not fail this one. */
	diag_add(&d, DIAG_ERROR, "other.yaml", 1, 1, "something");
	f = tree_load_mem("t.yaml", "a: 1\n", 5, &d);
	assert_non_null(f);
	assert_int_equal(d.n, 1);
	tree_free(f);
	f = tree_load_mem("t.yaml", "a: *x\n", 6, &d);
	assert_null(f);
	assert_int_equal(d.n, 2);
	diags_free(&d);
}

/* A tree that loaded must be whole: walk it and check every node. */
static void
check_node(const struct tnode *n, int depth)
{
	size_t i;

	assert_non_null(n);
	assert_true(depth <= TREE_MAX_DEPTH);
	assert_true(n->line >= 1 && n->col >= 1);
	switch (n->kind) {
	case TN_SCALAR:
		assert_non_null(n->str);
		assert_int_equal(strlen(n->str), n->len);
		break;
	case TN_SEQ:
		for (i = 0; i < n->n; i++)
			check_node(n->items[i], depth + 1);
		break;
	case TN_MAP:
		for (i = 0; i < n->n; i++) {
			assert_int_equal(n->keys[i]->kind, TN_SCALAR);
			assert_false(n->keys[i]->plain &&
			    streq(n->keys[i]->str, "<<"));
			check_node(n->vals[i], depth + 1);
		}
		break;
	default:
		fail();
	}
}

/* Anything at all: a tree or errors with positions, never a crash. */
static void
survive(const char *buf, size_t len)
{
	struct diags d = {0};
	struct tfile *f = load_n(buf, len, &d);
	size_t i;

	if (f != NULL) {
		for (i = 0; i < f->ndocs; i++)
			if (f->docs[i].root != NULL)
				check_node(f->docs[i].root, 1);
	}
	for (i = 0; i < d.n; i++) {
		assert_string_equal(d.v[i].file, "t.yaml");
		assert_true(d.v[i].line >= 1 && d.v[i].col >= 1);
		assert_non_null(d.v[i].msg);
		assert_int_not_equal(d.v[i].msg[0], '\0');
	}
	tree_free(f);
	diags_free(&d);
}

static uint32_t
rnd(uint32_t *s)
{
	*s = *s * 1103515245u + 12345u;
	return *s >> 8;
}

static void
test_garbage(void **state)
{
	char buf[512];
	uint32_t seed = 1;
	size_t i, j, len;

	(void)state;
	for (i = 0; i < 3000; i++) {
		len = rnd(&seed) % sizeof(buf);
		for (j = 0; j < len; j++)
			buf[j] = (char)rnd(&seed);
		survive(buf, len);
	}
}

/* Random YAML-looking text reaches far more of the code than bytes do. */
static void
test_token_soup(void **state)
{
	static const char *const tok[] = {
		"[", "]", "{", "}", ":", ": ", "- ", ",", "\n", "  ", "    ",
		"? ", "&a ", "&b ", "*a", "*b", "<<: ", "<<", "'q'", "\"d\"",
		"\"\\0\"", "# c", "!!str ", "!!map ", "!x ", "---\n", "...\n",
		"k", "v", "k: v\n", "\t", "|\n  ", ">\n  ", "%YAML 1.1\n",
		"\xc3\xa9", "\xff", "\r\n", "&c [*a, *b]", "{<<: *a}",
	};
	struct sb b = {0};
	uint32_t seed = 7;
	size_t i, j, n;

	(void)state;
	for (i = 0; i < 20000; i++) {
		b.len = 0;
		n = rnd(&seed) % 40;
		for (j = 0; j < n; j++)
			sb_puts(&b, tok[rnd(&seed) % NELEM(tok)]);
		survive(sb_str(&b), b.len);
	}
	sb_free(&b);
}

static const char rich[] =
    "%YAML 1.1\n"
    "---\n"
    "\xef\xbb\xbf" "base: &base\n"
    "  tz: Europe/Kyiv   # comment\n"
    "  langs: [uk, en]\n"
    "ex:\n"
    "  <<: *base\n"
    "  name: \"Border \\u00e9 drill\"\n"
    "  list:\n"
    "    - {a: 1, b: [x, y]}\n"
    "    - ? k\n"
    "      : v\n"
    "  text: |\n"
    "    line one\n"
    "    line two\n"
    "  folded: >-\n"
    "    a\n"
    "    b\n"
    "  q: 'it''s'\n"
    "...\n"
    "--- [*x]\n";

static void
test_truncated(void **state)
{
	size_t len;

	(void)state;
	for (len = 0; len <= sizeof(rich) - 1; len++)
		survive(rich, len);
}

static void
test_mutated(void **state)
{
	char buf[sizeof(rich)];
	uint32_t seed = 3;
	size_t i;

	(void)state;
	for (i = 0; i < 5000; i++) {
		memcpy(buf, rich, sizeof(buf));
		buf[rnd(&seed) % (sizeof(rich) - 1)] = (char)rnd(&seed);
		buf[rnd(&seed) % (sizeof(rich) - 1)] = (char)rnd(&seed);
		survive(buf, sizeof(rich) - 1);
	}
}

/* Temporary files live in one directory, removed by the last test. */
static char tmpdir[] = "/tmp/test_tree.XXXXXX";

static char *
tmp_path(const char *name)
{
	return xasprintf("%s/%s", tmpdir, name);
}

static int
setup_tmp(void **state)
{
	(void)state;
	return mkdtemp(tmpdir) == NULL ? -1 : 0;
}

static int
teardown_tmp(void **state)
{
	static const char *const names[] = { "ok.yaml", "big.yaml" };
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(names); i++) {
		char *p = tmp_path(names[i]);

		unlink(p);
		free(p);
	}
	return rmdir(tmpdir);
}

static void
test_load_file(void **state)
{
	char *path = tmp_path("ok.yaml");
	struct diags d = {0};
	struct tfile *f;

	(void)state;
	assert_int_equal(write_file_atomic(path, "a: [1]\n", 7), 0);
	f = tree_load(path, &d);
	assert_non_null(f);
	assert_string_equal(f->path, path);
	assert_string_equal(f->docs[0].root->file, path);
	assert_int_equal(tree_get(f->docs[0].root, "a")->n, 1);
	tree_free(f);
	assert_int_equal(d.n, 0);
	free(path);
}

/* pos is "" for the whole file, or ":line:col". */
static void
expect_file(const char *path, const char *pos, const char *msg)
{
	struct diags d = {0};
	char *want = xasprintf("%s%s: error: %s\n", path, pos, msg), *got;

	assert_null(tree_load(path, &d));
	got = diag_text(&d);
	assert_string_equal(got, want);
	free(got);
	free(want);
	diags_free(&d);
}

static void
test_file_errors(void **state)
{
	char *big = tmp_path("big.yaml"), *missing = tmp_path("missing");
	struct diags d = {0};
	char small[] = "a: 1\n";

	(void)state;
	/* A sparse file: the size is refused before anything is read. */
	assert_int_equal(write_file_atomic(big, "", 0), 0);
	assert_int_equal(truncate(big, TREE_MAX_FILE_SIZE + 1), 0);
	expect_file(big, "", "file is larger than 64 MiB");
	assert_int_equal(truncate(big, TREE_MAX_FILE_SIZE), 0);
	expect_file(big, ":1:1", "not UTF-8 text: control characters are not "
	    "allowed at byte 0");
	expect_file(missing, "", "cannot read file: No such file or directory");
	expect_file(tmpdir, "", "cannot read file: Is a directory");
	/* The same bound from memory; the length alone decides. */
	assert_null(tree_load_mem("m.yaml", small, TREE_MAX_FILE_SIZE + 1u,
	    &d));
	assert_string_equal(d.v[0].msg, "file is larger than 64 MiB");
	diags_free(&d);
	free(big);
	free(missing);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_basic),
		cmocka_unit_test(test_empty_value),
		cmocka_unit_test(test_no_documents),
		cmocka_unit_test(test_documents),
		cmocka_unit_test(test_utf8_bom),
		cmocka_unit_test(test_not_utf8),
		cmocka_unit_test(test_nul_bytes),
		cmocka_unit_test(test_syntax_errors),
		cmocka_unit_test(test_duplicate_keys),
		cmocka_unit_test(test_many_keys),
		cmocka_unit_test(test_long_key_in_message),
		cmocka_unit_test(test_bad_keys),
		cmocka_unit_test(test_aliases),
		cmocka_unit_test(test_undefined_aliases),
		cmocka_unit_test(test_tags),
		cmocka_unit_test(test_merge),
		cmocka_unit_test(test_merge_errors),
		cmocka_unit_test(test_scalar_size),
		cmocka_unit_test(test_depth),
		cmocka_unit_test(test_billion_laughs),
		cmocka_unit_test(test_expansion_bound),
		cmocka_unit_test(test_many_documents),
		cmocka_unit_test(test_all_errors_reported),
		cmocka_unit_test(test_other_files_errors),
		cmocka_unit_test(test_garbage),
		cmocka_unit_test(test_token_soup),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_mutated),
		cmocka_unit_test(test_load_file),
		cmocka_unit_test(test_file_errors),
	};

	return cmocka_run_group_tests(tests, setup_tmp, teardown_tmp);
}
