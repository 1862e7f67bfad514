/*
 * csv_split.c - a large CSV file read by a thread a part.
 *
 * A regular file is cut into parts at line ends that are record ends, and
 * each part is read by its own thread with its own reader and context.  A
 * line end ends a record when the quotes before it are even in number, so
 * the cut points come from counting quotes (and line ends, for the lines'
 * numbers) up to them: a quick pass, itself divided among the threads.
 * The quote count holds only for well-formed input, so every part is
 * checked to end where the next began, between records, at the line the
 * next began on; where one does not (a stray quote before the cut), its
 * reader goes on serially and the later parts are thrown away.  Messages
 * are kept per part and written in order.  So the records, their lines
 * and the messages are exactly those of one reader, which
 * tests/unit/test_csvfast.c checks on random input.
 *
 * The threads, the cache lines the parts sit on and the SSE2 count are
 * all here: a caller of vl_csv_gather sees contexts and a merge.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "base/err_priv.h"
#include "io/csv_priv.h"

size_t vl_csv_split_min = 8 << 20;

#define LINE 64		/* bytes of a cache line */

struct range_count {		/* what lies in a range of the file */
	int fd;
	off_t from, to;
	char *block;
	long long quotes;
	long lines;		/* line ends: LF, CRLF, or a lone CR */
	bool first_lf;		/* it starts with an LF */
	bool last_cr;		/* it ends with a CR (not counted yet) */
	int err;
};

struct part {			/* on cache lines of its own */
	_Alignas(LINE) struct reader r;
	int fd;
	off_t from, to;		/* the bytes it reads */
	long lines;		/* the lines before from */
	char *block;
	size_t bsize;
	struct vl_errbuf msgs;
	int err;
	bool started;		/* has a thread */
	pthread_t thread;
};

/* pread all n bytes (fewer at the end of the file); the count or -1 */
static ssize_t
read_at(int fd, char *buf, size_t n, off_t at)
{
	size_t got = 0;
	ssize_t k;

	while (got < n) {
		k = pread(fd, buf + got, n - got, at + (off_t)got);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			return -1;
		if (k == 0)
			break;
		got += (size_t)k;
	}
	return (ssize_t)got;
}

static size_t
count_byte(const char *s, size_t n, char c)
{
	const char *p = s, *end = s + n;
	size_t k = 0;

	while ((p = memchr(p, c, (size_t)(end - p))) != NULL)
		k++, p++;
	return k;
}

#ifdef __SSE2__
static __m128i
eq(__m128i v, char c)
{
	return _mm_cmpeq_epi8(v, _mm_set1_epi8(c));
}

/* Add the quotes and LFs of n bytes at s to *quotes and *lf, in one pass,
 * sixteen bytes at a time; true if there is a CR among them. */
static bool
count_block(const char *s, size_t n, long long *quotes, long *lf)
{
	const __m128i zero = _mm_setzero_si128();
	__m128i q, l, cr = zero, v;
	size_t i = 0, k;
	uint64_t sum[2];

	while (n - i >= 16) {
		/* byte counters, summed before 255 of them can wrap */
		q = l = zero;
		for (k = 0; k < 255 && n - i >= 16; k++, i += 16) {
			v = _mm_loadu_si128((const __m128i *)(s + i));
			q = _mm_sub_epi8(q, eq(v, '"'));
			l = _mm_sub_epi8(l, eq(v, '\n'));
			cr = _mm_or_si128(cr, eq(v, '\r'));
		}
		_mm_storeu_si128((__m128i *)sum, _mm_sad_epu8(q, zero));
		*quotes += (long long)(sum[0] + sum[1]);
		_mm_storeu_si128((__m128i *)sum, _mm_sad_epu8(l, zero));
		*lf += (long)(sum[0] + sum[1]);
	}
	*quotes += (long long)count_byte(s + i, n - i, '"');
	*lf += (long)count_byte(s + i, n - i, '\n');
	return _mm_movemask_epi8(cr) != 0 || memchr(s + i, '\r', n - i);
}
#else
static bool
count_block(const char *s, size_t n, long long *quotes, long *lf)
{
	*quotes += (long long)count_byte(s, n, '"');
	*lf += (long)count_byte(s, n, '\n');
	return memchr(s, '\r', n) != NULL;
}
#endif

