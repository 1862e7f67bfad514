/*
 * fund_tables.c - vl-fund's tables as records in any output format: the
 * fund check (rules/fund_rules.c, and a city's transfers from
 * rules/districts.c), the sums (rules/sums.c) and each project's balance,
 * of one register or of a roll-up, one row writer for both.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/i18n.h"
#include "base/money.h"
#include "register/funds.h"
#include "report/fund_tables.h"
#include "rules/districts.h"

static const char *
money(bool has, int64_t fen, char buf[VL_MONEY_BUFSZ])
{
	return has ? vl_money_format(fen, buf) : NULL;
}

/* ---- check ----------------------------------------------------------- */

static const struct vl_col check_cols[] = {
	{"check", VL_COL_WORD}, {"subject", VL_COL_WORD},
	{"expected", VL_COL_MONEY}, {"actual", VL_COL_MONEY},
	{"difference", VL_COL_MONEY}, {"status", VL_COL_WORD},
	{"detail", VL_COL_TEXT}
};
#define NCHECK_COLS (sizeof check_cols / sizeof check_cols[0])

static void
check_row(struct vl_out *out, const struct vl_fund_finding *f)
{
	char e[VL_MONEY_BUFSZ], a[VL_MONEY_BUFSZ], d[VL_MONEY_BUFSZ];
	const char *v[NCHECK_COLS] = {f->check, f->subject,
	    money(f->has_expected, f->expected, e),
	    money(f->has_actual, f->actual, a),
	    money(f->has_difference, f->difference, d), f->status,
	    f->detail};

	vl_out_row(out, v);
}

int
vl_report_fund_check(const struct vl_fund_check *fc,
    const struct vl_outopts *o, vl_date day)
{
	struct vl_out *out;
	size_t i;

	out = vl_out_report(o, "资金核查", day, NCHECK_COLS, check_cols);
	for (i = 0; i < fc->n; i++)
		check_row(out, &fc->v[i]);
	return vl_out_close(out);
}

/* each register's findings against its own plan under its name; how
 * many discrepancies */
static long
check_each(struct vl_out *out, const struct vl_book *b,
    const char *const *name, const struct vl_ledger *l, size_t n,
    bool final, const struct vl_filter *f)
{
	struct vl_fund_check fc = {0};
	long discrepancies = 0;
	size_t i, k;

	for (i = 0; i < n; i++) {
		if (!vl_filter_district(f, name[i]))
			continue;	/* a city's own, --district another */
		fc.human = vl_out_people(out);
		if (vl_fund_check(&b[i], &l[i], final, &fc) != VL_OK)
			continue;	/* said: the plan beyond range */
		vl_fund_check_keep(&fc, &b[i], f);
		vl_out_lead(out, name[i]);
		for (k = 0; k < fc.n; k++)
			check_row(out, &fc.v[k]);
		discrepancies += fc.discrepancies;
		vl_fund_check_free(&fc);
	}
	return discrepancies;
}

/* the transfers of every city to its districts; how many discrepancies */
static long
check_transfers(struct vl_out *out, const struct vl_rollup *r,
    const struct vl_ledger *l, const struct vl_ledger *cl, bool final,
    const struct vl_filter *f)
{
	struct vl_transfer *t = NULL;
	long discrepancies = 0;
	size_t i, n;

	n = vl_city_transfers(r, l, cl, final, vl_out_people(out), &t);
	for (i = 0; i < n; i++) {
		if (!vl_fund_finding_passes(&t[i].f, NULL, f) ||
		    !vl_filter_district(f, t[i].district))
			continue;
		vl_out_lead(out, t[i].district);
		check_row(out, &t[i].f);
		discrepancies += strcmp(t[i].f.status, "discrepancy") == 0;
	}
	vl_city_transfers_free(t, n);
	return discrepancies;
}

