/* assign.h: staff every exercise of a plan: who holds which role, and why a seat stays empty. */
#ifndef PLANNER_ASSIGN_H
#define PLANNER_ASSIGN_H

#include <stdint.h>

#include "diag.h"
#include "model.h"

struct assign_opts {
	/* NULL: the first Program's weights, else the documented defaults. */
	const struct weights *weights;
	/* Effort allowed to branch-and-bound, in arcs examined by the flow
	 * solver; 0 means ASSIGN_WORK_LIMIT. Effort, not time, so the
	 * result is the same on every machine. */
	uint64_t work_limit;
	/* When not NULL, receives the model in CPLEX LP format (caller
	 * frees): what glpsol --lp or cbc solve to check the optimum. */
	char **lp;
	/* Roles already held in stored plans of exercises not in this run
	 * (store_commitments): they count toward workload caps and
	 * fairness, and their holders are not free at their times.
	 * Borrowed; NULL when nprior is 0. */
	const struct commitment *prior;
	size_t nprior;
	/* Staff the network-only model (docs/assignment.md): the flow
	 * network alone, without the rules no network can say (time
	 * conflicts between exercises, evaluators of their own agency,
	 * excluded pairs beside a multiple role) nor continuity. Its
	 * staffing may break those rules: for measuring the flow core
	 * against an external solver (bench/staffing.c), never for a plan
	 * people will use. */
	int network_only;
	/* A plan of more cands (person-role-exercise triples) than this is
	 * large (docs/assignment.md): bulk flow, time rules made when a
	 * flow breaks one (unless an LP is wanted), cand arcs priced in,
	 * no Lagrangian bound. 0 means ASSIGN_LARGE; tests set it low to
	 * run those paths on small programs. */
	size_t large;
};

#define ASSIGN_WORK_LIMIT 400000000u
#define ASSIGN_LARGE 20000

/*
 * Staff every exercise of p together (docs/assignment.md): fills each
 * exercise's assignments (sorted by template role order, then roster
 * order), vacancies (one per role with empty seats, with the reasons)
 * and cost, and p's total cost, method, bound and optimality flag.
 * No hard rule is ever broken: a seat that cannot be filled is a
 * vacancy, never an error. Deterministic for the same input. Returns 0;
 * the plan's arena owns everything added. o may be NULL; d is for
 * warnings and is not used today.
 */
int assign_plan(struct plan *p, const struct assign_opts *o,
    struct diags *d);

/*
 * How many searches have ended because their columns were frozen and
 * the best solution was within a thousandth of what the frozen search
 * could still find (docs/assignment.md), counted for the tests, which
 * check that the rule stops searches and only frozen ones.
 */
extern unsigned long assign_gap_stops;

/*
 * Columns added before a solve for seats that bans took from their
 * holders (price_bans(), docs/assignment.md), counted for the tests,
 * which check that large plans' searches add them.
 */
extern unsigned long assign_spare_columns;

/*
 * Rules a large plan's dives (until a first solution) banned a side of
 * before a flow broke them: one side held, the other neither held nor
 * wholly banned (dive(), docs/assignment.md). Counted for the tests,
 * which check that the dives make such bans.
 */
extern unsigned long assign_risk_bans;

/*
 * Returns 1 when a round of column generation is not to be started:
 * one that would give add more cands arcs, act having them, after an
 * effort of work, the last solve's share of it being last. The round's
 * solve is taken to cost last, grown by add / act; with the effort
 * spent it must stay under share, the effort columns may be generated
 * within (docs/assignment.md). Returns 0 otherwise. This function
 * can't fail.
 */
int assign_over_budget(uint64_t work, uint64_t last, size_t add, size_t act,
    uint64_t share);

/*
 * Rounds of columns not started though the effort spent was under the
 * share, because their solve would have taken it past (above), counted
 * for the tests, which check that plans freeze so.
 */
extern unsigned long assign_early_freezes;

/*
 * The dive's steps (until a large plan's first solution) before it
 * makes the time rules its held people could break next, not only
 * those a flow broke, and so bans their other side ahead (dive(),
 * docs/assignment.md): 3 for planner; tests set 0 to run it on small
 * plans. assign_rules_ahead counts the pairs of exercises whose rules
 * were made so, for the tests.
 */
extern int assign_dive_ahead;
extern unsigned long assign_rules_ahead;

/*
 * Threads that make the cands (who may hold what): 0 (planner's) for
 * one per processor online, up to TEAM_MAX, on plans of 32 exercises
 * or more, else one; tests set it to compare several with one. The
 * plan is the same whatever it is.
 */
extern int assign_threads;

/* "evaluator: 1 of 3 missing; <reason>; <reason>"; caller frees. */
char *assign_vacancy_text(const struct vacancy *v, int needed);

/* Seats of role r in exercise px (count, per agency, quotas). */
int assign_needed(const struct plan_exercise *px, const struct role_def *r);

#endif
