#!/bin/sh
# run.sh: run every fuzz harness for a bounded time, after its regression cases.
# Usage: sh fuzz/run.sh FUZZ_BUILD_DIR SECONDS [TARGET...]
# Run from the top of the tree. Each target NAME (fuzz/fuzz_NAME.c) first
# replays fuzz/regress/NAME/* (inputs that once crashed it, kept so they
# never do again), then fuzzes for SECONDS from the seeds in
# fuzz/corpus/NAME/ plus a scratch corpus, so that generated inputs do
# not pile up in the tree. A crash leaves its input in
# FUZZ_BUILD_DIR/crashes/NAME/: fix the bug, then move it to fuzz/regress/NAME/.
set -u

build=${1:?usage: run.sh FUZZ_BUILD_DIR SECONDS [TARGET...]}
secs=${2:?usage: run.sh FUZZ_BUILD_DIR SECONDS [TARGET...]}
shift 2
targets=${*:-$(ls fuzz/fuzz_*.c | sed 's|fuzz/fuzz_\(.*\)\.c|\1|')}
export PLANNER_DATADIR="${PLANNER_DATADIR:-$(pwd)}"
# fontconfig's caches, through pango, are not ours to fix (tests/lsan.supp).
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
fail=0
for t in $targets; do
	bin=$build/fuzz_$t
	if [ ! -x "$bin" ]; then
		echo "fuzz: no harness '$bin'" >&2
		exit 2
	fi
	mkdir -p "$build/crashes/$t" "$build/work/$t"
	reg=$(ls fuzz/regress/$t/* 2>/dev/null | grep -v '/README$' || true)
	if [ -n "$reg" ]; then
		if ! "$bin" $reg >"$build/$t.regress.log" 2>&1; then
			tail -30 "$build/$t.regress.log"
			echo "not ok - fuzz $t: a regression case fails again"
			fail=1
			continue
		fi
	fi
	if "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
	    -max_len=65536 -print_final_stats=0 \
	    -artifact_prefix="$build/crashes/$t/" \
	    "$build/work/$t" "fuzz/corpus/$t" >"$build/$t.log" 2>&1; then
		runs=$(grep -o 'Done [0-9]* runs' "$build/$t.log" | tail -1)
		echo "ok - fuzz $t: ${runs:-done} in ${secs}s"
	else
		tail -40 "$build/$t.log"
		echo "not ok - fuzz $t: input kept in $build/crashes/$t/"
		fail=1
	fi
done
exit $fail
