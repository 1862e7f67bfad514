/*
 * tables.c - the reports of vl-report as tables of records, in any
 * output format or as sheets of the summary's workbook: the daily
 * overdue list, progress per town or project, funds per funding line.
 * Their figures are those of rules/ (overdue.c, standing.c, ledger.c),
 * which the summary and the briefing print too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/csv.h"

#include "base/err.h"
#include "base/i18n.h"
#include "base/groups.h"
#include "base/money.h"
#include "base/strbuf.h"
#include "report/tables.h"
#include "rules/districts.h"
#include "rules/overdue.h"
#include "rules/standing.h"

/* o with the register's name, for a workbook's title row */
static const struct vl_outopts *
named(const struct vl_outopts *o, const struct vl_book *b,
    struct vl_outopts *own)
{
	*own = *o;
	vl_book_names(b, own);
	return own;
}

/* ---- overdue --------------------------------------------------------- */

static const struct vl_col overdue_cols[] = {
	{"kind", VL_COL_WORD}, {"project", VL_COL_TEXT},
	{"town", VL_COL_TEXT}, {"village", VL_COL_TEXT},
	{"leader", VL_COL_TEXT}, {"specialist", VL_COL_TEXT},
	{"due", VL_COL_DATE}, {"days_late", VL_COL_INT},
	{"days_left", VL_COL_INT}, {"status", VL_COL_WORD},
	{"detail", VL_COL_TEXT}
};
#define NOVERDUE_COLS (sizeof overdue_cols / sizeof overdue_cols[0])

/* What a row of the list needs made: kept from row to row. */
struct od_scratch {
	char due[VL_DATE_BUFSZ], days[32];
	struct vl_buf detail;
};

/* it's row into v, made of sc; people: its words in their language */
static void
overdue_values(const struct vl_overdue *it, bool people, const char **v,
    struct od_scratch *sc)
{
	size_t i;

	for (i = 0; i < NOVERDUE_COLS; i++)
		v[i] = NULL;
	sc->detail.len = 0;
	vl_overdue_detail(it, &sc->detail, people);
	v[0] = vl_overdue_kind_name(it->kind);
	if (it->project) {
		v[1] = it->project->id;
		v[2] = it->project->town;
		v[3] = it->project->village;
		v[4] = it->project->leader;
		v[5] = it->project->specialist;
	} else if (it->task) {	/* its owner must act: the leader column */
		v[4] = it->task->owner;
	}
	v[6] = vl_date_format(it->due, sc->due);
	/* days late, or days left: a row coming due is not late by minus
	 * some days */
	if (it->status == VL_OD_LATE) {
		snprintf(sc->days, sizeof sc->days, "%ld", it->days_late);
		v[7] = sc->days;
	} else if (it->status == VL_OD_DUE_SOON) {
		snprintf(sc->days, sizeof sc->days, "%ld", -it->days_late);
		v[8] = sc->days;
	}
	v[9] = vl_overdue_status_name(it->status);
	v[10] = sc->detail.data ? sc->detail.data : "";
}

void
vl_overdue_put(struct vl_out *out, const struct vl_overdue *it)
{
	struct od_scratch sc = {0};
	const char *v[NOVERDUE_COLS];

	overdue_values(it, vl_out_people(out), v, &sc);
	vl_out_row(out, v);
	vl_buf_free(&sc.detail);
}

/* A list's rows, for vl_out_rows. */
struct od_rows {
	const struct vl_overdue *list;
	bool people;
};

static void
od_fill(const void *ctx, size_t i, const char **v, void *scratch)
{
	const struct od_rows *r = ctx;

	overdue_values(&r->list[i], r->people, v, scratch);
}

static void
od_done(void *scratch)
{
	struct od_scratch *sc = scratch;

	vl_buf_free(&sc->detail);
}

struct vl_out *
vl_overdue_open(const struct vl_book *b, const struct vl_outopts *o)
{
	struct vl_outopts own;

	return vl_out_report(named(o, b, &own), "逾期清单", b->as_of,
	    NOVERDUE_COLS, overdue_cols);
}

/* a book's list as of its day, the items f passes; *found: any of them
 * to act on */
