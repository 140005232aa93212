/* test_print.c: printed PDFs read back with poppler: every item, name and date, pages, audiences, fonts. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "print.h"
#include "print_fixture.h"
#include "tz.h"
#include "util.h"

static char dir[64];

/* Run a shell command; its standard output (caller frees), *status its
 * exit status. Standard error goes to the test's. */
static char *
sh(int *status, const char *fmt, ...)
{
	struct sb b = {0};
	char buf[4096], *cmd;
	va_list ap;
	FILE *f;
	size_t n;
	int st;

	va_start(ap, fmt);
	cmd = xvasprintf(fmt, ap);
	va_end(ap);
	if ((f = popen(cmd, "r")) == NULL)
		fail_msg("cannot run: %s", cmd);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		sb_putn(&b, buf, n);
	st = pclose(f);
	*status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
	free(cmd);
	return sb_take(&b);
}

/* Text of pages first..last (0, 0: all), every run of white space made
 * one space, so that wrapped lines read as written. */
static char *
text_of(const char *file, int first, int last)
{
	char *s, *o, *p;
	int st;

	if (first > 0)
		s = sh(&st, "pdftotext -f %d -l %d '%s/print/%s' -", first,
		    last, dir, file);
	else
		s = sh(&st, "pdftotext '%s/print/%s' -", dir, file);
	assert_int_equal(st, 0);
	for (o = p = s; *p != '\0'; p++) {
		if (*p == ' ' || *p == '\n' || *p == '\f' || *p == '\t') {
			if (o > s && o[-1] != ' ')
				*o++ = ' ';
		} else
			*o++ = *p;
	}
	*o = '\0';
	return s;
}

static int
pages(const char *file)
{
	int st, n = -1;
	char *s = sh(&st, "pdfinfo '%s/print/%s' 2>&1", dir, file);
	const char *p = strstr(s, "\nPages:");

	assert_int_equal(st, 0);
	if (p != NULL)
		n = atoi(p + 7);
	free(s);
	return n;
}

#define has(t, s) do { if (strstr((t), (s)) == NULL) \
	fail_msg("'%s' not in the text", (s)); } while (0)
#define lacks(t, s) do { if (strstr((t), (s)) != NULL) \
	fail_msg("'%s' in the text", (s)); } while (0)

static struct print_opts
opts(const char *out)
{
	struct print_opts o = {0};

	o.out = out;
	o.now = PF_NOW;
	o.done = pf_done;
	o.ndone = NELEM(pf_done);
	o.actions = pf_actions;
	o.nactions = NELEM(pf_actions);
	return o;
}

static void
print_fixture(const char *out, struct print_opts *o)
{
	struct model *m = pf_model();
	struct plan *p = pf_plan(m);
	struct print_opts def = opts(out);
	char *cause = NULL;

	if (print_plan(p, o != NULL ? o : &def, &cause) != 0)
		fail_msg("print_plan: %s", cause);
	assert_null(cause);
	plan_free(p);
	model_free(m);
}

static const char *const files[] = {
	"ex-print-checklists.pdf",
	"ex-print-checklist-lead-planner.pdf",
	"ex-print-checklist-evaluator.pdf",
	"ex-print-checklist-player.pdf",
	"ex-print-improvement-plan.pdf",
	"ex-print-msel.pdf",
	"ex-print-packet-ce.pdf",
	"ex-print-packet-players.pdf",
	"ex-print-packet-observers.pdf",
	"ex-print-gantt.pdf",
	"ex-print-gantt-agency.pdf",
};

static int
setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/test_print.XXXXXX");
	if (mkdtemp(dir) == NULL)
		return -1;
	print_fixture(dir, NULL);
	return 0;
}

static int
teardown(void **state)
{
	int st;

	(void)state;
	free(sh(&st, "rm -rf '%s'", dir));
	tz_cache_clear();
	return 0;
}

/* Every file, and no other; pdfinfo reads each without a word on
 * standard error, on US Letter. */
