/* cmd.h: the command table: each cmd_*.c file exports one entry. */
#ifndef PLANNER_CMD_H
#define PLANNER_CMD_H

#include <stdio.h>

struct cmd_entry {
	const char *name;
	const char *args;	/* usage after the name, as in the manual */
	const char *summary;	/* one line */
	const char *help;	/* options and details, for 'help CMD' */
	/* argv[0] is the command name; returns the exit status. */
	int (*exec)(int argc, char **argv);
	int flags;		/* CMD_* below, checked in main.c */
	/*
	 * With CMD_DB, called instead of exec. db is the database file:
	 * --db FILE, else $PLANNER_DB, else planner.db in the working
	 * directory; NULL after --no-db. main.c has taken those options
	 * out of argv. The command opens the file itself (store_open)
	 * once its own arguments are good.
	 */
	int (*exec_db)(const char *db, int argc, char **argv);
};

#define CMD_DB		0x1	/* works on the database: takes --db FILE */
#define CMD_DB_OPTIONAL	0x2	/* and --no-db, to work without one */

extern const struct cmd_entry cmd_validate_entry;
extern const struct cmd_entry cmd_templates_entry;
extern const struct cmd_entry cmd_plan_entry;
extern const struct cmd_entry cmd_help_entry;
extern const struct cmd_entry cmd_list_entry;
extern const struct cmd_entry cmd_show_entry;
extern const struct cmd_entry cmd_diff_entry;
extern const struct cmd_entry cmd_agenda_entry;
extern const struct cmd_entry cmd_check_entry;
extern const struct cmd_entry cmd_action_entry;
extern const struct cmd_entry cmd_status_entry;
extern const struct cmd_entry cmd_export_entry;
extern const struct cmd_entry cmd_new_entry;

/* The command of that name or unique prefix; NULL if none or ambiguous. */
const struct cmd_entry *cmd_find(const char *name);

/* The whole table, for help; *n receives the count. */
const struct cmd_entry *const *cmd_all(size_t *n);

/* "usage: planner plan EXERCISE.yaml ..." and the help text. */
void cmd_print_help(FILE *f, const struct cmd_entry *c);
void cmd_print_usage(FILE *f);

/* Print the usage line of c on stderr; returns EXIT_USAGE. */
int cmd_usage_error(const struct cmd_entry *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
