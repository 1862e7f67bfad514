# briefing over several registers (SPEC 9): the city's page, one
# self-contained HTML page in the district briefing's style; its headline
# the districts added up, its ranking progress --by district's, its late
# items overdue --by district's by kind, its late tasks named; every text
# from a register escaped; the same registers and day, the same bytes
. "$TESTS/lib.sh"

cp -R "$SHARE/rollup" r
day="--as-of 2023-06-15"
regs="-C r/qingshan -C r/baishui -C r/city"
expect 0 vl-report $regs briefing $day
cp out page.html
[ -s err ] && fail "briefing wrote to stderr: $(cat err)"
clean_page page.html

# the headline: the districts' figures added up (the city register holds
# money, not projects: no count includes it)
python3 "$TESTS/tools/htmlcheck.py" ids page.html > ids
vl-report $regs progress --by district $day > rank.csv
total=$(grep '^total,' rank.csv)
has ids "started	$(echo "$total" | cut -d, -f4)/$(echo "$total" | cut -d, -f3)"
has ids "completed	$(echo "$total" | cut -d, -f6)"
has ids "late-items	$(echo "$total" | cut -d, -f8)"
has ids "plan	$(echo "$total" | cut -d, -f9)"
has ids "received	$(echo "$total" | cut -d, -f10)"
has ids "spent	$(echo "$total" | cut -d, -f12)"
has ids "districts	2"

# 一、the ranking: progress --by district's rows, in its order
tail -n +2 rank.csv | grep -v '^total,' |
    awk -F, '{print $2, $1, $3, $4, $5, $7, $8, $11, $12}' > want
sed -n '/<section id="ranking">/,/<\/section>/p' page.html | grep '<tr><td' |
    sed 's/<[^>]*>/ /g; s/  */ /g; s/^ //; s/ $//' > got
same got want

# 二、the late items: overdue's, by kind, each district's total its
# late column of overdue --by district
vl-report $regs overdue --by district $day > by.csv
sed -n '/<section id="late">/,/<\/section>/p' page.html | grep '<tr' |
    sed 's/<[^>]*>/ /g; s/  */ /g; s/^ //; s/ $//' > late
for d in 青山区 白水区 total; do
	want=$(grep "^$d," by.csv | cut -d, -f3)
	label=$d; [ $d = total ] && label=合计
	got=$(grep "^$label " late | awk '{print $NF}')
	[ "$got" = "$want" ] || fail "$d: $got late items on the page, overdue says $want"
done
# and by kind, as the list counts them: 青山区's row, kind by kind
want=青山区
for kind in not-started milestone rectification not-completed \
    not-accepted task; do
	n=$(vl-report -C r/qingshan overdue --kind $kind --status late $day |
	    tail -n +2 | wc -l)
	want="$want $n"
done
echo "$want" > want
grep '^青山区 ' late | awk '{NF--; print}' > got
same got want
has late '青山区 2 0 4 7 4 1 18'
has late '合计 3 0 5 11 4 1 24'

# 三、the late tasks, with their district and owner
has page.html '<p>共 10 项任务，已完成 8 项，逾期 1 项。</p>'
has page.html '<td class="nowrap">青山区</td><td class="nowrap">4</td><td>整村推进</td><td>联系点鹿鸣村：对照自治区验收指标查漏补缺</td><td class="nowrap">卢建华</td><td class="num">2023-06-10</td><td class="num late">5</td>'

# the same bytes again; a register's words escaped
vl-report $regs briefing $day > again.html
same again.html page.html
cp -R r/baishui odd
sed 's/"district": "[^"]*"/"district": "白水<区>\&\\"x\\""/' r/baishui/plan.json > odd/plan.json
vl-add -C odd audit-restart --reason "a test renames the district" > /dev/null
expect 0 vl-report -C r/qingshan -C odd briefing $day
python3 "$TESTS/tools/htmlcheck.py" check out || fail "a district's name broke the page"
has out '白水&lt;区&gt;&amp;&quot;x&quot;'
hasnt out '白水<区>'

# a register without tasks: no section of tasks
expect 0 vl-report -C r/baishui -C r/city briefing $day
hasnt out '<section id="tasks">'
done_
