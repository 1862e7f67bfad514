/*
 * schema.h - the register's files, their columns, and the rules every
 * record of them obeys: what vl-add refuses is exactly what the reports
 * reject.
 */
#ifndef VL_SCHEMA_H
#define VL_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

#include "io/csv.h"
#include "io/plan.h"

enum vl_ftype {
	VL_T_TEXT,	/* any text */
	VL_T_ID,	/* a record id: no blanks, no control characters */
	VL_T_MONEY,
	VL_T_DATE,
	VL_T_ENUM,	/* one of choices */
	VL_T_PROJECT,	/* the id of a project in projects.csv */
	VL_T_COUNT	/* a whole number >= 0, e.g. area in m² */
};

struct vl_fieldspec {
	const char *name;
	enum vl_ftype type;
	bool required;
	const char *const *choices;	/* VL_T_ENUM */
	/* a column a new file is made without, added when a record first
	 * needs it (a void, a reversal) */
	bool on_demand;
};

struct vl_filespec {
	const char *file;		/* e.g. "funds.csv" */
	const struct vl_fieldspec *field;
	size_t n;			/* the canonical column order */
	size_t ncore;			/* columns every file must have */
};

extern const struct vl_filespec vl_projects_spec, vl_progress_spec,
    vl_funds_spec, vl_inspections_spec;
/* tasks.csv: the programme's other duties, each with an owner and a due
 * date; optional, and not among the files a new register is made with */
extern const struct vl_filespec vl_tasks_spec;
/* the four of them, in that order, NULL-terminated */
extern const struct vl_filespec *const vl_specs[];
/* the words of the enum columns, NULL-terminated */
extern const char *const vl_levels[], *const vl_kinds[],
    *const vl_phases[], *const vl_aspects[], *const vl_results[];

/* the levels of funds.csv a plan takes: its own, else vl_levels */
const char *const *vl_plan_levels(const struct vl_plan *p);
/* its aspects of inspection: its own, else vl_aspects */
const char *const *vl_plan_aspects(const struct vl_plan *p);

struct vl_projects;
/* Check one record's fields against a spec and, for funds and
 * inspections, the rules between fields.  projects (may be NULL) resolves
 * VL_T_PROJECT; plan (may be NULL) the allowed purposes.  Each problem is
 * reported as FILE:LINE: field: message; returns how many. */
int vl_check_record(const struct vl_filespec *s, const struct vl_record *r,
    const struct vl_projects *projects, const struct vl_plan *plan);
/* the names of a spec's core columns, NULL-terminated, for vl_csv_opts
 * (the thread's own array, until its next call) */
const char **vl_spec_required(const struct vl_filespec *s);
/* A field as a spreadsheet or a Chinese input method typed it, as it is
 * stored (newly allocated): full-width digits and punctuation in an
 * amount, a date, an id or a count as ASCII, blanks around them dropped;
 * text without the blanks around it (spaces, tabs, ideographic spaces);
 * a vocabulary's word in Chinese (已动工) as the word (started), the
 * plan's words (村自筹: village) too when plan (may be NULL) names them. */
char *vl_spec_typed(const struct vl_filespec *s, const struct vl_plan *plan,
    const char *column, const char *v);
/* A cell of an imported file, as vl_spec_typed has it, and a date as
 * Chinese Excel saves an export's dates back, its short date 2023/1/5,
 * as 2023-01-05 (a command line's date is ISO: YYYY-MM-DD). */
char *vl_spec_cell(const struct vl_filespec *s, const struct vl_plan *plan,
    const char *column, const char *v);
/* Is s (n bytes, NUL-terminated) free of what text may not hold: a C0
 * control but tab, LF and CR, DEL, a C1 control? */
bool vl_text_clean(const char *s, size_t n);

#endif
