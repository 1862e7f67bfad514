# one list, three formats: csv (header + one line a record), json (an
# array of objects with the same keys), table; the same records in each
. "$TESTS/lib.sh"

demo d
# the demo within 30 days: 17 items late, 6 coming due, 4 flags (its
# projects), its task 4 late and task 5 coming due
expect 0 vl-report -C d overdue --as-of 2023-06-15 --within 30
cp out csv
lines csv 30
head -n 1 csv > got
echo "kind,project,town,village,leader,specialist,due,days_late,days_left,status,detail" > want
same got want
expect 0 vl-report -C d overdue --as-of 2023-06-15 --within 30 --format json
cp out json
head -c 2 json | od -An -c | tr -d ' \n' > got
printf '[\\n' > want
same got want
[ "$(grep -c '^{"kind":' json)" = 29 ] || fail "json: not 29 objects"
has json '{"kind":"task","project":"","town":"","village":"","leader":"蓝德胜","specialist":"","due":"2023-06-20","days_late":null,"days_left":5,"status":"due-soon",'
has json '"days_late":null,"days_left":20,"status":"due-soon"'
has json '"due":"","days_late":null,"days_left":null,"status":"flag"'
if command -v jq > /dev/null; then
	jq -r '.[] | [.kind, .project, .town, .village, .leader, .specialist,
	    .due, (.days_late // "" | tostring), (.days_left // "" | tostring),
	    .status, .detail] | @csv' json |
	    tr -d '"' > from-json
	tail -n +2 csv | tr -d '"' > from-csv
	same from-json from-csv
fi
expect 0 vl-report -C d overdue --as-of 2023-06-15 --within 30 --format table
lines out 30
has out "kind                   project  town    village  leader  specialist  due         days_late  days_left  status    detail"
has out "not-accepted           P30      石桥镇  岭脚村   吴学文  谢德胜      2023-07-05                    20  due-soon  completed 2023-06-05; no passed acceptance"
# an empty list is still a well-formed one
vl-add -C empty init --plan "$SHARE/demo/plan.json" 2>/dev/null
expect 0 vl-report -C empty overdue --as-of 2023-06-15 --format json
printf '[]\n' > want
same out want
expect 0 vl-report -C empty overdue --as-of 2023-06-15 --format table
lines out 1
expect 0 vl-report -C empty overdue --as-of 2023-06-15
lines out 1
# GB18030 output is the same text in another encoding
expect 0 vl-report -C d overdue --as-of 2023-06-15 --encoding gb18030
iconv -f GB18030 -t UTF-8 out > back || fail "not GB18030"
vl-report -C d overdue --as-of 2023-06-15 > utf8
same back utf8
hasnt out "河口镇"
expect 0 vl-report -C d progress --as-of 2023-06-15 --format json
has out '{"town":"total","projects":50,"reviewed":49,"started":48,"completed":42,"accepted":35,"started_share":"96.0%","open_findings":6,"overdue_findings":4}'
# bad format names are usage errors
expect 2 vl-report -C d overdue --format xml
has err "--format"
# --excel is for a spreadsheet: with json (which a BOM would break) a
# usage error
expect 2 vl-report -C d overdue --excel --format json
has err "--excel is for a spreadsheet"
[ -s out ] && fail "json with --excel printed something"
done_
