/*
 * vl-report - reports on a register as of a day: overdue (the daily
 * list), progress, funds, summary, briefing, and the audit trail.
 *
 * Every report is computed from records and corrections dated on or
 * before the as-of day only (register/history.h takes the later
 * corrections back), so a report printed again later comes out as it
 * was.  The
 * reports themselves are the library's (report/); this file loads the
 * register and says where they go.
 */
#include <stdio.h>
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
    "        not-accepted (the plan's accept_within days, else 30, after\n"
    "        completion), milestone (the plan's), task (its owner as\n"
    "        leader), most days late first (an item due today\n"
    "        is not late); then the flags started-before-review,\n"
    "        missing-leader, missing-specialist.  --within N: what comes\n"
    "        due in N days too (due-soon, days_left); --check exits 1 for\n"
    "        what to act on; --kind K, --status S, --inspector I filter.\n"
    "        --by leader|specialist|town|district: the items counted per\n"
    "        person, town or district, everyone named listed, a total.\n"
    "        --split-by leader|specialist|town|district -o DIR: a file\n"
    "        each in DIR (an empty list too), DIR/index.csv naming them\n"
    "  progress [--by town|project|leader|specialist|district | --entries]\n"
    "        projects reviewed, started, completed, accepted, the share\n"
    "        started, open and overdue findings; per town with a total\n"
    "        row (default), per leader, specialist, project or entry;\n"
    "        --by district ranks the districts for a circular: share\n"
    "        started and completed, late items, money received and spent\n"
    "  progress --since DATE [--kind K]\n"
    "        what changed after DATE, a row each: started, milestone,\n"
    "        completed, finding-opened/-closed, received, spent, task-done,\n"
    "        voided (a row voided then: what it was and why)\n"
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
    "        who is responsible (the figures of progress, funds, overdue)\n"
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
    "\n");
static const char more[] = N_(
    "\n"
    "Filters: --town T, --village V, --project P, --leader L,\n"
    "--specialist S keep the rows whose column holds the value (funds,\n"
    "summary, briefing: those projects and what is theirs; the plan and\n"
    "the receipts are the register's); a filter given twice takes either\n"
    "value, two filters both.  A value nothing holds lists nothing\n"
    "(exit 0).\n"
    "\n"
    "Several registers (-C twice, --registers FILE): every report over\n"
    "all of them, a district column first (briefing: the city's page, the\n"
    "districts ranked); a register whose audit trail breaks is named and\n"
    "left out, exit 1.  --district D keeps that district's rows; the\n"
    "other filters each district's (funds, summary, briefing: each\n"
    "district's projects kept, their budgets, allocations and expenses;\n"
    "a district that holds none shows zeros).\n"
    "\n"
    "Exit status: 0 done, 1 overdue --check found something to act on\n"
    "or audit found the trail broken or short of its head,\n"
    "2 usage or bad input, 3 system fault (a file of the register that\n"
    "is not a regular file, or a journal the tools did not write, too).\n");

enum { O_WITHIN, O_CHECK, O_BY, O_HEAD, O_EXPECT, O_SPLIT_BY, O_SINCE,
	O_ENTRIES };

#define MAX_WITHIN 36500L	/* a hundred years is a window wide enough */

static const char *const by_words[] = {"town", "project", "leader",
    "specialist", "district", NULL};
static const char *const person_words[] = {"town", "leader", "specialist",
    "district", NULL};

