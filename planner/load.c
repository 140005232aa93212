/* load.c: read YAML documents and everything they refer to into one checked model. */
#define _DEFAULT_SOURCE	/* realpath */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "doc.h"
#include "extend.h"
#include "i18n.h"
#include "ics.h"
#include "load.h"
#include "param.h"
#include "paths.h"
#include "tree.h"

/* An agency named by id somewhere, to point at once all rosters are read. */
struct ref {
	struct agency **slot;
	const char *id;
	struct loc loc;
};

/* A heap vector of pointers. */
struct pvec {
	void **v;
	size_t n, cap;
};

struct loader {
	struct model *m;
	struct diags *d;
	struct schema_ctx ctx;
	struct pvec files;	/* struct tfile *, freed at the end */
	struct pvec seen;	/* char *, real paths already read */
	struct pvec templates, xdocs, agencies, people, calendars;
	struct pvec programs;	/* struct program * */
	struct pvec tsrcs;	/* struct tsrc *: Template documents read */
	struct pvec tstack;	/* struct tsrc *: being resolved, outermost first */
	struct ref *refs;
	size_t nrefs, caprefs;
	const struct load_source_list *mem;	/* read these, not files */
	struct load_source_list *rec;	/* record every file read here */
	struct pvec rec_real;	/* char *, real path of each one recorded */
};

/* A Template document as read, decoded once what it extends is known. */
struct tsrc {
	const struct tnode *root;	/* as written */
	const struct tnode *merged;	/* with its ancestors: what is decoded */
	const char *path, *id;		/* id: NULL when it has none */
	enum { TS_PENDING, TS_RESOLVING, TS_DONE, TS_FAILED } state;
};

/* The kinds below, as messages list them. */
#define KIND_NAMES "Template, Exercise, Roster, Calendar or Program"

static const char *const kinds[] = { "Template", "Exercise", "Roster",
	"Calendar", "Program" };

static void
pvec_push(struct pvec *pv, void *p)
{
	VEC_PUSH(pv->v, pv->n, pv->cap) = p;
}

static void
error_at(struct loader *L, const struct loc *l, const char *fmt, ...)
    PRINTF_LIKE(3, 4);

static void
error_at(struct loader *L, const struct loc *l, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (l == NULL)
		diag_vadd(L->d, DIAG_ERROR, NULL, 0, 0, fmt, ap);
	else
		diag_vadd(L->d, DIAG_ERROR, l->file, l->line, l->col, fmt, ap);
	va_end(ap);
}

void
doc_ref_agency(struct schema_ctx *c, const struct tnode *n,
    struct agency **slot)
{
	struct loader *L = c->user;
	struct ref *r = &VEC_PUSH(L->refs, L->nrefs, L->caprefs);

	r->slot = slot;
	r->id = arena_strdup(c->arena, n->str);
	r->loc.file = n->file;
	r->loc.line = n->line;
	r->loc.col = n->col;
}

/* --- documents ---------------------------------------------------------- */

static int
doc_kind(struct loader *L, const struct tdoc *doc, const char *path)
{
	const struct tnode *root = doc->root, *k, *v;
	const char *near;
	size_t i;

	if (root == NULL || root->kind != TN_MAP) {
		diag_add(L->d, DIAG_ERROR, path, doc->line, doc->col,
		    "a document must be a mapping that starts with 'kind:' "
		    "and 'version:'");
		return -1;
	}
	if ((k = tree_get(root, "kind")) == NULL) {
		schema_error(&L->ctx, root, "missing required key 'kind': one "
		    "of %s", KIND_NAMES);
		return -1;
	}
	for (i = 0; i < NELEM(kinds); i++)
		if (k->kind == TN_SCALAR && strcmp(k->str, kinds[i]) == 0)
			break;
	if (i == NELEM(kinds)) {
		near = k->kind == TN_SCALAR ?
		    closest_word(k->str, kinds, NELEM(kinds)) : NULL;
		if (near != NULL)
			schema_error(&L->ctx, k, "unknown kind '%s'; did you "
			    "mean '%s'?", k->str, near);
		else
			schema_error(&L->ctx, k, "unknown kind; expected %s",
			    KIND_NAMES);
		return -1;
	}
	if ((v = tree_get(root, "version")) == NULL) {
		schema_error(&L->ctx, root, "missing required key 'version'; "
		    "this planner reads version 1");
		return -1;
	}
	if (v->kind != TN_SCALAR || strcmp(v->str, "1") != 0) {
		schema_error(&L->ctx, v, "unsupported version '%s' of %s; this "
		    "planner reads version 1", v->kind == TN_SCALAR ?
		    v->str : "?", kinds[i]);
		return -1;
	}
	return (int)i;
}

static void
load_template(struct loader *L, const struct tnode *root, const char *path)
{
	struct template *t = arena_alloc(L->m->arena, sizeof(*t));

	const struct tnode *ev = tree_get(root, "events");
	int rc;

	/* Checked on the tree, before decoding what would be refused. */
	if (ev != NULL && ev->kind == TN_SEQ && ev->n > LOAD_MAX_EVENTS) {
		error_at(L, &(struct loc){ ev->items[LOAD_MAX_EVENTS]->file,
		    ev->items[LOAD_MAX_EVENTS]->line,
		    ev->items[LOAD_MAX_EVENTS]->col },
		    "more than %d events in one template", LOAD_MAX_EVENTS);
		return;
	}
	doc_template_schema.init(t);
	/* Parameters first: texts are checked against them (param.h). */
	param_text_mode(&L->ctx, t, doc_template_params(&L->ctx, root, t) == 0);
	rc = schema_decode(&L->ctx, &doc_template_schema, root, t, NULL);
	param_text_mode(&L->ctx, NULL, 0);
	if (rc == -1)
		return;
	doc_template_defaults(t);
	doc_template_check(&L->ctx, root, t);
	t->path = (char *)path;
	pvec_push(&L->templates, t);
}

