/* cmd_templates.c: planner templates: the catalogue of bundled exercise templates, one line each. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "date.h"
#include "doctrine.h"
#include "load.h"
#include "msg.h"
#include "util.h"

/*
 * The catalogue: what a coordinator weighs when choosing a template
 * (type, play, lead time, roles to staff). templates/README.md holds the
 * same table, written by 'planner templates --markdown', and a test
 * compares the two so they cannot drift.
 */

/* Roughly comparable length of a span, to find the earliest event. */
static double
span_approx(const struct span *sp)
{
	return sp->months * 30.44 * 86400.0 + sp->days * 86400.0 +
	    (double)sp->secs;
}

/* A span without its sign in the unit a planner would say:
 * "8 months", "14 weeks", "10 days"; anything mixed as written. */
static void
span_words(const struct span *sp, char *buf, size_t size)
{
	long mo = labs((long)sp->months), d = labs((long)sp->days);
	char raw[48];

	if (sp->secs == 0 && d == 0)
		snprintf(buf, size, "%ld month%s", mo, mo == 1 ? "" : "s");
	else if (sp->secs == 0 && mo == 0 && d % 7 == 0)
		snprintf(buf, size, "%ld week%s", d / 7, d == 7 ? "" : "s");
	else if (sp->secs == 0 && mo == 0)
		snprintf(buf, size, "%ld day%s", d, d == 1 ? "" : "s");
	else {
		span_format(sp, raw);
		snprintf(buf, size, "%s", raw[0] == '-' || raw[0] == '+' ?
		    raw + 1 : raw);
	}
}

/* " month" and " months" are one unit; anything span_format wrote is
 * compared as written. */
static int
same_unit(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);

	if (na > 0 && a[na - 1] == 's')
		na--;
	if (nb > 0 && b[nb - 1] == 's')
		nb--;
	return na > 0 && na == nb && strncmp(a, b, na) == 0;
}

/*
 * Lead time: the window of the first event before play, counted back
 * from STARTEX ("6-8 months"); "none" when nothing comes before play.
 */
static void
lead_time(const struct template *t, char *buf, size_t size)
{
	const struct event_def *first = NULL;
	char a[48], b[48];
	size_t i, la, lb;

	for (i = 0; i < t->nevents; i++) {
		const struct event_def *e = &t->events[i];

		if (e->anchor != ANCHOR_STARTEX ||
		    span_approx(&e->earliest) >= 0)
			continue;
		if (first == NULL || span_approx(&e->earliest) <
		    span_approx(&first->earliest))
			first = e;
	}
	if (first == NULL) {
		snprintf(buf, size, "none");
		return;
	}
	span_words(&first->earliest, a, sizeof(a));
	/* A window ending after STARTEX still starts the cycle at its
	 * earliest; say only that. */
	if (span_approx(&first->latest) >= 0) {
		snprintf(buf, size, "%s", a);
		return;
	}
	span_words(&first->latest, b, sizeof(b));
	la = strcspn(a, " ");
	lb = strcspn(b, " ");
	if (strcmp(a, b) == 0)
		snprintf(buf, size, "%s", a);
	else if (same_unit(a + la, b + lb))
		/* One unit: "6-8 months", the nearer bound first. */
		snprintf(buf, size, "%.*s-%s", (int)lb, b, a);
	else
		snprintf(buf, size, "%s to %s", b, a);
}

/* "1 day, 8h" or "2 days, 8h each". */
static void
play_length(const struct template *t, char *buf, size_t size)
{
	char len[32];

	duration_format(t->conduct_length, len);
	snprintf(buf, size, "%d day%s, %s%s", t->conduct_days,
	    t->conduct_days == 1 ? "" : "s", len,
	    t->conduct_days == 1 ? "" : " each");
}

/* "exercise-director 1, trusted-agent 1/agency, ...": every role with
 * seats; "1/agency" is that many from each agency it is drawn from. */
static void
roles_needed(const struct template *t, struct sb *b)
{
	size_t i, n = 0;

	for (i = 0; i < t->nroles; i++) {
		const struct role_def *r = &t->roles[i];

		if (r->per_agency > 0)
			sb_printf(b, "%s%s %d/agency", n++ ? ", " : "", r->id,
			    r->per_agency);
		else if (r->count > 0 || r->min_per_agency > 0) {
			sb_printf(b, "%s%s %d", n++ ? ", " : "", r->id,
			    r->count);
			if (r->min_per_agency > 0)
				sb_printf(b, " (at least %d/agency)",
				    r->min_per_agency);
		}
	}
	if (n == 0)
		sb_puts(b, "none");
}

static int
cmd_templates(int argc, char **argv)
{
	struct diags d = {0};
	size_t n, i, j;
	char **files, play[48], lead[112];
	int rc = 0, markdown = 0;

	if (argc == 2 && strcmp(argv[1], "--markdown") == 0)
		markdown = 1;
	else if (argc > 1)
		return cmd_usage_error(&cmd_templates_entry,
		    argv[1][0] == '-' ? "unknown option '%s'" :
		    "unexpected argument '%s'", argv[1]);
	files = load_bundled_templates(&n);
	if (n == 0) {
		msg_error("no bundled templates found (looked in "
		    "'$PLANNER_DATADIR/templates'); is planner installed?");
		load_list_free(files, n);
		return EXIT_INPUT;
	}
	if (markdown)
		printf("| template | type | play | lead time | roles needed |\n"
		    "| --- | --- | --- | --- | --- |\n");
	else
		printf("%-28s %-11s %-12s %-21s %s\n", "TEMPLATE", "TYPE",
		    "PLAY", "LEAD TIME", "ROLES NEEDED");
	for (i = 0; i < n; i++) {
		struct model *m = load_files(&files[i], 1, &d);

		for (j = 0; m != NULL && j < m->ntemplates; j++) {
			const struct template *t = m->templates[j];
			struct sb roles = {0};

			/* A template it extends is listed for its own file. */
			if (strcmp(t->path, files[i]) != 0)
				continue;
			play_length(t, play, sizeof(play));
			lead_time(t, lead, sizeof(lead));
			roles_needed(t, &roles);
			if (markdown)
				printf("| `%s` | %s | %s | %s | %s |\n", t->id,
				    doctrine_type_name(t->type), play, lead,
				    sb_str(&roles));
			else
				printf("%-28s %-11s %-12s %-21s %s\n", t->id,
				    doctrine_type_name(t->type), play, lead,
				    sb_str(&roles));
			sb_free(&roles);
		}
		model_free(m);
	}
	if (msg_diags(&d) > 0)
		rc = EXIT_INPUT;
	diags_free(&d);
	load_list_free(files, n);
	return rc;
}

const struct cmd_entry cmd_templates_entry = {
	.name = "templates",
	.args = "[--markdown]",
	.summary = "List the bundled exercise templates.",
	.help =
	    "Prints the catalogue of bundled templates: each one's name, its\n"
	    "HSEEP exercise type, the length of play, the lead time (the\n"
	    "window of the first planning event before STARTEX) and the\n"
	    "roles to staff (N/agency: that many from each agency the role\n"
	    "is drawn from). Use the name as 'template:' in an Exercise\n"
	    "document, or with 'planner new'.\n"
	    "\n"
	    "  --markdown  the same catalogue as a Markdown table, as\n"
	    "              templates/README.md holds it\n",
	.exec = cmd_templates,
};
