/*
 * fund_tables.h - vl-fund's tables: the fund check, the sums and each
 * project's balance, of one register or of a roll-up (SPEC 9: a district
 * column first, each register against its own plan).  Each writes to the
 * output its options name (vl_out_report) and returns vl_out_close's
 * status, or the first fault before any output.
 */
#ifndef VL_FUND_TABLES_H
#define VL_FUND_TABLES_H

#include <stdbool.h>

#include "base/groups.h"
#include "io/output.h"
#include "register/book.h"
#include "register/rollup.h"
#include "rules/filter.h"
#include "rules/fund_rules.h"
#include "rules/ledger.h"
#include "rules/sums.h"

/* The findings of one register's check, as of day. */
int vl_report_fund_check(const struct vl_fund_check *fc,
    const struct vl_outopts *o, vl_date day);
/* Every register of the roll-up checked against its own plan (the cities
 * first), then what each city sent each district against what the
 * district booked (vl_city_transfers), the findings f passes
 * (vl_fund_finding_passes); *found: any discrepancy listed. */
int vl_rollup_report_fund_check(const struct vl_rollup *r,
    const struct vl_outopts *o, bool final, const struct vl_filter *f,
    bool *found);

/* The groups of a sum by `by`, one row each. */
int vl_report_sum(const struct vl_groups *g, enum vl_sum_key by,
    const struct vl_outopts *o, vl_date day);
/* Each district's journal summed by `by` (of the kind, the rows of the
 * projects f passes: vl_fund_sum), as of the roll-up's day; by
 * VL_BY_DISTRICT, one row a district. */
int vl_rollup_report_sum(const struct vl_rollup *r, enum vl_sum_key by,
    int kind, const struct vl_filter *f, const struct vl_outopts *o);

/* Each project's money (vl_balances), a column a purpose of the plan;
 * the rows f passes (f may be NULL). */
int vl_report_balance(const struct vl_book *b, const struct vl_ledger *l,
    const struct vl_filter *f, const struct vl_outopts *o);
/* The same of every district, a column a purpose of any district's plan
 * (nothing spent on a purpose a district's plan lacks). */
int vl_rollup_report_balance(const struct vl_rollup *r,
    const struct vl_filter *f, const struct vl_outopts *o);

#endif
