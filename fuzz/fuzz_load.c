/* fuzz_load.c: libFuzzer harness for the YAML loader, from bytes to a checked model. */
#define _POSIX_C_SOURCE 200809L	/* setenv */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "load.h"
#include "model.h"
#include "util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Bundled templates and calendars are found from the top of the tree,
 * as the tests find them, so an input may name them. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setenv("PLANNER_DATADIR", ".", 0);
	return 0;
}

/*
 * The input is one root document as if named on the command line; it
 * goes through the whole loader (tree, schema, documents, references),
 * which must report errors and never crash, leak or read out of bounds.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct load_source src = { 0 };
	struct load_source_list list = { 0 };
	struct diags d = { 0 };
	struct model *m;

	src.name = xstrdup("fuzz.yaml");
	src.root = 1;
	src.text = xmalloc(size + 1);
	memcpy(src.text, data, size);
	src.text[size] = '\0';
	src.len = size;
	list.v = &src;
	list.n = list.cap = 1;
	m = load_sources(&list, &d);
	model_free(m);
	diags_free(&d);
	free(src.name);
	free(src.text);
	return 0;
}