static size_t
od_list(const struct vl_book *b, long within, const struct vl_filter *f,
    struct vl_overdue **list, bool *found)
{
	size_t i, n = vl_overdue_collect(b, within, list);

	if (f)
		n = vl_overdue_filter(*list, n, f);
	for (i = 0; i < n; i++)
		*found |= vl_overdue_actionable(&(*list)[i]);
	return n;
}

int
vl_report_overdue(const struct vl_book *b, const struct vl_outopts *o,
    long within, const struct vl_filter *f, bool *found)
{
	struct vl_overdue *list;
	struct vl_out *out;
	struct od_rows rows;
	size_t n;

	*found = false;
	n = od_list(b, within, f, &list, found);
	out = vl_overdue_open(b, o);
	rows = (struct od_rows){list, vl_out_people(out)};
	vl_out_rows(out, &(struct vl_rows){n, od_fill, od_done, &rows,
	    sizeof(struct od_scratch)});
	free(list);
	return vl_out_close(out);
}

/* ---- overdue counted per person or town -------------------------------- */

struct od_count {
	const char *key;
	long items, late, due_soon, flags, most;
};

static void
od_count_row(struct vl_out *out, const struct od_count *k)
{
	char num[5][24];
	const char *v[6];
	long n[] = {k->items, k->late, k->due_soon, k->flags, k->most};
	size_t i;

	v[0] = k->key;
	for (i = 0; i < 5; i++) {
		snprintf(num[i], sizeof num[i], "%ld", n[i]);
		v[i + 1] = num[i];
	}
	vl_out_row(out, v);
}

static void
od_count_add(struct od_count *k, const struct vl_overdue *it)
{
	k->items++;
	k->late += it->status == VL_OD_LATE;
	k->due_soon += it->status == VL_OD_DUE_SOON;
	k->flags += it->status == VL_OD_FLAG;
	if (it->status == VL_OD_LATE && it->days_late > k->most)
		k->most = it->days_late;
}

/* a book's items counted per key of by: every key the projects f passes
 * name, in order of first appearance, then the owners of tasks (by
 * leader), with no items too; an item of no town (a task) under "";
 * their total */
struct od_counts {
	struct od_count *k, total;
	size_t n;
};

/* key, when new, as the next of c's keys */
static void
od_key(struct vl_groups *seen, struct od_counts *c, const char *key)
{
	vl_groups_add(seen, key, 0, 0);
	if (seen->n > c->n)
		c->k[c->n++].key = key;
}

static void
od_counts(const struct vl_book *b, const struct vl_overdue *list, size_t n,
    const struct vl_filter *f, enum vl_fcol by, struct od_counts *c)
{
	const char *row[VL_NFC] = {NULL}, *key;
	struct vl_groups seen = {0};
	size_t i;

	c->k = vl_xcalloc(b->projects.n + b->ntasks + 2, sizeof *c->k);
	c->total = (struct od_count){"total", 0, 0, 0, 0, 0};
	for (i = c->n = 0; i < b->projects.n; i++) {
		if (f && !vl_filter_project(f, &b->projects.v[i]))
			continue;
		vl_filter_project_row(row, &b->projects.v[i]);
		od_key(&seen, c, row[by]);
	}
	for (i = 0; by == VL_FC_LEADER && i < b->ntasks; i++)
		if (vl_filter_task(f, &b->tasks[i]))
			od_key(&seen, c, b->tasks[i].owner);
	for (i = 0; i < n; i++) {
		vl_overdue_frow(&list[i], row);
		od_key(&seen, c, key = row[by] ? row[by] : "");
		od_count_add(&c->k[vl_groups_find(&seen, key) - seen.v],
		    &list[i]);
		od_count_add(&c->total, &list[i]);
	}
	vl_groups_free(&seen);
}

static void
od_by_cols(struct vl_col cols[6], const char *key)
{
	static const char *const names[] = {"items", "late", "due_soon",
	    "flags", "most_days_late"};
	size_t i;

	cols[0] = (struct vl_col){key, VL_COL_WORD};	/* the row "total" */
	for (i = 0; i < 5; i++)
		cols[i + 1] = (struct vl_col){names[i], VL_COL_INT};
}

