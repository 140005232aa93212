/* revision.c: an exercise's plan as a stored revision: built, hashed, compared, and made a plan again. */
#include "revision.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "digest.h"
#include "doctrine.h"
#include "out_json.h"
#include "team.h"
#include "tz.h"
#include "util.h"

#include "config.h"	/* PLANNER_VERSION */

/* --- building --------------------------------------------------------- */

/* The local date of t at the venue; UTC when the zone is unknown. */
static char *
local_date(struct arena *a, const struct tz *z, ptime t)
{
	char buf[11];
	pdate d;
	int secs;

	if (z != NULL)
		tz_to_local(z, t, &d, &secs);
	else
		d = date_of(t);
	date_format(d, buf);
	return arena_strdup(a, buf);
}

/* A list joined by sep into a; NULL when empty. */
static char *
join(struct arena *a, const struct strlist *l, const char *sep)
{
	struct sb b = {0};
	char *s;
	size_t i;

	if (l->n == 0)
		return NULL;
	for (i = 0; i < l->n; i++) {
		if (i > 0)
			sb_puts(&b, sep);
		sb_puts(&b, l->v[i] != NULL ? l->v[i] : "");
	}
	s = arena_strdup(a, sb_str(&b));
	sb_free(&b);
	return s;
}

static char *
event_id(struct arena *a, const struct planned_event *pe)
{
	if (pe->day > 1)
		return arena_printf(a, "%s-%d", pe->def->id, pe->day);
	return arena_strdup(a, pe->def->id);
}

static char *
agency_ids(struct arena *a, const struct planned_event *pe)
{
	struct sb b = {0};
	char *s;
	size_t i;

	for (i = 0; i < pe->nagencies; i++) {
		if (i > 0)
			sb_putc(&b, ' ');
		sb_puts(&b, pe->agencies[i]->id);
	}
	s = b.len > 0 ? arena_strdup(a, sb_str(&b)) : NULL;
	sb_free(&b);
	return s;
}

static void
put_events(struct store_rev *r, const struct plan_exercise *px,
    const struct tz *z)
{
	struct arena *a = r->arena;
	size_t i;

	r->events = arena_array(a, px->nevents + 1, sizeof(*r->events));
	for (i = 0; i < px->nevents; i++) {
		const struct planned_event *pe = &px->events[i];
		struct store_event *e = &r->events[r->nevents++];

		e->id = event_id(a, pe);
		e->def = arena_strdup(a, pe->def->id);
		e->day = pe->day;
		e->title = arena_strdup(a, pe->def->title);
		e->kind = arena_strdup(a, doctrine_kind_name(pe->def->kind));
		e->location = arena_strdup(a, pe->def->location);
		e->roles = join(a, &pe->def->roles, " ");
		e->agencies = agency_ids(a, pe);
		e->warnings = join(a, &pe->warnings, "\n");
		e->start = pe->start;
		e->end = pe->end;
		e->date = local_date(a, z, pe->start);
	}
}

/* The events an assignment attends or owns, by id, space-separated. */
static char *
event_ids(struct arena *a, const struct plan_exercise *px,
    const struct assignment *as)
{
	struct sb b = {0};
	char *s;
	size_t i;

	for (i = 0; i < as->nevents; i++) {
		if (as->events[i] >= px->nevents)
			continue;
		if (b.len > 0)
			sb_putc(&b, ' ');
		sb_puts(&b, event_id(a, &px->events[as->events[i]]));
	}
	s = b.len > 0 ? arena_strdup(a, sb_str(&b)) : NULL;
	sb_free(&b);
	return s;
}

static void
put_staffing(struct store_rev *r, const struct plan_exercise *px)
{
	struct arena *a = r->arena;
	size_t i;

	r->assignments = arena_array(a, px->nassignments + 1,
	    sizeof(*r->assignments));
	for (i = 0; i < px->nassignments; i++) {
		const struct assignment *as = &px->assignments[i];
		struct store_assignment *sa =
		    &r->assignments[r->nassignments++];

		sa->role = arena_strdup(a, as->role->id);
		sa->role_name = arena_strdup(a, as->role->name);
		sa->person = arena_strdup(a, as->person->id);
		sa->person_name = arena_strdup(a, as->person->name);
		sa->agency = as->person->agency != NULL ?
		    arena_strdup(a, as->person->agency->id) : NULL;
		sa->events = event_ids(a, px, as);
	}
	r->vacancies = arena_array(a, px->nvacancies + 1,
	    sizeof(*r->vacancies));
	for (i = 0; i < px->nvacancies; i++) {
		const struct vacancy *v = &px->vacancies[i];
		struct store_vacancy *sv = &r->vacancies[r->nvacancies++];

		sv->role = arena_strdup(a, v->role->id);
		sv->role_name = arena_strdup(a, v->role->name);
		sv->missing = v->missing;
		sv->reasons = join(a, &v->reasons, "\n");
	}
}

static void
put_items(struct store_rev *r, const struct plan_exercise *px,
    const struct tz *z)
{
	const struct template *t = px->ex->tpl;
	struct arena *a = r->arena;
	size_t i, j, n = 0;

	for (i = 0; t != NULL && i < t->nchecklists; i++)
		n += t->checklists[i].nitems;
	r->items = arena_array(a, n + 1, sizeof(*r->items));
	for (i = 0; t != NULL && i < t->nchecklists; i++) {
		const struct checklist *cl = &t->checklists[i];

		for (j = 0; j < cl->nitems; j++) {
			const struct check_item *ci = &cl->items[j];
			const struct role_def *role = template_role(t,
			    ci->owner);
			const struct planned_event *ev = plan_event(px,
			    ci->event);
			struct store_item *it = &r->items[r->nitems++];

			it->checklist = arena_strdup(a, cl->id);
			it->checklist_title = arena_strdup(a, cl->title);
			it->id = arena_strdup(a, ci->id);
			it->text = arena_strdup(a, ci->text);
			it->owner = arena_strdup(a, ci->owner);
			it->owner_name = role != NULL ?
			    arena_strdup(a, role->name) : NULL;
			it->event = arena_strdup(a, ci->event);
			if (ev != NULL) {
				it->due = span_add_time(ev->start, &ci->offset);
				it->due_date = local_date(a, z, it->due);
			}
		}
	}
}

