/*
 * stage.h - where a project stands: registered, reviewed, started,
 * completed, accepted; derived from a book, never stored.
 */
#ifndef VL_STAGE_H
#define VL_STAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/date.h"
#include "register/book.h"

enum vl_stage {
	VL_STAGE_REGISTERED, VL_STAGE_REVIEWED, VL_STAGE_STARTED,
	VL_STAGE_COMPLETED, VL_STAGE_ACCEPTED
};
/* their names, in that order, NULL-terminated */
extern const char *const vl_project_stages[];

struct vl_milestones {		/* VL_NODATE when not reached */
	vl_date reviewed;	/* first passed review */
	vl_date started, completed;	/* first progress entries */
	vl_date accepted;	/* first passed acceptance */
};

/* The dates project i of b reached each step, from a book loaded with
 * progress and inspections (as of a day). */
void vl_project_milestones(const struct vl_book *b, size_t i,
    struct vl_milestones *m);
/* The furthest step there is evidence of; m (may be NULL) gets the
 * dates. */
enum vl_stage vl_project_stage(const struct vl_book *b, size_t i,
    struct vl_milestones *m);
/* Is in an open finding: a failed inspection not closed (as of the
 * book's day: a closing dated later is not there yet)? */
bool vl_finding_open(const struct vl_inspection *in);
/* An open finding past its due date on day (due that day: not yet). */
bool vl_finding_late(const struct vl_inspection *in, vl_date day);
/* 0, or -1 for a name not in vl_project_stages */
int vl_stage_parse(const char *s, enum vl_stage *st);

#endif
