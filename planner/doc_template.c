/* doc_template.c: the keys of a Template document and the checks that tie its parts together. */
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "doctrine.h"

#define OFF(f) offsetof(struct template, f)

static const char *const *
anchor_names(size_t *n)
{
	static const char *const v[] = { "startex", "endex" };

	*n = NELEM(v);
	return v;
}

static const char *const *
source_names(size_t *n)
{
	static const char *const v[] = { "any", "playing", "non-playing" };

	*n = NELEM(v);
	return v;
}

static const char *const *
inject_names(size_t *n)
{
	static const char *const v[] = {
		"inject", "contingency", "expected-action"
	};

	*n = NELEM(v);
	return v;
}

int
doc_skip(struct schema_ctx *c, const struct tnode *n, void *obj)
{
	(void)c, (void)n, (void)obj;
	return 0;
}

static int
decode_caps(struct schema_ctx *c, const struct tnode *n, void *obj)
{
	struct objective *o = obj;
	const struct tnode *const *v;
	size_t cnt, i, ncaps;
	int rc = 0;

	if (n->kind == TN_MAP) {
		schema_error(c, n, "'capabilities' must be a list of core "
		    "capabilities, not a mapping");
		return -1;
	}
	v = n->kind == TN_SEQ ? (const struct tnode *const *)n->items :
	    (const struct tnode *const *)&n;
	cnt = n->kind == TN_SEQ ? n->n : 1;
	o->caps = arena_array(c->arena, cnt + 1, sizeof(int));
	for (i = 0; i < cnt; i++) {
		int cap = v[i]->kind == TN_SCALAR ?
		    doctrine_cap_parse(v[i]->str) : -1;
		const char *near;

		if (cap >= 0) {
			o->caps[o->ncaps++] = cap;
			continue;
		}
		rc = -1;
		if (v[i]->kind != TN_SCALAR) {
			schema_error(c, v[i], "a core capability must be "
			    "text, not %s", tree_kind_name(v[i]));
			continue;
		}
		near = closest_word(v[i]->str, doctrine_cap_names(&ncaps),
		    DOCTRINE_NCAPS);
		if (near != NULL)
			schema_error(c, v[i], "unknown core capability '%s'; "
			    "did you mean '%s'?", v[i]->str, near);
		else
			schema_error(c, v[i], "unknown core capability '%s'; "
			    "see the 32 in docs/format.md", v[i]->str);
	}
	if (cnt == 0) {
		schema_error(c, n, "an objective needs at least one core "
		    "capability");
		rc = -1;
	}
	return rc;
}

/* window: [earliest, latest], two offsets. */
static int
decode_window(struct schema_ctx *c, const struct tnode *n, void *obj)
{
	struct event_def *e = obj;
	char *cause = NULL;
	size_t i;
	struct span *dst[2] = { &e->earliest, &e->latest };

	if (n->kind != TN_SEQ || n->n != 2) {
		schema_error(c, n, "'window' must be a list of two offsets, "
		    "earliest and latest, such as [-8w, -6w]");
		return -1;
	}
	for (i = 0; i < 2; i++) {
		if (n->items[i]->kind != TN_SCALAR ||
		    span_parse(n->items[i]->str, dst[i], &cause) == -1) {
			schema_error(c, n->items[i], "%s", cause ? cause :
			    "an offset must be text such as '-6w'");
			free(cause);
			return -1;
		}
	}
	return 0;
}

static int
decode_at(struct schema_ctx *c, const struct tnode *n, void *obj)
{
	struct event_def *e = obj;
	char *cause = NULL;

	if (n->kind != TN_SCALAR || span_parse(n->str, &e->earliest,
	    &cause) == -1) {
		schema_error(c, n, "%s", cause ? cause :
		    "'at' must be one offset such as '-2w'");
		free(cause);
		return -1;
	}
	e->latest = e->earliest;
	return 0;
}

/*
 * A list of reminder offsets, "[-1d, -15m]", into *out; "[]" means no
 * reminder. Months are refused: a VALARM trigger is a duration of weeks,
 * days and time, and a month has no fixed length.
 */
static int
decode_alarm_list(struct schema_ctx *c, const struct tnode *n,
    struct alarm_list *out)
{
	char *cause = NULL;
	size_t i;
	int rc = 0;

