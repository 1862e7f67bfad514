# vl-inspect add --import: all or nothing, every bad line named; rows go
# in the file's own column order, its extra columns kept
. "$TESTS/lib.sh"

demo reg
export VL_AS_OF=2023-06-15

# five bad rows among good ones: each named with its line, nothing written
cat > day.csv <<'CSV'
project,date,phase,aspect,result,finding,due,inspector
P01,2023-06-10,check,quality,pass,,,甲
P02,2023-06-10,check,quality,fail,,,甲
P99,2023-06-10,check,quality,pass,,,甲
P25,2023-06-10,acceptance,quality,pass,,,甲
P03,2023-06-10,check,funds,fail,"发票, ""不全""",2023-06-09,甲
P04,2023-06-10,review,colour,pass,,,甲
P05,2023-06-10,check,safety,fail,防护,2023-07-01,甲
CSV
snapshot reg > before
expect 2 vl-inspect -C reg add --import day.csv
has err 'day.csv:3: finding: a failed inspection needs a finding'
has err 'day.csv:3: due: a failed inspection needs a due date'
has err 'day.csv:4: project: no such project: "P99"'
has err 'day.csv:5: result: an acceptance can pass only a completed project'
has err 'day.csv:6: due: 2023-06-09 must be after the inspection date 2023-06-10'
has err 'day.csv:7: aspect: "colour" is not one of'
hasnt err 'day.csv:2:'
hasnt err 'day.csv:8:'
has err 'nothing written'
[ -s out ] && fail "ids printed for a batch not written"
snapshot reg > after
same before after

# a duplicate id within the batch, and against the file
printf 'id,date,project,phase,aspect,result\n7,2023-06-10,P01,check,quality,pass\n900,2023-06-10,P01,check,quality,pass\n900,2023-06-10,P02,check,quality,pass\n' > dup.csv
expect 2 vl-inspect -C reg add --import dup.csv
has err 'dup.csv:2: id: "7" is already in inspections.csv'
has err 'dup.csv:4: id: "900" is already in inspections.csv or in this batch'
# a column the file does not have, and one the import must have
printf 'date,project,phase,aspect,result,colour\n2023-06-10,P01,check,quality,pass,red\n' > col.csv
expect 2 vl-inspect -C reg add --import col.csv
has err 'col.csv:1: colour: not a column of inspections.csv'
printf 'date,project,phase,aspect\n2023-06-10,P01,check,quality\n' > miss.csv
expect 2 vl-inspect -C reg add --import miss.csv
has err ':1: result: missing column'
expect 2 vl-inspect -C reg add --import no-such-file.csv
# options beside an import would be lost: refused
expect 2 vl-inspect -C reg add --import day.csv --inspector 甲
has err usage:
snapshot reg > after
same before after

# the good rows, from stdin: ids assigned in order and printed
sed -n '1p;2p;8p' day.csv > good.csv
STDIN=good.csv expect 0 vl-inspect -C reg add --import -
printf '119\n120\n' > want
same out want
tail -n 2 reg/inspections.csv > rows
printf '%s\n' '119,2023-06-10,P01,check,quality,pass,,,,甲' \
    '120,2023-06-10,P05,check,safety,fail,防护,2023-07-01,,甲' > want
same rows want

# a clerk's file: other column order, an extra column, a BOM and CRLF;
# a row already rectified on paper may come with its closed date
demo reg2
printf '\357\273\277inspector,id,date,project,phase,aspect,result,finding,due,closed,remark\r\n甲,1,2023-01-05,P01,check,quality,pass,,,,原有\r\n' > reg2/inspections.csv
cp reg2/inspections.csv old.csv
printf 'date,project,phase,aspect,result,finding,due,closed\n2023-02-01,P02,check,safety,fail,"无护栏,已补",2023-02-10,2023-02-08\n' > paper.csv
expect 0 vl-inspect -C reg2 add --import paper.csv
has out 2
head -c "$(wc -c < old.csv)" reg2/inspections.csv > kept
same kept old.csv
tail -n 1 reg2/inspections.csv > row
printf '%s\r\n' ',2,2023-02-01,P02,check,safety,fail,"无护栏,已补",2023-02-10,2023-02-08,' > want
same row want
# a rectification closed, or a row voided, after today: refused as the
# record's own date is (close and void refuse it on the command line)
demo reg3
snapshot reg3 > before
printf 'date,project,phase,aspect,result,finding,due,closed\n2023-06-10,P49,check,quality,fail,f,2023-06-25,2099-01-01\n' > later.csv
expect 2 vl-inspect -C reg3 add --as-of 2023-06-15 --import later.csv
has err "later.csv:2: closed: 2099-01-01 is after today (2023-06-15)"
printf 'date,project,phase,aspect,result,finding,due,voided,void_reason\n2023-06-10,P49,check,quality,fail,f,2023-06-25,2099-01-01,r\n' > later.csv
expect 2 vl-inspect -C reg3 add --as-of 2023-06-15 --import later.csv
has err "later.csv:2: voided: 2099-01-01 is after today (2023-06-15)"
snapshot reg3 > after
same before after
done_