int
vl_report_overdue_by(const struct vl_book *b, const struct vl_outopts *o,
    long within, const struct vl_filter *f, enum vl_fcol by, bool *found)
{
	struct vl_col cols[6];
	struct od_counts c;
	struct vl_overdue *list;
	struct vl_outopts own;
	struct vl_out *out;
	size_t i, n;

	*found = false;
	n = od_list(b, within, f, &list, found);
	od_counts(b, list, n, f, by, &c);
	od_by_cols(cols, vl_filter_names[by]);
	out = vl_out_report(named(o, b, &own), "逾期统计", b->as_of, 6, cols);
	for (i = 0; i < c.n; i++)
		od_count_row(out, &c.k[i]);
	od_count_row(out, &c.total);
	free(c.k);
	free(list);
	return vl_out_close(out);
}

/* ---- progress -------------------------------------------------------- */

static const struct vl_col town_cols[] = {
	{"town", VL_COL_WORD}, {"projects", VL_COL_INT},
	{"reviewed", VL_COL_INT}, {"started", VL_COL_INT},
	{"completed", VL_COL_INT}, {"accepted", VL_COL_INT},
	{"started_share", VL_COL_SHARE}, {"open_findings", VL_COL_INT},
	{"overdue_findings", VL_COL_INT}
};
#define NTOWN_COLS (sizeof town_cols / sizeof town_cols[0])

static void
tally_row(struct vl_out *out, const struct vl_tally *t)
{
	long n[] = {t->projects, t->reviewed, t->started, t->completed,
	    t->accepted};
	char num[5][24], pct[VL_SHARE_BUFSZ], open[24], overdue[24];
	const char *v[NTOWN_COLS];
	size_t i;

	v[0] = t->town;
	for (i = 0; i < 5; i++) {
		snprintf(num[i], sizeof num[i], "%ld", n[i]);
		v[i + 1] = num[i];
	}
	v[6] = vl_share(t->started, t->projects, pct);
	snprintf(open, sizeof open, "%ld", t->open);
	snprintf(overdue, sizeof overdue, "%ld", t->overdue);
	v[7] = open;
	v[8] = overdue;
	vl_out_row(out, v);
}

static int
progress_by_group(const struct vl_book *b, const struct vl_standing *s,
    const struct vl_outopts *o, enum vl_fcol by, const struct vl_filter *f)
{
	struct vl_col cols[NTOWN_COLS];
	struct vl_tally *t, total;
	struct vl_outopts own;
	struct vl_out *out;
	size_t i, n;

	memcpy(cols, town_cols, sizeof cols);
	cols[0].name = vl_filter_names[by];
	n = vl_tally_by(b, s, by, f, &t, &total);
	out = vl_out_report(named(o, b, &own), "进度", b->as_of, NTOWN_COLS,
	    cols);
	for (i = 0; i < n; i++)
		tally_row(out, &t[i]);
	tally_row(out, &total);
	free(t);
	return vl_out_close(out);
}

static const struct vl_col project_cols[] = {
	{"project", VL_COL_TEXT}, {"town", VL_COL_TEXT},
	{"village", VL_COL_TEXT}, {"leader", VL_COL_TEXT},
	{"specialist", VL_COL_TEXT}, {"stage", VL_COL_WORD},
	{"reviewed", VL_COL_DATE}, {"started", VL_COL_DATE},
	{"completed", VL_COL_DATE}, {"accepted", VL_COL_DATE},
	{"open_findings", VL_COL_INT}, {"overdue_findings", VL_COL_INT}
};
#define NPROJECT_COLS (sizeof project_cols / sizeof project_cols[0])

