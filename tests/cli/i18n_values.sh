# Under --lang zh the human formats are Chinese through and through, values
# and details included: every report and listing as a table, as --excel
# CSV and as a workbook (read back with openpyxl), the summary, show and
# the briefing.  Ids, numbers, dates, amounts, file names and the tools'
# names are not words (tests/tools/english.py).  CSV and JSON stay English.
. "$TESTS/lib.sh"
. "$TESTS/tools/xlsx.sh"
demo d
export VL_AS_OF=2023-06-15 ALLOW="$(id -un)"
# a change, so that audit has rows; money of a project and a purpose the
# register does not know (an edit by hand), so that more checks and flags
# are said
expect 0 vl-add -C d progress --project P25 --stage started --date 2023-06-15
printf '9999,2023-06-15,expense,district,finance,P9999,宴请,10.00,,\n' \
    >> d/funds.csv
# a late task, and a rectification closed with its verifier, note and
# evidence, so that their words and columns are said too
expect 0 vl-add -C d task --area 党员大集训 --title 落实集训场地 --owner 谢玉珍 \
    --due 2023-01-20
expect 0 vl-inspect -C d close 78 --by 覃晓峰 --note 已加设防护网 \
    --evidence 照片3张
english() { "$PY" "$TESTS/tools/english.py" "$@" >&2 || fail "English in $*"; }
n=0
while read -r tool args; do
	n=$((n + 1))
	# the audit's record column quotes a record's fields as stored, and
	# its user and tool columns name who and what wrote (the demo's own
	# lines: users demo and clerk, tool generate.py)
	case $args in audit) export ALLOW="$ALLOW started demo clerk";; esac
	# shellcheck disable=SC2086
	$tool -C d $args --format table --lang zh > t$n.txt 2> err
	[ $? -le 1 ] || fail "$tool $args: $(cat err)"
	english t$n.txt
	# shellcheck disable=SC2086
	$tool -C d $args --excel --lang zh > x$n.csv 2> err
	[ $? -le 1 ] || fail "$tool $args --excel: $(cat err)"
	english x$n.csv
	# shellcheck disable=SC2086
	$tool -C d $args --format xlsx -o b$n.xlsx --lang zh 2> err
	[ $? -le 1 ] || fail "$tool $args xlsx: $(cat err)"
	english --xlsx b$n.xlsx
	# the machine's CSV keeps its English words
	# shellcheck disable=SC2086
	$tool -C d $args --lang zh > c$n.csv 2> /dev/null
	# shellcheck disable=SC2086
	$tool -C d $args > e$n.csv 2> /dev/null
	same e$n.csv c$n.csv
	ALLOW="$(id -un)"
done <<'LIST'
vl-report overdue --within 30
vl-report progress
vl-report progress --by project
vl-report funds
vl-report audit
vl-fund check
vl-fund sum --by level
vl-fund sum --by source
vl-fund sum --by kind
vl-fund sum --by purpose
vl-fund balance
vl-inspect list
vl-inspect sample --count 5 --seed 7
vl-report overdue --kind task
vl-report progress --since 2022-08-01
LIST
[ $n -eq 15 ] || fail "$n commands run"
has t1.txt '未按期动工'
has t6.txt '资金到位'
has t6.txt '待到位'
has t6.txt '用途'
has t11.txt '未知项目'
has x1.csv '已逾期'
has t14.txt '党员大集训'
has t12.txt '核查人'
has t12.txt '已加设防护网'
# what changed: its kinds and details (money, findings, tasks) Chinese;
# its JSON, as its CSV, the same bytes in both languages
has t15.txt '资金到位'
has t15.txt '1 号 中央 财政'
has t15.txt '12 号 事前审查 质量：'
has t15.txt '任务完成'
has x15.csv '整改销号'
for f in json csv; do
	vl-report -C d progress --since 2022-08-01 --format $f > e.$f
	vl-report -C d progress --since 2022-08-01 --format $f --lang zh > z.$f
	same e.$f z.$f
done
has e.csv ',received,,,,,,1000000.00,#1 central finance'
expect 0 vl-report -C d summary --lang zh
english out
expect 0 vl-report -C d summary --lang zh --format xlsx -o s.xlsx
english --xlsx s.xlsx
for p in P05 P18 P21 P22 78; do
	expect 0 vl-inspect -C d show $p --lang zh
	english out
done
expect 0 vl-report -C d briefing --lang zh -o b.html
english --html b.html
# the words the checker catches, lest it pass everything
printf '状态 late\n' > bad.txt
"$PY" "$TESTS/tools/english.py" bad.txt > /dev/null && fail "english.py passed 'late'"
done_
