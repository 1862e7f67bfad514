# vl-inspect show: one project's story, its stage, every inspection, and
# the warnings a clerk must not miss
. "$TESTS/lib.sh"

demo reg
export VL_AS_OF=2023-06-15

expect 0 vl-inspect -C reg show P05
cat > want <<'EOF_'
P05 青山镇 杨柳村
leader      莫伟
specialist  蒙红英
budget      36940.00  mode new  area 260 m²
deadlines   start by 2022-12-31, complete by 2023-05-31
stage       started (as of 2023-06-15)
  registered
  reviewed    2022-11-21
  started     2022-12-06  <- now
  completed   -
  accepted    -
inspections (2)
  #6     2022-11-21  review     quality  pass  蒙桂芳
  #78    2023-03-20  check      safety   fail  覃晓峰
         finding: 脚手架未设防护网，存在高处坠落隐患，已责令停工整改
         due 2023-04-05, open, 71 days overdue
warnings (2)
  rectification (due 2023-04-05, 71 days late): #78 check safety: 脚手架未设防护网，存在高处坠落隐患，已责令停工整改
  not-completed (due 2023-05-31, 15 days late): started 2022-12-06; no completion recorded
EOF_
same out want

# an inspection id shows its project
expect 0 vl-inspect -C reg show 95
head -n 1 out > first
printf 'P36 石桥镇 田心村\n' > want
same first want
has out 'stage       completed (as of 2023-06-15)'
has out '  not-accepted (due 2023-05-10, 36 days late): completed 2023-04-10; no passed acceptance'

# the stage through the programme, as of a day
expect 0 vl-inspect -C reg show P50
has out 'stage       reviewed (as of 2023-06-15)'
has out '  not-started (due 2022-12-31, 166 days late)'
expect 0 vl-inspect -C reg show P50 --as-of 2023-06-20
has out 'stage       started (as of 2023-06-20)'
expect 0 vl-inspect -C reg show P50 --as-of 2022-11-01
has out 'stage       registered (as of 2022-11-01)'
has out 'inspections (0)'
expect 0 vl-inspect -C reg show P46
has out 'stage       completed'
expect 0 vl-inspect -C reg show P46 --as-of 2023-06-19
has out 'stage       accepted (as of 2023-06-19)'

# started before a passed review; no review passed at all; late steps;
# a rectification closed late; a missing specialist
expect 0 vl-inspect -C reg show P21
has out '  started-before-review: started 2022-12-10; review passed 2022-12-20'
expect 0 vl-inspect -C reg show P47
has out '  reviewed    -'
has out '  started-before-review: started 2022-12-12; no passed review'
has out '         due 2022-12-10, closed 2022-12-08'
expect 0 vl-inspect -C reg show P30
has out '  completed 2023-06-05, 5 days after the deadline 2023-05-31'
expect 0 vl-inspect -C reg show P27
has out '  rectification #73 closed 2023-03-25, 5 days after its due date 2023-03-20'
expect 0 vl-inspect -C reg show P18
has out 'specialist  -'
has out '  missing-specialist: no specialist named in projects.csv'
# a closing after the day asked for is not there yet
expect 0 vl-inspect -C reg show 104
has out 'due 2023-06-01, open, 14 days overdue'
expect 0 vl-inspect -C reg show 104 --as-of 2023-06-17
has out 'due 2023-06-01, closed 2023-06-17'

# records that do not fit together
cat >> reg/progress.csv <<'CSV'
94,2023-03-01,P25,completed,,,
CSV
cat >> reg/inspections.csv <<'CSV'
200,2023-02-01,P25,check,quality,fail,墙体裂缝,2023-03-01,,甲
201,2023-02-10,P25,acceptance,quality,pass,,,,乙
CSV
expect 0 vl-inspect -C reg show P25
has out 'stage       accepted'
has out '  completed 2023-03-01 with no start recorded'
has out '  acceptance passed 2023-02-10 before any completion was recorded'
has out '  accepted 2023-02-10 while rectification #200 of 2023-02-01 is open'

# --format: the project's inspections only, in list's columns
expect 0 vl-inspect -C reg show P36 --format csv
printf '%s\n' 'id,date,project,town,village,leader,specialist,phase,aspect,result,finding,due,closed,inspector,evidence,closed_by,close_note,close_evidence' \
    '41,2022-12-10,P36,石桥镇,田心村,覃志强,杨红英,review,quality,pass,,,,蒙桂芳,,,,' \
    '95,2023-04-25,P36,石桥镇,田心村,覃志强,杨红英,acceptance,quality,fail,墙面抹灰空鼓开裂，门窗安装不牢,2023-05-25,,黄立新,,,,' > want
same out want
expect 0 vl-inspect -C reg show 41 --format json
has out '"id":"95"'

# no such project: said of the command line's id, as vl-inspect close
# and vl-add done say theirs; over several registers too
expect 2 vl-inspect -C reg show P99
has err 'vl-inspect: command line: id: no project or inspection "P99"'
cp -R "$SHARE/rollup" ru
expect 2 vl-inspect -C ru/qingshan -C ru/baishui show P99 --as-of 2023-06-15
has err 'vl-inspect: command line: id: no project or inspection "P99"'
expect 2 vl-inspect -C reg show
has err usage:
expect 2 vl-inspect -C reg show P01 P02
has err usage:
vl-inspect -C reg show P05 > /dev/full 2> err
[ $? = 3 ] || fail "show > /dev/full did not exit 3"
# in GB18030 when asked, as every report
vl-inspect -C reg show P05 > want
expect 0 vl-inspect -C reg show P05 --encoding gb18030
iconv -f GB18030 -t UTF-8 out > got || fail "show --encoding gb18030 is not GB18030"
same got want
done_
