/*
 * history.h - a row of projects.csv, inspections.csv or tasks.csv as it
 * stood at the end of a day: the corrections made to it after that day
 * (an amend, a reopen, a close, a done, a void, each a line of
 * audit.csv with the old and new values) taken back, so that a report
 * as of last Monday comes out as it did on Monday.
 */
#ifndef VL_HISTORY_H
#define VL_HISTORY_H

#include <stddef.h>

#include "base/date.h"
#include "io/csv.h"
#include "register/register.h"

struct vl_history;

/* A row as it was: the record with its own fields but those taken
 * back.  Zeroed before use; vl_was_free after. */
struct vl_was {
	struct vl_record r;
	char **field;
	size_t *len;
	char **owned;		/* the old values, malloc'd */
	size_t nowned;
};

/* The corrections of reg's audit.csv dated after as_of, read under the
 * lock its caller holds; NULL when there are none (or no trail, or
 * as_of is VL_NODATE).  A correction is dated by the day it says it was
 * made as of ("dated: DAY", written since amends and reopens say it),
 * or, a close, a done, a void, by the date it wrote; an amend or a
 * reopen of a trail older than that says no day and is kept. */
struct vl_history *vl_history_load(const struct vl_reg *reg, vl_date as_of);
/* r, a row of file, as it stood at the end of the day: r itself, or
 * w->r.  A row whose trail does not lead back from what it holds (a
 * hand edit since, a detail of an older trail without the old values)
 * is taken as it is. */
const struct vl_record *vl_history_row(const struct vl_history *h,
    const char *file, const struct vl_record *r, struct vl_was *w);
void vl_was_free(struct vl_was *w);
/* The day the last reopen of row id of file was made as of, read from
 * reg's audit.csv under the lock its caller holds: VL_NODATE when the
 * row was never reopened, or its last reopen (of an older trail) says
 * no day. */
vl_date vl_history_reopened(const struct vl_reg *reg, const char *file,
    const char *id);
void vl_history_free(struct vl_history *h);

#endif
