/* test_ics_write.c: iCalendar files read back line by line against RFC 5545 and the conformance list. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "model.h"
#include "i18n.h"
#include "ics.h"
#include "util.h"

/*
 * The file is read here without libical, so that the test does not
 * share the writer's idea of the format: lines are unfolded and values
 * unescaped by the rules of RFC 5545 alone. Set ICS_KEEP_DIR to keep
 * the files written (and a plan.json of the instants they should hold)
 * for tests/interop/run.sh.
 */

#define EPOCH		"1798761600"	/* 2027-01-01T00:00:00Z */
#define ESC_NAME	"Ejercicio «Frontera Norte», fase 1; ruta C:\\ops"
#define CYR_NAME	"Навчання «Кордон-2027»: протидія FPV-дронам 🚁"
#define ESC_DESC	"Agenda: objectives, scope; risks\nSecond line: " \
	"C:\\plan\\v2, done;\n\\n is not a newline"
#define CYR_DESC	"Узгодження цілей навчання, сценарію та переліку " \
	"учасників; визначення ролей контролерів і оцінювачів. Перевірка " \
	"зв'язку з прикордонними загонами — повний цикл, ñandú, año, " \
	"pingüino, ЁЖЇҐ."
#define MARKING		"OFFICIAL-SENSITIVE"
/* CRLF, CR, a bell, DEL, a lone continuation byte, a truncated sequence. */
#define RAW_DESC	"one\r\ntwo\rthree\a\x7f \x80 \xd0 end\tx"
#define RAW_CLEAN	"one\ntwo\nthree \xef\xbf\xbd \xef\xbf\xbd end\tx"

static struct model *model;
static struct plan *plan;
static char tmpdir[] = "/tmp/test_ics_write.XXXXXX";

/* Seconds since the epoch of a UTC civil time (days_from_civil). */
static ptime
utc(int y, int mo, int d, int h, int mi)
{
	int64_t era, yoe, doy, doe;

	y -= mo <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return ((era * 146097 + doe - 719468) * 86400) + h * 3600 + mi * 60;
}

static struct strlist
strs(struct arena *a, size_t n, ...)
{
	struct strlist l;
	va_list ap;
	size_t i;

	l.n = n;
	l.v = arena_array(a, n ? n : 1, sizeof(char *));
	va_start(ap, n);
	for (i = 0; i < n; i++)
		l.v[i] = arena_strdup(a, va_arg(ap, const char *));
	va_end(ap);
	return l;
}

static struct event_def *
def(struct template *t, size_t i, const char *id, const char *title,
    enum ev_kind kind, struct arena *a)
{
	struct event_def *d = &t->events[i];

	d->id = arena_strdup(a, id);
	d->title = arena_strdup(a, title);
	d->kind = kind;
	return d;
}

static struct exercise *
exercise(struct arena *a, struct template *t, const char *id,
    const char *name, const char *zone)
{
	struct exercise *ex = arena_alloc(a, sizeof(*ex));

	ex->id = arena_strdup(a, id);
	ex->name = arena_strdup(a, name);
	ex->tpl = t;
	ex->timezone = arena_strdup(a, zone);
	return ex;
}

static void
planned(struct planned_event *pe, const struct event_def *d, int day,
    ptime start, ptime end)
{
	pe->def = d;
	pe->day = day;
	pe->start = start;
	pe->end = end;
}

/*
 * One template; three exercises using its events. Denver crosses the
 * spring-forward night of 2027-03-14 and the fall-back night of
 * 2027-11-07, Kyiv the change of 2027-03-28, Phoenix has none.
 */
static int
setup(void **state)
{
	struct arena *a;
	struct template *t;
	struct exercise *den, *kyi, *phx;
	struct plan_exercise *px;
	struct person *ana, *oleh;

	(void)state;
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	model = model_new();
	a = model->arena;

	t = arena_alloc(a, sizeof(*t));
	t->id = arena_strdup(a, "border-fpv-fse");
	t->name = arena_strdup(a, "FPV swarm attack");
	t->type = EX_FULL_SCALE;
	t->conduct_days = 2;
	t->nroles = 2;
	t->roles = arena_array(a, 2, sizeof(*t->roles));
	t->roles[0].id = arena_strdup(a, "lead-planner");
	t->roles[0].name = arena_strdup(a, "Lead planner");
	t->roles[1].id = arena_strdup(a, "controller");
	t->roles[1].name = arena_strdup(a, "Controller");
	t->nevents = 6;
	t->events = arena_array(a, 6, sizeof(*t->events));
	def(t, 0, "ipm", "Initial Planning Meeting", EV_PLANNING_MEETING, a);
	t->events[0].description = arena_strdup(a, ESC_DESC);
	t->events[0].roles = strs(a, 2, "lead-planner", "controller");
	def(t, 1, "conduct", "Exercise conduct", EV_CONDUCT, a);
	t->events[1].roles = strs(a, 1, "controller");
	t->events[1].location = arena_strdup(a, "Київ, вул. Хрещатик, 1");
	def(t, 2, "night-drill", "Night drill", EV_MEETING, a);
	t->events[2].description = arena_strdup(a, RAW_DESC);
	def(t, 3, "msel-sync", "MSEL sync", EV_MEETING, a);
	def(t, 4, "aar-draft", "AAR draft due", EV_DEADLINE, a);
	def(t, 5, "cyr", "Нарада з планування", EV_PLANNING_MEETING, a);
	t->events[5].description = arena_strdup(a, CYR_DESC);

	ana = arena_alloc(a, sizeof(*ana));
	ana->id = arena_strdup(a, "ana");
	ana->name = arena_strdup(a, "Ana Pérez");
	oleh = arena_alloc(a, sizeof(*oleh));
	oleh->id = arena_strdup(a, "oleh");
	oleh->name = arena_strdup(a, "Олег Петренко");

	den = exercise(a, t, "ex-den", ESC_NAME, "America/Denver");
	den->venue = arena_strdup(a, "Centro de Mando");
	den->address = arena_strdup(a, "1 Main St, Denver; CO");
	den->organiser.name = arena_strdup(a, "Ana \"La Jefa\" Pérez");
	den->organiser.email = arena_strdup(a, "ana@example.org");
	den->marking = arena_strdup(a, MARKING);
	kyi = exercise(a, t, "ex-kyiv", CYR_NAME, "Europe/Kyiv");
	kyi->organiser.name = arena_strdup(a, "Олена \"Лена\" Коваль");
	kyi->organiser.email = arena_strdup(a, "olena@example.org");
	phx = exercise(a, t, "ex-phx", "Phoenix seminar", "America/Phoenix");
	phx->venue = arena_strdup(a, "Phoenix EOC");

	plan = plan_new(model);
	plan->nexercises = 3;
	plan->exercises = arena_array(plan->arena, 3, sizeof(*plan->exercises));

	px = &plan->exercises[0];
	px->ex = den;
	px->nevents = 6;
	px->events = arena_array(plan->arena, 6, sizeof(*px->events));
	planned(&px->events[0], &t->events[0], 0,
	    utc(2027, 3, 13, 16, 0), utc(2027, 3, 13, 19, 0));
	planned(&px->events[1], &t->events[1], 1,
	    utc(2027, 3, 12, 15, 0), utc(2027, 3, 12, 23, 0));
	planned(&px->events[2], &t->events[1], 2,
	    utc(2027, 3, 15, 14, 0), utc(2027, 3, 15, 22, 0));
	/* 01:00 MST to 04:00 MDT, over the missing hour. */
	planned(&px->events[3], &t->events[2], 0,
	    utc(2027, 3, 14, 8, 0), utc(2027, 3, 14, 10, 0));
	/* 01:30 MST, the second 01:30 of the night, to 02:30 MST. */
	planned(&px->events[4], &t->events[3], 0,
	    utc(2027, 11, 7, 8, 30), utc(2027, 11, 7, 9, 30));
	/* 23:30 MDT on the 20th is the 21st in UTC. */
	planned(&px->events[5], &t->events[4], 0,
	    utc(2027, 3, 21, 5, 30), utc(2027, 3, 21, 5, 30));
	px->nassignments = 3;
	px->assignments = arena_array(plan->arena, 3, sizeof(*px->assignments));
	px->assignments[0].role = &t->roles[0];
	px->assignments[0].person = ana;
	px->assignments[1].role = &t->roles[1];
	px->assignments[1].person = ana;
	px->assignments[2].role = &t->roles[1];
	px->assignments[2].person = oleh;

	px = &plan->exercises[1];
	px->ex = kyi;
	px->nevents = 2;
	px->events = arena_array(plan->arena, 2, sizeof(*px->events));
	/* 10:00 EET the day before the change, 10:00 EEST the day after. */
	planned(&px->events[0], &t->events[5], 0,
	    utc(2027, 3, 27, 8, 0), utc(2027, 3, 27, 10, 0));
	planned(&px->events[1], &t->events[1], 1,
	    utc(2027, 3, 29, 7, 0), utc(2027, 3, 29, 15, 0));

	px = &plan->exercises[2];
	px->ex = phx;
	px->nevents = 1;
	px->events = arena_array(plan->arena, 1, sizeof(*px->events));
	planned(&px->events[0], &t->events[0], 0,
	    utc(2027, 3, 14, 15, 0), utc(2027, 3, 14, 18, 0));

	setenv("SOURCE_DATE_EPOCH", EPOCH, 1);
	*state = NULL;
	return 0;
}

