/* table.h: aligned text tables, the readable form of every query's answer. */
#ifndef PLANNER_TABLE_H
#define PLANNER_TABLE_H

#include "util.h"

struct table;

/* An empty table; free with table_free(). This function can't fail. */
struct table *table_new(void);
void table_free(struct table *t);	/* NULL is a no-op */

/* Start a row; cells are then added left to right. Can't fail. */
void table_row(struct table *t);

/*
 * Add a cell to the current row: s is copied; NULL shows as "-".
 * Control characters (line breaks, escape sequences from hostile input)
 * become spaces, so a cell stays on its line and cannot drive the
 * terminal. These can't fail.
 */
void table_cell(struct table *t, const char *s);
void table_cellf(struct table *t, const char *fmt, ...) PRINTF_LIKE(2, 3);

/*
 * The rows as text, each line starting with indent: columns padded to
 * the widest cell (counted in characters, not bytes) and two spaces
 * apart, no trailing blanks, a newline after each row. Caller frees.
 * This function can't fail.
 */
char *table_text(const struct table *t, const char *indent);

#endif
