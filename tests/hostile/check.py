#!/usr/bin/python3
"""check.py: plan an exercise full of hostile names and read every output back.

Usage: /usr/bin/python3 check.py PLANNER WORKDIR

Writes the roster and exercise of inputs.py into WORKDIR (gen.py), has
PyYAML read them back (so the strings are what inputs.py says), runs
"PLANNER plan exercise.yaml --no-db --out WORKDIR/out --json" and the
same without --json (the table for a terminal), then reads each output
with a reader no one here wrote:

  plan JSON      json: every name, title and agency name equals the input
  roles.csv      csv: every cell equals the input, with the formula guard
                 of out_roles.h (a leading ' before = + - @ TAB CR ')
  *.ics          folding (75 octets, CRLF, whole UTF-8 characters), a
                 strict line tokenizer (only the properties and
                 parameters planner writes, parameter values quoted or
                 plain), python3-icalendar parses with no recorded
                 error; SUMMARY, LOCATION, DESCRIPTION, CN and calendar
                 names, unescaped here by RFC 5545 (python3-icalendar
                 4.0.3 reads an escaped backslash before "n" as a line
                 break), round-trip to the input as ics.h cleans it
                 (CR LF -> LF; one-line values: LF TAB -> space; other
                 control characters dropped; " in CN -> ')
  *.md           cmark-gfm (GFM tables, strikethrough, task lists, raw
                 HTML let through): only the tags planner writes, no
                 link, image, emphasis, code, HTML from the input; every
                 table row has the header's cells; the input text (line
                 breaks as spaces) is in the rendered text
  print/*.pdf    pdftotext: the names are there
  print/*.svg    ElementTree: drawing elements only (no script, no
                 event handler, no link out)
  files          everything under out/ is a file or directory inside
                 it, named with letters, digits, - _ . only, and every
                 person and agency has its calendar
  the terminal   the plan table and list, show, agenda, status, check
                 and action on the stored plan print no control
                 character but line feeds
  determinism    a second run writes the same bytes (SOURCE_DATE_EPOCH)

Prints "ok - ..." or "not ok - ..." per check and exits 1 on a failure.
"""
import csv
import html
import io
import json
import os
import re
import subprocess
import sys

from icalendar import Calendar

import gen
import inputs

fails = 0


def report(ok, what, detail=""):
    global fails
    if ok:
        print("ok - " + what)
    else:
        fails += 1
        print("not ok - " + what)
        for line in str(detail).splitlines()[:20]:
            print("#   " + line[:300])


def ics_clean(s, oneline):
    """ics.h's cleaning of text, done independently."""
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    s = "".join(c for c in s if c in "\n\t" or not (ord(c) < 0x20 or
                                                     ord(c) == 0x7f))
    if oneline:
        s = s.replace("\n", " ").replace("\t", " ")
    return s


def md_text(s):
    """What Markdown must show of s: line breaks and controls as spaces,
    runs of white space as one (HTML collapses them anyway)."""
    s = s.replace("\r\n", " ")
    s = "".join(" " if ord(c) < 0x20 or ord(c) == 0x7f else c for c in s)
    return " ".join(s.split())


GUARD = "=+-@\t\r'"


def csv_guard(s):
    return "'" + s if s[:1] and s[0] in GUARD else s


# --- the plan as JSON ------------------------------------------------------

def check_json(plan):
    t = inputs.TEXT
    ex = plan["exercises"][0]
    report(ex["name"] == t["ex_name"], "json: exercise name", ex["name"])
    titles = {ev["id"]: ev["title"] for ev in ex["events"]}
    want = {"ipm": t["ov_ipm_title"], "brief": t["brief_title"],
            "hw": t["hw_title"], "conduct": t["conduct_title"]}
    report(titles == want, "json: event titles (override included)",
           "%r\n%r" % (titles, want))
    names = {a["id"]: a["name"] for a in plan["agencies"]}
    report(names == {a[0]: a[1] for a in inputs.AGENCIES},
           "json: agency names", names)
    people = {p["id"]: p["name"] for p in plan["people"]}
    report(people == {p[0]: p[1] for p in inputs.people()},
           "json: person names", people)


