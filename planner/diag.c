/* diag.c: diagnostics collected with their location, printed by commands. */
#include "diag.h"

#include <stdlib.h>
#include <string.h>

/*
 * Control characters quoted from hostile input (a name holding "\r\n",
 * an ANSI escape) are written as C escapes, so that one message stays
 * one line and cannot forge another or drive the terminal.
 */
static char *
escape_controls(char *msg)
{
	struct sb b = { 0 };
	const unsigned char *p;

	for (p = (const unsigned char *)msg; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f)
			break;
	if (*p == '\0')
		return msg;
	sb_putn(&b, msg, (size_t)((const char *)p - msg));
	for (; *p != '\0'; p++) {
		if (*p == '\n')
			sb_puts(&b, "\\n");
		else if (*p == '\r')
			sb_puts(&b, "\\r");
		else if (*p == '\t')
			sb_puts(&b, "\\t");
		else if (*p < 0x20 || *p == 0x7f)
			sb_printf(&b, "\\x%02x", *p);
		else
			sb_putc(&b, (char)*p);
	}
	free(msg);
	return sb_take(&b);
}

void
diag_vadd(struct diags *d, enum diag_level level, const char *file,
    int line, int col, const char *fmt, va_list ap)
{
	struct diag *dg = &VEC_PUSH(d->v, d->n, d->cap);

	dg->level = level;
	dg->file = file ? xstrdup(file) : NULL;
	dg->line = line;
	dg->col = col;
	dg->msg = escape_controls(xvasprintf(fmt, ap));
	if (level == DIAG_ERROR)
		d->nerrors++;
}

void
diag_add(struct diags *d, enum diag_level level, const char *file,
    int line, int col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vadd(d, level, file, line, col, fmt, ap);
	va_end(ap);
}

static int
diag_cmp(const struct diag *a, const struct diag *b)
{
	int c;

	if (a->file == NULL || b->file == NULL)
		c = (a->file == NULL) - (b->file == NULL);
	else
		c = strcmp(a->file, b->file);
	if (c != 0)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return 0;
}

/* Insertion sort: stable, and runs are short and nearly sorted. */
void
diag_sort(struct diags *d)
{
	size_t i, j;

	for (i = 1; i < d->n; i++) {
		struct diag tmp = d->v[i];

		for (j = i; j > 0 && diag_cmp(&d->v[j - 1], &tmp) > 0; j--)
			d->v[j] = d->v[j - 1];
		d->v[j] = tmp;
	}
}

char *
diag_format(const struct diag *dg)
{
	static const char *const names[] = { "error", "warning", "note" };
	const char *lv = names[dg->level];

	if (dg->file == NULL)
		return xasprintf("%s: %s", lv, dg->msg);
	if (dg->line <= 0)
		return xasprintf("%s: %s: %s", dg->file, lv, dg->msg);
	if (dg->col <= 0)
		return xasprintf("%s:%d: %s: %s", dg->file, dg->line, lv,
		    dg->msg);
	return xasprintf("%s:%d:%d: %s: %s", dg->file, dg->line, dg->col, lv,
	    dg->msg);
}

void
diags_free(struct diags *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].msg);
	}
	free(d->v);
	memset(d, 0, sizeof(*d));
}
