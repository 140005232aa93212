/* test_date.c: unit tests for dates, clock times, offsets and durations. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "date.h"

/*
 * Expected day numbers and weekdays were computed with Python 3.11:
 * (date(y, m, d) - date(1970, 1, 1)).days and date(y, m, d).weekday();
 * instants with int(datetime(..., tzinfo=timezone.utc).timestamp()).
 */

static void
test_known_days(void **state)
{
	static const struct { int y, m, d; pdate dt; int wd; } cases[] = {
		{ 1970, 1, 1, 0, 3 },
		{ 1969, 12, 31, -1, 2 },
		{ 1900, 1, 1, -25567, 0 },
		{ 2000, 2, 29, 11016, 1 },
		{ 2000, 3, 1, 11017, 2 },
		{ 2024, 2, 29, 19782, 3 },
		{ 2027, 3, 14, 20891, 6 },
		{ 2200, 12, 31, 84370, 2 },
	};
	size_t i;
	int y, m, d;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(date_from_ymd(cases[i].y, cases[i].m,
		    cases[i].d), cases[i].dt);
		date_to_ymd(cases[i].dt, &y, &m, &d);
		assert_int_equal(y, cases[i].y);
		assert_int_equal(m, cases[i].m);
		assert_int_equal(d, cases[i].d);
		assert_int_equal(date_weekday(cases[i].dt), cases[i].wd);
	}
}

/* Every day in range: consecutive numbers, a steady weekday cycle. */
static void
test_every_day(void **state)
{
	pdate dt = date_from_ymd(DATE_MIN_YEAR, 1, 1);
	int y, m, d, wd = date_weekday(dt);

	(void)state;
	for (y = DATE_MIN_YEAR; y <= DATE_MAX_YEAR; y++) {
		for (m = 1; m <= 12; m++) {
			for (d = 1; d <= date_days_in_month(y, m); d++) {
				int yy, mm, dd;

				assert_int_equal(date_from_ymd(y, m, d), dt);
				date_to_ymd(dt, &yy, &mm, &dd);
				assert_true(yy == y && mm == m && dd == d);
				assert_int_equal(date_weekday(dt), wd);
				assert_true(date_valid_ymd(y, m, d));
				dt++;
				wd = (wd + 1) % 7;
			}
		}
	}
	assert_int_equal(dt, 84371);
}

static void
test_leap_years(void **state)
{
	(void)state;
	assert_int_equal(date_days_in_month(2000, 2), 29);
	assert_int_equal(date_days_in_month(2024, 2), 29);
	assert_int_equal(date_days_in_month(2028, 2), 29);
	assert_int_equal(date_days_in_month(1900, 2), 28);
	assert_int_equal(date_days_in_month(2100, 2), 28);
	assert_int_equal(date_days_in_month(2027, 2), 28);
	assert_int_equal(date_days_in_month(2027, 4), 30);
	assert_int_equal(date_days_in_month(2027, 12), 31);
	assert_int_equal(date_days_in_month(2027, 0), 0);
	assert_int_equal(date_days_in_month(2027, 13), 0);
	assert_false(date_valid_ymd(2027, 2, 29));
	assert_true(date_valid_ymd(2028, 2, 29));
	assert_false(date_valid_ymd(2100, 2, 29));
	assert_false(date_valid_ymd(1899, 12, 31));
	assert_false(date_valid_ymd(2201, 1, 1));
	assert_false(date_valid_ymd(2027, 0, 1));
	assert_false(date_valid_ymd(2027, 1, 0));
	assert_false(date_valid_ymd(2027, 4, 31));
}

