"""xlsxcmp.py - read an xlsx written by vl back with openpyxl and compare a
sheet cell by cell with the CSV of the same report (tests/cli/xlsx_*.sh).

  xlsxcmp.py BOOK --sheets               the sheet titles, one a line
  xlsxcmp.py BOOK SHEET CSV [COL=TYPE]... compare; TYPE is money, date,
                                          int or text (the default)

A sheet must have: a title row (the heading alone, in A1), then the
CSV's header, bold, frozen (A3) and filtered over the rows written; then
the CSV's rows, where an empty
field is an empty cell, text is a string cell (never a formula), int an
integer number, money a number formatted #,##0.00 whose value is the CSV
amount to the fen, date a date cell formatted yyyy-mm-dd on the CSV day;
and columns at least as wide as their text, CJK counting two, up to 60.
Below the rows there may be a totals row and notes (what a workbook adds
for people), each starting with text in column A.
Exit 0 when all holds, else 1 with every difference said.
"""
import csv
import datetime
import sys
import unicodedata
from decimal import Decimal

import re

import openpyxl
import openpyxl.reader.excel
from openpyxl.utils import get_column_letter

problems = []


def excel_strings(xml_source):
    """The shared strings as Excel reads them, every _xHHHH_ decoded;
    openpyxl 3.0 only drops "x005F_", which garbles a literal _x0041_."""
    from openpyxl.cell.text import Text
    from openpyxl.xml.constants import SHEET_MAIN_NS
    from openpyxl.xml.functions import iterparse

    strings = []
    for _, node in iterparse(xml_source):
        if node.tag == "{%s}si" % SHEET_MAIN_NS:
            strings.append(re.sub(r"_x([0-9A-Fa-f]{4})_",
                                  lambda m: chr(int(m.group(1), 16)),
                                  Text.from_tree(node).content))
            node.clear()
    return strings


if hasattr(openpyxl.reader.excel, "read_string_table"):
    openpyxl.reader.excel.read_string_table = excel_strings


def bad(where, what):
    problems.append(f"{where}: {what}")


def width(s):
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1
               for ch in s)


def check_cell(where, cell, want, kind):
    v = cell.value
    if cell.data_type == "f" or (isinstance(v, str) and cell.data_type != "s"):
        bad(where, f"not a string cell: {cell.data_type} {v!r}")
        return
    if want == "":
        if v is not None:
            bad(where, f"{v!r} where the CSV is empty")
        return
    if kind == "text":
        if cell.data_type != "s" or v != want:
            bad(where, f"{v!r} ({cell.data_type}) is not the text {want!r}")
    elif kind == "int":
        if cell.data_type != "n" or isinstance(v, bool) or v != int(v) \
                or str(int(v)) != want:
            bad(where, f"{v!r} ({cell.data_type}) is not the integer {want}")
    elif kind == "money":
        if cell.data_type != "n" or isinstance(v, bool):
            bad(where, f"{v!r} ({cell.data_type}) is not a number ({want})")
        elif Decimal(str(v)).quantize(Decimal("0.01")) != Decimal(want):
            bad(where, f"{v!r} is not the amount {want} to the fen")
        elif cell.number_format != "#,##0.00":
            bad(where, f"number format {cell.number_format!r}")
    elif kind == "date":
        if not isinstance(v, datetime.datetime) or \
                v.date().isoformat() != want or \
                (v.hour, v.minute, v.second) != (0, 0, 0):
            bad(where, f"{v!r} is not the date {want}")
        elif cell.number_format != "yyyy-mm-dd":
            bad(where, f"number format {cell.number_format!r}")
    else:
        sys.exit(f"xlsxcmp: unknown type {kind}")


def compare(ws, rows, types):
    name = ws.title
    header = rows[0]
    ncols, nrows = len(header), len(rows)
    last = f"{get_column_letter(ncols)}{nrows + 1}"
    title = [c.value for c in ws[1]]
    if not isinstance(title[0], str) or any(v is not None for v in title[1:]):
        bad(name, f"row 1 is not a title: {title!r}")
    if ws.freeze_panes != "A3":
        bad(name, f"header not frozen: freeze_panes {ws.freeze_panes!r}")
    if ws.auto_filter.ref != f"A2:{last}":
        bad(name, f"autofilter {ws.auto_filter.ref!r}, not A2:{last}")
    if ws.max_row < nrows + 1 or ws.max_column != ncols:
        bad(name, f"{ws.max_row} rows x {ws.max_column} columns, the CSV "
            f"{nrows} x {ncols} under a title")
    for r in range(nrows + 2, ws.max_row + 1):
        first = ws.cell(row=r, column=1).value
        if any(c.value is not None for c in ws[r]) and \
                not isinstance(first, str):
            bad(f"{name}!A{r}", f"a row after the data not a total or a "
                f"note: {[c.value for c in ws[r]]!r}")
    for c, want in enumerate(header, 1):
        cell = ws.cell(row=2, column=c)
        if cell.value != want or cell.data_type != "s":
            bad(f"{name}!{cell.coordinate}", f"header {cell.value!r}, not "
                f"{want!r}")
        if not cell.font.b:
            bad(f"{name}!{cell.coordinate}", "header not bold")
    for col in types:
        if col not in header:
            bad(name, f"no column {col}")
    for r, row in enumerate(rows[1:], 3):
        if len(row) != ncols:
            bad(f"CSV line {r - 1}", "ragged")
            continue
        for c, want in enumerate(row, 1):
            cell = ws.cell(row=r, column=c)
            check_cell(f"{name}!{cell.coordinate} ({header[c - 1]})", cell,
                       want, types.get(header[c - 1], "text"))
    for c in range(1, ncols + 1):
        letter = get_column_letter(c)
        text = [rows[r][c - 1] for r in range(nrows)
                if len(rows[r]) == ncols]
        need = min(max(width(t) for t in text), 60)
        got = ws.column_dimensions[letter].width or 0
        if got < need or got > 62:
            bad(f"{name}!{letter}", f"width {got} for text {need} wide")


def main(argv):
    if len(argv) == 3 and argv[2] == "--sheets":
        for ws in openpyxl.load_workbook(argv[1]).worksheets:
            print(ws.title)
        return 0
    if len(argv) < 4:
        sys.exit(__doc__)
    book, sheet, csvfile = argv[1:4]
    types = dict(a.split("=", 1) for a in argv[4:])
    wb = openpyxl.load_workbook(book)
    if sheet not in wb.sheetnames:
        print(f"xlsxcmp: {book}: no sheet {sheet!r} in {wb.sheetnames}")
        return 1
    with open(csvfile, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    compare(wb[sheet], rows, types)
    for p in problems:
        print(f"xlsxcmp: {book}: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