int
vl_rollup_report_fund_check(const struct vl_rollup *r,
    const struct vl_outopts *o, bool final, const struct vl_filter *f,
    bool *found)
{
	struct vl_ledger *l = NULL, *cl = NULL;
	struct vl_outopts own = vl_outopts_by_district(o);
	struct vl_out *out;
	long n;
	int status;

	*found = false;
	status = vl_rollup_ledgers(r, false, VL_LEDGER_PROJECTS, &l);
	if (status == VL_OK)
		status = vl_rollup_ledgers(r, true, VL_LEDGER_PROJECTS, &cl);
	if (status == VL_OK) {
		out = vl_out_report(&own, "资金核查", r->as_of, NCHECK_COLS,
		    check_cols);
		n = check_each(out, r->city, r->city_name, cl, r->ncity,
		    final, f);
		n += check_each(out, r->book, r->district, l, r->n, final, f);
		n += check_transfers(out, r, l, cl, final, f);
		*found = n > 0;
		status = vl_out_close(out);
	}
	vl_rollup_ledgers_free(r, false, l);
	vl_rollup_ledgers_free(r, true, cl);
	return status;
}

/* ---- sum ------------------------------------------------------------- */

/* a sum's rows; all: the groups added up in one row (by district) */
static void
sum_rows(struct vl_out *out, const struct vl_groups *g, bool all)
{
	char m[VL_MONEY_BUFSZ], n[32];
	const char *v[3];
	int64_t amount = 0;
	long count = 0;
	size_t i;

	for (i = 0; all && i < g->n; i++) {
		vl_money_add(amount, g->v[i].amount, &amount);
		count += g->v[i].count;
	}
	for (i = 0; !all && i < g->n; i++) {
		snprintf(n, sizeof n, "%ld", g->v[i].count);
		v[0] = g->v[i].key;
		v[1] = vl_money_format(g->v[i].amount, m);
		v[2] = n;
		vl_out_row(out, v);
	}
	if (all) {
		snprintf(n, sizeof n, "%ld", count);
		v[0] = vl_money_format(amount, m);
		v[1] = n;
		vl_out_row(out, v);
	}
}

/* the report of a sum by `by`: its columns (the key's, amount, count;
 * in cols, which must last as long as the report) and "资金汇总 KEY" */
static struct vl_out *
sum_open(const struct vl_outopts *o, enum vl_sum_key by, bool all,
    vl_date day, struct vl_col cols[3])
{
	char title[64];

	cols[0] = (struct vl_col){vl_sum_keys[by], by == VL_BY_PROJECT ||
	    by == VL_BY_TOWN ? VL_COL_TEXT : VL_COL_WORD};
	cols[1] = (struct vl_col){"amount", VL_COL_MONEY};
	cols[2] = (struct vl_col){"count", VL_COL_INT};
	snprintf(title, sizeof title, "资金汇总 %s", vl_tr(vl_sum_keys[by]));
	return vl_out_report(o, title, day, all ? 2 : 3, all ? cols + 1 :
	    cols);
}

int
vl_report_sum(const struct vl_groups *g, enum vl_sum_key by,
    const struct vl_outopts *o, vl_date day)
{
	struct vl_col cols[3];
	struct vl_out *out = sum_open(o, by, false, day, cols);

	sum_rows(out, g, false);
	vl_out_total(out, vl_trc("row", "total"));
	return vl_out_close(out);
}

/* one district's journal summed (none yet: nothing moved) */
static int
sum_district(const struct vl_book *b, enum vl_sum_key by, int kind,
    const struct vl_filter *f, struct vl_groups *g)
{
	struct vl_journal j = {NULL, NULL, b->as_of, b->encoding, true,
	    &b->plan};
	char *path;
	int status = VL_OK;

	if (!vl_reg_exists(&b->reg, "funds.csv"))
		return VL_OK;
	j.path = path = vl_reg_path(&b->reg, "funds.csv");
	j.display = vl_xstrdup(vl_book_display(b, "funds.csv"));
	status = vl_fund_sum(&j, by, kind, b, f, g);
	free(path);
	free((char *)j.display);
	return status;
}

