/*
 * corrections.c - a mistake corrected through the tools, not by a hand
 * edit: a project, a task or a finding amended, a row voided, a close or
 * a done taken back, a fund entry reversed.  Each goes through the
 * register's one row rewrite or the batch, under the lock, and its audit
 * line holds the old and new values and the reason.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/i18n.h"
#include "base/money.h"
#include "register/batch.h"
#include "register/funds.h"
#include "rules/corrections.h"
#include "rules/entries.h"
#include "rules/records.h"

/* The reason stands in the trail for ever: one line of text. */
static int
need_reason(const char *reason)
{
	if (!reason || !*reason) {
		vl_errat("command line", 0, "reason", "missing: a correction "
		    "says why (--reason TEXT)");
		return 1;
	}
	if (vl_text_clean(reason, strlen(reason)) &&
	    !strpbrk(reason, "\t\r\n"))
		return 0;
	vl_errat("command line", 0, "reason", "a control character or a line "
	    "break: one line of text");
	return 1;
}

static int
not_after_today(const struct vl_source *src, vl_date when)
{
	char a[VL_DATE_BUFSZ], b[VL_DATE_BUFSZ];

	if (src->as_of == VL_NODATE || when <= src->as_of)
		return 0;
	vl_errat("command line", 0, "date", "%s is after today (%s): a "
	    "correction is dated when it is made", vl_date_format(when, a),
	    vl_date_format(src->as_of, b));
	return 1;
}

/* ---- amend a project --------------------------------------------------- */

struct amending {
	const struct vl_book *b;
	int64_t allocated;	/* to the project, net */
};

static int
on_allocation(const struct vl_fund *f, void *ctx)
{
	struct vl_rewrite *rw = ctx;
	struct amending *a = rw->ctx;

	if (f->kind == VL_ALLOCATION && strcmp(f->project, rw->id) == 0)
		vl_money_add(a->allocated, f->amount, &a->allocated);
	return 0;
}

/* what the row will hold in column, once amended */
static const char *
amended(const struct vl_record *row, const struct vl_rewrite *rw,
    const char *column)
{
	size_t k;

	for (k = 0; k < rw->n; k++)
		if (strcmp(rw->set[k].column, column) == 0)
			return rw->set[k].value;
	return vl_field(row, column);
}

static int
check_village(const struct vl_record *row, const struct vl_rewrite *rw)
{
	const struct vl_projects *ps = &((struct amending *)rw->ctx)->b->projects;
	const char *town = amended(row, rw, "town");
	const char *village = amended(row, rw, "village");
	size_t i;

	for (i = 0; i < ps->n; i++)
		if (strcmp(ps->v[i].id, rw->id) != 0 &&
		    strcmp(ps->v[i].town, town) == 0 &&
		    strcmp(ps->v[i].village, village) == 0) {
			vl_errat("command line", 0, "village", "%s %s has a "
			    "project already (%s): one project a village",
			    town, village, ps->v[i].id);
			return 1;
		}
	return 0;
}

static int
check_budget(const struct vl_record *row, const struct vl_rewrite *rw)
{
	const struct amending *a = rw->ctx;
	const char *s = amended(row, rw, "budget"), *why;
	char m[2][VL_MONEY_BUFSZ];
	int64_t fen;

	if (vl_money_parse(s, &fen, &why) != 0 || fen >= a->allocated ||
	    fen < 0)
		return 0;	/* a bad amount: the schema says so; below
				 * zero: vl_project_sane */
	vl_errat("command line", 0, "budget", "%s is below what is allocated "
	    "to %s already (%s): reverse an allocation first", vl_money_format(
	    fen, m[0]), rw->id, vl_money_format(a->allocated, m[1]));
	return 1;
}

struct amended_row {
	const struct vl_record *row;
	const struct vl_rewrite *rw;
};

static const char *
amended_field(const void *ctx, const char *column)
{
	const struct amended_row *a = ctx;

	return amended(a->row, a->rw, column);
}

