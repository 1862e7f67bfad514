# Every .Dl line in the EXAMPLES of the man pages runs, in a fresh copy of
# the demo register, and exits 0 or 1 (never a usage error or a fault).
. "$TESTS/lib.sh"

n=0
for page in "$TOP"/man/*.[178]; do
	awk '/^\.Sh /{ex = ($2 == "EXAMPLES")} ex && /^\.Dl /{sub(/^\.Dl /, ""); print}' "$page" |
	    sed 's/\\e/\\/g; s/\\(aq/'"'"'/g; s/\\-/-/g; s/\\&//g' > examples
	while IFS= read -r line; do
		n=$((n + 1))
		demo ex$n
		(cd ex$n && sh -c "$line") > /dev/null 2> ex$n.err < /dev/null
		st=$?
		if [ $st -gt 1 ]; then
			fail "$(basename "$page"): exit $st: $line"
			sed 's/^/  /' ex$n.err >&2
		fi
	done < examples
done
[ $n -gt 0 ] || fail "no examples found"
note "$n examples run"
done_
