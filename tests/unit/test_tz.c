/* test_tz.c: unit tests for TZif zones, POSIX TZ rules and bad zone files. */
#define _XOPEN_SOURCE 700
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tz.h"

/*
 * Expected instants come from an independent reader, Python 3.11's
 * zoneinfo over the same system tzdata (Debian 12, 2025b), e.g.
 *   int(datetime(2027, 3, 14, 2, 30, tzinfo=ZoneInfo("America/Denver"))
 *       .timestamp())
 * with fold=0 for the first of a repeated time, which is also how
 * zoneinfo moves a skipped time forward by the gap. Rule-only zones were
 * checked against ZoneInfo.from_file() on the same bytes and, for the
 * Jn and n rules (where Python 3.11 is off by a day for n), against glibc:
 *   TZ='XXX3YYY,59/2,299/2' date -d @1803877200
 */

/* Some instants, named by their UTC time. */
#define T_2027_01_01	INT64_C(1798761600)
#define T_2028_01_01	INT64_C(1830297600)
#define T_2030_01_01	INT64_C(1893456000)

static char tmpdir[64];
static char *saved_tzdir;

static const struct tz *
must_get(const char *name)
{
	const struct tz *z;
	char *cause = NULL;

	z = tz_get(name, &cause);
	if (z == NULL)
		fail_msg("%s", cause);
	return z;
}

static void
check_offset(const struct tz *z, ptime t, int off, const char *abbr)
{
	assert_int_equal(tz_offset(z, t), off);
	assert_string_equal(tz_abbr(z, t), abbr);
}

static void
check_change(const struct tz *z, ptime from, ptime limit, ptime want)
{
	ptime next = 0;

	assert_int_equal(tz_next_change(z, from, limit, &next), 1);
	assert_int_equal(next, want);
}

static void
check_to_utc(const struct tz *z, int y, int m, int d, int secs, ptime want,
    int want_adjusted)
{
	int adjusted = -1;

	assert_int_equal(tz_to_utc(z, date_from_ymd(y, m, d), secs,
	    &adjusted), want);
	assert_int_equal(adjusted, want_adjusted);
}

/* US rules: the second Sunday of March and first of November, 02:00. */
static void
test_denver(void **state)
{
	const struct tz *z = must_get("America/Denver");

	(void)state;
	assert_string_equal(tz_name(z), "America/Denver");
	check_change(z, T_2027_01_01, T_2028_01_01, 1805014800);
	check_offset(z, 1805014800 - 1, -25200, "MST");
	check_offset(z, 1805014800, -21600, "MDT");
	check_change(z, 1805014800, T_2028_01_01, 1825574400);
	check_offset(z, 1825574400 - 1, -21600, "MDT");
	check_offset(z, 1825574400, -25200, "MST");
}

/* EU rules: the last Sunday of March and October, 01:00 UTC. */
static void
test_kyiv(void **state)
{
	const struct tz *z = must_get("Europe/Kyiv");
	pdate d;
	int secs;

	(void)state;
	check_change(z, T_2027_01_01, T_2028_01_01, 1806195600);
	check_offset(z, 1806195600 - 1, 7200, "EET");
	check_offset(z, 1806195600, 10800, "EEST");
	tz_to_local(z, 1806195600 - 1, &d, &secs);
	assert_int_equal(d, date_from_ymd(2027, 3, 28));
	assert_int_equal(secs, 3 * 3600 - 1);
	tz_to_local(z, 1806195600, &d, &secs);
	assert_int_equal(secs, 4 * 3600);
	check_change(z, 1806195600, T_2028_01_01, 1824944400);
	check_offset(z, 1824944400 - 1, 10800, "EEST");
	check_offset(z, 1824944400, 7200, "EET");
	tz_to_local(z, 1824944400, &d, &secs);
	assert_int_equal(d, date_from_ymd(2027, 10, 31));
	assert_int_equal(secs, 3 * 3600);
}