static void *
count_range(void *arg)
{
	struct range_count *c = arg;
	off_t at = c->from;
	ssize_t n;
	const char *p, *end;

	while (at < c->to) {
		n = read_at(c->fd, c->block, (size_t)(c->to - at < BLOCK ?
		    c->to - at : BLOCK), at);
		if (n <= 0) {
			c->err = n < 0 ? errno : EIO;
			break;
		}
		if (at == c->from)
			c->first_lf = c->block[0] == '\n';
		else if (c->last_cr && c->block[0] != '\n')
			c->lines++;	/* the CR that ended the last block */
		end = c->block + n;
		/* quotes and LFs; CRs, rare, looked at only when there */
		if (count_block(c->block, (size_t)n, &c->quotes, &c->lines))
			for (p = c->block; (p = memchr(p, '\r', (size_t)(end -
			    p))); p++)
				if (p + 1 < end && p[1] != '\n')
					c->lines++;
		c->last_cr = end[-1] == '\r';
		at += n;
	}
	return NULL;
}

/* From at, where the quotes before are even or not (odd), the first LF
 * after an even number of quotes: the offset after it, or -1 when there
 * is none before size.  *lines gets the line ends from at to there. */
static off_t
next_cut(int fd, char *block, off_t at, off_t size, bool odd, bool cr,
    long *lines)
{
	ssize_t n, i;

	*lines = 0;
	for (; at < size; at += n) {
		if ((n = read_at(fd, block, BLOCK, at)) <= 0)
			return -1;
		for (i = 0; i < n; i++) {
			if (cr && block[i] != '\n')
				++*lines;
			cr = block[i] == '\r';
			if (block[i] == '"')
				odd = !odd;
			else if (block[i] == '\n' && ++*lines && !odd)
				return at + i + 1;
		}
	}
	return -1;
}

struct counter {		/* a thread counting every n-th slice */
	struct range_count *c;
	size_t first, step, end;
	char *block;
	pthread_t thread;
};

static void *
count_slices(void *arg)
{
	struct counter *t = arg;
	size_t i;

	for (i = t->first; i < t->end; i += t->step) {
		t->c[i].block = t->block;
		count_range(&t->c[i]);
	}
	return NULL;
}

/* Count n - 1 spans of span bytes from from, each in n slices, with n
 * threads; c gets (n - 1) * n slices. */
static void
count_spans(int fd, off_t from, off_t span, size_t n, struct range_count *c)
{
	struct counter *t = vl_xcalloc(n, sizeof *t);
	size_t nslice = (n - 1) * n, i, th;
	off_t piece = span / (off_t)n;

	for (i = 0; i < nslice; i++) {
		c[i].fd = fd;
		c[i].from = from + span * (off_t)(i / n) + piece *
		    (off_t)(i % n);
		c[i].to = i % n == n - 1 ? from + span * (off_t)(i / n + 1) :
		    c[i].from + piece;
	}
	for (th = 0; th < n; th++) {
		t[th] = (struct counter){c, th, n, nslice, vl_xmalloc(BLOCK),
		    0};
		if (th > 0 && pthread_create(&t[th].thread, NULL, count_slices,
		    &t[th]) != 0)
			t[th].step = 0;	/* no thread: counted below */
	}
	count_slices(&t[0]);
	for (th = 1; th < n; th++) {
		if (t[th].step)
			pthread_join(t[th].thread, NULL);
		else
			count_slices(&(struct counter){c, th, n, nslice,
			    t[th].block, 0});
		free(t[th].block);
	}
	free(t[0].block);
	free(t);
}

/*
 * The cut points of [from, size) into at most n parts: cut[0] = from,
 * cut[k] where part k starts, lines[k] the line ends before it (line0
 * before from).  Returns how many parts there are.
 */
static size_t
find_cuts(int fd, off_t from, off_t size, long line0, size_t n, off_t *cut,
    long *lines)
{
	size_t nslice = (n - 1) * n, i, k = 1;
	struct range_count *c = vl_xcalloc(nslice, sizeof *c);
	char *block = vl_xmalloc(BLOCK);
	long long quotes = 0;
	long count = line0, more;
	bool cr = false;
	off_t at;

	cut[0] = from;
	lines[0] = line0;
	count_spans(fd, from, (size - from) / (off_t)n, n, c);
	for (i = 0; i < nslice && k < n; i++) {
		if (c[i].err)
			break;
		if (c[i].from < c[i].to) {
			if (cr && !c[i].first_lf)
				count++;	/* a lone CR ended the last */
			quotes += c[i].quotes;
			count += c[i].lines;
			cr = c[i].last_cr;
		}
		if (i % n != n - 1)
			continue;
		/* a target: the first record end from there on */
		at = next_cut(fd, block, c[i].to, size, quotes % 2, cr, &more);
		if (at < 0)
			break;
		if (at > cut[k - 1] && at < size) {
			cut[k] = at;
			lines[k++] = count + more;
		}
	}
	if (i < nslice && c[i].err)
		k = 1;
	free(block);
	free(c);
	return k;
}

