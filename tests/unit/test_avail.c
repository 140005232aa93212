/* test_avail.c: an agency's working time in UTC agrees with tz.c's own conversions, across DST changes. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "avail.h"
#include "ivl.h"
#include "tz.h"
#include "util.h"

/*
 * avail.c converts each day's working hours to UTC from the zone
 * offsets it keeps over its range, asking tz_to_utc() only near a
 * change (scheduling a national program made millions of these
 * conversions). These tests hold that shortcut to tz_to_utc() itself,
 * day by day over two years, in zones with and without daylight time,
 * with half-hour changes (Lord Howe) and southern summers, and with
 * hours that fall in a skipped or repeated hour (02:30 on the night the
 * clocks go forward in New York; 01:30 when they go back).
 */

static const char *const zones[] = {
	"America/New_York", "America/Chicago", "America/Phoenix",
	"America/Mexico_City", "America/Hermosillo", "Europe/Kyiv",
	"Australia/Lord_Howe", "America/Santiago", "Pacific/Apia", "UTC",
};

/* Hours as local minutes: ordinary, in a skipped and a repeated hour. */
static const int hours[][2] = {
	{ 8 * 60, 17 * 60 }, { 2 * 60 + 30, 23 * 60 }, { 60 + 30, 22 * 60 },
	{ 0, 24 * 60 - 15 },
};

static struct agency
agency_in(const char *zone, int start, int end)
{
	struct agency ag;

	memset(&ag, 0, sizeof(ag));
	ag.id = (char *)"ag";
	ag.timezone = (char *)zone;
	ag.workdays = 0x7f;	/* every day, so every day is checked */
	ag.day_start = start;
	ag.day_end = end;
	return ag;
}

/* One day's hours are exactly [tz_to_utc(start), tz_to_utc(end)). */
static void
test_hours_match_tz(void **state)
{
	pdate from, to, d;
	size_t z, h;

	(void)state;
	assert_int_equal(date_parse("2026-12-01", &from, NULL), 0);
	assert_int_equal(date_parse("2028-12-31", &to, NULL), 0);
	for (z = 0; z < NELEM(zones); z++) {
		const struct tz *tz = tz_get(zones[z], NULL);

		assert_non_null(tz);
		for (h = 0; h < NELEM(hours); h++) {
			struct agency ag = agency_in(zones[z], hours[h][0],
			    hours[h][1]);
			struct avail *a = avail_new(&ag, from, to);
			struct ivlset got = {0};

			/* Inside the range, at its edges and outside it. */
			for (d = from - 3; d <= to + 3; d++) {
				ptime s = tz_to_utc(tz, d, hours[h][0] * 60,
				    NULL);
				ptime e = tz_to_utc(tz, d, hours[h][1] * 60,
				    NULL);

				ivl_clear(&got);
				avail_hours(a, d, d, &got);
				if (e <= s) {
					assert_int_equal(got.n, 0);
					continue;
				}
				if (got.n != 1 || got.v[0].from != s ||
				    got.v[0].to != e)
					fail_msg("%s %d-%d day %ld: got %zu "
					    "[%lld, %lld), want [%lld, %lld)",
					    zones[z], hours[h][0], hours[h][1],
					    (long)d, got.n, got.n ?
					    (long long)got.v[0].from : 0,
					    got.n ? (long long)got.v[0].to : 0,
					    (long long)s, (long long)e);
			}
			ivl_free(&got);
			avail_free(a);
		}
	}
}

/* Whole days run from one local midnight to the next, as tz.c says. */
static void
test_days_match_tz(void **state)
{
	pdate from, to, d;
	size_t z;

	(void)state;
	assert_int_equal(date_parse("2027-01-01", &from, NULL), 0);
	assert_int_equal(date_parse("2027-12-31", &to, NULL), 0);
	for (z = 0; z < NELEM(zones); z++) {
		const struct tz *tz = tz_get(zones[z], NULL);
		struct agency ag = agency_in(zones[z], 8 * 60, 17 * 60);
		struct avail *a = avail_new(&ag, from, to);
		struct ivlset got = {0};

		for (d = from - 3; d <= to + 3; d++) {
			ivl_clear(&got);
			avail_days(a, d, d, &got);
			assert_int_equal(got.n, 1);
			assert_int_equal(got.v[0].from, tz_to_utc(tz, d, 0,
			    NULL));
			assert_int_equal(got.v[0].to, tz_to_utc(tz, d + 1, 0,
			    NULL));
		}
		ivl_free(&got);
		avail_free(a);
	}
}

/* Busy time is taken out, whether or not the shortcut applies. */
static void
test_busy_taken_out(void **state)
{
	struct agency ag = agency_in("America/New_York", 8 * 60, 17 * 60);
	struct busy_time busy;
	const struct tz *tz = tz_get("America/New_York", NULL);
	struct ivlset got = {0};
	struct avail *a;
	pdate d;
	ptime s, e;

	(void)state;
	assert_non_null(tz);
	assert_int_equal(date_parse("2027-03-15", &d, NULL), 0);
	s = tz_to_utc(tz, d, 8 * 3600, NULL);
	e = tz_to_utc(tz, d, 17 * 3600, NULL);
	busy.from = s + 3600;
	busy.to = s + 7200;
	busy.why = NULL;
	ag.busy = &busy;
	ag.nbusy = 1;
	a = avail_new(&ag, d - 10, d + 10);
	avail_hours(a, d, d, &got);
	assert_int_equal(got.n, 2);
	assert_int_equal(got.v[0].from, s);
	assert_int_equal(got.v[0].to, s + 3600);
	assert_int_equal(got.v[1].from, s + 7200);
	assert_int_equal(got.v[1].to, e);
	ivl_clear(&got);
	avail_days(a, d, d, &got);
	assert_int_equal(got.n, 2);
	assert_int_equal(got.v[0].to, s + 3600);
	assert_int_equal(got.v[1].from, s + 7200);
	ivl_free(&got);
	avail_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hours_match_tz),
		cmocka_unit_test(test_days_match_tz),
		cmocka_unit_test(test_busy_taken_out),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	tz_cache_clear();
	return rc;
}
