#!/bin/sh
# run.sh: planner's calendars read by parsers no one here wrote (ical.js, python3-icalendar).
#
# Usage: sh tests/interop/run.sh BUILD_DIR [ICS_DIR]
#
# With ICS_DIR, checks every .ics file under it, and compares them with
# ICS_DIR/plan.json when that exists. Without it, plans every
# examples/*.yaml holding a "kind: Exercise" document with
# "BUILD_DIR/planner plan FILE --no-db --out TMP --json", keeping the
# JSON beside the calendars.
#
# For each file: ical.js reads it; python3-icalendar reads it with no
# recorded errors; both print the same UID and UTC start and end of every
# VEVENT and VTODO, and every ATTENDEE's ROLE, PARTSTAT and CUTYPE (RFC
# 5545's default where the file leaves one out); the times match
# planner's own JSON plan, where the UID of
# event E of exercise X is "E.X@planner" and an all-day item sits on the
# local date of its start in the exercise's zone; and, when Radicale and
# curl are installed, Radicale stores the whole file. Without ICS_DIR,
# replan.sh also checks that planning again after the exercise moved
# updates every event in place and cancels the dropped ones. Prints one
# "ok"/"not ok" line per check, then "N passed, M failed"; exits 1 on
# any failure. NODE and PYTHON name other interpreters (the default
# python is /usr/bin/python3, which has Debian's python3-icalendar).
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:?usage: run.sh BUILD_DIR [ICS_DIR]}
dir=${2:-}
python=${PYTHON:-/usr/bin/python3}
node=${NODE:-node}
pass=0
fail=0
n=0

