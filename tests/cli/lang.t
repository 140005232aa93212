# Texts in several languages (docs/format.md, "Texts in several
# languages"): a template in English, Spanish and Ukrainian; an exercise
# whose master documents are in Spanish; people who read Ukrainian, English
# and (only) French.
$ planner validate tests/cli/lang/template.yaml tests/cli/lang/exercise.yaml tests/cli/lang/exercise-uk.yaml
3 files valid
# The master and agency calendars are in the exercise's language; a text
# with no Spanish (the hot wash) is in English.
$ d=$(mktemp -d); planner plan tests/cli/lang/exercise.yaml --no-db --out $d >/dev/null 2>&1; grep -h '^SUMMARY' $d/calendar.ics $d/agencies/gn.ics; rm -rf $d
SUMMARY:Simulacro Sonora: Simulacro en Nogales
SUMMARY:Simulacro Sonora: Sesión informativa
SUMMARY:Simulacro Sonora: Hot wash
SUMMARY:Simulacro Sonora: Simulacro en Nogales
SUMMARY:Simulacro Sonora: Sesión informativa
SUMMARY:Simulacro Sonora: Hot wash
# Each person's calendar reads in the first of their languages the text
# has: Kovalenko Ukrainian, Smith English, Dupont (French) the exercise's
# Spanish; python3-icalendar reads them back.
$ d=$(mktemp -d); planner plan tests/cli/lang/exercise.yaml --no-db --out $d >/dev/null 2>&1; for p in kovalenko smith dupont; do /usr/bin/python3 -c 'import sys, icalendar; c = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read()); [print(sys.argv[2], str(e["SUMMARY"]), "|", str(e["DESCRIPTION"]).splitlines()[0]) for e in c.walk("VEVENT")]' $d/people/$p.ics $p; done; rm -rf $d
kovalenko Simulacro Sonora: Навчання: Nogales | Рій наближається до Nogales.
kovalenko Simulacro Sonora: Брифінг гравців | Location: Nogales
kovalenko Simulacro Sonora: Оперативний розбір | Location: Nogales
smith Simulacro Sonora: Drill at Nogales | A swarm approaches Nogales.
smith Simulacro Sonora: Players briefing | Location: Nogales
smith Simulacro Sonora: Hot wash | Location: Nogales
dupont Simulacro Sonora: Simulacro en Nogales | Un enjambre se acerca a Nogales.
dupont Simulacro Sonora: Sesión informativa | Location: Nogales
dupont Simulacro Sonora: Hot wash | Location: Nogales
# Their own checklists too, in Markdown and PDF; the master list is in
# Spanish.
$ d=$(mktemp -d); planner plan tests/cli/lang/exercise.yaml --no-db --out $d >/dev/null 2>&1; grep -e '^##' -e '^- \[' $d/checklists-by-owner.md | sed 's/^/> /'; grep '^| \[' $d/checklists.md; for r in lead safety; do pdftotext $d/print/lang-x-checklist-$r.pdf - | grep -e 'Checklist:' -e 'Radio' -e 'Range' -e 'Полігон' -e 'Readiness' -e 'Готовність' -e 'Players' -e 'Брифінг'; done; rm -rf $d
> ## Головний планувальник: Iryna Kovalenko
> ### Готовність
> - [ ] Полігон заброньовано. — due 2027-03-09 08:00 CST, at Брифінг гравців
> ## Safety Controller: John Smith
> ### Readiness
> - [ ] Radios checked. — due 2027-03-09 08:00 CST, at Players briefing
> ## Evaluator: Marie Dupont
> ### Preparación
> - [ ] Evaluator cards printed. — due 2027-03-09 08:00 CST, at Sesión informativa
| [ ] | Radios revisadas. | Controlador de seguridad | John Smith | 2027-03-09 |
| [ ] | Evaluator cards printed. | Evaluator | Marie Dupont | 2027-03-09 |
| [ ] | Polígono reservado. | Planificador principal | Iryna Kovalenko | 2027-03-09 |
Checklist: Головний планувальник — Iryna Kovalenko
Готовність
Полігон заброньовано.
due at Брифінг гравців
Checklist: Safety Controller — John Smith
Readiness
Radios checked.
due at Players briefing
# Plan JSON and the MSEL are in the exercise's language.
$ planner plan tests/cli/lang/exercise.yaml --no-db --json 2>/dev/null | python3 -c 'import json,sys; x=json.load(sys.stdin)["exercises"][0]; print(x["objectives"][0]["text"], "|", x["objectives"][0]["eeg"][0]["task"]); [print(e["id"], e["title"]) for e in x["events"]]'
Detectar el enjambre. | Clasificar los contactos.
conduct Simulacro en Nogales
brief Sesión informativa
hot-wash Hot wash
$ d=$(mktemp -d); planner plan tests/cli/lang/exercise.yaml --no-db --out $d >/dev/null 2>&1; pdftotext $d/print/lang-x-msel.pdf - | grep -o -e 'Enjambre lanzado.' -e 'Swarm launched.'; rm -rf $d
Enjambre lanzado.
# A parameter's default in several languages follows each text's language.
$ planner plan tests/cli/lang/exercise-uk.yaml --no-db --json 2>/dev/null | python3 -c 'import json,sys; x=json.load(sys.stdin)["exercises"][0]; [print(e["id"], e["title"]) for e in x["events"]]'
conduct Навчання: пункт пропуску
brief Брифінг гравців
hot-wash Оперативний розбір
# A child template's text replaces its parent's whole, not language by
# language: its {en, es} briefing title shows a Ukrainian reader the
# child's English, not the parent's Ukrainian title of another text.
$ cp tests/cli/lang/*.yaml $SCRATCH/ && cd $SCRATCH && printf 'kind: Template\nversion: 1\nid: lang-child\nname: Child drill\ntype: drill\nextends: template.yaml\nevents:\n  - id: brief\n    title: {en: "Safety brief", es: "Instrucciones de seguridad"}\n' >child.yaml && sed 's/^template: template.yaml/template: child.yaml/' exercise-uk.yaml >child-uk.yaml && planner plan child-uk.yaml --no-db --json 2>/dev/null | python3 -c 'import json,sys; x=json.load(sys.stdin)["exercises"][0]; [print(e["id"], e["title"]) for e in x["events"]]'
conduct Навчання: пункт пропуску
brief Safety brief
hot-wash Оперативний розбір
# Stored and exported again with the template gone: the translations come
# back from the stored documents, byte for byte.
$ cp tests/cli/lang/*.yaml $SCRATCH/ && cd $SCRATCH && planner plan exercise.yaml --out out >/dev/null 2>&1 && rm template.yaml && planner export lang-x --out exp >/dev/null && for f in calendar.ics people/kovalenko.ics people/smith.ics people/dupont.ics checklists-by-owner.md; do cmp out/$f exp/$f && echo "same $f"; done; grep -c 'Брифінг гравців' exp/people/kovalenko.ics
same calendar.ics
same people/kovalenko.ics
same people/smith.ics
same people/dupont.ics
same checklists-by-owner.md
2
