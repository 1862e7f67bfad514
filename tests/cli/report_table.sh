# --format table lines up rows that mix Chinese and Latin text: a CJK
# character takes two columns of a terminal.  The expected table is
# written out by hand, space by space.
. "$TESTS/lib.sh"

vl-add -C reg init --plan "$SHARE/demo/plan.json" 2>/dev/null
cat > reg/projects.csv <<'CSV'
id,town,village,leader,specialist,budget
P1,青山镇,松林村,Li Wei,廖燕,100.00
P2,Hekou,马鞍村ABC,王燕,Zhang San,100.00
CSV
expect 0 vl-report -C reg overdue --as-of 2023-01-01 --format table
{
	printf 'kind         project  town    village    leader  specialist  due         days_late  days_left  status  detail\n'
	printf 'not-started  P1       青山镇  松林村     Li Wei  廖燕        2022-12-31          1             late    no start recorded\n'
	printf 'not-started  P2       Hekou   马鞍村ABC  王燕    Zhang San   2022-12-31          1             late    no start recorded\n'
} > want
same out want
expect 0 vl-report -C reg progress --as-of 2023-01-01 --format table
{
	printf 'town    projects  reviewed  started  completed  accepted  started_share  open_findings  overdue_findings\n'
	printf '青山镇         1         0        0          0         0           0.0%%              0                 0\n'
	printf 'Hekou          1         0        0          0         0           0.0%%              0                 0\n'
	printf 'total          2         0        0          0         0           0.0%%              0                 0\n'
} > want
same out want
# a share is aligned right, as the numbers are: 100.0% and 50.0% end in
# one column
expect 0 vl-add -C reg progress --project P1 --stage started --date 2023-01-01
expect 0 vl-report -C reg progress --as-of 2023-01-01 --format table
{
	printf 'town    projects  reviewed  started  completed  accepted  started_share  open_findings  overdue_findings\n'
	printf '青山镇         1         0        1          0         0         100.0%%              0                 0\n'
	printf 'Hekou          1         0        0          0         0           0.0%%              0                 0\n'
	printf 'total          2         0        1          0         0          50.0%%              0                 0\n'
} > want
same out want
# the demo's table: every row of the same display width up to the last
# column, whatever mix of scripts it holds (a CJK character counts two)
if command -v python3 > /dev/null; then
	expect 0 vl-report -C "$SHARE/demo" overdue --as-of 2023-06-15 --format table
	python3 - out <<'PY' || fail "demo table columns do not line up"
import sys, unicodedata
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
start = width(lines[0][:lines[0].index("detail")])
bad = [l for l in lines if width(l[:len(l) - len(l.split("  ")[-1])]) != start]
sys.exit(1 if bad else 0)
PY
fi
done_
