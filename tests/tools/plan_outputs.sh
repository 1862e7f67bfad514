# plan_outputs.sh REG OUT: every report of the register REG, as of a
# fixed day, in CSV, JSON and table (English and Chinese), each to a file
# of its own in OUT, named after its command; the summary and the
# briefing as they print.  tests/cli/plan_default.sh compares them with
# tests/fixtures/plan-default/, written by this script with the tools
# of the commit before the plan-defined words (c988726).
reg=$1 out=$2
mkdir -p "$out"
export VL_AS_OF=2023-06-15
run() {
	name=$1; shift
	"$@" > "$out/$name" 2>&1
	echo "exit $?" >> "$out/$name"
}
p=$(sed -n 2p "$reg/projects.csv" | cut -d, -f1)
# CSV and JSON are the same in every language; a table and --excel
# are said in Chinese too
for s in csv-en json-en table-en table-zh excel-zh; do
	case $s in
	excel-zh) o="--excel --lang zh" ;;
	*) o="--format ${s%-*} --lang ${s#*-}" ;;
	esac
	run overdue.$s vl-report -C "$reg" overdue $o
	run overdue-within.$s vl-report -C "$reg" overdue --within 30 $o
	run overdue-by-leader.$s vl-report -C "$reg" overdue --by leader $o
	for b in town project leader specialist; do
		run progress-$b.$s vl-report -C "$reg" progress --by $b $o
	done
	run progress-entries.$s vl-report -C "$reg" progress --entries $o
	run since.$s vl-report -C "$reg" progress --since 2022-12-01 $o
	run funds.$s vl-report -C "$reg" funds $o
	run check.$s vl-fund -C "$reg" check $o
	for b in level source kind purpose project town; do
		run sum-$b.$s vl-fund -C "$reg" sum --by $b $o
	done
	run balance.$s vl-fund -C "$reg" balance $o
	run list.$s vl-inspect -C "$reg" list $o
	run list-overdue.$s vl-inspect -C "$reg" list --overdue $o
	run show.$s vl-inspect -C "$reg" show "$p" $o
	run sample.$s vl-inspect -C "$reg" sample --count 5 --seed 7 $o
done
for l in en zh; do
	run summary.$l vl-report -C "$reg" summary --lang $l
	run show.$l vl-inspect -C "$reg" show "$p" --lang $l
	run briefing.$l vl-report -C "$reg" briefing --lang $l
done
run split.out vl-report -C "$reg" overdue --split-by leader -o "$out/split"
