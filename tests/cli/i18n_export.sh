# vl-add export --lang zh says a fund's purpose in Chinese (建设), as
# every other word of the row, and the import reads it back as the plan's
# purpose; vl-fund sum under --lang zh says other funds (多方筹集) in
# Chinese whatever the key.  CSV and JSON stay English.
. "$TESTS/lib.sh"
export VL_AS_OF=2023-06-15 ALLOW="$(id -un)"
english() { python3 "$TESTS/tools/english.py" "$@" >&2 || fail "English in $*"; }
demo d
expect 0 vl-add -C d export funds --lang zh --format table
english out
has out '建设'
expect 0 vl-add -C d export funds --lang zh --excel -o zh-funds.csv
english zh-funds.csv
expect 0 vl-add -C d export funds --lang zh --format csv
expect 0 vl-add -C d export funds --format csv
cp out en.csv
vl-add -C d export funds --lang zh --format csv > zh.csv 2> /dev/null
same en.csv zh.csv
# the round trip: the Chinese export imported into a new register gives
# the same journal (its purposes the plan's words, not 建设)
sed -i 's/^P18,河口镇,渡头村,苏霞,,/P18,河口镇,渡头村,苏霞,黄海,/; s/^P45,东岭镇,岩口村,,/P45,东岭镇,岩口村,韦强,/' d/projects.csv
vl-add -C x init --plan d/plan.json 2> /dev/null
vl-add -C d export projects --lang zh --excel -o zh-projects.csv 2> /dev/null
expect 0 vl-add -C x project --import zh-projects.csv
expect 0 vl-add -C x fund --import zh-funds.csv --as-of 2023-12-31
hasnt x/funds.csv ',建设,'
cut -d, -f7 d/funds.csv > want
cut -d, -f7 x/funds.csv > got
same want got
# the speech's word for the equipment purpose (办公用品配置, the balance's
# header) is read as the purpose, on the command line as in an import
expect 0 vl-add -C x fund --kind expense --project P02 --purpose 办公用品配置 \
    --amount 10 --date 2023-06-30 --as-of 2023-12-31
expect 2 vl-add -C x fund --kind expense --project P02 --purpose 办公 \
    --amount 10 --date 2023-06-30 --as-of 2023-12-31
tail -1 x/funds.csv | grep -q ',P02,equipment,10.00,' ||
    fail "办公用品配置 not stored as equipment: $(tail -1 x/funds.csv)"
# the export says the speech's word too, and an older export's 设备
# is still read back as equipment
expect 0 vl-add -C d export funds --lang zh --format table
has out '办公用品配置'
hasnt out '设备'
expect 0 vl-add -C x fund --kind expense --project P02 --purpose 设备 \
    --amount 10 --date 2023-06-02 --note 旧导出 --as-of 2023-12-31
tail -1 x/funds.csv | grep -q ',P02,equipment,10.00,旧导出' ||
    fail "设备 not stored as equipment: $(tail -1 x/funds.csv)"
# other funds: a plan that names a village's own money outside its lines
vl-add -C o init --plan d/plan.json 2> /dev/null
python3 - o/plan.json <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
p["levels"] = ["central", "region", "city", "district", "village"]
json.dump(p, open(sys.argv[1], "w"), ensure_ascii=False)
PY
expect 0 vl-add -C o project --town 青山镇 --village 松林村 --leader 蓝霞 \
    --specialist 廖燕 --budget 184.7万
expect 0 vl-add -C o fund --kind receipt --level village --amount 5000 \
    --date 2023-06-01
expect 0 vl-add -C o fund --kind expense --level village --project P001 \
    --purpose construction --amount 3000 --date 2023-06-02
for by in source kind purpose; do
	expect 0 vl-fund -C o sum --by $by --lang zh --format table
	english out
	has out '多方筹集'
	expect 0 vl-fund -C o sum --by $by --format csv
	has out '(other funds)'
done
done_
