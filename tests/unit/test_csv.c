/*
 * test_csv.c - reading CSV records by header name, and writing CSV rows.
 *
 * Every structural error must name its line (and byte offset where a byte
 * is to blame), and reading must go on so a clerk sees all of them at once.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "vl.h"

/* ---- helpers ---------------------------------------------------------- */

/* stderr redirected into a temp file while the library talks */
struct capture {
	FILE *tmp;
	int saved;
};

static void
capture_begin(struct capture *c)
{
	fflush(stderr);
	c->tmp = tmpfile();
	assert_non_null(c->tmp);
	c->saved = dup(2);
	assert_true(c->saved >= 0);
	assert_true(dup2(fileno(c->tmp), 2) >= 0);
}

/* what was written to stderr, malloc'd */
static char *
capture_end(struct capture *c)
{
	struct vl_buf b = {0};
	char block[4096];
	size_t n;

	fflush(stderr);
	dup2(c->saved, 2);
	close(c->saved);
	rewind(c->tmp);
	vl_buf_add(&b, "", 0);
	while ((n = fread(block, 1, sizeof block, c->tmp)) > 0)
		vl_buf_add(&b, block, n);
	fclose(c->tmp);
	return b.data;
}

/* the records a read delivered, one line each: "LINE|f1|f2|..." with the
 * fields taken by name in the order of cols */
struct got {
	const char *const *cols;
	struct vl_buf out;
	int calls;
	int stop_at;		/* return 42 on this call (0: never) */
};

static int
collect(const struct vl_record *r, void *ctx)
{
	struct got *g = ctx;
	const char *const *c;

	assert_int_equal(r->n, r->header->n);
	vl_buf_printf(&g->out, "%ld", r->line);
	for (c = g->cols; *c; c++)
		vl_buf_printf(&g->out, "|%s", vl_field(r, *c));
	vl_buf_add(&g->out, "\n", 1);
	g->calls++;
	return g->stop_at && g->calls == g->stop_at ? 42 : 0;
}

struct result {
	int status;
	long errors;		/* vl_errat calls the read made */
	char *err;		/* its stderr */
	char *recs;		/* what collect made of the records */
};

static struct result
read_opts(const char *csv, size_t len, const struct vl_csv_opts *opts,
    const char *const *cols)
{
	struct got g = {cols, {0}, 0, 0};
	struct capture cap;
	struct result res;
	long before = vl_error_count();

	vl_buf_add(&g.out, "", 0);
	capture_begin(&cap);
	res.status = vl_csv_read_mem(csv, len, "t.csv", opts, collect, &g);
	res.err = capture_end(&cap);
	res.errors = vl_error_count() - before;
	res.recs = g.out.data;
	return res;
}

static struct result
read_str(const char *csv, const char *const *cols)
{
	return read_opts(csv, strlen(csv), NULL, cols);
}

static void
result_free(struct result *r)
{
	free(r->err);
	free(r->recs);
}

/* a clean read: no error, these records */
static void
reads_as(const char *csv, const char *const *cols, const char *want)
{
	struct result r = read_str(csv, cols);

	if (r.status != VL_OK || r.errors != 0)
		fail_msg("status %d, %ld errors: %s", r.status, r.errors, r.err);
	assert_string_equal(r.err, "");
	assert_string_equal(r.recs, want);
	result_free(&r);
}

/* utf8 converted to GB18030 with iconv, malloc'd */
static char *
to_gb18030(const char *utf8, size_t *len)
{
	iconv_t cd = iconv_open("GB18030", "UTF-8");
	size_t inleft = strlen(utf8), outleft = 4 * inleft + 4;
	char *in = (char *)utf8, *buf = malloc(outleft), *out = buf;

	assert_true(cd != (iconv_t)-1);
	assert_non_null(buf);
	assert_int_not_equal(iconv(cd, &in, &inleft, &out, &outleft),
	    (size_t)-1);
	assert_int_equal(inleft, 0);
	iconv_close(cd);
	*len = (size_t)(out - buf);
	return buf;
}

