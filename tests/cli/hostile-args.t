# Hostile command-line arguments: empty strings, control characters,
# 100,000-character ids, numbers past every bound, garbage dates. Each
# gets one clear message (control characters shown as C escapes, so a
# message stays one line and cannot drive the terminal) and exit status
# 1 (nothing found) or 2 (bad command line); none may crash. Output
# written to a pipe or device is written in place, not replaced.
$ cp tests/store/drill.yaml $SCRATCH/ && cd $SCRATCH && planner plan drill.yaml --out out | tail -1
stored: revision 1 of store-drill-2027
$ cd $SCRATCH && PLANNER_DB=planner.db planner show ''
planner: no exercise '' in 'planner.db'
? 1
$ cd $SCRATCH && PLANNER_DB=planner.db planner show "$(printf 'a\r\nb\033[2J')"
planner: no exercise 'a\r\nb\x1b[2J' in 'planner.db'
? 1
$ cd $SCRATCH && PLANNER_DB=planner.db planner show "$(printf '%0100000d' 7)" 2>err; echo "exit $?"; wc -c <err; cut -c1-40 err; rm -f err
exit 1
100040
planner: no exercise '000000000000000000
$ planner show store-drill-2027 --revision 99999999999999999999
planner: '--revision' needs a revision number
usage: planner show EXERCISE [--revision N] [--json] [--db FILE]
? 2
$ planner show store-drill-2027 --revision -1
planner: '--revision' needs a revision number
usage: planner show EXERCISE [--revision N] [--json] [--db FILE]
? 2
$ planner show store-drill-2027 --revision
planner: '--revision' needs a revision number
usage: planner show EXERCISE [--revision N] [--json] [--db FILE]
? 2
$ planner agenda --from garbage
planner: bad --from date 'garbage': bad date 'garbage': expected YYYY-MM-DD
usage: planner agenda [--person ID | --agency ID] [--from DATE] [--to DATE] [--json] [--db FILE]
? 2
$ planner agenda --from 2027-02-30
planner: bad --from date '2027-02-30': day 30 is past the end of February 2027
usage: planner agenda [--person ID | --agency ID] [--from DATE] [--to DATE] [--json] [--db FILE]
? 2
$ planner agenda --to ''
planner: bad --to date '': bad date '': expected YYYY-MM-DD
usage: planner agenda [--person ID | --agency ID] [--from DATE] [--to DATE] [--json] [--db FILE]
? 2
$ planner agenda --from 2027-05-01 --to 2027-01-01
planner: '--to' date '2027-01-01' is before '--from' date '2027-05-01'
usage: planner agenda [--person ID | --agency ID] [--from DATE] [--to DATE] [--json] [--db FILE]
? 2
$ planner agenda --person "$(printf 'x\ty\033]0;t\007')"
planner: unknown person 'x\ty\x1b]0;t\x07': no exercise's rosters name it
? 1
$ planner agenda --agency ''
planner: unknown agency '': no exercise's rosters name it
? 1
$ planner check ''
planner: bad item '': expected EXERCISE/CHECKLIST/ITEM or a number
? 1
$ planner check "$(printf 'store-drill-2027/\033/x')"
planner: no checklist item 'store-drill-2027/\x1b/x' in the latest revision (1) of 'store-drill-2027'
? 1
$ planner check 0
planner: bad item '0': expected EXERCISE/CHECKLIST/ITEM or a number
? 1
$ planner check 99999999999999999999
planner: bad item '99999999999999999999': expected EXERCISE/CHECKLIST/ITEM or a number
? 1
$ planner check a/b/c/d
planner: bad item 'a/b/c/d': expected EXERCISE/CHECKLIST/ITEM or a number
? 1
$ planner check 1 --by ''
planner: empty --by
usage: planner check ITEM [--done | --undo] [--by PERSON] [--note TEXT] [--db FILE]
? 2
$ planner check 1 --done --undo
planner: '--done' or '--undo', once
usage: planner check ITEM [--done | --undo] [--by PERSON] [--note TEXT] [--db FILE]
? 2
$ planner action update A0
planner: bad corrective action 'A0': expected its number, as A3 or 3
? 1
$ planner action update ''
planner: bad corrective action '': expected its number, as A3 or 3
? 1
$ cd $SCRATCH && PLANNER_DB=planner.db planner action add "$(printf 'x\r\ny')" 'text'
planner: no exercise 'x\r\ny' in 'planner.db'
? 1
$ planner action "$(printf 'add\033')"
planner: unknown action command 'add\x1b': expected add, update or list
usage: planner action (add EXERCISE [TEXT] | update ACTION | list [EXERCISE]) [OPTION...] [--db FILE]
? 2
$ planner status store-drill-2027 --days 99999999999
planner: '--days' needs a number of days, 0 to 3660
usage: planner status EXERCISE [--days N] [--json] [--db FILE]
? 2
$ planner diff store-drill-2027 1 99999999999999999999
planner: bad revision '99999999999999999999': expected a number
usage: planner diff EXERCISE [REV1 [REV2]] [--json] [--db FILE]
? 2
$ cd $SCRATCH && planner export store-drill-2027 --out out --paper "$(printf 'a4\t')" 2>err; echo "exit $?"; head -1 err; rm -f err
exit 2
planner: unknown paper 'a4\t': expected letter or a4
$ cd $SCRATCH && planner "$(printf 'pl\033[2Jan')" 2>err; echo "exit $?"; head -1 err; rm -f err
exit 2
planner: unknown or ambiguous command 'pl\x1b[2Jan'
$ cd $SCRATCH && planner help "$(printf '\r')" 2>err; echo "exit $?"; head -1 err; rm -f err
exit 2
planner: unknown or ambiguous command '\r'
$ cd $SCRATCH && planner plan drill.yaml --no-db --out out --export-lp nodir/model.lp >/dev/null
planner: cannot write 'nodir/model.lp': No such file or directory
? 1
$ cd $SCRATCH && mkfifo lp.fifo && { timeout 20 cat lp.fifo >lp.txt & pid=$!; planner plan drill.yaml --no-db --out out --export-lp lp.fifo >/dev/null; echo "exit $?"; wait $pid; grep -c '^Minimize' lp.txt; test -p lp.fifo && echo "lp.fifo is still a pipe"; }
exit 0
1
lp.fifo is still a pipe
