# A register written before ids on progress rows, void and reverses
# columns and the audit detail (the demo as it stood at 2286c3a, kept in
# tests/fixtures) is read as it is: every report says what it says of the
# demo migrated since (as it stood at c988726, before it had tasks: kept
# in tests/fixtures too).  Its first writes add the ids and columns, in
# one commit each, audited, every other row as it was.
. "$TESTS/lib.sh"

old="$TESTS/fixtures/demo-2286c3a"
demo_without_tasks migrated
export VL_AS_OF=2023-06-30

# read as it is, with the same figures as the migrated demo
for cmd in "vl-report overdue --within 30" "vl-report progress --by project" \
    "vl-report funds" "vl-report summary" "vl-fund check" "vl-fund balance" \
    "vl-inspect list" "vl-inspect show P05"; do
	for day in 2023-06-15 2023-06-30; do
		$cmd -C "$old" --as-of $day > a 2>&1
		$cmd -C migrated --as-of $day > b 2>&1
		cmp -s a b || fail "$cmd --as-of $day: the old register reads otherwise"
	done
done
# its reversal named by a note only ("冲销 #108") is taken as one
expect 0 vl-fund -C "$old" check
hasnt out reversal

rm -rf reg && mkdir reg && cp "$old"/* "$old"/.vl-head reg/
cp reg/progress.csv progress.before
cp reg/funds.csv funds.before
cp reg/inspections.csv inspections.before

# the first progress: ids in file order for every row, then its own
expect 0 vl-add -C reg progress --project P25 --stage started --date 2023-06-28
echo 93 > want
same out want
head -n 1 reg/progress.csv > got
echo 'id,date,project,stage,note' > want
same got want
tail -n +2 progress.before | awk '{print NR "," $0}' > want
sed -n '2,93p' reg/progress.csv > got
same got want
tail -n 1 reg/progress.csv > got
echo '93,2023-06-28,P25,started,' > want
same got want
expect 0 vl-report -C reg audit
has out ',vl-add,add-ids,progress.csv,1-92,,ok'
has out ',vl-add,add,progress.csv,93,,ok'
[ -s err ] && fail "audit warned: $(cat err)"

# the first void of an inspection: the columns added, every row kept
expect 0 vl-add -C reg void inspection 117 --reason "重复录入" --date 2023-06-30
head -n 1 reg/inspections.csv > got
echo 'id,date,project,phase,aspect,result,finding,due,closed,inspector,voided,void_reason' > want
same got want
grep -v '^117,' inspections.before | sed '1d; s/$/,,/' > want
grep -v '^117,' reg/inspections.csv | sed '1d' > got
same got want
has reg/inspections.csv '117,2023-06-16,P06,check,quality,fail,室内地面砖空鼓,2023-06-20,,蒙桂芳,2023-06-30,重复录入'

# the first reversal: funds.csv gains its reverses column, audited
expect 0 vl-add -C reg fund --reverses 150 --reason "重复支付"
echo 189 > want
same out want
sed '1d; s/$/,/' funds.before > want
sed '1d; $d' reg/funds.csv > got
same got want
tail -n 1 reg/funds.csv > got
echo '189,2023-06-30,expense,,,P09,construction,-10539.00,重复支付,150' > want
same got want
expect 0 vl-report -C reg audit
has out ',vl-add,add-columns,funds.csv,,columns added: reverses,ok'
has out ',vl-add,add,funds.csv,189,reverses 150: amount -10539.00; reason: 重复支付,ok'
[ -s err ] && fail "audit warned: $(cat err)"
expect 0 vl-fund -C reg check
hasnt out reversal
# the old pair that named its entry in the note counts as a reversal
snapshot reg > before
expect 2 vl-add -C reg fund --reverses 108 --reason again
has err "reverses: entry 108 was reversed already, by entry 110"
snapshot reg > after
same before after
done_
