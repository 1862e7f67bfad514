# other funds (多方筹集) are spent only as they are received, level by
# level: vl-add refuses an expense above a level's receipts and a
# receipt reversed under its expenses (exit 2, the sums, nothing
# written), in all and as of a day; vl-fund check finds it (other-funds)
# in a journal edited by hand
. "$TESTS/lib.sh"

export VL_AS_OF=2023-06-15
demo_plan plan.json '{"levels": ["central", "region", "city", "district",
    "village", "donation"], "sources": ["finance", "party_fee",
    "self_raised", "gift"]}'
vl-add -C r init --plan plan.json > /dev/null
vl-add -C r project --id P1 --town 青山镇 --village 松林村 --leader 蓝霞 \
    --specialist 廖燕 --budget 184.7万 > /dev/null
expect 0 vl-add -C r fund --kind receipt --amount 5000 --level village \
    --source self_raised --date 2023-01-03
expect 0 vl-add -C r fund --kind expense --amount 3000 --level village \
    --project P1 --purpose construction --date 2023-01-04
snapshot r > before
# over the level's receipts
expect 2 vl-add -C r fund --kind expense --amount 2000.01 --level village \
    --project P1 --purpose construction --date 2023-01-05
has err 'amount: village (other funds): received 5000.00, spent 3000.00, this expense 2000.01: over the receipts by 0.01'
has err 'record the receipt first'
# another level's receipts are not this one's
expect 2 vl-add -C r fund --kind expense --amount 1 --level donation \
    --project P1 --purpose construction --date 2023-01-05
has err 'donation (other funds): received 0.00, spent 0.00, this expense 1.00: over the receipts by 1.00'
# dated before the receipt it needs
expect 2 vl-add -C r fund --kind expense --amount 100 --level village \
    --project P1 --purpose construction --date 2023-01-02
has err 'date: village (other funds): as of 2023-01-02 received 0.00, spent 0.00, this expense 100.00 of 2023-01-02: over the receipts by 100.00'
# the receipt reversed while its expense stands
id=$(awk -F, '$3 == "receipt" { print $1 }' r/funds.csv)
expect 2 vl-add -C r fund --reverses "$id" --reason "booked twice"
has err 'village (other funds): received 5000.00, spent 3000.00, this reversal -5000.00: the spending would be over the receipts by 3000.00; reverse the expenses first'
# the special fund's receipts do not pay for other funds
expect 0 vl-add -C r fund --kind receipt --amount 168.46万 --level central \
    --source finance --date 2023-01-02
expect 2 vl-add -C r fund --kind expense --amount 2001 --level village \
    --project P1 --purpose construction --date 2023-01-05
# within the receipts: written
expect 0 vl-add -C r fund --kind expense --amount 2000 --level village \
    --project P1 --purpose construction --date 2023-01-05
expect 0 vl-fund -C r check
hasnt out other-funds

# a journal edited by hand: vl-fund check finds the level over
vl-fund -C r check > want
printf '%s\n' '9001,2023-01-06,expense,donation,gift,P1,construction,700.00,' \
    >> r/funds.csv
expect 1 vl-fund -C r check
has out 'other-funds,donation,0.00,700.00,700.00,discrepancy,"spent from donation (other funds, 多方筹集) against its receipts: over by 700.00"'
hasnt out 'other-funds,village'
expect 1 vl-fund -C r check --format table --lang zh
has out '社会捐赠'
# as of a day before it, none
VL_AS_OF=2023-01-05 vl-fund -C r check > got
hasnt got other-funds

vl-add -C r2 init --plan plan.json > /dev/null
vl-add -C r2 project --id P1 --town 青山镇 --village 松林村 --leader 蓝霞 \
    --specialist 廖燕 --budget 184.7万 > /dev/null
expect 0 vl-add -C r2 fund --kind receipt --amount 5000 --level village \
    --source self_raised --date 2023-01-03
expect 0 vl-add -C r2 fund --kind expense --amount 3000 --level village \
    --project P1 --purpose construction --date 2023-01-04
# an expense reversed today and booked again on its own day: the
# reversal, not a receipt, is what is dated later
eid=$(awk -F, '$3 == "expense" { print $1 }' r2/funds.csv)
expect 0 vl-add -C r2 fund --reverses "$eid" --reason "金额录错"
snapshot r2 > before
expect 2 vl-add -C r2 fund --kind expense --amount 3000 --level village \
    --project P1 --purpose construction --date 2023-01-04
has err 'date: village (other funds): as of 2023-01-04 received 5000.00, spent 3000.00, this expense 3000.00 of 2023-01-04: over the receipts by 1000.00; the reversal that makes room for it is dated later'
hasnt err 'the receipt it needs'
snapshot r2 > after
same before after
expect 0 vl-add -C r2 fund --kind expense --amount 3000 --level village \
    --project P1 --purpose construction
done_
