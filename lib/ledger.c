/*
 * ledger.c - the fund journal (funds.csv) read and summed in one pass.
 *
 * A register's journal may hold millions of rows: nothing here keeps a
 * row.  Memory grows with the projects, funding lines, levels and the
 * groups a caller asks for, never with the length of the journal.  Every
 * sum is overflow-checked; an overflow is an error, never a wrap.
 */
#include <stdlib.h>
#include <string.h>

#include "vl.h"

/* ---- one pass over a journal ----------------------------------------- */

struct fund_reader {
	vl_date as_of;
	vl_fund_fn fn;
	void *ctx;
	struct vl_colmap map;	/* funds.csv's fields in this file */
};

static int
on_row(const struct vl_record *r, void *ctx)
{
	struct fund_reader *fr = ctx;
	struct vl_value v[VL_SPEC_MAX];
	struct vl_fund f;

	/* the schema is the one judge of a row: what vl-add refuses */
	if (vl_check_row(&fr->map, r, NULL, NULL, v) != 0)
		return 0;
	if (fr->as_of != VL_NODATE && v[VL_F_DATE].date > fr->as_of)
		return 0;
	f.file = r->file;
	f.line = r->line;
	f.date = v[VL_F_DATE].date;
	f.amount = v[VL_F_AMOUNT].fen;
	f.kind = (enum vl_kind)v[VL_F_KIND].choice;
	f.level_index = v[VL_F_LEVEL].choice;
	f.id = v[VL_F_ID].s;
	f.level = v[VL_F_LEVEL].s;
	f.source = v[VL_F_SOURCE].s;
	f.project = v[VL_F_PROJECT].s;
	f.purpose = v[VL_F_PURPOSE].s;
	f.note = v[VL_F_NOTE].s;
	return fr->fn(&f, fr->ctx);
}

int
vl_fund_read(const char *path, const char *display, vl_date as_of,
    vl_fund_fn fn, void *ctx)
{
	struct fund_reader fr = {as_of, fn, ctx, {0}};
	struct vl_csv_opts opts = {NULL, NULL, NULL};
	long before = vl_error_count();
	int status;

	vl_colmap_init(&fr.map, &vl_funds_spec);
	opts.required = vl_spec_required(&vl_funds_spec);
	status = vl_csv_read(path, display, &opts, on_row, &fr);
	if (status == VL_OK && vl_error_count() > before)
		status = VL_BADINPUT;
	return status;
}

/* ---- sums by a text key ---------------------------------------------- */

/* FNV-1a, as project.c: short keys, no adversary */
static size_t
hash(const char *s)
{
	uint64_t h = 1469598103934665603u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return (size_t)h;
}

static void
place(struct vl_groups *g, size_t index)
{
	size_t i = hash(g->v[index].key) & (g->nslot - 1);

	while (g->slot[i])
		i = (i + 1) & (g->nslot - 1);
	g->slot[i] = index + 1;
}

static void
rehash(struct vl_groups *g, size_t nslot)
{
	size_t i;

	free(g->slot);
	g->nslot = nslot;
	g->slot = vl_xcalloc(nslot, sizeof *g->slot);
	for (i = 0; i < g->n; i++)
		place(g, i);
}

static long
group_index(const struct vl_groups *g, const char *key)
{
	size_t i;

	if (!g->nslot)
		return -1;
	for (i = hash(key) & (g->nslot - 1); g->slot[i];
	    i = (i + 1) & (g->nslot - 1))
		if (strcmp(g->v[g->slot[i] - 1].key, key) == 0)
			return (long)g->slot[i] - 1;
	return -1;
}

const struct vl_group *
vl_groups_find(const struct vl_groups *g, const char *key)
{
	long i = group_index(g, key);

	return i < 0 ? NULL : &g->v[i];
}

bool
vl_groups_add(struct vl_groups *g, const char *key, int64_t amount,
    long line)
{
	long i = group_index(g, key);
	struct vl_group *gr;

	if (i < 0) {
		if (g->n == g->cap) {
			g->cap = g->cap ? 2 * g->cap : 16;
			g->v = vl_xrealloc(g->v, g->cap * sizeof *g->v);
		}
		g->v[g->n] = (struct vl_group){vl_xstrdup(key), 0, 0, line};
		i = (long)g->n++;
		if (2 * g->n > g->nslot)
			rehash(g, g->nslot ? 2 * g->nslot : 32);
		else
			place(g, (size_t)i);
	}
	gr = &g->v[i];
	if (!vl_money_add(gr->amount, amount, &gr->amount))
		return false;
	gr->count++;
	return true;
}

static int
by_key(const void *a, const void *b)
{
	return strcmp(((const struct vl_group *)a)->key,
	    ((const struct vl_group *)b)->key);
}

void
vl_groups_sort(struct vl_groups *g)
{
	if (g->n == 0)
		return;
	qsort(g->v, g->n, sizeof *g->v, by_key);
	rehash(g, g->nslot);
}

