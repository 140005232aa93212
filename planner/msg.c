/* msg.c: every message planner prints for a person goes through here. */
#include <stdio.h>
#include <stdlib.h>

#include "msg.h"
#include "progress.h"

static void
vsay(const char *level, const char *fmt, va_list ap)
{
	/* Names quoted from the input may hold line breaks or escapes. */
	char *s = diag_escape(xvasprintf(fmt, ap));

	progress_clear();	/* not after a half-drawn progress line */
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

void
msg_line(const char *fmt, ...)
{
	va_list ap;
	char *s, *p;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	for (p = s; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = ' ';
	puts(s);
	free(s);
}

size_t
msg_diags(struct diags *d)
{
	size_t i, shown, rest_errors = 0;

	diag_sort(d);
	shown = d->n < MSG_MAX_DIAGS ? d->n : MSG_MAX_DIAGS;
	for (i = 0; i < shown; i++) {
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
	/* A roster where 20,000 people lack a key would bury the terminal
	 * and the first causes with them: the first ones, fixed, usually
	 * fix the rest. */
	for (i = shown; i < d->n; i++)
		if (d->v[i].level == DIAG_ERROR)
			rest_errors++;
	if (d->n > shown && rest_errors == d->n - shown)
		fprintf(stderr, "planner: %zu more errors not shown\n",
		    rest_errors);
	else if (d->n > shown)
		fprintf(stderr, "planner: %zu more messages not shown, %zu of "
		    "them errors\n", d->n - shown, rest_errors);
	if (d->nerrors > 1)
		fprintf(stderr, "planner: %zu errors\n", d->nerrors);
	return d->nerrors;
}
