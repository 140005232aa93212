#!/bin/sh
# run.sh: the scale benchmark of `make bench`: planner on synthetic
# programs S, M and L (bench/gen.c), one table of phase times, peak
# memory, objective and vacancies, the M-to-L growth, and M's staffing
# model solved by glpsol and cbc beside planner.
#
# Usage: sh bench/run.sh BUILD_DIR [SIZE...]      (sizes: S M L; default all)
#   BENCH_DIR      where programs and outputs go (default BUILD_DIR/bench-data;
#                  a program already there is reused: same seed, same files)
#   BENCH_SEED     generator seed (default 1)
#   BENCH_TIMEOUT  seconds one planner run may take (default 900)
#   SOLVER_SECONDS time limit of each external solver (default 120)
#   BENCH_LP       the size whose model goes to the solvers (default M)
#
# Run from the top of the tree. It measures; it fails only when it
# cannot run (no planner, a program that does not load).
set -u

build=${1:?usage: sh bench/run.sh BUILD_DIR [S|M|L]...}
shift
sizes=${*:-S M L}
top=$(pwd)
planner=$top/$build/planner
gen=$top/$build/bench-gen
work=${BENCH_DIR:-$top/$build/bench-data}
seed=${BENCH_SEED:-1}
limit=${BENCH_TIMEOUT:-900}
tmlim=${SOLVER_SECONDS:-120}
lpsize=${BENCH_LP:-M}
# The solvers' own limits do not cover reading and presolving a model
# of hundreds of megabytes: a wall-clock limit around them does.
hard=$((tmlim * 2 + 60))
export PLANNER_DATADIR="$top"
export SOURCE_DATE_EPOCH=1800000000
# The progress line is for people at a terminal, not for this table.
unset PLANNER_PROGRESS_DELAY

[ -x "$planner" ] && [ -x "$gen" ] || {
	echo "run.sh: build $build first (make BUILD=$build)" >&2
	exit 1
}
mkdir -p "$work"

now() { date +%s.%N; }

# The seconds of phase $2 in the --timings report $1; "-" when absent.
phase() {
	awk -v p="$2" '$1 == p && $3 == "s" { print $2; f = 1 } END { if (!f) print "-" }' "$1"
}

# Facts from the plan JSON: exercises people seats events objective
# vacancies optimal.
facts() {
	python3 - "$1" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
ex = d["exercises"]
held = sum(len(e["assignments"]) for e in ex)
vac = sum(v.get("missing", 0) for e in ex for v in e.get("vacancies") or [])
evs = sum(len(e["events"]) for e in ex)
st = d["staffing"]
people = len(d.get("people") or [])
print(len(ex), people, held + vac, evs, st["total"], vac,
      "yes" if st.get("optimal") else "no(bound %d)" % st.get("bound", 0))
EOF
}

printf '%-4s %5s %6s %6s %6s | %7s %7s %7s %7s %8s | %9s %7s | %12s %5s %s\n' \
    size exer people seats events load sched assign store planned \
    calendars rss_MiB objective vac optimal
rows=""
for size in $sizes; do
	dir=$work/$size
	if [ ! -f "$dir/program.yaml" ]; then
		"$gen" -s "$seed" "$size" "$dir" || exit 1
	fi
	rm -rf "$dir/out" "$dir/planner.db" "$dir/planner.db-wal" "$dir/planner.db-shm"
	lp=""
	[ "$size" = "$lpsize" ] && lp="--export-lp $dir/model.lp"
	t0=$(now)
	# shellcheck disable=SC2086
	timeout "$limit" "$planner" plan "$dir/program.yaml" --out "$dir/out" \
	    --db "$dir/planner.db" --no-print --timings --json $lp \
	    >"$dir/plan.json" 2>"$dir/plan.err"
	rc=$?
	t1=$(now)
	if [ $rc -eq 124 ]; then
		printf '%-4s timed out after %s s (BENCH_TIMEOUT)\n' "$size" "$limit"
		continue
	elif [ $rc -ne 0 ]; then
		echo "run.sh: planner failed on $size (exit $rc):" >&2
		grep -v '^planner: warning' "$dir/plan.err" | head -20 >&2
		exit 1
	fi
	set -- $(facts "$dir/plan.json")
	load=$(phase "$dir/plan.err" load)
	sched=$(phase "$dir/plan.err" schedule)
	assign=$(phase "$dir/plan.err" assign)
	store=$(phase "$dir/plan.err" store)
	cal=$(phase "$dir/plan.err" calendars)
	rss=$(awk '$1 == "peak-rss" { print $2 }' "$dir/plan.err")
	planned=$(echo "$load $sched $assign $store" | awk '{ printf "%.3f", $1 + $2 + $3 + $4 }')
	printf '%-4s %5s %6s %6s %6s | %7s %7s %7s %7s %8s | %9s %7s | %12s %5s %s\n' \
	    "$size" "$1" "$2" "$3" "$4" "$load" "$sched" "$assign" "$store" \
	    "$planned" "$cal" "$rss" "$5" "$6" "$7"
	rows="$rows $size=$planned"
	eval "planned_$size=$planned"
