/* extend.c: template inheritance, done on YAML trees so one key table decodes the result. */
#include <string.h>

#include "extend.h"
#include "util.h"

/*
 * Merging trees rather than decoded structs keeps one meaning for every
 * key: the merged tree is decoded and checked like any template, and
 * since its leaves are the original nodes an error in an inherited value
 * points at the parent's file, where it must be fixed.
 */

/* Lists whose items merge by id, and what an item is called. */
static const struct {
	const char *key, *what;
} lists[] = {
	{ "objectives", "objective" },
	{ "roles", "role" },
	{ "events", "event" },
	{ "msel", "MSEL entry" },
	{ "checklists", "checklist" },
	{ "items", "checklist item" },
	{ "parameters", "parameter" },	/* a child changes a default */
};

static const char *
list_what(const char *key)
{
	size_t i;

	for (i = 0; i < NELEM(lists); i++)
		if (strcmp(lists[i].key, key) == 0)
			return lists[i].what;
	return NULL;
}

/* The id of a list item, or NULL when it has none to merge by. */
static const char *
item_id(const struct tnode *n)
{
	const struct tnode *id;

	if (n->kind != TN_MAP || (id = tree_get(n, "id")) == NULL ||
	    id->kind != TN_SCALAR)
		return NULL;
	return id->str;
}

static const struct tnode *
find_item(const struct tnode *seq, const char *id)
{
	size_t i;
	const char *s;

	for (i = 0; i < seq->n; i++)
		if ((s = item_id(seq->items[i])) != NULL && strcmp(s, id) == 0)
			return seq->items[i];
	return NULL;
}

static struct tnode *
node_like(struct arena *a, const struct tnode *at, enum tnode_kind kind,
    size_t cap)
{
	struct tnode *n = arena_alloc(a, sizeof(*n));

	n->kind = kind;
	n->file = at->file;
	n->line = at->line;
	n->col = at->col;
	if (kind == TN_SEQ)
		n->items = arena_array(a, cap + 1, sizeof(*n->items));
	else {
		n->keys = arena_array(a, cap + 1, sizeof(*n->keys));
		n->vals = arena_array(a, cap + 1, sizeof(*n->vals));
	}
	return n;
}

/* Is id among the ones the child removes from this list? */
static int
removed(const struct tnode *ids, const char *id)
{
	size_t i;

	if (ids == NULL)
		return 0;
	if (ids->kind == TN_SCALAR)
		return strcmp(ids->str, id) == 0;
	for (i = 0; ids->kind == TN_SEQ && i < ids->n; i++)
		if (ids->items[i]->kind == TN_SCALAR &&
		    strcmp(ids->items[i]->str, id) == 0)
			return 1;
	return 0;
}

static struct tnode *merge_map(struct schema_ctx *c, const struct tnode *p,
    const struct tnode *ch, const struct tnode *remove);

/* Is the child's item i one the parent has (and keeps)? */
static int
matched(const struct tnode *p, const struct tnode *ch, size_t i,
    const struct tnode *gone)
{
	const char *id = item_id(ch->items[i]);

	return id != NULL && find_item(p, id) != NULL && !removed(gone, id);
}

/*
 * Parent items in order, each merged with the child's of the same id.
 * A new item of the child goes right after the parent's item that it
 * follows in the child's list, so a child that restates the list keeps
 * its order (an event's 'after' names earlier events only); new items
 * with no such item before them go at the end.
 */
static struct tnode *
merge_list(struct schema_ctx *c, const struct tnode *p, const struct tnode *ch,
    const struct tnode *gone)
{
	struct tnode *out = node_like(c->arena, ch, TN_SEQ, p->n + ch->n);
	char *done = arena_alloc(c->arena, ch->n + 1);
	const char *id;
	size_t i, j;

	for (i = 0; i < p->n; i++) {
		id = item_id(p->items[i]);
		if (id != NULL && removed(gone, id))
			continue;
		for (j = 0; id != NULL && j < ch->n; j++)
			if (!done[j] && item_id(ch->items[j]) != NULL &&
			    strcmp(item_id(ch->items[j]), id) == 0)
				break;
		if (id == NULL || j == ch->n) {
			out->items[out->n++] = p->items[i];
			continue;
		}
		out->items[out->n++] = merge_map(c, p->items[i],
		    ch->items[j], NULL);
		done[j] = 1;
		for (j++; j < ch->n && !matched(p, ch, j, gone); j++) {
			out->items[out->n++] = ch->items[j];
			done[j] = 1;
		}
	}
	for (j = 0; j < ch->n; j++)
		if (!done[j])	/* a second of one id too: reported as such */
			out->items[out->n++] = ch->items[j];
	return out;
}

/* A non-empty list whose items are all scalars. */
static int
text_list(const struct tnode *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (l->items[i]->kind != TN_SCALAR)
			return 0;
	return l->n > 0;
}

/* A text in several languages, {en: ..., es: ...}: one value, not a
 * mapping of settings. */
