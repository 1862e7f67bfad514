/*
 * csv_fast.c - the fast path: a line without a quote.
 *
 * Most lines of a register hold no quote: their fields are what lies
 * between the commas, with the blanks and tabs around each trimmed as
 * libcsv trims an unquoted field.  Such a line, starting a record, is split
 * here without libcsv and without copying field by field.  Any other line
 * (a quote, a NUL, a byte that is not UTF-8, too long, too many fields,
 * not whole in the block) takes the general path, which reads and reports
 * it as ever.  tests/unit/test_csvfast.c proves that both make the same
 * records and the same errors of any input.
 *
 * The line is read sixty-four bytes a turn: SSE2 (every x86-64) or, where
 * the processor has them, AVX2 or AVX-512 make one 64-bit word a kind of
 * byte, and the rest is done on those words.  The widest is chosen when
 * the program runs, not when it is built, so one binary serves every
 * machine.
 */
#include <stdint.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "io/csv_priv.h"

/* What the scan of a line saw, before its end. */
struct seen {
	size_t nc;		/* commas, at r->off[0..nc) */
	bool controls;		/* maybe a control character (see controls()) */
	bool edge_blanks;	/* maybe a blank or tab at a field's edge */
};

/* The n bytes at s, a line without its end, as libcsv reads it: a record
 * of nc + 1 fields, or none for a line of nothing but blanks.  in_place: s
 * may be written up to s[n], its end. */
static void
split_line(struct reader *r, const char *s, size_t n, const struct seen *e,
    bool in_place)
{
	size_t i, from, to, nc = e->nc, *off = r->off, *len = r->len;
	bool edge_blanks = e->edge_blanks;	/* a local: t's stores alias */
	char **field = r->field;
	char *t;

	r->line++;
	r->rec_line = r->line;
	for (i = 0; nc == 0 && i < n && blank(s[i]); i++)
		;
	if (nc == 0 && i == n)
		return;
	if (in_place) {
		t = (char *)s;	/* a block of ours, read no more */
	} else {
		vl_buf_reserve(&r->text, n);
		t = memcpy(r->text.data, s, n);
	}
	off[nc] = n;
	for (i = 0, from = 0; i <= nc; i++) {
		to = off[i];
		if (edge_blanks) {	/* the scan saw one somewhere */
			while (from < to && blank(t[from]))
				from++;
			while (to > from && blank(t[to - 1]))
				to--;
		}
		t[to] = '\0';
		field[i] = t + from;
		len[i] = to - from;
		from = off[i] + 1;
	}
	r->nf = nc + 1;
	r->no_controls = !e->controls;
	vl_csv_end_record(r);
}

#ifdef __SSE2__
/*
 * A turn's kinds of byte, one bit a byte (the commas, the blanks, the
 * bytes that stop the fast path, ...), made by SSE2's sixteen bytes a
 * vector, AVX2's thirty-two or AVX-512's sixty-four.  Then no branch per
 * byte, so no mispredicted one at the end of every field, and UTF-8
 * checked on whole words, as utf8_char() would one character at a time
 * (test_csvfast.c holds them to it, by each instruction set).
 */
struct masks {
	uint64_t stop;		/* LF, CR, quote, NUL: the fast path stops */
	uint64_t comma, blank;	/* blank: space or tab */
	uint64_t ctl;		/* see kinds16() */
	uint64_t hi;		/* 0x80 and up */
	uint64_t c0, e0, f0;	/* 0xc0 and up, 0xe0 and up, 0xf0 and up */
	uint64_t odd;		/* the leads the rarer rules are about: 0xc0,
				 * 0xc1, 0xe0, 0xed, 0xf0 and up */
};

/* The masks of the rarer rules of UTF-8, made only for a turn with such a
 * lead (see utf8_turn). */
struct rare {
	uint64_t bad;		/* 0xc0, 0xc1, 0xf5 and up: never in UTF-8 */
	uint64_t e0, ed, f0, f4;	/* these leads */
	uint64_t below_a0, below_90;
};

#define INLINE static inline __attribute__((always_inline))

INLINE __m128i
eq(__m128i v, char c)
{
	return _mm_cmpeq_epi8(v, _mm_set1_epi8(c));
}

/* bytes above c, as signed bytes: the bytes from 0x80 up to c are below
 * every one from 0, so for c of 0x80 and up this is what is above c
 * and below 0x80 (taken away by the caller) */
