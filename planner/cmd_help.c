/* cmd_help.c: planner help [COMMAND]: the usage of planner or of one command. */
#include <stdio.h>

#include "cmd.h"
#include "msg.h"

static int
cmd_help(int argc, char **argv)
{
	const struct cmd_entry *c;

	if (argc == 1) {
		cmd_print_usage(stdout);
		return 0;
	}
	if (argc > 2)
		return cmd_usage_error(&cmd_help_entry, "too many arguments");
	if ((c = cmd_find(argv[1])) == NULL) {
		msg_error("unknown or ambiguous command '%s'", argv[1]);
		cmd_print_usage(stderr);
		return EXIT_USAGE;
	}
	cmd_print_help(stdout, c);
	return 0;
}

const struct cmd_entry cmd_help_entry = {
	.name = "help",
	.args = "[COMMAND]",
	.summary = "Show the commands, or how to use one of them.",
	.help = "",
	.exec = cmd_help,
};
