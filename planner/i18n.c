/* i18n.c: the other-language variants of template texts, looked up by the text shown. */
#include <stdint.h>
#include <string.h>

#include "i18n.h"
#include "model.h"
#include "util.h"

/*
 * Open addressing on the key pointer: a plan with 5,000 exercises asks
 * for every text of every person's calendar, so look-ups must not be
 * linear. Tables grow by doubling inside the arena; the old slots are
 * left behind, at most as much again as the final table.
 */

struct entry {
	const char *key;	/* NULL: free slot */
	struct i18n_var *v;
	size_t n, cap;
};

struct i18n {
	struct arena *a;
	struct entry *slots;
	size_t cap;		/* a power of two */
	size_t n;		/* keys held */
};

#define MIN_CAP 64

struct i18n *
i18n_new(struct arena *a)
{
	struct i18n *t = arena_alloc(a, sizeof(*t));

	t->a = a;
	t->cap = MIN_CAP;
	t->slots = arena_array(a, t->cap, sizeof(*t->slots));
	return t;
}

static size_t
hash_ptr(const void *p, size_t cap)
{
	uint64_t h = (uint64_t)(uintptr_t)p;

	h ^= h >> 33;
	h *= UINT64_C(0xff51afd7ed558ccd);
	h ^= h >> 33;
	return (size_t)h & (cap - 1);
}

static struct entry *
find(const struct i18n *t, const char *key)
{
	size_t i = hash_ptr(key, t->cap);

	while (t->slots[i].key != NULL) {
		if (t->slots[i].key == key)
			return &t->slots[i];
		i = (i + 1) & (t->cap - 1);
	}
	return &t->slots[i];
}

static void
grow(struct i18n *t)
{
	struct entry *old = t->slots;
	size_t oldcap = t->cap, i;

	t->cap *= 2;
	t->slots = arena_array(t->a, t->cap, sizeof(*t->slots));
	for (i = 0; i < oldcap; i++)
		if (old[i].key != NULL)
			*find(t, old[i].key) = old[i];
}

void
i18n_set(struct i18n *t, const char *key, const char *lang, const char *text)
{
	struct entry *e;
	struct i18n_var *v;
	size_t i;

	if ((t->n + 1) * 2 > t->cap)
		grow(t);
	e = find(t, key);
	if (e->key == NULL) {
		e->key = key;
		t->n++;
	}
	for (i = 0; i < e->n; i++)
		if (strcmp(e->v[i].lang, lang) == 0) {
			e->v[i].text = text;
			return;
		}
	if (e->n == e->cap) {
		e->cap = e->cap ? e->cap * 2 : 4;
		v = arena_array(t->a, e->cap, sizeof(*v));
		if (e->n > 0)
			memcpy(v, e->v, e->n * sizeof(*v));
		e->v = v;
	}
	e->v[e->n].lang = lang;
	e->v[e->n].text = text;
	e->n++;
}

size_t
i18n_variants(const struct i18n *t, const char *key,
    const struct i18n_var **out)
{
	const struct entry *e;

	*out = NULL;
	if (t == NULL || key == NULL || t->n == 0)
		return 0;
	e = find(t, key);
	if (e->key == NULL)
		return 0;
	*out = e->v;
	return e->n;
}

const char *
i18n_get(const struct i18n *t, const char *key, const char *lang)
{
	const struct i18n_var *v;
	size_t n = i18n_variants(t, key, &v), i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i].lang, lang) == 0)
			return v[i].text;
	return NULL;
}

const char *
i18n_pick(const struct model *m, const char *text, const char *const *langs)
{
	const struct i18n_var *v;
	size_t n, i, j;

	if (m == NULL || text == NULL || langs == NULL)
		return text;
	if ((n = i18n_variants(m->i18n, text, &v)) == 0)
		return text;
	for (i = 0; langs[i] != NULL; i++)
		for (j = 0; j < n; j++)
			if (strcmp(v[j].lang, langs[i]) == 0)
				return v[j].text;
	return text;
}
