# vl-report progress --since DATE: every change after DATE up to the
# as-of day, a row each, counted here from the register's own files
. "$TESTS/lib.sh"

demo reg
export VL_AS_OF=2023-06-15
from=2022-12-15
expect 0 vl-report -C reg progress --since $from --format json
cp out since.json
vl-inspect -C reg list --result fail --format json > fails.json
python3 - "$from" "$VL_AS_OF" reg > counts <<'PY'
import csv, json, sys
lo, hi, reg = sys.argv[1:4]
inr = lambda d: d and lo < d <= hi
got = {}
for e in json.load(open('since.json')):
    got.setdefault(e['kind'], []).append(e)
want = {}
firsts = {}
for r in csv.DictReader(open(reg + '/progress.csv')):
    k = (r['project'], r['stage'])
    if k not in firsts or r['date'] < firsts[k]:
        firsts[k] = r['date']
for (p, st), d in firsts.items():
    if inr(d):
        want.setdefault(st, []).append(p)
for i in json.load(open('fails.json')):
    if inr(i['date']): want.setdefault('finding-opened', []).append(i['project'])
    if inr(i['closed']): want.setdefault('finding-closed', []).append(i['project'])
fen = {'received': 0, 'spent': 0}
for r in csv.DictReader(open(reg + '/funds.csv')):
    k = {'receipt': 'received', 'expense': 'spent'}.get(r['kind'])
    if k and inr(r['date']):
        want.setdefault(k, []).append(r['project'])
        y, _, f = r['amount'].partition('.')
        fen[k] += int(y) * 100 + (int(f.ljust(2, '0')) if not y.startswith('-') else -int(f.ljust(2, '0')))
for r in csv.DictReader(open(reg + '/tasks.csv')):
    if inr(r['done']): want.setdefault('task-done', []).append(r['owner'])
for k in ['started', 'completed', 'finding-opened', 'finding-closed', 'received', 'spent', 'task-done']:
    who = 'leader' if k == 'task-done' else 'project'    # a task's owner
    g = sorted(e[who] for e in got.get(k, []))
    w = sorted(want.get(k, []))
    print(k, len(g), 'ok' if g == w else 'DIFF %s %s' % (g, w))
for k in fen:
    s = sum(round(float(e['amount']) * 100) for e in got.get(k, []))
    print(k, 'fen', 'ok' if s == fen[k] else 'DIFF %d %d' % (s, fen[k]))
dates = [e['date'] for e in json.load(open('since.json'))]
print('sorted', 'ok' if dates == sorted(dates) else 'DIFF')
print('range', 'ok' if all(lo < d <= hi for d in dates) else 'DIFF')
PY
grep -q DIFF counts && fail "since: $(grep DIFF counts)"
[ "$(wc -l < counts)" = 11 ] || fail "counts: $(cat counts)"
# every kind happens in that window on the demo (its tasks: all 8 done)
grep -q '^task-done 8 ok' counts || fail "tasks done: $(cat counts)"
for k in started completed finding-opened finding-closed received spent \
    task-done; do
	grep -q "^$k [1-9]" counts || fail "no $k: $(cat counts)"
done
# CSV: the columns; filters: a town's, a kind's
expect 0 vl-report -C reg progress --since $from
head -n 1 out > hdr
echo 'date,kind,project,town,village,leader,specialist,amount,detail' > want
same hdr want
cp out all
awk -F, 'NR == 1 || $4 == "东岭镇"' all > want
expect 0 vl-report -C reg progress --since $from --town 东岭镇
same out want
awk -F, 'NR == 1 || $2 == "completed" || $2 == "started"' all > want
expect 0 vl-report -C reg progress --since $from --kind completed --kind started
same out want
# the day itself is excluded, the as-of day included
d=$(sed -n 2p all | cut -d, -f1)
expect 0 vl-report -C reg progress --since "$d"
hasnt out "$d,"
expect 0 vl-report -C reg progress --since $from --as-of "$d"
has out "$d,"
# rows voided in the window: the start, the finding or the task that
# counts no more, a row each on its void's day, with what it was and why
demo v
vl-add -C v void progress 49 --reason 录错 --date 2023-06-12 > /dev/null
vl-add -C v void inspection 3 --reason 重复检查 --date 2023-06-13 > /dev/null
vl-add -C v void task 2 --reason 不再需要 --date 2023-06-14 > /dev/null
expect 0 vl-report -C v progress --since 2023-06-10 --kind voided
cat > want <<'EOF2'
date,kind,project,town,village,leader,specialist,amount,detail
2023-06-12,voided,P49,东岭镇,三江村,覃伟,蓝文忠,,progress 49 (started 2023-01-10): 录错
2023-06-13,voided,P07,青山镇,龙潭村,王霞,李燕,,inspection 3 (review 2022-11-20): 重复检查
2023-06-14,voided,,,,,,,"task 2 (联系点凤鸣村：对照自治区验收指标查漏补缺, due 2023-05-31): 不再需要"
EOF2
same out want
# among every change, in order of date; a void before the window is not
expect 0 vl-report -C v progress --since 2023-06-12
grep -c ',voided,' out | grep -qx 2 || fail "not two voids after 2023-06-12"
# for people: in their language
expect 0 vl-report -C v progress --since 2023-06-10 --kind 作废 --lang zh --format table
has out "作废  P49"
has out "进度记录 49（"
has out "）：录错"
has out "任务 2（联系点凤鸣村：对照自治区验收指标查漏补缺，截止 2023-05-31）：不再需要"
# refused: a bad date, a day not before the as-of day, --by, --kind
# without --since or not a kind of change
expect 2 vl-report -C reg progress --since 2023-02-30
has err '--since:'
expect 2 vl-report -C reg progress --since 2023-06-15
has err 'not before the day'
expect 2 vl-report -C reg progress --since $from --by town
expect 2 vl-report -C reg progress --kind started
expect 2 vl-report -C reg progress --since $from --kind late
done_
