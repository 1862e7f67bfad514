# Evidence and the verifier: vl-inspect add --evidence and close --by
# --note --evidence fill columns of their own, added to a file without
# them (audited add-columns); the finding is never touched; list, show
# and a day before the closing say what was so then; every refusal
# writes nothing.
. "$TESTS/lib.sh"

demo reg
export VL_AS_OF=2023-06-15
cp reg/inspections.csv orig.csv

# evidence given when an inspection is added: its column added, last
expect 0 vl-inspect -C reg add --project P05 --phase check --aspect quality \
    --result fail --finding 墙面空鼓 --due 2023-06-30 --inspector 覃晓峰 \
    --evidence '照片 IMG_0041, 会议纪要'
echo 119 > want
same out want
head -n 1 reg/inspections.csv > got
echo 'id,date,project,phase,aspect,result,finding,due,closed,inspector,evidence' > want
same got want
tail -n 1 reg/inspections.csv > got
echo '119,2023-06-15,P05,check,quality,fail,墙面空鼓,2023-06-30,,覃晓峰,"照片 IMG_0041, 会议纪要"' > want
same got want
sed '1d; s/$/,/' orig.csv > want
sed '1d; $d' reg/inspections.csv > got
same got want
expect 0 vl-report -C reg audit
has out ',vl-inspect,add-columns,inspections.csv,,columns added: evidence,ok'
has out ',vl-inspect,add,inspections.csv,119,,ok'

# closed with its verifier, note and evidence: three columns more; the
# finding as the inspector wrote it
expect 0 vl-inspect -C reg close 119 --date 2023-06-15 --by 蒙桂芳 \
    --note '已返工, 复查合格' --evidence 复查照片3张
head -n 1 reg/inspections.csv > got
echo 'id,date,project,phase,aspect,result,finding,due,closed,inspector,evidence,closed_by,close_note,close_evidence' > want
same got want
tail -n 1 reg/inspections.csv > got
echo '119,2023-06-15,P05,check,quality,fail,墙面空鼓,2023-06-30,2023-06-15,覃晓峰,"照片 IMG_0041, 会议纪要",蒙桂芳,"已返工, 复查合格",复查照片3张' > want
same got want
expect 0 vl-report -C reg audit
has out ',vl-inspect,add-columns,inspections.csv,,columns added: closed_by close_note close_evidence,ok'
has out ',vl-inspect,close,inspections.csv,119,"closed:  → 2023-06-15; closed_by:  → 蒙桂芳; close_note:  → 已返工, 复查合格; close_evidence:  → 复查照片3张",ok'
[ -s err ] && fail "audit warned: $(cat err)"

# --closed-by, the column's name, is --by; only what is given is set,
# into the columns there now, the file's other rows untouched
cp reg/inspections.csv before.csv
expect 0 vl-inspect -C reg close 78 --closed-by 覃晓峰
grep '^78,' reg/inspections.csv > got
echo '78,2023-03-20,P05,check,safety,fail,脚手架未设防护网，存在高处坠落隐患，已责令停工整改,2023-04-05,2023-06-15,覃晓峰,,覃晓峰,,' > want
same got want
grep -v '^78,' before.csv > want
grep -v '^78,' reg/inspections.csv > got
same got want

# list: the four columns last, in every format
expect 0 vl-inspect -C reg list --project P05 --result fail
tail -n 1 out > got
echo '119,2023-06-15,P05,青山镇,杨柳村,莫伟,蒙红英,check,quality,fail,墙面空鼓,2023-06-30,2023-06-15,覃晓峰,"照片 IMG_0041, 会议纪要",蒙桂芳,"已返工, 复查合格",复查照片3张' > want
same got want
expect 0 vl-inspect -C reg list --project P05 --result fail --format json
has out '"inspector":"覃晓峰","evidence":"照片 IMG_0041, 会议纪要","closed_by":"蒙桂芳","close_note":"已返工, 复查合格","close_evidence":"复查照片3张"}'
expect 0 vl-inspect -C reg list --project P05 --format table --lang zh
has out '检查人  佐证材料                 核查人  整改情况          整改佐证'

# show: the evidence, who verified it, the note and the evidence of it
expect 0 vl-inspect -C reg show P05
has out '         evidence: 照片 IMG_0041, 会议纪要'
has out '         due 2023-06-30, closed 2023-06-15, verified by 蒙桂芳'
has out '         rectified: 已返工, 复查合格'
has out '         close evidence: 复查照片3张'
has out '         due 2023-04-05, closed 2023-06-15, verified by 覃晓峰'
expect 0 vl-inspect -C reg show 119 --lang zh
has out '         佐证材料：照片 IMG_0041, 会议纪要'
has out '         整改期限 2023-06-30，2023-06-15 已销号，核查人 蒙桂芳'
has out '         整改情况：已返工, 复查合格'
has out '         整改佐证：复查照片3张'

# as of a day before the closing: open, and none of its fields shown
expect 0 vl-inspect -C reg list --project P05 --result fail --as-of 2023-06-14 \
    --format json
has out '"closed":"","inspector":"覃晓峰","evidence":"","closed_by":"","close_note":"","close_evidence":""}'
expect 0 vl-inspect -C reg show P05 --as-of 2023-06-14
hasnt out 'verified by'
hasnt out rectified:

# the refusals: exit 2, the reason named, nothing written
snapshot reg > before
expect 2 vl-inspect -C reg close 95 --by "$(printf '黄\n立新')"
has err 'command line: by: a control character or a line break: one line of text'
has err 'nothing written'
expect 2 vl-inspect -C reg close 95 --evidence "$(printf 'a\tb')"
has err 'command line: evidence: a control character or a line break'
expect 2 vl-inspect -C reg close 95 --note "$(printf 'bell\a')"
has err 'close_note: '
has err 'nothing written'
expect 2 vl-inspect -C reg add --project P05 --phase check --aspect safety \
    --result pass --evidence "$(printf 'esc\033[31m')"
has err 'evidence: '
has err 'nothing written'
expect 2 vl-inspect -C reg close 119 --by 蒙桂芳
has err 'inspection 119 is already closed (2023-06-15)'
expect 2 vl-inspect -C reg close 95 --by
has err usage:
snapshot reg > after
same before after

# an old register: a note closed before these columns stays in its
# finding; a new one goes to its column
demo old
printf '900,2023-01-05,P01,check,quality,fail,裂缝 [整改: 已修补],2023-02-01,2023-01-20,甲\n' >> old/inspections.csv
expect 0 vl-inspect -C old close 95 --note 已整改
expect 0 vl-inspect -C old list --format json --as-of 2023-06-15
has out '"finding":"裂缝 [整改: 已修补]","due":"2023-02-01","closed":"2023-01-20","inspector":"甲","evidence":"","closed_by":"","close_note":""'
has out '"id":"95",'
has out '"close_note":"已整改"'
done_
