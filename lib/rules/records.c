/*
 * records.c - the rules of a record beyond the schema's, as vl-add and
 * vl-inspect add it.
 */
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/i18n.h"
#include "base/money.h"
#include "base/strbuf.h"
#include "register/batch.h"
#include "register/history.h"
#include "register/rewrite.h"
#include "rules/entries.h"
#include "rules/records.h"

/* "town/village", newly allocated: one project a village */
static char *
village_key(const char *town, const char *village)
{
	struct vl_buf k = {0};

	vl_buf_printf(&k, "%s\x1f%s", town, village);
	return k.data;
}

struct villages {
	struct vl_projects set;	/* "town/village": the project's id in town */
	size_t projects;	/* with the batch's good rows so far */
	long planned;		/* the plan's villages */
	char *plan;		/* plan.json as messages name it */
};

/* The projects by village, made once for a batch: ids are the keys,
 * town the project's id. */
static struct vl_projects *
villages(struct vl_batch *b)
{
	struct villages *v = b->ctx;
	struct vl_projects *set;
	struct vl_project k = {0};
	size_t i;

	if (v)
		return &v->set;
	b->ctx = v = vl_xcalloc(1, sizeof *v);
	set = &v->set;
	for (i = 0; i < b->book.projects.n; i++) {
		k.id = village_key(b->book.projects.v[i].town,
		    b->book.projects.v[i].village);
		k.town = vl_xstrdup(b->book.projects.v[i].id);
		if (!vl_projects_find(set, k.id))
			vl_projects_add(set, &k);
		else
			free(k.id), free(k.town);
	}
	return set;
}

static int
village_taken(const struct vl_record *r, const char *had)
{
	vl_errat(r->file, r->line, "village", "%s %s has a project already "
	    "(%s): one project a village; to change that one, vl-add amend "
	    "project %s", vl_field(r, "town"), vl_field(r, "village"), had,
	    had);
	return 1;
}

/* More projects than the plan's villages is taken (the programme may
 * have grown before its plan was amended) but said, once the batch is
 * written, with the count it makes: vl-fund check reports it until the
 * plan says so too.  Counted here, row by row. */
static void
count_projects(struct vl_batch *b)
{
	struct villages *v = b->ctx;

	v->projects = b->book.projects.n;
	v->planned = b->book.plan.villages;
	if (!v->plan)
		v->plan = vl_xstrdup(vl_book_display(&b->book, "plan.json"));
}

static void
more_than_planned(const struct villages *v)
{
	if ((long)v->projects <= v->planned)
		return;
	vl_warn(vl_trn(v->planned, "%s: %zu projects under a plan of %ld "
	    "village: amend the plan's villages if the programme grew "
	    "(vl-fund check reports it until then)", "%s: %zu projects under "
	    "a plan of %ld villages: amend the plan's villages if the "
	    "programme grew (vl-fund check reports it until then)"),
	    v->plan, v->projects, v->planned);
}

static vl_date
date_or(const char *s, vl_date otherwise)
{
	vl_date d;
	const char *why;

	return *s && vl_date_parse(s, &d, &why) == 0 ? d : otherwise;
}

/* Columns read on one line (a list's row, a file named after one): no
 * line break or tab.  Each said as file:line: column; how many. */
static int
one_line_columns(const char *file, long line, const char *const *columns,
    vl_project_field *field, const void *ctx)
{
	int bad = 0;

	for (; *columns; columns++)
		if (strpbrk(field(ctx, *columns), "\t\r\n")) {
			vl_errat(file, line, *columns, "a line break or a tab: "
			    "one line of text");
			bad++;
		}
	return bad;
}