static const struct vl_option overdue_options[] = {
	VL_VALUE("within", O_WITHIN), VL_FLAG("check", O_CHECK),
	VL_CHOICE("by", O_BY, person_words),
	VL_CHOICE("split-by", O_SPLIT_BY, person_words),
	VL_PROJECT_FILTERS, VL_DISTRICT_FILTER,
	VL_FILTER("kind", VL_FC_KIND, vl_overdue_kinds),
	VL_FILTER("status", VL_FC_STATUS, vl_overdue_statuses),
	VL_FILTER("inspector", VL_FC_INSPECTOR, NULL), VL_END_OPTIONS
};
static const struct vl_option progress_options[] = {
	VL_CHOICE("by", O_BY, by_words), VL_VALUE("since", O_SINCE),
	VL_FILTER_OF("kind", VL_FC_KIND, vl_since_kinds, "change"), VL_PROJECT_FILTERS,
	VL_DISTRICT_FILTER, VL_FLAG("entries", O_ENTRIES), VL_END_OPTIONS
};
static const struct vl_option audit_options[] = {
	VL_FLAG("head", O_HEAD), VL_VALUE("expect", O_EXPECT),
	VL_DISTRICT_FILTER, VL_END_OPTIONS
};
/* funds, summary, briefing: of some projects of a register, or whole
 * registers of a roll-up kept by their district */
static const struct vl_option whole_options[] = {
	VL_PROJECT_FILTERS, VL_DISTRICT_FILTER, VL_END_OPTIONS
};

/* --within N: days, 0 to MAX_WITHIN; -1 when not given */
static long
within(const char *s)
{
	char *end;
	long n;

	if (!s)
		return -1;
	if (*s < '0' || *s > '9')
		goto bad;
	n = strtol(s, &end, 10);
	if (*end == '\0' && n <= MAX_WITHIN)
		return n;
bad:
	vl_die(VL_BADINPUT, "--within: \"%s\" is not a number of days "
	    "(0 to %ld)", s, MAX_WITHIN);
}

/* every part of a register a report reads: of its inspections the fails */
#define REPORT_PARTS (VL_LOAD_PLAN | VL_LOAD_PROJECTS | VL_LOAD_PROGRESS | \
	VL_LOAD_INSPECTIONS | VL_LOAD_FAILS | VL_LOAD_TASKS)
/* The register as of the day; the ledger's totals too with l, of the
 * projects the filters keep (funds, summary, briefing: the book narrowed
 * to them; the lists filter their rows); villages: a report of villages,
 * which a city register alone has not. */
static int
load(struct vl_book *b, struct vl_ledger *l, const struct vl_cli *c,
    bool villages)
{
	int status = vl_book_load(b, &c->src, REPORT_PARTS |
	    (c->arg[O_SINCE] ? VL_LOAD_VOIDS : 0));

	if (villages && b->plan.of_districts)	/* nor its journal */
		return status == VL_OK ? vl_book_of_villages(b) : status;
	if (status == VL_OK && l)
		vl_filter_narrow(&c->filter, b);
	/* a bad row in the files read: the journal's bad rows too, as
	 * vl-fund check says them */
	return l ? vl_ledger_load_after(l, b, status, VL_LEDGER_TOTALS) :
	    status;
}

/* what a report's command returns: its status, then stdout's */
static int
done(int status, struct vl_book *b, struct vl_ledger *l)
{
	if (l)
		vl_ledger_free(l);
	vl_book_free(b);
	return status == VL_OK ? vl_close_stdout() : status;
}

/* ---- several registers (SPEC 9) ------------------------------------- */

/* Every register the command line names whose audit trail holds and
 * whose district --district passes, every part; their ledgers with l,
 * each of the projects the filters keep (funds, summary, briefing: each
 * district's book narrowed to them before its ledger is summed). */
static int
rollup_load(struct vl_rollup *r, struct vl_ledger **l, const struct vl_cli *c)
{
	int status = vl_rollup_load(r, c->regs, c->nregs, &c->src,
	    REPORT_PARTS | (c->arg[O_SINCE] ? VL_LOAD_VOIDS : 0));

	vl_rollup_keep(r, &c->filter);
	if (l)
		*l = NULL;
	if (status == VL_OK)
		status = vl_rollup_of_villages(r);
	if (status == VL_OK && l) {
		vl_rollup_narrow(r, &c->filter);
		status = vl_rollup_ledgers(r, false, VL_LEDGER_TOTALS, l);
	}
	return status;
}

