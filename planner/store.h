/* store.h: the planner database: plan revisions, checklist progress and corrective actions. */
#ifndef PLANNER_STORE_H
#define PLANNER_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "model.h"

/*
 * One SQLite file holds every exercise an office plans: each plan as a
 * numbered revision (its input documents, schedule, assignments,
 * vacancies and checklist items), who checked which item off, and the
 * Improvement Plan's corrective actions. Only store.c sees SQLite.
 *
 * Every function that can fail returns 0, or -1 with *cause set to an
 * owned message (caller frees) such as "database 'planner.db' is busy:
 * still locked by another writer after 10.0 s; try again"; OUT parameters
 * are NULL (or 0) after a failure.
 */

/* The schema version this planner writes (PRAGMA user_version). */
#define STORE_VERSION 3

/* How long a writer waits for another one before giving up, in ms;
 * $PLANNER_BUSY_TIMEOUT overrides it. */
#define STORE_BUSY_MS 10000

struct store;
struct arena;

enum store_mode {
	STORE_EXISTING,		/* the file must exist */
	STORE_CREATE		/* create it when missing */
};

/* One input document of a revision, as the loader read it. */
struct store_source {
	char *name;	/* path as the loader named it; datadir-relative
			 * when bundled */
	int bundled;	/* read from planner's data directory */
	int root;	/* named on the command line */
	char *text;	/* the bytes read, NUL-terminated */
	size_t len;
	/* Its lower-case hex SHA-256 when the maker knows it already
	 * (revision_src_new), else NULL: store_put_next hashes it. */
	const char *sha256;
};

/* A scheduled event. Cancelled rows carry an event that an earlier
 * revision had and this one dropped, so calendars can cancel it. */
struct store_event {
	char *id;	/* "ipm"; "conduct-2" for day 2 of play */
	char *def;	/* template event id ("conduct" for play) */
	int day;	/* day of play, 0 for other events */
	char *title;
	char *kind;	/* "planning-meeting", "deadline", ... */
	char *location;	/* NULL: the venue */
	char *roles;	/* ids of the roles that attend, space-separated */
	char *agencies;	/* ids of the agencies that attend, the same */
	char *warnings;	/* newline-separated; NULL when none */
	ptime start, end;	/* UTC */
	char *date;	/* local date of the start at the venue */
	int sequence;	/* iCalendar SEQUENCE */
	int cancelled;
};

struct store_assignment {
	char *role, *role_name;
	char *person, *person_name, *agency;
	char *events;	/* ids of the events the role attends or owns,
			 * space-separated; NULL when none */
};

struct store_vacancy {
	char *role, *role_name;
	int missing;
	char *reasons;	/* newline-separated; NULL when none */
};

/* A checklist item in one revision, with its progress. */
struct store_item {
	int64_t no;		/* short id, the same in every revision */
	char *checklist, *checklist_title;
	char *id;		/* item id within its checklist */
	char *text;
	char *owner, *owner_name;	/* the role that does it */
	char *event;		/* the event its due date counts from */
	ptime due;		/* UTC; 0 when the event is not scheduled */
	char *due_date;		/* at the venue; NULL: unscheduled */
	/* Progress: the latest check; not part of the revision's content. */
	int done;
	char *done_by, *done_at, *note;
};

struct store_person {
	char *id, *name, *agency, *email;
};

struct store_agency {
	char *id, *name, *country, *timezone;
	char *part;	/* "playing", "supporting", "observing"; NULL when
			 * the agency does not take part in this exercise */
};

/*
 * The key under which the people and agencies of a run's rosters are
 * stored once for all its revisions (their ids, names, agencies,
 * e-mail addresses, countries and zones, in order; not the parts
 * agencies take, which are each revision's): a lower-case hex SHA-256
 * into hex. This function can't fail.
 */
void store_roster_key(const struct store_person *people, size_t npeople,
    const struct store_agency *agencies, size_t nagencies,
    char hex[static 65]);

/*
 * The key under which a run's input documents are stored once for all
 * its revisions (each document's name, whether bundled or named on the
 * command line, and the SHA-256 of its text, in order): a lower-case
 * hex SHA-256 into hex, "" when n is 0. A document whose sha256 is
 * NULL is hashed here. This function can't fail.
 */
void store_docset_key(const struct store_source *src, size_t n,
    char hex[static 65]);

/*
 * One exercise's plan as a revision. Every string and array lives in
 * arena, which the revision owns: free it with store_rev_free().
 */
