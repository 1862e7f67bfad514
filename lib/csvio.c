/*
 * csvio.c - CSV records on libcsv, mapped by header name.
 *
 * Input is fed to libcsv one physical line at a time, so every record and
 * every error knows its line.  Before a line reaches libcsv it is checked
 * for NUL bytes and for its encoding: UTF-8, or GB18030 (what Chinese
 * Excel writes) converted to UTF-8 with iconv.  The encoding is decided
 * once, from the first block of the input, unless the caller names it.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <csv.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "vl.h"

#define CSV_OPTIONS (CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)
/* read at a time: small enough to stay in the cache while it is read */
#define BLOCK (256 << 10)
/* the first read, on which the encoding is decided */
#define FIRST_BLOCK (1 << 20)
#define MAX_FIELDS 4096
#define MAX_FIELD_LEN (1 << 20)
/* a line longer is refused, never held whole: memory stays bounded */
#define MAX_LINE (16 << 20)
/* libcsv grows a field by this much at a time (its default, 128 bytes,
 * makes a long field quadratic) */
#define FIELD_STEP (64 << 10)

enum encoding { ENC_UNDECIDED, ENC_UTF8, ENC_ICONV };

const char *vl_input_encoding;
bool vl_csv_plain;
size_t vl_csv_block;
unsigned long vl_csv_fast_lines;
size_t vl_csv_split_min = 8 << 20;

struct reader {
	const char *display;
	const struct vl_csv_opts *opts;
	vl_record_fn fn;
	void *ctx;
	struct csv_parser parser;
	enum encoding enc;
	iconv_t cd;
	struct vl_buf conv;	/* a line converted to UTF-8 */
	struct vl_buf carry;	/* a line split across two blocks */
	size_t dropped;		/* bytes of a line too long to keep */
	bool held_cr;		/* the last byte kept or dropped was a CR */
	long line;		/* physical line being fed */
	long long offset;	/* byte offset of that line in the input */
	long rec_line;		/* line the current record starts on */
	struct vl_buf text;	/* the current record's fields, NUL-separated */
	size_t *off, *len;
	char **field;
	size_t nf, capf;
	bool skip;		/* the current record is already reported bad */
	bool plain;		/* every line through libcsv, no fast path */
	bool pause;		/* feed_block returns once the header is read */
	bool writable;		/* the blocks are ours: fields split in place */
	unsigned long fast;	/* lines the fast path took */
	bool no_controls;	/* the fast path saw no control character */
	bool have_header;
	bool header_bad;
	struct vl_header header;
	int stop;		/* what fn returned to stop the read */
	bool bad;
};

static void
reset_record(struct reader *r)
{
	r->text.len = 0;
	r->nf = 0;
	r->skip = false;
	r->rec_line = 0;
	r->no_controls = false;
}

static void
bad(struct reader *r, long line, const char *fmt, const char *arg)
{
	vl_errat(r->display, line, NULL, fmt, arg);
	r->bad = true;
}

/* room for n fields */
static void
want_fields(struct reader *r, size_t n)
{
	if (n <= r->capf)
		return;
	while (r->capf < n)
		r->capf = r->capf ? r->capf * 2 : 16;
	r->off = vl_xrealloc(r->off, r->capf * sizeof *r->off);
	r->len = vl_xrealloc(r->len, r->capf * sizeof *r->len);
	r->field = vl_xrealloc(r->field, r->capf * sizeof *r->field);
}

static void
on_field(void *s, size_t len, void *data)
{
	struct reader *r = data;

	if (r->skip || r->stop)
		return;
	if (r->rec_line == 0)
		r->rec_line = r->line;
	if (r->nf == MAX_FIELDS || len > MAX_FIELD_LEN) {
		bad(r, r->rec_line, r->nf == MAX_FIELDS ?
		    N_("more than 4096 fields%s") :
		    N_("a field longer than 1 MiB%s"), "");
		r->skip = true;
		return;
	}
	want_fields(r, r->nf + 1);
	r->off[r->nf] = r->text.len;
	r->len[r->nf] = len;
	vl_buf_add(&r->text, s ? s : "", len);
	vl_buf_add(&r->text, "", 1);
	r->nf++;
}