/* A person or agency of the model by address, with its place there. */
struct ptr_ix {
	const void *p;
	size_t i;
};

static int
cmp_ptr_ix(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const struct ptr_ix *)a)->p;
	uintptr_t y = (uintptr_t)((const struct ptr_ix *)b)->p;

	return x < y ? -1 : x > y;
}

/* Sort the places of an index made by the caller, for ix_find(). */
static void
ix_sort(struct ptr_ix *ix, size_t n)
{
	qsort(ix, n, sizeof(*ix), cmp_ptr_ix);
}

/* The place of p in the model; n (none) when it is not there. */
static size_t
ix_find(const struct ptr_ix *ix, size_t n, const void *p)
{
	struct ptr_ix key = { p, 0 };
	const struct ptr_ix *f = p != NULL ? bsearch(&key, ix, n, sizeof(*ix),
	    cmp_ptr_ix) : NULL;

	return f != NULL ? f->i : n;
}

/*
 * The people and agencies of a model as every revision of a run
 * stores them (its roster), made once for the run: a program of 2,000
 * exercises and 20,000 people must not copy and hash them per exercise.
 */
struct roster {
	const struct model *m;
	struct store_person *people;
	struct store_agency *agencies;	/* part NULL */
	size_t npeople, nagencies;
	struct ptr_ix *people_ix, *agencies_ix;	/* for picking */
	/* store_roster_key(), "" until a revision needs it: a plan JSON
	 * made for 'planner export' has no use for it. */
	char key[DIGEST_HEX_LEN + 1];
	struct arena *arena;
};

static struct roster *
roster_new(const struct model *m)
{
	struct roster *ro = xcalloc(1, sizeof(*ro));
	struct arena *a;
	size_t i, np = m != NULL ? m->npeople : 0;
	size_t na = m != NULL ? m->nagencies : 0;

	ro->m = m;
	ro->arena = a = arena_new();
	ro->people = arena_array(a, np + 1, sizeof(*ro->people));
	for (i = 0; i < np; i++) {
		const struct person *pn = m->people[i];
		struct store_person *sp = &ro->people[ro->npeople++];

		sp->id = arena_strdup(a, pn->id);
		sp->name = arena_strdup(a, pn->name);
		sp->agency = pn->agency != NULL ?
		    arena_strdup(a, pn->agency->id) : NULL;
		sp->email = arena_strdup(a, pn->email);
	}
	ro->agencies = arena_array(a, na + 1, sizeof(*ro->agencies));
	for (i = 0; i < na; i++) {
		const struct agency *ag = m->agencies[i];
		struct store_agency *sa = &ro->agencies[ro->nagencies++];

		sa->id = arena_strdup(a, ag->id);
		sa->name = arena_strdup(a, ag->name);
		sa->country = arena_strdup(a, ag->country);
		sa->timezone = arena_strdup(a, ag->timezone);
	}
	ro->people_ix = xcalloc(np + 1, sizeof(*ro->people_ix));
	for (i = 0; i < np; i++) {
		ro->people_ix[i].p = m->people[i];
		ro->people_ix[i].i = i;
	}
	ix_sort(ro->people_ix, np);
	ro->agencies_ix = xcalloc(na + 1, sizeof(*ro->agencies_ix));
	for (i = 0; i < na; i++) {
		ro->agencies_ix[i].p = m->agencies[i];
		ro->agencies_ix[i].i = i;
	}
	ix_sort(ro->agencies_ix, na);
	return ro;
}

/* The key of ro's people and agencies, hashed on first use. */
static const char *
roster_key(struct roster *ro)
{
	if (ro->key[0] == '\0')
		store_roster_key(ro->people, ro->npeople, ro->agencies,
		    ro->nagencies, ro->key);
	return ro->key;
}

static void
roster_free(struct roster *ro)
{
	if (ro == NULL)
		return;
	free(ro->people_ix);
	free(ro->agencies_ix);
	arena_free(ro->arena);
	free(ro);
}

/*
 * The roster of exercise ex into r: the people (borrowed from ro, or
 * copied when copy is set, for a revision that outlives ro) and every
 * agency with the part it takes in ex.
 */
static void
put_parties(struct store_rev *r, struct roster *ro,
    const struct exercise *ex, int copy)
{
	struct arena *a = r->arena;
	size_t i, k;

	if (copy) {
		r->people = arena_array(a, ro->npeople + 1, sizeof(*r->people));
		for (i = 0; i < ro->npeople; i++) {
			const struct store_person *o = &ro->people[i];
			struct store_person *sp = &r->people[i];

			sp->id = arena_strdup(a, o->id);
			sp->name = arena_strdup(a, o->name);
			sp->agency = arena_strdup(a, o->agency);
			sp->email = arena_strdup(a, o->email);
		}
	} else
		r->people = ro->people;
	r->npeople = ro->npeople;
	r->agencies = arena_array(a, ro->nagencies + 1, sizeof(*r->agencies));
	for (i = 0; i < ro->nagencies; i++) {
		const struct store_agency *o = &ro->agencies[i];
		struct store_agency *sa = &r->agencies[i];

		sa->id = copy ? arena_strdup(a, o->id) : o->id;
		sa->name = copy ? arena_strdup(a, o->name) : o->name;
		sa->country = copy ? arena_strdup(a, o->country) : o->country;
		sa->timezone = copy ? arena_strdup(a, o->timezone) :
		    o->timezone;
	}
	r->nagencies = ro->nagencies;
	for (i = 0; i < ex->nparticipants; i++) {
		k = ix_find(ro->agencies_ix, ro->nagencies,
		    ex->participants[i].agency);
		if (k < ro->nagencies)
			r->agencies[k].part = arena_strdup(a,
			    doctrine_part_name(ex->participants[i].kind));
	}
	r->roster = arena_strdup(a, roster_key(ro));
}

