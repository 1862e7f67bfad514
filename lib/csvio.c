/*
 * csvio.c - CSV records on libcsv, mapped by header name.
 *
 * Input is fed to libcsv one physical line at a time, so every record and
 * every error knows its line.  Before a line reaches libcsv it is checked
 * for NUL bytes and for its encoding: UTF-8, or GB18030 (what Chinese
 * Excel writes) converted to UTF-8 with iconv.  The encoding is decided
 * once, from the first block of the input, unless the caller names it.
 */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <csv.h>

#include "vl.h"

#define CSV_OPTIONS (CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)
#define BLOCK (1 << 20)
#define MAX_FIELDS 4096
#define MAX_FIELD_LEN (1 << 20)
/* a line longer is refused, never held whole: memory stays bounded */
#define MAX_LINE (16 << 20)
/* libcsv grows a field by this much at a time (its default, 128 bytes,
 * makes a long field quadratic) */
#define FIELD_STEP (64 << 10)

enum encoding { ENC_UNDECIDED, ENC_UTF8, ENC_ICONV };

const char *vl_input_encoding;

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
}

static void
bad(struct reader *r, long line, const char *fmt, const char *arg)
{
	vl_errat(r->display, line, NULL, fmt, arg);
	r->bad = true;
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
		    "more than 4096 fields%s" :
		    "a field longer than 1 MiB%s", "");
		r->skip = true;
		return;
	}
	if (r->nf == r->capf) {
		r->capf = r->capf ? r->capf * 2 : 16;
		r->off = vl_xrealloc(r->off, r->capf * sizeof *r->off);
		r->len = vl_xrealloc(r->len, r->capf * sizeof *r->len);
		r->field = vl_xrealloc(r->field, r->capf * sizeof *r->field);
	}
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

static void
deliver(struct reader *r)
{
	struct vl_record rec;
	char want[32];

	if (r->nf != r->header.n) {
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
	r->stop = r->fn(&rec, r->ctx);
}

static void
on_record(int c, void *data)
{
	struct reader *r = data;
	size_t i;

	(void)c;
	if (!r->skip && !r->stop && r->nf > 0) {
		for (i = 0; i < r->nf; i++)
			r->field[i] = r->text.data + r->off[i];
		if (!r->have_header)
			take_header(r);
		else if (!all_empty(r) && !r->header_bad)
			deliver(r);	/* spreadsheets save blank rows as ",,," */
	}
	reset_record(r);
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

static size_t
utf8_valid_prefix(const unsigned char *s, size_t n)
{
	size_t i = 0, k, need;
	unsigned c, min;

	while (i < n) {
		c = s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			need = 1, min = 0x80;
		else if (c >= 0xe0 && c <= 0xef)
			need = 2, min = 0x800;
		else if (c >= 0xf0 && c <= 0xf4)
			need = 3, min = 0x10000;
		else
			return i;
		if (n - i <= need)
			return i;
		c &= 0x3f >> need;
		for (k = 1; k <= need; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return i;
			c = c << 6 | (s[i + k] & 0x3fu);
		}
		if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
			return i;
		i += need + 1;
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
	char msg[96];

	snprintf(msg, sizeof msg, "%s at byte offset %lld", what,
	    r->offset + (long long)at);
	bad(r, r->line, "%s", msg);
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
 * next block. */
static size_t
line_len(const char *s, size_t n, bool more)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '\n')
			return i + 1;
		if (s[i] != '\r')
			continue;
		if (i + 1 < n)
			return s[i + 1] == '\n' ? i + 2 : i + 1;
		return more ? 0 : i + 1;
	}
	return more ? 0 : n;
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

/* Split a block into lines; a partial last line waits in carry. */
static void
feed_block(struct reader *r, const char *s, size_t n, bool more)
{
	size_t len;

	if (r->enc == ENC_UNDECIDED) {
		if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
			s += 3, n -= 3;
			r->offset = 3;
		}
		decide_encoding(r, s, n, more);
	}
	while (n > 0 && !r->stop) {
		if ((r->carry.len > 0 || r->dropped) && r->held_cr &&
		    *s != '\n') {	/* a lone CR ended the last block */
			held_line(r);
			continue;
		}
		if ((len = line_len(s, n, more)) == 0) {
			hold(r, s, n);
			return;
		}
		if (r->carry.len > 0 || r->dropped || len > MAX_LINE) {
			hold(r, s, len);
			held_line(r);
		} else {
			feed_line(r, s, len);
		}
		s += len, n -= len;
	}
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
	csv_init(&r->parser, CSV_OPTIONS);
	csv_set_blk_size(&r->parser, FIELD_STEP);
}

static int
reader_finish(struct reader *r)
{
	if (!r->stop && csv_fini(&r->parser, on_field, on_record, r) != 0)
		bad(r, r->rec_line ? r->rec_line : r->line,
		    "a quoted field is never closed%s", "");
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
	if (r->stop)
		return r->stop;
	return r->bad ? VL_BADINPUT : VL_OK;
}

int
vl_csv_read_mem(const char *buf, size_t len, const char *display,
    const struct vl_csv_opts *opts, vl_record_fn fn, void *ctx)
{
	struct reader r;

	reader_init(&r, display, opts, fn, ctx);
	feed_block(&r, buf, len, false);
	return reader_finish(&r);
}

int
vl_csv_read(const char *path, const char *display,
    const struct vl_csv_opts *opts, vl_record_fn fn, void *ctx)
{
	struct reader r;
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	char *block;
	size_t n;
	int err = 0, status;

	if (!f) {
		vl_warn("%s: %s", display, strerror(errno));
		return errno == ENOENT ? VL_BADINPUT : VL_SYSFAULT;
	}
	block = vl_xmalloc(BLOCK);
	reader_init(&r, display, opts, fn, ctx);
	do {
		n = fread(block, 1, BLOCK, f);
		feed_block(&r, block, n, n == BLOCK);
	} while (n == BLOCK && !r.stop);
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
