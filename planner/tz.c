/* tz.c: IANA time zones from TZif files (RFC 8536) and their POSIX TZ rules. */
#define _POSIX_C_SOURCE 200809L
#include "tz.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

#define TZ_DEFAULT_DIR	"/usr/share/zoneinfo"
#define TZ_NAME_MAX	128		/* the longest IANA name is 32 */
#define TZ_FILE_MAX	(1024 * 1024)	/* real zones are under 4 KiB */
#define TZ_STRING_MAX	255
#define ABBR_MAX	32
/*
 * Footer rules are expanded into the transition table for these years, so
 * every lookup a plan can make is one binary search; later instants
 * evaluate the rule directly, and none is computed past year 9999.
 */
#define GEN_FIRST_YEAR	(DATE_MIN_YEAR - 2)
#define GEN_LAST_YEAR	(DATE_MAX_YEAR + 1)
#define RULE_MIN_TIME	(-INT64_C(62135596800))	/* 0001-01-01 */
#define RULE_MAX_TIME	INT64_C(253402300799)	/* 9999-12-31 */
/* Offsets allowed by RFC 8536: -25:59:59 .. +25:59:59. */
#define UTOFF_MIN	(-89999)
#define UTOFF_MAX	93599
/* tz_to_utc looks this far either side; offsets stay under 26 hours. */
#define WALK_SPAN	(2 * SECS_PER_DAY)
#define WALK_MAX	1000

struct ttype {
	int32_t off;		/* east of UTC */
	int isdst;
	const char *abbr;	/* into the zone's designations or rule */
};

enum rule_kind { RULE_JULIAN, RULE_ZERO, RULE_MONTH };

/* A POSIX TZ change date: Jn, n, or Mm.w.d, and local time of day. */
struct rule {
	enum rule_kind kind;
	int day, week, month;
	int32_t time;
};

/* The footer's TZ string, e.g. "MST7MDT,M3.2.0,M11.1.0". */
struct posix {
	int32_t std_off, dst_off;	/* east of UTC, unlike POSIX */
	char std_abbr[ABBR_MAX], dst_abbr[ABBR_MAX];
	int has_dst;
	struct rule start, end;
};

struct tz {
	struct tz *next;	/* in the cache */
	char *name;
	ptime *at;		/* transitions, strictly ascending */
	uint16_t *type;		/* type in force from at[i] */
	size_t n, nfile;	/* all transitions, and those from the file */
	struct ttype *types;
	size_t ntypes;
	char *chars;		/* designations from the file */
	int has_rule;
	struct posix rule;
	int std_type, dst_type;
};

/* A footer rule's change in one year; dst says which way. */
struct event {
	ptime at;
	int dst;
};

struct reader {
	const unsigned char *p;
	size_t len, off;
};

struct header {
	int version;
	uint32_t isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt;
};

static struct tz *cache;
/* Threads making staffing's cands, plans' JSON and calendars ask for
 * zones at once: the cache is walked and grown under this. */
static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;

static void
tz_free(struct tz *z)
{
	if (z == NULL)
		return;
	free(z->name);
	free(z->at);
	free(z->type);
	free(z->types);
	free(z->chars);
	free(z);
}

static int
name_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '+' || c == '-';
}

/* IANA names are ASCII segments; anything else could walk the tree. */
static int
name_ok(const char *name)
{
	const char *s;
	size_t seg = 0;

	if (*name == '\0' || strlen(name) > TZ_NAME_MAX)
		return 0;
	for (s = name; *s != '\0'; s++) {
		if (*s == '/') {
			if (seg == 0)
				return 0;
			seg = 0;
		} else if (name_char(*s))
			seg++;
		else
			return 0;
	}
	return seg != 0;
}

/* The next n bytes; check_counts has made sure the whole block is there. */
static const unsigned char *
advance(struct reader *r, size_t n)
{
	const unsigned char *p = r->p + r->off;

	assert(n <= r->len - r->off);
	r->off += n;
	return p;
}

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

static int64_t
be64(const unsigned char *p)
{
	return (int64_t)((uint64_t)be32(p) << 32 | be32(p + 4));
}