static int
cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * The JSON of exercise i of p with the agencies that take part in it
 * or employ someone it staffs, and the people it staffs, in the order
 * of the rosters: out_json_plan() of a plan of that exercise alone over
 * a model cut down to them. The whole model would put every person of
 * a national program into each exercise's JSON (20,000 people, 2,000
 * times), and the rosters are kept with the revision anyway.
 */
static char *
plan_json(const struct plan *p, size_t i, const struct roster *ro)
{
	const struct plan_exercise *px = &p->exercises[i];
	const struct exercise *ex = px->ex;
	const struct model *m = p->model;
	struct plan one = *p;
	struct model sub;
	size_t *pi, *ai, j, k, npi = 0, nai = 0;
	char *json;

	one.exercises = (struct plan_exercise *)px;
	one.nexercises = 1;
	if (m == NULL)
		return out_json_plan(&one);
	pi = xcalloc(px->nassignments + 1, sizeof(*pi));
	ai = xcalloc(ex->nparticipants + px->nassignments + 1, sizeof(*ai));
	for (j = 0; j < ex->nparticipants; j++)
		ai[nai++] = ix_find(ro->agencies_ix, ro->nagencies,
		    ex->participants[j].agency);
	for (j = 0; j < px->nassignments; j++) {
		const struct person *pn = px->assignments[j].person;

		pi[npi++] = ix_find(ro->people_ix, ro->npeople, pn);
		if (pn != NULL && pn->agency != NULL)
			ai[nai++] = ix_find(ro->agencies_ix, ro->nagencies,
			    pn->agency);
	}
	qsort(pi, npi, sizeof(*pi), cmp_size);
	qsort(ai, nai, sizeof(*ai), cmp_size);
	sub = *m;
	sub.people = xcalloc(npi + 1, sizeof(*sub.people));
	sub.agencies = xcalloc(nai + 1, sizeof(*sub.agencies));
	sub.npeople = sub.nagencies = 0;
	for (j = 0; j < npi; j++)
		if (pi[j] < ro->npeople && (j == 0 || pi[j] != pi[j - 1]))
			sub.people[sub.npeople++] = m->people[pi[j]];
	for (k = 0; k < nai; k++)
		if (ai[k] < ro->nagencies && (k == 0 || ai[k] != ai[k - 1]))
			sub.agencies[sub.nagencies++] = m->agencies[ai[k]];
	one.model = &sub;
	json = out_json_plan(&one);
	free(sub.people);
	free(sub.agencies);
	free(pi);
	free(ai);
	return json;
}

char *
revision_plan_json(const struct plan *p, size_t i)
{
	struct roster *ro = roster_new(p->model);
	char *json = plan_json(p, i, ro);

	roster_free(ro);
	return json;
}

int
revision_plan_matches(const struct store_rev *r, const struct plan *p)
{
	char *json = revision_plan_json(p, 0);
	int same = strcmp(json, r->plan_json) == 0;

	free(json);
	if (same)
		return 1;
	/* Before schema version 3 the JSON listed the whole model. */
	json = out_json_plan(p);
	same = strcmp(json, r->plan_json) == 0;
	free(json);
	return same;
}

/*
 * The documents of one run, hashed once for the revisions of all its
 * exercises: every revision holds every document, so a national
 * program of 2,000 exercises would otherwise hash and copy its
 * megabytes of rosters 2,000 times. The roster of the model planned
 * is made on first use and kept for the next exercises.
 */
struct revision_src {
	const struct load_source_list *src;	/* borrowed; may be NULL */
	char (*hex)[DIGEST_HEX_LEN + 1];	/* each document's SHA-256 */
	struct digest *prefix;	/* put_plan's state after the documents */
	struct roster *roster;	/* of roster->m; NULL until needed */
	/*
	 * Each exercise's plan JSON and hashes, by index, as made for plan
	 * memo_p: 'planner plan' makes every revision twice from one plan,
	 * to number the calendars before it writes them and to store it
	 * after, and the JSON is the costliest part of one.
	 */
	const struct plan *memo_p;
	struct plan_memo {
		char *json;	/* NULL: not made yet */
		char sha[DIGEST_HEX_LEN + 1], hash[DIGEST_HEX_LEN + 1];
		/*
		 * The revision revision_prepare() made, numbered over the
		 * latest stored revision then (number latest), for
		 * revision_store_src() to store as it is when that is
		 * still the latest: reading the database and making the
		 * revision again cost as much as storing it.
		 */
		struct store_rev *rev;	/* NULL: none kept */
		int latest;
		int unchanged;		/* its hash is the latest's (and rev
					 * NULL: there is nothing to store) */
	} *memo;
	size_t nmemo;
	/* store_docset_key() of the documents: one set for every
	 * revision of the run, so keyed once ("" when there are none). */
	char docset[DIGEST_HEX_LEN + 1];
};

/* Every document's text, then the plan: lengths first, so no two
 * different sequences of texts serialize alike. */