int
vl_project_people(const char *file, long line, vl_project_field *field,
    const void *ctx, const struct vl_record *was)
{
	static const char *const people[] = {"leader", "specialist", NULL};
	const char *const *p;
	int bad = 0;

	for (p = people; *p; p++) {
		if (*field(ctx, *p) || (was && !*vl_field(was, *p)))
			continue;	/* named; or amended, and never was */
		if (was)
			vl_errat(file, line, *p, "missing: every project names "
			    "its leader and specialist "
			    "(一个项目,一名领导,一名专干)");
		else if (strcmp(*p, "leader") == 0)
			vl_errat(file, line, *p, "missing: every project names "
			    "its leader (一个项目,一名领导,一名专干)");
		else
			vl_errat(file, line, *p, "missing: every project names "
			    "its specialist (一个项目,一名领导,一名专干)");
		bad++;
	}
	return bad;
}

int
vl_project_sane(const char *file, long line, vl_project_field *field,
    const void *ctx, const struct vl_plan *plan)
{
	static const char *const names[] = {"town", "village", "leader",
	    "specialist", NULL};
	const char *why, *own_end = field(ctx, "complete_by");
	vl_date start = date_or(field(ctx, "start_by"), plan->start_by);
	vl_date end = date_or(own_end, plan->complete_by);
	char d[2][VL_DATE_BUFSZ];
	int64_t fen;
	int bad = one_line_columns(file, line, names, field, ctx);

	if (vl_money_parse(field(ctx, "budget"), &fen, &why) == 0 && fen < 0) {
		vl_errat(file, line, "budget", "%s: a budget is never below "
		    "zero", field(ctx, "budget"));
		bad++;
	}
	if (start != VL_NODATE && end != VL_NODATE && end <= start) {
		vl_errat(file, line, *own_end ? "complete_by" : "start_by",
		    "complete_by %s is not after start_by %s: a project "
		    "completes after it starts", vl_date_format(end, d[0]),
		    vl_date_format(start, d[1]));
		bad++;
	}
	return bad;
}

static const char *
record_field(const void *r, const char *column)
{
	return vl_field(r, column);
}

/* A project's own rules; and a project added is known at once, so later
 * rows of the batch may not repeat it. */
static int
project_rule(struct vl_batch *b, const struct vl_record *r)
{
	struct vl_projects *set = villages(b);
	struct vl_project p = {0}, k = {0};
	const struct vl_project *had;
	int bad = vl_project_people(r->file, r->line, record_field, r, NULL) +
	    vl_project_sane(r->file, r->line, record_field, r, &b->book.plan);

	k.id = village_key(vl_field(r, "town"), vl_field(r, "village"));
	if ((had = vl_projects_find(set, k.id)) != NULL)
		bad += village_taken(r, had->town);
	if (bad || b->row_bad) {	/* a refused row is no project */
		free(k.id);
		return bad;
	}
	k.town = vl_xstrdup(vl_field(r, "id"));
	vl_projects_add(set, &k);
	p.id = vl_xstrdup(vl_field(r, "id"));
	vl_projects_add(&b->book.projects, &p);
	count_projects(b);
	return 0;
}

static vl_date
date_of(const struct vl_record *r, const char *field)
{
	vl_date d = VL_NODATE;
	const char *why;

	if (vl_date_parse(vl_field(r, field), &d, &why) != 0)
		d = VL_NODATE;
	return d;
}

/* An acceptance passes only a project completed on or before its day. */
static int
acceptance_rule(const struct vl_batch *b, const struct vl_record *r)
{
	vl_date date = date_of(r, "date"), done;
	char buf[VL_DATE_BUFSZ];
	long i;

	i = vl_projects_index(&b->book.projects, vl_field(r, "project"));
	if (strcmp(vl_field(r, "phase"), "acceptance") != 0 || i < 0 ||
	    date == VL_NODATE)
		return 0;
	done = b->book.progress[i].completed;
	if (done != VL_NODATE && done <= date)
		return 0;
	if (done == VL_NODATE)
		vl_errat(r->file, r->line, "result", "an acceptance can pass "
		    "only a completed project; %s has no completed progress "
		    "entry", vl_field(r, "project"));
	else
		vl_errat(r->file, r->line, "result", "an acceptance can pass "
		    "only a completed project; %s completed %s, after %s",
		    vl_field(r, "project"), vl_date_format(done, buf),
		    vl_field(r, "date"));
	return 1;
}

