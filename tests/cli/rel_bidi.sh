# Bidirectional controls (U+202E and kin, Trojan Source): a name that
# holds one reads backwards on a terminal or a page ("胡明华21" shown for
# "胡明华12").  They reach a person as a blank (tables, pages, the
# briefing) or escaped (messages), as control characters do; the machine
# formats keep the value as it is.
. "$TESTS/lib.sh"

RLO=$(printf '\342\200\256')
LRI=$(printf '\342\201\246')
demo d
vl-add -C d amend project P25 --leader "胡${RLO}明华12" --reason 换人 \
    --as-of 2023-06-15 2> /dev/null || fail "amend refused"
day="--as-of 2023-06-15"
# a table: a blank where the control was
expect 0 vl-report -C d overdue --format table --project P25 $day
has out "胡 明华12"
grep -q "$RLO" out && fail "the table holds U+202E"
# the summary page, too
expect 0 vl-report -C d summary $day
has out "领导 胡 明华12"
grep -q "$RLO" out && fail "the summary holds U+202E"
# the machine formats keep the value as it is
expect 0 vl-report -C d overdue --project P25 $day
grep -q "胡${RLO}明华12" out || fail "the CSV lost the value"
# a message: escaped, as a control character is
expect 2 vl-add -C d fund --kind allocation --project "P${LRI}1" --amount 1 \
    --date 2023-06-01 $day
has err 'no such project: "P\u20661"'
grep -q "$LRI" err && fail "the message holds U+2066"
# the briefing's page
expect 0 vl-report -C d briefing -o brief.html $day
grep -q "胡 明华12" brief.html || fail "the briefing lacks the name"
grep -q "$RLO" brief.html && fail "the briefing holds U+202E"
# so a C1 control (U+0085) of a filter's words, which the page names as
# given: a blank, as in a table (vl_unsafe_len, one test for every place)
NEL=$(printf '\302\205')
expect 0 vl-report -C d briefing --town "青山${NEL}镇" -o brief.html $day
grep -q "青山 镇" brief.html || fail "the briefing lacks the town"
grep -q "$NEL" brief.html && fail "the briefing holds U+0085"
# a roll-up's district named after its directory: the control made '?'
mkdir c && cp -R d "c/东${RLO}区"
sed 's/"district": *"[^"]*",*//' "c/东${RLO}区/plan.json" > p && mv p "c/东${RLO}区/plan.json"
expect 0 vl-report -C "c/东${RLO}区" -C d overdue --project P25 $day
cut -d, -f1 out | grep -q "$RLO" && fail "the district column holds U+202E"
has out "东???区,not-started,P25,"
has err 'c/东\u202e区/plan.json: no "district": named "东???区"'
done_
