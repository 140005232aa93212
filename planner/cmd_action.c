/* cmd_action.c: planner action add|update|list: the Improvement Plan's corrective actions. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "cmd_db.h"
#include "doctrine.h"
#include "msg.h"
#include "table.h"

/* Capability elements (POETE), as HSEEP's Improvement Plan names them. */
static const char *const elements[] = { "planning", "organization",
	"equipment", "training", "exercise" };
static const char *const statuses[] = { "open", "in-progress", "closed" };

/* Options of add and update: NULL when not given, "" to clear. */
struct action_opts {
	const char *verb;
	const char *target;	/* exercise (add, list) or action (update) */
	const char *text, *capability, *observation, *recommendation;
	const char *element, *owner, *agency, *poc, *start, *due, *status;
	const char *note, *by;
	int json, open;
};

static const struct {
	const char *name;
	size_t off;
	const char *verbs;	/* first letters of the verbs taking it */
} options[] = {
	{ "--action", offsetof(struct action_opts, text), "au" },
	{ "--capability", offsetof(struct action_opts, capability), "au" },
	{ "--observation", offsetof(struct action_opts, observation), "au" },
	{ "--recommendation", offsetof(struct action_opts, recommendation),
	    "au" },
	{ "--element", offsetof(struct action_opts, element), "au" },
	{ "--owner", offsetof(struct action_opts, owner), "au" },
	{ "--agency", offsetof(struct action_opts, agency), "au" },
	{ "--poc", offsetof(struct action_opts, poc), "au" },
	{ "--start", offsetof(struct action_opts, start), "au" },
	{ "--due", offsetof(struct action_opts, due), "au" },
	{ "--status", offsetof(struct action_opts, status), "aul" },
	{ "--note", offsetof(struct action_opts, note), "u" },
	{ "--by", offsetof(struct action_opts, by), "u" },
};

static int
parse_opts(int argc, char **argv, struct action_opts *o)
{
	const struct cmd_entry *c = &cmd_action_entry;
	size_t k;
	int i, missing, positional = 0;

	if (argc < 2)
		return cmd_usage_error(c, "expected add, update or list");
	o->verb = argv[1];
	if (strcmp(o->verb, "add") != 0 && strcmp(o->verb, "update") != 0 &&
	    strcmp(o->verb, "list") != 0)
		return cmd_usage_error(c, "unknown action command '%s': "
		    "expected add, update or list", o->verb);
	for (i = 2; i < argc; i++) {
		const char *v = NULL;

		if (o->verb[0] == 'l' && strcmp(argv[i], "--json") == 0) {
			o->json = 1;
			continue;
		}
		if (o->verb[0] == 'l' && strcmp(argv[i], "--open") == 0) {
			o->open = 1;
			continue;
		}
		for (k = 0; k < NELEM(options); k++) {
			if (strchr(options[k].verbs, o->verb[0]) == NULL)
				continue;
			v = cmd_db_opt(argc, argv, &i, options[k].name,
			    &missing);
			if (missing)
				return cmd_usage_error(c, "'%s' needs a value",
				    options[k].name);
			if (v != NULL) {
				*(const char **)((char *)o + options[k].off) =
				    v;
				break;
			}
		}
		if (v != NULL)
			continue;
		if (argv[i][0] == '-' && argv[i][1] != '\0')
			return cmd_usage_error(c, "unknown option '%s' for "
			    "'action %s'", argv[i], o->verb);
		if (positional == 0)
			o->target = argv[i];
		else if (positional == 1 && o->verb[0] == 'a' &&
		    o->text == NULL)
			o->text = argv[i];
		else
			return cmd_usage_error(c, "unexpected argument '%s'",
			    argv[i]);
		positional++;
	}
	if (o->target == NULL && o->verb[0] != 'l')
		return cmd_usage_error(c, "'action %s' needs %s", o->verb,
		    o->verb[0] == 'a' ? "an exercise" : "an action number");
	return 0;
}

