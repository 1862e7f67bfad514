# cron's empty environment and an interactive UTF-8 shell print the same
# bytes, in every format and every report; a Chinese shell the same bytes
# wherever machines read (csv, json), people getting Chinese headers only
# in table and --excel output (tests/cli/i18n_*.sh)
. "$TESTS/lib.sh"

demo d
n=0
for args in "overdue" "overdue --within 30 --format table" \
    "overdue --format json" "overdue --excel" "overdue --encoding gb18030" \
    "progress" "progress --format table" "progress --by project" \
    "funds" "funds --format table" "summary"; do
	n=$((n + 1))
	env -i PATH="$PATH" vl-report -C d $args --as-of 2023-06-15 > cron$n 2>&1
	a=$?
	LANG=en_US.UTF-8 LC_ALL=en_US.UTF-8 TZ=Asia/Shanghai \
	    vl-report -C d $args --as-of 2023-06-15 > tty$n 2>&1
	b=$?
	[ $a = $b ] || fail "$args: exit $a under env -i, $b in a shell"
	[ $a -le 1 ] || fail "$args: exit $a"
	same cron$n tty$n
	# and the day from $VL_AS_OF is the same day as --as-of
	env -i PATH="$PATH" VL_AS_OF=2023-06-15 vl-report -C d $args > env$n 2>&1
	same cron$n env$n
done
for args in "overdue" "overdue --format json" "progress --by project" \
    "funds" "funds --format json"; do
	env -i PATH="$PATH" vl-report -C d $args --as-of 2023-06-15 > cron 2>&1
	LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 TZ=Asia/Shanghai \
	    vl-report -C d $args --as-of 2023-06-15 > zh 2>&1
	same cron zh
done
# the decimal point stays a point under a locale that writes a comma
LC_ALL=de_DE.UTF-8 vl-report -C d funds --as-of 2023-06-15 > de 2>/dev/null
same de cron9
done_
