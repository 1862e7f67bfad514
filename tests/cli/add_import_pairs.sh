# An import's closing and void columns come with their day, as the
# command line writes them (vl-inspect close, vl-add void): who verified
# a rectification, how and by what, without a closed date, or a void
# reason without a voided date, is refused, every one named, nothing
# written; in every file that has such columns.
. "$TESTS/lib.sh"
demo reg
export VL_AS_OF=2023-06-15
snapshot reg > before

# inspections: closed_by, close_note, close_evidence need closed;
# void_reason needs voided; a row with both of each is taken
cat > insp.csv <<'CSV'
date,project,phase,aspect,result,finding,due,closed,closed_by,close_note,close_evidence,voided,void_reason
2023-06-10,P49,check,quality,fail,f,2023-06-25,,甲,,,,
2023-06-10,P48,check,quality,fail,f,2023-06-25,,,已改,照片,,
2023-06-10,P47,check,quality,pass,,,,,,,,录错
2023-06-10,P46,check,quality,fail,f,2023-06-25,2023-06-12,甲,已改,照片,2023-06-13,录错
CSV
expect 2 vl-inspect -C reg add --import insp.csv
has err 'vl-inspect: insp.csv:2: closed_by: "甲" but no closed date'
has err 'insp.csv:3: close_note: "已改" but no closed date'
has err 'insp.csv:3: close_evidence: "照片" but no closed date'
has err 'insp.csv:4: void_reason: "录错" but no voided date'
hasnt err 'insp.csv:5:'
has err 'nothing written'
[ -s out ] && fail "ids printed for a batch not written"
# in Chinese too, the value as typed
expect 2 vl-inspect -C reg add --import insp.csv --lang zh
has err 'insp.csv:2: closed_by: 填有 "甲"，但没有销号日期'
has err 'insp.csv:4: void_reason: 填有 "录错"，但没有作废日期'

# progress and tasks: a void reason without its day
printf 'date,project,stage,note,voided,void_reason\n2023-06-10,P25,started,,,录错\n' > prog.csv
expect 2 vl-add -C reg progress --import prog.csv
has err 'vl-add: prog.csv:2: void_reason: "录错" but no voided date'
has err 'nothing written'
printf 'area,title,owner,due,voided,void_reason\n甲,乙,丙,2023-07-01,,录错\n' > task.csv
expect 2 vl-add -C reg task --import task.csv
has err 'vl-add: task.csv:2: void_reason: "录错" but no voided date'
has err 'nothing written'
snapshot reg > after
same before after

# the row with its days is taken, its columns as given
sed -n '1p;5p' insp.csv > whole.csv
expect 0 vl-inspect -C reg add --import whole.csv
has out 119
tail -n 1 reg/inspections.csv > row
has row ',2023-06-12,,甲,已改,照片,2023-06-13,录错'
done_
