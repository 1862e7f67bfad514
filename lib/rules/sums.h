/*
 * sums.h - a fund journal summed by a key (vl-fund sum): exact, in one
 * pass, in constant memory.
 */
#ifndef VL_SUMS_H
#define VL_SUMS_H

#include "base/groups.h"
#include "register/book.h"
#include "register/funds.h"
#include "rules/filter.h"

/* what a sum is by; vl_sum_keys names them, NULL-terminated */
enum vl_sum_key {
	VL_BY_LEVEL, VL_BY_SOURCE, VL_BY_KIND, VL_BY_PURPOSE, VL_BY_PROJECT,
	VL_BY_TOWN
};
extern const char *const vl_sum_keys[];
#define VL_ALL_KINDS (-1)	/* rows of every kind */

/* The kind summed when none is asked for: receipts by level and source,
 * expenses by purpose, allocations by project and town, every row by
 * kind. */
int vl_sum_kind(enum vl_sum_key by);
/* The rows of kind (an enum vl_kind, or VL_ALL_KINDS) of j summed by
 * key into g, sorted by key; a project's town from b's projects (b may
 * be NULL unless by town or filtered).  With f (may be NULL), only the
 * rows of the projects it passes: a row of no project (a receipt) is
 * left out by any filter of a project's column.  A bad row, or a sum
 * that overflows, is reported.  VL_OK, VL_BADINPUT or VL_SYSFAULT. */
int vl_fund_sum(const struct vl_journal *j, enum vl_sum_key by, int kind,
    const struct vl_book *b, const struct vl_filter *f,
    struct vl_groups *g);

#endif
