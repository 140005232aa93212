/* print_fixture.h: a hand-built plan with people in three zones, for the tests of printed and personalised output. */
#ifndef TEST_PRINT_FIXTURE_H
#define TEST_PRINT_FIXTURE_H

#include <stdio.h>
#include <string.h>

#include "doctrine.h"
#include "model.h"
#include "util.h"

/*
 * Instants (UTC). Phoenix is UTC-7 all year, Kyiv UTC+3 in summer
 * (EEST), Mexico City UTC-6 (CST, no DST since 2022).
 */
#define PF_IPM		1797436800	/* 2026-12-16T16:00:00Z */
#define PF_STARTEX	1813154400	/* 2027-06-16T14:00:00Z, 07:00 MST */
#define PF_ENDEX	1813183200	/* 2027-06-16T22:00:00Z, 15:00 MST */
#define PF_DEBRIEF	1813188600	/* 2027-06-16T23:30:00Z, 16:30 MST */
#define PF_AAM		1816963200	/* 2027-07-30T16:00:00Z */
#define PF_FINAL	1817856000	/* 2027-08-10T00:00:00Z */
#define PF_NOW		1800000000	/* 2027-01-15T08:00:00Z */

/* The long item: "w0001 w0002 ... w1200 ZZEND", enough for pages. */
#define PF_LONG_WORDS	1200

#define PF_INJECT1	"INJECTALPHA bulletin: a cartel cell has FPV frames"
#define PF_EXPECT1	"EXPECTALPHA watch commander raises the posture"
#define PF_INJECT2	"INJECTBRAVO headquarters asks for the statement"
#define PF_UKR_ITEM	"Перевірити переклад звіту українською мовою"

static inline char *
pf_str(struct arena *a, const char *s)
{
	return arena_strdup(a, s);
}

static inline void
pf_list(struct arena *a, struct strlist *l, const char *const *v, size_t n)
{
	size_t i;

	l->v = arena_array(a, n + 1, sizeof(*l->v));
	for (i = 0; i < n; i++)
		l->v[i] = pf_str(a, v[i]);
	l->n = n;
}

static inline struct agency *
pf_agency(struct arena *a, const char *id, const char *name,
    const char *country, const char *zone)
{
	struct agency *ag = arena_alloc(a, sizeof(*ag));

	ag->id = pf_str(a, id);
	ag->name = pf_str(a, name);
	ag->country = pf_str(a, country);
	ag->timezone = pf_str(a, zone);
	return ag;
}

static inline struct person *
pf_person(struct arena *a, const char *id, const char *name,
    struct agency *ag)
{
	struct person *pn = arena_alloc(a, sizeof(*pn));

	pn->id = pf_str(a, id);
	pn->name = pf_str(a, name);
	pn->email = pf_str(a, "x@example.gov");
	pn->agency = ag;
	return pn;
}

static inline void
pf_event(struct arena *a, struct event_def *e, const char *id,
    const char *title, enum ev_kind k, const char *const *roles, size_t n)
{
	e->id = pf_str(a, id);
	e->title = pf_str(a, title);
	e->kind = k;
	pf_list(a, &e->roles, roles, n);
}

static inline void
pf_item(struct arena *a, struct check_item *it, const char *id,
    const char *text, const char *owner, const char *ev, int32_t days)
{
	it->id = pf_str(a, id);
	it->text = pf_str(a, text);
	it->owner = pf_str(a, owner);
	it->event = pf_str(a, ev);
	it->offset.days = days;
}

/*
 * One exercise in Phoenix. Roles: lead planner (Ana, Phoenix), two
 * evaluators (Олена in Kyiv, José in Mexico City), a controller (Tom,
 * Phoenix), players and observers (nobody). Checklists: readiness (one
 * item for the planner, one for the unassigned players) and after
 * action (EEGs for the evaluators, a very long item for the planner, a
 * Ukrainian item for the evaluators).
 */
