#!/bin/sh
# run.sh: the scale benchmark of `make bench`: planner on synthetic
# programs S, M and L (bench/gen.c), one table of phase times, peak
# memory, objective and vacancies, the M-to-L growth, and M's staffing
# models (network-only and full) solved by glpsol and cbc beside
# planner (bench/staffing.c, which make bench builds).
#
# Usage: sh bench/run.sh BUILD_DIR [SIZE...]      (sizes: S M L; default all)
#   BENCH_DIR      where programs and outputs go (default BUILD_DIR/bench-data;
#                  a program already there is reused: same seed, same files)
#   BENCH_SEED     generator seed (default 1)
#   BENCH_TIMEOUT  seconds one planner run may take (default 900)
#   SOLVER_SECONDS time limit of each external solver (default 120)
#   BENCH_LP       the size whose model goes to the solvers (default M)
#   BENCH_RUNS     runs of each size; its row is the median run (default 3;
#                  each run's files are kept until the end: about 1.2 GB at L)
#
# Run from the top of the tree. It measures; it fails only when it
# cannot run (no planner, a program that does not load) or when two
# runs of a size plan differently (planner is deterministic).
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
runs=${BENCH_RUNS:-3}
case $runs in
''|*[!0-9]*|0) echo "run.sh: BENCH_RUNS must be a whole number, at least 1" >&2; exit 1 ;;
esac
# The solvers' own limits do not cover reading and presolving a model
# of tens of megabytes, and cbc's counts CPU, not wall time, which a
# shared machine stretches: a generous wall-clock limit around them.
hard=$((tmlim * 4 + 120))
export PLANNER_DATADIR="$top"
export SOURCE_DATE_EPOCH=1800000000
# The progress line is for people at a terminal, not for this table.
unset PLANNER_PROGRESS_DELAY

[ -x "$planner" ] && [ -x "$gen" ] || {
	echo "run.sh: build $build first (make BUILD=$build)" >&2
	exit 1
}
mkdir -p "$work"
old=$work/.old.$$	# left behind only if killed (SIGKILL): delete it
n=0
trap 'rm -rf "$old"' EXIT
trap 'exit 1' HUP INT PIPE TERM

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
      "yes" if st.get("optimal") else "no,bound:%d" % st.get("bound", 0))
EOF
}

# Planned seconds (load, schedule, assign, store) in --timings report $1.
planned_of() {
	awk '$3 == "s" && ($1 == "load" || $1 == "schedule" || $1 == "assign" || $1 == "store") { t += $2 } END { printf "%.3f", t }' "$1"
}

# Run $3 of size $1 in $2: plan.$3.json and plan.$3.err; fails (after
# saying why) when planner fails or times out.
once() {
	# A file made within about 35 s of many deleted makes ext4 step
	# over every inode freed (20-40% of the calendars' CPU in
	# profiles): the last run's files are moved aside, not deleted,
	# until the benchmark ends.
	if [ -e "$2/out" ]; then
		n=$((n + 1))
		mkdir -p "$old" && mv "$2/out" "$old/$n" || exit 1
	fi
	rm -f "$2/planner.db" "$2/planner.db-wal" "$2/planner.db-shm"
	sync
	timeout "$limit" "$planner" plan "$2/program.yaml" --out "$2/out" \
	    --db "$2/planner.db" --no-print --timings --json \
	    >"$2/plan.$3.json" 2>"$2/plan.$3.err"
	rc=$?
	if [ $rc -eq 124 ]; then
		printf '%-4s timed out after %s s (BENCH_TIMEOUT)\n' "$1" "$limit"
		return 1
	elif [ $rc -ne 0 ]; then
		echo "run.sh: planner failed on $1 (exit $rc):" >&2
		grep -v '^planner: warning' "$2/plan.$3.err" | head -20 >&2
		exit 1
	fi
}

printf '%-4s %5s %6s %6s %6s | %7s %7s %7s %7s %8s | %9s %7s | %12s %5s %s\n' \
    size exer people seats events load sched assign store planned \
    calendars rss_MiB objective vac optimal
