/* print.h: the plan as printable PDFs (checklists, Improvement Plan, MSEL, packets) and a Gantt chart. */
#ifndef PLANNER_PRINT_H
#define PLANNER_PRINT_H

#include <stddef.h>

#include "model.h"

enum print_paper { PRINT_LETTER, PRINT_A4 };

struct print_opts {
	const char *out;	/* output directory; files go to <out>/print/ */
	enum print_paper paper;
	/*
	 * The "generated" stamp of every footer and the Gantt chart's
	 * today marker; 0 means $SOURCE_DATE_EPOCH when set, else the
	 * current time.
	 */
	ptime now;
	/* Progress from the store, borrowed; NULL and 0 when none. */
	const struct item_done *done;
	size_t ndone;
	const struct corrective_action *actions;
	size_t nactions;
	/*
	 * The stored revision number of each exercise of the plan, in
	 * plan order, for the footers; NULL (or a number <= 0) prints a
	 * fingerprint of the schedule and staffing instead.
	 */
	const int *revisions;
};

/*
 * Write the printable documents of every exercise of p into
 * <o->out>/print/ (created if missing), each file named after the
 * exercise id:
 *
 *   <ex>-checklists.pdf         every checklist, one row per owner
 *   <ex>-checklist-<role>.pdf   one role's items, a part per person
 *                               assigned to it (or one "unassigned"),
 *                               due dates in that person's zone
 *   <ex>-improvement-plan.pdf   the HSEEP Improvement Plan table (or a
 *                               blank one by core capability)
 *   <ex>-msel.pdf               the MSEL, controllers and evaluators only
 *   <ex>-packet-ce.pdf          controller/evaluator packet (with MSEL)
 *   <ex>-packet-players.pdf     player packet (no MSEL, no C/E material)
 *   <ex>-packet-observers.pdf   observer packet (no MSEL, no C/E material)
 *   <ex>-gantt.pdf, .png, .svg  the planning cycle as a Gantt chart,
 *                               in lanes by kind of event
 *   <ex>-gantt-agency.pdf, .png, .svg  the same in a lane per agency
 *                               taking part, with the events it attends
 *
 * The controller/evaluator audience is every role that attends a
 * debrief event or is responsible for an MSEL entry; players are the
 * other roles at a hot wash; observers are the remaining roles drawn
 * from non-playing agencies. A packet whose audience is empty is not
 * written.
 *
 * Every page carries a header (exercise name, conduct dates,
 * protective marking) and a footer (page x of y, plan revision, date
 * generated); text is real text in DejaVu Sans. Output is byte-identical
 * for identical input when o->now (or $SOURCE_DATE_EPOCH) is pinned.
 * Each file is written atomically (write_file_atomic).
 *
 * Returns 0, or -1 with *cause set to an owned message (caller frees):
 * the directory cannot be made, a malformed $SOURCE_DATE_EPOCH, cairo
 * failing to draw, or a file failing to write. Files written before the
 * failure stay.
 */
int print_plan(const struct plan *p, const struct print_opts *o,
    char **cause);

/*
 * Parse a paper name, "letter" or "a4" (any case). Returns 0 and sets
 * *out, or -1 leaving it untouched. This function can't fail otherwise.
 */
int print_paper_parse(const char *s, enum print_paper *out);

#endif
