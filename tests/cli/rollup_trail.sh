# roll-up (SPEC 9, 10): a copy whose trail is cut short, put back, gone or
# without its head is named and left out, exit 1, as a copy whose chain
# breaks is; the city is told to ask for a new copy, never to run
# vl-add audit-restart on it (which would make the copy pass as whole)
. "$TESTS/lib.sh"

cp -R "$SHARE/rollup" r
day="--as-of 2023-06-15"
cut() { rm -rf "$1"; cp -R r/baishui "$1"; }
cut short; head -4 r/baishui/audit.csv > short/audit.csv
cut gone; rm gone/audit.csv
cut headless; rm headless/.vl-head
for copy in short gone headless; do
	for tool in "vl-report overdue" "vl-fund check" "vl-inspect list"; do
		expect 1 $tool -C r/qingshan -C $copy $day
		has err "${tool%% *}: $copy: its audit trail is not whole; this register is left out of the roll-up: ask its district for a new copy"
		hasnt err "audit-restart"
		hasnt out "白水区"
		has out "青山区"
	done
done
expect 1 vl-report -C r/qingshan -C short overdue $day --lang zh
has err "short：变更记录不完整；该台账不计入汇总"
# the city's pages, printed without their messages, say a copy left out
expect 1 vl-report -C r/qingshan -C short briefing $day
clean_page out
python3 "$TESTS/tools/htmlcheck.py" ids out > ids
has ids "left-out	1"
has ids "districts	1"
has out "另有 <span id=\"left-out\">1</span> 个台账未计入</b>"
# named, as the messages name it: the page goes without them
has ids "left-out-dirs	short"
expect 0 vl-report -C r/qingshan -C r/baishui briefing $day
hasnt out "left-out"
expect 1 vl-report -C r/qingshan -C short summary $day
has out "1 register left out: short; its audit trail does not hold"
expect 1 vl-report -C short -C r/qingshan -C gone summary $day
has out "2 registers left out: gone, short; their audit trails"
# read alone, the register's own clerk is told how to start it again
expect 0 vl-report -C short overdue $day
has err "audit-restart --reason TEXT"
done_
