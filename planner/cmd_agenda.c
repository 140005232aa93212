/* cmd_agenda.c: planner agenda: events, checklist items and actions due in a span of days, for anyone. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "cmd_db.h"
#include "msg.h"
#include "table.h"

struct agenda_opts {
	const char *person, *agency;
	const char *from, *to;	/* as given, checked */
	int json;
};

struct entry {
	const char *date;	/* local date at the venue */
	int timed;		/* events have times; due dates do not */
	ptime start, end;
	const char *exercise;
	const struct tz *z;
	int order;		/* 0 event, 1 checklist item, 2 action */
	int64_t no;
	const char *id, *text, *owner;
};

struct entries {
	struct entry *v;
	size_t n, cap;
};

static const char *const types[] = { "event", "checklist", "action" };

static int
parse_opts(int argc, char **argv, struct agenda_opts *o)
{
	const struct cmd_entry *c = &cmd_agenda_entry;
	const char **slot[] = { &o->person, &o->agency, &o->from, &o->to };
	const char *names[] = { "--person", "--agency", "--from", "--to" };
	const char *v = NULL;
	int i, missing;
	size_t k;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0) {
			o->json = 1;
			continue;
		}
		for (k = 0; k < NELEM(names); k++) {
			v = cmd_db_opt(argc, argv, &i, names[k], &missing);
			if (missing)
				return cmd_usage_error(c, "'%s' needs a value",
				    names[k]);
			if (v != NULL) {
				*slot[k] = v;
				break;
			}
		}
		if (v != NULL)
			continue;
		if (argv[i][0] == '-')
			return cmd_usage_error(c, "unknown option '%s'",
			    argv[i]);
		return cmd_usage_error(c, "unexpected argument '%s'", argv[i]);
	}
	if (o->person != NULL && o->agency != NULL)
		return cmd_usage_error(c, "'--person' or '--agency', not both");
	return 0;
}

static int
parse_date(const char *opt, const char *s, pdate *d)
{
	char *cause = NULL;

	if (date_parse(s, d, &cause) == 0)
		return 0;
	cmd_usage_error(&cmd_agenda_entry, "bad %s date '%s': %s", opt, s,
	    cause);
	free(cause);
	return -1;
}

/* Does the space-separated list hold a role that the person holds? */
static int
attends(const struct store_rev *r, const char *roles, const char *person)
{
	size_t i, n;
	const char *p;

	for (i = 0; roles != NULL && i < r->nassignments; i++) {
		const char *role = r->assignments[i].role;

		if (!streq(r->assignments[i].person, person))
			continue;
		n = strlen(role);
		for (p = roles; (p = strstr(p, role)) != NULL; p += n)
			if ((p == roles || p[-1] == ' ') &&
			    (p[n] == ' ' || p[n] == '\0'))
				return 1;
	}
	return 0;
}

static int
holds(const struct store_rev *r, const char *role, const char *person,
    const char *agency)
{
	size_t i;

	for (i = 0; i < r->nassignments; i++)
		if (streq(r->assignments[i].role, role) &&
		    (person == NULL || streq(r->assignments[i].person,
		    person)) && (agency == NULL ||
		    streq(r->assignments[i].agency, agency)))
			return 1;
	return 0;
}

static int
takes_part(const struct store_rev *r, const char *agency)
{
	size_t i;

	for (i = 0; i < r->nagencies; i++)
		if (streq(r->agencies[i].id, agency))
			return r->agencies[i].part != NULL;
	return 0;
}

static struct entry *
add(struct entries *l, const struct store_rev *r, const struct tz *z,
    int order, const char *date)
{
	struct entry *e = &VEC_PUSH(l->v, l->n, l->cap);

	memset(e, 0, sizeof(*e));
	e->exercise = r->exercise;
	e->z = z;
	e->order = order;
	e->date = date;
	return e;
}

