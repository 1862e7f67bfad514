# vl-inspect list, show and sample --format xlsx -o FILE: read back with
# openpyxl, each is its CSV cell by cell, dates as dates; a sheet name
# Excel would refuse ([]:*?/\) is made fit for it
. "$TESTS/lib.sh"
. "$TESTS/tools/xlsx.sh"

demo d
day=2023-06-15
dates="date=date due=date closed=date"
vl-inspect -C d list --as-of $day > all.csv
expect 0 vl-inspect -C d list --as-of $day --format xlsx -o all.xlsx
xcmp all.xlsx "检查记录 $day" all.csv $dates
grep -q ',fail,' all.csv || fail "no finding to test"
vl-inspect -C d list --open --as-of $day > open.csv
expect 0 vl-inspect -C d list --open --as-of $day --format xlsx -o open.xlsx
xcmp open.xlsx "检查记录 $day" open.csv $dates
vl-inspect -C d show P36 --as-of $day --format csv > p36.csv
expect 0 vl-inspect -C d show P36 --as-of $day --format xlsx -o p36.xlsx
xcmp p36.xlsx "检查记录 P36 $day" p36.csv $dates
vl-inspect -C d sample --count 5 --seed 7 --as-of $day > draw.csv
expect 0 vl-inspect -C d sample --count 5 --seed 7 --as-of $day --format xlsx \
    -o draw.xlsx
xcmp draw.xlsx "抽查 $day" draw.csv draw=int last_inspected=date

# a project id with the characters a sheet name cannot hold
expect 0 vl-add -C d project --id 'P[1]:x/y?' --town 青山镇 --village 新村 \
    --leader 甲 --specialist 乙 --budget 0
expect 0 vl-inspect -C d add --project 'P[1]:x/y?' --phase check \
    --aspect quality --result fail --finding '=1+1' --due 2023-06-10 \
    --date 2023-06-01
vl-inspect -C d list --project 'P[1]:x/y?' --as-of $day > odd.csv
expect 0 vl-inspect -C d list --project 'P[1]:x/y?' --as-of $day \
    --format xlsx -o odd.xlsx
[ "$(sheets odd.xlsx)" = "检查记录 P_1__x_y_ $day" ] ||
    fail "odd.xlsx: sheet $(sheets odd.xlsx)"
xcmp odd.xlsx "检查记录 P_1__x_y_ $day" odd.csv $dates
has odd.csv ',=1+1,'
done_
