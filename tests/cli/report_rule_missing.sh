# missing-leader / missing-specialist: 一个项目,一名领导,一名专干 -- a
# project without both is flagged every day until it names them.
. "$TESTS/lib.sh"

vl-add -C reg init --plan "$SHARE/demo/plan.json" 2>/dev/null
cat > reg/projects.csv <<'CSV'
id,town,village,leader,specialist,budget
P1,青山镇,松林村,,廖燕,100.00
P2,青山镇,石门村,胡海燕,,100.00
P3,青山镇,上坪村,,,100.00
P4,青山镇,下坪村," ",何世平,100.00
P5,青山镇,杨柳村,莫伟,蒙红英,100.00
CSV
expect 0 vl-report -C reg overdue --as-of 2022-11-01
cat > want <<'CSV'
kind,project,town,village,leader,specialist,due,days_late,days_left,status,detail
missing-leader,P1,青山镇,松林村,,廖燕,,,,flag,no leader named in projects.csv
missing-specialist,P2,青山镇,石门村,胡海燕,,,,,flag,no specialist named in projects.csv
missing-leader,P3,青山镇,上坪村,,,,,,flag,no leader named in projects.csv
missing-specialist,P3,青山镇,上坪村,,,,,,flag,no specialist named in projects.csv
missing-leader,P4,青山镇,下坪村," ",何世平,,,,flag,no leader named in projects.csv
CSV
same out want
# flags are problems now: --check fails on them alone
expect 1 vl-report -C reg overdue --as-of 2022-11-01 --check
done_