static inline struct model *
pf_model(void)
{
	static const char *const hw[] = { "player", "controller" };
	static const char *const db[] = { "evaluator", "controller" };
	static const char *const lp[] = { "lead-planner" };
	static const char *const aam[] = { "lead-planner", "evaluator" };
	static const char *const ob[] = { "observer" };
	struct model *m = model_new();
	struct arena *a = m->arena;
	struct template *t = arena_alloc(a, sizeof(*t));
	struct exercise *ex = arena_alloc(a, sizeof(*ex));
	struct agency *az, *sbu, *sspc;
	struct checklist *cl;
	struct inject *in;
	struct sb b = {0};
	int i;

	az = pf_agency(a, "az", "Arizona Counter Terrorism Information Center",
	    "US", "America/Phoenix");
	sbu = pf_agency(a, "sbu", "Служба безпеки України", "UA",
	    "Europe/Kyiv");
	sspc = pf_agency(a, "sspc", "Secretaría de Seguridad y Protección "
	    "Ciudadana", "MX", "America/Mexico_City");
	m->nagencies = 3;
	m->agencies = arena_array(a, 3, sizeof(*m->agencies));
	m->agencies[0] = az;
	m->agencies[1] = sbu;
	m->agencies[2] = sspc;
	m->npeople = 4;
	m->people = arena_array(a, 4, sizeof(*m->people));
	m->people[0] = pf_person(a, "ana", "Ana Ruiz", az);
	m->people[1] = pf_person(a, "olena", "Олена Коваленко", sbu);
	m->people[2] = pf_person(a, "jose", "José Núñez", sspc);
	m->people[3] = pf_person(a, "tom", "Tom Reyes", az);

	t->id = pf_str(a, "print-ttx");
	t->name = pf_str(a, "Print test");
	t->type = EX_FUNCTIONAL;
	t->conduct_days = 1;
	t->conduct.id = pf_str(a, "conduct");
	t->conduct.title = pf_str(a, "Exercise conduct");
	t->conduct.kind = EV_CONDUCT;
	t->conduct.description = pf_str(a, "SCENARIOSECRET the cartel "
	    "launches from the south");
	t->nobjectives = 1;
	t->objectives = arena_array(a, 1, sizeof(*t->objectives));
	t->objectives[0].id = pf_str(a, "share");
	t->objectives[0].text = pf_str(a, "Share the launch bearing within "
	    "15 minutes.");
	t->objectives[0].ncaps = 2;
	t->objectives[0].caps = arena_array(a, 2, sizeof(int));
	t->objectives[0].caps[0] = doctrine_cap_parse(
	    "Intelligence and Information Sharing");
	t->objectives[0].caps[1] = doctrine_cap_parse(
	    "Operational Coordination");

	t->nroles = 5;
	t->roles = arena_array(a, 5, sizeof(*t->roles));
	t->roles[0].id = pf_str(a, "lead-planner");
	t->roles[0].name = pf_str(a, "Lead Planner");
	t->roles[1].id = pf_str(a, "evaluator");
	t->roles[1].name = pf_str(a, "Evaluator (binational)");
	t->roles[1].count = 2;
	t->roles[2].id = pf_str(a, "controller");
	t->roles[2].name = pf_str(a, "Controller");
	t->roles[3].id = pf_str(a, "player");
	t->roles[3].name = pf_str(a, "Player");
	t->roles[3].source = SRC_PLAYING;
	t->roles[4].id = pf_str(a, "observer");
	t->roles[4].name = pf_str(a, "Observer");
	t->roles[4].source = SRC_NON_PLAYING;

	t->nevents = 6;
	t->events = arena_array(a, 6, sizeof(*t->events));
	pf_event(a, &t->events[0], "ipm", "Initial Planning Meeting",
	    EV_PLANNING_MEETING, lp, 1);
	pf_event(a, &t->events[1], "hot-wash", "Player hot wash", EV_HOT_WASH,
	    hw, 2);
	pf_event(a, &t->events[2], "debrief", "C/E debrief", EV_DEBRIEF, db,
	    2);
	pf_event(a, &t->events[3], "aam", "After-Action Meeting",
	    EV_AFTER_ACTION_MEETING, aam, 2);
	pf_event(a, &t->events[4], "final-aar", "Final AAR/IP due",
	    EV_DEADLINE, lp, 1);
	pf_event(a, &t->events[5], "observer-briefing", "Observer briefing",
	    EV_BRIEFING, ob, 1);

	t->ninjects = 2;
	t->injects = in = arena_array(a, 2, sizeof(*t->injects));
	in[0].seq = 1;
	in[0].id = pf_str(a, "bulletin");
	in[0].at.secs = 5 * 60;
	in[0].at.has_time = 1;
	in[0].method = pf_str(a, "e-mail");
	in[0].from = pf_str(a, "SimCell");
	in[0].to = pf_str(a, "Watch commander");
	in[0].text = pf_str(a, PF_INJECT1);
	in[0].expected = pf_str(a, PF_EXPECT1);
	in[0].controller = pf_str(a, "controller");
	in[0].objective = pf_str(a, "share");
	in[1].seq = 2;
	in[1].id = pf_str(a, "chase");
	in[1].kind = INJ_CONTINGENCY;
	in[1].at.secs = 3600;
	in[1].at.has_time = 1;
	in[1].text = pf_str(a, PF_INJECT2);
	in[1].controller = pf_str(a, "controller");

	t->nchecklists = 2;
	t->checklists = cl = arena_array(a, 2, sizeof(*t->checklists));
	cl[0].id = pf_str(a, "readiness");
	cl[0].title = pf_str(a, "Readiness checklist");
	cl[0].nitems = 2;
	cl[0].items = arena_array(a, 2, sizeof(*cl[0].items));
	pf_item(a, &cl[0].items[0], "venue", "Book the venue and the "
	    "interpreters' booths.", "lead-planner", "ipm", -14);
	pf_item(a, &cl[0].items[1], "cell", "Brief the player cell on "
	    "safety.", "player", "conduct", -1);
	cl[1].id = pf_str(a, "after-action");
	cl[1].title = pf_str(a, "After-action checklist");
	cl[1].nitems = 3;
	cl[1].items = arena_array(a, 3, sizeof(*cl[1].items));
	pf_item(a, &cl[1].items[0], "eeg", "Submit completed EEGs to the "
	    "lead evaluator.", "evaluator", "debrief", 2);
	for (i = 1; i <= PF_LONG_WORDS; i++)
		sb_printf(&b, "w%04d ", i);
	sb_puts(&b, "ZZEND");
	pf_item(a, &cl[1].items[1], "long", sb_str(&b), "lead-planner", "aam",
	    0);
	sb_free(&b);
	pf_item(a, &cl[1].items[2], "ukr", PF_UKR_ITEM, "evaluator",
	    "final-aar", 0);

	ex->id = pf_str(a, "ex-print");
	ex->name = pf_str(a, "Puente Tridente 2027 \xe2\x80\x94 Міст");
	ex->tpl = t;
	ex->venue = pf_str(a, "ACTIC, Phoenix");
	ex->timezone = pf_str(a, "America/Phoenix");
	ex->marking = pf_str(a, "FOR OFFICIAL USE ONLY");
	ex->nparticipants = 3;
	ex->participants = arena_array(a, 3, sizeof(*ex->participants));
	ex->participants[0].agency = az;
	ex->participants[1].agency = sbu;
	ex->participants[2].agency = sspc;
	ex->participants[2].kind = PART_OBSERVING;
	m->nexercises = 1;
	m->exercises = arena_array(a, 1, sizeof(*m->exercises));
	m->exercises[0] = ex;
	return m;
}

