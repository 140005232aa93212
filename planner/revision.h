/* revision.h: an exercise's plan as a stored revision: built, hashed, compared, and made a plan again. */
#ifndef PLANNER_REVISION_H
#define PLANNER_REVISION_H

#include <stddef.h>

#include "load.h"
#include "model.h"
#include "store.h"

/*
 * The revision of exercise i of plan p: its events (each with the local
 * date of its start at the venue), assignments, vacancies, checklist
 * items with their due dates, the model's people and agencies (with
 * the part each takes in the exercise), the plan as
 * revision_plan_json() gives it, and a copy of the input documents src.
 * created (RFC 3339) is stored as given.
 *
 * r->hash is the SHA-256 of the documents' text and of the plan JSON's
 * SHA-256 (r->plan_sha256, the key of the stored plan); names and
 * created are left out, so the same inputs planned from another
 * directory or on another day hash the same, and any change to an input
 * or to the schedule gives a new hash. Free the result with
 * store_rev_free(). This function can't fail.
 */
struct store_rev *revision_new(const struct plan *p, size_t i,
    const struct load_source_list *src, const char *created);

/*
 * The documents of one run prepared once for the revisions of all its
 * exercises (each document's SHA-256, and the revision hash's state
 * after them), so that a program of thousands of exercises does not
 * hash and copy its rosters once per exercise. Borrows src: keep it
 * until rs and every revision made from it are freed. Free with
 * revision_src_free() (NULL is a no-op). These functions can't fail.
 */
struct revision_src *revision_src_new(const struct load_source_list *src);
void revision_src_free(struct revision_src *rs);

/*
 * As revision_new() with rs's documents (rs not NULL), which
 * r borrows instead of copying, with their SHA-256 filled in: the same
 * r->hash and the same rows stored. rs also keeps the people and
 * agencies of p's model, and each exercise's plan JSON and hash, for
 * the next revisions made from it, and r borrows them too: so p must
 * not change while rs makes revisions of it, but for the SEQUENCE
 * numbers and cancelled events revision_apply_sequence() sets, which
 * the JSON leaves out.
 */
struct store_rev *revision_new_src(const struct plan *p, size_t i,
    struct revision_src *rs, const char *created);

/*
 * Make the plan JSON of every exercise of p, and its hashes, into rs
 * for the revisions made next from it (revision_prepare(),
 * revision_new_src()), in as many threads as there are processors (up
 * to TEAM_MAX; one for fewer than 32 exercises; revision_threads when
 * set, which tests do): the JSON is most of what making a national
 * program's revisions costs, and each exercise's is its own. The texts
 * are those one thread makes. p must not change meanwhile. This
 * function can't fail (a thread that cannot be started leaves its
 * share to the others, team_run()).
 */
void revision_src_plans(struct revision_src *rs, const struct plan *p);
extern int revision_threads;	/* 0: as above */

/*
 * The plan JSON of exercise i of p as its revision stores and hashes
 * it: out_json_plan() of a plan of that exercise alone, listing of the
 * model's agencies only those that take part in it or employ someone
 * it staffs, and of its people only those it staffs (the rosters are
 * kept with the revision whole). The caller frees it. This function
 * can't fail.
 */
char *revision_plan_json(const struct plan *p, size_t i);

/*
 * 1 when p, a plan of one exercise made again from revision r
 * (revision_plan), gives the plan JSON stored with r, as this planner
 * writes it or as planners before schema version 3 did (with every
 * person of the model); 0 when it does not, and r's planner kept more
 * of the plan than this one reads. This function can't fail.
 */
int revision_plan_matches(const struct store_rev *r, const struct plan *p);

/*
 * Number r's events for iCalendar from prev, the revision before it
 * (NULL for the first): an event keeps prev's SEQUENCE when its title,
 * location, start and end (and the exercise's name, which calendars
 * show with it) are unchanged and gets one more otherwise; a
 * new event starts at 0; an event prev had that r lacks is added to r,
 * cancelled, one higher (and carried as it is once cancelled), so a
 * calendar can send CANCELLED with a SEQUENCE that never falls. This
 * function can't fail.
 */