/* The values given, each of its column's form (a date, an amount, a
 * mode), said of the command line they came from: the file's row holds
 * none of them yet, and the rest of it was checked when the register
 * was read. */
static int
amended_forms(const struct vl_record *row, const struct vl_rewrite *rw)
{
	const struct vl_filespec *s = rw->spec;
	const struct amending *a = rw->ctx;
	struct vl_header h = {s->n, vl_xcalloc(s->n, sizeof *h.name)};
	char **f = vl_xcalloc(s->n, sizeof *f);
	struct vl_record r = {.file = "command line", .line = 0, .n = s->n,
	    .field = f, .header = &h};
	size_t i;
	int bad;

	for (i = 0; i < s->n; i++) {
		h.name[i] = (char *)s->field[i].name;
		f[i] = (char *)amended(row, rw, s->field[i].name);
	}
	bad = vl_check_record(s, &r, &a->b->projects, &a->b->plan);
	free(h.name);
	free(f);
	return bad;
}

/* Does a field set to value change what the row holds?  A budget is
 * the same amount in any form ("36940" of a row written by hand). */
static bool
changes(const struct vl_record *row, const struct vl_assign *set)
{
	const char *had = vl_field(row, set->column), *why;
	int64_t a, b;

	if (strcmp(set->column, "budget") == 0 &&
	    vl_money_parse(had, &a, &why) == 0 &&
	    vl_money_parse(set->value, &b, &why) == 0)
		return a != b;
	return strcmp(had, set->value) != 0;
}

/* rw's set cut to the fields it changes; an amend that changes none is
 * refused */
static int
only_changes(const struct vl_record *row, struct vl_rewrite *rw)
{
	size_t k, changed = 0;

	for (k = 0; k < rw->n; k++)
		if (changes(row, &rw->set[k]))
			rw->set[changed++] = rw->set[k];
	rw->n = changed;
	if (changed)
		return 0;
	vl_errat("command line", 0, NULL, "%s holds these values already: "
	    "nothing to amend", rw->id);
	return 1;
}

/* The project as amended obeys every rule a new one does; a field set
 * to what it holds is no change, left out of the audit line, and an
 * amend that changes nothing is refused. */
static int
amend_check(const struct vl_record *row, struct vl_rewrite *rw)
{
	const struct amended_row now = {row, rw};

	if (only_changes(row, rw) != 0 || amended_forms(row, rw) != 0)
		return 1;
	return vl_project_people("command line", 0, amended_field, &now, row) +
	    check_village(row, rw) + check_budget(row, rw) +
	    vl_project_sane("command line", 0, amended_field, &now,
	    &((struct amending *)rw->ctx)->b->plan);
}

static int
read_allocations(const struct vl_book *b, struct vl_rewrite *rw)
{
	char *path = vl_reg_path(&b->reg, "funds.csv");
	struct vl_journal j = {path, vl_book_display(b, "funds.csv"),
	    VL_NODATE, b->encoding, true, &b->plan};
	int status = VL_OK;

	if (vl_reg_exists(&b->reg, "funds.csv"))
		status = vl_fund_read(&j, on_allocation, rw, NULL);
	free(path);
	return status;
}

/* a budget is stored in one form, as vl-add project stores it */
static void
normalise_budget(struct vl_assign *set, size_t n, char buf[VL_MONEY_BUFSZ])
{
	const char *why;
	int64_t fen;
	size_t k;

	for (k = 0; k < n; k++)
		if (strcmp(set[k].column, "budget") == 0 &&
		    vl_money_parse(set[k].value, &fen, &why) == 0)
			set[k].value = vl_money_format(fen, buf);
}

/* rw (an amend, its ctx a struct amending) made: the values typed as
 * the writers take them (a project's budget in one form), the register
 * read and the row rewritten under the writer's lock (a project's
 * allocations read for its budget's rule) */
