# A workbook is for people: under --lang zh its header row is Chinese, its
# words (kind, status) and details Chinese, the other cells those of the
# English workbook, cell for cell.
. "$TESTS/lib.sh"
. "$TESTS/tools/xlsx.sh"
demo d
day=2023-06-15
expect 0 vl-report -C d overdue --as-of $day --format xlsx -o en.xlsx
expect 0 vl-report -C d overdue --as-of $day --format xlsx -o zh.xlsx --lang zh
expect 0 vl-report -C d overdue --as-of $day
mv out overdue.csv
xcmp en.xlsx "逾期清单 $day" overdue.csv due=date days_late=int days_left=int
py "
en = openpyxl.load_workbook('en.xlsx').worksheets[0]
zh = openpyxl.load_workbook('zh.xlsx').worksheets[0]
head = [c.value for c in zh[2]]
want = ['类型', '项目', '镇', '村', '领导', '专干', '截止日期', '逾期天数',
        '剩余天数', '状态', '说明']
if head != want:
    sys.exit('zh header %r' % head)
if [c.value for c in en[2]] != open('overdue.csv').readline().strip().split(','):
    sys.exit('en header %r' % [c.value for c in en[2]])
rows = lambda ws: [[c.value for c in r] for r in ws.iter_rows(min_row=3)]
keep = lambda r: [v for i, v in enumerate(r) if i not in (0, 9, 10)]
if [keep(r) for r in rows(en)] != [keep(r) for r in rows(zh)] or len(rows(zh)) < 5:
    sys.exit('rows differ')
import re
for r in rows(zh):
    for v in (r[0], r[9], r[10]):
        if v and re.search('[A-Za-z]{2,}', re.sub('P[0-9]+|[a-z]+[.]csv', '', v)):
            sys.exit('English left in %r' % r)
if zh.title != en.title or not zh[2][0].font.b or zh.freeze_panes != 'A3':
    sys.exit('sheet %r %r' % (zh.title, zh.freeze_panes))
# a column as wide as its Chinese header, two a character, and the filter
if zh.column_dimensions['H'].width < 10:
    sys.exit('逾期天数 column too narrow: %r' % zh.column_dimensions['H'].width)
" || fail "the Chinese workbook"
done_
