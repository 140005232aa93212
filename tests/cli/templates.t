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
# Every scenario template is built on the base template of its type, so
# the doctrine timings, briefings and after-action steps live in one place.
$ for f in templates/*.yaml; do case $f in templates/base-*) continue;; esac; t=$(sed -n 's/^type: //p' $f); e=$(sed -n 's/^extends: //p' $f); [ "$e" = "base-$t" ] || echo "$f: a $t template extends '$e'"; done; echo checked
checked
# The base templates (which every scenario inherits from) and the
# trilateral and supply-chain ones give a Ukrainian variant of every text
# that has a Spanish one.
$ python3 tests/check_translations.py templates/base-*.yaml templates/trilateral-*.yaml templates/fpv-supply-chain-workshop.yaml
11 files checked
