/*
 * briefing.c - the briefing for a district meeting: one self-contained
 * HTML page with its charts as inline SVG (vl-report briefing).
 *
 * Every figure comes from standing.c, overdue.c and ledger.c, the code
 * the CSV reports use; this file only lays them out.  Geometry is in
 * integers, shares through vl_permille, money through vl_wan and
 * vl_money_format: no float anywhere.  Every text from the register is
 * escaped.  Nothing outside the page is named (no script, no font, no
 * style sheet, no image to fetch), so it opens from a USB stick in an
 * office without a network, and it prints on A4.  The page depends on the
 * register and the day alone: the same register and --as-of give the
 * same bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/briefing_priv.h"

/* ---- the head --------------------------------------------------------- */

#define SANS "\"Noto Sans CJK SC\", \"Source Han Sans SC\", " \
	"\"Microsoft YaHei\", \"PingFang SC\", \"WenQuanYi Zen Hei\", " \
	"SimHei, sans-serif"
#define SERIF "\"Noto Serif CJK SC\", \"Source Han Serif SC\", SimSun, " \
	"\"Songti SC\", serif"

/* No url(), no @import, no < or & (the page is well-formed XML too). */
const char vl_briefing_style[] =
    "@page { size: A4; margin: 15mm; }\n"
    "@page { @bottom-right { content: \"第 \" counter(page) \" 页 共 \" "
    "counter(pages) \" 页\"; font-size: 8pt; color: " MUTED "; } }\n"
    "* { box-sizing: border-box; }\n"
    "html { background: #d5d9df; }\n"
    "body { margin: 0; padding: 24px 0; color: " INK "; font: 10.5pt/1.5 "
    SANS "; }\n"
    ".sheet { width: 210mm; margin: 0 auto; padding: 12mm 15mm 14mm; "
    "background: #fff; box-shadow: 0 1px 6px rgba(0, 0, 0, 0.25); }\n"
    ".masthead { margin: 0; text-align: center; color: " RED "; "
    "font: 700 28pt/1.2 " SERIF "; letter-spacing: 0.35em; }\n"
    ".issue { display: flex; justify-content: space-between; margin: 6px 0 0; "
    "padding-bottom: 3px; border-bottom: 2px solid " RED "; "
    "font-size: 9.5pt; color: " MUTED "; }\n"
    ".rule { margin: 0; border: 0; border-top: 1px solid " RED "; "
    "margin-top: 2px; }\n"
    "h1 { margin: 10px 0 2px; text-align: center; font: 700 16pt/1.3 "
    SERIF "; }\n"
    ".sub { margin: 0 0 10px; text-align: center; color: " MUTED "; "
    "font-size: 9.5pt; }\n"
    "h2 { margin: 14px 0 6px; padding-left: 7px; border-left: 4px solid "
    BLUE "; font-size: 12pt; line-height: 1.3; break-after: avoid; }\n"
    ".tiles { display: grid; grid-template-columns: repeat(4, 1fr); "
    "gap: 8px; }\n"
    ".tile { border: 1px solid #cbd2d9; border-top: 3px solid " BLUE "; "
    "padding: 5px 8px 6px; break-inside: avoid; }\n"
    ".tile.alert { border-top-color: " RED "; }\n"
    ".tile.half { grid-column: span 2; display: flex; gap: 12px; "
    "align-items: center; }\n"
    ".tile p { margin: 0; font-size: 9pt; }\n"
    ".tile .label { color: " MUTED "; }\n"
    ".tile .big { margin: 1px 0; font-size: 22pt; font-weight: 700; "
    "line-height: 1.2; font-variant-numeric: tabular-nums; "
    "white-space: nowrap; }\n"
    ".tile .big.wan { font-size: 16pt; line-height: 1.6; }\n"
    ".bar { height: 6px; margin: 3px 0; background: " TRACK "; }\n"
    ".bar span { display: block; height: 6px; background: " BLUE "; }\n"
    ".late { color: " RED "; }\n"
    "b.late, .tile .late { font-weight: 700; }\n"
    "figure { margin: 0; break-inside: avoid; }\n"
    "svg.chart { display: block; width: 100%; height: auto; "
    "font-size: 12px; font-family: " SANS "; }\n"
    "svg text { fill: " INK "; }\n"
    "svg .muted { fill: " MUTED "; font-size: 11px; }\n"
    "svg .b { font-weight: 700; }\n"
    "svg .late { fill: " RED "; }\n"
    "figcaption { margin: 2px 0 6px; color: " MUTED "; font-size: 8.5pt; }\n"
    "table.data { width: 100%; border-collapse: collapse; font-size: 8.5pt; "
    "margin: 4px 0; }\n"
    "table.data th, table.data td { padding: 2px 4px; text-align: left; "
    "vertical-align: top; border-bottom: 1px solid #d5dae0; }\n"
    "table.data th { background: #eef1f5; font-weight: 700; "
    "white-space: nowrap; }\n"
    "table.data .num { text-align: right; white-space: nowrap; "
    "font-variant-numeric: tabular-nums; }\n"
    "table.data .nowrap { white-space: nowrap; }\n"
    "table.data tr.sum td { font-weight: 700; border-top: 1px solid "
    MUTED "; }\n"
    "table.data tr.sub td { color: " MUTED "; }\n"
    "table.data tr { break-inside: avoid; }\n"
    ".tag { display: inline-block; padding: 0 4px; border-radius: 2px; "
    "color: #fff; background: " MUTED "; font-size: 8pt; "
    "white-space: nowrap; }\n"
    ".tag.red { background: " RED "; }\n"
    ".tag.blue { background: " BLUE "; }\n"
    ".none { color: " MUTED "; }\n"
    "footer { margin-top: 12px; padding-top: 4px; border-top: 1px solid "
    "#cbd2d9; color: " MUTED "; font-size: 8pt; }\n"
    "footer p { margin: 0; }\n"
    "@media print {\n"
    "  html { background: none; }\n"
    "  body { padding: 0; }\n"
    "  .sheet { width: auto; margin: 0; padding: 0; box-shadow: none; }\n"
    "  section { break-inside: auto; }\n"
    "}\n";

