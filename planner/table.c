/* table.c: aligned text tables, the readable form of every query's answer. */
#include "table.h"

#include <stdlib.h>
#include <string.h>

struct row {
	char **cells;
	size_t n, cap;
};

struct table {
	struct row *rows;
	size_t n, cap;
};

struct table *
table_new(void)
{
	return xcalloc(1, sizeof(struct table));
}

void
table_free(struct table *t)
{
	size_t i, j;

	if (t == NULL)
		return;
	for (i = 0; i < t->n; i++) {
		for (j = 0; j < t->rows[i].n; j++)
			free(t->rows[i].cells[j]);
		free(t->rows[i].cells);
	}
	free(t->rows);
	free(t);
}

void
table_row(struct table *t)
{
	struct row *r = &VEC_PUSH(t->rows, t->n, t->cap);

	memset(r, 0, sizeof(*r));
}

void
table_cell(struct table *t, const char *s)
{
	struct row *r;
	char *c;
	size_t i;

	if (t->n == 0)
		table_row(t);
	r = &t->rows[t->n - 1];
	c = xstrdup(s != NULL ? s : "-");
	for (i = 0; c[i] != '\0'; i++)
		if ((unsigned char)c[i] < 0x20 || c[i] == 0x7f)
			c[i] = ' ';
	VEC_PUSH(r->cells, r->n, r->cap) = c;
}

void
table_cellf(struct table *t, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	table_cell(t, s);
	free(s);
}

/* Characters in UTF-8 text: every byte that does not continue one. */
static size_t
width(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

char *
table_text(const struct table *t, const char *indent)
{
	struct sb b = {0};
	size_t *w, ncols = 0, i, j, k;

	for (i = 0; i < t->n; i++)
		if (t->rows[i].n > ncols)
			ncols = t->rows[i].n;
	w = xcalloc(ncols + 1, sizeof(*w));
	for (i = 0; i < t->n; i++)
		for (j = 0; j < t->rows[i].n; j++)
			if (width(t->rows[i].cells[j]) > w[j])
				w[j] = width(t->rows[i].cells[j]);
	for (i = 0; i < t->n; i++) {
		const struct row *r = &t->rows[i];
		size_t start = b.len;

		sb_puts(&b, indent);
		for (j = 0; j < r->n; j++) {
			sb_puts(&b, r->cells[j]);
			if (j + 1 == r->n)
				break;
			for (k = width(r->cells[j]); k < w[j] + 2; k++)
				sb_putc(&b, ' ');
		}
		while (b.len > start && b.s[b.len - 1] == ' ')
			b.len--;
		sb_putc(&b, '\n');
	}
	free(w);
	return sb_take(&b);
}