static struct digest *
hash_sources(const struct load_source_list *src)
{
	struct digest *dg = digest_new();
	char head[64];
	size_t i;

	/* 2: the plan lists its own people, and enters by its SHA-256. */
	digest_add(dg, "planner revision 2\n", 19);
	for (i = 0; src != NULL && i < src->n; i++) {
		snprintf(head, sizeof(head), "source %zu\n", src->v[i].len);
		digest_add(dg, head, strlen(head));
		digest_add(dg, src->v[i].text, src->v[i].len);
		digest_add(dg, "\n", 1);
	}
	return dg;
}

struct revision_src *
revision_src_new(const struct load_source_list *src)
{
	struct revision_src *rs = xcalloc(1, sizeof(*rs));
	size_t i, n = src != NULL ? src->n : 0;
	struct store_source *ss = xcalloc(n + 1, sizeof(*ss));

	rs->src = src;
	rs->hex = xcalloc(n + 1, sizeof(*rs->hex));
	for (i = 0; i < n; i++) {
		digest_sha256(src->v[i].text, src->v[i].len, rs->hex[i]);
		ss[i].name = src->v[i].name;
		ss[i].bundled = src->v[i].bundled;
		ss[i].root = src->v[i].root;
		ss[i].sha256 = rs->hex[i];
	}
	store_docset_key(ss, n, rs->docset);
	free(ss);
	rs->prefix = hash_sources(src);
	return rs;
}

static void
memo_clear(struct revision_src *rs)
{
	size_t i;

	for (i = 0; i < rs->nmemo; i++) {
		free(rs->memo[i].json);
		store_rev_free(rs->memo[i].rev);
	}
	free(rs->memo);
	rs->memo = NULL;
	rs->nmemo = 0;
	rs->memo_p = NULL;
}

void
revision_src_free(struct revision_src *rs)
{
	char hex[DIGEST_HEX_LEN + 1];

	if (rs == NULL)
		return;
	digest_finish(rs->prefix, hex);	/* frees it */
	roster_free(rs->roster);
	memo_clear(rs);
	free(rs->hex);
	free(rs);
}

/* The documents of rs into r, borrowed (copy: copied into r's arena). */
static void
put_sources(struct store_rev *r, const struct revision_src *rs, int copy)
{
	const struct load_source_list *src = rs->src;
	size_t i;

	if (src == NULL)
		return;
	r->sources = arena_array(r->arena, src->n + 1, sizeof(*r->sources));
	for (i = 0; i < src->n; i++) {
		struct store_source *s = &r->sources[r->nsources++];

		s->name = copy ? arena_strdup(r->arena, src->v[i].name) :
		    src->v[i].name;
		s->bundled = src->v[i].bundled;
		s->root = src->v[i].root;
		s->text = copy ? arena_strndup(r->arena, src->v[i].text,
		    src->v[i].len) : src->v[i].text;
		s->len = src->v[i].len;
		s->sha256 = copy ? NULL : rs->hex[i];
	}
	if (r->nsources > 0)
		r->docset = copy ? arena_strdup(r->arena, rs->docset) :
		    rs->docset;
}

/* Make rs's memo and roster those of p, unless they are already. */
static void
memo_for(struct revision_src *rs, const struct plan *p)
{
	if (rs->memo_p != p || rs->nmemo != p->nexercises) {
		memo_clear(rs);
		rs->memo_p = p;
		rs->nmemo = p->nexercises;
		rs->memo = xcalloc(rs->nmemo + 1, sizeof(*rs->memo));
	}
	if (rs->roster == NULL || rs->roster->m != p->model) {
		roster_free(rs->roster);
		rs->roster = roster_new(p->model);
	}
}

/*
 * The plan JSON of exercise i of p and its hashes into its memo, unless
 * made already (memo_for() first). The hash is the documents' hash
 * state, then the plan's own SHA-256, which the database keeps the
 * plan under too: hashed once, not once for the revision and again for
 * its blob. It writes memo i alone and only reads rs and p otherwise,
 * so threads make different exercises' at once (revision_src_plans()).
 */
static void
memo_make(struct revision_src *rs, const struct plan *p, size_t i)
{
	struct plan_memo *mo = &rs->memo[i];
	struct digest *dg;
	char head[64];
	size_t len;

	if (mo->json != NULL)
		return;
	mo->json = plan_json(p, i, rs->roster);
	len = strlen(mo->json);
	digest_sha256(mo->json, len, mo->sha);
	dg = digest_dup(rs->prefix);
	snprintf(head, sizeof(head), "plan %zu ", len);
	digest_add(dg, head, strlen(head));
	digest_add(dg, mo->sha, DIGEST_HEX_LEN);
	digest_add(dg, "\n", 1);
	digest_finish(dg, mo->hash);
}

/* Fewer exercises than this are made by one thread: starting another
 * costs more than a few plans take. */
#define PLAN_THREADS_FROM 32

int revision_threads;

/* What each job of revision_src_plans() reads. */
struct plan_share {
	struct revision_src *rs;
	const struct plan *p;
};

static int
plan_job(void *arg, size_t i)
{
	const struct plan_share *sh = arg;

	memo_make(sh->rs, sh->p, i);
	return 0;
}

void
revision_src_plans(struct revision_src *rs, const struct plan *p)
{
	struct plan_share sh = { rs, p };

	memo_for(rs, p);
	if (p->nexercises == 0)
		return;
	/* The first plan is made here, so json-c seeds its hashing
	 * once, before threads share it. */
	memo_make(rs, p, 0);
	team_run(team_size(p->nexercises, PLAN_THREADS_FROM, revision_threads),
	    p->nexercises, plan_job, &sh);
}

/*
 * The plan JSON of exercise i and its hashes into r, from rs's memo
 * when made before for p (borrowed from it unless copy is set), else
 * made now and kept there.
 */
static void
put_plan(struct store_rev *r, const struct plan *p, size_t i,
    struct revision_src *rs, int copy)
{
	struct plan_memo *mo;