/* A link name loads and agrees with its target. */
static void
test_kiev_link(void **state)
{
	const struct tz *kiev = must_get("Europe/Kiev");
	const struct tz *kyiv = must_get("Europe/Kyiv");
	ptime t;

	(void)state;
	assert_string_equal(tz_name(kiev), "Europe/Kiev");
	for (t = T_2027_01_01; t < T_2028_01_01; t += 86400 + 61)
		assert_int_equal(tz_offset(kiev, t), tz_offset(kyiv, t));
}

/* Phoenix keeps MST; Mexico City dropped DST after October 2022. */
static void
test_no_dst(void **state)
{
	const struct tz *phx = must_get("America/Phoenix");
	const struct tz *mex = must_get("America/Mexico_City");
	ptime next;

	(void)state;
	/* 2021-01-15, 2021-07-15 and 2023-07-15, 12:00Z */
	check_offset(phx, 1610712000, -25200, "MST");
	check_offset(phx, 1626350400, -25200, "MST");
	check_offset(phx, 1689422400, -25200, "MST");
	assert_int_equal(tz_next_change(phx, T_2027_01_01, T_2030_01_01,
	    &next), 0);
	check_change(phx, INT64_C(-94694400), T_2030_01_01, -84380400);

	check_offset(mex, 1610712000, -21600, "CST");
	check_offset(mex, 1626350400, -18000, "CDT");
	check_offset(mex, 1673784000, -21600, "CST");
	check_offset(mex, 1689422400, -21600, "CST");
	check_change(mex, INT64_C(1654041600), T_2030_01_01, 1667113200);
	assert_int_equal(tz_next_change(mex, 1667113200, T_2030_01_01,
	    &next), 0);
}

/* Noon local from 14 to 28 March 2027: Denver and Kyiv 8 h apart, not 9. */
static void
test_march_2027(void **state)
{
	const struct tz *den = must_get("America/Denver");
	const struct tz *kyiv = must_get("Europe/Kyiv");

	(void)state;
	check_to_utc(den, 2027, 3, 10, 12 * 3600, 1804705200, 0);
	check_to_utc(kyiv, 2027, 3, 10, 12 * 3600, 1804672800, 0);
	check_to_utc(den, 2027, 3, 20, 12 * 3600, 1805565600, 0);
	check_to_utc(kyiv, 2027, 3, 20, 12 * 3600, 1805536800, 0);
	check_to_utc(den, 2027, 3, 30, 12 * 3600, 1806429600, 0);
	check_to_utc(kyiv, 2027, 3, 30, 12 * 3600, 1806397200, 0);
	assert_int_equal(1805565600 - 1805536800, 8 * 3600);
	assert_int_equal(1804705200 - 1804672800, 9 * 3600);
}

/* 02:30 on 2027-03-14 does not exist in Denver: it becomes 03:30 MDT. */
static void
test_skipped_hour(void **state)
{
	const struct tz *den = must_get("America/Denver");
	const struct tz *kyiv = must_get("Europe/Kyiv");
	pdate d;
	int secs;

	(void)state;
	check_to_utc(den, 2027, 3, 14, 2 * 3600 + 1800, 1805016600, 1);
	tz_to_local(den, 1805016600, &d, &secs);
	assert_int_equal(d, date_from_ymd(2027, 3, 14));
	assert_int_equal(secs, 3 * 3600 + 1800);
	assert_string_equal(tz_abbr(den, 1805016600), "MDT");
	check_to_utc(den, 2027, 3, 14, 2 * 3600, 1805014800, 1);
	check_to_utc(den, 2027, 3, 14, 3 * 3600, 1805014800, 0);
	check_to_utc(den, 2027, 3, 14, 2 * 3600 - 1, 1805014799, 0);
	/* Kyiv skips 03:00-04:00 on 2027-03-28; 03:30 becomes 04:30 EEST. */
	check_to_utc(kyiv, 2027, 3, 28, 3 * 3600 + 1800, 1806197400, 1);
	assert_int_equal(tz_to_utc(den, date_from_ymd(2027, 3, 14),
	    2 * 3600 + 1800, NULL), 1805016600);
}

