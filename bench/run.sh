#!/bin/sh
# bench/run.sh BUILD - where is the money, who is late, at a nation's scale:
# vl beside cat, wc -l, mawk, gawk, GNU datamash, Miller, sqlite3 and
# Python on the same files, and vl alone on a national register.
#
# Prints Markdown tables: median wall time of BENCH_RUNS runs (3), peak
# memory, and whether each result is exact to the fen (against Python's
# csv module summing integer fen, which shares no code with vl).
#
#   BENCH_ROWS      rows of the fund journal (5000000, about 100 bytes each)
#   BENCH_PROJECTS  projects of the register (600000); its funds, inspections
#                   and progress are 10, 5 and 2 times that
#   BENCH_SCALE     journal sizes for the scaling line ("1000000 5000000
#                   10000000"); empty to skip
#   BENCH_DIR       where the data is made and kept (/tmp/vl-bench)
#   BENCH_WAIT      seconds to wait for a quiet machine (600)
#   BENCH_TOOLS     the other tools to run ("cat wc mawk gawk datamash
#                   miller sqlite3 python")
# Tools that are missing are installed from Debian when run as root, else
# left out of the table.
set -u
build=${1:-build/plain}
top=$(cd "$(dirname "$0")/.." && pwd)
case $build in /*) ;; *) build=$top/$build ;; esac
rows=${BENCH_ROWS:-5000000}
nproj=${BENCH_PROJECTS:-600000}
scale=${BENCH_SCALE-1000000 5000000 10000000}
dir=${BENCH_DIR:-/tmp/vl-bench}
runs=${BENCH_RUNS:-3}
tools=${BENCH_TOOLS:-cat wc mawk gawk datamash miller sqlite3 python}
export LC_ALL=C.UTF-8
unset VL_DIR VL_THREADS VL_AS_OF
asof=2023-06-15		# the register's day; the journal is summed whole
bin=$build/bin
gen=$build/bench/gen
mkdir -p "$dir"

say() { printf '%s\n' "$*" >&2; }

# ---- the machine, and a quiet moment to measure in ---------------------

load() { cut -d' ' -f1 /proc/loadavg; }
quiet() {
	waited=0
	while [ "$(load | awk '{print ($1 < 0.7)}')" = 0 ] &&
	    [ "$waited" -lt "${BENCH_WAIT:-600}" ]; do
		[ "$waited" = 0 ] && say "bench: waiting for a quiet machine (load $(load))"
		sleep 10
		waited=$((waited + 10))
	done
}

# ---- the tools -----------------------------------------------------------

have() { command -v "$1" > /dev/null 2>&1; }
want_pkgs=
for t in $tools; do
	case $t in
	mawk) have mawk || want_pkgs="$want_pkgs mawk" ;;
	gawk) have gawk || want_pkgs="$want_pkgs gawk" ;;
	datamash) have datamash || want_pkgs="$want_pkgs datamash" ;;
	miller) have mlr || want_pkgs="$want_pkgs miller" ;;
	sqlite3) have sqlite3 || want_pkgs="$want_pkgs sqlite3" ;;
	esac
done
[ -x /usr/bin/time ] || want_pkgs="$want_pkgs time"
if [ -n "$want_pkgs" ]; then
	if [ "$(id -u)" = 0 ]; then
		say "bench: installing$want_pkgs"
		apt-get update -qq > /dev/null && apt-get install -y -qq $want_pkgs > /dev/null
	else
		say "bench: not installed (run as root to install):$want_pkgs"
	fi
fi
[ -x /usr/bin/time ] || { say "bench: needs GNU time (/usr/bin/time)"; exit 1; }

# ---- the data ------------------------------------------------------------

# journal FILE ROWS [FLAGS]: made once, kept while the generator is the same
journal() {
	stamp=$1.made
	want="$(cksum < "$top/bench/gen.c") $2 $3"
	if [ ! -f "$1" ] || [ "$(cat "$stamp" 2> /dev/null)" != "$want" ]; then
		say "bench: making $1 ($2 rows)"
		"$gen" journal "$1" -r "$2" $3 || exit 1
		echo "$want" > "$stamp"
	fi
}
# adopt DIR: a generated register gets its audit trail, as a register the
# tools wrote has one (without it every reader warns, and a roll-up leaves
# the register out as untrusted: it would measure nothing)
adopt() {
	"$bin/vl-add" -C "$1" audit-restart --reason "bench: generated" \
	    > /dev/null || exit 1
}
register() {
	stamp=$1/.made
	want="$(cksum < "$top/bench/gen.c") $nproj adopted"
	if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
		say "bench: making the register $1 ($nproj projects)"
		rm -rf "$1" && mkdir -p "$1"
		"$gen" register "$1" -p "$nproj" -f $((nproj * 10)) \
		    -i $((nproj * 5)) -g $((nproj * 2)) || exit 1
		adopt "$1"
		echo "$want" > "$stamp"
	fi
}

j=$dir/journal-$rows.csv
jn=$dir/journal-$rows-note-first.csv
reg=$dir/register-$nproj
journal "$j" "$rows" ""
journal "$jn" "$rows" -n
register "$reg"

# ---- measuring -----------------------------------------------------------

# measure NAME CMD...: run CMD $runs times (output to $dir/out.NAME);
# sets $wall (median seconds) and $mem (largest peak RSS, MB)
measure() {
	name=$1; shift
	: > "$dir/times.$name"
	i=0
	while [ $i -lt "$runs" ]; do
		/usr/bin/time -f '%e %M' -o "$dir/time.$name" "$@" \
		    > "$dir/out.$name" 2> "$dir/err.$name"
		echo $? > "$dir/status.$name"
		tail -1 "$dir/time.$name" >> "$dir/times.$name"
		i=$((i + 1))
	done
	wall=$(awk '{print $1}' "$dir/times.$name" | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}')
	mem=$(awk '{if ($2 > m) m = $2} END {printf "%.0f", m / 1024}' "$dir/times.$name")
}

# others JOURNAL LEVEL AMOUNT SUFFIX: the other tools' sums by level of
# JOURNAL, whose level and amount are its columns LEVEL and AMOUNT (as
# awk and datamash count them), a row each; their results are kept under
# the tools' names and SUFFIX.  Python only once: it is the truth.
others() {
	oj=$1 lc=$2 ac=$3 sx=$4
	prog="NR > 1 { s[\$$lc] += \$$ac } END { for (k in s) printf \"%s,%.2f\\n\", k, s[k] }"
	for t in $tools; do
		case $t in
		mawk) have mawk || continue
			measure "mawk$sx" mawk -F, "$prog" "$oj"
			row "mawk -F," "${wall} s" "${mem} MB" "$(exact "mawk$sx")" ;;
		gawk) have gawk || continue
			measure "gawk$sx" env LC_ALL=C gawk -F, "$prog" "$oj"
			row "gawk -F, (C locale)" "${wall} s" "${mem} MB" "$(exact "gawk$sx")" ;;
		datamash) have datamash || continue
			measure "datamash$sx" sh -c 'datamash -t, --header-in -s -g "$2" sum "$3" < "$1"' sh "$oj" "$lc" "$ac"
			row "datamash -s -g $lc sum $ac" "${wall} s" "${mem} MB" "$(exact "datamash$sx")" ;;
		miller) have mlr || continue
			measure "mlr$sx" mlr --icsv --ocsv stats1 -a sum -f amount -g level "$oj"
			row "Miller (mlr stats1)" "${wall} s" "${mem} MB" "$(exact "mlr$sx")" ;;
		sqlite3) have sqlite3 || continue
			measure "sqlimport$sx" sh -c 'rm -f "$1"; sqlite3 "$1" ".mode csv" ".import $2 j"' sh "$dir/j.db" "$oj"
			impwall=$wall impmem=$mem
			measure "sqlite3$sx" sqlite3 -csv "$dir/j.db" "select level, sum(amount) from j group by level"
			row "sqlite3 (after a ${impwall} s import, ${impmem} MB)" "${wall} s" "${mem} MB" "$(exact "sqlite3$sx")"
			rm -f "$dir/j.db" ;;
		python) [ -z "$sx" ] && have python3 || continue
			measure py python3 "$top/bench/exact.py" "$oj" level
			row "Python csv, integer fen (bench/exact.py)" "${wall} s" "${mem} MB" "$(exact py)" ;;
		esac
	done
}

# the sums by level, and their total, as "level amount" lines to 2 places
normal() {
	awk -F, 'NF >= 2 && $1 != "level" {
		gsub(/"/, ""); a = sprintf("%.2f", $2); print $1 " " a
	}' "$1" | sort
}
# exact NAME: do its sums equal the truth, every level's?
exact() {
	normal "$dir/out.$1" > "$dir/got"
	if cmp -s "$dir/got" "$dir/truth"; then echo yes; return; fi
	n=$(wc -l < "$dir/got")
	if [ "$n" = 0 ]; then
		echo "no: fails ($(head -1 "$dir/err.$1" | cut -c1-60))"
		return
	fi
	off=$(join "$dir/truth" "$dir/got" 2> /dev/null | awk '$2 != $3' | wc -l)
	if [ "$n" != "$(wc -l < "$dir/truth")" ]; then
		echo "no: $n groups"
	else
		echo "no: $off of $n sums off"
	fi
}

row() { printf '| %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4"; }

# ---- the truth -------------------------------------------------------------

quiet
say "bench: the truth, vl's sums checked against Python's"
VL_THREADS= "$bin/vl-fund" sum --by level --kind all "$j" > "$dir/vl.sums" || exit 1
normal "$dir/vl.sums" > "$dir/truth"
if have python3; then
	python3 "$top/bench/exact.py" "$j" level > "$dir/py.sums" || exit 1
	if cmp -s "$dir/vl.sums" "$dir/py.sums"; then
		checked="equal to Python's csv module summing integer fen"
	else
		say "bench: vl and Python disagree:"; diff "$dir/vl.sums" "$dir/py.sums" >&2
		exit 1
	fi
else
	checked="(python3 missing: not checked independently)"
fi

# ---- the journal -----------------------------------------------------------

size=$(wc -c < "$j")
echo "## Sum of amount by level: $rows rows, $((size / 1000000)) MB"
echo
echo "Every row summed whatever its kind.  Exact: every level's sum equal to the"
echo "fen to the sums vl gives, which are $checked."
echo
row tool "wall (median of $runs)" "peak memory" exact
row --- --: --: ---
quiet
for t in cat wc; do
	case " $tools " in *" $t "*) ;; *) continue ;; esac
	case $t in
	cat) measure cat cat "$j"; row "cat > /dev/null (the floor)" "${wall} s" "${mem} MB" "" ;;
	wc) measure wc wc -l "$j"; row "wc -l" "${wall} s" "${mem} MB" "" ;;
	esac
done
measure vl "$bin/vl-fund" sum --by level --kind all "$j"
row "**vl-fund sum --by level --kind all**" "**${wall} s**" "**${mem} MB**" "$(exact vl)"
vlwall=$wall
measure vl1 env VL_THREADS=1 "$bin/vl-fund" sum --by level --kind all "$j"
row "vl-fund, one thread (VL_THREADS=1)" "${wall} s" "${mem} MB" "$(exact vl1)"
others "$j" 4 8 ""
echo

# ---- the note column first ---------------------------------------------

echo "## The same journal, the note column first"
echo
echo "A clerk's spreadsheet may put the free text first; some notes hold a comma"
echo "inside quotes.  vl finds columns by name and reads quotes as RFC 4180 says."
echo
row tool wall "peak memory" exact
row --- --: --: ---
measure vlnf "$bin/vl-fund" sum --by level --kind all "$jn"
row "**vl-fund sum --by level --kind all**" "**${wall} s**" "**${mem} MB**" "$(exact vlnf)"
others "$jn" 5 9 nf
echo

# ---- the national register -------------------------------------------------

echo "## A national register: $nproj projects, $((nproj * 10)) fund rows, $((nproj * 5)) inspections, $((nproj * 2)) progress rows"
echo
echo "As of $asof.  The same output as with one thread (checked here)."
echo
row command "wall (median of $runs)" "peak memory" "one thread"
row --- --: --: --:
quiet
for c in "vl-fund check" "vl-report overdue" "vl-fund balance" \
    "vl-report progress" "vl-report summary" "vl-fund sum --by town" \
    "vl-inspect sample --count 5"; do
	set -- $c
	cname=$(echo "$c" | tr ' -' '__')
	tool=$1; shift
	measure "$cname" "$bin/$tool" -C "$reg" --as-of $asof "$@"
	w=$wall m=$mem
	measure "${cname}1" env VL_THREADS=1 "$bin/$tool" -C "$reg" \
	    --as-of $asof "$@"
	if ! cmp -s "$dir/out.$cname" "$dir/out.${cname}1" ||
	    ! cmp -s "$dir/err.$cname" "$dir/err.${cname}1"; then
		say "bench: $c: one thread and two differ"
		exit 1
	fi
	row "$c" "$w s" "$m MB" "$wall s"
done
echo

# ---- roll-ups (issue 18) ---------------------------------------------------

# districts DIR N PROJECTS: N registers of PROJECTS projects each (ten fund
# rows, five inspections, two progress rows a project, as the national
# one), each with its district, and DIR/list naming them; made once
districts() {
	stamp=$1/.made
	want="$(cksum < "$top/bench/gen.c") $2 $3 adopted"
	if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
		say "bench: making $2 district registers of $3 projects in $1"
		rm -rf "$1" && mkdir -p "$1"
		i=0
		while [ $i -lt "$2" ]; do
			i=$((i + 1))
			d=$1/r$i
			mkdir -p "$d"
			"$gen" register "$d" -p "$3" -f $(($3 * 10)) \
			    -i $(($3 * 5)) -g $(($3 * 2)) > /dev/null || exit 1
			sed "1s/{/{\"district\": \"区$i\",/" "$d/plan.json" > "$d/p" &&
			    mv "$d/p" "$d/plan.json"
			adopt "$d"
			echo "r$i" >> "$1/list"
		done
		echo "$want" > "$stamp"
	fi
}
small=$dir/districts-300x50
national=$dir/districts-3000x$((nproj / 3000))
districts "$small" 300 50
districts "$national" 3000 $((nproj / 3000))

row5() { printf '| %s | %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4" "$5"; }

echo "## Roll-ups: several registers read at once (--registers)"
echo
echo "300 district registers of 50 projects; $national's 3000 registers hold"
echo "as much as the national register above, read once as one register and"
echo "once as 3000 (one after the other, so that the machine's moment is the same)."
echo
row5 command "300 x 50" "one register" "3000 registers" "ratio"
row5 --- --: --: --: --:
quiet
for c in "vl-fund check" "vl-report overdue" "vl-report summary" \
    "vl-report progress --by district"; do
	set -- $c
	cname=$(echo "$c" | tr ' -' '__')
	tool=$1; shift
	measure "r300$cname" "$bin/$tool" --registers "$small/list" \
	    --as-of $asof "$@"
	s300=$wall
	measure "one$cname" "$bin/$tool" -C "$reg" --as-of $asof "$@"
	w1=$wall m1=$mem
	measure "r3000$cname" "$bin/$tool" --registers "$national/list" \
	    --as-of $asof "$@"
	row5 "$c" "$s300 s" "$w1 s, $m1 MB" "$wall s, $mem MB" \
	    "$(echo "$wall $w1" | awk '{printf "%.2f", $1 / $2}')"
done
echo

# ---- scaling ---------------------------------------------------------------

if [ -n "$scale" ]; then
	echo "## vl-fund sum --by level: time and memory by rows"
	echo
	row rows wall "peak memory" "per million rows"
	row --: --: --: --:
	for n in $scale; do
		f=$dir/journal-$n.csv
		journal "$f" "$n" ""
		quiet
		measure "scale$n" "$bin/vl-fund" sum --by level --kind all "$f"
		row "$n" "$wall s" "$mem MB" "$(echo "$wall $n" | awk '{printf "%.3f s", $1 / ($2 / 1000000)}')"
	done
	echo
fi

# ---- the machine -----------------------------------------------------------

echo "Measured on $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p' | head -1)), $(free -g | awk '/^Mem:/ {print $2}') GB of RAM,"
echo "$(uname -sr), at commit $(git -C "$top" rev-parse --short HEAD 2> /dev/null || echo '?'),"
echo "$(date -u +%Y-%m-%d), load $(load) at the end.  Data made by bench/gen.c (fixed seed)."