	memo_for(rs, p);
	memo_make(rs, p, i);
	mo = &rs->memo[i];
	r->plan_json = copy ? arena_strdup(r->arena, mo->json) : mo->json;
	r->plan_sha256 = arena_strdup(r->arena, mo->sha);
	r->hash = arena_strdup(r->arena, mo->hash);
}

static struct store_rev *
make(const struct plan *p, size_t i, struct revision_src *rs, int copy,
    const char *created)
{
	const struct plan_exercise *px = &p->exercises[i];
	const struct exercise *ex = px->ex;
	struct store_rev *r = store_rev_new();
	struct arena *a = r->arena;
	const struct tz *z;
	char *cause = NULL;

	/* The loader checked the zone: failing here means a hand-made
	 * plan, for which UTC dates beat refusing. */
	if ((z = tz_get(ex->timezone, &cause)) == NULL)
		free(cause);
	r->exercise = arena_strdup(a, ex->id);
	r->name = arena_strdup(a, ex->name);
	r->template_id = ex->tpl != NULL ? arena_strdup(a, ex->tpl->id) : NULL;
	r->type = ex->tpl != NULL ?
	    arena_strdup(a, doctrine_type_name(ex->tpl->type)) : NULL;
	r->timezone = arena_strdup(a, ex->timezone);
	r->venue = arena_strdup(a, ex->venue);
	r->startex = px->startex;
	r->endex = px->endex;
	r->cost = px->cost;
	r->run_cost = p->cost;
	r->staffing_method = arena_strdup(a, p->staffing_method);
	r->staffing_optimal = p->staffing_optimal;
	r->staffing_bound = p->staffing_bound;
	r->created = arena_strdup(a, created);
	r->planner = arena_strdup(a, PLANNER_VERSION);
	put_plan(r, p, i, rs, copy);	/* first: it makes rs's roster */
	put_events(r, px, z);
	put_staffing(r, px);
	put_items(r, px, z);
	put_parties(r, rs->roster, ex, copy);
	put_sources(r, rs, copy);
	return r;
}

struct store_rev *
revision_new(const struct plan *p, size_t i,
    const struct load_source_list *src, const char *created)
{
	struct revision_src *rs = revision_src_new(src);
	struct store_rev *r = make(p, i, rs, 1, created);

	revision_src_free(rs);
	return r;
}

struct store_rev *
revision_new_src(const struct plan *p, size_t i, struct revision_src *rs,
    const char *created)
{
	return make(p, i, rs, 0, created);
}

/* --- calendar sequence ------------------------------------------------ */

/* The event of that id among v[0..n), or NULL. */
static const struct store_event *
find_event(const struct store_event *v, size_t n, const char *id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (streq(v[i].id, id))
			return &v[i];
	return NULL;
}

static const struct store_event *
rev_event(const struct store_rev *r, const char *id)
{
	return r != NULL ? find_event(r->events, r->nevents, id) : NULL;
}

void
revision_sequence(struct store_rev *r, const struct store_rev *prev)
{
	struct store_event *v;
	size_t i, n = r->nevents, extra = 0;
	int renamed = prev != NULL && !streq(prev->name, r->name);

	for (i = 0; i < n; i++) {
		struct store_event *e = &r->events[i];
		const struct store_event *o = rev_event(prev, e->id);

		e->cancelled = 0;
		if (o == NULL)
			e->sequence = 0;
		else if (o->cancelled || renamed ||
		    !streq(o->title, e->title) ||
		    !streq(o->location, e->location) ||
		    o->start != e->start || o->end != e->end)
			e->sequence = o->sequence + 1;
		else
			e->sequence = o->sequence;
	}
	for (i = 0; prev != NULL && i < prev->nevents; i++)
		if (rev_event(r, prev->events[i].id) == NULL)
			extra++;
	if (extra == 0)
		return;
	v = arena_array(r->arena, n + extra + 1, sizeof(*v));
	memcpy(v, r->events, n * sizeof(*v));
	for (i = 0; i < prev->nevents; i++) {
		const struct store_event *o = &prev->events[i];
		struct store_event *e;

		/* Among r's own n, not r->nevents of them: the array holds
		 * n (the cancelled ones go into v). */
		if (find_event(v, n, o->id) != NULL)
			continue;
		e = &v[r->nevents++];
		e->id = arena_strdup(r->arena, o->id);
		e->def = arena_strdup(r->arena, o->def);
		e->day = o->day;
		e->title = arena_strdup(r->arena, o->title);
		e->kind = arena_strdup(r->arena, o->kind);
		e->location = arena_strdup(r->arena, o->location);
		e->roles = arena_strdup(r->arena, o->roles);
		e->agencies = arena_strdup(r->arena, o->agencies);
		e->warnings = arena_strdup(r->arena, o->warnings);
		e->start = o->start;
		e->end = o->end;
		e->date = arena_strdup(r->arena, o->date);
		e->sequence = o->cancelled ? o->sequence : o->sequence + 1;
		e->cancelled = 1;
	}
	r->events = v;
}

void
revision_apply_sequence(const struct store_rev *r, struct plan_exercise *px,
    struct arena *a)
{
	size_t i, n = 0;

	/* revision_new lists px's events first, in order. */
	for (i = 0; i < r->nevents && i < px->nevents; i++)
		px->events[i].sequence = r->events[i].sequence;
	for (i = 0; i < r->nevents; i++)
		n += r->events[i].cancelled;
	px->cancelled = arena_array(a, n + 1, sizeof(*px->cancelled));
	px->ncancelled = 0;
	for (i = 0; i < r->nevents; i++) {
		const struct store_event *e = &r->events[i];
		struct cancelled_event *c;

		if (!e->cancelled)
			continue;
		c = &px->cancelled[px->ncancelled++];
		c->id = arena_strdup(a, e->id);
		c->title = arena_strdup(a, e->title);
		c->start = e->start;
		c->end = e->end;
		c->sequence = e->sequence;
	}
}

