/* paths.h: where bundled data lives and how relative paths in documents resolve. */
#ifndef PLANNER_PATHS_H
#define PLANNER_PATHS_H

/*
 * The directory that holds templates/ and templates/calendars/:
 * $PLANNER_DATADIR if set, else the source tree the binary was built
 * in (build/planner -> ./templates), else the installed
 * $(PREFIX)/share/planner. Borrowed; it can't fail.
 */
const char *paths_datadir(void);

/* rel resolved against the directory of base (a file); caller frees. */
char *paths_relative(const char *base, const char *rel);

/* Does s name a file ("x.yaml", "dir/x") rather than a bundled name? */
int paths_is_path(const char *s);

/*
 * A safe file name for an id: letters, digits, '-', '_' and '.' kept,
 * anything else (and a leading '.') replaced by '_'. Caller frees.
 */
char *paths_safe_name(const char *id);

#endif
