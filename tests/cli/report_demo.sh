# share/demo.sh (make demo): the demo's daily list as a table, the fund
# check and the receipts reconciled with the plan, on a scratch copy that
# is removed afterwards
. "$TESTS/lib.sh"

mkdir tmp
snapshot "$SHARE/demo" > before
TMPDIR=$PWD/tmp VL_DEMO_BIN=$(dirname "$(command -v vl-report)") \
    expect 0 sh "$SHARE/demo.sh"
# the list, exactly the table vl-report prints for the demo day
vl-report -C "$SHARE/demo" overdue --as-of 2023-06-15 --format table > table
# (after demo.sh's two lines, as many lines as the table has: 23 with
# its header, the demo's late task among them)
lines table 23
sed -n "3,$(($(wc -l < table) + 2))p" out > shown
same shown table
has shown "联系点鹿鸣村"
has out "vl-fund check --as-of 2023-06-15"
# the design card's headline pipeline, and what it means in words
has out '$ vl-fund sum --by level | vl-fund reconcile --total 184.7万'
has out '1000000.00 + 200000.00 + 162000.00 + 484600.00 = 1846600.00 ≠ 1847000.00 (short by 400.00)'
has out "difference is money not received yet"
[ -z "$(ls -A tmp)" ] || fail "demo.sh left $(ls tmp) behind"
snapshot "$SHARE/demo" > after
same before after
# tools missing: a clear message, not a half demo
VL_DEMO_BIN=$PWD/nowhere expect 2 sh "$SHARE/demo.sh"
has err "missing"
done_
