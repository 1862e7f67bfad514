/*
 * briefing_charts.c - the charts of the briefing: projects started and
 * completed day by day against the deadlines, progress per town, and
 * the funds per funding line with their table.  Integer geometry only.
 */
#include <stdio.h>
#include <stdlib.h>

#include "report/briefing_priv.h"

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
		if (vl_book_kept(pg->b, i) &&
		    pg->s[i].m.started != VL_NODATE &&
		    pg->s[i].m.started < first)
			first = pg->s[i].m.started;
	if (plan->start_by < first)
		first = plan->start_by;
	vl_date_ymd(first, &y, &m, &d);
	p->from = vl_date_from_ymd(y, m, 1);
	p->to = pg->today > plan->start_by ? pg->today : plan->start_by;
	if (p->to <= p->from)
		p->to = p->from + 1;
	most = vl_book_villages(pg->b);
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

	vl_date_ymd(p->from, &y0, &m0, &d);
	vl_date_ymd(p->to, &y, &m, &d);
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
	vl_date_ymd(d, &y, &m, &dd);
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
	    pg->total.started, pg->total.completed, vl_book_villages(pg->b));
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

void
vl_briefing_burnup(struct page *pg)
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
	    " stroke-width=\"1.5\"/>", p.l, py(&p, vl_book_villages(pg->b)),
	    p.r, py(&p, vl_book_villages(pg->b)), INK);
	text(pg, p.l + 4, py(&p, vl_book_villages(pg->b)) - 5, NULL, "b");
	put(pg, "目标 %ld 个村</text>\n", vl_book_villages(pg->b));
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

/* The late items the town chart shows (not started, not completed), by
 * town, counted in one pass over the overdue list: town by town, a
 * national register's tens of thousands of towns over its hundreds of
 * thousands of items took minutes. */
struct town_late {
	struct vl_groups of[2];	/* count: late items of the town */
	long total[2];
};

static void
town_late_count(const struct page *pg, struct town_late *tl)
{
	size_t i, k;

	memset(tl, 0, sizeof *tl);
	for (i = 0; i < pg->nod; i++) {
		const struct vl_overdue *v = &pg->od[i];

		if (v->status != VL_OD_LATE || (v->kind != VL_OD_NOT_STARTED &&
		    v->kind != VL_OD_NOT_COMPLETED))
			continue;
		k = v->kind == VL_OD_NOT_COMPLETED;
		vl_groups_add(&tl->of[k], v->project->town, 0, 0);
		tl->total[k]++;
	}
}

/* late items of a kind in a town (NULL: all towns) */
static long
late_in(const struct town_late *tl, const char *town, enum vl_overdue_kind k)
{
	size_t i = k == VL_OD_NOT_COMPLETED;
	const struct vl_group *g;

	if (!town)
		return tl->total[i];
	g = vl_groups_find(&tl->of[i], town);
	return g ? g->count : 0;
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
town_row(struct page *pg, long y, const struct vl_tally *t, const char *town,
    const struct town_late *tl)
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
	town_bar(pg, x, y, t->started, late_in(tl, town, VL_OD_NOT_STARTED),
	    t->projects, BLUE);
	town_bar(pg, x + TOWN_COL, y, t->completed, late_in(tl, town,
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

void
vl_briefing_towns(struct page *pg)
{
	long h = 30 + (long)(pg->ntowns + 1) * TOWN_ROW, y = 26;
	static const char *const head[] = {"动工", "竣工", "验收"};
	struct town_late tl;
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
	town_late_count(pg, &tl);
	for (i = 0; i < pg->ntowns; i++, y += TOWN_ROW)
		town_row(pg, y, &pg->towns[i], pg->towns[i].town, &tl);
	town_row(pg, y + 4, &pg->total, NULL, &tl);
	vl_groups_free(&tl.of[0]);
	vl_groups_free(&tl.of[1]);
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
		    r->kind == VL_FR_LEVEL || r->kind == VL_FR_STRAY_LEVEL ||
		    r->kind == VL_FR_OTHER_LEVEL ? " class=\"sub\"" : "");
		if (r->kind != VL_FR_LEVEL && r->kind != VL_FR_STRAY_LEVEL &&
		    r->kind != VL_FR_OTHER_LEVEL)
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

/* The money of the projects a narrowed book keeps: their budgets,
 * allocated, spent; the receipts, by funding line, are the register's. */
static void
kept_funds(struct page *pg)
{
	const struct vl_ledger_sums *t = &pg->l->total;
	int64_t left;

	put(pg, "<section id=\"funds\">\n<h2>三、资金下拨与使用</h2>\n"
	    "<figure>\n<table class=\"data\">\n<thead><tr><th class=\"num\">预算（元）"
	    "</th><th class=\"num\">下拨</th><th class=\"num\">支出</th>"
	    "<th class=\"num\">结余</th></tr></thead>\n<tbody>\n<tr>");
	money_cell(pg, &pg->base);
	money_cell(pg, &t->allocated);
	money_cell(pg, &t->spent);
	money_cell(pg, vl_money_sub(t->allocated, t->spent, &left) ? &left :
	    NULL);
	/* the note a caption, as under the whole register's chart */
	put(pg, "</tr>\n</tbody>\n</table>\n<figcaption>结余 = 下拨 − "
	    "支出。资金到位按渠道计入全区，不分到项目：见全区简报。"
	    "</figcaption>\n</figure>\n</section>\n");
}

void
vl_briefing_funds(struct page *pg)
{
	if (pg->b->keep) {
		kept_funds(pg);
		return;
	}
	put(pg, "<section id=\"funds\">\n<h2>三、资金到位与使用</h2>\n<figure>\n");
	funds_chart(pg);
	put(pg, "<figcaption>计划为 plan.json 所列各渠道金额；下拨、支出未注明"
	    "级次的列入“未分渠道”，不作分摊；结余 = 到位 − 支出。"
	    "</figcaption>\n</figure>\n");
	funds_table(pg);
	put(pg, "</section>\n");
}

