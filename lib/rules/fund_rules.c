/*
 * fund_rules.c - the fund rules of SPEC 2, checked against a register's
 * plan and ledger: the plan adds up (1), receipts meet the plan's lines
 * (2), allocations stay within receipts and meet each budget (3),
 * expenses stay within allocations, on the plan's purposes (4) (other
 * funds' within their receipts, level by level), and name projects the
 * register knows (5).  Money not received or allocated yet
 * is pending, a discrepancy only at the closing audit (final).  Also
 * each project's balance, with its flags.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/i18n.h"
#include "base/money.h"
#include "base/strbuf.h"
#include "register/schema.h"
#include "rules/fund_rules.h"
#include "rules/reversals.h"

struct checker {
	struct vl_fund_check *c;
	const struct vl_book *b;
	const struct vl_ledger *l;
	const char *funds;	/* funds.csv as named in messages */
	bool final;
	bool human;	/* details for people: translated */
};

/* One finding, its detail as given (copied).  expected or actual NULL:
 * it does not apply.  A pending finding is a discrepancy under --final. */
static void
record(struct checker *k, const char *check, const char *subject,
    const int64_t *expected, const int64_t *actual, bool pending,
    const char *detail)
{
	struct vl_fund_check *c = k->c;
	struct vl_fund_finding *f;

	if ((c->n & (c->n - 1)) == 0)
		c->v = vl_xrealloc(c->v, (c->n ? 2 * c->n : 1) * sizeof *c->v);
	f = &c->v[c->n++];
	*f = (struct vl_fund_finding){check, subject, expected != NULL,
	    actual != NULL, false, expected ? *expected : 0, actual ?
	    *actual : 0, 0, pending && !k->final ? "pending" : "discrepancy",
	    vl_xstrdup(detail)};
	f->has_difference = expected && actual && vl_money_sub(*actual,
	    *expected, &f->difference);
	if (!pending || k->final)
		c->discrepancies++;
}

/* One finding, its detail a format, translated for people. */
static void
finding(struct checker *k, const char *check, const char *subject,
    const int64_t *expected, const int64_t *actual, bool pending,
    const char *fmt, ...)
{
	struct vl_buf detail = {0};
	va_list ap;

	va_start(ap, fmt);
	vl_buf_vprintf(&detail, vl_tr_if(k->human, fmt), ap);
	va_end(ap);
	record(k, check, subject, expected, actual, pending, detail.data ?
	    detail.data : "");
	vl_buf_free(&detail);
}

/* Rule 1, the plan: its funding lines and the project budgets each add
 * up to its total.  Sums were checked for overflow by sums_fit(). */
static void
check_plan(struct checker *k)
{
	const struct vl_plan *p = &k->b->plan;
	int64_t lines = 0, budgets = 0;
	char g[VL_GAP_BUFSZ], sub[32];
	size_t i;

	/* an unfilled plan passes the sums (0.00 of 0.00): said, not
	 * "all checks pass" */
	if (p->placeholder) {
		k->c->checked++;
		finding(k, "plan", "plan.json", NULL, NULL, false, "still the "
		    "template's placeholders (name, villages, deadlines "
		    "2099-12-31, total): fill in the programme's plan");
	}
	for (i = 0; i < p->nfunding; i++)
		vl_money_add(lines, p->funding[i].amount, &lines);
	for (i = 0; i < k->b->projects.n; i++)
		vl_money_add(budgets, k->b->projects.v[i].budget, &budgets);
	k->c->checked += 2;
	/* one of each said in the singular: a msgid of its own, as finding()
	 * translates its format only for people */
	if (lines != p->total && p->nfunding == 1)
		finding(k, "plan-lines", "total", &p->total, &lines, false,
		    "the 1 funding line of plan.json against its total: %s",
		    vl_money_gap_for(k->human, p->total, lines, g));
	else if (lines != p->total)
		finding(k, "plan-lines", "total", &p->total, &lines, false,
		    "the %zu funding lines of plan.json against its total: %s",
		    p->nfunding, vl_money_gap_for(k->human, p->total, lines, g));
	snprintf(sub, sizeof sub, "%zu", k->b->projects.n);
	if (k->b->projects.n > (size_t)p->villages && p->villages == 1)
		finding(k, "villages", "projects", NULL, NULL, false,
		    "%zu projects under a plan of 1 village: a project "
		    "registered twice, or the plan's villages to amend",
		    k->b->projects.n);
	else if (k->b->projects.n > (size_t)p->villages)
		finding(k, "villages", "projects", NULL, NULL, false,
		    "%zu projects under a plan of %ld villages: a project "
		    "registered twice, or the plan's villages to amend",
		    k->b->projects.n, p->villages);
	if (budgets != p->total && k->b->projects.n == 1)
		finding(k, "budgets", "total", &p->total, &budgets, false,
		    "the budget of the 1 project against the plan's total: %s",
		    vl_money_gap_for(k->human, p->total, budgets, g));
	else if (budgets != p->total)
		finding(k, "budgets", "total", &p->total, &budgets, false,
		    "the budgets of %s projects against the plan's total: %s",
		    sub, vl_money_gap_for(k->human, p->total, budgets, g));
}