int
vl_rollup_report_sum(const struct vl_rollup *r, enum vl_sum_key by,
    int kind, const struct vl_filter *f, const struct vl_outopts *o)
{
	bool each = by == VL_BY_DISTRICT;
	struct vl_outopts own = vl_outopts_by_district(o);
	struct vl_col cols[3];
	struct vl_out *out = sum_open(&own, by, each, r->as_of, cols);
	int status = VL_OK, closed;
	size_t i;

	for (i = 0; status == VL_OK && i < r->n; i++) {
		struct vl_groups g = {0};

		status = sum_district(&r->book[i], each ? VL_BY_KIND : by,
		    kind, f, &g);
		vl_out_lead(out, r->district[i]);
		if (status == VL_OK)
			sum_rows(out, &g, each);
		vl_groups_free(&g);
	}
	vl_out_total(out, vl_trc("row", "total"));
	closed = vl_out_close(out);
	return status != VL_OK ? status : closed;
}

/* ---- balance --------------------------------------------------------- */

/* other: a last column of what other funds (多方筹集) paid for, when the
 * plan has them */
static struct vl_col *
balance_cols(const struct vl_plan *plan, bool other, size_t *n)
{
	static const char *const head[] = {"project", "town", "village",
	    "leader", "specialist", "budget", "allocated", "spent"};
	struct vl_col *cols;
	size_t i, c = 0;

	*n = 8 + plan->npurposes + 2 + other;
	cols = vl_xcalloc(*n, sizeof *cols);
	for (i = 0; i < 8; i++, c++)
		cols[c] = (struct vl_col){head[i], i < 5 ? VL_COL_TEXT :
		    VL_COL_MONEY};
	for (i = 0; i < plan->npurposes; i++, c++)
		cols[c] = (struct vl_col){plan->purposes[i], VL_COL_MONEY};
	cols[c++] = (struct vl_col){"remaining", VL_COL_MONEY};
	cols[c++] = (struct vl_col){"flag", VL_COL_WORD};
	if (other)
		cols[c++] = (struct vl_col){"other_funds", VL_COL_MONEY};
	return cols;
}

struct balance_out {
	struct vl_out *out;
	size_t npurposes, ncols;
	const long *map;	/* a roll-up's purposes in the book's plan, or
				 * NULL: the book's own */
	int64_t *purpose;	/* the row's, in the roll-up's order */
	const struct vl_filter *f;	/* the rows listed, or NULL: all */
	bool other;		/* the column other_funds */
};

static void
balance_row(const struct vl_balance *r, void *ctx)
{
	const struct balance_out *o = ctx;
	char (*m)[VL_MONEY_BUFSZ] = vl_xcalloc(o->ncols, sizeof *m);
	const char **v = vl_xcalloc(o->ncols, sizeof *v);
	const struct vl_project *p = r->p;
	const int64_t *spent = r->purpose;
	const char *row[VL_NFC] = {NULL};
	size_t i, c = 0;

	vl_filter_project_row(row, p);
	row[VL_FC_PROJECT] = r->id;
	if (o->f && !vl_filter_row(o->f, row)) {
		free(v);
		free(m);
		return;
	}
	if (spent && o->map) {	/* a purpose this plan lacks: nothing */
		for (i = 0; i < o->npurposes; i++)
			o->purpose[i] = o->map[i] < 0 ? 0 :
			    r->purpose[o->map[i]];
		spent = o->purpose;
	}
	v[c++] = r->id;
	v[c++] = p ? p->town : NULL;
	v[c++] = p ? p->village : NULL;
	v[c++] = p ? p->leader : NULL;
	v[c++] = p ? p->specialist : NULL;
	v[c] = money(p != NULL, p ? p->budget : 0, m[c]), c++;
	v[c] = money(true, r->allocated, m[c]), c++;
	v[c] = money(true, r->spent, m[c]), c++;
	for (i = 0; i < o->npurposes; i++, c++)
		v[c] = money(spent != NULL, spent ? spent[i] : 0, m[c]);
	v[c] = money(r->has_remaining, r->remaining, m[c]), c++;
	v[c++] = r->flags;
	if (o->other)
		v[c] = money(true, r->other, m[c]);
	vl_out_row(o->out, v);
	free(v);
	free(m);
}

