/* test_out_json.c: the JSON plan parses back with its contract names and values; model look-ups. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "doctrine.h"
#include "model.h"
#include "out_json.h"
#include "util.h"

/* Instants used below (UTC). */
#define T_IPM		1786377600	/* 2026-08-10T16:00:00Z */
#define T_STARTEX	1804687200	/* 2027-03-10T14:00:00Z */
#define T_DAY1_END	1804716000	/* 2027-03-10T22:00:00Z */
#define T_DAY2		1804773600	/* 2027-03-11T14:00:00Z */
#define T_ENDEX		1804802400	/* 2027-03-11T22:00:00Z */

/* Hostile text: quotes, backslash, slash, control characters, Cyrillic. */
#define NASTY	"Sécretaría \"Defensa\" \\ a/b \x01\x1f\t\n end"
#define CYR	"Державна прикордонна служба України"

static struct strlist
strs(struct arena *a, size_t n, ...)
{
	struct strlist l;
	va_list ap;
	size_t i;

	l.n = n;
	l.v = arena_array(a, n ? n : 1, sizeof(char *));
	va_start(ap, n);
	for (i = 0; i < n; i++)
		l.v[i] = arena_strdup(a, va_arg(ap, const char *));
	va_end(ap);
	return l;
}

static struct agency *
agency(struct arena *a, const char *id, const char *name, const char *cc,
    const char *zone)
{
	struct agency *ag = arena_alloc(a, sizeof(*ag));

	ag->id = arena_strdup(a, id);
	ag->name = arena_strdup(a, name);
	ag->country = arena_strdup(a, cc);
	ag->timezone = arena_strdup(a, zone);
	ag->workdays = 0x1f;
	ag->day_start = 8 * 60;
	ag->day_end = 17 * 60;
	return ag;
}

static struct person *
person(struct arena *a, const char *id, const char *name, struct agency *ag)
{
	struct person *pn = arena_alloc(a, sizeof(*pn));

	pn->id = arena_strdup(a, id);
	pn->name = arena_strdup(a, name);
	pn->agency = ag;
	return pn;
}

/*
 * Three agencies (one with no country), three people, a full-scale
 * template with two days of play, one exercise with two participants.
 */