/* The rules of an inspection beyond the schema's: a pass has nothing to
 * rectify, and only a completed project can pass its acceptance. */
static int
inspection_rule(struct vl_batch *b, const struct vl_record *r)
{
	if (strcmp(vl_field(r, "result"), "pass") != 0)
		return 0;
	if (*vl_field(r, "due")) {
		vl_errat(r->file, r->line, "due", "a passed inspection has "
		    "nothing to rectify; leave due empty");
		return 1;
	}
	return acceptance_rule(b, r);
}

/* A task's area, title and owner are read on one line (the overdue
 * list's detail, a file named after its owner): no line break or tab.
 * A task imported done was done by today. */
static int
task_rule(struct vl_batch *b, const struct vl_record *r)
{
	static const char *const one_line[] = {"area", "title", "owner",
	    NULL};
	char day[VL_DATE_BUFSZ];
	vl_date done = date_of(r, "done");
	int bad = one_line_columns(r->file, r->line, one_line, record_field,
	    r);

	if (done != VL_NODATE && b->today != VL_NODATE && done > b->today) {
		vl_errat(r->file, r->line, "done", "%s is after today (%s): a "
		    "task is done when it was done", vl_field(r, "done"),
		    vl_date_format(b->today, day));
		bad++;
	}
	return bad;
}

static const char *const task_columns[] = {"area", "title", "owner", "due",
    NULL};

/* finding, due and inspector may be left out of an import; closed is
 * for close */
static const char *const inspection_columns[] = {"date", "project",
    "phase", "aspect", "result", NULL};

int
vl_add_records(const struct vl_filespec *spec, const struct vl_source *src,
    const char *import, const char *const *value, bool allow_repeat)
{
	struct vl_batch b = {0};
	int status;

	b.spec = spec;
	b.allow_repeat = allow_repeat;
	if (spec == &vl_projects_spec) {
		b.rule = project_rule;
		b.rule_on_bad = true;
	} else if (spec == &vl_inspections_spec) {
		b.load = VL_LOAD_PROGRESS;
		b.rule = inspection_rule;
		b.required = inspection_columns;
	} else if (spec == &vl_tasks_spec) {
		b.rule = task_rule;
		b.required = task_columns;
	} else {
		vl_entries_rules(&b);
	}
	status = vl_batch_run(&b, src, import, value);
	if (spec == &vl_projects_spec && b.ctx) {
		struct villages *v = b.ctx;

		if (status == VL_OK && v->plan)
			more_than_planned(v);
		vl_projects_free(&v->set);
		free(v->plan);
		free(b.ctx);
		b.ctx = NULL;
	}
	vl_entries_free(&b);
	return status;
}

/* ---- closing a finding ------------------------------------------------ */

struct closing {
	const char *id;
	vl_date when;
	const struct vl_close *how;
	char day[VL_DATE_BUFSZ], today[VL_DATE_BUFSZ];
	const struct vl_reg *reg;	/* its audit.csv: the reopens */
};

/* A close or a done dated before the day of the row's last reopen would
 * count on no day (the readers apply a reopen from its day, a close or
 * a done from its date): it is dated that day or later.  A reopen of an
 * older trail says no day: nothing to go by. */
static int
reopened_after(const struct vl_record *row, const struct vl_reg *reg,
    const struct vl_filespec *spec, const char *id, vl_date when,
    const char *column)
{
	vl_date day = vl_history_reopened(reg, spec->file, id);
	char on[VL_DATE_BUFSZ], was[VL_DATE_BUFSZ];

	if (day == VL_NODATE || when >= day)
		return 0;
	vl_date_format(when, on);
	vl_date_format(day, was);
	if (spec == &vl_tasks_spec)
		vl_errat(row->file, row->line, column, "task %s was reopened "
		    "as of %s, after %s, the date of this done: give --date "
		    "%s or later", id, was, on, was);
	else
		vl_errat(row->file, row->line, column, "the rectification of "
		    "inspection %s was reopened as of %s, after %s, the date "
		    "of this close: give --date %s or later", id, was, on,
		    was);
	return 1;
}

