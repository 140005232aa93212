/* schema.c: declarative key tables that check YAML trees and decode them into structs. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "model.h"
#include "param.h"
#include "schema.h"
#include "tz.h"

#define MAX_ID 64

void
schema_error(struct schema_ctx *c, const struct tnode *n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (n == NULL)
		diag_vadd(c->diags, DIAG_ERROR, NULL, 0, 0, fmt, ap);
	else
		diag_vadd(c->diags, DIAG_ERROR, n->file, n->line, n->col, fmt,
		    ap);
	va_end(ap);
}

void
schema_error_at(struct schema_ctx *c, const struct loc *l, const char *fmt,
    ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vadd(c->diags, DIAG_ERROR, l->file, l->line, l->col, fmt, ap);
	va_end(ap);
}

uint64_t
schema_bit(const struct schema *s, const char *key)
{
	size_t i;

	for (i = 0; i < s->nfields; i++)
		if (strcmp(s->fields[i].key, key) == 0)
			return (uint64_t)1 << i;
	return 0;
}

int
schema_is_id(const char *s)
{
	size_t i;

	if (!isalnum((unsigned char)s[0]))
		return 0;
	for (i = 0; s[i] != '\0'; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (i >= MAX_ID)
			return 0;
		if (!isalnum(ch) && ch != '-' && ch != '_' && ch != '.')
			return 0;
	}
	return 1;
}

/* ISO 639-1, sorted: the two-letter codes there are. */
static const char iso639_1[] =
    "aaabaeafakamanarasavayazbabebgbibmbnbobrbscacechcocrcscucvcydadedvdz"
    "eeeleneoeseteufafffifjfofrfygagdglgngugvhahehihohrhthuhyhziaidieigii"
    "ikioisitiujajvkakgkikjkkklkmknkokrkskukvkwkylalblgliln"
    "loltlulvmgmhmimkmlmnmrmsmtmynanbndnengnlnnnonrnvnyocojomorospapiplps"
    "ptqurmrnrorurwsascsdsesgsisksl"
    "smsnsosqsrssstsusvswtatetgthtitktltntotrtstttwtyugukuruzvevivowawoxh"
    "yiyozazhzu";

int
schema_is_lang(const char *s)
{
	size_t n = strlen(s), i;

	if ((n != 2 && n != 3) || strspn(s, "abcdefghijklmnopqrstuvwxyz") != n)
		return 0;
	if (n == 3)
		return 1;
	for (i = 0; i + 1 < sizeof(iso639_1); i += 2)
		if (iso639_1[i] == s[0] && iso639_1[i + 1] == s[1])
			return 1;
	return 0;
}

/* An empty plain scalar ("key:" with nothing after it) or ~ or null. */
static int
is_null(const struct tnode *n)
{
	return n->kind == TN_SCALAR && n->plain &&
	    (n->len == 0 || strcmp(n->str, "~") == 0 ||
	    strcmp(n->str, "null") == 0);
}

static int
want_scalar(struct schema_ctx *c, const struct tnode *n, const char *key)
{
	if (n->kind == TN_SCALAR)
		return 0;
	schema_error(c, n, "'%s' must be a single value, not %s", key,
	    tree_kind_name(n));
	return -1;
}

int
schema_text(struct schema_ctx *c, const struct tnode *n, const char *key,
    char **out)
{
	if (want_scalar(c, n, key) == -1)
		return -1;
	*out = arena_strndup(c->arena, n->str, n->len);
	return 0;
}

int
schema_id(struct schema_ctx *c, const struct tnode *n, const char *key,
    char **out)
{
	if (want_scalar(c, n, key) == -1)
		return -1;
	if (!schema_is_id(n->str)) {
		schema_error(c, n, "'%s' is not a valid id for '%s': use 1 to "
		    "%d letters, digits, '-', '_' or '.', starting with a "
		    "letter or digit", n->str, key, MAX_ID);
		return -1;
	}
	*out = arena_strndup(c->arena, n->str, n->len);
	return 0;
}