static void
test_files(void **state)
{
	char *ls, *s;
	size_t i;
	int st;

	(void)state;
	ls = sh(&st, "cd '%s/print' && ls", dir);
	assert_string_equal(ls,
	    "ex-print-checklist-evaluator.pdf\n"
	    "ex-print-checklist-lead-planner.pdf\n"
	    "ex-print-checklist-player.pdf\n"
	    "ex-print-checklists.pdf\n"
	    "ex-print-gantt-agency.pdf\n"
	    "ex-print-gantt-agency.png\n"
	    "ex-print-gantt-agency.svg\n"
	    "ex-print-gantt.pdf\n"
	    "ex-print-gantt.png\n"
	    "ex-print-gantt.svg\n"
	    "ex-print-improvement-plan.pdf\n"
	    "ex-print-msel.pdf\n"
	    "ex-print-packet-ce.pdf\n"
	    "ex-print-packet-observers.pdf\n"
	    "ex-print-packet-players.pdf\n");
	free(ls);
	for (i = 0; i < NELEM(files); i++) {
		s = sh(&st, "pdfinfo '%s/print/%s' 2>&1 >/dev/null", dir,
		    files[i]);
		if (st != 0 || s[0] != '\0')
			fail_msg("pdfinfo %s: status %d: %s", files[i], st, s);
		free(s);
		s = sh(&st, "pdfinfo '%s/print/%s'", dir, files[i]);
		if (strstr(s, "Page size:       612 x 792 pts (letter)") ==
		    NULL && strstr(s, "Page size:       792 x 612 pts "
		    "(letter)") == NULL)
			fail_msg("%s is not on Letter:\n%s", files[i], s);
		has(s, "CreationDate:    Fri Jan 15 08:00:00 2027 UTC");
		has(s, "Creator:         planner");
		free(s);
	}
	s = sh(&st, "head -c 24 '%s/print/ex-print-gantt.png' | od -An -tx1 "
	    "| tr -d ' \\n'", dir);
	/* The PNG signature, IHDR, and a width of 1920 pixels. */
	assert_true(strncmp(s, "89504e470d0a1a0a0000000d4948445200000780",
	    40) == 0);
	free(s);
	s = sh(&st, "head -c 300 '%s/print/ex-print-gantt.svg'", dir);
	has(s, "<svg");
	free(s);
}

/*
 * The master checklists: every item, every name, each due date in the
 * owner's zone, "unassigned" for the players; the page header and
 * footer on each page.
 */
static void
test_checklists_text(void **state)
{
	char *t = text_of("ex-print-checklists.pdf", 0, 0);
	int n = pages("ex-print-checklists.pdf"), i;
	char want[64];

	(void)state;
	has(t, "Book the venue and the interpreters' booths.");
	has(t, "Brief the player cell on safety.");
	has(t, "Submit completed EEGs to the lead evaluator.");
	has(t, PF_UKR_ITEM);
	has(t, "Ana Ruiz");
	has(t, "Олена Коваленко");
	has(t, "Служба безпеки України");
	has(t, "José Núñez");
	has(t, "Secretaría de Seguridad y Protección Ciudadana");
	has(t, "unassigned");
	has(t, "Wed 2026-12-02 09:00 MST");	/* IPM -14d, Phoenix */
	has(t, "Tue 2027-06-15 07:00 MST");	/* conduct -1d, venue */
	has(t, "Sat 2027-06-19 02:30 EEST");	/* debrief +2d, Kyiv */
	has(t, "Fri 2027-06-18 17:30 CST");	/* the same, Mexico City */
	has(t, "Tue 2027-08-10 03:00 EEST");	/* the deadline, Kyiv */
	has(t, "Mon 2027-08-09 18:00 CST");
	has(t, "due 2 weeks before Initial Planning Meeting");
	has(t, "due 2 days after C/E debrief");
	has(t, "done Fri 2027-06-18 OK");
	has(t, "Puente Tridente 2027 — Міст");
	has(t, "Conduct Wed 2027-06-16, 07:00–15:00 MST");
	has(t, "Generated 2027-01-15 08:00 UTC");
	assert_true(n >= 3);
	for (i = 1; i <= n; i++) {
		char *pg = text_of("ex-print-checklists.pdf", i, i);

		snprintf(want, sizeof(want), "Page %d of %d", i, n);
		has(pg, want);
		has(pg, "FOR OFFICIAL USE ONLY");
		has(pg, "plan revision ");
		free(pg);
	}
	free(t);
}

