/*
 * standing.c - where the programme stands as of a day: each project's
 * stage and findings, the tallies per town, the open findings by
 * gravity, the fund rows by funding line, the starts day by day.
 *
 * vl-report's progress, funds and summary and the HTML briefing all take
 * their figures from here, so a number on the page is the number in the
 * CSV: there is one piece of arithmetic for each, never a second.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/i18n.h"
#include "base/groups.h"
#include "base/money.h"
#include "base/strbuf.h"
#include "register/schema.h"
#include "rules/standing.h"

/* ---- projects and towns ---------------------------------------------- */

struct vl_standing *
vl_standings(const struct vl_book *b)
{
	struct vl_standing *s = vl_xcalloc(b->projects.n + 1, sizeof *s);
	size_t i;
	long p;

	for (i = 0; i < b->projects.n; i++)
		s[i].stage = vl_project_stage(b, i, &s[i].m);
	for (i = 0; i < b->ninsp; i++) {
		const struct vl_inspection *in = &b->insp[i];

		if (!vl_finding_open(in) || (p = b->insp_project[i]) < 0)
			continue;
		s[p].open++;
		s[p].overdue += vl_finding_late(in, b->as_of);
	}
	return s;
}

void
vl_tally_add(struct vl_tally *t, const struct vl_standing *s)
{
	t->projects++;
	t->reviewed += s->m.reviewed != VL_NODATE;
	t->started += s->m.started != VL_NODATE;
	t->completed += s->m.completed != VL_NODATE;
	t->accepted += s->m.accepted != VL_NODATE;
	t->open += s->open;
	t->overdue += s->overdue;
}

size_t
vl_tally_towns(const struct vl_book *b, const struct vl_standing *s,
    struct vl_tally **towns, struct vl_tally *total)
{
	return vl_tally_by(b, s, VL_FC_TOWN, NULL, towns, total);
}

size_t
vl_tally_by(const struct vl_book *b, const struct vl_standing *s,
    enum vl_fcol by, const struct vl_filter *f, struct vl_tally **groups,
    struct vl_tally *total)
{
	struct vl_tally *t = vl_xcalloc(b->projects.n + 1, sizeof *t);
	struct vl_groups seen = {0};	/* a national register has tens of
					 * thousands of towns */
	const char *row[VL_NFC] = {NULL}, *key;
	size_t i, k, n = 0;

	memset(total, 0, sizeof *total);
	total->town = "total";
	for (i = 0; i < b->projects.n; i++) {
		if (!vl_book_kept(b, i) || (f && !vl_filter_project(f,
		    &b->projects.v[i])))
			continue;
		vl_filter_project_row(row, &b->projects.v[i]);
		key = row[by] ? row[by] : "";
		/* groups are kept in order of first use: k is the key's */
		vl_groups_add(&seen, key, 0, 0);
		k = (size_t)(vl_groups_find(&seen, key) - seen.v);
		if (k == n)
			t[n++].town = key;
		vl_tally_add(&t[k], &s[i]);
		vl_tally_add(total, &s[i]);
	}
	vl_groups_free(&seen);
	*groups = t;
	return n;
}

/* n of d in thousandths, rounded half up (away from zero below it), by
 * long division: any int64_t, nothing overflows; d > 0 */
static long
thousandths(int64_t n, int64_t d)
{
	int64_t q, r, pm;
	int k;

	if (n < 0)
		return n == INT64_MIN ? -thousandths(INT64_MAX, d) :
		    -thousandths(-n, d);
	/* three places and a half for the rounding: r < d, and d is kept
	 * below INT64_MAX / 20, so r * 10 never overflows */
	while (d > INT64_MAX / 20)
		n /= 10, d /= 10;
	q = n / d;
	r = n % d;
	if (q > LONG_MAX / 1000 - 1)
		return LONG_MAX;
	for (pm = q, k = 0; k < 3; k++) {
		r *= 10;
		pm = pm * 10 + r / d;
		r %= d;
	}
	return (long)(pm + (2 * r >= d));
}

