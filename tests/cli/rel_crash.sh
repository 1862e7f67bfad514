# kill -9 at random moments: adds are killed mid-way, ~30 times here and
# hundreds under make torture.  Every acknowledged record (exit 0 and its
# id printed) is there; a kill after the commit point (the journal is in
# place) is rolled forward by the next add, one before it leaves no
# trace; no file is ever torn, not even between a kill and the next add;
# the audit chain verifies; the register stays usable.  In the plain build
# the fault shim makes fsync and rename slow (a slow disk), so more kills land
# inside a commit; where each kill landed is counted and printed.
. "$TESTS/lib.sh"
. "$TESTS/tools/rel.sh"

# kill_after DELAY PID: kill -9 the job PID after DELAY seconds; its exit
# status (a function, not a subshell, so that wait knows the job)
kill_after() {
	sleep "$1"
	kill -9 "$2" 2> /dev/null
	wait "$2" 2> /dev/null
}

K=$(scale 30 15 400)
new_reg reg
if [ "$asan" = 0 ] && [ -f "$SHIM" ]; then
	export LD_PRELOAD="$SHIM" FAULT_SLOW=1000
fi

add() {
	vl-add -C reg fund --kind receipt --level central --source finance \
	    --amount 1 --date 2022-12-01 --note "$1"
}

# how long an add takes here, in microseconds
t0=$(date +%s%N)
for i in 1 2 3 4 5; do add "calibrate$i" > /dev/null || fail "an add failed"; done
per=$((($(date +%s%N) - t0) / 5000))
seed=${VL_SEED:-$(date +%s)}
awk -v n="$K" -v max="$per" -v seed="$seed" 'BEGIN {
	srand(seed); for (i = 0; i < n; i++) printf "%.6f\n", rand() * max / 1e6 }' > delays
note "an add takes ${per} us; $K kills at random in [0, $per] us (VL_SEED=$seed)"

: > acks
before=0 tmps=0 journal=0 unacked=0 acked=0 k=0
while read -r delay; do
	k=$((k + 1))
	# not the function: $! must be vl-add itself, not a subshell
	vl-add -C reg fund --kind receipt --level central --source finance \
	    --amount 1 --date 2022-12-01 --note "k$k" > out 2> "err.$k" &
	kill_after "$delay" $!
	st=$?
	# files are whole at every moment, even before anyone rolls forward
	csv_ok reg/funds.csv || break
	csv_ok reg/audit.csv || break
	if [ "$st" = 0 ]; then
		[ -s out ] || { fail "k$k: exit 0 but no id printed"; continue; }
		echo "$(cat out) k$k" >> acks
		acked=$((acked + 1))
		continue
	fi
	[ "$st" = 137 ] || { fail "k$k: exit $st"; cat "err.$k" >&2; continue; }
	there=$(grep -c ",k$k\$" reg/funds.csv)
	if [ -e reg/.vl-journal ]; then
		where=journal journal=$((journal + 1))
	elif [ "$there" = 1 ]; then
		where=unacked unacked=$((unacked + 1))
	elif ls reg/.vl-tmp.* > /dev/null 2>&1; then
		where=tmps tmps=$((tmps + 1))
	else
		where=before before=$((before + 1))
	fi
	# the next add finishes or forgets the killed one; never half of it
	add "after-k$k" > /dev/null 2> "err.after.$k" ||
	    { fail "the add after kill $k ($where) failed"; cat "err.after.$k" >&2; }
	there=$(grep -c ",k$k\$" reg/funds.csv)
	case $where in
	journal|unacked) [ "$there" = 1 ] || fail "k$k ($where): committed, then lost" ;;
	*) [ "$there" = 0 ] || fail "k$k ($where): killed before the commit point, yet written" ;;
	esac
done < delays
note "kills: $before before writing, $tmps while writing temp files," \
    "$journal after the commit point (rolled forward), $unacked after the" \
    "commit before the id was printed; $acked adds finished first"
[ $((before + tmps + journal + unacked + acked)) = "$K" ] || fail "only $k of $K kills ran"

# every acknowledged record is there, once, as printed
while read -r id n; do
	[ "$(grep -c "^$id,.*,$n\$" reg/funds.csv)" = 1 ] || echo "$id $n" >> lost
done < acks
[ -e lost ] && fail "acknowledged, then lost: $(head -3 lost)"
cut -d, -f1 reg/funds.csv | tail -n +2 | sort | uniq -d > dup
[ -s dup ] && fail "ids twice: $(head -3 dup)"
# usable: one more add, then the audit has a line for each add that landed
expect 0 add final
[ "$(grep -c ',funds.csv,' reg/audit.csv)" = "$(wc -l < reg/funds.csv)" ] ||
    fail "not one audit line per fund row"
