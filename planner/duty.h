/* duty.h: who owes each checklist item, by when in their own time zone, and whether it is done. */
#ifndef PLANNER_DUTY_H
#define PLANNER_DUTY_H

#include <stddef.h>

#include "model.h"
#include "tz.h"
#include "util.h"

/*
 * One checklist item for one owner: the renderers of personalised
 * checklists (PDF and Markdown) print these. Pointers are borrowed
 * from the plan, its model and the done array.
 */
struct duty {
	const struct checklist *list;
	const struct check_item *item;
	const char *role_name;		/* the owner role's name, else its id */
	const struct person *person;	/* NULL: nobody assigned */
	const struct tz *zone;		/* the person's agency's zone, else
					 * the venue's; NULL: UTC */
	const struct planned_event *event;	/* NULL: not scheduled */
	ptime due;			/* event start plus the item's offset */
	const struct item_done *done;	/* NULL: not done */
};

/*
 * Every duty of exercise px, in checklist and item order: for each item
 * one duty per person assigned to its owner role, in assignment order,
 * then one unassigned duty when that role still needs people (nobody
 * is assigned, or a vacancy is open). An item is done for a person when
 * done (ndone entries, NULL for none) holds its exercise, checklist and
 * item ids with that person's id or with no person; an unassigned duty
 * only by an entry with no person. Returns an array the caller frees
 * with free(), its length in *n. This function can't fail.
 */
struct duty *duty_list(const struct plan_exercise *px,
    const struct item_done *done, size_t ndone, size_t *n);

/*
 * The people assigned to role id in px, in assignment order, as an
 * array the caller frees with free() (*n may be 0). It can't fail.
 */
const struct person **duty_people(const struct plan_exercise *px,
    const char *id, size_t *n);

/* Whether role id of px still needs people, with nassigned assigned. */
int duty_role_open(const struct plan_exercise *px, const char *id,
    size_t nassigned);

/*
 * When an item falls due, for people: "2 weeks before ", "1 day 2
 * hours after ", or "at " for no offset; the event's title follows.
 * It can't fail.
 */
void duty_offset_text(struct sb *b, const struct span *sp);

/*
 * The core capabilities (doctrine.h indexes) that tpl's objectives
 * name, each once, in objective order: the rows of a blank Improvement
 * Plan. Returns how many were put in caps. It can't fail.
 */
size_t duty_capabilities(const struct template *tpl, int *caps,
    size_t max);

/* The venue zone of px; NULL (UTC) when it has none or it is unknown. */
const struct tz *duty_venue_zone(const struct plan_exercise *px);

/* The zone pn's dates print in: their agency's, else venue (pn may be
 * NULL). It can't fail. */
const struct tz *duty_zone(const struct person *pn, const struct tz *venue);

#endif
