#!/bin/sh
# concurrent.sh: planners writing one database at once: every write lands
# whole, or a writer says the database is busy; nothing is lost.
#
# Usage: sh tests/store/concurrent.sh [WRITERS]   (planner first on PATH)
#
# Two planners create one database at once; two re-plan one exercise at
# once with different inputs; WRITERS commands (corrective actions added,
# checklist items checked, plans) run at once; then another program holds
# the write lock, and a planner with a short $PLANNER_BUSY_TIMEOUT says
# the database is busy while readers and a patient writer carry on.
set -u

n=${1:-16}
py=${PYTHON:-/usr/bin/python3}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/planner-concurrent.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
export PLANNER_DB="$tmp/p.db"
# Writers queue for the lock; on a loaded machine each commit's fsync
# may take seconds, so the patient ones here wait long. The point is
# that every write lands, not how fast the disk is.
export PLANNER_BUSY_TIMEOUT=60000
ex=store-drill-2027
fail=0

sql() {
	"$py" -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' \
	    "$PLANNER_DB" "$1"
}

expect() {
	if [ "$2" != "$3" ]; then
		echo "$1: got '$2', expected '$3'"
		fail=1
	fi
}

cp "$here/drill.yaml" "$tmp/a1.yaml"
sed 's/^conduct: 2027-02-24/conduct: 2027-03-03/' "$here/drill.yaml" \
    >"$tmp/a2.yaml"
sed 's/^id: store-drill-2027/id: store-drill-b/' "$here/drill.yaml" \
    >"$tmp/b.yaml"

# 1. Two planners create the database at once.
planner plan "$tmp/a1.yaml" --out "$tmp/o1" >"$tmp/1.out" 2>&1 &
p1=$!
planner plan "$tmp/b.yaml" --out "$tmp/o2" >"$tmp/2.out" 2>&1 &
p2=$!
wait $p1
s1=$?
wait $p2
s2=$?
expect "two planners creating one database" "$s1 $s2" "0 0"
[ "$s1 $s2" = "0 0" ] || tail -n 5 "$tmp/1.out" "$tmp/2.out"
expect "exercises stored" "$(sql 'SELECT count(*) FROM revision')" 2
echo "two planners created one database at once: both plans stored"

# 2. One exercise re-planned twice at once, with different inputs.
planner plan "$tmp/a2.yaml" --out "$tmp/o3" >"$tmp/3.out" 2>&1 &
p1=$!
cp "$tmp/a2.yaml" "$tmp/a3.yaml"
sed -i 's/^conduct: 2027-03-03/conduct: 2027-03-10/' "$tmp/a3.yaml"
planner plan "$tmp/a3.yaml" --out "$tmp/o4" >"$tmp/4.out" 2>&1 &
p2=$!
wait $p1
s1=$?
wait $p2
s2=$?
expect "two planners re-planning one exercise" "$s1 $s2" "0 0"
expect "revisions of $ex" "$(sql "SELECT max(number) FROM revision WHERE exercise = '$ex'")" 3
expect "distinct plans" "$(sql "SELECT count(DISTINCT hash) FROM revision WHERE exercise = '$ex'")" 3
echo "one exercise re-planned by two planners at once: revisions 2 and 3, both whole"

# 3. Many writers at once.
pids=""
i=0
while [ $i -lt "$n" ]; do
	case $((i % 4)) in
	0|1)	planner action add "$ex" "Action $i" --owner bo-lee \
		    --due 2027-05-01 >"$tmp/w$i.out" 2>&1 & ;;
	2)	planner check $((i % 3 + 1)) --by ana-ruiz --note "writer $i" \
		    >"$tmp/w$i.out" 2>&1 & ;;
	3)	planner plan "$tmp/b.yaml" --out "$tmp/ow$i" >"$tmp/w$i.out" \
		    2>&1 & ;;
	esac
	pids="$pids $!"
	i=$((i + 1))
done
bad=0
for p in $pids; do
	wait "$p" || bad=$((bad + 1))
done
expect "writers failed" "$bad" 0
expect "corrective actions" "$(sql 'SELECT count(*) FROM corrective_action')" $((n / 2))
expect "checks" "$(sql 'SELECT count(*) FROM item_check')" \
    "$(cat "$tmp"/w*.out | grep -c '^done:')"
expect "integrity" "$(sql 'PRAGMA integrity_check')" ok
echo "$n writers at once: every one succeeded, every write is there"

# 4. Another program holds the write lock for two seconds.
"$py" -c 'import sqlite3, sys, time
d = sqlite3.connect(sys.argv[1], isolation_level=None)
d.execute("BEGIN IMMEDIATE")
open(sys.argv[2], "w").close()
time.sleep(2)
d.execute("COMMIT")' "$PLANNER_DB" "$tmp/locked" &
holder=$!
while [ ! -f "$tmp/locked" ]; do
	sleep 0.05
done
planner action add "$ex" "Patient writer" --owner bo-lee --due 2027-05-01 \
    >"$tmp/patient.out" 2>&1 &
patient=$!
PLANNER_BUSY_TIMEOUT=300 planner check 3 --by ana-ruiz \
    >"$tmp/busy.out" 2>&1
expect "impatient writer's status" "$?" 1
sed "s|$tmp/||" "$tmp/busy.out"
planner list >/dev/null 2>&1
expect "reader while locked" "$?" 0
wait $holder
wait $patient
expect "patient writer's status" "$?" 0
expect "corrective actions" "$(sql 'SELECT count(*) FROM corrective_action')" $((n / 2 + 1))
echo "a writer waited out the lock; readers were never held up"
exit $fail
