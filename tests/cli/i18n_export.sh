# vl-add export --lang zh says a fund's purpose in Chinese (建设), as
# every other word of the row, and the import reads it back as the plan's
# purpose.  CSV and JSON stay English.
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
done_
