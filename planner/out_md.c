/* out_md.c: readiness checklists as Markdown tables, with hostile text escaped. */
#include "out_md.h"

#include <stdlib.h>
#include <string.h>

#include "tz.h"
#include "util.h"

/*
 * Append s so that Markdown shows it as the literal text it is. Every
 * character that could start emphasis, code, a link, raw HTML, an
 * entity, a heading or a table cell is backslash-escaped (CommonMark
 * lets any ASCII punctuation be escaped, so the escapes themselves are
 * harmless anywhere); so is a leading -, + or = that could make a list
 * item or a setext underline. Line breaks and other control characters
 * become spaces: a cell or heading must stay on one line, and a tab
 * could start a code block. NULL appends nothing.
 */
static void
md_escape(struct sb *b, const char *s)
{
	const char *p;

	if (s == NULL)
		return;
	if (*s == '-' || *s == '+' || *s == '=')
		sb_putc(b, '\\');
	for (p = s; *p != '\0'; p++) {
		unsigned char c = (unsigned char)*p;

		if (c == '\r' && p[1] == '\n')
			continue;	/* CRLF is one line break, one space */
		if (c < 0x20 || c == 0x7f) {
			sb_putc(b, ' ');
			continue;
		}
		if (strchr("|*_`[]<>#\\&", c) != NULL)
			sb_putc(b, '\\');
		sb_putc(b, (char)c);
	}
}

/* Local date and clock at the venue, with the zone's abbreviation. */
static void
put_local(struct sb *b, const struct tz *z, ptime t)
{
	char buf[11];
	const char *abbr = "UTC";
	pdate d;
	int secs;

	if (z != NULL) {
		tz_to_local(z, t, &d, &secs);
		abbr = tz_abbr(z, t);
	} else {
		d = date_of(t);
		secs = (int)(t - (ptime)d * SECS_PER_DAY);
	}
	date_format(d, buf);
	sb_printf(b, "%s %02d:%02d ", buf, secs / 3600, secs / 60 % 60);
	md_escape(b, abbr);
}

static void
put_local_date(struct sb *b, const struct tz *z, ptime t)
{
	char buf[11];
	pdate d;
	int secs;

	if (z != NULL)
		tz_to_local(z, t, &d, &secs);
	else
		d = date_of(t);
	date_format(d, buf);
	sb_puts(b, buf);
}

/* The first scheduled occurrence (day 1 of play) of an event, or NULL. */
static const struct planned_event *
find_event(const struct plan_exercise *pe, const char *id)
{
	size_t i;

	for (i = 0; i < pe->nevents; i++)
		if (streq(pe->events[i].def->id, id))
			return &pe->events[i];
	return NULL;
}

static void
put_assigned(struct sb *b, const struct plan_exercise *pe, const char *role)
{
	size_t i, n = 0;

	for (i = 0; i < pe->nassignments; i++) {
		const struct assignment *a = &pe->assignments[i];

		if (!streq(a->role->id, role))
			continue;
		if (n++ > 0)
			sb_puts(b, ", ");
		md_escape(b, a->person->name != NULL ? a->person->name :
		    a->person->id);
	}
	if (n == 0)
		sb_puts(b, "unassigned");
}

static void
put_checklist(struct sb *b, const struct plan_exercise *pe,
    const struct tz *z, const struct checklist *cl)
{
	const struct template *tpl = pe->ex->tpl;
	size_t i;

	sb_puts(b, "## ");
	md_escape(b, cl->title != NULL ? cl->title : cl->id);
	sb_puts(b, "\n\n| done | item | owner role | assigned to | due |\n"
	    "| --- | --- | --- | --- | --- |\n");
	for (i = 0; i < cl->nitems; i++) {
		const struct check_item *it = &cl->items[i];
		const struct role_def *role = template_role(tpl, it->owner);
		const struct planned_event *ev = find_event(pe, it->event);

		sb_puts(b, "| [ ] | ");
		md_escape(b, it->text);
		sb_puts(b, " | ");
		md_escape(b, role != NULL && role->name != NULL ? role->name :
		    it->owner);
		sb_puts(b, " | ");
		put_assigned(b, pe, it->owner);
		sb_puts(b, " | ");
		if (ev != NULL)
			put_local_date(b, z, span_add_time(ev->start,
			    &it->offset));
		else
			sb_puts(b, "not scheduled");
		sb_puts(b, " |\n");
	}
	sb_putc(b, '\n');
}

static void
put_exercise(struct sb *b, const struct plan_exercise *pe)
{
	const struct exercise *ex = pe->ex;
	const struct template *tpl = ex->tpl;
	const struct tz *z = NULL;
	char *cause = NULL;
	size_t i;

	/* The loader has checked the zone, so a failure here can only be a
	 * hand-built plan; showing UTC beats refusing the document. */
	if (ex->timezone != NULL && (z = tz_get(ex->timezone, &cause)) == NULL)
		free(cause);

	if (ex->marking != NULL && ex->marking[0] != '\0') {
		sb_puts(b, "**");
		md_escape(b, ex->marking);
		sb_puts(b, "**\n\n");
	}
	sb_puts(b, "# ");
	md_escape(b, ex->name != NULL ? ex->name : ex->id);
	sb_puts(b, "\n\nSTARTEX ");
	put_local(b, z, pe->startex);
	sb_puts(b, " .. ENDEX ");
	put_local(b, z, pe->endex);
	sb_puts(b, " (");
	md_escape(b, z != NULL ? ex->timezone : "UTC");
	sb_puts(b, ")\n\n");

	if (tpl == NULL || tpl->nchecklists == 0) {
		sb_puts(b, "No checklists.\n\n");
		return;
	}
	for (i = 0; i < tpl->nchecklists; i++)
		put_checklist(b, pe, z, &tpl->checklists[i]);
}

char *
out_md_checklists(const struct plan *p)
{
	struct sb b = {0};
	size_t i;

	for (i = 0; i < p->nexercises; i++)
		put_exercise(&b, &p->exercises[i]);
	/* One newline at the end, not the blank line each block leaves. */
	if (b.len >= 2 && b.s[b.len - 1] == '\n' && b.s[b.len - 2] == '\n')
		b.s[--b.len] = '\0';
	return sb_take(&b);
}
