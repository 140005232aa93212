# load.py: make a database file from a dump of tests/store/ (SQL text).
# Usage: /usr/bin/python3 tests/store/load.py SQL FILE
import sqlite3
import sys

db = sqlite3.connect(sys.argv[2])
db.executescript(open(sys.argv[1], encoding="utf-8").read())
db.close()