	if (n->kind != TN_SEQ) {
		schema_error(c, n, "'alarms' must be a list of offsets from "
		    "the start, such as [-1d, -15m], or [] for none");
		return -1;
	}
	out->v = arena_array(c->arena, n->n + 1, sizeof(*out->v));
	out->n = 0;
	out->set = 1;
	for (i = 0; i < n->n; i++) {
		const struct tnode *it = n->items[i];
		struct span sp;

		if (it->kind != TN_SCALAR) {
			schema_error(c, it, "an alarm must be an offset such "
			    "as '-15m', not %s", tree_kind_name(it));
			rc = -1;
		} else if (span_parse(it->str, &sp, &cause) == -1) {
			schema_error(c, it, "%s", cause);
			free(cause);
			cause = NULL;
			rc = -1;
		} else if (sp.months != 0) {
			schema_error(c, it, "alarm offset '%s' is in months; "
			    "use weeks or days", it->str);
			rc = -1;
		} else
			out->v[out->n++] = sp;
	}
	return rc;
}

static int
decode_event_alarms(struct schema_ctx *c, const struct tnode *n, void *obj)
{
	return decode_alarm_list(c, n, &((struct event_def *)obj)->alarms);
}

/* alarms: {meeting: [-1d, -15m], conduct: [-1d]}, by event kind. */
static int
decode_template_alarms(struct schema_ctx *c, const struct tnode *n,
    void *obj)
{
	struct template *t = obj;
	const char *const *kinds;
	size_t i, k, nkinds;
	int rc = 0;

	if (n->kind != TN_MAP) {
		schema_error(c, n, "'alarms' must map event kinds to lists of "
		    "offsets, such as {meeting: [-1d, -15m]}");
		return -1;
	}
	kinds = doctrine_kind_names(&nkinds);
	for (i = 0; i < n->n; i++) {
		const char *key = n->keys[i]->str, *near;

		for (k = 0; k < nkinds; k++)
			if (strcmp(kinds[k], key) == 0)
				break;
		if (k < nkinds && k < EV_NKINDS) {
			if (decode_alarm_list(c, n->vals[i], &t->alarms[k]) ==
			    -1)
				rc = -1;
			continue;
		}
		near = closest_word(key, kinds, nkinds);
		if (near != NULL)
			schema_error(c, n->keys[i], "unknown event kind '%s' in "
			    "'alarms'; did you mean '%s'?", key, near);
		else
			schema_error(c, n->keys[i], "unknown event kind '%s' in "
			    "'alarms'", key);
		rc = -1;
	}
	return rc;
}

/* Roughly comparable length of a span, for ordering checks only. */
static double
span_approx(const struct span *sp)
{
	return sp->months * 30.44 * 86400.0 + sp->days * 86400.0 +
	    (double)sp->secs;
}

static void
event_init(void *obj)
{
	struct event_def *e = obj;

	e->duration = -1;	/* the kind's default, set in check */
}

static void
event_check(struct schema_ctx *c, const struct tnode *n, void *obj,
    uint64_t seen)
{
	const struct schema *s = &doc_event_schema;
	struct event_def *e = obj;
	uint64_t win = schema_bit(s, "window"), at = schema_bit(s, "at");
	enum anchor anchor;
	struct span lo, hi;

	if ((seen & win) && (seen & at)) {
		schema_error(c, n, "give either 'window' or 'at', not both");
		return;
	}
	if (c->partial)
		return;
	if (e->kind == EV_CONDUCT) {
		schema_error(c, n, "events of kind 'conduct' come from the "
		    "template's 'conduct' settings; use another kind");
		return;
	}
	if (!(seen & (win | at))) {
		if (!(seen & schema_bit(s, "from")) &&
		    doctrine_event_window(e->kind, &anchor, &lo, &hi)) {
			e->anchor = anchor;
			e->earliest = lo;
			e->latest = hi;
		} else
			schema_error(c, n, "event '%s' needs a 'window' or "
			    "'at' saying when it happens", e->id);
	}
	if (e->duration < 0)
		e->duration = doctrine_event_duration(e->kind);
}

static void
role_init(void *obj)
{
	struct role_def *r = obj;

	r->count = 1;
}

