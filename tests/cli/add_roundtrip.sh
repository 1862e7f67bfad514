# The clerk's round trip: each register file exported for a spreadsheet
# (vl-add export, --lang zh: Chinese headers and words) as --excel CSV
# and as a workbook saved again as CSV by LibreOffice (title row, amounts
# as shown "1,684,600.00", date cells), imported into an empty register:
# the same records (a new register may order its columns otherwise).
. "$TESTS/lib.sh"
. "$TESTS/tools/xlsx.sh"
command -v soffice > /dev/null ||
    { fail "no soffice: apt-get install libreoffice-calc-nogui"; done_; }
demo d
# the demo leaves a leader and a specialist out on purpose (the overdue
# list flags them); vl-add refuses such a project, so they are named here
sed -i 's/^P18,河口镇,渡头村,苏霞,,/P18,河口镇,渡头村,苏霞,黄海,/; s/^P45,东岭镇,岩口村,,/P45,东岭镇,岩口村,韦强,/' d/projects.csv
# import FILE KIND REG: into REG with the tool that takes KIND
import() {
	case $2 in
	inspections) expect 0 vl-inspect -C "$3" add --import "$1" ;;
	progress) expect 0 vl-add -C "$3" progress --import "$1" ;;
	*) expect 0 vl-add -C "$3" "${2%s}" --import "$1" ;;
	esac
}
vl-add -C x init --plan d/plan.json 2> /dev/null
vl-add -C w init --plan d/plan.json 2> /dev/null
for f in projects progress funds inspections; do
	expect 0 vl-add -C d export $f --lang zh --excel -o $f.csv
	import $f.csv $f x
	expect 0 vl-add -C d export $f --lang zh --format xlsx -o $f.xlsx
done
head -1 projects.csv | grep -q '编号,镇,村' || fail "projects.csv: $(head -1 projects.csv)"
grep -q '已动工' progress.csv || fail "progress.csv: no Chinese stage"
# one LibreOffice for the four: UTF-8 CSV, cells as shown
mkdir lo
timeout 600 soffice -env:UserInstallation="file://$PWD/lo/profile" --headless \
    --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true' \
    --outdir lo ./*.xlsx > soffice.log 2>&1 || fail "soffice: $(cat soffice.log)"
grep -q '1,684,600.00\|"1,000,000.00"' lo/funds.csv || fail "lo/funds.csv: amounts not as shown"
for f in projects progress funds inspections; do
	import lo/$f.csv $f w
done
# records FILE: each record a line, its fields by column name
records() {
	"$PY" -c 'import csv, json, sys
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    print(json.dumps(r, sort_keys=True, ensure_ascii=False))' "$1"
}
for f in projects progress funds inspections; do
	records d/$f.csv > want.$f
	[ "$(wc -l < want.$f)" -gt 10 ] || fail "$f: $(wc -l < want.$f) records"
	records x/$f.csv > excel.$f
	same want.$f excel.$f
	records w/$f.csv > xlsx.$f
	same want.$f xlsx.$f
done
done_
