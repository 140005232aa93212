/* bench.h: what the benchmark programs share: clocks, and a program loaded and scheduled as planner plan does. */
#ifndef PLANNER_BENCH_H
#define PLANNER_BENCH_H

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "diag.h"
#include "load.h"
#include "model.h"
#include "sched.h"

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

#endif
