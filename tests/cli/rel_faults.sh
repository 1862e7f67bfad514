# Fault injection: every open (for writing), write, fsync, rename, close,
# fchmod, fchown, unlink and mkdir that an add, an init and an inspection's
# close make is failed in turn by tests/tools/faultshim.so.
# Each time one of three things happens, and nothing else:
#   before   exit 3, a message naming the file and the error, no id
#            printed, the register exactly as before;
#   forward  exit 3, the failure came after the commit point (the journal
#            is in place): the next writer, or a check of the audit trail,
#            rolls it forward and the register is exactly as after;
#   recorded exit 3 and "the change is recorded": only the last directory
#            sync, after the journal was removed, failed; the register is
#            as after already;
#   harmless exit 0, the id printed, the register as after (a failed close
#            of a file only read, or of the lock, loses nothing).
# Plain build only: ASan must be the first library loaded, LD_PRELOAD
# breaks that.
. "$TESTS/lib.sh"
. "$TESTS/tools/rel.sh"

if [ "$asan" = 1 ]; then
	note "skipped under ASan: an LD_PRELOAD shim and ASan do not mix"
	done_
fi
[ -f "$SHIM" ] || { fail "$SHIM is not built (make units)"; done_; }
export FAULT_TIME=1700000000	# audit lines come out the same every run
errnos=$(scale "ENOSPC" "ENOSPC" "ENOSPC EIO EDQUOT")

# errno_for CALL: what the call fails with in this run
errno_for() {
	case $1 in
	open) echo EACCES ;; write) echo "$err_w" ;; fsync) echo EIO ;;
	rename) echo EIO ;; close) echo EIO ;; fchmod) echo EIO ;;
	fchown) echo EIO ;; unlink) echo EIO ;; mkdir) echo EIO ;;
	esac
}

# count_of LOG CALL: how many such calls the run logged
count_of() { sed -n "s/^count.* $2=\([0-9]*\).*/\1/p" "$1" | head -1; }

# sites NAME BASE NEXT CMD...: fail each call of CMD in a copy of BASE (or
# in a new directory when BASE is -) in turn; NEXT is a writer's run that
# rolls forward a commit left half done
sites() {
	name=$1 base=$2 next=$3
	shift 3
	rm -rf ref && { [ "$base" = - ] || cp -a "$base" ref; }
	rm -f count.log
	FAULT_LOG=count.log LD_PRELOAD=$SHIM "$@" ref > /dev/null 2> err ||
	    { fail "$name: the run without faults failed"; cat err >&2; return; }
	snapshot ref > after
	if [ "$base" = - ]; then mkdir -p empty && snapshot empty > before
	else snapshot "$base" > before; fi
	for call in open write fsync rename close fchmod fchown unlink mkdir; do
		n=$(count_of count.log "$call")
		at=1
		while [ "$at" -le "${n:-0}" ]; do
			site "$name" "$base" "$next" "$call" "$at" "$@"
			at=$((at + 1))
		done
	done
}

