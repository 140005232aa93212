#!/usr/bin/python3
"""check_schedule.py: an independent oracle for the schedules planner prints.

Usage: check_schedule.py [--expect FILE] [--table FILE] [--datadir DIR]
                         EXERCISE.yaml PLAN.json

Reads the exercise (or every exercise of a Program file) the way
docs/format.md describes it (its template, rosters and holiday calendars,
all with PyYAML and none of planner's code) and the
plan that `planner plan EXERCISE.yaml --json` printed, then recomputes on its
own, for every event and every agency it lists:

  - the local date and time of start and end in the agency's zone (zoneinfo,
    reading the system tzdata with Python's own TZif reader);
  - whether start..end lies inside the agency's working hours on one of its
    working days; when it does not, the event must carry a warning naming the
    agency, with the right local times and minutes; a warning may never name
    an agency that is in fact inside its hours;
  - that the local date is not a holiday of any of the agency's calendars
    (rules re-expanded here: fixed, nth, last, Western and Orthodox Easter
    through dateutil.easter, observed-day shifts, from/to/every), nor an
    all-day event of an imported .ics calendar, nor a blackout;
  - that the event starts (and ends) inside its window, recomputed from the
    template's offsets relative to STARTEX/ENDEX in the venue zone; that an
    exact `at` instant is kept; that `after` + `gap` holds;
  - that the `local` strings equal the computed local times and offsets;
  - that the attending agencies are those the event's roles may come from;
  - that the days of play are working days (Saturday and Sunday allowed
    with weekend play), consecutive ones, in the conduct window;
  - that a meeting warned for out-of-hours time had no start inside
    everyone's hours between its neighbours (which the scheduler must find).

--table FILE checks the table `planner plan` printed for the same inputs
against the same plan: UTC times, each agency's local start and end and
zone abbreviation, and the warnings.

--expect FILE adds hand-derived assertions for one scenario (see
tests/sched/README). Exit status: 0 when all holds, 1 with one line per
violation, 2 on bad usage or input the oracle does not understand.
"""

import datetime as dt
import json
import os
import re
import sys
from zoneinfo import ZoneInfo

import yaml
from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter
from dateutil.relativedelta import relativedelta

UTC = dt.timezone.utc
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
GRID = 15 * 60


class OracleError(Exception):
    """Input the oracle cannot read: exit 2, not a schedule violation."""


# --- YAML as planner reads it: every scalar is text --------------------------

class TextLoader(yaml.SafeLoader):
    """SafeLoader without implicit typing: 08:00, yes, 2027-03-10 stay text.
    Anchors, aliases and merge keys still work."""


TextLoader.yaml_implicit_resolvers = {}
TextLoader.add_implicit_resolver(
    "tag:yaml.org,2002:merge", re.compile(r"^(?:<<)$"), ["<"])


def load_docs(path):
    with open(path, encoding="utf-8") as f:
        return [d for d in yaml.load_all(f, Loader=TextLoader) if d]


# --- text forms --------------------------------------------------------------

def parse_date(s):
    return dt.date.fromisoformat(str(s).strip())


def parse_clock(s):
    m = re.fullmatch(r"(\d\d):(\d\d)", str(s).strip())
    if not m:
        raise OracleError("bad clock time %r" % s)
    return int(m.group(1)) * 60 + int(m.group(2))


def parse_hours(s):
    a, b = str(s).split("-")
    return parse_clock(a), parse_clock(b)


def parse_workdays(v):
    if isinstance(v, list):
        return {DAYS.index(x.strip().lower()) for x in v}
    s = str(v).strip().lower()
    if "-" in s:
        a, b = (DAYS.index(x) for x in s.split("-"))
        out, d = set(), a
        while True:
            out.add(d)
            if d == b:
                return out
            d = (d + 1) % 7
    return {DAYS.index(s)}


def parse_range(v):
    """A blackout: 'A..B', 'A', or {from, to, reason}."""
    if isinstance(v, dict):
        a = parse_date(v["from"])
        b = parse_date(v.get("to", v["from"]))
        return a, b, v.get("reason")
    s = str(v)
    if ".." in s:
        a, b = s.split("..")
        return parse_date(a), parse_date(b), None
    return parse_date(s), parse_date(s), None


UNIT_RE = re.compile(r"(\d+)(mo|y|w|d|h|m|s)")


def parse_span(s):
    """An offset: (months, days, seconds, has_time), all with one sign.
    '-6w', '+3d', '-7mo', '+1h30m', '0', '-P6W', 'P1M2D', 'PT2H'."""
    s = str(s).strip()
    sign = 1
    if s[:1] in "+-":
        sign = -1 if s[0] == "-" else 1
        s = s[1:]
    months = days = secs = 0
    has_time = False
    if s == "0":
        return (0, 0, 0, False)
    if s[:1] == "P":
        m = re.fullmatch(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?"
                         r"(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?", s)
        if not m:
            raise OracleError("bad ISO offset %r" % s)
        y, mo, w, d, h, mi, se = (int(x) if x else 0 for x in m.groups())
        months = 12 * y + mo
        days = 7 * w + d
        secs = 3600 * h + 60 * mi + se
        has_time = "T" in s
    else:
        pos = 0
        for m in UNIT_RE.finditer(s):
            if m.start() != pos:
                raise OracleError("bad offset %r" % s)
            pos = m.end()
            n, u = int(m.group(1)), m.group(2)
            if u == "y":
                months += 12 * n
            elif u == "mo":
                months += n
            elif u == "w":
                days += 7 * n
            elif u == "d":
                days += n
            else:
                has_time = True
                secs += n * {"h": 3600, "m": 60, "s": 1}[u]
        if pos != len(s) or pos == 0:
            raise OracleError("bad offset %r" % s)
    return (sign * months, sign * days, sign * secs, has_time)


def parse_duration(s):
    mo, d, secs, _ = parse_span(s)
    if mo or d < 0 or secs < 0:
        raise OracleError("bad duration %r" % s)
    return d * 86400 + secs


def span_date(d, sp):
    return d + relativedelta(months=sp[0]) + dt.timedelta(days=sp[1])


