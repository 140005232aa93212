/* cmd_plan.c: planner plan: load, schedule, and write calendars and checklists. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "doctrine.h"
#include "load.h"
#include "msg.h"
#include "out_ics.h"
#include "out_json.h"
#include "out_md.h"
#include "out_text.h"
#include "sched.h"
#include "tz.h"

struct plan_opts {
	const char *out;
	int json;
	char **files;
	size_t nfiles;
};

static int
parse_opts(int argc, char **argv, struct plan_opts *o)
{
	int i;

	o->out = "out";
	o->files = xcalloc((size_t)argc, sizeof(char *));
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			o->json = 1;
		else if (strcmp(argv[i], "--out") == 0 ||
		    strcmp(argv[i], "-o") == 0) {
			if (++i == argc)
				return cmd_usage_error(&cmd_plan_entry,
				    "'%s' needs a directory", argv[i - 1]);
			o->out = argv[i];
		} else if (strncmp(argv[i], "--out=", 6) == 0)
			o->out = argv[i] + 6;
		else if (strcmp(argv[i], "--") == 0) {
			while (++i < argc)
				o->files[o->nfiles++] = argv[i];
		} else if (argv[i][0] == '-' && argv[i][1] != '\0')
			return cmd_usage_error(&cmd_plan_entry,
			    "unknown option '%s'", argv[i]);
		else
			o->files[o->nfiles++] = argv[i];
	}
	if (o->nfiles == 0)
		return cmd_usage_error(&cmd_plan_entry, "no exercise file given");
	if (o->out[0] == '\0')
		return cmd_usage_error(&cmd_plan_entry, "empty --out directory");
	return 0;
}

static int
write_text(const char *dir, const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", dir, name);
	int rc = write_file_atomic(path, text, strlen(text));

	if (rc == -1)
		msg_error("cannot write '%s': %s", path, strerror(errno));
	free(path);
	return rc;
}

static int
write_outputs(const struct plan *p, const char *dir)
{
	char *cause = NULL, *path, *md;
	int rc;

	if (mkdir_p(dir) == -1) {
		msg_error("cannot create '%s': %s", dir, strerror(errno));
		return -1;
	}
	path = xasprintf("%s/calendar.ics", dir);
	rc = out_ics_write_plan(p, path, &cause);
	free(path);
	if (rc == -1) {
		msg_error("%s", cause);
		free(cause);
		return -1;
	}
	md = out_md_checklists(p);
	rc = write_text(dir, "checklists.md", md);
	free(md);
	return rc;
}

static int
cmd_plan(int argc, char **argv)
{
	struct plan_opts o = {0};
	struct diags d = {0};
	struct model *m = NULL;
	struct plan *p = NULL;
	int rc;

	if ((rc = parse_opts(argc, argv, &o)) != 0)
		goto out;
	rc = EXIT_INPUT;
	if ((m = load_files(o.files, o.nfiles, &d)) == NULL)
		goto out;
	if (m->nexercises == 0) {
		msg_error("no Exercise document in the files given");
		goto out;
	}
	if ((p = sched_plan(m, &d)) == NULL)
		goto out;
	if (write_outputs(p, o.out) == -1)
		goto out;
	if (o.json) {
		char *json = out_json_plan(p);

		fputs(json, stdout);
		fputc('\n', stdout);
		free(json);
	} else
		out_text_schedule(stdout, p);
	rc = 0;
out:
	msg_diags(&d);
	plan_free(p);
	model_free(m);
	diags_free(&d);
	free(o.files);
	return rc;
}

const struct cmd_entry cmd_plan_entry = {
	.name = "plan",
	.args = "EXERCISE.yaml [FILE...] [--out DIR] [--json]",
	.summary = "Plan exercises: schedule, calendars and checklists.",
	.help =
	    "Loads the exercises, their templates and rosters (and any other\n"
	    "FILE given), places every event, and writes into DIR:\n"
	    "  calendar.ics    every event, for Outlook, Google, Apple and\n"
	    "                  Thunderbird\n"
	    "  checklists.md   the template's checklists with due dates\n"
	    "It prints the schedule as a table, or as JSON with --json.\n"
	    "\n"
	    "options:\n"
	    "  -o, --out DIR   where to write (default: out)\n"
	    "  --json          print the plan as JSON on standard output\n",
	.exec = cmd_plan,
};
