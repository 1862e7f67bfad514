# tests/tools/headline.sh - the headline numbers a briefing must show, as
# vl-report progress, funds and overdue give them for the same register
# and day.  Source it, then:
#   headline_want DIR DAY > want    id<TAB>value, sorted
#   headline_got PAGE > got         the same ids as the page holds them
headline_ids='total started started-share received allocated spent findings-open findings-late late-items flags'

headline_want() {
	villages=$(sed -n 's/.*"villages": *\([0-9][0-9]*\).*/\1/p' "$1/plan.json")
	vl-report -C "$1" progress --as-of "$2" | grep '^total,' > hw.p
	vl-report -C "$1" funds --as-of "$2" | grep '^total,' > hw.f
	vl-report -C "$1" overdue --as-of "$2" | tail -n +2 > hw.o
	IFS=, read -r _ _ _ started _ _ share open overdue < hw.p
	IFS=, read -r _ _ plan received allocated spent _ < hw.f
	{
		printf 'total\t%s\n' "$plan"
		printf 'started\t%s/%s\n' "$started" "$villages"
		printf 'started-share\t%s\n' "$share"
		printf 'received\t%s\n' "$received"
		printf 'allocated\t%s\n' "$allocated"
		printf 'spent\t%s\n' "$spent"
		printf 'findings-open\t%s\n' "$open"
		printf 'findings-late\t%s\n' "$overdue"
		# the projects' items: late tasks are the page's section 六
		printf 'late-items\t%s\n' \
		    "$(awk -F, '$1 != "task" && $10 == "late"' hw.o | wc -l)"
		printf 'flags\t%s\n' "$(awk -F, '$10 == "flag"' hw.o | wc -l)"
	} | LC_ALL=C sort
	rm -f hw.p hw.f hw.o
}

headline_got() {
	python3 "$TESTS/tools/htmlcheck.py" ids "$1" | while IFS='	' read -r id text; do
		for want in $headline_ids; do
			[ "$id" = "$want" ] && printf '%s\t%s\n' "$id" "$text"
		done
	done | LC_ALL=C sort
}
