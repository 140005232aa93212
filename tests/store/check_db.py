# check_db.py: is a planner database whole after a crash, at the revision before or the next?
# Usage: /usr/bin/python3 tests/store/check_db.py FILE EXERCISE BEFORE
# BEFORE is the latest revision before the crash (0: none). Prints "old"
# or "new"; prints "bad: why" and exits 1 when the file is damaged, holds
# part of a revision, or a revision other than those two.
import sqlite3
import sys

path, exercise, before = sys.argv[1], sys.argv[2], int(sys.argv[3])
db = sqlite3.connect(path)


def one(sql, *args):
    return db.execute(sql, args).fetchone()[0]


def bad(why):
    print("bad: " + why)
    sys.exit(1)


if one("PRAGMA integrity_check") != "ok":
    bad("integrity_check failed")
if db.execute("PRAGMA foreign_key_check").fetchall():
    bad("foreign keys broken")
if one("PRAGMA user_version") != 3:
    bad("schema version %d" % one("PRAGMA user_version"))
latest = one("SELECT coalesce(max(number), 0) FROM revision WHERE exercise = ?",
             exercise)
if latest not in (before, before + 1):
    bad("latest revision %d after %d" % (latest, before))
if latest == 0:
    print("old")
    sys.exit(0)
# Every revision of the run has the same shape: a stored one is whole
# when it has as many rows of every kind as the first, and its set of
# documents and its roster are whole (they may be shared with others).
for table in ("event", "assignment", "vacancy", "agency", "revision_item",
              "staffing"):
    counts = [one("SELECT count(*) FROM %s WHERE exercise = ? AND revision = ?"
                  % table, exercise, n) for n in (1, latest)]
    if counts[0] != counts[1] or counts[0] == 0 and table in (
            "event", "staffing"):
        bad("revision %d has %d %s rows, revision 1 %d"
            % (latest, counts[1], table, counts[0]))
for table, key in (("docset_source", "docset"), ("roster_person", "roster"),
                   ("roster_agency", "roster")):
    counts = [one("SELECT count(*) FROM %s t JOIN revision r ON t.%s = r.%s "
                  "WHERE r.exercise = ? AND r.number = ?" % (table, key, key),
                  exercise, n) for n in (1, latest)]
    if counts[0] != counts[1] or counts[0] == 0:
        bad("revision %d has %d %s rows, revision 1 %d"
            % (latest, counts[1], table, counts[0]))
if one("SELECT count(*) FROM person") + one("SELECT count(*) FROM source"):
    bad("a revision of version 3 has rows of version 2")
if one("SELECT count(*) FROM docset_source s LEFT JOIN blob b ON "
       "b.sha256 = s.blob WHERE b.sha256 IS NULL") != 0:
    bad("a document of a revision is missing")
print("new" if latest == before + 1 else "old")
