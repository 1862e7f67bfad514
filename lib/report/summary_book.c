/*
 * summary_book.c - the summary as a workbook (vl-report summary --format
 * xlsx): the page's figures, its open findings, then the reports it
 * condenses, a sheet each.
 */
#include <stdio.h>
#include <stdlib.h>

#include "base/i18n.h"
#include "base/money.h"
#include "base/strbuf.h"
#include "report/summary.h"
#include "report/tables.h"
#include "rules/overdue.h"
#include "rules/standing.h"

static const struct vl_col headline_cols[] = {
	{"item", VL_COL_TEXT}, {"count", VL_COL_INT}, {"of", VL_COL_INT},
	{"share", VL_COL_TEXT}, {"amount", VL_COL_MONEY}, {"note", VL_COL_TEXT}
};
#define NHEADLINE_COLS (sizeof headline_cols / sizeof headline_cols[0])

/* a row of the headline sheet: a count of of, or an amount (has_fen) */
static void
headline(struct vl_out *out, const char *item, long n, long of,
    const int64_t *fen, const char *note)
{
	char cn[24], cof[24], pct[VL_SHARE_BUFSZ], m[VL_MONEY_BUFSZ];
	const char *v[NHEADLINE_COLS] = {item, NULL, NULL, NULL, NULL, note};

	if (n >= 0) {
		snprintf(cn, sizeof cn, "%ld", n);
		v[1] = cn;
	}
	if (of > 0) {
		snprintf(cof, sizeof cof, "%ld", of);
		v[2] = cof;
		v[3] = vl_share(n, of, pct);
	}
	if (fen)
		v[4] = vl_money_format(*fen, m);
	vl_out_row(out, v);
}

/* other funds (多方筹集): received, and spent in the note */
static void
other_funds_row(struct vl_out *out, const struct vl_ledger *l)
{
	char m[VL_MONEY_BUFSZ];
	struct vl_buf note = {0};

	vl_buf_printf(&note, vl_tr("outside the total; spent %s"),
	    vl_money_format(l->other.spent, m));
	headline(out, vl_tr("多方筹集 other funds"), -1, 0, &l->other.received,
	    note.data);
	vl_buf_free(&note);
}

/* The page's figures, a row each: the programme, the money, the
 * findings and who is late. */
static int
headline_sheet(const struct vl_book *b, const struct vl_ledger *l,
    const struct vl_outopts *o)
{
	struct vl_standing *s = vl_standings(b);
	long villages = vl_book_villages(b), nlate = 0;
	struct vl_tally t = {0};
	struct vl_findings f;
	struct vl_overdue *od;
	struct vl_buf note = {0};
	struct vl_out *out;
	int64_t left, budget;
	size_t i, n;

	for (i = 0; i < b->projects.n; i++)
		if (vl_book_kept(b, i))
			vl_tally_add(&t, &s[i]);
	out = vl_out_report(o, "汇总", b->as_of, NHEADLINE_COLS,
	    headline_cols);
	headline(out, vl_tr("审查 reviewed"), t.reviewed, villages, NULL, NULL);
	headline(out, vl_tr("动工 started"), t.started, villages, NULL, NULL);
	headline(out, vl_tr("竣工 completed"), t.completed, villages, NULL,
	    NULL);
	headline(out, vl_tr("验收 accepted"), t.accepted, villages, NULL, NULL);
	if (b->keep) {	/* some projects: the receipts are not theirs */
		budget = vl_kept_budget(b);
		headline(out, vl_tr("budget"), -1, 0, &budget, b->narrowed_to);
	} else {
		headline(out, vl_tr("plan"), -1, 0, &b->plan.total, NULL);
		headline(out, vl_tr("到位 received"), -1, 0,
		    &l->total.received, NULL);
	}
	headline(out, vl_tr("下拨 allocated"), -1, 0, &l->total.allocated,
	    NULL);
	headline(out, vl_tr("支出 spent"), -1, 0, &l->total.spent, NULL);
	if (b->keep && vl_money_sub(l->total.allocated, l->total.spent, &left))
		headline(out, vl_tr("结余 remaining"), -1, 0, &left,
		    vl_tr("allocated - spent"));
	else if (!b->keep && vl_money_sub(l->total.received, l->total.spent,
	    &left))
		headline(out, vl_tr("结余 remaining"), -1, 0, &left,
		    vl_tr("received - spent"));
	if (vl_plan_has_other(&b->plan))	/* apart, as on the page */
		other_funds_row(out, l);
	vl_findings_collect(b, &f);
	vl_buf_printf(&note, vl_tr("%ld past due"), f.late);
	headline(out, vl_tr("open findings"), (long)f.n, 0, NULL, note.data);
	vl_findings_free(&f);
	n = vl_overdue_collect(b, -1, &od);
	for (i = 0; i < n; i++)
		nlate += od[i].status == VL_OD_LATE;
	note.len = 0;
	vl_buf_printf(&note, vl_tr("%ld flagged"), (long)n - nlate);
	headline(out, vl_tr("items late"), nlate, 0, NULL, note.data);
	free(od);
	free(s);
	vl_buf_free(&note);
	return vl_out_close(out);
}

