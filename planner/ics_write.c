/* ics_write.c: iCalendar files for people and agencies, written through libical. */
#define _POSIX_C_SOURCE 200809L
#include "ics.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libical/ical.h>

#include "doctrine.h"
#include "util.h"

#ifndef PLANNER_VERSION
#define PLANNER_VERSION "dev"
#endif

void (*ics_test_mangle)(char *text, size_t len);

#define LINE_MAX_OCTETS 75	/* RFC 5545 3.1, CRLF not counted */
#define TZ_MARGIN (31 * (ptime)SECS_PER_DAY)

/*
 * A zone some event of the calendar is in. Only the zones that a TZID
 * parameter names get a VTIMEZONE, cut to [lo, hi] plus a margin.
 */
struct zone {
	const char *name;	/* bare IANA name, borrowed from the exercise */
	icaltimezone *tz;	/* a builtin zone, owned by libical */
	int used;		/* some value carries this TZID */
	ptime lo, hi;		/* the instants written with it */
};

/* One event of the calendar, with what the self-check expects to read. */
struct item {
	const struct plan_exercise *px;
	const struct planned_event *pe;
	size_t zone;		/* index into cal.zones, which may move */
	char *uid;
	int all_day;
	struct icaltimetype day;	/* the local date of an all-day item */
};

struct cal {
	struct item *items;
	size_t nitems, capitems;
	struct zone *zones;
	size_t nzones, capzones;
	ptime stamp;
};

/*
 * libical reports exhaustion by returning NULL. Treat it as xmalloc does
 * (message, exit 3): a half-built calendar is worse than none, and no
 * caller could do better. The arguments passed to libical here are never
 * NULL, so NULL means exhaustion.
 */
static void *
must(void *p)
{
	if (p == NULL) {
		fputs("planner: out of memory\n", stderr);
		exit(3);
	}
	return p;
}

static int
empty(const char *s)
{
	return s == NULL || *s == '\0';
}

/* s, or fallback when s is NULL or empty: the loader should not leave
 * names out, but a calendar must not crash on one. */
static const char *
or_else(const char *s, const char *fallback)
{
	return empty(s) ? fallback : s;
}

/* Length of the valid UTF-8 sequence at s, or 0 if it is not one. */
static size_t
utf8_len(const unsigned char *s)
{
	unsigned c = s[0];
	size_t n, i;
	unsigned long cp;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		n = 2, cp = c & 0x1f;
	else if (c >= 0xe0 && c <= 0xef)
		n = 3, cp = c & 0x0f;
	else if (c >= 0xf0 && c <= 0xf4)
		n = 4, cp = c & 0x07;
	else
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if ((n == 3 && cp < 0x800) || (cp >= 0xd800 && cp <= 0xdfff) ||
	    (n == 4 && (cp < 0x10000 || cp > 0x10ffff)))
		return 0;
	return n;
}

/*
 * Text as libical may take it (caller frees). libical escapes LF but
 * silently drops CR and writes other control characters raw, which
 * breaks the line structure, so: CRLF and CR become LF, other control
 * characters but TAB are dropped, and a byte that is not UTF-8 becomes
 * U+FFFD. With oneline, LF and TAB become spaces too.
 */
static char *
clean_text(const char *s, int oneline)
{
	struct sb b = {0};
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t n;

	while (*p) {
		if (*p == '\r' || *p == '\n') {
			sb_putc(&b, oneline ? ' ' : '\n');
			p += (p[0] == '\r' && p[1] == '\n') ? 2 : 1;
		} else if (*p == '\t') {
			sb_putc(&b, oneline ? ' ' : '\t');
			p++;
		} else if (*p < 0x20 || *p == 0x7f) {
			p++;
		} else if ((n = utf8_len(p)) == 0) {
			sb_puts(&b, "\xef\xbf\xbd");
			p++;
		} else {
			sb_putn(&b, (const char *)p, n);
			p += n;
		}
	}
	return sb_take(&b);
}