static int
check_email(const char *s)
{
	const char *at = strchr(s, '@');
	const char *p;

	if (at == NULL || at == s || strchr(at + 1, '@') != NULL)
		return 0;
	if (strchr(at + 1, '.') == NULL || at[1] == '.' ||
	    s[strlen(s) - 1] == '.')
		return 0;
	for (p = s; *p; p++) {
		unsigned char ch = (unsigned char)*p;

		if (ch <= ' ' || ch == 0x7f || strchr("<>\"(),;:\\[]", ch))
			return 0;
	}
	return strlen(s) <= 254;
}

static int
decode_string(struct schema_ctx *c, const struct field *f,
    const struct tnode *n, char **out)
{
	const char *s = n->str;
	const struct tz *z;
	char *cause = NULL;
	size_t i;

	switch (f->type) {
	case S_ID:
		return schema_id(c, n, f->key, out);
	case S_EMAIL:
		if (!check_email(s)) {
			schema_error(c, n, "'%s' is not an e-mail address",
			    s);
			return -1;
		}
		break;
	case S_LANG:
		if (!schema_is_lang(s)) {
			schema_error(c, n, "'%s' is not a language code: use "
			    "ISO 639-1, such as 'en', 'es' or 'uk'", s);
			return -1;
		}
		break;
	case S_COUNTRY:
		if (n->len != 2 || !isalpha((unsigned char)s[0]) ||
		    !isalpha((unsigned char)s[1])) {
			schema_error(c, n, "'%s' is not a country code: use "
			    "ISO 3166-1 alpha-2, such as 'US', 'MX' or 'UA'",
			    s);
			return -1;
		}
		*out = arena_strndup(c->arena, s, 2);
		for (i = 0; i < 2; i++)
			(*out)[i] = (char)toupper((unsigned char)(*out)[i]);
		return 0;
	case S_TZ:
		if ((z = tz_get(s, &cause)) == NULL) {
			schema_error(c, n, "%s", cause);
			free(cause);
			return -1;
		}
		break;
	default:
		break;
	}
	*out = arena_strndup(c->arena, s, n->len);
	return 0;
}

/*
 * A text in several languages, {en: ..., es: ...}: the English one is
 * the value, the others are recorded against it in c->i18n. English is
 * required because it is what every reader falls back to.
 */
static int
decode_text_langs(struct schema_ctx *c, const struct field *f,
    const struct tnode *n, char **out)
{
	const struct tnode *en = tree_get(n, "en");
	size_t i;
	int rc = 0;

	for (i = 0; i < n->n; i++) {
		const struct tnode *k = n->keys[i], *v = n->vals[i];

		if (!schema_is_lang(k->str)) {
			schema_error(c, k, "'%s' is not a language code: use "
			    "ISO 639-1, such as 'en', 'es' or 'uk'", k->str);
			rc = -1;
		}
		if (v->kind != TN_SCALAR) {
			schema_error(c, v, "the '%s' text of '%s' must be a "
			    "single value, not %s", k->str, f->key,
			    tree_kind_name(v));
			rc = -1;
		} else if ((c->text_flags & SCHEMA_TEXT_PARAMS) &&
		    param_check_text(c, v, v->str) == -1)
			rc = -1;
	}
	if (en == NULL) {
		schema_error(c, n, "'%s' in several languages needs an 'en' "
		    "text, the one every reader falls back to", f->key);
		return -1;
	}
	if (rc == -1 || en->kind != TN_SCALAR)
		return -1;
	for (i = 0; (c->text_flags & SCHEMA_TEXT_PARAMS) && i < n->n; i++)
		if (n->vals[i] != en && param_check_variant(c, n->vals[i],
		    n->keys[i]->str, f->key, en->str, n->vals[i]->str) == -1)
			rc = -1;
	if (rc == -1)
		return -1;
	*out = arena_strndup(c->arena, en->str, en->len);
	for (i = 0; i < n->n; i++) {
		const struct tnode *k = n->keys[i], *v = n->vals[i];

		i18n_set(c->i18n, *out, arena_strndup(c->arena, k->str,
		    k->len), v == en ? *out : arena_strndup(c->arena, v->str,
		    v->len));
	}
	return 0;
}

