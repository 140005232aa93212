/* ics_write.c: iCalendar files for people and agencies, written through libical. */
#define _POSIX_C_SOURCE 200809L
#include "config.h"	/* PLANNER_VERSION, PLANNER_DATADIR */
#include "ics.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include <libical/ical.h>

#include "doctrine.h"
#include "duty.h"
#include "fsbatch.h"
#include "i18n.h"
#include "paths.h"
#include "progress.h"
#include "team.h"
#include "tz.h"
#include "util.h"


void (*ics_test_mangle)(char *text, size_t len);
int ics_threads;

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

enum item_kind {
	ITEM_EVENT,		/* a planned event */
	ITEM_CANCELLED,		/* one an earlier revision had */
	ITEM_TODO,		/* a checklist item, as a VTODO */
	ITEM_ACTION		/* a corrective action, as a VTODO */
};

/* One component of the calendar, with what the self-check expects to read. */
struct item {
	enum item_kind kind;
	const struct plan_exercise *px;
	const struct planned_event *pe;	/* ITEM_EVENT */
	size_t index;			/* of pe in px->events */
	const struct cancelled_event *ce;	/* ITEM_CANCELLED */
	const struct duty *duties;	/* ITEM_TODO: one per owner */
	size_t nduties;
	const struct corrective_action *ca;	/* ITEM_ACTION */
	ptime start, end;	/* UTC; for a VTODO, end is DUE */
	size_t zone;		/* index into cal.zones, which may move */
	const char *uid;	/* an event's is struct pieces', a task's
				 * own_uid */
	char *own_uid;
	const char *parent;	/* ITEM_TODO, ITEM_ACTION: the UID of its
				 * event, struct pieces' (an action's may
				 * be NULL) */
	int all_day;
	struct icaltimetype day;	/* the local date of an all-day item */
};

/* Distinct texts, by pointer (i18n.h keys texts by pointer). */
struct texts {
	const char **v;
	size_t n, cap;
};

struct pieces;

struct cal {
	const struct pieces *k;	/* the pieces, zones and UIDs of the run */
	struct item *items;
	size_t nitems, capitems;
	struct zone *zones;
	size_t nzones, capzones;
	struct duty **duties;	/* the duty lists ITEM_TODO items point into */
	size_t nduties, capduties;
	ptime stamp;
	const struct model *model;	/* the plan's, for people by id */
	const char *const *langs;	/* a person's languages, preferred
					 * first, for texts (i18n.h); NULL:
					 * the exercise's, as the model has */
	struct texts *seen;	/* when not NULL, gets each text tr() is
				 * asked about that has other languages */
};

#define PRODID	"-//planner//planner " PLANNER_VERSION "//EN"

/* Which times of a component carry a TZID (struct piece). */
#define PIECE_TZ_START	1u
#define PIECE_TZ_END	2u

/*
 * Components read back by libical in one parse. libical's tree is about
 * seven times the text it parses: L's master calendar (100 MB) parsed
 * whole would take more memory than the rest of planner.
 */
#define CHECK_CHUNK	256

/*
 * A component as written, folded, CRLF: the same bytes in every file
 * that holds it (the master, an agency's, a person's), so each is
 * rendered through libical, and read back by it, once per run rather
 * than once per file. A piece is put in struct pieces only once libical
 * has read it back as planned, so that a file can take it from there
 * as it is, whichever thread made it.
 */
struct piece {
	char *text;
	size_t len;
	unsigned tzid;		/* PIECE_TZ_*: times written with a TZID */
	/* The texts of the item that have other languages (as the
	 * exercise reads), then for another reader, what i18n_pick()
	 * gives of each for them: two readers with the same picks read
	 * the same bytes. */
	const char **picks;
	size_t npicks;
	struct piece *next;	/* the item as other readers read it */
};

/* A VTIMEZONE as written, cut to the years [y0, y1); checked against
 * its zone when made. */
struct tzpiece {
	const char *name;	/* borrowed from an exercise */
	int y0, y1;
	char *text;
	size_t len;
	struct tzpiece *next;
};

/*
 * The pieces of the files of one plan: those of one file, or those of
 * all the files ics_write_all() writes.
 */
struct pieces {
	const struct plan *plan;
	ptime stamp;			/* DTSTAMP: one for the whole run */
	size_t *evbase, *cxbase;	/* per exercise: the slot of its
					 * first event, cancelled event */
	struct piece **ev, **cx;	/* per slot: as the exercise reads,
					 * then other languages' (->next) */
	size_t nev, ncx;
	/* Per slot, the UID ("<event>.<exercise>@planner"), and per
	 * exercise its zone as zone_get() finds it (known: libical knows
	 * the name), made once: every file names the same events and
	 * zones, and making them again per file was about 6% of the time
	 * of writing 20,000 people's calendars. */
	char **evuid, **cxuid;
	icaltimezone **extz;
	unsigned char *exknown;
	char *head;			/* header_start() */
	size_t headlen;
	struct tzpiece *tz;
	/* Taken to read or change ev, cx (and their ->next lists) and tz
	 * while threads share them; pieces once put there do not change. */
	pthread_mutex_t lock;
	size_t nthreads;	/* that make the pieces of one file: 1 while
				 * files are written in parallel instead */
	/* Buffers check_pieces() is done with, under lock, for the next
	 * block to reuse: a block's calendar is a megabyte or so, and one
	 * made and freed per block kept malloc consolidating its heap. */
	struct sb *spare;
	size_t nspare, capspare;
};

/*
 * How many threads to write calendars with: ics_threads when set, else
 * one per processor online (up to TEAM_MAX). One when a test mangles
 * texts: its hook counts the texts it sees, which only a single thread
 * shows in order.
 */
static size_t
thread_count(void)
{
	return ics_test_mangle != NULL ? 1 : team_threads(ics_threads);
}

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
 * U+FFFD. With oneline, LF and TAB become spaces too. Runs of text that
 * stay as they are (nearly all of it) are copied whole.
 */
