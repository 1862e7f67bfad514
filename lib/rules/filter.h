/*
 * filter.h - the one filter and grouping of every report and list
 * (SPEC 8): options named after columns (--town, --leader, ...), each
 * repeated for "any of these" (OR), different ones all holding (AND);
 * and the groupings --by town|leader|specialist|district.
 */
#ifndef VL_FILTER_H
#define VL_FILTER_H

#include <stdbool.h>
#include <stddef.h>

#include "register/book.h"
#include "register/project.h"

/* The columns a filter may name, in the order of vl_filter_names.  The
 * district is a register's, not a row's (SPEC 9): a roll-up keeps the
 * registers it passes (vl_filter_district), the rows never carry it. */
enum vl_fcol {
	VL_FC_TOWN, VL_FC_VILLAGE, VL_FC_PROJECT, VL_FC_LEADER,
	VL_FC_SPECIALIST, VL_FC_INSPECTOR, VL_FC_KIND, VL_FC_STATUS,
	VL_FC_PHASE, VL_FC_ASPECT, VL_FC_RESULT, VL_FC_DISTRICT, VL_NFC
};
/* "town", "village", ...: the option and the column, NULL-terminated */
extern const char *const vl_filter_names[];

struct vl_filter {		/* all zero: everything passes */
	const char **v[VL_NFC];	/* the values given, not copied */
	size_t n[VL_NFC];
};

/* one more value of column c ("--town A --town B": A or B) */
void vl_filter_add(struct vl_filter *f, enum vl_fcol c, const char *value);
/* is any value given for c? */
bool vl_filter_on(const struct vl_filter *f, enum vl_fcol c);
/* Does a row pass?  row[c] is its value in column c, NULL where the
 * column does not apply to it (a filter on that column then drops it);
 * the district is not looked at (vl_filter_district). */
bool vl_filter_row(const struct vl_filter *f,
    const char *const row[VL_NFC]);
/* row's town, village, project, leader and specialist from p (NULL: a
 * row of no project, those all NULL); the other columns left alone */
void vl_filter_project_row(const char *row[VL_NFC],
    const struct vl_project *p);
/* does project p pass the filters of its own columns?  (A filter on
 * another column does not concern it.) */
bool vl_filter_project(const struct vl_filter *f, const struct vl_project *p);
/* is a filter on a project's own columns given (f may be NULL)? */
bool vl_filter_on_projects(const struct vl_filter *f);
/* b narrowed to the projects f keeps (and the tasks, their owner a
 * leader): see struct vl_book's keep.  Nothing, when f filters no
 * project's column. */
void vl_filter_narrow(const struct vl_filter *f, struct vl_book *b);
/* does the district of a register pass --district?  (f may be NULL) */
bool vl_filter_district(const struct vl_filter *f, const char *district);
/* does task t (its owner a leader, of no town, village or project) pass
 * those filters too?  f NULL: every task does */
bool vl_filter_task(const struct vl_filter *f, const struct vl_task *t);
void vl_filter_free(struct vl_filter *f);

/* Is each value of the filter on c one of the words of a register
 * (words[k], NULL-terminated, of nwords registers)?  Else a usage error
 * naming the first register's words: for the columns whose words a
 * plan defines (--aspect), checked once the plans are read. */
void vl_filter_words(const struct vl_filter *f, enum vl_fcol c,
    const char *const *const *words, size_t nwords);
/* the aspects of inspection of a book: its plan's, else vl_aspects */
const char *const *vl_book_aspects(const struct vl_book *b);

/* What --by groups by: the column's index in a row. */
enum vl_fcol vl_group_column(const char *word);

#endif
