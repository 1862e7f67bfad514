# -o FILE when the disk fails: a failed fsync or rename, a full disk, a
# device that takes nothing: exit 3, the file named, and FILE as it was
# before (an old report whole, or none); no temp file left beside it
. "$TESTS/lib.sh"
. "$TESTS/tools/rel.sh"

demo d
day=2023-06-15
# run FORMAT FILE [ENV...]: a report to FILE that must fail with exit 3
run() {
	fmt=$1 file=$2
	shift 2
	env "$@" vl-report -C d funds --as-of $day --format "$fmt" -o "$file" \
	    > out 2> err
	got=$?
	[ "$got" = 3 ] || { fail "$fmt to $file with $*: exit $got"; cat err >&2; }
	grep -qF "$file" err || { fail "$fmt: the message names no file"; cat err >&2; }
}
# left DIR: files of DIR that are temp files
left() { find "$1" -name '.*.vl-*'; }

# a device that takes nothing is written directly, never renamed over
run csv /dev/full
[ -c /dev/full ] || fail "/dev/full is no longer a device"
expect 2 vl-report -C d funds --as-of $day --format xlsx -o /dev/full
has err "not a regular file"

if [ "$asan" = 1 ]; then
	note "fault shim skipped under ASan: an LD_PRELOAD shim and ASan do not mix"
else
	[ -f "$SHIM" ] || { fail "$SHIM is not built (make units)"; done_; }
	echo old > keep.csv
	cp keep.csv keep.xlsx
	for fmt in csv xlsx; do
		for call in fsync rename; do
			run $fmt new.$fmt LD_PRELOAD="$SHIM" FAULT_CALL=$call FAULT_AT=1
			[ -e new.$fmt ] && fail "$fmt, $call failed: new.$fmt written"
			run $fmt keep.$fmt LD_PRELOAD="$SHIM" FAULT_CALL=$call FAULT_AT=1
			[ "$(cat keep.$fmt)" = old ] || fail "$fmt, $call failed: keep.$fmt changed"
		done
	done
	[ -n "$(left .)" ] && fail "temp files left: $(left .)"
fi

# a full disk, when a small tmpfs can be mounted (root, CI)
if [ "$(id -u)" != 0 ] || ! mkdir mnt ||
    ! mount -t tmpfs -o size=64k vlxlsx "$PWD/mnt" 2> /dev/null; then
	note "skipped the full tmpfs: cannot mount one"
	done_
fi
trap 'umount "$PWD/mnt"' EXIT
echo old > mnt/keep.csv
cp mnt/keep.csv mnt/keep.xlsx
dd if=/dev/zero of=mnt/fill bs=1k count=1000 2> /dev/null
for fmt in csv xlsx; do
	run $fmt mnt/new.$fmt
	[ -e mnt/new.$fmt ] && fail "$fmt: mnt/new.$fmt written on a full disk"
	run $fmt mnt/keep.$fmt
	[ "$(cat mnt/keep.$fmt)" = old ] || fail "$fmt: mnt/keep.$fmt changed"
done
[ -n "$(left mnt)" ] && fail "temp files left on the full disk: $(left mnt)"
# room again: written
rm mnt/fill
expect 0 vl-report -C d funds --as-of $day --format xlsx -o mnt/keep.xlsx
[ "$(head -c 2 mnt/keep.xlsx)" = PK ] || fail "mnt/keep.xlsx: not a workbook"
done_
