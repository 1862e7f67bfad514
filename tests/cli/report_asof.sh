# --as-of: last Monday's list printed again today comes out as it was,
# after later records (a start, a closing, new findings) have been added
. "$TESTS/lib.sh"

demo d
for r in "overdue --within 30" "progress" "progress --by project"; do
	vl-report -C d $r --as-of 2023-06-15 > "before $r" || fail "$r"
done
vl-add -C d progress --project P25 --stage started --date 2023-06-20 > /dev/null ||
    fail "vl-add progress"
vl-add -C d progress --project P05 --stage completed --date 2023-06-16 > /dev/null ||
    fail "vl-add progress"
# a closing written later into an old finding, and inspections dated later
sed -i 's/^78,\(.*\),,覃晓峰$/78,\1,2023-06-19,覃晓峰/' d/inspections.csv
grep -q '^78,.*,2023-06-19,覃晓峰$' d/inspections.csv || fail "no closing written"
printf '119,2023-06-16,P22,acceptance,quality,pass,,,,黄立新\n' >> d/inspections.csv
printf '120,2023-06-21,P01,check,safety,fail,临边无防护,2023-06-22,,黄立新\n' >> d/inspections.csv
for r in "overdue --within 30" "progress" "progress --by project"; do
	expect 0 vl-report -C d $r --as-of 2023-06-15
	same out "before $r"
done
# and the later days do see them
expect 0 vl-report -C d overdue --as-of 2023-06-23
hasnt out "not-started,P25"
hasnt out "#78 "
hasnt out "not-accepted,P22"
has out "rectification,P01,青山镇,松林村,蓝霞,廖燕,2023-06-22,1,,late"
has out "not-completed,P25,河口镇,芦苇村,胡明华,张卫东,2023-05-31,23,,late,started 2023-06-20"
hasnt out "not-completed,P19"
expect 0 vl-report -C d overdue --as-of 2023-06-16
has out "not-completed,P19"
has out "#104 "
expect 0 vl-report -C d overdue --as-of 2023-06-17
has out "not-completed,P40"
hasnt out "not-completed,P19"
hasnt out "#104 "
done_
