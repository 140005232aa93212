/* fuzz_ics.c: libFuzzer harness for the .ics importer agencies' calendars go through. */
#include <stdint.h>
#include <stdlib.h>

#include "diag.h"
#include "ics.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Any bytes: ics_parse_busy() promises to report, never to crash. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a = arena_new();
	struct ics_busy busy;
	struct diags d = { 0 };

	if (size > ICS_MAX_SIZE)
		size = ICS_MAX_SIZE;
	ics_parse_busy("fuzz.ics", (const char *)data, size, a, &busy, &d);
	diags_free(&d);
	arena_free(a);
	return 0;
}
