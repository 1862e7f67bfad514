/*
 * project.c - the projects of a register, found by id in constant time
 * (a national register holds hundreds of thousands).
 */
#include <stdlib.h>
#include <string.h>

#include "vl.h"

/* FNV-1a: short ids, no adversary to worry about here */
static size_t
hash(const char *s)
{
	uint64_t h = 1469598103934665603u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return (size_t)h;
}

static void
place(struct vl_projects *ps, size_t index)
{
	size_t i = hash(ps->v[index].id) & (ps->nslot - 1);

	while (ps->slot[i])
		i = (i + 1) & (ps->nslot - 1);
	ps->slot[i] = index + 1;
}

static void
grow_slots(struct vl_projects *ps)
{
	size_t i;

	free(ps->slot);
	ps->nslot = ps->nslot ? ps->nslot * 2 : 64;
	ps->slot = vl_xcalloc(ps->nslot, sizeof *ps->slot);
	for (i = 0; i < ps->n; i++)
		place(ps, i);
}

void
vl_projects_add(struct vl_projects *ps, const struct vl_project *p)
{
	if (ps->n == ps->cap) {
		ps->cap = ps->cap ? ps->cap * 2 : 64;
		ps->v = vl_xrealloc(ps->v, ps->cap * sizeof *ps->v);
	}
	ps->v[ps->n++] = *p;
	if (2 * ps->n > ps->nslot)
		grow_slots(ps);	/* places every project, the new one too */
	else
		place(ps, ps->n - 1);
}

long
vl_projects_index(const struct vl_projects *ps, const char *id)
{
	size_t i;

	if (!ps->nslot)
		return -1;
	for (i = hash(id) & (ps->nslot - 1); ps->slot[i];
	    i = (i + 1) & (ps->nslot - 1))
		if (strcmp(ps->v[ps->slot[i] - 1].id, id) == 0)
			return (long)ps->slot[i] - 1;
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

		free(p->id), free(p->town), free(p->village);
		free(p->leader), free(p->specialist);
		free(p->mode), free(p->area);
	}
	free(ps->v);
	free(ps->slot);
	memset(ps, 0, sizeof *ps);
}
