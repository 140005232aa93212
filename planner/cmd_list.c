/* cmd_list.c: planner list: every exercise in the database with its latest revision. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "cmd_db.h"
#include "msg.h"
#include "table.h"

static void
print_json(const struct store *s, const struct store_summaries *l)
{
	struct out_json *root = out_json_object(), *arr = out_json_array();
	char t[21];
	size_t i;

	out_json_set_str(root, "database", store_path(s));
	for (i = 0; i < l->n; i++) {
		const struct store_summary *e = &l->v[i];
		struct out_json *o = out_json_object();

		out_json_set_str(o, "id", e->exercise);
		out_json_set_str(o, "name", e->name);
		out_json_set_int(o, "revision", e->revisions);
		out_json_set_str(o, "planned", e->created);
		out_json_set_str(o, "timezone", e->timezone);
		time_format_utc(e->startex, t);
		out_json_set_str(o, "startex", t);
		time_format_utc(e->endex, t);
		out_json_set_str(o, "endex", t);
		out_json_set_int(o, "items", e->items);
		out_json_set_int(o, "items_done", e->items_done);
		out_json_set_int(o, "actions", e->actions);
		out_json_set_int(o, "actions_open", e->actions_open);
		out_json_push(arr, o);
	}
	out_json_set(root, "exercises", arr);
	cmd_db_print_json(root);
}

static void
print_table(const struct store *s, const struct store_summaries *l)
{
	struct table *t;
	char *text, when[48];
	size_t i;

	if (l->n == 0) {
		printf("no exercises in '%s' yet: 'planner plan' stores them\n",
		    store_path(s));
		return;
	}
	t = table_new();
	table_row(t);
	table_cell(t, "EXERCISE");
	table_cell(t, "REV");
	table_cell(t, "PLANNED");
	table_cell(t, "STARTEX (VENUE)");
	table_cell(t, "ITEMS DONE");
	table_cell(t, "ACTIONS OPEN");
	table_cell(t, "NAME");
	for (i = 0; i < l->n; i++) {
		const struct store_summary *e = &l->v[i];

		table_row(t);
		table_cell(t, e->exercise);
		table_cellf(t, "%d", e->revisions);
		table_cell(t, e->created);
		cmd_db_local(cmd_db_zone(e->timezone), e->startex, when);
		table_cell(t, when);
		table_cellf(t, "%d/%d", e->items_done, e->items);
		table_cellf(t, "%d/%d", e->actions_open, e->actions);
		table_cell(t, e->name);
	}
	text = table_text(t, "");
	fputs(text, stdout);
	free(text);
	table_free(t);
}

static int
cmd_list(const char *db, int argc, char **argv)
{
	struct store_summaries *l = NULL;
	struct store *s;
	char *cause = NULL;
	int i, json = 0, rc = EXIT_INPUT;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json = 1;
		else if (argv[i][0] == '-')
			return cmd_usage_error(&cmd_list_entry,
			    "unknown option '%s'", argv[i]);
		else
			return cmd_usage_error(&cmd_list_entry,
			    "no arguments expected");
	}
	if ((s = cmd_db_open(db, STORE_EXISTING)) == NULL)
		return EXIT_INPUT;
	if (store_begin_read(s, &cause) == -1 ||
	    store_list(s, &l, &cause) == -1) {
		rc = cmd_db_fail(cause);
		goto out;
	}
	if (json)
		print_json(s, l);
	else
		print_table(s, l);
	rc = 0;
out:
	store_summaries_free(l);
	store_close(s);
	return rc;
}

const struct cmd_entry cmd_list_entry = {
	.name = "list",
	.args = "[--json] [--db FILE]",
	.summary = "List the exercises in the database.",
	.help =
	    "Prints each exercise planned into the database: its latest\n"
	    "revision, when that was planned, STARTEX at the venue, checklist\n"
	    "items done and corrective actions still open.\n"
	    "\n"
	    "options:\n"
	    "  --json          print them as JSON\n"
	    "  --db FILE       the database (default: $PLANNER_DB, else\n"
	    "                  planner.db in the working directory)\n",
	.flags = CMD_DB,
	.exec_db = cmd_list,
};
