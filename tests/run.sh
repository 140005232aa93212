#!/bin/sh
# run.sh: every test suite of planner, with one closing count.
# Usage: sh tests/run.sh BUILD_DIR [unit|cli|bad|interop|sched|hostile]...
#   unit     cmocka unit tests (BUILD_DIR/tests/test_*)
#   cli      golden command-line cases (tests/cli/*.t)
#   bad      the bad-input corpus (tests/bad/*.yaml with .err beside)
#   interop  calendars read by ical.js and python3-icalendar
#   sched    schedules checked by an independent oracle (tests/oracle/)
#   hostile  hostile names through every output, read back by independent
#            readers (tests/hostile/check.py), calendars also by interop
set -u

build=${1:?usage: run.sh BUILD_DIR [suite...]}
shift
suites=${*:-unit cli bad interop sched hostile}
planner=$(cd "$build" && pwd)/planner
top=$(pwd)
# In a sanitizer build, leaks in system libraries listed there are not
# ours to fix (fontconfig's, through pango); planner's own still fail.
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$top/tests/lsan.supp:print_suppressions=0}"
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); [ -n "${VERBOSE:-}" ] && echo "ok - $1"; return 0; }
notok() { fail=$((fail + 1)); echo "not ok - $1"; [ -f "$tmp/diff" ] && sed 's/^/    /' "$tmp/diff"; rm -f "$tmp/diff"; return 0; }

run_unit() {
	for t in "$build"/tests/test_*; do
		[ -x "$t" ] || continue
		if "$t" >"$tmp/unit.out" 2>&1; then
			ok "unit $(basename "$t")"
		else
			sed 's/^/    /' "$tmp/unit.out" | tail -40 >"$tmp/diff"
			notok "unit $(basename "$t")"
		fi
	done
}

