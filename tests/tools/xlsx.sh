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
# for_people FUNDS.CSV: the funds report as a workbook shows it: a line's
# allocated and spent left empty, not 0.00, when money booked without a
# level stands on the row (no line)
for_people() {
	awk -F, -v OFS=, '
	    $1 == "(no line)" && $2 == "" { a = $5 != "0.00"; s = $6 != "0.00" }
	    { rows[NR] = $0 }
	    END {
		for (i = 1; i <= NR; i++) {
			$0 = rows[i]
			if (i > 1 && $1 != "(no line)" && $1 != "total") {
				if (a && $5 == "0.00") $5 = ""
				if (s && $6 == "0.00") $6 = ""
			}
			print
		}
	    }' "$1" > "$1.people" && mv "$1.people" "$1"
}