static void
head(struct page *pg)
{
	char d[VL_DATE_BUFSZ];

	put(pg, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
	    "<meta charset=\"utf-8\"/>\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\"/>\n<title>");
	esc(pg, pg->b->plan.name);
	put(pg, " 工作简报 %s</title>\n<style>\n%s</style>\n</head>\n<body>\n"
	    "<main class=\"sheet\">\n", vl_date_format(pg->today, d),
	    vl_briefing_style);
}

static void
masthead(struct page *pg)
{
	const struct vl_plan *p = &pg->b->plan;
	char d[VL_DATE_BUFSZ], w[VL_WAN_BUFSZ], m[VL_MONEY_BUFSZ];

	put(pg, "<header>\n<p class=\"masthead\">工作简报</p>\n"
	    "<p class=\"issue\"><span>村级组织活动场所建设</span><span>截至 "
	    "<time id=\"as-of\" datetime=\"%s\">", vl_date_format(pg->today, d));
	cn_date(pg, pg->today);
	put(pg, "</time></span></p>\n<hr class=\"rule\"/>\n<h1>");
	esc(pg, p->name);
	put(pg, "</h1>\n<p class=\"sub\">");
	if (pg->b->keep) {	/* which part of the register */
		put(pg, "<span id=\"narrowed\">");
		esc(pg, pg->b->narrowed_zh);
		put(pg, "</span> · ");
	}
	put(pg, "%ld 个村 · 动工截止 %s", vl_book_villages(pg->b),
	    vl_date_format(p->start_by, d));
	put(pg, " · 竣工截止 %s · %s <span id=\"total-wan\">%s</span>"
	    "（<span id=\"total\">", vl_date_format(p->complete_by, d),
	    pg->b->keep ? "预算" : "总投资", vl_wan(pg->base, w));
	put(pg, "%s</span> 元）· 专款专用</p>\n</header>\n",
	    vl_money_format(pg->base, m));
}

/* ---- the headline ----------------------------------------------------- */

