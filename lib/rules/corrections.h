/*
 * corrections.h - a clerk's mistakes corrected through the tools, each
 * an audited record with the old and new values and the reason: a
 * project amended, a progress entry or an inspection voided, a fund
 * entry reversed.
 */
#ifndef VL_CORRECTIONS_H
#define VL_CORRECTIONS_H

#include "base/date.h"
#include "register/book.h"
#include "register/rewrite.h"
#include "register/schema.h"

/* Project id's fields set (leader, specialist, town, village, budget,
 * start_by, complete_by, mode, area; n of them, set[k].old filled), by
 * every rule a new project obeys: named people, a village no other
 * project has, a budget not below what is allocated to it.  The id never
 * changes.  Audited "amend" with the old and new values and reason.
 * VL_OK, VL_BADINPUT (nothing written) or VL_SYSFAULT. */
int vl_amend_project(const struct vl_source *src, const char *id,
    struct vl_assign *set, size_t n, const char *reason);

/* Task id's fields (area, title, owner, due, note) or inspection id's
 * (due, finding, inspector; a passed one's inspector only) set as
 * vl_amend_project sets a project's (spec: tasks or inspections): the
 * row as amended checked as a new one is, a field given the value it
 * holds left out, an amend that changes nothing refused, a voided row
 * not amended.  Audited "amend" with the old and new values and reason. */
int vl_amend_row(const struct vl_source *src, const struct vl_filespec *spec,
    const char *id, struct vl_assign *set, size_t n, const char *reason);

/* Row id of spec's file (progress or inspections) marked void on when
 * for reason: it stays in the file, and from that day every report
 * ignores it.  A row is voided once, not before its own date, and not
 * on a day after src's; a project's start not while a milestone or its
 * completion stands on it alone (void those first). */
int vl_void_row(const struct vl_source *src, const struct vl_filespec *spec,
    const char *id, vl_date when, const char *reason);

/* Inspection id's rectification closed, or task id done, by mistake:
 * taken back (spec: inspections or tasks).  The columns the close or the
 * done filled (closed, closed_by, close_note, close_evidence; done) are
 * emptied, their values on the audit line "reopen" with the reason; the
 * finding or the task is open again, in views of past days too (as an
 * amended project's fields are).  Not a row voided, nor one not closed
 * or done. */
int vl_reopen_row(const struct vl_source *src, const struct vl_filespec *spec,
    const char *id, const char *reason);

/* Fund entry id reversed: a new entry, its exact negation (kind, level,
 * source, project, purpose; the amount negated) dated date (NULL: src's
 * day), reason its note, reverses its id.  Its id printed. */
int vl_reverse_fund(const struct vl_source *src, const char *id,
    const char *date, const char *reason);

#endif