static void
role_check(struct schema_ctx *c, const struct tnode *n, void *obj,
    uint64_t seen)
{
	const struct schema *s = &doc_role_schema;
	struct role_def *r = obj;

	if ((seen & schema_bit(s, "count")) &&
	    (seen & schema_bit(s, "per_agency"))) {
		schema_error(c, n, "give either 'count' or 'per_agency', not "
		    "both");
		return;
	}
	if (seen & schema_bit(s, "per_agency"))
		r->count = 0;
	if (r->name == NULL && !c->partial)
		r->name = r->id;
}

/*
 * An EEG critical task: a mapping, or just its text (the usual case, so
 * a template lists tasks as plainly as an evaluator reads them).
 */
static const struct field eeg_fields[] = {
	{ .key = "task", .type = S_TEXT, .flags = SF_REQUIRED,
	  .off = offsetof(struct eeg_task, task) },
	{ .key = "measures", .type = S_TEXTLIST,
	  .off = offsetof(struct eeg_task, measures) },
};

static const struct schema eeg_schema = {
	.what = "an EEG critical task", .size = sizeof(struct eeg_task),
	.fields = eeg_fields, .nfields = NELEM(eeg_fields),
	.scalar_key = "task", .loc_off = offsetof(struct eeg_task, loc),
};

static const struct field objective_fields[] = {
	{ .key = "id", .type = S_ID, .flags = SF_REQUIRED,
	  .off = offsetof(struct objective, id) },
	{ .key = "text", .type = S_TEXT, .flags = SF_REQUIRED,
	  .off = offsetof(struct objective, text) },
	{ .key = "capabilities", .type = S_CUSTOM, .flags = SF_REQUIRED,
	  .decode = decode_caps },
	{ .key = "eeg", .type = S_LIST, .sub = &eeg_schema,
	  .off = offsetof(struct objective, eeg),
	  .count_off = offsetof(struct objective, neeg) },
};

static const struct schema objective_schema = {
	.what = "an objective", .size = sizeof(struct objective),
	.fields = objective_fields, .nfields = NELEM(objective_fields),
	.loc_off = offsetof(struct objective, loc),
};

#define R(f) offsetof(struct role_def, f)
static const struct field role_fields[] = {
	{ .key = "id", .type = S_ID, .flags = SF_REQUIRED | SF_NO_OVERRIDE,
	  .off = R(id) },
	{ .key = "name", .type = S_TEXT, .off = R(name) },
	{ .key = "count", .type = S_INT, .off = R(count), .min = 0,
	  .max = 10000 },
	{ .key = "per_agency", .type = S_INT, .off = R(per_agency), .min = 0,
	  .max = 1000 },
	{ .key = "qualifications", .type = S_TEXTLIST,
	  .off = R(qualifications) },
	{ .key = "languages", .type = S_LANGLIST, .off = R(languages) },
	{ .key = "clearance", .type = S_ENUM, .off = R(clearance),
	  .names = doctrine_clearance_names },
	{ .key = "from", .type = S_ENUM, .off = R(source),
	  .names = source_names },
	{ .key = "excludes", .type = S_IDLIST, .off = R(excludes) },
	{ .key = "min_per_agency", .type = S_INT, .off = R(min_per_agency),
	  .min = 0, .max = 1000 },
	{ .key = "evaluates", .type = S_IDLIST, .off = R(evaluates) },
	{ .key = "continuity", .type = S_BOOL, .off = R(continuity) },
	{ .key = "multiple", .type = S_BOOL, .off = R(multiple) },
};
#undef R

const struct schema doc_role_schema = {
	.what = "a role", .size = sizeof(struct role_def),
	.fields = role_fields, .nfields = NELEM(role_fields),
	.loc_off = offsetof(struct role_def, loc),
	.init = role_init, .check = role_check,
};

