/*
 * summary.c - the summary page for a meeting (vl-report summary): plain
 * text, or a workbook of the page and the reports it condenses.  Its
 * figures are those of standing.c, ledger.c and overdue.c, as the
 * briefing's and the tables' are.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/i18n.h"
#include "base/money.h"
#include "base/strbuf.h"
#include "report/summary.h"
#include "report/tables.h"
#include "rules/districts.h"
#include "rules/overdue.h"
#include "rules/standing.h"

/*
 * One page of plain text for a meeting: the programme against its
 * deadlines, the money, the open findings (safety and quality first:
 * 进度服从质量、平安高于一切) and who is late.  Written as a table of one
 * column, so --encoding applies to it as to every report.
 */
struct page {
	struct vl_buf text;	/* lines, each ending in \n, kept when out is
				 * NULL */
	const struct vl_book *b;
	vl_date today;
	struct vl_out *out;	/* else each line written as it is said */
	struct vl_col col;	/* and out's one column, the title */
	struct vl_buf line;	/* the line being said (one buffer for the
				 * 500 000 lines of a national page) */
};

static void
say(struct page *pg, const char *fmt, ...)
{
	struct vl_buf *line = &pg->line;
	va_list ap;

	fmt = vl_tr(fmt);	/* the page is for people */
	line->len = 0;
	va_start(ap, fmt);
	vl_buf_vprintf(line, fmt, ap);
	va_end(ap);
	if (pg->out) {
		vl_out_row(pg->out, (const char *const *)&line->data);
	} else {
		vl_buf_add(&pg->text, line->data, line->len);
		vl_buf_add(&pg->text, "\n", 1);
	}
}

/* Lines of the page made by r's fill, each its one value: long lists
 * (a national page's 400 000 projects late) made by two threads when the
 * page is written as it is said (vl_out_rows). */
static void
page_lines(struct page *pg, const struct vl_rows *r)
{
	const char *v[1];
	void *sc;
	size_t i;

	if (pg->out) {
		vl_out_rows(pg->out, r);
		return;
	}
	sc = vl_xcalloc(1, r->sc_size);
	for (i = 0; i < r->n; i++) {
		r->fill(r->ctx, i, v, sc);
		vl_buf_puts(&pg->text, v[0]);
		vl_buf_add(&pg->text, "\n", 1);
	}
	r->done(sc);
	free(sc);
}

/* what a thread makes a line of the page in, kept from line to line */
struct scratch {
	struct vl_buf line, what, pad, id, when, aspect;
};

static void
scratch_free(void *scratch)
{
	struct scratch *sc = scratch;

	vl_buf_free(&sc->line);
	vl_buf_free(&sc->what);
	vl_buf_free(&sc->pad);
	vl_buf_free(&sc->id);
	vl_buf_free(&sc->when);
	vl_buf_free(&sc->aspect);
}

/* s padded with blanks to w terminal columns (CJK counts two) */
static const char *
padded(const char *s, size_t w, struct vl_buf *b)
{
	size_t have = vl_text_width(s);

	b->len = 0;
	vl_buf_puts(b, s);
	while (have++ < w)
		vl_buf_add(b, " ", 1);
	return b->data;
}

static void
count_line(struct page *pg, const char *label, long n, long of)
{
	char pct[VL_SHARE_BUFSZ];
	struct vl_buf pad = {0};

	say(pg, "  %s %3ld / %ld  %s", padded(vl_tr(label), 15, &pad), n, of,
	    vl_share(n, of, pct) ? pct : "");
	vl_buf_free(&pad);
}

/* where the programme stands against its start deadline */
static void
deadline_line(struct page *pg, long behind)
{
	vl_date by = pg->b->plan.start_by;

	if (pg->b->plan.placeholder)	/* 0 of 0 villages: nothing started */
		say(pg, "  plan.json is still the template: fill in the "
		    "programme's plan");
	else if (behind <= 0)
		say(pg, "  every village has started");
	else if (pg->today > by)
		say(pg, vl_trn(pg->today - by, "  %ld not started, %ld day "
		    "after the start deadline", "  %ld not started, %ld days "
		    "after the start deadline"), behind, (long)(pg->today - by));
	else if (pg->today == by)
		say(pg, "  %ld not started; the start deadline is today",
		    behind);
	else
		say(pg, vl_trn(by - pg->today, "  %ld not started; %ld day "
		    "left to the start deadline", "  %ld not started; %ld days "
		    "left to the start deadline"), behind, (long)(by - pg->today));
}

/* The projects not started whose own start_by tells otherwise than the
 * plan's deadline: given a later one, not late though the plan's has
 * passed; given an earlier one, late though the plan's has not (the
 * overdue list goes by theirs). */