static int
teardown(void **state)
{
	char *cmd;

	(void)state;
	plan_free(plan);
	model_free(model);
	cmd = xasprintf("rm -rf '%s'", tmpdir);
	if (system(cmd) != 0)
		fprintf(stderr, "test_ics_write: cannot remove %s\n", tmpdir);
	free(cmd);
	return 0;
}

/* Reading the file back. */

static char *
slurp(const char *path)
{
	char *s = read_file(path, 1 << 24, NULL);

	assert_non_null(s);
	return s;
}

/* Write with ics_write() into tmpdir/name; return the text. */
static char *
write_cal(const char *name, const char *calname, ics_filter *keep,
    void *arg)
{
	char *path = xasprintf("%s/%s", tmpdir, name), *cause = NULL, *text;
	int rc;

	if (calname == NULL)
		rc = ics_write_plan(plan, path, &cause);
	else
		rc = ics_write(plan, calname, keep, arg, path, &cause);
	if (rc != 0)
		fail_msg("ics_write: %s", cause);
	assert_null(cause);
	text = slurp(path);
	free(path);
	return text;
}

/* Content lines: the text unfolded (CRLF + space or tab removed). */
struct doc {
	char **v;
	size_t n, cap;
};

static void
doc_parse(struct doc *d, const char *text)
{
	struct sb line = {0};
	const char *p = text;

	memset(d, 0, sizeof(*d));
	while (*p != '\0') {
		const char *eol = strstr(p, "\r\n");

		assert_non_null(eol);
		sb_putn(&line, p, (size_t)(eol - p));
		p = eol + 2;
		if (*p == ' ' || *p == '\t') {
			p++;
			continue;
		}
		d->v = vec_grow(d->v, &d->cap, d->n, sizeof(*d->v));
		d->v[d->n++] = sb_take(&line);
	}
	sb_free(&line);
}

static void
doc_free(struct doc *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		free(d->v[i]);
	free(d->v);
}

/* Whether line is property name (followed by ':' or ';'). */
static int
is_prop(const char *line, const char *name)
{
	size_t n = strlen(name);

	return strncmp(line, name, n) == 0 && (line[n] == ':' || line[n] == ';');
}

/* The value of a content line: after the first ':' outside quotes. */
static const char *
value(const char *line)
{
	int q = 0;

	for (; *line; line++) {
		if (*line == '"')
			q = !q;
		else if (*line == ':' && !q)
			return line + 1;
	}
	fail_msg("no value in a content line");
	return NULL;
}

/* Lines [*from, *to) of the VEVENT whose UID is uid. */
static void
event_range(const struct doc *d, const char *uid, size_t *from, size_t *to)
{
	size_t i, begin = 0;
	int found = 0;

	for (i = 0; i < d->n; i++) {
		if (strcmp(d->v[i], "BEGIN:VEVENT") == 0) {
			begin = i;
			found = 0;
		} else if (is_prop(d->v[i], "UID") &&
		    strcmp(value(d->v[i]), uid) == 0) {
			found = 1;
		} else if (strcmp(d->v[i], "END:VEVENT") == 0 && found) {
			*from = begin;
			*to = i + 1;
			return;
		}
	}
	fail_msg("no VEVENT with UID '%s'", uid);
}

/* The one line of property name in the event uid. */
static const char *
event_prop(const struct doc *d, const char *uid, const char *name)
{
	size_t from, to, i;
	const char *line = NULL;

	event_range(d, uid, &from, &to);
	for (i = from + 1; i < to; i++) {
		/* Not the properties of its VALARMs. */
		if (strncmp(d->v[i], "BEGIN:", 6) == 0)
			while (i < to && strncmp(d->v[i], "END:", 4) != 0)
				i++;
		else if (is_prop(d->v[i], name)) {
			if (line != NULL)
				fail_msg("%s twice in '%s'", name, uid);
			line = d->v[i];
		}
	}
	if (line == NULL)
		fail_msg("no %s in '%s'", name, uid);
	return line;
}

static size_t
count_prop(const struct doc *d, const char *name)
{
	size_t i, n = 0;

	for (i = 0; i < d->n; i++)
		n += is_prop(d->v[i], name);
	return n;
}

/* RFC 5545 3.3.11 TEXT unescaping; caller frees. */
static char *
unescape(const char *s)
{
	struct sb b = {0};

	for (; *s; s++) {
		if (*s != '\\') {
			sb_putc(&b, *s);
			continue;
		}
		s++;
		if (*s == 'n' || *s == 'N')
			sb_putc(&b, '\n');
		else if (*s == '\\' || *s == ',' || *s == ';')
			sb_putc(&b, *s);
		else
			fail_msg("bad escape '\\%c'", *s);
	}
	return sb_take(&b);
}

static void
assert_unescaped(const char *line, const char *want)
{
	char *got = unescape(value(line));

	assert_string_equal(got, want);
	free(got);
}

/* Whether s[0..n) is valid UTF-8 on its own. */
static int
valid_utf8(const unsigned char *s, size_t n)
{
	size_t i = 0, k, len;

	while (i < n) {
		if (s[i] < 0x80)
			len = 1;
		else if ((s[i] & 0xe0) == 0xc0 && s[i] >= 0xc2)
			len = 2;
		else if ((s[i] & 0xf0) == 0xe0)
			len = 3;
		else if ((s[i] & 0xf8) == 0xf0 && s[i] <= 0xf4)
			len = 4;
		else
			return 0;
		if (i + len > n)
			return 0;
		for (k = 1; k < len; k++)
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
		i += len;
	}
	return 1;
}

/* Tests. */

/* Conformance 1 and 2: CRLF only, 75 octets, folds between characters. */
static void
test_lines(void **state)
{
	char *text = write_cal("master.ics", NULL, NULL, NULL);
	const char *p = text, *eol;
	size_t nfolds = 0, nmb_folds = 0;

	(void)state;
	assert_false(strncmp(text, "\xef\xbb\xbf", 3) == 0);
	assert_true(strlen(text) > 2);
	assert_string_equal(text + strlen(text) - 2, "\r\n");
	for (; *p != '\0'; p = eol + 2) {
		size_t n;

		eol = strstr(p, "\r\n");
		assert_non_null(eol);
		n = (size_t)(eol - p);
		assert_null(memchr(p, '\n', n));
		assert_null(memchr(p, '\r', n));
		if (n > 75)
			fail_msg("line of %zu octets: %.*s", n, (int)n, p);
		if (!valid_utf8((const unsigned char *)p, n))
			fail_msg("line not UTF-8 on its own: %.*s", (int)n, p);
		if (*p == ' ') {
			nfolds++;
			/* A fold right after a multi-byte character. */
			if ((unsigned char)p[-3] >= 0x80)
				nmb_folds++;
		}
		/* No fold leaves a line ending in a space a reader may trim,
		 * nor splits an escape. */
		if (eol[2] == ' ' && n > 0) {
			assert_int_not_equal(eol[-1], ' ');
			assert_int_not_equal(eol[-1], '\\');
			assert_int_not_equal(eol[3], ' ');
		}
	}
	assert_true(nfolds > 5);
	assert_true(nmb_folds > 2);
	free(text);
}

/*
 * libical ends a property whose last folded piece is 73 octets with
 * "\r\r\n \n", which read line by line is an empty content line after
 * it: RFC 5545 has none, and a strict reader refuses the file.
 */
static void
test_no_empty_line(void **state)
{
	static const char dial_in[] =	/* 73 octets, nowhere to fold */
	    "meet.example.org/j/012345678901234567890123456789012345678901"
	    "234567890123";
	struct event_def *def = (struct event_def *)
	    plan->exercises[0].events[0].def;
	char *saved = def->location, *text, *want;
	struct doc d;

	(void)state;
	def->location = (char *)dial_in;
	text = write_cal("dial-in.ics", NULL, NULL, NULL);
	def->location = saved;
	assert_null(strstr(text, "\r\n\r\n"));
	assert_null(strstr(text, "\r\r"));
	doc_parse(&d, text);
	want = xasprintf("LOCATION:%s", dial_in);
	assert_string_equal(event_prop(&d, "ipm.ex-den@planner", "LOCATION"),
	    want);
	free(want);
	doc_free(&d);
	free(text);
}

/*
 * A description of 60 runs of 0 to maxrun backslashes, each before
 * "x," or "Ж ;", folded: no line is over 75 octets, at least minfolds
 * folds and none between a backslash and the character it escapes,
 * and the text reads back as it was.
 */
