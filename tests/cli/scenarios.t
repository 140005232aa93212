# The scenario templates of issue 8 and an example exercise for each: every
# template and example validates, and each example plans with every seat
# filled from its rosters; every objective names core capabilities and
# carries EEG critical tasks.
$ planner validate templates/fpv-swarm-border-ttx.yaml templates/fpv-swarm-border-fe.yaml templates/counter-drone-drill.yaml templates/trilateral-intel-seminar.yaml templates/trilateral-intel-workshop.yaml templates/fpv-supply-chain-workshop.yaml templates/armoured-compound-fe.yaml
7 files valid
$ planner validate examples/border-fpv-ttx.yaml examples/border-fpv-fe.yaml examples/counter-drone-drill.yaml examples/trilateral-seminar.yaml examples/trilateral-workshop.yaml examples/fpv-supply-chain-workshop.yaml examples/armoured-compound-fe.yaml
7 files valid
$ for e in border-fpv-ttx border-fpv-fe counter-drone-drill trilateral-seminar trilateral-workshop fpv-supply-chain-workshop armoured-compound-fe; do planner plan examples/$e.yaml --no-db --json 2>/dev/null | python3 -c 'import json,sys; x=json.load(sys.stdin)["exercises"][0]; bad=[o["id"] for o in x["objectives"] if not o["capabilities"] or not o["eeg"]]; print("%s: %s from %s, %d seats filled, %d vacant, %d objectives, %d EEG tasks%s" % (x["id"], x["type"], x["template"], len(x["assignments"]), sum(v["missing"] for v in x["vacancies"]), len(x["objectives"]), sum(len(o["eeg"]) for o in x["objectives"]), "" if not bad else "; no capabilities or EEG: " + " ".join(bad)))' || echo "$e fails"; done
desert-lantern-ttx-2027: tabletop from fpv-swarm-border-ttx, 32 seats filled, 0 vacant, 5 objectives, 16 EEG tasks
desert-lantern-fe-2027: functional from fpv-swarm-border-fe, 37 seats filled, 0 vacant, 6 objectives, 17 EEG tasks
dry-wash-cuas-2027: drill from counter-drone-drill, 31 seats filled, 0 vacant, 4 objectives, 11 EEG tasks
puente-tridente-seminar-2027: seminar from trilateral-intel-seminar, 31 seats filled, 0 vacant, 4 objectives, 8 EEG tasks
puente-tridente-workshop-2027: workshop from trilateral-intel-workshop, 33 seats filled, 0 vacant, 4 objectives, 9 EEG tasks
cadena-rota-2027: workshop from fpv-supply-chain-workshop, 33 seats filled, 0 vacant, 5 objectives, 11 EEG tasks
iron-canopy-2027: functional from armoured-compound-fe, 31 seats filled, 0 vacant, 6 objectives, 15 EEG tasks
# The JSON plan carries each objective's capabilities and EEG tasks.
$ planner plan examples/counter-drone-drill.yaml --no-db --json 2>/dev/null | python3 -c 'import json,sys; o=json.load(sys.stdin)["exercises"][0]["objectives"][2]; print(o["id"], "|", "; ".join(o["capabilities"])); [print("-", t["task"], t["measures"]) for t in o["eeg"]]'
tethered | Physical Protective Measures; Interdiction and Disruption
- Recognise a tracked drone with no RF emission as possibly fibre-optic-tethered. ['Recognition within 60 seconds of the first radar or EO/IR track']
- Announce "RF mitigation ineffective" and alert the protected area. []
- Apply physical defeat (net capture or interceptor, where authorised) or protective measures (cover, dispersal) before the drone arrives. []
# Parameters are filled in: the exercise's values, or the template's
# defaults when it sets none (border-fpv-fe.yaml sets only the site).
$ planner plan examples/border-fpv-fe.yaml --no-db --json 2>/dev/null | python3 -c 'import json,sys; o=json.load(sys.stdin)["exercises"][0]["objectives"]; print(o[3]["text"][-60:]); print(o[5]["text"][:90])'
on at the launch site in Nogales, Sonora and on the US side.
By ENDEX, unified command sets and communicates reopening criteria for the Nogales (Maripo
# The Exercise Evaluation Guide: a section per objective with its core
# capabilities and a P/S/M/U rating per critical task, for controllers
# and evaluators only; no EEG task reaches the player or observer packets.
$ d=$(mktemp -d) && planner plan examples/counter-drone-drill.yaml --no-db --out $d >/dev/null 2>&1 && pdftotext $d/print/dry-wash-cuas-2027-eeg.pdf - | tr -s ' \n' '  ' >$d/eeg.txt && grep -o -e 'Objective [0-9]*: [a-z-]*' -e 'Core capabilit[a-z]*: [^:]*Objective:' $d/eeg.txt; echo "ratings: $(grep -o 'P S M U' $d/eeg.txt | wc -l)"; echo "marked on $(grep -o 'CONTROLLERS AND EVALUATORS ONLY' $d/eeg.txt | wc -l) pages"; pdfinfo $d/print/dry-wash-cuas-2027-eeg.pdf | grep Pages; for f in packet-players packet-observers packet-ce eeg; do pdftotext $d/print/dry-wash-cuas-2027-$f.pdf - | tr -s ' \n' '  ' | grep -o -e 'Recognise a tracked drone with no RF emission' -e 'Correlate sensor tracks into one picture' | wc -l | sed "s/^/$f: /"; done; rm -rf $d
Objective 1: detect
Core capabilities: Screening, Search, and Detection; Situational Assessment Objective:
Objective 2: rf-defeat
Core capability: Interdiction and Disruption Objective:
Objective 3: tethered
Core capabilities: Physical Protective Measures; Interdiction and Disruption Objective:
Objective 4: hand-over
Core capabilities: On-scene Security, Protection, and Law Enforcement; Forensics and Attribution Objective:
ratings: 11
marked on 4 pages
Pages:           4
packet-players: 0
packet-observers: 0
packet-ce: 0
eeg: 2
# Languages: the seminar's master documents are in Spanish (its exercise
# language); a Ukrainian-first person gets his own calendar in Ukrainian,
# the language he lists first.
$ d=$(mktemp -d) && planner plan examples/trilateral-seminar.yaml --no-db --out $d >/dev/null 2>&1 && grep -o 'Ponente (por país[^|]*' $d/roles.md | sed 's/ *$//' | sort -u; tr -d '\r' <$d/people/yurii-tkachenko.ics | awk '/^ / { printf "%s", substr($0, 2); next } NR > 1 { print "" } { printf "%s", $0 } END { print "" }' | sed -n 's/^SUMMARY:[^:]*: //p' | sort; rm -rf $d
Ponente (por país; los planificadores equilibran las tres naciones)
Інструктаж фасилітаторів і оцінювачів
Перевірка відеозв'язку та каналів перекладу
Початкова нарада з планування (онлайн)
Підсумкова нарада фасилітаторів і оцінювачів (заповнено форми оцінювання)
Тристоронній семінар (гібридний)
Фінальна нарада з планування (документи затверджено)
Швидкий розбір з учасниками (роздано анкети зворотного зв'язку)
# A scenario template restating a parent event's 'roles' replaces the
# list (a list of text), rather than merging it by id like a list of
# mappings: the debrief of the tabletop has the roles the scenario names.
$ planner plan examples/border-fpv-ttx.yaml --no-db --json 2>/dev/null | python3 -c 'import json,sys; e=[e for e in json.load(sys.stdin)["exercises"][0]["events"] if e["id"] == "debrief"][0]; print(" ".join(e["roles"]))'
exercise-director lead-evaluator evaluator lead-facilitator note-taker cuas-sme eod-sme
# The same tabletop with Spanish master documents: the MSEL and the EEG's
# objectives come out in Spanish, the template's second language.
$ sed -e 's/^language: en/language: es/' -e "s|rosters: \[roster-border.yaml, roster-border-extra.yaml\]|rosters: [$(pwd)/examples/roster-border.yaml, $(pwd)/examples/roster-border-extra.yaml]|" examples/border-fpv-ttx.yaml >$SCRATCH/es.yaml && planner plan $SCRATCH/es.yaml --no-db --out $SCRATCH/es >/dev/null 2>&1 && for f in msel eeg; do pdftotext $SCRATCH/es/print/desert-lantern-ttx-2027-$f.pdf - | tr -s ' \n' '  ' | grep -o -e 'La interferencia derriba cinco drones' -e 'Al final del Módulo 2' | sort -u | sed "s/^/$f: /"; done
msel: La interferencia derriba cinco drones
eeg: Al final del Módulo 2
