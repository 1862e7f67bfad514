/*
 * story.c - a project's whole story on one screen (vl-inspect show): who
 * is responsible, its deadlines, each step and when it was reached, its
 * inspections, and the warnings a clerk must not miss.
 */
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/money.h"
#include "io/output.h"
#include "report/story.h"
#include "rules/overdue.h"
#include "rules/standing.h"

long
vl_story_project(const struct vl_book *b, const char *arg)
{
	long i = vl_projects_index(&b->projects, arg);
	size_t k;

	for (k = 0; i < 0 && k < b->ninsp; k++)
		if (strcmp(b->insp[k].id, arg) == 0)
			i = vl_projects_index(&b->projects, b->insp[k].project);
	for (k = 0; i < 0 && k < b->nvoids; k++)	/* a voided one too */
		if (strcmp(b->voids[k].file, "inspections.csv") == 0 &&
		    strcmp(b->voids[k].id, arg) == 0)
			i = b->voids[k].project;
	return i;
}

/* v as the story shows it (an arena's copy, when it must change): a line
 * break, a tab or another control character of a file's text as a blank,
 * so that no text makes a line, a column or a terminal's command of its
 * own */
static const char *
flat(struct vl_arena *a, const char *v)
{
	struct vl_buf b = {0};
	const char *t;

	vl_buf_terminal_safe(&b, v);
	t = strcmp(b.data, v) == 0 ? v : vl_arena_strdup(a, b.data);
	vl_buf_free(&b);
	return t;
}

/* s, then blanks to w terminal columns (CJK counting two) and one more */
static void
put_padded(struct vl_buf *b, const char *s, size_t w)
{
	size_t have = vl_text_width(s);

	vl_buf_puts(b, s);
	do
		vl_buf_puts(b, " ");
	while (have++ < w);
}

static void
put_step(struct vl_buf *s, const char *name, vl_date d, bool now)
{
	char buf[VL_DATE_BUFSZ];

	const char *label = vl_trc("stage", name);
	size_t w = vl_text_width(label);

	vl_buf_printf(s, "  %s%*s %s", label, w < 11 ? (int)(11 - w) : 0, "",
	    d == VL_NODATE ? "-" : vl_date_format(d, buf));
	if (now)
		vl_buf_printf(s, "%*s%s", d == VL_NODATE ? 11 : 2, "",
		    vl_tr("<- now"));
	vl_buf_puts(s, "\n");
}

static void
put_head(struct vl_buf *s, const struct vl_book *b, size_t i,
    vl_date today, struct vl_arena *a)
{
	const struct vl_project *p = &b->projects.v[i];
	struct vl_milestones m;
	enum vl_stage st = vl_project_stage(b, i, &m);
	char money[VL_MONEY_BUFSZ], d1[VL_DATE_BUFSZ], d2[VL_DATE_BUFSZ];
	const char *stage = vl_project_stages[st];
	size_t k, reached = 0;	/* the furthest milestone reached, + 1 */

	/* a project started is as far as the last of the plan's
	 * milestones it reached (roofed), until it completes */
	for (k = 0; st == VL_STAGE_STARTED && k < b->plan.nmilestones; k++)
		if (b->progress[i].milestone[k] != VL_NODATE)
			reached = k + 1;
	if (reached)
		stage = b->plan.milestones[reached - 1].name;

	vl_buf_printf(s, "%s %s %s\n", flat(a, p->id), flat(a, p->town),
	    flat(a, p->village));
	vl_buf_printf(s, vl_tr("leader      %s\n"), *p->leader ? flat(a,
	    p->leader) : "-");
	vl_buf_printf(s, vl_tr("specialist  %s\n"), *p->specialist ?
	    flat(a, p->specialist) : "-");
	vl_buf_printf(s, vl_tr("budget      %s"), vl_money_format(p->budget,
	    money));
	if (*p->mode)
		vl_buf_printf(s, vl_tr("  mode %s"), vl_trc("mode", p->mode));
	if (*p->area)
		vl_buf_printf(s, vl_tr("  area %s m²"), flat(a, p->area));
	vl_buf_printf(s, vl_tr("\ndeadlines   start by %s, complete by %s\n"),
	    vl_date_format(p->start_by, d1),
	    vl_date_format(p->complete_by, d2));
	vl_buf_printf(s, vl_tr("stage       %s (as of %s)\n"), vl_trc("stage",
	    stage), vl_date_format(today, d1));
	vl_buf_printf(s, "  %s", vl_trc("stage", "registered"));
	if (st == VL_STAGE_REGISTERED)
		vl_buf_printf(s, "%*s%s", (int)(24 - vl_text_width(vl_trc(
		    "stage", "registered"))), "", vl_tr("<- now"));
	vl_buf_puts(s, "\n");
	put_step(s, "reviewed", m.reviewed, st == VL_STAGE_REVIEWED);
	put_step(s, "started", m.started, st == VL_STAGE_STARTED && !reached);
	/* the plan's milestones between, each reached or not */
	for (k = 0; k < b->plan.nmilestones; k++)
		put_step(s, b->plan.milestones[k].name,
		    b->progress[i].milestone[k], k + 1 == reached);
	put_step(s, "completed", m.completed, st == VL_STAGE_COMPLETED);
	put_step(s, "accepted", m.accepted, st == VL_STAGE_ACCEPTED);
}

