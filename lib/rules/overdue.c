/*
 * overdue.c - the daily overdue list of SPEC 4, as of a day.
 *
 * Each rule is independent: a project that never started is also
 * not-completed once its complete_by has passed.  An item due on the
 * day itself is not late yet.  The book is loaded as of the same day,
 * so progress, inspections and closings dated later do not exist here.
 */
#define _GNU_SOURCE		/* qsort_r (glibc; POSIX.1-2024 has it too) */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/strbuf.h"
#include "rules/overdue.h"
#include "rules/stage.h"

struct collect {
	const struct vl_book *b;
	vl_date as_of;
	long within;		/* < 0: nothing coming due */
	const long *project_of;	/* per inspection: its project, or -1 */
	struct vl_overdue *v;
	size_t n, cap;
};

const char *const vl_overdue_kinds[] = {
	"not-started", "milestone", "rectification", "not-completed",
	"not-accepted",
	"started-before-review", "missing-leader", "missing-specialist", "task",
	NULL
};
const char *const vl_overdue_statuses[] = {"late", "due-soon", "flag", NULL};

const char *
vl_overdue_kind_name(enum vl_overdue_kind k)
{
	return vl_overdue_kinds[k];
}

const char *
vl_overdue_status_name(enum vl_overdue_status s)
{
	return vl_overdue_statuses[s];
}

bool
vl_overdue_actionable(const struct vl_overdue *o)
{
	return o->status == VL_OD_LATE || o->kind == VL_OD_MISSING_LEADER ||
	    o->kind == VL_OD_MISSING_SPECIALIST;
}

static struct vl_overdue *
push(struct collect *c, enum vl_overdue_kind kind, size_t project)
{
	struct vl_overdue *o;

	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 64;
		c->v = vl_xrealloc(c->v, c->cap * sizeof *c->v);
	}
	o = &c->v[c->n++];
	memset(o, 0, sizeof *o);
	o->kind = kind;
	o->status = VL_OD_FLAG;
	o->project = &c->b->projects.v[project];
	o->due = VL_NODATE;
	o->started = c->b->progress[project].started;
	o->completed = c->b->progress[project].completed;
	return o;
}

/* A dated item: listed when late, or when it comes due within the
 * window asked for; NULL when it is not listed. */
static struct vl_overdue *
dated(struct collect *c, enum vl_overdue_kind kind, size_t project,
    vl_date due)
{
	long late = (long)c->as_of - (long)due;
	struct vl_overdue *o;

	if (late <= 0 && (c->within < 0 || -late > c->within))
		return NULL;
	o = push(c, kind, project);
	o->due = due;
	o->days_late = late;
	o->status = late > 0 ? VL_OD_LATE : VL_OD_DUE_SOON;
	return o;
}

static bool
blank(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return *s == '\0';
}

/* A task not done by the day is due like any dated item; its owner is
 * the person who must act. */
static void
tasks(struct collect *c)
{
	long late;
	struct vl_overdue *o;
	size_t i;

	for (i = 0; i < c->b->ntasks; i++) {
		const struct vl_task *t = &c->b->tasks[i];

		late = (long)c->as_of - (long)t->due;
		if (!vl_book_task_kept(c->b, i) || t->done != VL_NODATE ||
		    (late <= 0 && (c->within < 0 || -late > c->within)))
			continue;
		if (c->n == c->cap) {
			c->cap = c->cap ? 2 * c->cap : 64;
			c->v = vl_xrealloc(c->v, c->cap * sizeof *c->v);
		}
		o = &c->v[c->n++];
		*o = (struct vl_overdue){.kind = VL_OD_TASK, .task = t,
		    .due = t->due, .days_late = late, .status = late > 0 ?
		    VL_OD_LATE : VL_OD_DUE_SOON, .started = VL_NODATE,
		    .completed = VL_NODATE, .reviewed = VL_NODATE};
	}
}

