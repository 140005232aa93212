/* doc_exercise.c: the keys of an Exercise document: one exercise built from a template. */
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "doctrine.h"

#define X(f) offsetof(struct exercise_doc, f)

static const char *const *
part_names(size_t *n)
{
	static const char *const v[] = { "playing", "supporting", "observing" };

	*n = NELEM(v);
	return v;
}

/* conduct: one date, or a range to choose the date in. */
static int
decode_conduct(struct schema_ctx *c, const struct tnode *n, void *obj)
{
	struct exercise_doc *xd = obj;
	struct range *r;
	size_t cnt;

	if (n->kind == TN_SEQ) {
		schema_error(c, n, "'conduct' must be one date or one range "
		    "such as '2027-04-01..2027-05-31'");
		return -1;
	}
	if (doc_ranges(c, n, &r, &cnt) == -1)
		return -1;
	xd->conduct_from = r->from;
	xd->conduct_to = r->to;
	return 0;
}

static int
decode_overrides(struct schema_ctx *c, const struct tnode *n, void *obj)
{
	struct exercise_doc *xd = obj;
	static const char *const keys[] = { "conduct", "events", "roles" };
	size_t i;
	const char *near;
	int rc = 0;

	if (n->kind != TN_MAP) {
		schema_error(c, n, "'overrides' must be a mapping with "
		    "'conduct', 'events' or 'roles'");
		return -1;
	}
	for (i = 0; i < n->n; i++) {
		const char *k = n->keys[i]->str;

		if (strcmp(k, "conduct") == 0 || strcmp(k, "events") == 0 ||
		    strcmp(k, "roles") == 0)
			continue;
		near = closest_word(k, keys, NELEM(keys));
		if (near)
			schema_error(c, n->keys[i], "unknown key '%s' in "
			    "'overrides'; did you mean '%s'?", k, near);
		else
			schema_error(c, n->keys[i], "unknown key '%s' in "
			    "'overrides'; expected 'conduct', 'events' or "
			    "'roles'", k);
		rc = -1;
	}
	xd->overrides = (struct tnode *)n;
	return rc;
}

/*
 * parameters: {site: San Luis port of entry, swarm_size: 12}. Which names
 * the template declares is checked once it is bound (load.c, param.c);
 * here, only the shape: ids mapped to single values, all text.
 */
static int
decode_parameters(struct schema_ctx *c, const struct tnode *n, void *obj)
{
	struct exercise_doc *xd = obj;
	size_t i;
	int rc = 0;

	if (n->kind == TN_SCALAR && n->plain && n->len == 0)
		return 0;
	if (n->kind != TN_MAP) {
		schema_error(c, n, "'parameters' must map the template's "
		    "parameter ids to values, such as {site: \"San Luis port "
		    "of entry\"}");
		return -1;
	}
	for (i = 0; i < n->n; i++) {
		const struct tnode *k = n->keys[i], *v = n->vals[i];

		if (!schema_is_id(k->str)) {
			schema_error(c, k, "'%s' is not a parameter id", k->str);
			rc = -1;
		} else if (v->kind != TN_SCALAR) {
			schema_error(c, v, "parameter '%s' must be a single "
			    "value, not %s", k->str, tree_kind_name(v));
			rc = -1;
		} else if (v->plain && (v->len == 0 ||
		    strcmp(v->str, "~") == 0 || strcmp(v->str, "null") == 0)) {
			schema_error(c, v, "parameter '%s' needs a value",
			    k->str);
			rc = -1;
		}
	}
	xd->parameters = n;
	return rc;
}

static int
decode_participant_agency(struct schema_ctx *c, const struct tnode *n,
    void *obj)
{
	struct participant *p = obj;
	char *id;

	if (schema_id(c, n, "id", &id) == -1)
		return -1;
	doc_ref_agency(c, n, &p->agency);
	return 0;
}

static const struct field participant_fields[] = {
	{ .key = "id", .type = S_CUSTOM, .flags = SF_REQUIRED,
	  .decode = decode_participant_agency },
	{ .key = "as", .type = S_ENUM, .off = offsetof(struct participant, kind),
	  .names = part_names },
};

static const struct schema participant_schema = {
	.what = "a participating agency", .size = sizeof(struct participant),
	.fields = participant_fields, .nfields = NELEM(participant_fields),
	.scalar_key = "id",
};

static const struct field venue_fields[] = {
	{ .key = "name", .type = S_TEXT, .flags = SF_REQUIRED,
	  .off = X(ex.venue) },
	{ .key = "address", .type = S_TEXT, .off = X(ex.address) },
	{ .key = "timezone", .type = S_TZ, .flags = SF_REQUIRED,
	  .off = X(ex.timezone) },
};

static const struct schema venue_schema = {
	.what = "'venue'", .fields = venue_fields,
	.nfields = NELEM(venue_fields),
};

static const struct field organiser_fields[] = {
	{ .key = "name", .type = S_TEXT, .flags = SF_REQUIRED,
	  .off = X(ex.organiser.name) },
	{ .key = "email", .type = S_EMAIL, .flags = SF_REQUIRED,
	  .off = X(ex.organiser.email) },
	{ .key = "agency", .type = S_ID, .off = X(ex.organiser_agency) },
};

static const struct schema organiser_schema = {
	.what = "'organiser'", .fields = organiser_fields,
	.nfields = NELEM(organiser_fields),
};

static const char *const override_keys[] = {
	".conduct", ".events", ".roles", NULL
};

static void
exercise_init(void *obj)
{
	struct exercise_doc *xd = obj;

	xd->start = -1;
}

static const struct field exercise_fields[] = {
	{ .key = "kind", .type = S_CUSTOM, .flags = SF_REQUIRED,
	  .decode = doc_skip },
	{ .key = "version", .type = S_CUSTOM, .flags = SF_REQUIRED,
	  .decode = doc_skip },
	{ .key = "id", .type = S_ID, .flags = SF_REQUIRED, .off = X(ex.id) },
	{ .key = "name", .type = S_TEXT, .flags = SF_REQUIRED,
	  .off = X(ex.name) },
	{ .key = "template", .type = S_TEXT, .flags = SF_REQUIRED,
	  .off = X(ex.template_ref) },
	{ .key = "description", .type = S_TEXT, .off = X(ex.description) },
	{ .key = "venue", .type = S_MAP, .flags = SF_REQUIRED,
	  .sub = &venue_schema },
	{ .key = "conduct", .type = S_CUSTOM, .flags = SF_REQUIRED,
	  .decode = decode_conduct },
	{ .key = "start", .type = S_CLOCK, .off = X(start) },
	{ .key = "agencies", .type = S_LIST, .flags = SF_REQUIRED,
	  .sub = &participant_schema, .off = X(ex.participants),
	  .count_off = X(ex.nparticipants) },
	{ .key = "organiser", .type = S_MAP, .sub = &organiser_schema },
	{ .key = "marking", .type = S_TEXT, .off = X(ex.marking) },
	{ .key = "language", .type = S_LANG, .off = X(ex.language) },
	{ .key = "parameters", .type = S_CUSTOM, .decode = decode_parameters },
	{ .key = "rosters", .type = S_TEXTLIST, .off = X(rosters) },
	{ .key = "overrides", .type = S_CUSTOM, .decode = decode_overrides,
	  .doc_keys = override_keys },
};

const struct schema doc_exercise_schema = {
	.what = "an Exercise", .size = sizeof(struct exercise_doc),
	.fields = exercise_fields, .nfields = NELEM(exercise_fields),
	.loc_off = X(ex.loc), .init = exercise_init,
};
