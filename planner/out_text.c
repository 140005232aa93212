/* out_text.c: the schedule as a readable table for the terminal. */
#include <stdlib.h>
#include <string.h>

#include "doctrine.h"
#include "out_text.h"
#include "tz.h"
#include "util.h"

static const char *const wdays[7] = { "Mon", "Tue", "Wed", "Thu", "Fri",
	"Sat", "Sun" };
static const char *const months[12] = { "Jan", "Feb", "Mar", "Apr", "May",
	"Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

/* "Wed 16 Jun 2027 07:00" in zone z. */
static void
local_stamp(const struct tz *z, ptime t, char *buf, size_t size)
{
	pdate d;
	int secs, y, m, day;

	tz_to_local(z, t, &d, &secs);
	date_to_ymd(d, &y, &m, &day);
	snprintf(buf, size, "%s %2d %s %d %02d:%02d", wdays[date_weekday(d)],
	    day, months[m - 1], y, secs / 3600, secs / 60 % 60);
}

/* "Wed 16 Jun 2027 07:00-15:00 MST" for an event seen from zone z. */
static void
local_span(const struct planned_event *pe, const struct tz *z, char *buf,
    size_t size)
{
	char start[40], end[40];
	const char *a = tz_abbr(z, pe->start), *b = tz_abbr(z, pe->end);

	local_stamp(z, pe->start, start, sizeof(start));
	local_stamp(z, pe->end, end, sizeof(end));
	if (pe->end <= pe->start)
		snprintf(buf, size, "%s %s", start, a);
	else if (strcmp(a, b) != 0)	/* crosses a clock change */
		snprintf(buf, size, "%s %s-%s %s", start, a,
		    strncmp(start, end, 15) == 0 ? end + 16 : end, b);
	else
		snprintf(buf, size, "%s-%s %s", start,
		    strncmp(start, end, 15) == 0 ? end + 16 : end, a);
}

/* One line per distinct local time, listing the agencies that see it. */
static void
print_locals(FILE *f, const struct planned_event *pe)
{
	char (*text)[96] = xcalloc(pe->nagencies + 1, sizeof(*text));
	size_t i, j;

	for (i = 0; i < pe->nagencies; i++) {
		const struct tz *z = tz_get(pe->agencies[i]->timezone, NULL);

		if (z != NULL)
			local_span(pe, z, text[i], sizeof(text[i]));
	}
	for (i = 0; i < pe->nagencies; i++) {
		for (j = 0; j < i; j++)
			if (strcmp(text[j], text[i]) == 0)
				break;
		if (j < i || text[i][0] == '\0')
			continue;
		fprintf(f, "      %s:", text[i]);
		for (j = i; j < pe->nagencies; j++)
			if (strcmp(text[j], text[i]) == 0)
				fprintf(f, " %s", pe->agencies[j]->id);
		fputc('\n', f);
	}
	free(text);
}

/*
 * Text from the input on one line of the terminal: a line break, a tab
 * or an escape sequence in a title must neither forge lines nor drive
 * the terminal, so every control character is a space (as in table.c).
 */
static void
put_text(FILE *f, const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		putc((unsigned char)*s < 0x20 || *s == 0x7f ? ' ' : *s, f);
}

static void
print_event(FILE *f, const struct planned_event *pe)
{
	char id[80], s[21], e[21];
	size_t i;

	if (pe->day > 1)
		snprintf(id, sizeof(id), "%s-%d", pe->def->id, pe->day);
	else
		snprintf(id, sizeof(id), "%s", pe->def->id);
	time_format_utc(pe->start, s);
	time_format_utc(pe->end, e);
	fprintf(f, "  %-24s %-20s %s", id, doctrine_kind_name(pe->def->kind),
	    s);
	if (pe->end > pe->start)
		fprintf(f, " .. %s", e);
	fputs("\n      ", f);
	put_text(f, pe->def->title);
	putc('\n', f);
	print_locals(f, pe);
	for (i = 0; i < pe->warnings.n; i++) {
		fputs("      warning: ", f);
		put_text(f, pe->warnings.v[i]);
		putc('\n', f);
	}
}

/* By start, then template order (qsort is not stable: compare places). */
static int
by_start(const void *a, const void *b)
{
	const struct planned_event *x = *(const struct planned_event *const *)a;
	const struct planned_event *y = *(const struct planned_event *const *)b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x < y ? -1 : x > y;
}

void
out_text_schedule(FILE *f, const struct plan *p)
{
	size_t i, j;

	for (i = 0; i < p->nexercises; i++) {
		const struct plan_exercise *px = &p->exercises[i];
		const struct planned_event **order = xcalloc(px->nevents + 1,
		    sizeof(*order));

		fputs(i ? "\n" : "", f);
		put_text(f, px->ex->name);
		fprintf(f, " (%s, template %s, venue %s)\n",
		    doctrine_type_name(px->ex->tpl->type),
		    px->ex->tpl->id, px->ex->timezone);
		for (j = 0; j < px->nevents; j++)
			order[j] = &px->events[j];
		qsort(order, px->nevents, sizeof(*order), by_start);
		for (j = 0; j < px->nevents; j++)
			print_event(f, order[j]);
		free(order);
	}
}