static void
test_add_months(void **state)
{
	static const struct { int y, m, d, add, ey, em, ed; } cases[] = {
		{ 2027, 1, 31, 1, 2027, 2, 28 },
		{ 2024, 1, 31, 1, 2024, 2, 29 },
		{ 2027, 3, 31, -1, 2027, 2, 28 },
		{ 2027, 8, 31, 1, 2027, 9, 30 },
		{ 2027, 5, 31, -7, 2026, 10, 31 },
		{ 2027, 12, 15, 1, 2028, 1, 15 },
		{ 2027, 1, 15, -13, 2025, 12, 15 },
		{ 2024, 2, 29, 12, 2025, 2, 28 },
		{ 2024, 2, 29, -48, 2020, 2, 29 },
		{ 2027, 3, 10, 0, 2027, 3, 10 },
		{ 2027, 3, 10, 1200, 2127, 3, 10 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_int_equal(date_add_months(date_from_ymd(cases[i].y,
		    cases[i].m, cases[i].d), cases[i].add),
		    date_from_ymd(cases[i].ey, cases[i].em, cases[i].ed));
}

/* Instants before 1970 belong to the day before, not to day 0. */
static void
test_date_of(void **state)
{
	(void)state;
	assert_int_equal(date_of(0), 0);
	assert_int_equal(date_of(86399), 0);
	assert_int_equal(date_of(86400), 1);
	assert_int_equal(date_of(-1), -1);
	assert_int_equal(date_of(-86400), -1);
	assert_int_equal(date_of(-86401), -2);
	assert_int_equal(date_of(1804690800), date_from_ymd(2027, 3, 10));
	assert_int_equal(date_of(-2208988800), date_from_ymd(1900, 1, 1));
}

struct bad_case {
	const char *in, *msg;
};

static void
test_date_parse(void **state)
{
	static const struct { const char *in; int y, m, d; } good[] = {
		{ "2027-03-10", 2027, 3, 10 },
		{ "1900-01-01", 1900, 1, 1 },
		{ "2200-12-31", 2200, 12, 31 },
		{ "2028-02-29", 2028, 2, 29 },
		{ "2000-02-29", 2000, 2, 29 },
	};
	static const struct bad_case bad[] = {
		{ "2027-02-30", "day 30 is past the end of February 2027" },
		{ "2027-02-29", "day 29 is past the end of February 2027" },
		{ "1900-02-29", "day 29 is past the end of February 1900" },
		{ "2027-04-31", "day 31 is past the end of April 2027" },
		{ "2027-01-32", "day 32 is past the end of January 2027" },
		{ "2027-01-00", "day 0 is outside 1..31" },
		{ "2027-13-01", "month 13 is outside 1..12" },
		{ "2027-00-10", "month 0 is outside 1..12" },
		{ "1899-12-31", "year 1899 is outside 1900..2200" },
		{ "2201-01-01", "year 2201 is outside 1900..2200" },
		{ "2027-3-10", "bad date '2027-3-10': expected YYYY-MM-DD" },
		{ "2027-03-10x",
		    "bad date '2027-03-10x': expected YYYY-MM-DD" },
		{ " 2027-03-10",
		    "bad date ' 2027-03-10': expected YYYY-MM-DD" },
		{ "2027/03/10", "bad date '2027/03/10': expected YYYY-MM-DD" },
		{ "+027-03-10", "bad date '+027-03-10': expected YYYY-MM-DD" },
		{ "2027-03-1 ", "bad date '2027-03-1 ': expected YYYY-MM-DD" },
		{ "20270310", "bad date '20270310': expected YYYY-MM-DD" },
		{ "2027-03-10T00:00",
		    "bad date '2027-03-10T00:00': expected YYYY-MM-DD" },
		{ "", "bad date '': expected YYYY-MM-DD" },
	};
	size_t i;
	pdate dt;
	char *cause;

	(void)state;
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		cause = NULL;
		assert_int_equal(date_parse(good[i].in, &dt, &cause), 0);
		assert_null(cause);
		assert_int_equal(dt, date_from_ymd(good[i].y, good[i].m,
		    good[i].d));
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		dt = 12345;
		cause = NULL;
		assert_int_equal(date_parse(bad[i].in, &dt, &cause), -1);
		assert_string_equal(cause, bad[i].msg);
		assert_int_equal(dt, 12345);
		free(cause);
	}
}

static void
test_clock_parse(void **state)
{
	static const struct { const char *in; int min; } good[] = {
		{ "00:00", 0 }, { "08:30", 510 }, { "12:00", 720 },
		{ "23:59", 1439 }, { "24:00", 1440 },
	};
	static const struct bad_case bad[] = {
		{ "24:01", "time '24:01' is past 24:00" },
		{ "24:30", "time '24:30' is past 24:00" },
		{ "25:00", "hour 25 is outside 00..24" },
		{ "99:99", "hour 99 is outside 00..24" },
		{ "12:60", "minute 60 is outside 00..59" },
		{ "8:30", "bad time '8:30': expected HH:MM" },
		{ "08:3", "bad time '08:3': expected HH:MM" },
		{ "08:30:00", "bad time '08:30:00': expected HH:MM" },
		{ "0830", "bad time '0830': expected HH:MM" },
		{ "-1:00", "bad time '-1:00': expected HH:MM" },
		{ " 8:30", "bad time ' 8:30': expected HH:MM" },
		{ "ab:cd", "bad time 'ab:cd': expected HH:MM" },
		{ "", "bad time '': expected HH:MM" },
	};
	size_t i;
	int min;
	char *cause;

	(void)state;
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		assert_int_equal(clock_parse(good[i].in, &min, &cause), 0);
		assert_int_equal(min, good[i].min);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		min = -7;
		assert_int_equal(clock_parse(bad[i].in, &min, &cause), -1);
		assert_string_equal(cause, bad[i].msg);
		assert_int_equal(min, -7);
		free(cause);
	}
}

