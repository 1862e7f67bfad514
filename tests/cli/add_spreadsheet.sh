# a register file back from a spreadsheet: BOM, CRLF, other column order,
# an extra column, no newline at the end -- appends fit the file as it is, its CR LF line ends too
. "$TESTS/lib.sh"

vl-add -C reg init --plan "$SHARE/demo/plan.json" 2>/dev/null
printf '\357\273\277village,备注,id,town,leader,specialist,budget\r\n旧村,留着,A1,青山镇,甲,乙,10.00' > reg/projects.csv
expect 0 vl-add -C reg project --id A2 --town 河口镇 --village 新村 --leader 丙 \
    --specialist 丁 --budget 20
tail -n 1 reg/projects.csv > last
printf '新村,,A2,河口镇,丙,丁,20.00\r\n' > want	# the file's own line end
same last want
has reg/projects.csv "旧村,留着,A1,青山镇,甲,乙,10.00"
# every line of the file ends as the spreadsheet ended its lines
[ "$(grep -c "$(printf '\r')\$" reg/projects.csv)" = 3 ] ||
    fail "projects.csv: not every line ends in CR LF"
# a note of two lines inside quotes keeps its own LF; the row ends CR LF
printf 'id,date,kind,level,source,project,purpose,amount,note\r\n' > reg/funds.csv
expect 0 vl-add -C reg fund --kind receipt --level central --source finance \
    --amount 5 --date 2023-01-02 --note "$(printf '第一行\n第二行')"
printf 'id,date,kind,level,source,project,purpose,amount,note\r\n1,2023-01-02,receipt,central,finance,,,5.00,"第一行\n第二行"\r\n' > want
same reg/funds.csv want
expect 0 vl-fund -C reg sum --by level --format json
has out '"amount":"5.00"'
# a file written by the tools keeps LF
vl-add -C lf init --plan "$SHARE/demo/plan.json" 2>/dev/null
expect 0 vl-add -C lf fund --kind receipt --level central \
    --source finance --amount 5 --date 2023-01-02
grep -q "$(printf '\r')" lf/funds.csv && fail "CR in a file of LF lines"
# the old project is still known
expect 0 vl-add -C reg progress --project A1 --stage started --date 2023-01-01
# a column the file lacks cannot silently swallow a value
expect 2 vl-add -C reg project --id A3 --town t --village v --leader l \
    --specialist s --budget 1 --mode new
has err "projects.csv has no such column"
done_
