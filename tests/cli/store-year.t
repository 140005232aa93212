# A year of one exercise as its coordinator lives it. The clock moves with
# SOURCE_DATE_EPOCH: each case says the date (16:00 UTC, 09:00 at the venue).
# 2026-12-01: first plan, and what is due.
$ cp tests/store/drill.yaml $SCRATCH/ && cd $SCRATCH && SOURCE_DATE_EPOCH=1796140800 planner plan drill.yaml | tail -1
stored: revision 1 of store-drill-2027
$ SOURCE_DATE_EPOCH=1796140800 planner status store-drill-2027 --days 45
Store drill 2027 (store-drill-2027), revision 1
today 2026-12-01 at the venue (America/Phoenix); due soon: by 2027-01-15
checklist: 0 of 3 done, 0 overdue, 1 due soon; corrective actions: 0 open, 0 overdue, 0 due soon

Ana Ruiz (ana-ruiz, usbp-test)
  due soon  2027-01-08  #1  readiness/invites  Invitations sent to every agency.
# 2027-01-10: the invitations went out.
$ SOURCE_DATE_EPOCH=1799596800 planner check store-drill-2027/readiness/invites --by ana-ruiz --note "sent to both agencies"
done: #1 store-drill-2027/readiness/invites at 2027-01-10T16:00:00Z by ana-ruiz
$ SOURCE_DATE_EPOCH=1799596800 planner status store-drill-2027
Store drill 2027 (store-drill-2027), revision 1
today 2027-01-10 at the venue (America/Phoenix); due soon: by 2027-01-24
checklist: 1 of 3 done, 0 overdue, 0 due soon; corrective actions: 0 open, 0 overdue, 0 due soon

nothing overdue or due by 2027-01-24
# 2027-01-20: play moves a week later; re-planned (revision 2); the check stays.
$ cd $SCRATCH && sed -i 's/^conduct: 2027-02-24/conduct: 2027-03-03/' drill.yaml && SOURCE_DATE_EPOCH=1800460800 planner plan drill.yaml | tail -1
stored: revision 2 of store-drill-2027
$ SOURCE_DATE_EPOCH=1800460800 planner diff store-drill-2027 | grep -v '^input'
store-drill-2027: revision 1 -> 2
CHANGE         WHAT                  BEFORE                      AFTER
event-moved    conduct               2027-02-24 09:00-12:00 MST  2027-03-03 09:00-12:00 MST
event-moved    ipm                   2027-01-15 07:00-09:00 MST  2027-01-22 07:00-09:00 MST
event-moved    read-ahead            2027-02-10 17:00 MST        2027-02-17 17:00 MST
event-moved    hot-wash              2027-02-24 12:00-13:00 MST  2027-03-03 12:00-13:00 MST
item-due       #1 readiness/invites  2027-01-08                  2027-01-15
item-due       #2 readiness/msel     2027-01-27                  2027-02-03
item-due       #3 readiness/aar      2027-03-17                  2027-03-24
$ SOURCE_DATE_EPOCH=1800460800 planner status store-drill-2027
Store drill 2027 (store-drill-2027), revision 2
today 2027-01-20 at the venue (America/Phoenix); due soon: by 2027-02-03
checklist: 1 of 3 done, 0 overdue, 1 due soon; corrective actions: 0 open, 0 overdue, 0 due soon

Bo Lee (bo-lee, usbp-test)
  due soon  2027-02-03  #2  readiness/msel  MSEL reviewed by the controller.
# 2027-02-01: the controller's week.
$ SOURCE_DATE_EPOCH=1801497600 planner agenda --person bo-lee
store-drill-2027: 2027-02-01 .. 2027-02-07 (America/Phoenix)

DATE        TIME  EXERCISE          WHAT       REF                TEXT                              OWNER
2027-02-03  due   store-drill-2027  checklist  #2 readiness/msel  MSEL reviewed by the controller.  controller (bo-lee)
$ SOURCE_DATE_EPOCH=1801497600 planner check 2 --by bo-lee
done: #2 store-drill-2027/readiness/msel at 2027-02-01T16:00:00Z by bo-lee
# 2027-03-05: after the hot wash, two corrective actions; the same inputs
# planned again make no revision.
$ cd $SCRATCH && SOURCE_DATE_EPOCH=1804262400 planner plan drill.yaml | tail -1
unchanged: revision 2 of store-drill-2027
$ SOURCE_DATE_EPOCH=1804262400 planner action add store-drill-2027 "Give the radar post a direct line to the C2 cell" --capability "Operational Communications" --observation "The swarm report took 4 minutes to reach C2." --recommendation "A dedicated line." --element equipment --owner bo-lee --start 2027-03-08 --due 2027-04-10
added A1 to store-drill-2027: Give the radar post a direct line to the C2 cell (owner bo-lee, due 2027-04-10, open)
$ SOURCE_DATE_EPOCH=1804262400 planner action add store-drill-2027 "Train two more jammer operators" --capability "interdiction-and-disruption" --element training --agency gn-test --due 2027-05-15
added A2 to store-drill-2027: Train two more jammer operators (owner gn-test, due 2027-05-15, open)
# 2027-03-20: the template gains an item (revision 3).
$ cd $SCRATCH && printf '      - id: feedback\n        text: Participant feedback forms collected.\n        owner: controller\n        event: hot-wash\n        offset: +1d\n' > item.yaml && sed -i '/^      - id: aar$/e cat item.yaml' drill.yaml && SOURCE_DATE_EPOCH=1805558400 planner plan drill.yaml | tail -1
stored: revision 3 of store-drill-2027
$ SOURCE_DATE_EPOCH=1805558400 planner diff store-drill-2027 | grep -v '^input'
store-drill-2027: revision 2 -> 3
CHANGE         WHAT                   BEFORE        AFTER
item-added     #4 readiness/feedback  -             2027-03-04
$ SOURCE_DATE_EPOCH=1805558400 planner status store-drill-2027
Store drill 2027 (store-drill-2027), revision 3
today 2027-03-20 at the venue (America/Phoenix); due soon: by 2027-04-03
checklist: 2 of 4 done, 1 overdue, 1 due soon; corrective actions: 2 open, 0 overdue, 0 due soon

