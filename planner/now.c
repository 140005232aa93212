/* now.c: the time a command acts at, pinned by SOURCE_DATE_EPOCH for reproducible runs. */
#include "now.h"

#include <stdlib.h>
#include <time.h>

#include "util.h"

/* 9999-12-31T23:59:59Z: past it, dates no longer have four digits. */
#define NOW_MAX 253402300799

int
now_get(ptime *out, char **cause)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	const char *p;
	ptime t = 0;

	if (s == NULL || *s == '\0') {
		*out = (ptime)time(NULL);
		return 0;
	}
	for (p = s; *p != '\0'; p++) {
		if (*p < '0' || *p > '9' || t > NOW_MAX / 10)
			goto bad;
		t = t * 10 + (*p - '0');
	}
	if (t > NOW_MAX)
		goto bad;
	*out = t;
	return 0;
bad:
	*cause = xasprintf("invalid SOURCE_DATE_EPOCH '%s': expected seconds "
	    "since 1970 up to year 9999", s);
	return -1;
}
