# Corrections through the tools, each in the audit trail with the old and
# new values and the reason: amend project, void progress|inspection,
# fund --reverses.  Every refusal exits 2, says why and what to do, and
# writes nothing.
. "$TESTS/lib.sh"

demo reg
export VL_AS_OF=2023-06-30
# refused ID... : exit 2, the message, "nothing written", no byte changed
refused() {
	snapshot reg > before
	expect 2 "$@"
	has err "nothing written"
	snapshot reg > after
	same before after
}

# ---- amend project ------------------------------------------------------
expect 0 vl-add -C reg amend project P18 --specialist 李明 --budget 36940 \
    --reason "补录专干"
has reg/projects.csv 'P18,河口镇,渡头村,苏霞,李明,36940.00,'
expect 0 vl-report -C reg audit
# the budget given as it stands (36940.00) is no change: the audit line
# lists the specialist only
has out ',amend,projects.csv,P18,specialist:  → 李明; reason: 补录专干; dated: 2023-06-30,ok'
hasnt out 'budget: 36940.00 → 36940.00'
refused vl-add -C reg amend project P18 --specialist 李明 --reason again
has err "P18 holds these values already: nothing to amend"
refused vl-add -C reg amend project P18 --budget 36940 --specialist 李明 \
    --reason again
has err "P18 holds these values already: nothing to amend"
refused vl-add -C reg amend project P18 --leader 王五
has err "reason: missing: a correction says why (--reason TEXT)"
refused vl-add -C reg amend project P18 --leader 王五 --reason "$(printf 'a\nb')"
has err "reason: a control character or a line break: one line of text"
refused vl-add -C reg amend project P18 --reason "nothing given"
has err "nothing to amend: give the fields to change"
refused vl-add -C reg amend project P02 --town 青山镇 --village 松林村 --reason x
has err "village: 青山镇 松林村 has a project already (P01): one project a village"
refused vl-add -C reg amend project P02 --budget 30000 --reason x
has err "budget: 30000.00 is below what is allocated to P02 already (36940.00): reverse an allocation first"
refused vl-add -C reg amend project P02 --leader "" --reason x
has err "leader: missing: every project names its leader and specialist"
refused vl-add -C reg amend project P99 --leader x --reason x
has err 'no project "P99"'
# the id typed in another letter case: the one there is named
refused vl-add -C reg amend project p02 --leader x --reason x
has err 'reg/projects.csv: id: no project "p02": there is "P02" (an id is given in its own letter case)'
refused vl-add -C reg void progress 99 --reason x
has err 'no progress entry "99"'
hasnt err 'there is'
refused vl-add -C reg amend project P02 --budget lots --reason x
has err 'budget: not an amount: "lots"'
# a value of the wrong form is the command line's, not a line of
# projects.csv (which holds none of it): said so, as vl-add project says
for a in '--budget lots' '--start_by 2023-02-30' '--complete_by soon' \
    '--mode big' '--area 1.5'; do
	# shellcheck disable=SC2086
	refused vl-add -C reg amend project P02 $a --reason x
	f=${a%% *}
	has err "vl-add: command line: ${f#--}: "
	hasnt err "projects.csv:"
done
expect 2 vl-add -C reg amend project P02 --id P03 --reason x
has err "usage:"

