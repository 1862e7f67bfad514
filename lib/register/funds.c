/*
 * funds.c - a fund journal read in one pass, row by row.
 *
 * A journal may hold millions of rows: nothing here keeps a row.  Each
 * is checked by the schema, the one judge of a row (what vl-add refuses),
 * and handed to the caller as a struct vl_fund.
 */
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "base/err.h"
#include "register/funds.h"
#include "register/schema_priv.h"

struct fund_reader {		/* one a part */
	vl_date as_of;
	vl_fund_fn fn;
	const struct vl_plan *plan;	/* its words, or NULL */
	void *ctx;		/* the caller's context of this part */
	struct vl_colmap map;	/* funds.csv's fields in this file */
	uint64_t magnitude;	/* the amounts given to fn, signs dropped */
	bool huge;		/* those beyond the range of int64_t */
};

/* A part of a divided read: its reader, then the caller's context. */
#define CALLER_AT ((sizeof(struct fund_reader) + alignof(max_align_t) - \
	1) / alignof(max_align_t) * alignof(max_align_t))

static int
on_row(const struct vl_record *r, void *ctx)
{
	struct fund_reader *fr = ctx;
	struct vl_value v[VL_SPEC_MAX];
	struct vl_fund f;

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
	f.reverses = v[VL_F_REVERSES].s;
	if (__builtin_add_overflow(fr->magnitude, f.amount < 0 ?
	    (uint64_t)-(f.amount + 1) + 1 : (uint64_t)f.amount, &fr->magnitude))
		fr->huge = true;
	return fr->fn(&f, fr->ctx);
}

static void
part_init(void *part, const void *first, void *arg)
{
	const struct vl_gather *g = arg;
	const struct fund_reader *f0 = first;
	struct fund_reader *fr = part;

	*fr = (struct fund_reader){f0->as_of, f0->fn, f0->plan,
	    (char *)part + CALLER_AT, {0}, 0, false};
	vl_colmap_init(&fr->map, &vl_funds_spec);
	vl_colmap_plan(&fr->map, fr->plan);
	g->init(fr->ctx, f0->ctx, g->arg);
}

static void
part_merge(void *first, void *part, void *arg)
{
	const struct vl_gather *g = arg;

	g->merge(((struct fund_reader *)first)->ctx,
	    ((struct fund_reader *)part)->ctx, g->arg);
}

static void
part_free(void *part, void *arg)
{
	const struct vl_gather *g = arg;

	if (g->free)
		g->free(((struct fund_reader *)part)->ctx, g->arg);
}

/*
 * Sums made per part are merged as if made in one pass only when no sum
 * of any rows, in any order, can overflow: when the amounts, signs
 * dropped, add up within int64_t.  A journal beyond that (92 million
 * million yuan) is read again as one, so that an overflow is reported
 * at the very row where one pass meets it.
 */
static bool
part_accept(void *const *parts, size_t n, void *arg)
{
	const struct vl_gather *g = arg;
	void **ctx;
	uint64_t total = 0;
	size_t k;
	bool ok;

	for (k = 0; k < n; k++) {
		const struct fund_reader *fr = parts[k];

		if (fr->huge || __builtin_add_overflow(total, fr->magnitude,
		    &total))
			return false;
	}
	if (total > (uint64_t)INT64_MAX)
		return false;
	if (!g->accept)
		return true;
	ctx = vl_xcalloc(n, sizeof *ctx);
	for (k = 0; k < n; k++)
		ctx[k] = ((struct fund_reader *)parts[k])->ctx;
	ok = g->accept(ctx, n, g->arg);
	free(ctx);
	return ok;
}

static void
part_reset(void *first, void *arg)
{
	const struct vl_gather *g = arg;
	struct fund_reader *fr = first;

	fr->magnitude = 0;
	fr->huge = false;
	if (g->reset)
		g->reset(fr->ctx, g->arg);
}

int
vl_fund_read(const struct vl_journal *j, vl_fund_fn fn, void *ctx,
    const struct vl_gather *g)
{
	struct fund_reader first = {j->as_of, fn, j->plan, ctx, {0}, 0,
	    false};
	struct vl_gather parts = {0, part_init, part_merge, part_free,
	    part_accept, part_reset, (void *)g};
	struct vl_csv_opts opts = {j->encoding, NULL, NULL, false,
	    j->regular, NULL};
	long before = vl_error_count();
	int status;

	vl_colmap_init(&first.map, &vl_funds_spec);
	vl_colmap_plan(&first.map, j->plan);
	opts.required = vl_spec_required(&vl_funds_spec);
	if (g) {
		parts.size = CALLER_AT + g->size;
		status = vl_csv_gather(j->path, j->display, &opts, on_row,
		    &first, &parts);
	} else {
		status = vl_csv_read(j->path, j->display, &opts, on_row,
		    &first);
	}
	if (status == VL_OK && vl_error_count() > before)
		status = VL_BADINPUT;
	return status;
}