/* RFC 5545 TEXT escaping, for X-WR-CALNAME (see render()). */
static char *
escape_text(const char *s)
{
	struct sb b = {0};

	for (; *s; s++) {
		if (*s == '\\' || *s == ';' || *s == ',')
			sb_putc(&b, '\\'), sb_putc(&b, *s);
		else if (*s == '\n')
			sb_puts(&b, "\\n");
		else
			sb_putc(&b, *s);
	}
	return sb_take(&b);
}

static void
add_text(icalcomponent *c, icalproperty *(*mk)(const char *),
    const char *s, int oneline)
{
	char *t = clean_text(s, oneline);

	icalcomponent_add_property(c, must(mk(t)));
	free(t);
}

/*
 * icaltime_from_timet_with_zone() in 3.0.16 converts to the zone but
 * then labels the result UTC, so everything here starts from a UTC time
 * and does the zone arithmetic itself.
 */
static struct icaltimetype
utc_time(ptime t)
{
	return icaltime_from_timet_with_zone((time_t)t, 0,
	    icaltimezone_get_utc_timezone());
}

static int
offset_at(icaltimezone *tz, ptime t)
{
	struct icaltimetype tt = utc_time(t);

	return icaltimezone_get_utc_offset_of_utc_time(tz, &tt, NULL);
}

/* The wall time of t in tz, without a zone (written with a TZID). */
static struct icaltimetype
wall_time(icaltimezone *tz, ptime t)
{
	struct icaltimetype tt = utc_time(t + offset_at(tz, t));

	tt.zone = NULL;
	return tt;
}

/*
 * Whether the wall time of t also names another instant, as 01:30 does
 * on a fall-back night. RFC 5545 says it means the first; libical takes
 * the second. Offsets are probed a day either side: zones do not change
 * twice in a day.
 */
static int
repeated_wall_time(icaltimezone *tz, ptime t)
{
	int off = offset_at(tz, t), o, i;
	ptime probe[2];

	probe[0] = t - SECS_PER_DAY;
	probe[1] = t + SECS_PER_DAY;
	for (i = 0; i < 2; i++) {
		o = offset_at(tz, probe[i]);
		if (o != off && offset_at(tz, t + off - o) == o)
			return 1;
	}
	return 0;
}

/*
 * Set *out to the index of zone name in c->zones, adding it on first use.
 * Returns 0, or -1 with *cause set when libical does not know the name.
 */
static int
zone_get(struct cal *c, const char *name, size_t *out, char **cause)
{
	struct zone *z;
	icaltimezone *tz;
	size_t i;

	for (i = 0; i < c->nzones; i++)
		if (streq(c->zones[i].name, name)) {
			*out = i;
			return 0;
		}
	if (empty(name) || (tz = icaltimezone_get_builtin_timezone(name)) ==
	    NULL) {
		*cause = xasprintf("unknown time zone '%s'", name ? name : "");
		return -1;
	}
	if (icaltimezone_get_component(tz) == NULL)
		tz = NULL;	/* "UTC": times are written with Z */
	c->zones = vec_grow(c->zones, &c->capzones, c->nzones,
	    sizeof(*c->zones));
	*out = c->nzones;
	z = &c->zones[c->nzones++];
	memset(z, 0, sizeof(*z));
	z->name = name;
	z->tz = tz;
	return 0;
}

/* DTSTART or DTEND of instant t: with a TZID when that reads back. */
static icalproperty *
time_prop(icalproperty *(*mk)(struct icaltimetype), struct zone *z, ptime t)
{
	icalproperty *prop;

	if (z->tz == NULL || repeated_wall_time(z->tz, t))
		return must(mk(utc_time(t)));
	prop = must(mk(wall_time(z->tz, t)));
	icalproperty_add_parameter(prop, must(icalparameter_new_tzid(z->name)));
	if (!z->used || t < z->lo)
		z->lo = t;
	if (!z->used || t > z->hi)
		z->hi = t;
	z->used = 1;
	return prop;
}

