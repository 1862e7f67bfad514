# vl-report audit under --lang zh: the words of a change are Chinese, the
# values of a vocabulary too (建设方式: 新建 → 改扩建), and a task done
# (完成, 完成日期); names and dates as they are.  CSV keeps the English.
. "$TESTS/lib.sh"
export VL_AS_OF=2023-06-15 ALLOW="$(id -un) started demo clerk"
english() { python3 "$TESTS/tools/english.py" "$@" >&2 || fail "English in $*"; }
demo d
grep -q '^P01,.*,new,' d/projects.csv || fail "the demo's P01 is not new"
expect 0 vl-add -C d amend project P01 --mode expand --reason 改为改扩建
expect 0 vl-add -C d task --area 党员大集训 --title 教材印制 --owner 韦海燕 \
    --due 2023-06-30
id=$(cat out)
expect 0 vl-add -C d done "$id" --date 2023-06-10
expect 0 vl-report -C d audit --lang zh --format table
english out
has out "建设方式: 新建 → 改扩建; 原因: 改为改扩建; 生效日期: 2023-06-15"
has out "完成日期:  → 2023-06-10"
expect 0 vl-report -C d audit --lang zh --excel
english out
has out "建设方式: 新建 → 改扩建"
# the machine's CSV: the words as stored, in both languages
expect 0 vl-report -C d audit
has out ",amend,projects.csv,P01,mode: new → expand; reason: 改为改扩建; dated: 2023-06-15,"
has out ",done,tasks.csv,$id,done:  → 2023-06-10,"
cp out en.csv
vl-report -C d audit --lang zh > zh.csv 2> /dev/null
same en.csv zh.csv
done_