/* A word of the long item: "w" and four digits. */
static int
long_word(const char *s)
{
	return s[0] == 'w' && strspn(s + 1, "0123456789") == 4 &&
	    s[5] == '\0';
}

/*
 * The words "w0001" to "wNNNN" of a long text in file under out: every
 * one once, in order, and none outside the body of its page (nor any
 * word of the file outside the side margins).
 */
static void
check_long(const char *out, const char *file, int nwords)
{
	char *t, *bb, *p, word[8];
	const char *at;
	int i, st, words = 0;
	double w = 0, h = 0;

	t = sh(&st, "pdftotext '%s/print/%s' -", out, file);
	assert_int_equal(st, 0);
	for (i = 1, at = t; i <= nwords; i++) {
		const char *next;

		snprintf(word, sizeof(word), "w%04d", i);
		if ((next = strstr(at, word)) == NULL)
			fail_msg("%s: '%s' missing or out of order", file,
			    word);
		if (strstr(next + 5, word) != NULL)
			fail_msg("%s: '%s' twice", file, word);
		at = next + 5;
	}
	free(t);

	bb = sh(&st, "pdftotext -bbox '%s/print/%s' -", out, file);
	assert_int_equal(st, 0);
	for (p = bb; (p = strstr(p, "<")) != NULL; p++) {
		double x0, y0, x1, y1;
		char tok[16];

		if (sscanf(p, "<page width=\"%lf\" height=\"%lf\"", &w, &h) ==
		    2)
			continue;
		if (sscanf(p, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" "
		    "yMax=\"%lf\">%15[^<]", &x0, &y0, &x1, &y1, tok) != 5)
			continue;
		if (x0 < 39 || x1 > w - 39 || y0 < 0 || y1 > h)
			fail_msg("%s: '%s' at %g,%g-%g,%g is off the page",
			    file, tok, x0, y0, x1, y1);
		/* The long text stays between the header's rule and the
		 * footer's. */
		if (!long_word(tok))
			continue;
		if (y0 < 64 || y1 > h - 46)
			fail_msg("%s: '%s' at y %g-%g is in the header or "
			    "footer", file, tok, y0, y1);
		words++;
	}
	assert_int_equal(words, nwords);
	free(bb);
}

/* The long item breaks across pages between lines, nothing lost. */
static void
test_long_text(void **state)
{
	char *t = text_of("ex-print-checklists.pdf", 0, 0);

	(void)state;
	check_long(dir, "ex-print-checklists.pdf", PF_LONG_WORDS);
	has(t, "w1200 ZZEND");
	free(t);
}

/*
 * One role's checklist: a part per person, each from a new page, dates
 * in that person's zone, done items ticked, and a line to sign.
 */
static void
test_role_parts(void **state)
{
	char *olena = text_of("ex-print-checklist-evaluator.pdf", 1, 1);
	char *jose = text_of("ex-print-checklist-evaluator.pdf", 2, 2);
	char *players = text_of("ex-print-checklist-player.pdf", 0, 0);

	(void)state;
	assert_int_equal(pages("ex-print-checklist-evaluator.pdf"), 2);
	has(olena, "Checklist: Evaluator (binational) — Олена Коваленко");
	has(olena, "Due dates are local time in Europe/Kyiv.");
	has(olena, "Sat 2027-06-19 02:30 EEST");
	has(olena, "done Fri 2027-06-18 OK");
	has(olena, PF_UKR_ITEM);
	has(olena, "Signature");
	has(olena, "Page 1 of 2");
	lacks(olena, "José");
	lacks(olena, "Book the venue");
	has(jose, "José Núñez, Secretaría de Seguridad y Protección Ciudadana");
	has(jose, "Due dates are local time in America/Mexico_City.");
	has(jose, "Fri 2027-06-18 17:30 CST");
	lacks(jose, "done");
	has(jose, "Page 2 of 2");
	has(players, "Nobody is assigned to this role yet.");
	has(players, "Brief the player cell on safety.");
	free(olena);
	free(jose);
	free(players);
}

