/*
 * test_csvfast.c - the fast path of the CSV reader (lines without quotes
 * split without libcsv) and the read divided among threads give exactly
 * what libcsv alone gives: the same records with the same fields and
 * lines, the same messages in the same order, the same status.
 *
 * A differential test on random input: chaos (any bytes that matter to a
 * CSV reader: quotes, commas, CR, LF, CRLF, blanks, tabs, NUL, UTF-8 good
 * and bad), and CSV that is mostly right, read whole and in blocks as
 * small as one byte, so every line end falls on every block end.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "vl.h"
#include "io/csv_priv.h"
#include "register/schema_priv.h"

#define CASES 1500

static uint64_t seed = 20231127;

static unsigned
rnd(unsigned n)
{
	seed = seed * 6364136223846793005u + 1442695040888963407u;
	return (unsigned)(seed >> 33) % n;
}

/* ---- what a read gives ------------------------------------------------ */

struct log {
	struct vl_buf b;	/* the records, length-prefixed */
	long stop_at;		/* fn stops at the record on this line */
	size_t no_controls;	/* records marked as holding none */
};

static int
on_record(const struct vl_record *r, void *ctx)
{
	struct log *l = ctx;
	size_t i;

	l->no_controls += r->no_controls;
	vl_buf_printf(&l->b, "%ld:%zu:", r->line, r->n);
	for (i = 0; i < r->n; i++) {
		/* a record marked clean is clean: its text is not checked */
		assert_false(r->no_controls && !vl_text_clean(r->field[i],
		    r->len[i]));
		assert_int_equal(strlen(r->field[i]), r->len[i]);
		vl_buf_printf(&l->b, "%zu:", r->len[i]);
		vl_buf_add(&l->b, r->field[i], r->len[i]);
	}
	vl_buf_add(&l->b, "\n", 1);
	return r->line == l->stop_at ? 42 : 0;
}

struct result {
	int status;
	char *records;
	char *errors;
	size_t used;
};

static void
result_free(struct result *r)
{
	free(r->records);
	free(r->errors);
}

/* stderr into a temp file while the library talks */
static FILE *capture_file;
static int saved_fd;

static void
capture_begin(void)
{
	fflush(stderr);
	capture_file = tmpfile();
	assert_non_null(capture_file);
	saved_fd = dup(2);
	dup2(fileno(capture_file), 2);
}

static char *
capture_end(void)
{
	struct vl_buf b = {0};
	char block[4096];
	size_t n;

	fflush(stderr);
	dup2(saved_fd, 2);
	close(saved_fd);
	rewind(capture_file);
	vl_buf_add(&b, "", 0);
	while ((n = fread(block, 1, sizeof block, capture_file)) > 0)
		vl_buf_add(&b, block, n);
	fclose(capture_file);
	return b.data;
}

struct input {
	struct vl_buf text;
	const char *encoding;	/* "utf-8", or NULL: detected */
	size_t block;		/* vl_csv_block */
	long stop_at;
};

static struct result
read_serial(const struct input *in, bool plain)
{
	struct vl_csv_opts opts = {in->encoding, NULL, NULL, false,
	    false, NULL};
	struct log l = {{0}, in->stop_at, 0};
	struct result r;

	vl_csv_plain = plain;
	vl_csv_block = in->block;
	vl_buf_add(&l.b, "", 0);
	capture_begin();
	r.status = vl_csv_read_mem(in->text.data, in->text.len, "in", &opts,
	    on_record, &l);
	r.errors = capture_end();
	r.records = l.b.data;
	r.used = 1;
	vl_csv_plain = false;
	vl_csv_block = 0;
	return r;
}

/* throws the parts away, as a caller that cannot merge them would */
static bool
refuse(struct vl_split *s)
{
	(void)s;
	return false;
}

static void
reset(struct vl_split *s)
{
	struct log *l = s->ctx[0];

	l->b.len = 0;
	l->b.data[0] = '\0';
}

