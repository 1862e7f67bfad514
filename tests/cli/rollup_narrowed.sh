# vl-report summary, funds and briefing of several registers (SPEC 9) with
# a filter on the projects' columns (SPEC 8): each district's book narrowed
# to the projects kept before the money is added up, as one register's is.
# Every figure is checked against another code path: the money against
# the sum over the districts of vl-fund balance --town, each register
# alone; the late items against vl-report overdue --town over the same
# registers; the projects kept against projects.csv.
. "$TESTS/lib.sh"
. "$TESTS/tools/xlsx.sh"

cp -R "$SHARE/rollup" r
export VL_AS_OF=2023-06-15
two="-C r/qingshan -C r/baishui"
town=青山镇
# the sum of a money column of CSVs (yuan with two decimals), exact
money_sum() {
	c=$1
	shift
	awk -F, -v c="$c" 'FNR > 1 { split($c, a, "."); s += a[1] * 100 + a[2] }
	    END { printf "%d.%02d\n", s / 100, s % 100 }' "$@"
}
# a - b, yuan with two decimals
money_diff() {
	awk -v a="$1" -v b="$2" 'BEGIN { split(a, x, "."); split(b, y, ".")
	    d = x[1] * 100 + x[2] - y[1] * 100 - y[2]
	    printf "%d.%02d", d / 100, d % 100 }'
}
for d in qingshan baishui; do
	expect 0 vl-fund -C r/$d balance --town "$town"
	cp out bal.$d
done
budget=$(money_sum 6 bal.qingshan bal.baishui)
allocated=$(money_sum 7 bal.qingshan bal.baishui)
spent=$(money_sum 8 bal.qingshan bal.baishui)
left=$(money_diff "$allocated" "$spent")
[ "$allocated" != 0.00 ] && [ -n "$allocated" ] || fail "nothing allocated"
projects=$(cat r/qingshan/projects.csv r/baishui/projects.csv |
    awk -F, -v t="$town" '$2 == t' | wc -l)
# both districts have projects in the town, and money moved in both
[ "$(($(wc -l < bal.baishui) - 1))" -gt 0 ] || fail "no $town in 白水区"
[ "$(money_sum 7 bal.baishui)" != 0.00 ] || fail "nothing allocated in 白水区"
[ "$(money_sum 7 bal.qingshan)" != 0.00 ] || fail "nothing allocated in 青山区"
expect 0 vl-report $two overdue --town "$town"
cp out overdue
late=$(awk -F, 'NR > 1 && $11 == "late"' overdue | wc -l)
[ "$late" -gt 0 ] || fail "nothing late in $town"

# ---- summary -------------------------------------------------------------
expect 0 vl-report $two summary --town "$town"
cp out page
head -n 1 page | grep -q "^2 districts — .* — town $town\$" ||
    fail "the title names no filter: $(head -n 1 page)"
has page "Progress: 2 districts, $projects projects kept"
grep -q "动工 started .* / $projects " page || fail "started not out of $projects"
has page "Funds of the $projects projects kept"
grep -q "($(echo "$budget" | sed 's/\(...\)\./,\1./') yuan)" page ||
    fail "budget: not $budget"
grep -q "下拨 allocated .* $allocated\$" page || fail "allocated: not $allocated"
grep -q "支出 spent .* $spent\$" page || fail "spent: not $spent"
grep -q "结余 remaining .* $left  allocated - spent" page ||
    fail "remaining: not $left"
hasnt page "到位 received"
hasnt page "多方筹集"
has page "receipts are the districts', not a project's"
# the late projects: those of the overdue list, each once, by district
tail -n +2 overdue | cut -d, -f1,3 | sort -u > want
sed -n '/^五、逾期/,$p' page | grep '^  [^ ]*区 ' | awk '{print $1 "," $2}' |
    sort > got
same got want
has page "Who is late: $late items late"
# the ranking: each district's late items of the town, no money received
for d in 青山区 白水区; do
	n=$(awk -F, -v d="$d" 'NR > 1 && $1 == d && $11 == "late"' overdue |
	    wc -l)
	grep -q "^ *[0-9] $d .* late *$n  received *-\$" page ||
	    fail "$d ranked without its $n late items"