INLINE __m128i
gt(__m128i v, unsigned char c)
{
	return _mm_cmpgt_epi8(v, _mm_set1_epi8((char)c));
}

INLINE uint64_t
bits(__m128i v)
{
	return (uint64_t)(unsigned)_mm_movemask_epi8(v);
}

/* The kinds of the sixteen bytes at v, ORed into m at bit s.  ctl: C0
 * controls but tab, DEL, and 0xc2 (the lead of a C1 control or of a
 * character from U+00A0 to U+00BF), which the text check looks at. */
INLINE void
kinds16(__m128i v, unsigned s, struct masks *m)
{
	uint64_t hi = bits(v), tab = bits(eq(v, '\t'));
	uint64_t c0 = bits(gt(v, 0xbf)) & hi, f0 = bits(gt(v, 0xef)) & hi;

	m->stop |= bits(_mm_or_si128(_mm_or_si128(eq(v, '\n'), eq(v, '\r')),
	    _mm_or_si128(eq(v, '"'), eq(v, '\0')))) << s;
	m->comma |= bits(eq(v, ',')) << s;
	m->blank |= (bits(eq(v, ' ')) | tab) << s;
	m->ctl |= ((bits(_mm_cmpgt_epi8(_mm_set1_epi8(0x20), v)) & ~hi &
	    ~tab) | bits(_mm_or_si128(eq(v, 0x7f), eq(v, (char)0xc2)))) << s;
	m->hi |= hi << s;
	m->c0 |= c0 << s;
	m->e0 |= (bits(gt(v, 0xdf)) & hi) << s;
	m->f0 |= f0 << s;
	m->odd |= ((c0 & ~bits(gt(v, 0xc1))) | f0 |
	    bits(_mm_or_si128(eq(v, (char)0xe0), eq(v, (char)0xed)))) << s;
}

INLINE void
classify_sse2(const unsigned char *q, struct masks *m)
{
	*m = (struct masks){0, 0, 0, 0, 0, 0, 0, 0, 0};
	kinds16(_mm_loadu_si128((const __m128i *)q), 0, m);
	kinds16(_mm_loadu_si128((const __m128i *)(q + 16)), 16, m);
	kinds16(_mm_loadu_si128((const __m128i *)(q + 32)), 32, m);
	kinds16(_mm_loadu_si128((const __m128i *)(q + 48)), 48, m);
}

/* bytes >= c, unsigned */
INLINE uint64_t
ge(__m128i v, unsigned char c)
{
	return bits(_mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8((char)c)),
	    v));
}

static void
rare_masks(const unsigned char *q, struct rare *x)
{
	__m128i v;
	unsigned k, s;

	*x = (struct rare){0, 0, 0, 0, 0, 0, 0};
	for (k = 0; k < 4; k++) {
		v = _mm_loadu_si128((const __m128i *)(q + 16 * k));
		s = 16 * k;
		x->bad |= (ge(v, 0xf5) | (ge(v, 0xc0) & ~ge(v, 0xc2))) << s;
		x->e0 |= bits(eq(v, (char)0xe0)) << s;
		x->ed |= bits(eq(v, (char)0xed)) << s;
		x->f0 |= bits(eq(v, (char)0xf0)) << s;
		x->f4 |= bits(eq(v, (char)0xf4)) << s;
		x->below_a0 |= (~ge(v, 0xa0) & 0xffff) << s;
		x->below_90 |= (~ge(v, 0x90) & 0xffff) << s;
	}
}

#ifdef __x86_64__
#include <immintrin.h>
#define AVX2 static inline __attribute__((target("avx2"), always_inline))

AVX2 __m256i
eq32(__m256i v, char c)
{
	return _mm256_cmpeq_epi8(v, _mm256_set1_epi8(c));
}

AVX2 __m256i
gt32(__m256i v, unsigned char c)
{
	return _mm256_cmpgt_epi8(v, _mm256_set1_epi8((char)c));
}

AVX2 uint64_t
bits32(__m256i v)
{
	return (uint32_t)_mm256_movemask_epi8(v);
}

