# sum --by: exact group sums of one kind of money, sorted by key, of the
# register's journal or of a file in its form; overflow is an error.
. "$TESTS/lib.sh"
mkdir reg
cp "$TESTS"/cases/fund-balanced/input/* reg/

# the default kind follows the key: allocations by project
expect 0 vl-fund -C reg sum --by project
printf 'project,amount,count\nP1,180.00,1\nP2,120.00,1\n' > want
same out want
# every row: allocations and expenses carry no level, so an empty key
expect 0 vl-fund -C reg sum --by level --kind all
printf 'level,amount,count\n,580.00,5\ncentral,150.00,1\ncity,50.00,1\ndistrict,100.00,1\n' > want
same out want
expect 0 vl-fund -C reg sum --by town --kind expense --format table
printf 'town    amount  count\n河口镇  100.00      1\n青山镇  180.00      2\n' > want
same out want
# for a spreadsheet: BOM, CRLF
expect 0 vl-fund -C reg sum --by source --excel
printf '\357\273\277source,amount,count\r\nfinance,250.00,2\r\nparty_fee,50.00,1\r\n' > want
same out want

# a file in the form of funds.csv, columns in another order, no register
mkdir elsewhere
cat > elsewhere/more.csv <<'CSV'
amount,kind,purpose,project,level,source,date,id
"1,000.00",expense,equipment,P7,,,2023-01-01,1
0.01,expense,equipment,P8,,,2023-01-02,2
5,expense,construction,P7,,,2023-01-03,3
CSV
(cd elsewhere && expect 0 vl-fund sum --by purpose more.csv && mv out ../out)
printf 'purpose,amount,count\nconstruction,5.00,1\nequipment,1000.01,2\n' > want
same out want
# (expenses: by project the default kind is allocation)
STDIN=elsewhere/more.csv expect 0 vl-fund sum --by project --kind expense -
printf 'project,amount,count\nP7,1005.00,2\nP8,0.01,1\n' > want
same out want
# town needs the register's projects: P7 and P8 are not there
STDIN=elsewhere/more.csv expect 0 vl-fund -C reg sum --by town --kind all -
printf 'town,amount,count\n,1005.01,3\n' > want
same out want

# a bad row of the file is reported with its line; nothing printed
printf '9,2023-02-29,expense,,,P1,construction,1.00,\n' >> reg/funds.csv
expect 2 vl-fund -C reg sum --by purpose
has err 'vl-fund: reg/funds.csv:10: date: no such day: "2023-02-29"'
[ -s out ] && fail "output despite a bad row"

# a group beyond the 64-bit range of fen is an error, never a wrap
cat > big.csv <<'CSV'
id,date,kind,level,source,project,purpose,amount,note
1,2023-01-01,receipt,central,,,,92233720368547758.07,
2,2023-01-02,receipt,central,,,,0.01,
CSV
expect 2 vl-fund sum --by level big.csv
has err 'big.csv:3: amount: the sum of level "central" overflows'
[ -s out ] && fail "output despite an overflow"
cp "$TESTS"/cases/fund-balanced/input/* reg/
cp big.csv reg/funds.csv
expect 2 vl-fund -C reg check
has err 'reg/funds.csv:3: amount: a sum overflows'

# a register without a journal: no money moved yet, for sum as for check
cp "$TESTS"/cases/fund-balanced/input/* reg/
rm reg/funds.csv
expect 0 vl-fund -C reg sum --by level
printf 'level,amount,count\n' > want
same out want
expect 0 vl-fund -C reg check
has out 'receipts,区,100.00,0.00,-100.00,pending,'

# usage
expect 2 vl-fund -C reg sum
has err 'usage: vl-fund [-C DIR] sum --by'
expect 2 vl-fund -C reg sum --by village
has err '--by: "village" is not one of'
expect 2 vl-fund -C reg sum --by level --kind gift
has err '--kind: "gift" is not one of receipt, allocation, expense, all'
done_
