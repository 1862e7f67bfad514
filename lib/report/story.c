/*
 * story.c - a project's whole story on one screen (vl-inspect show): who
 * is responsible, its deadlines, each step and when it was reached, its
 * inspections, and the warnings a clerk must not miss.
 */
#include <stdlib.h>
#include <string.h>

#include "base/money.h"
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

static void
put_step(struct vl_buf *s, const char *name, vl_date d, bool now)
{
	char buf[VL_DATE_BUFSZ];

	vl_buf_printf(s, "  %-11s %s", name, d == VL_NODATE ? "-" :
	    vl_date_format(d, buf));
	if (now)
		vl_buf_printf(s, "%*s<- now", d == VL_NODATE ? 11 : 2, "");
	vl_buf_puts(s, "\n");
}

static void
put_head(struct vl_buf *s, const struct vl_book *b, size_t i,
    vl_date today)
{
	const struct vl_project *p = &b->projects.v[i];
	struct vl_milestones m;
	enum vl_stage st = vl_project_stage(b, i, &m);
	char money[VL_MONEY_BUFSZ], d1[VL_DATE_BUFSZ], d2[VL_DATE_BUFSZ];

	vl_buf_printf(s, "%s %s %s\n", p->id, p->town, p->village);
	vl_buf_printf(s, "leader      %s\n", *p->leader ? p->leader : "-");
	vl_buf_printf(s, "specialist  %s\n", *p->specialist ? p->specialist :
	    "-");
	vl_buf_printf(s, "budget      %s", vl_money_format(p->budget, money));
	if (*p->mode)
		vl_buf_printf(s, "  mode %s", p->mode);
	if (*p->area)
		vl_buf_printf(s, "  area %s m²", p->area);
	vl_buf_printf(s, "\ndeadlines   start by %s, complete by %s\n",
	    vl_date_format(p->start_by, d1),
	    vl_date_format(p->complete_by, d2));
	vl_buf_printf(s, "stage       %s (as of %s)\n", vl_project_stages[st],
	    vl_date_format(today, d1));
	vl_buf_printf(s, "  registered%s\n", st == VL_STAGE_REGISTERED ?
	    "              <- now" : "");
	put_step(s, "reviewed", m.reviewed, st == VL_STAGE_REVIEWED);
	put_step(s, "started", m.started, st == VL_STAGE_STARTED);
	put_step(s, "completed", m.completed, st == VL_STAGE_COMPLETED);
	put_step(s, "accepted", m.accepted, st == VL_STAGE_ACCEPTED);
}

static void
put_inspection(struct vl_buf *s, const struct vl_inspection *in,
    vl_date today)
{
	char d[VL_DATE_BUFSZ], due[VL_DATE_BUFSZ];

	vl_buf_printf(s, "  #%-5s %s  %-10s %-8s %-4s  %s\n", in->id,
	    vl_date_format(in->date, d), in->phase, in->aspect, in->result,
	    *in->inspector ? in->inspector : "-");
	if (*in->finding)
		vl_buf_printf(s, "         finding: %s\n", in->finding);
	if (strcmp(in->result, "fail") != 0)
		return;
	vl_buf_printf(s, "         due %s, ", vl_date_format(in->due, due));
	if (in->closed != VL_NODATE)
		vl_buf_printf(s, "closed %s\n", vl_date_format(in->closed, d));
	else if (vl_finding_late(in, today))
		vl_buf_printf(s, "open, %ld days overdue\n",
		    (long)(today - in->due));
	else
		vl_buf_puts(s, "open\n");
}

/* The rows voided, which count no more: still part of the story. */
static void
put_voids(struct vl_buf *s, const struct vl_book *b, size_t i)
{
	char d[VL_DATE_BUFSZ], v[VL_DATE_BUFSZ];
	size_t k, n = 0;

	for (k = 0; k < b->nvoids; k++)
		n += b->voids[k].project == (long)i;
	if (n == 0)
		return;
	vl_buf_printf(s, "voided (%zu)\n", n);
	for (k = 0; k < b->nvoids; k++) {
		const struct vl_void *x = &b->voids[k];

		if (x->project != (long)i)
			continue;
		vl_buf_printf(s, "  %-10s #%-5s %s  %-10s void %s: %s\n",
		    strcmp(x->file, "progress.csv") == 0 ? "progress" :
		    "inspection", x->id, vl_date_format(x->date, d), x->what,
		    vl_date_format(x->voided, v), x->reason);
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
		vl_buf_printf(s, "  %s", vl_overdue_kind_name(od[k].kind));
		if (od[k].status == VL_OD_LATE)
			vl_buf_printf(s, " (due %s, %ld days late)",
			    vl_date_format(od[k].due, d), od[k].days_late);
		vl_buf_puts(s, ": ");
		vl_overdue_detail(&od[k], s);
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
	const size_t *list;
	size_t k, n = vl_book_inspections(b, i, &list);

	put_head(s, b, i, b->as_of);
	vl_buf_printf(s, "inspections (%zu)\n", n);
	for (k = 0; k < n; k++)
		put_inspection(s, &b->insp[list[k]], b->as_of);
	put_voids(s, b, i);
	n = overdue_warnings(&w, b, i);
	n += vl_history_warnings(b, i, &w);
	vl_buf_printf(s, "warnings (%zu)\n%s", n, w.data ? w.data : "");
	vl_buf_free(&w);
}
