#!/usr/bin/python3
"""selftest.py: prove that check_schedule.py can fail.

Usage: selftest.py EXERCISE.yaml PLAN.json

Takes a plan the oracle accepts, breaks it in one way at a time (an event
moved onto a holiday, a weekend or out of its window, a warning dropped or
invented, a wrong UTC offset, a gap not kept, ...), keeping everything
else consistent, and checks that the oracle reports each break with the
message that belongs to it. A mutation that does not apply to the plan
(no warnings to drop, no blackouts) is skipped; at least one must apply.
Exit status 0 when every applicable mutation is caught, 1 otherwise.
"""

import copy
import datetime as dt
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_schedule as cs  # noqa: E402


def load(ex_path):
    datadir = os.environ.get("PLANNER_DATADIR") or os.path.normpath(
        os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    world = cs.World(ex_path, datadir)
    exs = [cs.Exercise(world, d, p) for d, p in world.exercises]
    return world, exs


def run(world, exs, plan):
    c = cs.Checker(world, plan)
    c.agency_json()
    jxs = {x["id"]: x for x in plan["exercises"]}
    for ex in exs:
        if ex.id in jxs:
            c.exercise(ex, jxs[ex.id])
    return c.errors


def set_time(world, ev, start):
    """Move a JSON event to start, keeping its length and local strings."""
    s, t = cs.utc(ev["start"]), cs.utc(ev["end"])
    ev["start"] = cs.fmt_utc(start)
    ev["end"] = cs.fmt_utc(start + (t - s))
    for aid in ev["agencies"]:
        ev["local"][aid] = cs.wall(start, world.agencies[aid].zone)


def events(plan, exs):
    """(exercise, template event or None, JSON event) of every event."""
    by = {ex.id: ex for ex in exs}
    for jx in plan["exercises"]:
        ex = by.get(jx["id"])
        if ex is None:
            continue
        defs = {e.id: e for e in ex.events}
        for ev in jx["events"]:
            yield ex, defs.get(ev["id"]), ev


def meetings(plan, exs):
    """Placed, movable events attended by someone."""
    for ex, e, ev in events(plan, exs):
        if e is not None and not e.fixed and not e.deadline and \
                ev["agencies"]:
            yield ex, e, ev


# Each mutation edits a deep copy of the plan in place and returns the text
# the oracle's report must contain, or None when it does not apply.

def m_offset(world, exs, plan):
    for _, _, ev in events(plan, exs):
        for aid, s in ev["local"].items():
            sign = "+" if s[-6] == "-" else "-"
            ev["local"][aid] = s[:-6] + sign + s[-5:]
            return "local[%s]" % aid
    return None


def m_drop_warning(world, exs, plan):
    for _, _, ev in events(plan, exs):
        for i, w in enumerate(ev["warnings"]):
            if " meets " in w:
                del ev["warnings"][i]
                return "but no warning names it"
    return None


def m_invent_warning(world, exs, plan):
    for _, e, ev in events(plan, exs):
        if e is not None and e.deadline:
            continue
        for aid in ev["agencies"]:
            if not cs.Checker.names(ev["warnings"], aid):
                ev["warnings"].append("%s meets 09:00-10:00 local time, 60m "
                                      "outside its working hours "
                                      "08:00-17:00" % aid)
                return "is inside its hours"
    return None


def m_wrong_minutes(world, exs, plan):
    for _, _, ev in events(plan, exs):
        for i, w in enumerate(ev["warnings"]):
            if " meets " in w and "m outside" in w:
                head, tail = w.split("m outside", 1)
                n = head.rsplit(" ", 1)[1]
                ev["warnings"][i] = "%s%dm outside%s" % (
                    head[:-len(n)], int(n) + 1, tail)
                return "expected"
    return None


def m_twelve_hours(world, exs, plan):
    for _, _, ev in meetings(plan, exs):
        if ev["warnings"]:
            continue
        set_time(world, ev, cs.utc(ev["start"]) + dt.timedelta(hours=12))
        return "outside its hours"
    return None


def move_to_day(world, exs, plan, want):
    """Move a meeting, same UTC clock, to a nearby date on which want(agency,
    local date) holds for one of its agencies (and the rest work)."""
    for _, _, ev in meetings(plan, exs):
        s = cs.utc(ev["start"])
        for k in list(range(1, 90)) + list(range(-1, -90, -1)):
            n = s + dt.timedelta(days=k)
            for aid in ev["agencies"]:
                ag = world.agencies[aid]
                if want(ag, ag.local_date(n)):
                    set_time(world, ev, n)
                    return aid
    return None


def m_holiday(world, exs, plan):
    aid = move_to_day(world, exs, plan,
                      lambda ag, d: ag.status(d)[0] == "holiday" and
                      d.weekday() in ag.workdays)
    return aid and "a day of holiday"


def m_blackout(world, exs, plan):
    aid = move_to_day(world, exs, plan,
                      lambda ag, d: ag.status(d)[0] == "blackout")
    return aid and "a day of blackout"


def m_day_off(world, exs, plan):
    aid = move_to_day(world, exs, plan,
                      lambda ag, d: ag.status(d)[0] == "off")
    return aid and "a day of off"


def m_gap(world, exs, plan):
    for ex, e, ev in meetings(plan, exs):
        if not e.after:
            continue
        byid = {x["id"]: x for x in next(
            jx for jx in plan["exercises"] if jx["id"] == ex.id)["events"]}
        p = byid[e.after[0]]
        set_time(world, ev, cs.utc(p["end"]) + dt.timedelta(
            seconds=e.gap) - dt.timedelta(minutes=15))
        return "plus its gap"
    return None


def m_window(world, exs, plan):
    for ex, e, ev in meetings(plan, exs):
        if e.timed:
            continue
        jx = next(j for j in plan["exercises"] if j["id"] == ex.id)
        anchor = cs.utc(jx["startex"] if e.anchor == "startex"
                        else jx["endex"])
        lo = cs.span_date(anchor.astimezone(ex.venue).date(), e.lo)
        s = cs.utc(ev["start"])
        days = (s.astimezone(ex.venue).date() - lo).days + 1
        set_time(world, ev, s - dt.timedelta(days=days))
        return "outside its window"
    return None


def m_startex(world, exs, plan):
    jx = plan["exercises"][0]
    jx["startex"] = cs.fmt_utc(cs.utc(jx["startex"]) + dt.timedelta(hours=1))
    return "startex"


def m_agencies(world, exs, plan):
    for _, _, ev in events(plan, exs):
        if len(ev["agencies"]) > 1:
            aid = ev["agencies"].pop()
            del ev["local"][aid]
            return "agencies"
    return None


def m_hours_json(world, exs, plan):
    plan["agencies"][0]["hours"] = "00:00-23:00"
    return "roster says"


def m_missed_common(world, exs, plan):
    """An in-hours meeting moved earlier until someone is outside its
    hours, with the right warnings: the oracle must see the free slot."""
    for _, _, ev in meetings(plan, exs):
        if ev["warnings"]:
            continue
        s0 = cs.utc(ev["start"])
        dur = cs.utc(ev["end"]) - s0
        for q in range(1, 8 * 4):
            s = s0 - dt.timedelta(minutes=15 * q)
            ags = [world.agencies[a] for a in ev["agencies"]]
            if any(ag.outside(s, s + dur) > 0 for ag in ags):
                if any(ag.local_date(s) != ag.local_date(s0) for ag in ags):
                    break
                set_time(world, ev, s)
                for ag in ags:
                    out = ag.outside(s, s + dur)
                    if out > 0:
                        ls = s.astimezone(ag.zone).strftime("%H:%M")
                        le = (s + dur).astimezone(ag.zone).strftime("%H:%M")
                        ev["warnings"].append(
                            "%s meets %s-%s local time, %dm outside its "
                            "working hours %s-%s" % (
                                ag.id, ls, le, out // 60, cs.hhmm(ag.ds),
                                cs.hhmm(ag.de)))
                return "inside every attendee's working hours and free"
    return None


def m_deadline_time(world, exs, plan):
    for _, e, ev in events(plan, exs):
        if e is not None and e.deadline:
            set_time(world, ev, cs.utc(ev["start"]) - dt.timedelta(hours=1))
            return "not 17:00"
    return None


def m_play_day(world, exs, plan):
    """Day 2 of play a day later: day 2's own date is skipped."""
    for ex, _, ev in events(plan, exs):
        if ev["id"] == "conduct-2":
            set_time(world, ev, cs.utc(ev["start"]) + dt.timedelta(days=1))
            return "skips"
    return None


MUTATIONS = [m_offset, m_drop_warning, m_invent_warning, m_wrong_minutes,
             m_twelve_hours, m_holiday, m_blackout, m_day_off, m_gap,
             m_window, m_startex, m_agencies, m_hours_json, m_missed_common,
             m_deadline_time, m_play_day]


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: selftest.py EXERCISE.yaml PLAN.json\n")
        return 2
    world, exs = load(argv[1])
    with open(argv[2], encoding="utf-8") as f:
        plan = json.load(f)
    base = run(world, exs, plan)
    if base:
        print("selftest: the plan itself fails the oracle:\n  " +
              "\n  ".join(base))
        return 1
    caught = missed = 0
    for m in MUTATIONS:
        p = copy.deepcopy(plan)
        want = m(world, exs, p)
        if want is None:
            continue
        errs = run(world, exs, p)
        if any(want in e for e in errs):
            caught += 1
        else:
            missed += 1
            print("selftest: %s: not caught (wanted %r); oracle said: %s"
                  % (m.__name__, want, errs[:3]))
    print("selftest: %s: %d mutations caught, %d missed"
          % (os.path.basename(argv[1]), caught, missed))
    return 1 if missed or caught == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
