#!/bin/sh
# tests/run.sh BUILD - run every test of vl against the binaries in BUILD:
#   unit tests   BUILD/tests/test_*            (cmocka)
#   golden cases tests/cases/NAME/{cmd,expected,status,stderr,input/}
#   scripts      tests/cli/*.sh                (each a test; exit 0 = pass)
# and end with one line "N passed, N failed".
# With VL_VALGRIND=1 every tool runs under valgrind (errors or leaks fail).
# With VL_ONLY='rel_* report_audit' only the scripts so named run.
# With VL_JOBS=N the scripts run N at a time.
set -u
build=${1:-build/plain}
top=$(cd "$(dirname "$0")/.." && pwd)
case $build in /*) ;; *) build=$top/$build ;; esac
run=$(basename "$build")
[ "${VL_VALGRIND:-}" = 1 ] && run=$run-valgrind
out=$top/tests/out/$run
rm -rf "$out" && mkdir -p "$out"
: >> "$top/tests/out/summary"
pass=0 fail=0

bindir=$build/bin
# under valgrind: every run of a tool, and every unit test, reports its
# errors in a file of its own too, whatever the test does with its
# stderr and status; a file not empty at the end fails the run
vglogs=$out/valgrind-logs
valgrind="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect,possible --show-leak-kinds=definite,indirect,possible --log-file=$vglogs/%p.log"
unit=
if [ "${VL_VALGRIND:-}" = 1 ]; then
	bindir=$out/valgrind-bin && mkdir -p "$bindir" "$vglogs"
	unit=$valgrind
	for t in "$build"/bin/*; do
		cat > "$bindir/$(basename "$t")" <<EOS
#!/bin/sh
exec $valgrind "$t" "\$@"
EOS
		chmod +x "$bindir/$(basename "$t")"
	done
fi
export PATH="$bindir:$PATH" TOP="$top" SHARE="$top/share" TESTS="$top/tests" BUILD="$build"
export LC_ALL=C.UTF-8 VL_LOCK_TIMEOUT=5 VL_LOCALEDIR="$build/locale"
unset VL_DIR VL_AS_OF VL_INPUT_ENCODING LANGUAGE LANG LC_MESSAGES

ok() { pass=$((pass + 1)); }
# wanted NAME: is it among VL_ONLY's patterns (all when it is unset)?
wanted() {
	[ -z "${VL_ONLY:-}" ] && return 0
	for _p in $VL_ONLY; do
		case $1 in $_p) return 0 ;; esac
	done
	return 1
}
ko() { fail=$((fail + 1)); echo "FAIL: $1"; }

for t in "$build"/tests/test_*; do
	[ -x "$t" ] && wanted "$(basename "$t")" || continue
	if $unit "$t" > "$out/$(basename "$t").log" 2>&1; then ok; else
		ko "unit $(basename "$t")"; tail -20 "$out/$(basename "$t").log"
	fi
done

for c in "$top"/tests/cases/*/; do
	[ -f "$c/cmd" ] && wanted "$(basename "$c")" || continue
	name=$(basename "$c")
	w=$out/case-$name && mkdir -p "$w/run"
	[ -d "$c/input" ] && cp -R "$c/input/." "$w/run/"
	want_status=0
	[ -f "$c/status" ] && want_status=$(cat "$c/status")
	(cd "$w/run" && sh "$c/cmd") > "$w/stdout" 2> "$w/stderr" < /dev/null
	got=$?
	why=
	[ "$got" = "$want_status" ] || why="exit status $got, expected $want_status"
	if [ -z "$why" ] && [ -f "$c/expected" ] &&
	    ! cmp -s "$c/expected" "$w/stdout"; then
		why="stdout differs:
$(diff "$c/expected" "$w/stdout" | head -20)"
	fi
	if [ -z "$why" ] && [ -f "$c/stderr" ] &&
	    ! cmp -s "$c/stderr" "$w/stderr"; then
		why="stderr differs:
$(diff "$c/stderr" "$w/stderr" | head -20)"
	fi
	if [ -z "$why" ]; then ok; else
		ko "case $name: $why"; head -5 "$w/stderr"
	fi
done

# The scripts, $VL_JOBS at a time (default 1; 2 under valgrind, where one
# at a time takes some 45 minutes): each runs in its own scratch
# directory.  Each lane takes the next script no lane has taken yet (the
# long ones first, so that the lanes end together); the results are
# reported in the order of the names.
jobs=${VL_JOBS:-1}
[ "${VL_VALGRIND:-}" = 1 ] && jobs=${VL_JOBS:-2}
for s in "$top"/tests/cli/*.sh; do
	[ -f "$s" ] && wanted "$(basename "$s" .sh)" || continue
	case $(basename "$s" .sh) in
	rel_*|man_examples) echo "0 $s" ;;
	*) echo "1 $s" ;;
	esac
done | sort -s -k1,1n | cut -d' ' -f2- > "$out/scripts"
[ "$jobs" -gt 1 ] || sort "$out/scripts" -o "$out/scripts"
lane() {
	while IFS= read -r s; do
		name=$(basename "$s" .sh)
		mkdir "$out/taken.$name" 2> /dev/null || continue
		w=$out/cli-$name && mkdir -p "$w"
		if (cd "$w" && sh "$s") > "$w/log" 2>&1 < /dev/null; then
			: > "$w/passed"
		fi
	done < "$out/scripts"
}
k=0
while [ "$k" -lt "$jobs" ]; do
	lane &
	k=$((k + 1))
done
wait
for s in "$top"/tests/cli/*.sh; do
	[ -f "$s" ] && wanted "$(basename "$s" .sh)" || continue
	name=$(basename "$s" .sh)
	w=$out/cli-$name
	if [ -e "$w/passed" ]; then ok; else
		ko "cli $name"; tail -15 "$w/log"
	fi
done

if [ -d "$vglogs" ]; then
	n=$(find "$vglogs" -type f -size +0 | wc -l)
	runs=$(find "$vglogs" -type f | wc -l)
	if [ "$n" -gt 0 ]; then
		ko "valgrind: $n of $runs runs reported errors (in $vglogs)"
		find "$vglogs" -type f -size +0 | head -3 | xargs head -30
	else
		echo "valgrind: $runs runs, no error"
	fi
fi
echo "$run: $pass passed, $fail failed"
echo "$pass $fail" >> "$top/tests/out/summary"
[ "$fail" = 0 ]