static void
fold_escapes(size_t maxrun, size_t minfolds)
{
	struct event_def *def = (struct event_def *)
	    plan->exercises[0].events[0].def;
	char *saved = def->description, *text, *want;
	const char *p, *q, *eol;
	struct sb b = {0};
	size_t i, k, nfolds = 0;
	struct doc d;
	int esc = 0;

	for (i = 0; i < 60; i++) {
		for (k = 0; k < (i * 7) % 37 % (maxrun + 1); k++)
			sb_putc(&b, '\\');
		sb_puts(&b, i % 3 ? "x," : "Ж ;");
	}
	def->description = b.s;
	text = write_cal("escapes.ics", NULL, NULL, NULL);
	def->description = saved;
	for (p = text; *p != '\0'; p = eol + 2) {
		eol = strstr(p, "\r\n");
		assert_non_null(eol);
		if ((size_t)(eol - p) > 75)
			fail_msg("line of %zu octets: %.*s", (size_t)(eol - p),
			    (int)(eol - p), p);
		q = p;
		if (*p == ' ')
			q++;	/* a continuation: the same escapes */
		else
			esc = 0;
		for (; q < eol; q++)
			esc = *q == '\\' && !esc;
		if (eol[2] == ' ') {
			nfolds++;
			if (esc)
				fail_msg("a fold splits an escape: %.*s",
				    (int)(eol - p), p);
		}
	}
	if (nfolds < minfolds)
		fail_msg("%zu folds, expected %zu or more", nfolds, minfolds);
	doc_parse(&d, text);
	want = xasprintf(MARKING "\n\n%s\n\n"
	    "Location: Centro de Mando, 1 Main St, Denver; CO\n"
	    "Exercise type: full-scale\n"
	    "Roles attending: Lead planner (Ana Pérez); "
	    "Controller (Ana Pérez, Олег Петренко)", b.s);
	assert_unescaped(event_prop(&d, "ipm.ex-den@planner", "DESCRIPTION"),
	    want);
	free(want);
	doc_free(&d);
	sb_free(&b);
	free(text);
}

/*
 * Folds next to escapes, twice: a backslash escaped is two, and where
 * 16 of them run in a row the writer works out every break of the
 * line at once (long_escape()), elsewhere it looks only near each
 * fold, counting the backslashes before it (break_at()). Raw runs of up
 * to 36 take the first way; of up to 7 (14 escaped), the second, whose
 * odd-or-even count only this pass checks.
 */
static void
test_fold_escapes(void **state)
{
	(void)state;
	fold_escapes(36, 41);
	fold_escapes(7, 41);
}

/* Conformance 3, 14, 16, 21: calendar properties. */
static void
test_calendar(void **state)
{
	char *text = write_cal("master.ics", NULL, NULL, NULL);
	struct doc d;
	size_t i;
	const char *name = NULL, *wr = NULL;

	(void)state;
	doc_parse(&d, text);
	assert_string_equal(d.v[0], "BEGIN:VCALENDAR");
	assert_string_equal(d.v[d.n - 1], "END:VCALENDAR");
	assert_int_equal(count_prop(&d, "VERSION"), 1);
	assert_int_equal(count_prop(&d, "PRODID"), 1);
	assert_int_equal(count_prop(&d, "METHOD"), 0);
	for (i = 0; i < d.n; i++) {
		if (strcmp(d.v[i], "VERSION:2.0") == 0)
			continue;
		if (strncmp(d.v[i], "PRODID:-//planner//planner ", 27) == 0)
			assert_string_equal(d.v[i] + strlen(d.v[i]) - 4,
			    "//EN");
		if (is_prop(d.v[i], "NAME"))
			name = d.v[i];
		if (is_prop(d.v[i], "X-WR-CALNAME"))
			wr = d.v[i];
	}
	assert_non_null(name);
	assert_non_null(wr);
	assert_string_equal(value(name), value(wr));
	/* Three exercises and no Program: counted, not listed. */
	assert_unescaped(wr, "3 exercises");
	assert_int_equal(count_prop(&d, "UID"), 9);
	assert_int_equal(count_prop(&d, "DTSTAMP"), 9);
	doc_free(&d);
	free(text);
}

/* Conformance 4, 5, 15 and the fields of one event. */
static void
test_event(void **state)
{
	char *text = write_cal("master.ics", NULL, NULL, NULL);
	struct doc d;
	const char *uid = "ipm.ex-den@planner";
	size_t i;

	(void)state;
	doc_parse(&d, text);
	assert_string_equal(event_prop(&d, uid, "DTSTAMP"),
	    "DTSTAMP:20270101T000000Z");
	assert_string_equal(event_prop(&d, uid, "SEQUENCE"), "SEQUENCE:0");
	assert_string_equal(event_prop(&d, uid, "STATUS"), "STATUS:CONFIRMED");
	assert_string_equal(event_prop(&d, uid, "CATEGORIES"),
	    "CATEGORIES:full-scale,planning-meeting");
	assert_unescaped(event_prop(&d, uid, "SUMMARY"),
	    ESC_NAME ": Initial Planning Meeting");
	assert_unescaped(event_prop(&d, uid, "LOCATION"),
	    "Centro de Mando, 1 Main St, Denver; CO");
	assert_string_equal(event_prop(&d, uid, "ORGANIZER"),
	    "ORGANIZER;CN=Ana 'La Jefa' Pérez:mailto:ana@example.org");
	assert_string_equal(event_prop(&d, "cyr.ex-kyiv@planner", "ORGANIZER"),
	    "ORGANIZER;CN=Олена 'Лена' Коваль:mailto:olena@example.org");
	/* Multi-day play: day N > 1 as out_json.h names it. */
	assert_unescaped(event_prop(&d, "conduct.ex-den@planner", "SUMMARY"),
	    ESC_NAME ": Exercise conduct (day 1 of 2)");
	assert_unescaped(event_prop(&d, "conduct-2.ex-den@planner",
	    "SUMMARY"), ESC_NAME ": Exercise conduct (day 2 of 2)");
	assert_unescaped(event_prop(&d, "conduct.ex-kyiv@planner", "SUMMARY"),
	    CYR_NAME ": Exercise conduct");
	assert_unescaped(event_prop(&d, "conduct.ex-kyiv@planner",
	    "LOCATION"), "Київ, вул. Хрещатик, 1");
	/* No organiser e-mail, no ORGANIZER. */
	{
		size_t from, to;

		event_range(&d, "ipm.ex-phx@planner", &from, &to);
		for (i = from; i < to; i++)
			assert_false(is_prop(d.v[i], "ORGANIZER"));
	}
	/* UIDs unique. */
	for (i = 0; i < d.n; i++) {
		size_t j;

		if (!is_prop(d.v[i], "UID"))
			continue;
		for (j = i + 1; j < d.n; j++)
			if (is_prop(d.v[j], "UID"))
				assert_string_not_equal(d.v[i], d.v[j]);
	}
	doc_free(&d);
	free(text);
}

/* Conformance 13: TEXT with , ; \ and newlines round-trips. */
static void
test_escaping(void **state)
{
	char *text = write_cal("master.ics", NULL, NULL, NULL);
	struct doc d;

	(void)state;
	doc_parse(&d, text);
	assert_unescaped(event_prop(&d, "ipm.ex-den@planner", "DESCRIPTION"),
	    MARKING "\n\n" ESC_DESC "\n\n"
	    "Location: Centro de Mando, 1 Main St, Denver; CO\n"
	    "Exercise type: full-scale\n"
	    "Roles attending: Lead planner (Ana Pérez); "
	    "Controller (Ana Pérez, Олег Петренко)");
	assert_unescaped(event_prop(&d, "cyr.ex-kyiv@planner", "DESCRIPTION"),
	    CYR_DESC "\n\nExercise type: full-scale");
	assert_unescaped(event_prop(&d, "cyr.ex-kyiv@planner", "SUMMARY"),
	    CYR_NAME ": Нарада з планування");
	doc_free(&d);
	free(text);
}

/*
 * Text is cleaned: line breaks become LF, control characters go, bad
 * UTF-8 becomes U+FFFD.
 */
static void
test_clean_text(void **state)
{
	char *text = write_cal("master.ics", NULL, NULL, NULL);
	struct doc d;

	(void)state;
	doc_parse(&d, text);
	assert_unescaped(event_prop(&d, "night-drill.ex-den@planner",
	    "DESCRIPTION"), MARKING "\n\n" RAW_CLEAN
	    "\n\nLocation: Centro de Mando, 1 Main St, Denver; CO\n"
	    "Exercise type: full-scale");
	doc_free(&d);
	free(text);
}

/* Conformance 8 and 9: every TZID has a VTIMEZONE under its bare name. */
static void
test_vtimezone(void **state)
{
	char *text = write_cal("master.ics", NULL, NULL, NULL);
	struct doc d;
	size_t i;
	int in_vtz = 0, nvtz = 0;

	(void)state;
	doc_parse(&d, text);
	for (i = 0; i < d.n; i++) {
		const char *l = d.v[i], *t;

		if (strcmp(l, "BEGIN:VTIMEZONE") == 0)
			in_vtz = 1, nvtz++;
		else if (strcmp(l, "END:VTIMEZONE") == 0)
			in_vtz = 0;
		else if (in_vtz && (is_prop(l, "TZOFFSETFROM") ||
		    is_prop(l, "TZOFFSETTO")))
			/* +HHMM: no LMT seconds python3-icalendar rejects */
			assert_int_equal(strlen(value(l)), 5);
		else if (in_vtz && is_prop(l, "RDATE"))
			assert_null(strchr(value(l), 'Z'));
		else if (!in_vtz && (t = strstr(l, ";TZID=")) != NULL) {
			char *want;
			size_t n = strcspn(t + 6, ":;");
			size_t j;
			int found = 0;

			want = xasprintf("TZID:%.*s", (int)n, t + 6);
			assert_int_not_equal(t[6], '/');
			for (j = 0; j < d.n; j++)
				found += strcmp(d.v[j], want) == 0;
			if (found != 1)
				fail_msg("%d VTIMEZONEs for %s", found, want);
			free(want);
		}
		/* DATE-TIMEs are never floating. */
		if (!in_vtz && (is_prop(l, "DTSTART") || is_prop(l, "DTEND")))
			assert_true(strstr(l, ";TZID=") != NULL ||
			    strstr(l, "VALUE=DATE:") != NULL ||
			    l[strlen(l) - 1] == 'Z');
	}
	assert_int_equal(nvtz, 3);
	assert_null(strstr(text, "freeassociation"));
	doc_free(&d);
	free(text);
}

