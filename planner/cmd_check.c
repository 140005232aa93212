/* cmd_check.c: planner check ITEM: check a checklist item off, or undo that. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "cmd_db.h"
#include "msg.h"

struct check_opts {
	const char *item;
	int done;
	const char *by, *note;
};

static int
parse_opts(int argc, char **argv, struct check_opts *o)
{
	const char *v;
	int i, missing, seen = 0;

	o->done = 1;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--done") == 0 ||
		    strcmp(argv[i], "--undo") == 0) {
			if (seen++ > 0)
				return cmd_usage_error(&cmd_check_entry,
				    "'--done' or '--undo', once");
			o->done = argv[i][2] == 'd';
		} else if ((v = cmd_db_opt(argc, argv, &i, "--by",
		    &missing)) != NULL)
			o->by = v;
		else if (!missing && (v = cmd_db_opt(argc, argv, &i, "--note",
		    &missing)) != NULL)
			o->note = v;
		else if (missing)
			return cmd_usage_error(&cmd_check_entry,
			    "'%s' needs a value", argv[i]);
		else if (strcmp(argv[i], "--") == 0 && i + 1 < argc &&
		    o->item == NULL)
			o->item = argv[++i];
		else if (argv[i][0] == '-' && argv[i][1] != '\0')
			return cmd_usage_error(&cmd_check_entry,
			    "unknown option '%s'", argv[i]);
		else if (o->item == NULL)
			o->item = argv[i];
		else
			return cmd_usage_error(&cmd_check_entry,
			    "one item at a time");
	}
	if (o->item == NULL)
		return cmd_usage_error(&cmd_check_entry, "no item given");
	if (o->by != NULL && o->by[0] == '\0')
		return cmd_usage_error(&cmd_check_entry, "empty --by");
	return 0;
}

/*
 * The item that ref names: "#12" or "12", or EXERCISE/CHECKLIST/ITEM.
 * *exercise is set (caller frees) and *no to its number, or 0 when
 * only the path is known yet.
 */
static int
resolve(struct store *s, const char *ref, char **exercise, int64_t *no,
    char **cl, char **id, char **cause)
{
	const char *a, *b;

	*no = 0;
	*exercise = *cl = *id = NULL;
	if ((a = strchr(ref, '/')) != NULL) {
		if ((b = strchr(a + 1, '/')) == NULL || b == a + 1 ||
		    a == ref || b[1] == '\0' || strchr(b + 1, '/') != NULL) {
			*cause = xasprintf("bad item '%s': expected "
			    "EXERCISE/CHECKLIST/ITEM or a number", ref);
			return -1;
		}
		*exercise = xstrndup(ref, (size_t)(a - ref));
		*cl = xstrndup(a + 1, (size_t)(b - a - 1));
		*id = xstrdup(b + 1);
		return 0;
	}
	if ((*no = cmd_db_number(ref, "#")) <= 0) {
		*cause = xasprintf("bad item '%s': expected "
		    "EXERCISE/CHECKLIST/ITEM or a number", ref);
		return -1;
	}
	return store_item_exercise(s, *no, exercise, cause);
}

static const struct store_item *
find_item(const struct store_rev *r, int64_t no, const char *cl,
    const char *id)
{
	size_t i;

	for (i = 0; i < r->nitems; i++)
		if (no > 0 ? r->items[i].no == no :
		    streq(r->items[i].checklist, cl) &&
		    streq(r->items[i].id, id))
			return &r->items[i];
	return NULL;
}

static char *
unknown_person(const struct store_rev *r, const char *id)
{
	const char **ids = xcalloc(r->npeople + 1, sizeof(char *));
	const char *near;
	char *cause;
	size_t i;

	for (i = 0; i < r->npeople; i++)
		ids[i] = r->people[i].id;
	near = closest_word(id, ids, r->npeople);
	if (near != NULL)
		cause = xasprintf("unknown person '%s' in '%s'; did you mean "
		    "'%s'?", id, r->exercise, near);
	else
		cause = xasprintf("unknown person '%s': no roster of '%s' "
		    "names them", id, r->exercise);
	free(ids);
	return cause;
}

