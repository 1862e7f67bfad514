# Memory grows with projects and groups, never with rows: two million fund
# rows stream through check, balance and sum in a 32 MiB address space.
# The register's journal is a file (a FIFO in its place is refused: it
# could block a tool for ever); a journal given to sum is a FIFO fed by
# awk, so no disk holds that one.
. "$TESTS/lib.sh"
LIMIT=32768	# KiB: about 12 MiB is what vl-fund needs to start
# sanitizers and valgrind reserve far more than any limit: skip there
if ! (ulimit -v $LIMIT && vl-fund --version) > /dev/null 2>&1; then
	note "skipped: vl-fund does not start in $LIMIT KiB (sanitizer?)"
	done_
fi

mkdir reg
cat > reg/plan.json <<'JSON'
{"name": "memory", "villages": 1, "start_by": "2022-12-31",
 "complete_by": "2023-05-31", "total": "1万",
 "funding": [{"name": "all", "levels": ["central", "region", "city",
   "district"], "amount": "1万"}],
 "purposes": ["construction", "equipment"]}
JSON
printf 'id,town,village,leader,specialist,budget\nP1,青山镇,松林村,蓝霞,廖燕,10000\n' > reg/projects.csv
journal() {
	awk 'BEGIN {
		print "id,date,kind,level,source,project,purpose,amount,note"
		print "1,2023-01-01,receipt,central,finance,,,10000.00,"
		for (i = 0; i < 1000000; i++)
			printf "%d,2023-01-02,allocation,,,P1,,0.01,\n", i + 2
		for (i = 0; i < 1000000; i++)
			printf "%d,2023-01-03,expense,,,P1,%s,0.01,\n",
			    i + 1000002, i % 2 ? "equipment" : "construction"
	}'
}
journal > reg/funds.csv
vl-add -C reg audit-restart --reason "made by fund_memory.sh" > /dev/null
mkfifo fifo
# run vl-fund ARGS under the limit while awk feeds the FIFO; a writer that
# nobody reads (vl-fund failed early) is stopped, never waited for
run() {
	journal > fifo &
	pid=$!
	(ulimit -v $LIMIT && vl-fund -C reg "$@") > out 2> err < /dev/null
	st=$?
	kill $pid 2> /dev/null
	wait $pid 2> /dev/null
	[ $st = 0 ] || { fail "vl-fund $* exited $st"; cat err >&2; }
	# a clean check says so on stderr; nothing else may be said
	grep -v '^vl-fund: all [0-9]* checks pass$' err > said
	[ -s said ] && { fail "vl-fund $*: $(cat said)"; }
}

run check --final
printf 'check,subject,expected,actual,difference,status,detail\n' > want
same out want
has err 'vl-fund: all 9 checks pass'

run balance
has out 'P1,青山镇,松林村,蓝霞,廖燕,10000.00,10000.00,10000.00,5000.00,5000.00,0.00,'

run sum --by purpose
printf 'purpose,amount,count\nconstruction,5000.00,500000\nequipment,5000.00,500000\n' > want
same out want
run sum --by purpose fifo
same out want
rm reg/funds.csv
done_
