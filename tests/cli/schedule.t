# Whole schedules, frozen only after tests/oracle/check_schedule.py passed
# on exactly this output (it recomputes every agency's local times, hours,
# holidays and windows on its own; the sched suite keeps running it on the
# same inputs, so a change here that the oracle rejects shows up there
# too). Update them only after checking the new schedule the same way:
#   planner plan F --no-db --json >p.json; planner plan F --no-db >p.txt
#   /usr/bin/python3 tests/oracle/check_schedule.py --table p.txt F p.json
#
# The bundled full-scale exercise: the table, every event in UTC and in
# each attending agency's local time (Phoenix, Hermosillo, New York).
$ d=$(mktemp -d); planner plan examples/border-fpv-fse.yaml --no-db --out "$d"; s=$?; rm -rf "$d"; exit $s
Operation Desert Lantern 2027 (full-scale, template fpv-swarm-border-fse, venue America/Phoenix)
  guidance-review          meeting              2026-11-13T16:00:00Z .. 2026-11-13T18:00:00Z
      Senior leader guidance and exercise program review
      Fri 13 Nov 2026 09:00-11:00 MST: cbp-tucson usbp-nogales fbi-phoenix nogales-fd gn-sonora pesp-sonora scc-oem
      Fri 13 Nov 2026 11:00-13:00 EST: dhs-st dhs-ia
  planning-team            deadline             2026-11-14T00:00:00Z
      Planning team named; C&O invitations and read-ahead sent
      Fri 13 Nov 2026 17:00 MST: cbp-tucson usbp-nogales fbi-phoenix nogales-fd gn-sonora pesp-sonora scc-oem
      Fri 13 Nov 2026 19:00 EST: dhs-st dhs-ia
  c-and-o                  planning-meeting     2026-12-16T16:00:00Z .. 2026-12-16T19:00:00Z
      Concept and Objectives Meeting
      Wed 16 Dec 2026 09:00-12:00 MST: cbp-tucson usbp-nogales fbi-phoenix nogales-fd gn-sonora pesp-sonora scc-oem
      Wed 16 Dec 2026 11:00-14:00 EST: dhs-st dhs-ia
  ipm-read-ahead           deadline             2026-12-17T00:00:00Z
      IPM invitations and read-ahead sent
      Wed 16 Dec 2026 17:00 MST: cbp-tucson usbp-nogales fbi-phoenix nogales-fd gn-sonora pesp-sonora scc-oem
      Wed 16 Dec 2026 19:00 EST: dhs-st dhs-ia
  ipm                      planning-meeting     2026-12-31T16:00:00Z .. 2026-12-31T20:00:00Z
      Initial Planning Meeting
      Thu 31 Dec 2026 09:00-13:00 MST: cbp-tucson usbp-nogales fbi-phoenix nogales-fd gn-sonora pesp-sonora scc-oem
      Thu 31 Dec 2026 11:00-15:00 EST: dhs-st dhs-ia
  mpm-read-ahead           deadline             2027-02-13T00:00:00Z
      MPM invitations and read-ahead sent
      Fri 12 Feb 2027 17:00 MST: cbp-tucson usbp-nogales fbi-phoenix nogales-fd gn-sonora pesp-sonora scc-oem
      Fri 12 Feb 2027 19:00 EST: dhs-st dhs-ia
  mpm                      planning-meeting     2027-03-02T16:00:00Z .. 2027-03-02T19:00:00Z
      Midterm Planning Meeting
      Tue  2 Mar 2027 09:00-12:00 MST: cbp-tucson usbp-nogales fbi-phoenix nogales-fd gn-sonora pesp-sonora scc-oem
      Tue  2 Mar 2027 11:00-14:00 EST: dhs-st dhs-ia
  msel-read-ahead          deadline             2027-03-27T00:00:00Z
      MSEL meeting read-ahead (draft MSEL) sent to trusted agents and controllers
      Fri 26 Mar 2027 17:00 MST: cbp-tucson usbp-nogales fbi-phoenix nogales-fd gn-sonora pesp-sonora scc-oem
      Fri 26 Mar 2027 20:00 EDT: dhs-st dhs-ia
  msel-meeting             planning-meeting     2027-04-21T16:00:00Z .. 2027-04-21T20:00:00Z
      MSEL Meeting
      Wed 21 Apr 2027 09:00-13:00 MST: cbp-tucson usbp-nogales fbi-phoenix nogales-fd gn-sonora pesp-sonora scc-oem
      Wed 21 Apr 2027 12:00-16:00 EDT: dhs-st dhs-ia
  fpm-read-ahead           deadline             2027-04-29T00:00:00Z
      FPM invitations and read-ahead sent
      Wed 28 Apr 2027 17:00 MST: cbp-tucson usbp-nogales fbi-phoenix nogales-fd gn-sonora pesp-sonora scc-oem
      Wed 28 Apr 2027 20:00 EDT: dhs-st dhs-ia
  fpm                      planning-meeting     2027-05-14T16:00:00Z .. 2027-05-14T19:00:00Z
      Final Planning Meeting (documents frozen)
      Fri 14 May 2027 09:00-12:00 MST: cbp-tucson usbp-nogales fbi-phoenix nogales-fd gn-sonora pesp-sonora scc-oem
      Fri 14 May 2027 12:00-15:00 EDT: dhs-st dhs-ia
  explan-out               deadline             2027-05-29T00:00:00Z
      ExPlan sent to players and observers (no scenario detail)
      Fri 28 May 2027 17:00 MST: cbp-tucson usbp-nogales fbi-phoenix nogales-fd gn-sonora pesp-sonora scc-oem
      Fri 28 May 2027 20:00 EDT: dhs-st dhs-ia
  ce-handbook-out          deadline             2027-06-05T00:00:00Z
      C/E Handbook, MSEL and EEGs sent to controllers and evaluators only
      Fri  4 Jun 2027 17:00 MST: cbp-tucson usbp-nogales fbi-phoenix nogales-fd gn-sonora pesp-sonora scc-oem
      Fri  4 Jun 2027 20:00 EDT: dhs-st dhs-ia
  senior-leader-briefing   briefing             2027-06-15T16:00:00Z .. 2027-06-15T17:00:00Z
      Senior leader briefing
      Tue 15 Jun 2027 09:00-10:00 MST: cbp-tucson usbp-nogales fbi-phoenix nogales-fd gn-sonora pesp-sonora scc-oem
      Tue 15 Jun 2027 12:00-13:00 EDT: dhs-st dhs-ia
  ce-briefing              briefing             2027-06-15T17:00:00Z .. 2027-06-15T20:00:00Z
      Controller and evaluator briefing (with site walk-through)
      Tue 15 Jun 2027 10:00-13:00 MST: cbp-tucson usbp-nogales fbi-phoenix nogales-fd gn-sonora pesp-sonora scc-oem
      Tue 15 Jun 2027 13:00-16:00 EDT: dhs-st dhs-ia
  actor-briefing           briefing             2027-06-16T12:00:00Z .. 2027-06-16T13:00:00Z
      Actor briefing (moulage, safety, scripts)
      Wed 16 Jun 2027 05:00-06:00 MST: cbp-tucson usbp-nogales fbi-phoenix nogales-fd gn-sonora pesp-sonora scc-oem
      Wed 16 Jun 2027 08:00-09:00 EDT: dhs-st dhs-ia
      warning: cbp-tucson meets 05:00-06:00 local time, 60m outside its working hours 07:00-16:00
      warning: usbp-nogales meets 05:00-06:00 local time, 60m outside its working hours 06:00-15:00
      warning: fbi-phoenix meets 05:00-06:00 local time, 60m outside its working hours 08:00-17:00
      warning: nogales-fd meets 05:00-06:00 local time, 60m outside its working hours 08:00-17:00
      warning: gn-sonora meets 05:00-06:00 local time, 60m outside its working hours 08:00-18:00
      warning: pesp-sonora meets 05:00-06:00 local time, 60m outside its working hours 09:00-17:00
      warning: scc-oem meets 05:00-06:00 local time, 60m outside its working hours 08:00-17:00
      warning: dhs-st meets 08:00-09:00 local time, 30m outside its working hours 08:30-17:00
  player-briefing          briefing             2027-06-16T13:00:00Z .. 2027-06-16T13:45:00Z
      Player briefing (safety rules, "REAL WORLD" stop, ground rules)
      Wed 16 Jun 2027 06:00-06:45 MST: cbp-tucson usbp-nogales fbi-phoenix nogales-fd gn-sonora pesp-sonora scc-oem
      Wed 16 Jun 2027 09:00-09:45 EDT: dhs-st dhs-ia
      warning: cbp-tucson meets 06:00-06:45 local time, 45m outside its working hours 07:00-16:00
      warning: fbi-phoenix meets 06:00-06:45 local time, 45m outside its working hours 08:00-17:00
      warning: nogales-fd meets 06:00-06:45 local time, 45m outside its working hours 08:00-17:00
      warning: gn-sonora meets 06:00-06:45 local time, 45m outside its working hours 08:00-18:00
      warning: pesp-sonora meets 06:00-06:45 local time, 45m outside its working hours 09:00-17:00
      warning: scc-oem meets 06:00-06:45 local time, 45m outside its working hours 08:00-17:00
  observer-briefing        briefing             2027-06-16T13:00:00Z .. 2027-06-16T13:30:00Z
      Observer briefing
      Wed 16 Jun 2027 06:00-06:30 MST: cbp-tucson usbp-nogales fbi-phoenix nogales-fd gn-sonora pesp-sonora scc-oem
      Wed 16 Jun 2027 09:00-09:30 EDT: dhs-st dhs-ia
      warning: cbp-tucson meets 06:00-06:30 local time, 30m outside its working hours 07:00-16:00
      warning: fbi-phoenix meets 06:00-06:30 local time, 30m outside its working hours 08:00-17:00
      warning: nogales-fd meets 06:00-06:30 local time, 30m outside its working hours 08:00-17:00
      warning: gn-sonora meets 06:00-06:30 local time, 30m outside its working hours 08:00-18:00
      warning: pesp-sonora meets 06:00-06:30 local time, 30m outside its working hours 09:00-17:00
      warning: scc-oem meets 06:00-06:30 local time, 30m outside its working hours 08:00-17:00
  conduct                  conduct              2027-06-16T14:00:00Z .. 2027-06-16T22:00:00Z
      Exercise conduct (STARTEX to ENDEX)
      Wed 16 Jun 2027 07:00-15:00 MST: cbp-tucson usbp-nogales fbi-phoenix nogales-fd gn-sonora pesp-sonora scc-oem
      Wed 16 Jun 2027 10:00-18:00 EDT: dhs-st dhs-ia
      warning: fbi-phoenix meets 07:00-15:00 local time, 60m outside its working hours 08:00-17:00
      warning: nogales-fd meets 07:00-15:00 local time, 60m outside its working hours 08:00-17:00
      warning: gn-sonora meets 07:00-15:00 local time, 60m outside its working hours 08:00-18:00
      warning: pesp-sonora meets 07:00-15:00 local time, 120m outside its working hours 09:00-17:00
      warning: scc-oem meets 07:00-15:00 local time, 60m outside its working hours 08:00-17:00
      warning: dhs-st meets 10:00-18:00 local time, 60m outside its working hours 08:30-17:00
      warning: dhs-ia meets 10:00-18:00 local time, 90m outside its working hours 08:00-16:30
  hot-wash                 hot-wash             2027-06-16T22:00:00Z .. 2027-06-16T23:00:00Z
      Player hot wash (feedback forms handed out)
      Wed 16 Jun 2027 15:00-16:00 MST: cbp-tucson usbp-nogales fbi-phoenix nogales-fd gn-sonora pesp-sonora scc-oem
      Wed 16 Jun 2027 18:00-19:00 EDT: dhs-st dhs-ia
      warning: usbp-nogales meets 15:00-16:00 local time, 60m outside its working hours 06:00-15:00
      warning: dhs-st meets 18:00-19:00 local time, 60m outside its working hours 08:30-17:00
      warning: dhs-ia meets 18:00-19:00 local time, 60m outside its working hours 08:00-16:30
  debrief                  debrief              2027-06-16T23:30:00Z .. 2027-06-17T01:30:00Z
      Controller and evaluator debrief (EEGs completed)
      Wed 16 Jun 2027 16:30-18:30 MST: cbp-tucson usbp-nogales fbi-phoenix nogales-fd gn-sonora pesp-sonora scc-oem
      Wed 16 Jun 2027 19:30-21:30 EDT: dhs-st dhs-ia
      warning: cbp-tucson meets 16:30-18:30 local time, 120m outside its working hours 07:00-16:00
      warning: usbp-nogales meets 16:30-18:30 local time, 120m outside its working hours 06:00-15:00
      warning: fbi-phoenix meets 16:30-18:30 local time, 90m outside its working hours 08:00-17:00
      warning: nogales-fd meets 16:30-18:30 local time, 90m outside its working hours 08:00-17:00
      warning: gn-sonora meets 16:30-18:30 local time, 30m outside its working hours 08:00-18:00
      warning: pesp-sonora meets 16:30-18:30 local time, 90m outside its working hours 09:00-17:00
      warning: scc-oem meets 16:30-18:30 local time, 90m outside its working hours 08:00-17:00
      warning: dhs-st meets 19:30-21:30 local time, 120m outside its working hours 08:30-17:00
      warning: dhs-ia meets 19:30-21:30 local time, 120m outside its working hours 08:00-16:30
  aar-draft                deadline             2027-07-10T00:00:00Z
      Draft AAR due
      Fri  9 Jul 2027 17:00 MST: cbp-tucson usbp-nogales fbi-phoenix nogales-fd gn-sonora pesp-sonora scc-oem
      Fri  9 Jul 2027 20:00 EDT: dhs-st dhs-ia
  aam                      after-action-meeting 2027-07-26T16:00:00Z .. 2027-07-26T20:00:00Z
      After-Action Meeting
      Mon 26 Jul 2027 09:00-13:00 MST: cbp-tucson usbp-nogales fbi-phoenix nogales-fd gn-sonora pesp-sonora scc-oem
      Mon 26 Jul 2027 12:00-16:00 EDT: dhs-st dhs-ia
  final-aar                deadline             2027-08-05T00:00:00Z
      Final AAR/IP due
      Wed  4 Aug 2027 17:00 MST: cbp-tucson usbp-nogales fbi-phoenix nogales-fd gn-sonora pesp-sonora scc-oem
      Wed  4 Aug 2027 20:00 EDT: dhs-st dhs-ia
  aar-submission           deadline             2027-08-26T00:00:00Z
      AAR/IP submitted (grant-funded exercises: within 90 days)
      Wed 25 Aug 2027 17:00 MST: cbp-tucson usbp-nogales fbi-phoenix nogales-fd gn-sonora pesp-sonora scc-oem
      Wed 25 Aug 2027 20:00 EDT: dhs-st dhs-ia
