/*
 * reconcile.h - amounts checked against a total, to the fen.
 */
#ifndef VL_RECONCILE_H
#define VL_RECONCILE_H

#include <stdint.h>

#include "base/strbuf.h"

/* The amounts of path ("-": stdin, in encoding, NULL: detected): one a
 * line, or when the first line is a CSV header with an amount column,
 * that column.  eq gets the equation, "168460.00 + 16240.00 = 184700.00"
 * (a count of parts above 10), and where the sum is not total "≠ total
 * (short by ...)".  VL_OK when they add up to total, VL_FINDINGS when
 * not, VL_BADINPUT (a line that is no amount, said; eq is empty) or
 * VL_SYSFAULT. */
int vl_reconcile(const char *path, const char *encoding, int64_t total,
    struct vl_buf *eq);

#endif
