/* doc_roster.c: the keys of a Roster document: agencies and their people. */
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "doctrine.h"

static const char *const day_names[7] = {
	"mon", "tue", "wed", "thu", "fri", "sat", "sun"
};

static int
day_index(const char *s)
{
	int i;

	for (i = 0; i < 7; i++)
		if (strcaseeq(day_names[i], s))
			return i;
	return -1;
}

static int
bad_day(struct schema_ctx *c, const struct tnode *n, const char *s)
{
	const char *near = closest_word(s, day_names, 7);

	if (near != NULL)
		schema_error(c, n, "unknown day '%s'; did you mean '%s'?", s,
		    near);
	else
		schema_error(c, n, "unknown day '%s'; use mon, tue, wed, thu, "
		    "fri, sat or sun", s);
	return -1;
}

/* "mon-fri", "sun-thu" (wrapping), or a list of days. */
static int
decode_days_range(struct schema_ctx *c, const struct tnode *n, uint8_t *out)
{
	const char *dash = strchr(n->str, '-');
	char first[8];
	int a, b, i;

	if (dash == NULL || (size_t)(dash - n->str) >= sizeof(first)) {
		if ((a = day_index(n->str)) < 0)
			return bad_day(c, n, n->str);
		*out = (uint8_t)(1u << a);
		return 0;
	}
	memcpy(first, n->str, (size_t)(dash - n->str));
	first[dash - n->str] = '\0';
	if ((a = day_index(first)) < 0)
		return bad_day(c, n, first);
	if ((b = day_index(dash + 1)) < 0)
		return bad_day(c, n, dash + 1);
	*out = 0;
	for (i = a; ; i = (i + 1) % 7) {
		*out |= (uint8_t)(1u << i);
		if (i == b)
			break;
	}
	return 0;
}

static int
decode_workdays(struct schema_ctx *c, const struct tnode *n, void *obj)
{
	struct agency *ag = obj;
	uint8_t days = 0, one;
	size_t i;

	if (n->kind == TN_SCALAR) {
		if (decode_days_range(c, n, &days) == -1)
			return -1;
	} else if (n->kind == TN_SEQ) {
		for (i = 0; i < n->n; i++) {
			if (n->items[i]->kind != TN_SCALAR) {
				schema_error(c, n->items[i], "a working day "
				    "must be text such as 'mon'");
				return -1;
			}
			if (decode_days_range(c, n->items[i], &one) == -1)
				return -1;
			days |= one;
		}
	} else {
		schema_error(c, n, "'workdays' must be a range such as "
		    "'mon-fri' or a list of days");
		return -1;
	}
	if (days == 0) {
		schema_error(c, n, "an agency needs at least one working day");
		return -1;
	}
	ag->workdays = days;
	return 0;
}

/* "08:00-17:00": working hours, end after start. */
static int
decode_hours(struct schema_ctx *c, const struct tnode *n, void *obj)
{
	struct agency *ag = obj;
	const char *dash;
	char first[16], *cause = NULL;
	int a, b;

	if (n->kind != TN_SCALAR || (dash = strchr(n->str, '-')) == NULL ||
	    (size_t)(dash - n->str) >= sizeof(first)) {
		schema_error(c, n, "'hours' must be a range of clock times "
		    "such as '08:00-17:00'");
		return -1;
	}
	memcpy(first, n->str, (size_t)(dash - n->str));
	first[dash - n->str] = '\0';
	if (clock_parse(first, &a, &cause) == -1 ||
	    clock_parse(dash + 1, &b, &cause) == -1) {
		schema_error(c, n, "%s", cause);
		free(cause);
		return -1;
	}
	if (b == a) {
		schema_error(c, n, "working hours '%s' are empty: an agency "
		    "needs some working time", n->str);
		return -1;
	}
	if (b < a) {
		schema_error(c, n, "working hours '%s' end before they start",
		    n->str);
		return -1;
	}
	ag->day_start = a;
	ag->day_end = b;
	return 0;
}

