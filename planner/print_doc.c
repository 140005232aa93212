/* print_doc.c: PDF pages with a header and a "page x of y" footer, and the text that flows down them. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>

#include "print_impl.h"

#include "config.h"	/* PLANNER_VERSION */

/* Paper in points (1/72 inch), portrait. */
static const double paper_size[][2] = {
	[PRINT_LETTER] = { 612.0, 792.0 },
	[PRINT_A4] = { 595.27559, 841.88976 },
};

#define MARGIN		40.0	/* left and right */
#define BODY_TOP	76.0	/* below the header */
#define BODY_BOTTOM	58.0	/* above the footer, from the bottom edge */

static const char *const wdays[] = {
	"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"
};

static void
local(const struct tz *z, ptime t, pdate *d, int *secs)
{
	if (z != NULL) {
		tz_to_local(z, t, d, secs);
		return;
	}
	*d = date_of(t);
	*secs = (int)(t - (ptime)*d * SECS_PER_DAY);
}

void
print_date(const struct tz *z, ptime t, char buf[static 16])
{
	char ymd[11];
	pdate d;
	int secs;

	local(z, t, &d, &secs);
	date_format(d, ymd);
	snprintf(buf, 16, "%s %s", wdays[date_weekday(d)], ymd);
}

void
print_clock(const struct tz *z, ptime t, char buf[static 8])
{
	pdate d;
	int secs;

	local(z, t, &d, &secs);
	snprintf(buf, 8, "%02d:%02d", secs / 3600 % 24, secs / 60 % 60);
}

void
print_no_hyphens(PangoLayout *l)
{
	PangoAttrList *old = pango_layout_get_attributes(l);
	PangoAttrList *al = old != NULL ? pango_attr_list_copy(old) :
	    pango_attr_list_new();

	pango_attr_list_insert(al, pango_attr_insert_hyphens_new(FALSE));
	pango_layout_set_attributes(l, al);
	pango_attr_list_unref(al);
}

char *
print_esc(const char *s)
{
	struct sb b = {0};

	for (; s != NULL && *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		switch (c) {
		case '&': sb_puts(&b, "&amp;"); break;
		case '<': sb_puts(&b, "&lt;"); break;
		case '>': sb_puts(&b, "&gt;"); break;
		case '\'': sb_puts(&b, "&#39;"); break;
		case '"': sb_puts(&b, "&quot;"); break;
		default:
			/* Markup may not hold control characters but
			 * line breaks; a tab would print as nothing. */
			if ((c < 0x20 && c != '\n') || c == 0x7f)
				c = ' ';
			sb_putc(&b, (char)c);
		}
	}
	return sb_take(&b);
}

PangoLayout *
print_layout(PangoContext *ctx, const char *markup, double size, int bold,
    double width, int maxlines)
{
	PangoLayout *l = pango_layout_new(ctx);
	PangoFontDescription *fd = pango_font_description_from_string(
	    PRINT_FONT);

	pango_font_description_set_size(fd, (gint)(size * PANGO_SCALE));
	if (bold)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	if (width > 0) {
		pango_layout_set_width(l, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
		if (maxlines > 0) {
			pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
			pango_layout_set_height(l, -maxlines);
		}
	}
	pango_layout_set_markup(l, markup != NULL ? markup : "", -1);
	print_no_hyphens(l);
	return l;
}

PangoLayout *
print_doc_layout(struct print_doc *d, const char *markup, double size,
    int bold, double width)
{
	return print_layout(d->pango, markup, size, bold, width, 0);
}

/* Draw markup at x, y (top left) and return its height. */
static double
show(struct print_doc *d, const char *markup, double size, int bold,
    double x, double y, double width, PangoAlignment align)
{
	PangoLayout *l = print_doc_layout(d, markup, size, bold, width);
	int h;

	pango_layout_set_alignment(l, align);
	if (align != PANGO_ALIGN_LEFT)
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	cairo_move_to(d->cr, x, y);
	pango_cairo_show_layout(d->cr, l);
	pango_layout_get_size(l, NULL, &h);
	g_object_unref(l);
	return (double)h / PANGO_SCALE;
}

/* One line of markup at x, y, cut with an ellipsis past width. */
static void
show_line(struct print_doc *d, const char *markup, double size, int bold,
    double x, double y, double width, PangoAlignment align)
{
	PangoLayout *l = print_doc_layout(d, markup, size, bold, width);

	pango_layout_set_alignment(l, align);
	pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	cairo_move_to(d->cr, x, y);
	pango_cairo_show_layout(d->cr, l);
	g_object_unref(l);
}

static void
rule(cairo_t *cr, double x0, double x1, double y)
{
	cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);
	cairo_set_line_width(cr, 0.6);
	cairo_move_to(cr, x0, y);
	cairo_line_to(cr, x1, y);
	cairo_stroke(cr);
	cairo_set_source_rgb(cr, 0, 0, 0);
}