static void
trim(char *s)
{
	size_t n = strlen(s), i = 0;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	while (s[i] == ' ' || s[i] == '\t')
		i++;
	memmove(s, s + i, n - i + 1);
}

static void
copy_header(struct vl_header *to, const struct vl_header *from)
{
	size_t i;

	to->n = from->n;
	to->name = vl_xcalloc(from->n, sizeof *to->name);
	for (i = 0; i < from->n; i++)
		to->name[i] = vl_xstrdup(from->name[i]);
}

void
vl_header_free(struct vl_header *h)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		free(h->name[i]);
	free(h->name);
	h->name = NULL;
	h->n = 0;
}

static void
take_header(struct reader *r)
{
	const char *const *req;
	size_t i, j;

	r->header.n = r->nf;
	r->header.name = vl_xcalloc(r->nf, sizeof *r->header.name);
	for (i = 0; i < r->nf; i++) {
		r->header.name[i] = vl_xstrdup(r->field[i]);
		trim(r->header.name[i]);
		for (j = 0; j < i; j++)
			if (strcmp(r->header.name[i], r->header.name[j]) == 0) {
				bad(r, r->rec_line, "column \"%s\" appears twice",
				    r->header.name[i]);
				r->header_bad = true;
			}
	}
	for (req = r->opts ? r->opts->required : NULL; req && *req; req++)
		if (vl_header_index(&r->header, *req) < 0) {
			bad(r, r->rec_line, "missing column \"%s\"", *req);
			r->header_bad = true;
		}
	r->have_header = true;
	if (r->opts && r->opts->header_out)
		copy_header(r->opts->header_out, &r->header);
}

static bool
all_empty(const struct reader *r)
{
	size_t i;

	for (i = 0; i < r->nf; i++)
		if (r->len[i] != 0)
			return false;
	return true;
}

/* no header: every line a record, of any number of fields */
static bool
headless(const struct reader *r)
{
	return r->opts && r->opts->no_header;
}

static void
deliver(struct reader *r)
{
	struct vl_record rec;
	char want[32];

	if (r->nf != r->header.n && !headless(r)) {
		snprintf(want, sizeof want, "%zu", r->header.n);
		vl_errat(r->display, r->rec_line, NULL,
		    "%zu fields where the header has %s", r->nf, want);
		r->bad = true;
		return;
	}
	rec.file = r->display;
	rec.line = r->rec_line;
	rec.n = r->nf;
	rec.field = r->field;
	rec.len = r->len;
	rec.header = &r->header;
	rec.no_controls = r->no_controls;
	r->stop = r->fn(&rec, r->ctx);
}

/* A record is complete: its fields are in field[] and len[]. */
static void
end_record(struct reader *r)
{
	if (!r->skip && !r->stop && r->nf > 0) {
		if (!r->have_header && !headless(r))
			take_header(r);
		else if (!all_empty(r) && !r->header_bad)
			deliver(r);	/* spreadsheets save blank rows as ",,," */
	}
	reset_record(r);
}

static void
on_record(int c, void *data)
{
	struct reader *r = data;
	size_t i;

	(void)c;
	for (i = 0; i < r->nf; i++)
		r->field[i] = r->text.data + r->off[i];
	end_record(r);
}

static void
parse_error(struct reader *r)
{
	bad(r, r->rec_line ? r->rec_line : r->line,
	    "malformed CSV: %s (a quote inside an unquoted field, "
	    "or text after a closing quote)",
	    csv_strerror(csv_error(&r->parser)));
	csv_free(&r->parser);
	csv_init(&r->parser, CSV_OPTIONS);
	csv_set_blk_size(&r->parser, FIELD_STEP);
	reset_record(r);
}

/* libcsv leaves its state ROW_NOT_BEGUN (0) between records: a line fed
 * then starts a new record, which is how records learn their line. */
static void
feed_utf8(struct reader *r, const char *s, size_t n)
{
	if (r->parser.pstate == 0 && r->nf == 0)
		r->rec_line = r->line;
	if (csv_parse(&r->parser, s, n, on_field, on_record, r) != n)
		parse_error(r);
}