/*
 * Players and observers never receive the MSEL, the C/E material or the
 * scenario; controllers and evaluators get all of it.
 */
static void
test_audiences(void **state)
{
	static const char *const secret[] = {
		"INJECTALPHA", "INJECTBRAVO", "EXPECTALPHA", "SCENARIOSECRET",
		"Master Scenario Events List", "Tom Reyes",
	};
	char *pl = text_of("ex-print-packet-players.pdf", 0, 0);
	char *ob = text_of("ex-print-packet-observers.pdf", 0, 0);
	char *ce = text_of("ex-print-packet-ce.pdf", 0, 0);
	char *ms = text_of("ex-print-msel.pdf", 0, 0);
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(secret); i++) {
		lacks(pl, secret[i]);
		lacks(ob, secret[i]);
		has(ce, secret[i]);
	}
	has(pl, "Player packet");
	has(pl, "Player hot wash");
	has(pl, "Exercise conduct");
	has(pl, "Share the launch bearing within 15 minutes.");
	lacks(pl, "Observer briefing");
	has(ob, "Observer briefing");
	lacks(ob, "Player hot wash");
	has(ce, "CONTROLLERS AND EVALUATORS ONLY");
	has(ms, PF_INJECT1);
	has(ms, PF_EXPECT1);
	has(ms, "Contingency. " PF_INJECT2);
	has(ms, "07:05");
	has(ms, "STARTEX +5m");
	has(ms, "08:00 STARTEX +1h");
	has(ms, "Tom Reyes");
	has(ms, "Objective: share");
	free(pl);
	free(ob);
	free(ce);
	free(ms);
}

/* The Improvement Plan: every action, missing owners and dates flagged. */
static void
test_improvement_plan(void **state)
{
	char *t = text_of("ex-print-improvement-plan.pdf", 0, 0);
	const char *p;
	int notset = 0;

	(void)state;
	has(t, "Completion date");
	has(t, "The liaison channel took 40 minutes to open.");
	has(t, "Write a standing authorisation.");
	has(t, "Служба безпеки України");
	has(t, "2027-08-01");
	has(t, "2027-09-01");
	has(t, "ACTIONBRAVO agree criteria");
	for (p = t; (p = strstr(p, "not set")) != NULL; p++)
		notset++;
	/* The agency, contact and date of the second, and the legend. */
	assert_int_equal(notset, 4);
	free(t);
}

/* An observation longer than a page wraps across rows and pages. */
static void
test_improvement_plan_long(void **state)
{
	struct corrective_action a[NELEM(pf_actions)];
	struct print_opts o = opts(NULL);
	struct sb b = {0};
	char out[80];
	int i;

	(void)state;
	memcpy(a, pf_actions, sizeof(a));
	for (i = 1; i <= 700; i++)
		sb_printf(&b, "w%04d ", i);
	a[1].observation = sb_str(&b);
	o.actions = a;
	snprintf(out, sizeof(out), "%s/long", dir);
	o.out = out;
	print_fixture(out, &o);
	check_long(out, "ex-print-improvement-plan.pdf", 700);
	sb_free(&b);
}

/* The Gantt chart: every event on one page, today marked. */
static void
test_gantt(void **state)
{
	char *t = text_of("ex-print-gantt.pdf", 0, 0);

	(void)state;
	assert_int_equal(pages("ex-print-gantt.pdf"), 1);
	has(t, "Initial Planning Meeting");
	has(t, "Exercise conduct");
	has(t, "Final AAR/IP due");
	has(t, "After-Action Meeting");
	has(t, "Planning meetings");
	has(t, "Deadlines and milestones");
	has(t, "today, Fri 2027-01-15");
	has(t, "Wed 2026-12-16");
	free(t);
}