static void
load_exercise(struct loader *L, const struct tnode *root, const char *path)
{
	struct exercise_doc *xd = arena_alloc(L->m->arena, sizeof(*xd));

	/* Kept even when wrong, so its rosters and template are still read
	 * and checked. */
	doc_exercise_schema.init(xd);
	if (schema_decode(&L->ctx, &doc_exercise_schema, root, xd, NULL) == 0 &&
	    xd->ex.nparticipants == 0)
		schema_error(&L->ctx, tree_get(root, "agencies"), "an exercise "
		    "needs at least one participating agency");
	xd->ex.path = (char *)path;
	xd->template_node = tree_get(root, "template");
	pvec_push(&L->xdocs, xd);
}

static void
load_roster(struct loader *L, const struct tnode *root)
{
	struct roster_doc *rd = arena_alloc(L->m->arena, sizeof(*rd));
	size_t i;

	/* Agencies and people join even when something in the roster is
	 * wrong, so that one bad value does not turn every reference to
	 * them into an error too; the run fails all the same. */
	if (schema_decode(&L->ctx, &doc_roster_schema, root, rd, NULL) == 0 &&
	    rd->nagencies == 0 && rd->npeople == 0)
		schema_error(&L->ctx, root, "a roster needs at least one "
		    "agency or person");
	for (i = 0; i < rd->nagencies; i++)
		if (rd->agencies[i].id != NULL)
			pvec_push(&L->agencies, &rd->agencies[i]);
	for (i = 0; i < rd->npeople; i++)
		if (rd->people[i].id != NULL)
			pvec_push(&L->people, &rd->people[i]);
}

static void
load_calendar(struct loader *L, const struct tnode *root, const char *path)
{
	struct holiday_calendar *c = arena_alloc(L->m->arena, sizeof(*c));

	if (schema_decode(&L->ctx, &doc_calendar_schema, root, c, NULL) == -1)
		return;
	c->path = (char *)path;
	pvec_push(&L->calendars, c);
}

static void load_file(struct loader *L, const char *path,
    const struct loc *from);

/* A Program: its exercises and rosters are read as if named on the
 * command line, relative to the program's file. */
static void
load_program(struct loader *L, const struct tnode *root, const char *path)
{
	struct program *pg = arena_alloc(L->m->arena, sizeof(*pg));
	size_t i;
	char *p;

	doc_program_schema.init(pg);
	if (schema_decode(&L->ctx, &doc_program_schema, root, pg, NULL) == -1)
		return;
	pg->path = (char *)path;
	pvec_push(&L->programs, pg);
	for (i = 0; i < pg->rosters.n; i++) {
		p = paths_relative(path, pg->rosters.v[i]);
		load_file(L, p, &pg->rosters.locs[i]);
		free(p);
	}
	for (i = 0; i < pg->exercises.n; i++) {
		p = paths_relative(path, pg->exercises.v[i]);
		load_file(L, p, &pg->exercises.locs[i]);
		free(p);
	}
}

/* --- templates that extend others ---------------------------------------- */

static int have_file(struct loader *L, const char *path);
static void unknown_bundled(struct loader *L, const struct loc *l,
    const char *what, const char *sub, const char *name);

static struct loc
node_loc(const struct tnode *n)
{
	struct loc l = { n->file, n->line, n->col };

	return l;
}

/* Keep a Template document; it is decoded by template_resolve(). */
static void
template_register(struct loader *L, const struct tnode *root, const char *path)
{
	struct tsrc *ts = arena_alloc(L->m->arena, sizeof(*ts));
	const struct tnode *id = tree_get(root, "id");

	ts->root = root;
	ts->path = path;
	ts->id = id != NULL && id->kind == TN_SCALAR ? id->str : NULL;
	pvec_push(&L->tsrcs, ts);
}

/* The template document of that id, first read first; NULL if none. */
static struct tsrc *
find_tsrc(struct loader *L, const char *id)
{
	size_t i;

	for (i = 0; i < L->tsrcs.n; i++) {
		struct tsrc *ts = L->tsrcs.v[i];

		if (ts->id != NULL && strcmp(ts->id, id) == 0)
			return ts;
	}
	return NULL;
}

static struct tsrc *
find_tsrc_path(struct loader *L, const char *path)
{
	size_t i;

	for (i = 0; i < L->tsrcs.n; i++) {
		struct tsrc *ts = L->tsrcs.v[i];

		if (strcmp(ts->path, path) == 0)
			return ts;
	}
	return NULL;
}

/* What 'extends:' names: a template read already, a bundled one by
 * name, or a file; reads the file when needed. NULL once reported. */
