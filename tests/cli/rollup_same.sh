# roll-up (SPEC 9): a district's rows are those of its register read
# alone -- its filters, its corrections (the voided start, the reversal,
# the amend's detail), its days_left -- the district column first, else
# the same; a total of all after the district's own where a report has
# totals.  share/rollup/qingshan is the demo with "district": "青山区".
. "$TESTS/lib.sh"

cp -R "$SHARE/rollup" r
demo d
day="--as-of 2023-06-15"

# the demo's corrections are there to be read: P10's second start is
# voided, a payment is reversed, P33's deadline was amended
grep -q ',P10,started,[^,]*,2022-12-13,' r/qingshan/progress.csv ||
	fail "no voided entry in the roll-up's demo"
awk -F, 'NR > 1 && $10 != "" { n++ } END { exit !n }' r/qingshan/funds.csv ||
	fail "no reversal in the roll-up's demo"
grep -q ',amend,projects.csv,P33,' r/qingshan/audit.csv ||
	fail "no amend in the roll-up's demo trail"

# --district makes one register a roll-up of one: each report of it is
# the register's own with "district" or "青山区" before each line; those
# with totals have the total of all last
while IFS='|' read -r totals cmd; do
	$cmd -C d $day > one 2> one.err
	s1=$?
	$cmd -C r/qingshan --district 青山区 $day > up 2> up.err
	s2=$?
	[ "$s1" = "$s2" ] || fail "$cmd: exit $s1 alone, $s2 as a roll-up"
	same one.err up.err
	head -1 up | grep -q '^district,' || fail "$cmd: no district column"
	tail -n +2 up | grep -qv '^青山区,' && [ "$totals" = no ] &&
		fail "$cmd: a row of no district"
	cut -d, -f2- up > upc
	if [ "$totals" = yes ]; then
		tail -1 upc | grep -q '^total,' || fail "$cmd: no total of all"
		head -n -1 upc > upc2
		tail -1 up | grep -q '^total,' || fail "$cmd: total not last"
		mv upc2 upc
	fi
	same one upc
	[ -s one ] || fail "$cmd printed nothing"
done <<'EOF'
no|vl-report overdue
no|vl-report overdue --within 30
no|vl-report overdue --town 青山镇 --status late
no|vl-report overdue --kind rectification --inspector 覃晓峰
yes|vl-report overdue --by leader
yes|vl-report overdue --by town
yes|vl-report progress
no|vl-report progress --by project
yes|vl-report progress --by leader --town 青山镇
no|vl-report progress --entries
no|vl-report progress --entries --project P10
no|vl-report progress --since 2023-03-01
no|vl-report progress --since 2022-12-01 --kind spent
no|vl-fund sum --by level
no|vl-fund sum --by project
no|vl-fund sum --by project --town 青山镇
no|vl-fund balance
no|vl-fund balance --leader 莫伟
no|vl-inspect list
no|vl-inspect list --open --town 青山镇
no|vl-inspect list --project P05
no|vl-inspect sample --count 5 --seed 3
EOF

# the voided start is listed void, and counted nowhere, as in one register
expect 0 vl-report -C r/qingshan -C r/baishui progress --entries --project P10 $day
grep -q '^青山区,[0-9]*,.*,P10,started,.*,void,2022-12-13,' out ||
	fail "P10's voided start not listed void in the roll-up"
# with -C twice too: the reports without filters, 青山区's rows are the
# demo's (the fund check with the reversal, the funds, the history with
# the amend's and the void's detail)
for cmd in "vl-report funds" "vl-report audit" "vl-fund check" \
    "vl-report overdue" "vl-report progress --by project" \
    "vl-inspect list"; do
	$cmd -C d $day | tail -n +2 > one
	$cmd -C r/qingshan -C r/baishui $day > up
	grep '^青山区,' up | cut -d, -f2- > upc
	same one upc
done
expect 0 vl-report -C r/qingshan -C r/baishui audit
has out "青山区,"
grep -q '^青山区,[0-9]*,.*,amend,projects.csv,P33,.*complete_by' out ||
	fail "the amend's detail is not in the roll-up's history"

# split a file a person: 青山区's folder holds the demo's files, each
# its own list with the district column first; the index names them
vl-report -C d overdue --split-by leader -o s1 $day > /dev/null
expect 0 vl-report -C r/qingshan -C r/baishui overdue --split-by leader -o s2 $day
for f in s1/*.csv; do
	n=${f#s1/}
	[ "$n" = index.csv ] && continue
	[ -f "s2/青山区/$n" ] || { fail "no s2/青山区/$n"; continue; }
	cut -d, -f2- "s2/青山区/$n" > upc
	same "$f" upc
done
# the demo's late task too, in its owner's file (a roll-up reads tasks.csv)
has s2/index.csv '青山区,卢建华,青山区/卢建华.csv,1,1'
has s2/青山区/卢建华.csv '青山区,task,,,,卢建华,,2023-06-10,5,,late,'
grep '^青山区,' s2/index.csv | cut -d, -f2- | sed 's|,青山区/|,|' > upc
tail -n +2 s1/index.csv > onec
same onec upc
head -1 s2/index.csv > h
echo "district,leader,file,items,late" > want
same h want
done_
