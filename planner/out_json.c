/* out_json.c: the plan as JSON through json-c, the only module that sees it. */
#include "out_json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "doctrine.h"
#include "tz.h"
#include "util.h"

/*
 * json-c reports exhaustion by returning NULL or -1. Treat it as
 * xmalloc does (message, exit 3): a half-built document is worse than
 * none, and no caller could do better.
 */
static void *
must(void *p)
{
	if (p == NULL) {
		fputs("planner: out of memory\n", stderr);
		exit(3);
	}
	return p;
}

/* Add v (which may be NULL for JSON null) under key; obj takes v. */
static void
put(struct json_object *obj, const char *key, struct json_object *v)
{
	if (json_object_object_add(obj, key, v) != 0)
		must(NULL);
}

static struct json_object *
jstr(const char *s)
{
	return s == NULL ? NULL : must(json_object_new_string(s));
}

static void
put_str(struct json_object *obj, const char *key, const char *s)
{
	put(obj, key, jstr(s));
}

static void
put_time(struct json_object *obj, const char *key, ptime t)
{
	char buf[21];

	time_format_utc(t, buf);
	put_str(obj, key, buf);
}

static void
push(struct json_object *arr, struct json_object *v)
{
	if (json_object_array_add(arr, v) != 0)
		must(NULL);
}

static struct json_object *
new_object(void)
{
	return must(json_object_new_object());
}

static struct json_object *
new_array(void)
{
	return must(json_object_new_array());
}

static struct json_object *
strlist_array(const struct strlist *l)
{
	struct json_object *arr = new_array();
	size_t i;

	for (i = 0; i < l->n; i++)
		push(arr, jstr(l->v[i]));
	return arr;
}

static struct json_object *
workdays_json(unsigned days)
{
	static const char *const names[7] = {
		"mon", "tue", "wed", "thu", "fri", "sat", "sun"
	};
	struct json_object *arr = new_array();
	int i;

	for (i = 0; i < 7; i++)
		if (days & (1u << i))
			push(arr, jstr(names[i]));
	return arr;
}

static struct json_object *
event_json(const struct plan_exercise *pe, const struct planned_event *ev)
{
	const struct event_def *def = ev->def;
	struct json_object *o = new_object(), *agencies, *local;
	size_t i;

	if (ev->day > 1) {
		char *id = xasprintf("%s-%d", def->id, ev->day);

		put_str(o, "id", id);
		free(id);
	} else
		put_str(o, "id", def->id);
	put_str(o, "title", def->title);
	put_str(o, "kind", doctrine_kind_name(def->kind));
	put_time(o, "start", ev->start);
	put_time(o, "end", ev->end);

	(void)pe;
	agencies = new_array();
	local = new_object();
	for (i = 0; i < ev->nagencies; i++) {
		const struct agency *ag = ev->agencies[i];
		const struct tz *z = tz_get(ag->timezone, NULL);
		char buf[26];

		push(agencies, jstr(ag->id));
		if (z == NULL)
			continue;
		time_format_offset(ev->start, tz_offset(z, ev->start), buf);
		put_str(local, ag->id, buf);
	}
	put(o, "agencies", agencies);
	put(o, "local", local);
	put(o, "roles", strlist_array(&def->roles));
	put(o, "warnings", strlist_array(&ev->warnings));
	return o;
}

/* The staffing objective and its parts (docs/assignment.md). */
static struct json_object *
cost_json(const struct staffing_cost *c)
{
	struct json_object *o = new_object();

	put(o, "total", must(json_object_new_int64(c->total)));
	put(o, "vacancy", must(json_object_new_int64(c->vacancy)));
	put(o, "preference", must(json_object_new_int64(c->preference)));
	put(o, "fairness", must(json_object_new_int64(c->fairness)));
	put(o, "continuity", must(json_object_new_int64(c->continuity)));
	put(o, "travel", must(json_object_new_int64(c->travel)));
	put(o, "out_of_hours", must(json_object_new_int64(c->out_of_hours)));
	return o;
}

