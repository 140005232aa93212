/* out_md.c: readiness checklists as Markdown tables, with hostile text escaped. */
#include "out_md.h"

#include <stdlib.h>
#include <string.h>

#include "doctrine.h"
#include "duty.h"
#include "i18n.h"
#include "tz.h"
#include "util.h"

/*
 * Append s so that Markdown shows it as the literal text it is. Every
 * character that could start emphasis, code, a link, raw HTML, an
 * entity, a heading or a table cell is backslash-escaped (CommonMark
 * lets any ASCII punctuation be escaped, so the escapes themselves are
 * harmless anywhere); so is a leading -, + or = that could make a list
 * item or a setext underline, and the '.' or ')' after leading digits
 * ("1. ", an ordered list). Line breaks and other control characters
 * become spaces: a cell or heading must stay on one line. A leading
 * space is written "&#32;", so that text at the start of a line cannot
 * indent itself into a code block. NULL appends nothing.
 */
void
out_md_escape(struct sb *b, const char *s)
{
	const char *p;
	size_t n;

	if (s == NULL)
		return;
	if (*s == '-' || *s == '+' || *s == '=')
		sb_putc(b, '\\');
	n = strspn(s, "0123456789");
	if (n > 0 && (s[n] == '.' || s[n] == ')')) {
		sb_putn(b, s, n);
		sb_putc(b, '\\');
		s += n;
	}
	if (s[0] == '\r' && s[1] == '\n')
		s++;
	if (*s != '\0' && ((unsigned char)*s <= 0x20 || *s == 0x7f)) {
		sb_puts(b, "&#32;");
		s++;
	}
	for (p = s; *p != '\0'; p++) {
		unsigned char c = (unsigned char)*p;

		if (c == '\r' && p[1] == '\n')
			continue;	/* CRLF is one line break, one space */
		if (c < 0x20 || c == 0x7f) {
			sb_putc(b, ' ');
			continue;
		}
		if (strchr("|*_`[]<>#\\&~", c) != NULL)
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
	out_md_escape(b, abbr);
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
		out_md_escape(b, a->person->name != NULL ? a->person->name :
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
	out_md_escape(b, cl->title != NULL ? cl->title : cl->id);
	sb_puts(b, "\n\n| done | item | owner role | assigned to | due |\n"
	    "| --- | --- | --- | --- | --- |\n");
	for (i = 0; i < cl->nitems; i++) {
		const struct check_item *it = &cl->items[i];
		const struct role_def *role = template_role(tpl, it->owner);
		const struct planned_event *ev = plan_event(pe, it->event);

		sb_puts(b, "| [ ] | ");
		out_md_escape(b, it->text);
		sb_puts(b, " | ");
		out_md_escape(b, role != NULL && role->name != NULL ? role->name :
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
		out_md_escape(b, ex->marking);
		sb_puts(b, "**\n\n");
	}
	sb_puts(b, "# ");
	out_md_escape(b, ex->name != NULL ? ex->name : ex->id);
	sb_puts(b, "\n\nSTARTEX ");
	put_local(b, z, pe->startex);
	sb_puts(b, " .. ENDEX ");
	put_local(b, z, pe->endex);
	sb_puts(b, " (");
	out_md_escape(b, z != NULL ? ex->timezone : "UTC");
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

/* One newline at the end, not the blank line each block leaves. */
static char *
take_trimmed(struct sb *b)
{
	if (b->len >= 2 && b->s[b->len - 1] == '\n' &&
	    b->s[b->len - 2] == '\n')
		b->s[--b->len] = '\0';
	return sb_take(b);
}

/* The marking, if any, and a heading of the exercise's name and what. */
static void
put_title(struct sb *b, const struct exercise *ex, const char *what)
{
	if (ex->marking != NULL && ex->marking[0] != '\0') {
		sb_puts(b, "**");
		out_md_escape(b, ex->marking);
		sb_puts(b, "**\n\n");
	}
	sb_puts(b, "# ");
	out_md_escape(b, ex->name != NULL ? ex->name : ex->id);
	sb_printf(b, ": %s\n\n", what);
}

/* A template text as pn reads it (i18n.h); pn NULL: as the plan has it. */
static const char *
tr(const struct model *m, const struct person *pn, const char *s)
{
	if (pn == NULL)
		return s;
	return i18n_pick(m, s, (const char *const *)pn->languages.v);
}

/* One duty of its owner's own list, in the owner's language. */
static void
put_duty(struct sb *b, const struct model *m, const struct duty *d)
{
	const struct check_item *it = d->item;
	struct sb when = {0};

	sb_puts(b, d->done != NULL ? "- [x] " : "- [ ] ");
	out_md_escape(b, tr(m, d->person, it->text));
	sb_puts(b, " \xe2\x80\x94 due ");
	if (d->event != NULL) {
		put_local(b, d->zone, d->due);
		sb_puts(b, ", ");
	}
	duty_offset_text(&when, &it->offset);
	out_md_escape(&when, d->event == NULL || d->event->def->title == NULL ?
	    it->event : tr(m, d->person, d->event->def->title));
	sb_puts(b, sb_str(&when));
	sb_free(&when);
	if (d->event == NULL)
		sb_puts(b, " (not scheduled)");
	if (d->done != NULL) {
		sb_puts(b, "; done ");
		put_local_date(b, d->zone, d->done->at);
		if (d->done->initials != NULL) {
			sb_puts(b, " by ");
			out_md_escape(b, d->done->initials);
		}
	}
	sb_putc(b, '\n');
}

/* One person's part (pn NULL: unassigned) of role's duties. */
static void
put_owner(struct sb *b, const struct model *m, const struct plan_exercise *pe,
    const struct role_def *r, const struct person *pn,
    const struct duty *v, size_t n)
{
	const struct tz *z = duty_zone(pn, duty_venue_zone(pe));
	const struct checklist *cl = NULL;
	size_t i;

	sb_puts(b, "## ");
	out_md_escape(b, r->name != NULL ? tr(m, pn, r->name) : r->id);
	sb_puts(b, ": ");
	if (pn != NULL) {
		out_md_escape(b, pn->name != NULL ? pn->name : pn->id);
		sb_puts(b, "\n\n");
		if (pn->agency != NULL) {
			out_md_escape(b, pn->agency->name != NULL ?
			    pn->agency->name : pn->agency->id);
			sb_puts(b, ". ");
		}
	} else
		sb_puts(b, "unassigned\n\nNobody is assigned yet. ");
	sb_puts(b, "Due dates are local time in ");
	out_md_escape(b, z != NULL ? tz_name(z) : "UTC");
	sb_puts(b, ".\n\n");
	for (i = 0; i < n; i++) {
		if (!streq(v[i].item->owner, r->id) || v[i].person != pn)
			continue;
		if (v[i].list != cl) {
			if (cl != NULL)
				sb_putc(b, '\n');
			cl = v[i].list;
			sb_puts(b, "### ");
			out_md_escape(b, cl->title != NULL ?
			    tr(m, pn, cl->title) : cl->id);
			sb_puts(b, "\n\n");
		}
		put_duty(b, m, &v[i]);
	}
	sb_puts(b, "\nSigned: ______________________ Date: __________\n\n");
}

char *
out_md_checklists_by_owner(const struct plan *p, const struct item_done *done,
    size_t ndone)
{
	struct sb b = {0};
	size_t i, j, k, n, np;

	for (i = 0; i < p->nexercises; i++) {
		const struct plan_exercise *pe = &p->exercises[i];
		const struct template *tpl = pe->ex->tpl;
		struct duty *v = duty_list(pe, done, ndone, &n);

		put_title(&b, pe->ex, "checklists by owner");
		if (n == 0)
			sb_puts(&b, "No checklists.\n\n");
		for (j = 0; tpl != NULL && j < tpl->nroles; j++) {
			const struct role_def *r = &tpl->roles[j];
			const struct person **who;
			int owns = 0;

			for (k = 0; k < n && !owns; k++)
				owns = streq(v[k].item->owner, r->id);
			if (!owns)
				continue;
			who = duty_people(pe, r->id, &np);
			for (k = 0; k < np; k++)
				put_owner(&b, p->model, pe, r, who[k], v, n);
			if (duty_role_open(pe, r->id, np))
				put_owner(&b, p->model, pe, r, NULL, v, n);
			free(who);
		}
		free(v);
	}
	return take_trimmed(&b);
}

static void
put_cell(struct sb *b, const char *s, int required)
{
	sb_puts(b, " ");
	if (s == NULL || s[0] == '\0')
		sb_puts(b, required ? "**not set**" : "");
	else
		out_md_escape(b, s);
	sb_puts(b, " |");
}

static void
put_date_cell(struct sb *b, pdate d, int required)
{
	char buf[11];

	if (d == 0) {
		put_cell(b, NULL, required);
		return;
	}
	date_format(d, buf);
	sb_printf(b, " %s |", buf);
}

char *
out_md_improvement_plan(const struct plan *p,
    const struct corrective_action *a, size_t n)
{
	struct sb b = {0};
	size_t i, j, rows;

	for (i = 0; i < p->nexercises; i++) {
		const struct plan_exercise *pe = &p->exercises[i];
		const struct template *tpl = pe->ex->tpl;

		put_title(&b, pe->ex, "Improvement Plan");
		sb_puts(&b, "| core capability | observation | recommendation "
		    "| corrective action | capability element | responsible "
		    "agency | point of contact | start date | completion "
		    "date |\n| --- | --- | --- | --- | --- | --- | --- | --- "
		    "| --- |\n");
		for (j = rows = 0; j < n; j++) {
			if (!streq(a[j].exercise, pe->ex->id))
				continue;
			sb_puts(&b, "|");
			put_cell(&b, a[j].capability, 0);
			put_cell(&b, a[j].observation, 0);
			put_cell(&b, a[j].recommendation, 0);
			put_cell(&b, a[j].action, 1);
			put_cell(&b, a[j].element, 0);
			put_cell(&b, a[j].agency, 1);
			put_cell(&b, a[j].contact, 1);
			put_date_cell(&b, a[j].start, 0);
			put_date_cell(&b, a[j].due, 1);
			sb_putc(&b, '\n');
			rows++;
		}
		if (rows == 0) {
			/* A blank form, a row per core capability. */
			int caps[DOCTRINE_NCAPS];
			size_t nc = duty_capabilities(tpl, caps, NELEM(caps));

			for (j = 0; j < nc; j++) {
				sb_puts(&b, "|");
				put_cell(&b, doctrine_cap_name(caps[j]), 0);
				sb_puts(&b, "  |  |  |  |  |  |  |  |\n");
			}
			sb_puts(&b, "\nNo corrective actions are recorded yet: "
			    "fill in a row per corrective action at the "
			    "after-action meeting.\n");
		}
		sb_putc(&b, '\n');
	}
	return take_trimmed(&b);
}
