/* doctrine.c: HSEEP facts as data, from the National Preparedness Goal and HSEEP. */
#include <ctype.h>
#include <string.h>

#include "doctrine.h"
#include "util.h"

static const char *const type_names[EX_NTYPES] = {
	"seminar", "workshop", "tabletop", "game",
	"drill", "functional", "full-scale",
};

/* Play per day, from HSEEP's typical lengths (upper-middle of each range). */
static const int64_t type_length[EX_NTYPES] = {
	3 * 3600, 6 * 3600, 4 * 3600, 4 * 3600, 3 * 3600, 8 * 3600, 8 * 3600,
};

static const char *const kind_names[EV_NKINDS] = {
	"planning-meeting", "briefing", "conduct", "hot-wash", "debrief",
	"after-action-meeting", "deadline", "meeting",
};

static const int64_t kind_duration[EV_NKINDS] = {
	3 * 3600, 3600, 0, 3600, 2 * 3600, 4 * 3600, 0, 2 * 3600,
};

static const char *const clearance_names[CLR_NLEVELS] = {
	"none", "official", "confidential", "secret", "top-secret",
};

static const char *const part_names[PART_NKINDS] = {
	"playing", "supporting", "observing",
};

/* National Preparedness Goal, second edition (2015), in its order. */
static const char *const cap_names[DOCTRINE_NCAPS] = {
	"Planning",
	"Public Information and Warning",
	"Operational Coordination",
	"Intelligence and Information Sharing",
	"Interdiction and Disruption",
	"Screening, Search, and Detection",
	"Forensics and Attribution",
	"Access Control and Identity Verification",
	"Cybersecurity",
	"Physical Protective Measures",
	"Risk Management for Protection Programs and Activities",
	"Supply Chain Integrity and Security",
	"Community Resilience",
	"Long-term Vulnerability Reduction",
	"Risk and Disaster Resilience Assessment",
	"Threats and Hazards Identification",
	"Critical Transportation",
	"Environmental Response/Health and Safety",
	"Fatality Management Services",
	"Fire Management and Suppression",
	"Infrastructure Systems",
	"Logistics and Supply Chain Management",
	"Mass Care Services",
	"Mass Search and Rescue Operations",
	"On-scene Security, Protection, and Law Enforcement",
	"Operational Communications",
	"Public Health, Healthcare, and Emergency Medical Services",
	"Situational Assessment",
	"Economic Recovery",
	"Health and Social Services",
	"Housing",
	"Natural and Cultural Resources",
};

static int
lookup(const char *const *names, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(names[i], s) == 0)
			return (int)i;
	return -1;
}

const char *
doctrine_type_name(enum ex_type t)
{
	return type_names[t];
}

const char *
doctrine_kind_name(enum ev_kind k)
{
	return kind_names[k];
}

const char *
doctrine_clearance_name(enum clearance c)
{
	return clearance_names[c];
}

const char *
doctrine_part_name(enum part_kind p)
{
	return part_names[p];
}

int
doctrine_type_is_discussion(enum ex_type t)
{
	return t <= EX_GAME;
}

int
doctrine_type_parse(const char *s)
{
	return lookup(type_names, EX_NTYPES, s);
}

int
doctrine_kind_parse(const char *s)
{
	return lookup(kind_names, EV_NKINDS, s);
}

int
doctrine_clearance_parse(const char *s)
{
	return lookup(clearance_names, CLR_NLEVELS, s);
}

int
doctrine_part_parse(const char *s)
{
	return lookup(part_names, PART_NKINDS, s);
}

const char *const *
doctrine_type_names(size_t *n)
{
	*n = EX_NTYPES;
	return type_names;
}

const char *const *
doctrine_kind_names(size_t *n)
{
	*n = EV_NKINDS;
	return kind_names;
}

const char *const *
doctrine_clearance_names(size_t *n)
{
	*n = CLR_NLEVELS;
	return clearance_names;
}

const char *const *
doctrine_cap_names(size_t *n)
{
	*n = DOCTRINE_NCAPS;
	return cap_names;
}

/*
 * Reduce a capability name to lower-case words joined by '-', so that
 * "Screening, Search, and Detection", "screening search and detection"
 * and "screening-search-and-detection" all compare equal.
 */
static void
cap_key(const char *s, char *out, size_t size)
{
	size_t n = 0;
	int gap = 0;

	for (; *s && n + 2 < size; s++) {
		if (isalnum((unsigned char)*s)) {
			if (gap && n > 0)
				out[n++] = '-';
			out[n++] = (char)tolower((unsigned char)*s);
			gap = 0;
		} else
			gap = 1;
	}
	out[n] = '\0';
}

int
doctrine_cap_parse(const char *s)
{
	char want[128], have[128];
	size_t i;

	if (strlen(s) >= sizeof(want))
		return -1;
	cap_key(s, want, sizeof(want));
	for (i = 0; i < DOCTRINE_NCAPS; i++) {
		cap_key(cap_names[i], have, sizeof(have));
		if (strcmp(want, have) == 0)
			return (int)i;
	}
	return -1;
}

const char *
doctrine_cap_name(int cap)
{
	return cap_names[cap];
}

int64_t
doctrine_conduct_length(enum ex_type t)
{
	return type_length[t];
}

int
doctrine_conduct_start(enum ex_type t)
{
	return doctrine_type_is_discussion(t) ? 9 * 60 : 8 * 60;
}

int64_t
doctrine_event_duration(enum ev_kind k)
{
	return kind_duration[k];
}

int
doctrine_event_window(enum ev_kind k, enum anchor *anchor,
    struct span *earliest, struct span *latest)
{
	memset(earliest, 0, sizeof(*earliest));
	memset(latest, 0, sizeof(*latest));
	*anchor = ANCHOR_ENDEX;
	switch (k) {
	case EV_HOT_WASH:
		earliest->has_time = latest->has_time = 1;
		return 1;
	case EV_DEBRIEF:
		earliest->secs = latest->secs = 90 * 60;
		earliest->has_time = latest->has_time = 1;
		return 1;
	case EV_AFTER_ACTION_MEETING:
		earliest->days = 5 * 7;
		latest->days = 6 * 7;
		return 1;
	default:
		*anchor = ANCHOR_STARTEX;
		return 0;
	}
}
