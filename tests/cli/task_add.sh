# vl-add task: a duty of the programme with an owner and a due date, in
# tasks.csv (made by the first task, audited); every refusal exit 2 with
# nothing written; an import the same way as the other files
. "$TESTS/lib.sh"

demo_without_tasks reg
export VL_AS_OF=2023-06-15
[ -e reg/tasks.csv ] && fail "the old demo's copy has a tasks.csv already"

# the refusals: the register untouched
snapshot reg > before
expect 2 vl-add -C reg task --area 整村推进 --title '' --owner 王五 --due 2023-07-01
has err 'command line: title: missing'
has err 'nothing written'
expect 2 vl-add -C reg task --area 整村推进 --title 联系点 --owner '' --due 2023-07-01
has err 'command line: owner: missing'
expect 2 vl-add -C reg task --area 整村推进 --title 联系点 --owner 王五 --due 2023-02-29
has err 'due: no such day: "2023-02-29"'
expect 2 vl-add -C reg task --area 整村推进 --title 联系点 --owner 王五
has err 'due: missing'
expect 2 vl-add -C reg task --area 整村推进 --title "$(printf 'a\033[2Jb')" --owner 王五 --due 2023-07-01
has err 'title: a control character'
expect 2 vl-add -C reg task --area 整村推进 --title "$(printf 'two\nlines')" --owner 王五 --due 2023-07-01
has err 'title: a line break or a tab: one line of text'
expect 2 vl-add -C reg task --area 整村推进 --title 联系点 --owner 王五 --due 2023-07-01 --done 2023-06-01
has err usage:
[ -e reg/tasks.csv ] && fail "a refused task made tasks.csv"
snapshot reg > after
same before after

# the first task makes the file with its columns; ids 1, 2...
expect 0 vl-add -C reg task --area 整村推进 --title '古井村联系点：对照验收指标' --owner 王五 --due 2023-06-30 --evidence 'IMG_0031.jpg'
printf '1\n' > want
same out want
expect 0 vl-add -C reg task --area 党员大集训 --title 场地 --owner 李四 --due 2023-01-15 --note 县委党校礼堂
printf '2\n' > want
same out want
printf '%s\n' 'id,area,title,owner,due,done,evidence,note,date' \
    '1,整村推进,古井村联系点：对照验收指标,王五,2023-06-30,,IMG_0031.jpg,,2023-06-15' \
    '2,党员大集训,场地,李四,2023-01-15,,,县委党校礼堂,2023-06-15' > want
same reg/tasks.csv want
has reg/audit.csv ',vl-add,add,tasks.csv,1,'
has reg/audit.csv ',vl-add,add,tasks.csv,2,'
expect 0 vl-report -C reg audit

# the same task again is a double entry; a given id used before is refused
expect 2 vl-add -C reg task --area 党员大集训 --title 场地 --owner 李四 --due 2023-01-15 --note 县委党校礼堂
has err 'command line: id: the same as the row with id 2 in tasks.csv in every field but the id: a double entry?'
expect 2 vl-add -C reg task --id 1 --area 党员大集训 --title 教材 --owner 李四 --due 2023-01-15
has err '"1" is already in tasks.csv'

# an import: all or none, each bad row with its line
printf '%s\n' 'area,title,owner,due,done' '党员大集训,教材,李四,2023-01-10,2023-01-08' \
    '党员大集训,师资,,2023-01-10,' '党员大集训,讲课,张三,2023-01-10,2023-07-01' > bad.csv
snapshot reg > before
expect 2 vl-add -C reg task --import bad.csv
has err 'bad.csv:3: owner: missing'
has err 'bad.csv:4: done: 2023-07-01 is after today (2023-06-15)'
snapshot reg > after
same before after
printf '%s\n' 'area,title,owner,due,done' '党员大集训,教材,李四,2023-01-10,2023-01-08' \
    '党员大集训,师资,张三,2023-01-10,' > good.csv
expect 0 vl-add -C reg task --import good.csv
printf '3\n4\n' > want
same out want
has reg/tasks.csv '3,党员大集训,教材,李四,2023-01-10,2023-01-08,,'
expect 0 vl-report -C reg audit

# the demo of today holds its ten tasks (the contact points, the 大集训):
# the next one is 11, the trail whole
demo d
expect 0 vl-add -C d task --area 整村推进 --title 联系点资料归档 --owner 黎建国 --due 2023-07-15
printf '11\n' > want
same out want
has d/tasks.csv '11,整村推进,联系点资料归档,黎建国,2023-07-15,,,'
expect 0 vl-report -C d audit
# the first tasks, imported with the void columns an export has: tasks.csv
# made with them
demo_without_tasks n
printf 'area,title,owner,due,done,voided,void_reason\n甲,乙,丙,2023-06-01,,,\n' > first.csv
expect 0 vl-add -C n task --as-of 2023-06-30 --import first.csv
has n/tasks.csv '1,甲,乙,丙,2023-06-01,,,,,'
head -1 n/tasks.csv | grep -q ',voided,void_reason$' || fail "tasks.csv lacks the void columns"
expect 0 vl-report -C n audit

# a task is recorded on a day (--date, else today): as of a day before,
# it is not there yet, as no record is; a tasks.csv written before has no
# date column, its tasks there on every day, and gains it on its next
# task, audited
demo o
head -1 o/tasks.csv | grep -q ',date' && fail "the demo's tasks.csv has a date column"
expect 0 vl-add -C o task --area 整村推进 --title 补录 --owner 黎建国 --due 2023-06-01 --date 2023-06-12
has o/tasks.csv ',补录,黎建国,2023-06-01,,,,2023-06-12'
has o/audit.csv ',add-columns,tasks.csv,,'
expect 0 vl-report -C o overdue --kind task
has out '黎建国,,2023-06-01,14,,late'
expect 0 vl-report -C o overdue --kind task --as-of 2023-06-11
hasnt out '补录'
has out '卢建华,,2023-06-10,1,,late'
expect 0 vl-report -C o summary --as-of 2023-06-11
has out 'Tasks: 10 tasks'
expect 2 vl-add -C o task --area 整村推进 --title 明日 --owner 黎建国 --due 2023-07-01 --date 2023-06-16
has err 'date: 2023-06-16 is after today (2023-06-15)'
done_