static struct model *
fixture_model(void)
{
	struct model *m = model_new();
	struct arena *a = m->arena;
	struct template *t;
	struct exercise *ex;

	m->nagencies = 3;
	m->agencies = arena_array(a, 3, sizeof(*m->agencies));
	m->agencies[0] = agency(a, "cbp", "U.S. Customs and Border Protection",
	    "US", "America/Phoenix");
	m->agencies[1] = agency(a, "dpsu", CYR, "UA", "Europe/Kyiv");
	m->agencies[2] = agency(a, "sedena", NASTY, NULL, "America/Mexico_City");

	m->npeople = 3;
	m->people = arena_array(a, 3, sizeof(*m->people));
	m->people[0] = person(a, "ana", "Ana \"La Jefa\" O'Neil",
	    m->agencies[0]);
	m->people[1] = person(a, "oleh", "Олег Петренко", m->agencies[1]);
	m->people[2] = person(a, "x", "<script>alert(1)</script>",
	    m->agencies[2]);

	t = arena_alloc(a, sizeof(*t));
	t->id = arena_strdup(a, "border-fpv-fse");
	t->name = arena_strdup(a, "FPV swarm attack");
	t->type = EX_FULL_SCALE;
	t->conduct_days = 2;
	/* One objective with an EEG critical task, hostile text included. */
	t->nobjectives = 1;
	t->objectives = arena_array(a, 1, sizeof(*t->objectives));
	t->objectives[0].id = arena_strdup(a, "detect");
	t->objectives[0].text = arena_strdup(a, NASTY);
	t->objectives[0].ncaps = 1;
	t->objectives[0].caps = arena_array(a, 1, sizeof(int));
	t->objectives[0].caps[0] = doctrine_cap_parse("interdiction-and-disruption");
	t->objectives[0].neeg = 1;
	t->objectives[0].eeg = arena_array(a, 1, sizeof(struct eeg_task));
	t->objectives[0].eeg[0].task = arena_strdup(a, CYR);
	t->objectives[0].eeg[0].measures = strs(a, 1, "Within 2 minutes");
	t->nroles = 3;
	t->roles = arena_array(a, 3, sizeof(*t->roles));
	t->roles[0].id = arena_strdup(a, "lead-planner");
	t->roles[0].name = arena_strdup(a, "Lead planner");
	t->roles[1].id = arena_strdup(a, "controller");
	t->roles[1].name = arena_strdup(a, "Controller");
	t->roles[2].id = arena_strdup(a, "player");
	t->roles[2].name = arena_strdup(a, "Player");
	t->nevents = 3;
	t->events = arena_array(a, 3, sizeof(*t->events));
	t->events[0].id = arena_strdup(a, "ipm");
	t->events[0].title = arena_strdup(a, "Initial \"Planning\" Meeting");
	t->events[0].kind = EV_PLANNING_MEETING;
	t->events[0].roles = strs(a, 2, "lead-planner", "controller");
	t->events[1].id = arena_strdup(a, "conduct");
	t->events[1].title = arena_strdup(a, "Exercise conduct");
	t->events[1].kind = EV_CONDUCT;
	t->events[1].roles = strs(a, 2, "controller", "player");
	t->events[2].id = arena_strdup(a, "hot-wash");
	t->events[2].title = arena_strdup(a, "Hot wash");
	t->events[2].kind = EV_HOT_WASH;
	t->events[2].roles = strs(a, 0);
	m->ntemplates = 1;
	m->templates = arena_array(a, 1, sizeof(*m->templates));
	m->templates[0] = t;

	ex = arena_alloc(a, sizeof(*ex));
	ex->id = arena_strdup(a, "ex1");
	ex->name = arena_strdup(a, NASTY);
	ex->template_ref = arena_strdup(a, "templates/border.yaml");
	ex->tpl = t;
	ex->timezone = arena_strdup(a, "America/Phoenix");
	ex->nparticipants = 2;
	ex->participants = arena_array(a, 2, sizeof(*ex->participants));
	ex->participants[0].agency = m->agencies[0];
	ex->participants[0].kind = PART_PLAYING;
	ex->participants[1].agency = m->agencies[1];
	ex->participants[1].kind = PART_OBSERVING;
	m->nexercises = 1;
	m->exercises = arena_array(a, 1, sizeof(*m->exercises));
	m->exercises[0] = ex;
	return m;
}

static struct plan *
fixture_plan(const struct model *m)
{
	struct plan *p = plan_new(m);
	struct arena *a = p->arena;
	const struct template *t = m->exercises[0]->tpl;
	struct plan_exercise *pe;
	size_t i;

	p->nexercises = 1;
	p->exercises = pe = arena_array(a, 1, sizeof(*pe));
	pe->ex = m->exercises[0];
	pe->startex = T_STARTEX;
	pe->endex = T_ENDEX;
	pe->nevents = 4;
	pe->events = arena_array(a, 4, sizeof(*pe->events));
	pe->events[0].def = &t->events[0];
	pe->events[0].start = T_IPM;
	pe->events[0].end = T_IPM + 3 * 3600;
	pe->events[1].def = &t->events[1];
	pe->events[1].day = 1;
	pe->events[1].start = T_STARTEX;
	pe->events[1].end = T_DAY1_END;
	pe->events[2].def = &t->events[1];
	pe->events[2].day = 2;
	pe->events[2].start = T_DAY2;
	pe->events[2].end = T_ENDEX;
	pe->events[3].def = &t->events[2];
	pe->events[3].start = T_ENDEX;
	pe->events[3].end = T_ENDEX + 3600;
	pe->events[3].warnings = strs(a, 2, "room \"B\" \\ double-booked",
	    "Кімната зайнята");

	for (i = 0; i < pe->nevents; i++) {
		pe->events[i].agencies = arena_array(a, 2, sizeof(void *));
		pe->events[i].agencies[0] = m->agencies[0];
		pe->events[i].agencies[1] = m->agencies[1];
		pe->events[i].nagencies = 2;
	}

	pe->nassignments = 2;
	pe->assignments = arena_array(a, 2, sizeof(*pe->assignments));
	pe->assignments[0].role = &t->roles[0];
	pe->assignments[0].person = m->people[0];
	pe->assignments[1].role = &t->roles[1];
	pe->assignments[1].person = m->people[1];

	pe->nvacancies = 1;
	pe->vacancies = arena_array(a, 1, sizeof(*pe->vacancies));
	pe->vacancies[0].role = &t->roles[2];
	pe->vacancies[0].missing = 4;
	pe->vacancies[0].reasons = strs(a, 2,
	    "no one holds \"player-cert\"", NASTY);
	return p;
}

