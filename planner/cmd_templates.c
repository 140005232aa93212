/* cmd_templates.c: planner templates: the bundled exercise templates, one line each. */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "doctrine.h"
#include "load.h"
#include "msg.h"

/* The first sentence of a description, cut at a word to fit a line. */
static void
one_line(const char *s, char *buf, size_t size)
{
	size_t n = 0, cut = 0;

	for (; *s != '\0' && n + 4 < size; s++) {
		buf[n++] = *s == '\n' || *s == '\r' ? ' ' : *s;
		if (*s == '.' && (s[1] == ' ' || s[1] == '\n' || s[1] == '\0'))
			break;
		if (*s == ' ')
			cut = n - 1;
	}
	if (*s != '\0' && *s != '.' && cut > 0) {
		memcpy(buf + cut, "...", 3);
		n = cut + 3;
	} else if (*s != '\0' && *s != '.') {
		/* One long word: never end inside a UTF-8 character. */
		while (n > 0 && ((unsigned char)buf[n - 1] & 0xc0) == 0x80)
			n--;
		if (n > 0 && ((unsigned char)buf[n - 1] & 0x80))
			n--;
	}
	buf[n] = '\0';
}

static int
cmd_templates(int argc, char **argv)
{
	struct diags d = {0};
	size_t n, i, j;
	char **files, line[90];
	int rc = 0;

	(void)argv;
	if (argc > 1)
		return cmd_usage_error(&cmd_templates_entry,
		    "no arguments expected");
	files = load_bundled_templates(&n);
	if (n == 0) {
		msg_error("no bundled templates found (looked in "
		    "'$PLANNER_DATADIR/templates'); is planner installed?");
		load_list_free(files, n);
		return EXIT_INPUT;
	}
	printf("%-32s %-11s %s\n", "TEMPLATE", "TYPE", "DESCRIPTION");
	for (i = 0; i < n; i++) {
		struct model *m = load_files(&files[i], 1, &d);

		for (j = 0; m != NULL && j < m->ntemplates; j++) {
			const struct template *t = m->templates[j];

			/* A template it extends is listed for its own file. */
			if (strcmp(t->path, files[i]) != 0)
				continue;
			one_line(t->description ? t->description : t->name,
			    line, sizeof(line));
			printf("%-32s %-11s %s\n", t->id,
			    doctrine_type_name(t->type), line);
		}
		model_free(m);
	}
	if (msg_diags(&d) > 0)
		rc = EXIT_INPUT;
	diags_free(&d);
	load_list_free(files, n);
	return rc;
}

const struct cmd_entry cmd_templates_entry = {
	.name = "templates",
	.args = "",
	.summary = "List the bundled exercise templates.",
	.help =
	    "Prints each bundled template's name, its HSEEP exercise type\n"
	    "and a one-line description. Use the name as 'template:' in an\n"
	    "Exercise document.\n",
	.exec = cmd_templates,
};
