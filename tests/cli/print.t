# Printed outputs of 'planner plan' (print/): every PDF reads in pdfinfo
# without a word on standard error, the Gantt chart is also a PNG and an
# SVG, and the files are the same bytes when planned twice.
$ d=$(mktemp -d) && planner plan examples/border-fpv-fse.yaml --no-db --out $d >/dev/null 2>&1 && cd $d/print && ls && for f in *.pdf; do pdfinfo $f >/dev/null 2>$d/err && [ ! -s $d/err ] || echo "pdfinfo: $f"; done; rm -rf $d
desert-lantern-2027-checklist-cuas-controller.pdf
desert-lantern-2027-checklist-evaluator-bilingual.pdf
desert-lantern-2027-checklist-evaluator.pdf
desert-lantern-2027-checklist-exercise-director.pdf
desert-lantern-2027-checklist-lead-controller.pdf
desert-lantern-2027-checklist-lead-evaluator.pdf
desert-lantern-2027-checklist-lead-planner.pdf
desert-lantern-2027-checklist-safety-controller.pdf
desert-lantern-2027-checklists.pdf
desert-lantern-2027-eeg.pdf
desert-lantern-2027-gantt-agency.pdf
desert-lantern-2027-gantt-agency.png
desert-lantern-2027-gantt-agency.svg
desert-lantern-2027-gantt.pdf
desert-lantern-2027-gantt.png
desert-lantern-2027-gantt.svg
desert-lantern-2027-improvement-plan.pdf
desert-lantern-2027-msel.pdf
desert-lantern-2027-packet-ce.pdf
desert-lantern-2027-packet-observers.pdf
desert-lantern-2027-packet-players.pdf
$ d=$(mktemp -d) && planner plan examples/border-fpv-fse.yaml --no-db --out $d/a >/dev/null 2>&1 && planner plan examples/border-fpv-fse.yaml --no-db --out $d/b >/dev/null 2>&1 && for f in $d/a/print/* $d/a/*.md; do cmp -s $f $d/b/${f#$d/a/} || echo "differs: $f"; done; head -c 8 $d/a/print/desert-lantern-2027-gantt.png | od -An -c; grep -c '<svg' $d/a/print/desert-lantern-2027-gantt.svg; rm -rf $d
 211   P   N   G  \r  \n 032  \n
1
# US Letter by default, A4 on request; checklists portrait, MSEL landscape.
$ d=$(mktemp -d) && planner plan examples/border-fpv-fse.yaml --no-db --out $d >/dev/null 2>&1 && for f in checklists msel; do pdfinfo $d/print/desert-lantern-2027-$f.pdf | grep 'Page size'; done; rm -rf $d
Page size:       612 x 792 pts (letter)
Page size:       792 x 612 pts (letter)
$ d=$(mktemp -d) && planner plan examples/border-fpv-fse.yaml --no-db --paper=A4 --out $d >/dev/null 2>&1 && for f in checklists msel gantt; do pdfinfo $d/print/desert-lantern-2027-$f.pdf | grep 'Page size'; done; rm -rf $d
Page size:       595.276 x 841.89 pts (A4)
Page size:       841.89 x 595.276 pts (A4)
Page size:       841.89 x 595.276 pts (A4)
# A bad paper is a usage error (the usage line follows the message).
$ { planner plan examples/border-fpv-fse.yaml --no-db --paper legal 2>&1 >/dev/null; echo "exit $?"; } | sed -n '1p;$p'
planner: unknown paper 'legal': expected letter or a4
exit 2
$ { planner plan examples/border-fpv-fse.yaml --no-db --paper 2>&1 >/dev/null; echo "exit $?"; } | sed -n '1p;$p'
planner: '--paper' needs letter or a4
exit 2
# Players and observers never receive the MSEL: no inject of the
# template is in their packets; the controller/evaluator packet and the
# MSEL hold every one.
$ d=$(mktemp -d) && planner plan examples/border-fpv-fse.yaml --no-db --out $d >/dev/null 2>&1 && for f in packet-players packet-observers packet-ce msel; do pdftotext $d/print/desert-lantern-2027-$f.pdf - | tr -s ' \n' '  ' >$d/$f.txt; n=0; for s in 'Intelligence bulletin: Sonoran sources' 'RF sensor alarm' 'Six FPV drones cross the line' 'About 400 trucks are queued' 'ENDEX in 15 minutes'; do grep -qF "$s" $d/$f.txt && n=$((n + 1)); done; echo "$f: $n of 5 injects"; done; rm -rf $d
packet-players: 0 of 5 injects
packet-observers: 0 of 5 injects
packet-ce: 5 of 5 injects
msel: 5 of 5 injects
# Spanish and Ukrainian text comes out as written.
$ d=$(mktemp -d) && planner plan examples/trilateral-ttx.yaml --no-db --out $d >/dev/null 2>&1 && pdftotext $d/print/puente-tridente-2027-packet-players.pdf - | grep -c 'Secretaría de Seguridad y Protección Ciudadana'; pdftotext $d/print/puente-tridente-2027-checklist-site-facilitator-ua.pdf - | grep -c 'Due dates are local time in Europe/Kyiv'; pdftotext $d/print/puente-tridente-2027-checklist-site-facilitator-ua.pdf - | LC_ALL=C.UTF-8 grep -qP '\p{Cyrillic}' && echo Cyrillic; rm -rf $d
1
1
Cyrillic
# The Gantt chart by agency: a lane per agency taking part, in the
# exercise's order, with how it takes part.
$ d=$(mktemp -d) && planner plan examples/border-fpv-fse.yaml --no-db --out $d >/dev/null 2>&1 && pdftotext $d/print/desert-lantern-2027-gantt-agency.pdf - | grep ' · \(playing\|supporting\|observing\)\|^No agency' | sed 's/ (continued)$//' | uniq; pdfinfo $d/print/desert-lantern-2027-gantt-agency.pdf | grep -c Title; rm -rf $d
U.S. Customs and Border Protection, Tucson Sector · playing
U.S. Border Patrol, Nogales Station · playing
Federal Bureau of Investigation, Phoenix Field Office · playing
City of Nogales Fire Department (fire and EMS) · playing
Guardia Nacional, Coordinación Estatal Sonora · playing
Policía Estatal de Seguridad Pública de Sonora · playing
Santa Cruz County Office of Emergency Management · supporting
DHS Science and Technology Directorate, Counter-UAS Program · supporting
DHS Office of Intelligence and Analysis · observing
1