static char *
clean_text(const char *s, int oneline)
{
	struct sb b = {0};
	const unsigned char *p = (const unsigned char *)(s ? s : ""), *run;
	size_t n;

	while (*p) {
		for (run = p; *p >= 0x20 && *p != 0x7f;)
			if (*p < 0x80)
				p++;
			else if ((n = utf8_len(p)) != 0)
				p += n;
			else
				break;
		if (p > run)
			sb_putn(&b, (const char *)run, (size_t)(p - run));
		if (*p == '\0')
			break;
		if (*p == '\r' || *p == '\n') {
			sb_putc(&b, oneline ? ' ' : '\n');
			p += (p[0] == '\r' && p[1] == '\n') ? 2 : 1;
		} else if (*p == '\t') {
			sb_putc(&b, oneline ? ' ' : '\t');
			p++;
		} else if (*p < 0x20 || *p == 0x7f) {
			p++;
		} else {
			/* The run above stops at a byte >= 0x80 only where
			 * utf8_len() found no sequence. */
			sb_puts(&b, "\xef\xbf\xbd");
			p++;
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
 * The zone libical has for name: 0 with *tzp (NULL for "UTC", whose
 * times are written with Z), or -1 when it does not know the name.
 */
static int
builtin_zone(const char *name, icaltimezone **tzp)
{
	icaltimezone *tz;

	*tzp = NULL;
	if (empty(name) || (tz = icaltimezone_get_builtin_timezone(name)) ==
	    NULL)
		return -1;
	if (icaltimezone_get_component(tz) != NULL)
		*tzp = tz;
	return 0;
}

/*
 * Set *out to the index of the zone of exercise px in c->zones, adding
 * it on first use as pieces_init() found it: write_cal() sets c->k
 * before any item is added, so every zone is looked up once a run.
 * Returns 0, or -1 with *cause set when libical does not know the name.
 */
static int
zone_get(struct cal *c, const struct plan_exercise *px, size_t *out,
    char **cause)
{
	const char *name = px->ex->timezone;
	struct zone *z;
	icaltimezone *tz;
	size_t i, x;

	for (i = 0; i < c->nzones; i++)
		if (streq(c->zones[i].name, name)) {
			*out = i;
			return 0;
		}
	x = (size_t)(px - c->k->plan->exercises);
	tz = c->k->extz[x];
	if (!c->k->exknown[x]) {
		*cause = xasprintf("unknown time zone '%s'", name ? name : "");
		return -1;
	}
	c->zones = vec_grow(c->zones, &c->capzones, c->nzones,
	    sizeof(*c->zones));
	*out = c->nzones;
	z = &c->zones[c->nzones++];
	memset(z, 0, sizeof(*z));
	z->name = name;
	z->tz = tz;
	return 0;
}

/* Note that instant t is written with z's TZID: the file needs its
 * VTIMEZONE, covering t. */
static void
zone_note(struct zone *z, ptime t)
{
	if (!z->used || t < z->lo)
		z->lo = t;
	if (!z->used || t > z->hi)
		z->hi = t;
	z->used = 1;
}

/* DTSTART or DTEND of instant t: with a TZID when that reads back;
 * *tzid is set when it does (see zone_note()). */
static icalproperty *
time_prop(icalproperty *(*mk)(struct icaltimetype), const struct zone *z,
    ptime t, int *tzid)
{
	icalproperty *prop;

	*tzid = 0;
	if (z->tz == NULL || repeated_wall_time(z->tz, t))
		return must(mk(utc_time(t)));
	prop = must(mk(wall_time(z->tz, t)));
	icalproperty_add_parameter(prop, must(icalparameter_new_tzid(z->name)));
	*tzid = 1;
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

/* Whether text s has other languages (i18n.h). */
static int
has_variants(const struct model *m, const char *s)
{
	const struct i18n_var *v;

	return m != NULL && s != NULL && i18n_variants(m->i18n, s, &v) > 0;
}

/*
 * A template text as this calendar's reader reads it. Every text that
 * may read differently in a person's languages goes through here, so
 * that c->seen can tell what makes one component differ between
 * readers.
 */
static const char *
tr(const struct cal *c, const char *s)
{
	struct texts *t = c->seen;
	size_t i;

	if (t != NULL && has_variants(c->model, s)) {
		for (i = 0; i < t->n && t->v[i] != s; i++)
			;
		if (i == t->n) {
			t->v = vec_grow(t->v, &t->cap, t->n, sizeof(*t->v));
			t->v[t->n++] = s;
		}
	}
	return c->langs != NULL ? i18n_pick(c->model, s, c->langs) : s;
}

static const char *
role_name(const struct cal *c, const struct template *tpl, const char *id)
{
	size_t i;

	if (tpl != NULL)
		for (i = 0; i < tpl->nroles; i++)
			if (streq(tpl->roles[i].id, id))
				return empty(tpl->roles[i].name) ? id :
				    tr(c, tpl->roles[i].name);
	return id;
}

/* Where the event is: its own location (a room or a dial-in), else
 * the exercise's venue and address; NULL when none is known. */
static char *
location(const struct cal *c, const struct plan_exercise *px,
    const struct planned_event *pe)
{
	const struct exercise *ex = px->ex;

	if (!empty(pe->def->location))
		return xstrdup(tr(c, pe->def->location));
	if (empty(ex->venue) && empty(ex->address))
		return NULL;
	return xasprintf("%s%s%s", ex->venue ? ex->venue : "",
	    !empty(ex->venue) && !empty(ex->address) ? ", " : "",
	    ex->address ? ex->address : "");
}

/*
 * The deadlines this event waits for are its read-ahead: each by title
 * and local date at the venue.
 */
static void
read_ahead(const struct cal *c, struct sb *b, const struct plan_exercise *px,
    const struct planned_event *pe)
{
	const struct tz *venue = duty_venue_zone(px);
	size_t i, j;
	int n = 0;

	for (i = 0; i < pe->def->after.n; i++)
		for (j = 0; j < px->nevents; j++) {
			const struct planned_event *d = &px->events[j];
			char day[11];
			pdate dt;
			int secs;

			if (d->def->kind != EV_DEADLINE ||
			    !streq(d->def->id, pe->def->after.v[i]))
				continue;
			tz_to_local(venue, d->start, &dt, &secs);
			date_format(dt, day);
			sb_printf(b, "%s %s (%s)", n++ ? ";" : "Read-ahead:",
			    or_else(tr(c, d->def->title), d->def->id), day);
			break;
		}
	if (n > 0)
		sb_putc(b, '\n');
}

/*
 * Marking, the event's purpose and agenda (its description), its
 * read-ahead, where it is, the exercise type and who attends: each
 * role, with the people assigned to it.
 */
static char *
description(const struct cal *c, const struct plan_exercise *px,
    const struct planned_event *pe)
{
	const struct exercise *ex = px->ex;
	const struct event_def *def = pe->def;
	struct sb b = {0};
	size_t i, j;
	char *where;

	if (!empty(ex->marking))
		sb_printf(&b, "%s\n\n", ex->marking);
	if (!empty(def->description))
		sb_printf(&b, "%s\n\n", tr(c, def->description));
	read_ahead(c, &b, px, pe);
	if ((where = location(c, px, pe)) != NULL)
		sb_printf(&b, "Location: %s\n", where);
	free(where);
	if (ex->tpl != NULL)
		sb_printf(&b, "Exercise type: %s\n",
		    doctrine_type_name(ex->tpl->type));
	if (def->roles.n > 0)
		sb_puts(&b, "Roles attending:");
	for (i = 0; i < def->roles.n; i++) {
		const char *id = def->roles.v[i];
		int n = 0;

		/* sb_puts(), not sb_printf(): this runs per person per
		 * event, and a printf each was 5% of rendering events. */
		sb_puts(&b, i ? "; " : " ");
		sb_puts(&b, role_name(c, ex->tpl, id));
		for (j = 0; j < px->nassignments; j++) {
			const struct assignment *as = &px->assignments[j];

			if (as->role == NULL || as->person == NULL ||
			    !streq(as->role->id, id))
				continue;
			sb_puts(&b, n++ ? ", " : " (");
			sb_puts(&b, or_else(as->person->name,
			    or_else(as->person->id, "?")));
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
summary(const struct cal *c, const struct plan_exercise *px,
    const struct planned_event *pe)
{
	size_t i, ndays = 0;

	if (pe->day > 0)
		for (i = 0; i < px->nevents; i++)
			if (px->events[i].def == pe->def)
				ndays++;
	if (ndays > 1)
		return xasprintf("%s: %s (day %d of %zu)", or_else(px->ex->name,
		    px->ex->id), or_else(tr(c, pe->def->title), pe->def->id),
		    pe->day, ndays);
	return xasprintf("%s: %s", or_else(px->ex->name, px->ex->id),
	    or_else(tr(c, pe->def->title), pe->def->id));
}

/* A CN parameter: one line, '"' as '\'' (libical would write ^'). */
static icalparameter *
cn_param(const char *name)
{
	char *cn = clean_text(name, 1), *q;
	icalparameter *par;

	/* libical writes " as ^' (RFC 6868), which many clients show as
	 * it stands. */
	for (q = cn; *q; q++)
		if (*q == '"')
			*q = '\'';
	par = must(icalparameter_new_cn(cn));
	free(cn);
	return par;
}

/* Whether s contains word, ignoring case. */
static int
has_word(const char *s, const char *word)
{
	size_t n = strlen(word);

	for (; s != NULL && *s; s++)
		if (strncasecmp(s, word, n) == 0)
			return 1;
	return 0;
}

/*
 * RFC 5545 ROLE of a holder of r: directors and leads chair, observers
 * are optional, everyone else is required.
 */
static icalparameter_role
attendee_role(const struct role_def *r)
{
	if (has_word(r->id, "director") || has_word(r->id, "lead"))
		return ICAL_ROLE_CHAIR;
	if (has_word(r->id, "observer"))
		return ICAL_ROLE_OPTPARTICIPANT;
	return ICAL_ROLE_REQPARTICIPANT;
}

/* Whether assignment as attends or owns event index i. */
static int
attends(const struct assignment *as, size_t i)
{
	size_t k;

	for (k = 0; k < as->nevents; k++)
		if (as->events[k] == i)
			return 1;
	return 0;
}

/* "mailto:<email>" (caller frees), without a printf: one per ATTENDEE. */
static char *
mailto(const char *email)
{
	size_t n = strlen(email);
	char *s = xmalloc(n + 8);

	memcpy(s, "mailto:", 7);
	memcpy(s + 7, email, n + 1);
	return s;
}

/*
 * An ATTENDEE. xrole, when not NULL, is the person's exercise role ids
 * ("controller" or "controller,evaluator"): ROLE is RFC 5545's closed
 * list (CHAIR, REQ-PARTICIPANT, ...), so the exercise role travels in
 * an x-parameter, X-PLANNER-ROLE, which readers keep or ignore. Role
 * ids are [A-Za-z0-9._-], so the value needs no escaping.
 *
 * A parameter that would only restate RFC 5545's default (3.2.16
 * ROLE=REQ-PARTICIPANT, 3.2.12 PARTSTAT=NEEDS-ACTION, 3.2.3
 * CUTYPE=INDIVIDUAL) is left out: a reader takes the default when it
 * is absent, and at 60,000 seats those words were a third of every
 * calendar's bytes, which the disk then had to write.
 */
static icalproperty *
attendee_new(const char *email, const char *cn, icalparameter_role role,
    icalparameter_partstat partstat, icalparameter_cutype cutype,
    const char *xrole)
{
	char *s = mailto(email);
	icalproperty *prop = must(icalproperty_new_attendee(s));

	free(s);
	if (!empty(cn))
		icalproperty_add_parameter(prop, cn_param(cn));
	if (role != ICAL_ROLE_REQPARTICIPANT)
		icalproperty_add_parameter(prop,
		    must(icalparameter_new_role(role)));
	if (partstat == ICAL_PARTSTAT_INPROCESS) {
		/* libical 3.0 spells it INPROCESS; RFC 5545 says IN-PROCESS. */
		icalparameter *ps = must(icalparameter_new_partstat(
		    ICAL_PARTSTAT_X));

		icalparameter_set_xvalue(ps, "IN-PROCESS");
		icalproperty_add_parameter(prop, ps);
	} else if (partstat != ICAL_PARTSTAT_NEEDSACTION)
		icalproperty_add_parameter(prop,
		    must(icalparameter_new_partstat(partstat)));
	if (cutype != ICAL_CUTYPE_INDIVIDUAL)
		icalproperty_add_parameter(prop,
		    must(icalparameter_new_cutype(cutype)));
	if (!empty(xrole)) {
		icalparameter *x = must(icalparameter_new_x(xrole));

		icalparameter_set_xname(x, "X-PLANNER-ROLE");
		icalproperty_add_parameter(prop, x);
	}
	return prop;
}

/* The ids of the roles of pn that attend or own event index i
 * of px, comma-separated, in assignment order (caller frees). */
static char *
person_roles(const struct plan_exercise *px, const struct person *pn,
    size_t i)
{
	struct sb b = {0};
	size_t j;

	for (j = 0; j < px->nassignments; j++) {
		const struct assignment *as = &px->assignments[j];

		if (as->person == pn && as->role != NULL && attends(as, i)) {
			if (b.len > 0)
				sb_putc(&b, ',');
			sb_puts(&b, as->role->id);
		}
	}
	return sb_take(&b);
}

/*
 * One ATTENDEE per person assigned to a role that attends or owns event
 * index i of px (once, with the first such role), then one per agency
 * of pe with a contact address, as a group. The same in every file.
 * People and agencies without an e-mail address are left out: an
 * ATTENDEE must be a mailto: URI.
 */
static void
add_attendees(icalcomponent *ev, const struct plan_exercise *px, size_t i,
    const struct planned_event *pe)
{
	size_t j, k;
	char *roles;

	for (j = 0; j < px->nassignments; j++) {
		const struct assignment *as = &px->assignments[j];

		if (as->person == NULL || as->role == NULL ||
		    empty(as->person->email) || !attends(as, i))
			continue;
		for (k = 0; k < j; k++)
			if (px->assignments[k].person == as->person &&
			    px->assignments[k].role != NULL && attends(
			    &px->assignments[k], i))
				break;
		if (k < j)
			continue;
		roles = person_roles(px, as->person, i);
		icalcomponent_add_property(ev, attendee_new(as->person->email,
		    or_else(as->person->name, as->person->id),
		    attendee_role(as->role), ICAL_PARTSTAT_NEEDSACTION,
		    ICAL_CUTYPE_INDIVIDUAL, roles));
		free(roles);
	}
	for (k = 0; k < pe->nagencies; k++) {
		const struct agency *a = pe->agencies[k];

		if (empty(a->contact.email))
			continue;
		icalcomponent_add_property(ev, attendee_new(a->contact.email,
		    or_else(a->name, a->id), ICAL_ROLE_REQPARTICIPANT,
		    ICAL_PARTSTAT_NEEDSACTION, ICAL_CUTYPE_GROUP, NULL));
	}
}

static void
add_organizer(icalcomponent *c, const struct exercise *ex)
{
	icalproperty *prop;
	char *s;

	if (empty(ex->organiser.email))
		return;
	s = mailto(ex->organiser.email);
	prop = must(icalproperty_new_organizer(s));
	free(s);
	if (!empty(ex->organiser.name))
		icalproperty_add_parameter(prop, cn_param(ex->organiser.name));
	icalcomponent_add_property(c, prop);
}

/*
 * Reminders by kind of event, as RFC 5545 durations before its start:
 * a day's notice for what needs preparing, an hour for what needs only
 * reaching, two days for a deadline (an all-day item: its day starts
 * at midnight).
 */
static const char *const alarm_defaults[EV_NKINDS][3] = {
	[EV_PLANNING_MEETING] = { "-P1D", "-PT1H", NULL },
	[EV_BRIEFING] = { "-PT1H", NULL, NULL },
	[EV_CONDUCT] = { "-P1D", "-PT1H", NULL },
	[EV_HOT_WASH] = { "-PT15M", NULL, NULL },
	[EV_DEBRIEF] = { "-PT15M", NULL, NULL },
	[EV_AFTER_ACTION_MEETING] = { "-P1D", "-PT1H", NULL },
	[EV_DEADLINE] = { "-P2D", NULL, NULL },
	[EV_MEETING] = { "-PT1H", NULL, NULL },
};

/*
 * A template's offset as a trigger duration. The loader refuses months;
 * days stay nominal days (RFC 5545 3.3.6: the same wall time the day
 * before, across a DST change), whole weeks are written as weeks.
 */
static struct icaltriggertype
span_trigger(const struct span *sp)
{
	struct icaltriggertype tr;
	int64_t days = sp->days, secs = sp->secs;

	memset(&tr, 0, sizeof(tr));
	tr.time = icaltime_null_time();
	tr.duration = icaldurationtype_null_duration();
	if (days < 0 || secs < 0) {
		tr.duration.is_neg = 1;
		days = days < 0 ? -days : days;
		secs = secs < 0 ? -secs : secs;
	}
	if (secs == 0 && days > 0 && days % 7 == 0)
		tr.duration.weeks = (unsigned)(days / 7);
	else
		tr.duration.days = (unsigned)days;
	tr.duration.hours = (unsigned)(secs / 3600);
	tr.duration.minutes = (unsigned)(secs / 60 % 60);
	tr.duration.seconds = (unsigned)(secs % 60);
	return tr;
}

static void
add_alarm(icalcomponent *ev, struct icaltriggertype tr, const char *text)
{
	icalcomponent *al = must(icalcomponent_new_valarm());

	icalcomponent_add_property(al,
	    must(icalproperty_new_action(ICAL_ACTION_DISPLAY)));
	icalcomponent_add_property(al, must(icalproperty_new_trigger(tr)));
	icalcomponent_add_property(al,
	    must(icalproperty_new_description(text)));
	icalcomponent_add_component(ev, al);
}

/*
 * The event's own alarms when the template gives them, else the
 * template's for its kind, else the built-in defaults; a list given
 * empty means none. VALARMs go in after the event's properties: libical
 * writes subcomponents last, and Outlook wants them there.
 */
static void
add_alarms(icalcomponent *ev, const struct template *tpl,
    const struct event_def *def, const char *summ)
{
	const struct alarm_list *al = NULL;
	char *text = clean_text(summ, 1);
	size_t i;

	if (def->alarms.set)
		al = &def->alarms;
	else if (tpl != NULL && tpl->alarms[def->kind].set)
		al = &tpl->alarms[def->kind];
	if (al != NULL)
		for (i = 0; i < al->n; i++)
			add_alarm(ev, span_trigger(&al->v[i]), text);
	else
		for (i = 0; i < 3 && alarm_defaults[def->kind][i] != NULL; i++)
			add_alarm(ev, icaltriggertype_from_string(
			    alarm_defaults[def->kind][i]), text);
	free(text);
}

/* DTSTART and DTEND of it: dates for an all-day item, else times; the
 * PIECE_TZ_* bits of *tzid say which carry a TZID. */
static void
add_times(struct cal *c, icalcomponent *ev, const struct item *it,
    unsigned *tzid)
{
	const struct zone *z = &c->zones[it->zone];
	int s = 0, e = 0;

	if (it->all_day) {
		struct icaltimetype next = it->day;

		icaltime_adjust(&next, 1, 0, 0, 0);
		icalcomponent_add_property(ev,
		    must(icalproperty_new_dtstart(it->day)));
		icalcomponent_add_property(ev,
		    must(icalproperty_new_dtend(next)));
	} else {
		icalcomponent_add_property(ev,
		    time_prop(icalproperty_new_dtstart, z, it->start, &s));
		icalcomponent_add_property(ev,
		    time_prop(icalproperty_new_dtend, z, it->end, &e));
	}
	*tzid = (s ? PIECE_TZ_START : 0) | (e ? PIECE_TZ_END : 0);
}

/*
 * An event of an earlier revision that this one dropped: its old UID
 * and times, STATUS:CANCELLED and a higher SEQUENCE, so that calendars
 * subscribed to the file remove it.
 */
static icalcomponent *
cancelled_new(struct cal *c, const struct item *it, unsigned *tzid)
{
	icalcomponent *ev = must(icalcomponent_new_vevent());
	char *s;

	icalcomponent_add_property(ev, must(icalproperty_new_uid(it->uid)));
	icalcomponent_add_property(ev,
	    must(icalproperty_new_dtstamp(utc_time(c->stamp))));
	icalcomponent_add_property(ev,
	    must(icalproperty_new_sequence(it->ce->sequence)));
	icalcomponent_add_property(ev,
	    must(icalproperty_new_status(ICAL_STATUS_CANCELLED)));
	add_times(c, ev, it, tzid);
	s = xasprintf("%s: %s", or_else(it->px->ex->name, it->px->ex->id),
	    or_else(it->ce->title, it->ce->id));
	add_text(ev, icalproperty_new_summary, s, 1);
	free(s);
	add_organizer(ev, it->px->ex);
	icalcomponent_add_property(ev,
	    must(icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT)));
	return ev;
}

static icalcomponent *
event_new(struct cal *c, const struct item *it, unsigned *tzid)
{
	const struct plan_exercise *px = it->px;
	const struct planned_event *pe = it->pe;
	const struct exercise *ex = px->ex;
	const struct event_def *def = pe->def;
	icalcomponent *ev = must(icalcomponent_new_vevent());
	char *s, *summ;

	icalcomponent_add_property(ev, must(icalproperty_new_uid(it->uid)));
	icalcomponent_add_property(ev,
	    must(icalproperty_new_dtstamp(utc_time(c->stamp))));
	icalcomponent_add_property(ev,
	    must(icalproperty_new_sequence(pe->sequence)));
	icalcomponent_add_property(ev,
	    must(icalproperty_new_status(ICAL_STATUS_CONFIRMED)));
	add_times(c, ev, it, tzid);

	summ = summary(c, px, pe);
	add_text(ev, icalproperty_new_summary, summ, 1);
	s = description(c, px, pe);
	if (*s != '\0')
		add_text(ev, icalproperty_new_description, s, 0);
	free(s);
	if ((s = location(c, px, pe)) != NULL) {
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

	add_organizer(ev, ex);
	add_attendees(ev, px, it->index, pe);
	if (it->all_day)
		icalcomponent_add_property(ev,
		    must(icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT)));
	add_alarms(ev, ex->tpl, def, summ);
	free(summ);
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

/* The years [*y0, *y1) a VTIMEZONE of z is cut to: those of the
 * instants written with it, a month's margin either side, so that
 * small changes to a plan leave it alone. */
static void
zone_years(const struct zone *z, int *y0, int *y1)
{
	*y0 = utc_time(z->lo - TZ_MARGIN).year;
	*y1 = utc_time(z->hi + TZ_MARGIN).year + 1;
}

/*
 * A copy of the VTIMEZONE of tz under the bare name, cut to January 1st
 * of year y0 up to that of y1 (zone_years()). That also drops the LMT
 * offsets with seconds, such as -065956, which python3-icalendar 4.0.3
 * cannot read.
 */
static icalcomponent *
vtimezone_new(icaltimezone *tz, const char *name, int y0, int y1)
{
	icalcomponent *vtz, *obs, **split;
	icalproperty *prop;
	size_t i, nsplit = 0;

	vtz = must(icalcomponent_new_clone(icaltimezone_get_component(tz)));
	prop = icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY);
	if (prop != NULL)
		icalproperty_set_tzid(prop, name);
	else
		icalcomponent_add_property(vtz,
		    must(icalproperty_new_tzid(name)));
	icaltimezone_truncate_vtimezone(vtz, year_start(y0), year_start(y1),
	    0);
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

/* Backslashes in a row from which fold_line() works out, for every
 * byte of a line at once, where it may break. */
#define LONG_ESCAPE 16

/*
 * How a line s may be broken before s[i] (0 < i < n): 0 not at all
 * (inside a UTF-8 character, or between a backslash and the character
 * it escapes: after an odd number of them in a row), 1 only next to a
 * space, 2 freely.
 */
static int
break_at(const char *s, size_t i)
{
	size_t j;

	if (((unsigned char)s[i] & 0xc0) == 0x80)
		return 0;
	for (j = i; j > 0 && s[j - 1] == '\\'; j--)
		;
	if ((i - j) % 2 == 1)
		return 0;
	return s[i] != ' ' && s[i - 1] != ' ' ? 2 : 1;
}

/* Whether s[0..n) has LONG_ESCAPE backslashes in a row somewhere. */
static int
long_escape(const char *s, size_t n)
{
	const char *p = s, *end = s + n, *q;

	while ((p = memchr(p, '\\', (size_t)(end - p))) != NULL) {
		for (q = p; q < end && *q == '\\'; q++)
			;
		if (q - p >= LONG_ESCAPE)
			return 1;
		p = q;
	}
	return 0;
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
	unsigned char *ok = NULL;
	size_t i, start = 0, room = LINE_MAX_OCTETS, brk;
	int esc = 0;

	if (n <= LINE_MAX_OCTETS) {	/* most lines: nothing to fold */
		sb_putn(out, s, n);
		sb_putn(out, "\r\n", 2);
		return;
	}
	/*
	 * break_at() looks at the few bytes before a break and finds one
	 * in a step or two; only where backslashes run long would it
	 * count them again and again, so there every byte's answer is
	 * worked out first, once.
	 */
	if (long_escape(s, n)) {
		ok = xmalloc(n + 1);
		for (i = 0; i < n; i++) {
			ok[i] = ((unsigned char)s[i] & 0xc0) != 0x80 && !esc;
			if (ok[i] && s[i] != ' ' && (i == 0 || s[i - 1] != ' '))
				ok[i] = 2;
			esc = s[i] == '\\' && !esc;
		}
		ok[n] = 2;
	}
	while (n - start > room) {
		for (brk = start + room; brk > start && (ok != NULL ?
		    ok[brk] : break_at(s, brk)) < 2; brk--)
			;
		if (brk == start)
			for (brk = start + room; brk > start && (ok != NULL ?
			    ok[brk] : break_at(s, brk)) == 0; brk--)
				;
		if (brk == start)	/* cannot happen with clean text */
			brk = start + room;
		sb_putn(out, s + start, brk - start);
		sb_putn(out, "\r\n ", 3);
		start = brk;
		room = LINE_MAX_OCTETS - 1;
	}
	sb_putn(out, s + start, n - start);
	sb_putn(out, "\r\n", 2);
	free(ok);
}

/*
 * text (libical's, CRLF, folded its way) refolded by fold_line(), into
 * *lenp octets; caller frees. libical 3.0 folds a property whose last
 * piece is 73 octets between the CR and the LF that end it ("\r\r\n
 * \n"), which reads as an empty line after it; RFC 5545 has no empty
 * content line, so none is written.
 *
 * Every component and every file's own lines pass through here: a line
 * that libical did not fold is folded from the text where it stands,
 * and the result is sized for the text at once (refolding changes its
 * length by a few octets a line) rather than grown by copies.
 */
static char *
refold(const char *text, size_t *lenp)
{
	struct sb out = {0}, line = {0};
	const char *p = text, *seg;
	size_t len = strlen(text);

	sb_reserve(&out, len + len / 16 + 63);
	out.s[0] = '\0';	/* for sb_take() when there is no line */
	while (*p != '\0') {
		size_t n = strcspn(p, "\r\n");

		seg = p;
		p += n;
		if (*p == '\r')
			p++;
		if (*p == '\n')
			p++;
		if (*p == ' ' || *p == '\t') {	/* a continuation */
			sb_putn(&line, seg, n);
			p++;
			continue;
		}
		if (line.len > 0) {
			sb_putn(&line, seg, n);
			fold_line(&out, line.s, line.len);
			line.len = 0;
		} else if (n > 0)
			fold_line(&out, seg, n);
	}
	sb_free(&line);
	*lenp = out.len;
	/* Pieces last the whole run: give back what sb_reserve()'s
	 * doubling left over (writing L's calendars peaked at 267 MiB
	 * without this, 210 MiB with it). */
	return xreallocarray(out.s, out.len + 1, 1);
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

/*
 * text as libical reads it back: the component (caller frees), or NULL
 * with *cause when libical cannot parse it, finds an error in it (its
 * parser does not fail on a bad value: it leaves an X-LIC-ERROR
 * property in its place) or reads another kind of component than kind
 * (ICAL_NO_COMPONENT: any). what names the text in *cause ("the
 * calendar", "the VTIMEZONE of 'Europe/Kyiv'").
 */
static icalcomponent *
parse_back(const char *text, icalcomponent_kind kind, const char *what,
    char **cause)
{
	icalcomponent *root = icalparser_parse_string(text);
	const char *msg;
	int nerr;

	if (root == NULL) {
		*cause = xasprintf("internal error: libical cannot parse %s it "
		    "wrote", what);
		return NULL;
	}
	if ((nerr = icalcomponent_count_errors(root)) > 0) {
		msg = first_error(root);
		*cause = xasprintf("internal error: libical finds %d error%s "
		    "in %s it wrote: %s", nerr, nerr == 1 ? "" : "s", what,
		    msg ? msg : "(no message)");
		icalcomponent_free(root);
		return NULL;
	}
	if (kind != ICAL_NO_COMPONENT && icalcomponent_isa(root) != kind) {
		*cause = xasprintf("internal error: libical reads %s it wrote "
		    "as a %s", what, icalcomponent_kind_to_string(
		    icalcomponent_isa(root)));
		icalcomponent_free(root);
		return NULL;
	}
	return root;
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
 * libical finds no error, and every item's times read back as planned
 * (a VTODO: its DUE).
 */
static int
self_check(const struct cal *c, const char *text, char **cause)
{
	icalcomponent *root, *ev;
	size_t i = 0;
	int rc = -1;

	if ((root = parse_back(text, ICAL_NO_COMPONENT, "the calendar",
	    cause)) == NULL)
		return -1;
	for (ev = icalcomponent_get_first_component(root, ICAL_ANY_COMPONENT);
	    ev != NULL;
	    ev = icalcomponent_get_next_component(root, ICAL_ANY_COMPONENT)) {
		const struct item *it;
		int ok;

		if (icalcomponent_isa(ev) != ICAL_VEVENT_COMPONENT &&
		    icalcomponent_isa(ev) != ICAL_VTODO_COMPONENT)
			continue;
		if (i++ >= c->nitems)
			continue;	/* counted, and refused below */
		it = &c->items[i - 1];
		if (it->kind == ITEM_ACTION && !it->all_day)
			ok = icalcomponent_isa(ev) == ICAL_VTODO_COMPONENT &&
			    icalcomponent_get_first_property(ev,
			    ICAL_DUE_PROPERTY) == NULL;
		else if (it->kind == ITEM_TODO || it->kind == ITEM_ACTION)
			ok = icalcomponent_isa(ev) == ICAL_VTODO_COMPONENT &&
			    reads_back(icalcomponent_get_first_property(ev,
			    ICAL_DUE_PROPERTY), ev, it, it->end, 0);
		else
			ok = icalcomponent_isa(ev) == ICAL_VEVENT_COMPONENT &&
			    reads_back(icalcomponent_get_first_property(ev,
			    ICAL_DTSTART_PROPERTY), ev, it, it->start, 0) &&
			    reads_back(icalcomponent_get_first_property(ev,
			    ICAL_DTEND_PROPERTY), ev, it, it->end, 1);
		if (!ok) {
			*cause = xasprintf("internal error: the times of '%s' "
			    "do not read back as planned", it->uid);
			goto out;
		}
	}
	if (i != c->nitems) {
		*cause = xasprintf("internal error: %zu items written, %zu "
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

static const char *
item_id(const struct item *it)
{
	if (it->kind == ITEM_EVENT)
		return it->pe->def->id;
	if (it->kind == ITEM_CANCELLED)
		return it->ce->id;
	if (it->kind == ITEM_ACTION)
		return "corrective action";
	return it->duties[0].item->id;
}

/* A new item of px in the exercise's zone; NULL with *cause if unknown. */
static struct item *
item_add(struct cal *c, const struct plan_exercise *px, enum item_kind kind,
    char **cause)
{
	struct item *it;
	size_t z;

	if (zone_get(c, px, &z, cause) == -1) {
		char *m = *cause;

		*cause = xasprintf("exercise '%s': %s", px->ex->id, m);
		free(m);
		return NULL;
	}
	c->items = vec_grow(c->items, &c->capitems, c->nitems,
	    sizeof(*c->items));
	it = &c->items[c->nitems++];
	memset(it, 0, sizeof(*it));
	it->kind = kind;
	it->px = px;
	it->zone = z;
	return it;
}

/* The UID of event id of exercise px ("<event>.<exercise>@planner"). */
static char *
event_uid(const struct plan_exercise *px, const char *id)
{
	return xasprintf("%s.%s@planner", id, px->ex->id);
}

/* The UID of planned event pe of px, as k made it (borrowed). */
static const char *
ev_uid(const struct pieces *k, const struct plan_exercise *px,
    const struct planned_event *pe)
{
	return k->evuid[k->evbase[(size_t)(px - k->plan->exercises)] +
	    (size_t)(pe - px->events)];
}

/* The UID of cancelled event j of px, as k made it (borrowed). */
static const char *
cx_uid(const struct pieces *k, const struct plan_exercise *px, size_t j)
{
	return k->cxuid[k->cxbase[(size_t)(px - k->plan->exercises)] + j];
}

/* Set the local dates of all-day items, and refuse a UID used twice. */
static int
finish_items(struct cal *c, char **cause)
{
	struct item **byuid;
	size_t k;
	int rc = 0;

	for (k = 0; k < c->nitems; k++) {
		struct item *it = &c->items[k];
		icaltimezone *tz = c->zones[it->zone].tz;
		ptime local;

		if (!it->all_day || it->kind == ITEM_ACTION)
			continue;	/* an action's due is a date already */
		local = it->start;
		if (tz != NULL)
			local += offset_at(tz, local);
		it->day = utc_time(local);
		it->day.is_date = 1;
		it->day.hour = it->day.minute = it->day.second = 0;
		it->day.zone = NULL;
	}

	/* Ids may contain '.', so two items could spell one UID. */
	byuid = xcalloc(c->nitems + 1, sizeof(*byuid));
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
			    "'%s' would share UID '%s'", item_id(x),
			    x->px->ex->id, item_id(y), y->px->ex->id,
			    x->uid);
			rc = -1;
			break;
		}
	free(byuid);
	return rc;
}

/*
 * Collect the events keep accepts, then the exercise's cancelled events
 * when keep accepts the exercise (asked with pe NULL), their zones and
 * UIDs.
 */
static int
collect(struct cal *c, const struct plan *p, ics_filter *keep,
    void *arg, const size_t *only, size_t nonly, char **cause)
{
	size_t i, j, n = only != NULL ? nonly : p->nexercises;

	for (i = 0; i < n; i++) {
		const struct plan_exercise *px =
		    &p->exercises[only != NULL ? only[i] : i];

		for (j = 0; j < px->nevents; j++) {
			const struct planned_event *pe = &px->events[j];
			struct item *it;

			if (keep != NULL && !keep(px, pe, arg))
				continue;
			if ((it = item_add(c, px, ITEM_EVENT, cause)) == NULL)
				return -1;
			it->pe = pe;
			it->index = j;
			it->start = pe->start;
			it->end = pe->end;
			it->uid = ev_uid(c->k, px, pe);
			it->all_day = pe->def->kind == EV_DEADLINE ||
			    pe->start == pe->end;
		}
		if (px->ncancelled == 0 || (keep != NULL &&
		    !keep(px, NULL, arg)))
			continue;
		for (j = 0; j < px->ncancelled; j++) {
			const struct cancelled_event *ce = &px->cancelled[j];
			struct item *it;

			if ((it = item_add(c, px, ITEM_CANCELLED, cause)) ==
			    NULL)
				return -1;
			it->ce = ce;
			it->start = ce->start;
			it->end = ce->end;
			it->uid = cx_uid(c->k, px, j);
			it->all_day = ce->start >= ce->end;
		}
	}
	return finish_items(c, cause);
}

/*
 * The event a corrective action relates to: HSEEP has the Improvement
 * Plan's actions agreed at the after-action meeting, so its first
 * planned one; without one, the hot wash, where the areas for
 * improvement were first named; NULL when the exercise has neither.
 */
static const struct planned_event *
action_event(const struct plan_exercise *px)
{
	static const enum ev_kind kinds[] = { EV_AFTER_ACTION_MEETING,
	    EV_HOT_WASH };
	size_t i, k;

	for (k = 0; k < NELEM(kinds); k++)
		for (i = 0; i < px->nevents; i++)
			if (px->events[i].def->kind == kinds[k])
				return &px->events[i];
	return NULL;
}

/*
 * One VTODO per corrective action of px, in the order given. The UID
 * is "action/<no>.<exercise>@planner": the store's number never
 * changes, and '/' is not allowed in ids, so it cannot be an event's or
 * a checklist item's UID. Actions the store has not numbered are left
 * out: they would have no UID that lasts.
 */
static int
collect_actions(struct cal *c, const struct plan_exercise *px,
    const struct corrective_action *actions, size_t nactions, char **cause)
{
	const struct planned_event *pe = action_event(px);
	size_t i;

	for (i = 0; i < nactions; i++) {
		const struct corrective_action *ca = &actions[i];
		struct item *it;
		int y, m, d;

		if (ca->no <= 0 || !streq(ca->exercise, px->ex->id))
			continue;
		if ((it = item_add(c, px, ITEM_ACTION, cause)) == NULL)
			return -1;
		it->ca = ca;
		it->uid = it->own_uid = xasprintf("action/%lld.%s@planner",
		    (long long)ca->no, px->ex->id);
		if (pe != NULL)
			it->parent = ev_uid(c->k, px, pe);
		if (ca->due == 0)
			continue;
		it->all_day = 1;
		it->start = it->end = (ptime)ca->due * SECS_PER_DAY;
		date_to_ymd(ca->due, &y, &m, &d);
		it->day = icaltime_null_date();
		it->day.year = y;
		it->day.month = m;
		it->day.day = d;
	}
	return 0;
}

/*
 * One VTODO per checklist item of every exercise: its owners' duties
 * (duty.h) give DUE and who owes it. Items whose event is not planned
 * have no due date and are left out.
 */
static int
collect_tasks(struct cal *c, const struct plan *p,
    const struct item_done *done, size_t ndone,
    const struct corrective_action *actions, size_t nactions, char **cause)
{
	size_t i, j, k, n;

	for (i = 0; i < p->nexercises; i++) {
		const struct plan_exercise *px = &p->exercises[i];
		struct duty *dl = duty_list(px, done, ndone, &n);

		c->duties = vec_grow(c->duties, &c->capduties, c->nduties,
		    sizeof(*c->duties));
		c->duties[c->nduties++] = dl;
		for (j = 0; j < n; j = k) {
			struct item *it;

			for (k = j + 1; k < n && dl[k].item == dl[j].item; k++)
				;
			if (dl[j].event == NULL)
				continue;
			if ((it = item_add(c, px, ITEM_TODO, cause)) == NULL)
				return -1;
			it->duties = &dl[j];
			it->nduties = k - j;
			it->start = it->end = dl[j].due;
			it->uid = it->own_uid = xasprintf("%s.%s.%s@planner",
			    dl[j].item->id, dl[j].list->id, px->ex->id);
			it->parent = ev_uid(c->k, px, dl[j].event);
		}
		if (collect_actions(c, px, actions, nactions, cause) == -1)
			return -1;
	}
	return finish_items(c, cause);
}

/*
 * A checklist item as a VTODO: DUE in UTC, RELATED-TO its event, each
 * owner as ATTENDEE (PARTSTAT=COMPLETED once they have checked it off),
 * COMPLETED when every owner has, at the last check.
 */
static icalcomponent *
todo_new(struct cal *c, const struct item *it)
{
	const struct plan_exercise *px = it->px;
	const struct duty *d0 = &it->duties[0];
	icalcomponent *td = must(icalcomponent_new_vtodo());
	icalproperty *prop;
	ptime last = 0;
	size_t i;
	int ndone = 0;
	char *s;

	for (i = 0; i < it->nduties; i++)
		if (it->duties[i].done != NULL) {
			ndone++;
			if (it->duties[i].done->at > last)
				last = it->duties[i].done->at;
		}
	icalcomponent_add_property(td, must(icalproperty_new_uid(it->uid)));
	icalcomponent_add_property(td,
	    must(icalproperty_new_dtstamp(utc_time(c->stamp))));
	icalcomponent_add_property(td, must(icalproperty_new_sequence(0)));
	icalcomponent_add_property(td, must(icalproperty_new_due(
	    utc_time(it->end))));
	icalcomponent_add_property(td, must(icalproperty_new_status(
	    ndone == (int)it->nduties ? ICAL_STATUS_COMPLETED :
	    ICAL_STATUS_NEEDSACTION)));
	if (ndone == (int)it->nduties)
		icalcomponent_add_property(td,
		    must(icalproperty_new_completed(utc_time(last))));
	s = xasprintf("%s: %s", or_else(px->ex->name, px->ex->id),
	    or_else(d0->item->text, d0->item->id));
	add_text(td, icalproperty_new_summary, s, 1);
	free(s);
	s = xasprintf("%s%s%s\nChecklist: %s\nOwner: %s",
	    empty(px->ex->marking) ? "" : px->ex->marking,
	    empty(px->ex->marking) ? "" : "\n\n",
	    or_else(d0->item->text, d0->item->id),
	    or_else(d0->list->title, d0->list->id),
	    or_else(d0->role_name, d0->item->owner));
	add_text(td, icalproperty_new_description, s, 0);
	free(s);
	add_organizer(td, px->ex);
	for (i = 0; i < it->nduties; i++) {
		const struct duty *d = &it->duties[i];

		if (d->person == NULL || empty(d->person->email))
			continue;
		icalcomponent_add_property(td, attendee_new(d->person->email,
		    or_else(d->person->name, d->person->id),
		    ICAL_ROLE_REQPARTICIPANT, d->done != NULL ?
		    ICAL_PARTSTAT_COMPLETED : ICAL_PARTSTAT_NEEDSACTION,
		    ICAL_CUTYPE_INDIVIDUAL, d->item->owner));
	}
	prop = must(icalproperty_new_relatedto(it->parent));
	icalproperty_add_parameter(prop,
	    must(icalparameter_new_reltype(ICAL_RELTYPE_PARENT)));
	icalcomponent_add_property(td, prop);
	return td;
}

/* The store's action status as a VTODO STATUS; unknown reads as open. */
static icalproperty_status
action_status(const char *status)
{
	if (streq(status, "closed"))
		return ICAL_STATUS_COMPLETED;
	if (streq(status, "in-progress"))
		return ICAL_STATUS_INPROCESS;
	return ICAL_STATUS_NEEDSACTION;
}

/*
 * A corrective action as a VTODO: DUE (and DTSTART) as dates, the
 * status the store keeps, the point of contact as ATTENDEE, the
 * Improvement Plan's columns in DESCRIPTION and RELATED-TO the
 * after-action meeting when there is one.
 */
static icalcomponent *
action_new(struct cal *c, const struct item *it)
{
	const struct plan_exercise *px = it->px;
	const struct corrective_action *ca = it->ca;
	const struct person *pn = model_person(c->model, ca->poc_id);
	icalcomponent *td = must(icalcomponent_new_vtodo());
	icalproperty_status st = action_status(ca->status);
	icalproperty *prop;
	struct sb b = {0};
	char *s;

	icalcomponent_add_property(td, must(icalproperty_new_uid(it->uid)));
	icalcomponent_add_property(td,
	    must(icalproperty_new_dtstamp(utc_time(c->stamp))));
	icalcomponent_add_property(td, must(icalproperty_new_sequence(0)));
	if (ca->start != 0 && it->all_day && ca->start <= ca->due) {
		struct icaltimetype d = icaltime_null_date();
		int y, m, dd;

		date_to_ymd(ca->start, &y, &m, &dd);
		d.year = y;
		d.month = m;
		d.day = dd;
		icalcomponent_add_property(td,
		    must(icalproperty_new_dtstart(d)));
	}
	if (it->all_day)
		icalcomponent_add_property(td,
		    must(icalproperty_new_due(it->day)));
	icalcomponent_add_property(td, must(icalproperty_new_status(st)));
	s = xasprintf("%s: %s", or_else(px->ex->name, px->ex->id),
	    or_else(ca->action, "corrective action"));
	add_text(td, icalproperty_new_summary, s, 1);
	free(s);
	if (!empty(px->ex->marking))
		sb_printf(&b, "%s\n\n", px->ex->marking);
	sb_printf(&b, "Corrective action A%lld: %s", (long long)ca->no,
	    or_else(ca->action, "-"));
	if (!empty(ca->capability))
		sb_printf(&b, "\nCore capability: %s", ca->capability);
	if (!empty(ca->observation))
		sb_printf(&b, "\nArea for improvement: %s", ca->observation);
	if (!empty(ca->recommendation))
		sb_printf(&b, "\nRecommendation: %s", ca->recommendation);
	if (!empty(ca->element))
		sb_printf(&b, "\nCapability element: %s", ca->element);
	if (!empty(ca->agency))
		sb_printf(&b, "\nResponsible agency: %s", ca->agency);
	if (!empty(ca->contact))
		sb_printf(&b, "\nPoint of contact: %s", ca->contact);
	sb_printf(&b, "\nStatus: %s", or_else(ca->status, "open"));
	add_text(td, icalproperty_new_description, sb_str(&b), 0);
	sb_free(&b);
	add_organizer(td, px->ex);
	if (pn != NULL && !empty(pn->email))
		icalcomponent_add_property(td, attendee_new(pn->email,
		    or_else(pn->name, pn->id), ICAL_ROLE_REQPARTICIPANT,
		    st == ICAL_STATUS_COMPLETED ? ICAL_PARTSTAT_COMPLETED :
		    st == ICAL_STATUS_INPROCESS ? ICAL_PARTSTAT_INPROCESS :
		    ICAL_PARTSTAT_NEEDSACTION, ICAL_CUTYPE_INDIVIDUAL, NULL));
	if (it->parent != NULL) {
		prop = must(icalproperty_new_relatedto(it->parent));
		icalproperty_add_parameter(prop,
		    must(icalparameter_new_reltype(ICAL_RELTYPE_PARENT)));
		icalcomponent_add_property(td, prop);
	}
	return td;
}

/*
 * The lines every calendar starts with, BEGIN, PRODID and VERSION, as
 * libical writes them (caller frees), made once per run: header() adds
 * each file's NAME to them, which libical writes property by property
 * as it would inside the calendar.
 */
static char *
header_start(size_t *lenp)
{
	static const char end[] = "END:VCALENDAR\r\n";
	icalcomponent *cal = must(icalcomponent_new_vcalendar());
	char *raw, *text;
	size_t n;

	icalcomponent_add_property(cal, must(icalproperty_new_prodid(PRODID)));
	icalcomponent_add_property(cal, must(icalproperty_new_version("2.0")));
	raw = must(icalcomponent_as_ical_string_r(cal));
	icalcomponent_free(cal);
	n = strlen(raw);
	if (n >= sizeof(end) - 1 && strcmp(raw + n - (sizeof(end) - 1),
	    end) == 0)
		n -= sizeof(end) - 1;
	text = xstrndup(raw, n);
	icalmemory_free_buffer(raw);
	*lenp = n;
	return text;
}

static int
zone_cmp(const void *a, const void *b)
{
	return strcmp((*(struct zone *const *)a)->name,
	    (*(struct zone *const *)b)->name);
}

/* Empty pieces for plan p, with the run's DTSTAMP, made with
 * thread_count() threads. Returns 0, or -1 with *cause (a malformed
 * SOURCE_DATE_EPOCH). pieces_clear() either way. */
static int
pieces_init(struct pieces *k, const struct plan *p, char **cause)
{
	size_t i;

	memset(k, 0, sizeof(*k));
	pthread_mutex_init(&k->lock, NULL);
	k->nthreads = thread_count();
	k->plan = p;
	if (stamp_time(&k->stamp, cause) == -1)
		return -1;
	k->evbase = xcalloc(p->nexercises + 1, sizeof(*k->evbase));
	k->cxbase = xcalloc(p->nexercises + 1, sizeof(*k->cxbase));
	for (i = 0; i < p->nexercises; i++) {
		k->evbase[i] = k->nev;
		k->nev += p->exercises[i].nevents;
		k->cxbase[i] = k->ncx;
		k->ncx += p->exercises[i].ncancelled;
	}
	k->ev = xcalloc(k->nev + 1, sizeof(*k->ev));
	k->cx = xcalloc(k->ncx + 1, sizeof(*k->cx));
	k->head = header_start(&k->headlen);
	k->evuid = xcalloc(k->nev + 1, sizeof(*k->evuid));
	k->cxuid = xcalloc(k->ncx + 1, sizeof(*k->cxuid));
	k->extz = xcalloc(p->nexercises + 1, sizeof(*k->extz));
	k->exknown = xcalloc(p->nexercises + 1, 1);
	for (i = 0; i < p->nexercises; i++) {
		const struct plan_exercise *px = &p->exercises[i];
		size_t j;

		for (j = 0; j < px->nevents; j++) {
			char *eid = event_id(&px->events[j]);

			k->evuid[k->evbase[i] + j] = event_uid(px, eid);
			free(eid);
		}
		for (j = 0; j < px->ncancelled; j++)
			k->cxuid[k->cxbase[i] + j] = event_uid(px,
			    px->cancelled[j].id);
		k->exknown[i] = builtin_zone(px->ex->timezone,
		    &k->extz[i]) == 0;
	}
	return 0;
}

static void
piece_free(struct piece *pc)
{
	struct piece *next;

	for (; pc != NULL; pc = next) {
		next = pc->next;
		free(pc->text);
		free(pc->picks);
		free(pc);
	}
}

static void
pieces_clear(struct pieces *k)
{
	struct tzpiece *t, *next;
	size_t i;

	for (i = 0; i < k->nev; i++) {
		piece_free(k->ev[i]);
		free(k->evuid != NULL ? k->evuid[i] : NULL);
	}
	for (i = 0; i < k->ncx; i++) {
		piece_free(k->cx[i]);
		free(k->cxuid != NULL ? k->cxuid[i] : NULL);
	}
	free(k->head);
	free(k->evuid);
	free(k->cxuid);
	free(k->extz);
	free(k->exknown);
	for (t = k->tz; t != NULL; t = next) {
		next = t->next;
		free(t->text);
		free(t);
	}
	for (i = 0; i < k->nspare; i++)
		sb_free(&k->spare[i]);
	free(k->spare);
	free(k->ev);
	free(k->cx);
	free(k->evbase);
	free(k->cxbase);
	pthread_mutex_destroy(&k->lock);
	memset(k, 0, sizeof(*k));
}

/* comp as folded text, into *lenp octets (caller frees); frees comp. */
static char *
component_text(icalcomponent *comp, size_t *lenp)
{
	char *raw = must(icalcomponent_as_ical_string_r(comp)), *text;

	icalcomponent_free(comp);
	text = refold(raw, lenp);
	icalmemory_free_buffer(raw);
	if (ics_test_mangle != NULL)
		ics_test_mangle(text, *lenp);
	return text;
}

/* Item it rendered in c's languages, not checked yet, with the texts
 * in it that have other languages (->picks). */
static struct piece *
piece_new(struct cal *c, const struct item *it)
{
	struct piece *pc = xcalloc(1, sizeof(*pc));
	struct texts seen = {0};
	icalcomponent *comp;

	c->seen = &seen;
	comp = it->kind == ITEM_EVENT ? event_new(c, it, &pc->tzid) :
	    it->kind == ITEM_CANCELLED ? cancelled_new(c, it, &pc->tzid) :
	    it->kind == ITEM_ACTION ? action_new(c, it) : todo_new(c, it);
	c->seen = NULL;
	pc->picks = seen.v;
	pc->npicks = seen.n;
	pc->text = component_text(comp, &pc->len);
	return pc;
}

/* The slot in k of event or cancelled event it; NULL for a task (those
 * are in one file only). */
static struct piece **
piece_slot(struct pieces *k, const struct item *it)
{
	size_t x;

	if (it->kind != ITEM_EVENT && it->kind != ITEM_CANCELLED)
		return NULL;
	x = (size_t)(it->px - k->plan->exercises);
	return it->kind == ITEM_EVENT ? &k->ev[k->evbase[x] + it->index] :
	    &k->cx[k->cxbase[x] + (size_t)(it->ce - it->px->cancelled)];
}

/* How render() came by the piece of an item (struct prep). */
#define FRESH_BASE	1	/* made here, as the exercise reads */
#define FRESH_VARIANT	2	/* made here, in the reader's languages */

/*
 * What render() prepares for one file, per item: the piece written,
 * whether it was made for this file (and not read back nor put in k
 * yet), and the piece as the exercise reads it when that had to be
 * made only to learn which texts vary (k did not have it yet).
 */
struct prep {
	const struct cal *c;
	struct pieces *k;
	struct piece **pcs;
	unsigned char *fresh;	/* FRESH_*, or 0: from k */
	struct piece **base;
	char **causes;		/* per block of CHECK_CHUNK items */
};

/*
 * Set pr's piece of item i as c's reader reads it: k's when it has one
 * for them, else one made now. The exercise's own text comes first: it
 * is what the master and agency files hold, and rendering it finds the
 * texts of the item that have other languages. A reader for whom
 * i18n_pick() gives the same of each as the exercise or an earlier
 * reader reads that piece.
 */
static void
piece_pick(struct cal *c, struct prep *pr, size_t i)
{
	const struct item *it = &c->items[i];
	const char *const *langs = c->langs;
	struct pieces *k = pr->k;
	struct piece **slot = piece_slot(k, it), *base, *pc;
	const char **picks;
	size_t j, n;

	if (slot == NULL) {
		pr->pcs[i] = piece_new(c, it);
		pr->fresh[i] = FRESH_BASE;
		return;
	}
	pthread_mutex_lock(&k->lock);
	base = *slot;
	pthread_mutex_unlock(&k->lock);
	if (base == NULL) {
		c->langs = NULL;
		base = pr->base[i] = piece_new(c, it);
		c->langs = langs;
	}
	pc = base;
	if (langs != NULL && (n = base->npicks) > 0) {
		picks = xcalloc(n, sizeof(*picks));
		for (j = 0; j < n; j++)
			picks[j] = i18n_pick(c->model, base->picks[j], langs);
		pthread_mutex_lock(&k->lock);
		for (; pc != NULL; pc = pc->next)
			if (memcmp(pc->picks, picks, n * sizeof(*picks)) == 0)
				break;
		pthread_mutex_unlock(&k->lock);
		if (pc == NULL) {
			pc = piece_new(c, it);
			free(pc->picks);
			pc->picks = picks;
			pc->npicks = n;
			pr->pcs[i] = pc;
			pr->fresh[i] = FRESH_VARIANT;
			return;
		}
		free(picks);
	}
	pr->pcs[i] = pc;
	if (pc == pr->base[i]) {	/* made here, and what it reads */
		pr->base[i] = NULL;
		pr->fresh[i] = FRESH_BASE;
	}
}

/*
 * Put the pieces pr made, now read back, in k for the files to come,
 * in item order; those k has meanwhile got from another thread stay
 * pr's (the same bytes), to be freed with it.
 */
static void
publish(struct prep *pr, size_t nitems)
{
	struct pieces *k = pr->k;
	struct piece **slot, *pc, *q;
	size_t i;

	pthread_mutex_lock(&k->lock);
	for (i = 0; i < nitems; i++) {
		if ((slot = piece_slot(k, &pr->c->items[i])) == NULL)
			continue;
		if (pr->base[i] != NULL && *slot == NULL) {
			*slot = pr->base[i];
			pr->base[i] = NULL;
		}
		pc = pr->pcs[i];
		if (pr->fresh[i] == FRESH_BASE && *slot == NULL) {
			*slot = pc;
			pr->fresh[i] = 0;
		} else if (pr->fresh[i] == FRESH_VARIANT) {
			for (q = *slot; q != NULL; q = q->next)
				if (memcmp(q->picks, pc->picks,
				    pc->npicks * sizeof(*pc->picks)) == 0)
					break;
			if (q == NULL) {
				pc->next = (*slot)->next;
				(*slot)->next = pc;
				pr->fresh[i] = 0;
			}
		}
	}
	pthread_mutex_unlock(&k->lock);
}

/*
 * Whether the VTIMEZONE t reads back as zone tz: libical finds no error
 * in it, its TZID is the zone's name, and it gives the zone's UTC offset
 * at every instant a file may write with it (those of zone_years()),
 * probed every six hours and on both sides of each change, found to the
 * second. Returns 0, or -1 with *cause.
 */
static int
check_tz(const struct tzpiece *t, icaltimezone *tz, char **cause)
{
	const ptime step = 6 * 3600;
	icalcomponent *comp;
	icaltimezone *own = NULL;
	icalproperty *prop;
	ptime from, to, at, lo, hi, mid;
	int prev, off;
	char what[160];

	snprintf(what, sizeof(what), "the VTIMEZONE of '%s'", t->name);
	if ((comp = parse_back(t->text, ICAL_VTIMEZONE_COMPONENT, what,
	    cause)) == NULL)
		return -1;
	prop = icalcomponent_get_first_property(comp, ICAL_TZID_PROPERTY);
	if (prop == NULL || !streq(icalproperty_get_tzid(prop), t->name)) {
		*cause = xasprintf("internal error: the VTIMEZONE of '%s' is "
		    "named '%s'", t->name,
		    prop ? icalproperty_get_tzid(prop) : "");
		icalcomponent_free(comp);
		return -1;
	}
	own = must(icaltimezone_new());
	if (!icaltimezone_set_component(own, comp)) {
		icalcomponent_free(comp);
		icaltimezone_free(own, 1);
		*cause = xasprintf("internal error: libical cannot read the "
		    "VTIMEZONE of '%s' it wrote", t->name);
		return -1;
	}
	from = (ptime)icaltime_as_timet(year_start(t->y0)) + TZ_MARGIN;
	to = (ptime)icaltime_as_timet(year_start(t->y1)) - TZ_MARGIN;
	prev = offset_at(tz, from);
	for (at = from; at <= to; at += step) {
		if ((off = offset_at(tz, at)) != offset_at(own, at))
			break;
		if (off != prev) {
			/* The change lies in (at - step, at]: find it. */
			for (lo = at - step, hi = at; hi - lo > 1;) {
				mid = lo + (hi - lo) / 2;
				if (offset_at(tz, mid) == prev)
					lo = mid;
				else
					hi = mid;
			}
			if (offset_at(own, lo) != prev) {
				at = lo;
				break;
			}
			if (offset_at(own, hi) != off) {
				at = hi;
				break;
			}
			prev = off;
		}
	}
	icaltimezone_free(own, 1);
	if (at <= to) {
		char when[32];
		struct icaltimetype tt = utc_time(at);

		snprintf(when, sizeof(when), "%04d-%02d-%02dT%02d:%02d:%02dZ",
		    tt.year, tt.month, tt.day, tt.hour, tt.minute, tt.second);
		*cause = xasprintf("internal error: the VTIMEZONE of '%s' "
		    "does not give the zone's UTC offset at %s", t->name, when);
		return -1;
	}
	return 0;
}

/* The VTIMEZONE of name cut to [y0, y1) that k has, or NULL; the
 * caller holds k->lock. */
static struct tzpiece *
tz_find(const struct pieces *k, const char *name, int y0, int y1)
{
	struct tzpiece *t;

	for (t = k->tz; t != NULL; t = t->next)
		if (t->y0 == y0 && t->y1 == y1 && streq(t->name, name))
			return t;
	return NULL;
}

/*
 * The VTIMEZONE of zone z for the instants noted in it, made and checked
 * on first use and kept in k. It is made and checked without k->lock,
 * which every thread's pieces wait on (checking probes the zone's
 * offsets over years); two threads may then both make one, the same
 * bytes, and the first put in k is kept. NULL with *cause when it does
 * not read back (check_tz()).
 */
static const struct tzpiece *
tz_piece(struct pieces *k, const struct zone *z, char **cause)
{
	struct tzpiece *t, *had;
	int y0, y1;

	zone_years(z, &y0, &y1);
	pthread_mutex_lock(&k->lock);
	t = tz_find(k, z->name, y0, y1);
	pthread_mutex_unlock(&k->lock);
	if (t != NULL)
		return t;
	t = xcalloc(1, sizeof(*t));
	t->name = z->name;
	t->y0 = y0;
	t->y1 = y1;
	t->text = component_text(vtimezone_new(z->tz, z->name, y0, y1),
	    &t->len);
	if (check_tz(t, z->tz, cause) == -1) {
		free(t->text);
		free(t);
		return NULL;
	}
	pthread_mutex_lock(&k->lock);
	if ((had = tz_find(k, z->name, y0, y1)) == NULL) {
		t->next = k->tz;
		k->tz = t;
	}
	pthread_mutex_unlock(&k->lock);
	if (had != NULL) {
		free(t->text);
		free(t);
		t = had;
	}
	return t;
}

/* A piece to read back, made for item c->items[item]. */
struct check {
	size_t item;
	struct piece *pc;
};

/*
 * Have libical read back the pieces chk[0..n), CHECK_CHUNK at a time in
 * a calendar of their own with the VTIMEZONEs they need, as
 * self_check() does for a whole file. Returns 0, or -1 with *cause.
 */
static int
check_pieces(const struct cal *c, struct pieces *k, const struct check *chk,
    size_t n, char **cause)
{
	static const char end[] = "END:VCALENDAR\r\n";
	struct cal v;
	struct sb b = {0};
	const struct tzpiece **tzv;
	size_t from, i, m, nt, need;
	int rc = 0;

	if (n == 0)	/* a file whose pieces were all made before */
		return 0;
	memset(&v, 0, sizeof(v));
	v.items = xcalloc(n < CHECK_CHUNK ? n : CHECK_CHUNK, sizeof(*v.items));
	v.zones = xcalloc(c->nzones + 1, sizeof(*v.zones));
	v.nzones = c->nzones;
	tzv = xcalloc(c->nzones + 1, sizeof(*tzv));
	pthread_mutex_lock(&k->lock);
	if (k->nspare > 0)
		b = k->spare[--k->nspare];
	pthread_mutex_unlock(&k->lock);
	for (from = 0; rc == 0 && from < n; from += m) {
		m = n - from < CHECK_CHUNK ? n - from : CHECK_CHUNK;
		for (i = 0; i < c->nzones; i++) {
			v.zones[i] = c->zones[i];
			v.zones[i].used = 0;
		}
		for (i = 0; i < m; i++) {
			const struct item *it = &c->items[chk[from + i].item];
			unsigned tzid = chk[from + i].pc->tzid;

			v.items[i] = *it;
			if (tzid & PIECE_TZ_START)
				zone_note(&v.zones[it->zone], it->start);
			if (tzid & PIECE_TZ_END)
				zone_note(&v.zones[it->zone], it->end);
		}
		v.nitems = m;
		need = k->headlen + sizeof(end) - 1;
		for (i = nt = 0; i < v.nzones && rc == 0; i++) {
			if (!v.zones[i].used)
				continue;
			if ((tzv[nt] = tz_piece(k, &v.zones[i], cause)) == NULL)
				rc = -1;
			else
				need += tzv[nt++]->len;
		}
		if (rc == -1)
			break;
		for (i = 0; i < m; i++)
			need += chk[from + i].pc->len;
		b.len = 0;
		sb_reserve(&b, need);	/* the whole text at once */
		sb_putn(&b, k->head, k->headlen);
		for (i = 0; i < nt; i++)
			sb_putn(&b, tzv[i]->text, tzv[i]->len);
		for (i = 0; i < m; i++)
			sb_putn(&b, chk[from + i].pc->text,
			    chk[from + i].pc->len);
		sb_putn(&b, end, sizeof(end) - 1);
		rc = self_check(&v, sb_str(&b), cause);
	}
	pthread_mutex_lock(&k->lock);
	k->spare = vec_grow(k->spare, &k->capspare, k->nspare,
	    sizeof(*k->spare));
	k->spare[k->nspare++] = b;
	pthread_mutex_unlock(&k->lock);
	free(tzv);
	free(v.items);
	free(v.zones);
	return rc;
}

/*
 * The calendar's own lines, folded: BEGIN, PRODID, VERSION (k's
 * header_start()), NAME and X-WR-CALNAME (caller frees), once libical
 * finds no error in them; NULL with *cause if it does.
 */
static char *
header(const struct pieces *k, const char *calname, size_t *lenp,
    char **cause)
{
	static const char end[] = "END:VCALENDAR\r\n";
	icalproperty *prop;
	icalcomponent *root;
	struct sb b = {0};
	char *name, *esc, *raw, *text;

	name = clean_text(calname, 1);
	prop = must(icalproperty_new_name(name));
	raw = must(icalproperty_as_ical_string_r(prop));
	icalproperty_free(prop);

	/*
	 * libical escapes backslashes and newlines in an X-property but
	 * never ',' or ';' (not even in a TEXT value, to which it adds
	 * VALUE=TEXT), and its parser unescapes them; so X-WR-CALNAME is
	 * written here, after the calendar's own properties, before its
	 * first component.
	 */
	esc = escape_text(name);
	sb_putn(&b, k->head, k->headlen);
	sb_puts(&b, raw);
	sb_puts(&b, "X-WR-CALNAME:");
	sb_puts(&b, esc);
	sb_puts(&b, "\r\n");
	free(esc);
	free(name);
	icalmemory_free_buffer(raw);
	text = refold(sb_str(&b), lenp);
	if (ics_test_mangle != NULL)
		ics_test_mangle(text, *lenp);
	b.len = 0;
	sb_putn(&b, text, *lenp);
	sb_puts(&b, end);
	root = parse_back(sb_str(&b), ICAL_NO_COMPONENT, "the calendar",
	    cause);
	sb_free(&b);
	if (root == NULL) {
		free(text);
		return NULL;
	}
	icalcomponent_free(root);
	return text;
}

/*
 * Job b of render()'s team: the pieces of items of block b (CHECK_CHUNK
 * of them) as piece_pick() finds or makes them, those made read back
 * together. Returns 0, or -1 with pr->causes[b].
 */
static int
prep_block(void *arg, size_t b)
{
	struct prep *pr = arg;
	struct cal c = *pr->c;	/* its own languages and texts seen */
	size_t from = b * CHECK_CHUNK, to = from + CHECK_CHUNK, i, n = 0;
	struct check *chk;
	int rc;

	if (to > c.nitems)
		to = c.nitems;
	c.seen = NULL;
	chk = xcalloc(2 * (to - from) + 1, sizeof(*chk));
	for (i = from; i < to; i++) {
		piece_pick(&c, pr, i);
		if (pr->base[i] != NULL) {
			chk[n].item = i;
			chk[n++].pc = pr->base[i];
		}
		if (pr->fresh[i]) {
			chk[n].item = i;
			chk[n++].pc = pr->pcs[i];
		}
	}
	rc = check_pieces(&c, pr->k, chk, n, &pr->causes[b]);
	free(chk);
	return rc;
}

/*
 * Before threads render c's items: load what their rendering would
 * otherwise load on first use, unguarded: libical's offsets of a zone,
 * once per exercise (tz.h's zones lock their own cache).
 */
static void
warm_zones(const struct cal *c)
{
	size_t i;

	for (i = 0; i < c->nitems; i++) {
		const struct item *it = &c->items[i];

		if (i > 0 && it->px == c->items[i - 1].px)
			continue;
		if (c->zones[it->zone].tz != NULL)
			(void)offset_at(c->zones[it->zone].tz, it->start);
	}
}

/*
 * Write the calendar of c's items to path (into batch when not NULL):
 * its own lines, the VTIMEZONEs its times need, then its items, each
 * the piece k keeps for it. The pieces k does not have yet are made
 * and read back first, by k->nthreads threads a block of CHECK_CHUNK
 * items at a time, and then put in k. Returns 0, or -1 with *cause.
 */
static int
render(struct cal *c, struct pieces *k, const char *calname,
    struct fsbatch *batch, const char *path, char **cause)
{
	static const char end[] = "END:VCALENDAR\r\n";
	size_t n = c->nitems, nblocks = (n + CHECK_CHUNK - 1) / CHECK_CHUNK;
	struct zone **used = xcalloc(c->nzones + 1, sizeof(*used));
	struct prep pr = { .c = c, .k = k };
	const struct tzpiece *t;
	struct iovec *iov = NULL;
	size_t i, nused = 0, niov = 0, hlen;
	char *head = NULL;
	int rc = -1;

	pr.pcs = xcalloc(n + 1, sizeof(*pr.pcs));
	pr.fresh = xcalloc(n + 1, 1);
	pr.base = xcalloc(n + 1, sizeof(*pr.base));
	pr.causes = xcalloc(nblocks + 1, sizeof(*pr.causes));
	if (k->nthreads > 1 && nblocks > 1)
		warm_zones(c);
	team_run(k->nthreads, nblocks, prep_block, &pr);
	for (i = 0; i < nblocks; i++)
		if (pr.causes[i] != NULL) {
			*cause = pr.causes[i];
			pr.causes[i] = NULL;
			goto out;
		}
	publish(&pr, n);
	for (i = 0; i < n; i++) {
		const struct item *it = &c->items[i];

		if (pr.pcs[i]->tzid & PIECE_TZ_START)
			zone_note(&c->zones[it->zone], it->start);
		if (pr.pcs[i]->tzid & PIECE_TZ_END)
			zone_note(&c->zones[it->zone], it->end);
	}
	if ((head = header(k, calname, &hlen, cause)) == NULL)
		goto out;
	for (i = 0; i < c->nzones; i++)
		if (c->zones[i].used)
			used[nused++] = &c->zones[i];
	qsort(used, nused, sizeof(*used), zone_cmp);
	iov = xcalloc(nused + n + 2, sizeof(*iov));
	iov[niov].iov_base = head;
	iov[niov++].iov_len = hlen;
	for (i = 0; i < nused; i++) {
		if ((t = tz_piece(k, used[i], cause)) == NULL)
			goto out;
		iov[niov].iov_base = t->text;
		iov[niov++].iov_len = t->len;
	}
	for (i = 0; i < n; i++) {
		iov[niov].iov_base = pr.pcs[i]->text;
		iov[niov++].iov_len = pr.pcs[i]->len;
	}
	iov[niov].iov_base = (void *)end;
	iov[niov++].iov_len = sizeof(end) - 1;
	if ((batch != NULL ? fsbatch_writev(batch, path, iov, niov) :
	    fsbatch_write_now(path, iov, niov)) == -1) {
		*cause = xasprintf("cannot write '%s': %s", path,
		    strerror(errno));
		goto out;
	}
	rc = 0;
out:
	for (i = 0; i < n; i++) {
		if (pr.fresh[i])
			piece_free(pr.pcs[i]);
		piece_free(pr.base[i]);
	}
	for (i = 0; i < nblocks; i++)
		free(pr.causes[i]);
	free(pr.causes);
	free(pr.pcs);
	free(pr.fresh);
	free(pr.base);
	free(head);
	free(iov);
	free(used);
	return rc;
}

/* Collect with collect(), or collect_tasks() when tasks is set. */
struct source {
	ics_filter *keep;
	void *arg;
	int tasks;
	const struct item_done *done;
	size_t ndone;
	const struct corrective_action *actions;
	size_t nactions;
	const char *const *langs;	/* see struct cal */
	/* The exercises keep can accept anything of, in plan order, when
	 * the caller knows them (only != NULL): the others are not read. */
	const size_t *only;
	size_t nonly;
	/* The pieces of the whole run (NULL: this file's own), and the
	 * batch to write into (NULL: fsbatch_write_now()). */
	struct pieces *pieces;
	struct fsbatch *batch;
};

static int
write_cal(const struct plan *p, const char *calname,
    const struct source *src, const char *path, char **cause)
{
	struct pieces own, *k = src->pieces;
	struct cal c;
	size_t i;
	int rc = -1;

	memset(&c, 0, sizeof(c));
	memset(&own, 0, sizeof(own));
	c.model = p->model;
	c.langs = src->langs;
	*cause = NULL;
	/* Set once, before any thread: a read races with no write. */
	if (icalerror_get_errors_are_fatal())
		icalerror_set_errors_are_fatal(0);
	if (k == NULL) {
		k = &own;
		if (pieces_init(k, p, cause) == -1)
			goto out;
	}
	c.stamp = k->stamp;
	c.k = k;
	if ((src->tasks ? collect_tasks(&c, p, src->done, src->ndone,
	    src->actions, src->nactions, cause) :
	    collect(&c, p, src->keep, src->arg, src->only, src->nonly,
	    cause)) == -1)
		goto out;
	if (render(&c, k, calname, src->batch, path, cause) == -1)
		goto out;
	rc = 0;
out:
	if (k == &own)
		pieces_clear(&own);
	for (i = 0; i < c.nitems; i++)
		free(c.items[i].own_uid);
	for (i = 0; i < c.nduties; i++)
		free(c.duties[i]);
	free(c.duties);
	free(c.items);
	free(c.zones);
	return rc;
}

int
ics_write(const struct plan *p, const char *calname,
    ics_filter *keep, void *arg, const char *path, char **cause)
{
	struct source src = { .keep = keep, .arg = arg };

	return write_cal(p, calname, &src, path, cause);
}

/*
 * What the master calendar is called in a calendar list: the exercise
 * when the plan has one; else the run's Program (when the run loaded
 * exactly one Program document) and how many exercises, "<program> (N exercises)",
 * or "N exercises": short however large the plan is, as every event's
 * SUMMARY names its exercise. Caller frees.
 */
static char *
plan_name(const struct plan *p)
{
	const struct model *m = p->model;
	const struct program *pg;

	if (p->nexercises == 1)
		return xstrdup(or_else(p->exercises[0].ex->name,
		    p->exercises[0].ex->id));
	if (m != NULL && m->nprograms == 1) {
		pg = m->programs[0];
		return xasprintf("%s (%zu exercises)", or_else(pg->name,
		    or_else(pg->id, "Program")), p->nexercises);
	}
	return xasprintf("%zu exercises", p->nexercises);
}

/* The master calendar; pieces and batch: see struct source. */
static int
write_plan(const struct plan *p, struct pieces *pieces,
    struct fsbatch *batch, const char *path, char **cause)
{
	struct source src = { .pieces = pieces, .batch = batch };
	char *name = plan_name(p);
	int rc = write_cal(p, name, &src, path, cause);

	free(name);
	return rc;
}

int
ics_write_plan(const struct plan *p, const char *path, char **cause)
{
	return write_plan(p, NULL, NULL, path, cause);
}

static int
takes_part(const struct plan_exercise *px, const struct agency *a)
{
	size_t i;

	for (i = 0; i < px->ex->nparticipants; i++)
		if (px->ex->participants[i].agency == a)
			return 1;
	return 0;
}

/* An agency's events; the cancelled ones of exercises it takes part in. */
static int
keep_agency(const struct plan_exercise *px, const struct planned_event *pe,
    void *arg)
{
	size_t i;

	if (pe == NULL)
		return takes_part(px, arg);
	for (i = 0; i < pe->nagencies; i++)
		if (pe->agencies[i] == arg)
			return 1;
	return 0;
}

/* A person's events; the cancelled ones of exercises they staff. */
static int
keep_person(const struct plan_exercise *px, const struct planned_event *pe,
    void *arg)
{
	size_t i;

	for (i = 0; i < px->nassignments; i++)
		if (px->assignments[i].person == arg && (pe == NULL ||
		    attends(&px->assignments[i], (size_t)(pe - px->events))))
			return 1;
	return 0;
}

/*
 * What agency a's calendar is called: named for it and the exercises it
 * takes part in, as a person's is (person_calname()): "<exercise>:
 * <agency>" for one, "<agency>: N exercises" for more, the agency alone
 * for none. Caller frees.
 */
static char *
agency_calname(const struct plan *p, const struct agency *a)
{
	const char *who = or_else(a->name, a->id);
	const struct exercise *one = NULL;
	size_t i, n = 0;

	for (i = 0; i < p->nexercises; i++)
		if (takes_part(&p->exercises[i], a) && n++ == 0)
			one = p->exercises[i].ex;
	if (n == 0)
		return xstrdup(who);
	if (n > 1)
		return xasprintf("%s: %zu exercises", who, n);
	return xasprintf("%s: %s", or_else(one->name, one->id), who);
}

/* As ics_write_agency; pieces and batch: see struct source. */
static int
write_agency(const struct plan *p, const struct agency *a,
    struct pieces *pieces, struct fsbatch *batch, const char *path,
    char **cause)
{
	struct source src = { .keep = keep_agency, .arg = (void *)a,
	    .pieces = pieces, .batch = batch };
	char *name = agency_calname(p, a);
	int rc = write_cal(p, name, &src, path, cause);

	free(name);
	return rc;
}

int
ics_write_agency(const struct plan *p, const struct agency *a,
    const char *path, char **cause)
{
	return write_agency(p, a, NULL, NULL, path, cause);
}

/* A role held: who, in which exercise (an index into the plan's). */
struct held {
	uintptr_t person;
	size_t ex;
};

static int
held_cmp(const void *a, const void *b)
{
	const struct held *x = a, *y = b;

	if (x->person != y->person)
		return x->person < y->person ? -1 : 1;
	return x->ex < y->ex ? -1 : x->ex > y->ex;
}

/*
 * Who staffs which exercises: every (person, exercise) pair of a
 * plan's assignments, once, sorted by person then exercise, so that
 * the exercises of one person are one run of ex[], in plan order.
 * Built once, so that writing 20,000 people's calendars does not scan
 * every exercise's assignments for each of them.
 */
struct staffing {
	uintptr_t *person;
	size_t *ex;
	size_t n;
};

/* The staffing of p into *s. Can't fail; staffing_clear() frees it. */
static void
staffing_init(struct staffing *s, const struct plan *p)
{
	struct held *v;
	size_t i, j, k = 0, total = 0;

	for (i = 0; i < p->nexercises; i++)
		total += p->exercises[i].nassignments;
	v = xcalloc(total + 1, sizeof(*v));
	for (i = 0; i < p->nexercises; i++)
		for (j = 0; j < p->exercises[i].nassignments; j++) {
			v[k].person = (uintptr_t)
			    p->exercises[i].assignments[j].person;
			v[k++].ex = i;
		}
	qsort(v, k, sizeof(*v), held_cmp);
	s->person = xcalloc(k + 1, sizeof(*s->person));
	s->ex = xcalloc(k + 1, sizeof(*s->ex));
	for (i = j = 0; i < k; i++)
		if (j == 0 || held_cmp(&v[j - 1], &v[i]) != 0) {
			v[j] = v[i];
			s->person[j] = v[i].person;
			s->ex[j++] = v[i].ex;
		}
	s->n = j;
	free(v);
}

static void
staffing_clear(struct staffing *s)
{
	free(s->person);
	free(s->ex);
	memset(s, 0, sizeof(*s));
}

/* How many exercises pn staffs (0: they hold no role); *ex gets them,
 * in plan order, borrowed from s. */
static size_t
staffing_of(const struct staffing *s, const struct person *pn,
    const size_t **ex)
{
	size_t lo = 0, hi = s->n, end;
	uintptr_t key = (uintptr_t)pn;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->person[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (end = lo; end < s->n && s->person[end] == key; end++)
		;
	*ex = s->ex + lo;
	return end - lo;
}

/*
 * What a person's calendar is called in their calendar list: named for
 * them and their own exercises, "<exercise>: <person>" (as an agency's
 * is) when they staff one, else "<person>: N exercises", which stays
 * short however many exercises the plan has; the person alone when
 * they staff none. ex[0..nex) are the exercises they staff.
 */
static char *
person_calname(const struct plan *p, const struct person *pn,
    const size_t *ex, size_t nex)
{
	const char *who = or_else(pn->name, pn->id);
	const struct exercise *one;

	if (nex == 0)
		return xstrdup(who);
	if (nex > 1)
		return xasprintf("%s: %zu exercises", who, nex);
	one = p->exercises[ex[0]].ex;
	return xasprintf("%s: %s", or_else(one->name, one->id), who);
}

/* As ics_write_person; pn staffs exercises ex[0..nex) of p (in plan
 * order); pieces and batch: see struct source. */
static int
write_person(const struct plan *p, const struct person *pn,
    const size_t *ex, size_t nex, struct pieces *pieces,
    struct fsbatch *batch, const char *path, char **cause)
{
	/* The person's own calendar reads in their languages. */
	struct source src = { .keep = keep_person, .arg = (void *)pn,
	    .langs = (const char *const *)pn->languages.v, .only = ex,
	    .nonly = nex, .pieces = pieces, .batch = batch };
	char *name = person_calname(p, pn, ex, nex);
	int rc = write_cal(p, name, &src, path, cause);

	free(name);
	return rc;
}

int
ics_write_person(const struct plan *p, const struct person *pn,
    const char *path, char **cause)
{
	struct staffing s;
	const size_t *ex;
	size_t nex;
	int rc;

	staffing_init(&s, p);
	nex = staffing_of(&s, pn, &ex);
	rc = write_person(p, pn, ex, nex, NULL, NULL, path, cause);
	staffing_clear(&s);
	return rc;
}

/* As ics_write_tasks; pieces and batch: see struct source. */
static int
write_tasks(const struct plan *p, const struct item_done *done,
    size_t ndone, const struct corrective_action *actions, size_t nactions,
    struct pieces *pieces, struct fsbatch *batch, const char *path,
    char **cause)
{
	struct source src = { .tasks = 1, .done = done, .ndone = ndone,
	    .actions = actions, .nactions = nactions, .pieces = pieces,
	    .batch = batch };
	char *plan = plan_name(p), *name = xasprintf("%s: tasks", plan);
	int rc = write_cal(p, name, &src, path, cause);

	free(plan);
	free(name);
	return rc;
}

int
ics_write_tasks(const struct plan *p, const struct item_done *done,
    size_t ndone, const struct corrective_action *actions, size_t nactions,
    const char *path, char **cause)
{
	return write_tasks(p, done, ndone, actions, nactions, NULL, NULL, path,
	    cause);
}

/*
 * File names written, compared without case: an open-addressing hash
 * set, since 20,000 people's names checked against each other in a
 * list (and again against the directory for stale files) is a
 * quadratic scan that dominated writing calendars at that size.
 */
struct nameset {
	char **v;	/* cap slots, NULL when empty; names as written */
	size_t n, cap;
};

static uint64_t
name_hash(const char *s, size_t len)
{
	uint64_t h = 14695981039346656037ULL;	/* FNV-1a */
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		h = (h ^ (c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c)) *
		    1099511628211ULL;
	}
	return h;
}

/* The slot of the first len bytes of s, or of the empty one for it. */
static size_t
nameset_slot(const struct nameset *ns, const char *s, size_t len)
{
	size_t i = (size_t)name_hash(s, len) & (ns->cap - 1);

	while (ns->v[i] != NULL && !(strlen(ns->v[i]) == len &&
	    strncasecmp(ns->v[i], s, len) == 0))
		i = (i + 1) & (ns->cap - 1);
	return i;
}

/* Whether the first len bytes of s are in ns, without case. */
static int
nameset_has(const struct nameset *ns, const char *s, size_t len)
{
	return ns->cap > 0 && ns->v[nameset_slot(ns, s, len)] != NULL;
}

/* Add name (taken over; not in ns yet). */
static void
nameset_add(struct nameset *ns, char *name)
{
	size_t i;

	if (2 * (ns->n + 1) > ns->cap) {
		struct nameset big = { NULL, 0, ns->cap ? 2 * ns->cap : 64 };

		big.v = xcalloc(big.cap, sizeof(*big.v));
		for (i = 0; i < ns->cap; i++)
			if (ns->v[i] != NULL)
				big.v[nameset_slot(&big, ns->v[i],
				    strlen(ns->v[i]))] = ns->v[i];
		big.n = ns->n;
		free(ns->v);
		*ns = big;
	}
	ns->v[nameset_slot(ns, name, strlen(name))] = name;
	ns->n++;
}

static void
nameset_clear(struct nameset *ns)
{
	size_t i;

	for (i = 0; i < ns->cap; i++)
		free(ns->v[i]);
	free(ns->v);
	memset(ns, 0, sizeof(*ns));
}

/*
 * dir/sub/<safe id>.ics, unique among the names in *used (compared
 * without case, as macOS and Windows file systems do): a clash gets
 * "-2", "-3", ... Adds the name to *used. Caller frees.
 */
static char *
unique_path(const char *dir, const char *sub, const char *id,
    struct nameset *used)
{
	char *safe = paths_safe_name(id), *name = xstrdup(safe), *path;
	int n = 1;

	while (nameset_has(used, name, strlen(name))) {
		free(name);
		name = xasprintf("%s-%d", safe, ++n);
	}
	free(safe);
	path = xasprintf("%s/%s/%s.ics", dir, sub, name);
	nameset_add(used, name);
	return path;
}

/*
 * Whether the file at path is a calendar this planner wrote: it starts
 * as render() makes every file start. A file someone else put there
 * (their own .ics, a note) does not, and is never removed.
 */
static int
written_by_planner(const char *path)
{
	static const char head[] = "BEGIN:VCALENDAR\r\nPRODID:-//planner//";
	char buf[sizeof(head)];
	size_t n;
	FILE *f;

	if ((f = fopen(path, "rb")) == NULL)
		return 0;
	n = fread(buf, 1, sizeof(head) - 1, f);
	fclose(f);
	return n == sizeof(head) - 1 && memcmp(buf, head, n) == 0;
}

/* Whether planner could have named a file "<stem>.ics": the stem is
 * what paths_safe_name() makes of some id (it is its own safe name). */
static int
planner_name(const char *file, size_t stemlen)
{
	char *stem = xstrndup(file, stemlen), *safe = paths_safe_name(stem);
	int rc = strcmp(stem, safe) == 0;

	free(stem);
	free(safe);
	return rc;
}

/*
 * Remove the calendars in dir/sub that planner wrote for an agency or
 * person this plan no longer writes (names: the ones it wrote, without
 * ".ics"), so a re-plan into the same directory leaves no stale file
 * for a client to import. Only "<name>.ics" files with a name planner
 * would give and the content planner writes are touched; names are
 * compared without case, as unique_path() makes them. Returns 0, or -1
 * with *cause.
 */
static int
remove_stale(const char *dir, const char *sub, const struct nameset *names,
    char **cause)
{
	char *path = xasprintf("%s/%s", dir, sub), *file;
	struct dirent *de;
	size_t len;
	int rc = 0;
	DIR *d;

	if ((d = opendir(path)) == NULL) {
		*cause = xasprintf("cannot read '%s': %s", path,
		    strerror(errno));
		free(path);
		return -1;
	}
	while (rc == 0 && (de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len <= 4 || de->d_name[0] == '.' ||
		    strcmp(de->d_name + len - 4, ".ics") != 0)
			continue;
		if (nameset_has(names, de->d_name, len - 4))
			continue;
		if (!planner_name(de->d_name, len - 4))
			continue;
		file = xasprintf("%s/%s", path, de->d_name);
		if (written_by_planner(file) && unlink(file) == -1 &&
		    errno != ENOENT) {
			*cause = xasprintf("cannot remove '%s': %s", file,
			    strerror(errno));
			rc = -1;
		}
		free(file);
	}
	closedir(d);
	free(path);
	return rc;
}

static int
part_of_plan(const struct plan *p, const struct agency *a)
{
	size_t i;

	for (i = 0; i < p->nexercises; i++)
		if (takes_part(&p->exercises[i], a))
			return 1;
	return 0;
}

/* An agency's or a person's calendar of ics_write_all(). */
struct file {
	const struct agency *a;	/* NULL for a person's */
	const struct person *pn;
	const size_t *ex;	/* the exercises pn staffs (staffing_of()) */
	size_t nex;
	char *path;
};

/* Files written a job at a time (team_run()), each job's into a batch
 * of its own, merged in job order. */
#define FILE_BLOCK 16

struct files {
	const struct plan *p;
	struct pieces *k;
	const struct file *v;
	size_t n;
	struct fsbatch **batch;		/* per job */
	char **causes;			/* per job */
	pthread_t main;			/* the thread that shows progress */
};

/* Job b of the team of ics_write_all(): files [b, b + 1) * FILE_BLOCK.
 * Returns 0, or -1 with f->causes[b]. */
static int
files_job(void *arg, size_t b)
{
	struct files *f = arg;
	size_t i = b * FILE_BLOCK, to = i + FILE_BLOCK;
	int rc = 0;

	if (pthread_equal(pthread_self(), f->main))
		progress_tick(i, f->n);
	if (to > f->n)
		to = f->n;
	f->batch[b] = fsbatch_new();
	for (; i < to && rc == 0; i++) {
		const struct file *fl = &f->v[i];

		if (fl->a != NULL)
			rc = write_agency(f->p, fl->a, f->k, f->batch[b],
			    fl->path, &f->causes[b]);
		else
			rc = write_person(f->p, fl->pn, fl->ex, fl->nex, f->k,
			    f->batch[b], fl->path, &f->causes[b]);
	}
	return rc;
}

int
ics_write_all(const struct plan *p, const char *dir,
    const struct item_done *done, size_t ndone,
    const struct corrective_action *actions, size_t nactions, char **cause)
{
	const struct model *m = p->model;
	struct nameset agencies = {0}, people = {0};
	struct pieces pieces;
	struct staffing staff = {0};
	struct fsbatch *batch = fsbatch_new();
	struct files f;
	struct file *v = NULL;
	size_t i, n = 0, njobs = 0;
	const char *failed;
	char *path = NULL;
	int rc = -1;

	memset(&f, 0, sizeof(f));
	*cause = NULL;
	icalerror_set_errors_are_fatal(0);
	progress_begin("calendars");
	if (pieces_init(&pieces, p, cause) == -1)
		goto out;
	path = xasprintf("%s/calendar.ics", dir);
	if (write_plan(p, &pieces, batch, path, cause) == -1)
		goto out;
	free(path);
	path = xasprintf("%s/tasks.ics", dir);
	if (write_tasks(p, done, ndone, actions, nactions, &pieces, batch,
	    path, cause) == -1)
		goto out;
	free(path);
	path = NULL;

	/* The files of agencies, then of people, named in model order. */
	v = xcalloc(m->nagencies + m->npeople + 1, sizeof(*v));
	for (i = 0; i < m->nagencies; i++)
		if (part_of_plan(p, m->agencies[i])) {
			v[n].a = m->agencies[i];
			v[n++].path = unique_path(dir, "agencies",
			    m->agencies[i]->id, &agencies);
		}
	staffing_init(&staff, p);
	for (i = 0; i < m->npeople; i++)
		if ((v[n].nex = staffing_of(&staff, m->people[i],
		    &v[n].ex)) > 0) {
			v[n].pn = m->people[i];
			v[n++].path = unique_path(dir, "people",
			    m->people[i]->id, &people);
		}
	path = xasprintf("%s/agencies", dir);
	if (mkdir_p(path) == -1) {
		*cause = xasprintf("cannot create '%s': %s", path,
		    strerror(errno));
		goto out;
	}
	free(path);
	path = xasprintf("%s/people", dir);
	if (mkdir_p(path) == -1) {
		*cause = xasprintf("cannot create '%s': %s", path,
		    strerror(errno));
		goto out;
	}
	free(path);
	path = NULL;

	/*
	 * Their events are the master's, made already: files, not the
	 * pieces of one, are shared out now. The zones their variants may
	 * load are loaded first (warm_zones()).
	 */
	for (i = 0; i < p->nexercises; i++)
		(void)duty_venue_zone(&p->exercises[i]);
	njobs = (n + FILE_BLOCK - 1) / FILE_BLOCK;
	f.p = p;
	f.k = &pieces;
	f.v = v;
	f.n = n;
	f.batch = xcalloc(njobs + 1, sizeof(*f.batch));
	f.causes = xcalloc(njobs + 1, sizeof(*f.causes));
	f.main = pthread_self();
	pieces.nthreads = 1;
	team_run(thread_count(), njobs, files_job, &f);
	for (i = 0; i < njobs; i++)
		if (f.causes[i] != NULL) {
			*cause = f.causes[i];
			f.causes[i] = NULL;
			goto out;
		}
	for (i = 0; i < njobs; i++)
		fsbatch_merge(batch, f.batch[i]);

	/* Every file is whole on disk: only now replace the old ones. */
	if (fsbatch_commit(batch, &failed) == -1) {
		*cause = xasprintf("cannot write '%s': %s", failed ? failed :
		    dir, strerror(errno));
		goto out;
	}
	if (remove_stale(dir, "agencies", &agencies, cause) == -1 ||
	    remove_stale(dir, "people", &people, cause) == -1)
		goto out;
	rc = 0;
out:
	for (i = 0; i < njobs; i++) {
		fsbatch_free(f.batch[i]);
		free(f.causes[i]);
	}
	free(f.batch);
	free(f.causes);
	for (i = 0; i < n; i++)
		free(v[i].path);
	free(v);
	fsbatch_free(batch);
	pieces_clear(&pieces);
	nameset_clear(&agencies);
	nameset_clear(&people);
	staffing_clear(&staff);
	free(path);
	progress_end();
	return rc;
}
