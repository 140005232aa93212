/* load.h: read YAML documents and everything they refer to into one checked model. */
#ifndef PLANNER_LOAD_H
#define PLANNER_LOAD_H

#include <stddef.h>

#include "diag.h"
#include "model.h"

/* Bounds on one run against hostile or runaway input; passing one is an
 * error at the first thing over it, not a slow or exhausted plan. */
#define LOAD_MAX_AGENCIES	1000
#define LOAD_MAX_PEOPLE		20000
#define LOAD_MAX_EVENTS		2000	/* events of one template */
#define LOAD_MAX_EXERCISES	5000	/* a national program: 2,000 a year */

/*
 * Load the files named, then every file their documents refer to:
 * rosters and templates of exercises (paths relative to the file, or
 * bundled template names), and agencies' holiday calendars. Checks
 * every key and reference, applies each exercise's overrides to its own
 * copy of the template.
 *
 * Returns the model (free with model_free), or NULL when any error was
 * found; every error, from every file, is in d with its location.
 */
struct model *load_files(char *const *paths, size_t n, struct diags *d);

/* One file as the loader read it, for keeping a plan's inputs. */
struct load_source {
	char *name;	/* the path the loader used; relative to the data
			 * directory when bundled */
	int bundled;	/* read from the data directory (paths_datadir) */
	int root;	/* named by the caller, not through a reference */
	char *text;	/* heap, NUL-terminated; len bytes */
	size_t len;
};

/* The files of one load, in the order read. Initialise with {0}. */
struct load_source_list {
	struct load_source *v;
	size_t n, cap;
};

/*
 * As load_files, and append every file read (YAML documents and the
 * .ics calendars agencies import) to *rec, whether or not the load
 * succeeds; the caller frees *rec with load_source_list_free().
 */
struct model *load_files_recorded(char *const *paths, size_t n,
    struct diags *d, struct load_source_list *rec);

/*
 * Load documents recorded by load_files_recorded() instead of files, as
 * if their roots were named: references resolve among them by the names
 * recorded, bundled ones wherever the data directory is now. Returns as
 * load_files. src is borrowed.
 */
struct model *load_sources(const struct load_source_list *src,
    struct diags *d);

/* Free every name and text of l and empty it. */
void load_source_list_free(struct load_source_list *l);

/* The bundled template files, sorted; caller frees with load_list_free. */
char **load_bundled_templates(size_t *n);
void load_list_free(char **v, size_t n);

/*
 * Call fn with every key path the loader accepts, per kind
 * ("Template", "events[].window"), for the test that holds
 * docs/format.md to the loader.
 */
void load_walk_keys(void (*fn)(const char *kind, const char *path,
    void *arg), void *arg);

#endif
