# reconcile reads back what vl-fund sum wrote for a spreadsheet in
# Chinese (--lang zh --excel, GB18030 too): the header 层级,金额,笔数
# names the amount and level columns as amount,level do, and a level of
# other funds in Chinese (村自筹) is left out as village is
. "$TESTS/lib.sh"

export VL_AS_OF=2023-06-15
demo_plan plan.json '{"levels": ["central", "region", "city", "district",
    "village"]}'
vl-add -C r init --plan plan.json > /dev/null
vl-add -C r fund --kind receipt --amount 168.46万 --level central \
    --source finance --date 2023-01-03 > /dev/null
vl-add -C r fund --kind receipt --amount 16.24万 --level district \
    --source finance --date 2023-01-03 > /dev/null
vl-add -C r fund --kind receipt --amount 500 --level village \
    --source finance --date 2023-01-04 > /dev/null
vl-fund -C r sum --by level > en.csv
STDIN=en.csv expect 0 vl-fund -C r reconcile --total 184.7万
cp out want
# the same sums in Chinese, for Excel: the same equation
vl-fund -C r sum --by level --lang zh --excel > zh.csv
has zh.csv '金额'
STDIN=zh.csv expect 0 vl-fund -C r reconcile --total 184.7万
same out want
vl-fund -C r sum --by level --lang zh --excel --encoding gb18030 > gb.csv
expect 0 vl-fund -C r reconcile --total 184.7万 gb.csv
same out want
has out '1684600.00 + 162400.00 = 1847000.00'
has out '500.00'
# by source: the group of other funds, 多方筹集 in Chinese, left out too
vl-fund -C r sum --by source > en.csv
STDIN=en.csv expect 0 vl-fund -C r reconcile --total 184.7万
cp out want
vl-fund -C r sum --by source --lang zh --excel > zh.csv
has zh.csv '多方筹集'
STDIN=zh.csv expect 0 vl-fund -C r reconcile --total 184.7万
same out want
# a Chinese header without an amount column is refused as before
printf '层级,笔数\n中央,1\n' > in
STDIN=in expect 2 vl-fund reconcile --total 1
has err 'stdin:1: amount: neither one amount nor a CSV header'
done_