static int
amend(const struct vl_source *src, struct vl_rewrite *rw)
{
	struct vl_source all = {src->dir, VL_NODATE, src->encoding, NULL};
	bool project = rw->spec == &vl_projects_spec;
	struct amending *a = rw->ctx;
	char money[VL_MONEY_BUFSZ], day[VL_DATE_BUFSZ], **typed;
	struct vl_book b;
	int status = VL_OK;
	size_t k, n = rw->n;

	/* the readers apply it from the day it is made as of */
	if (src->as_of != VL_NODATE)
		rw->day = vl_date_format(src->as_of, day);

	if (n == 0 && project)
		vl_errat("command line", 0, NULL, "nothing to amend: give the "
		    "fields to change (--leader NAME ...)");
	else if (n == 0)
		vl_errat("command line", 0, NULL, "nothing to amend: give the "
		    "fields to change");
	if (need_reason(rw->reason) || n == 0) {
		vl_warn("nothing written");
		return VL_BADINPUT;
	}
	typed = vl_xcalloc(n, sizeof *typed);
	for (k = 0; k < n; k++)	/* as vl-add and vl-inspect add take them */
		rw->set[k].value = typed[k] = vl_spec_typed(rw->spec, NULL,
		    rw->set[k].column, rw->set[k].value);
	if (project)
		normalise_budget(rw->set, n, money);
	a->b = &b;
	/* the rows of the file read as the readers read them */
	if ((status = vl_rewrite_load(&b, &all, rw->spec, 0)) == VL_OK &&
	    project)
		status = read_allocations(&b, rw);
	if (status == VL_OK)
		status = vl_rewrite_row(&b, rw);
	if (status == VL_BADINPUT)
		vl_warn("nothing written");
	vl_book_free(&b);
	for (k = 0; k < n; k++)
		free(typed[k]);
	free(typed);
	return status;
}

int
vl_amend_project(const struct vl_source *src, const char *id,
    struct vl_assign *set, size_t n, const char *reason)
{
	struct amending a = {NULL, 0};
	struct vl_rewrite rw = {&vl_projects_spec, id, set, n, "amend",
	    N_("no project \"%s\""), amend_check, &a, reason, NULL};

	return amend(src, &rw);
}

/* ---- amend a task or a finding ---------------------------------------- */

/* A voided row is out of every report: it is added again, not amended. */
static int
amend_voided(const struct vl_record *row, const struct vl_rewrite *rw)
{
	const char *was = vl_field(row, "voided");

	if (!*was)
		return 0;
	if (rw->spec == &vl_tasks_spec)
		vl_errat(row->file, row->line, "voided", "task %s was voided on "
		    "%s (%s): add it again rather than amend it", rw->id, was,
		    vl_field(row, "void_reason"));
	else
		vl_errat(row->file, row->line, "voided", "inspection %s was "
		    "voided on %s (%s): add it again rather than amend it",
		    rw->id, was, vl_field(row, "void_reason"));
	return 1;
}

/* A passed inspection has no finding and no due date to change. */
static int
amend_passed(const struct vl_record *row, const struct vl_rewrite *rw)
{
	size_t k;

	if (rw->spec != &vl_inspections_spec ||
	    strcmp(vl_field(row, "result"), "fail") == 0)
		return 0;
	for (k = 0; k < rw->n; k++)
		if (strcmp(rw->set[k].column, "inspector") != 0) {
			vl_errat("command line", 0, rw->set[k].column,
			    "inspection %s passed: it has no finding or due "
			    "date to amend", rw->id);
			return 1;
		}
	return 0;
}

/* A task's area, title and owner, an inspector's name, are read on one
 * line, as task_rule (records.c) has them when a task is added. */
static int
amend_one_line(const struct vl_rewrite *rw)
{
	static const char *const one_line[] = {"area", "title", "owner",
	    "inspector", NULL};
	int bad = 0;
	size_t k;

	for (k = 0; k < rw->n; k++)
		if (vl_in(one_line, rw->set[k].column) &&
		    strpbrk(rw->set[k].value, "\t\r\n")) {
			vl_errat("command line", 0, rw->set[k].column, "a line "
			    "break or a tab: one line of text");
			bad++;
		}
	return bad;
}

