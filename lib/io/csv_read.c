/*
 * csv_read.c - CSV records on libcsv, mapped by header name.
 *
 * Input is fed to libcsv one physical line at a time, so every record and
 * every error knows its line.  Before a line reaches libcsv it is checked
 * for NUL bytes and for its encoding: UTF-8, or GB18030 (what Chinese
 * Excel writes) converted to UTF-8 with iconv (csv_encoding.c decides
 * which, once, from the first block of the input, unless the caller names
 * it).  A line without a quote that starts a record takes the fast path
 * (csv_fast.c) instead.
 */
#include <sys/stat.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/err.h"
#include "base/i18n.h"
#include "io/csv_priv.h"

bool vl_csv_plain;
int vl_csv_vector_max = 64;
size_t vl_csv_block;
unsigned long vl_csv_fast_lines;

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
void
vl_csv_want_fields(struct reader *r, size_t n)
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
	vl_csv_want_fields(r, r->nf + 1);
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

	while (n > 0 && blank(s[n - 1]))
		s[--n] = '\0';
	while (blank(s[i]))
		i++;
	memmove(s, s + i, n - i + 1);
}

void
vl_csv_copy_header(struct vl_header *to, const struct vl_header *from)
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

/* A header cell of a spreadsheet: the column it names in Chinese is the
 * column. */
static char *
sheet_name(const struct reader *r, char *name)
{
	const char *const *c;

	for (c = r->sheet->columns; c && *c; c++)
		if (strcmp(name, *c) == 0)
			return name;
	for (c = r->sheet->columns; c && *c; c++)
		if (strcmp(name, vl_tr_zh(NULL, *c)) == 0) {
			free(name);
			return vl_xstrdup(*c);
		}
	return name;
}

/* the fields of the header, less the blank ones a spreadsheet leaves at
 * its end */
static size_t
header_width(const struct reader *r)
{
	size_t n = r->nf;

	while (r->sheet && n > 1 && r->field[n - 1][strspn(r->field[n - 1],
	    " \t")] == '\0')
		n--;
	return n;
}

