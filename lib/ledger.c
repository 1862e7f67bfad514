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

struct fund_reader {		/* one a part: on cache lines of its own */
	_Alignas(64) vl_date as_of;
	vl_fund_fn fn;
	void *ctx;
	struct vl_colmap map;	/* funds.csv's fields in this file */
	uint64_t magnitude;	/* the amounts given to fn, signs dropped */
	bool huge;		/* those beyond the range of int64_t */
	struct vl_split *split;	/* the caller's, when divided */
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
	if (__builtin_add_overflow(fr->magnitude, f.amount < 0 ?
	    (uint64_t)-(f.amount + 1) + 1 : (uint64_t)f.amount, &fr->magnitude))
		fr->huge = true;
	return fr->fn(&f, fr->ctx);
}

/*
 * Sums made per part are merged as if made in one pass only when no sum
 * of any rows, in any order, can overflow: when the amounts, signs
 * dropped, add up within int64_t.  A journal beyond that (92 million
 * million yuan) is read again as one, so that an overflow is reported
 * at the very row where one pass meets it.
 */
static bool
fund_accept(struct vl_split *in)
{
	struct fund_reader *fr = in->arg;
	struct vl_split *s = fr->split;
	uint64_t total = 0;
	size_t k;

	for (k = 0; k < in->used; k++)
		if (fr[k].huge || __builtin_add_overflow(total,
		    fr[k].magnitude, &total))
			return false;
	if (total > (uint64_t)INT64_MAX)
		return false;
	s->used = in->used;
	return !s->accept || s->accept(s);
}

static void
fund_reset(void *ctx)
{
	struct fund_reader *fr = ctx;

	fr->magnitude = 0;
	fr->huge = false;
	if (fr->split->reset)
		fr->split->reset(fr->ctx);
}

int
vl_fund_read_split(const char *path, const char *display, vl_date as_of,
    vl_fund_fn fn, struct vl_split *s)
{
	struct fund_reader *fr = vl_xcalloc_parts(s->nparts, sizeof *fr);
	void **ctx = vl_xcalloc(s->nparts, sizeof *ctx);
	struct vl_split in = {s->nparts, ctx, fund_accept, fund_reset, fr, 0,
	    false};
	struct vl_csv_opts opts = {NULL, NULL, NULL, false, false};
	long before = vl_error_count();
	size_t k;
	int status;

	for (k = 0; k < s->nparts; k++) {
		fr[k] = (struct fund_reader){as_of, fn, s->ctx[k], {0}, 0,
		    false, s};
		vl_colmap_init(&fr[k].map, &vl_funds_spec);
		ctx[k] = &fr[k];
	}
	opts.required = vl_spec_required(&vl_funds_spec);
	opts.regular = s->regular;
	status = vl_csv_read_split(path, display, &opts, on_row, &in);
	s->used = in.used;
	if (status == VL_OK && vl_error_count() > before)
		status = VL_BADINPUT;
	free(fr);
	free(ctx);
	return status;
}

