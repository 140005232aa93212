/* cmd_new.c: planner new TEMPLATE [-o FILE]: a commented Exercise skeleton to fill in. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd.h"
#include "date.h"
#include "doctrine.h"
#include "load.h"
#include "msg.h"
#include "now.h"
#include "paths.h"
#include "util.h"

/* The first template that path itself defines (not one it extends). */
static const struct template *
own_template(const struct model *m, const char *path)
{
	size_t i;

	for (i = 0; i < m->ntemplates; i++)
		if (strcmp(m->templates[i]->path, path) == 0)
			return m->templates[i];
	return NULL;
}

/* Days from the earliest planning event to STARTEX: how far ahead play
 * can be, counted from today. */
static int
lead_days(const struct template *t, pdate today)
{
	pdate first = today;
	size_t i;

	for (i = 0; i < t->nevents; i++) {
		pdate d;

		if (t->events[i].anchor != ANCHOR_STARTEX)
			continue;
		d = span_add_date(today, &t->events[i].earliest);
		if (d < first)
			first = d;
	}
	return (int)(today - first);
}

/* One line of YAML text, with quotes so that any value reads back. */
static void
put_quoted(struct sb *b, const char *s)
{
	sb_putc(b, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			sb_putc(b, '\\');
		sb_putc(b, *s == '\n' ? ' ' : *s);
	}
	sb_putc(b, '"');
}

/*
 * The template's parameters: those without a default must be set for
 * the skeleton to validate, so they are written with a CHANGE value;
 * the others are shown, commented out, with their defaults.
 */
static void
put_params(struct sb *b, const struct template *t)
{
	size_t i, need = 0;
	const char *s;

	for (i = 0; i < t->nparams; i++)
		need += t->params[i].def == NULL;
	if (t->nparams == 0)
		return;
	sb_printf(b, "# Values for the template's parameters ({{id}} in its "
	    "texts)%s.\n%sparameters:\n", need ? "" : "; each has a default",
	    need ? "" : "# ");
	for (i = 0; i < t->nparams; i++) {
		const struct param_def *pd = &t->params[i];

		sb_printf(b, "%s  %s: ", pd->def != NULL ? "#" : "", pd->id);
		put_quoted(b, pd->def != NULL ? pd->def : "CHANGE");
		sb_puts(b, pd->def != NULL ? "   # " : "   # CHANGE: ");
		for (s = pd->description != NULL ? pd->description :
		    "no description"; *s; s++)
			sb_putc(b, *s == '\n' || *s == '\r' ? ' ' : *s);
		sb_putc(b, '\n');
	}
}

static void
put_role(struct sb *b, const struct role_def *r)
{
	size_t i;

	sb_printf(b, "#   %-22s ", r->id);
	if (r->per_agency > 0)
		sb_printf(b, "%d per %s agency", r->per_agency,
		    r->source == SRC_PLAYING ? "playing" :
		    r->source == SRC_NON_PLAYING ?
		    "non-playing" : "participating");
	else
		sb_printf(b, "%d", r->count);
	for (i = 0; i < r->qualifications.n; i++)
		sb_printf(b, "%s%s", i == 0 ? "; " : ", ",
		    r->qualifications.v[i]);
	for (i = 0; i < r->languages.n; i++)
		sb_printf(b, "%s%s", i == 0 ? "; speaks " : " and ",
		    r->languages.v[i]);
	sb_putc(b, '\n');
}

/* The skeleton: every required key, with what to put there. */
static void
skeleton(struct sb *b, const struct template *t, const char *ref,
    pdate today)
{
	int lead = lead_days(t, today);
	pdate from = today + lead + 7, to = from + 60;
	char d1[11], d2[11], len[32];
	size_t i;

	date_format(from, d1);
	date_format(to, d2);
	duration_format(t->conduct_length, len);
	sb_printf(b, "# Exercise built from template '%s' (%s): %s.\n",
	    t->id, doctrine_type_name(t->type), t->name);
	sb_printf(b, "# Written by 'planner new %s'. Change every value "
	    "marked CHANGE, make the\n# roster file exist, then run "
	    "'planner validate' and 'planner plan' on this file.\n", ref);
	sb_printf(b, "# Play: %d day(s) of %s from %02d:%02d; the first "
	    "planning event is %d days\n# before STARTEX. Keys are "
	    "described in docs/format.md.\n", t->conduct_days, len,
	    t->conduct_start / 60, t->conduct_start % 60, lead);
	sb_puts(b, "kind: Exercise\nversion: 1\n");
	sb_printf(b, "id: %s-%.4s        # CHANGE: a short id, unique in the "
	    "database\n", t->id, d1);
	sb_puts(b, "name: ");
	put_quoted(b, t->name);
	sb_puts(b, "   # CHANGE: the exercise's own name\n");
	sb_puts(b, "template: ");
	put_quoted(b, ref);
	sb_puts(b, "\nvenue:\n  name: \"CHANGE: venue name\"\n"
	    "  timezone: America/Phoenix   # CHANGE: the venue's zone "
	    "(STARTEX is local time there)\n");
	sb_printf(b, "# The first day of play, or a range for planner to "
	    "choose it in; the range\n# below leaves the whole planning "
	    "cycle in the future.\nconduct: %s..%s\n", d1, d2);
	sb_puts(b, "# Participating agencies: ids from the rosters; "
	    "'as' is playing, supporting\n# or observing.\n"
	    "agencies:\n  - {id: lead-agency, as: playing}   # CHANGE\n");
	sb_puts(b, "rosters: [roster.yaml]   # CHANGE: Roster files, "
	    "relative to this file\n");
	put_params(b, t);
	sb_puts(b, "# language: en   # of the master documents: en, es or "
	    "uk\n# marking: FOR OFFICIAL USE ONLY\n");
	sb_puts(b, "#\n# Roles the rosters must staff (role, how many; "
	    "qualifications; languages):\n");
	for (i = 0; i < t->nroles; i++)
		put_role(b, &t->roles[i]);
}

