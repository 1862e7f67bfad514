/*
 * test_standing.c - where the programme stands (standing.c): shares and
 * 万 in integer arithmetic, and the demo register's figures as of its day
 * (share/demo/README.md): tallies per town, open findings by gravity, the
 * fund rows, the starts day by day.
 */
#include <stdarg.h>
#include <limits.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "vl.h"

static vl_date
day(const char *s)
{
	const char *why;
	vl_date d;

	assert_int_equal(vl_date_parse(s, &d, &why), 0);
	return d;
}

static void
test_share(void **state)
{
	char buf[VL_SHARE_BUFSZ];

	(void)state;
	assert_int_equal(vl_permille(46, 50), 920);
	assert_int_equal(vl_permille(2, 3), 667);
	assert_int_equal(vl_permille(1, 3), 333);
	assert_int_equal(vl_permille(1, 2000), 1);	/* 0.05%: half up */
	assert_int_equal(vl_permille(0, 50), 0);
	assert_int_equal(vl_permille(1, 0), -1);
	/* a plan may name any number of villages */
	assert_int_equal(vl_permille(48, LONG_MAX), 0);
	assert_int_equal(vl_permille(LONG_MAX, LONG_MAX), 1000);
	assert_int_equal(vl_permille(LONG_MAX / 2, LONG_MAX), 500);
	assert_int_equal(vl_permille(LONG_MAX, 1), LONG_MAX);
	assert_string_equal(vl_share(48, 50, buf), "96.0%");
	assert_string_equal(vl_share(12, 13, buf), "92.3%");
	assert_string_equal(vl_share(50, 50, buf), "100.0%");
	assert_null(vl_share(0, 0, buf));
}

static void
test_permille_fen(void **state)
{
	(void)state;
	/* 184.66万 of 184.7万: 99.98%, short, so never 100.0% */
	assert_int_equal(vl_permille_fen(184660000, 184700000), 999);
	assert_int_equal(vl_permille_fen(184700000, 184700000), 1000);
	assert_int_equal(vl_permille_fen(173077000, 184700000), 937);
	assert_int_equal(vl_permille_fen(148603330, 184700000), 805);
	assert_int_equal(vl_permille_fen(5, 10000), 1);	/* half up */
	assert_int_equal(vl_permille_fen(4, 10000), 0);
	assert_int_equal(vl_permille_fen(0, 1), 0);
	assert_int_equal(vl_permille_fen(-1000, 2000), -500);
	assert_int_equal(vl_permille_fen(30, 20), 1500);
	assert_int_equal(vl_permille_fen(1, 0), -1);
	assert_int_equal(vl_permille_fen(1, -5), -1);
	/* the whole range, no overflow */
	assert_int_equal(vl_permille_fen(INT64_MAX, INT64_MAX), 1000);
	assert_int_equal(vl_permille_fen(INT64_MAX / 2, INT64_MAX), 500);
	assert_int_equal(vl_permille_fen(INT64_MIN, INT64_MAX), -1000);
	assert_int_equal(vl_permille_fen(INT64_MAX, 1), LONG_MAX);
}

static void
test_wan(void **state)
{
	char buf[VL_WAN_BUFSZ];

	(void)state;
	/* to two places of 万元, rounded half away from zero */
	assert_string_equal(vl_wan(184700000, buf), "184.70万元");
	assert_string_equal(vl_wan(148603330, buf), "148.60万元");
	assert_string_equal(vl_wan(173077000, buf), "173.08万元");
	assert_string_equal(vl_wan(0, buf), "0.00万元");
	assert_string_equal(vl_wan(4999, buf), "0.00万元");
	assert_string_equal(vl_wan(5000, buf), "0.01万元");
	assert_string_equal(vl_wan(-4999, buf), "0.00万元");
	assert_string_equal(vl_wan(-1300000, buf), "-1.30万元");
	assert_string_equal(vl_wan(-1305000, buf), "-1.31万元");
	assert_string_equal(vl_wan(INT64_MIN, buf), "-9223372036854.78万元");
	assert_string_equal(vl_wan(INT64_MAX, buf), "9223372036854.78万元");
	assert_string_equal(vl_money_grouped(148603330, buf), "1,486,033.30");
	assert_string_equal(vl_money_grouped(-100000, buf), "-1,000.00");
	assert_string_equal(vl_money_grouped(99999, buf), "999.99");
	assert_string_equal(vl_money_grouped(INT64_MIN, buf),
	    "-92,233,720,368,547,758.08");
}