static int
read_header(struct reader *r, struct header *h, const char **why)
{
	const unsigned char *p;

	if (r->len - r->off < 44) {
		*why = "truncated header";
		return -1;
	}
	p = advance(r, 44);
	if (memcmp(p, "TZif", 4) != 0) {
		*why = "bad magic";
		return -1;
	}
	/* Versions after 4 promise to stay readable as version 4. */
	if (p[4] != 0 && p[4] < '2') {
		*why = "unknown version";
		return -1;
	}
	h->version = p[4] == 0 ? 1 : p[4] - '0';
	h->isutcnt = be32(p + 20);
	h->isstdcnt = be32(p + 24);
	h->leapcnt = be32(p + 28);
	h->timecnt = be32(p + 32);
	h->typecnt = be32(p + 36);
	h->charcnt = be32(p + 40);
	return 0;
}

/* Bytes in a data block; 64-bit, so no count can overflow it. */
static uint64_t
block_size(const struct header *h, int tsize)
{
	return (uint64_t)h->timecnt * (tsize + 1) + (uint64_t)h->typecnt * 6 +
	    h->charcnt + (uint64_t)h->leapcnt * (tsize + 4) + h->isstdcnt +
	    h->isutcnt;
}

static int
check_counts(const struct reader *r, const struct header *h, int tsize,
    const char **why)
{
	if (block_size(h, tsize) > r->len - r->off)
		*why = "truncated data";
	else if (h->typecnt == 0 || h->typecnt > 256)
		*why = "bad number of local time types";
	else if (h->charcnt == 0)
		*why = "no time zone designations";
	else if (h->isutcnt != 0 && h->isutcnt != h->typecnt)
		*why = "bad UT indicator count";
	else if (h->isstdcnt != 0 && h->isstdcnt != h->typecnt)
		*why = "bad standard indicator count";
	else if (h->leapcnt != 0)
		/* "right/" zones count leap seconds; planner does not. */
		*why = "leap seconds are not supported";
	else
		return 0;
	return -1;
}

static int
read_transitions(struct tz *z, struct reader *r, const struct header *h,
    int tsize, const char **why)
{
	const unsigned char *p, *idx;
	size_t i;

	p = advance(r, (size_t)h->timecnt * tsize);
	idx = advance(r, h->timecnt);
	z->n = z->nfile = h->timecnt;
	z->at = xreallocarray(NULL, z->n, sizeof(*z->at));
	z->type = xreallocarray(NULL, z->n, sizeof(*z->type));
	for (i = 0; i < z->n; i++) {
		z->at[i] = tsize == 8 ? be64(p + 8 * i) :
		    (int32_t)be32(p + 4 * i);
		z->type[i] = idx[i];
		if (idx[i] >= h->typecnt) {
			*why = "bad transition type";
			return -1;
		}
		if (i > 0 && z->at[i] <= z->at[i - 1]) {
			*why = "transitions out of order";
			return -1;
		}
	}
	return 0;
}

static int
read_types(struct tz *z, struct reader *r, const struct header *h,
    const char **why)
{
	const unsigned char *p, *chars;
	size_t i;
	uint32_t di;

	p = advance(r, (size_t)h->typecnt * 6);
	chars = advance(r, h->charcnt);
	z->chars = xmalloc(h->charcnt);
	memcpy(z->chars, chars, h->charcnt);
	/* Two spare slots for the footer rule's types. */
	z->types = xreallocarray(NULL, h->typecnt + 2, sizeof(*z->types));
	z->ntypes = h->typecnt;
	for (i = 0; i < z->ntypes; i++, p += 6) {
		z->types[i].off = (int32_t)be32(p);
		z->types[i].isdst = p[4];
		di = p[5];
		if (z->types[i].off < UTOFF_MIN ||
		    z->types[i].off > UTOFF_MAX || p[4] > 1) {
			*why = "bad local time type";
			return -1;
		}
		if (di >= h->charcnt ||
		    memchr(z->chars + di, '\0', h->charcnt - di) == NULL) {
			*why = "bad time zone designation";
			return -1;
		}
		z->types[i].abbr = z->chars + di;
	}
	return 0;
}