static void
project_rows(struct vl_out *out, const struct vl_book *b,
    const struct vl_standing *s, const struct vl_filter *f)
{
	char d[4][VL_DATE_BUFSZ], open[24], overdue[24];
	const char *v[NPROJECT_COLS];
	size_t i;

	for (i = 0; i < b->projects.n; i++) {
		const struct vl_project *p = &b->projects.v[i];

		if (f && !vl_filter_project(f, p))
			continue;
		snprintf(open, sizeof open, "%ld", s[i].open);
		snprintf(overdue, sizeof overdue, "%ld", s[i].overdue);
		v[0] = p->id, v[1] = p->town, v[2] = p->village;
		v[3] = p->leader, v[4] = p->specialist;
		v[5] = vl_project_stages[s[i].stage];
		v[6] = vl_date_format(s[i].m.reviewed, d[0]);
		v[7] = vl_date_format(s[i].m.started, d[1]);
		v[8] = vl_date_format(s[i].m.completed, d[2]);
		v[9] = vl_date_format(s[i].m.accepted, d[3]);
		v[10] = open, v[11] = overdue;
		vl_out_row(out, v);
	}
}

static int
progress_by_project(const struct vl_book *b, const struct vl_standing *s,
    const struct vl_outopts *o, const struct vl_filter *f)
{
	struct vl_outopts own;
	struct vl_out *out;

	out = vl_out_report(named(o, b, &own), "项目进度", b->as_of,
	    NPROJECT_COLS, project_cols);
	project_rows(out, b, s, f);
	return vl_out_close(out);
}

/* ---- one project's progress entries --------------------------------- */

static const struct vl_col entry_cols[] = {
	{"id", VL_COL_TEXT}, {"date", VL_COL_DATE}, {"project", VL_COL_TEXT},
	{"stage", VL_COL_WORD}, {"note", VL_COL_TEXT}, {"status", VL_COL_WORD},
	{"voided", VL_COL_DATE}, {"void_reason", VL_COL_TEXT}
};
#define NENTRY_COLS (sizeof entry_cols / sizeof entry_cols[0])

struct entries {
	const struct vl_book *b;
	const struct vl_filter *f;
	struct vl_out *out;
	long row;		/* file order: the id of a file without ids */
};

/* An entry of a project the filters pass, as of the day: counted, or
 * void from the day of its void on (a void dated later has not happened
 * yet). */
static int
entry_row(const struct vl_record *r, void *ctx)
{
	struct entries *e = ctx;
	const char *v[NENTRY_COLS], *why;
	const struct vl_project *p;
	char num[24];
	vl_date d, voided;
	size_t i;

	snprintf(num, sizeof num, "%ld", ++e->row);
	p = vl_projects_find(&e->b->projects, vl_field(r, "project"));
	if (!p || (e->f && !vl_filter_project(e->f, p)) ||
	    vl_date_parse(vl_field(r, "date"), &d, &why) != 0 ||
	    (e->b->as_of != VL_NODATE && d > e->b->as_of))
		return 0;
	for (i = 0; i < NENTRY_COLS; i++)
		v[i] = vl_field(r, entry_cols[i].name);
	if (!*v[0])
		v[0] = num;
	if (vl_date_parse(v[6], &voided, &why) != 0 ||
	    (e->b->as_of != VL_NODATE && voided > e->b->as_of))
		v[6] = v[7] = "";
	v[5] = *v[6] ? "void" : "counted";
	vl_out_row(e->out, v);
	return 0;
}

/* the entries of b's projects f passes, into out */
static int
entry_rows(struct vl_out *out, const struct vl_book *b,
    const struct vl_filter *f)
{
	struct entries e = {b, f, out, 0};
	struct vl_csv_opts opts = {.encoding = b->encoding, .regular = true};
	char *path;
	int status;

	/* the book read the file already: every row of it is good */
	if (!vl_reg_exists(&b->reg, "progress.csv"))
		return VL_OK;
	path = vl_reg_path(&b->reg, "progress.csv");
	status = vl_csv_read(path, vl_book_display(b, "progress.csv"), &opts,
	    entry_row, &e);
	free(path);
	return status;
}

int
vl_report_progress_entries(const struct vl_book *b,
    const struct vl_outopts *o, const struct vl_filter *f)
{
	struct vl_out *out = vl_out_report(o, "进度记录", b->as_of,
	    NENTRY_COLS, entry_cols);
	int status = entry_rows(out, b, f), closed = vl_out_close(out);

	return status != VL_OK ? status : closed;
}

int
vl_report_progress(const struct vl_book *b, const struct vl_outopts *o,
    enum vl_fcol by, const struct vl_filter *f)
{
	struct vl_standing *s;
	int status;

