/* param.c: template parameters, "{{id}}" in texts, checked when read and filled in per exercise. */
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "i18n.h"
#include "param.h"
#include "util.h"

void
param_text_mode(struct schema_ctx *c, const struct template *t, int check)
{
	if (t == NULL) {
		c->text_flags = 0;
		c->params = NULL;
		c->nparams = 0;
		return;
	}
	c->text_flags = SCHEMA_TEXT_LANGS | (check ? SCHEMA_TEXT_PARAMS : 0);
	c->params = t->params;
	c->nparams = t->nparams;
}

static const struct param_def *
find_def(const struct param_def *v, size_t n, const char *id, size_t len)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strlen(v[i].id) == len && memcmp(v[i].id, id, len) == 0)
			return &v[i];
	return NULL;
}

static void
unknown_param(struct schema_ctx *c, const struct tnode *n, const char *name)
{
	const char **ids = xcalloc(c->nparams + 1, sizeof(char *));
	const char *near;
	size_t i;

	for (i = 0; i < c->nparams; i++)
		ids[i] = c->params[i].id;
	near = closest_word(name, ids, c->nparams);
	if (near != NULL)
		schema_error(c, n, "unknown parameter '%s'; did you mean "
		    "'%s'?", name, near);
	else
		schema_error(c, n, "unknown parameter '%s': declare it under "
		    "the template's 'parameters'", name);
	free(ids);
}

int
param_check_text(struct schema_ctx *c, const struct tnode *n, const char *s)
{
	const char *p, *q;
	int rc = 0;

	while ((p = strstr(s, "{{")) != NULL) {
		char *name;

		if ((q = strstr(p + 2, "}}")) == NULL) {
			schema_error(c, n, "'{{' without a closing '}}': a "
			    "parameter is written '{{id}}'");
			return -1;
		}
		name = xstrndup(p + 2, (size_t)(q - p - 2));
		if (!schema_is_id(name)) {
			schema_error(c, n, "'{{%s}}' does not name a parameter: "
			    "write '{{id}}' with the id of one of the "
			    "template's 'parameters'", name);
			rc = -1;
		} else if (find_def(c->params, c->nparams, name,
		    strlen(name)) == NULL) {
			unknown_param(c, n, name);
			rc = -1;
		}
		free(name);
		s = q + 2;
	}
	return rc;
}

/* Whether text s uses "{{name}}" (name of len bytes). */
static int
uses_param(const char *s, const char *name, size_t len)
{
	const char *p;

	for (p = s; (p = strstr(p, "{{")) != NULL; p += 2)
		if (strncmp(p + 2, name, len) == 0 &&
		    strncmp(p + 2 + len, "}}", 2) == 0)
			return 1;
	return 0;
}

/*
 * Report each parameter that a uses and b leaves out, at n: the English
 * text en_first ? en : variant lang of key.
 */
static int
missing_params(struct schema_ctx *c, const struct tnode *n, const char *a,
    const char *b, int en_first, const char *lang, const char *key)
{
	const char *p, *q;
	int rc = 0, len;

	for (p = a; (p = strstr(p, "{{")) != NULL; p = q + 2) {
		if ((q = strstr(p + 2, "}}")) == NULL)
			break;
		len = (int)(q - p - 2);
		if (uses_param(b, p + 2, (size_t)len))
			continue;
		if (en_first)
			schema_error(c, n, "the '%s' text of '%s' leaves out "
			    "'{{%.*s}}', which its 'en' text uses", lang, key,
			    len, p + 2);
		else
			schema_error(c, n, "the '%s' text of '%s' uses "
			    "'{{%.*s}}', which its 'en' text leaves out", lang,
			    key, len, p + 2);
		rc = -1;
	}
	return rc;
}

int
param_check_variant(struct schema_ctx *c, const struct tnode *n,
    const char *lang, const char *key, const char *en, const char *text)
{
	int rc = missing_params(c, n, en, text, 1, lang, key);

	if (missing_params(c, n, text, en, 0, lang, key) == -1)
		rc = -1;
	return rc;
}

/* --- an exercise's values -------------------------------------------------- */

