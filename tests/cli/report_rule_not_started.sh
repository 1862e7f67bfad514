# not-started: no `started` progress on or before the day, and the day is
# after the project's start_by.  Due the day itself is not late yet.
. "$TESTS/lib.sh"

vl-add -C reg init --plan "$SHARE/demo/plan.json" 2>/dev/null
cat > reg/projects.csv <<'CSV'
id,town,village,leader,specialist,budget,start_by,complete_by
P1,青山镇,松林村,蓝霞,廖燕,100.00,,
P2,青山镇,石门村,胡海燕,郭光荣,100.00,2023-01-15,
CSV
# the fields of a row that say what and when: kind,project,due,days_late,status
rows() { grep "^$1," out | cut -d, -f1,2,7,8,9,10 | tr '\n' ' '; }
is() { got=$(rows "$1"); [ "$got" = "$2" ] || fail "$3: got '$got', expected '$2'"; }

# the day after start_by: one day late; P2's own start_by is later
expect 0 vl-report -C reg overdue --as-of 2023-01-01
is not-started "not-started,P1,2022-12-31,1,,late " "day after"
# start_by itself: not late, so not listed ...
expect 0 vl-report -C reg overdue --as-of 2022-12-31
is not-started "" "due today"
lines out 1
# ... but coming due, with --within
expect 0 vl-report -C reg overdue --as-of 2022-12-31 --within 0
is not-started "not-started,P1,2022-12-31,,0,due-soon " "due today, --within 0"
expect 0 vl-report -C reg overdue --as-of 2022-12-26 --within 5
is not-started "not-started,P1,2022-12-31,,5,due-soon " "five days ahead"
expect 0 vl-report -C reg overdue --as-of 2022-12-26 --within 4
is not-started "" "beyond the window"
# the per-project start_by counts, not the plan's
expect 0 vl-report -C reg overdue --as-of 2023-01-16
is not-started "not-started,P1,2022-12-31,16,,late not-started,P2,2023-01-15,1,,late " "override"
has out "no start recorded"

# a start recorded late is still a start; one dated after the day is not
printf '1,2023-01-03,P1,started,\n2,2023-01-20,P2,started,\n' >> reg/progress.csv
expect 0 vl-report -C reg overdue --as-of 2023-01-19
is not-started "not-started,P2,2023-01-15,4,,late " "started late / later"
expect 0 vl-report -C reg overdue --as-of 2023-01-02
is not-started "not-started,P1,2022-12-31,2,,late " "start after the day"
expect 0 vl-report -C reg overdue --as-of 2023-01-20
is not-started "" "both started"
done_
