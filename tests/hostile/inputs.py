"""inputs.py: the hostile names, and the roster and exercise that carry them.

Each text a person could type into a roster, a template or an exercise
is one of these strings; check.py writes them as YAML (every string
double-quoted with JSON escapes, which YAML reads the same way), plans
the exercise and reads every output back. PyYAML reads the files first
and must find these very strings, so the suite tests planner and not
the way the YAML was written.
"""

LONG = "Long " + "abcdefghij\u00e9\u0416" * 400 + " end"

# Name -> text. Each targets a writer: iCalendar (CR/LF, ; , : \ and
# property or parameter syntax), CSV (quotes, formula starters), Markdown
# (emphasis, links, tables, headings, HTML), JSON (quotes, backslashes,
# control characters), the terminal (escape sequences) and PDF (scripts
# and combining marks).
T = {
    "ics_crlf": "Ana\r\nDTSTART:19700101T000000Z\r\nBEGIN:VALARM",
    "ics_lf": "Line one\nATTENDEE;CN=evil:mailto:x@evil.example\nEND:VEVENT",
    "ics_cr": "\rCR first\rthen CR",
    "ics_param": "Bo;ROLE=CHAIR;X-EVIL=\"a:b\",c:mailto:bo@evil.example",
    "punct": "O'Brien \"The Hammer\" ; , : \\ \\n \\; back\\slash",
    "html": "<script>alert('x')</script> &amp; &lt;b&gt; <b onmouseover=alert(1)>bold</b>",
    "md": "# *bold* _it_ **strong** [x](javascript:alert(1)) | pipe | `code` ![i](http://x/i.png) ~~del~~ <http://auto.example>",
    "md_list": "- not a list item\n+ nor this\n1. nor this\n> nor a quote\n---\n=====",
    "md_table": "| a | b |\n| --- | --- |\n| c | d |",
    "formula_eq": "=HYPERLINK(\"http://evil.example\",\"click\")",
    "formula_plus": "+1 602 555 0100",
    "formula_minus": "-2+3+cmd|' /C calc'!A0",
    "formula_at": "@SUM(A1:A9)",
    "formula_tab": "\tTabbed=1+1",
    "formula_cr": "\r=1+1",
    "quote_first": "'=already quoted",
    "cyrillic": "\u041e\u043b\u0435\u043d\u0430 \u041a\u043e\u0432\u0430\u043b\u0435\u043d\u043a\u043e \u0406\u0457",
    "rtl": "\u200f\u202eevil\u202c \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 \u200e",
    "emoji": "\U0001f681 drone \U0001f1fa\U0001f1e6 \U0001f468\u200d\U0001f469\u200d\U0001f467",
    "combining": "e\u0301cole Zo\u0308e a\u0300\u0301\u0302\u0303\u0304 \ufb01",
    "ansi": "\x1b[31mred\x1b[0m \x1b]0;title\x07 bell\x07 nul-free",
    "path": "../../etc/passwd /tmp/x\\..\\y C:\\z",
    "long": LONG,
    "mixed": "Ops: \"Dust, Devil\"; <i>2027</i>\r\n| *Phase* 2 | =go\\\x1b[2J",
}

EMAILS = {
    "plain": "ana.ruiz@example.gov",
    "formula": "=cmd|'x'!A0@evil.example",
    "plus": "+ops+tag@example.gov",
    "minus": "-dash@example.gov",
    "quote": "o'hara&co@example.gov",
}


def people():
    """(id, name, email, phone, agency) of each person."""
    names = ["ics_crlf", "ics_lf", "ics_cr", "ics_param", "punct", "html",
             "md", "md_list", "md_table", "formula_eq", "formula_plus",
             "formula_minus", "formula_at", "formula_tab", "formula_cr",
             "quote_first", "cyrillic", "rtl", "emoji", "combining",
             "ansi", "path", "long", "mixed"]
    ids = ["p-" + n.replace("_", "-") for n in names]
    ids[0] = "A..b.c"               # dots inside an id feed file names
    ids[1] = "x" * 64               # the longest id
    ids[2] = "9_-.-_9"
    emails = list(EMAILS.values())
    phones = [T["formula_plus"], T["formula_minus"], T["formula_at"],
              T["formula_eq"], T["punct"], None]
    out = []
    for i, n in enumerate(names):
        out.append((ids[i], T[n], emails[i % len(emails)],
                    phones[i % len(phones)],
                    ["ag-one", "ag.two", "ag_three"][i % 3]))
    return out


AGENCIES = [
    ("ag-one", "    " + T["mixed"], "US", "America/Phoenix",
     {"name": T["formula_eq"], "email": EMAILS["formula"],
      "phone": T["formula_plus"]}),
    ("ag.two", T["html"] + " " + T["md"], "MX", "America/Mexico_City",
     {"name": T["rtl"], "email": EMAILS["quote"], "phone": T["ics_crlf"]}),
    ("ag_three", "1. " + T["cyrillic"] + " " + T["ics_param"], "US",
     "America/Phoenix", {"name": T["ansi"], "phone": T["formula_at"]}),
]

# The template, the exercise and its overrides: text -> hostile value.
TEXT = {
    "tpl_name": T["md"],
    "tpl_description": T["md_list"],
    "conduct_title": T["ics_lf"],
    "objective": T["html"],
    "role_lead": T["md_table"],
    "role_player": T["formula_minus"],
    "ipm_title": T["ics_crlf"],          # replaced by the override below
    "ipm_description": T["punct"] + "\n" + T["md_list"],
    "ipm_location": T["ics_param"],
    "brief_title": T["html"],
    "brief_description": T["long"],
    "brief_location": T["rtl"],
    "hw_title": T["emoji"] + " " + T["combining"],
    "msel_method": T["formula_at"],
    "msel_from": T["ics_param"],
    "msel_to": T["cyrillic"],
    "msel_text": T["mixed"] + "\n" + T["md"],
    "msel_expected": T["ansi"],
    "cl_title": T["md"],
    "item1": T["formula_eq"],
    "item2": T["md_table"],
    "item3": T["ics_crlf"] + " " + T["emoji"],
    "ex_name": T["mixed"],
    "ex_description": T["html"],
    "venue": T["punct"],
    "address": T["path"],
    "organiser": T["quote_first"] + " " + T["ics_param"],
    "organiser_email": EMAILS["quote"],
    "marking": "SECRET//<b>NOFORN</b> *x* | y\r\n=z",
    "ov_ipm_title": T["ics_crlf"] + " " + T["formula_eq"],
    "ov_ipm_location": T["md"],
    "ov_role_player": T["formula_at"] + " " + T["rtl"] + " " + T["punct"],
}
