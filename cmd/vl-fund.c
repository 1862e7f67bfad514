/*
 * vl-fund - money: check the fund rules, reconcile a stream of amounts
 * with a total, sum the journal by a key, and each project's balance.
 *
 * The rules and the sums are the library's (rules/fund_rules.c,
 * rules/sums.c, rules/reconcile.c); this file chooses the columns.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vl.h"

static const char help[] = N_(
    "usage: vl-fund [-C DIR] COMMAND [OPTIONS]\n"
    "\n"
    "Money of the register (the -C directory, else $VL_DIR, else the\n"
    "current directory) as of a day: fund rows dated later are ignored.\n"
    "\n"
    "commands:\n"
    "  check [--final]\n"
    "        every fund rule; one row per finding: check, subject,\n"
    "        expected, actual, difference (actual - expected), status,\n"
    "        detail.  Checks: plan-lines, budgets, receipts,\n"
    "        allocations-vs-receipts, allocation, expense-vs-allocation,\n"
    "        project, purpose.  Money not received or allocated yet is\n"
    "        status pending; --final (the closing audit) makes it a\n"
    "        discrepancy.  Exit 1 when there is a discrepancy\n"
    "  reconcile --total AMT [FILE|-]\n"
    "        do the amounts add up to AMT?  One amount a line, or the\n"
    "        amount column of a CSV whose header has one; prints the\n"
    "        equation (a count of parts above 10), exit 1 if it fails\n"
    "  sum --by level|source|kind|purpose|project|town|district\n"
    "      [--kind K] [FILE|-]\n"
    "        exact sums per group (columns KEY,amount,count, sorted by\n"
    "        key) of the register's funds.csv or of FILE in its form.\n"
    "        Summed by default: receipts by level and source, expenses\n"
    "        by purpose, allocations by project and town, every row by\n"
    "        kind, receipts by district; --kind receipt|allocation|\n"
    "        expense|all chooses\n"
    "  balance\n"
    "        per project: budget, allocated, spent, spent per purpose of\n"
    "        the plan, remaining (allocated - spent) and a flag:\n"
    "        over-budget, overspent, unknown-purpose, unknown-project\n"
    "\n");
static const char more[] = N_(
    "\n"
    "  vl-fund sum --by level | vl-fund reconcile --total 184.7万\n"
    "\n"
    "Several registers (-C twice, --registers FILE): check, sum and\n"
    "balance over all, a district column first, each register against its\n"
    "own plan; a city register (plan.json \"projects\": \"districts\")\n"
    "adds check city-transfer: what it allocated each district against\n"
    "what the district booked as received from the city's levels.\n"
    "\n"
    "Exit status: 0 done (check: nothing but pending; reconcile: equal),\n"
    "1 a discrepancy or an equation that fails, 2 usage or bad input,\n"
    "3 system fault.\n");

enum { O_FINAL, O_TOTAL, O_BY, O_KIND };

static const char *const kinds[] = {"receipt", "allocation", "expense",
    "all", NULL};

static const struct vl_option check_options[] = {
	VL_FLAG("final", O_FINAL), VL_END_OPTIONS
};
static const struct vl_option reconcile_options[] = {
	VL_VALUE("total", O_TOTAL), VL_END_OPTIONS
};
static const struct vl_option sum_options[] = {
	VL_CHOICE("by", O_BY, vl_sum_keys),
	VL_CHOICE("kind", O_KIND, kinds), VL_END_OPTIONS
};

static int
load(struct vl_book *b, const struct vl_cli *c)
{
	return vl_book_load(b, &c->src, VL_LOAD_PLAN | VL_LOAD_PROJECTS);
}

/* the status of a command that wrote out and, if all went well, found */
static int
finish(struct vl_out *out, bool found)
{
	int status = vl_out_close(out);

	if (status == VL_OK)
		status = vl_close_stdout();
	return status == VL_OK && found ? VL_FINDINGS : status;
}

static const char *
money(bool has, int64_t fen, char buf[VL_MONEY_BUFSZ])
{
	return has ? vl_money_format(fen, buf) : NULL;
}

/* ---- check ----------------------------------------------------------- */

