# The Chinese catalogue covers every message: the sources extracted again
# with the Makefile's own xgettext keywords (make POT=FILE FILE, so the
# test and the build never differ), merged with po/zh_CN.po, leave no
# entry untranslated or fuzzy, and every translation keeps the printf
# conversions of its English (msgfmt --check).
. "$TESTS/lib.sh"
for t in xgettext msgmerge msgattrib msgfmt make; do
	command -v $t > /dev/null || { note "no $t (gettext): skipped"; exit 0; }
done
make -s --no-print-directory -C "$TOP" POT="$PWD/vl.pot" "$PWD/vl.pot" \
    > make.out 2>&1 || { fail "xgettext"; cat make.out >&2; done_; }
grep -q '^msgid "not an amount"$' vl.pot || fail "vl.pot lacks a known message"
grep -q '^msgid "days_late"$' vl.pot || fail "vl.pot lacks po/columns.c"
msgmerge --quiet --no-fuzzy-matching -o merged.po "$TOP/po/zh_CN.po" vl.pot ||
    fail "msgmerge"
msgattrib --untranslated --no-obsolete merged.po > untranslated
msgattrib --only-fuzzy --no-obsolete merged.po > fuzzy
[ -s untranslated ] && { fail "untranslated (make po, then translate):";
    grep '^msgid' untranslated | head -20 >&2; }
[ -s fuzzy ] && { fail "fuzzy:"; grep '^msgid' fuzzy | head -20 >&2; }
msgfmt --check --statistics -o /dev/null merged.po 2> stats ||
    { fail "msgfmt --check"; cat stats >&2; }
grep -q 'untranslated\|fuzzy' stats && fail "merged: $(cat stats)"
# the catalogue as committed is whole too: what make builds
msgfmt --check --statistics -o /dev/null "$TOP/po/zh_CN.po" 2> stats
grep -q 'untranslated\|fuzzy' stats && fail "po/zh_CN.po: $(cat stats)"
# and it is what the tools read: a message comes out in Chinese
expect 2 vl-report --lang zh -C nowhere overdue
has err '不是 vl 台账（没有 plan.json）；请先用 vl-add init 建立'
done_