/* "a, b, c", the words of vocabulary context translated for people */
static void
join(struct vl_buf *b, char *const *s, size_t n, const char *context,
    bool human)
{
	size_t i;

	for (i = 0; i < n; i++)
		vl_buf_printf(b, "%s%s", i ? vl_tr_if(human, ", ") : "",
		    human ? vl_trc(context, s[i]) : s[i]);
}

/* Rule 2: receipts per funding line equal the plan's line. */
static void
check_receipts(struct checker *k)
{
	const struct vl_plan *p = &k->b->plan;
	const struct vl_ledger *l = k->l;
	struct vl_buf lv = {0};
	char g[VL_GAP_BUFSZ];
	size_t i;

	for (i = 0; i < p->nfunding; i++) {
		const int64_t *want = &p->funding[i].amount;
		const int64_t *got = &l->line[i].received;

		k->c->checked++;
		if (*got == *want)
			continue;
		lv.len = 0;
		join(&lv, p->funding[i].levels, p->funding[i].nlevels, "level",
		    k->human);
		finding(k, "receipts", p->funding[i].name, want, got,
		    *got < *want, "received from %s against the plan's line: "
		    "%s%s", lv.data, vl_money_gap_for(k->human, *want, *got, g),
		    *got < *want && !k->final ? vl_tr_if(k->human,
		    ", not received yet") : "");
	}
	vl_buf_free(&lv);
	for (i = 0; i < l->nlevels; i++)
		/* other funds (多方筹集) are outside the reconciliation */
		if (l->level[i].received != 0 &&
		    vl_plan_funding_of(p, l->levels[i]) < 0 &&
		    !vl_plan_other_level(p, l->levels[i]))
			finding(k, "receipts", l->levels[i], NULL,
			    &l->level[i].received, false, "received from %s, "
			    "a level no funding line of the plan names",
			    k->human ? vl_trc("level", l->levels[i]) :
			    l->levels[i]);
}

/* Rule 3: allocations never exceed receipts; a project's allocations
 * equal its budget. */
static void
check_allocations(struct checker *k)
{
	const struct vl_ledger *l = k->l;
	const struct vl_project *p;
	char g[VL_GAP_BUFSZ];
	size_t i;

	k->c->checked += 1 + (long)l->nprojects;
	if (l->total.allocated > l->total.received)
		finding(k, "allocations-vs-receipts", "total",
		    &l->total.received, &l->total.allocated, false,
		    "allocated against received: %s",
		    vl_money_gap_for(k->human, l->total.received,
		    l->total.allocated, g));
	for (i = 0; i < l->nprojects; i++) {
		int64_t got = vl_ledger_project(l, i)->allocated;

		p = &k->b->projects.v[i];
		if (got == p->budget)
			continue;
		finding(k, "allocation", p->id, &p->budget, &got,
		    got < p->budget, "allocated to %s against its budget: %s%s",
		    p->id, vl_money_gap_for(k->human, p->budget, got, g),
		    got < p->budget && !k->final ? vl_tr_if(k->human,
		    ", not allocated yet") : "");
	}
}

/* Money naming what the register does not know, one finding per key:
 * what (a format of the key and of extra, which is data: the plan's
 * purposes), then how many rows and where the first is. */
