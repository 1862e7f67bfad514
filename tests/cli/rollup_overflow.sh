# roll-up totals (SPEC 9) never a wrong number: each register's sums are
# held within a quarter of the 64-bit range, ten of them together are
# not; a total across registers that would pass the range is said, exit
# 2, nothing printed (before, the sum stopped growing and printed a
# wrong total)
. "$TESTS/lib.sh"

export VL_AS_OF=2023-06-15
regs=
for k in 0 1 2 3 4 5 6 7 8 9; do
	demo_plan plan.json '{"district": "区'$k'",
	    "total": "10000000000000000.00", "funding": [{"name": "区",
	    "levels": ["district"], "amount": "10000000000000000.00"}]}'
	vl-add -C r$k init --plan plan.json > /dev/null || fail "init r$k"
	regs="$regs -C r$k"
done
# two of them add up, to the fen
expect 0 vl-report -C r0 -C r1 funds
has out 'total,total,,20000000000000000.00,0.00,0.00,0.00,0.00'
# all ten do not: every roll-up total of their plans refuses
for cmd in "vl-report funds" "vl-report progress --by district" \
    "vl-report summary" "vl-report briefing"; do
	expect 2 $cmd $regs
	has err 'plan: the registers'"'"' sums add up past what a total holds exactly (92233720368547758.07 yuan); roll up fewer registers at once'
	[ -s out ] && fail "$cmd printed a report it cannot total"
done
expect 2 vl-report summary $regs --format xlsx -o city.xlsx
[ -e city.xlsx ] && fail "a workbook written without its total"

# a workbook's row of totals: exact as text past a double's fen, and
# past 64 bits no workbook (it was a blank cell, exit 0)
for k in 0 1 2 3 4 5 6 7 8 9; do
	vl-add -C r$k fund --kind receipt --level district --source finance \
	    --amount 10000000000000000 --date 2023-01-01 > /dev/null ||
	    fail "receipt r$k"
done
expect 0 vl-fund -C r0 -C r1 sum --by district --format xlsx -o two.xlsx
unzip -p two.xlsx xl/sharedStrings.xml > strings
has strings "<t>20000000000000000.00</t>"
expect 2 vl-fund $regs sum --by district --format xlsx -o ten.xlsx
has err "the total of amount adds up past what a total holds exactly (92233720368547758.07 yuan); no workbook written"
[ -e ten.xlsx ] && fail "a workbook written without its total"
done_
