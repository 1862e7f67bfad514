/*
 * briefing_city.c - the briefing for a city or region meeting (vl-report
 * briefing over several registers): one self-contained HTML page in the
 * district briefing's style.  Its headline adds up the districts; its
 * ranking is progress --by district's (rules/districts.c), its late items
 * overdue's, each district's counted by kind, and its late tasks are named
 * with their owners.  No float; every text from a register escaped; the
 * same registers and day give the same bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/briefing_priv.h"
#include "rules/districts.h"

/* the dated kinds a district's late items are counted by, in the order
 * of the overdue list's kinds */
static const enum vl_overdue_kind late_kinds[] = {VL_OD_NOT_STARTED,
    VL_OD_MILESTONE, VL_OD_RECTIFICATION, VL_OD_NOT_COMPLETED,
    VL_OD_NOT_ACCEPTED, VL_OD_TASK};
#define NLATE_KINDS (sizeof late_kinds / sizeof late_kinds[0])

struct city {
	struct page pg;		/* o and today; no book of its own */
	const struct vl_rollup *r;
	const struct vl_book *narrowed;	/* a book narrowed to some projects
					 * (each is so), or NULL */
	struct vl_district_rank *rank, all;
	size_t n;
	struct vl_task_tally tasks;	/* the late ones by district */
};

/* tenths of a percent as text, "-" for none */
static const char *
permille_text(long pm, char buf[VL_SHARE_BUFSZ])
{
	const char *t = vl_permille_text(pm, buf);

	return t ? t : "-";
}

/* the registers read whose audit trail was started again (a break
 * their district acknowledged): named on the page, as in the messages */
static void
city_restarted(struct city *c)
{
	const struct vl_rollup *r = c->r;
	struct page *pg = &c->pg;
	long n = 0;
	size_t i;

	for (i = 0; i < r->n + r->ncity; i++) {
		if (!(i < r->n ? r->restart[i] : r->city_restart[i - r->n]))
			continue;
		put(pg, n++ ? "、" : "<p class=\"sub\"><b class=\"late\">"
		    "变更记录曾中断后重新开始的台账</b>：<span id=\"restarted\">");
		esc(pg, i < r->n ? r->district[i] : r->city_name[i - r->n]);
	}
	if (n)
		put(pg, "</span>（共 %ld 个，此前的记录无法核验，见命令行提示），"
		    "请向其区县问明原因</p>\n", n);
}

static void
city_head(struct city *c)
{
	struct page *pg = &c->pg;
	char d[VL_DATE_BUFSZ], w[VL_WAN_BUFSZ], m[VL_MONEY_BUFSZ];

	put(pg, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
	    "<meta charset=\"utf-8\"/>\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\"/>\n<title>%zu 个区县 工作简报 %s</title>\n"
	    "<style>\n%s</style>\n</head>\n<body>\n<main class=\"sheet\">\n",
	    c->n, vl_date_format(pg->today, d), vl_briefing_style);
	put(pg, "<header>\n<p class=\"masthead\">工作简报</p>\n"
	    "<p class=\"issue\"><span>村级组织活动场所建设</span><span>截至 "
	    "<time id=\"as-of\" datetime=\"%s\">", d);
	cn_date(pg, pg->today);
	put(pg, "</time></span></p>\n<hr class=\"rule\"/>\n"
	    "<h1>各区县汇总</h1>\n<p class=\"sub\">");
	if (c->narrowed) {	/* which part of the districts */
		put(pg, "<span id=\"narrowed\">");
		esc(pg, c->narrowed->narrowed_zh);
		put(pg, "</span> · ");
	}
	put(pg, "<span id=\"districts\">%zu</span> 个区县 · %ld 个项目 · %s ",
	    c->n, c->all.projects, c->narrowed ? "预算合计" : "计划投资合计");
	put(pg, "<span id=\"plan-wan\">%s</span>（<span id=\"plan\">%s</span>"
	    " 元）· 各区县按本区县计划核算</p>\n",
	    vl_wan(c->all.plan, w), vl_money_format(c->all.plan, m));
	if (c->narrowed && c->all.projects == 0)	/* nothing kept */
		put(pg, "<p class=\"sub\" id=\"none-kept\">各区县台账中均无符合"
		    "筛选条件的项目</p>\n");
	/* the page is printed without its messages: a district missing
	 * from it is said on it, as the summary says it */
	if (c->r->untrusted) {
		size_t i;

		put(pg, "<p class=\"sub\"><b class=\"late\">另有 <span id="
		    "\"left-out\">%ld</span> 个台账未计入</b>（<span id=\""
		    "left-out-dirs\">", c->r->untrusted);
		for (i = 0; i < (size_t)c->r->untrusted; i++) {
			put(pg, i ? "、" : "");
			esc(pg, c->r->left_out[i]);
		}
		put(pg, "</span>）：其变更记录未通过核验（见命令行提示），"
		    "请向其区县重新索取副本</p>\n");
	}
	city_restarted(c);
	put(pg, "</header>\n");
}