/* Conformance 10: wall times on both sides of a DST change. */
static void
test_dst(void **state)
{
	char *text = write_cal("master.ics", NULL, NULL, NULL);
	struct doc d;

	(void)state;
	doc_parse(&d, text);
	/* Denver: MST before 2027-03-14, MDT after. */
	assert_string_equal(event_prop(&d, "conduct.ex-den@planner",
	    "DTSTART"), "DTSTART;TZID=America/Denver:20270312T080000");
	assert_string_equal(event_prop(&d, "conduct.ex-den@planner",
	    "DTEND"), "DTEND;TZID=America/Denver:20270312T160000");
	assert_string_equal(event_prop(&d, "conduct-2.ex-den@planner",
	    "DTSTART"), "DTSTART;TZID=America/Denver:20270315T080000");
	assert_string_equal(event_prop(&d, "ipm.ex-den@planner", "DTSTART"),
	    "DTSTART;TZID=America/Denver:20270313T090000");
	assert_string_equal(event_prop(&d, "night-drill.ex-den@planner",
	    "DTSTART"), "DTSTART;TZID=America/Denver:20270314T010000");
	assert_string_equal(event_prop(&d, "night-drill.ex-den@planner",
	    "DTEND"), "DTEND;TZID=America/Denver:20270314T040000");
	/* The second 01:30 of 2027-11-07 is written in UTC. */
	assert_string_equal(event_prop(&d, "msel-sync.ex-den@planner",
	    "DTSTART"), "DTSTART:20271107T083000Z");
	assert_string_equal(event_prop(&d, "msel-sync.ex-den@planner",
	    "DTEND"), "DTEND;TZID=America/Denver:20271107T023000");
	/* Kyiv: EET before 2027-03-28, EEST after. */
	assert_string_equal(event_prop(&d, "cyr.ex-kyiv@planner", "DTSTART"),
	    "DTSTART;TZID=Europe/Kyiv:20270327T100000");
	assert_string_equal(event_prop(&d, "conduct.ex-kyiv@planner",
	    "DTSTART"), "DTSTART;TZID=Europe/Kyiv:20270329T100000");
	assert_string_equal(event_prop(&d, "conduct.ex-kyiv@planner",
	    "DTEND"), "DTEND;TZID=Europe/Kyiv:20270329T180000");
	/* Phoenix keeps MST. */
	assert_string_equal(event_prop(&d, "ipm.ex-phx@planner", "DTSTART"),
	    "DTSTART;TZID=America/Phoenix:20270314T080000");
	doc_free(&d);
	free(text);
}

/* Conformance 11: a deadline is an all-day event on its local date. */
static void
test_all_day(void **state)
{
	char *text = write_cal("master.ics", NULL, NULL, NULL);
	struct doc d;
	const char *uid = "aar-draft.ex-den@planner";

	(void)state;
	doc_parse(&d, text);
	assert_string_equal(event_prop(&d, uid, "DTSTART"),
	    "DTSTART;VALUE=DATE:20270320");
	assert_string_equal(event_prop(&d, uid, "DTEND"),
	    "DTEND;VALUE=DATE:20270321");
	assert_string_equal(event_prop(&d, uid, "TRANSP"),
	    "TRANSP:TRANSPARENT");
	assert_int_equal(count_prop(&d, "DURATION"), 0);
	doc_free(&d);
	free(text);
}

/* Conformance 5: byte-identical output with the clock pinned. */
static void
test_deterministic(void **state)
{
	char *a = write_cal("a.ics", NULL, NULL, NULL);
	char *b = write_cal("b.ics", NULL, NULL, NULL);
	char *c;

	(void)state;
	assert_string_equal(a, b);
	setenv("SOURCE_DATE_EPOCH", "1798761601", 1);
	c = write_cal("c.ics", NULL, NULL, NULL);
	setenv("SOURCE_DATE_EPOCH", EPOCH, 1);
	assert_string_not_equal(a, c);
	assert_non_null(strstr(c, "DTSTAMP:20270101T000001Z\r\n"));
	free(a);
	free(b);
	free(c);
}

static int
only_exercise(const struct plan_exercise *px, const struct planned_event *pe,
    void *arg)
{
	(void)pe;
	return strcmp(px->ex->id, arg) == 0;
}

/* The lines of the VEVENT uid, joined; caller frees. */
static char *
event_text(const struct doc *d, const char *uid)
{
	struct sb b = {0};
	size_t from, to, i;

	event_range(d, uid, &from, &to);
	for (i = from; i < to; i++)
		sb_printf(&b, "%s\n", d->v[i]);
	return sb_take(&b);
}

/* Conformance 6: a filtered calendar holds the same items unchanged. */
static void
test_filter(void **state)
{
	char *master = write_cal("master.ics", NULL, NULL, NULL);
	char *kyiv = write_cal("kyiv.ics", "Агенція: ДПСУ", only_exercise,
	    "ex-kyiv");
	const char *uids[] = { "cyr.ex-kyiv@planner",
	    "conduct.ex-kyiv@planner" };
	struct doc dm, dk;
	size_t i;

	(void)state;
	doc_parse(&dm, master);
	doc_parse(&dk, kyiv);
	assert_int_equal(count_prop(&dk, "UID"), 2);
	for (i = 0; i < NELEM(uids); i++) {
		char *a = event_text(&dm, uids[i]), *b = event_text(&dk, uids[i]);

		assert_string_equal(a, b);
		free(a);
		free(b);
	}
	assert_non_null(strstr(kyiv, "\r\nTZID:Europe/Kyiv\r\n"));
	assert_null(strstr(kyiv, "America/"));
	assert_non_null(strstr(kyiv, "\r\nX-WR-CALNAME:Агенція: ДПСУ\r\n"));
	doc_free(&dm);
	doc_free(&dk);
	free(master);
	free(kyiv);

	/* Nothing kept: a calendar without events, still well formed. */
	kyiv = write_cal("none.ics", "None", only_exercise, "no-such");
	assert_null(strstr(kyiv, "VEVENT"));
	assert_null(strstr(kyiv, "VTIMEZONE"));
	assert_non_null(strstr(kyiv, "\r\nX-WR-CALNAME:None\r\nEND:VCALENDAR"
	    "\r\n"));
	free(kyiv);
}

/* A venue in UTC: Z times and no VTIMEZONE. */
static void
test_utc_zone(void **state)
{
	struct plan_exercise *px = &plan->exercises[2];
	char *saved = px->ex->timezone, *text;

	(void)state;
	((struct exercise *)px->ex)->timezone = "UTC";
	text = write_cal("utc.ics", "UTC", only_exercise, "ex-phx");
	((struct exercise *)px->ex)->timezone = saved;
	assert_non_null(strstr(text, "\r\nDTSTART:20270314T150000Z\r\n"));
	assert_null(strstr(text, "VTIMEZONE"));
	free(text);
}

/* Failures leave no file and say why. */
static void
expect_failure(const char *path, const char *want)
{
	char *cause = NULL;

	assert_int_equal(ics_write_plan(plan, path, &cause), -1);
	assert_non_null(cause);
	assert_string_equal(cause, want);
	free(cause);
	assert_int_equal(access(path, F_OK), -1);
}

/*
 * Fault injection: damage the first text rendered (a component, a
 * VTIMEZONE, a calendar's own lines) that holds mangle_from, once,
 * before libical reads it back. No assertion here: a failure would
 * leave the hook set for the tests that follow.
 */
static const char *mangle_from, *mangle_to;
static int mangled;

static void
mangle(char *text, size_t len)
{
	char *p;

	if (mangled || (p = strstr(text, mangle_from)) == NULL ||
	    strlen(mangle_from) != strlen(mangle_to) ||
	    p + strlen(mangle_to) > text + len)
		return;
	memcpy(p, mangle_to, strlen(mangle_to));
	mangled = 1;
}

static void
expect_refusal(const char *from, const char *to, const char *want)
{
	char *path = xasprintf("%s/mangled.ics", tmpdir), *cause = NULL;
	int rc;

	mangle_from = from;
	mangle_to = to;
	mangled = 0;
	ics_test_mangle = mangle;
	rc = ics_write_plan(plan, path, &cause);
	ics_test_mangle = NULL;	/* before any assertion can fail */
	assert_true(mangled);
	assert_int_equal(rc, -1);
	assert_non_null(cause);
	assert_string_equal(cause, want);
	assert_int_equal(access(path, F_OK), -1);
	free(cause);
	free(path);
}

