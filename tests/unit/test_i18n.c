/* test_i18n.c: texts in several languages, as the loader reads them and as renderers pick them. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "load.h"
#include "model.h"
#include "schema.h"
#include "util.h"
#include "load_fixture.h"

/* --- the table ------------------------------------------------------------ */

static void
test_set_get(void **state)
{
	struct arena *a = arena_new();
	struct i18n *t = i18n_new(a);
	const char *key = arena_strdup(a, "Hot wash");
	const struct i18n_var *v;

	(void)state;
	assert_null(i18n_get(t, key, "es"));
	assert_int_equal(i18n_variants(t, key, &v), 0);
	assert_null(v);
	i18n_set(t, key, "en", key);
	i18n_set(t, key, "es", "Sesión de evaluación inmediata");
	i18n_set(t, key, "uk", "Оперативний розбір");
	assert_string_equal(i18n_get(t, key, "es"),
	    "Sesión de evaluación inmediata");
	assert_ptr_equal(i18n_get(t, key, "en"), key);
	assert_null(i18n_get(t, key, "fr"));
	/* Replacing keeps the order and the count. */
	i18n_set(t, key, "es", "Evaluación inmediata");
	assert_int_equal(i18n_variants(t, key, &v), 3);
	assert_string_equal(v[1].lang, "es");
	assert_string_equal(v[1].text, "Evaluación inmediata");
	/* Keyed by pointer: the same words elsewhere are another text. */
	assert_null(i18n_get(t, "Hot wash", "es"));
	assert_null(i18n_get(NULL, key, "es"));
	arena_free(a);
}

/* Thousands of keys: the table grows and keeps every one. */
static void
test_many_keys(void **state)
{
	struct arena *a = arena_new();
	struct i18n *t = i18n_new(a);
	char **keys = xcalloc(5000, sizeof(char *));
	size_t i;

	(void)state;
	for (i = 0; i < 5000; i++) {
		keys[i] = arena_printf(a, "text %zu", i);
		i18n_set(t, keys[i], "es", arena_printf(a, "texto %zu", i));
	}
	for (i = 0; i < 5000; i++) {
		char want[32];

		snprintf(want, sizeof(want), "texto %zu", i);
		assert_string_equal(i18n_get(t, keys[i], "es"), want);
	}
	free(keys);
	arena_free(a);
}

static void
test_pick(void **state)
{
	struct model m;
	struct arena *a = arena_new();
	const char *key = arena_strdup(a, "Briefing");
	const char *uk_es[] = { "uk", "es", NULL };
	const char *fr_es[] = { "fr", "es", NULL };
	const char *fr[] = { "fr", NULL };
	const char *none[] = { NULL };

	(void)state;
	memset(&m, 0, sizeof(m));
	m.arena = a;
	m.i18n = i18n_new(a);
	i18n_set(m.i18n, key, "en", "Briefing");
	i18n_set(m.i18n, key, "es", "Sesión informativa");
	i18n_set(m.i18n, key, "uk", "Брифінг");
	assert_string_equal(i18n_pick(&m, key, uk_es), "Брифінг");
	assert_string_equal(i18n_pick(&m, key, fr_es), "Sesión informativa");
	/* No language of the reader's: the text as the model has it. */
	assert_ptr_equal(i18n_pick(&m, key, fr), key);
	assert_ptr_equal(i18n_pick(&m, key, none), key);
	assert_ptr_equal(i18n_pick(&m, key, NULL), key);
	assert_null(i18n_pick(&m, NULL, uk_es));
	assert_ptr_equal(i18n_pick(NULL, key, uk_es), key);
	/* A text with no variants is itself. */
	assert_string_equal(i18n_pick(&m, "plain", uk_es), "plain");
	arena_free(a);
}

static void
test_lang_codes(void **state)
{
	(void)state;
	assert_true(schema_is_lang("en"));
	assert_true(schema_is_lang("uk"));
	assert_true(schema_is_lang("es"));
	assert_true(schema_is_lang("zu"));
	assert_true(schema_is_lang("fil"));	/* ISO 639-2: no 639-1 code */
	assert_false(schema_is_lang("xx"));
	assert_false(schema_is_lang("EN"));
	assert_false(schema_is_lang("e"));
	assert_false(schema_is_lang("english"));
	assert_false(schema_is_lang(""));
}

