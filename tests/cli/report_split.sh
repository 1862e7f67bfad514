# vl-report overdue --split-by leader|specialist|town -o DIR: a file per
# person or town (empty lists too) holding exactly their rows of the
# list, index.csv naming them, file names safe for any name, the same
# every day; nothing else written
. "$TESTS/lib.sh"

demo reg
export VL_AS_OF=2023-06-15
expect 0 vl-report -C reg overdue --split-by leader -o leaders
[ -s out ] && fail "split printed to stdout"
head -n 1 leaders/index.csv > hdr
echo 'leader,file,items,late' > want
same hdr want
# everyone named in projects.csv and every owner of tasks.csv (a task's
# owner is its leader), once
{ tail -n +2 reg/projects.csv | cut -d, -f4; tail -n +2 reg/tasks.csv |
    cut -d, -f4; } | sort -u > named
tail -n +2 leaders/index.csv | cut -d, -f1 | sort > listed
same listed named
# each file is that leader's own list, its count in the index
tail -n +2 leaders/index.csv | while IFS=, read -r who file items late; do
	[ -f "leaders/$file" ] || { fail "no file $file for $who"; continue; }
	vl-report -C reg overdue --leader "$who" > want
	same "leaders/$file" want
	[ "$(($(wc -l < want) - 1))" = "$items" ] || fail "$who: $items items"
done
# a leader with nothing late still gets a file: the header alone
has leaders/index.csv '蓝霞,蓝霞.csv,0,0'
lines leaders/蓝霞.csv 1
has leaders/index.csv '莫伟,莫伟.csv,2,2'
# the owner of the demo's late task (4, 联系点鹿鸣村), and of one done
has leaders/index.csv '卢建华,卢建华.csv,1,1'
has leaders/卢建华.csv 'task,,,,卢建华,,2023-06-10,5,,late,"task 4, 整村推进: 联系点鹿鸣村'
has leaders/index.csv '黎建国,黎建国.csv,0,0'
# a file in DIR that is a FIFO, or a link to one, is not written
# through (a planted name would hang cron or feed another program): named,
# exit 3, its index not written
rm -f leaders/index.csv leaders/蓝霞.csv
mkfifo leaders/蓝霞.csv
expect 3 vl-report -C reg overdue --split-by leader -o leaders
has err "leaders/蓝霞.csv: a FIFO"
[ -e leaders/index.csv ] && fail "an index naming files not written"
rm leaders/蓝霞.csv
mkfifo fifo
ln -s ../fifo leaders/蓝霞.csv
expect 3 vl-report -C reg overdue --split-by leader -o leaders
has err "leaders/蓝霞.csv: a symbolic link"
rm leaders/蓝霞.csv
expect 0 vl-report -C reg overdue --split-by leader -o leaders
lines leaders/蓝霞.csv 1
# no temporary file left; the same names on a second run
ls -A leaders | grep -q '^\.' && fail "temporary file left"
expect 0 vl-report -C reg overdue --split-by leader -o leaders
ls leaders > first
expect 0 vl-report -C reg overdue --split-by leader -o leaders
ls leaders > second
same first second

# names no file system or shell loop should see as they are: '/', a
# leading '.' or '-', "index", a comma, a name of 100 characters; each
# gets the safe part and 8 hex digits of its hash, none collide
long=$(printf '长%.0s' $(seq 100))
awk -F, -v OFS=, -v long="$long" 'NR == 2 { $4 = "a/b" } NR == 3 { $4 = ".hidden" }
    NR == 4 { $4 = "-rf" } NR == 5 { $4 = "index" } NR == 6 { $4 = "\"x,y\"" }
    NR == 7 { $4 = long } NR == 8 { $4 = "a_b" } { print }' reg/projects.csv > p
