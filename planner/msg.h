/* msg.h: every message planner prints for a person goes through here. */
#ifndef PLANNER_MSG_H
#define PLANNER_MSG_H

#include "diag.h"
#include "util.h"

/* Exit statuses, as the manual page lists them. */
#define EXIT_INPUT	1	/* bad input, infeasible plan, or I/O error */
#define EXIT_USAGE	2	/* bad command line */

/* "planner: <message>" on standard error. These can't fail. */
void msg_error(const char *fmt, ...) PRINTF_LIKE(1, 2);
void msg_warn(const char *fmt, ...) PRINTF_LIKE(1, 2);

/*
 * One line of output on standard output, then a line feed: every
 * control character in it (a CR or an escape sequence in a name from
 * the input) is printed as a space, so that text cannot forge lines or
 * drive the terminal. It can't fail (stdio errors are caught at exit).
 */
void msg_line(const char *fmt, ...) PRINTF_LIKE(1, 2);

/* At most this many diagnostics are printed by msg_diags(). */
#define MSG_MAX_DIAGS	50

/*
 * Print the diagnostics sorted by place, the first MSG_MAX_DIAGS of
 * them, then how many more were not shown, then "planner: N errors"
 * when there are several; returns the error count (all of them, shown
 * or not). It can't fail.
 */
size_t msg_diags(struct diags *d);

#endif
