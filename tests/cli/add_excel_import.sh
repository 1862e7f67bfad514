# Imports read what Excel, WPS and a Chinese input method produce: the
# tools' own Chinese headers, blank header cells and trailing commas,
# GB18030 with or without its byte-order mark, full-width digits and
# punctuation in amounts, dates and ids, Chinese words; --input-encoding
# is the import's alone.
. "$TESTS/lib.sh"
vl-add -C r init --plan "$SHARE/demo/plan.json" 2>/dev/null

# a --lang zh --excel export edited and saved again: Chinese headers, three
# blank header cells and a trailing comma on the rows, CRLF, a BOM
printf '\357\273\277镇,村,领导,专干,预算,,,\r\n' > a.csv
printf '青山镇,松林村,蓝霞,廖燕,"１，２３４．５",,,\r\n' >> a.csv
printf '河口镇,新村,丙,丁,3.694万,,\r\n' >> a.csv
expect 0 vl-add -C r project --import a.csv
printf 'P001\nP002\n' > want
same out want
has r/projects.csv 'P001,青山镇,松林村,蓝霞,廖燕,1234.50,,,,'
has r/projects.csv 'P002,河口镇,新村,丙,丁,36940.00,,,,'

# a value under a blank header is still an error, and nothing is written
snapshot r > before
printf 'town,village,leader,specialist,budget,\r\n青山镇,x,a,b,1,备注\r\n' > b.csv
expect 2 vl-add -C r project --import b.csv
has err 'vl-add: b.csv:2: a value in column 6, under no header: "备注"'
snapshot r > after
same before after

# GB18030 with its byte-order mark (84 31 95 33), a Chinese stage, a
# date and a project id typed full-width, an ideographic blank around it
printf '\204\061\225\063' > c.csv
printf '日期,项目,阶段,备注\r\n２０２３－０１－０５,　Ｐ００１　,已动工,开工\r\n' |
    iconv -f UTF-8 -t GB18030 >> c.csv
expect 0 vl-add -C r progress --import c.csv
has r/progress.csv '2023-01-05,P001,started,开工'
# GB18030 without a mark, detected; named, it is the import's encoding,
# never the register's own (UTF-8) files'
printf 'date,project,stage\r\n2023-06-01,P001,已竣工\r\n' |
    iconv -f UTF-8 -t GB18030 > d.csv
expect 0 vl-add -C r progress --import d.csv --input-encoding gb18030
has r/progress.csv '2023-06-01,P001,completed,'
# the same file again is refused as imported before; named GB18030, the
# file with its mark reads the same (into a register of its own)
expect 2 vl-add -C r progress --import c.csv --input-encoding gb18030
has err 'c.csv: import: this file was imported before'
vl-add -C r2 init --plan "$SHARE/demo/plan.json" 2>/dev/null
vl-add -C r2 project --import a.csv > /dev/null
expect 0 vl-add -C r2 progress --import c.csv --input-encoding gb18030
has r2/progress.csv '2023-01-05,P001,started,开工'
# a full-width amount on the command line, and the time of day typed
# with a full-width colon is no date
expect 0 vl-add -C r fund --kind receipt --level central --source finance \
    --amount '１６８．４６万' --date 2023-01-02
has r/funds.csv '1,2023-01-02,receipt,central,finance,,,1684600.00,'
expect 2 vl-add -C r fund --kind receipt --level central --amount 1 \
    --date '2023-01-02　１０：００'
has err 'date:'
# an English word stays a word; a Chinese one of another column is not
printf 'date,project,stage\n2023-06-02,P001,已审查\n' > e.csv
expect 2 vl-add -C r progress --import e.csv
has err 'e.csv:2: stage:'
# a project's mode in SPEC's Chinese (新建 / 改扩建 / 维修), on import
# and on the command line; 扩建 and 修缮, what exports said before, too
printf '镇,村,领导,专干,预算,建设方式\n甲镇,甲村,a,b,100,改扩建\n甲镇,乙村,a,b,100,维修\n甲镇,丙村,a,b,100,新建\n甲镇,丁村,a,b,100,扩建\n甲镇,戊村,a,b,100,修缮\n' > m.csv
expect 0 vl-add -C r project --import m.csv --lang zh
has r/projects.csv 'P003,甲镇,甲村,a,b,100.00,,,expand,'
has r/projects.csv 'P004,甲镇,乙村,a,b,100.00,,,repair,'
has r/projects.csv 'P005,甲镇,丙村,a,b,100.00,,,new,'
has r/projects.csv 'P006,甲镇,丁村,a,b,100.00,,,expand,'
has r/projects.csv 'P007,甲镇,戊村,a,b,100.00,,,repair,'
expect 0 vl-add -C r project --town 乙镇 --village 甲村 --leader a \
    --specialist b --budget 100 --mode 维修
has r/projects.csv 'P008,乙镇,甲村,a,b,100.00,,,repair,'
# and a Chinese export says them so, its CSV the words
expect 0 vl-add -C r export projects --lang zh --excel
has out '甲镇,甲村,a,b,100.00,,,改扩建,'
has out '甲镇,乙村,a,b,100.00,,,维修,'
expect 0 vl-add -C r export projects --lang zh
has out 'P004,甲镇,乙村,a,b,100.00,,,repair,'
# the register reads back whole
expect 0 vl-report -C r progress --by project --format csv
has out "P001,青山镇,松林村,蓝霞,廖燕,completed"
done_
