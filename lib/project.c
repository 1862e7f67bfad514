/*
 * project.c - the projects of a register, found by id in constant time
 * (a national register holds hundreds of thousands).
 */
#include <stdlib.h>
#include <string.h>

#include "vl.h"

/* FNV-1a: short ids, no adversary to worry about here */
static uint64_t
hash(const char *s)
{
	uint64_t h = 1469598103934665603u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

static void
place(struct vl_projects *ps, size_t index)
{
	const char *id = ps->v[index].id;
	uint64_t h = hash(id);
	size_t i = (size_t)h & (ps->nslot - 1), n = strlen(id);
	struct vl_pslot *sl;

	while (ps->slot[i].index)
		i = (i + 1) & (ps->nslot - 1);
	sl = &ps->slot[i];
	sl->hash = (uint32_t)(h >> 32);
	sl->index = (uint32_t)index + 1;
	if (n < sizeof sl->key)
		memcpy(sl->key, id, n + 1);
}

/*
 * A slot holds the id itself (when short, as ids are) and a piece of its
 * hash: a lookup, one for every row of a national journal, reads one slot
 * and nothing else.  A big table is kept in huge pages (vl_xcalloc_huge),
 * so that lookup is not also a miss in the TLB.
 */
static void
grow_slots(struct vl_projects *ps, size_t nslot)
{
	size_t i;

	free(ps->slot);
	ps->nslot = nslot;
	ps->slot = vl_xcalloc_huge(ps->nslot, sizeof *ps->slot);
	for (i = 0; i < ps->n; i++)
		place(ps, i);
}

void
vl_projects_add(struct vl_projects *ps, const struct vl_project *p)
{
	if (ps->n == UINT32_MAX)
		vl_die(VL_SYSFAULT, "more than 4294967295 projects");
	if (ps->n == ps->cap) {
		ps->cap = ps->cap ? ps->cap * 2 : 64;
		ps->v = vl_xrealloc(ps->v, ps->cap * sizeof *ps->v);
	}
	ps->v[ps->n++] = *p;
	if (2 * ps->n > ps->nslot)	/* places every project, this one too */
		grow_slots(ps, ps->nslot ? ps->nslot * 2 : 64);
	else
		place(ps, ps->n - 1);
}

void
vl_projects_reserve(struct vl_projects *ps, size_t n)
{
	size_t nslot = ps->nslot ? ps->nslot : 64;

	if (n > ps->cap) {
		ps->cap = n;
		ps->v = vl_xrealloc(ps->v, ps->cap * sizeof *ps->v);
	}
	while (nslot < 2 * n)
		nslot *= 2;
	if (nslot > ps->nslot)
		grow_slots(ps, nslot);
}

long
vl_projects_index(const struct vl_projects *ps, const char *id)
{
	const struct vl_pslot *sl;
	uint32_t h32;
	uint64_t h;
	size_t i;

	if (!ps->nslot)
		return -1;
	h = hash(id);
	h32 = (uint32_t)(h >> 32);
	for (i = (size_t)h & (ps->nslot - 1); (sl = &ps->slot[i])->index;
	    i = (i + 1) & (ps->nslot - 1))
		if (sl->hash == h32 && strcmp(sl->key[0] ? sl->key :
		    ps->v[sl->index - 1].id, id) == 0)
			return (long)sl->index - 1;
	return -1;
}

const struct vl_project *
vl_projects_find(const struct vl_projects *ps, const char *id)
{
	long i = vl_projects_index(ps, id);

	return i < 0 ? NULL : &ps->v[i];
}

void
vl_projects_free(struct vl_projects *ps)
{
	size_t i;

	for (i = 0; i < ps->n; i++) {
		struct vl_project *p = &ps->v[i];

		if (p->shared)
			continue;
		free(p->id), free(p->town), free(p->village);
		free(p->leader), free(p->specialist);
		free(p->mode), free(p->area);
	}
	vl_arena_free(&ps->strings);
	free(ps->v);
	free(ps->slot);
	memset(ps, 0, sizeof *ps);
}
