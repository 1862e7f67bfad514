# tests/tools/rel.sh - helpers of the reliability tests (tests/cli/rel_*.sh).
# Source it after lib.sh.  $BUILD is the build tree under test (tests/run.sh).
VERIFY=$BUILD/tests/audit-verify
SHIM=$BUILD/tests/faultshim.so
case $BUILD in *asan*) asan=1 ;; *) asan=0 ;; esac
# ASan and valgrind (make valgrind) make every tool many times slower:
# the long loops run fewer rounds there, enough to take each code path
slow=$asan
[ "${VL_VALGRIND:-}" = 1 ] && slow=1
torture=${VL_TORTURE:-0}
GENESIS=0000000000000000000000000000000000000000000000000000000000000000

# scale PLAIN SLOW TORTURE: a count for this kind of run (SLOW: under
# ASan or valgrind)
scale() {
	if [ "$torture" = 1 ]; then echo "$3"
	elif [ "$slow" = 1 ]; then echo "$2"
	else echo "$1"; fi
}

# chain_ok DIR: recompute audit.csv's hash chain without libvl, from the
# definition in lib/register/audit.c: hash = SHA-256 of the previous hash, "\n",
# the CSV row seq..record, the CSV row digest and, when not empty, the CSV
# row detail (the optional tenth column); seq counts from 1.
chain_ok() {
	case $(head -1 "$1/audit.csv") in
	seq,time,user,tool,action,file,record,hash,digest) ;;
	seq,time,user,tool,action,file,record,hash,digest,detail) ;;
	*) fail "$1/audit.csv: not the audit header"; return 1 ;;
	esac
	prev=$GENESIS want=1
	tail -n +2 "$1/audit.csv" > chain.in
	while IFS=, read -r seq time user tool action file record hash digest detail; do
		case $seq$time$user$tool$action$file$record$hash$digest$detail in
		*\"*) fail "$1/audit.csv: seq $seq: a quoted field (chain_ok cannot split it)"
			return 1 ;;
		esac
		[ "$seq" = "$want" ] ||
		    { fail "$1/audit.csv: seq $seq where $want was due"; return 1; }
		h=$({ printf '%s\n%s,%s,%s,%s,%s,%s,%s\n%s\n' "$prev" "$seq" \
		    "$time" "$user" "$tool" "$action" "$file" "$record" "$digest"
		    [ -z "$detail" ] || printf '%s\n' "$detail"; } |
		    sha256sum | cut -c1-64)
		[ "$h" = "$hash" ] ||
		    { fail "$1/audit.csv: seq $seq: the hash chain breaks"; return 1; }
		prev=$hash want=$((want + 1))
	done < chain.in
	return 0
}

# audit_ok DIR: libvl's reading of the chain (audit-verify: chain, seq,
# no file changed outside the tools) and the independent one agree
audit_ok() {
	"$VERIFY" "$1" > verify.out 2>&1 ||
	    { fail "audit-verify $1: $(cat verify.out)"; return 1; }
	chain_ok "$1"
}

# csv_ok FILE: whole: ends in a newline, no NUL, quotes balanced and
# every record as many fields as the header (fields may span lines)
csv_ok() {
	[ -s "$1" ] || { fail "$1: empty"; return 1; }
	[ -z "$(tail -c 1 "$1")" ] || { fail "$1: no newline at the end (torn?)"; return 1; }
	[ "$(tr -d '\000' < "$1" | wc -c)" = "$(wc -c < "$1")" ] ||
	    { fail "$1: a NUL byte"; return 1; }
	awk '
	!inq { nf = 1; start = NR }
	{
		n = length($0)
		for (i = 1; i <= n; i++) {
			c = substr($0, i, 1)
			if (c == "\"") inq = !inq
			else if (c == "," && !inq) nf++
		}
		if (inq) next
		if (start == 1) want = nf
		else if (nf != want) {
			printf "%s:%d: %d fields, the header has %d\n", FILENAME, start, nf, want
			bad = 1
		}
	}
	END { if (inq) { print FILENAME ": a quote never closed"; bad = 1 }; exit bad }
	' "$1" > csv.out 2>&1 || { fail "$(cat csv.out)"; return 1; }
}

# reg_ok DIR: every CSV whole, no temp file or journal left over
reg_ok() {
	for _f in "$1"/*.csv; do csv_ok "$_f"; done
	for _f in "$1"/.vl-tmp.* "$1"/.vl-journal; do
		[ -e "$_f" ] && fail "$_f left behind"
	done
	return 0
}

# the register of the seed programme's plan, empty
new_reg() { rm -rf "$1" && vl-add -C "$1" init --plan "$SHARE/demo/plan.json" 2>/dev/null; }

# fund_rows DIR: how many records funds.csv holds
fund_rows() { echo $(($(wc -l < "$1/funds.csv") - 1)); }
