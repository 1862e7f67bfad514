# --help and the man page name the same commands and options; every
# option the tool takes is in both
. "$TESTS/lib.sh"
expect 0 vl-inspect --help
mv out help
has help 'usage: vl-inspect'
expect 0 vl-inspect list --help
same out help
command -v mandoc > /dev/null || { note "no mandoc: skipped"; exit 0; }
mandoc -Tutf8 -O width=1000 "$TOP/man/vl-inspect.1" | sed 's/.\x08//g' > man
for w in add close list show sample --project --phase --aspect --result \
    --finding --due --inspector --date --id --import --note --open \
    --overdue --town --check --count --seed --skip-recent --stage --dir \
    --as-of --format --excel --encoding --input-encoding --lang --version --output xlsx \
    review check acceptance quality progress funds safety pass fail \
    registered reviewed started completed accepted --by --evidence \
    closed_by close_note close_evidence \
    YYYYMMDD VL_DIR VL_AS_OF; do
	has help "$w"
	grep -qF -- "$w" man || fail "vl-inspect.1 lacks $w"
done
# each option named is taken by the command it is listed for
demo reg
export VL_AS_OF=2023-06-15
expect 0 vl-inspect -C reg list --open --overdue --project P05 --town 青山镇 \
    --phase check --aspect safety --result fail --format table --excel \
    --encoding utf-8 --input-encoding utf-8
expect 0 vl-inspect -C reg sample --count 1 --seed 1 --skip-recent 1 \
    --town 青山镇 --stage started
expect 0 vl-inspect --version
has out 'vl-inspect (vl) '
expect 2 vl-inspect
has err 'usage: vl-inspect add|close|list|show|sample'
expect 2 vl-inspect audit
has err 'unknown command "audit"'
expect 2 vl-inspect sample --count 1 --bogus
done_