static void
own_deadline_line(struct page *pg, const struct vl_standing *s)
{
	const struct vl_book *b = pg->b;
	bool passed = pg->today > b->plan.start_by;
	long n = 0;
	size_t i;

	for (i = 0; i < b->projects.n; i++)
		if (vl_book_kept(b, i) && s[i].m.started == VL_NODATE &&
		    (pg->today > b->projects.v[i].start_by) != passed)
			n++;
	if (n && passed)
		say(pg, vl_trn(n, "  %ld of them not late yet: a start_by of "
		    "its own still to come", "  %ld of them not late yet: "
		    "start_by dates of their own still to come"), n);
	else if (n)
		say(pg, vl_trn(n, "  %ld of them late already: its own "
		    "start_by has passed", "  %ld of them late already: their "
		    "own start_by dates have passed"), n);
}

static void
summary_progress(struct page *pg, const struct vl_standing *s)
{
	const struct vl_book *b = pg->b;
	char d1[VL_DATE_BUFSZ], d2[VL_DATE_BUFSZ];
	long villages = vl_book_villages(b);
	struct vl_tally t = {0};
	size_t i;

	for (i = 0; i < b->projects.n; i++)
		if (vl_book_kept(b, i))
			vl_tally_add(&t, &s[i]);
	vl_date_format(b->plan.start_by, d1);
	vl_date_format(b->plan.complete_by, d2);
	/* the speech's 12月份全部动工, when the plan's deadline is December */
	say(pg, "一、进度 Progress: start by %s%s, complete by %s", d1,
	    strncmp(d1 + 4, "-12-", 4) == 0 ? " (12月份全部动工)" : "", d2);
	count_line(pg, N_("审查 reviewed"), t.reviewed, villages);
	count_line(pg, N_("动工 started"), t.started, villages);
	count_line(pg, N_("竣工 completed"), t.completed, villages);
	count_line(pg, N_("验收 accepted"), t.accepted, villages);
	if (!b->keep && (long)b->projects.n != b->plan.villages)
		say(pg, vl_trn((long)b->projects.n, "  the plan names %ld "
		    "villages; projects.csv holds %zu project", "  the plan "
		    "names %ld villages; projects.csv holds %zu projects"),
		    b->plan.villages, b->projects.n);
	if (b->keep && b->kept == 0)	/* a filter nothing holds */
		say(pg, "  no project of the register: %s", b->narrowed_to);
	else {
		deadline_line(pg, villages - t.started);
		if (villages > t.started)
			own_deadline_line(pg, s);
	}
}

static void
money_line(struct page *pg, const char *label, int64_t fen, const char *note)
{
	char m[VL_MONEY_BUFSZ], w[VL_WAN_BUFSZ];
	struct vl_buf p1 = {0}, p2 = {0};

	say(pg, "  %s %s %12s%s", padded(label, 16, &p1), padded(vl_wan(fen, w),
	    14, &p2), vl_money_format(fen, m), note);	/* label translated */
	vl_buf_free(&p1);
	vl_buf_free(&p2);
}

/* what was spent, by purpose: the note of the line spent */
static void
spent_note(struct vl_buf *note, const struct vl_ledger *l,
    const struct vl_plan *p)
{
	char m[VL_MONEY_BUFSZ];
	size_t i;

	note->len = 0;
	vl_buf_puts(note, "");	/* a text, when nothing follows */
	for (i = 0; i < l->npurposes; i++)
		vl_buf_printf(note, "%s%s %s", i ? vl_tr(", ") : "  ",
		    vl_trc("purpose", p->purposes[i]),
		    vl_money_format(l->purpose[i], m));
	if (l->purpose[l->npurposes] != 0)
		vl_buf_printf(note, vl_tr(", NOT ALLOWED %s"), vl_money_format(
		    l->purpose[l->npurposes], m));
}

/* The money of a book narrowed to some projects: their budgets, what was
 * allocated to them and spent; the receipts are the register's. */
static void
summary_kept_funds(struct page *pg, const struct vl_ledger *l)
{
	const struct vl_book *b = pg->b;
	char m[VL_MONEY_BUFSZ], w[VL_WAN_BUFSZ];
	struct vl_buf note = {0};
	int64_t budget = vl_kept_budget(b), d;

	say(pg, vl_trn((long)b->kept, "二、资金 Funds of the %zu project "
	    "kept: budget %s (%s yuan), 专款专用", "二、资金 Funds of the %zu "
	    "projects kept: budget %s (%s yuan), 专款专用"), b->kept,
	    vl_wan(budget, w), vl_money_grouped(budget, m));
	money_line(pg, vl_tr("下拨 allocated"), l->total.allocated, "");
	spent_note(&note, l, &b->plan);
	money_line(pg, vl_tr("支出 spent"), l->total.spent, note.data);
	if (vl_money_sub(l->total.allocated, l->total.spent, &d))
		money_line(pg, vl_tr("结余 remaining"), d,
		    vl_tr("  allocated - spent"));
	say(pg, "  receipts are the register's, not a project's: vl-report "
	    "funds without a filter");
	vl_buf_free(&note);
}

/* The money's lines of a page, a district's or a city's: received,
 * allocated, spent (note after it), remaining; then other funds (多方筹集)
 * apart, never in those sums (other NULL: the plans name none). */
