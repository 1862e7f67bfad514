# system faults: exit 3 and the register as it was
. "$TESTS/lib.sh"

vl-add -C reg init --plan "$SHARE/demo/plan.json" 2>/dev/null
snapshot reg > before
# the lock held by another writer: a bounded wait, then exit 3
if command -v flock >/dev/null; then
	# held until the add is done, however slow it starts (valgrind)
	flock reg/.vl.lock sh -c ': > held; while [ ! -e done ]; do sleep 0.1; done' &
	while [ ! -e held ]; do sleep 0.1; done
	VL_LOCK_TIMEOUT=1 expect 3 vl-add -C reg project --town t --village v \
	    --leader l --specialist s --budget 1
	has err "locked by another writer"
	: > done
	wait
	snapshot reg > after
	same before after
fi
# results to a full disk: exit 3
vl-add -C reg project --town t --village v --leader l --specialist s \
    --budget 1 > /dev/full 2> err
[ $? = 3 ] || fail "writing to /dev/full did not exit 3"
has err "standard output"
# not a register
expect 2 vl-add -C nowhere project --town t --village v --leader l \
    --specialist s --budget 1
has err "plan.json"
done_