/* The event id as out_json.h writes it: "<id>-<N>" for a day N > 1. */
static char *
event_id(const struct planned_event *pe)
{
	if (pe->day > 1)
		return xasprintf("%s-%d", pe->def->id, pe->day);
	return xstrdup(pe->def->id);
}

static const char *
role_name(const struct template *tpl, const char *id)
{
	size_t i;

	if (tpl != NULL)
		for (i = 0; i < tpl->nroles; i++)
			if (streq(tpl->roles[i].id, id))
				return empty(tpl->roles[i].name) ? id :
				    tpl->roles[i].name;
	return id;
}

/*
 * Marking, the event's own description, the exercise type and who
 * attends: each role, with the people assigned to it.
 */
static char *
description(const struct plan_exercise *px, const struct planned_event *pe)
{
	const struct exercise *ex = px->ex;
	const struct event_def *def = pe->def;
	struct sb b = {0};
	size_t i, j;

	if (!empty(ex->marking))
		sb_printf(&b, "%s\n\n", ex->marking);
	if (!empty(def->description))
		sb_printf(&b, "%s\n\n", def->description);
	if (ex->tpl != NULL)
		sb_printf(&b, "Exercise type: %s\n",
		    doctrine_type_name(ex->tpl->type));
	if (def->roles.n > 0)
		sb_puts(&b, "Roles attending:");
	for (i = 0; i < def->roles.n; i++) {
		const char *id = def->roles.v[i];
		int n = 0;

		sb_printf(&b, "%s %s", i ? ";" : "", role_name(ex->tpl, id));
		for (j = 0; j < px->nassignments; j++) {
			const struct assignment *as = &px->assignments[j];

			if (as->role == NULL || as->person == NULL ||
			    !streq(as->role->id, id))
				continue;
			sb_printf(&b, "%s%s", n++ ? ", " : " (",
			    or_else(as->person->name, or_else(as->person->id, "?")));
		}
		if (n > 0)
			sb_putc(&b, ')');
	}
	if (def->roles.n > 0)
		sb_putc(&b, '\n');
	while (b.len > 0 && b.s[b.len - 1] == '\n')
		b.s[--b.len] = '\0';
	return sb_take(&b);
}

/* "<exercise>: <title>", with "(day N of M)" on multi-day play. */
static char *
summary(const struct plan_exercise *px, const struct planned_event *pe)
{
	size_t i, ndays = 0;

	if (pe->day > 0)
		for (i = 0; i < px->nevents; i++)
			if (px->events[i].def == pe->def)
				ndays++;
	if (ndays > 1)
		return xasprintf("%s: %s (day %d of %zu)", or_else(px->ex->name,
		    px->ex->id), or_else(pe->def->title, pe->def->id), pe->day, ndays);
	return xasprintf("%s: %s", or_else(px->ex->name, px->ex->id),
	    or_else(pe->def->title, pe->def->id));
}

