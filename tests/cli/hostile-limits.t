# Hostile volume: a run with 20,000 errors prints the first 50 (sorted
# by place, as always), says how many more there are, and still exits
# 1; duplicate ids are found among 20,000 people (check_ids sorts, so
# this stays fast), each naming the first copy, in file order.
$ cd $SCRATCH && awk 'BEGIN { print "kind: Roster\nversion: 1\nagencies:\n  - {id: a, name: A, country: US, timezone: America/Phoenix}\npeople:"; for (i = 0; i < 20000; i++) printf "  - {id: p%d, name: P, agency: a}\n", i }' >noemail.yaml && planner validate noemail.yaml 2>err; echo "exit $?"; head -2 err; tail -3 err; wc -l <err
exit 1
noemail.yaml:6:5: error: missing required key 'email' in a person
noemail.yaml:7:5: error: missing required key 'email' in a person
noemail.yaml:55:5: error: missing required key 'email' in a person
planner: 19950 more errors not shown
planner: 20000 errors
52
$ cd $SCRATCH && awk 'BEGIN { print "kind: Roster\nversion: 1\nagencies:\n  - {id: a, name: A, country: US, timezone: America/Phoenix}\npeople:"; for (i = 0; i < 20000; i++) printf "  - {id: p%d, name: P, email: p@example.gov, agency: a}\n", i == 12345 ? 19999 : i == 19000 ? 7 : i == 19998 ? 7 : i }' >dups.yaml && planner validate dups.yaml
dups.yaml:19006:5: error: duplicate person id 'p7' (first at dups.yaml:13)
dups.yaml:20004:5: error: duplicate person id 'p7' (first at dups.yaml:13)
dups.yaml:20005:5: error: duplicate person id 'p19999' (first at dups.yaml:12351)
planner: 3 errors
? 1
# Exactly 50 errors are all shown.
$ cd $SCRATCH && awk 'BEGIN { print "kind: Roster\nversion: 1\nagencies:\n  - {id: a, name: A, country: US, timezone: America/Phoenix}\npeople:"; for (i = 0; i < 50; i++) printf "  - {id: p%d, name: P, agency: a}\n", i }' >fifty.yaml && planner validate fifty.yaml 2>&1 | tail -2
fifty.yaml:55:5: error: missing required key 'email' in a person
planner: 50 errors
