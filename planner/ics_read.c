/* ics_read.c: closed days and busy times read from an agency's iCalendar file. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libical/ical.h>

#include "ics.h"
#include "util.h"

/*
 * libical parses leniently and keeps no line numbers, so the file is
 * first read line by line: structure errors are found there with their
 * line, and the line of each component is kept so that what libical
 * flags inside it can be reported at the right place.
 */

struct scan {
	const char *path;
	struct diags *d;
	int *lines;		/* line of each BEGIN:VEVENT/VFREEBUSY, in order */
	size_t nlines, cap;
	int errors;
};

struct sink {
	struct arena *arena;
	struct ics_busy *out;
	size_t cclosed, cbusy;
	const char *path;
	struct diags *d;
	int full;		/* ICS_MAX_ENTRIES reached and reported */
};

static void
scan_error(struct scan *s, int line, const char *fmt, ...) PRINTF_LIKE(3, 4);

static void
scan_error(struct scan *s, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vadd(s->d, DIAG_ERROR, s->path, line, 0, fmt, ap);
	va_end(ap);
	s->errors++;
}

/* The component name of a BEGIN:/END: line, or NULL. */
static const char *
begin_end(const char *line, const char *word, size_t *len)
{
	size_t n = strlen(word);

	if (strncasecmp(line, word, n) != 0)
		return NULL;
	*len = strcspn(line + n, "\r\n");
	return line + n;
}

/* Check the nesting of BEGIN and END, line by line. */
static void
scan_lines(struct scan *s, const char *text)
{
	char stack[8][32];
	int at[8], depth = 0, line = 0, seen_cal = 0;
	const char *p = text, *nl, *name;
	size_t len, n;

	for (; *p != '\0'; p = nl + (*nl != '\0')) {
		nl = p + strcspn(p, "\n");
		line++;
		n = (size_t)(nl - p);
		if (n > 0 && p[n - 1] == '\r')
			n--;
		if (n == 0 || *p == ' ' || *p == '\t')
			continue;	/* blank, or a folded continuation */
		if (memchr(p, ':', n) == NULL) {
			scan_error(s, line, "expected 'NAME:value', found '%.*s'",
			    (int)(n > 40 ? 40 : n), p);
			return;
		}
		if (line == 1 && strncasecmp(p, "BEGIN:VCALENDAR", 15)) {
			scan_error(s, 1, "not an iCalendar file: it does not "
			    "start with BEGIN:VCALENDAR");
			return;
		}
		if ((name = begin_end(p, "BEGIN:", &len)) != NULL) {
			if (depth == 8 || len >= sizeof(stack[0])) {
				scan_error(s, line, "components nested too deep");
				return;
			}
			if (depth == 0 && seen_cal++) {
				scan_error(s, line, "a second VCALENDAR: one "
				    "calendar per file");
				return;
			}
			memcpy(stack[depth], name, len);
			stack[depth][len] = '\0';
			at[depth++] = line;
			if (depth == 2 && (strcasecmp(stack[1], "VEVENT") ==
			    0 || strcasecmp(stack[1], "VFREEBUSY") == 0))
				VEC_PUSH(s->lines, s->nlines, s->cap) = line;
		} else if ((name = begin_end(p, "END:", &len)) != NULL) {
			if (depth == 0 || strlen(stack[depth - 1]) != len ||
			    strncasecmp(stack[depth - 1], name, len)) {
				scan_error(s, line, "END:%.*s does not close %s%s",
				    (int)(len > 30 ? 30 : len), name,
				    depth ? "BEGIN:" : "anything",
				    depth ? stack[depth - 1] : "");
				return;
			}
			depth--;
		}
	}
	if (depth > 0)
		scan_error(s, at[depth - 1], "BEGIN:%s is never closed",
		    stack[depth - 1]);
	else if (!seen_cal)
		scan_error(s, 1, "not an iCalendar file: no VCALENDAR");
}

/* --- collecting entries ------------------------------------------------------ */

static void
too_many(struct sink *k)
{
	if (!k->full)
		diag_add(k->d, DIAG_ERROR, k->path, 0, 0, "more than %d closed "
		    "days and busy times between %d and %d", ICS_MAX_ENTRIES,
		    ICS_FIRST_YEAR, ICS_LAST_YEAR);
	k->full = 1;
}

static int
room(struct sink *k)
{
	if (k->out->nclosed + k->out->nbusy < ICS_MAX_ENTRIES)
		return 1;
	too_many(k);
	return 0;
}

static void
add_closed(struct sink *k, pdate from, pdate to, const char *why)
{
	struct range *r;

	if (!room(k))
		return;
	if (k->out->nclosed == k->cclosed) {
		struct range *old = k->out->closed;

		k->cclosed = k->cclosed ? k->cclosed * 2 : 16;
		k->out->closed = arena_array(k->arena, k->cclosed, sizeof(*r));
		if (old != NULL)
			memcpy(k->out->closed, old, k->out->nclosed * sizeof(*r));
	}
	r = &k->out->closed[k->out->nclosed++];
	r->from = from;
	r->to = to < from ? from : to;
	r->reason = arena_strdup(k->arena, why);
	r->loc.file = k->path;
}

