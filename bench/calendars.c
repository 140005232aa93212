/* calendars.c: how long writing every calendar of one program takes, apart from planning it. */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <time.h>

#include "assign.h"
#include "bench.h"
#include "diag.h"
#include "ics.h"
#include "load.h"
#include "model.h"
#include "sched.h"
#include "util.h"

/*
 * Usage: calendars [-g] [-r N] [-t N] [DIR PROGRAM.yaml...]
 *
 * Loads, schedules and staffs the files as planner plan --no-db does,
 * then writes every calendar (ics_write_all(), as plan --out DIR does)
 * N times (default 2: into DIR as it is, then over the files just
 * written) and prints one line per run: wall and CPU seconds (user and
 * system), the number of exercises and of people staffed, and peak
 * memory. -g staffs greedily instead of with assign_plan(): each seat
 * goes to the next person, in roster order, of an agency taking part,
 * with no other rule; the calendars are as large, so a size whose
 * staffing takes long can still be timed. -t sets ics_threads (ics.h):
 * how many threads write the calendars (default: one per processor).
 * Set SOURCE_DATE_EPOCH for byte-identical files. With no DIR it writes
 * the calendars of examples/border-series-2027.yaml into
 * out/bench-calendars (make bench runs it so). It is a measurement, not
 * a test: it fails only when it cannot run.
 */

/* A getrusage() time in seconds. */
static double
tv_secs(const struct timeval *tv)
{
	return (double)tv->tv_sec + (double)tv->tv_usec / 1e6;
}

static int
ptr_cmp(const void *a, const void *b)
{
	uintptr_t x = *(const uintptr_t *)a, y = *(const uintptr_t *)b;

	return x < y ? -1 : x > y;
}

/* How many people hold a role: each gets a calendar. */
static size_t
count_staffed(const struct plan *p)
{
	uintptr_t *v;
	size_t i, j, n = 0, total = 0, distinct = 0;

	for (i = 0; i < p->nexercises; i++)
		total += p->exercises[i].nassignments;
	v = xcalloc(total + 1, sizeof(*v));
	for (i = 0; i < p->nexercises; i++)
		for (j = 0; j < p->exercises[i].nassignments; j++)
			if (p->exercises[i].assignments[j].person != NULL)
				v[n++] = (uintptr_t)
				    p->exercises[i].assignments[j].person;
	qsort(v, n, sizeof(*v), ptr_cmp);
	for (i = 0; i < n; i++)
		distinct += i == 0 || v[i] != v[i - 1];
	free(v);
	return distinct;
}

int
main(int argc, char **argv)
{
	struct assign_opts o = {0};
	struct diags d = {0};
	struct model *m;
	struct plan *p;
	struct rusage ru, ru0;
	static char *dflt[] = { "examples/border-series-2027.yaml" };
	const char *dir;
	char *cause = NULL, **files;
	size_t nfiles;
	size_t staffed;
	double w0, c0;
	int k = 1, runs = 2, greedy = 0, r;

	for (; k < argc && argv[k][0] == '-'; k++) {
		if (strcmp(argv[k], "-g") == 0)
			greedy = 1;
		else if (strcmp(argv[k], "-r") == 0 && k + 1 < argc)
			runs = atoi(argv[++k]);
		else if (strcmp(argv[k], "-t") == 0 && k + 1 < argc)
			ics_threads = atoi(argv[++k]);
		else
			break;
	}
	if ((argc - k != 0 && argc - k < 2) || runs < 1) {
		fprintf(stderr, "usage: calendars [-g] [-r N] [-t N] [DIR "
		    "PROGRAM.yaml...]\n");
		return 2;
	}
	if (argc == k) {
		dir = "out/bench-calendars";
		files = dflt;
		nfiles = 1;
	} else {
		dir = argv[k++];
		files = argv + k;
		nfiles = (size_t)(argc - k);
	}
	if ((p = bench_plan("calendars", files, nfiles, &m, &d)) == NULL)
		return 1;
	w0 = bench_wall();
	c0 = bench_cpu();
	if (greedy)
		bench_staff_greedily(p);
	else
		assign_plan(p, &o, &d);
	printf("staffing %s seconds %.3f cpu %.3f\n", greedy ? "greedy" :
	    "assign_plan", bench_wall() - w0, bench_cpu() - c0);
	fflush(stdout);
	staffed = count_staffed(p);
	if (mkdir_p(dir) == -1) {
		fprintf(stderr, "calendars: cannot create '%s'\n", dir);
		return 1;
	}
	for (r = 0; r < runs; r++) {
		w0 = bench_wall();
		c0 = bench_cpu();
		getrusage(RUSAGE_SELF, &ru0);
		if (ics_write_all(p, dir, NULL, 0, NULL, 0, &cause) == -1) {
			fprintf(stderr, "calendars: %s\n", cause);
			free(cause);
			return 1;
		}
		getrusage(RUSAGE_SELF, &ru);
		printf("calendars run %d seconds %.3f cpu %.3f (user %.3f sys "
		    "%.3f) exercises %zu people %zu rss_MiB %ld\n", r + 1,
		    bench_wall() - w0, bench_cpu() - c0,
		    tv_secs(&ru.ru_utime) - tv_secs(&ru0.ru_utime),
		    tv_secs(&ru.ru_stime) - tv_secs(&ru0.ru_stime),
		    p->nexercises, staffed, ru.ru_maxrss / 1024);
		fflush(stdout);
	}
	plan_free(p);
	model_free(m);
	diags_free(&d);
	return 0;
}
