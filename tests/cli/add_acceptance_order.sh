# An acceptance passes only a completed project (vl-inspect add refuses
# one before the completion); the same rule from the progress side:
# the completion a passed acceptance stands on is not voided (void the
# acceptance first), and a completion dated after a passed acceptance is
# refused, exit 2, nothing written.  Else progress counted a project
# accepted and not completed, and an impossible history stood.
. "$TESTS/lib.sh"

demo reg
export VL_AS_OF=2023-07-01
done_id=$(awk -F, '$3 == "P03" && $4 == "completed" { print $1 }' reg/progress.csv)
[ -n "$done_id" ] || fail "the demo has no completion of P03"
expect 0 vl-inspect -C reg add --project P03 --phase acceptance \
    --aspect quality --result pass --date 2023-06-28
acc=$(cat out)

# the completion is not voided while the acceptance stands on it
snapshot reg > before
expect 2 vl-add -C reg void progress "$done_id" --reason "竣工日期错"
has err "progress.csv:"
has err ": stage: progress $done_id is the completion of P03"
has err "void that acceptance first"
has err "nothing written"
snapshot reg > after
same before after
expect 0 vl-report -C reg progress --by project --project P03
grep -q ',accepted,.*,2023-05-25,2023-06-28,' out || fail "P03 not accepted"

# the acceptance voided first, then the completion: both go
expect 0 vl-add -C reg void inspection "$acc" --reason "验收录早了"
expect 0 vl-add -C reg void progress "$done_id" --reason "竣工日期错"
expect 0 vl-report -C reg progress --project P03
has out "total,1,1,1,0,0,"

# a register with an acceptance and no completion (written by hand, or
# before this rule): a completion after that acceptance is refused ...
awk -F, 'NR == 1 { n = NF } END { r = "900,2023-06-28,P03,acceptance,"
    r = r "quality,pass,,,,王五"; for (i = 11; i <= n; i++) r = r ","
    print r }' reg/inspections.csv > row && cat row >> reg/inspections.csv
adopt reg
snapshot reg > before
expect 2 vl-add -C reg progress --project P03 --stage completed \
    --date 2023-06-30
has err "command line: date: completed 2023-06-30 is after P03 passed its acceptance (2023-06-28)"
printf 'date,project,stage\n2023-06-30,P03,completed\n' > late.csv
expect 2 vl-add -C reg progress --import late.csv
has err "late.csv:2: date: completed 2023-06-30 is after P03"
snapshot reg > after
same before after
# ... and one on or before it taken
expect 0 vl-add -C reg progress --project P03 --stage completed \
    --date 2023-06-28
expect 0 vl-report -C reg progress --by project --project P03
grep -q ',accepted,.*,2023-06-28,2023-06-28,' out || fail "P03: $(cat out)"
expect 0 vl-report -C reg audit
done_
