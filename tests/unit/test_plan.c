/*
 * test_plan.c - plan.json: the SPEC's example loads to the fen, and every
 * kind of mistake a clerk can make in it is refused with its place named.
 */
#include <stdarg.h>
#include <fcntl.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "vl.h"

/* the example of SPEC 3, as a clerk would save it */
static const char example[] =
    "{\n"
    "  \"name\": \"村级组织活动场所建设(第一批)\",\n"
    "  \"villages\": 50,\n"
    "  \"start_by\": \"2022-12-31\",\n"
    "  \"complete_by\": \"2023-05-31\",\n"
    "  \"total\": \"184.7万\",\n"
    "  \"funding\": [\n"
    "    {\"name\": \"中央、自治区、市\", \"levels\": [\"central\", "
    "\"region\", \"city\"], \"amount\": \"168.46万\"},\n"
    "    {\"name\": \"区\", \"levels\": [\"district\"], \"amount\": "
    "\"16.24万\"}\n"
    "  ],\n"
    "  \"purposes\": [\"construction\", \"equipment\"]\n"
    "}\n";

static char dir[] = "/tmp/vl-test-plan.XXXXXX";
static char path[64];

static int
setup(void **state)
{
	(void)state;
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof path, "%s/plan.json", dir);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	unlink(path);
	return rmdir(dir);
}

