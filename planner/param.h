/* param.h: template parameters, "{{id}}" in texts, checked when read and filled in per exercise. */
#ifndef PLANNER_PARAM_H
#define PLANNER_PARAM_H

#include <stddef.h>

#include "model.h"
#include "schema.h"
#include "tree.h"

/*
 * A template declares parameters (doc_template.c reads them); its texts
 * say "{{site}}" where an exercise's value goes. Texts are checked when
 * the template is read, so a mistake is reported in the template's file
 * at the text; they are filled in when an exercise is bound to its own
 * copy of the template, so one template serves several exercises of one
 * run with different values.
 */

/*
 * Check text s, written at node n: every "{{" must close with "}}"
 * around an id, and that id must be one of c->params. Every problem is
 * reported at n. Returns 0, or -1 when one was found.
 */
int param_check_text(struct schema_ctx *c, const struct tnode *n,
    const char *s);

/*
 * Check that the lang variant text of key (written at n) uses the same
 * parameters as its English text en, both ways: a translation without
 * the site's name would hide the exercise's value from its readers.
 * Every difference is reported at n. Returns 0, or -1 when one was.
 */
int param_check_variant(struct schema_ctx *c, const struct tnode *n,
    const char *lang, const char *key, const char *en, const char *text);

/*
 * Read texts as template texts from now on: language mappings allowed
 * and, when check is set, "{{id}}" checked against t's parameters. With
 * t NULL, back to plain texts. Can't fail.
 */
void param_text_mode(struct schema_ctx *c, const struct template *t,
    int check);

/*
 * The values of an exercise's parameters: set is its 'parameters:'
 * mapping (NULL when absent; doc_exercise.c checked its shape), at its
 * 'template:' key. Reports a name t does not declare at its key, and a
 * parameter with no default that set leaves out at 'at'. On success
 * *out holds every parameter of t, in t's order, set or defaulted
 * (arena memory), and 0 is returned; on error, -1 and *out is NULL.
 */
int param_bind(struct schema_ctx *c, const struct template *t,
    const struct tnode *set, const struct tnode *at,
    struct param_value **out, size_t *nout);

/*
 * Fill in t, an exercise's own copy of a template, for that exercise:
 * every text (each S_TEXT of the template's key tables) becomes its
 * variant in lang, else its English text, with the values v[0..n)
 * substituted; each language variant is substituted too and recorded in
 * c->i18n against the new text, for renderers of personal files. Lists
 * the copy shares with the template are copied before they change, so
 * the template and other exercises are left as they were. New strings
 * live in c->arena. Can't fail.
 */
void param_apply(struct schema_ctx *c, struct template *t, const char *lang,
    const struct param_value *v, size_t n);

/*
 * s with every "{{id}}" replaced by the value of id among v[0..n), in
 * lang when the value has a variant there (c->i18n may be NULL).
 * Returns s itself when it has nothing to replace, else a new string in
 * arena a. A reference to no value is left as written. Can't fail.
 */
char *param_subst(struct arena *a, const struct i18n *t, const char *s,
    const char *lang, const struct param_value *v, size_t n);

#endif