static void
collect(struct entries *l, const struct store_rev *r,
    const struct store_actions *al, const struct agenda_opts *o,
    const char *from, const char *to)
{
	const struct tz *z = cmd_db_zone(r->timezone);
	size_t i;

	for (i = 0; i < r->nevents; i++) {
		const struct store_event *ev = &r->events[i];
		struct entry *e;

		if (ev->cancelled || strcmp(ev->date, from) < 0 ||
		    strcmp(ev->date, to) > 0)
			continue;
		if (o->person != NULL && !attends(r, ev->roles, o->person))
			continue;
		if (o->agency != NULL && !takes_part(r, o->agency))
			continue;
		e = add(l, r, z, 0, ev->date);
		e->timed = 1;
		e->start = ev->start;
		e->end = ev->end;
		e->id = ev->id;
		e->text = ev->title;
	}
	for (i = 0; i < r->nitems; i++) {
		const struct store_item *it = &r->items[i];
		const char *who;
		struct entry *e;

		if (it->done || it->due_date == NULL ||
		    strcmp(it->due_date, from) < 0 ||
		    strcmp(it->due_date, to) > 0)
			continue;
		if ((o->person != NULL || o->agency != NULL) &&
		    !holds(r, it->owner, o->person, o->agency))
			continue;
		e = add(l, r, z, 1, it->due_date);
		e->no = it->no;
		e->id = arena_printf(r->arena, "%s/%s", it->checklist, it->id);
		e->text = it->text;
		who = cmd_db_holders(r, it->owner);
		e->owner = arena_printf(r->arena, "%s (%s)", it->owner,
		    who != NULL ? who : "unassigned");
	}
	for (i = 0; i < al->n; i++) {
		const struct store_action *a = &al->v[i];
		const struct store_person *p;
		struct entry *e;

		if (streq(a->status, "closed") || strcmp(a->due, from) < 0 ||
		    strcmp(a->due, to) > 0)
			continue;
		if (o->person != NULL && !streq(a->poc, o->person))
			continue;
		p = a->poc != NULL ? cmd_db_person(r, a->poc) : NULL;
		if (o->agency != NULL && !streq(a->agency, o->agency) &&
		    (p == NULL || !streq(p->agency, o->agency)))
			continue;
		/* The list is freed before the agenda prints: copy. */
		e = add(l, r, z, 2, arena_strdup(r->arena, a->due));
		e->no = a->no;
		e->text = arena_strdup(r->arena, a->action);
		e->owner = arena_strdup(r->arena, a->poc != NULL ? a->poc :
		    a->agency);
	}
}

static int
entry_cmp(const void *pa, const void *pb)
{
	const struct entry *a = pa, *b = pb;
	int k;

	if ((k = strcmp(a->date, b->date)) != 0)
		return k;
	if (a->timed != b->timed)
		return a->timed ? -1 : 1;
	if (a->timed && a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if ((k = strcmp(a->exercise, b->exercise)) != 0)
		return k;
	if (a->order != b->order)
		return a->order - b->order;
	if (a->no != b->no)
		return a->no < b->no ? -1 : 1;
	return strcmp(a->id != NULL ? a->id : "", b->id != NULL ? b->id : "");
}

/* Is id a person (people 1) or agency of any revision? */
static int
known(struct store_rev **revs, size_t n, const char *id, int people)
{
	size_t i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < (people ? revs[i]->npeople :
		    revs[i]->nagencies); j++)
			if (streq(people ? revs[i]->people[j].id :
			    revs[i]->agencies[j].id, id))
				return 1;
	return 0;
}

static char *
unknown(struct store_rev **revs, size_t n, const char *id, int people)
{
	const char **ids = NULL, *near;
	size_t i, j, k = 0, cap = 0;
	char *cause;

	for (i = 0; i < n; i++)
		for (j = 0; j < (people ? revs[i]->npeople :
		    revs[i]->nagencies); j++)
			VEC_PUSH(ids, k, cap) = people ?
			    revs[i]->people[j].id : revs[i]->agencies[j].id;
	near = closest_word(id, ids, k);
	if (near != NULL)
		cause = xasprintf("unknown %s '%s'; did you mean '%s'?",
		    people ? "person" : "agency", id, near);
	else
		cause = xasprintf("unknown %s '%s': no exercise's rosters name "
		    "it", people ? "person" : "agency", id);
	free(ids);
	return cause;
}

