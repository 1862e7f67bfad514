/*
 * ledger.c - a register's fund journal (funds.csv) summed in one pass.
 *
 * A register's journal may hold millions of rows: nothing here keeps a
 * row.  Memory grows with the projects, funding lines, levels and the
 * groups a caller asks for, never with the length of the journal.  Every
 * sum is overflow-checked; an overflow is an error, never a wrap.
 */
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/money.h"
#include "register/funds.h"
#include "register/schema.h"
#include "rules/ledger.h"

/*
 * The parts of a journal read at once by threads sum the projects' money
 * into the one table of the first part's ledger (a national register's
 * is tens of megabytes; a copy a thread was a summary's peak), each sum
 * added to atomically; everything else a part sums in a ledger of its
 * own, merged after.  The parts are merged only when no sum of any rows
 * can overflow (vl_fund_read), so the order of the adds does not matter.
 */
/*
 * A project's sums are added to some rows after its row is read: the
 * row's entry is prefetched and put in a ring of PENDING, and the oldest
 * in the ring added.  A national register's table is tens of megabytes
 * and its rows come in no order of project, so each add was a miss in
 * the cache that stopped the reader (a quarter of vl-fund check's time);
 * in the ring the misses of PENDING rows overlap the reading.
 */
#define PENDING 16

struct pending {		/* a row's add to its project's sums */
	int64_t *sum, *also;	/* also: NULL, or a second sum */
	int64_t amount;
	const char *file;
	long line;
};

struct loading {		/* one a part of the journal */
	struct vl_ledger *l;
	const struct vl_book *b;
	/* nlevels + 1: funding line, or nlines; OTHER: other funds */
	int *line_of_level;
	bool overflow;
	enum vl_ledger_sums_of what;
	const bool *keep;	/* the projects summed; NULL: all, receipts too */
	struct vl_ledger own;	/* l of a part but the first; its project
				 * is the first's */
	struct pending pending[PENDING];
	unsigned npending, oldest;
};

#define OTHER (-1)

static size_t
count_levels(const char *const *levels)
{
	size_t n = 0;

	while (levels[n])
		n++;
	return n;
}

static size_t
purpose_index(const struct vl_ledger *l, const struct vl_plan *p,
    const char *purpose)
{
	size_t i;

	for (i = 0; i < l->npurposes; i++)
		if (strcmp(p->purposes[i], purpose) == 0)
			return i;
	return l->npurposes;
}

/* every project's sums, none yet: records of a cache line (64 bytes)
 * or of lines, never across two they need not be */
static void
projects_init(struct vl_ledger *l)
{
	size_t size = sizeof *l->project + (l->npurposes + 1) *
	    sizeof l->project->purpose[0];

	l->stride = (size + 63) / 64 * 64;
	l->project = vl_xcalloc_lines(l->nprojects, l->stride);
}

/* projects: the ledger whose table of projects' sums to add to (NULL:
 * l's own, if it sums them) */
static void
ledger_init(struct loading *c, struct vl_ledger *l, const struct vl_book *b,
    enum vl_ledger_sums_of what, const struct vl_ledger *projects)
{
	size_t k;
	int line;

	memset(l, 0, sizeof *l);
	l->nlines = b->plan.nfunding;
	l->levels = vl_plan_levels(&b->plan);
	l->nlevels = count_levels(l->levels);
	l->npurposes = b->plan.npurposes;
	l->nprojects = what == VL_LEDGER_PROJECTS ? b->projects.n : 0;
	l->line = vl_xcalloc(l->nlines + 1, sizeof *l->line);
	l->level = vl_xcalloc(l->nlevels + 1, sizeof *l->level);
	l->purpose = vl_xcalloc(l->npurposes + 1, sizeof *l->purpose);
	if (projects) {
		l->project = projects->project;
		l->stride = projects->stride;
	} else if (what == VL_LEDGER_PROJECTS)
		projects_init(l);
	c->l = l;
	c->what = what;
	c->b = b;
	c->overflow = false;
	c->npending = c->oldest = 0;
	c->line_of_level = vl_xcalloc(l->nlevels + 1, sizeof(int));
	for (k = 0; k <= l->nlevels; k++) {
		line = k < l->nlevels ? vl_plan_funding_of(&b->plan,
		    l->levels[k]) : -1;
		c->line_of_level[k] = line >= 0 ? line : k < l->nlevels &&
		    vl_plan_other_level(&b->plan, l->levels[k]) ? OTHER :
		    (int)l->nlines;
	}
}

/* the sum of sums that a row of this kind adds to */
static int64_t *
of_kind(struct vl_ledger_sums *s, enum vl_kind k)
{
	return k == VL_RECEIPT ? &s->received : k == VL_ALLOCATION ?
	    &s->allocated : &s->spent;
}

static bool
add(int64_t *sum, int64_t amount)
{
	return vl_money_add(*sum, amount, sum);
}

