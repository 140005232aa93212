/* print.c: what each printed document of an exercise holds, and which audience may have it. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doctrine.h"
#include "duty.h"
#include "i18n.h"
#include "now.h"
#include "print_impl.h"

#define GREY_ON	"<span foreground='#555555' size='smaller'>"
#define GREY(s)	GREY_ON s "</span>"
#define RED(s)	"<span foreground='#b00000'><b>" s "</b></span>"

/* Who may hold a document: the C/E material never reaches the others. */
enum { AUD_CE = 1, AUD_PLAYER = 2, AUD_OBSERVER = 4 };

/* One exercise being printed. */
struct ex {
	const struct plan_exercise *px;
	const struct exercise *ex;
	const struct template *tpl;
	const struct print_opts *o;
	const struct tz *venue;		/* NULL: UTC */
	struct print_frame frame;
	char *dir;
	char *dates, *revision, *generated;
	ptime now;
	int *aud;			/* AUD_* of each template role */
	struct duty *duties;		/* every checklist item, by owner */
	size_t nduties;
	const struct model *model;	/* for texts in a reader's language */
};

static const char *
role_name(const struct template *tpl, const char *id)
{
	const struct role_def *r = template_role(tpl, id);

	return r != NULL && r->name != NULL ? r->name : id;
}

/* A template text as pn reads it (i18n.h); pn NULL: as the plan has it,
 * in the exercise's language. */
static const char *
tr(const struct ex *x, const struct person *pn, const char *s)
{
	if (pn == NULL)
		return s;
	return i18n_pick(x->model, s, (const char *const *)pn->languages.v);
}

static const char *
person_name(const struct person *pn)
{
	return pn->name != NULL ? pn->name : pn->id;
}

static void
put_esc(struct sb *b, const char *s)
{
	char *e = print_esc(s);

	sb_puts(b, e);
	free(e);
}

/* "Wed 2027-06-16\n15:00 MST" in zone z. */
static void
put_when(struct sb *b, const struct tz *z, ptime t)
{
	char day[16], clock[8];

	print_date(z, t, day);
	print_clock(z, t, clock);
	sb_printf(b, "%s\n%s ", day, clock);
	put_esc(b, z != NULL ? tz_abbr(z, t) : "UTC");
}

/* "Name, Agency" of pn. */
static void
put_person(struct sb *b, const struct person *pn)
{
	sb_puts(b, "<b>");
	put_esc(b, person_name(pn));
	sb_puts(b, "</b>");
	if (pn->agency != NULL) {
		sb_puts(b, ", ");
		put_esc(b, pn->agency->name != NULL ? pn->agency->name :
		    pn->agency->id);
	}
}

/* The cells of one checklist row: one item for one owner (or nobody),
 * its texts as reader reads them (NULL: everyone). */
static void
checklist_row(const struct ex *x, struct print_table *t,
    const struct duty *dt, const struct person *reader)
{
	const struct check_item *it = dt->item;
	const struct person *pn = dt->person;
	struct sb item = {0}, owner = {0}, due = {0}, init = {0};
	struct print_cell c[5];

	put_esc(&item, tr(x, reader, it->text));
	sb_puts(&item, "\n" GREY_ON "due ");
	duty_offset_text(&item, &it->offset);
	put_esc(&item, dt->event == NULL || dt->event->def->title == NULL ?
	    it->event : tr(x, reader, dt->event->def->title));
	sb_puts(&item, "</span>");

	if (pn != NULL) {
		sb_puts(&owner, "<b>");
		put_esc(&owner, person_name(pn));
		sb_puts(&owner, "</b>");
		if (pn->agency != NULL) {
			sb_putc(&owner, '\n');
			put_esc(&owner, pn->agency->name != NULL ?
			    pn->agency->name : pn->agency->id);
		}
	} else
		sb_puts(&owner, "<span foreground='#b00000'>unassigned</span>");
	sb_puts(&owner, "\n" GREY_ON);
	put_esc(&owner, tr(x, reader, dt->role_name));
	sb_puts(&owner, "</span>");

	if (dt->event != NULL) {
		put_when(&due, dt->zone, dt->due);
		sb_puts(&due, "\n" GREY_ON);
		put_esc(&due, dt->zone != NULL ? tz_name(dt->zone) : "UTC");
		sb_puts(&due, "</span>");
	} else
		sb_puts(&due, "not scheduled");

	if (dt->done != NULL) {
		char day[16];

		print_date(dt->zone, dt->done->at, day);
		sb_printf(&init, "<b>done</b>\n%s", day);
		if (dt->done->initials != NULL) {
			sb_putc(&init, '\n');
			put_esc(&init, dt->done->initials);
		}
	}
	c[0].kind = dt->done != NULL ? PRINT_CELL_TICKED : PRINT_CELL_BOX;
	c[0].markup = NULL;
	c[1] = (struct print_cell){ sb_str(&item), PRINT_CELL_TEXT };
	c[2] = (struct print_cell){ sb_str(&owner), PRINT_CELL_TEXT };
	c[3] = (struct print_cell){ sb_str(&due), PRINT_CELL_TEXT };
	c[4] = (struct print_cell){ sb_str(&init), PRINT_CELL_TEXT };
	print_table_row(t, c);
	sb_free(&item);
	sb_free(&owner);
	sb_free(&due);
	sb_free(&init);
}

