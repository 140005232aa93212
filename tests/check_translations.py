"""check_translations.py: list the texts of templates that have a Spanish
variant but not the Ukrainian one, so a template that promises three
languages cannot quietly drop one (tests/cli/templates.t runs it).

Usage: check_translations.py FILE...   Prints one line per such text and
the count of files read; the exit status is 1 when any text lacks it."""
import sys

import yaml


def texts(node):
    """Every text in several languages under node: mappings of strings
    that include 'en'."""
    if isinstance(node, dict):
        if "en" in node and all(isinstance(v, str) for v in node.values()):
            yield node
            return
        for v in node.values():
            yield from texts(v)
    elif isinstance(node, list):
        for v in node:
            yield from texts(v)


def main(files):
    missing = 0
    for f in files:
        with open(f, encoding="utf-8") as fp:
            for doc in yaml.safe_load_all(fp):
                for t in texts(doc):
                    if "es" in t and "uk" not in t:
                        print("%s: no uk: %s" % (f, t["en"][:60]))
                        missing += 1
    print(len(files), "files checked")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
