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

/*
 * The same checklists by owner, for people who edit text (the
 * personalised PDFs' Markdown twin). For each exercise, its marking
 * and name, then a section per role that owns items, a subsection per
 * person assigned to it (name, agency, the zone of their dates; or
 * "unassigned" while the role still needs people) and a GFM task list
 * of their items grouped by checklist:
 *
 *   - [ ] text — due 2027-06-18 16:30 MST, 2 days after Debrief
 *
 * with the due date in the person's own zone (the venue's when
 * unassigned), "[x]" and "done DATE by INITIALS" for an item done (see
 * duty_list() for how done entries match), then a line to sign. Text is
 * escaped as in out_md_checklists(). This function can't fail.
 */
char *out_md_checklists_by_owner(const struct plan *p,
    const struct item_done *done, size_t ndone);

/*
 * Each exercise's Improvement Plan as a GFM table with the HSEEP
 * columns: core capability, observation, recommendation, corrective
 * action, capability element, responsible agency, point of contact,
 * start date, completion date; the actions (n of them, NULL for none)
 * whose exercise is the exercise's id, in order. A missing corrective
 * action, responsible agency, point of contact or completion date shows
 * "**not set**". With no action, a blank row for each core capability
 * the objectives name, to fill in at the after-action meeting. Text is
 * escaped as in out_md_checklists(). This function can't fail.
 */
char *out_md_improvement_plan(const struct plan *p,
    const struct corrective_action *a, size_t n);

/*
 * Append s to b escaped for Markdown: punctuation that could start
 * markup is backslash-escaped, a leading - + = too, and control
 * characters become spaces so a table cell stays on its line. NULL
 * appends nothing; it can't fail.
 */
struct sb;
void out_md_escape(struct sb *b, const char *s);

#endif
