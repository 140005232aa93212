/* cmd_db.c: what the database commands share: opening, numbers, local times, JSON out (not a command). */
#include "cmd_db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "now.h"
#include "revision.h"

struct store *
cmd_db_open(const char *path, enum store_mode mode)
{
	struct store *s;
	char *cause = NULL;

	if (store_open(path, mode, &s, &cause) == -1) {
		msg_error("%s", cause);
		free(cause);
		return NULL;
	}
	return s;
}

int
cmd_db_fail(char *cause)
{
	msg_error("%s", cause != NULL ? cause : "unknown database error");
	free(cause);
	return EXIT_INPUT;
}

int64_t
cmd_db_number(const char *s, const char *prefixes)
{
	int64_t v = 0;

	if (*s != '\0' && strchr(prefixes, *s) != NULL)
		s++;
	if (*s == '\0')
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9' || v > (INT64_MAX - 9) / 10)
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v > 0 ? v : -1;
}

const struct tz *
cmd_db_zone(const char *name)
{
	const struct tz *z;
	char *cause = NULL;

	if (name == NULL)
		return NULL;
	if ((z = tz_get(name, &cause)) == NULL)
		free(cause);
	return z;
}

pdate
cmd_db_date(const struct tz *z, ptime t)
{
	pdate d;
	int secs;

	if (z == NULL)
		return date_of(t);
	tz_to_local(z, t, &d, &secs);
	return d;
}

void
cmd_db_local(const struct tz *z, ptime t, char buf[static 48])
{
	char date[11];
	pdate d;
	int secs;

	if (z != NULL)
		tz_to_local(z, t, &d, &secs);
	else {
		d = date_of(t);
		secs = (int)(t - (ptime)d * SECS_PER_DAY);
	}
	date_format(d, date);
	snprintf(buf, 48, "%s %02d:%02d %s", date, secs / 3600,
	    secs / 60 % 60, z != NULL ? tz_abbr(z, t) : "UTC");
}

int
cmd_db_now(ptime *t)
{
	char *cause = NULL;

	if (now_get(t, &cause) == -1) {
		cmd_db_fail(cause);
		return -1;
	}
	return 0;
}

void
cmd_db_print_json(struct out_json *v)
{
	char *text = out_json_finish(v);

	fputs(text, stdout);
	fputc('\n', stdout);
	free(text);
}

const char *
cmd_db_opt(int argc, char **argv, int *i, const char *name, int *missing)
{
	size_t n = strlen(name);
	const char *a = argv[*i];

	*missing = 0;
	if (strncmp(a, name, n) != 0)
		return NULL;
	if (a[n] == '=')
		return a + n + 1;
	if (a[n] != '\0')
		return NULL;
	if (*i + 1 >= argc) {
		*missing = 1;
		return NULL;
	}
	return argv[++*i];
}

char *
cmd_db_holders(const struct store_rev *r, const char *role)
{
	struct sb b = {0};
	char *s;
	size_t i;

	for (i = 0; i < r->nassignments; i++) {
		if (!streq(r->assignments[i].role, role))
			continue;
		if (b.len > 0)
			sb_puts(&b, ", ");
		sb_puts(&b, r->assignments[i].person);
	}
	if (b.len == 0)
		return NULL;
	s = arena_strdup(r->arena, sb_str(&b));
	sb_free(&b);
	return s;
}

const struct store_person *
cmd_db_person(const struct store_rev *r, const char *id)
{
	size_t i;

	for (i = 0; i < r->npeople; i++)
		if (streq(r->people[i].id, id))
			return &r->people[i];
	return NULL;
}

int
cmd_db_store_plan(struct store *s, const struct plan *p,
    struct cmd_db_progress *pg, char **report)
{
	int *numbers = xcalloc(p->nexercises + 1, sizeof(int));
	int *fresh = xcalloc(p->nexercises + 1, sizeof(int));
	char *cause = NULL, created[21];
	struct sb b = {0};
	size_t i;
	ptime now;
	int rc = -1;

	*report = NULL;
	if (cmd_db_now(&now) == -1)
		goto out;
	time_format_utc(now, created);
	if (revision_store_src(s, p, pg->rs, created, numbers, fresh,
	    &cause) == -1) {
		cmd_db_fail(cause);
		goto out;
	}
	for (i = 0; i < p->nexercises; i++)
		if (fresh[i])
			sb_printf(&b, "stored: revision %d of %s\n",
			    numbers[i], p->exercises[i].ex->id);
		else
			sb_printf(&b, "unchanged: revision %d of %s\n",
			    numbers[i], p->exercises[i].ex->id);
	*report = sb_take(&b);
	rc = 0;
out:
	free(numbers);
	free(fresh);
	return rc;
}

/* "2027-01-15T08:00:00Z" as an instant; 0 when it is not one. */
static ptime
parse_utc(const char *s)
{
	char date[11], *cause = NULL;
	int h, m, sec;
	pdate d;

	if (s == NULL || strlen(s) != 20 || s[10] != 'T' || s[19] != 'Z' ||
	    sscanf(s + 11, "%2d:%2d:%2d", &h, &m, &sec) != 3)
		return 0;
	memcpy(date, s, 10);
	date[10] = '\0';
	if (date_parse(date, &d, &cause) == -1) {
		free(cause);
		return 0;
	}
	return (ptime)d * SECS_PER_DAY + h * 3600 + m * 60 + sec;
}

