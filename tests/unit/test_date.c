/*
 * test_date.c - the ISO date parser, formatter and "today".
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "vl.h"

static vl_date
parse_ok(const char *s)
{
	vl_date d = 0;
	const char *why = NULL;

	if (vl_date_parse(s, &d, &why) != 0)
		fail_msg("\"%s\" refused: %s", s, why);
	return d;
}

/* s must be refused, *d left alone, and the reason must be want */
static void
refused(const char *s, const char *want)
{
	vl_date d = 4242;
	const char *why = NULL;

	if (vl_date_parse(s, &d, &why) != -1)
		fail_msg("\"%s\" accepted as day %ld", s, (long)d);
	assert_int_equal(d, 4242);
	assert_non_null(why);
	assert_string_equal(why, want);
}

static void
test_known_days(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("1970-01-01"), 0);
	assert_int_equal(parse_ok("1970-01-02"), 1);
	assert_int_equal(parse_ok("1969-12-31"), -1);
	assert_int_equal(parse_ok("2000-03-01"), 11017);
	assert_int_equal(parse_ok("2022-12-31"), 19357);
	assert_int_equal(parse_ok("0001-01-01"), -719162);
	assert_int_equal(parse_ok("9999-12-31"), 2932896);
	assert_int_equal(vl_date_from_ymd(1970, 1, 1), 0);
	assert_int_equal(vl_date_from_ymd(2023, 5, 31), parse_ok("2023-05-31"));
}

static void
test_leap_years(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("2024-02-29") + 1, parse_ok("2024-03-01"));
	assert_int_equal(parse_ok("2000-02-29") + 1, parse_ok("2000-03-01"));
	assert_int_equal(parse_ok("2023-02-28") + 1, parse_ok("2023-03-01"));
	assert_int_equal(parse_ok("1900-02-28") + 1, parse_ok("1900-03-01"));
	assert_int_equal(parse_ok("2024-12-31") - parse_ok("2024-01-01"), 365);
	assert_int_equal(parse_ok("2023-12-31") - parse_ok("2023-01-01"), 364);
	refused("2023-02-29", "no such day");
	refused("1900-02-29", "no such day");
	refused("2100-02-29", "no such day");
	refused("2024-02-30", "no such day");
}

static void
test_refused(void **state)
{
	vl_date d = 4242;
	const char *why = NULL;

	(void)state;
	refused("0000-00-00", "year out of range");
	refused("0000-01-01", "year out of range");
	refused("2022-13-01", "month out of range");
	refused("2022-00-10", "month out of range");
	refused("2022-01-00", "no such day");
	refused("2022-01-32", "no such day");
	refused("2022-04-31", "no such day");
	refused("2022-1-5", "not a YYYY-MM-DD date");
	refused("2022/01/05", "not a YYYY-MM-DD date");
	refused(" 2022-01-01", "not a YYYY-MM-DD date");
	refused("2022-01-01 ", "not a YYYY-MM-DD date");
	refused("2022-01-01x", "not a YYYY-MM-DD date");
	refused("2022-01-01T00:00", "not a YYYY-MM-DD date");
	refused("2022-01-0", "not a YYYY-MM-DD date");
	refused("2022-01", "not a YYYY-MM-DD date");
	refused("", "not a YYYY-MM-DD date");
	refused("+022-01-01", "not a YYYY-MM-DD date");
	refused("2022-+1-01", "not a YYYY-MM-DD date");
	refused("20220101", "not a YYYY-MM-DD date");
	refused("12022-01-01", "not a YYYY-MM-DD date");
	refused("\xef\xbc\x92\xef\xbc\x90\xef\xbc\x92\xef\xbc\x92-01-01",
	    "not a YYYY-MM-DD date");
	assert_int_equal(vl_date_parse(NULL, &d, &why), -1);
	assert_int_equal(d, 4242);
}

static void
test_format(void **state)
{
	char buf[VL_DATE_BUFSZ];

	(void)state;
	assert_string_equal(vl_date_format(0, buf), "1970-01-01");
	assert_string_equal(vl_date_format(-1, buf), "1969-12-31");
	assert_string_equal(vl_date_format(-719162, buf), "0001-01-01");
	assert_string_equal(vl_date_format(2932896, buf), "9999-12-31");
	assert_string_equal(vl_date_format(19357, buf), "2022-12-31");
	assert_string_equal(vl_date_format(VL_NODATE, buf), "");
	assert_string_equal(vl_date_format(-719163, buf), "####-##-##");
	assert_string_equal(vl_date_format(2932897, buf), "####-##-##");
	assert_string_equal(vl_date_format(INT32_MAX, buf), "####-##-##");
	assert_string_equal(vl_date_format(INT32_MIN + 1, buf), "####-##-##");
	assert_ptr_equal(vl_date_format(0, buf), buf);
}