/* Parse strictly, refusing bad UTF-8, as a careful reader would. */
static struct json_object *
parse(const char *text)
{
	struct json_tokener *tok = json_tokener_new();
	struct json_object *o;

	assert_non_null(tok);
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT |
	    JSON_TOKENER_VALIDATE_UTF8);
	o = json_tokener_parse_ex(tok, text, (int)strlen(text));
	assert_int_equal(json_tokener_get_error(tok), json_tokener_success);
	json_tokener_free(tok);
	assert_non_null(o);
	return o;
}

/* The object has exactly these members, in this order. */
static void
assert_keys(struct json_object *o, const char *const *names, size_t n)
{
	struct json_object_iterator it, end;
	size_t i = 0;

	assert_true(json_object_is_type(o, json_type_object));
	it = json_object_iter_begin(o);
	end = json_object_iter_end(o);
	for (; !json_object_iter_equal(&it, &end); json_object_iter_next(&it)) {
		assert_true(i < n);
		assert_string_equal(json_object_iter_peek_name(&it), names[i]);
		i++;
	}
	assert_int_equal(i, n);
}

static struct json_object *
member(struct json_object *o, const char *key)
{
	struct json_object *v = NULL;

	assert_true(json_object_object_get_ex(o, key, &v));
	return v;
}

static const char *
str(struct json_object *o, const char *key)
{
	struct json_object *v = member(o, key);

	assert_true(json_object_is_type(v, json_type_string));
	return json_object_get_string(v);
}

static struct json_object *
arr(struct json_object *o, const char *key, size_t n)
{
	struct json_object *v = member(o, key);

	assert_true(json_object_is_type(v, json_type_array));
	assert_int_equal(json_object_array_length(v), n);
	return v;
}

static const char *
item_str(struct json_object *a, size_t i)
{
	struct json_object *v = json_object_array_get_idx(a, i);

	assert_true(json_object_is_type(v, json_type_string));
	return json_object_get_string(v);
}