/* --- read by the loader ------------------------------------------------------ */

static const char tpl_yaml[] =
    "kind: Template\nversion: 1\nid: t\ntype: drill\n"
    "name: {en: Drill, es: Simulacro, uk: Навчання}\n"
    "roles:\n  - {id: lead, name: {en: Lead, es: Jefe}}\n"
    "events:\n"
    "  - id: brief\n"
    "    title: {en: Briefing, es: Sesión informativa, uk: Брифінг}\n"
    "    kind: briefing\n    at: -1d\n    roles: [lead]\n"
    "  - id: hot-wash\n    title: {en: Hot wash, uk: Оперативний розбір}\n"
    "    kind: hot-wash\n    roles: [lead]\n";

static const char roster_yaml[] =
    "kind: Roster\nversion: 1\n"
    "agencies: [{id: gn, name: GN, country: MX, "
    "timezone: America/Mexico_City}]\n"
    "people: [{id: p, name: P, email: p@example.org, agency: gn}]\n";

static char *
exercise_yaml(const char *id, const char *lang, const char *extra)
{
	return xasprintf("kind: Exercise\nversion: 1\nid: %s\nname: X\n"
	    "template: t.yaml\n%s%s%s\n"
	    "venue: {name: V, timezone: America/Mexico_City}\n"
	    "conduct: 2027-03-10\nagencies: [gn]\nrosters: [r.yaml]\n%s",
	    id, lang ? "language: " : "", lang ? lang : "", lang ? "" : "",
	    extra ? extra : "");
}


static struct model *
load3(const char *tpl, const char *ex, struct diags *d)
{
	struct load_source_list l = {0};
	struct model *m;

	src_add(&l, "t.yaml", tpl, 0);
	src_add(&l, "r.yaml", roster_yaml, 0);
	src_add(&l, "x.yaml", ex, 1);
	m = load_sources(&l, d);
	load_source_list_free(&l);
	return m;
}

static const struct event_def *
event(const struct model *m, size_t x, const char *id)
{
	return template_event(m->exercises[x]->tpl, id);
}

static void
test_loaded_in_exercise_language(void **state)
{
	struct diags d = {0};
	char *ex = exercise_yaml("x", "es", NULL);
	struct model *m = load3(tpl_yaml, ex, &d);
	const char *uk[] = { "uk", NULL }, *en[] = { "en", NULL };
	const struct event_def *brief, *wash;

	(void)state;
	assert_int_equal(d.nerrors, 0);
	assert_non_null(m);
	brief = event(m, 0, "brief");
	wash = event(m, 0, "hot-wash");
	assert_string_equal(m->exercises[0]->tpl->name, "Simulacro");
	assert_string_equal(brief->title, "Sesión informativa");
	/* No Spanish: English. */
	assert_string_equal(wash->title, "Hot wash");
	assert_string_equal(m->exercises[0]->tpl->roles[0].name, "Jefe");
	/* A person's languages pick among the variants. */
	assert_string_equal(i18n_pick(m, brief->title, uk), "Брифінг");
	assert_string_equal(i18n_pick(m, wash->title, uk),
	    "Оперативний розбір");
	assert_string_equal(i18n_pick(m, brief->title, en), "Briefing");
	/* The template as read keeps its English. */
	assert_string_equal(m->templates[0]->events[0].title, "Briefing");
	model_free(m);
	diags_free(&d);
	free(ex);
}

static void
test_default_language_english(void **state)
{
	struct diags d = {0};
	char *ex = exercise_yaml("x", NULL, NULL);
	struct model *m = load3(tpl_yaml, ex, &d);

	(void)state;
	assert_non_null(m);
	assert_string_equal(m->exercises[0]->language, "en");
	assert_string_equal(event(m, 0, "brief")->title, "Briefing");
	model_free(m);
	diags_free(&d);
	free(ex);
}

