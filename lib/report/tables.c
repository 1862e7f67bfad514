/*
 * tables.c - the reports of vl-report as tables of records, in any
 * output format or as sheets of the summary's workbook: the daily
 * overdue list, progress per town or project, funds per funding line.
 * Their figures are those of rules/ (overdue.c, standing.c, ledger.c),
 * which the summary and the briefing print too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/money.h"
#include "base/strbuf.h"
#include "report/tables.h"
#include "rules/districts.h"
#include "rules/overdue.h"
#include "rules/standing.h"

/* ---- overdue --------------------------------------------------------- */

static const struct vl_col overdue_cols[] = {
	{"kind", VL_COL_TEXT}, {"project", VL_COL_TEXT},
	{"town", VL_COL_TEXT}, {"village", VL_COL_TEXT},
	{"leader", VL_COL_TEXT}, {"specialist", VL_COL_TEXT},
	{"due", VL_COL_DATE}, {"days_late", VL_COL_INT},
	{"status", VL_COL_TEXT}, {"detail", VL_COL_TEXT}
};
#define NOVERDUE_COLS (sizeof overdue_cols / sizeof overdue_cols[0])

static void
overdue_row(struct vl_out *out, const struct vl_overdue *it)
{
	char due[VL_DATE_BUFSZ], late[32];
	struct vl_buf detail = {0};
	const char *v[NOVERDUE_COLS];

	vl_overdue_detail(it, &detail);
	snprintf(late, sizeof late, "%ld", it->days_late);
	v[0] = vl_overdue_kind_name(it->kind);
	v[1] = it->project->id;
	v[2] = it->project->town;
	v[3] = it->project->village;
	v[4] = it->project->leader;
	v[5] = it->project->specialist;
	v[6] = vl_date_format(it->due, due);
	v[7] = it->status == VL_OD_FLAG ? NULL : late;
	v[8] = vl_overdue_status_name(it->status);
	v[9] = detail.data ? detail.data : "";
	vl_out_row(out, v);
	vl_buf_free(&detail);
}

int
vl_report_overdue(const struct vl_book *b, const struct vl_outopts *o,
    long within, bool *found)
{
	struct vl_overdue *list;
	struct vl_out *out;
	size_t i, n;

	n = vl_overdue_collect(b, within, &list);
	out = vl_out_report(o, "逾期清单", b->as_of, NOVERDUE_COLS,
	    overdue_cols);
	*found = false;
	for (i = 0; i < n; i++) {
		overdue_row(out, &list[i]);
		if (list[i].status != VL_OD_DUE_SOON)
			*found = true;
	}
	free(list);
	return vl_out_close(out);
}

/* ---- progress -------------------------------------------------------- */

static const struct vl_col town_cols[] = {
	{"town", VL_COL_TEXT}, {"projects", VL_COL_INT},
	{"reviewed", VL_COL_INT}, {"started", VL_COL_INT},
	{"completed", VL_COL_INT}, {"accepted", VL_COL_INT},
	{"started_share", VL_COL_TEXT}, {"open_findings", VL_COL_INT},
	{"overdue_findings", VL_COL_INT}
};
#define NTOWN_COLS (sizeof town_cols / sizeof town_cols[0])

static void
tally_row(struct vl_out *out, const struct vl_tally *t)
{
	long n[] = {t->projects, t->reviewed, t->started, t->completed,
	    t->accepted};
	char num[5][24], pct[VL_SHARE_BUFSZ], open[24], overdue[24];
	const char *v[NTOWN_COLS];
	size_t i;

	v[0] = t->town;
	for (i = 0; i < 5; i++) {
		snprintf(num[i], sizeof num[i], "%ld", n[i]);
		v[i + 1] = num[i];
	}
	v[6] = vl_share(t->started, t->projects, pct);
	snprintf(open, sizeof open, "%ld", t->open);
	snprintf(overdue, sizeof overdue, "%ld", t->overdue);
	v[7] = open;
	v[8] = overdue;
	vl_out_row(out, v);
}

