# briefing in a browser: headless Chromium loads the page with no console
# message and no request for anything but the page itself; the numbers it
# renders are vl-report progress, funds and overdue's; a screenshot and the
# PDF (the man page's recipe) are left in tests/out/ for a person to look
# at.  Without Chromium (Debian's chromium, which .ci/run installs) the
# test is skipped and counts as passed.
. "$TESTS/lib.sh"
. "$TESTS/tools/headline.sh"

chromium=${VL_CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
	echo "skipped: no chromium"
	exit 0
fi
if ! command -v python3 > /dev/null; then
	echo "skipped: no python3"
	exit 0
fi

# browse LOG ARG...: the page in a fresh profile, nothing of the machine's
# own; Chromium's stderr (console messages among it) to LOG
browse() {
	log=$1
	shift
	profile=$(mktemp -d)
	timeout 120 "$chromium" --headless --no-sandbox --disable-gpu \
	    --disable-quic --no-first-run --disable-background-networking \
	    --disable-component-update --disable-sync \
	    --user-data-dir="$profile" --enable-logging=stderr --v=0 "$@" \
	    2> "$log"
	st=$?
	rm -rf "$profile"
	return $st
}

# First, that these checks see what they look for: a page with a script
# that logs and an image from the network fails both.
cat > bad.html <<'EOF'
<!DOCTYPE html><html><head><title>bad</title></head><body>
<img src="http://127.0.0.1:9/x.png" alt=""><script>console.error("boom")</script>
</body></html>
EOF
browse bad.err --log-net-log="$PWD/bad.json" --dump-dom \
    "file://$PWD/bad.html" > bad.dom || fail "chromium on bad.html"
grep -q 'CONSOLE.*boom' bad.err || fail "a console message went unseen"
python3 "$TESTS/tools/htmlcheck.py" net bad.json "file://$PWD/bad.html" \
    2> /dev/null && fail "a request went unseen"

demo d
expect 0 vl-report -C d briefing --as-of 2023-06-15 -o briefing.html
url="file://$PWD/briefing.html"
browse dom.err --log-net-log="$PWD/net.json" --dump-dom "$url" > dom.html ||
    fail "chromium --dump-dom"
if grep 'CONSOLE' dom.err; then
	fail "console messages"
fi
python3 "$TESTS/tools/htmlcheck.py" net net.json "$url" ||
    fail "the page asked for something outside itself"
# what the browser shows is what the CSV reports say
has dom.html '<span id="started">48/50</span>'
headline_want d 2023-06-15 > want
headline_got dom.html > got
same got want
# the rendered page holds its four charts and the whole overdue list:
# the projects' items in 五, the late tasks in 六
[ "$(grep -c '<svg class="chart"' dom.html)" = 4 ] || fail "not 4 charts"
vl-report -C d overdue --as-of 2023-06-15 | tail -n +2 > od.csv
n=$(grep -cv '^task,' od.csv)
m=$(sed -n '/<section id="overdue">/,/<\/section>/p' dom.html | grep -c '<tr><td')
[ "$n" = "$m" ] || fail "overdue list: $m rows shown, $n listed"
n=$(grep -c '^task,' od.csv)
m=$(sed -n '/<section id="tasks">/,/<\/section>/p' dom.html | grep -c '<tr><td')
[ "$n" = 1 ] && [ "$n" = "$m" ] || fail "late tasks: $m rows shown, $n listed"

# for a person to look at: A4 at 150 dpi, and the PDF
mkdir -p "$TOP/tests/out"
shot=$TOP/tests/out/briefing.png
pdf=$TOP/tests/out/briefing.pdf
rm -f "$shot" "$pdf"
cp briefing.html "$TOP/tests/out/briefing.html"
browse shot.err --hide-scrollbars --window-size=1240,1754 \
    --screenshot="$shot" "$url" || fail "chromium --screenshot"
[ "$(head -c 8 "$shot" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] ||
    fail "no PNG screenshot"
browse pdf.err --no-pdf-header-footer --print-to-pdf="$pdf" "$url" ||
    fail "chromium --print-to-pdf"
[ "$(head -c 5 "$pdf")" = "%PDF-" ] || fail "no PDF"
pages=$(grep -a -c '/Type /Page$\|/Type /Page[^s]' "$pdf")
[ "$pages" -ge 2 ] && [ "$pages" -le 4 ] ||
    fail "the PDF has $pages pages, expected 2 to 4 of A4"
# A4 portrait: 595 x 842 points
grep -a -q 'MediaBox \[0 0 59[45]\.[0-9]* 84[12]\.[0-9]*\]' "$pdf" ||
    grep -a -q 'MediaBox \[0 0 595 842\]' "$pdf" || fail "the PDF is not A4"
echo "screenshot: $shot"
echo "pdf: $pdf ($pages pages)"
done_