/* One range: "2027-03-09..2027-03-12", "2027-03-09", or {from, to, reason}. */
static int
decode_range(struct schema_ctx *c, const struct tnode *n, struct range *r)
{
	const struct tnode *from = n, *to = NULL, *why = NULL;
	const char *dots;
	char *cause = NULL, first[16];
	size_t i;

	r->loc.file = n->file;
	r->loc.line = n->line;
	r->loc.col = n->col;
	if (n->kind == TN_MAP) {
		from = to = NULL;
		for (i = 0; i < n->n; i++) {
			const char *k = n->keys[i]->str;

			if (strcmp(k, "from") == 0)
				from = n->vals[i];
			else if (strcmp(k, "to") == 0)
				to = n->vals[i];
			else if (strcmp(k, "reason") == 0)
				why = n->vals[i];
			else {
				schema_error(c, n->keys[i], "unknown key '%s' "
				    "in a date range; expected 'from', 'to' "
				    "or 'reason'", k);
				return -1;
			}
		}
		if (from == NULL) {
			schema_error(c, n, "a date range needs 'from'");
			return -1;
		}
		if (to == NULL)
			to = from;
		if (from->kind != TN_SCALAR || to->kind != TN_SCALAR ||
		    (why != NULL && why->kind != TN_SCALAR)) {
			schema_error(c, n, "'from', 'to' and 'reason' of a "
			    "date range must be single values");
			return -1;
		}
		if (date_parse(from->str, &r->from, &cause) == -1 ||
		    date_parse(to->str, &r->to, &cause) == -1)
			goto bad;
		if (why != NULL)
			r->reason = arena_strdup(c->arena, why->str);
	} else if (n->kind == TN_SCALAR) {
		if ((dots = strstr(n->str, "..")) == NULL) {
			if (date_parse(n->str, &r->from, &cause) == -1)
				goto bad;
			r->to = r->from;
		} else {
			if ((size_t)(dots - n->str) >= sizeof(first)) {
				cause = xasprintf("bad date range '%s'", n->str);
				goto bad;
			}
			memcpy(first, n->str, (size_t)(dots - n->str));
			first[dots - n->str] = '\0';
			if (date_parse(first, &r->from, &cause) == -1 ||
			    date_parse(dots + 2, &r->to, &cause) == -1)
				goto bad;
		}
	} else {
		schema_error(c, n, "a date range must be text such as "
		    "'2027-03-09..2027-03-12' or a mapping");
		return -1;
	}
	if (r->to < r->from) {
		schema_error(c, n, "date range ends before it starts");
		return -1;
	}
	return 0;
bad:
	schema_error(c, n, "%s", cause);
	free(cause);
	return -1;
}

/* A list of ranges, or one range alone. */
int
doc_ranges(struct schema_ctx *c, const struct tnode *n, struct range **out,
    size_t *nout)
{
	size_t cnt = n->kind == TN_SEQ ? n->n : 1, i;
	int rc = 0;

	*out = arena_array(c->arena, cnt, sizeof(struct range));
	*nout = 0;
	for (i = 0; i < cnt; i++) {
		const struct tnode *item = n->kind == TN_SEQ ? n->items[i] : n;

		if (decode_range(c, item, &(*out)[*nout]) == -1)
			rc = -1;
		else
			(*nout)++;
	}
	return rc;
}

static int
decode_blackouts(struct schema_ctx *c, const struct tnode *n, void *obj)
{
	struct agency *ag = obj;

	return doc_ranges(c, n, &ag->blackouts, &ag->nblackouts);
}

static int
decode_unavailable(struct schema_ctx *c, const struct tnode *n, void *obj)
{
	struct person *p = obj;

	return doc_ranges(c, n, &p->unavailable, &p->nunavailable);
}

static int
decode_person_agency(struct schema_ctx *c, const struct tnode *n, void *obj)
{
	struct person *p = obj;
	char *id;

	if (schema_id(c, n, "agency", &id) == -1)
		return -1;
	doc_ref_agency(c, n, &p->agency);
	return 0;
}

#define CT(f) offsetof(struct contact, f)
static const struct field contact_fields[] = {
	{ .key = "name", .type = S_TEXT, .off = CT(name) },
	{ .key = "email", .type = S_EMAIL, .off = CT(email) },
	{ .key = "phone", .type = S_TEXT, .off = CT(phone) },
};
#undef CT

static const struct schema contact_schema = {
	.what = "a contact", .fields = contact_fields,
	.nfields = NELEM(contact_fields),
};

