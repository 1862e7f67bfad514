# The apostrophe --excel puts before a cell a spreadsheet would run as a
# formula (=, +, -, @) or turn into a number (a long digit string) is
# Excel's mark for text, not the data: an export imported again, as it
# is or as Excel saves it back, gives the same records, the mark left
# out; an apostrophe before anything else is the data's own.
. "$TESTS/lib.sh"
day="--as-of 2023-06-15"
vl-add -C d init --plan "$SHARE/demo/plan.json" 2>/dev/null
vl-add -C x init --plan "$SHARE/demo/plan.json" 2>/dev/null
expect 0 vl-add -C d project --town 青山镇 --village =村 --leader @甲 \
    --specialist +乙 --budget 36940 $day
expect 0 vl-add -C d project --town 青山镇 --village "'旧村" --leader 甲 \
    --specialist 乙 --budget 36940 $day
expect 0 vl-add -C d fund --kind receipt --level central --amount 1000 \
    --note '-冲销前一笔' --date 2023-01-02 $day
expect 0 vl-add -C d fund --kind receipt --level central --amount 1000 \
    --note 202306150001 --date 2023-01-03 $day
for f in projects funds; do
	expect 0 vl-add -C d export $f --lang zh --excel -o $f.csv $day
done
has projects.csv "'=村,'@甲,'+乙"
has funds.csv "'-冲销前一笔"
has funds.csv "'202306150001"
expect 0 vl-add -C x project --import projects.csv $day
expect 0 vl-add -C x fund --import funds.csv $day
same d/projects.csv x/projects.csv
same d/funds.csv x/funds.csv
has x/projects.csv "P001,青山镇,=村,@甲,+乙,36940.00"
has x/projects.csv "P002,青山镇,'旧村,甲,乙,36940.00"
has x/funds.csv ",1000.00,-冲销前一笔"
has x/funds.csv ",1000.00,202306150001"
done_
