# roll-up (SPEC 9): every reading command over several registers, a
# district column first; towns and projects per district; one register
# reads as before, byte for byte
. "$TESTS/lib.sh"
. "$TESTS/tools/rel.sh"

cp -R "$SHARE/rollup" r
demo d
day="--as-of 2023-06-15"

# the demo's registers carry their audit trail, whole and at its head
# (share/demo/generate.py --trail), and read without a warning
for reg in qingshan baishui city; do
	audit_ok r/$reg
	expect 0 vl-report -C r/$reg audit --expect "$(cat r/$reg/.vl-head)"
	expect 0 vl-fund -C r/$reg balance $day
	[ -s err ] && fail "r/$reg read with messages: $(cat err)"
done

# one register: the output of today, no district column
for cmd in "vl-report overdue" "vl-report progress" "vl-report funds" \
    "vl-fund check" "vl-fund balance" "vl-inspect list"; do
	$cmd -C d $day > one 2>&1
	expect 0 $cmd -C r/qingshan $day
	same out one
	head -1 out > h
	hasnt h "district"
done

# -C twice and --registers FILE (relative to the file, comments and
# blank lines skipped) read the same
printf '# the city s copies\n\nqingshan\n  baishui  \n' > r/list
expect 0 vl-report -C r/qingshan -C r/baishui overdue $day
cp out twice
expect 0 vl-report --registers r/list overdue $day
same out twice
head -1 out > head
echo "district,kind,project,town,village,leader,specialist,due,days_late,days_left,status,detail" > want
same head want
# one list, most days late first across the districts, each row its own
has out "青山区,not-started,P25,河口镇,芦苇村,胡明华,张卫东,2022-12-31,166,,late"
has out "白水区,not-started,B5,水口镇,龙门村,黄春生,陆小梅,2022-12-31,166,,late"
has out "白水区,rectification,B2,青山镇,白云村,覃永明,韦丽萍,2023-03-01,106,,late"
awk -F, 'NR > 1 && $11 == "late" { if (prev != "" && $9 + 0 > prev + 0) bad = 1; prev = $9 } END { exit bad }' out ||
	fail "the roll-up's overdue list is not sorted by days late"
expect 1 vl-report -C r/qingshan -C r/baishui overdue --check $day

# 青山镇 of two districts is two towns; each district's total, then all
expect 0 vl-report -C r/qingshan -C r/baishui progress $day
has out "青山区,青山镇,13,13,13,12,10,100.0%,1,1"
has out "白水区,青山镇,2,2,2,1,1,100.0%,1,1"
has out "青山区,total,50,49,48,42,35,96.0%,6,4"
has out "白水区,total,5,3,4,1,1,80.0%,1,1"
has out "total,total,55,52,52,43,36,94.5%,7,5"
expect 0 vl-report -C r/qingshan -C r/baishui progress --by project $day
lines out 56
has out "白水区,B2,青山镇,白云村,覃永明,韦丽萍,started,"

# the ranking for a circular: started, completed, late items (青山区's
# late task among them: its 17 projects' items and 1), money
expect 0 vl-report -C r/qingshan -C r/baishui -C r/city progress --by district $day
cat > want <<'CSV'
district,rank,projects,started,started_share,completed,completed_share,overdue,plan,received,received_share,spent
青山区,1,50,48,96.0%,42,84.0%,18,1847000.00,1846600.00,99.9%,1486033.30
白水区,2,5,4,80.0%,1,20.0%,6,184700.00,184300.00,99.8%,50000.00
total,,55,52,94.5%,43,78.2%,24,2031700.00,2030900.00,99.9%,1536033.30
CSV
same out want
# the city's register holds money, not projects: in no count

# funds: each district against its own plan, then the total of all
expect 0 vl-report -C r/qingshan -C r/baishui funds $day
has out "青山区,total,,1847000.00,1846600.00,1730770.00,1486033.30,360566.70"
has out "白水区,中央、自治区、市,,168460.00,168060.00,"
has out "total,total,,2031700.00,2030900.00,1915070.00,1536033.30,494866.70"

