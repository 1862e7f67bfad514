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
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/money.h"
#include "base/strbuf.h"
#include "report/briefing.h"
#include "rules/overdue.h"
#include "rules/standing.h"

/* colours: sober blues and greys; red only for what is late or unsafe */
#define INK	"#1f2933"
#define MUTED	"#616e7c"
#define GRID	"#e4e7eb"
#define TRACK	"#e4e7eb"
#define BLUE	"#1d4e89"
#define BLUE2	"#5b8bc4"
#define GREEN	"#2f6b55"
#define PLAN	"#b8c0cc"
#define RED	"#b3261e"
#define REDTINT	"#f3d3cf"

#define SVG_W	680	/* the width of every chart, in px at 96 dpi */

struct page {
	struct vl_buf *o;
	const struct vl_book *b;
	const struct vl_ledger *l;
	vl_date today;
	struct vl_standing *s;
	struct vl_tally *towns, total;
	size_t ntowns;
	struct vl_findings f;
	struct vl_overdue *od;
	size_t nod;
	struct vl_funds_row *fr;
	size_t nfr;
};

/* ---- writing ---------------------------------------------------------- */

/* markup and numbers; never a text from the register */
static void
put(struct page *pg, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	vl_buf_reserve(pg->o, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(pg->o->data + pg->o->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	pg->o->len += (size_t)n;
}

static void
html_escape(struct vl_buf *b, const char *s)
{
	const char *run = s;

	for (; *s; s++) {
		const char *rep = NULL;

		switch (*s) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default:
			/* no control character is allowed in XML, and a line
			 * break in a cell is a blank */
			if ((unsigned char)*s < 0x20 || *s == 0x7f)
				rep = " ";
		}
		if (!rep)
			continue;
		vl_buf_add(b, run, (size_t)(s - run));
		vl_buf_puts(b, rep);
		run = s + 1;
	}
	vl_buf_add(b, run, (size_t)(s - run));
}

static void
esc(struct page *pg, const char *s)
{
	html_escape(pg->o, s);
}

/* a person responsible, or a red mark where the register names none */
static void
person(struct page *pg, const char *name)
{
	if (name[strspn(name, " \t")] == '\0')
		put(pg, "<span class=\"late\">（未填）</span>");
	else
		esc(pg, name);
}

static const char *
day(vl_date d, char buf[VL_DATE_BUFSZ])
{
	return d == VL_NODATE ? "" : vl_date_format(d, buf);
}

/* the year, month and day of d */
static void
ymd(vl_date d, int *y, int *m, int *dd)
{
	char buf[VL_DATE_BUFSZ];

	vl_date_format(d, buf);
	*y = atoi(buf), *m = atoi(buf + 5), *dd = atoi(buf + 8);
}

/* 2023年6月15日 */
static void
cn_date(struct page *pg, vl_date d)
{
	int y, m, dd;

	ymd(d, &y, &m, &dd);
	put(pg, "%d年%d月%d日", y, m, dd);
}

/* ---- labels ----------------------------------------------------------- */

static const char *
kind_label(enum vl_overdue_kind k)
{
	static const char *const label[] = {"未按期动工", "逾期未整改",
	    "未按期竣工", "逾期未验收", "未审先建", "缺责任领导", "缺专干"};

	return label[k];
}

static const char *
aspect_label(const char *aspect)
{
	static const char *const label[] = {"安全", "质量", "资金", "进度",
	    "其他"};

	return label[vl_aspect_rank(aspect)];
}

static const char *
phase_label(const char *phase)
{
	if (strcmp(phase, "review") == 0)
		return "事前审查";
	if (strcmp(phase, "check") == 0)
		return "事中检查";
	if (strcmp(phase, "acceptance") == 0)
		return "事后验收";
	return "检查";
}

static const char *
level_label(const char *level)
{
	static const char *const name[] = {"central", "region", "city",
	    "district", VL_FUNDS_NO_LEVEL, NULL};
	static const char *const label[] = {"中央", "自治区", "市", "区",
	    "未注明级次"};
	size_t i;

	for (i = 0; name[i]; i++)
		if (strcmp(name[i], level) == 0)
			return label[i];
	return level;
}

static void
line_label(struct page *pg, const struct vl_funds_row *r)
{
	if (r->kind == VL_FR_TOTAL)
		put(pg, "合计");
	else if (r->kind == VL_FR_STRAY || r->kind == VL_FR_STRAY_LEVEL)
		put(pg, "未分渠道");
	else
		esc(pg, r->line);
}

/* ---- geometry --------------------------------------------------------- */

/* v of max as a length of w, in [0, w] */
static long
len_of(long v, long max, long w)
{
	long pm = vl_permille(v, max);

	return pm <= 0 ? 0 : pm >= 1000 ? w : pm * w / 1000;
}

static long
len_fen(int64_t v, int64_t max, long w)
{
	long pm = vl_permille_fen(v, max);

	return pm <= 0 ? 0 : pm >= 1000 ? w : pm * w / 1000;
}

/* a round step for about five grid lines up to max (a plan may name any
 * number of villages: nothing here overflows) */
static long
grid_step(long max)
{
	static const long steps[] = {1, 2, 5};
	long scale = 1, fifth = max / 5 + (max % 5 != 0);
	int i;

	for (;;) {
		for (i = 0; i < 3; i++)
			if (steps[i] * scale >= fifth)
				return steps[i] * scale;
		if (scale > LONG_MAX / 100)
			return fifth;
		scale *= 10;
	}
}

/* the head of an accessible chart: role, title and description */
static void
svg_open(struct page *pg, const char *id, long h, const char *title)
{
	put(pg, "<svg class=\"chart\" viewBox=\"0 0 %d %ld\" width=\"%d\" "
	    "height=\"%ld\" role=\"img\" aria-labelledby=\"%s-t %s-d\">\n"
	    "<title id=\"%s-t\">%s"
	    "</title>\n<desc id=\"%s-d\">", SVG_W, h, SVG_W, h, id, id, id,
	    title, id);
}

static void
text(struct page *pg, long x, long y, const char *anchor, const char *cls)
{
	put(pg, "<text x=\"%ld\" y=\"%ld\"", x, y);
	if (anchor)
		put(pg, " text-anchor=\"%s\"", anchor);
	if (cls)
		put(pg, " class=\"%s\"", cls);
	put(pg, ">");
}

static void
rect(struct page *pg, long x, long y, long w, long h, const char *fill)
{
	if (w > 0)
		put(pg, "<rect x=\"%ld\" y=\"%ld\" width=\"%ld\" height=\"%ld\" "
		    "fill=\"%s\"/>", x, y, w, h, fill);
}

/* ---- the head --------------------------------------------------------- */

#define SANS "\"Noto Sans CJK SC\", \"Source Han Sans SC\", " \
	"\"Microsoft YaHei\", \"PingFang SC\", \"WenQuanYi Zen Hei\", " \
	"SimHei, sans-serif"
#define SERIF "\"Noto Serif CJK SC\", \"Source Han Serif SC\", SimSun, " \
	"\"Songti SC\", serif"

/* No url(), no @import, no < or & (the page is well-formed XML too). */
static const char style[] =
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
	    "<main class=\"sheet\">\n", vl_date_format(pg->today, d), style);
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
	put(pg, "</h1>\n<p class=\"sub\">%ld 个村 · 动工截止 %s", p->villages,
	    vl_date_format(p->start_by, d));
	put(pg, " · 竣工截止 %s · 总投资 <span id=\"total-wan\">%s</span>元"
	    "（<span id=\"total\">", vl_date_format(p->complete_by, d),
	    vl_wan(p->total, w));
	put(pg, "%s</span> 元）· 专款专用</p>\n</header>\n",
	    vl_money_format(p->total, m));
}