static void
take_header(struct reader *r)
{
	const char *const *req;
	size_t i, j;

	r->header.n = header_width(r);
	r->header.name = vl_xcalloc(r->header.n, sizeof *r->header.name);
	for (i = 0; i < r->header.n; i++) {
		r->header.name[i] = vl_xstrdup(r->field[i]);
		trim(r->header.name[i]);
		if (r->sheet)
			r->header.name[i] = sheet_name(r, r->header.name[i]);
		for (j = 0; j < i; j++)
			if (strcmp(r->header.name[i], r->header.name[j]) == 0) {
				vl_errat(r->display, r->rec_line,
				    r->header.name[i], "column appears twice");
				r->bad = true;
				r->header_bad = true;
			}
	}
	if (r->opts && r->opts->required && r->opts->required[0] &&
	    vl_header_index(&r->header, r->opts->required[0]) < 0 &&
	    r->header.n == 1 && strchr(r->header.name[0], '\t')) {
		vl_errat(r->display, r->rec_line, NULL, "the columns are "
		    "separated by tabs (a spreadsheet's \"text, tab "
		    "delimited\"): save the sheet as CSV, comma separated");
		r->bad = true;
		r->header_bad = true;
		req = NULL;
	} else {
		req = r->opts ? r->opts->required : NULL;
	}
	for (; req && *req; req++)
		if (vl_header_index(&r->header, *req) < 0) {
			vl_errat(r->display, r->rec_line, *req,
			    "missing column");
			r->bad = true;
			r->header_bad = true;
		}
	r->have_header = true;
	if (r->opts && r->opts->header_out)
		vl_csv_copy_header(r->opts->header_out, &r->header);
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

/* The first line of a sheet saved from a workbook of the tools: its
 * title in the first cell alone, no column's name. */
static bool
title_line(const struct reader *r)
{
	const char *const *c;
	size_t i;

	if (!r->sheet || r->title_seen || r->len[0] == 0 ||
	    strchr(r->field[0], '\t'))	/* a header separated by tabs */
		return false;
	for (i = 1; i < r->nf; i++)
		if (r->field[i][strspn(r->field[i], " \t")] != '\0')
			return false;
	for (c = r->sheet->columns; c && *c; c++)
		if (strcmp(r->field[0], *c) == 0 ||
		    strcmp(r->field[0], vl_tr_zh(NULL, *c)) == 0)
			return false;
	return true;
}

/* no header: every line a record, of any number of fields */
static bool
headless(const struct reader *r)
{
	return r->opts && r->opts->no_header;
}

/* A row of a spreadsheet: the empty fields under the blank header cells
 * at its end are dropped; a value there is an error. */
static bool
sheet_row(struct reader *r)
{
	size_t i;

	if (!r->sheet || r->nf <= r->header.n)
		return true;
	for (i = r->header.n; i < r->nf; i++)
		if (r->len[i] != 0) {
			vl_errat(r->display, r->rec_line, NULL, "a value in "
			    "column %zu, under no header: \"%s\"", i + 1,
			    r->field[i]);
			r->bad = true;
			return false;
		}
	r->nf = r->header.n;
	return true;
}

void
vl_csv_ragged(const char *file, long line, const struct vl_header *h,
    size_t nf)
{
	const char *col;
	char want[32];

	/* the column named: the first one missing, or, for too many fields,
	 * the header's last (those after it have no name) */
	col = h->n == 0 ? "" : h->name[nf < h->n ? nf : h->n - 1];
	snprintf(want, sizeof want, "%zu", h->n);
	if (nf < h->n)
		vl_errat(file, line, *col ? col : NULL, "%zu fields where the "
		    "header has %s: this column and those after it are "
		    "missing", nf, want);
	else
		vl_errat(file, line, *col ? col : NULL, "%zu fields where the "
		    "header has %s: a field after this, the header's last "
		    "column", nf, want);
}

static void
deliver(struct reader *r)
{
	struct vl_record rec;

	if (!sheet_row(r))
		return;
	if (r->nf != r->header.n && !headless(r)) {
		vl_csv_ragged(r->display, r->rec_line, &r->header, r->nf);
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
void
vl_csv_end_record(struct reader *r)
{
	if (!r->skip && !r->stop && r->nf > 0) {
		if (!r->have_header && !headless(r) && title_line(r))
			r->title_seen = true;	/* a printed sheet's title */
		else if (!r->have_header && !headless(r))
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
	vl_csv_end_record(r);
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
feed_line(struct reader *r, const char *s, size_t n)
{
	const char *nul = memchr(s, '\0', n);
	size_t ok;

	r->line++;
	if (nul) {
		byte_error(r, (size_t)(nul - s), "a NUL byte");
	} else if (r->enc == ENC_ICONV) {
		feed_converted(r, s, n);
	} else if ((ok = vl_csv_utf8_prefix((const unsigned char *)s,
	    n)) != n) {
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

/* Between records, with nothing held: a line the fast path may take. */
bool
vl_csv_fresh(const struct reader *r)
{
	return r->parser.pstate == 0 && r->nf == 0 && !r->skip &&
	    r->carry.len == 0 && !r->dropped && !r->held_cr;
}

/* A UTF-16 file, a workbook (.xlsx, a zip; .xls) or JSON (--format
 * json, [ then { or ]) where CSV is read: said once, not as a line of
 * garbage at a time. */
static bool
not_csv(struct reader *r, const char *s, size_t n)
{
	size_t i = 0;

	if (n >= 2 && (memcmp(s, "\xff\xfe", 2) == 0 ||
	    memcmp(s, "\xfe\xff", 2) == 0)) {
		vl_errat(r->display, 1, NULL, "a UTF-16 file (a "
		    "spreadsheet's \"Unicode text\"): save the sheet as CSV "
		    "(UTF-8, or the default) instead");
	} else if ((n >= 4 && memcmp(s, "PK\003\004", 4) == 0) || (n >= 8 &&
	    memcmp(s, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) == 0)) {
		vl_errat(r->display, 1, NULL, "an Excel workbook (.xlsx or "
		    ".xls), not CSV: save the sheet as CSV (UTF-8, or the "
		    "default) instead");
	} else {
		if (n == 0 || s[0] != '[')
			return false;
		for (i = 1; i < n && strchr(" \t\r\n", s[i]); i++)
			;
		if (i == n || (s[i] != '{' && s[i] != ']'))
			return false;
		vl_errat(r->display, 1, NULL, "JSON (--format json), not CSV: "
		    "write the file as CSV (--format csv, the default) "
		    "instead");
	}
	r->bad = true;
	r->stop = VL_BADINPUT;
	return true;
}

/* Split a block into lines; a partial last line waits in carry.  With
 * r->pause, stops as soon as the header is read and nothing is held.
 * Returns the bytes of s used. */
size_t
vl_csv_feed_block(struct reader *r, const char *s, size_t n, bool more)
{
	const char *start = s, *next_lf = NULL;
	size_t len;

	if (r->enc == ENC_UNDECIDED) {
		if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
			s += 3, n -= 3;
			r->offset = 3;
		} else if (n >= 4 && memcmp(s, "\x84\x31\x95\x33", 4) == 0) {
			s += 4, n -= 4;	/* GB18030's, as WPS may save it */
			r->offset = 4;
			r->gb_bom = true;
		}
		if (not_csv(r, s, n))
			return n;
		vl_csv_decide_encoding(r, s, n, more);
	}
	while (n > 0 && !r->stop) {
		if (r->pause && r->have_header && vl_csv_fresh(r))
			return (size_t)(s - start);
		if (r->enc == ENC_UTF8 && !r->plain && vl_csv_fresh(r) &&
		    (len = vl_csv_fast_run(r, s, n, more)) > 0) {
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

void
vl_csv_reader_init(struct reader *r, const char *display,
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

void
vl_csv_reader_free(struct reader *r)
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

void
vl_csv_reader_fini(struct reader *r)
{
	if (!r->stop && csv_fini(&r->parser, on_field, on_record, r) != 0)
		bad(r, r->rec_line ? r->rec_line : r->line,
		    "a quoted field is never closed%s", "");
}

static int
reader_finish(struct reader *r)
{
	int status;

	vl_csv_reader_fini(r);
	status = reader_status(r);
	if (r->opts && r->opts->converted)
		*r->opts->converted = r->enc == ENC_ICONV;
	vl_csv_reader_free(r);
	return status;
}

static int
read_buffer(const char *buf, size_t len, const char *display,
    const struct vl_csv_opts *opts, const struct vl_csv_sheet *sheet,
    vl_record_fn fn, void *ctx)
{
	struct reader r;
	size_t step = vl_csv_block ? vl_csv_block : len, n;

	vl_csv_reader_init(&r, display, opts, fn, ctx);
	r.sheet = sheet;
	do {
		n = len < step ? len : step;
		vl_csv_feed_block(&r, buf, n, n < len);
		buf += n, len -= n;
	} while (len > 0 && !r.stop);
	return reader_finish(&r);
}

int
vl_csv_read_mem(const char *buf, size_t len, const char *display,
    const struct vl_csv_opts *opts, vl_record_fn fn, void *ctx)
{
	return read_buffer(buf, len, display, opts, NULL, fn, ctx);
}

int
vl_csv_read_sheet(const char *buf, size_t len, const char *display,
    const struct vl_csv_opts *opts, const struct vl_csv_sheet *sheet,
    vl_record_fn fn, void *ctx)
{
	return read_buffer(buf, len, display, opts, sheet, fn, ctx);
}

const char *
vl_file_kind(mode_t mode)
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
	    "never read or written through one)", display, vl_file_kind(mode));
	errno = EPERM;
	return -1;
}

/* 1: a regular file; 0: none, errno ENOENT; -1: anything else, said */
static int
look_at(int dirfd, const char *name, const char *display, struct stat *st)
{
	int e;

	if (fstatat(dirfd, name, st, AT_SYMLINK_NOFOLLOW) != 0) {
		if (errno == ENOENT)
			return 0;
		e = errno;
		vl_warn("%s: %s", display, strerror(e));
		errno = e;
		return -1;
	}
	if (!S_ISREG(st->st_mode))
		return refuse_kind(display, st->st_mode);
	return 1;
}

int
vl_regular_at(int dirfd, const char *name, const char *display)
{
	struct stat st;

	return look_at(dirfd, name, display, &st);
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
	if (look_at(dirfd, name, display, st) <= 0)
		return -1;
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

/* f read whole, then closed unless it is stdin */
static int
read_stream(FILE *f, const char *display, const struct vl_csv_opts *opts,
    vl_record_fn fn, void *ctx)
{
	struct reader r;
	size_t size = vl_csv_block ? vl_csv_block : BLOCK, n;
	size_t want = vl_csv_block ? vl_csv_block : FIRST_BLOCK;
	char *block = vl_xmalloc(want > size ? want : size);
	int err = 0, status;

	vl_csv_reader_init(&r, display, opts, fn, ctx);
	r.writable = true;
	for (;;) {
		n = fread(block, 1, want, f);
		vl_csv_feed_block(&r, block, n, n == want);
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

int
vl_csv_read(const char *path, const char *display,
    const struct vl_csv_opts *opts, vl_record_fn fn, void *ctx)
{
	int status = VL_OK;
	FILE *f = open_input(path, display, opts, &status);

	return f ? read_stream(f, display, opts, fn, ctx) : status;
}

int
vl_csv_read_fd(int fd, const char *display, const struct vl_csv_opts *opts,
    vl_record_fn fn, void *ctx)
{
	FILE *f = fdopen(fd, "rb");

	if (!f) {
		vl_warn("%s: %s", display, strerror(errno));
		close(fd);
		return VL_SYSFAULT;
	}
	return read_stream(f, display, opts, fn, ctx);
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
