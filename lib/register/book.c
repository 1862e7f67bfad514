/*
 * book.c - a register loaded for reading: the plan, the projects, each
 * project's progress and the inspections, as of a day.
 */
#include <sys/stat.h>

#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/strbuf.h"
#include "io/csv.h"
#include "io/output.h"
#include "register/audit.h"
#include "register/book.h"
#include "register/book_priv.h"
#include "register/history.h"
#include "register/rollup.h"
#include "register/schema_priv.h"

/* One reader's: a part of a file, when it is read by several threads. */
struct loader {
	const struct vl_book *b;	/* plan, projects and day, shared */
	const struct vl_filespec *spec;	/* the file being read */
	struct vl_colmap map;
	/* what this part gathered */
	struct vl_projects *projects;	/* the book's (projects.csv); NULL
					 * in a part after the first */
	struct vl_project *got;	/* such a part's projects, placed in the
				 * table when the parts are accepted */
	size_t ngot;
	struct vl_strset names;	/* their towns, villages, people... once */
	struct vl_progress_state *progress;
	vl_date *reached;	/* the milestones of progress, one block */
	struct vl_inspection *insp;
	size_t ninsp;
	long *insp_project;	/* per inspection: its project's index */
	struct vl_passes *passes;	/* per project */
	struct vl_void *voids;
	size_t nvoids;
	bool want_voids;
	bool fails_only;	/* VL_LOAD_FAILS */
	struct vl_arena strings;
	/* the corrections after the day, taken back from each row before
	 * fn reads it; NULL: none */
	const struct vl_history *history;
	vl_record_fn fn;
};

/* Records dated after the day asked for are not there yet. */
static bool
later(const struct loader *l, vl_date d)
{
	return l->b->as_of != VL_NODATE && d > l->b->as_of;
}

/* where a part's texts of projects are kept: the projects' arena, or
 * a later part's own (merged into the book's) */
static struct vl_arena *
texts(struct loader *l)
{
	return l->projects ? &l->projects->strings : &l->strings;
}

/* a text of a project, in the projects' arena: 600,000 projects are not
 * four million mallocs, nor a town's name 600,000 times */
static char *
dup(struct loader *l, const struct vl_value *v)
{
	return vl_strset_intern(&l->names, texts(l), v->s);
}

/* A row of projects.csv into the table; in a part after the first, into
 * the part's list (the table is the first part's to fill until all are
 * read: see projects_accept). */
static int
on_project(const struct vl_record *r, void *ctx)
{
	struct loader *l = ctx;
	struct vl_projects *ps = l->projects;
	struct vl_value v[VL_SPEC_MAX];
	struct vl_project p = {0};
	bool bad = vl_check_row(&l->map, r, NULL, NULL, v) != 0;

	/* a refused row still names its project: the rows of the other
	 * files that name it are not said to name no such project (the
	 * register is refused whole, at this row) */
	if (bad && v[VL_P_ID].len == 0)
		return 0;
	if (ps && vl_projects_find(ps, v[VL_P_ID].s)) {
		vl_errat(r->file, r->line, "id", "duplicate project \"%s\"",
		    v[VL_P_ID].s);
		return 0;
	}
	p.id = vl_arena_strdup(texts(l), v[VL_P_ID].s);
	p.town = dup(l, &v[VL_P_TOWN]);
	p.village = dup(l, &v[VL_P_VILLAGE]);
	p.leader = dup(l, &v[VL_P_LEADER]);
	p.specialist = dup(l, &v[VL_P_SPECIALIST]);
	p.mode = dup(l, &v[VL_P_MODE]);
	p.area = dup(l, &v[VL_P_AREA]);
	p.shared = true;
	p.budget = bad ? 0 : v[VL_P_BUDGET].fen;
	p.start_by = v[VL_P_START_BY].date;
	p.complete_by = v[VL_P_COMPLETE_BY].date;
	if (p.start_by == VL_NODATE)
		p.start_by = l->b->plan.start_by;
	if (p.complete_by == VL_NODATE)
		p.complete_by = l->b->plan.complete_by;
	p.line = r->line;
	if (ps) {
		vl_projects_add(ps, &p);
	} else {
		if ((l->ngot & (l->ngot - 1)) == 0)	/* 0, 1, 2, 4... */
			l->got = vl_xrealloc(l->got, (l->ngot ? 2 * l->ngot :
			    1) * sizeof *l->got);
		l->got[l->ngot++] = p;
	}
	return 0;
}