static struct result
read_split(const struct input *in, const char *path, size_t nparts,
    bool accept)
{
	struct vl_csv_opts opts = {in->encoding, NULL, NULL, false,
	    false, NULL};
	struct log l[4];
	void *ctx[4];
	struct vl_split sp = {nparts, ctx, accept ? NULL : refuse, reset, NULL,
	    0};
	struct vl_buf all = {0};
	struct result r;
	size_t k;

	for (k = 0; k < nparts; k++) {
		l[k] = (struct log){{0}, in->stop_at, 0};
		vl_buf_add(&l[k].b, "", 0);
		ctx[k] = &l[k];
	}
	vl_csv_block = in->block;
	vl_csv_split_min = 0;
	capture_begin();
	r.status = vl_csv_read_split(path, "in", &opts, on_record, &sp);
	r.errors = capture_end();
	vl_csv_block = 0;
	vl_csv_split_min = 8 << 20;
	vl_buf_add(&all, "", 0);
	for (k = 0; k < sp.used; k++)
		vl_buf_add(&all, l[k].b.data, l[k].b.len);
	for (k = 0; k < nparts; k++)
		vl_buf_free(&l[k].b);
	r.records = all.data;
	r.used = sp.used;
	return r;
}

static void
same(const struct result *want, const struct result *got,
    const struct input *in, const char *what)
{
	if (want->status == got->status && strcmp(want->records,
	    got->records) == 0 && strcmp(want->errors, got->errors) == 0)
		return;
	fprintf(stderr, "%s differs (block %zu, encoding %s) on %zu bytes:\n",
	    what, in->block, in->encoding ? in->encoding : "detected",
	    in->text.len);
	fwrite(in->text.data, 1, in->text.len, stderr);
	fprintf(stderr, "\n--- status %d / %d\n--- records want:\n%s--- "
	    "got:\n%s--- errors want:\n%s--- got:\n%s", want->status,
	    got->status, want->records, got->records, want->errors,
	    got->errors);
	fail();
}

/* ---- random input ----------------------------------------------------- */

static const char *const chaos[] = {
	"a", "bc", "1", " ", "\t", ",", ",", ",", "\"", "\"\"", "\n", "\n",
	"\r", "\r\n", "中", "文字", "\xe4\xb8", "\xff", "\xc3", "\xed\xa0\x80",
	"\xc2\x85", "\xf0\x9f\x98\x80", "x,y", "\"q,\nr\"", "12.50", "\x7f",
	"\x01",
	/* UTF-8 at the edges of good: overlong, surrogate, beyond U+10FFFF,
	 * bad leads, lone and missing continuations */
	"\xc0\x80", "\xc1\xbf", "\xc2\x80", "\xdf\xbf", "\xe0\x9f\xbf",
	"\xe0\xa0\x80", "\xed\x9f\xbf", "\xee\x80\x80", "\xef\xbf\xbf",
	"\xf0\x8f\xbf\xbf", "\xf0\x90\x80\x80", "\xf4\x8f\xbf\xbf",
	"\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\x80", "\xbf", "\xe4",
	"\xf0\x9f", "\xf0\x9f\x98", "中文字符串中文字符串"
};
#define NCHAOS (sizeof chaos / sizeof chaos[0])

static void
add_chaos(struct vl_buf *b, unsigned n)
{
	unsigned i;

	for (i = 0; i < n; i++) {
		if (rnd(40) == 0)
			vl_buf_add(b, "", 1);	/* a NUL */
		else
			vl_buf_puts(b, chaos[rnd(NCHAOS)]);
	}
}

static void
add_field(struct vl_buf *b)
{
	static const char *const plain[] = {"", "id", "P01", "12.50",
	    "2023-01-05", " pad ", "\t", "  ", "中文", "青山镇", "a b",
	    "x\xc2\xa0y"};
	static const char *const quoted[] = {"\"a,b\"", "\"\"", "\"say "
	    "\"\"hi\"\"\"", "\"two\nlines\"", "\"cr\r\nlf\"", " \"sp\" ",
	    "\"36,940.00\""};

	switch (rnd(10)) {
	case 0:
		vl_buf_puts(b, quoted[rnd(sizeof quoted / sizeof *quoted)]);
		break;
	case 1:
		add_chaos(b, 1);
		break;
	default:
		vl_buf_puts(b, plain[rnd(sizeof plain / sizeof *plain)]);
	}
}

static const char *
line_end(void)
{
	static const char *const ends[] = {"\n", "\n", "\n", "\r\n", "\r"};

	return ends[rnd(5)];
}