void revision_sequence(struct store_rev *r, const struct store_rev *prev);

/*
 * Give px, the exercise r was made from (revision_new), the SEQUENCE of
 * each event and the cancelled events that revision_sequence() put in
 * r, so a calendar written now says what changed since the last
 * revision stored. Strings are copied into a. This function can't fail.
 */
void revision_apply_sequence(const struct store_rev *r,
    struct plan_exercise *px, struct arena *a);

/*
 * Store every exercise of p in s, in one write transaction: a new
 * revision for each exercise whose hash differs from its latest one.
 * For exercise i, numbers[i] receives the revision that holds its plan
 * and fresh[i] 1 when that revision is new, 0 when the plan was
 * unchanged. On error nothing is stored; returns -1 with *cause.
 */
int revision_store(struct store *s, const struct plan *p,
    const struct load_source_list *src, const char *created, int *numbers,
    int *fresh, char **cause);

/*
 * Make the revision of exercise i of p from rs (not NULL), as
 * revision_new_src() does; number its events over prev, the latest
 * revision stored of the exercise (number latest; NULL and 0 when
 * there is none), as revision_sequence() does; and give exercise i of
 * p those numbers and cancelled events (revision_apply_sequence(), into
 * p's arena), so the calendars written next say what changed. rs keeps
 * the revision for revision_store_src(). Returns the number the plan
 * will be stored as: latest when its hash is prev's, else latest + 1.
 * This function can't fail.
 */
int revision_prepare(struct plan *p, size_t i, struct revision_src *rs,
    const struct store_rev *prev, int latest);

/*
 * As revision_store(), with the documents (and what was made before of
 * p's revisions) of rs: 'planner plan' makes each revision to number
 * its calendars (revision_prepare), writes them, then stores it as it
 * was made, neither making it nor reading the latest stored revision
 * again, unless another planner stored a revision of that exercise
 * since (then it is made and numbered again over that one).
 */
int revision_store_src(struct store *s, const struct plan *p,
    struct revision_src *rs, const char *created, int *numbers, int *fresh,
    char **cause);

/*
 * The plan of revision r over m, the model loaded from r's documents:
 * events, assignments and vacancies exactly as stored, not scheduled
 * again, so a calendar exported later is the one planned then, with
 * each event's SEQUENCE and the events cancelled by then. Returns
 * 0 with *out (free with plan_free; it borrows m), or -1 with *cause
 * when m lacks an exercise, event, role or person that r names.
 */
int revision_plan(const struct store_rev *r, const struct model *m,
    struct plan **out, char **cause);

/*
 * One difference between two revisions. change is one of input-changed,
 * input-added, input-removed, event-moved, event-added, event-removed,
 * event-renamed, event-relocated, role-assigned, role-unassigned,
 * vacancy, item-due, item-owner, item-added, item-removed. subject is
 * the document name, event id, role id or "#NO CHECKLIST/ITEM"; before
 * and after are NULL or text: an interval of RFC 3339 UTC instants
 * "start/end" for events, a person id, a count of people missing, a
 * date, a role id, or the first 12 hex digits of a document's SHA-256.
 * For events, timed is 1 and the instants are in t_before/t_after.
 */
struct revision_change {
	const char *change;
	const char *subject;
	const char *before, *after;
	int timed;
	ptime start_before, end_before, start_after, end_after;
};

struct revision_diff {
	struct revision_change *v;
	size_t n, cap;
	struct arena *arena;	/* owns the strings above */
};

/*
 * What changed from revision a to revision b, in the order documents,
 * events (b's order, then removed ones), roles, vacancies, checklist
 * items. Free it with revision_diff_free(). This function can't fail.
 */
struct revision_diff *revision_diff(const struct store_rev *a,
    const struct store_rev *b);
void revision_diff_free(struct revision_diff *d);	/* NULL: no-op */

#endif
