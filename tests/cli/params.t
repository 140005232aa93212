# Template parameters (docs/format.md, "Parameters"): a parent declares a
# site with a default and a swarm size without one; a child changes the
# site's default and adds a shift.
$ planner validate tests/cli/params/base.yaml tests/cli/params/child.yaml tests/cli/params/exercises.yaml
3 files valid
# Three exercises of one run, two of them on the same template, each with
# its own values: titles, locations, objectives and descriptions filled in.
$ planner plan tests/cli/params/exercises.yaml --no-db --json 2>/dev/null | python3 -c 'import json,sys; [print(x["id"], "|", x["objectives"][0]["text"], "|", " / ".join(e["title"] for e in x["events"])) for x in json.load(sys.stdin)["exercises"]]'
prm-san-luis | Detect all 12 drones before they reach San Luis port of entry. | Drill at San Luis port of entry / Site briefing: San Luis port of entry
prm-default | Detect all 30 drones before they reach Santa Teresa port of entry. | Drill at Santa Teresa port of entry / Site briefing: Santa Teresa port of entry
prm-night | Detect all 5 drones before they reach Columbus port of entry. | Drill at Columbus port of entry / Site briefing: Columbus port of entry
# The plan's Markdown checklists, the calendar's location and description
# and the MSEL are filled in too.
$ d=$(mktemp -d); planner plan tests/cli/params/exercises.yaml --no-db --out $d >/dev/null 2>&1; grep -h 'Airspace' $d/checklists.md | cut -d'|' -f3,6; grep -e '^LOCATION:' -e '^DESCRIPTION:For' $d/calendar.ics | sort -u; pdftotext $d/print/prm-san-luis-msel.pdf - | grep -A1 '12 drones launched'; grep -rl --include='*.ics' --include='*.md' --include='*.csv' '{{' $d || echo 'no blank left'; rm -rf $d
 Airspace closure requested for San Luis port of entry. | 2027-03-09 
 Airspace closure requested for Santa Teresa port of entry. | 2027-03-10 
 Airspace closure requested for Columbus port of entry. | 2027-03-11 
DESCRIPTION:For the night shift.\n\nLocation: Columbus port of entry\, oper
LOCATION:Columbus
LOCATION:Columbus port of entry\, operations room
LOCATION:San Luis
LOCATION:San Luis port of entry\, operations room
LOCATION:Santa Teresa
LOCATION:Santa Teresa port of entry\, operations room
12 drones launched toward San Luis
port of entry.
no blank left
# 'planner new' writes the parameters to set, and the skeleton validates
# once its CHANGE values are filled in.
$ planner new $PWD/tests/cli/params/child.yaml -o $SCRATCH/x.yaml && sed -n '/^# Values/,/^# language/s/^/> /p' $SCRATCH/x.yaml && cp tests/cli/staffing/roster.yaml $SCRATCH/ && sed -i 's/lead-agency/sspc/' $SCRATCH/x.yaml && planner validate $SCRATCH/x.yaml
> # Values for the template's parameters ({{id}} in its texts).
> parameters:
> #  site: "Columbus port of entry"   # Name of the border facility
> #  shift: "night"   # no description
>   swarm_size: "CHANGE"   # CHANGE: Drones in the swarm
> # language: en   # of the master documents: en, es or uk
1 file valid
