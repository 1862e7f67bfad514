# levels and sources in plan.json: money from a level of the plan's in no
# funding line is other funds (多方筹集: village self-raised, donations,
# the 包村单位's money): booked, shown in sum, balance, the funds report
# and the summary, never in the special fund's sums, the reconciliation
# of the total or vl-fund check's receipts rule
. "$TESTS/lib.sh"

export VL_AS_OF=2023-06-15
demo_plan plan.json '{"levels": ["central", "region", "city", "district",
    "village", "donation"], "sources": ["finance", "party_fee",
    "self_raised", "gift"]}'
# the same register twice: "reg" gets other funds too, "base" does not
for r in reg base; do
	vl-add -C $r init --plan plan.json > /dev/null
	vl-add -C $r project --id P1 --town 青山镇 --village 松林村 --leader 蓝霞 \
	    --specialist 廖燕 --budget 184.7万 > /dev/null
	vl-add -C $r fund --kind receipt --amount 168.46万 --level central \
	    --source finance --date 2023-01-02 > /dev/null
	vl-add -C $r fund --kind receipt --amount 16.24万 --level district \
	    --source finance --date 2023-01-02 > /dev/null
	vl-add -C $r fund --kind allocation --amount 1000 --project P1 \
	    --date 2023-01-03 > /dev/null
	vl-add -C $r fund --kind expense --amount 800 --project P1 \
	    --purpose construction --date 2023-01-05 > /dev/null
done
expect 0 vl-add -C reg fund --kind receipt --amount 5000 --level village \
    --source self_raised --date 2023-01-03
expect 0 vl-add -C reg fund --kind receipt --amount 2000 --level donation \
    --source gift --date 2023-01-03
# spent on the project though nothing of the special fund was allocated
# for it: other funds are not held to the project's allocations
expect 0 vl-add -C reg fund --kind expense --amount 3000 --level village \
    --project P1 --purpose construction --date 2023-01-04

# the funds report: the special fund's rows and total as without them,
# other funds after the total, in all and by level
vl-report -C base funds | grep -v '^(other funds),' > want
expect 0 vl-report -C reg funds
grep -v '^(other funds),' out > got
same want got
tail -n 3 out > got
printf '%s\n' '(other funds),,,7000.00,0.00,3000.00,4000.00' \
    '(other funds),village,,5000.00,0.00,3000.00,2000.00' \
    '(other funds),donation,,2000.00,0.00,0.00,2000.00' > want
same want got
expect 0 vl-report -C reg funds --format table --lang zh
has out "多方筹集"
has out "村自筹"
has out "社会捐赠"

# vl-fund check: the same findings as without other funds (rule 2 and
# the 184.7万 are the special fund's alone)
vl-fund -C base check > want; st1=$?
vl-fund -C reg check > got; st2=$?
same want got
[ "$st1" = "$st2" ] || fail "check exits $st2, without other funds $st1"
hasnt got village

# vl-fund sum shows them; reconcile in the register leaves them out
expect 0 vl-fund -C reg sum --by level
has out "village,5000.00,1"
has out "donation,2000.00,1"
vl-fund -C reg sum --by level > levels.csv
expect 0 vl-fund -C reg reconcile --total 184.7万 levels.csv
has out "1684600.00 + 162400.00 = 1847000.00"
has out "other funds (多方筹集) left out: 2 rows, 7000.00"
# by any other key, other funds are one group apart, which reconcile
# leaves out: the special fund's groups as without them
for key in source kind project purpose town; do
	vl-fund -C base sum --by $key --kind all > want
	expect 0 vl-fund -C reg sum --by $key --kind all
	grep -v '^(other funds),' out > got
	same want got
	has out "(other funds),10000.00,3"
done
vl-fund -C reg sum --by source > sources.csv
expect 0 vl-fund -C reg reconcile --total 184.7万 sources.csv
has out "= 1847000.00"
has out "other funds (多方筹集) left out: 1 row, 7000.00"
# a journal summed as a FILE reads in the plan's words of the register
# it is summed in; outside any register, in the default plan's
cp reg/funds.csv journal.csv
expect 0 vl-fund -C reg sum --by level journal.csv
has out "village,5000.00,1"
(cd reg && vl-fund sum --by level ../journal.csv > ../out)
has out "donation,2000.00,1"
mkdir elsewhere
(cd elsewhere && vl-fund sum --by level ../journal.csv 2> ../err)
[ $? = 2 ] || fail "summed outside a register, other funds' levels taken"
has err 'level: "village" is not one of central, region, city, district'
# a file reconciled outside any register: every row counts
(cd elsewhere && vl-fund reconcile --total 184.7万 ../levels.csv > ../out)
[ $? = 1 ] || fail "reconcile outside a register should fail to add up"
has out "over by 7000.00"

