# --as-of and what people write on a correction: a note, a reason or a
# value holding the audit detail's own separators (" → ", "; ",
# "; reason: ", "; dated: ") leaves the register as it stood on the day.
. "$TESTS/lib.sh"

demo reg
mon=2023-06-12 tue=2023-06-13

# a close's note and a void's reason saying "; dated: " are words, not
# the day: closed and voided on Monday, they hold on Tuesday
VL_AS_OF=$mon vl-inspect -C reg close 78 --by 黄立新 \
    --note '已整改; dated: 2099-01-01' > /dev/null || fail "close 78"
VL_AS_OF=$mon vl-add -C reg void task 4 --date $mon \
    --reason '重复录入; dated: 2099-01-01' > /dev/null || fail "void 4"
has reg/audit.csv 'close_note:  → 已整改; dated: 2099-01-01'
expect 0 vl-report -C reg overdue --as-of $tue
hasnt out '#78 '
hasnt out 'task 4,'
expect 0 vl-inspect -C reg list --open --as-of $tue
hasnt out '^78,'
expect 0 vl-report -C reg overdue --as-of 2023-06-11
has out '#78 '
has out 'task 4,'
# a value holding " → " and "; ": task 5's title set on Monday to one
# saying what it became ("甲 → 乙; 丙"), on Wednesday to 乙: as of
# Tuesday the title is Monday's whole, not cut at its own arrow
VL_AS_OF=$mon vl-add -C reg amend task 5 --title '甲 → 乙; 丙' \
    --reason 改名 > /dev/null || fail "amend 5"
VL_AS_OF=2023-06-14 vl-add -C reg amend task 5 --title 乙 \
    --reason '再改; reason: 无' > /dev/null || fail "amend 5 again"
has reg/audit.csv 'title: 甲 → 乙; 丙 → 乙; reason: 再改; reason: 无; dated: 2023-06-14'
expect 0 vl-report -C reg overdue --within 30 --as-of $tue
has out '"task 5, 整村推进: 甲 → 乙; 丙"'
expect 0 vl-report -C reg overdue --within 30 --as-of 2023-06-11
has out '"task 5, 整村推进: 联系点双溪村：对照自治区验收指标查漏补缺"'
expect 0 vl-report -C reg overdue --within 30 --as-of 2023-06-14
has out '"task 5, 整村推进: 乙"'
# the audit said to a person in Chinese: a task's changed title and
# owner named in Chinese too, and the day it applies from
VL_AS_OF=2023-06-14 vl-add -C reg amend task 5 --owner 韦海燕 \
    --reason 人员调整 > /dev/null || fail "amend 5 owner"
expect 0 vl-report -C reg audit --format table --lang zh
has out '名称: 甲 → 乙; 丙 → 乙; 原因: 再改'
has out '责任人: 蓝德胜 → 韦海燕; 原因: 人员调整; 生效日期: 2023-06-14'
hasnt out 'title: '
hasnt out 'owner: '
# a reopen as of a day before the close it takes back is refused: the
# close would count on no day, and Wednesday's list printed again would
# come out otherwise
VL_AS_OF=2023-06-14 vl-inspect -C reg close 100 > /dev/null || fail "close 100"
cp reg/audit.csv before.csv
cp reg/inspections.csv before-insp.csv
VL_AS_OF=$mon expect 2 vl-add -C reg reopen inspection 100 --reason 误关
has err 'inspections.csv:101: closed: the rectification of inspection 100 was closed on 2023-06-14, after 2023-06-12, the day this reopen is made as of: give --as-of 2023-06-14 or later'
has err 'nothing written'
VL_AS_OF=$mon expect 2 vl-add -C reg reopen task 7 --reason 误报
has err 'tasks.csv:8: done: task 7 was done on 2023-06-14, after 2023-06-12'
same reg/audit.csv before.csv
same reg/inspections.csv before-insp.csv
expect 2 vl-add -C reg reopen inspection 100 --reason 误关 --as-of $mon --lang zh
has err '检查 100 的整改于 2023-06-14 销号，晚于本次撤销所按的日期 2023-06-12'
# as of the close's day it is taken back, from that day
VL_AS_OF=2023-06-14 expect 0 vl-add -C reg reopen inspection 100 --reason 误关
VL_AS_OF=2023-06-15 expect 0 vl-add -C reg reopen task 7 --reason 误报
expect 0 vl-inspect -C reg list --open --as-of 2023-06-14
has out '100,'
# the other way: a close or a done dated before the day of the reopen
# it follows is refused, the reopen would count on no day (as of
# Wednesday the finding closed on Tuesday)
cp reg/audit.csv before.csv
cp reg/inspections.csv before-insp.csv
cp reg/tasks.csv before-tasks.csv
VL_AS_OF=2023-06-15 expect 2 vl-inspect -C reg close 100 --date $tue
has err 'inspections.csv:101: closed: the rectification of inspection 100 was reopened as of 2023-06-14, after 2023-06-13, the date of this close: give --date 2023-06-14 or later'
has err 'nothing written'
VL_AS_OF=2023-06-16 expect 2 vl-add -C reg done 7 --date 2023-06-14
has err 'tasks.csv:8: done: task 7 was reopened as of 2023-06-15, after 2023-06-14, the date of this done: give --date 2023-06-15 or later'
has err 'nothing written'
same reg/audit.csv before.csv
same reg/inspections.csv before-insp.csv
same reg/tasks.csv before-tasks.csv
VL_AS_OF=2023-06-15 expect 2 vl-inspect -C reg close 100 --date $tue --lang zh
has err '检查 100 的整改按 2023-06-14 撤销了销号，晚于本次销号的日期 2023-06-13：请给 --date 2023-06-14 或更晚的日期'
hasnt err 'reopened'
VL_AS_OF=2023-06-16 expect 2 vl-add -C reg done 7 --date 2023-06-14 --lang zh
has err '任务 7 按 2023-06-15 撤销了办结，晚于本次办结的日期 2023-06-14：请给 --date 2023-06-15 或更晚的日期'
hasnt err 'reopened'
# dated the reopen's day or later, each counts from its day
VL_AS_OF=2023-06-15 expect 0 vl-inspect -C reg close 100 --date 2023-06-14
VL_AS_OF=2023-06-16 expect 0 vl-add -C reg done 7 --date 2023-06-15
expect 0 vl-inspect -C reg list --open --as-of 2023-06-14
hasnt out '^100,'
# a reopen of an older trail says no day: nothing to go by, a done of
# any date taken (the trail's last line made as such one, hashed again)
VL_AS_OF=2023-06-16 expect 0 vl-add -C reg reopen task 7 --reason 误报
python3 - reg <<'PY'
import hashlib, sys
audit, head = sys.argv[1] + '/audit.csv', sys.argv[1] + '/.vl-head'
lines = open(audit, encoding='utf-8', newline='').read().split('\n')
prev, last = lines[-3].split(','), lines[-2].split(',')
assert last[9].endswith('; dated: 2023-06-16'), last
last[9] = last[9][:-len('; dated: 2023-06-16')]
row = ','.join(last[0:7]) + '\n' + last[8] + '\n' + last[9] + '\n'
last[7] = hashlib.sha256((prev[7] + '\n' + row).encode()).hexdigest()
lines[-2] = ','.join(last)
open(audit, 'w', encoding='utf-8', newline='').write('\n'.join(lines))
open(head, 'w').write(last[0] + ':' + last[7] + '\n')
PY
hasnt reg/audit.csv 'dated: 2023-06-16'
VL_AS_OF=2023-06-16 expect 0 vl-add -C reg done 7 --date 2023-06-15
done_
