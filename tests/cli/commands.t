# The command table: usage, help, version, unknown commands.
$ planner
usage: planner [--version] [--help] COMMAND [ARGS]

Plans multi-agency security exercises from YAML templates and rosters.

commands:
  validate   Check templates, exercises, rosters and calendars.
  templates  List the bundled exercise templates.
  new        Write an Exercise skeleton for a template.
  plan       Plan exercises: schedule, calendars and checklists.
  list       List the exercises in the database.
  show       Show a stored revision of an exercise's plan.
  diff       Show what changed between two revisions of a plan.
  agenda     Show what happens and what is due, day by day.
  check      Check a checklist item off, or undo that.
  action     Add, update and list corrective actions (Improvement Plan).
  status     Show what is overdue or due soon, by owner.
  export     Write a stored revision's calendars, checklists and PDFs.
  help       Show the commands, or how to use one of them.

'planner help COMMAND' tells more; 'man planner' tells all.
? 2
$ planner --version
planner 0.1.0
$ planner frobnicate
planner: unknown or ambiguous command 'frobnicate'
usage: planner [--version] [--help] COMMAND [ARGS]

Plans multi-agency security exercises from YAML templates and rosters.

commands:
  validate   Check templates, exercises, rosters and calendars.
  templates  List the bundled exercise templates.
  new        Write an Exercise skeleton for a template.
  plan       Plan exercises: schedule, calendars and checklists.
  list       List the exercises in the database.
  show       Show a stored revision of an exercise's plan.
  diff       Show what changed between two revisions of a plan.
  agenda     Show what happens and what is due, day by day.
  check      Check a checklist item off, or undo that.
  action     Add, update and list corrective actions (Improvement Plan).
  status     Show what is overdue or due soon, by owner.
  export     Write a stored revision's calendars, checklists and PDFs.
  help       Show the commands, or how to use one of them.

'planner help COMMAND' tells more; 'man planner' tells all.
? 2
# "p" is a prefix of "plan" only; "help validate" and "validate --help" agree.
$ planner help validate > a; planner validate --help > b; planner val -h > c; cmp a b && cmp a c && cat a; rm -f a b c
usage: planner validate FILE...

Check templates, exercises, rosters and calendars.

Reads each FILE and every file its documents name (rosters,
templates, holiday calendars) and reports every problem as
file:line:col: error: message (the first 50, then how many
more). Exits 0 when all is valid, 1 when anything is wrong.
$ planner validate
planner: no file given
usage: planner validate FILE...
? 2
$ planner validate --frob x.yaml
planner: unknown option '--frob'
usage: planner validate FILE...
? 2
$ planner plan
planner: no exercise file given
usage: planner plan EXERCISE.yaml [FILE...] [--out DIR] [--json] [--paper letter|a4] [--no-print] [--export-lp FILE] [--timings] [--db FILE | --no-db]
? 2
$ planner plan examples/border-fpv-fse.yaml --out
planner: '--out' needs a directory
usage: planner plan EXERCISE.yaml [FILE...] [--out DIR] [--json] [--paper letter|a4] [--no-print] [--export-lp FILE] [--timings] [--db FILE | --no-db]
? 2
$ planner templates extra
planner: unexpected argument 'extra'
usage: planner templates [--markdown]
? 2
$ planner templates --frob
planner: unknown option '--frob'
usage: planner templates [--markdown]
? 2
$ planner help nope
planner: unknown or ambiguous command 'nope'
usage: planner [--version] [--help] COMMAND [ARGS]

Plans multi-agency security exercises from YAML templates and rosters.

commands:
  validate   Check templates, exercises, rosters and calendars.
  templates  List the bundled exercise templates.
  new        Write an Exercise skeleton for a template.
  plan       Plan exercises: schedule, calendars and checklists.
  list       List the exercises in the database.
  show       Show a stored revision of an exercise's plan.
  diff       Show what changed between two revisions of a plan.
  agenda     Show what happens and what is due, day by day.
  check      Check a checklist item off, or undo that.
  action     Add, update and list corrective actions (Improvement Plan).
  status     Show what is overdue or due soon, by owner.
  export     Write a stored revision's calendars, checklists and PDFs.
  help       Show the commands, or how to use one of them.

'planner help COMMAND' tells more; 'man planner' tells all.
? 2
# Every usage line of the help is a line of the manual page's synopsis.
$ for c in validate templates plan list show diff agenda check action status export help; do planner help $c | sed -n 's/^usage: //p' | grep -qxF -f - docs/planner.1 || echo "docs/planner.1 lacks: $c"; done
