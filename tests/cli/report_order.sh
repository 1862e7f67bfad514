# the order of the daily list: most days late first; ties by project id
# (P2 before P10), then kind (the SPEC's order), then inspection id; items
# coming due after the late ones; the flags (no due date) last.
. "$TESTS/lib.sh"

vl-add -C reg init --plan "$SHARE/demo/plan.json" 2>/dev/null
cat > reg/projects.csv <<'CSV'
id,town,village,leader,specialist,budget,start_by,complete_by
P10,河口镇,马鞍村,潘振国,陈桂芳,100.00,,
P2,青山镇,石门村,胡海燕,郭光荣,100.00,,
P3,青山镇,上坪村,黄晓峰,潘学文,100.00,2023-03-01,2023-03-01
P4,青山镇,下坪村,,,100.00,2023-12-01,2023-12-31
CSV
cat > reg/progress.csv <<'CSV'
date,project,stage,note
2022-12-05,P10,started,
2022-12-05,P2,started,
CSV
cat > reg/inspections.csv <<'CSV'
id,date,project,phase,aspect,result,finding,due,closed,inspector
1,2022-12-01,P10,review,quality,pass,,,,黄立新
2,2022-12-01,P2,review,quality,pass,,,,黄立新
10,2023-02-01,P3,check,quality,fail,B,2023-03-01,,黄立新
9,2023-02-01,P3,check,safety,fail,A,2023-03-01,,黄立新
11,2023-05-01,P2,check,safety,fail,C,2023-06-20,,黄立新
CSV
expect 0 vl-report -C reg overdue --as-of 2023-06-10 --within 10
cut -d, -f1,2,8,9,10 out > got
# P4's dates are not due yet: only its flags show, last
cat > order <<'CSV'
kind,project,days_late,days_left,status
not-started,P3,101,,late
rectification,P3,101,,late
rectification,P3,101,,late
not-completed,P3,101,,late
not-completed,P2,10,,late
not-completed,P10,10,,late
rectification,P2,,10,due-soon
missing-leader,P4,,,flag
missing-specialist,P4,,,flag
CSV
same got order
# the two findings of P3, due the same day: #9 before #10
grep '^rectification,P3' out | cut -d, -f11 > got
printf '#9 check safety: A\n#10 check quality: B\n' > want
same got want

# ids numbered alike are sorted by their numbers; ids of mixed forms by
# the ids themselves, to the same order (P2 before P3b before P10)
sed -i 's/P3,/P3b,/' reg/projects.csv reg/inspections.csv
expect 0 vl-report -C reg overdue --as-of 2023-06-10 --within 10
cut -d, -f1,2,8,9,10 out > got
sed 's/P3,/P3b,/' order > want
same got want
done_
