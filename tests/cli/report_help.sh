# --help and vl-report(1) name the same commands, options and overdue kinds
. "$TESTS/lib.sh"

expect 0 vl-report --help
cp out help
sed 's/Fl \\-/--/g; s/\\-/-/g' "$TOP/man/vl-report.1" > man
for w in overdue progress funds summary briefing audit --within --check --by --as-of xlsx --output \
    --format --excel --encoding --input-encoding --lang --dir --version \
    not-started rectification not-completed not-accepted \
    started-before-review missing-leader missing-specialist due-soon; do
	grep -qF -- "$w" help || fail "--help does not name $w"
	grep -qF -- "$w" man || fail "vl-report.1 does not name $w"
done
# the commands the tool knows are the ones the help lists
for c in overdue progress funds summary briefing audit; do
	vl-report $c --help > /dev/null 2>&1 || fail "$c --help"
done
expect 2 vl-report nosuch
done_