ok() { n=$((n + 1)); pass=$((pass + 1)); echo "ok $n - $1"; }
notok() {
	n=$((n + 1)); fail=$((fail + 1)); echo "not ok $n - $1"
	[ -s "$2" ] && sed 's/^/# /' "$2"
	return 0
}
finish() {
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
	exit $?
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/planner-interop.XXXXXX") || exit 1
radicale_pid=
cleanup() {
	if [ -n "$radicale_pid" ]; then
		kill "$radicale_pid" 2>/dev/null
		wait "$radicale_pid" 2>/dev/null
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' HUP INT PIPE TERM

if [ ! -d "$here/node_modules/ical.js" ]; then
	echo "ical.js is not installed: run 'npm ci' in tests/interop" >"$tmp/err"
	notok "ical.js installed" "$tmp/err"
	finish
fi
if ! "$python" -c 'import icalendar' 2>"$tmp/err"; then
	notok "python3-icalendar importable by $python" "$tmp/err"
	finish
fi

# Sets to check, one directory a line: .ics files, maybe a plan.json.
: >"$tmp/sets"
case $build in /*) ;; *) build=$root/$build ;; esac
planner=$build/planner
if [ -n "$dir" ]; then
	(cd "$dir" && pwd) >"$tmp/sets" || finish
elif [ -x "$planner" ] && "$planner" plan --help >/dev/null 2>&1; then
	for f in "$root"/examples/*.yaml; do
		[ -f "$f" ] || continue
		grep -q '^kind:[[:space:]]*Exercise[[:space:]]*$' "$f" || continue
		name=$(basename "$f" .yaml)
		out=$tmp/$name
		mkdir -p "$out"
		# --no-db: a test must not write planner.db in the tree.
		if (cd "$root" && "$planner" plan "$f" --no-db --out "$out/ics" \
		    --json) >"$out/plan.json" 2>"$tmp/err"; then
			ok "planner plan examples/$name.yaml"
		else
			notok "planner plan examples/$name.yaml" "$tmp/err"
			continue
		fi
		if [ "$(head -c 1 "$out/plan.json")" != "{" ]; then
			echo "# no JSON plan for $name: comparing readers only"
			rm -f "$out/plan.json"
		fi
		echo "$out" >>"$tmp/sets"
	done
	# A re-plan after the exercise moved updates and cancels in place;
	# its calendars, cancelled events and all, are read as well.
	if sh "$here/replan.sh" "$planner" "$tmp/replan" >"$tmp/err" 2>&1
	then
		ok "re-plan updates calendars in place"
		echo "$tmp/replan/two" >>"$tmp/sets"
	else
		notok "re-plan updates calendars in place" "$tmp/err"
	fi
else
	echo "# skip: $planner cannot plan yet and no ICS_DIR was given"
	finish
fi

# Radicale (Debian's CalDAV server) must accept each file, when it and
# curl are installed: a whole calendar PUT into a new collection.
radicale=
if "$python" -c 'import radicale' 2>/dev/null && command -v curl >/dev/null
then
	port=$("$python" -c 'import socket; s = socket.socket();
s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
	"$python" -m radicale --config "" --server-hosts "127.0.0.1:$port" \
	    --auth-type none --rights-type authenticated \
	    --storage-filesystem-folder "$tmp/radicale" \
	    >"$tmp/radicale.log" 2>&1 &
	radicale_pid=$!
	i=0
	while [ $i -lt 50 ]; do
		if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
			radicale=http://127.0.0.1:$port
			break
		fi
		sleep 0.2
		i=$((i + 1))
	done
	if [ -n "$radicale" ] &&
	    [ "$(curl -s -o /dev/null -w '%{http_code}' -X MKCOL \
	    "$radicale/interop/")" = 201 ]; then
		:
	else
		notok "radicale starts" "$tmp/radicale.log"
		radicale=
	fi
else
	echo "# skip: radicale or curl not installed, no CalDAV check"
fi

nfiles=0
while IFS= read -r set; do
	find "$set" -name '*.ics' -type f | sort >"$tmp/files"
	: >"$tmp/read"
	while IFS= read -r ics; do
		nfiles=$((nfiles + 1))
		rel=${ics#"$set"/}
		label=$(basename "$set")/$rel
		js=$tmp/js.out
		py=$tmp/py.out
		jsok=0
		if (cd "$here" && "$node" check_ics.mjs "$ics") >"$js" 2>"$tmp/err"
		then
			ok "ical.js reads $label"
			cat "$js" >>"$tmp/read"
			jsok=1
		else
			notok "ical.js reads $label" "$tmp/err"
		fi
		if "$python" "$here/check_ics.py" "$ics" >"$py" 2>"$tmp/err"; then
			ok "python3-icalendar reads $label"
		else
			notok "python3-icalendar reads $label" "$tmp/err"
		fi
		if [ ! -s "$js" ] && [ ! -s "$py" ]; then
			echo "no items read" >"$tmp/err"
			notok "readers agree on $label" "$tmp/err"
		elif diff -u "$js" "$py" >"$tmp/err" 2>&1; then
			ok "readers agree on $label"
		else
			notok "readers agree on $label" "$tmp/err"
		fi
		if [ -n "$radicale" ]; then
			url=$radicale/interop/f$nfiles/
			code=$(curl -s -o "$tmp/err" -w '%{http_code}' -X PUT \
			    -H 'Content-Type: text/calendar; charset=utf-8' \
			    --data-binary "@$ics" "$url")
			want=$(grep -c '^BEGIN:V\(EVENT\|TODO\)' "$ics")
			got=$(curl -s "$url" | grep -c '^BEGIN:V\(EVENT\|TODO\)')
			if [ "$code" = 201 ] && [ "$got" = "$want" ]; then
				ok "radicale accepts $label"
			else
				echo "PUT $code, $got of $want items stored" \
				    >>"$tmp/err"
				notok "radicale accepts $label" "$tmp/err"
			fi
		fi
		[ -f "$set/plan.json" ] && [ "$jsok" = 1 ] || continue
		if "$python" - "$set/plan.json" "$js" >"$tmp/err" 2>&1 <<'EOF'
import json, sys
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

plan = json.load(open(sys.argv[1], encoding="utf-8"))
want = {}
for ex in plan["exercises"]:
    zone = ZoneInfo(ex.get("timezone") or "UTC")
    for ev in ex["events"]:
        want["%s.%s@planner" % (ev["id"], ex["id"])] = (ev, zone)
bad = 0
for line in open(sys.argv[2], encoding="utf-8"):
    uid, start, end = line.rstrip("\n").split("\t")
    if uid not in want or start == "ATTENDEE":
        continue        # an attendee, or not an event of the plan
    ev, zone = want[uid]
    if len(start) == 10:    # all-day: the local date of the start
        t = datetime.fromisoformat(ev["start"].replace("Z", "+00:00"))
        day = t.astimezone(zone).date()
        exp = (day.isoformat(), (day + timedelta(days=1)).isoformat())
    else:
        exp = (ev["start"], ev["end"])
    if (start, end) != exp:
        print("%s: read %s %s, planned %s %s" % (uid, start, end, *exp))
        bad += 1
sys.exit(1 if bad else 0)
EOF
		then
			ok "$label matches planner's plan"
		else
			notok "$label matches planner's plan" "$tmp/err"
		fi
	done <"$tmp/files"

	# Every planned event is in some calendar of the set.
	[ -f "$set/plan.json" ] || continue
	if "$python" - "$set/plan.json" "$tmp/read" >"$tmp/err" 2>&1 <<'EOF'
import json, sys
plan = json.load(open(sys.argv[1], encoding="utf-8"))
have = set(l.split("\t")[0] for l in open(sys.argv[2], encoding="utf-8"))
missing = ["%s.%s@planner" % (ev["id"], ex["id"])
           for ex in plan["exercises"] for ev in ex["events"]
           if "%s.%s@planner" % (ev["id"], ex["id"]) not in have]
for uid in missing:
    print("no calendar holds %s" % uid)
sys.exit(1 if missing else 0)
EOF
	then
		ok "every planned event of $(basename "$set") is in a calendar"
	else
		notok "every planned event of $(basename "$set") is in a calendar" \
		    "$tmp/err"
	fi
done <"$tmp/sets"
if [ "$nfiles" -eq 0 ]; then
	{ echo "no .ics files in:"; cat "$tmp/sets"; } >"$tmp/err"
	notok "calendars to check" "$tmp/err"
fi
finish
