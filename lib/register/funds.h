/*
 * funds.h - a fund journal in the form of funds.csv, read row by row in
 * one pass: memory does not grow with its length.
 */
#ifndef VL_FUNDS_H
#define VL_FUNDS_H

#include <stdint.h>

#include "base/date.h"
#include "io/csv.h"
#include "io/plan.h"

/* The kinds of fund movement, in the order of vl_kinds. */
enum vl_kind { VL_RECEIPT, VL_ALLOCATION, VL_EXPENSE };

/* One good row of a journal, valid only during the callback.  Optional
 * fields left empty are "". */
struct vl_fund {
	const char *file;	/* name for messages */
	long line;
	const char *id, *level, *source, *project, *purpose, *note;
	const char *reverses;	/* the id of the entry it negates, or "" */
	enum vl_kind kind;
	int level_index;	/* level in the plan's levels (vl_plan_levels),
				 * -1 when empty */
	vl_date date;
	int64_t amount;		/* fen */
};
/* return 0 to go on, non-zero to stop (returned by vl_fund_read) */
typedef int (*vl_fund_fn)(const struct vl_fund *f, void *ctx);

struct vl_journal {
	const char *path;	/* "-": stdin */
	const char *display;	/* its name in messages */
	vl_date as_of;		/* later rows are skipped; VL_NODATE: none */
	const char *encoding;	/* NULL: detected */
	bool regular;		/* a register file: vl_csv_opts.regular */
	/* the register's plan, whose levels and sources a row may name
	 * (NULL: the schema's own words) */
	const struct vl_plan *plan;
};

/* Read a journal.  Every row is checked by the schema (vl_funds_spec) --
 * without resolving projects or purposes, which are the caller's to
 * judge -- and every bad row is reported as FILE:LINE: field: message;
 * fn gets every good row not dated after as_of, in ctx.  Returns VL_OK,
 * VL_BADINPUT (a row was bad; fn saw the good ones), VL_SYSFAULT, or
 * what fn returned to stop the read.
 *
 * With g, the read is divided among threads as vl_csv_gather divides
 * one, ctx the first part's context.  Sums made per part and merged in
 * order are those of one pass: the parts are kept only when no sum of
 * the rows given to fn can overflow (their amounts, signs dropped, add
 * up within int64_t); else g->reset(ctx) and the journal is read again
 * as one. */
int vl_fund_read(const struct vl_journal *j, vl_fund_fn fn, void *ctx,
    const struct vl_gather *g);

#endif
