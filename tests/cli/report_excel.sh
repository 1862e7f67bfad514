# --excel: what a spreadsheet opens is data, never a formula: cells that
# start with = + - @ get a leading apostrophe, numbers such as -120.00
# and 9 stay numbers; UTF-8 with a BOM and CRLF line ends
. "$TESTS/lib.sh"

vl-add -C reg init --plan "$SHARE/demo/plan.json" 2>/dev/null
cat > reg/projects.csv <<'CSV'
id,town,village,leader,specialist,budget
P1,青山镇,"=HYPERLINK(""http://x"",""点我"")",@SUM(A1),+86 123,100.00
P2,-120.00,-x,蓝霞,廖燕,100.00
CSV
expect 0 vl-report -C reg overdue --as-of 2022-12-22 --within 9 --excel
printf '\357\273\277' > bom
head -c 3 out > got
same got bom
# every line ends in CR LF
[ "$(grep -c "$(printf '\r')\$" out)" = 3 ] || fail "not CRLF"
tr -d '\r' < out | tail -n +1 | sed '1s/^\xef\xbb\xbf//' > lf
cat > want <<'CSV'
kind,project,town,village,leader,specialist,due,days_late,days_left,status,detail
not-started,P1,青山镇,"'=HYPERLINK(""http://x"",""点我"")",'@SUM(A1),'+86 123,2022-12-31,,9,due-soon,no start recorded
not-started,P2,-120.00,'-x,蓝霞,廖燕,2022-12-31,,9,due-soon,no start recorded
CSV
same lf want
# without --excel the data is as it is
expect 0 vl-report -C reg overdue --as-of 2022-12-22 --within 9
has out '"=HYPERLINK(""http://x"",""点我"")",@SUM(A1),+86 123'
# a plain number is never quoted, even where text is expected
expect 0 vl-report -C reg progress --as-of 2022-12-22 --excel
tr -d '\r' < out | grep -qx -- '-120.00,1,0,0,0,0,0.0%,0,0' ||
    fail "-120.00 is not left a number"
hasnt out "'-120.00"
done_
