# vl-report summary --format xlsx -o FILE: one workbook for the meeting,
# the page and then the overdue list, progress and funds a sheet each,
# each sheet the same as that report's own CSV
. "$TESTS/lib.sh"
. "$TESTS/tools/xlsx.sh"

demo d
day=2023-06-15
expect 0 vl-report -C d summary --as-of $day
mv out page.txt
for r in overdue progress funds; do
	vl-report -C d $r --as-of $day > $r.csv
done
expect 0 vl-report -C d summary --as-of $day --format xlsx -o meeting.xlsx
[ -s out ] && fail "the workbook went to stdout"
sheets meeting.xlsx > got
printf '%s\n' "汇总 $day" "逾期清单 $day" "进度 $day" "资金 $day" > want
same got want
xcmp meeting.xlsx "逾期清单 $day" overdue.csv due=date days_late=int
xcmp meeting.xlsx "进度 $day" progress.csv projects=int reviewed=int \
    started=int completed=int accepted=int open_findings=int \
    overdue_findings=int
xcmp meeting.xlsx "资金 $day" funds.csv plan=money received=money \
    allocated=money spent=money remaining=money
# the page, a line a row: the text summary prints
py "
ws = openpyxl.load_workbook('meeting.xlsx')['汇总 $day']
assert ws.freeze_panes == 'A2'
for r in ws.iter_rows():
    assert r[0].data_type in ('s', 'n') and len(r) == 1
    print((r[0].value or '').rstrip())
" > sheet.txt || fail "the page sheet"
same sheet.txt page.txt
has sheet.txt "184.70万元 in all (1,847,000.00 yuan)"

# the same in GB18030 is no different: a workbook is always Unicode
expect 0 vl-report -C d summary --as-of $day --format xlsx --encoding gb18030 \
    -o meeting2.xlsx
sheets meeting2.xlsx > got2
same got2 want
# plain text still refuses json, table and --excel; xlsx needs a file
expect 2 vl-report -C d summary --as-of $day --format json
expect 2 vl-report -C d summary --as-of $day --format table
expect 2 vl-report -C d summary --as-of $day --excel
expect 2 vl-report -C d summary --as-of $day --format xlsx
has err "-o FILE"
# the text page to a file with -o, byte for byte what stdout gets
expect 0 vl-report -C d summary --as-of $day -o page2.txt
same page2.txt page.txt
done_
