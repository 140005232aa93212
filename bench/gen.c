/* gen.c: seeded synthetic exercise programs (Program, rosters, exercises) for benchmarks. */
/*
 * Usage: bench-gen [-s SEED] [-e EXERCISES] [-p PEOPLE] [-a AGENCIES]
 *                  [-y YEARS] S|M|L DIR
 *
 *   make BUILD=build-x          builds build-x/bench-gen (plain make too)
 *   build-x/bench-gen L /tmp/L  writes /tmp/L/program.yaml and the rest
 *   build-x/planner plan /tmp/L/program.yaml --out /tmp/L/out --no-db
 *
 * Sizes (each overridable with -e, -p, -a, -y):
 *   S     20 exercises,    500 people, 10 agencies, one year (2027)
 *   M    200 exercises,  5,000 people, 30 agencies, one year
 *   L  2,000 exercises, 20,000 people, 60 agencies, two years (2027-28):
 *        about 60,000 role slots
 *
 * DIR gets:
 *   program.yaml            the Program: every exercise file and roster
 *   rosters/AGENCY.yaml     one Roster per agency, its people with it
 *   exercises/NNNN.yaml     100 Exercise documents per file (tree.c
 *                           allows 1,000,000 values in one file)
 *
 * What it models, so that plans look like real ones and stay feasible
 * enough: agencies in 6 time zones across 3 countries (US: New York,
 * Chicago, Phoenix; MX: Mexico City, Hermosillo; UA: Kyiv), each with
 * working days and hours, the bundled holiday calendar of its country
 * (templates/calendars) and a few blackouts a year. People hold HSEEP
 * qualifications at realistic rates, languages of their country (often
 * English besides), clearances, leave, some workload caps, preferences
 * and avoidances. Exercises use the seven bundled base templates
 * (base-tabletop ... base-full-scale), draw 3 to 7 agencies of one
 * country (or both sides of the Arizona-Sonora border), and have a
 * conduct window of three to six weeks for the scheduler to choose in.
 * About 5% of the exercises ask for two top-secret evaluators speaking
 * the exercise's languages, which a few agencies cannot always give:
 * the plan has some vacancies, as real ones do.
 *
 * The same seed and sizes give byte-identical files: the generator uses
 * its own PRNG (splitmix64), not rand(). It is standalone: it links no
 * planner module, so a broken module never stops a benchmark's input.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define PER_FILE 100	/* exercises per file */

static uint64_t rng_state;