/* every day of two centuries survives format and parse, one apart */
static void
test_round_trip(void **state)
{
	char buf[VL_DATE_BUFSZ];
	vl_date d, first, last;

	(void)state;
	first = parse_ok("1900-01-01");
	last = parse_ok("2100-12-31");
	assert_int_equal(last - first + 1, 73414);
	for (d = first; d <= last; d++) {
		vl_date_format(d, buf);
		assert_int_equal(parse_ok(buf), d);
	}
}

/* every valid y-m-d of the parser's range maps to consecutive days */
static void
test_consecutive(void **state)
{
	char want[40], buf[VL_DATE_BUFSZ];
	const char *why;
	vl_date d, expect;
	int y, m, dd;

	(void)state;
	expect = -719162;	/* 0001-01-01 */
	for (y = 1; y <= 9999; y++)
		for (m = 1; m <= 12; m++)
			for (dd = 1; dd <= 31; dd++) {
				snprintf(want, sizeof(want), "%04d-%02d-%02d",
				    y, m, dd);
				if (vl_date_parse(want, &d, &why) != 0)
					continue;
				assert_int_equal(d, expect);
				assert_int_equal(d, vl_date_from_ymd(y, m, dd));
				assert_string_equal(vl_date_format(d, buf),
				    want);
				expect++;
			}
	assert_int_equal(expect, 2932897);
}

static void
test_differences(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("2023-01-05") - parse_ok("2022-12-31"), 5);
	assert_int_equal(parse_ok("2023-05-31") - parse_ok("2022-12-31"), 151);
	assert_true(parse_ok("2022-12-31") < parse_ok("2023-01-01"));
}

static int
clear_env(void **state)
{
	(void)state;
	return unsetenv("VL_AS_OF");
}

static void
test_today_as_of(void **state)
{
	vl_date d = 0;
	const char *why = NULL;

	(void)state;
	assert_int_equal(vl_today("2023-03-15", &d, &why), 0);
	assert_int_equal(d, parse_ok("2023-03-15"));
}

static void
test_today_env(void **state)
{
	vl_date d = 0;
	const char *why = NULL;

	(void)state;
	assert_int_equal(setenv("VL_AS_OF", "2022-12-31", 1), 0);
	assert_int_equal(vl_today(NULL, &d, &why), 0);
	assert_int_equal(d, parse_ok("2022-12-31"));
	/* --as-of beats the environment */
	assert_int_equal(vl_today("2023-01-05", &d, &why), 0);
	assert_int_equal(d, parse_ok("2023-01-05"));
}

static void
test_today_invalid(void **state)
{
	vl_date d = 4242;
	const char *why = NULL;

	(void)state;
	assert_int_equal(vl_today("2023-02-29", &d, &why), -1);
	assert_string_equal(why, "no such day");
	assert_int_equal(vl_today("", &d, &why), -1);
	assert_string_equal(why, "not a YYYY-MM-DD date");
	assert_int_equal(setenv("VL_AS_OF", "yesterday", 1), 0);
	assert_int_equal(vl_today(NULL, &d, &why), -1);
	assert_string_equal(why, "not a YYYY-MM-DD date");
	assert_int_equal(d, 4242);
	/* a valid --as-of is not spoiled by a bad environment */
	assert_int_equal(vl_today("2023-01-05", &d, &why), 0);
}

/* no as_of and no (or an empty) VL_AS_OF: the local calendar date */
static void
test_today_local(void **state)
{
	vl_date d = 0, before, after;
	const char *why = NULL;
	struct tm tm;
	time_t now;

	(void)state;
	assert_int_equal(setenv("VL_AS_OF", "", 1), 0);
	now = time(NULL);
	assert_non_null(localtime_r(&now, &tm));
	before = vl_date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday);
	assert_int_equal(vl_today(NULL, &d, &why), 0);
	now = time(NULL);
	assert_non_null(localtime_r(&now, &tm));
	after = vl_date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday);
	/* midnight may pass between the readings */
	assert_true(d == before || d == after);
	assert_int_equal(unsetenv("VL_AS_OF"), 0);
	assert_int_equal(vl_today(NULL, &d, &why), 0);
	assert_true(d >= before && d <= after + 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known_days),
		cmocka_unit_test(test_leap_years),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_consecutive),
		cmocka_unit_test(test_differences),
		cmocka_unit_test_setup_teardown(test_today_as_of, clear_env,
		    clear_env),
		cmocka_unit_test_setup_teardown(test_today_env, clear_env,
		    clear_env),
		cmocka_unit_test_setup_teardown(test_today_invalid, clear_env,
		    clear_env),
		cmocka_unit_test_setup_teardown(test_today_local, clear_env,
		    clear_env),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
