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
    "        detail.  Checks: plan-lines, budgets, villages (more\n"
    "        projects than the plan's villages), receipts,\n"
    "        allocations-vs-receipts, allocation, expense-vs-allocation,\n"
    "        project, purpose, reversal (each negative amount the exact\n"
    "        negation of one entry, reversed once).  Money not received\n"
    "        or allocated yet is status pending; --final (the closing\n"
    "        audit) makes it a discrepancy.  Exit 1 when there is a\n"
    "        discrepancy\n"
    "  reconcile --total AMT [FILE|-]\n"
    "        do the amounts add up to AMT?  One amount a line, or the\n"
    "        amount column of a CSV whose header has one; prints the\n"
    "        equation (a count of parts above 10), exit 1 if it fails\n"
    "  sum --by level|source|kind|purpose|project|town [--kind K]\n"
    "      [FILE|-]\n"
    "        exact sums per group (columns KEY,amount,count, sorted by\n"
    "        key) of the register's funds.csv or of FILE in its form.\n"
    "        Summed by default: receipts by level and source, expenses\n"
    "        by purpose, allocations by project and town, every row by\n"
    "        kind; --kind receipt|allocation|expense|all chooses; a\n"
    "        filter of a project's column (--town, --village, --project,\n"
    "        --leader, --specialist) sums its projects' rows only\n"
    "  balance [--town T] [--village V] [--project P] [--leader L]\n"
    "          [--specialist S]\n"
    "        per project: budget, allocated, spent, spent per purpose of\n"
    "        the plan, remaining (allocated - spent) and a flag:\n"
    "        over-budget, overspent, unknown-purpose, unknown-project\n"
    "\n");
static const char more[] = N_(
    "\n"
    "  vl-fund sum --by level | vl-fund reconcile --total 184.7万\n"
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
	VL_CHOICE("kind", O_KIND, kinds), VL_PROJECT_FILTERS, VL_END_OPTIONS
};
static const struct vl_option balance_options[] = {
	VL_PROJECT_FILTERS, VL_END_OPTIONS
};

/* is a filter of a project's column given? */
static bool
filtered(const struct vl_cli *c)
{
	int k;

	for (k = VL_FC_TOWN; k <= VL_FC_SPECIALIST; k++)
		if (vl_filter_on(&c->filter, k))
			return true;
	return false;
}

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

