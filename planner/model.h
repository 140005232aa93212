/* model.h: the exercise-planning data model that every stage shares. */
#ifndef PLANNER_MODEL_H
#define PLANNER_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"

/*
 * Everything here is built by the loader and owned by the model's arena:
 * no string or array in it is freed on its own. Identifiers are the ids
 * written in the YAML documents; references between documents are
 * resolved by the loader into pointers, so later stages never look
 * names up.
 */

/* Where a thing was written, for messages. file is borrowed. */
struct loc {
	const char *file;
	int line, col;
};

/* A list of names; locs[i] is where v[i] was written (may be NULL). */
struct strlist {
	char **v;
	struct loc *locs;
	size_t n;
};

struct holiday_calendar;
struct i18n;

/* The seven HSEEP exercise types, in doctrine order. */
enum ex_type {
	EX_SEMINAR, EX_WORKSHOP, EX_TABLETOP, EX_GAME,
	EX_DRILL, EX_FUNCTIONAL, EX_FULL_SCALE,
	EX_NTYPES
};

enum ev_kind {
	EV_PLANNING_MEETING,	/* C&O, IPM, MPM, MSEL, FPM */
	EV_BRIEFING,		/* before play: players, C/E, actors, ... */
	EV_CONDUCT,		/* STARTEX to ENDEX */
	EV_HOT_WASH,
	EV_DEBRIEF,		/* controller/evaluator debrief */
	EV_AFTER_ACTION_MEETING,
	EV_DEADLINE,		/* a due date: read-ahead, AAR draft, AAR/IP */
	EV_MEETING,		/* any other meeting or session */
	EV_NKINDS
};

enum anchor { ANCHOR_STARTEX, ANCHOR_ENDEX };

/* Clearance levels, ordered: a person holding one holds those below. */
enum clearance {
	CLR_NONE, CLR_OFFICIAL, CLR_CONFIDENTIAL, CLR_SECRET, CLR_TOP_SECRET,
	CLR_NLEVELS
};

/* How an agency takes part in one exercise. */
enum part_kind { PART_PLAYING, PART_SUPPORTING, PART_OBSERVING,
	PART_NKINDS };

/* Which agencies a role may be staffed from. */
enum role_source { SRC_ANY, SRC_PLAYING, SRC_NON_PLAYING };

enum inject_kind { INJ_INJECT, INJ_CONTINGENCY, INJ_EXPECTED_ACTION };

/*
 * Reminders (iCalendar VALARM triggers), each an offset from the event's
 * start; never in months, which a trigger cannot express. set says the
 * template gave the list, so an empty one means no reminder rather than
 * the kind's built-in defaults.
 */
struct alarm_list {
	struct span *v;
	size_t n;
	int set;
};

/*
 * One critical task of an Exercise Evaluation Guide (EEG): what the
 * evaluator watches for and rates P, S, M or U (HSEEP).
 */
struct eeg_task {
	char *task;		/* the critical task */
	struct strlist measures;	/* performance measures, may be empty */
	struct loc loc;
};

struct objective {
	char *id;
	char *text;
	int *caps;		/* core capability indexes (doctrine.h) */
	size_t ncaps;
	struct eeg_task *eeg;	/* the objective's EEG critical tasks */
	size_t neeg;
	struct loc loc;
};

struct event_def {
	char *id;
	char *title;
	char *description;
	enum ev_kind kind;
	enum anchor anchor;	/* the window is counted from STARTEX or ENDEX */
	struct span earliest;	/* window start, from the anchor */
	struct span latest;	/* window end, from the anchor */
	int64_t duration;	/* seconds; 0 for a deadline */
	struct strlist roles;	/* ids of the roles that attend */
	struct strlist after;	/* ids of events that must come first */
	int64_t gap;		/* minimum seconds after each of those */
	char *location;		/* venue, room or dial-in */
	struct alarm_list alarms;	/* unset: the template's for the kind */
	struct loc loc;
};