static int
decode_int(struct schema_ctx *c, const struct field *f, const struct tnode *n,
    int *out)
{
	char *end;
	long v;

	v = strtol(n->str, &end, 10);
	if (n->len == 0 || *end != '\0' || !n->plain ||
	    !(isdigit((unsigned char)n->str[0]) || n->str[0] == '-') ||
	    v < f->min || v > f->max) {
		schema_error(c, n, "'%s' must be a whole number from %d to %d, "
		    "not '%s'", f->key, f->min, f->max, n->str);
		return -1;
	}
	*out = (int)v;
	return 0;
}

static int
decode_bool(struct schema_ctx *c, const struct field *f,
    const struct tnode *n, int *out)
{
	static const char *const yes[] = { "true", "yes", "on" };
	static const char *const no[] = { "false", "no", "off" };
	size_t i;

	for (i = 0; i < NELEM(yes); i++) {
		if (strcaseeq(n->str, yes[i]))
			return *out = 1, 0;
		if (strcaseeq(n->str, no[i]))
			return *out = 0, 0;
	}
	schema_error(c, n, "'%s' must be true or false, not '%s'", f->key,
	    n->str);
	return -1;
}

static int
decode_enum(struct schema_ctx *c, const struct field *f,
    const struct tnode *n, int *out)
{
	size_t nn, i;
	const char *const *names = f->names(&nn);
	const char *near;
	struct sb all = {0};

	for (i = 0; i < nn; i++)
		if (strcmp(names[i], n->str) == 0)
			return *out = (int)i, 0;
	near = closest_word(n->str, names, nn);
	for (i = 0; i < nn; i++)
		sb_printf(&all, "%s'%s'", i ? ", " : "", names[i]);
	if (near != NULL)
		schema_error(c, n, "unknown %s '%s'; did you mean '%s'?",
		    f->key, n->str, near);
	else
		schema_error(c, n, "unknown %s '%s'; expected one of %s",
		    f->key, n->str, sb_str(&all));
	sb_free(&all);
	return -1;
}

/* Date, clock, span and duration share one shape: a parser with a cause. */
static int
decode_time(struct schema_ctx *c, const struct field *f,
    const struct tnode *n, void *dst)
{
	char *cause = NULL;
	int rc;

	switch (f->type) {
	case S_DATE:
		rc = date_parse(n->str, dst, &cause);
		break;
	case S_CLOCK:
		rc = clock_parse(n->str, dst, &cause);
		break;
	case S_SPAN:
		rc = span_parse(n->str, dst, &cause);
		break;
	default:
		rc = duration_parse(n->str, dst, &cause);
		break;
	}
	if (rc == -1) {
		schema_error(c, n, "%s", cause);
		free(cause);
	}
	return rc;
}

/* A list of scalars; a single scalar is taken as a list of one. */
static int
decode_strlist(struct schema_ctx *c, const struct field *f,
    const struct tnode *n, struct strlist *out)
{
	struct field item = *f;
	const struct tnode *const *v;
	const struct tnode *one = n;
	size_t cnt, i, j;
	int rc = 0;

	if (n->kind == TN_MAP) {
		schema_error(c, n, "'%s' must be a list, not a mapping",
		    f->key);
		return -1;
	}
	v = n->kind == TN_SEQ ? (const struct tnode *const *)n->items : &one;
	cnt = n->kind == TN_SEQ ? n->n : 1;
	item.type = f->type == S_IDLIST ? S_ID :
	    f->type == S_LANGLIST ? S_LANG : S_TEXT;
	out->v = arena_array(c->arena, cnt + 1, sizeof(char *));
	out->locs = arena_array(c->arena, cnt + 1, sizeof(struct loc));
	out->n = 0;
	for (i = 0; i < cnt; i++) {
		char *s = NULL;

		if (want_scalar(c, v[i], f->key) == -1 ||
		    decode_string(c, &item, v[i], &s) == -1) {
			rc = -1;
			continue;
		}
		for (j = 0; j < out->n; j++)
			if (strcmp(out->v[j], s) == 0)
				break;
		if (j < out->n) {
			schema_error(c, v[i], "'%s' is listed twice in '%s'",
			    s, f->key);
			rc = -1;
			continue;
		}
		out->locs[out->n].file = v[i]->file;
		out->locs[out->n].line = v[i]->line;
		out->locs[out->n].col = v[i]->col;
		out->v[out->n++] = s;
	}
	return rc;
}

