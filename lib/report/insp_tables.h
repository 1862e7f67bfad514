/*
 * insp_tables.h - vl-inspect's tables: the inspections a clerk asks for
 * and a draw for spot checks, of one register or of a roll-up (SPEC 9: a
 * district column first), and the story of a project in every district
 * that has one.  Each table returns vl_out_close's status, or VL_BADINPUT
 * (said) before any output.
 */
#ifndef VL_INSP_TABLES_H
#define VL_INSP_TABLES_H

#include <stdbool.h>
#include <stddef.h>

#include "base/strbuf.h"
#include "io/output.h"
#include "register/book.h"
#include "register/rollup.h"
#include "rules/filter.h"
#include "rules/sample.h"

/* Which inspections are listed: each set field a condition (list's
 * options); late as of the book's day. */
struct vl_insp_filter {
	bool open, overdue;
	const char *project;	/* that project's only (show), or NULL */
	const struct vl_filter *f;	/* the filters (list), or NULL */
	const char *sheet;	/* the project the sheet is named after */
};

/* The inspections of a book loaded with them that f lets through, in a
 * sheet "检查记录" (with f->sheet, "检查记录 P"); none is no error.  *n:
 * how many listed. */
int vl_report_inspections(const struct vl_book *b,
    const struct vl_insp_filter *f, const struct vl_outopts *o, size_t *n);
/* The same of every district (a project's id is its district's own). */
int vl_rollup_report_inspections(const struct vl_rollup *r,
    const struct vl_insp_filter *f, const struct vl_outopts *o, size_t *n);

/* A draw (vl_sample_draw) of a book loaded with progress and
 * inspections: draw number, project, people, stage, last inspected. */
int vl_report_sample(const struct vl_book *b, const struct vl_sample *s,
    const struct vl_outopts *o);
/* One draw from the projects of every district (vl_sample_draw_books). */
int vl_rollup_report_sample(const struct vl_rollup *r,
    const struct vl_sample *s, const struct vl_outopts *o);

/* The story (vl_story) of the project or inspection arg names in every
 * district that has one, each under "== DISTRICT", appended to s;
 * returns how many districts have it. */
size_t vl_rollup_story(const struct vl_rollup *r, const char *arg,
    struct vl_buf *s);

#endif