static icalcomponent *
event_new(struct cal *c, const struct item *it)
{
	struct zone *z = &c->zones[it->zone];
	const struct plan_exercise *px = it->px;
	const struct planned_event *pe = it->pe;
	const struct exercise *ex = px->ex;
	const struct event_def *def = pe->def;
	icalcomponent *ev = must(icalcomponent_new_vevent());
	icalproperty *prop;
	char *s;

	icalcomponent_add_property(ev, must(icalproperty_new_uid(it->uid)));
	icalcomponent_add_property(ev,
	    must(icalproperty_new_dtstamp(utc_time(c->stamp))));
	icalcomponent_add_property(ev, must(icalproperty_new_sequence(0)));
	icalcomponent_add_property(ev,
	    must(icalproperty_new_status(ICAL_STATUS_CONFIRMED)));

	if (it->all_day) {
		struct icaltimetype next = it->day;

		icaltime_adjust(&next, 1, 0, 0, 0);
		icalcomponent_add_property(ev,
		    must(icalproperty_new_dtstart(it->day)));
		icalcomponent_add_property(ev,
		    must(icalproperty_new_dtend(next)));
	} else {
		icalcomponent_add_property(ev,
		    time_prop(icalproperty_new_dtstart, z, pe->start));
		icalcomponent_add_property(ev,
		    time_prop(icalproperty_new_dtend, z, pe->end));
	}

	s = summary(px, pe);
	add_text(ev, icalproperty_new_summary, s, 1);
	free(s);
	s = description(px, pe);
	if (*s != '\0')
		add_text(ev, icalproperty_new_description, s, 0);
	free(s);
	if (!empty(def->location))
		add_text(ev, icalproperty_new_location, def->location, 1);
	else if (!empty(ex->venue) || !empty(ex->address)) {
		s = xasprintf("%s%s%s", ex->venue ? ex->venue : "",
		    !empty(ex->venue) && !empty(ex->address) ? ", " : "",
		    ex->address ? ex->address : "");
		add_text(ev, icalproperty_new_location, s, 1);
		free(s);
	}

	/* Type and kind are fixed words without commas: one list. */
	if (ex->tpl != NULL)
		s = xasprintf("%s,%s", doctrine_type_name(ex->tpl->type),
		    doctrine_kind_name(def->kind));
	else
		s = xstrdup(doctrine_kind_name(def->kind));
	icalcomponent_add_property(ev, must(icalproperty_new_categories(s)));
	free(s);

	if (!empty(ex->organiser.email)) {
		s = xasprintf("mailto:%s", ex->organiser.email);
		prop = must(icalproperty_new_organizer(s));
		free(s);
		if (!empty(ex->organiser.name)) {
			char *cn = clean_text(ex->organiser.name, 1), *q;

			/* libical writes " as ^' (RFC 6868), which many
			 * clients show as it stands. */
			for (q = cn; *q; q++)
				if (*q == '"')
					*q = '\'';
			icalproperty_add_parameter(prop,
			    must(icalparameter_new_cn(cn)));
			free(cn);
		}
		icalcomponent_add_property(ev, prop);
	}
	if (it->all_day)
		icalcomponent_add_property(ev,
		    must(icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT)));
	return ev;
}

static struct icaltimetype
year_start(int year)
{
	struct icaltimetype t = icaltime_null_time();

	t.year = year;
	t.month = 1;
	t.day = 1;
	t.zone = icaltimezone_get_utc_timezone();
	return t;
}

/* Move each RDATE of observance obs of vtz into an observance of its own. */
static void
split_rdates(icalcomponent *vtz, icalcomponent *obs)
{
	icalproperty *prop, *from;
	int off = 0;

	if ((from = icalcomponent_get_first_property(obs,
	    ICAL_TZOFFSETFROM_PROPERTY)) != NULL)
		off = icalproperty_get_tzoffsetfrom(from);
	while ((prop = icalcomponent_get_first_property(obs,
	    ICAL_RDATE_PROPERTY)) != NULL) {
		struct icaldatetimeperiodtype rd = icalproperty_get_rdate(prop);
		struct icaltimetype onset = rd.time;
		icalcomponent *one;
		icalproperty *p;

		icalcomponent_remove_property(obs, prop);
		icalproperty_free(prop);
		if (icaltime_is_null_time(onset))
			continue;	/* a PERIOD: not made by libical */
		if (icaltime_is_utc(onset))
			icaltime_adjust(&onset, 0, 0, 0, off);
		onset.zone = NULL;
		one = must(icalcomponent_new_clone(obs));
		while ((p = icalcomponent_get_first_property(one,
		    ICAL_RRULE_PROPERTY)) != NULL ||
		    (p = icalcomponent_get_first_property(one,
		    ICAL_RDATE_PROPERTY)) != NULL) {
			icalcomponent_remove_property(one, p);
			icalproperty_free(p);
		}
		p = icalcomponent_get_first_property(one, ICAL_DTSTART_PROPERTY);
		if (p != NULL)
			icalproperty_set_dtstart(p, onset);
		icalcomponent_add_component(vtz, one);
	}
}