static int
progress_by_town(const struct vl_book *b, const struct vl_standing *s,
    const struct vl_outopts *o)
{
	struct vl_tally *t, total;
	struct vl_out *out;
	size_t i, n;

	n = vl_tally_towns(b, s, &t, &total);
	out = vl_out_report(o, "进度", b->as_of, NTOWN_COLS, town_cols);
	for (i = 0; i < n; i++)
		tally_row(out, &t[i]);
	tally_row(out, &total);
	free(t);
	return vl_out_close(out);
}

static const struct vl_col project_cols[] = {
	{"project", VL_COL_TEXT}, {"town", VL_COL_TEXT},
	{"village", VL_COL_TEXT}, {"leader", VL_COL_TEXT},
	{"specialist", VL_COL_TEXT}, {"stage", VL_COL_TEXT},
	{"reviewed", VL_COL_DATE}, {"started", VL_COL_DATE},
	{"completed", VL_COL_DATE}, {"accepted", VL_COL_DATE},
	{"open_findings", VL_COL_INT}, {"overdue_findings", VL_COL_INT}
};
#define NPROJECT_COLS (sizeof project_cols / sizeof project_cols[0])

static void
project_rows(struct vl_out *out, const struct vl_book *b,
    const struct vl_standing *s)
{
	char d[4][VL_DATE_BUFSZ], open[24], overdue[24];
	const char *v[NPROJECT_COLS];
	size_t i;

	for (i = 0; i < b->projects.n; i++) {
		const struct vl_project *p = &b->projects.v[i];

		snprintf(open, sizeof open, "%ld", s[i].open);
		snprintf(overdue, sizeof overdue, "%ld", s[i].overdue);
		v[0] = p->id, v[1] = p->town, v[2] = p->village;
		v[3] = p->leader, v[4] = p->specialist;
		v[5] = vl_project_stages[s[i].stage];
		v[6] = vl_date_format(s[i].m.reviewed, d[0]);
		v[7] = vl_date_format(s[i].m.started, d[1]);
		v[8] = vl_date_format(s[i].m.completed, d[2]);
		v[9] = vl_date_format(s[i].m.accepted, d[3]);
		v[10] = open, v[11] = overdue;
		vl_out_row(out, v);
	}
}

static int
progress_by_project(const struct vl_book *b, const struct vl_standing *s,
    const struct vl_outopts *o)
{
	struct vl_out *out;

	out = vl_out_report(o, "项目进度", b->as_of, NPROJECT_COLS,
	    project_cols);
	project_rows(out, b, s);
	return vl_out_close(out);
}

int
vl_report_progress(const struct vl_book *b, const struct vl_outopts *o,
    bool by_project)
{
	struct vl_standing *s = vl_standings(b);
	int status = by_project ? progress_by_project(b, s, o) :
	    progress_by_town(b, s, o);

	free(s);
	return status;
}

/* ---- funds ----------------------------------------------------------- */

/*
 * Receipts name the level the money comes from; allocations and expenses
 * name a project, and a level only when the clerk gave one.  Nothing is
 * apportioned: each sum stands on the row of the level it was booked
 * with, the rest on the row "(no line)", and the total row holds all.
 * remaining (received - spent) is given for the total, and for the lines
 * and levels only when every allocation and expense names its level.
 */
static const struct vl_col funds_cols[] = {
	{"line", VL_COL_TEXT}, {"level", VL_COL_TEXT},
	{"plan", VL_COL_MONEY}, {"received", VL_COL_MONEY},
	{"allocated", VL_COL_MONEY}, {"spent", VL_COL_MONEY},
	{"remaining", VL_COL_MONEY}
};
#define NFUNDS_COLS (sizeof funds_cols / sizeof funds_cols[0])

static void
funds_row(struct vl_out *out, const struct vl_funds_row *r)
{
	char m[5][VL_MONEY_BUFSZ];
	const char *v[NFUNDS_COLS];

	v[0] = r->line;
	v[1] = r->level;
	v[2] = r->plan ? vl_money_format(*r->plan, m[0]) : NULL;
	v[3] = vl_money_format(r->sums->received, m[1]);
	v[4] = vl_money_format(r->sums->allocated, m[2]);
	v[5] = vl_money_format(r->sums->spent, m[3]);
	v[6] = r->remaining ? vl_money_format(r->left, m[4]) : NULL;
	vl_out_row(out, v);
}