/* --- checking values ------------------------------------------------ */

/* s as one of names, or a near miss in *cause. */
static const char *
pick(const char *what, const char *s, const char *const *names, size_t n,
    char **cause)
{
	const char *near;
	size_t i;

	for (i = 0; i < n; i++)
		if (strcaseeq(s, names[i]))
			return names[i];
	if ((near = closest_word(s, names, n)) != NULL)
		*cause = xasprintf("unknown %s '%s'; did you mean '%s'?", what,
		    s, near);
	else
		*cause = xasprintf("unknown %s '%s'", what, s);
	return NULL;
}

static const struct store_agency *
find_agency(const struct store_rev *r, const char *id)
{
	size_t i;

	for (i = 0; i < r->nagencies; i++)
		if (streq(r->agencies[i].id, id))
			return &r->agencies[i];
	return NULL;
}

static char *
unknown(const struct store_rev *r, const char *what, const char *id,
    int people, int agencies)
{
	const char **ids = xcalloc(r->npeople + r->nagencies + 1,
	    sizeof(char *));
	const char *near;
	char *cause;
	size_t i, n = 0;

	for (i = 0; people && i < r->npeople; i++)
		ids[n++] = r->people[i].id;
	for (i = 0; agencies && i < r->nagencies; i++)
		ids[n++] = r->agencies[i].id;
	if ((near = closest_word(id, ids, n)) != NULL)
		cause = xasprintf("unknown %s '%s' in '%s'; did you mean "
		    "'%s'?", what, id, r->exercise, near);
	else
		cause = xasprintf("unknown %s '%s': not in the rosters of '%s'",
		    what, id, r->exercise);
	free(ids);
	return cause;
}

static int
check_date(const char *what, const char *s, char **cause)
{
	char *why = NULL;
	pdate d;

	if (date_parse(s, &d, &why) == 0)
		return 0;
	*cause = xasprintf("bad %s date '%s': %s", what, s, why);
	free(why);
	return -1;
}

/* "" clears a field; NULL leaves it. */
static char *
value(struct arena *a, const char *opt, char *old)
{
	if (opt == NULL)
		return old;
	return opt[0] == '\0' ? NULL : arena_strdup(a, opt);
}

/*
 * Apply the options to a (a copy of the stored action, or an empty one)
 * and check the result against the exercise's latest revision r.
 */
static int
apply(struct action_opts *o, struct store_action *a, const struct store_rev *r,
    struct arena *ar, const char *now, char **cause)
{
	const char *v;
	int cap;

