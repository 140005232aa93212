/* cmd_status.c: planner status EXERCISE: what is overdue or due soon, and who owns it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "cmd_db.h"
#include "msg.h"
#include "table.h"

/* One thing someone has to do, under one owner. */
struct due {
	const char *owner_kind;	/* "person", "role" or "agency" */
	const char *owner;	/* its id */
	const char *label;	/* "Ana Ruiz (ana-ruiz, usbp-nogales)" */
	const char *type;	/* "checklist" or "action" */
	int64_t no;
	const char *ref;	/* "readiness/ipm-invites" or NULL */
	const char *text;
	const char *date;	/* due, YYYY-MM-DD */
	int overdue;
};

struct dues {
	struct due *v;
	size_t n, cap;
};

struct counts {
	int items, done, items_overdue, items_soon;
	int actions_open, actions_overdue, actions_soon;
};

static const char *
person_label(const struct store_rev *r, const char *id)
{
	const struct store_person *p = cmd_db_person(r, id);

	if (p == NULL)
		return id;
	return arena_printf(r->arena, "%s (%s%s%s)", p->name != NULL ?
	    p->name : p->id, p->id, p->agency != NULL ? ", " : "",
	    p->agency != NULL ? p->agency : "");
}

static struct due *
add(struct dues *l, const char *kind, const char *owner, const char *label)
{
	struct due *d = &VEC_PUSH(l->v, l->n, l->cap);

	memset(d, 0, sizeof(*d));
	d->owner_kind = kind;
	d->owner = owner;
	d->label = label;
	return d;
}

static void
collect_items(const struct store_rev *r, const char *today,
    const char *until, struct dues *l, struct counts *c)
{
	size_t i, j;

	for (i = 0; i < r->nitems; i++) {
		const struct store_item *it = &r->items[i];
		const char *ref = arena_printf(r->arena, "%s/%s", it->checklist,
		    it->id);
		int overdue, held = 0;

		c->items++;
		if (it->done) {
			c->done++;
			continue;
		}
		if (it->due_date == NULL || strcmp(it->due_date, until) > 0)
			continue;
		overdue = strcmp(it->due_date, today) < 0;
		if (overdue)
			c->items_overdue++;
		else
			c->items_soon++;
		/* Each holder of the owning role owns the item. */
		for (j = 0; j <= r->nassignments; j++) {
			struct due *d;

			if (j < r->nassignments) {
				const struct store_assignment *as =
				    &r->assignments[j];

				if (!streq(as->role, it->owner))
					continue;
				d = add(l, "person", as->person,
				    person_label(r, as->person));
				held = 1;
			} else if (!held)
				d = add(l, "role", it->owner,
				    arena_printf(r->arena, "%s (role, "
				    "unassigned)", it->owner));
			else
				break;
			d->type = "checklist";
			d->no = it->no;
			d->ref = ref;
			d->text = it->text;
			d->date = it->due_date;
			d->overdue = overdue;
		}
	}
}

static void
collect_actions(const struct store_rev *r, const struct store_actions *al,
    const char *today, const char *until, struct dues *l, struct counts *c)
{
	size_t i;

	for (i = 0; i < al->n; i++) {
		const struct store_action *a = &al->v[i];
		struct due *d;

		if (streq(a->status, "closed"))
			continue;
		c->actions_open++;
		if (strcmp(a->due, until) > 0)
			continue;
		if (a->poc != NULL)
			d = add(l, "person", a->poc, person_label(r, a->poc));
		else
			d = add(l, "agency", a->agency, arena_printf(r->arena,
			    "%s (agency)", a->agency));
		d->type = "action";
		d->no = a->no;
		d->text = a->action;
		d->date = a->due;
		d->overdue = strcmp(a->due, today) < 0;
		if (d->overdue)
			c->actions_overdue++;
		else
			c->actions_soon++;
	}
}

static int
due_cmp(const void *pa, const void *pb)
{
	const struct due *a = pa, *b = pb;
	int k;

	if ((k = strcmp(a->label, b->label)) != 0)
		return k;
	if ((k = strcmp(a->date, b->date)) != 0)
		return k;
	if ((k = strcmp(a->type, b->type)) != 0)
		return -k;	/* checklist items before actions */
	return a->no < b->no ? -1 : a->no > b->no;
}

static void
print_table(const struct store_rev *r, const struct dues *l,
    const struct counts *c, const char *today, const char *until)
{
	struct table *t = NULL;
	size_t i;

	msg_line("%s (%s), revision %d", r->name, r->exercise, r->number);
	printf("today %s at the venue (%s); due soon: by %s\n", today,
	    r->timezone, until);
	printf("checklist: %d of %d done, %d overdue, %d due soon; "
	    "corrective actions: %d open, %d overdue, %d due soon\n",
	    c->done, c->items, c->items_overdue, c->items_soon,
	    c->actions_open, c->actions_overdue, c->actions_soon);
	if (l->n == 0) {
		printf("\nnothing overdue or due by %s\n", until);
		return;
	}
	for (i = 0; i < l->n; i++) {
		const struct due *d = &l->v[i];

		if (i == 0 || strcmp(d->label, l->v[i - 1].label) != 0) {
			if (t != NULL) {
				char *text = table_text(t, "  ");

				fputs(text, stdout);
				free(text);
				table_free(t);
			}
			putchar('\n');
			msg_line("%s", d->label);
			t = table_new();
		}
		table_row(t);
		table_cell(t, d->overdue ? "overdue" : "due soon");
		table_cell(t, d->date);
		if (streq(d->type, "action")) {
			table_cellf(t, "A%lld", (long long)d->no);
			table_cell(t, "corrective action");
		} else {
			table_cellf(t, "#%lld", (long long)d->no);
			table_cell(t, d->ref);
		}
		table_cell(t, d->text);
	}
	if (t != NULL) {
		char *text = table_text(t, "  ");

		fputs(text, stdout);
		free(text);
		table_free(t);
	}
}