/* The row as amended obeys the rules a new one does (a fail's due date
 * after the inspection, a task's date a date); what it holds already is
 * no change. */
static int
amend_row_check(const struct vl_record *row, struct vl_rewrite *rw)
{
	if (amend_voided(row, rw) || amend_passed(row, rw) ||
	    only_changes(row, rw))
		return 1;
	return amend_one_line(rw) + amended_forms(row, rw);
}

int
vl_amend_row(const struct vl_source *src, const struct vl_filespec *spec,
    const char *id, struct vl_assign *set, size_t n, const char *reason)
{
	struct amending a = {NULL, 0};
	struct vl_rewrite rw = {spec, id, set, n, "amend", spec ==
	    &vl_tasks_spec ? N_("no task \"%s\"") :
	    N_("no inspection \"%s\""), amend_row_check, &a, reason, NULL};

	return amend(src, &rw);
}

/* ---- void ------------------------------------------------------------ */

struct voiding {
	vl_date when;
	char day[VL_DATE_BUFSZ];
	const struct vl_book *b;
};

/* What stands of a project's progress but the row to void: its other
 * starts, and the first of what follows a start (a milestone, the
 * completion). */
struct standing {
	const char *project, *id;	/* of the row to void */
	vl_date when;			/* the void's day */
	long n;				/* rows read: ids of a file without */
	vl_date start, after;
	char *after_id, *after_stage;
	vl_date after_void;		/* its void, after when; or none */
};

/* A row voided on a day stands until then: it stands on some day from
 * when on unless it is voided on or before when (or never stood, voided
 * on its own day).  *until: its void, VL_NODATE when none. */
static bool
stands_from(const struct vl_record *r, vl_date d, vl_date when,
    vl_date *until)
{
	const char *why;

	*until = VL_NODATE;
	if (!*vl_field(r, "voided"))
		return true;
	if (vl_date_parse(vl_field(r, "voided"), until, &why) != 0)
		return false;
	return *until > when && *until > d;
}

static int
on_standing(const struct vl_record *r, void *ctx)
{
	struct standing *st = ctx;
	const char *id = vl_field(r, "id"), *why;
	char num[24];
	vl_date d, until;

	st->n++;
	if (vl_header_index(r->header, "id") < 0) {	/* numbered as read */
		snprintf(num, sizeof num, "%ld", st->n);
		id = num;
	}
	if (strcmp(vl_field(r, "project"), st->project) != 0 ||
	    strcmp(id, st->id) == 0 ||
	    vl_date_parse(vl_field(r, "date"), &d, &why) != 0)
		return 0;
	if (strcmp(vl_field(r, "stage"), "started") == 0) {
		/* another start holds what follows only while it stands */
		if (!*vl_field(r, "voided"))
			vl_date_first(&st->start, d);
	} else if (stands_from(r, d, st->when, &until) &&
	    (st->after == VL_NODATE || d < st->after)) {
		/* what follows, standing on some day from the void's on:
		 * voided since, it stands until its void */
		st->after = d;
		st->after_void = until;
		free(st->after_id);
		free(st->after_stage);
		st->after_id = vl_xstrdup(id);
		st->after_stage = vl_xstrdup(vl_field(r, "stage"));
	}
	return 0;
}

/* A start is not voided while what follows it stands on it alone: the
 * register would hold a completion (or a milestone) without a start,
 * or before the one left. */