site() {
	name=$1 base=$2 next=$3 call=$4 at=$5
	shift 5
	rm -rf r && { [ "$base" = - ] || cp -a "$base" r; }
	rm -f fault.log
	e=$(errno_for "$call")
	FAULT_CALL=$call FAULT_AT=$at FAULT_ERRNO=$e FAULT_LOG=fault.log \
	    LD_PRELOAD=$SHIM "$@" r > out 2> err
	st=$?
	what="$name: $call #$at ($(sed -n 's/^fail [a-z]* #[0-9]* \([^ ]*\).*/\1/p' fault.log))"
	grep -q '^fail' fault.log || { fail "$what: never reached"; return; }
	total=$((total + 1))
	if [ "$st" = 0 ]; then
		[ -s out ] || [ "$name" = init ] || fail "$what: exit 0, no id printed"
		snapshot r > now
		cmp -s now after || fail "$what: exit 0, but the register is not as after"
		harmless=$((harmless + 1))
		echo "harmless $what" >> sites.txt
		return
	fi
	[ "$st" = 3 ] || { fail "$what: exit $st, expected 3"; sed 's/^/  /' err >&2; return; }
	[ -s out ] && fail "$what: exit 3, yet an id was printed"
	# the message names the file and the error
	file=$(sed -n 's/^fail [a-z]* #[0-9]* \([^ ]*\).*/\1/p' fault.log)
	grep -q "^vl-[a-z]*: .*$(basename "$file")" err ||
	    { fail "$what: the message does not name $(basename "$file")"; sed 's/^/  /' err >&2; }
	case $e in
	ENOSPC) has err "No space left on device" ;;
	EIO) has err "Input/output error" ;;
	EACCES) has err "Permission denied" ;;
	EDQUOT) has err "quota exceeded" ;;
	esac
	journal=0
	[ -e r/.vl-journal ] && journal=1
	# init's own directory not made: nothing there, as before
	[ "$base" = - ] && [ ! -e r ] && mkdir r
	# every file whole even before anyone rolls forward
	for f in r/*.csv; do [ -e "$f" ] && csv_ok "$f"; done
	snapshot r > now
	if [ "$journal" = 0 ] && cmp -s now before; then
		before_=$((before_ + 1))
		echo "before $what" >> sites.txt
		ls r/.vl-tmp.* > /dev/null 2>&1 && fail "$what: temp files left behind"
		return
	fi
	if [ "$journal" = 0 ] && cmp -s now after; then
		# the last directory sync, after the journal is gone, failed
		has err "the change is recorded"
		recorded=$((recorded + 1))
		echo "recorded $what" >> sites.txt
		return
	fi
	[ "$journal" = 1 ] || { fail "$what: exit 3 with the register neither as before nor committed"; diff before now >&2; return; }
	# after the commit point: the next writer completes it
	LD_PRELOAD=$SHIM sh -c "$next" > next.out 2>&1
	snapshot r > now
	if cmp -s now after; then
		forward=$((forward + 1))
		echo "forward $what" >> sites.txt
	elif cmp -s now before; then
		# the failure left the temp files unusable: none of it happened
		before_=$((before_ + 1))
		echo "before (journal dropped) $what" >> sites.txt
	else
		fail "$what: after the next run the register is neither as before nor as after"
		diff after now >&2
	fi
}

total=0 before_=0 forward=0 harmless=0 recorded=0
new_reg base
vl-add -C base project --town t --village v --leader l --specialist s \
    --budget 100 > /dev/null
vl-add -C base fund --kind receipt --level central --source finance \
    --amount 1 --date 2022-12-01 > /dev/null
vl-inspect -C base add --project "$(cut -d, -f1 base/projects.csv | tail -1)" \
    --phase review --aspect quality --result fail --finding f \
    --due 2022-12-10 --date 2022-12-01 > /dev/null ||
    fail "the inspection to close was not added"
for err_w in $errnos; do
	# an add: a fund record into funds.csv and its audit line; a bad add
	# takes the lock (rolling forward), then refuses its record
	sites fund base "vl-add -C r fund --kind nonsense --amount 1" \
	    vl-add fund --kind receipt --level central --source finance \
	    --amount 2 --date 2022-12-02 --note fault -C
	# ... or a check of the audit trail finishes it (not a hand edit)
	sites project base "'$VERIFY' r" \
	    vl-add project --town t2 --village v2 --leader l --specialist s \
	    --budget 200 -C
	# an inspection closed: its row rewritten in place in inspections.csv
	sites close base "vl-add -C r fund --kind nonsense --amount 1" \
	    vl-inspect close 1 --date 2022-12-05 -C
	# init: six files and five audit lines; the next init completes a half
	# done one (and refuses: already there) or starts afresh
	sites init - "vl-add -C r init --plan '$SHARE/demo/plan.json'" \
	    vl-add init --plan "$SHARE/demo/plan.json" -C
done
note "fault sites: $total failed calls; $before_ left the register as before," \
    "$forward were rolled forward by the next run, $recorded were complete but" \
    "said so with exit 3, $harmless were harmless (exit 0)"
note "$(sed 's/ #[0-9]*.*//; s/ (journal dropped)//' sites.txt | sort | uniq -c | tr -s ' \n' ' ;')"
[ "$total" -ge 40 ] || fail "only $total fault sites reached"
done_
