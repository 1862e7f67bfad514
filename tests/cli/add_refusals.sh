# Impossible histories refused at write time: exit 2, the message says
# why and what to do, nothing written.  Progress that starts twice or
# completes before it starts, dates after today, money beyond the budget
# or the allocations, a village registered twice, ids used before or
# differing only in case, a file imported twice, a row typed twice, more
# projects than the plan's villages.
. "$TESTS/lib.sh"

vl-add -C reg init --plan "$SHARE/demo/plan.json" 2>/dev/null
export VL_AS_OF=2023-03-01
refused() {
	snapshot reg > before
	expect 2 "$@"
	has err "nothing written"
	snapshot reg > after
	same before after
}
vl-add -C reg project --town 青山镇 --village 松林村 --leader 甲 --specialist 乙 \
    --budget 100 > /dev/null

# ---- progress -------------------------------------------------------------
refused vl-add -C reg progress --project P001 --stage completed --date 2023-01-10
has err "stage: P001 has no started progress: record its start first (vl-add progress --project P001 --stage started --date D)"
expect 0 vl-add -C reg progress --project P001 --stage started --date 2023-01-05
echo 1 > want
same out want
refused vl-add -C reg progress --project P001 --stage started --date 2023-01-06
has err "stage: P001 has started progress already (progress 1, 2023-01-05): if that one is wrong, void progress 1 first"
refused vl-add -C reg progress --project P001 --stage completed --date 2023-01-04
has err "date: completed 2023-01-04 is before P001 started (2023-01-05, progress 1): give the right --date, or void progress 1 first if the start is wrong"
refused vl-add -C reg progress --project P001 --stage completed --date 2032-01-04
has err "date: 2032-01-04 is after today (2023-03-01): a record is dated when it happened"
expect 0 vl-add -C reg progress --project P001 --stage completed --date 2023-02-20
refused vl-add -C reg progress --project P001 --stage completed --date 2023-02-21
has err "P001 has completed progress already (progress 2, 2023-02-20): if that one is wrong, void progress 2 first"
# a start voided: another may be recorded, and the completion must follow it
expect 0 vl-add -C reg void progress 2 --reason "未完工"
expect 0 vl-add -C reg void progress 1 --reason "日期录错"
expect 0 vl-add -C reg progress --project P001 --stage started --date 2023-01-15
echo 3 > want
same out want
# within one import, row by row
printf 'project,stage,date\nP001,completed,2023-02-01\nP001,completed,2023-02-02\n' > two.csv
refused vl-add -C reg progress --import two.csv
has err "two.csv:3: stage: P001 has completed progress already (line 2 of this file, 2023-02-01): if that one is wrong, correct line 2 of this file"

# ---- funds ----------------------------------------------------------------
expect 0 vl-add -C reg fund --kind receipt --level central --amount 1000 --date 2023-01-02
refused vl-add -C reg fund --kind receipt --level central --amount 1000 --date 2203-01-02
has err "date: 2203-01-02 is after today (2023-03-01)"
refused vl-add -C reg fund --kind allocation --project P001 --amount 100.01 --date 2023-01-03
has err "amount: P001: budget 100.00, allocated 0.00, this allocation 100.01: over the budget by 0.01; amend the budget first (vl-add amend project P001 --budget AMT --reason TEXT) or allocate less"
expect 0 vl-add -C reg fund --kind allocation --project P001 --amount 36.94 --date 2023-01-03
refused vl-add -C reg fund --kind expense --project P001 --purpose construction --amount 90 --date 2023-01-04
has err "amount: P001: allocated 36.94, spent 0.00, this expense 90.00: over by 53.06; record the allocation first"
expect 0 vl-add -C reg fund --kind expense --project P001 --purpose construction --amount 30 --date 2023-01-04
# a negative entry typed by hand, naming nothing: a reversal by the
# tools then would drive the project's spending negative
printf '9,2023-01-05,expense,,,P001,construction,-30.00,手工冲销\n' >> reg/funds.csv
refused vl-add -C reg fund --reverses "$(sed -n '4p' reg/funds.csv | cut -d, -f1)" --reason x 2> /dev/null
has err "drive the project's net spending negative"
sed -i '$d' reg/funds.csv