Ana Ruiz (ana-ruiz, usbp-test)
  due soon  2027-03-24  #3  readiness/aar  After-action report drafted.

Bo Lee (bo-lee, usbp-test)
  overdue  2027-03-04  #4  readiness/feedback  Participant feedback forms collected.
# 2027-04-15: the line is late.
$ SOURCE_DATE_EPOCH=1807804800 planner action update A1 --status in-progress --due 2027-04-30 --by bo-lee --note "parts on order"
updated A1: due 2027-04-10 -> 2027-04-30, status open -> in-progress
$ SOURCE_DATE_EPOCH=1807804800 planner status store-drill-2027
Store drill 2027 (store-drill-2027), revision 3
today 2027-04-15 at the venue (America/Phoenix); due soon: by 2027-04-29
checklist: 2 of 4 done, 2 overdue, 0 due soon; corrective actions: 2 open, 0 overdue, 0 due soon

Ana Ruiz (ana-ruiz, usbp-test)
  overdue  2027-03-24  #3  readiness/aar  After-action report drafted.

Bo Lee (bo-lee, usbp-test)
  overdue  2027-03-04  #4  readiness/feedback  Participant feedback forms collected.
# 2027-06-01: everything closed.
$ SOURCE_DATE_EPOCH=1811865600 planner check 3 --by ana-ruiz && SOURCE_DATE_EPOCH=1811865600 planner check 4 --by bo-lee
done: #3 store-drill-2027/readiness/aar at 2027-06-01T16:00:00Z by ana-ruiz
done: #4 store-drill-2027/readiness/feedback at 2027-06-01T16:00:00Z by bo-lee
$ SOURCE_DATE_EPOCH=1811865600 planner action update A1 --status closed --note "line installed and tested"
updated A1: status in-progress -> closed
$ SOURCE_DATE_EPOCH=1811865600 planner action update A2 --status closed
updated A2: status open -> closed
$ SOURCE_DATE_EPOCH=1811865600 planner status store-drill-2027
Store drill 2027 (store-drill-2027), revision 3
today 2027-06-01 at the venue (America/Phoenix); due soon: by 2027-06-15
checklist: 4 of 4 done, 0 overdue, 0 due soon; corrective actions: 0 open, 0 overdue, 0 due soon

nothing overdue or due by 2027-06-15
$ SOURCE_DATE_EPOCH=1811865600 planner list
EXERCISE          REV  PLANNED               STARTEX (VENUE)       ITEMS DONE  ACTIONS OPEN  NAME
store-drill-2027  3    2027-03-20T16:00:00Z  2027-03-03 09:00 MST  4/4         0/2           Store drill 2027
$ SOURCE_DATE_EPOCH=1811865600 planner action list --json | python3 -c 'import json,sys; [print(a["no"], a["status"], a["created"], a["closed"]) for a in json.load(sys.stdin)["actions"]]'
1 closed 2027-03-05T16:00:00Z 2027-06-01T16:00:00Z
2 closed 2027-03-05T16:00:00Z 2027-06-01T16:00:00Z
# Every revision is still there; the first one exports as it was planned.
$ cd $SCRATCH && rm drill.yaml && planner show store-drill-2027 --revision 1 --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["revision"], d["latest"], d["planned"], d["startex"], [(i["no"], i["done"]) for i in d["items"]])'
1 3 2026-12-01T16:00:00Z 2027-02-24T16:00:00Z [(1, True), (2, True), (3, True)]
$ cd $SCRATCH && SOURCE_DATE_EPOCH=1796140800 planner export store-drill-2027 --revision 1 --out first && grep -c BEGIN:VEVENT first/calendar.ics
exported revision 1 of store-drill-2027 to 'first': calendars, checklists, roles and print/
4