static struct tsrc *
find_parent(struct loader *L, const struct tsrc *ts, const struct tnode *ext)
{
	struct loc l = node_loc(ext);
	struct tsrc *p;
	char *path;

	if (ext->kind != TN_SCALAR || ext->len == 0) {
		schema_error(&L->ctx, ext, "'extends' must name a template: "
		    "its id, a bundled name or a file");
		return NULL;
	}
	if ((p = find_tsrc(L, ext->str)) != NULL)
		return p;
	if (paths_is_path(ext->str)) {
		path = paths_relative(ts->path, ext->str);
		load_file(L, path, &l);
		p = find_tsrc_path(L, path);
		if (p == NULL && have_file(L, path))
			schema_error(&L->ctx, ext, "'%s' holds no Template "
			    "document", ext->str);
		free(path);
		return p;
	}
	path = xasprintf("%s/templates/%s.yaml", paths_datadir(), ext->str);
	if (schema_is_id(ext->str) && have_file(L, path)) {
		load_file(L, path, &l);
		if ((p = find_tsrc(L, ext->str)) == NULL)
			p = find_tsrc_path(L, path);
	} else
		unknown_bundled(L, &l, "template", "templates", ext->str);
	free(path);
	return p;
}

/* "template 'b' extends 'a', which extends 'b'": the templates being
 * resolved from parent on, which lead back to ts. */
static void
cycle_error(struct loader *L, const struct tsrc *ts, const struct tsrc *parent,
    const struct tnode *ext)
{
	struct sb b = {0};
	size_t i;

	if (parent == ts) {
		schema_error(&L->ctx, ext, "template '%s' extends itself",
		    ts->id);
		return;
	}
	for (i = 0; i < L->tstack.n && L->tstack.v[i] != parent; i++)
		;
	sb_printf(&b, "template '%s' extends '%s'", ts->id, parent->id);
	for (i++; i + 1 < L->tstack.n; i++)	/* the last is ts */
		sb_printf(&b, ", which extends '%s'",
		    ((struct tsrc *)L->tstack.v[i])->id);
	sb_printf(&b, ", which extends '%s'", ts->id);
	schema_error(&L->ctx, ext, "%s", sb_str(&b));
	sb_free(&b);
}

/* Merge a template over what it extends, then decode and check it. */
static void
template_resolve(struct loader *L, struct tsrc *ts)
{
	const struct tnode *ext = tree_get(ts->root, "extends");
	struct tsrc *parent;

	if (ts->state != TS_PENDING)
		return;
	ts->merged = ts->root;
	if (ext == NULL) {
		const struct tnode *rm = tree_get(ts->root, "remove");

		if (rm != NULL) {
			schema_error(&L->ctx, rm, "'remove' is only for a "
			    "template that extends another");
			ts->state = TS_FAILED;
			return;
		}
		ts->state = TS_DONE;
		load_template(L, ts->root, ts->path);
		return;
	}
	ts->state = TS_RESOLVING;
	pvec_push(&L->tstack, ts);
	if (ts->id == NULL)
		schema_error(&L->ctx, ts->root, "a template that extends "
		    "another needs its own 'id'");
	else if ((parent = find_parent(L, ts, ext)) == NULL)
		;	/* reported */
	else if (parent->state == TS_RESOLVING)
		cycle_error(L, ts, parent, ext);
	else {
		template_resolve(L, parent);
		if (parent->state == TS_DONE) {
			ts->merged = extend_merge(&L->ctx, parent->merged,
			    ts->root);
			ts->state = TS_DONE;
		}
	}
	L->tstack.n--;
	if (ts->state != TS_DONE) {
		ts->state = TS_FAILED;
		return;
	}
	load_template(L, ts->merged, ts->path);
}

/* --- documents recorded as read, and read back from the store ----------- */

/* path relative to the data directory, or NULL when it is not in it. */
static const char *
datadir_relative(const char *path)
{
	const char *dd = paths_datadir();
	size_t n = strlen(dd);

	if (n > 0 && strncmp(path, dd, n) == 0 && path[n] == '/')
		return path + n + 1;
	return NULL;
}

/* The index of the stored document that path names, or -1. Bundled
 * files are stored relative to the data directory, which may have
 * moved since. */
static long
mem_find(const struct loader *L, const char *path)
{
	const char *rel = datadir_relative(path);
	size_t i;

	for (i = 0; i < L->mem->n; i++) {
		const struct load_source *s = &L->mem->v[i];

		if (s->bundled ? rel != NULL && strcmp(s->name, rel) == 0 :
		    strcmp(s->name, path) == 0)
			return (long)i;
	}
	return -1;
}

/* A file reached under two names was recorded under both: its first
 * copy is the one that counts as read. */
static long
mem_key(const struct loader *L, long i)
{
	const struct load_source *s = &L->mem->v[i];
	long j;

	for (j = 0; j < i; j++)
		if (L->mem->v[j].len == s->len &&
		    memcmp(L->mem->v[j].text, s->text, s->len) == 0)
			return j;
	return i;
}

/* Keep text (heap, taken over) as the document read from path. */
static void
record(struct loader *L, const char *path, const char *real, char *text,
    size_t len, int root)
{
	struct load_source *s = &VEC_PUSH(L->rec->v, L->rec->n, L->rec->cap);
	const char *rel = datadir_relative(path);

	s->name = xstrdup(rel != NULL ? rel : path);
	s->bundled = rel != NULL;
	s->root = root;
	s->text = text;
	s->len = len;
	pvec_push(&L->rec_real, xstrdup(real));
}

/* A file recorded already, reached again under path: record that name
 * too unless it is the same, so every reference resolves when read
 * back. */