static void
tile_started(struct page *pg)
{
	const struct vl_plan *p = &pg->b->plan;
	long villages = vl_book_villages(pg->b);
	long behind = villages - pg->total.started;
	char d[VL_DATE_BUFSZ], pct[VL_SHARE_BUFSZ];
	bool late = behind > 0 && pg->today > p->start_by;

	vl_date_format(p->start_by, d);
	put(pg, "<div class=\"tile%s\">\n<p class=\"label\">已动工%s</p>\n"
	    "<p class=\"big\"><span id=\"started\">%ld/%ld</span></p>\n",
	    late ? " alert" : "", strncmp(d + 4, "-12-", 4) == 0 ?
	    " · 12月份全部动工" : "", pg->total.started, villages);
	bar(pg, vl_permille(pg->total.started, villages), BLUE);
	put(pg, "<p><span id=\"started-share\">%s</span> · 截止 %s</p>\n",
	    vl_share(pg->total.started, villages, pct) ? pct : "", d);
	if (behind <= 0)
		put(pg, "<p>全部动工</p>\n");
	else if (late)
		put(pg, "<p class=\"late\">%ld 个村未动工，已超期 %ld 天</p>\n",
		    behind, (long)(pg->today - p->start_by));
	else
		put(pg, "<p>%ld 个村未动工，距截止 %ld 天</p>\n", behind,
		    (long)(p->start_by - pg->today));
	put(pg, "</div>\n");
}

/* an amount against the plan's total (the budgets kept) */
static void
tile_money(struct page *pg, const char *label, const char *id, int64_t fen,
    const char *colour)
{
	char m[VL_MONEY_BUFSZ], w[VL_WAN_BUFSZ], pct[VL_SHARE_BUFSZ] = "";
	long pm = vl_permille_fen(fen, pg->base);

	if (pm >= 0)
		snprintf(pct, sizeof pct, "%ld.%ld%%", pm / 10, pm % 10);
	put(pg, "<div class=\"tile\">\n<p class=\"label\">%s</p>\n<p class=\"big "
	    "wan\"><span id=\"%s-wan\">%s</span></p>\n", label, id,
	    vl_wan(fen, w));
	bar(pg, pm, colour);
	put(pg, "<p><span id=\"%s\">%s</span> 元</p>\n", id,
	    vl_money_format(fen, m));
	put(pg, "<p class=\"label\">占%s %s 的 %s</p>\n</div>\n",
	    pg->b->keep ? "预算" : "总额", vl_wan(pg->base, w), pct);
}

static void
tile_findings(struct page *pg)
{
	const struct vl_findings *f = &pg->f;
	int k;

	put(pg, "<div class=\"tile half%s\">\n<p class=\"big%s\"><span "
	    "id=\"findings-open\">%zu</span> 项</p>\n<div>\n<p class=\"label\">"
	    "未整改问题（质量安全在前）</p>\n<p>", f->open_by[0] + f->open_by[1] ?
	    " alert" : "", f->open_by[0] + f->open_by[1] ? " late" : "", f->n);
	for (k = 0; k <= VL_NGRAVITY; k++)
		if (k < 2 || f->open_by[k] > 0)
			put(pg, "%s<span%s>%s %ld 项</span>", k ? " · " : "",
			    k < 2 && f->open_by[k] ? " class=\"late\"" : "",
			    aspect_label(k < VL_NGRAVITY ?
			    vl_aspects_by_gravity[k] : ""), f->open_by[k]);
	put(pg, "</p>\n<p%s>逾期未整改 <span id=\"findings-late\">%ld</span> "
	    "项</p>\n</div>\n</div>\n", f->late ? " class=\"late\"" : "",
	    f->late);
}

static void
tile_late(struct page *pg)
{
	long late = 0, flags = 0;
	size_t i;

	for (i = 0; i < pg->nod; i++)
		if (pg->od[i].status == VL_OD_LATE)
			late++;
		else
			flags++;
	put(pg, "<div class=\"tile half%s\">\n<p class=\"big%s\"><span "
	    "id=\"late-items\">%ld</span> 项</p>\n<div>\n<p class=\"label\">"
	    "逾期事项（见第五部分）</p>\n<p>未动工、未竣工、未验收、未整改"
	    "</p>\n<p>另有 <span id=\"flags\">%ld</span> 项须纠正（未审先建、"
	    "责任人未填）</p>\n</div>\n</div>\n", late ? " alert" : "",
	    late ? " late" : "", late, flags);
}

static void
headline(struct page *pg)
{
	const struct vl_ledger_sums *t = &pg->l->total;

	put(pg, "<section class=\"tiles\" aria-label=\"主要数字\">\n");
	tile_started(pg);
	if (!pg->b->keep)	/* receipts are the register's */
		tile_money(pg, "资金到位", "received", t->received, BLUE);
	tile_money(pg, "已下拨", "allocated", t->allocated, BLUE2);
	tile_money(pg, "已支出", "spent", t->spent, GREEN);
	tile_findings(pg);
	tile_late(pg);
	put(pg, "</section>\n");
}

