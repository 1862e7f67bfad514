# vl-report summary --format xlsx -o FILE: one workbook for the meeting,
# real sheets: the page's figures, the open findings, then the overdue
# list, progress and funds, each the same as that report's own CSV
. "$TESTS/lib.sh"
. "$TESTS/tools/xlsx.sh"

demo d
day=2023-06-15
expect 0 vl-report -C d summary --as-of $day
mv out page.txt
for r in overdue progress funds; do
	vl-report -C d $r --as-of $day > $r.csv
done
for_people funds.csv
expect 0 vl-report -C d summary --as-of $day --format xlsx -o meeting.xlsx
[ -s out ] && fail "the workbook went to stdout"
sheets meeting.xlsx > got
printf '%s\n' "汇总 $day" "问题整改 $day" "逾期清单 $day" "进度 $day" \
    "资金 $day" > want
same got want
xcmp meeting.xlsx "逾期清单 $day" overdue.csv due=date days_late=int days_left=int
xcmp meeting.xlsx "进度 $day" progress.csv projects=int reviewed=int \
    started=int completed=int accepted=int open_findings=int \
    overdue_findings=int
xcmp meeting.xlsx "资金 $day" funds.csv plan=money received=money \
    allocated=money spent=money remaining=money
# the page's figures as numbers, a row each, under a title row; the
# items late those of the overdue sheet: 四's 17 and 五's late task
late=$(awk -F, '$10 == "late"' overdue.csv | wc -l)
[ "$late" = 18 ] || fail "the demo's overdue list: $late late, not 17 + 1"
py "
ws = openpyxl.load_workbook('meeting.xlsx')['汇总 $day']
assert ws.freeze_panes == 'A3', ws.freeze_panes
assert ws['A1'].value.startswith('村级组织活动场所建设(第一批) — 汇总'), ws['A1'].value
rows = {r[0].value: [c.value for c in r] for r in ws.iter_rows(min_row=3)}
assert rows['动工 started'][1:4] == [48, 50, '96.0%'], rows['动工 started']
assert rows['plan'][4] == 1847000, rows['plan']
assert rows['支出 spent'][4] == 1486033.3, rows['支出 spent']
assert rows['open findings'][1] == 6 and rows['open findings'][5] == '4 past due'
assert rows['items late'][1] == $late and rows['items late'][5] == '4 flagged', rows['items late']
f = openpyxl.load_workbook('meeting.xlsx')['问题整改 $day']
got = [(r[0].value, r[1].value) for r in f.iter_rows(min_row=3)]
assert got == [('safety', '78'), ('safety', '113'), ('quality', '95'),
    ('quality', '104'), ('funds', '100'), ('funds', '112')], got
assert f['I3'].value == 71 and f['H3'].number_format == 'yyyy-mm-dd'
" || fail "the summary's sheets"
# in Chinese the same figures, the words Chinese
expect 0 vl-report -C d summary --as-of $day --format xlsx -o zh.xlsx --lang zh
py "
ws = openpyxl.load_workbook('zh.xlsx')['汇总 $day']
rows = {r[0].value: [c.value for c in r] for r in ws.iter_rows(min_row=3)}
assert rows['动工'][1:4] == [48, 50, '96.0%'], rows
assert rows['未销号问题'][5] == '逾期 4 项', rows['未销号问题']
assert [c.value for c in ws[2]] == ['指标', '笔数', '应有', '比例', '金额', '备注'], [c.value for c in ws[2]]
" || fail "the Chinese summary's sheets"

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