done
has page "Districts ranked: started, completed, late items, of the projects kept"

# the same registers in the other order: the same page
expect 0 vl-report -C r/baishui -C r/qingshan summary --town "$town"
same out page

# a town of one district: the other shows nothing, not an error
expect 0 vl-report $two summary --town 河口镇
n=$(awk -F, '$2 == "河口镇"' r/qingshan/projects.csv | wc -l)
has out "Progress: 2 districts, $n projects kept"
grep -q "^ *[0-9] 白水区 *started *- *completed *- *late *0 " out ||
    fail "白水区 not a district of nothing"
# a town of none: said, exit 0
expect 0 vl-report $two summary --town 无此镇
has out "no project of the registers: town 无此镇"
has out "Funds of the 0 projects kept: budget 0.00万元"
hasnt out "到位 received"
# --district with it: that district's projects of the town only
expect 0 vl-report $two summary --town "$town" --district 白水区
n=$(awk -F, -v t="$town" '$2 == t' r/baishui/projects.csv | wc -l)
has out "Progress: 1 district, $n projects kept"
grep -q "下拨 allocated .* $(money_sum 7 bal.baishui)\$" out ||
    fail "白水区's allocated"
# the page in Chinese
expect 0 vl-report $two summary --town "$town" --lang zh
has out "— 镇 $town"
has out "一、进度：2 个区县，所筛选的项目 $projects 个"
has out "到位资金属各区县台账"
hasnt out "receipts"

# the workbook: every sheet titled with the filter, no receipt ranked
expect 0 vl-report $two summary --town "$town" --format xlsx -o book.xlsx
py "
wb = openpyxl.load_workbook('book.xlsx')
for ws in wb.worksheets:
    assert 'town $town' in ws['A1'].value, (ws.title, ws['A1'].value)
ws = wb['区县排名 $VL_AS_OF']
rows = [[c.value for c in r] for r in ws.iter_rows(min_row=3)]
assert all(r[9] is None for r in rows), rows
assert rows[-1][0] == 'total' and rows[-1][7] == $late, rows[-1]
" || fail "the roll-up's workbook of the town"

# ---- funds ---------------------------------------------------------------
expect 0 vl-report $two funds --town "$town"
cp out funds
has funds "白水区,total,,,,$(money_sum 7 bal.baishui),$(money_sum 8 bal.baishui),"
has funds "青山区,total,,,,$(money_sum 7 bal.qingshan),$(money_sum 8 bal.qingshan),"
has funds "total,total,,,,$allocated,$spent,"
# no plan, no receipt, no remaining on any row: they are the districts'
awk -F, 'NR > 1 && ($4 != "" || $5 != "" || $8 != "")' funds > bad
[ -s bad ] && fail "a plan, receipt or remaining on a town's row: $(cat bad)"
# the rows of the whole districts' report
expect 0 vl-report $two funds
cut -d, -f1-3 out > want
cut -d, -f1-3 funds > got
same got want
expect 0 vl-report $two funds --town "$town" --format table
has out "The money of the $projects projects kept"
expect 0 vl-report $two funds --town 无此镇
has out "白水区,total,,,,0.00,0.00,"
has out "total,total,,,,0.00,0.00,"

# ---- briefing --------------------------------------------------------------
expect 0 vl-report $two briefing --town "$town"
cp out page.html
has page.html "<span id=\"narrowed\">镇 $town</span> · <span id=\"districts\">2</span> 个区县 · $projects 个项目 · 预算合计"
has page.html "<span id=\"plan\">$budget</span>"
has page.html "<span id=\"allocated\">$allocated</span>"
has page.html "<span id=\"spent\">$spent</span>"
has page.html "<span id=\"late-items\">$late</span>"
hasnt page.html "<p class=\"label\">资金到位"
hasnt page.html "id=\"received\""
expect 0 vl-report $two briefing --town 无此镇
has out "各区县台账中均无符合筛选条件的项目"
expect 0 vl-report $two briefing
has out "<p class=\"label\">资金到位"
hasnt out "id=\"narrowed\""
done_
