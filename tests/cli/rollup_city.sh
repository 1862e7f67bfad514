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
# districts left out (their trail broken) are said as such, exit 1
sed '5s/generate.py/generate.px/' r/baishui/audit.csv > a && mv a r/baishui/audit.csv
expect 1 vl-report -C r/city -C r/baishui overdue $day
has err "r/baishui/audit.csv:5: hash: the chain breaks here"
hasnt err "$said"
done_
