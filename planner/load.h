/* load.h: read YAML documents and everything they refer to into one checked model. */
#ifndef PLANNER_LOAD_H
#define PLANNER_LOAD_H

#include <stddef.h>

#include "diag.h"
#include "model.h"

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