/* --- storing ---------------------------------------------------------- */

/* rs's memo of exercise i of p, made for p (NULL when it was not). */
static struct plan_memo *
memo_of(struct revision_src *rs, const struct plan *p, size_t i)
{
	return rs != NULL && rs->memo_p == p && rs->nmemo == p->nexercises ?
	    &rs->memo[i] : NULL;
}

int
revision_prepare(struct plan *p, size_t i, struct revision_src *rs,
    const struct store_rev *prev, int latest)
{
	struct store_rev *r = make(p, i, rs, 0, "");
	struct plan_memo *mo;

	revision_sequence(r, prev);
	revision_apply_sequence(r, &p->exercises[i], p->arena);
	mo = memo_of(rs, p, i);	/* make() made it for p */
	store_rev_free(mo->rev);
	mo->latest = latest;
	mo->unchanged = prev != NULL && streq(prev->hash, r->hash);
	/* An unchanged plan is not stored: what to keep is that it is. */
	mo->rev = mo->unchanged ? NULL : r;
	if (mo->unchanged)
		store_rev_free(r);
	return mo->unchanged ? latest : latest + 1;
}

int
revision_store(struct store *s, const struct plan *p,
    const struct load_source_list *src, const char *created, int *numbers,
    int *fresh, char **cause)
{
	struct revision_src *rs = revision_src_new(src);
	int rc = revision_store_src(s, p, rs, created, numbers, fresh, cause);

	revision_src_free(rs);
	return rc;
}

int
revision_store_src(struct store *s, const struct plan *p,
    struct revision_src *rs, const char *created, int *numbers, int *fresh,
    char **cause)
{
	struct store_rev *r = NULL, *prev = NULL;
	size_t i;
	int n;

	if (store_begin_bulk(s, cause) == -1)
		return -1;
	for (i = 0; i < p->nexercises; i++) {
		struct plan_memo *mo = memo_of(rs, p, i);

		if (store_latest(s, p->exercises[i].ex->id, &n, cause) == -1)
			goto fail;
		/* Prepared over the latest revision, which no other
		 * planner has followed since (revisions are only ever
		 * added): store it as it was made, numbers and all. */
		if (mo != NULL && (mo->rev != NULL || mo->unchanged) &&
		    mo->latest == n) {
			fresh[i] = !mo->unchanged;
			numbers[i] = n;
			if (mo->unchanged)
				continue;
			mo->rev->created = arena_strdup(mo->rev->arena, created);
			if (store_put_next(s, mo->rev, n, cause) == -1)
				goto fail;
			numbers[i] = mo->rev->number;
			continue;
		}
		r = revision_new_src(p, i, rs, created);
		if (n > 0 && store_get_revision(s, r->exercise, n,
		    STORE_REV_NO_ROSTERS | STORE_REV_NO_PLAN |
		    STORE_REV_NO_STAFFING | STORE_REV_NO_ITEMS, &prev,
		    cause) == -1)
			goto fail;
		if (prev != NULL && streq(prev->hash, r->hash)) {
			numbers[i] = n;
			fresh[i] = 0;
		} else {
			revision_sequence(r, prev);
			if (store_put_next(s, r, n, cause) == -1)
				goto fail;
			numbers[i] = r->number;
			fresh[i] = 1;
		}
		store_rev_free(r);
		store_rev_free(prev);
		r = prev = NULL;
	}
	return store_commit(s, cause);
fail:
	store_rev_free(r);
	store_rev_free(prev);
	store_rollback(s);
	return -1;
}

/* --- back to a plan --------------------------------------------------- */

/* Words of a space-separated list (NULL: none) as a strlist in a. */
static struct strlist
split_words(struct arena *a, const char *s)
{
	struct strlist l = {0};
	const char *p, *sp;
	size_t n = 1;

	if (s == NULL || *s == '\0')
		return l;
	for (p = s; *p != '\0'; p++)
		n += *p == ' ';
	l.v = arena_array(a, n + 1, sizeof(char *));
	for (p = s;; p = sp + 1) {
		sp = strchr(p, ' ');
		l.v[l.n++] = arena_strndup(a, p, sp != NULL ?
		    (size_t)(sp - p) : strlen(p));
		if (sp == NULL)
			break;
	}
	return l;
}

/* Lines of s (NULL: none) as a strlist in a. */
static struct strlist
split_lines(struct arena *a, const char *s)
{
	struct strlist l = {0};
	const char *p, *nl;
	size_t n = 1;

	if (s == NULL)
		return l;
	for (p = s; *p != '\0'; p++)
		n += *p == '\n';
	l.v = arena_array(a, n + 1, sizeof(char *));
	for (p = s;; p = nl + 1) {
		nl = strchr(p, '\n');
		l.v[l.n++] = arena_strndup(a, p, nl != NULL ?
		    (size_t)(nl - p) : strlen(p));
		if (nl == NULL)
			break;
	}
	return l;
}

static const struct exercise *
model_exercise(const struct model *m, const char *id)
{
	size_t i;

	for (i = 0; i < m->nexercises; i++)
		if (streq(m->exercises[i]->id, id))
			return m->exercises[i];
	return NULL;
}

int
revision_plan(const struct store_rev *r, const struct model *m,
    struct plan **out, char **cause)
{
	const struct exercise *ex = model_exercise(m, r->exercise);
	const struct template *t;
	struct plan_exercise *px;
	struct strlist ids;
	struct plan *p;
	size_t i, j;

