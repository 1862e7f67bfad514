#!/bin/sh
# fuzz/run.sh BUILD SECONDS TARGET... - run each libFuzzer target for
# SECONDS on its corpus (build/fuzz/corpus/T, seeded from
# tests/fuzz-corpus/T); a crash leaves BUILD/crash-T-* and fails.
# Prints one line a target: executions, corpus size, crash or not.
set -u
build=$1 secs=$2
shift 2
top=$(cd "$(dirname "$0")/.." && pwd)
status=0
for t in "$@"; do
	corpus=$build/corpus/$t
	mkdir -p "$corpus"
	dict=
	[ -f "$top/fuzz/$t.dict" ] && dict=-dict=$top/fuzz/$t.dict
	"$build/fuzz/fuzz_$t" -max_total_time="$secs" -close_fd_mask=2 \
	    -print_final_stats=1 -artifact_prefix="$build/crash-$t-" $dict \
	    "$corpus" "$top/tests/fuzz-corpus/$t" > "$build/fuzz-$t.log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$build/fuzz-$t.log")
	if [ "$rc" = 0 ]; then
		echo "fuzz $t: ${runs:-?} executions in ${secs} s, $(ls "$corpus" | wc -l) inputs in the corpus, no crash"
	else
		status=1
		echo "fuzz $t: FAILED (exit $rc) after ${runs:-?} executions; see $build/fuzz-$t.log"
		grep -A12 '^==[0-9]*==ERROR\|runtime error\|deadly signal' "$build/fuzz-$t.log" | head -30
		ls "$build"/crash-"$t"-* 2>/dev/null
	fi
done
exit $status
