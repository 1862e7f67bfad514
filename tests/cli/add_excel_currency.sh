# an amount column in Excel's currency format (货币) is saved as shown,
# ¥36,940.00 (￥ too, -¥120.00 for a negative): an import reads the
# amount without its symbol; a symbol with no amount after it is no
# amount, as it reads one typed so on the command line
. "$TESTS/lib.sh"

export VL_AS_OF=2023-06-15
demo_plan plan.json '{}'
vl-add -C r init --plan plan.json > /dev/null
printf 'town,village,leader,specialist,budget\r\n青山镇,松林村,蓝霞,廖燕,"¥36,940.00"\r\n青山镇,竹园村,蓝霞,廖燕,"￥36,940.50"\r\n' |
    iconv -f UTF-8 -t GB18030 > p.csv
expect 0 vl-add -C r project --import p.csv
has r/projects.csv 'P001,青山镇,松林村,蓝霞,廖燕,36940.00'
has r/projects.csv 'P002,青山镇,竹园村,蓝霞,廖燕,36940.50'
printf 'date,kind,level,source,project,purpose,amount\r\n2023-01-03,receipt,central,finance,,," ¥1,684,600.00 "\r\n2023-01-03,receipt,district,finance,,,¥16.24万\r\n' > f.csv
expect 0 vl-add -C r fund --import f.csv
has r/funds.csv ',receipt,central,finance,,,1684600.00,'
has r/funds.csv ',receipt,district,finance,,,162400.00,'
# a negative one is read as negative (and refused as one)
printf 'date,kind,level,source,project,purpose,amount\r\n2023-01-04,receipt,central,finance,,,-¥120.00\r\n' > neg.csv
expect 2 vl-add -C r fund --import neg.csv
has err 'neg.csv:2: amount: -120.00: a negative amount undoes an entry'
# the symbol alone, twice, or after the amount: not an amount
snapshot r > before
printf 'date,kind,level,source,project,purpose,amount\r\n2023-01-04,receipt,central,finance,,,¥\r\n2023-01-04,receipt,central,finance,,,¥¥1\r\n2023-01-04,receipt,central,finance,,,1¥\r\n' > bad.csv
expect 2 vl-add -C r fund --import bad.csv
has err 'bad.csv:2: amount: not an amount: "¥"'
has err 'bad.csv:3: amount: not an amount: "¥¥1"'
has err 'bad.csv:4: amount: not an amount: "1¥"'
snapshot r > after
same before after
expect 0 vl-add -C r fund --kind receipt --level central --source finance \
    --amount ¥1
tail -1 r/funds.csv | grep -q ',receipt,central,finance,,,1.00,' ||
    fail "--amount ¥1 not 1.00"
done_
