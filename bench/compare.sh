#!/bin/sh
# bench/compare.sh OLD NEW - two builds' binaries (OLD/bin, NEW/bin) on the
# same data, interleaved command by command, so that both meet the machine
# in the same moment: the only way figures of two versions compare on a
# shared machine (a run minutes later may be 10-15 % slower throughout).
#
# Uses the data bench/run.sh makes and keeps in BENCH_DIR (/tmp/vl-bench):
# run `make bench` once first.  Prints a Markdown table: the median wall
# time of BENCH_RUNS rounds (3) and the largest peak memory, old and new,
# and each command's output compared (a speed-up that changes an answer
# is a bug: said, exit 1).
set -u
[ $# -eq 2 ] || { echo "usage: bench/compare.sh OLD_BUILD NEW_BUILD" >&2; exit 2; }
old=$1/bin new=$2/bin
dir=${BENCH_DIR:-/tmp/vl-bench}
runs=${BENCH_RUNS:-3}
rows=${BENCH_ROWS:-5000000}
nproj=${BENCH_PROJECTS:-600000}
export LC_ALL=C.UTF-8
unset VL_DIR VL_THREADS VL_AS_OF
reg=$dir/register-$nproj
j=$dir/journal-$rows.csv
national=$dir/districts-3000x$((nproj / 3000))/list
small=$dir/districts-300x50/list
for f in "$reg/plan.json" "$j" "$national" "$small"; do
	[ -e "$f" ] || { echo "bench/compare.sh: no $f: run make bench first" >&2; exit 2; }
done
A="--as-of 2023-06-15"
t=$(mktemp -d) || exit 2
trap 'rm -rf "$t"' EXIT

# run NAME CMD...: one timing of CMD, appended to $t/NAME; its output kept
run() {
	what=$1; shift
	/usr/bin/time -f '%e %M' -o "$t/time" "$@" > "$t/out.$what" 2>&1
	tail -1 "$t/time" >> "$t/$what"
}

# the commands, by name (the same name runs OLD and NEW)
commands() {
	cat <<EOF
check		vl-fund -C $reg $A check
overdue		vl-report -C $reg $A overdue
progress	vl-report -C $reg $A progress
summary		vl-report -C $reg $A summary
check3000	vl-fund --registers $national $A check
overdue3000	vl-report --registers $national $A overdue
progress3000	vl-report --registers $national $A progress --by district
summary3000	vl-report --registers $national $A summary
check300	vl-fund --registers $small $A check
summary300	vl-report --registers $small $A summary
sum		vl-fund sum --by level --kind all $j
EOF
}

round=0
while [ $round -lt "$runs" ]; do
	run cat sh -c "cat '$reg'/* > /dev/null"
	run mawk mawk -F, 'NR > 1 { s[$4] += $8 } END { for (k in s) printf "%s,%.2f\n", k, s[k] }' "$j"
	commands | while read -r name tool args; do
		# shellcheck disable=SC2086 # the arguments are words
		run "old.$name" "$old/$tool" $args
		# shellcheck disable=SC2086
		run "new.$name" "$new/$tool" $args
		if ! cmp -s "$t/out.old.$name" "$t/out.new.$name"; then
			echo "bench/compare.sh: $name: old and new say different things" >&2
			exit 1
		fi
	done || exit 1
	round=$((round + 1))
done

# figure NAME: "median s, peak MB"
figure() {
	awk '{print $1}' "$t/$1" | sort -n | awk '{v[NR] = $1} END {printf "%s s", v[int((NR + 1) / 2)]}'
	awk '{if ($2 > m) m = $2} END {printf ", %.0f MB", m / 1024}' "$t/$1"
}

echo "Median of $runs, old and new interleaved; the commands:"
echo
commands | sed 's/^/    /'
echo
echo "| command | old | new |"
echo "| --- | --: | --: |"
echo "| cat of the register's files | $(figure cat) | |"
echo "| mawk, sum by level | $(figure mawk) | |"
commands | while read -r name tool args; do
	echo "| $name | $(figure "old.$name") | $(figure "new.$name") |"
done
