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
    "        detail.  Checks, in the order printed: plan-lines, villages\n"
    "        (more projects than the plan's villages), budgets, receipts,\n"
    "        allocations-vs-receipts, allocation, expense-vs-allocation,\n"
    "        other-funds (a level's other funds spent above their\n"
    "        receipts), purpose, project, reversal (each negative amount\n"
    "        the exact negation of one entry, reversed once).  Money not\n"
    "        received or allocated yet is status pending; --final (the\n"
    "        closing audit) makes it a discrepancy.  Exit 1 when there is\n"
    "        a discrepancy.  --status pending|discrepancy, and --town,\n"
    "        --village, --project, --leader, --specialist (the findings\n"
    "        about such a project) keep those listed\n"
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
    "        expense|all chooses; a filter of a project's column (--town,\n"
    "        --village, --project, --leader, --specialist) sums its\n"
    "        projects' rows only\n"
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
    "Several registers (-C twice, --registers FILE): check, sum and\n"
    "balance over all, a district column first, each register against its\n"
    "own plan; a city register (plan.json \"projects\": \"districts\")\n"
    "adds check city-transfer: what it allocated each district against\n"
    "what the district booked as received from the city's levels.\n"
    "--district D keeps that district's rows (with one register too).\n"
    "\n"
    "Exit status: 0 done (check: nothing but pending; reconcile: equal),\n"
    "1 a discrepancy or an equation that fails, 2 usage or bad input,\n"
    "3 system fault.\n");

enum { O_FINAL, O_TOTAL, O_BY, O_KIND };

static const char *const kinds[] = {"receipt", "allocation", "expense",
    "all", NULL};

static const char *const check_statuses[] = {"pending", "discrepancy",
    NULL};
