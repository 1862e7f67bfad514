# Hostile input: every file of tests/hostile/ (and the big ones made here)
# fed to the tool that takes it:
#   project/*.csv  vl-add project --import    fund/*.csv  vl-add fund --import
#   plan/*.json    vl-add init --plan
# A name starting "ok-" must be taken (exit 0, the register whole after);
# any other must be refused: exit 2, a message "vl-add: FILE:LINE: ..."
# (plans: "FILE:LINE: column C: ..." from jansson, "FILE:LINE: a byte that
# is neither UTF-8 nor GB18030 ...", or "FILE: field: ..."),
# every line of NAME.expect in the messages, nothing written.  "NAME.utf8.csv"
# is read with --input-encoding utf-8.  Then each CSV is put into a register
# in place of projects.csv or funds.csv and read by vl-report and vl-fund:
# exit 0, 1 or 2 and, when 2, a message naming the file and line; a file
# the import refused as malformed CSV is refused there too.  Always: no
# sanitizer report, no raw control character in the messages, nothing
# written, and in the plain build memory under a ulimit.
. "$TESTS/lib.sh"
. "$TESTS/tools/rel.sh"

H=$TESTS/hostile
# what reads a register; two more except under ASan or valgrind (slow
# to start)
cat > readers <<EOF
vl-report -C rr progress --as-of 2023-03-01
vl-fund -C rr check
EOF
[ "$slow" = 1 ] || cat >> readers <<EOF
vl-report -C rr funds
vl-report -C rr overdue --as-of 2023-03-01
EOF
new_reg empty
demo demo

# run CMD... with bounded memory (ASan needs terabytes of address space)
bounded() {
	if [ "$asan" = 0 ]; then
		(ulimit -v 400000 && "$@")
	else
		"$@"
	fi
}

# clean WHAT: no sanitizer report, no crash, no raw control character
clean() {
	grep -q 'Sanitizer\|runtime error:' err && fail "$1: a sanitizer report" && head -20 err >&2
	[ "$st" -lt 3 ] || fail "$1: exit $st"
	tr -d '\n' < err | LC_ALL=C grep -q '[[:cntrl:]]' && fail "$1: a raw control character in the messages"
	return 0
}

# the register a CSV is read in: a new one for projects.csv (no other
# file names a project), the demo for funds.csv
base_for() { if [ "$1" = fund ]; then echo demo; else echo empty; fi; }

n=0 took=0 refused=0 read=0
import() {	# TARGET FILE
	target=$1 file=$2 name=$(basename "$2")
	n=$((n + 1))
	set --
	case $name in *.utf8.*) set -- --input-encoding utf-8 ;; esac
	ext=${name##*.}
	cp "$file" "in.$ext"
	want=2
	case $name in ok-*) want=0 ;; esac
	rm -rf r
	if [ "$target" = plan ]; then
		bounded vl-add -C r init --plan in.json "$@" > out 2> err
		st=$?
	else
		cp -a demo r
		snapshot r > before
		bounded vl-add -C r "$target" --import "in.$ext" "$@" > out 2> err
		st=$?
	fi
	clean "$target/$name"
	if [ "$st" != "$want" ]; then
		fail "$target/$name: exit $st, expected $want"
		sed 's/^/  | /' err | head -5 >&2
		return
	fi
	if [ "$want" = 0 ]; then
		took=$((took + 1))
		if [ -s out ] || [ "$target" = plan ]; then
			audit_ok r
			reg_ok r
		else	# nothing in it, nothing written
			snapshot r > after
			same before after
		fi
		return
	fi
	refused=$((refused + 1))
	grep -q "^vl-add: in\.$ext\(:[0-9][0-9]*\)\?: " err ||
	    { fail "$target/$name: no \"vl-add: in.$ext:LINE: \" message"; head -3 err >&2; }
	expect_file=${file%.*}.expect
	if [ -f "$expect_file" ]; then
		while IFS= read -r line; do has err "$line"; done < "$expect_file"
	fi
	if [ "$target" = plan ]; then
		[ -e r ] && fail "plan/$name: a register was made"
	else
		has err "nothing written"
		snapshot r > after
		same before after
	fi
}

# malformed FILE: refused for its bytes or its CSV, not for a value
malformed() {
	[ -f "${1%.*}.expect" ] && grep -q 'NUL byte\|UTF-16 file\|not valid\|quoted field\|malformed\|fields where\|control character\|field longer\|more than 4096' "${1%.*}.expect"
}
# reads TARGET CMD: the command reads funds.csv (all read projects.csv)
reads() { [ "$1" = project ] || case $2 in *funds*|*check*) true ;; *) false ;; esac; }

# the register with FILE as its projects.csv or funds.csv, read
register() {	# TARGET FILE
	target=$1 file=$2 name=$(basename "$2")
	case $name in *.utf8.*) return ;; esac	# registers are auto-detected
	read=$((read + 1))
	rm -rf rr && cp -a "$(base_for "$target")" rr
	if [ "$target" = fund ]; then cp "$file" rr/funds.csv
	else cp "$file" rr/projects.csv; fi
	snapshot rr > before
	while IFS= read -r cmd; do
		bounded $cmd > out 2> err < /dev/null
		st=$?
		clean "$target/$name in a register: $cmd"
		if [ "$st" = 2 ]; then
			grep -q "^vl-[a-z]*: rr/[a-z]*\.csv\(:[0-9][0-9]*\)\?: " err ||
			    { fail "$target/$name in a register: $cmd: no FILE:LINE message"; head -3 err >&2; }
		elif malformed "$file" && reads "$target" "$cmd"; then
			fail "$target/$name in a register: $cmd exited $st, expected 2"
		fi
	done < readers
	snapshot rr > after
	same before after
}

