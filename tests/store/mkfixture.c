/* mkfixture.c: writes a database at an old schema version, for tests/store/vN.sql. */
/*
 * The fixtures of the migration tests are databases as an older planner
 * left them. This program makes one with today's code stopped at schema
 * version N (store_open_version), so the data is what that version held:
 * tests/store/drill.yaml planned, item #1 checked off and #2 undone.
 * Build and run it from the top of the tree, then dump the file:
 *
 *   make BUILD=build all
 *   cc -std=c11 -Iplanner -o mkfixture tests/store/mkfixture.c \
 *       $(ls build/obj/*.o | grep -v 'main.o\|cmd_') \
 *       $(pkg-config --libs yaml-0.1 libical sqlite3 cairo pangocairo \
 *       json-c nettle) -lm
 *   SOURCE_DATE_EPOCH=1800000000 ./mkfixture 1 v1.db
 *   /usr/bin/python3 tests/store/dump.py v1.db 1 > tests/store/v1.sql
 *
 * Only needed when a new schema version is added: the old fixtures stay.
 */
#include <stdio.h>
#include <stdlib.h>

#include "load.h"
#include "revision.h"
#include "sched.h"
#include "store.h"

int
main(int argc, char **argv)
{
	char *files[] = { "tests/store/drill.yaml" };
	struct load_source_list src = {0};
	struct diags d = {0};
	struct store *s;
	struct model *m;
	struct plan *p;
	char *cause = NULL;
	int n, fresh;

	if (argc != 3) {
		fprintf(stderr, "usage: mkfixture VERSION FILE\n");
		return 2;
	}
	if ((m = load_files_recorded(files, 1, &d, &src)) == NULL ||
	    (p = sched_plan(m, &d)) == NULL) {
		fprintf(stderr, "mkfixture: cannot plan %s\n", files[0]);
		return 1;
	}
	if (store_open_version(argv[2], STORE_CREATE, atoi(argv[1]), &s,
	    &cause) == -1 ||
	    revision_store(s, p, &src, "2027-01-15T08:00:00Z", &n, &fresh,
	    &cause) == -1 ||
	    store_begin(s, &cause) == -1 ||
	    store_check(s, 1, 1, "ana-ruiz", "2027-01-15T08:00:00Z",
	    "sent before the upgrade", &cause) == -1 ||
	    store_check(s, 2, 1, "bo-lee", "2027-01-15T08:00:00Z", NULL,
	    &cause) == -1 ||
	    store_check(s, 2, 0, "bo-lee", "2027-01-15T09:00:00Z", "not yet",
	    &cause) == -1 ||
	    store_commit(s, &cause) == -1) {
		fprintf(stderr, "mkfixture: %s\n", cause);
		return 1;
	}
	store_close(s);
	plan_free(p);
	model_free(m);
	load_source_list_free(&src);
	diags_free(&d);
	return 0;
}
