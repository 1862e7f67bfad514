# --help and the man page name the same commands, options, checks, flags
. "$TESTS/lib.sh"
expect 0 vl-fund --help
mv out help
has help 'usage: vl-fund'
# the page as a reader sees it, one paragraph a line
command -v mandoc > /dev/null || { note "no mandoc: skipped"; exit 0; }
mandoc -Tascii -O width=1000 "$TOP/man/vl-fund.1" | sed 's/.\x08//g' > man
for w in check reconcile sum balance --final --total --by --kind --as-of xlsx --output \
    --format --excel --encoding --input-encoding --lang plan-lines budgets receipts \
    allocations-vs-receipts allocation expense-vs-allocation other-funds purpose project \
    pending discrepancy over-budget overspent unknown-purpose unknown-project \
    level source kind town VL_AS_OF; do
	has help "$w"
	grep -qF -- "$w" man || fail "vl-fund.1 lacks $w"
done
# the checks print in the order the page lists them: a register with a
# finding of every check (plan.json and funds.csv edited by hand: lines
# and budgets off the total, more projects than villages, allocations
# above receipts, an expense above its allocation and on no purpose,
# other funds spent above their receipts, money of no project, a
# reversal of nothing)
sed -n '/The checks, in the order printed:$/,/^ *A register that passes/p' man |
    awk 'NR > 1 && /^ *[a-z-]+$/ { print $1 }' > page-order
[ "$(wc -l < page-order)" -ge 10 ] || fail "page-order: $(cat page-order)"
demo d
demo_plan d/plan.json '{"total": "184.6万", "villages": 40, "levels":
    ["central", "region", "city", "district", "village"]}'
printf '%s\n' '900,2023-06-01,allocation,,,P01,,5000000.00,,' \
    '901,2023-06-01,expense,,,P02,宴请,90000.00,,' \
    '902,2023-06-01,allocation,,,P99,,1.00,,' \
    '904,2023-06-01,expense,village,,P01,construction,1.00,,' \
    '903,2023-06-01,expense,,,P03,construction,-1.00,,1' >> d/funds.csv
VL_AS_OF=2023-06-15 vl-fund -C d check > check.csv 2> /dev/null
awk -F, 'NR > 1 && $1 != last { print $1; last = $1 }' check.csv > printed-order
same page-order printed-order
# and --help names them in that order too
tr '\n' ' ' < help | sed 's/.*Checks, in the order printed: //; s/\.  Money.*//;
    s/([^)]*)//g' | tr ',' '\n' | awk 'NF { print $1 }' > help-order
same page-order help-order
expect 0 vl-fund --version
has out 'vl-fund (vl) '
expect 2 vl-fund
expect 2 vl-fund audit
has err 'unknown command "audit"'
expect 2 vl-fund check extra
expect 2 vl-fund check --bogus
done_
