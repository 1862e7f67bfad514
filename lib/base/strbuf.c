/*
 * strbuf.c - a growing byte buffer, allocation that cannot return NULL,
 * an arena of strings.
 */
#include <sys/mman.h>

#include <malloc.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/err.h"
#include "base/strbuf.h"

#define HUGE_PAGE ((size_t)2 << 20)

static _Noreturn void
out_of_memory(void)
{
	vl_die(VL_SYSFAULT, "out of memory");
}

/*
 * A big block (a national register's arrays, of tens of megabytes) in
 * huge pages where the system gives them on asking (transparent huge
 * pages in "madvise" mode, as Debian's): a 4 KiB page fault for every
 * 4 KiB first touched was a fifth of a report's time in a virtual
 * machine, and a miss in the TLB for every row looked up.  A block of
 * 2 MiB and more is a mapping of its own (vl_alloc_init), asked for whole:
 * asking for a part would split the mapping, and realloc could then no
 * longer move it without copying.
 */
static void *
huge(void *p, size_t n)
{
	uintptr_t from = (uintptr_t)p & ~(uintptr_t)4095;
	uintptr_t to = ((uintptr_t)p + malloc_usable_size(p) + 4095) &
	    ~(uintptr_t)4095;

	if (n >= HUGE_PAGE)
		madvise((void *)from, to - from, MADV_HUGEPAGE);
	return p;
}

/* Blocks from 2 MiB up each in a mapping of their own, grown by moving
 * the mapping and not by copying into new pages (glibc's threshold would
 * rise as the first ones are freed); huge() can then ask huge pages for
 * them before their pages are touched.  Memory freed is kept for the
 * next block, not given back to the system at once: a roll-up reads
 * 12000 files, each into a buffer of a megabyte, and each buffer's pages
 * were faulted in again for each file. */
void
vl_alloc_init(void)
{
	mallopt(M_MMAP_THRESHOLD, (int)HUGE_PAGE);
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
}

void *
vl_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		out_of_memory();
	return huge(p, n);
}

void *
vl_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		out_of_memory();
	return huge(p, n * size);
}

void *
vl_xrealloc(void *p, size_t n)
{
	size_t had;
	void *q;

	/* out of the heap into a mapping of its own: asked in huge pages
	 * before the copy touches them */
	if (p && n >= HUGE_PAGE && (had = malloc_usable_size(p)) < HUGE_PAGE) {
		q = memcpy(vl_xmalloc(n), p, had);
		free(p);
		return q;
	}
	p = realloc(p, n ? n : 1);
	if (!p)
		out_of_memory();
	return huge(p, n);
}

void *
vl_xcalloc_lines(size_t n, size_t size)
{
	size_t bytes;
	void *p;

	if (__builtin_mul_overflow(n, size, &bytes) ||
	    posix_memalign(&p, 64, bytes ? bytes : 1) != 0)
		out_of_memory();
	return memset(huge(p, bytes), 0, bytes);
}

size_t
vl_threads(void)
{
	/* asked once: glibc reads /sys for it each time, and a roll-up asks
	 * at every file of thousands of registers */
	static long online;
	const char *e = getenv("VL_THREADS");
	long n;

	if (e && *e) {
		n = strtol(e, NULL, 10);
	} else if ((n = __atomic_load_n(&online, __ATOMIC_RELAXED)) == 0) {
		n = sysconf(_SC_NPROCESSORS_ONLN);
		__atomic_store_n(&online, n, __ATOMIC_RELAXED);
	}
	return n < 1 ? 1 : n > 64 ? 64 : (size_t)n;
}

void
vl_both(void *(*fn)(void *), void *first, void *second, bool threads)
{
	pthread_t thread;
	bool started = threads && pthread_create(&thread, NULL, fn,
	    second) == 0;

	fn(first);
	if (started)
		pthread_join(thread, NULL);
	else
		fn(second);
}

char *
vl_xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(vl_xmalloc(n), s, n);
}

/* room for n more bytes and a NUL */
void
vl_buf_reserve(struct vl_buf *b, size_t n)
{
	size_t want;

	if (b->cap - b->len > n)
		return;
	want = b->cap ? b->cap : 256;
	while (want - b->len <= n) {
		if (want > SIZE_MAX / 2)
			out_of_memory();
		want *= 2;
	}
	b->data = vl_xrealloc(b->data, want);
	b->cap = want;
}

