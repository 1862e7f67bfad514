# Workbooks ready to print and hand over: every workbook of the tools,
# printed by LibreOffice headless, is A4 landscape, one page wide (every
# column of a row on the same page: tests/tools/pdfrows.py), as many pages
# as its rows need and no more, with its title on the first page and the
# page number on every page.
. "$TESTS/lib.sh"
. "$TESTS/tools/xlsx.sh"
for t in soffice pdfinfo pdftotext; do
	command -v $t > /dev/null || { fail "no $t: apt-get install libreoffice-calc-nogui poppler-utils"; done_; }
done
demo d
export VL_AS_OF=2023-06-15
# NAME PAGES COMMAND...: the workbook of COMMAND prints on PAGES pages
n=0
book() {
	name=$1 pages=$2
	shift 2
	"$@" --format xlsx -o "$name.xlsx" --lang zh 2> err
	[ $? -le 1 ] || fail "$*: $(cat err)"
	echo "$name $pages" >> want
	n=$((n + 1))
}
: > want
book overdue 1 vl-report -C d overdue --within 30
book progress 1 vl-report -C d progress
book projects 2 vl-report -C d progress --by project
book funds 1 vl-report -C d funds
book summary 5 vl-report -C d summary
book audit 1 vl-report -C d audit
book check 1 vl-fund -C d check
book balance 2 vl-fund -C d balance
book sum 1 vl-fund -C d sum --by level
book inspections 2 vl-inspect -C d list
book sample 1 vl-inspect -C d sample --count 5 --seed 7
# one LibreOffice for them all, with a profile of its own
timeout 600 soffice -env:UserInstallation="file://$PWD/lo" --headless \
    --convert-to pdf ./*.xlsx > soffice.log 2>&1 || fail "soffice: $(cat soffice.log)"
while read -r name pages; do
	[ -s "$name.pdf" ] || { fail "$name: no PDF"; continue; }
	pdfinfo "$name.pdf" > info
	has info "Pages:           $pages"
	grep -q 'Page size: *841.* x 595.* pts (A4)' info ||
	    fail "$name: not A4 landscape: $(grep 'Page size' info)"
	"$PY" "$TESTS/tools/pdfrows.py" "$name.xlsx" "$name.pdf" >&2 ||
	    fail "$name: a row split across pages"
	pdftotext -f 1 -l 1 "$name.pdf" first.txt
	# whose: the plan's name
	has first.txt '村级组织活动场所建设(第一批)'
	has first.txt '截至 2023-06-15'
	pdftotext "$name.pdf" all.txt
	has all.txt "共 $pages 页"
done < want
[ $n -eq 11 ] || fail "$n workbooks"
# the header row is printed again on every page of a long sheet
pdftotext -f 2 -l 2 inspections.pdf p2.txt
has p2.txt '检查人'
# totals where amounts add, exact
pdftotext balance.pdf balance.txt
has balance.txt '1,847,000.00'
has balance.txt '合计'
# the checker is no rubber stamp: another workbook's rows are not there
"$PY" "$TESTS/tools/pdfrows.py" overdue.xlsx funds.pdf > /dev/null &&
    fail "pdfrows.py passed overdue.xlsx against funds.pdf"
done_