static void
draw_frame(struct print_doc *d)
{
	const struct print_frame *f = d->frame;
	double bw = d->x1 - d->x0, dates_w;
	PangoLayout *l;
	char *s, *t;
	int dw;

	if (f->marking != NULL && f->marking[0] != '\0') {
		s = print_esc(f->marking);
		cairo_set_source_rgb(d->cr, 0.6, 0, 0);
		show_line(d, s, 10, 1, d->x0, 14, bw, PANGO_ALIGN_CENTER);
		show_line(d, s, 10, 1, d->x0, d->h - 27, bw,
		    PANGO_ALIGN_CENTER);
		cairo_set_source_rgb(d->cr, 0, 0, 0);
		free(s);
	}
	/* The dates whole; the exercise name takes what is left. */
	s = print_esc(f->dates);
	l = print_doc_layout(d, s, 10, 0, 0);
	pango_layout_get_size(l, &dw, NULL);
	g_object_unref(l);
	dates_w = (double)dw / PANGO_SCALE;
	if (dates_w > bw * 0.6)
		dates_w = bw * 0.6;
	show_line(d, s, 10, 0, d->x1 - dates_w, 32, dates_w,
	    PANGO_ALIGN_RIGHT);
	free(s);
	s = print_esc(f->exercise);
	show_line(d, s, 12.5, 1, d->x0, 30, bw - dates_w - 12,
	    PANGO_ALIGN_LEFT);
	free(s);
	s = print_esc(f->title);
	cairo_set_source_rgb(d->cr, 0.25, 0.25, 0.25);
	show_line(d, s, 10.5, 0, d->x0, 48, f->caveat != NULL ? bw * 0.5 : bw,
	    PANGO_ALIGN_LEFT);
	free(s);
	if (f->caveat != NULL) {
		s = print_esc(f->caveat);
		cairo_set_source_rgb(d->cr, 0.6, 0, 0);
		show_line(d, s, 9.5, 1, d->x0 + bw * 0.5, 49, bw * 0.5,
		    PANGO_ALIGN_RIGHT);
		free(s);
	}
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	rule(d->cr, d->x0, d->x1, 64);

	rule(d->cr, d->x0, d->x1, d->h - 46);
	s = print_esc(f->generated);
	t = xasprintf("Generated %s \xc2\xb7 plan revision %s", s,
	    f->revision);
	cairo_set_source_rgb(d->cr, 0.3, 0.3, 0.3);
	show_line(d, t, 8.5, 0, d->x0, d->h - 42, bw * 0.7,
	    PANGO_ALIGN_LEFT);
	free(s);
	free(t);
	/* The first run does not know the total yet; its footer is the
	 * same size, so the layout above it is the same. */
	t = xasprintf("Page %d of %d", d->page, d->npages > 0 ? d->npages :
	    d->page);
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	show_line(d, t, 9.5, 0, d->x0 + bw * 0.7, d->h - 42.5, bw * 0.3,
	    PANGO_ALIGN_RIGHT);
	free(t);
}

/* Page size for the orientation asked, applied to the page to come. */
static void
set_size(struct print_doc *d)
{
	double pw = paper_size[d->paper][0], ph = paper_size[d->paper][1];

	d->w = d->landscape ? ph : pw;
	d->h = d->landscape ? pw : ph;
	d->x0 = MARGIN;
	d->x1 = d->w - MARGIN;
	d->y0 = BODY_TOP;
	d->y1 = d->h - BODY_BOTTOM;
	cairo_pdf_surface_set_size(d->surface, d->w, d->h);
}

void
print_doc_landscape(struct print_doc *d, int landscape)
{
	d->landscape = landscape != 0;
}

void
print_doc_page(struct print_doc *d)
{
	if (d->page > 0)
		cairo_show_page(d->cr);
	set_size(d);
	d->page++;
	draw_frame(d);
	d->y = d->y0;
}

void
print_doc_need(struct print_doc *d, double h)
{
	if (d->page == 0 || d->y + h > d->y1 + 0.01 ||
	    (d->landscape && d->w < d->h) || (!d->landscape && d->w > d->h))
		print_doc_page(d);
}

