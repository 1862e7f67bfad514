# vl-report summary, funds and briefing of some projects (SPEC 8: every
# report takes the filters named after columns): --town, --village,
# --project, --leader, --specialist keep those projects and what is
# theirs.  Every figure is checked against another tool's: the projects
# kept against projects.csv, the money against vl-fund balance (each
# project's own sums, another code path), the findings against vl-inspect
# list, the late items against vl-report overdue of the same filter.
. "$TESTS/lib.sh"
. "$TESTS/tools/xlsx.sh"

demo reg
export VL_AS_OF=2023-06-15
town=青山镇
# the sum of a money column of a CSV (yuan with two decimals), exact
money_sum() {
	awk -F, -v c="$2" 'NR > 1 { split($c, a, "."); s += a[1] * 100 + a[2] }
	    END { printf "%d.%02d\n", s / 100, s % 100 }' "$1"
}
projects=$(awk -F, -v t="$town" 'NR > 1 && $2 == t' reg/projects.csv | wc -l)
[ "$projects" -gt 5 ] || fail "the demo has too few projects in $town"
expect 0 vl-fund -C reg balance --town "$town"
cp out balance
budget=$(money_sum balance 6)
allocated=$(money_sum balance 7)
spent=$(money_sum balance 8)
[ "$allocated" != 0.00 ] || fail "nothing allocated in $town"

# ---- summary -------------------------------------------------------------
expect 0 vl-report -C reg summary --town "$town"
cp out page
head -n 1 page | grep -q " — town $town\$" || fail "the title names no filter"
has page "动工 started    "
grep -q "started .* / $projects " page || fail "started not out of $projects"
hasnt page "the plan names"
has page "Funds of the $projects projects kept"
grep -q "下拨 allocated .* $allocated\$" page || fail "allocated: not $allocated"
grep -q "支出 spent .* $spent " page || fail "spent: not $spent"
left=$(awk -v a="$allocated" -v s="$spent" 'BEGIN {
    split(a, x, "."); split(s, y, "."); d = x[1] * 100 + x[2] - y[1] * 100 - y[2]
    printf "%d.%02d", d / 100, d % 100 }')
grep -q "结余 remaining .* $left  allocated - spent" page ||
    fail "remaining: not $left"
hasnt page "到位 received"
# the findings: those vl-inspect list gives of the town, and no other
expect 0 vl-inspect -C reg list --open --town "$town"
open=$(($(wc -l < out) - 1))
has page "Open findings: $open,"
for id in $(tail -n +2 out | cut -d, -f1); do
	grep -q "#$id " page || fail "finding #$id not on the page"
done
sed -n '/^三、/,/^四、/p' page > found
[ "$(grep -c ' #[0-9]' found)" -eq "$open" ] || fail "findings: not $open"
# the late projects: those of the overdue list of the town, each once
expect 0 vl-report -C reg overdue --town "$town"
tail -n +2 out | cut -d, -f2 | sort -u > want
sed -n '/^四、逾期/,/^五、/p' page | grep '^  P' | awk '{print $1}' | sort > got
same got want
[ -s want ] || fail "no late project in $town"
# nobody else's: every project named on the page is of the town
grep '^  P[0-9]' page | grep -v " $town" && fail "a project of another town"
# tasks have no town: none on a town's page
hasnt page "五、其他任务"

# a leader's page: their projects, and their tasks as owner
leader=$(awk -F, 'NR > 1 { print $4; exit }' reg/tasks.csv)
expect 0 vl-report -C reg summary --leader "$leader"
has out "— leader $leader"
has out "五、其他任务 Tasks: "
# two filters both, a filter given twice either
expect 0 vl-report -C reg summary --town "$town" --town 河口镇
n=$(awk -F, 'NR > 1 && ($2 == "青山镇" || $2 == "河口镇")' reg/projects.csv | wc -l)
grep -q "started .* / $n " out || fail "two towns: not out of $n"
has out "town 青山镇/河口镇"
expect 0 vl-report -C reg summary --town "$town" --leader 莫伟
grep -q "started .* / 1 " out || fail "town and leader: not one project"
# a value nobody holds: an empty page, exit 0
expect 0 vl-report -C reg summary --town 无此镇
grep -q "started .* 0 / 0" out || fail "nobody: not 0 / 0"
has out "no project of the register: town 无此镇"
hasnt out "every village has started"