/* ---- 四、open findings, safety and quality first ---------------------- */

#define FIND_X 60
#define FIND_BAR 380

static void
findings_chart(struct page *pg)
{
	const struct vl_findings *f = &pg->f;
	long max = 1, y = 6, len, late;
	int k, rows = VL_NGRAVITY + (f->open_by[VL_NGRAVITY] > 0);

	for (k = 0; k < rows; k++)
		max = f->open_by[k] > max ? f->open_by[k] : max;
	svg_open(pg, "findings", 12 + rows * 24L, "未整改问题（按检查方面）");
	for (k = 0; k < rows; k++)
		put(pg, "%s %ld 项（逾期 %ld 项）%s", aspect_label(k < VL_NGRAVITY ?
		    vl_aspects_by_gravity[k] : ""), f->open_by[k], f->late_by[k],
		    k + 1 < rows ? "；" : "。");
	put(pg, "</desc>\n");
	for (k = 0; k < rows; k++, y += 24) {
		text(pg, 0, y + 11, NULL, k < 2 && f->open_by[k] ? "b late" :
		    "b");
		put(pg, "%s</text>", aspect_label(k < VL_NGRAVITY ?
		    vl_aspects_by_gravity[k] : ""));
		late = len_of(f->late_by[k], max, FIND_BAR);
		len = len_of(f->open_by[k], max, FIND_BAR);
		rect(pg, FIND_X, y, FIND_BAR, 14, "#f5f7fa");
		rect(pg, FIND_X, y, late, 14, RED);
		rect(pg, FIND_X + late, y, len - late, 14, "#52606d");
		text(pg, FIND_X + FIND_BAR + 8, y + 11, NULL, f->late_by[k] ?
		    "late" : NULL);
		put(pg, "%ld 项", f->open_by[k]);
		if (f->late_by[k])
			put(pg, "，其中逾期 %ld 项", f->late_by[k]);
		put(pg, "</text>\n");
	}
	put(pg, "</svg>\n");
}

static void
finding_row(struct page *pg, const struct vl_inspection *in)
{
	const struct vl_project *p = vl_projects_find(&pg->b->projects,
	    in->project);
	int rank = vl_aspect_rank(in->aspect);
	char d[VL_DATE_BUFSZ];

	put(pg, "<tr><td><span class=\"tag%s\">%s</span></td><td class=\"nowrap\">"
	    "#", rank < 2 ? " red" : "", aspect_label(in->aspect));
	esc(pg, in->id);
	put(pg, " %s</td><td class=\"nowrap\">", phase_label(in->phase));
	esc(pg, p->id);
	put(pg, " ");
	esc(pg, p->town);
	esc(pg, p->village);
	put(pg, "</td><td>");
	esc(pg, in->finding);
	put(pg, "</td><td class=\"num\">%s</td>", vl_date_format(in->due, d));
	if (vl_finding_late(in, pg->today))
		put(pg, "<td class=\"num late\">%ld 天</td>",
		    (long)(pg->today - in->due));
	else
		put(pg, "<td class=\"num\"></td>");
	put(pg, "<td class=\"nowrap\">");
	person(pg, p->leader);
	put(pg, "</td><td class=\"nowrap\">");
	person(pg, p->specialist);
	put(pg, "</td></tr>\n");
}

static void
findings(struct page *pg)
{
	size_t i;

	put(pg, "<section id=\"findings\">\n<h2>四、质量安全问题整改"
	    "（进度服从质量、平安高于一切）</h2>\n<figure>\n");
	findings_chart(pg);
	put(pg, "<figcaption>安全、质量问题列前；红色为已过整改期限仍未整改。"
	    "</figcaption>\n</figure>\n");
	if (pg->f.n == 0) {
		put(pg, "<p class=\"none\">无未整改问题。</p>\n</section>\n");
		return;
	}
	put(pg, "<table class=\"data\">\n<thead><tr><th>方面</th><th>检查</th>"
	    "<th>项目</th><th>问题</th><th class=\"num\">整改期限</th>"
	    "<th class=\"num\">逾期</th><th>责任领导</th><th>专干</th></tr>"
	    "</thead>\n<tbody>\n");
	for (i = 0; i < pg->f.n; i++)
		finding_row(pg, pg->f.v[i]);
	put(pg, "</tbody>\n</table>\n</section>\n");
}

