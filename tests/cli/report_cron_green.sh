# The cron signal can go green: on the demo register, once the clerk has
# done what the overdue list asks (a start recorded, findings closed,
# completions and acceptances recorded, missing people named, deadlines
# moved by an approved amend), `vl-report overdue --check` exits 0; the
# history flags (started before a passed review) are still listed.
. "$TESTS/lib.sh"

demo reg
export VL_AS_OF=2023-06-30	# the demo's last day: every record is there

expect 1 vl-report -C reg overdue --check
has out 'missing-specialist,P18'
has out 'started-before-review,P21'

# P25 starts at last; its completion deadline and P50's moved, as the
# county approved
expect 0 vl-add -C reg progress --project P25 --stage started --date 2023-06-28
for p in P25 P50; do
	expect 0 vl-add -C reg amend project $p --complete_by 2023-10-31 \
	    --reason "征地延误，县委组织部批准顺延"
done
# the findings closed
for i in 78 95 100 112 113 117; do
	expect 0 vl-inspect -C reg close $i --date 2023-06-30
done
# completions recorded
for p in P05 P33 P40 P41; do
	expect 0 vl-add -C reg progress --project $p --stage completed \
	    --date 2023-06-29
done
# acceptances recorded
for p in P03 P08 P16 P22 P36; do
	expect 0 vl-inspect -C reg add --project $p --phase acceptance \
	    --aspect quality --result pass --date 2023-06-30 --inspector 覃晓峰
done
# the missing people named
expect 0 vl-add -C reg amend project P18 --specialist 李明 --reason "补录专干"
expect 0 vl-add -C reg amend project P45 --leader 黄志强 --reason "补录领导"
# the contact points of 鹿鸣村 (due 2023-06-10) and 双溪村 (due 06-20)
# checked against the indicators at last: done, with their evidence
expect 1 vl-report -C reg overdue --check --kind task
has out 'task,,,,卢建华,,2023-06-10,20,,late,"task 4, 整村推进: 联系点鹿鸣村'
has out 'task,,,,蓝德胜,,2023-06-20,10,,late,"task 5, 整村推进: 联系点双溪村'
lines out 3
expect 0 vl-add -C reg done 4 --date 2023-06-26 --evidence "验收自查表; 照片6张"
expect 0 vl-add -C reg done 5 --date 2023-06-21 --evidence 验收自查表

expect 0 vl-report -C reg overdue --check
# what stays is history, listed but not a reason to mail
has out 'started-before-review,P21'
hasnt out ',late,'
hasnt out 'missing-'
# a row coming due shows the days left, never a negative days_late
expect 0 vl-report -C reg overdue --check --within 60
has out 'kind,project,town,village,leader,specialist,due,days_late,days_left,status,detail'
has out 'not-accepted,P05,青山镇,杨柳村,莫伟,蒙红英,2023-07-29,,29,due-soon,'
hasnt out ',-'
# every correction is in the audit trail with its reason
expect 0 vl-report -C reg audit
has out 'amend,projects.csv,P18,specialist:  → 李明; reason: 补录专干; dated: 2023-06-30,ok'
has out 'amend,projects.csv,P25,complete_by:  → 2023-10-31; reason: 征地延误'
has out 'done,tasks.csv,4,done:  → 2023-06-26; evidence:  → 验收自查表; 照片6张'
done_
