/*
 * vl-report - reports on a register as of a day: overdue (the daily
 * list), progress, funds, summary.
 *
 * Every report is computed from records dated on or before the as-of
 * day only, so a report printed again later comes out as it was.
 */
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "vl.h"

static const char help[] = N_(
    "usage: vl-report [-C DIR] COMMAND [OPTIONS]\n"
    "\n"
    "Reports on the register (the -C directory, else $VL_DIR, else the\n"
    "current directory) as of a day: records dated later are ignored.\n"
    "\n"
    "commands:\n"
    "  overdue [--within N] [--check]\n"
    "        the daily list: not-started, rectification, not-completed,\n"
    "        not-accepted (due 30 days after completion), most days late\n"
    "        first (an item due today is not late); then the flags\n"
    "        started-before-review, missing-leader, missing-specialist.\n"
    "        --within N adds what comes due in the next N days (status\n"
    "        due-soon); --check exits 1 when anything is late or flagged\n"
    "  progress [--by town|project]\n"
    "        projects reviewed, started, completed, accepted, the share\n"
    "        started, open and overdue findings; per town with a total\n"
    "        row (default), or per project\n"
    "  funds   plan, received, allocated, spent, remaining per funding\n"
    "        line and level, with a total row; movements booked without\n"
    "        a level stand on the row (no line), nothing is apportioned\n"
    "  summary one page of plain text for a meeting (--encoding applies,\n"
    "        --excel does not); --format xlsx -o FILE: a workbook of the\n"
    "        page, overdue, progress and funds, a sheet each\n"
    "  briefing [-o FILE]\n"
    "        the briefing for a district meeting: one HTML page, charts\n"
    "        inline, nothing fetched (opens offline, prints on A4): the\n"
    "        headline numbers, projects started day by day against the\n"
    "        deadline, per-town progress, funds by funding line, open\n"
    "        findings safety and quality first, the overdue list with\n"
    "        who is responsible; the figures are progress, funds and\n"
    "        overdue's own\n"
    "  audit [--head] [--expect SEQ:HASH]\n"
    "        the change history (audit.csv) with its hash chain\n"
    "        verified: exit 1 and the first broken line on any edit,\n"
    "        deletion or reordering, and exit 1 when the trail does not\n"
    "        reach its head (.vl-head): cut short, put back from an\n"
    "        older copy, removed; files changed by hand outside the\n"
    "        tools are named (a warning).  --head prints the last line\n"
    "        as SEQ:HASH, to keep elsewhere or send upward; --expect\n"
    "        SEQ:HASH exits 1 unless the trail still holds that line\n"
    "        with that hash (grown since is fine)\n"
    "\n"
    "options:\n"
    "  -C, --dir DIR            the register directory\n"
    "  --as-of DATE             the day reported on (default $VL_AS_OF,\n"
    "                           else today)\n"
    "  --format csv|json|table|xlsx\n"
    "                           the output format (default csv); xlsx:\n"
    "                           an Excel workbook, needs -o\n"
    "  -o, --output FILE        write FILE (whole, or not at all) instead\n"
    "                           of standard output\n"
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
    "Exit status: 0 done, 1 overdue --check found late or flagged items\n"
    "or audit found the trail broken or short of its head,\n"
    "2 usage or bad input, 3 system fault (a file of the register that\n"
    "is not a regular file, or a journal the tools did not write,\n"
    "included).\n");

enum {
	OPT_WITHIN = VL_OPT_TOOL, OPT_CHECK, OPT_BY, OPT_HEAD, OPT_EXPECT
};

#define MAX_WITHIN 36500L	/* a hundred years is a window wide enough */

struct opts {
	struct vl_cli cli;
	long within;		/* -1: not asked */
	bool check;
	bool by_project;
	bool head;		/* audit --head */
	const char *expect;	/* audit --expect SEQ:HASH */
};

static long
parse_within(const char *s)
{
	char *end;
	long n;

	if (*s < '0' || *s > '9')
		goto bad;
	n = strtol(s, &end, 10);
	if (*end == '\0' && n <= MAX_WITHIN)
		return n;
bad:
	vl_die(VL_BADINPUT, "--within: \"%s\" is not a number of days "
	    "(0 to %ld)", s, MAX_WITHIN);
}