rows=""
spread=""
for size in $sizes; do
	dir=$work/$size
	if [ ! -f "$dir/program.yaml" ]; then
		"$gen" -s "$seed" "$size" "$dir" || exit 1
	fi
	# Each size runs $runs times and the row is the run of median
	# planned time: one run's time moved 20-30% on this machine from
	# one run to the next, and with it the growth ratio.
	r=0 times="" ok=1
	while [ $r -lt "$runs" ]; do
		r=$((r + 1))
		once "$size" "$dir" "$r" || { ok=0; break; }
		times="$times $(planned_of "$dir/plan.$r.err"):$r"
	done
	[ $ok -eq 1 ] || continue
	# The median run, its number after the colon.
	med=$(echo $times | tr ' ' '\n' | LC_ALL=C sort -n | awk -F: '{ a[NR] = $2 } END { print a[int((NR + 1) / 2)] }')
	err=$dir/plan.$med.err
	cp "$dir/plan.$med.json" "$dir/plan.json"
	cp "$err" "$dir/plan.err"
	set -- $(facts "$dir/plan.json")
	for k in $(seq 1 "$runs"); do
		if [ "$(facts "$dir/plan.$k.json")" != "$*" ]; then
			echo "run.sh: $size: run $k planned differently from run $med" >&2
			exit 1
		fi
	done
	load=$(phase "$err" load)
	sched=$(phase "$err" schedule)
	assign=$(phase "$err" assign)
	store=$(phase "$err" store)
	cal=$(phase "$err" calendars)
	rss=$(awk '$1 == "peak-rss" { print $2 }' "$err")
	planned=$(planned_of "$err")
	printf '%-4s %5s %6s %6s %6s | %7s %7s %7s %7s %8s | %9s %7s | %12s %5s %s\n' \
	    "$size" "$1" "$2" "$3" "$4" "$load" "$sched" "$assign" "$store" \
	    "$planned" "$cal" "$rss" "$5" "$6" "$7"
	rows="$rows $size=$planned"
	spread="$spread$size: $(echo $times | sed 's/:[0-9]*//g')
"
	eval "planned_$size=$planned"
done
if [ "$runs" -gt 1 ] && [ -n "$spread" ]; then
	echo "each row is the median of $runs runs by planned time; planned, each run in order:"
	printf '%s' "$spread" | sed 's/^/  /'
fi

# Growth: L is 10x M's exercises and 4x its people; the target is at
# most 12x M's planning time.
case "$rows" in
*M=*L=*)
	# shellcheck disable=SC2154
	echo "$planned_M $planned_L" | awk '{ if ($1 > 0) printf "growth M -> L: %.1fx the time for 10x the exercises (target: at most 12x)\n", $2 / $1 }'
	;;
esac

# The staffing models of $lpsize beside two external solvers, each
# bounded: the network-only model (the flow alone, docs/assignment.md),
# which planner solves exactly and must solve to the solvers' optimum
# at least 20x faster; and the full model with its side rules, where
# planner must come within 1% of the best bound a solver proves.
# bench/staffing times staffing alone (wall and CPU) on the program
# loaded and scheduled as planner plan does, and writes the LP file of
# the model it solved; the solvers read that file. Ratios are of CPU
# seconds, as the machine may be shared; a solver's time includes
# reading the file, as planner's includes building the model.
lpdir=$work/$lpsize
staffing=$top/$build/bench/staffing
[ -f "$lpdir/program.yaml" ] || exit 0
if [ ! -x "$staffing" ]; then
	echo "run.sh: no $build/bench/staffing (make BUILD=$build bench builds it): no solver comparison" >&2
	exit 0
fi

# "key value" pairs of a bench/staffing line: the value of key $2.
kv() {
	echo "$1" | awk -v k="$2" '{ for (i = 1; i < NF; i++) if ($i == k) { print $(i + 1); exit } }'
}