/* The later parts' projects placed in the table after the first part's,
 * in order: false at an id already there (the file is then read again as
 * one, which says so at its line, among the other messages in order). */
static bool
projects_accept(void *const *parts, size_t n, void *arg)
{
	struct vl_projects *ps = ((struct loader *)parts[0])->projects;
	size_t k, i;

	(void)arg;
	for (k = 1; k < n; k++) {
		const struct loader *part = parts[k];

		for (i = 0; i < part->ngot; i++) {
			if (vl_projects_find(ps, part->got[i].id))
				return false;
			vl_projects_add(ps, &part->got[i]);
		}
	}
	return true;
}

/* before projects.csv is read again as one: nothing of it kept */
static void
projects_reset(void *first, void *arg)
{
	struct loader *l = first;

	(void)arg;
	vl_projects_free(l->projects);
	memset(l->projects, 0, sizeof *l->projects);
	vl_strset_free(&l->names);
}

/* A row voided by the day: true, and kept in the voids when asked. */
static bool
voided(struct loader *l, const struct vl_value *v, int voided, int id,
    int date, int project, const char *what)
{
	struct vl_void *x;
	size_t n = l->nvoids;

	if (v[voided].date == VL_NODATE || later(l, v[voided].date))
		return false;
	if (!l->want_voids)
		return true;
	if ((n & (n - 1)) == 0)
		l->voids = vl_xrealloc(l->voids, (n ? 2 * n : 1) *
		    sizeof *l->voids);
	x = &l->voids[l->nvoids++];
	x->file = l->spec->file;
	x->id = vl_arena_strdup(&l->strings, v[id].s);
	x->what = vl_arena_strdup(&l->strings, what);
	x->reason = vl_arena_strdup(&l->strings, v[voided + 1].s);
	x->project = v[project].project;
	x->date = v[date].date;
	x->voided = v[voided].date;
	return true;
}

static int
on_progress(const struct vl_record *r, void *ctx)
{
	struct loader *l = ctx;
	struct vl_value v[VL_SPEC_MAX];
	struct vl_progress_state *s;
	int stage;

	if (vl_check_row(&l->map, r, &l->b->projects, NULL, v) != 0 ||
	    later(l, v[VL_G_DATE].date) || voided(l, v, VL_G_VOIDED, VL_G_ID,
	    VL_G_DATE, VL_G_PROJECT, v[VL_G_STAGE].s))
		return 0;
	s = &l->progress[v[VL_G_PROJECT].project];
	stage = v[VL_G_STAGE].choice;
	if (stage == 0)
		vl_date_first(&s->started, v[VL_G_DATE].date);
	else if ((size_t)stage == l->b->plan.nmilestones + 1)
		vl_date_first(&s->completed, v[VL_G_DATE].date);
	else
		vl_date_first(&s->milestone[stage - 1], v[VL_G_DATE].date);
	return 0;
}

/* The closing's fields (v NULL: not closed as of the day, none); the
 * texts in the arena, the empty ones shared. */
static void
closing(struct loader *l, struct vl_inspection *in, const struct vl_value *v)
{
	static char none[] = "";

	in->closed_by = v && *v[VL_I_CLOSED_BY].s ? vl_arena_strdup(
	    &l->strings, v[VL_I_CLOSED_BY].s) : none;
	in->close_note = v && *v[VL_I_CLOSE_NOTE].s ? vl_arena_strdup(
	    &l->strings, v[VL_I_CLOSE_NOTE].s) : none;
	in->close_evidence = v && *v[VL_I_CLOSE_EVIDENCE].s ?
	    vl_arena_strdup(&l->strings, v[VL_I_CLOSE_EVIDENCE].s) : none;
}