static int
read_indicators(struct reader *r, const struct header *h, const char **why)
{
	const unsigned char *p;
	size_t i, n = (size_t)h->isstdcnt + h->isutcnt;

	p = advance(r, n);
	for (i = 0; i < n; i++) {
		if (p[i] > 1) {
			*why = "bad indicator";
			return -1;
		}
	}
	return 0;
}

/* One data block; the leap-second records are refused by check_counts. */
static int
read_data(struct tz *z, struct reader *r, const struct header *h, int tsize,
    const char **why)
{
	if (check_counts(r, h, tsize, why) == -1 ||
	    read_transitions(z, r, h, tsize, why) == -1 ||
	    read_types(z, r, h, why) == -1 ||
	    read_indicators(r, h, why) == -1)
		return -1;
	return 0;
}

/* Up to maxdigits decimal digits, at most max. */
static const char *
posix_num(const char *s, int maxdigits, int max, int *v)
{
	int i;

	if (*s < '0' || *s > '9')
		return NULL;
	for (*v = 0, i = 0; i < maxdigits && *s >= '0' && *s <= '9'; i++)
		*v = *v * 10 + (*s++ - '0');
	return *v > max ? NULL : s;
}

/* [+-]hh[:mm[:ss]]: an offset (hours to 24) or, by RFC 8536, a time (167). */
static const char *
posix_hms(const char *s, int maxh, int32_t *secs)
{
	int sign = 1, h, m = 0, sec = 0;

	if (*s == '+' || *s == '-')
		sign = *s++ == '-' ? -1 : 1;
	if ((s = posix_num(s, 3, maxh, &h)) == NULL)
		return NULL;
	if (*s == ':' && (s = posix_num(s + 1, 2, 59, &m)) != NULL &&
	    *s == ':')
		s = posix_num(s + 1, 2, 59, &sec);
	if (s == NULL)
		return NULL;
	*secs = sign * (h * 3600 + m * 60 + sec);
	return s;
}

/* A designation: three or more letters, or <...> with digits and signs. */
static const char *
posix_abbr(const char *s, char abbr[ABBR_MAX])
{
	const char *allowed = "+-0123456789";
	size_t n = 0;
	int quoted = *s == '<';

	if (quoted)
		s++;
	while ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
	    (quoted && *s != '\0' && strchr(allowed, *s) != NULL)) {
		if (n == ABBR_MAX - 1)
			return NULL;
		abbr[n++] = *s++;
	}
	abbr[n] = '\0';
	if (n < 3 || (quoted && *s++ != '>'))
		return NULL;
	return s;
}

static const char *
posix_rule(const char *s, struct rule *r)
{
	r->time = 2 * 3600;
	if (*s == 'J') {
		r->kind = RULE_JULIAN;
		s = posix_num(s + 1, 3, 365, &r->day);
		if (s != NULL && r->day == 0)
			return NULL;
	} else if (*s == 'M') {
		r->kind = RULE_MONTH;
		if ((s = posix_num(s + 1, 2, 12, &r->month)) == NULL ||
		    r->month == 0 || *s != '.' ||
		    (s = posix_num(s + 1, 1, 5, &r->week)) == NULL ||
		    r->week == 0 || *s != '.' ||
		    (s = posix_num(s + 1, 1, 6, &r->day)) == NULL)
			return NULL;
	} else {
		r->kind = RULE_ZERO;
		s = posix_num(s, 3, 365, &r->day);
	}
	if (s != NULL && *s == '/')
		s = posix_hms(s + 1, 167, &r->time);
	return s;
}

/* The part after the standard time: DST name, offset and rules. */
static const char *
posix_dst(const char *s, struct posix *p)
{
	int32_t off;

	if ((s = posix_abbr(s, p->dst_abbr)) == NULL)
		return NULL;
	p->has_dst = 1;
	p->dst_off = p->std_off + 3600;
	if (*s != ',') {
		if ((s = posix_hms(s, 24, &off)) == NULL)
			return NULL;
		p->dst_off = -off;
	}
	/*
	 * Without rules POSIX leaves the dates to the system; zic always
	 * writes them, and Python's zoneinfo refuses such a file too.
	 */
	if (*s++ != ',')
		return NULL;
	if ((s = posix_rule(s, &p->start)) == NULL || *s++ != ',')
		return NULL;
	return posix_rule(s, &p->end);
}