# Solve LP file $2 with solver $1; prints "objective bound wall cpu
# status" (fields "-" when absent; status may hold spaces).
solver() {
	name=$1 file=$2 log=$2.$1.log tm=$2.$1.time
	case $name in
	glpsol)
		/usr/bin/time -f '%e %U %S' -o "$tm" timeout "$hard" glpsol \
		    --lp "$file" --tmlim "$tmlim" -o "$file.glpsol.sol" >"$log" 2>&1
		rc=$?
		# The last "mip =" line: the best integer solution and the
		# best bound, also when the time limit stopped it.
		obj=$(awk '/mip =/ { for (i = 1; i < NF - 1; i++) if ($i == "mip" && $(i + 1) == "=") o = $(i + 2) } END { print o }' "$log")
		bnd=$(awk '/mip =/ { for (i = 1; i < NF; i++) if ($i == ">=" && $(i + 1) ~ /^[-+0-9.e]+$/) b = $(i + 1) } END { print b }' "$log")
		case $obj in not) obj="" ;; esac
		st=$(awk '/^Status:/ { $1 = ""; sub(/^ /, ""); print; exit }' "$file.glpsol.sol" 2>/dev/null)
		grep -q 'TIME LIMIT EXCEEDED' "$log" && st="stopped at its ${tmlim} s limit"
		;;
	cbc)
		/usr/bin/time -f '%e %U %S' -o "$tm" timeout "$hard" cbc \
		    "$file" sec "$tmlim" solve >"$log" 2>&1
		rc=$?
		obj=$(awk '/^Objective value:/ { print $3 }' "$log" | tail -1)
		bnd=$(awk '/^Lower bound:/ { print $3 }' "$log" | tail -1)
		st=$(awk '/^Result - / { $1 = $2 = ""; sub(/^ */, ""); print; exit }' "$log")
		# Stopped before its search: the LP relaxation is a bound,
		# and cbc reports a time limit met in preprocessing as
		# "infeasible or unbounded".
		[ -n "$bnd" ] || bnd=$(awk '/^Continuous objective value is/ { print $5 }' "$log" | tail -1)
		if [ -z "$st" ] && grep -q '^Pre-processing says infeasible' "$log"; then
			st="stopped in preprocessing (its time limit; it says infeasible)"
		fi
		;;
	esac
	[ $rc -eq 124 ] && st="killed after ${hard} s (never finished reading and solving)"
	# Proven optimal: the bound is the objective.
	case $st in *OPTIMAL*|Optimal*) [ -n "$obj" ] && bnd=$obj ;; esac
	obj=$(echo "${obj:--}" | awk '{ if ($1 == "-") print "-"; else printf "%.0f", $1 }')
	bnd=$(echo "${bnd:--}" | awk '{ if ($1 == "-") print "-"; else printf "%.0f", $1 }')
	set -- $(tail -1 "$tm" 2>/dev/null)
	echo "$obj $bnd ${1:--} $(echo "${2:-0} ${3:-0}" | awk '{ printf "%.2f", $1 + $2 }') ${st:-no solution}"
}

# Compare: planner's line $1 and the solvers on file $2; $3 network
# (equal optimum, 20x) or side (within 1% of the best bound).
compare() {
	pl=$1 file=$2 kind=$3
	pobj=$(kv "$pl" objective)
	pcpu=$(kv "$pl" cpu)
	printf '%-8s %12s %12s %9s %9s  %s\n' planner "$pobj" \
	    "$(kv "$pl" bound)" "$(kv "$pl" seconds)" "$pcpu" \
	    "$(kv "$pl" method), optimal: $(kv "$pl" optimal)"
	for sv in glpsol cbc; do
		if ! command -v $sv >/dev/null 2>&1; then
			echo "$sv not installed"
			continue
		fi
		out=$(solver $sv "$file")
		set -- $out
		sobj=$1 sbnd=$2 swall=$3 scpu=$4
		shift 4
		printf '%-8s %12s %12s %9s %9s  %s\n' $sv "$sobj" "$sbnd" \
		    "$swall" "$scpu" "$*"
		if [ "$kind" = network ]; then
			echo "$pobj $pcpu $sobj $scpu $sv" | awk '{
			    if ($3 == "-") { printf "  %s: no optimum within its limit: planner %s in %.2f s CPU, at least %.0fx faster\n", $5, $1, $2, ($2 > 0 ? $4 / $2 : 0); exit }
			    printf "  %s: optimum %s, planner %s: %s; planner %.0fx faster in CPU (target: equal, at least 20x)\n", $5, $3, $1, ($1 == $3 ? "equal" : "NOT EQUAL"), ($2 > 0 ? $4 / $2 : 0) }'
		else
			echo "$pobj $sbnd $sv" | awk '{
			    if ($2 == "-" || $2 <= 0) { printf "  %s: no bound within its limit\n", $3; exit }
			    printf "  %s: planner %s is %.2f%% above its best bound %s (target: within 1%%)\n", $3, $1, 100 * ($1 - $2) / $2, $2 }'
		fi
	done
}

echo
echo "$lpsize staffing beside external solvers (each limited to ${tmlim} s; times in seconds):"
printf '%-8s %12s %12s %9s %9s  %s\n' solver objective bound wall cpu status
# Planner's time without writing the model (which names every arc and,
# for the full model, makes every time rule, as the file must say them
# all), then the model for the solvers.
net=$("$staffing" -n "$lpdir/program.yaml") || exit 1
"$staffing" -n -l "$lpdir/network.lp" "$lpdir/program.yaml" >/dev/null || exit 1
echo "network-only model ($lpdir/network.lp, $(wc -c <"$lpdir/network.lp") bytes):"
compare "$net" "$lpdir/network.lp" network
full=$("$staffing" "$lpdir/program.yaml") || exit 1
"$staffing" -l "$lpdir/full.lp" "$lpdir/program.yaml" >/dev/null || exit 1
echo "full model with side rules ($lpdir/full.lp, $(wc -c <"$lpdir/full.lp") bytes):"
compare "$full" "$lpdir/full.lp" side