/* The length of the character of UTF-8 at s (n bytes there, s[0] >=
 * 0x80), or 0 when it is not one: no overlong form, no surrogate,
 * nothing above U+10FFFF. */
static inline size_t
utf8_char(const unsigned char *s, size_t n)
{
	unsigned c = s[0], min;
	size_t need, k;

	/* first the usual case of Chinese text, three bytes from U+0800 on
	 * and not a surrogate, decided without a loop */
	if ((c & 0xf0) == 0xe0 && n > 2 && (s[1] & 0xc0) == 0x80 &&
	    (s[2] & 0xc0) == 0x80)
		return (c == 0xe0 && s[1] < 0xa0) || (c == 0xed && s[1] >= 0xa0) ?
		    0 : 3;
	if (c >= 0xc2 && c <= 0xdf)
		need = 1, min = 0x80;
	else if (c >= 0xe0 && c <= 0xef)
		need = 2, min = 0x800;
	else if (c >= 0xf0 && c <= 0xf4)
		need = 3, min = 0x10000;
	else
		return 0;
	if (n <= need)
		return 0;
	c &= 0x3f >> need;
	for (k = 1; k <= need; k++) {
		if ((s[k] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (s[k] & 0x3fu);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	return need + 1;
}

static size_t
utf8_valid_prefix(const unsigned char *s, size_t n)
{
	size_t i = 0, k;
	uint64_t w;

	while (i < n) {
		if (i + 8 <= n) {	/* eight ASCII bytes at a time */
			memcpy(&w, s + i, 8);
			if ((w & 0x8080808080808080u) == 0) {
				i += 8;
				continue;
			}
		}
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if ((k = utf8_char(s + i, n - i)) == 0)
			return i;
		i += k;
	}
	return i;
}

/* Multi-byte UTF-8 characters less bytes that are not UTF-8: GB18030
 * text scores below zero, UTF-8 with a stray byte well above it (and may
 * well be valid GB18030 too, which must not turn its Chinese into other
 * Chinese). */
static long
utf8_score(const unsigned char *s, size_t n)
{
	long score = 0;
	size_t ok, i;

	for (;;) {
		ok = utf8_valid_prefix(s, n);
		for (i = 0; i < ok; i++)
			score += (s[i] & 0xc0) == 0xc0;	/* a lead byte */
		if (ok == n)
			return score;
		score--;
		s += ok + 1, n -= ok + 1;
	}
}

/* The line is not fed to libcsv: the record it is part of is lost, but a
 * record that starts on the next line is not. */
static void
byte_error(struct reader *r, size_t at, const char *what)
{
	vl_errat(r->display, r->line, NULL, "%s at byte offset %lld",
	    vl_tr(what), r->offset + (long long)at);
	r->bad = true;
	if (r->parser.pstate != 0 || r->nf > 0)
		r->skip = true;
}

static void
feed_converted(struct reader *r, const char *s, size_t n)
{
	char *in = (char *)s, *out;
	size_t inleft = n, outleft, done;

	r->conv.len = 0;
	while (inleft > 0) {
		vl_buf_reserve(&r->conv, 4 * inleft + 8);
		out = r->conv.data + r->conv.len;
		outleft = r->conv.cap - r->conv.len - 1;
		done = outleft;
		if (iconv(r->cd, &in, &inleft, &out, &outleft) == (size_t)-1 &&
		    errno != E2BIG) {
			byte_error(r, n - inleft, "a byte that is not valid in "
			    "the input encoding");
			iconv(r->cd, NULL, NULL, NULL, NULL);
			return;
		}
		r->conv.len += done - outleft;
	}
	feed_utf8(r, r->conv.data, r->conv.len);
}

static void
decide_encoding(struct reader *r, const char *s, size_t n, bool more)
{
	const char *name = r->opts && r->opts->encoding ?
	    r->opts->encoding : vl_input_encoding;
	size_t ok;

	if (name && (strcasecmp(name, "utf-8") == 0 ||
	    strcasecmp(name, "utf8") == 0)) {
		r->enc = ENC_UTF8;
		return;
	}
	if (!name) {
		ok = utf8_valid_prefix((const unsigned char *)s, n);
		/* a block may end inside a character */
		if (ok == n || (more && n - ok < 4) ||
		    utf8_score((const unsigned char *)s, n) > 0) {
			r->enc = ENC_UTF8;
			return;
		}
		name = "GB18030";
	}
	r->cd = iconv_open("UTF-8", name);
	if (r->cd == (iconv_t)-1)
		vl_die(VL_BADINPUT, "%s: unknown input encoding", name);
	r->enc = ENC_ICONV;
}

static void
feed_line(struct reader *r, const char *s, size_t n)
{
	const char *nul = memchr(s, '\0', n);
	size_t ok;

	r->line++;
	if (nul) {
		byte_error(r, (size_t)(nul - s), "a NUL byte");
	} else if (r->enc == ENC_ICONV) {
		feed_converted(r, s, n);
	} else if ((ok = utf8_valid_prefix((const unsigned char *)s, n)) != n) {
		byte_error(r, ok, "a byte that is not valid UTF-8");
	} else {
		feed_utf8(r, s, n);
	}
	r->offset += (long long)n;
}

/* The length of the line at s, its end included: LF, CRLF or a lone CR
 * (a Mac spreadsheet's "CSV (Macintosh)"); 0 when it may go on in the
 * next block.  *next_lf keeps the block's next LF (its end when there is
 * none) from one line to the next: a block of lone CRs would otherwise be
 * searched to its end for an LF at every line, a cost squared in its
 * length. */
static size_t
line_len(const char *s, size_t n, bool more, const char **next_lf)
{
	const char *end = s + n, *lf = *next_lf, *cr;
	size_t i;

	if (!lf || lf < s) {
		lf = memchr(s, '\n', n);
		*next_lf = lf = lf ? lf : end;
	}
	if (lf == end)
		lf = NULL;
	cr = memchr(s, '\r', lf ? (size_t)(lf - s) : n);

	if (!cr)
		return lf ? (size_t)(lf - s) + 1 : more ? 0 : n;
	i = (size_t)(cr - s);
	if (i + 1 < n)
		return s[i + 1] == '\n' ? i + 2 : i + 1;
	return more ? 0 : i + 1;
}

/* Keep a piece of a line that goes on in the next block; a line past
 * MAX_LINE is counted, not kept. */
static void
hold(struct reader *r, const char *s, size_t n)
{
	r->held_cr = n > 0 && s[n - 1] == '\r';
	if (r->dropped || r->carry.len + n > MAX_LINE) {
		r->dropped += r->carry.len + n;
		r->carry.len = 0;
		return;
	}
	vl_buf_add(&r->carry, s, n);
}

/* The line held is whole: read it, or refuse it as too long. */
static void
held_line(struct reader *r)
{
	if (r->dropped) {
		r->line++;
		bad(r, r->line, "a line longer than 16 MiB%s", "");
		r->offset += (long long)r->dropped;
		r->dropped = 0;
	} else {
		feed_line(r, r->carry.data, r->carry.len);
	}
	r->carry.len = 0;
	r->held_cr = false;
}

/* ---- the fast path: a line without a quote ---------------------------- */

/*
 * Most lines of a register hold no quote: their fields are what lies
 * between the commas, with the blanks and tabs around each trimmed as
 * libcsv trims an unquoted field.  Such a line, starting a record, is split
 * here without libcsv and without copying field by field.  Any other line
 * (a quote, a NUL, a byte that is not UTF-8, too long, too many fields,
 * not whole in the block) takes the general path, which reads and reports
 * it as ever.  tests/unit/test_csvfast.c proves that both make the same
 * records and the same errors of any input.
 */
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
	end_record(r);
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
			want_fields(r, e->nc + 64 + 1);
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
		want_fields(r, *nc + 2);
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
		want_fields(r, e.nc + 1);
	/* in place if the line's end is in the block to be made its NUL */
	split_line(r, s, end, &e, r->writable && end < n);
	r->offset += (long long)len;
	r->fast++;
	return len;
}

/* Between records, with nothing held: a line the fast path may take. */
static bool
fresh(const struct reader *r)
{
	return r->parser.pstate == 0 && r->nf == 0 && !r->skip &&
	    r->carry.len == 0 && !r->dropped && !r->held_cr;
}

/* Split a block into lines; a partial last line waits in carry.  With
 * r->pause, stops as soon as the header is read and nothing is held.
 * Returns the bytes of s used. */
static size_t
feed_block(struct reader *r, const char *s, size_t n, bool more)
{
	const char *start = s, *next_lf = NULL;
	size_t len;

	if (r->enc == ENC_UNDECIDED) {
		if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
			s += 3, n -= 3;
			r->offset = 3;
		}
		decide_encoding(r, s, n, more);
	}
	while (n > 0 && !r->stop) {
		if (r->pause && r->have_header && fresh(r))
			return (size_t)(s - start);
		if (r->enc == ENC_UTF8 && !r->plain && fresh(r) &&
		    (len = fast_line(r, s, n, more)) > 0) {
			s += len, n -= len;
			continue;
		}
		if ((r->carry.len > 0 || r->dropped) && r->held_cr &&
		    *s != '\n') {	/* a lone CR ended the last block */
			held_line(r);
			continue;
		}
		if ((len = line_len(s, n, more, &next_lf)) == 0) {
			hold(r, s, n);
			return (size_t)(s + n - start);
		}
		if (r->carry.len > 0 || r->dropped || len > MAX_LINE) {
			hold(r, s, len);
			held_line(r);
		} else {
			feed_line(r, s, len);
		}
		s += len, n -= len;
	}
	/* the input ended just after a full block: what it held is a line */
	if (!more && !r->stop && (r->carry.len > 0 || r->dropped))
		held_line(r);
	return (size_t)(s - start);
}

static void
reader_init(struct reader *r, const char *display,
    const struct vl_csv_opts *opts, vl_record_fn fn, void *ctx)
{
	memset(r, 0, sizeof *r);
	r->display = display;
	r->opts = opts;
	r->fn = fn;
	r->ctx = ctx;
	r->plain = vl_csv_plain;
	csv_init(&r->parser, CSV_OPTIONS);
	csv_set_blk_size(&r->parser, FIELD_STEP);
}

static void
reader_free(struct reader *r)
{
	__atomic_fetch_add(&vl_csv_fast_lines, r->fast, __ATOMIC_RELAXED);
	csv_free(&r->parser);
	if (r->enc == ENC_ICONV)
		iconv_close(r->cd);
	vl_header_free(&r->header);
	free(r->off);
	free(r->len);
	free(r->field);
	vl_buf_free(&r->text);
	vl_buf_free(&r->conv);
	vl_buf_free(&r->carry);
}

static int
reader_status(const struct reader *r)
{
	if (r->stop)
		return r->stop;
	return r->bad ? VL_BADINPUT : VL_OK;
}

static int
reader_finish(struct reader *r)
{
	int status;

	if (!r->stop && csv_fini(&r->parser, on_field, on_record, r) != 0)
		bad(r, r->rec_line ? r->rec_line : r->line,
		    "a quoted field is never closed%s", "");
	status = reader_status(r);
	reader_free(r);
	return status;
}

int
vl_csv_read_mem(const char *buf, size_t len, const char *display,
    const struct vl_csv_opts *opts, vl_record_fn fn, void *ctx)
{
	struct reader r;
	size_t step = vl_csv_block ? vl_csv_block : len, n;

	reader_init(&r, display, opts, fn, ctx);
	do {
		n = len < step ? len : step;
		feed_block(&r, buf, n, n < len);
		buf += n, len -= n;
	} while (len > 0 && !r.stop);
	return reader_finish(&r);
}

/* what a file is, for a message refusing it */
static const char *
file_kind(mode_t mode)
{
	if (S_ISLNK(mode))
		return vl_tr("a symbolic link");
	if (S_ISFIFO(mode))
		return vl_tr("a FIFO");
	if (S_ISDIR(mode))
		return vl_tr("a directory");
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return vl_tr("a device");
	if (S_ISSOCK(mode))
		return vl_tr("a socket");
	return vl_tr("not a regular file");
}

static int
refuse_kind(const char *display, mode_t mode)
{
	vl_warn("%s: %s, not a regular file: refused (a register file is "
	    "never read or written through one)", display, file_kind(mode));
	errno = EPERM;
	return -1;
}

int
vl_open_regular_at(int dirfd, const char *name, const char *display,
    struct stat *st)
{
	struct stat own;
	int fd, e;

	if (!st)
		st = &own;
	/* looked at first, so that a device is never even opened */
	if (fstatat(dirfd, name, st, AT_SYMLINK_NOFOLLOW) != 0) {
		if (errno == ENOENT)
			return -1;
		goto fault;
	}
	if (!S_ISREG(st->st_mode))
		return refuse_kind(display, st->st_mode);
	/* and again on what was opened: it may have been swapped since */
	fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC);
	if (fd < 0 && errno == ELOOP)
		return refuse_kind(display, S_IFLNK);
	if (fd < 0) {
		if (errno == ENOENT)
			return -1;
		goto fault;
	}
	if (fstat(fd, st) != 0) {
		e = errno;
		close(fd);
		errno = e;
		goto fault;
	}
	if (!S_ISREG(st->st_mode)) {
		close(fd);
		return refuse_kind(display, st->st_mode);
	}
	return fd;
fault:
	e = errno;
	vl_warn("%s: %s", display, strerror(e));
	errno = e;
	return -1;
}