# A .t file: "$ command" lines, each followed by the expected standard
# output then standard error, and optionally "? N" for the exit status
# (0 when absent). "planner" in a command is the binary under test.
# Lines starting with "#" before a command are comments.
run_cli_file() {
	f=$1
	awk -v dir="$tmp/cases" '
		BEGIN { n = 0 }
		/^\$ / { n++; file = sprintf("%s/%03d", dir, n);
			print substr($0, 3) > (file ".cmd"); close(file ".cmd");
			printf "" > (file ".exp"); printf "0\n" > (file ".st");
			close(file ".st"); next }
		n == 0 { next }
		/^\? [0-9]+$/ { print $2 > (file ".st"); close(file ".st"); next }
		/^#/ { next }
		{ print >> (file ".exp") }
	' "$f"
	for c in "$tmp"/cases/*.cmd; do
		[ -f "$c" ] || continue
		base=${c%.cmd}
		cmd=$(cat "$c")
		want=$(cat "$base.st")
		(cd "$top" && PATH="$(dirname "$planner"):$PATH" \
		    SOURCE_DATE_EPOCH=1800000000 PLANNER_DATADIR="$top" \
		    SCRATCH="$tmp/scratch" PLANNER_DB="$tmp/scratch/planner.db" \
		    sh -c "$cmd" >"$base.out" 2>"$base.err" </dev/null)
		got=$?
		cat "$base.out" "$base.err" >"$base.all"
		if [ "$got" != "$want" ]; then
			echo "exit status $got, expected $want" >"$tmp/diff"
			diff -u "$base.exp" "$base.all" >>"$tmp/diff"
			notok "$(basename "$f"): $cmd"
		elif ! diff -u "$base.exp" "$base.all" >"$tmp/diff"; then
			notok "$(basename "$f"): $cmd"
		else
			rm -f "$tmp/diff"
			ok "$(basename "$f"): $cmd"
		fi
	done
	rm -rf "$tmp/cases"
}

# Each .t file gets a fresh $SCRATCH directory, which holds the database
# ($PLANNER_DB) its cases share, so "planner plan" never writes into the
# source tree and revision numbers start at 1 in every file.
run_cli() {
	for f in tests/cli/*.t; do
		mkdir -p "$tmp/cases"
		rm -rf "$tmp/scratch"
		mkdir -p "$tmp/scratch"
		run_cli_file "$f"
	done
}

# Each tests/bad/NAME.yaml must fail validation with exactly NAME.err.
run_bad() {
	for f in tests/bad/*.yaml; do
		exp=${f%.yaml}.err
		(cd tests/bad && "$planner" validate "$(basename "$f")") \
		    >"$tmp/bad.out" 2>&1
		st=$?
		if [ ! -f "$exp" ]; then
			echo "missing $exp" >"$tmp/diff"
			notok "bad $(basename "$f")"
		elif [ $st -ne 1 ]; then
			echo "exit status $st, expected 1" >"$tmp/diff"
			notok "bad $(basename "$f")"
		elif ! diff -u "$exp" "$tmp/bad.out" >"$tmp/diff"; then
			notok "bad $(basename "$f")"
		else
			ok "bad $(basename "$f")"
		fi
	done
}

run_interop() {
	if sh tests/interop/run.sh "$build" >"$tmp/interop.out" 2>&1; then
		ok "interop"
	else
		tail -40 "$tmp/interop.out" >"$tmp/diff"
		notok "interop"
	fi
	grep -E '^(ok|not ok)' "$tmp/interop.out" | sed 's/^/    /' | \
	    grep -c '^    ok' | sed 's/^/    interop checks passed: /'
}

# Every exercise and program of examples/ and tests/sched/ex-*.yaml is
# planned (JSON and table) and checked by tests/oracle/check_schedule.py,
# an independent re-computation of hours, holidays, windows and zones
# (with the hand-derived assertions of ex-NAME.expect when there is one),
# whose holiday code known_holidays.py first holds to published dates;
# selftest.py then breaks the plan in a dozen ways to prove the oracle
# catches each, and a second run must print the same bytes.
# tests/sched/xfail/ holds scenarios of known scheduler bugs (see its
# README): each must still fail, planner or oracle; one that passes is
# reported so it can move up.
sched_plan() {
	"$planner" plan "$1" --no-db --out "$tmp/sched" --json \
	    >"$tmp/sched.json" 2>"$tmp/diff" &&
	    "$planner" plan "$1" --no-db --out "$tmp/sched" \
	    >"$tmp/sched.txt" 2>"$tmp/diff"
}

run_sched() {
	py=/usr/bin/python3
	if $py tests/oracle/known_holidays.py >"$tmp/diff" 2>&1; then
		ok "sched oracle holidays against published dates"
	else
		notok "sched oracle holidays against published dates"
	fi
	for f in examples/*.yaml tests/sched/ex-*.yaml; do
		grep -Eq '^kind: (Exercise|Program)' "$f" || continue
		name="sched $(basename "$f")"
		exp=""
		[ -f "${f%.yaml}.expect" ] && exp="--expect ${f%.yaml}.expect"
		if ! sched_plan "$f"; then
			notok "$name: planner plan failed"
			continue
		fi
		"$planner" plan "$f" --no-db --out "$tmp/sched" --json \
		    >"$tmp/sched2.json" 2>/dev/null
		if ! cmp -s "$tmp/sched.json" "$tmp/sched2.json"; then
			diff -u "$tmp/sched.json" "$tmp/sched2.json" | head -40 \
			    >"$tmp/diff"
			notok "$name: a second run planned differently"
		elif ! $py tests/oracle/check_schedule.py $exp \
		    --table "$tmp/sched.txt" "$f" "$tmp/sched.json" \
		    >"$tmp/diff" 2>&1; then
			notok "$name: oracle"
		elif ! $py tests/oracle/selftest.py "$f" "$tmp/sched.json" \
		    >"$tmp/diff" 2>&1; then
			notok "$name: oracle self-test"
		else
			rm -f "$tmp/diff"
			ok "$name"
		fi
	done
	for f in tests/sched/xfail/ex-*.yaml; do
		[ -f "$f" ] || continue
		exp=""
		[ -f "${f%.yaml}.expect" ] && exp="--expect ${f%.yaml}.expect"
		if sched_plan "$f" && $py tests/oracle/check_schedule.py $exp \
		    --table "$tmp/sched.txt" "$f" "$tmp/sched.json" \
		    >/dev/null 2>&1; then
			echo "now passes: move it to tests/sched/" >"$tmp/diff"
			notok "sched xfail $(basename "$f") (XPASS)"
		else
			rm -f "$tmp/diff"
			ok "sched xfail $(basename "$f")"
		fi
	done
}

# An exercise whose every name, title and note is hostile (CR/LF, ; , :
# quotes, HTML, Markdown, formula starters, Unicode, long text) is
# planned; check.py reads each output back (one "ok"/"not ok" line per
# check, counted here), then tests/interop reads the calendars with
# ical.js and python3-icalendar against the JSON plan.
run_hostile() {
	rm -rf "$tmp/hostile"
	mkdir -p "$tmp/hostile"
	/usr/bin/python3 tests/hostile/check.py "$planner" "$tmp/hostile" \
	    >"$tmp/hostile.out" 2>&1
	st=$?
	failed=
	while IFS= read -r line; do
		case $line in
		"#"*) [ -n "$failed" ] && echo "$line" >>"$tmp/diff"
			continue ;;
		esac
		[ -n "$failed" ] && notok "hostile $failed"
		failed=
		case $line in
		"ok - "*) ok "hostile ${line#ok - }" ;;
		"not ok - "*) failed=${line#not ok - }; : >"$tmp/diff" ;;
		esac
	done <"$tmp/hostile.out"
	[ -n "$failed" ] && notok "hostile $failed"
	if [ $st -ne 0 ] && ! grep -q '^not ok' "$tmp/hostile.out"; then
		tail -20 "$tmp/hostile.out" >"$tmp/diff"
		notok "hostile check.py exited $st"
	fi
	[ -f "$tmp/hostile/out/plan.json" ] || return 0
	if sh tests/interop/run.sh "$build" "$tmp/hostile/out" \
	    >"$tmp/hostile.out" 2>&1; then
		ok "hostile calendars read by ical.js and python3-icalendar"
	else
		grep -v '^ok' "$tmp/hostile.out" | tail -40 >"$tmp/diff"
		notok "hostile calendars read by ical.js and python3-icalendar"
	fi
}

for s in $suites; do
	case $s in
	unit) run_unit ;;
	cli) run_cli ;;
	bad) run_bad ;;
	interop) run_interop ;;
	sched) run_sched ;;
	hostile) run_hostile ;;
	*) echo "run.sh: unknown suite '$s'" >&2; exit 2 ;;
	esac
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
