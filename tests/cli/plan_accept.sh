# accept_within in plan.json: acceptance due that many days after the
# first completion (30 when not given); refused when not a whole number
# of days from 1 to 3650
. "$TESTS/lib.sh"

demo_plan p10.json '{"accept_within": 10}'
expect 0 vl-add -C reg init --plan p10.json
vl-add -C reg project --id P1 --town 青山镇 --village 松林村 --leader 蓝霞 \
    --specialist 廖燕 --budget 100 > /dev/null
vl-add -C reg progress --project P1 --stage started --date 2022-12-05 > /dev/null
vl-add -C reg progress --project P1 --stage completed --date 2023-03-01 > /dev/null
late() { grep '^not-accepted,' out | cut -d, -f7,8,9,10; }

# 2023-03-01 + 10 = 2023-03-11
expect 0 vl-report -C reg overdue --as-of 2023-03-12
[ "$(late)" = "2023-03-11,1,,late" ] || fail "10 days: $(late)"
expect 0 vl-report -C reg overdue --as-of 2023-03-11
[ -z "$(late)" ] || fail "due today is not late: $(late)"
expect 0 vl-report -C reg overdue --as-of 2023-03-02 --within 9
[ "$(late)" = "2023-03-11,,9,due-soon" ] || fail "within: $(late)"
# the briefing says the plan's days
expect 0 vl-report -C reg briefing --as-of 2023-03-12
has out "10 天内未见验收合格"

# the same register with the key taken away: 30 days
demo_plan reg/plan.json '{}'
expect 0 vl-report -C reg overdue --as-of 2023-04-01
[ "$(late)" = "2023-03-31,1,,late" ] || fail "30 days: $(late)"

# refused: nothing written, the key named
refuse_plan accept_within 0 -1 3651 '"30"' 1.5
has err "accept_within: must be a whole number of days, 1 to 3650"
done_
