/*
 * test_output.c - records out as CSV, JSON and aligned tables, for a
 * spreadsheet (--excel) and in GB18030, compared byte for byte.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "vl.h"
#include "io/output_priv.h"

static const struct vl_col cols[] = {
	{"id", VL_COL_TEXT},
	{"town", VL_COL_TEXT},
	{"budget", VL_COL_MONEY},
	{"area", VL_COL_INT},
};
#define NCOLS (sizeof cols / sizeof cols[0])

static const char *const rows[][NCOLS] = {
	{"P01", "青山镇", "36940.00", "120"},
	{"P02", "大坝镇, 东", "-120.00", NULL},
	{"P03", "say \"hi\"", "0.05", ""},
};
#define NROWS (sizeof rows / sizeof rows[0])

struct written {
	char *data;
	size_t len;
};

/* nrows of rows through vl_out with o, as bytes */
static struct written
out(const struct vl_outopts *o, size_t ncols, const struct vl_col *c,
    const char *const (*r)[NCOLS], size_t nrows)
{
	struct written w = {NULL, 0};
	FILE *f = open_memstream(&w.data, &w.len);
	struct vl_out *vo;
	size_t i;

	assert_non_null(f);
	vo = vl_out_open(f, o, ncols, c);
	for (i = 0; i < nrows; i++)
		vl_out_row(vo, r[i]);
	assert_int_equal(vl_out_close(vo), VL_OK);
	assert_int_equal(fclose(f), 0);
	return w;
}

static void
out_is(const struct vl_outopts *o, size_t nrows, const char *want)
{
	struct written w = out(o, NCOLS, cols, rows, nrows);

	assert_int_equal(w.len, strlen(want));
	assert_string_equal(w.data, want);
	free(w.data);
}

/* utf8 converted to GB18030 by iconv, malloc'd */
static struct written
gb18030(const char *utf8, size_t len)
{
	iconv_t cd = iconv_open("GB18030", "UTF-8");
	size_t inleft = len, outleft = 4 * len + 4;
	struct written w = {malloc(outleft), 0};
	char *in = (char *)utf8, *o = w.data;

	assert_true(cd != (iconv_t)-1);
	assert_non_null(w.data);
	assert_int_not_equal(iconv(cd, &in, &inleft, &o, &outleft),
	    (size_t)-1);
	iconv_close(cd);
	w.len = (size_t)(o - w.data);
	return w;
}

/* ---- formats ---------------------------------------------------------- */

static void
test_format_parse(void **state)
{
	enum vl_format f = VL_FMT_TABLE;

	(void)state;
	assert_int_equal(vl_format_parse("csv", &f), 0);
	assert_int_equal(f, VL_FMT_CSV);
	assert_int_equal(vl_format_parse("json", &f), 0);
	assert_int_equal(f, VL_FMT_JSON);
	assert_int_equal(vl_format_parse("table", &f), 0);
	assert_int_equal(f, VL_FMT_TABLE);
	assert_int_equal(vl_format_parse("csv", &f), 0);
	assert_int_equal(vl_format_parse("xml", &f), -1);
	assert_int_equal(vl_format_parse("CSV", &f), -1);
	assert_int_equal(vl_format_parse("", &f), -1);
	assert_int_equal(vl_format_parse("jsonl", &f), -1);
	assert_int_equal(f, VL_FMT_CSV);	/* left alone */
}

static void
test_csv(void **state)
{
	struct vl_outopts o = {.format = VL_FMT_CSV, .excel = false};

	(void)state;
	out_is(&o, NROWS,
	    "id,town,budget,area\n"
	    "P01,青山镇,36940.00,120\n"
	    "P02,\"大坝镇, 东\",-120.00,\n"
	    "P03,\"say \"\"hi\"\"\",0.05,\n");
	/* the header even with no rows */
	out_is(&o, 0, "id,town,budget,area\n");
	/* and "utf-8" changes nothing */
	o.encoding = "utf-8";
	out_is(&o, 1, "id,town,budget,area\nP01,青山镇,36940.00,120\n");
}