void
vl_groups_free(struct vl_groups *g)
{
	size_t i;

	for (i = 0; i < g->n; i++)
		free(g->v[i].key);
	free(g->v);
	free(g->slot);
	memset(g, 0, sizeof *g);
}

/* ---- the ledger of a register ---------------------------------------- */

struct loading {
	struct vl_ledger *l;
	const struct vl_book *b;
	int *line_of_level;	/* nlevels: funding line, or nlines */
	bool overflow;
};

static size_t
count_levels(void)
{
	size_t n = 0;

	while (vl_levels[n])
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

static void
ledger_init(struct loading *c, struct vl_ledger *l, const struct vl_book *b)
{
	size_t i, k;
	int line;

	memset(l, 0, sizeof *l);
	l->nlines = b->plan.nfunding;
	l->nlevels = count_levels();
	l->npurposes = b->plan.npurposes;
	l->nprojects = b->projects.n;
	l->line = vl_xcalloc(l->nlines + 1, sizeof *l->line);
	l->level = vl_xcalloc(l->nlevels + 1, sizeof *l->level);
	l->purpose = vl_xcalloc(l->npurposes + 1, sizeof *l->purpose);
	l->project = vl_xcalloc(l->nprojects, sizeof *l->project);
	for (i = 0; i < l->nprojects; i++)
		l->project[i].purpose = vl_xcalloc(l->npurposes + 1,
		    sizeof(int64_t));
	c->l = l;
	c->b = b;
	c->overflow = false;
	c->line_of_level = vl_xcalloc(l->nlevels + 1, sizeof(int));
	for (k = 0; k <= l->nlevels; k++) {
		line = k < l->nlevels ? vl_plan_funding_of(&b->plan,
		    vl_levels[k]) : -1;
		c->line_of_level[k] = line < 0 ? (int)l->nlines : line;
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

/* A project's share; a project the register does not know is a stray. */
static bool
add_project(struct vl_ledger *l, const struct vl_book *b,
    const struct vl_fund *f, size_t purpose)
{
	long i = vl_projects_index(&b->projects, f->project);
	struct vl_ledger_project *p;

	if (i < 0)
		return vl_groups_add(f->kind == VL_ALLOCATION ?
		    &l->stray_allocated : &l->stray_spent, f->project,
		    f->amount, f->line);
	p = &l->project[i];
	if (f->kind == VL_ALLOCATION)
		return add(&p->allocated, f->amount);
	return add(&p->spent, f->amount) && add(&p->purpose[purpose],
	    f->amount);
}

static int
on_fund(const struct vl_fund *f, void *ctx)
{
	struct loading *c = ctx;
	struct vl_ledger *l = c->l;
	size_t lv = f->level_index < 0 ? l->nlevels : (size_t)f->level_index;
	size_t purpose = l->npurposes;
	bool ok;

	if (f->kind == VL_EXPENSE)
		purpose = purpose_index(l, &c->b->plan, f->purpose);
	ok = add(of_kind(&l->total, f->kind), f->amount) &&
	    add(of_kind(&l->level[lv], f->kind), f->amount) &&
	    add(of_kind(&l->line[c->line_of_level[lv]], f->kind), f->amount);
	if (ok && f->kind != VL_RECEIPT)
		ok = add_project(l, c->b, f, purpose);
	if (ok && f->kind == VL_EXPENSE) {
		ok = add(&l->purpose[purpose], f->amount);
		if (ok && purpose == l->npurposes)
			ok = vl_groups_add(&l->stray_purpose, f->purpose,
			    f->amount, f->line);
	}
	l->rows++;
	/* once a sum has overflowed the rest are meaningless: say it once,
	 * and read on only to find the rows that are bad */
	if (!ok && !c->overflow) {
		c->overflow = true;
		vl_errat(f->file, f->line, "amount", "a sum overflows the "
		    "64-bit range of fen here");
	}
	return 0;
}

int
vl_ledger_load(struct vl_ledger *l, const struct vl_book *b, vl_date as_of)
{
	struct loading c;
	char *path, *display;
	int status = VL_OK;

	ledger_init(&c, l, b);
	path = vl_reg_path(&b->reg, "funds.csv");
	display = vl_xstrdup(vl_book_display(b, "funds.csv"));
	/* a register without a journal has simply no money moved yet */
	if (vl_reg_exists(&b->reg, "funds.csv"))
		status = vl_fund_read(path, display, as_of, on_fund, &c);
	if (status == VL_OK && c.overflow)
		status = VL_BADINPUT;
	vl_groups_sort(&l->stray_allocated);
	vl_groups_sort(&l->stray_spent);
	vl_groups_sort(&l->stray_purpose);
	free(c.line_of_level);
	free(path);
	free(display);
	return status;
}

void
vl_ledger_free(struct vl_ledger *l)
{
	size_t i;

	for (i = 0; i < l->nprojects; i++)
		free(l->project[i].purpose);
	free(l->project);
	free(l->line);
	free(l->level);
	free(l->purpose);
	vl_groups_free(&l->stray_allocated);
	vl_groups_free(&l->stray_spent);
	vl_groups_free(&l->stray_purpose);
	memset(l, 0, sizeof *l);
}
