# overdue --check: exit 1 when anything is late or a flag the clerk can
# clear stands (cron mails on failure), 0 when nothing is, or only items
# coming due or flags of history; without --check always 0.  The list
# printed is the same either way.
. "$TESTS/lib.sh"

vl-add -C reg init --plan "$SHARE/demo/plan.json" 2>/dev/null
cat > reg/projects.csv <<'CSV'
id,town,village,leader,specialist,budget
P1,青山镇,松林村,蓝霞,廖燕,100.00
CSV
cat > reg/inspections.csv <<'CSV'
id,date,project,phase,aspect,result,finding,due,closed,inspector
1,2022-12-01,P1,review,quality,pass,,,,黄立新
CSV
# nothing due yet: empty list, exit 0
expect 0 vl-report -C reg overdue --as-of 2022-12-15 --check
lines out 1
# start_by is today: coming due is no failure
expect 0 vl-report -C reg overdue --as-of 2022-12-31 --within 7 --check
has out "not-started,P1"
has out "due-soon"
# a day later it is late
expect 1 vl-report -C reg overdue --as-of 2023-01-01 --check
has out "not-started,P1,青山镇,松林村,蓝霞,廖燕,2022-12-31,1,,late"
cp out with-check
expect 0 vl-report -C reg overdue --as-of 2023-01-01
same out with-check
# started: nothing late again
printf '1,2022-12-20,P1,started,\n' >> reg/progress.csv
expect 0 vl-report -C reg overdue --as-of 2023-01-01 --check
lines out 1
# a missing specialist is for the clerk to clear: exit 1, until amended
sed -i 's/,廖燕,/,,/' reg/projects.csv
expect 1 vl-report -C reg overdue --as-of 2023-01-01 --check
has out "missing-specialist,P1"
expect 0 vl-add -C reg amend project P1 --specialist 廖燕 --reason 补录 \
    --as-of 2023-01-01
expect 0 vl-report -C reg overdue --as-of 2023-01-01 --check
# started before its review passed: history, listed, exit 0 all the same
sed -i 's/2022-12-01,P1,review/2022-12-21,P1,review/' reg/inspections.csv
expect 0 vl-report -C reg overdue --as-of 2023-01-01 --check
has out "started-before-review,P1"
# the demo has late items: a header, 17 dated items of its projects, its
# late task (4, due 2023-06-10) and 4 flags
demo d
expect 1 vl-report -C d overdue --as-of 2023-06-15 --check
lines out 23
has out "task,,,,卢建华,,2023-06-10,5,,late,"
done_