for target in project fund plan; do
	for hf in "$H/$target"/*; do
		case $hf in *.expect) continue ;; esac
		import "$target" "$hf"
		[ "$target" = plan ] || register "$target" "$hf"
	done
done

# the big ones, made here
mkdir gen
hdr='id,town,village,leader,specialist,budget'
big() {	# NAME EXPECT, the file in gen/NAME
	printf '%s\n' "$2" > "gen/${1%.*}.expect"
	import "$3" "gen/$1"
	[ "$3" = plan ] || register "$3" "gen/$1"
}
{ echo "$hdr"; printf 'X1,t,'; head -c 10000000 /dev/zero | tr '\0' a; echo ',l,s,1'; } > gen/field-10mb.csv
big field-10mb.csv 'in.csv:2: a field longer than 1 MiB' project
head -c 1000000 /dev/zero | tr '\0' , > gen/million-columns.csv
echo >> gen/million-columns.csv
big million-columns.csv 'in.csv:1: more than 4096 fields' project
{ echo "$hdr"; head -c 1000000 /dev/zero | tr '\0' ,; echo; } > gen/million-columns-row.csv
big million-columns-row.csv 'in.csv:2: more than 4096 fields' project
{ echo "$hdr"; printf 'X1,t,"'; head -c 2000000 /dev/zero | tr '\0' '\r'; echo '",l,s,1'; } > gen/lines-2m.csv
big lines-2m.csv 'in.csv:2: a field longer than 1 MiB' project
{ echo "$hdr"; printf 'X1,t,'; head -c 40000000 /dev/zero | tr '\0' v; echo ',l,s,1'; echo 'X2,t,v,l,s,x'; } > gen/line-40mb.csv
big line-40mb.csv 'in.csv:2: a line longer than 16 MiB
in.csv:3: budget: not an amount: "x"' project
head -c 5000000 /dev/zero | tr '\0' a > gen/line-5mb.csv
big line-5mb.csv 'in.csv:1: a field longer than 1 MiB' project
{ echo "$hdr"; i=0; while [ $i -lt 2000 ]; do echo "X$i,t,v,l,s,1.001"; i=$((i + 1)); done; } > gen/many-errors.csv
big many-errors.csv 'in.csv:2001: budget: more than 2 decimals' project
[ "$(grep -c 'budget: more than 2 decimals' err)" = 2000 ] || fail "not every bad row of 2000 reported"
# a CR, then a CRLF, split at the reader's 1 MiB block: lines still count once
for end in cr crlf; do
	e='\r'; [ $end = crlf ] && e='\r\n'
	{ printf "$hdr$e"; printf 'X1,t,'
	  head -c $((1048576 - ${#hdr} - ${#e} / 2 - 12)) /dev/zero | tr '\0' v
	  printf ",l,s,1$e"; printf "X2,t,v,l,s,x$e"; } > gen/block-$end.csv
	[ "$(head -c 1048576 gen/block-$end.csv | tail -c 1 | od -An -c | tr -d ' ')" = '\r' ] ||
	    fail "gen/block-$end.csv: no CR at the block's end"
	big block-$end.csv 'in.csv:3: budget: not an amount: "x"' project
done
{ echo 'id,date,kind,level,source,project,purpose,amount,note'
  printf 'F1,2022-12-01,receipt,central,finance,,,1,'; head -c 2000000 /dev/zero | tr '\0' n; echo; } > gen/note-2mb.csv
big note-2mb.csv 'in.csv:2: a field longer than 1 MiB' fund
head -c 10000 /dev/zero | tr '\0' '[' > gen/deep-arrays.json
big deep-arrays.json 'maximum parsing depth reached' plan
{ i=0; while [ $i -lt 3000 ]; do printf '{"a":'; i=$((i + 1)); done; } > gen/deep-objects.json
big deep-objects.json 'maximum parsing depth reached' plan
{ echo '{'; printf '  "name": "'; head -c 3000000 /dev/zero | tr '\0' x
  echo '",'; tail -n +3 "$SHARE/demo/plan.json"; } > gen/ok-name-3mb.json
import plan gen/ok-name-3mb.json

# formulas in the data never reach a spreadsheet as formulas
rm -rf r && cp -a empty r
vl-add -C r project --import "$H/project/ok-formula.csv" > /dev/null
for cmd in "vl-report -C r progress --by project --excel" \
    "vl-report -C r overdue --excel --as-of 2023-06-01"; do
	expect 0 $cmd
	has out "HYPERLINK"
	tab=$(printf '\t')
	grep -q "\(^\|,\)\"\?\([=@$tab]\|-[^0-9]\|+[^0-9]\)" out &&
	    fail "$cmd: a formula left live: $(grep "\(^\|,\)\"\?\([=@$tab]\|-[^0-9]\)" out | head -1)"
done
note "hostile inputs: $n ($refused refused, $took taken), $read read from a register"
[ "$n" -ge 50 ] || fail "only $n hostile inputs"
done_