static void
print_table(const struct entries *l, struct store_rev **revs,
    char (*ranges)[2][11], size_t n)
{
	struct table *t;
	char *text, buf[48];
	size_t i;

	for (i = 0; i < n; i++)
		printf("%s: %s .. %s (%s)\n", revs[i]->exercise, ranges[i][0],
		    ranges[i][1], revs[i]->timezone);
	if (n == 0) {
		printf("no exercises in the database yet\n");
		return;
	}
	if (l->n == 0) {
		printf("\nnothing on the agenda\n");
		return;
	}
	t = table_new();
	table_row(t);
	table_cell(t, "DATE");
	table_cell(t, "TIME");
	table_cell(t, "EXERCISE");
	table_cell(t, "WHAT");
	table_cell(t, "REF");
	table_cell(t, "TEXT");
	table_cell(t, "OWNER");
	for (i = 0; i < l->n; i++) {
		const struct entry *e = &l->v[i];

		table_row(t);
		table_cell(t, e->date);
		if (e->timed) {
			cmd_db_local(e->z, e->start, buf);
			table_cell(t, buf + 11);	/* "07:00 MST" */
		} else
			table_cell(t, "due");
		table_cell(t, e->exercise);
		table_cell(t, types[e->order]);
		if (e->order == 0)
			table_cell(t, e->id);
		else if (e->order == 1)
			table_cellf(t, "#%lld %s", (long long)e->no, e->id);
		else
			table_cellf(t, "A%lld", (long long)e->no);
		table_cell(t, e->text);
		table_cell(t, e->owner);
	}
	text = table_text(t, "");
	printf("\n");
	fputs(text, stdout);
	free(text);
	table_free(t);
}

static void
print_json(const struct entries *l, struct store_rev **revs,
    char (*ranges)[2][11], size_t n, const struct agenda_opts *o)
{
	struct out_json *root = out_json_object(), *arr = out_json_array();
	char t[21];
	size_t i;

	out_json_set_str(root, "person", o->person);
	out_json_set_str(root, "agency", o->agency);
	for (i = 0; i < n; i++) {
		struct out_json *r = out_json_object();

		out_json_set_str(r, "exercise", revs[i]->exercise);
		out_json_set_str(r, "timezone", revs[i]->timezone);
		out_json_set_str(r, "from", ranges[i][0]);
		out_json_set_str(r, "to", ranges[i][1]);
		out_json_push(arr, r);
	}
	out_json_set(root, "ranges", arr);
	arr = out_json_array();
	for (i = 0; i < l->n; i++) {
		const struct entry *e = &l->v[i];
		struct out_json *j = out_json_object();

		out_json_set_str(j, "date", e->date);
		if (e->timed) {
			time_format_utc(e->start, t);
			out_json_set_str(j, "start", t);
			time_format_utc(e->end, t);
			out_json_set_str(j, "end", t);
		} else {
			out_json_set_str(j, "start", NULL);
			out_json_set_str(j, "end", NULL);
		}
		out_json_set_str(j, "exercise", e->exercise);
		out_json_set_str(j, "type", types[e->order]);
		if (e->order > 0)
			out_json_set_int(j, "no", e->no);
		else
			out_json_set(j, "no", NULL);
		out_json_set_str(j, "id", e->id);
		out_json_set_str(j, "text", e->text);
		out_json_set_str(j, "owner", e->owner);
		out_json_push(arr, j);
	}
	out_json_set(root, "entries", arr);
	cmd_db_print_json(root);
}