int
print_doc_lines(cairo_t *cr, PangoLayout *l, int first, double x, double y,
    double ymax, int force, double *used)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	double top = 0;
	int i = 0, n = first;

	*used = 0;
	do {
		PangoRectangle r;
		double bottom;

		if (i < first) {
			i++;
			continue;
		}
		pango_layout_iter_get_line_extents(it, NULL, &r);
		if (i == first)
			top = (double)r.y / PANGO_SCALE;
		bottom = (double)(r.y + r.height) / PANGO_SCALE - top;
		if (y + bottom > ymax + 0.01 && !(force && i == first))
			break;
		cairo_move_to(cr, x + (double)r.x / PANGO_SCALE,
		    y + (double)pango_layout_iter_get_baseline(it) /
		    PANGO_SCALE - top);
		pango_cairo_show_layout_line(cr,
		    pango_layout_iter_get_line_readonly(it));
		*used = bottom;
		n = ++i;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	return n;
}

void
print_doc_heading(struct print_doc *d, const char *markup, double size,
    double keep)
{
	PangoLayout *l = print_doc_layout(d, markup, size, 1,
	    d->x1 - d->x0);
	int h;

	pango_layout_get_size(l, NULL, &h);
	print_doc_need(d, (double)h / PANGO_SCALE + keep);
	if (d->y > d->y0)
		d->y += size * 0.6;
	cairo_move_to(d->cr, d->x0, d->y);
	pango_cairo_show_layout(d->cr, l);
	d->y += (double)h / PANGO_SCALE + size * 0.35;
	g_object_unref(l);
}

void
print_doc_para(struct print_doc *d, const char *markup, double size)
{
	PangoLayout *l = print_doc_layout(d, markup, size, 0, d->x1 - d->x0);
	int next = 0, n = pango_layout_get_line_count(l);
	double used;

	print_doc_need(d, size * 1.5);
	for (;;) {
		next = print_doc_lines(d->cr, l, next, d->x0, d->y, d->y1,
		    d->y == d->y0, &used);
		d->y += used;
		if (next >= n)
			break;
		print_doc_page(d);
	}
	d->y += size * 0.5;
	g_object_unref(l);
}

void
print_doc_signature(struct print_doc *d, const char *name)
{
	double bw = d->x1 - d->x0, y;

	print_doc_need(d, 64);
	y = d->y + 34;
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	show(d, "Signature", PRINT_TEXT, 0, d->x0, y - 12, 0,
	    PANGO_ALIGN_LEFT);
	show(d, "Date", PRINT_TEXT, 0, d->x0 + bw * 0.68, y - 12, 0,
	    PANGO_ALIGN_LEFT);
	cairo_set_line_width(d->cr, 0.8);
	cairo_move_to(d->cr, d->x0 + 58, y);
	cairo_line_to(d->cr, d->x0 + bw * 0.64, y);
	cairo_move_to(d->cr, d->x0 + bw * 0.68 + 32, y);
	cairo_line_to(d->cr, d->x1, y);
	cairo_stroke(d->cr);
	show(d, name, PRINT_TEXT - 0.5, 0, d->x0 + 58, y + 3, bw * 0.64 - 58,
	    PANGO_ALIGN_LEFT);
	d->y = y + 30;
}

void
print_doc_checkbox(cairo_t *cr, double x, double y, double s, int ticked)
{
	cairo_save(cr);
	cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_set_line_width(cr, 0.9);
	cairo_rectangle(cr, x, y, s, s);
	cairo_stroke(cr);
	if (ticked) {
		cairo_set_line_width(cr, 1.6);
		cairo_move_to(cr, x + s * 0.18, y + s * 0.52);
		cairo_line_to(cr, x + s * 0.42, y + s * 0.78);
		cairo_line_to(cr, x + s * 0.86, y + s * 0.2);
		cairo_stroke(cr);
	}
	cairo_restore(cr);
}

