# a projects.csv saved by Chinese Excel as GB18030 (and the other files
# too) gives the same reports as the UTF-8 register
. "$TESTS/lib.sh"

demo utf8
demo gb
for f in projects.csv inspections.csv progress.csv; do
	iconv -f UTF-8 -t GB18030 utf8/$f > gb/$f || fail "iconv $f"
done
cmp -s utf8/projects.csv gb/projects.csv && fail "projects.csv not converted"
for args in "overdue --within 30" "progress" "progress --by project"; do
	expect 0 vl-report -C utf8 $args --as-of 2023-06-15
	mv out want
	expect 0 vl-report -C gb $args --as-of 2023-06-15
	same out want
	[ -s err ] && fail "$args: $(cat err)"
done
# with a BOM and CRLF line ends, as a spreadsheet writes them
{ printf '\357\273\277'; sed 's/$/\r/' utf8/projects.csv; } > gb/projects.csv
expect 0 vl-report -C gb overdue --as-of 2023-06-15
vl-report -C utf8 overdue --as-of 2023-06-15 > want
same out want
# a journal longer than the 64 characters beyond ASCII its encoding is told by
# (Chinese): with Chinese only after 64 KiB (the whole first block decides),
# or from its first line
for first in 2000 0; do
	awk -v first=$first 'BEGIN {
		print "id,date,kind,level,source,project,purpose,amount,note"
		for (i = 1; i <= 3000; i++)
			printf "%d,2023-01-02,receipt,central,finance,,,1.00,%s\n",
			    i, i <= first ? "plain" : "第" i "批 凭证"
	}' > long.csv
	[ "$(head -c 70000 long.csv | grep -c 批)" -gt 0 ] || [ $first = 2000 ] ||
	    fail "no Chinese in the first 64 KiB"
	iconv -f UTF-8 -t GB18030 long.csv > long-gb.csv
	expect 0 vl-fund sum --by level long.csv
	mv out want
	has want 'central,3000.00,3000'
	expect 0 vl-fund sum --by level long-gb.csv
	same out want
done
# told UTF-8 by its first rows' Chinese: a byte further on that is not
# UTF-8 is still an error of its line, not a reason to read it all as
# GB18030
head -100 long.csv > bad.csv
printf '100,2023-01-02,receipt,central,finance,,,1.00,\304\343\n' >> bad.csv
head -200 long.csv | tail -100 >> bad.csv
expect 2 vl-fund sum --by level bad.csv
has err "bad.csv:101: a byte that is not valid UTF-8"
lines err 1
done_
