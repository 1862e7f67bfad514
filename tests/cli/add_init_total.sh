# vl-add init: a district named as a roll-up's reports name their totals
# row ("total" in any case, "合计") is refused as a roll-up refuses it,
# exit 2, FILE:LINE: district:, nothing made, and so is a plan without a
# district in a directory of that name; an existing register of that
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

# a plan without a district, in a directory of that name: a roll-up
# names the register after its directory and refuses it; refused alike
python3 - "$SHARE/demo/plan.json" nodistrict.json <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
p.pop("district", None)
json.dump(p, open(sys.argv[2], "w"), ensure_ascii=False)
PY
for name in total TOTAL 合计; do
	rm -rf d
	expect 2 vl-add -C "d/$name" init --plan nodistrict.json
	has err "nodistrict.json: district: none, so a roll-up names this register after its directory, \"$name\", which is what a roll-up's reports call their totals row (total, 合计): this district could not be told from the total; give its plan.json a \"district\""
	[ -e "d/$name" ] && fail "a register was made in d/$name"
	mkdir -p "d/$name"
	here=$PWD
	cd "d/$name"
	vl-add -C . init --plan "$here/nodistrict.json" 2> "$here/err"
	got=$?
	cd "$here"
	[ "$got" = 2 ] || fail "init -C . in d/$name exited $got, expected 2"
	has err "directory, \"$name\", which is what"
	[ -e "d/$name/plan.json" ] && fail "a register was made in d/$name (.)"
	LANG=zh_CN.UTF-8 LC_ALL= expect 2 vl-add -C "d/$name/" init --lang zh \
	    --plan nodistrict.json
	has err "合计行"
	[ -e "d/$name/plan.json" ] && fail "a register was made in d/$name/"
done
# with a district, or in a directory of another name, it is made
expect 0 vl-add -C d/total init --plan ok.json
expect 0 vl-add -C d/totals init --plan nodistrict.json
# the template, which has no district: made, a district asked for
expect 0 vl-add -C t/total init
has err 't/total: give plan.json a "district": a roll-up would name this register after its directory, "total"'

# a register of that directory without a district already (its plan
# edited since, or made from the template): written to with a warning,
# as one whose district is so named
demo w/total
python3 - w/total/plan.json <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
p.pop("district", None)
json.dump(p, open(sys.argv[1], "w"), ensure_ascii=False)
PY
expect 0 vl-add -C w/total fund --kind receipt --level city --source finance \
    --amount 1 --date 2023-06-01
has err 'w/total: give plan.json a "district": a roll-up would name this register after its directory, "total"'
expect 0 vl-report -C w/total progress --as-of 2023-06-15
hasnt err 'give plan.json'

# a register so named already: read, and written to with a warning
demo reg
demo_plan reg/plan.json '{"district": "Total"}'
expect 0 vl-report -C reg progress --as-of 2023-06-15
hasnt err "totals row"
expect 0 vl-add -C reg fund --kind receipt --level city --source finance \
    --amount 1 --date 2023-06-01
has err "reg/plan.json:1: district: \"Total\" $msg"
done_