static int
set_index(const struct tnode *set, const char *id)
{
	size_t i;

	for (i = 0; set != NULL && set->kind == TN_MAP && i < set->n; i++)
		if (strcmp(set->keys[i]->str, id) == 0)
			return (int)i;
	return -1;
}

int
param_bind(struct schema_ctx *c, const struct template *t,
    const struct tnode *set, const struct tnode *at,
    struct param_value **out, size_t *nout)
{
	const char **ids = xcalloc(t->nparams + 1, sizeof(char *));
	struct param_value *v;
	size_t i, errs = c->diags->nerrors;
	int k;

	*out = NULL;
	*nout = 0;
	for (i = 0; i < t->nparams; i++)
		ids[i] = t->params[i].id;
	for (i = 0; set != NULL && set->kind == TN_MAP && i < set->n; i++) {
		const char *name = set->keys[i]->str, *near;

		if (!schema_is_id(name) ||	/* reported by doc_exercise.c */
		    find_def(t->params, t->nparams, name, strlen(name)) != NULL)
			continue;
		near = closest_word(name, ids, t->nparams);
		if (near != NULL)
			schema_error(c, set->keys[i], "template '%s' has no "
			    "parameter '%s'; did you mean '%s'?", t->id, name,
			    near);
		else
			schema_error(c, set->keys[i], "template '%s' has no "
			    "parameter '%s'", t->id, name);
	}
	free(ids);
	v = arena_array(c->arena, t->nparams + 1, sizeof(*v));
	for (i = 0; i < t->nparams; i++) {
		const struct param_def *d = &t->params[i];

		v[i].id = d->id;
		if ((k = set_index(set, d->id)) >= 0 &&
		    set->vals[k]->kind == TN_SCALAR)
			v[i].value = arena_strndup(c->arena, set->vals[k]->str,
			    set->vals[k]->len);
		else if (k < 0 && d->def != NULL)
			v[i].value = d->def;
		else if (k < 0)
			schema_error(c, at, "template '%s' needs a value for "
			    "parameter '%s' (declared at %s:%d:%d): set it "
			    "under 'parameters'", t->id, d->id, d->loc.file,
			    d->loc.line, d->loc.col);
	}
	if (c->diags->nerrors != errs)
		return -1;
	*out = v;
	*nout = t->nparams;
	return 0;
}

/* --- filling in an exercise's copy ------------------------------------------- */

char *
param_subst(struct arena *a, const struct i18n *t, const char *s,
    const char *lang, const struct param_value *v, size_t n)
{
	struct sb b = {0};
	const char *p, *q, *val;
	char *out;
	size_t i, len;

	if (strstr(s, "{{") == NULL)
		return (char *)s;
	while ((p = strstr(s, "{{")) != NULL &&
	    (q = strstr(p + 2, "}}")) != NULL) {
		len = (size_t)(q - p - 2);
		for (i = 0; i < n; i++)
			if (strlen(v[i].id) == len &&
			    memcmp(v[i].id, p + 2, len) == 0)
				break;
		sb_putn(&b, s, (size_t)(p - s));
		if (i < n && v[i].value != NULL) {
			val = i18n_get(t, v[i].value, lang);
			sb_puts(&b, val != NULL ? val : v[i].value);
		} else
			sb_putn(&b, p, (size_t)(q + 2 - p));
		s = q + 2;
	}
	sb_puts(&b, s);
	out = arena_strdup(a, sb_str(&b));
	sb_free(&b);
	return out;
}

struct apply {
	struct schema_ctx *c;
	const char *lang;
	const struct param_value *v;
	size_t n;
};

static int
text_changes(const struct apply *A, const char *s)
{
	const struct i18n_var *var;

	return s != NULL && (strstr(s, "{{") != NULL ||
	    i18n_variants(A->c->i18n, s, &var) > 0);
}

/*
 * The text an exercise shows for s. A text with variants and blanks gets
 * a new string: its variants are recorded against that pointer, and this
 * exercise's values must not land on a string other exercises share.
 */
