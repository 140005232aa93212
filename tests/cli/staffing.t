# Staffing: roles.csv (formula-proof, CRLF), vacancies with their reasons.
$ d=$(mktemp -d); planner plan tests/cli/staffing/exercise.yaml --no-db --out $d >/dev/null; echo "status $?"; tr -d '\r' < $d/roles.csv; grep -c "$(printf '\r')" $d/roles.csv; rm -rf $d
status 0
exercise,role,person,agency,contact,events
"staffing-x","safety","'=HYPERLINK(""http://x"")","sspc","evil@example.org","conduct"
"staffing-x","evaluator","Miguel Soto","sspc","soto@example.org","conduct"
3
planner: warning: staffing-x: evaluator: 2 of 3 missing; need 3 'evaluator' (hseep-evaluator, speaking es); 1 eligible; Ana Ruiz (sspc) is unavailable 2027-03-09..2027-03-12 (Leave); Olena Petrenko (sbu) lacks hseep-evaluator; =HYPERLINK("http://x") (sspc) lacks hseep-evaluator
# roles.md escapes what it shows and lists the vacancies.
$ d=$(mktemp -d); planner plan tests/cli/staffing/exercise.yaml --no-db --out $d >/dev/null 2>&1; sed -n '/HYPERLINK/p;/^- \*\*/,$p' $d/roles.md; rm -rf $d
| Safety Controller | \=HYPERLINK("http://x") | sspc | evil@example.org | conduct |
- **evaluator**: 2 of 3 missing
  - need 3 'evaluator' (hseep-evaluator, speaking es); 1 eligible
  - Ana Ruiz (sspc) is unavailable 2027-03-09..2027-03-12 (Leave)
  - Olena Petrenko (sbu) lacks hseep-evaluator
  - \=HYPERLINK("http://x") (sspc) lacks hseep-evaluator
  - \=HYPERLINK("http://x") (sspc) lacks hseep-evaluator

Staffing cost 20014: vacancies 20000, preferences 6, fairness 8, continuity 0, travel 0, out of hours 0.

Total staffing cost 20014 (flow, optimal).
# The exported model's optimum, by glpsol and by cbc, is planner's cost.
$ d=$(mktemp -d); planner plan examples/border-series-2027.yaml --no-db --out $d --export-lp $d/m.lp --json >$d/p.json && glpsol --lp $d/m.lp -o $d/m.sol >/dev/null && sed -n 's/^Objective: *obj = \([0-9]*\) .*/\1/p' $d/m.sol >$d/a && python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["staffing"]["total"])' $d/p.json >$d/b && cbc $d/m.lp solve 2>/dev/null | sed -n 's/^Objective value: *\([0-9]*\)\..*/\1/p' >$d/c && cmp $d/a $d/b && cmp $d/a $d/c && echo same optimum; rm -rf $d
same optimum
# A Program with no exercises is refused at its place.
$ planner plan --no-db tests/cli/staffing/empty-program.yaml
tests/cli/staffing/empty-program.yaml:2:1: error: missing required key 'exercises' in a Program
? 1
$ planner plan tests/cli/staffing/exercise.yaml --export-lp
planner: '--export-lp' needs a file
usage: planner plan EXERCISE.yaml [FILE...] [--out DIR] [--json] [--paper letter|a4] [--no-print] [--export-lp FILE] [--timings] [--db FILE | --no-db]
? 2