static void
record_alias(struct loader *L, const char *path, const char *real, int root)
{
	const char *rel = datadir_relative(path);
	const char *name = rel != NULL ? rel : path;
	size_t i, first = L->rec_real.n;

	for (i = 0; i < L->rec_real.n; i++) {
		if (strcmp(L->rec_real.v[i], real) != 0)
			continue;
		if (strcmp(L->rec->v[i].name, name) == 0 &&
		    L->rec->v[i].bundled == (rel != NULL))
			return;
		if (first == L->rec_real.n)
			first = i;
	}
	if (first < L->rec_real.n)
		record(L, path, real, xstrndup(L->rec->v[first].text,
		    L->rec->v[first].len), L->rec->v[first].len, root);
}

/* The tree of the file kept as keep: from the stored documents, or from
 * disk, recording its text when asked. */
static struct tfile *
read_tree(struct loader *L, const char *keep, const char *real, long idx,
    int root)
{
	char *buf;
	size_t len;

	if (L->mem != NULL)
		return tree_load_mem(keep, L->mem->v[idx].text,
		    L->mem->v[idx].len, L->d);
	if (L->rec == NULL ||
	    (buf = read_file(keep, TREE_MAX_FILE_SIZE, &len)) == NULL)
		return tree_load(keep, L->d);	/* it says what is wrong */
	record(L, keep, real, buf, len, root);
	return tree_load_mem(keep, buf, len, L->d);
}

/*
 * Read one file unless it was read already. from is where it was named,
 * for the message when it cannot be read. Its path is kept in the model
 * arena, since every location in the model points at it.
 */
static void
load_file(struct loader *L, const char *path, const struct loc *from)
{
	char real[PATH_MAX], *keep;
	struct tfile *f;
	size_t i, first_tsrc, errs = L->d->nerrors;
	long idx = -1;

	if (L->mem != NULL) {
		if ((idx = mem_find(L, path)) == -1) {
			error_at(L, from, "cannot read '%s': not among the "
			    "stored documents", path);
			return;
		}
		snprintf(real, sizeof(real), "stored:%ld", mem_key(L, idx));
	} else if (realpath(path, real) == NULL) {
		error_at(L, from, "cannot read '%s': %s", path,
		    strerror(errno));
		return;
	}
	for (i = 0; i < L->seen.n; i++)
		if (strcmp(L->seen.v[i], real) == 0) {
			if (L->rec != NULL)
				record_alias(L, path, real, from == NULL);
			return;
		}
	pvec_push(&L->seen, xstrdup(real));
	keep = arena_strdup(L->m->arena, path);
	if ((f = read_tree(L, keep, real, idx, from == NULL)) == NULL) {
		if (L->d->nerrors == errs)
			diag_add(L->d, DIAG_ERROR, keep, 0, 0, "cannot read");
		return;
	}
	pvec_push(&L->files, f);
	first_tsrc = L->tsrcs.n;
	if (f->ndocs == 0)
		diag_add(L->d, DIAG_ERROR, keep, 1, 1, "empty file: expected a "
		    "document starting with 'kind:'");
	for (i = 0; i < f->ndocs; i++) {
		const struct tnode *root = f->docs[i].root;

		switch (doc_kind(L, &f->docs[i], keep)) {
		case 0:
			template_register(L, root, keep);
			break;
		case 1:
			load_exercise(L, root, keep);
			break;
		case 2:
			load_roster(L, root);
			break;
		case 3:
			load_calendar(L, root, keep);
			break;
		case 4:
			load_program(L, root, keep);
			break;
		default:
			break;
		}
	}
	/* After the whole file, so a template may extend one below it. */
	for (i = first_tsrc; i < L->tsrcs.n; i++)
		template_resolve(L, L->tsrcs.v[i]);
}

/* --- references between files ------------------------------------------- */

static struct template *
find_template(struct loader *L, const char *id)
{
	size_t i;

	for (i = 0; i < L->templates.n; i++) {
		struct template *t = L->templates.v[i];

		if (strcmp(t->id, id) == 0)
			return t;
	}
	return NULL;
}

/* The calendar of that id, or (with by_path) the one read from path. */
static struct holiday_calendar *
find_calendar(struct loader *L, const char *key, int by_path)
{
	size_t i;

	for (i = 0; i < L->calendars.n; i++) {
		struct holiday_calendar *c = L->calendars.v[i];

		if (strcmp(by_path ? c->path : c->id, key) == 0)
			return c;
	}
	return NULL;
}

static int
file_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Does path exist: on disk, or among the stored documents? */
static int
have_file(struct loader *L, const char *path)
{
	if (L->mem != NULL)
		return mem_find(L, path) != -1;
	return file_exists(path);
}

/* An .ics calendar to import: does it exist (errno says why not)? When
 * recording, its text is kept like any document's. */
static int
have_ics(struct loader *L, const char *path)
{
	char real[PATH_MAX], *buf;
	size_t i, len;

	if (L->mem != NULL) {
		errno = ENOENT;
		return mem_find(L, path) != -1;
	}
	if (!file_exists(path))
		return 0;
	if (L->rec == NULL)
		return 1;
	if (realpath(path, real) == NULL)
		return 0;
	for (i = 0; i < L->rec_real.n; i++)
		if (strcmp(L->rec_real.v[i], real) == 0) {
			record_alias(L, path, real, 0);
			return 1;
		}
	if ((buf = read_file(path, TREE_MAX_FILE_SIZE, &len)) == NULL)
		return 0;
	record(L, path, real, buf, len, 0);
	return 1;
}