# ---- void ---------------------------------------------------------------
# P19's completion (2023-06-17) typed before the works were done
id=$(grep ',P19,completed,' reg/progress.csv | cut -d, -f1)
expect 0 vl-add -C reg void progress "$id" --reason "尚未完工" --date 2023-06-20
grep "^$id," reg/progress.csv > got
echo "$id,2023-06-17,P19,completed,,2023-06-20,尚未完工" > want
same got want
# counted until the void, ignored from that day on
expect 0 vl-report -C reg progress --by project --as-of 2023-06-19
grep '^P19,' out | cut -d, -f9 > got
echo 2023-06-17 > want
same got want
expect 0 vl-report -C reg progress --by project --as-of 2023-06-20
grep '^P19,' out | cut -d, -f9 > got
echo > want
same got want
# show lists it as void
expect 0 vl-inspect -C reg show P19
has out "voided (1)"
has out "  progress   #$(printf '%-5s' "$id") 2023-06-17  completed  void 2023-06-20: 尚未完工"
# in Chinese, its count in full-width brackets as the other headings'
expect 0 vl-inspect -C reg show P19 --lang zh
has out "已作废（1）"
has out "检查记录（"
# the project's entries: void from that day
expect 0 vl-report -C reg progress --entries --project P19
has out "$id,2023-06-17,P19,completed,,void,2023-06-20,尚未完工"
expect 0 vl-report -C reg progress --entries --project P19 --as-of 2023-06-19
has out "$id,2023-06-17,P19,completed,,counted,,"
expect 0 vl-report -C reg progress --entries --project P99
lines out 1
expect 0 vl-report -C reg audit
has out ",void,progress.csv,$id,voided:  → 2023-06-20; void_reason:  → 尚未完工; reason: 尚未完工,ok"
refused vl-add -C reg void progress "$id" --reason again
has err "progress entry $id was voided on 2023-06-20 already (尚未完工); nothing to do"
refused vl-add -C reg void progress 999 --reason x
has err 'no progress entry "999"'
refused vl-add -C reg void inspection 78 --reason x --date 2023-07-01
has err "date: 2023-07-01 is after today (2023-06-30): a correction is dated when it is made"
refused vl-add -C reg void inspection 78
has err "reason: missing"
expect 2 vl-add -C reg void funds 3 --reason x
has err "usage:"
# an inspection voided: its finding no longer on the list, shown as void
expect 0 vl-add -C reg void inspection 78 --reason "重复录入"
expect 0 vl-report -C reg overdue
hasnt out '#78 '
expect 0 vl-inspect -C reg show 78
has out "  inspection #78    2023-03-20  check      void 2023-06-30: 重复录入"
expect 0 vl-inspect -C reg list --open
hasnt out '78,2023-03-20'

# ---- reversals ----------------------------------------------------------
expect 0 vl-add -C reg fund --reverses 150 --reason "重复支付" --date 2023-06-29
echo 189 > want
same out want
tail -n 1 reg/funds.csv > got
echo '189,2023-06-29,expense,,,P09,construction,-10539.00,重复支付,150' > want
same got want
refused vl-add -C reg fund --reverses 150 --reason again
has err "reverses: entry 150 was reversed already, by entry 189"
refused vl-add -C reg fund --reverses 189 --reason x
has err "reverses: entry 189 is itself a reversal, which is never reversed: record the entry again instead"
refused vl-add -C reg fund --reverses 110 --reason x
has err "reverses: entry 110 is itself a reversal"
refused vl-add -C reg fund --reverses 108 --reason x
has err "entry 108 was reversed already, by entry 110"
refused vl-add -C reg fund --reverses 999 --reason x
has err 'no fund entry "999"'
# reversed twice in one import: the first reversal named by its line,
# not by the id it would have had (nothing is written)
printf 'date,kind,level,source,project,purpose,amount,note,reverses\n2023-06-29,expense,,,P38,equipment,-5944.39,退货,151\n2023-06-29,expense,,,P38,equipment,-5944.39,退货2,151\n' > rev2.csv
refused vl-add -C reg fund --import rev2.csv
has err "rev2.csv:3: reverses: entry 151 is reversed by line 2 of this file already"
hasnt err "by entry"
refused vl-add -C reg fund --reverses 151
has err "reason: missing"
# a fund entry voided as a row is: said what to do instead
refused vl-add -C reg void fund 151 --reason x
has err "vl-add: command line: void: a fund entry is never voided: reverse it (vl-add fund --reverses 151 --reason TEXT)"
expect 2 vl-add -C reg fund --reverses 151 --amount 5 --reason x
has err "usage:"
refused vl-add -C reg fund --kind expense --project P02 --purpose equipment \
    --amount -5 --date 2023-06-29
