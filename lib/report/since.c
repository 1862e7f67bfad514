/*
 * since.c - what changed between two days (vl-report progress --since
 * DATE): projects started, their milestones reached, projects
 * completed, findings opened and closed, tasks done, rows voided (a
 * start, a finding or a task that counts no more: the counts it left,
 * explained), money received and spent, a row each, in order of date.  "What moved
 * since last week" in one run, not two runs and a diff.  For people
 * (table, --excel, xlsx) the kind and the detail are in their language,
 * the kind with the context "change" ("milestone" is a late one in the
 * overdue list's "kind"); CSV and JSON keep the English words.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/i18n.h"
#include "base/money.h"
#include "base/strbuf.h"
#include "register/funds.h"
#include "report/tables.h"

const char *const vl_since_kinds[] = {"started", "milestone",
    "completed", "finding-opened", "finding-closed", "received", "spent",
    "task-done", "voided", NULL};
enum { K_STARTED, K_MILESTONE, K_COMPLETED, K_OPENED, K_CLOSED, K_RECEIVED,
	K_SPENT, K_TASK_DONE, K_VOIDED };

struct event {
	vl_date date;
	int kind;
	const struct vl_project *p;	/* NULL: money of no project */
	const char *project;		/* its id as written */
	const char *owner;		/* a task's, or NULL */
	int64_t amount;
	bool has_amount;
	char *detail;			/* malloc'd */
	bool owned;			/* project malloc'd: a fund row's */
	size_t seq;			/* order found: ties keep it */
};

struct since {
	const struct vl_book *b;
	const struct vl_filter *f;
	vl_date from;		/* exclusive */
	bool human;		/* details in the reader's language */
	struct event *v;
	size_t n, cap;
};

static bool
in_range(const struct since *s, vl_date d)
{
	return d != VL_NODATE && d > s->from && d <= s->b->as_of;
}

/* one more event, when the filters pass it */
static struct event *
add_owned(struct since *s, vl_date date, int kind, const struct vl_project *p,
    const char *project, const char *owner)
{
	const char *row[VL_NFC] = {NULL};
	struct event *e;

	vl_filter_project_row(row, p);
	row[VL_FC_PROJECT] = project && *project ? project : NULL;
	if (owner)
		row[VL_FC_LEADER] = owner;
	row[VL_FC_KIND] = vl_since_kinds[kind];
	if (!vl_filter_row(s->f, row))
		return NULL;
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		s->v = vl_xrealloc(s->v, s->cap * sizeof *s->v);
	}
	e = &s->v[s->n];
	*e = (struct event){date, kind, p, project, owner, 0, false, NULL,
	    false, s->n};
	s->n++;
	return e;
}

static struct event *
add(struct since *s, vl_date date, int kind, const struct vl_project *p,
    const char *project)
{
	return add_owned(s, date, kind, p, project, NULL);
}

/* a word of vocabulary context, in the reader's language for people */
static const char *
word(const struct since *s, const char *context, const char *w)
{
	return s->human ? vl_trc(context, w) : w;
}

/* tasks done: the owner as the person, "task 3, AREA: TITLE" */
static void
tasks_done(struct since *s)
{
	const struct vl_book *b = s->b;
	struct vl_buf d = {0};
	struct event *e;
	size_t i;

	for (i = 0; i < b->ntasks; i++) {
		const struct vl_task *t = &b->tasks[i];

		if (!in_range(s, t->done) || !(e = add_owned(s, t->done,
		    K_TASK_DONE, NULL, NULL, t->owner)))
			continue;
		d = (struct vl_buf){0};
		vl_buf_printf(&d, vl_tr_if(s->human, "task %s, "), t->id);
		vl_buf_puts(&d, t->area);
		vl_buf_puts(&d, vl_tr_if(s->human, ": "));
		vl_buf_puts(&d, t->title);
		e->detail = d.data;
	}
}

