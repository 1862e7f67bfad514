# not-accepted: completed, and no passed acceptance inspection within 30
# days: due = the first completion + 30.
. "$TESTS/lib.sh"

vl-add -C reg init --plan "$SHARE/demo/plan.json" 2>/dev/null
cat > reg/projects.csv <<'CSV'
id,town,village,leader,specialist,budget
P1,青山镇,松林村,蓝霞,廖燕,100.00
P2,青山镇,石门村,胡海燕,郭光荣,100.00
CSV
cat > reg/progress.csv <<'CSV'
date,project,stage,note
2022-12-05,P1,started,
2022-12-05,P2,started,
2023-03-01,P1,completed,
2023-03-01,P2,completed,
2023-03-20,P1,completed,a second entry does not move the date
CSV
cat > reg/inspections.csv <<'CSV'
id,date,project,phase,aspect,result,finding,due,closed,inspector
1,2022-12-01,P1,review,quality,pass,,,,黄立新
2,2022-12-01,P2,review,quality,pass,,,,黄立新
3,2023-03-15,P2,acceptance,quality,fail,门窗安装不牢,2023-05-15,,黄立新
4,2023-03-20,P2,check,quality,pass,,,,黄立新
5,2023-04-02,P1,acceptance,quality,pass,,,,韦志强
CSV
rows() { grep "^$1," out | cut -d, -f1,2,7,8,9,10 | tr '\n' ' '; }
is() { got=$(rows "$1"); [ "$got" = "$2" ] || fail "$3: got '$got', expected '$2'"; }

# 2023-03-01 + 30 = 2023-03-31; a failed acceptance or a passed check
# does not accept P2
expect 0 vl-report -C reg overdue --as-of 2023-04-01
is not-accepted "not-accepted,P1,2023-03-31,1,,late not-accepted,P2,2023-03-31,1,,late " "day after"
has out "completed 2023-03-01; no passed acceptance"
expect 0 vl-report -C reg overdue --as-of 2023-03-31
is not-accepted "" "due today"
expect 0 vl-report -C reg overdue --as-of 2023-03-31 --within 0
is not-accepted "not-accepted,P1,2023-03-31,,0,due-soon not-accepted,P2,2023-03-31,,0,due-soon " "due today --within"
expect 0 vl-report -C reg overdue --as-of 2023-03-02 --within 29
is not-accepted "not-accepted,P1,2023-03-31,,29,due-soon not-accepted,P2,2023-03-31,,29,due-soon " "29 days ahead"
# a passed acceptance, even a late one, takes P1 off the list on its day
expect 0 vl-report -C reg overdue --as-of 2023-04-02
is not-accepted "not-accepted,P2,2023-03-31,2,,late " "accepted late"
# not completed: nothing to accept yet
expect 0 vl-report -C reg overdue --as-of 2023-02-28 --within 365
is not-accepted "" "not completed"
done_