has err "amount: -5: a negative amount undoes an entry: reverse that entry instead (vl-add fund --reverses ID --reason TEXT)"
refused vl-add -C reg fund --kind expense --project P02 --purpose equipment \
    --amount 0 --date 2023-06-29
has err "amount: a zero amount records nothing; leave the entry out"
# a reversal imported by hand must be the exact negation
printf 'date,kind,level,source,project,purpose,amount,note,reverses\n2023-06-29,expense,,,P02,construction,-1.00,x,151\n' > rev.csv
refused vl-add -C reg fund --import rev.csv
has err "reverses: a reversal is the exact negation of entry 151"
# vl-fund check: every correction holds
expect 0 vl-fund -C reg check
hasnt out reversal
printf '190,2023-06-29,expense,,,P02,construction,-1.00,by hand,151\n' >> reg/funds.csv
expect 1 vl-fund -C reg check 2> /dev/null
has out 'reversal,190,,-1.00,,discrepancy,"reg/funds.csv:191: entry 190 is not the exact negation of 151 (-5944.39, the same kind'
printf '191,2023-06-29,expense,,,P02,construction,-2.00,by hand,\n' >> reg/funds.csv
expect 1 vl-fund -C reg check 2> /dev/null
has out 'entry 191: a negative amount that names no entry it reverses'

# ---- a reversal is dated on or after the entry it reverses -------------
# (else as of a day between it stands and the entry does not: vl-fund
# check then finds a reversal of nothing)
demo reg
refused vl-add -C reg fund --reverses 151 --reason x --date 2023-04-19
has err "date: 2023-04-19 is before entry 151 (2023-04-20): a reversal is dated on or after the entry it reverses; give --date 2023-04-20 or later"
printf 'date,kind,level,source,project,purpose,amount,note,reverses\n2023-04-19,expense,,,P38,equipment,-5944.39,x,151\n' > early.csv
refused vl-add -C reg fund --import early.csv
has err "early.csv:2: date: 2023-04-19 is before entry 151 (2023-04-20)"
expect 0 vl-add -C reg fund --reverses 151 --reason "当日冲销" --date 2023-04-20
expect 0 vl-fund -C reg check --as-of 2023-04-20
hasnt out reversal

# ---- a row of the journal the readers refuse ---------------------------
# is said of funds.csv, where it is (it was said of plan.json, whose name
# the display buffer held by then), once, and the reversal refused: a
# journal the readers refuse is not written to, whether the row comes
# before the entry reversed or after it
demo reg
sed -i '3s/,region,/,county,/' reg/funds.csv
refused vl-add -C reg fund --reverses 5 --reason x
has err 'reg/funds.csv:3: level: "county" is not one of central, region, city, district'
hasnt err plan.json
[ "$(grep -c 'funds.csv:3:' err)" = 1 ] || fail "said more than once: $(cat err)"
refused vl-add -C reg fund --reverses 1 --reason x
has err 'reg/funds.csv:3: level: "county"'

# ---- a reversal keeps what rests on it true ----------------------------
# an allocation reversed while its project's spending stands, a receipt
# while what was allocated from it stands: refused, as a new expense
# above the allocations is; money merely not there yet is pending
demo reg
refused vl-add -C reg fund --reverses 1 --reason x
has err "amount: received 1846600.00, allocated 1730770.00, this reversal -1000000.00: the allocations would be over the receipts by 884170.00; reverse allocations first"
refused vl-add -C reg fund --reverses 44 --reason x
has err "amount: P38: allocated 36940.00, spent 34494.39, this reversal -36940.00: the spending would be over the allocations by 34494.39; reverse the expenses first"
printf 'date,kind,level,source,project,purpose,amount,note,reverses\n2023-06-29,allocation,,,P38,,-36940.00,x,44\n' > unalloc.csv
refused vl-add -C reg fund --import unalloc.csv
has err "unalloc.csv:2: amount: P38: allocated 36940.00, spent 34494.39"
# what is left received still covers the allocations: pending, taken
expect 0 vl-add -C reg fund --reverses 5 --reason "未到位"
# the expenses reversed first, then the allocation
for e in 83 144 151 44; do
	expect 0 vl-add -C reg fund --reverses $e --reason "项目取消"
