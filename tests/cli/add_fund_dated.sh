# Spending never exceeds allocations as of any day, not only in the
# journal's total: an expense dated before the allocation it needs, or an
# allocation reversed on a day when the money was spent already, is
# refused (exit 2, nothing written, FILE:LINE: field: and the sums as of
# that day), as vl-fund check as of that day would report it.  Dated on
# or after the allocation it is taken, and vl-fund check holds every day.
# So too the allocations and the receipts: a receipt reversed on a day
# when that money was allocated already is refused.
. "$TESTS/lib.sh"

demo reg
export VL_AS_OF=2023-07-01
# P50 has nothing allocated in the demo
grep -q ',allocation,.*,P50,' reg/funds.csv && fail "the demo allocates to P50"
expect 0 vl-add -C reg fund --kind allocation --project P50 --amount 10000 \
    --date 2023-06-10
first=$(cat out)
expect 0 vl-add -C reg fund --kind expense --project P50 \
    --purpose construction --amount 10000 --date 2023-06-12
expect 0 vl-add -C reg fund --kind allocation --project P50 --amount 5000 \
    --date 2023-06-20
second=$(cat out)

# within the totals (15000 allocated, 10000 spent), not as of 06-12
snapshot reg > before
expect 2 vl-add -C reg fund --kind expense --project P50 \
    --purpose construction --amount 5000 --date 2023-06-11
has err "vl-add: command line: date: P50: as of 2023-06-12 allocated 10000.00, spent 10000.00, this expense 5000.00 of 2023-06-11: over by 5000.00"
has err "nothing written"
printf 'date,kind,level,source,project,purpose,amount,note\n%s\n%s\n' \
    "2023-06-30,expense,,,P50,equipment,1000,桌椅" \
    "2023-06-15,expense,,,P50,construction,3000.50,材料" > early.csv
expect 2 vl-add -C reg fund --import early.csv
has err "early.csv:3: date: P50: as of 2023-06-15 allocated 10000.00, spent 10000.00, this expense 3000.50 of 2023-06-15: over by 3000.50"
snapshot reg > after
same before after
# dated on or after the allocation it needs: taken, and every day holds
expect 0 vl-add -C reg fund --kind expense --project P50 \
    --purpose construction --amount 5000 --date 2023-06-20
for day in 2023-06-11 2023-06-12 2023-06-19 2023-06-20 2023-07-01; do
	expect 0 vl-fund -C reg check --as-of "$day"
	hasnt out discrepancy
done

# an allocation reversed while the totals would hold, not as of its day
expect 0 vl-add -C reg fund --kind allocation --project P50 --amount 12000 \
    --date 2023-06-25
snapshot reg > before
expect 2 vl-add -C reg fund --reverses "$first" --reason "下拨错" \
    --date 2023-06-22
has err "command line: date: P50: as of 2023-06-22 allocated 15000.00, spent 15000.00, this reversal -10000.00 of 2023-06-22"
snapshot reg > after
same before after
expect 0 vl-add -C reg fund --reverses "$first" --reason "下拨错" \
    --date 2023-06-25
for day in 2023-06-22 2023-06-25 2023-07-01; do
	expect 0 vl-fund -C reg check --as-of "$day"
	hasnt out discrepancy
done
# over the journal's totals too (17000.00 allocated, 15000.00 spent),
# but the sums quoted are those the rule held it to, as of the first day
# it would be over: not the totals, which count the entries of 06-20 and
# 06-25, after the expense and after the as-of day
snapshot reg > before
expect 0 vl-fund -C reg balance --project P50 --as-of 2023-06-15
has out ',10000.00,10000.00,'
expect 2 vl-add -C reg --as-of 2023-06-15 fund --kind expense --project P50 \
    --purpose construction --amount 2100 --date 2023-06-14
has err "vl-add: command line: amount: P50: as of 2023-06-14 allocated 10000.00, spent 10000.00, this expense 2100.00: over by 2100.00; record the allocation first"
hasnt err "15000.00"
# on the last day the totals are the day's sums: said without a day
expect 2 vl-add -C reg fund --kind expense --project P50 \
    --purpose construction --amount 2100 --date 2023-06-25