/* Conformance 17: what libical cannot read back as planned is refused. */
static void
test_self_check(void **state)
{
	(void)state;
	expect_refusal("Denver:20270313T090000", "Denver:20270313T100000",
	    "internal error: the times of 'ipm.ex-den@planner' do not read "
	    "back as planned");
	/* A TZID that names no VTIMEZONE of the file. */
	expect_refusal("TZID=Europe/Kyiv:", "TZID=Europe/Kyix:",
	    "internal error: the times of 'cyr.ex-kyiv@planner' do not read "
	    "back as planned");
	/* A VTIMEZONE that is not its zone: by name, by offset. */
	expect_refusal("TZID:Europe/Kyiv", "TZID:Europe/Kyix",
	    "internal error: the VTIMEZONE of 'Europe/Kyiv' is named "
	    "'Europe/Kyix'");
	expect_refusal("TZOFFSETTO:-0600", "TZOFFSETTO:-0500",
	    "internal error: the VTIMEZONE of 'America/Denver' does not "
	    "give the zone's UTC offset at 2027-03-14T12:00:00Z");
	expect_refusal("DTSTART;VALUE=DATE:20270320",
	    "DTSTART;VALUE=DATE:20270321", "internal error: the times of "
	    "'aar-draft.ex-den@planner' do not read back as planned");
	/* libical's parser flags few bad values (not SEQUENCE:x, say). */
	expect_refusal("DTSTAMP:20270101T", "DTSTAMP:2027010XT",
	    "internal error: libical finds 1 error in the calendar it wrote: "
	    "Can't parse as DATE-TIME value in DTSTAMP property. Removing "
	    "entire property: 2027010XT000000Z");
}

static void
test_errors(void **state)
{
	char *path = xasprintf("%s/no/such/dir/x.ics", tmpdir);
	char *want = xasprintf("cannot write '%s': No such file or directory",
	    path);
	char *ok = xasprintf("%s/err.ics", tmpdir);
	struct exercise *ex = (struct exercise *)plan->exercises[2].ex;
	char *saved;

	(void)state;
	expect_failure(path, want);

	setenv("SOURCE_DATE_EPOCH", "12x", 1);
	expect_failure(ok, "invalid SOURCE_DATE_EPOCH '12x': expected "
	    "seconds since 1970 up to year 9999");
	setenv("SOURCE_DATE_EPOCH", "99999999999999999999999", 1);
	expect_failure(ok, "invalid SOURCE_DATE_EPOCH "
	    "'99999999999999999999999': expected seconds since 1970 up to "
	    "year 9999");
	setenv("SOURCE_DATE_EPOCH", EPOCH, 1);

	saved = ex->timezone;
	ex->timezone = "Mars/Olympus_Mons";
	expect_failure(ok, "exercise 'ex-phx': unknown time zone "
	    "'Mars/Olympus_Mons'");
	ex->timezone = saved;

	/* Ids may hold '.': "ipm.x" of "ex-den" and "ipm" of "x.ex-den". */
	{
		struct event_def *drill = &ex->tpl->events[2];
		char *saved_drill = drill->id;

		saved = ex->id;
		ex->id = "x.ex-den";
		drill->id = "ipm.x";
		expect_failure(ok, "events 'ipm.x' of 'ex-den' and 'ipm' of "
		    "'x.ex-den' would share UID 'ipm.x.ex-den@planner'");
		ex->id = saved;
		drill->id = saved_drill;
	}

	free(path);
	free(want);
	free(ok);
}

/*
 * Issue 5: SEQUENCE from the store, cancelled events, attendees and
 * alarms, the same in master and per-person files; tasks in their own
 * file; file names from ids that cannot escape the directory.
 */
static void
test_replan_people_tasks(void **state)
{
	struct plan_exercise *px = &plan->exercises[0];
	struct assignment *as = &px->assignments[0];
	struct person *ana = (struct person *)as->person;
	struct cancelled_event ce = { .id = "old-mtg", .title = "Old meeting",
	    .start = px->events[0].start, .end = px->events[0].start + 3600,
	    .sequence = 3 };
	size_t idx[1] = { 0 };
	const char *uid = "ipm.ex-den@planner";
	char *master, *mine, *cause = NULL, *path, *dir, *saved_id;
	struct doc d;
	size_t from, to, from2, to2, i;
	struct doc d2;
	struct person *people[1] = { ana }, **saved_people;
	size_t saved_n;

	(void)state;
	px->events[0].sequence = 2;
	px->cancelled = &ce;
	px->ncancelled = 1;
	as->events = idx;
	as->nevents = 1;
	ana->email = "ana@example.org";
	saved_id = ana->id;
	ana->id = "../Ana";
	saved_people = model->people;
	saved_n = model->npeople;
	model->people = people;
	model->npeople = 1;

	master = write_cal("master.ics", NULL, NULL, NULL);
	doc_parse(&d, master);
	assert_string_equal(event_prop(&d, uid, "SEQUENCE"), "SEQUENCE:2");
	assert_string_equal(event_prop(&d, uid, "ATTENDEE"),
	    "ATTENDEE;CN=Ana Pérez;ROLE=CHAIR;X-PLANNER-ROLE=lead-planner:"
	    "mailto:ana@example.org");
	assert_string_equal(event_prop(&d, "old-mtg.ex-den@planner",
	    "STATUS"), "STATUS:CANCELLED");
	assert_string_equal(event_prop(&d, "old-mtg.ex-den@planner",
	    "SEQUENCE"), "SEQUENCE:3");
	/* A VALARM after the event's own properties. */
	event_range(&d, uid, &from, &to);
	for (i = from; i < to && strcmp(d.v[i], "BEGIN:VALARM") != 0; i++)
		;
	assert_true(i < to);
	for (; i < to - 1; i++)
		assert_false(strncmp(d.v[i], "ATTENDEE", 8) == 0);

	/* Everything into a directory: Ana's file is in people/. */
	dir = xasprintf("%s/all", tmpdir);
	assert_int_equal(mkdir_p(dir), 0);
	if (ics_write_all(plan, dir, NULL, 0, NULL, 0, &cause) == -1)
		fail_msg("ics_write_all: %s", cause);
	path = xasprintf("%s/people/_._Ana.ics", dir);
	mine = slurp(path);
	doc_parse(&d2, mine);
	event_range(&d2, uid, &from2, &to2);
	assert_int_equal(to2 - from2, to - from);
	for (i = 0; i < to - from; i++)
		assert_string_equal(d2.v[from2 + i], d.v[from + i]);
	/* Only her event and the exercise's cancelled one. */
	assert_non_null(strstr(mine, "UID:old-mtg.ex-den@planner"));
	assert_null(strstr(mine, "ex-kyiv@planner"));
	free(path);
	free(mine);
	doc_free(&d2);
	path = xasprintf("%s/tasks.ics", dir);
	mine = slurp(path);
	assert_null(strstr(mine, "BEGIN:VEVENT"));
	free(path);
	free(mine);
	free(dir);

	doc_free(&d);
	free(master);
	px->events[0].sequence = 0;
	px->cancelled = NULL;
	px->ncancelled = 0;
	as->events = NULL;
	as->nevents = 0;
	ana->email = NULL;
	ana->id = saved_id;
	model->people = saved_people;
	model->npeople = saved_n;
}

/* The TRIGGER values of the VALARMs of event uid, "," separated. */
static char *
triggers(const struct doc *d, const char *uid)
{
	struct sb b = {0};
	size_t from, to, i;

	event_range(d, uid, &from, &to);
	for (i = from; i < to; i++)
		if (is_prop(d->v[i], "TRIGGER"))
			sb_printf(&b, "%s%s", b.len ? "," : "", value(d->v[i]));
	return sb_take(&b);
}

static struct span
minutes(int n)
{
	struct span sp = { .secs = (int64_t)n * 60, .has_time = 1 };

	return sp;
}

/*
 * Template alarms: an event's own list wins, then the template's for
 * the kind, then the built-in defaults; an empty list means none.
 */
static void
test_alarms(void **state)
{
	struct template *t = (struct template *)plan->exercises[0].ex->tpl;
	struct span meeting[2], own[1];
	struct doc d;
	char *text, *got;

	(void)state;
	meeting[0].months = 0, meeting[0].days = -1, meeting[0].secs = 0;
	meeting[0].has_time = 0;
	meeting[1] = minutes(-15);
	own[0].months = 0, own[0].days = -14, own[0].secs = 0;
	own[0].has_time = 0;
	t->alarms[EV_MEETING].v = meeting;
	t->alarms[EV_MEETING].n = 2;
	t->alarms[EV_MEETING].set = 1;
	t->alarms[EV_PLANNING_MEETING].set = 1;	/* [] : none */
	t->events[3].alarms.v = own;		/* msel-sync: its own */
	t->events[3].alarms.n = 1;
	t->events[3].alarms.set = 1;

	text = write_cal("alarms.ics", NULL, NULL, NULL);
	doc_parse(&d, text);
	got = triggers(&d, "night-drill.ex-den@planner");
	assert_string_equal(got, "-P1D,-PT15M");
	free(got);
	got = triggers(&d, "msel-sync.ex-den@planner");
	assert_string_equal(got, "-P2W");
	free(got);
	got = triggers(&d, "ipm.ex-den@planner");
	assert_string_equal(got, "");
	free(got);
	/* Kinds the template leaves alone keep the built-in defaults. */
	got = triggers(&d, "conduct.ex-den@planner");
	assert_string_equal(got, "-P1D,-PT1H");
	free(got);
	got = triggers(&d, "aar-draft.ex-den@planner");
	assert_string_equal(got, "-P2D");
	free(got);
	doc_free(&d);
	free(text);

	memset(&t->alarms[EV_MEETING], 0, sizeof(t->alarms[EV_MEETING]));
	memset(&t->alarms[EV_PLANNING_MEETING], 0,
	    sizeof(t->alarms[EV_PLANNING_MEETING]));
	memset(&t->events[3].alarms, 0, sizeof(t->events[3].alarms));
	text = write_cal("alarms.ics", NULL, NULL, NULL);
	doc_parse(&d, text);
	got = triggers(&d, "ipm.ex-den@planner");
	assert_string_equal(got, "-P1D,-PT1H");
	free(got);
	doc_free(&d);
	free(text);
}

