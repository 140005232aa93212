/* cmd_export.c: planner export EXERCISE: the files of planner plan, from a stored revision alone. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "cmd_db.h"
#include "cmd_out.h"
#include "load.h"
#include "msg.h"
#include "print.h"
#include "revision.h"

/*
 * The stored plan, made again from the stored documents and rows. If it
 * does not print as the JSON stored with it, this planner reads less of
 * a revision than the one that stored it did: say so, as the calendar
 * may then lack what that planner would have put in it.
 */
static int
rebuild(const struct store_rev *r, struct model **mp, struct plan **pp)
{
	struct load_source_list src = {0};
	struct diags d = {0};
	char *cause = NULL;
	size_t i;

	src.v = xcalloc(r->nsources + 1, sizeof(*src.v));
	for (i = 0; i < r->nsources; i++) {
		src.v[i].name = r->sources[i].name;
		src.v[i].bundled = r->sources[i].bundled;
		src.v[i].root = r->sources[i].root;
		src.v[i].text = r->sources[i].text;
		src.v[i].len = r->sources[i].len;
	}
	src.n = r->nsources;
	*mp = load_sources(&src, &d);
	free(src.v);	/* the strings are the revision's */
	if (*mp == NULL) {
		msg_diags(&d);
		diags_free(&d);
		msg_error("cannot read the documents stored with revision %d "
		    "of '%s'", r->number, r->exercise);
		return -1;
	}
	diags_free(&d);
	if (revision_plan(r, *mp, pp, &cause) == -1)
		return cmd_db_fail(cause), -1;
	if (!revision_plan_matches(r, *pp))
		msg_warn("revision %d of '%s' was stored by planner %s, which "
		    "kept more of the plan than this one reads; the files may "
		    "differ from what it wrote", r->number, r->exercise,
		    r->planner);
	return 0;
}

static int
cmd_export(const char *db, int argc, char **argv)
{
	const char *exercise = NULL, *out = "out", *v;
	struct cmd_db_progress pg = {0};
	enum print_paper paper = PRINT_LETTER;
	struct store_rev *r = NULL;
	struct model *m = NULL;
	struct plan *p = NULL;
	struct store *s;
	char *cause = NULL;
	int i, number = 0, missing, rc = EXIT_INPUT;

	for (i = 1; i < argc; i++) {
		if ((v = cmd_db_opt(argc, argv, &i, "--revision",
		    &missing)) != NULL || missing) {
			int64_t n = missing ? -1 : cmd_db_number(v, "");

			if (n <= 0 || n > 1000000000)
				return cmd_usage_error(&cmd_export_entry,
				    "'--revision' needs a revision number");
			number = (int)n;
		} else if ((v = cmd_db_opt(argc, argv, &i, "--out",
		    &missing)) != NULL || missing ||
		    (v = cmd_db_opt(argc, argv, &i, "-o", &missing)) != NULL ||
		    missing) {
			if (missing || v[0] == '\0')
				return cmd_usage_error(&cmd_export_entry,
				    "'--out' needs a directory");
			out = v;
		} else if ((v = cmd_db_opt(argc, argv, &i, "--paper",
		    &missing)) != NULL || missing) {
			if (missing)
				return cmd_usage_error(&cmd_export_entry,
				    "'--paper' needs letter or a4");
			if (print_paper_parse(v, &paper) == -1)
				return cmd_usage_error(&cmd_export_entry,
				    "unknown paper '%s': expected letter or "
				    "a4", v);
		} else if (argv[i][0] == '-')
			return cmd_usage_error(&cmd_export_entry,
			    "unknown option '%s'", argv[i]);
		else if (exercise == NULL)
			exercise = argv[i];
		else
			return cmd_usage_error(&cmd_export_entry,
			    "one exercise at a time");
	}
	if (exercise == NULL)
		return cmd_usage_error(&cmd_export_entry, "no exercise given");
	if ((s = cmd_db_open(db, STORE_EXISTING)) == NULL)
		return EXIT_INPUT;
	if (store_begin_read(s, &cause) == -1 ||
	    store_get_revision(s, exercise, number, 1, &r, &cause) == -1) {
		rc = cmd_db_fail(cause);
		goto out;
	}
	/* The progress as it stands now: an export after items were checked
	 * off or actions added shows them, as a plan run now would. */
	if (cmd_db_rev_progress(s, r, &pg) == -1)
		goto out;
	store_rollback(s);
	if (rebuild(r, &m, &p) == -1 ||
	    cmd_out_write(p, out, paper, 1, &pg) == -1)
		goto out;
	printf("exported revision %d of %s to '%s': calendars, checklists, "
	    "roles and print/\n", r->number, r->exercise, out);
	rc = 0;
out:
	cmd_db_progress_free(&pg);
	plan_free(p);
	model_free(m);
	store_rev_free(r);
	store_close(s);
	return rc;
}

const struct cmd_entry cmd_export_entry = {
	.name = "export",
	.args = "EXERCISE [--revision N] [--out DIR] [--paper letter|a4] "
	    "[--db FILE]",
	.summary = "Write a stored revision's calendars, checklists and PDFs.",
	.help =
	    "Writes into DIR (default: out) the files planner plan writes\n"
	    "there (calendar.ics, agencies/, people/, tasks.ics, the\n"
	    "checklists and Improvement Plan in Markdown, roles.csv,\n"
	    "roles.md and the PDFs under print/) for the latest revision of\n"
	    "EXERCISE, or revision N, from the database alone: the input\n"
	    "documents stored with the revision, its schedule and staffing as\n"
	    "planned then and the progress recorded since (items checked\n"
	    "off, corrective actions), with no YAML file read and nothing\n"
	    "scheduled again. For the same revision and progress the files\n"
	    "are byte for byte those planner plan wrote.\n"
	    "\n"
	    "options:\n"
	    "  --revision N    that revision rather than the latest\n"
	    "  -o, --out DIR   where to write (default: out)\n"
	    "  --paper SIZE    letter (default) or a4, for print/\n"
	    "  --db FILE       the database (default: $PLANNER_DB, else\n"
	    "                  planner.db in the working directory)\n",
	.flags = CMD_DB,
	.exec_db = cmd_export,
};
