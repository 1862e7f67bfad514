/*
 * vl-fund - money: check the fund rules, reconcile a stream of amounts
 * with a total, sum the journal by a key, and each project's balance.
 *
 * The journal is read once, row by row (lib/ledger.c): memory grows with
 * the projects and groups, never with the rows.  Every amount is integer
 * fen and every sum overflow-checked.
 */
#include <getopt.h>
#include <stdarg.h>
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
    "  sum --by level|source|kind|purpose|project|town [--kind K]\n"
    "      [FILE|-]\n"
    "        exact sums per group (columns KEY,amount,count, sorted by\n"
    "        key) of the register's funds.csv or of FILE in its form.\n"
    "        Summed by default: receipts by level and source, expenses\n"
    "        by purpose, allocations by project and town, every row by\n"
    "        kind; --kind receipt|allocation|expense|all chooses\n"
    "  balance\n"
    "        per project: budget, allocated, spent, spent per purpose of\n"
    "        the plan, remaining (allocated - spent) and a flag:\n"
    "        over-budget, overspent, unknown-purpose, unknown-project\n"
    "\n"
    "options:\n"
    "  -C, --dir DIR            the register directory\n"
    "  --as-of DATE             the day (default $VL_AS_OF, else today)\n"
    "  --format csv|json|table|xlsx\n"
    "                           the output format (default csv); xlsx:\n"
    "                           an Excel workbook, needs -o\n"
    "  -o, --output FILE        write FILE (whole, or not at all) instead\n"
    "                           of standard output (not reconcile)\n"
    "  --excel                  for a spreadsheet: BOM, CRLF, formulas\n"
    "                           made harmless\n"
    "  --encoding utf-8|gb18030 the output encoding\n"
    "  --input-encoding ENC     utf-8 or gb18030 (default: detected)\n"
    "  --lang en|zh             English or Chinese messages, help and\n"
    "                           table headers (default: $LANGUAGE, else\n"
    "                           $LC_ALL, $LC_MESSAGES, $LANG: zh... is\n"
    "                           Chinese); CSV and JSON keys stay English\n"
    "  -h, --help               this help\n"
    "  --version                the version\n"
    "\n"
    "  vl-fund sum --by level | vl-fund reconcile --total 184.7万\n"
    "\n"
    "Exit status: 0 done (check: nothing but pending; reconcile: equal),\n"
    "1 a discrepancy or an equation that fails, 2 usage or bad input,\n"
    "3 system fault.\n");

enum {
	OPT_FINAL = VL_OPT_TOOL, OPT_TOTAL, OPT_BY, OPT_KIND
};

#define ALL_KINDS (-1)	/* sum --kind all */
#define KEY_KIND (-2)	/* sum: the kind the key describes */

struct opts {
	struct vl_cli cli;
	bool final;
	const char *total;	/* reconcile: as given */
	int by;			/* sum: index into by_names, -1: none */
	int kind;		/* sum: enum vl_kind, ALL_KINDS, KEY_KIND */
	const char *file;	/* reconcile, sum: NULL for the register */
};

static const char *const by_names[] = {"level", "source", "kind",
    "purpose", "project", "town", NULL};
enum by { BY_LEVEL, BY_SOURCE, BY_KIND, BY_PURPOSE, BY_PROJECT, BY_TOWN };