# --- roles.csv -------------------------------------------------------------

def check_csv(path, plan):
    with open(path, encoding="utf-8", newline="") as f:
        raw = f.read()
    rows = list(csv.reader(io.StringIO(raw, newline="")))
    report(rows[0] == ["exercise", "role", "person", "agency", "contact",
                       "events"], "csv: header", rows[0])
    report(raw.count("\r\n") >= len(rows), "csv: CRLF record ends")
    by_name = {p[1]: p for p in inputs.people()}
    want_rows = set()
    for a in plan["exercises"][0]["assignments"]:
        pid, name, email, phone, agency = [p for p in inputs.people()
                                           if p[0] == a["person"]][0]
        contact = email + ("; " + phone if phone is not None else "")
        want_rows.add(tuple(csv_guard(c) for c in
                            ("hostile-2027", a["role"], name, agency,
                             contact)))
    got_rows = set(tuple(r[:5]) for r in rows[1:])
    report(got_rows == want_rows and len(rows) - 1 == len(want_rows),
           "csv: every cell equals the input, guarded (%d rows)" %
           (len(rows) - 1), "missing %r\nextra %r" %
           (want_rows - got_rows, got_rows - want_rows))
    bad = [c for r in rows[1:] for c in r
           if c[:1] in "=+-@\t\r" and c[:1] != ""]
    report(not bad, "csv: no cell starts a formula", bad)
    report(len(by_name) == len(inputs.people()), "csv: names are distinct")


# --- iCalendar -------------------------------------------------------------

PROPS = {"ACTION", "ATTENDEE", "BEGIN", "CATEGORIES", "COMPLETED",
         "DESCRIPTION", "DTEND", "DTSTAMP", "DTSTART", "DUE", "END",
         "LOCATION", "NAME", "ORGANIZER", "PRODID", "RELATED-TO", "RRULE",
         "SEQUENCE", "STATUS", "SUMMARY", "TRANSP", "TRIGGER", "TZID",
         "TZNAME", "TZOFFSETFROM", "TZOFFSETTO", "TZUNTIL", "UID",
         "VERSION", "X-LIC-LOCATION", "X-WR-CALNAME", "METHOD",
         "CALSCALE", "PERCENT-COMPLETE", "PRIORITY", "URL", "RDATE",
         "LAST-MODIFIED", "CREATED"}
PARAMS = {"CN", "CUTYPE", "PARTSTAT", "RELTYPE", "ROLE", "TZID", "VALUE",
          "X-PLANNER-ROLE", "RSVP", "LANGUAGE"}
LINE = re.compile(r'([A-Z][A-Z0-9-]*)((?:;[A-Z][A-Z0-9-]*=(?:"[^"]*"|'
                  r'[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*):(.*)\Z', re.S)
PARAM = re.compile(r';([A-Z][A-Z0-9-]*)=((?:"[^"]*"|[^";:,]*)'
                   r'(?:,(?:"[^"]*"|[^";:,]*))*)')


def ics_lines(path):
    """Unfolded content lines, checking the folding on the way."""
    with open(path, "rb") as f:
        data = f.read()
    problems = []
    if not data.endswith(b"\r\n"):
        problems.append("does not end in CRLF")
    phys = data[:-2].split(b"\r\n")
    for i, p in enumerate(phys):
        if len(p) > 75:
            problems.append("line %d is %d octets" % (i + 1, len(p)))
        if b"\r" in p or b"\n" in p:
            problems.append("bare CR or LF in line %d" % (i + 1))
        if any(b < 0x20 and b != 9 or b == 0x7f for b in p):
            problems.append("control character in line %d" % (i + 1))
    try:
        text = data.decode("utf-8")     # a fold inside a character fails
    except UnicodeDecodeError as e:
        problems.append("not UTF-8 (a fold inside a character?): %s" % e)
        text = data.decode("utf-8", "replace")
    return text[:-2].replace("\r\n ", "").replace("\r\n\t", "") \
        .split("\r\n"), problems