static const struct print_col checklist_cols[] = {
	{ "", 4 }, { "Item", 38 }, { "Owner", 23 },
	{ "Due (owner's local time)", 20 }, { "Initials / date", 15 },
};

/*
 * A checklist's table. With role NULL: every duty of it. Otherwise:
 * the duties of role's items that fall to person pn (NULL: to nobody).
 * Nothing is drawn when no duty is left.
 */
static void
checklist_table(struct print_doc *d, const struct ex *x,
    const struct checklist *cl, const char *role, const struct person *pn)
{
	struct print_table t;
	size_t i, rows = 0;
	char *s;

	for (i = 0; i < x->nduties; i++) {
		const struct duty *dt = &x->duties[i];

		if (dt->list == cl && (role == NULL ||
		    (streq(dt->item->owner, role) && dt->person == pn)))
			rows++;
	}
	if (rows == 0)
		return;
	s = print_esc(cl->title != NULL ? tr(x, role != NULL ? pn : NULL,
	    cl->title) : cl->id);
	print_doc_heading(d, s, PRINT_H2, 110);
	free(s);
	print_table_begin(&t, d, checklist_cols, NELEM(checklist_cols),
	    PRINT_TABLE, 30);
	for (i = 0; i < x->nduties; i++) {
		const struct duty *dt = &x->duties[i];

		if (dt->list == cl && (role == NULL ||
		    (streq(dt->item->owner, role) && dt->person == pn)))
			checklist_row(x, &t, dt, role != NULL ? pn : NULL);
	}
	print_table_end(&t);
}

static void
build_checklists(struct print_doc *d, void *arg)
{
	const struct ex *x = arg;
	size_t i;

	print_doc_heading(d, "Checklists", PRINT_H1, 40);
	print_doc_para(d, "Every readiness and after-action item, one row for "
	    "each person responsible. Due dates are in each owner's local "
	    "time; the grey line under an item says which event it counts "
	    "from. Tick the box and initial when done.", PRINT_TEXT);
	if (x->tpl->nchecklists == 0)
		print_doc_para(d, "The template has no checklists.",
		    PRINT_TEXT);
	for (i = 0; i < x->tpl->nchecklists; i++)
		checklist_table(d, x, &x->tpl->checklists[i], NULL, NULL);
}

/* One role's checklist: a part for each person, each on its own pages. */
struct role_arg {
	struct ex *x;
	const struct role_def *role;
};

static void
role_part(struct print_doc *d, struct ex *x, const struct role_def *r,
    const struct person *pn)
{
	const struct tz *z = duty_zone(pn, x->venue);
	const char *was = x->frame.title;
	char *title, *s;
	struct sb b = {0};
	size_t i;

	title = xasprintf("Checklist: %s \xe2\x80\x94 %s", r->name != NULL ?
	    tr(x, pn, r->name) : r->id, pn != NULL ? person_name(pn) :
	    "unassigned");
	x->frame.title = title;
	print_doc_page(d);
	s = print_esc(r->name != NULL ? tr(x, pn, r->name) : r->id);
	print_doc_heading(d, s, PRINT_H1, 40);
	free(s);
	if (pn != NULL) {
		put_person(&b, pn);
		if (pn->email != NULL) {
			sb_puts(&b, " \xc2\xb7 ");
			put_esc(&b, pn->email);
		}
		if (pn->phone != NULL) {
			sb_puts(&b, " \xc2\xb7 ");
			put_esc(&b, pn->phone);
		}
		sb_putc(&b, '\n');
	} else
		sb_puts(&b, RED("Nobody is assigned to this role yet.") "\n");
	sb_puts(&b, "Due dates are local time in ");
	put_esc(&b, z != NULL ? tz_name(z) : "UTC");
	sb_puts(&b, ".");
	print_doc_para(d, sb_str(&b), PRINT_TEXT);
	sb_free(&b);
	for (i = 0; i < x->tpl->nchecklists; i++)
		checklist_table(d, x, &x->tpl->checklists[i], r->id, pn);
	print_doc_para(d, "I confirm that the items ticked above are "
	    "complete.", PRINT_TEXT);
	if (pn != NULL)
		put_person(&b, pn);
	else
		sb_puts(&b, "Name and agency:");
	print_doc_signature(d, sb_str(&b));
	sb_free(&b);
	x->frame.title = was;
	free(title);
}

