# roll-up (SPEC 9): a city register holds money, not villages; read as a
# roll-up with no district's register (a roll-up of one, --by district,
# or --district keeping only it) it has no report of villages, as read
# alone: exit 2, said, never an empty page of "0 districts" and exit 0
. "$TESTS/lib.sh"

cp -R "$SHARE/rollup" r
day="--as-of 2023-06-15"
said="r/city/plan.json: projects: a city register: its projects are the districts it funds"
for cmd in overdue progress summary briefing funds "overdue --by district"; do
	expect 2 vl-report -C r/city $cmd --district 江城市 $day
	has err "$said"
	[ -s out ] && fail "$cmd of the city alone printed: $(head -3 out)"
	expect 2 vl-report -C r/city -C r/qingshan $cmd --district 江城市 $day
	has err "$said"
done
expect 2 vl-report -C r/city progress --by district $day
has err "$said"
for cmd in list "sample --count 2" "show 青山区"; do
	expect 2 vl-inspect -C r/city $cmd --district 江城市 $day
	has err "$said"
done
# with a district's register the city is read as before
expect 0 vl-report -C r/city -C r/baishui progress --by district $day
has out "白水区,1,5,"
expect 0 vl-inspect -C r/city -C r/baishui list $day
# its money is left out of the districts' sums, and said so (it is in
# their receipts: check sets the two side by side)
apart="江城市: a city register, left out of these sums: what it sent is in the districts' receipts"
expect 0 vl-report -C r/city -C r/qingshan funds $day
has err "$apart"
hasnt out 江城市
expect 0 vl-fund -C r/city -C r/qingshan sum --by level $day
has err "$apart"
expect 0 vl-fund -C r/city -C r/qingshan balance $day
has err "$apart"
expect 0 vl-fund -C r/city -C r/qingshan balance $day --lang zh
has err '江城市：市级台账，不计入这些合计'
expect 0 vl-fund -C r/qingshan sum --by level $day
hasnt err 'city register'
expect 1 vl-fund -C r/city -C r/qingshan check $day
hasnt err 'left out of these sums'
# districts left out (their trail broken) are said as such, exit 1
sed '5s/generate.py/generate.px/' r/baishui/audit.csv > a && mv a r/baishui/audit.csv
expect 1 vl-report -C r/city -C r/baishui overdue $day
has err "r/baishui/audit.csv:5: hash: the chain breaks here"
hasnt err "$said"

# nor does it take a village's records: progress, an inspection or a
# task written to it no report would read (the roll-up leaves them out,
# read alone it is refused): refused as readers refuse it, nothing
# written; its money is written as ever
cp -R "$SHARE/rollup/city" c
said="c/plan.json: projects: a city register: its projects are the districts it funds"
snapshot c > before
expect 2 vl-add -C c progress --project 青山区 --stage started \
    --date 2023-06-01 $day
has err "$said"
has err "nothing written"
expect 2 vl-inspect -C c add --project 青山区 --phase review \
    --aspect quality --result pass --date 2023-06-01 $day
has err "$said"
expect 2 vl-add -C c task --area 整村推进 --title 督导 --owner 王五 \
    --due 2023-06-30 $day
has err "$said"
snapshot c > after
same before after
expect 0 vl-add -C c fund --kind receipt --level city --source finance \
    --amount 1 --date 2023-06-01 $day
done_
