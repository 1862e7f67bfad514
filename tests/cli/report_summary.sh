# summary: one page for a meeting; the figures are the other reports'
. "$TESTS/lib.sh"

demo d
expect 0 vl-report -C d summary --as-of 2023-06-15
cp out page
# the programme against its December deadline, villages from the plan
has page "  动工 started     48 / 50  96.0%"
has page "2 not started, 166 days after the start deadline"
# money in 万元 to two places, as Chinese reports write it, and in yuan,
# exact
has page "184.70万元 in all (1,847,000.00 yuan)"
has page "  区               16.20万元         162000.00  of 162400.00, 400.00 to come"
has page "  支出 spent       148.60万元       1486033.30  construction 1191946.00, equipment 294087.30"
# open findings: safety before quality before the rest
grep -E '^  (safety|quality|funds|progress) ' page | cut -c3-10 | tr -d ' ' | uniq > aspects
printf 'safety\nquality\nfunds\n' > want
same aspects want
has page "Open findings: 6, 4 past due"
# who is late, condensed, naming leader and specialist; the same items as
# the overdue list
has page "  P25 河口镇芦苇村   领导 胡明华, 专干 张卫东: not-started 166 days, not-completed 15 days"
has page "  P45 东岭镇岩口村   领导 (none), 专干 潘春梅: missing-leader"
vl-report -C d overdue --as-of 2023-06-15 | tail -n +2 > od.csv
grep -v '^task,' od.csv | cut -d, -f2 | uniq | sort -u > listed
sed -n '/^四、/,/^$/p' page | sed '1d; $d' | awk '{print $1}' | sort > condensed
same listed condensed
# 16 projects: 12 with 17 items late, 4 flagged; a late task is no flag
has page "四、逾期 Who is late: 17 items late, 4 flagged, on 16 projects"
# the other duties (tasks.csv): 10, 8 done by the day; the late one with
# its owner, as the overdue list has it
has page "五、其他任务 Tasks: 10 tasks, 8 done, 1 late"
grep '^task,' od.csv | cut -d, -f5 > listed
sed -n '/^五、/,$p' page | tail -n +2 | cut -d: -f1 | tr -d ' ' > condensed
same listed condensed
has page "  卢建华: task 4, 整村推进: 联系点鹿鸣村：对照自治区验收指标查漏补缺 (5 days late)"
# the same page in GB18030
expect 0 vl-report -C d summary --as-of 2023-06-15 --encoding gb18030
iconv -f GB18030 -t UTF-8 out > back
same back page
# plain text only
expect 2 vl-report -C d summary --format json
expect 2 vl-report -C d summary --excel
# a new register: nothing moved yet, nothing late, no fault
vl-add -C r init --plan "$SHARE/demo/plan.json" 2>/dev/null
expect 0 vl-report -C r summary --as-of 2022-10-01
has out "  动工 started      0 / 50  0.0%"
has out "50 not started; 91 days left to the start deadline"
has out "Open findings: 0, 0 past due"
has out "Who is late: 0 items late, 0 flagged, on 0 projects"
expect 0 vl-report -C r summary --as-of 2022-12-31
has out "50 not started; the start deadline is today"
has out "start by 2022-12-31 (12月份全部动工)"
# one day is a day, not "1 days"
expect 0 vl-report -C d summary --as-of 2023-06-09
has out "due 2023-06-08, 1 day late;"
hasnt out "1 days"
# one project, one item late on it: singular words, not "1 projects"
vl-add -C r project --town 青山镇 --village 东村 --leader 张三 \
    --specialist 李四 --budget 3万 --start_by 2022-12-01 > /dev/null
expect 0 vl-report -C r summary --as-of 2022-12-31
has out "projects.csv holds 1 project"
has out "Who is late: 1 item late, 0 flagged, on 1 project (vl-report"
hasnt out "1 projects"
# its own start_by is earlier than the plan's: late already, as the
# overdue list has it, though the plan's deadline is today
has out "50 not started; the start deadline is today"
has out "  1 of them late already: its own start_by has passed"
expect 0 vl-report -C r summary --as-of 2022-12-31 --lang zh
has out "四、逾期：逾期 1 项，需纠正 0 项，涉及 1 个项目（清单见 vl-report overdue）"
expect 1 vl-fund -C r check --as-of 2022-12-31
has out "the budget of the 1 project against the plan's total: short by 1817000.00"
# a project given a later start_by (延期动工): of those not started past
# the plan's deadline, not late yet, as the overdue list has it
demo ext
vl-add -C ext amend project P25 --start_by 2023-07-01 \
    --complete_by 2023-12-31 --reason 延期动工 --as-of 2023-06-15 2> /dev/null
expect 0 vl-report -C ext summary --as-of 2023-06-15
has out "  2 not started, 166 days after the start deadline"
has out "  1 of them not late yet: a start_by of its own still to come"
expect 0 vl-report -C ext overdue --kind not-started --as-of 2023-06-15
[ "$(tail -n +2 out | wc -l)" = 1 ] || fail "not one project late to start"
expect 0 vl-report -C ext summary --as-of 2023-06-15 --lang zh
has out "  其中 1 个另定了更晚的动工期限，尚未逾期"
# in Chinese through and through (i18n_values checks every word)
expect 0 vl-report -C d summary --as-of 2023-06-15 --lang zh
has out "二、资金：共 184.70万元（1,847,000.00 元），专款专用"
has out "  P45 东岭镇岩口村   领导 （未填），专干 潘春梅：缺责任领导"

# money received from a level no funding line names (a discrepancy of
# vl-fund check) stands on a line of its own, not only in the total
export VL_AS_OF=2023-06-01
cat > plan3.json <<'J'
{"name": "三级资金", "villages": 1, "start_by": "2023-03-01",
 "complete_by": "2023-06-30", "total": "10万",
 "funding": [{"name": "上级", "levels": ["central", "region", "city"], "amount": "10万"}],
 "purposes": ["construction"]}
J
vl-add -C p3 init --plan plan3.json
vl-add -C p3 project --town 甲镇 --village 乙村 --leader 甲 --specialist 乙 --budget 10万 > /dev/null
vl-add -C p3 fund --kind receipt --level central --amount 7万 --date 2023-01-01 > /dev/null
vl-add -C p3 fund --kind receipt --level district --amount 3万 --date 2023-01-01 > /dev/null
expect 1 vl-fund -C p3 check
has out 'receipts,district,,30000.00,,discrepancy'
expect 0 vl-report -C p3 summary
has out "  上级             7.00万元           70000.00  of 100000.00, 30000.00 to come"
has out "  (no line)        3.00万元           30000.00  from a level no funding line names: a discrepancy (vl-fund check)"
has out "  到位 received    10.00万元         100000.00"
expect 0 vl-report -C p3 summary --lang zh
has out "未分渠道"
# the seed's plan has none: no such line
expect 0 vl-report -C d summary --as-of 2023-06-15
hasnt out "(no line)"
done_
