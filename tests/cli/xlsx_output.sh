# -o FILE: the report in FILE, byte for byte what stdout would get, written
# whole or not at all (a temp file beside it, renamed); xlsx never goes
# to stdout; a directory that is not there, a directory, a file of the
# register: exit 2, a clear message and nothing left behind
. "$TESTS/lib.sh"
. "$TESTS/tools/xlsx.sh"

demo d
day=2023-06-15
# every format to a file is what stdout gets
for f in csv json table; do
	vl-report -C d overdue --as-of $day --format $f > want.$f
	expect 0 vl-report -C d overdue --as-of $day --format $f -o got.$f
	[ -s out ] && fail "$f: -o and stdout both written"
	same got.$f want.$f
	expect 0 vl-report -C d overdue --as-of $day --format $f --output=got2.$f
	same got2.$f want.$f
done
vl-report -C d overdue --as-of $day --excel --encoding gb18030 > want.gb
expect 0 vl-report -C d overdue --as-of $day --excel --encoding gb18030 -o got.gb
same got.gb want.gb
vl-inspect -C d list --as-of $day > want.list
expect 0 vl-inspect -C d list --as-of $day -o got.list
same got.list want.list
vl-fund -C d sum --by level --as-of $day > want.sum
expect 0 vl-fund -C d sum --by level --as-of $day -o got.sum
same got.sum want.sum
# an old report is replaced; -o - is stdout; the options before the command
echo old > got.csv
expect 0 vl-report -C d overdue --as-of $day -o got.csv
same got.csv want.csv
expect 0 vl-report -C d overdue --as-of $day -o -
same out want.csv
expect 0 vl-report -o got3.csv -C d overdue --as-of $day
same got3.csv want.csv
# the mode of any new file, not a temp file's 0600
[ "$(stat -c %a got.json)" = "$(umask 0022; touch m; stat -c %a m)" ] ||
    fail "got.json: mode $(stat -c %a got.json)"

snapshot d > before
# xlsx is a file, never stdout
expect 2 vl-report -C d overdue --as-of $day --format xlsx
has err "--format xlsx: name the file with -o FILE"
[ -s out ] && fail "xlsx to stdout"
expect 2 vl-report -C d overdue --as-of $day --format xlsx -o -
expect 2 vl-fund -C d balance --format xlsx
expect 2 vl-inspect -C d list --format xlsx
# a directory that is not there: exit 2, said, nothing made
expect 2 vl-report -C d overdue --as-of $day --format xlsx -o nodir/o.xlsx
has err 'no directory "nodir"'
[ -e nodir ] && fail "nodir made"
expect 2 vl-report -C d funds --as-of $day -o nodir/sub/f.csv
has err 'no directory "nodir/sub"'
# a directory is not a file
mkdir dir
expect 2 vl-report -C d funds --as-of $day --format xlsx -o dir
has err "-o dir: a directory"
# a file of the register is never written over, by any name of it
expect 2 vl-report -C d overdue --as-of $day -o d/funds.csv
has err "a file of the register"
expect 2 vl-fund -C d sum --by level -o d/../d/projects.csv
expect 2 vl-report -C d audit --format xlsx -o d/audit.csv
(cd d && vl-report overdue -o plan.json) 2> err && fail "-o plan.json in the register"
# commands that print no report refuse -o and xlsx
expect 2 vl-add -C d project --town T --village V --leader L \
    --specialist S --budget 1 -o ids.txt
has err "-o and --format xlsx are for reports"
snapshot d > after
same after before
# and no temp file, no workbook, nowhere
find . -name '.*.vl-*' -o -name '*.xlsx' -o -name x.txt -o -name ids.txt > left
[ -s left ] && fail "left behind: $(cat left)"
done_
