/* print_eeg.c: the Exercise Evaluation Guide (EEG) that evaluators fill in during play, one section per objective. */
#include <stdlib.h>
#include <string.h>

#include "doctrine.h"
#include "print_impl.h"

#define GREY_ON	"<span foreground='#555555' size='smaller'>"

/* Blank rows for handwritten notes under each objective's tasks. */
#define EEG_NOTE_ROWS	4

static void
put_esc(struct sb *b, const char *s)
{
	char *e = print_esc(s);

	sb_puts(b, e);
	free(e);
}

int
print_eeg_wanted(const struct template *tpl)
{
	size_t i;

	for (i = 0; tpl != NULL && i < tpl->nobjectives; i++)
		if (tpl->objectives[i].neeg > 0)
			return 1;
	return 0;
}

static const struct print_col task_cols[] = {
	{ "#", 4 }, { "Critical task and performance measures", 50 },
	{ "Rating", 13 }, { "Observations", 33 },
};

static const struct print_col note_cols[] = {
	{ "Time", 12 }, { "Observation (who, what, when; quote players where you can)", 88 },
};

/* The MSEL entries that exercise objective id, so the evaluator knows
 * when to watch: "#2 at STARTEX +0h45m; #5 ...". */
static void
put_injects(struct sb *b, const struct template *tpl, const char *id)
{
	char off[48];
	size_t i, n = 0;

	for (i = 0; i < tpl->ninjects; i++) {
		const struct inject *in = &tpl->injects[i];

		if (in->objective == NULL || strcmp(in->objective, id) != 0)
			continue;
		span_format(&in->at, off);
		sb_printf(b, "%s#%d (STARTEX %s)", n++ == 0 ? "" : ", ",
		    in->seq, off);
	}
	if (n == 0)
		sb_puts(b, "none");
}

static void
objective_section(struct print_doc *d, const struct template *tpl,
    size_t k)
{
	const struct objective *ob = &tpl->objectives[k];
	struct print_table t;
	struct print_cell c[NELEM(task_cols)];
	struct sb b = {0};
	size_t i, j;

	/* A page per objective, so each evaluator takes the pages of the
	 * objectives assigned; the first shares the key's page. */
	if (k > 0)
		print_doc_page(d);
	sb_printf(&b, "Objective %zu: ", k + 1);
	put_esc(&b, ob->id);
	print_doc_heading(d, sb_str(&b), PRINT_H2, 120);
	sb_free(&b);
	sb_puts(&b, "<b>Core capabilit");
	sb_puts(&b, ob->ncaps == 1 ? "y:</b> " : "ies:</b> ");
	for (j = 0; j < ob->ncaps; j++) {
		if (j > 0)
			sb_puts(&b, "; ");
		put_esc(&b, doctrine_cap_name(ob->caps[j]));
	}
	sb_puts(&b, "\n<b>Objective:</b> ");
	put_esc(&b, ob->text);
	sb_puts(&b, "\n<b>MSEL entries:</b> ");
	put_injects(&b, tpl, ob->id);
	print_doc_para(d, sb_str(&b), PRINT_TEXT);
	sb_free(&b);

	/* Rows tall enough to write in; the rating is circled. */
	print_table_begin(&t, d, task_cols, NELEM(task_cols), PRINT_TABLE,
	    40);
	for (i = 0; i < ob->neeg || (i == 0 && ob->neeg == 0); i++) {
		struct sb v[2] = {{0}, {0}};

		sb_printf(&v[0], "%zu", i + 1);
		if (ob->neeg == 0)
			sb_puts(&v[1], "The objective as a whole (the template "
			    "lists no critical tasks for it).");
		else {
			const struct eeg_task *et = &ob->eeg[i];

			put_esc(&v[1], et->task);
			for (j = 0; j < et->measures.n; j++) {
				sb_puts(&v[1], "\n" GREY_ON "\u2022 ");
				put_esc(&v[1], et->measures.v[j]);
				sb_puts(&v[1], "</span>");
			}
		}
		c[0] = (struct print_cell){ sb_str(&v[0]), PRINT_CELL_TEXT };
		c[1] = (struct print_cell){ sb_str(&v[1]), PRINT_CELL_TEXT };
		c[2] = (struct print_cell){ "P   S   M   U", PRINT_CELL_TEXT };
		c[3] = (struct print_cell){ NULL, PRINT_CELL_TEXT };
		print_table_row(&t, c);
		sb_free(&v[0]);
		sb_free(&v[1]);
	}
	print_table_end(&t);

	print_doc_heading(d, "Observation notes", PRINT_TEXT, 60);
	print_table_begin(&t, d, note_cols, NELEM(note_cols), PRINT_TABLE,
	    24);
	for (i = 0; i < EEG_NOTE_ROWS; i++) {
		c[0] = (struct print_cell){ NULL, PRINT_CELL_TEXT };
		c[1] = (struct print_cell){ NULL, PRINT_CELL_TEXT };
		print_table_row(&t, c);
	}
	print_table_end(&t);
	print_doc_signature(d, "Evaluator (name, agency)");
}

void
print_eeg_build(struct print_doc *d, const struct plan_exercise *px)
{
	const struct template *tpl = px->ex->tpl;
	size_t i;

	print_doc_heading(d, "Exercise Evaluation Guide (EEG)", PRINT_H1, 40);
	print_doc_para(d, "For evaluators, and controllers who support them: "
	    "never show it to players or observers. For each objective, "
	    "watch the critical tasks during play, note what you see with "
	    "the time, and rate each task at the controller/evaluator "
	    "debrief:", PRINT_TEXT);
	print_doc_para(d, "<b>P</b>  performed without challenges\n"
	    "<b>S</b>  performed with some challenges\n"
	    "<b>M</b>  performed with major challenges\n"
	    "<b>U</b>  unable to be performed", PRINT_TEXT);
	print_doc_para(d, "Record facts, not judgements: who did what, when, "
	    "and with what effect. The ratings and notes feed the After-Action "
	    "Report's strengths and areas for improvement by core capability.",
	    PRINT_TEXT);
	for (i = 0; i < tpl->nobjectives; i++)
		objective_section(d, tpl, i);
}
