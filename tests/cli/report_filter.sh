# vl-report overdue and progress filtered by the columns they show: a
# filter keeps the rows of the full list whose column holds the value;
# a filter given twice takes either value, two filters both; a value
# that matches nothing is an empty list (exit 0), an unknown word of an
# enum column a usage error; --by counts the list per person or town
. "$TESTS/lib.sh"

demo reg
export VL_AS_OF=2023-06-15
expect 0 vl-report -C reg overdue
cp out all
# the rows of the full list whose column $1 is $2 (or $3), header first
rows() { awk -F, -v c="$1" -v a="$2" -v b="${3-$2}" 'NR == 1 || $c == a || $c == b' all; }

rows 5 莫伟 > want
expect 0 vl-report -C reg overdue --leader 莫伟
same out want
[ "$(wc -l < out)" -gt 1 ] || fail "莫伟 has no items"
rows 3 东岭镇 > want
expect 0 vl-report -C reg overdue --town 东岭镇
same out want
rows 2 P05 P36 > want
expect 0 vl-report -C reg overdue --project P05 --project P36
same out want
rows 1 rectification > want
expect 0 vl-report -C reg overdue --kind rectification
same out want
rows 6 蒙红英 > want
expect 0 vl-report -C reg overdue --specialist 蒙红英
same out want
rows 4 杨柳村 > want
expect 0 vl-report -C reg overdue --village 杨柳村
same out want
# AND: 东岭镇's not-completed items only
awk -F, 'NR == 1 || ($3 == "东岭镇" && $1 == "not-completed")' all > want
expect 0 vl-report -C reg overdue --town 东岭镇 --kind not-completed
same out want
[ "$(wc -l < out)" -gt 2 ] || fail "AND: too few rows"
# --status and --inspector (a rectification's)
expect 0 vl-report -C reg overdue --within 30 --status due-soon
[ "$(tail -n +2 out | cut -d, -f10 | sort -u)" = due-soon ] || fail "status"
expect 0 vl-report -C reg overdue --inspector 无此人
lines out 1
# the same filter in every format: the table of the filtered rows
expect 0 vl-report -C reg overdue --leader 莫伟 --format json
has out '"leader":"莫伟"'
hasnt out '"leader":"覃勇"'
# nothing matches: the header alone, exit 0; --check exits 0 then
expect 0 vl-report -C reg overdue --leader 无此人 --check
lines out 1
expect 1 vl-report -C reg overdue --leader 莫伟 --check
# an unknown word of an enum column is a usage error, nothing printed
expect 2 vl-report -C reg overdue --kind late
has err '--kind: "late" is not one of not-started, milestone, rectification'
[ -s out ] && fail "printed on a usage error"
expect 2 vl-report -C reg overdue --status soon
has err '--status: "soon" is not one of late, due-soon, flag'

# --by leader: every leader of projects.csv and every owner of
# tasks.csv (a task's owner is its leader), with their counts, then the
# total; the counts are those of the list
expect 0 vl-report -C reg overdue --by leader
head -n 1 out > hdr
echo 'leader,items,late,due_soon,flags,most_days_late' > want
same hdr want
n=$({ tail -n +2 reg/projects.csv | cut -d, -f4; tail -n +2 reg/tasks.csv |
    cut -d, -f4; } | sort -u | wc -l)
lines out $((n + 2))
has out '卢建华,1,1,0,0,5'
for who in 莫伟 覃勇 蓝霞 卢建华 蓝德胜; do
	items=$(awk -F, -v w="$who" 'NR > 1 && $5 == w' all | wc -l)
	grep -q "^$who,$items," out || fail "--by leader: $who not $items items"
done
grep -q "^total,$(($(wc -l < all) - 1))," out || fail "--by total"
# filtered and grouped: the towns of one leader's projects only
expect 0 vl-report -C reg overdue --by town --leader 莫伟
lines out 3
has out '青山镇,'
expect 2 vl-report -C reg overdue --by project

# progress --by leader|specialist: a row each, the totals as by town;
# progress filtered: the projects of one town
expect 0 vl-report -C reg progress
tail -n 1 out | cut -d, -f2- > town-total
for by in leader specialist; do
	expect 0 vl-report -C reg progress --by $by
	head -n 1 out | cut -d, -f1 > got
	echo $by > want
	same got want
	tail -n 1 out | cut -d, -f2- > total
	same total town-total
done
expect 0 vl-report -C reg progress --town 东岭镇
lines out 3
has out '东岭镇,'
expect 0 vl-report -C reg progress --by project --leader 莫伟 --leader 覃勇
[ "$(tail -n +2 out | cut -d, -f4 | sort -u | tr '\n' ' ')" = "莫伟 覃勇 " ] || fail "progress by project filtered"
expect 0 vl-report -C reg progress --town 无此镇
has out 'total,0,0,0,0,0,,0,0'
# a project's id is matched whatever the case of its letters (the
# writers refuse ids that differ only in case): --project P51 finds p51
demo reg2
vl-add -C reg2 project --id p51 --town 青山镇 --village 新村 --leader 甲 --specialist 乙 --budget 100 > /dev/null 2>&1
expect 2 vl-add -C reg2 project --id P51 --town 青山镇 --village 新村二 --leader 甲 --specialist 乙 --budget 100
has err 'differs only in letter case'
vl-inspect -C reg2 add --project p51 --phase review --aspect quality --result pass --date 2023-06-01 --inspector 丙 > /dev/null
expect 0 vl-report -C reg2 overdue --project P51
has out 'not-started,p51,青山镇,新村,甲,乙,2022-12-31,'
lines out 3
expect 0 vl-inspect -C reg2 list --project P51
has out ',2023-06-01,p51,青山镇,新村,甲,乙,review,quality,pass,'
lines out 2
expect 0 vl-fund -C reg2 balance --project P51
has out 'p51,青山镇,新村,甲,乙,100.00,'
lines out 2
done_
