/*
 * records.h - records added to the register: each file's rules beyond
 * the schema, then the batch (all of them or none).
 */
#ifndef VL_RECORDS_H
#define VL_RECORDS_H

#include <stdbool.h>

#include "register/book.h"
#include "register/schema.h"

/* Add to spec's file the records of import (a CSV file, "-": stdin), or
 * else the one record of value (in the spec's column order, NULL where
 * not given), by the rules of that file: a project names its leader and
 * specialist and a village no other project has; a passed inspection has
 * nothing to rectify, and passes an acceptance only when its project was
 * completed by then; progress and funds by vl_entries_rules.  A row the
 * same as one there but for its id is refused unless allow_repeat.  All or none
 * (vl_batch_run).  VL_OK, VL_BADINPUT or VL_SYSFAULT. */
int vl_add_records(const struct vl_filespec *spec,
    const struct vl_source *src, const char *import,
    const char *const *value, bool allow_repeat);

/* A field of a record as it will be written (a project added or
 * amended, a task): the value of column */
typedef const char *vl_project_field(const void *ctx, const char *column);

/* A project names its leader and its specialist: each missing said as
 * file:line: column; returns how many.  was: the project as it stands
 * when amended (NULL when added), of which only a name taken away is
 * refused, so that a project registered without one may be amended in
 * its other fields. */
int vl_project_people(const char *file, long line, vl_project_field *field,
    const void *ctx, const struct vl_record *was);

/* What no project may be, added or amended: a name (town, village,
 * leader, specialist) of several lines or with a tab, which a list shows
 * as another's; a budget below zero; a completion due on or before its
 * start (the plan's deadline where the project sets none of its own).
 * Each said as file:line: field; returns how many. */
int vl_project_sane(const char *file, long line, vl_project_field *field,
    const void *ctx, const struct vl_plan *plan);

/* How a rectification was verified: each NULL or "" when not said. */
struct vl_close {
	const char *by;		/* who verified it: closed_by */
	const char *note;	/* what they found: close_note */
	const char *evidence;	/* what shows it (photos, minutes) */
};

/* The finding of failed inspection id closed: its rectification verified
 * on when, how's fields in their own columns (closed_by, close_note,
 * close_evidence, added to a file without them; the finding is never
 * touched), by and evidence one line each.  Only an open failed
 * inspection closes, not a voided one, and not before the day it was
 * made.  The register
 * of src is read as it is, whatever its day; only the row changes
 * (vl_rewrite_row), audited with the old and new values: when it is
 * refused, "nothing written".  VL_OK, VL_BADINPUT or VL_SYSFAULT. */
int vl_close_finding(const struct vl_source *src, const char *id,
    vl_date when, const struct vl_close *how);

/* Task id of tasks.csv done on when (not after src's day): its done
 * column set, evidence (NULL or "": none) added to the references it
 * holds.  A task done already or voided is refused.  Audited "done"
 * with the old and new values.  VL_OK, VL_BADINPUT or VL_SYSFAULT. */
int vl_task_done(const struct vl_source *src, const char *id,
    vl_date when, const char *evidence);

#endif
