# A word an option takes may be typed as a Chinese table shows it (SPEC:
# under --lang zh every word a person reads is Chinese, and a clerk types
# what she reads): the same rows as the English word, in either language;
# a word not known is said with the Chinese of each word under --lang zh.
. "$TESTS/lib.sh"
demo d
export VL_AS_OF=2023-06-15
# same_rows WORD_EN WORD_ZH CMD...: CMD --OPTION WORD gives the same CSV
# either way, and not an empty one
same_rows() {
	opt=$1 en=$2 zh=$3; shift 3
	expect 0 "$@" "$opt" "$en"
	cp out en.csv
	[ "$(wc -l < en.csv)" -gt 1 ] || fail "$* $opt $en: no row"
	expect 0 "$@" "$opt" "$zh"
	same out en.csv
	expect 0 "$@" "$opt" "$zh" --lang zh
	same out en.csv
}
same_rows --kind not-completed 未按期竣工 vl-report -C d overdue
same_rows --status flag 需纠正 vl-report -C d overdue
same_rows --status pending 待到位 vl-fund -C d check
same_rows --phase check 事中检查 vl-inspect -C d list
same_rows --result fail 不通过 vl-inspect -C d list
# the plan's words (checked once the plan is read)
same_rows --aspect safety 安全 vl-inspect -C d list
# progress --since: a kind of change, not the overdue list's kind
same_rows --kind started 动工 vl-report -C d progress --since 2022-12-01
# a list option: each word of it, English and Chinese mixed
expect 0 vl-inspect -C d sample --count 50 --seed 7 --stage completed,accepted
cp out en.csv
expect 0 vl-inspect -C d sample --count 50 --seed 7 --stage 已竣工,accepted
same out en.csv
expect 0 vl-inspect -C d sample --count 50 --seed 7 --stage 已竣工 \
    --stage 已验收
same out en.csv
# a word that is none: said with the Chinese of each, and nothing run
expect 2 vl-report -C d overdue --kind 逾期 --lang zh
has err 'vl-report: --kind: "逾期" 不是以下之一: 未按期动工（not-started）、'
has err '任务（task）'
lines err 1
expect 2 vl-report -C d overdue --kind late
has err 'vl-report: --kind: "late" is not one of not-started, milestone, '
expect 2 vl-inspect -C d list --aspect 环境 --lang zh
has err 'vl-inspect: --aspect: "环境" 不是以下之一: 质量（quality）、进度（progress）'
# the machine's output never changes with the language: English words
expect 0 vl-report -C d overdue --kind 未按期竣工 --lang zh
has out 'not-completed,P33,'
hasnt out '未按期竣工'
done_