static int
decode_list(struct schema_ctx *c, const struct field *f,
    const struct tnode *n, void *obj)
{
	const struct schema *s = f->sub;
	char *arr;
	size_t i;
	int rc = 0;

	if (n->kind != TN_SEQ) {
		schema_error(c, n, "'%s' must be a list, not %s", f->key,
		    tree_kind_name(n));
		return -1;
	}
	arr = arena_array(c->arena, n->n, s->size);
	for (i = 0; i < n->n; i++) {
		void *el = arr + i * s->size;

		if (s->init != NULL)
			s->init(el);
		if (schema_decode(c, s, n->items[i], el, NULL) == -1)
			rc = -1;
	}
	*(void **)((char *)obj + f->off) = arr;
	*(size_t *)((char *)obj + f->count_off) = n->n;
	return rc;
}

static int
decode_field(struct schema_ctx *c, const struct field *f,
    const struct tnode *n, void *obj)
{
	void *dst = (char *)obj + f->off;

	switch (f->type) {
	case S_MAP:
		return schema_decode(c, f->sub, n, dst, NULL);
	case S_LIST:
		return decode_list(c, f, n, obj);
	case S_CUSTOM:
		return f->decode(c, n, obj);
	case S_IDLIST:
	case S_TEXTLIST:
	case S_LANGLIST:
		return decode_strlist(c, f, n, dst);
	case S_TEXT:
		if (n->kind == TN_MAP && (c->text_flags & SCHEMA_TEXT_LANGS) &&
		    c->i18n != NULL)
			return decode_text_langs(c, f, n, dst);
		if (n->kind == TN_SCALAR &&
		    (c->text_flags & SCHEMA_TEXT_PARAMS) &&
		    param_check_text(c, n, n->str) == -1)
			return -1;
		break;
	default:
		break;
	}
	if (want_scalar(c, n, f->key) == -1)
		return -1;
	switch (f->type) {
	case S_INT:
		return decode_int(c, f, n, dst);
	case S_BOOL:
		return decode_bool(c, f, n, dst);
	case S_ENUM:
		return decode_enum(c, f, n, dst);
	case S_DATE:
	case S_CLOCK:
	case S_SPAN:
	case S_DURATION:
		return decode_time(c, f, n, dst);
	default:
		return decode_string(c, f, n, dst);
	}
}

/* Report an unknown key; returns the bit of the key suggested, if any. */
static uint64_t
unknown_key(struct schema_ctx *c, const struct schema *s,
    const struct tnode *key)
{
	const char *names[64];
	const char *near;
	size_t i;

	for (i = 0; i < s->nfields; i++)
		names[i] = s->fields[i].key;
	near = closest_word(key->str, names, s->nfields);
	if (near == NULL) {
		schema_error(c, key, "unknown key '%s' in %s", key->str,
		    s->what);
		return 0;
	}
	schema_error(c, key, "unknown key '%s' in %s; did you mean '%s'?",
	    key->str, s->what, near);
	return schema_bit(s, near);
}

static const struct field *
find_field(const struct schema *s, const char *key, size_t *idx)
{
	size_t i;

	for (i = 0; i < s->nfields; i++)
		if (strcmp(s->fields[i].key, key) == 0) {
			*idx = i;
			return &s->fields[i];
		}
	return NULL;
}

/*
 * A text in several languages standing for {scalar_key: text}, as an
 * EEG task written bare: a mapping with an 'en' key where the table has
 * none, when texts may have languages and the shorthand is a text.
 */
static int
text_langs(const struct schema_ctx *c, const struct schema *s,
    const struct tnode *n)
{
	const struct field *f;
	size_t idx;

	if (n->kind != TN_MAP || !(c->text_flags & SCHEMA_TEXT_LANGS) ||
	    s->scalar_key == NULL || tree_get(n, "en") == NULL ||
	    find_field(s, "en", &idx) != NULL)
		return 0;
	f = find_field(s, s->scalar_key, &idx);
	return f != NULL && f->type == S_TEXT;
}

