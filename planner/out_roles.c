/* out_roles.c: who holds which role, as roles.csv (spreadsheets) and roles.md (people). */
#include "out_roles.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "assign.h"
#include "out_md.h"
#include "util.h"

/* RFC 4180 quoting, and a leading quote on what could start a formula
 * (OWASP's list: = + - @ tab CR), so that no cell is ever evaluated;
 * and on a cell that starts with a quote itself, so that a program
 * reading the file drops one leading quote and has the text exactly. */
static void
csv_cell(struct sb *b, const char *s)
{
	const char *p;

	if (s == NULL)
		s = "";
	sb_putc(b, '"');
	if (strchr("=+-@\t\r'", *s) != NULL && *s != '\0')
		sb_putc(b, '\'');
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			sb_putc(b, '"');
		sb_putc(b, *p);
	}
	sb_putc(b, '"');
}

static char *
contact_of(const struct person *pn)
{
	if (pn->phone != NULL && pn->email != NULL)
		return xasprintf("%s; %s", pn->email, pn->phone);
	return xstrdup(pn->email != NULL ? pn->email : pn->phone != NULL ?
	    pn->phone : "");
}

/* "ipm conduct conduct-2 hot-wash". */
static char *
events_of(const struct plan_exercise *px, const struct assignment *a)
{
	struct sb b = {0};
	size_t i;

	for (i = 0; i < a->nevents; i++) {
		const struct planned_event *pe = &px->events[a->events[i]];

		if (i > 0)
			sb_putc(&b, ' ');
		sb_puts(&b, pe->def->id);
		if (pe->day > 1)
			sb_printf(&b, "-%d", pe->day);
	}
	return sb_take(&b);
}

char *
out_roles_csv(const struct plan *p)
{
	struct sb b = {0};
	size_t i, j;

	sb_puts(&b, "exercise,role,person,agency,contact,events\r\n");
	for (i = 0; i < p->nexercises; i++) {
		const struct plan_exercise *px = &p->exercises[i];

		for (j = 0; j < px->nassignments; j++) {
			const struct assignment *a = &px->assignments[j];
			char *contact = contact_of(a->person);
			char *ev = events_of(px, a);

			csv_cell(&b, px->ex->id);
			sb_putc(&b, ',');
			csv_cell(&b, a->role->id);
			sb_putc(&b, ',');
			csv_cell(&b, a->person->name);
			sb_putc(&b, ',');
			csv_cell(&b, a->person->agency->id);
			sb_putc(&b, ',');
			csv_cell(&b, contact);
			sb_putc(&b, ',');
			csv_cell(&b, ev);
			sb_puts(&b, "\r\n");
			free(contact);
			free(ev);
		}
	}
	return sb_take(&b);
}

static void
md_cell(struct sb *b, const char *s)
{
	sb_puts(b, " ");
	out_md_escape(b, s);
	sb_puts(b, " |");
}

static void
md_assignments(struct sb *b, const struct plan_exercise *px)
{
	size_t j;

	sb_puts(b, "| Role | Person | Agency | Contact | Events |\n"
	    "| --- | --- | --- | --- | --- |\n");
	for (j = 0; j < px->nassignments; j++) {
		const struct assignment *a = &px->assignments[j];
		char *contact = contact_of(a->person);
		char *ev = events_of(px, a);

		sb_puts(b, "|");
		md_cell(b, a->role->name != NULL ? a->role->name : a->role->id);
		md_cell(b, a->person->name);
		md_cell(b, a->person->agency->id);
		md_cell(b, contact);
		md_cell(b, ev);
		sb_puts(b, "\n");
		free(contact);
		free(ev);
	}
}

static void
md_vacancies(struct sb *b, const struct plan_exercise *px)
{
	size_t j, k;

	if (px->nvacancies == 0) {
		sb_puts(b, "\nEvery seat is filled.\n");
		return;
	}
	sb_puts(b, "\n### Vacancies\n\n");
	for (j = 0; j < px->nvacancies; j++) {
		const struct vacancy *v = &px->vacancies[j];

		sb_puts(b, "- **");
		out_md_escape(b, v->role->id);
		sb_printf(b, "**: %d of %d missing\n", v->missing,
		    assign_needed(px, v->role));
		for (k = 0; k < v->reasons.n; k++) {
			sb_puts(b, "  - ");
			out_md_escape(b, v->reasons.v[k]);
			sb_puts(b, "\n");
		}
	}
}

static void
md_cost(struct sb *b, const struct staffing_cost *c)
{
	sb_printf(b, "\nStaffing cost %" PRId64 ": vacancies %" PRId64
	    ", preferences %" PRId64 ", fairness %" PRId64 ", continuity %"
	    PRId64 ", travel %" PRId64 ", out of hours %" PRId64 ".\n",
	    c->total, c->vacancy, c->preference, c->fairness, c->continuity,
	    c->travel, c->out_of_hours);
}

char *
out_roles_md(const struct plan *p)
{
	struct sb b = {0};
	size_t i;

	sb_puts(&b, "# Roles\n");
	for (i = 0; i < p->nexercises; i++) {
		const struct plan_exercise *px = &p->exercises[i];

		sb_puts(&b, "\n## ");
		out_md_escape(&b, px->ex->name);
		sb_puts(&b, "\n\n");
		md_assignments(&b, px);
		md_vacancies(&b, px);
		md_cost(&b, &px->cost);
	}
	sb_printf(&b, "\nTotal staffing cost %" PRId64 " (%s%s).\n",
	    p->cost.total, p->staffing_method != NULL ? p->staffing_method :
	    "none", p->staffing_optimal ? ", optimal" : ", best found");
	return sb_take(&b);
}