static void
build_role(struct print_doc *d, void *arg)
{
	struct role_arg *ra = arg;
	size_t i, n;
	const struct person **who = duty_people(ra->x->px, ra->role->id, &n);

	for (i = 0; i < n; i++)
		role_part(d, ra->x, ra->role, who[i]);
	if (duty_role_open(ra->x->px, ra->role->id, n))
		role_part(d, ra->x, ra->role, NULL);
	free(who);
}

/* The HSEEP Improvement Plan. */
static const struct print_col ip_cols[] = {
	{ "Core capability", 10.5 },
	{ "Observation (area for improvement)", 14 },
	{ "Recommendation", 14 }, { "Corrective action", 15 },
	{ "Capability element", 9.5 }, { "Responsible agency", 10 },
	{ "Point of contact", 9.5 }, { "Start date", 8.5 },
	{ "Completion date", 9 },
};

static char *
cell_text(const char *s, int required)
{
	if (s == NULL || s[0] == '\0')
		return xstrdup(required ? RED("not set") : "");
	return print_esc(s);
}

static char *
cell_date(pdate dt, int required)
{
	char buf[11];

	if (dt == 0)
		return xstrdup(required ? RED("not set") : "");
	date_format(dt, buf);
	return xstrdup(buf);
}

static void
build_ip(struct print_doc *d, void *arg)
{
	const struct ex *x = arg;
	const struct print_opts *o = x->o;
	struct print_table t;
	struct print_cell c[NELEM(ip_cols)];
	struct sb b = {0};
	size_t i, j, n = 0;
	const struct planned_event *aam = NULL;

	for (i = 0; i < x->px->nevents && aam == NULL; i++)
		if (x->px->events[i].def->kind == EV_AFTER_ACTION_MEETING)
			aam = &x->px->events[i];
	for (i = 0; i < o->nactions; i++)
		if (streq(o->actions[i].exercise, x->ex->id))
			n++;
	print_doc_heading(d, "Improvement Plan", PRINT_H1, 40);
	sb_puts(&b, "Corrective actions from the after-action review, by core "
	    "capability. A corrective action needs a responsible agency, a "
	    "point of contact and a completion date; missing ones show as ");
	sb_puts(&b, RED("not set") ".");
	if (aam != NULL) {
		char day[16];

		print_date(x->venue, aam->start, day);
		sb_printf(&b, " After-Action Meeting: %s.", day);
	}
	if (n == 0)
		sb_puts(&b, "\nNo corrective actions are recorded yet: fill in "
		    "this form at the After-Action Meeting, one row per "
		    "corrective action.");
	print_doc_para(d, sb_str(&b), PRINT_TEXT);
	sb_free(&b);
	print_table_begin(&t, d, ip_cols, NELEM(ip_cols), PRINT_DENSE,
	    n > 0 ? 20 : 54);
	for (i = 0; i < NELEM(ip_cols); i++)
		c[i].kind = PRINT_CELL_TEXT;
	for (i = 0; i < o->nactions; i++) {
		const struct corrective_action *a = &o->actions[i];
		char *v[NELEM(ip_cols)];

		if (!streq(a->exercise, x->ex->id))
			continue;
		v[0] = cell_text(a->capability, 0);
		v[1] = cell_text(a->observation, 0);
		v[2] = cell_text(a->recommendation, 0);
		v[3] = cell_text(a->action, 1);
		v[4] = cell_text(a->element, 0);
		v[5] = cell_text(a->agency, 1);
		v[6] = cell_text(a->contact, 1);
		v[7] = cell_date(a->start, 0);
		v[8] = cell_date(a->due, 1);
		for (j = 0; j < NELEM(ip_cols); j++)
			c[j].markup = v[j];
		print_table_row(&t, c);
		for (j = 0; j < NELEM(ip_cols); j++)
			free(v[j]);
	}
	if (n == 0) {
		/* A blank form: a row for each core capability the
		 * objectives exercise, and room for more. */
		int caps[DOCTRINE_NCAPS];
		size_t nc = duty_capabilities(x->tpl, caps, NELEM(caps));

		for (j = 1; j < NELEM(ip_cols); j++)
			c[j].markup = NULL;
		for (i = 0; i < nc || i < 4; i++) {
			char *s = NULL;

			if (i < nc)
				s = print_esc(doctrine_cap_name(caps[i]));

			c[0].markup = s;
			print_table_row(&t, c);
			free(s);
		}
	}
	print_table_end(&t);
}

/* The MSEL, as controllers run it. */
static const struct print_col msel_cols[] = {
	{ "#", 3.2 }, { "Time", 7.3 }, { "From", 11 }, { "To", 11 },
	{ "Method", 9 }, { "Inject", 24.5 }, { "Expected action", 20 },
	{ "Responsible controller", 14 },
};