/* read [from, to) of fd into r; 0 or an errno */
static int
read_range(struct reader *r, int fd, off_t from, off_t to, char *block,
    size_t bsize)
{
	ssize_t n;

	while (from < to && !r->stop) {
		n = read_at(fd, block, (size_t)(to - from) < bsize ?
		    (size_t)(to - from) : bsize, from);
		if (n < 0)
			return errno;
		if (n == 0) {	/* the file is shorter than it was */
			vl_csv_feed_block(r, block, 0, false);
			break;
		}
		from += n;
		vl_csv_feed_block(r, block, (size_t)n, from < to);
	}
	return 0;
}

static void *
run_part(void *arg)
{
	struct part *p = arg;

	vl_err_capture(&p->msgs);
	p->err = read_range(&p->r, p->fd, p->from, p->to, p->block, p->bsize);
	vl_err_capture(NULL);
	return NULL;
}

/* Did part p end where the next one began: between records, nothing
 * held, at the line it began on? */
static bool
ends_at(const struct part *p, const struct part *next)
{
	return !p->err && !p->r.stop && vl_csv_fresh(&p->r) &&
	    p->r.line == next->lines;
}

/* Read the header with p[0]'s reader, in its first block; false when
 * there is no header to share (too long, not UTF-8, bad) and the part
 * should simply read on alone. */
static bool
read_header(struct part *p, off_t size)
{
	size_t first = vl_csv_block ? vl_csv_block : FIRST_BLOCK, used;
	ssize_t n = read_at(p->fd, p->block, first, 0);

	if (n < 0) {
		p->err = errno;
		return false;
	}
	p->r.pause = true;
	used = vl_csv_feed_block(&p->r, p->block, (size_t)n,
	    (size_t)n == first && n < size);
	p->r.pause = false;
	p->from = (off_t)used;
	return p->r.have_header && !p->r.header_bad && vl_csv_fresh(&p->r) &&
	    p->r.enc == ENC_UTF8 && !p->r.stop && used < (size_t)n;
}

/* The status of the parts read, as one reader would have it. */
static int
split_status(struct part *p, size_t used)
{
	int status = VL_OK;
	size_t k;

	for (k = 0; k < used; k++)
		if (p[k].err) {
			vl_warn("%s: %s", p[k].r.display, strerror(p[k].err));
			return VL_SYSFAULT;
		}
	for (k = 0; k < used; k++) {
		if (p[k].r.stop)
			return p[k].r.stop;
		if (p[k].r.bad)
			status = VL_BADINPUT;
	}
	return status;
}

/* Start parts 1 to n - 1 on threads, read part 0 here, wait for them. */
static void
run_parts(struct part *p, size_t n, off_t *cut, long *lines)
{
	size_t k;

	for (k = 0; k < n; k++) {
		p[k].from = cut[k];
		p[k].to = cut[k + 1];
		p[k].lines = lines[k];
	}
	for (k = 1; k < n; k++) {
		p[k].r.enc = ENC_UTF8;
		p[k].r.line = lines[k];
		p[k].r.offset = cut[k];
		p[k].r.have_header = true;
		vl_csv_copy_header(&p[k].r.header, &p[0].r.header);
		p[k].started = pthread_create(&p[k].thread, NULL, run_part,
		    &p[k]) == 0;
	}
	p[0].err = read_range(&p[0].r, p[0].fd, p[0].from, p[0].to,
	    p[0].block, p[0].bsize);
	for (k = 1; k < n; k++)
		if (p[k].started)
			pthread_join(p[k].thread, NULL);
		else
			run_part(&p[k]);
}

/* Read the file in parts; how many parts make up the whole (a part that
 * did not end where the next began has read on to the end). */
static size_t
read_parts(struct part *p, size_t n, off_t size)
{
	struct part *last;
	off_t *cut;
	long *lines;
	size_t used;

	if (!read_header(&p[0], size)) {	/* no header to share */
		if (!p[0].err)
			p[0].err = read_range(&p[0].r, p[0].fd, p[0].from, size,
			    p[0].block, p[0].bsize);
		return 1;
	}
	cut = vl_xcalloc(n + 1, sizeof *cut);
	lines = vl_xcalloc(n + 1, sizeof *lines);
	n = find_cuts(p[0].fd, p[0].from, size, p[0].r.line, n, cut, lines);
	cut[n] = size;
	run_parts(p, n, cut, lines);
	for (used = 1; used < n && ends_at(&p[used - 1], &p[used]); used++)
		;
	last = &p[used - 1];
	if (used < n && !last->err && !last->r.stop) {
		vl_err_capture(&last->msgs);
		last->err = read_range(&last->r, last->fd, cut[used], size,
		    last->block, last->bsize);
	}
	free(cut);
	free(lines);
	return used;
}

