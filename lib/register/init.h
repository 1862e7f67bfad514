/*
 * init.h - a new register (vl-add init).
 */
#ifndef VL_INIT_H
#define VL_INIT_H

#include <stddef.h>

/* The register dir (made, with its parents, if need be) with plan (len
 * bytes, checked by the caller) as plan.json and the CSV files with
 * their headers alone, in one commit.  Refused (VL_BADINPUT) when a
 * register or one of its files is there already: never overwritten. */
int vl_reg_create(const char *dir, const char *plan, size_t len);

#endif
