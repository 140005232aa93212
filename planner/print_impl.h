/* print_impl.h: inside the print module: pages, wrapping tables and the Gantt chart, over cairo and pango. */
#ifndef PLANNER_PRINT_IMPL_H
#define PLANNER_PRINT_IMPL_H

/*
 * Only print.c, print_doc.c, print_table.c, print_gantt.c and
 * print_eeg.c include this header: they are the one module that owns
 * cairo and pango.
 */
#include <cairo.h>
#include <pango/pangocairo.h>

#include "model.h"
#include "print.h"
#include "tz.h"
#include "util.h"

#define PRINT_FONT	"DejaVu Sans"

/* Type sizes in points (the Pango context is set to 72 dpi). */
#define PRINT_H1	17.0	/* a document's title */
#define PRINT_H2	13.5	/* a section */
#define PRINT_TEXT	10.0	/* paragraphs */
#define PRINT_TABLE	9.5	/* tables of a few columns */
#define PRINT_DENSE	8.5	/* the wide landscape tables */

/* What every page of one document repeats. Strings are borrowed. */
struct print_frame {
	const char *title;	/* the document: "Master Scenario Events List" */
	const char *exercise;	/* exercise name */
	const char *dates;	/* conduct dates, as they should print */
	const char *marking;	/* protective marking; NULL or "" for none */
	const char *caveat;	/* handling line under the title; may be NULL */
	const char *revision;	/* plan revision */
	const char *generated;	/* date generated */
};

/*
 * One PDF document being drawn. print_doc_write() runs the caller's
 * build function twice: first on a surface that throws its bytes away,
 * to count the pages, then for real, so that every footer can say
 * "page x of y". The build function must draw the same thing both
 * times.
 */
struct print_doc {
	cairo_surface_t *surface;
	cairo_t *cr;
	PangoContext *pango;	/* shared by every layout of the document */
	const struct print_frame *frame;
	double w, h;		/* page size, points */
	double x0, x1;		/* body, left and right */
	double y0, y1;		/* body, top and bottom */
	double y;		/* where the next thing goes */
	enum print_paper paper;
	int start_landscape;	/* orientation of the first page */
	int landscape;		/* orientation of the pages to come */
	int page;		/* the page being drawn, 1-based; 0 before any */
	int npages;		/* total pages, known in the second run */
	struct sb bytes;	/* the PDF, in the second run */
};

typedef void print_build_fn(struct print_doc *d, void *arg);

/*
 * Draw a document with build (twice, as above) on paper, landscape when
 * non-zero, with the header and footer of frame; write the PDF to path
 * atomically, with creation and modification dates set to now. Returns
 * 0, or -1 with *cause set (caller frees).
 */
int print_doc_write(const char *path, enum print_paper paper, int landscape,
    const struct print_frame *frame, ptime now, print_build_fn *build,
    void *arg, char **cause);

/* End the page being drawn (if any) and start the next with its frame. */
void print_doc_page(struct print_doc *d);

/*
 * Start a page when none is started, less than h points are left, or
 * the page is not in the orientation print_doc_landscape() last asked.
 */
void print_doc_need(struct print_doc *d, double h);

/* Turn the pages to come to landscape (non-zero) or portrait. */
void print_doc_landscape(struct print_doc *d, int landscape);

/*
 * A layout in ctx of markup (Pango markup; see print_esc) at size
 * points, bold when non-zero, wrapped to width points (no wrapping when
 * width <= 0) and, when maxlines > 0, cut to that many lines with an
 * ellipsis. The caller frees it with g_object_unref().
 */
PangoLayout *print_layout(PangoContext *ctx, const char *markup,
    double size, int bold, double width, int maxlines);

/* print_layout() in the document's context, wrapped, never cut. */
PangoLayout *print_doc_layout(struct print_doc *d, const char *markup,
    double size, int bold, double width);

/*
 * A heading at size points, kept on the page with at least keep more
 * points of whatever follows.
 */
void print_doc_heading(struct print_doc *d, const char *markup, double size,
    double keep);

/* A paragraph across the body, broken across pages between lines. */
void print_doc_para(struct print_doc *d, const char *markup, double size);

/*
 * "Signature ____ Date ____" with the signer's name (markup) under the
 * line; kept whole on one page.
 */
void print_doc_signature(struct print_doc *d, const char *name);

