/* diag.h: diagnostics collected with their location, printed by commands. */
#ifndef PLANNER_DIAG_H
#define PLANNER_DIAG_H

#include <stddef.h>

#include "util.h"

enum diag_level { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE };

/* One message about one place. line and col are 1-based; 0 means the
 * place is the whole file (or, with no file, the whole run). */
struct diag {
	enum diag_level level;
	char *file;
	int line, col;
	char *msg;
};

/* Every diagnostic of a run, in the order found. Initialise with {0}. */
struct diags {
	struct diag *v;
	size_t n, cap;
	size_t nerrors;
};

/* Add a message; file may be NULL. Control characters in it are kept
 * as C escapes (a line feed as \n), so a message is one line. These
 * functions can't fail. */
void diag_add(struct diags *d, enum diag_level level, const char *file,
    int line, int col, const char *fmt, ...) PRINTF_LIKE(6, 7);
void diag_vadd(struct diags *d, enum diag_level level, const char *file,
    int line, int col, const char *fmt, va_list ap) PRINTF_LIKE(6, 0);

/* msg (which this takes) with every control character written as a C
 * escape ("\n", "\x1b"), so that it stays one line and cannot drive a
 * terminal; the caller frees the result. It can't fail. */
char *diag_escape(char *msg);

/* Stable sort by file name then position, so messages read top-down. */
void diag_sort(struct diags *d);

/* Format one diagnostic as "file:line:col: error: msg"; caller frees. */
char *diag_format(const struct diag *dg);

/* Release every message; d may be reused afterwards. */
void diags_free(struct diags *d);

#endif