/* Only an open failed inspection closes, not a voided one, and not
 * before it happened. */
static int
can_close(const struct vl_record *row, const struct closing *c)
{
	char buf[VL_DATE_BUFSZ];
	vl_date d = date_of(row, "date");

	if (*vl_field(row, "voided")) {
		vl_errat(row->file, row->line, "voided", "inspection %s was "
		    "voided on %s (%s): not to be closed", c->id, vl_field(row,
		    "voided"), vl_field(row, "void_reason"));
		return 1;
	}
	if (strcmp(vl_field(row, "result"), "fail") != 0) {
		vl_errat(row->file, row->line, "result", "inspection %s did "
		    "not fail: nothing to rectify", c->id);
		return 1;
	}
	if (*vl_field(row, "closed")) {
		vl_errat(row->file, row->line, "closed", "inspection %s is "
		    "already closed (%s)", c->id, vl_field(row, "closed"));
		return 1;
	}
	if (d != VL_NODATE && c->when < d) {
		vl_errat("command line", 0, "date", "%s is before inspection "
		    "%s of %s", vl_date_format(c->when, buf), c->id,
		    vl_field(row, "date"));
		return 1;
	}
	return reopened_after(row, c->reg, &vl_inspections_spec, c->id,
	    c->when, "closed");
}

/* Who verified it, what they said and what shows it go to columns of
 * their own (added to a file without them), never into the finding:
 * the finding says what was wrong, as the inspector wrote it. */
static int
close_check(const struct vl_record *row, struct vl_rewrite *rw)
{
	struct closing *c = rw->ctx;
	const char *v[] = {c->how->by, c->how->note, c->how->evidence};
	static const char *const column[] = {"closed_by", "close_note",
	    "close_evidence"};
	size_t k;

	if (can_close(row, c))
		return 1;
	for (k = 0; k < 3; k++)
		if (v[k] && *v[k])
			rw->set[rw->n++] = (struct vl_assign){column[k], v[k],
			    NULL};
	return 0;
}

/* A name or a reference is one line: no line break, no control
 * character (a note may span lines, as the schema lets text). */
static int
one_line(const char *option, const char *v)
{
	if (!v || ((vl_text_clean(v, strlen(v)) && !strpbrk(v, "\t\r\n"))))
		return 0;
	vl_errat("command line", 0, option, "a control character or a line "
	    "break: one line of text");
	return 1;
}

int
vl_close_finding(const struct vl_source *src, const char *id, vl_date when,
    const struct vl_close *how)
{
	struct closing c = {id, when, how, "", "", NULL};
	struct vl_assign set[4] = {{"closed", c.day, NULL}};
	/* audited with the old and new values: who verified it is on the
	 * trail, not only in the file */
	struct vl_rewrite rw = {&vl_inspections_spec, id, set, 1, "close",
	    N_("no inspection \"%s\""), close_check, &c, "", NULL};
	struct vl_source all = {src->dir, VL_NODATE, src->encoding, NULL};
	struct vl_book b;
	size_t k;
	int status;

	vl_date_format(when, c.day);
	if (one_line("by", how->by) + one_line("evidence", how->evidence)) {
		vl_warn("nothing written");
		return VL_BADINPUT;
	}
	if (src->as_of != VL_NODATE && when > src->as_of) {
		vl_errat("command line", 0, "date", "%s is after today (%s): "
		    "a rectification is closed when it was verified", c.day,
		    vl_date_format(src->as_of, c.today));
		vl_warn("nothing written");
		return VL_BADINPUT;
	}
	/* every record counts here: none is ignored; and all of it is read
	 * under the writer's lock, so that what is rewritten is what was
	 * read */
	if ((status = vl_rewrite_load(&b, &all, rw.spec, 0)) == VL_OK) {
		c.reg = &b.reg;
		status = vl_rewrite_row(&b, &rw);
	}
	if (status == VL_BADINPUT)	/* a file refused as read, too */
		vl_warn("nothing written");
	for (k = 0; k < 4; k++)
		free(set[k].old);
	vl_book_free(&b);
	return status;
}