static void
add_busy(struct sink *k, ptime from, ptime to, const char *why)
{
	struct busy_time *b;

	if (to <= from || !room(k))
		return;
	if (k->out->nbusy == k->cbusy) {
		struct busy_time *old = k->out->busy;

		k->cbusy = k->cbusy ? k->cbusy * 2 : 16;
		k->out->busy = arena_array(k->arena, k->cbusy, sizeof(*b));
		if (old != NULL)
			memcpy(k->out->busy, old, k->out->nbusy * sizeof(*b));
	}
	b = &k->out->busy[k->out->nbusy++];
	b->from = from;
	b->to = to;
	b->why = arena_strdup(k->arena, why);
}

/* libical accepts impossible values such as month 13 without a word. */
static int
valid_time(struct icaltimetype t)
{
	if (!date_valid_ymd(t.year, t.month, t.day))
		return 0;
	return t.is_date || (t.hour >= 0 && t.hour < 24 && t.minute >= 0 &&
	    t.minute < 60 && t.second >= 0 && t.second < 61);
}

static pdate
day_of(struct icaltimetype t)
{
	return date_from_ymd(t.year, t.month, t.day);
}

/* One occurrence of an event, all-day or timed. */
static void
occurrence(struct sink *k, struct icaltimetype s, int64_t length,
    const char *why)
{
	if (s.is_date) {
		int64_t days = length / SECS_PER_DAY;

		add_closed(k, day_of(s), day_of(s) + (pdate)(days > 0 ?
		    days - 1 : 0), why);
		return;
	}
	add_busy(k, (ptime)icaltime_as_timet_with_zone(s, s.zone),
	    (ptime)icaltime_as_timet_with_zone(s, s.zone) + length, why);
}

static int
excluded(icalcomponent *ev, struct icaltimetype t)
{
	icalproperty *p;

	for (p = icalcomponent_get_first_property(ev, ICAL_EXDATE_PROPERTY);
	    p != NULL; p = icalcomponent_get_next_property(ev,
	    ICAL_EXDATE_PROPERTY)) {
		struct icaltimetype x = icalproperty_get_exdate(p);

		if (x.is_date ? day_of(x) == day_of(t) :
		    icaltime_compare(x, t) == 0)
			return 1;
	}
	return 0;
}

static void
expand(struct sink *k, icalcomponent *ev, struct icaltimetype s,
    int64_t length, const char *why)
{
	icalproperty *rp = icalcomponent_get_first_property(ev,
	    ICAL_RRULE_PROPERTY);
	icalrecur_iterator *it;
	struct icaltimetype t;
	long steps = 0;

	if (rp == NULL) {
		occurrence(k, s, length, why);
		return;
	}
	if ((it = icalrecur_iterator_new(icalproperty_get_rrule(rp), s)) ==
	    NULL)
		return;
	while (!k->full) {
		t = icalrecur_iterator_next(it);
		if (icaltime_is_null_time(t) || t.year > ICS_LAST_YEAR)
			break;
		/* Bound the work, not only what is kept: a minutely rule
		 * of zero length keeps nothing but would run for minutes. */
		if (++steps > ICS_MAX_ENTRIES) {
			too_many(k);
			break;
		}
		t.zone = s.zone;
		if (t.year >= ICS_FIRST_YEAR && !excluded(ev, t))
			occurrence(k, t, length, why);
	}
	icalrecur_iterator_free(it);
}

static void
comp_error(struct sink *k, int line, const char *uid, const char *msg)
{
	diag_add(k->d, DIAG_ERROR, k->path, line, 0, "event '%s': %s",
	    uid ? uid : "without UID", msg);
}

