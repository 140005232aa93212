/* load_fixture.h: in-memory input documents for unit tests that load YAML. */
#ifndef PLANNER_TEST_LOAD_FIXTURE_H
#define PLANNER_TEST_LOAD_FIXTURE_H

#include <string.h>

#include "load.h"
#include "util.h"

/* Add document text as file name to l (root: given on the command
 * line). Copies both; load_source_list_free() frees them. */
static void
src_add(struct load_source_list *l, const char *name, const char *text,
    int root)
{
	struct load_source *s = &VEC_PUSH(l->v, l->n, l->cap);

	memset(s, 0, sizeof(*s));
	s->name = xstrdup(name);
	s->text = xstrdup(text);
	s->len = strlen(text);
	s->root = root;
}

#endif
