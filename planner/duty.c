/* duty.c: checklist items matched to the people who owe them, with due dates in their own zones. */
#include "duty.h"

#include <stdlib.h>

const struct tz *
duty_venue_zone(const struct plan_exercise *px)
{
	const struct tz *z = NULL;
	char *cause = NULL;

	/* The loader has checked the zone, so only a hand-built plan can
	 * fail here; its dates print in UTC rather than not at all. */
	if (px->ex->timezone != NULL &&
	    (z = tz_get(px->ex->timezone, &cause)) == NULL)
		free(cause);
	return z;
}

const struct tz *
duty_zone(const struct person *pn, const struct tz *venue)
{
	const struct tz *z;
	char *cause = NULL;

	if (pn == NULL || pn->agency == NULL || pn->agency->timezone == NULL)
		return venue;
	if ((z = tz_get(pn->agency->timezone, &cause)) == NULL) {
		free(cause);
		return venue;
	}
	return z;
}

const struct person **
duty_people(const struct plan_exercise *px, const char *id, size_t *n)
{
	const struct person **v = xcalloc(px->nassignments + 1, sizeof(*v));
	size_t i;

	*n = 0;
	for (i = 0; i < px->nassignments; i++) {
		const struct assignment *a = &px->assignments[i];

		if (a->role != NULL && a->person != NULL &&
		    streq(a->role->id, id))
			v[(*n)++] = a->person;
	}
	return v;
}

int
duty_role_open(const struct plan_exercise *px, const char *id,
    size_t nassigned)
{
	size_t i;

	if (nassigned == 0)
		return 1;
	for (i = 0; i < px->nvacancies; i++)
		if (px->vacancies[i].role != NULL &&
		    streq(px->vacancies[i].role->id, id) &&
		    px->vacancies[i].missing > 0)
			return 1;
	return 0;
}

static const struct planned_event *
first_event(const struct plan_exercise *px, const char *id)
{
	size_t i;

	for (i = 0; i < px->nevents; i++)
		if (streq(px->events[i].def->id, id))
			return &px->events[i];
	return NULL;
}

static const struct item_done *
done_of(const struct item_done *done, size_t ndone, const char *ex,
    const struct checklist *cl, const struct check_item *it,
    const struct person *pn)
{
	size_t i;

	for (i = 0; i < ndone; i++) {
		const struct item_done *d = &done[i];

		if (streq(d->exercise, ex) && streq(d->checklist, cl->id) &&
		    streq(d->item, it->id) && (d->person == NULL ||
		    (pn != NULL && streq(d->person, pn->id))))
			return d;
	}
	return NULL;
}

static void
add(struct duty **v, size_t *n, size_t *cap, const struct plan_exercise *px,
    const struct tz *venue, const struct checklist *cl,
    const struct check_item *it, const struct person *pn,
    const struct item_done *done, size_t ndone)
{
	const struct role_def *r = template_role(px->ex->tpl, it->owner);
	struct duty *d = &VEC_PUSH(*v, *n, *cap);

	d->list = cl;
	d->item = it;
	d->role_name = r != NULL && r->name != NULL ? r->name : it->owner;
	d->person = pn;
	d->zone = duty_zone(pn, venue);
	d->event = first_event(px, it->event);
	d->due = d->event != NULL ? span_add_time(d->event->start,
	    &it->offset) : 0;
	d->done = done_of(done, ndone, px->ex->id, cl, it, pn);
}

struct duty *
duty_list(const struct plan_exercise *px, const struct item_done *done,
    size_t ndone, size_t *n)
{
	const struct template *tpl = px->ex->tpl;
	const struct tz *venue = duty_venue_zone(px);
	struct duty *v = NULL;
	size_t cap = 0, i, j, k;

	*n = 0;
	for (i = 0; tpl != NULL && i < tpl->nchecklists; i++) {
		const struct checklist *cl = &tpl->checklists[i];

		for (j = 0; j < cl->nitems; j++) {
			const struct check_item *it = &cl->items[j];
			size_t np;
			const struct person **who = duty_people(px, it->owner,
			    &np);

			for (k = 0; k < np; k++)
				add(&v, n, &cap, px, venue, cl, it, who[k],
				    done, ndone);
			if (duty_role_open(px, it->owner, np))
				add(&v, n, &cap, px, venue, cl, it, NULL,
				    done, ndone);
			free(who);
		}
	}
	return v;
}

size_t
duty_capabilities(const struct template *tpl, int *caps, size_t max)
{
	size_t i, j, k, n = 0;

	for (i = 0; tpl != NULL && i < tpl->nobjectives; i++) {
		const struct objective *ob = &tpl->objectives[i];

		for (j = 0; j < ob->ncaps && n < max; j++) {
			for (k = 0; k < n && caps[k] != ob->caps[j]; k++)
				continue;
			if (k == n)
				caps[n++] = ob->caps[j];
		}
	}
	return n;
}

static void
put_unit(struct sb *b, long long n, const char *unit, int *any)
{
	if (n == 0)
		return;
	sb_printf(b, "%s%lld %s%s", *any ? " " : "", n, unit,
	    n == 1 ? "" : "s");
	*any = 1;
}

void
duty_offset_text(struct sb *b, const struct span *sp)
{
	long long mo = sp->months, d = sp->days, s = sp->secs;
	int any = 0, neg = mo < 0 || d < 0 || s < 0;

	mo = mo < 0 ? -mo : mo;
	d = d < 0 ? -d : d;
	s = s < 0 ? -s : s;
	put_unit(b, mo, "month", &any);
	if (d % 7 == 0)
		put_unit(b, d / 7, "week", &any);
	else
		put_unit(b, d, "day", &any);
	put_unit(b, s / 3600, "hour", &any);
	put_unit(b, s / 60 % 60, "minute", &any);
	put_unit(b, s % 60, "second", &any);
	sb_puts(b, !any ? "at " : neg ? " before " : " after ");
}