	a->action = value(ar, o->text, a->action);
	a->observation = value(ar, o->observation, a->observation);
	a->recommendation = value(ar, o->recommendation, a->recommendation);
	a->start = value(ar, o->start, a->start);
	a->due = value(ar, o->due, a->due);
	a->agency = value(ar, o->agency, a->agency);
	a->poc = value(ar, o->poc, a->poc);
	if (o->capability != NULL && o->capability[0] != '\0') {
		if ((cap = doctrine_cap_parse(o->capability)) < 0) {
			size_t n;
			const char *const *names = doctrine_cap_names(&n);

			pick("core capability", o->capability, names, n, cause);
			return -1;
		}
		a->capability = arena_strdup(ar, doctrine_cap_name(cap));
	} else
		a->capability = value(ar, o->capability, a->capability);
	if (o->element != NULL && o->element[0] != '\0') {
		const char *e = o->element;

		/* HSEEP writes POETE's elements in the plural too. */
		if (strcaseeq(e, "organisation"))
			e = "organization";
		else if (strcaseeq(e, "exercises"))
			e = "exercise";
		if ((v = pick("capability element", e, elements,
		    NELEM(elements), cause)) == NULL)
			return -1;
		a->element = arena_strdup(ar, v);
	} else
		a->element = value(ar, o->element, a->element);
	if (o->status != NULL) {
		if ((v = pick("status", o->status, statuses, NELEM(statuses),
		    cause)) == NULL)
			return -1;
		if (!streq(v, a->status))
			a->closed = streq(v, "closed") ? arena_strdup(ar, now) :
			    NULL;
		a->status = arena_strdup(ar, v);
	}
	if (o->owner != NULL) {
		const struct store_person *p = cmd_db_person(r, o->owner);

		if (p != NULL) {
			a->poc = arena_strdup(ar, p->id);
			if (o->agency == NULL && p->agency != NULL)
				a->agency = arena_strdup(ar, p->agency);
		} else if (find_agency(r, o->owner) != NULL) {
			a->agency = arena_strdup(ar, o->owner);
			if (o->poc == NULL)
				a->poc = NULL;
		} else {
			*cause = unknown(r, "owner", o->owner, 1, 1);
			return -1;
		}
	}
	if (a->action == NULL) {
		*cause = xstrdup("a corrective action needs its text: TEXT or "
		    "--action TEXT");
		return -1;
	}
	if (a->agency == NULL && a->poc == NULL) {
		*cause = xstrdup("a corrective action needs an owner: --owner, "
		    "--poc PERSON or --agency AGENCY");
		return -1;
	}
	if (a->due == NULL) {
		*cause = xstrdup("a corrective action needs a due date: --due "
		    "YYYY-MM-DD");
		return -1;
	}
	if (a->poc != NULL && cmd_db_person(r, a->poc) == NULL) {
		*cause = unknown(r, "person", a->poc, 1, 0);
		return -1;
	}
	if (a->agency != NULL && find_agency(r, a->agency) == NULL) {
		*cause = unknown(r, "agency", a->agency, 0, 1);
		return -1;
	}
	if (check_date("due", a->due, cause) == -1 ||
	    (a->start != NULL && check_date("start", a->start, cause) == -1))
		return -1;
	if (a->start != NULL && strcmp(a->start, a->due) > 0) {
		*cause = xasprintf("due date '%s' is before the start date "
		    "'%s'", a->due, a->start);
		return -1;
	}
	return 0;
}

static const char *
owner_of(const struct store_action *a)
{
	return a->poc != NULL ? a->poc : a->agency;
}

/* --- the verbs ------------------------------------------------------ */

static int
action_add(struct store *s, struct action_opts *o, const char *now,
    char **cause)
{
	struct store_action a = {0};
	struct store_rev *r = NULL;
	struct arena *ar = arena_new();
	int rc = -1;

	if (store_begin(s, cause) == -1)
		goto out;
	if (store_get_revision(s, o->target, 0, 0, &r, cause) == -1)
		goto out;
	a.exercise = r->exercise;
	a.status = "open";
	a.created = a.updated = (char *)now;
	if (apply(o, &a, r, ar, now, cause) == -1 ||
	    store_action_add(s, &a, cause) == -1 ||
	    store_commit(s, cause) == -1)
		goto out;
	msg_line("added A%lld to %s: %s (owner %s, due %s, %s)",
	    (long long)a.no, a.exercise, a.action, owner_of(&a), a.due,
	    a.status);
	rc = 0;
out:
	store_rollback(s);
	store_rev_free(r);
	arena_free(ar);
	return rc;
}