static void
msel_table(struct print_doc *d, const struct ex *x)
{
	const struct template *tpl = x->tpl;
	struct print_table t;
	struct print_cell c[NELEM(msel_cols)];
	struct sb b = {0};
	char day[16], clock[8];
	size_t i, j;

	print_doc_landscape(d, 1);
	print_doc_need(d, 0);
	print_doc_heading(d, "Master Scenario Events List (MSEL)", PRINT_H1,
	    40);
	print_date(x->venue, x->px->startex, day);
	print_clock(x->venue, x->px->startex, clock);
	sb_printf(&b, "STARTEX %s %s. Times are local at the venue (", day,
	    clock);
	put_esc(&b, x->venue != NULL ? tz_name(x->venue) : "UTC");
	sb_puts(&b, "). A contingency inject is released only when the "
	    "expected action it covers has not happened. Controllers and "
	    "evaluators only: never show this list to players or "
	    "observers.");
	print_doc_para(d, sb_str(&b), PRINT_TEXT);
	sb_free(&b);
	if (tpl->ninjects == 0) {
		print_doc_para(d, "The template has no MSEL.", PRINT_TEXT);
		return;
	}
	print_table_begin(&t, d, msel_cols, NELEM(msel_cols), PRINT_DENSE,
	    0);
	for (j = 0; j < NELEM(msel_cols); j++)
		c[j].kind = PRINT_CELL_TEXT;
	for (i = 0; i < tpl->ninjects; i++) {
		const struct inject *in = &tpl->injects[i];
		struct sb v[NELEM(msel_cols)];
		ptime at = span_add_time(x->px->startex, &in->at);
		char off[48];
		const struct person **who;
		size_t n, k;

		memset(v, 0, sizeof(v));
		sb_printf(&v[0], "%d", in->seq);
		print_clock(x->venue, at, clock);
		span_format(&in->at, off);
		sb_printf(&v[1], "<b>%s</b>\n" GREY("STARTEX %s"), clock, off);
		if (tpl->conduct_days > 1) {
			print_date(x->venue, at, day);
			sb_printf(&v[1], "\n" GREY("%s"), day);
		}
		put_esc(&v[2], in->from);
		put_esc(&v[3], in->to);
		put_esc(&v[4], in->method);
		if (in->kind == INJ_CONTINGENCY)
			sb_puts(&v[5], "<b>Contingency.</b> ");
		else if (in->kind == INJ_EXPECTED_ACTION)
			sb_puts(&v[5], "<b>Expected action (no inject).</b> ");
		put_esc(&v[5], in->text);
		put_esc(&v[6], in->expected);
		if (in->objective != NULL) {
			if (v[6].len > 0)
				sb_putc(&v[6], '\n');
			sb_puts(&v[6], GREY_ON "Objective: ");
			put_esc(&v[6], in->objective);
			sb_puts(&v[6], "</span>");
		}
		if (in->controller != NULL) {
			/* On the floor the name matters; the role is
			 * there to check it. */
			who = duty_people(x->px, in->controller, &n);
			for (k = 0; k < n; k++) {
				sb_puts(&v[7], "<b>");
				put_esc(&v[7], person_name(who[k]));
				sb_puts(&v[7], "</b>\n");
			}
			if (n == 0)
				sb_puts(&v[7], RED("unassigned") "\n");
			sb_puts(&v[7], GREY_ON);
			put_esc(&v[7], role_name(tpl, in->controller));
			sb_puts(&v[7], "</span>");
			free(who);
		}
		for (j = 0; j < NELEM(msel_cols); j++)
			c[j].markup = sb_str(&v[j]);
		print_table_row(&t, c);
		for (j = 0; j < NELEM(msel_cols); j++)
			sb_free(&v[j]);
	}
	print_table_end(&t);
}

static void
build_msel(struct print_doc *d, void *arg)
{
	msel_table(d, arg);
}

static void
build_eeg(struct print_doc *d, void *arg)
{
	const struct ex *x = arg;

	print_eeg_build(d, x->px);
}

/* Packets: what one audience takes to the exercise. */
struct packet_arg {
	struct ex *x;
	int aud;
};

static int
attends(const struct ex *x, const struct event_def *e, const char *role)
{
	size_t i;

	if (e->kind == EV_CONDUCT && x->tpl->conduct_roles.n == 0)
		return 1;
	for (i = 0; i < e->roles.n; i++)
		if (streq(e->roles.v[i], role))
			return 1;
	return 0;
}

/*
 * Role names of the audience, or of the audience's roles at e; cut to
 * what comes before " (" when brief, each name once.
 */
static void
put_roles(struct sb *b, const struct ex *x, int aud, const struct event_def *e,
    int brief)
{
	char *prev = NULL;
	size_t i;

	for (i = 0; i < x->tpl->nroles; i++) {
		const struct role_def *r = &x->tpl->roles[i];
		const char *name = r->name != NULL ? r->name : r->id;
		const char *cut = brief ? strstr(name, " (") : NULL;
		char *s;

		if (!(x->aud[i] & aud) || (e != NULL && !attends(x, e, r->id)))
			continue;
		s = cut != NULL ? xstrndup(name, (size_t)(cut - name)) :
		    xstrdup(name);
		if (prev != NULL && strcmp(prev, s) == 0) {
			free(s);
			continue;
		}
		if (prev != NULL)
			sb_puts(b, ", ");
		put_esc(b, s);
		free(prev);
		prev = s;
	}
	free(prev);
}