static void
test_json_shape_and_values(void **state)
{
	static const char *const root_keys[] = {
		"exercises", "staffing", "agencies", "people",
	};
	static const char *const ex_keys[] = {
		"id", "name", "template", "type", "timezone", "startex",
		"endex", "objectives", "events", "assignments", "vacancies",
		"objective",
	};
	static const char *const ob_keys[] = {
		"id", "text", "capabilities", "eeg",
	};
	static const char *const eeg_keys[] = { "task", "measures" };
	static const char *const ev_keys[] = {
		"id", "title", "kind", "start", "end", "agencies", "local",
		"roles", "warnings",
	};
	static const char *const as_keys[] = { "role", "person", "agency" };
	static const char *const va_keys[] = { "role", "missing", "reasons" };
	static const char *const ag_keys[] = {
		"id", "name", "country", "timezone", "workdays", "hours",
	};
	static const char *const pn_keys[] = { "id", "name", "agency" };
	struct model *m = fixture_model();
	struct plan *p = fixture_plan(m);
	struct json_object *root, *ex, *evs, *ev, *a, *o;
	char *text;
	size_t i;

	(void)state;
	text = out_json_plan(p);
	root = parse(text);
	assert_keys(root, root_keys, NELEM(root_keys));

	ex = json_object_array_get_idx(arr(root, "exercises", 1), 0);
	assert_keys(ex, ex_keys, NELEM(ex_keys));
	assert_string_equal(str(ex, "id"), "ex1");
	assert_string_equal(str(ex, "name"), NASTY);
	assert_string_equal(str(ex, "template"), "border-fpv-fse");
	assert_string_equal(str(ex, "type"), "full-scale");
	assert_string_equal(str(ex, "timezone"), "America/Phoenix");
	assert_string_equal(str(ex, "startex"), "2027-03-10T14:00:00Z");
	assert_string_equal(str(ex, "endex"), "2027-03-11T22:00:00Z");

	/* Objectives with their core capabilities and EEG tasks. */
	o = json_object_array_get_idx(arr(ex, "objectives", 1), 0);
	assert_keys(o, ob_keys, NELEM(ob_keys));
	assert_string_equal(str(o, "id"), "detect");
	assert_string_equal(str(o, "text"), NASTY);
	assert_string_equal(item_str(arr(o, "capabilities", 1), 0),
	    "Interdiction and Disruption");
	o = json_object_array_get_idx(arr(o, "eeg", 1), 0);
	assert_keys(o, eeg_keys, NELEM(eeg_keys));
	assert_string_equal(str(o, "task"), CYR);
	assert_string_equal(item_str(arr(o, "measures", 1), 0),
	    "Within 2 minutes");

	evs = arr(ex, "events", 4);
	for (i = 0; i < 4; i++) {
		ev = json_object_array_get_idx(evs, i);
		assert_keys(ev, ev_keys, NELEM(ev_keys));
		/* The attending agencies the scheduler recorded. */
		a = arr(ev, "agencies", 2);
		assert_string_equal(item_str(a, 0), "cbp");
		assert_string_equal(item_str(a, 1), "dpsu");
	}
	/* Local times at each agency's own offset: Phoenix is UTC-7 all
	 * year; Kyiv is UTC+3 in August (EEST). */
	ev = json_object_array_get_idx(evs, 0);
	assert_string_equal(str(member(ev, "local"), "cbp"),
	    "2026-08-10T09:00:00-07:00");
	assert_string_equal(str(member(ev, "local"), "dpsu"),
	    "2026-08-10T19:00:00+03:00");
	ev = json_object_array_get_idx(evs, 0);
	assert_string_equal(str(ev, "id"), "ipm");
	assert_string_equal(str(ev, "title"), "Initial \"Planning\" Meeting");
	assert_string_equal(str(ev, "kind"), "planning-meeting");
	assert_string_equal(str(ev, "start"), "2026-08-10T16:00:00Z");
	assert_string_equal(str(ev, "end"), "2026-08-10T19:00:00Z");
	a = arr(ev, "roles", 2);
	assert_string_equal(item_str(a, 0), "lead-planner");
	assert_string_equal(item_str(a, 1), "controller");
	arr(ev, "warnings", 0);

	/* Day 1 keeps the template id; day 2 is "<id>-2". */
	ev = json_object_array_get_idx(evs, 1);
	assert_string_equal(str(ev, "id"), "conduct");
	assert_string_equal(str(ev, "kind"), "conduct");
	assert_string_equal(str(ev, "end"), "2027-03-10T22:00:00Z");
	ev = json_object_array_get_idx(evs, 2);
	assert_string_equal(str(ev, "id"), "conduct-2");
	assert_string_equal(str(ev, "start"), "2027-03-11T14:00:00Z");
	a = arr(ev, "roles", 2);
	assert_string_equal(item_str(a, 1), "player");

	ev = json_object_array_get_idx(evs, 3);
	assert_string_equal(str(ev, "id"), "hot-wash");
	assert_string_equal(str(ev, "kind"), "hot-wash");
	arr(ev, "roles", 0);
	a = arr(ev, "warnings", 2);
	assert_string_equal(item_str(a, 0), "room \"B\" \\ double-booked");
	assert_string_equal(item_str(a, 1), "Кімната зайнята");

	a = arr(ex, "assignments", 2);
	o = json_object_array_get_idx(a, 0);
	assert_keys(o, as_keys, NELEM(as_keys));
	assert_string_equal(str(o, "role"), "lead-planner");
	assert_string_equal(str(o, "person"), "ana");
	assert_string_equal(str(o, "agency"), "cbp");
	o = json_object_array_get_idx(a, 1);
	assert_string_equal(str(o, "role"), "controller");
	assert_string_equal(str(o, "person"), "oleh");
	assert_string_equal(str(o, "agency"), "dpsu");

	a = arr(ex, "vacancies", 1);
	o = json_object_array_get_idx(a, 0);
	assert_keys(o, va_keys, NELEM(va_keys));
	assert_string_equal(str(o, "role"), "player");
	assert_true(json_object_is_type(member(o, "missing"), json_type_int));
	assert_int_equal(json_object_get_int(member(o, "missing")), 4);
	a = arr(o, "reasons", 2);
	assert_string_equal(item_str(a, 0), "no one holds \"player-cert\"");
	assert_string_equal(item_str(a, 1), NASTY);

	/* Every agency and person in the model, in model order. */
	a = arr(root, "agencies", 3);
	for (i = 0; i < 3; i++)
		assert_keys(json_object_array_get_idx(a, i), ag_keys,
		    NELEM(ag_keys));
	o = json_object_array_get_idx(a, 0);
	assert_string_equal(str(o, "id"), "cbp");
	assert_string_equal(str(o, "name"),
	    "U.S. Customs and Border Protection");
	assert_string_equal(str(o, "country"), "US");
	assert_string_equal(str(o, "timezone"), "America/Phoenix");
	assert_string_equal(str(o, "hours"), "08:00-17:00");
	assert_string_equal(item_str(arr(o, "workdays", 5), 4), "fri");
	o = json_object_array_get_idx(a, 1);
	assert_string_equal(str(o, "id"), "dpsu");
	assert_string_equal(str(o, "name"), CYR);
	assert_string_equal(str(o, "timezone"), "Europe/Kyiv");
	o = json_object_array_get_idx(a, 2);
	assert_string_equal(str(o, "id"), "sedena");
	assert_string_equal(str(o, "name"), NASTY);
	assert_true(json_object_is_type(member(o, "country"), json_type_null));

	a = arr(root, "people", 3);
	for (i = 0; i < 3; i++)
		assert_keys(json_object_array_get_idx(a, i), pn_keys,
		    NELEM(pn_keys));
	o = json_object_array_get_idx(a, 0);
	assert_string_equal(str(o, "id"), "ana");
	assert_string_equal(str(o, "name"), "Ana \"La Jefa\" O'Neil");
	assert_string_equal(str(o, "agency"), "cbp");
	o = json_object_array_get_idx(a, 1);
	assert_string_equal(str(o, "name"), "Олег Петренко");
	assert_string_equal(str(o, "agency"), "dpsu");
	o = json_object_array_get_idx(a, 2);
	assert_string_equal(str(o, "name"), "<script>alert(1)</script>");
	assert_string_equal(str(o, "agency"), "sedena");

	json_object_put(root);
	free(text);
	plan_free(p);
	model_free(m);
}

