# tests/tools/xlsx.sh - helpers of tests/cli/xlsx_*.sh; source it after lib.sh.
# Every workbook is read back with openpyxl (python3-openpyxl, which
# tools/deps.sh and .ci/run install) by tests/tools/xlsxcmp.py.
PY=
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import openpyxl' 2> /dev/null; then PY=$p; break; fi
done
if [ -z "$PY" ]; then
	fail "no python3 with openpyxl: apt-get install python3-openpyxl"
	done_
fi
# xcmp BOOK SHEET CSV [COL=TYPE]...: the sheet holds the CSV, typed
xcmp() { "$PY" "$TESTS/tools/xlsxcmp.py" "$@" >&2 || fail "xlsxcmp $*"; }
# sheets BOOK: the titles of its sheets, one a line
sheets() { "$PY" "$TESTS/tools/xlsxcmp.py" "$1" --sheets; }
# py CODE: run python with openpyxl at hand
py() { "$PY" -c "import openpyxl, sys; $1"; }