	if (by == VL_NFC)	/* each entry, not a figure of them */
		return vl_report_progress_entries(b, o, f);
	s = vl_standings(b);
	status = by == VL_FC_PROJECT ? progress_by_project(b, s, o, f) :
	    progress_by_group(b, s, o, by, f);
	free(s);
	return status;
}

/* ---- funds ----------------------------------------------------------- */

/*
 * Receipts name the level the money comes from; allocations and expenses
 * name a project, and a level only when the clerk gave one.  Nothing is
 * apportioned: each sum stands on the row of the level it was booked
 * with, the rest on the row "(no line)", and the total row holds all.
 * remaining (received - spent) is given for the total, and for the lines
 * and levels only when every allocation and expense names its level.
 */
static const struct vl_col funds_cols[] = {
	{"line", VL_COL_WORD}, {"level", VL_COL_WORD},
	{"plan", VL_COL_MONEY}, {"received", VL_COL_MONEY},
	{"allocated", VL_COL_MONEY}, {"spent", VL_COL_MONEY},
	{"remaining", VL_COL_MONEY}
};
#define NFUNDS_COLS (sizeof funds_cols / sizeof funds_cols[0])

/* What cannot be attributed to a line: allocations and expenses booked
 * without a level, which the row (no line) holds. */
struct unattributed {
	bool allocated, spent;
};

/* narrowed: a book of some projects, whose plan and receipts are the
 * register's: those cells empty */
static void
funds_row(struct vl_out *out, const struct vl_funds_row *r,
    struct unattributed u, bool narrowed)
{
	char m[5][VL_MONEY_BUFSZ];
	const char *v[NFUNDS_COLS];
	bool line = r->kind == VL_FR_LINE || r->kind == VL_FR_LEVEL;

	v[0] = r->line;
	v[1] = r->level;
	v[2] = r->plan && !narrowed ? vl_money_format(*r->plan, m[0]) : NULL;
	v[3] = narrowed ? NULL : vl_money_format(r->sums->received, m[1]);
	/* for people, no 0.00 where nothing could be booked to the line */
	v[4] = line && u.allocated && r->sums->allocated == 0 ? NULL :
	    vl_money_format(r->sums->allocated, m[2]);
	v[5] = line && u.spent && r->sums->spent == 0 ? NULL :
	    vl_money_format(r->sums->spent, m[3]);
	v[6] = r->remaining && !narrowed ? vl_money_format(r->left, m[4]) :
	    NULL;
	vl_out_row(out, v);
}

/* for people, what of l no line can hold; for machines, nothing */
static struct unattributed
unattributed(const struct vl_outopts *o, const struct vl_ledger *l)
{
	const struct vl_ledger_sums *stray = &l->line[l->nlines];

	return vl_out_human(o) ? (struct unattributed){stray->allocated != 0,
	    stray->spent != 0} : (struct unattributed){false, false};
}

/* The note under a funds table some of whose cells are left empty: u,
 * what no line can hold; narrowed, of kept projects (0: the register's
 * whole money) */
static void
funds_note(struct vl_out *out, struct unattributed u, size_t kept,
    bool narrowed)
{
	struct vl_buf note = {0};

	if (u.allocated || u.spent)
		vl_buf_puts(&note, vl_tr("Allocations and expenses name a "
		    "funding level only when the clerk gave one: what was "
		    "booked without one stands on the row (no line), and a "
		    "line's empty cell means nothing could be attributed to "
		    "it, not 0.00."));
	if (narrowed)
		vl_buf_printf(&note, vl_trn((long)kept, "%sThe money of the "
		    "%zu project kept: its allocations and expenses; the plan "
		    "and the receipts are the register's, not a project's "
		    "(vl-fund balance: each project's budget).", "%sThe money "
		    "of the %zu projects kept: their allocations and expenses; "
		    "the plan and the receipts are the register's, not a "
		    "project's (vl-fund balance: each project's budget)."),
		    note.len ? " " : "", kept);
	if (note.len)
		vl_out_note(out, note.data);
	vl_buf_free(&note);
}

