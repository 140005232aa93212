/* print_gantt.c: the planning cycle as a Gantt chart, in lanes by event kind or by agency, as PDF, PNG and SVG. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-svg.h>

#include "doctrine.h"
#include "print_impl.h"

#define AXIS_H		25.0	/* year and month labels */
#define LANE_H		14.0	/* a lane's heading row */
#define ROW_MIN		12.0	/* an event's row, at least */
#define LEGEND_H	19.0	/* under the chart */
#define KEY_H		13.0	/* and the colours of the kinds, by agency */
#define LABEL_PAGE	0.45	/* labels' part of the width on paper */
#define LABEL_IMAGE	0.36	/* and on the wider images */
#define FONT_SIZE	9.0
#define DATE_SIZE	8.0	/* the date beside each mark */

/* Lanes by kind, in the order a planning cycle runs through them; the
 * colours mark each event's kind in the chart by agency too. */
static const struct {
	const char *name;
	double rgb[3];		/* Okabe-Ito colours: safe for colour blindness */
} lanes[] = {
	{ "Planning meetings", { 0.000, 0.447, 0.698 } },
	{ "Other meetings", { 0.337, 0.706, 0.914 } },
	{ "Deadlines and milestones", { 0.25, 0.25, 0.25 } },
	{ "Briefings", { 0.000, 0.620, 0.451 } },
	{ "Exercise conduct", { 0.835, 0.369, 0.000 } },
	{ "Hot wash and debrief", { 0.800, 0.475, 0.655 } },
	{ "After-action meeting", { 0.902, 0.624, 0.000 } },
};

static int
lane_of(enum ev_kind k)
{
	switch (k) {
	case EV_PLANNING_MEETING: return 0;
	case EV_MEETING: return 1;
	case EV_DEADLINE: return 2;
	case EV_BRIEFING: return 3;
	case EV_CONDUCT: return 4;
	case EV_HOT_WASH:
	case EV_DEBRIEF: return 5;
	case EV_AFTER_ACTION_MEETING: return 6;
	default: return 1;
	}
}

/* One line of the chart: a lane's heading, or an event. */
struct line {
	int lane;
	const struct planned_event *pe;	/* NULL for a lane heading */
	char *label;			/* markup */
	char date[16];
	double h;
};

struct chart {
	const struct plan_exercise *px;
	const struct tz *z;
	struct line *lines;
	size_t nlines;
	enum print_lanes by;
	char **lane_names;	/* markup, by lane index; NULL: by kind */
	size_t nlanes;
	ptime t0, t1;		/* first and last month boundary */
	ptime today;
	double share;		/* the labels' part of the width */
	PangoContext *pango;
};

static double
text(cairo_t *cr, PangoContext *ctx, const char *markup, double size,
    int bold, double x, double y, double width, int maxlines,
    PangoAlignment align)
{
	PangoLayout *l = print_layout(ctx, markup, size, bold, width, maxlines);
	int h;

	pango_layout_set_alignment(l, align);
	cairo_move_to(cr, x, y);
	pango_cairo_show_layout(cr, l);
	pango_layout_get_size(l, NULL, &h);
	g_object_unref(l);
	return (double)h / PANGO_SCALE;
}

/* One line of text at x, y; returns its width. */
static double
text_w(cairo_t *cr, PangoContext *ctx, const char *markup, int bold,
    double x, double y)
{
	PangoLayout *l = print_layout(ctx, markup, FONT_SIZE, bold, 0, 1);
	int w;

	cairo_move_to(cr, x, y);
	pango_cairo_show_layout(cr, l);
	pango_layout_get_size(l, &w, NULL);
	g_object_unref(l);
	return (double)w / PANGO_SCALE;
}

/* The instant local midnight starts the month of t, plus add months. */
static ptime
month_start(const struct tz *z, ptime t, int add)
{
	pdate d;
	int secs, y, m, dd;

	if (z != NULL)
		tz_to_local(z, t, &d, &secs);
	else
		d = date_of(t);
	date_to_ymd(d, &y, &m, &dd);
	d = date_add_months(date_from_ymd(y, m, 1), add);
	return z != NULL ? tz_to_utc(z, d, 0, NULL) : (ptime)d * SECS_PER_DAY;
}

static int
cmp_line(const void *a, const void *b)
{
	const struct line *x = a, *y = b;

	if (x->lane != y->lane)
		return x->lane < y->lane ? -1 : 1;
	if (x->pe->start != y->pe->start)
		return x->pe->start < y->pe->start ? -1 : 1;
	return x->pe < y->pe ? -1 : x->pe > y->pe;
}

