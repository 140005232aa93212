/* model.c: making, searching and freeing the shared model and plans. */
#include "model.h"

#include <stdlib.h>

#include "util.h"

/*
 * The look-ups below are linear scans. The loader resolves references
 * into pointers, so later stages rarely search; but the issue that
 * scales rosters to 20,000 people adds an id index here (hash or
 * sorted array, built once when the model is complete) behind the same
 * functions, so their callers do not change.
 */

struct model *
model_new(void)
{
	struct model *m = xcalloc(1, sizeof(*m));

	m->arena = arena_new();
	return m;
}

struct agency *
model_agency(const struct model *m, const char *id)
{
	size_t i;

	if (m == NULL || id == NULL)
		return NULL;
	for (i = 0; i < m->nagencies; i++)
		if (streq(m->agencies[i]->id, id))
			return m->agencies[i];
	return NULL;
}

struct person *
model_person(const struct model *m, const char *id)
{
	size_t i;

	if (m == NULL || id == NULL)
		return NULL;
	for (i = 0; i < m->npeople; i++)
		if (streq(m->people[i]->id, id))
			return m->people[i];
	return NULL;
}

const struct event_def *
template_event(const struct template *t, const char *id)
{
	size_t i;

	if (t == NULL || id == NULL)
		return NULL;
	for (i = 0; i < t->nevents; i++)
		if (streq(t->events[i].id, id))
			return &t->events[i];
	return NULL;
}

const struct role_def *
template_role(const struct template *t, const char *id)
{
	size_t i;

	if (t == NULL || id == NULL)
		return NULL;
	for (i = 0; i < t->nroles; i++)
		if (streq(t->roles[i].id, id))
			return &t->roles[i];
	return NULL;
}

void
model_free(struct model *m)
{
	if (m == NULL)
		return;
	arena_free(m->arena);
	free(m);
}

struct plan *
plan_new(const struct model *m)
{
	struct plan *p = xcalloc(1, sizeof(*p));

	p->arena = arena_new();
	p->model = m;
	return p;
}

void
plan_free(struct plan *p)
{
	if (p == NULL)
		return;
	arena_free(p->arena);
	free(p);
}

const struct planned_event *
plan_event(const struct plan_exercise *px, const char *id)
{
	size_t i;

	for (i = 0; i < px->nevents; i++)
		if (streq(px->events[i].def->id, id))
			return &px->events[i];
	return NULL;
}
