/*
 * strbuf.h - memory: a growing byte buffer, allocation that never
 * returns NULL, an arena of strings, a file read whole.
 */
#ifndef VL_STRBUF_H
#define VL_STRBUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Always NUL-terminated once anything was added: data is a C string. */
struct vl_buf {
	char *data;
	size_t len, cap;
};
/* room for n more bytes and a NUL */
void vl_buf_reserve(struct vl_buf *b, size_t n);
void vl_buf_add(struct vl_buf *b, const void *p, size_t n);
void vl_buf_puts(struct vl_buf *b, const char *s);
void vl_buf_printf(struct vl_buf *b, const char *fmt, ...);
void vl_buf_vprintf(struct vl_buf *b, const char *fmt, va_list ap);
void vl_buf_free(struct vl_buf *b);

/* out of memory: exit VL_SYSFAULT */
void *vl_xmalloc(size_t n);
void *vl_xcalloc(size_t n, size_t size);
void *vl_xrealloc(void *p, size_t n);
/* at the start of a program: big blocks in huge pages (see strbuf.c) */
void vl_alloc_init(void);
/* vl_xcalloc aligned to a cache line (64 bytes): records of a line each
 * read at random are a miss each, not two */
void *vl_xcalloc_lines(size_t n, size_t size);
char *vl_xstrdup(const char *s);
/* Threads a big job (a large file, a roll-up, a register's digests)
 * works with at once: $VL_THREADS, else one per processor. */
size_t vl_threads(void);
/* fn(first) here and fn(second) by a thread of its own at the same time
 * when threads is true (and a thread can be made), else one after the
 * other; returns when both are done */
void vl_both(void *(*fn)(void *), void *first, void *second, bool threads);

/* FNV-1a of s, for tables of short keys (ids, towns): no adversary.
 * Inline: a national journal looks up a project on every row. */
static inline uint64_t
vl_hash(const char *s)
{
	uint64_t h = 1469598103934665603u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}
/* Is s one of choices (NULL-terminated)? */
bool vl_in(const char *const *choices, const char *s);

/* Strings kept as long as the arena, without a malloc each (a national
 * register's inspections are millions of them).  All zero: empty. */
struct vl_arena {
	struct vl_arena_block *head;
};
char *vl_arena_strdup(struct vl_arena *a, const char *s);
/* from's strings now belong to into; from is empty */
void vl_arena_take(struct vl_arena *into, struct vl_arena *from);
void vl_arena_free(struct vl_arena *a);

/* Strings kept once however often they come (a national register's
 * 600 000 projects name some thousands of towns and leaders), their
 * bytes in an arena.  All zero: empty. */
struct vl_strset {
	char **slot;		/* open addressing, at most 3/4 taken */
	size_t nslot, n;
};
/* s's one copy, made in a when s is new; never write to it */
char *vl_strset_intern(struct vl_strset *set, struct vl_arena *a,
    const char *s);
/* the table; the strings stay in their arena */
void vl_strset_free(struct vl_strset *set);

/* The bytes of path ("-": stdin) into b (emptied first; data is never
 * NULL after).  On failure says "display: why" and returns VL_BADINPUT
 * (no such file, a directory) or VL_SYSFAULT. */
int vl_slurp(const char *path, const char *display, struct vl_buf *b);
/* the same of a stream open already, which it closes (stdin excepted) */
int vl_slurp_stream(FILE *f, const char *display, struct vl_buf *b);

#endif