/*
 * The lanes by agency: one per agency taking part, in the exercise's
 * order, named with how it takes part; then one for events no agency
 * attends (deadlines of the exercise team, say).
 */
static void
agency_lanes(struct chart *c, const struct exercise *ex)
{
	size_t i;

	c->lane_names = xcalloc(ex->nparticipants + 2, sizeof(char *));
	for (i = 0; i < ex->nparticipants; i++) {
		const struct agency *a = ex->participants[i].agency;
		char *nm = print_esc(a == NULL ? "?" : a->name != NULL ?
		    a->name : a->id);

		c->lane_names[i] = xasprintf("%s \xc2\xb7 %s", nm,
		    doctrine_part_name(ex->participants[i].kind));
		free(nm);
	}
	c->lane_names[i] = xstrdup("No agency attending");
	c->nlanes = i + 1;
}

/* The agency lane of agency a in ex; the last lane when not taking part. */
static int
agency_lane(const struct exercise *ex, const struct agency *a)
{
	size_t i;

	for (i = 0; i < ex->nparticipants; i++)
		if (ex->participants[i].agency == a)
			return (int)i;
	return (int)ex->nparticipants;
}

/* Line n of event pe in lane; its label and date are its own. */
static void
line_set(struct chart *c, struct line *ln, const struct planned_event *pe,
    int lane)
{
	const struct template *tpl = c->px->ex->tpl;
	const char *title = pe->def->title != NULL ? pe->def->title :
	    pe->def->id;
	char *t = print_esc(title);

	ln->lane = lane;
	ln->pe = pe;
	if (pe->day > 0 && tpl != NULL && tpl->conduct_days > 1)
		ln->label = xasprintf("%s (day %d)", t, pe->day);
	else
		ln->label = xstrdup(t);
	free(t);
	print_date(c->z, pe->start, ln->date);
}

/*
 * Lines by lane, then time, a heading before each lane. By agency, an
 * event shows in the lane of every agency attending it.
 */
static void
chart_build(struct chart *c, const struct plan_exercise *px, ptime today,
    enum print_lanes by)
{
	size_t nlane = by == PRINT_LANES_AGENCY ?
	    px->ex->nparticipants + 1 : 1;
	struct line *ev = xcalloc(px->nevents * nlane + 1, sizeof(*ev));
	size_t i, k, n = 0;
	ptime lo = 0, hi = 0;
	int lane = -1;

	memset(c, 0, sizeof(*c));
	c->px = px;
	c->today = today;
	c->by = by;
	c->pango = print_pango_new();
	if (px->ex->timezone != NULL)
		c->z = tz_get(px->ex->timezone, NULL);
	if (by == PRINT_LANES_AGENCY)
		agency_lanes(c, px->ex);
	for (i = 0; i < px->nevents; i++) {
		const struct planned_event *pe = &px->events[i];

		if (by != PRINT_LANES_AGENCY)
			line_set(c, &ev[n++], pe, lane_of(pe->def->kind));
		else if (pe->nagencies == 0)
			line_set(c, &ev[n++], pe, (int)c->nlanes - 1);
		for (k = 0; by == PRINT_LANES_AGENCY && k < pe->nagencies; k++)
			line_set(c, &ev[n++], pe, agency_lane(px->ex,
			    pe->agencies[k]));
		if (i == 0 || pe->start < lo)
			lo = pe->start;
		if (i == 0 || pe->end > hi)
			hi = pe->end;
	}
	qsort(ev, n, sizeof(*ev), cmp_line);
	c->lines = xcalloc(2 * n + 1, sizeof(*c->lines));
	for (i = 0; i < n; i++) {
		if (ev[i].lane != lane) {
			lane = ev[i].lane;
			c->lines[c->nlines].lane = lane;
			c->lines[c->nlines++].h = LANE_H;
		}
		c->lines[c->nlines++] = ev[i];
	}
	free(ev);
	if (n == 0)
		lo = hi = today;
	c->t0 = month_start(c->z, lo, 0);
	c->t1 = month_start(c->z, hi, 1);
}

/*
 * Each line's height for a chart w points wide whose labels take share
 * of it: labels wrap to 2 lines.
 */
