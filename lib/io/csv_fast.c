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
 */
#include <stdint.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "io/csv_priv.h"

static bool
blank(char c)
{
	return c == ' ' || c == '\t';
}

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
		while (e->edge_blanks && from < to && blank(t[from]))
			from++;
		while (e->edge_blanks && to > from && blank(t[to - 1]))
			to--;
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
 * Sixteen bytes a vector: masks of the commas, of the blanks, of the bytes
 * that stop the fast path (LF, CR, quote, NUL), of control characters and
 * of UTF-8's lead and continuation bytes.  No branch per byte, so no
 * mispredicted one at the end of every field, and UTF-8 checked as a
 * whole, as utf8_char() would one character at a time (test_csvfast.c
 * holds them to it).
 */
static unsigned
mask(__m128i v, char c)
{
	return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(c)));
}

/* bytes >= c */
static unsigned
ge(__m128i v, unsigned char c)
{
	return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_max_epu8(v,
	    _mm_set1_epi8((char)c)), v));
}

struct utf8_state {
	unsigned need;		/* continuations due in the next chunk */
	unsigned e0, ed, f0, f4;	/* such a lead ended the last chunk */
};

static __m128i
eq(__m128i v, char c)
{
	return _mm_cmpeq_epi8(v, _mm_set1_epi8(c));
}

/*
 * Is the UTF-8 of v good so far?  below: the bytes before the stop, if
 * there is one in the chunk, before which every character must end.  A
 * lead (>= 0xc0) wants a continuation (0x80..0xbf) after it, one of 0xe0
 * and up a second, one of 0xf0 and up a third, and nothing else is a
 * continuation.  The rarer rules (no 0xc0, 0xc1 or 0xf5 and up, nothing
 * overlong, no surrogate, nothing past U+10FFFF) are looked at only in a
 * chunk with such a lead.
 */
static bool
utf8_chunk(__m128i v, unsigned below, struct utf8_state *u)
{
	unsigned hi = (unsigned)_mm_movemask_epi8(v), c0, e0p, f0p, need, err;
	unsigned lo_a0, lo_90, e0, ed, f0, f4, rare;

	if (hi == 0 && u->need == 0)
		return true;	/* ASCII */
	c0 = ge(v, 0xc0);
	e0p = ge(v, 0xe0);
	f0p = ge(v, 0xf0);
	/* characters that start after the stop are the next line's */
	need = (c0 & below) << 1 | (e0p & below) << 2 | (f0p & below) << 3 |
	    u->need;
	err = ((hi & ~c0) ^ need) & 0xffff;
	e0 = (unsigned)_mm_movemask_epi8(eq(v, (char)0xe0));
	ed = (unsigned)_mm_movemask_epi8(eq(v, (char)0xed));
	rare = ((c0 & ~ge(v, 0xc2)) | f0p | e0 | ed) & below;
	if (rare || u->e0 || u->ed || u->f0 || u->f4) {
		err |= ge(v, 0xf5) | (c0 & ~ge(v, 0xc2));
		/* the second byte of a three or four byte character */
		lo_a0 = ~ge(v, 0xa0), lo_90 = ~ge(v, 0x90);
		e0 = (e0 & below) << 1 | u->e0;
		ed = (ed & below) << 1 | u->ed;
		f0 = (mask(v, (char)0xf0) & below) << 1 | u->f0;
		f4 = (mask(v, (char)0xf4) & below) << 1 | u->f4;
		err |= (e0 & lo_a0) | (ed & ~lo_a0) | (f0 & lo_90) |
		    (f4 & ~lo_90);
		u->e0 = e0 >> 16, u->ed = ed >> 16;
		u->f0 = f0 >> 16, u->f4 = f4 >> 16;
	}
	/* a stop in the chunk: every character ends before it */
	if ((err & below & 0xffff) || (below != 0xffff && (need & ~below)))
		return false;
	u->need = need >> 16;
	return true;
}

