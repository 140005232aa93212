/* date.c: Gregorian day arithmetic, calendar offsets and their text forms. */
#include "date.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "util.h"

/* Bounds on a parsed offset: nothing planned is 300 years away. */
#define SPAN_MAX_MONTHS	(12 * 300)
#define SPAN_MAX_DAYS	(366 * 300)
#define SPAN_MAX_SECS	((int64_t)366 * 300 * SECS_PER_DAY)
/* Any single number past this is refused before arithmetic can overflow. */
#define NUMBER_MAX	INT64_C(999999999999)

/* Units of an offset, largest first; parsers insist on this order. */
enum unit { U_YEAR, U_MONTH, U_WEEK, U_DAY, U_HOUR, U_MIN, U_SEC, NUNITS };

struct parts {
	int64_t v[NUNITS];
	unsigned written;	/* bit per unit */
};

static const char *const month_names[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

/* C's division truncates toward zero; days and eras must round down. */
static int64_t
floordiv(int64_t a, int64_t b)
{
	int64_t q = a / b;

	if (a % b != 0 && (a < 0) != (b < 0))
		q--;
	return q;
}

static int
is_leap(int64_t y)
{
	return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

/*
 * Days from civil, after Howard Hinnant's "chrono-Compatible Low-Level
 * Date Algorithms": shifting the year to start in March puts the leap day
 * last, so month lengths follow a fixed 153-day pattern.
 */
pdate
date_from_ymd(int y, int m, int d)
{
	int64_t yy = (int64_t)y - (m <= 2);
	int64_t era = floordiv(yy, 400);
	int64_t yoe = yy - era * 400;
	int64_t doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return (pdate)(era * 146097 + doe - 719468);
}

void
date_to_ymd(pdate dt, int *y, int *m, int *d)
{
	int64_t z = (int64_t)dt + 719468;
	int64_t era = floordiv(z, 146097);
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;

	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int
date_weekday(pdate dt)
{
	/* 1970-01-01 was a Thursday. */
	int64_t r = ((int64_t)dt + 3) % 7;

	return (int)(r < 0 ? r + 7 : r);
}

int
date_days_in_month(int y, int m)
{
	static const int days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m < 1 || m > 12)
		return 0;
	return days[m - 1] + (m == 2 && is_leap(y));
}

int
date_valid_ymd(int y, int m, int d)
{
	return y >= DATE_MIN_YEAR && y <= DATE_MAX_YEAR && m >= 1 &&
	    m <= 12 && d >= 1 && d <= date_days_in_month(y, m);
}

pdate
date_add_months(pdate dt, int months)
{
	int y, m, d, dim;
	int64_t idx, ny;

	date_to_ymd(dt, &y, &m, &d);
	idx = (int64_t)y * 12 + (m - 1) + months;
	ny = floordiv(idx, 12);
	m = (int)(idx - ny * 12) + 1;
	dim = date_days_in_month((int)ny, m);
	return date_from_ymd((int)ny, m, d < dim ? d : dim);
}

pdate
date_of(ptime t)
{
	return (pdate)floordiv(t, SECS_PER_DAY);
}

/* Exactly n ASCII digits (isdigit() would follow the locale). */
static int
fixed_digits(const char *s, int n, int *v)
{
	int i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		*v = *v * 10 + (s[i] - '0');
	}
	return 1;
}

int
date_parse(const char *s, pdate *out, char **cause)
{
	int y, m, d;

	if (strlen(s) != 10 || !fixed_digits(s, 4, &y) || s[4] != '-' ||
	    !fixed_digits(s + 5, 2, &m) || s[7] != '-' ||
	    !fixed_digits(s + 8, 2, &d)) {
		*cause = xasprintf("bad date '%s': expected YYYY-MM-DD", s);
		return -1;
	}
	if (y < DATE_MIN_YEAR || y > DATE_MAX_YEAR) {
		*cause = xasprintf("year %d is outside %d..%d", y,
		    DATE_MIN_YEAR, DATE_MAX_YEAR);
		return -1;
	}
	if (m < 1 || m > 12) {
		*cause = xasprintf("month %d is outside 1..12", m);
		return -1;
	}
	if (d < 1) {
		*cause = xasprintf("day %d is outside 1..31", d);
		return -1;
	}
	if (d > date_days_in_month(y, m)) {
		*cause = xasprintf("day %d is past the end of %s %d", d,
		    month_names[m - 1], y);
		return -1;
	}
	*out = date_from_ymd(y, m, d);
	return 0;
}

int
clock_parse(const char *s, int *minutes, char **cause)
{
	int h, m;

	if (strlen(s) != 5 || !fixed_digits(s, 2, &h) || s[2] != ':' ||
	    !fixed_digits(s + 3, 2, &m)) {
		*cause = xasprintf("bad time '%s': expected HH:MM", s);
		return -1;
	}
	if (h > 24) {
		*cause = xasprintf("hour %d is outside 00..24", h);
		return -1;
	}
	if (m > 59) {
		*cause = xasprintf("minute %d is outside 00..59", m);
		return -1;
	}
	if (h == 24 && m != 0) {
		*cause = xasprintf("time '%s' is past 24:00", s);
		return -1;
	}
	*minutes = h * 60 + m;
	return 0;
}

/* Describe the character where parsing stopped, for an error. */
static void
why_unexpected(char *why, size_t len, const char *s)
{
	unsigned char c = (unsigned char)*s;

	if (c == '\0')
		snprintf(why, len, "ends too early");
	else if (c >= ' ' && c < 0x7f)
		snprintf(why, len, "unexpected '%c'", c);
	else
		snprintf(why, len, "unexpected byte 0x%02x", c);
}

/* A run of digits, bounded so later multiplication cannot overflow. */
static int
number(const char **sp, int64_t *v, char *why, size_t len)
{
	const char *s = *sp;

	if (*s < '0' || *s > '9') {
		why_unexpected(why, len, s);
		return -1;
	}
	for (*v = 0; *s >= '0' && *s <= '9'; s++) {
		*v = *v * 10 + (*s - '0');
		if (*v > NUMBER_MAX) {
			snprintf(why, len, "number too large");
			return -1;
		}
	}
	*sp = s;
	return 0;
}

/* Record one number+unit; units must come largest first, once each. */
static int
put_part(struct parts *p, int u, int64_t v, char *why, size_t len)
{
	if (p->written >> u) {
		snprintf(why, len, "units out of order or repeated");
		return -1;
	}
	p->v[u] = v;
	p->written |= 1u << u;
	return 0;
}

static int
compact_unit(const char *s, size_t n)
{
	static const char *const names[NUNITS] = {
		"y", "mo", "w", "d", "h", "m", "s"
	};
	int u;

	for (u = 0; u < NUNITS; u++)
		if (strlen(names[u]) == n && strncmp(s, names[u], n) == 0)
			return u;
	return -1;
}

/* Planner style: "6w", "2h30m", "1mo2w", or "0" alone. */
static int
parse_compact(const char *s, struct parts *p, char *why, size_t len)
{
	int64_t v;
	size_t n;
	int u;

	if (strcmp(s, "0") == 0)
		return 0;
	do {
		if (number(&s, &v, why, len) == -1)
			return -1;
		n = strspn(s, "abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
		if (n == 0) {
			if (*s == '\0')
				snprintf(why, len, "number without a unit");
			else
				why_unexpected(why, len, s);
			return -1;
		}
		if ((u = compact_unit(s, n)) == -1) {
			snprintf(why, len, "unknown unit '%.*s'",
			    n > 8 ? 8 : (int)n, s);
			return -1;
		}
		if (put_part(p, u, v, why, len) == -1)
			return -1;
		s += n;
	} while (*s != '\0');
	return 0;
}

/* The designators of one half of an ISO 8601 duration, and their units. */
static int
iso_half(const char **sp, const char *designators, const enum unit *units,
    struct parts *p, char *why, size_t len)
{
	const char *s = *sp, *c;
	int64_t v;

	while (*s != '\0' && *s != 'T') {
		if (number(&s, &v, why, len) == -1)
			return -1;
		if (*s == '\0' || (c = strchr(designators, *s)) == NULL) {
			why_unexpected(why, len, s);
			return -1;
		}
		if (put_part(p, units[c - designators], v, why, len) == -1)
			return -1;
		s++;
	}
	*sp = s;
	return 0;
}

/* ISO 8601 after the 'P': [nY][nM][nW][nD][T[nH][nM][nS]]. */
static int
parse_iso(const char *s, struct parts *p, char *why, size_t len)
{
	static const enum unit date_units[] = {
		U_YEAR, U_MONTH, U_WEEK, U_DAY
	};
	static const enum unit time_units[] = { U_HOUR, U_MIN, U_SEC };
	unsigned before;

	if (iso_half(&s, "YMWD", date_units, p, why, len) == -1)
		return -1;
	if (*s == 'T') {
		s++;
		before = p->written;
		if (iso_half(&s, "HMS", time_units, p, why, len) == -1)
			return -1;
		if (p->written == before) {
			snprintf(why, len, "nothing after 'T'");
			return -1;
		}
		if (*s != '\0') {
			why_unexpected(why, len, s);
			return -1;
		}
	}
	if (p->written == 0) {
		snprintf(why, len, "nothing after 'P'");
		return -1;
	}
	return 0;
}

/* Each number is bounded already, so these sums cannot overflow. */
static int
parts_to_span(const struct parts *p, int neg, struct span *sp, char *why,
    size_t len)
{
	int64_t months = p->v[U_YEAR] * 12 + p->v[U_MONTH];
	int64_t days = p->v[U_WEEK] * 7 + p->v[U_DAY];
	int64_t secs = p->v[U_HOUR] * 3600 + p->v[U_MIN] * 60 + p->v[U_SEC];

	if (months > SPAN_MAX_MONTHS || days > SPAN_MAX_DAYS ||
	    secs > SPAN_MAX_SECS) {
		snprintf(why, len, "more than 300 years");
		return -1;
	}
	sp->months = (int32_t)(neg ? -months : months);
	sp->days = (int32_t)(neg ? -days : days);
	sp->secs = neg ? -secs : secs;
	sp->has_time = (p->written >> U_HOUR) != 0;
	return 0;
}

/* Either syntax after an optional sign; *written says which units appeared. */
static int
span_scan(const char *s, int signed_ok, struct span *sp, unsigned *written,
    char *why, size_t len)
{
	struct parts p;
	int neg = 0, rc;

	memset(&p, 0, sizeof(p));
	if (*s == '\0') {
		snprintf(why, len, "empty");
		return -1;
	}
	if (*s == '+' || *s == '-') {
		if (!signed_ok) {
			snprintf(why, len, "a length takes no sign");
			return -1;
		}
		neg = *s++ == '-';
		if (*s == '\0') {
			snprintf(why, len, "nothing after the sign");
			return -1;
		}
	}
	if (*s == 'P')
		rc = parse_iso(s + 1, &p, why, len);
	else
		rc = parse_compact(s, &p, why, len);
	if (rc == -1 || parts_to_span(&p, neg, sp, why, len) == -1)
		return -1;
	*written = p.written;
	return 0;
}

int
span_parse(const char *s, struct span *out, char **cause)
{
	struct span sp;
	unsigned written;
	char why[64];

	if (span_scan(s, 1, &sp, &written, why, sizeof(why)) == -1) {
		*cause = xasprintf("bad offset '%s': %s", s, why);
		return -1;
	}
	*out = sp;
	return 0;
}

int
duration_parse(const char *s, int64_t *secs, char **cause)
{
	struct span sp;
	unsigned written;
	int64_t total;
	char why[64];

	if (span_scan(s, 0, &sp, &written, why, sizeof(why)) == -1) {
		*cause = xasprintf("bad duration '%s': %s", s, why);
		return -1;
	}
	if (written & ((1u << U_YEAR) | (1u << U_MONTH))) {
		*cause = xasprintf("bad duration '%s': months and years have "
		    "no fixed length", s);
		return -1;
	}
	total = (int64_t)sp.days * SECS_PER_DAY + sp.secs;
	if (total > SPAN_MAX_SECS) {
		*cause = xasprintf("bad duration '%s': more than 300 years", s);
		return -1;
	}
	*secs = total;
	return 0;
}

pdate
span_add_date(pdate dt, const struct span *sp)
{
	return date_add_months(dt, sp->months) + sp->days;
}

ptime
span_add_time(ptime t, const struct span *sp)
{
	pdate d = date_of(t);
	ptime tod = t - (ptime)d * SECS_PER_DAY;

	d = date_add_months(d, sp->months);
	return ((ptime)d + sp->days) * SECS_PER_DAY + tod + sp->secs;
}

/* Append to a fixed buffer; output past its end is dropped. */
static void PRINTF_LIKE(4, 5)
append(char *buf, size_t size, size_t *used, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (*used >= size)
		return;
	va_start(ap, fmt);
	n = vsnprintf(buf + *used, size - *used, fmt, ap);
	va_end(ap);
	if (n > 0)
		*used += (size_t)n;
}

void
date_format(pdate dt, char buf[static 11])
{
	int y, m, d;
	size_t used = 0;

	date_to_ymd(dt, &y, &m, &d);
	append(buf, 11, &used, "%04d-%02d-%02d", y, m, d);
}

/* Calendar and clock fields of a local instant, without the zone. */
static void
format_wall(ptime t, char *buf, size_t size, size_t *used)
{
	pdate d = date_of(t);
	int secs = (int)(t - (ptime)d * SECS_PER_DAY);
	char day[11];

	date_format(d, day);
	append(buf, size, used, "%sT%02d:%02d:%02d", day, secs / 3600,
	    secs / 60 % 60, secs % 60);
}

void
time_format_utc(ptime t, char buf[static 21])
{
	size_t used = 0;

	format_wall(t, buf, 21, &used);
	append(buf, 21, &used, "Z");
}

void
time_format_offset(ptime t, int offset_secs, char buf[static 26])
{
	size_t used = 0;
	int mins, a;

	/*
	 * RFC 3339 offsets have no seconds, and old local mean times do
	 * (-06:59:56); round the offset to whole minutes and show the wall
	 * clock at that offset, so the text still names instant t exactly.
	 */
	mins = offset_secs >= 0 ? (offset_secs + 30) / 60 :
	    -((-offset_secs + 30) / 60);
	a = mins < 0 ? -mins : mins;
	format_wall(t + (ptime)mins * 60, buf, 26, &used);
	append(buf, 26, &used, "%c%02d:%02d", mins < 0 ? '-' : '+', a / 60,
	    a % 60);
}

/* Magnitude as unsigned, so INT64_MIN does not overflow on negation. */
static uint64_t
magnitude(int64_t v)
{
	return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

static void
format_clock_parts(uint64_t secs, char *buf, size_t size, size_t *used)
{
	if (secs / 3600)
		append(buf, size, used, "%lluh",
		    (unsigned long long)(secs / 3600));
	if (secs / 60 % 60)
		append(buf, size, used, "%llum",
		    (unsigned long long)(secs / 60 % 60));
	if (secs % 60)
		append(buf, size, used, "%llus",
		    (unsigned long long)(secs % 60));
}

void
duration_format(int64_t secs, char buf[static 32])
{
	uint64_t a = magnitude(secs);
	size_t used = 0;

	buf[0] = '\0';
	if (a == 0) {
		append(buf, 32, &used, "0m");
		return;
	}
	if (secs < 0)
		append(buf, 32, &used, "-");
	if (a / SECS_PER_DAY)
		append(buf, 32, &used, "%llud",
		    (unsigned long long)(a / SECS_PER_DAY));
	format_clock_parts(a % SECS_PER_DAY, buf, 32, &used);
}

/*
 * Largest units first, as a planner would write it; "0h" marks a clock
 * part that is zero, so has_time survives a round trip through the text.
 */
void
span_format(const struct span *sp, char buf[static 48])
{
	uint64_t mo = magnitude(sp->months), d = magnitude(sp->days);
	uint64_t s = magnitude(sp->secs);
	size_t used = 0;
	int neg = sp->months < 0 || sp->days < 0 || sp->secs < 0;

	buf[0] = '\0';
	if (mo == 0 && d == 0 && s == 0) {
		append(buf, 48, &used, sp->has_time ? "0h" : "0");
		return;
	}
	append(buf, 48, &used, "%c", neg ? '-' : '+');
	if (mo / 12)
		append(buf, 48, &used, "%lluy", (unsigned long long)(mo / 12));
	if (mo % 12)
		append(buf, 48, &used, "%llumo", (unsigned long long)(mo % 12));
	if (d / 7)
		append(buf, 48, &used, "%lluw", (unsigned long long)(d / 7));
	if (d % 7)
		append(buf, 48, &used, "%llud", (unsigned long long)(d % 7));
	if (sp->has_time && s == 0)
		append(buf, 48, &used, "0h");
	format_clock_parts(s, buf, 48, &used);
}
