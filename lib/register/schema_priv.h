/*
 * schema_priv.h - a file's fields read row by row at speed: where the
 * spec's fields are in a header, found once, and each field as the check
 * read it.  For the readers of the register layer (book.c, funds.c) and
 * the tests; not libvl's interface.
 */
#ifndef VL_SCHEMA_PRIV_H
#define VL_SCHEMA_PRIV_H

#include <stdint.h>

#include "base/date.h"
#include "register/schema.h"

#define VL_SPEC_MAX 16		/* fields of the longest spec */
/* choices of the longest VL_T_ENUM list: a plan's stages, its milestones
 * between started and completed */
#define VL_WORDS_MAX (VL_PLAN_WORDS_MAX + 2)
/* The fields of each spec, in its order: projects, progress, funds,
 * inspections, tasks. */
enum { VL_P_ID, VL_P_TOWN, VL_P_VILLAGE, VL_P_LEADER, VL_P_SPECIALIST,
	VL_P_BUDGET, VL_P_START_BY, VL_P_COMPLETE_BY, VL_P_MODE, VL_P_AREA };
enum { VL_G_ID, VL_G_DATE, VL_G_PROJECT, VL_G_STAGE, VL_G_NOTE,
	VL_G_VOIDED, VL_G_VOID_REASON };
enum { VL_F_ID, VL_F_DATE, VL_F_KIND, VL_F_LEVEL, VL_F_SOURCE,
	VL_F_PROJECT, VL_F_PURPOSE, VL_F_AMOUNT, VL_F_NOTE, VL_F_REVERSES };
enum { VL_I_ID, VL_I_DATE, VL_I_PROJECT, VL_I_PHASE, VL_I_ASPECT,
	VL_I_RESULT, VL_I_FINDING, VL_I_DUE, VL_I_CLOSED, VL_I_INSPECTOR,
	VL_I_EVIDENCE, VL_I_CLOSED_BY, VL_I_CLOSE_NOTE, VL_I_CLOSE_EVIDENCE,
	VL_I_VOIDED, VL_I_VOID_REASON };
enum { VL_K_ID, VL_K_AREA, VL_K_TITLE, VL_K_OWNER, VL_K_DUE, VL_K_DONE,
	VL_K_EVIDENCE, VL_K_NOTE, VL_K_VOIDED, VL_K_VOID_REASON, VL_K_DATE };

/* A field of a record as the check read it. */
struct vl_value {
	const char *s;		/* its text; "" when the file has no column */
	size_t len;		/* of s */
	int64_t fen;		/* VL_T_MONEY: the amount when good */
	vl_date date;		/* VL_T_DATE: the date; VL_NODATE if not good */
	int choice;		/* VL_T_ENUM: index into choices, or -1 */
	long project;		/* VL_T_PROJECT, resolved: index into the
				 * projects, or -1 */
};

/* Where a spec's fields are in the files read: found once per header,
 * so a check of millions of rows looks up no name. */
struct vl_colmap {
	const struct vl_filespec *spec;
	const struct vl_header *header;	/* the header col[] is for */
	/* each VL_T_ENUM field's words: the spec's, or the plan's own */
	const char *const *choices[VL_SPEC_MAX];
	int col[VL_SPEC_MAX];	/* each field's column, -1: not there */
	/* the length of each word a VL_T_ENUM field may hold: a field is
	 * compared only with the words of its own length */
	unsigned char word_len[VL_SPEC_MAX][VL_WORDS_MAX];
};
void vl_colmap_init(struct vl_colmap *m, const struct vl_filespec *s);
/* The words plan defines (levels, sources, aspects, the stages its
 * milestones make) in place of the spec's; plan NULL: the spec's. */
void vl_colmap_plan(struct vl_colmap *m, const struct vl_plan *plan);
/* vl_check_record of a record read with m's header (m follows a new
 * header), by the same rules; v (may be NULL) gets the spec's n fields
 * as read, in the spec's order. */
int vl_check_row(struct vl_colmap *m, const struct vl_record *r,
    const struct vl_projects *projects, const struct vl_plan *plan,
    struct vl_value *v);

#endif
