/* cmd_diff.c: planner diff EXERCISE: what moved and who changed roles between two revisions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "cmd_db.h"
#include "msg.h"
#include "revision.h"
#include "table.h"

/* "2027-06-16 07:00-15:00 MST", or both ends in full across days. */
static void
local_span(const struct tz *z, ptime start, ptime end, char buf[static 100])
{
	char a[48], b[48];

	cmd_db_local(z, start, a);
	cmd_db_local(z, end, b);
	if (start == end)
		snprintf(buf, 100, "%s", a);
	else if (strncmp(a, b, 11) == 0)
		snprintf(buf, 100, "%.16s-%s", a, b + 11);
	else
		snprintf(buf, 100, "%s - %s", a, b);
}

/* A person id with their name, when the revision knows them. */
static const char *
who(const struct store_rev *r, const char *id)
{
	const struct store_person *p;

	if (id == NULL || (p = cmd_db_person(r, id)) == NULL || p->name == NULL)
		return id;
	return arena_printf(r->arena, "%s (%s)", id, p->name);
}

static void
print_table(const struct store_rev *a, const struct store_rev *b,
    const struct revision_diff *d)
{
	const struct tz *z = cmd_db_zone(b->timezone);
	struct table *t;
	char *text, buf[100];
	size_t i;

	printf("%s: revision %d -> %d\n", b->exercise, a->number, b->number);
	if (d->n == 0) {
		printf("no changes\n");
		return;
	}
	t = table_new();
	table_row(t);
	table_cell(t, "CHANGE");
	table_cell(t, "WHAT");
	table_cell(t, "BEFORE");
	table_cell(t, "AFTER");
	for (i = 0; i < d->n; i++) {
		const struct revision_change *c = &d->v[i];
		int people = strncmp(c->change, "role-", 5) == 0;

		table_row(t);
		table_cell(t, c->change);
		table_cell(t, c->subject);
		if (c->timed && c->before != NULL) {
			local_span(z, c->start_before, c->end_before, buf);
			table_cell(t, buf);
		} else
			table_cell(t, people ? who(a, c->before) : c->before);
		if (c->timed && c->after != NULL) {
			local_span(z, c->start_after, c->end_after, buf);
			table_cell(t, buf);
		} else
			table_cell(t, people ? who(b, c->after) : c->after);
	}
	text = table_text(t, "");
	fputs(text, stdout);
	free(text);
	table_free(t);
}

static void
print_json(const struct store_rev *a, const struct store_rev *b,
    const struct revision_diff *d)
{
	struct out_json *root = out_json_object(), *arr = out_json_array();
	size_t i;

	out_json_set_str(root, "exercise", b->exercise);
	out_json_set_int(root, "from", a->number);
	out_json_set_int(root, "to", b->number);
	for (i = 0; i < d->n; i++) {
		struct out_json *o = out_json_object();

		out_json_set_str(o, "change", d->v[i].change);
		out_json_set_str(o, "subject", d->v[i].subject);
		out_json_set_str(o, "before", d->v[i].before);
		out_json_set_str(o, "after", d->v[i].after);
		out_json_push(arr, o);
	}
	out_json_set(root, "changes", arr);
	cmd_db_print_json(root);
}

static int
cmd_diff(const char *db, int argc, char **argv)
{
	const char *exercise = NULL;
	struct store_rev *a = NULL, *b = NULL;
	struct revision_diff *d = NULL;
	struct store *s;
	char *cause = NULL;
	int64_t revs[2] = { 0, 0 };
	int i, nrevs = 0, json = 0, latest, rc = EXIT_INPUT;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json = 1;
		else if (argv[i][0] == '-')
			return cmd_usage_error(&cmd_diff_entry,
			    "unknown option '%s'", argv[i]);
		else if (exercise == NULL)
			exercise = argv[i];
		else if (nrevs < 2) {
			revs[nrevs] = cmd_db_number(argv[i], "r");
			if (revs[nrevs] <= 0 || revs[nrevs] > 1000000000)
				return cmd_usage_error(&cmd_diff_entry,
				    "bad revision '%s': expected a number",
				    argv[i]);
			nrevs++;
		} else
			return cmd_usage_error(&cmd_diff_entry,
			    "unexpected argument '%s'", argv[i]);
	}
	if (exercise == NULL)
		return cmd_usage_error(&cmd_diff_entry, "no exercise given");
	if ((s = cmd_db_open(db, STORE_EXISTING)) == NULL)
		return EXIT_INPUT;
	if (store_begin_read(s, &cause) == -1 ||
	    store_latest(s, exercise, &latest, &cause) == -1)
		goto fail;
	if (latest == 0) {
		cause = xasprintf("no exercise '%s' in '%s'", exercise, db);
		goto fail;
	}
	if (nrevs == 0) {
		if (latest < 2) {
			cause = xasprintf("'%s' has one revision: nothing to "
			    "compare yet", exercise);
			goto fail;
		}
		revs[0] = latest - 1;
		revs[1] = latest;
	} else if (nrevs == 1)
		revs[1] = latest;
	if (store_get_revision(s, exercise, (int)revs[0], 1, &a,
	    &cause) == -1 ||
	    store_get_revision(s, exercise, (int)revs[1], 1, &b,
	    &cause) == -1)
		goto fail;
	d = revision_diff(a, b);
	if (json)
		print_json(a, b, d);
	else
		print_table(a, b, d);
	rc = 0;
	goto out;
fail:
	rc = cmd_db_fail(cause);
out:
	revision_diff_free(d);
	store_rev_free(a);
	store_rev_free(b);
	store_close(s);
	return rc;
}

const struct cmd_entry cmd_diff_entry = {
	.name = "diff",
	.args = "EXERCISE [REV1 [REV2]] [--json] [--db FILE]",
	.summary = "Show what changed between two revisions of a plan.",
	.help =
	    "Compares revision REV1 of EXERCISE with REV2 (default: the\n"
	    "revision before the latest with the latest; REV1 alone: with the\n"
	    "latest) and lists, one per line: input documents changed, added\n"
	    "or removed; events moved, added, removed, renamed or relocated\n"
	    "(times at the venue); people assigned to or taken off roles;\n"
	    "vacancies that grew or shrank; checklist items whose due date or\n"
	    "owner changed, added or removed.\n"
	    "\n"
	    "options:\n"
	    "  --json          print the changes as JSON; times are UTC\n"
	    "                  intervals, start/end, in RFC 3339\n"
	    "  --db FILE       the database (default: $PLANNER_DB, else\n"
	    "                  planner.db in the working directory)\n",
	.flags = CMD_DB,
	.exec_db = cmd_diff,
};
