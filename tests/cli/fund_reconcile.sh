# reconcile: the equation with every part, the difference, the exit status;
# one amount a line or the amount column of a CSV; bad amounts with lines.
. "$TESTS/lib.sh"
NE=$(printf '\342\211\240')

rec() {	# rec STATUS TOTAL INPUT WANT: INPUT (printf format) on stdin
	printf -- "$3" > in
	STDIN=in expect "$1" vl-fund reconcile --total "$2"
	printf '%s\n' "$4" > want
	same out want
}

rec 0 184.7万 '168.46万\n16.24万\n' '1684600.00 + 162400.00 = 1847000.00'
rec 1 184.7万 '1684600.00\n162000.00\n' \
    "1684600.00 + 162000.00 = 1846600.00 $NE 1847000.00 (short by 400.00)"
rec 1 1847000 '184.7万\n0.01\n' \
    "1847000.00 + 0.01 = 1847000.01 $NE 1847000.00 (over by 0.01)"
rec 0 70 '100\n-30\n' '100.00 - 30.00 = 70.00'
rec 0 0 '' '0 parts = 0.00'
rec 1 1 '' "0 parts = 0.00 $NE 1.00 (short by 1.00)"
# ten parts are listed, eleven counted
rec 0 55 "$(seq 1 10 | tr '\n' ' ' | sed 's/ /\\n/g')" \
    '1.00 + 2.00 + 3.00 + 4.00 + 5.00 + 6.00 + 7.00 + 8.00 + 9.00 + 10.00 = 55.00'
rec 0 66 "$(seq 1 11 | tr '\n' ' ' | sed 's/ /\\n/g')" '11 parts = 66.00'
# a spreadsheet's column: BOM, CRLF, a blank line, quoted separators
rec 0 38940.5 '\357\273\277"36,940.00"\r\n2000.5\r\n\r\n' \
    '36940.00 + 2000.50 = 38940.50'
# a CSV with an amount column, e.g. the output of vl-fund sum
rec 0 1001 'level,amount,count\ncentral,"1,000.00",1\ndistrict,1.00,2\n' \
    '1000.00 + 1.00 = 1001.00'
rec 0 5 'amount\n5\n' '5.00 = 5.00'

# every bad amount reported with its line, nothing printed, exit 2
printf '1\nabc\n3.456\n\n5万元\n' > in
STDIN=in expect 2 vl-fund reconcile --total 1
[ -s out ] && fail "output despite bad amounts"
cat > want <<'TXT'
vl-fund: stdin:2: amount: not an amount: "abc"
vl-fund: stdin:3: amount: more than 2 decimals: "3.456"
vl-fund: stdin:5: amount: not an amount: "5万元"
TXT
same err want
# a file is named by its name; a header without an amount column refused
printf 'id,amount\n1,x\n' > sums.csv
expect 2 vl-fund reconcile --total 1 sums.csv
has err 'vl-fund: sums.csv:2: amount: not an amount: "x"'
printf 'level,sum\ncentral,1\n' > in
STDIN=in expect 2 vl-fund reconcile --total 1
has err 'stdin:1: amount: neither one amount nor a CSV header'
# a column copied out of a spreadsheet: 36,940.00 unquoted, one amount a
# line (its commas are separators, not a CSV header of two columns)
rec 0 1073880 '36,940.00\n1,000,000\n"36,940.00"\n' \
    '36940.00 + 1000000.00 + 36940.00 = 1073880.00'
printf '36,940.00\n36,94\n' > in
STDIN=in expect 2 vl-fund reconcile --total 36940
has err 'stdin:2: amount: misplaced thousands separator: "36,94"'
# with a header, every record has its fields
printf 'level,amount,count\ncentral,1\n' > in
STDIN=in expect 2 vl-fund reconcile --total 1
has err 'stdin:2: count: 2 fields where the header has 3: this column and those after it are missing'
printf 'level,amount,count\ncentral,1,2,3\n' > in
STDIN=in expect 2 vl-fund reconcile --total 1
has err "stdin:2: count: 4 fields where the header has 3: a field after this, the header's last column"
# a sum beyond the 64-bit range of fen is an error, never a wrap
printf '92233720368547758.07\n0.01\n' > in
STDIN=in expect 2 vl-fund reconcile --total 1
has err 'stdin:2: amount: the sum overflows'
[ -s out ] && fail "output despite an overflow"
# a difference past the range, or of -92233720368547758.08, whose
# negation is: the word alone, never a wrong number
rec 1 0 '-92233720368547758.08\n' \
    "-92233720368547758.08 = -92233720368547758.08 $NE 0.00 (short)"
rec 1 0.01 '-92233720368547758.08\n' \
    "-92233720368547758.08 = -92233720368547758.08 $NE 0.01 (short)"
rec 1 -0.01 '92233720368547758.07\n' \
    "92233720368547758.07 = 92233720368547758.07 $NE -0.01 (over)"
rec 1 0 '-92233720368547758.07\n' \
    "-92233720368547758.07 = -92233720368547758.07 $NE 0.00 (short by 92233720368547758.07)"

# the equation is for people: under --lang zh its words are Chinese, the
# figures the same; English as it was
rec_zh() {	# rec_zh STATUS TOTAL INPUT WANT, as rec, with --lang zh
	printf -- "$3" > in
	STDIN=in expect "$1" vl-fund reconcile --total "$2" --lang zh
	printf '%s\n' "$4" > want
	same out want
}
rec_zh 1 1847000 '1684600.00\n162000.00\n' \
    "1684600.00 + 162000.00 = 1846600.00 $NE 1847000.00（尚差 400.00）"
rec_zh 1 1847000 '1847000.01\n' \
    "1847000.01 = 1847000.01 $NE 1847000.00（超出 0.01）"
rec_zh 1 0 '-92233720368547758.08\n' \
    "-92233720368547758.08 = -92233720368547758.08 $NE 0.00（不足）"
rec_zh 0 66 "$(seq 1 11 | tr '\n' ' ' | sed 's/ /\\n/g')" '11 项之和 = 66.00'
rec_zh 0 0 '' '0 项之和 = 0.00'
rec 1 1847000 '1684600.00\n162000.00\n' \
    "1684600.00 + 162000.00 = 1846600.00 $NE 1847000.00 (short by 400.00)"
rec 0 1 '1\n' '1.00 = 1.00'

# usage
expect 2 vl-fund reconcile
has err 'usage: vl-fund reconcile --total AMT'
expect 2 vl-fund reconcile --total 1.001
has err 'vl-fund: --total: more than 2 decimals: "1.001"'
expect 2 vl-fund reconcile --total 1 a b
expect 2 vl-fund reconcile --total 1 missing.txt
has err 'missing.txt'
# the equation in GB18030 when asked
printf '1\n2\n' > two.txt
vl-fund reconcile --total 4 two.txt > want
expect 1 vl-fund reconcile --total 4 --encoding gb18030 two.txt
iconv -f GB18030 -t UTF-8 out > got || fail "reconcile --encoding gb18030 is not GB18030"
same got want
cmp -s out want && fail "reconcile --encoding gb18030 wrote UTF-8"
done_