static const char *const part_names[] = {
	[PART_PLAYING] = "playing",
	[PART_SUPPORTING] = "supporting",
	[PART_OBSERVING] = "observing",
};

static void
packet_overview(struct print_doc *d, const struct ex *x)
{
	const struct exercise *ex = x->ex;
	struct sb b = {0};
	char a[16], ca[8], bb[16], cb[8];
	size_t i, j;

	print_date(x->venue, x->px->startex, a);
	print_clock(x->venue, x->px->startex, ca);
	print_date(x->venue, x->px->endex, bb);
	print_clock(x->venue, x->px->endex, cb);
	sb_printf(&b, "<b>Type:</b> %s\n<b>Venue:</b> ",
	    doctrine_type_name(x->tpl->type));
	put_esc(&b, ex->venue);
	if (ex->address != NULL) {
		sb_puts(&b, "\n<b>Address:</b> ");
		put_esc(&b, ex->address);
	}
	sb_printf(&b, "\n<b>STARTEX:</b> %s %s  <b>ENDEX:</b> %s %s (", a, ca,
	    bb, cb);
	put_esc(&b, x->venue != NULL ? tz_name(x->venue) : "UTC");
	sb_puts(&b, ")");
	if (ex->organiser.name != NULL) {
		sb_puts(&b, "\n<b>Organiser:</b> ");
		put_esc(&b, ex->organiser.name);
		if (ex->organiser.email != NULL) {
			sb_puts(&b, ", ");
			put_esc(&b, ex->organiser.email);
		}
	}
	print_doc_para(d, sb_str(&b), PRINT_TEXT);
	sb_free(&b);

	if (x->tpl->nobjectives > 0)
		print_doc_heading(d, "Objectives", PRINT_H2, 40);
	for (i = 0; i < x->tpl->nobjectives; i++) {
		const struct objective *ob = &x->tpl->objectives[i];

		sb_printf(&b, "<b>%zu.</b> ", i + 1);
		put_esc(&b, ob->text);
		if (ob->ncaps > 0)
			sb_puts(&b, "\n<span foreground='#555555'>Core "
			    "capabilities: ");
		for (j = 0; j < ob->ncaps; j++) {
			if (j > 0)
				sb_puts(&b, "; ");
			put_esc(&b, doctrine_cap_name(ob->caps[j]));
		}
		if (ob->ncaps > 0)
			sb_puts(&b, "</span>");
		print_doc_para(d, sb_str(&b), PRINT_TEXT);
		sb_free(&b);
	}

	if (ex->nparticipants > 0) {
		static const struct print_col cols[] = {
			{ "Agency", 50 }, { "Country", 11 },
			{ "Takes part as", 15 }, { "Time zone", 24 },
		};
		struct print_table t;
		struct print_cell c[4];

		print_doc_heading(d, "Participating agencies", PRINT_H2, 100);
		print_table_begin(&t, d, cols, 4, PRINT_TABLE, 0);
		for (i = 0; i < ex->nparticipants; i++) {
			const struct agency *ag = ex->participants[i].agency;
			char *v[4];

			v[0] = print_esc(ag->name != NULL ? ag->name : ag->id);
			v[1] = print_esc(ag->country);
			v[2] = xstrdup(part_names[ex->participants[i].kind]);
			v[3] = print_esc(ag->timezone);
			for (j = 0; j < 4; j++)
				c[j] = (struct print_cell){ v[j],
				    PRINT_CELL_TEXT };
			print_table_row(&t, c);
			for (j = 0; j < 4; j++)
				free(v[j]);
		}
		print_table_end(&t);
	}
}

static int
cmp_start(const void *a, const void *b)
{
	const struct planned_event *x = *(const struct planned_event *const *)a;
	const struct planned_event *y = *(const struct planned_event *const *)b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x < y ? -1 : x > y;
}

/*
 * Exercise-day events the audience attends, briefings to debrief, in
 * time order. Descriptions only go to controllers and evaluators: play's
 * is the scenario.
 */
