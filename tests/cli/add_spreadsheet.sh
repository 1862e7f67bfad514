# a register file back from a spreadsheet: BOM, CRLF, other column order,
# an extra column, no newline at the end -- appends fit the file as it is
. "$TESTS/lib.sh"

vl-add -C reg init --plan "$SHARE/demo/plan.json" 2>/dev/null
printf '\357\273\277village,备注,id,town,leader,specialist,budget\r\n旧村,留着,A1,青山镇,甲,乙,10.00' > reg/projects.csv
expect 0 vl-add -C reg project --id A2 --town 河口镇 --village 新村 --leader 丙 \
    --specialist 丁 --budget 20
tail -n 1 reg/projects.csv > last
printf '新村,,A2,河口镇,丙,丁,20.00\n' > want
same last want
has reg/projects.csv "旧村,留着,A1,青山镇,甲,乙,10.00"
# the old project is still known
expect 0 vl-add -C reg progress --project A1 --stage started --date 2023-01-01
# a column the file lacks cannot silently swallow a value
expect 2 vl-add -C reg project --id A3 --town t --village v --leader l \
    --specialist s --budget 1 --mode new
has err "projects.csv has no such column"
done_