/* mostly CSV: a header and rows, some ragged, blank or broken */
static void
add_csv(struct vl_buf *b)
{
	unsigned cols = 1 + rnd(5), rows = rnd(12), i, k, n;
	const char *end = line_end();

	if (rnd(8) == 0)
		vl_buf_puts(b, "\xef\xbb\xbf");
	for (k = 0; k < cols; k++)
		vl_buf_printf(b, "%sc%u", k ? "," : "", k);
	vl_buf_puts(b, end);
	for (i = 0; i < rows; i++) {
		if (rnd(10) == 0) {	/* blank, or blanks */
			vl_buf_puts(b, rnd(2) ? "" : " \t ");
		} else {
			n = rnd(8) == 0 ? cols + rnd(3) - 1 : cols;
			for (k = 0; k < n; k++) {
				if (k)
					vl_buf_add(b, ",", 1);
				add_field(b);
			}
		}
		if (i + 1 < rows || rnd(4))
			vl_buf_puts(b, rnd(6) == 0 ? line_end() : end);
	}
}

static void
make_input(struct input *in)
{
	static const size_t blocks[] = {0, 0, 1, 2, 3, 5, 16, 64};

	in->text.len = 0;
	vl_buf_add(&in->text, "", 0);
	if (rnd(3) == 0)
		add_chaos(&in->text, rnd(60));
	else
		add_csv(&in->text);
	in->encoding = rnd(5) ? "utf-8" : NULL;
	in->block = blocks[rnd(sizeof blocks / sizeof *blocks)];
	in->stop_at = rnd(10) == 0 ? (long)rnd(8) : -1;
}

static char *
write_temp(const struct input *in)
{
	char *path = vl_xstrdup("/tmp/vl-csvfast-XXXXXX");
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, in->text.data, in->text.len),
	    (ssize_t)in->text.len);
	close(fd);
	return path;
}

/* Divided among 2 to 4 threads: what the parts gathered, in order, and
 * the same again with the parts thrown away and the file read as one.
 * Returns how many parts there were. */
static size_t
check_split(const struct input *in, const struct result *want)
{
	char *path = write_temp(in);
	size_t nparts = 2 + rnd(3), used;
	struct result got;

	got = read_split(in, path, nparts, true);
	same(want, &got, in, "the split read");
	used = got.used;
	result_free(&got);
	got = read_split(in, path, nparts, false);
	same(want, &got, in, "the split read, read again");
	result_free(&got);
	unlink(path);
	free(path);
	return used;
}

/* The fast path by AVX-512, AVX2 and SSE2, as far as the processor has
 * them, each compared with libcsv alone. */
static void
check_fast(const struct input *in, const struct result *want,
    const char *what)
{
	struct result got;
	int width;

	for (width = 64; width >= 16; width /= 2) {
		vl_csv_vector_max = width;
		got = read_serial(in, false);
		vl_csv_vector_max = 64;
		same(want, &got, in, what);
		result_free(&got);
	}
}

/* One input through every path, each compared with libcsv alone. */
static size_t
check_input(struct input *in, bool split)
{
	struct result want = read_serial(in, true);
	size_t used = 0;

	check_fast(in, &want, "the fast path");
	if (split && in->block > 0 && in->block < 16) {
		/* blocks of a few bytes seldom hold the header whole, so
		 * nothing to divide: sixteen for that */
		result_free(&want);
		in->block = 16;
		want = read_serial(in, true);
	}
	if (split)
		used = check_split(in, &want);
	result_free(&want);
	return used;
}

static void
test_random(void **state)
{
	struct input in = {{0}, NULL, 0, -1};
	size_t i, divided = 0;

	(void)state;
	for (i = 0; i < CASES; i++) {
		make_input(&in);
		divided += check_input(&in, true) > 1;
	}
	/* the cases must reach the divided read, not only its way out */
	print_message("%zu of %d inputs divided\n", divided, CASES);
	assert_true(divided > CASES / 4);
	vl_buf_free(&in.text);
}

/* Long inputs: many records, quoted ones among them, cut at many
 * places. */
static void
test_long(void **state)
{
	struct input in = {{0}, "utf-8", 0, -1};
	size_t i, k, divided = 0;

	(void)state;
	for (k = 0; k < 40; k++) {
		in.text.len = 0;
		vl_buf_add(&in.text, "", 0);
		vl_buf_puts(&in.text, "id,amount,note\n");
		for (i = 0; i < 200 + rnd(400); i++) {
			vl_buf_printf(&in.text, "%zu,%u.%02u,", i, rnd(99999),
			    rnd(100));
			add_field(&in.text);
			vl_buf_puts(&in.text, rnd(20) ? "\n" : line_end());
			if (rnd(300) == 0)
				add_chaos(&in.text, 3);
		}
		in.block = k % 2 ? 64 : 0;
		in.stop_at = k % 7 == 0 ? (long)(100 + rnd(100)) : -1;
		divided += check_input(&in, true) > 1;
	}
	assert_true(divided > 20);
	vl_buf_free(&in.text);
}

