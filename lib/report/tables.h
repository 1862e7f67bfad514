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
#include "rules/filter.h"
#include "rules/ledger.h"
#include "rules/overdue.h"

/* The overdue list of a book loaded with every part, as of its day
 * (vl_overdue_collect), the items f passes (f may be NULL); *found:
 * anything late or flagged among them. */
int vl_report_overdue(const struct vl_book *b, const struct vl_outopts *o,
    long within, const struct vl_filter *f, bool *found);
/* The overdue list's table opened where o says, and one item into it. */
struct vl_out *vl_overdue_open(const struct vl_book *b,
    const struct vl_outopts *o);
void vl_overdue_put(struct vl_out *out, const struct vl_overdue *it);
/* The same split per town, leader or specialist (by) into the directory
 * o->output: a file each (report/split.c), and index.csv. */
int vl_report_overdue_split(const struct vl_book *b,
    const struct vl_outopts *o, long within, const struct vl_filter *f,
    enum vl_fcol by, bool *found);
/* The same counted per town, leader or specialist (by): every one the
 * projects f passes name, in order of first appearance, with no items
 * too, then a total row. */
int vl_report_overdue_by(const struct vl_book *b, const struct vl_outopts *o,
    long within, const struct vl_filter *f, enum vl_fcol by, bool *found);
/* Per town, leader or specialist (by) with a total row, per project
 * (by VL_FC_PROJECT), or each progress entry (by VL_NFC:
 * vl_report_progress_entries), of the projects f passes (f may be
 * NULL). */
int vl_report_progress(const struct vl_book *b, const struct vl_outopts *o,
    enum vl_fcol by, const struct vl_filter *f);
/* What changed after the day since up to the book's day (report/
 * since.c): a row an event, kinds vl_since_kinds, of the projects f
 * passes (money of no project only when no project's column is
 * filtered). */
extern const char *const vl_since_kinds[];
int vl_report_since(const struct vl_book *b, const struct vl_outopts *o,
    vl_date since, const struct vl_filter *f);
/* The progress entries of the projects f passes as of the book's day, in
 * file order: id (file order in a file without ids), date, project,
 * stage, note, and status "counted" or "void" (with voided, void_reason)
 * from the day of its void. */
int vl_report_progress_entries(const struct vl_book *b,
    const struct vl_outopts *o, const struct vl_filter *f);
/* Per funding line and level of the plan, with a total row. */
int vl_report_funds(const struct vl_book *b, const struct vl_ledger *l,
    const struct vl_outopts *o);

#endif