int
vl_report_funds(const struct vl_book *b, const struct vl_ledger *l,
    const struct vl_outopts *o)
{
	struct vl_funds_row *rows;
	struct vl_out *out;
	size_t i, n = vl_funds_rows(b, l, &rows);

	out = vl_out_report(o, "资金", b->as_of, NFUNDS_COLS, funds_cols);
	for (i = 0; i < n; i++)
		funds_row(out, &rows[i]);
	free(rows);
	return vl_out_close(out);
}

/* ---- roll-up: several registers, a district column first -------------- */

/* The options of a roll-up's table: the district before every column. */
static struct vl_outopts
with_district(const struct vl_outopts *o)
{
	struct vl_outopts own = *o;

	own.lead = "district";
	return own;
}

int
vl_rollup_report_overdue(const struct vl_rollup *r,
    const struct vl_outopts *o, long within, bool *found)
{
	struct vl_outopts own = with_district(o);
	struct vl_district_item *list;
	struct vl_out *out;
	size_t i, n;

	n = vl_rollup_overdue(r, within, &list);
	out = vl_out_report(&own, "逾期清单", r->as_of, NOVERDUE_COLS,
	    overdue_cols);
	*found = false;
	for (i = 0; i < n; i++) {
		vl_out_lead(out, r->district[list[i].book]);
		overdue_row(out, &list[i].it);
		if (list[i].it.status != VL_OD_DUE_SOON)
			*found = true;
	}
	free(list);
	return vl_out_close(out);
}

static void
tally_sum(struct vl_tally *into, const struct vl_tally *t)
{
	into->projects += t->projects;
	into->reviewed += t->reviewed;
	into->started += t->started;
	into->completed += t->completed;
	into->accepted += t->accepted;
	into->open += t->open;
	into->overdue += t->overdue;
}

/* Each district's towns and its total (青山镇 of two districts is two
 * towns), then the total of all. */
static int
rollup_by_town(const struct vl_rollup *r, const struct vl_outopts *o)
{
	struct vl_tally all = {"total", 0, 0, 0, 0, 0, 0, 0}, *t, total;
	struct vl_out *out;
	size_t i, k, n;

	out = vl_out_report(o, "进度", r->as_of, NTOWN_COLS, town_cols);
	for (i = 0; i < r->n; i++) {
		struct vl_standing *s = vl_standings(&r->book[i]);

		n = vl_tally_towns(&r->book[i], s, &t, &total);
		vl_out_lead(out, r->district[i]);
		for (k = 0; k < n; k++)
			tally_row(out, &t[k]);
		tally_row(out, &total);
		tally_sum(&all, &total);
		free(t);
		free(s);
	}
	vl_out_lead(out, "total");
	tally_row(out, &all);
	return vl_out_close(out);
}

static int
rollup_by_project(const struct vl_rollup *r, const struct vl_outopts *o)
{
	struct vl_out *out;
	size_t i;

	out = vl_out_report(o, "项目进度", r->as_of, NPROJECT_COLS,
	    project_cols);
	for (i = 0; i < r->n; i++) {
		struct vl_standing *s = vl_standings(&r->book[i]);

		vl_out_lead(out, r->district[i]);
		project_rows(out, &r->book[i], s);
		free(s);
	}
	return vl_out_close(out);
}

int
vl_rollup_report_progress(const struct vl_rollup *r,
    const struct vl_outopts *o, bool by_project)
{
	struct vl_outopts own = with_district(o);

	return by_project ? rollup_by_project(r, &own) :
	    rollup_by_town(r, &own);
}

/* Each district's lines against its own plan, then the total of all:
 * the plans' totals and every movement, nothing apportioned. */
