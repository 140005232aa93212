# dump.py: a planner database as SQL text, with the header fields a plain dump drops.
# Usage: /usr/bin/python3 tests/store/dump.py FILE VERSION > tests/store/vVERSION.sql
import sqlite3
import sys

db = sqlite3.connect(sys.argv[1])
print("-- A planner database at schema version %s, made by tests/store/mkfixture.c." % sys.argv[2])
print("-- Load it with tests/store/load.py; never edit it: it is what that version wrote.")
for line in db.iterdump():
    print(line)
app = db.execute("PRAGMA application_id").fetchone()[0]
ver = db.execute("PRAGMA user_version").fetchone()[0]
assert str(ver) == sys.argv[2], "database is at version %d" % ver
print("PRAGMA application_id = %d;" % app)
print("PRAGMA user_version = %d;" % ver)
