/*
 * test_ledger.c - the fund journal read in one pass (vl_fund_read), sums
 * by key (vl_groups) and a register's ledger (vl_ledger_load).
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

/* ---- helpers ---------------------------------------------------------- */

static char dir[] = "/tmp/test_ledger.XXXXXX";

static void
put(const char *name, const char *text)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

static const char plan[] =
    "{\"name\": \"t\", \"villages\": 2, \"start_by\": \"2022-12-31\",\n"
    " \"complete_by\": \"2023-05-31\", \"total\": \"300\",\n"
    " \"funding\": [\n"
    "  {\"name\": \"upper\", \"levels\": [\"central\", \"region\", "
    "\"city\"], \"amount\": \"200\"},\n"
    "  {\"name\": \"district\", \"levels\": [\"district\"], "
    "\"amount\": \"100\"}],\n"
    " \"purposes\": [\"construction\", \"equipment\"]}\n";

static const char projects[] =
    "id,town,village,leader,specialist,budget\n"
    "P1,T1,V1,L1,S1,180\n"
    "P2,T2,V2,L2,S2,120\n";

static int
setup(void **state)
{
	(void)state;
	if (!mkdtemp(dir))
		return -1;
	put("plan.json", plan);
	put("projects.csv", projects);
	return 0;
}

