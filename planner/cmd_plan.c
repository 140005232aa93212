/* cmd_plan.c: planner plan: load, schedule, and write calendars and checklists. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "assign.h"
#include "cmd.h"
#include "cmd_db.h"
#include "cmd_out.h"
#include "doctrine.h"
#include "load.h"
#include "msg.h"
#include "out_json.h"
#include "out_text.h"
#include "print.h"
#include "progress.h"
#include "sched.h"
#include "tz.h"

struct plan_opts {
	const char *out;
	int json;
	enum print_paper paper;
	const char *export_lp;	/* write the staffing model here */
	int timings;		/* print each phase's time to stderr */
	int no_print;		/* write no PDFs */
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
		else if (strcmp(argv[i], "--timings") == 0)
			o->timings = 1;
		else if (strcmp(argv[i], "--no-print") == 0)
			o->no_print = 1;
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

/*
 * Seconds a run takes before its progress line appears: 1, or
 * $PLANNER_PROGRESS_DELAY (0 shows it at once, for tests and the
 * curious; a value that is not a number >= 0 is ignored).
 */
static double
progress_delay(void)
{
	const char *e = getenv("PLANNER_PROGRESS_DELAY");
	char *end;
	double v;

	if (e == NULL || *e == '\0')
		return 1.0;
	v = strtod(e, &end);
	return *end == '\0' && v >= 0 ? v : 1.0;
}

/*
 * The roles people hold in the stored plans of other exercises, which
 * staffing must count (workload caps, fairness, time taken); the
 * exercises planned now are left out, so re-planning one does not
 * count its own last revision. Prints why not and returns -1 on error.
 */
static int
stored_commitments(struct store *st, const struct plan *p,
    struct store_commitments **out)
{
	const char **ids = xcalloc(p->nexercises + 1, sizeof(char *));
	char *cause = NULL;
	size_t i;
	int rc;

	for (i = 0; i < p->nexercises; i++)
		ids[i] = p->exercises[i].ex->id;
	if ((rc = store_begin_read(st, &cause)) == 0)
		rc = store_commitments(st, ids, p->nexercises, out, &cause);
	store_rollback(st);
	free(ids);
	if (rc == -1)
		cmd_db_fail(cause);
	return rc;
}

/* Staff the plan; the model goes to --export-lp, vacancies to stderr. */
static int
staff(struct plan *p, const struct plan_opts *o, struct store *st,
    struct diags *d)
{
	struct assign_opts ao = {0};
	struct store_commitments *cm = NULL;
	char *lp = NULL;
	size_t i, j;
	int rc = 0;

	if (st != NULL && stored_commitments(st, p, &cm) == -1)
		return -1;
	if (cm != NULL) {
		ao.prior = cm->v;
		ao.nprior = cm->n;
	}
	ao.lp = o->export_lp != NULL ? &lp : NULL;
	assign_plan(p, &ao, d);
	store_commitments_free(cm);
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
	int rc, r;