# the same page in Chinese: no English word of the money section
expect 0 vl-report -C reg summary --town "$town" --lang zh
has out "— 镇 $town"
has out "二、资金：所筛选的 $projects 个项目，预算"
has out "下拨减支出"
hasnt out "Funds"
hasnt out "receipts"

# the workbook's figures: budget, allocated, spent, no receipt
expect 0 vl-report -C reg summary --town "$town" --format xlsx -o book.xlsx
vl-report -C reg overdue --town "$town" > overdue.csv
xcmp book.xlsx "逾期清单 $VL_AS_OF" overdue.csv due=date days_late=int \
    days_left=int
py "
ws = openpyxl.load_workbook('book.xlsx')['汇总 $VL_AS_OF']
rows = {r[0].value: [c.value for c in r] for r in ws.iter_rows(min_row=3)}
assert rows['动工 started'][2] == $projects, rows['动工 started']
assert rows['budget'][4] == $budget and rows['budget'][5] == 'town $town', rows['budget']
assert rows['下拨 allocated'][4] == $allocated, rows['下拨 allocated']
assert rows['结余 remaining'][5] == 'allocated - spent', rows['结余 remaining']
assert 'plan' not in rows and '到位 received' not in rows, list(rows)
" || fail "the town's workbook"
# every sheet's title row names the part of the register it is about
py "
wb = openpyxl.load_workbook('book.xlsx')
for ws in wb.worksheets[1:]:
    assert '(town $town) — ' in ws['A1'].value, (ws.title, ws['A1'].value)
" || fail "a sheet of the town's workbook not titled with the town"
expect 0 vl-report -C reg summary --format xlsx -o whole.xlsx
py "
ws = openpyxl.load_workbook('whole.xlsx').worksheets[2]
assert 'town' not in ws['A1'].value, ws['A1'].value
" || fail "the whole register's sheets titled with a filter"

# ---- funds ---------------------------------------------------------------
expect 0 vl-report -C reg funds --town "$town"
cp out funds
has funds "total,,,,$allocated,$spent,"
# no plan, no receipt, no remaining on any row: they are the register's
awk -F, 'NR > 1 && ($3 != "" || $4 != "" || $7 != "")' funds > bad
[ -s bad ] && fail "a plan, receipt or remaining on a town's row: $(cat bad)"
# a row for each row of the whole report, the same lines and levels
expect 0 vl-report -C reg funds
cut -d, -f1,2 out > want
cut -d, -f1,2 funds > got
same got want
expect 0 vl-report -C reg funds --town "$town" --format table
has out "The money of the $projects projects kept"
expect 0 vl-report -C reg funds --town "$town" --format table --lang zh
has out "以上为所筛选的 $projects 个项目的下拨和支出"

# ---- briefing ------------------------------------------------------------
expect 0 vl-report -C reg briefing --town "$town"
has out "<span id=\"narrowed\">镇 $town</span> · $projects 个村"
has out "预算 <span id=\"total-wan\">"
has out "<span id=\"total\">$budget</span>"
has out "<span id=\"allocated\">$allocated</span>"
hasnt out "<p class=\"label\">资金到位"
has out "<td class=\"num\">$budget</td><td class=\"num\">$allocated</td>"
# the note under the table a caption, as the whole register's is
has out "<figcaption>结余 = 下拨 − 支出。"
expect 0 vl-report -C reg briefing
has out "<p class=\"label\">资金到位"
hasnt out "id=\"narrowed\""

# several registers: tests/cli/rollup_narrowed.sh
done_