/* The value of a scalar standing for {scalar_key: value}. */
static int
decode_shorthand(struct schema_ctx *c, const struct schema *s,
    const struct tnode *n, void *obj, uint64_t *seen)
{
	const struct field *f;
	size_t idx = 0;

	f = s->scalar_key ? find_field(s, s->scalar_key, &idx) : NULL;
	if (f == NULL || (n->kind != TN_SCALAR && !text_langs(c, s, n))) {
		schema_error(c, n, "expected %s written as a mapping, found %s",
		    s->what, tree_kind_name(n));
		return -1;
	}
	if (decode_field(c, f, n, obj) == -1)
		return -1;
	*seen = (uint64_t)1 << idx;
	return 0;
}

static int
check_required(struct schema_ctx *c, const struct schema *s,
    const struct tnode *n, uint64_t seen)
{
	size_t i;
	int rc = 0;

	if (c->partial)
		return 0;
	for (i = 0; i < s->nfields; i++) {
		if (!(s->fields[i].flags & SF_REQUIRED) ||
		    (seen & ((uint64_t)1 << i)))
			continue;
		schema_error(c, n, "missing required key '%s' in %s",
		    s->fields[i].key, s->what);
		rc = -1;
	}
	return rc;
}

int
schema_decode(struct schema_ctx *c, const struct schema *s,
    const struct tnode *n, void *obj, uint64_t *seen)
{
	size_t errs = c->diags->nerrors, i, idx;
	uint64_t got = 0, guessed = 0;

	if (s->loc_off != 0) {
		struct loc *l = (struct loc *)((char *)obj + s->loc_off);

		l->file = n->file;
		l->line = n->line;
		l->col = n->col;
	}
	if (n->kind != TN_MAP || text_langs(c, s, n)) {
		if (decode_shorthand(c, s, n, obj, &got) == -1)
			return -1;
	} else {
		for (i = 0; i < n->n; i++) {
			const struct tnode *k = n->keys[i], *v = n->vals[i];
			const struct field *f = find_field(s, k->str, &idx);

			if (f == NULL) {
				guessed |= unknown_key(c, s, k);
				continue;
			}
			if (c->partial && (f->flags & SF_NO_OVERRIDE)) {
				schema_error(c, k, "'%s' cannot be changed by "
				    "an override", k->str);
				continue;
			}
			got |= (uint64_t)1 << idx;
			if (is_null(v) && f->type != S_CUSTOM) {
				if (f->flags & SF_REQUIRED && !c->partial)
					schema_error(c, v, "'%s' needs a value",
					    k->str);
				got &= ~((uint64_t)1 << idx);
				continue;
			}
			decode_field(c, f, v, obj);
		}
		check_required(c, s, n, got | guessed);
	}
	if (s->check != NULL && c->diags->nerrors == errs)
		s->check(c, n, obj, got);
	if (seen != NULL)
		*seen = got;
	return c->diags->nerrors == errs ? 0 : -1;
}

static void
walk(const struct schema *s, struct sb *prefix,
    void (*fn)(const char *path, void *arg), void *arg)
{
	size_t i, mark = prefix->len, k;

	for (i = 0; i < s->nfields; i++) {
		const struct field *f = &s->fields[i];

		prefix->len = mark;
		sb_puts(prefix, f->key);
		fn(sb_str(prefix), arg);
		if (f->type == S_MAP || f->type == S_LIST) {
			sb_puts(prefix, f->type == S_LIST ? "[]." : ".");
			walk(f->sub, prefix, fn, arg);
		}
		for (k = 0; f->doc_keys != NULL && f->doc_keys[k]; k++) {
			size_t m = prefix->len;

			prefix->len = mark;
			sb_puts(prefix, f->key);
			sb_puts(prefix, f->doc_keys[k]);
			fn(sb_str(prefix), arg);
			prefix->len = m;
		}
	}
	prefix->len = mark;
	if (prefix->s != NULL)
		prefix->s[mark] = '\0';
}

void
schema_walk(const struct schema *s, void (*fn)(const char *path, void *arg),
    void *arg)
{
	struct sb prefix = {0};

	walk(s, &prefix, fn, arg);
	sb_free(&prefix);
}

/* S_ENUM stores an int into the model's enum fields. */
_Static_assert(sizeof(enum ev_kind) == sizeof(int), "enums are ints");
