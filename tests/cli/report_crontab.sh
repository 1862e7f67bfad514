# share/crontab.example: its jobs run as cron would run them (an empty
# environment but the crontab's own variables) and do what it says
. "$TESTS/lib.sh"

demo reg
mkdir reports
grep -E '^[0-9*]' "$SHARE/crontab.example" | cut -d' ' -f6- | sed 's/^ *//; s/\\%/%/g' > jobs
lines jobs 3
sed -n 1p jobs > file-job
sed -n 2p jobs > mail-job
sed -n 3p jobs > split-job
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
# the split job: each leader with an address gets their own file by a
# fake mail (its arguments and the mail's text logged), even an empty
# one; a leader with no address is printed, so the clerk hears of it
mkdir fakebin
printf '#!/bin/sh\nprintf "mail %%s\\n" "$*" >> "$MAILLOG"\ncat >> "$MAILLOG"\n' > fakebin/mail
chmod +x fakebin/mail
# 莫伟 has late items, 蓝霞 none; 覃勇 has no address, nor has 卢建华,
# the owner of a late task (the owner of a task is its leader)
printf '莫伟,mowei@example.org\n蓝霞,lanxia@example.org\n' > addresses.csv
{ tail -n +2 reg/projects.csv | cut -d, -f4; tail -n +2 reg/tasks.csv |
    cut -d, -f4; } | grep -v '^$' | sort -u > people
leaders=$(wc -l < people)
env -i PATH="$PWD/fakebin:$PATH" REG="$PWD/reg" OUT="$PWD/reports" \
    ADDRESSES="$PWD/addresses.csv" MAILLOG="$PWD/mail.log" sh split-job \
    > printed 2>&1 || fail "the split job failed"
[ "$(grep -c '^mail ' mail.log)" = 2 ] || fail "not two mails: $(grep '^mail' mail.log)"
has mail.log "mail -s 逾期清单 $today: "
has mail.log "mowei@example.org"
has mail.log "lanxia@example.org"
has printed "no address for 覃勇 in $PWD/addresses.csv"
has printed "no address for 卢建华 in $PWD/addresses.csv"
[ "$(grep -c '^no address' printed)" = $((leaders - 2)) ] || fail "unaddressed: $(cat printed)"
# the mail holds the leader's own file, header and all
vl-report -C reg overdue --as-of "$today" --leader 莫伟 > want
grep -A "$(wc -l < want)" 'mowei@example.org' mail.log | tail -n +2 > got
same got want
done_