/* the input of a read: stdin, a register file (opts->regular), or any
 * other file; NULL after saying why, *status then set */
static FILE *
open_input(const char *path, const char *display,
    const struct vl_csv_opts *opts, int *status)
{
	FILE *f;
	int fd;

	if (strcmp(path, "-") == 0)
		return stdin;
	if (opts && opts->regular) {
		fd = vl_open_regular_at(AT_FDCWD, path, display, NULL);
		if (fd < 0) {
			if (errno == ENOENT)
				vl_warn("%s: %s", display, strerror(ENOENT));
			*status = errno == ENOENT ? VL_BADINPUT : VL_SYSFAULT;
			return NULL;
		}
		if (!(f = fdopen(fd, "rb"))) {
			vl_warn("%s: %s", display, strerror(errno));
			close(fd);
			*status = VL_SYSFAULT;
		}
		return f;
	}
	if (!(f = fopen(path, "rb"))) {
		vl_warn("%s: %s", display, strerror(errno));
		*status = errno == ENOENT ? VL_BADINPUT : VL_SYSFAULT;
	}
	return f;
}

int
vl_csv_read(const char *path, const char *display,
    const struct vl_csv_opts *opts, vl_record_fn fn, void *ctx)
{
	struct reader r;
	size_t size = vl_csv_block ? vl_csv_block : BLOCK, n;
	size_t want = vl_csv_block ? vl_csv_block : FIRST_BLOCK;
	char *block;
	int err = 0, status = VL_OK;
	FILE *f = open_input(path, display, opts, &status);

	if (!f)
		return status;
	block = vl_xmalloc(want > size ? want : size);
	reader_init(&r, display, opts, fn, ctx);
	r.writable = true;
	for (;;) {
		n = fread(block, 1, want, f);
		feed_block(&r, block, n, n == want);
		if (n < want || r.stop)
			break;
		want = size;
	}
	if (ferror(f))
		err = errno ? errno : EIO;
	if (f != stdin)
		fclose(f);
	free(block);
	status = reader_finish(&r);
	if (err) {
		vl_warn("%s: %s", display, strerror(err));
		return VL_SYSFAULT;
	}
	return status;
}