def span_instant(t, sp):
    """An instant offset: calendar months on the date, then days of 24 hours
    and the clock part as elapsed time (a duration's '1d' is 24 hours)."""
    base = t + relativedelta(months=sp[0]) if sp[0] else t
    return base + dt.timedelta(days=sp[1], seconds=sp[2])


def utc(s):
    return dt.datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def fmt_utc(t):
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def wall(t, zone):
    """The instant as an ISO 8601 local time with its UTC offset."""
    return t.astimezone(zone).isoformat()


def at_local(zone, day, minutes):
    """The instant of a local wall time; a skipped time moves forward by the
    gap, a repeated one takes its first occurrence (fold=0 does both)."""
    naive = dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=minutes)
    return naive.replace(tzinfo=zone).astimezone(UTC)


def hhmm(m):
    return "%02d:%02d" % (m // 60, m % 60)


# --- holidays: an independent expansion of the Calendar rules ----------------

class Rule:
    def __init__(self, h, cal_id):
        self.name = str(h["name"])
        self.cal = cal_id
        self.kind = None
        if "date" in h:
            s = str(h["date"])
            if re.fullmatch(r"\d\d-\d\d", s):
                self.kind = "fixed"
                self.month, self.day = int(s[:2]), int(s[3:])
            else:
                self.kind = "once"
                self.once = parse_date(s)
        elif "easter" in h:
            self.kind = "easter"
            self.church = str(h["easter"])
            if self.church not in ("western", "orthodox"):
                raise OracleError("easter must be western or orthodox")
            self.offset = int(h.get("offset", 0))
        elif "nth" in h:
            self.kind = "nth"
            self.month = int(h["month"])
            self.nth = str(h["nth"])
            self.weekday = DAYS.index(str(h["weekday"]).lower())
        else:
            raise OracleError("holiday %r names no day" % self.name)
        self.observed = str(h.get("observed", "none"))
        self.first = int(h["from"]) if "from" in h else None
        self.last = int(h["to"]) if "to" in h else None
        self.every = int(h["every"]) if "every" in h else None
        if self.every is not None and self.first is None:
            raise OracleError("holiday %r: 'every' without 'from'"
                              % self.name)

    def in_force(self, y):
        if self.first is not None and y < self.first:
            return False
        if self.last is not None and y > self.last:
            return False
        if self.every is not None and (y - self.first) % self.every:
            return False
        return True

    def actual(self, y):
        """The day itself in year y, or None."""
        if self.kind == "fixed":
            try:
                return dt.date(y, self.month, self.day)
            except ValueError:
                return None		# 29 February of a common year
        if self.kind == "once":
            return self.once if self.once.year == y else None
        if self.kind == "easter":
            e = easter(y, EASTER_WESTERN if self.church == "western"
                       else EASTER_ORTHODOX)
            return e + dt.timedelta(days=self.offset)
        # nth or last weekday of the month, by walking the month's days
        days = []
        d = dt.date(y, self.month, 1)
        while d.month == self.month:
            if d.weekday() == self.weekday:
                days.append(d)
            d += dt.timedelta(days=1)
        if self.nth == "last":
            return days[-1]
        n = int(self.nth)
        return days[n - 1] if n <= len(days) else None

    def observe(self, d):
        wd = d.weekday()
        o = self.observed
        if o == "none":
            return d
        if o == "nearest-weekday":
            return d - dt.timedelta(1) if wd == 5 else \
                d + dt.timedelta(1) if wd == 6 else d
        if o == "next-monday":
            return d + dt.timedelta(7 - wd) if wd >= 5 else d
        if o == "sunday-to-monday":
            return d + dt.timedelta(1) if wd == 6 else d
        raise OracleError("unknown observed rule %r" % o)

    def dates(self, y):
        """(observed day, actual day) of the rule for year y, or None."""
        if not self.in_force(y):
            return None
        a = self.actual(y)
        return None if a is None else (self.observe(a), a)


class Calendar:
    def __init__(self, doc):
        self.id = str(doc["id"])
        self.rules = [Rule(h, self.id) for h in doc["holidays"]]

    def holidays(self, y0, y1):
        """{observed date: [names]} for rules of years y0-1..y1+1."""
        out = {}
        for y in range(y0 - 1, y1 + 2):
            for r in self.rules:
                got = r.dates(y)
                if got:
                    out.setdefault(got[0], []).append(r.name)
        return out


def ics_read(path):
    """All-day events of an .ics file (closed days) and timed ones (busy
    intervals, UTC). A minimal reader: unfolded lines, DTSTART/DTEND only."""
    with open(path, encoding="utf-8") as f:
        raw = f.read().replace("\r\n", "\n")
    lines = []
    for ln in raw.split("\n"):
        if ln[:1] in (" ", "\t") and lines:
            lines[-1] += ln[1:]
        else:
            lines.append(ln)
    closed, busy, ev = {}, [], None
    for ln in lines:
        if ln == "BEGIN:VEVENT":
            ev = {}
        elif ln == "END:VEVENT" and ev is not None:
            if "RRULE" in ev:
                raise OracleError("%s: RRULE not supported by the oracle"
                                  % path)
            s, sp = ev["DTSTART"]
            e, ep = ev.get("DTEND", (None, None))
            name = ev.get("SUMMARY", ("all-day event", {}))[0]
            if sp.get("VALUE") == "DATE" or re.fullmatch(r"\d{8}", s):
                a = dt.datetime.strptime(s, "%Y%m%d").date()
                b = dt.datetime.strptime(e, "%Y%m%d").date() if e else \
                    a + dt.timedelta(1)
                while a < b:
                    closed.setdefault(a, name)
                    a += dt.timedelta(1)
            else:
                busy.append((ics_time(s, sp), ics_time(e, ep)))
            ev = None
        elif ev is not None and ":" in ln:
            head, val = ln.split(":", 1)
            parts = head.split(";")
            params = dict(p.split("=", 1) for p in parts[1:] if "=" in p)
            ev[parts[0].upper()] = (val.strip(), params)
    return closed, busy


def ics_time(s, params):
    if s.endswith("Z"):
        return dt.datetime.strptime(s, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    naive = dt.datetime.strptime(s, "%Y%m%dT%H%M%S")
    z = ZoneInfo(params["TZID"]) if "TZID" in params else UTC
    return naive.replace(tzinfo=z).astimezone(UTC)


# --- the documents -----------------------------------------------------------

class Agency:
    def __init__(self, doc, roster_path, cals):
        self.id = str(doc["id"])
        self.tzname = str(doc["timezone"])
        self.zone = ZoneInfo(self.tzname)
        self.workdays = parse_workdays(doc.get("workdays", "mon-fri"))
        self.ds, self.de = parse_hours(doc.get("hours", "08:00-17:00"))
        self.calendars = []
        self.closed = {}
        self.busy = []
        for h in doc.get("holidays", []) or []:
            h = str(h)
            if h.endswith(".ics"):
                c, b = ics_read(os.path.join(os.path.dirname(roster_path), h))
                for d, why in c.items():
                    self.closed.setdefault(d, (why, h))
                self.busy += b
            else:
                self.calendars.append(cals(h, roster_path))
        bl = doc.get("blackouts", []) or []
        self.blackouts = [parse_range(b) for b in
                          (bl if isinstance(bl, list) else [bl])]
        self._hol = {}

    def holiday(self, d):
        """(name, calendar id) when d is a holiday of one of its calendars."""
        if d.year not in self._hol:
            hs = {}
            for c in self.calendars:
                for day, names in c.holidays(d.year, d.year).items():
                    for n in names:
                        hs.setdefault(day, (n, c.id))
            self._hol[d.year] = hs
        return self._hol[d.year].get(d)

    def status(self, d):
        """(status, why) of a local date; status is 'work', 'off',
        'holiday', 'closed' or 'blackout'."""
        for a, b, why in self.blackouts:
            if a <= d <= b:
                return "blackout", why or "blackout"
        h = self.holiday(d)
        if h:
            return "holiday", "%s (%s)" % h
        if d in self.closed:
            return "closed", "%s (%s)" % self.closed[d]
        if d.weekday() not in self.workdays:
            return "off", DAYS[d.weekday()]
        return "work", None

    def local_date(self, t):
        return t.astimezone(self.zone).date()

    def hours_on(self, d):
        return at_local(self.zone, d, self.ds), at_local(self.zone, d, self.de)

    def outside(self, start, end):
        """Seconds of [start, end) outside its hours on its local clock,
        whatever the days' status (the calendar is checked apart)."""
        if end <= start:
            return 0
        d0 = self.local_date(start)
        d1 = self.local_date(end - dt.timedelta(seconds=1))
        inside = 0
        d = d0 - dt.timedelta(1)
        while d <= d1 + dt.timedelta(1):
            a, b = self.hours_on(d)
            lo, hi = max(a, start), min(b, end)
            if hi > lo:
                inside += (hi - lo).total_seconds()
            d += dt.timedelta(1)
        return int((end - start).total_seconds() - inside)

    def busy_overlap(self, start, end):
        return any(a < end and start < b for a, b in self.busy)


class World:
    """Every document reachable from one exercise file."""

    def __init__(self, ex_path, datadir):
        self.datadir = datadir
        self.docs = {}			# path -> docs
        self.cal_by_id = {}
        self.tpl_by_id = {}
        self.tpl_path = {}		# template id -> the file it is in
        self.exercises = []
        self.agencies = {}
        ex_path = os.path.normpath(ex_path)
        rosters = []
        for d in self._read(ex_path):
            if d.get("kind") == "Exercise":
                self.exercises.append((d, ex_path))
            if d.get("kind") == "Program":
                # A series: its exercises' files, and its shared rosters.
                for x in d.get("exercises", []) or []:
                    xp = os.path.normpath(os.path.join(
                        os.path.dirname(ex_path), str(x)))
                    self.exercises += [(e, xp) for e in self._read(xp)
                                       if e.get("kind") == "Exercise"]
                rosters += [os.path.join(os.path.dirname(ex_path), str(r))
                            for r in d.get("rosters", []) or []]
        for ex, path in self.exercises:
            rosters += [os.path.join(os.path.dirname(path), str(r))
                        for r in ex.get("rosters", []) or []]
        for r in rosters:
            self._read(r)
        for path, docs in list(self.docs.items()):
            for d in docs:
                if d.get("kind") == "Roster":
                    for a in d.get("agencies", []) or []:
                        self.agencies[str(a["id"])] = Agency(a, path,
                                                             self.calendar)

    def _read(self, path):
        path = os.path.normpath(path)
        if path in self.docs:
            return self.docs[path]
        docs = load_docs(path)
        self.docs[path] = docs
        for d in docs:
            if d.get("kind") == "Calendar":
                self.cal_by_id.setdefault(str(d["id"]), Calendar(d))
            if d.get("kind") == "Template":
                self.tpl_by_id.setdefault(str(d["id"]), d)
                self.tpl_path.setdefault(str(d["id"]), path)
        return docs

    def calendar(self, name, roster_path):
        if "/" in name or name.endswith(".yaml"):
            path = os.path.join(os.path.dirname(roster_path), name)
            cals = [d for d in self._read(path) if d.get("kind") == "Calendar"]
            if not cals:
                raise OracleError("%s holds no Calendar" % path)
            return Calendar(cals[0])
        if name not in self.cal_by_id:
            self._read(os.path.join(self.datadir, "templates", "calendars",
                                    name + ".yaml"))
        if name not in self.cal_by_id:
            raise OracleError("unknown holiday calendar %r" % name)
        return self.cal_by_id[name]

    def template(self, ref, ex_path):
        ref = str(ref)
        if ref in self.tpl_by_id:
            # Read before (a second exercise of a series, or the same
            # file): merged with its parents like a first read.
            return self.resolved(self.tpl_by_id[ref],
                                 self.tpl_path[ref], ref)
        if "/" in ref or ref.endswith(".yaml"):
            docs = self._read(os.path.join(os.path.dirname(ex_path), ref))
        else:
            docs = self._read(os.path.join(self.datadir, "templates",
                                           ref + ".yaml"))
        # A path names the file's template; a bundled name, its id.
        by_path = "/" in ref or ref.endswith(".yaml")
        for d in docs:
            if d.get("kind") == "Template" and (by_path or
                                                 str(d["id"]) == ref):
                return self.resolved(d, ex_path if by_path else None, ref)
        raise OracleError("template %r not found" % ref)

    def resolved(self, d, path, ref, seen=()):
        """A template with its 'extends:' chain merged in, as
        docs/format.md "Extending a template" says, written from the
        documentation rather than from extend.c."""
        if "extends" not in d:
            return d
        if str(d["id"]) in seen:
            raise OracleError("template %r extends itself" % ref)
        pref = str(d["extends"])
        if "/" in pref or pref.endswith(".yaml"):
            base = os.path.dirname(path) if path else self.datadir
            pdocs = self._read(os.path.join(base, pref))
            parent = [x for x in pdocs if x.get("kind") == "Template"][0]
            ppath = os.path.join(base, pref)
        else:
            parent = self.tpl_by_id.get(pref)
            ppath = None
            if parent is None:
                ppath = os.path.join(self.datadir, "templates",
                                     pref + ".yaml")
                parent = [x for x in self._read(ppath)
                          if x.get("kind") == "Template" and
                          str(x["id"]) == pref][0]
        parent = self.resolved(parent, ppath, pref, seen + (str(d["id"]),))
        return merge_tree(parent, d, d.get("remove", {}) or {})


# Lists whose items merge by id when a template extends another.
BY_ID = {"objectives", "roles", "events", "msel", "checklists", "items"}


def merge_tree(parent, child, remove):
    """The child template over its parent: mappings merge key by key,
    lists of mappings under BY_ID keys merge by id (parent items in
    order, changed by the child's item of the same id; new items after
    the child item before them), 'remove' drops parent ids first; any
    other value of the child replaces the parent's."""
    out = {}
    for k, v in parent.items():
        if k in ("extends", "remove"):
            continue
        if k in remove and isinstance(v, list):
            gone = {str(x) for x in remove[k] or []}
            v = [x for x in v if not (isinstance(x, dict) and
                                      str(x.get("id")) in gone)]
        if k not in child:
            out[k] = v
            continue
        c = child[k]
        if isinstance(v, dict) and isinstance(c, dict):
            out[k] = merge_tree(v, c, {})
        elif (k in BY_ID and isinstance(v, list) and isinstance(c, list)
              and all(isinstance(x, dict) for x in v + c)):
            out[k] = merge_list(v, c)
        else:
            out[k] = c
    for k, v in child.items():
        if k not in parent and k != "remove":
            out[k] = v
    return out


def merge_list(parent, child):
    ids = [str(x.get("id")) for x in parent]
    out, used = [], set()
    for p in parent:
        pid = str(p.get("id"))
        ci = next((i for i, c in enumerate(child)
                   if i not in used and str(c.get("id")) == pid), None)
        if ci is None:
            out.append(p)
            continue
        used.add(ci)
        out.append(merge_tree(p, child[ci], {}))
        for j in range(ci + 1, len(child)):
            if str(child[j].get("id")) in ids:
                break
            used.add(j)
            out.append(child[j])
    out += [c for i, c in enumerate(child) if i not in used]
    return out


# --- the exercise as the template and its overrides define it ----------------

DISCUSSION = {"seminar", "workshop", "tabletop", "game"}
CONDUCT_LENGTH = {"seminar": "3h", "workshop": "6h", "tabletop": "4h",
                  "game": "4h", "drill": "3h", "functional": "8h",
                  "full-scale": "8h"}
EVENT_DURATION = {"planning-meeting": "3h", "briefing": "1h",
                  "hot-wash": "1h", "debrief": "2h",
                  "after-action-meeting": "4h", "meeting": "2h",
                  "deadline": "0"}
DEFAULT_WINDOW = {"hot-wash": ("endex", "+0h", "+0h"),
                  "debrief": ("endex", "+1h30m", "+1h30m"),
                  "after-action-meeting": ("endex", "+5w", "+6w")}


class Event:
    def __init__(self, doc):
        self.id = str(doc["id"])
        self.kind = str(doc["kind"])
        self.anchor = str(doc.get("from", "startex"))
        if "at" in doc:
            self.lo = self.hi = parse_span(doc["at"])
        elif "window" in doc:
            self.lo, self.hi = (parse_span(x) for x in doc["window"])
        elif "from" not in doc and self.kind in DEFAULT_WINDOW:
            self.anchor, a, b = DEFAULT_WINDOW[self.kind]
            self.lo, self.hi = parse_span(a), parse_span(b)
        else:
            raise OracleError("event %r has no window" % self.id)
        self.timed = self.lo[3] or self.hi[3]
        self.fixed = self.timed and self.lo == self.hi
        self.duration = parse_duration(doc.get("duration",
                                               EVENT_DURATION[self.kind]))
        self.roles = [str(r) for r in doc.get("roles", []) or []]
        self.after = [str(a) for a in doc.get("after", []) or []]
        self.gap = parse_duration(doc.get("gap", "0"))
        self.deadline = self.kind == "deadline"


def merged(base, over):
    out = dict(base)
    if "window" in over:
        out.pop("at", None)
    if "at" in over:
        out.pop("window", None)
    out.update(over)
    return out


class Exercise:
    def __init__(self, world, doc, path):
        self.id = str(doc["id"])
        t = world.template(doc["template"], path)
        ov = doc.get("overrides", {}) or {}
        conduct = merged(t.get("conduct", {}) or {},
                         ov.get("conduct", {}) or {})
        ev_over = ov.get("events", {}) or {}
        role_over = ov.get("roles", {}) or {}
        self.type = str(t["type"])
        self.venue = ZoneInfo(str(doc["venue"]["timezone"]))
        self.days = int(conduct.get("days", 1))
        self.length = parse_duration(conduct.get(
            "length", CONDUCT_LENGTH[self.type]))
        start = doc.get("start", conduct.get(
            "start", "09:00" if self.type in DISCUSSION else "08:00"))
        self.start = parse_clock(start)
        self.weekend = str(conduct.get("weekend", "false")).lower() in (
            "true", "yes", "on")
        c = str(doc["conduct"])
        if ".." in c:
            a, b = c.split("..")
            self.window = (parse_date(a), parse_date(b))
            self.fixed_date = None
        else:
            self.fixed_date = parse_date(c)
            self.window = (self.fixed_date, self.fixed_date)
        self.participants = []
        for a in doc["agencies"]:
            if isinstance(a, dict):
                self.participants.append((str(a["id"]),
                                          str(a.get("as", "playing"))))
            else:
                self.participants.append((str(a), "playing"))
        for pid, _ in self.participants:
            if pid not in world.agencies:
                raise OracleError("exercise %s: unknown agency %r"
                                  % (self.id, pid))
        self.roles = {}
        for r in t.get("roles", []) or []:
            r = merged(r, role_over.get(str(r["id"]), {}) or {})
            self.roles[str(r["id"])] = str(r.get("from", "any"))
        self.events = [Event(merged(e, ev_over.get(str(e["id"]), {}) or {}))
                       for e in t.get("events", []) or []]
        self.conduct_roles = [str(r) for r in conduct.get("roles", []) or []] \
            or list(self.roles)

    def attendees(self, roles, deadline):
        """Participants any of the roles may be staffed from, in order."""
        if not roles:
            return [] if deadline else [p for p, _ in self.participants]
        out = []
        for pid, how in self.participants:
            for r in roles:
                src = self.roles.get(r, "any")
                if src == "any" or (src == "playing") == (how == "playing"):
                    out.append(pid)
                    break
        return out


# --- the checks --------------------------------------------------------------

class Checker:
    def __init__(self, world, plan):
        self.world = world
        self.plan = plan
        self.errors = []
        self.checks = 0

    def bad(self, where, msg):
        self.errors.append("%s: %s" % (where, msg))

    def ok(self, cond, where, msg):
        self.checks += 1
        if not cond:
            self.bad(where, msg)
        return cond

    def agency_json(self):
        seen = {a["id"]: a for a in self.plan.get("agencies", [])}
        for aid, ag in self.world.agencies.items():
            where = "agency %s" % aid
            j = seen.get(aid)
            if not self.ok(j is not None, where, "missing from the JSON"):
                continue
            self.ok(j.get("timezone") == ag.tzname, where,
                    "timezone %r, roster says %r" % (j.get("timezone"),
                                                     ag.tzname))
            want = [DAYS[i] for i in sorted(ag.workdays)]
            self.ok(j.get("workdays") == want, where, "workdays %r, roster "
                    "says %r" % (j.get("workdays"), want))
            want = "%s-%s" % (hhmm(ag.ds), hhmm(ag.de))
            self.ok(j.get("hours") == want, where, "hours %r, roster says %r"
                    % (j.get("hours"), want))

    @staticmethod
    def names(warnings, aid):
        """The warnings that name agency aid as a whole id."""
        pat = re.compile(r"(?<![A-Za-z0-9._-])%s"
                         r"(?![A-Za-z0-9_-]|\.[A-Za-z0-9])" % re.escape(aid))
        return [w for w in warnings if pat.search(w)]

    def check_warnings(self, where, ag, start, end, warnings, day, fixed):
        """The warnings about one agency of one event. day is None when
        the agency works on the event's local days, else (status, why) of
        the day it does not; only a fixed event may be there, and then a
        warning must name the agency (for a holiday, blackout or closure,
        one that is not merely about hours)."""
        out = ag.outside(start, end)
        named = self.names(warnings, ag.id)
        meets = [w for w in named if re.match(re.escape(ag.id) + " meets ", w)]
        ls = start.astimezone(ag.zone)
        le = end.astimezone(ag.zone)
        if out > 0:
            if self.ok(named, where, "%s-%s local is %dm outside its hours "
                       "%s-%s but no warning names it"
                       % (ls.strftime("%a %Y-%m-%d %H:%M"),
                          le.strftime("%H:%M"), out // 60, hhmm(ag.ds),
                          hhmm(ag.de))) and meets:
                want = ("%s meets %s-%s local time, %dm outside its working "
                        "hours %s-%s" % (ag.id, ls.strftime("%H:%M"),
                                         le.strftime("%H:%M"), out // 60,
                                         hhmm(ag.ds), hhmm(ag.de)))
                self.ok(want in meets, where, "warning %r, expected %r"
                        % (meets[0], want))
        else:
            self.ok(not meets, where, "warned %r but %s-%s local is inside "
                    "its hours %s-%s" % (meets[0] if meets else "",
                                         ls.strftime("%H:%M"),
                                         le.strftime("%H:%M"), hhmm(ag.ds),
                                         hhmm(ag.de)))
        others = [w for w in named if w not in meets]
        if day is None:
            self.ok(not others, where, "warning %r names it, but it works "
                    "that day" % (others[0] if others else ""))
        elif fixed and day[0] == "off":
            self.ok(named, where, "fixed on %s, not one of its working "
                    "days, and no warning names it" % day[1])
        elif fixed:
            self.ok(others, where, "fixed on a day of %s (%s), and no "
                    "warning says so" % day)
        return out

    def day_problem(self, ex, ag, days, weekend_ok):
        """(status, why) of the first local date in days the agency does
        not work, or None. weekend_ok: Saturday and Sunday count as play
        days for an exercise with weekend play."""
        for day in sorted(days):
            st, why = ag.status(day)
            if st == "off" and weekend_ok and ex.weekend and \
                    day.weekday() >= 5:
                continue
            if st != "work":
                return st, "%s %s" % (day, why)
        return None

    def exercise(self, ex, jx):
        where_x = "exercise %s" % ex.id
        evs = {e["id"]: e for e in jx["events"]}
        self.ok(len(evs) == len(jx["events"]), where_x,
                "event ids repeat in the JSON")
        venue = ex.venue
        # Days of play.
        days = []
        for k in range(ex.days):
            jid = "conduct" if k == 0 else "conduct-%d" % (k + 1)
            if not self.ok(jid in evs, where_x, "no event %r" % jid):
                return
            days.append(evs[jid])
        play = [utc(d["start"]).astimezone(venue).date() for d in days]
        startex = at_local(venue, play[0], ex.start)
        endex = at_local(venue, play[-1], ex.start) + \
            dt.timedelta(seconds=ex.length)
        self.ok(jx["startex"] == fmt_utc(startex), where_x, "startex %s, "
                "expected %s (day 1 at %s venue time)" % (jx["startex"],
                fmt_utc(startex), hhmm(ex.start)))
        self.ok(jx["endex"] == fmt_utc(endex), where_x, "endex %s, expected %s"
                % (jx["endex"], fmt_utc(endex)))
        if ex.fixed_date:
            self.ok(play[0] == ex.fixed_date, where_x, "play starts %s, the "
                    "exercise fixes %s" % (play[0], ex.fixed_date))
        else:
            self.ok(ex.window[0] <= play[0] <= ex.window[1], where_x,
                    "play starts %s, outside the conduct window %s..%s"
                    % (play[0], ex.window[0], ex.window[1]))
        attend = ex.attendees(ex.conduct_roles, False)
        for k, d in enumerate(days):
            s = at_local(venue, play[k], ex.start)
            where = "%s event %s (%s)" % (where_x, d["id"], play[k])
            self.ok(d["start"] == fmt_utc(s) and d["end"] == fmt_utc(
                s + dt.timedelta(seconds=ex.length)), where,
                "%s..%s, expected %s..%s" % (d["start"], d["end"], fmt_utc(s),
                fmt_utc(s + dt.timedelta(seconds=ex.length))))
            if k > 0:
                self.ok(play[k] > play[k - 1], where, "not after day %d" % k)
                g = play[k - 1] + dt.timedelta(1)
                while g < play[k]:
                    self.ok(not self.playable(ex, attend, g)[0], where,
                            "skips %s, a day every agency could play" % g)
                    g += dt.timedelta(1)
        self.event_common(ex, days, play, attend, startex)
        # Events of the template.
        placed = {}
        for e in ex.events:
            where = "%s event %s" % (where_x, e.id)
            if not self.ok(e.id in evs, where, "missing from the plan"):
                continue
            j = evs[e.id]
            s, t = utc(j["start"]), utc(j["end"])
            placed[e.id] = (s, t)
            self.ok((t - s).total_seconds() == e.duration, where,
                    "lasts %ds, the template says %ds" %
                    ((t - s).total_seconds(), e.duration))
            anchor = startex if e.anchor == "startex" else endex
            self.window(ex, e, where, s, t, anchor)
            for p in e.after:
                if p in placed:
                    self.ok(s >= placed[p][1] + dt.timedelta(seconds=e.gap),
                            where, "starts %s, before %s ends (%s) plus its "
                            "gap %ds" % (j["start"], p, fmt_utc(placed[p][1]),
                                         e.gap))
            want = ex.attendees(e.roles, e.deadline)
            self.ok(j["agencies"] == want, where, "agencies %r, its roles "
                    "come from %r" % (j["agencies"], want))
            self.event_agencies(ex, e, j, where)
        self.ok(set(evs) == {d["id"] for d in days} | {e.id for e in
                                                        ex.events},
                where_x, "the plan's events %r are not the template's"
                % sorted(set(evs)))
        self.common_hours(ex, evs, placed, startex, endex)
        return evs

    def playable(self, ex, attend, d):
        """Whether all attending agencies may play on local venue date d."""
        for aid in attend:
            st, why = self.world.agencies[aid].status(d)
            if st == "work":
                continue
            if st == "off" and ex.weekend and d.weekday() >= 5:
                continue
            return False, "%s: %s %s" % (aid, st, why)
        return True, None

    def event_common(self, ex, days, play, attend, startex):
        for k, d in enumerate(days):
            where = "exercise %s event %s" % (ex.id, d["id"])
            self.ok(d["agencies"] == attend, where, "agencies %r, play is "
                    "attended by %r" % (d["agencies"], attend))
            s, t = utc(d["start"]), utc(d["end"])
            self.local_strings(where, d, s)
            for aid in d["agencies"]:
                ag = self.world.agencies[aid]
                w = "%s agency %s" % (where, aid)
                day = self.day_problem(ex, ag, {
                    ag.local_date(s),
                    ag.local_date(t - dt.timedelta(seconds=1))}, True)
                if day and not ex.fixed_date:
                    self.bad(w, "plays on a day of %s: %s" % day)
                self.check_warnings(w, ag, s, t, d["warnings"], day,
                                    ex.fixed_date is not None)

    def local_strings(self, where, j, s):
        loc = j.get("local", {})
        self.ok(sorted(loc) == sorted(j["agencies"]), where, "local times "
                "for %r, agencies %r" % (sorted(loc), j["agencies"]))
        for aid in j["agencies"]:
            ag = self.world.agencies[aid]
            self.ok(loc.get(aid) == wall(s, ag.zone), where, "local[%s] is "
                    "%r, expected %r" % (aid, loc.get(aid), wall(s, ag.zone)))

    def window(self, ex, e, where, s, t, anchor):
        venue = ex.venue
        if e.timed:
            lo = span_instant(anchor, e.lo)
            hi = span_instant(anchor, e.hi)
            if e.fixed:
                self.ok(s == lo, where, "starts %s, it is fixed at %s (%s "
                        "from %s)" % (fmt_utc(s), fmt_utc(lo), "at",
                                      e.anchor.upper()))
            else:
                self.ok(lo <= s <= hi, where, "starts %s outside its window "
                        "%s..%s" % (fmt_utc(s), fmt_utc(lo), fmt_utc(hi)))
            return
        ad = anchor.astimezone(venue).date()
        lo, hi = span_date(ad, e.lo), span_date(ad, e.hi)
        sd = s.astimezone(venue).date()
        self.ok(lo <= sd <= hi, where, "starts on %s (venue), outside its "
                "window %s..%s" % (sd, lo, hi))
        if e.duration > 0:
            last = at_local(venue, hi + dt.timedelta(1), 0)
            self.ok(t <= last, where, "ends %s, after its window's last day "
                    "%s" % (fmt_utc(t), hi))
        if e.deadline:
            self.ok(s.astimezone(venue).strftime("%H:%M") == "17:00", where,
                    "falls due at %s venue time, not 17:00"
                    % s.astimezone(venue).strftime("%H:%M"))
            self.ok(sd.weekday() < 5, where, "falls due on a %s"
                    % DAYS[sd.weekday()])

    def event_agencies(self, ex, e, j, where):
        s, t = utc(j["start"]), utc(j["end"])
        self.local_strings(where, j, s)
        end1 = t - dt.timedelta(seconds=1) if t > s else s
        for aid in j["agencies"]:
            ag = self.world.agencies[aid]
            w = "%s agency %s" % (where, aid)
            day = self.day_problem(ex, ag, {ag.local_date(s),
                                            ag.local_date(end1)}, e.fixed)
            if day and not e.fixed:
                self.bad(w, "%s a day of %s: %s" % ((
                    "falls due on" if e.deadline else "meets on",) + day))
            self.checks += 1
            if ag.busy_overlap(s, max(t, s + dt.timedelta(seconds=1))):
                self.bad(w, "meets over a busy time of its .ics calendar")
            if e.deadline:
                continue
            self.check_warnings(w, ag, s, t, j["warnings"], day, e.fixed)

    def common_hours(self, ex, evs, placed, startex, endex):
        """A meeting warned for out-of-hours time must have had no start
        inside every attendee's hours on their working days, between the
        events it follows and those that follow it, clear of other events."""
        taken = []
        for j in evs.values():
            s, t = utc(j["start"]), utc(j["end"])
            taken.append((j["id"], s, max(t, s + dt.timedelta(seconds=1))))
        for e in ex.events:
            if e.fixed or e.deadline or e.id not in placed:
                continue
            j = evs[e.id]
            if not j["warnings"] or not j["agencies"]:
                continue
            anchor = startex if e.anchor == "startex" else endex
            if e.timed:
                lo, hi = span_instant(anchor, e.lo), span_instant(anchor, e.hi)
            else:
                ad = anchor.astimezone(ex.venue).date()
                lo = at_local(ex.venue, span_date(ad, e.lo), 0)
                hi = at_local(ex.venue, span_date(ad, e.hi) +
                              dt.timedelta(1), 0) - \
                    dt.timedelta(seconds=e.duration)
            for p in e.after:
                if p in placed:
                    lo = max(lo, placed[p][1] + dt.timedelta(seconds=e.gap))
            for f in ex.events:
                if e.id in f.after and f.id in placed:
                    hi = min(hi, placed[f.id][0] - dt.timedelta(
                        seconds=f.gap + e.duration))
            ags = [self.world.agencies[a] for a in j["agencies"]]
            dur = dt.timedelta(seconds=e.duration)
            s = lo + dt.timedelta(seconds=(-lo.timestamp()) % GRID)
            while s <= hi:
                t = s + dur
                if all(ag.outside(s, t) == 0 and
                       ag.status(ag.local_date(s))[0] == "work" and
                       ag.status(ag.local_date(t - dt.timedelta(
                           seconds=1)))[0] == "work" and
                       not ag.busy_overlap(s, t) for ag in ags) and \
                        not any(i != e.id and a < t and s < b
                                for i, a, b in taken):
                    self.bad("exercise %s event %s" % (ex.id, e.id),
                             "warned %r, but %s..%s is inside every "
                             "attendee's working hours and free"
                             % (j["warnings"][0], fmt_utc(s), fmt_utc(t)))
                    break
                s += dt.timedelta(seconds=GRID)
            self.checks += 1

    # --- the table `planner plan` prints without --json -------------------

    ZONE_RE = re.compile(r"^      ((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [ \d]\d "
                         r"[A-Z][a-z]{2} \d{4} \d\d:\d\d)(?:-(.*?))? "
                         r"(\S+): (.*)$")
    # An interval across a clock change: "... 01:30 MDT-01:00 MST: ..."
    CROSS_RE = re.compile(r"^      ((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [ \d]\d "
                          r"[A-Z][a-z]{2} \d{4} \d\d:\d\d) (\S+)-(.*?) "
                          r"(\S+): (.*)$")

    def table(self, text, strict_labels):
        """Check the table against the JSON plan and the computed local
        times: every event with its UTC times, one line per zone with the
        local start (and end) and the zone's abbreviation, every attending
        agency on the line of its zone, and the event's warnings."""
        blocks, cur = {}, None
        for ln in text.split("\n"):
            m = re.match(r"^  (\S+) +\S+ +(\S+Z)(?: \.\. (\S+Z))?$", ln)
            if m:
                cur = {"start": m.group(2), "end": m.group(3) or m.group(2),
                       "zones": [], "warnings": []}
                blocks.setdefault(m.group(1), []).append(cur)
                continue
            if cur is None:
                continue
            c = self.CROSS_RE.match(ln)
            z = self.ZONE_RE.match(ln)
            if c:
                start, a1, end, a2, who = c.groups()
                cur["zones"].append((start, end, a1, who, a2))
            elif z:
                cur["zones"].append(z.groups() + (z.group(3),))
            elif ln.startswith("      warning: "):
                cur["warnings"].append(ln[len("      warning: "):])
        for jx in self.plan["exercises"]:
            for j in jx["events"]:
                where = "table %s event %s" % (jx["id"], j["id"])
                got = blocks.get(j["id"], [])
                if not self.ok(len(got) >= 1, where, "missing"):
                    continue
                b = got.pop(0)
                self.ok((b["start"], b["end"]) == (j["start"], j["end"]),
                        where, "UTC %s..%s, JSON %s..%s" % (
                            b["start"], b["end"], j["start"], j["end"]))
                self.ok(b["warnings"] == j["warnings"], where, "warnings "
                        "%r, JSON %r" % (b["warnings"], j["warnings"]))
                s, t = utc(j["start"]), utc(j["end"])
                for aid in j["agencies"]:
                    ag = self.world.agencies[aid]
                    lines = [z for z in b["zones"] if aid in z[3].split()]
                    if not self.ok(len(lines) == 1, where, "agency %s on %d "
                                   "zone lines" % (aid, len(lines))):
                        continue
                    start, end, abbr, _, end_abbr = lines[0]
                    ls, le = s.astimezone(ag.zone), t.astimezone(ag.zone)
                    want = ls.strftime("%a ") + "%2d" % ls.day + \
                        ls.strftime(" %b %Y %H:%M")
                    self.ok(start == want, where, "%s starts %r local, "
                            "expected %r" % (aid, start, want))
                    self.ok(abbr == ls.tzname(), where, "%s: zone %r, "
                            "expected %r at the start" % (aid, abbr,
                                                          ls.tzname()))
                    if t > s:
                        self.ok(end is not None and end.endswith(
                            le.strftime("%H:%M")) and (
                            le.date() == ls.date() or
                            le.strftime("%b %Y") in end), where,
                            "%s ends %r local, expected %s" % (
                                aid, end, le.strftime("%a %d %b %Y %H:%M")))
                    if strict_labels and t > s and le.tzname() != ls.tzname():
                        self.ok(le.tzname() == end_abbr, where,
                                "%s: %s-%s crosses from %s to %s, but the "
                                "line shows only %s" % (
                                    aid, ls.strftime("%H:%M"),
                                    le.strftime("%H:%M"), ls.tzname(),
                                    le.tzname(), abbr))

    def expect(self, ex, evs, exp):
        """Assertions derived by hand for one scenario."""
        where = "expect %s" % ex.id
        if "conduct" in exp:
            got = utc(evs["conduct"]["start"]).astimezone(ex.venue).date()
            self.ok(str(got) == str(exp["conduct"]), where, "play starts %s, "
                    "expected %s" % (got, exp["conduct"]))
        if str(exp.get("warnings", "")) == "none":
            for j in evs.values():
                self.ok(not j["warnings"], where, "event %s warns %r"
                        % (j["id"], j["warnings"]))
        for eid, want in (exp.get("start", {}) or {}).items():
            self.ok(evs[eid]["start"] == str(want), where, "event %s starts "
                    "%s, expected %s" % (eid, evs[eid]["start"], want))
        for eid, want in (exp.get("clock", {}) or {}).items():
            got = utc(evs[eid]["start"]).strftime("%H:%M")
            self.ok(got == str(want), where, "event %s starts at %s UTC, "
                    "expected %s UTC" % (eid, got, want))
        for eid, want in (exp.get("on", {}) or {}).items():
            got = utc(evs[eid]["start"]).astimezone(ex.venue).date()
            self.ok(str(got) == str(want), where, "event %s is on %s (venue),"
                    " expected %s" % (eid, got, want))
        for eid, want in (exp.get("not_on", {}) or {}).items():
            got = utc(evs[eid]["start"]).astimezone(ex.venue).date()
            self.ok(str(got) not in [str(x) for x in want], where,
                    "event %s is on %s (venue), one of the days it must "
                    "avoid" % (eid, got))
        for eid, want in (exp.get("warned", {}) or {}).items():
            got = sorted(a for a in evs[eid]["agencies"]
                         if self.names(evs[eid]["warnings"], a))
            self.ok(got == sorted(want), where, "event %s warns about %r, "
                    "expected %r" % (eid, got, sorted(want)))
        fair = exp.get("fair")
        if fair:
            load = {}
            for eid in fair["events"]:
                s, t = utc(evs[eid]["start"]), utc(evs[eid]["end"])
                for aid in evs[eid]["agencies"]:
                    load[aid] = load.get(aid, 0) + \
                        self.world.agencies[aid].outside(s, t) // 60
            spread = max(load.values()) - min(load.values())
            if "within" in fair:
                self.ok(spread <= int(fair["within"]), where, "out-of-hours "
                        "minutes %r differ by %d, more than %s" %
                        (load, spread, fair["within"]))
            if str(fair.get("shared", "")) == "true":
                self.ok(min(load.values()) > 0, where, "out-of-hours minutes "
                        "%r: not shared by every agency" % load)
            if "total_at_most" in fair:
                self.ok(sum(load.values()) <= int(fair["total_at_most"]),
                        where, "out-of-hours minutes %r add up to more than "
                        "%s" % (load, fair["total_at_most"]))


def main(argv):
    args = argv[1:]
    expect = table = None
    datadir = os.environ.get("PLANNER_DATADIR") or os.path.normpath(
        os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    while args and args[0].startswith("--"):
        if args[0] == "--expect" and len(args) > 1:
            expect = args[1]
            args = args[2:]
        elif args[0] == "--table" and len(args) > 1:
            table = args[1]
            args = args[2:]
        elif args[0] == "--datadir" and len(args) > 1:
            datadir = args[1]
            args = args[2:]
        else:
            break
    if len(args) != 2:
        sys.stderr.write("usage: check_schedule.py [--expect FILE] "
                         "[--table FILE] [--datadir DIR] EXERCISE.yaml "
                         "PLAN.json\n")
        return 2
    ex_path, plan_path = args
    try:
        world = World(ex_path, datadir)
        with open(plan_path, encoding="utf-8") as f:
            plan = json.load(f)
        c = Checker(world, plan)
        c.agency_json()
        jxs = {x["id"]: x for x in plan["exercises"]}
        exp = {}
        if expect:
            exp = load_docs(expect)[0]
        for doc, path in world.exercises:
            ex = Exercise(world, doc, path)
            if not c.ok(ex.id in jxs, "exercise %s" % ex.id,
                        "missing from the plan"):
                continue
            evs = c.exercise(ex, jxs[ex.id])
            if evs and exp:
                c.expect(ex, evs, exp.get(ex.id, exp))
        if table:
            with open(table, encoding="utf-8") as f:
                c.table(f.read(), str(exp.get("table_labels", "")) ==
                        "strict")
    except (OracleError, KeyError, ValueError, OSError) as e:
        sys.stderr.write("check_schedule: cannot check: %s: %s\n"
                         % (type(e).__name__, e))
        return 2
    for e in c.errors:
        sys.stdout.write("%s: %s\n" % (os.path.basename(ex_path), e))
    if c.errors:
        sys.stdout.write("check_schedule: %d violations in %d checks\n"
                         % (len(c.errors), c.checks))
        return 1
    sys.stdout.write("check_schedule: %s: %d checks passed\n"
                     % (os.path.basename(ex_path), c.checks))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
