#!/bin/sh
# crash.sh: "planner plan" killed (SIGKILL) at random moments leaves its
# database whole, at the revision before or the one it was writing.
#
# Usage: sh tests/store/crash.sh [ROUNDS [SEED]]   (planner first on PATH)
#
# A large exercise is generated (tests/store/big.awk), planned once, and
# then planned again ROUNDS times with one comment changed, so each run
# would store a new revision; each is killed after a random delay drawn
# from SEED. Odd rounds draw it over the whole run, even rounds over the
# moments after the last output file is written, when the database is
# being written. After every kill, check_db.py checks the file (integrity,
# foreign keys, a revision whole or absent) and "planner list" opens it.
# Three more runs are killed while they create a fresh database. The
# outcome counts go to standard error with VERBOSE=1.
set -u

rounds=${1:-12}
seed=${2:-2027}
py=${PYTHON:-/usr/bin/python3}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/planner-crash.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
export PLANNER_DB="$tmp/p.db"
ex=big-drill-2027
fail=0

gen() {
	awk -v round="$1" -v nev=30 -v nitems=200 -v npeople=16 -v pad=30000 \
	    -f "$here/big.awk" >"$tmp/big.yaml"
}

# Milliseconds since the epoch.
ms() {
	date +%s%N | cut -c1-13
}

# A number in 0..max-1 from seed s.
draw() {
	awk -v s="$1" -v max="$2" 'BEGIN { srand(s); printf "%d\n", rand() * max }'
}

# Sleep n milliseconds.
nap() {
	sleep "$(awk -v n="$1" 'BEGIN { printf "%.3f\n", n / 1000 }')"
}

say() {
	[ -n "${VERBOSE:-}" ] && echo "crash.sh: $*" >&2
	return 0
}

start_plan() {
	rm -f "$tmp/out/roles.md"
	planner plan "$tmp/big.yaml" --out "$tmp/out" >/dev/null 2>&1 &
	pid=$!
}

# Wait for the last output file, which planner writes just before it
# stores the plan, or for the end of the run.
wait_outputs() {
	while [ ! -f "$tmp/out/roles.md" ] && kill -0 "$pid" 2>/dev/null; do
		:
	done
}

kill_plan() {
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
}

# Fresh databases, killed while planner creates them.
for i in 1 2 3; do
	rm -f "$tmp"/p.db*
	gen 0
	start_plan
	nap "$(draw $((seed + 100 + i)) 1500)"
	kill_plan
	if [ -f "$tmp/p.db" ]; then
		before=0
		if ! planner list >/dev/null 2>"$tmp/err"; then
			echo "fresh database $i: planner list fails: $(cat "$tmp/err")"
			fail=1
		elif ! "$py" "$here/check_db.py" "$tmp/p.db" "$ex" 0 \
		    >"$tmp/res" 2>&1 && ! grep -q new "$tmp/res"; then
			echo "fresh database $i: $(cat "$tmp/res")"
			fail=1
		fi
	fi
done
echo "fresh database killed 3 times: openable every time"

# Calibrate: how long a whole run takes, and how long after the last
# output file it ends (the database write and what follows).
rm -f "$tmp"/p.db*
gen 1
t0=$(ms)
start_plan
wait_outputs
t1=$(ms)
wait "$pid"
st=$?
t2=$(ms)
if [ $st -ne 0 ]; then
	echo "planner plan failed ($st)"
	exit 1
fi
total=$((t2 - t0))
tail=$((t2 - t1 + 5))
say "a run takes ${total}ms, ${tail}ms of it after its last output file"

before=1
old=0
new=0
for r in $(seq 2 $((rounds + 1))); do
	gen "$r"
	start_plan
	if [ $((r % 2)) -eq 1 ]; then
		kind="from the start"
		delay=$(draw $((seed + r)) $((total + total / 10)))
	else
		kind="after the last output file"
		wait_outputs
		delay=$(draw $((seed + r)) "$tail")
	fi
	nap "$delay"
	kill_plan
	if ! "$py" "$here/check_db.py" "$tmp/p.db" "$ex" "$before" \
	    >"$tmp/res" 2>&1; then
		echo "round $r: $(cat "$tmp/res")"
		fail=1
		break
	fi
	if ! planner list >/dev/null 2>"$tmp/err"; then
		echo "round $r: planner list fails: $(cat "$tmp/err")"
		fail=1
		break
	fi
	say "round $r: killed after ${delay}ms ($kind): $(cat "$tmp/res")"
	if grep -q '^new' "$tmp/res"; then
		new=$((new + 1))
		before=$((before + 1))
	else
		old=$((old + 1))
	fi
done
say "$rounds kills: $old left the revision before, $new the new one"

# Unharmed, the next run stores the next revision, and it exports.
gen $((rounds + 2))
planner plan "$tmp/big.yaml" --out "$tmp/out" >/dev/null 2>&1
"$py" "$here/check_db.py" "$tmp/p.db" "$ex" "$before" >"$tmp/res" 2>&1
if ! grep -q '^new' "$tmp/res"; then
	echo "after the kills: $(cat "$tmp/res")"
	fail=1
fi
planner export "$ex" --out "$tmp/exp" >/dev/null 2>&1 || fail=1
[ $fail -eq 0 ] && echo "plan killed $rounds times: database whole every time, at the old revision or the new one"
exit $fail