static int
start_stands(const struct vl_record *row, const struct vl_rewrite *rw)
{
	const struct voiding *v = rw->ctx;
	const struct vl_book *b = v->b;
	struct standing st = {vl_field(row, "project"), rw->id, v->when, 0,
	    VL_NODATE, VL_NODATE, NULL, NULL, VL_NODATE};
	struct vl_csv_opts opts = {.encoding = b->encoding, .regular = true};
	char *path = vl_reg_path(&b->reg, rw->spec->file);
	char day[VL_DATE_BUFSZ], until[VL_DATE_BUFSZ];
	int bad = 0;

	if (vl_csv_read(path, row->file, &opts, on_standing, &st) != VL_OK)
		bad = 1;	/* said */
	else if (st.after != VL_NODATE && (st.start == VL_NODATE ||
	    st.start > st.after) && st.after_void != VL_NODATE) {
		vl_errat(row->file, row->line, "voided", "progress %s is the "
		    "start of %s, and %s stands on it until its void on %s "
		    "(progress %s, %s): as of the days between, it would stand "
		    "without a start; give --date %s or later",
		    rw->id, st.project, st.after_stage, vl_date_format(
		    st.after_void, until), st.after_id, vl_date_format(
		    st.after, day), until);
		bad = 1;
	} else if (st.after != VL_NODATE && (st.start == VL_NODATE ||
	    st.start > st.after)) {
		vl_errat(row->file, row->line, "stage", "progress %s is the "
		    "start of %s, and %s stands on it (progress %s, %s): void "
		    "progress %s first, then this one", rw->id, st.project,
		    st.after_stage, st.after_id, vl_date_format(st.after, day),
		    st.after_id);
		bad = 1;
	}
	free(path);
	free(st.after_id);
	free(st.after_stage);
	return bad;
}

/* A passed acceptance of the project voided after the void's day: it
 * stands until its void, the latest such kept. */
struct accepting {
	const char *project;
	vl_date when, until;
	char *id;
};

static int
on_acceptance(const struct vl_record *r, void *ctx)
{
	struct accepting *a = ctx;
	const char *why;
	vl_date d, until;

	if (strcmp(vl_field(r, "project"), a->project) != 0 ||
	    strcmp(vl_field(r, "phase"), "acceptance") != 0 ||
	    strcmp(vl_field(r, "result"), "pass") != 0 ||
	    vl_date_parse(vl_field(r, "date"), &d, &why) != 0 ||
	    !stands_from(r, d, a->when, &until) || until == VL_NODATE ||
	    (a->until != VL_NODATE && until <= a->until))
		return 0;
	a->until = until;
	free(a->id);
	a->id = vl_xstrdup(vl_field(r, "id"));
	return 0;
}

/* A completion is not voided while a passed acceptance stands on it:
 * the register would hold a project accepted and never completed; nor
 * dated before the void of one voided since, which stands until then. */
static int
completion_stands(const struct vl_record *row, const struct vl_rewrite *rw)
{
	const struct voiding *v = rw->ctx;
	const struct vl_book *b = v->b;
	const char *project = vl_field(row, "project");
	long p = vl_projects_index(&b->projects, project);
	struct accepting a = {project, v->when, VL_NODATE, NULL};
	struct vl_csv_opts opts = {.encoding = b->encoding, .regular = true};
	char day[VL_DATE_BUFSZ];
	char *path;
	int status;

	if (p >= 0 && (!b->passes || b->passes[p].accepted == VL_NODATE) &&
	    vl_reg_exists(&b->reg, "inspections.csv")) {
		path = vl_reg_path(&b->reg, "inspections.csv");
		status = vl_csv_read(path, vl_book_display(b,
		    "inspections.csv"), &opts, on_acceptance, &a);
		free(path);
		if (status != VL_OK) {
			free(a.id);
			return 1;	/* said */
		}
	}
	if (a.until != VL_NODATE) {
		vl_date_format(a.until, day);
		vl_errat(row->file, row->line, "voided", "progress %s is the "
		    "completion of %s, and acceptance %s stands on it until "
		    "its void on %s: as of the days between, the project would "
		    "be accepted and not completed; give --date %s or later",
		    rw->id, project, a.id, day, day);
		free(a.id);
		return 1;
	}
	if (p < 0 || !b->passes || b->passes[p].accepted == VL_NODATE)
		return 0;
	vl_errat(row->file, row->line, "stage", "progress %s is the "
	    "completion of %s, and its acceptance passed %s stands on it: "
	    "void that acceptance first (vl-inspect list --project %s "
	    "--phase acceptance), then this one", rw->id, project,
	    vl_date_format(b->passes[p].accepted, day), project);
	return 1;
}

