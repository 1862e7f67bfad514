/*
 * vl-report - reports on a register as of a day: overdue (the daily
 * list), progress, funds, summary, briefing, and the audit trail.
 *
 * Every report is computed from records dated on or before the as-of
 * day only, so a report printed again later comes out as it was.  The
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
    "        not-accepted (due 30 days after completion), most days late\n"
    "        first (an item due today is not late); then the flags\n"
    "        started-before-review, missing-leader, missing-specialist.\n"
    "        --within N adds what comes due in the next N days (status\n"
    "        due-soon); --check exits 1 when anything is late or flagged\n"
    "  progress [--by town|project|district]\n"
    "        projects reviewed, started, completed, accepted, the share\n"
    "        started, open and overdue findings; per town with a total\n"
    "        row (default), or per project; --by district ranks the\n"
    "        districts of a roll-up for a circular: share started and\n"
    "        completed, late items, money received and spent\n"
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
    "\n");
static const char more[] = N_(
    "\n"
    "Several registers (-C twice, --registers FILE): every report but\n"
    "briefing over all of them, a district column first; a register whose\n"
    "audit trail breaks is named and left out, exit 1.\n"
    "\n"
    "Exit status: 0 done, 1 overdue --check found late or flagged items\n"
    "or audit found the trail broken or short of its head,\n"
    "2 usage or bad input, 3 system fault (a file of the register that\n"
    "is not a regular file, or a journal the tools did not write,\n"
    "included).\n");

enum { O_WITHIN, O_CHECK, O_BY, O_HEAD, O_EXPECT };

#define MAX_WITHIN 36500L	/* a hundred years is a window wide enough */

static const char *const by_words[] = {"town", "project", "district",
    NULL};

