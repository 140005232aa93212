/* msg.c: every message planner prints for a person goes through here. */
#include <stdio.h>
#include <stdlib.h>

#include "msg.h"

static void
vsay(const char *level, const char *fmt, va_list ap)
{
	char *s = xvasprintf(fmt, ap);

	fprintf(stderr, "planner: %s%s\n", level, s);
	free(s);
}

void
msg_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay("", fmt, ap);
	va_end(ap);
}

void
msg_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay("warning: ", fmt, ap);
	va_end(ap);
}

size_t
msg_diags(struct diags *d)
{
	size_t i;

	diag_sort(d);
	for (i = 0; i < d->n; i++) {
		char *s;

		/* A message about no file in particular reads like any other
		 * of planner's own. */
		if (d->v[i].file == NULL) {
			fprintf(stderr, "planner: %s%s\n", d->v[i].level ==
			    DIAG_ERROR ? "" : "warning: ", d->v[i].msg);
			continue;
		}
		s = diag_format(&d->v[i]);

		fprintf(stderr, "%s\n", s);
		free(s);
	}
	if (d->nerrors > 1)
		fprintf(stderr, "planner: %zu errors\n", d->nerrors);
	return d->nerrors;
}