/* ---- a read divided among threads ------------------------------------ */

/*
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
 */

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
	_Alignas(64) struct reader r;
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
			feed_block(r, block, 0, false);
			break;
		}
		from += n;
		feed_block(r, block, (size_t)n, from < to);
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
	return !p->err && !p->r.stop && fresh(&p->r) &&
	    p->r.line == next->lines;
}

size_t
vl_csv_parts(void)
{
	const char *e = getenv("VL_THREADS");
	long n = e && *e ? strtol(e, NULL, 10) :
	    sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 64 ? 64 : (size_t)n;
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
	used = feed_block(&p->r, p->block, (size_t)n, (size_t)n == first &&
	    n < size);
	p->r.pause = false;
	p->from = (off_t)used;
	return p->r.have_header && !p->r.header_bad && fresh(&p->r) &&
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
		copy_header(&p[k].r.header, &p[0].r.header);
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
		    NULL)) < 0 && errno != ENOENT)
			return VL_SYSFAULT;	/* said */
	} else {
		fd = open(path, O_RDONLY | O_CLOEXEC);
	}
	if (fd < 0)
		return vl_csv_read(path, display, opts, fn, sp->ctx[0]);
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    (size_t)st.st_size < vl_csv_split_min || st.st_size < 2) {
		close(fd);
		return vl_csv_read(path, display, opts, fn, sp->ctx[0]);
	}
	p = vl_xcalloc_parts(n, sizeof *p);
	for (k = 0; k < n; k++) {
		p[k].fd = fd;
		p[k].bsize = vl_csv_block ? vl_csv_block : BLOCK;
		/* the first part's first read is the larger */
		p[k].block = vl_xmalloc(k == 0 && !vl_csv_block ?
		    FIRST_BLOCK : p[k].bsize);
		reader_init(&p[k].r, display, opts, fn, sp->ctx[k]);
		p[k].r.writable = true;
	}
	was = vl_err_capture(&p[0].msgs);
	sp->used = read_parts(p, n, st.st_size);
	last = &p[sp->used - 1];
	vl_err_capture(&last->msgs);
	if (!last->err && !last->r.stop && csv_fini(&last->r.parser, on_field,
	    on_record, &last->r) != 0)
		bad(&last->r, last->r.rec_line ? last->r.rec_line :
		    last->r.line, "a quoted field is never closed%s", "");
	vl_err_capture(was);
	if (sp->used > 1 && sp->accept && !sp->accept(sp)) {
		/* the caller cannot merge these parts: all again, as one */
		for (k = 0; k < n; k++)
			vl_err_discard(&p[k].msgs);
		if (opts && opts->header_out)
			vl_header_free(opts->header_out);
		if (sp->reset)
			sp->reset(sp->ctx[0]);
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
		reader_free(&p[k].r);
		free(p[k].block);
	}
	free(p);
	close(fd);
	if (status < 0)
		status = vl_csv_read(path, display, opts, fn, sp->ctx[0]);
	return status;
}

