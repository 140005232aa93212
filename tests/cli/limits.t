# Bounds against hostile input (tree.h, load.h): files generated here,
# each one thing past a bound, must fail with one clear error at that
# thing rather than exhaust memory or time.
$ cd $SCRATCH && awk 'BEGIN { for (i = 0; i <= 1000000; i++) print "- a" }' >flat.yaml && planner validate flat.yaml
flat.yaml:1000000:3: error: more than 1000000 values in one file
? 1
$ cd $SCRATCH && awk 'BEGIN { print "kind: Roster\nversion: 1\nagencies:\n  - {id: a, name: A, country: US, timezone: America/Phoenix}\npeople:"; for (i = 0; i <= 20000; i++) printf "  - {id: p%d, name: P, email: p%d@example.gov, agency: a}\n", i, i }' >people.yaml && planner validate people.yaml
people.yaml:20006:5: error: more than 20000 people in one run
? 1
$ cd $SCRATCH && awk 'BEGIN { print "kind: Roster\nversion: 1\nagencies:"; for (i = 0; i <= 1000; i++) printf "  - {id: a%d, name: A, country: US, timezone: America/Phoenix}\n", i }' >agencies.yaml && planner validate agencies.yaml
agencies.yaml:1004:5: error: more than 1000 agencies in one run
? 1
$ cd $SCRATCH && awk 'BEGIN { print "kind: Template\nversion: 1\nid: t\ntitle: T\ntype: tabletop\nevents:"; for (i = 0; i <= 2000; i++) printf "  - {id: e%d, title: E}\n", i }' >events.yaml && planner validate events.yaml
events.yaml:2007:5: error: more than 2000 events in one template
? 1
