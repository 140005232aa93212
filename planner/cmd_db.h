/* cmd_db.h: what the database commands share: opening, numbers, local times, JSON out. */
#ifndef PLANNER_CMD_DB_H
#define PLANNER_CMD_DB_H

#include <stdint.h>

#include "date.h"
#include "load.h"
#include "model.h"
#include "out_json.h"
#include "store.h"
#include "tz.h"

struct cmd_db_progress;
struct revision_src;

/*
 * Open the database at path for a command, or print why not ("planner:
 * cannot open database 'x': ...") and return NULL. Free with
 * store_close().
 */
struct store *cmd_db_open(const char *path, enum store_mode mode);

/* Print cause as an error and free it; returns EXIT_INPUT. */
int cmd_db_fail(char *cause);

/*
 * A positive decimal number, optionally after one of the prefix
 * characters in prefixes ("#", "Aa"); -1 when s is anything else.
 */
int64_t cmd_db_number(const char *s, const char *prefixes);

/* The zone of an IANA name, or NULL (then times show in UTC). */
const struct tz *cmd_db_zone(const char *name);

/* "2027-06-16 07:00 MST" at zone z (UTC when NULL). Can't fail. */
void cmd_db_local(const struct tz *z, ptime t, char buf[static 48]);

/* The local date of t at zone z (UTC when NULL). */
pdate cmd_db_date(const struct tz *z, ptime t);

/* The time to act at, or print why not and return -1. */
int cmd_db_now(ptime *t);

/* Write the document v as text and a newline on stdout, freeing v. */
void cmd_db_print_json(struct out_json *v);

/*
 * The value of option argv[*i] (name "--x"), given as "--x VALUE" or
 * "--x=VALUE": returns it and moves *i past it; NULL when argv[*i] is not
 * that option. *missing is set when the option has no value.
 */
const char *cmd_db_opt(int argc, char **argv, int *i, const char *name,
    int *missing);

/*
 * The people holding role in r, "ana-ruiz, bo-lee", in r's arena; NULL
 * when nobody does.
 */
char *cmd_db_holders(const struct store_rev *r, const char *role);

/* The person of that id in r, or NULL. */
const struct store_person *cmd_db_person(const struct store_rev *r,
    const char *id);

/*
 * Store every exercise of p in s as a new revision (one transaction),
 * unless its plan is unchanged, printing why not on failure. pg is what
 * cmd_db_progress() read for the same p: its documents, and its
 * revisions as they were made then, are stored. *report receives a line
 * per exercise for the caller to print after the schedule: "stored:
 * revision 2 of x" or "unchanged: revision 2 of x" (caller frees).
 * Returns 0, or -1 with nothing stored.
 */
int cmd_db_store_plan(struct store *s, const struct plan *p,
    struct cmd_db_progress *pg, char **report);

/*
 * What the database adds to the files planner plan writes: for each
 * exercise of the plan (in plan order) the revision number it will be
 * stored as (its latest when unchanged), the checklist items done and
 * the corrective actions. Initialise with {0}; cmd_db_progress_free()
 * releases it.
 */
struct cmd_db_progress {
	int *revisions;
	struct item_done *done;
	size_t ndone;
	struct corrective_action *actions;
	size_t nactions;
	struct arena *arena;	/* owns the above */
	/* The run's documents and the revisions made of its plan, for
	 * cmd_db_store_plan() to store without making them again. */
	struct revision_src *rs;
};

/*
 * Read pg from s (one snapshot) for plan p of documents src, and set
 * each event's iCalendar SEQUENCE in p and the events cancelled since
 * the latest revision, so the calendars written next tell clients what
 * changed. Prints why not on failure. Returns 0 or -1.
 */
int cmd_db_progress(struct store *s, struct plan *p,
    const struct load_source_list *src, struct cmd_db_progress *pg);

/*
 * The progress of stored revision r (of one exercise) for the files
 * 'planner export' writes, as cmd_db_progress() gives it to 'planner
 * plan': r's number, the items checked off in r and the corrective
 * actions of its exercise, read from s in the caller's transaction.
 * Initialise pg with {0}; free with cmd_db_progress_free(). Prints why
 * not on failure. Returns 0 or -1.
 */
int cmd_db_rev_progress(struct store *s, const struct store_rev *r,
    struct cmd_db_progress *pg);
void cmd_db_progress_free(struct cmd_db_progress *pg);

#endif