static int
action_update(struct store *s, struct action_opts *o, const char *now,
    char **cause)
{
	static const char *const names[] = { "capability", "observation",
		"recommendation", "action", "element", "agency", "poc",
		"start", "due", "status" };
	struct store_actions *l = NULL;
	struct store_rev *r = NULL;
	struct arena *ar = arena_new();
	struct store_action a;
	const struct store_action *old;
	struct sb b = {0};
	int64_t no = cmd_db_number(o->target, "Aa#");
	size_t i;
	int rc = -1;

	if (no <= 0) {
		*cause = xasprintf("bad corrective action '%s': expected its "
		    "number, as A3 or 3", o->target);
		goto out;
	}
	if (store_begin(s, cause) == -1 ||
	    store_actions(s, NULL, no, &l, cause) == -1 ||
	    store_get_revision(s, l->v[0].exercise, 0, 0, &r, cause) == -1)
		goto out;
	old = &l->v[0];
	a = *old;
	a.updated = (char *)now;
	if (o->by != NULL && cmd_db_person(r, o->by) == NULL) {
		*cause = unknown(r, "person", o->by, 1, 0);
		goto out;
	}
	if (apply(o, &a, r, ar, now, cause) == -1)
		goto out;
	{
		const char *before[] = { old->capability, old->observation,
			old->recommendation, old->action, old->element,
			old->agency, old->poc, old->start, old->due,
			old->status };
		const char *after[] = { a.capability, a.observation,
			a.recommendation, a.action, a.element, a.agency,
			a.poc, a.start, a.due, a.status };

		for (i = 0; i < NELEM(names); i++) {
			if (streq(before[i], after[i]))
				continue;
			sb_printf(&b, "%s%s %s -> %s", b.len > 0 ? ", " : "",
			    names[i], before[i] != NULL ? before[i] : "-",
			    after[i] != NULL ? after[i] : "-");
		}
	}
	if (b.len == 0 && o->note == NULL) {
		printf("unchanged: A%lld\n", (long long)no);
		rc = 0;
		goto out;
	}
	if (store_action_update(s, old, &a, now, o->by, o->note, cause) == -1 ||
	    store_commit(s, cause) == -1)
		goto out;
	msg_line("updated A%lld: %s", (long long)no, b.len > 0 ? sb_str(&b) :
	    "note added");
	rc = 0;
out:
	store_rollback(s);
	sb_free(&b);
	store_actions_free(l);
	store_rev_free(r);
	arena_free(ar);
	return rc;
}

static void
list_json(const struct store_actions *l, const struct action_opts *o)
{
	struct out_json *root = out_json_object(), *arr = out_json_array();
	size_t i;

	for (i = 0; i < l->n; i++) {
		const struct store_action *a = &l->v[i];
		struct out_json *j;

		if ((o->status != NULL && !streq(a->status, o->status)) ||
		    (o->open && streq(a->status, "closed")))
			continue;
		j = out_json_object();
		out_json_set_int(j, "no", a->no);
		out_json_set_str(j, "exercise", a->exercise);
		out_json_set_str(j, "capability", a->capability);
		out_json_set_str(j, "observation", a->observation);
		out_json_set_str(j, "recommendation", a->recommendation);
		out_json_set_str(j, "action", a->action);
		out_json_set_str(j, "element", a->element);
		out_json_set_str(j, "agency", a->agency);
		out_json_set_str(j, "poc", a->poc);
		out_json_set_str(j, "start", a->start);
		out_json_set_str(j, "due", a->due);
		out_json_set_str(j, "status", a->status);
		out_json_set_str(j, "created", a->created);
		out_json_set_str(j, "updated", a->updated);
		out_json_set_str(j, "closed", a->closed);
		out_json_push(arr, j);
	}
	out_json_set(root, "actions", arr);
	cmd_db_print_json(root);
}

static void
list_table(const struct store_actions *l, const struct action_opts *o)
{
	struct table *t = table_new();
	char *text;
	size_t i, n = 0;

	table_row(t);
	table_cell(t, "NO");
	table_cell(t, "EXERCISE");
	table_cell(t, "STATUS");
	table_cell(t, "DUE");
	table_cell(t, "OWNER");
	table_cell(t, "ELEMENT");
	table_cell(t, "CAPABILITY");
	table_cell(t, "ACTION");
	for (i = 0; i < l->n; i++) {
		const struct store_action *a = &l->v[i];

		if ((o->status != NULL && !streq(a->status, o->status)) ||
		    (o->open && streq(a->status, "closed")))
			continue;
		n++;
		table_row(t);
		table_cellf(t, "A%lld", (long long)a->no);
		table_cell(t, a->exercise);
		table_cell(t, a->status);
		table_cell(t, a->due);
		table_cell(t, owner_of(a));
		table_cell(t, a->element);
		table_cell(t, a->capability);
		table_cell(t, a->action);
	}
	if (n == 0)
		printf("no corrective actions\n");
	else {
		text = table_text(t, "");
		fputs(text, stdout);
		free(text);
	}
	table_free(t);
}