/* add() to a sum that other threads add to at the same time */
static bool
add_shared(int64_t *sum, int64_t amount)
{
	int64_t had = __atomic_load_n(sum, __ATOMIC_RELAXED), want;

	do
		if (!vl_money_add(had, amount, &want))
			return false;
	while (!__atomic_compare_exchange_n(sum, &had, want, true,
	    __ATOMIC_RELAXED, __ATOMIC_RELAXED));
	return true;
}

/* once a sum has overflowed the rest are meaningless: say it once, and
 * read on only to find the rows that are bad */
static void
overflowed(struct loading *c, const char *file, long line)
{
	if (c->overflow)
		return;
	c->overflow = true;
	vl_errat(file, line, "amount", "a sum overflows the 64-bit range of "
	    "fen here");
}

static void
add_pending(struct loading *c, const struct pending *e)
{
	if (!add_shared(e->sum, e->amount) ||
	    (e->also && !add_shared(e->also, e->amount)))
		overflowed(c, e->file, e->line);
}

/* the row's add to sum (and also) put in the ring, the oldest made */
static void
defer(struct loading *c, const struct vl_fund *f, int64_t *sum,
    int64_t *also)
{
	struct pending *e;

	__builtin_prefetch(sum, 1);
	if (also)
		__builtin_prefetch(also, 1);
	if (c->npending == PENDING) {
		e = &c->pending[c->oldest];
		add_pending(c, e);
		c->oldest = (c->oldest + 1) % PENDING;
	} else
		e = &c->pending[(c->oldest + c->npending++) % PENDING];
	*e = (struct pending){sum, also, f->amount, f->file, f->line};
}

/* the adds still in the ring made */
static void
add_all_pending(struct loading *c)
{
	for (; c->npending > 0; c->npending--) {
		add_pending(c, &c->pending[c->oldest]);
		c->oldest = (c->oldest + 1) % PENDING;
	}
}

/* A project's share; a project the register does not know is a stray. */
static bool
add_project(struct loading *c, const struct vl_fund *f, size_t purpose)
{
	struct vl_ledger *l = c->l;
	long i = vl_projects_index(&c->b->projects, f->project);
	struct vl_ledger_project *p;

	if (i < 0)
		return vl_groups_add(f->kind == VL_ALLOCATION ?
		    &l->stray_allocated : &l->stray_spent, f->project,
		    f->amount, f->line);
	if (!l->project)	/* the totals only */
		return true;
	p = vl_ledger_project(l, (size_t)i);
	if (f->kind == VL_ALLOCATION)
		defer(c, f, &p->allocated, NULL);
	else
		defer(c, f, &p->spent, &p->purpose[purpose]);
	return true;
}

/* Other funds (多方筹集): by level and apart, in no other sum. */
static bool
add_other(struct loading *c, const struct vl_fund *f, size_t lv)
{
	struct vl_ledger *l = c->l;
	long i = f->kind == VL_EXPENSE && l->project ?
	    vl_projects_index(&c->b->projects, f->project) : -1;

	if (i >= 0)
		defer(c, f, &vl_ledger_project(l, (size_t)i)->other, NULL);
	return add(of_kind(&l->other, f->kind), f->amount) &&
	    add(of_kind(&l->level[lv], f->kind), f->amount);
}

/* The special fund's money: by line, level, project and purpose. */
static bool
add_fund(struct loading *c, const struct vl_fund *f, size_t lv)
{
	struct vl_ledger *l = c->l;
	size_t purpose = l->npurposes;
	bool ok;

	if (f->kind == VL_EXPENSE)
		purpose = purpose_index(l, &c->b->plan, f->purpose);
	ok = add(of_kind(&l->total, f->kind), f->amount) &&
	    add(of_kind(&l->level[lv], f->kind), f->amount) &&
	    add(of_kind(&l->line[c->line_of_level[lv]], f->kind), f->amount);
	if (ok && f->kind != VL_RECEIPT)
		ok = add_project(c, f, purpose);
	if (ok && f->kind == VL_EXPENSE) {
		ok = add(&l->purpose[purpose], f->amount);
		if (ok && purpose == l->npurposes)
			ok = vl_groups_add(&l->stray_purpose, f->purpose,
			    f->amount, f->line);
	}
	return ok;
}

/* Is a row of the projects kept?  A receipt, which names none, is not. */
static bool
kept(const struct loading *c, const struct vl_fund *f)
{
	long i;

	if (f->kind == VL_RECEIPT)
		return false;
	i = vl_projects_index(&c->b->projects, f->project);
	return i >= 0 && c->keep[i];
}