long
vl_permille(long n, long d)
{
	return d <= 0 ? -1 : thousandths(n, d);
}

long
vl_permille_fen(int64_t n, int64_t d)
{
	long pm;

	if (d <= 0)
		return -1;
	pm = thousandths(n, d);
	/* money short of its mark is never shown as all of it */
	return pm == 1000 && n < d ? 999 : pm;
}

const char *
vl_share(long n, long d, char buf[VL_SHARE_BUFSZ])
{
	return vl_permille_text(vl_permille(n, d), buf);
}

const char *
vl_permille_text(long pm, char buf[VL_SHARE_BUFSZ])
{
	if (pm < 0)
		return NULL;
	snprintf(buf, VL_SHARE_BUFSZ, "%ld.%ld%%", pm / 10, pm % 10);
	return buf;
}

/* ---- open findings ----------------------------------------------------- */

const char *const vl_aspects_by_gravity[] = {"safety", "quality", "funds",
    "progress", NULL};

int
vl_aspect_rank(const char *aspect)
{
	int i;

	for (i = 0; vl_aspects_by_gravity[i] &&
	    strcmp(vl_aspects_by_gravity[i], aspect) != 0; i++)
		;
	return i;
}

int
vl_gravity_cmp(const struct vl_inspection *a, const struct vl_inspection *b)
{
	int ra = vl_aspect_rank(a->aspect), rb = vl_aspect_rank(b->aspect);

	if (ra != rb)
		return ra < rb ? -1 : 1;
	return a->due < b->due ? -1 : a->due > b->due;
}

/* What a finding is sorted by, beside it (vl_gravity_cmp's order, then
 * the line): a comparison reads no inspection (a miss in the cache
 * each) and no aspect's name. */
struct gravity {
	int rank;
	vl_date due;
	long line;
	const struct vl_inspection *in;
};

static int
by_gravity(const void *pa, const void *pb)
{
	const struct gravity *a = pa, *b = pb;

	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	if (a->due != b->due)
		return a->due < b->due ? -1 : 1;
	return a->line < b->line ? -1 : a->line > b->line;
}

void
vl_findings_collect(const struct vl_book *b, struct vl_findings *f)
{
	const struct vl_inspection *in;
	size_t i;
	bool late;
	int r;

	struct gravity *g = vl_xcalloc(b->ninsp + 1, sizeof *g);

	memset(f, 0, sizeof *f);
	for (i = 0; i < b->ninsp; i++) {
		in = &b->insp[i];
		if (!vl_finding_open(in) || b->insp_project[i] < 0 ||
		    !vl_book_kept(b, (size_t)b->insp_project[i]))
			continue;
		late = vl_finding_late(in, b->as_of);
		r = vl_aspect_rank(in->aspect);
		g[f->n++] = (struct gravity){r, in->due, in->line, in};
		f->late += late;
		f->open_by[r]++;
		f->late_by[r] += late;
	}
	qsort(g, f->n, sizeof *g, by_gravity);
	f->v = vl_xcalloc(f->n + 1, sizeof *f->v);
	for (i = 0; i < f->n; i++)
		f->v[i] = g[i].in;
	free(g);
}

void
vl_findings_free(struct vl_findings *f)
{
	free(f->v);
	f->v = NULL;
}

/* ---- funds by funding line ------------------------------------------- */

struct rows {
	struct vl_funds_row *v;
	size_t n, cap;
};

static void
row(struct rows *r, enum vl_funds_rowkind kind, const char *line,
    const char *level, const int64_t *plan, const struct vl_ledger_sums *s,
    bool remaining)
{
	struct vl_funds_row *x;

	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 16;
		r->v = vl_xrealloc(r->v, r->cap * sizeof *r->v);
	}
	x = &r->v[r->n++];
	x->kind = kind;
	x->line = line;
	x->level = level;
	x->plan = plan;
	x->sums = s;
	x->remaining = remaining;
	x->left = 0;
	if (remaining && !vl_money_sub(s->received, s->spent, &x->left))
		x->remaining = false;
}