struct demo {
	struct vl_book book;
	struct vl_standing *s;
	vl_date as_of;
};

static int
setup(void **state)
{
	const char *share = getenv("SHARE");
	static struct demo d;
	char dir[4096];

	snprintf(dir, sizeof dir, "%s/demo", share ? share : "share");
	d.as_of = vl_date_from_ymd(2023, 6, 15);
	if (vl_book_load(&d.book, &(struct vl_source){dir, d.as_of, NULL, NULL},
	    VL_LOAD_PLAN | VL_LOAD_PROJECTS | VL_LOAD_PROGRESS |
	    VL_LOAD_INSPECTIONS) != VL_OK)
		return -1;
	d.s = vl_standings(&d.book);
	*state = &d;
	return 0;
}

static int
teardown(void **state)
{
	struct demo *d = *state;

	free(d->s);
	vl_book_free(&d->book);
	return 0;
}

static void
test_towns(void **state)
{
	struct demo *d = *state;
	static const long want[4][4] = {{13, 13, 12, 10}, {13, 12, 11, 9},
	    {12, 12, 11, 9}, {12, 11, 8, 7}};
	static const char *const town[] = {"青山镇", "河口镇", "石桥镇",
	    "东岭镇"};
	struct vl_tally *t, total;
	size_t i, n = vl_tally_towns(&d->book, d->s, &t, &total);

	assert_int_equal(n, 4);
	for (i = 0; i < n; i++) {
		assert_string_equal(t[i].town, town[i]);
		assert_int_equal(t[i].projects, want[i][0]);
		assert_int_equal(t[i].started, want[i][1]);
		assert_int_equal(t[i].completed, want[i][2]);
		assert_int_equal(t[i].accepted, want[i][3]);
	}
	assert_string_equal(total.town, "total");
	assert_int_equal(total.projects, 50);
	assert_int_equal(total.reviewed, 49);
	assert_int_equal(total.started, 48);
	assert_int_equal(total.completed, 42);
	assert_int_equal(total.accepted, 35);
	assert_int_equal(total.open, 6);
	assert_int_equal(total.overdue, 4);
	free(t);
}

static void
test_findings(void **state)
{
	struct demo *d = *state;
	static const char *const ids[] = {"78", "113", "95", "104", "100",
	    "112"};
	struct vl_findings f;
	size_t i;

	vl_findings_collect(&d->book, &f);
	assert_int_equal(f.n, 6);
	assert_int_equal(f.late, 4);
	for (i = 0; i < f.n; i++)
		assert_string_equal(f.v[i]->id, ids[i]);
	/* safety 2 (1 late), quality 2 (2 late), funds 2 (1 late) */
	assert_int_equal(f.open_by[0], 2);
	assert_int_equal(f.late_by[0], 1);
	assert_int_equal(f.open_by[1], 2);
	assert_int_equal(f.late_by[1], 2);
	assert_int_equal(f.open_by[2], 2);
	assert_int_equal(f.late_by[2], 1);
	assert_int_equal(f.open_by[3], 0);
	assert_int_equal(f.open_by[VL_NGRAVITY], 0);
	assert_int_equal(vl_aspect_rank("safety"), 0);
	assert_int_equal(vl_aspect_rank("other"), VL_NGRAVITY);
	vl_findings_free(&f);
}