# ---- one project a village; ids ------------------------------------------
refused vl-add -C reg project --town 青山镇 --village 松林村 --leader 丙 \
    --specialist 丁 --budget 1
has err "village: 青山镇 松林村 has a project already (P001): one project a village; to change that one, vl-add amend project P001"
printf 'town,village,leader,specialist,budget\n河口镇,新村,甲,乙,1\n河口镇,新村,丙,丁,1\n' > twice.csv
refused vl-add -C reg project --import twice.csv
has err "twice.csv:3: village: 河口镇 新村 has a project already (P002)"
refused vl-add -C reg project --id p001 --town t --village v --leader l --specialist s --budget 1
has err 'id: "p001" differs only in letter case from an id in projects.csv; use another'
expect 0 vl-add -C reg project --town t --village v --leader l --specialist s --budget 1
echo P002 > want
same out want
# deleted by hand: its id is not given again, nor taken when asked for
sed -i '/^P002,/d' reg/projects.csv
expect 0 vl-add -C reg project --town t2 --village v2 --leader l --specialist s --budget 1
echo P003 > want
same out want
refused vl-add -C reg project --id P002 --town t3 --village v3 --leader l --specialist s --budget 1
has err 'id: "P002" was used before (audit.csv); an id is never given twice'
# an id of digits too large to number above: refused, the limit said
refused vl-add -C reg project --id P10000000000000000000 --town t3 --village v3 --leader l --specialist s --budget 1
has err 'id: "P10000000000000000000" is too large a number for an id: at most P999999999999999999, so that the ids after it are numbered above it; leave --id out for a new one'

# ---- imports and repeated rows --------------------------------------------
printf 'date,kind,level,source,project,purpose,amount,note\n2023-01-06,receipt,city,finance,,,5,市配套\n' > pay.csv
expect 0 vl-add -C reg fund --import pay.csv
seq=$(grep ',import,funds.csv,pay.csv,' reg/audit.csv | cut -d, -f1)
day=$(grep ',import,funds.csv,pay.csv,' reg/audit.csv | cut -d, -f2 | cut -c1-10)
has reg/audit.csv ",import,funds.csv,pay.csv,"
has reg/audit.csv "sha256:$(sha256sum pay.csv | cut -c1-64)"
refused vl-add -C reg fund --import pay.csv
has err "pay.csv: import: this file was imported before, on $day (audit.csv seq $seq): its rows are in funds.csv already; nothing to do"
# the same file saved again by a spreadsheet (a byte-order mark, CRLF,
# blank lines at the end): the same content, refused as imported before,
# --allow-repeat or not
for f in bom crlf blank; do
	case $f in
	bom) printf '\357\273\277' | cat - pay.csv > $f.csv ;;
	crlf) sed 's/$/\r/' pay.csv > $f.csv ;;
	blank) cat pay.csv > $f.csv && printf '\n\r\n' >> $f.csv ;;
	esac
	refused vl-add -C reg fund --import $f.csv --allow-repeat
	has err "$f.csv: import: this file was imported before, on $day (audit.csv seq $seq)"
done
# the same rows in another file (the columns in another order): each a
# double entry, the message naming the entry it repeats (its id), so the
# clerk can look at it before giving --allow-repeat
paid=$(grep ',2023-01-06,receipt,city,finance,,,5.00,市配套' reg/funds.csv | cut -d, -f1)
[ -n "$paid" ] || fail "pay.csv's row not in funds.csv"
printf 'date,kind,level,source,project,purpose,note,amount\n2023-01-06,receipt,city,finance,,,市配套,5\n' > again.csv
refused vl-add -C reg fund --import again.csv
has err "again.csv:2: id: the same as the row with id $paid in funds.csv in every field but the id: a double entry?  If it is a second one indeed, give --allow-repeat"
refused vl-add -C reg fund --kind receipt --level city --source finance --amount 5 --date 2023-01-06 --note 市配套
has err "command line: id: the same as the row with id $paid in funds.csv in every field"
# twice in one file: the line it repeats (the row has no id yet)
printf 'date,kind,level,source,project,purpose,amount,note\n2023-01-06,receipt,city,finance,,,7,a\n2023-01-06,receipt,city,finance,,,7.00,a\n' > twice.csv
refused vl-add -C reg fund --import twice.csv
has err "twice.csv:3: id: the same as line 2 of this file in every field but the id: a double entry?"
expect 0 vl-add -C reg fund --import again.csv --allow-repeat