/* an inspection of phase, result and date: a first pass of its project? */
static void
count_pass(struct vl_passes *ps, const char *phase, const char *result,
    vl_date date)
{
	if (strcmp(result, "pass") != 0 || date == VL_NODATE)
		return;
	if (strcmp(phase, "review") == 0)
		vl_date_first(&ps->reviewed, date);
	else if (strcmp(phase, "acceptance") == 0)
		vl_date_first(&ps->accepted, date);
}

/* n projects' passes, none yet */
static struct vl_passes *
no_passes(size_t n)
{
	struct vl_passes *ps = vl_xcalloc(n + 1, sizeof *ps);
	size_t i;

	for (i = 0; i < n; i++)
		ps[i].reviewed = ps[i].accepted = VL_NODATE;
	return ps;
}

static int
on_inspection(const struct vl_record *r, void *ctx)
{
	struct loader *l = ctx;
	struct vl_value v[VL_SPEC_MAX];
	struct vl_inspection *in;
	size_t n = l->ninsp;
	long p;

	if (vl_check_row(&l->map, r, &l->b->projects, NULL, v) != 0 ||
	    later(l, v[VL_I_DATE].date) || voided(l, v, VL_I_VOIDED, VL_I_ID,
	    VL_I_DATE, VL_I_PROJECT, v[VL_I_PHASE].s))
		return 0;
	if ((p = v[VL_I_PROJECT].project) >= 0)
		count_pass(&l->passes[p], vl_phases[v[VL_I_PHASE].choice],
		    vl_results[v[VL_I_RESULT].choice], v[VL_I_DATE].date);
	if (l->fails_only && strcmp(vl_results[v[VL_I_RESULT].choice],
	    "fail") != 0)
		return 0;
	if ((n & (n - 1)) == 0) {	/* 0, 1, 2, 4...: grow */
		l->insp = vl_xrealloc(l->insp, (n ? 2 * n : 1) *
		    sizeof *l->insp);
		l->insp_project = vl_xrealloc(l->insp_project, (n ? 2 * n :
		    1) * sizeof *l->insp_project);
	}
	l->insp_project[n] = v[VL_I_PROJECT].project;
	in = &l->insp[l->ninsp++];
	/* the texts in an arena, the choices shared, not one malloc each */
	in->id = vl_arena_strdup(&l->strings, v[VL_I_ID].s);
	in->project = vl_arena_strdup(&l->strings, v[VL_I_PROJECT].s);
	in->phase = (char *)vl_phases[v[VL_I_PHASE].choice];
	/* the plan's aspects, when it names them, live as long as the book */
	in->aspect = (char *)l->map.choices[VL_I_ASPECT][v[VL_I_ASPECT].choice];
	in->result = (char *)vl_results[v[VL_I_RESULT].choice];
	in->finding = vl_arena_strdup(&l->strings, v[VL_I_FINDING].s);
	in->inspector = vl_arena_strdup(&l->strings, v[VL_I_INSPECTOR].s);
	in->evidence = vl_arena_strdup(&l->strings, v[VL_I_EVIDENCE].s);
	in->date = v[VL_I_DATE].date;
	in->due = v[VL_I_DUE].date;
	in->closed = v[VL_I_CLOSED].date;
	/* a closing dated after the day asked for has not happened yet */
	if (later(l, in->closed))
		in->closed = VL_NODATE;
	closing(l, in, in->closed == VL_NODATE ? NULL : v);
	in->line = r->line;
	return 0;
}

/* A task as of the day: one voided by then is gone, one done later is
 * not done yet. */