done

# Growth: L is 10x M's exercises and 4x its people; the target is at
# most 12x M's planning time.
case "$rows" in
*M=*L=*)
	# shellcheck disable=SC2154
	echo "$planned_M $planned_L" | awk '{ if ($1 > 0) printf "growth M -> L: %.1fx the time for 10x the exercises (target: at most 12x)\n", $2 / $1 }'
	;;
esac

# The staffing model of $lpsize beside two external solvers, each bounded.
lpdir=$work/$lpsize
[ -f "$lpdir/model.lp" ] || exit 0
echo
echo "$lpsize staffing model ($lpdir/model.lp) beside external solvers, each limited to ${tmlim} s:"
printf '%-8s %14s %14s %10s %s\n' solver objective bound seconds status
# shellcheck disable=SC2154
printf '%-8s %14s %14s %10s %s\n' planner "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["staffing"]["total"])' "$lpdir/plan.json")" \
    "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["staffing"]["bound"])' "$lpdir/plan.json")" \
    "$(phase "$lpdir/plan.err" assign)" "assign phase"
if command -v glpsol >/dev/null 2>&1; then
	t0=$(now)
	timeout "$hard" glpsol --lp "$lpdir/model.lp" --tmlim "$tmlim" \
	    -o "$lpdir/glpsol.sol" >"$lpdir/glpsol.log" 2>&1
	rc=$?
	t1=$(now)
	st=$(awk '/^Status:/ { $1 = ""; print; exit }' "$lpdir/glpsol.sol" 2>/dev/null)
	# glpsol's last "mip =" line: the best integer solution and the
	# best bound it reached, also when the time limit stopped it.
	obj=$(awk '/mip =/ { for (i = 1; i < NF - 1; i++) if ($i == "mip" && $(i + 1) == "=") o = $(i + 2) } END { print o }' "$lpdir/glpsol.log")
	bnd=$(awk '/mip =/ { for (i = 1; i <= NF; i++) if ($i == ">=" || $i == "<=") b = $(i + 1) } END { print b }' "$lpdir/glpsol.log")
	case $obj in not) obj="none found" ;; esac
	[ $rc -eq 124 ] && st="killed after ${hard} s"
	printf '%-8s %14s %14s %10.2f %s\n' glpsol "${obj:--}" "${bnd:--}" \
	    "$(echo "$t0 $t1" | awk '{ print $2 - $1 }')" "${st:-no solution}"
else
	echo "glpsol   not installed"
fi
if command -v cbc >/dev/null 2>&1; then
	t0=$(now)
	timeout "$hard" cbc "$lpdir/model.lp" sec "$tmlim" solve \
	    >"$lpdir/cbc.log" 2>&1
	rc=$?
	t1=$(now)
	obj=$(awk '/^Objective value:/ { print $3 }' "$lpdir/cbc.log" | tail -1)
	st=$(awk '/^Result - / { $1 = $2 = ""; print; exit }' "$lpdir/cbc.log")
	bnd=$(awk '/^Lower bound:/ { print $3 }' "$lpdir/cbc.log" | tail -1)
	[ $rc -eq 124 ] && st="killed after ${hard} s"
	printf '%-8s %14s %14s %10.2f %s\n' cbc "${obj:--}" "${bnd:--}" \
	    "$(echo "$t0 $t1" | awk '{ print $2 - $1 }')" "${st:-no solution}"
else
	echo "cbc      not installed"
fi