# balance: the special fund's columns as without them, other funds last
expect 0 vl-fund -C reg balance
has out "project,town,village,leader,specialist,budget,allocated,spent,construction,equipment,remaining,flag,other_funds"
has out "P1,青山镇,松林村,蓝霞,廖燕,1847000.00,1000.00,800.00,800.00,0.00,200.00,,3000.00"
# a plan without levels: no such column, no such line
vl-add -C old init --plan "$SHARE/demo/plan.json" > /dev/null
expect 0 vl-fund -C old balance
hasnt out other_funds
# rolled up with a district whose plan has other funds: the column, 0.00
# for the district without
vl-add -C old project --id P9 --town 白水镇 --village 石桥村 --leader 罗兰 \
    --specialist 韦青 --budget 1000 > /dev/null
expect 0 vl-fund -C reg -C old balance
has out "district,project,town,village,leader,specialist,budget,allocated,spent,construction,equipment,remaining,flag,other_funds"
has out "reg,P1,青山镇,松林村,蓝霞,廖燕,1847000.00,1000.00,800.00,800.00,0.00,200.00,,3000.00"
has out "old,P9,白水镇,石桥村,罗兰,韦青,1000.00,0.00,0.00,0.00,0.00,0.00,,0.00"

# the summary says them apart
expect 0 vl-report -C reg summary
has out "other funds"
has out "outside the total; spent 3000.00"
vl-report -C old summary > old.txt
hasnt old.txt "other funds"
# and so does its workbook, a row of its own after the special fund's
# (a plan without levels: no such row)
. "$TESTS/tools/xlsx.sh"
expect 0 vl-report -C reg summary --format xlsx -o reg.xlsx
expect 0 vl-report -C base summary --format xlsx -o base.xlsx
expect 0 vl-report -C old summary --format xlsx -o old.xlsx
py "
rows = lambda f: [[c.value for c in r] for r in
    openpyxl.load_workbook(f).worksheets[0].iter_rows(min_row=3)]
reg, base, old = rows('reg.xlsx'), rows('base.xlsx'), rows('old.xlsx')
other = [r for r in reg if r[0] == '多方筹集 other funds']
assert other == [['多方筹集 other funds', None, None, None, 7000,
    'outside the total; spent 3000.00']], other
others = lambda rows: [r for r in rows if r[0] != '多方筹集 other funds']
assert others(reg) == others(base), (reg, base)
assert others(old) == old, old
" || fail "other funds in the summary's workbook"

# words outside the plan's lists are refused, nothing written
snapshot reg > before
expect 2 vl-add -C reg fund --kind receipt --amount 1 --level county \
    --source finance
has err 'level: "county" is not one of central, region, city, district, village, donation'
expect 2 vl-add -C reg fund --kind receipt --amount 1 --level village \
    --source loan
has err 'source: "loan" is not one of finance, party_fee, self_raised, gift'
snapshot reg > after
same before after
# a plan without levels takes the four of before, and no other
expect 2 vl-add -C old fund --kind receipt --amount 1 --level village \
    --source finance
has err 'level: "village" is not one of central, region, city, district'

# a spreadsheet's Chinese words are the plan's words too
printf '%s\n' '编号,日期,类型,层级,来源,项目,用途,金额,备注' \
    '900,2023-01-06,到位,村自筹,,,,100,' > zh.csv
expect 0 vl-add -C reg fund --import zh.csv
has reg/funds.csv "900,2023-01-06,receipt,village,,,,100.00,"

# a level taken out of plan.json by hand after rows of it were written:
# readers refuse those rows, and so do the writers (an entry, an import,
# a reversal), with the readers' message, nothing written (put the level
# back, or restore the plan)
cp -R reg cut
python3 - cut/plan.json <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
p['levels'].remove('donation')
json.dump(p, open(sys.argv[1], 'w'), ensure_ascii=False)
PY
expect 2 vl-fund -C cut sum --by level
grep 'funds.csv:[0-9]*: level: "donation" is not one of' err > want
lines want 1
snapshot cut > before
printf '%s\n' 'date,kind,level,source,amount' \
    '2023-01-06,receipt,village,self_raised,100' > more.csv
for add in "fund --kind receipt --amount 1 --level village --source self_raised" \
    "fund --import more.csv" "fund --reverses 1 --reason 重复录入"; do
	expect 2 vl-add -C cut $add
	grep 'funds.csv:[0-9]*: ' err | sed 's/^vl-add/vl-fund/' > got
	same want got
	has err "nothing written"
done
snapshot cut > after
same before after

# a funding line's level must be one of the plan's levels
demo_plan bad.json '{"levels": ["central", "region", "city"]}'
expect 2 vl-add -C r2 init --plan bad.json
has err 'funding[1].levels: "district" is not one of the plan'"'"'s levels'
[ ! -e r2/plan.json ] || fail "a register made of a bad plan"
done_
