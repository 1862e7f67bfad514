# roll-up (SPEC 9) and the filters of SPEC 8: --district keeps registers,
# the other filters rows of each; --by and --split-by district; what
# does not apply to a roll-up is a usage error
. "$TESTS/lib.sh"

cp -R "$SHARE/rollup" r
day="--as-of 2023-06-15"
two="-C r/qingshan -C r/baishui"

# --district keeps that district's registers, repeated: either
expect 0 vl-report $two overdue --district 白水区 $day
has out "白水区,not-started,B5,"
hasnt out "青山区"
expect 0 vl-report $two overdue --district 白水区 --district 青山区 $day
cp out both
expect 0 vl-report $two overdue $day
same out both
expect 0 vl-inspect $two list --district 白水区 $day
has out "白水区,4,"
hasnt out "青山区"
expect 0 vl-fund $two sum --by level --district 青山区 $day
hasnt out "白水区"
has out "青山区,city,"
# every reading command takes it (check, funds, summary, briefing, audit
# and show refused it as an unknown option)
for cmd in "vl-fund check" "vl-fund balance" "vl-report funds" \
    "vl-report summary" "vl-report briefing" "vl-report audit" \
    "vl-inspect show B2"; do
	expect 0 $cmd $two --district 白水区 $day
	hasnt out "青山区"
done
expect 0 vl-report $two audit --district 白水区
has out "白水区,1,"
expect 0 vl-report $two summary --district 白水区 $day
# one district: "1 district", in the title as in the line
has out "1 district — 情况汇总 summary as of 2023-06-15"
has out "1 district, 5 villages planned, 5 projects"
expect 0 vl-report $two summary --district 白水区 $day --lang zh
has out "1 个区县 — 情况汇总（截至 2023-06-15）"
has out "一、进度：1 个区县，计划 5 个村，登记项目 5 个"
# none kept: the page still says its day
expect 0 vl-report $two summary --district 黑水区 $day
has out "0 districts — 情况汇总 summary as of 2023-06-15"
# a district nothing holds: an empty list, exit 0, as any filter
expect 0 vl-report $two overdue --district 黑水区 $day
lines out 1
expect 0 vl-inspect $two sample --count 3 --district 黑水区 $day
lines out 1

# a filter of rows passes the same rows in each district: 青山镇 of
# 白水区 and of 青山区, each its own town
expect 0 vl-report $two overdue --town 青山镇 $day
has out "青山区,rectification,P05,青山镇,"
has out "白水区,rectification,B2,青山镇,"
awk -F, 'NR > 1 && $4 != "青山镇" { bad = 1 } END { exit bad }' out ||
	fail "a row of another town passed --town"

# --by district: a row a district, the district the key; the counts are
# those of the list, and the total of all last
expect 0 vl-report $two overdue $day
awk -F, 'NR > 1 { n[$1]++; if ($11 == "late") l[$1]++ }
    END { for (d in n) print d "," n[d] "," l[d] }' out | sort > counted
expect 0 vl-report $two overdue --by district $day
head -1 out > h
echo "district,items,late,due_soon,flags,most_days_late" > want
same h want
tail -n +2 out | grep -v '^total,' | cut -d, -f1-3 | sort > got
same got counted
# 青山区: 17 items late, 4 flags and its late task; 白水区 6 and 1
tail -1 out | grep -q '^total,29,24,' || fail "the total of all: $(tail -1 out)"
# with one register: a roll-up of one
expect 0 vl-report -C r/baishui overdue --by district $day
has out "白水区,7,6,0,1,166"
# --by town: each district's towns and its total, then the total of all
expect 0 vl-report $two overdue --by town $day
has out "district,town,items,late,due_soon,flags,most_days_late"
has out "青山区,青山镇,3,3,0,0,71"
has out "白水区,青山镇,2,2,0,0,106"
has out "白水区,total,7,6,0,1,166"
# a task has no town: a row of its own, in its district's total
has out "青山区,,1,1,0,0,5"
has out "青山区,total,22,18,0,4,166"
has out "total,total,29,24,0,5,166"

# --split-by district: a file a district, each its list; the index (the
# districts in the order of their names, whatever order they are named in)
expect 0 vl-report $two overdue --split-by district -o split $day
printf 'district,file,items,late\n白水区,白水区.csv,7,6\n青山区,青山区.csv,22,18\n' > want
same split/index.csv want
expect 0 vl-report -C r/baishui overdue --district 白水区 $day
same split/白水区.csv out
# never into a register's directory, whichever
expect 2 vl-report $two overdue --split-by district -o r/baishui $day
has err "the register's directory"
# a district's folder that is a symbolic link (or a file) is not
# written through: nothing goes outside -o DIR, the link is named (exit 3)
mkdir -p people elsewhere
ln -s ../elsewhere people/白水区
expect 3 vl-report $two overdue --split-by leader -o people $day
has err "people/白水区: a symbolic link"
[ -z "$(ls elsewhere)" ] || fail "written through a link: $(ls elsewhere)"
[ -e people/index.csv ] && fail "an index naming files not written"
rm people/白水区
expect 0 vl-report $two overdue --split-by leader -o people $day
[ -d people/白水区 ] && [ ! -L people/白水区 ] || fail "no folder 白水区"

# --check: what someone can act on, the rule of one register
expect 1 vl-report $two overdue --check $day
expect 0 vl-report $two overdue --check --kind started-before-review $day

# progress over a roll-up: by leader, the entries, what changed since
expect 0 vl-report $two progress --by specialist $day
has out "district,specialist,projects,"
has out "白水区,total,5,"
has out "total,total,55,"
expect 0 vl-report $two progress --since 2023-04-01 --kind completed $day
has out "district,date,kind,project,"
has out "白水区,2023-04-28,completed,B1,"
# the ranking is of whole districts: a project's filter does not apply
expect 2 vl-report $two progress --by district --town 青山镇 $day
has err "--by district ranks whole districts; --town does not apply"
expect 0 vl-report $two progress --by district --district 白水区 $day
has out "白水区,1,5,4,80.0%,"
hasnt out "青山区"

# the writing commands take no --district
expect 2 vl-add -C r/baishui progress --project B5 --stage started --district 白水区
done_
