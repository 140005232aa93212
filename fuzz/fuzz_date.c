/* fuzz_date.c: libFuzzer harness for the date, clock, offset and duration parsers. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A parse that succeeds must survive formatting and parsing again. */
static void
check(int ok)
{
	if (!ok)
		abort();
}

/*
 * The input, as one NUL-terminated string, goes to every parser; what
 * one accepts is formatted and must read back as the same value, so a
 * parser and its formatter can never disagree unnoticed.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = xstrndup((const char *)data, size);
	char *cause = NULL;
	char buf[48];
	pdate dt, dt2;
	int mins;
	int64_t secs, secs2;
	struct span sp, sp2;

	if (date_parse(s, &dt, &cause) == 0) {
		date_format(dt, buf);
		check(date_parse(buf, &dt2, &cause) == 0 && dt2 == dt);
	}
	free(cause);
	cause = NULL;
	if (clock_parse(s, &mins, &cause) == 0)
		check(mins >= 0 && mins <= 24 * 60);
	free(cause);
	cause = NULL;
	if (duration_parse(s, &secs, &cause) == 0) {
		check(secs >= 0);
		duration_format(secs, buf);
		check(duration_parse(buf, &secs2, &cause) == 0 &&
		    secs2 == secs);
	}
	free(cause);
	cause = NULL;
	if (span_parse(s, &sp, &cause) == 0) {
		span_format(&sp, buf);
		check(span_parse(buf, &sp2, &cause) == 0 &&
		    sp2.months == sp.months && sp2.days == sp.days &&
		    sp2.secs == sp.secs);
		/* Applying it near the year limits must not overflow. */
		(void)span_add_date(date_from_ymd(DATE_MIN_YEAR, 1, 1), &sp);
		(void)span_add_date(date_from_ymd(DATE_MAX_YEAR, 12, 31), &sp);
		(void)span_add_time(0, &sp);
	}
	free(cause);
	free(s);
	return 0;
}
