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
		cmocka_unit_test(test_md_golden),
		cmocka_unit_test(test_md_structure),
		cmocka_unit_test(test_md_edges),
	};

	return cmocka_run_group_tests(tests, NULL, teardown);
}
