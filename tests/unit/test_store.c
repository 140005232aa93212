/* test_store.c: the database: opening, refusing, migrating, revisions, checks, actions, locks, faults. */
#define _DEFAULT_SOURCE	/* mkdtemp, setenv */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "diag.h"
#include "load.h"
#include "out_json.h"
#include "revision.h"
#include "sched.h"
#include "store.h"
#include "util.h"

#define DRILL "tests/store/drill.yaml"
#define EX "store-drill-2027"
#define NOW "2027-01-15T08:00:00Z"

/* A fresh directory for each test's files. */
static char dir[64];

static int
setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/planner-test-store.XXXXXX");
	if (mkdtemp(dir) == NULL)
		return -1;
	unsetenv("PLANNER_BUSY_TIMEOUT");
	return 0;
}

static int
teardown(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);
	int rc = system(cmd);

	(void)state;
	free(cmd);
	return rc == 0 ? 0 : -1;
}

static char *
path(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

/* Run SQL on the file behind planner's back, as another program would. */
static void
raw(const char *file, const char *sql)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open(file, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

/* One integer from the file, read behind planner's back. */
static int64_t
raw_int(const char *file, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	int64_t v = -1;

	assert_int_equal(sqlite3_open(file, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

static char *
raw_text(const char *file, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	char *v = NULL;

	assert_int_equal(sqlite3_open(file, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

/* The drill planned, with its documents; a staffing added by hand so
 * that assignments travel too, without depending on the assigner. */
struct fixture {
	struct model *m;
	struct plan *p;
	struct load_source_list src;
	struct diags d;
};

static void
fixture_load(struct fixture *f)
{
	char *const files[] = { DRILL };
	struct plan_exercise *px;
	size_t *ev;

	memset(f, 0, sizeof(*f));
	f->m = load_files_recorded(files, 1, &f->d, &f->src);
	assert_non_null(f->m);
	assert_int_equal(f->src.n, 1);
	assert_true(f->src.v[0].root);
	f->p = sched_plan(f->m, &f->d);
	assert_non_null(f->p);
	px = &f->p->exercises[0];
	assert_true(px->nevents >= 4);
	px->assignments = arena_array(f->p->arena, 2, sizeof(*px->assignments));
	px->assignments[0].role = template_role(px->ex->tpl, "director");
	px->assignments[0].person = model_person(f->m, "ana-ruiz");
	ev = arena_array(f->p->arena, 2, sizeof(*ev));
	ev[0] = 0;
	ev[1] = 1;
	px->assignments[0].events = ev;
	px->assignments[0].nevents = 2;
	px->assignments[1].role = template_role(px->ex->tpl, "controller");
	px->assignments[1].person = model_person(f->m, "bo-lee");
	px->nassignments = 2;
	px->vacancies = arena_array(f->p->arena, 1, sizeof(*px->vacancies));
	px->vacancies[0].role = template_role(px->ex->tpl, "player");
	px->vacancies[0].missing = 1;
	px->nvacancies = 1;
	px->cost.total = 7;
	px->cost.travel = 2;
	px->cost.fairness = 5;
	f->p->cost = px->cost;
	f->p->cost.total = 9;
	f->p->staffing_method = "flow";
	f->p->staffing_optimal = 1;
	f->p->staffing_bound = 7;
	assert_non_null(px->assignments[0].role);
	assert_non_null(px->assignments[0].person);
}

static void
fixture_free(struct fixture *f)
{
	plan_free(f->p);
	model_free(f->m);
	load_source_list_free(&f->src);
	diags_free(&f->d);
}

static struct store *
open_new(const char *file)
{
	struct store *s = NULL;
	char *cause = NULL;

	if (store_open(file, STORE_CREATE, &s, &cause) == -1)
		fail_msg("%s", cause);
	return s;
}

/* Store p; returns the revision number, *fresh whether it is new. */
static int
put(struct store *s, const struct plan *p, const struct load_source_list *src,
    int *fresh)
{
	int n[1], f[1];
	char *cause = NULL;

	if (revision_store(s, p, src, NOW, n, f, &cause) == -1)
		fail_msg("%s", cause);
	if (fresh != NULL)
		*fresh = f[0];
	return n[0];
}

static struct store_rev *
get(struct store *s, int number)
{
	struct store_rev *r = NULL;
	char *cause = NULL;

	if (store_get_revision(s, EX, number, 1, &r, &cause) == -1)
		fail_msg("%s", cause);
	return r;
}

/* --- opening ----------------------------------------------------------- */

static void
test_create(void **state)
{
	char *file = path("p.db");
	struct store *s = open_new(file);
	char *mode;

	(void)state;
	assert_int_equal(store_version(s), STORE_VERSION);
	assert_string_equal(store_path(s), file);
	store_close(s);
	assert_int_equal(raw_int(file, "PRAGMA user_version"), STORE_VERSION);
	assert_int_equal(raw_int(file, "PRAGMA application_id"), 0x504c4e52);
	mode = raw_text(file, "PRAGMA journal_mode");
	assert_string_equal(mode, "wal");
	free(mode);
	/* A new file has 8 KiB pages. */
	assert_int_equal(raw_int(file, "PRAGMA page_size"), 8192);
	/* Opening again changes nothing. */
	s = open_new(file);
	assert_int_equal(store_version(s), STORE_VERSION);
	store_close(s);
	store_close(NULL);
	free(file);

	/* A file begun by another planner keeps the pages it has. */
	file = path("old.db");
	raw(file, "PRAGMA page_size = 4096; PRAGMA application_id = "
	    "1347178066");
	s = open_new(file);
	assert_int_equal(store_version(s), STORE_VERSION);
	store_close(s);
	assert_int_equal(raw_int(file, "PRAGMA page_size"), 4096);
	free(file);
}

static void
expect_refusal(const char *file, enum store_mode mode, const char *want)
{
	struct store *s = (struct store *)&s;
	char *cause = NULL;

	assert_int_equal(store_open(file, mode, &s, &cause), -1);
	assert_null(s);
	assert_non_null(cause);
	if (strstr(cause, want) == NULL)
		fail_msg("'%s' lacks '%s'", cause, want);
	free(cause);
}

static void
test_refusals(void **state)
{
	char *missing = path("none.db"), *junk = path("junk.db");
	char *other = path("other.db"), *newer = path("newer.db");
	char *want;
	FILE *f;

	(void)state;
	expect_refusal(missing, STORE_EXISTING, "No such file or directory");
	assert_int_equal(access(missing, F_OK), -1);

	f = fopen(junk, "w");
	assert_non_null(f);
	fputs("kind: Exercise\nthis is no database, but long enough to "
	    "have a header of a hundred bytes, which SQLite reads first.\n"
	    "........................................................\n", f);
	fclose(f);
	want = xasprintf("'%s' is not a planner database", junk);
	expect_refusal(junk, STORE_CREATE, want);
	free(want);

	raw(other, "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
	want = xasprintf("'%s' is not a planner database: it holds other "
	    "data", other);
	expect_refusal(other, STORE_CREATE, want);
	free(want);

	store_close(open_new(newer));
	raw(newer, "PRAGMA user_version = 9");
	want = xasprintf("database '%s' has schema version 9, newer than this "
	    "planner (%d); upgrade planner", newer, STORE_VERSION);
	expect_refusal(newer, STORE_EXISTING, want);
	free(want);
	/* Refused, and untouched. */
	assert_int_equal(raw_int(newer, "PRAGMA user_version"), 9);

	free(missing);
	free(junk);
	free(other);
	free(newer);
}

static void
test_busy_timeout_env(void **state)
{
	char *file = path("p.db");

	(void)state;
	setenv("PLANNER_BUSY_TIMEOUT", "soon", 1);
	expect_refusal(file, STORE_CREATE, "invalid PLANNER_BUSY_TIMEOUT "
	    "'soon'");
	unsetenv("PLANNER_BUSY_TIMEOUT");
	free(file);
}

/* --- migrations -------------------------------------------------------- */

static void
test_migrate_from_v1(void **state)
{
	char *file = path("v1.db");
	struct fixture f;
	struct store *s = NULL;
	struct store_rev *r;
	struct store_action a = {0};
	struct store_actions *l = NULL;
	char *cause = NULL;

	(void)state;
	fixture_load(&f);
	/* A database as the first schema left it, with a plan and a check. */
	if (store_open_version(file, STORE_CREATE, 1, &s, &cause) == -1)
		fail_msg("%s", cause);
	assert_int_equal(store_version(s), 1);
	assert_int_equal(put(s, f.p, &f.src, NULL), 1);
	assert_int_equal(store_begin(s, &cause), 0);
	assert_int_equal(store_check(s, 1, 1, "ana-ruiz", NOW, "sent", &cause),
	    0);
	assert_int_equal(store_commit(s, &cause), 0);
	store_close(s);
	assert_int_equal(raw_int(file, "SELECT count(*) FROM sqlite_master "
	    "WHERE name = 'corrective_action'"), 0);

	/* Any planner of today brings it up to date, keeping everything. */
	s = open_new(file);
	assert_int_equal(store_version(s), STORE_VERSION);
	r = get(s, 0);
	assert_int_equal(r->number, 1);
	assert_int_equal(r->nitems, 3);
	assert_true(r->items[0].done);
	assert_string_equal(r->items[0].done_by, "ana-ruiz");
	assert_string_equal(r->items[0].note, "sent");
	store_rev_free(r);
	a.exercise = EX;
	a.action = "Replace the jammer batteries";
	a.poc = "bo-lee";
	a.due = "2027-04-01";
	a.status = "open";
	a.created = a.updated = NOW;
	assert_int_equal(store_begin(s, &cause), 0);
	assert_int_equal(store_action_add(s, &a, &cause), 0);
	assert_int_equal(store_commit(s, &cause), 0);
	assert_int_equal(a.no, 1);
	assert_int_equal(store_actions(s, EX, 0, &l, &cause), 0);
	assert_int_equal(l->n, 1);
	assert_string_equal(l->v[0].action, "Replace the jammer batteries");
	store_actions_free(l);
	store_close(s);
	assert_int_equal(raw_int(file, "PRAGMA user_version"), STORE_VERSION);
	fixture_free(&f);
	free(file);
}

/* --- revisions --------------------------------------------------------- */

static void
test_roundtrip(void **state)
{
	char *file = path("p.db");
	struct fixture f;
	struct store *s;
	struct store_rev *r;
	struct load_source_list back = {0};
	struct diags d = {0};
	struct model *m;
	struct plan *p = NULL;
	char *cause = NULL, *json;
	size_t i;

	(void)state;
	fixture_load(&f);
	s = open_new(file);
	assert_int_equal(put(s, f.p, &f.src, NULL), 1);
	r = get(s, 1);
	assert_string_equal(r->exercise, EX);
	assert_string_equal(r->timezone, "America/Phoenix");
	assert_int_equal(r->nsources, 1);
	assert_int_equal(r->sources[0].len, f.src.v[0].len);
	assert_memory_equal(r->sources[0].text, f.src.v[0].text,
	    f.src.v[0].len);
	assert_int_equal(r->nassignments, 2);
	assert_string_equal(r->assignments[0].events, "conduct ipm");
	assert_int_equal(r->nvacancies, 1);
	assert_int_equal(r->npeople, 4);
	assert_int_equal(r->nagencies, 2);
	assert_string_equal(r->agencies[0].part, "playing");
	for (i = 0; i < r->nitems; i++)
		assert_int_equal(r->items[i].no, (int64_t)i + 1);
	assert_string_equal(r->items[0].due_date, "2027-01-08");

	/* The plan again, from the database alone. */
	for (i = 0; i < r->nsources; i++) {
		struct load_source *ls = &VEC_PUSH(back.v, back.n, back.cap);

		ls->name = xstrdup(r->sources[i].name);
		ls->bundled = r->sources[i].bundled;
		ls->root = r->sources[i].root;
		ls->text = xstrndup(r->sources[i].text, r->sources[i].len);
		ls->len = r->sources[i].len;
	}
	m = load_sources(&back, &d);
	assert_non_null(m);
	if (revision_plan(r, m, &p, &cause) == -1)
		fail_msg("%s", cause);
	json = revision_plan_json(p, 0);
	assert_string_equal(json, r->plan_json);
	/* The plan lists the people it staffs, not the whole roster. */
	assert_non_null(strstr(json, "\"ana-ruiz\""));
	assert_null(strstr(json, "\"carla-soto\""));
	assert_true(strstr(json, "\"method\": \"flow\"") != NULL);
	assert_int_equal(p->exercises[0].cost.travel, 2);
	assert_int_equal(p->cost.total, 9);
	free(json);
	plan_free(p);
	model_free(m);
	load_source_list_free(&back);
	diags_free(&d);
	store_rev_free(r);
	store_close(s);
	fixture_free(&f);
	free(file);
}

static void
test_hash(void **state)
{
	struct fixture f;
	struct store_rev *a, *b, *c;
	char *name;

	(void)state;
	fixture_load(&f);
	a = revision_new(f.p, 0, &f.src, NOW);
	/* Another day, another path: the same content, the same hash. */
	name = f.src.v[0].name;
	f.src.v[0].name = xstrdup("elsewhere/drill.yaml");
	b = revision_new(f.p, 0, &f.src, "2027-06-01T00:00:00Z");
	assert_string_equal(a->hash, b->hash);
	assert_int_equal(strlen(a->hash), 64);
	free(f.src.v[0].name);
	f.src.v[0].name = name;
	/* One byte of input more is another revision. */
	f.src.v[0].text[f.src.v[0].len - 1] = ' ';
	c = revision_new(f.p, 0, &f.src, NOW);
	assert_string_not_equal(a->hash, c->hash);
	store_rev_free(c);
	/* So is a moved event with the same inputs. */
	f.src.v[0].text[f.src.v[0].len - 1] = '\n';
	f.p->exercises[0].events[1].start += 3600;
	c = revision_new(f.p, 0, &f.src, NOW);
	assert_string_not_equal(a->hash, c->hash);
	store_rev_free(a);
	store_rev_free(b);
	store_rev_free(c);
	fixture_free(&f);
}

static const struct store_event *
event(const struct store_rev *r, const char *id)
{
	size_t i;

	for (i = 0; i < r->nevents; i++)
		if (strcmp(r->events[i].id, id) == 0)
			return &r->events[i];
	fail_msg("no event '%s'", id);
	return NULL;
}

static void
test_revisions_and_sequence(void **state)
{
	char *file = path("p.db");
	struct fixture f;
	struct plan_exercise *px;
	struct store *s;
	struct store_rev *r;
	struct revision_diff *d;
	struct planned_event hot;
	int fresh;

	(void)state;
	fixture_load(&f);
	px = &f.p->exercises[0];
	s = open_new(file);
	assert_int_equal(put(s, f.p, &f.src, &fresh), 1);
	assert_true(fresh);
	assert_int_equal(put(s, f.p, &f.src, &fresh), 1);
	assert_false(fresh);

	/* Revision 2: the IPM a day later, the hot wash gone, the controller
	 * replaced. */
	px->events[1].start += 86400;
	px->events[1].end += 86400;
	hot = px->events[--px->nevents];
	px->assignments[1].person = model_person(f.m, "dan-cruz");
	assert_int_equal(put(s, f.p, &f.src, &fresh), 2);
	assert_true(fresh);
	r = get(s, 2);
	assert_int_equal(event(r, "conduct")->sequence, 0);
	assert_int_equal(event(r, "ipm")->sequence, 1);
	assert_int_equal(event(r, "hot-wash")->sequence, 1);
	assert_true(event(r, "hot-wash")->cancelled);
	assert_null(r->items[2].due_date);	/* its event is gone */
	{
		/* The plan made again carries them for calendars. */
		struct plan *p2 = NULL;
		char *cause = NULL;
		const struct plan_exercise *x;

		if (revision_plan(r, f.m, &p2, &cause) == -1)
			fail_msg("%s", cause);
		x = &p2->exercises[0];
		assert_int_equal(x->nevents, 3);
		assert_string_equal(x->events[1].def->id, "ipm");
		assert_int_equal(x->events[1].sequence, 1);
		assert_int_equal(x->events[0].sequence, 0);
		assert_int_equal(x->ncancelled, 1);
		assert_string_equal(x->cancelled[0].id, "hot-wash");
		assert_int_equal(x->cancelled[0].sequence, 1);
		assert_int_equal(x->cancelled[0].start, hot.start);
		plan_free(p2);
	}
	store_rev_free(r);

	/* Revision 3: unchanged but for the cancelled event, which stays
	 * cancelled with the same SEQUENCE. */
	px->assignments[1].person = model_person(f.m, "bo-lee");
	assert_int_equal(put(s, f.p, &f.src, &fresh), 3);
	r = get(s, 3);
	assert_int_equal(event(r, "ipm")->sequence, 1);
	assert_true(event(r, "hot-wash")->cancelled);
	assert_int_equal(event(r, "hot-wash")->sequence, 1);
	store_rev_free(r);

	/* Revision 4: the hot wash is back, one SEQUENCE higher; so is every
	 * event when the exercise is renamed, as calendars show its name. */
	px->events[px->nevents++] = hot;
	assert_int_equal(put(s, f.p, &f.src, &fresh), 4);
	r = get(s, 4);
	assert_false(event(r, "hot-wash")->cancelled);
	assert_int_equal(event(r, "hot-wash")->sequence, 2);
	store_rev_free(r);
	{
		struct exercise *ex = (struct exercise *)px->ex;
		char *name = ex->name;
		struct store_rev *nr, *old4 = get(s, 4);

		ex->name = "Store drill 2027 (renamed)";
		nr = revision_new(f.p, 0, &f.src, NOW);
		revision_sequence(nr, old4);
		assert_int_equal(event(nr, "conduct")->sequence, 1);
		assert_int_equal(event(nr, "hot-wash")->sequence, 3);
		revision_apply_sequence(nr, px, f.p->arena);
		assert_int_equal(px->events[0].sequence, 1);
		assert_int_equal(px->ncancelled, 0);
		store_rev_free(nr);
		store_rev_free(old4);
		ex->name = name;
	}

	/* What moved and who changed roles, from 1 to 2. */
	{
		struct store_rev *a = get(s, 1), *b = get(s, 2);
		size_t i;
		int moved = 0, removed = 0, on = 0, off = 0, due = 0;

		d = revision_diff(a, b);
		for (i = 0; i < d->n; i++) {
			const struct revision_change *c = &d->v[i];

			if (strcmp(c->change, "event-moved") == 0) {
				assert_string_equal(c->subject, "ipm");
				assert_int_equal(c->start_after -
				    c->start_before, 86400);
				moved++;
			} else if (strcmp(c->change, "event-removed") == 0) {
				assert_string_equal(c->subject, "hot-wash");
				removed++;
			} else if (strcmp(c->change, "role-assigned") == 0) {
				assert_string_equal(c->after, "dan-cruz");
				on++;
			} else if (strcmp(c->change, "role-unassigned") == 0) {
				assert_string_equal(c->before, "bo-lee");
				off++;
			} else if (strcmp(c->change, "item-due") == 0)
				due++;
			else if (strcmp(c->change, "input-changed") == 0)
				fail_msg("the inputs did not change");
		}
		assert_int_equal(moved, 1);
		assert_int_equal(removed, 1);
		assert_int_equal(on, 1);
		assert_int_equal(off, 1);
		assert_int_equal(due, 2);	/* invites (IPM), aar (gone) */
		revision_diff_free(d);
		d = revision_diff(b, b);
		assert_int_equal(d->n, 0);
		revision_diff_free(d);
		store_rev_free(a);
		store_rev_free(b);
	}
	store_close(s);
	assert_int_equal(raw_int(file, "SELECT count(*) FROM revision"), 4);
	/* The documents are kept once, however many revisions hold them:
	 * one set of one document, one roster of four people. */
	assert_int_equal(raw_int(file, "SELECT count(*) FROM source"), 0);
	assert_int_equal(raw_int(file, "SELECT count(DISTINCT docset) FROM "
	    "revision"), 1);
	assert_int_equal(raw_int(file, "SELECT count(*) FROM docset_source"),
	    1);
	assert_int_equal(raw_int(file, "SELECT count(*) FROM roster_person"),
	    4);
	assert_int_equal(raw_int(file, "SELECT count(*) FROM person"), 0);
	fixture_free(&f);
	free(file);
}

/*
 * A program of two exercises over one roster of two agencies, where
 * the first exercise uses one agency: the roster's people are stored
 * once for both revisions (not once per revision, as before version 3),
 * and again not at all by a run over the same rosters.
 */
static const char rosters_yaml[] =
    "kind: Template\nversion: 1\nid: mini\nname: Mini drill\ntype: drill\n"
    "conduct: {days: 1, length: 2h, start: \"09:00\"}\n"
    "roles:\n  - {id: director, name: Director, count: 1}\n"
    "events:\n  - {id: hot-wash, title: Hot wash, kind: hot-wash, "
    "roles: [director]}\n"
    "---\nkind: Exercise\nversion: 1\nid: ex-a\nname: Exercise A\n"
    "template: mini\nvenue: {name: Range A, timezone: America/Phoenix}\n"
    "conduct: 2027-03-10\nagencies: [ag-a]\n"
    "---\nkind: Exercise\nversion: 1\nid: ex-b\nname: Exercise %s\n"
    "template: mini\nvenue: {name: Range B, timezone: America/Phoenix}\n"
    "conduct: 2027-04-14\nagencies: [ag-a, ag-b]\n"
    "---\nkind: Roster\nversion: 1\nagencies:\n"
    "  - {id: ag-a, name: Agency A, country: US, "
    "timezone: America/Phoenix}\n"
    "  - {id: ag-b, name: Agency B, country: MX, "
    "timezone: America/Hermosillo}\n"
    "people:\n"
    "  - {id: a1, name: A One, email: a1@example.org, agency: ag-a}\n"
    "  - {id: a2, name: A Two, email: a2@example.org, agency: ag-a}\n"
    "  - {id: a3, name: A Three, email: a3@example.org, agency: ag-a}\n"
    "  - {id: b1, name: B One, email: b1@example.org, agency: ag-b}\n"
    "  - {id: b2, name: B Two, email: b2@example.org, agency: ag-b}\n";

/* Write the program (exercise B named name) to file and store its
 * plan in s; fresh[i] says whether exercise i got a new revision. */
static void
plan_program(struct store *s, const char *file, const char *name,
    int *fresh)
{
	char *const files[] = { (char *)file };
	struct load_source_list src = {0};
	struct diags d = {0};
	struct model *m;
	struct plan *p;
	char *cause = NULL;
	int n[2];
	FILE *f = fopen(file, "w");

	assert_non_null(f);
	fprintf(f, rosters_yaml, name);
	fclose(f);
	m = load_files_recorded(files, 1, &d, &src);
	assert_non_null(m);
	assert_int_equal(m->nexercises, 2);
	p = sched_plan(m, &d);
	assert_non_null(p);
	if (revision_store(s, p, &src, NOW, n, fresh, &cause) == -1)
		fail_msg("%s", cause);
	plan_free(p);
	model_free(m);
	load_source_list_free(&src);
	diags_free(&d);
}

/* What planner plan does: prepare the revision (numbering the
 * calendars) in one transaction, store it in another. */
static int
prepare(struct store *s, struct plan *p, struct revision_src *rs)
{
	struct store_rev *prev = NULL;
	char *cause = NULL;
	int n, number;

	if (store_begin_read(s, &cause) == -1 ||
	    store_latest(s, EX, &n, &cause) == -1 ||
	    (n > 0 && store_get_revision(s, EX, n, STORE_REV_NO_PLAN |
	    STORE_REV_NO_STAFFING | STORE_REV_DONE_ITEMS, &prev,
	    &cause) == -1))
		fail_msg("%s", cause);
	store_rollback(s);
	number = revision_prepare(p, 0, rs, prev, n);
	store_rev_free(prev);
	return number;
}

static int
store_prepared(struct store *s, const struct plan *p, struct revision_src *rs,
    const char *created, int *fresh)
{
	char *cause = NULL;
	int n[1];

	if (revision_store_src(s, p, rs, created, n, fresh, &cause) == -1)
		fail_msg("%s", cause);
	return n[0];
}

/*
 * A revision prepared before the files are written is stored as it
 * was made (its SEQUENCEs, the time it is stored at), and an unchanged
 * one not at all; but when another planner stored a revision of the
 * exercise in between, it is made again over that one, not stored as
 * a copy of it.
 */
static void
test_prepared(void **state)
{
	char *file = path("p.db");
	struct fixture f;
	struct revision_src *rs;
	struct store *s;
	struct store_rev *r;
	int fresh;

	(void)state;
	fixture_load(&f);
	s = open_new(file);

	/* Another planner stores revision 1 while this one writes. */
	rs = revision_src_new(&f.src);
	assert_int_equal(prepare(s, f.p, rs), 1);
	assert_int_equal(put(s, f.p, &f.src, &fresh), 1);
	assert_int_equal(store_prepared(s, f.p, rs, NOW, &fresh), 1);
	assert_false(fresh);
	assert_int_equal(raw_int(file, "SELECT count(*) FROM revision"), 1);
	revision_src_free(rs);

	/* Unchanged: nothing stored. */
	rs = revision_src_new(&f.src);
	assert_int_equal(prepare(s, f.p, rs), 1);
	assert_int_equal(store_prepared(s, f.p, rs, NOW, &fresh), 1);
	assert_false(fresh);
	revision_src_free(rs);

	/* The IPM moved: revision 2 as prepared, its calendars numbered. */
	f.p->exercises[0].events[1].start += 3600;
	f.p->exercises[0].events[1].end += 3600;
	rs = revision_src_new(&f.src);
	assert_int_equal(prepare(s, f.p, rs), 2);
	assert_int_equal(f.p->exercises[0].events[1].sequence, 1);
	assert_int_equal(f.p->exercises[0].events[0].sequence, 0);
	assert_int_equal(store_prepared(s, f.p, rs, "2027-02-01T00:00:00Z",
	    &fresh), 2);
	assert_true(fresh);
	revision_src_free(rs);
	r = get(s, 2);
	assert_string_equal(r->created, "2027-02-01T00:00:00Z");
	assert_int_equal(event(r, "ipm")->sequence, 1);
	assert_int_equal(event(r, "conduct")->sequence, 0);
	store_rev_free(r);

	/* Stored as revision_store() would have: the same hash. */
	assert_int_equal(put(s, f.p, &f.src, &fresh), 2);
	assert_false(fresh);

	store_close(s);
	fixture_free(&f);
	free(file);
}

/*
 * More events dropped than the new revision has: each comes back
 * cancelled, once, one SEQUENCE higher. Other events follow the new
 * revision's own in memory, as they may in a run: reading past
 * them (which revision_sequence once did while it added the dropped
 * ones, and crashed re-planning a program whose exercise changed
 * template) would take the last dropped event for a live one.
 */
static void
test_sequence_drops(void **state)
{
	static const char *const ids[] = { "a", "b", "c", "d", "e" };
	struct store_rev *prev = store_rev_new(), *r = store_rev_new();
	struct store_event *decoy;
	size_t i;

	(void)state;
	prev->name = r->name = "x";
	prev->events = arena_array(prev->arena, 6, sizeof(*prev->events));
	for (i = 0; i < 5; i++) {
		prev->events[i].id = (char *)ids[i];
		prev->events[i].sequence = 2;
		prev->events[i].start = (ptime)i * 3600;
		prev->events[i].end = (ptime)i * 3600 + 1800;
	}
	prev->nevents = 5;
	/* One event and a spare, as revision_new() makes them, followed
	 * in memory by events that are not r's. */
	r->events = arena_array(r->arena, 10, sizeof(*r->events));
	r->events[0] = prev->events[0];
	r->nevents = 1;
	decoy = r->events + 2;
	for (i = 0; i < 8; i++)
		decoy[i].id = (char *)ids[4];
	revision_sequence(r, prev);
	assert_int_equal(r->nevents, 5);
	assert_string_equal(r->events[0].id, "a");
	assert_false(r->events[0].cancelled);
	assert_int_equal(r->events[0].sequence, 2);
	for (i = 1; i < 5; i++) {
		assert_string_equal(r->events[i].id, ids[i]);
		assert_true(r->events[i].cancelled);
		assert_int_equal(r->events[i].sequence, 3);
		assert_int_equal(r->events[i].start, (ptime)i * 3600);
	}
	store_rev_free(r);
	store_rev_free(prev);
}

static void
test_rosters_once(void **state)
{
	char *file = path("p.db"), *yaml = path("program.yaml");
	struct store *s;
	struct store_rev *r = NULL;
	char *cause = NULL;
	size_t nevents;
	int fresh[2];

	(void)state;
	s = open_new(file);
	plan_program(s, yaml, "B", fresh);
	assert_true(fresh[0] && fresh[1]);
	/* Five people, not five per exercise. */
	assert_int_equal(raw_int(file, "SELECT count(*) FROM roster_person"),
	    5);
	assert_int_equal(raw_int(file, "SELECT count(*) FROM roster_agency"),
	    2);
	assert_int_equal(raw_int(file, "SELECT count(*) FROM person"), 0);
	/* Each revision keeps the parts agencies take in it. */
	assert_int_equal(raw_int(file, "SELECT count(*) FROM agency WHERE "
	    "exercise = 'ex-a'"), 1);
	assert_int_equal(raw_int(file, "SELECT count(*) FROM agency WHERE "
	    "exercise = 'ex-b'"), 2);
	assert_int_equal(raw_int(file, "SELECT count(DISTINCT docset) FROM "
	    "revision"), 1);

	/* Read back, a revision has the whole roster and its parts. */
	if (store_get_revision(s, "ex-a", 0, 0, &r, &cause) == -1)
		fail_msg("%s", cause);
	assert_int_equal(r->npeople, 5);
	assert_string_equal(r->people[3].id, "b1");
	assert_string_equal(r->people[3].agency, "ag-b");
	assert_int_equal(r->nagencies, 2);
	assert_string_equal(r->agencies[0].part, "playing");
	assert_null(r->agencies[1].part);
	assert_string_equal(r->agencies[1].name, "Agency B");
	/* The plan JSON names the agency that takes part, no other. */
	assert_non_null(strstr(r->plan_json, "\"ag-a\""));
	assert_null(strstr(r->plan_json, "\"ag-b\""));
	nevents = r->nevents;
	assert_true(nevents > 0);
	store_rev_free(r);
	if (store_get_revision(s, "ex-a", 0, STORE_REV_NO_ROSTERS, &r,
	    &cause) == -1)
		fail_msg("%s", cause);
	assert_int_equal(r->npeople, 0);
	assert_int_equal(r->nagencies, 0);
	assert_int_equal(r->nevents, nevents);
	store_rev_free(r);

	/* The same inputs: nothing new. Exercise B renamed: the document
	 * changed, so both get a revision (the hash covers every document
	 * of the run), over the same roster, stored no second time. */
	plan_program(s, yaml, "B", fresh);
	assert_true(!fresh[0] && !fresh[1]);
	plan_program(s, yaml, "B renamed", fresh);
	assert_true(fresh[0] && fresh[1]);
	assert_int_equal(raw_int(file, "SELECT count(*) FROM revision"), 4);
	assert_int_equal(raw_int(file, "SELECT count(*) FROM roster"), 1);
	assert_int_equal(raw_int(file, "SELECT count(*) FROM roster_person"),
	    5);
	assert_int_equal(raw_int(file, "SELECT count(*) FROM docset"), 2);
	assert_int_equal(raw_int(file, "SELECT count(*) FROM docset_source"),
	    2);
	store_close(s);
	free(file);
	free(yaml);
}

/*
 * A program large enough that its plans' JSON is made in threads
 * (revision_src_plans(): 32 exercises or more) gives every revision
 * the JSON and hash that one thread making them one at a time gives.
 */
static void
test_plans_threads(void **state)
{
	enum { NEX = 40 };
	/* Working days of March 2027 (the 1st is a Monday). */
	static const int day[] = { 1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 15, 16,
	    17, 18, 19, 22, 23, 24, 25, 26 };
	char *yaml = path("program.yaml");
	char *const files[] = { yaml };
	struct load_source_list src = {0};
	struct revision_src *rs;
	struct diags d = {0};
	struct model *m;
	struct plan *p;
	struct sb b = {0};
	size_t i;
	FILE *f;

	(void)state;
	sb_puts(&b, "kind: Template\nversion: 1\nid: mini\nname: Mini\n"
	    "type: drill\nconduct: {days: 1, length: 2h, start: \"09:00\"}\n"
	    "roles:\n  - {id: director, name: Director, count: 1}\n"
	    "events:\n  - {id: hot-wash, title: Hot wash, kind: hot-wash, "
	    "roles: [director]}\n"
	    "---\nkind: Roster\nversion: 1\nagencies:\n"
	    "  - {id: ag-a, name: Agency A, country: US, "
	    "timezone: America/Phoenix}\n"
	    "  - {id: ag-b, name: Agency B, country: MX, "
	    "timezone: America/Hermosillo}\n"
	    "people:\n"
	    "  - {id: a1, name: A One, email: a1@example.org, agency: ag-a}\n"
	    "  - {id: b1, name: B One, email: b1@example.org, agency: ag-b}\n");
	for (i = 0; i < NEX; i++)
		sb_printf(&b, "---\nkind: Exercise\nversion: 1\nid: ex-%02zu\n"
		    "name: Exercise %zu\ntemplate: mini\nvenue: {name: Range, "
		    "timezone: %s}\nconduct: 2027-03-%02d\nagencies: [%s]\n",
		    i, i, i % 2 ? "America/Hermosillo" : "America/Phoenix",
		    day[i % NELEM(day)], i % 3 ? "ag-a" : "ag-a, ag-b");
	f = fopen(yaml, "w");
	assert_non_null(f);
	fputs(sb_str(&b), f);
	fclose(f);
	sb_free(&b);
	m = load_files_recorded(files, 1, &d, &src);
	assert_non_null(m);
	assert_int_equal(m->nexercises, NEX);
	p = sched_plan(m, &d);
	for (i = 0; p == NULL && i < d.n; i++) {
		char *msg = diag_format(&d.v[i]);

		print_message("%s\n", msg);
		free(msg);
	}
	assert_non_null(p);
	/* Staffed by hand, some exercises with someone of each agency. */
	for (i = 0; i < NEX; i++) {
		struct plan_exercise *px = &p->exercises[i];

		px->assignments = arena_array(p->arena, 1,
		    sizeof(*px->assignments));
		px->assignments[0].role = template_role(px->ex->tpl,
		    "director");
		px->assignments[0].person = model_person(m, i % 5 ? "a1" :
		    "b1");
		px->nassignments = 1;
		px->cost.total = (int64_t)i;
	}

	rs = revision_src_new(&src);
	revision_threads = 4;	/* threads, whatever the machine */
	revision_src_plans(rs, p);
	revision_threads = 0;
	for (i = 0; i < NEX; i++) {
		struct store_rev *r = revision_new_src(p, i, rs, NOW);
		struct store_rev *one = revision_new(p, i, &src, NOW);
		char *json = revision_plan_json(p, i);

		assert_string_equal(r->plan_json, json);
		assert_string_equal(r->plan_json, one->plan_json);
		assert_string_equal(r->plan_sha256, one->plan_sha256);
		assert_string_equal(r->hash, one->hash);
		assert_string_equal(r->roster, one->roster);
		/* Each exercise its own. */
		assert_non_null(strstr(json, p->exercises[i].ex->id));
		free(json);
		store_rev_free(r);
		store_rev_free(one);
	}
	revision_src_free(rs);
	plan_free(p);
	model_free(m);
	load_source_list_free(&src);
	diags_free(&d);
	free(yaml);
}

static void
test_checks(void **state)
{
	char *file = path("p.db");
	struct fixture f;
	struct store *s;
	struct store_rev *r;
	char *cause = NULL, *ex = NULL;

	(void)state;
	fixture_load(&f);
	s = open_new(file);
	put(s, f.p, &f.src, NULL);
	assert_int_equal(store_item_exercise(s, 2, &ex, &cause), 0);
	assert_string_equal(ex, EX);
	free(ex);
	assert_int_equal(store_item_exercise(s, 99, &ex, &cause), -1);
	assert_null(ex);
	assert_true(strstr(cause, "no checklist item #99") != NULL);
	free(cause);
	cause = NULL;
	assert_int_equal(store_begin(s, &cause), 0);
	assert_int_equal(store_check(s, 2, 1, "bo-lee", NOW, NULL, &cause), 0);
	assert_int_equal(store_commit(s, &cause), 0);

	/* A new revision keeps the check: it belongs to the item. */
	f.p->exercises[0].events[1].start += 600;
	assert_int_equal(put(s, f.p, &f.src, NULL), 2);
	r = get(s, 0);
	assert_int_equal(r->number, 2);
	assert_false(r->items[0].done);
	assert_true(r->items[1].done);
	assert_string_equal(r->items[1].done_by, "bo-lee");
	assert_string_equal(r->items[1].done_at, NOW);
	store_rev_free(r);
	assert_int_equal(store_begin(s, &cause), 0);
	assert_int_equal(store_check(s, 2, 0, NULL, "2027-01-16T00:00:00Z",
	    "redo", &cause), 0);
	assert_int_equal(store_commit(s, &cause), 0);
	r = get(s, 1);
	assert_false(r->items[1].done);
	assert_string_equal(r->items[1].note, "redo");
	store_rev_free(r);
	store_close(s);
	assert_int_equal(raw_int(file, "SELECT count(*) FROM item_check"), 2);
	fixture_free(&f);
	free(file);
}

static void
test_actions(void **state)
{
	char *file = path("p.db");
	struct fixture f;
	struct store *s;
	struct store_action a = {0}, b;
	struct store_actions *l = NULL;
	char *cause = NULL;

	(void)state;
	fixture_load(&f);
	s = open_new(file);
	put(s, f.p, &f.src, NULL);
	a.exercise = EX;
	a.capability = "Screening, Search, and Detection";
	a.observation = "The swarm was reported after 4 minutes.";
	a.recommendation = "Give the radar operator a direct line.";
	a.action = "Install a direct line from the radar post";
	a.element = "equipment";
	a.agency = "usbp-test";
	a.poc = "ana-ruiz";
	a.start = "2027-03-01";
	a.due = "2027-05-01";
	a.status = "open";
	a.created = a.updated = NOW;
	assert_int_equal(store_begin(s, &cause), 0);
	assert_int_equal(store_action_add(s, &a, &cause), 0);
	assert_int_equal(store_commit(s, &cause), 0);
	assert_int_equal(a.no, 1);

	b = a;
	b.status = "closed";
	b.closed = b.updated = "2027-04-20T00:00:00Z";
	b.due = "2027-04-30";
	assert_int_equal(store_begin(s, &cause), 0);
	assert_int_equal(store_action_update(s, &a, &b, b.updated, "ana-ruiz",
	    "line installed", &cause), 0);
	assert_int_equal(store_commit(s, &cause), 0);
	assert_int_equal(store_actions(s, NULL, 1, &l, &cause), 0);
	assert_int_equal(l->n, 1);
	assert_string_equal(l->v[0].status, "closed");
	assert_string_equal(l->v[0].due, "2027-04-30");
	assert_string_equal(l->v[0].closed, "2027-04-20T00:00:00Z");
	assert_string_equal(l->v[0].capability,
	    "Screening, Search, and Detection");
	store_actions_free(l);
	assert_int_equal(store_actions(s, NULL, 7, &l, &cause), -1);
	assert_null(l);
	assert_true(strstr(cause, "no corrective action A7") != NULL);
	free(cause);
	store_close(s);
	/* Created, then status and due changed: every step kept. */
	assert_int_equal(raw_int(file, "SELECT count(*) FROM "
	    "corrective_action_log WHERE action = 1"), 3);
	/* The schema refuses an action with no owner. */
	assert_int_equal(raw_int(file, "SELECT count(*) FROM "
	    "corrective_action"), 1);
	fixture_free(&f);
	free(file);
}

/* --- locks and faults -------------------------------------------------- */

static void
test_busy(void **state)
{
	char *file = path("p.db");
	struct store *a, *b;
	char *cause = NULL, *want;

	(void)state;
	a = open_new(file);
	setenv("PLANNER_BUSY_TIMEOUT", "200", 1);
	b = open_new(file);
	unsetenv("PLANNER_BUSY_TIMEOUT");
	assert_int_equal(store_begin(a, &cause), 0);
	assert_int_equal(store_begin(b, &cause), -1);
	want = xasprintf("database '%s' is busy: still locked by another "
	    "writer after 0.2 s; try again", file);
	assert_string_equal(cause, want);
	free(want);
	free(cause);
	cause = NULL;
	/* Readers are not held up by a writer (WAL). */
	assert_int_equal(store_begin_read(b, &cause), 0);
	store_rollback(b);
	assert_int_equal(store_commit(a, &cause), 0);
	assert_int_equal(store_begin(b, &cause), 0);
	store_rollback(b);
	store_rollback(b);	/* a no-op outside a transaction */
	store_close(a);
	store_close(b);
	free(file);
}

/* Bytes in the file name + suffix: -1 when there is none. */
static long
file_size(const char *name, const char *suffix)
{
	char *f = xasprintf("%s%s", name, suffix);
	struct stat st;
	long n = stat(f, &st) == 0 ? (long)st.st_size : -1;

	free(f);
	return n;
}

/*
 * Faults in SQLite itself, for the paths no file can provoke: every
 * connection opened after refuse_install() gets an authorizer that
 * refuses what refused names, "select" or "PRAGMA=VALUE", while it is
 * set (NULL: nothing).
 */
static const char *refused;

static int
refuse(void *arg, int action, const char *a1, const char *a2,
    const char *db, const char *trigger)
{
	char what[64];

	(void)arg;
	(void)db;
	(void)trigger;
	if (refused == NULL)
		return SQLITE_OK;
	if (action == SQLITE_SELECT)
		return strcmp(refused, "select") == 0 ? SQLITE_DENY : SQLITE_OK;
	if (action != SQLITE_PRAGMA || a2 == NULL)
		return SQLITE_OK;
	snprintf(what, sizeof(what), "%s=%s", a1, a2);
	return strcasecmp(what, refused) == 0 ? SQLITE_DENY : SQLITE_OK;
}

static int
refuse_hook(sqlite3 *db, const char **err, const void *api)
{
	(void)err;
	(void)api;
	sqlite3_set_authorizer(db, refuse, NULL);
	return SQLITE_OK;
}

static void
refuse_install(void)
{
	assert_int_equal(sqlite3_auto_extension((void (*)(void))refuse_hook),
	    SQLITE_OK);
}

/* The test's teardown: the hook goes whether the test passed or not,
 * so a failure cannot spread to the tests after it. */
static int
refuse_remove(void **state)
{
	refused = NULL;
	sqlite3_cancel_auto_extension((void (*)(void))refuse_hook);
	return teardown(state);
}

/* store_begin_bulk() failing before its transaction: told why, no
 * transaction left open, the file still in WAL mode. */
static void
bulk_refused(const char *what, const char *why)
{
	char *file = path(what), *mode, *cause = NULL;
	struct store *s = open_new(file);

	refused = what;
	assert_int_equal(store_begin_bulk(s, &cause), -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, why));
	free(cause);
	cause = NULL;
	refused = NULL;
	assert_int_equal(file_size(file, "-journal"), -1);
	mode = raw_text(file, "PRAGMA journal_mode");
	assert_string_equal(mode, "wal");
	free(mode);
	/* Not in a transaction: one can begin. */
	assert_int_equal(store_begin(s, &cause), 0);
	store_rollback(s);
	store_close(s);
	free(file);
}

/* The first store's error paths, by faults injected into SQLite, and
 * the switch back to the log being refused after its commit. */
static void
test_first_store_faults(void **state)
{
	char *file, *mode, *cause = NULL;
	struct fixture f;
	struct store *s;

	(void)state;
	refuse_install();
	bulk_refused("select", "not authorized");
	bulk_refused("synchronous=EXTRA", "not authorized");

	/* Committed, but the log refused afterwards: the revision is
	 * in, the file left with a rollback journal (no WAL now), and
	 * the next planner to open it switches it back. */
	fixture_load(&f);
	file = path("j.db");
	s = open_new(file);
	refused = "journal_mode=WAL";
	assert_int_equal(put(s, f.p, &f.src, NULL), 1);
	store_close(s);
	refused = NULL;
	assert_int_equal(file_size(file, "-journal"), -1);
	mode = raw_text(file, "PRAGMA journal_mode");
	assert_string_equal(mode, "delete");
	free(mode);
	assert_int_equal(store_open(file, 0, &s, &cause), 0);
	store_close(s);
	mode = raw_text(file, "PRAGMA journal_mode");
	assert_string_equal(mode, "wal");
	free(mode);
	assert_int_equal(raw_int(file, "SELECT count(*) FROM revision"), 1);
	fixture_free(&f);
	free(file);
}

/*
 * The first revisions into a file go through a rollback journal, not
 * the log (written once, not twice), unless another connection has the
 * file open; the file is in WAL mode after, and a first store that
 * fails leaves it empty, in WAL mode, with no journal.
 */
static void
test_first_store_journal(void **state)
{
	char *file = path("p.db"), *mode, *cause = NULL;
	struct fixture f;
	struct store *s, *other;
	int n[1], fr[1];

	(void)state;
	fixture_load(&f);
	s = open_new(file);
	assert_int_equal(put(s, f.p, &f.src, NULL), 1);
	/* Nothing went through the log; the file has it all. */
	assert_true(file_size(file, "-wal") <= 0);
	assert_int_equal(file_size(file, "-journal"), -1);
	f.p->exercises[0].events[1].start += 86400;
	assert_int_equal(put(s, f.p, &f.src, NULL), 2);
	assert_true(file_size(file, "-wal") > 0);	/* later ones do */
	store_close(s);
	mode = raw_text(file, "PRAGMA journal_mode");
	assert_string_equal(mode, "wal");
	free(mode);
	assert_int_equal(raw_int(file, "SELECT count(*) FROM revision"), 2);
	free(file);

	/* Another connection open: the log, so it never waits. */
	file = path("q.db");
	s = open_new(file);
	other = open_new(file);
	assert_int_equal(put(s, f.p, &f.src, NULL), 1);
	assert_true(file_size(file, "-wal") > 0);
	store_close(other);
	store_close(s);
	free(file);

	/* Another planner opening the file during a first store waits
	 * for it, up to the busy timeout; after the commit the file is
	 * in WAL mode again, with no journal left. */
	file = path("w.db");
	setenv("PLANNER_BUSY_TIMEOUT", "100", 1);
	s = open_new(file);
	assert_int_equal(store_begin_bulk(s, &cause), 0);
	other = NULL;
	assert_int_equal(store_open(file, STORE_CREATE, &other, &cause), -1);
	assert_null(other);
	assert_non_null(strstr(cause, "busy"));
	free(cause);
	cause = NULL;
	unsetenv("PLANNER_BUSY_TIMEOUT");
	assert_int_equal(store_commit(s, &cause), 0);
	assert_int_equal(file_size(file, "-journal"), -1);
	store_close(s);
	mode = raw_text(file, "PRAGMA journal_mode");
	assert_string_equal(mode, "wal");
	free(mode);
	free(file);

	/* A first store that fails half-way. */
	file = path("r.db");
	store_close(open_new(file));
	raw(file, "CREATE TRIGGER fault BEFORE INSERT ON revision_item "
	    "WHEN NEW.seq = 2 BEGIN SELECT RAISE(ABORT, 'injected fault'); "
	    "END;");
	s = open_new(file);
	assert_int_equal(revision_store(s, f.p, &f.src, NOW, n, fr, &cause),
	    -1);
	assert_non_null(strstr(cause, "injected fault"));
	free(cause);
	assert_int_equal(file_size(file, "-journal"), -1);
	store_close(s);
	mode = raw_text(file, "PRAGMA journal_mode");
	assert_string_equal(mode, "wal");
	free(mode);
	assert_int_equal(raw_int(file, "SELECT count(*) FROM revision"), 0);
	assert_int_equal(raw_int(file, "SELECT count(*) FROM event"), 0);
	mode = raw_text(file, "PRAGMA integrity_check");
	assert_string_equal(mode, "ok");
	free(mode);
	fixture_free(&f);
	free(file);
}

/*
 * A write that fails half-way (a trigger stands in for a full disk or a
 * crash) leaves the database exactly at the revision before.
 */
static void
test_fault_midway(void **state)
{
	char *file = path("p.db");
	struct fixture f;
	struct store *s;
	struct store_rev *r;
	int n[1], fr[1];
	char *cause = NULL;

	(void)state;
	fixture_load(&f);
	s = open_new(file);
	assert_int_equal(put(s, f.p, &f.src, NULL), 1);
	store_close(s);
	raw(file, "CREATE TRIGGER fault BEFORE INSERT ON revision_item "
	    "WHEN NEW.seq = 2 BEGIN SELECT RAISE(ABORT, 'injected fault'); "
	    "END;");
	s = open_new(file);
	f.p->exercises[0].events[1].start += 86400;
	assert_int_equal(revision_store(s, f.p, &f.src, NOW, n, fr, &cause),
	    -1);
	assert_true(strstr(cause, "injected fault") != NULL);
	free(cause);
	cause = NULL;
	r = get(s, 0);
	assert_int_equal(r->number, 1);
	store_rev_free(r);
	store_close(s);
	assert_int_equal(raw_int(file, "SELECT count(*) FROM event WHERE "
	    "revision = 2"), 0);
	assert_int_equal(raw_int(file, "SELECT count(*) FROM revision"), 1);
	{
		char *ok = raw_text(file, "PRAGMA integrity_check");

		assert_string_equal(ok, "ok");
		free(ok);
	}
	raw(file, "DROP TRIGGER fault");
	s = open_new(file);
	assert_int_equal(put(s, f.p, &f.src, NULL), 2);
	store_close(s);
	fixture_free(&f);
	free(file);
}

static void
test_missing(void **state)
{
	char *file = path("p.db");
	struct store *s;
	struct store_rev *r = (struct store_rev *)&r;
	char *cause = NULL;
	struct fixture f;

	(void)state;
	s = open_new(file);
	assert_int_equal(store_get_revision(s, "nope", 0, 0, &r, &cause), -1);
	assert_null(r);
	assert_true(strstr(cause, "no exercise 'nope' in") != NULL);
	free(cause);
	cause = NULL;
	fixture_load(&f);
	put(s, f.p, &f.src, NULL);
	assert_int_equal(store_get_revision(s, EX, 5, 0, &r, &cause), -1);
	assert_string_equal(cause, "exercise 'store-drill-2027' has no "
	    "revision 5 (the latest is 1)");
	free(cause);
	store_close(s);
	fixture_free(&f);
	free(file);
}

/* The roles of other exercises' latest revisions, for staffing. */
static struct store_commitments *
commitments(struct store *s, const char *skip)
{
	struct store_commitments *l = NULL;
	char *cause = NULL;

	if (store_commitments(s, &skip, skip != NULL, &l, &cause) == -1)
		fail_msg("%s", cause);
	return l;
}

static void
test_commitments(void **state)
{
	char *file = path("p.db");
	struct fixture f;
	struct plan_exercise *px;
	struct exercise *ex;
	struct store_commitments *l;
	struct store *s;
	char *id;

	(void)state;
	fixture_load(&f);
	px = &f.p->exercises[0];
	ex = (struct exercise *)px->ex;
	s = open_new(file);
	l = commitments(s, NULL);
	assert_int_equal(l->n, 0);
	store_commitments_free(l);
	put(s, f.p, &f.src, NULL);

	/* Revision 2: the IPM a day later, another controller. Only the
	 * latest revision counts. */
	px->events[1].start += 86400;
	px->events[1].end += 86400;
	px->assignments[1].person = model_person(f.m, "dan-cruz");
	assert_int_equal(put(s, f.p, &f.src, NULL), 2);
	/* The same plan stored as another exercise, its IPM back. */
	id = ex->id;
	ex->id = "aaa-other";
	px->events[1].start -= 86400;
	px->events[1].end -= 86400;
	assert_int_equal(put(s, f.p, &f.src, NULL), 1);
	ex->id = id;

	l = commitments(s, NULL);
	assert_int_equal(l->n, 4);
	assert_string_equal(l->v[0].exercise, "aaa-other");
	assert_string_equal(l->v[2].exercise, EX);
	assert_string_equal(l->v[2].person, "ana-ruiz");
	assert_string_equal(l->v[2].role, "director");
	assert_int_equal(l->v[2].nintervals, 2);
	assert_int_equal(l->v[2].start[0], px->events[0].start);
	assert_int_equal(l->v[2].end[0], px->events[0].end);
	assert_int_equal(l->v[2].start[1], px->events[1].start + 86400);
	assert_int_equal(l->v[0].start[1], px->events[1].start);
	assert_string_equal(l->v[3].person, "dan-cruz");
	assert_int_equal(l->v[3].nintervals, 0);
	store_commitments_free(l);

	/* Re-planning an exercise leaves its own revisions out. */
	l = commitments(s, EX);
	assert_int_equal(l->n, 2);
	assert_string_equal(l->v[0].exercise, "aaa-other");
	assert_string_equal(l->v[1].person, "dan-cruz");
	store_commitments_free(l);
	store_close(s);
	fixture_free(&f);
	free(file);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_create, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refusals, setup, teardown),
		cmocka_unit_test_setup_teardown(test_busy_timeout_env, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_migrate_from_v1, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_roundtrip, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_hash, setup, teardown),
		cmocka_unit_test_setup_teardown(test_revisions_and_sequence,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_prepared, setup, teardown),
		cmocka_unit_test(test_sequence_drops),
		cmocka_unit_test_setup_teardown(test_rosters_once, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_plans_threads, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_checks, setup, teardown),
		cmocka_unit_test_setup_teardown(test_actions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_busy, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fault_midway, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_first_store_journal,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_first_store_faults,
		    setup, refuse_remove),
		cmocka_unit_test_setup_teardown(test_missing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_commitments, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
