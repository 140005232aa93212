/* test_duty.c: checklist items matched to their owners, due in each owner's zone, done or not. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "duty.h"
#include "print_fixture.h"
#include "tz.h"
#include "util.h"

static const char *
who(const struct duty *d)
{
	return d->person != NULL ? d->person->id : "-";
}

/* Items in order, one duty per person of the owner role, an unassigned
 * one for the role nobody holds; dates in each person's zone. */
static void
test_list(void **state)
{
	struct model *m = pf_model();
	struct plan *p = pf_plan(m);
	size_t n;
	struct duty *v = duty_list(&p->exercises[0], pf_done,
	    NELEM(pf_done), &n);

	(void)state;
	assert_int_equal(n, 7);
	assert_string_equal(v[0].item->id, "venue");
	assert_string_equal(who(&v[0]), "ana");
	assert_string_equal(tz_name(v[0].zone), "America/Phoenix");
	assert_int_equal(v[0].due, PF_IPM - 14 * SECS_PER_DAY);
	assert_string_equal(v[0].role_name, "Lead Planner");
	assert_string_equal(v[1].item->id, "cell");
	assert_string_equal(who(&v[1]), "-");
	assert_string_equal(tz_name(v[1].zone), "America/Phoenix");
	assert_string_equal(v[2].item->id, "eeg");
	assert_string_equal(who(&v[2]), "olena");
	assert_string_equal(tz_name(v[2].zone), "Europe/Kyiv");
	assert_int_equal(v[2].due, PF_DEBRIEF + 2 * SECS_PER_DAY);
	assert_non_null(v[2].done);
	assert_string_equal(v[2].done->initials, "OK");
	assert_string_equal(v[3].item->id, "eeg");
	assert_string_equal(who(&v[3]), "jose");
	assert_string_equal(tz_name(v[3].zone), "America/Mexico_City");
	/* Olena's check is hers, and the other entry is another
	 * exercise's. */
	assert_null(v[3].done);
	assert_string_equal(v[4].item->id, "long");
	assert_string_equal(v[5].item->id, "ukr");
	assert_string_equal(who(&v[5]), "olena");
	assert_string_equal(v[6].item->id, "ukr");
	assert_string_equal(who(&v[6]), "jose");
	assert_int_equal(v[6].due, PF_FINAL);
	free(v);
	plan_free(p);
	model_free(m);
}

/* A vacancy adds an unassigned duty beside the people; an entry with no
 * person is done for every owner; an unknown event is unscheduled. */
static void
test_vacancy_done(void **state)
{
	struct model *m = pf_model();
	struct plan *p = pf_plan(m);
	struct plan_exercise *px = &p->exercises[0];
	struct item_done all = { "ex-print", "after-action", "eeg", NULL,
	    PF_NOW, NULL };
	size_t n;
	struct duty *v;

	(void)state;
	px->nvacancies = 1;
	px->vacancies = arena_alloc(p->arena, sizeof(*px->vacancies));
	px->vacancies[0].role = &m->exercises[0]->tpl->roles[1];
	px->vacancies[0].missing = 1;
	m->exercises[0]->tpl->checklists[0].items[0].event = "nope";
	v = duty_list(px, &all, 1, &n);
	assert_int_equal(n, 9);
	assert_null(v[0].event);
	assert_int_equal(v[0].due, 0);
	assert_string_equal(who(&v[2]), "olena");
	assert_non_null(v[2].done);
	assert_string_equal(who(&v[3]), "jose");
	assert_non_null(v[3].done);
	assert_string_equal(who(&v[4]), "-");
	assert_string_equal(v[4].item->id, "eeg");
	assert_non_null(v[4].done);
	free(v);
	plan_free(p);
	model_free(m);
}

static void
offset_is(int32_t months, int32_t days, int64_t secs, const char *want)
{
	struct span sp = { months, days, secs, secs != 0 };
	struct sb b = {0};

	duty_offset_text(&b, &sp);
	assert_string_equal(sb_str(&b), want);
	sb_free(&b);
}

static void
test_offset_text(void **state)
{
	(void)state;
	offset_is(0, 0, 0, "at ");
	offset_is(0, -14, 0, "2 weeks before ");
	offset_is(0, 7, 0, "1 week after ");
	offset_is(0, 90, 0, "90 days after ");
	offset_is(0, 1, 2 * 3600, "1 day 2 hours after ");
	offset_is(-7, 0, 0, "7 months before ");
	offset_is(0, 0, -5430, "1 hour 30 minutes 30 seconds before ");
}

static void
test_capabilities(void **state)
{
	struct model *m = pf_model();
	struct template *t = m->exercises[0]->tpl;
	int caps[DOCTRINE_NCAPS];

	(void)state;
	assert_int_equal(duty_capabilities(t, caps, NELEM(caps)), 2);
	assert_string_equal(doctrine_cap_name(caps[0]),
	    "Intelligence and Information Sharing");
	assert_string_equal(doctrine_cap_name(caps[1]),
	    "Operational Coordination");
	/* A repeated capability counts once; max is respected. */
	t->objectives[0].caps[1] = t->objectives[0].caps[0];
	assert_int_equal(duty_capabilities(t, caps, NELEM(caps)), 1);
	t->objectives[0].caps[1] = doctrine_cap_parse("Planning");
	assert_int_equal(duty_capabilities(t, caps, 1), 1);
	assert_int_equal(duty_capabilities(NULL, caps, NELEM(caps)), 0);
	model_free(m);
}

static int
teardown(void **state)
{
	(void)state;
	tz_cache_clear();
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_list),
		cmocka_unit_test(test_vacancy_done),
		cmocka_unit_test(test_offset_text),
		cmocka_unit_test(test_capabilities),
	};

	return cmocka_run_group_tests(tests, NULL, teardown);
}
