# 100000 allocations and 100000 expenses of 0.10 each: exactly 10000.00,
# not one fen off, in one pass (generated here, not stored).
. "$TESTS/lib.sh"

mkdir reg
cat > reg/plan.json <<'JSON'
{"name": "stream", "villages": 1, "start_by": "2022-12-31",
 "complete_by": "2023-05-31", "total": "1万",
 "funding": [{"name": "all", "levels": ["central", "region", "city",
   "district"], "amount": "10000.00"}],
 "purposes": ["construction"]}
JSON
printf 'id,town,village,leader,specialist,budget\nP1,青山镇,松林村,蓝霞,廖燕,10000\n' > reg/projects.csv
awk 'BEGIN {
	print "id,date,kind,level,source,project,purpose,amount,note"
	print "1,2023-01-01,receipt,central,finance,,,10000.00,"
	for (i = 0; i < 100000; i++)
		printf "%d,2023-01-02,allocation,,,P1,,0.10,\n", i + 2
	for (i = 0; i < 100000; i++)
		printf "%d,2023-01-03,expense,,,P1,construction,0.10,\n", i + 100002
}' > reg/funds.csv
lines reg/funds.csv 200002

# the books balance to the fen: nothing to report, even at the closing audit
expect 0 vl-fund -C reg check --final
printf 'check,subject,expected,actual,difference,status,detail\n' > want
same out want

expect 0 vl-fund -C reg sum --by project --kind expense
printf 'project,amount,count\nP1,10000.00,100000\n' > want
same out want

expect 0 vl-fund -C reg balance
has out 'P1,青山镇,松林村,蓝霞,廖燕,10000.00,10000.00,10000.00,10000.00,0.00,'

# the same amounts one a line: counted, not listed
awk 'BEGIN { for (i = 0; i < 100000; i++) print "0.10" }' > amounts
expect 0 vl-fund reconcile --total 1万 amounts
printf '100000 parts = 10000.00\n' > want
same out want
expect 1 vl-fund reconcile --total 9999.99 amounts
printf '100000 parts = 10000.00 \342\211\240 9999.99 (over by 0.01)\n' > want
same out want

# every kind of the journal summed, and the sums reconciled in a pipe
vl-fund -C reg sum --by kind | vl-fund reconcile --total 3万 > out
printf '10000.00 + 10000.00 + 10000.00 = 30000.00\n' > want
same out want
done_
