/* diag.c: diagnostics collected with their location, printed by commands. */
#include "diag.h"

#include <stdlib.h>
#include <string.h>

/*
 * Control characters quoted from hostile input (a name holding "\r\n",
 * an ANSI escape) are written as C escapes, so that one message stays
 * one line and cannot forge another or drive the terminal.
 */
char *
diag_escape(char *msg)
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
	dg->msg = diag_escape(xvasprintf(fmt, ap));
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

/* qsort is not stable: entries in v are in the order found, so their
 * addresses break ties. */
static int
diag_ptr_cmp(const void *a, const void *b)
{
	const struct diag *x = *(const struct diag *const *)a;
	const struct diag *y = *(const struct diag *const *)b;
	int c = diag_cmp(x, y);

	if (c != 0)
		return c;
	return x < y ? -1 : x > y;
}

/* Stable and O(n log n): a file with 20,000 errors must not stall. */
void
diag_sort(struct diags *d)
{
	const struct diag **order;
	struct diag *sorted;
	size_t i;

	if (d->n < 2)
		return;
	order = xcalloc(d->n, sizeof(*order));
	for (i = 0; i < d->n; i++)
		order[i] = &d->v[i];
	qsort(order, d->n, sizeof(*order), diag_ptr_cmp);
	sorted = xcalloc(d->cap, sizeof(*sorted));
	for (i = 0; i < d->n; i++)
		sorted[i] = *order[i];
	free(order);
	free(d->v);
	d->v = sorted;
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
