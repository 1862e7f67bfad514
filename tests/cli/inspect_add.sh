# vl-inspect add: ids, the default date, a finding stored as one quoted row
# and read back as written, and every refusal leaving the register as it was
. "$TESTS/lib.sh"

demo reg
export VL_AS_OF=2023-06-15

# a finding with commas, quotes and Chinese text: one row, read back whole
finding='脚手架未设防护网, 立杆间距"过大"，需整改'
expect 0 vl-inspect -C reg add --project P05 --phase check --aspect safety \
    --result fail --finding "$finding" --due 2023-06-30 --inspector 覃晓峰
printf '119\n' > want
same out want
tail -n 1 reg/inspections.csv > row
printf '%s\n' '119,2023-06-15,P05,check,safety,fail,"脚手架未设防护网, 立杆间距""过大""，需整改",2023-06-30,,覃晓峰' > want
same row want
lines reg/inspections.csv 120
expect 0 vl-inspect -C reg list --project P05 --open
printf '%s\n' 'id,date,project,town,village,leader,specialist,phase,aspect,result,finding,due,closed,inspector,evidence,closed_by,close_note,close_evidence' \
    '78,2023-03-20,P05,青山镇,杨柳村,莫伟,蒙红英,check,safety,fail,脚手架未设防护网，存在高处坠落隐患，已责令停工整改,2023-04-05,,覃晓峰,,,,' \
    '119,2023-06-15,P05,青山镇,杨柳村,莫伟,蒙红英,check,safety,fail,"脚手架未设防护网, 立杆间距""过大""，需整改",2023-06-30,,覃晓峰,,,,' > want
same out want
expect 0 vl-inspect -C reg list --project P05 --open --format json
has out '"finding":"脚手架未设防护网, 立杆间距\"过大\"，需整改"'

# ids: the largest numeric id plus one, or the one given; --date
expect 0 vl-inspect -C reg add --project P12 --phase check --aspect funds \
    --result pass --date 2023-06-10 --inspector 韦志强
has out 120
expect 0 vl-inspect -C reg add --id 500 --project P12 --phase check \
    --aspect progress --result pass
has out 500
expect 0 vl-inspect -C reg add --project P12 --phase check --aspect quality \
    --result pass
has out 501
has reg/inspections.csv '120,2023-06-10,P12,check,funds,pass,,,,韦志强'
has reg/inspections.csv '501,2023-06-15,P12,check,quality,pass,,,,'

# an acceptance passes a project completed on or before its date
expect 0 vl-inspect -C reg add --project P16 --phase acceptance \
    --aspect quality --result pass --date 2023-05-16
has out 502

# every refusal: exit 2, the reason named, nothing written
snapshot reg > before
refuse() {
	why=$1; shift
	expect 2 vl-inspect -C reg add "$@"
	has err "$why"
	has err "nothing written"
}
refuse 'finding: a failed inspection needs a finding' --project P05 \
    --phase check --aspect safety --result fail --due 2023-06-30
refuse 'due: a failed inspection needs a due date' --project P05 \
    --phase check --aspect safety --result fail --finding 裂缝
refuse 'due: 2023-06-15 must be after the inspection date 2023-06-15' \
    --project P05 --phase check --aspect safety --result fail \
    --finding 裂缝 --due 2023-06-15
refuse 'due: 2023-06-01 must be after' --project P05 --phase check \
    --aspect safety --result fail --finding 裂缝 --due 2023-06-01
refuse 'result: an acceptance can pass only a completed project; P05 has no completed progress entry' \
    --project P05 --phase acceptance --aspect quality --result pass
# P30 completed 2023-06-05: not yet on 2023-06-01
refuse 'P30 completed 2023-06-05, after 2023-06-01' --project P30 \
    --phase acceptance --aspect quality --result pass --date 2023-06-01
# P19's completion (2023-06-17) is recorded but after the acceptance
refuse 'P19 completed 2023-06-17, after 2023-06-15' --project P19 \
    --phase acceptance --aspect quality --result pass
refuse 'project: no such project: "P99"' --project P99 --phase check \
    --aspect safety --result pass
refuse 'phase: "audit" is not one of review, check, acceptance' \
    --project P01 --phase audit --aspect safety --result pass
refuse 'aspect: "colour" is not one of quality, progress, funds, safety' \
    --project P01 --phase check --aspect colour --result pass
refuse 'result: "ok" is not one of pass, fail' --project P01 --phase check \
    --aspect safety --result ok
refuse 'due: a passed inspection has nothing to rectify' --project P01 \
    --phase check --aspect safety --result pass --due 2023-07-01
refuse 'id: "78" is already in inspections.csv' --id 78 --project P01 \
    --phase check --aspect safety --result pass
refuse 'date: no such day: "2023-02-29"' --project P01 --phase check \
    --aspect safety --result pass --date 2023-02-29
refuse 'project: missing' --phase check --aspect safety --result pass
# a failed acceptance of an unfinished project is fine, but not here:
# it still needs its finding
refuse 'finding: a failed inspection needs a finding' --project P05 \
    --phase acceptance --aspect quality --result fail --due 2023-07-01
expect 2 vl-inspect -C reg add --project P01 --colour red
has err "usage:"
expect 2 vl-inspect -C reg add --project P01 --phase check --aspect safety \
    --result pass extra-operand
has err "usage:"
expect 2 vl-inspect -C nowhere add --project P01 --phase check \
    --aspect safety --result pass
has err "not a vl register"
snapshot reg > after
same before after

# what was added is in the audit trail
has reg/audit.csv ',vl-inspect,add,inspections.csv,119,'
done_