# ---- more projects than the plan's villages ------------------------------
sed 's/"villages": 50/"villages": 1/' reg/plan.json > plan && cat plan > reg/plan.json
expect 1 vl-fund -C reg check 2> /dev/null
has out 'villages,projects,,,,discrepancy,"2 projects under a plan of 1 village: a project registered twice, or the plan'"'"'s villages to amend"'
# and every headline counts against the 2 projects, never 1/1
expect 0 vl-report -C reg summary 2> /dev/null
has out "动工 started      1 / 2  50.0%"
expect 0 vl-report -C reg briefing 2> /dev/null
has out '<span id="started">1/2</span>'
hasnt out '<p>全部动工</p>'
# vl-add takes another project, but says so
expect 0 vl-add -C reg project --town 河口镇 --village 三村 --leader 甲 \
    --specialist 乙 --budget 1
has err "reg/plan.json: 3 projects under a plan of 1 village: amend the plan's villages if the programme grew"
# said once, with the count the batch makes, after it is written; a
# batch refused says only why
printf 'town,village,leader,specialist,budget\n河口镇,四村,甲,乙,1\n河口镇,五村,甲,乙,1\n' > two.csv
expect 0 vl-add -C reg project --import two.csv
has err "reg/plan.json: 5 projects under a plan of 1 village"
hasnt err "4 projects"
lines err 1
printf 'town,village,leader,specialist,budget\n河口镇,六村,甲,乙,1\n河口镇,六村,甲,乙,1\n' > dup.csv
refused vl-add -C reg project --import dup.csv
hasnt err "projects under a plan"

# one funding line short of the total: "the 1 funding line", not "lines"
demo_plan one.json '{"funding": [{"name": "区", "levels": ["district"], "amount": "100"}], "total": "200"}'
vl-add -C one init --plan one.json 2> /dev/null || fail "one.json refused"
expect 1 vl-fund -C one check
has out "plan-lines,total,200.00,100.00,-100.00,discrepancy,the 1 funding line of plan.json against its total: short by 100.00"

# ---- the largest id given: the next one above it -------------------------
refused vl-add -C reg fund --id 99999999999999999999 --kind receipt --level city --amount 7 --date 2023-01-06
has err 'command line: id: "99999999999999999999" is too large a number for an id: at most 999999999999999999'
printf 'id,date,project,phase,aspect,result\n1000000000000000000,2023-01-07,P001,check,safety,pass\n' > big.csv
snapshot reg > before
expect 2 vl-inspect -C reg add --import big.csv
has err 'big.csv:2: id: "1000000000000000000" is too large a number for an id'
snapshot reg > after
same before after
expect 0 vl-add -C reg fund --id 999999999999999999 --kind receipt --level city --amount 7 --date 2023-01-06
expect 0 vl-add -C reg fund --kind receipt --level city --amount 8 --date 2023-01-06
echo 1000000000000000000 > want
same out want
# ---- ids in another case ----------------------------------------------------
vl-add -C case init --plan "$SHARE/demo/plan.json" 2>/dev/null
# an id given in lower case numbers as its capital does: the next id
# given is above it, never one that differs from it only in case (p004
# given, P004 next was refused: "use another", of an id nobody gave)
expect 0 vl-add -C case project --id p004 --town t4 --village v4 --leader l --specialist s --budget 1
expect 0 vl-add -C case project --town t5 --village v5 --leader l --specialist s --budget 1
echo P005 > want
same out want
# and the same once p004's row is deleted by hand (the audit trail has it)
sed -i '/^p004,/d' case/projects.csv
expect 0 vl-add -C case project --town t6 --village v6 --leader l --specialist s --budget 1
echo P006 > want
same out want
# nor is p004 given again as P004, nor P006 as p006, once deleted by hand
refused vl-add -C case project --id P004 --town t7 --village v7 --leader l --specialist s --budget 1
has err 'id: "P004" was used before (audit.csv); an id is never given twice'
sed -i '/^P006,/d' case/projects.csv
refused vl-add -C case project --id p006 --town t7 --village v7 --leader l --specialist s --budget 1
has err 'id: "p006" was used before (audit.csv); an id is never given twice'
done_
