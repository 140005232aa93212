/* test_ics_read.c: imported iCalendar files: closed days, busy times, and errors. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "ics.h"
#include "util.h"

#define CRLF "\r\n"
#define HEAD "BEGIN:VCALENDAR" CRLF "VERSION:2.0" CRLF "PRODID:-//t//t//EN" CRLF
#define TAIL "END:VCALENDAR" CRLF

static const char *const good =
    HEAD
    /* Two closed days (DTEND is exclusive). */
    "BEGIN:VEVENT" CRLF "UID:a@t" CRLF "DTSTAMP:20260101T000000Z" CRLF
    "DTSTART;VALUE=DATE:20270407" CRLF "DTEND;VALUE=DATE:20270409" CRLF
    "SUMMARY:Power outage\\, building 2" CRLF "TRANSP:TRANSPARENT" CRLF
    "END:VEVENT" CRLF
    /* A weekly stand-up, three times, the second excluded. */
    "BEGIN:VEVENT" CRLF "UID:b@t" CRLF "DTSTAMP:20260101T000000Z" CRLF
    "DTSTART:20270405T150000Z" CRLF "DTEND:20270405T153000Z" CRLF
    "RRULE:FREQ=WEEKLY;COUNT=3" CRLF "EXDATE:20270412T150000Z" CRLF
    "SUMMARY:Stand-up" CRLF "END:VEVENT" CRLF
    /* Free time is not busy; a cancelled event is nothing. */
    "BEGIN:VEVENT" CRLF "UID:c@t" CRLF "DTSTAMP:20260101T000000Z" CRLF
    "DTSTART:20270406T150000Z" CRLF "DTEND:20270406T160000Z" CRLF
    "TRANSP:TRANSPARENT" CRLF "END:VEVENT" CRLF
    "BEGIN:VEVENT" CRLF "UID:d@t" CRLF "DTSTAMP:20260101T000000Z" CRLF
    "DTSTART:20270406T170000Z" CRLF "DTEND:20270406T180000Z" CRLF
    "STATUS:CANCELLED" CRLF "END:VEVENT" CRLF
    /* Free/busy: one busy period, one free. */
    "BEGIN:VFREEBUSY" CRLF "UID:e@t" CRLF "DTSTAMP:20260101T000000Z" CRLF
    "FREEBUSY;FBTYPE=BUSY:20270407T140000Z/PT2H" CRLF
    "FREEBUSY;FBTYPE=FREE:20270408T140000Z/20270408T150000Z" CRLF
    "END:VFREEBUSY" CRLF
    TAIL;

