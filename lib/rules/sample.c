/*
 * sample.c - projects drawn for spot checks, without repeats, by a
 * generator that gives the same numbers for the same seed everywhere.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/i18n.h"
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

/* how many of n projects are drawn when want are asked for, said when
 * there are fewer */
static size_t
how_many(uint64_t want, size_t n)
{
	if (want <= n)
		return (size_t)want;
	/* vl_warn translates: its format is the plural form, translated */
	vl_warn(vl_trn(n, "only %zu project to draw from: it is drawn",
	    "only %zu projects to draw from: all of them drawn"), n);
	return n;
}

/* Fisher-Yates, stopped after count places: a draw without repeats, of
 * n elements of size bytes at base */
static void
shuffle(void *base, size_t size, size_t n, size_t count, uint64_t *state)
{
	unsigned char *v = base, t[sizeof(struct vl_drawn)];
	size_t i, j;

	assert(size <= sizeof t);
	for (i = 0; i < count; i++) {
		j = i + (size_t)below(state, n - i);
		memcpy(t, v + i * size, size);
		memcpy(v + i * size, v + j * size, size);
		memcpy(v + j * size, t, size);
	}
}

size_t
vl_sample_draw(const struct vl_book *b, const struct vl_sample *s,
    size_t **drawn)
{
	uint64_t state = s->seeded ? s->seed : day_seed(b->as_of);
	size_t *idx = vl_xcalloc(b->projects.n, sizeof *idx);
	size_t n = pool(b, s, idx), count = how_many(s->count, n);

	shuffle(idx, sizeof *idx, n, count, &state);
	*drawn = idx;
	return count;
}

/* ---- a roll-up: one draw from every district's projects --------------- */

static const struct vl_book *sort_books;
static const char *const *sort_districts;

/* by district, then id: the pool, and so the draw, is the same whatever
 * the order the registers are named in */
static int
by_district_id(const void *pa, const void *pb)
{
	const struct vl_drawn *a = pa, *b = pb;
	int c;

	if (a->book != b->book && (c = strcmp(sort_districts[a->book],
	    sort_districts[b->book])) != 0)
		return c;
	return strcmp(sort_books[a->book].projects.v[a->project].id,
	    sort_books[b->book].projects.v[b->project].id);
}

size_t
vl_sample_draw_books(const struct vl_book *b, const char *const *district,
    size_t nb, const struct vl_sample *s, struct vl_drawn **drawn)
{
	uint64_t state = s->seeded || !nb ? s->seed : day_seed(b[0].as_of);
	size_t all = 0, n = 0, i, k, count;
	struct vl_drawn *v;

	for (i = 0; i < nb; i++)
		all += b[i].projects.n;
	v = vl_xcalloc(all + 1, sizeof *v);
	for (i = 0; i < nb; i++)
		for (k = 0; k < b[i].projects.n; k++)
			if (allowed(&b[i], s, k))
				v[n++] = (struct vl_drawn){i, k};
	sort_books = b;
	sort_districts = district;
	qsort(v, n, sizeof *v, by_district_id);
	count = how_many(s->count, n);
	shuffle(v, sizeof *v, n, count, &state);
	*drawn = v;
	return count;
}
