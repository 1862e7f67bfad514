# usage errors and bad input exit 2 with nothing on stdout; a full disk 3
. "$TESTS/lib.sh"

demo d
for args in "overdue --within x" "overdue --within -1" "overdue --within 99999999999" \
    "overdue --check extra" "progress --by village" "overdue --as-of 2023-02-29" \
    "overdue --format xml" "overdue --encoding latin1" "nosuch" "audit --within 3" \
    "progress --within 3" "overdue --by village" "overdue --split-by project -o x" "overdue --kind late"; do
	expect 2 vl-report -C d $args
	[ -s out ] && fail "$args: wrote to stdout"
	[ -s err ] || fail "$args: said nothing"
done
VL_AS_OF=2023-13-01 expect 2 vl-report -C d overdue
has err "VL_AS_OF"
# not a register
expect 2 vl-report -C nowhere overdue --as-of 2023-06-15
has err "plan.json"
# a bad record in the register: reported with file and line, exit 2
demo bad
printf '94,2023-01-01,P99,started,,,\n' >> bad/progress.csv
expect 2 vl-report -C bad overdue --as-of 2023-06-15
has err "progress.csv:95: project"
[ -s out ] && fail "wrote a list from a bad register"
# help and version
expect 0 vl-report --help
has out "overdue [--within N] [--check]"
expect 0 vl-report overdue --help
has out "usage: vl-report"
expect 0 vl-report --version
has out "vl-report (vl)"
# a full disk: exit 3
vl-report -C d overdue --as-of 2023-06-15 > /dev/full 2> err
[ $? = 3 ] || fail "overdue to /dev/full did not exit 3"
for c in "progress --format table" "progress --by project" funds summary \
    "overdue --format json" "overdue --check"; do
	vl-report -C d $c --as-of 2023-06-15 > /dev/full 2> err
	[ $? = 3 ] || fail "$c to /dev/full did not exit 3"
	has err "No space left"
done
done_