int
vl_rollup_report_funds(const struct vl_rollup *r,
    const struct vl_ledger *ledgers, const struct vl_outopts *o)
{
	struct vl_outopts own = with_district(o);
	struct vl_ledger_sums sums = {0, 0, 0};
	struct vl_funds_row *rows, all;
	int64_t plan = 0;
	struct vl_out *out;
	size_t i, k, n;

	out = vl_out_report(&own, "资金", r->as_of, NFUNDS_COLS,
	    funds_cols);
	for (i = 0; i < r->n; i++) {
		n = vl_funds_rows(&r->book[i], &ledgers[i], &rows);
		vl_out_lead(out, r->district[i]);
		for (k = 0; k < n; k++)
			funds_row(out, &rows[k]);
		free(rows);
		vl_money_add(plan, r->book[i].plan.total, &plan);
		vl_money_add(sums.received, ledgers[i].total.received,
		    &sums.received);
		vl_money_add(sums.allocated, ledgers[i].total.allocated,
		    &sums.allocated);
		vl_money_add(sums.spent, ledgers[i].total.spent, &sums.spent);
	}
	all = (struct vl_funds_row){VL_FR_TOTAL, "total", "", &plan, &sums,
	    true, 0};
	vl_money_sub(sums.received, sums.spent, &all.left);
	vl_out_lead(out, "total");
	funds_row(out, &all);
	return vl_out_close(out);
}

static const struct vl_col rank_cols[] = {
	{"rank", VL_COL_INT}, {"projects", VL_COL_INT},
	{"started", VL_COL_INT}, {"started_share", VL_COL_TEXT},
	{"completed", VL_COL_INT}, {"completed_share", VL_COL_TEXT},
	{"overdue", VL_COL_INT}, {"plan", VL_COL_MONEY},
	{"received", VL_COL_MONEY}, {"received_share", VL_COL_TEXT},
	{"spent", VL_COL_MONEY}
};
#define NRANK_COLS (sizeof rank_cols / sizeof rank_cols[0])

/* tenths of a percent as text: "92.0%" (vl_share's form) */
static const char *
permille_text(long pm, char buf[VL_SHARE_BUFSZ])
{
	if (pm < 0)
		return NULL;
	snprintf(buf, VL_SHARE_BUFSZ, "%ld.%ld%%", pm / 10, pm % 10);
	return buf;
}

static void
rank_row(struct vl_out *out, const struct vl_district_rank *d, bool total)
{
	char num[5][24], pct[3][VL_SHARE_BUFSZ], m[3][VL_MONEY_BUFSZ];
	const char *v[NRANK_COLS];

	snprintf(num[0], sizeof num[0], "%ld", d->rank);
	snprintf(num[1], sizeof num[1], "%ld", d->projects);
	snprintf(num[2], sizeof num[2], "%ld", d->started);
	snprintf(num[3], sizeof num[3], "%ld", d->completed);
	snprintf(num[4], sizeof num[4], "%ld", d->overdue);
	v[0] = total ? NULL : num[0];
	v[1] = num[1];
	v[2] = num[2];
	v[3] = permille_text(d->started_pm, pct[0]);
	v[4] = num[3];
	v[5] = permille_text(d->completed_pm, pct[1]);
	v[6] = num[4];
	v[7] = vl_money_format(d->plan, m[0]);
	v[8] = vl_money_format(d->received, m[1]);
	v[9] = permille_text(d->received_pm, pct[2]);
	v[10] = vl_money_format(d->spent, m[2]);
	vl_out_row(out, v);
}

static void
rank_sum(struct vl_district_rank *all, const struct vl_district_rank *d)
{
	all->projects += d->projects;
	all->started += d->started;
	all->completed += d->completed;
	all->overdue += d->overdue;
	vl_money_add(all->plan, d->plan, &all->plan);
	vl_money_add(all->received, d->received, &all->received);
	vl_money_add(all->spent, d->spent, &all->spent);
}

int
vl_rollup_report_ranking(const struct vl_rollup *r,
    const struct vl_ledger *ledgers, const struct vl_outopts *o)
{
	struct vl_outopts own = with_district(o);
	struct vl_district_rank *v, all;
	struct vl_out *out;
	size_t i, n;

	memset(&all, 0, sizeof all);
	n = vl_district_ranks(r, ledgers, &v);
	out = vl_out_report(&own, "区县排名", r->as_of, NRANK_COLS,
	    rank_cols);
	for (i = 0; i < n; i++) {
		vl_out_lead(out, r->district[v[i].book]);
		rank_row(out, &v[i], false);
		rank_sum(&all, &v[i]);
	}
	all.started_pm = vl_permille(all.started, all.projects);
	all.completed_pm = vl_permille(all.completed, all.projects);
	all.received_pm = vl_permille_fen(all.received, all.plan);
	vl_out_lead(out, "total");
	rank_row(out, &all, true);
	free(v);
	return vl_out_close(out);
}