/*
 * The exercise role on ATTENDEE: every role the person attends with.
 * ROLE, PARTSTAT and CUTYPE only where they are not RFC 5545's
 * defaults: a chair's ROLE, an agency's CUTYPE=GROUP.
 */
static void
test_attendee_roles(void **state)
{
	struct plan_exercise *px = &plan->exercises[0];
	struct planned_event *pe = &px->events[0];
	struct person *ana = (struct person *)px->assignments[0].person;
	struct person *oleh = (struct person *)px->assignments[2].person;
	struct agency ag = { .id = "den-fd", .name = "Denver Fire" };
	struct agency *ags[1] = { &ag }, **saved_ag = pe->agencies;
	size_t idx[1] = { 0 }, saved_nag = pe->nagencies;
	struct doc d;
	char *text;
	size_t from, to, i, n = 0;

	(void)state;
	ana->email = "ana@example.org";
	oleh->email = "oleh@example.org";
	ag.contact.email = "duty@den-fd.example.org";
	pe->agencies = ags;
	pe->nagencies = 1;
	for (i = 0; i < 3; i++) {
		px->assignments[i].events = idx;
		px->assignments[i].nevents = 1;
	}
	text = write_cal("roles.ics", NULL, NULL, NULL);
	doc_parse(&d, text);
	event_range(&d, "ipm.ex-den@planner", &from, &to);
	for (i = from; i < to; i++) {
		if (!is_prop(d.v[i], "ATTENDEE"))
			continue;
		n++;
		if (strstr(d.v[i], "mailto:ana@") != NULL)
			assert_string_equal(d.v[i], "ATTENDEE;CN=Ana Pérez;"
			    "ROLE=CHAIR;X-PLANNER-ROLE=\"lead-planner,"
			    "controller\":mailto:ana@example.org");
		else if (strstr(d.v[i], "mailto:oleh@") != NULL)
			assert_string_equal(d.v[i], "ATTENDEE;CN=Олег "
			    "Петренко;X-PLANNER-ROLE=controller:"
			    "mailto:oleh@example.org");
		else
			assert_string_equal(d.v[i], "ATTENDEE;CN=Denver Fire;"
			    "CUTYPE=GROUP:mailto:duty@den-fd.example.org");
	}
	assert_int_equal(n, 3);	/* Ana once, with both roles */
	doc_free(&d);
	free(text);
	for (i = 0; i < 3; i++) {
		px->assignments[i].events = NULL;
		px->assignments[i].nevents = 0;
	}
	pe->agencies = saved_ag;
	pe->nagencies = saved_nag;
	ana->email = NULL;
	oleh->email = NULL;
}

/* The lines of the VTODO whose UID is uid, "\n" joined; caller frees. */
static char *
todo_text(const char *text, const char *uid)
{
	struct doc d;
	struct sb b = {0}, cur = {0};
	size_t i;
	int found = 0;

	doc_parse(&d, text);
	for (i = 0; i < d.n; i++) {
		if (strcmp(d.v[i], "BEGIN:VTODO") == 0) {
			cur.len = 0;
			found = 0;
		}
		sb_printf(&cur, "%s\n", d.v[i]);
		if (is_prop(d.v[i], "UID") && strcmp(value(d.v[i]), uid) == 0)
			found = 1;
		if (strcmp(d.v[i], "END:VTODO") == 0 && found) {
			sb_puts(&b, sb_str(&cur));
			break;
		}
	}
	sb_free(&cur);
	doc_free(&d);
	if (b.len == 0)
		fail_msg("no VTODO with UID '%s'", uid);
	return sb_take(&b);
}

/* Corrective actions from the store become VTODOs in tasks.ics. */
static void
test_actions(void **state)
{
	struct plan_exercise *px = &plan->exercises[0];
	struct person *ana = (struct person *)px->assignments[0].person;
	struct event_def *sync = (struct event_def *)px->events[4].def;
	struct person *people[1] = { ana }, **saved_people = model->people;
	size_t saved_n = model->npeople;
	struct corrective_action ca[4];
	char *path = xasprintf("%s/tasks.ics", tmpdir), *cause = NULL;
	char *text, *td;

	(void)state;
	memset(ca, 0, sizeof(ca));
	ca[0].exercise = "ex-den";
	ca[0].no = 7;
	ca[0].action = "Give the radar post a direct line";
	ca[0].observation = "Reported 4 minutes late; twice";
	ca[0].capability = "Screening, Search, and Detection";
	ca[0].agency = "CBP";
	ca[0].contact = "Ana Pérez";
	ca[0].poc_id = "ana";
	ca[0].start = date_from_ymd(2027, 4, 1);
	ca[0].due = date_from_ymd(2027, 5, 20);
	ca[0].status = "in-progress";
	ca[1] = ca[0];
	ca[1].no = 8;
	ca[1].status = "closed";
	ca[1].start = 0;
	ca[2] = ca[0];
	ca[2].exercise = "not-planned";	/* another exercise's: left out */
	ca[2].no = 9;
	ca[3] = ca[0];
	ca[3].no = 0;			/* not stored: no UID to keep */
	ana->email = "ana@example.org";
	model->people = people;
	model->npeople = 1;

	if (ics_write_tasks(plan, NULL, 0, ca, 4, path, &cause) == -1)
		fail_msg("ics_write_tasks: %s", cause);
	text = slurp(path);
	assert_null(strstr(text, "not-planned"));
	assert_null(strstr(text, "action/0."));
	assert_null(strstr(text, "action/9."));
	td = todo_text(text, "action/7.ex-den@planner");
	assert_non_null(strstr(td, "\nDTSTART;VALUE=DATE:20270401\n"));
	assert_non_null(strstr(td, "\nDUE;VALUE=DATE:20270520\n"));
	assert_non_null(strstr(td, "\nSTATUS:IN-PROCESS\n"));
	assert_non_null(strstr(td, "\nSUMMARY:"));
	assert_non_null(strstr(td, ": Give the radar post a direct line\n"));
	assert_non_null(strstr(td, "Area for improvement: Reported 4 minutes "
	    "late\\; twice"));
	assert_non_null(strstr(td, "\nATTENDEE;CN=Ana Pérez;"
	    "PARTSTAT=IN-PROCESS:mailto:ana@example.org\n"));
	/* ex-den has neither after-action meeting nor hot wash. */
	assert_null(strstr(td, "RELATED-TO"));
	free(td);
	td = todo_text(text, "action/8.ex-den@planner");
	assert_null(strstr(td, "DTSTART"));
	assert_non_null(strstr(td, "\nSTATUS:COMPLETED\n"));
	assert_non_null(strstr(td, "PARTSTAT=COMPLETED"));
	free(td);
	free(text);

	/* With a hot wash planned, the actions relate to it. */
	sync->kind = EV_HOT_WASH;
	if (ics_write_tasks(plan, NULL, 0, ca, 2, path, &cause) == -1)
		fail_msg("ics_write_tasks: %s", cause);
	text = slurp(path);
	td = todo_text(text, "action/7.ex-den@planner");
	assert_non_null(strstr(td, "\nRELATED-TO;RELTYPE=PARENT:"
	    "msel-sync.ex-den@planner\n"));
	free(td);
	free(text);
	sync->kind = EV_MEETING;
	ana->email = NULL;
	model->people = saved_people;
	model->npeople = saved_n;
	free(path);
}

static int
exists(const char *dir, const char *name)
{
	char *path = xasprintf("%s/%s", dir, name);
	int rc = access(path, F_OK) == 0;

	free(path);
	return rc;
}

/*
 * A re-plan into the same directory removes the calendar of someone no
 * longer staffed, and nothing that planner did not write.
 */