/* Names of the bundled files in a data subdirectory, for suggestions. */
static char **
bundled_names(const char *sub, size_t *n)
{
	char *dir = xasprintf("%s/%s", paths_datadir(), sub);
	char **v = NULL;
	size_t cap = 0;
	DIR *dp;
	struct dirent *de;

	*n = 0;
	if ((dp = opendir(dir)) != NULL) {
		while ((de = readdir(dp)) != NULL) {
			size_t len = strlen(de->d_name);

			if (len > 5 && strcmp(de->d_name + len - 5,
			    ".yaml") == 0)
				VEC_PUSH(v, *n, cap) = xstrndup(de->d_name,
				    len - 5);
		}
		closedir(dp);
	}
	free(dir);
	return v;
}

static void
unknown_bundled(struct loader *L, const struct loc *l, const char *what,
    const char *sub, const char *name)
{
	size_t n;
	char **v = bundled_names(sub, &n);
	const char *near = closest_word(name, (const char *const *)v, n);

	if (near != NULL)
		error_at(L, l, "unknown %s '%s'; did you mean '%s'?", what,
		    name, near);
	else
		error_at(L, l, "unknown %s '%s': not defined in the files read "
		    "and not bundled (see 'planner templates')", what, name);
	load_list_free(v, n);
}

static void
resolve_template(struct loader *L, struct exercise_doc *xd)
{
	const char *ref = xd->ex.template_ref;
	struct loc l = xd->ex.loc;
	char *path;

	if (ref == NULL)
		return;

	if (xd->template_node != NULL) {
		l.line = xd->template_node->line;
		l.col = xd->template_node->col;
	}
	if (find_template(L, ref) != NULL || find_tsrc(L, ref) != NULL)
		return;
	if (paths_is_path(ref)) {
		path = paths_relative(xd->ex.path, ref);
		load_file(L, path, &l);
		free(path);
		return;
	}
	path = xasprintf("%s/templates/%s.yaml", paths_datadir(), ref);
	if (schema_is_id(ref) && have_file(L, path))
		load_file(L, path, &l);
	else
		unknown_bundled(L, &l, "template", "templates", ref);
	free(path);
}

static void
load_rosters(struct loader *L, struct exercise_doc *xd)
{
	size_t i;
	char *path;

	for (i = 0; i < xd->rosters.n; i++) {
		path = paths_relative(xd->ex.path, xd->rosters.v[i]);
		load_file(L, path, &xd->rosters.locs[i]);
		free(path);
	}
}

/* Append what an .ics calendar says to the agency's closed days and
 * busy times. */
static void
import_ics(struct loader *L, struct agency *ag, const char *path)
{
	struct ics_busy b;
	struct range *closed;
	struct busy_time *busy;
	int idx = L->mem != NULL ? mem_find(L, path) : -1;

	if (idx >= 0 ? ics_parse_busy(path, L->mem->v[idx].text,
	    L->mem->v[idx].len, L->m->arena, &b, L->d) :
	    ics_read_busy(path, L->m->arena, &b, L->d)) {
		return;
	}
	closed = arena_array(L->m->arena, ag->nclosed + b.nclosed + 1,
	    sizeof(*closed));
	if (ag->nclosed > 0)
		memcpy(closed, ag->closed, ag->nclosed * sizeof(*closed));
	if (b.nclosed > 0)
		memcpy(closed + ag->nclosed, b.closed, b.nclosed *
		    sizeof(*closed));
	ag->closed = closed;
	ag->nclosed += b.nclosed;
	busy = arena_array(L->m->arena, ag->nbusy + b.nbusy + 1,
	    sizeof(*busy));
	if (ag->nbusy > 0)
		memcpy(busy, ag->busy, ag->nbusy * sizeof(*busy));
	if (b.nbusy > 0)
		memcpy(busy + ag->nbusy, b.busy, b.nbusy * sizeof(*busy));
	ag->busy = busy;
	ag->nbusy += b.nbusy;
}

/* One entry of an agency's holidays: a bundled name or a file. */
static void
resolve_holiday(struct loader *L, struct agency *ag, size_t i,
    struct pvec *cals, struct pvec *ics)
{
	const char *name = ag->holidays.v[i];
	const struct loc *l = &ag->holidays.locs[i];
	struct holiday_calendar *c;
	char *path;
	size_t n = strlen(name);

	if (paths_is_path(name)) {
		path = paths_relative(ag->loc.file, name);
		if (n > 4 && strcmp(name + n - 4, ".ics") == 0) {
			if (!have_ics(L, path))
				error_at(L, l, "cannot read '%s': %s", path,
				    strerror(errno ? errno : ENOENT));
			else {
				pvec_push(ics, arena_strdup(L->m->arena, path));
				import_ics(L, ag, ics->v[ics->n - 1]);
			}
			free(path);
			return;
		}
		load_file(L, path, l);
		c = find_calendar(L, path, 1);
		free(path);
		if (c != NULL)
			pvec_push(cals, c);
		else if (L->d->nerrors == 0)
			error_at(L, l, "'%s' holds no Calendar document", name);
		return;
	}
	if ((c = find_calendar(L, name, 0)) == NULL) {
		path = xasprintf("%s/templates/calendars/%s.yaml",
		    paths_datadir(), name);
		if (schema_is_id(name) && have_file(L, path))
			load_file(L, path, l);
		free(path);
		c = find_calendar(L, name, 0);
	}
	if (c != NULL)
		pvec_push(cals, c);
	else
		unknown_bundled(L, l, "holiday calendar", "templates/calendars",
		    name);
}

