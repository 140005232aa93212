/* cmd_validate.c: planner validate FILE...: check documents and everything they name. */
#include <stdio.h>

#include "cmd.h"
#include "load.h"
#include "msg.h"

static int
cmd_validate(int argc, char **argv)
{
	struct diags d = {0};
	struct model *m;
	int i, rc;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
		if (argv[i][1] == '-' && argv[i][2] == '\0') {
			i++;
			break;
		}
		return cmd_usage_error(&cmd_validate_entry,
		    "unknown option '%s'", argv[i]);
	}
	if (i == argc)
		return cmd_usage_error(&cmd_validate_entry, "no file given");
	m = load_files(argv + i, (size_t)(argc - i), &d);
	rc = msg_diags(&d) > 0 ? EXIT_INPUT : 0;
	if (rc == 0)
		printf("%d file%s valid\n", argc - i, argc - i == 1 ? "" : "s");
	model_free(m);
	diags_free(&d);
	return rc;
}

const struct cmd_entry cmd_validate_entry = {
	.name = "validate",
	.args = "FILE...",
	.summary = "Check templates, exercises, rosters and calendars.",
	.help =
	    "Reads each FILE and every file its documents name (rosters,\n"
	    "templates, holiday calendars) and reports every problem as\n"
	    "file:line:col: error: message (the first 50, then how many\n"
	    "more). Exits 0 when all is valid, 1 when anything is wrong.\n",
	.exec = cmd_validate,
};
