# planner plan --timings, --no-print and the progress line (planner/progress.c).
# Times and memory vary from run to run: numbers read N here.
$ planner plan examples/border-fpv-fse.yaml --out "$SCRATCH/t" --no-db --no-print --timings 2>&1 >/dev/null | sed -E 's/ +/ /g; s/[0-9]+(\.[0-9]+)?/N/g'
load N s
schedule N s
store N s
assign N s
documents N s
calendars N s
total N s
peak-rss N MiB
# --no-print writes everything but print/.
$ ls "$SCRATCH/t"
agencies
calendar.ics
checklists-by-owner.md
checklists.md
improvement-plan.md
people
roles.csv
roles.md
tasks.ics
# Off a terminal, no progress line, however soon it is due.
$ PLANNER_PROGRESS_DELAY=0 planner plan examples/border-fpv-fse.yaml --out "$SCRATCH/t" --no-db --no-print 2>&1 >/dev/null | od -c
0000000
# On a terminal (script(1) makes one) each phase is shown as it starts.
$ PLANNER_PROGRESS_DELAY=0 script -qec "planner plan examples/border-fpv-fse.yaml --out '$SCRATCH/t' --no-db --no-print >/dev/null" /dev/null | tr '\r' '\n' | grep -o 'planner: [a-z]* \.\.\.' | sort -u
planner: assign ...
planner: calendars ...
planner: documents ...
planner: load ...
planner: schedule ...
planner: store ...
# A run shorter than the delay draws nothing.
$ PLANNER_PROGRESS_DELAY=3600 script -qec "planner plan examples/border-fpv-fse.yaml --out '$SCRATCH/t' --no-db --no-print >/dev/null" /dev/null | od -c
0000000
