# Every column header a report or listing prints is Chinese under --lang
# zh in a table (and with --excel, for people), and English in CSV and
# JSON (for machines) whatever the language; as many rows in both (their
# words: i18n_values).
. "$TESTS/lib.sh"
demo d
export VL_AS_OF=2023-06-15
# a change, so that audit has rows
expect 0 vl-add -C d progress --project P25 --stage started --date 2023-06-15
# run NAME ARGS...: exit 0 or 1 (a check that finds something)
run() {
	name=$1; shift
	"$@" > "$name" 2> err < /dev/null
	st=$?
	[ $st -le 1 ] || { fail "$* exited $st"; sed 's/^/  stderr: /' err >&2; }
}
n=0
while read -r tool args; do
	n=$((n + 1))
	# shellcheck disable=SC2086
	run en.csv $tool -C d $args --format csv
	# shellcheck disable=SC2086
	run zh.csv $tool -C d $args --format csv --lang zh
	same en.csv zh.csv
	# shellcheck disable=SC2086
	run zh.json $tool -C d $args --format json --lang zh
	# shellcheck disable=SC2086
	run en.json $tool -C d $args --format json
	same en.json zh.json
	# shellcheck disable=SC2086
	run zh.table $tool -C d $args --format table --lang zh
	# shellcheck disable=SC2086
	run en.table $tool -C d $args --format table
	head -1 zh.table > head
	[ -s head ] || fail "$tool $args: no header"
	grep -q '[A-Za-z]' head && fail "$tool $args: untranslated header: $(cat head)"
	# the English table's header words are the CSV's
	for w in $(head -1 en.csv | tr ',' ' '); do
		head -1 en.table | grep -qw -- "$w" || fail "$tool $args: $w"
	done
	# as many lines below the header in both languages
	[ "$(wc -l < zh.table)" = "$(wc -l < en.table)" ] ||
	    fail "$tool $args: $(wc -l < zh.table) lines in Chinese"
	head -1 en.csv | grep -q '^[a-z_,]*$' ||
	    fail "$tool $args: csv header not English: $(head -1 en.csv)"
done <<'EOF'
vl-report overdue
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
vl-fund sum --by project
vl-fund sum --by town
vl-fund balance
vl-inspect list
vl-inspect list --open
vl-inspect sample --count 5 --seed 7
vl-inspect show P05
EOF
[ $n -eq 18 ] || fail "$n commands run"

# --excel is for people too: its header Chinese, after the BOM
run x.csv vl-report -C d overdue --excel --lang zh
head -1 x.csv | tr -d '\r' > head
has head "$(printf '\357\273\277')类型,项目,镇,村,领导,专干,截止日期,逾期天数,剩余天数,状态,说明"
# the language from the environment, as an interactive shell sets it
run env.table env LC_ALL= LANG=zh_CN.UTF-8 vl-report -C d progress \
    --format table
head -1 env.table > head
has head '镇'
hasnt head 'town'
run env.csv env LC_ALL= LANG=zh_CN.UTF-8 vl-report -C d progress
has env.csv 'town,projects,reviewed,started,completed,accepted'
# cron's empty environment: English
env -i PATH="$PATH" VL_AS_OF=$VL_AS_OF vl-report -C d progress --format table > cron.table
head -1 cron.table | grep -q '^town  *projects' || fail "cron: $(head -1 cron.table)"
done_
