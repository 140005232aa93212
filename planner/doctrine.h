/* doctrine.h: HSEEP facts as data: exercise types, event kinds, the 32 core capabilities. */
#ifndef PLANNER_DOCTRINE_H
#define PLANNER_DOCTRINE_H

#include <stdint.h>

#include "model.h"

#define DOCTRINE_NCAPS 32

/* Names as written in YAML ("full-scale", "hot-wash"); they can't fail. */
const char *doctrine_type_name(enum ex_type t);
const char *doctrine_kind_name(enum ev_kind k);
const char *doctrine_clearance_name(enum clearance c);
const char *doctrine_part_name(enum part_kind p);
int doctrine_type_is_discussion(enum ex_type t);

/* Parse a name; return the value, or -1 when the name is unknown. */
int doctrine_type_parse(const char *s);
int doctrine_kind_parse(const char *s);
int doctrine_clearance_parse(const char *s);
int doctrine_part_parse(const char *s);

/* Name lists for "did you mean" suggestions; *n receives the count. */
const char *const *doctrine_type_names(size_t *n);
const char *const *doctrine_kind_names(size_t *n);
const char *const *doctrine_clearance_names(size_t *n);
const char *const *doctrine_cap_names(size_t *n);

/* The core capability named s (case-insensitive, or hyphenated:
 * "interdiction-and-disruption"); index 0..31, or -1. */
int doctrine_cap_parse(const char *s);
const char *doctrine_cap_name(int cap);

/* Default play length in seconds and STARTEX (local minutes) by type. */
int64_t doctrine_conduct_length(enum ex_type t);
int doctrine_conduct_start(enum ex_type t);

/* Default duration of an event of a kind, in seconds. */
int64_t doctrine_event_duration(enum ev_kind k);

/*
 * The default window of an event kind that doctrine fixes (hot wash at
 * ENDEX, C/E debrief after it, after-action meeting E+5..6 weeks).
 * Returns 1 and fills the anchor and window, or 0 when the kind has no
 * default and the template must give one.
 */
int doctrine_event_window(enum ev_kind k, enum anchor *anchor,
    struct span *earliest, struct span *latest);

#endif
