# Chinese Excel shows an export's dates as its short date and saves them
# so, 2023/1/5: an import reads YYYY/M/D as YYYY-MM-DD (full-width too),
# and its long date YYYY年M月D日 too,
# in every date column; a day that is none is refused with its line,
# nothing written.
. "$TESTS/lib.sh"
day=
demo d
# the demo leaves a leader and a specialist out on purpose; vl-add
# refuses such a project (as add_roundtrip.sh names them)
sed -i 's/^P18,河口镇,渡头村,苏霞,,/P18,河口镇,渡头村,苏霞,黄海,/; s/^P45,东岭镇,岩口村,,/P45,东岭镇,岩口村,韦强,/' d/projects.csv
vl-add -C x init --plan d/plan.json 2>/dev/null
# the exports as Excel saves them back: GB18030, CRLF, dates y/m/d
for f in projects progress inspections; do
	expect 0 vl-add -C d export $f --lang zh --excel -o $f.csv $day
	sed '1s/^\xef\xbb\xbf//; s/\([0-9]\{4\}\)-0\{0,1\}\([0-9]\{1,2\}\)-0\{0,1\}\([0-9]\{1,2\}\)/\1\/\2\/\3/g' \
	    $f.csv | iconv -f UTF-8 -t GB18030 > xl-$f.csv
done
has xl-progress.csv "2022/12/"
expect 0 vl-add -C x project --import xl-projects.csv $day
expect 0 vl-add -C x progress --import xl-progress.csv $day
expect 0 vl-inspect -C x add --import xl-inspections.csv $day
# records FILE: each record a line, its fields by column name (a new
# register may order its columns otherwise)
records() {
	python3 -c 'import csv, json, sys
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8")):
    print(json.dumps(r, sort_keys=True, ensure_ascii=False))' "$1"
}
for f in projects progress inspections; do
	records d/$f.csv > want.$f
	[ "$(wc -l < want.$f)" -gt 10 ] || fail "$f: $(wc -l < want.$f) records"
	records x/$f.csv > got.$f
	same want.$f got.$f
done
# a due date typed full-width in the same form
vl-add -C y init --plan d/plan.json 2>/dev/null
printf 'town,village,leader,specialist,budget,start_by\r\n青山镇,松林村,蓝霞,廖燕,36940,２０２３／１／５\r\n' > p.csv
expect 0 vl-add -C y project --import p.csv $day
has y/projects.csv "P001,青山镇,松林村,蓝霞,廖燕,36940.00,2023-01-05,"
# Chinese Excel's long date (a column formatted 2023年1月5日, saved in
# GB18030) is read as meant; a date without its zeros (2023-1-5) is not
# one Excel writes, and stays refused (tests/hostile/project/dates.csv)
vl-add -C z init --plan d/plan.json 2>/dev/null
printf 'town,village,leader,specialist,budget,start_by,complete_by\r\n青山镇,松林村,蓝霞,廖燕,36940,2023年1月5日,2023年5月31日\r\n青山镇,竹园村,蓝霞,廖燕,36940,2023年01月05日,2023-05-31' |
    iconv -f UTF-8 -t GB18030 > long.csv
expect 0 vl-add -C z project --import long.csv $day
has z/projects.csv "P001,青山镇,松林村,蓝霞,廖燕,36940.00,2023-01-05,2023-05-31,"
has z/projects.csv "P002,青山镇,竹园村,蓝霞,廖燕,36940.00,2023-01-05,2023-05-31,"
printf 'date,project,stage\r\n2023年2月29日,P001,started\r\n2023年1月5,P001,started\r\n2023-1-5x,P001,started\r\n2023-1-5,P001,started\r\n' > bad.csv
snapshot z > before
expect 2 vl-add -C z progress --import bad.csv $day
has err "bad.csv:2: date: no such day"
has err 'bad.csv:3: date: not a YYYY-MM-DD date: "2023年1月5"'
has err 'bad.csv:4: date: not a YYYY-MM-DD date: "2023-1-5x"'
has err 'bad.csv:5: date: not a YYYY-MM-DD date: "2023-1-5"'
snapshot z > after
same before after
# no such day, no such month, not a date: refused, each with its line
snapshot y > before
printf 'date,project,stage\r\n2023/2/29,P001,started\r\n2023/13/1,P001,started\r\n23/1/5,P001,started\r\n' > bad.csv
expect 2 vl-add -C y progress --import bad.csv $day
has err "bad.csv:2: date: no such day"
has err "bad.csv:3: date: month out of range"
has err 'bad.csv:4: date: not a YYYY-MM-DD date: "23/1/5"'
# a date typed on the command line is ISO, as SPEC has it: the short
# date is a spreadsheet's, read from its files only
expect 2 vl-add -C y progress --project P001 --stage started --date 2023/1/5 $day
has err 'command line: date: not a YYYY-MM-DD date: "2023/1/5"'
snapshot y > after
same before after
done_