/* kinds16(), thirty-two bytes at a time */
AVX2 void
kinds32(__m256i v, unsigned s, struct masks *m)
{
	uint64_t hi = bits32(v), tab = bits32(eq32(v, '\t'));
	uint64_t c0 = bits32(gt32(v, 0xbf)) & hi;
	uint64_t f0 = bits32(gt32(v, 0xef)) & hi;

	m->stop |= bits32(_mm256_or_si256(_mm256_or_si256(eq32(v, '\n'),
	    eq32(v, '\r')), _mm256_or_si256(eq32(v, '"'), eq32(v, '\0')))) << s;
	m->comma |= bits32(eq32(v, ',')) << s;
	m->blank |= (bits32(eq32(v, ' ')) | tab) << s;
	m->ctl |= ((bits32(_mm256_cmpgt_epi8(_mm256_set1_epi8(0x20), v)) &
	    ~hi & ~tab) | bits32(_mm256_or_si256(eq32(v, 0x7f),
	    eq32(v, (char)0xc2)))) << s;
	m->hi |= hi << s;
	m->c0 |= c0 << s;
	m->e0 |= (bits32(gt32(v, 0xdf)) & hi) << s;
	m->f0 |= f0 << s;
	m->odd |= ((c0 & ~bits32(gt32(v, 0xc1))) | f0 | bits32(
	    _mm256_or_si256(eq32(v, (char)0xe0), eq32(v, (char)0xed)))) << s;
}

AVX2 void
classify_avx2(const unsigned char *q, struct masks *m)
{
	*m = (struct masks){0, 0, 0, 0, 0, 0, 0, 0, 0};
	kinds32(_mm256_loadu_si256((const __m256i *)q), 0, m);
	kinds32(_mm256_loadu_si256((const __m256i *)(q + 32)), 32, m);
}

#define AVX512 static inline \
	__attribute__((target("avx512bw"), always_inline))

AVX512 uint64_t
eq64(__m512i v, char c)
{
	return _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8(c));
}

/* bytes above c, unsigned: AVX-512 compares them so, and a compare makes
 * the mask itself, one bit a byte */
AVX512 uint64_t
above64(__m512i v, unsigned char c)
{
	return _mm512_cmpgt_epu8_mask(v, _mm512_set1_epi8((char)c));
}

/* kinds16() of a whole turn, one vector */
AVX512 void
classify_avx512(const unsigned char *q, struct masks *m)
{
	__m512i v = _mm512_loadu_si512(q);
	uint64_t tab = eq64(v, '\t'), c0 = above64(v, 0xbf);
	uint64_t f0 = above64(v, 0xef);

	m->stop = eq64(v, '\n') | eq64(v, '\r') | eq64(v, '"') | eq64(v, '\0');
	m->comma = eq64(v, ',');
	m->blank = eq64(v, ' ') | tab;
	m->ctl = (~above64(v, 0x1f) & ~tab) | eq64(v, 0x7f) |
	    eq64(v, (char)0xc2);
	m->hi = _mm512_movepi8_mask(v);
	m->c0 = c0;
	m->e0 = above64(v, 0xdf);
	m->f0 = f0;
	m->odd = (c0 & ~above64(v, 0xc1)) | f0 | eq64(v, (char)0xe0) |
	    eq64(v, (char)0xed);
}
#endif

/* Continuations due at the next turn's first bytes, and the second
 * bytes after the leads of the rarer rules that ended this one. */
struct utf8_state {
	uint64_t need, e0, ed, f0, f4;
};

/*
 * Is the UTF-8 of the turn at q good so far?  below: the bytes before the
 * stop, if there is one in the turn, before which every character must
 * end.  A lead (>= 0xc0) wants a continuation (0x80..0xbf) after it, one
 * of 0xe0 and up a second, one of 0xf0 and up a third, and nothing else
 * is a continuation.  The rarer rules (no 0xc0, 0xc1 or 0xf5 and up,
 * nothing overlong, no surrogate, nothing past U+10FFFF) are looked at
 * only in a turn with such a lead.
 */
INLINE bool
utf8_turn(const struct masks *m, const unsigned char *q, uint64_t below,
    struct utf8_state *u)
{
	/* characters that start after the stop are the next line's */
	uint64_t c0 = m->c0 & below, e0 = m->e0 & below, f0 = m->f0 & below;
	uint64_t need, carry, err, a, b, c, d;
	struct rare x;

