# roll-up (SPEC 6, 9): the city's summary says the villages the plans
# name, not the count progress is measured against: a district that
# registered more projects than its plan's villages (a discrepancy of
# vl-fund check) does not swell "villages planned"; progress counts out
# of the projects there, as the district's own page does
. "$TESTS/lib.sh"

cp -R "$SHARE/rollup" r
day="--as-of 2023-06-15"
# 白水区's plan names 3 villages; its projects.csv holds 5
python3 - r/baishui/plan.json <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
p["villages"] = 3
json.dump(p, open(sys.argv[1], "w"), ensure_ascii=False)
PY
expect 0 vl-report -C r/baishui summary $day
has out "the plan names 3 villages; projects.csv holds 5 projects"
has out "动工 started      4 / 5  80.0%"

expect 0 vl-report -C r/qingshan -C r/baishui summary $day
has out "一、进度 Progress: 2 districts, 53 villages planned, 55 projects"
has out "动工 started     52 / 55  94.5%"
expect 0 vl-report -C r/qingshan -C r/baishui summary $day --lang zh
has out "一、进度：2 个区县，计划 53 个村，登记项目 55 个"
expect 1 vl-fund -C r/qingshan -C r/baishui check $day
has out "白水区,villages,projects,,,,discrepancy,"
done_
