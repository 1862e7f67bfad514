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

/*
 * The same over a roll-up (SPEC 9), a district column first, each
 * district's rows by the rules of one register (f passes the same rows of
 * each): the districts' overdue lists as one (vl_rollup_overdue); counted
 * per district (by VL_FC_DISTRICT: the district is the key, no column
 * before it) or per key of each district, each district's total, then
 * the total of all; split a file a district or a file a key of each
 * district (report/split.c); progress per group of each district and its
 * total, then the total of all, or per project or entry; what changed
 * since (report/since.c); each district's funding lines against its own
 * plan, then the total of all; and the districts ranked for a circular
 * (vl_district_ranks) with a total row.
 */
int vl_rollup_report_overdue(const struct vl_rollup *r,
    const struct vl_outopts *o, long within, const struct vl_filter *f,
    bool *found);
int vl_rollup_report_overdue_by(const struct vl_rollup *r,
    const struct vl_outopts *o, long within, const struct vl_filter *f,
    enum vl_fcol by, bool *found);
int vl_rollup_report_overdue_split(const struct vl_rollup *r,
    const struct vl_outopts *o, long within, const struct vl_filter *f,
    enum vl_fcol by, bool *found);
int vl_rollup_report_progress(const struct vl_rollup *r,
    const struct vl_outopts *o, enum vl_fcol by, const struct vl_filter *f);
int vl_rollup_report_since(const struct vl_rollup *r,
    const struct vl_outopts *o, vl_date since, const struct vl_filter *f);
int vl_rollup_report_funds(const struct vl_rollup *r,
    const struct vl_ledger *ledgers, const struct vl_outopts *o);
int vl_rollup_report_ranking(const struct vl_rollup *r,
    const struct vl_ledger *ledgers, const struct vl_outopts *o);

#endif