	if (m->hi == 0 && u->need == 0)
		return true;	/* ASCII */
	need = c0 << 1 | e0 << 2 | f0 << 3 | u->need;
	carry = c0 >> 63 | e0 >> 62 | f0 >> 61;
	err = (m->hi & ~m->c0) ^ need;
	if ((m->odd & below) || (u->e0 | u->ed | u->f0 | u->f4)) {
		rare_masks(q, &x);
		/* the second byte of a three or four byte character */
		a = (x.e0 & below) << 1 | u->e0;
		b = (x.ed & below) << 1 | u->ed;
		c = (x.f0 & below) << 1 | u->f0;
		d = (x.f4 & below) << 1 | u->f4;
		err |= x.bad | (a & x.below_a0) | (b & ~x.below_a0) |
		    (c & x.below_90) | (d & ~x.below_90);
		u->e0 = (x.e0 & below) >> 63, u->ed = (x.ed & below) >> 63;
		u->f0 = (x.f0 & below) >> 63, u->f4 = (x.f4 & below) >> 63;
	}
	if (err & below)
		return false;
	/* a stop in the turn: every character ends before it (one that
	 * goes on past it is due a continuation at the stop, in need) */
	if (below != UINT64_MAX && (need & ~below))
		return false;
	u->need = carry;
	return true;
}

/* The line at p, up to its stop (n bytes to the end of the block): the
 * offset of its stop (n or more for none), its commas in r->off, what
 * was seen in e; SIZE_MAX for bad UTF-8 or too many fields. */
INLINE size_t
scan_by(struct reader *r, const unsigned char *p, size_t n, struct seen *e,
    void (*classify)(const unsigned char *, struct masks *))
{
	struct utf8_state u = {0, 0, 0, 0, 0};
	unsigned char pad[64];
	const unsigned char *q;
	struct masks m;
	uint64_t commas, blanks, below, ends, edges = 0, ctl = 0;
	uint64_t comma_top = 1, blank_top = 0;	/* the line starts a field */
	size_t i, nc = 0, *off;	/* the commas, counted here: r->off's
				 * stores would alias e->nc */

	for (i = 0;; i += 64) {
		q = p + i;
		if (n - i < 64) {	/* past the end: LFs, a stop there */
			memset(pad, '\n', sizeof pad);
			memcpy(pad, q, n - i);
			q = pad;
		}
		classify(q, &m);
		below = m.stop ? (m.stop & -m.stop) - 1 : UINT64_MAX;
		/* a blank just after a field's start or just before its end,
		 * the words' top bits carried over from the turn before */
		commas = m.comma & below;
		blanks = m.blank & below;
		ends = commas | (m.stop & -m.stop);
		edges |= (blanks & (commas << 1 | comma_top)) |
		    (blanks & ends >> 1) | (blank_top & ends);
		comma_top = commas >> 63;
		blank_top = blanks >> 63;
		if (!utf8_turn(&m, q, below, &u))
			return SIZE_MAX;
		ctl |= m.ctl & below;
		if (nc + 64 + 1 > r->capf)
			vl_csv_want_fields(r, nc + 64 + 1);
		for (off = r->off; commas; commas &= commas - 1)
			off[nc++] = i + (size_t)__builtin_ctzll(commas);
		if (nc >= MAX_FIELDS)
			return SIZE_MAX;	/* a field too many */
		if (m.stop) {
			e->nc = nc;
			e->controls = ctl != 0;
			e->edge_blanks = edges != 0;
			return i + (size_t)__builtin_ctzll(m.stop);
		}
	}
}

static size_t
scan_sse2(struct reader *r, const unsigned char *p, size_t n,
    struct seen *e)
{
	return scan_by(r, p, n, e, classify_sse2);
}

#ifdef __x86_64__
static __attribute__((target("avx2"))) size_t
scan_avx2(struct reader *r, const unsigned char *p, size_t n,
    struct seen *e)
{
	return scan_by(r, p, n, e, classify_avx2);
}

static __attribute__((target("avx512bw"))) size_t
scan_avx512(struct reader *r, const unsigned char *p, size_t n,
    struct seen *e)
{
	return scan_by(r, p, n, e, classify_avx512);
}
#endif

/* by the widest vectors the processor has (asked as the program runs:
 * one binary for every x86-64) */
