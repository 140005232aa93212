/* doc_calendar.c: the keys of a Calendar document: public-holiday rules. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"

static const char *const *
weekday_names(size_t *n)
{
	static const char *const v[] = {
		"mon", "tue", "wed", "thu", "fri", "sat", "sun"
	};

	*n = NELEM(v);
	return v;
}

static const char *const *
easter_names(size_t *n)
{
	static const char *const v[] = { "western", "orthodox" };

	*n = NELEM(v);
	return v;
}

static const char *const *
observed_names(size_t *n)
{
	static const char *const v[] = {
		"none", "nearest-weekday", "next-monday", "sunday-to-monday"
	};

	*n = NELEM(v);
	return v;
}

/* date: "MM-DD" every year, or "YYYY-MM-DD" once. */
static int
decode_holiday_date(struct schema_ctx *c, const struct tnode *n, void *obj)
{
	struct holiday_rule *r = obj;
	char *cause = NULL, buf[16];

	if (n->kind != TN_SCALAR) {
		schema_error(c, n, "'date' must be MM-DD or YYYY-MM-DD");
		return -1;
	}
	if (n->len == 5 && n->str[2] == '-') {
		snprintf(buf, sizeof(buf), "2000-%s", n->str);
		if (date_parse(buf, &r->date, &cause) == -1) {
			schema_error(c, n, "'%s' is not a day of the year "
			    "(MM-DD)", n->str);
			free(cause);
			return -1;
		}
		r->kind = HOL_FIXED;
		r->month = (n->str[0] - '0') * 10 + (n->str[1] - '0');
		r->day = (n->str[3] - '0') * 10 + (n->str[4] - '0');
		return 0;
	}
	if (date_parse(n->str, &r->date, &cause) == -1) {
		schema_error(c, n, "%s", cause);
		free(cause);
		return -1;
	}
	r->kind = HOL_DATE;
	return 0;
}

static int
decode_nth(struct schema_ctx *c, const struct tnode *n, void *obj)
{
	struct holiday_rule *r = obj;

	if (n->kind == TN_SCALAR && strcmp(n->str, "last") == 0) {
		r->nth = -1;
		return 0;
	}
	if (n->kind == TN_SCALAR && n->len == 1 && n->str[0] >= '1' &&
	    n->str[0] <= '5') {
		r->nth = n->str[0] - '0';
		return 0;
	}
	schema_error(c, n, "'nth' must be 1 to 5 or 'last'");
	return -1;
}

static const struct schema doc_holiday_schema;

static void
holiday_check(struct schema_ctx *c, const struct tnode *n, void *obj,
    uint64_t seen)
{
	const struct schema *s = &doc_holiday_schema;
	struct holiday_rule *r = obj;
	int ways = !!(seen & schema_bit(s, "date")) +
	    !!(seen & schema_bit(s, "easter")) +
	    !!(seen & schema_bit(s, "nth"));

	if (ways != 1) {
		schema_error(c, n, "a holiday needs exactly one of 'date', "
		    "'easter' or 'month' with 'nth' and 'weekday'");
		return;
	}
	if (seen & schema_bit(s, "easter"))
		r->kind = r->kind == 1 ? HOL_ORTHODOX : HOL_EASTER;
	if ((seen & schema_bit(s, "nth")) && (!(seen & schema_bit(s, "month"))
	    || !(seen & schema_bit(s, "weekday")))) {
		schema_error(c, n, "'nth' needs 'month' and 'weekday'");
		return;
	}
	if (seen & schema_bit(s, "nth"))
		r->kind = HOL_NTH;
	if (r->to_year && r->from_year > r->to_year)
		schema_error(c, n, "'to' is before 'from'");
}

#define H(f) offsetof(struct holiday_rule, f)
static const struct field holiday_fields[] = {
	{ .key = "name", .type = S_TEXT, .flags = SF_REQUIRED, .off = H(name) },
	{ .key = "date", .type = S_CUSTOM, .decode = decode_holiday_date },
	{ .key = "month", .type = S_INT, .off = H(month), .min = 1, .max = 12 },
	{ .key = "nth", .type = S_CUSTOM, .decode = decode_nth },
	{ .key = "weekday", .type = S_ENUM, .off = H(weekday),
	  .names = weekday_names },
	/* The enum lands in kind first (0 western, 1 orthodox); the check
	 * turns it into HOL_EASTER or HOL_ORTHODOX. */
	{ .key = "easter", .type = S_ENUM, .off = H(kind),
	  .names = easter_names },
	{ .key = "offset", .type = S_INT, .off = H(offset), .min = -400,
	  .max = 400 },
	{ .key = "observed", .type = S_ENUM, .off = H(observed),
	  .names = observed_names },
	{ .key = "from", .type = S_INT, .off = H(from_year),
	  .min = DATE_MIN_YEAR, .max = DATE_MAX_YEAR },
	{ .key = "to", .type = S_INT, .off = H(to_year), .min = DATE_MIN_YEAR,
	  .max = DATE_MAX_YEAR },
	{ .key = "every", .type = S_INT, .off = H(every), .min = 1, .max = 100 },
};
#undef H

static const struct schema doc_holiday_schema = {
	.what = "a holiday", .size = sizeof(struct holiday_rule),
	.fields = holiday_fields, .nfields = NELEM(holiday_fields),
	.loc_off = offsetof(struct holiday_rule, loc), .check = holiday_check,
};

#define CL(f) offsetof(struct holiday_calendar, f)
static const struct field calendar_fields[] = {
	{ .key = "kind", .type = S_CUSTOM, .flags = SF_REQUIRED,
	  .decode = doc_skip },
	{ .key = "version", .type = S_CUSTOM, .flags = SF_REQUIRED,
	  .decode = doc_skip },
	{ .key = "id", .type = S_ID, .flags = SF_REQUIRED, .off = CL(id) },
	{ .key = "name", .type = S_TEXT, .flags = SF_REQUIRED,
	  .off = CL(name) },
	{ .key = "country", .type = S_COUNTRY, .off = CL(country) },
	{ .key = "holidays", .type = S_LIST, .flags = SF_REQUIRED,
	  .sub = &doc_holiday_schema, .off = CL(rules),
	  .count_off = CL(nrules) },
};
#undef CL

const struct schema doc_calendar_schema = {
	.what = "a Calendar", .size = sizeof(struct holiday_calendar),
	.fields = calendar_fields, .nfields = NELEM(calendar_fields),
	.loc_off = offsetof(struct holiday_calendar, loc),
};