/* a roll-up report's status: a register left out is a finding (exit 1) */
static int
rollup_done(int status, struct vl_rollup *r, struct vl_ledger *l)
{
	long untrusted = r->untrusted;

	vl_rollup_ledgers_free(r, false, l);
	vl_rollup_free(r);
	if (status == VL_OK)
		status = vl_close_stdout();
	return status == VL_OK && untrusted ? VL_FINDINGS : status;
}

static int
rollup_funds(struct vl_cli *c, bool summary)
{
	struct vl_ledger *l = NULL;
	struct vl_rollup r;
	int status;

	if ((status = rollup_load(&r, &l, c)) == VL_OK && !summary)
		vl_rollup_say_cities_apart(&r);
	if (status == VL_OK)
		status = summary ? vl_rollup_report_summary(&r, l, &c->out) :
		    vl_rollup_report_funds(&r, l, &c->out);
	return rollup_done(status, &r, l);
}

/* ---- overdue, progress ------------------------------------------------ */

/* The list, split or counted: of one register, or of a roll-up (several,
 * --district, or by district). */
static int
cmd_overdue(struct vl_cli *c)
{
	const char *split = c->arg[O_SPLIT_BY], *by = split ? split :
	    c->arg[O_BY];
	enum vl_fcol col = vl_group_column(by ? by : "town");
	bool found = false, up = c->rollup || col == VL_FC_DISTRICT;
	long days = within(c->arg[O_WITHIN]);
	const struct vl_filter *f = &c->filter;
	struct vl_rollup r;
	struct vl_book b;
	int status;

	if (split && c->arg[O_BY])
		vl_die(VL_BADINPUT, "--by and --split-by: one or the other");
	if ((status = up ? rollup_load(&r, NULL, c) : load(&b, NULL, c,
	    true)) != VL_OK)
		;
	else if (split)
		status = up ? vl_rollup_report_overdue_split(&r, &c->out, days,
		    f, col, &found) : vl_report_overdue_split(&b, &c->out,
		    days, f, col, &found);
	else if (by)
		status = up ? vl_rollup_report_overdue_by(&r, &c->out, days,
		    f, col, &found) : vl_report_overdue_by(&b, &c->out, days,
		    f, col, &found);
	else
		status = up ? vl_rollup_report_overdue(&r, &c->out, days, f,
		    &found) : vl_report_overdue(&b, &c->out, days, f, &found);
	status = up ? rollup_done(status, &r, NULL) : done(status, &b, NULL);
	return status == VL_OK && c->arg[O_CHECK] && found ? VL_FINDINGS :
	    status;
}

/* --since DATE: a day before the as-of day */
static vl_date
since(const struct vl_cli *c)
{
	const char *s = c->arg[O_SINCE], *why;
	vl_date d;

	if (vl_date_parse(s, &d, &why) != 0)
		vl_die(VL_BADINPUT, "--since: %s: \"%s\"", why, s);
	if (c->src.as_of != VL_NODATE && d >= c->src.as_of)
		vl_die(VL_BADINPUT, "--since %s: not before the day reported "
		    "on", s);
	if (c->arg[O_BY])
		vl_die(VL_BADINPUT, "--since lists changes; --by does not "
		    "apply");
	return d;
}

/* --by district ranks whole districts, a roll-up of one register too */
static int
rollup_progress(struct vl_cli *c, enum vl_fcol by, vl_date from)
{
	struct vl_ledger *l = NULL;
	struct vl_rollup r;
	int k, status;

	for (k = VL_FC_TOWN; k <= VL_FC_SPECIALIST; k++)
		if (by == VL_FC_DISTRICT && vl_filter_on(&c->filter, k))
			vl_die(VL_BADINPUT, "--by district ranks whole "
			    "districts; --%s does not apply",
			    vl_filter_names[k]);
	if ((status = rollup_load(&r, by == VL_FC_DISTRICT ? &l : NULL, c)) !=
	    VL_OK)
		;
	else if (from != VL_NODATE)
		status = vl_rollup_report_since(&r, &c->out, from, &c->filter);
	else if (by == VL_FC_DISTRICT)
		status = vl_rollup_report_ranking(&r, l, &c->out);
	else
		status = vl_rollup_report_progress(&r, &c->out, by, &c->filter);
	return rollup_done(status, &r, l);
}

