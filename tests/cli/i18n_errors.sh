# Messages in Chinese keep their form (tool: file: field: message, the
# value as typed; a value given on the command line at 命令行) and their
# exit status; English under cron's empty environment; --lang takes en or
# zh only.
. "$TESTS/lib.sh"
demo d
snapshot d > before
zh() { env LC_ALL= LANG=zh_CN.UTF-8 "$@"; }

expect 2 zh vl-add -C d fund --kind receipt --level city --amount 1.234
has err 'vl-add: 命令行: amount: 小数超过 2 位: "1.234"'
has err 'vl-add: 未写入任何内容'
lines err 2
expect 2 env -i PATH="$PATH" vl-add -C d fund --kind receipt --level city \
    --amount 1.234
has err 'vl-add: command line: amount: more than 2 decimals: "1.234"'
has err 'vl-add: nothing written'
expect 2 vl-add -C d --lang zh fund --kind receipt --level city --amount 1.2345678万
has err 'vl-add: 命令行: amount: 以万为单位时小数超过 6 位: "1.2345678万"'
# every error of a batch, each with its file, line and field
printf '%s\n' 'id,date,kind,level,source,project,purpose,amount,note' \
    ',2023-01-01,receipt,city,finance,,,x,' \
    ',2023-02-30,receipt,mars,finance,,,1,' > bad.csv
expect 2 vl-add -C d --lang zh fund --import bad.csv
has err 'vl-add: bad.csv:2: amount: 不是有效金额: "x"'
has err 'vl-add: bad.csv:3: level: "mars" 不是以下之一: 中央（central）、自治区（region）、市（city）、区（district）'
has err 'vl-add: bad.csv:3: date: 日期不存在: "2023-02-30"'
# a word not one of a column's: its words said in Chinese too, as an
# import reads them; in English as they were
expect 2 vl-add -C d --lang zh project --town 甲镇 --village 甲村 \
    --budget 1 --mode 改建
has err 'vl-add: 命令行: mode: "改建" 不是以下之一: 新建（new）、改扩建（expand）、维修（repair）'
expect 2 vl-add -C d --lang en project --town 甲镇 --village 甲村 \
    --budget 1 --mode 改建
has err 'vl-add: command line: mode: "改建" is not one of new, expand, repair'
# a rule of the programme, in the clerk's words
expect 2 vl-inspect -C d --lang zh add --project P05 --phase check \
    --aspect safety --result fail --date 2023-06-01
has err 'vl-inspect: 命令行: finding: 检查不合格须填写发现的问题'
has err 'vl-inspect: 命令行: due: 检查不合格须填写整改期限'
expect 2 vl-inspect -C d --lang zh add --project P05 --phase check \
    --aspect safety --result fail --finding 未设防护网 --due 2023-05-01 \
    --date 2023-06-01
has err 'vl-inspect: 命令行: due: 2023-05-01 须晚于检查日期 2023-06-01'
snapshot d > after
same before after
# not a register
expect 2 zh vl-report -C nowhere overdue
has err 'vl-report: nowhere: 不是 vl 台账（没有 plan.json）；请先用 vl-add init 建立'
expect 2 env -i PATH="$PATH" vl-report -C nowhere overdue
has err 'vl-report: nowhere: not a vl register (no plan.json); start one with vl-add init'
# usage errors
expect 2 vl-report --lang zh frobnicate
has err 'vl-report: 未知命令 "frobnicate"'
has err '用法: vl-report overdue|audit|progress|funds|summary|briefing ...（详见 vl-report --help）'
expect 2 vl-fund -C d --lang zh sum --by colour
has err 'vl-fund: --by: "colour" 不是以下之一: level、source、kind、purpose、project、town'
expect 2 vl-inspect -C d --lang zh close
has err '用法: vl-inspect'
# the warning of a draw larger than the register, one project or many
expect 0 vl-inspect -C d --lang zh sample --count 60 --seed 1
has err 'vl-inspect: 只有 50 个项目可供抽取：已全部抽中'

# --lang takes en or zh, nothing else, wherever it stands
for v in fr zh_CN EN ''; do
	expect 2 vl-report -C d overdue --lang "$v"
	has err "vl-report: --lang: \"$v\" is not one of en, zh"
	[ -s out ] && fail "--lang $v: a report was written"
done
expect 2 vl-fund --lang=fr check
has err 'vl-fund: --lang: "fr" is not one of en, zh'
expect 2 zh vl-add --lang fr --help
has err '--lang: "fr" 不是以下之一: en, zh'
expect 2 vl-inspect --lang
has err 'usage:'

# numbers, dates and the order of rows never follow the locale
export VL_AS_OF=2023-06-15
expect 0 vl-report -C d funds
mv out funds.c
has funds.c ',1847000.00,'
expect 0 zh vl-report -C d funds
same out funds.c
expect 0 vl-report -C d funds --lang zh --format table
has out '1847000.00'
hasnt out '1,847,000'
expect 0 vl-fund -C d sum --by level --format json
mv out sum.c
expect 0 zh vl-fund -C d sum --by level --format json
same out sum.c
printf '1684600.00\n162400.00\n' > parts
STDIN=parts expect 0 zh vl-fund reconcile --total 184.7万
has out '1684600.00 + 162400.00 = 1847000.00'
if locale -a 2> /dev/null | grep -qix 'de_DE.utf-\{0,1\}8'; then
	expect 0 env LC_ALL=de_DE.UTF-8 vl-report -C d funds
	same out funds.c
	STDIN=parts expect 0 env LC_ALL=de_DE.UTF-8 vl-fund reconcile \
	    --total 184.7万
	has out '1684600.00 + 162400.00 = 1847000.00'
	expect 2 env LC_ALL=de_DE.UTF-8 vl-add -C d fund --kind receipt \
	    --level city --amount 1,5
	has err 'amount: '
else
	note "no de_DE.UTF-8 locale: that case skipped"
fi
# getopt_long's own message (the C library's catalogue, when installed)
# in UTF-8, not as question marks
expect 2 vl-report -C d overdue --bogus --lang zh
has err "bogus"
hasnt err "??"
done_