static int
cmd_agenda(const char *db, int argc, char **argv)
{
	struct agenda_opts o = {0};
	struct store_summaries *sum = NULL;
	struct store_rev **revs = NULL;
	struct store_actions *al = NULL;
	struct entries l = {0};
	struct store *s = NULL;
	char *cause = NULL, (*ranges)[2][11] = NULL;
	pdate from = 0, to = 0;
	size_t i, n = 0;
	ptime now;
	int rc;

	if ((rc = parse_opts(argc, argv, &o)) != 0)
		return rc;
	if ((o.from != NULL && parse_date("--from", o.from, &from) == -1) ||
	    (o.to != NULL && parse_date("--to", o.to, &to) == -1))
		return EXIT_USAGE;
	if (o.from != NULL && o.to != NULL && to < from)
		return cmd_usage_error(&cmd_agenda_entry, "'--to' date '%s' is "
		    "before '--from' date '%s'", o.to, o.from);
	rc = EXIT_INPUT;
	if (cmd_db_now(&now) == -1 ||
	    (s = cmd_db_open(db, STORE_EXISTING)) == NULL)
		goto out;
	if (store_begin_read(s, &cause) == -1 ||
	    store_list(s, &sum, &cause) == -1)
		goto fail;
	revs = xcalloc(sum->n + 1, sizeof(*revs));
	ranges = xcalloc(sum->n + 1, sizeof(*ranges));
	for (n = 0; n < sum->n; n++)
		if (store_get_revision(s, sum->v[n].exercise, 0, 0, &revs[n],
		    &cause) == -1)
			goto fail;
	if ((o.person != NULL && !known(revs, n, o.person, 1)) ||
	    (o.agency != NULL && !known(revs, n, o.agency, 0))) {
		cause = unknown(revs, n, o.person != NULL ? o.person : o.agency,
		    o.person != NULL);
		goto fail;
	}
	for (i = 0; i < n; i++) {
		/* Today is the date at each exercise's venue. */
		pdate f = o.from != NULL ? from :
		    cmd_db_date(cmd_db_zone(revs[i]->timezone), now);
		pdate t = o.to != NULL ? to : f + 6;

		if (t < f) {
			date_format(f, ranges[i][0]);
			cause = xasprintf("'--to' date '%s' is before today "
			    "('%s') at the venue of '%s'", o.to, ranges[i][0],
			    revs[i]->exercise);
			goto fail;
		}
		date_format(f, ranges[i][0]);
		date_format(t, ranges[i][1]);
		if (store_actions(s, revs[i]->exercise, 0, &al, &cause) == -1)
			goto fail;
		collect(&l, revs[i], al, &o, ranges[i][0], ranges[i][1]);
		store_actions_free(al);
		al = NULL;
	}
	if (l.n > 1)
		qsort(l.v, l.n, sizeof(*l.v), entry_cmp);
	if (o.json)
		print_json(&l, revs, ranges, n, &o);
	else
		print_table(&l, revs, ranges, n);
	rc = 0;
	goto out;
fail:
	rc = cmd_db_fail(cause);
out:
	free(l.v);
	for (i = 0; i < n; i++)
		store_rev_free(revs[i]);
	free(revs);
	free(ranges);
	store_actions_free(al);
	store_summaries_free(sum);
	store_close(s);
	return rc;
}

const struct cmd_entry cmd_agenda_entry = {
	.name = "agenda",
	.args = "[--person ID | --agency ID] [--from DATE] [--to DATE] "
	    "[--json] [--db FILE]",
	.summary = "Show what happens and what is due, day by day.",
	.help =
	    "Lists, across every exercise's latest revision, the events on\n"
	    "the days from..to (dates at each venue; default today and the\n"
	    "six days after), checklist items not done that fall due then,\n"
	    "and corrective actions not closed that fall due then.\n"
	    "\n"
	    "options:\n"
	    "  --person ID     only what that person attends or owns: events\n"
	    "                  of roles they hold, items of those roles,\n"
	    "                  actions they are the point of contact for\n"
	    "  --agency ID     only what that agency takes part in or owns\n"
	    "  --from DATE     first day, YYYY-MM-DD (default: today)\n"
	    "  --to DATE       last day (default: six days after --from)\n"
	    "  --json          print it as JSON\n"
	    "  --db FILE       the database (default: $PLANNER_DB, else\n"
	    "                  planner.db in the working directory)\n",
	.flags = CMD_DB,
	.exec_db = cmd_agenda,
};