static void
resolve_holidays(struct loader *L)
{
	size_t i, j;

	for (i = 0; i < L->agencies.n; i++) {
		struct agency *ag = L->agencies.v[i];
		struct pvec cals = {0}, ics = {0};

		for (j = 0; j < ag->holidays.n; j++)
			resolve_holiday(L, ag, j, &cals, &ics);
		ag->calendars = arena_array(L->m->arena, cals.n + 1,
		    sizeof(*ag->calendars));
		if (cals.n > 0)
			memcpy(ag->calendars, cals.v, cals.n * sizeof(void *));
		ag->ncalendars = cals.n;
		ag->ics.v = arena_array(L->m->arena, ics.n + 1, sizeof(char *));
		if (ics.n > 0)
			memcpy(ag->ics.v, ics.v, ics.n * sizeof(char *));
		ag->ics.n = ics.n;
		free(cals.v);
		free(ics.v);
	}
}

/* One error at the first thing past a bound of load.h, from whichever
 * files it was gathered. */
static void
check_count(struct loader *L, const struct pvec *pv, size_t loc_off,
    size_t max, const char *what)
{
	if (pv->n > max)
		error_at(L, (const struct loc *)((const char *)pv->v[max] +
		    loc_off), "more than %zu %s in one run", max, what);
}

/* An id and where it stands in its list, sorted by id then place. */
struct id_at {
	const char *id;
	size_t i;
};

static int
id_at_cmp(const void *a, const void *b)
{
	const struct id_at *x = a, *y = b;
	int c = strcmp(x->id, y->id);

	if (c != 0)
		return c;
	return x->i < y->i ? -1 : x->i > y->i;
}

/*
 * Ids must be unique across every file of a kind; every later copy is
 * wrong and names the first. Sorting (id, place) puts each id's first
 * copy at the head of its run, so 20,000 people cost O(n log n), not
 * n^2 / 2 comparisons; errors still come in list order.
 */
static void
check_ids(struct loader *L, const struct pvec *pv, size_t id_off,
    size_t loc_off, const char *what)
{
	struct id_at *v;
	size_t *first, i, j;

	if (pv->n < 2)
		return;
	v = xcalloc(pv->n, sizeof(*v));
	first = xcalloc(pv->n, sizeof(*first));
	for (i = 0; i < pv->n; i++) {
		v[i].id = *(char **)((char *)pv->v[i] + id_off);
		v[i].i = i;
		first[i] = i;
	}
	qsort(v, pv->n, sizeof(*v), id_at_cmp);
	for (i = 0; i < pv->n; i = j)
		for (j = i + 1; j < pv->n && strcmp(v[j].id, v[i].id) == 0;
		    j++)
			first[v[j].i] = v[i].i;
	for (i = 0; i < pv->n; i++) {
		const struct loc *li, *lj;

		if (first[i] == i)
			continue;
		li = (struct loc *)((char *)pv->v[i] + loc_off);
		lj = (struct loc *)((char *)pv->v[first[i]] + loc_off);
		error_at(L, li, "duplicate %s id '%s' (first at %s:%d)", what,
		    *(char **)((char *)pv->v[i] + id_off), lj->file, lj->line);
	}
	free(first);
	free(v);
}

static void
resolve_refs(struct loader *L)
{
	size_t i, j, n = L->agencies.n;
	const char **ids = xcalloc(n + 1, sizeof(char *));

	for (j = 0; j < n; j++)
		ids[j] = ((struct agency *)L->agencies.v[j])->id;
	for (i = 0; i < L->nrefs; i++) {
		struct ref *r = &L->refs[i];
		const char *near;

		for (j = 0; j < n; j++)
			if (strcmp(ids[j], r->id) == 0)
				break;
		if (j < n) {
			*r->slot = L->agencies.v[j];
			continue;
		}
		near = closest_word(r->id, ids, n);
		if (near != NULL)
			error_at(L, &r->loc, "unknown agency '%s'; did you "
			    "mean '%s'?", r->id, near);
		else
			error_at(L, &r->loc, "unknown agency '%s': no roster "
			    "read defines it", r->id);
	}
	free(ids);
}

/* --- exercises: their own copy of the template, with overrides ----------- */

static struct template *
template_copy(struct arena *a, const struct template *t)
{
	struct template *c = arena_alloc(a, sizeof(*c));

	*c = *t;
	c->events = arena_array(a, t->nevents + 1, sizeof(*c->events));
	if (t->nevents > 0)
		memcpy(c->events, t->events, t->nevents * sizeof(*c->events));
	c->roles = arena_array(a, t->nroles + 1, sizeof(*c->roles));
	if (t->nroles > 0)
		memcpy(c->roles, t->roles, t->nroles * sizeof(*c->roles));
	return c;
}

/* overrides.events or overrides.roles: a mapping of id to changed keys. */
static void
override_parts(struct loader *L, const struct tnode *n, const char *what,
    const struct schema *s, void *arr, size_t count)
{
	size_t i, j;
	const char **ids;

	if (n->kind != TN_MAP) {
		schema_error(&L->ctx, n, "'overrides.%s' must map %s ids to "
		    "the keys to change", what, what);
		return;
	}
	ids = xcalloc(count + 1, sizeof(char *));
	for (j = 0; j < count; j++)
		ids[j] = *(char **)((char *)arr + j * s->size);
	for (i = 0; i < n->n; i++) {
		const char *near;

		for (j = 0; j < count; j++)
			if (strcmp(ids[j], n->keys[i]->str) == 0)
				break;
		if (j < count) {
			schema_decode(&L->ctx, s, n->vals[i],
			    (char *)arr + j * s->size, NULL);
			continue;
		}
		near = closest_word(n->keys[i]->str, ids, count);
		if (near != NULL)
			schema_error(&L->ctx, n->keys[i], "the template has "
			    "no %s '%s'; did you mean '%s'?", what,
			    n->keys[i]->str, near);
		else
			schema_error(&L->ctx, n->keys[i], "the template has "
			    "no %s '%s'", what, n->keys[i]->str);
	}
	free(ids);
}