/* Each milestone of the plan with a due date, not reached by a project
 * not completed: due like any dated item. */
static void
milestones(struct collect *c, size_t i)
{
	const struct vl_plan *plan = &c->b->plan;
	const struct vl_progress_state *s = &c->b->progress[i];
	struct vl_overdue *o;
	size_t k;

	for (k = 0; k < plan->nmilestones && s->completed == VL_NODATE; k++)
		if (plan->milestones[k].due != VL_NODATE &&
		    s->milestone[k] == VL_NODATE && (o = dated(c,
		    VL_OD_MILESTONE, i, plan->milestones[k].due))) {
			o->milestone = (int)k;
			o->stage = plan->milestones[k].name;
		}
}

static void
project_rules(struct collect *c, size_t i)
{
	const struct vl_project *p = &c->b->projects.v[i];
	const struct vl_progress_state *s = &c->b->progress[i];
	struct vl_milestones m;
	struct vl_overdue *o;

	vl_project_milestones(c->b, i, &m);	/* its first passes */
	if (s->started == VL_NODATE)
		dated(c, VL_OD_NOT_STARTED, i, p->start_by);
	if (s->completed == VL_NODATE)
		dated(c, VL_OD_NOT_COMPLETED, i, p->complete_by);
	else if (m.accepted == VL_NODATE)
		/* the plan's accept_within days after the first completion */
		dated(c, VL_OD_NOT_ACCEPTED, i, s->completed +
		    (vl_date)c->b->plan.accept_within);
	if (s->started != VL_NODATE && (m.reviewed == VL_NODATE ||
	    s->started < m.reviewed)) {
		o = push(c, VL_OD_STARTED_BEFORE_REVIEW, i);
		o->reviewed = m.reviewed;
	}
	milestones(c, i);
	if (blank(p->leader))
		push(c, VL_OD_MISSING_LEADER, i);
	if (blank(p->specialist))
		push(c, VL_OD_MISSING_SPECIALIST, i);
}