static int
name_index(const char *const *names, const char *s)
{
	int i;

	for (i = 0; names[i]; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

static void
parse_kind(struct opts *o, const char *s)
{
	if (strcmp(s, "all") == 0)
		o->kind = ALL_KINDS;
	else if ((o->kind = name_index(vl_kinds, s)) < 0)
		vl_die(VL_BADINPUT, "--kind: \"%s\" is not one of receipt, "
		    "allocation, expense, all", s);
}

/* The options of one command: its own (own) and the shared ones; at
 * most nfiles operands. */
static void
parse(int argc, char **argv, const struct option *own, size_t nown,
    int nfiles, const char *usage, struct opts *o)
{
	static const struct option shared[] = {VL_CLI_OPTIONS};
	struct option longopts[8 + sizeof shared / sizeof shared[0]];
	size_t i, n = 0;
	int c;

	for (i = 0; i < nown; i++)
		longopts[n++] = own[i];
	for (i = 0; i < sizeof shared / sizeof shared[0]; i++)
		longopts[n++] = shared[i];
	memset(o, 0, sizeof *o);
	o->by = -1;
	o->kind = KEY_KIND;
	vl_cli_init(&o->cli);
	while ((c = getopt_long(argc, argv, VL_CLI_SHORT, longopts, NULL)) != -1)
		if (c == OPT_FINAL)
			o->final = true;
		else if (c == OPT_TOTAL)
			o->total = optarg;
		else if (c == OPT_BY && (o->by = name_index(by_names,
		    optarg)) < 0)
			vl_die(VL_BADINPUT, "--by: \"%s\" is not one of level, "
			    "source, kind, purpose, project, town", optarg);
		else if (c == OPT_KIND)
			parse_kind(o, optarg);
		else if (c != OPT_BY && !vl_cli_option(&o->cli, c, optarg,
		    help))
			vl_usage(usage);
	if (argc - optind > nfiles)
		vl_usage(usage);
	if (optind < argc)
		o->file = argv[optind];
	vl_cli_done(&o->cli);
}

static int
load(struct vl_book *b, const struct opts *o)
{
	return vl_book_load(b, o->cli.dir, VL_LOAD_PLAN | VL_LOAD_PROJECTS,
	    o->cli.today);
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
money(int64_t fen, char buf[VL_MONEY_BUFSZ])
{
	return vl_money_format(fen, buf);
}

/* ---- check ----------------------------------------------------------- */

static const struct vl_col check_cols[] = {
	{"check", VL_COL_TEXT}, {"subject", VL_COL_TEXT},
	{"expected", VL_COL_MONEY}, {"actual", VL_COL_MONEY},
	{"difference", VL_COL_MONEY}, {"status", VL_COL_TEXT},
	{"detail", VL_COL_TEXT}
};
#define NCHECK_COLS (sizeof check_cols / sizeof check_cols[0])

struct checker {
	struct vl_out *out;
	const struct vl_book *b;
	const struct vl_ledger *l;
	const char *funds;	/* funds.csv as named in messages */
	bool final;
	long discrepancies;
};

/* One finding.  expected or actual NULL: it does not apply.  A pending
 * finding is a discrepancy under --final. */
static void
finding(struct checker *k, const char *check, const char *subject,
    const int64_t *expected, const int64_t *actual, bool pending,
    const char *fmt, ...)
{
	char e[VL_MONEY_BUFSZ], a[VL_MONEY_BUFSZ], d[VL_MONEY_BUFSZ];
	struct vl_buf detail = {0};
	const char *v[NCHECK_COLS];
	int64_t diff;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	vl_buf_reserve(&detail, n > 0 ? (size_t)n : 0);
	va_start(ap, fmt);
	vsnprintf(detail.data, detail.cap, fmt, ap);
	va_end(ap);
	v[0] = check;
	v[1] = subject;
	v[2] = expected ? money(*expected, e) : NULL;
	v[3] = actual ? money(*actual, a) : NULL;
	v[4] = expected && actual && vl_money_sub(*actual, *expected, &diff) ?
	    money(diff, d) : NULL;
	v[5] = pending && !k->final ? "pending" : "discrepancy";
	v[6] = detail.data;
	if (!pending || k->final)
		k->discrepancies++;
	vl_out_row(k->out, v);
	vl_buf_free(&detail);
}

/* "short by 400.00" or "over by 0.01" of actual against expected */
static const char *
gap(int64_t expected, int64_t actual, char buf[64])
{
	char m[VL_MONEY_BUFSZ];
	int64_t d;

	if (!vl_money_sub(actual, expected, &d))
		snprintf(buf, 64, "%s", actual < expected ? "short" : "over");
	else if (d < 0 && vl_money_sub(0, d, &d))
		snprintf(buf, 64, "short by %s", money(d, m));
	else
		snprintf(buf, 64, "%s by %s", d < 0 ? "short" : "over",
		    money(d, m));
	return buf;
}

/* Rule 1, the plan: its funding lines and the project budgets each add
 * up to its total.  Sums were checked for overflow by sums_fit(). */
static void
check_plan(struct checker *k)
{
	const struct vl_plan *p = &k->b->plan;
	int64_t lines = 0, budgets = 0;
	char g[64], sub[32];
	size_t i;

	for (i = 0; i < p->nfunding; i++)
		vl_money_add(lines, p->funding[i].amount, &lines);
	for (i = 0; i < k->b->projects.n; i++)
		vl_money_add(budgets, k->b->projects.v[i].budget, &budgets);
	if (lines != p->total)
		finding(k, "plan-lines", "total", &p->total, &lines, false,
		    "the %zu funding lines of plan.json against its total: %s",
		    p->nfunding, gap(p->total, lines, g));
	snprintf(sub, sizeof sub, "%zu projects", k->b->projects.n);
	if (budgets != p->total)
		finding(k, "budgets", "total", &p->total, &budgets, false,
		    "the budgets of %s against the plan's total: %s", sub,
		    gap(p->total, budgets, g));
}

static void
levels_text(const struct vl_funding *f, struct vl_buf *b)
{
	size_t i;

	for (i = 0; i < f->nlevels; i++)
		vl_buf_printf(b, "%s%s", i ? ", " : "", f->levels[i]);
}

/* Rule 2: receipts per funding line equal the plan's line. */
static void
check_receipts(struct checker *k)
{
	const struct vl_plan *p = &k->b->plan;
	const struct vl_ledger *l = k->l;
	struct vl_buf lv = {0};
	char g[64];
	size_t i;

	for (i = 0; i < p->nfunding; i++) {
		const int64_t *want = &p->funding[i].amount;
		const int64_t *got = &l->line[i].received;

		if (*got == *want)
			continue;
		lv.len = 0;
		levels_text(&p->funding[i], &lv);
		finding(k, "receipts", p->funding[i].name, want, got,
		    *got < *want, "received from %s against the plan's line: "
		    "%s%s", lv.data, gap(*want, *got, g), *got < *want &&
		    !k->final ? ", not received yet" : "");
	}
	vl_buf_free(&lv);
	for (i = 0; i < l->nlevels; i++)
		if (l->level[i].received != 0 &&
		    vl_plan_funding_of(p, vl_levels[i]) < 0)
			finding(k, "receipts", vl_levels[i], NULL,
			    &l->level[i].received, false, "received from %s, "
			    "a level no funding line of the plan names",
			    vl_levels[i]);
}

/* Rule 3: allocations never exceed receipts; a project's allocations
 * equal its budget. */
static void
check_allocations(struct checker *k)
{
	const struct vl_ledger *l = k->l;
	const struct vl_project *p;
	char g[64];
	size_t i;

	if (l->total.allocated > l->total.received)
		finding(k, "allocations-vs-receipts", "total",
		    &l->total.received, &l->total.allocated, false,
		    "allocated against received: %s",
		    gap(l->total.received, l->total.allocated, g));
	for (i = 0; i < l->nprojects; i++) {
		int64_t got = l->project[i].allocated;

		p = &k->b->projects.v[i];
		if (got == p->budget)
			continue;
		finding(k, "allocation", p->id, &p->budget, &got,
		    got < p->budget, "allocated to %s against its budget: %s%s",
		    p->id, gap(p->budget, got, g), got < p->budget &&
		    !k->final ? ", not allocated yet" : "");
	}
}

/* Money naming what the register does not know, one finding per key.
 * The texts around the key are data (the plan's purposes), never a
 * format. */
static void
strays(struct checker *k, const struct vl_groups *g, const char *check,
    const char *before, const char *after)
{
	struct vl_buf d = {0};
	size_t i;

	for (i = 0; i < g->n; i++) {
		d.len = 0;
		vl_buf_printf(&d, "%s%s%s: %ld row%s, first at %s:%ld", before,
		    g->v[i].key, after, g->v[i].count, g->v[i].count == 1 ?
		    "" : "s", k->funds, g->v[i].line);
		finding(k, check, g->v[i].key, NULL, &g->v[i].amount, false,
		    "%s", d.data);
	}
	vl_buf_free(&d);
}

static void
purposes_text(const struct vl_plan *p, struct vl_buf *b)
{
	size_t i;

	for (i = 0; i < p->npurposes; i++)
		vl_buf_printf(b, "%s%s", i ? ", " : "", p->purposes[i]);
}

/* Rules 4 and 5: expenses within allocations, on allowed purposes, and
 * every project named known. */
static void
check_expenses(struct checker *k)
{
	const struct vl_ledger *l = k->l;
	struct vl_buf allowed = {0};
	char g[64];
	size_t i;

	for (i = 0; i < l->nprojects; i++) {
		const struct vl_ledger_project *lp = &l->project[i];

		if (lp->spent > lp->allocated)
			finding(k, "expense-vs-allocation",
			    k->b->projects.v[i].id, &lp->allocated, &lp->spent,
			    false, "spent by %s against its allocations: %s",
			    k->b->projects.v[i].id, gap(lp->allocated,
			    lp->spent, g));
	}
	vl_buf_puts(&allowed, "\", not a purpose of the plan (");
	purposes_text(&k->b->plan, &allowed);
	vl_buf_puts(&allowed, "; 专款专用)");
	strays(k, &l->stray_purpose, "purpose", "spent on \"", allowed.data);
	strays(k, &l->stray_allocated, "project", "allocated to ",
	    ", which is not in projects.csv");
	strays(k, &l->stray_spent, "project", "spent by ",
	    ", which is not in projects.csv");
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

static int
cmd_check(int argc, char **argv)
{
	static const struct option own[] = {
		{"final", no_argument, NULL, OPT_FINAL}
	};
	struct checker k = {0};
	struct vl_ledger l = {0};
	struct vl_book b;
	struct opts o;
	int status, lstatus;

	parse(argc, argv, own, 1, 0, "vl-fund [-C DIR] check [--final] "
	    "[--as-of DATE] [--format F]", &o);
	status = load(&b, &o);
	/* the journal too, unless the plan itself failed: every problem of
	 * the register in one run */
	if (status != VL_SYSFAULT && b.progress) {
		lstatus = vl_ledger_load(&l, &b, o.cli.today);
		if (status == VL_OK || lstatus == VL_SYSFAULT)
			status = lstatus;
	}
	if (status == VL_OK && !sums_fit(&b))
		status = VL_BADINPUT;
	if (status == VL_OK && vl_audit_outside_edits(&b.reg) < 0)
		status = VL_SYSFAULT;	/* hand edits are only warned of */
	if (status == VL_OK) {
		k = (struct checker){NULL, &b, &l, NULL, o.final, 0};
		k.funds = vl_xstrdup(vl_book_display(&b, "funds.csv"));
		vl_sheet_name(o.cli.out.sheet, "资金核查", o.cli.today);
		k.out = vl_out_open(stdout, &o.cli.out, NCHECK_COLS,
		    check_cols);
		check_plan(&k);
		check_receipts(&k);
		check_allocations(&k);
		check_expenses(&k);
		status = finish(k.out, k.discrepancies > 0);
		free((char *)k.funds);
	}
	vl_ledger_free(&l);
	vl_book_free(&b);
	return status;
}

/* ---- reconcile ------------------------------------------------------- */

#define MAX_SHOWN 10	/* parts in the equation; more are counted */

struct recon {
	const char *display;
	bool decided;		/* the first line looked at */
	int col;		/* the amount column, or -1: one a line */
	size_t ncols;		/* the header's fields, when there is one */
	struct vl_buf joined;	/* a line's fields joined again by commas */
	int64_t sum;
	long parts;
	int64_t shown[MAX_SHOWN];
	bool overflow;
};

static void
take(struct recon *r, long line, const char *s)
{
	const char *why;
	int64_t fen;

	if (vl_money_parse(s, &fen, &why) != 0) {
		vl_errat(r->display, line, "amount", "%s: \"%s\"", why, s);
		return;
	}
	if (r->parts < MAX_SHOWN)
		r->shown[r->parts] = fen;
	r->parts++;
	if (!r->overflow && !vl_money_add(r->sum, fen, &r->sum)) {
		r->overflow = true;
		vl_errat(r->display, line, "amount", "the sum overflows the "
		    "64-bit range of fen: \"%s\"", s);
	}
}

/* Is this line a CSV header with an amount column? */
static int
amount_column(const struct vl_record *rec)
{
	size_t i;

	for (i = 0; i < rec->n; i++)
		if (strcmp(rec->field[i], "amount") == 0)
			return (int)i;
	return -1;
}

/* The line as it was, its commas put back: a column copied out of a
 * spreadsheet holds 36,940.00 without quotes, one amount a line. */
static const char *
whole_line(struct recon *r, const struct vl_record *rec)
{
	size_t i;

	r->joined.len = 0;
	vl_buf_add(&r->joined, "", 0);
	for (i = 0; i < rec->n; i++)
		vl_buf_printf(&r->joined, "%s%s", i ? "," : "", rec->field[i]);
	return r->joined.data;
}

/*
 * The first line decides: a CSV header with an amount column (e.g. what
 * vl-fund sum prints), whose records give that column; else one amount a
 * line.  A first line of fields that make no amount is neither.
 */
static int
on_amount(const struct vl_record *rec, void *ctx)
{
	struct recon *r = ctx;
	const char *line, *why;
	char want[32];
	int64_t fen;

	if (!r->decided) {
		r->decided = true;
		if ((r->col = amount_column(rec)) >= 0) {
			r->ncols = rec->n;
			return 0;
		}
		line = whole_line(r, rec);
		if (rec->n > 1 && vl_money_parse(line, &fen, &why) != 0) {
			vl_errat(r->display, rec->line, "amount", "neither one "
			    "amount nor a CSV header with an \"amount\" "
			    "column: \"%s\"", line);
			return VL_BADINPUT;
		}
	}
	if (r->col < 0) {
		take(r, rec->line, whole_line(r, rec));
	} else if (rec->n != r->ncols) {
		snprintf(want, sizeof want, "%zu", r->ncols);
		vl_errat(r->display, rec->line, NULL, "%zu fields where the "
		    "header has %s", rec->n, want);
	} else {
		take(r, rec->line, rec->field[r->col]);
	}
	return 0;
}

static void
equation(const struct recon *r, int64_t total, struct vl_buf *b)
{
	char m[VL_MONEY_BUFSZ], t[VL_MONEY_BUFSZ], g[64];
	int64_t neg;
	long i;

	if (r->parts == 0 || r->parts > MAX_SHOWN)
		vl_buf_printf(b, "%ld part%s", r->parts, r->parts == 1 ? "" :
		    "s");
	for (i = 0; r->parts <= MAX_SHOWN && i < r->parts; i++) {
		if (i > 0 && r->shown[i] < 0 && vl_money_sub(0, r->shown[i],
		    &neg))
			vl_buf_printf(b, " - %s", money(neg, m));
		else
			vl_buf_printf(b, "%s%s", i ? " + " : "",
			    money(r->shown[i], m));
	}
	vl_buf_printf(b, " = %s", money(r->sum, m));
	if (r->sum != total)
		vl_buf_printf(b, " \xe2\x89\xa0 %s (%s)", money(total, t),
		    gap(total, r->sum, g));
	vl_buf_puts(b, "\n");
}

static int
cmd_reconcile(int argc, char **argv)
{
	static const struct option own[] = {
		{"total", required_argument, NULL, OPT_TOTAL}
	};
	struct vl_csv_opts copts = {NULL, NULL, NULL, true, false};
	struct recon r = {0};
	struct vl_buf eq = {0};
	long before = vl_error_count();
	const char *why, *path;
	struct opts o;
	int64_t total;
	int status;

	parse(argc, argv, own, 1, 1, "vl-fund reconcile --total AMT "
	    "[FILE|-]", &o);
	vl_cli_no_records(&o.cli, "reconcile");
	if (!o.total)
		vl_usage("vl-fund reconcile --total AMT [FILE|-]");
	if (vl_money_parse(o.total, &total, &why) != 0)
		vl_die(VL_BADINPUT, "--total: %s: \"%s\"", why, o.total);
	path = o.file ? o.file : "-";
	r.display = strcmp(path, "-") == 0 ? "stdin" : path;
	r.col = -1;
	status = vl_csv_read(path, r.display, &copts, on_amount, &r);
	vl_buf_free(&r.joined);
	if (status == VL_OK && vl_error_count() > before)
		status = VL_BADINPUT;
	if (status != VL_OK)
		return status;
	equation(&r, total, &eq);
	fputs(eq.data, stdout);
	vl_buf_free(&eq);
	status = vl_close_stdout();
	return status == VL_OK && r.sum != total ? VL_FINDINGS : status;
}

/* ---- sum ------------------------------------------------------------- */

static const enum vl_kind default_kind[] = {
	[BY_LEVEL] = VL_RECEIPT, [BY_SOURCE] = VL_RECEIPT,
	[BY_PURPOSE] = VL_EXPENSE, [BY_PROJECT] = VL_ALLOCATION,
	[BY_TOWN] = VL_ALLOCATION
};

#define NCHOICE 8	/* levels or kinds, and none */

struct summing {		/* one a part: on cache lines of its own */
	_Alignas(64) int by;
	int kind;
	const struct vl_book *b;	/* for towns */
	struct vl_groups g;
	bool overflow;
	/* by level or kind, a choice: its group's index + 1, found once */
	size_t group_of[NCHOICE];
};

static const char *
key_of(const struct summing *s, const struct vl_fund *f)
{
	const struct vl_project *p;

	switch (s->by) {
	case BY_LEVEL:
		return f->level;
	case BY_SOURCE:
		return f->source;
	case BY_KIND:
		return vl_kinds[f->kind];
	case BY_PURPOSE:
		return f->purpose;
	case BY_PROJECT:
		return f->project;
	}
	p = vl_projects_find(&s->b->projects, f->project);
	return p ? p->town : "";
}

/* The key is one of a few choices: its group is found by the choice's
 * index, not by hashing the key of every row. */
static bool
add_choice(struct summing *s, const char *key, int choice,
    const struct vl_fund *f)
{
	size_t *slot = &s->group_of[choice + 1];
	struct vl_group *g;

	if (!*slot) {
		if (!vl_groups_add(&s->g, key, f->amount, f->line))
			return false;
		*slot = (size_t)(vl_groups_find(&s->g, key) - s->g.v) + 1;
		return true;
	}
	g = &s->g.v[*slot - 1];
	if (!vl_money_add(g->amount, f->amount, &g->amount))
		return false;
	g->count++;
	return true;
}

static int
on_sum(const struct vl_fund *f, void *ctx)
{
	struct summing *s = ctx;
	const char *key;
	bool ok;

	if (s->kind != ALL_KINDS && (int)f->kind != s->kind)
		return 0;
	key = key_of(s, f);
	if (s->by == BY_LEVEL && f->level_index + 1 < NCHOICE)
		ok = add_choice(s, key, f->level_index, f);
	else if (s->by == BY_KIND)
		ok = add_choice(s, key, (int)f->kind, f);
	else
		ok = vl_groups_add(&s->g, key, f->amount, f->line);
	if (!ok && !s->overflow) {
		s->overflow = true;
		vl_errat(f->file, f->line, "amount", "the sum of %s \"%s\" "
		    "overflows the 64-bit range of fen", by_names[s->by], key);
	}
	return 0;
}

static int
sum_out(const struct summing *s, const struct opts *o)
{
	struct vl_col cols[] = {{by_names[s->by], VL_COL_TEXT},
	    {"amount", VL_COL_MONEY}, {"count", VL_COL_INT}};
	char m[VL_MONEY_BUFSZ], n[32], title[64];
	struct vl_outopts oo = o->cli.out;
	const char *v[3];
	struct vl_out *out;
	size_t i;

	snprintf(title, sizeof title, "资金汇总 %s", by_names[s->by]);
	vl_sheet_name(oo.sheet, title, o->cli.today);
	out = vl_out_open(stdout, &oo, 3, cols);
	for (i = 0; i < s->g.n; i++) {
		snprintf(n, sizeof n, "%ld", s->g.v[i].count);
		v[0] = s->g.v[i].key;
		v[1] = money(s->g.v[i].amount, m);
		v[2] = n;
		vl_out_row(out, v);
	}
	return finish(out, false);
}

/* the journal read again as one: a part's sums as new */
static void
sum_reset(void *ctx)
{
	struct summing *s = ctx;

	vl_groups_free(&s->g);
	s->overflow = false;
	memset(s->group_of, 0, sizeof s->group_of);
}

/* Sum the journal at path, divided among threads: s[0] gets the sums. */
static int
sum_journal(struct summing *s, size_t n, const char *path,
    const char *display, vl_date as_of, bool regular)
{
	void **ctx = vl_xcalloc(n, sizeof *ctx);
	struct vl_split sp = {n, ctx, NULL, sum_reset, NULL, 1, regular};
	size_t k;
	int status;

	for (k = 0; k < n; k++) {
		if (k)
			s[k] = (struct summing){s->by, s->kind, s->b, {0},
			    false, {0}};
		ctx[k] = &s[k];
	}
	status = vl_fund_read_split(path, display, as_of, on_sum, &sp);
	/* in order, so each group keeps its first line; no sum of these
	 * rows can overflow (vl_fund_read_split) */
	for (k = 1; k < sp.used; k++)
		vl_groups_merge(&s->g, &s[k].g);
	for (k = 1; k < n; k++)
		vl_groups_free(&s[k].g);
	free(ctx);
	return status;
}

static int
cmd_sum(int argc, char **argv)
{
	static const struct option own[] = {
		{"by", required_argument, NULL, OPT_BY},
		{"kind", required_argument, NULL, OPT_KIND}
	};
	static const char usage[] = "vl-fund [-C DIR] sum --by level|source|"
	    "kind|purpose|project|town [--kind K] [FILE|-]";
	size_t nparts = vl_csv_parts();
	struct summing *s = vl_xcalloc_parts(nparts, sizeof *s);
	struct vl_book b = {0};
	struct opts o;
	char *path = NULL, *display = NULL;
	int status = VL_OK;

	parse(argc, argv, own, 2, 1, usage, &o);
	if (o.by < 0)
		vl_usage(usage);
	s->by = o.by;
	s->kind = o.kind != KEY_KIND ? o.kind : o.by == BY_KIND ? ALL_KINDS :
	    (int)default_kind[o.by];
	s->b = &b;
	if (!o.file || o.by == BY_TOWN)
		status = load(&b, &o);
	if (status == VL_OK) {
		path = o.file ? vl_xstrdup(o.file) : vl_reg_path(&b.reg,
		    "funds.csv");
		display = vl_xstrdup(!o.file ? vl_book_display(&b,
		    "funds.csv") : strcmp(o.file, "-") == 0 ? "stdin" : o.file);
		/* a register without a journal has no money moved yet */
		if (o.file || vl_reg_exists(&b.reg, "funds.csv"))
			status = sum_journal(s, nparts, path, display,
			    o.cli.today, !o.file);
	}
	if (status == VL_OK && s->overflow)
		status = VL_BADINPUT;
	if (status == VL_OK) {
		vl_groups_sort(&s->g);
		status = sum_out(s, &o);
	}
	vl_groups_free(&s->g);
	free(s);
	free(path);
	free(display);
	if (b.reg.dir)
		vl_book_free(&b);
	return status;
}

/* ---- balance --------------------------------------------------------- */

struct balance_row {
	const struct vl_project *p;	/* NULL: not in projects.csv */
	const char *id;
	int64_t allocated, spent;
	const int64_t *purpose;		/* NULL: not known */
	bool stray_purpose;
};

static void
flags(const struct balance_row *r, struct vl_buf *f)
{
	if (!r->p)
		vl_buf_printf(f, "%sunknown-project", f->len ? ";" : "");
	if (r->p && r->allocated > r->p->budget)
		vl_buf_printf(f, "%sover-budget", f->len ? ";" : "");
	if (r->spent > r->allocated)
		vl_buf_printf(f, "%soverspent", f->len ? ";" : "");
	if (r->stray_purpose)
		vl_buf_printf(f, "%sunknown-purpose", f->len ? ";" : "");
}

static void
balance_row(struct vl_out *out, const struct vl_ledger *l,
    const struct balance_row *r, size_t ncols)
{
	char (*m)[VL_MONEY_BUFSZ] = vl_xcalloc(ncols, sizeof *m);
	const char **v = vl_xcalloc(ncols, sizeof *v);
	struct vl_buf flag = {0};
	int64_t remaining;
	size_t i, c = 0;

	v[c++] = r->id;
	v[c++] = r->p ? r->p->town : NULL;
	v[c++] = r->p ? r->p->village : NULL;
	v[c++] = r->p ? r->p->leader : NULL;
	v[c++] = r->p ? r->p->specialist : NULL;
	v[c] = r->p ? money(r->p->budget, m[c]) : NULL, c++;
	v[c] = money(r->allocated, m[c]), c++;
	v[c] = money(r->spent, m[c]), c++;
	for (i = 0; i < l->npurposes; i++, c++)
		v[c] = r->purpose ? money(r->purpose[i], m[c]) : NULL;
	v[c] = vl_money_sub(r->allocated, r->spent, &remaining) ?
	    money(remaining, m[c]) : NULL, c++;
	flags(r, &flag);
	v[c] = flag.data;
	vl_out_row(out, v);
	vl_buf_free(&flag);
	free(v);
	free(m);
}

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

/* projects not in projects.csv, by id, as their money names them */
static void
stray_rows(struct vl_out *out, const struct vl_ledger *l, size_t ncols)
{
	const struct vl_groups *a = &l->stray_allocated, *s = &l->stray_spent;
	const struct vl_group *other;
	struct balance_row r = {0};
	size_t i;

	for (i = 0; i < a->n; i++) {
		other = vl_groups_find(s, a->v[i].key);
		r = (struct balance_row){NULL, a->v[i].key, a->v[i].amount,
		    other ? other->amount : 0, NULL, false};
		balance_row(out, l, &r, ncols);
	}
	for (i = 0; i < s->n; i++)
		if (!vl_groups_find(a, s->v[i].key)) {
			r = (struct balance_row){NULL, s->v[i].key, 0,
			    s->v[i].amount, NULL, false};
			balance_row(out, l, &r, ncols);
		}
}

static int
cmd_balance(int argc, char **argv)
{
	struct vl_ledger l = {0};
	struct balance_row r;
	struct vl_col *cols;
	struct vl_out *out;
	struct vl_book b;
	struct opts o;
	size_t i, ncols;
	int status;

	parse(argc, argv, NULL, 0, 0, "vl-fund [-C DIR] balance "
	    "[--as-of DATE] [--format F]", &o);
	if ((status = load(&b, &o)) == VL_OK)
		status = vl_ledger_load(&l, &b, o.cli.today);
	if (status == VL_OK) {
		cols = balance_cols(&b.plan, &ncols);
		vl_sheet_name(o.cli.out.sheet, "项目资金", o.cli.today);
		out = vl_out_open(stdout, &o.cli.out, ncols, cols);
		for (i = 0; i < l.nprojects; i++) {
			const struct vl_ledger_project *lp = &l.project[i];

			r = (struct balance_row){&b.projects.v[i],
			    b.projects.v[i].id, lp->allocated, lp->spent,
			    lp->purpose, lp->purpose[l.npurposes] != 0};
			balance_row(out, &l, &r, ncols);
		}
		stray_rows(out, &l, ncols);
		status = finish(out, false);
		free(cols);
	}
	vl_ledger_free(&l);
	vl_book_free(&b);
	return status;
}

static const struct vl_subcmd cmds[] = {
	{"check", cmd_check, "[--final]"},
	{"reconcile", cmd_reconcile, "--total AMT [FILE|-]"},
	{"sum", cmd_sum, "--by KEY [--kind K] [FILE|-]"},
	{"balance", cmd_balance, ""},
	{NULL, NULL, NULL}
};

int
main(int argc, char **argv)
{
	return vl_cli_dispatch(argc, argv, cmds, help);
}