static int
cmd_check(struct vl_cli *c)
{
	struct vl_fund_check fc = {0};
	struct vl_ledger l = {0};
	struct vl_out *out;
	struct vl_book b;
	int status, lstatus;
	size_t i;

	status = load(&b, c);
	/* the journal too, unless the plan itself failed: every problem of
	 * the register in one run */
	if (status != VL_SYSFAULT && b.progress) {
		lstatus = vl_ledger_load(&l, &b);
		if (status == VL_OK || lstatus == VL_SYSFAULT)
			status = lstatus;
	}
	fc.human = vl_out_human(&c->out);
	if (status == VL_OK)
		status = vl_fund_check(&b, &l, c->arg[O_FINAL] != NULL, &fc);
	if (status == VL_OK && vl_audit_outside_edits(&b.reg) < 0)
		status = VL_SYSFAULT;	/* hand edits are only warned of */
	if (status == VL_OK) {
		c->out.register_name = b.plan.name;
		out = vl_out_report(&c->out, "资金核查", b.as_of, NCHECK_COLS,
		    check_cols);
		for (i = 0; i < fc.n; i++)
			check_row(out, &fc.v[i]);
		status = finish(out, fc.discrepancies > 0);
		/* a clean check says so, lest silence look like nothing
		 * done; on stderr, so that stdout stays the (empty) CSV */
		if (status == VL_OK && fc.n == 0)
			vl_warn(vl_trn(fc.checked, "all %ld check passes",
			    "all %ld checks pass"), fc.checked);
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

static int
sum_out(const struct vl_groups *g, enum vl_sum_key by, const struct vl_cli *c)
{
	struct vl_col cols[] = {{vl_sum_keys[by], by == VL_BY_PROJECT ||
	    by == VL_BY_TOWN ? VL_COL_TEXT : VL_COL_WORD},
	    {"amount", VL_COL_MONEY}, {"count", VL_COL_INT}};
	char m[VL_MONEY_BUFSZ], n[32], title[64];
	const char *v[3];
	struct vl_out *out;
	size_t i;

	snprintf(title, sizeof title, "资金汇总 %s", vl_tr(vl_sum_keys[by]));
	out = vl_out_report(&c->out, title, c->src.as_of, 3, cols);
	for (i = 0; i < g->n; i++) {
		snprintf(n, sizeof n, "%ld", g->v[i].count);
		v[0] = g->v[i].key;
		v[1] = vl_money_format(g->v[i].amount, m);
		v[2] = n;
		vl_out_row(out, v);
	}
	vl_out_total(out, vl_trc("row", "total"));
	return finish(out, false);
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
	if (!file || by == VL_BY_TOWN || filtered(c))
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
		status = vl_fund_sum(&j, by, kind, &b, filtered(c) ?
		    &c->filter : NULL, &g);
	if (b.reg.dir)
		c->out.register_name = b.plan.name;
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
	cols[c++] = (struct vl_col){"flag", VL_COL_WORD};
	return cols;
}

struct balance_out {
	struct vl_out *out;
	size_t npurposes, ncols;
	const struct vl_filter *f;
};

static void
balance_row(const struct vl_balance *r, void *ctx)
{
	const struct balance_out *o = ctx;
	char (*m)[VL_MONEY_BUFSZ] = vl_xcalloc(o->ncols, sizeof *m);
	const char **v = vl_xcalloc(o->ncols, sizeof *v);
	const struct vl_project *p = r->p;
	const char *row[VL_NFC] = {NULL};
	size_t i, c = 0;

	vl_filter_project_row(row, p);
	row[VL_FC_PROJECT] = r->id;
	if (!vl_filter_row(o->f, row)) {
		free(v);
		free(m);
		return;
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
		v[c] = money(r->purpose != NULL, r->purpose ? r->purpose[i] :
		    0, m[c]);
	v[c] = money(r->has_remaining, r->remaining, m[c]), c++;
	v[c] = r->flags;
	vl_out_row(o->out, v);
	free(v);
	free(m);
}

static int
cmd_balance(struct vl_cli *c)
{
	struct balance_out o = {NULL, 0, 0, &c->filter};
	struct vl_ledger l = {0};
	struct vl_col *cols;
	struct vl_book b;
	int status;

	if ((status = load(&b, c)) == VL_OK)
		status = vl_ledger_load(&l, &b);
	if (status == VL_OK) {
		cols = balance_cols(&b.plan, &o.ncols);
		o.npurposes = l.npurposes;
		c->out.register_name = b.plan.name;
		o.out = vl_out_report(&c->out, "项目资金", b.as_of, o.ncols,
		    cols);
		vl_balances(&b, &l, balance_row, &o);
		vl_out_total(o.out, vl_trc("row", "total"));
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
	    "project|town [--kind K] [--town T] [--village V] [--project P] "
	    "[--leader L] [--specialist S] [FILE|-]", sum_options, 0, 1, true,
	    NULL},
	{"balance", cmd_balance, "vl-fund [-C DIR] balance [--town T] "
	    "[--village V] [--project P] [--leader L] [--specialist S] "
	    "[--as-of DATE] [--format F]", balance_options, 0, 0, true, NULL},
	{NULL, NULL, NULL, NULL, 0, 0, false, NULL}
};

static const struct vl_tool tool = {help, more, true, commands};

int
main(int argc, char **argv)
{
	return vl_cli_main(&tool, argc, argv);
}
