/* test_out_md.c: Markdown checklists: tables, local due dates, escaping of hostile text. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "out_md.h"
#include "print_fixture.h"
#include "tz.h"
#include "util.h"

/* Instants used below (UTC); Phoenix is UTC-7 all year. */
#define T_IPM		1786377600	/* 2026-08-10T16:00:00Z, 09:00 MST */
#define T_STARTEX	1804687200	/* 2027-03-10T14:00:00Z, 07:00 MST */
#define T_DAY2		1804773600	/* 2027-03-11T14:00:00Z */
#define T_ENDEX		1804802400	/* 2027-03-11T22:00:00Z, 15:00 MST */
#define T_HOTWASH	1804813200	/* 2027-03-12T01:00:00Z, 03-11 18:00 MST */
#define T_TTX		1801440000	/* 2027-02-01T00:00:00Z */

#define SCRIPT	"<script>alert(1)</script>"
#define PIPES	"a|b *bold* _u_ `c` [l](u) #h \\ &amp;"

static struct person *
person(struct arena *a, const char *id, const char *name)
{
	struct person *pn = arena_alloc(a, sizeof(*pn));

	pn->id = arena_strdup(a, id);
	pn->name = arena_strdup(a, name);
	return pn;
}

static void
role(struct arena *a, struct role_def *r, const char *id, const char *name)
{
	r->id = arena_strdup(a, id);
	r->name = arena_strdup(a, name);
}

static void
event(struct arena *a, struct event_def *e, const char *id, enum ev_kind k)
{
	e->id = arena_strdup(a, id);
	e->title = arena_strdup(a, id);
	e->kind = k;
}

static void
item(struct arena *a, struct check_item *it, const char *text,
    const char *owner, const char *ev, int32_t days, int64_t secs)
{
	it->text = arena_strdup(a, text);
	it->owner = arena_strdup(a, owner);
	it->event = arena_strdup(a, ev);
	it->offset.days = days;
	it->offset.secs = secs;
	it->offset.has_time = secs != 0;
}

/*
 * Exercise 1: Phoenix, marked, two checklists whose items hit every
 * column case. Exercise 2: no zone, an empty marking, no checklists.
 */
static struct model *
fixture_model(void)
{
	struct model *m = model_new();
	struct arena *a = m->arena;
	struct template *t, *t2;
	struct checklist *cl;
	struct exercise *ex;

	m->npeople = 4;
	m->people = arena_array(a, 4, sizeof(*m->people));
	m->people[0] = person(a, "ana", "Ana \"La Jefa\" O'Neil");
	m->people[1] = person(a, "oleh", "Олег Петренко");
	m->people[2] = person(a, "x", SCRIPT);
	m->people[3] = person(a, "pipe", PIPES);

	t = arena_alloc(a, sizeof(*t));
	t->id = arena_strdup(a, "border-fpv-fse");
	t->type = EX_FULL_SCALE;
	t->nroles = 3;
	t->roles = arena_array(a, 3, sizeof(*t->roles));
	role(a, &t->roles[0], "lead-planner", "Lead planner");
	role(a, &t->roles[1], "controller", "Controller | C/E");
	role(a, &t->roles[2], "player", "Player");
	t->nevents = 3;
	t->events = arena_array(a, 3, sizeof(*t->events));
	event(a, &t->events[0], "ipm", EV_PLANNING_MEETING);
	event(a, &t->events[1], "conduct", EV_CONDUCT);
	event(a, &t->events[2], "hot-wash", EV_HOT_WASH);
	t->nchecklists = 2;
	t->checklists = arena_array(a, 2, sizeof(*t->checklists));
	cl = &t->checklists[0];
	cl->id = arena_strdup(a, "readiness");
	cl->title = arena_strdup(a, "Readiness");
	cl->nitems = 4;
	cl->items = arena_array(a, 4, sizeof(*cl->items));
	item(a, &cl->items[0], "Book room | hall *A*", "lead-planner", "ipm",
	    -14, 0);
	item(a, &cl->items[1], SCRIPT, "player", "conduct", -1, 0);
	item(a, &cl->items[2], "- leading dash\r\nsecond\tline", "controller",
	    "hot-wash", 0, 0);
	item(a, &cl->items[3], "Send read-ahead", "ghost", "nope", 0, 0);
	cl = &t->checklists[1];
	cl->id = arena_strdup(a, "aar");
	cl->title = arena_strdup(a, "AAR # _draft_");
	cl->nitems = 1;
	cl->items = arena_array(a, 1, sizeof(*cl->items));
	item(a, &cl->items[0], "+ plus = eq", "lead-planner", "hot-wash", 0,
	    7 * 3600);

	t2 = arena_alloc(a, sizeof(*t2));
	t2->id = arena_strdup(a, "ttx");
	t2->type = EX_TABLETOP;

	m->nexercises = 2;
	m->exercises = arena_array(a, 2, sizeof(*m->exercises));
	m->exercises[0] = ex = arena_alloc(a, sizeof(*ex));
	ex->id = arena_strdup(a, "ex1");
	ex->name = arena_strdup(a, "Border <FPV> exercise #1");
	ex->tpl = t;
	ex->timezone = arena_strdup(a, "America/Phoenix");
	ex->marking = arena_strdup(a, "OFFICIAL-SENSITIVE");
	m->exercises[1] = ex = arena_alloc(a, sizeof(*ex));
	ex->id = arena_strdup(a, "ex2");
	ex->name = arena_strdup(a, "=Tabletop\nline two");
	ex->tpl = t2;
	ex->marking = arena_strdup(a, "");
	return m;
}