static int
on_task(const struct vl_record *r, void *ctx)
{
	struct loader *l = ctx;
	struct vl_book *b = (struct vl_book *)l->b;
	struct vl_value v[VL_SPEC_MAX];
	struct vl_task *t;
	size_t n = b->ntasks;

	if (vl_check_row(&l->map, r, NULL, NULL, v) != 0 ||
	    later(l, v[VL_K_DATE].date) ||
	    voided(l, v, VL_K_VOIDED, VL_K_ID, VL_K_DUE, VL_K_ID,
	    v[VL_K_TITLE].s))
		return 0;
	if ((n & (n - 1)) == 0)
		b->tasks = vl_xrealloc(b->tasks, (n ? 2 * n : 1) *
		    sizeof *b->tasks);
	t = &b->tasks[b->ntasks++];
	t->id = vl_arena_strdup(&l->strings, v[VL_K_ID].s);
	t->area = vl_arena_strdup(&l->strings, v[VL_K_AREA].s);
	t->title = vl_arena_strdup(&l->strings, v[VL_K_TITLE].s);
	t->owner = vl_arena_strdup(&l->strings, v[VL_K_OWNER].s);
	t->evidence = vl_arena_strdup(&l->strings, v[VL_K_EVIDENCE].s);
	t->note = vl_arena_strdup(&l->strings, v[VL_K_NOTE].s);
	t->due = v[VL_K_DUE].date;
	t->done = later(l, v[VL_K_DONE].date) ? VL_NODATE : v[VL_K_DONE].date;
	t->line = r->line;
	return 0;
}

/* A row as it stood at the end of the day, to the file's fn. */
static int
as_it_was(const struct vl_record *r, void *ctx)
{
	struct loader *l = ctx;
	struct vl_was w = {0};
	int status = l->fn(vl_history_row(l->history, l->spec->file, r, &w),
	    ctx);

	vl_was_free(&w);
	return status;
}

/* The inspections of each project, in the order of the file, found
 * without a pass over all of them: a counting sort by project. */
static void
index_inspections(struct vl_book *b, const long *project)
{
	size_t np = b->projects.n, i, *next;

	free(b->insp_first);
	free(b->insp_of);
	b->insp_first = vl_xcalloc(np + 1, sizeof *b->insp_first);
	b->insp_of = vl_xcalloc(b->ninsp, sizeof *b->insp_of);
	for (i = 0; i < b->ninsp; i++)
		b->insp_first[project[i] + 1]++;
	for (i = 0; i < np; i++)
		b->insp_first[i + 1] += b->insp_first[i];
	next = vl_xcalloc(np + 1, sizeof *next);
	memcpy(next, b->insp_first, np * sizeof *next);
	for (i = 0; i < b->ninsp; i++)
		b->insp_of[next[project[i]]++] = i;
	free(next);
}

void
vl_book_index(struct vl_book *b)
{
	size_t k;

	free(b->insp_project);
	b->insp_project = vl_xcalloc(b->ninsp + 1, sizeof *b->insp_project);
	free(b->passes);
	b->passes = no_passes(b->projects.n);
	for (k = 0; k < b->ninsp; k++) {
		b->insp_project[k] = vl_projects_index(&b->projects,
		    b->insp[k].project);
		if (b->insp_project[k] >= 0)
			count_pass(&b->passes[b->insp_project[k]],
			    b->insp[k].phase, b->insp[k].result,
			    b->insp[k].date);
	}
	index_inspections(b, b->insp_project);
}

size_t
vl_book_inspections(const struct vl_book *b, size_t project,
    const size_t **list)
{
	if (!b->insp_first) {	/* inspections not loaded */
		*list = NULL;
		return 0;
	}
	*list = b->insp_of + b->insp_first[project];
	return b->insp_first[project + 1] - b->insp_first[project];
}

long
vl_book_villages(const struct vl_book *b)
{
	if (b->keep)
		return (long)b->kept;
	return (long)b->projects.n > b->plan.villages ? (long)b->projects.n :
	    b->plan.villages;
}

const char *
vl_book_display(const struct vl_book *b, const char *name)
{
	return vl_reg_display(&b->reg, name);
}

void
vl_book_names(const struct vl_book *b, struct vl_outopts *o)
{
	o->register_name = b->plan.name;
	o->register_part = b->narrowed_to;
}

