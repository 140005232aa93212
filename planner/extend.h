/* extend.h: template inheritance, a child template's YAML tree merged over its parent's. */
#ifndef PLANNER_EXTEND_H
#define PLANNER_EXTEND_H

#include "schema.h"
#include "tree.h"

/*
 * The tree of a template that extends another: parent and child are the
 * root mappings of the two Template documents (the parent already merged
 * with its own ancestors). Keys of the child replace the parent's, except
 * that mappings merge key by key and the lists of parts (objectives,
 * roles, events, msel, checklists, a checklist's items, and parameters)
 * merge by id:
 * an item whose id the parent has changes that item's keys, other items
 * are added after the parent's. The child's 'remove:' mapping (list name
 * to ids) deletes the parent's items first; an id that is not there is
 * reported at its node in c->diags.
 *
 * New nodes live in c->arena; the leaves are the nodes of the two trees,
 * so every value keeps the file and position it was written at. This
 * function can't fail: it returns the merged root, never NULL.
 */
struct tnode *extend_merge(struct schema_ctx *c, const struct tnode *parent,
    const struct tnode *child);

#endif