static pdate
parse_date(const char *s)
{
	char *cause = NULL;
	pdate d;

	if (s == NULL || date_parse(s, &d, &cause) == -1) {
		free(cause);
		return 0;
	}
	return d;
}

/* A name as it should print: the revision's for id, else id. */
static const char *
name_of(const struct store_rev *r, const char *id, int person)
{
	size_t i;

	for (i = 0; id != NULL && i < (person ? r->npeople : r->nagencies);
	    i++) {
		const char *rid = person ? r->people[i].id : r->agencies[i].id;
		const char *nm = person ? r->people[i].name :
		    r->agencies[i].name;

		if (streq(rid, id) && nm != NULL)
			return nm;
	}
	return id;
}

static void
add_progress(struct cmd_db_progress *pg, const struct store_rev *prev,
    const struct store_actions *al, size_t *capd, size_t *capa)
{
	struct arena *a = pg->arena;
	size_t i;

	for (i = 0; prev != NULL && i < prev->nitems; i++) {
		const struct store_item *it = &prev->items[i];
		struct item_done *d;

		if (!it->done)
			continue;
		d = &VEC_PUSH(pg->done, pg->ndone, *capd);
		d->exercise = arena_strdup(a, prev->exercise);
		d->checklist = arena_strdup(a, it->checklist);
		d->item = arena_strdup(a, it->id);
		d->person = NULL;	/* done for all who own it */
		d->at = parse_utc(it->done_at);
		d->initials = arena_strdup(a, it->done_by);
	}
	for (i = 0; i < al->n; i++) {
		const struct store_action *sa = &al->v[i];
		struct corrective_action *c = &VEC_PUSH(pg->actions,
		    pg->nactions, *capa);

		c->exercise = arena_strdup(a, sa->exercise);
		c->capability = arena_strdup(a, sa->capability);
		c->observation = arena_strdup(a, sa->observation);
		c->recommendation = arena_strdup(a, sa->recommendation);
		c->action = arena_strdup(a, sa->action);
		c->element = arena_strdup(a, sa->element);
		c->agency = prev != NULL ? arena_strdup(a, name_of(prev,
		    sa->agency, 0)) : arena_strdup(a, sa->agency);
		c->contact = prev != NULL ? arena_strdup(a, name_of(prev,
		    sa->poc, 1)) : arena_strdup(a, sa->poc);
		c->start = parse_date(sa->start);
		c->due = parse_date(sa->due);
		c->no = sa->no;
		c->status = arena_strdup(a, sa->status);
		c->poc_id = arena_strdup(a, sa->poc);
	}
}

int
cmd_db_progress(struct store *s, struct plan *p,
    const struct load_source_list *src, struct cmd_db_progress *pg)
{
	struct store_rev *prev = NULL;
	struct store_actions *al = NULL;
	struct revision_src *rs = NULL;
	char *cause = NULL;
	size_t i, capd = 0, capa = 0;
	int n, rc = -1;

	memset(pg, 0, sizeof(*pg));
	pg->arena = arena_new();
	pg->revisions = arena_array(pg->arena, p->nexercises + 1, sizeof(int));
	if (store_begin_read(s, &cause) == -1)
		return cmd_db_fail(cause), -1;
	rs = revision_src_new(src);
	/* Every plan's JSON at once, in threads: most of the cost. */
	revision_src_plans(rs, p);
	for (i = 0; i < p->nexercises; i++) {
		const struct plan_exercise *px = &p->exercises[i];

		/* Only what numbering the calendars and the progress
		 * need: events, checked items, and the rosters when they
		 * name the owners of actions. */
		if (store_latest(s, px->ex->id, &n, &cause) == -1 ||
		    (n > 0 && store_actions(s, px->ex->id, 0, &al,
		    &cause) == -1) ||
		    (n > 0 && store_get_revision(s, px->ex->id, n,
		    STORE_REV_NO_PLAN | STORE_REV_NO_STAFFING |
		    STORE_REV_DONE_ITEMS |
		    (al->n > 0 ? 0 : STORE_REV_NO_ROSTERS), &prev,
		    &cause) == -1)) {
			cmd_db_fail(cause);
			goto out;
		}
		pg->revisions[i] = revision_prepare(p, i, rs, prev, n);
		if (al != NULL)
			add_progress(pg, prev, al, &capd, &capa);
		store_rev_free(prev);
		store_actions_free(al);
		prev = NULL;
		al = NULL;
	}
	pg->rs = rs;	/* for cmd_db_store_plan() */
	rs = NULL;
	rc = 0;
out:
	store_rev_free(prev);
	store_actions_free(al);
	revision_src_free(rs);
	store_rollback(s);
	return rc;
}

int
cmd_db_rev_progress(struct store *s, const struct store_rev *r,
    struct cmd_db_progress *pg)
{
	struct store_actions *al = NULL;
	char *cause = NULL;
	size_t capd = 0, capa = 0;

	memset(pg, 0, sizeof(*pg));
	pg->arena = arena_new();
	pg->revisions = arena_array(pg->arena, 2, sizeof(int));
	pg->revisions[0] = r->number;
	if (store_actions(s, r->exercise, 0, &al, &cause) == -1)
		return cmd_db_fail(cause), -1;
	add_progress(pg, r, al, &capd, &capa);
	store_actions_free(al);
	return 0;
}

void
cmd_db_progress_free(struct cmd_db_progress *pg)
{
	free(pg->done);
	free(pg->actions);
	arena_free(pg->arena);
	revision_src_free(pg->rs);
	memset(pg, 0, sizeof(*pg));
}