# money: sums and balances per district
expect 0 vl-fund -C r/qingshan -C r/baishui sum --by level $day
has out "district,level,amount,count"
has out "白水区,city,68060.00,1"
expect 0 vl-fund -C r/qingshan -C r/baishui sum --by district $day
cat > want <<'CSV'
district,amount,count
白水区,184300.00,3
青山区,1846600.00,7
CSV
same out want
expect 2 vl-fund -C r/qingshan -C r/baishui sum --by level r/baishui/funds.csv
expect 0 vl-fund -C r/qingshan -C r/baishui balance $day
has out "白水区,B5,水口镇,龙门村,黄春生,陆小梅,36940.00,36540.00,0.00,0.00,0.00,36540.00,"

# inspections: list, show (each district with the id), a draw
expect 0 vl-inspect -C r/qingshan -C r/baishui list --open $day
has out "白水区,4,2023-02-15,B2,青山镇,白云村"
has out "青山区,78,2023-03-20,P05"
expect 0 vl-inspect -C r/qingshan -C r/baishui show B2 $day
has out "== 白水区"
hasnt out "== 青山区"
expect 0 vl-inspect -C r/qingshan -C r/baishui sample --count 4 --seed 7 $day
lines out 5
cp out draw
expect 0 vl-inspect -C r/qingshan -C r/baishui sample --count 4 --seed 7 $day
same out draw
# the pool is sorted by district, not by the order the registers come in
printf 'baishui\nqingshan\n' > r/list2
expect 0 vl-inspect --registers r/list2 sample --count 4 --seed 7 $day
same out draw
expect 0 vl-inspect -C r/qingshan -C r/baishui sample --count 60 --seed 7 $day
lines out 56
has err "only 55 projects to draw from"

# the summary of a city, and its workbook
expect 0 vl-report -C r/qingshan -C r/baishui summary $day
has out "2 districts"
has out "52 / 55  94.5%"
has out " 1 青山区"
has out " 2 白水区"
# the districts' other duties: 青山区's ten tasks, its late one named
# after its district, as a district's own page names it
has out "六、其他任务 Tasks: 10 tasks, 8 done, 1 late"
has out "  青山区 卢建华: task 4, 整村推进: 联系点鹿鸣村"
# the open findings of every district, safety first whichever district
# (白水区's unguarded scaffold, the oldest, first of all), and who is late,
# each after its district (SPEC 1: progress never hides them)
has out "四、问题整改 Open findings: 7, 5 past due"
grep -A1 "四、问题整改" out | tail -1 | grep -q "safety   #4    白水区 B2 青山镇白云村" ||
	fail "the oldest safety finding is not first: $(grep -A1 四、问题整改 out)"
has out "五、逾期 Who is late: 23 items late, 5 flagged, on 20 projects"
has out "  青山区 P05 青山镇杨柳村   领导 莫伟, 专干 蒙红英: rectification #78 71 days"
# the same page whatever the order the registers are named in
cp out page
expect 0 vl-report -C r/baishui -C r/qingshan summary $day
same out page
vl-report -C r/qingshan summary $day > one.txt
grep -q "  卢建华: task 4, 整村推进: 联系点鹿鸣村" one.txt ||
    fail "the district's own page lacks its late task"
# a roll-up without tasks says none
expect 0 vl-report -C r/baishui -C r/city summary $day
has out " 1 白水区"
hasnt out "其他任务"
expect 0 vl-report -C r/qingshan -C r/baishui summary --format xlsx -o city.xlsx $day
[ -s city.xlsx ] || fail "no workbook"
unzip -l city.xlsx > sheets 2>/dev/null && { n=$(grep -c 'worksheets/sheet' sheets); [ "$n" -eq 5 ] || fail "$n sheets, not 5"; }

# a plan without a district: the directory's name, said
cp -R r/baishui noname
sed '/"district": /d' r/baishui/plan.json > noname/plan.json
expect 0 vl-report -C r/qingshan -C noname progress --by district $day
has err "no \"district\": named \"noname\" after its directory"
has out "noname,2,5,"
# a directory's name with control characters in it (plan.json's
# "district" would be refused): never to a terminal or a CSV row
bad=$(printf 'x\033[31my\nz')
cp -R noname "$bad"
expect 0 vl-report -C r/qingshan -C "$bad" progress --by district $day
has out "x?[31my?z,2,5,"
grep -q "$(printf '\033')" out err && fail "a control character written"
rm -rf "$bad"
# the same district twice is refused: nothing added up as one
expect 2 vl-report -C r/qingshan -C r/qingshan overdue $day
has err "\"青山区\" is read twice"
[ -s out ] && fail "output written after bad input"
# a city's too: its transfers would be matched twice; and a district
# under the city's name would be matched as the city
expect 2 vl-fund -C r/qingshan -C r/city -C r/city check $day
has err "\"江城市\" is read twice"
[ -s out ] && fail "output written after bad input"
cp -R r/qingshan cityname
sed 's/"district": "青山区"/"district": "江城市"/' r/qingshan/plan.json > cityname/plan.json
expect 2 vl-fund -C r/city -C cityname check $day
has err "\"江城市\" is read twice"

