# Writers at once: 4 processes x 50 `vl-add fund` into one register (8 x 200
# under make torture) while a reader checks what it sees (audit-verify,
# vl-report audit, vl-fund check: never a hand edit or a broken trail).  Every add lands
# once, ids are unique and consecutive, every acknowledged id holds its
# own record, audit.csv has one line a commit with seq 1..N and a chain
# that verifies, and the reader never sees a torn file or broken chain.
. "$TESTS/lib.sh"
. "$TESTS/tools/rel.sh"

W=$(scale 4 4 8)
N=$(scale 50 12 200)
export VL_LOCK_TIMEOUT=$(scale 30 60 120)
new_reg reg
base=$(($(wc -l < reg/audit.csv) - 1))

# writer W: N adds, each with its own note; "id note" for each one acked
writer() {
	i=1
	while [ "$i" -le "$N" ]; do
		id=$(vl-add -C reg fund --kind receipt --level central \
		    --source finance --amount "$1" --date 2022-12-01 \
		    --note "w$1-$i" 2>> "err.$1")
		st=$?
		if [ "$st" = 0 ]; then echo "$id w$1-$i" >> "acks.$1"
		else echo "w$1-$i exited $st" >> failures; fi
		i=$((i + 1))
	done
}

# the reader: while writers write, every look is whole, and the files
# and the trail are one state: no reader ever takes a writer's commit
# for a hand edit, nor a trail short of its head (readers hold the shared
# lock while they read)
reader() {
	n=0
	while [ ! -e writers.done ]; do
		n=$((n + 1))
		"$VERIFY" reg > /dev/null 2> verify.err ||
		    echo "audit-verify while writing: $(cat verify.err)" >> reader.fail
		vl-report -C reg audit > /dev/null 2> audit.err ||
		    echo "vl-report audit exited $? while writing: $(cat audit.err)" >> reader.fail
		[ -s audit.err ] && echo "vl-report audit warned: $(cat audit.err)" >> reader.fail
		vl-fund -C reg check > /dev/null 2> check.err
		grep -q 'changed outside\|trail' check.err &&
		    echo "vl-fund check warned: $(cat check.err)" >> reader.fail
		# a copy that cp could not make is not a torn file: it is
		# told apart, and what cp said kept (a CI run once saw an
		# empty seen.csv, and did not keep why)
		if cp reg/funds.csv seen.csv 2> cp.err; then
			csv_ok seen.csv 2>> reader.fail ||
			    echo "torn funds.csv ($(wc -c < seen.csv) bytes copied)" >> reader.fail
		else
			echo "cp exited $?: $(cat cp.err)" >> cp.failures
		fi
	done
	echo "$n" > reader.looks
}

reader &
rpid=$!
pids=
w=1
while [ "$w" -le "$W" ]; do
	writer "$w" &
	pids="$pids $!"
	w=$((w + 1))
done
start=$(date +%s)
wait $pids
touch writers.done
wait "$rpid"
note "$W writers x $N adds in $(($(date +%s) - start)) s; the reader looked $(cat reader.looks) times"
[ -e cp.failures ] && note "cp could not copy funds.csv $(wc -l < cp.failures) times: $(head -3 cp.failures)"

total=$((W * N))
[ -e failures ] && fail "adds failed: $(head -5 failures)" && cat err.* >&2
[ -s reader.fail ] && fail "the reader saw: $(sort -u reader.fail | head -5)"
[ "$(fund_rows reg)" = "$total" ] || fail "funds.csv has $(fund_rows reg) rows, expected $total"
# ids 1..total, each once
cut -d, -f1 reg/funds.csv | tail -n +2 | sort -n > ids
seq 1 "$total" > want
same ids want
# every note once, and every acked id holds its own note
cut -d, -f9 reg/funds.csv | tail -n +2 | sort > notes
cat acks.* | cut -d' ' -f2 | sort > acked
same notes acked
[ "$(cat acks.* | wc -l)" = "$total" ] || fail "$(cat acks.* | wc -l) adds acknowledged"
cat acks.* | while read -r id n; do
	grep -q "^$id,.*,$n\$" reg/funds.csv || echo "$id $n" >> lost
done
[ -e lost ] && fail "acknowledged but not as printed: $(head -3 lost)"
# one audit line a commit, seq 1..N, the chain whole
[ "$(($(wc -l < reg/audit.csv) - 1))" = "$((base + total))" ] ||
    fail "audit.csv has $(($(wc -l < reg/audit.csv) - 1)) lines, expected $((base + total))"
[ "$(grep -c ',funds.csv,' reg/audit.csv)" = "$((total + 1))" ] ||
    fail "not one audit line per fund add"
# and each names the record it added
grep ',add,funds.csv,' reg/audit.csv | cut -d, -f7 | sort -n > audited
same audited want
audit_ok reg
reg_ok reg
done_
