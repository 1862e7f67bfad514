/*
 * overdue.h - the daily overdue list of SPEC 4, as of a day: who is
 * late, and what is wrong as it stands.
 */
#ifndef VL_OVERDUE_H
#define VL_OVERDUE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/date.h"
#include "base/strbuf.h"
#include "register/book.h"
#include "rules/filter.h"

enum vl_overdue_kind {	/* the order rows of one day and project sort in */
	VL_OD_NOT_STARTED,
	VL_OD_MILESTONE,	/* a milestone of the plan not reached by its
				 * due date */
	VL_OD_RECTIFICATION, VL_OD_NOT_COMPLETED,
	VL_OD_NOT_ACCEPTED, VL_OD_STARTED_BEFORE_REVIEW,
	VL_OD_MISSING_LEADER, VL_OD_MISSING_SPECIALIST,
	VL_OD_TASK		/* a duty of tasks.csv: no project */
};
#define VL_OD_NKINDS (VL_OD_TASK + 1)
enum vl_overdue_status {
	VL_OD_LATE,		/* due before the day: days_late > 0 */
	VL_OD_DUE_SOON,		/* due in [as_of, as_of + within] */
	VL_OD_FLAG		/* no due date: wrong as it stands */
};

struct vl_overdue {
	enum vl_overdue_kind kind;
	enum vl_overdue_status status;
	/* points into the book; NULL for a task */
	const struct vl_project *project;
	const struct vl_inspection *insp;	/* rectification: the fail */
	const struct vl_task *task;	/* task: the duty, its owner the
					 * person who must act */
	vl_date due;		/* VL_NODATE for a flag */
	long days_late;		/* as_of - due: > 0 late, <= 0 coming due */
	vl_date started, completed, reviewed;	/* as of the day, or NODATE */
	int milestone;		/* milestone: its index in the plan */
	const char *stage;	/* and its name, in the book's plan */
};

/* Every item of a book loaded with plan, projects, progress and
 * inspections (and tasks), as of its day: what is late, the flags, and
 * with within >= 0 what comes due in [as_of, as_of + within].  Sorted:
 * dated items by days late, most first, then by project id (P2 before
 * P10), kind and inspection id, a day's tasks after its projects by task
 * id; flags after them by project id and kind.
 * Returns how many; *list is malloc'd (free it), NULL when none. */
size_t vl_overdue_collect(const struct vl_book *b, long within,
    struct vl_overdue **list);
/* Does o call for someone to act (vl-report overdue --check exits 1)?
 * A late item, or a flag the clerk can clear (a missing leader or
 * specialist, by vl-add amend); not an item coming due, nor a flag of
 * history that stays true (started before a passed review). */
bool vl_overdue_actionable(const struct vl_overdue *o);
/* "not-started", "rectification", ... / "late", "due-soon", "flag" */
const char *vl_overdue_kind_name(enum vl_overdue_kind k);
const char *vl_overdue_status_name(enum vl_overdue_status s);
/* the words of --kind and --status, NULL-terminated */
extern const char *const vl_overdue_kinds[], *const vl_overdue_statuses[];
/* o's row of filter columns: its project's, kind, status, and the
 * inspector of a rectification; a task's owner as its leader */
void vl_overdue_frow(const struct vl_overdue *o, const char *row[VL_NFC]);
/* list kept to the items f passes, in order; returns how many */
size_t vl_overdue_filter(struct vl_overdue *list, size_t n,
    const struct vl_filter *f);
/* The duties of tasks.csv of nb books (a roll-up's districts): how many,
 * how many done, and the late ones, book by book (book k's are
 * late[from[k]] to late[from[k + 1]]), as vl_overdue_collect lists
 * them.  vl_task_tally_free frees it. */
struct vl_task_tally {
	long tasks, done;
	struct vl_overdue *late;
	size_t nlate, *from;	/* from: nb + 1 */
};
void vl_task_tally(const struct vl_book *b, size_t nb,
    struct vl_task_tally *t);
void vl_task_tally_free(struct vl_task_tally *t);
/* one line saying why, appended to buf: "#78 check safety: finding";
 * translated for people (human), as it is for machines */
void vl_overdue_detail(const struct vl_overdue *o, struct vl_buf *buf,
    bool human);


#endif
