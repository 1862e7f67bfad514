# The small things a clerk trips on: an unknown option names the tool and
# its command; --start-by is --start_by; a clean fund check says so on
# stderr (stdout stays the CSV header alone, for scripts); one day late
# is "1 day".
. "$TESTS/lib.sh"
demo d
expect 2 vl-add -C d fund --x
has err "vl-add fund: unrecognized option '--x'"
expect 2 vl-report -C d overdue --nope
has err "vl-report overdue: unrecognized option '--nope'"
expect 0 vl-add -C d project --town 青山镇 --village 新寨村 --leader 蓝霞 \
    --specialist 廖燕 --budget 100 --start-by 2023-01-31 --complete-by 2023-06-30
has d/projects.csv ',青山镇,新寨村,蓝霞,廖燕,100.00,,,2023-01-31,2023-06-30'
# a register whose books balance: every check passes, said on stderr
vl-add -C b init --plan "$SHARE/demo/plan.json" 2>/dev/null
cp "$TESTS/cases/fund-balanced/input/"* b/
expect 0 vl-fund -C b check
printf 'check,subject,expected,actual,difference,status,detail\n' > want
same out want
has err "vl-fund: all 12 checks pass"
expect 0 vl-fund -C b check --lang zh
has err "vl-fund: 全部 12 项核对通过"
# one day late
expect 0 vl-inspect -C d show 100 --as-of 2023-06-09
has out "(due 2023-06-08, 1 day late)"
hasnt out "1 days"
done_