static void
test_span_parse_good(void **state)
{
	static const struct {
		const char *in;
		int32_t months, days;
		int64_t secs;
		int has_time;
	} cases[] = {
		{ "-6w", 0, -42, 0, 0 },
		{ "+3d", 0, 3, 0, 0 },
		{ "2h30m", 0, 0, 9000, 1 },
		{ "+1h30m", 0, 0, 5400, 1 },
		{ "+0h15m", 0, 0, 900, 1 },
		{ "-7mo", -7, 0, 0, 0 },
		{ "-1w2d", 0, -9, 0, 0 },
		{ "-1mo2w", -1, -14, 0, 0 },
		{ "0", 0, 0, 0, 0 },
		{ "+0", 0, 0, 0, 0 },
		{ "-0", 0, 0, 0, 0 },
		{ "0d", 0, 0, 0, 0 },
		{ "0h", 0, 0, 0, 1 },
		{ "1y", 12, 0, 0, 0 },
		{ "45s", 0, 0, 45, 1 },
		{ "1y2mo3w4d5h6m7s", 14, 25, 18367, 1 },
		{ "300y", 3600, 0, 0, 0 },
		{ "-3600mo", -3600, 0, 0, 0 },
		{ "-109800d", 0, -109800, 0, 0 },
		{ "P6W", 0, 42, 0, 0 },
		{ "-P6W", 0, -42, 0, 0 },
		{ "-P1M2D", -1, -2, 0, 0 },
		{ "P1M2D", 1, 2, 0, 0 },
		{ "PT2H30M", 0, 0, 9000, 1 },
		{ "PT2H", 0, 0, 7200, 1 },
		{ "P1DT2H", 0, 1, 7200, 1 },
		{ "-P1Y", -12, 0, 0, 0 },
		{ "+P1Y2M3W4DT5H6M7S", 14, 25, 18367, 1 },
		{ "PT0S", 0, 0, 0, 1 },
		{ "P0D", 0, 0, 0, 0 },
	};
	struct span sp;
	size_t i;
	char *cause = NULL;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(span_parse(cases[i].in, &sp, &cause), 0);
		assert_int_equal(sp.months, cases[i].months);
		assert_int_equal(sp.days, cases[i].days);
		assert_int_equal(sp.secs, cases[i].secs);
		assert_int_equal(sp.has_time, cases[i].has_time);
	}
	assert_null(cause);
}