static void
test_stale(void **state)
{
	struct plan_exercise *px = &plan->exercises[0];
	struct person *ana = (struct person *)px->assignments[0].person;
	struct person *oleh = (struct person *)px->assignments[2].person;
	struct person *people[2] = { ana, oleh }, **saved_people = model->people;
	size_t saved_n = model->npeople, saved_nas = px->nassignments;
	char *dir = xasprintf("%s/stale", tmpdir), *cause = NULL, *path, *text;
	static const char user[] = "BEGIN:VCALENDAR\r\nPRODID:-//Mozilla"
	    "//Thunderbird//EN\r\nEND:VCALENDAR\r\n";

	(void)state;
	model->people = people;
	model->npeople = 2;
	assert_int_equal(mkdir_p(dir), 0);
	if (ics_write_all(plan, dir, NULL, 0, NULL, 0, &cause) == -1)
		fail_msg("ics_write_all: %s", cause);
	assert_true(exists(dir, "people/ana.ics"));
	assert_true(exists(dir, "people/oleh.ics"));
	path = xasprintf("%s/people/mine.ics", dir);
	assert_int_equal(write_file_atomic(path, user, strlen(user)), 0);
	free(path);
	path = xasprintf("%s/people/notes.txt", dir);
	assert_int_equal(write_file_atomic(path, "x", 1), 0);
	free(path);
	/* Planner's text under a name it would give (someone dropped from
	 * the roster since) and under one it would not (a user's copy). */
	path = xasprintf("%s/people/ana.ics", dir);
	text = slurp(path);
	free(path);
	path = xasprintf("%s/people/gone-2.ics", dir);
	assert_int_equal(write_file_atomic(path, text, strlen(text)), 0);
	free(path);
	path = xasprintf("%s/people/ana copy.ics", dir);
	assert_int_equal(write_file_atomic(path, text, strlen(text)), 0);
	free(path);
	free(text);

	/* Oleh is no longer staffed (his is the last assignment). */
	px->nassignments = 2;
	if (ics_write_all(plan, dir, NULL, 0, NULL, 0, &cause) == -1)
		fail_msg("ics_write_all: %s", cause);
	assert_true(exists(dir, "people/ana.ics"));
	assert_false(exists(dir, "people/oleh.ics"));
	assert_true(exists(dir, "people/mine.ics"));
	assert_true(exists(dir, "people/notes.txt"));
	assert_false(exists(dir, "people/gone-2.ics"));
	assert_true(exists(dir, "people/ana copy.ics"));
	assert_true(exists(dir, "calendar.ics"));

	px->nassignments = saved_nas;
	model->people = saved_people;
	model->npeople = saved_n;
	free(dir);
}

/* The unescaped value of the one line of property name in text. */
static char *
cal_prop(const char *text, const char *name)
{
	struct doc d;
	size_t i;
	char *v = NULL;

	doc_parse(&d, text);
	for (i = 0; i < d.n; i++)
		if (is_prop(d.v[i], name)) {
			assert_null(v);
			v = unescape(value(d.v[i]));
		}
	doc_free(&d);
	assert_non_null(v);
	return v;
}

/* Property prop (NAME, X-WR-CALNAME) of the calendar dir/file is want. */
static void
expect_cal_name(const char *dir, const char *file, const char *prop,
    const char *want)
{
	char *path = xasprintf("%s/%s", dir, file), *text = slurp(path);
	char *name = cal_prop(text, prop);

	assert_string_equal(name, want);
	free(name);
	free(text);
	free(path);
}

/* Whether dir/sub holds a file whose name contains ".tmp.". */
static int
has_temporary(const char *dir, const char *sub)
{
	char *cmd = xasprintf("ls -a '%s/%s' | grep -q '\\.tmp\\.'", dir,
	    sub);
	int rc = system(cmd) == 0;

	free(cmd);
	return rc;
}

/*
 * A person's calendar is named for them and their own exercises, not
 * for every exercise of the plan: "<exercise>: <person>" for one,
 * "<person>: N exercises" for more; NAME and X-WR-CALNAME agree.
 */
static void
test_person_names(void **state)
{
	struct plan_exercise *den = &plan->exercises[0];
	struct plan_exercise *phx = &plan->exercises[2];
	struct person *ana = (struct person *)den->assignments[0].person;
	struct person *oleh = (struct person *)den->assignments[2].person;
	struct person *people[2] = { ana, oleh }, **saved_people = model->people;
	struct program prog = { .id = "north", .name = "Northern border; 2027" };
	struct program *program = &prog;
	static size_t first[1] = { 0 };
	struct assignment extra = { .role = den->assignments[0].role,
	    .person = ana, .events = first, .nevents = 1 };
	size_t saved_n = model->npeople;
	char *dir = xasprintf("%s/names", tmpdir), *cause = NULL, *path;
	char *text, *name, *want;

	(void)state;
	model->people = people;
	model->npeople = 2;
	assert_int_equal(mkdir_p(dir), 0);
	if (ics_write_all(plan, dir, NULL, 0, NULL, 0, &cause) == -1)
		fail_msg("ics_write_all: %s", cause);
	path = xasprintf("%s/people/oleh.ics", dir);
	text = slurp(path);
	want = xasprintf("%s: Олег Петренко", ESC_NAME);
	name = cal_prop(text, "NAME");
	assert_string_equal(name, want);
	free(name);
	name = cal_prop(text, "X-WR-CALNAME");
	assert_string_equal(name, want);
	free(name);
	free(want);
	free(text);
	free(path);

	/* Ana staffs Phoenix too: two exercises, counted, not listed. */
	phx->assignments = &extra;
	phx->nassignments = 1;
	if (ics_write_all(plan, dir, NULL, 0, NULL, 0, &cause) == -1)
		fail_msg("ics_write_all: %s", cause);
	path = xasprintf("%s/people/ana.ics", dir);
	text = slurp(path);
	name = cal_prop(text, "X-WR-CALNAME");
	assert_string_equal(name, "Ana Pérez: 2 exercises");
	free(name);
	assert_non_null(strstr(text, "UID:ipm.ex-phx@planner"));
	assert_null(strstr(text, "ex-kyiv@planner"));
	free(text);

	/* ics_write_person() alone names it alike. */
	assert_int_equal(ics_write_person(plan, ana, path, &cause), 0);
	text = slurp(path);
	name = cal_prop(text, "NAME");
	assert_string_equal(name, "Ana Pérez: 2 exercises");
	free(name);
	free(text);
	free(path);
	/* The master calendar and tasks.ics count the exercises... */
	expect_cal_name(dir, "calendar.ics", "X-WR-CALNAME", "3 exercises");
	expect_cal_name(dir, "tasks.ics", "NAME", "3 exercises: tasks");

	/* ...after the run's Program when it has one. */
	path = xasprintf("%s/calendar.ics", dir);
	model->programs = &program;
	model->nprograms = 1;
	assert_int_equal(ics_write_plan(plan, path, &cause), 0);
	free(path);
	expect_cal_name(dir, "calendar.ics", "X-WR-CALNAME",
	    "Northern border; 2027 (3 exercises)");
	model->programs = NULL;
	model->nprograms = 0;

	phx->assignments = NULL;
	phx->nassignments = 0;
	model->people = saved_people;
	model->npeople = saved_n;
	free(dir);
}

/* Whether dirs a and b hold the same files, the same bytes; *n gets
 * how many calendars a holds. */
static int
same_files(const char *a, const char *b, size_t *n)
{
	char *cmd = xasprintf("diff -r '%s' '%s' >/dev/null && "
	    "exit $(find '%s' -name '*.ics' | wc -l)", a, b, a);
	int rc = system(cmd);

	free(cmd);
	*n = WIFEXITED(rc) ? (size_t)WEXITSTATUS(rc) : 0;
	return *n > 0;
}

/*
 * Threads share out the work, not the output: a plan with several
 * blocks of components (more than CHECK_CHUNK events in the master
 * calendar) and of files (more than FILE_BLOCK people) writes the same
 * bytes with four threads as with one, readers of another language
 * among them (their variants of events are made while files are
 * written in parallel). Its agencies' calendars are
 * named for their own exercises: one ("<exercise>: <agency>") or
 * several ("<agency>: N exercises"). Of several failures, the first in
 * job order is reported, whatever the number of threads.
 */