/* what must not stand on a progress row when it is voided */
static int
progress_stands(const struct vl_record *row, const struct vl_rewrite *rw)
{
	const char *stage = vl_field(row, "stage");

	if (strcmp(stage, "started") == 0)
		return start_stands(row, rw);
	if (strcmp(stage, "completed") == 0)
		return completion_stands(row, rw);
	return 0;
}

/* what a row of spec's file is called, in the messages' language */
static const char *
row_word(const struct vl_filespec *spec)
{
	return vl_tr(spec == &vl_progress_spec ? N_("progress entry") :
	    spec == &vl_tasks_spec ? N_("task") : N_("inspection"));
}

/* A row is voided on or after its own date: as of a day between, it
 * would be void before it happened. */
static int
void_before(const struct vl_record *row, const struct vl_rewrite *rw)
{
	const struct voiding *v = rw->ctx;
	const char *date = vl_field(row, "date"), *why;
	vl_date d;

	if (vl_date_parse(date, &d, &why) != 0 || v->when >= d)
		return 0;
	vl_errat(row->file, row->line, "voided", "%s is before %s %s of %s: "
	    "a row is voided on or after its own date; give --date %s or "
	    "later", v->day, row_word(rw->spec), rw->id, date, date);
	return 1;
}

static int
void_check(const struct vl_record *row, struct vl_rewrite *rw)
{
	const char *was = vl_field(row, "voided");

	if (!*was)
		return void_before(row, rw) || (rw->spec == &vl_progress_spec ?
		    progress_stands(row, rw) : 0);
	vl_errat(row->file, row->line, "voided", "%s %s was voided on %s "
	    "already (%s); nothing to do", row_word(rw->spec), rw->id, was,
	    vl_field(row, "void_reason"));
	return 1;
}

int
vl_void_row(const struct vl_source *src, const struct vl_filespec *spec,
    const char *id, vl_date when, const char *reason)
{
	struct vl_source all = {src->dir, VL_NODATE, src->encoding, NULL};
	struct voiding v = {when, "", NULL};
	struct vl_assign set[2] = {{"voided", v.day, NULL},
	    {"void_reason", reason, NULL}};
	struct vl_rewrite rw = {spec, id, set, 2, "void", spec ==
	    &vl_progress_spec ? N_("no progress entry \"%s\"") : spec ==
	    &vl_tasks_spec ? N_("no task \"%s\"") :
	    N_("no inspection \"%s\""), void_check, &v, reason, NULL};
	struct vl_book b;
	int status;

	vl_date_format(when, v.day);
	if (need_reason(reason) + not_after_today(src, when)) {
		vl_warn("nothing written");
		return VL_BADINPUT;
	}
	v.b = &b;
	/* a progress row's: the passed acceptances that may stand on it */
	if ((status = vl_rewrite_load(&b, &all, spec, spec ==
	    &vl_progress_spec ? VL_LOAD_INSPECTIONS | VL_LOAD_FAILS : 0)) ==
	    VL_OK)
		status = vl_rewrite_row(&b, &rw);
	if (status == VL_BADINPUT)
		vl_warn("nothing written");
	free(set[0].old);
	free(set[1].old);
	vl_book_free(&b);
	return status;
}

/* ---- reopen ---------------------------------------------------------- */

/* What a close or a done wrote, in the order the audit line says them. */
static const char *const closing_columns[] = {"closed", "closed_by",
    "close_note", "close_evidence", NULL};
static const char *const doing_columns[] = {"done", NULL};

/* the columns of col that row fills, to be emptied */
static int
set_filled(const struct vl_record *row, struct vl_rewrite *rw,
    const char *const *col)
{
	for (rw->n = 0; *col; col++)
		if (*vl_field(row, *col))
			rw->set[rw->n++] = (struct vl_assign){*col, "", NULL};
	return 0;
}

