/*
 * test_rewrite.c - vl_rewrite_row: fields of one row of a register file
 * rewritten, the old values handed back, every other byte kept, nothing
 * written when the row, a column or the check says no.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "vl.h"

static char dir[64];

static char *
at(const char *name)
{
	static char path[4][384];
	static int next;
	char *p = path[next++ % 4];

	snprintf(p, sizeof path[0], "%s/%s", dir, name);
	return p;
}

static void
put(const char *name, const char *text)
{
	FILE *f = fopen(at(name), "w");

	assert_non_null(f);
	assert_true(fputs(text, f) >= 0);
	assert_int_equal(fclose(f), 0);
}

static char *
get(const char *name)
{
	struct vl_buf b = {0};

	assert_int_equal(vl_slurp(at(name), name, &b), VL_OK);
	return b.data;
}

static const char plan[] =
    "{\"name\": \"t\", \"villages\": 2, \"start_by\": \"2022-12-31\",\n"
    " \"complete_by\": \"2023-10-31\", \"total\": \"2.00\",\n"
    " \"funding\": [{\"name\": \"a\", \"levels\": [\"central\"],\n"
    "  \"amount\": \"2.00\"}],\n"
    " \"purposes\": [\"construction\"]}\n";

/* a clerk's projects.csv: a BOM, CRLF, an extra column, a blank line */
static const char projects[] =
    "\xef\xbb\xbfid,town,village,leader,specialist,budget,memo\r\n"
    "P1,青山镇,松林村,蓝霞,廖燕,1.00,\"a,b\"\r\n"
    "\r\n"
    "P2,青山镇,竹园村,黄明,韦红,1.00,x\r\n";

static int
setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/vl-rewrite.XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	vl_setprogname("test_rewrite");
	return 0;
}

static int
teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Files written by hand get their trail, as vl-add audit-restart gives
 * them: without one, records stand with no trail and nothing is
 * written. */
static int
adopt(void)
{
	struct vl_reg r;
	int status;

	vl_reg_open(&r, dir);
	if ((status = vl_reg_lock(&r)) == VL_OK)
		status = vl_reg_restart(&r, "written by hand");
	vl_reg_close(&r);
	return status == VL_OK ? 0 : -1;
}

static int
fresh(void **state)
{
	(void)state;
	put("plan.json", plan);
	put("projects.csv", projects);
	unlink(at("audit.csv"));
	unlink(at(VL_HEAD));
	return adopt();
}

/* the book under the lock, as a tool holds it to rewrite */
static void
open_book(struct vl_book *b)
{
	assert_int_equal(vl_book_load(b, &(struct vl_source){dir, VL_NODATE,
	    NULL, NULL}, VL_LOAD_PLAN | VL_LOAD_PROJECTS), VL_OK);
	assert_int_equal(vl_reg_lock(&b->reg), VL_OK);
}

static void
test_amend(void **state)
{
	struct vl_assign set[] = {{"leader", "覃晓峰", NULL},
	    {"budget", "1.50", NULL}};
	struct vl_rewrite rw = {&vl_projects_spec, "P2", set, 2, "amend",
	    N_("no project \"%s\""), NULL, NULL, NULL, NULL};
	struct vl_book b;
	char *got, *audit;

	(void)state;
	open_book(&b);
	assert_int_equal(vl_rewrite_row(&b, &rw), VL_OK);
	vl_book_free(&b);
	/* the old values, for the audit line a tool writes */
	assert_string_equal(set[0].old, "黄明");
	assert_string_equal(set[1].old, "1.00");
	free(set[0].old);
	free(set[1].old);
	/* only that row's bytes: the BOM, CRLF, the blank line, the quoted
	 * memo of P1 are as they were */
	got = get("projects.csv");
	assert_string_equal(got,
	    "\xef\xbb\xbfid,town,village,leader,specialist,budget,memo\r\n"
	    "P1,青山镇,松林村,蓝霞,廖燕,1.00,\"a,b\"\r\n"
	    "\r\n"
	    "P2,青山镇,竹园村,覃晓峰,韦红,1.50,x\r\n");
	free(got);
	audit = get("audit.csv");
	assert_non_null(strstr(audit, ",amend,projects.csv,P2,"));
	free(audit);
}