static int
cmd_progress(struct vl_cli *c)
{
	enum vl_fcol by = c->arg[O_ENTRIES] ? VL_NFC :
	    vl_group_column(c->arg[O_BY] ? c->arg[O_BY] : "town");
	vl_date from = VL_NODATE;
	struct vl_book b;
	int status;

	if (c->arg[O_SINCE])
		from = since(c);
	else if (vl_filter_on(&c->filter, VL_FC_KIND))
		vl_die(VL_BADINPUT, "--kind: the kinds of changes, with "
		    "--since");
	if (c->rollup || by == VL_FC_DISTRICT)
		return rollup_progress(c, by, from);
	if ((status = load(&b, NULL, c, true)) != VL_OK)
		;
	else if (from != VL_NODATE)
		status = vl_report_since(&b, &c->out, from, &c->filter);
	else
		status = vl_report_progress(&b, &c->out, by, &c->filter);
	return done(status, &b, NULL);
}

/* ---- funds, summary, briefing ----------------------------------------- */

static int
cmd_funds(struct vl_cli *c)
{
	struct vl_ledger l = {0};
	struct vl_book b;
	int status;

	if (c->rollup)
		return rollup_funds(c, false);
	/* a city register's money too: funds is not of villages */
	if ((status = load(&b, &l, c, false)) == VL_OK)
		status = vl_report_funds(&b, &l, &c->out);
	return done(status, &b, &l);
}

static int
cmd_summary(struct vl_cli *c)
{
	struct vl_ledger l = {0};
	struct vl_book b;
	int status;

	if (c->out.format == VL_FMT_JSON || c->out.format == VL_FMT_TABLE ||
	    (c->out.excel && c->out.format != VL_FMT_XLSX))
		vl_die(VL_BADINPUT, "summary: plain text, or a workbook with "
		    "--format xlsx; --format json|table and --excel do not "
		    "apply");
	if (c->rollup)
		return rollup_funds(c, true);
	if ((status = load(&b, &l, c, true)) == VL_OK)
		status = vl_report_summary(&b, &l, &c->out);
	return done(status, &b, &l);
}

/* The briefing (report/briefing.c) from the other reports' book, ledger */
static int
cmd_briefing(struct vl_cli *c)
{
	const char *e = c->out.encoding;
	struct vl_ledger l = {0}, *ls = NULL;
	struct vl_buf page = {0};
	struct vl_rollup r;
	struct vl_book b;
	int status;

	if (c->out.format != VL_FMT_CSV || c->out.excel || (e &&
	    strcasecmp(e, "utf-8") != 0 && strcasecmp(e, "utf8") != 0))
		vl_die(VL_BADINPUT, "briefing: one HTML page in UTF-8; --format, "
		    "--excel and --encoding do not apply");
	status = c->rollup ? rollup_load(&r, &ls, c) : load(&b, &l, c, true);
	if (status == VL_OK && c->rollup)
		vl_briefing_city(&r, ls, &page);	/* the city's page */
	else if (status == VL_OK)
		vl_briefing(&b, &l, &page);
	if (status == VL_OK)
		status = vl_out_bytes(&c->out, page.data, page.len);
	vl_buf_free(&page);
	return c->rollup ? rollup_done(status, &r, ls) : done(status, &b, &l);
}

/* ---- audit ------------------------------------------------------------ */

/* --expect SEQ:HASH parsed; --head and --expect print no report */
static void
audit_anchor(const struct vl_cli *c, char hash[VL_HASH_HEX], long *seq)
{
	const char *expect = c->arg[O_EXPECT];

	if (expect && vl_audit_head_parse(expect, seq, hash) != 0)
		vl_die(VL_BADINPUT, "--expect: \"%s\" is not SEQ:HASH (a line "
		    "of vl-report audit --head)", expect);
	if ((c->arg[O_HEAD] || expect) && (c->out.output ||
	    c->out.format == VL_FMT_XLSX))
		vl_die(VL_BADINPUT, "%s: -o and --format xlsx are for reports, "
		    "and it prints none", c->arg[O_HEAD] ? "audit --head" :
		    "audit --expect");
}

