# rows added to register files a spreadsheet saved as GB18030: each file
# is written out whole in UTF-8 with them (audited "to-utf8"), never UTF-8
# rows appended to GB18030, a file neither encoding reads; the register
# then reports what the UTF-8 one given the same rows reports
. "$TESTS/lib.sh"
export VL_AS_OF=2023-06-15

add_rows() {
	expect 0 vl-add -C "$1" project --town 河口镇 --village 新村 \
	    --leader 张三 --specialist 李四 --budget 100
	expect 0 vl-add -C "$1" fund --kind receipt --level district \
	    --amount 400 --note 补足
	expect 0 vl-inspect -C "$1" add --project P01 --phase check \
	    --aspect safety --result fail --finding 测试问题 --due 2023-07-01
	expect 0 vl-add -C "$1" progress --project P51 --stage started
}

demo u
cp u/funds.csv before
add_rows u
demo r
for f in projects.csv funds.csv inspections.csv progress.csv; do
	iconv -f UTF-8 -t GB18030 r/$f > gb && cat gb > r/$f
done
add_rows r
for f in projects.csv funds.csv inspections.csv progress.csv; do
	iconv -f UTF-8 -t UTF-8 r/$f > /dev/null 2>&1 || fail "$f is not UTF-8"
done
has r/projects.csv 'P51,河口镇,新村,张三,李四,100.00'
has r/funds.csv ',补足'
[ "$(grep -c ',to-utf8,' r/audit.csv)" = 4 ] || fail "to-utf8 not audited 4 times"
for cmd in "vl-fund check" "vl-report overdue" "vl-inspect list" \
    "vl-report progress --by project"; do
	$cmd -C u > want 2>&1
	echo "status $?" >> want
	$cmd -C r > got 2>&1
	echo "status $?" >> got
	same got want
done
vl-inspect -C r list > listed
has listed '测试问题'
expect 0 vl-report -C r audit
# a UTF-8 file is appended to as before: none of its lines rewritten
head -c "$(wc -c < before)" u/funds.csv | cmp -s - before ||
    fail "a UTF-8 funds.csv was not appended to"
hasnt u/audit.csv ',to-utf8,'
done_
