/* cmd_out.c: the files of an --out directory, written alike by planner plan and planner export. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_out.h"
#include "ics.h"
#include "msg.h"
#include "out_md.h"
#include "out_roles.h"
#include "util.h"

static int
write_text(const char *dir, const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", dir, name);
	int rc = write_file_atomic(path, text, strlen(text));

	if (rc == -1)
		msg_error("cannot write '%s': %s", path, strerror(errno));
	free(path);
	return rc;
}

static int
write_roles(const struct plan *p, const char *dir)
{
	char *csv = out_roles_csv(p), *md = out_roles_md(p);
	int rc = write_text(dir, "roles.csv", csv);

	if (rc == 0)
		rc = write_text(dir, "roles.md", md);
	free(csv);
	free(md);
	return rc;
}

int
cmd_out_write(const struct plan *p, const char *dir, enum print_paper paper,
    int print, const struct cmd_db_progress *pg)
{
	struct print_opts po = { .out = dir, .paper = paper };
	char *cause = NULL, *md;
	int rc;

	po.done = pg->done;
	po.ndone = pg->ndone;
	po.actions = pg->actions;
	po.nactions = pg->nactions;
	po.revisions = pg->revisions;

	if (mkdir_p(dir) == -1) {
		msg_error("cannot create '%s': %s", dir, strerror(errno));
		return -1;
	}
	rc = ics_write_all(p, dir, po.done, po.ndone, po.actions, po.nactions,
	    &cause);
	if (rc == -1) {
		msg_error("%s", cause);
		free(cause);
		return -1;
	}
	md = out_md_checklists(p);
	rc = write_text(dir, "checklists.md", md);
	free(md);
	if (rc == 0) {
		md = out_md_checklists_by_owner(p, po.done, po.ndone);
		rc = write_text(dir, "checklists-by-owner.md", md);
		free(md);
	}
	if (rc == 0) {
		md = out_md_improvement_plan(p, po.actions, po.nactions);
		rc = write_text(dir, "improvement-plan.md", md);
		free(md);
	}
	if (rc == 0 && print && (rc = print_plan(p, &po, &cause)) == -1) {
		msg_error("%s", cause);
		free(cause);
	}
	if (rc == 0)
		rc = write_roles(p, dir);
	return rc;
}
