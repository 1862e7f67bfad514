# vl-report audit: the history, its hash chain verified; hand edits named
. "$TESTS/lib.sh"

vl-add -C reg init --plan "$SHARE/demo/plan.json" 2>/dev/null
vl-add -C reg project --import "$TESTS/fixtures/villages.csv" > /dev/null
vl-add -C reg fund --kind receipt --level central --amount 100 --date 2023-01-02 > /dev/null
vl-add -C reg progress --project P001 --stage started --date 2023-01-03

expect 0 vl-report -C reg audit
lines out 60		# header, anchor, 5 init lines, the import and its 50
		# projects, a fund, a progress
has out "1,"
has out ",vl-add,anchor,.vl-head,,,ok"
has out ",vl-add,init,plan.json,,,ok"
has out ",vl-add,import,projects.csv,$TESTS/fixtures/villages.csv,sha256:"
has out ",vl-add,add,projects.csv,P050,,ok"
has out ",vl-add,add,funds.csv,1,,ok"
has out ",vl-add,add,progress.csv,1,,ok"
hasnt out "broken"
[ -s err ] && fail "a clean register gave warnings: $(cat err)"

# one edited byte, a deleted line, two lines swapped: each exit 1, line named
cp reg/audit.csv good
sed '22s/P014/P099/' good > reg/audit.csv
expect 1 vl-report -C reg audit
has err "reg/audit.csv:22: hash: the chain breaks here"
has out ",P099,,broken"
sed '30d' good > reg/audit.csv
expect 1 vl-report -C reg audit
has err "reg/audit.csv:30: hash:"
awk 'NR == 10 {held = $0; next} NR == 11 {print; print held; next} 1' good > reg/audit.csv
expect 1 vl-report -C reg audit
has err "reg/audit.csv:10: hash:"
# the last line dropped: what is left still chains, but it no longer
# reaches its head (.vl-head), and progress.csv is no longer what the
# last line for it says
sed '$d' good > reg/audit.csv
expect 1 vl-report -C reg audit
has err "reg/audit.csv: does not end with line 59 as reg/.vl-head records it"
has err "progress.csv: changed outside the vl tools"
cp good reg/audit.csv

# a data file edited by hand: a warning, not a refusal
printf 'X1,青山镇,改,甲,乙,1.00,,,,\n' >> reg/projects.csv
expect 0 vl-report -C reg audit
has err "reg/projects.csv: changed outside the vl tools since audit.csv line"
hasnt err "funds.csv"
# vl-fund check, the other check, says so too
expect 1 vl-fund -C reg check --as-of 2023-01-05	# budgets: 1.00 over
has err "reg/projects.csv: changed outside the vl tools"
# in the register's directory, the file is named as the other messages
# name it: projects.csv, not ./projects.csv
(cd reg && vl-fund check --as-of 2023-01-05 > /dev/null 2> ../err)
has err "vl-fund: projects.csv: changed outside the vl tools"
hasnt err "./"
# ...and the tools go on working; their next change, of any file, puts
# the hand edit on record first, and the warning ends there
expect 0 vl-add -C reg progress --project P002 --stage started --date 2023-01-04
expect 0 vl-report -C reg audit
hasnt out broken
has out ",edited-outside,projects.csv,,,ok"
has out ",add,progress.csv,2,,ok"
[ -s err ] && fail "warned after the edit was recorded: $(cat err)"
expect 0 vl-add -C reg project --town t --village v --leader l \
    --specialist s --budget 1
expect 0 vl-report -C reg audit
has out ",add,projects.csv,P051,,ok"
[ "$(grep -c ',edited-outside,' out)" = 1 ] || fail "an edit recorded twice"
# plan.json, which init tells the clerk to edit and no tool writes again:
# warned of until the next change, then on record
sed 's/第一批/第一批(修订)/' reg/plan.json > plan && cat plan > reg/plan.json
expect 1 vl-fund -C reg check --as-of 2023-01-05
has err "reg/plan.json: changed outside the vl tools"
expect 0 vl-add -C reg fund --kind receipt --level central --amount 1 \
    --date 2023-01-05
expect 1 vl-fund -C reg check --as-of 2023-01-05
hasnt err "changed outside"
expect 0 vl-report -C reg audit
has out ",edited-outside,plan.json,,,ok"
[ -s err ] && fail "warned after the plan's edit was recorded: $(cat err)"
# a file removed by hand is recorded too, once, and the warning ends
rm reg/progress.csv
expect 0 vl-add -C reg progress --project P003 --stage started --date 2023-01-05
expect 0 vl-report -C reg audit
has out ",removed-outside,progress.csv,,,ok"
rm reg/inspections.csv
expect 0 vl-report -C reg audit
has err "reg/inspections.csv: changed outside the vl tools"
expect 0 vl-add -C reg fund --kind receipt --level central --amount 1 \
    --date 2023-01-06
expect 0 vl-add -C reg fund --kind receipt --level central --amount 1 \
    --date 2023-01-06 --allow-repeat
expect 0 vl-report -C reg audit
has out ",removed-outside,inspections.csv,,,ok"
[ "$(grep -c ',removed-outside,inspections.csv,' out)" = 1 ] ||
    fail "a removal recorded twice"
[ -s err ] && fail "warned after the removal was recorded: $(cat err)"
# a file put in by hand where the trail names none (tasks.csv, which init
# does not make; a journal planted the same way): made outside the tools,
# said by both checks until the next change puts it on record
cp "$SHARE/demo/tasks.csv" reg/tasks.csv
expect 0 vl-report -C reg audit
has err "reg/tasks.csv: made outside the vl tools: audit.csv names it nowhere"
lines err 1
expect 1 vl-fund -C reg check --as-of 2023-01-06
has err "reg/tasks.csv: made outside the vl tools"
expect 0 vl-add -C reg fund --kind receipt --level central --amount 1 \
    --date 2023-01-06 --allow-repeat
expect 0 vl-report -C reg audit
has out ",edited-outside,tasks.csv,made outside the tools,,ok"
[ -s err ] && fail "warned after the made file was recorded: $(cat err)"

# progress.csv removed by hand: its ids are not given again
grep ',add,progress.csv,3,' reg/audit.csv > /dev/null ||
    fail "the progress added after the removal is not 3"

# a correction's line holds the old and new values and the reason, and
# the trail still verifies
expect 0 vl-add -C reg amend project P001 --leader 张三 --reason "换人" \
    --as-of 2023-01-04
expect 0 vl-report -C reg audit
has out ',amend,projects.csv,P001,leader: 蓝霞 → 张三; reason: 换人; dated: 2023-01-04,ok'
hasnt out broken
head -1 reg/audit.csv > got
echo 'seq,time,user,tool,action,file,record,hash,digest,detail' > want
same got want
[ -s err ] && fail "warned after an amend: $(cat err)"

# not a register
expect 2 vl-report -C nowhere audit
done_
