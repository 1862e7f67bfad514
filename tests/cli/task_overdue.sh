# Late tasks are overdue items of kind task, their owner in the leader
# column (the person who must act), no project, town or village; due-soon
# under --within; --check exits 1 for one; the filters, --by and
# --split-by leader give each owner their tasks; summary, briefing and
# progress --since say them; a register whose tasks are all voided
# reports exactly as one without tasks.csv (but for --since's voids)
. "$TESTS/lib.sh"

# the demo before it had tasks, so that the tasks are this test's own
demo_without_tasks reg
export VL_AS_OF=2023-06-15
for r in overdue summary briefing; do vl-report -C reg $r > $r.before; done
vl-report -C reg progress --since 2023-06-01 > since.before
vl-report -C reg overdue --by leader > by.before

vl-add -C reg task --area 整村推进 --title 古井村联系点 --owner 王五 --due 2023-06-01 --date 2023-01-01 > /dev/null
vl-add -C reg task --area 党员大集训 --title 场地 --owner 李四 --due 2023-06-20 --date 2023-01-01 > /dev/null
vl-add -C reg task --area 党员大集训 --title 教材 --owner 赵六 --due 2023-01-15 --date 2023-01-01 > /dev/null
vl-add -C reg done 3 --date 2023-06-10 > /dev/null

# the list: the late task, with its owner as leader and its id in the detail
expect 0 vl-report -C reg overdue --kind task
printf '%s\n' 'kind,project,town,village,leader,specialist,due,days_late,days_left,status,detail' \
    'task,,,,王五,,2023-06-01,14,,late,"task 1, 整村推进: 古井村联系点"' > want
same out want
expect 1 vl-report -C reg overdue --kind task --check
expect 0 vl-report -C reg overdue --kind task --within 5
has out 'task,,,,李四,,2023-06-20,,5,due-soon,"task 2, 党员大集训: 场地"'
# as of a day before it was due, not late; a task done is late until
# the day it was done
expect 0 vl-report -C reg overdue --kind task --as-of 2023-05-31
hasnt out 王五
has out 'task,,,,赵六,,2023-01-15,136,,late'
expect 0 vl-report -C reg overdue --kind task --as-of 2023-06-10
hasnt out 赵六
# the whole list: the projects' items as before, the task among them
vl-report -C reg overdue | grep -v '^task,' > od
same od overdue.before
# sorted by days late: 14 days late comes before the items of fewer days
vl-report -C reg overdue | awk -F, 'NR > 1 && $10 == "late" {print $8}' > days
sort -rn days | cmp -s - days || fail "not sorted by days late"

# filters: a leader's own list holds their tasks; a town, a project or a
# specialist filter leaves tasks out
expect 0 vl-report -C reg overdue --leader 王五
lines out 2
has out 'task,,,,王五,'
expect 0 vl-report -C reg overdue --town 河口镇 --kind task
lines out 1
expect 0 vl-report -C reg overdue --specialist 张玉珍 --kind task
lines out 1
expect 2 vl-report -C reg overdue --kind tsak
has err '"tsak" is not one of'

# --by leader: every owner counted, one with nothing late too
expect 0 vl-report -C reg overdue --by leader
has out '王五,1,1,0,0,14'
has out '李四,0,0,0,0,0'
has out '赵六,0,0,0,0,0'
grep -v '^王五,\|^李四,\|^赵六,\|^total,' out > by
grep -v '^total,' by.before > byb
same by byb
# --by town: a task has no town; it counts on a row of its own
expect 0 vl-report -C reg overdue --by town
has out ',1,1,0,0,14'

# --split-by leader: each owner a file, even an empty one
expect 0 vl-report -C reg overdue --split-by leader -o split
has split/index.csv '王五,王五.csv,1,1'
has split/index.csv '李四,李四.csv,0,0'
has split/王五.csv 'task,,,,王五,,2023-06-01,14,,late'
lines split/李四.csv 1
# --split-by town: no town's file holds a task
expect 0 vl-report -C reg overdue --split-by town -o towns
cat towns/*.csv | grep -q '^task,' && fail "a task in a town's file"

# the summary: a line of tasks, and the late one with its owner
expect 0 vl-report -C reg summary
has out '五、其他任务 Tasks: 3 tasks, 1 done, 1 late'
has out '  王五: task 1, 整村推进: 古井村联系点 (14 days late)'
expect 0 vl-report -C reg summary --lang zh
has out '五、其他任务：共 3 项，已完成 1 项，逾期 1 项'
has out '王五：任务 1，整村推进：古井村联系点（逾期 14 天）'
# the briefing: a section of tasks, the late one with its owner
expect 0 vl-report -C reg briefing
has out '<h2>六、其他工作任务</h2>'
has out '共 3 项任务，已完成 1 项，逾期 1 项。'
has out '<td>古井村联系点</td><td class="nowrap">王五</td>'
# progress --since: the task done
expect 0 vl-report -C reg progress --since 2023-06-01 --kind task-done
printf '%s\n' 'date,kind,project,town,village,leader,specialist,amount,detail' \
    '2023-06-10,task-done,,,,赵六,,,"task 3, 党员大集训: 教材"' > want
same out want
expect 0 vl-report -C reg progress --since 2023-06-01 --leader 赵六
has out 'task-done'
# Chinese: the kind a word of the reader's language, CSV as it is
expect 0 vl-report -C reg overdue --kind task --lang zh --format table
has out '任务'
has out '任务 1，整村推进：古井村联系点'
hasnt out 'task'
expect 0 vl-report -C reg overdue --kind task --lang zh
has out 'task,,,,王五,'

# one task standing: "1 task", in Chinese 共 1 项 as ever
for id in 2 3; do vl-add -C reg void task $id --reason 测试 > /dev/null; done
expect 0 vl-report -C reg summary
has out '五、其他任务 Tasks: 1 task, 0 done, 1 late'
hasnt out '1 tasks'
expect 0 vl-report -C reg summary --lang zh
has out '五、其他任务：共 1 项，已完成 0 项，逾期 1 项'

# every task voided: the reports as they were without tasks.csv
for id in 1; do vl-add -C reg void task $id --reason 测试 > /dev/null; done
for r in overdue summary briefing; do
	vl-report -C reg $r > $r.after
	same $r.after $r.before
done
# but for the voids themselves, which progress --since lists as changes
vl-report -C reg progress --since 2023-06-01 > since.after
[ "$(grep -c ',voided,,,,,,,"task [123] (' since.after)" = 3 ] ||
    fail "not the three tasks voided: $(grep voided since.after)"
grep -v ',voided,' since.after > since.kept
same since.kept since.before
done_
