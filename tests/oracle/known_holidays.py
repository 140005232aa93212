#!/usr/bin/python3
"""known_holidays.py: the oracle's holiday expansion against published dates.

check_schedule.py re-expands the bundled calendars with its own code; this
holds that code to dates typed from the sources, so the oracle is not just
a second copy of a mistake: OPM's federal holiday tables (opm.gov,
"Federal Holidays") for 2026-2028, the Ley Federal del Trabajo art. 74 as
amended (first/third Mondays, 1 October every six years from 2024), and
the Labour Code of Ukraine art. 73 with art. 67 transfers as
templates/calendars/ua-public.yaml encodes them (Orthodox Easter 2026
12 April, 2027 2 May). Each year's list must match exactly: a missing or
extra closed day is an error. Exit status 0, or 1 with the differences.
"""

import datetime as dt
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_schedule as cs  # noqa: E402

KNOWN = {
    "us-federal": {
        2026: ["01-01", "01-19", "02-16", "05-25", "06-19", "07-03",
               "09-07", "10-12", "11-11", "11-26", "12-25"],
        # Juneteenth and Christmas fall on Saturdays (Friday observed),
        # Independence Day on a Sunday (Monday observed), and New Year's
        # Day 2028 (a Saturday) is observed on Friday 31 December 2027.
        2027: ["01-01", "01-18", "02-15", "05-31", "06-18", "07-05",
               "09-06", "10-11", "11-11", "11-25", "12-24", "12-31"],
        2028: ["01-17", "02-21", "05-29", "06-19", "07-04", "09-04",
               "10-09", "11-10", "11-23", "12-25"],
    },
    "mx-statutory": {
        # 2024: the first 1 October transmission of power.
        2024: ["01-01", "02-05", "03-18", "05-01", "09-16", "10-01",
               "11-18", "12-25"],
        2027: ["01-01", "02-01", "03-15", "05-01", "09-16", "11-15",
               "12-25"],
        2030: ["01-01", "02-04", "03-18", "05-01", "09-16", "10-01",
               "11-18", "12-25"],
        # 2018: the last 1 December transmission.
        2018: ["01-01", "02-05", "03-19", "05-01", "09-16", "11-19",
               "12-01", "12-25"],
    },
    "ua-public": {
        # Women's Day (8 March), Trinity (31 May) and Constitution Day
        # (28 June) fall on Sundays and move to Monday; Easter is Sunday
        # 12 April, kept on Monday 13 April.
        2026: ["01-01", "03-09", "04-13", "05-01", "05-08", "06-01",
               "06-29", "07-15", "08-24", "10-01", "12-25"],
        # Labour Day (Saturday 1 May) and Easter (Sunday 2 May) both move
        # to Monday 3 May; the Tuesday the law adds is not expressible.
        2027: ["01-01", "03-08", "05-03", "05-10", "06-21", "06-28",
               "07-15", "08-24", "10-01", "12-27"],
    },
}


def main():
    datadir = os.path.normpath(os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    bad = 0
    n = 0
    for cal_id, years in KNOWN.items():
        path = os.path.join(datadir, "templates", "calendars",
                            cal_id + ".yaml")
        cal = cs.Calendar(cs.load_docs(path)[0])
        for y, days in years.items():
            got = sorted(d for d in cal.holidays(y, y) if d.year == y)
            want = sorted(dt.date(y, int(s[:2]), int(s[3:])) for s in days)
            n += 1
            if got != want:
                bad += 1
                print("known_holidays: %s %d: missing %s, extra %s" % (
                    cal_id, y, [str(d) for d in want if d not in got],
                    [str(d) for d in got if d not in want]))
    print("known_holidays: %d calendar-years, %d wrong" % (n, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
