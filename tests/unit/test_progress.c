/* test_progress.c: phase times, nesting, the terminal line and its silence off a terminal. */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "progress.h"

static void
spin(double secs)
{
	struct timespec ts = { 0, (long)(secs * 1e9) };

	nanosleep(&ts, NULL);
}

/* The seconds the report gives the phase name; -1 when absent. */
static double
phase_secs(const char *report, const char *name)
{
	const char *p = report;
	size_t len = strlen(name);

	while ((p = strstr(p, name)) != NULL) {
		if ((p == report || p[-1] == '\n') && p[len] == ' ')
			return strtod(p + len, NULL);
		p += len;
	}
	return -1;
}

/* The whole text written to f so far. Caller frees. */
static char *
slurp(FILE *f)
{
	long n;
	char *s;

	fflush(f);
	n = ftell(f);
	s = calloc(1, (size_t)n + 1);
	rewind(f);
	assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
	return s;
}

static void
test_nested_phases(void **state)
{
	char *r;
	double outer, inner, total;

	(void)state;
	progress_start(NULL, 1);
	progress_begin("outer");
	spin(0.02);
	progress_begin("inner");
	spin(0.20);
	progress_end();
	spin(0.02);
	progress_end();
	progress_begin("inner");	/* entered again: adds up */
	spin(0.05);
	progress_end();
	progress_stop();
	r = progress_report();
	outer = phase_secs(r, "outer");
	inner = phase_secs(r, "inner");
	total = phase_secs(r, "total");
	/* The inner phase's time is not the outer one's too (that would
	 * make it 0.24 s or more); the bounds above leave a busy machine
	 * room to oversleep. */
	assert_true(outer >= 0.039 && outer < 0.2);
	assert_true(inner >= 0.249);
	assert_true(total >= outer + inner - 0.001);
	/* Phases in the order first entered, then total, then memory. */
	assert_true(strstr(r, "outer") < strstr(r, "inner"));
	assert_true(strstr(r, "inner") < strstr(r, "total"));
	assert_non_null(strstr(r, "\npeak-rss "));
	assert_non_null(strstr(r, " MiB\n"));
	free(r);
}

/* Off a terminal (tty NULL) the times are kept all the same; that
 * nothing is drawn there is tested through planner (tests/cli). */
static void
test_times_without_terminal(void **state)
{
	char *r;

	(void)state;
	progress_start(NULL, 0);
	progress_begin("schedule");
	progress_tick(1, 2);
	progress_clear();
	progress_end();
	progress_stop();
	r = progress_report();
	assert_true(phase_secs(r, "schedule") >= 0);
	free(r);
}

static void
test_line_on_terminal(void **state)
{
	FILE *f = tmpfile();
	char *s;

	(void)state;
	assert_non_null(f);
	progress_start(f, 0);
	progress_begin("calendars");
	spin(0.25);
	progress_tick(50, 200);
	s = slurp(f);
	assert_non_null(strstr(s, "\rplanner: calendars ..."));
	assert_non_null(strstr(s, "\rplanner: calendars  25% (50/200), "
	    "about "));
	assert_non_null(strstr(s, " s left"));
	free(s);
	/* At most ten drawings a second: this tick is dropped. */
	fseek(f, 0, SEEK_END);
	progress_tick(60, 200);
	s = slurp(f);
	assert_null(strstr(s, "(60/200)"));
	free(s);
	fseek(f, 0, SEEK_END);
	progress_end();
	progress_stop();
	s = slurp(f);
	/* Erased at the end, so the shell prompt starts clean. */
	assert_int_equal(strcmp(s + strlen(s) - 4, "\r\033[K"), 0);
	free(s);
	fclose(f);
}

/* A run younger than the delay draws nothing. */
static void
test_quiet_before_delay(void **state)
{
	FILE *f = tmpfile();
	char *s;

	(void)state;
	assert_non_null(f);
	progress_start(f, 3600);
	progress_begin("load");
	progress_tick(1, 2);
	progress_end();
	progress_stop();
	s = slurp(f);
	assert_string_equal(s, "");
	free(s);
	fclose(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nested_phases),
		cmocka_unit_test(test_times_without_terminal),
		cmocka_unit_test(test_line_on_terminal),
		cmocka_unit_test(test_quiet_before_delay),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
