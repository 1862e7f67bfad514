/*
 * groups.c - sums of money by a text key, in a hash table of open
 * addressing kept at most half full.
 */
#include <stdlib.h>
#include <string.h>

#include "base/groups.h"
#include "base/money.h"
#include "base/strbuf.h"

static void
place(struct vl_groups *g, size_t index)
{
	size_t i = (size_t)vl_hash(g->v[index].key) & (g->nslot - 1);

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
	for (i = (size_t)vl_hash(key) & (g->nslot - 1); g->slot[i];
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
