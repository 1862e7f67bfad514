# vl-add init: a new register from a plan or the template; never over one
. "$TESTS/lib.sh"

expect 0 vl-add -C reg init --plan "$SHARE/demo/plan.json"
for f in plan.json projects.csv progress.csv funds.csv inspections.csv; do
	[ -f reg/$f ] || fail "init did not create $f"
done
same reg/plan.json "$SHARE/demo/plan.json"
has reg/projects.csv "id,town,village,leader,specialist,budget"
has reg/funds.csv "id,date,kind,level,source,project,purpose,amount,note"
has reg/inspections.csv "id,date,project,phase,aspect,result,finding,due,closed,inspector"

# an existing register is never overwritten
snapshot reg > before
expect 2 vl-add -C reg init
has err "never overwritten"
snapshot reg > after
same before after

# without a plan: the template, which the tools can load; a nested new dir
expect 0 vl-add --dir new/deep/reg init
same new/deep/reg/plan.json "$SHARE/plan-template.json"
has err "edit plan.json"
expect 0 vl-report -C new/deep/reg progress
# vl-fund check does not pass an unfilled plan (its 0.00 of 0.00 add up):
# a discrepancy, exit 1, where it said "all 7 checks pass"
expect 1 vl-fund -C new/deep/reg check
has out "plan,plan.json,,,,discrepancy,\"still the template's placeholders (name, villages, deadlines 2099-12-31, total): fill in the programme's plan\""
hasnt err "checks pass"
# said once: the discrepancy, not a reader's warning as well
n=$(cat out err | grep -c "template's placeholders")
[ "$n" -eq 1 ] || fail "check says the template $n times, expected once"
# so over several registers, of the district whose plan it is
printf 'new/deep/reg\n' > regs
expect 1 vl-fund --registers regs check
n=$(cat out err | grep -c "template's placeholders")
[ "$n" -eq 1 ] || fail "a roll-up's check says the template $n times, expected once"
# nor does the summary say "every village has started" of its 0 villages
expect 0 vl-report -C new/deep/reg summary --lang en
has out "plan.json is still the template: fill in the programme's plan"
hasnt out "every village has started"
# a reader says the plan is still the template: a clean check or an empty
# list of it is of no programme
for c in "vl-report progress" "vl-report summary" \
    "vl-report overdue --check" "vl-inspect list"; do
	expect 0 $c -C new/deep/reg
	has err "new/deep/reg/plan.json: still the template's placeholders (name, villages, deadlines 2099-12-31, total): the figures are of no programme until its plan is filled in"
done
# but no record goes into a register whose plan is still the template
snapshot new/deep/reg > before
expect 2 vl-add -C new/deep/reg project --town T --village V --leader L \
    --specialist S --budget 1
has err "plan.json: still the template's placeholders"
has err "fill in the programme's plan before adding records"
snapshot new/deep/reg > after
same before after
# once edited, it is a plan like any other
sed -e 's/请填写项目名称 \/ programme name/第二批/' -e 's/"villages": 0/"villages": 1/' \
    -e 's/"start_by": "2099-12-31"/"start_by": "2023-01-31"/' \
    -e 's/"complete_by": "2099-12-31"/"complete_by": "2023-06-30"/' \
    -e 's/"0.00"/"1.00"/g' "$SHARE/plan-template.json" > new/deep/reg/plan.json
expect 0 vl-add -C new/deep/reg project --town T --village V --leader L \
    --specialist S --budget 1
has out "P001"
expect 0 vl-fund -C new/deep/reg check
hasnt err "template"

# -C, then $VL_DIR, then the current directory
mkdir here && (cd here && vl-add init --plan "$SHARE/demo/plan.json") ||
    fail "init in the current directory"
[ -f here/plan.json ] || fail "no plan.json in the current directory"
VL_DIR=viaenv expect 0 vl-add init --plan "$SHARE/demo/plan.json"
[ -f viaenv/plan.json ] || fail "\$VL_DIR not used"

# a bad plan is refused with its line and nothing is created
printf '{"name": "x", "name": "y"}\n' > dup.json
expect 2 vl-add -C bad init --plan dup.json
has err "dup.json:1:"
[ -e bad/plan.json ] && fail "a register was written from a bad plan"
printf '{"name":"x","villages":1,"start_by":"2022-12-31","complete_by":"2023-05-31","total":184.7,"funding":[{"name":"a","levels":["city"],"amount":"1"}],"purposes":["construction"]}\n' > num.json
expect 2 vl-add -C bad init --plan num.json
has err "total: must be a string"
# every bad value named with its line, the value itself quoted, as a CSV
# row's are: which of the dates or amounts is wrong is seen at once
cat > vals.json <<'J'
{"name": "x", "villages": 1,
 "start_by": "2023-02-29",
 "complete_by": "2023-05-31", "total": "10万",
 "funding": [{"name": "a", "levels": ["city"], "amount": "10万元"}],
 "milestones": [{"name": "roofed", "due": "2023-04-31"}],
 "purposes": ["construction"]}
J
expect 2 vl-add -C bad init --plan vals.json
has err 'vals.json:2: start_by: no such day: "2023-02-29"'
has err 'vals.json:4: funding[0].amount: not an amount: "10万元"'
has err 'vals.json:5: milestones[0].due: no such day: "2023-04-31"'
[ -e bad/plan.json ] && fail "a register was written from a bad plan"
done_