static void
test_span_parse_bad(void **state)
{
	static const struct bad_case cases[] = {
		{ "", "bad offset '': empty" },
		{ "-", "bad offset '-': nothing after the sign" },
		{ "+", "bad offset '+': nothing after the sign" },
		{ "6", "bad offset '6': number without a unit" },
		{ "00", "bad offset '00': number without a unit" },
		{ "6q", "bad offset '6q': unknown unit 'q'" },
		{ "2H", "bad offset '2H': unknown unit 'H'" },
		{ "2hours", "bad offset '2hours': unknown unit 'hours'" },
		{ "P", "bad offset 'P': nothing after 'P'" },
		{ "-P", "bad offset '-P': nothing after 'P'" },
		{ "PT", "bad offset 'PT': nothing after 'T'" },
		{ "P1DT", "bad offset 'P1DT': nothing after 'T'" },
		{ "P1H", "bad offset 'P1H': unexpected 'H'" },
		{ "PT1D", "bad offset 'PT1D': unexpected 'D'" },
		{ "P1", "bad offset 'P1': ends too early" },
		{ "P-1D", "bad offset 'P-1D': unexpected '-'" },
		{ "P1D2Y",
		    "bad offset 'P1D2Y': units out of order or repeated" },
		{ "PT1H2HT",
		    "bad offset 'PT1H2HT': units out of order or repeated" },
		{ "PT1HT2M", "bad offset 'PT1HT2M': unexpected 'T'" },
		{ "p1d", "bad offset 'p1d': unexpected 'p'" },
		{ "2h2h", "bad offset '2h2h': units out of order or repeated" },
		{ "30m2h",
		    "bad offset '30m2h': units out of order or repeated" },
		{ "2h 30m", "bad offset '2h 30m': unexpected ' '" },
		{ " 6w", "bad offset ' 6w': unexpected ' '" },
		{ "6w ", "bad offset '6w ': unexpected ' '" },
		{ "--6w", "bad offset '--6w': unexpected '-'" },
		{ "6w-", "bad offset '6w-': unexpected '-'" },
		{ "1.5h", "bad offset '1.5h': unexpected '.'" },
		{ "6w\n", "bad offset '6w\n': unexpected byte 0x0a" },
		{ "99999999999999999999d",
		    "bad offset '99999999999999999999d': "
		    "number too large" },
		{ "301y", "bad offset '301y': more than 300 years" },
		{ "3601mo", "bad offset '3601mo': more than 300 years" },
		{ "109801d", "bad offset '109801d': more than 300 years" },
		{ "-9999999999h",
		    "bad offset '-9999999999h': more than 300 years" },
		{ "P999999999999Y",
		    "bad offset 'P999999999999Y': more than 300 years" },
	};
	struct span sp = { 1, 2, 3, 4 };
	size_t i;
	char *cause;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		cause = NULL;
		assert_int_equal(span_parse(cases[i].in, &sp, &cause), -1);
		assert_string_equal(cause, cases[i].msg);
		free(cause);
	}
	assert_true(sp.months == 1 && sp.days == 2 && sp.secs == 3 &&
	    sp.has_time == 4);
}