/* n projects' progress, none yet; the milestones of them all (m a
 * project, the plan's) in one *block */
static struct vl_progress_state *
no_progress(size_t n, size_t m, vl_date **reached)
{
	struct vl_progress_state *p = vl_xcalloc(n + 1, sizeof *p);
	vl_date *block = m ? vl_xcalloc(n * m + 1, sizeof *block) : NULL;
	size_t i, k;

	for (i = 0; i < n; i++) {
		p[i].started = p[i].completed = VL_NODATE;
		p[i].milestone = block ? block + i * m : NULL;
		for (k = 0; k < m; k++)
			p[i].milestone[k] = VL_NODATE;
	}
	*reached = block;
	return p;
}

/* What a part gathered, after what the parts before it did. */
static void
part_merge(void *into, void *p, void *arg)
{
	struct loader *l = into, *part = p;
	size_t i, k, n = l->ninsp + part->ninsp;

	(void)arg;
	for (i = 0; part->progress && i < l->b->projects.n; i++) {
		if (part->progress[i].started != VL_NODATE)
			vl_date_first(&l->progress[i].started,
			    part->progress[i].started);
		if (part->progress[i].completed != VL_NODATE)
			vl_date_first(&l->progress[i].completed,
			    part->progress[i].completed);
		for (k = 0; k < l->b->plan.nmilestones; k++)
			if (part->progress[i].milestone[k] != VL_NODATE)
				vl_date_first(&l->progress[i].milestone[k],
				    part->progress[i].milestone[k]);
	}
	for (i = 0; part->passes && i < l->b->projects.n; i++) {
		if (part->passes[i].reviewed != VL_NODATE)
			vl_date_first(&l->passes[i].reviewed,
			    part->passes[i].reviewed);
		if (part->passes[i].accepted != VL_NODATE)
			vl_date_first(&l->passes[i].accepted,
			    part->passes[i].accepted);
	}
	if (part->ninsp) {
		l->insp = vl_xrealloc(l->insp, n * sizeof *l->insp);
		l->insp_project = vl_xrealloc(l->insp_project, n *
		    sizeof *l->insp_project);
		memcpy(l->insp + l->ninsp, part->insp, part->ninsp *
		    sizeof *l->insp);
		memcpy(l->insp_project + l->ninsp, part->insp_project,
		    part->ninsp * sizeof *l->insp_project);
		l->ninsp = n;
	}
	if (part->nvoids) {
		l->voids = vl_xrealloc(l->voids, (l->nvoids + part->nvoids) *
		    sizeof *l->voids);
		memcpy(l->voids + l->nvoids, part->voids, part->nvoids *
		    sizeof *l->voids);
		l->nvoids += part->nvoids;
	}
	vl_arena_take(&l->strings, &part->strings);
}

static void
part_free(void *p, void *arg)
{
	struct loader *part = p;

	(void)arg;
	free(part->progress);
	free(part->reached);
	free(part->insp);
	free(part->insp_project);
	free(part->passes);
	free(part->voids);
	free(part->got);
	vl_strset_free(&part->names);
	vl_arena_free(&part->strings);
}

/* A part after the first reads the same file into a loader of its
 * own. */
static void
part_init(void *part, const void *first, void *arg)
{
	const struct loader *l = first;
	struct loader *p = part;

	(void)arg;
	p->b = l->b;
	p->spec = l->spec;
	p->want_voids = l->want_voids;
	p->fails_only = l->fails_only;
	p->history = l->history;
	p->fn = l->fn;
	vl_colmap_init(&p->map, l->spec);
	vl_colmap_plan(&p->map, &l->b->plan);
	if (l->spec == &vl_progress_spec)
		p->progress = no_progress(l->b->projects.n,
		    l->b->plan.nmilestones, &p->reached);
	if (l->spec == &vl_inspections_spec)
		p->passes = no_passes(l->b->projects.n);
}

/*
 * Read one file of the register into l.  Projects, progress and
 * inspections are read by a thread a part when large (vl_csv_gather),
 * each part into a loader of its own, merged in order (projects: their
 * table filled by the first part, the others' placed after it); tasks,
 * which are few, by one.
 */
