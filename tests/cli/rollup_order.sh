# roll-up (SPEC 9): every list, table and page is the same whatever order
# the registers are named in (-C or --registers lines): the districts in
# the order of their names.  Overdue items tied on days late (青山区's and
# 白水区's, 166 days each) came in the order of -C.
. "$TESTS/lib.sh"

cp -R "$SHARE/rollup" r
day="--as-of 2023-06-15"

# the tie: the district first by name (白 before 青 in byte order) first
expect 0 vl-report -C r/qingshan -C r/baishui overdue $day
sed -n 2p out > first
has first "白水区,not-started,B5,"
has out "青山区,not-started,"
cp out one
expect 0 vl-report -C r/baishui -C r/qingshan overdue $day
same out one

# every reading command of a roll-up, with the city register too: the
# same stdout in every order of the registers
while IFS= read -r cmd; do
	$cmd -C r/qingshan -C r/city -C r/baishui $day > want 2> /dev/null
	$cmd -C r/baishui -C r/qingshan -C r/city $day > got 2> /dev/null
	cmp -s got want || fail "$cmd: other bytes in another order"
	$cmd -C r/city -C r/baishui -C r/qingshan $day > got 2> /dev/null
	cmp -s got want || fail "$cmd: other bytes in a third order"
done <<'CMDS'
vl-report overdue
vl-report overdue --by leader
vl-report overdue --by district
vl-report overdue --lang zh
vl-report progress
vl-report progress --by town
vl-report progress --since 2023-01-01
vl-report funds
vl-report audit
vl-inspect list
vl-fund sum --by district
vl-fund sum --by level
vl-fund check
vl-fund balance
CMDS

# a --registers list in either order, and its split files' index
printf 'r/qingshan\nr/baishui\n' > list1
printf 'r/baishui\nr/qingshan\n' > list2
expect 0 vl-report --registers list1 overdue --split-by leader -o s1 $day
expect 0 vl-report --registers list2 overdue --split-by leader -o s2 $day
same s1/index.csv s2/index.csv
vl-report --registers list1 progress $day > one 2> /dev/null
expect 0 vl-report --registers list2 progress $day
same out one
done_
