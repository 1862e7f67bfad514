# vl-inspect sample: a reproducible draw of distinct projects (SplitMix64
# and a partial Fisher-Yates shuffle over the projects sorted by id)
. "$TESTS/lib.sh"

demo reg
export VL_AS_OF=2023-06-15
drawn() { tail -n +2 out | cut -d, -f2 | tr '\n' ' '; }

# pinned: the same draw on every machine, now and later
expect 0 vl-inspect -C reg sample --count 5 --seed 42
printf '%s\n' 'draw,project,town,village,leader,specialist,stage,last_inspected' \
    '1,P14,河口镇,马鞍村,潘振国,陈桂芳,accepted,2023-05-30' \
    '2,P49,东岭镇,三江村,覃伟,蓝文忠,started,2023-03-15' \
    '3,P21,河口镇,古井村,刘涛,张玉珍,accepted,2023-05-12' \
    '4,P22,河口镇,牛角村,罗春梅,马明华,completed,2022-12-10' \
    '5,P23,河口镇,双溪村,陈文忠,林立新,accepted,2023-05-02' > want
same out want

# the same seed twice: the same draw; another seed: another draw
expect 0 vl-inspect -C reg sample --count 10 --seed 7
cp out a
expect 0 vl-inspect -C reg sample --count 10 --seed 7
same out a
expect 0 vl-inspect -C reg sample --count 10 --seed 8
cmp -s out a && fail "seeds 7 and 8 drew the same"
# the row order of projects.csv does not matter: they are sorted by id
{ head -n 1 reg/projects.csv; tail -n +2 reg/projects.csv | sort -r; } > p
mv p reg/projects.csv
expect 0 vl-inspect -C reg sample --count 10 --seed 7
same out a

# distinct projects: drawing all 50 gives each once
expect 0 vl-inspect -C reg sample --count 50 --seed 3
lines out 51
[ "$(tail -n +2 out | cut -d, -f2 | sort -u | wc -l)" = 50 ] || fail "repeats in a draw of 50"
[ "$(tail -n +2 out | cut -d, -f1 | tr '\n' ' ')" = "$(seq 1 50 | tr '\n' ' ')" ] || fail "draw numbers"

# more than there are: all of them, and a warning; exit 0
expect 0 vl-inspect -C reg sample --count 80 --seed 3
lines out 51
has err 'only 50 projects to draw from: all of them drawn'
# one left to draw: said in the singular, and in Chinese without plural
expect 0 vl-inspect -C reg sample --count 3 --village 松林村
lines out 2
has err 'only 1 project to draw from: it is drawn'
expect 0 vl-inspect -C reg sample --count 3 --village 松林村 --lang zh
has err '只有 1 个项目可供抽取：已全部抽中'

# the default seed is the day as YYYYMMDD
expect 0 vl-inspect -C reg sample --count 6
cp out a
expect 0 vl-inspect -C reg sample --count 6 --seed 20230615
same out a
expect 0 vl-inspect -C reg sample --count 6 --as-of 2023-06-14 --seed 20230615
expect 0 vl-inspect -C reg sample --count 6 --as-of 2023-06-14
cp out b
expect 0 vl-inspect -C reg sample --count 6 --as-of 2023-06-14 --seed 20230614
same out b

# the pool: by stage (as of the day), town, recent inspections
expect 0 vl-inspect -C reg sample --count 50 --stage reviewed
[ "$(tail -n +2 out | cut -d, -f2 | sort | tr '\n' ' ')" = "P25 P50 " ] || fail "reviewed: $(drawn)"
expect 0 vl-inspect -C reg sample --count 50 --stage accepted
lines out 36
expect 0 vl-inspect -C reg sample --count 50 --stage started,completed
lines out 14
expect 0 vl-inspect -C reg sample --count 50 --stage started --stage completed
lines out 14
hasnt out ',accepted,'
expect 0 vl-inspect -C reg sample --count 50 --town 石桥镇
lines out 13
[ "$(tail -n +2 out | cut -d, -f3 | sort -u)" = 石桥镇 ] || fail "town filter"
# --skip-recent K leaves out projects inspected after today - K: with 14,
# P12 (06-02), P45 (06-06), P44 (06-08); P41 (06-01) is 14 days ago, stays
expect 0 vl-inspect -C reg sample --count 50 --skip-recent 14
lines out 48
for p in P12 P44 P45; do hasnt out ",$p,"; done
has out ',P41,'
expect 0 vl-inspect -C reg sample --count 50 --skip-recent 15
lines out 47
hasnt out ',P41,'
expect 0 vl-inspect -C reg sample --count 50 --skip-recent 0
lines out 51
# a town with nothing to draw: a header and a warning
expect 0 vl-inspect -C reg sample --count 2 --town 无此镇
lines out 1
has err 'only 0 projects'

# usage errors
expect 2 vl-inspect -C reg sample
has err usage:
expect 2 vl-inspect -C reg sample --count 0
expect 2 vl-inspect -C reg sample --count -3
expect 2 vl-inspect -C reg sample --count 3 --seed x1
has err '--seed: "x1" is not a whole number'
expect 2 vl-inspect -C reg sample --count 3 --seed 18446744073709551616
has err 'too large'
expect 0 vl-inspect -C reg sample --count 3 --seed 18446744073709551615
expect 2 vl-inspect -C reg sample --count 3 --stage finished
has err '"finished" is not one of registered, reviewed, started, completed, accepted'
done_
