/* cmd_out.h: the files of an --out directory, written alike by planner plan and planner export. */
#ifndef PLANNER_CMD_OUT_H
#define PLANNER_CMD_OUT_H

#include "cmd_db.h"
#include "model.h"
#include "print.h"

/*
 * Write every file of plan p into dir (created if missing): the
 * calendars (ics_write_all: calendar.ics, tasks.ics, agencies/,
 * people/), checklists.md, checklists-by-owner.md, improvement-plan.md,
 * roles.csv, roles.md and, when print is set, the PDFs under print/ on
 * paper (without it print/ is left as it is). pg is the
 * database's progress (checked items, corrective actions, revision
 * numbers), all zero without a database. One function for both
 * commands, so that 'planner export' writes what 'planner plan' wrote
 * from the same plan and progress, byte for byte. Prints why not on
 * failure (files written before it stay). Returns 0 or -1.
 */
int cmd_out_write(const struct plan *p, const char *dir,
    enum print_paper paper, int print, const struct cmd_db_progress *pg);

#endif