def check_ics_syntax(path, label):
    lines, problems = ics_lines(path)
    for ln in lines:
        m = LINE.match(ln)
        if m is None:
            problems.append("not a content line: %r" % ln[:120])
            continue
        if m.group(1) not in PROPS:
            problems.append("property %s" % m.group(1))
        for pm in PARAM.finditer(m.group(2)):
            if pm.group(1) not in PARAMS:
                problems.append("parameter %s in %s" % (pm.group(1),
                                                        m.group(1)))
            if pm.group(1) == "CN" and "^" in pm.group(2):
                problems.append("RFC 6868 escape in CN %r" % pm.group(2))
    report(not problems, "ics syntax: %s (%d lines)" % (label, len(lines)),
           "\n".join(problems))


def event_texts(t):
    ex = t["ex_name"]
    venue = t["venue"] + ", " + t["address"]
    return {
        "conduct": (t["conduct_title"], venue, None),
        "ipm": (t["ov_ipm_title"], t["ov_ipm_location"],
                t["ipm_description"]),
        "brief": (t["brief_title"], t["brief_location"],
                  t["brief_description"]),
        "hw": (t["hw_title"], venue, None),
    }, ex


def unescape_text(v, problems):
    r"""RFC 5545 TEXT: \\ \; \, \n \N and nothing else after a backslash.
    (python3-icalendar 4.0.3 reads an escaped backslash before "n" as a
    backslash and a line break, so values are read here.)"""
    out, i = [], 0
    while i < len(v):
        c = v[i]
        if c == "\\":
            nxt = v[i + 1:i + 2]
            if nxt in ("\\", ";", ","):
                out.append(nxt)
            elif nxt in ("n", "N"):
                out.append("\n")
            else:
                problems.append("bad escape %r" % v[i:i + 2])
            i += 2
            continue
        if c in ";,":
            problems.append("unescaped %r in %r" % (c, v[:80]))
        out.append(c)
        i += 1
    return "".join(out)


def components(lines):
    """(name, {property: [(params, raw value)]}) of each VEVENT, VTODO and
    the VCALENDAR itself, from content lines."""
    stack, comps = [], []
    for ln in lines:
        m = LINE.match(ln)
        if m is None:
            continue
        name, value = m.group(1), m.group(3)
        if name == "BEGIN":
            stack.append((value, {}))
            continue
        if name == "END":
            comps.append(stack.pop())
            continue
        params = {}
        for pm in PARAM.finditer(m.group(2)):
            pv = pm.group(2)
            params[pm.group(1)] = pv[1:-1] if pv.startswith('"') else pv
        stack[-1][1].setdefault(name, []).append((params, value))
    return comps