int
vl_header_index(const struct vl_header *h, const char *name)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		if (strcmp(h->name[i], name) == 0)
			return (int)i;
	return -1;
}

const char *
vl_field(const struct vl_record *r, const char *name)
{
	int i = vl_header_index(r->header, name);

	return i < 0 ? "" : r->field[i];
}

/* RFC 4180 asks quotes only where a field holds a comma, quote or line
 * end; leading or trailing blanks and tabs are quoted too so they
 * survive. */
static bool
needs_quotes(const char *s)
{
	size_t n = strlen(s);

	/* libcsv strips blanks and tabs around an unquoted field */
	return strpbrk(s, ",\"\r\n") != NULL || (n > 0 &&
	    (strchr(" \t", s[0]) || strchr(" \t", s[n - 1])));
}

int
vl_csv_put_field(FILE *f, const char *s)
{
	if (needs_quotes(s))
		return csv_fwrite(f, s, strlen(s)) == 0 ? 0 : -1;
	return fputs(s, f) == EOF ? -1 : 0;
}

int
vl_csv_put_row(FILE *f, size_t n, const char *const *fields)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0 && putc(',', f) == EOF)
			return -1;
		if (vl_csv_put_field(f, fields[i] ? fields[i] : "") != 0)
			return -1;
	}
	return putc('\n', f) == EOF ? -1 : 0;
}

void
vl_buf_csv_row(struct vl_buf *b, size_t n, const char *const *fields)
{
	size_t i, need;
	const char *s;

	for (i = 0; i < n; i++) {
		s = fields[i] ? fields[i] : "";
		if (i > 0)
			vl_buf_add(b, ",", 1);
		if (!needs_quotes(s)) {
			vl_buf_puts(b, s);
			continue;
		}
		need = csv_write(NULL, 0, s, strlen(s));
		vl_buf_reserve(b, need);
		b->len += csv_write(b->data + b->len, need, s, strlen(s));
		b->data[b->len] = '\0';
	}
	vl_buf_add(b, "\n", 1);
}