static int
on_fund(const struct vl_fund *f, void *ctx)
{
	struct loading *c = ctx;
	struct vl_ledger *l = c->l;
	size_t lv = f->level_index < 0 ? l->nlevels : (size_t)f->level_index;
	bool ok;

	if (c->keep && !kept(c, f))
		return 0;
	ok = c->line_of_level[lv] == OTHER ? add_other(c, f, lv) :
	    add_fund(c, f, lv);

	l->rows++;
	l->corrections += f->amount < 0 || *f->reverses;
	if (!ok)
		overflowed(c, f->file, f->line);
	return 0;
}

static bool
add_sums(struct vl_ledger_sums *to, const struct vl_ledger_sums *from)
{
	return add(&to->received, from->received) &&
	    add(&to->allocated, from->allocated) &&
	    add(&to->spent, from->spent);
}

/* What a later part of the journal summed, added to l (the projects'
 * sums are in l already). */
static bool
ledger_merge(struct vl_ledger *l, const struct vl_ledger *from)
{
	bool ok = add_sums(&l->total, &from->total) &&
	    add_sums(&l->other, &from->other);
	size_t i;

	for (i = 0; i <= l->nlines; i++)
		ok = add_sums(&l->line[i], &from->line[i]) && ok;
	for (i = 0; i <= l->nlevels; i++)
		ok = add_sums(&l->level[i], &from->level[i]) && ok;
	for (i = 0; i <= l->npurposes; i++)
		ok = add(&l->purpose[i], from->purpose[i]) && ok;
	ok = vl_groups_merge(&l->stray_allocated, &from->stray_allocated) &&
	    ok;
	ok = vl_groups_merge(&l->stray_spent, &from->stray_spent) && ok;
	ok = vl_groups_merge(&l->stray_purpose, &from->stray_purpose) && ok;
	l->rows += from->rows;
	l->corrections += from->corrections;
	return ok;
}

/* the journal read again as one: the first part's sums as new */
static void
ledger_reset(void *first, void *arg)
{
	struct loading *c = first;
	struct vl_ledger *l = c->l;

	(void)arg;
	free(c->line_of_level);
	vl_ledger_free(l);
	ledger_init(c, l, c->b, c->what, NULL);	/* c->keep as it was */
}

/* a later part sums into a ledger of its own */
static void
part_init(void *part, const void *first, void *arg)
{
	struct loading *c = part;
	const struct loading *c0 = first;

	(void)arg;
	ledger_init(c, &c->own, c0->b, c0->what, c0->l);
	c->keep = c0->keep;
}

/* merged in order; they cannot overflow (vl_fund_read) */
static void
part_merge(void *first, void *part, void *arg)
{
	struct loading *c = first, *p = part;

	(void)arg;
	add_all_pending(p);
	ledger_merge(c->l, &p->own);
	c->overflow = c->overflow || p->overflow;
}

static void
part_free(void *part, void *arg)
{
	struct loading *p = part;

	(void)arg;
	free(p->line_of_level);
	p->own.project = NULL;	/* the first's */
	p->own.nprojects = 0;
	vl_ledger_free(&p->own);
}

int
vl_ledger_load(struct vl_ledger *l, const struct vl_book *b,
    enum vl_ledger_sums_of what)
{
	struct vl_gather g = {sizeof(struct loading), part_init, part_merge,
	    part_free, NULL, ledger_reset, NULL};
	struct vl_journal j = {NULL, NULL, b->as_of, b->encoding, true,
	    &b->plan};
	struct loading c;
	int status = VL_OK;
	char *path;

	ledger_init(&c, l, b, what, NULL);
	c.keep = b->keep;	/* a narrowed book's projects only */
	path = vl_reg_path(&b->reg, "funds.csv");
	j.path = path;
	j.display = vl_xstrdup(vl_book_display(b, "funds.csv"));
	/* a register without a journal has simply no money moved yet */
	if (vl_reg_exists(&b->reg, "funds.csv"))
		status = vl_fund_read(&j, on_fund, &c, &g);
	add_all_pending(&c);
	if (status == VL_OK && c.overflow)
		status = VL_BADINPUT;
	free(c.line_of_level);
	vl_groups_sort(&l->stray_allocated);
	vl_groups_sort(&l->stray_spent);
	vl_groups_sort(&l->stray_purpose);
	free(path);
	free((char *)j.display);
	return status;
}

int
vl_ledger_load_after(struct vl_ledger *l, const struct vl_book *b, int book,
    enum vl_ledger_sums_of what)
{
	int status;

	if (!vl_book_read(b, book))
		return book;
	status = vl_ledger_load(l, b, what);
	return book == VL_OK || status == VL_SYSFAULT ? status : book;
}

void
vl_ledger_free(struct vl_ledger *l)
{
	free(l->project);
	free(l->line);
	free(l->level);
	free(l->purpose);
	vl_groups_free(&l->stray_allocated);
	vl_groups_free(&l->stray_spent);
	vl_groups_free(&l->stray_purpose);
	memset(l, 0, sizeof *l);
}
