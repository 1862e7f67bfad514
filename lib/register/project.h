/*
 * project.h - the projects of a register, found by id in constant time
 * (a national register holds hundreds of thousands).
 */
#ifndef VL_PROJECT_H
#define VL_PROJECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/date.h"
#include "base/strbuf.h"

struct vl_project {
	char *id, *town, *village, *leader, *specialist, *mode, *area;
	int64_t budget;
	vl_date start_by, complete_by;	/* the plan's unless overridden */
	long line;
	bool shared;	/* its texts are in the projects' arena, not
			 * malloc'd one by one */
};

#define VL_PKEY 12
struct vl_pslot {		/* of the hash table of ids */
	uint32_t index;		/* into v, + 1; 0: empty */
	char key[VL_PKEY];	/* the id, NULs after it, when shorter;
				 * else all NULs */
};

/*
 * Ids of one prefix and then a number, of one count of digits (P0001,
 * P0002...) or with no leading zero (1, 2... 10), as registers number
 * their projects and rows, are found by their number: one load from a
 * small table, in the order the rows come, where a hash of the id is a
 * cache miss for every row of a national journal.
 */
struct vl_numbered {
	bool off;		/* an id of another form came: the hash table */
	char prefix[VL_PKEY];
	size_t plen;
	size_t width;		/* of the number; 0: no leading zero */
	uint64_t base;		/* the number of direct[0] */
	uint32_t *direct;	/* index into v + 1 by number - base; 0: none */
	size_t ndirect;
	/* every id so far numbered first, first + 1, ... in v's order (as
	 * vl-add numbers them): an id's index is its number - first, found
	 * without reading direct[] (a national register's is megabytes, a
	 * miss in the cache a row of every file) */
	bool sequential;
	uint64_t first;
};

struct vl_projects {		/* all zero: none */
	struct vl_project *v;
	size_t n, cap;
	struct vl_numbered num;	/* while not off, the slots are not kept */
	struct vl_pslot *slot;	/* open addressing */
	size_t nslot;
	struct vl_arena strings;	/* the texts of shared projects */
};

void vl_projects_add(struct vl_projects *ps, const struct vl_project *p);
/* room for n projects made at once, not grown to one by one */
void vl_projects_reserve(struct vl_projects *ps, size_t n);
/* NULL when there is no such project */
const struct vl_project *vl_projects_find(const struct vl_projects *ps,
    const char *id);
/* its index in v, or -1 */
long vl_projects_index(const struct vl_projects *ps, const char *id);
/* id's number when every id of ps is numbered alike (P000123, P000456):
 * then ids in natural order are in the order of their numbers.  false
 * when they are not, or id is not one of that form. */
bool vl_projects_number(const struct vl_projects *ps, const char *id,
    uint64_t *number);
void vl_projects_free(struct vl_projects *ps);

#endif
