# Databases as earlier planners left them are brought up to date on first
# use and keep everything; a database from a newer planner is refused.
# tests/store/v1.sql: schema version 1 (no corrective actions yet), made
# by tests/store/mkfixture.c: the drill planned, item 1 done, item 2 undone.
$ /usr/bin/python3 tests/store/load.py tests/store/v1.sql $SCRATCH/v1.db && planner list --db $SCRATCH/v1.db
EXERCISE          REV  PLANNED               STARTEX (VENUE)       ITEMS DONE  ACTIONS OPEN  NAME
store-drill-2027  1    2027-01-15T08:00:00Z  2027-02-24 09:00 MST  1/3         0/0           Store drill 2027
$ /usr/bin/python3 -c 'import sqlite3,sys; d=sqlite3.connect(sys.argv[1]); print([d.execute("PRAGMA " + p).fetchone()[0] for p in ("user_version", "journal_mode", "integrity_check")])' $SCRATCH/v1.db
[3, 'wal', 'ok']
$ planner status store-drill-2027 --db $SCRATCH/v1.db
Store drill 2027 (store-drill-2027), revision 1
today 2027-01-15 at the venue (America/Phoenix); due soon: by 2027-01-29
checklist: 1 of 3 done, 0 overdue, 1 due soon; corrective actions: 0 open, 0 overdue, 0 due soon

controller (role, unassigned)
  due soon  2027-01-27  #2  readiness/msel  MSEL reviewed by the controller.
$ planner show store-drill-2027 --db $SCRATCH/v1.db --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print([(i["no"], i["done"], i["done_by"], i["note"]) for i in d["items"]])'
[(1, True, 'ana-ruiz', 'sent before the upgrade'), (2, False, None, 'not yet'), (3, False, None, None)]
$ planner action add store-drill-2027 "Brief the new controller" --owner bo-lee --due 2027-02-01 --db $SCRATCH/v1.db
added A1 to store-drill-2027: Brief the new controller (owner bo-lee, due 2027-02-01, open)
$ planner check 2 --by bo-lee --db $SCRATCH/v1.db
done: #2 store-drill-2027/readiness/msel at 2027-01-15T08:00:00Z by bo-lee
$ cp tests/store/drill.yaml $SCRATCH/ && cd $SCRATCH && planner plan drill.yaml --db v1.db --out out | tail -1
stored: revision 2 of store-drill-2027
$ cd $SCRATCH && sed -i 's/^conduct: 2027-02-24/conduct: 2027-02-25/' drill.yaml && planner plan drill.yaml --db v1.db --out out | tail -1 && planner diff store-drill-2027 --db v1.db | head -3
stored: revision 3 of store-drill-2027
store-drill-2027: revision 2 -> 3
CHANGE         WHAT                  BEFORE                      AFTER
input-changed  drill.yaml            cb98ad8b9272                f576ddbfad5e
# tests/store/v2.sql: schema version 2, before revisions shared their
# documents and rosters: each kept its own source, person and agency
# rows. They stay and are read as they were; the next revision shares.
$ /usr/bin/python3 tests/store/load.py tests/store/v2.sql $SCRATCH/v2.db && planner check 3 --by carla-soto --db $SCRATCH/v2.db
done: #3 store-drill-2027/readiness/aar at 2027-01-15T08:00:00Z by carla-soto
$ planner plan tests/store/drill.yaml --db $SCRATCH/v2.db --out $SCRATCH/o2 | tail -1 && planner diff store-drill-2027 --db $SCRATCH/v2.db | awk '/^input/ { n++ } END { print n + 0 }'
stored: revision 2 of store-drill-2027
0
$ /usr/bin/python3 -c 'import sqlite3,sys; d=sqlite3.connect(sys.argv[1]); print([d.execute("SELECT " + q).fetchone()[0] for q in ("max(rowid) FROM person", "count(*) FROM roster_person", "count(*) FROM source", "count(*) FROM docset_source", "count(*) FROM revision WHERE roster IS NULL", "user_version FROM pragma_user_version")])' $SCRATCH/v2.db
[4, 4, 1, 1, 1, 3]
$ cd $SCRATCH && planner export store-drill-2027 --revision 1 --db v2.db -o e1 && planner export store-drill-2027 --db v2.db -o e2 && diff -r o2 e2 && planner show store-drill-2027 --revision 1 --db v2.db --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print([s["name"] for s in d["inputs"]], len(d["plan"]["people"]))'
exported revision 1 of store-drill-2027 to 'e1': calendars, checklists, roles and print/
exported revision 2 of store-drill-2027 to 'e2': calendars, checklists, roles and print/
['tests/store/drill.yaml'] 4
# A newer planner's database: refused, and left as it was.
$ cp $SCRATCH/v1.db $SCRATCH/v9.db && /usr/bin/python3 -c 'import sqlite3,sys; sqlite3.connect(sys.argv[1]).execute("PRAGMA user_version = 9")' $SCRATCH/v9.db && cd $SCRATCH && planner list --db v9.db
planner: database 'v9.db' has schema version 9, newer than this planner (3); upgrade planner
? 1
$ cd $SCRATCH && planner plan drill.yaml --db v9.db --out out9; ls out9 2>&1 | head -1; /usr/bin/python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA user_version").fetchone()[0])' v9.db
ls: cannot access 'out9': No such file or directory
9
planner: database 'v9.db' has schema version 9, newer than this planner (3); upgrade planner
# Somebody else's SQLite file is not taken over.
$ cd $SCRATCH && /usr/bin/python3 -c 'import sqlite3,sys; d=sqlite3.connect(sys.argv[1]); d.execute("CREATE TABLE contacts (name)"); d.commit()' other.db && planner list --db other.db
planner: 'other.db' is not a planner database: it holds other data
? 1
