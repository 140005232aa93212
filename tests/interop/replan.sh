#!/bin/sh
# replan.sh: planning again after the exercise moved updates calendars in place.
#
# Usage: sh tests/interop/replan.sh PLANNER TMPDIR
#
# Copies examples/ into TMPDIR, plans border-fpv-fse.yaml with two days
# of play into a new database, moves conduct a week later with one day
# of play in the copy, plans again with
# the same database, and checks with python3-icalendar (PYTHON) that
# every UID of the first calendar.ics is in the second, each event with
# SEQUENCE 1 and those the new plan dropped with STATUS:CANCELLED; that
# every event of an agencies/ or people/ file is the master's, line for
# line (conformance item 6); that tasks point at events that exist; and
# that corrective actions added between the plans are VTODOs of
# tasks.ics with their due date, status and point of contact.
# Prints what is wrong and exits 1 on any failure.
set -u

planner=${1:?usage: replan.sh PLANNER TMPDIR}
tmp=${2:?usage: replan.sh PLANNER TMPDIR}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
python=${PYTHON:-/usr/bin/python3}

mkdir -p "$tmp/ex" || exit 1
cp "$root"/examples/*.yaml "$tmp/ex/" || exit 1
ex=$tmp/ex/border-fpv-fse.yaml
grep -q '^conduct: 2027-06-16$' "$ex" || {
	echo "examples/border-fpv-fse.yaml no longer has conduct: 2027-06-16"
	exit 1
}
export SOURCE_DATE_EPOCH=1800000000
# Two days of play first, so that the second plan drops day 2.
cp "$ex" "$tmp/orig.yaml" || exit 1
sed 's/^overrides:$/overrides:\n  conduct:\n    days: 2/' "$tmp/orig.yaml" \
    >"$ex" || exit 1
"$planner" plan "$ex" --db "$tmp/r.db" --out "$tmp/one" >/dev/null || exit 1
sed 's/^conduct: 2027-06-16$/conduct: 2027-06-23/' "$tmp/orig.yaml" \
    >"$ex" || exit 1
# Improvement Plan actions, one of them under way, for tasks.ics.
"$planner" action add desert-lantern-2027 "Give the radar post a direct \
line; test it monthly" --owner daniel-whitaker --due 2027-09-30 \
    --start 2027-07-01 --db "$tmp/r.db" >/dev/null || exit 1
"$planner" action add desert-lantern-2027 "Train relief jammer operators" \
    --owner daniel-whitaker --due 2027-10-15 --db "$tmp/r.db" >/dev/null ||
    exit 1
"$planner" action update A2 --status in-progress --db "$tmp/r.db" \
    >/dev/null || exit 1
"$planner" plan "$ex" --db "$tmp/r.db" --out "$tmp/two" >/dev/null || exit 1

exec "$python" - "$tmp/one" "$tmp/two" <<'PY'
import glob, os, re, sys
from icalendar import Calendar

one, two = sys.argv[1], sys.argv[2]
bad = []

def read(path):
    with open(path, "rb") as f:
        return Calendar.from_ical(f.read())

def events(cal):
    return {str(c["UID"]): c for c in cal.walk("VEVENT")}

first = events(read(os.path.join(one, "calendar.ics")))
second = events(read(os.path.join(two, "calendar.ics")))
if not first:
    bad.append("the first calendar has no events")
for uid, old in first.items():
    new = second.get(uid)
    if new is None:
        bad.append("%s: gone from the second calendar" % uid)
        continue
    if int(new.get("SEQUENCE", 0)) != int(old.get("SEQUENCE", 0)) + 1:
        bad.append("%s: SEQUENCE %s after %s" % (uid, new.get("SEQUENCE"),
                                                 old.get("SEQUENCE")))
cancelled = [u for u, c in second.items() if str(c.get("STATUS")) == "CANCELLED"]
for uid in cancelled:
    if uid not in first:
        bad.append("%s: cancelled but never sent" % uid)
if "conduct-2.desert-lantern-2027@planner" not in cancelled:
    bad.append("day 2 of play is not cancelled")

# Item 6: an event has the same text in every file (DTSTAMP included).
def blocks(path):
    text = open(path, encoding="utf-8").read().replace("\r\n ", "")
    return {re.search(r"^UID:(.*)$", b, re.M).group(1): b
            for b in re.findall(r"BEGIN:VEVENT\r\n.*?END:VEVENT", text, re.S)}
master = blocks(os.path.join(two, "calendar.ics"))
files = glob.glob(os.path.join(two, "agencies", "*.ics")) + \
    glob.glob(os.path.join(two, "people", "*.ics"))
if not files:
    bad.append("no agencies/ or people/ calendars")
for path in files:
    for uid, b in blocks(path).items():
        if master.get(uid) != b:
            bad.append("%s: %s differs from calendar.ics" %
                       (os.path.relpath(path, two), uid))
actions = {}
for todo in read(os.path.join(two, "tasks.ics")).walk("VTODO"):
    parent = str(todo.get("RELATED-TO"))
    if parent not in second:
        bad.append("%s: RELATED-TO '%s' is no event" % (todo["UID"], parent))
    if str(todo["UID"]).startswith("action/"):
        att = todo.get("ATTENDEE")
        actions[str(todo["UID"])] = (str(todo.get("STATUS")),
                                     todo["DUE"].dt.isoformat(),
                                     # absent: RFC 5545's default
                                     str(att.params.get("PARTSTAT",
                                                        "NEEDS-ACTION")) if att
                                     else None, str(att) if att else None)
want = {
    "action/1.desert-lantern-2027@planner": ("NEEDS-ACTION", "2027-09-30",
        "NEEDS-ACTION", "mailto:daniel.whitaker@cbp.example.gov"),
    "action/2.desert-lantern-2027@planner": ("IN-PROCESS", "2027-10-15",
        "IN-PROCESS", "mailto:daniel.whitaker@cbp.example.gov"),
}
if actions != want:
    bad.append("corrective actions in tasks.ics: %r, expected %r" %
               (actions, want))
for b in bad:
    print(b)
print("%d events, %d cancelled, %d other calendars" %
      (len(second), len(cancelled), len(files)))
sys.exit(1 if bad else 0)
PY
