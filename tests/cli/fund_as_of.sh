# --as-of (and $VL_AS_OF): fund rows dated after the day are not there yet.
. "$TESTS/lib.sh"
demo reg

# P03's expense #188 of 2000.00 is dated 2023-06-20
expect 0 vl-fund -C reg balance --as-of 2023-06-15
has out 'P03,青山镇,上坪村,黄晓峰,潘学文,36940.00,36940.00,34940.00,30140.00,4800.00,2000.00,'
VL_AS_OF=2023-06-15 vl-fund -C reg balance > out2
same out out2
expect 0 vl-fund -C reg balance --as-of 2023-06-20
has out 'P03,青山镇,上坪村,黄晓峰,潘学文,36940.00,36940.00,36940.00,30140.00,6800.00,0.00,'
expect 0 vl-fund -C reg sum --by purpose --as-of 2023-06-15
has out 'equipment,294087.30,42'
expect 0 vl-fund -C reg sum --by purpose
has out 'equipment,296087.30,43'

# a later expense that breaks rule 4 does not count before its day
echo '900,2023-07-01,expense,,,P12,construction,1.00,,' >> reg/funds.csv
expect 0 vl-fund -C reg check --as-of 2023-06-30
hasnt out expense-vs-allocation
expect 1 vl-fund -C reg check --as-of 2023-07-01
has out 'expense-vs-allocation,P12,18470.00,18471.00,1.00,discrepancy,'
# the receipts of the district as of a day before its second one came
expect 0 vl-fund -C reg check --as-of 2022-11-30
has out 'receipts,区,162400.00,120000.00,-42400.00,pending,'
expect 2 vl-fund -C reg check --as-of 2023-02-30
done_