static void
test_funds_rows(void **state)
{
	struct demo *d = *state;
	struct vl_funds_row *r;
	struct vl_ledger l;
	size_t n;

	assert_int_equal(vl_ledger_load(&l, &d->book, VL_LEDGER_PROJECTS),
	    VL_OK);
	n = vl_funds_rows(&d->book, &l, &r);
	/* 2 lines with 3 + 1 levels, the money booked without a level,
	 * the total */
	assert_int_equal(n, 8);
	assert_int_equal(r[0].kind, VL_FR_LINE);
	assert_string_equal(r[0].line, "中央、自治区、市");
	assert_int_equal(*r[0].plan, 168460000);
	assert_int_equal(r[0].sums->received, 168460000);
	/* allocations and expenses name no level: remaining means nothing
	 * on a line */
	assert_false(r[0].remaining);
	assert_int_equal(r[1].kind, VL_FR_LEVEL);
	assert_string_equal(r[1].level, "central");
	assert_int_equal(r[4].kind, VL_FR_LINE);
	assert_int_equal(r[4].sums->received, 16200000);
	assert_int_equal(r[6].kind, VL_FR_STRAY);
	assert_string_equal(r[6].line, VL_FUNDS_NO_LINE);
	assert_int_equal(r[6].sums->allocated, 173077000);
	assert_int_equal(r[7].kind, VL_FR_TOTAL);
	assert_int_equal(*r[7].plan, 184700000);
	assert_int_equal(r[7].sums->received, 184660000);
	assert_int_equal(r[7].sums->spent, 148603330);
	assert_true(r[7].remaining);
	assert_int_equal(r[7].left, 36056670);
	free(r);
	vl_ledger_free(&l);
}

static void
test_burnup(void **state)
{
	struct demo *d = *state;
	vl_date from = day("2022-12-01"), to = d->as_of;
	long *c = vl_burnup(&d->book, d->s, from, to, false);
	long *k = vl_burnup(&d->book, d->s, from, to, true);

	assert_int_equal(c[0], 0);
	/* the last day holds the progress report's totals */
	assert_int_equal(c[to - from], 48);
	assert_int_equal(k[to - from], 42);
	/* never down */
	for (vl_date i = 1; i <= to - from; i++)
		assert_true(c[i] >= c[i - 1]);
	free(c);
	free(k);
	/* a range after every start: all of them on the first day */
	c = vl_burnup(&d->book, d->s, day("2023-06-01"), to, false);
	assert_int_equal(c[0], 48);
	free(c);
}

/* The last inspection of each project is the latest of its own, found
 * through the book's index as by a look at every inspection. */
static void
test_last_inspected(void **state)
{
	struct demo *d = *state;
	const struct vl_book *b = &d->book;
	size_t i, k;
	vl_date last;
	long some = 0;

	for (i = 0; i < b->projects.n; i++) {
		last = VL_NODATE;
		for (k = 0; k < b->ninsp; k++)
			if (strcmp(b->insp[k].project, b->projects.v[i].id) == 0
			    && (last == VL_NODATE || b->insp[k].date > last))
				last = b->insp[k].date;
		assert_int_equal(vl_last_inspected(b, i), last);
		some += last != VL_NODATE;
	}
	assert_true(some > 40);
}

/* What a project's history shows, a line each */
static void
test_history(void **state)
{
	struct demo *d = *state;
	const struct vl_book *b = &d->book;
	struct vl_buf w = {0};

	vl_buf_add(&w, "", 0);
	assert_int_equal(vl_history_warnings(b, (size_t)vl_projects_index(
	    &b->projects, "P30"), &w), 1);
	assert_string_equal(w.data,
	    "  completed 2023-06-05, 5 days after the deadline 2023-05-31\n");
	w.len = 0;
	assert_int_equal(vl_history_warnings(b, (size_t)vl_projects_index(
	    &b->projects, "P27"), &w), 1);
	assert_string_equal(w.data, "  rectification #73 closed 2023-03-25, "
	    "5 days after its due date 2023-03-20\n");
	w.len = 0;
	assert_int_equal(vl_history_warnings(b, (size_t)vl_projects_index(
	    &b->projects, "P50"), &w), 0);
	vl_buf_free(&w);
}

int
main(void)
{
	const struct CMUnitTest plain[] = {
		cmocka_unit_test(test_share),
		cmocka_unit_test(test_permille_fen),
		cmocka_unit_test(test_wan),
	};
	const struct CMUnitTest demo[] = {
		cmocka_unit_test(test_towns),
		cmocka_unit_test(test_findings),
		cmocka_unit_test(test_funds_rows),
		cmocka_unit_test(test_burnup),
		cmocka_unit_test(test_last_inspected),
		cmocka_unit_test(test_history),
	};

	return cmocka_run_group_tests(plain, NULL, NULL) |
	    cmocka_run_group_tests(demo, setup, teardown);
}