	if ((rc = parse_opts(argc, argv, &o)) != 0)
		goto out;
	rc = EXIT_INPUT;
	/* A line on a terminal only: a log or a pipe stays clean. */
	progress_start(isatty(STDERR_FILENO) ? stderr : NULL, progress_delay());
	progress_begin("load");
	m = load_files_recorded(o.files, o.nfiles, &d, &src);
	progress_end();
	if (m == NULL)
		goto out;
	if (m->nexercises == 0) {
		msg_error("no Exercise document in the files given");
		goto out;
	}
	progress_begin("schedule");
	p = sched_plan(m, &d);
	progress_end();
	if (p == NULL)
		goto out;
	/* Opened before any file is written, so a database this planner
	 * must refuse stops the run before it changes anything. */
	progress_begin("store");
	st = db != NULL ? cmd_db_open(db, STORE_CREATE) : NULL;
	progress_end();
	if (db != NULL && st == NULL)
		goto out;
	progress_begin("assign");
	r = staff(p, &o, st, &d);
	progress_end();
	if (r == -1)
		goto out;
	progress_begin("store");
	r = st != NULL ? cmd_db_progress(st, p, &src, &pg) : 0;
	progress_end();
	if (r == -1)
		goto out;
	/* ics_write_all() counts its own time as "calendars". */
	progress_begin("documents");
	r = cmd_out_write(p, o.out, o.paper, !o.no_print, &pg);
	progress_end();
	if (r == -1)
		goto out;
	progress_begin("store");
	r = st != NULL ? cmd_db_store_plan(st, p, &pg, &stored) : 0;
	progress_end();
	if (r == -1)
		goto out;
	/* The schedule printed is a document too (tens of megabytes of
	 * JSON for a national program, written as it is made). A failed
	 * standard output is reported by main(), as for every command. */
	progress_begin("documents");
	if (o.json)
		(void)out_json_plan_write(stdout, p);
	else
		out_text_schedule(stdout, p);
	progress_end();
	if (stored != NULL && !o.json)
		fputs(stored, stdout);
	rc = 0;
out:
	progress_stop();
	if (o.timings) {
		char *t = progress_report();

		fputs(t, stderr);
		free(t);
	}
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
	    "[--paper letter|a4] [--no-print] [--export-lp FILE] "
	    "[--timings] [--db FILE | --no-db]",
	.summary = "Plan exercises: schedule, calendars and checklists.",
	.help =
	    "Loads the exercises, their templates and rosters (and any other\n"
	    "FILE given), places every event, and writes into DIR:\n"
	    "  calendar.ics    every event, for Outlook, Google, Apple and\n"
	    "                  Thunderbird\n"
	    "  agencies/ID.ics the events each agency attends\n"
	    "  people/ID.ics   the events of each person's roles\n"
	    "  tasks.ics       checklist items and corrective actions as\n"
	    "                  tasks (VTODO) with due dates and owners\n"
	    "  checklists.md   the template's checklists with due dates\n"
	    "  roles.csv       who holds which role, for spreadsheets\n"
	    "  roles.md        the same with vacancies and why, for people\n"
	    "  checklists-by-owner.md  each person's items, due in their zone\n"
	    "  improvement-plan.md     the HSEEP Improvement Plan table\n"
	    "  print/          PDFs to print, each named after the exercise:\n"
	    "                  checklists (all, and one per role with a part\n"
	    "                  per person), improvement plan, MSEL, packets\n"
	    "                  for controllers and evaluators, players and\n"
	    "                  observers, and Gantt charts by kind of event\n"
	    "                  and by agency (also .png, .svg)\n"
	    "It prints the schedule as a table, or as JSON with --json, and\n"
	    "stores the plan as a new revision of each exercise in the\n"
	    "database (nothing new when the inputs and plan are unchanged).\n"
	    "Roles held in the stored plans of other exercises count toward\n"
	    "workload caps and fairness, and keep their holders busy then.\n"
	    "\n"
	    "options:\n"
	    "  -o, --out DIR   where to write (default: out)\n"
	    "  --json          print the plan as JSON on standard output\n"
	    "  --paper SIZE    letter (default) or a4, for print/\n"
	    "  --export-lp FILE  write the staffing model in CPLEX LP\n"
	    "                  format, for glpsol --lp FILE or cbc FILE\n"
	    "  --no-print      write no PDFs: print/ is left as it is (a\n"
	    "                  program of hundreds of exercises plans in\n"
	    "                  seconds; its PDFs take minutes)\n"
	    "  --timings       print each phase's time and the peak memory\n"
	    "                  on standard error when done\n"
	    "  --db FILE       the database (default: $PLANNER_DB, else\n"
	    "                  planner.db in the working directory)\n"
	    "  --no-db         write the files only, store nothing\n",
	.flags = CMD_DB | CMD_DB_OPTIONAL,
	.exec_db = cmd_plan,
};
