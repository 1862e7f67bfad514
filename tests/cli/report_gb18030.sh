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
done_