/* Overrides may be given in several languages too. */
static void
test_override_languages(void **state)
{
	struct diags d = {0};
	char *ex = exercise_yaml("x", "uk", "overrides:\n  events:\n"
	    "    brief: {title: {en: Site briefing, uk: Брифінг на місці}}\n");
	struct model *m = load3(tpl_yaml, ex, &d);
	const char *es[] = { "es", NULL }, *en[] = { "en", NULL };
	const struct event_def *brief;

	(void)state;
	assert_non_null(m);
	brief = event(m, 0, "brief");
	assert_string_equal(brief->title, "Брифінг на місці");
	assert_string_equal(i18n_pick(m, brief->title, en), "Site briefing");
	/* No Spanish in the override: the exercise's language. */
	assert_string_equal(i18n_pick(m, brief->title, es),
	    "Брифінг на місці");
	model_free(m);
	diags_free(&d);
	free(ex);
}

/* Exercises of one template in several languages, in one run. */
static void
test_exercises_in_languages(void **state)
{
	struct diags d = {0};
	char *x1 = exercise_yaml("x1", "es", NULL);
	char *x2 = exercise_yaml("x2", "uk", NULL);
	char *x3 = exercise_yaml("x3", "es", NULL);
	char *all = xasprintf("%s---\n%s---\n%s", x1, x2, x3);
	struct model *m = load3(tpl_yaml, all, &d);
	const char *en[] = { "en", NULL }, *es[] = { "es", NULL };

	(void)state;
	assert_int_equal(d.nerrors, 0);
	assert_int_equal(m->nexercises, 3);
	assert_string_equal(event(m, 0, "brief")->title, "Sesión informativa");
	assert_string_equal(event(m, 1, "brief")->title, "Брифінг");
	assert_string_equal(i18n_pick(m, event(m, 1, "brief")->title, es),
	    "Sesión informativa");
	assert_string_equal(i18n_pick(m, event(m, 1, "brief")->title, en),
	    "Briefing");
	/* With no blanks, one language's text is one string for all. */
	assert_ptr_equal(event(m, 0, "brief")->title,
	    event(m, 2, "brief")->title);
	assert_string_equal(m->exercises[1]->tpl->name, "Навчання");
	model_free(m);
	diags_free(&d);
	free(x1);
	free(x2);
	free(x3);
	free(all);
}

static int
has_error(const struct diags *d, const char *file, int line, const char *msg)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (strcmp(d->v[i].file, file) == 0 && d->v[i].line == line &&
		    strstr(d->v[i].msg, msg) != NULL)
			return 1;
	for (i = 0; i < d->n; i++)
		fprintf(stderr, "%s:%d:%d: %s\n", d->v[i].file, d->v[i].line,
		    d->v[i].col, d->v[i].msg);
	return 0;
}

static void
test_errors(void **state)
{
	struct diags d = {0};
	char *ex = exercise_yaml("x", "es", NULL);
	const char bad[] =
	    "kind: Template\nversion: 1\nid: t\ntype: drill\n"
	    "name: {es: Simulacro}\n"
	    "description: {en: A, xx: B}\n"
	    "roles:\n  - {id: lead, name: {en: Lead, es: [Jefe]}}\n";
	struct model *m = load3(bad, ex, &d);

	(void)state;
	assert_null(m);
	assert_true(has_error(&d, "t.yaml", 5, "needs an 'en' text"));
	assert_true(has_error(&d, "t.yaml", 6, "'xx' is not a language code"));
	assert_true(has_error(&d, "t.yaml", 8,
	    "the 'es' text of 'name' must be a single value"));
	diags_free(&d);
	free(ex);
}

/* Outside templates a text is one string: an exercise's own name. */
static void
test_exercise_text_plain(void **state)
{
	struct diags d = {0};
	char *ex = exercise_yaml("x", "es", NULL), *p;
	struct model *m;

	(void)state;
	p = strstr(ex, "name: X");
	assert_non_null(p);
	p = xasprintf("%.*sname: {en: X, es: Y}%s", (int)(p - ex), ex, p + 7);
	m = load3(tpl_yaml, p, &d);
	assert_null(m);
	assert_true(has_error(&d, "x.yaml", 4,
	    "'name' must be a single value, not a mapping"));
	diags_free(&d);
	free(ex);
	free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_set_get),
		cmocka_unit_test(test_many_keys),
		cmocka_unit_test(test_pick),
		cmocka_unit_test(test_lang_codes),
		cmocka_unit_test(test_loaded_in_exercise_language),
		cmocka_unit_test(test_default_language_english),
		cmocka_unit_test(test_override_languages),
		cmocka_unit_test(test_exercises_in_languages),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_exercise_text_plain),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