struct role_def {
	char *id;
	char *name;
	int count;		/* people needed in all */
	int per_agency;		/* or this many from each source agency */
	struct strlist qualifications;	/* every one is required */
	struct strlist languages;	/* every one is required */
	enum clearance clearance;	/* at least this */
	enum role_source source;
	struct strlist excludes;	/* roles the same person may not hold */
	int min_per_agency;	/* with count: at least this many from each */
	struct strlist evaluates;	/* roles whose holders it evaluates */
	int continuity;		/* same people across the exercise series */
	int multiple;		/* its holder may hold other roles too */
	struct loc loc;
};

struct inject {
	int seq;		/* MSEL sequence number, 1-based */
	char *id;
	struct span at;		/* from STARTEX */
	enum inject_kind kind;
	char *method;		/* phone, radio, e-mail, in person, ... */
	char *from;
	char *to;
	char *text;
	char *expected;		/* expected player action */
	char *controller;	/* role id responsible for delivering it */
	char *objective;	/* objective id */
	struct loc loc;
};

struct check_item {
	char *id;
	char *text;
	char *owner;		/* role id */
	char *event;		/* event id the due date counts from */
	struct span offset;	/* from that event's start */
	struct loc loc;
};

struct checklist {
	char *id;
	char *title;
	struct check_item *items;
	size_t nitems;
	struct loc loc;
};

/*
 * A parameter of a template: a blank its texts fill with "{{id}}", which
 * each exercise sets (site name, swarm size). Texts are substituted per
 * exercise, on the exercise's own copy of the template.
 */
struct param_def {
	char *id;
	char *description;
	char *def;		/* default value; NULL: the exercise must set it */
	struct loc loc;
};

/* The value of a parameter in one exercise; strings in the model arena. */
struct param_value {
	char *id;
	char *value;
};

struct template {
	char *id;
	char *name;
	char *description;
	enum ex_type type;
	int conduct_days;	/* consecutive days of play */
	int64_t conduct_length;	/* seconds of play each day */
	int conduct_start;	/* local minutes after midnight, venue zone */
	int weekend_play;	/* conduct may fall on a weekend */
	char *conduct_title;
	struct strlist conduct_roles;	/* empty: every role attends play */
	struct event_def conduct;	/* play as an event, made by the loader */
	struct objective *objectives;
	size_t nobjectives;
	struct event_def *events;
	size_t nevents;
	struct role_def *roles;
	size_t nroles;
	struct inject *injects;
	size_t ninjects;
	struct checklist *checklists;
	size_t nchecklists;
	struct alarm_list alarms[EV_NKINDS];	/* per kind; unset: built in */
	struct param_def *params;	/* declared, inherited ones first */
	size_t nparams;
	char *path;		/* file it came from */
	struct loc loc;
};

/* An inclusive range of dates, as a blackout or an absence. */
struct range {
	pdate from, to;
	char *reason;
	struct loc loc;
};

/* A busy interval from an imported calendar. */
struct busy_time {
	ptime from, to;		/* UTC */
	char *why;
};

struct contact {
	char *name;
	char *email;
	char *phone;
};

struct agency {
	char *id;
	char *name;
	char *country;		/* ISO 3166-1 alpha-2, upper case */
	char *timezone;		/* IANA name, checked against tzdata */
	uint8_t workdays;	/* bit 0 = Monday ... bit 6 = Sunday */
	int day_start, day_end;	/* working hours, local minutes */
	struct strlist holidays;	/* calendar names or paths, as written */
	struct holiday_calendar **calendars;	/* resolved holidays */
	size_t ncalendars;
	struct strlist ics;		/* .ics calendars to import, resolved paths */
	struct range *closed;		/* their all-day events */
	size_t nclosed;
	struct busy_time *busy;		/* their busy times */
	size_t nbusy;
	struct range *blackouts;
	size_t nblackouts;
	struct contact contact;
	struct loc loc;
};

struct person {
	char *id;
	char *name;
	char *email;
	char *phone;
	struct agency *agency;
	struct strlist languages;	/* ISO 639-1 codes, preferred first */
	struct strlist qualifications;
	enum clearance clearance;
	struct range *unavailable;
	size_t nunavailable;
	int max_exercises;	/* workload cap; 0 means no cap */
	struct strlist prefers;	/* role ids the person would like */
	struct strlist avoids;	/* role ids the person would rather not */
	struct loc loc;
};