/* The bytes themselves: readable, escaped where JSON needs it only. */
static void
test_json_text(void **state)
{
	struct model *m = fixture_model();
	struct plan *p = fixture_plan(m);
	char *text = out_json_plan(p), *again = out_json_plan(p);

	(void)state;
	assert_string_equal(text, again);	/* deterministic */
	assert_true(strncmp(text, "{\n  \"exercises\": [\n", 19) == 0);
	assert_true(text[strlen(text) - 1] == '}');
	/* Control characters escaped; UTF-8 and "/" left as written. */
	assert_non_null(strstr(text,
	    "\"Sécretaría \\\"Defensa\\\" \\\\ a/b \\u0001\\u001f\\t\\n end\""));
	assert_non_null(strstr(text, "\"" CYR "\""));
	assert_null(strstr(text, "\\/"));
	assert_null(strchr(text, '\x01'));
	assert_non_null(strstr(text, "\"missing\": 4"));
	free(again);
	free(text);
	plan_free(p);
	model_free(m);
}

/* An agency listed twice at an event has one local time, not two keys. */
static void
test_json_local_once(void **state)
{
	struct model *m = fixture_model();
	struct plan *p = fixture_plan(m);
	struct planned_event *ev = &p->exercises[0].events[0];
	struct json_object *root, *e, *local;
	char *text;

	(void)state;
	ev->agencies[1] = m->agencies[0];
	text = out_json_plan(p);
	root = parse(text);
	e = json_object_array_get_idx(arr(json_object_array_get_idx(
	    arr(root, "exercises", 1), 0), "events", 4), 0);
	arr(e, "agencies", 2);
	local = member(e, "local");
	assert_int_equal(json_object_object_length(local), 1);
	assert_string_equal(str(local, "cbp"), "2026-08-10T09:00:00-07:00");
	json_object_put(root);
	free(text);
	plan_free(p);
	model_free(m);
}

