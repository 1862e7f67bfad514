# vl-add --import: the 50 seed villages in one go; a bad file changes nothing
. "$TESTS/lib.sh"

vl-add -C reg init --plan "$SHARE/demo/plan.json" 2>/dev/null
expect 0 vl-add -C reg project --import "$TESTS/fixtures/villages.csv"
lines out 50
has out "P001"
has out "P050"
lines reg/projects.csv 51
# 3.694万 is stored as plain yuan
[ "$(grep -c ',36940.00,' reg/projects.csv)" = 50 ] || fail "budgets not 36940.00"

# from stdin too, ids continue
printf 'village,town,budget,leader,specialist\n新村,青山镇,"36,940.00",甲,乙\n' |
    STDIN=/dev/stdin expect 0 vl-add -C reg project --import -
has out "P051"
has reg/projects.csv "P051,青山镇,新村,甲,乙,36940.00"

# two bad rows: both named, nothing written
snapshot reg > before
cat > bad.csv <<'CSV'
town,village,leader,specialist,budget
青山镇,好村,甲,乙,100
青山镇,坏村一,甲,乙,1.234
青山镇,好村二,甲,乙,200
青山镇,坏村二,甲,乙,12,34
CSV
expect 2 vl-add -C reg project --import bad.csv
has err "bad.csv:3: budget: more than 2 decimals"
has err "bad.csv:5:"
has err "nothing written"
snapshot reg > after
same before after

# duplicate ids within the batch and against the register
printf 'id,town,village,leader,specialist,budget\nP001,t,v,l,s,1\nX1,t,v,l,s,1\nX1,t,v,l,s,1\n' > dup.csv
expect 2 vl-add -C reg project --import dup.csv
has err "dup.csv:2: id: \"P001\" is already"
has err "dup.csv:4: id: \"X1\" is already"
snapshot reg > after
same before after

# an unknown column is refused, not dropped
printf 'town,village,leader,specialist,budget,colour\nt,v,l,s,1,red\n' > col.csv
expect 2 vl-add -C reg project --import col.csv
has err "colour: not a column of projects.csv"

# a missing required column
printf 'town,village,leader,specialist\nt,v,l,s\n' > miss.csv
expect 2 vl-add -C reg project --import miss.csv
has err ":1: budget: missing column"
# an empty file (a day with nothing, or a failed export): taken as nothing
# to do, but said, lest it look like rows written; a header alone too
for f in project fund progress; do
	: > empty.csv
	snapshot reg > before
	expect 0 vl-add -C reg $f --import empty.csv
	has err "empty.csv: empty, not even a header row: nothing imported"
	[ -s out ] && fail "an empty file printed ids"
	printf '\357\273\277\r\n\r\n' | STDIN=/dev/stdin expect 0 vl-add -C reg $f --import -
	has err "stdin: empty, not even a header row: nothing imported"
	snapshot reg > after
	same before after
done
printf 'town,village,leader,specialist,budget\r\n' > header.csv
expect 0 vl-add -C reg project --import header.csv
has err "header.csv: no records under the header: nothing to add"
[ -s out ] && fail "a header alone printed ids"
snapshot reg > after
same before after
: > empty.csv
expect 0 vl-inspect -C reg add --import empty.csv
has err "empty.csv: empty, not even a header row"
done_
