# briefing: one self-contained HTML page; it parses cleanly, fetches
# nothing, its headline numbers are progress, funds and overdue's own, it
# is the same bytes for the same register and day, and every text from
# the register is escaped
. "$TESTS/lib.sh"
. "$TESTS/tools/headline.sh"

demo d
expect 0 vl-report -C d briefing --as-of 2023-06-15
cp out page.html
[ -s err ] && fail "briefing wrote to stderr: $(cat err)"
# clean, well-formed XML too (a strict XML parser takes it), and nothing
# outside the page: no script, style sheet, font, image or link
clean_page page.html
has page.html '<html lang="zh-CN">'
# the headline numbers are the CSV reports' for the same register and day
headline_want d 2023-06-15 > want
headline_got page.html > got
same got want
has got "started	48/50"
has got "received	1846600.00"
# the charts: accessible images, from the same figures
[ "$(grep -c '<svg class="chart"' page.html)" = 4 ] || fail "not 4 charts"
[ "$(grep -c 'role="img" aria-labelledby="[a-z]*-t [a-z]*-d"' page.html)" = 4 ] ||
    fail "a chart without role=img and its title and desc"
has page.html '累计动工 48 个村、竣工 42 个村，目标 50 个村'
has page.html '动工截止日 2022-12-31 当日累计动工 47 个村'
has page.html '合计 50 个项目：动工 48，竣工 42，验收 35，未整改问题 6（逾期 4）'
has page.html '安全 2 项（逾期 1 项）；质量 2 项（逾期 2 项）；资金 2 项（逾期 1 项）'
# safety before quality before funds in the findings table
grep -o 'class="tag[ a-z]*">[^<]*</span></td><td class="nowrap">#[0-9]*' page.html |
    sed 's/.*">\([^<]*\)<.*#/\1 #/' > order
printf '%s\n' '安全 #78' '安全 #113' '质量 #95' '质量 #104' '资金 #100' \
    '资金 #112' > want
same order want
# the overdue list: every project's row of vl-report overdue, in its
# order; its late tasks in section 六 with their owners
vl-report -C d overdue --as-of 2023-06-15 | tail -n +2 > od.csv
grep -v '^task,' od.csv | cut -d, -f2 > listed
sed -n '/<section id="overdue">/,/<\/section>/p' page.html |
    grep -o '</span></td><td class="nowrap">P[0-9]*' | sed 's/.*>//' > shown
same shown listed
grep '^task,' od.csv | cut -d, -f5,7,8 | tr , ' ' > listed
sed -n '/<section id="tasks">/,/<\/section>/p' page.html | grep '<tr><td' |
    sed 's/<[^>]*>/ /g; s/  */ /g' | awk '{print $4, $5, $6}' > shown
same shown listed
has page.html '<h2>六、其他工作任务</h2>'
# the demo's tasks.csv: 10 tasks, 8 done by 2023-06-15; task 4 due 06-10
has page.html '<p>共 10 项任务，已完成 8 项，逾期 1 项。</p>'
has page.html '<td class="nowrap">4</td><td>整村推进</td><td>联系点鹿鸣村：对照自治区验收指标查漏补缺</td><td class="nowrap">卢建华</td>'
# who is responsible, and a name left empty shown as such
has page.html '<td class="nowrap">胡明华</td><td class="nowrap">张卫东</td>'
has page.html '<span class="late">（未填）</span>'

# the same bytes every time; -o FILE writes them, whole
expect 0 vl-report -C d briefing --as-of 2023-06-15
same out page.html
expect 0 vl-report -C d briefing --as-of 2023-06-15 -o b.html
same b.html page.html
[ -s out ] && fail "-o FILE also wrote to stdout"
VL_AS_OF=2023-06-15 expect 0 vl-report -C d briefing
same out page.html
# records after the day do not count; a later day counts them
expect 0 vl-report -C d briefing --as-of 2023-06-20
cp out later.html
headline_want d 2023-06-20 > want
headline_got later.html > got
same got want
has got "started	49/50"
has got "spent	1488033.30"

# every text from the register escaped: & < > " ' in names and findings
vl-add -C h init --plan "$SHARE/demo/plan.json" 2>/dev/null
vl-add -C h project --id 'P<1>' --town '<b>镇&"' --village "村'</td>" \
    --leader '<script>alert(1)</script>' --specialist "a&b'" \
    --budget 36940 > /dev/null 2>&1 || fail "vl-add project"
vl-inspect -C h add --project 'P<1>' --phase check --aspect safety \
    --result fail --finding '<i>坑</i> & "护栏" '"'x'" --due 2023-06-01 \
    --date 2023-05-20 --id '7<' > /dev/null 2>&1 || fail "vl-inspect add"
expect 0 vl-report -C h briefing --as-of 2023-06-15
cp out hostile.html
has hostile.html '&lt;i&gt;坑&lt;/i&gt; &amp; &quot;护栏&quot; &#39;x&#39;'
has hostile.html '#7&lt;'
hasnt hostile.html '<i>'
python3 "$TESTS/tools/htmlcheck.py" check hostile.html || fail "hostile.html: not clean"
hasnt hostile.html '<script'
hasnt hostile.html '<b>'
has hostile.html 'P&lt;1&gt;'
has hostile.html '&lt;b&gt;镇&amp;&quot;'
has hostile.html '村&#39;&lt;/td&gt;'
has hostile.html '&lt;script&gt;alert(1)&lt;/script&gt;'
has hostile.html 'a&amp;b&#39;'
if command -v xmllint > /dev/null; then
	xmllint --noout hostile.html || fail "hostile.html: not well-formed"
fi

# a new register: nothing started, nothing moved, nothing late
vl-add -C r init --plan "$SHARE/demo/plan.json" 2>/dev/null
expect 0 vl-report -C r briefing --as-of 2022-10-01
cp out empty.html
python3 "$TESTS/tools/htmlcheck.py" check empty.html || fail "empty.html: not clean"
has empty.html '<span id="started">0/50</span>'
has empty.html '50 个村未动工，距截止 91 天'
has empty.html '无未整改问题。'
has empty.html '无逾期事项。'

# a plan may name any number of villages: no overflow (UBSan watches),
# the page still whole
demo big
sed 's/"villages": 50/"villages": 9223372036854775807/' "$SHARE/demo/plan.json" > big/plan.json
expect 0 vl-report -C big briefing --as-of 2023-06-15
cp out big.html
python3 "$TESTS/tools/htmlcheck.py" check big.html || fail "big.html: not clean"
has big.html '<span id="started">48/9223372036854775807</span>'
expect 0 vl-report -C big summary --as-of 2023-06-15
has out "48 / 9223372036854775807  0.0%"

# HTML in UTF-8 only; a usage error writes nothing
expect 2 vl-report -C d briefing --format json
expect 2 vl-report -C d briefing --excel
expect 2 vl-report -C d briefing --encoding gb18030
expect 2 vl-report -C d briefing extra
expect 2 vl-report -C d briefing -o nosuchdir/b.html
expect 2 vl-report -C d briefing -o d/plan.json
# a full disk is a system fault; -o leaves no file behind
expect 3 sh -c 'vl-report -C d briefing --as-of 2023-06-15 > /dev/full'
expect 0 vl-report -C d briefing --help
has out "briefing"
done_