static void
chart_measure(struct chart *c, double w, double share)
{
	size_t i;

	c->share = share;
	for (i = 0; i < c->nlines; i++) {
		PangoLayout *l;
		int h;

		if (c->lines[i].pe == NULL)
			continue;
		l = print_layout(c->pango, c->lines[i].label, FONT_SIZE, 0,
		    w * c->share - 12, 2);
		pango_layout_get_size(l, NULL, &h);
		g_object_unref(l);
		c->lines[i].h = (double)h / PANGO_SCALE + 2;
		if (c->lines[i].h < ROW_MIN)
			c->lines[i].h = ROW_MIN;
	}
}

static void
chart_free(struct chart *c)
{
	size_t i;

	for (i = 0; i < c->nlines; i++)
		free(c->lines[i].label);
	free(c->lines);
	for (i = 0; i < c->nlanes; i++)
		free(c->lane_names[i]);
	free(c->lane_names);
	g_object_unref(c->pango);
}

static double
xof(const struct chart *c, ptime t, double cx, double cw)
{
	return cx + cw * (double)(t - c->t0) / (double)(c->t1 - c->t0);
}

static void
set_rgb(cairo_t *cr, const double *rgb)
{
	cairo_set_source_rgb(cr, rgb[0], rgb[1], rgb[2]);
}

/* The legend's height: by agency, a row more for the kinds' colours. */
static double
legend_h(const struct chart *c)
{
	return LEGEND_H + (c->by == PRINT_LANES_AGENCY ? KEY_H : 0);
}

/*
 * By agency the lanes no longer say what kind each event is, so the
 * colours do: a swatch and the name of each kind's lane, in a row.
 */
static void
draw_kind_key(cairo_t *cr, const struct chart *c, double x, double w,
    double y)
{
	double at = x + 8;
	size_t i;

	for (i = 0; i < NELEM(lanes) && at < x + w; i++) {
		PangoLayout *l = print_layout(c->pango, lanes[i].name, DATE_SIZE, 0,
		    0, 1);
		int lw;

		set_rgb(cr, lanes[i].rgb);
		cairo_rectangle(cr, at, y + 2.5, 8, 6);
		cairo_fill(cr);
		cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
		cairo_move_to(cr, at + 11, y);
		pango_cairo_show_layout(cr, l);
		pango_layout_get_size(l, &lw, NULL);
		g_object_unref(l);
		at += 11 + (double)lw / PANGO_SCALE + 12;
	}
	cairo_set_source_rgb(cr, 0, 0, 0);
}

static void
diamond(cairo_t *cr, double x, double y, double r)
{
	cairo_move_to(cr, x, y - r);
	cairo_line_to(cr, x + r, y);
	cairo_line_to(cr, x, y + r);
	cairo_line_to(cr, x - r, y);
	cairo_close_path(cr);
	cairo_fill(cr);
}

static const char *const months[] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
};

/*
 * Month grid lines from y down to ybot (pass 0), or the year and month
 * labels above the rows (pass 1).
 */
static void
draw_axis(cairo_t *cr, const struct chart *c, double cx, double cw,
    double y, double ybot, int pass)
{
	ptime t;
	int i, nmonths = 0, step;

	for (t = c->t0; t < c->t1; t = month_start(c->z, t, 1))
		nmonths++;
	/* Labels at least about 22 points apart. */
	step = 1;
	while (nmonths / step > 0 && cw / ((double)nmonths / step) < 22)
		step++;
	for (i = 0, t = c->t0; t < c->t1; i++) {
		ptime next = month_start(c->z, t, 1);
		double xa = xof(c, t, cx, cw), xb = xof(c, next, cx, cw);
		pdate d;
		int secs, yy, m, dd;
		char buf[16];

		if (c->z != NULL)
			tz_to_local(c->z, t + 43200, &d, &secs);
		else
			d = date_of(t + 43200);
		date_to_ymd(d, &yy, &m, &dd);
		if (pass == 0) {
			double g = m == 1 ? 0.45 : 0.8;

			cairo_set_source_rgb(cr, g, g, g);
			cairo_set_line_width(cr, m == 1 ? 0.8 : 0.4);
			cairo_move_to(cr, xa, y + (m == 1 || i == 0 ? 0 : 11));
			cairo_line_to(cr, xa, ybot);
			cairo_stroke(cr);
		} else {
			cairo_set_source_rgb(cr, 0, 0, 0);
			if (i == 0 || m == 1) {
				snprintf(buf, sizeof(buf), "%d", yy);
				text(cr, c->pango, buf, FONT_SIZE, 1, xa + 2,
				    y, 0, 1, PANGO_ALIGN_LEFT);
			}
			if (i % step == 0)
				text(cr, c->pango, months[m - 1], FONT_SIZE,
				    0, xa, y + 11, (xb - xa) * step, 1,
				    PANGO_ALIGN_CENTER);
		}
		t = next;
	}
	if (pass == 0) {
		cairo_set_source_rgb(cr, 0.45, 0.45, 0.45);
		cairo_set_line_width(cr, 0.6);
		cairo_move_to(cr, cx + cw, y);
		cairo_line_to(cr, cx + cw, ybot);
		cairo_move_to(cr, cx, y + AXIS_H - 2);
		cairo_line_to(cr, cx + cw, y + AXIS_H - 2);
		cairo_stroke(cr);
	}
}