def check_ics_values(path, label):
    t = inputs.TEXT
    evs, exname = event_texts(t)
    with open(path, "rb") as f:
        cal = Calendar.from_ical(f.read())
    problems = []
    one = lambda s: ics_clean(s, True)      # noqa: E731
    multi = lambda s: ics_clean(s, False)   # noqa: E731
    for comp in cal.walk():
        if comp.errors:
            problems.append("%s: %s" % (comp.name, comp.errors))
    cns = {}
    for pid, name, email, phone, agency in inputs.people():
        cns.setdefault("mailto:" + email, set()).add(
            one(name).replace('"', "'"))
    for aid, name, c, z, contact in inputs.AGENCIES:
        if "email" in contact:
            cns.setdefault("mailto:" + contact["email"], set()).add(
                one(name).replace('"', "'"))
    cns.setdefault("mailto:" + t["organiser_email"], set()).add(
        one(t["organiser"]).replace('"', "'"))
    nitems = 0
    items = [t["item1"], t["item2"], t["item3"]]
    lines, _ = ics_lines(path)
    for cname, props in components(lines):
        def text(key):
            v = props.get(key)
            return None if v is None else unescape_text(v[0][1], problems)
        if cname == "VCALENDAR":
            for key in ("NAME", "X-WR-CALNAME"):
                if key in props and one(exname) not in text(key):
                    problems.append("%s %r lacks the exercise name" %
                                    (key, text(key)))
            continue
        if cname not in ("VEVENT", "VTODO"):
            continue
        nitems += 1
        uid = text("UID")
        summ = text("SUMMARY")
        desc = text("DESCRIPTION") or ""
        if not desc.startswith(multi(t["marking"]) + "\n\n"):
            problems.append("%s: DESCRIPTION does not open with the "
                            "marking: %r" % (uid, desc[:80]))
        if cname == "VEVENT":
            title, loc, what = evs[uid.split(".")[0]]
            if summ != one(exname) + ": " + one(title):
                problems.append("%s: SUMMARY %r" % (uid, summ))
            if text("LOCATION") != one(loc):
                problems.append("%s: LOCATION %r, not %r" %
                                (uid, text("LOCATION"), one(loc)))
            if what is not None and multi(what) not in desc:
                problems.append("%s: DESCRIPTION lacks %r" % (uid, what))
            for r in (t["role_lead"], t["ov_role_player"]):
                if multi(r) not in desc:
                    problems.append("%s: DESCRIPTION lacks role %r" %
                                    (uid, r))
            if "\nLocation: " + multi(loc) + "\n" not in desc:
                problems.append("%s: DESCRIPTION lacks Location: %r" %
                                (uid, multi(loc)))
        else:
            sums = [one(exname) + ": " + one(i) for i in items]
            if summ not in sums:
                problems.append("%s: SUMMARY %r" % (uid, summ))
            elif multi(items[sums.index(summ)]) not in desc:
                problems.append("%s: DESCRIPTION lacks the item" % uid)
        for key in ("ATTENDEE", "ORGANIZER"):
            for params, v in props.get(key, []):
                cn = params.get("CN")
                if cn is not None and (v not in cns or cn not in cns[v]):
                    problems.append("%s: %s CN %r for %s" % (uid, key, cn, v))
    report(not problems and nitems > 0, "ics values round-trip: %s "
           "(%d items)" % (label, nitems), "\n".join(problems))


# --- Markdown --------------------------------------------------------------

TAGS = {"p", "h1", "h2", "h3", "table", "thead", "tbody", "tr", "th", "td",
        "ul", "li", "strong", "input", "hr"}


def md_rows_ok(md):
    """Every GFM table row has as many cells as its header."""
    problems = []
    ncells = None
    for ln in md.split("\n"):
        if not ln.startswith("|"):
            ncells = None
            continue
        cells = len(re.findall(r"(?<!\\)\|", re.sub(r"\\\\", "", ln))) - 1
        if ncells is None:
            ncells = cells
        elif cells != ncells:
            problems.append("%d cells, not %d: %r" % (cells, ncells, ln[:120]))
    return problems


def check_md(path, label, want):
    with open(path, encoding="utf-8") as f:
        md = f.read()
    out = subprocess.run(["cmark-gfm", "-e", "table", "-e", "strikethrough",
                          "-e", "tasklist", "--unsafe", path],
                         capture_output=True, check=True).stdout.decode()
    problems = md_rows_ok(md)
    for tag in sorted(set(re.findall(r"</?([a-zA-Z][a-zA-Z0-9]*)", out))):
        if tag.lower() not in TAGS:
            problems.append("tag <%s> from the input: %s" % (tag, re.search(
                r".{0,60}</?" + tag + r".{0,60}", out).group(0)))
    for m in re.finditer(r"<input[^>]*>", out):
        if m.group(0) != '<input type="checkbox" disabled="" />' and \
                m.group(0) != '<input type="checkbox" checked="" ' \
                'disabled="" />':
            problems.append("input %r" % m.group(0))
    text = html.unescape(re.sub(r"<[^>]*>", " ", out))
    text = " ".join(text.split())
    for w in want:
        if md_text(w) not in text:
            problems.append("text missing: %r" % md_text(w)[:100])
    report(not problems, "markdown: %s (%d strings shown as written)" %
           (label, len(want)), "\n".join(problems))


# --- PDF, files, terminal --------------------------------------------------

