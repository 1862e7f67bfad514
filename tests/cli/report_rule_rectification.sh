# rectification: a failed inspection past its due date and not closed as
# of the day.  A closing dated after the day has not happened yet.
. "$TESTS/lib.sh"

vl-add -C reg init --plan "$SHARE/demo/plan.json" 2>/dev/null
cat > reg/projects.csv <<'CSV'
id,town,village,leader,specialist,budget
P1,青山镇,松林村,蓝霞,廖燕,100.00
P2,青山镇,石门村,胡海燕,郭光荣,100.00
CSV
cat > reg/inspections.csv <<'CSV'
id,date,project,phase,aspect,result,finding,due,closed,inspector
1,2022-12-01,P1,review,quality,pass,,,,黄立新
2,2022-12-01,P2,review,quality,pass,,,,黄立新
3,2023-02-10,P1,check,safety,fail,"脚手架未设防护网,限期整改",2023-03-10,2023-03-12,黄立新
4,2023-02-10,P2,check,quality,fail,墙面空鼓,2023-03-10,2023-03-10,黄立新
5,2023-02-20,P2,check,funds,pass,,,,黄立新
CSV
rows() { grep "^$1," out | cut -d, -f1,2,7,8,9,10 | tr '\n' ' '; }
is() { got=$(rows "$1"); [ "$got" = "$2" ] || fail "$3: got '$got', expected '$2'"; }

# the day after due: late by one day; #4 was closed on its due day
expect 0 vl-report -C reg overdue --as-of 2023-03-11
is rectification "rectification,P1,2023-03-10,1,,late " "day after due"
# the finding is named, commas and all, on one CSV line
has out '"#3 check safety: 脚手架未设防护网,限期整改"'
# the due day itself: not late; with --within, coming due
expect 0 vl-report -C reg overdue --as-of 2023-03-10
is rectification "" "due today"
expect 0 vl-report -C reg overdue --as-of 2023-03-10 --within 0
is rectification "rectification,P1,2023-03-10,,0,due-soon " "due today --within"
# closed on 2023-03-12: still open as of the day before, gone on the day
expect 0 vl-report -C reg overdue --as-of 2023-03-11 --within 30
is rectification "rectification,P1,2023-03-10,1,,late " "closed later"
expect 0 vl-report -C reg overdue --as-of 2023-03-12 --within 30
is rectification "" "closed on the day"
# an inspection dated after the day does not exist yet
expect 0 vl-report -C reg overdue --as-of 2023-02-09 --within 60
is rectification "" "inspected later"
# a finding with no closing stays on the list, growing later
printf '6,2023-04-01,P2,check,progress,fail,进度滞后,2023-04-20,,蒙桂芳\n' >> reg/inspections.csv
expect 0 vl-report -C reg overdue --as-of 2023-05-20
is rectification "rectification,P2,2023-04-20,30,,late " "open"
done_
