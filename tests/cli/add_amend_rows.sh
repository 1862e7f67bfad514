# vl-add amend task|inspection ID --FIELD VALUE --reason T: a task's owner
# or due date changes (人员调整), a rectification's due date is extended
# (延期整改), a finding or an inspector's name typed wrong; each audited
# with the old and new values, the row checked as a new one is, every
# refusal writing nothing
. "$TESTS/lib.sh"

demo reg
export VL_AS_OF=2023-06-15

# the refusals: exit 2, the register as it was
snapshot reg > before
expect 2 vl-add -C reg amend task 4 --owner 韦海燕
has err 'reason: missing: a correction says why (--reason TEXT)'
has err 'nothing written'
expect 2 vl-add -C reg amend task 4 --reason x
has err 'command line: nothing to amend: give the fields to change'
expect 2 vl-add -C reg amend task 44 --owner 韦海燕 --reason x
has err 'no task "44"'
expect 2 vl-add -C reg amend task 4 --owner 卢建华 --reason x
has err '4 holds these values already: nothing to amend'
expect 2 vl-add -C reg amend task 4 --owner "$(printf '卢\t建华')" --reason x
has err 'command line: owner: a line break or a tab: one line of text'
expect 2 vl-add -C reg amend task 4 --due 2023-02-30 --reason x
has err 'command line: due: no such day: "2023-02-30"'
expect 2 vl-add -C reg amend task 4 --owner '' --reason x
has err 'command line: owner:'
# a field of another file, or a file amend does not change: usage
expect 2 vl-add -C reg amend task 4 --leader 韦海燕 --reason x
has err usage:
expect 2 vl-add -C reg amend project P25 --owner 韦海燕 --reason x
has err usage:
expect 2 vl-add -C reg amend progress 1 --note x --reason x
has err usage:
# a rectification's due date stays after its inspection
expect 2 vl-add -C reg amend inspection 95 --due 2023-04-01 --reason x
has err 'command line: due: 2023-04-01 must be after the inspection date 2023-04-25'
expect 2 vl-add -C reg amend inspection 95 --finding '' --reason x
has err 'command line: finding: a failed inspection needs a finding'
# a pass has no finding and no due date
expect 2 vl-add -C reg amend inspection 1 --due 2023-07-01 --reason x
has err 'command line: due: inspection 1 passed: it has no finding or due date to amend'
snapshot reg > after
same before after

# a task's owner and due date: that row alone, the trail says both
cp reg/tasks.csv was.csv
expect 0 vl-add -C reg amend task 4 --owner 韦海燕 --due 2023-06-30 --reason 人员调整
diff was.csv reg/tasks.csv > d
has d '< 4,整村推进,联系点鹿鸣村：对照自治区验收指标查漏补缺,卢建华,2023-06-10,'
has d '> 4,整村推进,联系点鹿鸣村：对照自治区验收指标查漏补缺,韦海燕,2023-06-30,'
[ "$(grep -c '^[<>]' d)" = 2 ] || fail "more than task 4 changed"
has reg/audit.csv ',vl-add,amend,tasks.csv,4,'
has reg/audit.csv 'owner: 卢建华 → 韦海燕; due: 2023-06-10 → 2023-06-30; reason: 人员调整'
# no longer late, and the new owner's: on their list when it comes due
expect 0 vl-report -C reg overdue --kind task
hasnt out '联系点鹿鸣村'
expect 0 vl-report -C reg overdue --kind task --within 30 --leader 韦海燕
has out '韦海燕,,2023-06-30,,15,due-soon'

# a rectification given more time: off the overdue list until then
expect 0 vl-report -C reg overdue
has out '#95 acceptance quality'
expect 0 vl-add -C reg amend inspection 95 --due 2023-07-15 --reason 延期整改
has reg/audit.csv ',vl-add,amend,inspections.csv,95,due: 2023-05-25 → 2023-07-15; reason: 延期整改'
expect 0 vl-report -C reg overdue
hasnt out '#95 acceptance quality'
# an inspector's name is the one thing of a pass to amend
expect 0 vl-add -C reg amend inspection 1 --inspector 黄立新 --reason 录错检查人
has reg/audit.csv 'inspector: 蒙桂芳 → 黄立新; reason: 录错检查人'
expect 2 vl-add -C reg amend inspection 1 --inspector 黄立新 --reason x
has err '1 holds these values already: nothing to amend'
expect 0 vl-report -C reg audit

# a voided row is added again, not amended
expect 0 vl-add -C reg void task 5 --reason 重复
snapshot reg > before
expect 2 vl-add -C reg amend task 5 --owner 韦海燕 --reason x
has err 'voided: task 5 was voided on 2023-06-15 (重复): add it again rather than amend it'
expect 2 vl-add -C reg amend task 5 --owner 韦海燕 --reason x --lang zh
has err '任务 5 已于 2023-06-15 作废（重复）：请重新录入，而不是更正'
snapshot reg > after
same before after
