# roll-up (SPEC 9): districts equal for a circular share a rank and come
# in the order of their names, so that the ranking, the city's summary
# and its briefing are the same whatever order the registers are named in
. "$TESTS/lib.sh"

day="--as-of 2023-06-15"
# two copies of 白水区's register under two names: equal in every figure
for d in 乙 甲; do
	cp -R "$SHARE/rollup/baishui" $d
	python3 - $d/plan.json "${d}区" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
p["district"] = sys.argv[2]
json.dump(p, open(sys.argv[1], "w"), ensure_ascii=False)
PY
done

expect 0 vl-report -C 乙 -C 甲 progress --by district $day
cat > want <<'CSV'
district,rank,projects,started,started_share,completed,completed_share,overdue,plan,received,received_share,spent
乙区,1,5,4,80.0%,1,20.0%,6,184700.00,184300.00,99.8%,50000.00
甲区,1,5,4,80.0%,1,20.0%,6,184700.00,184300.00,99.8%,50000.00
total,,10,8,80.0%,2,20.0%,12,369400.00,368600.00,99.8%,100000.00
CSV
same out want
expect 0 vl-report -C 甲 -C 乙 progress --by district $day
same out want

for cmd in summary briefing "summary --lang zh"; do
	vl-report -C 乙 -C 甲 $cmd $day > one 2> /dev/null
	expect 0 vl-report -C 甲 -C 乙 $cmd $day
	same out one
done
printf '甲\n乙\n' > list
vl-report -C 乙 -C 甲 summary $day > one 2> /dev/null
expect 0 vl-report --registers list summary $day
same out one
done_
