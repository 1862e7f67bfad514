/*
 * export.h - a register file's records as they stand, for a spreadsheet
 * to edit and an import to read back (vl-add export).
 */
#ifndef VL_EXPORT_H
#define VL_EXPORT_H

#include "io/output.h"
#include "register/book.h"
#include "register/schema.h"

/* Every record of the file name names ("projects", "funds.csv", ...) in
 * the register src names, every column of it in its order (extra ones
 * too), typed for a workbook (amounts, dates, the words of its
 * vocabularies), whatever the day.  vl_out_close's status, or
 * VL_BADINPUT (no such file, said) / VL_SYSFAULT from reading it. */
int vl_report_export(const struct vl_source *src, const char *name,
    const struct vl_outopts *o);

#endif
