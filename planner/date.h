/* date.h: civil dates, instants, calendar offsets and their text forms. */
#ifndef PLANNER_DATE_H
#define PLANNER_DATE_H

#include <stdint.h>

/* Seconds since 1970-01-01T00:00:00Z, leap seconds ignored (POSIX). */
typedef int64_t ptime;
/* Days since 1970-01-01 in the proleptic Gregorian calendar. */
typedef int32_t pdate;

#define SECS_PER_DAY 86400

/* Years outside this range are refused by every parser. */
#define DATE_MIN_YEAR 1900
#define DATE_MAX_YEAR 2200

/*
 * A calendar offset as people write it ("-6w", "+3d", "2h30m", "-7mo",
 * or ISO 8601 "-P6W", "P1M2D", "PT2H30M"). It applies months first, then
 * days, then seconds, all with the same sign. has_time says whether a
 * clock part (h, m, s) was written, which makes the offset an instant
 * rather than a day.
 */
struct span {
	int32_t months;
	int32_t days;
	int64_t secs;
	int has_time;
};

/* Conversions; these can't fail for dates between the year limits. */
pdate date_from_ymd(int y, int m, int d);
void date_to_ymd(pdate dt, int *y, int *m, int *d);
int date_weekday(pdate dt);		/* 0 = Monday ... 6 = Sunday */
int date_days_in_month(int y, int m);
int date_valid_ymd(int y, int m, int d);	/* 1 if a real day in range */
pdate date_add_months(pdate dt, int months);	/* clamps to month end */
pdate date_of(ptime t);			/* UTC day of an instant */

/*
 * Parsers. Each returns 0 and fills *out, or -1 with *cause set to an
 * owned message (caller frees) saying what is wrong; *out is untouched.
 */
int date_parse(const char *s, pdate *out, char **cause);	/* YYYY-MM-DD */
int clock_parse(const char *s, int *minutes, char **cause);	/* HH:MM, 00:00..24:00 */
int span_parse(const char *s, struct span *out, char **cause);
/* A non-negative length of time: "2h30m", "90m", "1d" (24 h), "PT2H30M". */
int duration_parse(const char *s, int64_t *secs, char **cause);

/* Apply a span to a date (the clock part is ignored) or an instant. */
pdate span_add_date(pdate dt, const struct span *sp);
ptime span_add_time(ptime t, const struct span *sp);

/* Formatters into caller buffers; they can't fail. */
void date_format(pdate dt, char buf[static 11]);	/* 2027-03-10 */
void time_format_utc(ptime t, char buf[static 21]);	/* 2027-03-10T15:00:00Z */
/* 2027-03-10T08:00:00-07:00 for an instant seen at a UTC offset. */
void time_format_offset(ptime t, int offset_secs, char buf[static 26]);
void duration_format(int64_t secs, char buf[static 32]);	/* 2h30m */
void span_format(const struct span *sp, char buf[static 48]);	/* -6w2d */

#endif
