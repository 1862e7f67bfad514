# vl-inspect list: the filters, as of a day, and the output formats; each
# row names the project's town, village, leader and specialist
. "$TESTS/lib.sh"

demo reg
export VL_AS_OF=2023-06-15
ids() { tail -n +2 out | cut -d, -f1 | tr '\n' ' '; }

# as of 2023-06-15: 116 inspections (117 and 118 come later)
expect 0 vl-inspect -C reg list
lines out 117
head -n 1 out > hdr
printf 'id,date,project,town,village,leader,specialist,phase,aspect,result,finding,due,closed,inspector,evidence,closed_by,close_note,close_evidence\n' > want
same hdr want
has out '12,2022-11-25,P47,东岭镇,红土村,覃勇,张永红,review,quality,fail,设计图纸未经审批即准备施工,2022-12-10,2022-12-08,黄立新'
hasnt out '117,'
# a missing specialist shows as an empty cell, not a shifted row
has out '16,2022-11-27,P18,河口镇,渡头村,苏霞,,review,quality,pass,,,,韦志强'

# open: failed, not closed as of the day (104 is closed on 2023-06-17)
expect 0 vl-inspect -C reg list --open
[ "$(ids)" = "78 95 100 104 112 113 " ] || fail "open: $(ids)"
expect 0 vl-inspect -C reg list --open --as-of 2023-06-20
[ "$(ids)" = "78 95 100 112 113 117 " ] || fail "open 06-20: $(ids)"
# overdue: open and due before the day; 112 is due today, not late
expect 0 vl-inspect -C reg list --overdue
[ "$(ids)" = "78 95 100 104 " ] || fail "overdue: $(ids)"
expect 0 vl-inspect -C reg list --overdue --as-of 2023-04-05
[ "$(ids)" = "" ] || fail "overdue 04-05: $(ids)"
expect 0 vl-inspect -C reg list --overdue --as-of 2023-04-06
[ "$(ids)" = "78 " ] || fail "overdue 04-06: $(ids)"
# --check: exit 1 when anything is listed, for cron
expect 1 vl-inspect -C reg list --overdue --check
lines out 5
expect 0 vl-inspect -C reg list --overdue --check --as-of 2023-01-01
lines out 1

# by project, town, phase, aspect, result, together
expect 0 vl-inspect -C reg list --project P27
[ "$(ids)" = "2 69 73 81 " ] || fail "P27: $(ids)"
expect 0 vl-inspect -C reg list --phase acceptance --result fail
[ "$(ids)" = "95 " ] || fail "acceptance fail: $(ids)"
expect 0 vl-inspect -C reg list --aspect safety --result fail
[ "$(ids)" = "78 113 " ] || fail "safety fail: $(ids)"
expect 0 vl-inspect -C reg list --town 东岭镇 --aspect safety
[ "$(ids)" = "57 71 72 113 " ] || fail "东岭镇 safety: $(ids)"
expect 0 vl-inspect -C reg list --phase review --result fail --open
[ "$(ids)" = "" ] || fail "review open: $(ids)"

# bad filters are usage errors
expect 2 vl-inspect -C reg list --phase audit
has err '--phase: "audit" is not one of review, check, acceptance'
expect 2 vl-inspect -C reg list --aspect colour
has err 'not one of quality, progress, funds, safety'
# a filter that matches nothing is an empty list, not an error
expect 0 vl-inspect -C reg list --project P99
lines out 1
expect 2 vl-inspect -C reg list --format xml
expect 2 vl-inspect -C reg list stray
has err usage:

# json: an array of objects with the same keys
expect 0 vl-inspect -C reg list --overdue --format json
head -n 1 out > first
printf '[\n' > want
same first want
has out '{"id":"78","date":"2023-03-20","project":"P05","town":"青山镇","village":"杨柳村","leader":"莫伟","specialist":"蒙红英","phase":"check","aspect":"safety","result":"fail","finding":"脚手架未设防护网，存在高处坠落隐患，已责令停工整改","due":"2023-04-05","closed":"","inspector":"覃晓峰","evidence":"","closed_by":"","close_note":"","close_evidence":""},'
has out '"finding":"资金支出凭证缺少\"村务监督委员会\"签字"'
tail -n 1 out > last
printf ']\n' > want
same last want
expect 0 vl-inspect -C reg list --open --format json --as-of 2022-01-01
printf '[]\n' > want
same out want

# table: aligned, CJK counted as two columns
expect 0 vl-inspect -C reg list --phase acceptance --result fail --format table
printf '%s\n' 'id  date        project  town    village  leader  specialist  phase       aspect   result  finding                         due         closed  inspector  evidence  closed_by  close_note  close_evidence' \
    '95  2023-04-25  P36      石桥镇  田心村   覃志强  杨红英      acceptance  quality  fail    墙面抹灰空鼓开裂，门窗安装不牢  2023-05-25          黄立新' > want
same out want

# excel: BOM and CRLF
expect 0 vl-inspect -C reg list --project P41 --excel
head -c 3 out | od -An -tx1 | tr -d ' \n' > bom
printf 'efbbbf' > want
same bom want
has out "$(printf '113,2023-06-01,P41,东岭镇,云岩村,罗玉珍,蒙爱民,check,safety,fail,施工现场未设安全警示标志，基坑边缘无防护栏杆,2023-06-25,,黄立新,,,,\r')"

# a write error is a system fault, not success
vl-inspect -C reg list > /dev/full 2> err
[ $? = 3 ] || fail "list > /dev/full did not exit 3"
done_