/*
 * A copy of the zone's VTIMEZONE under the bare name, cut to whole
 * years around the instants written with it (a month's margin, then to
 * January 1st, so that small changes to a plan leave it alone). That
 * also drops the LMT offsets with seconds, such as -065956, which
 * python3-icalendar 4.0.3 cannot read.
 */
static icalcomponent *
vtimezone_new(const struct zone *z)
{
	icalcomponent *vtz, *obs, **split;
	icalproperty *prop;
	size_t i, nsplit = 0;

	vtz = must(icalcomponent_new_clone(icaltimezone_get_component(z->tz)));
	prop = icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY);
	if (prop != NULL)
		icalproperty_set_tzid(prop, z->name);
	else
		icalcomponent_add_property(vtz,
		    must(icalproperty_new_tzid(z->name)));
	icaltimezone_truncate_vtimezone(vtz,
	    year_start(utc_time(z->lo - TZ_MARGIN).year),
	    year_start(utc_time(z->hi + TZ_MARGIN).year + 1), 0);
	split = xcalloc((size_t)icalcomponent_count_components(vtz,
	    ICAL_ANY_COMPONENT) + 1, sizeof(*split));

	/*
	 * Truncation turns the last change of a cut rule into an RDATE, in
	 * UTC; RFC 5545 gives onsets in local time. And ical.js drops the
	 * DTSTART onset of an observance that has RDATEs but no RRULE. So
	 * each RDATE becomes an observance of its own, at local time.
	 */
	for (obs = icalcomponent_get_first_component(vtz, ICAL_ANY_COMPONENT);
	    obs != NULL;
	    obs = icalcomponent_get_next_component(vtz, ICAL_ANY_COMPONENT))
		if (icalcomponent_get_first_property(obs, ICAL_RDATE_PROPERTY))
			split[nsplit++] = obs;
	for (i = 0; i < nsplit; i++)
		split_rdates(vtz, split[i]);
	free(split);
	return vtz;
}

/*
 * libical folds after any ';', ':' or space it can find, which leaves
 * lines ending in a space that some readers trim. Fold every line again:
 * as late as 75 octets allow, never inside a UTF-8 character nor
 * between a backslash and the character it escapes, and next to a space
 * only when nothing else fits (readers that trim the end of a line or
 * collapse the start of a continuation would lose it).
 */
static void
fold_line(struct sb *out, const char *s, size_t n)
{
	unsigned char *ok = xmalloc(n + 1);
	size_t i, start = 0, room = LINE_MAX_OCTETS, brk;
	int esc = 0;

	for (i = 0; i < n; i++) {
		ok[i] = ((unsigned char)s[i] & 0xc0) != 0x80 && !esc;
		if (ok[i] && s[i] != ' ' && (i == 0 || s[i - 1] != ' '))
			ok[i] = 2;
		esc = s[i] == '\\' && !esc;
	}
	ok[n] = 2;
	while (n - start > room) {
		for (brk = start + room; brk > start && ok[brk] < 2; brk--)
			;
		if (brk == start)
			for (brk = start + room; brk > start && !ok[brk]; brk--)
				;
		if (brk == start)	/* cannot happen with clean text */
			brk = start + room;
		sb_putn(out, s + start, brk - start);
		sb_puts(out, "\r\n ");
		start = brk;
		room = LINE_MAX_OCTETS - 1;
	}
	sb_putn(out, s + start, n - start);
	sb_puts(out, "\r\n");
	free(ok);
}

static char *
refold(const char *text, size_t *lenp)
{
	struct sb out = {0}, line = {0};
	const char *p = text;

	while (*p != '\0') {
		size_t n = strcspn(p, "\r\n");

		sb_putn(&line, p, n);
		p += n;
		if (*p == '\r')
			p++;
		if (*p == '\n')
			p++;
		if (*p == ' ' || *p == '\t') {	/* a continuation */
			p++;
			continue;
		}
		fold_line(&out, sb_str(&line), line.len);
		line.len = 0;
	}
	sb_free(&line);
	*lenp = out.len;
	return sb_take(&out);
}