/* ---- a task done ------------------------------------------------------ */

struct doing {
	const char *evidence;	/* NULL or "": none given */
	struct vl_buf refs;	/* the task's evidence, then this */
	vl_date when;
	const struct vl_reg *reg;	/* its audit.csv: the reopens */
};

/* A task is done once; a void one is not to be done.  Evidence given
 * is added to what the task holds, never put in its place. */
static int
done_check(const struct vl_record *row, struct vl_rewrite *rw)
{
	struct doing *d = rw->ctx;
	const char *had = vl_field(row, "evidence");

	if (*vl_field(row, "done")) {
		vl_errat(row->file, row->line, "done", "task %s was done on %s "
		    "already; nothing to do", rw->id, vl_field(row, "done"));
		return 1;
	}
	if (*vl_field(row, "voided")) {
		vl_errat(row->file, row->line, "voided", "task %s was voided "
		    "on %s (%s): not to be done", rw->id, vl_field(row,
		    "voided"), vl_field(row, "void_reason"));
		return 1;
	}
	if (reopened_after(row, d->reg, &vl_tasks_spec, rw->id, d->when,
	    "done"))
		return 1;
	if (!d->evidence || !*d->evidence)
		return 0;
	vl_buf_printf(&d->refs, "%s%s%s", had, *had ? "; " : "", d->evidence);
	rw->set[rw->n++] = (struct vl_assign){"evidence", d->refs.data, NULL};
	return 0;
}

int
vl_task_done(const struct vl_source *src, const char *id, vl_date when,
    const char *evidence)
{
	struct doing d = {evidence, {0}, when, NULL};
	char day[VL_DATE_BUFSZ], today[VL_DATE_BUFSZ];
	struct vl_assign set[2] = {{"done", day, NULL}};
	/* audited with the old and new values (a reason, but none to say) */
	struct vl_rewrite rw = {&vl_tasks_spec, id, set, 1, "done",
	    N_("no task \"%s\""), done_check, &d, "", NULL};
	struct vl_source all = {src->dir, VL_NODATE, src->encoding, NULL};
	struct vl_book b;
	int status = VL_BADINPUT;

	memset(&b, 0, sizeof b);
	vl_date_format(when, day);
	if (evidence && (!vl_text_clean(evidence, strlen(evidence)) ||
	    strpbrk(evidence, "\t\r\n")))
		vl_errat("command line", 0, "evidence", "a control character "
		    "or a line break: one line of text");
	else if (src->as_of != VL_NODATE && when > src->as_of)
		vl_errat("command line", 0, "date", "%s is after today (%s): "
		    "a task is done when it was done", day,
		    vl_date_format(src->as_of, today));
	else if ((status = vl_rewrite_load(&b, &all, rw.spec, 0)) != VL_OK)
		;
	else if (!vl_reg_exists(&b.reg, vl_tasks_spec.file)) {
		vl_errat(vl_book_display(&b, vl_tasks_spec.file), 0, "id",
		    "no task \"%s\": the register has no tasks (vl-add task)",
		    id);
		status = VL_BADINPUT;
	} else {
		d.reg = &b.reg;
		status = vl_rewrite_row(&b, &rw);
	}
	vl_book_free(&b);
	if (status == VL_BADINPUT)
		vl_warn("nothing written");
	free(set[0].old);
	free(set[1].old);
	vl_buf_free(&d.refs);
	return status;
}