/* A bundled name that is not there: suggest the nearest. */
static void
unknown(const char *ref)
{
	size_t n, i;
	char **v = load_bundled_templates(&n);
	const char **names = xcalloc(n + 1, sizeof(char *));
	const char *near;

	for (i = 0; i < n; i++) {
		const char *slash = strrchr(v[i], '/');

		names[i] = slash != NULL ? slash + 1 : v[i];
		/* drop ".yaml" in place: v is ours */
		v[i][strlen(v[i]) - 5] = '\0';
	}
	near = closest_word(ref, names, n);
	if (near != NULL)
		msg_error("unknown template '%s'; did you mean '%s'?", ref,
		    near);
	else
		msg_error("unknown template '%s' (see 'planner templates')",
		    ref);
	free(names);
	load_list_free(v, n);
}

static int
cmd_new(int argc, char **argv)
{
	const char *ref = NULL, *out = NULL;
	struct diags d = {0};
	struct model *m = NULL;
	const struct template *t;
	struct sb b = {0};
	char *path, *cause = NULL;
	struct stat st;
	ptime now;
	int i, rc = EXIT_INPUT;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-o") == 0 || strcmp(argv[i],
		    "--output") == 0) {
			if (++i == argc)
				return cmd_usage_error(&cmd_new_entry,
				    "'%s' needs a file", argv[i - 1]);
			out = argv[i];
		} else if (argv[i][0] == '-' && argv[i][1] != '\0')
			return cmd_usage_error(&cmd_new_entry,
			    "unknown option '%s'", argv[i]);
		else if (ref != NULL)
			return cmd_usage_error(&cmd_new_entry,
			    "one template only");
		else
			ref = argv[i];
	}
	if (ref == NULL)
		return cmd_usage_error(&cmd_new_entry, "no template given");
	if (now_get(&now, &cause) == -1) {
		msg_error("%s", cause);
		free(cause);
		return EXIT_INPUT;
	}
	path = paths_is_path(ref) ? xstrdup(ref) :
	    xasprintf("%s/templates/%s.yaml", paths_datadir(), ref);
	if (!paths_is_path(ref) && stat(path, &st) != 0) {
		unknown(ref);
		goto out;
	}
	if ((m = load_files(&path, 1, &d)) == NULL) {
		msg_diags(&d);
		goto out;
	}
	if ((t = own_template(m, path)) == NULL) {
		msg_error("'%s' holds no Template document", ref);
		goto out;
	}
	skeleton(&b, t, ref, date_of(now));
	if (out == NULL) {
		fputs(sb_str(&b), stdout);
		rc = 0;
	} else if (stat(out, &st) == 0)
		msg_error("'%s' exists; not overwritten", out);
	else if (write_file_atomic(out, sb_str(&b), strlen(sb_str(&b))) == -1)
		msg_error("cannot write '%s': %s", out, strerror(errno));
	else
		rc = 0;
out:
	sb_free(&b);
	model_free(m);
	diags_free(&d);
	free(path);
	return rc;
}

const struct cmd_entry cmd_new_entry = {
	.name = "new",
	.args = "TEMPLATE [-o FILE]",
	.summary = "Write an Exercise skeleton for a template.",
	.help =
	    "Writes a commented Exercise document built from TEMPLATE (a\n"
	    "bundled name, see 'planner templates', or a template file) to\n"
	    "standard output, or to FILE with -o (never over an existing\n"
	    "file). Every value to change is marked CHANGE, including each\n"
	    "template parameter that has no default; its conduct range\n"
	    "leaves the template's whole planning cycle in the future.\n",
	.exec = cmd_new,
};
