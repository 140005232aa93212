/* out_md.h: readiness checklists as Markdown, for people to work through. */
#ifndef PLANNER_OUT_MD_H
#define PLANNER_OUT_MD_H

#include "model.h"

/*
 * The checklists of every exercise in the plan as one Markdown
 * (CommonMark with GFM tables) document; the caller frees it. Each
 * exercise gets its protective marking (if any) in bold on the first
 * line, a heading with its name, STARTEX and ENDEX in local time at the
 * venue, then a section per template checklist with a table
 *
 *   | done | item | owner role | assigned to | due |
 *
 * where "due" is the local venue date of the item's event start plus its
 * offset, and "assigned to" names the people assigned to the owner role,
 * or says "unassigned". All text from the input is escaped, so it can
 * neither break a table nor inject HTML; line breaks in it become
 * spaces. An unknown or NULL venue zone shows UTC. Output is
 * byte-identical for identical plans. This function can't fail.
 */
char *out_md_checklists(const struct plan *p);

#endif
