/*
 * ranking.c - the districts of a roll-up ranked for a circular (通报):
 * projects started and completed, late items, money received and spent,
 * a district a row with its rank (rules/districts.c ranks them), then
 * the total of all.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/money.h"
#include "base/groups.h"
#include "report/tables.h"
#include "rules/districts.h"
#include "rules/standing.h"

static const struct vl_col rank_cols[] = {
	{"rank", VL_COL_INT}, {"projects", VL_COL_INT},
	{"started", VL_COL_INT}, {"started_share", VL_COL_SHARE},
	{"completed", VL_COL_INT}, {"completed_share", VL_COL_SHARE},
	{"overdue", VL_COL_INT}, {"plan", VL_COL_MONEY},
	{"received", VL_COL_MONEY}, {"received_share", VL_COL_SHARE},
	{"spent", VL_COL_MONEY}
};
#define NRANK_COLS (sizeof rank_cols / sizeof rank_cols[0])

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
	v[3] = vl_permille_text(d->started_pm, pct[0]);
	v[4] = num[3];
	v[5] = vl_permille_text(d->completed_pm, pct[1]);
	v[6] = num[4];
	v[7] = vl_money_format(d->plan, m[0]);
	/* of some projects: the receipts are the district's, not theirs */
	v[8] = d->narrowed ? NULL : vl_money_format(d->received, m[1]);
	v[9] = vl_permille_text(d->received_pm, pct[2]);
	v[10] = vl_money_format(d->spent, m[2]);
	vl_out_row(out, v);
}

int
vl_rollup_report_ranking(const struct vl_rollup *r,
    const struct vl_ledger *ledgers, const struct vl_outopts *o)
{
	struct vl_outopts own = vl_outopts_by_district(o);
	struct vl_district_rank *v, all;
	struct vl_out *out;
	size_t i, n;

	memset(&all, 0, sizeof all);
	n = vl_district_ranks(r, ledgers, &v);
	for (i = 0; i < n; i++)	/* the total first: it may not add up */
		vl_district_rank_add(&all, &v[i]);
	out = vl_out_report(&own, "区县排名", r->as_of, NRANK_COLS,
	    rank_cols);
	for (i = 0; i < n; i++) {
		vl_out_lead(out, r->district[v[i].book]);
		rank_row(out, &v[i], false);
	}
	all.started_pm = vl_permille(all.started, all.villages);
	all.completed_pm = vl_permille(all.completed, all.villages);
	all.received_pm = all.narrowed ? -1 : vl_permille_fen(all.received,
	    all.plan);
	vl_out_lead(out, "total");
	rank_row(out, &all, true);
	free(v);
	return vl_out_close(out);
}
