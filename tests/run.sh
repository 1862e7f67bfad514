#!/bin/sh
# tests/run.sh BUILD - run every test of vl against the binaries in BUILD:
#   unit tests   BUILD/tests/test_*            (cmocka)
#   golden cases tests/cases/NAME/{cmd,expected,status,stderr,input/}
#   scripts      tests/cli/*.sh                (each a test; exit 0 = pass)
# and end with one line "N passed, N failed".
# With VL_VALGRIND=1 every tool runs under valgrind (errors or leaks fail).
# With VL_ONLY='rel_* report_audit' only the scripts so named run.
set -u
build=${1:-build/plain}
top=$(cd "$(dirname "$0")/.." && pwd)
case $build in /*) ;; *) build=$top/$build ;; esac
out=$top/tests/out/$(basename "$build")
rm -rf "$out" && mkdir -p "$out"
: >> "$top/tests/out/summary"
pass=0 fail=0

bindir=$build/bin
if [ "${VL_VALGRIND:-}" = 1 ]; then
	bindir=$out/valgrind-bin && mkdir -p "$bindir"
	for t in "$build"/bin/*; do
		cat > "$bindir/$(basename "$t")" <<EOS
#!/bin/sh
exec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect,possible --show-leak-kinds=definite,indirect,possible "$t" "\$@"
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
	if "$t" > "$out/$(basename "$t").log" 2>&1; then ok; else
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

for s in "$top"/tests/cli/*.sh; do
	[ -f "$s" ] && wanted "$(basename "$s" .sh)" || continue
	name=$(basename "$s" .sh)
	w=$out/cli-$name && mkdir -p "$w"
	if (cd "$w" && sh "$s") > "$w/log" 2>&1; then ok; else
		ko "cli $name"; tail -15 "$w/log"
	fi
done

echo "$(basename "$build"): $pass passed, $fail failed"
echo "$pass $fail" >> "$top/tests/out/summary"
[ "$fail" = 0 ]
