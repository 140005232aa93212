# planner templates: the catalogue of bundled templates. templates/README.md
# holds the same table, as --markdown prints it, so the two cannot drift.
$ planner templates --markdown >$SCRATCH/catalogue.md && awk '/^\| template \|/ { p = 1 } p && /^$/ { exit } p' templates/README.md | diff -u $SCRATCH/catalogue.md - && echo same
same
$ planner templates | sed -n '1p;/^base-tabletop /p;/^counter-drone-drill /p;/^fpv-swarm-border-fse /p' | cut -c1-120
TEMPLATE                     TYPE        PLAY         LEAD TIME             ROLES NEEDED
base-tabletop                tabletop    1 day, 4h    12-14 weeks           exercise-director 1, lead-planner 1, trusted
counter-drone-drill          drill       1 day, 4h    10 weeks to 3 months  exercise-director 1, lead-planner 1, trusted
fpv-swarm-border-fse         full-scale  1 day, 8h    6-8 months            exercise-director 1, lead-planner 1, trusted
# Every row has five cells, and every bundled template has a row.
$ planner templates --markdown | awk -F' [|] ' 'NR > 2 && NF != 5 { print "bad row: " $0 } END { print NR - 2, "templates" }'; ls templates/*.yaml | wc -l
16 templates
16
