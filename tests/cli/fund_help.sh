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
    allocations-vs-receipts allocation expense-vs-allocation purpose project \
    pending discrepancy over-budget overspent unknown-purpose unknown-project \
    level source kind town VL_AS_OF; do
	has help "$w"
	grep -qF -- "$w" man || fail "vl-fund.1 lacks $w"
done
expect 0 vl-fund --version
has out 'vl-fund (vl) '
expect 2 vl-fund
expect 2 vl-fund audit
has err 'unknown command "audit"'
expect 2 vl-fund check extra
expect 2 vl-fund check --bogus
done_