static void
test_json(void **state)
{
	static const char *const odd[][NCOLS] = {
		{"P04", "", "1.00", "-3"},
		{"P05", "a\nb\t\"c\"\\", "2.00", "12abc"},
	};
	struct vl_outopts o = {.format = VL_FMT_JSON, .excel = false};
	struct written w;

	(void)state;
	/* money stays a string; INT is a number, or null when empty */
	out_is(&o, NROWS,
	    "[\n"
	    "{\"id\":\"P01\",\"town\":\"青山镇\",\"budget\":\"36940.00\","
	    "\"area\":120},\n"
	    "{\"id\":\"P02\",\"town\":\"大坝镇, 东\",\"budget\":\"-120.00\","
	    "\"area\":null},\n"
	    "{\"id\":\"P03\",\"town\":\"say \\\"hi\\\"\",\"budget\":\"0.05\","
	    "\"area\":null}\n"
	    "]\n");
	out_is(&o, 0, "[]\n");
	w = out(&o, NCOLS, cols, odd, 2);
	assert_string_equal(w.data,
	    "[\n"
	    "{\"id\":\"P04\",\"town\":\"\",\"budget\":\"1.00\",\"area\":-3},\n"
	    "{\"id\":\"P05\",\"town\":\"a\\nb\\t\\\"c\\\"\\\\\","
	    "\"budget\":\"2.00\",\"area\":\"12abc\"}\n"
	    "]\n");
	free(w.data);
}

static void
test_text_width(void **state)
{
	(void)state;
	assert_int_equal(vl_text_width("青山镇"), 6);
	assert_int_equal(vl_text_width("abc"), 3);
	assert_int_equal(vl_text_width("青山镇abc"), 9);
	assert_int_equal(vl_text_width("P01 青山"), 8);
	assert_int_equal(vl_text_width(""), 0);
	assert_int_equal(vl_text_width("，"), 2);	/* full-width comma */
	assert_int_equal(vl_text_width("ＡＢ"), 4);
	assert_int_equal(vl_text_width("m²"), 2);
	assert_int_equal(vl_text_width("café"), 4);
	/* a bad byte counts one column rather than stopping the count */
	assert_int_equal(vl_text_width("a\xff" "b"), 3);
}

static void
test_table(void **state)
{
	static const struct vl_col tc[] = {
		{"town", VL_COL_TEXT},
		{"village", VL_COL_TEXT},
		{"budget", VL_COL_MONEY},
		{"n", VL_COL_INT},
	};
	static const char *const tr[][NCOLS] = {
		{"青山镇", "abc", "36940.00", "7"},
		{"a", "青山村x", "-5.00", "120"},
		{"", NULL, NULL, NULL},
	};
	struct vl_outopts o = {.format = VL_FMT_TABLE, .excel = false};
	struct written w;

	(void)state;
	w = out(&o, 4, tc, tr, 3);
	/* text left, numbers right, CJK two columns wide; no blanks
	 * trail a line, not even a line of empty cells */
	assert_string_equal(w.data,
	    "town    village  budget    n\n"
	    "青山镇  abc      36940.00    7\n"
	    "a       青山村x     -5.00  120\n"
	    "\n");
	free(w.data);
	/* no rows: the header alone, no trailing blanks */
	w = out(&o, 4, tc, tr, 0);
	assert_string_equal(w.data, "town  village  budget  n\n");
	free(w.data);
}

/* A table of one text column (the summary page) is written row by row,
 * as it comes, and reads as the kept table would: control characters
 * blanked, no blanks trailing. */