has err "vl-add: command line: amount: P50: allocated 17000.00, spent 15000.00, this expense 2100.00: over by 100.00; record the allocation first"
# an allocation reversed over the totals too (17000.00 allocated, 15000.00
# spent, 12000.00 left): the sums quoted are those as of its day, not the
# totals, which count the entries of 06-25, after it
expect 2 vl-add -C reg fund --reverses "$second" --reason "下拨错" \
    --date 2023-06-21
has err "vl-add: command line: amount: P50: as of 2023-06-21 allocated 15000.00, spent 15000.00, this reversal -5000.00: the spending would be over the allocations by 5000.00; reverse the expenses first"
hasnt err "17000.00"
snapshot reg > after
same before after

# a receipt reversed while the totals would hold, not as of its day: the
# central 1,000,000.00 (entry 1) received again on 06-29, the first one
# reversed as of 06-28 would leave the allocations over the receipts
grep -q '^1,2022-08-20,receipt,central,finance,,,1000000.00,' reg/funds.csv ||
    fail "the demo's entry 1 is not the central receipt"
expect 0 vl-add -C reg fund --kind receipt --level central --source finance \
    --amount 1000000 --date 2023-06-29 --note "重新到位"
snapshot reg > before
expect 2 vl-add -C reg fund --reverses 1 --reason "到位日期错" --date 2023-06-28
has err "command line: date: as of 2023-06-28 received 1846600.00, allocated 1747770.00, this reversal -1000000.00 of 2023-06-28: the allocations would be over the receipts by 901170.00"
has err "nothing written"
snapshot reg > after
same before after
expect 0 vl-add -C reg fund --reverses 1 --reason "到位日期错" --date 2023-06-29
for day in 2023-06-28 2023-06-29 2023-07-01; do
	expect 0 vl-fund -C reg check --as-of "$day"
	hasnt out discrepancy
done
expect 0 vl-report -C reg audit

# an expense reversed today and booked again on its own (earlier) day:
# as of that day the first still stands, and the message says it is the
# reversal that is dated later, not an allocation (P38 has all of its
# allocation since 2022-11-28: 36940.00, spent 34494.39)
demo reg
expect 0 vl-add -C reg fund --reverses 151 --reason "金额录错"
snapshot reg > before
expect 2 vl-add -C reg fund --kind expense --project P38 \
    --purpose equipment --amount 5944.39 --date 2023-04-20
has err "date: P38: as of 2023-04-20 allocated 36940.00, spent 34494.39, this expense 5944.39 of 2023-04-20: over by 3498.78; the reversal that makes room for it is dated later: give the expense its --date on or after that reversal's"
hasnt err "allocation it needs"
has err "nothing written"
snapshot reg > after
same before after
expect 0 vl-add -C reg fund --kind expense --project P38 \
    --purpose equipment --amount 5944.39

# an allocation reversed today and booked again on its own (earlier)
# day: as of that day both stand, over the budget (vl-fund check as of
# it would say so); refused, the day's sums, nothing written; dated on
# or after the reversal, taken.  P50 has nothing allocated in the demo.
demo reg
expect 0 vl-add -C reg fund --kind allocation --project P50 --amount 36940 \
    --date 2023-06-10
alloc=$(cat out)
expect 0 vl-add -C reg fund --reverses "$alloc" --reason "拨错项目"
snapshot reg > before
expect 2 vl-add -C reg fund --kind allocation --project P50 --amount 36940 \
    --date 2023-06-10
has err "vl-add: command line: date: P50: as of 2023-06-10 budget 36940.00, allocated 36940.00, this allocation 36940.00 of 2023-06-10: over the budget by 36940.00; the reversal that makes room for it is dated later: give the allocation its --date on or after that reversal's"
has err "nothing written"
snapshot reg > after
same before after
expect 0 vl-add -C reg fund --kind allocation --project P50 --amount 36940
expect 0 vl-fund -C reg check --as-of 2023-06-10
hasnt out "P50"
done_