static bool
moved(const struct vl_ledger_sums *s)
{
	return s->received || s->allocated || s->spent;
}

/* index of a level in l->levels (and in l->level), or -1 */
static long
level_at(const struct vl_ledger *l, const char *name)
{
	size_t k;

	for (k = 0; k < l->nlevels; k++)
		if (strcmp(l->levels[k], name) == 0)
			return (long)k;
	return -1;
}

/* Money the plan's lines do not account for: no level, or a level no
 * line names. */
static void
stray_rows(struct rows *r, const struct vl_book *b, const struct vl_ledger *l)
{
	size_t k, nstray = 0;

	if (!moved(&l->line[l->nlines]))
		return;
	row(r, VL_FR_STRAY, VL_FUNDS_NO_LINE, "", NULL, &l->line[l->nlines],
	    false);
	for (k = 0; k < l->nlevels; k++)
		if (vl_plan_funding_of(&b->plan, l->levels[k]) < 0 &&
		    !vl_plan_other_level(&b->plan, l->levels[k]) &&
		    moved(&l->level[k])) {
			row(r, VL_FR_STRAY_LEVEL, VL_FUNDS_NO_LINE, l->levels[k],
			    NULL, &l->level[k], false);
			nstray++;
		}
	/* the rows without a level, when they are not all of it */
	if (nstray > 0 && moved(&l->level[l->nlevels]))
		row(r, VL_FR_STRAY_LEVEL, VL_FUNDS_NO_LINE, VL_FUNDS_NO_LEVEL,
		    NULL, &l->level[l->nlevels], false);
}

/* Other funds (多方筹集), outside the total: only when the plan has a
 * level of them, so an older plan's report is as it was. */
static void
other_rows(struct rows *r, const struct vl_book *b, const struct vl_ledger *l)
{
	size_t k;

	if (!vl_plan_has_other(&b->plan))
		return;
	row(r, VL_FR_OTHER, VL_FUNDS_OTHER, "", NULL, &l->other, true);
	for (k = 0; k < l->nlevels; k++)
		if (vl_plan_other_level(&b->plan, l->levels[k]))
			row(r, VL_FR_OTHER_LEVEL, VL_FUNDS_OTHER, l->levels[k],
			    NULL, &l->level[k], true);
}

size_t
vl_funds_rows(const struct vl_book *b, const struct vl_ledger *l,
    struct vl_funds_row **list)
{
	const struct vl_ledger_sums *stray = &l->line[l->nlines];
	bool whole = stray->allocated == 0 && stray->spent == 0;
	struct rows r = {NULL, 0, 0};
	size_t i, k;
	long lv;

	for (i = 0; i < l->nlines; i++) {
		const struct vl_funding *f = &b->plan.funding[i];

		row(&r, VL_FR_LINE, f->name, "", &f->amount, &l->line[i], whole);
		for (k = 0; k < f->nlevels; k++)
			if ((lv = level_at(l, f->levels[k])) >= 0)
				row(&r, VL_FR_LEVEL, f->name, f->levels[k], NULL,
				    &l->level[lv], whole);
	}
	stray_rows(&r, b, l);
	row(&r, VL_FR_TOTAL, "total", "", &b->plan.total, &l->total, true);
	other_rows(&r, b, l);
	*list = r.v;
	return r.n;
}

int64_t
vl_kept_budget(const struct vl_book *b)
{
	int64_t sum = 0;
	size_t i;

	for (i = 0; i < b->projects.n; i++)
		if (vl_book_kept(b, i) && !vl_money_add(sum,
		    b->projects.v[i].budget, &sum))
			vl_die(VL_BADINPUT, "the budgets of the projects kept "
			    "overflow the 64-bit range of fen");
	return sum;
}

/* ---- starts day by day ------------------------------------------------- */

static void
count_from(long *cum, vl_date from, vl_date to, vl_date when)
{
	if (when == VL_NODATE || when > to)
		return;
	cum[when < from ? 0 : when - from]++;
}