/* ---- 五、the overdue list, with who is responsible --------------------- */

/* why, in Chinese, from the item's own dates */
static void
overdue_why(struct page *pg, const struct vl_overdue *o)
{
	char d1[VL_DATE_BUFSZ], d2[VL_DATE_BUFSZ];

	switch (o->kind) {
	case VL_OD_NOT_STARTED:
		put(pg, "未见动工记录");
		break;
	case VL_OD_MILESTONE:
		put(pg, "未见“");
		esc(pg, vl_tr_zh("stage", o->stage));
		put(pg, "”记录");
		break;
	case VL_OD_RECTIFICATION:
		put(pg, "#");
		esc(pg, o->insp->id);
		put(pg, " %s %s问题：", phase_label(o->insp->phase),
		    aspect_label(o->insp->aspect));
		esc(pg, o->insp->finding);
		break;
	case VL_OD_NOT_COMPLETED:
		if (o->started == VL_NODATE)
			put(pg, "未动工，未见竣工记录");
		else
			put(pg, "%s 动工，未见竣工记录", vl_date_format(o->started, d1));
		break;
	case VL_OD_NOT_ACCEPTED:
		put(pg, "%s 竣工，%ld 天内未见验收合格", vl_date_format(o->completed, d1),
		    pg->b->plan.accept_within);
		break;
	case VL_OD_STARTED_BEFORE_REVIEW:
		if (o->reviewed == VL_NODATE)
			put(pg, "%s 动工，未见事前审查通过", vl_date_format(o->started, d1));
		else
			put(pg, "%s 动工，%s 审查通过", vl_date_format(o->started, d1),
			    vl_date_format(o->reviewed, d2));
		break;
	case VL_OD_MISSING_LEADER:
		put(pg, "projects.csv 未填责任领导");
		break;
	case VL_OD_MISSING_SPECIALIST:
		put(pg, "projects.csv 未填专干");
		break;
	case VL_OD_TASK:	/* listed in 六, not here */
		esc(pg, o->task->title);
		break;
	}
}

static void
overdue_row(struct page *pg, const struct vl_overdue *o)
{
	bool grave = o->kind == VL_OD_RECTIFICATION &&
	    vl_aspect_rank(o->insp->aspect) < 2;
	char d[VL_DATE_BUFSZ];

	put(pg, "<tr><td class=\"nowrap\"><span class=\"tag%s\">%s</span></td>"
	    "<td class=\"nowrap\">", o->status == VL_OD_FLAG ? "" : grave ||
	    o->kind == VL_OD_NOT_STARTED ? " red" : " blue",
	    kind_label(o->kind));
	esc(pg, o->project->id);
	put(pg, " ");
	esc(pg, o->project->town);
	esc(pg, o->project->village);
	put(pg, "</td><td class=\"nowrap\">");
	person(pg, o->project->leader);
	put(pg, "</td><td class=\"nowrap\">");
	person(pg, o->project->specialist);
	put(pg, "</td><td class=\"num\">%s</td>", vl_date_format(o->due, d));
	if (o->status == VL_OD_LATE)
		put(pg, "<td class=\"num late\">%ld</td>", o->days_late);
	else
		put(pg, "<td class=\"num\"></td>");
	put(pg, "<td>");
	overdue_why(pg, o);
	put(pg, "</td></tr>\n");
}

static void
overdue(struct page *pg)
{
	size_t i;

	put(pg, "<section id=\"overdue\">\n<h2>五、逾期事项及责任人</h2>\n");
	if (pg->nod == 0) {
		put(pg, "<p class=\"none\">无逾期事项。</p>\n</section>\n");
		return;
	}
	put(pg, "<table class=\"data\">\n<thead><tr><th>事项</th><th>项目</th>"
	    "<th>责任领导</th><th>专干</th><th class=\"num\">期限</th>"
	    "<th class=\"num\">逾期天数</th><th>说明</th></tr></thead>\n"
	    "<tbody>\n");
	for (i = 0; i < pg->nod; i++)
		overdue_row(pg, &pg->od[i]);
	put(pg, "</tbody>\n</table>\n<p class=\"none\" style=\"font-size: "
	    "8pt\">按逾期天数排列，多者在前；须纠正事项（无期限）列后。"
	    "</p>\n</section>\n");
}