/* A line's background (pass 0) or its label and mark (pass 1). */
static void
draw_line(cairo_t *cr, const struct chart *c, const struct line *ln,
    int cont, double x, double w, double y, int shade, int pass)
{
	static const double grey[3] = { 0.35, 0.35, 0.35 };
	double lw = w * c->share, cx = x + lw, cw = w - lw, a, b;
	const double *rgb = ln->pe != NULL ? lanes[lane_of(ln->pe->def->kind)]
	    .rgb : c->by == PRINT_LANES_AGENCY ? grey : lanes[ln->lane].rgb;
	PangoLayout *l;
	int dw, dh;

	if (pass == 0) {
		if (ln->pe == NULL)
			cairo_set_source_rgb(cr, 0.93, 0.94, 0.96);
		else if (shade)
			cairo_set_source_rgb(cr, 0.972, 0.972, 0.972);
		else
			return;
		cairo_rectangle(cr, x, y, w, ln->h);
		cairo_fill(cr);
		return;
	}
	if (ln->pe == NULL) {
		char *s = xasprintf("%s%s", c->by == PRINT_LANES_AGENCY ?
		    c->lane_names[ln->lane] : lanes[ln->lane].name,
		    cont ? " (continued)" : "");

		set_rgb(cr, rgb);
		cairo_rectangle(cr, x, y + 3, 4, ln->h - 6);
		cairo_fill(cr);
		cairo_set_source_rgb(cr, 0, 0, 0);
		/* Agency names are long: theirs may run over the grid. */
		text(cr, c->pango, s, FONT_SIZE + 0.5, 1, x + 8, y + 3,
		    c->by == PRINT_LANES_AGENCY ? w - 16 : lw, 1,
		    PANGO_ALIGN_LEFT);
		free(s);
		return;
	}
	cairo_set_source_rgb(cr, 0, 0, 0);
	text(cr, c->pango, ln->label, FONT_SIZE, 0, x + 8, y + 1, lw - 12,
	    2, PANGO_ALIGN_LEFT);
	a = xof(c, ln->pe->start, cx, cw);
	b = xof(c, ln->pe->end, cx, cw);
	set_rgb(cr, rgb);
	if (ln->pe->def->kind == EV_DEADLINE || ln->pe->end <= ln->pe->start) {
		diamond(cr, a, y + ln->h / 2, 3.6);
		b = a + 3.6;
		a -= 3.6;
	} else {
		if (b - a < 3.5)
			b = a + 3.5;
		cairo_rectangle(cr, a, y + ln->h / 2 - 3.5, b - a, 7);
		cairo_fill(cr);
	}
	/* The date beside its mark: right of it, or left near the end. */
	l = print_layout(c->pango, ln->date, DATE_SIZE, 0, 0, 1);
	pango_layout_get_size(l, &dw, &dh);
	cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
	if (b + 3 + (double)dw / PANGO_SCALE <= cx + cw - 2)
		cairo_move_to(cr, b + 3, y + (ln->h - (double)dh /
		    PANGO_SCALE) / 2);
	else
		cairo_move_to(cr, a - 3 - (double)dw / PANGO_SCALE,
		    y + (ln->h - (double)dh / PANGO_SCALE) / 2);
	pango_cairo_show_layout(cr, l);
	g_object_unref(l);
}

/*
 * Today's line down the rows from ytop to ybot (under the marks, when
 * today_line is non-zero), or the legend under them.
 */
