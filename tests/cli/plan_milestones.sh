# milestones in plan.json: ordered stages between started and completed,
# recorded with vl-add progress --stage NAME (refused before the start,
# after the completion, twice); a milestone past its due date and not
# reached is an overdue item of kind milestone; progress --since lists
# those reached; vl-inspect show prints them in the project's story
. "$TESTS/lib.sh"

export VL_AS_OF=2023-06-15
demo_plan plan.json '{"milestones": [{"name": "approved", "due": "2022-12-20"},
    {"name": "roofed", "due": "2023-03-31"}, {"name": "equipped"}]}'
vl-add -C reg init --plan plan.json > /dev/null
vl-add -C reg project --id P1 --town 青山镇 --village 松林村 --leader 蓝霞 \
    --specialist 廖燕 --budget 100 > /dev/null
vl-add -C reg project --id P2 --town 青山镇 --village 石门村 --leader 胡海燕 \
    --specialist 郭光荣 --budget 100 > /dev/null

# out of order: before the start, refused, nothing written
snapshot reg > before
expect 2 vl-add -C reg progress --project P1 --stage roofed --date 2023-01-01
# no start at all: said so, and what to do (not "before P1 started")
has err "vl-add: command line: stage: P1 has no started progress: record its start first (vl-add progress --project P1 --stage started --date D)"
has err "nothing written"
snapshot reg > after
same before after
vl-add -C reg progress --project P1 --stage started --date 2022-12-10 > /dev/null
# before the start: the start's date and progress id, and what to do
snapshot reg > before
expect 2 vl-add -C reg progress --project P1 --stage approved --date 2022-12-09
has err "vl-add: command line: date: approved 2022-12-09 is before P1 started (2022-12-10, progress 1): a milestone comes between started and completed: give the right --date, or void progress 1 first if the start is wrong"
snapshot reg > after
same before after
expect 0 vl-add -C reg progress --project P1 --stage approved --date 2022-12-18
expect 0 vl-add -C reg progress --project P1 --stage roofed --date 2023-01-01
# the plan's milestones in its order: equipped comes after roofed, and in
# an import approved before roofed
snapshot reg > before
expect 2 vl-add -C reg progress --project P1 --stage equipped --date 2022-12-31
has err "vl-add: command line: date: equipped 2022-12-31 is before P1 reached roofed (2023-01-01, progress 3), which comes before it in the plan's milestones: give the right --date, or void progress 3 first if that is wrong"
printf 'date,project,stage,note\n2023-01-10,P2,started,\n2023-01-11,P2,roofed,\n2023-01-12,P2,approved,\n' > order.csv
expect 2 vl-add -C reg progress --import order.csv
has err "order.csv:4: date: approved 2023-01-12 is after P2 reached roofed (2023-01-11, line 3 of this file), which comes after it in the plan's milestones: give the right --date, or correct line 3 of this file if that is wrong"
snapshot reg > after
same before after
# twice
expect 2 vl-add -C reg progress --project P1 --stage roofed --date 2023-01-02
has err "P1 has roofed progress already (progress 3, 2023-01-01)"
# a completion before a milestone reached
expect 2 vl-add -C reg progress --project P1 --stage completed --date 2022-12-30
has err "completed 2022-12-30 is before P1 reached roofed (2023-01-01, progress 3)"
expect 0 vl-add -C reg progress --project P1 --stage completed --date 2023-02-01
# after the completion
snapshot reg > before
expect 2 vl-add -C reg progress --project P1 --stage equipped --date 2023-02-02
has err "equipped 2023-02-02 is after P1 was completed (2023-02-01, progress 4)"
# a stage the plan does not name
expect 2 vl-add -C reg progress --project P1 --stage painted
has err '"painted" is not one of started, approved, roofed, equipped, completed'
snapshot reg > after
same before after
# a batch's own rows named by their line, not by an id never written
# (nothing is when one row is refused): the row to correct is in the file
snapshot reg > before
printf 'date,project,stage,note\n2023-01-10,P2,started,\n2023-01-09,P2,approved,\n2023-01-11,P2,started,\n' > bad.csv
expect 2 vl-add -C reg progress --import bad.csv
has err "bad.csv:3: date: approved 2023-01-09 is before P2 started (2023-01-10, line 2 of this file): a milestone comes between started and completed: give the right --date, or correct line 2 of this file if the start is wrong"
has err "bad.csv:4: stage: P2 has started progress already (line 2 of this file, 2023-01-10): if that one is wrong, correct line 2 of this file"
snapshot reg > after
same before after
# one batch is judged row by row: the start first, then the milestone
printf 'date,project,stage,note\n2023-01-10,P2,started,\n2023-01-12,P2,approved,\n' > batch.csv
expect 0 vl-add -C reg progress --import batch.csv