int
vl_report_funds(const struct vl_book *b, const struct vl_ledger *l,
    const struct vl_outopts *o)
{
	struct unattributed u = unattributed(o, l);
	struct vl_funds_row *rows;
	struct vl_outopts own;
	struct vl_out *out;
	size_t i, n = vl_funds_rows(b, l, &rows);

	out = vl_out_report(named(o, b, &own), "资金", b->as_of, NFUNDS_COLS,
	    funds_cols);
	for (i = 0; i < n; i++)
		funds_row(out, &rows[i], u, b->keep != NULL);
	funds_note(out, u, b->kept, b->keep && vl_out_human(o));
	free(rows);
	return vl_out_close(out);
}

/* ---- roll-up: several registers, a district column first -------------- */

int
vl_rollup_report_overdue(const struct vl_rollup *r,
    const struct vl_outopts *o, long within, const struct vl_filter *f,
    bool *found)
{
	struct vl_outopts own = vl_outopts_by_district(o);
	struct vl_district_item *list;
	struct vl_out *out;
	size_t i, n;

	n = vl_rollup_overdue(r, within, f, &list);
	out = vl_out_report(&own, "逾期清单", r->as_of, NOVERDUE_COLS,
	    overdue_cols);
	*found = false;
	for (i = 0; i < n; i++) {
		vl_out_lead(out, r->district[list[i].book]);
		vl_overdue_put(out, &list[i].it);
		*found |= vl_overdue_actionable(&list[i].it);
	}
	free(list);
	return vl_out_close(out);
}

static void
od_count_sum(struct od_count *all, const struct od_count *k)
{
	all->items += k->items;
	all->late += k->late;
	all->due_soon += k->due_soon;
	all->flags += k->flags;
	if (k->most > all->most)
		all->most = k->most;
}

/* by district: a row a district, the district its key; else each
 * district's keys and its total; then the total of all */
int
vl_rollup_report_overdue_by(const struct vl_rollup *r,
    const struct vl_outopts *o, long within, const struct vl_filter *f,
    enum vl_fcol by, bool *found)
{
	struct od_count all = {"total", 0, 0, 0, 0, 0};
	bool each = by == VL_FC_DISTRICT;
	struct vl_outopts own = vl_outopts_by_district(o);
	struct vl_col cols[6];
	struct vl_overdue *list;
	struct od_counts c;
	struct vl_out *out;
	size_t i, k, n;

	od_by_cols(cols, vl_filter_names[by]);
	out = vl_out_report(each ? o : &own, "逾期统计", r->as_of, 6, cols);
	*found = false;
	for (i = 0; i < r->n; i++) {
		n = od_list(&r->book[i], within, f, &list, found);
		od_counts(&r->book[i], list, n, f, each ? VL_FC_TOWN : by, &c);
		vl_out_lead(out, r->district[i]);
		for (k = 0; !each && k < c.n; k++)
			od_count_row(out, &c.k[k]);
		if (each)
			c.total.key = r->district[i];
		od_count_row(out, &c.total);
		od_count_sum(&all, &c.total);
		free(c.k);
		free(list);
	}
	vl_out_lead(out, "total");
	od_count_row(out, &all);
	return vl_out_close(out);
}

static void
tally_sum(struct vl_tally *into, const struct vl_tally *t)
{
	into->projects += t->projects;
	into->reviewed += t->reviewed;
	into->started += t->started;
	into->completed += t->completed;
	into->accepted += t->accepted;
	into->open += t->open;
	into->overdue += t->overdue;
}

/* Each district's groups (青山镇 of two districts is two towns) and its
 * total, then the total of all. */
static int
rollup_by_group(const struct vl_rollup *r, const struct vl_outopts *o,
    enum vl_fcol by, const struct vl_filter *f)
{
	struct vl_tally all = {"total", 0, 0, 0, 0, 0, 0, 0}, *t, total;
	struct vl_col cols[NTOWN_COLS];
	struct vl_out *out;
	size_t i, k, n;

