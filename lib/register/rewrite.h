/*
 * rewrite.h - fields of one row of a register file rewritten, every
 * other byte of the file kept (vl-inspect close; amend and void next).
 */
#ifndef VL_REWRITE_H
#define VL_REWRITE_H

#include <stddef.h>

#include "io/csv.h"
#include "register/book.h"
#include "register/schema.h"

/* A field to rewrite: its column and new value; old gets the value it
 * held once the row is found and checked (malloc'd: free it; NULL
 * before).  A file without an id column (progress.csv) has no row to
 * name: vl_rewrite_row finds rows by id. */
struct vl_assign {
	const char *column;
	const char *value;
	char *old;
};

struct vl_rewrite {
	const struct vl_filespec *spec;	/* the file */
	const char *id;		/* the row: the one whose id this is */
	struct vl_assign *set;	/* the fields to rewrite, n of them */
	size_t n;
	const char *action;	/* of its audit line: "close" */
	/* the message when no row has the id, with a %s for it:
	 * N_("no inspection \"%s\"") */
	const char *unknown;
	/* may be NULL: shown the row as it is before anything is changed,
	 * may refuse it (returns how many problems it reported: nothing is
	 * written then) or choose set and n from it */
	int (*check)(const struct vl_record *row, struct vl_rewrite *rw);
	void *ctx;		/* for check */
	/* NULL, or why (amend, void): the audit line's detail then says
	 * "field: old → new; ...; reason: REASON" ("" : no reason said,
	 * the old and new values all the same, as a task done) */
	const char *reason;
	/* NULL, or the day a correction is made as of (amend, reopen): the
	 * detail ends "; dated: DAY", the day the readers apply it from
	 * (history.h) */
	const char *day;
};

/* Under the lock b holds (vl_reg_lock(&b->reg)): the file read, the row
 * found (none, or two with that id, is an error), its fields set and the
 * row checked again by the schema (its projects those of b), and the
 * file committed with its audit line (action, file, id): only the row's
 * bytes changed, its line end, the BOM and every other row as they were;
 * written out whole instead when the row is not as vl writes it or the
 * file is not UTF-8.  A column of the spec the file lacks is added to
 * it (voided, void_reason), and a file without ids (progress.csv made
 * before them) is numbered in file order first (audited "add-ids"): the
 * file is written out whole then.  VL_OK, VL_BADINPUT (said) or
 * VL_SYSFAULT. */
int vl_rewrite_row(struct vl_book *b, struct vl_rewrite *rw);

/* The book a rewrite of a row of spec's file stands on, read under the
 * writer's lock: the plan, the projects and the rows of that file as
 * the readers read them (vl_load_of: a file they refuse is not written
 * into), and what more (VL_LOAD_*) the caller's check needs.  As
 * vl_book_load: free b in every case. */
int vl_rewrite_load(struct vl_book *b, const struct vl_source *src,
    const struct vl_filespec *spec, int more);

#endif
