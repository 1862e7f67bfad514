# vl-fund check takes the filters named after its columns and its
# projects' (SPEC 8): --status keeps the findings of that status;
# --town, --village, --project, --leader, --specialist keep the findings
# about such a project (a line's, a level's or the plan's has none and
# goes); the exit status is the rows listed; one register or several
. "$TESTS/lib.sh"

demo d
day="--as-of 2023-06-15"
expect 0 vl-fund -C d check $day
cp out all.csv
lines all.csv 7
# every finding of the demo is pending: --status pending is all of them
expect 0 vl-fund -C d check $day --status pending
same out all.csv
# closing audit: all of them discrepancies, exit 1; none pending, exit 0
# and no word that all checks pass
expect 1 vl-fund -C d check $day --final --status discrepancy
lines out 7
expect 0 vl-fund -C d check $day --final --status pending
lines out 1
[ -s err ] && fail "a filtered check said: $(cat err)"
# a town's projects: P12 alone of the demo's (P25 河口镇, P37 石桥镇, P44 and
# P50 东岭镇), the district's receipts line gone
expect 0 vl-fund -C d check $day --town 青山镇
lines out 2
has out 'allocation,P12,36940.00,18470.00,-18470.00,pending,'
hasnt out 'receipts,'
expect 0 vl-fund -C d check $day --town 东岭镇 --town 石桥镇
[ "$(tail -n +2 out | cut -d, -f2 | tr '\n' ' ')" = "P37 P44 P50 " ] ||
    fail "two towns: $(tail -n +2 out | cut -d, -f2 | tr '\n' ' ')"
expect 0 vl-fund -C d check $day --leader 胡明华 --status pending
lines out 2
has out 'allocation,P25,'
# a person with nothing to check: the header alone, exit 0
expect 0 vl-fund -C d check $day --leader 无此人
lines out 1
# a word not of the column: usage, exit 2
expect 2 vl-fund -C d check $day --status late
has err '--status: "late" is not one of pending, discrepancy'

# several registers: each district's findings filtered alike; the city's
# transfers have no project, so a project filter drops them
cp -R "$SHARE/rollup" r
expect 0 vl-fund -C r/qingshan -C r/baishui -C r/city check $day --town 青山镇
lines out 2
has out '青山区,allocation,P12,'
expect 0 vl-fund -C r/qingshan -C r/baishui -C r/city check $day --status pending
has out 'city-transfer,'
expect 1 vl-fund -C r/qingshan -C r/baishui -C r/city check $day --final \
    --project B5
lines out 2
has out '白水区,allocation,B5,36940.00,36540.00,-400.00,discrepancy,'
done_