static void
test_good(void **state)
{
	struct arena *a = arena_new();
	struct diags d = {0};
	struct ics_busy b;

	(void)state;
	assert_int_equal(ics_parse_busy("good.ics", good, strlen(good), a, &b,
	    &d), 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(b.nclosed, 1);
	assert_int_equal(b.closed[0].from, date_from_ymd(2027, 4, 7));
	assert_int_equal(b.closed[0].to, date_from_ymd(2027, 4, 8));
	assert_string_equal(b.closed[0].reason, "Power outage, building 2");
	/* Stand-ups on 5 and 19 April, then the busy period of 7 April. */
	assert_int_equal(b.nbusy, 3);
	assert_int_equal(b.busy[0].from, 1806937200);	/* 2027-04-05T15:00Z */
	assert_int_equal(b.busy[0].to - b.busy[0].from, 1800);
	assert_int_equal(b.busy[1].from, 1806937200 + 14 * 86400);
	assert_int_equal(b.busy[2].from, 1807106400);	/* 2027-04-07T14:00Z */
	assert_int_equal(b.busy[2].to - b.busy[2].from, 7200);
	arena_free(a);
	diags_free(&d);
}

/* A zone from the file's own VTIMEZONE (a Windows-style name). */
static void
test_vtimezone(void **state)
{
	static const char *const text = HEAD
	    "BEGIN:VTIMEZONE" CRLF "TZID:Mountain Standard Time" CRLF
	    "BEGIN:STANDARD" CRLF "DTSTART:19700101T000000" CRLF
	    "TZOFFSETFROM:-0700" CRLF "TZOFFSETTO:-0700" CRLF
	    "END:STANDARD" CRLF "END:VTIMEZONE" CRLF
	    "BEGIN:VEVENT" CRLF "UID:z@t" CRLF "DTSTAMP:20260101T000000Z" CRLF
	    "DTSTART;TZID=Mountain Standard Time:20270705T090000" CRLF
	    "DTEND;TZID=Mountain Standard Time:20270705T100000" CRLF
	    "END:VEVENT" CRLF TAIL;
	struct arena *a = arena_new();
	struct diags d = {0};
	struct ics_busy b;

	(void)state;
	assert_int_equal(ics_parse_busy("tz.ics", text, strlen(text), a, &b,
	    &d), 0);
	assert_int_equal(b.nbusy, 1);
	assert_int_equal(b.busy[0].from, 1814803200);	/* 2027-07-05T16:00Z */
	arena_free(a);
	diags_free(&d);
}

static void
expect_error(const char *text, const char *msg)
{
	struct arena *a = arena_new();
	struct diags d = {0};
	struct ics_busy b;
	char *got;

	assert_int_equal(ics_parse_busy("x.ics", text, strlen(text), a, &b,
	    &d), -1);
	assert_true(d.nerrors >= 1);
	got = diag_format(&d.v[0]);
	assert_string_equal(got, msg);
	free(got);
	arena_free(a);
	diags_free(&d);
}

static void
test_errors(void **state)
{
	(void)state;
	expect_error("", "x.ics:1: error: not an iCalendar file: no VCALENDAR");
	expect_error("hello\n", "x.ics:1: error: expected 'NAME:value', "
	    "found 'hello'");
	expect_error("BEGIN:VEVENT\nEND:VEVENT\n", "x.ics:1: error: not an "
	    "iCalendar file: it does not start with BEGIN:VCALENDAR");
	expect_error(HEAD "BEGIN:VEVENT" CRLF "UID:u" CRLF, "x.ics:4: error: "
	    "BEGIN:VEVENT is never closed");
	expect_error(HEAD "END:VEVENT" CRLF TAIL, "x.ics:4: error: "
	    "END:VEVENT does not close BEGIN:VCALENDAR");
	expect_error(HEAD "BEGIN:VEVENT" CRLF "UID:u@t" CRLF
	    "DTSTART:20271399T250000Z" CRLF "END:VEVENT" CRLF TAIL,
	    "x.ics:4: error: event 'u@t': DTSTART or DTEND is not a real "
	    "date and time");
	expect_error(HEAD "BEGIN:VEVENT" CRLF "UID:u@t" CRLF
	    "DTSTART:20270101T090000" CRLF "END:VEVENT" CRLF TAIL,
	    "x.ics:4: error: event 'u@t': a floating time (neither UTC nor "
	    "a TZID with its VTIMEZONE) could mean any zone");
	expect_error(HEAD "BEGIN:VEVENT" CRLF "UID:u@t" CRLF
	    "DTSTART;VALUE=DATE:20270105" CRLF "DTEND;VALUE=DATE:20270101"
	    CRLF "END:VEVENT" CRLF TAIL,
	    "x.ics:4: error: event 'u@t': it ends before it starts");
	expect_error(HEAD "BEGIN:VEVENT" CRLF "UID:u@t" CRLF
	    "DTSTART:20270101T090000Z" CRLF "RRULE:FREQ=MINUTELY" CRLF
	    "END:VEVENT" CRLF TAIL, "x.ics: error: more than 200000 closed "
	    "days and busy times between 1970 and 2100");
}

/* Whatever the bytes, an answer and no crash. */
static void
test_garbage(void **state)
{
	unsigned seed = 7;
	size_t n = strlen(good), i, round;
	char *buf = xmalloc(n + 1);

	(void)state;
	for (round = 0; round < 400; round++) {
		struct arena *a = arena_new();
		struct diags d = {0};
		struct ics_busy b;

		memcpy(buf, good, n + 1);
		for (i = 0; i < 1 + round % 8; i++) {
			seed = seed * 1103515245 + 12345;
			buf[(seed >> 8) % n] = (char)(seed >> 16);
		}
		if (round % 3 == 0)
			buf[(seed >> 4) % n] = '\0';
		(void)ics_parse_busy("g.ics", buf, strlen(buf), a, &b, &d);
		arena_free(a);
		diags_free(&d);
	}
	free(buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good),
		cmocka_unit_test(test_vtimezone),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_garbage),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
