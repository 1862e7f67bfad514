# a full disk is a system fault (exit 3), never a silent success
. "$TESTS/lib.sh"
demo reg
for cmd in "check --as-of 2023-06-15" "check --final --format table" \
    "sum --by town" "sum --by level --format json" "balance" \
    "balance --excel"; do
	# shellcheck disable=SC2086
	vl-fund -C reg $cmd > /dev/full 2> err
	st=$?
	[ $st = 3 ] || fail "vl-fund $cmd > /dev/full exited $st, expected 3"
	has err 'vl-fund: '
done
for opt in --help --version; do
	vl-fund $opt > /dev/full 2> err
	st=$?
	[ $st = 3 ] || fail "vl-fund $opt > /dev/full exited $st, expected 3"
done
printf '1\n' | vl-fund reconcile --total 1 > /dev/full 2> err
st=$?
[ $st = 3 ] || fail "reconcile > /dev/full exited $st, expected 3"
done_