static void
packet_schedule(struct print_doc *d, const struct ex *x, int aud)
{
	static const struct print_col cols[] = {
		{ "When (venue time)", 20 }, { "Event", 40 }, { "Where", 20 },
		{ "Who attends", 20 },
	};
	const struct planned_event **ev = xcalloc(x->px->nevents + 1,
	    sizeof(*ev));
	struct print_table t;
	struct print_cell c[4];
	size_t i, j, n = 0;

	for (i = 0; i < x->px->nevents; i++) {
		const struct event_def *e = x->px->events[i].def;
		int k = e->kind, any = 0;

		if (k != EV_BRIEFING && k != EV_CONDUCT && k != EV_HOT_WASH &&
		    k != EV_DEBRIEF)
			continue;
		for (j = 0; j < x->tpl->nroles && !any; j++)
			any = (x->aud[j] & aud) &&
			    attends(x, e, x->tpl->roles[j].id);
		if (any)
			ev[n++] = &x->px->events[i];
	}
	qsort(ev, n, sizeof(*ev), cmp_start);
	print_doc_heading(d, "Schedule", PRINT_H2, 100);
	if (n == 0)
		print_doc_para(d, "No exercise-day events for this audience.",
		    PRINT_TEXT);
	else
		print_table_begin(&t, d, cols, 4, PRINT_TABLE, 0);
	for (i = 0; i < n; i++) {
		const struct event_def *e = ev[i]->def;
		struct sb v[4];
		char clock[8];

		memset(v, 0, sizeof(v));
		put_when(&v[0], x->venue, ev[i]->start);
		print_clock(x->venue, ev[i]->end, clock);
		sb_printf(&v[0], "\u2013%s", clock);
		sb_puts(&v[1], "<b>");
		put_esc(&v[1], e->title != NULL ? e->title : e->id);
		sb_puts(&v[1], "</b>");
		if (aud == AUD_CE && e->description != NULL) {
			sb_putc(&v[1], '\n');
			put_esc(&v[1], e->description);
		}
		put_esc(&v[2], e->location != NULL ? e->location :
		    x->ex->venue);
		put_roles(&v[3], x, aud, e, 1);
		for (j = 0; j < 4; j++)
			c[j] = (struct print_cell){ sb_str(&v[j]),
			    PRINT_CELL_TEXT };
		print_table_row(&t, c);
		for (j = 0; j < 4; j++)
			sb_free(&v[j]);
	}
	if (n > 0)
		print_table_end(&t);
	free(ev);
}

/* Who staffs the controller/evaluator roles, to reach them on the day. */
static void
packet_staff(struct print_doc *d, const struct ex *x)
{
	static const struct print_col cols[] = {
		{ "Role", 24 }, { "Name", 18 }, { "Agency", 24 },
		{ "Phone", 12 }, { "E-mail", 22 },
	};
	struct print_table t;
	struct print_cell c[5];
	size_t i, j, k, n;

	print_doc_heading(d, "Controller and evaluator staff", PRINT_H2,
	    100);
	print_table_begin(&t, d, cols, 5, PRINT_TABLE, 0);
	for (i = 0; i < x->tpl->nroles; i++) {
		const struct role_def *r = &x->tpl->roles[i];
		const struct person **who;

		if (!(x->aud[i] & AUD_CE))
			continue;
		who = duty_people(x->px, r->id, &n);
		for (k = 0; k <= n; k++) {
			const struct person *pn = k < n ? who[k] : NULL;
			char *v[5];

			if (k == n && !duty_role_open(x->px, r->id, n))
				break;
			v[0] = print_esc(r->name != NULL ? r->name : r->id);
			if (pn == NULL) {
				v[1] = xstrdup(RED("unassigned"));
				v[2] = xstrdup("");
				v[3] = xstrdup("");
				v[4] = xstrdup("");
			} else {
				v[1] = print_esc(person_name(pn));
				v[2] = print_esc(pn->agency == NULL ? NULL :
				    pn->agency->name != NULL ?
				    pn->agency->name : pn->agency->id);
				v[3] = print_esc(pn->phone);
				v[4] = print_esc(pn->email);
			}
			for (j = 0; j < 5; j++)
				c[j] = (struct print_cell){ v[j],
				    PRINT_CELL_TEXT };
			print_table_row(&t, c);
			for (j = 0; j < 5; j++)
				free(v[j]);
		}
		free(who);
	}
	print_table_end(&t);
}

static void
build_packet(struct print_doc *d, void *arg)
{
	struct packet_arg *pa = arg;
	const struct ex *x = pa->x;
	struct sb b = {0};

	print_doc_heading(d, pa->aud == AUD_CE ?
	    "Controller and evaluator packet" : pa->aud == AUD_PLAYER ?
	    "Player packet" : "Observer packet", PRINT_H1, 40);
	sb_puts(&b, "<b>For:</b> ");
	put_roles(&b, x, pa->aud, NULL, 0);
	sb_puts(&b, pa->aud == AUD_CE ? "\nHolds the MSEL and controller "
	    "material: keep it from players and observers." :
	    "\nHolds no scenario detail, MSEL or controller material.");
	print_doc_para(d, sb_str(&b), PRINT_TEXT);
	sb_free(&b);
	packet_overview(d, x);
	packet_schedule(d, x, pa->aud);
	if (pa->aud == AUD_CE) {
		packet_staff(d, x);
		msel_table(d, x);
	}
}

/*
 * Controllers and evaluators: the roles at a debrief and those that
 * deliver an inject. Players: the other roles at a hot wash. Observers:
 * the remaining roles drawn from agencies that do not play.
 */
