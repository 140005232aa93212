/* store.c: how long planner plan's store phase takes on one program, apart from planning it. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "assign.h"
#include "bench.h"
#include "cmd_db.h"
#include "diag.h"
#include "load.h"
#include "model.h"
#include "sched.h"
#include "store.h"
#include "util.h"

/*
 * Usage: store [-g] [-r N] [-d DB] [PROGRAM.yaml...]
 *
 * Loads and schedules the files as planner plan does, staffs them
 * (assign_plan(), or with -g greedily as bench/calendars -g does: each
 * seat to the next person, in roster order, of an agency taking part,
 * so a size whose staffing takes long can still be stored), then runs
 * the store phase of planner plan --db DB N times (default 2: into DB
 * as it is, then over it with the same plan, which must store nothing
 * new) and prints one line per run: wall and CPU seconds (user and
 * system) of each step and of the phase, how many revisions were
 * stored and left unchanged, peak memory and the file's size. The
 * steps are those planner plan takes: opening the database
 * (cmd_db_open), the roles held in other stored exercises that
 * staffing counts (store_commitments, timed here but counted in plan's
 * "assign"), the progress and calendar numbers read before the files
 * are written (cmd_db_progress) and the revisions stored after
 * (cmd_db_store_plan). With no -d the database is a new file in a
 * temporary directory, removed after; with no file it stores
 * examples/border-series-2027.yaml (make bench runs it so). Set
 * SOURCE_DATE_EPOCH for the same rows as planner plan stores. It is a
 * measurement, not a test: it fails only when it cannot run.
 */

/* A step's wall and CPU seconds, from its start. */
struct lap {
	double w, c;
};

static struct lap
lap_start(void)
{
	struct lap l = { bench_wall(), bench_cpu() };

	return l;
}

static struct lap
lap_since(struct lap l)
{
	struct lap d = { bench_wall() - l.w, bench_cpu() - l.c };

	return d;
}

/* The ids of the exercises planned, for store_commitments() to skip. */
static int
commitments(struct store *s, const struct plan *p, size_t *n)
{
	const char **ids = xcalloc(p->nexercises + 1, sizeof(char *));
	struct store_commitments *cm = NULL;
	char *cause = NULL;
	size_t i;
	int rc;

	for (i = 0; i < p->nexercises; i++)
		ids[i] = p->exercises[i].ex->id;
	if ((rc = store_begin_read(s, &cause)) == 0)
		rc = store_commitments(s, ids, p->nexercises, &cm, &cause);
	store_rollback(s);
	free(ids);
	*n = cm != NULL ? cm->n : 0;
	store_commitments_free(cm);
	if (rc == -1) {
		fprintf(stderr, "store: %s\n", cause);
		free(cause);
	}
	return rc;
}

/* One store phase; prints its line. -1 when a step failed (said why). */
static int
store_once(const char *db, struct plan *p, const struct load_source_list *src,
    int run)
{
	struct cmd_db_progress pg = {0};
	struct lap t0 = lap_start(), t, open, cm, prog, put, all;
	struct store *s;
	struct rusage ru;
	struct stat sb;
	char *report = NULL, *line;
	size_t ncm = 0, stored = 0, unchanged = 0;

	t = lap_start();
	if ((s = cmd_db_open(db, STORE_CREATE)) == NULL)
		return -1;
	open = lap_since(t);
	t = lap_start();
	if (commitments(s, p, &ncm) == -1)
		goto fail;
	cm = lap_since(t);
	t = lap_start();
	if (cmd_db_progress(s, p, src, &pg) == -1)
		goto fail;
	prog = lap_since(t);
	t = lap_start();
	if (cmd_db_store_plan(s, p, &pg, &report) == -1)
		goto fail;
	put = lap_since(t);
	store_close(s);
	s = NULL;
	all = lap_since(t0);
	for (line = report; line != NULL && *line != '\0';
	    line = strchr(line, '\n') != NULL ? strchr(line, '\n') + 1 :
	    NULL) {
		stored += strncmp(line, "stored:", 7) == 0;
		unchanged += strncmp(line, "unchanged:", 10) == 0;
	}
	getrusage(RUSAGE_SELF, &ru);
	printf("store run %d seconds %.3f cpu %.3f open %.3f/%.3f "
	    "commitments %.3f/%.3f progress %.3f/%.3f put %.3f/%.3f "
	    "commitment_rows %zu stored %zu unchanged %zu rss_MiB %ld "
	    "db_MiB %.1f\n", run, all.w, all.c, open.w, open.c, cm.w, cm.c,
	    prog.w, prog.c, put.w, put.c, ncm, stored, unchanged,
	    ru.ru_maxrss / 1024, stat(db, &sb) == 0 ?
	    (double)sb.st_size / (1024 * 1024) : 0.0);
	fflush(stdout);
	free(report);
	cmd_db_progress_free(&pg);
	return 0;
fail:
	cmd_db_progress_free(&pg);
	store_close(s);
	return -1;
}

