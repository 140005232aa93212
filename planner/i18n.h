/* i18n.h: the other-language variants of template texts, looked up by the text shown. */
#ifndef PLANNER_I18N_H
#define PLANNER_I18N_H

#include <stddef.h>

/*
 * A text of a template may be written in several languages. The model
 * keeps one string per text, the one its exercise's language calls for,
 * so that every renderer prints the usual way; this table maps that very
 * pointer (not its contents: two exercises may read alike and differ in
 * language) to its variants, for the few places that print a text in a
 * person's own language. The table and everything in it live in the
 * arena given to i18n_new(); it owns nothing else.
 */

struct arena;
struct model;

struct i18n_var {
	const char *lang;	/* ISO 639-1 code */
	const char *text;
};

struct i18n;

/* An empty table in arena a (borrowed, must outlive it). Can't fail. */
struct i18n *i18n_new(struct arena *a);

/*
 * Record text as the lang variant of key, replacing an earlier one of
 * that language. key, lang and text are borrowed (they must live as
 * long as the table: in practice, in its arena). Can't fail.
 */
void i18n_set(struct i18n *t, const char *key, const char *lang,
    const char *text);

/* The lang variant of key, or NULL when there is none (t may be NULL). */
const char *i18n_get(const struct i18n *t, const char *key, const char *lang);

/*
 * The variants of key, in the order they were first recorded, through
 * *out (borrowed); returns how many (0, with *out NULL, when none or
 * t is NULL).
 */
size_t i18n_variants(const struct i18n *t, const char *key,
    const struct i18n_var **out);

/*
 * The text to show someone who reads langs (a NULL-terminated list,
 * preferred first; NULL for none): the variant of text in the first of
 * those it has, else text itself, which the loader resolved to the
 * exercise's language or English. Never NULL for a non-NULL text; NULL
 * text gives NULL. m may be NULL (no translations).
 */
const char *i18n_pick(const struct model *m, const char *text,
    const char *const *langs);

#endif
