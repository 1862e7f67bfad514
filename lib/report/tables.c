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
#include "rules/overdue.h"
#include "rules/standing.h"

/* o with the register's name, for a workbook's title row */
static const struct vl_outopts *
named(const struct vl_outopts *o, const struct vl_book *b,
    struct vl_outopts *own)
{
	*own = *o;
	own->register_name = b->plan.name;
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

void
vl_overdue_put(struct vl_out *out, const struct vl_overdue *it)
{
	char due[VL_DATE_BUFSZ], late[32], left[32];
	struct vl_buf detail = {0};
	const char *v[NOVERDUE_COLS] = {NULL};

	/* for people, in their language */
	vl_overdue_detail(it, &detail, vl_out_people(out));
	snprintf(late, sizeof late, "%ld", it->days_late);
	snprintf(left, sizeof left, "%ld", -it->days_late);
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
	v[6] = vl_date_format(it->due, due);
	/* a row coming due is not late by minus some days: it has days */
	v[7] = it->status == VL_OD_LATE ? late : NULL;
	v[8] = it->status == VL_OD_DUE_SOON ? left : NULL;
	v[9] = vl_overdue_status_name(it->status);
	v[10] = detail.data ? detail.data : "";
	vl_out_row(out, v);
	vl_buf_free(&detail);
}

struct vl_out *
vl_overdue_open(const struct vl_book *b, const struct vl_outopts *o)
{
	struct vl_outopts own;

	return vl_out_report(named(o, b, &own), "逾期清单", b->as_of,
	    NOVERDUE_COLS, overdue_cols);
}

int
vl_report_overdue(const struct vl_book *b, const struct vl_outopts *o,
    long within, const struct vl_filter *f, bool *found)
{
	struct vl_overdue *list;
	struct vl_out *out;
	size_t i, n;

	n = vl_overdue_collect(b, within, &list);
	if (f)
		n = vl_overdue_filter(list, n, f);
	out = vl_overdue_open(b, o);
	*found = false;
	for (i = 0; i < n; i++) {
		vl_overdue_put(out, &list[i]);
		if (vl_overdue_actionable(&list[i]))
			*found = true;
	}
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

/* key, when new, as the next of k; returns how many k has */
static size_t
od_key(struct vl_groups *seen, struct od_count *k, size_t n,
    const char *key)
{
	vl_groups_add(seen, key, 0, 0);
	if (seen->n > n)
		k[n++].key = key;
	return n;
}

/* every key the projects f passes name, in order of first appearance,
 * then the owners of tasks (by leader); returns how many */
static size_t
od_keys(const struct vl_book *b, const struct vl_filter *f, enum vl_fcol by,
    struct vl_groups *seen, struct od_count *k)
{
	const char *row[VL_NFC] = {NULL};
	size_t i, n = 0;

	for (i = 0; i < b->projects.n; i++) {
		if (f && !vl_filter_project(f, &b->projects.v[i]))
			continue;
		vl_filter_project_row(row, &b->projects.v[i]);
		n = od_key(seen, k, n, row[by]);
	}
	for (i = 0; by == VL_FC_LEADER && i < b->ntasks; i++)
		if (vl_filter_task(f, &b->tasks[i]))
			n = od_key(seen, k, n, b->tasks[i].owner);
	return n;
}

int
vl_report_overdue_by(const struct vl_book *b, const struct vl_outopts *o,
    long within, const struct vl_filter *f, enum vl_fcol by, bool *found)
{
	/* a word: the total row's "total" */
	struct vl_col cols[] = {{vl_filter_names[by], VL_COL_WORD},
	    {"items", VL_COL_INT}, {"late", VL_COL_INT},
	    {"due_soon", VL_COL_INT}, {"flags", VL_COL_INT},
	    {"most_days_late", VL_COL_INT}};
	struct od_count *k, total = {"total", 0, 0, 0, 0, 0};
	const char *row[VL_NFC];
	struct vl_groups seen = {0};
	struct vl_overdue *list;
	struct vl_outopts own;
	struct vl_out *out;
	size_t i, n, nk;

	n = vl_overdue_collect(b, within, &list);
	if (f)
		n = vl_overdue_filter(list, n, f);
	k = vl_xcalloc(b->projects.n + b->ntasks + 1, sizeof *k);
	nk = od_keys(b, f, by, &seen, k);
	*found = false;
	for (i = 0; i < n; i++) {
		vl_overdue_frow(&list[i], row);
		/* an item of no town (a task) counts under "" */
		nk = od_key(&seen, k, nk, row[by] ? row[by] : "");
		od_count_add(&k[vl_groups_find(&seen, row[by] ? row[by] :
		    "") - seen.v],
		    &list[i]);
		od_count_add(&total, &list[i]);
		*found |= vl_overdue_actionable(&list[i]);
	}
	out = vl_out_report(named(o, b, &own), "逾期统计", b->as_of, 6, cols);
	for (i = 0; i < nk; i++)
		od_count_row(out, &k[i]);
	od_count_row(out, &total);
	vl_groups_free(&seen);
	free(k);
	free(list);
	return vl_out_close(out);
}

/* ---- progress -------------------------------------------------------- */

static const struct vl_col town_cols[] = {
	{"town", VL_COL_WORD}, {"projects", VL_COL_INT},
	{"reviewed", VL_COL_INT}, {"started", VL_COL_INT},
	{"completed", VL_COL_INT}, {"accepted", VL_COL_INT},
	{"started_share", VL_COL_TEXT}, {"open_findings", VL_COL_INT},
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

static int
progress_by_project(const struct vl_book *b, const struct vl_standing *s,
    const struct vl_outopts *o, const struct vl_filter *f)
{
	char d[4][VL_DATE_BUFSZ], open[24], overdue[24];
	const char *v[NPROJECT_COLS];
	struct vl_outopts own;
	struct vl_out *out;
	size_t i;

	out = vl_out_report(named(o, b, &own), "项目进度", b->as_of,
	    NPROJECT_COLS, project_cols);
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

int
vl_report_progress_entries(const struct vl_book *b,
    const struct vl_outopts *o, const struct vl_filter *f)
{
	struct entries e = {b, f, NULL, 0};
	struct vl_csv_opts opts = {.encoding = b->encoding, .regular = true};
	char *path = vl_reg_path(&b->reg, "progress.csv");
	int status = VL_OK, closed;

	e.out = vl_out_report(o, "进度记录", b->as_of, NENTRY_COLS,
	    entry_cols);
	/* the book read the file already: every row of it is good */
	if (vl_reg_exists(&b->reg, "progress.csv"))
		status = vl_csv_read(path, vl_book_display(b, "progress.csv"),
		    &opts, entry_row, &e);
	closed = vl_out_close(e.out);
	free(path);
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

static void
funds_row(struct vl_out *out, const struct vl_funds_row *r,
    struct unattributed u)
{
	char m[5][VL_MONEY_BUFSZ];
	const char *v[NFUNDS_COLS];
	bool line = r->kind == VL_FR_LINE || r->kind == VL_FR_LEVEL;

	v[0] = r->line;
	v[1] = r->level;
	v[2] = r->plan ? vl_money_format(*r->plan, m[0]) : NULL;
	v[3] = vl_money_format(r->sums->received, m[1]);
	/* for people, no 0.00 where nothing could be booked to the line */
	v[4] = line && u.allocated && r->sums->allocated == 0 ? NULL :
	    vl_money_format(r->sums->allocated, m[2]);
	v[5] = line && u.spent && r->sums->spent == 0 ? NULL :
	    vl_money_format(r->sums->spent, m[3]);
	v[6] = r->remaining ? vl_money_format(r->left, m[4]) : NULL;
	vl_out_row(out, v);
}

int
vl_report_funds(const struct vl_book *b, const struct vl_ledger *l,
    const struct vl_outopts *o)
{
	const struct vl_ledger_sums *stray = &l->line[l->nlines];
	struct unattributed u = {false, false};
	struct vl_funds_row *rows;
	struct vl_outopts own;
	struct vl_out *out;
	size_t i, n = vl_funds_rows(b, l, &rows);

	if (vl_out_human(o))
		u = (struct unattributed){stray->allocated != 0,
		    stray->spent != 0};
	out = vl_out_report(named(o, b, &own), "资金", b->as_of, NFUNDS_COLS,
	    funds_cols);
	for (i = 0; i < n; i++)
		funds_row(out, &rows[i], u);
	if (u.allocated || u.spent)
		vl_out_note(out, vl_tr("Allocations and expenses name a "
		    "funding level only when the clerk gave one: what was "
		    "booked without one stands on the row (no line), and a "
		    "line's empty cell means nothing could be attributed to "
		    "it, not 0.00."));
	free(rows);
	return vl_out_close(out);
}