static void
money_lines(struct page *pg, const struct vl_ledger_sums *t,
    const char *spent_note, const struct vl_ledger_sums *other)
{
	char m[VL_MONEY_BUFSZ];
	struct vl_buf note = {0};
	int64_t d;

	money_line(pg, vl_tr("到位 received"), t->received, "");
	money_line(pg, vl_tr("下拨 allocated"), t->allocated, "");
	money_line(pg, vl_tr("支出 spent"), t->spent, spent_note);
	if (vl_money_sub(t->received, t->spent, &d))
		money_line(pg, vl_tr("结余 remaining"), d,
		    vl_tr("  received - spent"));
	if (other) {
		vl_buf_printf(&note, vl_tr("  outside the total; spent %s"),
		    vl_money_format(other->spent, m));
		money_line(pg, vl_tr("多方筹集 other funds"), other->received,
		    note.data);
	}
	vl_buf_free(&note);
}

static void
summary_funds(struct page *pg, const struct vl_ledger *l)
{
	const struct vl_plan *p = &pg->b->plan;
	char m[VL_MONEY_BUFSZ], w[VL_WAN_BUFSZ];
	struct vl_buf note = {0};
	int64_t d;
	size_t i;

	if (pg->b->keep) {
		summary_kept_funds(pg, l);
		return;
	}
	say(pg, "二、资金 Funds: %s in all (%s yuan), 专款专用", vl_wan(p->total, w),
	    vl_money_grouped(p->total, m));
	for (i = 0; i < p->nfunding; i++) {
		note.len = 0;
		vl_buf_printf(&note, vl_tr("  of %s"), vl_money_format(
		    p->funding[i].amount, m));
		if (vl_money_sub(p->funding[i].amount, l->line[i].received, &d)
		    && d != 0)
			vl_buf_printf(&note, d > 0 ? vl_tr(", %s to come") :
			    vl_tr(", %s over plan"), vl_money_format(d < 0 ?
			    -d : d, m));
		money_line(pg, p->funding[i].name, l->line[i].received,
		    note.data);
	}
	/* received from a level no line names: in the sums below, so
	 * shown, as the discrepancy vl-fund check makes it */
	if (l->line[p->nfunding].received != 0)
		money_line(pg, vl_trc("line", "(no line)"),
		    l->line[p->nfunding].received, vl_tr("  from a level no "
		    "funding line names: a discrepancy (vl-fund check)"));
	spent_note(&note, l, p);
	money_lines(pg, &l->total, note.data, vl_plan_has_other(p) ?
	    &l->other : NULL);
	vl_buf_free(&note);
}

static const char *
person(const char *name)
{
	return *name ? name : vl_tr("(none)");
}

/* a project's id, after its district's name in a roll-up */
static const char *
project_id(const struct vl_project *p, const char *district, struct vl_buf *b)
{
	b->len = 0;
	if (district)
		vl_buf_printf(b, "%s ", district);
	vl_buf_puts(b, p->id);
	return b->data;
}

/* A finding's first line into sc->line: what, where, when, who. */
static void
finding_text(struct scratch *sc, vl_date today, const struct vl_book *b,
    const char *district, const struct vl_inspection *in)
{
	const struct vl_project *p = vl_projects_find(&b->projects,
	    in->project);
	char d[VL_DATE_BUFSZ];

	sc->when.len = 0;
	if (in->due == VL_NODATE)
		vl_buf_puts(&sc->when, vl_tr("no due date"));
	else if (today > in->due)
		vl_buf_printf(&sc->when, vl_trn(today - in->due, "due %s, %ld "
		    "day late", "due %s, %ld days late"),
		    vl_date_format(in->due, d), (long)(today - in->due));
	else
		vl_buf_printf(&sc->when, vl_tr("due %s"), vl_date_format(
		    in->due, d));
	sc->line.len = 0;
	vl_buf_printf(&sc->line, vl_tr("  %s #%-4s %s %s%s  %s; 领导 %s, 专干 "
	    "%s"), padded(vl_trc("aspect", in->aspect), 8, &sc->aspect),
	    in->id, project_id(p, district, &sc->id), p->town,
	    padded(p->village, 8, &sc->pad), sc->when.data,
	    person(p->leader), person(p->specialist));
}

/* its second line, when it says what was found: on one line */
static void
finding_said(struct scratch *sc, const struct vl_inspection *in)
{
	const char *c;

	sc->what.len = 0;
	for (c = in->finding; *c; c++)
		vl_buf_add(&sc->what, *c == '\n' || *c == '\r' ? " " : c, 1);
	sc->line.len = 0;
	vl_buf_printf(&sc->line, vl_tr("           %s"), sc->what.data);
}

/* An open finding of one of a page's books. */
struct found {
	const struct vl_inspection *in;
	size_t book;
};

/* the districts the comparators below order by (one page at a time) */
static const char *const *sort_district;

