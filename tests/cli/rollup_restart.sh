# roll-up (SPEC 9): a copy whose audit trail broke and was started again
# (vl-add audit-restart: a break acknowledged, on record) is whole from
# there on, and read; but the city is told: every roll-up names it in a
# warning at its restart line, as do vl-report audit over several
# registers, the city's summary and its briefing.  The exit status is
# that of a sound roll-up (0): the restart is a fact of the district's
# history the city cannot clear, as a file changed outside the tools is
# warned of and read; a trail that does not hold is still left out, exit 1.
. "$TESTS/lib.sh"

cp -R "$SHARE/rollup" r
day="--as-of 2023-06-15"

# a sound roll-up says nothing of restarts
expect 0 vl-report -C r/qingshan -C r/baishui overdue $day
hasnt err "restart"

# 白水区's trail broken (a line edited), then started again by its clerk
cp -R r/baishui b
sed -i '5s/generate.py/generate.px/' b/audit.csv
expect 0 vl-add -C b audit-restart --reason "disk lost, files from the backup"
line=$(grep -n ',restart,audit.csv,' b/audit.csv | cut -d: -f1)
[ -n "$line" ] || fail "no restart line in b's trail"
warning="b/audit.csv:$line: restart: its audit trail was broken or lost and started again here (chain broken at line 5: disk lost, files from the backup): what this register recorded before cannot be verified; it is read all the same: ask its district why"

for tool in "vl-report overdue" "vl-report progress" "vl-fund check" \
    "vl-fund balance" "vl-inspect list" "vl-report funds"; do
	expect 0 $tool -C r/qingshan -C b $day
	has err "${tool%% *}: $warning"
	lines err 1
	has out "白水区"
done
# in any order of the registers, and named once by the audit of several
expect 0 vl-report -C b -C r/qingshan audit
has err "vl-report: $warning"
lines err 1
grep -q "^白水区,.*,restart,audit.csv,\"chain broken at line 5: .*\",,restart$" out ||
	fail "the restart line is not marked restart"
# a --registers line with the head the district sent after the restart:
# the head holds, the restart is said all the same
printf 'r/qingshan\nb %s\n' "$(vl-report -C b audit --head)" > list
expect 0 vl-report --registers list overdue $day
has err "$warning"
# in Chinese
expect 0 vl-report -C r/qingshan -C b overdue $day --lang zh
has err "b/audit.csv:$line: restart: 变更记录曾中断或丢失，自此重新开始"

# the city's pages, printed without their messages, name it
expect 0 vl-report -C r/qingshan -C b summary $day
has out "1 register whose audit trail was broken and started again: 白水区; what it recorded"
expect 0 vl-report -C r/qingshan -C r/baishui summary $day
hasnt out "started again"
expect 0 vl-report -C r/qingshan -C b briefing $day
clean_page out
python3 "$TESTS/tools/htmlcheck.py" ids out > ids
has ids "restarted	白水区"
expect 0 vl-report -C r/qingshan -C r/baishui briefing $day
hasnt out "restarted"
# --district of another: the page is of 青山区 alone
expect 0 vl-report -C r/qingshan -C b summary --district 青山区 $day
hasnt out "started again"

# read alone, the register is its clerk's, whole again: nothing said
expect 0 vl-report -C b overdue $day
hasnt err "restart"

# started again twice: how many times said, at the last restart line
cp -R b b2
sed -i "\$s/,vl-add,/,vl-adD,/" b2/audit.csv
expect 0 vl-add -C b2 audit-restart --reason "edited by hand"
last=$(grep -n ',restart,audit.csv,' b2/audit.csv | tail -1 | cut -d: -f1)
[ "$last" -gt "$line" ] || fail "no second restart line in b2's trail"
for cmd in "vl-report overdue $day" "vl-report audit"; do
	expect 0 $cmd -C r/qingshan -C b2
	has err "b2/audit.csv:$last: restart: its audit trail was broken or lost and started again 2 times, the last here (chain broken at line $((last - 1)): edited by hand): what this register"
	lines err 1
done
expect 0 vl-report -C r/qingshan -C b2 overdue $day --lang zh
has err "b2/audit.csv:$last: restart: 变更记录曾中断或丢失并重新开始 2 次"

# broken again after its restart: left out, exit 1, no restart said
sed -i "\$s/,vl-add,/,vl-adD,/" b/audit.csv
expect 1 vl-report -C r/qingshan -C b overdue $day
has err "hash: the chain breaks here; this register is left out"
hasnt err "started again here"
done_
