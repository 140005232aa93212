# Template inheritance: a child extends its parent by path and a grandchild
# the child by id, in the same file; every one validates.
$ planner validate tests/cli/extends/parent.yaml tests/cli/extends/child.yaml tests/cli/extends/exercise.yaml
3 files valid
# The child's keys win (conduct length, the briefing's title and time), its
# new role and event follow the parent's, the rehearsal is removed, and the
# role list of play is the merged one.
$ planner plan tests/cli/extends/exercise.yaml --no-db --json | python3 -c 'import json,sys; x=json.load(sys.stdin)["exercises"][0]; print(x["startex"], x["endex"]); [print(e["id"], e["title"], e["start"], ",".join(e["roles"])) for e in x["events"]]'
2027-03-10T14:00:00Z 2027-03-10T16:00:00Z
conduct Exercise conduct 2027-03-10T14:00:00Z lead,safety,evaluator
brief Child briefing 2027-03-08T14:00:00Z lead
hot-wash Hot wash 2027-03-10T16:00:00Z lead,evaluator
planner: warning: ext-x: evaluator: 1 of 1 missing; need 3 for 'evaluator', 'lead', 'safety' together; 2 eligible; Miguel Soto (sspc) holds 'lead'; =HYPERLINK("http://x") (sspc) holds 'safety'; Ana Ruiz (sspc) is unavailable 2027-03-09..2027-03-12 (Leave)
# Checklist items merge by id inside a checklist merged by id: 'radios'
# keeps the parent's text and owner but moves to the child's event.
$ d=$(mktemp -d); planner plan tests/cli/extends/exercise.yaml --no-db --out $d >/dev/null 2>&1; grep '^| \[ \]' $d/checklists.md; rm -rf $d
| [ ] | Range booked. | Lead Planner | Miguel Soto | 2027-03-08 |
| [ ] | Radios checked. | Safety Controller | \=HYPERLINK("http://x") | 2027-03-08 |
| [ ] | Evaluator cards printed. | Evaluator | unassigned | 2027-03-08 |
# The removed MSEL entry is gone from the MSEL and the kept one stays.
$ d=$(mktemp -d); planner plan tests/cli/extends/exercise.yaml --no-db --out $d >/dev/null 2>&1; pdftotext $d/print/ext-x-msel.pdf - | grep -o -e 'Surrogate drone launched' -e 'Second launch'; rm -rf $d
Surrogate drone launched
# The grandchild inherits all of it and changes only its type.
$ planner plan tests/cli/extends/child.yaml tests/cli/extends/grandchild-x.yaml --no-db --json 2>/dev/null | python3 -c 'import json,sys; x=json.load(sys.stdin)["exercises"][0]; print(x["template"], x["type"], x["startex"], x["endex"], " ".join(e["id"] for e in x["events"]))'
ext-grandchild functional 2027-03-10T14:00:00Z 2027-03-10T16:00:00Z conduct brief hot-wash