static struct plan *
fixture_plan(const struct model *m)
{
	struct plan *p = plan_new(m);
	struct arena *a = p->arena;
	const struct template *t = m->exercises[0]->tpl;
	struct plan_exercise *pe;
	static const int who[] = { 0, 2, 1, 3 };	/* people by index */
	static const int what[] = { 0, 1, 1, 1 };	/* their roles */
	size_t i;

	p->nexercises = 2;
	p->exercises = arena_array(a, 2, sizeof(*p->exercises));
	pe = &p->exercises[0];
	pe->ex = m->exercises[0];
	pe->startex = T_STARTEX;
	pe->endex = T_ENDEX;
	pe->nevents = 4;
	pe->events = arena_array(a, 4, sizeof(*pe->events));
	pe->events[0].def = &t->events[0];
	pe->events[0].start = T_IPM;
	pe->events[1].def = &t->events[1];
	pe->events[1].day = 1;
	pe->events[1].start = T_STARTEX;
	pe->events[2].def = &t->events[1];
	pe->events[2].day = 2;
	pe->events[2].start = T_DAY2;
	pe->events[3].def = &t->events[2];
	pe->events[3].start = T_HOTWASH;
	pe->nassignments = NELEM(who);
	pe->assignments = arena_array(a, NELEM(who), sizeof(*pe->assignments));
	for (i = 0; i < NELEM(who); i++) {
		pe->assignments[i].person = m->people[who[i]];
		pe->assignments[i].role = &t->roles[what[i]];
	}

	pe = &p->exercises[1];
	pe->ex = m->exercises[1];
	pe->startex = T_TTX;
	pe->endex = T_TTX + 4 * 3600;
	return p;
}

static const char expected[] =
    "**OFFICIAL-SENSITIVE**\n"
    "\n"
    "# Border \\<FPV\\> exercise \\#1\n"
    "\n"
    "STARTEX 2027-03-10 07:00 MST .. ENDEX 2027-03-11 15:00 MST"
    " (America/Phoenix)\n"
    "\n"
    "## Readiness\n"
    "\n"
    "| done | item | owner role | assigned to | due |\n"
    "| --- | --- | --- | --- | --- |\n"
    "| [ ] | Book room \\| hall \\*A\\* | Lead planner"
    " | Ana \"La Jefa\" O'Neil | 2026-07-27 |\n"
    "| [ ] | \\<script\\>alert(1)\\</script\\> | Player | unassigned"
    " | 2027-03-09 |\n"
    "| [ ] | \\- leading dash second line | Controller \\| C/E"
    " | \\<script\\>alert(1)\\</script\\>, Олег Петренко,"
    " a\\|b \\*bold\\* \\_u\\_ \\`c\\` \\[l\\](u) \\#h \\\\ \\&amp;"
    " | 2027-03-11 |\n"
    "| [ ] | Send read-ahead | ghost | unassigned | not scheduled |\n"
    "\n"
    "## AAR \\# \\_draft\\_\n"
    "\n"
    "| done | item | owner role | assigned to | due |\n"
    "| --- | --- | --- | --- | --- |\n"
    "| [ ] | \\+ plus = eq | Lead planner | Ana \"La Jefa\" O'Neil"
    " | 2027-03-12 |\n"
    "\n"
    "# \\=Tabletop line two\n"
    "\n"
    "STARTEX 2027-02-01 00:00 UTC .. ENDEX 2027-02-01 04:00 UTC (UTC)\n"
    "\n"
    "No checklists.\n";