long *
vl_burnup(const struct vl_book *b, const struct vl_standing *s,
    vl_date from, vl_date to, bool completed)
{
	size_t ndays = to >= from ? (size_t)(to - from) + 1 : 1, i;
	long *cum = vl_xcalloc(ndays, sizeof *cum);

	for (i = 0; i < b->projects.n; i++)
		if (vl_book_kept(b, i))
			count_from(cum, from, to, completed ?
			    s[i].m.completed : s[i].m.started);
	for (i = 1; i < ndays; i++)
		cum[i] += cum[i - 1];
	return cum;
}

/* ---- a project's history ------------------------------------------------ */

vl_date
vl_last_inspected(const struct vl_book *b, size_t i)
{
	const size_t *list;
	size_t k, n = vl_book_inspections(b, i, &list);
	vl_date last = VL_NODATE, d;

	for (k = 0; k < n; k++)
		if ((d = b->insp[list[k]].date) != VL_NODATE &&
		    (last == VL_NODATE || d > last))
			last = d;
	return last;
}

static size_t
late_step(struct vl_buf *s, const char *what, vl_date done, vl_date due)
{
	char d1[VL_DATE_BUFSZ], d2[VL_DATE_BUFSZ];

	if (done == VL_NODATE || due == VL_NODATE || done <= due)
		return 0;
	vl_buf_printf(s, vl_trn(done - due, "  %s %s, %ld day after the "
	    "deadline %s\n", "  %s %s, %ld days after the deadline %s\n"),
	    vl_trc("stage", what), vl_date_format(done, d1), (long)(done - due),
	    vl_date_format(due, d2));
	return 1;
}

/* what one inspection of project i shows against its milestones m */
static size_t
inspection_warnings(struct vl_buf *s, const struct vl_inspection *in,
    const struct vl_milestones *m)
{
	char d1[VL_DATE_BUFSZ], d2[VL_DATE_BUFSZ];
	size_t count = 0;

	if (in->closed != VL_NODATE && in->due != VL_NODATE &&
	    in->closed > in->due && ++count)
		vl_buf_printf(s, vl_trn(in->closed - in->due,
		    "  rectification #%s closed %s, %ld day after its due "
		    "date %s\n", "  rectification #%s closed %s, %ld days "
		    "after its due date %s\n"), in->id,
		    vl_date_format(in->closed, d1),
		    (long)(in->closed - in->due), vl_date_format(in->due, d2));
	if (m->accepted != VL_NODATE && vl_finding_open(in) &&
	    in->date <= m->accepted && ++count)
		vl_buf_printf(s, vl_tr("  accepted %s while rectification #%s "
		    "of %s is open\n"), vl_date_format(m->accepted, d1), in->id,
		    vl_date_format(in->date, d2));
	return count;
}

size_t
vl_history_warnings(const struct vl_book *b, size_t i, struct vl_buf *s)
{
	const struct vl_project *p = &b->projects.v[i];
	struct vl_milestones m;
	char d[VL_DATE_BUFSZ];
	const size_t *list;
	size_t k, n, count = 0;

	vl_project_milestones(b, i, &m);
	count += late_step(s, "started", m.started, p->start_by);
	count += late_step(s, "completed", m.completed, p->complete_by);
	if (m.completed != VL_NODATE && m.started == VL_NODATE && ++count)
		vl_buf_printf(s, vl_tr("  completed %s with no start "
		    "recorded\n"),
		    vl_date_format(m.completed, d));
	if (m.accepted != VL_NODATE && (m.completed == VL_NODATE ||
	    m.completed > m.accepted) && ++count)
		vl_buf_printf(s, vl_tr("  acceptance passed %s before any "
		    "completion was recorded\n"), vl_date_format(m.accepted, d));
	n = vl_book_inspections(b, i, &list);
	for (k = 0; k < n; k++)
		count += inspection_warnings(s, &b->insp[list[k]], &m);
	return count;
}