/* A failed inspection opens a finding until it is closed. */
static void
rectifications(struct collect *c)
{
	struct vl_overdue *o;
	size_t i;
	long p;

	for (i = 0; i < c->b->ninsp; i++) {
		const struct vl_inspection *in = &c->b->insp[i];

		if (!vl_finding_open(in) || in->due == VL_NODATE)
			continue;
		if ((p = c->project_of[i]) < 0 || !vl_book_kept(c->b,
		    (size_t)p))
			continue;
		if ((o = dated(c, VL_OD_RECTIFICATION, (size_t)p, in->due)))
			o->insp = in;
	}
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Ids in natural order: digit runs compare as numbers (P2 < P10). */
static int
id_cmp(const char *a, const char *b)
{
	size_t na, nb, i;
	int d;

	/* the usual case, ids of one form (P000123, P000456): digit runs of
	 * one length at the same places compare as numbers as they do as
	 * text */
	for (i = 0; a[i] && b[i] && is_digit(a[i]) == is_digit(b[i]); i++)
		;
	if (!a[i] && !b[i])
		return strcmp(a, b);
	while (*a && *b) {
		if (*a >= '0' && *a <= '9' && *b >= '0' && *b <= '9') {
			a += strspn(a, "0"), b += strspn(b, "0");
			na = strspn(a, "0123456789");
			nb = strspn(b, "0123456789");
			if (na != nb)
				return na < nb ? -1 : 1;
			if ((d = strncmp(a, b, na)) != 0)
				return d;
			a += na, b += nb;
			continue;
		}
		if (*a != *b)
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		a++, b++;
	}
	if (*a || *b)
		return *a ? 1 : -1;
	return 0;
}

/* What an item is sorted by first, side by side: a comparison reads
 * these, and the item itself only when they are equal (one project's
 * items; any two projects' when the ids are not numbered alike). */
struct key {		/* 24 bytes: a national list sorts 450 000 */
	uint64_t number;	/* the project id's, when the ids are numbered
				 * alike (a task's: after them all); else 0 */
	int32_t days_late;	/* a difference of two vl_dates */
	uint32_t i;		/* the item: 2^32 of 72 bytes is past any
				 * memory */
	uint8_t flag, kind;
};

/* a rectification's inspection id, a task's id, or NULL */
static const char *
item_id(const struct vl_overdue *o)
{
	return o->insp ? o->insp->id : o->task ? o->task->id : NULL;
}

/* the same day's items, by project id, kind, inspection id, line */
static int
by_item(const struct vl_overdue *a, const struct vl_overdue *b)
{
	long la, lb;
	int d;

	if (!a->project || !b->project) {	/* a task: after the projects */
		if (a->project || b->project)
			return a->project ? -1 : 1;
		return id_cmp(item_id(a), item_id(b));
	}
	if (a->project != b->project &&	/* one project, one id */
	    ((d = id_cmp(a->project->id, b->project->id)) != 0 ||
	    (d = strcmp(a->project->id, b->project->id)) != 0))
		return d;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (a->insp && b->insp && (d = id_cmp(a->insp->id, b->insp->id)) != 0)
		return d;
	/* an inspection's line; a milestone's place in the plan */
	la = a->insp ? a->insp->line : a->milestone;
	lb = b->insp ? b->insp->line : b->milestone;
	return la < lb ? -1 : la > lb;
}

static int
by_urgency(const void *pa, const void *pb, void *items)
{
	const struct key *a = pa, *b = pb;
	const struct vl_overdue *v = items;

	if (a->flag != b->flag)
		return a->flag ? 1 : -1;
	if (a->days_late != b->days_late)
		return a->days_late > b->days_late ? -1 : 1;
	/* ids numbered alike by their numbers: no id read (each a miss in
	 * the cache, two a comparison, twenty comparisons an item) */
	if (a->number != b->number)
		return a->number < b->number ? -1 : 1;
	return by_item(&v[a->i], &v[b->i]);
}

/* Keys of a list this long and more are made and sorted in two halves
 * by two threads, then merged. */
#define MANY 65536

/* One thread's half of the keys, [from, to): made, then sorted. */
struct keys_half {
	const struct vl_projects *ps;
	const struct vl_overdue *v;
	struct key *k;
	size_t from, to;
	bool numbered;	/* every project's id numbered alike */
};

static void *
make_keys(void *arg)
{
	struct keys_half *h = arg;
	size_t i;

	h->numbered = true;
	for (i = h->from; i < h->to; i++) {
		const struct vl_overdue *o = &h->v[i];

		h->k[i] = (struct key){o->project ? 0 : UINT64_MAX,
		    (int32_t)o->days_late, (uint32_t)i,
		    o->status == VL_OD_FLAG, (uint8_t)o->kind};
		if (h->numbered && o->project)
			h->numbered = vl_projects_number(h->ps, o->project->id,
			    &h->k[i].number);
	}
	return NULL;
}

static void *
sort_keys(void *arg)
{
	struct keys_half *h = arg;

	qsort_r(h->k + h->from, h->to - h->from, sizeof *h->k, by_urgency,
	    (void *)h->v);
	return NULL;
}

/* The keys, their halves sorted, merged into a list of their own (of
 * the size of the sort's own, freed before). */
static struct key *
merged(const struct keys_half h[2], size_t n)
{
	struct key *out = vl_xmalloc(n * sizeof *out);
	const struct key *k = h[0].k;
	size_t a = h[0].from, b = h[1].from, i = 0;

	while (a < h[0].to && b < h[1].to)
		out[i++] = by_urgency(&k[a], &k[b], (void *)h[0].v) <= 0 ?
		    k[a++] : k[b++];
	while (a < h[0].to)
		out[i++] = k[a++];
	while (b < h[1].to)
		out[i++] = k[b++];
	return out;
}

/* The items in order of urgency: their keys sorted, not the items (a
 * national list has hundreds of thousands), then the items put in that
 * order in place, a cycle of the permutation at a time (no second list
 * of them all: a national report's memory at its most). */
static struct vl_overdue *
sorted(const struct vl_projects *ps, struct vl_overdue *v, size_t n)
{
	struct keys_half h[2] = {{.ps = ps, .v = v, .to = n / 2},
	    {.ps = ps, .v = v, .from = n / 2, .to = n}};
	bool threads = n >= MANY && vl_threads() > 1;
	struct vl_overdue held;
	struct key *k;
	size_t i, at, from;

	if (n < 2)
		return v;
	h[0].k = h[1].k = k = vl_xcalloc(n, sizeof *k);
	vl_both(make_keys, &h[0], &h[1], threads);
	for (i = 0; !(h[0].numbered && h[1].numbered) && i < n; i++)
		k[i].number = 0;	/* by the ids themselves */
	vl_both(sort_keys, &h[0], &h[1], threads);
	k = merged(h, n);
	free(h[0].k);
	/* place i takes item k[i].i; a place filled is marked k[at].i = at */
	for (i = 0; i < n; i++) {
		if (k[i].i == i)
			continue;
		held = v[i];
		for (at = i; (from = k[at].i) != i; at = from) {
			v[at] = v[from];
			k[at].i = (uint32_t)at;
		}
		v[at] = held;
		k[at].i = (uint32_t)at;
	}
	free(k);
	return v;
}

size_t
vl_overdue_collect(const struct vl_book *b, long within,
    struct vl_overdue **list)
{
	struct collect c = {b, b->as_of, within, NULL, NULL, 0, 0};
	size_t i;

	c.project_of = b->insp_project;
	for (i = 0; i < b->projects.n; i++)
		if (vl_book_kept(b, i))
			project_rules(&c, i);
	rectifications(&c);
	tasks(&c);
	if (c.n && c.n < c.cap)	/* what doubling left over, given back */
		c.v = vl_xrealloc(c.v, c.n * sizeof *c.v);
	*list = sorted(&b->projects, c.v, c.n);
	return c.n;
}

void
vl_overdue_frow(const struct vl_overdue *o, const char *row[VL_NFC])
{
	int c;

	for (c = 0; c < VL_NFC; c++)
		row[c] = NULL;
	vl_filter_project_row(row, o->project);
	if (o->task)
		row[VL_FC_LEADER] = o->task->owner;
	row[VL_FC_KIND] = vl_overdue_kinds[o->kind];
	row[VL_FC_STATUS] = vl_overdue_statuses[o->status];
	if (o->insp) {
		row[VL_FC_INSPECTOR] = o->insp->inspector;
		row[VL_FC_PHASE] = o->insp->phase;
		row[VL_FC_ASPECT] = o->insp->aspect;
	}
}

size_t
vl_overdue_filter(struct vl_overdue *list, size_t n,
    const struct vl_filter *f)
{
	const char *row[VL_NFC];
	size_t i, k = 0;
	int c;

	for (c = 0; c < VL_FC_DISTRICT && !vl_filter_on(f, c); c++)
		;
	if (c == VL_FC_DISTRICT)	/* none on a row's columns */
		return n;
	for (i = 0; i < n; i++) {
		vl_overdue_frow(&list[i], row);
		if (vl_filter_row(f, row))
			list[k++] = list[i];
	}
	return k;
}

/* Text from a register on one line: a finding may hold line breaks. */
static void
put_oneline(struct vl_buf *buf, const char *s)
{
	for (; *s; s++)
		vl_buf_add(buf, *s == '\n' || *s == '\r' || *s == '\t' ? " " :
		    s, 1);
}

static const char *
day(vl_date d, char buf[VL_DATE_BUFSZ])
{
	return vl_date_format(d, buf);
}

void
vl_overdue_detail(const struct vl_overdue *o, struct vl_buf *buf, bool human)
{
	char d1[VL_DATE_BUFSZ], d2[VL_DATE_BUFSZ];
	const bool h = human;

	switch (o->kind) {
	case VL_OD_NOT_STARTED:
		vl_buf_puts(buf, vl_tr_if(h, "no start recorded"));
		break;
	case VL_OD_MILESTONE:
		vl_buf_printf(buf, vl_tr_if(h, "%s not reached"), h ?
		    vl_trc("stage", o->stage) : o->stage);
		break;
	case VL_OD_RECTIFICATION:
		vl_buf_printf(buf, vl_tr_if(h, "#%s %s %s: "), o->insp->id,
		    h ? vl_trc("phase", o->insp->phase) : o->insp->phase,
		    h ? vl_trc("aspect", o->insp->aspect) : o->insp->aspect);
		put_oneline(buf, o->insp->finding);
		break;
	case VL_OD_NOT_COMPLETED:
		if (o->started == VL_NODATE)
			vl_buf_puts(buf, vl_tr_if(h,
			    "not started; no completion recorded"));
		else
			vl_buf_printf(buf, vl_tr_if(h,
			    "started %s; no completion recorded"),
			    day(o->started, d1));
		break;
	case VL_OD_NOT_ACCEPTED:
		vl_buf_printf(buf, vl_tr_if(h,
		    "completed %s; no passed acceptance"),
		    day(o->completed, d1));
		break;
	case VL_OD_STARTED_BEFORE_REVIEW:
		if (o->reviewed == VL_NODATE)
			vl_buf_printf(buf, vl_tr_if(h,
			    "started %s; no passed review"),
			    day(o->started, d1));
		else
			vl_buf_printf(buf, vl_tr_if(h,
			    "started %s; review passed %s"),
			    day(o->started, d1), day(o->reviewed, d2));
		break;
	case VL_OD_MISSING_LEADER:
		vl_buf_puts(buf, vl_tr_if(h,
		    "no leader named in projects.csv"));
		break;
	case VL_OD_MISSING_SPECIALIST:
		vl_buf_puts(buf, vl_tr_if(h,
		    "no specialist named in projects.csv"));
		break;
	case VL_OD_TASK:
		vl_buf_printf(buf, vl_tr_if(h, "task %s, "), o->task->id);
		put_oneline(buf, o->task->area);
		vl_buf_puts(buf, vl_tr_if(h, ": "));	/* "：" for people */
		put_oneline(buf, o->task->title);
		break;
	}
}

void
vl_task_tally(const struct vl_book *b, size_t nb, struct vl_task_tally *t)
{
	struct vl_overdue *v;
	size_t k, i, n;

	memset(t, 0, sizeof *t);
	t->from = vl_xcalloc(nb + 1, sizeof *t->from);
	for (k = 0; k < nb; k++) {
		for (i = 0; i < b[k].ntasks; i++) {
			if (!vl_book_task_kept(&b[k], i))
				continue;
			t->tasks++;
			t->done += b[k].tasks[i].done != VL_NODATE;
		}
		/* the whole list of a book only when it has tasks: a
		 * national register's is hundreds of thousands of items */
		n = b[k].ntasks ? vl_overdue_collect(&b[k], -1, &v) : 0;
		for (i = 0; i < n; i++) {
			if (v[i].kind != VL_OD_TASK || v[i].status != VL_OD_LATE)
				continue;
			if ((t->nlate & (t->nlate - 1)) == 0)	/* 0, 1, 2, 4.. */
				t->late = vl_xrealloc(t->late, (t->nlate ?
				    2 * t->nlate : 1) * sizeof *t->late);
			t->late[t->nlate++] = v[i];
		}
		if (b[k].ntasks)
			free(v);
		t->from[k + 1] = t->nlate;
	}
}

void
vl_task_tally_free(struct vl_task_tally *t)
{
	free(t->late);
	free(t->from);
	memset(t, 0, sizeof *t);
}