static void
test_table_one_column(void **state)
{
	static const struct vl_col page = {"情况汇总 summary", VL_COL_TEXT};
	static const char *const lines[][NCOLS] = {
		{"一、进度  "}, {"  a\tb"}, {""}, {NULL}, {"末行"},
	};
	struct vl_outopts o = {.format = VL_FMT_TABLE, .excel = false};
	struct written w = {NULL, 0};
	FILE *f = open_memstream(&w.data, &w.len);
	struct vl_out *vo;
	size_t i;

	(void)state;
	assert_non_null(f);
	vo = vl_out_open(f, &o, 1, &page);
	vl_out_row(vo, lines[0]);
	assert_int_equal(fflush(f), 0);	/* there before the table ends */
	assert_string_equal(w.data, "情况汇总 summary\n一、进度\n");
	for (i = 1; i < 5; i++)
		vl_out_row(vo, lines[i]);
	assert_int_equal(vl_out_close(vo), VL_OK);
	assert_int_equal(fclose(f), 0);
	assert_string_equal(w.data, "情况汇总 summary\n一、进度\n  a b\n\n\n"
	    "末行\n");
	free(w.data);
}

/* ---- --excel ---------------------------------------------------------- */

static void
test_excel_dangerous(void **state)
{
	static const char *const yes[] = {
		"=1+1", "=HYPERLINK(\"http://x.example/\",\"点此\")", "+1+1",
		"+A1", "@SUM(A1)", "-x", "-", "+", "=", "-1+2", "-2-3",
		"\tfoo", "\t1", "\rfoo", "\r", "-cmd|' /C calc'!A0",
		NULL
	};
	static const char *const no[] = {
		"-120.00", "+5", "+1", "3.14", "0", "", "-0.05", "36940.00",
		"abc", "a=b", "1+1", "青山镇", " =1", "'=1", "5-", "2023-01-05",
		NULL
	};
	const char *const *s;

	(void)state;
	for (s = yes; *s; s++)
		if (!vl_excel_dangerous(*s))
			fail_msg("\"%s\" is not taken for a formula", *s);
	for (s = no; *s; s++)
		if (vl_excel_dangerous(*s))
			fail_msg("\"%s\" is taken for a formula", *s);
}

static void
test_excel(void **state)
{
	static const struct vl_col ec[] = {
		{"id", VL_COL_TEXT}, {"note", VL_COL_TEXT},
	};
	static const char *const er[][NCOLS] = {
		{"1", "=HYPERLINK(\"http://x\",\"y\")"},
		{"2", "+1+1"},
		{"3", "@SUM(A1)"},
		{"4", "-x"},
		{"5", "\tTAB"},
		{"6", "\rCR"},
		{"7", "-120.00"},
		{"8", "+5"},
		{"9", "3.14"},
		{"10", "123456789012"},
		{"11", "12345678901"},
		{"12", "007"},
		{"13", "0"},
		{"14", "two\nlines"},
		{"15", NULL},
	};
	struct vl_outopts o = {.format = VL_FMT_CSV, .excel = true};
	struct written w;

	(void)state;
	w = out(&o, 2, ec, er, sizeof er / sizeof er[0]);
	assert_string_equal(w.data,
	    "\xef\xbb\xbfid,note\r\n"
	    "1,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n"
	    "2,'+1+1\r\n"
	    "3,'@SUM(A1)\r\n"
	    "4,'-x\r\n"
	    "5,'\tTAB\r\n"
	    "6,\"'\rCR\"\r\n"
	    "7,-120.00\r\n"
	    "8,+5\r\n"
	    "9,3.14\r\n"
	    "10,'123456789012\r\n"
	    "11,12345678901\r\n"
	    "12,'007\r\n"
	    "13,0\r\n"
	    "14,\"two\nlines\"\r\n"
	    "15,\r\n");
	free(w.data);
	/* without --excel, all as it is */
	o.excel = false;
	w = out(&o, 2, ec, er, 5);
	assert_string_equal(w.data,
	    "id,note\n"
	    "1,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\n"
	    "2,+1+1\n"
	    "3,@SUM(A1)\n"
	    "4,-x\n"
	    "5,\"\tTAB\"\n");
	free(w.data);
}

