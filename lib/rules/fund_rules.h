/*
 * fund_rules.h - the fund rules checked against a register's plan and
 * ledger (vl-fund check), and each project's balance (vl-fund balance).
 */
#ifndef VL_FUND_RULES_H
#define VL_FUND_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "register/book.h"
#include "rules/filter.h"
#include "rules/ledger.h"
#include "rules/reversals.h"

/* One finding: what was checked, of what, the amounts against each
 * other where they apply, and why in words. */
struct vl_fund_finding {
	const char *check;	/* plan, plan-lines, budgets, villages, receipts,
				 * allocations-vs-receipts, allocation,
				 * expense-vs-allocation, other-funds,
				 * project, purpose, reversal */
	const char *subject;	/* the line, level, project or purpose */
	bool has_expected, has_actual, has_difference;
	int64_t expected, actual, difference;	/* actual - expected */
	const char *status;	/* "pending" (not there yet) or
				 * "discrepancy" */
	char *detail;
};

struct vl_fund_check {
	struct vl_fund_finding *v;	/* in the order of the rules */
	size_t n;
	long discrepancies;
	long checked;	/* comparisons made, found or not */
	bool human;	/* set before vl_fund_check: details for people
			 * (translated), else for machines */
	struct vl_reversals *reversals;	/* the corrections' subjects */
};

/* Every fund rule on a book loaded with plan and projects and its ledger.
 * final (the closing audit): money not there yet is a discrepancy, not
 * pending.  More projects than the plan's villages, and a correction
 * that negates no entry exactly or one reversed twice (rules/reversals),
 * are discrepancies.  Details are translated when c->human is set (table,
 * --excel, xlsx), kept otherwise.  VL_OK, or VL_BADINPUT when the plan's
 * lines or the budgets add up beyond the range of fen (said; no finding
 * then), or as the journal's second read. */
int vl_fund_check(const struct vl_book *b, const struct vl_ledger *l,
    bool final, struct vl_fund_check *c);
void vl_fund_check_free(struct vl_fund_check *c);
/* Does finding x pass filter f (vl-fund check's --status and the
 * project columns)?  A finding about a project (allocation,
 * expense-vs-allocation, an unknown project) has the project's columns,
 * from b when b holds it; one about a line, level, purpose or the plan
 * has none, so a filter on them drops it. */
bool vl_fund_finding_passes(const struct vl_fund_finding *x,
    const struct vl_book *b, const struct vl_filter *f);
/* c's findings that pass f, the others freed; discrepancies counted
 * again */
void vl_fund_check_keep(struct vl_fund_check *c, const struct vl_book *b,
    const struct vl_filter *f);

/* A project's money: budget, allocated, spent (per purpose), what is
 * left, and what is wrong. */
struct vl_balance {
	const struct vl_project *p;	/* NULL: not in projects.csv */
	const char *id;
	int64_t allocated, spent;
	const int64_t *purpose;	/* spent per purpose of the plan, in its
				 * order; NULL: not known */
	bool has_remaining;
	int64_t remaining;	/* allocated - spent */
	int64_t other;		/* spent from other funds (多方筹集) */
	/* over-budget, overspent, unknown-purpose, unknown-project; a ';'
	 * between two */
	char flags[64];
};
typedef void (*vl_balance_fn)(const struct vl_balance *r, void *ctx);
/* fn on the balance of every project of the book, then of the projects
 * not in projects.csv that money names (by id, allocated ones first) */
void vl_balances(const struct vl_book *b, const struct vl_ledger *l,
    vl_balance_fn fn, void *ctx);

#endif