/* a tile of an amount against the districts' plans */
static void
city_money(struct city *c, const char *label, const char *id, int64_t fen,
    const char *colour)
{
	char m[VL_MONEY_BUFSZ], w[VL_WAN_BUFSZ], pct[VL_SHARE_BUFSZ];
	long pm = vl_permille_fen(fen, c->all.plan);

	put(&c->pg, "<div class=\"tile\">\n<p class=\"label\">%s</p>\n<p "
	    "class=\"big wan\"><span id=\"%s-wan\">%s</span></p>\n", label, id,
	    vl_wan(fen, w));
	bar(&c->pg, pm, colour);
	put(&c->pg, "<p><span id=\"%s\">%s</span> 元</p>\n<p class=\"label\">"
	    "占%s的 %s</p>\n</div>\n", id, vl_money_format(fen, m),
	    c->narrowed ? "预算" : "计划", permille_text(pm, pct));
}

static void
city_headline(struct city *c)
{
	struct page *pg = &c->pg;
	const struct vl_district_rank *a = &c->all;
	char pct[VL_SHARE_BUFSZ];

	put(pg, "<section class=\"tiles\" aria-label=\"主要数字\">\n"
	    "<div class=\"tile\">\n<p class=\"label\">已动工</p>\n<p class="
	    "\"big\"><span id=\"started\">%ld/%ld</span></p>\n", a->started,
	    a->villages);
	bar(pg, a->started_pm, BLUE);
	put(pg, "<p><span id=\"started-share\">%s</span> · 竣工 <span id="
	    "\"completed\">%ld</span></p>\n</div>\n",
	    vl_share(a->started, a->villages, pct) ? pct : "", a->completed);
	if (!c->narrowed)	/* receipts are the districts' */
		city_money(c, "资金到位", "received", a->received, BLUE);
	else
		city_money(c, "已下拨", "allocated", a->allocated, BLUE2);
	city_money(c, "已支出", "spent", a->spent, GREEN);
	put(pg, "<div class=\"tile%s\">\n<p class=\"label\">逾期事项</p>\n"
	    "<p class=\"big%s\"><span id=\"late-items\">%ld</span> 项</p>\n"
	    "<p>见第二部分，各区县分列</p>\n</div>\n</section>\n",
	    a->overdue ? " alert" : "", a->overdue ? " late" : "",
	    a->overdue);
}

/* 一、the districts ranked, as progress --by district ranks them */
static void
city_ranking(struct city *c)
{
	struct page *pg = &c->pg;
	char p[3][VL_SHARE_BUFSZ], m[VL_MONEY_BUFSZ];
	size_t i;

	put(pg, "<section id=\"ranking\">\n<h2>一、各区县进度排名</h2>\n"
	    "<table class=\"data\">\n<thead><tr><th class=\"num\">名次</th>"
	    "<th>区县</th><th class=\"num\">项目</th><th class=\"num\">已动工"
	    "</th><th class=\"num\">动工率</th><th class=\"num\">竣工率</th>"
	    "<th class=\"num\">逾期事项</th><th class=\"num\">资金到位率</th>"
	    "<th class=\"num\">已支出（元）</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < c->n; i++) {
		const struct vl_district_rank *d = &c->rank[i];

		put(pg, "<tr><td class=\"num\">%ld</td><td class=\"nowrap\">",
		    d->rank);
		esc(pg, c->r->district[d->book]);
		put(pg, "</td><td class=\"num\">%ld</td><td class=\"num\">%ld"
		    "</td><td class=\"num\">%s</td><td class=\"num\">%s</td>"
		    "<td class=\"num%s\">%ld</td><td class=\"num\">%s</td>"
		    "<td class=\"num\">%s</td></tr>\n", d->projects, d->started,
		    permille_text(d->started_pm, p[0]),
		    permille_text(d->completed_pm, p[1]),
		    d->overdue ? " late" : "", d->overdue,
		    permille_text(d->received_pm, p[2]),
		    vl_money_format(d->spent, m));
	}
	if (c->narrowed)	/* receipts are a district's, not a project's */
		put(pg, "</tbody>\n</table>\n<p class=\"none\" style=\"font-size: "
		    "8pt\">所筛选项目按动工率、竣工率排列，逾期事项少者在前；资金到位"
		    "属区县台账，不属某一项目，不计。</p>\n</section>\n");
	else
		put(pg, "</tbody>\n</table>\n<p class=\"none\" style=\"font-size: "
		    "8pt\">按动工率、竣工率排列，逾期事项少者、资金到位率高者在前；"
		    "与 vl-report progress --by district 相同。</p>\n</section>\n");
}