static const struct vl_option overdue_options[] = {
	VL_VALUE("within", O_WITHIN),
	VL_FLAG("check", O_CHECK), VL_END_OPTIONS
};
static const struct vl_option progress_options[] = {
	VL_CHOICE("by", O_BY, by_words), VL_END_OPTIONS
};
static const struct vl_option audit_options[] = {
	VL_FLAG("head", O_HEAD), VL_VALUE("expect", O_EXPECT), VL_END_OPTIONS
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

/* The register as of the day, every part; the ledger too with l. */
static int
load(struct vl_book *b, struct vl_ledger *l, const struct vl_cli *c)
{
	int status = vl_book_load(b, &c->src, VL_LOAD_PLAN |
	    VL_LOAD_PROJECTS | VL_LOAD_PROGRESS | VL_LOAD_INSPECTIONS);

	if (status == VL_OK && l)
		status = vl_ledger_load(l, b);
	return status;
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

/* Every register the command line names whose audit trail holds, every
 * part; their ledgers too with l. */
static int
rollup_load(struct vl_rollup *r, struct vl_ledger **l, const struct vl_cli *c)
{
	int status = vl_rollup_load(r, c->regs, c->nregs, &c->src,
	    VL_LOAD_PLAN | VL_LOAD_PROJECTS | VL_LOAD_PROGRESS |
	    VL_LOAD_INSPECTIONS);

	if (l)
		*l = NULL;
	if (status == VL_OK && l)
		status = vl_rollup_ledgers(r, false, l);
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
rollup_overdue(struct vl_cli *c, long days)
{
	struct vl_rollup r;
	bool found = false;
	int status;

	if ((status = rollup_load(&r, NULL, c)) == VL_OK)
		status = vl_rollup_report_overdue(&r, &c->out, days, &found);
	status = rollup_done(status, &r, NULL);
	return status == VL_OK && c->arg[O_CHECK] && found ? VL_FINDINGS :
	    status;
}

static int
rollup_progress(struct vl_cli *c, int by)
{
	struct vl_ledger *l = NULL;
	struct vl_rollup r;
	int status;

	if ((status = rollup_load(&r, by == 2 ? &l : NULL, c)) == VL_OK)
		status = by == 2 ? vl_rollup_report_ranking(&r, l, &c->out) :
		    vl_rollup_report_progress(&r, &c->out, by == 1);
	return rollup_done(status, &r, l);
}

static int
rollup_funds(struct vl_cli *c, bool summary)
{
	struct vl_ledger *l = NULL;
	struct vl_rollup r;
	int status;

	if ((status = rollup_load(&r, &l, c)) == VL_OK)
		status = summary ? vl_rollup_report_summary(&r, l, &c->out) :
		    vl_rollup_report_funds(&r, l, &c->out);
	return rollup_done(status, &r, l);
}

static int
cmd_overdue(struct vl_cli *c)
{
	long days = within(c->arg[O_WITHIN]);
	struct vl_book b;
	bool found = false;
	int status;

	if (c->rollup)
		return rollup_overdue(c, days);
	if ((status = load(&b, NULL, c)) == VL_OK)
		status = vl_report_overdue(&b, &c->out, days, &found);
	status = done(status, &b, NULL);
	return status == VL_OK && c->arg[O_CHECK] && found ? VL_FINDINGS :
	    status;
}

static int
cmd_progress(struct vl_cli *c)
{
	struct vl_book b;
	int status;

	/* --by district: the districts ranked, one register a roll-up of
	 * one */
	if (c->rollup || vl_cli_word(c, O_BY) == 2)
		return rollup_progress(c, vl_cli_word(c, O_BY));
	if ((status = load(&b, NULL, c)) == VL_OK)
		status = vl_report_progress(&b, &c->out,
		    vl_cli_word(c, O_BY) == 1);
	return done(status, &b, NULL);
}

static int
cmd_funds(struct vl_cli *c)
{
	struct vl_ledger l = {0};
	struct vl_book b;
	int status;

	if (c->rollup)
		return rollup_funds(c, false);
	if ((status = load(&b, &l, c)) == VL_OK)
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
	if ((status = load(&b, &l, c)) == VL_OK)
		status = vl_report_summary(&b, &l, &c->out);
	return done(status, &b, &l);
}

/* The briefing page (report/briefing.c), from the same book and ledger
 * as the other reports. */
static int
cmd_briefing(struct vl_cli *c)
{
	const char *e = c->out.encoding;
	struct vl_buf page = {0};
	struct vl_ledger l = {0};
	struct vl_book b;
	int status;

	if (c->rollup)	/* not yet: the page is one district's */
		vl_die(VL_BADINPUT, "briefing: one register at a time; for "
		    "several, summary --format xlsx -o FILE");
	if (c->out.format != VL_FMT_CSV || c->out.excel || (e &&
	    strcasecmp(e, "utf-8") != 0 && strcasecmp(e, "utf8") != 0))
		vl_die(VL_BADINPUT, "briefing: one HTML page in UTF-8; --format, "
		    "--excel and --encoding do not apply");
	if ((status = load(&b, &l, c)) == VL_OK) {
		vl_briefing(&b, &l, &page);
		status = vl_out_bytes(&c->out, page.data, page.len);
	}
	vl_buf_free(&page);
	return done(status, &b, &l);
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

/* Every register's history, a district column first (report/
 * audit_table.c): a break is named and exits 1, the rest listed. */
static int
rollup_audit(struct vl_cli *c)
{
	long broken;
	int status;

	status = vl_rollup_report_audit(c->regs, c->nregs, &c->src, &c->out,
	    &broken);
	if (status == VL_OK)
		status = vl_close_stdout();
	return status == VL_OK && broken ? VL_FINDINGS : status;
}

/* The change history with the hash chain verified line by line: a line
 * edited, deleted or moved breaks the chain from there on; and the
 * trail as a whole, which must reach its head (.vl-head). */
static int
cmd_audit(struct vl_cli *c)
{
	bool table = !c->arg[O_HEAD] && !c->arg[O_EXPECT], findings = false;
	const char *expect = c->arg[O_EXPECT];
	char want_hash[VL_HASH_HEX];
	struct vl_audit_walked w;
	struct vl_out *out = NULL;
	struct vl_audit audit;
	struct vl_trail trail;
	struct vl_reg reg;
	long outside, want_seq = 0;
	int status;

	if (c->rollup && table)
		return rollup_audit(c);
	vl_cli_one_register(c);
	audit_anchor(c, want_hash, &want_seq);
	vl_reg_open(&reg, c->src.dir);
	if (!vl_reg_exists(&reg, "plan.json")) {
		vl_errat(c->src.dir, 0, NULL, "not a vl register "
		    "(no plan.json)");
		vl_reg_close(&reg);
		return VL_BADINPUT;
	}
	/* the trail and the files as one state: no writer meanwhile */
	if ((status = vl_reg_lock_shared(&reg)) != VL_OK) {
		vl_reg_close(&reg);
		return status;
	}
	if (table)
		out = vl_audit_table(&c->out, c->src.as_of);
	status = vl_audit_walk(&reg, out, want_seq, expect ? want_hash : NULL,
	    &audit, &w);
	if (out && vl_out_close(out) != VL_OK && status == VL_OK)
		status = VL_SYSFAULT;
	if (status != VL_SYSFAULT && vl_trail_check(&reg, &audit,
	    &trail) != VL_TRAIL_OK) {
		vl_trail_say(&reg, &trail, false);
		findings = true;
	}
	if (expect && !vl_audit_holds(&reg, &w, want_seq))
		findings = true;
	if (c->arg[O_HEAD] && status == VL_OK)
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

static const struct vl_command commands[] = {
	{"overdue", cmd_overdue, "vl-report [-C DIR] overdue [--within N] "
	    "[--check] [--as-of DATE] [--format F] [-o FILE]",
	    overdue_options, 0, 0, true, NULL},
	{"audit", cmd_audit, "vl-report [-C DIR] audit [--head] "
	    "[--expect SEQ:HASH] [--format F] [-o FILE]", audit_options, 0, 0,
	    true, NULL},
	{"progress", cmd_progress, "vl-report [-C DIR] progress "
	    "[--by town|project|district] [--as-of DATE] [--format F] [-o FILE]",
	    progress_options, 0, 0, true, NULL},
	{"funds", cmd_funds, "vl-report [-C DIR] funds [--as-of DATE] "
	    "[--format F] [-o FILE]", NULL, 0, 0, true, NULL},
	{"summary", cmd_summary, "vl-report [-C DIR] summary [--as-of DATE] "
	    "[--encoding E] [--format xlsx -o FILE]", NULL, 0, 0, true, NULL},
	{"briefing", cmd_briefing, "vl-report [-C DIR] briefing "
	    "[--as-of DATE] [-o FILE]", NULL, 0, 0, true, NULL},
	{NULL, NULL, NULL, NULL, 0, 0, false, NULL}
};

static const struct vl_tool tool = {help, more, true, commands};

int
main(int argc, char **argv)
{
	return vl_cli_main(&tool, argc, argv);
}