static inline void
pf_planned(struct planned_event *pe, const struct event_def *def, ptime s,
    ptime e)
{
	pe->def = def;
	pe->start = s;
	pe->end = e;
}

/* The plan of pf_model(): every event placed, every role but players
 * and observers staffed. */
static inline struct plan *
pf_plan(const struct model *m)
{
	static const int who[] = { 0, 1, 2, 3 };	/* people */
	static const int what[] = { 0, 1, 1, 2 };	/* their roles */
	struct plan *p = plan_new(m);
	struct arena *a = p->arena;
	const struct template *t = m->exercises[0]->tpl;
	struct plan_exercise *px;
	size_t i;

	p->nexercises = 1;
	p->exercises = px = arena_array(a, 1, sizeof(*p->exercises));
	px->ex = m->exercises[0];
	px->startex = PF_STARTEX;
	px->endex = PF_ENDEX;
	px->nevents = 7;
	px->events = arena_array(a, 7, sizeof(*px->events));
	pf_planned(&px->events[0], &t->conduct, PF_STARTEX, PF_ENDEX);
	px->events[0].day = 1;
	pf_planned(&px->events[1], &t->events[0], PF_IPM, PF_IPM + 3 * 3600);
	pf_planned(&px->events[2], &t->events[1], PF_ENDEX, PF_ENDEX + 3600);
	pf_planned(&px->events[3], &t->events[2], PF_DEBRIEF,
	    PF_DEBRIEF + 7200);
	pf_planned(&px->events[4], &t->events[3], PF_AAM, PF_AAM + 4 * 3600);
	pf_planned(&px->events[5], &t->events[4], PF_FINAL, PF_FINAL);
	pf_planned(&px->events[6], &t->events[5], PF_STARTEX - 3600,
	    PF_STARTEX - 1800);
	px->nassignments = NELEM(who);
	px->assignments = arena_array(a, NELEM(who), sizeof(*px->assignments));
	for (i = 0; i < NELEM(who); i++) {
		px->assignments[i].person = m->people[who[i]];
		px->assignments[i].role = &t->roles[what[i]];
	}
	return p;
}

/* Olena checked her EEGs off on 2027-06-18T20:00:00Z; the other entry
 * is another exercise's. */
static const struct item_done pf_done[] = {
	{ "ex-print", "after-action", "eeg", "olena", 1813348800, "OK" },
	{ "other-exercise", "after-action", "eeg", NULL, 1813348800, "XX" },
};

/* One complete corrective action and one missing its owner and date. */
static const struct corrective_action pf_actions[] = {
	{ "ex-print", "Intelligence and Information Sharing",
	    "The liaison channel took 40 minutes to open.",
	    "Pre-authorise the channel.", "Write a standing authorisation.",
	    "planning", "Служба безпеки України", "Олена Коваленко",
	    21031, 21062, 1, "open", NULL },	/* 2027-08-01, 2027-09-01 */
	{ "ex-print", "Operational Coordination", "Nobody owned the "
	    "reopening criteria.", "Name an owner.", "ACTIONBRAVO agree "
	    "criteria", "organisation", NULL, NULL, 0, 0, 2, "open", NULL },
};

#endif