/* The options of one command: its own (longopts) and the shared ones. */
static void
parse(int argc, char **argv, const struct option *own, size_t nown,
    const char *usage, struct opts *o)
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
	o->within = -1;
	vl_cli_init(&o->cli);
	while ((c = getopt_long(argc, argv, VL_CLI_SHORT, longopts, NULL)) != -1)
		if (c == OPT_WITHIN)
			o->within = parse_within(optarg);
		else if (c == OPT_CHECK)
			o->check = true;
		else if (c == OPT_HEAD)
			o->head = true;
		else if (c == OPT_EXPECT)
			o->expect = optarg;
		else if (c == OPT_BY && strcmp(optarg, "town") == 0)
			o->by_project = false;
		else if (c == OPT_BY && strcmp(optarg, "project") == 0)
			o->by_project = true;
		else if (c == OPT_BY)
			vl_die(VL_BADINPUT, "--by: \"%s\" is not one of town, "
			    "project", optarg);
		else if (!vl_cli_option(&o->cli, c, optarg, help))
			vl_usage(usage);
	if (optind != argc)
		vl_usage(usage);
	vl_cli_done(&o->cli);
}

static int
load(struct vl_book *b, const struct opts *o)
{
	int status = vl_book_load(b, o->cli.dir, VL_LOAD_PLAN |
	    VL_LOAD_PROJECTS | VL_LOAD_PROGRESS | VL_LOAD_INSPECTIONS,
	    o->cli.today);

	if (status != VL_OK)
		vl_book_free(b);
	return status;
}

static const char *
date_or_empty(vl_date d, char buf[VL_DATE_BUFSZ])
{
	return d == VL_NODATE ? "" : vl_date_format(d, buf);
}

/* Where a report's records go: the output the options name (stdout or
 * -o FILE), or a sheet of the summary's workbook. */
struct sink {
	const struct vl_outopts *out;
	struct vl_workbook *wb;	/* NULL: out */
	vl_date day;		/* named with the sheet: 逾期清单 2023-06-15 */
};

static struct vl_out *
sink_open(const struct sink *k, const char *title, size_t ncols,
    const struct vl_col *cols)
{
	struct vl_outopts o = *k->out;

	vl_sheet_name(o.sheet, title, k->day);
	if (k->wb)
		return vl_out_open_sheet(k->wb, o.sheet, ncols, cols);
	return vl_out_open(stdout, &o, ncols, cols);
}

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
	v[6] = date_or_empty(it->due, due);
	v[7] = it->status == VL_OD_FLAG ? NULL : late;
	v[8] = vl_overdue_status_name(it->status);
	v[9] = detail.data ? detail.data : "";
	vl_out_row(out, v);
	vl_buf_free(&detail);
}

/* the list as of k->day; *found: anything late or flagged */
static int
overdue_report(const struct sink *k, const struct vl_book *b, long within,
    bool *found)
{
	struct vl_overdue *list;
	struct vl_out *out;
	size_t i, n;

	n = vl_overdue_collect(b, k->day, within, &list);
	out = sink_open(k, "逾期清单", NOVERDUE_COLS, overdue_cols);
	*found = false;
	for (i = 0; i < n; i++) {
		overdue_row(out, &list[i]);
		if (list[i].status != VL_OD_DUE_SOON)
			*found = true;
	}
	free(list);
	return vl_out_close(out);
}

