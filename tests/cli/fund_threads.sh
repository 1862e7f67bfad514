# A journal big enough to be read by several threads gives what one
# thread gives: the same sums, the same checks and balances, the same
# errors at the same lines in the same order, the same exit status; a
# journal whose sums could overflow is read again as one, so the
# overflow is met at its row.
. "$TESTS/lib.sh"
mkdir reg
cp "$TESTS"/cases/fund-balanced/input/plan.json \
    "$TESTS"/cases/fund-balanced/input/projects.csv reg/
adopt reg
# 150,000 rows (about 10 MB, more than a divided read needs): quoted
# notes with commas and line breaks, amounts with separators, CRLF here
# and there, a row that is not in projects.csv
journal() {
	awk -v bad="$1" 'BEGIN {
		print "id,date,kind,level,source,project,purpose,amount,note"
		for (i = 1; i <= 150000; i++) {
			k = i % 3
			if (k == 0)
				printf "%d,2023-01-%02d,receipt,%s,finance,,,%d.%02d,", i, i % 28 + 1, i % 2 ? "central" : "district", i % 977, i % 100
			else if (k == 1)
				printf "%d,2023-02-%02d,allocation,,,P%d,,\"%d,%03d.50\",", i, i % 28 + 1, i % 2 + 1, i % 9 + 1, i % 1000
			else
				printf "%d,2023-03-%02d,expense,,,P%d,%s,0.%02d,", i, i % 28 + 1, i % 7 == 0 ? 9 : i % 2 + 1, i % 5 ? "construction" : "equipment", i % 100
			if (i % 11 == 0)
				printf "\"第%d批,含\"\"设备\"\"\n续\"", i
			else
				printf "凭证%d", i
			printf (i % 13 == 0 ? "\r\n" : "\n")
			if (bad && i % 25013 == 0)
				print i ",2023-02-30,expense,,,P1,construction,1.00,bad day"
			if (bad && i % 40009 == 0)
				print i ",2023-02-01,receipt,central,finance,,,1.001,\"a quote\"x"
		}
	}' > reg/funds.csv
}

journal 0
[ "$(wc -c < reg/funds.csv)" -gt 9000000 ] || fail "the journal is too small to divide"
agree_ 0 vl-fund -C reg sum --by level --kind all
has out1 'central,'
agree_ 0 vl-fund -C reg sum --by project --kind expense
has out1 'P9,'
agree_ 0 vl-fund -C reg sum --by purpose
agree_ 0 vl-fund -C reg sum --by town --kind allocation
agree_ 0 vl-fund -C reg balance
agree_ 1 vl-fund -C reg check --final
has out1 'project,P9,'
# the journal was put in by hand: a check hashes the files by a thread
# of its own while it reads them, and says so where one thread does
has err1 'reg/funds.csv: made outside the vl tools'
lines err1 1

# bad rows: every one reported, at its line, in the order of the file
journal 1
agree_ 2 vl-fund -C reg sum --by level
lines err1 8
has err1 'date: no such day: "2023-02-30"'
has err1 'malformed CSV'
sed 's/^vl-fund: reg\/funds.csv:\([0-9]*\):.*/\1/' err1 > at
sort -n at > sorted
same at sorted
agree_ 2 vl-fund -C reg check

# amounts that could overflow a sum (their sizes add up beyond int64):
# read again as one, so a sum that does overflow is met at its row
journal 0
awk 'NR == 100000 { print "999990,2023-01-01,receipt,region,finance,,,92233720368547758.00,big" }
    NR == 120000 { print "999991,2023-01-01,receipt,region,finance,,,-92233720368547758.00,back" }
    { print }' reg/funds.csv > reg/big.csv && mv reg/big.csv reg/funds.csv
agree_ 0 vl-fund -C reg sum --by level
has out1 'region,0.00,2'
agree_ 2 vl-fund -C reg sum --by kind
has err1 'amount: the sum of kind "receipt" overflows'
agree_ 2 vl-fund -C reg check
has err1 'amount: a sum overflows the 64-bit range of fen here'
done_
