/* ics.h: iCalendar in and out: calendars written for people, agencies' calendars read. */
#ifndef PLANNER_ICS_H
#define PLANNER_ICS_H

#include <stddef.h>

#include "diag.h"
#include "model.h"

/* Expansion bounds: recurrences are unrolled over these years, and a
 * file yielding more entries than ICS_MAX_ENTRIES is refused. */
#define ICS_FIRST_YEAR	1970
#define ICS_LAST_YEAR	2100
#define ICS_MAX_ENTRIES	200000
#define ICS_MAX_SIZE	(16u * 1024 * 1024)

/* What an imported calendar says, ready to join an agency. */
struct ics_busy {
	struct range *closed;	/* all-day events: closed days, reason = SUMMARY */
	size_t nclosed;
	struct busy_time *busy;	/* timed busy events and VFREEBUSY periods */
	size_t nbusy;
};

/*
 * Read path: all-day events become closed days, timed events that are
 * not transparent or cancelled and VFREEBUSY busy periods become busy
 * intervals in UTC; recurrences are expanded. Strings and arrays are
 * allocated from arena. Returns 0, or -1 after adding errors to d as
 * "file:line: error: message" (a file that is not iCalendar, BEGIN/END
 * that do not match, a bad value libical rejects, a TZID without its
 * VTIMEZONE, too many entries). It never crashes on any bytes.
 */
int ics_read_busy(const char *path, struct arena *arena, struct ics_busy *out,
    struct diags *d);

/* The same from text in memory (len bytes); name is used in messages
 * and borrowed for the locations of the closed days. */
int ics_parse_busy(const char *name, const char *text, size_t len,
    struct arena *arena, struct ics_busy *out, struct diags *d);


/* --- writing (ics_write.c) ------------------------------------------------ */

/*
 * Decides whether one planned event goes into a calendar: non-zero keeps
 * it. pe is NULL when asked about px's cancelled events (those of an
 * earlier revision that this plan dropped), all kept or none. arg is the
 * caller's, passed through untouched.
 */
typedef int ics_filter(const struct plan_exercise *px,
    const struct planned_event *pe, void *arg);

/*
 * Write a calendar named calname to path (atomically, through
 * fsbatch_write_now()) holding one VEVENT for every planned event of p
 * that keep accepts (every event when keep is NULL), exercises and
 * events in plan order.
 *
 * An event is written in the exercise's venue zone: DTSTART and DTEND
 * carry a TZID that is the bare IANA name ("America/Phoenix") and the
 * file holds a VTIMEZONE for each such TZID, cut to the years the file
 * needs. A wall time that a zone repeats (the hour after a fall-back
 * change) is written in UTC instead, because readers disagree on which
 * of its two instants it means. A deadline (kind deadline, or start ==
 * end) is an all-day event on its local date at the venue, with an
 * exclusive DTEND on the next day.
 *
 * SEQUENCE is planned_event.sequence (from the database: it rises when
 * time, title or place change). Then, for each exercise whose cancelled
 * events keep accepts, a VEVENT with STATUS:CANCELLED, the old UID and
 * times and the SEQUENCE the store gives, so that subscribed calendars
 * drop it.
 *
 * An event has SUMMARY, DESCRIPTION (purpose and agenda, read-ahead
 * deadlines, location, exercise type, roles with their people),
 * LOCATION, CATEGORIES (exercise type, event kind), ORGANIZER, one
 * ATTENDEE per person assigned to a role that attends or owns it
 * (ROLE=CHAIR for directors and leads, OPT-PARTICIPANT for observers,
 * X-PLANNER-ROLE the ids of their exercise roles at the event, comma-
 * separated) and per attending agency with a contact address
 * (CUTYPE=GROUP). ROLE, PARTSTAT and CUTYPE are written only when they
 * differ from RFC 5545's defaults (REQ-PARTICIPANT, NEEDS-ACTION,
 * INDIVIDUAL), which a reader takes when they are absent. Then VALARM
 * reminders: the event's own alarms when its template gives them, else
 * the template's alarms for its kind, else by kind (planning meetings,
 * play and the after-action meeting a day and an hour before, briefings
 * and other meetings an hour, hot wash and debrief 15 minutes,
 * deadlines two days); a list given empty means none.
 *
 * Each event's UID is "<event>.<exercise>@planner", where a day N > 1 of
 * multi-day play has event id "<event>-<N>" as in out_json.h, so a UID
 * names the same item in the master, per-agency and per-person files
 * and across exports. Its content does not depend on keep, calname or
 * path. DTSTAMP is $SOURCE_DATE_EPOCH when set, else the current time,
 * so output is byte-identical for the same plan when that is pinned.
 *
 * Text from the model is cleaned (line breaks become LF, other control
 * characters are dropped, bytes that are not UTF-8 become U+FFFD);
 * SUMMARY, LOCATION and the organiser's CN are kept to one line, and a
 * '"' in CN becomes '\''. Lines end in CRLF and are folded at 75
 * octets, never inside a UTF-8 character. When keep accepts nothing the
 * calendar has no components (RFC 5545 wants one; libical, ical.js and
 * python3-icalendar read it; callers may prefer to skip the file).
 * Before writing, libical reads back what it wrote, and the file is
 * refused if it finds any error or reads a time back differently: each
 * component (in calendars of at most a few hundred, with the
 * VTIMEZONEs they need), the calendar's own lines, and each VTIMEZONE,
 * whose UTC offsets must be the zone's over the years it covers.
 *
 * Returns 0, or -1 with *cause set to an owned message (caller frees)
 * and path untouched: a venue zone libical does not know, two events
 * that would share a UID, a malformed SOURCE_DATE_EPOCH, a failed self
 * check, or the write failing ("cannot write 'out/x.ics': Permission
 * denied").
 */
