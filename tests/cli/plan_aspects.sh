# aspects in plan.json: the aspects of inspection the register takes, in
# place of quality, progress, funds and safety; add, import, list
# --aspect and the reports take the plan's words and refuse others
. "$TESTS/lib.sh"

export VL_AS_OF=2023-06-15
demo_plan plan.json '{"aspects": ["quality", "safety", "indicators"]}'
vl-add -C reg init --plan plan.json > /dev/null
vl-add -C reg project --id P1 --town 青山镇 --village 松林村 --leader 蓝霞 \
    --specialist 廖燕 --budget 100 > /dev/null

# the plan's new word is taken, with a finding late on the overdue list
expect 0 vl-inspect -C reg add --project P1 --phase acceptance \
    --aspect indicators --result fail --finding 未达整村推进指标 \
    --due 2023-06-01 --date 2023-05-20
expect 0 vl-inspect -C reg list --aspect indicators
lines out 2
has out ",acceptance,indicators,fail,未达整村推进指标,"
expect 0 vl-report -C reg overdue --kind rectification
has out "rectification,P1,"
has out "indicators"
# in Chinese tables the word is said in Chinese
expect 0 vl-inspect -C reg list --format table --lang zh
has out "整村推进指标"
hasnt out "indicators"

# a word of the default list the plan leaves out is refused, nothing
# written; the message names the plan's words
snapshot reg > before
expect 2 vl-inspect -C reg add --project P1 --phase check --aspect funds \
    --result pass
has err 'aspect: "funds" is not one of quality, safety, indicators'
printf 'id,date,project,phase,aspect,result,finding,due,closed,inspector\n9,2023-05-21,P1,check,progress,pass,,,,\n' > imp.csv
expect 2 vl-inspect -C reg add --import imp.csv
has err 'aspect: "progress" is not one of quality, safety, indicators'
snapshot reg > after
same before after
# an aspect taken out of plan.json by hand after rows of it were
# written: readers refuse those rows, and so does the writer, with the
# readers' message, nothing written
cp -R reg cut
python3 - cut/plan.json <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
p['aspects'].remove('indicators')
json.dump(p, open(sys.argv[1], 'w'), ensure_ascii=False)
PY
expect 2 vl-inspect -C cut list
grep 'inspections.csv:[0-9]*: aspect: "indicators" is not one of' err > want
lines want 1
snapshot cut > before
expect 2 vl-inspect -C cut add --project P1 --phase check --aspect quality \
    --result pass
grep 'inspections.csv:[0-9]*: ' err > got
same want got
has err "nothing written"
snapshot cut > after
same before after

# a filter value outside the plan's words is a usage error
expect 2 vl-inspect -C reg list --aspect funds
has err '--aspect: "funds" is not one of quality, safety, indicators'

# a register whose plan names no aspects: the four of before
vl-add -C old init --plan "$SHARE/demo/plan.json" > /dev/null
expect 2 vl-inspect -C old list --aspect indicators
has err '--aspect: "indicators" is not one of quality, progress, funds, safety'
expect 0 vl-inspect -C old list --aspect funds

# a plan's list of words: plain words, none twice, not empty
refuse_plan aspects '[]' '["quality", "quality"]' '["整村"]' '["a b"]' \
    '"quality"'
done_
