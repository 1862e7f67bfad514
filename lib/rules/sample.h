/*
 * sample.h - projects drawn at random for spot checks (抽查): the same
 * seed and register give the same draw on every machine.
 */
#ifndef VL_SAMPLE_H
#define VL_SAMPLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "register/book.h"
#include "rules/filter.h"

struct vl_sample {
	uint64_t count;		/* projects to draw */
	bool seeded;		/* seed given; else the day as YYYYMMDD */
	uint64_t seed;
	long skip_recent;	/* leave out projects inspected fewer days
				 * ago than this */
	const struct vl_filter *pool;	/* only the projects it passes, or
					 * NULL */
	unsigned stages;	/* a bit per enum vl_stage; 0: every one */
};

/* Draw s->count distinct projects of a book loaded with progress and
 * inspections, as of its day, from those s allows sorted by id: *drawn
 * (malloc'd; free it) gets their indexes in the order drawn.  When fewer
 * are there, all are drawn, with a warning.  Returns how many. */
size_t vl_sample_draw(const struct vl_book *b, const struct vl_sample *s,
    size_t **drawn);

/* A project of one of several books. */
struct vl_drawn {
	size_t book, project;
};
/* The same over the nb books of a roll-up, book i of district[i]: one
 * draw from the projects of them all that s allows, sorted by district,
 * then by id (the same draw whatever the order of the books); the seed
 * by default the first book's day. */
size_t vl_sample_draw_books(const struct vl_book *b,
    const char *const *district, size_t nb, const struct vl_sample *s,
    struct vl_drawn **drawn);

#endif