static int
by_district(const void *pa, const void *pb)
{
	return strcmp(sort_district[*(const size_t *)pa],
	    sort_district[*(const size_t *)pb]);
}

/* safety first, then quality, as one register orders them; then by due
 * date, district and line: the same whatever order the registers came
 * in */
static int
by_gravity_district(const void *pa, const void *pb)
{
	const struct found *a = pa, *b = pb;
	int c = vl_gravity_cmp(a->in, b->in);

	if (c != 0)
		return c;
	if (a->book != b->book && (c = by_district(&a->book, &b->book)) != 0)
		return c;
	return a->in->line < b->in->line ? -1 : a->in->line > b->in->line;
}

/* The lines of a page's findings: line k is of finding at[k] >> 1, its
 * second line when at[k] is odd. */
struct finding_lines {
	const struct vl_book *b;
	const char *const *district;
	vl_date today;
	const struct found *all;
	const size_t *at;
};

static void
finding_fill(const void *ctx, size_t k, const char **v, void *scratch)
{
	const struct finding_lines *f = ctx;
	const struct found *it = &f->all[f->at[k] >> 1];
	struct scratch *sc = scratch;

	if (f->at[k] & 1)
		finding_said(sc, it->in);
	else
		finding_text(sc, f->today, &f->b[it->book], f->district ?
		    f->district[it->book] : NULL, it->in);
	v[0] = sc->line.data;
}

static void
findings_say(struct page *pg, const struct vl_book *b,
    const char *const *district, const struct found *all, size_t n)
{
	size_t *at = vl_xcalloc(2 * n + 1, sizeof *at), i, lines = 0;
	struct finding_lines f = {b, district, pg->today, all, at};

	for (i = 0; i < n; i++) {
		at[lines++] = i << 1;
		if (*all[i].in->finding)
			at[lines++] = i << 1 | 1;
	}
	page_lines(pg, &(struct vl_rows){lines, finding_fill, scratch_free,
	    &f, sizeof(struct scratch)});
	free(at);
}

/* The open findings of nb books (a roll-up's, each after its district's
 * name): safety first, then quality; progress figures never hide them. */
static void
summary_findings(struct page *pg, const char *heading,
    const struct vl_book *b, const char *const *district, size_t nb)
{
	struct vl_findings f;
	struct found *all = vl_xcalloc(1, sizeof *all);
	size_t n = 0, i, k;
	long late = 0;

	for (k = 0; k < nb; k++) {
		vl_findings_collect(&b[k], &f);
		all = vl_xrealloc(all, (n + f.n + 1) * sizeof *all);
		for (i = 0; i < f.n; i++)
			all[n++] = (struct found){f.v[i], k};
		late += f.late;
		vl_findings_free(&f);	/* the inspections stay the book's */
	}
	if (district) {
		sort_district = district;
		qsort(all, n, sizeof *all, by_gravity_district);
	}
	say(pg, heading, n, late);
	findings_say(pg, b, district, all, n);
	free(all);
}

/* The late items and flags of one project on one line, into sc->line:
 * item i and those next[] leads to. */
static void
late_text(struct scratch *sc, const char *district,
    const struct vl_overdue *v, const size_t *next, size_t i)
{
	const struct vl_project *p = v[i].project;
	size_t k;

	sc->what.len = 0;
	for (k = i; k != SIZE_MAX; k = next[k]) {
		vl_buf_puts(&sc->what, sc->what.len ? vl_tr(", ") : "");
		vl_buf_puts(&sc->what, vl_trc("kind", vl_overdue_kind_name(
		    v[k].kind)));
		if (v[k].kind == VL_OD_RECTIFICATION)
			vl_buf_printf(&sc->what, " #%s", v[k].insp->id);
		if (v[k].kind == VL_OD_MILESTONE && v[k].stage)
			vl_buf_printf(&sc->what, " %s", vl_trc("stage",
			    v[k].stage));
		if (v[k].status == VL_OD_LATE)
			vl_buf_printf(&sc->what, vl_trn(v[k].days_late,
			    " %ld day", " %ld days"), v[k].days_late);
	}
	sc->line.len = 0;
	vl_buf_printf(&sc->line, vl_tr("  %s %s%s 领导 %s, 专干 %s: %s"),
	    project_id(p, district, &sc->id), p->town, padded(p->village, 8,
	    &sc->pad), person(p->leader), person(p->specialist),
	    sc->what.data);
}

/* A book's late items, each project's chained in list order: first[i]
 * when item i is its project's first, next[i] its next. */
struct late {
	struct vl_overdue *v;
	size_t n, *next, nproj;
	bool *first;
	long nlate, nflag;
};

