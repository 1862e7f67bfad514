# A full disk.  Results written to /dev/full exit 3.  Then, as root where
# a small tmpfs can be mounted (CI), adds until the disk is full: the add
# that does not fit exits 3 saying so, prints no id and leaves no temp
# file; nothing acknowledged is lost; every file is whole, the audit
# chain verifies, the register reads; with room again adds go on.
. "$TESTS/lib.sh"
. "$TESTS/tools/rel.sh"

# output to a full device: the tool's fault, not success
demo d
for cmd in "vl-report -C d progress" "vl-report -C d funds" \
    "vl-report -C d overdue --as-of 2023-01-15" "vl-fund -C d balance" \
    "vl-inspect -C d list"; do
	$cmd > /dev/full 2> err
	st=$?
	[ "$st" = 3 ] || fail "$cmd > /dev/full exited $st, expected 3"
	has err "No space left on device"
done
new_reg reg
vl-add -C reg fund --kind receipt --level central --source finance \
    --amount 1 --date 2022-12-01 > /dev/full 2> err
[ $? = 3 ] || fail "vl-add > /dev/full did not exit 3"
has err "standard output: No space left on device"
# the record was committed before its id could not be printed: whole
audit_ok reg
reg_ok reg

if [ "$(id -u)" != 0 ]; then
	note "skipped the full tmpfs: not root"
	done_
fi
mkdir mnt
if ! mount -t tmpfs -o size=256k vltest "$PWD/mnt" 2> /dev/null; then
	note "skipped the full tmpfs: mount -t tmpfs failed"
	done_
fi
trap 'umount "$PWD/mnt"' EXIT
new_reg mnt/reg || fail "init on a fresh tmpfs failed"

# notes of 1000 bytes fill the disk in a hundred adds or so
pad=$(printf '%01000d' 0)
: > acks
i=0
while [ "$i" -lt 1000 ]; do
	i=$((i + 1))
	vl-add -C mnt/reg fund --kind receipt --level central \
	    --source finance --amount 1 --date 2022-12-01 \
	    --note "n$i-$pad" > out 2> err
	st=$?
	[ "$st" = 0 ] || break
	echo "$(cat out) n$i" >> acks
done
note "the disk was full after $((i - 1)) adds"
[ "$st" = 3 ] || { fail "the add that did not fit exited $st, expected 3"; cat err >&2; }
has err "No space left on device"
[ -s out ] && fail "the add that did not fit printed an id"
ls mnt/reg/.vl-tmp.* > /dev/null 2>&1 && fail "temp files left on the full disk"
[ -e mnt/reg/.vl-journal ] && fail "a journal left on the full disk"

# the last bytes taken too: every writer fails, and changes nothing
dd if=/dev/zero of=mnt/filler bs=1k 2> /dev/null
snapshot mnt/reg > before
for j in 1 2 3; do
	expect 3 vl-add -C mnt/reg fund --kind receipt --level central \
	    --source finance --amount 1 --date 2022-12-01 --note "again$j-$pad"
done
expect 3 vl-add -C mnt/reg project --import "$TESTS/fixtures/villages.csv"
snapshot mnt/reg > after
same before after

# nothing acknowledged is lost; files whole; the chain holds; it reads
while read -r id n; do
	grep -q "^$id,.*,$n-" mnt/reg/funds.csv || echo "$id $n" >> lost
done < acks
[ -e lost ] && fail "acknowledged, then lost: $(head -3 lost)"
[ "$(fund_rows mnt/reg)" = "$(wc -l < acks)" ] || fail "funds.csv has rows never acknowledged"
audit_ok mnt/reg
reg_ok mnt/reg
expect 0 vl-fund -C mnt/reg sum --by kind
has out "receipt"
# room again: the register goes on
rm mnt/filler
mount -o remount,size=4m "$PWD/mnt" || fail "cannot grow the tmpfs"
expect 0 vl-add -C mnt/reg fund --kind receipt --level central \
    --source finance --amount 1 --date 2022-12-01 --note after
audit_ok mnt/reg
reg_ok mnt/reg
done_
