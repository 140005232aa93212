/* staffing.c: how long staffing takes on one program, in full or as its network-only model, and the model for an external solver. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "assign.h"
#include "bench.h"
#include "diag.h"
#include "load.h"
#include "model.h"
#include "sched.h"
#include "util.h"

/*
 * Usage: staffing [-n] [-l FILE] [PROGRAM.yaml...]
 *
 * Loads and schedules the files as planner plan does, then times
 * assign_plan() alone (wall and CPU) and prints one line of
 * "key value" pairs: the time, the objective, whether it was proven,
 * the bound, the method and the seats left empty. -n staffs the
 * network-only model (docs/assignment.md: no rule beyond the flow
 * network), -l writes the model solved, in CPLEX LP format, for glpsol
 * or cbc: bench/run.sh compares them on the same file. With no file it
 * staffs examples/border-series-2027.yaml (make bench runs it so). It
 * is a measurement, not a test: it fails only when it cannot run.
 */

int
main(int argc, char **argv)
{
	static char *dflt[] = { "examples/border-series-2027.yaml" };
	struct assign_opts o = {0};
	struct diags d = {0};
	struct model *m;
	struct plan *p;
	struct rusage ru;
	const char *lpfile = NULL;
	char *lp = NULL, **files = dflt;
	size_t nfiles = 1, i, j;
	double w0, c0, w1, c1;
	long vac = 0;
	int k;

	for (k = 1; k < argc && argv[k][0] == '-'; k++) {
		if (strcmp(argv[k], "-n") == 0)
			o.network_only = 1;
		else if (strcmp(argv[k], "-l") == 0 && k + 1 < argc)
			lpfile = argv[++k];
		else {
			fprintf(stderr, "usage: staffing [-n] [-l FILE] "
			    "[PROGRAM.yaml...]\n");
			return 2;
		}
	}
	if (k < argc) {
		files = argv + k;
		nfiles = (size_t)(argc - k);
	}
	if ((p = bench_plan("staffing", files, nfiles, &m, &d)) == NULL)
		return 1;
	if (lpfile != NULL)
		o.lp = &lp;
	w0 = bench_wall();
	c0 = bench_cpu();
	assign_plan(p, &o, &d);
	w1 = bench_wall();
	c1 = bench_cpu();
	if (lp != NULL && write_file_atomic(lpfile, lp, strlen(lp)) == -1) {
		fprintf(stderr, "staffing: cannot write '%s'\n", lpfile);
		return 1;
	}
	free(lp);
	for (i = 0; i < p->nexercises; i++)
		for (j = 0; j < p->exercises[i].nvacancies; j++)
			vac += p->exercises[i].vacancies[j].missing;
	getrusage(RUSAGE_SELF, &ru);
	printf("model %s seconds %.3f cpu %.3f objective %lld optimal %s "
	    "bound %lld method %s empty %ld exercises %zu rss_MiB %ld\n",
	    o.network_only ? "network-only" : "full", w1 - w0, c1 - c0,
	    (long long)p->cost.total, p->staffing_optimal ? "yes" : "no",
	    (long long)p->staffing_bound, p->staffing_method, vac,
	    p->nexercises, ru.ru_maxrss / 1024);
	plan_free(p);
	model_free(m);
	diags_free(&d);
	return 0;
}