static int *
audiences(const struct template *tpl)
{
	int *aud = xcalloc(tpl->nroles + 1, sizeof(*aud));
	size_t i, j, k;

	for (i = 0; i < tpl->nroles; i++) {
		const char *id = tpl->roles[i].id;

		for (j = 0; j < tpl->nevents; j++) {
			const struct event_def *e = &tpl->events[j];

			for (k = 0; k < e->roles.n; k++) {
				if (!streq(e->roles.v[k], id))
					continue;
				if (e->kind == EV_DEBRIEF)
					aud[i] |= AUD_CE;
				else if (e->kind == EV_HOT_WASH)
					aud[i] |= AUD_PLAYER;
			}
		}
		for (j = 0; j < tpl->ninjects; j++)
			if (streq(tpl->injects[j].controller, id))
				aud[i] |= AUD_CE;
		if (aud[i] & AUD_CE)
			aud[i] = AUD_CE;
		else if (aud[i] == 0 && tpl->roles[i].source == SRC_NON_PLAYING)
			aud[i] = AUD_OBSERVER;
	}
	return aud;
}

/* FNV-1a: a short fingerprint of the schedule and staffing, for a plan
 * that has no stored revision. */
static uint32_t
fnv(uint32_t h, const void *p, size_t n)
{
	const unsigned char *s = p;

	while (n-- > 0)
		h = (h ^ *s++) * 16777619u;
	return h;
}

static uint32_t
fnv_str(uint32_t h, const char *s)
{
	return fnv(h, s != NULL ? s : "", s != NULL ? strlen(s) + 1 : 1);
}

static char *
revision(const struct plan_exercise *px)
{
	uint32_t h = 2166136261u;
	size_t i;

	h = fnv_str(h, px->ex->id);
	h = fnv_str(h, px->ex->tpl->id);
	for (i = 0; i < px->nevents; i++) {
		const struct planned_event *pe = &px->events[i];
		int64_t t[2] = { pe->start, pe->end };

		h = fnv_str(h, pe->def->id);
		h = fnv(h, &pe->day, sizeof(pe->day));
		h = fnv(h, t, sizeof(t));
	}
	for (i = 0; i < px->nassignments; i++) {
		h = fnv_str(h, px->assignments[i].role->id);
		h = fnv_str(h, px->assignments[i].person->id);
	}
	return xasprintf("%08x", (unsigned)h);
}

/* "Conduct Wed 2027-06-16, 07:00-15:00 MST", or a range of days. */
static char *
conduct_dates(const struct ex *x)
{
	char a[16], b[16], ca[8], cb[8];

	print_date(x->venue, x->px->startex, a);
	print_date(x->venue, x->px->endex, b);
	print_clock(x->venue, x->px->startex, ca);
	print_clock(x->venue, x->px->endex, cb);
	if (strcmp(a, b) == 0)
		return xasprintf("Conduct %s, %s\u2013%s %s", a, ca, cb,
		    x->venue != NULL ? tz_abbr(x->venue, x->px->startex) :
		    "UTC");
	return xasprintf("Conduct %s \u2013 %s", a, b);
}

static int
write_doc(struct ex *x, const char *name, const char *title,
    const char *caveat, int landscape, print_build_fn *build, void *arg,
    char **cause)
{
	char *path = xasprintf("%s/%s-%s.pdf", x->dir, x->ex->id, name);
	int rc;

	x->frame.title = title;
	x->frame.caveat = caveat;
	rc = print_doc_write(path, x->o->paper, landscape, &x->frame, x->now,
	    build, arg, cause);
	x->frame.caveat = NULL;
	free(path);
	return rc;
}

/* The Gantt chart <id>-<name>.pdf, .png and .svg, lanes by kind or agency. */
static int
write_gantt(struct ex *x, const char *name, const char *title,
    enum print_lanes lanes, char **cause)
{
	char *pdf = xasprintf("%s/%s-%s.pdf", x->dir, x->ex->id, name);
	char *png = xasprintf("%s/%s-%s.png", x->dir, x->ex->id, name);
	char *svg = xasprintf("%s/%s-%s.svg", x->dir, x->ex->id, name);
	int rc;

	x->frame.title = title;
	rc = print_gantt_write(x->px, &x->frame, x->o->paper, x->now, lanes,
	    pdf, png, svg, cause);
	free(pdf);
	free(png);
	free(svg);
	return rc;
}

#define CE_ONLY	"CONTROLLERS AND EVALUATORS ONLY"