/* ---- GB18030 ---------------------------------------------------------- */

static void
test_gb18030(void **state)
{
	struct vl_outopts o = {.format = VL_FMT_CSV, .excel = false};
	enum vl_format f[] = {VL_FMT_CSV, VL_FMT_JSON, VL_FMT_TABLE};
	struct written utf8, gb, want;
	size_t i;

	(void)state;
	for (i = 0; i < 3; i++) {
		o.format = f[i];
		o.encoding = NULL;
		utf8 = out(&o, NCOLS, cols, rows, NROWS);
		o.encoding = "gb18030";
		gb = out(&o, NCOLS, cols, rows, NROWS);
		want = gb18030(utf8.data, utf8.len);
		assert_int_equal(gb.len, want.len);
		assert_memory_equal(gb.data, want.data, want.len);
		/* it is not UTF-8 any more */
		assert_null(strstr(gb.data, "青山镇"));
		free(utf8.data);
		free(gb.data);
		free(want.data);
	}
	/* a spreadsheet in GB18030 gets CRLF, and no UTF-8 BOM */
	o.format = VL_FMT_CSV;
	o.excel = true;
	gb = out(&o, NCOLS, cols, rows, 1);
	want = gb18030("id,town,budget,area\r\nP01,青山镇,36940.00,120\r\n",
	    strlen("id,town,budget,area\r\nP01,青山镇,36940.00,120\r\n"));
	assert_int_equal(gb.len, want.len);
	assert_memory_equal(gb.data, want.data, want.len);
	free(gb.data);
	free(want.data);
}

/* ---- many rows at once (vl_out_rows) ----------------------------------- */

/* row i: its number, a town quoted now and then, a NULL now and then;
 * made in the scratch of the thread making it */
struct row_scratch {
	char id[32], town[64];
	long made;
};
static long rows_done, rows_made;	/* scratches given back, the rows
					 * they made */

static void
fill_row(const void *ctx, size_t i, const char **v, void *scratch)
{
	struct row_scratch *sc = scratch;
	const char *const *towns = ctx;

	snprintf(sc->id, sizeof sc->id, "P%06zu", i);
	snprintf(sc->town, sizeof sc->town, "%s%zu", towns[i % 4], i % 7);
	v[0] = sc->id;
	v[1] = sc->town;
	v[2] = i % 3 ? "36940.00" : "-0.05";
	v[3] = i % 5 ? "120" : NULL;
	sc->made++;
}

/* a page's line i: the row's id alone */
static void
fill_line(const void *ctx, size_t i, const char **v, void *scratch)
{
	const char *row[NCOLS];

	fill_row(ctx, i, row, scratch);
	v[0] = row[0];
}

static void
done_row(void *scratch)
{
	struct row_scratch *sc = scratch;

	rows_made += sc->made;
	rows_done++;
}

/* n rows by vl_out_rows with threads (VL_THREADS), as bytes: of cols,
 * or of a page's one column with ncols 1 */
static struct written
out_rows(const struct vl_outopts *o, size_t ncols, size_t n,
    const char *threads)
{
	static const char *const towns[] = {"青山镇", "大坝镇, 东",
	    "say \"hi\"", " 前后空格 "};
	static const struct vl_col page = {"一页 a page", VL_COL_TEXT};
	struct written w = {NULL, 0};
	FILE *f = open_memstream(&w.data, &w.len);
	struct vl_out *vo;

	assert_non_null(f);
	assert_int_equal(setenv("VL_THREADS", threads, 1), 0);
	vo = vl_out_open(f, o, ncols, ncols == 1 ? &page : cols);
	vl_out_rows(vo, &(struct vl_rows){n, ncols == 1 ? fill_line :
	    fill_row, done_row, towns, sizeof(struct row_scratch)});
	assert_int_equal(vl_out_close(vo), VL_OK);
	assert_int_equal(fclose(f), 0);
	unsetenv("VL_THREADS");
	return w;
}