static void
draw_today_legend(cairo_t *cr, const struct chart *c, double x, double w,
    double ytop, double ybot, int today_line)
{
	double lw = w * c->share, cx = x + lw, cw = w - lw;
	int inside = c->today >= c->t0 && c->today < c->t1;
	char day[16], *s;
	double at;

	print_date(c->z, c->today, day);
	if (today_line) {
		double tx = xof(c, c->today, cx, cw);

		if (!inside)
			return;
		cairo_set_source_rgb(cr, 0.8, 0, 0);
		cairo_set_line_width(cr, 1.2);
		cairo_move_to(cr, tx, ytop + AXIS_H - 2);
		cairo_line_to(cr, tx, ybot);
		cairo_stroke(cr);
		return;
	}
	ybot += 5;
	cairo_set_source_rgb(cr, 0.25, 0.25, 0.25);
	diamond(cr, x + 12, ybot + 5, 3.6);
	cairo_set_source_rgb(cr, 0, 0, 0);
	at = x + 20;
	at += text_w(cr, c->pango, "deadline or milestone", 0, at, ybot) + 14;
	cairo_set_source_rgb(cr, 0.25, 0.25, 0.25);
	cairo_rectangle(cr, at, ybot + 1.5, 10, 7);
	cairo_fill(cr);
	cairo_set_source_rgb(cr, 0, 0, 0);
	at += 14;
	at += text_w(cr, c->pango, "meeting, briefing or play", 0, at, ybot)
	    + 14;
	cairo_set_source_rgb(cr, 0.8, 0, 0);
	cairo_set_line_width(cr, 1.2);
	cairo_move_to(cr, at, ybot);
	cairo_line_to(cr, at, ybot + 10);
	cairo_stroke(cr);
	s = inside ? xasprintf("today, %s", day) :
	    xasprintf("today, %s, is %s the chart", day,
	    c->today < c->t0 ? "before" : "after");
	at += 5;
	at += text_w(cr, c->pango, s, 1, at, ybot) + 14;
	free(s);
	cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
	s = xasprintf("Dates are local at the venue (%s).",
	    c->z != NULL ? tz_name(c->z) : "UTC");
	text(cr, c->pango, s, FONT_SIZE, 0, at, ybot, x + w - at, 1,
	    PANGO_ALIGN_RIGHT);
	free(s);
	cairo_set_source_rgb(cr, 0, 0, 0);
}

/* Lines [from, to) of the chart at x, y, across w; returns the height. */
static double
draw_chart(cairo_t *cr, const struct chart *c, size_t from, size_t to,
    double x, double y, double w)
{
	double lw = w * c->share, yy = y + AXIS_H;
	/* A page that starts inside a lane repeats its heading. */
	struct line head = { 0, NULL, NULL, "", LANE_H };
	int cont = from < to && c->lines[from].pe != NULL, pass;
	size_t i;

	if (cont)
		head.lane = c->lines[from].lane;
	for (pass = 0; pass < 2; pass++) {
		yy = y + AXIS_H;
		if (cont) {
			draw_line(cr, c, &head, 1, x, w, yy, 0, pass);
			yy += LANE_H;
		}
		for (i = from; i < to; i++) {
			draw_line(cr, c, &c->lines[i], 0, x, w, yy,
			    i % 2 == 0, pass);
			yy += c->lines[i].h;
		}
		if (pass == 0) {
			draw_axis(cr, c, x + lw, w - lw, y, yy, 0);
			draw_today_legend(cr, c, x, w, y, yy, 1);
		}
	}
	draw_axis(cr, c, x + lw, w - lw, y, yy, 1);
	draw_today_legend(cr, c, x, w, y, yy, 0);
	if (c->by == PRINT_LANES_AGENCY)
		draw_kind_key(cr, c, x, w, yy + 5 + LEGEND_H - 2);
	return yy - y + legend_h(c);
}

struct gantt_pdf {
	struct chart *c;
};

static void
build_pdf(struct print_doc *d, void *arg)
{
	struct gantt_pdf *g = arg;
	struct chart *c = g->c;
	size_t from = 0;

	chart_measure(c, d->x1 - d->x0, LABEL_PAGE);
	do {
		double room, h;
		size_t to = from;

		print_doc_page(d);
		room = d->y1 - d->y - AXIS_H - legend_h(c);
		if (c->lines[from].pe != NULL)
			room -= LANE_H;	/* the lane's heading, again */
		h = 0;
		while (to < c->nlines && h + c->lines[to].h <= room)
			h += c->lines[to++].h;
		/* A lane heading never ends a page. */
		if (to < c->nlines && to > from + 1 &&
		    c->lines[to - 1].pe == NULL)
			to--;
		if (to == from)
			to++;
		draw_chart(d->cr, c, from, to, d->x0, d->y, d->x1 - d->x0);
		from = to;
	} while (from < c->nlines);
}