#define E(f) offsetof(struct event_def, f)
static const struct field event_fields[] = {
	{ .key = "id", .type = S_ID, .flags = SF_REQUIRED | SF_NO_OVERRIDE,
	  .off = E(id) },
	{ .key = "title", .type = S_TEXT, .flags = SF_REQUIRED,
	  .off = E(title) },
	{ .key = "kind", .type = S_ENUM, .flags = SF_REQUIRED, .off = E(kind),
	  .names = doctrine_kind_names },
	{ .key = "from", .type = S_ENUM, .off = E(anchor),
	  .names = anchor_names },
	{ .key = "window", .type = S_CUSTOM, .decode = decode_window },
	{ .key = "at", .type = S_CUSTOM, .decode = decode_at },
	{ .key = "duration", .type = S_DURATION, .off = E(duration) },
	{ .key = "roles", .type = S_IDLIST, .off = E(roles) },
	{ .key = "after", .type = S_IDLIST, .off = E(after) },
	{ .key = "gap", .type = S_DURATION, .off = E(gap) },
	{ .key = "description", .type = S_TEXT, .off = E(description) },
	{ .key = "location", .type = S_TEXT, .off = E(location) },
	{ .key = "alarms", .type = S_CUSTOM, .decode = decode_event_alarms },
};
#undef E

const struct schema doc_event_schema = {
	.what = "an event", .size = sizeof(struct event_def),
	.fields = event_fields, .nfields = NELEM(event_fields),
	.loc_off = offsetof(struct event_def, loc),
	.init = event_init, .check = event_check,
};

#define I(f) offsetof(struct inject, f)
static const struct field inject_fields[] = {
	{ .key = "id", .type = S_ID, .off = I(id) },
	{ .key = "at", .type = S_SPAN, .flags = SF_REQUIRED, .off = I(at) },
	{ .key = "kind", .type = S_ENUM, .off = I(kind),
	  .names = inject_names },
	{ .key = "method", .type = S_TEXT, .off = I(method) },
	{ .key = "from", .type = S_TEXT, .off = I(from) },
	{ .key = "to", .type = S_TEXT, .off = I(to) },
	{ .key = "text", .type = S_TEXT, .flags = SF_REQUIRED, .off = I(text) },
	{ .key = "expected", .type = S_TEXT, .off = I(expected) },
	{ .key = "controller", .type = S_ID, .off = I(controller) },
	{ .key = "objective", .type = S_ID, .off = I(objective) },
};
#undef I

static const struct schema inject_schema = {
	.what = "an MSEL entry", .size = sizeof(struct inject),
	.fields = inject_fields, .nfields = NELEM(inject_fields),
	.loc_off = offsetof(struct inject, loc),
};

#define C(f) offsetof(struct check_item, f)
static const struct field item_fields[] = {
	{ .key = "id", .type = S_ID, .off = C(id) },
	{ .key = "text", .type = S_TEXT, .flags = SF_REQUIRED, .off = C(text) },
	{ .key = "owner", .type = S_ID, .flags = SF_REQUIRED, .off = C(owner) },
	{ .key = "event", .type = S_ID, .flags = SF_REQUIRED, .off = C(event) },
	{ .key = "offset", .type = S_SPAN, .off = C(offset) },
};
#undef C

static const struct schema item_schema = {
	.what = "a checklist item", .size = sizeof(struct check_item),
	.fields = item_fields, .nfields = NELEM(item_fields),
	.loc_off = offsetof(struct check_item, loc),
};

static const struct field checklist_fields[] = {
	{ .key = "id", .type = S_ID, .flags = SF_REQUIRED,
	  .off = offsetof(struct checklist, id) },
	{ .key = "title", .type = S_TEXT, .flags = SF_REQUIRED,
	  .off = offsetof(struct checklist, title) },
	{ .key = "items", .type = S_LIST, .flags = SF_REQUIRED,
	  .sub = &item_schema, .off = offsetof(struct checklist, items),
	  .count_off = offsetof(struct checklist, nitems) },
};

static const struct schema checklist_schema = {
	.what = "a checklist", .size = sizeof(struct checklist),
	.fields = checklist_fields, .nfields = NELEM(checklist_fields),
	.loc_off = offsetof(struct checklist, loc),
};

static const struct field conduct_fields[] = {
	{ .key = "days", .type = S_INT, .off = OFF(conduct_days), .min = 1,
	  .max = 30 },
	{ .key = "length", .type = S_DURATION, .off = OFF(conduct_length) },
	{ .key = "start", .type = S_CLOCK, .off = OFF(conduct_start) },
	{ .key = "weekend", .type = S_BOOL, .off = OFF(weekend_play) },
	{ .key = "title", .type = S_TEXT, .off = OFF(conduct_title) },
	{ .key = "roles", .type = S_IDLIST, .off = OFF(conduct_roles) },
};

