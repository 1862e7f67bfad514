# vl-report --format xlsx -o FILE: every report read back with openpyxl is
# its CSV cell by cell: counts as numbers, amounts as numbers to the fen
# formatted #,##0.00, dates as dates; header bold, frozen and filtered;
# the sheet named after the report and the day
. "$TESTS/lib.sh"
. "$TESTS/tools/xlsx.sh"

demo d
day=2023-06-15
# report NAME SHEET ARGS... : CSV and workbook of one report, compared
report() {
	name=$1 sheet=$2
	shift 2
	expect 0 vl-report -C d "$@" --as-of $day
	mv out "$name.csv"
	expect 0 vl-report -C d "$@" --as-of $day --format xlsx -o "$name.xlsx"
	[ -s out ] && fail "$name: xlsx wrote to stdout"
	[ "$(sheets "$name.xlsx")" = "$sheet" ] || fail "$name: sheets $(sheets "$name.xlsx")"
}
report overdue "逾期清单 $day" overdue --within 30
xcmp overdue.xlsx "逾期清单 $day" overdue.csv due=date days_late=int days_left=int
grep -q ',due-soon,' overdue.csv || fail "no item coming due to test"
grep -q ',flag,' overdue.csv || fail "no flag (no days late) to test"
report progress "进度 $day" progress
xcmp progress.xlsx "进度 $day" progress.csv projects=int reviewed=int \
    started=int completed=int accepted=int open_findings=int \
    overdue_findings=int
report projects "项目进度 $day" progress --by project
xcmp projects.xlsx "项目进度 $day" projects.csv reviewed=date started=date \
    completed=date accepted=date open_findings=int overdue_findings=int
report funds "资金 $day" funds
for_people funds.csv
xcmp funds.xlsx "资金 $day" funds.csv plan=money received=money \
    allocated=money spent=money remaining=money
report audit "变更记录 $day" audit
xcmp audit.xlsx "变更记录 $day" audit.csv seq=int
# every title row names the register, the audit's too (its plan read for
# the name alone); one whose plan.json was spoiled by hand is still
# audited, its title without the name
for b in overdue progress funds audit; do
	py "
a1 = openpyxl.load_workbook('$b.xlsx').worksheets[0]['A1'].value
assert a1.startswith('村级组织活动场所建设(第一批) — '), a1
" || fail "$b.xlsx: the title row does not name the register"
done
py "
a1 = openpyxl.load_workbook('audit.xlsx').worksheets[0]['A1'].value
assert a1 == '村级组织活动场所建设(第一批) — 变更记录, as of $day', a1
" || fail "audit.xlsx: title row"
demo spoilt
echo '{' > spoilt/plan.json
expect 0 vl-report -C spoilt audit --as-of $day --format xlsx -o spoilt.xlsx
has err 'plan.json: changed outside the vl tools'
hasnt err 'column'
py "
a1 = openpyxl.load_workbook('spoilt.xlsx').worksheets[0]['A1'].value
assert a1 == '变更记录, as of $day', a1
" || fail "spoilt.xlsx: title row"

# the figures the seed names, as numbers Excel sums exactly
py "
ws = openpyxl.load_workbook('funds.xlsx').worksheets[0]
rows = [[c.value for c in r] for r in ws.iter_rows()]
total = [r for r in rows if r[0] == 'total'][0]
assert total[2] == 1847000, total
assert ws['C3'].number_format == '#,##0.00'
" || fail "funds.xlsx: the plan's total is not 1847000 as a number"

# --check still exits 1, the workbook written all the same
expect 1 vl-report -C d overdue --as-of $day --check
mv out check.csv
expect 1 vl-report -C d overdue --as-of $day --check --format xlsx -o check.xlsx
xcmp check.xlsx "逾期清单 $day" check.csv due=date days_late=int days_left=int
# written again over the old one; nothing beside it
expect 0 vl-report -C d funds --as-of $day --format xlsx -o funds.xlsx
xcmp funds.xlsx "资金 $day" funds.csv plan=money received=money \
    allocated=money spent=money remaining=money
ls -A | grep '\.vl-' && fail "a temp file left behind"
done_
