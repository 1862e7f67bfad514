/*
 * standing.h - where the programme stands as of a day: each project's
 * stage and findings, the tallies per town, the open findings by
 * gravity, the fund rows by funding line, the starts day by day.  The
 * reports of every format take their figures from here.
 */
#ifndef VL_STANDING_H
#define VL_STANDING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/date.h"
#include "base/strbuf.h"
#include "register/book.h"
#include "rules/filter.h"
#include "rules/ledger.h"
#include "rules/stage.h"

/* One project as of a day: its stage and step dates, its findings. */
struct vl_standing {
	enum vl_stage stage;
	struct vl_milestones m;
	long open, overdue;	/* findings not closed; of them past due */
};
/* Every project of a book loaded with progress and inspections, as of
 * its day; malloc'd, projects.n of them (free it). */
struct vl_standing *vl_standings(const struct vl_book *b);

/* Projects counted: how many reached each step, their findings. */
struct vl_tally {
	const char *town;	/* the town, or the group's key (a leader,
				 * a specialist): into the book; "total" */
	long projects, reviewed, started, completed, accepted, open, overdue;
};
void vl_tally_add(struct vl_tally *t, const struct vl_standing *s);
/* Per town in the order towns first appear in projects.csv (*towns is
 * malloc'd: free it), and all projects in *total.  Returns how many
 * towns. */
size_t vl_tally_towns(const struct vl_book *b, const struct vl_standing *s,
    struct vl_tally **towns, struct vl_tally *total);
/* The same per the value of column by (town, leader, specialist) of the
 * projects f passes (f may be NULL: all), in order of first appearance;
 * the total of those projects only. */
size_t vl_tally_by(const struct vl_book *b, const struct vl_standing *s,
    enum vl_fcol by, const struct vl_filter *f, struct vl_tally **groups,
    struct vl_tally *total);

#define VL_SHARE_BUFSZ 32
/* n of d in tenths of a percent, rounded half up, in integer arithmetic
 * (46 of 50: 920; 2 of 3: 667); -1 when d <= 0 */
long vl_permille(long n, long d);
/* the same for amounts of money in fen, any int64_t, no float on the
 * way, except that a sum short of d is never 1000 (99.98% is 999: the
 * money is not all there); a share too large for a long is LONG_MAX */
long vl_permille_fen(int64_t n, int64_t d);
/* the same as text: "92.0%"; NULL when d <= 0 */
const char *vl_share(long n, long d, char buf[VL_SHARE_BUFSZ]);
/* tenths of a percent pm as that text; NULL when pm < 0 (none) */
const char *vl_permille_text(long pm, char buf[VL_SHARE_BUFSZ]);

/* aspects of inspection, gravest first: safety, quality, funds, progress
 * (进度服从质量、平安高于一切); NULL-terminated */
extern const char *const vl_aspects_by_gravity[];
#define VL_NGRAVITY 4
/* index in vl_aspects_by_gravity; VL_NGRAVITY for any other */
int vl_aspect_rank(const char *aspect);
/* the order of open findings, line aside: the graver aspect first, then
 * the earlier due date (<0, 0, >0 as strcmp) */
int vl_gravity_cmp(const struct vl_inspection *a,
    const struct vl_inspection *b);

/* The open findings (failed inspections of known projects, not closed
 * as of the day), gravest aspect first, then by due date and line. */
struct vl_findings {
	const struct vl_inspection **v;	/* into the book */
	size_t n;
	long late;			/* past due */
	long open_by[VL_NGRAVITY + 1];	/* by vl_aspect_rank */
	long late_by[VL_NGRAVITY + 1];
};
void vl_findings_collect(const struct vl_book *b, struct vl_findings *f);
void vl_findings_free(struct vl_findings *f);

/* The rows of the funds report: per funding line of the plan, then per
 * level of it; then money no line accounts for; then the total; then
 * other funds, outside the total.  Nothing is apportioned. */
enum vl_funds_rowkind {
	VL_FR_LINE,		/* a funding line of the plan */
	VL_FR_LEVEL,		/* a level of the line before */
	VL_FR_STRAY,		/* no level, or a level no line names */
	VL_FR_STRAY_LEVEL,	/* the same by level */
	VL_FR_TOTAL,
	/* after the total, when the plan has levels of other funds
	 * (多方筹集): their sums, then each such level's */
	VL_FR_OTHER, VL_FR_OTHER_LEVEL
};
#define VL_FUNDS_NO_LINE "(no line)"
#define VL_FUNDS_OTHER "(other funds)"
#define VL_FUNDS_NO_LEVEL "(none)"
struct vl_funds_row {
	enum vl_funds_rowkind kind;
	const char *line;	/* the line's name, VL_FUNDS_NO_LINE, "total" */
	const char *level;	/* "" on a line's own row */
	const int64_t *plan;	/* NULL where the plan says nothing */
	const struct vl_ledger_sums *sums;	/* into the ledger */
	bool remaining;		/* left means something on this row */
	int64_t left;		/* received - spent */
};
/* malloc'd (free it); returns how many */
size_t vl_funds_rows(const struct vl_book *b, const struct vl_ledger *l,
    struct vl_funds_row **list);
/* The budgets of the projects a narrowed book keeps (vl_filter_narrow),
 * summed: beyond the 64-bit range of fen, an error (VL_BADINPUT). */
int64_t vl_kept_budget(const struct vl_book *b);

/* The day project i was last inspected, or VL_NODATE. */
vl_date vl_last_inspected(const struct vl_book *b, size_t i);
/* What project i's history shows, a line each appended to s: steps done
 * after their deadline, a completion with no start, an acceptance before
 * any completion, a rectification closed late, an acceptance while a
 * finding was open.  Returns how many. */
/* (in the reader's language: it is for people) */
size_t vl_history_warnings(const struct vl_book *b, size_t i,
    struct vl_buf *s);

/* Projects started (completed, when completed) on or before each day
 * from..to: to - from + 1 counts, malloc'd (free it); starts before
 * from count from the first day. */
long *vl_burnup(const struct vl_book *b, const struct vl_standing *s,
    vl_date from, vl_date to, bool completed);

#endif
