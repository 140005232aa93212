/* sched.h: place each exercise's events on the calendar. */
#ifndef PLANNER_SCHED_H
#define PLANNER_SCHED_H

#include "diag.h"
#include "model.h"

/*
 * Schedule every exercise of the model: STARTEX and ENDEX from the
 * conduct date and start time in the venue's zone, and each event at the
 * middle of its window (the working-hours scheduler replaces this).
 * Returns the plan (free with plan_free), or NULL with the reasons in d.
 * The model must outlive the plan.
 */
struct plan *sched_plan(const struct model *m, struct diags *d);

#endif
