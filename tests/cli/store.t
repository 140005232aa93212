# The database: a drill planned, re-planned, checked off and tracked.
# Every .t file has its own $PLANNER_DB in $SCRATCH (tests/run.sh).
# The clock is pinned: SOURCE_DATE_EPOCH=1800000000 is 2027-01-15T08:00:00Z.
$ cp tests/store/drill.yaml $SCRATCH/ && cd $SCRATCH && planner plan drill.yaml | tail -1
stored: revision 1 of store-drill-2027
$ cd $SCRATCH && planner plan drill.yaml | tail -1
unchanged: revision 1 of store-drill-2027
$ cd $SCRATCH && planner plan drill.yaml --json | head -2
{
  "exercises": [
$ planner list
EXERCISE          REV  PLANNED               STARTEX (VENUE)       ITEMS DONE  ACTIONS OPEN  NAME
store-drill-2027  1    2027-01-15T08:00:00Z  2027-02-24 09:00 MST  0/3         0/0           Store drill 2027
$ planner list --json | sed "s|$SCRATCH|SCRATCH|"
{
  "database": "SCRATCH/planner.db",
  "exercises": [
    {
      "id": "store-drill-2027",
      "name": "Store drill 2027",
      "revision": 1,
      "planned": "2027-01-15T08:00:00Z",
      "timezone": "America/Phoenix",
      "startex": "2027-02-24T16:00:00Z",
      "endex": "2027-02-24T19:00:00Z",
      "items": 3,
      "items_done": 0,
      "actions": 0,
      "actions_open": 0
    }
  ]
}
$ planner show store-drill-2027
Store drill 2027 (store-drill-2027)
revision 1 of 1, planned 2027-01-15T08:00:00Z by planner 0.1.0
template store-drill (drill), venue Nogales training range, America/Phoenix
STARTEX 2027-02-24 09:00 MST, ENDEX 2027-02-24 12:00 MST
sha256 a60bd3dc76cfced49a7d70e1db22b498699ea77e867a04308a79b5cd126929ca

events:
  ID          KIND              START                 END                   SEQ  TITLE
  conduct     conduct           2027-02-24 09:00 MST  2027-02-24 12:00 MST  0    Exercise conduct
  ipm         planning-meeting  2027-01-15 07:00 MST  2027-01-15 09:00 MST  0    Initial Planning Meeting
  read-ahead  deadline          2027-02-10 17:00 MST  2027-02-10 17:00 MST  0    Read-ahead sent
  hot-wash    hot-wash          2027-02-24 12:00 MST  2027-02-24 13:00 MST  0    Hot wash

assignments:
  ROLE        PERSON      AGENCY     NAME
  director    ana-ruiz    usbp-test  Ana Ruiz
  controller  bo-lee      usbp-test  Bo Lee
  player      carla-soto  gn-test    Carla Soto
  player      dan-cruz    usbp-test  Dan Cruz

vacancies:
  none

checklist items:
  NO  ITEM               DUE         OWNER                DONE  TEXT
  #1  readiness/invites  2027-01-08  director (ana-ruiz)  no    Invitations sent to every agency.
  #2  readiness/msel     2027-01-27  controller (bo-lee)  no    MSEL reviewed by the controller.
  #3  readiness/aar      2027-03-17  director (ana-ruiz)  no    After-action report drafted.

input documents:
  DOCUMENT    BYTES  SHA-256
  drill.yaml  2365   cb98ad8b9272
$ planner show store-drill-2027 --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["revision"], d["latest"], d["hash"] == d["hash"].lower(), len(d["hash"]), d["plan"]["exercises"][0]["id"], [(i["no"], i["due_date"], i["done"]) for i in d["items"]], [(s["name"], s["bytes"]) for s in d["inputs"]], d["calendar"][1])'
1 1 True 64 store-drill-2027 [(1, '2027-01-08', False), (2, '2027-01-27', False), (3, '2027-03-17', False)] [('drill.yaml', 2365)] {'id': 'ipm', 'sequence': 0, 'status': 'confirmed'}
# Checklist items: by number or by path; who and why are kept.
$ planner check 1 --by ana-ruiz --note "sent on the 14th"
done: #1 store-drill-2027/readiness/invites at 2027-01-15T08:00:00Z by ana-ruiz
$ planner check '#1'
already done: #1 store-drill-2027/readiness/invites (2027-01-15T08:00:00Z by ana-ruiz)
$ planner check store-drill-2027/readiness/msel --by bo-le
planner: unknown person 'bo-le' in 'store-drill-2027'; did you mean 'bo-lee'?
? 1
$ planner check store-drill-2027/readiness/msel --by bo-lee
done: #2 store-drill-2027/readiness/msel at 2027-01-15T08:00:00Z by bo-lee
$ planner check 2 --undo --note "MSEL changed again"
undone: #2 store-drill-2027/readiness/msel at 2027-01-15T08:00:00Z
$ cd $SCRATCH && planner check 9 --db planner.db
planner: no checklist item #9 in 'planner.db'
? 1
$ planner check store-drill-2027/readiness/nope
planner: no checklist item 'store-drill-2027/readiness/nope' in the latest revision (1) of 'store-drill-2027'
? 1
$ planner check nope/x
planner: bad item 'nope/x': expected EXERCISE/CHECKLIST/ITEM or a number
? 1
$ planner check 1 --done --undo
planner: '--done' or '--undo', once
usage: planner check ITEM [--done | --undo] [--by PERSON] [--note TEXT] [--db FILE]
? 2
$ planner check
planner: no item given
usage: planner check ITEM [--done | --undo] [--by PERSON] [--note TEXT] [--db FILE]
? 2
$ planner status store-drill-2027
Store drill 2027 (store-drill-2027), revision 1
today 2027-01-15 at the venue (America/Phoenix); due soon: by 2027-01-29
checklist: 1 of 3 done, 0 overdue, 1 due soon; corrective actions: 0 open, 0 overdue, 0 due soon

Bo Lee (bo-lee, usbp-test)
  due soon  2027-01-27  #2  readiness/msel  MSEL reviewed by the controller.
# Corrective actions: an owner and a due date are required.
$ planner action add store-drill-2027 "Give the radar post a direct line to the C2 cell" --capability "screening, search, and detection" --observation "The swarm was reported 4 minutes after launch." --recommendation "A direct line from radar to C2." --element equipment --owner bo-lee --start 2027-03-01 --due 2027-04-15
added A1 to store-drill-2027: Give the radar post a direct line to the C2 cell (owner bo-lee, due 2027-04-15, open)
$ planner action add store-drill-2027 "Train relief jammer operators" --agency gn-test --due 2027-01-20 --element training
added A2 to store-drill-2027: Train relief jammer operators (owner gn-test, due 2027-01-20, open)
$ planner action add store-drill-2027 "No owner" --due 2027-05-01
planner: a corrective action needs an owner: --owner, --poc PERSON or --agency AGENCY
? 1
$ planner action add store-drill-2027 "No date" --owner ana-ruiz
planner: a corrective action needs a due date: --due YYYY-MM-DD
? 1
$ planner action add store-drill-2027 "Bad" --owner ana-ruis --due 2027-05-01
planner: unknown owner 'ana-ruis' in 'store-drill-2027'; did you mean 'ana-ruiz'?
? 1
$ planner action add store-drill-2027 "Bad" --owner ana-ruiz --due 2027-02-30
planner: bad due date '2027-02-30': day 30 is past the end of February 2027
? 1
$ planner action add store-drill-2027 "Bad" --owner ana-ruiz --due 2027-05-01 --start 2027-06-01
planner: due date '2027-05-01' is before the start date '2027-06-01'
? 1
$ planner action add store-drill-2027 "Bad" --owner ana-ruiz --due 2027-05-01 --element tools
planner: unknown capability element 'tools'
? 1
$ planner action add store-drill-2027 "Bad" --owner ana-ruiz --due 2027-05-01 --capability "Jamming"
planner: unknown core capability 'Jamming'
? 1
$ cd $SCRATCH && planner action add nope "Bad" --owner ana-ruiz --due 2027-05-01 --db planner.db
planner: no exercise 'nope' in 'planner.db'
? 1
$ planner action update A2 --status in-progress --by carla-soto --note "two operators enrolled"
updated A2: status open -> in-progress
$ planner action update 2 --status in-progress
unchanged: A2
$ planner action update A1 --due 2027-04-30 --status closed --note "line installed"
updated A1: due 2027-04-15 -> 2027-04-30, status open -> closed
$ cd $SCRATCH && planner action update A9 --status closed --db planner.db
planner: no corrective action A9 in 'planner.db'
? 1
$ planner action list
NO  EXERCISE          STATUS       DUE         OWNER    ELEMENT    CAPABILITY                        ACTION
A1  store-drill-2027  closed       2027-04-30  bo-lee   equipment  Screening, Search, and Detection  Give the radar post a direct line to the C2 cell
A2  store-drill-2027  in-progress  2027-01-20  gn-test  training   -                                 Train relief jammer operators
$ planner action list store-drill-2027 --open --json | python3 -c 'import json,sys; print([(a["no"], a["status"], a["agency"], a["poc"], a["due"]) for a in json.load(sys.stdin)["actions"]])'
[(2, 'in-progress', 'gn-test', None, '2027-01-20')]
$ planner status store-drill-2027 --days 40
Store drill 2027 (store-drill-2027), revision 1
today 2027-01-15 at the venue (America/Phoenix); due soon: by 2027-02-24
checklist: 1 of 3 done, 0 overdue, 1 due soon; corrective actions: 1 open, 0 overdue, 1 due soon

Bo Lee (bo-lee, usbp-test)
  due soon  2027-01-27  #2  readiness/msel  MSEL reviewed by the controller.

gn-test (agency)
  due soon  2027-01-20  A2  corrective action  Train relief jammer operators
$ planner status store-drill-2027 --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["today"], d["due_by"], d["counts"]); [print(o["kind"], o["id"], [(e["type"], e["no"], e["state"]) for e in o["entries"]]) for o in d["owners"]]'
2027-01-15 2027-01-29 {'items': 3, 'items_done': 1, 'items_overdue': 0, 'items_due_soon': 1, 'actions_open': 1, 'actions_overdue': 0, 'actions_due_soon': 1}
person bo-lee [('checklist', 2, 'due-soon')]
agency gn-test [('action', 2, 'due-soon')]
# The agenda: this week by default, at each venue.
$ planner agenda
store-drill-2027: 2027-01-15 .. 2027-01-21 (America/Phoenix)

