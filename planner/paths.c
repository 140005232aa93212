/* paths.c: where bundled data lives and how relative paths in documents resolve. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"	/* PLANNER_VERSION, PLANNER_DATADIR */
#include "paths.h"
#include "util.h"


static int
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The source tree of a binary at <tree>/<build>/planner, if it is one. */
static char *
source_tree(void)
{
	char exe[PATH_MAX], *slash, *cand;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	if ((slash = strrchr(exe, '/')) == NULL)
		return NULL;
	*slash = '\0';
	if ((slash = strrchr(exe, '/')) == NULL)
		return NULL;
	*slash = '\0';
	cand = xasprintf("%s/templates", exe);
	if (!is_dir(cand) || strcmp(exe, PLANNER_DATADIR) == 0) {
		free(cand);
		return NULL;
	}
	free(cand);
	return xstrdup(exe[0] ? exe : "/");
}

const char *
paths_datadir(void)
{
	static char *dir;
	const char *env;

	if (dir != NULL)
		return dir;
	if ((env = getenv("PLANNER_DATADIR")) != NULL && *env != '\0')
		dir = xstrdup(env);
	else if ((dir = source_tree()) == NULL)
		dir = xstrdup(PLANNER_DATADIR);
	return dir;
}

char *
paths_relative(const char *base, const char *rel)
{
	const char *slash;

	if (rel[0] == '/' || (slash = strrchr(base, '/')) == NULL)
		return xstrdup(rel);
	return xasprintf("%.*s/%s", (int)(slash - base), base, rel);
}

int
paths_is_path(const char *s)
{
	size_t n = strlen(s);

	if (strchr(s, '/') != NULL)
		return 1;
	return (n > 5 && strcmp(s + n - 5, ".yaml") == 0) ||
	    (n > 4 && strcmp(s + n - 4, ".yml") == 0) ||
	    (n > 4 && strcmp(s + n - 4, ".ics") == 0);
}

char *
paths_safe_name(const char *id)
{
	char *s = xstrdup(*id ? id : "_");
	size_t i;

	for (i = 0; s[i] != '\0'; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (!isalnum(ch) && ch != '-' && ch != '_' &&
		    (ch != '.' || i == 0))
			s[i] = '_';
	}
	return s;
}