static int
action_list(struct store *s, struct action_opts *o, char **cause)
{
	struct store_actions *l = NULL;
	char *why = NULL;
	int latest;

	if (o->status != NULL && (o->status = pick("status", o->status,
	    statuses, NELEM(statuses), &why)) == NULL) {
		*cause = why;
		return -1;
	}
	if (store_begin_read(s, cause) == -1)
		return -1;
	if (o->target != NULL) {
		if (store_latest(s, o->target, &latest, cause) == -1)
			return -1;
		if (latest == 0) {
			*cause = xasprintf("no exercise '%s' in '%s'",
			    o->target, store_path(s));
			return -1;
		}
	}
	if (store_actions(s, o->target, 0, &l, cause) == -1)
		return -1;
	if (o->json)
		list_json(l, o);
	else
		list_table(l, o);
	store_actions_free(l);
	return 0;
}

static int
cmd_action(const char *db, int argc, char **argv)
{
	struct action_opts o = {0};
	struct store *s;
	char *cause = NULL, now[21];
	ptime t;
	int rc;

	if ((rc = parse_opts(argc, argv, &o)) != 0)
		return rc;
	if (cmd_db_now(&t) == -1)
		return EXIT_INPUT;
	time_format_utc(t, now);
	if ((s = cmd_db_open(db, STORE_EXISTING)) == NULL)
		return EXIT_INPUT;
	if (o.verb[0] == 'a')
		rc = action_add(s, &o, now, &cause);
	else if (o.verb[0] == 'u')
		rc = action_update(s, &o, now, &cause);
	else
		rc = action_list(s, &o, &cause);
	store_close(s);
	return rc == -1 ? cmd_db_fail(cause) : 0;
}

const struct cmd_entry cmd_action_entry = {
	.name = "action",
	.args = "(add EXERCISE [TEXT] | update ACTION | list [EXERCISE]) "
	    "[OPTION...] [--db FILE]",
	.summary =
	    "Add, update and list corrective actions (Improvement Plan).",
	.help =
	    "Each corrective action of an exercise's Improvement Plan is\n"
	    "numbered (A1, A2, ...). It needs its text, an owner and a due\n"
	    "date; owners are ids from the rosters of the exercise's latest\n"
	    "revision. Every change is kept with its time and who made it.\n"
	    "\n"
	    "  action add EXERCISE [TEXT] OPTION...\n"
	    "  action update ACTION OPTION... [--note TEXT] [--by PERSON]\n"
	    "  action list [EXERCISE] [--status STATUS | --open] [--json]\n"
	    "\n"
	    "options of add and update (an empty value clears one):\n"
	    "  --action TEXT          the corrective action (or TEXT)\n"
	    "  --capability NAME      core capability, e.g. 'Screening,\n"
	    "                         Search, and Detection'\n"
	    "  --observation TEXT     what was observed\n"
	    "  --recommendation TEXT  what the evaluators recommend\n"
	    "  --element ELEMENT      planning, organization, equipment,\n"
	    "                         training or exercise\n"
	    "  --owner ID             a person (point of contact, and their\n"
	    "                         agency) or an agency\n"
	    "  --agency AGENCY        the responsible agency\n"
	    "  --poc PERSON           the point of contact\n"
	    "  --start DATE           start date, YYYY-MM-DD\n"
	    "  --due DATE             completion date, YYYY-MM-DD\n"
	    "  --status STATUS        open (the default), in-progress or\n"
	    "                         closed\n"
	    "  --db FILE              the database (default: $PLANNER_DB,\n"
	    "                         else planner.db in the working\n"
	    "                         directory)\n",
	.flags = CMD_DB,
	.exec_db = cmd_action,
};