mv p reg/projects.csv
# a name that is the file name another name was made into ("a/b" made
# a_b~ and its hash) is not written over it: each keeps its own file
ab=a_b~$(printf 'a/b' | sha256sum | cut -c1-8)
awk -F, -v OFS=, -v ab="$ab" 'NR == 9 { $4 = ab } { print }' reg/projects.csv > p
mv p reg/projects.csv
expect 0 vl-report -C reg overdue --split-by leader -o odd
vl-report -C reg overdue --leader "$ab" > want
file=$(grep -F "$ab," odd/index.csv | cut -d, -f2)
[ "$file" != "$ab.csv" ] || fail "$ab: the file of a/b"
same "odd/$file" want
vl-report -C reg overdue --leader a/b > want
same "odd/$(grep -F 'a/b,' odd/index.csv | cut -d, -f2)" want
for f in odd/*; do
	b=${f#odd/}
	case $b in
	.*|-*|*/*|*,*) fail "unsafe file name: $b" ;;
	esac
	[ ${#b} -le 90 ] || fail "file name too long: $b"
done
has odd/index.csv 'a/b,a_b~'
has odd/index.csv 'a_b,a_b.csv,'
has odd/index.csv '.hidden,_hidden~'
has odd/index.csv '-rf,_rf~'
has odd/index.csv 'index,index~'
[ "$(ls odd | grep -c '^index')" = 2 ] || fail "index.csv and index~*"
[ "$(ls odd | wc -l)" = "$(wc -l < odd/index.csv)" ] || fail "a file per row and the index"
# the long name is cut on a character boundary: valid UTF-8
ls odd | grep '^长' | iconv -f UTF-8 -t UTF-8 > /dev/null || fail "cut mid-character"
# with --excel, a name a spreadsheet would run is text in index.csv as
# in the files: the index is opened beside them
expect 0 vl-report -C reg overdue --split-by leader --excel -o oddx
has oddx/index.csv "'-rf,_rf~"

# by town, by specialist; the format chosen as usual: .json, --excel
demo reg
expect 0 vl-report -C reg overdue --split-by town --format json -o towns
tail -n +2 reg/projects.csv | cut -d, -f2 | sort -u | wc -l > n
[ "$(ls towns/*.json | wc -l)" = "$(cat n)" ] || fail "a file per town"
vl-report -C reg overdue --town 东岭镇 --format json > want
same towns/东岭镇.json want
expect 0 vl-report -C reg overdue --split-by specialist --excel -o spec
printf '\357\273\277' > bom
head -c 3 spec/蒙红英.csv | cmp -s - bom || fail "--excel: no BOM"
# index.csv is written as the files it names are: for a spreadsheet
# with --excel (BOM, CRLF, its header in the language), in GB18030 with
# --encoding, plain CSV without either, as a script loops over it
head -c 3 spec/index.csv | cmp -s - bom || fail "--excel: index.csv has no BOM"
[ "$(tr -cd '\r' < spec/index.csv | wc -c)" = "$(wc -l < spec/index.csv)" ] ||
    fail "--excel: index.csv lines not CRLF"
expect 0 vl-report -C reg overdue --split-by specialist -o plain
head -c 3 plain/index.csv | cmp -s - bom && fail "index.csv has a BOM"
grep -q "$(printf '\r')" plain/index.csv && fail "index.csv has CRs"
{ printf '\357\273\277'; sed 's/$/\r/' plain/index.csv; } > want
same spec/index.csv want
expect 0 vl-report -C reg overdue --split-by specialist --excel --lang zh -o zh
head -n 1 zh/index.csv > hdr
printf '\357\273\277专干,文件,事项,逾期\r\n' > want
same hdr want
expect 0 vl-report -C reg overdue --split-by specialist --encoding gb18030 -o gb
iconv -f GB18030 -t UTF-8 gb/index.csv > got || fail "index.csv is not GB18030"
same got plain/index.csv
cmp -s gb/index.csv plain/index.csv && fail "--encoding gb18030: index.csv in UTF-8"
# filters apply before the split: one town's leaders only
expect 0 vl-report -C reg overdue --split-by leader --town 东岭镇 -o dl
[ "$(($(wc -l < dl/index.csv) - 1))" = "$(awk -F, '$2 == "东岭镇"' reg/projects.csv | cut -d, -f4 | sort -u | wc -l)" ] || fail "filtered split"

# refused: no -o, -o the register, -o a file, --by with --split-by
expect 2 vl-report -C reg overdue --split-by leader
has err 'with -o DIR'
expect 2 vl-report -C reg overdue --split-by leader -o reg
has err "the register's directory"
snapshot reg > before
: > afile
expect 2 vl-report -C reg overdue --split-by leader -o afile
has err 'not a directory'
expect 2 vl-report -C reg overdue --split-by leader --by town -o x
# in a directory that is not there: a usage error, as -o FILE's is
expect 2 vl-report -C reg overdue --split-by leader -o nowhere/sub
has err "nowhere/sub: cannot make the directory"
[ -e nowhere ] && fail "a directory made above -o DIR"
[ -e x ] && fail "a directory made for a usage error"
# bad input: nothing made, not even the directory
expect 2 vl-report -C reg overdue --split-by leader --as-of 2023-02-30 -o y
expect 2 vl-report -C reg -C reg overdue --split-by district -o y
[ -e y ] && fail "a directory made for bad input"
snapshot reg > after
same before after
done_
