/*
 * project.c - the projects of a register, found by id in constant time
 * (a national register holds hundreds of thousands).
 */
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/strbuf.h"
#include "register/project.h"

/* id as a slot's key: the id with NULs after it when it is shorter than
 * the key, else all NULs (the id is then in the project) */
static void
make_key(char key[VL_PKEY], const char *id)
{
	size_t n = strlen(id);

	memset(key, 0, VL_PKEY);
	if (n < VL_PKEY)
		memcpy(key, id, n);
}

static void
place(struct vl_projects *ps, size_t index)
{
	size_t i = (size_t)vl_hash(ps->v[index].id) & (ps->nslot - 1);
	struct vl_pslot *sl;

	while (ps->slot[i].index)
		i = (i + 1) & (ps->nslot - 1);
	sl = &ps->slot[i];
	sl->index = (uint32_t)index + 1;
	make_key(sl->key, ps->v[index].id);
}

/*
 * A slot is 16 bytes: the project's place and its id itself (when short,
 * as ids are).  A lookup, one for every row of a national journal, reads
 * one slot and nothing else, and the table of a national register
 * (600000 projects, 2^20 slots, 16 MiB) is small enough to stay in a
 * server's last-level cache.  A big table is kept in huge pages
 * (vl_xcalloc_huge), so that a lookup is not also a miss in the TLB.
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

/* slots for n projects: at most three in four taken, so that probes are
 * short */
static bool
too_full(size_t n, size_t nslot)
{
	return 4 * n > 3 * nslot;
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
	if (too_full(ps->n, ps->nslot))	/* places every project */
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
	while (too_full(n, nslot))
		nslot *= 2;
	if (nslot > ps->nslot)
		grow_slots(ps, nslot);
}

long
vl_projects_index(const struct vl_projects *ps, const char *id)
{
	const struct vl_pslot *sl;
	char key[VL_PKEY];
	size_t i;

	if (!ps->nslot)
		return -1;
	make_key(key, id);
	for (i = (size_t)vl_hash(id) & (ps->nslot - 1);
	    (sl = &ps->slot[i])->index; i = (i + 1) & (ps->nslot - 1))
		if (memcmp(sl->key, key, VL_PKEY) == 0 && (key[0] ||
		    strcmp(ps->v[sl->index - 1].id, id) == 0))
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
