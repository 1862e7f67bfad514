"""pdfrows.py - is a workbook printed whole, row by row?  (tests/cli/
xlsx_print.sh)

  pdfrows.py BOOK.xlsx BOOK.pdf

The PDF is the workbook printed (LibreOffice headless), its sheets one
after another.  Every row of every sheet below its header must stand on
one line of one page: its first cell and its last non-empty cell both
there (blanks ignored, a long text by its first 12 characters).  Prints
each row that is not; exits 1 when there is one.
"""
import datetime
import re
import subprocess
import sys

import openpyxl


def shown(cell):
    v = cell.value
    if isinstance(v, datetime.datetime):
        return v.date().isoformat()
    if isinstance(v, float) or (isinstance(v, int) and
                                cell.number_format == "#,##0.00"):
        return f"{v:,.2f}"
    return str(v)[:12]


def squeeze(s):
    return re.sub(r"\s+", "", s)


def pages(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True,
                          check=True).stdout
    n = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    for i in range(1, n + 1):
        text = subprocess.run(["pdftotext", "-layout", "-f", str(i), "-l",
                               str(i), pdf, "-"], capture_output=True,
                              text=True, check=True).stdout
        yield [squeeze(line) for line in text.split("\n")]


def main(book, pdf):
    lines = [line for page in pages(pdf) for line in page]
    bad = 0
    for ws in openpyxl.load_workbook(book).worksheets:
        for row in ws.iter_rows(min_row=3):
            cells = [c for c in row if c.value not in (None, "")]
            if len(cells) < 2:
                continue
            first, last = squeeze(shown(cells[0])), squeeze(shown(cells[-1]))
            if not any(first in line and last in line for line in lines):
                print(f"{ws.title}!{cells[0].coordinate}: {first} ... {last} "
                      "not on one line of one page")
                bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