static const struct vl_col check_cols[] = {
	{"check", VL_COL_TEXT}, {"subject", VL_COL_TEXT},
	{"expected", VL_COL_MONEY}, {"actual", VL_COL_MONEY},
	{"difference", VL_COL_MONEY}, {"status", VL_COL_TEXT},
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

/* ---- several registers (SPEC 9) ------------------------------------- */

static int
rollup_load(struct vl_rollup *r, const struct vl_cli *c)
{
	return vl_rollup_load(r, c->regs, c->nregs, &c->src, VL_LOAD_PLAN |
	    VL_LOAD_PROJECTS);
}

/* a roll-up's status: a register left out is a finding (exit 1) */
static int
rollup_finish(struct vl_out *out, bool found, const struct vl_rollup *r)
{
	return finish(out, found || r->untrusted > 0);
}

/* each register's findings against its own plan, a district column
 * first; of the cities too */
static long
check_each(struct vl_out *out, const struct vl_book *b, const char *const *name,
    const struct vl_ledger *l, size_t n, bool final)
{
	struct vl_fund_check fc = {0};
	long discrepancies = 0;
	size_t i, k;

	for (i = 0; i < n; i++) {
		if (vl_fund_check(&b[i], &l[i], final, &fc) != VL_OK)
			continue;	/* said: the plan adds up beyond range */
		vl_out_lead(out, name[i]);
		for (k = 0; k < fc.n; k++)
			check_row(out, &fc.v[k]);
		discrepancies += fc.discrepancies;
		vl_fund_check_free(&fc);
	}
	return discrepancies;
}

/* Each register checked against its own plan, then what each city sent
 * each district against what the district booked (vl_city_transfers). */
static int
rollup_check(struct vl_cli *c)
{
	struct vl_ledger *l = NULL, *cl = NULL;
	struct vl_outopts opts = c->out;
	struct vl_transfer *t = NULL;
	bool final = c->arg[O_FINAL] != NULL;
	struct vl_rollup r;
	struct vl_out *out;
	long found = 0;
	size_t i, n = 0;
	int status;

	status = rollup_load(&r, c);
	if (status == VL_OK)
		status = vl_rollup_ledgers(&r, false, &l);
	if (status == VL_OK)
		status = vl_rollup_ledgers(&r, true, &cl);
	if (status == VL_OK) {
		opts.lead = "district";
		out = vl_out_report(&opts, "资金核查", c->src.as_of, NCHECK_COLS,
		    check_cols);
		found = check_each(out, r.city, r.city_name, cl, r.ncity,
		    final) + check_each(out, r.book, r.district, l, r.n, final);
		n = vl_city_transfers(&r, l, cl, final, &t);
		for (i = 0; i < n; i++) {
			vl_out_lead(out, t[i].book < 0 ? NULL :
			    r.district[t[i].book]);
			check_row(out, &t[i].f);
			found += strcmp(t[i].f.status, "discrepancy") == 0;
		}
		status = rollup_finish(out, found > 0, &r);
	}
	vl_city_transfers_free(t, n);
	vl_rollup_ledgers_free(&r, false, l);
	vl_rollup_ledgers_free(&r, true, cl);
	vl_rollup_free(&r);
	return status;
}

static int
cmd_check(struct vl_cli *c)
{
	struct vl_fund_check fc = {0};
	struct vl_ledger l = {0};
	struct vl_out *out;
	struct vl_book b;
	int status, lstatus;
	size_t i;

	if (c->rollup)
		return rollup_check(c);
	status = load(&b, c);
	/* the journal too, unless the plan itself failed: every problem of
	 * the register in one run */
	if (status != VL_SYSFAULT && b.progress) {
		lstatus = vl_ledger_load(&l, &b);
		if (status == VL_OK || lstatus == VL_SYSFAULT)
			status = lstatus;
	}
	if (status == VL_OK)
		status = vl_fund_check(&b, &l, c->arg[O_FINAL] != NULL, &fc);
	if (status == VL_OK && vl_audit_outside_edits(&b.reg) < 0)
		status = VL_SYSFAULT;	/* hand edits are only warned of */
	if (status == VL_OK) {
		out = vl_out_report(&c->out, "资金核查", b.as_of, NCHECK_COLS,
		    check_cols);
		for (i = 0; i < fc.n; i++)
			check_row(out, &fc.v[i]);
		status = finish(out, fc.discrepancies > 0);
	}
	vl_fund_check_free(&fc);
	vl_ledger_free(&l);
	vl_book_free(&b);
	return status;
}

/* ---- reconcile ------------------------------------------------------- */

static int
cmd_reconcile(struct vl_cli *c)
{
	struct vl_buf eq = {0};
	const char *why, *total = c->arg[O_TOTAL];
	int64_t fen;
	int status, close;

	if (!total)
		vl_cli_usage(c);
	if (vl_money_parse(total, &fen, &why) != 0)
		vl_die(VL_BADINPUT, "--total: %s: \"%s\"", why, total);
	status = vl_reconcile(c->noperand ? c->operand[0] : "-",
	    c->src.encoding, fen, &eq);
	if (status != VL_OK && status != VL_FINDINGS)
		return status;
	fputs(eq.data, stdout);
	vl_buf_free(&eq);
	close = vl_close_stdout();
	return close == VL_OK ? status : close;
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

static int
sum_out(const struct vl_groups *g, enum vl_sum_key by, const struct vl_cli *c)
{
	struct vl_col cols[] = {{vl_sum_keys[by], VL_COL_TEXT},
	    {"amount", VL_COL_MONEY}, {"count", VL_COL_INT}};
	struct vl_out *out;
	char title[64];

	snprintf(title, sizeof title, "资金汇总 %s", vl_sum_keys[by]);
	out = vl_out_report(&c->out, title, c->src.as_of, 3, cols);
	sum_rows(out, g, false);
	return finish(out, false);
}

/* Each district's journal summed by the key, a district column first;
 * by district, one row a district. */
static int
rollup_sum(struct vl_cli *c, enum vl_sum_key by, int kind)
{
	struct vl_col cols[] = {{vl_sum_keys[by], VL_COL_TEXT},
	    {"amount", VL_COL_MONEY}, {"count", VL_COL_INT}};
	bool each = by == VL_BY_DISTRICT;
	struct vl_outopts opts = c->out;
	struct vl_out *out = NULL;
	struct vl_rollup r;
	char title[64];
	int status;
	size_t i;

	if (c->noperand)
		vl_die(VL_BADINPUT, "sum: over several registers, their own "
		    "journals; a FILE is summed alone");
	if ((status = rollup_load(&r, c)) == VL_OK) {
		opts.lead = "district";
		snprintf(title, sizeof title, "资金汇总 %s", vl_sum_keys[by]);
		out = vl_out_report(&opts, title, c->src.as_of, each ? 2 : 3,
		    each ? cols + 1 : cols);
	}
	for (i = 0; status == VL_OK && i < r.n; i++) {
		char *path = vl_reg_path(&r.book[i].reg, "funds.csv");
		struct vl_journal j = {path, NULL, c->src.as_of,
		    c->src.encoding, true};
		struct vl_groups g = {0};

		j.display = vl_xstrdup(vl_book_display(&r.book[i],
		    "funds.csv"));
		if (vl_reg_exists(&r.book[i].reg, "funds.csv"))
			status = vl_fund_sum(&j, each ? VL_BY_KIND : by, kind,
			    &r.book[i], &g);
		vl_out_lead(out, r.district[i]);
		if (status == VL_OK)
			sum_rows(out, &g, each);
		vl_groups_free(&g);
		free(path);
		free((char *)j.display);
	}
	status = out ? (status == VL_OK ? rollup_finish(out, false, &r) :
	    (vl_out_close(out), status)) : status;
	vl_rollup_free(&r);
	return status;
}

/* the register's journal, or a file in its form */
static int
cmd_sum(struct vl_cli *c)
{
	const char *file = c->noperand ? c->operand[0] : NULL;
	struct vl_journal j = {file, NULL, c->src.as_of, c->src.encoding,
	    !file};
	int by = vl_cli_word(c, O_BY), kind = vl_cli_word(c, O_KIND);
	struct vl_groups g = {0};
	struct vl_book b = {0};
	char *path = NULL, *display = NULL;
	int status = VL_OK;

	if (by < 0)
		vl_cli_usage(c);
	/* receipt, allocation, expense are enum vl_kind; then all */
	kind = kind < 0 ? vl_sum_kind(by) : strcmp(kinds[kind], "all") == 0 ?
	    VL_ALL_KINDS : kind;
	if (c->rollup || by == VL_BY_DISTRICT)
		return rollup_sum(c, by, kind);
	if (!file || by == VL_BY_TOWN)
		status = load(&b, c);
	if (status == VL_OK && !file) {
		j.path = path = vl_reg_path(&b.reg, "funds.csv");
		j.display = display = vl_xstrdup(vl_book_display(&b,
		    "funds.csv"));
	} else if (status == VL_OK) {
		j.display = strcmp(file, "-") == 0 ? "stdin" : file;
	}
	/* a register without a journal has no money moved yet */
	if (status == VL_OK && (file || vl_reg_exists(&b.reg, "funds.csv")))
		status = vl_fund_sum(&j, by, kind, &b, &g);
	if (status == VL_OK)
		status = sum_out(&g, by, c);
	vl_groups_free(&g);
	free(path);
	free(display);
	if (b.reg.dir)
		vl_book_free(&b);
	return status;
}

/* ---- balance --------------------------------------------------------- */

static struct vl_col *
balance_cols(const struct vl_plan *plan, size_t *n)
{
	static const char *const head[] = {"project", "town", "village",
	    "leader", "specialist", "budget", "allocated", "spent"};
	struct vl_col *cols;
	size_t i, c = 0;

	*n = 8 + plan->npurposes + 2;
	cols = vl_xcalloc(*n, sizeof *cols);
	for (i = 0; i < 8; i++, c++)
		cols[c] = (struct vl_col){head[i], i < 5 ? VL_COL_TEXT :
		    VL_COL_MONEY};
	for (i = 0; i < plan->npurposes; i++, c++)
		cols[c] = (struct vl_col){plan->purposes[i], VL_COL_MONEY};
	cols[c++] = (struct vl_col){"remaining", VL_COL_MONEY};
	cols[c++] = (struct vl_col){"flag", VL_COL_TEXT};
	return cols;
}

struct balance_out {
	struct vl_out *out;
	size_t npurposes, ncols;
};

static void
balance_row(const struct vl_balance *r, void *ctx)
{
	const struct balance_out *o = ctx;
	char (*m)[VL_MONEY_BUFSZ] = vl_xcalloc(o->ncols, sizeof *m);
	const char **v = vl_xcalloc(o->ncols, sizeof *v);
	const struct vl_project *p = r->p;
	size_t i, c = 0;

	v[c++] = r->id;
	v[c++] = p ? p->town : NULL;
	v[c++] = p ? p->village : NULL;
	v[c++] = p ? p->leader : NULL;
	v[c++] = p ? p->specialist : NULL;
	v[c] = money(p != NULL, p ? p->budget : 0, m[c]), c++;
	v[c] = money(true, r->allocated, m[c]), c++;
	v[c] = money(true, r->spent, m[c]), c++;
	for (i = 0; i < o->npurposes; i++, c++)
		v[c] = money(r->purpose != NULL, r->purpose ? r->purpose[i] :
		    0, m[c]);
	v[c] = money(r->has_remaining, r->remaining, m[c]), c++;
	v[c] = r->flags;
	vl_out_row(o->out, v);
	free(v);
	free(m);
}

/* The purposes of every district's plan, each once, in the order first
 * named: a roll-up's columns; map[k][j] is purpose j's index in book k's
 * plan, or -1. */
static struct vl_plan
union_purposes(const struct vl_rollup *r, long ***map)
{
	struct vl_plan u = {0};
	size_t k, i, j;

	u.purposes = vl_xcalloc(1, sizeof *u.purposes);
	for (k = 0; k < r->n; k++)
		for (i = 0; i < r->book[k].plan.npurposes; i++)
			if (!vl_plan_has_purpose(&u, r->book[k].plan.purposes[i])) {
				u.purposes = vl_xrealloc(u.purposes,
				    (u.npurposes + 1) * sizeof *u.purposes);
				u.purposes[u.npurposes++] =
				    r->book[k].plan.purposes[i];
			}
	*map = vl_xcalloc(r->n + 1, sizeof **map);
	for (k = 0; k < r->n; k++) {
		(*map)[k] = vl_xcalloc(u.npurposes + 1, sizeof ***map);
		for (j = 0; j < u.npurposes; j++) {
			(*map)[k][j] = -1;
			for (i = 0; i < r->book[k].plan.npurposes; i++)
				if (strcmp(r->book[k].plan.purposes[i],
				    u.purposes[j]) == 0)
					(*map)[k][j] = (long)i;
		}
	}
	return u;
}

struct rollup_balance {
	struct balance_out o;
	const long *map;	/* the book's purposes in the roll-up's order */
	int64_t *purpose;
};

static void
rollup_balance_row(const struct vl_balance *r, void *ctx)
{
	struct rollup_balance *rb = ctx;
	struct vl_balance own = *r;
	size_t j;

	if (r->purpose) {	/* a purpose this plan lacks: nothing spent */
		for (j = 0; j < rb->o.npurposes; j++)
			rb->purpose[j] = rb->map[j] < 0 ? 0 :
			    r->purpose[rb->map[j]];
		own.purpose = rb->purpose;
	}
	balance_row(&own, &rb->o);
}

static int
rollup_balance(struct vl_cli *c)
{
	struct rollup_balance rb = {{NULL, 0, 0}, NULL, NULL};
	struct vl_outopts opts = c->out;
	struct vl_ledger *l = NULL;
	struct vl_col *cols;
	struct vl_rollup r;
	struct vl_plan u;
	long **map = NULL;
	size_t k;
	int status;

	if ((status = rollup_load(&r, c)) == VL_OK)
		status = vl_rollup_ledgers(&r, false, &l);
	if (status == VL_OK) {
		u = union_purposes(&r, &map);
		cols = balance_cols(&u, &rb.o.ncols);
		rb.o.npurposes = u.npurposes;
		rb.purpose = vl_xcalloc(u.npurposes + 1, sizeof *rb.purpose);
		opts.lead = "district";
		rb.o.out = vl_out_report(&opts, "项目资金", c->src.as_of,
		    rb.o.ncols, cols);
		for (k = 0; k < r.n; k++) {
			vl_out_lead(rb.o.out, r.district[k]);
			rb.map = map[k];
			vl_balances(&r.book[k], &l[k], rollup_balance_row, &rb);
		}
		status = rollup_finish(rb.o.out, false, &r);
		for (k = 0; k < r.n; k++)
			free(map[k]);
		free(map);
		free(u.purposes);
		free(rb.purpose);
		free(cols);
	}
	vl_rollup_ledgers_free(&r, false, l);
	vl_rollup_free(&r);
	return status;
}

static int
cmd_balance(struct vl_cli *c)
{
	struct balance_out o = {NULL, 0, 0};
	struct vl_ledger l = {0};
	struct vl_col *cols;
	struct vl_book b;
	int status;

	if (c->rollup)
		return rollup_balance(c);
	if ((status = load(&b, c)) == VL_OK)
		status = vl_ledger_load(&l, &b);
	if (status == VL_OK) {
		cols = balance_cols(&b.plan, &o.ncols);
		o.npurposes = l.npurposes;
		o.out = vl_out_report(&c->out, "项目资金", b.as_of, o.ncols,
		    cols);
		vl_balances(&b, &l, balance_row, &o);
		status = finish(o.out, false);
		free(cols);
	}
	vl_ledger_free(&l);
	vl_book_free(&b);
	return status;
}

static const struct vl_command commands[] = {
	{"check", cmd_check, "vl-fund [-C DIR] check [--final] [--as-of DATE] "
	    "[--format F]", check_options, 0, 0, true, NULL},
	{"reconcile", cmd_reconcile, "vl-fund reconcile --total AMT [FILE|-]",
	    reconcile_options, 0, 1, false, NULL},
	{"sum", cmd_sum, "vl-fund [-C DIR] sum --by level|source|kind|purpose|"
	    "project|town|district [--kind K] [FILE|-]", sum_options, 0, 1,
	    true, NULL},
	{"balance", cmd_balance, "vl-fund [-C DIR] balance [--as-of DATE] "
	    "[--format F]", NULL, 0, 0, true, NULL},
	{NULL, NULL, NULL, NULL, 0, 0, false, NULL}
};

static const struct vl_tool tool = {help, more, true, commands};

int
main(int argc, char **argv)
{
	return vl_cli_main(&tool, argc, argv);
}