static int
text_langs(const struct tnode *m)
{
	size_t i;

	if (tree_get(m, "en") == NULL)
		return 0;
	for (i = 0; i < m->n; i++)
		if (m->vals[i]->kind != TN_SCALAR ||
		    !schema_is_lang(m->keys[i]->str))
			return 0;
	return 1;
}

static struct tnode *
merge_value(struct schema_ctx *c, const char *key, const struct tnode *p,
    const struct tnode *ch, const struct tnode *remove)
{
	/* A child's text replaces the parent's whole: merged language by
	 * language, a child's {en, es} would show Ukrainian readers the
	 * parent's text on another subject. */
	if (p->kind == TN_MAP && ch->kind == TN_MAP && !text_langs(ch))
		return merge_map(c, p, ch, NULL);
	/* Only lists of mappings merge by id: an event's 'roles' is a list
	 * of text, which replaces the parent's like any other. */
	if (p->kind == TN_SEQ && ch->kind == TN_SEQ && list_what(key) != NULL &&
	    !text_list(p) && !text_list(ch))
		return merge_list(c, p, ch, remove ? tree_get(remove, key) :
		    NULL);
	return (struct tnode *)ch;
}

/* A list the child removes items from but does not restate: the
 * parent's list without them. */
static struct tnode *
drop_items(struct schema_ctx *c, const struct tnode *p,
    const struct tnode *gone)
{
	struct tnode *out = node_like(c->arena, p, TN_SEQ, p->n);
	const char *id;
	size_t i;

	for (i = 0; i < p->n; i++)
		if ((id = item_id(p->items[i])) == NULL || !removed(gone, id))
			out->items[out->n++] = p->items[i];
	return out;
}

static struct tnode *
merge_map(struct schema_ctx *c, const struct tnode *p, const struct tnode *ch,
    const struct tnode *remove)
{
	struct tnode *out = node_like(c->arena, ch, TN_MAP, p->n + ch->n);
	const struct tnode *v;
	size_t i;

	for (i = 0; i < p->n; i++) {
		const char *k = p->keys[i]->str;

		/* The child's own say on these, never the parent's. */
		if (strcmp(k, "extends") == 0 || strcmp(k, "remove") == 0)
			continue;
		out->keys[out->n] = p->keys[i];
		if ((v = tree_get(ch, k)) != NULL)
			out->vals[out->n] = merge_value(c, k, p->vals[i], v,
			    remove);
		else if (remove != NULL && p->vals[i]->kind == TN_SEQ &&
		    tree_get(remove, k) != NULL)
			out->vals[out->n] = drop_items(c, p->vals[i],
			    tree_get(remove, k));
		else
			out->vals[out->n] = p->vals[i];
		out->n++;
	}
	for (i = 0; i < ch->n; i++) {
		if (tree_get(p, ch->keys[i]->str) != NULL &&
		    strcmp(ch->keys[i]->str, "extends") != 0 &&
		    strcmp(ch->keys[i]->str, "remove") != 0)
			continue;
		out->keys[out->n] = ch->keys[i];
		out->vals[out->n] = ch->vals[i];
		out->n++;
	}
	return out;
}

/* Every id in 'remove:' must name an item of the parent's list. */
static void
check_remove(struct schema_ctx *c, const struct tnode *parent,
    const struct tnode *remove)
{
	size_t i, j;

	if (remove->kind != TN_MAP) {
		schema_error(c, remove, "'remove' must map list names "
		    "(objectives, roles, events, msel, checklists) to the ids "
		    "to remove");
		return;
	}
	for (i = 0; i < remove->n; i++) {
		const char *key = remove->keys[i]->str, *what = list_what(key);
		const struct tnode *ids = remove->vals[i], *plist;
		const struct tnode *const *v;
		size_t n;

		if (what == NULL || strcmp(key, "items") == 0 ||
		    strcmp(key, "parameters") == 0) {
			schema_error(c, remove->keys[i], "cannot remove from "
			    "'%s'; only from objectives, roles, events, msel "
			    "or checklists", key);
			continue;
		}
		if (ids->kind == TN_MAP) {
			schema_error(c, ids, "'remove.%s' must be a list of "
			    "ids", key);
			continue;
		}
		plist = tree_get(parent, key);
		v = ids->kind == TN_SEQ ? (const struct tnode *const *)
		    ids->items : (const struct tnode *const *)&ids;
		n = ids->kind == TN_SEQ ? ids->n : 1;
		for (j = 0; j < n; j++) {
			if (v[j]->kind != TN_SCALAR)
				schema_error(c, v[j], "an id to remove must be "
				    "text, not %s", tree_kind_name(v[j]));
			else if (plist == NULL || plist->kind != TN_SEQ ||
			    find_item(plist, v[j]->str) == NULL)
				schema_error(c, v[j], "the parent template has "
				    "no %s '%s' to remove", what, v[j]->str);
		}
	}
}

struct tnode *
extend_merge(struct schema_ctx *c, const struct tnode *parent,
    const struct tnode *child)
{
	const struct tnode *remove = tree_get(child, "remove");

	if (remove != NULL)
		check_remove(c, parent, remove);
	if (remove != NULL && remove->kind != TN_MAP)
		remove = NULL;
	return merge_map(c, parent, child, remove);
}
