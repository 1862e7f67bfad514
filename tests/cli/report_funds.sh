# funds: plan, received, allocated, spent per funding line and level, a
# total row; exact to the fen, nothing apportioned between lines
. "$TESTS/lib.sh"

# the demo as of its day: the district line is 400.00 short; allocations
# and expenses carry no level, so they stand on "(no line)" and in the
# total, and remaining (received - spent) is the total's alone
demo d
expect 0 vl-report -C d funds --as-of 2023-06-15
cat > want <<'CSV'
line,level,plan,received,allocated,spent,remaining
中央、自治区、市,,1684600.00,1684600.00,0.00,0.00,
中央、自治区、市,central,,1000000.00,0.00,0.00,
中央、自治区、市,region,,484600.00,0.00,0.00,
中央、自治区、市,city,,200000.00,0.00,0.00,
区,,162400.00,162000.00,0.00,0.00,
区,district,,162000.00,0.00,0.00,
(no line),,,0.00,1730770.00,1486033.30,
total,,1847000.00,1846600.00,1730770.00,1486033.30,360566.70
CSV
same out want
# the expense of 2023-06-20 counts from its day on
expect 0 vl-report -C d funds --as-of 2023-06-20
has out "total,,1847000.00,1846600.00,1730770.00,1488033.30,358566.70"

# a register where every movement names its level: remaining per line;
# a level no line names, and rows with no level, shown apart; a reversal
# nets out; an overspent line shows a negative remaining, still a number
vl-add -C r init --plan "$SHARE/demo/plan.json" 2>/dev/null
cat > r/plan.json <<'JSON'
{"name": "t", "villages": 2, "start_by": "2022-12-31", "complete_by": "2023-05-31",
 "total": "300", "funding": [
  {"name": "上级", "levels": ["central"], "amount": "200"},
  {"name": "区", "levels": ["district"], "amount": "100"}],
 "purposes": ["construction", "equipment"]}
JSON
cat > r/projects.csv <<'CSV'
id,town,village,leader,specialist,budget
P1,青山镇,松林村,蓝霞,廖燕,150
P2,青山镇,石门村,胡海燕,郭光荣,150
CSV
cat > r/funds.csv <<'CSV'
id,date,kind,level,source,project,purpose,amount,note
1,2023-01-01,receipt,central,finance,,,200.00,
2,2023-01-01,receipt,district,finance,,,100.00,
3,2023-01-02,allocation,central,,P1,,150.00,
4,2023-01-02,allocation,district,,P2,,100.00,
5,2023-01-03,expense,central,,P1,construction,100.00,
6,2023-01-03,expense,district,,P2,construction,220.00,
7,2023-01-04,expense,central,,P2,equipment,30.00,booked to the wrong project
8,2023-01-05,expense,central,,P2,equipment,-30.00,冲销 #7
9,2023-01-05,expense,central,,P1,equipment,30.00,
CSV
expect 0 vl-report -C r funds --as-of 2023-06-15
cat > want <<'CSV'
line,level,plan,received,allocated,spent,remaining
上级,,200.00,200.00,150.00,130.00,70.00
上级,central,,200.00,150.00,130.00,70.00
区,,100.00,100.00,100.00,220.00,-120.00
区,district,,100.00,100.00,220.00,-120.00
total,,300.00,300.00,250.00,350.00,-50.00
CSV
same out want
expect 0 vl-report -C r funds --as-of 2023-06-15 --excel
tr -d '\r' < out | grep -qx -- '区,,100.00,100.00,100.00,220.00,-120.00' ||
    fail "--excel: -120.00 is not left a number"
printf '10,2023-01-06,receipt,city,finance,,,5.00,\n11,2023-01-06,allocation,,,P1,,5.00,\n' >> r/funds.csv
expect 0 vl-report -C r funds --as-of 2023-06-15
cat > want <<'CSV'
line,level,plan,received,allocated,spent,remaining
上级,,200.00,200.00,150.00,130.00,
上级,central,,200.00,150.00,130.00,
区,,100.00,100.00,100.00,220.00,
区,district,,100.00,100.00,220.00,
(no line),,,5.00,5.00,0.00,
(no line),city,,5.00,0.00,0.00,
(no line),(none),,0.00,5.00,0.00,
total,,300.00,305.00,255.00,350.00,-45.00
CSV
same out want
# table and json carry the same figures
expect 0 vl-report -C r funds --as-of 2023-06-15 --format json
has out '{"line":"total","level":"","plan":"300.00","received":"305.00","allocated":"255.00","spent":"350.00","remaining":"-45.00"}'
expect 0 vl-report -C r funds --as-of 2023-06-15 --format table
has out "total                300.00    305.00     255.00  350.00     -45.00"
# a bad amount in the journal: reported with its line, exit 2, no report
printf '12,2023-01-07,expense,,,P1,construction,12.345,\n' >> r/funds.csv
expect 2 vl-report -C r funds --as-of 2023-06-15
has err "funds.csv:13: amount"
[ -s out ] && fail "a report from a bad journal"
done_
