# planner: plans multi-agency security exercises from YAML templates and rosters.
#
#   make            build build/planner
#   make demo       install what is missing, build, plan the bundled example into out/
#   make test       install what is missing, build, run every test
#   make install    PREFIX=/usr/local DESTDIR= (binary, templates, man page)
#   make SANITIZE=address,undefined test
#   make bench      benchmarks (speed and memory targets; docs/performance.md)
#   make fuzz       fuzz each loader FUZZ_SECONDS (60) with clang's libFuzzer

VERSION  = 0.1.0
PREFIX  ?= /usr/local
BINDIR   = $(PREFIX)/bin
DATADIR  = $(PREFIX)/share/planner
MANDIR   = $(PREFIX)/share/man/man1
# A sanitizer build keeps its objects apart from the plain one.
ifneq ($(SANITIZE),)
BUILD   ?= build-san
else
BUILD   ?= build
endif

PKGS     = yaml-0.1 libical sqlite3 cairo pangocairo json-c nettle
TESTPKGS = cmocka

CC      ?= cc
WARN     = -Wall -Wextra -Werror -Wpointer-arith -Wvla \
	   -Wdeclaration-after-statement -Wstrict-prototypes \
	   -Wold-style-definition -Wmissing-prototypes -Wshadow \
	   -Wno-format-zero-length -Wformat-security
CFLAGS  ?= -O2 -g
ALL_CFLAGS = -std=c11 $(WARN) $(CFLAGS) \
	   $(shell pkg-config --cflags $(PKGS) 2>/dev/null) \
	   -I$(BUILD)
LIBS     = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lm -pthread

ifneq ($(SANITIZE),)
ALL_CFLAGS += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS    += -fsanitize=$(SANITIZE)
endif