static int
posix_parse(const char *s, struct posix *p)
{
	int32_t off;

	memset(p, 0, sizeof(*p));
	if ((s = posix_abbr(s, p->std_abbr)) == NULL ||
	    (s = posix_hms(s, 24, &off)) == NULL)
		return -1;
	p->std_off = -off;
	if (*s != '\0' && (s = posix_dst(s, p)) == NULL)
		return -1;
	return *s == '\0' ? 0 : -1;
}

/* "\n" TZ-string "\n", ending the file; an empty string means no rule. */
static int
read_footer(struct tz *z, struct reader *r, const char **why)
{
	const unsigned char *p = r->p + r->off, *nl;
	size_t rest = r->len - r->off, n;
	char s[TZ_STRING_MAX + 1];

	if (rest < 2 || p[0] != '\n' ||
	    (nl = memchr(p + 1, '\n', rest - 1)) == NULL) {
		*why = "missing TZ string";
		return -1;
	}
	n = (size_t)(nl - p - 1);
	if (nl != p + rest - 1) {
		*why = "data after TZ string";
		return -1;
	}
	if (n == 0)
		return 0;
	if (n > TZ_STRING_MAX || memchr(p + 1, '\0', n) != NULL) {
		*why = "bad TZ string";
		return -1;
	}
	memcpy(s, p + 1, n);
	s[n] = '\0';
	if (posix_parse(s, &z->rule) == -1) {
		*why = "bad TZ string";
		return -1;
	}
	z->has_rule = 1;
	return 0;
}

/* The day a rule names in year y. */
static pdate
rule_day(const struct rule *r, int y)
{
	pdate first, d;
	int wd;

	if (r->kind == RULE_JULIAN) {
		/* Jn never counts 29 February. */
		d = date_from_ymd(y, 1, 1) + r->day - 1;
		return d + (r->day >= 60 && date_days_in_month(y, 2) == 29);
	}
	if (r->kind == RULE_ZERO)
		return date_from_ymd(y, 1, 1) + r->day;
	first = date_from_ymd(y, r->month, 1);
	wd = (date_weekday(first) + 1) % 7;	/* POSIX: 0 is Sunday */
	d = first + (r->day - wd + 7) % 7 + 7 * (r->week - 1);
	/* Week 5 means the last such day, which may be in week 4. */
	while (d - first >= date_days_in_month(y, r->month))
		d -= 7;
	return d;
}

/* Start times are in standard time and end times in daylight time. */
static void
rule_events(const struct posix *p, int y, struct event ev[2])
{
	ev[0].at = (ptime)rule_day(&p->start, y) * SECS_PER_DAY +
	    p->start.time - p->std_off;
	ev[0].dst = 1;
	ev[1].at = (ptime)rule_day(&p->end, y) * SECS_PER_DAY +
	    p->end.time - p->dst_off;
	ev[1].dst = 0;
}

/*
 * By time; at a tie the start sorts last and so wins, which is how a
 * rule like "0/0,J365/25" keeps daylight time all year.
 */
static int
event_cmp(const void *a, const void *b)
{
	const struct event *x = a, *y = b;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return x->dst - y->dst;
}

static void
year_events(const struct posix *p, int y0, int y1, struct event *ev)
{
	int y;

	for (y = y0; y <= y1; y++)
		rule_events(p, y, ev + 2 * (y - y0));
	qsort(ev, (size_t)(y1 - y0 + 1) * 2, sizeof(*ev), event_cmp);
}

static int
year_of(ptime t)
{
	int y, m, d;

	date_to_ymd(date_of(t), &y, &m, &d);
	return y;
}

