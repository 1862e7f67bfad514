/*
 * batch.h - records added to one register file as one batch: all of them
 * or none, each bad one reported with its line.
 */
#ifndef VL_BATCH_H
#define VL_BATCH_H

#include <stdbool.h>
#include <stdint.h>

#include "base/date.h"
#include "base/strbuf.h"
#include "io/csv.h"
#include "register/book.h"
#include "register/schema.h"

struct vl_batch;
struct vl_colmap;
/* The rules of a file beyond the schema's, for one record: each problem
 * reported with vl_errat; returns how many. */
typedef int (*vl_batch_rule)(struct vl_batch *b, const struct vl_record *r);

struct vl_batch {
	/* set by the caller */
	const struct vl_filespec *spec;	/* the file records go to */
	int load;		/* VL_LOAD_* besides plan and projects */
	vl_batch_rule rule;	/* or NULL */
	/* rule is run on a row the schema refused too (a rule that reads
	 * only what is good), so that all its problems are said at once */
	bool rule_on_bad;
	bool row_bad;		/* the row the rule is shown was refused */
	/* the columns an import must have, NULL-terminated; NULL: the
	 * spec's core columns but id */
	const char *const *required;
	/* or NULL: shown each row already in the file (its id in row_id),
	 * for rules that look at what is there */
	vl_batch_rule seen;
	void *ctx;		/* for rule and seen */
	bool allow_repeat;	/* a row equal to another but for its id */
	const char *detail;	/* or NULL: the detail of each add's audit
				 * line (a reversal's reason) */
	/* or NULL: when detail is NULL, the detail of a record's audit
	 * line written into out (an imported reversal's), or nothing */
	void (*describe)(const struct vl_record *r, struct vl_buf *out);
	/* kept by the batch */
	struct vl_book book;	/* as vl_book_load, nothing ignored */
	vl_date today;		/* the as-of day: no record dated after it */
	struct vl_header hdr;	/* the target file's columns, its order */
	struct vl_projects ids;	/* ids in the file and in the batch */
	struct vl_projects folded;	/* those with capitals, lower case */
	struct vl_projects used;	/* ids the audit trail ever added */
	struct vl_keyset {	/* each row's fields but its id, hashed */
		uint64_t *slot;
		/* per slot, whose key: index into ids + 1 (a row of the
		 * file), or VL_KEY_BATCH | the line (a row of the batch);
		 * 0: not known */
		uint32_t *where;
		size_t n, cap;
	} rowkeys;
	int64_t next_id;	/* max numeric id + 1 */
	int id_width;		/* digits of that max id, 0 if none */
	long nrows;		/* rows in the file */
	/* funds.csv's rows checked as its readers check them (vl_fund_read,
	 * by the plan's words): a file they refuse is not written to (the
	 * book loads the others, checked as read); NULL: not that file */
	struct vl_colmap *check;
	long refused;		/* rows there the readers refuse (said) */
	const char *row_id;	/* of the row seen or checked */
	bool add_ids;		/* the file had no id column: numbered now */
	bool grown;		/* columns added: the file written whole */
	bool converted;		/* the file is not UTF-8 (saved as GB18030):
				 * written whole, in UTF-8, not appended to */
	struct vl_buf new_columns;	/* their names, a blank between */
	bool import;		/* records from a file, not options */
	long import_rows;	/* the records the file held */
	bool checked_columns;
	const char *input_encoding;	/* of the import alone: src's */
	struct vl_buf rows;	/* CSV rows to append */
	struct vl_buf added;	/* ids added, one a line */
	int64_t money;		/* the file's and the batch's amounts added
				 * up, signs dropped (VL_MONEY_LIMIT) */
	bool money_over;	/* past the limit */
	struct vl_buf adds;	/* their audit records and details, NUL
				 * after each */
	const char *import_name;	/* the file imported, for its line */
	struct vl_buf import_detail;	/* its "sha256:…" */
};

/* Under the lock: the book of src loaded (every record, whatever the
 * day), each record of import (a CSV file, "-": stdin; ids may be left
 * out) or the one record of value (in the spec's column order, NULL
 * empty, an empty date src's day) mapped onto the file's columns, given
 * an id when it has none and checked (the import read as a spreadsheet
 * wrote it: vl_csv_read_sheet, in src's encoding, which the register's
 * own files never are read in); when no record was bad the rows
 * are appended in one commit and their ids printed, else "nothing
 * written".  Refused besides: a date after src's day, an id used before
 * (in the file, in the audit trail, or the same but for letter case), an
 * id given in the numbered form (17, P017) past 999999999999999999, a
 * row equal to another but for its id (unless allow_repeat), a file
 * imported before (its SHA-256 is in the audit trail), records added to
 * a plan still the template's.  A file without a column the spec has and
 * a record needs (progress.csv without ids) is written out whole with
 * it, in the same commit.  b is freed. */
int vl_batch_run(struct vl_batch *b, const struct vl_source *src,
    const char *import, const char *const *value);

#endif