/* The first X-LIC-ERROR text under c, or NULL. */
static const char *
first_error(icalcomponent *c)
{
	icalproperty *prop;
	icalcomponent *sub;
	const char *s;

	prop = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY);
	if (prop != NULL)
		return icalproperty_get_xlicerror(prop);
	for (sub = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT);
	    sub != NULL;
	    sub = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT))
		if ((s = first_error(sub)) != NULL)
			return s;
	return NULL;
}

/* Whether prop reads back as instant want (an all-day item: its date). */
static int
reads_back(icalproperty *prop, icalcomponent *ev, const struct item *it,
    ptime want, int next_day)
{
	struct icaltimetype t;
	icalparameter *tzid;

	if (prop == NULL)
		return 0;
	t = icalproperty_get_datetime_with_component(prop, ev);
	if (it->all_day) {
		struct icaltimetype d = it->day;

		if (next_day)
			icaltime_adjust(&d, 1, 0, 0, 0);
		return t.is_date && icaltime_compare_date_only(t, d) == 0;
	}
	/* A TZID must name a VTIMEZONE of this file, not a builtin zone
	 * libical would fall back on. */
	tzid = icalproperty_get_first_parameter(prop, ICAL_TZID_PARAMETER);
	if (tzid != NULL && icalcomponent_get_timezone(
	    icalcomponent_get_parent(ev), icalparameter_get_tzid(tzid)) == NULL)
		return 0;
	if (t.is_date || t.zone == NULL)
		return 0;
	return (ptime)icaltime_as_timet_with_zone(t, t.zone) == want;
}

/*
 * Parse text again and compare with what was meant to be written:
 * libical finds no error, and every event's times read back as planned.
 */
static int
self_check(const struct cal *c, const char *text, char **cause)
{
	icalcomponent *root, *ev;
	size_t i = 0;
	int rc = -1, nerr;
	const char *msg;

	root = icalparser_parse_string(text);
	if (root == NULL) {
		*cause = xstrdup("internal error: libical cannot parse the "
		    "calendar it wrote");
		return -1;
	}
	if ((nerr = icalcomponent_count_errors(root)) > 0) {
		msg = first_error(root);
		*cause = xasprintf("internal error: libical finds %d error%s "
		    "in the calendar it wrote: %s", nerr, nerr == 1 ? "" : "s",
		    msg ? msg : "(no message)");
		goto out;
	}
	for (ev = icalcomponent_get_first_component(root,
	    ICAL_VEVENT_COMPONENT); ev != NULL;
	    ev = icalcomponent_get_next_component(root,
	    ICAL_VEVENT_COMPONENT), i++) {
		const struct item *it;

		if (i >= c->nitems)
			continue;	/* counted, and refused below */
		it = &c->items[i];
		if (!reads_back(icalcomponent_get_first_property(ev,
		    ICAL_DTSTART_PROPERTY), ev, it, it->pe->start, 0) ||
		    !reads_back(icalcomponent_get_first_property(ev,
		    ICAL_DTEND_PROPERTY), ev, it, it->pe->end, 1)) {
			*cause = xasprintf("internal error: the times of '%s' "
			    "do not read back as planned", it->uid);
			goto out;
		}
	}
	if (i != c->nitems) {
		*cause = xasprintf("internal error: %zu events written, %zu "
		    "read back", c->nitems, i);
		goto out;
	}
	rc = 0;
out:
	icalcomponent_free(root);
	return rc;
}

/*
 * SOURCE_DATE_EPOCH (reproducible-builds.org) or the current time. A
 * malformed value is an error, as that specification asks.
 */
