# Plans that cannot be made: exit 1, and an explanation that names the
# exercise, the event and what rules out each part of its window. Inputs
# are in tests/cli/infeasible/; each file's comment says what is wrong.
# Every date and reason below was checked by hand against the calendars
# (templates/calendars/) and the roster: 1 February 2027 is Mexico's
# Constitution Day (first Monday of February), 16 September its
# Independence Day, 5-6 June 2027 a weekend.
#
# The sync's window, 1..7 February 2027: Monday a holiday of mx-a,
# Tuesday to Friday a blackout of ua-b, the weekend no one's working day.
$ d=$(mktemp -d); planner plan tests/cli/infeasible/holiday-blackout.yaml --no-db --out "$d"; s=$?; rm -rf "$d"; exit $s
tests/cli/infeasible/holiday-blackout.yaml:12:1: error: exercise 'hb-2027' cannot be scheduled with play on 2027-03-03
tests/cli/infeasible/holiday-blackout.yaml:12:1: note: event 'sync' (Bilateral sync) has no possible time in its window 2027-02-01..2027-02-07
tests/cli/infeasible/holiday-blackout.yaml:12:1: note: 2027-02-01: holiday of mx-a: Constitution Day (mx-statutory)
tests/cli/infeasible/holiday-blackout.yaml:12:1: note: 2027-02-02..2027-02-05: blackout of ua-b: Frontline rotation
tests/cli/infeasible/holiday-blackout.yaml:12:1: note: 2027-02-06..2027-02-07: not a working day of mx-a
? 1
# No date of play in the conduct window, for the same reasons.
$ d=$(mktemp -d); planner plan tests/cli/infeasible/window-none.yaml --no-db --out "$d"; s=$?; rm -rf "$d"; exit $s
tests/cli/infeasible/window-none.yaml:9:1: error: exercise 'wn-2027' has no date of play in 2027-02-01..2027-02-07 that every event fits
tests/cli/infeasible/window-none.yaml:9:1: note: 2027-02-01: holiday of mx-a: Constitution Day (mx-statutory)
tests/cli/infeasible/window-none.yaml:9:1: note: 2027-02-02..2027-02-05: blackout of ua-b: Frontline rotation
tests/cli/infeasible/window-none.yaml:9:1: note: 2027-02-06..2027-02-07: not a working day of mx-a
? 1
# A deadline whose window is a weekend.
$ d=$(mktemp -d); planner plan tests/cli/infeasible/weekend-deadline.yaml --no-db --out "$d"; s=$?; rm -rf "$d"; exit $s
tests/cli/infeasible/weekend-deadline.yaml:12:1: error: exercise 'wd-2027' cannot be scheduled with play on 2027-06-16
tests/cli/infeasible/weekend-deadline.yaml:12:1: note: event 'read-ahead' (Read-ahead sent) has no possible time in its window 2027-06-05..2027-06-06
tests/cli/infeasible/weekend-deadline.yaml:12:1: note: 2027-06-05..2027-06-06: a weekend, when nothing falls due
? 1
# A chain of 'after' gaps that cannot fit: mpm 14 days after ipm ends,
# fpm 14 days after mpm ends, all three within -6w..-4w of STARTEX
# (2027-05-05..2027-05-19). The explanation follows the chain.
$ d=$(mktemp -d); planner plan tests/cli/infeasible/gap-chain.yaml --no-db --out "$d"; s=$?; rm -rf "$d"; exit $s
tests/cli/infeasible/gap-chain.yaml:13:1: error: exercise 'gc-2027' cannot be scheduled with play on 2027-06-16
tests/cli/infeasible/gap-chain.yaml:13:1: note: event 'ipm' (Initial Planning Meeting) has no time in its window 2027-05-05..2027-05-19 early enough for the events that must follow it
tests/cli/infeasible/gap-chain.yaml:13:1: note: 'mpm' must start at least 14d after 'ipm' ends and by 2027-05-05 (its window 2027-05-05..2027-05-19)
tests/cli/infeasible/gap-chain.yaml:13:1: note: 'fpm' must start at least 14d after 'mpm' ends and by 2027-05-19 (its window 2027-05-05..2027-05-19)
tests/cli/infeasible/gap-chain.yaml:13:1: note: so 'ipm' would have to end by 2027-04-21, before its window opens on 2027-05-05
? 1
# Play fixed on New Year's Day 2027, a holiday of every agency: each one
# is named.
$ d=$(mktemp -d); planner plan tests/cli/infeasible/fixed-holiday.yaml --no-db --out "$d"; s=$?; rm -rf "$d"; exit $s
tests/cli/infeasible/fixed-holiday.yaml:8:1: error: exercise 'fh-2027' cannot be scheduled with play on 2027-01-01
tests/cli/infeasible/fixed-holiday.yaml:8:1: note: 2027-01-01: holiday of us-a: New Year's Day (us-federal)
tests/cli/infeasible/fixed-holiday.yaml:8:1: note: 2027-01-01: holiday of mx-a: New Year's Day (mx-statutory)
tests/cli/infeasible/fixed-holiday.yaml:8:1: note: 2027-01-01: holiday of ua-b: New Year's Day (ua-public)
? 1
# A deadline due Friday 17:00 in Phoenix is 03:00 Saturday in Kyiv: the
# reader's own date counts.
$ d=$(mktemp -d); planner plan tests/cli/infeasible/friday-deadline.yaml --no-db --out "$d"; s=$?; rm -rf "$d"; exit $s
tests/cli/infeasible/friday-deadline.yaml:13:1: error: exercise 'fd-2027' cannot be scheduled with play on 2027-06-16
tests/cli/infeasible/friday-deadline.yaml:13:1: note: event 'read-ahead' (Read-ahead sent) has no possible time in its window 2027-06-04..2027-06-04
tests/cli/infeasible/friday-deadline.yaml:13:1: note: 2027-06-04: due 17:00 MST, which is 2027-06-05 03:00 EEST for ua-b, not a working day of ua-b
? 1
