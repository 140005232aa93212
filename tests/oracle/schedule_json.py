#!/usr/bin/python3
"""schedule_json.py: the schedule part of `planner plan --json`, for goldens.

Reads the plan on standard input and prints, indented, only what the
scheduler decides: each exercise's id, venue zone, STARTEX and ENDEX and
its events (id, kind, start, end, agencies, local, warnings), and each
agency's zone, working days and hours. Staffing and anything added to the
plan later stay out, so a golden schedule changes only when the schedule
does. Exit status 1 when the input is not a plan.
"""

import json
import sys

EXERCISE = ("id", "timezone", "startex", "endex")
EVENT = ("id", "kind", "start", "end", "agencies", "local", "warnings")
AGENCY = ("id", "timezone", "workdays", "hours")


def pick(obj, keys):
    return {k: obj[k] for k in keys}


def main():
    try:
        plan = json.load(sys.stdin)
        out = {
            "exercises": [dict(pick(x, EXERCISE), events=[
                pick(e, EVENT) for e in x["events"]])
                for x in plan["exercises"]],
            "agencies": [pick(a, AGENCY) for a in plan["agencies"]],
        }
    except (ValueError, KeyError, TypeError) as e:
        sys.stderr.write("schedule_json: not a plan: %s\n" % e)
        return 1
    print(json.dumps(out, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
