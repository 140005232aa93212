/* elig.h: who may hold a role: the hard rules of staffing, with the reason each person is ruled out. */
#ifndef PLANNER_ELIG_H
#define PLANNER_ELIG_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "util.h"

/* The availability of every agency of a plan over the plan's dates,
 * and what the plan's roles need and its people hold, interned. */
struct elig;

/*
 * Availability of every agency of p's model over every date the plan's
 * events touch (with two days' margin); borrows p, which must outlive it.
 * The qualifications and languages that the roles of p's exercises
 * need become bits, each person's a set of them, matched as strcaseeq()
 * matches names: staffing asks tens of millions of (role, person)
 * questions of a national program. For each distinct need (clearance
 * and names) it also tests every person (elig_fit()), up to
 * elig_fit_tests tests in all. The model must not change while e
 * lives. Free with elig_free(). This function can't fail.
 */
struct elig *elig_new(const struct plan *p);
void elig_free(struct elig *e);	/* NULL is a no-op */

/*
 * The events of px that role r attends or owns (those whose role list
 * names it), as indexes into px->events in order, stored in out (room
 * for px->nevents). Returns how many.
 */
size_t elig_role_events(const struct plan_exercise *px,
    const struct role_def *r, size_t *out);

/*
 * How many hard rules rule person pn out of role r in exercise px: the
 * agency takes part as the role's "from" requires, every qualification
 * and language, the clearance, and being free (a working day of the
 * agency, no holiday, closure or blackout of the agency, no absence of
 * the person) on every local date of every event the role attends
 * (ev, nev: from elig_role_events; deadlines take no one's time).
 * 0 means eligible. When why is not NULL, the reasons are appended as
 * phrases joined by ", " ("lacks hseep-evaluator, does not speak es");
 * when it is NULL, the answer is 1 at the first broken rule, found
 * without allocating (staffing asks for every person and role).
 */
int elig_check(const struct elig *e, const struct plan_exercise *px,
    const struct role_def *r, const size_t *ev, size_t nev,
    const struct person *pn, struct sb *why);

/*
 * elig_check in two halves, for staffing many people at once. The
 * agency's: 0 when ag takes part as r's "from" requires and every local
 * date (in ag's zone) of the timed events ev[0..nev) is one of its
 * working days, else 1; d0, d1 (room for nev) receive each timed
 * event's first and last local date, *n how many. The person's: 0 when
 * the person p->model->people[pi] (pi < npeople, of the plan given to
 * elig_new) has r's qualifications, languages and clearance and is
 * absent on none of those dates; by index, as staffing holds it, so
 * that the answer is a few word operations. Together they answer as
 * elig_check with no why.
 */
int elig_agency(const struct elig *e, const struct plan_exercise *px,
    const struct role_def *r, const size_t *ev, size_t nev,
    const struct agency *ag, pdate *d0, pdate *d1, size_t *n);
int elig_person(const struct elig *e, const struct role_def *r, size_t pi,
    const pdate *d0, const pdate *d1, size_t n);

/* elig_person()'s last part, for a person elig_fit() already admits:
 * 1 when person pi (< npeople) is absent on one of the dates d0[i] to
 * d1[i], i < n (elig_agency()'s), else 0. This function can't fail. */
int elig_absent(const struct elig *e, size_t pi, const pdate *d0,
    const pdate *d1, size_t n);

/*
 * The people elig_person() does not rule out for role r on their own
 * merits (clearance, qualifications, languages; no dates): bit pi % 64
 * of word pi / 64 is person pi's (as in elig_person()), in
 * (npeople + 63) / 64 words. NULL when only elig_person() can say: a
 * role elig_new() did not see, one whose names it could not intern, or
 * one past elig_new()'s tests. Owned by e. Staffing asks this once per
 * role instead of asking each person: at L two in three people of the
 * agencies taking part are ruled out by it. This function can't fail.
 */
const uint64_t *elig_fit(const struct elig *e, const struct role_def *r);

/* People tested against needs by elig_new() at most (every person for
 * each distinct need): 2^26, about a second. Tests lower it. */
#define ELIG_FIT_TESTS ((size_t)1 << 26)
extern size_t elig_fit_tests;

/* How person pn's agency takes part in px: a part_kind, or -1. */
int elig_part(const struct plan_exercise *px, const struct person *pn);

/*
 * A floor under elig_check()'s count for person pi (as elig_person();
 * their agency not NULL), found without allocating: one if the
 * agency's part rules them out, one if a qualification or language is
 * missing, one for the clearance; dates are not looked at. Staffing
 * explains an empty seat by the few people nearest to it, and asks for
 * the reasons only of those this floor does not rule out. Can't fail.
 */
int elig_floor(const struct elig *e, const struct plan_exercise *px,
    const struct role_def *r, size_t pi);

/* Seconds of [start, end) outside the working hours of pn's agency. */
int64_t elig_outside(const struct elig *e, const struct person *pn,
    ptime start, ptime end);

#endif
