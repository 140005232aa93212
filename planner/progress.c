/* progress.c: per-phase wall time and peak memory of a run, and a progress line on a terminal. */
/*
 * Why here and not in msg.c: the modules that run long (the scheduler,
 * the calendar writer, the store) mark their loops, but must not print;
 * they call progress_tick(), which draws only when the command started
 * a run with a terminal. The line is the one thing printed outside the
 * command layer, and only on a terminal, where it is erased again: a
 * file or a pipe never sees it.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "progress.h"
#include "util.h"

#define MAX_PHASES	16
#define MAX_DEPTH	8
#define REDRAW		0.1	/* seconds between two drawings */

static struct {
	FILE *tty;
	double delay;
	double t0;		/* the run's start */
	double t1;		/* its end, once stopped */
	double last_draw;
	int drawn;		/* the line is on the terminal */
	const char *name[MAX_PHASES];
	double secs[MAX_PHASES];
	size_t nphases;
	size_t stack[MAX_DEPTH];	/* phase indexes, innermost last */
	size_t depth;
	double since;		/* when the innermost phase last resumed */
	double phase_t0;	/* when the innermost phase was entered */
} P;

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Count the time since the innermost phase last resumed to it. */
static void
charge(double t)
{
	if (P.depth > 0)
		P.secs[P.stack[P.depth - 1]] += t - P.since;
	P.since = t;
}

static void
draw(const char *text)
{
	fprintf(P.tty, "\rplanner: %s\033[K", text);
	fflush(P.tty);
	P.drawn = 1;
}

void
progress_start(FILE *tty, double delay)
{
	memset(&P, 0, sizeof(P));
	P.tty = tty;
	P.delay = delay;
	P.t0 = P.since = now();
}

void
progress_begin(const char *name)
{
	double t = now();
	size_t i;

	charge(t);
	for (i = 0; i < P.nphases; i++)
		if (strcmp(P.name[i], name) == 0)
			break;
	if (i == P.nphases) {
		if (P.nphases == MAX_PHASES)
			return;	/* counted to the phase around it */
		P.name[P.nphases++] = name;
	}
	if (P.depth == MAX_DEPTH)
		return;
	P.stack[P.depth++] = i;
	P.phase_t0 = t;
	if (P.tty != NULL && t - P.t0 >= P.delay) {
		char buf[96];

		snprintf(buf, sizeof(buf), "%s ...", name);
		draw(buf);
		P.last_draw = t;
	}
}

void
progress_end(void)
{
	if (P.depth == 0)
		return;
	charge(now());
	P.depth--;
}

void
progress_tick(size_t done, size_t total)
{
	double t, el;
	char buf[160];
	int n;

	if (P.tty == NULL || P.depth == 0 || total == 0)
		return;
	t = now();
	if (t - P.t0 < P.delay || (P.drawn && t - P.last_draw < REDRAW))
		return;
	P.last_draw = t;
	if (done > total)
		done = total;
	n = snprintf(buf, sizeof(buf), "%s %3d%% (%zu/%zu)",
	    P.name[P.stack[P.depth - 1]], (int)(100.0 * (double)done /
	    (double)total), done, total);
	el = t - P.phase_t0;
	/* The rate so far, once there is one to go by. */
	if (done > 0 && done < total && el > 0.2 && n > 0 &&
	    (size_t)n < sizeof(buf))
		snprintf(buf + n, sizeof(buf) - (size_t)n, ", about %.0f s left",
		    el / (double)done * (double)(total - done) + 0.5);
	draw(buf);
}

void
progress_clear(void)
{
	if (P.tty != NULL && P.drawn) {
		fputs("\r\033[K", P.tty);
		fflush(P.tty);
	}
	P.drawn = 0;
}

void
progress_stop(void)
{
	charge(P.t1 = now());
	P.depth = 0;
	progress_clear();
	P.tty = NULL;
}

char *
progress_report(void)
{
	struct rusage ru;
	char *s = xstrdup(""), *t;
	size_t i;

	for (i = 0; i < P.nphases; i++) {
		t = xasprintf("%s%-10s %8.3f s\n", s, P.name[i], P.secs[i]);
		free(s);
		s = t;
	}
	if (getrusage(RUSAGE_SELF, &ru) != 0)
		ru.ru_maxrss = 0;
	/* The whole run, with what no phase holds (options, exit). */
	t = xasprintf("%s%-10s %8.3f s\n%-10s %8ld MiB\n", s, "total",
	    (P.t1 > 0 ? P.t1 : now()) - P.t0,
	    "peak-rss", (long)ru.ru_maxrss / 1024);
	free(s);
	return t;
}