# overdue: P2 reached approved late (2023-01-12 > 2022-12-20: no item
# once reached); roofed due 2023-03-31 not reached; equipped has no due
expect 0 vl-report -C reg overdue --kind milestone
lines out 2
has out "milestone,P2,青山镇,石门村,胡海燕,郭光荣,2023-03-31,76,,late,roofed not reached"
# before P2 reached approved, both were late
expect 0 vl-report -C reg overdue --kind milestone --as-of 2023-01-11
has out "milestone,P2,青山镇,石门村,胡海燕,郭光荣,2022-12-20,22,,late,approved not reached"
# coming due
expect 0 vl-report -C reg overdue --kind milestone --as-of 2023-03-25 --within 10
has out "milestone,P2,青山镇,石门村,胡海燕,郭光荣,2023-03-31,,6,due-soon,roofed not reached"
# the project's leader is the person: --leader and --by leader see it
expect 0 vl-report -C reg overdue --kind milestone --leader 胡海燕
lines out 2
expect 0 vl-report -C reg overdue --kind milestone --leader 蓝霞
lines out 1
# said in Chinese in a table
expect 0 vl-report -C reg overdue --kind milestone --format table --lang zh
has out "主体封顶"
hasnt out "roofed"
# the summary's who-is-late line names the milestone, as the list does
expect 0 vl-report -C reg summary
has out "milestone roofed 76 days"
expect 0 vl-report -C reg summary --lang zh
has out "节点未按期 主体封顶 76 天"

# progress --since: the milestones reached, named
expect 0 vl-report -C reg progress --since 2022-12-31 --kind milestone
printf '%s\n' 'date,kind,project,town,village,leader,specialist,amount,detail' \
    '2023-01-01,milestone,P1,青山镇,松林村,蓝霞,廖燕,,roofed' \
    '2023-01-12,milestone,P2,青山镇,石门村,胡海燕,郭光荣,,approved' > want
same out want
# for people in Chinese: the kind of change and the milestone's name;
# the CSV the same bytes in both languages
expect 0 vl-report -C reg progress --since 2022-12-31 --kind milestone \
    --format table --lang zh
has out "节点完成"
has out "主体封顶"
hasnt out "milestone"
hasnt out "roofed"
expect 0 vl-report -C reg progress --since 2022-12-31 --kind milestone --lang zh
same out want

# show: each milestone in the story, reached or not
expect 0 vl-inspect -C reg show P1
has out "  approved    2022-12-18"
has out "  roofed      2023-01-01"
has out "  equipped    -"
expect 0 vl-inspect -C reg show P1 --lang zh
has out "审批通过"
# a project started is as far as the last milestone it reached: P2 is
# at approved, not at started, and was at started before it
expect 0 vl-inspect -C reg show P2
has out "stage       approved (as of 2023-06-15)"
has out "  approved    2023-01-12  <- now"
hasnt out "  started     2023-01-10  <- now"
expect 0 vl-inspect -C reg show P2 --lang zh
has out "阶段        审批通过（截至 2023-06-15）"
has out "  审批通过    2023-01-12  ← 当前"
expect 0 vl-inspect -C reg show P2 --as-of 2023-01-11
has out "stage       started (as of 2023-01-11)"
has out "  started     2023-01-10  <- now"
has out "  approved    -"

# a void frees the milestone to be recorded again
expect 0 vl-add -C reg void progress 3 --reason "typed the wrong day"
expect 0 vl-add -C reg progress --project P1 --stage roofed --date 2023-01-05

# a start is never after a milestone: not voided while one stands on it
# (P2: started 5, approved 6), nor typed again after one (a register an
# older vl left with its start voided)
snapshot reg > before
expect 2 vl-add -C reg void progress 5 --reason x
has err "progress 5 is the start of P2, and approved stands on it (progress 6, 2023-01-12): void progress 6 first, then this one"
snapshot reg > after
same before after
sed 's/^5,2023-01-10,P2,started,,,$/5,2023-01-10,P2,started,,2023-02-01,x/' \
    reg/progress.csv > p.csv && cat p.csv > reg/progress.csv
expect 2 vl-add -C reg progress --project P2 --stage started --date 2023-01-13
has err "started 2023-01-13 is after P2 reached approved (2023-01-12, progress 6): give the right --date, or void progress 6 first if that is wrong"
expect 0 vl-add -C reg progress --project P2 --stage started --date 2023-01-12 2> /dev/null

# a milestone taken out of plan.json by hand: the progress rows of it
# are refused by readers and writers alike, with the same message,
# nothing written (put the milestone back, or restore the plan)
cp -R reg cut
python3 - cut/plan.json <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
p['milestones'] = [m for m in p['milestones'] if m['name'] != 'roofed']
json.dump(p, open(sys.argv[1], 'w'), ensure_ascii=False)
PY
expect 2 vl-report -C cut summary
grep 'progress.csv:[0-9]*: stage: "roofed" is not one of' err > want ||
    fail "vl-report: $(cat err)"
snapshot cut > before
expect 2 vl-add -C cut progress --project P2 --stage completed --date 2023-02-01
grep 'progress.csv:[0-9]*: stage: ' err | sed 's/^vl-add/vl-report/' > got
same want got
has err "nothing written"
snapshot cut > after
same before after

# bad milestones in a plan are refused
refuse_plan milestones '[{"name": "started"}]' \
    '[{"name": "roofed"}, {"name": "roofed"}]' \
    '[{"name": "roofed", "due": "2023-02-30"}]' '[{"due": "2023-01-01"}]' \
    '["roofed"]' '[{"name": "roofed", "when": "2023-01-01"}]'
done_
