# share/crontab.example: its jobs run as cron would run them (an empty
# environment but the crontab's own variables) and do what it says
. "$TESTS/lib.sh"

demo reg
mkdir reports
grep -E '^[0-9*]' "$SHARE/crontab.example" | cut -d' ' -f6- | sed 's/^ *//; s/\\%/%/g' > jobs
lines jobs 2
sed -n 1p jobs > file-job
sed -n 2p jobs > mail-job
today=$(date +%F)
run() { env -i PATH="$PATH" SHELL=/bin/sh REG="$PWD/reg" OUT="$PWD/reports" sh "$1"; }
# the filing job: a dated spreadsheet file, nothing printed (no mail)
run file-job > printed 2>&1 || fail "the filing job failed"
[ -s printed ] && fail "the filing job printed (cron would mail it)"
[ -f "reports/overdue-$today.csv" ] || fail "no reports/overdue-$today.csv"
vl-report -C reg overdue --as-of "$today" --within 7 --excel > want
same "reports/overdue-$today.csv" want
[ -e "reports/.overdue-$today.csv" ] && fail "temporary file left"
# the mail job: the demo has late items, so it prints the table
run mail-job > printed 2>&1 || fail "the mail job failed"
has printed "not-started"
has printed "days_late"
# nothing late: nothing printed, no mail
vl-add -C quiet init --plan "$SHARE/demo/plan.json" 2>/dev/null
env -i PATH="$PATH" REG="$PWD/quiet" sh mail-job > printed 2>&1
[ -s printed ] && fail "mail job printed with nothing late"
# a broken register: the error is printed, so mailed
env -i PATH="$PATH" REG="$PWD/nowhere" sh mail-job > printed 2>&1
has printed "plan.json"
done_
