/*
 * test_money.c - the amount parser, formatter and checked arithmetic.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "vl.h"

static int64_t
parse_ok(const char *s)
{
	int64_t fen = 0;
	const char *why = NULL;

	if (vl_money_parse(s, &fen, &why) != 0)
		fail_msg("\"%s\" refused: %s", s, why);
	return fen;
}

/* s must be refused, *fen left alone, and the reason must be want */
static void
refused(const char *s, const char *want)
{
	int64_t fen = 4242;
	const char *why = NULL;

	if (vl_money_parse(s, &fen, &why) != -1)
		fail_msg("\"%s\" accepted as %lld fen", s, (long long)fen);
	assert_int_equal(fen, 4242);
	assert_non_null(why);
	if (want != NULL)
		assert_string_equal(why, want);
}

static void
same_fen(const char *s, int64_t want)
{
	int64_t got = parse_ok(s);

	if (got != want)
		fail_msg("\"%s\": %lld fen, want %lld", s, (long long)got,
		    (long long)want);
}

static void
test_accepted_forms(void **state)
{
	(void)state;
	same_fen("36940", 3694000);
	same_fen("36940.5", 3694050);
	same_fen("36940.50", 3694050);
	same_fen("-120.00", -12000);
	same_fen("+120", 12000);
	same_fen("3.694万", 3694000);
	same_fen("168.46万", 168460000);
	same_fen("1万", 1000000);
	same_fen("0.000001万", 1);
	same_fen("-0.5万", -500000);
	same_fen("36,940.00", 3694000);
	same_fen("1,847,000.00", 184700000);
	same_fen("1,234.5万", 1234500000);
	same_fen("123,456", 12345600);
	same_fen("007", 700);
	same_fen("0", 0);
	same_fen("-0", 0);
	same_fen("-0.00", 0);
	same_fen("0.05", 5);
	same_fen("  12.30  ", 1230);
	same_fen(" -1 ", -100);
}

static void
test_refused_forms(void **state)
{
	(void)state;
	refused("", "empty amount");
	refused("   ", "empty amount");
	refused(NULL, "empty amount");
	refused("1.234", "more than 2 decimals");
	refused("1.2345678万", "more than 6 decimals of 万");
	refused("1e5", "not an amount");
	refused("abc", "not an amount");
	refused("12.", "not an amount");
	refused(".5", "not an amount");
	refused("--1", "not an amount");
	refused("+-1", "not an amount");
	refused("-", "not an amount");
	refused("+", "not an amount");
	refused("1 2", "not an amount");
	refused("- 1", "not an amount");
	refused("0x10", "not an amount");
	refused("万", "not an amount");
	refused("3.694 万", "not an amount");
	refused("3.694万万", "not an amount");
	refused("12元", "not an amount");
	refused("1.2.3", "not an amount");
	refused("\t1", "not an amount");
	/* full-width digits: U+FF11 U+FF12 */
	refused("\xef\xbc\x91\xef\xbc\x92", "not an amount");
	refused("12,34", "misplaced thousands separator");
	refused("1,2345", "misplaced thousands separator");
	refused(",123", "misplaced thousands separator");
	refused("1234,567", "misplaced thousands separator");
	refused("1,,234", "misplaced thousands separator");
	refused("1,", "misplaced thousands separator");
	refused("1,234.567,8", "misplaced thousands separator");
	refused("1.5,", "misplaced thousands separator");
}

static void
test_edges(void **state)
{
	(void)state;
	same_fen("92233720368547758.07", INT64_MAX);
	same_fen("-92233720368547758.08", INT64_MIN);
	same_fen("92,233,720,368,547,758.07", INT64_MAX);
	same_fen("9223372036854.775807万", INT64_MAX);
	same_fen("-9223372036854.775808万", INT64_MIN);
	same_fen("0000000000000000000000000092233720368547758.07", INT64_MAX);
	refused("92233720368547758.08", "out of range");
	refused("-92233720368547758.09", "out of range");
	refused("92233720368547759", "out of range");
	refused("9223372036854.775808万", "out of range");
	refused("-9223372036854.775809万", "out of range");
	/* past the uint64_t range too, where a wrap could look small */
	refused("184467440737095516.16", "out of range");
	refused("1844674407370955161600", "out of range");
	refused("99999999999999999999999999999999", "out of range");
	/* the common shape is read by a shorter way: up to 16 digits, then
	 * the full walk; both must agree at the seam */
	same_fen("9999999999999999.99", 999999999999999999);
	same_fen("9999999999999999", 999999999999999900);
	same_fen("12345678901234567.89", 1234567890123456789);
	same_fen("0000000000000000.01", 1);
	same_fen("007.50", 750);
	same_fen("1.2 ", 120);
	refused("99999999999999999.99", "out of range");
	refused("12.5x", "not an amount");
	refused("12.3.", "not an amount");
	refused("12.345", "more than 2 decimals");
}

