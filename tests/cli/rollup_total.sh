# roll-up (SPEC 9): a district named as the reports name their totals row
# ("total", "合计" in Chinese pages, any case) could not be told from the
# total in progress --by district, overdue --by district or a district's
# towns: refused in a roll-up, exit 2, its plan.json named, nothing printed
. "$TESTS/lib.sh"

cp -R "$SHARE/rollup" r
day="--as-of 2023-06-15"
# 白水区's register under another name
named() {
	rm -rf "$1"
	cp -R r/baishui "$1"
	python3 - "$1/plan.json" "$2" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
if sys.argv[2]:
    p["district"] = sys.argv[2]
else:
    del p["district"]
json.dump(p, open(sys.argv[1], "w"), ensure_ascii=False)
PY
}

for name in total 合计 Total; do
	named t "$name"
	for cmd in "vl-report progress --by district" \
	    "vl-report overdue --by district" "vl-report progress" \
	    "vl-report summary" "vl-fund sum --by district" \
	    "vl-inspect list"; do
		expect 2 $cmd -C r/qingshan -C t $day
		has err "t/plan.json: district: \"$name\" is what a roll-up's reports call their totals row (total, 合计): this district could not be told from the total; give its plan.json another \"district\""
		[ -s out ] && fail "$cmd with a district \"$name\" printed: $(head -3 out)"
	done
done
expect 2 vl-report -C r/qingshan -C t overdue $day --lang zh
has err "合计行"
# named after its directory, total, as well
mkdir d
named d/total ""
expect 2 vl-report -C r/qingshan -C d/total progress --by district $day
has err "d/total/plan.json: district: \"total\" is what"
# read alone, a register of that name is no roll-up: no total to mistake
named t total
expect 0 vl-report -C t progress $day
# names that only begin or end so are names
for name in totals 合计区 "total 2"; do
	named t "$name"
	expect 0 vl-report -C r/qingshan -C t progress --by district $day
	has out "$name,"
	has out "total,,"
done
done_
