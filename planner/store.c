/* store.c: the planner database in SQLite, the only module that sees SQLite. */
#define _POSIX_C_SOURCE 200809L
#include "store.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "digest.h"
#include "util.h"

#include "config.h"	/* PLANNER_VERSION */

/* PRAGMA application_id: "PLNR", so planner knows its own files. */
#define APP_ID 0x504c4e52

/* The page size of a new file, in bytes (see store_open_version). */
#define STORE_PAGE_SIZE "8192"

/* Statements run() keeps prepared: storing a national program runs
 * the same few INSERTs hundreds of thousands of times, and preparing
 * each again took longer than running it. */
#define STMT_CACHE 64

struct store {
	sqlite3 *db;
	char *path;
	int version;
	int busy_ms;
	int journal;	/* in a write begun with a rollback journal */
	struct {
		char *sql;		/* our copy: compared by text */
		const char *given;	/* the caller's text, a literal
					 * (or gone: compared, never read) */
		sqlite3_stmt *st;
	} cache[STMT_CACHE];
	size_t ncache;
};

/*
 * The schema, one step per version: migrations[N] takes a database from
 * user_version N to N + 1. A step is never edited once released; a
 * change is a new step. Each runs inside the transaction that sets the
 * new user_version, so a crash leaves the old version whole.
 */
static const char *const migrations[] = {
	/* 0 -> 1: revisions of plans, checklist items and their checks. */
	"PRAGMA application_id = 1347178066;\n"
	"CREATE TABLE exercise (\n"
	"	id TEXT PRIMARY KEY,\n"
	"	created TEXT NOT NULL\n"
	") STRICT;\n"
	/* Input documents and plans, by content, shared between revisions. */
	"CREATE TABLE blob (\n"
	"	sha256 TEXT PRIMARY KEY,\n"
	"	data BLOB NOT NULL\n"
	") STRICT;\n"
	"CREATE TABLE revision (\n"
	"	exercise TEXT NOT NULL REFERENCES exercise(id),\n"
	"	number INTEGER NOT NULL CHECK (number >= 1),\n"
	"	hash TEXT NOT NULL,\n"
	"	created TEXT NOT NULL,\n"
	"	planner TEXT NOT NULL,\n"
	"	name TEXT NOT NULL,\n"
	"	template TEXT NOT NULL,\n"
	"	type TEXT NOT NULL,\n"
	"	timezone TEXT NOT NULL,\n"
	"	venue TEXT,\n"
	"	startex INTEGER NOT NULL,\n"
	"	endex INTEGER NOT NULL,\n"
	"	plan TEXT NOT NULL REFERENCES blob(sha256),\n"
	"	PRIMARY KEY (exercise, number)\n"
	") STRICT;\n"
	"CREATE TABLE source (\n"
	"	exercise TEXT NOT NULL,\n"
	"	revision INTEGER NOT NULL,\n"
	"	seq INTEGER NOT NULL,\n"
	"	name TEXT NOT NULL,\n"
	"	bundled INTEGER NOT NULL,\n"
	"	root INTEGER NOT NULL,\n"
	"	blob TEXT NOT NULL REFERENCES blob(sha256),\n"
	"	PRIMARY KEY (exercise, revision, seq),\n"
	"	FOREIGN KEY (exercise, revision)\n"
	"	    REFERENCES revision(exercise, number)\n"
	") STRICT;\n"
	"CREATE TABLE event (\n"
	"	exercise TEXT NOT NULL,\n"
	"	revision INTEGER NOT NULL,\n"
	"	seq INTEGER NOT NULL,\n"
	"	id TEXT NOT NULL,\n"
	"	def TEXT NOT NULL,\n"
	"	day INTEGER NOT NULL,\n"
	"	title TEXT,\n"
	"	kind TEXT NOT NULL,\n"
	"	location TEXT,\n"
	"	roles TEXT NOT NULL,\n"
	"	agencies TEXT,\n"
	"	warnings TEXT,\n"
	"	start_utc INTEGER NOT NULL,\n"
	"	end_utc INTEGER NOT NULL,\n"
	"	date TEXT NOT NULL,\n"
	"	sequence INTEGER NOT NULL,\n"
	"	cancelled INTEGER NOT NULL,\n"
	"	PRIMARY KEY (exercise, revision, id),\n"
	"	FOREIGN KEY (exercise, revision)\n"
	"	    REFERENCES revision(exercise, number)\n"
	") STRICT;\n"
	"CREATE TABLE assignment (\n"
	"	exercise TEXT NOT NULL,\n"
	"	revision INTEGER NOT NULL,\n"
	"	seq INTEGER NOT NULL,\n"
	"	role TEXT NOT NULL,\n"
	"	role_name TEXT,\n"
	"	person TEXT NOT NULL,\n"
	"	person_name TEXT,\n"
	"	agency TEXT,\n"
	"	events TEXT,\n"
	"	PRIMARY KEY (exercise, revision, seq),\n"
	"	FOREIGN KEY (exercise, revision)\n"
	"	    REFERENCES revision(exercise, number)\n"
	") STRICT;\n"
	"CREATE TABLE vacancy (\n"
	"	exercise TEXT NOT NULL,\n"
	"	revision INTEGER NOT NULL,\n"
	"	seq INTEGER NOT NULL,\n"
	"	role TEXT NOT NULL,\n"
	"	role_name TEXT,\n"
	"	missing INTEGER NOT NULL,\n"
	"	reasons TEXT,\n"
	"	PRIMARY KEY (exercise, revision, seq),\n"
	"	FOREIGN KEY (exercise, revision)\n"
	"	    REFERENCES revision(exercise, number)\n"
	") STRICT;\n"
	"CREATE TABLE person (\n"
	"	exercise TEXT NOT NULL,\n"
	"	revision INTEGER NOT NULL,\n"
	"	id TEXT NOT NULL,\n"
	"	name TEXT,\n"
	"	agency TEXT,\n"
	"	email TEXT,\n"
	"	PRIMARY KEY (exercise, revision, id),\n"
	"	FOREIGN KEY (exercise, revision)\n"
	"	    REFERENCES revision(exercise, number)\n"
	") STRICT;\n"
	"CREATE TABLE agency (\n"
	"	exercise TEXT NOT NULL,\n"
	"	revision INTEGER NOT NULL,\n"
	"	id TEXT NOT NULL,\n"
	"	name TEXT,\n"
	"	country TEXT,\n"
	"	timezone TEXT,\n"
	"	part TEXT,\n"
	"	PRIMARY KEY (exercise, revision, id),\n"
	"	FOREIGN KEY (exercise, revision)\n"
	"	    REFERENCES revision(exercise, number)\n"
	") STRICT;\n"
	/* The staffing objective of the exercise and of its whole run. */
	"CREATE TABLE staffing (\n"
	"	exercise TEXT NOT NULL,\n"
	"	revision INTEGER NOT NULL,\n"
	"	scope TEXT NOT NULL CHECK (scope IN ('exercise', 'run')),\n"
	"	total INTEGER NOT NULL,\n"
	"	vacancy INTEGER NOT NULL,\n"
	"	preference INTEGER NOT NULL,\n"
	"	fairness INTEGER NOT NULL,\n"
	"	continuity INTEGER NOT NULL,\n"
	"	travel INTEGER NOT NULL,\n"
	"	out_of_hours INTEGER NOT NULL,\n"
	"	method TEXT,\n"
	"	optimal INTEGER,\n"
	"	bound INTEGER,\n"
	"	PRIMARY KEY (exercise, revision, scope),\n"
	"	FOREIGN KEY (exercise, revision)\n"
	"	    REFERENCES revision(exercise, number)\n"
	") STRICT;\n"
	/* A checklist item across revisions: its number is its short id. */
	"CREATE TABLE item (\n"
	"	no INTEGER PRIMARY KEY,\n"
	"	exercise TEXT NOT NULL REFERENCES exercise(id),\n"
	"	checklist TEXT NOT NULL,\n"
	"	id TEXT NOT NULL,\n"
	"	UNIQUE (exercise, checklist, id)\n"
	") STRICT;\n"
	"CREATE TABLE revision_item (\n"
	"	exercise TEXT NOT NULL,\n"
	"	revision INTEGER NOT NULL,\n"
	"	seq INTEGER NOT NULL,\n"
	"	item INTEGER NOT NULL REFERENCES item(no),\n"
	"	checklist_title TEXT,\n"
	"	text TEXT,\n"
	"	owner TEXT,\n"
	"	owner_name TEXT,\n"
	"	event TEXT,\n"
	"	due_utc INTEGER NOT NULL,\n"
	"	due_date TEXT,\n"
	"	PRIMARY KEY (exercise, revision, item),\n"
	"	FOREIGN KEY (exercise, revision)\n"
	"	    REFERENCES revision(exercise, number)\n"
	") STRICT;\n"
	/* Every check and undo is kept; the latest one is the state. */
	"CREATE TABLE item_check (\n"
	"	id INTEGER PRIMARY KEY,\n"
	"	item INTEGER NOT NULL REFERENCES item(no),\n"
	"	done INTEGER NOT NULL CHECK (done IN (0, 1)),\n"
	"	who TEXT,\n"
	"	at TEXT NOT NULL,\n"
	"	note TEXT\n"
	") STRICT;\n"
	"CREATE INDEX item_check_item ON item_check(item, id);\n",

	/* 1 -> 2: the Improvement Plan's corrective actions. */
	"CREATE TABLE corrective_action (\n"
	"	no INTEGER PRIMARY KEY,\n"
	"	exercise TEXT NOT NULL REFERENCES exercise(id),\n"
	"	capability TEXT,\n"
	"	observation TEXT,\n"
	"	recommendation TEXT,\n"
	"	action TEXT NOT NULL,\n"
	"	element TEXT CHECK (element IN ('planning', 'organization',\n"
	"	    'equipment', 'training', 'exercise')),\n"
	"	agency TEXT,\n"
	"	poc TEXT,\n"
	"	start_date TEXT,\n"
	"	due_date TEXT NOT NULL,\n"
	"	status TEXT NOT NULL\n"
	"	    CHECK (status IN ('open', 'in-progress', 'closed')),\n"
	"	created TEXT NOT NULL,\n"
	"	updated TEXT NOT NULL,\n"
	"	closed TEXT,\n"
	"	CHECK (agency IS NOT NULL OR poc IS NOT NULL)\n"
	") STRICT;\n"
	"CREATE INDEX corrective_action_exercise\n"
	"    ON corrective_action(exercise, due_date);\n"
	"CREATE TABLE corrective_action_log (\n"
	"	id INTEGER PRIMARY KEY,\n"
	"	action INTEGER NOT NULL REFERENCES corrective_action(no),\n"
	"	at TEXT NOT NULL,\n"
	"	who TEXT,\n"
	"	field TEXT NOT NULL,\n"
	"	old TEXT,\n"
	"	new TEXT,\n"
	"	note TEXT\n"
	") STRICT;\n",

	/*
	 * 2 -> 3: what every revision of a run shares is stored once.
	 * Revisions kept the run's documents (source) and every person and
	 * agency of its rosters (person, agency) each: a program of 2,000
	 * exercises and 20,000 people made 40 million person rows. Now a
	 * revision names a set of documents (docset) and a roster, each
	 * keyed by the SHA-256 of its content, and keeps agency rows only
	 * for the agencies that take part. Revisions stored before keep
	 * their rows, read as they were (revision.docset and .roster
	 * NULL).
	 */
	"CREATE TABLE docset (\n"
	"	sha256 TEXT PRIMARY KEY\n"
	") STRICT;\n"
	"CREATE TABLE docset_source (\n"
	"	docset TEXT NOT NULL REFERENCES docset(sha256),\n"
	"	seq INTEGER NOT NULL,\n"
	"	name TEXT NOT NULL,\n"
	"	bundled INTEGER NOT NULL,\n"
	"	root INTEGER NOT NULL,\n"
	"	blob TEXT NOT NULL REFERENCES blob(sha256),\n"
	"	PRIMARY KEY (docset, seq)\n"
	") STRICT;\n"
	"CREATE TABLE roster (\n"
	"	sha256 TEXT PRIMARY KEY\n"
	") STRICT;\n"
	"CREATE TABLE roster_person (\n"
	"	roster TEXT NOT NULL REFERENCES roster(sha256),\n"
	"	seq INTEGER NOT NULL,\n"
	"	id TEXT NOT NULL,\n"
	"	name TEXT,\n"
	"	agency TEXT,\n"
	"	email TEXT,\n"
	"	PRIMARY KEY (roster, seq)\n"
	") STRICT;\n"
	"CREATE TABLE roster_agency (\n"
	"	roster TEXT NOT NULL REFERENCES roster(sha256),\n"
	"	seq INTEGER NOT NULL,\n"
	"	id TEXT NOT NULL,\n"
	"	name TEXT,\n"
	"	country TEXT,\n"
	"	timezone TEXT,\n"
	"	PRIMARY KEY (roster, seq)\n"
	") STRICT;\n"
	"ALTER TABLE revision ADD COLUMN docset TEXT\n"
	"    REFERENCES docset(sha256);\n"
	"ALTER TABLE revision ADD COLUMN roster TEXT\n"
	"    REFERENCES roster(sha256);\n",
};