/* The index of a type like this one, added if the file has none. */
static int
add_type(struct tz *z, int32_t off, int isdst, const char *abbr)
{
	size_t i;

	for (i = 0; i < z->ntypes; i++)
		if (z->types[i].off == off && z->types[i].isdst == isdst &&
		    strcmp(z->types[i].abbr, abbr) == 0)
			return (int)i;
	z->types[z->ntypes].off = off;
	z->types[z->ntypes].isdst = isdst;
	z->types[z->ntypes].abbr = abbr;
	return (int)z->ntypes++;
}

static void
push_transition(struct tz *z, ptime at, int type, size_t *cap)
{
	if (z->n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		z->at = xreallocarray(z->at, *cap, sizeof(*z->at));
		z->type = xreallocarray(z->type, *cap, sizeof(*z->type));
	}
	z->at[z->n] = at;
	z->type[z->n++] = (uint16_t)type;
}

static ptime
year_start(int y)
{
	return (ptime)date_from_ymd(y, 1, 1) * SECS_PER_DAY;
}

/*
 * Append the rule's changes after the file's last transition and before
 * GEN_LAST_YEAR ends. One more year is computed than kept, so that a
 * change tied with the next year's (DST all year) resolves as it will
 * when the rule is evaluated directly.
 */
static void
extend(struct tz *z)
{
	struct event *ev;
	ptime last = z->nfile ? z->at[z->nfile - 1] : INT64_MIN;
	ptime cut = year_start(GEN_LAST_YEAR + 1);
	size_t i, nev, cap = z->n;
	int y0 = GEN_FIRST_YEAR, cur, ty;

	if (last >= cut)
		return;
	if (last > year_start(y0))
		y0 = year_of(last) - 1;
	nev = (size_t)(GEN_LAST_YEAR + 1 - y0 + 1) * 2;
	ev = xreallocarray(NULL, nev, sizeof(*ev));
	year_events(&z->rule, y0, GEN_LAST_YEAR + 1, ev);
	cur = z->nfile ? z->type[z->nfile - 1] : z->std_type;
	for (i = 0; i < nev && ev[i].at < cut; i++) {
		if (ev[i].at <= last ||
		    (i + 1 < nev && ev[i + 1].at == ev[i].at))
			continue;
		ty = ev[i].dst ? z->dst_type : z->std_type;
		if (ty != cur)
			push_transition(z, ev[i].at, ty, &cap);
		cur = ty;
	}
	free(ev);
}

static void
add_rule_types(struct tz *z)
{
	const struct posix *p = &z->rule;

	z->std_type = add_type(z, p->std_off, 0, p->std_abbr);
	z->dst_type = z->std_type;
	if (p->has_dst) {
		z->dst_type = add_type(z, p->dst_off, 1, p->dst_abbr);
		extend(z);
	}
}

static struct tz *
tz_parse(const char *name, const unsigned char *buf, size_t len,
    const char **why)
{
	struct reader r = { buf, len, 0 };
	struct header h;
	struct tz *z = xcalloc(1, sizeof(*z));

	z->name = xstrdup(name);
	if (read_header(&r, &h, why) == -1)
		goto fail;
	if (h.version >= 2) {
		/* Skip the 32-bit block: version 2 repeats it in 64 bits. */
		if (block_size(&h, 4) > r.len - r.off) {
			*why = "truncated data";
			goto fail;
		}
		r.off += (size_t)block_size(&h, 4);
		if (read_header(&r, &h, why) == -1 ||
		    read_data(z, &r, &h, 8, why) == -1 ||
		    read_footer(z, &r, why) == -1)
			goto fail;
	} else if (read_data(z, &r, &h, 4, why) == -1)
		goto fail;
	else if (r.off != r.len) {
		*why = "data after the last block";
		goto fail;
	}
	if (z->has_rule)
		add_rule_types(z);
	return z;
fail:
	tz_free(z);
	return NULL;
}