static void
projects(struct since *s)
{
	const struct vl_book *b = s->b;
	struct event *e;
	size_t i, k;
	vl_date d;

	for (i = 0; i < b->projects.n; i++) {
		const struct vl_project *p = &b->projects.v[i];

		if (in_range(s, b->progress[i].started))
			add(s, b->progress[i].started, K_STARTED, p, p->id);
		for (k = 0; k < b->plan.nmilestones; k++)
			if (in_range(s, (d = b->progress[i].milestone[k])) &&
			    (e = add(s, d, K_MILESTONE, p, p->id)))
				e->detail = vl_xstrdup(word(s, "stage",
				    b->plan.milestones[k].name));
		if (in_range(s, b->progress[i].completed))
			add(s, b->progress[i].completed, K_COMPLETED, p, p->id);
	}
}

static char *
finding(const struct since *s, const struct vl_inspection *in)
{
	struct vl_buf d = {0};
	const char *c;

	vl_buf_printf(&d, vl_tr_if(s->human, "#%s %s %s: "), in->id,
	    word(s, "phase", in->phase), word(s, "aspect", in->aspect));
	for (c = in->finding; *c; c++)	/* on one line */
		vl_buf_add(&d, *c == '\n' || *c == '\r' ? " " : c, 1);
	return d.data;
}

static void
findings(struct since *s)
{
	const struct vl_book *b = s->b;
	struct event *e;
	size_t i;

	for (i = 0; i < b->ninsp; i++) {
		const struct vl_inspection *in = &b->insp[i];
		const struct vl_project *p = b->insp_project[i] < 0 ? NULL :
		    &b->projects.v[b->insp_project[i]];

		if (strcmp(in->result, "fail") != 0)
			continue;
		if (in_range(s, in->date) && (e = add(s, in->date, K_OPENED,
		    p, in->project)))
			e->detail = finding(s, in);
		if (in_range(s, in->closed) && (e = add(s, in->closed,
		    K_CLOSED, p, in->project)))
			e->detail = finding(s, in);
	}
}

/* "progress 5 (started 2023-06-02): the reason": what x was */
static char *
void_detail(const struct since *s, const struct vl_void *x)
{
	struct vl_buf d = {0};
	char day[VL_DATE_BUFSZ];

	vl_date_format(x->date, day);
	if (strcmp(x->file, "progress.csv") == 0)
		vl_buf_printf(&d, vl_tr_if(s->human, "progress %s (%s %s): %s"),
		    x->id, word(s, "stage", x->what), day, x->reason);
	else if (strcmp(x->file, "inspections.csv") == 0)
		vl_buf_printf(&d, vl_tr_if(s->human, "inspection %s (%s %s): "
		    "%s"), x->id, word(s, "phase", x->what), day, x->reason);
	else
		vl_buf_printf(&d, vl_tr_if(s->human, "task %s (%s, due %s): "
		    "%s"), x->id, x->what, day, x->reason);
	return d.data;
}

/* rows voided in the range (the book loaded with VL_LOAD_VOIDS) */
static void
voids(struct since *s)
{
	const struct vl_book *b = s->b;
	struct event *e;
	size_t i;

	for (i = 0; i < b->nvoids; i++) {
		const struct vl_void *x = &b->voids[i];
		const struct vl_project *p = x->project < 0 ? NULL :
		    &b->projects.v[x->project];

		if (in_range(s, x->voided) && (e = add(s, x->voided,
		    K_VOIDED, p, p ? p->id : NULL)))
			e->detail = void_detail(s, x);
	}
}

static int
on_fund(const struct vl_fund *f, void *ctx)
{
	struct since *s = ctx;
	struct vl_buf d = {0};
	struct event *e;
	int kind;

	if (!in_range(s, f->date) || f->kind == VL_ALLOCATION)
		return 0;
	kind = f->kind == VL_RECEIPT ? K_RECEIVED : K_SPENT;
	e = add(s, f->date, kind, vl_projects_find(&s->b->projects,
	    f->project), f->project);
	if (!e)
		return 0;
	/* the row is gone after the callback: its id is copied */
	e->project = vl_xstrdup(f->project);
	e->owned = true;
	e->amount = f->amount;
	e->has_amount = true;
	vl_buf_printf(&d, vl_tr_if(s->human, "#%s"), f->id);
	if (*f->level)
		vl_buf_printf(&d, " %s", word(s, "level", f->level));
	if (*f->source)
		vl_buf_printf(&d, " %s", word(s, "source", f->source));
	if (*f->purpose)
		vl_buf_printf(&d, " %s", word(s, "purpose", f->purpose));
	e->detail = d.data;
	return 0;
}

