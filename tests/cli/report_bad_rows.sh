# A register with bad rows in several files, a project's own row among
# them: every reader says every bad row in one run (the journal's too),
# exit 2, nothing on stdout, and no row that names the project of a
# refused projects.csv row is said to name "no such project".
. "$TESTS/lib.sh"

export VL_AS_OF=2023-06-01
cat > plan.json <<'J'
{"name": "青山区活动场所", "district": "青山区", "villages": 2,
 "start_by": "2023-03-31", "complete_by": "2023-09-30", "total": "30万",
 "funding": [{"name": "市级", "levels": ["city"], "amount": "20万"},
             {"name": "区级", "levels": ["district"], "amount": "10万"}],
 "purposes": ["construction", "equipment"]}
J
expect 0 vl-add -C r init --plan plan.json
printf 'town,village,leader,specialist,budget\n东风镇,红旗村,王强,李梅,"120,000.00"\n西河乡,前进村,周明,吴芳,18万\n' > p.csv
expect 0 vl-add -C r project --import p.csv
expect 0 vl-add -C r progress --project P002 --stage started --date 2023-03-01
expect 0 vl-inspect -C r add --project P002 --phase check --aspect safety \
    --result fail --finding 脚手架 --due 2023-04-01 --date 2023-03-15
expect 0 vl-add -C r fund --kind allocation --project P002 --amount 3.694万 \
    --date 2023-02-01
# a clerk's slips: P002's budget, a day February has not, in the journal
sed -i 's/^P002,\(.*\),180000.00,/P002,\1,18x,/' r/projects.csv
grep -q '18x' r/projects.csv || fail "the test did not spoil P002's budget"
echo '9,2023-02-30,receipt,city,finance,,,100.00,' >> r/funds.csv
snapshot r > before
for c in "vl-report overdue" "vl-report progress" "vl-report funds" \
    "vl-report summary" "vl-fund balance" "vl-fund check" \
    "vl-fund sum --by level" "vl-fund sum --by project" "vl-inspect list"; do
	expect 2 $c -C r
	[ -s out ] && fail "$c: wrote to stdout"
	has err 'projects.csv:3: budget: not an amount: "18x"'
	hasnt err 'no such project'
	case $c in
	vl-inspect*|"vl-report overdue"|"vl-report progress") ;;
	*) has err 'funds.csv:3: date: no such day: "2023-02-30"' ;;
	esac
done
# a project that is nowhere is still one
echo '9,2023-03-02,P077,started,' >> r/progress.csv
expect 2 vl-report -C r overdue
has err 'progress.csv:3: project: no such project: "P077"'
hasnt err '"P002"'
snapshot r > after
sed -i '/progress.csv/d' before after
same before after
done_