/* The limits of a record, at and past them. */
static void
test_limits(void **state)
{
	struct input in = {{0}, "utf-8", 0, -1};
	size_t n, i;

	(void)state;
	for (n = 4094; n <= 4098; n++) {
		in.text.len = 0;
		vl_buf_add(&in.text, "", 0);
		vl_buf_puts(&in.text, "a\n");
		for (i = 0; i + 1 < n; i++)
			vl_buf_add(&in.text, ",", 1);
		vl_buf_puts(&in.text, "\nb\n");
		check_input(&in, false);
	}
	for (n = (1 << 20) - 1; n <= (1 << 20) + 1; n++) {
		in.text.len = 0;
		vl_buf_add(&in.text, "", 0);
		vl_buf_puts(&in.text, "a\n");
		vl_buf_reserve(&in.text, n);
		memset(in.text.data + in.text.len, 'x', n);
		in.text.len += n;
		vl_buf_puts(&in.text, "\nb\n");
		check_input(&in, false);
	}
	vl_buf_free(&in.text);
}

/* A file whose last line has no end, exactly one block long: the line
 * is read, not lost with the block. */
static void
test_block_end(void **state)
{
	struct input in = {{0}, "utf-8", 8, -1};
	struct result r;

	(void)state;
	vl_buf_add(&in.text, "h\nabcdef", 8);
	r = read_serial(&in, false);
	assert_string_equal(r.records, "2:1:6:abcdef\n");
	result_free(&r);
	r = read_serial(&in, true);
	assert_string_equal(r.records, "2:1:6:abcdef\n");
	result_free(&r);
	vl_buf_free(&in.text);
}

/* The fast path takes what it is for: lines of CSV without quotes, in
 * Chinese or not, short or long, whatever follows them in the block. */
static void
test_taken(void **state)
{
	static const char *const rows[] = {
		"P000001,顺土5镇,马清村,王凰,刘山,54481.00,expand,272,,",
		"P2,青山镇,松林村,,,36940.00,new,280,2023-01-31,",
		"12,2023-01-05,expense,,,P1,construction,  3078.25 ,主体工程进度款"
		"第2批 凭证123456",
		"a,b,c,d,e,f,g,h,i,j",
		"中,文,字,符,串,中,文,字,符,串",
		"\xf0\x9f\x98\x80,\xc2\xa9,\xdf\xbf,\xe0\xa0\x80,\xef\xbf\xbf,"
		"\xf4\x8f\xbf\xbf,x,y,z,w",
	};
	struct input in = {{0}, "utf-8", 0, -1};
	unsigned long before;
	struct result r;
	size_t i, k, n = 0;

	(void)state;
	vl_buf_add(&in.text, "", 0);
	vl_buf_puts(&in.text, "c0,c1,c2,c3,c4,c5,c6,c7,c8,c9\n");
	for (k = 0; k < 50; k++)
		for (i = 0; i < sizeof rows / sizeof *rows; i++, n++)
			vl_buf_printf(&in.text, "%s%s", rows[(i + k) %
			    (sizeof rows / sizeof *rows)], k % 3 ? "\n" :
			    "\r\n");
	before = vl_csv_fast_lines;
	r = read_serial(&in, false);
	assert_int_equal(vl_csv_fast_lines - before, n + 1);
	result_free(&r);
	vl_buf_free(&in.text);
}

/* A quote-free line is marked as holding no control character only when
 * it holds none: a tab or an accented letter is no control, DEL, ESC or
 * NEL (U+0085) is.  A character led by 0xc2, as U+00A0 is, goes to the
 * text check unmarked, and a line through libcsv is never marked. */
