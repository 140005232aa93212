/* test_param.c: template parameters, checked where written and filled in per exercise. */
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
#include "param.h"
#include "util.h"
#include "load_fixture.h"

static void
test_subst(void **state)
{
	struct arena *a = arena_new();
	struct i18n *t = i18n_new(a);
	struct param_value v[2];
	const char *plain = "No blanks here.";

	(void)state;
	v[0].id = "site";
	v[0].value = arena_strdup(a, "San Luis");
	v[1].id = "n";
	v[1].value = arena_strdup(a, "{{site}}");
	i18n_set(t, v[0].value, "es", "San Luis Río Colorado");
	/* Nothing to replace: the very string. */
	assert_ptr_equal(param_subst(a, t, plain, "en", v, 2), plain);
	assert_string_equal(param_subst(a, t, "At {{site}}, {{n}} drones.",
	    "en", v, 2), "At San Luis, {{site}} drones.");
	/* A value with a variant in the language asked for. */
	assert_string_equal(param_subst(a, t, "En {{site}}.", "es", v, 2),
	    "En San Luis Río Colorado.");
	/* Unknown or unclosed references stay as written. */
	assert_string_equal(param_subst(a, t, "{{x}} and {{site", "en", v, 2),
	    "{{x}} and {{site");
	assert_string_equal(param_subst(a, t, "{{site}}{{site}}", "en", v, 2),
	    "San LuisSan Luis");
	arena_free(a);
}

static const char base_yaml[] =
    "kind: Template\nversion: 1\nid: base\ntype: drill\n"
    "name: \"Drill at {{site}}\"\n"
    "parameters:\n"
    "  - {id: site, description: The facility, default: Santa Teresa}\n"
    "  - {id: swarm_size}\n"
    "conduct: {title: \"Play at {{site}}\"}\n"
    "objectives:\n  - id: o\n    text: \"Detect {{swarm_size}} drones.\"\n"
    "    capabilities: [Intelligence and Information Sharing]\n"
    "    eeg: [\"Count {{swarm_size}}.\"]\n"
    "roles:\n  - {id: lead, name: \"Lead at {{site}}\"}\n"
    "events:\n"
    "  - {id: brief, title: \"Brief: {{site}}\", kind: briefing, at: -1d,\n"
    "     location: \"{{site}} ops\", description: plain, roles: [lead]}\n"
    "msel:\n  - {at: +10m, text: \"{{swarm_size}} launched\","
    " expected: \"Report {{swarm_size}}\"}\n"
    "checklists:\n  - id: c\n    title: \"At {{site}}\"\n    items:\n"
    "      - {text: \"Close {{site}}\", owner: lead, event: brief}\n";

static const char child_yaml[] =
    "kind: Template\nversion: 1\nid: child\nextends: b.yaml\n"
    "parameters:\n  - {id: site, default: Columbus}\n"
    "  - {id: shift, default: night}\n"
    "events:\n  - {id: brief, description: \"{{shift}} shift\"}\n";

static const char roster_yaml[] =
    "kind: Roster\nversion: 1\n"
    "agencies: [{id: gn, name: GN, country: MX, "
    "timezone: America/Mexico_City}]\n"
    "people: [{id: p, name: P, email: p@example.org, agency: gn}]\n";

static char *
exercise(const char *id, const char *tpl, const char *params)
{
	return xasprintf("kind: Exercise\nversion: 1\nid: %s\nname: X\n"
	    "template: %s\n%s%s\n"
	    "venue: {name: V, timezone: America/Mexico_City}\n"
	    "conduct: 2027-03-10\nagencies: [gn]\nrosters: [r.yaml]\n", id,
	    tpl, params ? "parameters: " : "", params ? params : "");
}


/* Load b.yaml, c.yaml and r.yaml with the exercise documents given. */
static struct model *
load(const char *base, const char *x1, const char *x2, struct diags *d)
{
	struct load_source_list l = {0};
	struct model *m;

	src_add(&l, "b.yaml", base, 0);
	src_add(&l, "c.yaml", child_yaml, 0);
	src_add(&l, "r.yaml", roster_yaml, 0);
	src_add(&l, "x1.yaml", x1, 1);
	if (x2 != NULL)
		src_add(&l, "x2.yaml", x2, 1);
	m = load_sources(&l, d);
	load_source_list_free(&l);
	return m;
}

static void
dump(const struct diags *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		fprintf(stderr, "%s:%d:%d: %s\n", d->v[i].file, d->v[i].line,
		    d->v[i].col, d->v[i].msg);
}

