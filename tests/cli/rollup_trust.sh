# roll-up (SPEC 9): each copy's audit trail verified before its data is
# used; a broken one, or one not at the head the city was told, is named,
# exit 1, and the rest of the roll-up still reported
. "$TESTS/lib.sh"

# two districts written by the tools, so each has its trail
for d in a b; do
	sed "1s/{/{\"district\": \"$d区\",/" "$SHARE/demo/plan.json" > $d.plan
	vl-add -C $d init --plan $d.plan 2>/dev/null
	vl-add -C $d project --import "$TESTS/fixtures/villages.csv" > /dev/null
	vl-add -C $d progress --project P001 --stage started --date 2023-01-03
done
head_of() { tail -1 "$1/audit.csv" | awk -F, '{print $1 ":" $8}'; }

expect 0 vl-report -C a -C b progress --by district --as-of 2023-06-15
has out "a区,1,50,1,"
has out "b区,1,50,1,"

# the head each copy must hold, in the registers file
printf 'a %s\nb %s\n' "$(head_of a)" "$(head_of b)" > list
expect 0 vl-report --registers list overdue --as-of 2023-06-15
has out "a区,not-started"
has out "b区,not-started"
[ -s err ] && fail "a sound roll-up gave messages: $(cat err)"

# b's copy older than the head sent with it: named, left out, exit 1
vl-add -C b progress --project P002 --stage started --date 2023-01-04
expect 1 vl-report --registers list overdue --as-of 2023-06-15
has err "b/audit.csv: head: "
has err "not $(awk 'NR == 2 {print $2}' list) as expected at list:2"
has out "a区,not-started"
hasnt out "b区"

# an edited line of a's trail: the chain breaks, a is left out.  The
# line is found by its record (the trail opens with its anchor line, so
# seq and line differ) and the edit is checked to have taken
cp a/audit.csv good
n=$(grep -n ',add,projects.csv,P014,' good | cut -d: -f1)
seq=$(awk -F, -v n="$n" 'NR == n {print $1}' good)
sed "${n}s/,P014,/,P099,/" good > a/audit.csv
cmp -s good a/audit.csv && fail "the trail was not edited"
expect 1 vl-report -C a -C b progress --by district --as-of 2023-06-15
has err "a/audit.csv:$n: hash: the chain breaks here; this register is left out of the roll-up"
hasnt out "a区"
has out "b区,1,50,2,"
expect 1 vl-fund -C a -C b check --as-of 2023-06-15
hasnt out "a区"
expect 1 vl-inspect -C a -C b list
# the history of each, a district column first; the broken line named
expect 1 vl-report -C a -C b audit
has out "district,seq,time,user,tool,action,file,record,detail,chain"
has out ",ok"
grep -q "^a区,$seq,.*,projects.csv,P099,,broken$" out ||
	fail "the edited line is not marked broken"
has err "a/audit.csv:$n: hash: the chain breaks here"
grep -q "^b区,.*,broken$" out && fail "b's sound trail marked broken"
cp good a/audit.csv
expect 0 vl-report -C a -C b audit

# a's projects.csv edited by hand after its last write: the trail holds,
# the file is not what it recorded.  The check and the audit of the
# roll-up warn of it, naming the copy, as of a's own (SPEC 10)
cp a/projects.csv projects.good
sed '3s/石门村/石门新村/' projects.good > a/projects.csv
cmp -s projects.good a/projects.csv && fail "projects.csv was not edited"
expect 0 vl-report -C a -C b audit
has err "a/projects.csv: changed outside the vl tools since audit.csv line"
lines err 1
expect 0 vl-fund -C a check --as-of 2023-06-15
has err "a/projects.csv: changed outside the vl tools since audit.csv line"
cp err one.err
expect 0 vl-fund -C a -C b check --as-of 2023-06-15
same err one.err
has out "a区,"
# a file no tool wrote, beside b's
echo id,area,title,owner,due,done,evidence,note > b/tasks.csv
expect 0 vl-fund -C a -C b check --as-of 2023-06-15
has err "b/tasks.csv: made outside the vl tools: audit.csv names it nowhere"
# the readers that do not check say nothing of it, as of one register
expect 0 vl-report -C a -C b progress --by district --as-of 2023-06-15
[ -s err ] && fail "a reader warned: $(cat err)"
rm b/tasks.csv
cp projects.good a/projects.csv

# a's trail put back from an older copy: broken, said once, exit 1
head -4 good > a/audit.csv
expect 1 vl-report -C a -C b audit
has err "a/audit.csv: does not end with line"
[ "$(grep -c 'does not end with line' err)" = 1 ] ||
	fail "the trail put back is said $(grep -c 'does not end with line' err) times"
has out "b区,"
cp good a/audit.csv
expect 0 vl-report -C a -C b audit
done_
