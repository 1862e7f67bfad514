# vl-report audit: the history, its hash chain verified; hand edits named
. "$TESTS/lib.sh"

vl-add -C reg init --plan "$SHARE/demo/plan.json" 2>/dev/null
vl-add -C reg project --import "$TESTS/fixtures/villages.csv" > /dev/null
vl-add -C reg fund --kind receipt --level central --amount 100 --date 2023-01-02 > /dev/null
vl-add -C reg progress --project P001 --stage started --date 2023-01-03

expect 0 vl-report -C reg audit
lines out 58		# header, 5 init lines, 50 projects, a fund, a progress
has out "1,"
has out ",vl-add,init,plan.json,,ok"
has out ",vl-add,add,projects.csv,P050,ok"
has out ",vl-add,add,funds.csv,1,ok"
has out ",vl-add,add,progress.csv,2023-01-03 P001 started,ok"
hasnt out "broken"
[ -s err ] && fail "a clean register gave warnings: $(cat err)"

# one edited byte, a deleted line, two lines swapped: each exit 1, line named
cp reg/audit.csv good
sed '20s/P014/P099/' good > reg/audit.csv
expect 1 vl-report -C reg audit
has err "reg/audit.csv:20: hash: the chain breaks here"
has out ",P099,broken"
sed '30d' good > reg/audit.csv
expect 1 vl-report -C reg audit
has err "reg/audit.csv:30: hash:"
awk 'NR == 10 {held = $0; next} NR == 11 {print; print held; next} 1' good > reg/audit.csv
expect 1 vl-report -C reg audit
has err "reg/audit.csv:10: hash:"
# the last line dropped: what is left still chains, but progress.csv is
# no longer what the last line for it says
sed '$d' good > reg/audit.csv
expect 0 vl-report -C reg audit
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
# ...and the tools go on working, their next change recorded
expect 0 vl-add -C reg progress --project P002 --stage started --date 2023-01-04
expect 0 vl-report -C reg audit
hasnt out broken
has err "reg/projects.csv: changed outside the vl tools"
# the next change of that file puts the hand edit on record first
expect 0 vl-add -C reg project --town t --village v --leader l \
    --specialist s --budget 1
expect 0 vl-report -C reg audit
has out ",edited-outside,projects.csv,,ok"
has out ",add,projects.csv,P051,ok"
[ -s err ] && fail "warned after the edit was recorded: $(cat err)"
# a file removed by hand is recorded too, by the next write of it
rm reg/progress.csv
expect 0 vl-add -C reg progress --project P003 --stage started --date 2023-01-05
expect 0 vl-report -C reg audit
has out ",removed-outside,progress.csv,,ok"

# not a register
expect 2 vl-report -C nowhere audit
done_