static int
cmd_check(const char *db, int argc, char **argv)
{
	struct check_opts o = {0};
	struct store_rev *r = NULL;
	const struct store_item *it;
	struct store *s = NULL;
	char *exercise = NULL, *cl = NULL, *id = NULL, *cause = NULL, at[21];
	int64_t no;
	ptime now;
	int rc;

	if ((rc = parse_opts(argc, argv, &o)) != 0)
		return rc;
	rc = EXIT_INPUT;
	if (cmd_db_now(&now) == -1 ||
	    (s = cmd_db_open(db, STORE_EXISTING)) == NULL)
		goto out;
	time_format_utc(now, at);
	if (store_begin(s, &cause) == -1 ||
	    resolve(s, o.item, &exercise, &no, &cl, &id, &cause) == -1 ||
	    store_get_revision(s, exercise, 0, 0, &r, &cause) == -1)
		goto fail;
	if ((it = find_item(r, no, cl, id)) == NULL) {
		cause = no > 0 ? xasprintf("checklist item #%lld is not in the "
		    "latest revision (%d) of '%s'", (long long)no, r->number,
		    exercise) : xasprintf("no checklist item '%s' in the "
		    "latest revision (%d) of '%s'", o.item, r->number,
		    exercise);
		goto fail;
	}
	if (o.by != NULL && cmd_db_person(r, o.by) == NULL) {
		cause = unknown_person(r, o.by);
		goto fail;
	}
	if (it->done == o.done) {
		store_rollback(s);
		printf("already %s: #%lld %s/%s/%s",
		    o.done ? "done" : "not done", (long long)it->no, exercise,
		    it->checklist, it->id);
		if (it->done && it->done_at != NULL)
			printf(" (%s%s%s)", it->done_at,
			    it->done_by != NULL ? " by " : "",
			    it->done_by != NULL ? it->done_by : "");
		printf("\n");
		rc = 0;
		goto out;
	}
	if (store_check(s, it->no, o.done, o.by, at, o.note, &cause) == -1 ||
	    store_commit(s, &cause) == -1)
		goto fail;
	printf("%s: #%lld %s/%s/%s at %s%s%s\n", o.done ? "done" : "undone",
	    (long long)it->no, exercise, it->checklist, it->id, at,
	    o.by != NULL ? " by " : "", o.by != NULL ? o.by : "");
	rc = 0;
	goto out;
fail:
	store_rollback(s);
	rc = cmd_db_fail(cause);
out:
	store_rev_free(r);
	store_close(s);
	free(exercise);
	free(cl);
	free(id);
	return rc;
}

const struct cmd_entry cmd_check_entry = {
	.name = "check",
	.args = "ITEM [--done | --undo] [--by PERSON] [--note TEXT] "
	    "[--db FILE]",
	.summary = "Check a checklist item off, or undo that.",
	.help =
	    "ITEM is EXERCISE/CHECKLIST/ITEM, with the ids of the template,\n"
	    "or the item's number (#12 or 12) that 'planner status' and\n"
	    "'planner show' print. The item must be in the exercise's\n"
	    "latest revision; a check stays with the item through later\n"
	    "revisions. Every check and undo is kept with its time\n"
	    "($SOURCE_DATE_EPOCH when set, else now).\n"
	    "\n"
	    "options:\n"
	    "  --done          mark it done (the default)\n"
	    "  --undo          mark it not done\n"
	    "  --by PERSON     who did it: a person id of the rosters\n"
	    "  --note TEXT     what was done, or why it was undone\n"
	    "  --db FILE       the database (default: $PLANNER_DB, else\n"
	    "                  planner.db in the working directory)\n",
	.flags = CMD_DB,
	.exec_db = cmd_check,
};