/* Offsets are within struct template: conduct is not a struct of its own. */
const struct schema doc_conduct_schema = {
	.what = "'conduct'", .fields = conduct_fields,
	.nfields = NELEM(conduct_fields),
};

#define P(f) offsetof(struct param_def, f)
static const struct field param_fields[] = {
	{ .key = "id", .type = S_ID, .flags = SF_REQUIRED, .off = P(id) },
	{ .key = "description", .type = S_TEXT, .off = P(description) },
	{ .key = "default", .type = S_TEXT, .off = P(def) },
};
#undef P

static const struct schema param_schema = {
	.what = "a parameter", .size = sizeof(struct param_def),
	.fields = param_fields, .nfields = NELEM(param_fields),
	.loc_off = offsetof(struct param_def, loc),
};

static const char *const param_keys[] = {
	"[].id", "[].description", "[].default", NULL
};

static void
template_init(void *obj)
{
	struct template *t = obj;

	t->conduct_days = 1;
	t->conduct_length = -1;
	t->conduct_start = -1;
}

static const struct field template_fields[] = {
	{ .key = "kind", .type = S_CUSTOM, .flags = SF_REQUIRED,
	  .decode = doc_skip },
	{ .key = "version", .type = S_CUSTOM, .flags = SF_REQUIRED,
	  .decode = doc_skip },
	{ .key = "id", .type = S_ID, .flags = SF_REQUIRED, .off = OFF(id) },
	{ .key = "name", .type = S_TEXT, .flags = SF_REQUIRED, .off = OFF(name) },
	{ .key = "type", .type = S_ENUM, .flags = SF_REQUIRED, .off = OFF(type),
	  .names = doctrine_type_names },
	{ .key = "description", .type = S_TEXT, .off = OFF(description) },
	/* Read by load.c, which merges the trees before decoding. */
	{ .key = "extends", .type = S_CUSTOM, .decode = doc_skip },
	{ .key = "remove", .type = S_CUSTOM, .decode = doc_skip },
	/* Read first, by doc_template_params(): texts are checked
	 * against them as they are decoded. */
	{ .key = "parameters", .type = S_CUSTOM, .decode = doc_skip,
	  .doc_keys = param_keys },
	{ .key = "conduct", .type = S_MAP, .sub = &doc_conduct_schema },
	{ .key = "objectives", .type = S_LIST, .sub = &objective_schema,
	  .off = OFF(objectives), .count_off = OFF(nobjectives) },
	{ .key = "roles", .type = S_LIST, .sub = &doc_role_schema,
	  .off = OFF(roles), .count_off = OFF(nroles) },
	{ .key = "events", .type = S_LIST, .sub = &doc_event_schema,
	  .off = OFF(events), .count_off = OFF(nevents) },
	{ .key = "msel", .type = S_LIST, .sub = &inject_schema,
	  .off = OFF(injects), .count_off = OFF(ninjects) },
	{ .key = "checklists", .type = S_LIST, .sub = &checklist_schema,
	  .off = OFF(checklists), .count_off = OFF(nchecklists) },
	{ .key = "alarms", .type = S_CUSTOM, .decode = decode_template_alarms },
};

const struct schema doc_template_schema = {
	.what = "a Template", .size = sizeof(struct template),
	.fields = template_fields, .nfields = NELEM(template_fields),
	.loc_off = OFF(loc), .init = template_init,
};

void
doc_template_defaults(struct template *t)
{
	if (t->conduct_length < 0)
		t->conduct_length = doctrine_conduct_length(t->type);
	if (t->conduct_start < 0)
		t->conduct_start = doctrine_conduct_start(t->type);
}

int
doc_template_params(struct schema_ctx *c, const struct tnode *root,
    struct template *t)
{
	const struct tnode *n = tree_get(root, "parameters");
	size_t i, j;
	unsigned flags = c->text_flags;
	int rc = 0;

