#!/bin/sh
# share/demo.sh - run by `make demo` from the top of the repository, after
# the tools are built into bin/: the daily overdue list of the demo
# register as of its demo day, then the fund check, on a scratch copy of
# share/demo (the demo itself is never written to).  $VL_DEMO_BIN names
# another directory of built tools (the tests use their own build).
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${VL_DEMO_BIN:-$top/bin}
day=2023-06-15
for t in vl-report vl-fund; do
	[ -x "$bin/$t" ] || { echo "demo: $bin/$t missing; run make first" >&2; exit 2; }
done
reg=$(mktemp -d "${TMPDIR:-/tmp}/vl-demo.XXXXXX") || exit 3
trap 'rm -rf "$reg"' EXIT
trap 'exit 130' INT TERM
cp "$top"/share/demo/*.json "$top"/share/demo/*.csv \
    "$top"/share/demo/.vl-head "$reg"/ || exit 3

echo "== 逾期清单 / the daily overdue list as of $day"
echo "\$ vl-report overdue --as-of $day --format table"
"$bin/vl-report" -C "$reg" overdue --as-of "$day" --format table
st=$?
# 1 means late items were found (with --check); anything above is a fault
[ $st -le 1 ] || exit $st
echo
echo "== 资金核对 / the fund check as of $day"
echo "\$ vl-fund check --as-of $day"
# exit 1 means discrepancies: the demo shows them, it does not fail on them
"$bin/vl-fund" -C "$reg" check --as-of "$day" || true
echo
echo "== 资金到位对账 / do the receipts add up to the plan's 184.7万?"
echo "\$ vl-fund sum --by level | vl-fund reconcile --total 184.7万"
"$bin/vl-fund" -C "$reg" sum --by level --as-of "$day" |
    "$bin/vl-fund" reconcile --total 184.7万
st=$?
[ $st -le 1 ] || exit $st
# what the line above means, in words
if [ $st -eq 0 ]; then
	echo "-> the receipts of every level add up to the plan's 184.7万元 to the fen:"
	echo "   all the money of the plan has arrived."
else
	echo "-> the receipts of the levels, added up, are not the plan's 184.7万元: the"
	echo "   difference is money not received yet (or received beyond the plan);"
	echo "   vl-fund check above names the line (receipts 区: 400.00 to come, pending)."
fi
echo
echo "== 市级汇总 / the city's view: two districts and the city, as of $day"
city=$(mktemp -d "${TMPDIR:-/tmp}/vl-demo-city.XXXXXX") || exit 3
trap 'rm -rf "$reg" "$city"' EXIT
cp -R "$top"/share/rollup/. "$city"/ || exit 3
echo "\$ vl-report -C qingshan -C baishui progress --by district --as-of $day --format table"
"$bin/vl-report" -C "$city/qingshan" -C "$city/baishui" progress --by district \
    --as-of "$day" --format table || exit $?
echo "\$ vl-fund -C city -C qingshan -C baishui check --as-of $day --format table"
"$bin/vl-fund" -C "$city/city" -C "$city/qingshan" -C "$city/baishui" check \
    --as-of "$day" --format table || true
exit 0