/* splitmix64: small, fast, and the same on every platform. */
static uint64_t
rng_next(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A whole number in [0, n); n > 0. */
static unsigned
rnd(unsigned n)
{
	return (unsigned)(rng_next() % n);
}

/* True with probability pct percent. */
static int
chance(unsigned pct)
{
	return rnd(100) < pct;
}

static void
die(const char *fmt, ...)
{
	va_list ap;

	fputs("bench-gen: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

/* --- dates --------------------------------------------------------------- */

/* Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm). */
static long
days_from_civil(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (long)era * 146097 + doe - 719468;
}

static void
civil_from_days(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* Day z as YYYY-MM-DD in a static buffer of four, for one printf. */
static const char *
day(long z)
{
	static char buf[4][16];
	static int i;
	int y, m, d;

	i = (i + 1) % 4;
	civil_from_days(z, &y, &m, &d);
	snprintf(buf[i], sizeof(buf[i]), "%04d-%02d-%02d", y, m, d);
	return buf[i];
}

/* --- the world ------------------------------------------------------------ */

struct zone {
	const char *tz, *country, *holidays, *lang, *region;
	const char *cities[4];
};

/* Six zones, three countries; the border pair is Phoenix and Hermosillo. */
static const struct zone zones[] = {
	{ "America/New_York", "US", "us-federal", "en", "us",
	  { "New York", "Boston", "Atlanta", "Miami" } },
	{ "America/Chicago", "US", "us-federal", "en", "us",
	  { "Chicago", "Houston", "Dallas", "New Orleans" } },
	{ "America/Phoenix", "US", "us-federal", "en", "us",
	  { "Phoenix", "Tucson", "Nogales", "Yuma" } },
	{ "America/Mexico_City", "MX", "mx-statutory", "es", "mx",
	  { "Ciudad de Mexico", "Monterrey", "Guadalajara", "Puebla" } },
	{ "America/Hermosillo", "MX", "mx-statutory", "es", "mx",
	  { "Hermosillo", "Nogales, Sonora", "Caborca", "Guaymas" } },
	{ "Europe/Kyiv", "UA", "ua-public", "uk", "ua",
	  { "Kyiv", "Lviv", "Odesa", "Kharkiv" } },
};
#define NZONES ((unsigned)(sizeof(zones) / sizeof(zones[0])))
#define PHOENIX 2
#define HERMOSILLO 4

static const char *const us_services[] = {
	"Office of Emergency Management", "Police Department",
	"Fire Department", "FBI Field Office", "Public Health Department",
	"Sheriff's Office", "National Guard Joint Staff", "CBP Field Office",
	"Transit Police", "Emergency Medical Services",
};
static const char *const mx_services[] = {
	"Protección Civil", "Policía Estatal", "Guardia Nacional",
	"Bomberos", "Cruz Roja", "Fiscalía General del Estado",
};
static const char *const ua_services[] = {
	"State Emergency Service", "National Police", "Border Guard Service",
	"Regional Military Administration", "Emergency Medical Centre",
};

static const char *const us_first[] = {
	"James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael",
	"Linda", "David", "Elizabeth", "William", "Barbara", "Richard",
	"Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
	"Daniel", "Nancy", "Matthew", "Lisa", "Anthony", "Betty", "Mark",
	"Sandra", "Kevin", "Ashley", "Brian", "Emily", "Tyler", "Megan",
};
static const char *const us_last[] = {
	"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller",
	"Davis", "Rodriguez", "Martinez", "Wilson", "Anderson", "Taylor",
	"Thomas", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White",
	"Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen",
	"King", "Wright", "Scott", "Nguyen", "Hill", "Flores", "Green",
};
static const char *const mx_first[] = {
	"José", "María", "Juan", "Guadalupe", "Francisco", "Juana",
	"Antonio", "Margarita", "Jesús", "Verónica", "Alejandro", "Leticia",
	"Miguel", "Rosa", "Pedro", "Fernanda", "Ricardo", "Claudia",
	"Arturo", "Diana", "Javier", "Alicia", "Fernando", "Elena",
};
static const char *const mx_last[] = {
	"Hernández", "García", "Martínez", "López", "González", "Pérez",
	"Rodríguez", "Sánchez", "Ramírez", "Cruz", "Flores", "Gómez",
	"Morales", "Vázquez", "Reyes", "Jiménez", "Torres", "Díaz",
	"Gutiérrez", "Ruiz", "Mendoza", "Aguilar", "Ortiz", "Moreno",
};
static const char *const ua_first[] = {
	"Oleksandr", "Olena", "Andrii", "Iryna", "Serhii", "Natalia",
	"Volodymyr", "Tetiana", "Dmytro", "Oksana", "Mykola", "Yuliia",
	"Ivan", "Svitlana", "Yurii", "Kateryna", "Vasyl", "Halyna",
};
static const char *const ua_last[] = {
	"Melnyk", "Shevchenko", "Boiko", "Kovalenko", "Bondarenko",
	"Tkachenko", "Kovalchuk", "Kravchenko", "Oliinyk", "Shevchuk",
	"Koval", "Polishchuk", "Bondar", "Tkachuk", "Moroz", "Marchenko",
	"Lysenko", "Rudenko", "Savchenko", "Petrenko",
};
#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Id-safe spelling of a name: ASCII letters lower-cased, the accented
 * vowels of the Spanish lists without their accent, anything else a '-'. */
static void
idfy(char *out, size_t len, const char *name)
{
	static const struct { const char *utf8; char c; } acc[] = {
		{ "á", 'a' }, { "é", 'e' }, { "í", 'i' }, { "ó", 'o' },
		{ "ú", 'u' }, { "ñ", 'n' }, { "ü", 'u' },
	};
	size_t o = 0, k;
	const char *s = name;

	while (*s != '\0' && o + 1 < len) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			out[o++] = (char)c;
			s++;
			continue;
		}
		if (c >= 'A' && c <= 'Z') {
			out[o++] = (char)(c - 'A' + 'a');
			s++;
			continue;
		}
		for (k = 0; k < N(acc); k++)
			if (strncmp(s, acc[k].utf8, strlen(acc[k].utf8)) == 0)
				break;
		if (k < N(acc)) {
			out[o++] = acc[k].c;
			s += strlen(acc[k].utf8);
			continue;
		}
		if (o > 0 && out[o - 1] != '-')
			out[o++] = '-';
		s++;
	}
	while (o > 0 && out[o - 1] == '-')
		o--;
	out[o] = '\0';
}

struct agency {
	char id[48];
	char name[128];
	char contact[96], contact_id[96];
	unsigned zone;
	unsigned first, n;	/* its people: first index, count */
};

struct cfg {
	unsigned exercises, people, agencies, years;
	uint64_t seed;
	const char *dir;
};

static FILE *
open_out(const char *dir, const char *name)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((f = fopen(path, "w")) == NULL)
		die("cannot write '%s': %s", path, strerror(errno));
	return f;
}

static void
close_out(FILE *f)
{
	if (ferror(f) || fclose(f) != 0)
		die("write error: %s", strerror(errno));
}

static void
make_dir(const char *path)
{
	if (mkdir(path, 0777) == -1 && errno != EEXIST)
		die("cannot create '%s': %s", path, strerror(errno));
}

/* A person's name from the lists of the agency's country. */
static void
person_name(const struct zone *z, char *out, size_t len)
{
	const char *f, *l;

	if (strcmp(z->country, "MX") == 0) {
		f = mx_first[rnd(N(mx_first))];
		l = mx_last[rnd(N(mx_last))];
		snprintf(out, len, "%s %s %s", f, l, mx_last[rnd(N(mx_last))]);
		return;
	}
	if (strcmp(z->country, "UA") == 0) {
		f = ua_first[rnd(N(ua_first))];
		l = ua_last[rnd(N(ua_last))];
	} else {
		f = us_first[rnd(N(us_first))];
		l = us_last[rnd(N(us_last))];
	}
	snprintf(out, len, "%s %s", f, l);
}

static const char *const roles_pref[] = {
	"exercise-director", "lead-planner", "lead-evaluator", "evaluator",
	"controller", "lead-controller", "lead-facilitator", "note-taker",
	"player", "trusted-agent", "safety-controller", "simcell",
};

static void
write_roster(const struct cfg *c, struct agency *a, unsigned ai, long first,
    long last)
{
	const struct zone *z = &zones[a->zone];
	char file[96], name[128], pid[160];
	FILE *f;
	unsigned i, b, nb;
	long span = last - first;

	snprintf(file, sizeof(file), "rosters/%s.yaml", a->id);
	f = open_out(c->dir, file);
	fprintf(f, "# Synthetic roster written by bench-gen (seed %llu): "
	    "one agency and its people.\n", (unsigned long long)c->seed);
	fprintf(f, "kind: Roster\nversion: 1\nname: \"%s\"\n\n", a->name);
	fprintf(f, "agencies:\n  - id: %s\n    name: \"%s\"\n"
	    "    country: %s\n    timezone: %s\n", a->id, a->name, z->country,
	    z->tz);
	if (strcmp(z->country, "MX") == 0 && chance(50))
		fputs("    workdays: mon-sat\n", f);
	else if (chance(10))
		fputs("    workdays: [mon, tue, wed, thu, fri, sat, sun]\n", f);
	else
		fputs("    workdays: mon-fri\n", f);
	fprintf(f, "    hours: \"%02u:%s-%02u:%s\"\n", 7 + rnd(3),
	    chance(50) ? "00" : "30", 15 + rnd(3), chance(50) ? "00" : "30");
	fprintf(f, "    holidays: [%s]\n", z->holidays);
	/* Short and rare, as real ones are: a blackout over a whole
	 * conduct window would leave an exercise no day to be played. */
	nb = c->years;
	fputs("    blackouts:\n", f);
	for (b = 0; b < nb; b++) {
		long s = first + rnd((unsigned)span);

		fprintf(f, "      - {from: %s, to: %s, reason: \"%s\"}\n",
		    day(s), day(s + 1 + rnd(3)),
		    b % 2 ? "Readiness inspection" : "Major event security");
	}
	fprintf(f, "    contact:\n      name: \"%s\"\n      email: %s@%s.example.org\n",
	    a->contact, a->contact_id, a->id);

	fputs("\npeople:\n", f);
	for (i = 0; i < a->n; i++) {
		unsigned q = 0, k;
		const char *quals[6];

		if (i == 0)
			snprintf(name, sizeof(name), "%s", a->contact);
		else
			person_name(z, name, sizeof(name));
		idfy(pid, sizeof(pid), name);
		fprintf(f, "  - id: %s-%u-%u\n    name: \"%s\"\n", pid, ai, i,
		    name);
		fprintf(f, "    email: %s.%u@%s.example.org\n", pid, i, a->id);
		fprintf(f, "    agency: %s\n", a->id);
		if (strcmp(z->lang, "en") == 0)
			fputs(chance(20) ? "    languages: [en, es]\n" :
			    "    languages: [en]\n", f);
		else
			fprintf(f, chance(strcmp(z->lang, "es") == 0 ? 40 : 50) ?
			    "    languages: [%s, en]\n" : "    languages: [%s]\n",
			    z->lang);
		/* The agency's contact plans exercises; others at rates
		 * that leave every exercise's qualified roles fillable. */
		if (i == 0 || chance(18))
			quals[q++] = "hseep-planner";
		if (chance(18))
			quals[q++] = "hseep-evaluator";
		if (chance(16))
			quals[q++] = "hseep-controller";
		if (chance(10))
			quals[q++] = "hseep-facilitator";
		if (chance(7))
			quals[q++] = "safety-officer";
		if (chance(15))
			quals[q++] = chance(50) ? "ics-300" : "emt-basic";
		if (q > 0) {
			fputs("    qualifications: [", f);
			for (k = 0; k < q; k++)
				fprintf(f, "%s%s", k ? ", " : "", quals[k]);
			fputs("]\n", f);
		}
		k = rnd(100);
		fprintf(f, "    clearance: %s\n", k < 30 ? "none" : k < 70 ?
		    "official" : k < 90 ? "confidential" : k < 98 ? "secret" :
		    "top-secret");
		if (chance(15)) {
			long s = first + rnd((unsigned)span);

			fprintf(f, "    unavailable:\n      - {from: %s, to: %s, "
			    "reason: Annual leave}\n", day(s),
			    day(s + 4 + rnd(14)));
		}
		if (chance(10))
			fprintf(f, "    max_exercises: %u\n", 2 + rnd(4) +
			    2 * c->years);
		if (chance(25))
			fprintf(f, "    prefers: [%s]\n",
			    roles_pref[rnd(N(roles_pref))]);
		if (chance(5))
			fprintf(f, "    avoids: [%s]\n",
			    roles_pref[rnd(N(roles_pref))]);
	}
	close_out(f);
}

static const struct {
	const char *tpl, *word;
	unsigned weight;
	int evaluator;	/* has a role 'evaluator' (a seminar has not) */
} types[] = {
	{ "base-tabletop", "Tabletop Exercise", 30, 1 },
	{ "base-workshop", "Workshop", 10, 1 },
	{ "base-seminar", "Seminar", 8, 0 },
	{ "base-game", "Game", 5, 1 },
	{ "base-drill", "Drill", 20, 1 },
	{ "base-functional", "Functional Exercise", 15, 1 },
	{ "base-full-scale", "Full-Scale Exercise", 12, 1 },
};

static const char *const threats[] = {
	"Hurricane Landfall", "Cyber Attack on Water Utility", "Mass Casualty Incident",
	"Hazmat Release", "FPV Drone Swarm", "Active Threat", "Pandemic Surge",
	"Bridge Collapse", "Wildfire Evacuation", "Power Grid Failure",
	"Port of Entry Closure", "Chemical Spill", "Earthquake", "Flooding",
};

/* Agencies of a zone set, for drawing an exercise's participants. */
static unsigned
pool_of(const struct agency *ag, unsigned nag, const char *region,
    int border, unsigned *pool)
{
	unsigned i, n = 0;

	for (i = 0; i < nag; i++) {
		unsigned z = ag[i].zone;

		if (border ? (z == PHOENIX || z == HERMOSILLO) :
		    strcmp(zones[z].region, region) == 0)
			pool[n++] = i;
	}
	return n;
}

static void
write_exercises(const struct cfg *c, const struct agency *ag, long first,
    long last, FILE *prog)
{
	unsigned *pool = calloc(c->agencies, sizeof(*pool));
	unsigned e, i, nf = 0;
	FILE *f = NULL;
	long span = last - first;
	char file[64];

	if (pool == NULL)
		die("out of memory");
	fputs("exercises:\n", prog);
	for (e = 0; e < c->exercises; e++) {
		unsigned lead = rnd(c->agencies), n, k, w, t;
		const struct agency *la = &ag[lead];
		int border = (la->zone == PHOENIX || la->zone == HERMOSILLO) &&
		    chance(30);
		long s;

		if (e % PER_FILE == 0) {
			if (f != NULL)
				close_out(f);
			snprintf(file, sizeof(file), "exercises/%04u.yaml", nf++);
			f = open_out(c->dir, file);
			fprintf(f, "# Synthetic exercises written by bench-gen "
			    "(seed %llu).\n", (unsigned long long)c->seed);
			fprintf(prog, "  - %s\n", file);
		}
		w = rnd(100);
		for (t = 0; w >= types[t].weight; t++)
			w -= types[t].weight;
		n = pool_of(ag, c->agencies, zones[la->zone].region, border,
		    pool);
		/* The lead first, then a random draw from its pool. */
		for (i = 0; i < n; i++)
			if (pool[i] == lead) {
				pool[i] = pool[0];
				pool[0] = lead;
			}
		for (i = 1; i < n; i++) {
			unsigned j = i + rnd(n - i), x = pool[i];

			pool[i] = pool[j];
			pool[j] = x;
		}
		k = 3 + rnd(5);
		if (k > n)
			k = n;
		/* Spread evenly over the years, jittered, with a conduct
		 * window of three to six weeks to choose in. */
		s = first + (long)((double)e / c->exercises * span) + rnd(14);
		fprintf(f, "---\nkind: Exercise\nversion: 1\nid: ex%04u-%s\n",
		    e, la->id);
		fprintf(f, "name: \"%s %s %s %u\"\n",
		    zones[la->zone].cities[rnd(4)], threats[rnd(N(threats))],
		    types[t].word, e);
		fprintf(f, "template: %s\n", types[t].tpl);
		fprintf(f, "venue:\n  name: \"%s, %s\"\n  timezone: %s\n",
		    la->name, zones[la->zone].cities[rnd(4)], zones[la->zone].tz);
		fprintf(f, "conduct: %s..%s\n", day(s), day(s + 21 + rnd(22)));
		fputs("agencies:\n", f);
		for (i = 0; i < k; i++) {
			const char *as = i == 0 || i < k - 1 - (k > 4) ?
			    "playing" : i == k - 1 && k > 4 ? "observing" :
			    "supporting";

			fprintf(f, "  - {id: %s, as: %s}\n", ag[pool[i]].id, as);
		}
		fprintf(f, "organiser:\n  name: \"%s\"\n  email: %s@%s.example.org\n"
		    "  agency: %s\n", la->contact, la->contact_id, la->id, la->id);
		if (chance(40))
			fputs("marking: FOR OFFICIAL USE ONLY\n", f);
		fprintf(f, "language: %s\n", border ? "en" : zones[la->zone].lang);
		/* A few ask more than their agencies may have: vacancies. */
		if (chance(5) && types[t].evaluator)
			fprintf(f, "overrides:\n  roles:\n    evaluator: "
			    "{count: 2, languages: [%s], clearance: "
			    "top-secret}\n",
			    border ? "en, es" : zones[la->zone].lang);
	}
	if (f != NULL)
		close_out(f);
	free(pool);
}

static void
usage(void)
{
	fputs("usage: bench-gen [-s SEED] [-e EXERCISES] [-p PEOPLE] "
	    "[-a AGENCIES] [-y YEARS] S|M|L DIR\n", stderr);
	exit(2);
}

static unsigned
num(const char *s, unsigned lo, unsigned hi)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno != 0 || *end != '\0' || end == s || v < lo || v > hi)
		die("'%s': expected a number from %u to %u", s, lo, hi);
	return (unsigned)v;
}