/* The change history with the hash chain verified line by line, of one
 * register (report/audit_table.c) or of each of several: a line edited,
 * deleted or moved breaks the chain from there on; and the trail as a
 * whole, which must reach its head (.vl-head). */
static int
cmd_audit(struct vl_cli *c)
{
	bool table = !c->arg[O_HEAD] && !c->arg[O_EXPECT], findings;
	char hash[VL_HASH_HEX];
	struct vl_audit head;
	long seq = 0, broken;
	int status;

	if (c->rollup && table) {
		status = vl_rollup_report_audit(c->regs, c->nregs, &c->src,
		    &c->filter, &c->out, &broken);
		findings = broken > 0;
	} else {
		if (c->rollup)	/* a reading command all the same */
			vl_die(VL_BADINPUT, "audit --head, --expect: of one "
			    "register; of several, a --registers line DIR "
			    "SEQ:HASH checks each copy's head");
		audit_anchor(c, hash, &seq);
		status = vl_report_audit(c->src.dir, &c->out, c->src.as_of,
		    table, seq, c->arg[O_EXPECT] ? hash : NULL, &head,
		    &findings);
		if (c->arg[O_HEAD] && status == VL_OK)
			printf("%ld:%s\n", head.seq, head.hash);
		vl_audit_free(&head);
	}
	if (status == VL_OK)
		status = vl_close_stdout();
	return status == VL_OK && findings ? VL_FINDINGS : status;
}

static const struct vl_command commands[] = {
	{"overdue", cmd_overdue, "vl-report [-C DIR] overdue [--within N] "
	    "[--check] [--town T] [--village V] [--project P] [--leader L] "
	    "[--specialist S] [--district D] [--kind K] [--status S] "
	    "[--inspector I] [--by leader|specialist|town|district | "
	    "--split-by leader|specialist|town|district -o DIR] [--as-of DATE] "
	    "[--format F] [-o FILE]", overdue_options, 0, 0, true, NULL},
	{"audit", cmd_audit, "vl-report [-C DIR] audit [--head] "
	    "[--expect SEQ:HASH] [--district D] [--format F] [-o FILE]",
	    audit_options, 0, 0, true, NULL},
	{"progress", cmd_progress, "vl-report [-C DIR] progress "
	    "[--by town|project|leader|specialist|district | --entries] "
	    "[--town T] [--village V] [--project P] [--leader L] "
	    "[--specialist S] [--district D] [--since DATE [--kind K]] "
	    "[--as-of DATE] [--format F] [-o FILE]", progress_options, 0, 0,
	    true, NULL},
	{"funds", cmd_funds, "vl-report [-C DIR] funds [--town T] "
	    "[--village V] [--project P] [--leader L] [--specialist S] "
	    "[--district D] [--as-of DATE] [--format F] [-o FILE]",
	    whole_options, 0, 0, true, NULL},
	{"summary", cmd_summary, "vl-report [-C DIR] summary [--town T] "
	    "[--village V] [--project P] [--leader L] [--specialist S] "
	    "[--district D] [--as-of DATE] [--encoding E] "
	    "[--format xlsx -o FILE]", whole_options, 0, 0, true, NULL},
	{"briefing", cmd_briefing, "vl-report [-C DIR] briefing [--town T] "
	    "[--village V] [--project P] [--leader L] [--specialist S] "
	    "[--district D] [--as-of DATE] [-o FILE]", whole_options, 0, 0,
	    true, NULL},
	{NULL, NULL, NULL, NULL, 0, 0, false, NULL}
};

static const struct vl_tool tool = {help, more, true, commands};

int
main(int argc, char **argv)
{
	return vl_cli_main(&tool, argc, argv);
}
