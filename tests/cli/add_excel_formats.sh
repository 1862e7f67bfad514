# Excel's other "Save as" types are no CSV: "Unicode text" (UTF-16, tabs)
# and "text, tab delimited" are refused at line 1 with what to do (save
# as CSV), not as NUL bytes nor as a header missing its columns on the
# data's line; nothing written.
. "$TESTS/lib.sh"
vl-add -C r init --plan "$SHARE/demo/plan.json" 2>/dev/null
snapshot r > before
printf '镇\t村\t领导\t专干\t预算\r\n青山镇\t松林村\t蓝霞\t廖燕\t36940\r\n' > tab.txt
iconv -f UTF-8 -t UTF-16 tab.txt > unicode.txt
iconv -f UTF-8 -t GB18030 tab.txt > tab-gb.txt
expect 2 vl-add -C r project --import unicode.txt
has err 'vl-add: unicode.txt:1: a UTF-16 file'
hasnt err 'NUL'
for f in tab.txt tab-gb.txt; do
	expect 2 vl-add -C r project --import $f
	has err "vl-add: $f:1: the columns are separated by tabs"
	hasnt err 'missing column'
	hasnt err ':2:'
done
expect 2 vl-add -C r project --import tab.txt --lang zh
has err 'tab.txt:1: 各列以制表符分隔'
snapshot r > after
same before after
# saved as CSV, the same sheet is taken
tr '\t' , < tab.txt > ok.csv
expect 0 vl-add -C r project --import ok.csv
has r/projects.csv 'P001,青山镇,松林村,蓝霞,廖燕,36940.00'
done_