int
vl_report_balance(const struct vl_book *b, const struct vl_ledger *l,
    const struct vl_filter *f, const struct vl_outopts *o)
{
	struct balance_out bo = {NULL, l->npurposes, 0, NULL, NULL, f,
	    vl_plan_has_other(&b->plan)};
	struct vl_col *cols = balance_cols(&b->plan, bo.other, &bo.ncols);
	struct vl_outopts own = *o;
	int status;

	vl_book_names(b, &own);
	bo.out = vl_out_report(&own, "项目资金", b->as_of, bo.ncols, cols);
	vl_balances(b, l, balance_row, &bo);
	vl_out_total(bo.out, vl_trc("row", "total"));
	status = vl_out_close(bo.out);	/* the columns last till here */
	free(cols);
	return status;
}

/* The purposes of every district's plan, each once, in the order first
 * named: a roll-up's columns (u's purposes are the plans' own). */
static void
union_purposes(const struct vl_rollup *r, struct vl_plan *u)
{
	size_t k, i;

	memset(u, 0, sizeof *u);
	u->purposes = vl_xcalloc(1, sizeof *u->purposes);
	for (k = 0; k < r->n; k++)
		for (i = 0; i < r->book[k].plan.npurposes; i++)
			if (!vl_plan_has_purpose(u,
			    r->book[k].plan.purposes[i])) {
				u->purposes = vl_xrealloc(u->purposes,
				    (u->npurposes + 1) * sizeof *u->purposes);
				u->purposes[u->npurposes++] =
				    r->book[k].plan.purposes[i];
			}
}

/* map[j]: the roll-up's purpose j in the plan, or -1 */
static void
purpose_map(const struct vl_plan *u, const struct vl_plan *plan, long *map)
{
	size_t i, j;

	for (j = 0; j < u->npurposes; j++) {
		map[j] = -1;
		for (i = 0; i < plan->npurposes; i++)
			if (strcmp(plan->purposes[i], u->purposes[j]) == 0)
				map[j] = (long)i;
	}
}

int
vl_rollup_report_balance(const struct vl_rollup *r,
    const struct vl_filter *f, const struct vl_outopts *o)
{
	struct vl_outopts own = vl_outopts_by_district(o);
	struct balance_out bo = {NULL, 0, 0, NULL, NULL, f, false};
	struct vl_ledger *l = NULL;
	struct vl_col *cols;
	struct vl_plan u;
	long *map;
	size_t k;
	int status;

	if ((status = vl_rollup_ledgers(r, false, VL_LEDGER_PROJECTS,
	    &l)) != VL_OK) {
		vl_rollup_ledgers_free(r, false, l);
		return status;
	}
	union_purposes(r, &u);
	for (k = 0; k < r->n; k++)	/* other funds when a district has */
		bo.other |= vl_plan_has_other(&r->book[k].plan);
	cols = balance_cols(&u, bo.other, &bo.ncols);
	bo.npurposes = u.npurposes;
	bo.purpose = vl_xcalloc(u.npurposes + 1, sizeof *bo.purpose);
	bo.map = map = vl_xcalloc(u.npurposes + 1, sizeof *map);
	bo.out = vl_out_report(&own, "项目资金", r->as_of, bo.ncols, cols);
	for (k = 0; k < r->n; k++) {
		vl_out_lead(bo.out, r->district[k]);
		purpose_map(&u, &r->book[k].plan, map);
		vl_balances(&r->book[k], &l[k], balance_row, &bo);
	}
	vl_out_total(bo.out, vl_trc("row", "total"));
	status = vl_out_close(bo.out);
	free(map);
	free(u.purposes);
	free(bo.purpose);
	free(cols);
	vl_rollup_ledgers_free(r, false, l);
	return status;
}