static void
test_duration_parse(void **state)
{
	static const struct { const char *in; int64_t secs; } good[] = {
		{ "2h30m", 9000 }, { "90m", 5400 }, { "4h", 14400 },
		{ "1d", 86400 }, { "1d12h", 129600 }, { "1w", 604800 },
		{ "45s", 45 }, { "0", 0 }, { "0m", 0 }, { "PT2H30M", 9000 },
		{ "P1D", 86400 }, { "P1W", 604800 }, { "PT90M", 5400 },
		{ "109800d", (int64_t)109800 * 86400 },
	};
	static const struct bad_case bad[] = {
		{ "2x", "bad duration '2x': unknown unit 'x'" },
		{ "", "bad duration '': empty" },
		{ "6", "bad duration '6': number without a unit" },
		{ "-1h", "bad duration '-1h': a length takes no sign" },
		{ "+1h", "bad duration '+1h': a length takes no sign" },
		{ "-P1D", "bad duration '-P1D': a length takes no sign" },
		{ "1mo", "bad duration '1mo': months and years have no fixed "
		    "length" },
		{ "1y", "bad duration '1y': months and years have no fixed "
		    "length" },
		{ "P1M", "bad duration 'P1M': months and years have no fixed "
		    "length" },
		{ "P0Y", "bad duration 'P0Y': months and years have no fixed "
		    "length" },
		{ "PT", "bad duration 'PT': nothing after 'T'" },
		{ "P", "bad duration 'P': nothing after 'P'" },
		{ "2h30", "bad duration '2h30': number without a unit" },
		{ "109801d", "bad duration '109801d': more than 300 years" },
		{ "109800d1s",
		    "bad duration '109800d1s': more than 300 years" },
	};
	size_t i;
	int64_t secs;
	char *cause;

	(void)state;
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		assert_int_equal(duration_parse(good[i].in, &secs, &cause), 0);
		assert_int_equal(secs, good[i].secs);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		secs = -5;
		assert_int_equal(duration_parse(bad[i].in, &secs, &cause), -1);
		assert_string_equal(cause, bad[i].msg);
		assert_int_equal(secs, -5);
		free(cause);
	}
}

static struct span
span_of(const char *s)
{
	struct span sp;
	char *cause = NULL;

	assert_int_equal(span_parse(s, &sp, &cause), 0);
	return sp;
}

/* Months first, then days: "+1mo2w" from 31 January is 14 March. */
static void
test_span_add(void **state)
{
	struct span sp;

	(void)state;
	sp = span_of("-1mo");
	assert_int_equal(span_add_date(date_from_ymd(2027, 3, 31), &sp),
	    date_from_ymd(2027, 2, 28));
	sp = span_of("1y");
	assert_int_equal(span_add_date(date_from_ymd(2024, 2, 29), &sp),
	    date_from_ymd(2025, 2, 28));
	sp = span_of("+1mo2w");
	assert_int_equal(span_add_date(date_from_ymd(2027, 1, 31), &sp),
	    date_from_ymd(2027, 3, 14));
	sp = span_of("-6w");
	assert_int_equal(span_add_date(date_from_ymd(2027, 3, 10), &sp),
	    date_from_ymd(2027, 1, 27));
	sp = span_of("+1d23h");
	assert_int_equal(span_add_date(date_from_ymd(2027, 3, 10), &sp),
	    date_from_ymd(2027, 3, 11));

	/* 2027-01-31T10:00Z is 1801389600; 2027-02-28T10:00Z 1803808800. */
	sp = span_of("1mo");
	assert_int_equal(span_add_time(1801389600, &sp), 1803808800);
	sp = span_of("-2h30m");
	assert_int_equal(span_add_time(1801389600, &sp), 1801389600 - 9000);
	sp = span_of("-P1DT1H");
	assert_int_equal(span_add_time(1801389600, &sp), 1801389600 - 90000);
	/* 1969-12-31T23:59:59Z plus a month is 1970-01-31T23:59:59Z. */
	sp = span_of("+1mo");
	assert_int_equal(span_add_time(-1, &sp), 30 * 86400 + 86399);
}