/* The objectives with their core capabilities and EEG critical tasks. */
static struct json_object *
objectives_json(const struct template *tpl)
{
	struct json_object *arr = new_array();
	size_t i, j;

	for (i = 0; tpl != NULL && i < tpl->nobjectives; i++) {
		const struct objective *ob = &tpl->objectives[i];
		struct json_object *o = new_object(), *caps = new_array(),
		    *eeg = new_array();

		put_str(o, "id", ob->id);
		put_str(o, "text", ob->text);
		for (j = 0; j < ob->ncaps; j++)
			push(caps, jstr(doctrine_cap_name(ob->caps[j])));
		put(o, "capabilities", caps);
		for (j = 0; j < ob->neeg; j++) {
			struct json_object *t = new_object();

			put_str(t, "task", ob->eeg[j].task);
			put(t, "measures", strlist_array(&ob->eeg[j].measures));
			push(eeg, t);
		}
		put(o, "eeg", eeg);
		push(arr, o);
	}
	return arr;
}

static struct json_object *
exercise_json(const struct plan_exercise *pe)
{
	const struct exercise *ex = pe->ex;
	const struct template *tpl = ex->tpl;
	struct json_object *o = new_object(), *arr;
	size_t i;

	put_str(o, "id", ex->id);
	put_str(o, "name", ex->name);
	put_str(o, "template", tpl != NULL ? tpl->id : NULL);
	put_str(o, "type", tpl != NULL ? doctrine_type_name(tpl->type) : NULL);
	put_str(o, "timezone", ex->timezone);
	put_time(o, "startex", pe->startex);
	put_time(o, "endex", pe->endex);
	put(o, "objectives", objectives_json(tpl));

	arr = new_array();
	for (i = 0; i < pe->nevents; i++)
		push(arr, event_json(pe, &pe->events[i]));
	put(o, "events", arr);

	arr = new_array();
	for (i = 0; i < pe->nassignments; i++) {
		const struct assignment *a = &pe->assignments[i];
		struct json_object *ao = new_object();

		put_str(ao, "role", a->role->id);
		put_str(ao, "person", a->person->id);
		put_str(ao, "agency", a->person->agency != NULL ?
		    a->person->agency->id : NULL);
		push(arr, ao);
	}
	put(o, "assignments", arr);

	arr = new_array();
	for (i = 0; i < pe->nvacancies; i++) {
		const struct vacancy *v = &pe->vacancies[i];
		struct json_object *vo = new_object();

		put_str(vo, "role", v->role->id);
		put(vo, "missing", must(json_object_new_int(v->missing)));
		put(vo, "reasons", strlist_array(&v->reasons));
		push(arr, vo);
	}
	put(o, "vacancies", arr);
	put(o, "objective", cost_json(&pe->cost));
	return o;
}

/* The plan's members after "exercises", in the order they print. */
static void
put_rest(struct json_object *root, const struct plan *p)
{
	const struct model *m = p->model;
	struct json_object *arr;
	size_t i;

	arr = cost_json(&p->cost);
	put_str(arr, "method", p->staffing_method);
	put(arr, "optimal", must(json_object_new_boolean(p->staffing_optimal)));
	put(arr, "bound", must(json_object_new_int64(p->staffing_bound)));
	put(root, "staffing", arr);

	arr = new_array();
	for (i = 0; m != NULL && i < m->nagencies; i++) {
		const struct agency *ag = m->agencies[i];
		struct json_object *o = new_object();
		char *hours;

		put_str(o, "id", ag->id);
		put_str(o, "name", ag->name);
		put_str(o, "country", ag->country);
		put_str(o, "timezone", ag->timezone);
		put(o, "workdays", workdays_json(ag->workdays));
		hours = xasprintf("%02d:%02d-%02d:%02d", ag->day_start / 60,
		    ag->day_start % 60, ag->day_end / 60, ag->day_end % 60);
		put_str(o, "hours", hours);
		free(hours);
		push(arr, o);
	}
	put(root, "agencies", arr);

	arr = new_array();
	for (i = 0; m != NULL && i < m->npeople; i++) {
		const struct person *pn = m->people[i];
		struct json_object *o = new_object();

		put_str(o, "id", pn->id);
		put_str(o, "name", pn->name);
		put_str(o, "agency", pn->agency != NULL ? pn->agency->id : NULL);
		push(arr, o);
	}
	put(root, "people", arr);
}