/* A reopen is made as of the close's or the done's day or later: as of
 * an earlier day there was nothing to take back, and the close would
 * count on no day (the readers apply a reopen from its day). */
static int
reopen_before(const struct vl_record *row, const struct vl_rewrite *rw,
    const char *column)
{
	const char *was = vl_field(row, column), *why;
	vl_date d, day;

	if (!rw->day || vl_date_parse(rw->day, &day, &why) != 0 ||
	    vl_date_parse(was, &d, &why) != 0 || d <= day)
		return 0;
	if (rw->spec == &vl_tasks_spec)
		vl_errat(row->file, row->line, column, "task %s was done on "
		    "%s, after %s, the day this reopen is made as of: give "
		    "--as-of %s or later", rw->id, was, rw->day, was);
	else
		vl_errat(row->file, row->line, column, "the rectification of "
		    "inspection %s was closed on %s, after %s, the day this "
		    "reopen is made as of: give --as-of %s or later", rw->id,
		    was, rw->day, was);
	return 1;
}

/* Only a closed rectification or a done task is reopened, and not a
 * voided one (out of every report already).  The set: the columns the
 * close or the done filled, emptied; the audit line says their values. */
static int
reopen_check(const struct vl_record *row, struct vl_rewrite *rw)
{
	bool task = rw->spec == &vl_tasks_spec;

	if (*vl_field(row, "voided") && task) {
		vl_errat(row->file, row->line, "voided", "task %s was voided on "
		    "%s (%s): nothing to reopen", rw->id, vl_field(row,
		    "voided"), vl_field(row, "void_reason"));
		return 1;
	}
	if (*vl_field(row, "voided")) {
		vl_errat(row->file, row->line, "voided", "inspection %s was "
		    "voided on %s (%s): nothing to reopen", rw->id,
		    vl_field(row, "voided"), vl_field(row, "void_reason"));
		return 1;
	}
	if (task && !*vl_field(row, "done")) {
		vl_errat(row->file, row->line, "done", "task %s is not done: "
		    "nothing to reopen", rw->id);
		return 1;
	}
	if (task)
		return reopen_before(row, rw, "done") ||
		    set_filled(row, rw, doing_columns);
	if (strcmp(vl_field(row, "result"), "fail") != 0) {
		vl_errat(row->file, row->line, "result", "inspection %s did "
		    "not fail: nothing to reopen", rw->id);
		return 1;
	}
	if (!*vl_field(row, "closed")) {
		vl_errat(row->file, row->line, "closed", "the rectification of "
		    "inspection %s is not closed: nothing to reopen", rw->id);
		return 1;
	}
	return reopen_before(row, rw, "closed") ||
	    set_filled(row, rw, closing_columns);
}

int
vl_reopen_row(const struct vl_source *src, const struct vl_filespec *spec,
    const char *id, const char *reason)
{
	struct vl_source all = {src->dir, VL_NODATE, src->encoding, NULL};
	struct vl_assign set[4] = {{NULL, NULL, NULL}};
	struct vl_rewrite rw = {spec, id, set, 0, "reopen", spec ==
	    &vl_tasks_spec ? N_("no task \"%s\"") :
	    N_("no inspection \"%s\""), reopen_check, NULL, reason, NULL};
	char day[VL_DATE_BUFSZ];
	struct vl_book b;
	size_t k;
	int status;

	if (need_reason(reason)) {
		vl_warn("nothing written");
		return VL_BADINPUT;
	}
	if (src->as_of != VL_NODATE)
		rw.day = vl_date_format(src->as_of, day);
	/* read, the rows of the file as the readers read them, and
	 * rewritten under the writer's lock */
	if ((status = vl_rewrite_load(&b, &all, spec, 0)) == VL_OK)
		status = vl_rewrite_row(&b, &rw);
	if (status == VL_BADINPUT)
		vl_warn("nothing written");
	for (k = 0; k < rw.n; k++)
		free(set[k].old);
	vl_book_free(&b);
	return status;
}