static void
late_collect(const struct vl_book *b, struct late *x)
{
	size_t *last = vl_xcalloc(b->projects.n + 1, sizeof *last), p, i;

	memset(x, 0, sizeof *x);
	x->n = vl_overdue_collect(b, -1, &x->v);
	x->next = vl_xcalloc(x->n + 1, sizeof *x->next);
	x->first = vl_xcalloc(x->n + 1, sizeof *x->first);
	for (p = 0; p < b->projects.n; p++)
		last[p] = SIZE_MAX;
	for (i = 0; i < x->n; i++) {
		if (!x->v[i].project)	/* a task: counted with the tasks */
			continue;
		p = (size_t)(x->v[i].project - b->projects.v);
		x->next[i] = SIZE_MAX;
		if (last[p] == SIZE_MAX)
			x->first[i] = true, x->nproj++;
		else
			x->next[last[p]] = i;
		last[p] = i;
		x->nlate += x->v[i].status == VL_OD_LATE;
		x->nflag += x->v[i].status == VL_OD_FLAG;
	}
	free(last);
}

static void
late_free(struct late *x)
{
	free(x->first);
	free(x->next);
	free(x->v);
}

/* The lines of a book's late projects: line k, of the project whose
 * first item is at[k]. */
struct late_lines {
	const char *district;
	const struct late *x;
	const size_t *at;
};

static void
late_fill(const void *ctx, size_t k, const char **v, void *scratch)
{
	const struct late_lines *l = ctx;
	struct scratch *sc = scratch;

	late_text(sc, l->district, l->x->v, l->x->next, l->at[k]);
	v[0] = sc->line.data;
}

static void
late_say(struct page *pg, const char *district, const struct late *x)
{
	size_t *at = vl_xcalloc(x->nproj + 1, sizeof *at), i, n = 0;
	struct late_lines l = {district, x, at};

	for (i = 0; i < x->n; i++)
		if (x->first[i])
			at[n++] = i;
	page_lines(pg, &(struct vl_rows){n, late_fill, scratch_free, &l,
	    sizeof(struct scratch)});
	free(at);
}

/* The section's heading: heading's two %s, the items late and the
 * projects they are on, each in its own plural. */
static void
late_heading(struct page *pg, const char *heading, const struct late *all)
{
	struct vl_buf items = {0}, projects = {0};

	vl_buf_printf(&items, vl_trn(all->nlate, "%ld item late",
	    "%ld items late"), all->nlate);
	vl_buf_printf(&projects, vl_trn((long)all->nproj, "on %zu project",
	    "on %zu projects"), all->nproj);
	say(pg, heading, items.data, all->nflag, projects.data);
	vl_buf_free(&items);
	vl_buf_free(&projects);
}

/* Who is late in nb books (a roll-up's, each after its district's
 * name, the districts by name): one line a project, in the order of its
 * most pressing item.  A roll-up's lists are made twice, to count, then
 * to say, one district at a time: never more than one district's list
 * held at once. */
static void
summary_late(struct page *pg, const char *heading, const struct vl_book *b,
    const char *const *district, size_t nb)
{
	size_t *order = vl_xcalloc(nb + 1, sizeof *order), j, k;
	struct late x, all = {0};

	for (k = 0; k < nb; k++) {
		late_collect(&b[k], &x);
		all.nlate += x.nlate, all.nflag += x.nflag;
		all.nproj += x.nproj;
		if (nb > 1)
			late_free(&x);
		order[k] = k;
	}
	if (district) {
		sort_district = district;
		qsort(order, nb, sizeof *order, by_district);
	}
	late_heading(pg, heading, &all);
	for (j = 0; j < nb; j++) {
		k = order[j];
		if (nb > 1)
			late_collect(&b[k], &x);
		late_say(pg, district ? district[k] : NULL, &x);
		late_free(&x);
	}
	free(order);
}

/* The programme's other duties of nb books (a roll-up's districts, each
 * late one after its district's name): how many, done and late, and each
 * late one with its owner; said only when there are tasks.  The heading
 * is part five of a register's page, six of a roll-up's. */
static void
summary_tasks(struct page *pg, bool rollup, const struct vl_book *b,
    const char *const *district, size_t nb)
{
	struct vl_task_tally t;
	struct vl_buf what = {0};
	size_t k, i;

	vl_task_tally(b, nb, &t);
	if (t.tasks) {
		say(pg, "");
		say(pg, rollup ? vl_trn(t.tasks, "六、其他任务 Tasks: %zu "
		    "task, %ld done, %ld late", "六、其他任务 Tasks: %zu tasks, "
		    "%ld done, %ld late") : vl_trn(t.tasks, "五、其他任务 "
		    "Tasks: %zu task, %ld done, %ld late", "五、其他任务 Tasks: "
		    "%zu tasks, %ld done, %ld late"), (size_t)t.tasks, t.done,
		    (long)t.nlate);
	}
	for (k = 0; k < nb; k++)
		for (i = t.from[k]; i < t.from[k + 1]; i++) {
			const struct vl_overdue *o = &t.late[i];

			what.len = 0;
			vl_overdue_detail(o, &what, true);
			vl_buf_printf(&what, vl_trn(o->days_late,
			    " (%ld day late)", " (%ld days late)"),
			    o->days_late);
			say(pg, "  %s%s%s: %s", district ? district[k] : "",
			    district ? " " : "", person(o->task->owner),
			    what.data);
		}
	vl_buf_free(&what);
	vl_task_tally_free(&t);
}