int
vl_fund_read(const char *path, const char *display, vl_date as_of,
    vl_fund_fn fn, void *ctx)
{
	struct vl_split s = {1, &ctx, NULL, NULL, NULL, 0, false};

	return vl_fund_read_split(path, display, as_of, fn, &s);
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

bool
vl_groups_merge(struct vl_groups *into, const struct vl_groups *from)
{
	const struct vl_group *f;
	struct vl_group *g;
	bool ok = true;
	size_t i;

	for (i = 0; i < from->n; i++) {
		f = &from->v[i];
		if (!vl_groups_add(into, f->key, f->amount, f->line)) {
			ok = false;
			continue;
		}
		/* the earlier line stays; the count is the parts' */
		g = &into->v[group_index(into, f->key)];
		g->count += f->count - 1;
	}
	return ok;
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

struct loading {		/* one a part: on cache lines of its own */
	_Alignas(64) struct vl_ledger *l;
	const struct vl_book *b;
	int *line_of_level;	/* nlevels: funding line, or nlines */
	bool overflow;
	struct vl_ledger own;	/* l of a part but the first */
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
	int64_t *purposes;
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
	/* a row adds to a project's sums anywhere in these: huge pages */
	l->project = vl_xcalloc_huge(l->nprojects, sizeof *l->project);
	/* one block for every project's purposes, the first one's */
	purposes = l->nprojects ? vl_xcalloc_huge(l->nprojects *
	    (l->npurposes + 1), sizeof *purposes) : NULL;
	for (i = 0; i < l->nprojects; i++)
		l->project[i].purpose = purposes + i * (l->npurposes + 1);
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

static bool
add_sums(struct vl_ledger_sums *to, const struct vl_ledger_sums *from)
{
	return add(&to->received, from->received) &&
	    add(&to->allocated, from->allocated) &&
	    add(&to->spent, from->spent);
}

/* What a later part of the journal summed, added to l. */
static bool
ledger_merge(struct vl_ledger *l, const struct vl_ledger *from)
{
	bool ok = add_sums(&l->total, &from->total);
	size_t i, k;

	for (i = 0; i <= l->nlines; i++)
		ok = add_sums(&l->line[i], &from->line[i]) && ok;
	for (i = 0; i <= l->nlevels; i++)
		ok = add_sums(&l->level[i], &from->level[i]) && ok;
	for (i = 0; i <= l->npurposes; i++)
		ok = add(&l->purpose[i], from->purpose[i]) && ok;
	for (i = 0; i < l->nprojects; i++) {
		struct vl_ledger_project *p = &l->project[i];
		const struct vl_ledger_project *q = &from->project[i];

		ok = add(&p->allocated, q->allocated) && ok;
		ok = add(&p->spent, q->spent) && ok;
		for (k = 0; k <= l->npurposes; k++)
			ok = add(&p->purpose[k], q->purpose[k]) && ok;
	}
	ok = vl_groups_merge(&l->stray_allocated, &from->stray_allocated) &&
	    ok;
	ok = vl_groups_merge(&l->stray_spent, &from->stray_spent) && ok;
	ok = vl_groups_merge(&l->stray_purpose, &from->stray_purpose) && ok;
	l->rows += from->rows;
	return ok;
}

/* the journal read again as one: the first part's sums as new */
static void
ledger_reset(void *ctx)
{
	struct loading *c = ctx;
	struct vl_ledger *l = c->l;

	free(c->line_of_level);
	vl_ledger_free(l);
	ledger_init(c, l, c->b);
}

int
vl_ledger_load(struct vl_ledger *l, const struct vl_book *b, vl_date as_of)
{
	size_t n = vl_csv_parts(), k;
	struct loading *c = vl_xcalloc_parts(n, sizeof *c);
	void **ctx = vl_xcalloc(n, sizeof *ctx);
	struct vl_split s = {n, ctx, NULL, ledger_reset, NULL, 1, true};
	char *path, *display;
	int status = VL_OK;

	for (k = 0; k < n; k++) {
		ledger_init(&c[k], k ? &c[k].own : l, b);
		ctx[k] = &c[k];
	}
	path = vl_reg_path(&b->reg, "funds.csv");
	display = vl_xstrdup(vl_book_display(b, "funds.csv"));
	/* a register without a journal has simply no money moved yet */
	if (vl_reg_exists(&b->reg, "funds.csv"))
		status = vl_fund_read_split(path, display, as_of, on_fund, &s);
	/* merged in order; they cannot overflow (vl_fund_read_split) */
	for (k = 1; k < s.used; k++)
		ledger_merge(l, &c[k].own);
	for (k = 0; k < n; k++) {
		if (status == VL_OK && k < s.used && c[k].overflow)
			status = VL_BADINPUT;
		free(c[k].line_of_level);
		if (k)
			vl_ledger_free(&c[k].own);
	}
	vl_groups_sort(&l->stray_allocated);
	vl_groups_sort(&l->stray_spent);
	vl_groups_sort(&l->stray_purpose);
	free(c);
	free(ctx);
	free(path);
	free(display);
	return status;
}

void
vl_ledger_free(struct vl_ledger *l)
{
	if (l->nprojects)
		free(l->project[0].purpose);	/* all of them */
	free(l->project);
	free(l->line);
	free(l->level);
	free(l->purpose);
	vl_groups_free(&l->stray_allocated);
	vl_groups_free(&l->stray_spent);
	vl_groups_free(&l->stray_purpose);
	memset(l, 0, sizeof *l);
}
