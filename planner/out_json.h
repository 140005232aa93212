/* out_json.h: the plan as JSON, for other programs to read. */
#ifndef PLANNER_OUT_JSON_H
#define PLANNER_OUT_JSON_H

#include <stdint.h>
#include <stdio.h>

#include "model.h"

/*
 * The plan as pretty-printed UTF-8 JSON text, with no final newline
 * (the writer adds it); the caller frees it. Member names are a contract: later versions add
 * members but never rename or remove one. The shape is
 *
 *   {"exercises": [{"id", "name", "template", "type", "timezone",
 *       "startex", "endex",
 *       "events": [{"id", "title", "kind", "start", "end",
 *           "agencies": [id...], "roles": [id...], "warnings": [text...]}],
 *       "assignments": [{"role", "person", "agency"}],
 *       "vacancies": [{"role", "missing", "reasons": [text...]}],
 *       "objective": {"total", "vacancy", "preference", "fairness",
 *           "continuity", "travel", "out_of_hours"}}],
 *    "staffing": {the same parts over every exercise, "method",
 *        "optimal", "bound"},
 *    "agencies": [{"id", "name", "country", "timezone"}],
 *    "people": [{"id", "name", "agency"}]}
 *
 * Instants are UTC RFC 3339 ("2027-03-10T15:00:00Z"); "type" and "kind"
 * are the names the YAML uses ("full-scale", "hot-wash"); a day N > 1 of
 * multi-day play has event id "<id>-<N>"; a value the model leaves NULL
 * is null. Agencies and people are every one in the model, in model
 * order. Output is byte-identical for identical plans. This function
 * can't fail (running out of memory exits, as xmalloc does).
 */
char *out_json_plan(const struct plan *p);

/*
 * The same text and a final newline, written to f as it is made, so
 * that a national program's tens of megabytes are never held whole.
 * Returns 0, or -1 when writing to f failed (errno says why).
 */
int out_json_plan_write(FILE *f, const struct plan *p);

/*
 * JSON documents built value by value, for the database queries'
 * --json, so that only this module sees json-c. A value is owned by
 * whoever holds it until it is set in an object or pushed on an array,
 * which then owns it; out_json_finish() turns the root into
 * pretty-printed text (as out_json_plan's, no final newline; caller
 * frees) and frees the tree. A NULL value is JSON null. None of these
 * can fail (running out of memory exits, as xmalloc does), except
 * out_json_parse, which returns NULL for text that is not JSON.
 */
struct out_json;
struct out_json *out_json_object(void);
struct out_json *out_json_array(void);
struct out_json *out_json_string(const char *s);	/* NULL: null */
struct out_json *out_json_int(int64_t v);
struct out_json *out_json_bool(int v);
struct out_json *out_json_parse(const char *text);
void out_json_set(struct out_json *obj, const char *key, struct out_json *v);
void out_json_set_str(struct out_json *obj, const char *key, const char *s);
void out_json_set_int(struct out_json *obj, const char *key, int64_t v);
void out_json_push(struct out_json *arr, struct out_json *v);
char *out_json_finish(struct out_json *v);

#endif