static int
refuse(const struct vl_record *row, struct vl_rewrite *rw)
{
	(void)rw;
	vl_errat(row->file, row->line, "leader", "%s may not change",
	    vl_field(row, "leader"));
	return 1;
}

/* told the row, the check chooses its column and value from it */
static int
append_note(const struct vl_record *row, struct vl_rewrite *rw)
{
	static char memo[64];

	snprintf(memo, sizeof memo, "%s; %s", vl_field(row, "memo"),
	    (const char *)rw->ctx);
	rw->set[0] = (struct vl_assign){"memo", memo, NULL};
	return 0;
}

static void
test_check(void **state)
{
	struct vl_assign set[1] = {{"leader", "x", NULL}};
	struct vl_rewrite rw = {&vl_projects_spec, "P1", set, 1, "amend",
	    N_("no project \"%s\""), refuse, NULL, NULL, NULL};
	long before = vl_error_count();
	struct vl_book b;
	char *got;

	(void)state;
	open_book(&b);
	fflush(stderr);
	assert_int_equal(vl_rewrite_row(&b, &rw), VL_BADINPUT);
	assert_int_equal(vl_error_count() - before, 1);
	got = get("projects.csv");
	assert_string_equal(got, projects);	/* nothing written */
	free(got);
	rw.check = append_note;
	rw.ctx = "checked";
	assert_int_equal(vl_rewrite_row(&b, &rw), VL_OK);
	assert_string_equal(set[0].old, "a,b");
	free(set[0].old);
	vl_book_free(&b);
	got = get("projects.csv");
	assert_non_null(strstr(got, "P1,青山镇,松林村,蓝霞,廖燕,1.00,"
	    "\"a,b; checked\"\r\n\r\nP2,"));
	free(got);
}

/* none of these writes a byte */
static void
test_refused(void **state)
{
	struct vl_assign bad_col[] = {{"colour", "red", NULL}};
	struct vl_assign bad_value[] = {{"budget", "lots", NULL}};
	struct vl_rewrite rw = {&vl_projects_spec, "P9", bad_col, 1, "amend",
	    N_("no project \"%s\""), NULL, NULL, NULL, NULL};
	long before = vl_error_count();
	struct vl_book b;
	char *got, *trail = get("audit.csv");

	(void)state;
	open_book(&b);
	fflush(stderr);
	assert_int_equal(vl_rewrite_row(&b, &rw), VL_BADINPUT);	/* no P9 */
	rw.id = "P1";
	assert_int_equal(vl_rewrite_row(&b, &rw), VL_BADINPUT);	/* colour */
	free(bad_col[0].old);
	rw.set = bad_value;	/* checked again by the schema */
	assert_int_equal(vl_rewrite_row(&b, &rw), VL_BADINPUT);
	free(bad_value[0].old);
	assert_int_equal(vl_error_count() - before, 3);
	vl_book_free(&b);
	got = get("projects.csv");
	assert_string_equal(got, projects);
	free(got);
	got = get("audit.csv");	/* not a line more */
	assert_string_equal(got, trail);
	free(got);
	free(trail);
}

/* a row not as vl writes it is not guessed at: the file is written out
 * whole, in vl's form */
static void
test_whole(void **state)
{
	struct vl_assign set[] = {{"specialist", "韦青", NULL}};
	struct vl_rewrite rw = {&vl_projects_spec, "P1", set, 1, "amend",
	    N_("no project \"%s\""), NULL, NULL, NULL, NULL};
	struct vl_book b;
	char *got;

	(void)state;
	put("projects.csv", "id,town,village,leader,specialist,budget\n"
	    "\"P1\",t,v,l,s,1.00\nP2,t,w,l,s,1.00\n");
	open_book(&b);
	assert_int_equal(vl_rewrite_row(&b, &rw), VL_OK);
	free(set[0].old);
	vl_book_free(&b);
	got = get("projects.csv");
	assert_string_equal(got, "id,town,village,leader,specialist,budget\n"
	    "P1,t,v,l,韦青,1.00\nP2,t,w,l,s,1.00\n");
	free(got);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_amend, fresh),
		cmocka_unit_test_setup(test_check, fresh),
		cmocka_unit_test_setup(test_refused, fresh),
		cmocka_unit_test_setup(test_whole, fresh),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