static const struct vl_col finding_cols[] = {
	{"aspect", VL_COL_WORD}, {"id", VL_COL_TEXT},
	{"project", VL_COL_TEXT}, {"town", VL_COL_TEXT},
	{"village", VL_COL_TEXT}, {"leader", VL_COL_TEXT},
	{"specialist", VL_COL_TEXT}, {"due", VL_COL_DATE},
	{"days_late", VL_COL_INT}, {"finding", VL_COL_TEXT}
};
#define NFINDING_COLS (sizeof finding_cols / sizeof finding_cols[0])

/* The open findings, safety and quality first, as the page lists them. */
static int
findings_sheet(const struct vl_book *b, const struct vl_outopts *o)
{
	const char *v[NFINDING_COLS];
	char due[VL_DATE_BUFSZ], late[24];
	struct vl_findings f;
	struct vl_out *out;
	size_t i;

	vl_findings_collect(b, &f);
	out = vl_out_report(o, "问题整改", b->as_of, NFINDING_COLS,
	    finding_cols);
	for (i = 0; i < f.n; i++) {
		const struct vl_inspection *in = f.v[i];
		const struct vl_project *p = vl_projects_find(
		    &b->projects, in->project);

		snprintf(late, sizeof late, "%ld", in->due != VL_NODATE &&
		    b->as_of > in->due ? (long)(b->as_of - in->due) : 0L);
		v[0] = in->aspect, v[1] = in->id, v[2] = p->id;
		v[3] = p->town, v[4] = p->village, v[5] = p->leader;
		v[6] = p->specialist;
		v[7] = vl_date_format(in->due, due);
		v[8] = in->due != VL_NODATE && b->as_of > in->due ? late :
		    NULL;
		v[9] = in->finding;
		vl_out_row(out, v);
	}
	vl_findings_free(&f);
	return vl_out_close(out);
}

/* The workbook for the meeting: the page's figures, the open findings,
 * then the reports it condenses, a sheet each, ready to print. */
int
vl_summary_workbook(const struct vl_book *b, const struct vl_ledger *l,
    const struct vl_outopts *opts)
{
	struct vl_outopts o = *opts;
	int status;
	bool found;

	o.workbook = vl_workbook_open(opts->output);
	vl_book_names(b, &o);
	status = headline_sheet(b, l, &o);
	if (status == VL_OK)
		status = findings_sheet(b, &o);
	if (status == VL_OK)
		status = vl_report_overdue(b, &o, -1, NULL, &found);
	if (status == VL_OK)
		status = vl_report_progress(b, &o, VL_FC_TOWN, NULL);
	if (status == VL_OK)
		status = vl_report_funds(b, l, &o);
	return vl_workbook_close(o.workbook);	/* nothing written after a
						 * failure */
}