/* The number of times needle is in hay. */
static int
count(const char *hay, const char *needle)
{
	int n = 0;

	for (; (hay = strstr(hay, needle)) != NULL; hay += strlen(needle))
		n++;
	return n;
}

/*
 * The Gantt chart by agency: a lane per agency taking part that attends
 * something, in the exercise's order, each with the events it attends
 * (an event in as many lanes as agencies attend it), then one lane for
 * the events no agency attends.
 */
static void
test_gantt_agency(void **state)
{
	struct model *m = pf_model();
	struct plan *p = pf_plan(m);
	struct plan_exercise *px = &p->exercises[0];
	const struct exercise *ex = px->ex;
	struct agency *both[2];
	struct print_opts o;
	char out[128], *t, *cause = NULL;
	const char *az, *sbu, *none;
	int st;

	(void)state;
	both[0] = ex->participants[0].agency;
	both[1] = ex->participants[1].agency;
	px->events[0].agencies = both;		/* play: both */
	px->events[0].nagencies = 2;
	px->events[1].agencies = both;		/* the IPM: Arizona only */
	px->events[1].nagencies = 1;
	snprintf(out, sizeof(out), "%s/agency", dir);
	o = opts(out);
	if (print_plan(p, &o, &cause) != 0)
		fail_msg("print_plan: %s", cause);
	t = sh(&st, "pdftotext '%s/print/ex-print-gantt-agency.pdf' - | "
	    "tr -s ' \n\f' '   '", out);
	assert_int_equal(st, 0);
	has(t, "Planning cycle by agency (Gantt chart)");
	az = strstr(t, "Arizona Counter Terrorism Information Center "
	    "\xc2\xb7 playing");
	sbu = strstr(t, "Служба безпеки України \xc2\xb7 playing");
	none = strstr(t, "No agency attending");
	assert_non_null(az);
	assert_non_null(sbu);
	assert_non_null(none);
	assert_true(az < sbu && sbu < none);
	/* The observing agency attends nothing: no lane. */
	assert_null(strstr(t, "observing"));
	/* Play in both lanes, and once in the key of the kinds' colours. */
	assert_int_equal(count(t, "Exercise conduct"), 3);
	has(t, "Hot wash and debrief");
	has(t, "Deadlines and milestones");
	assert_int_equal(count(t, "Initial Planning Meeting"), 1);
	assert_true(strstr(az, "Initial Planning Meeting") < sbu);
	assert_true(strstr(sbu, "Exercise conduct") < none);
	has(none, "After-Action Meeting");
	has(none, "Final AAR/IP due");
	has(t, "today, Fri 2027-01-15");
	free(t);
	t = sh(&st, "pdfinfo '%s/print/ex-print-gantt-agency.pdf' 2>&1 "
	    ">/dev/null; head -c 4 '%s/print/ex-print-gantt-agency.png' | "
	    "tail -c 3; grep -c '<svg' '%s/print/ex-print-gantt-agency.svg'",
	    out, out, out);
	assert_string_equal(t, "PNG1\n");
	free(t);
	plan_free(p);
	model_free(m);
}

/* Only DejaVu, embedded: what Debian's fonts-dejavu-core installs. */
static void
test_fonts(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(files); i++) {
		int st;
		char *s = sh(&st, "pdffonts '%s/print/%s' | tail -n +3", dir,
		    files[i]);
		char *line, *save = NULL;

		assert_int_equal(st, 0);
		assert_true(s[0] != '\0');
		for (line = strtok_r(s, "\n", &save); line != NULL;
		    line = strtok_r(NULL, "\n", &save))
			if (strstr(line, "+DejaVuSans") == NULL ||
			    strstr(line, " yes ") == NULL)
				fail_msg("%s: font not embedded DejaVu: %s",
				    files[i], line);
		free(s);
	}
}

/* The same plan twice gives the same bytes; A4 and a stored revision
 * number show. */