static void
test_controls(void **state)
{
	static const struct {
		const char *line;
		bool marked;
	} rows[] = {
		{"a,b,plain text", true},
		{"a,b,\ttab\tinside\t", true},
		{"a,b,caf\xc3\xa9 na\xc3\xafve", true},
		{"a,b,\xc2\xa0no-break \xc2\xbf", false},
		{"a,b,中文 说明 十六个字节以上的一段话", true},
		{"a,b,del\x7f", false},
		{"a,b,\x1b[31mred", false},
		{"a,b,nel\xc2\x85", false},
		{"a\x01,b,c", false},
		{"a,b,中文 说明 十六个字节以上的一段话\x1f", false},
		{"a,\"b\",quoted", false},
	};
	struct input in = {{0}, "utf-8", 0, -1};
	struct log l = {{0}, -1, 0};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof rows / sizeof *rows; i++) {
		vl_buf_free(&in.text);
		vl_buf_printf(&in.text, "x,y,z\n%s\n", rows[i].line);
		l.no_controls = 0;
		vl_csv_read_mem(in.text.data, in.text.len, "in", NULL,
		    on_record, &l);
		if (l.no_controls != (rows[i].marked ? 1u : 0u))
			fail_msg("line %zu (%s): marked %zu", i, rows[i].line,
			    l.no_controls);
	}
	vl_buf_free(&l.b);
	vl_buf_free(&in.text);
}

/* The fast path reads sixty-four bytes a turn: commas, blanks, tabs and
 * line ends at every place around a turn's edges are read as libcsv reads
 * them (a blank at a field's edge is trimmed, one inside is kept). */
static void
test_turns(void **state)
{
	static const char *const tails[] = {" ,b", ", b", "a ,", "a, ",
	    "\t,\t", " , ", ",,", "a b,c d", " ", "\t", "中 ,文"};
	struct input in = {{0}, "utf-8", 0, -1};
	struct result want;
	size_t pad, t, i;

	(void)state;
	for (pad = 0; pad < 140; pad++)
		for (t = 0; t < sizeof tails / sizeof *tails; t++) {
			in.text.len = 0;
			vl_buf_add(&in.text, "", 0);
			vl_buf_puts(&in.text, "c0,c1,c2\n");
			for (i = 0; i < pad; i++)
				vl_buf_add(&in.text, i % 9 == 8 ? " " : "x", 1);
			vl_buf_printf(&in.text, "%s,z\n", tails[t]);
			/* the same bytes, the line's end at each place (made
			 * again: a printf of the buffer's own bytes into it
			 * read them after it grew, found by valgrind) */
			vl_buf_puts(&in.text, "y,");
			for (i = 0; i < pad; i++)
				vl_buf_add(&in.text, i % 9 == 8 ? " " : "x", 1);
			vl_buf_printf(&in.text, "%s\n", tails[t]);
			want = read_serial(&in, true);
			check_fast(&in, &want, "fast path at a turn's edge");
			result_free(&want);
		}
	vl_buf_free(&in.text);
}

/* UTF-8 good and bad, each at every place around a turn's edges: a
 * character cut by the turn's end is checked across it, the rarer rules
 * (overlong, surrogate, past U+10FFFF) too. */
static void
test_utf8_turns(void **state)
{
	static const char *const chars[] = {
		"\xe4\xb8\xad", "\xc2\x80", "\xdf\xbf",
		"\xe0\xa0\x80", "\xe0\x9f\xbf",	/* overlong */
		"\xed\x9f\xbf", "\xed\xa0\x80",	/* a surrogate */
		"\xef\xbf\xbf", "\xf0\x90\x80\x80", "\xf0\x8f\xbf\xbf",
		"\xf4\x8f\xbf\xbf", "\xf4\x90\x80\x80",	/* > U+10FFFF */
		"\xc0\x80", "\xc1\xbf", "\xf5\x80\x80\x80", "\x80",
		"\xe4\xb8", "\xe4\xb8\xad\xad", "\xf0\x90\x80",
	};
	struct input in = {{0}, "utf-8", 0, -1};
	struct result want;
	size_t pad, c, i, k;

	(void)state;
	for (pad = 0; pad < 140; pad++)
		for (c = 0; c < sizeof chars / sizeof *chars; c++) {
			in.text.len = 0;
			vl_buf_add(&in.text, "", 0);
			vl_buf_puts(&in.text, "c0,c1\n");
			/* the character within a field, then ending one,
			 * then ending the line: once a line, so that no
			 * other place of it decides */
			for (k = 0; k < 3; k++) {
				for (i = 0; i < pad; i++)
					vl_buf_add(&in.text, i % 5 == 4 ?
					    "," : "x", 1);
				vl_buf_printf(&in.text, "%s%s\n", chars[c],
				    (const char *[]){"x,y", ",y", ""}[k]);
			}
			want = read_serial(&in, true);
			check_fast(&in, &want, "UTF-8 at a turn's edge");
			result_free(&want);
		}
	vl_buf_free(&in.text);
}

