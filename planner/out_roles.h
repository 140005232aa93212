/* out_roles.h: who holds which role, as roles.csv (spreadsheets) and roles.md (people). */
#ifndef PLANNER_OUT_ROLES_H
#define PLANNER_OUT_ROLES_H

#include "model.h"

/*
 * Every assignment of every exercise as RFC 4180 CSV with CRLF line
 * ends and a header row: exercise, role, person, agency, contact,
 * events (the ids of the events the role attends or owns, day N > 1 of
 * play as "conduct-N", separated by spaces). A cell that a spreadsheet
 * would take for a formula (starting with = + - @, tab or CR) is
 * prefixed with a single quote, and so is one starting with a single
 * quote: a reader that drops one leading quote gets the text back.
 * The caller frees the text; this function can't fail.
 */
char *out_roles_csv(const struct plan *p);

/*
 * The same as Markdown for people: per exercise, a table of roles and
 * the people holding them, then every vacancy with its reasons and the
 * staffing cost. Text from the input is escaped so that it shows as
 * written. The caller frees it; this function can't fail.
 */
char *out_roles_md(const struct plan *p);

#endif
