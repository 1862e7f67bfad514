# roll-up (SPEC 7, 9): other funds (多方筹集, levels in no funding line) are
# reported: the city's summary adds them up apart, never in the special
# fund's sums, as each district's own page says them
. "$TESTS/lib.sh"

cp -R "$SHARE/rollup" r
day="--as-of 2023-06-15"
python3 - r/baishui/plan.json <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
p["levels"] = ["central", "region", "city", "district", "village", "donation"]
json.dump(p, open(sys.argv[1], "w"), ensure_ascii=False)
PY
adopt r/baishui
vl-add -C r/baishui fund --kind receipt --level village --amount 5000 \
    --date 2023-03-01 $day > /dev/null || fail "receipt from the village"
vl-add -C r/baishui fund --kind receipt --level donation --amount 1234.56 \
    --date 2023-03-02 $day > /dev/null || fail "a donation"
vl-add -C r/baishui fund --kind expense --level village --project B1 \
    --purpose construction --amount 1000 --date 2023-03-05 $day > /dev/null ||
	fail "spent from the village's money"

expect 0 vl-report -C r/baishui summary $day
has out "多方筹集 other funds 0.62万元            6234.56  outside the total; spent 1000.00"
expect 0 vl-report -C r/qingshan -C r/baishui summary $day
has out "多方筹集 other funds 0.62万元            6234.56  outside the total; spent 1000.00"
# the special fund's sums as before: 白水区's receipts, not its other funds
has out "到位 received    203.09万元       2030900.00"
has out "支出 spent       153.60万元       1536033.30"
expect 0 vl-report -C r/qingshan -C r/baishui summary $day --lang zh
has out "多方筹集         0.62万元            6234.56  不计入总额；已支出 1000.00"
# none where no plan names other funds
expect 0 vl-report -C r/qingshan -C r/city summary $day
hasnt out "多方筹集"
done_
