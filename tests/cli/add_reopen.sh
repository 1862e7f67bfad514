# vl-add reopen inspection|task ID --reason T: a close or a done made by
# mistake taken back, the finding or the task open again, the trail
# keeping what the close said; every refusal writes nothing
. "$TESTS/lib.sh"

demo reg
export VL_AS_OF=2023-06-15

# a finding closed by mistake, with who verified it and what shows it
expect 0 vl-inspect -C reg close 78 --by 黄立新 --note 已整改 --evidence 照片3张
cp reg/inspections.csv closed.csv
expect 0 vl-inspect -C reg list --open
hasnt out '78,2023-03-20'

# the refusals: exit 2, the register as it was
snapshot reg > before
expect 2 vl-add -C reg reopen inspection 78
has err 'reason: missing: a correction says why (--reason TEXT)'
has err 'nothing written'
expect 2 vl-add -C reg reopen inspection 999 --reason x
has err 'no inspection "999"'
expect 2 vl-add -C reg reopen inspection 1 --reason x
has err 'inspections.csv:2: result: inspection 1 did not fail: nothing to reopen'
expect 2 vl-add -C reg reopen inspection 95 --reason x
has err 'closed: the rectification of inspection 95 is not closed: nothing to reopen'
expect 2 vl-add -C reg reopen task 5 --reason x
has err 'done: task 5 is not done: nothing to reopen'
expect 2 vl-add -C reg reopen task 99 --reason x
has err 'no task "99"'
expect 2 vl-add -C reg reopen progress 1 --reason x
has err usage:
expect 2 vl-add -C reg reopen inspection 78 --reason "$(printf 'a\nb')"
has err 'reason: a control character or a line break'
snapshot reg > after
same before after

# reopened: the closing columns emptied, that row alone; the trail says
# each old value and why
expect 0 vl-add -C reg reopen inspection 78 --reason '误关：应为 #79'
diff closed.csv reg/inspections.csv > d
has d '< 78,2023-03-20,P05,check,safety,fail,脚手架未设防护网，存在高处坠落隐患，已责令停工整改,2023-04-05,2023-06-15,覃晓峰,,黄立新,已整改,照片3张'
has d '> 78,2023-03-20,P05,check,safety,fail,脚手架未设防护网，存在高处坠落隐患，已责令停工整改,2023-04-05,,覃晓峰,,,,'
[ "$(grep -c '^[<>]' d)" = 2 ] || fail "more than row 78 changed"
tail -1 reg/audit.csv > line
has line ',vl-add,reopen,inspections.csv,78,'
has line 'closed: 2023-06-15 → ; closed_by: 黄立新 → ; close_note: 已整改 → ; close_evidence: 照片3张 → ; reason: 误关：应为 #79'
expect 0 vl-report -C reg audit
# open again: on the overdue list (due 2023-04-05) and among the open
expect 0 vl-report -C reg overdue
has out 'rectification,P05,'
has out '#78 check safety'
expect 0 vl-inspect -C reg list --open
has out '78,2023-03-20'
# and it can be closed again, properly
expect 0 vl-inspect -C reg close 78 --by 覃晓峰

# a task done by mistake: its done day emptied, its evidence kept
grep '^1,' reg/tasks.csv > was
has was ',2023-05-26,验收自查表,'
expect 0 vl-add -C reg reopen task 1 --reason 自查表未交
grep '^1,' reg/tasks.csv > now
has now ',2023-05-31,,验收自查表,'
has reg/audit.csv ',vl-add,reopen,tasks.csv,1,'
has reg/audit.csv 'done: 2023-05-26 → ; reason: 自查表未交'
expect 0 vl-report -C reg overdue --kind task
has out 'task,,,,黎建国,,2023-05-31,15,'
# a reopened task is done again as any other
expect 0 vl-add -C reg done 1 --date 2023-06-15
expect 2 vl-add -C reg reopen task 1 --reason again --lang zh
has err '未写入任何内容'

# a voided finding is not reopened: it is out of every report already
expect 0 vl-add -C reg void inspection 53 --reason 重复录入
snapshot reg > before
expect 2 vl-add -C reg reopen inspection 53 --reason x
has err 'voided: inspection 53 was voided on 2023-06-15 (重复录入): nothing to reopen'
snapshot reg > after
same before after
expect 2 vl-add -C reg reopen inspection 53 --reason x --lang zh
has err '检查 53 已于 2023-06-15 作废（重复录入）：无可撤销'
# the trail's action word in Chinese too
expect 0 vl-report -C reg audit --lang zh --format table
has out '撤销办结'
