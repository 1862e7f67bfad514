/*
 * tables.h - vl-report's tables: the daily overdue list, progress and
 * funds, each to the output its options name (vl_out_report), a sheet of
 * the summary's workbook among them.  Each returns vl_out_close's status.
 */
#ifndef VL_TABLES_H
#define VL_TABLES_H

#include <stdbool.h>

#include "io/output.h"
#include "register/book.h"
#include "register/rollup.h"
#include "rules/ledger.h"

/* The overdue list of a book loaded with every part, as of its day
 * (vl_overdue_collect); *found: anything late or flagged. */
int vl_report_overdue(const struct vl_book *b, const struct vl_outopts *o,
    long within, bool *found);
/* Per town with a total row, or per project. */
int vl_report_progress(const struct vl_book *b, const struct vl_outopts *o,
    bool by_project);
/* Per funding line and level of the plan, with a total row. */
int vl_report_funds(const struct vl_book *b, const struct vl_ledger *l,
    const struct vl_outopts *o);

/*
 * The same over a roll-up (SPEC 9), a district column first: the
 * districts' overdue lists as one (vl_rollup_overdue); each district's
 * towns or projects and totals, then the total of all; each district's
 * funding lines against its own plan, then the total of all; and the
 * districts ranked for a circular (vl_district_ranks) with a total row.
 */
int vl_rollup_report_overdue(const struct vl_rollup *r,
    const struct vl_outopts *o, long within, bool *found);
int vl_rollup_report_progress(const struct vl_rollup *r,
    const struct vl_outopts *o, bool by_project);
int vl_rollup_report_funds(const struct vl_rollup *r,
    const struct vl_ledger *ledgers, const struct vl_outopts *o);
int vl_rollup_report_ranking(const struct vl_rollup *r,
    const struct vl_ledger *ledgers, const struct vl_outopts *o);

#endif