	memcpy(cols, town_cols, sizeof cols);
	cols[0].name = vl_filter_names[by];
	out = vl_out_report(o, "进度", r->as_of, NTOWN_COLS, cols);
	for (i = 0; i < r->n; i++) {
		struct vl_standing *s = vl_standings(&r->book[i]);

		n = vl_tally_by(&r->book[i], s, by, f, &t, &total);
		vl_out_lead(out, r->district[i]);
		for (k = 0; k < n; k++)
			tally_row(out, &t[k]);
		tally_row(out, &total);
		tally_sum(&all, &total);
		free(t);
		free(s);
	}
	vl_out_lead(out, "total");
	tally_row(out, &all);
	return vl_out_close(out);
}

/* per project, or each entry (by VL_NFC), district by district */
static int
rollup_by_row(const struct vl_rollup *r, const struct vl_outopts *o,
    enum vl_fcol by, const struct vl_filter *f)
{
	bool entries = by == VL_NFC;
	struct vl_out *out;
	int status = VL_OK, closed;
	size_t i;

	out = entries ? vl_out_report(o, "进度记录", r->as_of, NENTRY_COLS,
	    entry_cols) : vl_out_report(o, "项目进度", r->as_of,
	    NPROJECT_COLS, project_cols);
	for (i = 0; i < r->n && status == VL_OK; i++) {
		vl_out_lead(out, r->district[i]);
		if (entries) {
			status = entry_rows(out, &r->book[i], f);
		} else {
			struct vl_standing *s = vl_standings(&r->book[i]);

			project_rows(out, &r->book[i], s, f);
			free(s);
		}
	}
	closed = vl_out_close(out);
	return status != VL_OK ? status : closed;
}

int
vl_rollup_report_progress(const struct vl_rollup *r,
    const struct vl_outopts *o, enum vl_fcol by, const struct vl_filter *f)
{
	struct vl_outopts own = vl_outopts_by_district(o);

	return by == VL_FC_PROJECT || by == VL_NFC ? rollup_by_row(r, &own, by,
	    f) : rollup_by_group(r, &own, by, f);
}

/* Each district's lines against its own plan, then the total of all:
 * the plans' totals and every movement, nothing apportioned.  Books
 * narrowed to some projects (vl_rollup_narrow): their allocations and
 * expenses, the plans and the receipts left empty (the districts'). */
int
vl_rollup_report_funds(const struct vl_rollup *r,
    const struct vl_ledger *ledgers, const struct vl_outopts *o)
{
	struct vl_outopts own = vl_outopts_by_district(o);
	struct vl_ledger_sums sums = {0, 0, 0};
	struct vl_funds_row *rows, all;
	struct unattributed u, any = {false, false};
	const struct vl_book *narrowed = vl_rollup_narrowed(r);
	int64_t plan = 0;
	struct vl_out *out;
	size_t i, k, n, kept = 0;

	for (i = 0; i < r->n; i++) {	/* the total first: it may not add up */
		vl_money_total(&plan, r->book[i].plan.total, "plan");
		vl_money_total(&sums.received, ledgers[i].total.received,
		    "received");
		vl_money_total(&sums.allocated, ledgers[i].total.allocated,
		    "allocated");
		vl_money_total(&sums.spent, ledgers[i].total.spent, "spent");
		kept += r->book[i].kept;
	}
	if (narrowed) {	/* --town 青山镇: the workbook's title says it */
		own.register_part = narrowed->narrowed_to;
	}
	out = vl_out_report(&own, "资金", r->as_of, NFUNDS_COLS,
	    funds_cols);
	for (i = 0; i < r->n; i++) {
		n = vl_funds_rows(&r->book[i], &ledgers[i], &rows);
		u = unattributed(o, &ledgers[i]);
		any.allocated |= u.allocated, any.spent |= u.spent;
		vl_out_lead(out, r->district[i]);
		for (k = 0; k < n; k++)
			funds_row(out, &rows[k], u, narrowed != NULL);
		free(rows);
	}
	all = (struct vl_funds_row){VL_FR_TOTAL, "total", "", &plan, &sums,
	    true, 0};
	vl_money_sub(sums.received, sums.spent, &all.left);
	vl_out_lead(out, "total");
	funds_row(out, &all, any, narrowed != NULL);
	funds_note(out, any, kept, narrowed && vl_out_human(o));
	return vl_out_close(out);
}
