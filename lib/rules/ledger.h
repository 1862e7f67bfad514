/*
 * ledger.h - a register's fund journal summed in one pass: receipts,
 * allocations and expenses by funding line, level, project and purpose.
 */
#ifndef VL_LEDGER_H
#define VL_LEDGER_H

#include <stddef.h>
#include <stdint.h>

#include "base/date.h"
#include "base/groups.h"
#include "register/book.h"

struct vl_ledger_sums {		/* fen */
	int64_t received;	/* receipts */
	int64_t allocated;	/* allocations */
	int64_t spent;		/* expenses */
};

/* A project's sums, its purposes' with them: a row adds to one record,
 * one cache line (a national register's are 600000 read at random). */
struct vl_ledger_project {
	int64_t allocated, spent;
	int64_t other;		/* spent on it from other funds (多方筹集) */
	int64_t purpose[];	/* spent by purpose: npurposes + 1, in the
				 * plan's order; the last is spent on
				 * purposes the plan does not allow */
};

/* A register's journal summed: receipts, allocations and expenses by
 * funding line of the plan, by level, by project and by purpose. */
struct vl_ledger {
	size_t nlines;		/* = plan.nfunding */
	size_t nlevels;		/* the entries of levels */
	const char *const *levels;	/* the plan's (vl_plan_levels) */
	size_t npurposes;	/* = plan.npurposes */
	size_t nprojects;	/* = projects.n of the book */
	struct vl_ledger_sums total;
	/* nlines + 1, in the plan's order; the last: rows with no level or
	 * a level that no funding line names (allocations and expenses
	 * carry a level only when the clerk gave one) */
	struct vl_ledger_sums *line;
	/* nlevels + 1, in the order of levels; the last: no level */
	struct vl_ledger_sums *level;
	/* other funds (多方筹集): rows from a level of the plan's own list
	 * that no funding line names.  Kept apart: in level[] and here,
	 * never in total, line[], the projects' sums or the purposes */
	struct vl_ledger_sums other;
	int64_t *purpose;	/* expenses: npurposes + 1, as per project */
	/* as book->projects.v, each of `stride` bytes: vl_ledger_project */
	struct vl_ledger_project *project;
	size_t stride;
	/* money naming what the register does not know, key and first
	 * line of each: allocations and expenses to a project not in
	 * projects.csv (by project id); expenses on a purpose outside the
	 * plan (by purpose; also counted in their project's spent) */
	struct vl_groups stray_allocated, stray_spent, stray_purpose;
	long rows;		/* rows summed */
	long corrections;	/* of them negative or reversing an entry */
};

/* project i's sums */
static inline struct vl_ledger_project *
vl_ledger_project(const struct vl_ledger *l, size_t i)
{
	return (struct vl_ledger_project *)(void *)((char *)l->project +
	    i * l->stride);
}

/* What a ledger sums: the totals (by line, level, purpose; the money
 * naming what the register does not know), or each project's too (what
 * checks and balances read; a national register's are tens of MB). */
enum vl_ledger_sums_of { VL_LEDGER_TOTALS, VL_LEDGER_PROJECTS };

/* Sum the register's funds.csv (none: nothing moved yet) for a book
 * loaded with at least VL_LOAD_PROJECTS, as of the book's day (rows
 * dated later are not there yet).  Bad rows are reported as vl_fund_read
 * does and an overflowing sum as an error.  Returns VL_OK, VL_BADINPUT
 * or VL_SYSFAULT; l is filled (and must be freed) in every case; with
 * VL_LEDGER_TOTALS, l->project is NULL and l->nprojects 0.  Of a book
 * narrowed to some projects (b->keep), their allocations and expenses
 * only: no receipt (which names no project), nothing of another project
 * or of none; a bad row of any is reported all the same. */
int vl_ledger_load(struct vl_ledger *l, const struct vl_book *b,
    enum vl_ledger_sums_of what);
/* vl_ledger_load of a book vl_book_load returned book of: summed when
 * its files were read (vl_book_read), a bad row in them or not, so that
 * the journal's bad rows are said too (every problem in one run), else l
 * is left as it is.  Returns the ledger's status when book is VL_OK,
 * else book, or VL_SYSFAULT if the ledger failed so. */
int vl_ledger_load_after(struct vl_ledger *l, const struct vl_book *b,
    int book, enum vl_ledger_sums_of what);
void vl_ledger_free(struct vl_ledger *l);

#endif