int
main(int argc, char **argv)
{
	struct cfg c = { 0, 0, 0, 0, 1, NULL };
	unsigned e = 0, p = 0, a = 0, y = 0, i, per, rest;
	struct agency *ag;
	const char *size;
	int o = 1;
	long first, last;
	FILE *prog;
	char sub[4096];

	while (o < argc && argv[o][0] == '-' && argv[o][1] != '\0') {
		const char *opt = argv[o];

		if (o + 1 >= argc || opt[2] != '\0')
			usage();
		switch (opt[1]) {
		case 's': c.seed = strtoull(argv[o + 1], NULL, 10); break;
		case 'e': e = num(argv[o + 1], 1, 5000); break;
		case 'p': p = num(argv[o + 1], 1, 20000); break;
		case 'a': a = num(argv[o + 1], 1, 1000); break;
		case 'y': y = num(argv[o + 1], 1, 10); break;
		default: usage();
		}
		o += 2;
	}
	if (argc - o != 2)
		usage();
	size = argv[o];
	c.dir = argv[o + 1];
	if (strcmp(size, "S") == 0) {
		c.exercises = 20; c.people = 500; c.agencies = 10; c.years = 1;
	} else if (strcmp(size, "M") == 0) {
		c.exercises = 200; c.people = 5000; c.agencies = 30; c.years = 1;
	} else if (strcmp(size, "L") == 0) {
		c.exercises = 2000; c.people = 20000; c.agencies = 60;
		c.years = 2;
	} else
		die("unknown size '%s': expected S, M or L", size);
	if (e) c.exercises = e;
	if (p) c.people = p;
	if (a) c.agencies = a;
	if (y) c.years = y;
	if (c.people < c.agencies)
		die("fewer people (%u) than agencies (%u)", c.people,
		    c.agencies);
	rng_state = c.seed * 0x2545f4914f6cdd1dULL + 1;

	make_dir(c.dir);
	snprintf(sub, sizeof(sub), "%s/rosters", c.dir);
	make_dir(sub);
	snprintf(sub, sizeof(sub), "%s/exercises", c.dir);
	make_dir(sub);

	/* Conduct days from February of the first year (planning starts
	 * about 14 weeks before) to November of the last (after-action
	 * work runs 12 weeks after). */
	first = days_from_civil(2027, 2, 1);
	last = days_from_civil(2027 + (int)c.years - 1, 11, 15);

	if ((ag = calloc(c.agencies, sizeof(*ag))) == NULL)
		die("out of memory");
	per = c.people / c.agencies;
	rest = c.people % c.agencies;
	for (i = 0; i < c.agencies; i++) {
		struct agency *x = &ag[i];
		const struct zone *z;
		const char *svc;
		char cid[96];

		x->zone = i % NZONES;
		z = &zones[x->zone];
		svc = strcmp(z->country, "US") == 0 ?
		    us_services[rnd(N(us_services))] :
		    strcmp(z->country, "MX") == 0 ?
		    mx_services[rnd(N(mx_services))] :
		    ua_services[rnd(N(ua_services))];
		snprintf(x->name, sizeof(x->name), "%s %s",
		    z->cities[(i / NZONES) % 4], svc);
		if (i / NZONES >= 4)
			snprintf(x->name + strlen(x->name),
			    sizeof(x->name) - strlen(x->name), " %u",
			    i / NZONES / 4 + 1);
		idfy(cid, sizeof(cid), x->name);
		snprintf(x->id, sizeof(x->id), "%s-%.30s-%02u",
		    z->region, cid, i);
		person_name(z, x->contact, sizeof(x->contact));
		idfy(x->contact_id, sizeof(x->contact_id), x->contact);
		x->first = i * per + (i < rest ? i : rest);
		x->n = per + (i < rest);
	}

	prog = open_out(c.dir, "program.yaml");
	fprintf(prog, "# Synthetic exercise program written by bench-gen: "
	    "size %s, seed %llu,\n# %u exercises, %u people, %u agencies, "
	    "%u year(s).\n", size, (unsigned long long)c.seed, c.exercises,
	    c.people, c.agencies, c.years);
	fprintf(prog, "kind: Program\nversion: 1\nid: synthetic-%s-%llu\n"
	    "name: \"Synthetic national exercise program (%s)\"\n", size,
	    (unsigned long long)c.seed, size);
	fputs("rosters:\n", prog);
	for (i = 0; i < c.agencies; i++)
		fprintf(prog, "  - rosters/%s.yaml\n", ag[i].id);
	for (i = 0; i < c.agencies; i++)
		write_roster(&c, &ag[i], i, first - 100, last + 90);
	write_exercises(&c, ag, first, last, prog);
	close_out(prog);
	free(ag);
	return 0;
}