struct participant {
	struct agency *agency;
	enum part_kind kind;
};

struct exercise {
	char *id;
	char *name;
	char *description;
	char *template_ref;	/* as written: a bundled name or a path */
	struct template *tpl;	/* resolved, with overrides applied */
	char *venue;
	char *address;
	char *timezone;		/* venue zone: STARTEX is local time here */
	pdate conduct;		/* first day of play; 0 with a window */
	pdate window_from, window_to;	/* when the date is to be chosen */
	int has_conduct;	/* conduct is fixed */
	struct participant *participants;
	size_t nparticipants;
	struct contact organiser;
	char *organiser_agency;
	char *marking;		/* protective marking on every document */
	char *language;		/* ISO 639-1 code of master documents */
	struct param_value *params;	/* every parameter of the template,
					 * set or defaulted, in its order */
	size_t nparams;
	char *path;
	struct loc loc;
};

/* Weights of the staffing objective (docs/assignment.md); integers. */
struct weights {
	int unpreferred;	/* per role the person did not ask for */
	int avoided;		/* more, per role the person asked to avoid */
	int fairness;		/* times the square of each person's load */
	int continuity;		/* per exercise a series holder misses */
	int travel;		/* per zone change and hour of offset */
	int out_of_hours;	/* per hour outside the agency's hours */
	int vacancy;		/* per seat left empty */
};

/* A Program: several exercises staffed together from shared rosters. */
struct program {
	char *id;
	char *name;
	struct strlist exercises;	/* paths, as written */
	struct strlist rosters;		/* paths, as written */
	struct weights weights;
	char *path;
	struct loc loc;
};

/*
 * Every document of a run, resolved; built by load.c. The struct itself
 * is heap-allocated (xcalloc, as model_new does); every array and string
 * hanging from it lives in m->arena, which the model owns. model_free()
 * frees the arena, then the struct.
 */
struct model {
	struct template **templates;	/* as loaded, before overrides */
	size_t ntemplates;
	struct exercise **exercises;
	size_t nexercises;
	struct agency **agencies;	/* from every roster, ids unique */
	size_t nagencies;
	struct person **people;		/* from every roster, ids unique */
	size_t npeople;
	struct holiday_calendar **calendars;	/* every calendar read */
	size_t ncalendars;
	struct program **programs;	/* Program documents read */
	size_t nprograms;
	struct i18n *i18n;	/* other languages of texts (i18n.h); may be
				 * NULL when there are none */
	struct arena *arena;
	/* agencies and people sorted by id, for model_agency() and
	 * model_person(); NULL until model_index() (a model made by
	 * hand is searched in order). */
	struct agency **agencies_by_id;
	struct person **people_by_id;
};

/*
 * An empty model with a new arena that it owns (m->arena); the caller
 * frees it with model_free(). This function can't fail.
 */
struct model *model_new(void);

/*
 * Look-ups by id; NULL when absent or when m, t or id is NULL. They
 * can't fail. The results are borrowed from the model.
 */
struct agency *model_agency(const struct model *m, const char *id);
struct person *model_person(const struct model *m, const char *id);

/*
 * Sort m's agencies and people by id into m's arena, so that the
 * look-ups above take log time: the loader calls it once the model is
 * complete (20,000 people looked up for 60,000 stored assignments was a
 * linear scan each). Call again after changing the lists. Ids must be
 * unique, as the loader makes them. It can't fail.
 */
void model_index(struct model *m);
const struct event_def *template_event(const struct template *t,
    const char *id);
const struct role_def *template_role(const struct template *t,
    const char *id);

/* Free m->arena, then m itself (heap-allocated). NULL is a no-op. */
void model_free(struct model *m);

/*
 * A plan: the scheduled and staffed form of each exercise. It borrows
 * the model, which must outlive it. As with the model, the struct is
 * heap-allocated and its arrays and strings (warnings, reasons) live in
 * p->arena, which the plan owns.
 */