static int
cmd_overdue(int argc, char **argv)
{
	static const struct option own[] = {
		{"within", required_argument, NULL, OPT_WITHIN},
		{"check", no_argument, NULL, OPT_CHECK}
	};
	struct vl_book book;
	struct opts o;
	struct sink k;
	bool found;
	int status;

	parse(argc, argv, own, 2, "vl-report [-C DIR] overdue [--within N] "
	    "[--check] [--as-of DATE] [--format F] [-o FILE]", &o);
	if ((status = load(&book, &o)) != VL_OK)
		return status;
	k = (struct sink){&o.cli.out, NULL, o.cli.today};
	status = overdue_report(&k, &book, o.within, &found);
	vl_book_free(&book);
	if (status == VL_OK)
		status = vl_close_stdout();
	return status == VL_OK && o.check && found ? VL_FINDINGS : status;
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
    const struct sink *k)
{
	struct vl_tally *t, total;
	struct vl_out *out;
	size_t i, n;

	n = vl_tally_towns(b, s, &t, &total);
	out = sink_open(k, "进度", NTOWN_COLS, town_cols);
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

static int
progress_by_project(const struct vl_book *b, const struct vl_standing *s,
    const struct sink *k)
{
	char d[4][VL_DATE_BUFSZ], open[24], overdue[24];
	const char *v[NPROJECT_COLS];
	struct vl_out *out;
	size_t i;

	out = sink_open(k, "项目进度", NPROJECT_COLS, project_cols);
	for (i = 0; i < b->projects.n; i++) {
		const struct vl_project *p = &b->projects.v[i];

		snprintf(open, sizeof open, "%ld", s[i].open);
		snprintf(overdue, sizeof overdue, "%ld", s[i].overdue);
		v[0] = p->id, v[1] = p->town, v[2] = p->village;
		v[3] = p->leader, v[4] = p->specialist;
		v[5] = vl_project_stages[s[i].stage];
		v[6] = date_or_empty(s[i].m.reviewed, d[0]);
		v[7] = date_or_empty(s[i].m.started, d[1]);
		v[8] = date_or_empty(s[i].m.completed, d[2]);
		v[9] = date_or_empty(s[i].m.accepted, d[3]);
		v[10] = open, v[11] = overdue;
		vl_out_row(out, v);
	}
	return vl_out_close(out);
}

static int
cmd_progress(int argc, char **argv)
{
	static const struct option own[] = {
		{"by", required_argument, NULL, OPT_BY}
	};
	struct vl_standing *s;
	struct vl_book book;
	struct opts o;
	struct sink k;
	int status;

	parse(argc, argv, own, 1, "vl-report [-C DIR] progress "
	    "[--by town|project] [--as-of DATE] [--format F] [-o FILE]", &o);
	if ((status = load(&book, &o)) != VL_OK)
		return status;
	s = vl_standings(&book, o.cli.today);
	k = (struct sink){&o.cli.out, NULL, o.cli.today};
	status = o.by_project ? progress_by_project(&book, s, &k) :
	    progress_by_town(&book, s, &k);
	free(s);
	vl_book_free(&book);
	return status == VL_OK ? vl_close_stdout() : status;
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

static int
funds_report(const struct sink *k, const struct vl_book *b,
    const struct vl_ledger *l)
{
	struct vl_funds_row *rows;
	struct vl_out *out;
	size_t i, n = vl_funds_rows(b, l, &rows);

	out = sink_open(k, "资金", NFUNDS_COLS, funds_cols);
	for (i = 0; i < n; i++)
		funds_row(out, &rows[i]);
	free(rows);
	return vl_out_close(out);
}

static int
cmd_funds(int argc, char **argv)
{
	struct vl_ledger ledger;
	struct vl_book book;
	struct opts o;
	struct sink k;
	int status;

	parse(argc, argv, NULL, 0, "vl-report [-C DIR] funds [--as-of DATE] "
	    "[--format F] [-o FILE]", &o);
	if ((status = load(&book, &o)) != VL_OK)
		return status;
	status = vl_ledger_load(&ledger, &book, o.cli.today);
	if (status == VL_OK) {
		k = (struct sink){&o.cli.out, NULL, o.cli.today};
		status = funds_report(&k, &book, &ledger);
	}
	vl_ledger_free(&ledger);
	vl_book_free(&book);
	return status == VL_OK ? vl_close_stdout() : status;
}

/* ---- summary --------------------------------------------------------- */

/*
 * One page of plain text for a meeting: the programme against its
 * deadlines, the money, the open findings (safety and quality first:
 * 进度服从质量、平安高于一切) and who is late.  Written as a table of one
 * column, so --encoding applies to it as to every report.
 */
struct page {
	struct vl_buf text;	/* lines, each ending in \n */
	const struct vl_book *b;
	vl_date today;
};

static void
say(struct page *pg, const char *fmt, ...)
{
	struct vl_buf line = {0};
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	vl_buf_reserve(&line, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(line.data, (size_t)n + 1, fmt, ap);
	va_end(ap);
	line.len = (size_t)n;
	vl_buf_add(&pg->text, line.data, line.len);
	vl_buf_add(&pg->text, "\n", 1);
	vl_buf_free(&line);
}

/* s padded with blanks to w terminal columns (CJK counts two) */
static const char *
padded(const char *s, size_t w, struct vl_buf *b)
{
	size_t have = vl_text_width(s);

	b->len = 0;
	vl_buf_puts(b, s);
	while (have++ < w)
		vl_buf_add(b, " ", 1);
	return b->data;
}

static void
count_line(struct page *pg, const char *label, long n, long of)
{
	char pct[VL_SHARE_BUFSZ];

	say(pg, "  %s %3ld / %ld  %s", label, n, of, vl_share(n, of, pct) ?
	    pct : "");
}

/* where the programme stands against its start deadline */
static void
deadline_line(struct page *pg, long behind)
{
	vl_date by = pg->b->plan.start_by;

	if (behind <= 0)
		say(pg, "  every village has started");
	else if (pg->today > by)
		say(pg, "  %ld not started, %ld days after the start deadline",
		    behind, (long)(pg->today - by));
	else if (pg->today == by)
		say(pg, "  %ld not started; the start deadline is today",
		    behind);
	else
		say(pg, "  %ld not started; %ld days left to the start deadline",
		    behind, (long)(by - pg->today));
}

static void
summary_progress(struct page *pg, const struct vl_standing *s)
{
	const struct vl_book *b = pg->b;
	char d1[VL_DATE_BUFSZ], d2[VL_DATE_BUFSZ];
	long villages = b->plan.villages;
	struct vl_tally t = {0};
	size_t i;

	for (i = 0; i < b->projects.n; i++)
		vl_tally_add(&t, &s[i]);
	vl_date_format(b->plan.start_by, d1);
	vl_date_format(b->plan.complete_by, d2);
	/* the speech's 12月份全部动工, when the plan's deadline is December */
	say(pg, "一、进度 Progress: start by %s%s, complete by %s", d1,
	    strncmp(d1 + 4, "-12-", 4) == 0 ? " (12月份全部动工)" : "", d2);
	count_line(pg, "审查 reviewed  ", t.reviewed, villages);
	count_line(pg, "动工 started   ", t.started, villages);
	count_line(pg, "竣工 completed ", t.completed, villages);
	count_line(pg, "验收 accepted  ", t.accepted, villages);
	if ((long)b->projects.n != villages)
		say(pg, "  the plan names %ld villages; projects.csv holds %zu "
		    "projects", villages, b->projects.n);
	deadline_line(pg, villages - t.started);
}

static void
money_line(struct page *pg, const char *label, int64_t fen, const char *note)
{
	char m[VL_MONEY_BUFSZ], w[VL_WAN_BUFSZ];
	struct vl_buf p1 = {0}, p2 = {0};

	say(pg, "  %s %s %12s%s", padded(label, 16, &p1), padded(vl_wan(fen, w),
	    14, &p2), vl_money_format(fen, m), note);
	vl_buf_free(&p1);
	vl_buf_free(&p2);
}

static void
summary_funds(struct page *pg, const struct vl_ledger *l)
{
	const struct vl_plan *p = &pg->b->plan;
	char m[VL_MONEY_BUFSZ], w[VL_WAN_BUFSZ];
	struct vl_buf note = {0};
	int64_t d;
	size_t i;

	say(pg, "二、资金 Funds: %s in all (%s yuan), 专款专用", vl_wan(p->total, w),
	    vl_money_format(p->total, m));
	for (i = 0; i < p->nfunding; i++) {
		note.len = 0;
		vl_buf_printf(&note, "  of %s", vl_money_format(
		    p->funding[i].amount, m));
		if (vl_money_sub(p->funding[i].amount, l->line[i].received, &d)
		    && d != 0)
			vl_buf_printf(&note, ", %s %s", vl_money_format(d < 0 ?
			    -d : d, m), d > 0 ? "to come" : "over plan");
		money_line(pg, p->funding[i].name, l->line[i].received,
		    note.data);
	}
	money_line(pg, "到位 received", l->total.received, "");
	money_line(pg, "下拨 allocated", l->total.allocated, "");
	note.len = 0;
	for (i = 0; i < l->npurposes; i++)
		vl_buf_printf(&note, "%s%s %s", i ? ", " : "  ",
		    p->purposes[i], vl_money_format(l->purpose[i], m));
	if (l->purpose[l->npurposes] != 0)
		vl_buf_printf(&note, ", NOT ALLOWED %s", vl_money_format(
		    l->purpose[l->npurposes], m));
	money_line(pg, "支出 spent", l->total.spent, note.data ? note.data :
	    "");
	if (vl_money_sub(l->total.received, l->total.spent, &d))
		money_line(pg, "结余 remaining", d, "  received - spent");
	vl_buf_free(&note);
}

static const char *
person(const char *name)
{
	return *name ? name : "(none)";
}

static void
finding_line(struct page *pg, const struct vl_inspection *in)
{
	const struct vl_project *p = vl_projects_find(&pg->b->projects,
	    in->project);
	struct vl_buf when = {0}, what = {0}, pad = {0};
	char d[VL_DATE_BUFSZ];
	const char *c;

	if (in->due == VL_NODATE)
		vl_buf_puts(&when, "no due date");
	else if (pg->today > in->due)
		vl_buf_printf(&when, "due %s, %ld days late",
		    vl_date_format(in->due, d), (long)(pg->today - in->due));
	else
		vl_buf_printf(&when, "due %s", vl_date_format(in->due, d));
	for (c = in->finding; *c; c++)
		vl_buf_add(&what, *c == '\n' || *c == '\r' ? " " : c, 1);
	say(pg, "  %-8s #%-4s %s %s%s  %s; 领导 %s, 专干 %s", in->aspect, in->id,
	    p->id, p->town, padded(p->village, 8, &pad), when.data,
	    person(p->leader), person(p->specialist));
	if (what.len)
		say(pg, "           %s", what.data);
	vl_buf_free(&when);
	vl_buf_free(&what);
	vl_buf_free(&pad);
}

/* safety first, then quality; progress figures never hide them */
static void
summary_findings(struct page *pg)
{
	struct vl_findings f;
	size_t i;

	vl_findings_collect(pg->b, pg->today, &f);
	say(pg, "三、问题整改 Open findings: %zu, %ld past due (进度服从质量、"
	    "平安高于一切: safety and quality first)", f.n, f.late);
	for (i = 0; i < f.n; i++)
		finding_line(pg, f.v[i]);
	vl_findings_free(&f);
}

/* The late items and flags of one project on one line: item i and those
 * next[] leads to. */
static void
late_line(struct page *pg, const struct vl_overdue *v, const size_t *next,
    size_t i)
{
	const struct vl_project *p = v[i].project;
	struct vl_buf what = {0}, pad = {0};
	size_t k;

	for (k = i; k != SIZE_MAX; k = next[k]) {
		vl_buf_puts(&what, what.len ? ", " : "");
		vl_buf_puts(&what, vl_overdue_kind_name(v[k].kind));
		if (v[k].kind == VL_OD_RECTIFICATION)
			vl_buf_printf(&what, " #%s", v[k].insp->id);
		if (v[k].status == VL_OD_LATE)
			vl_buf_printf(&what, " %ld days", v[k].days_late);
	}
	say(pg, "  %s %s%s 领导 %s, 专干 %s: %s", p->id, p->town,
	    padded(p->village, 8, &pad), person(p->leader),
	    person(p->specialist), what.data);
	vl_buf_free(&what);
	vl_buf_free(&pad);
}

static void
summary_late(struct page *pg)
{
	const struct vl_book *b = pg->b;
	struct vl_overdue *v;
	size_t n = vl_overdue_collect(b, pg->today, -1, &v), i, nproj = 0;
	size_t *next = vl_xcalloc(n + 1, sizeof *next);
	size_t *last = vl_xcalloc(b->projects.n + 1, sizeof *last), p;
	bool *first = vl_xcalloc(n + 1, sizeof *first);
	long nlate = 0;

	/* chain each project's items in list order */
	for (p = 0; p < b->projects.n; p++)
		last[p] = SIZE_MAX;
	for (i = 0; i < n; i++) {
		p = (size_t)(v[i].project - b->projects.v);
		next[i] = SIZE_MAX;
		if (last[p] == SIZE_MAX)
			first[i] = true, nproj++;
		else
			next[last[p]] = i;
		last[p] = i;
		nlate += v[i].status == VL_OD_LATE;
	}
	say(pg, "四、逾期 Who is late: %ld items late, %ld flagged, on %zu "
	    "projects (vl-report overdue for the list)", nlate,
	    (long)n - nlate, nproj);
	/* one line a project, in the order of its most pressing item */
	for (i = 0; i < n; i++)
		if (first[i])
			late_line(pg, v, next, i);
	free(first);
	free(last);
	free(next);
	free(v);
}

static int
print_page(const struct page *pg, const struct sink *k)
{
	struct vl_outopts o = *k->out;
	struct sink table = {&o, k->wb, k->day};
	struct vl_col col = {NULL, VL_COL_TEXT};
	char *text = vl_xstrdup(pg->text.data), *line, *nl;
	struct vl_out *out;

	o.format = VL_FMT_TABLE;	/* unless a sheet of the workbook */
	o.excel = false;
	/* the first line stands as the header of a one-column table */
	nl = strchr(text, '\n');
	*nl = '\0';
	col.name = text;
	out = sink_open(&table, "汇总", 1, &col);
	for (line = nl + 1; *line; line = nl + 1) {
		nl = strchr(line, '\n');
		*nl = '\0';
		vl_out_row(out, (const char *const *)&line);
	}
	free(text);
	return vl_out_close(out);
}

/* The workbook for the meeting: the page, then the reports it condenses,
 * a sheet each. */
static int
summary_workbook(const struct page *pg, const struct vl_standing *s,
    const struct vl_ledger *l, const struct opts *o)
{
	struct sink k = {&o->cli.out, vl_workbook_open(o->cli.out.output),
	    o->cli.today};
	int status;
	bool found;

	status = print_page(pg, &k);
	if (status == VL_OK)
		status = overdue_report(&k, pg->b, -1, &found);
	if (status == VL_OK)
		status = progress_by_town(pg->b, s, &k);
	if (status == VL_OK)
		status = funds_report(&k, pg->b, l);
	return vl_workbook_close(k.wb);	/* nothing written after a failure */
}

static int
cmd_summary(int argc, char **argv)
{
	struct page pg = {{0}, NULL, VL_NODATE};
	struct vl_ledger ledger;
	struct vl_standing *s;
	struct vl_book book;
	char d[VL_DATE_BUFSZ];
	struct opts o;
	struct sink k;
	int status;

	parse(argc, argv, NULL, 0, "vl-report [-C DIR] summary [--as-of DATE] "
	    "[--encoding E] [--format xlsx -o FILE]", &o);
	if (o.cli.out.format == VL_FMT_JSON ||
	    o.cli.out.format == VL_FMT_TABLE ||
	    (o.cli.out.excel && o.cli.out.format != VL_FMT_XLSX))
		vl_die(VL_BADINPUT, "summary: plain text, or a workbook with "
		    "--format xlsx; --format json|table and --excel do not "
		    "apply");
	if ((status = load(&book, &o)) != VL_OK)
		return status;
	if ((status = vl_ledger_load(&ledger, &book, o.cli.today)) == VL_OK) {
		pg.b = &book;
		pg.today = o.cli.today;
		s = vl_standings(&book, o.cli.today);
		say(&pg, "%s — 情况汇总 summary as of %s", book.plan.name,
		    vl_date_format(o.cli.today, d));
		say(&pg, "");
		summary_progress(&pg, s);
		say(&pg, "");
		summary_funds(&pg, &ledger);
		say(&pg, "");
		summary_findings(&pg);
		say(&pg, "");
		summary_late(&pg);
		k = (struct sink){&o.cli.out, NULL, o.cli.today};
		status = o.cli.out.format == VL_FMT_XLSX ?
		    summary_workbook(&pg, s, &ledger, &o) :
		    print_page(&pg, &k);
		free(s);
	}
	vl_buf_free(&pg.text);
	vl_ledger_free(&ledger);
	vl_book_free(&book);
	return status == VL_OK ? vl_close_stdout() : status;
}

/* ---- briefing ---------------------------------------------------------- */

/* The briefing page (briefing.c), from the same book and ledger as the
 * other reports. */
static int
cmd_briefing(int argc, char **argv)
{
	struct vl_buf page = {0};
	struct vl_ledger ledger;
	struct vl_book book;
	struct opts o;
	int status;

	parse(argc, argv, NULL, 0, "vl-report [-C DIR] briefing [--as-of DATE] "
	    "[-o FILE]", &o);
	if (o.cli.out.format != VL_FMT_CSV || o.cli.out.excel ||
	    (o.cli.out.encoding && strcasecmp(o.cli.out.encoding, "utf-8") != 0
	    && strcasecmp(o.cli.out.encoding, "utf8") != 0))
		vl_die(VL_BADINPUT, "briefing: one HTML page in UTF-8; --format, "
		    "--excel and --encoding do not apply");
	if ((status = load(&book, &o)) != VL_OK)
		return status;
	if ((status = vl_ledger_load(&ledger, &book, o.cli.today)) == VL_OK) {
		vl_briefing(&book, &ledger, o.cli.today, &page);
		status = vl_out_bytes(&o.cli.out, page.data, page.len);
	}
	vl_buf_free(&page);
	vl_ledger_free(&ledger);
	vl_book_free(&book);
	return status == VL_OK ? vl_close_stdout() : status;
}

/* ---- audit ------------------------------------------------------------ */

static const struct vl_col audit_cols[] = {
	{"seq", VL_COL_INT}, {"time", VL_COL_TEXT}, {"user", VL_COL_TEXT},
	{"tool", VL_COL_TEXT}, {"action", VL_COL_TEXT}, {"file", VL_COL_TEXT},
	{"record", VL_COL_TEXT}, {"chain", VL_COL_TEXT}
};
#define NAUDIT_COLS (sizeof audit_cols / sizeof audit_cols[0])

struct audit_walk {
	struct vl_out *out;	/* NULL: no table (--head, --expect) */
	long broken;		/* the first line where the chain breaks */
	char want_seq[24];	/* --expect: the line's seq, "" if none */
	const char *want_hash;
	long found;		/* the file line holding want_seq, 0: none */
	bool same;		/* and its hash is want_hash */
};

/* the chain column: ok, broken from the first break on, and restart on
 * the line that records a trail lost and started again */
static const char *
chain_state(const struct vl_record *r, const struct audit_walk *w)
{
	if (w->broken)
		return "broken";
	if (strcmp(vl_field(r, "action"), "restart") == 0 &&
	    strcmp(vl_field(r, "file"), "audit.csv") == 0)
		return "restart";
	return "ok";
}

static int
audit_row(const struct vl_record *r, bool broken, void *ctx)
{
	struct audit_walk *w = ctx;
	const char *v[NAUDIT_COLS];
	size_t i;

	if (broken)
		w->broken = r->line;
	if (*w->want_seq && !w->found &&
	    strcmp(vl_field(r, "seq"), w->want_seq) == 0) {
		w->found = r->line;
		w->same = strcmp(vl_field(r, "hash"), w->want_hash) == 0;
	}
	if (!w->out)
		return 0;
	for (i = 0; i + 1 < NAUDIT_COLS; i++)
		v[i] = vl_field(r, audit_cols[i].name);
	v[i] = chain_state(r, w);
	vl_out_row(w->out, v);
	return 0;
}

/* --expect: does the trail still hold the line of that head?  (Grown
 * since is fine.) */
static bool
holds_expected(const struct vl_reg *reg, const struct audit_walk *w,
    long seq)
{
	char *trail = vl_xstrdup(vl_reg_display(reg, "audit.csv"));
	bool ok = w->found && w->same;

	if (!w->found)
		vl_warn("%s: no line %ld: the trail was cut short or replaced "
		    "since that head was taken", trail, seq);
	else if (!w->same)
		vl_errat(trail, w->found, "hash", "line %ld is not the line "
		    "of the head expected: the trail was rewritten", seq);
	free(trail);
	return ok;
}

/* The change history with the hash chain verified line by line: a line
 * edited, deleted or moved breaks the chain from there on; and the
 * trail as a whole, which must reach its head (.vl-head). */
static int
cmd_audit(int argc, char **argv)
{
	static const struct option own[] = {
		{"head", no_argument, NULL, OPT_HEAD},
		{"expect", required_argument, NULL, OPT_EXPECT}
	};
	struct audit_walk w = {NULL, 0, "", NULL, 0, false};
	char want_hash[VL_HASH_HEX];
	struct vl_audit audit;
	struct vl_trail trail;
	struct vl_reg reg;
	struct opts o;
	long outside, want_seq = 0;
	bool findings = false;
	int status;

	parse(argc, argv, own, 2, "vl-report [-C DIR] audit [--head] "
	    "[--expect SEQ:HASH] [--format F] [-o FILE]", &o);
	if (o.expect && vl_audit_head_parse(o.expect, &want_seq,
	    want_hash) != 0)
		vl_die(VL_BADINPUT, "--expect: \"%s\" is not SEQ:HASH (a line "
		    "of vl-report audit --head)", o.expect);
	if (o.expect) {
		snprintf(w.want_seq, sizeof w.want_seq, "%ld", want_seq);
		w.want_hash = want_hash;
	}
	if (o.head || o.expect)
		vl_cli_no_records(&o.cli, o.head ? "audit --head" :
		    "audit --expect");
	vl_reg_open(&reg, o.cli.dir);
	if (!vl_reg_exists(&reg, "plan.json")) {
		vl_errat(o.cli.dir, 0, NULL, "not a vl register (no plan.json)");
		vl_reg_close(&reg);
		return VL_BADINPUT;
	}
	/* the trail and the files as one state: no writer meanwhile */
	if ((status = vl_reg_lock_shared(&reg)) != VL_OK) {
		vl_reg_close(&reg);
		return status;
	}
	vl_sheet_name(o.cli.out.sheet, "变更记录", o.cli.today);
	if (!o.head && !o.expect)
		w.out = vl_out_open(stdout, &o.cli.out, NAUDIT_COLS,
		    audit_cols);
	status = vl_audit_read(&reg, &audit, audit_row, &w, NULL);
	if (w.out && vl_out_close(w.out) != VL_OK && status == VL_OK)
		status = VL_SYSFAULT;
	if (w.broken)
		vl_errat(vl_reg_display(&reg, "audit.csv"), w.broken,
		    "hash", "the chain breaks here: this line was edited, or "
		    "one before it deleted or moved");
	if (status != VL_SYSFAULT && vl_trail_check(&reg, &audit,
	    &trail) != VL_TRAIL_OK) {
		vl_trail_say(&reg, &trail, false);
		findings = true;
	}
	if (o.expect && !holds_expected(&reg, &w, want_seq))
		findings = true;
	if (o.head && status == VL_OK)
		printf("%ld:%s\n", audit.seq, audit.hash);
	vl_audit_free(&audit);
	outside = vl_audit_outside_edits(&reg);
	vl_reg_close(&reg);
	if (status == VL_OK)
		status = vl_close_stdout();
	if (status == VL_OK && outside < 0)
		status = VL_SYSFAULT;
	return status == VL_OK && (w.broken || findings) ? VL_FINDINGS :
	    status;
}

static const struct vl_subcmd cmds[] = {
	{"overdue", cmd_overdue, "[--within N] [--check]"},
	{"audit", cmd_audit, "[--head] [--expect SEQ:HASH]"},
	{"progress", cmd_progress, "[--by town|project]"},
	{"funds", cmd_funds, ""},
	{"summary", cmd_summary, ""},
	{"briefing", cmd_briefing, "[-o FILE]"},
	{NULL, NULL, NULL}
};

int
main(int argc, char **argv)
{
	return vl_cli_dispatch(argc, argv, cmds, help);
}