static int
print_exercise(struct ex *x, char **cause)
{
	static const struct { int aud; const char *name, *title; } packets[] = {
		{ AUD_CE, "packet-ce", "Controller and evaluator packet" },
		{ AUD_PLAYER, "packet-players", "Player packet" },
		{ AUD_OBSERVER, "packet-observers", "Observer packet" },
	};
	size_t i, j;
	int rc;

	if (write_doc(x, "checklists", "Checklists", NULL, 0,
	    build_checklists, x, cause) == -1)
		return -1;
	for (i = 0; i < x->tpl->nroles; i++) {
		struct role_arg ra = { x, &x->tpl->roles[i] };
		int owns = 0;
		char *name, *title;

		for (j = 0; j < x->tpl->nchecklists && !owns; j++) {
			const struct checklist *cl = &x->tpl->checklists[j];
			size_t k;

			for (k = 0; k < cl->nitems && !owns; k++)
				owns = streq(cl->items[k].owner, ra.role->id);
		}
		if (!owns)
			continue;
		name = xasprintf("checklist-%s", ra.role->id);
		title = xasprintf("Checklist: %s", ra.role->name != NULL ?
		    ra.role->name : ra.role->id);
		/* Each part of the file puts its person in the page title;
		 * this one is the document's. */
		rc = write_doc(x, name, title, NULL, 0, build_role, &ra,
		    cause);
		free(name);
		free(title);
		if (rc == -1)
			return -1;
	}
	if (write_doc(x, "improvement-plan", "Improvement Plan", NULL, 1,
	    build_ip, x, cause) == -1)
		return -1;
	if (write_doc(x, "msel", "Master Scenario Events List", CE_ONLY, 1,
	    build_msel, x, cause) == -1)
		return -1;
	/* The EEG goes to evaluators and controllers only, like the MSEL. */
	if (print_eeg_wanted(x->tpl) && write_doc(x, "eeg",
	    "Exercise Evaluation Guide", CE_ONLY, 0, build_eeg, x, cause) == -1)
		return -1;
	for (i = 0; i < NELEM(packets); i++) {
		struct packet_arg pa = { x, packets[i].aud };
		int any = 0;

		for (j = 0; j < x->tpl->nroles; j++)
			any |= x->aud[j] & packets[i].aud;
		if (!any)
			continue;
		if (write_doc(x, packets[i].name, packets[i].title,
		    packets[i].aud == AUD_CE ? CE_ONLY : NULL, 0,
		    build_packet, &pa, cause) == -1)
			return -1;
	}
	if (write_gantt(x, "gantt", "Planning cycle (Gantt chart)",
	    PRINT_LANES_KIND, cause) == -1)
		return -1;
	/* The same cycle by agency: what each agency must send people to. */
	return write_gantt(x, "gantt-agency",
	    "Planning cycle by agency (Gantt chart)", PRINT_LANES_AGENCY, cause);
}

int
print_plan(const struct plan *p, const struct print_opts *o, char **cause)
{
	struct ex x;
	char *dir;
	ptime now = o->now;
	size_t i;
	int rc = -1;
	pdate day;
	int y, m, d;

	*cause = NULL;
	if (now == 0 && now_get(&now, cause) == -1)
		return -1;
	dir = xasprintf("%s/print", o->out);
	if (mkdir_p(dir) == -1) {
		*cause = xasprintf("cannot create '%s': %s", dir,
		    strerror(errno));
		free(dir);
		return -1;
	}
	for (i = 0; i < p->nexercises; i++) {
		const struct plan_exercise *px = &p->exercises[i];

		memset(&x, 0, sizeof(x));
		x.px = px;
		x.model = p->model;
		x.ex = px->ex;
		x.tpl = px->ex->tpl;
		x.o = o;
		x.dir = dir;
		x.now = now;
		x.venue = duty_venue_zone(px);
		x.duties = duty_list(px, o->done, o->ndone, &x.nduties);
		x.aud = audiences(x.tpl);
		x.dates = conduct_dates(&x);
		x.revision = o->revisions != NULL && o->revisions[i] > 0 ?
		    xasprintf("%d", o->revisions[i]) : revision(px);
		day = date_of(now);
		date_to_ymd(day, &y, &m, &d);
		x.generated = xasprintf("%04d-%02d-%02d %02d:%02d UTC", y, m,
		    d, (int)((now - (ptime)day * SECS_PER_DAY) / 3600),
		    (int)((now - (ptime)day * SECS_PER_DAY) / 60 % 60));
		x.frame.exercise = x.ex->name != NULL ? x.ex->name : x.ex->id;
		x.frame.dates = x.dates;
		x.frame.marking = x.ex->marking;
		x.frame.revision = x.revision;
		x.frame.generated = x.generated;
		rc = print_exercise(&x, cause);
		free(x.aud);
		free(x.duties);
		free(x.dates);
		free(x.revision);
		free(x.generated);
		if (rc == -1)
			break;
	}
	if (p->nexercises == 0)
		rc = 0;
	free(dir);
	return rc;
}

int
print_paper_parse(const char *s, enum print_paper *out)
{
	if (strcaseeq(s, "letter"))
		*out = PRINT_LETTER;
	else if (strcaseeq(s, "a4"))
		*out = PRINT_A4;
	else
		return -1;
	return 0;
}