static int
stamp_time(ptime *out, char **cause)
{
	const ptime max = 253402300799;	/* 9999-12-31T23:59:59Z */
	const char *s = getenv("SOURCE_DATE_EPOCH"), *p;
	ptime t = 0;

	if (s == NULL || *s == '\0') {
		*out = (ptime)time(NULL);
		return 0;
	}
	for (p = s; *p >= '0' && *p <= '9' && t <= max; p++)
		t = t * 10 + (*p - '0');
	if (*p != '\0' || t > max) {
		*cause = xasprintf("invalid SOURCE_DATE_EPOCH '%s': expected "
		    "seconds since 1970 up to year 9999", s);
		return -1;
	}
	*out = t;
	return 0;
}

static int
item_cmp_uid(const void *a, const void *b)
{
	return strcmp((*(struct item *const *)a)->uid,
	    (*(struct item *const *)b)->uid);
}

/* Collect the events keep accepts, their zones and UIDs. */
static int
collect(struct cal *c, const struct plan *p, ics_filter *keep,
    void *arg, char **cause)
{
	struct item **byuid;
	size_t i, j, k;
	int rc = 0;

	for (i = 0; i < p->nexercises; i++) {
		const struct plan_exercise *px = &p->exercises[i];

		for (j = 0; j < px->nevents; j++) {
			const struct planned_event *pe = &px->events[j];
			struct item *it;
			size_t z;
			char *eid;

			if (keep != NULL && !keep(px, pe, arg))
				continue;
			if (zone_get(c, px->ex->timezone, &z, cause) == -1) {
				char *m = *cause;

				*cause = xasprintf("exercise '%s': %s",
				    px->ex->id, m);
				free(m);
				return -1;
			}
			c->items = vec_grow(c->items, &c->capitems, c->nitems,
			    sizeof(*c->items));
			it = &c->items[c->nitems++];
			memset(it, 0, sizeof(*it));
			it->px = px;
			it->pe = pe;
			it->zone = z;
			eid = event_id(pe);
			it->uid = xasprintf("%s.%s@planner", eid, px->ex->id);
			free(eid);
			it->all_day = pe->def->kind == EV_DEADLINE ||
			    pe->start == pe->end;
		}
	}
	for (k = 0; k < c->nitems; k++) {
		struct item *it = &c->items[k];
		icaltimezone *tz = c->zones[it->zone].tz;
		ptime local;

		if (!it->all_day)
			continue;
		local = it->pe->start;
		if (tz != NULL)
			local += offset_at(tz, local);
		it->day = utc_time(local);
		it->day.is_date = 1;
		it->day.hour = it->day.minute = it->day.second = 0;
		it->day.zone = NULL;
	}

	/* Ids may contain '.', so two events could spell one UID. */
	byuid = xcalloc(c->nitems, sizeof(*byuid));
	for (k = 0; k < c->nitems; k++)
		byuid[k] = &c->items[k];
	qsort(byuid, c->nitems, sizeof(*byuid), item_cmp_uid);
	for (k = 1; k < c->nitems; k++)
		if (strcmp(byuid[k - 1]->uid, byuid[k]->uid) == 0) {
			/* Name them in plan order: qsort is not stable. */
			const struct item *x = byuid[k - 1], *y = byuid[k];

			if (y < x)
				x = byuid[k], y = byuid[k - 1];
			*cause = xasprintf("events '%s' of '%s' and '%s' of "
			    "'%s' would share UID '%s'", x->pe->def->id,
			    x->px->ex->id, y->pe->def->id, y->px->ex->id,
			    x->uid);
			rc = -1;
			break;
		}
	free(byuid);
	return rc;
}

static int
zone_cmp(const void *a, const void *b)
{
	return strcmp((*(struct zone *const *)a)->name,
	    (*(struct zone *const *)b)->name);
}