SRCS  = $(wildcard planner/*.c)
OBJS  = $(SRCS:planner/%.c=$(BUILD)/obj/%.o)
# Unit tests link the library modules: not main.c nor the command files.
LIBOBJS = $(filter-out $(BUILD)/obj/main.o $(BUILD)/obj/cmd_%.o,$(OBJS))
UNIT_SRCS = $(wildcard tests/unit/test_*.c)
UNITS = $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: FORCE all deps deps-test demo test unit cli interop hostile install uninstall clean bench fuzz

all: $(BUILD)/planner $(BUILD)/bench-gen

$(BUILD)/planner: $(OBJS)
	@echo "  LD      $@"
	@$(CC) $(LDFLAGS) -o $@ $(OBJS) $(LIBS)

# The build's settings, rewritten only when they change, so that a new
# PREFIX (make install PREFIX=/usr) rebuilds what depends on it.
$(BUILD)/config.h: FORCE | $(BUILD)/obj
	@printf '#define PLANNER_VERSION "%s"\n#define PLANNER_DATADIR "%s"\n' \
	    '$(VERSION)' '$(DATADIR)' >$@.tmp
	@if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi

FORCE:

$(BUILD)/obj/%.o: planner/%.c $(BUILD)/config.h | $(BUILD)/obj
	@echo "  CC      $<"
	@$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/obj $(BUILD)/tests:
	mkdir -p $@

-include $(OBJS:.o=.d)

# Unit tests link every module but main.c against cmocka.
$(BUILD)/tests/%: tests/unit/%.c $(LIBOBJS) | $(BUILD)/tests
	@echo "  TEST    $@"
	@$(CC) $(ALL_CFLAGS) -Iplanner $(shell pkg-config --cflags $(TESTPKGS) 2>/dev/null) \
	    $(LDFLAGS) -o $@ $< $(LIBOBJS) $(LIBS) $(shell pkg-config --libs $(TESTPKGS) 2>/dev/null)

# Benchmarks: each bench/NAME.c links the library modules (as the unit
# tests do) into $(BUILD)/bench/NAME, run from the top of the tree. They
# print measurements; they fail only when they cannot run.
BENCH_SRCS = $(filter-out bench/gen.c,$(wildcard bench/*.c))
BENCHES = $(BENCH_SRCS:bench/%.c=$(BUILD)/bench/%)

$(BUILD)/bench:
	mkdir -p $@

$(BUILD)/bench/%: bench/%.c bench/bench.h $(LIBOBJS) | $(BUILD)/bench
	@echo "  BENCH   $@"
	@$(CC) $(ALL_CFLAGS) -Iplanner $(LDFLAGS) -o $@ $< $(LIBOBJS) $(LIBS)

# bench/store times the store phase as planner plan runs it, which is
# cmd_db.c's (a command file, so not among LIBOBJS).
$(BUILD)/bench/store: $(BUILD)/obj/cmd_db.o
$(BUILD)/bench/store: LIBS += $(BUILD)/obj/cmd_db.o

# bench-gen writes synthetic programs (bench/gen.c says how); it links
# no planner module, so that it builds even when one does not.
$(BUILD)/bench-gen: bench/gen.c | $(BUILD)/obj
	@echo "  CC      $@"
	@$(CC) -std=c11 $(WARN) $(CFLAGS) $(LDFLAGS) -o $@ bench/gen.c

bench: all $(BENCHES)
	@for b in $(BENCHES); do \
		echo "== $$b"; \
		PLANNER_DATADIR=$(CURDIR) ./$$b || exit 1; \
	done
	@echo "== bench/run.sh (synthetic programs S, M, L; docs/performance.md)"
	@sh bench/run.sh $(BUILD)

# Installs missing Debian packages when run as root; otherwise prints
# the apt-get line to run and stops.
deps:
	@sh scripts/deps build

deps-test:
	@sh scripts/deps test

demo: deps
	$(MAKE) all
	./$(BUILD)/planner plan examples/border-fpv-fse.yaml --out out

test: deps deps-test
	$(MAKE) all $(UNITS)
	@sh tests/run.sh $(BUILD)

unit: all $(UNITS)
	@sh tests/run.sh $(BUILD) unit

cli: all
	@sh tests/run.sh $(BUILD) cli

interop: all
	@sh tests/run.sh $(BUILD) interop

hostile: all
	@sh tests/run.sh $(BUILD) hostile

# Fuzzing (fuzz/): libFuzzer harnesses built with clang, each linked
# with the library modules compiled again with its instrumentation and
# AddressSanitizer + UndefinedBehaviorSanitizer. `make fuzz` replays
# each harness's regression cases, then fuzzes it for FUZZ_SECONDS.
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_BUILD   ?= $(BUILD)/fuzz
FUZZ_SAN      = -fsanitize=address,undefined -fno-sanitize-recover=all \
		-fno-omit-frame-pointer
FUZZ_CFLAGS   = $(filter-out -Werror -O2,$(ALL_CFLAGS)) -O1 -g $(FUZZ_SAN)
FUZZ_OBJS     = $(LIBOBJS:$(BUILD)/obj/%.o=$(FUZZ_BUILD)/obj/%.o)
FUZZ_BINS     = $(patsubst fuzz/%.c,$(FUZZ_BUILD)/%,$(wildcard fuzz/fuzz_*.c))

$(FUZZ_BUILD)/obj:
	mkdir -p $@

$(FUZZ_BUILD)/obj/%.o: planner/%.c | $(FUZZ_BUILD)/obj
	@echo "  FUZZCC  $<"
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_BUILD)/fuzz_%: fuzz/fuzz_%.c $(FUZZ_OBJS)
	@echo "  FUZZLD  $@"
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -Iplanner -fsanitize=fuzzer -o $@ $< \
	    $(FUZZ_OBJS) $(LIBS)

# Kept, so that a second `make fuzz` does not compile them all again.
.SECONDARY: $(FUZZ_OBJS)

fuzz: $(FUZZ_BINS)
	@sh fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR) $(DESTDIR)$(MANDIR)
	install -m 755 $(BUILD)/planner $(DESTDIR)$(BINDIR)/planner
	cp -R templates $(DESTDIR)$(DATADIR)/
	chmod -R u=rwX,go=rX $(DESTDIR)$(DATADIR)/templates
	install -m 644 docs/planner.1 $(DESTDIR)$(MANDIR)/planner.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/planner $(DESTDIR)$(MANDIR)/planner.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf $(BUILD) out