done
expect 0 vl-fund -C reg check
hasnt out discrepancy

# ---- a reversal imported is a correction like --reverses --------------
# its note is its reason, never empty, and its audit line names the entry
# it reverses, the amount and the reason, as --reverses writes them
demo reg
printf 'date,kind,level,source,project,purpose,amount,note,reverses\n2023-06-29,expense,,,P38,equipment,-5944.39,,151\n' > bare.csv
refused vl-add -C reg fund --import bare.csv
has err "bare.csv:2: note: missing: a reversal says why it undoes entry 151 (its reason in the note)"
printf 'date,kind,level,source,project,purpose,amount,note,reverses\n2023-06-29,expense,,,P38,equipment,-5944.39,重复支付,151\n' > why.csv
expect 0 vl-add -C reg fund --import why.csv
expect 0 vl-report -C reg audit
has out ',add,funds.csv,189,reverses 151: amount -5944.39; reason: 重复支付,ok'

# ---- a start is never after what follows it -----------------------------
# P19 started 2022-12-09 (progress 15), completed 2023-06-17 (92): the
# start is not voided while the completion stands on it alone, else the
# register holds a completion without a start (and a start typed again
# after it would be taken)
demo reg
refused vl-add -C reg void progress 15 --reason "日期错误"
has err "progress.csv:16: stage: progress 15 is the start of P19, and completed stands on it (progress 92, 2023-06-17): void progress 92 first, then this one"
expect 0 vl-add -C reg void progress 92 --reason "日期错误"
expect 0 vl-add -C reg void progress 15 --reason "日期错误"
expect 0 vl-add -C reg progress --project P19 --stage started --date 2022-12-12
expect 0 vl-add -C reg progress --project P19 --stage completed --date 2023-06-17
# what follows a start, voided since, stands on it until its void: the
# start voided on an earlier day would leave it standing without a start
# as of the days between (overdue: not started; show: completed).
# Refused, the day to give; on that day, taken.  So a completion and an
# acceptance voided since.
demo reg
expect 0 vl-add -C reg void progress 92 --reason "日期错误"
snapshot reg > before
refused vl-add -C reg void progress 15 --reason "日期错误" --date 2023-06-20
has err "progress.csv:16: voided: progress 15 is the start of P19, and completed stands on it until its void on 2023-06-30 (progress 92, 2023-06-17): as of the days between, it would stand without a start; give --date 2023-06-30 or later"
snapshot reg > after
same before after
expect 0 vl-add -C reg void progress 15 --reason "日期错误" --date 2023-06-30
expect 0 vl-add -C reg void inspection 75 --reason "录错"
refused vl-add -C reg void progress 50 --reason "录错" --date 2023-06-01
has err "progress.csv:51: voided: progress 50 is the completion of P42, and acceptance 75 stands on it until its void on 2023-06-30: as of the days between, the project would be accepted and not completed; give --date 2023-06-30 or later"
expect 0 vl-add -C reg void progress 50 --reason "录错"
# a register an older vl left so (P21's start voided by it while its
# completion, 2023-05-04, stood): a start after that completion is
# refused; one before it taken
sed 's/^16,2022-12-10,P21,started,,,$/16,2022-12-10,P21,started,,2023-06-01,x/' \
    reg/progress.csv > p.csv && cat p.csv > reg/progress.csv
refused vl-add -C reg progress --project P21 --stage started --date 2023-05-10
has err "date: started 2023-05-10 is after P21 was completed (2023-05-04, progress 78): give the right --date, or void progress 78 first if the completion is wrong"
expect 0 vl-add -C reg progress --project P21 --stage started --date 2022-12-10 2> /dev/null
done_