audit_ok reg
reg_ok reg

# kill -9 during vl-inspect close, which rewrites one row of
# inspections.csv in place: the inspection is closed (the kill came after
# the commit point, and the next writer rolls it forward) or open as it
# was, never torn; an acknowledged close stays closed
C=$(scale 15 8 200)
new_reg insp
vl-add -C insp project --town t --village v --leader l --specialist s \
    --budget 100 > /dev/null
project=$(cut -d, -f1 insp/projects.csv | tail -1)
i=0
while [ $i -lt "$C" ]; do
	vl-inspect -C insp add --project "$project" --phase review \
	    --aspect quality --result fail --finding "f$i" --due 2022-12-10 \
	    --date 2022-12-01 > /dev/null || fail "inspection $i not added"
	i=$((i + 1))
done
awk -v n="$C" -v max="$per" -v seed="$seed" 'BEGIN {
	srand(seed + 2); for (i = 0; i < n; i++) printf "%.6f\n", rand() * max / 1e6 }' > delays
# closed ID: the closed date of inspection ID
closed() { awk -F, -v id="$1" '$1 == id { print $9 }' insp/inspections.csv; }
k=0 closes=0 unclosed=0
while read -r delay; do
	k=$((k + 1))
	vl-inspect -C insp close "$k" --date 2022-12-05 > out 2> "err.close$k" &
	kill_after "$delay" $!
	st=$?
	csv_ok insp/inspections.csv || break
	csv_ok insp/audit.csv || break
	committed=0
	{ [ -e insp/.vl-journal ] || [ "$(closed "$k")" = 2022-12-05 ]; } &&
	    committed=1
	[ "$st" = 0 ] || [ "$st" = 137 ] || { fail "close $k: exit $st"; cat "err.close$k" >&2; }
	[ "$st" = 0 ] && [ "$committed" = 0 ] && fail "close $k: acknowledged, not closed"
	# the next writer finishes or forgets it
	vl-add -C insp fund --kind receipt --level central --source finance \
	    --amount 1 --date 2022-12-01 --note "after-close$k" > /dev/null ||
	    fail "the add after close $k failed"
	case $committed$(closed "$k") in
	12022-12-05) closes=$((closes + 1)) ;;
	0) unclosed=$((unclosed + 1)) ;;
	*) fail "close $k: committed=$committed, closed='$(closed "$k")'" ;;
	esac
done < delays
note "closes killed: $closes closed (acknowledged or rolled forward), $unclosed left open"
[ $((closes + unclosed)) = "$C" ] || fail "only $k of $C close kills ran"
# the file is still what a spreadsheet and the tools read: every row there
[ "$(($(wc -l < insp/inspections.csv) - 1))" = "$C" ] ||
    fail "inspections.csv has $(($(wc -l < insp/inspections.csv) - 1)) rows, not $C"
audit_ok insp
reg_ok insp
expect 0 vl-inspect -C insp list

# kill -9 during init: after the next writer, a register is there whole
# (every file, its audit lines -- the anchor and five -- and its head) or
# not at all
I=$(scale 10 5 100)
awk -v n="$I" -v max="$per" -v seed="$seed" 'BEGIN {
	srand(seed + 1); for (i = 0; i < n; i++) printf "%.6f\n", rand() * max / 1e6 }' > delays
k=0
while read -r delay; do
	k=$((k + 1))
	rm -rf "init$k"
	vl-add -C "init$k" init --plan "$SHARE/demo/plan.json" 2> /dev/null &
	kill_after "$delay" $!
	# a second init finishes the first or starts afresh
	vl-add -C "init$k" init --plan "$SHARE/demo/plan.json" 2> "err.init$k"
	st=$?
	[ "$st" = 0 ] || [ "$st" = 2 ] || { fail "init$k: exit $st"; cat "err.init$k" >&2; }
	for f in plan.json projects.csv progress.csv funds.csv inspections.csv \
	    audit.csv .vl-head; do
		[ -e "init$k/$f" ] || fail "init$k: $f missing"
	done
	[ "$(($(wc -l < "init$k/audit.csv") - 1))" = 6 ] ||
	    fail "init$k: audit.csv has $(($(wc -l < "init$k/audit.csv") - 1)) lines"
	audit_ok "init$k"
	reg_ok "init$k"
	expect 0 vl-add -C "init$k" fund --kind receipt --level central \
	    --source finance --amount 1 --date 2022-12-01
done < delays
done_