/* The whole document, byte for byte, twice. */
static void
test_md_golden(void **state)
{
	struct model *m = fixture_model();
	struct plan *p = fixture_plan(m);
	char *md = out_md_checklists(p), *again = out_md_checklists(p);

	(void)state;
	assert_string_equal(md, expected);
	assert_string_equal(again, md);
	free(again);
	free(md);
	plan_free(p);
	model_free(m);
}

/*
 * Structural checks that do not depend on the layout: every table row
 * has exactly six unescaped pipes, and no "<" or "&" reaches the
 * renderer unescaped.
 */
static void
test_md_structure(void **state)
{
	struct model *m = fixture_model();
	struct plan *p = fixture_plan(m);
	char *md = out_md_checklists(p);
	const char *line, *s;
	size_t rows = 0;

	(void)state;
	for (line = md; *line != '\0'; line = s + (*s == '\n')) {
		int pipes = 0, esc = 0;

		for (s = line; *s != '\0' && *s != '\n'; s++) {
			if (!esc && *s == '|')
				pipes++;
			if (!esc && (*s == '<' || *s == '>' || *s == '&'))
				fail_msg("unescaped '%c' in: %.*s", *s,
				    (int)(strchr(line, '\n') - line), line);
			esc = !esc && *s == '\\';
		}
		if (*line == '|') {
			assert_int_equal(pipes, 6);
			rows++;
		} else
			assert_int_equal(pipes, 0);
	}
	assert_int_equal(rows, 2 + 4 + 2 + 1);
	free(md);
	plan_free(p);
	model_free(m);
}

/* No exercises, no text; a zone tz.c refuses shows UTC rather than failing. */
static void
test_md_edges(void **state)
{
	struct model *m = fixture_model();
	struct plan *p = fixture_plan(m);
	char *md;

	(void)state;
	p->nexercises = 0;
	md = out_md_checklists(p);
	assert_string_equal(md, "");
	free(md);

	p->nexercises = 1;
	m->exercises[0]->timezone = arena_strdup(m->arena, "../etc/passwd");
	m->exercises[0]->marking = NULL;
	md = out_md_checklists(p);
	assert_true(strncmp(md, "# Border", 8) == 0);
	assert_non_null(strstr(md, "STARTEX 2027-03-10 14:00 UTC .. ENDEX"
	    " 2027-03-11 22:00 UTC (UTC)\n"));
	/* Due dates fall back to UTC days too: 01:00Z on the 12th. */
	assert_non_null(strstr(md, "| 2027-03-12 |\n| [ ] | Send"));
	free(md);
	plan_free(p);
	model_free(m);
}

/*
 * Checklists by owner: a part per person with their agency and zone,
 * due dates in it, done items ticked, an unassigned part where a role
 * has nobody; hostile text stays text.
 */
static void
test_md_by_owner(void **state)
{
	static const char head[] = "**FOR OFFICIAL USE ONLY**\n\n# Puente "
	    "Tridente 2027 \xe2\x80\x94 Міст: checklists by owner\n\n## Lead "
	    "Planner: Ana Ruiz\n\nArizona Counter Terrorism Information "
	    "Center. Due dates are local time in America/Phoenix.\n\n"
	    "### Readiness checklist\n\n- [ ] Book \\<b\\>the\\</b\\> "
	    "\\| venue \xe2\x80\x94 due 2026-12-02 09:00 MST, 2 weeks before "
	    "Initial Planning Meeting\n\n### After-action checklist\n\n"
	    "- [ ] w0001 ";
	struct model *m = pf_model();
	struct plan *p = pf_plan(m);
	char *md;

	(void)state;
	m->exercises[0]->tpl->checklists[0].items[0].text =
	    arena_strdup(m->arena, "Book <b>the</b> | venue");
	md = out_md_checklists_by_owner(p, pf_done, NELEM(pf_done));
	assert_true(strncmp(md, head, strlen(head)) == 0);
	assert_non_null(strstr(md, "## Evaluator (binational): Олена "
	    "Коваленко\n\nСлужба безпеки України. Due dates are local time "
	    "in Europe/Kyiv.\n\n### After-action checklist\n\n- [x] Submit "
	    "completed EEGs to the lead evaluator. \xe2\x80\x94 due 2027-06-19 "
	    "02:30 EEST, 2 days after C/E debrief; done 2027-06-18 by OK\n"
	    "- [ ] " PF_UKR_ITEM " \xe2\x80\x94 due 2027-08-10 03:00 EEST, at "
	    "Final AAR/IP due\n\nSigned: "));
	assert_non_null(strstr(md, "## Evaluator (binational): José Núñez\n"
	    "\nSecretaría de Seguridad y Protección Ciudadana. Due dates are "
	    "local time in America/Mexico\\_City.\n\n### After-action "
	    "checklist\n\n- [ ] Submit completed EEGs to the lead evaluator. "
	    "\xe2\x80\x94 due 2027-06-18 17:30 CST, 2 days after C/E "
	    "debrief\n"));
	assert_non_null(strstr(md, "## Player: unassigned\n\nNobody is "
	    "assigned yet. Due dates are local time in America/Phoenix.\n\n"
	    "### Readiness checklist\n\n- [ ] Brief the player cell on "
	    "safety. \xe2\x80\x94 due 2027-06-15 07:00 MST, 1 day before "
	    "Exercise conduct\n\nSigned: ______________________ Date: "
	    "__________\n"));
	assert_null(strstr(md, "Controller"));	/* owns no item */
	assert_null(strstr(md, "<b>"));
	free(md);
	plan_free(p);
	model_free(m);
}

