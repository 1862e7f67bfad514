# the same filters on vl-inspect list and sample and vl-fund sum and
# balance: spelled alike, a value twice is either, two filters both
. "$TESTS/lib.sh"

demo reg
export VL_AS_OF=2023-06-15
ids() { tail -n +2 out | cut -d, -f1 | tr '\n' ' '; }

# inspect list: by leader, specialist, village, inspector; OR and AND
expect 0 vl-inspect -C reg list
cp out all
col() { awk -F, -v c="$1" -v a="$2" 'NR > 1 && $c == a { print $1 }' all | tr '\n' ' '; }
expect 0 vl-inspect -C reg list --leader 覃勇
[ "$(ids)" = "$(col 6 覃勇)" ] || fail "list --leader: $(ids)"
expect 0 vl-inspect -C reg list --specialist 张永红
[ "$(ids)" = "$(col 7 张永红)" ] || fail "list --specialist: $(ids)"
expect 0 vl-inspect -C reg list --village 红土村
[ "$(ids)" = "$(col 5 红土村)" ] || fail "list --village: $(ids)"
expect 0 vl-inspect -C reg list --inspector 黄立新
# (read from the JSON: a finding may hold a comma)
vl-inspect -C reg list --format json > all.json
want=$(grep '"inspector":"黄立新"' all.json | sed 's/^{"id":"\([^"]*\)".*/\1/' |
    tr '\n' ' ')
[ "$(ids)" = "$want" ] || fail "list --inspector: $(ids)"
[ -n "$want" ] || fail "黄立新 inspected nothing"
expect 0 vl-inspect -C reg list --aspect safety --aspect funds --result fail
[ "$(tail -n +2 out | cut -d, -f9 | sort -u | tr '\n' ' ')" = "funds safety " ] || fail "aspect OR"
[ "$(tail -n +2 out | cut -d, -f10 | sort -u)" = fail ] || fail "result AND"
expect 0 vl-inspect -C reg list --project P27 --project P47
[ "$(tail -n +2 out | cut -d, -f3 | sort -u | tr '\n' ' ')" = "P27 P47 " ] || fail "project OR"
expect 0 vl-inspect -C reg list --leader 无此人
lines out 1
expect 2 vl-inspect -C reg list --result maybe
has err '--result: "maybe" is not one of'

# sample: the pool is the projects the filters pass
expect 0 vl-inspect -C reg sample --count 50 --leader 覃勇 --leader 莫伟
[ "$(tail -n +2 out | cut -d, -f5 | sort | tr '\n' ' ')" = "莫伟 覃勇 " ] || fail "sample pool: $(cat out)"
expect 0 vl-inspect -C reg sample --count 50 --town 东岭镇 --specialist 张永红
lines out 2

# fund balance: a project's row when its columns pass
expect 0 vl-fund -C reg balance
cp out ball
expect 0 vl-fund -C reg balance --town 东岭镇
awk -F, 'NR == 1 || $2 == "东岭镇"' ball > want
same out want
expect 0 vl-fund -C reg balance --leader 覃勇 --leader 莫伟
lines out 3
expect 0 vl-fund -C reg balance --project P99
lines out 1
# fund sum: the rows of the projects passed; a receipt names none
expect 0 vl-fund -C reg sum --by project
awk -F, '$1 == "P05" || $1 == "P47"' out > want
expect 0 vl-fund -C reg sum --by project --project P05 --project P47
tail -n +2 out > got
same got want
expect 0 vl-fund -C reg sum --by town --town 东岭镇
expect 0 vl-fund -C reg balance --town 东岭镇
total=$(tail -n +2 out | cut -d, -f7 | awk '{ s += $1 } END { printf "%.2f", s }')
expect 0 vl-fund -C reg sum --by town --town 东岭镇
[ "$(tail -n +2 out | cut -d, -f2)" = "$total" ] || fail "sum vs balance: $(cat out) $total"
expect 0 vl-fund -C reg sum --by level --leader 莫伟
lines out 1
done_