struct store_rev {
	char *exercise, *name, *template_id, *type, *timezone, *venue;
	ptime startex, endex;
	int number;		/* 1, 2, ...; 0 until stored */
	char *hash;		/* hex SHA-256 of inputs and plan */
	char *created;		/* RFC 3339 UTC */
	char *planner;		/* version of planner that made it */
	char *plan_json;	/* the plan as out_json_plan() gives it */
	const char *plan_sha256;	/* its hex SHA-256 when known, else
					 * NULL: store_put_next hashes it */
	struct staffing_cost cost;	/* of this exercise's staffing */
	struct staffing_cost run_cost;	/* of the run that planned it */
	char *staffing_method;		/* as struct plan has them */
	int staffing_optimal;
	int64_t staffing_bound;
	struct store_source *sources;
	size_t nsources;
	struct store_event *events;	/* plan order; cancelled ones last */
	size_t nevents;
	struct store_assignment *assignments;
	size_t nassignments;
	struct store_vacancy *vacancies;
	size_t nvacancies;
	struct store_item *items;
	size_t nitems;
	/* Every person and agency of the rosters the run read, in roster
	 * order (agencies with this exercise's part): a revision made by
	 * revision_new_src() borrows the people from the run's. */
	struct store_person *people;
	size_t npeople;
	struct store_agency *agencies;
	size_t nagencies;
	/* store_roster_key() of people and agencies when known already,
	 * else NULL: store_put_next computes it. */
	const char *roster;
	/* The key of its set of documents (store_docset_key()): read with
	 * it (NULL for revisions stored before version 3), or known by
	 * its maker (revision_new_src()), else NULL: store_put_next
	 * computes it. */
	const char *docset;
	struct arena *arena;
};

/* A line of 'planner list'. */
struct store_summary {
	char *exercise, *name, *timezone, *created;
	int revisions;		/* also the latest revision's number */
	ptime startex, endex;
	int items, items_done;
	int actions, actions_open;
};

struct store_summaries {
	struct store_summary *v;
	size_t n;
	struct arena *arena;
};

/* An Improvement Plan corrective action. */
struct store_action {
	int64_t no;
	char *exercise;
	char *capability;	/* core capability name */
	char *observation, *recommendation;
	char *action;		/* the corrective action */
	char *element;		/* planning, organization, equipment,
				 * training or exercise */
	char *agency;		/* responsible agency id */
	char *poc;		/* point of contact, a person id */
	char *start, *due;	/* YYYY-MM-DD; start may be NULL */
	char *status;		/* open, in-progress or closed */
	char *created, *updated, *closed;	/* RFC 3339 UTC */
};

struct store_actions {
	struct store_action *v;
	size_t n;
	struct arena *arena;
};

/*
 * Open (with STORE_CREATE, create) the database at path and bring its
 * schema up to STORE_VERSION: foreign keys on, WAL journal, synchronous
 * writes, a busy timeout, 8 KiB pages when the file is new. Refuses a
 * file that is not a planner database, and one whose schema is newer
 * than this planner's ("database 'x' has schema version 9, newer than
 * this planner (3); upgrade planner"). *out is the handle (free with
 * store_close) or NULL; one thread at a time may use it.
 */
int store_open(const char *path, enum store_mode mode, struct store **out,
    char **cause);

/* As store_open, but migrate no further than version (for the tests of
 * migrations: a database as an older planner left it). */
int store_open_version(const char *path, enum store_mode mode, int version,
    struct store **out, char **cause);

/* Close the database; NULL is a no-op. An open transaction rolls back. */
void store_close(struct store *s);

/* The path it was opened with (borrowed) and its schema version. */
const char *store_path(const struct store *s);
int store_version(const struct store *s);

/*
 * Transactions. store_begin takes the write lock at once (waiting up to
 * the busy timeout), so a command reads and writes one consistent
 * state; store_begin_read takes a snapshot for queries. Every write
 * below must run inside store_begin ... store_commit. store_rollback
 * can't fail and is a no-op outside a transaction.
 */
int store_begin(struct store *s, char **cause);
/*
 * store_begin for storing revisions: into a file that holds none yet,
 * and that no other connection has open, the transaction goes through
 * a rollback journal with synchronous EXTRA instead of the write-ahead
 * log, so its pages are written once (docs/database.md, "Safety");
 * store_commit and store_rollback switch back to the log. Returns 0,
 * or -1 with *cause set and no transaction begun.
 */
int store_begin_bulk(struct store *s, char **cause);
int store_begin_read(struct store *s, char **cause);
int store_commit(struct store *s, char **cause);
void store_rollback(struct store *s);