static void
strays(struct checker *k, const struct vl_groups *g, const char *check,
    const char *what, const char *extra)
{
	const bool h = k->human;
	struct vl_buf d = {0};
	size_t i;

	for (i = 0; i < g->n; i++) {
		d.len = 0;
		vl_buf_printf(&d, vl_tr_if(h, what), g->v[i].key, extra);
		if (g->v[i].count == 1)
			vl_buf_printf(&d, vl_tr_if(h, ": 1 row, first at %s:%ld"),
			    k->funds, g->v[i].line);
		else
			vl_buf_printf(&d, vl_tr_if(h,
			    ": %ld rows, first at %s:%ld"), g->v[i].count,
			    k->funds, g->v[i].line);
		record(k, check, g->v[i].key, NULL, &g->v[i].amount, false,
		    d.data);
	}
	vl_buf_free(&d);
}

/* Rules 4 and 5: expenses within allocations, on allowed purposes, and
 * every project named known. */
static void
check_expenses(struct checker *k)
{
	const struct vl_ledger *l = k->l;
	struct vl_buf allowed = {0};
	char g[VL_GAP_BUFSZ];
	size_t i;

	k->c->checked += (long)l->nprojects + 3;	/* and the strays */
	for (i = 0; i < l->nprojects; i++) {
		const struct vl_ledger_project *lp = vl_ledger_project(l, i);

		if (lp->spent > lp->allocated)
			finding(k, "expense-vs-allocation",
			    k->b->projects.v[i].id, &lp->allocated, &lp->spent,
			    false, "spent by %s against its allocations: %s",
			    k->b->projects.v[i].id, vl_money_gap_for(k->human,
			    lp->allocated, lp->spent, g));
	}
	/* other funds (多方筹集): spent only as received, by level */
	for (i = 0; i < l->nlevels; i++) {
		const struct vl_ledger_sums *o = &l->level[i];

		if (!vl_plan_other_level(&k->b->plan, l->levels[i]))
			continue;
		k->c->checked++;
		if (o->spent > o->received)
			finding(k, "other-funds", l->levels[i], &o->received,
			    &o->spent, false, "spent from %s (other funds, "
			    "多方筹集) against its receipts: %s", k->human ?
			    vl_trc("level", l->levels[i]) : l->levels[i],
			    vl_money_gap_for(k->human, o->received, o->spent,
			    g));
	}
	join(&allowed, k->b->plan.purposes, k->b->plan.npurposes, "purpose",
	    k->human);
	strays(k, &l->stray_purpose, "purpose", N_("spent on \"%s\", not a "
	    "purpose of the plan (%s; 专款专用)"), allowed.data);
	strays(k, &l->stray_allocated, "project", N_("allocated to %s, which "
	    "is not in projects.csv"), "");
	strays(k, &l->stray_spent, "project", N_("spent by %s, which is not "
	    "in projects.csv"), "");
	vl_buf_free(&allowed);
}

/* The plan's and the budgets' sums must fit before any row is written:
 * an overflow is bad input, not a finding. */
static bool
sums_fit(const struct vl_book *b)
{
	int64_t s = 0;
	size_t i;
	bool ok = true;

	for (i = 0; i < b->plan.nfunding && ok; i++)
		ok = vl_money_add(s, b->plan.funding[i].amount, &s);
	if (!ok)
		vl_errat(vl_book_display(b, "plan.json"), 0, "funding",
		    "the lines' sum overflows the 64-bit range of fen");
	for (s = 0, i = 0; i < b->projects.n; i++)
		if (!vl_money_add(s, b->projects.v[i].budget, &s)) {
			vl_errat(vl_book_display(b, "projects.csv"),
			    b->projects.v[i].line, "budget", "the budgets' sum "
			    "overflows the 64-bit range of fen");
			return false;
		}
	return ok;
}

/* Rule 6 (SPEC 6): each correction negates a real entry, once. */
static int
check_reversals(struct checker *k)
{
	struct vl_reversals *r;
	struct vl_buf detail = {0};
	size_t i;
	int status = VL_OK;

	if (k->l->corrections == 0)
		return VL_OK;	/* the journal is not read again */
	/* kept with the findings, which name its entries' ids */
	k->c->reversals = r = vl_xcalloc(1, sizeof *r);
	status = vl_reversals_check(k->b, k->human, r);
	for (i = 0; i < r->n; i++) {
		detail.len = 0;
		vl_buf_printf(&detail, "%s:%ld: %s", k->funds, r->v[i].line,
		    r->v[i].detail.data);
		record(k, "reversal", r->v[i].id, NULL, &r->v[i].amount, false,
		    detail.data);
	}
	vl_buf_free(&detail);
	return status;
}

