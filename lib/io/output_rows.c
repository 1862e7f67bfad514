/*
 * output_rows.c - a long list of rows out at once: as plain CSV or as
 * the lines of a page, made by two threads a block at a time.  A
 * national overdue list is 450 000 rows, the summary's page 500 000
 * lines: a third of each report's time when made by one thread after the
 * register is read (the reading has threads of its own).
 */
#include <stdlib.h>

#include "base/strbuf.h"
#include "io/output_priv.h"

/* rows a block: its CSV held in memory while made (some 1 MB a half) */
#define BLOCK 16384
/* fewer rows than this are made by one thread: a thread costs more */
#define FEW 4096

/* One thread's share of a block: rows [from, to) as written, into
 * made. */
struct half {
	const struct vl_out *o;
	const struct vl_rows *r;
	size_t from, to;
	const char **values;
	void *scratch;
	struct vl_buf made;
};

static void *
make_half(void *arg)
{
	struct half *h = arg;
	size_t i;

	h->made.len = 0;
	for (i = h->from; i < h->to; i++) {
		h->r->fill(h->r->ctx, i, h->values, h->scratch);
		vl_out_format(h->o, &h->made, h->values);
	}
	return NULL;
}

static void
half_init(struct half *h, const struct vl_out *o, const struct vl_rows *r,
    size_t ncols)
{
	*h = (struct half){.o = o, .r = r};
	h->values = vl_xcalloc(ncols ? ncols : 1, sizeof *h->values);
	h->scratch = vl_xcalloc(1, r->sc_size ? r->sc_size : 1);
}

static void
half_free(struct half *h)
{
	if (h->r->done)
		h->r->done(h->scratch);
	free(h->scratch);
	free(h->values);
	vl_buf_free(&h->made);
}

/* The blocks in turn: the second half of each made by a thread while
 * this one makes the first, then both written. */
static void
two_threads(struct vl_out *o, const struct vl_rows *r, size_t ncols)
{
	struct half h[2];
	size_t at, end, mid;

	half_init(&h[0], o, r, ncols);
	half_init(&h[1], o, r, ncols);
	for (at = 0; at < r->n; at = end) {
		end = r->n - at < BLOCK ? r->n : at + BLOCK;
		mid = at + (end - at) / 2;
		h[0].from = at, h[0].to = mid;
		h[1].from = mid, h[1].to = end;
		vl_both(make_half, &h[0], &h[1], true);
		vl_out_emit_rows(o, &h[0].made, mid - at);
		vl_out_emit_rows(o, &h[1].made, end - mid);
	}
	half_free(&h[0]);
	half_free(&h[1]);
}

void
vl_out_rows(struct vl_out *o, const struct vl_rows *r)
{
	struct half one;
	size_t ncols, i;

	if (vl_out_apart(o, &ncols) && r->n >= FEW && vl_threads() > 1) {
		two_threads(o, r, ncols);
		return;
	}
	half_init(&one, o, r, ncols);
	for (i = 0; i < r->n; i++) {
		r->fill(r->ctx, i, one.values, one.scratch);
		vl_out_row(o, one.values);
	}
	half_free(&one);
}