static void
test_threads(void **state)
{
	enum { NX = 50, NP = 40 };
	static const char *const zones[] = { "America/Denver", "Europe/Kyiv",
	    "America/Phoenix", "UTC" };
	struct template *t = plan->exercises[0].ex->tpl;
	struct arena *a = model->arena;
	struct plan *big = plan_new(model);
	struct agency one = { .id = "a-one", .name = "Agency one" };
	struct agency all = { .id = "a-all", .name = "Agency; all" };
	struct agency *agencies[2] = { &one, &all }, *both[2] = { &all, &one };
	struct person *people[NP], **saved_people = model->people;
	struct agency **saved_agencies = model->agencies;
	struct i18n *saved_i18n = model->i18n;
	static const char *uk[] = { "uk", NULL };
	size_t saved_np = model->npeople, saved_na = model->nagencies, i, j, n;
	char *d1 = xasprintf("%s/threads-1", tmpdir);
	char *d4 = xasprintf("%s/threads-4", tmpdir), *cause = NULL, *path;
	char *text, *want;

	(void)state;
	for (i = 0; i < NP; i++) {
		people[i] = arena_alloc(a, sizeof(*people[i]));
		people[i]->id = arena_printf(a, "p%02zu", i);
		people[i]->name = arena_printf(a, "Person %zu", i);
		people[i]->email = arena_printf(a, "p%zu@example.org", i);
		if (i % 3 == 0) {
			people[i]->languages.v = (char **)uk;
			people[i]->languages.n = 1;
		}
	}
	model->i18n = i18n_new(a);
	i18n_set(model->i18n, t->events[0].title, "uk",
	    "Початкова нарада з планування");
	i18n_set(model->i18n, t->events[1].title, "uk", "Проведення");
	big->nexercises = NX;
	big->exercises = arena_array(big->arena, NX, sizeof(*big->exercises));
	for (i = 0; i < NX; i++) {
		struct plan_exercise *px = &big->exercises[i];
		struct exercise *ex = exercise(a, t,
		    arena_printf(a, "ex-%02zu", i), arena_printf(a,
		    "Drill %zu", i), zones[i % NELEM(zones)]);

		ex->nparticipants = i == 0 ? 2 : 1;
		ex->participants = arena_array(a, 2, sizeof(*ex->participants));
		ex->participants[0].agency = &all;
		ex->participants[1].agency = &one;
		px->ex = ex;
		px->nevents = t->nevents;
		px->events = arena_array(big->arena, t->nevents,
		    sizeof(*px->events));
		for (j = 0; j < t->nevents; j++) {
			ptime start = utc(2027, 3, 1, 14, 0) +
			    (ptime)(i * 7 + j) * SECS_PER_DAY;

			planned(&px->events[j], &t->events[j], 0, start,
			    t->events[j].kind == EV_DEADLINE ? start :
			    start + 3600);
			px->events[j].agencies = i == 0 ? both : agencies + 1;
			px->events[j].nagencies = i == 0 ? 2 : 1;
		}
		px->nassignments = 3;
		px->assignments = arena_array(big->arena, 3,
		    sizeof(*px->assignments));
		for (j = 0; j < 3; j++) {
			static size_t evs[] = { 0, 1, 2, 3, 4, 5 };

			px->assignments[j].role = &t->roles[j % t->nroles];
			px->assignments[j].person = people[(i + j * 7) % NP];
			px->assignments[j].events = evs;
			px->assignments[j].nevents = NELEM(evs);
		}
	}
	assert_true(NX * t->nevents > 256);
	model->people = people;
	model->npeople = NP;
	model->agencies = agencies;
	model->nagencies = 2;
	assert_int_equal(mkdir_p(d1), 0);
	assert_int_equal(mkdir_p(d4), 0);
	ics_threads = 1;
	if (ics_write_all(big, d1, NULL, 0, NULL, 0, &cause) == -1)
		fail_msg("ics_write_all: %s", cause);
	ics_threads = 4;
	if (ics_write_all(big, d4, NULL, 0, NULL, 0, &cause) == -1)
		fail_msg("ics_write_all: %s", cause);
	ics_threads = 0;
	assert_true(same_files(d1, d4, &n));
	assert_int_equal(n, 2 + 2 + NP);
	path = xasprintf("%s/people/p00.ics", d4);
	text = slurp(path);
	assert_non_null(strstr(text, "Початкова нарада"));
	free(text);
	free(path);

	expect_cal_name(d4, "agencies/a-one.ics", "X-WR-CALNAME", "Drill 0: Agency one");
	expect_cal_name(d4, "agencies/a-all.ics", "NAME", "Agency; all: 50 exercises");

	/*
	 * Files that cannot be written (a name too long for the file
	 * system) in the first job (FILE_BLOCK files: two agencies, then
	 * people p00 to p13), last, and in the third, first: each thread
	 * count reports p13's, the first in job order, as one thread
	 * meets it first, and replaces no file.
	 */
	people[13]->id = arena_printf(a, "p13-%0300d", 0);
	people[30]->id = arena_printf(a, "p30-%0300d", 0);
	want = xasprintf("cannot write '%s/people/%s.ics': File name too long",
	    d4, people[13]->id);
	for (i = 0; i < 8; i++) {
		ics_threads = i == 0 ? 1 : 4;
		assert_int_equal(ics_write_all(big, d4, NULL, 0, NULL, 0,
		    &cause), -1);
		ics_threads = 0;
		assert_string_equal(cause, want);
		free(cause);
		cause = NULL;
	}
	assert_true(same_files(d1, d4, &n));
	free(want);

	model->people = saved_people;
	model->npeople = saved_np;
	model->agencies = saved_agencies;
	model->nagencies = saved_na;
	model->i18n = saved_i18n;
	plan_free(big);
	free(d1);
	free(d4);
}

/*
 * ics_write_all() checks each component once, wherever it is first
 * written: one damaged as it is rendered is refused, and no file of
 * the set is replaced (nor any temporary left) when one is refused.
 */
static void
test_write_all_refused(void **state)
{
	struct plan_exercise *den = &plan->exercises[0];
	struct person *ana = (struct person *)den->assignments[0].person;
	struct person *people[1] = { ana }, **saved_people = model->people;
	size_t saved_n = model->npeople;
	char *dir = xasprintf("%s/refused", tmpdir), *cause = NULL, *path;
	char *before, *after;
	int rc;

	(void)state;
	model->people = people;
	model->npeople = 1;
	assert_int_equal(mkdir_p(dir), 0);
	if (ics_write_all(plan, dir, NULL, 0, NULL, 0, &cause) == -1)
		fail_msg("ics_write_all: %s", cause);
	path = xasprintf("%s/calendar.ics", dir);
	before = slurp(path);

	setenv("SOURCE_DATE_EPOCH", "1798761601", 1);
	mangle_from = "Denver:20270313T090000";
	mangle_to = "Denver:20270313T100000";
	mangled = 0;
	ics_test_mangle = mangle;
	rc = ics_write_all(plan, dir, NULL, 0, NULL, 0, &cause);
	ics_test_mangle = NULL;
	setenv("SOURCE_DATE_EPOCH", EPOCH, 1);
	assert_true(mangled);
	assert_int_equal(rc, -1);
	assert_non_null(cause);
	assert_string_equal(cause, "internal error: the times of "
	    "'ipm.ex-den@planner' do not read back as planned");
	free(cause);
	after = slurp(path);
	assert_string_equal(before, after);
	assert_false(has_temporary(dir, "."));
	assert_false(has_temporary(dir, "people"));

	/* A clean run replaces it, with the new DTSTAMP. */
	free(after);
	setenv("SOURCE_DATE_EPOCH", "1798761601", 1);
	rc = ics_write_all(plan, dir, NULL, 0, NULL, 0, &cause);
	setenv("SOURCE_DATE_EPOCH", EPOCH, 1);
	if (rc == -1)
		fail_msg("ics_write_all: %s", cause);
	after = slurp(path);
	assert_string_not_equal(before, after);
	assert_non_null(strstr(after, "DTSTAMP:20270101T000001Z\r\n"));
	assert_false(has_temporary(dir, "."));

	free(before);
	free(after);
	free(path);
	model->people = saved_people;
	model->npeople = saved_n;
	free(dir);
}

/* Copy the files for tests/interop/run.sh, with the instants meant. */
static void
test_keep(void **state)
{
	const char *dir = getenv("ICS_KEEP_DIR");
	struct sb json = {0};
	char *text, *path;
	size_t i, j;

	(void)state;
	if (dir == NULL || *dir == '\0')
		skip();
	assert_int_equal(mkdir_p(dir), 0);
	text = write_cal("master.ics", NULL, NULL, NULL);
	path = xasprintf("%s/master.ics", dir);
	assert_int_equal(write_file_atomic(path, text, strlen(text)), 0);
	free(path);
	free(text);
	text = write_cal("kyiv.ics", "Агенція: ДПСУ", only_exercise,
	    "ex-kyiv");
	path = xasprintf("%s/kyiv.ics", dir);
	assert_int_equal(write_file_atomic(path, text, strlen(text)), 0);
	free(path);
	free(text);

	/* The shape of planner plan --json, as much as run.sh reads. */
	sb_puts(&json, "{\"exercises\": [");
	for (i = 0; i < plan->nexercises; i++) {
		const struct plan_exercise *px = &plan->exercises[i];

		sb_printf(&json, "%s\n {\"id\": \"%s\", \"timezone\": \"%s\", "
		    "\"events\": [", i ? "," : "", px->ex->id,
		    px->ex->timezone);
		for (j = 0; j < px->nevents; j++) {
			const struct planned_event *pe = &px->events[j];
			char s[32], e[32], id[80];
			time_t ts = (time_t)pe->start, te = (time_t)pe->end;
			struct tm tm;

			strftime(s, sizeof(s), "%Y-%m-%dT%H:%M:%SZ",
			    gmtime_r(&ts, &tm));
			strftime(e, sizeof(e), "%Y-%m-%dT%H:%M:%SZ",
			    gmtime_r(&te, &tm));
			if (pe->day > 1)
				snprintf(id, sizeof(id), "%s-%d", pe->def->id,
				    pe->day);
			else
				snprintf(id, sizeof(id), "%s", pe->def->id);
			sb_printf(&json, "%s\n  {\"id\": \"%s\", \"kind\": "
			    "\"%s\", \"start\": \"%s\", \"end\": \"%s\"}",
			    j ? "," : "", id, pe->def->kind == EV_DEADLINE ?
			    "deadline" : "meeting", s, e);
		}
		sb_puts(&json, "]}");
	}
	sb_puts(&json, "]}\n");
	path = xasprintf("%s/plan.json", dir);
	assert_int_equal(write_file_atomic(path, json.s, json.len), 0);
	free(path);
	sb_free(&json);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_no_empty_line),
		cmocka_unit_test(test_fold_escapes),
		cmocka_unit_test(test_calendar),
		cmocka_unit_test(test_event),
		cmocka_unit_test(test_escaping),
		cmocka_unit_test(test_clean_text),
		cmocka_unit_test(test_vtimezone),
		cmocka_unit_test(test_dst),
		cmocka_unit_test(test_all_day),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_filter),
		cmocka_unit_test(test_utc_zone),
		cmocka_unit_test(test_self_check),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_replan_people_tasks),
		cmocka_unit_test(test_alarms),
		cmocka_unit_test(test_attendee_roles),
		cmocka_unit_test(test_actions),
		cmocka_unit_test(test_stale),
		cmocka_unit_test(test_person_names),
		cmocka_unit_test(test_write_all_refused),
		cmocka_unit_test(test_threads),
		cmocka_unit_test(test_keep),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