# Chicago, Kyiv and Phoenix across the spring clock changes (see
# tests/sched/ex-dst-spring.yaml): the schedule part of the JSON plan
# (tests/oracle/schedule_json.py drops staffing and titles).
$ d=$(mktemp -d); planner plan tests/sched/ex-dst-spring.yaml --no-db --out "$d" --json | /usr/bin/python3 tests/oracle/schedule_json.py; s=$?; rm -rf "$d"; exit $s
{
  "exercises": [
    {
      "id": "spring-2027",
      "timezone": "America/Chicago",
      "startex": "2027-05-12T14:00:00Z",
      "endex": "2027-05-12T18:00:00Z",
      "events": [
        {
          "id": "conduct",
          "kind": "conduct",
          "start": "2027-05-12T14:00:00Z",
          "end": "2027-05-12T18:00:00Z",
          "agencies": [
            "cbp-chi",
            "ssu-kyiv",
            "hsi-phx"
          ],
          "local": {
            "cbp-chi": "2027-05-12T09:00:00-05:00",
            "ssu-kyiv": "2027-05-12T17:00:00+03:00",
            "hsi-phx": "2027-05-12T07:00:00-07:00"
          },
          "warnings": [
            "ssu-kyiv meets 17:00-21:00 local time, 180m outside its working hours 08:00-18:00",
            "hsi-phx meets 07:00-11:00 local time, 60m outside its working hours 08:00-18:00"
          ]
        },
        {
          "id": "review",
          "kind": "planning-meeting",
          "start": "2027-03-24T13:00:00Z",
          "end": "2027-03-24T16:00:00Z",
          "agencies": [
            "cbp-chi",
            "ssu-kyiv"
          ],
          "local": {
            "cbp-chi": "2027-03-24T08:00:00-05:00",
            "ssu-kyiv": "2027-03-24T15:00:00+02:00"
          },
          "warnings": []
        },
        {
          "id": "tri-sync",
          "kind": "meeting",
          "start": "2027-03-26T15:00:00Z",
          "end": "2027-03-26T16:00:00Z",
          "agencies": [
            "cbp-chi",
            "ssu-kyiv",
            "hsi-phx"
          ],
          "local": {
            "cbp-chi": "2027-03-26T10:00:00-05:00",
            "ssu-kyiv": "2027-03-26T17:00:00+02:00",
            "hsi-phx": "2027-03-26T08:00:00-07:00"
          },
          "warnings": []
        },
        {
          "id": "minutes",
          "kind": "deadline",
          "start": "2027-04-14T22:00:00Z",
          "end": "2027-04-14T22:00:00Z",
          "agencies": [
            "cbp-chi",
            "ssu-kyiv"
          ],
          "local": {
            "cbp-chi": "2027-04-14T17:00:00-05:00",
            "ssu-kyiv": "2027-04-15T01:00:00+03:00"
          },
          "warnings": []
        }
      ]
    }
  ],
  "agencies": [
    {
      "id": "hsi-phx",
      "timezone": "America/Phoenix",
      "workdays": [
        "mon",
        "tue",
        "wed",
        "thu",
        "fri"
      ],
      "hours": "08:00-18:00"
    },
    {
      "id": "cni-cdmx",
      "timezone": "America/Mexico_City",
      "workdays": [
        "mon",
        "tue",
        "wed",
        "thu",
        "fri"
      ],
      "hours": "09:00-18:00"
    },
    {
      "id": "ssu-kyiv",
      "timezone": "Europe/Kyiv",
      "workdays": [
        "mon",
        "tue",
        "wed",
        "thu",
        "fri"
      ],
      "hours": "08:00-18:00"
    },
    {
      "id": "cbp-chi",
      "timezone": "America/Chicago",
      "workdays": [
        "mon",
        "tue",
        "wed",
        "thu",
        "fri"
      ],
      "hours": "08:00-17:00"
    },
    {
      "id": "semar-cdmx",
      "timezone": "America/Mexico_City",
      "workdays": [
        "mon",
        "tue",
        "wed",
        "thu",
        "sun"
      ],
      "hours": "07:30-16:00"
    },
    {
      "id": "den-watch",
      "timezone": "America/Denver",
      "workdays": [
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun"
      ],
      "hours": "00:00-06:00"
    },
    {
      "id": "den-fo",
      "timezone": "America/Denver",
      "workdays": [
        "mon",
        "tue",
        "wed",
        "thu",
        "fri"
      ],
      "hours": "08:00-17:00"
    }
  ]
}