/* C0 controls but tab, DEL, and 0xc2: the lead of a C1 control or of
 * a character from U+00A0 to U+00BF, which the text check looks at */
static unsigned
controls(__m128i v)
{
	/* below 0x20 as signed bytes, and not 0x80 and up */
	__m128i low = _mm_and_si128(_mm_cmpgt_epi8(_mm_set1_epi8(0x20), v),
	    _mm_cmpgt_epi8(v, _mm_set1_epi8(-1)));

	return (unsigned)_mm_movemask_epi8(_mm_or_si128(
	    _mm_andnot_si128(eq(v, '\t'), low),
	    _mm_or_si128(eq(v, 0x7f), eq(v, (char)0xc2))));
}

/* the bytes that stop the fast path: LF, CR, quote, NUL */
static unsigned
stops(__m128i v)
{
	return (unsigned)_mm_movemask_epi8(_mm_or_si128(
	    _mm_or_si128(eq(v, '\n'), eq(v, '\r')),
	    _mm_or_si128(eq(v, '"'), eq(v, '\0'))));
}

/*
 * Sixty-four bytes a turn, as four vectors whose masks make one 64-bit
 * word each: a line of a journal takes two turns, so the branches that
 * end a turn (and its loop over the commas) are taken twice a line, not
 * at every sixteen bytes.
 */
static size_t
scan(struct reader *r, const unsigned char *p, size_t n, struct seen *e)
{
	struct utf8_state u = {0, 0, 0, 0, 0};
	unsigned char pad[64];
	const unsigned char *q;
	uint64_t stop, commas, blanks, below, ends, edges = 0;
	uint64_t comma_top = 1, blank_top = 0;	/* the line starts a field */
	unsigned ctl = 0, part;
	size_t i, k, last;
	__m128i v[4];

	for (i = 0;; i += 64) {
		q = p + i;
		if (n - i < 64) {	/* past the end: LFs, a stop there */
			memset(pad, '\n', sizeof pad);
			memcpy(pad, q, n - i);
			q = pad;
		}
		stop = commas = blanks = 0;
		for (k = 0; k < 4; k++) {
			v[k] = _mm_loadu_si128((const __m128i *)(q + 16 * k));
			stop |= (uint64_t)stops(v[k]) << 16 * k;
			commas |= (uint64_t)mask(v[k], ',') << 16 * k;
			blanks |= (uint64_t)(mask(v[k], ' ') |
			    mask(v[k], '\t')) << 16 * k;
		}
		below = stop ? (stop & -stop) - 1 : UINT64_MAX;
		/* a blank just after a field's start or just before its end,
		 * the words' top bits carried over from the turn before */
		commas &= below;
		blanks &= below;
		ends = commas | (stop & -stop);
		edges |= (blanks & (commas << 1 | comma_top)) |
		    (blanks & ends >> 1) | (blank_top & ends);
		comma_top = commas >> 63;
		blank_top = blanks >> 63;
		/* the vectors up to the one with the stop, that one too */
		last = stop ? (size_t)__builtin_ctzll(stop) / 16 : 3;
		for (k = 0; k <= last; k++) {
			part = (unsigned)(below >> 16 * k) & 0xffffu;
			if (!utf8_chunk(v[k], part, &u))
				return SIZE_MAX;
			ctl |= controls(v[k]) & part;
		}
		if (e->nc + 64 + 1 > r->capf)
			vl_csv_want_fields(r, e->nc + 64 + 1);
		for (; commas; commas &= commas - 1)
			r->off[e->nc++] = i + (size_t)__builtin_ctzll(commas);
		if (e->nc >= MAX_FIELDS)
			return SIZE_MAX;	/* a field too many */
		if (stop) {
			e->controls = ctl != 0;
			e->edge_blanks = edges != 0;
			return i + (size_t)__builtin_ctzll(stop);
		}
	}
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