static size_t
scan(struct reader *r, const unsigned char *p, size_t n, struct seen *e)
{
#ifdef __x86_64__
	if (vl_csv_vector_max >= 64 && __builtin_cpu_supports("avx512bw"))
		return scan_avx512(r, p, n, e);
	if (vl_csv_vector_max >= 32 && __builtin_cpu_supports("avx2"))
		return scan_avx2(r, p, n, e);
#endif
	return scan_sse2(r, p, n, e);
}
#else
/* A comma at i, the line's nc-th: false when one too many. */
static bool
comma(struct reader *r, size_t *nc, size_t i)
{
	if (*nc + 1 == MAX_FIELDS)
		return false;
	if (*nc + 2 > r->capf)
		vl_csv_want_fields(r, *nc + 2);
	r->off[(*nc)++] = i;
	return true;
}

enum { K_TEXT, K_COMMA, K_END, K_HIGH, K_OTHER };

#define K8(k) k, k, k, k, k, k, k, k
static const unsigned char klass[256] = {
	K_OTHER, K_TEXT, K_TEXT, K_TEXT, K_TEXT, K_TEXT, K_TEXT, K_TEXT,
	K_TEXT, K_TEXT, K_END, K_TEXT, K_TEXT, K_END, K_TEXT, K_TEXT,
	K8(K_TEXT), K8(K_TEXT),
	K_TEXT, K_TEXT, K_OTHER, K_TEXT, K_TEXT, K_TEXT, K_TEXT, K_TEXT,
	K_TEXT, K_TEXT, K_TEXT, K_TEXT, K_COMMA, K_TEXT, K_TEXT, K_TEXT,
	K8(K_TEXT), K8(K_TEXT), K8(K_TEXT), K8(K_TEXT), K8(K_TEXT),
	K8(K_TEXT), K8(K_TEXT), K8(K_TEXT), K8(K_TEXT), K8(K_TEXT),
	K8(K_HIGH), K8(K_HIGH), K8(K_HIGH), K8(K_HIGH), K8(K_HIGH),
	K8(K_HIGH), K8(K_HIGH), K8(K_HIGH), K8(K_HIGH), K8(K_HIGH),
	K8(K_HIGH), K8(K_HIGH), K8(K_HIGH), K8(K_HIGH), K8(K_HIGH),
	K8(K_HIGH)
};

/* a byte at a time, by class; control characters left to the text
 * check */
static size_t
scan(struct reader *r, const unsigned char *p, size_t n, struct seen *e)
{
	size_t i = 0, k, *nc = &e->nc;

	e->controls = e->edge_blanks = true;
	for (;;) {
		while (i < n && klass[p[i]] == K_TEXT)
			i++;
		if (i == n || klass[p[i]] == K_END || klass[p[i]] == K_OTHER)
			return i;
		if (klass[p[i]] == K_COMMA) {
			if (!comma(r, nc, i))
				return SIZE_MAX;
			i++;
		} else if ((k = utf8_char(p + i, n - i)) == 0) {
			return SIZE_MAX;
		} else {
			i += k;
		}
	}
}
#endif

/* The line at s (n bytes to the end of the block) if the fast path can
 * take it: how many bytes it used, or 0 to leave the line to libcsv. */
static size_t
fast_line(struct reader *r, const char *s, size_t n, bool more)
{
	struct seen e = {0, true, true};
	size_t end = scan(r, (const unsigned char *)s, n, &e), len;

	if (end == SIZE_MAX || end > MAX_FIELD_LEN)
		return 0;	/* bad UTF-8, too many fields, too long */
	if (end >= n) {
		if (more)
			return 0;	/* it goes on in the next block */
		end = len = n;
	} else if (s[end] == '\n') {
		len = end + 1;
	} else if (s[end] == '\r') {
		if (end + 1 == n && more)
			return 0;	/* a CR, and maybe an LF in the next block */
		len = end + 1 + (end + 1 < n && s[end + 1] == '\n');
	} else {
		return 0;	/* a quote or a NUL */
	}
	if (e.nc + 1 > r->capf)
		vl_csv_want_fields(r, e.nc + 1);
	/* in place if the line's end is in the block to be made its NUL */
	split_line(r, s, end, &e, r->writable && end < n);
	r->offset += (long long)len;
	r->fast++;
	return len;
}

/* The lines at s the fast path takes, one after the other, here and not
 * a call each from the reader: most lines of a journal are such lines. */
size_t
vl_csv_fast_run(struct reader *r, const char *s, size_t n, bool more)
{
	size_t used = 0, len;

	while (used < n && !r->stop && !(r->pause && r->have_header) &&
	    (len = fast_line(r, s + used, n - used, more)) > 0)
		used += len;
	return used;
}