int
vl_csv_read_split(const char *path, const char *display,
    const struct vl_csv_opts *opts, vl_record_fn fn, struct vl_split *sp)
{
	size_t n = sp->nparts, k;
	struct vl_errbuf *was;
	struct part *p, *last;
	struct stat st;
	int fd, status;

	sp->used = 1;
	if (n < 2 || strcmp(path, "-") == 0)
		return vl_csv_read(path, display, opts, fn, sp->ctx[0]);
	if (opts && opts->regular) {
		if ((fd = vl_open_regular_at(AT_FDCWD, path, display,
		    &st)) < 0 && errno != ENOENT)
			return VL_SYSFAULT;	/* said */
	} else if ((fd = open(path, O_RDONLY | O_CLOEXEC)) >= 0 &&
	    fstat(fd, &st) != 0) {
		close(fd);
		fd = -1;
	}
	if (fd >= 0 && !S_ISREG(st.st_mode)) {
		close(fd);
		fd = -1;
	}
	if (fd < 0)	/* read as one, which says why it cannot be */
		return vl_csv_read(path, display, opts, fn, sp->ctx[0]);
	/* too small to divide: read as one, from what is open */
	if ((size_t)st.st_size < vl_csv_split_min || st.st_size < 2)
		return vl_csv_read_fd(fd, display, opts, fn, sp->ctx[0]);
	p = vl_xcalloc_lines(n, sizeof *p);
	for (k = 0; k < n; k++) {
		p[k].fd = fd;
		p[k].bsize = vl_csv_block ? vl_csv_block : BLOCK;
		/* the first part's first read is the larger */
		p[k].block = vl_xmalloc(k == 0 && !vl_csv_block ?
		    FIRST_BLOCK : p[k].bsize);
		vl_csv_reader_init(&p[k].r, display, opts, fn, sp->ctx[k]);
		p[k].r.writable = true;
	}
	was = vl_err_capture(&p[0].msgs);
	sp->used = read_parts(p, n, st.st_size);
	last = &p[sp->used - 1];
	vl_err_capture(&last->msgs);
	if (!last->err)
		vl_csv_reader_fini(&last->r);
	vl_err_capture(was);
	if (sp->used > 1 && sp->accept && !sp->accept(sp)) {
		/* the caller cannot merge these parts: all again, as one */
		for (k = 0; k < n; k++)
			vl_err_discard(&p[k].msgs);
		if (opts && opts->header_out)
			vl_header_free(opts->header_out);
		if (sp->reset)
			sp->reset(sp);
		sp->used = 1;
		status = -1;
	} else {
		for (k = 0; k < n; k++)
			if (k < sp->used)
				vl_err_flush(&p[k].msgs);
			else
				vl_err_discard(&p[k].msgs);
		status = split_status(p, sp->used);
	}
	for (k = 0; k < n; k++) {
		vl_csv_reader_free(&p[k].r);
		free(p[k].block);
	}
	free(p);
	close(fd);
	if (status < 0)
		status = vl_csv_read(path, display, opts, fn, sp->ctx[0]);
	return status;
}

/* ---- the caller's contexts: one a part, merged in order ---------------- */

static bool
gather_accept(struct vl_split *s)
{
	const struct vl_gather *g = s->arg;

	return !g->accept || g->accept(s->ctx, s->used, g->arg);
}

static void
gather_reset(struct vl_split *s)
{
	const struct vl_gather *g = s->arg;

	if (g->reset)
		g->reset(s->ctx[0], g->arg);
}

int
vl_csv_gather(const char *path, const char *display,
    const struct vl_csv_opts *opts, vl_record_fn fn, void *first,
    const struct vl_gather *g)
{
	/* each part's context on cache lines of its own: threads writing
	 * each its own do not slow each other down */
	size_t n = vl_threads(), stride = (g->size + LINE - 1) / LINE * LINE;
	char *parts = n > 1 ? vl_xcalloc_lines(n - 1, stride) : NULL;
	void **ctx = vl_xcalloc(n, sizeof *ctx);
	struct vl_split s = {n, ctx, gather_accept, gather_reset, (void *)g,
	    1};
	size_t k;
	int status;

	ctx[0] = first;
	for (k = 1; k < n; k++) {
		ctx[k] = parts + (k - 1) * stride;
		g->init(ctx[k], first, g->arg);
	}
	status = vl_csv_read_split(path, display, opts, fn, &s);
	for (k = 1; k < n; k++) {
		if (k < s.used)
			g->merge(first, ctx[k], g->arg);
		if (g->free)
			g->free(ctx[k], g->arg);
	}
	free(parts);
	free(ctx);
	return status;
}