static void
agency_init(void *obj)
{
	struct agency *ag = obj;

	ag->workdays = 0x1f;	/* Monday to Friday */
	ag->day_start = 8 * 60;
	ag->day_end = 17 * 60;
}

#define A(f) offsetof(struct agency, f)
static const struct field agency_fields[] = {
	{ .key = "id", .type = S_ID, .flags = SF_REQUIRED, .off = A(id) },
	{ .key = "name", .type = S_TEXT, .flags = SF_REQUIRED, .off = A(name) },
	{ .key = "country", .type = S_COUNTRY, .flags = SF_REQUIRED,
	  .off = A(country) },
	{ .key = "timezone", .type = S_TZ, .flags = SF_REQUIRED,
	  .off = A(timezone) },
	{ .key = "workdays", .type = S_CUSTOM, .decode = decode_workdays },
	{ .key = "hours", .type = S_CUSTOM, .decode = decode_hours },
	{ .key = "holidays", .type = S_TEXTLIST, .off = A(holidays) },
	{ .key = "blackouts", .type = S_CUSTOM, .decode = decode_blackouts },
	{ .key = "contact", .type = S_MAP, .sub = &contact_schema,
	  .off = A(contact) },
};
#undef A

static const struct schema agency_schema = {
	.what = "an agency", .size = sizeof(struct agency),
	.fields = agency_fields, .nfields = NELEM(agency_fields),
	.loc_off = offsetof(struct agency, loc), .init = agency_init,
};

static void
person_check(struct schema_ctx *c, const struct tnode *n, void *obj,
    uint64_t seen)
{
	struct person *p = obj;

	(void)n, (void)seen;
	if (p->languages.n == 0) {
		p->languages.v = arena_array(c->arena, 1, sizeof(char *));
		p->languages.v[0] = arena_strdup(c->arena, "en");
		p->languages.n = 1;
	}
}

#define P(f) offsetof(struct person, f)
static const struct field person_fields[] = {
	{ .key = "id", .type = S_ID, .flags = SF_REQUIRED, .off = P(id) },
	{ .key = "name", .type = S_TEXT, .flags = SF_REQUIRED, .off = P(name) },
	{ .key = "email", .type = S_EMAIL, .flags = SF_REQUIRED,
	  .off = P(email) },
	{ .key = "phone", .type = S_TEXT, .off = P(phone) },
	{ .key = "agency", .type = S_CUSTOM, .flags = SF_REQUIRED,
	  .decode = decode_person_agency },
	{ .key = "languages", .type = S_LANGLIST, .off = P(languages) },
	{ .key = "qualifications", .type = S_TEXTLIST,
	  .off = P(qualifications) },
	{ .key = "clearance", .type = S_ENUM, .off = P(clearance),
	  .names = doctrine_clearance_names },
	{ .key = "unavailable", .type = S_CUSTOM, .decode = decode_unavailable },
	{ .key = "max_exercises", .type = S_INT, .off = P(max_exercises),
	  .min = 0, .max = 1000 },
	{ .key = "prefers", .type = S_IDLIST, .off = P(prefers) },
	{ .key = "avoids", .type = S_IDLIST, .off = P(avoids) },
};
#undef P

static const struct schema person_schema = {
	.what = "a person", .size = sizeof(struct person),
	.fields = person_fields, .nfields = NELEM(person_fields),
	.loc_off = offsetof(struct person, loc), .check = person_check,
};

#define RD(f) offsetof(struct roster_doc, f)
static const struct field roster_fields[] = {
	{ .key = "kind", .type = S_CUSTOM, .flags = SF_REQUIRED,
	  .decode = doc_skip },
	{ .key = "version", .type = S_CUSTOM, .flags = SF_REQUIRED,
	  .decode = doc_skip },
	{ .key = "name", .type = S_TEXT, .off = RD(name) },
	{ .key = "agencies", .type = S_LIST, .sub = &agency_schema,
	  .off = RD(agencies), .count_off = RD(nagencies) },
	{ .key = "people", .type = S_LIST, .sub = &person_schema,
	  .off = RD(people), .count_off = RD(npeople) },
};
#undef RD

const struct schema doc_roster_schema = {
	.what = "a Roster", .size = sizeof(struct roster_doc),
	.fields = roster_fields, .nfields = NELEM(roster_fields),
};