_Static_assert(sizeof(migrations) / sizeof(migrations[0]) == STORE_VERSION,
    "one migration per schema version");

/* --- errors ---------------------------------------------------------- */

static char *
db_cause(struct store *s, int rc)
{
	const char *msg = s->db != NULL ? sqlite3_errmsg(s->db) :
	    sqlite3_errstr(rc);

	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return xasprintf("database '%s' is busy: still locked by "
		    "another writer after %d.%d s; try again", s->path,
		    s->busy_ms / 1000, s->busy_ms % 1000 / 100);
	case SQLITE_NOTADB:
		return xasprintf("'%s' is not a planner database: %s",
		    s->path, msg);
	case SQLITE_CORRUPT:
		return xasprintf("database '%s' is damaged: %s", s->path, msg);
	case SQLITE_FULL:
		return xasprintf("cannot write database '%s': disk full",
		    s->path);
	case SQLITE_READONLY:
	case SQLITE_PERM:
	case SQLITE_CANTOPEN:
	case SQLITE_IOERR:
		return xasprintf("cannot write database '%s': %s", s->path,
		    msg);
	default:
		return xasprintf("database '%s': %s", s->path, msg);
	}
}

/* --- statements ------------------------------------------------------ */

static int
prep(struct store *s, sqlite3_stmt **st, const char *sql, char **cause)
{
	int rc = sqlite3_prepare_v2(s->db, sql, -1, st, NULL);

	if (rc != SQLITE_OK) {
		*st = NULL;
		*cause = db_cause(s, rc);
		return -1;
	}
	return 0;
}

/*
 * Bind arguments by fmt, one letter each: 's' text (NULL binds NULL),
 * 'i' int64_t, 'd' int, 'b' a blob as (const void *, size_t). Texts
 * and blobs are copied unless keep is set, when the caller keeps them
 * until the statement is reset: run() and scalar() step and reset it
 * before they return, and storing a program binds megabytes of plans
 * and hundreds of thousands of values that need no copy.
 */
static void
vbind(sqlite3_stmt *st, int keep, const char *fmt, va_list ap)
{
	sqlite3_destructor_type how = keep ? SQLITE_STATIC : SQLITE_TRANSIENT;
	int i;

	for (i = 1; *fmt != '\0'; fmt++, i++) {
		const char *str;
		const void *p;
		size_t n;

		switch (*fmt) {
		case 's':
			if ((str = va_arg(ap, const char *)) == NULL)
				sqlite3_bind_null(st, i);
			else
				sqlite3_bind_text(st, i, str, -1, how);
			break;
		case 'i':
			sqlite3_bind_int64(st, i, va_arg(ap, int64_t));
			break;
		case 'd':
			sqlite3_bind_int(st, i, va_arg(ap, int));
			break;
		case 'b':
			p = va_arg(ap, const void *);
			n = va_arg(ap, size_t);
			sqlite3_bind_blob64(st, i, p, n, how);
			break;
		default:
			abort();
		}
	}
}


/*
 * The prepared statement of sql, from the cache (prepared and kept on
 * first use while there is room); *owned is 1 when it was not kept,
 * and the caller finalizes it. Reset it when done with, so it holds no
 * read of the database.
 */
static int
cached(struct store *s, const char *sql, sqlite3_stmt **st, int *owned,
    char **cause)
{
	size_t i;

	*owned = 0;
	/* Nearly every statement is a literal of this file: its address
	 * finds it without comparing dozens of texts, for each of the
	 * hundreds of thousands of rows a program stores. A text made at
	 * run time may reuse a freed one's address, so a hit by address
	 * is still checked by text. */
	for (i = 0; i < s->ncache; i++)
		if (s->cache[i].given == sql &&
		    strcmp(s->cache[i].sql, sql) == 0) {
			*st = s->cache[i].st;
			return 0;
		}
	for (i = 0; i < s->ncache; i++)
		if (strcmp(s->cache[i].sql, sql) == 0) {
			s->cache[i].given = sql;
			*st = s->cache[i].st;
			return 0;
		}
	if (prep(s, st, sql, cause) == -1)
		return -1;
	if (s->ncache < STMT_CACHE) {
		s->cache[s->ncache].sql = xstrdup(sql);
		s->cache[s->ncache].given = sql;
		s->cache[s->ncache++].st = *st;
	} else
		*owned = 1;
	return 0;
}

/* Give back a statement of cached(). */
static void
uncache(sqlite3_stmt *st, int owned)
{
	if (owned)
		sqlite3_finalize(st);
	else {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
	}
}

/*
 * A query to step through: sql prepared (kept, as cached() keeps it:
 * reading a revision back asks a dozen questions, for each of thousands
 * of exercises) with arguments bound by fmt. Give it back with done().
 */
static int
query(struct store *s, sqlite3_stmt **st, char **cause, const char *sql,
    const char *fmt, ...)
{
	va_list ap;
	int owned;

	if (cached(s, sql, st, &owned, cause) == -1)
		return -1;
	va_start(ap, fmt);
	vbind(*st, 0, fmt, ap);
	va_end(ap);
	return 0;
}

/* Give back a statement of query(): reset when kept, else finalized. */
static void
done(struct store *s, sqlite3_stmt *st)
{
	size_t i;

	for (i = 0; i < s->ncache; i++)
		if (s->cache[i].st == st) {
			uncache(st, 0);
			return;
		}
	sqlite3_finalize(st);
}

/* Run a statement that returns no rows, with arguments by fmt. */
static int
run(struct store *s, char **cause, const char *sql, const char *fmt, ...)
{
	sqlite3_stmt *st;
	va_list ap;
	int rc, owned;

	if (cached(s, sql, &st, &owned, cause) == -1)
		return -1;
	va_start(ap, fmt);
	vbind(st, 1, fmt, ap);
	va_end(ap);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	if (rc != SQLITE_DONE)
		*cause = db_cause(s, rc);
	uncache(st, owned);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Step a query: 1 for a row, 0 at the end, -1 with *cause on error. */
static int
next(struct store *s, sqlite3_stmt *st, char **cause)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	*cause = db_cause(s, rc);
	return -1;
}

