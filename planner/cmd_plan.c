/* cmd_plan.c: planner plan: load, schedule, and write calendars and checklists. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assign.h"
#include "cmd.h"
#include "cmd_db.h"
#include "doctrine.h"
#include "load.h"
#include "msg.h"
#include "ics.h"
#include "out_json.h"
#include "out_md.h"
#include "out_roles.h"
#include "out_text.h"
#include "print.h"
#include "sched.h"
#include "tz.h"

struct plan_opts {
	const char *out;
	int json;
	enum print_paper paper;
	const char *export_lp;	/* write the staffing model here */
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
		else if (strcmp(argv[i], "--paper") == 0 ||
		    strncmp(argv[i], "--paper=", 8) == 0) {
			const char *v = argv[i] + 7;

			if (*v == '=')
				v++;
			else if (++i == argc)
				return cmd_usage_error(&cmd_plan_entry,
				    "'%s' needs letter or a4", argv[i - 1]);
			else
				v = argv[i];
			if (print_paper_parse(v, &o->paper) == -1)
				return cmd_usage_error(&cmd_plan_entry,
				    "unknown paper '%s': expected letter or "
				    "a4", v);
		} else if (strcmp(argv[i], "--export-lp") == 0) {
			if (++i == argc)
				return cmd_usage_error(&cmd_plan_entry,
				    "'%s' needs a file", argv[i - 1]);
			o->export_lp = argv[i];
		} else if (strncmp(argv[i], "--export-lp=", 12) == 0)
			o->export_lp = argv[i] + 12;
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
write_outputs(const struct plan *p, const char *dir, enum print_paper paper,
    const struct cmd_db_progress *pg)
{
	struct print_opts po = { .out = dir, .paper = paper };
	char *cause = NULL, *md;
	int rc;

	/* From the database, when there is one: progress and revisions. */
	po.done = pg->done;
	po.ndone = pg->ndone;
	po.actions = pg->actions;
	po.nactions = pg->nactions;
	po.revisions = pg->revisions;

	if (mkdir_p(dir) == -1) {
		msg_error("cannot create '%s': %s", dir, strerror(errno));
		return -1;
	}
	rc = ics_write_all(p, dir, po.done, po.ndone, &cause);
	if (rc == -1) {
		msg_error("%s", cause);
		free(cause);
		return -1;
	}
	md = out_md_checklists(p);
	rc = write_text(dir, "checklists.md", md);
	free(md);
	if (rc == 0) {
		md = out_md_checklists_by_owner(p, po.done, po.ndone);
		rc = write_text(dir, "checklists-by-owner.md", md);
		free(md);
	}
	if (rc == 0) {
		md = out_md_improvement_plan(p, po.actions, po.nactions);
		rc = write_text(dir, "improvement-plan.md", md);
		free(md);
	}
	if (rc == 0 && (rc = print_plan(p, &po, &cause)) == -1) {
		msg_error("%s", cause);
		free(cause);
	}
	return rc;
}

/* Staff the plan; the model goes to --export-lp, vacancies to stderr. */
static int
staff(struct plan *p, const struct plan_opts *o, struct diags *d)
{
	struct assign_opts ao = {0};
	char *lp = NULL;
	size_t i, j;
	int rc = 0;

	ao.lp = o->export_lp != NULL ? &lp : NULL;
	assign_plan(p, &ao, d);
	if (lp != NULL && (rc = write_file_atomic(o->export_lp, lp,
	    strlen(lp))) == -1)
		msg_error("cannot write '%s': %s", o->export_lp,
		    strerror(errno));
	free(lp);
	for (i = 0; i < p->nexercises; i++)
		for (j = 0; j < p->exercises[i].nvacancies; j++) {
			const struct vacancy *v = &p->exercises[i].vacancies[j];
			char *s = assign_vacancy_text(v,
			    assign_needed(&p->exercises[i], v->role));

			msg_warn("%s: %s", p->exercises[i].ex->id, s);
			free(s);
		}
	return rc;
}

static int
write_roles(const struct plan *p, const char *dir)
{
	char *csv = out_roles_csv(p), *md = out_roles_md(p);
	int rc = write_text(dir, "roles.csv", csv);

	if (rc == 0)
		rc = write_text(dir, "roles.md", md);
	free(csv);
	free(md);
	return rc;
}

