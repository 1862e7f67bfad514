# started-before-review: started before the first passed review, or started
# with no passed review (as of the day).  Started on the review day is fine.
. "$TESTS/lib.sh"

vl-add -C reg init --plan "$SHARE/demo/plan.json" 2>/dev/null
cat > reg/projects.csv <<'CSV'
id,town,village,leader,specialist,budget
P1,青山镇,松林村,蓝霞,廖燕,100.00
P2,青山镇,石门村,胡海燕,郭光荣,100.00
P3,青山镇,上坪村,黄晓峰,潘学文,100.00
P4,青山镇,下坪村,王辉,何世平,100.00
P5,青山镇,杨柳村,莫伟,蒙红英,100.00
CSV
cat > reg/progress.csv <<'CSV'
date,project,stage,note
2022-12-09,P1,started,
2022-12-10,P2,started,
2022-12-12,P3,started,
2022-12-12,P4,started,
2023-01-10,P5,started,
CSV
cat > reg/inspections.csv <<'CSV'
id,date,project,phase,aspect,result,finding,due,closed,inspector
1,2022-12-10,P1,review,quality,pass,,,,黄立新
2,2022-12-10,P2,review,quality,pass,,,,黄立新
3,2022-11-25,P3,review,quality,fail,图纸未审批,2022-12-10,2022-12-08,黄立新
4,2022-12-20,P4,review,quality,pass,,,,黄立新
5,2022-12-11,P4,check,quality,pass,,,,黄立新
CSV
flags() { grep '^started-before-review,' out | cut -d, -f2,7,8,9,10,11 | tr '\n' ' '; }

expect 0 vl-report -C reg overdue --as-of 2022-12-15
got=$(flags)
want="P1,,,,flag,started 2022-12-09; review passed 2022-12-10 P3,,,,flag,started 2022-12-12; no passed review P4,,,,flag,started 2022-12-12; no passed review "
[ "$got" = "$want" ] || fail "as of 2022-12-15: got '$got', expected '$want'"
# P4's review passed later: it still started before it
expect 0 vl-report -C reg overdue --as-of 2023-02-01
got=$(flags)
want="P1,,,,flag,started 2022-12-09; review passed 2022-12-10 P3,,,,flag,started 2022-12-12; no passed review P4,,,,flag,started 2022-12-12; review passed 2022-12-20 P5,,,,flag,started 2023-01-10; no passed review "
[ "$got" = "$want" ] || fail "as of 2023-02-01: got '$got', expected '$want'"
# P5 has not started as of 2023-01-09: nothing to flag
expect 0 vl-report -C reg overdue --as-of 2023-01-09
hasnt out "started-before-review,P5,"
done_
