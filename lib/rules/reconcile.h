/*
 * reconcile.h - amounts checked against a total, to the fen.
 */
#ifndef VL_RECONCILE_H
#define VL_RECONCILE_H

#include <stdint.h>

#include "base/strbuf.h"
#include "io/plan.h"

/* The amounts of path ("-": stdin, in encoding, NULL: detected): one a
 * line, or when the first line is a CSV header with an amount column,
 * that column.  eq gets the equation, "168460.00 + 16240.00 = 184700.00"
 * (a count of parts above 10), and where the sum is not total "≠ total
 * (short by ...)".  VL_OK when they add up to total, VL_FINDINGS when
 * not, VL_BADINPUT (a line that is no amount, said; eq is empty) or
 * VL_SYSFAULT.  With plan (may be NULL), the rows of a CSV whose level
 * column names a level of other funds (多方筹集) are left out, and the
 * equation says so: never part of the plan's total. */
int vl_reconcile(const char *path, const char *encoding, int64_t total,
    const struct vl_plan *plan, struct vl_buf *eq);

#endif
