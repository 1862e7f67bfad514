# --help in Chinese (--lang zh, or LANG=zh_CN.UTF-8 as a desktop sets it)
# and in English (cron's empty environment, or --lang en), exit 0 both,
# for all four tools; a subcommand's --help is the tool's; --help and the
# man page both name --lang.
. "$TESTS/lib.sh"
# Chinese characters and full-width punctuation
cjk='[\x{3000}-\x{303f}\x{3400}-\x{9fff}\x{ff00}-\x{ffef}]'
for t in vl-add vl-fund vl-inspect vl-report; do
	expect 0 $t --lang zh --help
	mv out zh
	has zh "用法: $t [-C DIR] COMMAND [OPTIONS]"
	has zh '选项:'
	has zh '  --lang en|zh             '
	has zh '  -h, --help               显示本帮助'
	grep -qP "$cjk" zh || fail "$t --lang zh --help: no Chinese"
	expect 0 env LC_ALL= LANG=zh_CN.UTF-8 $t --help
	same out zh
	expect 0 $t --help --lang=zh
	same out zh
	expect 0 env -i PATH="$PATH" $t --help
	mv out en
	has en "usage: $t [-C DIR] COMMAND [OPTIONS]"
	has en '  --lang en|zh             '
	# no Chinese but the values a clerk types: 3.694万, 184.7万, 整改
	sed 's/[0-9.]*万//g; s/\[整改: T\]//' en > en.prose
	grep -P "$cjk" en.prose >&2 && fail "$t: Chinese in the English --help"
	expect 0 env LC_ALL= LANG=zh_CN.UTF-8 $t --lang en --help
	same out en
	expect 0 $t --help
	same out en
	# the same options, in the same order, in both languages
	grep -o -- '--[a-z][a-z-]*' en > en.opts
	grep -o -- '--[a-z][a-z-]*' zh > zh.opts
	same en.opts zh.opts
	command -v mandoc > /dev/null &&
	    ! mandoc -Tascii "$TOP/man/$t.1" | sed 's/.\x08//g' |
	    grep -qF -- '--lang en | zh' && fail "$t.1 lacks --lang"
done
# a subcommand's --help is the tool's, in Chinese as well
expect 0 vl-inspect list --lang zh --help
has out '用法: vl-inspect'
expect 0 vl-fund -C nowhere --help --lang zh
has out '用法: vl-fund'
# the language may stand before the command and its value after =
expect 0 vl-report --lang=zh --help
has out '用法: vl-report'
# LANGUAGE first, then LC_ALL, LC_MESSAGES, LANG: the first one set
expect 0 env LANGUAGE=zh_CN:en LC_ALL=C LANG=C vl-add --help
has out '用法: vl-add'
expect 0 env LANGUAGE=en LANG=zh_CN.UTF-8 vl-add --help
has out 'usage: vl-add'
expect 0 env -u LANGUAGE LC_ALL=C.UTF-8 LANG=zh_CN.UTF-8 vl-add --help
has out 'usage: vl-add'
expect 0 env LC_ALL= LC_MESSAGES=zh_CN.UTF-8 LANG=en_US.UTF-8 vl-add --help
has out '用法: vl-add'
done_