static void
print_json(const struct store_rev *r, const struct dues *l,
    const struct counts *c, const char *today, const char *until, int days)
{
	struct out_json *root = out_json_object(), *o, *owners, *entries = NULL;
	size_t i;

	out_json_set_str(root, "exercise", r->exercise);
	out_json_set_str(root, "name", r->name);
	out_json_set_int(root, "revision", r->number);
	out_json_set_str(root, "timezone", r->timezone);
	out_json_set_str(root, "today", today);
	out_json_set_int(root, "days", days);
	out_json_set_str(root, "due_by", until);
	o = out_json_object();
	out_json_set_int(o, "items", c->items);
	out_json_set_int(o, "items_done", c->done);
	out_json_set_int(o, "items_overdue", c->items_overdue);
	out_json_set_int(o, "items_due_soon", c->items_soon);
	out_json_set_int(o, "actions_open", c->actions_open);
	out_json_set_int(o, "actions_overdue", c->actions_overdue);
	out_json_set_int(o, "actions_due_soon", c->actions_soon);
	out_json_set(root, "counts", o);
	owners = out_json_array();
	for (i = 0; i < l->n; i++) {
		const struct due *d = &l->v[i];
		struct out_json *e = out_json_object();

		if (i == 0 || strcmp(d->label, l->v[i - 1].label) != 0) {
			struct out_json *ow = out_json_object();

			out_json_set_str(ow, "kind", d->owner_kind);
			out_json_set_str(ow, "id", d->owner);
			out_json_set_str(ow, "label", d->label);
			entries = out_json_array();
			out_json_set(ow, "entries", entries);
			out_json_push(owners, ow);
		}
		out_json_set_str(e, "type", d->type);
		out_json_set_int(e, "no", d->no);
		out_json_set_str(e, "ref", d->ref);
		out_json_set_str(e, "text", d->text);
		out_json_set_str(e, "due", d->date);
		out_json_set_str(e, "state", d->overdue ? "overdue" :
		    "due-soon");
		out_json_push(entries, e);
	}
	out_json_set(root, "owners", owners);
	cmd_db_print_json(root);
}

static int
cmd_status(const char *db, int argc, char **argv)
{
	const char *exercise = NULL, *v;
	struct store_rev *r = NULL;
	struct store_actions *al = NULL;
	struct dues l = {0};
	struct counts c = {0};
	struct store *s = NULL;
	char *cause = NULL, today[11], until[11];
	int i, json = 0, days = 14, missing, rc = EXIT_INPUT;
	ptime now;
	pdate d;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json = 1;
		else if ((v = cmd_db_opt(argc, argv, &i, "--days",
		    &missing)) != NULL || missing) {
			int64_t n = missing ? -1 : strcmp(v, "0") == 0 ? 0 :
			    cmd_db_number(v, "");

			if (n < 0 || n > 3660)
				return cmd_usage_error(&cmd_status_entry,
				    "'--days' needs a number of days, 0 to "
				    "3660");
			days = (int)n;
		} else if (argv[i][0] == '-')
			return cmd_usage_error(&cmd_status_entry,
			    "unknown option '%s'", argv[i]);
		else if (exercise == NULL)
			exercise = argv[i];
		else
			return cmd_usage_error(&cmd_status_entry,
			    "one exercise at a time");
	}
	if (exercise == NULL)
		return cmd_usage_error(&cmd_status_entry, "no exercise given");
	if (cmd_db_now(&now) == -1 ||
	    (s = cmd_db_open(db, STORE_EXISTING)) == NULL)
		goto out;
	if (store_begin_read(s, &cause) == -1 ||
	    store_get_revision(s, exercise, 0, 0, &r, &cause) == -1 ||
	    store_actions(s, exercise, 0, &al, &cause) == -1) {
		rc = cmd_db_fail(cause);
		goto out;
	}
	d = cmd_db_date(cmd_db_zone(r->timezone), now);
	date_format(d, today);
	date_format(d + days, until);
	collect_items(r, today, until, &l, &c);
	collect_actions(r, al, today, until, &l, &c);
	if (l.n > 1)
		qsort(l.v, l.n, sizeof(*l.v), due_cmp);
	if (json)
		print_json(r, &l, &c, today, until, days);
	else
		print_table(r, &l, &c, today, until);
	rc = 0;
out:
	free(l.v);
	store_actions_free(al);
	store_rev_free(r);
	store_close(s);
	return rc;
}

const struct cmd_entry cmd_status_entry = {
	.name = "status",
	.args = "EXERCISE [--days N] [--json] [--db FILE]",
	.summary = "Show what is overdue or due soon, by owner.",
	.help =
	    "For the latest revision of EXERCISE: checklist items not done\n"
	    "and corrective actions not closed that are overdue or due within\n"
	    "N days, grouped by who owns them: each person holding the item's\n"
	    "role (or the role, while nobody holds it), and an action's point\n"
	    "of contact (or its agency). Today is the date at the venue\n"
	    "($SOURCE_DATE_EPOCH when set, else now).\n"
	    "\n"
	    "options:\n"
	    "  --days N        what counts as due soon (default: 14)\n"
	    "  --json          print it as JSON\n"
	    "  --db FILE       the database (default: $PLANNER_DB, else\n"
	    "                  planner.db in the working directory)\n",
	.flags = CMD_DB,
	.exec_db = cmd_status,
};