static void
test_date_time_format(void **state)
{
	char d[11], u[21], o[26];

	(void)state;
	date_format(0, d);
	assert_string_equal(d, "1970-01-01");
	date_format(-25567, d);
	assert_string_equal(d, "1900-01-01");
	date_format(84370, d);
	assert_string_equal(d, "2200-12-31");
	time_format_utc(1804690800, u);
	assert_string_equal(u, "2027-03-10T15:00:00Z");
	time_format_utc(-1, u);
	assert_string_equal(u, "1969-12-31T23:59:59Z");
	time_format_offset(1804690800, -25200, o);
	assert_string_equal(o, "2027-03-10T08:00:00-07:00");
	time_format_offset(1804690800, 19800, o);
	assert_string_equal(o, "2027-03-10T20:30:00+05:30");
	time_format_offset(0, 0, o);
	assert_string_equal(o, "1970-01-01T00:00:00+00:00");
	/* Phoenix's mean time, -7:28:18, is shown at the whole minute. */
	time_format_offset(0, -26898, o);
	assert_string_equal(o, "1969-12-31T16:32:00-07:28");
}

static void
test_duration_format(void **state)
{
	static const struct { int64_t secs; const char *out; } cases[] = {
		{ 9000, "2h30m" }, { 2700, "45m" }, { 259200, "3d" },
		{ 0, "0m" }, { 90, "1m30s" }, { 93600, "1d2h" },
		{ 14400, "4h" }, { 45, "45s" }, { -5400, "-1h30m" },
		{ INT64_MIN, "-106751991167300d15h30m8s" },
	};
	char buf[32];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		duration_format(cases[i].secs, buf);
		assert_string_equal(buf, cases[i].out);
	}
}

static void
test_span_format(void **state)
{
	static const struct { struct span sp; const char *out; } cases[] = {
		{ { 0, -42, 0, 0 }, "-6w" },
		{ { 0, 3, 0, 0 }, "+3d" },
		{ { -1, -14, 0, 0 }, "-1mo2w" },
		{ { 0, 0, 5400, 1 }, "+1h30m" },
		{ { 0, 0, 0, 0 }, "0" },
		{ { 0, 0, 0, 1 }, "0h" },
		{ { -7, 0, 0, 0 }, "-7mo" },
		{ { 0, -9, 0, 0 }, "-1w2d" },
		{ { 24, 0, 0, 0 }, "+2y" },
		{ { 0, 1, 0, 1 }, "+1d0h" },
		{ { 14, 25, 18367, 1 }, "+1y2mo3w4d5h6m7s" },
	};
	struct span extreme = { INT32_MIN, INT32_MIN, INT64_MIN, 1 };
	char buf[48];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		span_format(&cases[i].sp, buf);
		assert_string_equal(buf, cases[i].out);
	}
	span_format(&extreme, buf);
	assert_true(strlen(buf) < sizeof(buf) && buf[0] == '-');
}

/* What span_format writes, span_parse reads back as the same offset. */
static void
test_span_round_trip(void **state)
{
	static const char *const inputs[] = {
		"-6w", "+3d", "2h30m", "-7mo", "-1w2d", "0", "0h", "+0h15m",
		"P1DT2H", "-P1M2D", "-P1Y", "1y2mo3w4d5h6m7s", "-300y",
		"+1d0h", "PT0S", "-109800d", "26h", "-90m",
	};
	struct span a, b;
	char buf[48];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++) {
		a = span_of(inputs[i]);
		span_format(&a, buf);
		b = span_of(buf);
		assert_int_equal(a.months, b.months);
		assert_int_equal(a.days, b.days);
		assert_int_equal(a.secs, b.secs);
		assert_int_equal(a.has_time, b.has_time);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known_days),
		cmocka_unit_test(test_every_day),
		cmocka_unit_test(test_leap_years),
		cmocka_unit_test(test_add_months),
		cmocka_unit_test(test_date_of),
		cmocka_unit_test(test_date_parse),
		cmocka_unit_test(test_clock_parse),
		cmocka_unit_test(test_span_parse_good),
		cmocka_unit_test(test_span_parse_bad),
		cmocka_unit_test(test_duration_parse),
		cmocka_unit_test(test_span_add),
		cmocka_unit_test(test_date_time_format),
		cmocka_unit_test(test_duration_format),
		cmocka_unit_test(test_span_format),
		cmocka_unit_test(test_span_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