/* Slashes stay as written: "\/" is legal but no reader needs it. */
#define PRINT_FLAGS	(JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED | \
	JSON_C_TO_STRING_NOSLASHESCAPE)

static const char *
text_of(struct json_object *v)
{
	const char *text = json_object_to_json_string_ext(v, PRINT_FLAGS);

	if (text == NULL)
		must(NULL);
	return text;
}

char *
out_json_plan(const struct plan *p)
{
	struct json_object *root = new_object(), *arr = new_array();
	char *out;
	size_t i;

	for (i = 0; i < p->nexercises; i++)
		push(arr, exercise_json(&p->exercises[i]));
	put(root, "exercises", arr);
	put_rest(root, p);
	out = xstrdup(text_of(root));
	json_object_put(root);
	return out;
}

/* Text printed at the given depth: each new line indented two spaces more. */
static void
put_nested(FILE *f, const char *text, int depth)
{
	const char *nl;

	while ((nl = strchr(text, '\n')) != NULL) {
		fwrite(text, 1, (size_t)(nl - text) + 1, f);
		fprintf(f, "%*s", 2 * depth, "");
		text = nl + 1;
	}
	fputs(text, f);
}

int
out_json_plan_write(FILE *f, const struct plan *p)
{
	struct json_object *rest = new_object();
	const char *text;
	size_t i;

	/*
	 * One exercise's tree at a time, printed by json-c at the depth it
	 * has in the whole document (strings never hold a raw newline, so
	 * every newline is json-c's), then the rest of the plan printed as
	 * an object whose "{" line is already out.
	 */
	fputs("{\n  \"exercises\": [\n", f);
	for (i = 0; i < p->nexercises; i++) {
		struct json_object *o = exercise_json(&p->exercises[i]);

		fputs("    ", f);
		put_nested(f, text_of(o), 2);
		fputs(i + 1 < p->nexercises ? ",\n" : "\n", f);
		json_object_put(o);
	}
	fputs("  ],\n", f);
	put_rest(rest, p);
	text = text_of(rest);
	fputs(text + strlen("{\n"), f);
	fputc('\n', f);
	json_object_put(rest);
	return fflush(f) == EOF || ferror(f) ? -1 : 0;
}

/* --- documents built by other modules, for the database queries ------ */

/*
 * An out_json value is a json_object under another name, so callers
 * build JSON without seeing json-c.
 */
static struct json_object *
jo(struct out_json *v)
{
	return (struct json_object *)v;
}

struct out_json *
out_json_object(void)
{
	return (struct out_json *)new_object();
}

struct out_json *
out_json_array(void)
{
	return (struct out_json *)new_array();
}

struct out_json *
out_json_string(const char *s)
{
	return (struct out_json *)jstr(s);
}

struct out_json *
out_json_int(int64_t v)
{
	return (struct out_json *)must(json_object_new_int64(v));
}

struct out_json *
out_json_bool(int v)
{
	return (struct out_json *)must(json_object_new_boolean(v != 0));
}

struct out_json *
out_json_parse(const char *text)
{
	return (struct out_json *)json_tokener_parse(text);
}

void
out_json_set(struct out_json *obj, const char *key, struct out_json *v)
{
	put(jo(obj), key, jo(v));
}

void
out_json_set_str(struct out_json *obj, const char *key, const char *s)
{
	put_str(jo(obj), key, s);
}

void
out_json_set_int(struct out_json *obj, const char *key, int64_t v)
{
	put(jo(obj), key, must(json_object_new_int64(v)));
}

void
out_json_push(struct out_json *arr, struct out_json *v)
{
	push(jo(arr), jo(v));
}

char *
out_json_finish(struct out_json *v)
{
	char *out = xstrdup(text_of(jo(v)));

	json_object_put(jo(v));
	return out;
}