#define IMAGE_W		960.0	/* points; the PNG is twice that in pixels */
#define IMAGE_M		24.0	/* margin */
#define PNG_SCALE	2.0

/* The whole chart on one canvas w points wide, title above. */
static double
draw_image(cairo_t *cr, const struct chart *c,
    const struct print_frame *f, double w, int measure)
{
	double m = IMAGE_M, y = m, h = 0;
	char *s;
	size_t i;

	if (measure) {
		for (i = 0; i < c->nlines; i++)
			h += c->lines[i].h;
		return m + 40 + AXIS_H + h + legend_h(c) + m;
	}
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_set_source_rgb(cr, 0, 0, 0);
	s = print_esc(f->exercise);
	text(cr, c->pango, s, 16, 1, m, y, (w - 2 * m) * 0.65, 1,
	    PANGO_ALIGN_LEFT);
	free(s);
	if (f->marking != NULL && f->marking[0] != '\0') {
		s = print_esc(f->marking);
		cairo_set_source_rgb(cr, 0.6, 0, 0);
		text(cr, c->pango, s, 11, 1, m + (w - 2 * m) * 0.65, y + 2,
		    (w - 2 * m) * 0.35, 1, PANGO_ALIGN_RIGHT);
		free(s);
	}
	s = xasprintf("Planning cycle \xc2\xb7 %s \xc2\xb7 plan revision %s",
	    f->dates, f->revision);
	cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
	{
		char *e = print_esc(s);

		text(cr, c->pango, e, 11, 0, m, y + 22, w - 2 * m, 1,
		    PANGO_ALIGN_LEFT);
		free(e);
	}
	free(s);
	draw_chart(cr, c, 0, c->nlines, m, y + 40, w - 2 * m);
	return 0;
}


static int
write_png(const struct chart *c, const struct print_frame *f,
    const char *path, char **cause)
{
	double h = draw_image(NULL, c, f, IMAGE_W, 1);
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
	    (int)(IMAGE_W * PNG_SCALE), (int)(h * PNG_SCALE));
	cairo_t *cr = cairo_create(s);
	struct sb bytes = {0};
	cairo_status_t st;
	int rc = -1;

	cairo_scale(cr, PNG_SCALE, PNG_SCALE);
	pango_cairo_update_context(cr, c->pango);
	draw_image(cr, c, f, IMAGE_W, 0);
	st = cairo_status(cr);
	cairo_destroy(cr);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_write_to_png_stream(s, print_stream_keep,
		    &bytes);
	cairo_surface_destroy(s);
	if (st != CAIRO_STATUS_SUCCESS)
		*cause = xasprintf("cannot draw '%s': %s", path,
		    cairo_status_to_string(st));
	else
		rc = print_stream_write(path, &bytes, cause);
	sb_free(&bytes);
	return rc;
}

static int
write_svg(const struct chart *c, const struct print_frame *f,
    const char *path, char **cause)
{
	double h = draw_image(NULL, c, f, IMAGE_W, 1);
	struct sb bytes = {0};
	cairo_surface_t *s = cairo_svg_surface_create_for_stream(
	    print_stream_keep, &bytes, IMAGE_W, h);
	cairo_t *cr = cairo_create(s);
	cairo_status_t st;
	int rc = -1;

	pango_cairo_update_context(cr, c->pango);
	draw_image(cr, c, f, IMAGE_W, 0);
	st = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(s);
	cairo_surface_destroy(s);
	if (st != CAIRO_STATUS_SUCCESS)
		*cause = xasprintf("cannot draw '%s': %s", path,
		    cairo_status_to_string(st));
	else
		rc = print_stream_write(path, &bytes, cause);
	sb_free(&bytes);
	return rc;
}

int
print_gantt_write(const struct plan_exercise *px,
    const struct print_frame *frame, enum print_paper paper, ptime today,
    enum print_lanes by, const char *pdf_path, const char *png_path,
    const char *svg_path, char **cause)
{
	struct chart c;
	struct gantt_pdf g;
	int rc;

	chart_build(&c, px, today, by);
	g.c = &c;
	rc = print_doc_write(pdf_path, paper, 1, frame, today, build_pdf, &g,
	    cause);
	chart_measure(&c, IMAGE_W - 2 * IMAGE_M, LABEL_IMAGE);
	if (rc == 0)
		rc = write_png(&c, frame, png_path, cause);
	if (rc == 0)
		rc = write_svg(&c, frame, svg_path, cause);
	chart_free(&c);
	return rc;
}
