/*
 * plan.h - plan.json, loaded strictly with jansson: the programme's
 * deadlines, its total, its funding lines and the purposes money may be
 * spent on.
 */
#ifndef VL_PLAN_H
#define VL_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/date.h"

struct vl_funding {
	char *name;
	char **levels;
	size_t nlevels;
	int64_t amount;
};

/* a stage between started and completed (SPEC 7) */
struct vl_milestone {
	char *name;
	vl_date due;		/* VL_NODATE: none */
};

/* the most words a plan's list may hold */
#define VL_PLAN_WORDS_MAX 32

struct vl_plan {
	char *name;
	long villages;
	vl_date start_by, complete_by;
	int64_t total;
	struct vl_funding *funding;
	size_t nfunding;
	char **purposes;
	size_t npurposes;
	char *district;		/* the register's own name; NULL: not given */
	long district_line;	/* its line in plan.json, or 0 */
	/* The words the plan defines, each list NULL-terminated; NULL when
	 * not given (the schema's own lists stand).  A level of levels in
	 * no funding line is "other funds" (多方筹集). */
	char **levels, **sources, **aspects;
	size_t nlevels, nsources, naspects;
	/* the stages between started and completed, in order; stages:
	 * started, each milestone, completed (NULL: no milestones) */
	struct vl_milestone *milestones;
	size_t nmilestones;
	char **stages;
	long accept_within;	/* days from completion to acceptance (30) */
	bool of_districts;	/* a city's: each project is a district, its
				 * id the district's name */
	/* still the template vl-add init writes (a name "请填写…", a
	 * deadline 2099-12-31): readable, but no record is added to it */
	bool placeholder;
};

/* load and validate (complete_by after start_by, villages >= 1, a
 * positive total, unless still the template); errors are reported with
 * line and column.
 * Returns VL_OK, VL_BADINPUT or VL_SYSFAULT. */
int vl_plan_load(const char *path, const char *display, struct vl_plan *p);
/* A plan's text as a tool reads and keeps it: its BOM left out, GB18030
 * (Notepad's "ANSI" on a Chinese Windows) converted to UTF-8; an
 * undecodable byte an error with its line and offset (VL_BADINPUT) */
struct vl_buf;
int vl_plan_text(struct vl_buf *b, const char *display);
/* the same on a plan's bytes; a leading UTF-8 BOM is skipped, GB18030
 * read as vl_plan_text reads it */
int vl_plan_load_mem(const char *buf, size_t len, const char *display,
    struct vl_plan *p);
void vl_plan_free(struct vl_plan *p);
bool vl_plan_has_purpose(const struct vl_plan *p, const char *purpose);
/* index of the funding line a level belongs to, or -1 */
int vl_plan_funding_of(const struct vl_plan *p, const char *level);
/* Is level one of the plan's own levels that no funding line names:
 * money of other funds (多方筹集), outside the reconciliation?  Never
 * when the plan gives no levels. */
bool vl_plan_other_level(const struct vl_plan *p, const char *level);
/* has the plan a level of other funds at all? */
bool vl_plan_has_other(const struct vl_plan *p);
/* Is name the word a roll-up's reports name their totals row by ("total"
 * in any case, "合计")?  A district so named could not be told from the
 * total: a roll-up refuses it, vl-add init too, vl-add warns of it. */
bool vl_plan_total_name(const char *name);
/* index of a milestone in the plan, or -1 */
int vl_plan_milestone(const struct vl_plan *p, const char *name);

#endif