/* Rows made by two threads, a block's halves each, are the rows made
 * one by one, in order, in every format and a page: a few (one thread),
 * and past two blocks and a half (16384 rows a block). */
static void
test_rows(void **state)
{
	const enum vl_format formats[] = {VL_FMT_CSV, VL_FMT_JSON,
	    VL_FMT_TABLE, VL_FMT_TABLE};
	const size_t sizes[] = {0, 3, 4096, 40000};
	size_t f, k, lines, ncols;
	struct written one, two;
	char *p;

	(void)state;
	for (f = 0; f < sizeof formats / sizeof formats[0]; f++) {
		for (k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
			struct vl_outopts o = {.format = formats[f],
			    .excel = f == 0 && k == 3};

			ncols = f == 3 ? 1 : NCOLS;	/* a page */
			rows_done = rows_made = 0;
			one = out_rows(&o, ncols, sizes[k], "1");
			assert_int_equal(rows_done, 1);
			assert_int_equal(rows_made, sizes[k]);
			rows_done = rows_made = 0;
			two = out_rows(&o, ncols, sizes[k], "2");
			assert_int_equal(one.len, two.len);
			assert_memory_equal(one.data, two.data, one.len);
			/* a scratch a thread, each given back; each row made
			 * once */
			assert_int_equal(rows_done, (f == 0 || f == 3) &&
			    sizes[k] >= 4096 && !o.excel ? 2 : 1);
			assert_int_equal(rows_made, sizes[k]);
			if (formats[f] == VL_FMT_CSV && !o.excel) {
				for (lines = 0, p = two.data; (p = strchr(p,
				    '\n')); p++)
					lines++;
				assert_int_equal(lines, 1 + sizes[k]);
			}
			if (formats[f] == VL_FMT_CSV && !o.excel &&
			    sizes[k] == 40000) {	/* across the blocks */
				p = strstr(two.data, "\nP016383,\" 前后空格 "
				    "3\",-0.05,120\nP016384,青山镇4,36940.00,"
				    "120\n");
				assert_non_null(p);
				assert_non_null(strstr(p, "\nP039999,\" 前后空格 "
				    "1\",-0.05,120\n"));
			}
			if (f == 3 && sizes[k] == 40000) {	/* its one column */
				lines = 0;
				for (p = two.data; (p = strchr(p, '\n')); p++)
					lines++;
				assert_int_equal(lines, 1 + sizes[k]);
				assert_non_null(strstr(two.data, "\nP016383\n"
				    "P016384\n"));
			}
			free(one.data);
			free(two.data);
		}
	}
}

/* a full disk is a system fault, not a quiet exit 0 */
static void
test_write_fails(void **state)
{
	struct vl_outopts o = {.format = VL_FMT_CSV, .excel = false};
	FILE *f = fopen("/dev/full", "w");
	struct vl_out *vo;
	int saved, null, status;

	(void)state;
	if (!f)
		skip();
	saved = dup(2);
	null = open("/dev/null", O_WRONLY);
	assert_true(saved >= 0 && null >= 0);
	fflush(stderr);
	dup2(null, 2);
	close(null);
	vo = vl_out_open(f, &o, NCOLS, cols);
	vl_out_row(vo, rows[0]);
	status = vl_out_close(vo);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	fclose(f);
	assert_int_equal(status, VL_SYSFAULT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format_parse),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_text_width),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_table_one_column),
		cmocka_unit_test(test_excel_dangerous),
		cmocka_unit_test(test_excel),
		cmocka_unit_test(test_gb18030),
		cmocka_unit_test(test_write_fails),
		cmocka_unit_test(test_rows),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