	*out = NULL;
	if (ex == NULL || ex->tpl == NULL) {
		*cause = xasprintf("the documents of revision %d hold no "
		    "exercise '%s'", r->number, r->exercise);
		return -1;
	}
	t = ex->tpl;
	p = plan_new(m);
	p->exercises = px = arena_alloc(p->arena, sizeof(*px));
	p->nexercises = 1;
	px->ex = ex;
	px->startex = r->startex;
	px->endex = r->endex;
	px->cost = r->cost;
	p->cost = r->run_cost;
	p->staffing_method = arena_strdup(p->arena, r->staffing_method);
	p->staffing_optimal = r->staffing_optimal;
	p->staffing_bound = r->staffing_bound;
	px->events = arena_array(p->arena, r->nevents + 1, sizeof(*px->events));
	for (i = 0; i < r->nevents; i++) {
		const struct store_event *e = &r->events[i];
		struct planned_event *pe;
		const struct event_def *def = streq(e->def, "conduct") ?
		    &t->conduct : template_event(t, e->def);

		if (e->cancelled)
			continue;
		if (def == NULL) {
			*cause = xasprintf("the template of revision %d of "
			    "'%s' has no event '%s'", r->number, r->exercise,
			    e->def);
			goto fail;
		}
		pe = &px->events[px->nevents++];
		pe->def = def;
		pe->day = e->day;
		pe->sequence = e->sequence;
		pe->start = e->start;
		pe->end = e->end;
		pe->warnings = split_lines(p->arena, e->warnings);
		ids = split_words(p->arena, e->agencies);
		pe->agencies = arena_array(p->arena, ids.n + 1,
		    sizeof(*pe->agencies));
		for (j = 0; j < ids.n; j++)
			if ((pe->agencies[pe->nagencies++] = model_agency(m,
			    ids.v[j])) == NULL) {
				*cause = xasprintf("the documents of revision "
				    "%d of '%s' have no agency '%s'", r->number,
				    r->exercise, ids.v[j]);
				goto fail;
			}
	}
	px->assignments = arena_array(p->arena, r->nassignments + 1,
	    sizeof(*px->assignments));
	for (i = 0; i < r->nassignments; i++) {
		struct assignment *as = &px->assignments[px->nassignments++];

		as->role = template_role(t, r->assignments[i].role);
		as->person = model_person(m, r->assignments[i].person);
		if (as->role == NULL || as->person == NULL) {
			*cause = xasprintf("the documents of revision %d of "
			    "'%s' have no role '%s' or person '%s'", r->number,
			    r->exercise, r->assignments[i].role,
			    r->assignments[i].person);
			goto fail;
		}
		ids = split_words(p->arena, r->assignments[i].events);
		as->events = arena_array(p->arena, ids.n + 1,
		    sizeof(*as->events));
		for (j = 0; j < ids.n; j++) {
			size_t k;

			for (k = 0; k < px->nevents; k++)
				if (streq(event_id(p->arena, &px->events[k]),
				    ids.v[j]))
					break;
			if (k == px->nevents) {
				*cause = xasprintf("revision %d of '%s' has no "
				    "event '%s'", r->number, r->exercise,
				    ids.v[j]);
				goto fail;
			}
			as->events[as->nevents++] = k;
		}
	}
	px->vacancies = arena_array(p->arena, r->nvacancies + 1,
	    sizeof(*px->vacancies));
	for (i = 0; i < r->nvacancies; i++) {
		struct vacancy *v = &px->vacancies[px->nvacancies++];

		if ((v->role = template_role(t, r->vacancies[i].role)) ==
		    NULL) {
			*cause = xasprintf("the template of revision %d of "
			    "'%s' has no role '%s'", r->number, r->exercise,
			    r->vacancies[i].role);
			goto fail;
		}
		v->missing = r->vacancies[i].missing;
		v->reasons = split_lines(p->arena, r->vacancies[i].reasons);
	}
	/* Stored revisions list their cancelled events last, so the live
	 * ones line up with px's. */
	revision_apply_sequence(r, px, p->arena);
	*out = p;
	return 0;
fail:
	plan_free(p);
	return -1;
}

/* --- differences ------------------------------------------------------ */

static struct revision_change *
add_change(struct revision_diff *d, const char *change, const char *subject,
    const char *before, const char *after)
{
	struct revision_change *c = &VEC_PUSH(d->v, d->n, d->cap);

	memset(c, 0, sizeof(*c));
	c->change = change;
	c->subject = arena_strdup(d->arena, subject);
	c->before = arena_strdup(d->arena, before);
	c->after = arena_strdup(d->arena, after);
	return c;
}

static char *
interval(struct arena *a, ptime start, ptime end)
{
	char s[21], e[21];

	time_format_utc(start, s);
	time_format_utc(end, e);
	return arena_printf(a, "%s/%s", s, e);
}

static struct revision_change *
add_timed(struct revision_diff *d, const char *change,
    const struct store_event *before, const struct store_event *after)
{
	struct revision_change *c = add_change(d, change,
	    after != NULL ? after->id : before->id, NULL, NULL);

	c->timed = 1;
	if (before != NULL) {
		c->before = interval(d->arena, before->start, before->end);
		c->start_before = before->start;
		c->end_before = before->end;
	}
	if (after != NULL) {
		c->after = interval(d->arena, after->start, after->end);
		c->start_after = after->start;
		c->end_after = after->end;
	}
	return c;
}

static const struct store_source *
rev_source(const struct store_rev *r, const struct store_source *s)
{
	size_t i;

	for (i = 0; i < r->nsources; i++)
		if (streq(r->sources[i].name, s->name) &&
		    r->sources[i].bundled == s->bundled)
			return &r->sources[i];
	return NULL;
}

static void
short_hash(const struct store_source *s, char out[13])
{
	char hex[DIGEST_HEX_LEN + 1];

	digest_sha256(s->text, s->len, hex);
	memcpy(out, hex, 12);
	out[12] = '\0';
}

