# vl-add done ID: the task's done column set through the one row rewrite
# (every other byte kept), its evidence added to, audited with the old
# and new values; refused when done already, voided, dated after today,
# or no such task; vl-add void task
. "$TESTS/lib.sh"

demo_without_tasks reg
export VL_AS_OF=2023-06-15
expect 2 vl-add -C reg done 1
has err 'tasks.csv: id: no task "1": the register has no tasks'
vl-add -C reg task --area 整村推进 --title 联系点 --owner 王五 --due 2023-06-30 --evidence a.jpg > /dev/null
vl-add -C reg task --area 党员大集训 --title 场地 --owner 李四 --due 2023-01-15 > /dev/null
vl-add -C reg task --area 党员大集训 --title 教材 --owner 李四 --due 2023-01-15 > /dev/null
# a clerk's spreadsheet saved the file with CRLF and a column of its own
{ printf 'id,area,title,owner,due,done,evidence,note,date,备注\r\n'
  tail -n +2 reg/tasks.csv | sed 's/$/,手记\r/'; } > t.csv
cp t.csv reg/tasks.csv

snapshot reg > before
expect 2 vl-add -C reg done 9
has err 'no task "9"'
expect 2 vl-add -C reg done 1 --date 2023-06-16
has err '2023-06-16 is after today (2023-06-15)'
expect 2 vl-add -C reg done 1 --date 2023-06-31
has err 'date: no such day'
expect 2 vl-add -C reg done 1 --evidence "$(printf 'a\nb')"
has err 'evidence: a control character or a line break'
expect 2 vl-add -C reg done
has err usage:
snapshot reg > after
same before after

# done: the date defaults to today; the evidence is added, never replaced
expect 0 vl-add -C reg done 1 --evidence 验收记录.pdf
diff t.csv reg/tasks.csv > d
printf '%s\r\n' '2c2' '< 1,整村推进,联系点,王五,2023-06-30,,a.jpg,,2023-06-15,手记' '---' \
    '> 1,整村推进,联系点,王五,2023-06-30,2023-06-15,a.jpg; 验收记录.pdf,,2023-06-15,手记' |
    sed 's/\r$//; 2s/$/\r/; 4s/$/\r/' > want
same d want
has reg/audit.csv ',vl-add,done,tasks.csv,1,'
has reg/audit.csv 'done:  → 2023-06-15; evidence: a.jpg → a.jpg; 验收记录.pdf'
expect 0 vl-report -C reg audit
# once only
snapshot reg > before
expect 2 vl-add -C reg done 1
has err 'tasks.csv:2: done: task 1 was done on 2023-06-15 already; nothing to do'
snapshot reg > after
same before after
# a date in the past, no evidence
expect 0 vl-add -C reg done 2 --date 2023-01-12
has reg/tasks.csv '2,党员大集训,场地,李四,2023-01-15,2023-01-12,,,2023-06-15,手记'

# void task: the row stays, marked; it cannot be done then
expect 0 vl-add -C reg void task 3 --reason 并入场地任务
has reg/tasks.csv 'id,area,title,owner,due,done,evidence,note,date,备注,voided,void_reason'
has reg/tasks.csv '3,党员大集训,教材,李四,2023-01-15,,,,2023-06-15,手记,2023-06-15,并入场地任务'
has reg/audit.csv ',vl-add,void,tasks.csv,3,'
expect 2 vl-add -C reg done 3
has err 'task 3 was voided on 2023-06-15 (并入场地任务): not to be done'
expect 2 vl-add -C reg void task 3 --reason again
has err 'task 3 was voided on 2023-06-15 already'
expect 2 vl-add -C reg void task 9 --reason x
has err 'no task "9"'
expect 0 vl-report -C reg audit
done_
