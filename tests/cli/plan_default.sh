# An old plan.json means exactly what it meant before the plan could
# define levels, sources, aspects, milestones and accept_within: every
# report of the demo register (as of c988726, kept in
# tests/fixtures/demo-c988726 so a new demo leaves this test alone) is
# byte for byte what the tools of c988726 printed: their checksums in
# tests/fixtures/plan-default.sha256, made by tests/tools/plan_outputs.sh
# with those tools.
. "$TESTS/lib.sh"

sums() { (cd "$1" && find . -type f | LC_ALL=C sort | xargs sha256sum); }

cp -R "$TESTS/fixtures/demo-c988726" reg
sh "$TESTS/tools/plan_outputs.sh" reg before
sums before > got
same "$TESTS/fixtures/plan-default.sha256" got

[ -s got ] && [ "$(wc -l < got)" -gt 100 ] || fail "too few outputs"
done_
