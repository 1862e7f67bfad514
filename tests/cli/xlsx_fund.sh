# vl-fund check, sum and balance --format xlsx -o FILE: each read back with
# openpyxl is its CSV cell by cell; amounts are numbers formatted #,##0.00
# equal to the CSV to the fen, up to the 15 digits Excel keeps; beyond
# them, text rather than a rounded number
. "$TESTS/lib.sh"
. "$TESTS/tools/xlsx.sh"

demo d
day=2023-06-15
# both NAME ARGS...: the CSV and the workbook of one command
both() {
	name=$1
	shift
	vl-fund -C d "$@" --as-of $day > "$name.csv"
	vl-fund -C d "$@" --as-of $day --format xlsx -o "$name.xlsx" > out
	[ -s out ] && fail "$name: xlsx wrote to stdout"
	[ -s "$name.xlsx" ] || fail "$name: no workbook"
}
both check check
xcmp check.xlsx "资金核查 $day" check.csv expected=money actual=money \
    difference=money
grep -q ',-' check.csv || fail "no negative difference to test"
both level sum --by level
xcmp level.xlsx "资金汇总 level $day" level.csv amount=money count=int
both town sum --by town --kind expense
xcmp town.xlsx "资金汇总 town $day" town.csv amount=money count=int
both balance balance
xcmp balance.xlsx "项目资金 $day" balance.csv budget=money allocated=money \
    spent=money construction=money equipment=money remaining=money
# --final exits 1 and writes its workbook
expect 1 vl-fund -C d check --final --as-of $day --format xlsx -o final.xlsx
[ -s final.xlsx ] || fail "check --final: no workbook"

# amounts at the edge: 15 significant digits are a number exact to the fen,
# 16 are text; cents that a float sum would smear are exact
cat > big.csv <<'CSV'
id,date,kind,level,source,project,purpose,amount,note
1,2022-12-01,receipt,central,finance,,,9999999999999.99,
2,2022-12-01,receipt,region,finance,,,10000000000000.00,
3,2022-12-01,receipt,city,finance,,,0.07,
4,2022-12-01,receipt,district,finance,,,-120.00,
5,2022-12-01,receipt,district,finance,,,0.10,
6,2022-12-01,receipt,district,finance,,,0.20,
7,2022-12-01,receipt,central,finance,,,-9999999999999.98,
CSV
expect 0 vl-fund sum --by source big.csv --format xlsx -o src.xlsx
expect 0 vl-fund sum --by level big.csv --format xlsx -o big.xlsx
py "
from decimal import Decimal
ws = openpyxl.load_workbook('big.xlsx').worksheets[0]
got = {r[0].value: r[1] for r in ws.iter_rows(min_row=3)}
def money(c, want):
    assert c.data_type == 'n' and c.number_format == '#,##0.00', (c.value, c.number_format)
    assert Decimal(str(c.value)).quantize(Decimal('0.01')) == Decimal(want), (c.value, want)
money(got['central'], '0.01')
money(got['city'], '0.07')
money(got['district'], '-119.70')
assert got['region'].data_type == 's' and got['region'].value == '10000000000000.00', got['region'].value
money(openpyxl.load_workbook('src.xlsx').worksheets[0]['B3'],
    '9999999999880.38')
" || fail "big.xlsx: amounts at the edge"
head -2 big.csv > edge.csv
vl-fund sum --by level edge.csv --as-of $day > edge.out.csv
expect 0 vl-fund sum --by level edge.csv --as-of $day --format xlsx -o edge.xlsx
xcmp edge.xlsx "资金汇总 level $day" edge.out.csv amount=money count=int

# reconcile prints an equation, not records: no -o, no xlsx
expect 2 vl-fund reconcile --total 1 -o eq.txt big.csv
has err "reconcile: -o and --format xlsx"
[ -e eq.txt ] && fail "reconcile wrote eq.txt"
done_