/* Written to a stream: the same text and a newline; a full disk fails. */
static void
test_json_write(void **state)
{
	struct model *m = fixture_model();
	struct plan *p = fixture_plan(m);
	char *text = out_json_plan(p), *got;
	FILE *f = tmpfile(), *full;
	long n;

	(void)state;
	assert_non_null(f);
	assert_int_equal(out_json_plan_write(f, p), 0);
	n = ftell(f);
	assert_int_equal(n, (long)strlen(text) + 1);
	rewind(f);
	got = xcalloc((size_t)n + 1, 1);
	assert_int_equal(fread(got, 1, (size_t)n, f), (size_t)n);
	assert_int_equal(got[n - 1], '\n');
	got[n - 1] = '\0';
	assert_string_equal(got, text);
	fclose(f);
	p->nexercises = 0;
	free(text);
	text = out_json_plan(p);
	f = tmpfile();
	assert_non_null(f);
	assert_int_equal(out_json_plan_write(f, p), 0);
	n = ftell(f);
	rewind(f);
	free(got);
	got = xcalloc((size_t)n + 1, 1);
	assert_int_equal(fread(got, 1, (size_t)n, f), (size_t)n);
	got[n - 1] = '\0';
	assert_string_equal(got, text);
	fclose(f);
	if ((full = fopen("/dev/full", "w")) != NULL) {
		assert_int_equal(out_json_plan_write(full, p), -1);
		fclose(full);
	}
	free(got);
	free(text);
	plan_free(p);
	model_free(m);
}

/* An empty plan still has the three arrays; a plan may lack a model. */
static void
test_json_empty(void **state)
{
	struct model *m = model_new();
	struct plan *p = plan_new(m);
	struct json_object *root;
	char *text;

	(void)state;
	text = out_json_plan(p);
	root = parse(text);
	arr(root, "exercises", 0);
	arr(root, "agencies", 0);
	arr(root, "people", 0);
	json_object_put(root);
	free(text);

	p->model = NULL;
	text = out_json_plan(p);
	root = parse(text);
	arr(root, "agencies", 0);
	json_object_put(root);
	free(text);
	plan_free(p);
	model_free(m);
}

static void
test_model_lookups(void **state)
{
	struct model *m = fixture_model();
	const struct template *t = m->templates[0];

	(void)state;
	assert_ptr_equal(model_agency(m, "cbp"), m->agencies[0]);
	assert_ptr_equal(model_agency(m, "sedena"), m->agencies[2]);
	assert_null(model_agency(m, "CBP"));	/* ids are case-sensitive */
	assert_null(model_agency(m, "nope"));
	assert_null(model_agency(m, NULL));
	assert_null(model_agency(NULL, "cbp"));
	assert_ptr_equal(model_person(m, "oleh"), m->people[1]);
	assert_ptr_equal(model_person(m, "x"), m->people[2]);
	assert_null(model_person(m, "cbp"));
	assert_null(model_person(NULL, "x"));
	assert_ptr_equal(template_event(t, "conduct"), &t->events[1]);
	assert_null(template_event(t, "lead-planner"));
	assert_null(template_event(NULL, "ipm"));
	assert_null(template_event(t, NULL));
	assert_ptr_equal(template_role(t, "player"), &t->roles[2]);
	assert_null(template_role(t, "ipm"));
	assert_null(template_role(NULL, "player"));
	model_free(m);
}

/*
 * NULL is a no-op; a struct made as load.c and sched.c make theirs
 * (xcalloc plus arena_new) is freed whole: the sanitizer's leak check
 * is the assertion.
 */
static void
test_model_free(void **state)
{
	struct model *m = xcalloc(1, sizeof(*m));
	struct plan *p = xcalloc(1, sizeof(*p));

	(void)state;
	model_free(NULL);
	plan_free(NULL);
	m->arena = arena_new();
	arena_strdup(m->arena, "owned by the arena");
	p->arena = arena_new();
	p->model = m;
	arena_alloc(p->arena, 100000);	/* a block of its own */
	plan_free(p);
	model_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_shape_and_values),
		cmocka_unit_test(test_json_text),
		cmocka_unit_test(test_json_empty),
		cmocka_unit_test(test_json_local_once),
		cmocka_unit_test(test_json_write),
		cmocka_unit_test(test_model_lookups),
		cmocka_unit_test(test_model_free),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