/* The calendar as folded CRLF text (caller frees), or NULL with *cause. */
static char *
render(struct cal *c, const char *calname, size_t *lenp, char **cause)
{
	icalcomponent *cal, **events;
	struct zone **used;
	struct sb b = {0};
	size_t i, nused = 0;
	char *name, *esc, *raw, *text;
	const char *at;

	cal = must(icalcomponent_new_vcalendar());
	icalcomponent_add_property(cal, must(icalproperty_new_prodid(
	    "-//planner//planner " PLANNER_VERSION "//EN")));
	icalcomponent_add_property(cal, must(icalproperty_new_version("2.0")));
	name = clean_text(calname, 1);
	icalcomponent_add_property(cal, must(icalproperty_new_name(name)));

	/* Events first: building them decides which zones need a VTIMEZONE,
	 * which go before the events that use them. */
	events = xcalloc(c->nitems, sizeof(*events));
	for (i = 0; i < c->nitems; i++)
		events[i] = event_new(c, &c->items[i]);
	used = xcalloc(c->nzones, sizeof(*used));
	for (i = 0; i < c->nzones; i++)
		if (c->zones[i].used)
			used[nused++] = &c->zones[i];
	qsort(used, nused, sizeof(*used), zone_cmp);
	/* libical puts each VTIMEZONE added in front of the others. */
	for (i = nused; i-- > 0;)
		icalcomponent_add_component(cal, vtimezone_new(used[i]));
	for (i = 0; i < c->nitems; i++)
		icalcomponent_add_component(cal, events[i]);
	free(used);
	free(events);

	raw = must(icalcomponent_as_ical_string_r(cal));
	icalcomponent_free(cal);

	/*
	 * libical escapes backslashes and newlines in an X-property but
	 * never ',' or ';' (not even in a TEXT value, to which it adds
	 * VALUE=TEXT), and its parser unescapes them; so X-WR-CALNAME is
	 * written here, after the calendar's own properties, before its
	 * first component.
	 */
	esc = escape_text(name);
	free(name);
	if ((at = strstr(raw, "\r\nBEGIN:")) == NULL)
		at = strstr(raw, "\r\nEND:VCALENDAR");
	if (at == NULL)
		at = raw + strlen(raw);
	sb_putn(&b, raw, (size_t)(at - raw));
	sb_printf(&b, "\r\nX-WR-CALNAME:%s", esc);
	sb_puts(&b, at);
	free(esc);
	icalmemory_free_buffer(raw);
	text = refold(sb_str(&b), lenp);
	sb_free(&b);
	if (ics_test_mangle != NULL)
		ics_test_mangle(text, *lenp);
	if (self_check(c, text, cause) == -1) {
		free(text);
		return NULL;
	}
	return text;
}

int
ics_write(const struct plan *p, const char *calname,
    ics_filter *keep, void *arg, const char *path, char **cause)
{
	struct cal c;
	char *text = NULL;
	size_t i, len;
	int rc = -1;

	memset(&c, 0, sizeof(c));
	*cause = NULL;
	icalerror_set_errors_are_fatal(0);
	if (stamp_time(&c.stamp, cause) == -1)
		goto out;
	if (collect(&c, p, keep, arg, cause) == -1)
		goto out;
	if ((text = render(&c, calname, &len, cause)) == NULL)
		goto out;
	if (write_file_atomic(path, text, len) == -1) {
		*cause = xasprintf("cannot write '%s': %s", path,
		    strerror(errno));
		goto out;
	}
	rc = 0;
out:
	for (i = 0; i < c.nitems; i++)
		free(c.items[i].uid);
	free(c.items);
	free(c.zones);
	free(text);
	return rc;
}

int
ics_write_plan(const struct plan *p, const char *path, char **cause)
{
	struct sb name = {0};
	size_t i;
	int rc;

	for (i = 0; i < p->nexercises; i++)
		sb_printf(&name, "%s%s", i ? ", " : "",
		    or_else(p->exercises[i].ex->name, p->exercises[i].ex->id));
	rc = ics_write(p, sb_str(&name), NULL, NULL, path, cause);
	sb_free(&name);
	return rc;
}
