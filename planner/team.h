/* team.h: a few threads sharing numbered jobs, for work done once per exercise or per file. */
#ifndef PLANNER_TEAM_H
#define PLANNER_TEAM_H

#include <stddef.h>

/* Threads a team has at most, whatever the processors. */
#define TEAM_MAX 8

/* want threads (up to TEAM_MAX) when want > 0, else one per processor
 * online (up to TEAM_MAX). Can't fail: at least 1. */
size_t team_threads(int want);

/* The threads for n jobs: team_threads(want) when want > 0 (tests
 * compare several with one), else one when n is under from (the jobs
 * are too few to pay for threads), else one per processor online.
 * Can't fail: at least 1. */
size_t team_size(size_t n, size_t from, int want);

/*
 * Jobs 0..n-1, each done once by one of up to nthreads threads (the
 * caller's is one of them), the next job not yet taken going to the
 * first thread free, so the output must not depend on which thread did
 * a job. job(arg, j) returns 0 or -1; after a failure no new job is
 * started, and every job before the failed one has been done: the
 * caller can report the first failure in job order, which is the one a
 * single thread meets first. Can't fail: a thread that cannot be
 * started leaves its share to the others.
 */
void team_run(size_t nthreads, size_t n, int (*job)(void *arg, size_t j),
    void *arg);

#endif
