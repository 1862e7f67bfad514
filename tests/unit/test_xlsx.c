/*
 * test_xlsx.c - workbooks through libxlsxwriter and -o files: written
 * whole or not at all, nothing left beside them.  What the cells hold is
 * read back with openpyxl by tests/cli/xlsx_*.sh.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "vl.h"
#include "io/output_priv.h"

static const struct vl_col cols[] = {
	{"id", VL_COL_TEXT}, {"count", VL_COL_INT},
	{"amount", VL_COL_MONEY}, {"due", VL_COL_DATE},
};
#define NCOLS (sizeof cols / sizeof cols[0])

static const char *const rows[][NCOLS] = {
	{"P01", "12", "36940.00", "2023-06-15"},
	{"=HYPERLINK(\"x\")", "007", "10000000000000.00", "1899-12-31"},
	{"@SUM(A1)", "-3", "-0.07", ""},
	{NULL, "1e3", "n/a", "2023-02-29"},
};
#define NROWS (sizeof rows / sizeof rows[0])

static char dir[] = "/tmp/test_xlsx.XXXXXX";

/* the names in dir, sorted, one a line */
static char *
listing(void)
{
	struct vl_buf b = {0};
	struct dirent **e;
	int n, i;

	n = scandir(dir, &e, NULL, alphasort);
	assert_true(n >= 0);
	vl_buf_puts(&b, "");
	for (i = 0; i < n; i++) {
		if (strcmp(e[i]->d_name, ".") != 0 &&
		    strcmp(e[i]->d_name, "..") != 0)
			vl_buf_printf(&b, "%s\n", e[i]->d_name);
		free(e[i]);
	}
	free(e);
	return b.data;
}

static char *
path(const char *name)
{
	struct vl_buf b = {0};

	vl_buf_printf(&b, "%s/%s", dir, name);
	return b.data;
}

static void
clean(void)
{
	char *l = listing(), *name, *save = NULL, *p;

	for (name = strtok_r(l, "\n", &save); name;
	    name = strtok_r(NULL, "\n", &save)) {
		p = path(name);
		unlink(p);
		free(p);
	}
	free(l);
}

/* stderr to /dev/null while f runs; its warnings are expected */
static int
quietly(int (*f)(void *), void *arg)
{
	int saved = dup(2), null = open("/dev/null", O_WRONLY), status;

	fflush(stderr);
	dup2(null, 2);
	close(null);
	status = f(arg);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	return status;
}

static void
test_names(void **state)
{
	char buf[VL_SHEET_BUFSZ];
	enum vl_format f;

	(void)state;
	assert_string_equal(vl_sheet_name(buf, "逾期清单",
	    vl_date_from_ymd(2023, 6, 15)), "逾期清单 2023-06-15");
	assert_string_equal(vl_sheet_name(buf, "资金", VL_NODATE), "资金");
	assert_int_equal(vl_format_parse("xlsx", &f), 0);
	assert_int_equal(f, VL_FMT_XLSX);
	assert_int_equal(vl_format_parse("xls", &f), -1);
}

/* Sheets with names Excel would refuse as they stand, cells of every
 * type at their edges: written, and only the workbook is left. */
static void
test_workbook(void **state)
{
	static const char *const names[] = {"逾期清单 2023-06-15",
	    "逾期清单 2023-06-15", "a[b]c:d*e?f/g\\h", "'quoted'", "",
	    "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三",
	    "逾期清单 2023-06-15"};
	char *book = path("book.xlsx"), *l, head[2];
	struct vl_workbook *wb;
	struct vl_out *o;
	size_t i, r;
	FILE *f;

	(void)state;
	wb = vl_workbook_open(book);
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		o = vl_out_open_sheet(wb, names[i], NULL, NCOLS, cols);
		for (r = 0; r < NROWS; r++)
			vl_out_row(o, rows[r]);
		assert_int_equal(vl_out_close(o), VL_OK);
	}
	l = listing();
	assert_non_null(strstr(l, ".book.xlsx.vl-"));	/* being built */
	free(l);
	assert_int_equal(vl_workbook_close(wb), VL_OK);
	l = listing();
	assert_string_equal(l, "book.xlsx\n");
	free(l);
	assert_non_null(f = fopen(book, "rb"));
	assert_int_equal(fread(head, 1, 2, f), 2);
	assert_memory_equal(head, "PK", 2);
	fclose(f);
	clean();
	free(book);
}

static int
too_many(void *arg)
{
	struct vl_outopts opts = {.format = VL_FMT_XLSX};
	const char *v[NCOLS] = {"x", "1", "1.00", "2023-01-01"};
	struct vl_out *o;
	long i;

	opts.output = arg;
	o = vl_out_open(stdout, &opts, NCOLS, cols);
	for (i = 0; i < 1048576; i++)	/* one more than a sheet holds */
		vl_out_row(o, v);
	return vl_out_close(o);
}

/* More rows than Excel's 1048576 (with the header): refused, no file. */
static void
test_too_many_rows(void **state)
{
	char *book = path("big.xlsx"), *l;

	(void)state;
	assert_int_equal(quietly(too_many, book), VL_BADINPUT);
	l = listing();
	assert_string_equal(l, "");
	free(l);
	free(book);
}

/* -o with a text format: the file whole, its temp file gone. */
static void
test_text_to_file(void **state)
{
	struct vl_outopts opts = {.format = VL_FMT_CSV};
	char *file = path("r.csv"), buf[512];
	struct vl_out *o;
	size_t n;
	FILE *f;
	char *l;

	(void)state;
	opts.output = file;
	o = vl_out_open(stdout, &opts, NCOLS, cols);
	vl_out_row(o, rows[0]);
	l = listing();
	assert_string_not_equal(l, "r.csv\n");	/* not there yet */
	free(l);
	assert_int_equal(vl_out_close(o), VL_OK);
	l = listing();
	assert_string_equal(l, "r.csv\n");
	free(l);
	assert_non_null(f = fopen(file, "r"));
	n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	assert_string_equal(buf, "id,count,amount,due\n"
	    "P01,12,36940.00,2023-06-15\n");
	clean();
	free(file);
}

static int
setup(void **state)
{
	(void)state;
	return mkdtemp(dir) ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	clean();
	return rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_workbook),
		cmocka_unit_test(test_too_many_rows),
		cmocka_unit_test(test_text_to_file),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