/* Column i as a string in a, NULL for SQL NULL. */
static char *
col_str(struct arena *a, sqlite3_stmt *st, int i)
{
	const unsigned char *t;

	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return NULL;
	t = sqlite3_column_text(st, i);
	return arena_strndup(a, t != NULL ? (const char *)t : "",
	    (size_t)sqlite3_column_bytes(st, i));
}

static int64_t
col_int(sqlite3_stmt *st, int i)
{
	return sqlite3_column_int64(st, i);
}

/* One integer from a query that returns one row, into *out (0 when
 * it returns none). Kept prepared, as run() keeps its statements:
 * storing a program asks the same few questions for every row. */
static int
scalar(struct store *s, int64_t *out, char **cause, const char *sql,
    const char *fmt, ...)
{
	sqlite3_stmt *st;
	va_list ap;
	int r, owned;

	*out = 0;
	if (cached(s, sql, &st, &owned, cause) == -1)
		return -1;
	va_start(ap, fmt);
	vbind(st, 1, fmt, ap);
	va_end(ap);
	if ((r = next(s, st, cause)) == 1)
		*out = col_int(st, 0);
	uncache(st, owned);
	return r == -1 ? -1 : 0;
}

/* --- opening and migrations ------------------------------------------ */

/* $PLANNER_BUSY_TIMEOUT in milliseconds, or the default. */
static int
busy_ms(char **cause)
{
	const char *e = getenv("PLANNER_BUSY_TIMEOUT");
	char *end;
	long v;

	if (e == NULL || *e == '\0')
		return STORE_BUSY_MS;
	errno = 0;
	v = strtol(e, &end, 10);
	if (errno != 0 || *end != '\0' || v < 0 || v > 3600000) {
		*cause = xasprintf("invalid PLANNER_BUSY_TIMEOUT '%s': "
		    "expected milliseconds, 0 to 3600000", e);
		return -1;
	}
	return (int)v;
}

static int
exec_sql(struct store *s, const char *sql, char **cause)
{
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);

	if (rc != SQLITE_OK) {
		*cause = db_cause(s, rc);
		return -1;
	}
	return 0;
}

static char *
too_new(const struct store *s, int64_t v)
{
	return xasprintf("database '%s' has schema version %lld, newer than "
	    "this planner (%d); upgrade planner", s->path, (long long)v,
	    STORE_VERSION);
}

/*
 * Bring the schema to version target in one write transaction. The
 * version is read again under the lock: another planner may have
 * migrated the file while this one waited.
 */
static int
migrate(struct store *s, int target, char **cause)
{
	int64_t v;
	char *sql;
	int rc;

	if (store_begin(s, cause) == -1)
		return -1;
	if (scalar(s, &v, cause, "PRAGMA user_version", "") == -1)
		goto fail;
	if (v > STORE_VERSION) {
		*cause = too_new(s, v);
		goto fail;
	}
	for (; v < target; v++)
		if (exec_sql(s, migrations[v], cause) == -1)
			goto fail;
	/* A pragma takes no parameters; the value is this program's own. */
	sql = xasprintf("PRAGMA user_version = %lld", (long long)v);
	rc = exec_sql(s, sql, cause);
	free(sql);
	if (rc == -1 || store_commit(s, cause) == -1)
		goto fail;
	s->version = (int)v;
	return 0;
fail:
	store_rollback(s);
	return -1;
}

/*
 * Put the file in write-ahead-log mode; 0, or -1 with *cause. SQLite
 * answers a journal_mode change that races another connection creating
 * the file with SQLITE_BUSY at once, without the busy handler (two
 * planners creating one database did so), so wait here as the busy
 * handler would: up to busy_ms.
 */
static int
set_wal(struct store *s, char **cause)
{
	sqlite3_stmt *q;
	int rc, waited = 0, wal = 0;

	if (prep(s, &q, "PRAGMA journal_mode = WAL", cause) == -1)
		return -1;
	while (((rc = sqlite3_step(q)) & 0xff) == SQLITE_BUSY &&
	    waited < s->busy_ms) {
		sqlite3_reset(q);
		waited += sqlite3_sleep(10);
	}
	if (rc == SQLITE_ROW && sqlite3_column_type(q, 0) == SQLITE_TEXT)
		wal = strcmp((const char *)sqlite3_column_text(q, 0),
		    "wal") == 0;
	sqlite3_finalize(q);
	if (rc != SQLITE_ROW) {
		*cause = db_cause(s, rc);
		return -1;
	}
	if (!wal) {
		*cause = xasprintf("cannot use database '%s': write-ahead "
		    "logging is not available there", s->path);
		return -1;
	}
	return 0;
}

int
store_open_version(const char *path, enum store_mode mode, int version,
    struct store **out, char **cause)
{
	struct store *s;
	struct stat st;
	int64_t app, v, ntables;
	/* NOMUTEX: a handle is used by one thread, so SQLite need not
	 * lock its own mutexes around each of the hundreds of thousands
	 * of calls that storing a national program makes. */
	int rc, flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;

	*out = NULL;
	if (version < 1 || version > STORE_VERSION)
		version = STORE_VERSION;
	if (mode == STORE_EXISTING && stat(path, &st) == -1) {
		*cause = xasprintf("cannot open database '%s': %s%s", path,
		    strerror(errno), errno == ENOENT ? " ('planner plan' "
		    "creates it; --db FILE or $PLANNER_DB names another)" : "");
		return -1;
	}
	if (mode == STORE_CREATE)
		flags |= SQLITE_OPEN_CREATE;
	s = xcalloc(1, sizeof(*s));
	s->path = xstrdup(path);
	if ((s->busy_ms = busy_ms(cause)) == -1)
		goto fail;
	if ((rc = sqlite3_open_v2(path, &s->db, flags, NULL)) != SQLITE_OK) {
		/* The system's reason says more than "unable to open". */
		int e = s->db != NULL ? sqlite3_system_errno(s->db) : 0;

		*cause = xasprintf("cannot open database '%s': %s", path,
		    e != 0 ? strerror(e) : s->db != NULL ?
		    sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
		goto fail;
	}
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, s->busy_ms);
	if (exec_sql(s, "PRAGMA foreign_keys = ON", cause) == -1)
		goto fail;
	/* One snapshot: another planner may be creating the schema. */
	if (exec_sql(s, "BEGIN DEFERRED", cause) == -1 ||
	    scalar(s, &app, cause, "PRAGMA application_id", "") == -1 ||
	    scalar(s, &v, cause, "PRAGMA user_version", "") == -1 ||
	    scalar(s, &ntables, cause, "SELECT count(*) FROM sqlite_master",
	    "") == -1 || exec_sql(s, "COMMIT", cause) == -1)
		goto fail;
	if (app != APP_ID && (app != 0 || v != 0 || ntables != 0)) {
		*cause = xasprintf("'%s' is not a planner database: it holds "
		    "other data", path);
		goto fail;
	}
	if (v > STORE_VERSION) {
		*cause = too_new(s, v);
		goto fail;
	}
	s->version = (int)v;
	/*
	 * A new file gets 8 KiB pages (an existing one keeps its own: the
	 * size is fixed once in WAL mode). A program's revisions are
	 * hundreds of thousands of rows and plans of 28 KiB each (after
	 * the first store, store_begin_bulk(), written twice: the log,
	 * then its checkpoint): with 4 KiB pages a plan
	 * took seven overflow pages, not four, and storing bench-gen's L
	 * an eighth more CPU. Larger pages did no better. Only the file's
	 * layout changes, not a row in it.
	 */
	if (app == 0 && v == 0 && ntables == 0 &&
	    exec_sql(s, "PRAGMA page_size = " STORE_PAGE_SIZE, cause) == -1)
		goto fail;
	/* WAL: readers never wait for the writer, and a writer killed
	 * mid-transaction leaves the last commit intact. */
	if (set_wal(s, cause) == -1)
		goto fail;
	if (exec_sql(s, "PRAGMA synchronous = FULL", cause) == -1)
		goto fail;
	if (s->version < version && migrate(s, version, cause) == -1)
		goto fail;
	*out = s;
	return 0;
fail:
	store_close(s);
	return -1;
}

int
store_open(const char *path, enum store_mode mode, struct store **out,
    char **cause)
{
	return store_open_version(path, mode, STORE_VERSION, out, cause);
}

void
store_close(struct store *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->ncache; i++) {
		sqlite3_finalize(s->cache[i].st);
		free(s->cache[i].sql);
	}
	if (s->db != NULL) {
		store_rollback(s);
		sqlite3_close(s->db);
	}
	free(s->path);
	free(s);
}

const char *
store_path(const struct store *s)
{
	return s->path;
}

int
store_version(const struct store *s)
{
	return s->version;
}

/* --- transactions ---------------------------------------------------- */

/*
 * Switch the journal with sql ("PRAGMA journal_mode = ..."), giving up
 * at once when another connection has the file open: 1 when it is mode
 * now, 0 when it stayed as it was.
 */
static int
journal_to(struct store *s, const char *sql, const char *mode)
{
	sqlite3_stmt *q;
	int now = 0;

	sqlite3_busy_timeout(s->db, 0);
	if (sqlite3_prepare_v2(s->db, sql, -1, &q, NULL) == SQLITE_OK) {
		if (sqlite3_step(q) == SQLITE_ROW &&
		    sqlite3_column_type(q, 0) == SQLITE_TEXT)
			now = strcmp((const char *)sqlite3_column_text(q, 0),
			    mode) == 0;
		sqlite3_finalize(q);
	}
	sqlite3_busy_timeout(s->db, s->busy_ms);
	return now;
}

/* Back to the write-ahead log and synchronous FULL after a write with a
 * rollback journal. Should another connection hold the file now, the
 * switch gives up at once and synchronous stays EXTRA, as a rollback
 * journal needs: the next planner to open the file switches it
 * (set_wal()). */
