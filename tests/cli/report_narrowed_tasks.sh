# The tasks of a narrowed briefing are counted as the summary of the same
# filter counts them (SPEC 8): a leader's page has their own tasks as
# owner, done and late, and a town's page none (tasks have no town), not
# the register's whole count beside a filtered late list.
. "$TESTS/lib.sh"

demo reg
export VL_AS_OF=2023-07-01
# the "共 N 项任务，已完成 D 项，逾期 L 项" of a briefing, as "N D L"
tasks_line() {
	sed -n 's/.*<p>共 \([0-9]*\) 项任务，已完成 \([0-9]*\) 项，逾期 \([0-9]*\) 项。.*/\1 \2 \3/p' "$1"
}
# the "Tasks: N tasks, D done, L late" of a summary, as "N D L"
summary_line() {
	sed -n 's/.*Tasks: \([0-9]*\) tasks\?, \([0-9]*\) done, \([0-9]*\) late.*/\1 \2 \3/p' "$1"
}
leader=$(awk -F, 'NR > 1 && $6 == "" { print $4; exit }' reg/tasks.csv)
[ -n "$leader" ] || fail "the demo has no task still open"
mine=$(awk -F, -v o="$leader" 'NR > 1 && $4 == o' reg/tasks.csv | wc -l)

expect 0 vl-report -C reg summary --leader "$leader"
cp out page
page_tasks=$(summary_line page)
set -- $page_tasks
[ "$1" = "$mine" ] || fail "summary: $1 tasks of $leader, not $mine"
expect 0 vl-report -C reg briefing --leader "$leader"
brief_tasks=$(tasks_line out)
[ "$brief_tasks" = "$page_tasks" ] || fail "briefing --leader: tasks '$brief_tasks', summary '$page_tasks'"

# a town's page: no tasks on it, as on the summary's
expect 0 vl-report -C reg summary --town 河口镇
hasnt out "Tasks:"
expect 0 vl-report -C reg briefing --town 河口镇
hasnt out 'id="tasks"'

# the whole register: every task, the same on both
expect 0 vl-report -C reg summary
page_tasks=$(summary_line out)
expect 0 vl-report -C reg briefing
brief_tasks=$(tasks_line out)
[ "$brief_tasks" = "$page_tasks" ] || fail "briefing: tasks '$brief_tasks', summary '$page_tasks'"
total=$(($(wc -l < reg/tasks.csv) - 1))
[ "${brief_tasks%% *}" = "$total" ] || fail "briefing: not $total tasks"
done_
