/* print_table.c: tables whose cells wrap and whose rows break across pages, header repeated on each. */
#include <stdlib.h>

#include "print_impl.h"

#define PAD_X	4.0	/* cell padding, left and right */
#define PAD_Y	3.0	/* cell padding, top and bottom */
#define BOX	9.0	/* checkbox side */

static void
grid(cairo_t *cr, const double *x, size_t n, double y0, double y1)
{
	size_t i;

	cairo_save(cr);
	cairo_set_source_rgb(cr, 0.5, 0.5, 0.5);
	cairo_set_line_width(cr, 0.5);
	for (i = 0; i < n; i++)
		cairo_rectangle(cr, x[i], y0, x[i + 1] - x[i], y1 - y0);
	cairo_stroke(cr);
	cairo_restore(cr);
}

static double
header_height(struct print_table *t)
{
	double h = 0;
	size_t i;

	for (i = 0; i < t->ncols; i++) {
		PangoLayout *l;
		char *s = print_esc(t->cols[i].title);
		int lh;

		l = print_doc_layout(t->d, s, t->size, 1,
		    t->x[i + 1] - t->x[i] - 2 * PAD_X);
		pango_layout_get_size(l, NULL, &lh);
		if ((double)lh / PANGO_SCALE > h)
			h = (double)lh / PANGO_SCALE;
		g_object_unref(l);
		free(s);
	}
	return h + 2 * PAD_Y;
}

static void
draw_header(struct print_table *t)
{
	struct print_doc *d = t->d;
	double h = t->hh;
	size_t i;

	cairo_set_source_rgb(d->cr, 0.88, 0.90, 0.93);
	cairo_rectangle(d->cr, t->x[0], d->y, t->x[t->ncols] - t->x[0], h);
	cairo_fill(d->cr);
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	for (i = 0; i < t->ncols; i++) {
		PangoLayout *l;
		char *s = print_esc(t->cols[i].title);

		l = print_doc_layout(d, s, t->size, 1,
		    t->x[i + 1] - t->x[i] - 2 * PAD_X);
		cairo_move_to(d->cr, t->x[i] + PAD_X, d->y + PAD_Y);
		pango_cairo_show_layout(d->cr, l);
		g_object_unref(l);
		free(s);
	}
	grid(d->cr, t->x, t->ncols, d->y, d->y + h);
	d->y += h;
	t->header_page = d->page;
}

void
print_table_begin(struct print_table *t, struct print_doc *d,
    const struct print_col *cols, size_t ncols, double size, double minrow)
{
	double total = 0, at;
	size_t i;

	t->d = d;
	t->cols = cols;
	t->ncols = ncols;
	t->size = size;
	t->minrow = minrow;
	t->header_page = 0;
	/* The body's width depends on the page's orientation. */
	print_doc_need(d, 0);
	t->x = xreallocarray(NULL, ncols + 1, sizeof(*t->x));
	for (i = 0; i < ncols; i++)
		total += cols[i].share;
	at = d->x0;
	for (i = 0; i < ncols; i++) {
		t->x[i] = at;
		at += (d->x1 - d->x0) * cols[i].share / total;
	}
	t->x[ncols] = d->x1;
	t->hh = header_height(t);
}

void
print_table_row(struct print_table *t, const struct print_cell *cells)
{
	struct print_doc *d = t->d;
	PangoLayout **l = xcalloc(t->ncols, sizeof(*l));
	int *next = xcalloc(t->ncols, sizeof(*next));
	int first = 1, fresh;
	double need = t->minrow, hh = t->hh, body, line;
	size_t i;

	for (i = 0; i < t->ncols; i++) {
		double h = BOX;
		int lh;

		if (cells[i].kind == PRINT_CELL_TEXT) {
			l[i] = print_doc_layout(d, cells[i].markup,
			    t->size, 0, t->x[i + 1] - t->x[i] - 2 * PAD_X);
			pango_layout_get_size(l[i], NULL, &lh);
			h = (double)lh / PANGO_SCALE;
		}
		if (h + 2 * PAD_Y > need)
			need = h + 2 * PAD_Y;
	}
	/*
	 * A row that fits on a page never breaks: it goes whole to the
	 * next page. A longer one starts here if a few lines fit, and
	 * breaks between lines.
	 */
	print_doc_need(d, 0);
	body = d->y1 - d->y0 - hh;
	line = t->size * 1.25;
	if (d->y + (t->header_page != d->page ? hh : 0) + need > d->y1 &&
	    (need <= body || d->y1 - d->y - hh < 4 * line + 2 * PAD_Y))
		print_doc_page(d);
	for (;;) {
		double top, used = 0, h;
		int done = 1;

		if (t->header_page != d->page)
			draw_header(t);
		top = d->y;
		fresh = top <= d->y0 + hh + 0.01;
		for (i = 0; i < t->ncols; i++) {
			double u;

			if (cells[i].kind != PRINT_CELL_TEXT) {
				if (first)
					print_doc_checkbox(d->cr,
					    t->x[i] + (t->x[i + 1] - t->x[i] -
					    BOX) / 2, top + PAD_Y + 1, BOX,
					    cells[i].kind ==
					    PRINT_CELL_TICKED);
				continue;
			}
			if (next[i] >= pango_layout_get_line_count(l[i]))
				continue;
			next[i] = print_doc_lines(d->cr, l[i], next[i],
			    t->x[i] + PAD_X, top + PAD_Y, d->y1 - PAD_Y,
			    fresh, &u);
			if (u > used)
				used = u;
			if (next[i] < pango_layout_get_line_count(l[i]))
				done = 0;
		}
		h = used + 2 * PAD_Y;
		if (first && h < need && done)
			h = need;
		if (!done || top + h > d->y1)
			h = d->y1 - top;
		grid(d->cr, t->x, t->ncols, top, top + h);
		d->y = top + h;
		first = 0;
		if (done)
			break;
		print_doc_page(d);
	}
	for (i = 0; i < t->ncols; i++)
		if (l[i] != NULL)
			g_object_unref(l[i]);
	free(l);
	free(next);
}

void
print_table_end(struct print_table *t)
{
	free(t->x);
	t->x = NULL;
	t->d->y += 8;
}