int ics_write(const struct plan *p, const char *calname,
    ics_filter *keep, void *arg, const char *path, char **cause);

/*
 * The master calendar: every event of every exercise of p, in a calendar
 * named after the exercise; for several, after the run's Program (when
 * the run loaded exactly one Program document) and how many exercises,
 * "<program> (N exercises)", else "N exercises", so that the name stays
 * short however large the plan. Returns as ics_write().
 */
int ics_write_plan(const struct plan *p, const char *path, char **cause);

/*
 * The calendar of agency a: the events it attends (planned_event
 * .agencies) and the cancelled events of the exercises it takes part
 * in, named for it and those exercises as a person's is: "<exercise>:
 * <agency>" for one, "<agency>: N exercises" for more ("<agency>" for
 * none). Returns as ics_write().
 */
int ics_write_agency(const struct plan *p, const struct agency *a,
    const char *path, char **cause);

/*
 * The calendar of person pn: the events their roles attend or own and
 * the cancelled events of the exercises they staff, in their languages
 * (i18n.h). It is named for them and their own exercises only, as
 * their calendar list shows it: "<exercise>: <person>" when they staff
 * one exercise, else "<person>: N exercises" ("<person>" for none).
 * Returns as ics_write().
 */
int ics_write_person(const struct plan *p, const struct person *pn,
    const char *path, char **cause);

/*
 * Tasks, in a file of their own (Google and Outlook do not show VTODO
 * and some importers break on files that mix them with events), named
 * "<master calendar's name>: tasks" (ics_write_plan()): one
 * VTODO per checklist item whose event is planned, UID
 * "<item>.<checklist>.<exercise>@planner", DUE in UTC (the event's
 * start plus the item's offset, as duty.h computes it), each person
 * owning it as ATTENDEE (PARTSTAT=COMPLETED once done, per done; no
 * PARTSTAT, RFC 5545's NEEDS-ACTION, before),
 * RELATED-TO;RELTYPE=PARENT the event's UID, STATUS NEEDS-ACTION, or
 * COMPLETED with COMPLETED (UTC) the last check-off once every owner
 * has checked it off. done may be NULL with ndone 0.
 *
 * Then, per exercise, one VTODO per corrective action of actions (the
 * store's Improvement Plan, NULL with nactions 0) that belongs to it
 * and has a number: UID "action/<no>.<exercise>@planner", DUE the due
 * date (a DATE; none when not set) and DTSTART the start date, STATUS
 * NEEDS-ACTION, IN-PROCESS or COMPLETED for open, in-progress and
 * closed, the point of contact as ATTENDEE when the model knows their
 * address, the Improvement Plan's columns in DESCRIPTION, and
 * RELATED-TO;RELTYPE=PARENT the exercise's first after-action meeting,
 * where the Improvement Plan is agreed, else its first hot wash, where
 * the areas for improvement were named, when it has either. Returns as
 * ics_write().
 */
int ics_write_tasks(const struct plan *p, const struct item_done *done,
    size_t ndone, const struct corrective_action *actions, size_t nactions,
    const char *path, char **cause);

/*
 * Every calendar of p into directory dir (which exists): calendar.ics,
 * tasks.ics, agencies/<agency>.ics for each agency taking part in an
 * exercise and people/<person>.ics for each person holding a role. File
 * names come from paths_safe_name(); two ids that would give the same
 * name (ignoring case) get "-2", "-3", ... in model order. done and
 * actions go to tasks.ics as ics_write_tasks() says.
 *
 * Each component is rendered through libical, and read back by it,
 * once for the whole set, then copied into every file that holds it
 * (an event is the same bytes in the master, agency and person files;
 * a person's languages make a variant of their own only where a text
 * of the event has one). DTSTAMP is one instant for the whole set.
 * The work is shared by ics_threads threads: the components of the
 * master calendar and of tasks.ics a few hundred at a time, then the
 * agencies' and people's files a few at a time; the files do not
 * depend on how many there are.
 *
 * The files are written as fsbatch.h says: each to a temporary, all
 * made durable by one sync, then renamed into place, so that a failure
 * or crash leaves each file old or new, never partial, and a failure
 * before the renames (a calendar refused, a disk full) replaces none.
 *
 * Then a file planner would name in agencies/ or people/ for an agency
 * or person of the model that this plan does not write (someone no
 * longer staffed) is removed, so a re-plan into the same dir leaves no
 * stale calendar; other files there are left alone. Returns 0, or -1
 * with *cause set (caller frees) on the first failure.
 */
int ics_write_all(const struct plan *p, const char *dir,
    const struct item_done *done, size_t ndone,
    const struct corrective_action *actions, size_t nactions, char **cause);

/*
 * Fault injection for tests: when set, called on each text as rendered
 * (len octets, changed in place at the same length) before libical
 * reads it back: each component, each VTIMEZONE and each calendar's own
 * lines, so that tests can see a damaged calendar refused. NULL in
 * planner.
 */
extern void (*ics_test_mangle)(char *text, size_t len);

/*
 * Threads that render, read back and write calendars: 0 (planner's)
 * for one per processor online, up to 8; tests set it to compare the
 * output of several with that of one. Whatever it is, the files are
 * the same bytes, and a failure is the one a single thread meets
 * first. While ics_test_mangle is set, one thread.
 */
extern int ics_threads;

#endif