/* the journal's receipts and expenses; a register without one has none */
static int
money(struct since *s)
{
	char *path = vl_reg_path(&s->b->reg, "funds.csv");
	struct vl_journal j = {path, vl_book_display(s->b, "funds.csv"),
	    s->b->as_of, s->b->encoding, true, &s->b->plan};
	int status = VL_OK;

	if (vl_reg_exists(&s->b->reg, "funds.csv"))
		status = vl_fund_read(&j, on_fund, s, NULL);
	free(path);
	return status;
}

static int
by_date(const void *pa, const void *pb)
{
	const struct event *a = pa, *b = pb;

	if (a->date != b->date)
		return a->date < b->date ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static const struct vl_col since_cols[] = {
	{"date", VL_COL_DATE}, {"kind", VL_COL_TEXT},
	{"project", VL_COL_TEXT}, {"town", VL_COL_TEXT},
	{"village", VL_COL_TEXT}, {"leader", VL_COL_TEXT},
	{"specialist", VL_COL_TEXT}, {"amount", VL_COL_MONEY},
	{"detail", VL_COL_TEXT}
};
#define NSINCE_COLS (sizeof since_cols / sizeof since_cols[0])

static void
event_row(struct vl_out *out, const struct since *s, const struct event *e)
{
	char d[VL_DATE_BUFSZ], m[VL_MONEY_BUFSZ];
	const struct vl_project *p = e->p;
	const char *v[NSINCE_COLS] = {vl_date_format(e->date, d),
	    word(s, "change", vl_since_kinds[e->kind]), e->project,
	    p ? p->town : NULL,
	    p ? p->village : NULL, p ? p->leader : e->owner,
	    p ? p->specialist : NULL,
	    e->has_amount ? vl_money_format(e->amount, m) : NULL,
	    e->detail};

	vl_out_row(out, v);
}

/* s's events, in order of date; VL_OK, or a bad row of the journal
 * said (then nothing is written) */
static int
collect(struct since *s)
{
	int status;

	projects(s);
	findings(s);
	tasks_done(s);
	voids(s);
	status = money(s);
	qsort(s->v, s->n, sizeof *s->v, by_date);
	return status;
}

static void
since_free(struct since *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		free(s->v[i].detail);
		if (s->v[i].owned)
			free((char *)s->v[i].project);
	}
	free(s->v);
}

int
vl_report_since(const struct vl_book *b, const struct vl_outopts *o,
    vl_date since, const struct vl_filter *f)
{
	struct since s = {b, f, since, vl_out_human(o), NULL, 0, 0};
	struct vl_out *out;
	int status = collect(&s);
	size_t i;

	if (status == VL_OK) {
		out = vl_out_report(o, "变化", b->as_of, NSINCE_COLS,
		    since_cols);
		for (i = 0; i < s.n; i++)
			event_row(out, &s, &s.v[i]);
		status = vl_out_close(out);
	}
	since_free(&s);
	return status;
}

/* district by district, each in order of date */
int
vl_rollup_report_since(const struct vl_rollup *r, const struct vl_outopts *o,
    vl_date since, const struct vl_filter *f)
{
	struct since *s = vl_xcalloc(r->n + 1, sizeof *s);
	struct vl_outopts own = vl_outopts_by_district(o);
	struct vl_out *out;
	int status = VL_OK, st;
	size_t i, k;

	for (i = 0; i < r->n; i++) {
		s[i] = (struct since){&r->book[i], f, since, vl_out_human(o),
		    NULL, 0, 0};
		if ((st = collect(&s[i])) != VL_OK && status != VL_SYSFAULT)
			status = st;
	}
	if (status == VL_OK) {
		out = vl_out_report(&own, "变化", r->as_of, NSINCE_COLS,
		    since_cols);
		for (i = 0; i < r->n; i++) {
			vl_out_lead(out, r->district[i]);
			for (k = 0; k < s[i].n; k++)
				event_row(out, &s[i], &s[i].v[k]);
		}
		status = vl_out_close(out);
	}
	for (i = 0; i < r->n; i++)
		since_free(&s[i]);
	free(s);
	return status;
}