/* An empty revision with its own arena. This function can't fail. */
struct store_rev *store_rev_new(void);
void store_rev_free(struct store_rev *r);	/* NULL is a no-op */

/* The latest revision number of an exercise into *n; 0 when the
 * exercise has none. */
int store_latest(struct store *s, const char *exercise, int *n,
    char **cause);

/*
 * Store r as the next revision of r->exercise, after latest, the number
 * of its latest revision as store_latest() gave it in this transaction
 * (the caller has read it to compare; storing a program asks once per
 * exercise, not twice). The exercise is created on its first revision;
 * all of r's rows are written; sets r->number. A write.
 */
int store_put_next(struct store *s, struct store_rev *r, int latest,
    char **cause);

/* What store_get_revision() reads besides the revision's own rows. */
#define STORE_REV_SOURCES	0x1	/* its input documents */
#define STORE_REV_NO_ROSTERS	0x2	/* not the people and agencies of
					 * its rosters: npeople and
					 * nagencies stay 0 (tens of
					 * thousands of rows in a national
					 * program, which a caller that only
					 * compares plans does not need) */
#define STORE_REV_NO_PLAN	0x4	/* not its plan JSON: plan_json
					 * stays NULL (tens of kilobytes a
					 * revision, which numbering the
					 * next one's events does not need) */
#define STORE_REV_NO_STAFFING	0x8	/* not its assignments, vacancies
					 * and staffing costs: they stay
					 * empty and zero */
#define STORE_REV_DONE_ITEMS	0x10	/* of its checklist items only
					 * those checked off (what a plan's
					 * progress needs) */
#define STORE_REV_NO_ITEMS	0x20	/* none of its checklist items */

/*
 * Read revision number (0: the latest) of exercise, with the progress
 * of its checklist items and, by flags (STORE_REV_*, or 0), its input
 * documents and without its rosters, plan JSON, staffing or items.
 * Errors: "no exercise 'x' in 'planner.db'", "exercise 'x' has no
 * revision 7 (the latest is 3)".
 * Free *out with store_rev_free().
 */
int store_get_revision(struct store *s, const char *exercise, int number,
    int flags, struct store_rev **out, char **cause);

/* Every exercise with its latest revision, by id. Free with
 * store_summaries_free(). */
int store_list(struct store *s, struct store_summaries **out, char **cause);
void store_summaries_free(struct store_summaries *l);	/* NULL: no-op */

/*
 * Which exercise checklist item no belongs to: *exercise is owned by the
 * caller. Error "no checklist item #12 in 'planner.db'".
 */
int store_item_exercise(struct store *s, int64_t no, char **exercise,
    char **cause);

/* Record that item no was done (done 1) or undone (0), by whom (may be
 * NULL), when (RFC 3339) and why (note, may be NULL). A write. */
int store_check(struct store *s, int64_t no, int done, const char *by,
    const char *at, const char *note, char **cause);

/* Add a corrective action; sets a->no. A write. */
int store_action_add(struct store *s, struct store_action *a, char **cause);

/*
 * Replace action a->no by a, logging each column that changed from old
 * with when, who and why (who and note may be NULL). A write.
 */
int store_action_update(struct store *s, const struct store_action *old,
    const struct store_action *a, const char *at, const char *who,
    const char *note, char **cause);

/*
 * Corrective actions of exercise (NULL: every exercise), by number; with
 * no > 0 only that one ("no corrective action A7 in 'planner.db'" when
 * absent). Free with store_actions_free().
 */
int store_actions(struct store *s, const char *exercise, int64_t no,
    struct store_actions **out, char **cause);
void store_actions_free(struct store_actions *l);	/* NULL: no-op */

/* Roles held in the latest revisions of stored exercises. */
struct store_commitments {
	struct commitment *v;	/* by exercise id, then stored order */
	size_t n;
	struct arena *arena;	/* owns the strings and intervals */
};

/*
 * Every role held in the latest revision of each stored exercise whose
 * id is not among skip[0..nskip) (the exercises being planned now, so
 * that re-planning one never counts its own earlier revision), with
 * the times of the timed events the role attends (cancelled events and
 * deadlines left out). Free *out with store_commitments_free(); NULL
 * after a failure.
 */
int store_commitments(struct store *s, const char *const *skip,
    size_t nskip, struct store_commitments **out, char **cause);
void store_commitments_free(struct store_commitments *l);	/* NULL: no-op */

#endif