/* 01:30 on 2027-11-07 happens twice in Denver: the first is MDT. */
static void
test_repeated_hour(void **state)
{
	const struct tz *den = must_get("America/Denver");
	const struct tz *kyiv = must_get("Europe/Kyiv");

	(void)state;
	check_to_utc(den, 2027, 11, 7, 3600 + 1800, 1825572600, 0);
	check_offset(den, 1825572600, -21600, "MDT");
	check_to_utc(den, 2027, 11, 7, 2 * 3600, 1825578000, 0);
	check_to_utc(kyiv, 2027, 10, 31, 3 * 3600 + 1800, 1824942600, 0);
	check_offset(kyiv, 1824942600, 10800, "EEST");
}

/* Local to UTC and back gives the same wall time, or an hour later in a gap. */
static void
test_round_trip(void **state)
{
	static const char *const names[] = {
		"America/Denver", "Europe/Kyiv", "America/Phoenix",
		"America/Mexico_City",
	};
	const struct tz *z;
	pdate d, ld;
	size_t i;
	int secs, lsecs, adjusted;
	ptime t;

	(void)state;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		z = must_get(names[i]);
		for (d = date_from_ymd(2021, 1, 1);
		    d < date_from_ymd(2028, 1, 1); d++) {
			for (secs = 0; secs < 86400; secs += 1800) {
				t = tz_to_utc(z, d, secs, &adjusted);
				tz_to_local(z, t, &ld, &lsecs);
				assert_int_equal((ptime)ld * 86400 + lsecs,
				    (ptime)d * 86400 + secs +
				    (adjusted ? 3600 : 0));
			}
		}
	}
}

/* Past the file's transitions, the TZ string in the footer decides. */
static void
test_far_future(void **state)
{
	const struct tz *den = must_get("America/Denver");
	const struct tz *kyiv = must_get("Europe/Kyiv");

	(void)state;
	/* 2150-01-15 and 2150-07-15 12:00Z; changes 2150-03-08 09:00Z */
	check_offset(den, INT64_C(5681534400), -25200, "MST");
	check_offset(den, INT64_C(5697172800), -21600, "MDT");
	check_change(den, INT64_C(5680281600), INT64_C(5711817600),
	    INT64_C(5686016400));
	check_to_utc(den, 2150, 7, 4, 12 * 3600, INT64_C(5696244000), 0);
	/* 2150-03-29 01:00Z */
	check_change(kyiv, INT64_C(5680281600), INT64_C(5711817600),
	    INT64_C(5687802000));
	/* 2300 is beyond the expanded table; the rule is evaluated. */
	check_offset(den, INT64_C(10415044800), -25200, "MST");
	check_offset(den, INT64_C(10430683200), -21600, "MDT");
	/* 2300-03-11 09:00Z and 2300-03-25 01:00Z */
	check_change(den, INT64_C(10413792000), INT64_C(10445328000),
	    INT64_C(10419786000));
	check_change(kyiv, INT64_C(10413792000), INT64_C(10445328000),
	    INT64_C(10420966800));
	/* Absurd instants answer without overflow. */
	assert_int_equal(tz_offset(den, INT64_MAX), -25200);
	assert_int_equal(tz_offset(den, INT64_MIN),
	    tz_offset(den, INT64_MIN + 1));
}

/* The limit is exclusive: a change exactly at it is not reported. */
static void
test_next_change_limit(void **state)
{
	const struct tz *den = must_get("America/Denver");
	ptime next = 42;

	(void)state;
	assert_int_equal(tz_next_change(den, T_2027_01_01, 1805014800,
	    &next), 0);
	assert_int_equal(next, 42);
	check_change(den, T_2027_01_01, 1805014801, 1805014800);
	check_change(den, 1805014800 - 1, 1805014801, 1805014800);
}

static void
test_cache(void **state)
{
	const struct tz *a = must_get("America/Phoenix");

	(void)state;
	assert_ptr_equal(must_get("America/Phoenix"), a);
	tz_cache_clear();
	a = must_get("America/Phoenix");
	assert_string_equal(tz_name(a), "America/Phoenix");
	tz_cache_clear();
	tz_cache_clear();
}

static void
check_refused(const char *name, const char *msg)
{
	char *cause = NULL;

	assert_null(tz_get(name, &cause));
	assert_non_null(cause);
	assert_string_equal(cause, msg);
	free(cause);
}