/* The data stays NUL-terminated, so b->data is always a C string.  p
 * may be NULL when n is 0 (an empty vl_buf's data): b is made all the
 * same. */
void
vl_buf_add(struct vl_buf *b, const void *p, size_t n)
{
	vl_buf_reserve(b, n);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
vl_buf_puts(struct vl_buf *b, const char *s)
{
	vl_buf_add(b, s, strlen(s));
}

void
vl_buf_vprintf(struct vl_buf *b, const char *fmt, va_list ap)
{
	size_t room = b->cap > b->len ? b->cap - b->len : 0;
	va_list copy;
	int n;

	/* once into the room there is, as mostly; again where too little */
	va_copy(copy, ap);
	n = vsnprintf(room ? b->data + b->len : NULL, room, fmt, copy);
	va_end(copy);
	if (n < 0)
		out_of_memory();
	if ((size_t)n >= room) {
		vl_buf_reserve(b, (size_t)n);
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	}
	b->len += (size_t)n;
}

void
vl_buf_printf(struct vl_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vl_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
vl_buf_free(struct vl_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

bool
vl_in(const char *const *choices, const char *s)
{
	for (; *choices; choices++)
		if (strcmp(*choices, s) == 0)
			return true;
	return false;
}

/* ---- an arena of strings --------------------------------------------- */

#define ARENA_BLOCK (256 << 10)

struct vl_arena_block {
	struct vl_arena_block *next;
	size_t used, size;
	char data[];
};

char *
vl_arena_strdup(struct vl_arena *a, const char *s)
{
	size_t n = strlen(s) + 1;
	struct vl_arena_block *b = a->head;
	char *p;

	if (n == 1)
		return (char *)"";	/* never written to: every "" is one */
	if (!b || b->size - b->used < n) {
		size_t size = n > ARENA_BLOCK / 4 ? n : ARENA_BLOCK;

		b = vl_xmalloc(sizeof *b + size);
		b->used = 0;
		b->size = size;
		/* a big string gets a block of its own, behind the one being
		 * filled */
		if (n > ARENA_BLOCK / 4 && a->head) {
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
	}
	p = b->data + b->used;
	memcpy(p, s, n);
	b->used += n;
	return p;
}

static void
strset_grow(struct vl_strset *set)
{
	size_t nslot = set->nslot ? 2 * set->nslot : 256, mask = nslot - 1;
	char **slot = vl_xcalloc(nslot, sizeof *slot);
	size_t i, k;

	for (i = 0; i < set->nslot; i++) {
		if (!set->slot[i])
			continue;
		for (k = vl_hash(set->slot[i]) & mask; slot[k]; k = (k + 1) & mask)
			;
		slot[k] = set->slot[i];
	}
	free(set->slot);
	set->slot = slot;
	set->nslot = nslot;
}

char *
vl_strset_intern(struct vl_strset *set, struct vl_arena *a, const char *s)
{
	size_t k, mask;

	if (!*s)
		return (char *)"";	/* as vl_arena_strdup's */
	if (4 * (set->n + 1) > 3 * set->nslot)
		strset_grow(set);
	mask = set->nslot - 1;
	for (k = vl_hash(s) & mask; set->slot[k]; k = (k + 1) & mask)
		if (strcmp(set->slot[k], s) == 0)
			return set->slot[k];
	set->n++;
	return set->slot[k] = vl_arena_strdup(a, s);
}

void
vl_strset_free(struct vl_strset *set)
{
	free(set->slot);
	memset(set, 0, sizeof *set);
}

void
vl_arena_take(struct vl_arena *into, struct vl_arena *from)
{
	struct vl_arena_block **end = &from->head;

	while (*end)
		end = &(*end)->next;
	*end = into->head;
	into->head = from->head;
	from->head = NULL;
}

void
vl_arena_free(struct vl_arena *a)
{
	struct vl_arena_block *b, *next;

	for (b = a->head; b; b = next) {
		next = b->next;
		free(b);
	}
	a->head = NULL;
}
