/*
 * summary.h - the summary page for a meeting.
 */
#ifndef VL_SUMMARY_H
#define VL_SUMMARY_H

#include "io/output.h"
#include "register/book.h"
#include "register/rollup.h"
#include "rules/ledger.h"

/*
 * One page of plain text for a meeting, as of the book's day: the
 * programme against its deadlines, the money, the open findings (safety
 * and quality first: 进度服从质量、平安高于一切) and who is late.  Written
 * as a table of one column, so --encoding applies to it as to every
 * report; with o->format xlsx a workbook of the page, the overdue list,
 * progress and funds, a sheet each.  vl_out_close's status.
 */
int vl_report_summary(const struct vl_book *b, const struct vl_ledger *l,
    const struct vl_outopts *o);

/* The workbook of the page of one book: its figures, the open findings,
 * then the overdue list, progress and funds, a sheet each, to
 * o->output. */
int vl_summary_workbook(const struct vl_book *b, const struct vl_ledger *l,
    const struct vl_outopts *o);

/* The page of a roll-up (SPEC 9): the districts' progress and money
 * added up, each checked against its own plan, the districts ranked
 * (vl_district_ranks), the open findings and who is late of them all,
 * each after its district; with o->format xlsx a workbook of the page, the
 * ranking, overdue, progress and funds, a district column in each. */
int vl_rollup_report_summary(const struct vl_rollup *r,
    const struct vl_ledger *ledgers, const struct vl_outopts *o);

#endif