static void
test_bad_names(void **state)
{
	char longname[201];

	(void)state;
	check_refused("Europe/Kiev2",
	    "unknown time zone 'Europe/Kiev2'; did you mean 'Europe/Kiev'?");
	/* Callers that have validated the name may pass no cause. */
	assert_null(tz_get("Europe/Kiev2", NULL));
	assert_null(tz_get("../etc/passwd", NULL));
	check_refused("Foo/Bar", "unknown time zone 'Foo/Bar'");
	check_refused("America", "unknown time zone 'America'");
	check_refused("../etc/passwd", "bad time zone name '../etc/passwd'");
	check_refused("/etc/passwd", "bad time zone name '/etc/passwd'");
	check_refused("America/../../../etc/passwd",
	    "bad time zone name 'America/../../../etc/passwd'");
	check_refused("./America/Denver",
	    "bad time zone name './America/Denver'");
	check_refused("", "bad time zone name ''");
	check_refused("America//Denver",
	    "bad time zone name 'America//Denver'");
	check_refused("America/", "bad time zone name 'America/'");
	check_refused("America/Den ver",
	    "bad time zone name 'America/Den ver'");
	check_refused("America/Denver\n",
	    "bad time zone name 'America/Denver\n'");
	check_refused("zone.tab", "bad time zone name 'zone.tab'");
	check_refused("America\\Denver",
	    "bad time zone name 'America\\Denver'");
	memset(longname, 'a', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	{
		char *cause = NULL;

		assert_null(tz_get(longname, &cause));
		assert_true(strncmp(cause, "bad time zone name 'aaa", 23) == 0);
		assert_true(strlen(cause) < 200);
		free(cause);
	}
	/* right/ zones count leap seconds in their timestamps. */
	check_refused("right/UTC",
	    "time zone 'right/UTC' is not valid TZif: leap seconds are not "
	    "supported");
}

/* Build TZif files in memory, as RFC 8536 lays them out. */
struct buf {
	unsigned char b[4096];
	size_t n;
};

static void
put(struct buf *b, const void *p, size_t n)
{
	assert_true(b->n + n <= sizeof(b->b));
	memcpy(b->b + b->n, p, n);
	b->n += n;
}

static void
put32(struct buf *b, uint32_t v)
{
	unsigned char p[4] = { v >> 24, v >> 16, v >> 8, v };

	put(b, p, 4);
}

static void
put64(struct buf *b, uint64_t v)
{
	put32(b, (uint32_t)(v >> 32));
	put32(b, (uint32_t)v);
}

/*
 * Two transitions between two types: AAA (-7:00) until -1e9, then BBB
 * (+1:00) until 1e9, then AAA again. Offsets into the version 2 part:
 * header at 74, times at 118, indices 134, types 136, designations 148,
 * footer 156.
 */
#define OFF_V2HDR	74
#define OFF_TIMES	118
#define OFF_IDX		134
#define OFF_TYPES	136
#define OFF_CHARS	148
#define OFF_FOOTER	156

static void
put_block(struct buf *b, int version, int tsize)
{
	static const int64_t at[2] = { -1000000000, 1000000000 };
	int i;

	put(b, "TZif", 4);
	put(b, version ? "2" : "", 1);
	put(b, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 15);
	put32(b, 0);		/* isutcnt */
	put32(b, 0);		/* isstdcnt */
	put32(b, 0);		/* leapcnt */
	put32(b, 2);		/* timecnt */
	put32(b, 2);		/* typecnt */
	put32(b, 8);		/* charcnt */
	for (i = 0; i < 2; i++) {
		if (tsize == 8)
			put64(b, (uint64_t)at[i]);
		else
			put32(b, (uint32_t)at[i]);
	}
	put(b, "\1\0", 2);
	put32(b, (uint32_t)-25200);
	put(b, "\0\0", 2);
	put32(b, 3600);
	put(b, "\0\4", 2);
	put(b, "AAA\0BBB\0", 8);
}

static void
build_tzif(struct buf *b, int version, const char *footer)
{
	b->n = 0;
	put_block(b, version, 4);
	if (version == 0)
		return;
	put_block(b, version, 8);
	put(b, "\n", 1);
	put(b, footer, strlen(footer));
	put(b, "\n", 1);
}

/* A zone with no transitions and only a TZ string, like "UTC". */
static void
build_rule_only(struct buf *b, const char *footer)
{
	int i;

	b->n = 0;
	for (i = 0; i < 2; i++) {
		put(b, "TZif2\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 20);
		put32(b, 0);
		put32(b, 0);
		put32(b, 0);
		put32(b, 0);
		put32(b, 1);
		put32(b, 4);
		put32(b, 0);
		put(b, "\0\0ZZZ\0", 6);
	}
	put(b, "\n", 1);
	put(b, footer, strlen(footer));
	put(b, "\n", 1);
}

static void
write_zone(const char *name, const void *p, size_t n)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
	assert_non_null(f = fopen(path, "wb"));
	assert_int_equal(fwrite(p, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

static const struct tz *
load_bytes(const char *name, const struct buf *b, char **cause)
{
	write_zone(name, b->b, b->n);
	*cause = NULL;
	return tz_get(name, cause);
}

static void
check_corrupt(const char *name, const struct buf *b, const char *why)
{
	char *cause, want[256];

	snprintf(want, sizeof(want), "time zone '%s' is not valid TZif: %s",
	    name, why);
	assert_null(load_bytes(name, b, &cause));
	assert_string_equal(cause, want);
	free(cause);
}

static void
test_fake_zone(void **state)
{
	struct buf b;
	const struct tz *z;
	char *cause;

	(void)state;
	build_tzif(&b, 2, "AAA7");
	assert_int_equal(b.n, OFF_FOOTER + 6);
	z = load_bytes("Fake/V2", &b, &cause);
	assert_non_null(z);
	check_offset(z, -1000000001, -25200, "AAA");
	check_offset(z, -1000000000, 3600, "BBB");
	check_offset(z, 999999999, 3600, "BBB");
	check_offset(z, 1000000000, -25200, "AAA");
	check_change(z, INT64_MIN, 0, -1000000000);
	check_change(z, -1000000000, INT64_MAX, 1000000000);
	/* Version 1: 32-bit times and no footer. */
	build_tzif(&b, 0, "");
	assert_non_null(z = load_bytes("Fake/V1", &b, &cause));
	check_offset(z, 0, 3600, "BBB");
	check_offset(z, 2000000000, -25200, "AAA");
	check_refused("Fake", "unknown time zone 'Fake'");
}

static void
corrupt_at(struct buf *b, size_t off, const void *p, size_t n)
{
	build_tzif(b, 2, "AAA7");
	memcpy(b->b + off, p, n);
}

static void
test_corrupt_fields(void **state)
{
	struct buf b;

	(void)state;
	build_tzif(&b, 2, "AAA7");
	b.b[0] = 'X';
	check_corrupt("Bad/Magic", &b, "bad magic");
	corrupt_at(&b, 4, "1", 1);
	check_corrupt("Bad/Version", &b, "unknown version");
	corrupt_at(&b, OFF_V2HDR + 36, "\0\0\0\0", 4);
	check_corrupt("Bad/NoTypes", &b, "bad number of local time types");
	corrupt_at(&b, OFF_V2HDR + 40, "\0\0\0\0", 4);
	check_corrupt("Bad/NoChars", &b, "no time zone designations");
	corrupt_at(&b, OFF_V2HDR + 20, "\0\0\0\1", 4);
	check_corrupt("Bad/IsUt", &b, "bad UT indicator count");
	corrupt_at(&b, OFF_V2HDR + 32, "\0\0\1\0", 4);
	check_corrupt("Bad/TimeCnt", &b, "truncated data");
	corrupt_at(&b, OFF_V2HDR + 32, "\xff\xff\xff\xff", 4);
	check_corrupt("Bad/HugeCnt", &b, "truncated data");
	corrupt_at(&b, OFF_IDX + 1, "\2", 1);
	check_corrupt("Bad/Index", &b, "bad transition type");
	corrupt_at(&b, OFF_TIMES + 8, "\x80", 1);
	check_corrupt("Bad/Order", &b, "transitions out of order");
	corrupt_at(&b, OFF_TYPES + 4, "\2", 1);
	check_corrupt("Bad/IsDst", &b, "bad local time type");
	corrupt_at(&b, OFF_TYPES, "\0\1\x86\xa0", 4);	/* +100000 s */
	check_corrupt("Bad/Offset", &b, "bad local time type");
	corrupt_at(&b, OFF_TYPES + 5, "\x08", 1);
	check_corrupt("Bad/Desig", &b, "bad time zone designation");
	corrupt_at(&b, OFF_CHARS + 7, "X", 1);
	check_corrupt("Bad/NoNul", &b, "bad time zone designation");
	build_tzif(&b, 2, "AAA7");
	b.n--;
	check_corrupt("Bad/NoNewline", &b, "missing TZ string");
	build_tzif(&b, 2, "AAA7");
	put(&b, "x", 1);
	check_corrupt("Bad/Trailing", &b, "data after TZ string");
	build_tzif(&b, 0, "");
	put(&b, "x", 1);
	check_corrupt("Bad/V1Trailing", &b, "data after the last block");
	build_tzif(&b, 2, "MST7MDT,M3.2.0,M11.1.0");
	memcpy(b.b + OFF_V2HDR + 28, "\0\0\0\1", 4);
	check_corrupt("Bad/Leap", &b, "leap seconds are not supported");
	b.n = 0;
	check_corrupt("Bad/Empty", &b, "truncated header");
}

/* Every proper prefix of a valid file is refused, and nothing over-reads. */
static void
check_prefixes(const char *name, const unsigned char *p, size_t n)
{
	struct buf b;
	char *cause;

	for (b.n = 0; b.n < n; b.n++) {
		memcpy(b.b, p, b.n);
		assert_null(load_bytes(name, &b, &cause));
		assert_non_null(strstr(cause, "is not valid TZif: "));
		free(cause);
	}
}

static void
read_system_zone(const char *name, struct buf *b)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s",
	    saved_tzdir ? saved_tzdir : "/usr/share/zoneinfo", name);
	assert_non_null(f = fopen(path, "rb"));
	b->n = fread(b->b, 1, sizeof(b->b), f);
	assert_true(feof(f));
	fclose(f);
}

static void
test_truncated(void **state)
{
	struct buf b;

	(void)state;
	build_tzif(&b, 2, "AAA7");
	check_prefixes("Bad/Prefix", b.b, b.n);
	read_system_zone("America/Denver", &b);
	check_prefixes("Bad/DenverPrefix", b.b, b.n);
}

/* Any byte changed: a cause or a working zone, never a crash. */
static void
test_flipped_bytes(void **state)
{
	static const unsigned char flips[] = { 0xff, 0x80, 0x01 };
	struct buf orig, b;
	const struct tz *z;
	size_t i, j;
	char *cause;
	ptime t, next;
	int adjusted;

	(void)state;
	read_system_zone("America/Denver", &orig);
	for (i = 0; i < orig.n; i++) {
		for (j = 0; j < sizeof(flips); j++) {
			b = orig;
			b.b[i] ^= flips[j];
			if ((z = load_bytes("Bad/Flip", &b, &cause)) == NULL) {
				free(cause);
				continue;
			}
			for (t = -INT64_C(4000000000); t < INT64_C(8000000000);
			    t += INT64_C(40000000) + 7)
				tz_to_utc(z, date_of(t), 3600, &adjusted);
			tz_next_change(z, 0, INT64_C(8000000000), &next);
			tz_abbr(z, INT64_MAX);
			tz_cache_clear();
		}
	}
}

static void
test_not_regular(void **state)
{
	char path[256], target[256];
	struct buf b;

	(void)state;
	snprintf(path, sizeof(path), "%s/Bad/Fifo", tmpdir);
	assert_int_equal(mkfifo(path, 0600), 0);
	check_refused("Bad/Fifo", "unknown time zone 'Bad/Fifo'");
	snprintf(target, sizeof(target), "%s/Bad/FifoLink", tmpdir);
	assert_int_equal(symlink("Fifo", target), 0);
	check_refused("Bad/FifoLink", "unknown time zone 'Bad/FifoLink'");
	check_refused("Bad", "unknown time zone 'Bad'");
	snprintf(target, sizeof(target), "%s/Bad/Dangling", tmpdir);
	assert_int_equal(symlink("Nowhere", target), 0);
	check_refused("Bad/Dangling", "unknown time zone 'Bad/Dangling'");
	/* A link to a good file works, as Europe/Kiev does. */
	build_tzif(&b, 2, "AAA7");
	write_zone("Fake/Target", b.b, b.n);
	snprintf(target, sizeof(target), "%s/Fake/Link", tmpdir);
	assert_int_equal(symlink("Target", target), 0);
	must_get("Fake/Link");
}

struct probe {
	ptime t;
	int off;
	const char *abbr;
};

struct rule_case {
	const char *name, *tz;
	struct probe probes[2];	/* 2027-01-15 and 2027-07-15, 12:00Z */
	ptime changes[4];	/* in 2027 and 2028; 0 ends the list */
};

static const struct rule_case rule_cases[] = {
	{ "Rule/Sao", "<-03>3",
	    { { 1800014400, -10800, "-03" }, { 1815652800, -10800, "-03" } },
	    { 0 } },
	{ "Rule/Ktm", "<+0545>-5:45",
	    { { 1800014400, 20700, "+0545" }, { 1815652800, 20700, "+0545" } },
	    { 0 } },
	{ "Rule/Syd", "AEST-10AEDT,M10.1.0,M4.1.0/3",
	    { { 1800014400, 39600, "AEDT" }, { 1815652800, 36000, "AEST" } },
	    { 1806768000, 1822492800, 1838217600, 1853942400 } },
	{ "Rule/Jer", "IST-2IDT,M3.4.4/26,M10.5.0",
	    { { 1800014400, 7200, "IST" }, { 1815652800, 10800, "IDT" } },
	    { 1806019200, 1824937200, 1837468800, 1856386800 } },
	{ "Rule/Nuuk", "<-02>2<-01>,M3.5.0/-1,M10.5.0/0",
	    { { 1800014400, -7200, "-02" }, { 1815652800, -3600, "-01" } },
	    { 1806195600, 1824944400, 1837645200, 1856394000 } },
	{ "Rule/Chatham", "<+1245>-12:45<+1345>,M9.5.0/2:45,M4.1.0/3:45",
	    { { 1800014400, 49500, "+1345" }, { 1815652800, 45900, "+1245" } },
	    { 1806760800, 1821880800, 1838210400, 1853330400 } },
	{ "Rule/AllYear", "EST5EDT,0/0,J365/25",
	    { { 1800014400, -14400, "EDT" }, { 1815652800, -14400, "EDT" } },
	    { 0 } },
	{ "Rule/Julian", "XXX3YYY,J60/2,J300/2",
	    { { 1800014400, -10800, "XXX" }, { 1815652800, -7200, "YYY" } },
	    { 1803877200, 1824609600, 1835499600, 1856232000 } },
	{ "Rule/Zero", "XXX3YYY,59/2,299/2",
	    { { 1800014400, -10800, "XXX" }, { 1815652800, -7200, "YYY" } },
	    { 1803877200, 1824609600, 1835413200, 1856145600 } },
	{ "Rule/Denver", "MST7MDT,M3.2.0,M11.1.0",
	    { { 1800014400, -25200, "MST" }, { 1815652800, -21600, "MDT" } },
	    { 1805014800, 1825574400, 1836464400, 1857024000 } },
};

static void
check_rule_case(const struct rule_case *rc)
{
	const struct tz *z;
	struct buf b;
	char *cause;
	ptime t = T_2027_01_01, next;
	size_t i;

	build_rule_only(&b, rc->tz);
	if ((z = load_bytes(rc->name, &b, &cause)) == NULL)
		fail_msg("%s: %s", rc->tz, cause);
	for (i = 0; i < 2; i++)
		check_offset(z, rc->probes[i].t, rc->probes[i].off,
		    rc->probes[i].abbr);
	for (i = 0; i < 4 && rc->changes[i] != 0; i++) {
		check_change(z, t, T_2030_01_01, rc->changes[i]);
		t = rc->changes[i];
	}
	if (i == 0 || i == 4)
		assert_int_equal(tz_next_change(z, t, i ? T_2028_01_01 +
		    INT64_C(31622400) : T_2030_01_01, &next), 0);
}

/* POSIX TZ strings with every rule form and RFC 8536's extensions. */
static void
test_footer_rules(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(rule_cases) / sizeof(rule_cases[0]); i++)
		check_rule_case(&rule_cases[i]);
}

static void
test_bad_footers(void **state)
{
	static const char *const bad[] = {
		"MST", "7", "MS7", "EST5EDT", "EST5EDT4", "<MST7", "<MS>7",
		"<M*T>7", "MST7MDT,",
		"MST7MDT,M3.2.0", "MST7MDT,M3.2.0,", "MST7MDT,M13.2.0,M11.1.0",
		"MST7MDT,M0.2.0,M11.1.0", "MST7MDT,M3.6.0,M11.1.0",
		"MST7MDT,M3.0.0,M11.1.0", "MST7MDT,M3.2.7,M11.1.0",
		"MST7MDT,M3.2,M11.1.0", "MST7MDT,J0,J100", "MST7MDT,J366,J100",
		"MST7MDT,366,100", "MST7MDT,M3.2.0/168,M11.1.0",
		"MST7MDT,M3.2.0/1:60,M11.1.0", "MST25", "MST7:60", "MST7 ",
		"MST7MDT6x", "MST7MDT6xM3.2.0,M11.1.0",
		"MST7MDT,M3.2.0,M11.1.0,", "MST7MDT,M3.2.0,M11.1.0x",
		"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA7",
	};
	struct buf b;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		build_rule_only(&b, bad[i]);
		check_corrupt("Bad/Footer", &b, "bad TZ string");
	}
	build_rule_only(&b, "MST7\0MDT");
	b.b[b.n - 5] = '\0';
	check_corrupt("Bad/FooterNul", &b, "bad TZ string");
}

