/*
 * groups.h - sums of money by a text key (a town, a source, an id the
 * register does not know), found in constant time, overflow-checked.
 */
#ifndef VL_GROUPS_H
#define VL_GROUPS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct vl_group {
	char *key;
	int64_t amount;		/* fen */
	long count;		/* amounts added */
	long line;		/* the line given with the first of them */
};
struct vl_groups {		/* all zero: empty */
	struct vl_group *v;	/* in order of first use, or sorted */
	size_t n, cap;
	size_t *slot;
	size_t nslot;
};
/* Add amount to key's group, made on first use.  false when the sum
 * would overflow (the group is left as it was). */
bool vl_groups_add(struct vl_groups *g, const char *key, int64_t amount,
    long line);
/* NULL when there is no such group */
const struct vl_group *vl_groups_find(const struct vl_groups *g,
    const char *key);
/* from's sums and counts added to into's, its groups made where new,
 * the line of into's kept (from is a later part of the same input);
 * false when a sum would overflow */
bool vl_groups_merge(struct vl_groups *into, const struct vl_groups *from);
/* v sorted by key in byte order ("" first); finding still works */
void vl_groups_sort(struct vl_groups *g);
void vl_groups_free(struct vl_groups *g);

#endif
