# vl-add project/fund/progress from options: every field checked
. "$TESTS/lib.sh"

vl-add -C reg init --plan "$SHARE/demo/plan.json" 2>/dev/null
expect 0 vl-add -C reg project --id Q1 --town 青山镇 --village 松林村 \
    --leader 蓝霞 --specialist 廖燕 --budget 3.694万 --mode new --area 120
has reg/projects.csv "Q1,青山镇,松林村,蓝霞,廖燕,36940.00,,,new,120"

snapshot reg > before
expect 2 vl-add -C reg fund --kind expense --project Q1 --purpose construction \
    --amount 1.234 --date 2023-01-05
has err "command line: amount: more than 2 decimals: \"1.234\""
expect 2 vl-add -C reg progress --project Q1 --stage started --date 2023-02-29
has err "date: no such day: \"2023-02-29\""
expect 2 vl-add -C reg fund --kind gift --amount 1 --date 2023-01-05
has err "kind: \"gift\" is not one of receipt, allocation, expense"
expect 2 vl-add -C reg fund --kind receipt --level county --amount 1 --date 2023-01-05
has err "level: \"county\" is not one of central, region, city, district"
expect 2 vl-add -C reg fund --kind expense --project Q1 --purpose banquet \
    --amount 1 --date 2023-01-05
has err "purpose: \"banquet\" is not a purpose of the plan"
expect 2 vl-add -C reg fund --kind allocation --project Q9 --amount 1 --date 2023-01-05
has err "project: no such project: \"Q9\""
expect 2 vl-add -C reg progress --project Q1 --stage finished --date 2023-01-05
has err "stage: \"finished\" is not one of started, completed"
expect 2 vl-add -C reg project --id Q1 --town t --village v --leader l \
    --specialist s --budget 1
has err "\"Q1\" is already in projects.csv"
expect 2 vl-add -C reg project --town t --village v --budget 1
has err "leader: missing"
has err "specialist: missing"
expect 2 vl-add -C reg fund --kind receipt --amount 99999999999999999999 --date 2023-01-05
has err "amount: out of range"
expect 2 vl-add -C reg fund --kind receipt --level city --amount 1 --as-of 2023-13-01
has err "--as-of"
snapshot reg > after
same before after

# good records; ids assigned 1, 2; the date defaults to --as-of
expect 0 vl-add -C reg fund --kind receipt --level city --source finance \
    --amount 36,940.00 --date 2023-01-05
expect 0 vl-add -C reg fund --kind receipt --level city --amount 36940 --date 2023-01-05
expect 0 vl-add -C reg fund --kind allocation --project Q1 --amount 36939.5 \
    --as-of 2023-01-06
has out "3"
has reg/funds.csv "3,2023-01-06,allocation,,,Q1,,36939.50,"
expect 0 vl-add -C reg progress --project Q1 --stage started --date 2023-01-07 \
    --note '开工, "奠基"'
has reg/progress.csv '2023-01-07,Q1,started,"开工, ""奠基"""'

# ids go on in the register's own width: P51 after the demo's P50
demo d
expect 0 vl-add -C d project --town t --village v --leader l --specialist s --budget 1
has out "P51"
expect 0 vl-add -C d fund --kind receipt --level city --amount 1 --date 2023-01-01
has out "189"

# usage errors exit 2
expect 2 vl-add -C reg fund --no-such-option
has err "usage:"
expect 2 vl-add frobnicate
expect 0 vl-add --help
has out "usage: vl-add"
expect 0 vl-add --version
has out "vl-add (vl)"
done_