static void
apply_overrides(struct loader *L, struct template *t, const struct tnode *ov)
{
	const struct tnode *n;

	L->ctx.partial = 1;
	param_text_mode(&L->ctx, t, 1);
	if ((n = tree_get(ov, "conduct")) != NULL)
		schema_decode(&L->ctx, &doc_conduct_schema, n, t, NULL);
	if ((n = tree_get(ov, "events")) != NULL)
		override_parts(L, n, "event", &doc_event_schema, t->events,
		    t->nevents);
	if ((n = tree_get(ov, "roles")) != NULL)
		override_parts(L, n, "role", &doc_role_schema, t->roles,
		    t->nroles);
	param_text_mode(&L->ctx, NULL, 0);
	L->ctx.partial = 0;
}

static void
check_participants(struct loader *L, struct exercise *ex)
{
	size_t i, j;

	for (i = 1; i < ex->nparticipants; i++)
		for (j = 0; j < i; j++)
			if (ex->participants[i].agency != NULL &&
			    ex->participants[i].agency ==
			    ex->participants[j].agency)
				error_at(L, &ex->loc, "agency '%s' is listed "
				    "twice in 'agencies'",
				    ex->participants[i].agency->id);
	for (i = 0; ex->organiser_agency != NULL && i < L->agencies.n; i++)
		if (strcmp(((struct agency *)L->agencies.v[i])->id,
		    ex->organiser_agency) == 0)
			return;
	if (ex->organiser_agency != NULL)
		error_at(L, &ex->loc, "unknown organiser agency '%s'",
		    ex->organiser_agency);
}

/* Play as an event, so every stage handles it like any other. */
static void
make_conduct(struct arena *a, struct template *t)
{
	struct event_def *e = &t->conduct;
	size_t i;

	memset(e, 0, sizeof(*e));
	e->id = arena_strdup(a, "conduct");
	e->title = t->conduct_title;
	e->description = t->description;
	e->kind = EV_CONDUCT;
	e->duration = t->conduct_length;
	e->loc = t->loc;
	if (t->conduct_roles.n > 0) {
		e->roles = t->conduct_roles;
		return;
	}
	e->roles.v = arena_array(a, t->nroles + 1, sizeof(char *));
	for (i = 0; i < t->nroles; i++)
		e->roles.v[i] = t->roles[i].id;
	e->roles.n = t->nroles;
}

static void
bind_exercise(struct loader *L, struct exercise_doc *xd)
{
	struct exercise *ex = &xd->ex;
	const struct template *base = find_template(L, ex->template_ref);
	size_t errs = L->d->nerrors, i;

	/* A broken exercise is bound all the same, so that mistakes in its
	 * overrides are reported in this run too; the model is dropped. */
	if (ex->id == NULL || ex->template_ref == NULL)
		return;

	if (base == NULL) {
		/* A template given by path has its own id: take the one the
		 * file defines. */
		for (i = 0; i < L->templates.n && base == NULL; i++) {
			struct template *t = L->templates.v[i];
			char *p = paths_relative(ex->path, ex->template_ref);

			if (strcmp(t->path, p) == 0)
				base = t;
			free(p);
		}
	}
	if (base == NULL)
		return;	/* reported when it was looked for */
	ex->tpl = template_copy(L->m->arena, base);
	if (xd->overrides != NULL) {
		apply_overrides(L, ex->tpl, xd->overrides);
		if (L->d->nerrors == errs)
			doc_template_check(&L->ctx, xd->overrides, ex->tpl);
	}
	if (xd->start >= 0)
		ex->tpl->conduct_start = xd->start;
	if (ex->language == NULL)
		ex->language = arena_strdup(L->m->arena, "en");
	/* This exercise's values and language, on its own copy. */
	if (param_bind(&L->ctx, ex->tpl, xd->parameters, xd->template_node,
	    &ex->params, &ex->nparams) == 0)
		param_apply(&L->ctx, ex->tpl, ex->language, ex->params,
		    ex->nparams);
	make_conduct(L->m->arena, ex->tpl);
	ex->has_conduct = xd->conduct_from == xd->conduct_to;
	ex->conduct = xd->conduct_from;
	ex->window_from = xd->conduct_from;
	ex->window_to = xd->conduct_to;
	check_participants(L, ex);
}

/* Move a heap vector into an arena array of the model. */
static void *
freeze(struct arena *a, struct pvec *pv, size_t *n)
{
	void **v = arena_array(a, pv->n + 1, sizeof(void *));

	if (pv->n > 0)
		memcpy(v, pv->v, pv->n * sizeof(void *));
	*n = pv->n;
	free(pv->v);
	memset(pv, 0, sizeof(*pv));
	return v;
}

static void
finish(struct loader *L)
{
	struct model *m = L->m;
	struct pvec exs = {0};
	size_t i;

	for (i = 0; i < L->xdocs.n; i++)
		pvec_push(&exs, &((struct exercise_doc *)L->xdocs.v[i])->ex);
	m->templates = freeze(m->arena, &L->templates, &m->ntemplates);
	m->exercises = freeze(m->arena, &exs, &m->nexercises);
	m->agencies = freeze(m->arena, &L->agencies, &m->nagencies);
	m->people = freeze(m->arena, &L->people, &m->npeople);
	m->calendars = freeze(m->arena, &L->calendars, &m->ncalendars);
	m->programs = freeze(m->arena, &L->programs, &m->nprograms);
	model_index(m);
}

