/* doc_program.c: the keys of a Program document: exercises staffed together, and the weights of staffing. */
#include <stddef.h>

#include "doc.h"

#define W(f) offsetof(struct weights, f)
static const struct field weight_fields[] = {
	{ .key = "unpreferred", .type = S_INT, .off = W(unpreferred),
	  .min = 0, .max = 1000000 },
	{ .key = "avoided", .type = S_INT, .off = W(avoided), .min = 0,
	  .max = 1000000 },
	{ .key = "fairness", .type = S_INT, .off = W(fairness), .min = 0,
	  .max = 1000000 },
	{ .key = "continuity", .type = S_INT, .off = W(continuity), .min = 0,
	  .max = 1000000 },
	{ .key = "travel", .type = S_INT, .off = W(travel), .min = 0,
	  .max = 1000000 },
	{ .key = "out_of_hours", .type = S_INT, .off = W(out_of_hours),
	  .min = 0, .max = 1000000 },
	{ .key = "vacancy", .type = S_INT, .off = W(vacancy), .min = 0,
	  .max = 100000000 },
};
#undef W

static const struct schema weights_schema = {
	.what = "'weights'", .fields = weight_fields,
	.nfields = NELEM(weight_fields),
};

void
doc_weights_default(struct weights *w)
{
	w->unpreferred = 3;
	w->avoided = 10;
	w->fairness = 4;
	w->continuity = 20;
	w->travel = 1;
	w->out_of_hours = 2;
	w->vacancy = 10000;
}

static void
program_init(void *obj)
{
	struct program *pg = obj;

	doc_weights_default(&pg->weights);
}

static void
program_check(struct schema_ctx *c, const struct tnode *n, void *obj,
    uint64_t seen)
{
	struct program *pg = obj;

	(void)seen;
	if (pg->exercises.n == 0 && !c->partial)
		schema_error(c, tree_get(n, "exercises") != NULL ?
		    tree_get(n, "exercises") : n, "a program needs at least "
		    "one exercise file");
}

#define PG(f) offsetof(struct program, f)
static const struct field program_fields[] = {
	{ .key = "kind", .type = S_CUSTOM, .flags = SF_REQUIRED,
	  .decode = doc_skip },
	{ .key = "version", .type = S_CUSTOM, .flags = SF_REQUIRED,
	  .decode = doc_skip },
	{ .key = "id", .type = S_ID, .flags = SF_REQUIRED, .off = PG(id) },
	{ .key = "name", .type = S_TEXT, .flags = SF_REQUIRED, .off = PG(name) },
	{ .key = "exercises", .type = S_TEXTLIST, .flags = SF_REQUIRED,
	  .off = PG(exercises) },
	{ .key = "rosters", .type = S_TEXTLIST, .off = PG(rosters) },
	{ .key = "weights", .type = S_MAP, .sub = &weights_schema,
	  .off = PG(weights) },
};
#undef PG

const struct schema doc_program_schema = {
	.what = "a Program", .size = sizeof(struct program),
	.fields = program_fields, .nfields = NELEM(program_fields),
	.loc_off = offsetof(struct program, loc), .init = program_init,
	.check = program_check,
};