static void
write_plan(const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

/* text with its one occurrence of from replaced by to, malloc'd */
static char *
replace(const char *text, const char *from, const char *to)
{
	struct vl_buf b = {0};
	const char *at = strstr(text, from);

	assert_non_null(at);
	assert_null(strstr(at + 1, from));
	vl_buf_add(&b, text, (size_t)(at - text));
	vl_buf_puts(&b, to);
	vl_buf_puts(&b, at + strlen(from));
	return b.data;
}

static char *
example_with(const char *from, const char *to)
{
	return replace(example, from, to);
}

struct loaded {
	int status;
	long errors;
	char *err;
};

/* vl_plan_load on text with stderr captured; the plan is freed */
static struct loaded
load(const char *text)
{
	struct vl_plan p;
	struct loaded l;
	long before = vl_error_count();
	FILE *tmp = tmpfile();
	struct vl_buf b = {0};
	char block[4096];
	size_t n;
	int saved;

	if (text)
		write_plan(text);
	assert_non_null(tmp);
	fflush(stderr);
	saved = dup(2);
	assert_true(saved >= 0 && dup2(fileno(tmp), 2) >= 0);
	l.status = vl_plan_load(path, "plan.json", &p);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	vl_plan_free(&p);
	l.errors = vl_error_count() - before;
	rewind(tmp);
	vl_buf_add(&b, "", 0);
	while ((n = fread(block, 1, sizeof block, tmp)) > 0)
		vl_buf_add(&b, block, n);
	fclose(tmp);
	l.err = b.data;
	return l;
}

/* text is refused with exactly these messages, one a line */
static void
refused(const char *text, const char *want)
{
	struct loaded l = load(text);
	long lines = 0;
	const char *s;

	for (s = want; *s; s++)
		lines += *s == '\n';
	assert_int_equal(l.status, VL_BADINPUT);
	assert_string_equal(l.err, want);
	assert_int_equal(l.errors, lines);
	free(l.err);
}

/* the example with from replaced by to is refused so */
static void
refused_with(const char *from, const char *to, const char *want)
{
	char *text = example_with(from, to);

	refused(text, want);
	free(text);
}

static void
test_example(void **state)
{
	struct vl_plan p;
	const char *why;
	vl_date d;

	(void)state;
	write_plan(example);
	assert_int_equal(vl_plan_load(path, "plan.json", &p), VL_OK);
	assert_string_equal(p.name, "村级组织活动场所建设(第一批)");
	assert_int_equal(p.villages, 50);
	assert_int_equal(vl_date_parse("2022-12-31", &d, &why), 0);
	assert_int_equal(p.start_by, d);
	assert_int_equal(vl_date_parse("2023-05-31", &d, &why), 0);
	assert_int_equal(p.complete_by, d);
	assert_int_equal(p.total, 184700000);
	assert_int_equal(p.nfunding, 2);
	assert_string_equal(p.funding[0].name, "中央、自治区、市");
	assert_int_equal(p.funding[0].amount, 168460000);
	assert_int_equal(p.funding[0].nlevels, 3);
	assert_string_equal(p.funding[0].levels[0], "central");
	assert_string_equal(p.funding[0].levels[1], "region");
	assert_string_equal(p.funding[0].levels[2], "city");
	assert_string_equal(p.funding[1].name, "区");
	assert_int_equal(p.funding[1].amount, 16240000);
	assert_int_equal(p.funding[1].nlevels, 1);
	assert_string_equal(p.funding[1].levels[0], "district");
	/* the lines add up to the total, to the fen */
	assert_int_equal(p.funding[0].amount + p.funding[1].amount, p.total);
	assert_int_equal(p.npurposes, 2);
	assert_string_equal(p.purposes[0], "construction");
	assert_string_equal(p.purposes[1], "equipment");

	assert_int_equal(vl_plan_funding_of(&p, "central"), 0);
	assert_int_equal(vl_plan_funding_of(&p, "region"), 0);
	assert_int_equal(vl_plan_funding_of(&p, "city"), 0);
	assert_int_equal(vl_plan_funding_of(&p, "district"), 1);
	assert_int_equal(vl_plan_funding_of(&p, "town"), -1);
	assert_int_equal(vl_plan_funding_of(&p, ""), -1);
	assert_int_equal(vl_plan_funding_of(&p, "City"), -1);
	assert_true(vl_plan_has_purpose(&p, "construction"));
	assert_true(vl_plan_has_purpose(&p, "equipment"));
	assert_false(vl_plan_has_purpose(&p, "banquet"));
	assert_false(vl_plan_has_purpose(&p, ""));
	assert_false(vl_plan_has_purpose(&p, "Construction"));
	vl_plan_free(&p);
	assert_null(p.funding);
	assert_int_equal(p.nfunding, 0);
	assert_int_equal(p.npurposes, 0);
	/* an empty plan answers no, not crashes */
	assert_false(vl_plan_has_purpose(&p, "construction"));
	assert_int_equal(vl_plan_funding_of(&p, "city"), -1);
}

/* amounts in all the accepted forms; another layout of the same JSON */
static void
test_other_forms(void **state)
{
	struct vl_plan p;
	char *a = example_with("\"184.7万\"", "\"1,847,000.00\""), *b;

	(void)state;
	b = example_with("\"16.24万\"", "\"162400\"");
	write_plan(a);
	assert_int_equal(vl_plan_load(path, "plan.json", &p), VL_OK);
	assert_int_equal(p.total, 184700000);
	vl_plan_free(&p);
	write_plan(b);
	assert_int_equal(vl_plan_load(path, "plan.json", &p), VL_OK);
	assert_int_equal(p.funding[1].amount, 16240000);
	vl_plan_free(&p);
	write_plan("{\"purposes\":[\"construction\"],\"funding\":[{\"amount\":"
	    "\"1\",\"levels\":[\"city\"],\"name\":\"x\"}],\"total\":\"1.00\","
	    "\"complete_by\":\"2024-02-29\",\"start_by\":\"2024-01-01\","
	    "\"villages\":1,\"name\":\"\"}");
	assert_int_equal(vl_plan_load(path, "plan.json", &p), VL_OK);
	assert_int_equal(p.total, 100);
	assert_int_equal(p.villages, 1);
	assert_int_equal(p.complete_by - p.start_by, 59);
	vl_plan_free(&p);
	free(a);
	free(b);
}

static void
test_duplicate_key(void **state)
{
	char *text = example_with("  \"total\": \"184.7万\",\n",
	    "  \"total\": \"184.7万\",\n  \"total\": \"1847万\",\n");
	struct loaded l;

	(void)state;
	l = load(text);
	assert_int_equal(l.status, VL_BADINPUT);
	assert_int_equal(l.errors, 1);
	/* jansson names the line of the second one */
	assert_non_null(strstr(l.err, "vl: plan.json:7: column "));
	assert_non_null(strstr(l.err, "duplicate object key"));
	free(l.err);
	free(text);
	/* in a funding line too */
	text = example_with("\"amount\": \"16.24万\"",
	    "\"amount\": \"16.24万\", \"amount\": \"16.24万\"");
	l = load(text);
	assert_int_equal(l.status, VL_BADINPUT);
	assert_non_null(strstr(l.err, "vl: plan.json:9: column "));
	assert_non_null(strstr(l.err, "duplicate object key"));
	free(l.err);
	free(text);
}

static void
test_unknown_key(void **state)
{
	(void)state;
	refused_with("\"villages\"", "\"vilages\"",
	    "vl: plan.json:3: unknown key \"vilages\"\n"
	    "vl: plan.json: villages: must be a whole number\n");
	refused_with("  \"total\"", "  \"note\": \"x\",\n  \"total\"",
	    "vl: plan.json:6: unknown key \"note\"\n");
	refused_with("\"name\": \"区\"", "\"name\": \"区\", \"amt\": \"1\"",
	    "vl: plan.json:9: funding[1]: unknown key \"amt\"\n");
}

static void
test_amount_number(void **state)
{
	struct loaded l;
	char *one, *both;

	(void)state;
	refused_with("\"amount\": \"168.46万\"", "\"amount\": 1684600",
	    "vl: plan.json:8: funding[0].amount: must be a string (write "
	    "amounts as \"184.7万\", never as JSON numbers)\n");
	refused_with("\"total\": \"184.7万\"", "\"total\": 1847000.00",
	    "vl: plan.json:6: total: must be a string (write amounts as "
	    "\"184.7万\", never as JSON numbers)\n");
	/* both at once: every problem is reported */
	one = example_with("\"total\": \"184.7万\"", "\"total\": 1847000");
	both = replace(one, "\"16.24万\"", "162400");
	l = load(both);
	assert_int_equal(l.status, VL_BADINPUT);
	assert_int_equal(l.errors, 2);
	assert_non_null(strstr(l.err, "total: must be a string"));
	assert_non_null(strstr(l.err, "funding[1].amount: must be a string"));
	free(l.err);
	free(one);
	free(both);
}

static void
test_bad_values(void **state)
{
	(void)state;
	refused_with("2023-05-31", "2023-02-29",
	    "vl: plan.json:5: complete_by: no such day: \"2023-02-29\"\n");
	refused_with("2022-12-31", "2022/12/31",
	    "vl: plan.json:4: start_by: not a YYYY-MM-DD date: \"2022/12/31\"\n");
	refused_with("\"184.7万\"", "\"1.234\"",
	    "vl: plan.json:6: total: more than 2 decimals: \"1.234\"\n");
	refused_with("\"168.46万\"", "\"lots\"",
	    "vl: plan.json:8: funding[0].amount: not an amount: \"lots\"\n");
	refused_with("\"district\"", "\"town\"",
	    "vl: plan.json:9: funding[1].levels: unknown level \"town\" "
	    "(central, region, city, district)\n");
	refused_with("\"villages\": 50", "\"villages\": -1",
	    "vl: plan.json:3: villages: must be a whole number\n");
	refused_with("\"villages\": 50", "\"villages\": \"50\"",
	    "vl: plan.json:3: villages: must be a whole number\n");
	refused_with("[\"construction\", \"equipment\"]", "[]",
	    "vl: plan.json:11: purposes: must be a non-empty array of strings\n");
	refused_with("\"equipment\"", "\"\"",
	    "vl: plan.json:11: purposes: must hold only non-empty strings\n");
	refused_with("[\"district\"]", "\"district\"",
	    "vl: plan.json:9: funding[1].levels: must be a non-empty array of "
	    "strings\n");
	refused_with("  \"start_by\": \"2022-12-31\",\n", "",
	    "vl: plan.json: start_by: missing\n");
	refused("[]\n", "vl: plan.json: the plan must be a JSON object\n");
	/* what a plan must say to be a programme at all */
	refused_with("\"villages\": 50", "\"villages\": 0",
	    "vl: plan.json:3: villages: must be at least 1 (the villages the "
	    "programme builds in)\n");
	refused_with("2023-05-31", "2022-12-31",
	    "vl: plan.json:5: complete_by: 2022-12-31 must be after start_by "
	    "2022-12-31\n");
	refused_with("2023-05-31", "2022-11-30",
	    "vl: plan.json:5: complete_by: 2022-11-30 must be after start_by "
	    "2022-12-31\n");
	refused_with("\"184.7万\"", "\"0\"",
	    "vl: plan.json:6: total: must be above zero\n");
	refused_with("\"184.7万\"", "\"-1\"",
	    "vl: plan.json:6: total: must be above zero\n");
}

/* Every problem of a plan in one run, each at its line: those of what a
 * plan must say to be a programme too, beside the others; a value found
 * bad is not judged again (a total that is no string is not "not above
 * zero" as well). */
static void
test_every_problem(void **state)
{
	char *a = example_with("\"villages\": 50", "\"villages\": 0");
	char *b = replace(a, "\"2023-05-31\"", "\"2022-01-01\"");
	char *c = replace(b, "\"district\"]", "\"moon\"]");
	char *d = replace(c, "  \"total\"", "  \"foo\": 1,\n  \"total\"");

	(void)state;
	refused(d, "vl: plan.json:6: unknown key \"foo\"\n"
	    "vl: plan.json:10: funding[1].levels: unknown level \"moon\" "
	    "(central, region, city, district)\n"
	    "vl: plan.json:5: complete_by: 2022-01-01 must be after start_by "
	    "2022-12-31\n"
	    "vl: plan.json:3: villages: must be at least 1 (the villages the "
	    "programme builds in)\n");
	free(a), free(b), free(c), free(d);
	refused_with("\"184.7万\"", "-5",
	    "vl: plan.json:6: total: must be a string (write amounts as "
	    "\"184.7万\", never as JSON numbers)\n");
}

/* A hostile plan of thousands of funding lines of one level: each line
 * said once ("in funding[0] already"), not once for every line before
 * it (millions of messages, minutes); places past the first values
 * said without a line. */
static void
test_many_lines(void **state)
{
	struct vl_buf t = {0};
	struct loaded l;
	size_t i, n = 5000;

	(void)state;
	vl_buf_puts(&t, "{\"name\": \"x\", \"villages\": 1, \"start_by\": "
	    "\"2023-01-01\", \"complete_by\": \"2023-02-01\", \"total\": "
	    "\"1\", \"purposes\": [\"a\"], \"funding\": [\n");
	for (i = 0; i < n; i++)
		vl_buf_printf(&t, "%s{\"name\": \"n%zu\", \"levels\": "
		    "[\"central\"], \"amount\": \"1\"}\n", i ? "," : "", i);
	vl_buf_puts(&t, "]}\n");
	l = load(t.data);
	assert_int_equal(l.status, VL_BADINPUT);
	assert_int_equal(l.errors, (long)n - 1);
	assert_non_null(strstr(l.err, "vl: plan.json:3: funding[1].levels: "
	    "\"central\" is in funding[0] already"));
	assert_non_null(strstr(l.err, "vl: plan.json: funding[4999].levels: "
	    "\"central\" is in funding[0] already"));
	free(l.err);
	vl_buf_free(&t);
}

/* The template vl-add init writes loads (a new register can be read),
 * known for what it is; a plan is not one. */
static void
test_template(void **state)
{
	const char *share = getenv("SHARE");
	char file[4096], *text;
	struct vl_plan p;

	(void)state;
	snprintf(file, sizeof file, "%s/plan-template.json", share ? share :
	    "share");
	assert_int_equal(vl_plan_load(file, "plan.json", &p), VL_OK);
	assert_true(p.placeholder);
	vl_plan_free(&p);
	text = example_with("\"2022-12-31\"", "\"2022-12-30\"");
	write_plan(text);
	free(text);
	assert_int_equal(vl_plan_load(path, "plan.json", &p), VL_OK);
	assert_false(p.placeholder);
	vl_plan_free(&p);
}

static void
test_invalid_json(void **state)
{
	struct loaded l;
	char *text;

	(void)state;
	/* a comma forgotten at the end of line 4 */
	text = example_with("\"2022-12-31\",", "\"2022-12-31\"");
	l = load(text);
	assert_int_equal(l.status, VL_BADINPUT);
	assert_int_equal(l.errors, 1);
	assert_non_null(strstr(l.err, "vl: plan.json:5: column "));
	free(l.err);
	free(text);
	/* cut short */
	text = vl_xstrdup(example);
	text[100] = '\0';
	l = load(text);
	assert_int_equal(l.status, VL_BADINPUT);
	assert_non_null(strstr(l.err, "vl: plan.json:"));
	free(l.err);
	free(text);
	l = load("");
	assert_int_equal(l.status, VL_BADINPUT);
	assert_int_equal(l.errors, 1);
	free(l.err);
}

static void
test_missing_file(void **state)
{
	struct loaded l;

	(void)state;
	unlink(path);
	l = load(NULL);
	assert_int_equal(l.status, VL_BADINPUT);
	assert_int_equal(l.errors, 1);
	assert_string_equal(l.err, "vl: plan.json: cannot open: No such file "
	    "or directory\n");
	free(l.err);
}

/* The walk that looks for control characters after jansson took the
 * text never reads past it, whatever it ends with: every prefix of a
 * plan with a NUL byte after a number (found by fuzz_plan), each in a
 * buffer of exactly its size, so that ASan sees a byte too far. */
static void
test_text_cut_anywhere(void **state)
{
	static const char text[] = "{\"namges\":2\0,\"tot7ses\":[]}"
	    "{\"name\":\"a\",\"villages\":[1,\0 2]}";
	struct vl_plan p;
	size_t n;
	char *buf;
	int saved, null = open("/dev/null", O_WRONLY), status;

	(void)state;
	fflush(stderr);
	saved = dup(2);
	assert_true(null >= 0 && saved >= 0 && dup2(null, 2) >= 0);
	for (n = 0; n <= sizeof text - 1; n++) {
		buf = malloc(n ? n : 1);
		assert_non_null(buf);
		memcpy(buf, text, n);
		status = vl_plan_load_mem(buf, n, "plan.json", &p);
		assert_true(status == VL_OK || status == VL_BADINPUT);
		vl_plan_free(&p);
		free(buf);
	}
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	close(null);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_example),
		cmocka_unit_test(test_other_forms),
		cmocka_unit_test(test_duplicate_key),
		cmocka_unit_test(test_unknown_key),
		cmocka_unit_test(test_amount_number),
		cmocka_unit_test(test_bad_values),
		cmocka_unit_test(test_every_problem),
		cmocka_unit_test(test_many_lines),
		cmocka_unit_test(test_template),
		cmocka_unit_test(test_invalid_json),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_text_cut_anywhere),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