def pdf_words(s):
    """Words of s that any PDF text extraction must give back: runs of
    four or more ASCII letters (bidi, shaping and ligatures aside)."""
    return re.findall(r"[A-Za-z]{4,}", s)


def check_pdf(path, label, want):
    out = subprocess.run(["pdftotext", path, "-"], capture_output=True,
                         check=True).stdout.decode("utf-8", "replace")
    flat = " ".join(out.split())
    missing = [w for s in want for w in pdf_words(s)[:3] if w not in flat]
    report(not missing and flat, "pdf: %s shows the names" % label,
           "missing %r" % missing)


SVG_TAGS = {"svg", "g", "path", "rect", "use", "symbol", "defs", "clipPath",
            "image", "mask", "linearGradient", "radialGradient", "stop",
            "pattern", "filter", "feColorMatrix", "feImage"}


def check_svg(path, label):
    """Well-formed XML, drawing elements only: no script, no foreign
    object, no event handler, no link out of the file."""
    import xml.etree.ElementTree as ET
    problems = []
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        report(False, "svg: %s is XML" % label, e)
        return
    for e in root.iter():
        tag = e.tag.split("}")[-1]
        if tag not in SVG_TAGS:
            problems.append("element %s" % tag)
        for k, v in e.attrib.items():
            name = k.split("}")[-1]
            if name.lower().startswith("on"):
                problems.append("attribute %s" % name)
            if name == "href" and not (v.startswith("#") or
                                       v.startswith("data:image/")):
                problems.append("link %r" % v[:80])
    report(not problems, "svg: %s draws only" % label, "\n".join(problems))


SAFE = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]*\Z")


def check_files(out):
    problems = []
    top = os.path.realpath(out)
    for d, dirs, files in os.walk(out):
        for n in dirs + files:
            p = os.path.join(d, n)
            if os.path.islink(p):
                problems.append("symlink %s" % p)
            if not os.path.realpath(p).startswith(top + os.sep):
                problems.append("outside: %s" % p)
            if not SAFE.match(n):
                problems.append("name %r" % n)
    for pid, *_ in inputs.people():
        if not os.path.isfile(os.path.join(out, "people", pid + ".ics")):
            problems.append("no people/%s.ics" % pid)
    for a in inputs.AGENCIES:
        if not os.path.isfile(os.path.join(out, "agencies", a[0] + ".ics")):
            problems.append("no agencies/%s.ics" % a[0])
    report(not problems, "files: safe names, all inside --out",
           "\n".join(problems))


def check_terminal(data, label):
    bad = sorted(set(c for c in data if (c < 0x20 and c != 10) or c == 0x7f))
    report(not bad, "terminal: %s has no control characters" % label,
           "bytes %r" % bad)