static int
rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static int
setup(void **state)
{
	char path[128];
	const char *dir = getenv("TZDIR");

	(void)state;
	saved_tzdir = dir ? strdup(dir) : NULL;
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/test_tz.XXXXXX");
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	snprintf(path, sizeof(path), "%s/Bad", tmpdir);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/Fake", tmpdir);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/Rule", tmpdir);
	mkdir(path, 0700);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	tz_cache_clear();
	nftw(tmpdir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(saved_tzdir);
	return 0;
}

/* Tests of files written here point TZDIR at the temporary directory. */
static int
use_tmpdir(void **state)
{
	(void)state;
	tz_cache_clear();
	return setenv("TZDIR", tmpdir, 1);
}

static int
use_system(void **state)
{
	(void)state;
	tz_cache_clear();
	if (saved_tzdir != NULL)
		return setenv("TZDIR", saved_tzdir, 1);
	return unsetenv("TZDIR");
}

#define SYSTEM(f) \
	cmocka_unit_test_setup_teardown(f, use_system, use_system)
#define TMPDIR(f) \
	cmocka_unit_test_setup_teardown(f, use_tmpdir, use_system)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		SYSTEM(test_denver),
		SYSTEM(test_kyiv),
		SYSTEM(test_kiev_link),
		SYSTEM(test_no_dst),
		SYSTEM(test_march_2027),
		SYSTEM(test_skipped_hour),
		SYSTEM(test_repeated_hour),
		SYSTEM(test_round_trip),
		SYSTEM(test_far_future),
		SYSTEM(test_next_change_limit),
		SYSTEM(test_cache),
		SYSTEM(test_bad_names),
		TMPDIR(test_fake_zone),
		TMPDIR(test_corrupt_fields),
		TMPDIR(test_truncated),
		TMPDIR(test_flipped_bytes),
		TMPDIR(test_not_regular),
		TMPDIR(test_footer_rules),
		TMPDIR(test_bad_footers),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