static void
cleanup(struct loader *L)
{
	size_t i;

	for (i = 0; i < L->files.n; i++)
		tree_free(L->files.v[i]);
	for (i = 0; i < L->seen.n; i++)
		free(L->seen.v[i]);
	free(L->files.v);
	free(L->seen.v);
	free(L->templates.v);
	free(L->xdocs.v);
	free(L->agencies.v);
	free(L->people.v);
	free(L->calendars.v);
	free(L->programs.v);
	free(L->tsrcs.v);
	free(L->tstack.v);
	free(L->refs);
	for (i = 0; i < L->rec_real.n; i++)
		free(L->rec_real.v[i]);
	free(L->rec_real.v);
}

static struct model *
load_run(char *const *paths, size_t n, struct diags *d,
    const struct load_source_list *mem, struct load_source_list *rec)
{
	struct loader L;
	size_t i;

	memset(&L, 0, sizeof(L));
	L.d = d;
	L.m = xcalloc(1, sizeof(*L.m));
	L.m->arena = arena_new();
	L.m->i18n = i18n_new(L.m->arena);
	L.ctx.diags = d;
	L.ctx.i18n = L.m->i18n;
	L.ctx.arena = L.m->arena;
	L.ctx.user = &L;
	L.mem = mem;
	L.rec = rec;
	for (i = 0; i < n; i++)
		load_file(&L, paths[i], NULL);
	/* Loading a roster or template may add exercises: index, not copy. */
	for (i = 0; i < L.xdocs.n; i++) {
		load_rosters(&L, L.xdocs.v[i]);
		resolve_template(&L, L.xdocs.v[i]);
	}
	check_count(&L, &L.agencies, offsetof(struct agency, loc),
	    LOAD_MAX_AGENCIES, "agencies");
	check_count(&L, &L.people, offsetof(struct person, loc),
	    LOAD_MAX_PEOPLE, "people");
	check_count(&L, &L.xdocs, offsetof(struct exercise_doc, ex.loc),
	    LOAD_MAX_EXERCISES, "exercises");
	resolve_holidays(&L);
	check_ids(&L, &L.templates, offsetof(struct template, id),
	    offsetof(struct template, loc), "template");
	check_ids(&L, &L.agencies, offsetof(struct agency, id),
	    offsetof(struct agency, loc), "agency");
	check_ids(&L, &L.people, offsetof(struct person, id),
	    offsetof(struct person, loc), "person");
	resolve_refs(&L);
	for (i = 0; i < L.xdocs.n; i++)
		bind_exercise(&L, L.xdocs.v[i]);
	check_ids(&L, &L.xdocs, offsetof(struct exercise_doc, ex.id),
	    offsetof(struct exercise_doc, ex.loc), "exercise");
	finish(&L);
	cleanup(&L);
	if (d->nerrors > 0) {
		model_free(L.m);
		return NULL;
	}
	return L.m;
}

struct model *
load_files(char *const *paths, size_t n, struct diags *d)
{
	return load_run(paths, n, d, NULL, NULL);
}

struct model *
load_files_recorded(char *const *paths, size_t n, struct diags *d,
    struct load_source_list *rec)
{
	return load_run(paths, n, d, NULL, rec);
}

struct model *
load_sources(const struct load_source_list *src, struct diags *d)
{
	char **roots = xcalloc(src->n + 1, sizeof(char *));
	struct model *m = NULL;
	size_t i, n = 0;

	for (i = 0; i < src->n; i++)
		if (src->v[i].root)
			roots[n++] = src->v[i].bundled ? xasprintf("%s/%s",
			    paths_datadir(), src->v[i].name) :
			    xstrdup(src->v[i].name);
	if (n == 0)
		diag_add(d, DIAG_ERROR, NULL, 0, 0, "the stored documents name "
		    "no file to start from");
	else
		m = load_run(roots, n, d, src, NULL);
	for (i = 0; i < n; i++)
		free(roots[i]);
	free(roots);
	return m;
}

void
load_source_list_free(struct load_source_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].name);
		free(l->v[i].text);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

/* --- bundled files and documentation ------------------------------------ */

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **
load_bundled_templates(size_t *n)
{
	char **v = bundled_names("templates", n);
	size_t i;

	for (i = 0; i < *n; i++) {
		char *p = xasprintf("%s/templates/%s.yaml", paths_datadir(),
		    v[i]);

		free(v[i]);
		v[i] = p;
	}
	if (*n > 1)
		qsort(v, *n, sizeof(char *), cmp_str);
	return v;
}

void
load_list_free(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

struct walk_arg {
	void (*fn)(const char *kind, const char *path, void *arg);
	const char *kind;
	void *arg;
};

static void
walk_one(const char *path, void *arg)
{
	struct walk_arg *w = arg;

	w->fn(w->kind, path, w->arg);
}

void
load_walk_keys(void (*fn)(const char *kind, const char *path, void *arg),
    void *arg)
{
	const struct schema *s[] = { &doc_template_schema,
		&doc_exercise_schema, &doc_roster_schema, &doc_calendar_schema,
		&doc_program_schema };
	size_t i;

	for (i = 0; i < NELEM(s); i++) {
		struct walk_arg w = { fn, kinds[i], arg };

		schema_walk(s[i], walk_one, &w);
	}
}