/* The page's table of one column opened, its title the header: what is
 * said from now on is written as it is said (a national page has a line
 * for each of 400 000 projects late, not kept). */
static void
page_open(struct page *pg, const struct vl_outopts *opts, const char *title)
{
	struct vl_outopts o = *opts;

	o.format = VL_FMT_TABLE;	/* unless a sheet of the workbook */
	o.excel = false;
	pg->col = (struct vl_col){title, VL_COL_TEXT};
	pg->out = vl_out_report(&o, "汇总", pg->today, 1, &pg->col);
}

/* A page said whole before (a roll-up's, a line a district), written. */
static int
print_page(struct page *pg, const struct vl_outopts *opts)
{
	char *text = pg->text.data, *line, *nl;
	int status;

	/* each line cut at its \n for the while, the page not copied */
	nl = strchr(text, '\n');
	*nl = '\0';
	page_open(pg, opts, text);
	for (line = nl + 1; *line; line = nl + 1) {
		nl = strchr(line, '\n');
		*nl = '\0';
		say(pg, "%s", line);
		*nl = '\n';
	}
	status = vl_out_close(pg->out);	/* the header is read till here */
	pg->out = NULL;
	*strchr(text, '\0') = '\n';
	return status;
}

int
vl_report_summary(const struct vl_book *b, const struct vl_ledger *l,
    const struct vl_outopts *o)
{
	struct page pg = {{0}, b, b->as_of, NULL, {NULL, VL_COL_TEXT}, {0}};
	struct vl_standing *s;
	struct vl_buf title = {0};
	char d[VL_DATE_BUFSZ];
	int status;

	if (o->format == VL_FMT_XLSX) {	/* the page's figures as sheets */
		status = vl_summary_workbook(b, l, o);
		vl_buf_free(&pg.line);
		return status;
	}
	vl_buf_printf(&title, vl_tr("%s — 情况汇总 summary as of %s"),
	    b->plan.name, vl_date_format(b->as_of, d));
	if (b->narrowed_to)	/* --town 青山镇: which part of the register */
		vl_buf_printf(&title, " — %s", b->narrowed_to);
	page_open(&pg, o, title.data);
	s = vl_standings(b);
	say(&pg, "");
	summary_progress(&pg, s);
	free(s);	/* before the overdue list is made */
	say(&pg, "");
	summary_funds(&pg, l);
	say(&pg, "");
	summary_findings(&pg, N_("三、问题整改 Open findings: %zu, %ld past "
	    "due (进度服从质量、平安高于一切: safety and quality first)"), b,
	    NULL, 1);
	say(&pg, "");
	summary_late(&pg, N_("四、逾期 Who is late: %s, %ld flagged, %s "
	    "(vl-report overdue for the list)"), b,
	    NULL, 1);
	summary_tasks(&pg, false, b, NULL, 1);
	status = vl_out_close(pg.out);
	vl_buf_free(&title);
	vl_buf_free(&pg.line);
	return status;
}

/* "1 district", "3 districts" (b's content, emptied first) */
static const char *
districts_word(struct vl_buf *b, size_t n)
{
	b->len = 0;
	vl_buf_printf(b, vl_trn((long)n, "%zu district", "%zu districts"), n);
	return b->data;
}

/* ---- roll-up: the page of a city or a region -------------------------- */

static void
rollup_progress(struct page *pg, const struct vl_district_rank *v, size_t n,
    const char *narrowed)
{
	long villages = 0, planned = 0;
	size_t i;
	struct vl_tally t = {0};
	struct vl_buf word = {0};

	for (i = 0; i < n; i++) {
		const struct vl_book *b = &pg->b[v[i].book];
		struct vl_standing *s = vl_standings(b);
		struct vl_tally *towns, total;

		vl_tally_towns(b, s, &towns, &total);
		t.projects += total.projects, t.reviewed += total.reviewed;
		t.started += total.started, t.completed += total.completed;
		t.accepted += total.accepted;
		/* planned: the plans' own; villages: what progress is
		 * measured against, the projects where more are registered */
		planned += b->plan.villages;
		villages += vl_book_villages(b);
		free(towns);
		free(s);
	}
	if (narrowed)	/* the plans' villages are not the projects' */
		say(pg, vl_trn(t.projects, "一、进度 Progress: %s, %ld "
		    "project kept", "一、进度 Progress: %s, %ld projects kept"),
		    districts_word(&word, n), t.projects);
	else
		say(pg, "一、进度 Progress: %s, %ld villages planned, %ld "
		    "projects", districts_word(&word, n), planned, t.projects);
	vl_buf_free(&word);
	/* out of the villages, as a district's own page counts them */
	count_line(pg, N_("审查 reviewed"), t.reviewed, villages);
	count_line(pg, N_("动工 started"), t.started, villages);
	count_line(pg, N_("竣工 completed"), t.completed, villages);
	count_line(pg, N_("验收 accepted"), t.accepted, villages);
	if (narrowed && t.projects == 0)	/* a filter nothing holds */
		say(pg, "  no project of the registers: %s", narrowed);
}

