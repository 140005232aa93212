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

/* Print every diagnostic, sorted by place; returns the error count. */
size_t msg_diags(struct diags *d);

#endif
