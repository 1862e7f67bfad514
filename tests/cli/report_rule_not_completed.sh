# not-completed: no `completed` progress and the day is after complete_by
# (the project's own, else the plan's).  Independent of not-started.
. "$TESTS/lib.sh"

vl-add -C reg init --plan "$SHARE/demo/plan.json" 2>/dev/null
cat > reg/projects.csv <<'CSV'
id,town,village,leader,specialist,budget,start_by,complete_by
P1,青山镇,松林村,蓝霞,廖燕,100.00,,
P2,河口镇,马鞍村,潘振国,陈桂芳,100.00,,2023-04-30
P3,河口镇,清水村,卢敏,蒙海燕,100.00,,
CSV
cat > reg/progress.csv <<'CSV'
date,project,stage,note
2022-12-05,P1,started,
2022-12-06,P2,started,
2022-12-07,P3,started,
2023-04-30,P2,completed,on the last day
2023-06-02,P3,completed,
CSV
rows() { grep "^$1," out | cut -d, -f1,2,7,8,9,10 | tr '\n' ' '; }
is() { got=$(rows "$1"); [ "$got" = "$2" ] || fail "$3: got '$got', expected '$2'"; }

expect 0 vl-report -C reg overdue --as-of 2023-06-01
is not-completed "not-completed,P1,2023-05-31,1,,late not-completed,P3,2023-05-31,1,,late " "day after"
has out "started 2022-12-05; no completion recorded"
expect 0 vl-report -C reg overdue --as-of 2023-05-31
is not-completed "" "due today"
expect 0 vl-report -C reg overdue --as-of 2023-05-31 --within 0
is not-completed "not-completed,P1,2023-05-31,,0,due-soon not-completed,P3,2023-05-31,,0,due-soon " "due today --within"
# P2's own deadline, met on the day
expect 0 vl-report -C reg overdue --as-of 2023-04-30 --within 0
is not-completed "" "completed on the deadline"
# completed late is completed; the later record is unknown before its day
expect 0 vl-report -C reg overdue --as-of 2023-06-02
is not-completed "not-completed,P1,2023-05-31,2,,late " "completed late"
# a project that never started is also not completed
sed -i '/P1,started/d' reg/progress.csv
expect 0 vl-report -C reg overdue --as-of 2023-06-02
is not-completed "not-completed,P1,2023-05-31,2,,late " "never started"
is not-started "not-started,P1,2022-12-31,153,,late " "never started"
has out "not started; no completion recorded"
done_
