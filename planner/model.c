/* model.c: making, searching and freeing the shared model and plans. */
#include "model.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/*
 * The loader resolves references into pointers, so later stages rarely
 * search by id; those that do (a stored revision made a plan again, a
 * corrective action's owner) go through model_agency/model_person,
 * which use the sorted arrays model_index() builds once the model is
 * complete, and scan in order a model made by hand.
 */

struct model *
model_new(void)
{
	struct model *m = xcalloc(1, sizeof(*m));

	m->arena = arena_new();
	return m;
}

static int
agency_id_cmp(const void *a, const void *b)
{
	return strcmp((*(struct agency *const *)a)->id,
	    (*(struct agency *const *)b)->id);
}

static int
person_id_cmp(const void *a, const void *b)
{
	return strcmp((*(struct person *const *)a)->id,
	    (*(struct person *const *)b)->id);
}

void
model_index(struct model *m)
{
	m->agencies_by_id = arena_array(m->arena, m->nagencies + 1,
	    sizeof(*m->agencies_by_id));
	if (m->nagencies > 0)
		memcpy(m->agencies_by_id, m->agencies,
		    m->nagencies * sizeof(*m->agencies));
	qsort(m->agencies_by_id, m->nagencies, sizeof(*m->agencies_by_id),
	    agency_id_cmp);
	m->people_by_id = arena_array(m->arena, m->npeople + 1,
	    sizeof(*m->people_by_id));
	if (m->npeople > 0)
		memcpy(m->people_by_id, m->people,
		    m->npeople * sizeof(*m->people));
	qsort(m->people_by_id, m->npeople, sizeof(*m->people_by_id),
	    person_id_cmp);
}

_Static_assert(offsetof(struct agency, id) == 0 &&
    offsetof(struct person, id) == 0, "find_sorted reads the id first");

/* The element of sorted v (n of them, each a pointer to a struct whose
 * first member is its id) whose id is id; NULL if none. */
static void *
find_sorted(void *const *v, size_t n, const char *id)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(*(char *const *)v[mid], id);

		if (c == 0)
			return v[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

struct agency *
model_agency(const struct model *m, const char *id)
{
	size_t i;

	if (m == NULL || id == NULL)
		return NULL;
	if (m->agencies_by_id != NULL)
		return find_sorted((void *const *)m->agencies_by_id,
		    m->nagencies, id);
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
	if (m->people_by_id != NULL)
		return find_sorted((void *const *)m->people_by_id,
		    m->npeople, id);
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