	t->params = NULL;
	t->nparams = 0;
	if (n == NULL || (n->kind == TN_SCALAR && n->plain && n->len == 0))
		return 0;
	if (n->kind != TN_SEQ) {
		schema_error(c, n, "'parameters' must be a list, not %s",
		    tree_kind_name(n));
		return -1;
	}
	/* A default may be given in several languages, but it is a value:
	 * "{{" in it is not a reference. */
	c->text_flags = SCHEMA_TEXT_LANGS;
	t->params = arena_array(c->arena, n->n + 1, sizeof(*t->params));
	for (i = 0; i < n->n; i++) {
		struct param_def *p = &t->params[t->nparams];

		if (schema_decode(c, &param_schema, n->items[i], p, NULL) == -1) {
			rc = -1;
			continue;
		}
		for (j = 0; j < t->nparams; j++)
			if (strcmp(t->params[j].id, p->id) == 0)
				break;
		if (j < t->nparams) {
			schema_error_at(c, &p->loc, "duplicate parameter id "
			    "'%s' (first at line %d)", p->id,
			    t->params[j].loc.line);
			continue;
		}
		t->nparams++;
	}
	c->text_flags = flags;
	return rc;
}

/* --- cross-checks ------------------------------------------------------ */

/* The ids a template declares of one kind (roles, events, ...), in
 * order: a reference must be one of them exactly. */
struct idlist {
	const char **v;
	size_t n;
};

static void
idlist_add(struct idlist *ns, const char *s)
{
	ns->v[ns->n++] = s;
}

/* Complain about a reference to a name that is not in ns. */
static int
check_ref(struct schema_ctx *c, const struct loc *l, const char *what,
    const char *name, const struct idlist *ns)
{
	const char *near;
	size_t i;

	for (i = 0; i < ns->n; i++)
		if (strcmp(ns->v[i], name) == 0)
			return 0;
	near = closest_word(name, ns->v, ns->n);
	if (near != NULL)
		schema_error_at(c, l, "unknown %s '%s'; did you mean '%s'?",
		    what, name, near);
	else
		schema_error_at(c, l, "unknown %s '%s'", what, name);
	return -1;
}

static void
check_refs(struct schema_ctx *c, const char *what, const struct strlist *l,
    const struct idlist *ns, const struct loc *fallback)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		check_ref(c, l->locs ? &l->locs[i] : fallback, what, l->v[i],
		    ns);
}

/* An id used twice in one list: report the second at its place. */
static void
check_unique(struct schema_ctx *c, const char *what, const char *id,
    const struct loc *l, struct idlist *seen, const struct loc *firsts)
{
	size_t i;

	for (i = 0; i < seen->n; i++) {
		if (strcmp(seen->v[i], id) != 0)
			continue;
		schema_error_at(c, l, "duplicate %s id '%s' (first at line %d)",
		    what, id, firsts[i].line);
		return;
	}
}

static void
collect_roles(struct schema_ctx *c, struct template *t, struct idlist *roles)
{
	struct loc *firsts = arena_array(c->arena, t->nroles + 1,
	    sizeof(*firsts));
	size_t i;

	for (i = 0; i < t->nroles; i++) {
		check_unique(c, "role", t->roles[i].id, &t->roles[i].loc, roles,
		    firsts);
		firsts[roles->n] = t->roles[i].loc;
		idlist_add(roles, t->roles[i].id);
	}
	for (i = 0; i < t->nroles; i++)
		check_refs(c, "role", &t->roles[i].excludes, roles,
		    &t->roles[i].loc);
	for (i = 0; i < t->nroles; i++)
		check_refs(c, "role", &t->roles[i].evaluates, roles,
		    &t->roles[i].loc);
}

static void
check_window(struct schema_ctx *c, const struct event_def *e)
{
	if (span_approx(&e->latest) < span_approx(&e->earliest))
		schema_error_at(c, &e->loc, "the window of event '%s' ends "
		    "before it starts", e->id);
}

/* Events: unique ids, "conduct" reserved, roles known, after only earlier. */
static void
collect_events(struct schema_ctx *c, struct template *t,
    const struct idlist *roles, struct idlist *events)
{
	struct loc *firsts = arena_array(c->arena, t->nevents + 1,
	    sizeof(*firsts));
	size_t i;

	for (i = 0; i < t->nevents; i++) {
		struct event_def *e = &t->events[i];

		if (strcmp(e->id, "conduct") == 0)
			schema_error_at(c, &e->loc, "event id 'conduct' is "
			    "reserved for play; choose another id");
		check_unique(c, "event", e->id, &e->loc, events, firsts);
		check_refs(c, "role", &e->roles, roles, &e->loc);
		check_refs(c, "earlier event", &e->after, events, &e->loc);
		check_window(c, e);
		firsts[events->n] = e->loc;
		idlist_add(events, e->id);
	}
	idlist_add(events, "conduct");
}