/* ---- 六、the programme's other duties (tasks.csv) ----------------------- */

/* The tasks the page keeps (a filter keeps its leader's as owner, none of
 * a town's), and how many of them are done into *done. */
static size_t
tasks_kept(const struct vl_book *b, long *done)
{
	size_t i, n = 0;

	*done = 0;
	for (i = 0; i < b->ntasks; i++) {
		if (!vl_book_task_kept(b, i))
			continue;
		n++;
		*done += b->tasks[i].done != VL_NODATE;
	}
	return n;
}

/* The tasks late by the day, with their owners; the section only when the
 * page keeps tasks, counted as vl-report summary counts them. */
static void
tasks(struct page *pg, const struct vl_overdue *td, size_t n)
{
	char d[VL_DATE_BUFSZ];
	long done;
	size_t i, kept;

	kept = tasks_kept(pg->b, &done);
	if (kept == 0)
		return;
	put(pg, "<section id=\"tasks\">\n<h2>六、其他工作任务</h2>\n<p>共 "
	    "%zu 项任务，已完成 %ld 项，逾期 %zu 项。</p>\n", kept, done, n);
	if (n == 0) {
		put(pg, "</section>\n");
		return;
	}
	put(pg, "<table class=\"data\">\n<thead><tr><th>任务</th><th>方面"
	    "</th><th>内容</th><th>责任人</th><th class=\"num\">期限</th>"
	    "<th class=\"num\">逾期天数</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < n; i++) {
		put(pg, "<tr><td class=\"nowrap\">");
		esc(pg, td[i].task->id);
		put(pg, "</td><td>");
		esc(pg, td[i].task->area);
		put(pg, "</td><td>");
		esc(pg, td[i].task->title);
		put(pg, "</td><td class=\"nowrap\">");
		person(pg, td[i].task->owner);
		put(pg, "</td><td class=\"num\">%s</td><td class=\"num "
		    "late\">%ld</td></tr>\n", vl_date_format(td[i].due, d),
		    td[i].days_late);
	}
	put(pg, "</tbody>\n</table>\n</section>\n");
}

/* The late tasks out of the overdue list into *td: the list's sections
 * are the projects'. */
static size_t
split_tasks(struct page *pg, struct vl_overdue **td)
{
	size_t i, k = 0, n = 0;

	*td = vl_xcalloc(pg->nod + 1, sizeof **td);
	for (i = 0; i < pg->nod; i++)
		if (pg->od[i].task)
			(*td)[n++] = pg->od[i];
		else
			pg->od[k++] = pg->od[i];
	pg->nod = k;
	return n;
}

/* ---- the page ----------------------------------------------------------- */

static void
footer(struct page *pg)
{
	char d[VL_DATE_BUFSZ];

	put(pg, "<footer>\n<p>数据截至 %s，此后登记的记录不计。各项数字与 "
	    "vl-report progress、funds、overdue 同一算法、同一台账。金额以万元"
	    "（两位小数，四舍五入）和元（精确到分）表示。</p>\n</footer>\n</main>\n</body>\n"
	    "</html>\n", vl_date_format(pg->today, d));
}

void
vl_briefing(const struct vl_book *b, const struct vl_ledger *l,
    struct vl_buf *out)
{
	struct vl_overdue *td;
	struct page pg;
	size_t ntd;

	memset(&pg, 0, sizeof pg);
	pg.o = out;
	pg.b = b;
	pg.l = l;
	pg.today = b->as_of;
	pg.base = b->keep ? vl_kept_budget(b) : b->plan.total;
	pg.s = vl_standings(b);
	pg.ntowns = vl_tally_towns(b, pg.s, &pg.towns, &pg.total);
	vl_findings_collect(b, &pg.f);
	pg.nod = vl_overdue_collect(b, -1, &pg.od);
	ntd = split_tasks(&pg, &td);
	pg.nfr = vl_funds_rows(b, l, &pg.fr);
	head(&pg);
	masthead(&pg);
	headline(&pg);
	vl_briefing_burnup(&pg);
	vl_briefing_towns(&pg);
	vl_briefing_funds(&pg);
	findings(&pg);
	overdue(&pg);
	tasks(&pg, td, ntd);
	footer(&pg);
	free(td);
	free(pg.fr);
	free(pg.od);
	vl_findings_free(&pg.f);
	free(pg.towns);
	free(pg.s);
}