# a bad registers file, and one naming no register
printf 'qingshan 12:abc\n' > r/bad
expect 2 vl-report --registers r/bad overdue
has err "r/bad:1: head: \"12:abc\": a head is SEQ:HASH"
printf '# nothing\n' > r/none
expect 2 vl-report --registers r/none overdue
expect 2 vl-report --registers r/missing overdue
# a directory that is not there is a name mistyped: bad input, named
expect 2 vl-report -C r/qingshan -C r/nosuch overdue $day
has err "r/nosuch: not a vl register"
[ -s out ] && fail "output written after bad input"
# a head copied in capitals (from a mail, by hand) is the same head
expect 0 vl-report -C r/qingshan audit --expect "$(tr a-f A-F < r/qingshan/.vl-head)"
printf 'qingshan %s\n' "$(tr a-f A-F < r/qingshan/.vl-head)" > r/capitals
expect 0 vl-report --registers r/capitals progress $day
[ -s err ] && fail "a head in capitals: $(cat err)"
# a list saved by Notepad (a BOM), a tab before the head, from stdin
head=$(vl-report -C r/qingshan audit --head)
printf '\357\273\277qingshan\t%s\nbaishui\n' "$head" > r/notepad
expect 0 vl-report --registers r/notepad progress --by district $day
has out "青山区,1,50,"
has out "白水区,2,5,"
cp out listed
# from stdin, relative names are the working directory's
printf 'r/qingshan\nr/baishui\n' > piped
STDIN=piped expect 0 vl-report --registers - progress --by district $day
same out listed

# writing takes one register: a usage error, nothing written
snapshot r > before
expect 2 vl-add -C r/qingshan -C r/baishui progress --project P25 --stage started
has err "one register at a time"
expect 2 vl-inspect --registers r/list close 4
# an export reads one register: said so, not that several are for reading
expect 2 vl-add -C r/qingshan -C r/baishui export projects
has err 'vl-add: export: reads one register at a time; give -C once, without --registers'
hasnt err 'for reading'
[ ! -s out ] || fail "export of two registers printed"
expect 2 vl-add -C r/qingshan -C r/baishui export projects --lang zh
has err 'vl-add: export：一次只读取一个台账'
hasnt err '写'
# (the briefing of several is the city's page: tests/cli/rollup_briefing.sh)
expect 0 vl-report -C r/qingshan -C r/baishui briefing -o city.html
snapshot r > after
same before after
# a city register alone: its projects are districts, not villages; no
# report of villages counts them (a cron's overdue --check was red for
# ever), its money is read as ever
for cmd in "vl-report overdue --check" "vl-report progress" \
    "vl-report summary" "vl-report briefing" "vl-inspect sample --count 1"; do
	expect 2 $cmd -C r/city $day
	has err "r/city/plan.json: projects: a city register"
	[ -s out ] && fail "$cmd: output of a city register alone"
done
expect 0 vl-report -C r/city funds $day
has out "中央、自治区、市"
# a district that has registered none of its villages counts: the city's
# shares are of the villages planned, as each district's own page counts
sed 's/"白水区"/"空区"/' r/baishui/plan.json > empty.json
vl-add -C r/empty init --plan empty.json $day 2> /dev/null
expect 0 vl-report -C r/baishui -C r/empty -C r/qingshan summary $day
has out "3 districts, 60 villages planned, 55 projects"
has out "started     52 / 60  86.7%"
expect 0 vl-report -C r/baishui -C r/empty -C r/qingshan progress --by district $day
has out "空区,3,0,0,0.0%,0,0.0%,"
has out "total,,55,52,86.7%,43,71.7%,"
expect 0 vl-report -C r/baishui -C r/empty -C r/qingshan briefing $day
has out '<span id="started">52/60</span>'
done_