/* 二、each district's late items by kind */
static void
city_late(struct city *c)
{
	struct page *pg = &c->pg;
	size_t i, j;

	put(pg, "<section id=\"late\">\n<h2>二、各区县逾期事项</h2>\n"
	    "<table class=\"data\">\n<thead><tr><th>区县</th>");
	for (j = 0; j < NLATE_KINDS; j++)
		put(pg, "<th class=\"num\">%s</th>", kind_label(late_kinds[j]));
	put(pg, "<th class=\"num\">合计</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < c->n; i++) {
		const struct vl_district_rank *d = &c->rank[i];

		put(pg, "<tr><td class=\"nowrap\">");
		esc(pg, c->r->district[d->book]);
		put(pg, "</td>");
		for (j = 0; j < NLATE_KINDS; j++)
			put(pg, "<td class=\"num\">%ld</td>",
			    d->late[late_kinds[j]]);
		put(pg, "<td class=\"num%s\">%ld</td></tr>\n",
		    c->rank[i].overdue ? " late" : "", c->rank[i].overdue);
	}
	put(pg, "<tr class=\"sum\"><td>合计</td>");
	for (j = 0; j < NLATE_KINDS; j++)
		put(pg, "<td class=\"num\">%ld</td>",
		    c->all.late[late_kinds[j]]);
	put(pg, "<td class=\"num\">%ld</td></tr>\n</tbody>\n</table>\n"
	    "<p class=\"none\" style=\"font-size: 8pt\">各区县的逾期清单及责任人"
	    "见其 vl-report overdue 及本区县简报。</p>\n</section>\n",
	    c->all.overdue);
}

/* 三、the late tasks with their owners, when a district has tasks */
static void
city_tasks(struct city *c)
{
	struct page *pg = &c->pg;
	const struct vl_task_tally *t = &c->tasks;
	char d[VL_DATE_BUFSZ];
	size_t i, k;

	if (!t->tasks)
		return;
	put(pg, "<section id=\"tasks\">\n<h2>三、其他工作任务</h2>\n<p>共 %ld "
	    "项任务，已完成 %ld 项，逾期 %zu 项。</p>\n", t->tasks, t->done,
	    t->nlate);
	if (!t->nlate) {
		put(pg, "</section>\n");
		return;
	}
	put(pg, "<table class=\"data\">\n<thead><tr><th>区县</th><th>编号</th>"
	    "<th>类别</th><th>任务</th><th>责任人</th><th class=\"num\">期限"
	    "</th><th class=\"num\">逾期天数</th></tr></thead>\n<tbody>\n");
	for (k = 0; k < c->r->n; k++)
		for (i = t->from[k]; i < t->from[k + 1]; i++) {
			const struct vl_task *task = t->late[i].task;

			put(pg, "<tr><td class=\"nowrap\">");
			esc(pg, c->r->district[k]);
			put(pg, "</td><td class=\"nowrap\">");
			esc(pg, task->id);
			put(pg, "</td><td>");
			esc(pg, task->area);
			put(pg, "</td><td>");
			esc(pg, task->title);
			put(pg, "</td><td class=\"nowrap\">");
			person(pg, task->owner);
			put(pg, "</td><td class=\"num\">%s</td><td class=\"num "
			    "late\">%ld</td></tr>\n", vl_date_format(task->due,
			    d), t->late[i].days_late);
		}
	put(pg, "</tbody>\n</table>\n</section>\n");
}

void
vl_briefing_city(const struct vl_rollup *r, const struct vl_ledger *ledgers,
    struct vl_buf *out)
{
	struct city c;
	char d[VL_DATE_BUFSZ];
	size_t i;

	memset(&c, 0, sizeof c);
	c.pg.o = out;
	c.pg.today = r->as_of;
	c.r = r;
	c.narrowed = vl_rollup_narrowed(r);
	c.n = vl_district_ranks(r, ledgers, &c.rank);
	for (i = 0; i < c.n; i++)	/* the total first: it may not add up */
		vl_district_rank_add(&c.all, &c.rank[i]);
	c.all.started_pm = vl_permille(c.all.started, c.all.villages);
	vl_task_tally(r->book, r->n, &c.tasks);
	city_head(&c);
	city_headline(&c);
	city_ranking(&c);
	city_late(&c);
	city_tasks(&c);
	put(&c.pg, "<footer>\n<p>数据截至 %s，此后登记的记录不计。各区县的数字"
	    "各按其台账、其计划核算，与 vl-report progress --by district、"
	    "overdue 同一算法。金额以万元（两位小数，四舍五入）和元（精确到分）"
	    "表示。</p>\n</footer>\n</main>\n</body>\n</html>\n",
	    vl_date_format(c.pg.today, d));
	vl_task_tally_free(&c.tasks);
	free(c.rank);
}