static const struct vl_option check_options[] = {
	VL_FLAG("final", O_FINAL), VL_PROJECT_FILTERS,
	VL_FILTER("status", VL_FC_STATUS, check_statuses), VL_DISTRICT_FILTER,
	VL_END_OPTIONS
};
static const struct vl_option reconcile_options[] = {
	VL_VALUE("total", O_TOTAL), VL_END_OPTIONS
};
static const struct vl_option sum_options[] = {
	VL_CHOICE("by", O_BY, vl_sum_keys),
	VL_CHOICE("kind", O_KIND, kinds), VL_PROJECT_FILTERS,
	VL_DISTRICT_FILTER, VL_END_OPTIONS
};
static const struct vl_option balance_options[] = {
	VL_PROJECT_FILTERS, VL_DISTRICT_FILTER, VL_END_OPTIONS
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
load(struct vl_book *b, const struct vl_cli *c, int more)
{
	return vl_book_load(b, &c->src, VL_LOAD_PLAN | VL_LOAD_PROJECTS |
	    more);
}

/* a check's findings filtered: an empty list then says nothing of the
 * others */
static bool
checks_filtered(const struct vl_cli *c)
{
	return filtered(c) || vl_filter_on(&c->filter, VL_FC_STATUS);
}

/* the status of a command whose output closed with status and, if all
 * went well, found something */
static int
finish(int status, bool found)
{
	if (status == VL_OK)
		status = vl_close_stdout();
	return status == VL_OK && found ? VL_FINDINGS : status;
}

/* Several registers (SPEC 9): loaded, each trail verified; a register
 * left out is a finding (exit 1) */
static int
rollup_load(struct vl_rollup *r, const struct vl_cli *c, int what)
{
	int status = vl_rollup_load(r, c->regs, c->nregs, &c->src,
	    VL_LOAD_PLAN | VL_LOAD_PROJECTS | what);

	vl_rollup_keep(r, &c->filter);
	return status;
}

static int
rollup_done(int status, bool found, struct vl_rollup *r)
{
	found = found || r->untrusted > 0;
	vl_rollup_free(r);
	return finish(status, found);
}

/* ---- check ----------------------------------------------------------- */

static int
rollup_check(struct vl_cli *c)
{
	struct vl_rollup r;
	bool found = false;
	int status;

	/* each district's files against its trail, as one register's */
	if ((status = rollup_load(&r, c, VL_LOAD_DIGESTS |
	    VL_LOAD_TEMPLATE_SAID)) == VL_OK)
		status = vl_rollup_report_fund_check(&r, &c->out,
		    c->arg[O_FINAL] != NULL, &c->filter, &found);
	return rollup_done(status, found, &r);
}

static int
cmd_check(struct vl_cli *c)
{
	struct vl_fund_check fc = {0};
	struct vl_ledger l = {0};
	struct vl_book b;
	int status;

	if (c->rollup)
		return rollup_check(c);
	/* a plan still the template: a discrepancy, said once */
	status = load(&b, c, VL_LOAD_DIGESTS | VL_LOAD_TEMPLATE_SAID);
	/* the journal too, unless the plan itself failed */
	status = vl_ledger_load_after(&l, &b, status, VL_LEDGER_PROJECTS);
	fc.human = vl_out_human(&c->out);
	if (status == VL_OK)
		status = vl_fund_check(&b, &l, c->arg[O_FINAL] != NULL, &fc);
	if (status == VL_OK)	/* --status, the project columns */
		vl_fund_check_keep(&fc, &b, &c->filter);
	if (status == VL_OK && vl_book_outside_edits(&b) < 0)
		status = VL_SYSFAULT;	/* hand edits are only warned of */
	c->out.register_name = b.plan.name;
	if (status == VL_OK)
		status = finish(vl_report_fund_check(&fc, &c->out, b.as_of),
		    fc.discrepancies > 0);
	/* a clean check says so, lest silence look like nothing done; on
	 * stderr, so that stdout stays the (empty) CSV */
	if (status == VL_OK && fc.n == 0 && !checks_filtered(c))
		vl_warn(vl_trn(fc.checked, "all %ld check passes",
		    "all %ld checks pass"), fc.checked);
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
	struct vl_book b = {0};
	struct vl_reg reg;
	int64_t fen;
	int status, close;
	bool in_register;

	if (!total)
		vl_cli_usage(c);
	if (vl_money_parse(total, &fen, &why) != 0)
		vl_die(VL_BADINPUT, "--total: %s: \"%s\"", why, total);
	/* in a register, its plan's other funds are left out */
	vl_reg_open(&reg, c->src.dir);
	in_register = vl_reg_exists(&reg, "plan.json");
	vl_reg_close(&reg);
	status = in_register ? vl_book_load(&b, &c->src, VL_LOAD_PLAN) :
	    VL_OK;
	if (status == VL_OK)
		status = vl_reconcile(c->noperand ? c->operand[0] : "-",
		    c->src.encoding, fen, b.plan.name ? &b.plan : NULL, &eq);
	vl_book_free(&b);
	if (status != VL_OK && status != VL_FINDINGS)
		return status;
	/* in the output's encoding, as every report is */
	close = vl_out_bytes(&c->out, eq.data, eq.len);
	vl_buf_free(&eq);
	if (close == VL_OK)
		close = vl_close_stdout();
	return close == VL_OK ? status : close;
}

/* ---- sum ------------------------------------------------------------- */

/* each district's own journal summed; by district, one row a district */
static int
rollup_sum(struct vl_cli *c, enum vl_sum_key by, int kind)
{
	struct vl_rollup r;
	int status;

	if (c->noperand)
		vl_die(VL_BADINPUT, "sum: over several registers, their own "
		    "journals; a FILE is summed alone");
	if ((status = rollup_load(&r, c, 0)) == VL_OK)
		vl_rollup_say_cities_apart(&r);
	if (status == VL_OK)
		status = vl_rollup_report_sum(&r, by, kind, filtered(c) ?
		    &c->filter : NULL, &c->out);
	return rollup_done(status, false, &r);
}

/* is there a register (-C, $VL_DIR, the current directory)?  A FILE is
 * then read in its plan's words (its levels, sources), else in the
 * default plan's */
static bool
register_here(const struct vl_cli *c)
{
	struct vl_reg r;
	bool here;

	vl_reg_open(&r, c->src.dir);
	here = vl_reg_exists(&r, "plan.json");
	vl_reg_close(&r);
	return here;
}

/* the register's journal, or a file in its form */
static int
cmd_sum(struct vl_cli *c)
{
	const char *file = c->noperand ? c->operand[0] : NULL;
	struct vl_journal j = {file, NULL, c->src.as_of, c->src.encoding,
	    !file, NULL};
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
	if (!file || by == VL_BY_TOWN || filtered(c) || register_here(c))
		status = load(&b, c, 0);
	if (b.reg.dir)
		j.plan = &b.plan;
	/* past a bad row of the register: its journal's said too */
	if (!file && vl_book_read(&b, status)) {
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
	else if (j.path && vl_reg_exists(&b.reg, "funds.csv") &&
	    vl_fund_sum(&j, by, kind, &b, NULL, &g) == VL_SYSFAULT)
		status = VL_SYSFAULT;	/* its bad rows said too, as check */
	if (b.reg.dir)
		c->out.register_name = b.plan.name;
	if (status == VL_OK)
		status = finish(vl_report_sum(&g, by, &c->out, c->src.as_of),
		    false);
	vl_groups_free(&g);
	free(path);
	free(display);
	if (b.reg.dir)
		vl_book_free(&b);
	return status;
}

/* ---- balance --------------------------------------------------------- */

static int
cmd_balance(struct vl_cli *c)
{
	struct vl_ledger l = {0};
	struct vl_rollup r;
	struct vl_book b;
	int status;

	if (c->rollup) {
		if ((status = rollup_load(&r, c, 0)) == VL_OK)
			vl_rollup_say_cities_apart(&r);
		if (status == VL_OK)
			status = vl_rollup_report_balance(&r, &c->filter,
			    &c->out);
		return rollup_done(status, false, &r);
	}
	status = load(&b, c, 0);
	/* the journal too, as check */
	status = vl_ledger_load_after(&l, &b, status, VL_LEDGER_PROJECTS);
	if (status == VL_OK)
		status = finish(vl_report_balance(&b, &l, &c->filter,
		    &c->out), false);
	vl_ledger_free(&l);
	vl_book_free(&b);
	return status;
}

static const struct vl_command commands[] = {
	{"check", cmd_check, "vl-fund [-C DIR] check [--final] [--status S] "
	    "[--town T] [--village V] [--project P] [--leader L] "
	    "[--specialist S] [--district D] [--as-of DATE] [--format F]",
	    check_options, 0, 0, true, NULL},
	{"reconcile", cmd_reconcile, "vl-fund reconcile --total AMT [FILE|-]",
	    reconcile_options, 0, 1, false, NULL},
	{"sum", cmd_sum, "vl-fund [-C DIR] sum --by level|source|kind|purpose|"
	    "project|town|district [--kind K] [--town T] [--village V] "
	    "[--project P] [--leader L] [--specialist S] [--district D] "
	    "[FILE|-]", sum_options, 0, 1, true, NULL},
	{"balance", cmd_balance, "vl-fund [-C DIR] balance [--town T] "
	    "[--village V] [--project P] [--leader L] [--specialist S] "
	    "[--district D] [--as-of DATE] [--format F]", balance_options, 0,
	    0, true, NULL},
	{NULL, NULL, NULL, NULL, 0, 0, false, NULL}
};

static const struct vl_tool tool = {help, more, true, commands};

int
main(int argc, char **argv)
{
	return vl_cli_main(&tool, argc, argv);
}