static int
teardown(void **state)
{
	char cmd[300];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static const char *
path(const char *name)
{
	static char buf[256];

	snprintf(buf, sizeof buf, "%s/%s", dir, name);
	return buf;
}

static vl_date
day(const char *s)
{
	const char *why;
	vl_date d;

	assert_int_equal(vl_date_parse(s, &d, &why), 0);
	return d;
}

/* ---- vl_groups -------------------------------------------------------- */

static void
test_groups(void **state)
{
	struct vl_groups g = {0};
	const struct vl_group *gr;
	char key[16];
	int i;

	(void)state;
	assert_null(vl_groups_find(&g, "x"));
	/* enough keys to grow the table several times */
	for (i = 0; i < 1000; i++) {
		snprintf(key, sizeof key, "k%03d", 999 - i);
		assert_true(vl_groups_add(&g, key, 10, i + 2));
		assert_true(vl_groups_add(&g, key, -3, 0));
	}
	assert_true(vl_groups_add(&g, "", 5, 7));
	assert_int_equal(g.n, 1001);
	vl_groups_sort(&g);
	assert_string_equal(g.v[0].key, "");
	assert_string_equal(g.v[1].key, "k000");
	assert_string_equal(g.v[1000].key, "k999");
	/* found again after the sort; first line kept, count of adds */
	gr = vl_groups_find(&g, "k000");
	assert_non_null(gr);
	assert_int_equal(gr->amount, 7);
	assert_int_equal(gr->count, 2);
	assert_int_equal(gr->line, 1001);
	vl_groups_free(&g);
	assert_int_equal(g.n, 0);
}

static void
test_groups_overflow(void **state)
{
	struct vl_groups g = {0};

	(void)state;
	assert_true(vl_groups_add(&g, "a", INT64_MAX, 1));
	assert_false(vl_groups_add(&g, "a", 1, 2));
	/* left as it was */
	assert_int_equal(vl_groups_find(&g, "a")->amount, INT64_MAX);
	assert_int_equal(vl_groups_find(&g, "a")->count, 1);
	assert_true(vl_groups_add(&g, "a", -1, 3));
	assert_int_equal(vl_groups_find(&g, "a")->amount, INT64_MAX - 1);
	vl_groups_free(&g);
}

/* ---- vl_fund_read ------------------------------------------------------ */

struct seen {
	bool strict;		/* every expense is P1's, on equipment */
	int n;
	int64_t sum;
	long lines[8];
	enum vl_kind kinds[8];
};

static int
on_fund(const struct vl_fund *f, void *ctx)
{
	struct seen *s = ctx;

	if (s->n < 8) {
		s->lines[s->n] = f->line;
		s->kinds[s->n] = f->kind;
	}
	s->n++;
	s->sum += f->amount;
	if (s->strict && f->kind == VL_EXPENSE) {
		assert_string_equal(f->project, "P1");
		assert_string_equal(f->purpose, "equipment");
		assert_string_equal(f->level, "");
	}
	return 0;
}

static void
test_fund_read(void **state)
{
	struct seen s = {true, 0, 0, {0}, {0}};
	int status;

	(void)state;
	/* columns in another order, no note column */
	put("f.csv",
	    "amount,date,kind,id,level,source,project,purpose\n"
	    "\"1,000.00\",2023-01-01,receipt,1,central,finance,,\n"
	    "0.5万,2023-01-02,allocation,2,,,P1,\n"
	    "0.10,2023-01-03,expense,3,,,P1,equipment\n"
	    "-0.10,2023-01-04,expense,4,,,P1,equipment\n"
	    "99,2023-01-05,receipt,5,city,,,\n");
	status = vl_fund_read(&(struct vl_journal){path("f.csv"), "f.csv",
	    day("2023-01-04"), NULL, false, NULL}, on_fund, &s, NULL);
	assert_int_equal(status, VL_OK);
	/* the row of 2023-01-05 is after the day */
	assert_int_equal(s.n, 4);
	assert_int_equal(s.sum, 100000 + 500000 + 10 - 10);
	assert_int_equal(s.lines[0], 2);
	assert_int_equal(s.lines[3], 5);
	assert_int_equal(s.kinds[0], VL_RECEIPT);
	assert_int_equal(s.kinds[1], VL_ALLOCATION);
	assert_int_equal(s.kinds[2], VL_EXPENSE);
}

static void
test_fund_read_bad(void **state)
{
	struct seen s = {0};
	long before = vl_error_count();
	int status;

	(void)state;
	put("f.csv",
	    "id,date,kind,level,source,project,purpose,amount,note\n"
	    "1,2023-01-01,receipt,central,,,,1.00,\n"
	    "2,2023-01-01,receipt,,,,,1.00,no level\n"
	    "3,2023-13-01,allocation,,,P1,,1.00,\n"
	    "4,2099-01-01,expense,,,P1,x,1.001,later and bad\n"
	    "5,2023-01-01,expense,,,P9,banquet,2.00,unknown: not ours\n");
	fflush(stderr);
	status = vl_fund_read(&(struct vl_journal){path("f.csv"), "f.csv",
	    day("2023-06-30"), NULL, false, NULL}, on_fund, &s, NULL);
	assert_int_equal(status, VL_BADINPUT);
	/* rows 2, 3, 4 bad (a later row is still checked); 5 is good: an
	 * unknown project or purpose is for the caller to judge */
	assert_int_equal(vl_error_count() - before, 3);
	assert_int_equal(s.n, 2);
	assert_int_equal(s.lines[1], 6);
}

/* ---- vl_ledger_load ----------------------------------------------------- */

static void
test_ledger(void **state)
{
	struct vl_ledger l;
	struct vl_book b;

	(void)state;
	put("funds.csv",
	    "id,date,kind,level,source,project,purpose,amount,note\n"
	    "1,2023-01-01,receipt,central,finance,,,150,\n"
	    "2,2023-01-01,receipt,city,party_fee,,,50,\n"
	    "3,2023-01-01,receipt,district,finance,,,99.99,\n"
	    "4,2023-01-02,allocation,,,P1,,180,\n"
	    "5,2023-01-02,allocation,district,,P2,,100,\n"
	    "6,2023-01-03,expense,,,P1,construction,150,\n"
	    "7,2023-01-03,expense,,,P1,equipment,30.01,\n"
	    "8,2023-01-03,expense,,,P1,equipment,-0.01,reverses a fen\n"
	    "9,2023-01-04,expense,,,P2,banquet,10,\n"
	    "10,2023-01-04,allocation,,,P9,,5,\n"
	    "11,2023-01-05,expense,,,P9,construction,1,\n"
	    "12,2023-01-05,expense,,,P9,construction,2,\n"
	    "13,2023-07-01,receipt,region,,,,1000,after the day\n");
	assert_int_equal(vl_book_load(&b, &(struct vl_source){dir, VL_NODATE,
	    NULL, NULL}, VL_LOAD_PLAN | VL_LOAD_PROJECTS), VL_OK);
	/* the ledger is as of the book's day */
	b.as_of = day("2023-06-30");
	assert_int_equal(vl_ledger_load(&l, &b, VL_LEDGER_PROJECTS),
	    VL_OK);
	assert_int_equal(l.rows, 12);
	assert_int_equal(l.nlines, 2);
	assert_int_equal(l.npurposes, 2);
	assert_int_equal(l.nprojects, 2);
	assert_int_equal(l.total.received, 29999);
	assert_int_equal(l.total.allocated, 28500);
	assert_int_equal(l.total.spent, 19300);
	/* funding lines: receipts by the levels they name */
	assert_int_equal(l.line[0].received, 20000);
	assert_int_equal(l.line[1].received, 9999);
	assert_int_equal(l.line[1].allocated, 10000);	/* it named district */
	assert_int_equal(l.line[2].allocated, 18500);	/* no level */
	assert_int_equal(l.line[2].spent, 19300);
	/* levels in the order of vl_levels: central region city district */
	assert_int_equal(l.nlevels, 4);
	assert_int_equal(l.level[0].received, 15000);
	assert_int_equal(l.level[1].received, 0);
	assert_int_equal(l.level[2].received, 5000);
	assert_int_equal(l.level[3].received, 9999);
	/* projects */
	assert_int_equal(vl_ledger_project(&l, 0)->allocated, 18000);
	assert_int_equal(vl_ledger_project(&l, 0)->spent, 18000);
	assert_int_equal(vl_ledger_project(&l, 0)->purpose[0], 15000);
	assert_int_equal(vl_ledger_project(&l, 0)->purpose[1], 3000);
	assert_int_equal(vl_ledger_project(&l, 1)->spent, 1000);
	assert_int_equal(vl_ledger_project(&l, 1)->purpose[2], 1000);	/* banquet */
	/* by purpose, all projects, strays too */
	assert_int_equal(l.purpose[0], 15300);
	assert_int_equal(l.purpose[1], 3000);
	assert_int_equal(l.purpose[2], 1000);
	/* what the register does not know */
	assert_int_equal(l.stray_allocated.n, 1);
	assert_string_equal(l.stray_allocated.v[0].key, "P9");
	assert_int_equal(l.stray_allocated.v[0].amount, 500);
	assert_int_equal(l.stray_spent.v[0].amount, 300);
	assert_int_equal(l.stray_spent.v[0].count, 2);
	assert_int_equal(l.stray_spent.v[0].line, 12);
	assert_int_equal(l.stray_purpose.n, 1);
	assert_string_equal(l.stray_purpose.v[0].key, "banquet");
	assert_int_equal(l.stray_purpose.v[0].line, 10);
	vl_ledger_free(&l);
	/* the totals only: the same, and no project's */
	assert_int_equal(vl_ledger_load(&l, &b, VL_LEDGER_TOTALS), VL_OK);
	assert_int_equal(l.nprojects, 0);
	assert_null(l.project);
	assert_int_equal(l.total.spent, 19300);
	assert_int_equal(l.line[2].spent, 19300);
	assert_int_equal(l.purpose[2], 1000);
	assert_int_equal(l.stray_spent.v[0].amount, 300);
	assert_int_equal(l.stray_purpose.n, 1);
	vl_ledger_free(&l);
	/* and with nothing ignored */
	b.as_of = VL_NODATE;
	assert_int_equal(vl_ledger_load(&l, &b, VL_LEDGER_PROJECTS),
	    VL_OK);
	assert_int_equal(l.total.received, 129999);
	assert_int_equal(l.level[1].received, 100000);
	vl_ledger_free(&l);
	vl_book_free(&b);
}

static void
test_ledger_overflow(void **state)
{
	struct vl_ledger l;
	struct vl_book b;
	long before;

	(void)state;
	put("funds.csv",
	    "id,date,kind,level,source,project,purpose,amount,note\n"
	    "1,2023-01-01,receipt,central,,,,92233720368547758.07,\n"
	    "2,2023-01-01,receipt,central,,,,0.01,\n"
	    "3,2023-01-01,receipt,central,,,,0.01,\n");
	assert_int_equal(vl_book_load(&b, &(struct vl_source){dir, VL_NODATE,
	    NULL, NULL}, VL_LOAD_PLAN | VL_LOAD_PROJECTS), VL_OK);
	before = vl_error_count();
	fflush(stderr);
	assert_int_equal(vl_ledger_load(&l, &b, VL_LEDGER_PROJECTS),
	    VL_BADINPUT);
	assert_int_equal(vl_error_count() - before, 1);	/* said once */
	vl_ledger_free(&l);
	vl_book_free(&b);
}

static void
test_ledger_no_journal(void **state)
{
	struct vl_ledger l;
	struct vl_book b;
	char p[256];

	(void)state;
	snprintf(p, sizeof p, "%s/funds.csv", dir);
	unlink(p);
	assert_int_equal(vl_book_load(&b, &(struct vl_source){dir, VL_NODATE,
	    NULL, NULL}, VL_LOAD_PLAN | VL_LOAD_PROJECTS), VL_OK);
	assert_int_equal(vl_ledger_load(&l, &b, VL_LEDGER_PROJECTS),
	    VL_OK);
	assert_int_equal(l.rows, 0);
	assert_int_equal(l.total.received, 0);
	assert_int_equal(vl_ledger_project(&l, 1)->allocated, 0);
	vl_ledger_free(&l);
	vl_book_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_groups),
		cmocka_unit_test(test_groups_overflow),
		cmocka_unit_test(test_fund_read),
		cmocka_unit_test(test_fund_read_bad),
		cmocka_unit_test(test_ledger),
		cmocka_unit_test(test_ledger_overflow),
		cmocka_unit_test(test_ledger_no_journal),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