static void
diff_sources(struct revision_diff *d, const struct store_rev *a,
    const struct store_rev *b)
{
	char ha[13], hb[13];
	size_t i;

	for (i = 0; i < b->nsources; i++) {
		const struct store_source *o = rev_source(a, &b->sources[i]);

		short_hash(&b->sources[i], hb);
		if (o == NULL) {
			add_change(d, "input-added", b->sources[i].name, NULL,
			    hb);
			continue;
		}
		short_hash(o, ha);
		if (strcmp(ha, hb) != 0)
			add_change(d, "input-changed", b->sources[i].name, ha,
			    hb);
	}
	for (i = 0; i < a->nsources; i++)
		if (rev_source(b, &a->sources[i]) == NULL) {
			short_hash(&a->sources[i], ha);
			add_change(d, "input-removed", a->sources[i].name, ha,
			    NULL);
		}
}

/* Like rev_event, but a cancelled event counts as absent. */
static const struct store_event *
live_event(const struct store_rev *r, const char *id)
{
	const struct store_event *e = rev_event(r, id);

	return e != NULL && !e->cancelled ? e : NULL;
}

static void
diff_events(struct revision_diff *d, const struct store_rev *a,
    const struct store_rev *b)
{
	size_t i;

	for (i = 0; i < b->nevents; i++) {
		const struct store_event *e = &b->events[i];
		const struct store_event *o;

		if (e->cancelled)
			continue;
		if ((o = live_event(a, e->id)) == NULL) {
			add_timed(d, "event-added", NULL, e);
			continue;
		}
		if (o->start != e->start || o->end != e->end)
			add_timed(d, "event-moved", o, e);
		if (!streq(o->title, e->title))
			add_change(d, "event-renamed", e->id, o->title,
			    e->title);
		if (!streq(o->location, e->location))
			add_change(d, "event-relocated", e->id, o->location,
			    e->location);
	}
	for (i = 0; i < a->nevents; i++)
		if (!a->events[i].cancelled &&
		    live_event(b, a->events[i].id) == NULL)
			add_timed(d, "event-removed", &a->events[i], NULL);
}

static int
has_assignment(const struct store_rev *r, const struct store_assignment *x)
{
	size_t i;

	for (i = 0; i < r->nassignments; i++)
		if (streq(r->assignments[i].role, x->role) &&
		    streq(r->assignments[i].person, x->person))
			return 1;
	return 0;
}

static int
missing(const struct store_rev *r, const char *role)
{
	size_t i;

	for (i = 0; i < r->nvacancies; i++)
		if (streq(r->vacancies[i].role, role))
			return r->vacancies[i].missing;
	return 0;
}

static void
add_vacancy(struct revision_diff *d, const char *role, int before,
    int after)
{
	char b[16], a[16];

	if (before == after)
		return;
	snprintf(b, sizeof(b), "%d", before);
	snprintf(a, sizeof(a), "%d", after);
	add_change(d, "vacancy", role, b, a);
}

static void
diff_staffing(struct revision_diff *d, const struct store_rev *a,
    const struct store_rev *b)
{
	size_t i;

	for (i = 0; i < b->nassignments; i++)
		if (!has_assignment(a, &b->assignments[i]))
			add_change(d, "role-assigned", b->assignments[i].role,
			    NULL, b->assignments[i].person);
	for (i = 0; i < a->nassignments; i++)
		if (!has_assignment(b, &a->assignments[i]))
			add_change(d, "role-unassigned",
			    a->assignments[i].role, a->assignments[i].person,
			    NULL);
	for (i = 0; i < b->nvacancies; i++)
		add_vacancy(d, b->vacancies[i].role,
		    missing(a, b->vacancies[i].role), b->vacancies[i].missing);
	for (i = 0; i < a->nvacancies; i++)
		if (missing(b, a->vacancies[i].role) == 0)
			add_vacancy(d, a->vacancies[i].role,
			    a->vacancies[i].missing, 0);
}

static const struct store_item *
rev_item(const struct store_rev *r, const struct store_item *x)
{
	size_t i;

	for (i = 0; i < r->nitems; i++)
		if (streq(r->items[i].checklist, x->checklist) &&
		    streq(r->items[i].id, x->id))
			return &r->items[i];
	return NULL;
}

static void
diff_items(struct revision_diff *d, const struct store_rev *a,
    const struct store_rev *b)
{
	size_t i;

	for (i = 0; i < b->nitems; i++) {
		const struct store_item *it = &b->items[i];
		const struct store_item *o = rev_item(a, it);
		char *subject = arena_printf(d->arena, "#%lld %s/%s",
		    (long long)it->no, it->checklist, it->id);

		if (o == NULL) {
			add_change(d, "item-added", subject, NULL,
			    it->due_date);
			continue;
		}
		if (!streq(o->due_date, it->due_date))
			add_change(d, "item-due", subject, o->due_date,
			    it->due_date);
		if (!streq(o->owner, it->owner))
			add_change(d, "item-owner", subject, o->owner,
			    it->owner);
	}
	for (i = 0; i < a->nitems; i++) {
		const struct store_item *it = &a->items[i];

		if (rev_item(b, it) == NULL)
			add_change(d, "item-removed", arena_printf(d->arena,
			    "#%lld %s/%s", (long long)it->no, it->checklist,
			    it->id), it->due_date, NULL);
	}
}

struct revision_diff *
revision_diff(const struct store_rev *a, const struct store_rev *b)
{
	struct revision_diff *d = xcalloc(1, sizeof(*d));

	d->arena = arena_new();
	diff_sources(d, a, b);
	diff_events(d, a, b);
	diff_staffing(d, a, b);
	diff_items(d, a, b);
	return d;
}

void
revision_diff_free(struct revision_diff *d)
{
	if (d == NULL)
		return;
	free(d->v);
	arena_free(d->arena);
	free(d);
}
