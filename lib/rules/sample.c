/*
 * sample.c - projects drawn for spot checks, without repeats, by a
 * generator that gives the same numbers for the same seed everywhere.
 */
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/strbuf.h"
#include "rules/sample.h"
#include "rules/stage.h"
#include "rules/standing.h"

/* SplitMix64 (Steele, Lea, Flood 2014): the same numbers for the same
 * seed on every machine, unlike rand(). */
static uint64_t
splitmix64(uint64_t *state)
{
	uint64_t z = (*state += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* uniform in [0, n): numbers below 2^64 mod n are redrawn, no bias */
static uint64_t
below(uint64_t *state, uint64_t n)
{
	uint64_t threshold = -n % n, r;

	do
		r = splitmix64(state);
	while (r < threshold);
	return r % n;
}

static const struct vl_book *sort_book;

static int
by_id(const void *a, const void *b)
{
	return strcmp(sort_book->projects.v[*(const size_t *)a].id,
	    sort_book->projects.v[*(const size_t *)b].id);
}

static bool
allowed(const struct vl_book *b, const struct vl_sample *s, size_t i)
{
	vl_date last = vl_last_inspected(b, i);

	if (s->pool && !vl_filter_project(s->pool, &b->projects.v[i]))
		return false;
	if (s->stages && !(s->stages & 1u << vl_project_stage(b, i, NULL)))
		return false;
	return last == VL_NODATE || (long)b->as_of - (long)last >=
	    s->skip_recent;
}

/* The projects a draw is made from, sorted by id (byte order). */
static size_t
pool(const struct vl_book *b, const struct vl_sample *s, size_t *idx)
{
	size_t i, n = 0;

	for (i = 0; i < b->projects.n; i++)
		if (allowed(b, s, i))
			idx[n++] = i;
	sort_book = b;
	qsort(idx, n, sizeof *idx, by_id);
	return n;
}

static uint64_t
day_seed(vl_date day)
{
	int y, m, d;

	vl_date_ymd(day, &y, &m, &d);
	return (uint64_t)y * 10000 + (uint64_t)m * 100 + (uint64_t)d;
}

/* Fisher-Yates, stopped after count places: a draw without repeats. */
size_t
vl_sample_draw(const struct vl_book *b, const struct vl_sample *s,
    size_t **drawn)
{
	uint64_t state = s->seeded ? s->seed : day_seed(b->as_of), count, j;
	size_t *idx = vl_xcalloc(b->projects.n, sizeof *idx), n, i, t;

	n = pool(b, s, idx);
	count = s->count;
	if (count > n) {
		vl_warn("only %zu project%s to draw from: all of them drawn", n,
		    n == 1 ? "" : "s");
		count = n;
	}
	for (i = 0; i < count; i++) {
		j = i + below(&state, n - i);
		t = idx[i], idx[i] = idx[j], idx[j] = t;
	}
	*drawn = idx;
	return (size_t)count;
}