static void
check_objectives(struct schema_ctx *c, struct template *t,
    struct idlist *objs)
{
	struct loc *firsts = arena_array(c->arena, t->nobjectives + 1,
	    sizeof(*firsts));
	size_t i;

	for (i = 0; i < t->nobjectives; i++) {
		check_unique(c, "objective", t->objectives[i].id,
		    &t->objectives[i].loc, objs, firsts);
		firsts[objs->n] = t->objectives[i].loc;
		idlist_add(objs, t->objectives[i].id);
	}
}

static void
check_msel(struct schema_ctx *c, struct template *t,
    const struct idlist *roles, const struct idlist *objs)
{
	struct idlist ids = { arena_array(c->arena, t->ninjects + 1,
	    sizeof(char *)), 0 };
	struct loc *firsts = arena_array(c->arena, t->ninjects + 1,
	    sizeof(*firsts));
	size_t i;

	for (i = 0; i < t->ninjects; i++) {
		struct inject *in = &t->injects[i];

		in->seq = (int)i + 1;
		if (in->id == NULL)
			in->id = arena_printf(c->arena, "%zu", i + 1);
		check_unique(c, "MSEL", in->id, &in->loc, &ids, firsts);
		firsts[ids.n] = in->loc;
		idlist_add(&ids, in->id);
		if (in->controller != NULL)
			check_ref(c, &in->loc, "controller role",
			    in->controller, roles);
		if (in->objective != NULL)
			check_ref(c, &in->loc, "objective", in->objective,
			    objs);
	}
}

static void
check_checklists(struct schema_ctx *c, struct template *t,
    const struct idlist *roles, const struct idlist *events)
{
	struct idlist ids = { arena_array(c->arena, t->nchecklists + 1,
	    sizeof(char *)), 0 };
	struct loc *firsts = arena_array(c->arena, t->nchecklists + 1,
	    sizeof(*firsts));
	size_t i, j;

	for (i = 0; i < t->nchecklists; i++) {
		struct checklist *cl = &t->checklists[i];
		struct idlist items = { arena_array(c->arena, cl->nitems + 1,
		    sizeof(char *)), 0 };
		struct loc *ifirst = arena_array(c->arena, cl->nitems + 1,
		    sizeof(*ifirst));

		check_unique(c, "checklist", cl->id, &cl->loc, &ids, firsts);
		firsts[ids.n] = cl->loc;
		idlist_add(&ids, cl->id);
		for (j = 0; j < cl->nitems; j++) {
			struct check_item *it = &cl->items[j];

			if (it->id == NULL)
				it->id = arena_printf(c->arena, "%zu", j + 1);
			check_unique(c, "checklist item", it->id, &it->loc,
			    &items, ifirst);
			ifirst[items.n] = it->loc;
			idlist_add(&items, it->id);
			check_ref(c, &it->loc, "owner role", it->owner, roles);
			check_ref(c, &it->loc, "event", it->event, events);
		}
	}
}

void
doc_template_check(struct schema_ctx *c, const struct tnode *n,
    struct template *t)
{
	struct idlist roles, events, objs;

	(void)n;
	roles.v = arena_array(c->arena, t->nroles + 1, sizeof(char *));
	events.v = arena_array(c->arena, t->nevents + 2, sizeof(char *));
	objs.v = arena_array(c->arena, t->nobjectives + 1, sizeof(char *));
	roles.n = events.n = objs.n = 0;
	collect_roles(c, t, &roles);
	collect_events(c, t, &roles, &events);
	check_refs(c, "role", &t->conduct_roles, &roles, &t->loc);
	check_objectives(c, t, &objs);
	check_msel(c, t, &roles, &objs);
	check_checklists(c, t, &roles, &events);
	if (t->conduct_title == NULL)
		t->conduct_title = arena_strdup(c->arena, "Exercise conduct");
}
