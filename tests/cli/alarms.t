# Reminders a template sets (docs/format.md, Reminders): by kind, for one
# event, and from the exercise's overrides; an empty list means none, and
# kinds left alone keep the built-in ones.
$ d=$(mktemp -d) && planner plan tests/cli/alarms/drill.yaml --no-db --out $d >/dev/null && tr -d '\r' <$d/calendar.ics | awk '/^UID:/ { u = substr($0, 5) } /^TRIGGER/ { print u, substr($0, 9) }'; /usr/bin/python3 tests/interop/check_ics.py $d/calendar.ics >/dev/null && echo python3-icalendar reads it; rm -rf $d
conduct.store-drill-2027@planner -P1W
conduct.store-drill-2027@planner -P1D
conduct.store-drill-2027@planner -PT30M
ipm.store-drill-2027@planner -PT2H
read-ahead.store-drill-2027@planner -P3D
read-ahead.store-drill-2027@planner PT1H
python3-icalendar reads it
# The same plan without them: the built-in reminders by kind.
$ d=$(mktemp -d) && planner plan tests/store/drill.yaml --no-db --out $d >/dev/null && tr -d '\r' <$d/calendar.ics | awk '/^UID:/ { u = substr($0, 5) } /^TRIGGER/ { print u, substr($0, 9) }'; rm -rf $d
conduct.store-drill-2027@planner -P1D
conduct.store-drill-2027@planner -PT1H
ipm.store-drill-2027@planner -P1D
ipm.store-drill-2027@planner -PT1H
read-ahead.store-drill-2027@planner -P2D
hot-wash.store-drill-2027@planner -PT15M
# A month is no fixed length of time: refused, where it is written.
$ sed 's/^  conduct: \[-1w, -1d, -30m\]$/  conduct: [-1mo]/' tests/cli/alarms/drill.yaml >$SCRATCH/m.yaml && cd $SCRATCH && planner validate m.yaml
m.yaml:11:13: error: alarm offset '-1mo' is in months; use weeks or days
? 1
