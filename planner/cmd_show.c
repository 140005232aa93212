/* cmd_show.c: planner show EXERCISE: one stored revision, whole. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "cmd_db.h"
#include "digest.h"
#include "msg.h"
#include "table.h"

static void
put_section(const char *title, struct table *t, int rows)
{
	char *text;

	printf("\n%s:\n", title);
	if (rows == 0) {
		printf("  none\n");
		return;
	}
	text = table_text(t, "  ");
	fputs(text, stdout);
	free(text);
}

/* The first line of s, in a (or s itself when it has one line). */
static const char *
first_line(struct arena *a, const char *s)
{
	const char *nl;

	if (s == NULL || (nl = strchr(s, '\n')) == NULL)
		return s;
	return arena_printf(a, "%.*s ...", (int)(nl - s), s);
}

static void
show_events(const struct store_rev *r, const struct tz *z)
{
	struct table *t = table_new();
	char a[48], b[48];
	size_t i;

	table_row(t);
	table_cell(t, "ID");
	table_cell(t, "KIND");
	table_cell(t, "START");
	table_cell(t, "END");
	table_cell(t, "SEQ");
	table_cell(t, "TITLE");
	for (i = 0; i < r->nevents; i++) {
		const struct store_event *e = &r->events[i];

		table_row(t);
		table_cell(t, e->id);
		table_cell(t, e->cancelled ? "cancelled" : e->kind);
		cmd_db_local(z, e->start, a);
		cmd_db_local(z, e->end, b);
		table_cell(t, a);
		table_cell(t, b);
		table_cellf(t, "%d", e->sequence);
		table_cell(t, e->title);
	}
	put_section("events", t, (int)r->nevents);
	table_free(t);
}

static void
show_staffing(const struct store_rev *r)
{
	struct table *t = table_new();
	size_t i;

	table_row(t);
	table_cell(t, "ROLE");
	table_cell(t, "PERSON");
	table_cell(t, "AGENCY");
	table_cell(t, "NAME");
	for (i = 0; i < r->nassignments; i++) {
		const struct store_assignment *as = &r->assignments[i];

		table_row(t);
		table_cell(t, as->role);
		table_cell(t, as->person);
		table_cell(t, as->agency);
		table_cell(t, as->person_name);
	}
	put_section("assignments", t, (int)r->nassignments);
	table_free(t);

	t = table_new();
	table_row(t);
	table_cell(t, "ROLE");
	table_cell(t, "MISSING");
	table_cell(t, "WHY");
	for (i = 0; i < r->nvacancies; i++) {
		const struct store_vacancy *v = &r->vacancies[i];

		table_row(t);
		table_cell(t, v->role);
		table_cellf(t, "%d", v->missing);
		table_cell(t, first_line(r->arena, v->reasons));
	}
	put_section("vacancies", t, (int)r->nvacancies);
	table_free(t);
}

static void
show_items(const struct store_rev *r)
{
	struct table *t = table_new();
	size_t i;

	table_row(t);
	table_cell(t, "NO");
	table_cell(t, "ITEM");
	table_cell(t, "DUE");
	table_cell(t, "OWNER");
	table_cell(t, "DONE");
	table_cell(t, "TEXT");
	for (i = 0; i < r->nitems; i++) {
		const struct store_item *it = &r->items[i];
		const char *who = cmd_db_holders(r, it->owner);

		table_row(t);
		table_cellf(t, "#%lld", (long long)it->no);
		table_cellf(t, "%s/%s", it->checklist, it->id);
		table_cell(t, it->due_date);
		if (who != NULL)
			table_cellf(t, "%s (%s)", it->owner, who);
		else
			table_cellf(t, "%s (unassigned)", it->owner);
		if (it->done)
			table_cellf(t, "%s%s%s", it->done_at,
			    it->done_by != NULL ? " by " : "",
			    it->done_by != NULL ? it->done_by : "");
		else
			table_cell(t, "no");
		table_cell(t, it->text);
	}
	put_section("checklist items", t, (int)r->nitems);
	table_free(t);
}

static void
show_sources(const struct store_rev *r)
{
	struct table *t = table_new();
	char hex[DIGEST_HEX_LEN + 1];
	size_t i;

	table_row(t);
	table_cell(t, "DOCUMENT");
	table_cell(t, "BYTES");
	table_cell(t, "SHA-256");
	for (i = 0; i < r->nsources; i++) {
		const struct store_source *src = &r->sources[i];

		digest_sha256(src->text, src->len, hex);
		hex[12] = '\0';
		table_row(t);
		if (src->bundled)
			table_cellf(t, "%s (bundled)", src->name);
		else
			table_cell(t, src->name);
		table_cellf(t, "%zu", src->len);
		table_cell(t, hex);
	}
	put_section("input documents", t, (int)r->nsources);
	table_free(t);
}

static void
print_table(const struct store_rev *r, int latest)
{
	const struct tz *z = cmd_db_zone(r->timezone);
	char a[48], b[48];

	msg_line("%s (%s)", r->name, r->exercise);
	printf("revision %d of %d, planned %s by planner %s\n", r->number,
	    latest, r->created, r->planner);
	msg_line("template %s (%s), venue %s, %s", r->template_id, r->type,
	    r->venue != NULL ? r->venue : "-", r->timezone);
	cmd_db_local(z, r->startex, a);
	cmd_db_local(z, r->endex, b);
	printf("STARTEX %s, ENDEX %s\n", a, b);
	printf("sha256 %s\n", r->hash);
	show_events(r, z);
	show_staffing(r);
	show_items(r);
	show_sources(r);
}

