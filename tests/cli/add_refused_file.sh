# A register file the readers refuse (a row edited by hand out of the
# schema, a word since taken out of plan.json) is not written to by any
# writer: vl-add task, done, void, amend, reopen; vl-inspect close.  Each is refused with
# the readers' FILE:LINE: field: message, exit 2, "nothing written", no
# byte changed (they wrote into a file every report then refused).
. "$TESTS/lib.sh"

export VL_AS_OF=2023-06-30
# refused_as WANT CMD...: exit 2, the messages of WANT's file the same
# as the reader's (WANT), nothing written
refused_as() {
	reader=$1; shift
	snapshot reg > before
	expect 2 "$@"
	grep -F "$file:" err | sed "s/^$1:/reader:/" > got
	same "$reader" got
	has err "nothing written"
	snapshot reg > after
	same before after
}

# reader FILE CMD...: the reader CMD refuses FILE, exit 2; its messages
# of FILE in ./want
reader() {
	file=$1; shift
	expect 2 "$@"
	grep -F "$file:" err | sed "s/^$1:/reader:/" > want
}

# ---- tasks.csv: a due date edited by hand out of the calendar ----------
demo reg
sed -i '3s/2023-05-31/2023-13-31/' reg/tasks.csv
reader tasks.csv vl-report -C reg overdue
has want 'reg/tasks.csv:3: due: month out of range: "2023-13-31"'
refused_as want vl-add -C reg task --area 整村推进 --title 联系点 \
    --owner 王五 --due 2023-07-30
refused_as want vl-add -C reg done 4
refused_as want vl-add -C reg void task 5 --reason 重复录入
refused_as want vl-add -C reg amend task 4 --owner 韦海燕 --reason 人员调整
refused_as want vl-add -C reg reopen task 1 --reason 误办结

# ---- inspections.csv: an aspect taken out of plan.json -----------------
demo reg
python3 - reg/plan.json <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
p['aspects'] = ['quality', 'progress', 'funds']
json.dump(p, open(sys.argv[1], 'w'), ensure_ascii=False)
PY
reader inspections.csv vl-inspect -C reg list
has want 'reg/inspections.csv:53: aspect: "safety" is not one of quality, progress, funds'
refused_as want vl-inspect -C reg close 78 --by 张三 --date 2023-06-01
refused_as want vl-add -C reg void inspection 1 --reason 重复录入
refused_as want vl-add -C reg amend inspection 95 --due 2023-07-15 --reason 延期整改
refused_as want vl-add -C reg reopen inspection 12 --reason 误销号

# ---- progress.csv: a date edited by hand out of the calendar -----------
demo reg
sed -i '3s/2022-12-02/2022-12-32/' reg/progress.csv
reader progress.csv vl-report -C reg progress
has want 'reg/progress.csv:3: date: '
refused_as want vl-add -C reg void progress 93 --reason 重复录入
done_