/* Remove the temporary database and its write-ahead log. */
static void
remove_db(const char *dir, const char *db)
{
	static const char *const ext[] = { "", "-wal", "-shm", "-journal" };
	size_t i;

	for (i = 0; i < NELEM(ext); i++) {
		char *f = xasprintf("%s%s", db, ext[i]);

		(void)unlink(f);
		free(f);
	}
	(void)rmdir(dir);
}

int
main(int argc, char **argv)
{
	static char *dflt[] = { "examples/border-series-2027.yaml" };
	struct load_source_list src = {0};
	struct assign_opts o = {0};
	struct diags d = {0};
	struct model *m = NULL;
	struct plan *p = NULL;
	struct lap t;
	char tmpdir[] = "/tmp/planner-bench-store.XXXXXX";
	char **files = dflt, *dbfile = NULL;
	const char *db = NULL;
	size_t nfiles = 1, i;
	int k, runs = 2, greedy = 0, r, rc = 1;

	for (k = 1; k < argc && argv[k][0] == '-'; k++) {
		if (strcmp(argv[k], "-g") == 0)
			greedy = 1;
		else if (strcmp(argv[k], "-r") == 0 && k + 1 < argc)
			runs = atoi(argv[++k]);
		else if (strcmp(argv[k], "-d") == 0 && k + 1 < argc)
			db = argv[++k];
		else
			break;
	}
	if ((k < argc && argv[k][0] == '-') || runs < 1) {
		fprintf(stderr, "usage: store [-g] [-r N] [-d DB] "
		    "[PROGRAM.yaml...]\n");
		return 2;
	}
	if (k < argc) {
		files = argv + k;
		nfiles = (size_t)(argc - k);
	}
	if ((m = load_files_recorded(files, nfiles, &d, &src)) == NULL ||
	    (p = sched_plan(m, &d)) == NULL) {
		for (i = 0; i < d.n; i++) {
			char *s = diag_format(&d.v[i]);

			fprintf(stderr, "%s\n", s);
			free(s);
		}
		fprintf(stderr, "store: cannot load or schedule\n");
		goto out;
	}
	t = lap_start();
	if (greedy)
		bench_staff_greedily(p);
	else
		assign_plan(p, &o, &d);
	t = lap_since(t);
	printf("staffing %s seconds %.3f cpu %.3f exercises %zu\n",
	    greedy ? "greedy" : "assign_plan", t.w, t.c, p->nexercises);
	fflush(stdout);
	if (db == NULL) {
		if (mkdtemp(tmpdir) == NULL) {
			fprintf(stderr, "store: cannot create '%s': %s\n",
			    tmpdir, strerror(errno));
			goto out;
		}
		db = dbfile = xasprintf("%s/planner.db", tmpdir);
	}
	for (r = 0; r < runs; r++)
		if (store_once(db, p, &src, r + 1) == -1)
			goto out;
	rc = 0;
out:
	if (dbfile != NULL) {
		remove_db(tmpdir, dbfile);
		free(dbfile);
	}
	plan_free(p);
	model_free(m);
	load_source_list_free(&src);
	diags_free(&d);
	return rc;
}