static void
test_again_a4(void **state)
{
	char other[80], *a, *b, *s;
	struct print_opts o = opts(NULL);
	int rev = 7, st;
	size_t i, la, lb;

	(void)state;
	snprintf(other, sizeof(other), "%s/again", dir);
	o.out = other;
	print_fixture(other, &o);
	for (i = 0; i < NELEM(files); i++) {
		char *pa = xasprintf("%s/print/%s", dir, files[i]);
		char *pb = xasprintf("%s/print/%s", other, files[i]);

		a = read_file(pa, 1 << 26, &la);
		b = read_file(pb, 1 << 26, &lb);
		assert_non_null(a);
		assert_non_null(b);
		if (la != lb || memcmp(a, b, la) != 0)
			fail_msg("%s differs between two runs", files[i]);
		free(a);
		free(b);
		free(pa);
		free(pb);
	}
	o.paper = PRINT_A4;
	o.revisions = &rev;
	print_fixture(other, &o);
	s = sh(&st, "pdfinfo '%s/print/ex-print-checklists.pdf'", other);
	has(s, "Page size:       595.276 x 841.89 pts (A4)");
	free(s);
	s = sh(&st, "pdfinfo '%s/print/ex-print-msel.pdf'", other);
	has(s, "Page size:       841.89 x 595.276 pts (A4)");
	free(s);
	s = sh(&st, "pdftotext '%s/print/ex-print-msel.pdf' -", other);
	has(s, "plan revision 7");
	free(s);
}

/* Failures come back with their cause, and nothing is half written. */
static void
test_errors(void **state)
{
	struct model *m = pf_model();
	struct plan *p = pf_plan(m);
	struct print_opts o = opts(NULL);
	char path[128], *cause = NULL, *want;
	FILE *f;

	(void)state;
	snprintf(path, sizeof(path), "%s/file", dir);
	assert_int_equal(mkdir(path, 0755), 0);
	snprintf(path, sizeof(path), "%s/file/print", dir);
	assert_non_null(f = fopen(path, "w"));
	fclose(f);
	snprintf(path, sizeof(path), "%s/file", dir);
	o.out = path;
	assert_int_equal(print_plan(p, &o, &cause), -1);
	want = xasprintf("cannot create '%s/print': Not a directory", path);
	assert_string_equal(cause, want);
	free(want);
	free(cause);
	cause = NULL;

	snprintf(path, sizeof(path), "%s/busy/print/ex-print-msel.pdf", dir);
	assert_int_equal(mkdir_p(path), 0);
	snprintf(path, sizeof(path), "%s/busy", dir);
	o.out = path;
	assert_int_equal(print_plan(p, &o, &cause), -1);
	want = xasprintf("cannot write '%s/print/ex-print-msel.pdf': "
	    "Is a directory", path);
	assert_string_equal(cause, want);
	free(want);
	free(cause);
	cause = NULL;

	o.now = 0;
	setenv("SOURCE_DATE_EPOCH", "soon", 1);
	assert_int_equal(print_plan(p, &o, &cause), -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "SOURCE_DATE_EPOCH 'soon'"));
	free(cause);
	unsetenv("SOURCE_DATE_EPOCH");
	plan_free(p);
	model_free(m);
}

static void
test_paper_parse(void **state)
{
	enum print_paper pp = PRINT_A4;

	(void)state;
	assert_int_equal(print_paper_parse("Letter", &pp), 0);
	assert_int_equal(pp, PRINT_LETTER);
	assert_int_equal(print_paper_parse("a4", &pp), 0);
	assert_int_equal(pp, PRINT_A4);
	assert_int_equal(print_paper_parse("legal", &pp), -1);
	assert_int_equal(pp, PRINT_A4);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_files),
		cmocka_unit_test(test_checklists_text),
		cmocka_unit_test(test_long_text),
		cmocka_unit_test(test_role_parts),
		cmocka_unit_test(test_audiences),
		cmocka_unit_test(test_improvement_plan),
		cmocka_unit_test(test_improvement_plan_long),
		cmocka_unit_test(test_gantt),
		cmocka_unit_test(test_gantt_agency),
		cmocka_unit_test(test_fonts),
		cmocka_unit_test(test_again_a4),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_paper_parse),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