/* ---- reverse --------------------------------------------------------- */

#define FUND_FIELDS 10	/* of vl_funds_spec: id .. note, reverses */

struct reversing {
	const char *id;
	bool found;
	char *field[FUND_FIELDS];	/* the reversal, in the spec's order */
};

static int
on_entry(const struct vl_fund *f, void *ctx)
{
	struct reversing *r = ctx;
	char buf[VL_MONEY_BUFSZ];

	if (r->found || strcmp(f->id, r->id) != 0)
		return 0;	/* every row read: one the readers refuse said */
	r->found = true;
	r->field[2] = vl_xstrdup(vl_kinds[f->kind]);
	r->field[3] = vl_xstrdup(f->level);
	r->field[4] = vl_xstrdup(f->source);
	r->field[5] = vl_xstrdup(f->project);
	r->field[6] = vl_xstrdup(f->purpose);
	/* -INT64_MIN is no amount: the batch refuses what cannot negate */
	r->field[7] = vl_xstrdup(vl_money_format(f->amount == INT64_MIN ? 0 :
	    -f->amount, buf));
	return 0;
}

/* The entry to reverse, read as it is: the batch checks again, under
 * the lock, that the reversal negates it exactly and once. */
static int
find_entry(const struct vl_source *src, struct reversing *r)
{
	struct vl_reg reg;
	struct vl_plan plan = {0};
	char *path, *plan_path, *display;
	int status;

	vl_reg_open(&reg, src->dir);
	path = vl_reg_path(&reg, "funds.csv");
	plan_path = vl_reg_path(&reg, "plan.json");
	/* its own copy: vl_reg_display's is the plan's once it is read */
	display = vl_xstrdup(vl_reg_display(&reg, "funds.csv"));
	{
		struct vl_journal j = {path, display, VL_NODATE, src->encoding,
		    true, &plan};

		/* read as a reader reads: a whole commit, never half; the
		 * plan's levels and sources are words of its rows */
		if ((status = vl_reg_lock_shared(&reg)) == VL_OK)
			status = vl_plan_load(plan_path, vl_reg_display(&reg,
			    "plan.json"), &plan);
		if (status == VL_OK)
			status = vl_reg_exists(&reg, "funds.csv") ?
			    vl_fund_read(&j, on_entry, r, NULL) : VL_OK;
	}
	vl_plan_free(&plan);
	free(plan_path);
	free(display);
	free(path);
	vl_reg_close(&reg);
	if (status == VL_OK && !r->found) {
		vl_errat("command line", 0, "reverses", "no fund entry \"%s\"",
		    r->id);
		status = VL_BADINPUT;
	}
	return status;
}

int
vl_reverse_fund(const struct vl_source *src, const char *id,
    const char *date, const char *reason)
{
	struct reversing r = {id, false, {NULL}};
	struct vl_batch b = {0};
	struct vl_buf detail = {0};
	size_t i;
	int status;

	if (vl_funds_spec.n != FUND_FIELDS)
		vl_die(VL_SYSFAULT, "internal error: funds.csv's columns");
	if (need_reason(reason))
		status = VL_BADINPUT;
	else
		status = find_entry(src, &r);
	if (status == VL_OK) {
		r.field[1] = date ? vl_xstrdup(date) : NULL;
		r.field[8] = vl_xstrdup(reason);
		r.field[9] = vl_xstrdup(id);
		vl_buf_printf(&detail, "reverses %s: amount %s; reason: %s", id,
		    r.field[7], reason);
		b.spec = &vl_funds_spec;
		b.detail = detail.data;
		vl_entries_rules(&b);
		status = vl_batch_run(&b, src, NULL,
		    (const char *const *)r.field);
		vl_entries_free(&b);
	} else if (status == VL_BADINPUT) {
		vl_warn("nothing written");
	}
	for (i = 0; i < FUND_FIELDS; i++)
		free(r.field[i]);
	vl_buf_free(&detail);
	return status;
}
