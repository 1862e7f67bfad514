# what no project may be, added, imported or amended (refused, exit 2,
# nothing written): a name of several lines or with a tab, a budget below
# zero, a completion due on or before its start (its own deadlines or the
# plan's); a name is taken without the blanks around it, so one of
# blanks alone is none, and "一村 " is 一村; and vl-inspect show puts no
# control character of a file on the terminal
. "$TESTS/lib.sh"
export VL_AS_OF=2023-06-15

demo r
snapshot r > before
refused() {	# refused FIELD MESSAGE CMD...: exit 2, nothing written
	field=$1 msg=$2
	shift 2
	expect 2 "$@"
	has err "$field: "
	has err "$msg"
	has err "nothing written"
	snapshot r > after
	same before after
}
add() { vl-add -C r project --town 新镇 --budget 100 "$@"; }
refused budget "-5: a budget is never below zero" \
    add --village 甲村 --leader 张 --specialist 李 --budget -5
refused village "a line break or a tab: one line of text" \
    add --village "$(printf '甲\n村')" --leader 张 --specialist 李
refused leader "a line break or a tab: one line of text" \
    add --village 甲村 --leader "$(printf '张\t三')" --specialist 李
refused specialist "a line break or a tab: one line of text" \
    add --village 甲村 --leader 张 --specialist "$(printf '李\r四')"
refused complete_by "complete_by 2023-03-01 is not after start_by 2023-04-01" \
    add --village 甲村 --leader 张 --specialist 李 --start_by 2023-04-01 \
    --complete_by 2023-03-01
refused complete_by "complete_by 2023-04-01 is not after start_by 2023-04-01" \
    add --village 甲村 --leader 张 --specialist 李 --start_by 2023-04-01 \
    --complete_by 2023-04-01
# its own start after the plan's completion (2023-05-31)
refused start_by "complete_by 2023-05-31 is not after start_by 2023-06-01" \
    add --village 甲村 --leader 张 --specialist 李 --start_by 2023-06-01
refused leader "missing: every project names its leader" \
    add --village 甲村 --leader "  " --specialist 李
refused specialist "missing: every project names its specialist" \
    add --village 甲村 --leader 张 --specialist "$(printf '\343\200\200')"
# 青山镇 松林村 is P01's, with a blank after it too
refused village "has a project already (P01)" \
    vl-add -C r project --town " 青山镇" --village "松林村 " --leader 张 \
    --specialist 李 --budget 1
# an import: every bad row said at its line
printf 'town,village,leader,specialist,budget,start_by,complete_by\n新镇,甲村,张,李,-1,,\n新镇,"乙\n村",张,李,1,,\n新镇,丙村,张,李,1,2023-05-01,2023-04-01\n' > bad.csv
refused budget "bad.csv:2: budget: -1: a budget is never below zero" \
    vl-add -C r project --import bad.csv
has err "bad.csv:3: village: a line break or a tab"
has err "bad.csv:5: complete_by: complete_by 2023-04-01 is not after"
# amended: the project as it would be
refused complete_by "complete_by 2022-12-01 is not after start_by 2022-12-31" \
    vl-add -C r amend project P01 --complete_by 2022-12-01 --reason x
refused leader "a line break or a tab: one line of text" \
    vl-add -C r amend project P01 --leader "$(printf '张\n三')" --reason x
refused budget "a budget is never below zero" \
    vl-add -C r amend project P01 --budget -1 --reason x
hasnt err "below what is allocated"
refused leader "missing: every project names its leader" \
    vl-add -C r amend project P01 --leader " " --reason x
# what passes: the blanks around a name dropped, a Chinese word of a
# vocabulary taken as the word, as vl-add project takes them
expect 0 add --village " 甲村　" --leader " 张 " --specialist 李 \
    --start_by 2023-04-01 --complete_by 2023-04-02
has r/projects.csv "P51,新镇,甲村,张,李,100.00"
expect 0 vl-add -C r amend project P51 --leader " 王五 " --mode 新建 --reason x
has r/projects.csv "P51,新镇,甲村,王五,李,100.00"
grep '^P51,' r/projects.csv | grep -q ',new,' || fail "amend --mode 新建 not stored as new"
# a project registered without a specialist (the demo's P18) is amended
# in its other fields: only a name taken away is refused
expect 0 vl-add -C r amend project P18 --budget 40000 --reason x
hasnt err "missing"
has r/projects.csv "P18,河口镇,渡头村,苏霞,,40000.00,"
# a file edited by hand: show puts its control characters as blanks
demo s
sed -i 's/^P01,青山镇,松林村,蓝霞,/P01,青山镇,松林村,"蓝\r霞\t\n假行",/' s/projects.csv
expect 0 vl-inspect -C s show P01
tr -d '\n' < out | od -An -c | grep -q '\\[rt]' && fail "a CR or a tab reached the terminal"
has out "leader      蓝 霞  假行"
grep -q '^假行' out && fail "a line break in a name made a line of its own"

# every problem of a row in one run: a project's own rules (leader and
# specialist named, a budget not below zero, its deadlines in order) are
# said beside what the columns refuse, not one run later
snapshot r > before
refused town "missing" vl-add -C r project --town "" --village 新村 \
    --leader "" --specialist 乙 --budget -5 --start_by 2023-13-01
has err 'command line: start_by: month out of range: "2023-13-01"'
has err 'command line: leader: missing: every project names its leader'
has err 'command line: budget: -5: a budget is never below zero'
printf 'town,village,leader,specialist,budget,complete_by\n甲镇,乙村,,丙,1x,2022-12-01\n甲镇,丁村,甲,乙,-1,2023-02-30\n' > rows.csv
refused budget 'not an amount: "1x"' vl-add -C r project --import rows.csv
has err 'rows.csv:2: leader: missing'
has err 'rows.csv:2: complete_by: complete_by 2022-12-01 is not after start_by'
has err 'rows.csv:3: complete_by: no such day: "2023-02-30"'
has err 'rows.csv:3: budget: -1: a budget is never below zero'
# a refused row is no project: the same village again is not said to
# have one
printf 'town,village,leader,specialist,budget\n甲镇,戊村,甲,乙,1x\n甲镇,戊村,甲,乙,1\n' > twice.csv
refused budget 'not an amount: "1x"' vl-add -C r project --import twice.csv
hasnt err 'has a project already'
done_
