"""gen.py: write the hostile roster and exercise (with its template) as YAML.

Usage: python3 gen.py DIR  -> DIR/roster.yaml, DIR/exercise.yaml
"""
import json
import sys

import inputs


def q(s):
    # A JSON string is a YAML double-quoted scalar with the same escapes.
    return json.dumps(s, ensure_ascii=False)


def roster():
    out = ["kind: Roster", "version: 1", "name: " + q(inputs.T["mixed"]),
           "agencies:"]
    for aid, name, country, zone, contact in inputs.AGENCIES:
        out += ["  - id: " + aid, "    name: " + q(name),
                "    country: " + country, "    timezone: " + zone,
                "    contact:"]
        for k, v in contact.items():
            out.append("      %s: %s" % (k, q(v)))
    out.append("people:")
    for pid, name, email, phone, agency in inputs.people():
        out += ["  - id: " + q(pid), "    name: " + q(name),
                "    email: " + q(email), "    agency: " + agency]
        if phone is not None:
            out.append("    phone: " + q(phone))
    return "\n".join(out) + "\n"


def exercise():
    t = {k: q(v) for k, v in inputs.TEXT.items()}
    nplayers = len(inputs.people()) - 1
    return """kind: Template
version: 1
id: hostile-tpl
name: %(tpl_name)s
type: tabletop
description: %(tpl_description)s
conduct: {days: 1, length: 4h, start: "09:00", title: %(conduct_title)s}
objectives:
  - id: obj
    text: %(objective)s
    capabilities: [Operational Coordination]
roles:
  - id: lead
    name: %(role_lead)s
  - id: player
    name: %(role_player)s
    count: NPLAYERS
events:
  - id: ipm
    title: %(ipm_title)s
    kind: planning-meeting
    window: [-8w, -4w]
    roles: [lead, player]
    description: %(ipm_description)s
    location: %(ipm_location)s
  - id: brief
    title: %(brief_title)s
    kind: briefing
    at: -1h
    roles: [lead, player]
    description: %(brief_description)s
    location: %(brief_location)s
  - id: hw
    title: %(hw_title)s
    kind: hot-wash
    roles: [lead, player]
msel:
  - at: +0h15m
    method: %(msel_method)s
    from: %(msel_from)s
    to: %(msel_to)s
    text: %(msel_text)s
    expected: %(msel_expected)s
    controller: lead
    objective: obj
checklists:
  - id: cl
    title: %(cl_title)s
    items:
      - {text: %(item1)s, owner: lead, event: ipm, offset: -1w}
      - {text: %(item2)s, owner: player, event: brief, offset: -1d}
      - {text: %(item3)s, owner: lead, event: hw, offset: +2d}
---
kind: Exercise
version: 1
id: hostile-2027
name: %(ex_name)s
template: hostile-tpl
description: %(ex_description)s
venue: {name: %(venue)s, address: %(address)s, timezone: America/Phoenix}
conduct: 2027-05-03..2027-05-28
agencies: [ag-one, ag.two, ag_three]
organiser: {name: %(organiser)s, email: %(organiser_email)s, agency: ag-one}
marking: %(marking)s
rosters: [roster.yaml]
overrides:
  events:
    ipm: {title: %(ov_ipm_title)s, location: %(ov_ipm_location)s}
  roles:
    player: {name: %(ov_role_player)s}
""".replace("NPLAYERS", str(nplayers)) % t


def main(argv):
    d = argv[1]
    with open(d + "/roster.yaml", "w", encoding="utf-8") as f:
        f.write(roster())
    with open(d + "/exercise.yaml", "w", encoding="utf-8") as f:
        f.write(exercise())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
