# A row is voided on or after its own date (vl-add void ... --date D):
# a void dated before the row would be void before it happened, and the
# register would say so of a day it did not yet hold the row.  Refused,
# exit 2, FILE:LINE: voided:, nothing written; on the row's day or after,
# taken, and the audit line holds the void and the reason.
. "$TESTS/lib.sh"

demo reg
export VL_AS_OF=2023-07-01
row=$(awk -F, '$3 == "P50" && $4 == "started" { print $1 }' reg/progress.csv)
[ -n "$row" ] || fail "the demo has no start to void"
day=$(awk -F, -v id="$row" '$1 == id { print $2 }' reg/progress.csv)
line=$(awk -F, -v id="$row" '$1 == id { print NR }' reg/progress.csv)
snapshot reg > before
expect 2 vl-add -C reg void progress "$row" --reason "录错" --date 2023-01-01
has err "progress.csv:$line: voided: 2023-01-01 is before progress entry $row of $day"
has err "give --date $day or later"
has err "nothing written"
insp=$(awk -F, 'NR > 1 && $2 > "2023-02-01" { print $1; exit }' reg/inspections.csv)
iday=$(awk -F, -v id="$insp" '$1 == id { print $2 }' reg/inspections.csv)
expect 2 vl-add -C reg void inspection "$insp" --reason "录错" \
    --date 2023-01-15
has err "voided: 2023-01-15 is before inspection $insp of $iday"
# a task is recorded on a day too: voided on it or after; said in Chinese
# with Chinese words
expect 0 vl-add -C reg task --area 整村推进 --title 补录 --owner 黎建国 --due 2023-07-10 --date 2023-06-20
task=$(cat out)
snapshot reg > before
expect 2 vl-add -C reg void task "$task" --reason 录错 --date 2023-06-19
has err "voided: 2023-06-19 is before task $task of 2023-06-20"
expect 2 vl-add -C reg void task "$task" --reason 录错 --date 2023-06-19 --lang zh
has err "2023-06-19 早于任务 $task 的日期 2023-06-20"
expect 2 vl-add -C reg void progress "$row" --reason 录错 --date 2023-01-01 --lang zh
has err "早于进度记录 $row 的日期"
snapshot reg > after
same before after
# on the row's own day: taken
expect 0 vl-add -C reg void progress "$row" --reason "录错" --date "$day"
expect 0 vl-report -C reg audit
has out "void,progress.csv,$row,voided:  → $day"

# a row imported void (an exported file edited, say) is held to the same:
# voided before its own date, refused, file:line: voided:, nothing written
demo reg
snapshot reg > before
printf 'date,project,stage,note,voided,void_reason\n%s\n' \
    "2023-06-20,P25,started,,2023-06-19,录错" > pv.csv
expect 2 vl-add -C reg progress --import pv.csv
has err "pv.csv:2: voided: 2023-06-19 is before the row's date 2023-06-20: a row is voided on or after its own date"
has err "nothing written"
printf 'date,project,phase,aspect,result,finding,due,closed,inspector,voided,void_reason\n%s\n' \
    "2023-06-20,P50,check,quality,fail,墙体裂缝,2023-06-30,,甲,2023-06-01,录错" > iv.csv
expect 2 vl-inspect -C reg add --import iv.csv
has err "iv.csv:2: voided: 2023-06-01 is before the row's date 2023-06-20"
has err "nothing written"
snapshot reg > after
same before after
# on the row's own day: taken
printf 'date,project,phase,aspect,result,finding,due,closed,inspector,voided,void_reason\n%s\n' \
    "2023-06-20,P50,check,quality,fail,墙体裂缝,2023-06-30,,甲,2023-06-20,录错" > iv2.csv
expect 0 vl-inspect -C reg add --import iv2.csv
done_