PangoContext *
print_pango_new(void)
{
	PangoFontMap *fm = pango_cairo_font_map_new();
	PangoContext *ctx = pango_font_map_create_context(fm);
	cairo_font_options_t *fo = cairo_font_options_create();

	/* Unhinted metrics: the same layout on paper, on screen and in
	 * the page-counting run; fixed language: the same line breaks
	 * and fonts whatever the locale. */
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
	pango_cairo_context_set_font_options(ctx, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_round_glyph_positions(ctx, FALSE);
	/* Sizes are points on paper: one unit is one point. */
	pango_cairo_context_set_resolution(ctx, 72.0);
	pango_context_set_language(ctx, pango_language_from_string("en"));
	pango_context_set_base_dir(ctx, PANGO_DIRECTION_LTR);
	g_object_unref(fm);	/* the context holds its own reference */
	return ctx;
}

cairo_status_t
print_stream_keep(void *arg, const unsigned char *data, unsigned int len)
{
	sb_putn(arg, (const char *)data, len);
	return CAIRO_STATUS_SUCCESS;
}

/* The page-counting run's output goes nowhere. */
static cairo_status_t
drop_bytes(void *arg, const unsigned char *data, unsigned int len)
{
	(void)arg;
	(void)data;
	(void)len;
	return CAIRO_STATUS_SUCCESS;
}

int
print_stream_write(const char *path, struct sb *bytes, char **cause)
{
	if (write_file_atomic(path, bytes->s != NULL ? bytes->s : "",
	    bytes->len) == -1) {
		*cause = xasprintf("cannot write '%s': %s", path,
		    strerror(errno));
		return -1;
	}
	return 0;
}

/* One run of build over a fresh surface; returns the cairo status. */
static cairo_status_t
run(struct print_doc *d, int counting, ptime now, print_build_fn *build,
    void *arg)
{
	cairo_status_t st;
	char stamp[32];
	pdate day;
	int y, mo, dd;

	d->landscape = d->start_landscape;
	d->surface = cairo_pdf_surface_create_for_stream(
	    counting ? drop_bytes : print_stream_keep, &d->bytes, 612, 792);
	set_size(d);
	day = date_of(now);
	date_to_ymd(day, &y, &mo, &dd);
	snprintf(stamp, sizeof(stamp), "%04d-%02d-%02dT%02d:%02d:%02dZ",
	    y, mo, dd, (int)((now - (ptime)day * SECS_PER_DAY) / 3600),
	    (int)((now - (ptime)day * SECS_PER_DAY) / 60 % 60),
	    (int)((now - (ptime)day * SECS_PER_DAY) % 60));
	cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_TITLE,
	    d->frame->title);
	cairo_pdf_surface_set_metadata(d->surface,
	    CAIRO_PDF_METADATA_SUBJECT, d->frame->exercise);
	cairo_pdf_surface_set_metadata(d->surface,
	    CAIRO_PDF_METADATA_CREATOR, "planner " PLANNER_VERSION);
	cairo_pdf_surface_set_metadata(d->surface,
	    CAIRO_PDF_METADATA_CREATE_DATE, stamp);
	cairo_pdf_surface_set_metadata(d->surface,
	    CAIRO_PDF_METADATA_MOD_DATE, stamp);
	d->cr = cairo_create(d->surface);
	pango_cairo_update_context(d->cr, d->pango);
	d->page = 0;
	build(d, arg);
	if (d->page == 0)
		print_doc_page(d);
	cairo_show_page(d->cr);
	st = cairo_status(d->cr);
	cairo_destroy(d->cr);
	d->cr = NULL;
	cairo_surface_finish(d->surface);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(d->surface);
	cairo_surface_destroy(d->surface);
	d->surface = NULL;
	return st;
}

int
print_doc_write(const char *path, enum print_paper paper, int landscape,
    const struct print_frame *frame, ptime now, print_build_fn *build,
    void *arg, char **cause)
{
	struct print_doc d;
	cairo_status_t st;
	int rc = -1;

	memset(&d, 0, sizeof(d));
	d.paper = paper;
	d.start_landscape = landscape != 0;
	d.frame = frame;
	d.pango = print_pango_new();
	if ((st = run(&d, 1, now, build, arg)) != CAIRO_STATUS_SUCCESS)
		goto fail;
	d.npages = d.page;
	if ((st = run(&d, 0, now, build, arg)) != CAIRO_STATUS_SUCCESS)
		goto fail;
	if (d.page != d.npages) {
		*cause = xasprintf("internal error: '%s' has %d pages, "
		    "counted %d", path, d.page, d.npages);
		goto out;
	}
	rc = print_stream_write(path, &d.bytes, cause);
	goto out;
fail:
	*cause = xasprintf("cannot draw '%s': %s", path,
	    cairo_status_to_string(st));
out:
	sb_free(&d.bytes);
	g_object_unref(d.pango);
	return rc;
}
