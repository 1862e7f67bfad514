# progress: per town in the order of projects.csv, a total row last that
# adds up the towns; the share started as an exact percentage string
. "$TESTS/lib.sh"

demo d
expect 0 vl-report -C d progress --as-of 2023-06-15
# the total row is the sum of the town rows, column by column
awk -F, 'NR > 1 && $1 != "total" { for (i = 2; i <= 9; i++) if (i != 7) s[i] += $i }
    $1 == "total" { for (i = 2; i <= 9; i++) if (i != 7 && s[i] != $i) bad = 1; t = 1 }
    END { exit !(t && !bad) }' out || fail "total row is not the sum of the towns"
tail -n 1 out > got
echo "total,50,49,48,42,35,96.0%,6,4" > want
same got want
# P50 starts 2023-06-18 (a record the demo holds, after its demo day)
expect 0 vl-report -C d progress --as-of 2023-06-18
has out "东岭镇,12,11,12,8,7,100.0%"
has out "total,50,49,49,43,35,98.0%"

# shares rounded half up in integer arithmetic: 1/3, 2/3, 1/8, 0/0
vl-add -C r init --plan "$SHARE/demo/plan.json" 2>/dev/null
expect 0 vl-report -C r progress --as-of 2023-01-01
printf 'town,projects,reviewed,started,completed,accepted,started_share,open_findings,overdue_findings\ntotal,0,0,0,0,0,,0,0\n' > want
same out want
cat > r/projects.csv <<'CSV'
id,town,village,leader,specialist,budget
A1,甲镇,一村,l,s,1
A2,甲镇,二村,l,s,1
A3,甲镇,三村,l,s,1
B1,乙镇,一村,l,s,1
B2,乙镇,二村,l,s,1
B3,乙镇,三村,l,s,1
C1,丙镇,一村,l,s,1
C2,丙镇,二村,l,s,1
CSV
{ echo 'date,project,stage,note'
  for p in A1 B1 B2 C1 C2; do echo "2022-12-01,$p,started,"; done; } > r/progress.csv
expect 0 vl-report -C r progress --as-of 2023-01-01
cut -d, -f1,2,4,7 out > got
printf 'town,projects,started,started_share\n甲镇,3,1,33.3%%\n乙镇,3,2,66.7%%\n丙镇,2,2,100.0%%\ntotal,8,5,62.5%%\n' > want
same got want
# --by project: one row per project with its stage
expect 0 vl-report -C d progress --by project --as-of 2023-06-15
lines out 51
has out "P25,河口镇,芦苇村,胡明华,张卫东,reviewed,"
has out "P22,河口镇,牛角村,罗春梅,马明华,completed,"
[ "$(cut -d, -f6 out | grep -cx accepted)" = 35 ] || fail "not 35 accepted"
done_
