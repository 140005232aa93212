/* progress.h: per-phase wall time and peak memory of a run, and a progress line on a terminal. */
#ifndef PLANNER_PROGRESS_H
#define PLANNER_PROGRESS_H

#include <stddef.h>
#include <stdio.h>

/*
 * One run per process: the state is global, as a terminal line is. A
 * module marks its long loops with progress_begin/progress_tick/
 * progress_end; unless a command called progress_start these only keep
 * the phase times, so library code and unit tests pay next to nothing.
 */

/*
 * Start a run: reset every phase time and start the clock. tty is the
 * terminal to draw the progress line on, or NULL to stay silent (the
 * command passes NULL when standard error is not a terminal); the line
 * first appears once the run is delay seconds old, so short runs never
 * draw it. Can't fail.
 */
void progress_start(FILE *tty, double delay);

/*
 * Enter the phase name (a string that outlives the run, e.g. a literal).
 * Phases nest, up to 8 deep: time spent in an inner phase counts to it,
 * not to the one around it. Entering a name already seen adds to its
 * time. Can't fail; nesting deeper is counted to the innermost phase.
 */
void progress_begin(const char *name);

/* Leave the phase entered last. A call without a phase is a no-op. */
void progress_end(void);

/*
 * done of total units of the current phase are finished. Redraws the
 * line (phase, percent, estimated time left) at most ten times a
 * second, on a terminal only; otherwise returns at once, so it is cheap
 * to call once per item.
 */
void progress_tick(size_t done, size_t total);

/*
 * Erase the line, if drawn, before a message is printed on the same
 * terminal; the next tick draws it again. Can't fail.
 */
void progress_clear(void);

/* End the run: leave every phase and erase the line. Can't fail. */
void progress_stop(void);

/*
 * The phase times of the last run as a table: one line per phase
 * ("assign     1.234 s"), in the order first entered, then "total",
 * then "peak-rss N MiB" (getrusage's ru_maxrss of the process).
 * Caller frees; can't fail.
 */
char *progress_report(void);

#endif
