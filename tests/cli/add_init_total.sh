# vl-add init: a district named as a roll-up's reports name their totals
# row ("total" in any case, "合计") is refused as a roll-up refuses it,
# exit 2, FILE:LINE: district:, nothing made; an existing register of that
# name stays readable, and vl-add warns of it when writing to it
. "$TESTS/lib.sh"

msg='is what a roll-up'"'"'s reports call their totals row (total, 合计): this district could not be told from the total; give its plan.json another "district"'
for name in total TOTAL 合计; do
	demo_plan bad.json "{\"district\": \"$name\"}"
	rm -rf reg
	expect 2 vl-add -C reg init --plan bad.json
	has err "bad.json:1: district: \"$name\" $msg"
	[ -e reg/plan.json ] && fail "a register was made of district \"$name\""
	LANG=zh_CN.UTF-8 LC_ALL= expect 2 vl-add -C reg init --lang zh --plan bad.json
	has err "合计行"
	[ -e reg/plan.json ] && fail "a register was made of district \"$name\""
done
# a name that only begins so is a name
demo_plan ok.json '{"district": "totals"}'
expect 0 vl-add -C ok init --plan ok.json

# a register so named already: read, and written to with a warning
demo reg
demo_plan reg/plan.json '{"district": "Total"}'
expect 0 vl-report -C reg progress --as-of 2023-06-15
hasnt err "totals row"
expect 0 vl-add -C reg fund --kind receipt --level city --source finance \
    --amount 1 --date 2023-06-01
has err "reg/plan.json:1: district: \"Total\" $msg"
done_
