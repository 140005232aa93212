/* out_json.h: the plan as JSON, for other programs to read. */
#ifndef PLANNER_OUT_JSON_H
#define PLANNER_OUT_JSON_H

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
 *       "vacancies": [{"role", "missing", "reasons": [text...]}]}],
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

#endif