/*
 * Draw the lines of layout l from line first on, at x, starting at y,
 * while they end above ymax (line first even when it does not, if
 * force is non-zero). Returns the index of the first line not drawn
 * (pango_layout_get_line_count() when all were) and sets *used to the
 * height drawn.
 */
int print_doc_lines(cairo_t *cr, PangoLayout *l, int first, double x,
    double y, double ymax, int force, double *used);

/* Draw a box of side s at x, y, with a tick in it when ticked. */
void print_doc_checkbox(cairo_t *cr, double x, double y, double s,
    int ticked);

/*
 * s with Pango markup's special characters escaped, control characters
 * but line breaks made spaces; caller frees. NULL gives "".
 */
char *print_esc(const char *s);

/*
 * Make l break a word that does not fit without adding a hyphen: a
 * hyphen that was never there would change an e-mail address, a date
 * or an id. Call it after setting the markup, which sets attributes.
 */
void print_no_hyphens(PangoLayout *l);

/*
 * A Pango context for DejaVu Sans with unhinted metrics and a fixed
 * language, so that layout never depends on the surface or the locale;
 * free with g_object_unref(). This function can't fail.
 */
PangoContext *print_pango_new(void);

/* A cairo write function appending to the struct sb at arg. */
cairo_status_t print_stream_keep(void *arg, const unsigned char *data,
    unsigned int len);

/* Write bytes to path atomically; 0, or -1 with *cause set. */
int print_stream_write(const char *path, struct sb *bytes, char **cause);

/*
 * Tables whose cells wrap, rows that break across pages between lines
 * when they must, and the header row repeated on every page.
 */
struct print_col {
	const char *title;	/* plain text */
	double share;		/* relative width */
};

enum { PRINT_CELL_TEXT, PRINT_CELL_BOX, PRINT_CELL_TICKED };

struct print_cell {
	const char *markup;	/* NULL for an empty cell */
	int kind;		/* PRINT_CELL_*: a checkbox instead of text */
};

struct print_table {
	struct print_doc *d;
	const struct print_col *cols;
	size_t ncols;
	double size;		/* font size, points */
	double minrow;		/* least row height, for handwriting */
	double *x;		/* ncols + 1 column edges */
	double hh;		/* header row height */
	int header_page;	/* page the header was last drawn on */
};

/* Start a table of ncols columns across the body; cols are borrowed. */
void print_table_begin(struct print_table *t, struct print_doc *d,
    const struct print_col *cols, size_t ncols, double size,
    double minrow);

/* Draw one row of t->ncols cells. */
void print_table_row(struct print_table *t, const struct print_cell *cells);

/* Free what print_table_begin() allocated; the table is drawn already. */
void print_table_end(struct print_table *t);

/* How the Gantt chart groups its rows into lanes. */
enum print_lanes { PRINT_LANES_KIND, PRINT_LANES_AGENCY };

/*
 * The Gantt chart of one exercise's planning cycle: a PDF at path
 * (pages as needed, header and footer from frame), and the whole chart
 * as one image in png_path and svg_path, for slides and e-mail. Rows
 * are events grouped in lanes by kind, or by agency (each agency taking
 * part, in the exercise's order, holding the events it attends, and a
 * last lane for events no agency attends); marks are coloured by kind
 * either way. Today is marked, and is the PDF's date too. Returns 0,
 * or -1 with *cause set (caller frees).
 */
int print_gantt_write(const struct plan_exercise *px,
    const struct print_frame *frame, enum print_paper paper, ptime today,
    enum print_lanes by, const char *pdf_path, const char *png_path,
    const char *svg_path, char **cause);

/*
 * "Wed 2027-06-16" and "07:00": the local date and clock of t in zone
 * z (UTC when z is NULL), into caller buffers. They can't fail.
 */
void print_date(const struct tz *z, ptime t, char buf[static 16]);
void print_clock(const struct tz *z, ptime t, char buf[static 8]);

/*
 * Whether tpl gives any objective EEG critical tasks: only then does an
 * exercise get an Exercise Evaluation Guide. It can't fail.
 */
int print_eeg_wanted(const struct template *tpl);

/*
 * Draw the Exercise Evaluation Guide of px into d: the P/S/M/U rating
 * key, then for each objective, on a page of its own, its core
 * capabilities, text and MSEL entries, a row per critical task with its
 * performance measures, a rating to circle and room for observations,
 * ruled lines for notes and a line to sign. It can't fail.
 */
void print_eeg_build(struct print_doc *d, const struct plan_exercise *px);

#endif
