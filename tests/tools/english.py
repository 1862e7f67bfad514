"""english.py - the English words left in text meant for a Chinese reader
(tests/cli/i18n_values.sh).

  english.py FILE...        text files (a table, --excel CSV, a page)
  english.py --xlsx BOOK    every cell of every sheet below the header
  english.py --html PAGE    the text of an HTML page (not its markup)

Not words: ids (P05, #78), numbers, dates, amounts, the register's file
names, the tools' names, commands and options, and what ALLOW names (the
user who made a change, on the audit trail).  Prints each word left with where it
stands; exits 1 when there is one.
"""
import html.parser
import os
import re
import sys

ALLOW = set(filter(None, os.environ.get("ALLOW", "").split()))
NOT_WORDS = re.compile(
    r"[A-Za-z0-9_.-]+\.(csv|json|py)\b"    # file names, a script's
    r"|\bvl-[a-z]+( [a-z]+([、,] ?[a-z]+)*)?"  # the tools, commands
    r"|--[a-z][a-z-]*"                     # their options
    r"|\bP[0-9]+\b"                        # project ids
    r"|[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z?"  # audit times
    r"|m²")
WORD = re.compile(r"[A-Za-z]{2,}")


def words(text):
    return [w for w in WORD.findall(NOT_WORDS.sub(" ", text))
            if w not in ALLOW]


class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.out, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("script", "style")

    def handle_endtag(self, tag):
        self.skip -= tag in ("script", "style")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def lines(argv):
    if argv[0] == "--xlsx":
        import openpyxl
        book = openpyxl.load_workbook(argv[1])
        for ws in book.worksheets:
            for r in ws.iter_rows():
                for c in r:
                    if isinstance(c.value, str):
                        yield "%s!%s" % (ws.title, c.coordinate), c.value
    elif argv[0] == "--html":
        t = Text()
        t.feed(open(argv[1], encoding="utf-8").read())
        for n, line in enumerate("".join(t.out).split("\n"), 1):
            yield "%s:%d" % (argv[1], n), line
    else:
        for f in argv:
            with open(f, encoding="utf-8-sig") as fh:
                for n, line in enumerate(fh, 1):
                    yield "%s:%d" % (f, n), line


left = 0
for where, text in lines(sys.argv[1:]):
    for w in words(text):
        print("%s: English left: %r in %r" % (where, w, text.strip()[:120]))
        left += 1
sys.exit(1 if left else 0)
