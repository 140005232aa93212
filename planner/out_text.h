/* out_text.h: the schedule as a readable table for the terminal. */
#ifndef PLANNER_OUT_TEXT_H
#define PLANNER_OUT_TEXT_H

#include <stdio.h>

#include "model.h"

/* Print each exercise's events: UTC, then local times grouped by zone,
 * then warnings. It can't fail (stdio errors are caught at exit). */
void out_text_schedule(FILE *f, const struct plan *p);

#endif