/* The Improvement Plan: its actions only, gaps flagged; with none, a
 * blank row per core capability. */
static void
test_md_improvement_plan(void **state)
{
	struct model *m = pf_model();
	struct plan *p = pf_plan(m);
	char *md = out_md_improvement_plan(p, pf_actions, NELEM(pf_actions));

	(void)state;
	assert_string_equal(md, "**FOR OFFICIAL USE ONLY**\n\n"
	    "# Puente Tridente 2027 \xe2\x80\x94 Міст: Improvement Plan\n\n"
	    "| core capability | observation | recommendation | corrective "
	    "action | capability element | responsible agency | point of "
	    "contact | start date | completion date |\n"
	    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
	    "| Intelligence and Information Sharing | The liaison channel "
	    "took 40 minutes to open. | Pre-authorise the channel. | Write a "
	    "standing authorisation. | planning | Служба безпеки України | "
	    "Олена Коваленко | 2027-08-01 | 2027-09-01 |\n"
	    "| Operational Coordination | Nobody owned the reopening "
	    "criteria. | Name an owner. | ACTIONBRAVO agree criteria | "
	    "organisation | **not set** | **not set** |  | **not set** |\n");
	free(md);
	md = out_md_improvement_plan(p, NULL, 0);
	assert_string_equal(md, "**FOR OFFICIAL USE ONLY**\n\n"
	    "# Puente Tridente 2027 \xe2\x80\x94 Міст: Improvement Plan\n\n"
	    "| core capability | observation | recommendation | corrective "
	    "action | capability element | responsible agency | point of "
	    "contact | start date | completion date |\n"
	    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
	    "| Intelligence and Information Sharing |  |  |  |  |  |  |  |  |\n"
	    "| Operational Coordination |  |  |  |  |  |  |  |  |\n"
	    "\nNo corrective actions are recorded yet: fill in a row per "
	    "corrective action at the after-action meeting.\n");
	free(md);
	plan_free(p);
	model_free(m);
}

static int
teardown(void **state)
{
	(void)state;
	tz_cache_clear();
	return 0;
}

/* Text that Markdown would read as markup at the start of a line or
 * anywhere, each escaped so that it shows as written. */
static void
test_md_escape(void **state)
{
	static const char *const cases[][2] = {
		{ "1. not a list", "1\\. not a list" },
		{ "2027) neither", "2027\\) neither" },
		{ "12 monkeys", "12 monkeys" },
		{ "    indented code", "&#32;   indented code" },
		{ "\tTabbed", "&#32;Tabbed" },
		{ "\r\n  x", "&#32;  x" },
		{ "~~struck~~", "\\~\\~struck\\~\\~" },
		{ "-1.5", "\\-1.5" },
		{ "a\r\nb\rc\nd", "a b c d" },
		{ "", "" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		struct sb b = {0};

		out_md_escape(&b, cases[i][0]);
		assert_string_equal(sb_str(&b), cases[i][1]);
		sb_free(&b);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_md_golden),
		cmocka_unit_test(test_md_structure),
		cmocka_unit_test(test_md_edges),
		cmocka_unit_test(test_md_by_owner),
		cmocka_unit_test(test_md_improvement_plan),
		cmocka_unit_test(test_md_escape),
	};

	return cmocka_run_group_tests(tests, NULL, teardown);
}
