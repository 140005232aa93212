/* main.c: planner's entry point: one table of commands, dispatched in one place. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"	/* PLANNER_VERSION, PLANNER_DATADIR */
#include "cmd.h"
#include "msg.h"
#include "tz.h"


static const struct cmd_entry *const table[] = {
	&cmd_validate_entry,
	&cmd_templates_entry,
	&cmd_new_entry,
	&cmd_plan_entry,
	&cmd_list_entry,
	&cmd_show_entry,
	&cmd_diff_entry,
	&cmd_agenda_entry,
	&cmd_check_entry,
	&cmd_action_entry,
	&cmd_status_entry,
	&cmd_export_entry,
	&cmd_help_entry,
};

const struct cmd_entry *const *
cmd_all(size_t *n)
{
	*n = sizeof(table) / sizeof(table[0]);
	return table;
}

/* An exact name, or a prefix that only one command has. */
const struct cmd_entry *
cmd_find(const char *name)
{
	const struct cmd_entry *found = NULL;
	size_t i, len = strlen(name);

	for (i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		if (strcmp(table[i]->name, name) == 0)
			return table[i];
		if (len > 0 && strncmp(table[i]->name, name, len) == 0) {
			if (found != NULL)
				return NULL;
			found = table[i];
		}
	}
	return found;
}

void
cmd_print_usage(FILE *f)
{
	size_t i;

	fprintf(f, "usage: planner [--version] [--help] COMMAND [ARGS]\n\n"
	    "Plans multi-agency security exercises from YAML templates and "
	    "rosters.\n\ncommands:\n");
	for (i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		fprintf(f, "  %-10s %s\n", table[i]->name, table[i]->summary);
	fprintf(f, "\n'planner help COMMAND' tells more; 'man planner' tells "
	    "all.\n");
}

void
cmd_print_help(FILE *f, const struct cmd_entry *c)
{
	fprintf(f, "usage: planner %s%s%s\n\n%s\n", c->name,
	    c->args[0] ? " " : "", c->args, c->summary);
	if (c->help[0] != '\0')
		fprintf(f, "\n%s", c->help);
}

int
cmd_usage_error(const struct cmd_entry *c, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	msg_error("%s", s);
	fprintf(stderr, "usage: planner %s%s%s\n", c->name,
	    c->args[0] ? " " : "", c->args);
	free(s);
	return EXIT_USAGE;
}

/* "--help" or "-h" anywhere before "--" asks for the command's help. */
static int
wants_help(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return 0;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return 1;
	}
	return 0;
}

/*
 * A command on the database: --db FILE (or --db=FILE) and, where the
 * command allows it, --no-db come out of argv here, before "--", so
 * every such command names its database the same way.
 */
static int
run_db(const struct cmd_entry *c, int argc, char **argv)
{
	char **args = xcalloc((size_t)argc + 1, sizeof(char *));
	const char *db = NULL, *env;
	int i, n = 0, off = 0, rc;

	for (i = 0; i < argc; i++) {
		if (i > 0 && strcmp(argv[i], "--") == 0) {
			while (i < argc)
				args[n++] = argv[i++];
			break;
		}
		if (i > 0 && strcmp(argv[i], "--db") == 0) {
			if (++i == argc) {
				free(args);
				return cmd_usage_error(c, "'--db' needs a file");
			}
			db = argv[i];
		} else if (i > 0 && strncmp(argv[i], "--db=", 5) == 0)
			db = argv[i] + 5;
		else if (i > 0 && (c->flags & CMD_DB_OPTIONAL) &&
		    strcmp(argv[i], "--no-db") == 0)
			off = 1;
		else
			args[n++] = argv[i];
	}
	if (db != NULL && db[0] == '\0')
		rc = cmd_usage_error(c, "empty --db file name");
	else if (db != NULL && off)
		rc = cmd_usage_error(c, "'--db' and '--no-db' together");
	else {
		if (db == NULL && (env = getenv("PLANNER_DB")) != NULL &&
		    *env != '\0')
			db = env;
		rc = c->exec_db(off ? NULL : db != NULL ? db : "planner.db",
		    n, args);
	}
	free(args);
	return rc;
}

static int
run(int argc, char **argv)
{
	const struct cmd_entry *c;

	if (argc < 2) {
		cmd_print_usage(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("planner %s\n", PLANNER_VERSION);
		return 0;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		cmd_print_usage(stdout);
		return 0;
	}
	if ((c = cmd_find(argv[1])) == NULL) {
		msg_error("unknown or ambiguous command '%s'", argv[1]);
		cmd_print_usage(stderr);
		return EXIT_USAGE;
	}
	if (wants_help(argc - 1, argv + 1)) {
		cmd_print_help(stdout, c);
		return 0;
	}
	if (c->flags & CMD_DB)
		return run_db(c, argc - 1, argv + 1);
	return c->exec(argc - 1, argv + 1);
}

int
main(int argc, char **argv)
{
	int rc = run(argc, argv);

	if (fflush(stdout) == EOF || ferror(stdout)) {
		msg_error("cannot write standard output");
		rc = EXIT_INPUT;
	}
	tz_cache_clear();
	return rc;
}