static void
journal_back(struct store *s)
{
	if (!s->journal)
		return;
	s->journal = 0;
	if (journal_to(s, "PRAGMA journal_mode = WAL", "wal"))
		sqlite3_exec(s->db, "PRAGMA synchronous = FULL", NULL, NULL,
		    NULL);
}

int
store_begin(struct store *s, char **cause)
{
	return exec_sql(s, "BEGIN IMMEDIATE", cause);
}

int
store_begin_bulk(struct store *s, char **cause)
{
	int64_t stored = 1;

	/*
	 * Pages past the end of the file are never journalled, so with a
	 * rollback journal a national program's 116 MiB are written once,
	 * not to the log and again at its checkpoint (the first store of
	 * L took 0.3 s less CPU, half the system time and half the
	 * bytes). synchronous EXTRA, not FULL, for it: a commit in
	 * journal_mode DELETE is the journal's unlink, which only EXTRA
	 * syncs (its directory), so a power cut just after cannot bring
	 * back a journal that would undo the commit. Leaving WAL needs
	 * the file to itself; a reader that opens it meanwhile waits for
	 * the commit, as a writer would, up to the busy timeout.
	 */
	if (s->version > 0 && scalar(s, &stored, cause, "SELECT EXISTS "
	    "(SELECT 1 FROM revision)", "") == -1)
		return -1;
	if (stored == 0 && journal_to(s, "PRAGMA journal_mode = DELETE",
	    "delete")) {
		s->journal = 1;
		if (exec_sql(s, "PRAGMA synchronous = EXTRA", cause) == -1) {
			journal_back(s);
			return -1;
		}
	}
	if (store_begin(s, cause) == -1) {
		journal_back(s);
		return -1;
	}
	return 0;
}