static void
read_event(struct sink *k, icalcomponent *ev, int line)
{
	const char *uid = icalcomponent_get_uid(ev);
	const char *why = icalcomponent_get_summary(ev);
	icalproperty *p;
	struct icaltimetype s, e;
	int64_t length;

	if ((p = icalcomponent_get_first_property(ev,
	    ICAL_XLICERROR_PROPERTY)) != NULL) {
		comp_error(k, line, uid, icalproperty_get_xlicerror(p));
		return;
	}
	if (icalcomponent_get_status(ev) == ICAL_STATUS_CANCELLED)
		return;
	s = icalcomponent_get_dtstart(ev);
	if (icaltime_is_null_time(s)) {
		comp_error(k, line, uid, "no valid DTSTART");
		return;
	}
	e = icalcomponent_get_dtend(ev);
	if (!valid_time(s) || (!icaltime_is_null_time(e) && !valid_time(e))) {
		comp_error(k, line, uid, "DTSTART or DTEND is not a real date "
		    "and time");
		return;
	}
	if (!s.is_date && !icaltime_is_utc(s) && s.zone == NULL) {
		comp_error(k, line, uid, "a floating time (neither UTC nor a "
		    "TZID with its VTIMEZONE) could mean any zone");
		return;
	}
	if (!s.is_date && (p = icalcomponent_get_first_property(ev,
	    ICAL_TRANSP_PROPERTY)) != NULL &&
	    icalproperty_get_transp(p) == ICAL_TRANSP_TRANSPARENT)
		return;		/* free time, not busy */
	if (icaltime_is_null_time(e))
		length = s.is_date ? SECS_PER_DAY : 0;
	else if (s.is_date)
		length = (int64_t)(day_of(e) - day_of(s)) * SECS_PER_DAY;
	else
		length = (int64_t)(icaltime_as_timet_with_zone(e, e.zone) -
		    icaltime_as_timet_with_zone(s, s.zone));
	if (length < 0) {
		comp_error(k, line, uid, "it ends before it starts");
		return;
	}
	expand(k, ev, s, length, why ? why : "busy");
}

static void
read_freebusy(struct sink *k, icalcomponent *fb)
{
	icalproperty *p;
	icalparameter *t;

	for (p = icalcomponent_get_first_property(fb, ICAL_FREEBUSY_PROPERTY);
	    p != NULL; p = icalcomponent_get_next_property(fb,
	    ICAL_FREEBUSY_PROPERTY)) {
		struct icalperiodtype per = icalproperty_get_freebusy(p);
		ptime from, to;

		t = icalproperty_get_first_parameter(p, ICAL_FBTYPE_PARAMETER);
		if (t != NULL && icalparameter_get_fbtype(t) ==
		    ICAL_FBTYPE_FREE)
			continue;
		from = (ptime)icaltime_as_timet_with_zone(per.start,
		    icaltimezone_get_utc_timezone());
		to = icaltime_is_null_time(per.end) ? from +
		    icaldurationtype_as_int(per.duration) :
		    (ptime)icaltime_as_timet_with_zone(per.end,
		    icaltimezone_get_utc_timezone());
		add_busy(k, from, to, "busy");
	}
}

static void
read_components(struct sink *k, icalcomponent *cal, const struct scan *s)
{
	icalcomponent *c;
	size_t i = 0;

	for (c = icalcomponent_get_first_component(cal, ICAL_ANY_COMPONENT);
	    c != NULL; c = icalcomponent_get_next_component(cal,
	    ICAL_ANY_COMPONENT)) {
		icalcomponent_kind kind = icalcomponent_isa(c);
		int line = i < s->nlines ? s->lines[i] : 0;

		if (kind != ICAL_VEVENT_COMPONENT &&
		    kind != ICAL_VFREEBUSY_COMPONENT)
			continue;
		i++;
		if (kind == ICAL_VEVENT_COMPONENT)
			read_event(k, c, line);
		else
			read_freebusy(k, c);
	}
}

int
ics_parse_busy(const char *name, const char *text, size_t len,
    struct arena *arena, struct ics_busy *out, struct diags *d)
{
	struct scan s = { name, d, NULL, 0, 0, 0 };
	struct sink k = { arena, out, 0, 0, name, d, 0 };
	size_t errs = d->nerrors;
	icalcomponent *cal = NULL;
	char *own = NULL;

	memset(out, 0, sizeof(*out));
	/* The scanner and libical read up to a NUL, which the caller's
	 * len bytes need not end in (fuzz/fuzz_ics.c found this). */
	if (memchr(text, '\0', len) != NULL)
		scan_error(&s, 0, "not an iCalendar file: it holds NUL bytes");
	else
		scan_lines(&s, (text = own = xstrndup(text, len)));
	if (s.errors == 0) {
		icalerror_set_errors_are_fatal(0);
		cal = icalparser_parse_string(text);
		if (cal == NULL || icalcomponent_isa(cal) !=
		    ICAL_VCALENDAR_COMPONENT)
			diag_add(d, DIAG_ERROR, name, 1, 0, "not an iCalendar "
			    "file libical can read");
		else
			read_components(&k, cal, &s);
	}
	if (cal != NULL)
		icalcomponent_free(cal);
	free(s.lines);
	free(own);
	return d->nerrors == errs ? 0 : -1;
}

int
ics_read_busy(const char *path, struct arena *arena, struct ics_busy *out,
    struct diags *d)
{
	size_t len = 0;
	char *text;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((text = read_file(path, ICS_MAX_SIZE, &len)) == NULL) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "cannot read: %s",
		    errno == ERANGE ? "larger than 16 MiB" : strerror(errno));
		return -1;
	}
	rc = ics_parse_busy(path, text, len, arena, out, d);
	free(text);
	return rc;
}
