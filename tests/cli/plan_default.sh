# An old plan.json means exactly what it meant before the plan could
# define levels, sources, aspects, milestones and accept_within: every
# report of the demo register (as of c988726, kept in
# tests/fixtures/demo-c988726 so a new demo leaves this test alone) is
# byte for byte what the tools of c988726 printed: their checksums in
# tests/fixtures/plan-default.sha256, made by tests/tools/plan_outputs.sh
# with those tools (but for since.table-zh and since.excel-zh, whose
# kinds and details are Chinese since 2b9d28f, and the Chinese outputs
# that name the equipment purpose, 办公用品配置 where they said 设备 before
# session 32, the progress tables, whose shares are aligned right since
# session 33, and the since.* outputs, which list the demo's voided
# progress entry since session 33: their sums are of the tools after);
# and so is every report of a copy whose plan spells out each default.
. "$TESTS/lib.sh"

sums() { (cd "$1" && find . -type f | LC_ALL=C sort | xargs sha256sum); }

cp -R "$TESTS/fixtures/demo-c988726" reg
sh "$TESTS/tools/plan_outputs.sh" reg before
sums before > got
same "$TESTS/fixtures/plan-default.sha256" got

# the defaults said in so many words mean the same
cp -R "$TESTS/fixtures/demo-c988726" spelled
python3 - spelled/plan.json <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
p['levels'] = ['central', 'region', 'city', 'district']
p['sources'] = ['finance', 'party_fee']
p['aspects'] = ['quality', 'progress', 'funds', 'safety']
p['milestones'] = []
p['accept_within'] = 30
json.dump(p, open(sys.argv[1], 'w'), ensure_ascii=False, indent=2)
PY
sh "$TESTS/tools/plan_outputs.sh" spelled after
# the plan edited by hand here: vl-fund check says so, and nothing else
has after/check.csv-en "spelled/plan.json: changed outside the vl tools"
sed -i '/^vl-fund: spelled\/plan.json: /d' after/check.*
sums after > got2
same "$TESTS/fixtures/plan-default.sha256" got2
[ -s got ] && [ "$(wc -l < got)" -gt 100 ] || fail "too few outputs"
done_
