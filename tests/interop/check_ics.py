#!/usr/bin/python3
"""check_ics.py: read .ics files with Debian's python3-icalendar and print each item's times in UTC.

Usage: /usr/bin/python3 check_ics.py FILE.ics...

Prints the same lines as check_ics.mjs: "UID<TAB>START<TAB>END" for
every VEVENT and VTODO, START being DTSTART and END being DTEND or DUE
(or DTSTART + DURATION), as RFC 3339 UTC, or YYYY-MM-DD for a date, or
"-" when absent; then "UID<TAB>ATTENDEE<TAB>ADDRESS ROLE PARTSTAT
CUTYPE" for each of its attendees, a parameter the file leaves out read
as RFC 5545's default (REQ-PARTICIPANT, NEEDS-ACTION, INDIVIDUAL), as
a reader must.

python3-icalendar 4.0.3 does not raise on most bad values: it records
them in each component's .errors, which are checked here. For a TZID
that is an IANA name it reads times with pytz and never looks at the
file's VTIMEZONE, so each VTIMEZONE is also turned into a zone of its
own (Component.to_tz(), see own_zone()) and must give the same instant.
Exits 1 naming the file on any error, after trying every file.
"""
import sys
from datetime import date, datetime, timezone

from icalendar import Calendar

# RFC 5545 3.2.16, 3.2.12, 3.2.3: what an absent parameter means.
DEFAULTS = (("ROLE", "REQ-PARTICIPANT"), ("PARTSTAT", "NEEDS-ACTION"),
            ("CUTYPE", "INDIVIDUAL"))


def utc(value):
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("floating time %s" % value.isoformat())
        return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, date):
        return value.isoformat()
    raise ValueError("not a date or time: %r" % (value,))


def timed(comp, name, vtzs):
    """The value of property name, checked against the file's VTIMEZONE."""
    if name not in comp:
        return None
    prop = comp[name]
    value = prop.dt
    tzid = prop.params.get("TZID")
    if tzid is not None:
        if tzid not in vtzs:
            raise ValueError("%s has TZID '%s' without a VTIMEZONE"
                             % (name, tzid))
        own = vtzs[tzid].localize(value.replace(tzinfo=None))
        if own.astimezone(timezone.utc) != value.astimezone(timezone.utc):
            raise ValueError("%s %s: VTIMEZONE '%s' says %s, tzdata %s"
                             % (name, value.replace(tzinfo=None).isoformat(),
                                tzid, utc(own), utc(value)))
    return value


def own_zone(vtz):
    """The zone a VTIMEZONE defines, as python3-icalendar builds it.

    Component.to_tz() in 4.0.3 hands dateutil a naive DTSTART with the
    UTC UNTIL that RFC 5545 requires in a VTIMEZONE RRULE, which dateutil
    refuses; give it UNTIL as local time, which it means.
    """
    for obs in vtz.subcomponents:
        rule = obs.get("RRULE")
        if rule is None or "UNTIL" not in rule:
            continue
        off = obs["TZOFFSETFROM"].td
        rule["UNTIL"] = [u.astimezone(timezone.utc).replace(tzinfo=None) + off
                         if isinstance(u, datetime) and u.tzinfo else u
                         for u in rule["UNTIL"]]
    return vtz.to_tz()


def check(path):
    with open(path, "rb") as f:
        data = f.read()
    cal = Calendar.from_ical(data)
    if cal.name != "VCALENDAR":
        raise ValueError("not a VCALENDAR but %s" % cal.name)
    for comp in cal.walk():
        if comp.errors:
            raise ValueError("%s: %s" % (comp.name, comp.errors))
    vtzs = {}
    for comp in cal.walk("VTIMEZONE"):
        vtzs[str(comp["TZID"])] = own_zone(comp)
    lines = []
    for comp in cal.subcomponents:
        if comp.name not in ("VEVENT", "VTODO"):
            continue
        if "UID" not in comp:
            raise ValueError("a %s without UID" % comp.name)
        uid = str(comp["UID"])
        try:
            start = timed(comp, "DTSTART", vtzs)
            end = timed(comp, "DUE" if comp.name == "VTODO" else "DTEND",
                        vtzs)
            if end is None and start is not None and "DURATION" in comp:
                end = start + comp["DURATION"].dt
        except ValueError as e:
            raise ValueError("%s: %s" % (uid, e))
        lines.append("\t".join([uid, utc(start) if start is not None else "-",
                                utc(end) if end is not None else "-"]))
        atts = comp.get("ATTENDEE", [])
        for att in atts if isinstance(atts, list) else [atts]:
            lines.append("\t".join([uid, "ATTENDEE", " ".join(
                [str(att)] + [str(att.params.get(k, v))
                              for k, v in DEFAULTS])]))
    return lines


def main(argv):
    if len(argv) < 2:
        print("usage: check_ics.py FILE.ics...", file=sys.stderr)
        return 2
    status = 0
    for path in argv[1:]:
        try:
            for line in check(path):
                print(line)
        except Exception as e:  # any failure of the reader is a finding
            print("check_ics.py: %s: %s" % (path, e), file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