/* the districts' money added up (narrowed: plan is the budgets of the
 * projects kept) */
struct city_money {
	int64_t plan;
	long kept;		/* narrowed: the projects kept, else -1 */
	struct vl_ledger_sums sums;
	struct vl_ledger_sums other;	/* other funds (多方筹集), apart */
	bool has_other;		/* a plan of them names other funds */
};

/* past 64 bits, said and exit 2 before a line of the page is written */
static void
rollup_sums(const struct vl_rollup *r, const struct vl_district_rank *v,
    size_t n, const struct vl_ledger *ledgers, struct city_money *c)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const struct vl_ledger *l = &ledgers[v[i].book];

		vl_money_total(&c->plan, v[i].plan, "plan");
		vl_money_total(&c->sums.received, l->total.received,
		    "received");
		vl_money_total(&c->sums.allocated, l->total.allocated,
		    "allocated");
		vl_money_total(&c->sums.spent, l->total.spent, "spent");
		if (!vl_plan_has_other(&r->book[v[i].book].plan))
			continue;
		c->has_other = true;
		vl_money_total(&c->other.received, l->other.received,
		    "other funds");
		vl_money_total(&c->other.spent, l->other.spent, "other funds");
	}
}

static void
rollup_funds(struct page *pg, const struct city_money *c)
{
	char m[VL_MONEY_BUFSZ], w[VL_WAN_BUFSZ];
	int64_t d;

	if (c->kept >= 0) {	/* some projects: as a narrowed district's */
		say(pg, vl_trn(c->kept, "二、资金 Funds of the %zu project "
		    "kept: budget %s (%s yuan), 专款专用", "二、资金 Funds of "
		    "the %zu projects kept: budget %s (%s yuan), 专款专用"),
		    (size_t)c->kept, vl_wan(c->plan, w),
		    vl_money_grouped(c->plan, m));
		money_line(pg, vl_tr("下拨 allocated"), c->sums.allocated, "");
		money_line(pg, vl_tr("支出 spent"), c->sums.spent, "");
		if (vl_money_sub(c->sums.allocated, c->sums.spent, &d))
			money_line(pg, vl_tr("结余 remaining"), d,
			    vl_tr("  allocated - spent"));
		say(pg, "  receipts are the districts', not a project's: "
		    "vl-report funds without a filter");
		return;
	}

	say(pg, "二、资金 Funds: %s in the districts' plans (%s yuan), each "
	    "checked against its own", vl_wan(c->plan, w),
	    vl_money_format(c->plan, m));
	/* as a district's own page says them */
	money_lines(pg, &c->sums, "", c->has_other ? &c->other : NULL);
}

/* 通报: the districts in rank order, one line each */
static void
rollup_ranking(struct page *pg, const struct vl_district_rank *v, size_t n,
    const char *const *district)
{
	char p1[VL_SHARE_BUFSZ], p2[VL_SHARE_BUFSZ], p3[VL_SHARE_BUFSZ];
	struct vl_buf name = {0};
	size_t i, w = 0;

	for (i = 0; i < n; i++)
		if (vl_text_width(district[v[i].book]) > w)
			w = vl_text_width(district[v[i].book]);
	if (n > 0 && v[0].narrowed)	/* no receipts of some projects */
		say(pg, "三、区县排名 Districts ranked: started, completed, "
		    "late items, of the projects kept");
	else
		say(pg, "三、区县排名 Districts ranked: started, completed, "
		    "late items, money received");
	for (i = 0; i < n; i++) {
		snprintf(p1, sizeof p1, "%ld.%ld%%", v[i].started_pm / 10,
		    v[i].started_pm % 10);
		snprintf(p2, sizeof p2, "%ld.%ld%%", v[i].completed_pm / 10,
		    v[i].completed_pm % 10);
		if (v[i].received_pm >= 0)
			snprintf(p3, sizeof p3, "%ld.%ld%%", v[i].received_pm /
			    10, v[i].received_pm % 10);
		else
			snprintf(p3, sizeof p3, "-");
		say(pg, "  %2ld %s  started %6s  completed %6s  late %4ld  "
		    "received %6s", v[i].rank, padded(district[v[i].book], w,
		    &name), v[i].villages ? p1 : "-", v[i].villages ? p2 : "-",
		    v[i].overdue, p3);
	}
	vl_buf_free(&name);
}

/* The registers read whose audit trail was started again (a break their
 * district acknowledged, vl-add audit-restart), named on the page as
 * they are in the messages: the page is printed without them. */