static char *
temp_file(const void *data, size_t len)
{
	char *path = vl_xstrdup("/tmp/vl-test-csv.XXXXXX");
	int fd = mkstemp(path);
	FILE *f;

	assert_true(fd >= 0);
	f = fdopen(fd, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
	return path;
}

static const char *const id_town[] = {"id", "town", NULL};
static const char *const id_note[] = {"id", "note", NULL};

/* ---- reading ---------------------------------------------------------- */

static void
test_columns_any_order(void **state)
{
	static const char *const cols[] = {"id", "town", "nosuch", NULL};

	(void)state;
	reads_as("id,town\n1,青山镇\n2,大坝镇\n", cols,
	    "2|1|青山镇|\n3|2|大坝镇|\n");
	/* the same records from another column order, with an extra column */
	reads_as("note,town,id\nx,青山镇,1\ny,大坝镇,2\n", cols,
	    "2|1|青山镇|\n3|2|大坝镇|\n");
	/* a header cell's blanks do not count; a field's are kept quoted */
	reads_as(" id , town\n1,\" a \"\n", cols, "2|1| a |\n");
}

static void
test_bom_crlf_blank_lines(void **state)
{
	struct vl_header h = {0};
	struct vl_csv_opts o = {0};
	struct result r;
	const char *csv = "\xef\xbb\xbfid,town,note\r\n1,a,\r\n2,b,x\r\n"
	    ",,\r\n,,,\r\n3,c,y\r\n\r\n\r\n\n";

	(void)state;
	o.header_out = &h;
	r = read_opts(csv, strlen(csv), &o, id_town);
	assert_int_equal(r.status, VL_OK);
	assert_int_equal(r.errors, 0);
	assert_string_equal(r.recs, "2|1|a\n3|2|b\n6|3|c\n");
	/* the BOM is not part of the first column's name */
	assert_int_equal(h.n, 3);
	assert_string_equal(h.name[0], "id");
	assert_string_equal(h.name[2], "note");
	assert_int_equal(vl_header_index(&h, "id"), 0);
	assert_int_equal(vl_header_index(&h, "note"), 2);
	assert_int_equal(vl_header_index(&h, "\xef\xbb\xbfid"), -1);
	vl_header_free(&h);
	result_free(&r);
	/* the last line need not end */
	reads_as("id,town\n1,a\n2,b", id_town, "2|1|a\n3|2|b\n");
	reads_as("id,town\r\n1,a\r\n2,b", id_town, "2|1|a\n3|2|b\n");
	/* a header and no records */
	reads_as("id,town\n", id_town, "");
	reads_as("", id_town, "");
}

static void
test_quoted_fields(void **state)
{
	(void)state;
	reads_as("id,note\n"
	    "1,\"a, b\"\n"
	    "2,\"say \"\"hi\"\"\"\n"
	    "3,\"two\nlines\"\n"
	    "4,\"crlf\r\ninside\r\n\"\r\n"
	    "5,\"\"\n"
	    "6,\"three\n\nlines, \"\"q\"\"\"\n"
	    "7,last\n", id_note,
	    "2|1|a, b\n"
	    "3|2|say \"hi\"\n"
	    "4|3|two\nlines\n"
	    "6|4|crlf\r\ninside\r\n\n"
	    "9|5|\n"
	    "10|6|three\n\nlines, \"q\"\n"
	    "13|7|last\n");
}

static void
test_gb18030(void **state)
{
	struct vl_csv_opts o = {0};
	struct vl_header h = {0};
	struct result r;
	size_t len;
	char *gb = to_gb18030("id,town\n1,青山镇\n2,大坝镇\n", &len);

	(void)state;
	/* not UTF-8: decoded from GB18030 without being told */
	assert_int_not_equal(memcmp(gb, "id,town\n1,青山镇", 19), 0);
	o.header_out = &h;
	r = read_opts(gb, len, &o, id_town);
	assert_int_equal(r.status, VL_OK);
	assert_int_equal(r.errors, 0);
	assert_string_equal(r.recs, "2|1|青山镇\n3|2|大坝镇\n");
	assert_string_equal(h.name[1], "town");
	vl_header_free(&h);
	result_free(&r);
	/* or told */
	o.header_out = NULL;
	o.encoding = "GB18030";
	r = read_opts(gb, len, &o, id_town);
	assert_int_equal(r.status, VL_OK);
	assert_string_equal(r.recs, "2|1|青山镇\n3|2|大坝镇\n");
	result_free(&r);
	free(gb);
}

static void
test_gb18030_told_utf8(void **state)
{
	struct vl_csv_opts o = {0};
	struct result r;
	size_t len;
	char *gb = to_gb18030("id,town\n1,青山镇\n2,x\n", &len);

	(void)state;
	o.encoding = "utf-8";
	r = read_opts(gb, len, &o, id_town);
	assert_int_equal(r.status, VL_BADINPUT);
	assert_int_equal(r.errors, 1);
	/* "id,town\n" is 8 bytes, "1," 2 more: 青 starts at offset 10 */
	assert_string_equal(r.err, "vl: t.csv:2: a byte that is not valid "
	    "UTF-8 at byte offset 10\n");
	/* the bad line is left out, the next one is not */
	assert_string_equal(r.recs, "3|2|x\n");
	result_free(&r);
	free(gb);
}

static void
test_nul_byte(void **state)
{
	static const char csv[] = "id,town\n1,a\n2,b\0c\n3,d,extra\n4,e\n";
	struct result r;

	(void)state;
	r = read_opts(csv, sizeof csv - 1, NULL, id_town);
	assert_int_equal(r.status, VL_BADINPUT);
	/* the NUL, and the ragged row after it: every error is reported */
	assert_int_equal(r.errors, 2);
	assert_string_equal(r.err,
	    "vl: t.csv:3: a NUL byte at byte offset 15\n"
	    "vl: t.csv:4: town: 3 fields where the header has 2"
	    ": a field after this, the header's last column\n");
	assert_string_equal(r.recs, "2|1|a\n5|4|e\n");
	result_free(&r);
}

/* a bad line inside a record spoils that record and no other */
static void
test_bad_line_mid_record(void **state)
{
	static const char csv[] = "id,note\n1,\"a\nb\0\nc\"\n2,ok\n";
	struct result r;

	(void)state;
	r = read_opts(csv, sizeof csv - 1, NULL, id_note);
	assert_int_equal(r.status, VL_BADINPUT);
	assert_int_equal(r.errors, 1);
	assert_string_equal(r.err, "vl: t.csv:3: a NUL byte at byte offset 14\n");
	assert_string_equal(r.recs, "5|2|ok\n");
	result_free(&r);
}

static void
test_gb18030_bad_byte(void **state)
{
	struct vl_buf b = {0};
	struct result r;
	size_t len;
	char *gb;

	(void)state;
	gb = to_gb18030("id,town\n1,青山镇\n", &len);
	vl_buf_add(&b, gb, len);
	free(gb);
	vl_buf_puts(&b, "2,\xff\n");
	gb = to_gb18030("3,大坝镇\n", &len);
	vl_buf_add(&b, gb, len);
	free(gb);
	r = read_opts(b.data, b.len, NULL, id_town);
	assert_int_equal(r.status, VL_BADINPUT);
	assert_int_equal(r.errors, 1);
	/* 8 + 2 + 6 (three characters of two bytes) + 1, then "2," */
	assert_string_equal(r.err, "vl: t.csv:3: a byte that is not valid "
	    "in the input encoding at byte offset 19\n");
	assert_string_equal(r.recs, "2|1|青山镇\n4|3|大坝镇\n");
	result_free(&r);
	vl_buf_free(&b);
}

static void
test_nul_after_bom(void **state)
{
	static const char csv[] = "\xef\xbb\xbfid,town\n\0,a\n";
	struct result r;

	(void)state;
	r = read_opts(csv, sizeof csv - 1, NULL, id_town);
	assert_int_equal(r.status, VL_BADINPUT);
	/* offsets count the BOM: they are offsets into the file */
	assert_string_equal(r.err, "vl: t.csv:2: a NUL byte at byte offset 11\n");
	result_free(&r);
}

static void
test_bad_utf8_after_good(void **state)
{
	struct vl_csv_opts o = {0};
	struct result r;
	const char *csv = "id,town\n1,青山镇\n2,caf\xe9\n3,大坝镇\n";

	(void)state;
	o.encoding = "utf-8";
	r = read_opts(csv, strlen(csv), &o, id_town);
	assert_int_equal(r.status, VL_BADINPUT);
	assert_int_equal(r.errors, 1);
	/* line 3 starts at 8 + 12: "2,caf" is 5 more */
	assert_string_equal(r.err, "vl: t.csv:3: a byte that is not valid "
	    "UTF-8 at byte offset 25\n");
	assert_string_equal(r.recs, "2|1|青山镇\n4|3|大坝镇\n");
	result_free(&r);
	/* overlong, surrogate and truncated forms are not UTF-8 either */
	r = read_opts("id,town\n1,\xc0\xaf\n", 13, &o, id_town);
	assert_string_equal(r.err, "vl: t.csv:2: a byte that is not valid "
	    "UTF-8 at byte offset 10\n");
	result_free(&r);
	r = read_opts("id,town\n1,a\xed\xa0\x80\n", 15, &o, id_town);
	assert_string_equal(r.err, "vl: t.csv:2: a byte that is not valid "
	    "UTF-8 at byte offset 11\n");
	result_free(&r);
	r = read_opts("id,town\n1,\xe9\x9d\n", 13, &o, id_town);
	assert_string_equal(r.err, "vl: t.csv:2: a byte that is not valid "
	    "UTF-8 at byte offset 10\n");
	result_free(&r);
}

/* A UTF-8 file with one stray byte must not be taken for GB18030: its
 * Chinese would be read as other Chinese, silently. */
static void
test_stray_byte_in_utf8(void **state)
{
	struct result r;
	/* \xe9 then 't' is a valid GB18030 character; 青山 and 大坝 are six
	 * bytes each, which GB18030 would read as three characters */
	const char *csv = "id,town\n1,青山\n2,\xe9t\xe9t\n3,大坝\n";

	(void)state;
	r = read_str(csv, id_town);
	assert_int_equal(r.status, VL_BADINPUT);
	assert_int_equal(r.errors, 1);
	assert_string_equal(r.err, "vl: t.csv:3: a byte that is not valid "
	    "UTF-8 at byte offset 19\n");
	assert_string_equal(r.recs, "2|1|青山\n4|3|大坝\n");
	result_free(&r);
}

/* vl_csv_read decides the encoding from its first block (1 MiB): a bad
 * byte past it, and a character across the block boundary. */
static void
test_big_file(void **state)
{
	struct vl_buf b = {0};
	struct got g = {id_town, {0}, 0, 0};
	struct capture cap;
	long before, line = 1, bad_line, split_line;
	size_t bad_at, split;
	char *path, *err, want[256], pad[128];
	int status;

	(void)state;
	vl_buf_puts(&b, "id,town\n");
	while (b.len < (1 << 20) - 100)
		vl_buf_printf(&b, "%ld,青山镇\n", ++line);
	/* the 1 MiB boundary falls after the first byte of this 青 */
	split = (1 << 20) - b.len - 2;
	memset(pad, 'y', split);
	pad[split] = '\0';
	vl_buf_printf(&b, "%s,青山镇\n", pad);
	split_line = ++line;
	while (b.len < (1 << 20) + 4096)
		vl_buf_printf(&b, "%ld,青山镇\n", ++line);
	vl_buf_puts(&b, "x,caf\xe9\n");
	bad_line = ++line;
	bad_at = b.len - 2;
	vl_buf_printf(&b, "%ld,大坝镇\n", ++line);
	path = temp_file(b.data, b.len);
	vl_buf_add(&g.out, "", 0);
	before = vl_error_count();
	capture_begin(&cap);
	status = vl_csv_read(path, "big.csv", NULL, collect, &g);
	err = capture_end(&cap);
	assert_int_equal(status, VL_BADINPUT);
	assert_int_equal(vl_error_count() - before, 1);
	snprintf(want, sizeof want, "vl: big.csv:%ld: a byte that is not "
	    "valid UTF-8 at byte offset %zu\n", bad_line, bad_at);
	assert_string_equal(err, want);
	/* every other record, whole */
	assert_int_equal(g.calls, line - 2);
	snprintf(want, sizeof want, "%ld|%ld|大坝镇\n", line, line);
	assert_non_null(strstr(g.out.data, want));
	snprintf(want, sizeof want, "\n%ld|%s|青山镇\n", split_line, pad);
	assert_non_null(strstr(g.out.data, want));
	snprintf(want, sizeof want, "\n%ld|%ld|青山镇\n", split_line + 1,
	    split_line + 1);
	assert_non_null(strstr(g.out.data, want));
	unlink(path);
	free(path);
	free(err);
	vl_buf_free(&g.out);
	vl_buf_free(&b);
}

static void
test_unterminated_quote(void **state)
{
	struct result r;

	(void)state;
	r = read_str("id,note\n1,ok\n2,\"never\nclosed\n3,x\n", id_note);
	assert_int_equal(r.status, VL_BADINPUT);
	assert_int_equal(r.errors, 1);
	/* named by the line the field opens on */
	assert_string_equal(r.err, "vl: t.csv:3: a quoted field is never "
	    "closed\n");
	assert_string_equal(r.recs, "2|1|ok\n");
	result_free(&r);
}

static void
test_quote_in_unquoted(void **state)
{
	struct result r;

	(void)state;
	r = read_str("id,note\n1,ok\n2,5\" pipe\n3,a\"b\n4,\"x\"y\n5,fine\n",
	    id_note);
	assert_int_equal(r.status, VL_BADINPUT);
	assert_int_equal(r.errors, 3);
	assert_non_null(strstr(r.err, "vl: t.csv:3: malformed CSV: "));
	assert_non_null(strstr(r.err, "vl: t.csv:4: malformed CSV: "));
	assert_non_null(strstr(r.err, "vl: t.csv:5: malformed CSV: "));
	assert_non_null(strstr(r.err, "a quote inside an unquoted field"));
	/* reading goes on after each */
	assert_string_equal(r.recs, "2|1|ok\n6|5|fine\n");
	result_free(&r);
}

static void
test_ragged_rows(void **state)
{
	struct result r;

	(void)state;
	r = read_str("id,town,note\n"
	    "1,a,x\n"
	    "2,b\n"
	    "3,c,x,y\n"
	    "4,\"multi\nline\",x,y,z\n"
	    "5\n"
	    "6,f,x\n", id_town);
	assert_int_equal(r.status, VL_BADINPUT);
	assert_int_equal(r.errors, 4);
	assert_string_equal(r.err,
	    /* named: the first column missing, or the last one there is
	     * (a quoted field over two lines is read by the slow path) */
	    "vl: t.csv:3: note: 2 fields where the header has 3"
	    ": this column and those after it are missing\n"
	    "vl: t.csv:4: note: 4 fields where the header has 3"
	    ": a field after this, the header's last column\n"
	    "vl: t.csv:5: note: 5 fields where the header has 3"
	    ": a field after this, the header's last column\n"
	    "vl: t.csv:7: town: 1 fields where the header has 3"
	    ": this column and those after it are missing\n");
	assert_string_equal(r.recs, "2|1|a\n8|6|f\n");
	result_free(&r);
}

static void
test_header_problems(void **state)
{
	static const char *const req[] = {"id", "town", "budget", NULL};
	struct vl_csv_opts o = {0};
	struct result r;
	const char *csv = "id,town,note\n1,a,x\n";

	(void)state;
	o.required = req;
	r = read_opts(csv, strlen(csv), &o, id_town);
	assert_int_equal(r.status, VL_BADINPUT);
	assert_int_equal(r.errors, 1);
	assert_string_equal(r.err, "vl: t.csv:1: budget: missing column\n");
	/* records are not handed out under a bad header */
	assert_string_equal(r.recs, "");
	result_free(&r);

	r = read_str("id,town,id\n1,a,2\n", id_town);
	assert_int_equal(r.status, VL_BADINPUT);
	assert_int_equal(r.errors, 1);
	assert_string_equal(r.err, "vl: t.csv:1: id: column appears "
	    "twice\n");
	assert_string_equal(r.recs, "");
	result_free(&r);

	/* required columns present in any order */
	csv = "budget,town,id\n1,a,x\n";
	r = read_opts(csv, strlen(csv), &o, id_town);
	assert_int_equal(r.status, VL_OK);
	assert_string_equal(r.recs, "2|x|a\n");
	result_free(&r);
}

static void
test_callback_stops(void **state)
{
	struct got g = {id_town, {0}, 0, 2};
	struct capture cap;
	long before = vl_error_count();
	char *err;
	int status;
	const char *csv = "id,town\n1,a\n2,b\n3,c\n4,d,ragged\n";

	(void)state;
	vl_buf_add(&g.out, "", 0);
	capture_begin(&cap);
	status = vl_csv_read_mem(csv, strlen(csv), "t.csv", NULL, collect,
	    &g);
	err = capture_end(&cap);
	assert_int_equal(status, 42);
	assert_int_equal(g.calls, 2);
	assert_string_equal(g.out.data, "2|1|a\n3|2|b\n");
	/* nothing after the stop is read, so nothing is reported */
	assert_int_equal(vl_error_count(), before);
	assert_string_equal(err, "");
	free(err);
	vl_buf_free(&g.out);
}

static void
test_read_file(void **state)
{
	struct got g = {id_town, {0}, 0, 0};
	struct capture cap;
	char *path, *err;
	int status;

	(void)state;
	path = temp_file("town,id\n青山镇,1\n", 20);
	vl_buf_add(&g.out, "", 0);
	assert_int_equal(vl_csv_read(path, "p.csv", NULL, collect, &g),
	    VL_OK);
	assert_string_equal(g.out.data, "2|1|青山镇\n");
	unlink(path);
	/* a file that is not there is bad input, not a system fault */
	capture_begin(&cap);
	status = vl_csv_read(path, "p.csv", NULL, collect, &g);
	err = capture_end(&cap);
	assert_int_equal(status, VL_BADINPUT);
	assert_string_equal(err, "vl: p.csv: No such file or directory\n");
	free(err);
	free(path);
	vl_buf_free(&g.out);
}

/* ---- writing ---------------------------------------------------------- */

static char *
buf_row(size_t n, const char *const *fields)
{
	struct vl_buf b = {0};

	vl_buf_csv_row(&b, n, fields);
	return b.data;
}

static void
row_is(size_t n, const char *const *fields, const char *want)
{
	char *b = buf_row(n, fields);

	assert_string_equal(b, want);
	free(b);
}

static void
test_quoting(void **state)
{
	const char *plain[] = {"P001", "青山镇", "36940.00", "", NULL};
	const char *comma[] = {"a,b"};
	const char *quote[] = {"say \"hi\""};
	const char *lf[] = {"two\nlines"};
	const char *cr[] = {"a\rb"};
	const char *lead[] = {" lead", "trail ", "mid dle"};
	const char *tab[] = {"\tlead", "trail\t", "mid\tdle"};

	(void)state;
	/* quotes only where needed; NULL is an empty field */
	row_is(5, plain, "P001,青山镇,36940.00,,\n");
	row_is(1, comma, "\"a,b\"\n");
	row_is(1, quote, "\"say \"\"hi\"\"\"\n");
	row_is(1, lf, "\"two\nlines\"\n");
	row_is(1, cr, "\"a\rb\"\n");
	row_is(3, lead, "\" lead\",\"trail \",mid dle\n");
	/* libcsv strips blanks and tabs around an unquoted field */
	row_is(3, tab, "\"\tlead\",\"trail\t\",mid\tdle\n");
	row_is(0, plain, "\n");
}

static const char *const nasty[][4] = {
	{"1", "plain", "", "x"},
	{"2", "a,b", "say \"hi\"", "\"\""},
	{"3", "two\nlines", "cr\r\nlf", "\r"},
	{"4", " lead", "trail ", "  "},
	{"5", "\ttab", "tab\t", ","},
	{"6", "青山镇,\"大坝\"", "=1+2", "'"},
	{"7", "\"", "\n", "a\n\nb"},
};

struct rows {
	size_t n;
};

static int
compare(const struct vl_record *r, void *ctx)
{
	static const char *const cols[] = {"id", "a", "b", "c"};
	struct rows *rows = ctx;
	size_t i;

	assert_true(rows->n < sizeof nasty / sizeof nasty[0]);
	for (i = 0; i < 4; i++)
		assert_string_equal(vl_field(r, cols[i]), nasty[rows->n][i]);
	assert_int_equal(r->len[1], strlen(nasty[rows->n][1]));
	rows->n++;
	return 0;
}

static void
test_round_trip(void **state)
{
	static const char *const header[] = {"id", "a", "b", "c"};
	struct vl_buf b = {0};
	struct rows rows = {0};
	char *path;
	size_t i;

	(void)state;
	vl_buf_csv_row(&b, 4, header);
	for (i = 0; i < sizeof nasty / sizeof nasty[0]; i++)
		vl_buf_csv_row(&b, 4, nasty[i]);
	assert_int_equal(vl_csv_read_mem(b.data, b.len, "rt.csv", NULL,
	    compare, &rows), VL_OK);
	assert_int_equal(rows.n, sizeof nasty / sizeof nasty[0]);
	/* and from a file */
	path = temp_file(b.data, b.len);
	rows.n = 0;
	assert_int_equal(vl_csv_read(path, "rt.csv", NULL, compare, &rows),
	    VL_OK);
	assert_int_equal(rows.n, sizeof nasty / sizeof nasty[0]);
	unlink(path);
	free(path);
	vl_buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_columns_any_order),
		cmocka_unit_test(test_bom_crlf_blank_lines),
		cmocka_unit_test(test_quoted_fields),
		cmocka_unit_test(test_gb18030),
		cmocka_unit_test(test_gb18030_told_utf8),
		cmocka_unit_test(test_nul_byte),
		cmocka_unit_test(test_nul_after_bom),
		cmocka_unit_test(test_bad_line_mid_record),
		cmocka_unit_test(test_gb18030_bad_byte),
		cmocka_unit_test(test_bad_utf8_after_good),
		cmocka_unit_test(test_stray_byte_in_utf8),
		cmocka_unit_test(test_big_file),
		cmocka_unit_test(test_unterminated_quote),
		cmocka_unit_test(test_quote_in_unquoted),
		cmocka_unit_test(test_ragged_rows),
		cmocka_unit_test(test_header_problems),
		cmocka_unit_test(test_callback_stops),
		cmocka_unit_test(test_read_file),
		cmocka_unit_test(test_quoting),
		cmocka_unit_test(test_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