/* A rectification verified: when, by whom, what they found, what shows
 * it. */
static void
put_closing(struct vl_buf *s, const struct vl_inspection *in,
    struct vl_arena *a)
{
	char d[VL_DATE_BUFSZ];

	vl_date_format(in->closed, d);
	if (*in->closed_by)
		vl_buf_printf(s, vl_tr("closed %s, verified by %s\n"), d,
		    flat(a, in->closed_by));
	else
		vl_buf_printf(s, vl_tr("closed %s\n"), d);
	if (*in->close_note)
		vl_buf_printf(s, vl_tr("         rectified: %s\n"),
		    flat(a, in->close_note));
	if (*in->close_evidence)
		vl_buf_printf(s, vl_tr("         close evidence: %s\n"),
		    flat(a, in->close_evidence));
}

static void
put_inspection(struct vl_buf *s, const struct vl_inspection *in,
    vl_date today, struct vl_arena *a)
{
	char d[VL_DATE_BUFSZ], due[VL_DATE_BUFSZ];

	vl_buf_printf(s, "  #%-5s %s  ", flat(a, in->id), vl_date_format(
	    in->date, d));
	put_padded(s, vl_trc("phase", in->phase), 10);
	put_padded(s, vl_trc("aspect", in->aspect), 8);
	put_padded(s, vl_trc("result", in->result), 4);
	vl_buf_printf(s, " %s\n", *in->inspector ? flat(a, in->inspector) :
	    "-");
	if (*in->finding)
		vl_buf_printf(s, vl_tr("         finding: %s\n"), flat(a,
		    in->finding));
	if (*in->evidence)
		vl_buf_printf(s, vl_tr("         evidence: %s\n"), flat(a,
		    in->evidence));
	if (strcmp(in->result, "fail") != 0)
		return;
	vl_buf_printf(s, vl_tr("         due %s, "), vl_date_format(in->due,
	    due));
	if (in->closed != VL_NODATE)
		put_closing(s, in, a);
	else if (vl_finding_late(in, today))
		vl_buf_printf(s, vl_trn(today - in->due, "open, %ld day overdue\n",
		    "open, %ld days overdue\n"), (long)(today - in->due));
	else
		vl_buf_puts(s, vl_tr("open\n"));
}

/* The rows voided, which count no more: still part of the story. */
static void
put_voids(struct vl_buf *s, const struct vl_book *b, size_t i,
    struct vl_arena *a)
{
	char d[VL_DATE_BUFSZ], v[VL_DATE_BUFSZ];
	size_t k, n = 0;

	for (k = 0; k < b->nvoids; k++)
		n += b->voids[k].project == (long)i;
	if (n == 0)
		return;
	vl_buf_printf(s, vl_tr("voided (%zu)\n"), n);
	for (k = 0; k < b->nvoids; k++) {
		const struct vl_void *x = &b->voids[k];
		bool progress = strcmp(x->file, "progress.csv") == 0;

		if (x->project != (long)i)
			continue;
		vl_buf_puts(s, "  ");
		put_padded(s, progress ? vl_tr("progress") :
		    vl_tr("inspection"), 10);
		vl_buf_printf(s, "#%-5s %s  ", flat(a, x->id), vl_date_format(
		    x->date, d));
		put_padded(s, vl_trc(progress ? "stage" : "phase", x->what),
		    10);
		vl_buf_printf(s, vl_tr("void %s: %s\n"),
		    vl_date_format(x->voided, v), flat(a, x->reason));
	}
}

/* What a clerk must not miss today: the rules of the overdue list. */
static size_t
overdue_warnings(struct vl_buf *s, const struct vl_book *b, size_t i)
{
	struct vl_overdue *od;
	char d[VL_DATE_BUFSZ];
	size_t n = vl_overdue_collect(b, -1, &od), k, count = 0;

	for (k = 0; k < n; k++) {
		if (od[k].project != &b->projects.v[i])
			continue;
		vl_buf_printf(s, "  %s", vl_trc("kind",
		    vl_overdue_kind_name(od[k].kind)));
		if (od[k].status == VL_OD_LATE)
			vl_buf_printf(s, vl_trn(od[k].days_late,
			    " (due %s, %ld day late)", " (due %s, %ld days late)"),
			    vl_date_format(od[k].due, d), od[k].days_late);
		vl_buf_puts(s, vl_tr(": "));
		vl_overdue_detail(&od[k], s, true);
		vl_buf_puts(s, "\n");
		count++;
	}
	free(od);
	return count;
}

void
vl_story(const struct vl_book *b, size_t i, struct vl_buf *s)
{
	struct vl_buf w = {0};
	struct vl_arena a = {0};	/* the texts made flat() */
	const size_t *list;
	size_t k, n = vl_book_inspections(b, i, &list);

	put_head(s, b, i, b->as_of, &a);
	vl_buf_printf(s, vl_tr("inspections (%zu)\n"), n);
	for (k = 0; k < n; k++)
		put_inspection(s, &b->insp[list[k]], b->as_of, &a);
	put_voids(s, b, i, &a);
	n = overdue_warnings(&w, b, i);
	n += vl_history_warnings(b, i, &w);
	vl_buf_printf(s, vl_tr("warnings (%zu)\n"), n);
	vl_buf_puts(s, w.data ? w.data : "");
	vl_buf_free(&w);
	vl_arena_free(&a);
}
