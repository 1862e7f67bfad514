/*
 * stage.c - where a project stands: registered, reviewed, started,
 * completed, accepted.
 *
 * The stage is derived, never stored: from the progress journal and the
 * inspections of a book loaded as of a day.  A project stands at the
 * furthest step there is evidence of, so a start without a passed review
 * is "started" (the missing review is a warning, not a stage), and an
 * acceptance that failed accepts nothing.
 */
#include <string.h>

#include "rules/stage.h"

const char *const vl_project_stages[] = {"registered", "reviewed",
    "started", "completed", "accepted", NULL};

void
vl_project_milestones(const struct vl_book *b, size_t i,
    struct vl_milestones *m)
{
	m->reviewed = b->passes ? b->passes[i].reviewed : VL_NODATE;
	m->accepted = b->passes ? b->passes[i].accepted : VL_NODATE;
	m->started = b->progress ? b->progress[i].started : VL_NODATE;
	m->completed = b->progress ? b->progress[i].completed : VL_NODATE;
}

bool
vl_finding_open(const struct vl_inspection *in)
{
	return strcmp(in->result, "fail") == 0 && in->closed == VL_NODATE;
}

bool
vl_finding_late(const struct vl_inspection *in, vl_date day)
{
	return vl_finding_open(in) && in->due != VL_NODATE && in->due < day;
}

enum vl_stage
vl_project_stage(const struct vl_book *b, size_t i, struct vl_milestones *m)
{
	struct vl_milestones own;

	if (!m)
		m = &own;
	vl_project_milestones(b, i, m);
	if (m->accepted != VL_NODATE)
		return VL_STAGE_ACCEPTED;
	if (m->completed != VL_NODATE)
		return VL_STAGE_COMPLETED;
	if (m->started != VL_NODATE)
		return VL_STAGE_STARTED;
	if (m->reviewed != VL_NODATE)
		return VL_STAGE_REVIEWED;
	return VL_STAGE_REGISTERED;
}

int
vl_stage_parse(const char *s, enum vl_stage *st)
{
	int i;

	for (i = 0; vl_project_stages[i]; i++)
		if (strcmp(vl_project_stages[i], s) == 0) {
			*st = (enum vl_stage)i;
			return 0;
		}
	return -1;
}