/* Read a regular file, refusing FIFOs and devices without blocking. */
static unsigned char *
slurp(int fd, size_t *len, const char **why)
{
	struct stat st;
	unsigned char *buf;
	size_t got = 0;
	ssize_t n;

	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		*why = NULL;
		return NULL;
	}
	if (st.st_size > TZ_FILE_MAX) {
		*why = "file too large";
		return NULL;
	}
	buf = xmalloc((size_t)st.st_size);
	while (got < (size_t)st.st_size) {
		n = read(fd, buf + got, (size_t)st.st_size - got);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	*len = got;
	return buf;
}

/*
 * "unknown time zone 'X'", with the nearest known name when tzdata's
 * compact source (tzdata.zi) lists one: zones first, then links, so a
 * canonical name wins a tie.
 */
static char *
unknown_zone(const char *dir, const char *name)
{
	char *path = xasprintf("%s/tzdata.zi", dir), *text, *line, *save;
	char **names = NULL, *msg;
	size_t n = 0, cap = 0, i;
	const char *near = NULL;
	int pass;

	text = read_file(path, 4 * 1024 * 1024, NULL);
	free(path);
	for (pass = 0; text != NULL && pass < 2; pass++) {
		char *copy = xstrdup(text);

		for (line = strtok_r(copy, "\n", &save); line != NULL;
		    line = strtok_r(NULL, "\n", &save)) {
			char *w = NULL;

			if (pass == 0 && strncmp(line, "Z ", 2) == 0)
				w = line + 2;
			else if (pass == 1 && strncmp(line, "L ", 2) == 0 &&
			    (w = strchr(line + 2, ' ')) != NULL)
				w++;
			if (w != NULL)
				VEC_PUSH(names, n, cap) = xstrndup(w,
				    strcspn(w, " "));
		}
		free(copy);
	}
	if (n > 0)
		near = closest_word(name, (const char *const *)names, n);
	msg = near != NULL ? xasprintf("unknown time zone '%s'; did you mean "
	    "'%s'?", name, near) : xasprintf("unknown time zone '%s'", name);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(text);
	return msg;
}

static struct tz *
tz_load(const char *name, char **cause)
{
	const char *dir = getenv("TZDIR"), *why = NULL;
	char *path;
	unsigned char *buf = NULL;
	struct tz *z = NULL;
	size_t len = 0;
	int fd;

	if (dir == NULL || *dir == '\0')
		dir = TZ_DEFAULT_DIR;
	path = xasprintf("%s/%s", dir, name);
	fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd == -1 && errno != ENOENT && errno != ENOTDIR) {
		*cause = xasprintf("cannot read time zone '%s': %s", name,
		    strerror(errno));
		goto out;
	}
	if (fd == -1 || (buf = slurp(fd, &len, &why)) == NULL) {
		if (why == NULL)
			*cause = unknown_zone(dir, name);
		else
			*cause = xasprintf("time zone '%s' is not valid TZif: "
			    "%s", name, why);
		goto out;
	}
	if ((z = tz_parse(name, buf, len, &why)) == NULL)
		*cause = xasprintf("time zone '%s' is not valid TZif: %s",
		    name, why);
out:
	if (fd != -1)
		close(fd);
	free(buf);
	free(path);
	return z;
}

/*
 * Several callers pass a NULL cause for names the schema has already
 * checked; the message is then dropped rather than dereferenced.
 */
const struct tz *
tz_get(const char *name, char **cause)
{
	struct tz *z;
	char *msg = NULL;

	if (!name_ok(name)) {
		msg = xasprintf("bad time zone name '%.*s'", TZ_NAME_MAX,
		    name);
		goto fail;
	}
	pthread_mutex_lock(&cache_lock);
	for (z = cache; z != NULL; z = z->next)
		if (strcmp(z->name, name) == 0)
			break;
	if (z == NULL && (z = tz_load(name, &msg)) != NULL) {
		z->next = cache;
		cache = z;
	}
	pthread_mutex_unlock(&cache_lock);
	if (z != NULL)
		return z;
fail:
	if (cause != NULL)
		*cause = msg;
	else
		free(msg);
	return NULL;
}

void
tz_cache_clear(void)
{
	struct tz *z, *next;

	pthread_mutex_lock(&cache_lock);
	for (z = cache; z != NULL; z = next) {
		next = z->next;
		tz_free(z);
	}
	cache = NULL;
	pthread_mutex_unlock(&cache_lock);
}