struct planned_event {
	const struct event_def *def;
	int day;		/* day of play for conduct (1, 2, ...), else 0 */
	ptime start, end;	/* UTC; end == start for a deadline */
	struct agency **agencies;	/* the agencies that attend */
	size_t nagencies;
	struct strlist warnings;
	int sequence;		/* iCalendar SEQUENCE, from the database: 0,
				 * one more for each revision of the plan that
				 * changed its time, title or place */
};

/*
 * An event that an earlier revision of the plan had and this one has
 * not (the database remembers it), so calendars can send it CANCELLED
 * under its old UID. Strings live in the plan's arena.
 */
struct cancelled_event {
	char *id;		/* event id as out_json.h writes it */
	char *title;
	ptime start, end;	/* UTC, as last planned */
	int sequence;		/* SEQUENCE to send: above the last one */
};

struct assignment {
	const struct role_def *role;
	const struct person *person;
	size_t *events;		/* indexes into the exercise's events that */
	size_t nevents;		/* the role attends or owns, in order */
};

/* The staffing objective of one exercise and its parts (assign.c). */
struct staffing_cost {
	int64_t total;
	int64_t vacancy, preference, fairness, continuity, travel,
	    out_of_hours;
};

struct vacancy {
	const struct role_def *role;
	int missing;
	struct strlist reasons;
};

/*
 * A role someone already holds in a stored plan of an exercise that is
 * not part of this run (store_commitments() reads them; staffing counts
 * them toward workload caps and fairness, and the person is not free at
 * those times). Strings and arrays belong to whoever filled it.
 */
struct commitment {
	const char *exercise;	/* exercise id */
	const char *person;	/* person id */
	const char *role;	/* role id */
	ptime *start, *end;	/* UTC, the timed events the role attends */
	size_t nintervals;
};

struct plan_exercise {
	const struct exercise *ex;
	ptime startex, endex;
	struct planned_event *events;	/* in template order */
	size_t nevents;
	struct assignment *assignments;
	size_t nassignments;
	struct vacancy *vacancies;
	size_t nvacancies;
	struct staffing_cost cost;
	struct cancelled_event *cancelled;	/* from the database */
	size_t ncancelled;
};

struct plan {
	const struct model *model;
	struct plan_exercise *exercises;
	size_t nexercises;
	struct staffing_cost cost;	/* over every exercise */
	const char *staffing_method;	/* "flow", "branch-and-bound" */
	int staffing_optimal;	/* the cost is proven least */
	int64_t staffing_bound;	/* no staffing costs less than this */
	struct arena *arena;
};

/*
 * An empty plan of model m (borrowed) with a new arena that it owns;
 * the caller frees it with plan_free(). This function can't fail.
 */
struct plan *plan_new(const struct model *m);

/* Free p->arena, then p itself (heap-allocated). NULL is a no-op. */
/* The first planned occurrence of event id (day 1 of play), or NULL.
 * It can't fail. */
const struct planned_event *plan_event(const struct plan_exercise *px,
    const char *id);

void plan_free(struct plan *p);

/*
 * Progress recorded against a plan (the store keeps it), for the
 * renderers that show it; callers pass arrays of these, NULL and 0
 * when there are none. Strings are borrowed from the caller.
 */

/* A checklist item checked off. */
struct item_done {
	const char *exercise;	/* exercise id */
	const char *checklist;	/* checklist id */
	const char *item;	/* check_item id */
	const char *person;	/* person id; NULL: done for every owner */
	ptime at;		/* when it was checked off */
	const char *initials;	/* as signed; may be NULL */
};

/* One row of an exercise's Improvement Plan (HSEEP AAR/IP). */
struct corrective_action {
	const char *exercise;	/* exercise id */
	const char *capability;	/* core capability */
	const char *observation;	/* the area for improvement */
	const char *recommendation;
	const char *action;	/* the corrective action */
	const char *element;	/* planning, organisation, equipment, training, exercise */
	const char *agency;	/* responsible agency, as it should print */
	const char *contact;	/* point of contact */
	pdate start, due;	/* start and completion dates; 0: not set */
	int64_t no;		/* the store's number (A7), for a stable UID;
				 * 0: not stored */
	const char *status;	/* open, in-progress or closed; NULL: open */
	const char *poc_id;	/* the point of contact's person id, or NULL */
};

#endif