/* ---- the headline ----------------------------------------------------- */

static void
bar(struct page *pg, long pm, const char *colour)
{
	if (pm < 0)
		pm = 0;
	if (pm > 1000)
		pm = 1000;
	put(pg, "<div class=\"bar\"><span style=\"width: %ld.%ld%%; "
	    "background: %s\"></span></div>\n", pm / 10, pm % 10, colour);
}

static void
tile_started(struct page *pg)
{
	const struct vl_plan *p = &pg->b->plan;
	long behind = p->villages - pg->total.started;
	char d[VL_DATE_BUFSZ], pct[VL_SHARE_BUFSZ];
	bool late = behind > 0 && pg->today > p->start_by;

	vl_date_format(p->start_by, d);
	put(pg, "<div class=\"tile%s\">\n<p class=\"label\">已动工%s</p>\n"
	    "<p class=\"big\"><span id=\"started\">%ld/%ld</span></p>\n",
	    late ? " alert" : "", strncmp(d + 4, "-12-", 4) == 0 ?
	    " · 12月份全部动工" : "", pg->total.started, p->villages);
	bar(pg, vl_permille(pg->total.started, p->villages), BLUE);
	put(pg, "<p><span id=\"started-share\">%s</span> · 截止 %s</p>\n",
	    vl_share(pg->total.started, p->villages, pct) ? pct : "", d);
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

/* an amount against the plan's total */
static void
tile_money(struct page *pg, const char *label, const char *id, int64_t fen,
    const char *colour)
{
	char m[VL_MONEY_BUFSZ], w[VL_WAN_BUFSZ], pct[VL_SHARE_BUFSZ] = "";
	long pm = vl_permille_fen(fen, pg->b->plan.total);

	if (pm >= 0)
		snprintf(pct, sizeof pct, "%ld.%ld%%", pm / 10, pm % 10);
	put(pg, "<div class=\"tile\">\n<p class=\"label\">%s</p>\n<p class=\"big "
	    "wan\"><span id=\"%s-wan\">%s</span></p>\n", label, id,
	    vl_wan(fen, w));
	bar(pg, pm, colour);
	put(pg, "<p><span id=\"%s\">%s</span> 元</p>\n", id,
	    vl_money_format(fen, m));
	put(pg, "<p class=\"label\">占总额 %s 的 %s</p>\n</div>\n",
	    vl_wan(pg->b->plan.total, w), pct);
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
	tile_money(pg, "资金到位", "received", t->received, BLUE);
	tile_money(pg, "已下拨", "allocated", t->allocated, BLUE2);
	tile_money(pg, "已支出", "spent", t->spent, GREEN);
	tile_findings(pg);
	tile_late(pg);
	put(pg, "</section>\n");
}

/* ---- 一、burn-up: projects started day by day ------------------------- */

struct plot {
	vl_date from, to;	/* the days along x */
	long top;		/* the count at the top of y */
	long l, r, t, b;	/* the plot area */
};

static long
px(const struct plot *p, vl_date d)
{
	return p->l + len_of((long)(d - p->from), (long)(p->to - p->from),
	    p->r - p->l);
}

static long
py(const struct plot *p, long n)
{
	return p->b - len_of(n, p->top, p->b - p->t);
}

/* From the first day of the month of the first start (or of the
 * deadline, if earlier) to the day reported on or the deadline,
 * whichever later. */
static void
plot_range(struct page *pg, struct plot *p)
{
	const struct vl_plan *plan = &pg->b->plan;
	vl_date first = pg->today;
	long most, step;
	size_t i;
	int y, m, d;

	for (i = 0; i < pg->b->projects.n; i++)
		if (pg->s[i].m.started != VL_NODATE &&
		    pg->s[i].m.started < first)
			first = pg->s[i].m.started;
	if (plan->start_by < first)
		first = plan->start_by;
	ymd(first, &y, &m, &d);
	p->from = vl_date_from_ymd(y, m, 1);
	p->to = pg->today > plan->start_by ? pg->today : plan->start_by;
	if (p->to <= p->from)
		p->to = p->from + 1;
	most = plan->villages > (long)pg->b->projects.n ? plan->villages :
	    (long)pg->b->projects.n;
	step = grid_step(most > 0 ? most : 1);
	/* room above the target for its label */
	p->top = most <= LONG_MAX - most / 10 - step ?
	    (most + most / 10 + step) / step * step : most;
	p->l = 40, p->r = SVG_W - 12, p->t = 22, p->b = 218;
}

static void
y_grid(struct page *pg, const struct plot *p)
{
	long n, step = grid_step(p->top);

	for (n = 0;; n += step) {
		put(pg, "<line x1=\"%ld\" y1=\"%ld\" x2=\"%ld\" y2=\"%ld\" "
		    "stroke=\"%s\"/>", p->l, py(p, n), p->r, py(p, n),
		    n ? GRID : MUTED);
		text(pg, p->l - 6, py(p, n) + 4, "end", "muted");
		put(pg, "%ld</text>\n", n);
		if (n > p->top - step)	/* the next would pass the top */
			break;
	}
}

/* a tick at the first of each month, every k-th when there are many;
 * the year under the first tick and wherever it changes */
static void
x_ticks(struct page *pg, const struct plot *p)
{
	int y, m, d, y0, m0, k, every, nmonths, i, shown = 0;
	const char *anchor;
	vl_date tick;

	ymd(p->from, &y0, &m0, &d);
	ymd(p->to, &y, &m, &d);
	nmonths = (y - y0) * 12 + (m - m0) + 1;
	every = (nmonths + 11) / 12;
	for (i = 0; i < nmonths; i += every) {
		y = y0 + (m0 - 1 + i) / 12;
		k = (m0 - 1 + i) % 12 + 1;
		tick = vl_date_from_ymd(y, k, 1);
		put(pg, "<line x1=\"%ld\" y1=\"%ld\" x2=\"%ld\" y2=\"%ld\" "
		    "stroke=\"%s\"/>", px(p, tick), p->b, px(p, tick), p->b + 4,
		    MUTED);
		anchor = i ? "middle" : "start";
		text(pg, px(p, tick), p->b + 16, anchor, "muted");
		put(pg, "%d月</text>\n", k);
		if (y == shown)
			continue;
		text(pg, px(p, tick), p->b + 30, anchor, "muted");
		put(pg, "%d年</text>\n", y);
		shown = y;
	}
}

/* a vertical line at a deadline, labelled at its top, the label on the
 * side with room */
static void
deadline(struct page *pg, const struct plot *p, vl_date d,
    const char *label, const char *colour)
{
	int y, m, dd;
	bool right;
	long x;

	if (d < p->from || d > p->to)
		return;
	x = px(p, d);
	put(pg, "<line x1=\"%ld\" y1=\"%ld\" x2=\"%ld\" y2=\"%ld\" stroke=\"%s\""
	    " stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>", x, p->t - 8, x,
	    p->b, colour);
	right = x < (p->l + p->r) / 2;
	text(pg, right ? x + 4 : x - 4, p->t - 10, right ? "start" : "end",
	    strcmp(colour, RED) == 0 ? "late" : "muted");
	ymd(d, &y, &m, &dd);
	put(pg, "%s %d月%d日</text>\n", label, m, dd);
}

/* the step line of cum[] up to the day reported on */
static void
steps(struct page *pg, const struct plot *p, const long *cum,
    const char *colour, long width)
{
	vl_date last = pg->today < p->to ? pg->today : p->to, d;
	long prev = 0;

	put(pg, "<path fill=\"none\" stroke=\"%s\" stroke-width=\"%ld\" "
	    "stroke-linejoin=\"round\" d=\"M%ld %ld", colour, width, p->l,
	    py(p, 0));
	for (d = p->from; d <= last; d++)
		if (cum[d - p->from] != prev) {
			prev = cum[d - p->from];
			put(pg, "H%ldV%ld", px(p, d), py(p, prev));
		}
	if (last >= p->from)
		put(pg, "H%ld", px(p, last));
	put(pg, "\"/>\n");
}

static void
legend(struct page *pg, const struct plot *p, long y, const char *colour,
    const char *label, long n)
{
	put(pg, "<line x1=\"%ld\" y1=\"%ld\" x2=\"%ld\" y2=\"%ld\" stroke=\"%s\""
	    " stroke-width=\"3\"/>", p->r - 190, y - 4, p->r - 168, y - 4,
	    colour);
	text(pg, p->r - 162, y, NULL, NULL);
	put(pg, "%s <tspan class=\"b\">%ld</tspan> 个村</text>\n", label, n);
}

static void
burnup_desc(struct page *pg, const struct plot *p, const long *started,
    const long *completed)
{
	const struct vl_plan *plan = &pg->b->plan;
	char d1[VL_DATE_BUFSZ], d2[VL_DATE_BUFSZ];

	put(pg, "自 %s 至 %s，累计动工 %ld 个村、竣工 %ld 个村，目标 %ld 个村",
	    vl_date_format(p->from, d1), vl_date_format(pg->today, d2),
	    pg->total.started, pg->total.completed, plan->villages);
	if (plan->start_by >= p->from && plan->start_by <= pg->today)
		put(pg, "；动工截止日 %s 当日累计动工 %ld 个村",
		    vl_date_format(plan->start_by, d1),
		    started[plan->start_by - p->from]);
	if (plan->complete_by >= p->from && plan->complete_by <= pg->today)
		put(pg, "；竣工截止日 %s 当日累计竣工 %ld 个村",
		    vl_date_format(plan->complete_by, d1),
		    completed[plan->complete_by - p->from]);
	put(pg, "。");
}

static void
burnup(struct page *pg)
{
	const struct vl_plan *plan = &pg->b->plan;
	long *started, *completed;
	struct plot p;

	plot_range(pg, &p);
	started = vl_burnup(pg->b, pg->s, p.from, p.to, false);
	completed = vl_burnup(pg->b, pg->s, p.from, p.to, true);
	put(pg, "<section id=\"progress\">\n<h2>一、动工进度</h2>\n<figure>\n");
	svg_open(pg, "burnup", 252, "累计动工村数与截止日");
	burnup_desc(pg, &p, started, completed);
	put(pg, "</desc>\n");
	y_grid(pg, &p);
	x_ticks(pg, &p);
	put(pg, "<line x1=\"%ld\" y1=\"%ld\" x2=\"%ld\" y2=\"%ld\" stroke=\"%s\""
	    " stroke-width=\"1.5\"/>", p.l, py(&p, plan->villages), p.r,
	    py(&p, plan->villages), INK);
	text(pg, p.l + 4, py(&p, plan->villages) - 5, NULL, "b");
	put(pg, "目标 %ld 个村</text>\n", plan->villages);
	deadline(pg, &p, plan->start_by, "动工截止", RED);
	deadline(pg, &p, plan->complete_by, "竣工截止", MUTED);
	steps(pg, &p, completed, BLUE2, 2);
	steps(pg, &p, started, BLUE, 3);
	legend(pg, &p, p.b - 32, BLUE, "累计动工", pg->total.started);
	legend(pg, &p, p.b - 12, BLUE2, "累计竣工", pg->total.completed);
	put(pg, "</svg>\n<figcaption>每日累计动工（深蓝）与竣工（浅蓝）村数；"
	    "红色虚线为动工截止日，灰色虚线为竣工截止日。</figcaption>\n"
	    "</figure>\n</section>\n");
	free(started);
	free(completed);
}

/* ---- 二、per town ------------------------------------------------------ */

#define TOWN_ROW 28
#define TOWN_COL 168	/* each of started, completed, accepted */
#define TOWN_BAR 104

/* late items of a kind in a town, from the overdue list */
static long
late_in(const struct page *pg, const char *town, enum vl_overdue_kind k)
{
	long n = 0;
	size_t i;

	for (i = 0; i < pg->nod; i++)
		n += pg->od[i].kind == k && pg->od[i].status == VL_OD_LATE &&
		    (!town || strcmp(pg->od[i].project->town, town) == 0);
	return n;
}

/* done of all as a bar, the late part of the rest in red */
static void
town_bar(struct page *pg, long x, long y, long done, long late, long all,
    const char *colour)
{
	rect(pg, x, y, TOWN_BAR, 12, TRACK);
	rect(pg, x, y, len_of(done, all, TOWN_BAR), 12, colour);
	rect(pg, x + len_of(done, all, TOWN_BAR), y, len_of(late, all,
	    TOWN_BAR), 12, REDTINT);
	text(pg, x + TOWN_BAR + 6, y + 11, NULL, late ? "late" : NULL);
	put(pg, "%ld/%ld</text>", done, all);
}

static void
town_row(struct page *pg, long y, const struct vl_tally *t, const char *town)
{
	long x = 96;

	if (!town)
		put(pg, "<line x1=\"0\" y1=\"%ld\" x2=\"%d\" y2=\"%ld\" "
		    "stroke=\"%s\"/>", y - 4, SVG_W, y - 4, MUTED);
	text(pg, 0, y + 11, NULL, town ? NULL : "b");
	if (town)
		esc(pg, town);
	else
		put(pg, "合计");
	put(pg, "</text>");
	town_bar(pg, x, y, t->started, late_in(pg, town, VL_OD_NOT_STARTED),
	    t->projects, BLUE);
	town_bar(pg, x + TOWN_COL, y, t->completed, late_in(pg, town,
	    VL_OD_NOT_COMPLETED), t->projects, BLUE2);
	town_bar(pg, x + 2 * TOWN_COL, y, t->accepted, 0, t->projects, GREEN);
	text(pg, x + 3 * TOWN_COL + 10, y + 11, NULL, t->overdue ? "late" :
	    NULL);
	put(pg, "%ld", t->open);
	if (t->overdue)
		put(pg, "（逾期 %ld）", t->overdue);
	put(pg, "</text>\n");
}

static void
towns_desc(struct page *pg)
{
	size_t i;

	for (i = 0; i <= pg->ntowns; i++) {
		const struct vl_tally *t = i < pg->ntowns ? &pg->towns[i] :
		    &pg->total;

		if (i < pg->ntowns)
			esc(pg, t->town);
		else
			put(pg, "合计");
		put(pg, " %ld 个项目：动工 %ld，竣工 %ld，验收 %ld，未整改问题 %ld"
		    "（逾期 %ld）%s", t->projects, t->started, t->completed,
		    t->accepted, t->open, t->overdue, i < pg->ntowns ? "；" :
		    "。");
	}
}

static void
towns(struct page *pg)
{
	long h = 30 + (long)(pg->ntowns + 1) * TOWN_ROW, y = 26;
	static const char *const head[] = {"动工", "竣工", "验收"};
	size_t i;

	put(pg, "<section id=\"towns\">\n<h2>二、各镇进度</h2>\n<figure>\n");
	svg_open(pg, "towns", h, "各镇动工、竣工、验收进度");
	towns_desc(pg);
	put(pg, "</desc>\n");
	for (i = 0; i < 3; i++) {
		text(pg, 96 + (long)i * TOWN_COL, 14, NULL, "muted");
		put(pg, "%s</text>", head[i]);
	}
	text(pg, 96 + 3 * TOWN_COL + 10, 14, NULL, "muted");
	put(pg, "未整改问题</text>\n");
	for (i = 0; i < pg->ntowns; i++, y += TOWN_ROW)
		town_row(pg, y, &pg->towns[i], pg->towns[i].town);
	town_row(pg, y + 4, &pg->total, NULL);
	put(pg, "</svg>\n<figcaption>条长为完成比例；红色部分为已过截止日仍未"
	    "动工或未竣工的项目。</figcaption>\n</figure>\n</section>\n");
}

/* ---- 三、funds by funding line ----------------------------------------- */

#define FUND_BAR 330
#define FUND_X 178

static bool
charted(const struct vl_funds_row *r)
{
	return r->kind == VL_FR_LINE || r->kind == VL_FR_STRAY ||
	    r->kind == VL_FR_TOTAL;
}

static int64_t
most(int64_t a, int64_t b)
{
	return a > b ? a : b;
}

/* the largest amount charted: the scale of every bar */
static int64_t
funds_max(const struct page *pg)
{
	int64_t m = 1;
	size_t i;

	for (i = 0; i < pg->nfr; i++) {
		const struct vl_funds_row *r = &pg->fr[i];

		if (!charted(r))
			continue;
		m = most(m, r->plan ? *r->plan : 0);
		m = most(m, most(r->sums->received, most(r->sums->allocated,
		    r->sums->spent)));
	}
	return m;
}

static long
fund_bar(struct page *pg, long y, const char *label, int64_t fen,
    int64_t max, const char *colour)
{
	char w[VL_WAN_BUFSZ];
	long len = len_fen(fen, max, FUND_BAR);

	text(pg, FUND_X - 6, y + 9, "end", "muted");
	put(pg, "%s</text>", label);
	rect(pg, FUND_X, y, len, 11, colour);
	text(pg, FUND_X + len + 5, y + 10, NULL, NULL);
	put(pg, "%s</text>\n", vl_wan(fen, w));
	return y + 14;
}

/* The bars of a group: the total has all four; a funding line its plan
 * and receipts, and what was allocated and spent when booked to it; the
 * money of no line only what there is.  b[]: plan, received, allocated,
 * spent, NULL for a bar not drawn. */
static int
fund_bars(const struct vl_funds_row *r, const int64_t *b[4])
{
	const int64_t *all[4] = {r->plan, &r->sums->received,
	    &r->sums->allocated, &r->sums->spent};
	int k, n = 0;

	for (k = 0; k < 4; k++) {
		b[k] = all[k];
		if (r->kind != VL_FR_TOTAL && b[k] && *b[k] == 0 &&
		    (k >= 2 || r->kind == VL_FR_STRAY))
			b[k] = NULL;
		n += b[k] != NULL;
	}
	return n;
}

static long
fund_group(struct page *pg, long y, const struct vl_funds_row *r,
    int64_t max)
{
	static const char *const label[] = {"计划", "到位", "下拨", "支出"};
	static const char *const colour[] = {PLAN, BLUE, BLUE2, GREEN};
	const int64_t *b[4];
	long top = y;
	int k;

	if (r->kind == VL_FR_TOTAL)
		put(pg, "<line x1=\"0\" y1=\"%ld\" x2=\"%d\" y2=\"%ld\" "
		    "stroke=\"%s\"/>", y - 5, SVG_W, y - 5, MUTED);
	fund_bars(r, b);
	for (k = 0; k < 4; k++)
		if (b[k])
			y = fund_bar(pg, y, label[k], *b[k], max, colour[k]);
	text(pg, 0, top + (y - top) / 2 + 4, NULL, "b");
	line_label(pg, r);
	put(pg, "</text>\n");
	return y + 12;
}

static void
funds_desc(struct page *pg)
{
	char w[4][VL_WAN_BUFSZ];
	size_t i;

	for (i = 0; i < pg->nfr; i++) {
		const struct vl_funds_row *r = &pg->fr[i];

		if (!charted(r))
			continue;
		line_label(pg, r);
		if (r->plan)
			put(pg, " 计划 %s，", vl_wan(*r->plan, w[0]));
		put(pg, "到位 %s，下拨 %s，支出 %s%s", vl_wan(r->sums->received,
		    w[1]), vl_wan(r->sums->allocated, w[2]),
		    vl_wan(r->sums->spent, w[3]), r->kind == VL_FR_TOTAL ?
		    "。" : "；");
	}
}

static void
funds_chart(struct page *pg)
{
	int64_t max = funds_max(pg);
	const int64_t *b[4];
	long h = 8;
	size_t i;

	for (i = 0; i < pg->nfr; i++)
		if (charted(&pg->fr[i]))
			h += 14L * fund_bars(&pg->fr[i], b) + 12;
	svg_open(pg, "funds", h, "按资金渠道：计划、到位、下拨、支出");
	funds_desc(pg);
	put(pg, "</desc>\n");
	for (i = 0, h = 6; i < pg->nfr; i++)
		if (charted(&pg->fr[i]))
			h = fund_group(pg, h, &pg->fr[i], max);
	put(pg, "</svg>\n");
}

static void
money_cell(struct page *pg, const int64_t *fen)
{
	char m[VL_MONEY_BUFSZ];

	put(pg, "<td class=\"num\">%s</td>", fen ? vl_money_format(*fen, m) :
	    "");
}

/* the rows of vl-report funds, one for one */
static void
funds_table(struct page *pg)
{
	size_t i;

	put(pg, "<table class=\"data\">\n<thead><tr><th>资金渠道</th><th>级次"
	    "</th><th class=\"num\">计划（元）</th><th class=\"num\">到位</th>"
	    "<th class=\"num\">下拨</th><th class=\"num\">支出</th>"
	    "<th class=\"num\">结余</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < pg->nfr; i++) {
		const struct vl_funds_row *r = &pg->fr[i];

		put(pg, "<tr%s><td>", r->kind == VL_FR_TOTAL ? " class=\"sum\"" :
		    r->kind == VL_FR_LEVEL || r->kind == VL_FR_STRAY_LEVEL ?
		    " class=\"sub\"" : "");
		if (r->kind != VL_FR_LEVEL && r->kind != VL_FR_STRAY_LEVEL)
			line_label(pg, r);
		put(pg, "</td><td>");
		esc(pg, level_label(r->level));
		put(pg, "</td>");
		money_cell(pg, r->plan);
		money_cell(pg, &r->sums->received);
		money_cell(pg, &r->sums->allocated);
		money_cell(pg, &r->sums->spent);
		money_cell(pg, r->remaining ? &r->left : NULL);
		put(pg, "</tr>\n");
	}
	put(pg, "</tbody>\n</table>\n");
}

static void
funds(struct page *pg)
{
	put(pg, "<section id=\"funds\">\n<h2>三、资金到位与使用</h2>\n<figure>\n");
	funds_chart(pg);
	put(pg, "<figcaption>计划为 plan.json 所列各渠道金额；下拨、支出未注明"
	    "级次的列入“未分渠道”，不作分摊；结余 = 到位 − 支出。"
	    "</figcaption>\n</figure>\n");
	funds_table(pg);
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
	put(pg, "</td><td class=\"num\">%s</td>", day(in->due, d));
	if (in->due != VL_NODATE && in->due < pg->today)
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
			put(pg, "%s 动工，未见竣工记录", day(o->started, d1));
		break;
	case VL_OD_NOT_ACCEPTED:
		put(pg, "%s 竣工，%d 天内未见验收合格", day(o->completed, d1),
		    VL_ACCEPT_DAYS);
		break;
	case VL_OD_STARTED_BEFORE_REVIEW:
		if (o->reviewed == VL_NODATE)
			put(pg, "%s 动工，未见事前审查通过", day(o->started, d1));
		else
			put(pg, "%s 动工，%s 审查通过", day(o->started, d1),
			    day(o->reviewed, d2));
		break;
	case VL_OD_MISSING_LEADER:
		put(pg, "projects.csv 未填责任领导");
		break;
	case VL_OD_MISSING_SPECIALIST:
		put(pg, "projects.csv 未填专干");
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
	put(pg, "</td><td class=\"num\">%s</td>", day(o->due, d));
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

/* ---- the page ----------------------------------------------------------- */

static void
footer(struct page *pg)
{
	char d[VL_DATE_BUFSZ];

	put(pg, "<footer>\n<p>数据截至 %s，此后登记的记录不计。各项数字与 "
	    "vl-report progress、funds、overdue 同一算法、同一台账。金额以万元"
	    "（精确值）和元（两位小数）表示。</p>\n</footer>\n</main>\n</body>\n"
	    "</html>\n", vl_date_format(pg->today, d));
}

void
vl_briefing(const struct vl_book *b, const struct vl_ledger *l,
    struct vl_buf *out)
{
	struct page pg;

	memset(&pg, 0, sizeof pg);
	pg.o = out;
	pg.b = b;
	pg.l = l;
	pg.today = b->as_of;
	pg.s = vl_standings(b);
	pg.ntowns = vl_tally_towns(b, pg.s, &pg.towns, &pg.total);
	vl_findings_collect(b, &pg.f);
	pg.nod = vl_overdue_collect(b, -1, &pg.od);
	pg.nfr = vl_funds_rows(b, l, &pg.fr);
	head(&pg);
	masthead(&pg);
	headline(&pg);
	burnup(&pg);
	towns(&pg);
	funds(&pg);
	findings(&pg);
	overdue(&pg);
	footer(&pg);
	free(pg.fr);
	free(pg.od);
	vl_findings_free(&pg.f);
	free(pg.towns);
	free(pg.s);
}