static void
rollup_restarted(struct page *pg, const struct vl_rollup *r)
{
	struct vl_buf names = {0};
	long n = 0;
	size_t i;

	for (i = 0; i < r->n + r->ncity; i++)
		if (i < r->n ? r->restart[i] : r->city_restart[i - r->n])
			vl_buf_printf(&names, "%s%s", n++ ? vl_tr(", ") : "",
			    i < r->n ? r->district[i] :
			    r->city_name[i - r->n]);
	if (n)
		say(pg, vl_trn(n, "  %ld register whose audit trail was "
		    "broken and started again: %s; what it recorded before "
		    "cannot be verified (see the messages)", "  %ld registers "
		    "whose audit trail was broken and started again: %s; what "
		    "they recorded before cannot be verified (see the "
		    "messages)"), n, names.data);
	vl_buf_free(&names);
}

/* the registers left out, named: the page is printed without its
 * messages */
static void
rollup_left_out(struct page *pg, const struct vl_rollup *r)
{
	struct vl_buf names = {0};
	size_t i;

	for (i = 0; i < (size_t)r->untrusted; i++)
		vl_buf_printf(&names, "%s%s", i ? vl_tr(", ") : "",
		    r->left_out[i]);
	say(pg, vl_trn(r->untrusted, "  %ld register left out: %s; its "
	    "audit trail does not hold (see the messages): ask its district "
	    "for a new copy", "  %ld registers left out: %s; their audit "
	    "trails do not hold (see the messages): ask their districts for "
	    "new copies"), r->untrusted, names.data);
	vl_buf_free(&names);
}

static int
rollup_workbook(struct page *pg, const struct vl_rollup *r,
    const struct vl_ledger *ledgers, const struct vl_outopts *opts)
{
	const struct vl_book *narrowed = vl_rollup_narrowed(r);
	struct vl_outopts o = *opts;
	int status;
	bool found;

	o.workbook = vl_workbook_open(opts->output);
	if (narrowed)	/* every sheet's title names the filter */
		o.register_part = narrowed->narrowed_to;
	status = print_page(pg, &o);
	if (status == VL_OK)
		status = vl_rollup_report_ranking(r, ledgers, &o);
	if (status == VL_OK)
		status = vl_rollup_report_overdue(r, &o, -1, NULL, &found);
	if (status == VL_OK)
		status = vl_rollup_report_progress(r, &o, VL_FC_TOWN, NULL);
	if (status == VL_OK)
		status = vl_rollup_report_funds(r, ledgers, &o);
	return vl_workbook_close(o.workbook);
}

int
vl_rollup_report_summary(const struct vl_rollup *r,
    const struct vl_ledger *ledgers, const struct vl_outopts *o)
{
	vl_date day = r->as_of;
	struct page pg = {{0}, r->book, day, NULL, {NULL, VL_COL_TEXT},
	    {0}};
	bool book = o->format == VL_FMT_XLSX;
	struct vl_district_rank *v;
	struct vl_buf title = {0}, word = {0};
	char d[VL_DATE_BUFSZ];
	size_t n = vl_district_ranks(r, ledgers, &v), i;
	const struct vl_book *narrowed = vl_rollup_narrowed(r);
	const char *part = narrowed ? narrowed->narrowed_to : NULL;
	struct city_money money;
	int status;

	memset(&money, 0, sizeof money);
	rollup_sums(r, v, n, ledgers, &money);
	money.kept = narrowed ? 0 : -1;
	for (i = 0; narrowed && i < r->n; i++)
		money.kept += (long)r->book[i].kept;
	vl_buf_printf(&title, vl_tr("%s — 情况汇总 summary as of %s"),
	    districts_word(&word, n), vl_date_format(day, d));
	vl_buf_free(&word);
	if (part)	/* --town 青山镇: which part of the districts */
		vl_buf_printf(&title, " — %s", part);
	/* said as it is made, a nation's late items too; a workbook's page
	 * is kept for its sheet */
	if (book)
		say(&pg, "%s", title.data);
	else
		page_open(&pg, o, title.data);
	if (r->untrusted)
		rollup_left_out(&pg, r);
	rollup_restarted(&pg, r);
	say(&pg, "");
	rollup_progress(&pg, v, n, part);
	say(&pg, "");
	rollup_funds(&pg, &money);
	say(&pg, "");
	rollup_ranking(&pg, v, n, r->district);
	say(&pg, "");
	summary_findings(&pg, N_("四、问题整改 Open findings: %zu, %ld past "
	    "due (进度服从质量、平安高于一切: safety and quality first)"),
	    r->book, (const char *const *)r->district, r->n);
	say(&pg, "");
	summary_late(&pg, N_("五、逾期 Who is late: %s, %ld flagged, %s "
	    "(vl-report overdue for the list)"),
	    r->book, (const char *const *)r->district, r->n);
	summary_tasks(&pg, true, r->book, (const char *const *)r->district,
	    r->n);
	status = book ? rollup_workbook(&pg, r, ledgers, o) :
	    vl_out_close(pg.out);
	free(v);
	vl_buf_free(&title);
	vl_buf_free(&pg.text);
	vl_buf_free(&pg.line);
	return status;
}
