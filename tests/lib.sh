# tests/lib.sh - assertions for tests/cli/*.sh; source it.
# Each check prints what went wrong and makes the script fail at the end.
failed=0
note() { printf '%s\n' "$*" >&2; }
fail() { note "not ok: $*"; failed=1; }
# expect STATUS CMD...: run CMD, stdout to ./out, stderr to ./err
expect() {
	want=$1; shift
	"$@" > out 2> err < "${STDIN:-/dev/null}"
	got=$?
	[ "$got" = "$want" ] || { fail "$* exited $got, expected $want"; sed 's/^/  stderr: /' err >&2; }
}
# has FILE TEXT: FILE contains TEXT (fixed string)
has() { grep -qF -- "$2" "$1" || { fail "$1 lacks: $2"; sed 's/^/  | /' "$1" | head -10 >&2; }; }
hasnt() { ! grep -qF -- "$2" "$1" || fail "$1 has: $2"; }
same() { cmp -s "$1" "$2" || { fail "$1 and $2 differ"; diff "$1" "$2" | head -10 >&2; }; }
lines() { n=$(wc -l < "$1"); [ "$n" -eq "$2" ] || fail "$1 has $n lines, expected $2"; }
# a fresh copy of the demo register in ./NAME, its audit trail and head too
demo() { rm -rf "$1"; mkdir -p "$1"; cp "$SHARE"/demo/*.json "$SHARE"/demo/*.csv "$SHARE"/demo/.vl-head "$1"/; }
# the demo as it was before it had tasks (tests/fixtures/demo-c988726,
# frozen: the same files but no tasks.csv), for a test of a register
# that has none yet
demo_without_tasks() { rm -rf "$1"; cp -R "$TESTS/fixtures/demo-c988726" "$1"; }
# demo_plan FILE JSON: the demo's plan.json with the keys of the JSON
# object put over its own, written to FILE (a test's plan)
demo_plan() {
	python3 - "$SHARE/demo/plan.json" "$1" "$2" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
p.update(json.loads(sys.argv[3]))
json.dump(p, open(sys.argv[2], 'w'), ensure_ascii=False)
PY
}
# refuse_plan KEY VALUE...: a register made of the demo's plan with KEY
# set to each JSON VALUE is refused, exit 2, KEY named, nothing made
refuse_plan() {
	key=$1; shift
	for value; do
		demo_plan bad.json "{\"$key\": $value}"
		rm -rf refused
		expect 2 vl-add -C refused init --plan bad.json
		has err "$key"
		[ ! -e refused/plan.json ] || fail "$key $value: a register made"
	done
}
# clean_page FILE: a briefing that parses cleanly (tests/tools/htmlcheck.py),
# is well-formed XML too, and names nothing outside itself
clean_page() {
	python3 "$TESTS/tools/htmlcheck.py" check "$1" || fail "$1: not clean"
	if command -v xmllint > /dev/null; then
		xmllint --noout "$1" || fail "$1: not well-formed"
	fi
	for bad in '<script' '<link' '<img' '<iframe' '@import' 'url(' \
	    'http://' 'https://' ' src=' ' href='; do
		hasnt "$1" "$bad"
	done
	has "$1" '@page { size: A4; margin: 15mm; }'
}
# adopt DIR: a register whose files a test wrote by hand gets its audit
# trail (else every reader warns that records stand without one)
adopt() { vl-add -C "$1" audit-restart --reason "written by hand for a test" > /dev/null; }
# snapshot DIR: a listing with checksums of every file, to prove nothing changed
snapshot() { (cd "$1" && find . -type f ! -name .vl.lock | LC_ALL=C sort | xargs sha256sum); }
# agree_ STATUS ARGS: run ARGS with 1, 2 and 3 threads: the same stdout,
# stderr and status, the status STATUS
agree_() {
	want1=$1
	shift
	VL_THREADS=1 "$@" > out1 2> err1
	st1=$?
	[ "$st1" = "$want1" ] || { fail "$* exited $st1, expected $want1"; head -5 err1 >&2; }
	for t in 2 3; do
		VL_THREADS=$t "$@" > out 2> err
		st=$?
		[ "$st" = "$st1" ] || fail "$* with $t threads exited $st, with 1 $st1"
		same out1 out
		same err1 err
	done
}
done_() { exit "$failed"; }