static struct out_json *
items_json(const struct store_rev *r)
{
	struct out_json *arr = out_json_array();
	char t[21];
	size_t i;

	for (i = 0; i < r->nitems; i++) {
		const struct store_item *it = &r->items[i];
		struct out_json *o = out_json_object();

		out_json_set_int(o, "no", it->no);
		out_json_set_str(o, "checklist", it->checklist);
		out_json_set_str(o, "item", it->id);
		out_json_set_str(o, "text", it->text);
		out_json_set_str(o, "owner", it->owner);
		out_json_set_str(o, "event", it->event);
		if (it->due_date != NULL) {
			time_format_utc(it->due, t);
			out_json_set_str(o, "due", t);
		} else
			out_json_set_str(o, "due", NULL);
		out_json_set_str(o, "due_date", it->due_date);
		out_json_set(o, "done", out_json_bool(it->done));
		out_json_set_str(o, "done_by", it->done ? it->done_by : NULL);
		out_json_set_str(o, "done_at", it->done ? it->done_at : NULL);
		out_json_set_str(o, "note", it->note);
		out_json_push(arr, o);
	}
	return arr;
}

static void
print_json(const struct store_rev *r, int latest)
{
	struct out_json *root = out_json_object(), *arr;
	char t[21], hex[DIGEST_HEX_LEN + 1];
	size_t i;

	out_json_set_str(root, "exercise", r->exercise);
	out_json_set_str(root, "name", r->name);
	out_json_set_int(root, "revision", r->number);
	out_json_set_int(root, "latest", latest);
	out_json_set_str(root, "planned", r->created);
	out_json_set_str(root, "planner", r->planner);
	out_json_set_str(root, "hash", r->hash);
	out_json_set_str(root, "template", r->template_id);
	out_json_set_str(root, "type", r->type);
	out_json_set_str(root, "venue", r->venue);
	out_json_set_str(root, "timezone", r->timezone);
	time_format_utc(r->startex, t);
	out_json_set_str(root, "startex", t);
	time_format_utc(r->endex, t);
	out_json_set_str(root, "endex", t);
	out_json_set(root, "plan", out_json_parse(r->plan_json));

	arr = out_json_array();
	for (i = 0; i < r->nevents; i++) {
		const struct store_event *e = &r->events[i];
		struct out_json *o = out_json_object();

		out_json_set_str(o, "id", e->id);
		out_json_set_int(o, "sequence", e->sequence);
		out_json_set_str(o, "status", e->cancelled ? "cancelled" :
		    "confirmed");
		out_json_push(arr, o);
	}
	out_json_set(root, "calendar", arr);
	out_json_set(root, "items", items_json(r));

	arr = out_json_array();
	for (i = 0; i < r->nsources; i++) {
		const struct store_source *src = &r->sources[i];
		struct out_json *o = out_json_object();

		digest_sha256(src->text, src->len, hex);
		out_json_set_str(o, "name", src->name);
		out_json_set(o, "bundled", out_json_bool(src->bundled));
		out_json_set_int(o, "bytes", (int64_t)src->len);
		out_json_set_str(o, "sha256", hex);
		out_json_push(arr, o);
	}
	out_json_set(root, "inputs", arr);
	cmd_db_print_json(root);
}

static int
cmd_show(const char *db, int argc, char **argv)
{
	const char *exercise = NULL, *v;
	struct store_rev *r = NULL;
	struct store *s;
	char *cause = NULL;
	int i, json = 0, number = 0, latest, missing, rc = EXIT_INPUT;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json = 1;
		else if ((v = cmd_db_opt(argc, argv, &i, "--revision",
		    &missing)) != NULL || missing) {
			int64_t n = missing ? -1 : cmd_db_number(v, "");

			if (n <= 0 || n > 1000000000)
				return cmd_usage_error(&cmd_show_entry,
				    "'--revision' needs a revision number");
			number = (int)n;
		} else if (argv[i][0] == '-')
			return cmd_usage_error(&cmd_show_entry,
			    "unknown option '%s'", argv[i]);
		else if (exercise == NULL)
			exercise = argv[i];
		else
			return cmd_usage_error(&cmd_show_entry,
			    "one exercise at a time");
	}
	if (exercise == NULL)
		return cmd_usage_error(&cmd_show_entry, "no exercise given");
	if ((s = cmd_db_open(db, STORE_EXISTING)) == NULL)
		return EXIT_INPUT;
	if (store_begin_read(s, &cause) == -1 ||
	    store_latest(s, exercise, &latest, &cause) == -1 ||
	    store_get_revision(s, exercise, number, 1, &r, &cause) == -1) {
		rc = cmd_db_fail(cause);
		goto out;
	}
	if (json)
		print_json(r, latest);
	else
		print_table(r, latest);
	rc = 0;
out:
	store_rev_free(r);
	store_close(s);
	return rc;
}

const struct cmd_entry cmd_show_entry = {
	.name = "show",
	.args = "EXERCISE [--revision N] [--json] [--db FILE]",
	.summary = "Show a stored revision of an exercise's plan.",
	.help =
	    "Prints the latest revision of EXERCISE (or revision N): when it\n"
	    "was planned, its events at the venue with their calendar\n"
	    "sequence numbers, assignments and vacancies, checklist items\n"
	    "with their due dates and who checked them off, and the input\n"
	    "documents it was planned from.\n"
	    "\n"
	    "options:\n"
	    "  --revision N    that revision rather than the latest\n"
	    "  --json          print it as JSON, the plan as 'planner plan\n"
	    "                  --json' printed it\n"
	    "  --db FILE       the database (default: $PLANNER_DB, else\n"
	    "                  planner.db in the working directory)\n",
	.flags = CMD_DB,
	.exec_db = cmd_show,
};