static char *
resolve(const struct apply *A, char *s)
{
	struct arena *a = A->c->arena;
	const struct i18n_var *var;
	size_t nv = i18n_variants(A->c->i18n, s, &var), i;
	struct i18n_var *sub;
	char *out = NULL;

	if (nv == 0)
		return param_subst(a, A->c->i18n, s, A->lang, A->v, A->n);
	for (i = 0; i < nv && strstr(var[i].text, "{{") == NULL; i++)
		;
	if (i == nv) {
		/* Nothing of this exercise's in it: every exercise of the
		 * language shares one string and its variants. */
		for (i = 0; i < nv && strcmp(var[i].lang, A->lang) != 0; i++)
			;
		if (i == nv || var[i].text == s)
			return s;
		out = (char *)var[i].text;
		sub = xcalloc(nv, sizeof(*sub));
		memcpy(sub, var, nv * sizeof(*sub));
		for (i = 0; i < nv; i++)
			i18n_set(A->c->i18n, out, sub[i].lang, sub[i].text);
		free(sub);
		return out;
	}
	sub = xcalloc(nv, sizeof(*sub));
	for (i = 0; i < nv; i++) {
		sub[i].lang = var[i].lang;
		sub[i].text = param_subst(a, A->c->i18n, var[i].text,
		    var[i].lang, A->v, A->n);
		if (out == NULL && strcmp(var[i].lang, A->lang) == 0)
			out = arena_strdup(a, sub[i].text);
	}
	if (out == NULL)
		out = arena_strdup(a, param_subst(a, A->c->i18n, s, "en", A->v,
		    A->n));
	for (i = 0; i < nv; i++)
		i18n_set(A->c->i18n, out, sub[i].lang, sub[i].text);
	free(sub);
	return out;
}

static int
obj_changes(const struct apply *A, const struct schema *s, const void *obj)
{
	size_t i, j, cnt;

	for (i = 0; i < s->nfields; i++) {
		const struct field *f = &s->fields[i];
		const char *at = (const char *)obj + f->off;
		const char *arr;

		switch (f->type) {
		case S_TEXT:
			if (text_changes(A, *(char *const *)(const void *)at))
				return 1;
			break;
		case S_MAP:
			if (obj_changes(A, f->sub, at))
				return 1;
			break;
		case S_LIST:
			arr = *(const char *const *)(const void *)at;
			cnt = *(const size_t *)(const void *)((const char *)obj +
			    f->count_off);
			for (j = 0; j < cnt; j++)
				if (obj_changes(A, f->sub, arr + j *
				    f->sub->size))
					return 1;
			break;
		default:
			break;
		}
	}
	return 0;
}

static void
obj_apply(const struct apply *A, const struct schema *s, void *obj)
{
	size_t i, j, cnt, size;

	for (i = 0; i < s->nfields; i++) {
		const struct field *f = &s->fields[i];
		char *at = (char *)obj + f->off, *arr, *copy = NULL;

		switch (f->type) {
		case S_TEXT:
			if (*(char **)(void *)at != NULL)
				*(char **)(void *)at = resolve(A,
				    *(char **)(void *)at);
			break;
		case S_MAP:
			obj_apply(A, f->sub, at);
			break;
		case S_LIST:
			arr = *(char **)(void *)at;
			cnt = *(size_t *)(void *)((char *)obj + f->count_off);
			size = f->sub->size;
			for (j = 0; j < cnt; j++) {
				if (!obj_changes(A, f->sub, arr + j * size))
					continue;
				if (copy == NULL) {
					copy = arena_array(A->c->arena,
					    cnt + 1, size);
					memcpy(copy, arr, cnt * size);
				}
				obj_apply(A, f->sub, copy + j * size);
			}
			if (copy != NULL)
				*(char **)(void *)at = copy;
			break;
		default:
			break;
		}
	}
}

void
param_apply(struct schema_ctx *c, struct template *t, const char *lang,
    const struct param_value *v, size_t n)
{
	struct apply A = { c, lang != NULL ? lang : "en", v, n };

	if (obj_changes(&A, &doc_template_schema, t))
		obj_apply(&A, &doc_template_schema, t);
}
