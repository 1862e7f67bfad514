# A projects.csv big enough to be read by several threads gives what one
# thread gives: the same reports byte for byte, the same errors at the
# same lines in the same order, the same exit status.  A duplicate id in
# a later part is met when the parts are put together: the file is then
# read again as one, so that it is said at its line, in order.
. "$TESTS/lib.sh"

mkdir reg
cp "$SHARE/demo/plan.json" reg/
# projects (150,000 rows, about 10 MB: more than a divided read needs):
# towns and people repeated, a leader left blank now and then, a quoted
# village with a comma; with DUP, bad rows in the second half
projects() {
	awk -v dup="$1" 'BEGIN {
		print "id,town,village,leader,specialist,budget,start_by,complete_by"
		for (i = 1; i <= 150000; i++) {
			printf "P%06d,镇%d,", i, i % 97
			printf (i % 1000 == 0 ? "\"村%d,东\"," : "村%d,"), i % 389
			printf "%s,专干%d,", i % 501 ? "领导" i % 1999 : "", i % 777
			printf "%d.%02d,2023-0%d-01,2023-0%d-28\n", i % 90000, i % 100, i % 5 + 1, i % 4 + 5
			if (dup && i == 120000)
				print "P120000,镇1,村1,领导,专干,1.00,,"
			if (dup && i == 140000)
				print "P070000,镇1,村1,领导,专干,x,,"
			if (dup && i == 145000)
				print "P000002,镇1,村1,领导,专干,2.00,,"
		}
	}' > reg/projects.csv
}

day="--as-of 2023-06-15"
projects 0
adopt reg
[ "$(wc -c < reg/projects.csv)" -gt 9000000 ] || fail "projects.csv is too small to divide"
agree_ 0 vl-report -C reg overdue $day
lines out1 187800
has out1 'not-completed,P150000,镇38,"村235,东",领导75,专干39,2023-05-28,18,,late,'
agree_ 0 vl-report -C reg progress --by town $day
has out1 '镇96,'
agree_ 0 vl-report -C reg summary $day

# a duplicate in the second half of the file (of a row before it, and of
# one in the first half), and a bad amount between them
projects 1
agree_ 2 vl-report -C reg overdue $day
lines err1 4
has err1 'reg/projects.csv:120002: id: duplicate project "P120000"'
has err1 'reg/projects.csv:140003: budget:'
# the row of the bad amount has a duplicate id too, said too
has err1 'reg/projects.csv:140003: id: duplicate project "P070000"'
has err1 'reg/projects.csv:145004: id: duplicate project "P000002"'
sed 's/^vl-report: reg\/projects.csv:\([0-9]*\):.*/\1/' err1 > at
sort -n at > sorted
same at sorted
done_
