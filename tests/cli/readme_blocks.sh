# Every shell block of README.md runs as written (tests/tools/readme.py):
# the tour and "Writing records" as a reader pastes them, each command
# exiting 0 or 1; the clerk's day sessions printing exactly what the
# README shows, in English and in Chinese.
. "$TESTS/lib.sh"
. "$TESTS/tools/xlsx.sh"
mkdir -p scratch/tmp
"$PY" "$TESTS/tools/readme.py" "$TOP/README.md" "$PWD/scratch" > readme.log 2>&1 ||
    { fail "README.md:"; cat readme.log >&2; }
has readme.log "4 scripts, 9 sessions"
# what the blocks wrote: the imported villages, Chinese headers read back
has scratch/tmp/new/projects.csv ',石桥镇,上寨村,韦明,潘芳,36940.00,'
has scratch/tmp/new-projects.csv '编号,镇,村,领导,专干,预算'
# the plan's own words: other funds booked, a milestone reached
has scratch/tmp/p2/funds.csv ',receipt,village,'
has scratch/tmp/p2/progress.csv ',P001,roofed,'
done_
