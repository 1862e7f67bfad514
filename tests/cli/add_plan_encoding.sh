# plan.json as Notepad on a Chinese Windows saves it: with a BOM, or in
# "ANSI", GB18030 (SPEC 4: input not UTF-8 is read as GB18030).  init
# --plan (a file or -) takes it and writes the register's plan.json in
# UTF-8 without a BOM; a register's plan.json saved so by hand is read;
# a byte neither UTF-8 nor GB18030 is an error naming line and offset,
# nothing made
. "$TESTS/lib.sh"

export VL_AS_OF=2023-06-15
demo_plan plan.json '{}'
iconv -f UTF-8 -t GB18030 plan.json > gb.json
cmp -s plan.json gb.json && fail "the plan has no Chinese"
(printf '\357\273\277'; cat plan.json) > bom.json
expect 0 vl-add -C a init --plan gb.json
same a/plan.json plan.json
STDIN=gb.json expect 0 vl-add -C b init --plan -
same b/plan.json plan.json
expect 0 vl-add -C c init --plan bom.json
same c/plan.json plan.json
# the register's own plan.json saved in GB18030 by hand
vl-report -C a summary > want
iconv -f UTF-8 -t GB18030 a/plan.json > a/plan.tmp && mv a/plan.tmp a/plan.json
vl-report -C a summary > got 2> err
same got want
vl-fund -C a check > /dev/null 2> err
hasnt err 'decode'
# neither: the line and the byte, nothing made
printf '{\n  "name": "\377\376"\n}\n' > bad.json
expect 2 vl-add -C d init --plan bad.json
has err 'vl-add: bad.json:2: a byte that is neither UTF-8 nor GB18030 at byte offset 13'
[ -e d ] && fail "a register made of an undecodable plan"
done_