static void
test_format(void **state)
{
	char buf[VL_MONEY_BUFSZ];

	(void)state;
	assert_string_equal(vl_money_format(184700000, buf), "1847000.00");
	assert_string_equal(vl_money_format(-12000, buf), "-120.00");
	assert_string_equal(vl_money_format(0, buf), "0.00");
	assert_string_equal(vl_money_format(-5, buf), "-0.05");
	assert_string_equal(vl_money_format(5, buf), "0.05");
	assert_string_equal(vl_money_format(-100, buf), "-1.00");
	assert_string_equal(vl_money_format(3694050, buf), "36940.50");
	assert_string_equal(vl_money_format(INT64_MAX, buf),
	    "92233720368547758.07");
	assert_string_equal(vl_money_format(INT64_MIN, buf),
	    "-92233720368547758.08");
	assert_ptr_equal(vl_money_format(1, buf), buf);
}

/* format then parse gives the same fen back */
static void
test_round_trip(void **state)
{
	static const int64_t v[] = {
		0, 1, -1, 99, -99, 100, 123456789, -987654321,
		INT64_MAX, INT64_MIN, INT64_MAX - 1, INT64_MIN + 1
	};
	char buf[VL_MONEY_BUFSZ];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		assert_int_equal(parse_ok(vl_money_format(v[i], buf)), v[i]);
}

static void
test_wan_3694(void **state)
{
	char buf[VL_MONEY_BUFSZ];
	int64_t fen = parse_ok("3.694万");

	(void)state;
	assert_int_equal(fen, 3694000);
	assert_string_equal(vl_money_format(fen, buf), "36940.00");
}

/* the plan's funding lines add up to its total to the fen */
static void
test_plan_total(void **state)
{
	char buf[VL_MONEY_BUFSZ];
	int64_t a, b, total, sum = 0;

	(void)state;
	a = parse_ok("168.46万");
	b = parse_ok("16.24万");
	total = parse_ok("184.7万");
	assert_true(vl_money_add(a, b, &sum));
	assert_int_equal(sum, total);
	assert_string_equal(vl_money_format(sum, buf), "1847000.00");
}

/* the sum a binary float gets wrong */
static void
test_dimes(void **state)
{
	char buf[VL_MONEY_BUFSZ];
	int64_t dime, sum = 0;
	long i;

	(void)state;
	dime = parse_ok("0.10");
	for (i = 0; i < 100000; i++)
		assert_true(vl_money_add(sum, dime, &sum));
	assert_int_equal(sum, parse_ok("10000.00"));
	assert_string_equal(vl_money_format(sum, buf), "10000.00");
}

static void
test_arith(void **state)
{
	int64_t r;

	(void)state;
	assert_true(vl_money_add(2, 3, &r));
	assert_int_equal(r, 5);
	assert_true(vl_money_sub(2, 3, &r));
	assert_int_equal(r, -1);
	assert_true(vl_money_add(INT64_MAX, 0, &r));
	assert_int_equal(r, INT64_MAX);
	assert_true(vl_money_sub(-1, INT64_MAX, &r));
	assert_int_equal(r, INT64_MIN);
}

static void
test_overflow(void **state)
{
	int64_t r = 77;

	(void)state;
	assert_false(vl_money_add(INT64_MAX, 1, &r));
	assert_false(vl_money_add(INT64_MIN, -1, &r));
	assert_false(vl_money_sub(INT64_MIN, 1, &r));
	assert_false(vl_money_sub(0, INT64_MIN, &r));
	assert_false(vl_money_sub(INT64_MAX, -1, &r));
	/* a failed operation leaves the result alone */
	assert_int_equal(r, 77);
}

/* the gap in words: an amount only where one is exact, never a
 * negation that wrapped */
static void
test_gap(void **state)
{
	char g[VL_GAP_BUFSZ];

	(void)state;
	assert_string_equal(vl_money_gap(184700000, 184660000, g),
	    "short by 400.00");
	assert_string_equal(vl_money_gap(0, 1, g), "over by 0.01");
	assert_string_equal(vl_money_gap(0, INT64_MIN + 1, g),
	    "short by 92233720368547758.07");
	assert_string_equal(vl_money_gap(0, INT64_MIN, g), "short");
	assert_string_equal(vl_money_gap(-1, INT64_MAX, g), "over");
	assert_string_equal(vl_money_gap(1, INT64_MIN, g), "short");
	assert_string_equal(vl_money_gap(-1, INT64_MAX - 1, g),
	    "over by 92233720368547758.07");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_accepted_forms),
		cmocka_unit_test(test_refused_forms),
		cmocka_unit_test(test_edges),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_wan_3694),
		cmocka_unit_test(test_plan_total),
		cmocka_unit_test(test_dimes),
		cmocka_unit_test(test_arith),
		cmocka_unit_test(test_overflow),
		cmocka_unit_test(test_gap),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