/* Two exercises of one template in one run, with their own values. */
static void
test_per_exercise(void **state)
{
	struct diags d = {0};
	char *x1 = exercise("x1", "b.yaml", "{site: San Luis, swarm_size: 12}");
	char *x2 = exercise("x2", "b.yaml", "{swarm_size: \"30\"}");
	struct model *m = load(base_yaml, x1, x2, &d);
	const struct template *t1, *t2;

	(void)state;
	dump(&d);
	assert_non_null(m);
	t1 = m->exercises[0]->tpl;
	t2 = m->exercises[1]->tpl;
	assert_string_equal(t1->name, "Drill at San Luis");
	assert_string_equal(t2->name, "Drill at Santa Teresa");
	assert_string_equal(t1->conduct.title, "Play at San Luis");
	assert_string_equal(t1->objectives[0].text, "Detect 12 drones.");
	assert_string_equal(t2->objectives[0].text, "Detect 30 drones.");
	assert_string_equal(t1->objectives[0].eeg[0].task, "Count 12.");
	assert_string_equal(t1->roles[0].name, "Lead at San Luis");
	assert_string_equal(t1->events[0].title, "Brief: San Luis");
	assert_string_equal(t1->events[0].location, "San Luis ops");
	assert_string_equal(t2->events[0].title, "Brief: Santa Teresa");
	assert_string_equal(t1->injects[0].text, "12 launched");
	assert_string_equal(t1->injects[0].expected, "Report 12");
	assert_string_equal(t2->injects[0].text, "30 launched");
	assert_string_equal(t1->checklists[0].title, "At San Luis");
	assert_string_equal(t1->checklists[0].items[0].text, "Close San Luis");
	assert_string_equal(t2->checklists[0].items[0].text,
	    "Close Santa Teresa");
	/* A text with no blank is shared, not copied. */
	assert_ptr_equal(t1->events[0].description,
	    t2->events[0].description);
	/* The template as read is untouched. */
	assert_string_equal(m->templates[0]->name, "Drill at {{site}}");
	assert_string_equal(m->templates[0]->checklists[0].items[0].text,
	    "Close {{site}}");
	/* The values, in the template's order, defaults filled in. */
	assert_int_equal(m->exercises[1]->nparams, 2);
	assert_string_equal(m->exercises[1]->params[0].value, "Santa Teresa");
	assert_string_equal(m->exercises[1]->params[1].value, "30");
	model_free(m);
	diags_free(&d);
	free(x1);
	free(x2);
}

/* A child adds a parameter and changes a default. */
static void
test_inherited(void **state)
{
	struct diags d = {0};
	char *x1 = exercise("x1", "c.yaml", "{swarm_size: 5}");
	struct model *m = load(base_yaml, x1, NULL, &d);
	const struct template *t;

	(void)state;
	dump(&d);
	assert_non_null(m);
	t = m->exercises[0]->tpl;
	assert_string_equal(t->id, "child");
	assert_string_equal(t->name, "Drill at Columbus");
	assert_string_equal(t->events[0].description, "night shift");
	assert_int_equal(t->nparams, 3);
	assert_string_equal(t->params[0].description, "The facility");
	model_free(m);
	diags_free(&d);
	free(x1);
}

static int
has_error(const struct diags *d, const char *file, int line, int col,
    const char *msg)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (strcmp(d->v[i].file, file) == 0 && d->v[i].line == line &&
		    d->v[i].col == col && strcmp(d->v[i].msg, msg) == 0)
			return 1;
	dump(d);
	return 0;
}

static void
test_exercise_errors(void **state)
{
	struct diags d = {0};
	char *x1 = exercise("x1", "b.yaml", "{sites: X, wind: 3}");
	struct model *m = load(base_yaml, x1, NULL, &d);

	(void)state;
	assert_null(m);
	assert_true(has_error(&d, "x1.yaml", 6, 14, "template 'base' has no "
	    "parameter 'sites'; did you mean 'site'?"));
	assert_true(has_error(&d, "x1.yaml", 6, 24, "template 'base' has no "
	    "parameter 'wind'"));
	assert_true(has_error(&d, "x1.yaml", 5, 11, "template 'base' needs a "
	    "value for parameter 'swarm_size' (declared at b.yaml:8:5): set "
	    "it under 'parameters'"));
	assert_int_equal(d.nerrors, 3);
	diags_free(&d);
	free(x1);
}

static void
test_template_errors(void **state)
{
	struct diags d = {0};
	char *x1 = exercise("x1", "b.yaml", "{swarm_size: 1}");
	const char bad[] =
	    "kind: Template\nversion: 1\nid: base\ntype: drill\n"
	    "name: \"{{sitte}}\"\n"
	    "parameters: [{id: site}, {id: swarm_size}]\n"
	    "description: {en: \"{{site}\", es: \"{{ site }}\"}\n";
	struct model *m = load(bad, x1, NULL, &d);

	(void)state;
	assert_null(m);
	assert_true(has_error(&d, "b.yaml", 5, 7, "unknown parameter "
	    "'sitte'; did you mean 'site'?"));
	assert_true(has_error(&d, "b.yaml", 7, 19, "'{{' without a closing "
	    "'}}': a parameter is written '{{id}}'"));
	assert_true(has_error(&d, "b.yaml", 7, 34, "'{{ site }}' does not name "
	    "a parameter: write '{{id}}' with the id of one of the "
	    "template's 'parameters'"));
	diags_free(&d);
	free(x1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_subst),
		cmocka_unit_test(test_per_exercise),
		cmocka_unit_test(test_inherited),
		cmocka_unit_test(test_exercise_errors),
		cmocka_unit_test(test_template_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
