# a workbook or JSON where CSV is read (vl-add export --format xlsx|json
# imported again, vl-fund sum --format json piped to reconcile): one
# message saying what the file is and what to do, exit 2, nothing
# written; not a line of garbage for every line of the file
. "$TESTS/lib.sh"

export VL_AS_OF=2023-06-15
demo_plan plan.json '{}'
vl-add -C r init --plan plan.json > /dev/null
vl-add -C r project --id P1 --town 青山镇 --village 松林村 --leader 蓝霞 \
    --specialist 廖燕 --budget 184.7万 > /dev/null
vl-add -C r export projects --format xlsx -o p.xlsx
vl-add -C r export projects --format json > p.json
vl-add -C new init --plan plan.json > /dev/null
snapshot new > before
expect 2 vl-add -C new project --import p.xlsx
has err 'vl-add: p.xlsx:1: an Excel workbook (.xlsx or .xls), not CSV: save the sheet as CSV'
lines err 2
STDIN=p.json expect 2 vl-add -C new project --import -
has err 'vl-add: stdin:1: JSON (--format json), not CSV: write the file as CSV'
lines err 2
# an old .xls workbook too
printf '\320\317\021\340\241\261\032\341\0\0\0\0' > old.xls
expect 2 vl-add -C new project --import old.xls
has err 'old.xls:1: an Excel workbook'
lines err 2
expect 2 vl-inspect -C new add --import p.xlsx
has err 'p.xlsx:1: an Excel workbook'
snapshot new > after
same before after
# in Chinese
expect 2 vl-add -C new project --import p.xlsx --lang zh
has err '这是 Excel 工作簿'
# a stream of amounts
vl-fund -C r sum --by level --format json > sums.json
STDIN=sums.json expect 2 vl-fund reconcile --total 1
has err 'vl-fund: stdin:1: JSON (--format json), not CSV'
lines err 1
printf '[]\n' > empty.json
STDIN=empty.json expect 2 vl-fund reconcile --total 0
has err 'JSON'
# a CSV whose first cell starts with [ is still CSV
printf '[a],amount\nx,1\n' > in
STDIN=in expect 0 vl-fund reconcile --total 1
done_