const char *
tz_name(const struct tz *z)
{
	return z->name;
}

/* Outside the table: evaluate the rule around t's year. */
static int
rule_type_at(const struct tz *z, ptime t, ptime *until, int fallback)
{
	struct event ev[10];
	ptime c = t < RULE_MIN_TIME ? RULE_MIN_TIME :
	    t > RULE_MAX_TIME ? RULE_MAX_TIME : t;
	int y, ty = fallback;
	size_t i;

	*until = INT64_MAX;
	/* Before the year: zones without daylight time (Phoenix, Mexico
	 * City) end their tables early and land here on every look-up. */
	if (!z->rule.has_dst)
		return z->std_type;
	y = year_of(c);
	year_events(&z->rule, y - 2, y + 2, ev);
	for (i = 0; i < NELEM(ev); i++) {
		if (ev[i].at <= t)
			ty = ev[i].dst ? z->dst_type : z->std_type;
		else if (*until == INT64_MAX)
			*until = ev[i].at;
	}
	return ty;
}

/* The type in force at t, and the next transition after t in *until. */
static int
type_at(const struct tz *z, ptime t, ptime *until)
{
	size_t lo = 0, hi = z->n, mid;
	int ty;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (z->at[mid] <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* A file of only a rule: the rule holds before the table too. */
	if (lo == 0 && z->nfile == 0 && z->has_rule) {
		ty = rule_type_at(z, t, until, z->std_type);
		if (z->n > 0 && *until > z->at[0])
			*until = z->at[0];
		return ty;
	}
	if (lo < z->n) {
		*until = z->at[lo];
		return lo == 0 ? 0 : z->type[lo - 1];
	}
	if (z->has_rule)
		return rule_type_at(z, t, until, lo ? z->type[lo - 1] : 0);
	*until = INT64_MAX;
	return lo == 0 ? 0 : z->type[lo - 1];
}

int
tz_offset(const struct tz *z, ptime t)
{
	ptime until;

	return z->types[type_at(z, t, &until)].off;
}

const char *
tz_abbr(const struct tz *z, ptime t)
{
	ptime until;

	return z->types[type_at(z, t, &until)].abbr;
}

/*
 * Walk the offsets in force over two days either side of the wall time:
 * the first interval that contains wall - offset is the first occurrence;
 * if none does, the wall time fell in a gap, found where the local clock
 * jumped over it.
 */
ptime
tz_to_utc(const struct tz *z, pdate d, int secs, int *adjusted)
{
	ptime wall = (ptime)d * SECS_PER_DAY + secs;
	ptime t = wall - WALK_SPAN, until, cand, result = wall;
	int32_t off, prev = 0;
	int i, gap = 0;

	for (i = 0; i < WALK_MAX && t <= wall + WALK_SPAN; i++) {
		off = z->types[type_at(z, t, &until)].off;
		if (i > 0 && !gap && t + prev <= wall && wall < t + off) {
			gap = 1;
			result = wall - prev;
		}
		cand = wall - off;
		if (cand >= t && cand < until) {
			if (adjusted != NULL)
				*adjusted = 0;
			return cand;
		}
		if (until == INT64_MAX)
			break;
		prev = off;
		t = until;
	}
	if (!gap)
		result = wall - tz_offset(z, wall);
	if (adjusted != NULL)
		*adjusted = 1;
	return result;
}

void
tz_to_local(const struct tz *z, ptime t, pdate *d, int *secs)
{
	ptime wall = t + tz_offset(z, t);

	*d = date_of(wall);
	*secs = (int)(wall - (ptime)*d * SECS_PER_DAY);
}

int
tz_next_change(const struct tz *z, ptime t, ptime limit, ptime *next)
{
	ptime until, after;
	int32_t off = z->types[type_at(z, t, &until)].off;

	while (until < limit) {
		if (z->types[type_at(z, until, &after)].off != off) {
			*next = until;
			return 1;
		}
		until = after;
	}
	return 0;
}
