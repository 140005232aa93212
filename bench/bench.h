/* bench.h: what the benchmark programs share: clocks, and a program loaded and scheduled as planner plan does. */
#ifndef PLANNER_BENCH_H
#define PLANNER_BENCH_H

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "diag.h"
#include "load.h"
#include "model.h"
#include "assign.h"
#include "elig.h"
#include "sched.h"
#include "util.h"

/*
 * Each bench/NAME.c is a program of its own (the Makefile builds one
 * per file), so these are static: a header is the one place to share
 * them without a library of benchmark code.
 */

static inline double
bench_clock(clockid_t clk)
{
	struct timespec ts;

	clock_gettime(clk, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Wall-clock seconds from an arbitrary start. */
static inline double
bench_wall(void)
{
	return bench_clock(CLOCK_MONOTONIC);
}

/* CPU seconds (user and system) of the process so far. */
static inline double
bench_cpu(void)
{
	return bench_clock(CLOCK_PROCESS_CPUTIME_ID);
}

/*
 * Load files and schedule them, as planner plan does. Returns the plan
 * (its model in *m; free both, and d), or NULL after printing the
 * diagnostics and "NAME: cannot load or schedule" on standard error.
 */
static inline struct plan *
bench_plan(const char *name, char **files, size_t nfiles, struct model **m,
    struct diags *d)
{
	struct plan *p = NULL;
	size_t i;

	if ((*m = load_files(files, nfiles, d)) != NULL &&
	    (p = sched_plan(*m, d)) != NULL)
		return p;
	for (i = 0; i < d->n; i++) {
		char *s = diag_format(&d->v[i]);

		fprintf(stderr, "%s\n", s);
		free(s);
	}
	fprintf(stderr, "%s: cannot load or schedule\n", name);
	return NULL;
}

/*
 * Staff p greedily instead of with assign_plan(), for the benchmarks
 * of what comes after staffing (bench/calendars, bench/store -g): each
 * seat goes to the next person, in roster order, of an agency taking
 * part, with no other rule; the files are as large, so a size whose
 * staffing takes long can still be timed. Assignments go into p's
 * arena. Can't fail.
 */
static inline void
bench_staff_greedily(struct plan *p)
{
	const struct model *m = p->model;
	size_t *next = xcalloc(m->nagencies + 1, sizeof(*next));
	size_t *ev, i, r, k, a, n;

	for (i = 0; i < p->nexercises; i++) {
		struct plan_exercise *px = &p->exercises[i];
		const struct template *tpl = px->ex->tpl;
		size_t cap = 0;

		if (tpl == NULL || px->ex->nparticipants == 0)
			continue;
		for (r = 0; r < tpl->nroles; r++)
			cap += (size_t)assign_needed(px, &tpl->roles[r]);
		px->assignments = arena_array(p->arena, cap + 1,
		    sizeof(*px->assignments));
		px->nassignments = 0;
		for (r = 0; r < tpl->nroles; r++) {
			int need = assign_needed(px, &tpl->roles[r]);

			ev = arena_array(p->arena, px->nevents + 1, sizeof(*ev));
			n = elig_role_events(px, &tpl->roles[r], ev);
			for (k = 0; k < (size_t)need; k++) {
				struct assignment *as;
				const struct agency *ag = px->ex->participants[
				    k % px->ex->nparticipants].agency;
				size_t ai, tries;

				for (ai = 0; ai < m->nagencies &&
				    m->agencies[ai] != ag; ai++)
					;
				/* The agency's next person, round the roster. */
				for (tries = 0, a = next[ai]; tries < m->npeople;
				    tries++, a = (a + 1) % m->npeople)
					if (m->people[a]->agency == ag)
						break;
				if (tries == m->npeople)
					continue;
				next[ai] = (a + 1) % m->npeople;
				as = &px->assignments[px->nassignments++];
				as->role = &tpl->roles[r];
				as->person = m->people[a];
				as->events = ev;
				as->nevents = n;
			}
		}
	}
	free(next);
}

#endif
