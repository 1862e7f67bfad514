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
#include "rules/ledger.h"

/* The overdue list of a book loaded with every part, as of its day
 * (vl_overdue_collect); *found: anything late or flagged. */
int vl_report_overdue(const struct vl_book *b, const struct vl_outopts *o,
    long within, bool *found);
/* Per town with a total row, or per project. */
int vl_report_progress(const struct vl_book *b, const struct vl_outopts *o,
    bool by_project);
/* The progress entries of one project as of the book's day, in file
 * order: id (file order in a file without ids), date, stage, note, and
 * status "counted" or "void" (with voided, void_reason) from the day of
 * its void. */
int vl_report_progress_entries(const struct vl_book *b, const char *project,
    const struct vl_outopts *o);
/* Per funding line and level of the plan, with a total row. */
int vl_report_funds(const struct vl_book *b, const struct vl_ledger *l,
    const struct vl_outopts *o);

#endif
