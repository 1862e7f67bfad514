# A roll-up read by people under --lang zh is Chinese through and through,
# as one register's reports are (i18n_values.sh): the city's transfers and
# their details, the district column's total, the roll-up's summary; its
# CSV keeps the English words of the machine interface.
. "$TESTS/lib.sh"
. "$TESTS/tools/xlsx.sh"
cp -R "$SHARE/rollup" r
export VL_AS_OF=2023-06-15 ALLOW="demo clerk $(id -un)"
english() { "$PY" "$TESTS/tools/english.py" "$@" >&2 || fail "English in $*"; }
n=0
while read -r tool args; do
	n=$((n + 1))
	# shellcheck disable=SC2086
	$tool -C r/city -C r/qingshan -C r/baishui $args --format table \
	    --lang zh > t$n.txt 2> err
	[ $? -le 1 ] || fail "$tool $args: $(cat err)"
	english t$n.txt
done <<'LIST'
vl-fund check
vl-fund sum --by level
vl-report funds
vl-report progress --by district
vl-report overdue --by district
vl-report progress --since 2022-08-01
LIST
# what changed, district by district, in the other human formats too
vl-report -C r/qingshan -C r/baishui progress --since 2022-08-01 --excel \
    --lang zh > since.csv 2> err || fail "since --excel: $(cat err)"
vl-report -C r/qingshan -C r/baishui progress --since 2022-08-01 \
    --format xlsx -o since.xlsx --lang zh 2> err || fail "since xlsx: $(cat err)"
english since.csv
english --xlsx since.xlsx
has since.csv '青山区,2022-08-20,资金到位,,,,,,1000000.00,1 号 中央 财政'
has t6.txt '发现问题'
has t6.txt '任务完成'
for f in csv json; do
	vl-report -C r/qingshan -C r/baishui progress --since 2022-08-01 \
	    --format $f > e.$f
	vl-report -C r/qingshan -C r/baishui progress --since 2022-08-01 \
	    --format $f --lang zh > z.$f
	same e.$f z.$f
done
has t1.txt '市级拨付'
has t1.txt '江城市 下拨给 白水区 的资金，对照 白水区 记录的来自中央、自治区、市的到位资金：尚差 400.00'
has t5.txt '合计'
vl-report -C r/qingshan -C r/baishui summary --lang zh > s.txt 2> err
english s.txt
has s.txt '  到位 '
has s.txt '六、其他任务：共 10 项，已完成 8 项，逾期 1 项'
has s.txt '四、问题整改：未销号 7 项，逾期 5 项'
has s.txt '五、逾期：逾期 23 项'
has s.txt '  青山区 卢建华：任务 4，整村推进：联系点鹿鸣村'
# the machine's CSV: the words as they are
expect 0 vl-fund -C r/city -C r/qingshan -C r/baishui check --lang zh
has out 'city-transfer,江城市 -> 白水区,168460.00,168060.00,-400.00,pending,"what 江城市 allocated to 白水区'
done_
