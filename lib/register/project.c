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
 * (vl_xcalloc), so that a lookup is not also a miss in the TLB.
 */
static void
grow_slots(struct vl_projects *ps, size_t nslot)
{
	size_t i;

	free(ps->slot);
	ps->nslot = nslot;
	ps->slot = vl_xcalloc(ps->nslot, sizeof *ps->slot);
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

/* id as a prefix, the count of digits after it and their number; false
 * when it does not end in 1 to 9 digits after a prefix shorter than a key */
static bool
split_id(const char *id, size_t *plen, size_t *digits, uint64_t *number)
{
	size_t n = strlen(id), p = n, i;

	while (p > 0 && id[p - 1] >= '0' && id[p - 1] <= '9')
		p--;
	if (p == n || n - p > 9 || p >= VL_PKEY)
		return false;
	*number = 0;
	for (i = p; i < n; i++)
		*number = *number * 10 + (uint64_t)(id[i] - '0');
	*plen = p, *digits = n - p;
	return true;
}

/* id's number when it is numbered as the register's ids are */
static bool
numbered_as(const struct vl_numbered *nb, const char *id, uint64_t *number)
{
	size_t i;

	/* the prefix byte by byte: a call of strncmp cost more than these
	 * few bytes, once a row of every file that names a project */
	for (i = 0; i < nb->plen; i++)
		if (id[i] != nb->prefix[i])
			return false;
	id += nb->plen;
	*number = 0;
	for (i = 0; id[i] >= '0' && id[i] <= '9'; i++) {
		if (i == 9)
			return false;
		*number = *number * 10 + (uint64_t)(id[i] - '0');
	}
	if (id[i] != '\0' || i == 0)
		return false;
	return nb->width ? i == nb->width : i == 1 || id[0] != '0';
}

/* direct[] of size entries, its first for number base (<= the old) */
static void
renumber(struct vl_numbered *nb, uint64_t base, size_t size)
{
	uint32_t *direct = vl_xcalloc(size, sizeof *direct);
	size_t shift = (size_t)(nb->base - base);

	if (nb->ndirect)
		memcpy(direct + shift, nb->direct,
		    nb->ndirect * sizeof *direct);
	free(nb->direct);
	nb->direct = direct;
	nb->ndirect = size, nb->base = base;
}

/*
 * The project at index entered by its number; false when its id is of
 * another form than the first's, or the numbers are too far apart for a
 * table (four entries a project, and some room, at most).
 */
static bool
number_project(struct vl_projects *ps, size_t index)
{
	struct vl_numbered *nb = &ps->num;
	const char *id = ps->v[index].id;
	size_t plen, digits, limit = 4 * ps->cap + 1024, size;
	uint64_t number, base, top;
	bool lead;	/* a leading zero: P007 */

	if (!split_id(id, &plen, &digits, &number))
		return false;
	lead = digits > 1 && id[plen] == '0';
	if (!nb->direct) {
		memcpy(nb->prefix, id, plen);
		nb->plen = plen, nb->base = number;
		nb->width = lead ? digits : 0;
		nb->sequential = index == 0, nb->first = number;
	} else if (plen != nb->plen || memcmp(id, nb->prefix, plen) != 0 ||
	    (nb->width ? digits != nb->width : lead))
		return false;
	base = number < nb->base ? number : nb->base;
	top = nb->base + nb->ndirect;	/* one past the table's last */
	if (number >= top)
		top = number + 1;
	if (top - base > limit)
		return false;
	if (base < nb->base || top - base > nb->ndirect) {
		size = 2 * nb->ndirect;
		if (size < top - base)
			size = (size_t)(top - base);
		renumber(nb, base, size < limit ? size : limit);
	}
	if (!nb->direct[number - base])	/* the first of an id is found */
		nb->direct[number - base] = (uint32_t)index + 1;
	nb->sequential = nb->sequential && number - nb->first == index;
	return true;
}

/* the ids are not all numbered alike: the hash table from now on */
static void
number_off(struct vl_projects *ps)
{
	size_t nslot = 64;

	free(ps->num.direct);
	memset(&ps->num, 0, sizeof ps->num);
	ps->num.off = true;
	while (too_full(ps->cap, nslot))
		nslot *= 2;
	grow_slots(ps, nslot);	/* places every project */
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
	if (!ps->num.off) {
		if (!number_project(ps, ps->n - 1))
			number_off(ps);
	} else if (too_full(ps->n, ps->nslot))	/* places every project */
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
	if (!ps->num.off)
		return;
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
	uint64_t number;

	if (!ps->num.off) {
		const struct vl_numbered *nb = &ps->num;

		if (!nb->direct || !numbered_as(nb, id, &number))
			return -1;
		if (nb->sequential)
			return number >= nb->first && number - nb->first <
			    ps->n ? (long)(number - nb->first) : -1;
		if (number < nb->base || number - nb->base >= nb->ndirect)
			return -1;
		return (long)nb->direct[number - nb->base] - 1;
	}
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

bool
vl_projects_number(const struct vl_projects *ps, const char *id,
    uint64_t *number)
{
	return !ps->num.off && ps->num.direct &&
	    numbered_as(&ps->num, id, number);
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
	free(ps->num.direct);
	memset(ps, 0, sizeof *ps);
}