DATE        TIME       EXERCISE          WHAT    REF  TEXT                           OWNER
2027-01-15  07:00 MST  store-drill-2027  event   ipm  Initial Planning Meeting       -
2027-01-20  due        store-drill-2027  action  A2   Train relief jammer operators  gn-test
$ planner agenda --from 2027-01-01 --to 2027-03-31 --person bo-lee
store-drill-2027: 2027-01-01 .. 2027-03-31 (America/Phoenix)

DATE        TIME       EXERCISE          WHAT       REF                TEXT                              OWNER
2027-01-15  07:00 MST  store-drill-2027  event      ipm                Initial Planning Meeting          -
2027-01-27  due        store-drill-2027  checklist  #2 readiness/msel  MSEL reviewed by the controller.  controller (bo-lee)
2027-02-24  09:00 MST  store-drill-2027  event      conduct            Exercise conduct                  -
2027-02-24  12:00 MST  store-drill-2027  event      hot-wash           Hot wash                          -
$ planner agenda --from 2027-01-01 --to 2027-03-31 --agency gn-test --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["ranges"]); [print(e["date"], e["type"], e["id"], e["no"]) for e in d["entries"]]'
[{'exercise': 'store-drill-2027', 'timezone': 'America/Phoenix', 'from': '2027-01-01', 'to': '2027-03-31'}]
2027-01-15 event ipm None
2027-01-20 action None 2
2027-02-10 event read-ahead None
2027-02-24 event conduct None
2027-02-24 event hot-wash None
$ planner agenda --person nobody
planner: unknown person 'nobody': no exercise's rosters name it
? 1
$ planner agenda --from 2027-03-01 --to 2027-02-01
planner: '--to' date '2027-02-01' is before '--from' date '2027-03-01'
usage: planner agenda [--person ID | --agency ID] [--from DATE] [--to DATE] [--json] [--db FILE]
? 2
# A re-plan with the exercise a week later: a new revision, and what moved.
$ cd $SCRATCH && mv out out1 && sed -i 's/^conduct: 2027-02-24/conduct: 2027-03-03/' drill.yaml && planner plan drill.yaml | tail -1
stored: revision 2 of store-drill-2027
$ planner diff store-drill-2027
store-drill-2027: revision 1 -> 2
CHANGE         WHAT                  BEFORE                      AFTER
input-changed  drill.yaml            cb98ad8b9272                23055e78f5df
event-moved    conduct               2027-02-24 09:00-12:00 MST  2027-03-03 09:00-12:00 MST
event-moved    ipm                   2027-01-15 07:00-09:00 MST  2027-01-22 07:00-09:00 MST
event-moved    read-ahead            2027-02-10 17:00 MST        2027-02-17 17:00 MST
event-moved    hot-wash              2027-02-24 12:00-13:00 MST  2027-03-03 12:00-13:00 MST
item-due       #1 readiness/invites  2027-01-08                  2027-01-15
item-due       #2 readiness/msel     2027-01-27                  2027-02-03
item-due       #3 readiness/aar      2027-03-17                  2027-03-24
$ planner diff store-drill-2027 1 2 --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["from"], d["to"]); [print(c["change"], c["subject"]) for c in d["changes"]]'
1 2
input-changed drill.yaml
event-moved conduct
event-moved ipm
event-moved read-ahead
event-moved hot-wash
item-due #1 readiness/invites
item-due #2 readiness/msel
item-due #3 readiness/aar
$ planner show store-drill-2027 --json | python3 -c 'import json,sys; print([(c["id"], c["sequence"], c["status"]) for c in json.load(sys.stdin)["calendar"]])'
[('conduct', 1, 'confirmed'), ('ipm', 1, 'confirmed'), ('read-ahead', 1, 'confirmed'), ('hot-wash', 1, 'confirmed')]
$ planner diff store-drill-2027 2 2
store-drill-2027: revision 2 -> 2
no changes
$ planner diff store-drill-2027 3
planner: exercise 'store-drill-2027' has no revision 3 (the latest is 2)
? 1
$ planner status store-drill-2027 | head -3
Store drill 2027 (store-drill-2027), revision 2
today 2027-01-15 at the venue (America/Phoenix); due soon: by 2027-01-29
checklist: 1 of 3 done, 0 overdue, 0 due soon; corrective actions: 1 open, 0 overdue, 1 due soon
# Export needs no YAML file: revision 1 comes back byte for byte, but for
# the progress recorded since it was planned (tasks, PDFs, Markdown).
$ cd $SCRATCH && rm drill.yaml && planner export store-drill-2027 --revision 1 --out exp1 && for f in calendar.ics agencies people checklists.md roles.csv roles.md; do diff -r out1/$f exp1/$f >/dev/null || echo "$f differs"; done; diff -rq out1 exp1 | sed "s|$SCRATCH/||g" | sort
exported revision 1 of store-drill-2027 to 'exp1': calendars, checklists, roles and print/
Files out1/checklists-by-owner.md and exp1/checklists-by-owner.md differ
Files out1/improvement-plan.md and exp1/improvement-plan.md differ
Files out1/print/store-drill-2027-checklist-director.pdf and exp1/print/store-drill-2027-checklist-director.pdf differ
Files out1/print/store-drill-2027-checklists.pdf and exp1/print/store-drill-2027-checklists.pdf differ
Files out1/print/store-drill-2027-improvement-plan.pdf and exp1/print/store-drill-2027-improvement-plan.pdf differ
Files out1/tasks.ics and exp1/tasks.ics differ
# The latest revision, with nothing checked off since: every file the same.
$ cd $SCRATCH && planner export store-drill-2027 -o exp2 && diff -r out exp2 && echo same
exported revision 2 of store-drill-2027 to 'exp2': calendars, checklists, roles and print/
same
$ cd $SCRATCH && planner export store-drill-2027 -o exp3 --paper a4 >/dev/null && pdfinfo exp3/print/store-drill-2027-checklists.pdf | grep 'Page size'
Page size:       595.276 x 841.89 pts (A4)
$ planner export store-drill-2027 --paper legal
planner: unknown paper 'legal': expected letter or a4
usage: planner export EXERCISE [--revision N] [--out DIR] [--paper letter|a4] [--db FILE]
? 2
# The corrective actions are tasks, related to the hot wash, with status.
$ cd $SCRATCH && tr -d '\r' <exp2/tasks.ics | sed -n '/^UID:action/,/^END:VTODO/{/^UID\|^DUE\|^STATUS\|^RELATED-TO/p}'
UID:action/1.store-drill-2027@planner
DUE;VALUE=DATE:20270430
STATUS:COMPLETED
RELATED-TO;RELTYPE=PARENT:hot-wash.store-drill-2027@planner
UID:action/2.store-drill-2027@planner
DUE;VALUE=DATE:20270120
STATUS:IN-PROCESS
RELATED-TO;RELTYPE=PARENT:hot-wash.store-drill-2027@planner
$ planner show store-drill-2027 --revision 1 | head -2
Store drill 2027 (store-drill-2027)
revision 1 of 2, planned 2027-01-15T08:00:00Z by planner 0.1.0
$ planner show store-drill-2027 --revision 3
planner: exercise 'store-drill-2027' has no revision 3 (the latest is 2)
? 1
$ cd $SCRATCH && planner show nope --db planner.db
planner: no exercise 'nope' in 'planner.db'
? 1
# --no-db stores nothing; --db names another file.
$ planner plan tests/store/drill.yaml --out $SCRATCH/out3 --no-db >/dev/null && planner list | cut -c1-25
EXERCISE          REV  PL
store-drill-2027  2    20
$ planner plan tests/store/drill.yaml --out $SCRATCH/out3 --db $SCRATCH/other.db | tail -1; planner list --db=$SCRATCH/other.db | cut -c1-25
stored: revision 1 of store-drill-2027
EXERCISE          REV  PL
store-drill-2027  1    20
$ planner plan tests/store/drill.yaml --no-db --db x.db
planner: '--db' and '--no-db' together
usage: planner plan EXERCISE.yaml [FILE...] [--out DIR] [--json] [--paper letter|a4] [--no-print] [--export-lp FILE] [--timings] [--db FILE | --no-db]
? 2
$ planner list --db
planner: '--db' needs a file
usage: planner list [--json] [--db FILE]
? 2
$ planner list --db ''
planner: empty --db file name
usage: planner list [--json] [--db FILE]
? 2
$ planner list --no-db
planner: unknown option '--no-db'
usage: planner list [--json] [--db FILE]
? 2
$ cd $SCRATCH && planner list --db none.db
planner: cannot open database 'none.db': No such file or directory ('planner plan' creates it; --db FILE or $PLANNER_DB names another)
? 1
$ cd $SCRATCH && PLANNER_DB=none.db planner status x
planner: cannot open database 'none.db': No such file or directory ('planner plan' creates it; --db FILE or $PLANNER_DB names another)
? 1
$ cd $SCRATCH && printf 'not a database, just text that is long enough to fill a header and then some more bytes, so SQLite reads it' > text.db && planner list --db text.db
planner: 'text.db' is not a planner database: file is not a database
? 1
# A template that loses all its events but play: each comes back
# cancelled, one SEQUENCE higher, so calendars can remove it.
$ cp tests/store/drill.yaml $SCRATCH/drop.yaml && cd $SCRATCH && planner plan drop.yaml --db drop.db --out drop | tail -1 && awk '/^events:$/ { skip = 1; print "events: []"; next } /^checklists:$/ { skip = 0 } !skip' drop.yaml | awk '/^      - id: (invites|aar)$/ { drop = 5 } drop > 0 { drop--; next } { print }' > d2.yaml && mv d2.yaml drop.yaml && planner plan drop.yaml --db drop.db --out drop | tail -1 && planner show store-drill-2027 --db drop.db --json | python3 -c 'import json,sys; print([(e["id"], e["sequence"], e["status"]) for e in json.load(sys.stdin)["calendar"]])'
stored: revision 1 of store-drill-2027
stored: revision 2 of store-drill-2027
[('conduct', 0, 'confirmed'), ('ipm', 1, 'cancelled'), ('read-ahead', 1, 'cancelled'), ('hot-wash', 1, 'cancelled')]
