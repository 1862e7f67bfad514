# roll-up (SPEC 9): a --registers line naming a directory with no register
# (a copy not received, a name mistyped) is said at that line of the list,
# exit 2, nothing printed; -C of no register says so as before.
# audit --head and --expect over several registers: exit 2, pointing to
# the list's DIR SEQ:HASH (not 'for reading': audit is a reading command)
. "$TESTS/lib.sh"

cp -R "$SHARE/rollup" r
day="--as-of 2023-06-15"

printf '# the copies\nqingshan\n\nbaishiu\n' > r/list
expect 2 vl-report --registers r/list overdue $day
has err "vl-report: r/list:4: r/baishiu: no register there (no plan.json)"
[ -s out ] && fail "a report printed: $(head -3 out)"
expect 2 vl-fund --registers r/list check $day
has err "vl-fund: r/list:4: r/baishiu: no register there"
expect 2 vl-inspect --registers r/list list $day
has err "vl-inspect: r/list:4: r/baishiu: no register there"
expect 2 vl-report --registers r/list overdue $day --lang zh
has err "vl-report: r/list:4: r/baishiu：此处没有台账"
# from standard input, relative to here
printf 'r/qingshan\nr/nosuch\n' > list
STDIN=list expect 2 vl-report --registers - progress $day
has err "vl-report: -:2: r/nosuch: no register there"
# -C names no list line
expect 2 vl-report -C r/qingshan -C r/baishiu overdue $day
has err "vl-report: r/baishiu: not a vl register (no plan.json)"

for opt in --head "--expect $(cat r/baishui/.vl-head)"; do
	expect 2 vl-report -C r/qingshan -C r/baishui audit $opt
	has err "vl-report: audit --head, --expect: of one register; of several, a --registers line DIR SEQ:HASH checks each copy's head"
	[ -s out ] && fail "audit $opt printed: $(cat out)"
done
expect 2 vl-report -C r/qingshan -C r/baishui audit --head --lang zh
has err "逐一核对各副本的末端"
# a list saved by Notepad on a Chinese Windows (GB18030, CRLF) names the
# copies in Chinese as one saved as UTF-8 does
mkdir cn && cp -R r/qingshan cn/青山区 && cp -R r/baishui cn/白水区
printf '# 各区县副本\r\n青山区\r\n白水区\r\n' > cn/utf8.txt
iconv -f UTF-8 -t GB18030 cn/utf8.txt > cn/gb.txt
expect 0 vl-report --registers cn/utf8.txt overdue --by district $day
cp out want
expect 0 vl-report --registers cn/gb.txt overdue --by district $day
same out want
has out "白水区,7,6,0,1,166"
# a line neither: said at its line, nothing printed
printf 'r/qingshan\n\377\376\377\n' > bad.txt
expect 2 vl-report --registers bad.txt overdue $day
has err "vl-report: bad.txt:2: neither UTF-8 nor GB18030: save the list as UTF-8"
[ -s out ] && fail "a report printed from a list with a bad line"
# -C DIR/ as a shell completes it: its files named with one slash
cp -R r/baishui b
sed 's/"district": "白水区",//' r/baishui/plan.json > b/plan.json
expect 0 vl-report -C r/qingshan -C b/ overdue --by district $day
has err "vl-report: b/plan.json: no \"district\": named \"b\" after its directory"
hasnt err "//"
sed '5s/generate.py/generate.px/' r/baishui/audit.csv > b/audit.csv
expect 1 vl-report -C r/qingshan -C b/ overdue $day
has err "vl-report: b/audit.csv:5: hash: the chain breaks here"
hasnt err "//"
# a district named by blanks alone is no name: refused as an empty one,
# by init and by a reader
refuse_plan district '""' '"   "'
cp -R r/baishui blank
sed 's/"district": "白水区"/"district": "   "/' r/baishui/plan.json > blank/plan.json
expect 2 vl-report -C r/qingshan -C blank overdue --by district $day
has err "blank/plan.json:2: district: must be a non-empty name on one line"
# the roll-up's history itself is read
expect 0 vl-report -C r/qingshan -C r/baishui audit
done_