static int
read_file(struct loader *l, const struct vl_filespec *s, vl_record_fn fn,
    bool must_exist)
{
	bool projects = s == &vl_projects_spec;
	struct vl_gather g = {sizeof(struct loader), part_init, part_merge,
	    part_free, projects ? projects_accept : NULL, projects ?
	    projects_reset : NULL, NULL};
	struct vl_csv_opts opts = {l->b->encoding, NULL, NULL, false, false, NULL};
	char *path = vl_reg_path(&l->b->reg, s->file), *display;
	long before = vl_error_count();
	int status = VL_OK;
	struct stat st;

	l->spec = s;
	l->fn = fn;
	if (l->history)
		fn = as_it_was;
	vl_colmap_init(&l->map, s);
	vl_colmap_plan(&l->map, &l->b->plan);
	/* a national projects.csv: its table made at once, not grown by
	 * doubling (a line is some 64 bytes and more) */
	if (projects && stat(path, &st) == 0 && st.st_size > (1 << 20))
		vl_projects_reserve(l->projects, (size_t)st.st_size / 64);
	opts.required = vl_spec_required(s);
	opts.regular = true;
	display = vl_xstrdup(vl_book_display(l->b, s->file));
	if (!must_exist && !vl_reg_exists(&l->b->reg, s->file))
		status = VL_OK;
	else if (s == &vl_tasks_spec)
		status = vl_csv_read(path, display, &opts, fn, l);
	else
		status = vl_csv_gather(path, display, &opts, fn, l, &g);
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

/* The lock the book is read under, held until vl_book_free: a reader's,
 * so that no writer commits while it reads (the files and the trail are
 * one state), or a writer's.  Then the trail: a reader warns when it does
 * not reach its head; a writer refuses to write on it. */
static int
lock(struct vl_book *b, int what)
{
	bool writer = (what & VL_LOAD_WRITE) != 0;
	struct vl_trail t;
	int status;

	status = writer ? vl_reg_lock(&b->reg) : vl_reg_lock_shared(&b->reg);
	if (status != VL_OK)
		return status;
	if (vl_trail_check(&b->reg, NULL, &t) == VL_TRAIL_OK)
		return VL_OK;
	vl_trail_say(&b->reg, &t, writer);
	return writer ? VL_SYSFAULT : VL_OK;
}

int
vl_book_load(struct vl_book *b, const struct vl_source *src, int what)
{
	struct loader l = {0};
	struct vl_history *history;
	int status = VL_OK;
	char *path;

	memset(b, 0, sizeof *b);
	b->as_of = src->as_of;
	b->encoding = src->encoding;
	l.b = b;
	l.projects = &b->projects;
	l.want_voids = (what & VL_LOAD_VOIDS) != 0;
	if (src->held) {
		b->reg = *src->held;	/* closed with the book */
		memset(src->held, 0, sizeof *src->held);
	} else {
		vl_reg_open(&b->reg, src->dir);
		if ((status = vl_reg_need_plan(&b->reg)) != VL_OK ||
		    (status = lock(b, what)) != VL_OK)
			return status;
	}
	path = vl_reg_path(&b->reg, "plan.json");
	status = vl_plan_load(path, vl_book_display(b, "plan.json"), &b->plan);
	free(path);
	/* written to, a register named as a roll-up's totals row is said to
	 * be (a roll-up refuses it); read alone it has no total to mistake */
	if (status == VL_OK && (what & VL_LOAD_WRITE) && b->plan.district &&
	    vl_plan_total_name(b->plan.district))
		vl_warn("%s:%ld: district: \"%s\" is what a roll-up's reports "
		    "call their totals row (total, 合计): this district could "
		    "not be told from the total; give its plan.json another "
		    "\"district\"", vl_book_display(b, "plan.json"),
		    b->plan.district_line, b->plan.district);
	else if (status == VL_OK && (what & VL_LOAD_WRITE) &&
	    !b->plan.district)	/* named after its directory */
		vl_rollup_warn_total_dir(b->reg.dir);
	/* a writer refuses it (vl_batch_run); a reader's figures are of no
	 * programme yet, which is said, lest "all checks pass" be believed */
	if (status == VL_OK && b->plan.placeholder &&
	    !(what & (VL_LOAD_WRITE | VL_LOAD_TEMPLATE_SAID)))
		vl_warn("%s: still the template's placeholders (name, "
		    "villages, deadlines 2099-12-31, total): the figures are "
		    "of no programme until its plan is filled in",
		    vl_book_display(b, "plan.json"));
	if (what & VL_LOAD_DIGESTS)
		b->edits = vl_audit_edits_begin(&b->reg);
	if (status != VL_OK || (what & ~(VL_LOAD_WRITE |
	    VL_LOAD_TEMPLATE_SAID)) == VL_LOAD_PLAN)
		return status;
	l.history = history = vl_history_load(&b->reg, b->as_of);
	status = read_file(&l, &vl_projects_spec, on_project, true);
	vl_strset_free(&l.names);
	b->progress = l.progress = no_progress(b->projects.n,
	    b->plan.nmilestones, &b->reached);
	if (what & VL_LOAD_PROGRESS)
		status = worst(status, read_file(&l, &vl_progress_spec,
		    on_progress, false));
	if (what & VL_LOAD_INSPECTIONS) {
		b->passes = l.passes = no_passes(b->projects.n);
		l.fails_only = (what & VL_LOAD_FAILS) != 0;
		status = worst(status, read_file(&l, &vl_inspections_spec,
		    on_inspection, false));
		b->insp = l.insp;
		b->ninsp = l.ninsp;
		index_inspections(b, l.insp_project);
		b->insp_project = l.insp_project;
	}
	if (what & VL_LOAD_TASKS)
		status = worst(status, read_file(&l, &vl_tasks_spec, on_task,
		    false));
	b->voids = l.voids;
	b->nvoids = l.nvoids;
	b->strings = l.strings;
	vl_history_free(history);
	return status;
}

int
vl_load_of(const struct vl_filespec *spec)
{
	if (spec == &vl_progress_spec)
		return VL_LOAD_PROGRESS;
	if (spec == &vl_inspections_spec)
		return VL_LOAD_INSPECTIONS | VL_LOAD_FAILS;
	if (spec == &vl_tasks_spec)
		return VL_LOAD_TASKS;
	return 0;
}

bool
vl_book_read(const struct vl_book *b, int status)
{
	return status != VL_SYSFAULT && b->progress != NULL;
}

int
vl_book_of_villages(const struct vl_book *b)
{
	if (!b->plan.of_districts)
		return VL_OK;
	vl_errat(vl_book_display(b, "plan.json"), 0, "projects", "a city "
	    "register: its projects are the districts it funds, not "
	    "villages; read it with its districts' registers (-C %s -C "
	    "DISTRICT ...), or its money with vl-fund", b->reg.dir);
	return VL_BADINPUT;
}

long
vl_book_outside_edits(struct vl_book *b)
{
	struct vl_edits *e = b->edits;

	b->edits = NULL;
	return e ? vl_audit_edits_end(e, true) :
	    vl_audit_outside_edits(&b->reg);
}

void
vl_book_free(struct vl_book *b)
{
	if (b->edits)	/* the thread joined, what it found not said */
		vl_audit_edits_end(b->edits, false);
	free(b->keep);
	free(b->task_keep);
	free(b->narrowed_to);
	free(b->narrowed_zh);
	free(b->insp);
	free(b->insp_first);
	free(b->insp_of);
	free(b->insp_project);
	free(b->passes);
	free(b->voids);
	free(b->tasks);
	vl_arena_free(&b->strings);
	free(b->progress);
	free(b->reached);
	vl_projects_free(&b->projects);
	vl_plan_free(&b->plan);
	vl_reg_close(&b->reg);
	memset(b, 0, sizeof *b);
}
