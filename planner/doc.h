/* doc.h: the key tables of each document kind (Template, Exercise, Roster, Calendar). */
#ifndef PLANNER_DOC_H
#define PLANNER_DOC_H

#include "holiday.h"
#include "model.h"
#include "schema.h"

/* Top-level tables, one per kind; doc_*.c define them. */
extern const struct schema doc_template_schema;
extern const struct schema doc_exercise_schema;
extern const struct schema doc_roster_schema;
extern const struct schema doc_calendar_schema;
extern const struct schema doc_program_schema;

/* The documented default weights of staffing (doc_program.c). */
void doc_weights_default(struct weights *w);

/* Tables for overrides of a template's parts, used by load.c. */
extern const struct schema doc_conduct_schema;
extern const struct schema doc_event_schema;
extern const struct schema doc_role_schema;

/* What a Roster document decodes into before its parts join the model. */
struct roster_doc {
	char *name;
	struct agency *agencies;
	size_t nagencies;
	struct person *people;
	size_t npeople;
};

/*
 * Raw forms of values that name things in other documents. The loader
 * resolves them once every file is read.
 */
struct exercise_doc {
	struct exercise ex;
	struct tnode *overrides;	/* applied to a copy of the template */
	struct strlist rosters;
	pdate conduct_from, conduct_to;	/* conduct as written */
	int start;			/* -1: the template's */
	const struct tnode *template_node;
	const struct tnode *parameters;	/* a mapping of values, or NULL */
};

/*
 * A reference to an agency, resolved after loading: the loader keeps a
 * list of these in schema_ctx.user. doc_*.c call it from decoders.
 */
void doc_ref_agency(struct schema_ctx *c, const struct tnode *n,
    struct agency **slot);

/* A decoder for keys the loader reads itself (kind, version). */
int doc_skip(struct schema_ctx *c, const struct tnode *n, void *obj);

/* A list of date ranges, or one alone, into an arena array. */
int doc_ranges(struct schema_ctx *c, const struct tnode *n,
    struct range **out, size_t *nout);

/*
 * Decode the 'parameters' of a Template's root map into t->params, before
 * the rest of it, so that its texts can be checked against them. Errors
 * go to c->diags. Returns -1 when a parameter could not be read, so
 * that texts naming it would be wrongly reported; else 0 (a second one
 * of an id is reported, and the first kept).
 */
int doc_template_params(struct schema_ctx *c, const struct tnode *root,
    struct template *t);

/* Fill a template's defaults that depend on its type and event kinds. */
void doc_template_defaults(struct template *t);

/* Cross-checks of a template after overrides (ids, references, windows). */
void doc_template_check(struct schema_ctx *c, const struct tnode *n,
    struct template *t);

#endif
