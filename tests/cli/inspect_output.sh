# vl-inspect -o FILE and --format xlsx: list, show and sample write
# reports there; add and close print none and refuse them
. "$TESTS/lib.sh"

demo reg
export VL_AS_OF=2023-06-15

expect 0 vl-inspect -C reg list --open
mv out want
expect 0 vl-inspect -C reg list --open -o open.csv
[ -s out ] && fail "-o: the report also went to stdout"
same open.csv want
expect 0 vl-inspect -C reg show P05
mv out want
expect 0 vl-inspect -C reg show P05 -o p05.txt
same p05.txt want

expect 0 vl-inspect -C reg list --open --format xlsx -o open.xlsx
expect 0 vl-inspect -C reg sample --count 3 --seed 1 --format xlsx -o draw.xlsx
expect 0 vl-inspect -C reg show 95 --format xlsx -o p36.xlsx
for f in open.xlsx draw.xlsx p36.xlsx; do
	[ "$(head -c 2 $f)" = PK ] || fail "$f is not a workbook"
done
if command -v unzip > /dev/null; then
	unzip -p open.xlsx xl/workbook.xml > wb
	has wb 'name="检查记录 2023-06-15"'
	unzip -p open.xlsx xl/sharedStrings.xml > ss
	has ss '脚手架未设防护网，存在高处坠落隐患，已责令停工整改'
	has ss '<t>specialist</t>'
	unzip -p draw.xlsx xl/workbook.xml > wb
	has wb 'name="抽查 2023-06-15"'
	unzip -p p36.xlsx xl/workbook.xml > wb
	has wb 'name="检查记录 P36 2023-06-15"'
fi

# a workbook is never written to stdout
expect 2 vl-inspect -C reg list --format xlsx
has err 'name the file with -o'
# add and close print no report
snapshot reg > before
expect 2 vl-inspect -C reg add --project P01 --phase check --aspect safety \
    --result pass -o x.csv
has err 'add: -o and --format xlsx are for reports'
expect 2 vl-inspect -C reg close 78 -o x.csv
has err 'close: -o and --format xlsx are for reports'
snapshot reg > after
same before after
[ -e x.csv ] && fail "x.csv written"
done_