static int
cmd_plan(const char *db, int argc, char **argv)
{
	struct plan_opts o = {0};
	struct diags d = {0};
	struct model *m = NULL;
	struct plan *p = NULL;
	struct load_source_list src = {0};	/* inputs, for the database */
	struct store *st = NULL;
	struct cmd_db_progress pg = {0};
	char *stored = NULL;
	int rc;

	if ((rc = parse_opts(argc, argv, &o)) != 0)
		goto out;
	rc = EXIT_INPUT;
	if ((m = load_files_recorded(o.files, o.nfiles, &d, &src)) == NULL)
		goto out;
	if (m->nexercises == 0) {
		msg_error("no Exercise document in the files given");
		goto out;
	}
	if ((p = sched_plan(m, &d)) == NULL)
		goto out;
	/* Opened before any file is written, so a database this planner
	 * must refuse stops the run before it changes anything. */
	if (db != NULL && (st = cmd_db_open(db, STORE_CREATE)) == NULL)
		goto out;
	if (staff(p, &o, &d) == -1)
		goto out;
	if (st != NULL && cmd_db_progress(st, p, &src, &pg) == -1)
		goto out;
	if (write_outputs(p, o.out, o.paper, &pg) == -1 ||
	    write_roles(p, o.out) == -1)
		goto out;
	if (st != NULL && cmd_db_store_plan(st, p, &src, &stored) == -1)
		goto out;
	if (o.json) {
		char *json = out_json_plan(p);

		fputs(json, stdout);
		fputc('\n', stdout);
		free(json);
	} else
		out_text_schedule(stdout, p);
	if (stored != NULL && !o.json)
		fputs(stored, stdout);
	rc = 0;
out:
	free(stored);
	cmd_db_progress_free(&pg);
	store_close(st);
	load_source_list_free(&src);
	msg_diags(&d);
	plan_free(p);
	model_free(m);
	diags_free(&d);
	free(o.files);
	return rc;
}

const struct cmd_entry cmd_plan_entry = {
	.name = "plan",
	.args = "EXERCISE.yaml [FILE...] [--out DIR] [--json] "
	    "[--paper letter|a4] [--export-lp FILE] [--db FILE | --no-db]",
	.summary = "Plan exercises: schedule, calendars and checklists.",
	.help =
	    "Loads the exercises, their templates and rosters (and any other\n"
	    "FILE given), places every event, and writes into DIR:\n"
	    "  calendar.ics    every event, for Outlook, Google, Apple and\n"
	    "                  Thunderbird\n"
	    "  agencies/ID.ics the events each agency attends\n"
	    "  people/ID.ics   the events of each person's roles\n"
	    "  tasks.ics       checklist items as tasks (VTODO) with due\n"
	    "                  dates and owners\n"
	    "  checklists.md   the template's checklists with due dates\n"
	    "  roles.csv       who holds which role, for spreadsheets\n"
	    "  roles.md        the same with vacancies and why, for people\n"
	    "  checklists-by-owner.md  each person's items, due in their zone\n"
	    "  improvement-plan.md     the HSEEP Improvement Plan table\n"
	    "  print/          PDFs to print, each named after the exercise:\n"
	    "                  checklists (all, and one per role with a part\n"
	    "                  per person), improvement plan, MSEL, packets\n"
	    "                  for controllers and evaluators, players and\n"
	    "                  observers, and a Gantt chart (also .png, .svg)\n"
	    "It prints the schedule as a table, or as JSON with --json, and\n"
	    "stores the plan as a new revision of each exercise in the\n"
	    "database (nothing new when the inputs and plan are unchanged).\n"
	    "\n"
	    "options:\n"
	    "  -o, --out DIR   where to write (default: out)\n"
	    "  --json          print the plan as JSON on standard output\n"
	    "  --paper SIZE    letter (default) or a4, for print/\n"
	    "  --export-lp FILE  write the staffing model in CPLEX LP\n"
	    "                  format, for glpsol --lp FILE or cbc FILE\n"
	    "  --db FILE       the database (default: $PLANNER_DB, else\n"
	    "                  planner.db in the working directory)\n"
	    "  --no-db         write the files only, store nothing\n",
	.flags = CMD_DB | CMD_DB_OPTIONAL,
	.exec_db = cmd_plan,
};