/* ---- vl_csv_gather: a context a part, merged in order --------------- */

struct tally {			/* what a part gathered */
	long rows, first, last;	/* records; the first and last number */
	long order;		/* 0 while each part followed the one before */
};

struct gathering {		/* vl_gather's arg: what it was asked */
	int inits, merges, frees, resets;
	bool refuse;
};

static int
on_number(const struct vl_record *r, void *ctx)
{
	struct tally *t = ctx;
	long n = strtol(r->field[0], NULL, 10);

	if (!t->rows)
		t->first = n;
	else if (n != t->last + 1)
		t->order++;
	t->last = n;
	t->rows++;
	return 0;
}

static void
g_init(void *part, const void *first, void *arg)
{
	(void)first;
	((struct gathering *)arg)->inits++;
	assert_int_equal(((struct tally *)part)->rows, 0);	/* all zero */
	/* on cache lines of its own, whatever its size */
	assert_int_equal((uintptr_t)part % 64, 0);
}

static void
g_merge(void *first, void *part, void *arg)
{
	struct tally *f = first, *p = part;

	((struct gathering *)arg)->merges++;
	if (p->rows && p->first != f->last + 1)
		f->order++;
	f->order += p->order;
	f->rows += p->rows;
	if (p->rows)
		f->last = p->last;
}

static void
g_free(void *part, void *arg)
{
	(void)part;
	((struct gathering *)arg)->frees++;
}

static bool
g_accept(void *const *parts, size_t n, void *arg)
{
	(void)parts;
	assert_true(n > 1);
	return !((struct gathering *)arg)->refuse;
}

static void
g_reset(void *first, void *arg)
{
	memset(first, 0, sizeof(struct tally));
	((struct gathering *)arg)->resets++;
}

/* A file read by three threads gathers what one reader would, each
 * part's context made, merged in the order of the file and freed; parts
 * the caller cannot merge are thrown away and the file read as one. */
static void
test_gather(void **state)
{
	char path[] = "/tmp/vl-gather.XXXXXX";
	struct vl_csv_opts opts = {"utf-8", NULL, NULL, false, false, NULL};
	struct gathering arg = {0, 0, 0, 0, false};
	struct vl_gather g = {sizeof(struct tally), g_init, g_merge, g_free,
	    g_accept, g_reset, &arg};
	struct tally t = {0, 0, 0, 0};
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "w");
	long i;

	(void)state;
	assert_non_null(f);
	fputs("n,text\n", f);
	for (i = 1; i <= 30000; i++)
		fprintf(f, "%ld,row %ld of the file\n", i, i);
	assert_int_equal(fclose(f), 0);
	setenv("VL_THREADS", "3", 1);
	vl_csv_split_min = 0;
	assert_int_equal(vl_csv_gather(path, "g.csv", &opts, on_number, &t,
	    &g), VL_OK);
	assert_int_equal(t.rows, 30000);
	assert_int_equal(t.first, 1);
	assert_int_equal(t.last, 30000);
	assert_int_equal(t.order, 0);
	assert_int_equal(arg.inits, 2);
	assert_int_equal(arg.merges, 2);
	assert_int_equal(arg.frees, 2);
	assert_int_equal(arg.resets, 0);
	memset(&t, 0, sizeof t);
	memset(&arg, 0, sizeof arg);
	arg.refuse = true;
	assert_int_equal(vl_csv_gather(path, "g.csv", &opts, on_number, &t,
	    &g), VL_OK);
	assert_int_equal(t.rows, 30000);
	assert_int_equal(t.order, 0);
	assert_int_equal(arg.resets, 1);
	assert_int_equal(arg.merges, 0);
	assert_int_equal(arg.frees, 2);
	vl_csv_split_min = 8 << 20;
	unsetenv("VL_THREADS");
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_block_end),
		cmocka_unit_test(test_controls),
		cmocka_unit_test(test_gather),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_long),
		cmocka_unit_test(test_random),
		cmocka_unit_test(test_taken),
		cmocka_unit_test(test_turns),
		cmocka_unit_test(test_utf8_turns),
	};

	vl_setprogname("test");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
