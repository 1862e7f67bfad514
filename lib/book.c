/*
 * book.c - a register loaded for reading: the plan, the projects, each
 * project's progress and the inspections, as of a day.
 */
#include <stdlib.h>
#include <string.h>

#include "vl.h"

struct loader {
	struct vl_book *b;
	const char *display;
	vl_date as_of;
	bool bad;
};

static vl_date
date_or_none(const char *s)
{
	vl_date d = VL_NODATE;
	const char *why;

	if (*s)
		vl_date_parse(s, &d, &why);
	return d;
}

/* Records dated after the day asked for are not there yet. */
static bool
later(const struct loader *l, const struct vl_record *r)
{
	return l->as_of != VL_NODATE && date_or_none(vl_field(r, "date")) >
	    l->as_of;
}

static int
on_project(const struct vl_record *r, void *ctx)
{
	struct loader *l = ctx;
	struct vl_projects *ps = &l->b->projects;
	struct vl_project p = {0};
	const char *why;

	if (vl_check_record(&vl_projects_spec, r, NULL, NULL) != 0)
		return 0;
	if (vl_projects_find(ps, vl_field(r, "id"))) {
		vl_errat(r->file, r->line, "id", "duplicate project \"%s\"",
		    vl_field(r, "id"));
		return 0;
	}
	p.id = vl_xstrdup(vl_field(r, "id"));
	p.town = vl_xstrdup(vl_field(r, "town"));
	p.village = vl_xstrdup(vl_field(r, "village"));
	p.leader = vl_xstrdup(vl_field(r, "leader"));
	p.specialist = vl_xstrdup(vl_field(r, "specialist"));
	p.mode = vl_xstrdup(vl_field(r, "mode"));
	p.area = vl_xstrdup(vl_field(r, "area"));
	vl_money_parse(vl_field(r, "budget"), &p.budget, &why);
	p.start_by = date_or_none(vl_field(r, "start_by"));
	p.complete_by = date_or_none(vl_field(r, "complete_by"));
	if (p.start_by == VL_NODATE)
		p.start_by = l->b->plan.start_by;
	if (p.complete_by == VL_NODATE)
		p.complete_by = l->b->plan.complete_by;
	p.line = r->line;
	vl_projects_add(ps, &p);
	return 0;
}

static int
on_progress(const struct vl_record *r, void *ctx)
{
	struct loader *l = ctx;
	struct vl_progress_state *s;
	vl_date d;
	long i;

	if (vl_check_record(&vl_progress_spec, r, &l->b->projects, NULL) ||
	    later(l, r))
		return 0;
	i = vl_projects_index(&l->b->projects, vl_field(r, "project"));
	s = &l->b->progress[i];
	d = date_or_none(vl_field(r, "date"));
	if (strcmp(vl_field(r, "stage"), "started") == 0) {
		if (s->started == VL_NODATE || d < s->started)
			s->started = d;
	} else if (s->completed == VL_NODATE || d < s->completed) {
		s->completed = d;
	}
	return 0;
}

static char *
dup_field(const struct vl_record *r, const char *name)
{
	return vl_xstrdup(vl_field(r, name));
}

static int
on_inspection(const struct vl_record *r, void *ctx)
{
	struct loader *l = ctx;
	struct vl_book *b = l->b;
	struct vl_inspection *in;

	if (vl_check_record(&vl_inspections_spec, r, &b->projects, NULL) ||
	    later(l, r))
		return 0;
	if ((b->ninsp & (b->ninsp - 1)) == 0)	/* 0, 1, 2, 4...: grow */
		b->insp = vl_xrealloc(b->insp, (b->ninsp ? 2 * b->ninsp : 1) *
		    sizeof *b->insp);
	in = &b->insp[b->ninsp++];
	in->id = dup_field(r, "id");
	in->project = dup_field(r, "project");
	in->phase = dup_field(r, "phase");
	in->aspect = dup_field(r, "aspect");
	in->result = dup_field(r, "result");
	in->finding = dup_field(r, "finding");
	in->inspector = dup_field(r, "inspector");
	in->date = date_or_none(vl_field(r, "date"));
	in->due = date_or_none(vl_field(r, "due"));
	in->closed = date_or_none(vl_field(r, "closed"));
	/* a closing dated after the day asked for has not happened yet */
	if (l->as_of != VL_NODATE && in->closed != VL_NODATE &&
	    in->closed > l->as_of)
		in->closed = VL_NODATE;
	in->line = r->line;
	return 0;
}

const char *
vl_book_display(const struct vl_book *b, const char *name)
{
	return vl_reg_display(&b->reg, name);
}

static int
read_file(struct loader *l, const struct vl_filespec *s, vl_record_fn fn,
    bool must_exist)
{
	struct vl_csv_opts opts = {NULL, NULL, NULL};
	char *path = vl_reg_path(&l->b->reg, s->file), *display;
	long before = vl_error_count();
	int status = VL_OK;

	opts.required = vl_spec_required(s);
	display = vl_xstrdup(vl_book_display(l->b, s->file));
	if (must_exist || vl_reg_exists(&l->b->reg, s->file))
		status = vl_csv_read(path, display, &opts, fn, l);
	free(path);
	free(display);
	if (status == VL_OK && vl_error_count() > before)
		status = VL_BADINPUT;
	return status;
}

static int
worst(int a, int b)
{
	return a == VL_SYSFAULT || b == VL_SYSFAULT ? VL_SYSFAULT :
	    a > b ? a : b;
}

int
vl_book_load(struct vl_book *b, const char *dir, int what, vl_date as_of)
{
	struct loader l = {b, NULL, as_of, false};
	int status = VL_OK;
	char *path;
	size_t i;

	memset(b, 0, sizeof *b);
	vl_reg_open(&b->reg, dir);
	if (!vl_reg_exists(&b->reg, "plan.json")) {
		vl_errat(dir, 0, NULL, "not a vl register (no plan.json); "
		    "start one with vl-add init");
		return VL_BADINPUT;
	}
	path = vl_reg_path(&b->reg, "plan.json");
	status = vl_plan_load(path, vl_book_display(b, "plan.json"), &b->plan);
	free(path);
	if (status != VL_OK || what == VL_LOAD_PLAN)
		return status;
	status = read_file(&l, &vl_projects_spec, on_project, true);
	b->progress = vl_xcalloc(b->projects.n, sizeof *b->progress);
	for (i = 0; i < b->projects.n; i++)
		b->progress[i].started = b->progress[i].completed = VL_NODATE;
	if (what & VL_LOAD_PROGRESS)
		status = worst(status, read_file(&l, &vl_progress_spec,
		    on_progress, false));
	if (what & VL_LOAD_INSPECTIONS)
		status = worst(status, read_file(&l, &vl_inspections_spec,
		    on_inspection, false));
	return status;
}

void
vl_book_free(struct vl_book *b)
{
	size_t i;

	for (i = 0; i < b->ninsp; i++) {
		struct vl_inspection *in = &b->insp[i];

		free(in->id), free(in->project), free(in->phase);
		free(in->aspect), free(in->result), free(in->finding);
		free(in->inspector);
	}
	free(b->insp);
	free(b->progress);
	vl_projects_free(&b->projects);
	vl_plan_free(&b->plan);
	vl_reg_close(&b->reg);
	memset(b, 0, sizeof *b);
}
