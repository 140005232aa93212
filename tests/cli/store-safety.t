# A database survives what a year of use does to it: planners killed
# (SIGKILL) while they write, and several planners writing at once.
# The scripts say what they do; each line below is one of their checks.
$ sh tests/store/concurrent.sh 16
two planners created one database at once: both plans stored
one exercise re-planned by two planners at once: revisions 2 and 3, both whole
16 writers at once: every one succeeded, every write is there
planner: database 'p.db' is busy: still locked by another writer after 0.3 s; try again
a writer waited out the lock; readers were never held up
$ sh tests/store/crash.sh 10 2027
fresh database killed 3 times: openable every time
plan killed 10 times: database whole every time, at the old revision or the new one