int
vl_fund_check(const struct vl_book *b, const struct vl_ledger *l,
    bool final, struct vl_fund_check *c)
{
	struct checker k = {c, b, l, NULL, final, c->human};
	int status;

	memset(c, 0, sizeof *c);
	c->human = k.human;
	if (!sums_fit(b))
		return VL_BADINPUT;
	k.funds = vl_xstrdup(vl_book_display(b, "funds.csv"));
	check_plan(&k);
	check_receipts(&k);
	check_allocations(&k);
	check_expenses(&k);
	status = check_reversals(&k);
	free((char *)k.funds);
	return status;
}

void
vl_fund_check_free(struct vl_fund_check *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		free(c->v[i].detail);
	free(c->v);
	if (c->reversals)
		vl_reversals_free(c->reversals);
	free(c->reversals);
	memset(c, 0, sizeof *c);
}

/* ---- balance ----------------------------------------------------------- */

static void
flag(struct vl_balance *r, const char *name)
{
	size_t n = strlen(r->flags);

	snprintf(r->flags + n, sizeof r->flags - n, "%s%s", n ? ";" : "",
	    name);
}

static void
balance_row(struct vl_balance *r, const struct vl_project *p,
    const char *id, int64_t allocated, int64_t spent, const int64_t *purpose,
    bool stray_purpose)
{
	*r = (struct vl_balance){p, id, allocated, spent, purpose, false, 0,
	    0, ""};
	r->has_remaining = vl_money_sub(allocated, spent, &r->remaining);
	if (!p)
		flag(r, "unknown-project");
	if (p && allocated > p->budget)
		flag(r, "over-budget");
	if (spent > allocated)
		flag(r, "overspent");
	if (stray_purpose)
		flag(r, "unknown-purpose");
}

void
vl_balances(const struct vl_book *b, const struct vl_ledger *l,
    vl_balance_fn fn, void *ctx)
{
	const struct vl_groups *a = &l->stray_allocated, *s = &l->stray_spent;
	const struct vl_group *other;
	struct vl_balance r;
	size_t i;

	for (i = 0; i < l->nprojects; i++) {
		const struct vl_ledger_project *lp = vl_ledger_project(l, i);

		balance_row(&r, &b->projects.v[i], b->projects.v[i].id,
		    lp->allocated, lp->spent, lp->purpose,
		    lp->purpose[l->npurposes] != 0);
		r.other = lp->other;
		fn(&r, ctx);
	}
	/* projects not in projects.csv, by id, as their money names them */
	for (i = 0; i < a->n; i++) {
		other = vl_groups_find(s, a->v[i].key);
		balance_row(&r, NULL, a->v[i].key, a->v[i].amount,
		    other ? other->amount : 0, NULL, false);
		fn(&r, ctx);
	}
	for (i = 0; i < s->n; i++)
		if (!vl_groups_find(a, s->v[i].key)) {
			balance_row(&r, NULL, s->v[i].key, 0, s->v[i].amount,
			    NULL, false);
			fn(&r, ctx);
		}
}

/* ---- the findings a filter keeps ---------------------------------------- */

bool
vl_fund_finding_passes(const struct vl_fund_finding *x,
    const struct vl_book *b, const struct vl_filter *f)
{
	static const char *const of_project[] = {"allocation",
	    "expense-vs-allocation", "project", NULL};
	const char *row[VL_NFC] = {NULL};

	if (vl_in(of_project, x->check)) {
		vl_filter_project_row(row, b ? vl_projects_find(&b->projects,
		    x->subject) : NULL);
		row[VL_FC_PROJECT] = x->subject;
	}
	row[VL_FC_STATUS] = x->status;
	return vl_filter_row(f, row);
}

void
vl_fund_check_keep(struct vl_fund_check *c, const struct vl_book *b,
    const struct vl_filter *f)
{
	size_t i, n = 0;

	c->discrepancies = 0;
	for (i = 0; i < c->n; i++) {
		if (!vl_fund_finding_passes(&c->v[i], b, f)) {
			free(c->v[i].detail);
			continue;
		}
		c->discrepancies += strcmp(c->v[i].status, "discrepancy") == 0;
		c->v[n++] = c->v[i];
	}
	c->n = n;
}