def main(argv):
    planner, work = argv[1], argv[2]
    gen.main([None, work])
    import yaml
    docs = list(yaml.safe_load_all(open(work + "/exercise.yaml",
                                        encoding="utf-8")))
    roster = yaml.safe_load(open(work + "/roster.yaml", encoding="utf-8"))
    t = inputs.TEXT
    report(docs[1]["name"] == t["ex_name"] and
           [p["name"] for p in roster["people"]] ==
           [p[1] for p in inputs.people()] and
           docs[0]["msel"][0]["text"] == t["msel_text"],
           "inputs: PyYAML reads the strings of inputs.py")
    out = work + "/out"
    os.environ["SOURCE_DATE_EPOCH"] = "1800000000"
    run = subprocess.run([planner, "plan", "exercise.yaml", "--no-db",
                          "--out", out, "--json"], cwd=work,
                         capture_output=True)
    report(run.returncode == 0, "planner plan --json exits 0",
           run.stderr.decode("utf-8", "replace"))
    if run.returncode != 0:
        return 1
    with open(out + "/plan.json", "wb") as f:    # for tests/interop
        f.write(run.stdout)
    plan = json.loads(run.stdout.decode("utf-8"))
    table = subprocess.run([planner, "plan", "exercise.yaml", "--no-db",
                            "--out", work + "/out2"], cwd=work,
                           capture_output=True)
    check_terminal(table.stdout + table.stderr, "plan table")
    differ = []
    for d, _, files in os.walk(out):
        for n in files:
            a = os.path.join(d, n)
            b = os.path.join(work + "/out2", os.path.relpath(a, out))
            if n != "plan.json" and (not os.path.isfile(b) or
                                     open(a, "rb").read() !=
                                     open(b, "rb").read()):
                differ.append(os.path.relpath(a, out))
    report(not differ, "a second run writes the same bytes", differ)
    # The database commands print the stored names for a terminal too.
    db = ["--db", work + "/h.db"]
    for args in (["plan", "exercise.yaml", "--out", work + "/out3"],
                 ["list"], ["show", "hostile-2027"],
                 ["agenda", "--from", "2027-01-01", "--to", "2027-12-31"],
                 ["agenda", "--person", "p-ansi", "--from", "2027-01-01"],
                 ["status", "hostile-2027"],
                 ["check", "hostile-2027/cl/1", "--by", "p-ansi", "--note",
                  inputs.T["ansi"]],
                 ["action", "add", "hostile-2027", inputs.T["mixed"],
                  "--owner", "ag-one", "--due", "2027-09-01"],
                 ["action", "update", "A1", "--status", "closed"],
                 ["action", "list"]):
        r = subprocess.run([planner] + args + db, cwd=work,
                           capture_output=True)
        report(r.returncode == 0, "planner %s exits 0" % args[0],
               r.stderr.decode("utf-8", "replace"))
        check_terminal(r.stdout + r.stderr, "planner " + " ".join(args[:2]))
    check_json(plan)
    check_csv(out + "/roles.csv", plan)
    for d, _, files in sorted(os.walk(out)):
        for n in sorted(files):
            if n.endswith(".ics"):
                p = os.path.join(d, n)
                label = os.path.relpath(p, out)
                check_ics_syntax(p, label)
                check_ics_values(p, label)
    people = [p[1] for p in inputs.people()]
    agencies = [a[1] for a in inputs.AGENCIES]
    roles = [t["role_lead"], t["ov_role_player"]]
    items = [t["item1"], t["item2"], t["item3"]]
    contacts = [p[2] + ("; " + p[3] if p[3] is not None else "")
                for p in inputs.people()]
    head = [t["ex_name"], t["marking"]]
    check_md(out + "/checklists.md", "checklists.md",
             head + [t["cl_title"]] + items + roles + people)
    check_md(out + "/roles.md", "roles.md",
             [t["ex_name"]] + roles + people + contacts)
    check_md(out + "/checklists-by-owner.md", "checklists-by-owner.md",
             head + [t["cl_title"]] + items + roles + people + agencies +
             [t["ov_ipm_title"], t["brief_title"], t["hw_title"]])
    check_md(out + "/improvement-plan.md", "improvement-plan.md", head)
    # Who holds which role is the staffing's choice: read it from JSON.
    names = {p[0]: p[1] for p in inputs.people()}
    holders = {"lead": [], "player": []}
    for a in plan["exercises"][0]["assignments"]:
        holders[a["role"]].append(names[a["person"]])
    pdfs = sorted(os.listdir(out + "/print"))
    for n in pdfs:
        if n.endswith(".svg"):
            check_svg(os.path.join(out, "print", n), n)
        if not n.endswith(".pdf"):
            continue
        want = [t["ex_name"]]
        if n.endswith("-checklists.pdf"):
            want += items + people
        if n.endswith("-checklist-lead.pdf"):
            want += [t["item1"], t["item3"]] + holders["lead"]
        if n.endswith("-checklist-player.pdf"):
            want += [t["item2"]] + holders["player"]
        if "msel" in n or "packet-ce" in n:
            want += [t["msel_text"], t["msel_from"]]
        if "packet" in n:
            want += [t["venue"], t["address"]] + agencies
        check_pdf(os.path.join(out, "print", n), n, want)
    check_files(out)
    print("%d failed" % fails)
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