int
store_begin_read(struct store *s, char **cause)
{
	/* A deferred transaction's snapshot starts at its first read: do
	 * one now, so every query of the command sees the same state. */
	int64_t v;

	if (exec_sql(s, "BEGIN DEFERRED", cause) == -1)
		return -1;
	if (scalar(s, &v, cause, "SELECT count(*) FROM exercise", "") == -1) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

int
store_commit(struct store *s, char **cause)
{
	if (exec_sql(s, "COMMIT", cause) == -1) {
		store_rollback(s);
		return -1;
	}
	journal_back(s);
	return 0;
}

void
store_rollback(struct store *s)
{
	if (s->db != NULL && !sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	if (s->db != NULL)
		journal_back(s);
}

/* --- revisions ------------------------------------------------------- */

struct store_rev *
store_rev_new(void)
{
	struct store_rev *r = xcalloc(1, sizeof(*r));

	r->arena = arena_new();
	return r;
}

void
store_rev_free(struct store_rev *r)
{
	if (r == NULL)
		return;
	arena_free(r->arena);
	free(r);
}

int
store_latest(struct store *s, const char *exercise, int *n, char **cause)
{
	int64_t v;

	*n = 0;
	if (scalar(s, &v, cause, "SELECT coalesce(max(number), 0) FROM "
	    "revision WHERE exercise = ?", "s", exercise) == -1)
		return -1;
	*n = (int)v;
	return 0;
}

/*
 * Store a blob under its SHA-256 (known: sha256, else computed) into
 * hex. A blob already there is not bound again: INSERT ... ON CONFLICT
 * would build the whole row, megabytes of documents, for each of
 * thousands of exercises of a run before finding the key taken.
 */
static int
put_blob(struct store *s, const void *data, size_t len, const char *sha256,
    char hex[static DIGEST_HEX_LEN + 1], char **cause)
{
	int64_t have;

	if (sha256 != NULL)
		memcpy(hex, sha256, DIGEST_HEX_LEN + 1);
	else
		digest_sha256(data, len, hex);
	if (scalar(s, &have, cause, "SELECT count(*) FROM blob WHERE "
	    "sha256 = ?", "s", hex) == -1)
		return -1;
	if (have > 0)
		return 0;
	return run(s, cause, "INSERT INTO blob (sha256, data) VALUES (?, ?) "
	    "ON CONFLICT DO NOTHING", "sb", hex, data, len);
}

/*
 * The number of checklist item (exercise, checklist, id), numbered on
 * its first revision. An exercise's first revision (first set) has no
 * numbered items yet: no need to look, for each of a program's tens of
 * thousands.
 */
static int
item_no(struct store *s, const char *exercise, const struct store_item *it,
    int first, int64_t *no, char **cause)
{
	const char *sql = "SELECT no FROM item WHERE exercise = ? AND "
	    "checklist = ? AND id = ?";

	*no = 0;
	if (!first && scalar(s, no, cause, sql, "sss", exercise,
	    it->checklist, it->id) == -1)
		return -1;
	if (*no > 0)
		return 0;
	if (run(s, cause, "INSERT INTO item (exercise, checklist, id) VALUES "
	    "(?, ?, ?) ON CONFLICT DO NOTHING", "sss", exercise,
	    it->checklist, it->id) == -1)
		return -1;
	if (sqlite3_changes(s->db) == 1) {
		*no = sqlite3_last_insert_rowid(s->db);
		return 0;
	}
	/* Listed twice in one revision: numbered by the first. */
	return scalar(s, no, cause, sql, "sss", exercise, it->checklist,
	    it->id);
}

static int
put_items(struct store *s, const struct store_rev *r, char **cause)
{
	size_t i;

	for (i = 0; i < r->nitems; i++) {
		struct store_item *it = &r->items[i];

		if (item_no(s, r->exercise, it, r->number == 1, &it->no,
		    cause) == -1 ||
		    run(s, cause, "INSERT INTO revision_item (exercise, "
		    "revision, seq, item, checklist_title, text, owner, "
		    "owner_name, event, due_utc, due_date) VALUES (?, ?, ?, ?, "
		    "?, ?, ?, ?, ?, ?, ?)", "sdiisssssis", r->exercise,
		    r->number, (int64_t)i, it->no, it->checklist_title,
		    it->text, it->owner, it->owner_name, it->event,
		    (int64_t)it->due, it->due_date) == -1)
			return -1;
	}
	return 0;
}

static int
put_cost(struct store *s, const struct store_rev *r, const char *scope,
    const struct staffing_cost *c, char **cause)
{
	int run_scope = strcmp(scope, "run") == 0;

	return run(s, cause, "INSERT INTO staffing (exercise, revision, scope, "
	    "total, vacancy, preference, fairness, continuity, travel, "
	    "out_of_hours, method, optimal, bound) VALUES (?, ?, ?, ?, ?, ?, "
	    "?, ?, ?, ?, ?, ?, ?)", "sdsiiiiiiisdi", r->exercise, r->number,
	    scope, c->total, c->vacancy, c->preference, c->fairness,
	    c->continuity, c->travel, c->out_of_hours,
	    run_scope ? r->staffing_method : NULL,
	    run_scope ? r->staffing_optimal : 0,
	    run_scope ? r->staffing_bound : (int64_t)0);
}

static int
put_rows(struct store *s, const struct store_rev *r, char **cause)
{
	size_t i;

	if (put_cost(s, r, "exercise", &r->cost, cause) == -1 ||
	    put_cost(s, r, "run", &r->run_cost, cause) == -1)
		return -1;

	for (i = 0; i < r->nevents; i++) {
		const struct store_event *e = &r->events[i];

		if (run(s, cause, "INSERT INTO event (exercise, revision, seq, "
		    "id, def, day, title, kind, location, roles, agencies, "
		    "warnings, start_utc, end_utc, date, sequence, cancelled) "
		    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
		    "?)",
		    "sdissdssssssiisdd", r->exercise, r->number, (int64_t)i,
		    e->id, e->def, e->day, e->title, e->kind, e->location,
		    e->roles != NULL ? e->roles : "", e->agencies, e->warnings,
		    (int64_t)e->start, (int64_t)e->end, e->date, e->sequence,
		    e->cancelled) == -1)
			return -1;
	}
	for (i = 0; i < r->nassignments; i++) {
		const struct store_assignment *a = &r->assignments[i];

		if (run(s, cause, "INSERT INTO assignment (exercise, revision, "
		    "seq, role, role_name, person, person_name, agency, "
		    "events) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", "sdissssss",
		    r->exercise, r->number, (int64_t)i, a->role, a->role_name,
		    a->person, a->person_name, a->agency, a->events) == -1)
			return -1;
	}
	for (i = 0; i < r->nvacancies; i++) {
		const struct store_vacancy *v = &r->vacancies[i];

		if (run(s, cause, "INSERT INTO vacancy (exercise, revision, "
		    "seq, role, role_name, missing, reasons) VALUES (?, ?, ?, "
		    "?, ?, ?, ?)", "sdissds", r->exercise, r->number,
		    (int64_t)i, v->role, v->role_name, v->missing,
		    v->reasons) == -1)
			return -1;
	}
	/* Since version 3 the rosters are stored once (put_roster) and a
	 * revision keeps only the parts agencies take in it. */
	for (i = 0; s->version < 3 && i < r->npeople; i++) {
		const struct store_person *p = &r->people[i];

		if (run(s, cause, "INSERT INTO person (exercise, revision, id, "
		    "name, agency, email) VALUES (?, ?, ?, ?, ?, ?)", "sdssss",
		    r->exercise, r->number, p->id, p->name, p->agency,
		    p->email) == -1)
			return -1;
	}
	for (i = 0; i < r->nagencies; i++) {
		const struct store_agency *a = &r->agencies[i];

		if (s->version >= 3 && a->part == NULL)
			continue;
		if (run(s, cause, "INSERT INTO agency (exercise, revision, id, "
		    "name, country, timezone, part) VALUES (?, ?, ?, ?, ?, ?, "
		    "?)", "sdsssss", r->exercise, r->number, a->id, a->name,
		    a->country, a->timezone, a->part) == -1)
			return -1;
	}
	return put_items(s, r, cause);
}

/* Lengths first, so that no two different lists serialize alike. */
static void
key_str(struct digest *dg, const char *tag, const char *str)
{
	char head[64];
	size_t n = str != NULL ? strlen(str) : 0;

	snprintf(head, sizeof(head), "%s %c%zu\n", tag,
	    str != NULL ? '=' : '-', n);
	digest_add(dg, head, strlen(head));
	digest_add(dg, str != NULL ? str : "", n);
}

void
store_roster_key(const struct store_person *people, size_t npeople,
    const struct store_agency *agencies, size_t nagencies,
    char hex[static DIGEST_HEX_LEN + 1])
{
	struct digest *dg = digest_new();
	size_t i;

	digest_add(dg, "planner roster 1\n", 17);
	for (i = 0; i < nagencies; i++) {
		key_str(dg, "agency", agencies[i].id);
		key_str(dg, "name", agencies[i].name);
		key_str(dg, "country", agencies[i].country);
		key_str(dg, "timezone", agencies[i].timezone);
	}
	for (i = 0; i < npeople; i++) {
		key_str(dg, "person", people[i].id);
		key_str(dg, "name", people[i].name);
		key_str(dg, "agency", people[i].agency);
		key_str(dg, "email", people[i].email);
	}
	digest_finish(dg, hex);
}

/*
 * The people and agencies of r's rosters under their key (into hex),
 * stored when no revision stored them before: a run stores them once
 * for all its exercises, and a run over the same rosters not again.
 */
static int
put_roster(struct store *s, const struct store_rev *r,
    char hex[static DIGEST_HEX_LEN + 1], char **cause)
{
	size_t i;

	if (r->roster != NULL)
		memcpy(hex, r->roster, DIGEST_HEX_LEN + 1);
	else
		store_roster_key(r->people, r->npeople, r->agencies,
		    r->nagencies, hex);
	/* Stored already (no row added): by an earlier revision. */
	if (run(s, cause, "INSERT INTO roster (sha256) VALUES (?) ON "
	    "CONFLICT DO NOTHING", "s", hex) == -1)
		return -1;
	if (sqlite3_changes(s->db) == 0)
		return 0;
	for (i = 0; i < r->nagencies; i++) {
		const struct store_agency *a = &r->agencies[i];

		if (run(s, cause, "INSERT INTO roster_agency (roster, seq, id, "
		    "name, country, timezone) VALUES (?, ?, ?, ?, ?, ?)",
		    "sissss", hex, (int64_t)i, a->id, a->name, a->country,
		    a->timezone) == -1)
			return -1;
	}
	for (i = 0; i < r->npeople; i++) {
		const struct store_person *p = &r->people[i];

		if (run(s, cause, "INSERT INTO roster_person (roster, seq, id, "
		    "name, agency, email) VALUES (?, ?, ?, ?, ?, ?)", "sissss",
		    hex, (int64_t)i, p->id, p->name, p->agency,
		    p->email) == -1)
			return -1;
	}
	return 0;
}

void
store_docset_key(const struct store_source *src, size_t n,
    char hex[static DIGEST_HEX_LEN + 1])
{
	char sha[DIGEST_HEX_LEN + 1], head[64];
	struct digest *dg;
	size_t i;

	hex[0] = '\0';
	if (n == 0)
		return;
	dg = digest_new();
	digest_add(dg, "planner documents 1\n", 20);
	for (i = 0; i < n; i++) {
		if (src[i].sha256 != NULL)
			memcpy(sha, src[i].sha256, DIGEST_HEX_LEN + 1);
		else
			digest_sha256(src[i].text, src[i].len, sha);
		snprintf(head, sizeof(head), "document %d %d\n",
		    src[i].bundled ? 1 : 0, src[i].root ? 1 : 0);
		digest_add(dg, head, strlen(head));
		key_str(dg, "name", src[i].name);
		key_str(dg, "sha256", sha);
	}
	digest_finish(dg, hex);
}

/*
 * r's documents as a set under its key (into hex; "" when r has none),
 * stored with their blobs when no revision stored the same set before:
 * the exercises of one run share theirs.
 */
static int
put_docset(struct store *s, const struct store_rev *r,
    char hex[static DIGEST_HEX_LEN + 1], char **cause)
{
	size_t i;

	hex[0] = '\0';
	if (r->nsources == 0)
		return 0;
	/* The documents of a run are one set for all its revisions: made
	 * by revision_new_src(), the key is known already. */
	if (r->docset != NULL)
		memcpy(hex, r->docset, DIGEST_HEX_LEN + 1);
	else
		store_docset_key(r->sources, r->nsources, hex);
	/* Stored already (no row added): by an earlier revision. */
	if (run(s, cause, "INSERT INTO docset (sha256) VALUES (?) ON "
	    "CONFLICT DO NOTHING", "s", hex) == -1)
		return -1;
	if (sqlite3_changes(s->db) == 0)
		return 0;
	for (i = 0; i < r->nsources; i++) {
		const struct store_source *src = &r->sources[i];
		char blob[DIGEST_HEX_LEN + 1];

		if (put_blob(s, src->text, src->len, src->sha256, blob,
		    cause) == -1 ||
		    run(s, cause, "INSERT INTO docset_source (docset, seq, "
		    "name, bundled, root, blob) VALUES (?, ?, ?, ?, ?, ?)",
		    "sisdds", hex, (int64_t)i, src->name, src->bundled,
		    src->root, blob) == -1)
			return -1;
	}
	return 0;
}

/* The documents of r, one source row each, as versions 1 and 2 kept
 * them (a database opened at an older version for its tests). */
static int
put_sources(struct store *s, const struct store_rev *r, char **cause)
{
	char hex[DIGEST_HEX_LEN + 1];
	size_t i;

	for (i = 0; i < r->nsources; i++) {
		const struct store_source *src = &r->sources[i];

		if (put_blob(s, src->text, src->len, src->sha256, hex,
		    cause) == -1 ||
		    run(s, cause, "INSERT INTO source (exercise, revision, "
		    "seq, name, bundled, root, blob) VALUES (?, ?, ?, ?, ?, ?, "
		    "?)",
		    "sdisdds", r->exercise, r->number, (int64_t)i, src->name,
		    src->bundled, src->root, hex) == -1)
			return -1;
	}
	return 0;
}

int
store_put_next(struct store *s, struct store_rev *r, int latest,
    char **cause)
{
	char hex[DIGEST_HEX_LEN + 1], docset[DIGEST_HEX_LEN + 1];
	char roster[DIGEST_HEX_LEN + 1];
	const char *json = r->plan_json != NULL ? r->plan_json : "null";
	int shared = s->version >= 3;

	r->number = latest + 1;
	if (run(s, cause, "INSERT INTO exercise (id, created) VALUES (?, ?) "
	    "ON CONFLICT DO NOTHING", "ss", r->exercise, r->created) == -1 ||
	    put_blob(s, json, strlen(json), r->plan_json != NULL ?
	    r->plan_sha256 : NULL, hex, cause) == -1)
		goto fail;
	if (shared && (put_docset(s, r, docset, cause) == -1 ||
	    put_roster(s, r, roster, cause) == -1))
		goto fail;
	if ((shared ? run(s, cause, "INSERT INTO revision (exercise, number, "
	    "hash, created, planner, name, template, type, timezone, venue, "
	    "startex, endex, plan, docset, roster) VALUES (?, ?, ?, ?, ?, ?, "
	    "?, ?, ?, ?, ?, ?, ?, ?, ?)", "sdssssssssiisss", r->exercise,
	    r->number, r->hash, r->created,
	    r->planner != NULL ? r->planner : PLANNER_VERSION,
	    r->name != NULL ? r->name : r->exercise,
	    r->template_id != NULL ? r->template_id : "",
	    r->type != NULL ? r->type : "",
	    r->timezone != NULL ? r->timezone : "UTC", r->venue,
	    (int64_t)r->startex, (int64_t)r->endex, hex,
	    docset[0] != '\0' ? docset : NULL, roster) :
	    run(s, cause, "INSERT INTO revision (exercise, number, hash, "
	    "created, planner, name, template, type, timezone, venue, startex, "
	    "endex, plan) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	    "sdssssssssiis", r->exercise, r->number, r->hash, r->created,
	    r->planner != NULL ? r->planner : PLANNER_VERSION,
	    r->name != NULL ? r->name : r->exercise,
	    r->template_id != NULL ? r->template_id : "",
	    r->type != NULL ? r->type : "",
	    r->timezone != NULL ? r->timezone : "UTC", r->venue,
	    (int64_t)r->startex, (int64_t)r->endex, hex)) == -1)
		goto fail;
	if (!shared && put_sources(s, r, cause) == -1)
		goto fail;
	if (put_rows(s, r, cause) == -1)
		goto fail;
	return 0;
fail:
	r->number = 0;
	return -1;
}

static int
get_sources(struct store *s, struct store_rev *r, char **cause)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int k;

	if (r->docset != NULL ? query(s, &st, cause, "SELECT s.name, "
	    "s.bundled, s.root, b.data FROM docset_source s JOIN blob b ON "
	    "b.sha256 = s.blob WHERE s.docset = ? ORDER BY s.seq", "s",
	    r->docset) == -1 : query(s, &st, cause, "SELECT s.name, s.bundled, "
	    "s.root, b.data FROM source s JOIN blob b ON b.sha256 = s.blob "
	    "WHERE s.exercise = ? AND s.revision = ? ORDER BY s.seq", "sd",
	    r->exercise, r->number) == -1)
		return -1;
	while ((k = next(s, st, cause)) == 1) {
		struct store_source *src = &VEC_PUSH(r->sources, r->nsources,
		    cap);
		const void *data = sqlite3_column_blob(st, 3);

		memset(src, 0, sizeof(*src));
		src->name = col_str(r->arena, st, 0);
		src->bundled = (int)col_int(st, 1);
		src->root = (int)col_int(st, 2);
		src->len = (size_t)sqlite3_column_bytes(st, 3);
		src->text = arena_strndup(r->arena, data != NULL ? data : "",
		    src->len);
	}
	done(s, st);
	/* The vector was grown on the heap: move it into the arena. */
	if (r->nsources > 0) {
		struct store_source *v = arena_array(r->arena, r->nsources,
		    sizeof(*v));

		memcpy(v, r->sources, r->nsources * sizeof(*v));
		free(r->sources);
		r->sources = v;
	}
	return k;
}

/* Grow-and-freeze helper: rows are counted first, then read. */
static int
count_rows(struct store *s, const struct store_rev *r, const char *table,
    size_t *n, char **cause)
{
	int64_t v;
	char *sql = xasprintf("SELECT count(*) FROM %s WHERE exercise = ? AND "
	    "revision = ?", table);
	int rc = scalar(s, &v, cause, sql, "sd", r->exercise, r->number);

	free(sql);
	*n = rc == 0 ? (size_t)v : 0;
	return rc;
}

static int
get_events(struct store *s, struct store_rev *r, char **cause)
{
	sqlite3_stmt *st;
	size_t n;
	int k;

	if (count_rows(s, r, "event", &n, cause) == -1)
		return -1;
	r->events = arena_array(r->arena, n + 1, sizeof(*r->events));
	if (query(s, &st, cause, "SELECT id, def, day, title, kind, location, "
	    "roles, warnings, start_utc, end_utc, date, sequence, cancelled, "
	    "agencies "
	    "FROM event WHERE exercise = ? AND revision = ? ORDER BY seq",
	    "sd", r->exercise, r->number) == -1)
		return -1;
	while (r->nevents < n && (k = next(s, st, cause)) == 1) {
		struct store_event *e = &r->events[r->nevents++];

		e->id = col_str(r->arena, st, 0);
		e->def = col_str(r->arena, st, 1);
		e->day = (int)col_int(st, 2);
		e->title = col_str(r->arena, st, 3);
		e->kind = col_str(r->arena, st, 4);
		e->location = col_str(r->arena, st, 5);
		e->roles = col_str(r->arena, st, 6);
		e->warnings = col_str(r->arena, st, 7);
		e->start = col_int(st, 8);
		e->end = col_int(st, 9);
		e->date = col_str(r->arena, st, 10);
		e->sequence = (int)col_int(st, 11);
		e->cancelled = (int)col_int(st, 12);
		e->agencies = col_str(r->arena, st, 13);
	}
	done(s, st);
	return r->nevents < n ? -1 : 0;
}

static int
get_staffing(struct store *s, struct store_rev *r, char **cause)
{
	sqlite3_stmt *st;
	size_t n;

	if (count_rows(s, r, "assignment", &n, cause) == -1)
		return -1;
	r->assignments = arena_array(r->arena, n + 1, sizeof(*r->assignments));
	if (query(s, &st, cause, "SELECT role, role_name, person, person_name, "
	    "agency, events FROM assignment WHERE exercise = ? AND "
	    "revision = ? ORDER BY seq", "sd", r->exercise, r->number) == -1)
		return -1;
	while (r->nassignments < n && next(s, st, cause) == 1) {
		struct store_assignment *a = &r->assignments[r->nassignments++];

		a->role = col_str(r->arena, st, 0);
		a->role_name = col_str(r->arena, st, 1);
		a->person = col_str(r->arena, st, 2);
		a->person_name = col_str(r->arena, st, 3);
		a->agency = col_str(r->arena, st, 4);
		a->events = col_str(r->arena, st, 5);
	}
	done(s, st);
	if (r->nassignments < n)
		return -1;

	if (count_rows(s, r, "vacancy", &n, cause) == -1)
		return -1;
	r->vacancies = arena_array(r->arena, n + 1, sizeof(*r->vacancies));
	if (query(s, &st, cause, "SELECT role, role_name, missing, reasons "
	    "FROM vacancy WHERE exercise = ? AND revision = ? ORDER BY seq",
	    "sd", r->exercise, r->number) == -1)
		return -1;
	while (r->nvacancies < n && next(s, st, cause) == 1) {
		struct store_vacancy *v = &r->vacancies[r->nvacancies++];

		v->role = col_str(r->arena, st, 0);
		v->role_name = col_str(r->arena, st, 1);
		v->missing = (int)col_int(st, 2);
		v->reasons = col_str(r->arena, st, 3);
	}
	done(s, st);
	return r->nvacancies < n ? -1 : 0;
}

/*
 * The people and agencies of r's rosters: the run's roster (since
 * version 3) with the parts agencies take in r, else r's own rows.
 */
static int
get_parties(struct store *s, struct store_rev *r, char **cause)
{
	sqlite3_stmt *st;
	int64_t v;
	size_t n;

	if (r->roster != NULL ? scalar(s, &v, cause, "SELECT count(*) FROM "
	    "roster_person WHERE roster = ?", "s", r->roster) == -1 :
	    count_rows(s, r, "person", &n, cause) == -1)
		return -1;
	if (r->roster != NULL)
		n = (size_t)v;
	r->people = arena_array(r->arena, n + 1, sizeof(*r->people));
	if (r->roster != NULL ? query(s, &st, cause, "SELECT id, name, agency, "
	    "email FROM roster_person WHERE roster = ? ORDER BY seq", "s",
	    r->roster) == -1 : query(s, &st, cause, "SELECT id, name, agency, "
	    "email FROM person WHERE exercise = ? AND revision = ? ORDER BY "
	    "rowid", "sd", r->exercise, r->number) == -1)
		return -1;
	while (r->npeople < n && next(s, st, cause) == 1) {
		struct store_person *p = &r->people[r->npeople++];

		p->id = col_str(r->arena, st, 0);
		p->name = col_str(r->arena, st, 1);
		p->agency = col_str(r->arena, st, 2);
		p->email = col_str(r->arena, st, 3);
	}
	done(s, st);
	if (r->npeople < n)
		return -1;

	if (r->roster != NULL ? scalar(s, &v, cause, "SELECT count(*) FROM "
	    "roster_agency WHERE roster = ?", "s", r->roster) == -1 :
	    count_rows(s, r, "agency", &n, cause) == -1)
		return -1;
	if (r->roster != NULL)
		n = (size_t)v;
	r->agencies = arena_array(r->arena, n + 1, sizeof(*r->agencies));
	if (r->roster != NULL ? query(s, &st, cause, "SELECT a.id, a.name, "
	    "a.country, a.timezone, p.part FROM roster_agency a LEFT JOIN "
	    "agency p ON p.exercise = ? AND p.revision = ? AND p.id = a.id "
	    "WHERE a.roster = ? ORDER BY a.seq", "sds", r->exercise,
	    r->number, r->roster) == -1 : query(s, &st, cause, "SELECT id, "
	    "name, country, timezone, part FROM agency WHERE exercise = ? AND "
	    "revision = ? ORDER BY rowid", "sd", r->exercise, r->number) == -1)
		return -1;
	while (r->nagencies < n && next(s, st, cause) == 1) {
		struct store_agency *a = &r->agencies[r->nagencies++];

		a->id = col_str(r->arena, st, 0);
		a->name = col_str(r->arena, st, 1);
		a->country = col_str(r->arena, st, 2);
		a->timezone = col_str(r->arena, st, 3);
		a->part = col_str(r->arena, st, 4);
	}
	done(s, st);
	return r->nagencies < n ? -1 : 0;
}

/* The checklist items of r with their progress; with flags
 * STORE_REV_DONE_ITEMS only those checked off. */
static int
get_items(struct store *s, struct store_rev *r, int flags, char **cause)
{
	sqlite3_stmt *st;
	int64_t v;
	size_t n;
	int done_only = (flags & STORE_REV_DONE_ITEMS) != 0;

	if (done_only ? scalar(s, &v, cause, "SELECT count(*) FROM "
	    "revision_item ri JOIN item_check c ON c.id = (SELECT max(id) "
	    "FROM item_check WHERE item = ri.item) WHERE ri.exercise = ? AND "
	    "ri.revision = ? AND c.done = 1", "sd", r->exercise,
	    r->number) == -1 :
	    count_rows(s, r, "revision_item", &n, cause) == -1)
		return -1;
	if (done_only)
		n = (size_t)v;
	r->items = arena_array(r->arena, n + 1, sizeof(*r->items));
	/* Two literals, not one text made at run time: the statement
	 * cache finds each by its address. */
#define ITEMS_SQL(join, done) "SELECT ri.item, i.checklist, " \
	    "ri.checklist_title, i.id, ri.text, ri.owner, ri.owner_name, " \
	    "ri.event, ri.due_utc, ri.due_date, c.done, c.who, c.at, c.note " \
	    "FROM revision_item ri JOIN item i ON i.no = ri.item " \
	    join " item_check c ON c.id = (SELECT max(id) FROM item_check " \
	    "WHERE item = ri.item) WHERE ri.exercise = ? AND " \
	    "ri.revision = ? " done "ORDER BY ri.seq"
	if (query(s, &st, cause, done_only ?
	    ITEMS_SQL("JOIN", "AND c.done = 1 ") : ITEMS_SQL("LEFT JOIN", ""),
	    "sd", r->exercise, r->number) == -1)
		return -1;
#undef ITEMS_SQL
	while (r->nitems < n && next(s, st, cause) == 1) {
		struct store_item *it = &r->items[r->nitems++];

		it->no = col_int(st, 0);
		it->checklist = col_str(r->arena, st, 1);
		it->checklist_title = col_str(r->arena, st, 2);
		it->id = col_str(r->arena, st, 3);
		it->text = col_str(r->arena, st, 4);
		it->owner = col_str(r->arena, st, 5);
		it->owner_name = col_str(r->arena, st, 6);
		it->event = col_str(r->arena, st, 7);
		it->due = col_int(st, 8);
		it->due_date = col_str(r->arena, st, 9);
		it->done = (int)col_int(st, 10);
		it->done_by = col_str(r->arena, st, 11);
		it->done_at = col_str(r->arena, st, 12);
		it->note = col_str(r->arena, st, 13);
	}
	done(s, st);
	return r->nitems < n ? -1 : 0;
}

static int
get_costs(struct store *s, struct store_rev *r, char **cause)
{
	sqlite3_stmt *st;
	int k;

	if (query(s, &st, cause, "SELECT scope, total, vacancy, preference, "
	    "fairness, continuity, travel, out_of_hours, method, optimal, "
	    "bound FROM staffing WHERE exercise = ? AND revision = ?", "sd",
	    r->exercise, r->number) == -1)
		return -1;
	while ((k = next(s, st, cause)) == 1) {
		int run_scope = strcmp((const char *)sqlite3_column_text(st, 0),
		    "run") == 0;
		struct staffing_cost *c = run_scope ? &r->run_cost : &r->cost;

		c->total = col_int(st, 1);
		c->vacancy = col_int(st, 2);
		c->preference = col_int(st, 3);
		c->fairness = col_int(st, 4);
		c->continuity = col_int(st, 5);
		c->travel = col_int(st, 6);
		c->out_of_hours = col_int(st, 7);
		if (run_scope) {
			r->staffing_method = col_str(r->arena, st, 8);
			r->staffing_optimal = (int)col_int(st, 9);
			r->staffing_bound = col_int(st, 10);
		}
	}
	done(s, st);
	return k;
}

/* The revision row itself (without its plan JSON when flags say
 * STORE_REV_NO_PLAN); 0 when found, 1 when absent. */
static int
get_head(struct store *s, struct store_rev *r, int flags, char **cause)
{
	sqlite3_stmt *st;
	const char *sql;
	int k;

	/* Before version 3 the documents and rosters were the revision's
	 * own rows (docset and roster NULL). Each text is a literal, which
	 * the statement cache finds by its address. */
#define HEAD_SQL(rest) "SELECT hash, created, planner, name, template, " \
	    "type, timezone, venue, startex, endex, " rest " WHERE " \
	    "exercise = ? AND number = ?"
	if (s->version < 3)
		sql = HEAD_SQL("b.data, NULL, NULL FROM revision JOIN blob b "
		    "ON b.sha256 = revision.plan");
	else if (flags & STORE_REV_NO_PLAN)
		sql = HEAD_SQL("NULL, docset, roster FROM revision");
	else
		sql = HEAD_SQL("b.data, docset, roster FROM revision JOIN "
		    "blob b ON b.sha256 = revision.plan");
#undef HEAD_SQL
	if (query(s, &st, cause, sql, "sd", r->exercise, r->number) == -1)
		return -1;
	if ((k = next(s, st, cause)) == 1) {
		r->hash = col_str(r->arena, st, 0);
		r->created = col_str(r->arena, st, 1);
		r->planner = col_str(r->arena, st, 2);
		r->name = col_str(r->arena, st, 3);
		r->template_id = col_str(r->arena, st, 4);
		r->type = col_str(r->arena, st, 5);
		r->timezone = col_str(r->arena, st, 6);
		r->venue = col_str(r->arena, st, 7);
		r->startex = col_int(st, 8);
		r->endex = col_int(st, 9);
		r->plan_json = col_str(r->arena, st, 10);
		r->docset = col_str(r->arena, st, 11);
		r->roster = col_str(r->arena, st, 12);
	}
	done(s, st);
	return k == -1 ? -1 : k == 0;
}

int
store_get_revision(struct store *s, const char *exercise, int number,
    int flags, struct store_rev **out, char **cause)
{
	struct store_rev *r;
	int latest, k;

	*out = NULL;
	if (store_latest(s, exercise, &latest, cause) == -1)
		return -1;
	if (latest == 0) {
		*cause = xasprintf("no exercise '%s' in '%s'", exercise,
		    s->path);
		return -1;
	}
	if (number < 0 || number > latest) {
		*cause = xasprintf("exercise '%s' has no revision %d (the "
		    "latest is %d)", exercise, number, latest);
		return -1;
	}
	r = store_rev_new();
	r->exercise = arena_strdup(r->arena, exercise);
	r->number = number == 0 ? latest : number;
	if ((k = get_head(s, r, flags, cause)) != 0) {
		if (k == 1)
			*cause = xasprintf("exercise '%s' has no revision %d",
			    exercise, r->number);
		goto fail;
	}
	if (((flags & STORE_REV_SOURCES) && get_sources(s, r, cause) == -1) ||
	    get_events(s, r, cause) == -1 ||
	    (!(flags & STORE_REV_NO_STAFFING) &&
	    get_staffing(s, r, cause) == -1) ||
	    (!(flags & STORE_REV_NO_ROSTERS) &&
	    get_parties(s, r, cause) == -1) ||
	    (!(flags & STORE_REV_NO_ITEMS) &&
	    get_items(s, r, flags, cause) == -1) ||
	    (!(flags & STORE_REV_NO_STAFFING) &&
	    get_costs(s, r, cause) == -1))
		goto fail;
	*out = r;
	return 0;
fail:
	/* A short read with no SQLite error: rows changed under the reader,
	 * which a snapshot rules out, so say so rather than guess. */
	if (*cause == NULL)
		*cause = xasprintf("database '%s' changed while revision %d of "
		    "'%s' was read", s->path, r->number, exercise);
	store_rev_free(r);
	return -1;
}

int
store_list(struct store *s, struct store_summaries **out, char **cause)
{
	struct store_summaries *l;
	sqlite3_stmt *st;
	size_t cap = 0;
	int k;

	*out = NULL;
	if (query(s, &st, cause, "SELECT e.id, r.name, r.timezone, r.created, "
	    "r.number, r.startex, r.endex, "
	    "(SELECT count(*) FROM revision_item ri WHERE ri.exercise = e.id "
	    "AND ri.revision = r.number), "
	    "(SELECT count(*) FROM revision_item ri WHERE ri.exercise = e.id "
	    "AND ri.revision = r.number AND (SELECT done FROM item_check c "
	    "WHERE c.item = ri.item ORDER BY c.id DESC LIMIT 1) = 1), "
	    "(SELECT count(*) FROM corrective_action a WHERE a.exercise = "
	    "e.id), "
	    "(SELECT count(*) FROM corrective_action a WHERE a.exercise = "
	    "e.id AND a.status <> 'closed') "
	    "FROM exercise e JOIN revision r ON r.exercise = e.id AND "
	    "r.number = (SELECT max(number) FROM revision WHERE exercise = "
	    "e.id) ORDER BY e.id", "") == -1)
		return -1;
	l = xcalloc(1, sizeof(*l));
	l->arena = arena_new();
	while ((k = next(s, st, cause)) == 1) {
		struct store_summary *e = &VEC_PUSH(l->v, l->n, cap);

		memset(e, 0, sizeof(*e));
		e->exercise = col_str(l->arena, st, 0);
		e->name = col_str(l->arena, st, 1);
		e->timezone = col_str(l->arena, st, 2);
		e->created = col_str(l->arena, st, 3);
		e->revisions = (int)col_int(st, 4);
		e->startex = col_int(st, 5);
		e->endex = col_int(st, 6);
		e->items = (int)col_int(st, 7);
		e->items_done = (int)col_int(st, 8);
		e->actions = (int)col_int(st, 9);
		e->actions_open = (int)col_int(st, 10);
	}
	done(s, st);
	if (k == -1) {
		store_summaries_free(l);
		return -1;
	}
	*out = l;
	return 0;
}

void
store_summaries_free(struct store_summaries *l)
{
	if (l == NULL)
		return;
	free(l->v);
	arena_free(l->arena);
	free(l);
}

/* --- checklist progress ---------------------------------------------- */

int
store_item_exercise(struct store *s, int64_t no, char **exercise,
    char **cause)
{
	sqlite3_stmt *st;
	int k;

	*exercise = NULL;
	if (query(s, &st, cause, "SELECT exercise FROM item WHERE no = ?", "i",
	    no) == -1)
		return -1;
	if ((k = next(s, st, cause)) == 1)
		*exercise = xstrdup((const char *)sqlite3_column_text(st, 0));
	done(s, st);
	if (k == 0)
		*cause = xasprintf("no checklist item #%lld in '%s'",
		    (long long)no, s->path);
	return k == 1 ? 0 : -1;
}

int
store_check(struct store *s, int64_t no, int done, const char *by,
    const char *at, const char *note, char **cause)
{
	return run(s, cause, "INSERT INTO item_check (item, done, who, at, "
	    "note) VALUES (?, ?, ?, ?, ?)", "idsss", no, done ? 1 : 0, by, at,
	    note);
}

/* --- corrective actions ---------------------------------------------- */

int
store_action_add(struct store *s, struct store_action *a, char **cause)
{
	if (run(s, cause, "INSERT INTO corrective_action (exercise, "
	    "capability, observation, recommendation, action, element, agency, "
	    "poc, start_date, due_date, status, created, updated, closed) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	    "ssssssssssssss",
	    a->exercise, a->capability, a->observation, a->recommendation,
	    a->action, a->element, a->agency, a->poc, a->start, a->due,
	    a->status, a->created, a->updated, a->closed) == -1)
		return -1;
	a->no = sqlite3_last_insert_rowid(s->db);
	return run(s, cause, "INSERT INTO corrective_action_log (action, at, "
	    "who, field, old, new, note) VALUES (?, ?, NULL, 'created', NULL, "
	    "?, NULL)", "iss", a->no, a->created, a->status);
}

static int
log_change(struct store *s, const struct store_action *a, const char *field,
    const char *old, const char *new, const char *at, const char *who,
    const char *note, char **cause)
{
	if (streq(old, new))
		return 0;
	return run(s, cause, "INSERT INTO corrective_action_log (action, at, "
	    "who, field, old, new, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
	    "issssss", a->no, at, who, field, old, new, note);
}

int
store_action_update(struct store *s, const struct store_action *old,
    const struct store_action *a, const char *at, const char *who,
    const char *note, char **cause)
{
	struct {
		const char *field, *before, *after;
	} f[] = {
		{ "capability", old->capability, a->capability },
		{ "observation", old->observation, a->observation },
		{ "recommendation", old->recommendation, a->recommendation },
		{ "action", old->action, a->action },
		{ "element", old->element, a->element },
		{ "agency", old->agency, a->agency },
		{ "poc", old->poc, a->poc },
		{ "start", old->start, a->start },
		{ "due", old->due, a->due },
		{ "status", old->status, a->status },
	};
	size_t i, changed = 0;

	if (run(s, cause, "UPDATE corrective_action SET capability = ?, "
	    "observation = ?, recommendation = ?, action = ?, element = ?, "
	    "agency = ?, poc = ?, start_date = ?, due_date = ?, status = ?, "
	    "updated = ?, closed = ? WHERE no = ?", "ssssssssssssi",
	    a->capability, a->observation, a->recommendation, a->action,
	    a->element, a->agency, a->poc, a->start, a->due, a->status,
	    a->updated, a->closed, a->no) == -1)
		return -1;
	for (i = 0; i < NELEM(f); i++) {
		if (streq(f[i].before, f[i].after))
			continue;
		changed++;
		if (log_change(s, a, f[i].field, f[i].before, f[i].after, at,
		    who, note, cause) == -1)
			return -1;
	}
	/* A note with no change is progress worth keeping too. */
	if (changed == 0 && note != NULL)
		return run(s, cause, "INSERT INTO corrective_action_log "
		    "(action, at, who, field, old, new, note) VALUES (?, ?, ?, "
		    "'note', NULL, NULL, ?)", "isss", a->no, at, who, note);
	return 0;
}

int
store_actions(struct store *s, const char *exercise, int64_t no,
    struct store_actions **out, char **cause)
{
	struct store_actions *l;
	sqlite3_stmt *st;
	size_t cap = 0;
	int k;

	*out = NULL;
	if (query(s, &st, cause, "SELECT no, exercise, capability, "
	    "observation, recommendation, action, element, agency, poc, "
	    "start_date, due_date, status, created, updated, closed FROM "
	    "corrective_action WHERE (?1 IS NULL OR exercise = ?1) AND "
	    "(?2 = 0 OR no = ?2) ORDER BY no", "si", exercise, no) == -1)
		return -1;
	l = xcalloc(1, sizeof(*l));
	l->arena = arena_new();
	while ((k = next(s, st, cause)) == 1) {
		struct store_action *a = &VEC_PUSH(l->v, l->n, cap);

		a->no = col_int(st, 0);
		a->exercise = col_str(l->arena, st, 1);
		a->capability = col_str(l->arena, st, 2);
		a->observation = col_str(l->arena, st, 3);
		a->recommendation = col_str(l->arena, st, 4);
		a->action = col_str(l->arena, st, 5);
		a->element = col_str(l->arena, st, 6);
		a->agency = col_str(l->arena, st, 7);
		a->poc = col_str(l->arena, st, 8);
		a->start = col_str(l->arena, st, 9);
		a->due = col_str(l->arena, st, 10);
		a->status = col_str(l->arena, st, 11);
		a->created = col_str(l->arena, st, 12);
		a->updated = col_str(l->arena, st, 13);
		a->closed = col_str(l->arena, st, 14);
	}
	done(s, st);
	if (k == -1) {
		store_actions_free(l);
		return -1;
	}
	if (no > 0 && l->n == 0) {
		*cause = xasprintf("no corrective action A%lld in '%s'",
		    (long long)no, s->path);
		store_actions_free(l);
		return -1;
	}
	*out = l;
	return 0;
}

void
store_actions_free(struct store_actions *l)
{
	if (l == NULL)
		return;
	free(l->v);
	arena_free(l->arena);
	free(l);
}

/* --- commitments in other exercises ---------------------------------- */

/* A timed event of a latest revision, for commitments to point at. */
struct cm_event {
	char *id;
	ptime start, end;
};

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int
skipped(const char **skip, size_t n, const char *id)
{
	return n > 0 && bsearch(&id, skip, n, sizeof(*skip), cmp_str) != NULL;
}

/* The timed, not cancelled events of revision number of exercise ex,
 * in plan order, into (*out, *n, *cap), their ids in a. */
static int
cm_events(struct store *s, const char *ex, int64_t number, struct arena *a,
    struct cm_event **out, size_t *n, size_t *cap, char **cause)
{
	sqlite3_stmt *st;
	int k;

	*n = 0;
	if (query(s, &st, cause, "SELECT id, start_utc, end_utc FROM event "
	    "WHERE exercise = ? AND revision = ? AND cancelled = 0 AND "
	    "end_utc > start_utc ORDER BY seq", "si", ex, number) == -1)
		return -1;
	while ((k = next(s, st, cause)) == 1) {
		struct cm_event *e = &VEC_PUSH(*out, *n, *cap);

		e->id = col_str(a, st, 0);
		e->start = col_int(st, 1);
		e->end = col_int(st, 2);
	}
	done(s, st);
	return k == -1 ? -1 : 0;
}

/* The intervals of the space-separated event ids of one assignment,
 * looked up among ev[0..n) (the events of its exercise). */
static void
cm_intervals(struct arena *a, struct commitment *c, const char *ids,
    const struct cm_event *ev, size_t n)
{
	size_t i, len, cap = 0;

	c->start = c->end = NULL;
	c->nintervals = 0;
	while (ids != NULL && *ids != '\0') {
		while (*ids == ' ')
			ids++;
		len = strcspn(ids, " ");
		for (i = 0; len > 0 && i < n; i++) {
			if (strlen(ev[i].id) != len ||
			    strncmp(ev[i].id, ids, len) != 0)
				continue;
			if (c->nintervals == cap) {
				ptime *s0 = c->start, *e0 = c->end;

				cap = cap * 2 + 4;
				c->start = arena_array(a, cap, sizeof(ptime));
				c->end = arena_array(a, cap, sizeof(ptime));
				if (c->nintervals > 0) {
					memcpy(c->start, s0, c->nintervals *
					    sizeof(ptime));
					memcpy(c->end, e0, c->nintervals *
					    sizeof(ptime));
				}
			}
			c->start[c->nintervals] = ev[i].start;
			c->end[c->nintervals++] = ev[i].end;
			break;
		}
		ids += len;
	}
}

/* The latest revision of an exercise. */
struct cm_latest {
	char *exercise;
	int64_t number;
};

int
store_commitments(struct store *s, const char *const *skip, size_t nskip,
    struct store_commitments **out, char **cause)
{
	struct store_commitments *l = xcalloc(1, sizeof(*l));
	const char **sk = xcalloc(nskip + 1, sizeof(*sk));
	struct arena *scratch = arena_new();	/* event ids */
	struct cm_latest *lat = NULL;
	struct cm_event *ev = NULL;
	sqlite3_stmt *st;
	size_t nlat = 0, caplat = 0, nev = 0, capev = 0, cap = 0, j;
	int k;

	*out = NULL;
	l->arena = arena_new();
	if (nskip > 0)
		memcpy(sk, skip, nskip * sizeof(*sk));
	qsort(sk, nskip, sizeof(*sk), cmp_str);
	/*
	 * The exercises first, then the rows of those not skipped: a
	 * program planned again skips all of its own, and its tens of
	 * thousands of stored events and roles are not read to be
	 * dropped.
	 */
	if ((k = query(s, &st, cause, "SELECT exercise, max(number) FROM "
	    "revision GROUP BY exercise ORDER BY exercise", "")) == -1)
		goto out;
	while ((k = next(s, st, cause)) == 1) {
		const char *ex = (const char *)sqlite3_column_text(st, 0);
		struct cm_latest *x;

		if (ex == NULL || skipped(sk, nskip, ex))
			continue;
		x = &VEC_PUSH(lat, nlat, caplat);
		x->exercise = col_str(l->arena, st, 0);
		x->number = col_int(st, 1);
	}
	done(s, st);
	for (j = 0; k == 0 && j < nlat; j++) {
		if ((k = cm_events(s, lat[j].exercise, lat[j].number, scratch,
		    &ev, &nev, &capev, cause)) == -1 ||
		    (k = query(s, &st, cause, "SELECT person, role, events "
		    "FROM assignment WHERE exercise = ? AND revision = ? "
		    "ORDER BY seq", "si", lat[j].exercise,
		    lat[j].number)) == -1)
			break;
		while ((k = next(s, st, cause)) == 1) {
			struct commitment *c = &VEC_PUSH(l->v, l->n, cap);

			c->exercise = lat[j].exercise;
			c->person = col_str(l->arena, st, 0);
			c->role = col_str(l->arena, st, 1);
			cm_intervals(l->arena, c, (const char *)
			    sqlite3_column_text(st, 2), ev, nev);
		}
		done(s, st);
	}
out:
	free(ev);
	free(lat);
	free(sk);
	arena_free(scratch);
	if (k == -1) {
		store_commitments_free(l);
		return -1;
	}
	*out = l;
	return 0;
}

void
store_commitments_free(struct store_commitments *l)
{
	if (l == NULL)
		return;
	free(l->v);
	arena_free(l->arena);
	free(l);
}
