/*
 * test_schema.c - the rules of the register's fields, checked on records
 * built in memory, and the project index they resolve against.
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
#include "register/schema_priv.h"

/* ---- helpers ---------------------------------------------------------- */

#define MAXF 16

/* a record with every column of a spec, all empty until set */
struct rec {
	const struct vl_filespec *spec;
	struct vl_header h;
	char *name[MAXF], *field[MAXF];
	size_t len[MAXF];
	struct vl_record r;
};

static void
rec_init(struct rec *x, const struct vl_filespec *s)
{
	size_t i;

	assert_true(s->n <= MAXF);
	memset(x, 0, sizeof *x);
	x->spec = s;
	for (i = 0; i < s->n; i++) {
		x->name[i] = (char *)s->field[i].name;
		x->field[i] = (char *)"";
	}
	x->h.n = s->n;
	x->h.name = x->name;
	x->r.file = s->file;
	x->r.line = 7;
	x->r.n = s->n;
	x->r.field = x->field;
	x->r.len = x->len;
	x->r.header = &x->h;
}

static void
set(struct rec *x, const char *name, const char *value)
{
	int i = vl_header_index(&x->h, name);

	if (i < 0)
		fail_msg("no column %s in %s", name, x->spec->file);
	x->field[i] = (char *)value;
	x->len[i] = strlen(value);
}

/* the columns left out of the header; the spec is the spec of x */
static void
drop(struct rec *x, const char *name)
{
	int i = vl_header_index(&x->h, name);
	size_t k;

	assert_true(i >= 0);
	for (k = (size_t)i; k + 1 < x->h.n; k++) {
		x->name[k] = x->name[k + 1];
		x->field[k] = x->field[k + 1];
		x->len[k] = x->len[k + 1];
	}
	x->h.n--;
	x->r.n--;
}

static const struct vl_projects *projects;
static const struct vl_plan *plan;

/* vl_check_record on x: how many problems, and what stderr said */
static int
check(struct rec *x, char **err)
{
	FILE *tmp = tmpfile();
	struct vl_buf b = {0};
	char block[4096];
	long before = vl_error_count();
	size_t n;
	int saved, bad;

	assert_non_null(tmp);
	fflush(stderr);
	saved = dup(2);
	assert_true(saved >= 0 && dup2(fileno(tmp), 2) >= 0);
	bad = vl_check_record(x->spec, &x->r, projects, plan);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	rewind(tmp);
	vl_buf_add(&b, "", 0);
	while ((n = fread(block, 1, sizeof block, tmp)) > 0)
		vl_buf_add(&b, block, n);
	fclose(tmp);
	/* every problem counted is a problem reported */
	assert_int_equal(vl_error_count() - before, bad);
	*err = b.data;
	return bad;
}

static void
good(struct rec *x)
{
	char *err;

	if (check(x, &err) != 0)
		fail_msg("refused: %s", err);
	free(err);
}

/* x is refused with exactly these messages, one a line */
static void
bad(struct rec *x, const char *want)
{
	const char *s;
	char *err;
	int lines = 0, n = check(x, &err);

	for (s = want; *s; s++)
		lines += *s == '\n';
	assert_string_equal(err, want);
	assert_int_equal(n, lines);
	free(err);
}

static void
good_fund(struct rec *x, const char *kind)
{
	rec_init(x, &vl_funds_spec);
	set(x, "id", "F001");
	set(x, "date", "2023-01-05");
	set(x, "kind", kind);
	set(x, "amount", "36940.00");
	if (strcmp(kind, "receipt") == 0) {
		set(x, "level", "district");
		set(x, "source", "finance");
	} else {
		set(x, "project", "P01");
	}
	if (strcmp(kind, "expense") == 0)
		set(x, "purpose", "construction");
}

static void
good_inspection(struct rec *x, const char *result)
{
	rec_init(x, &vl_inspections_spec);
	set(x, "id", "I001");
	set(x, "date", "2023-01-05");
	set(x, "project", "P01");
	set(x, "phase", "check");
	set(x, "aspect", "quality");
	set(x, "result", result);
	set(x, "inspector", "王工");
	if (strcmp(result, "fail") == 0) {
		set(x, "finding", "屋面渗水");
		set(x, "due", "2023-01-20");
	}
}

static void
good_project(struct rec *x)
{
	rec_init(x, &vl_projects_spec);
	set(x, "id", "P01");
	set(x, "town", "青山镇");
	set(x, "village", "青山村");
	set(x, "budget", "3.694万");
}

static struct vl_project
project(const char *id, const char *town)
{
	struct vl_project p;

	memset(&p, 0, sizeof p);
	p.id = vl_xstrdup(id);
	p.town = vl_xstrdup(town);
	return p;
}

/* ---- field types ------------------------------------------------------ */

static void
test_money(void **state)
{
	struct rec x;

	(void)state;
	good_fund(&x, "receipt");
	good(&x);
	set(&x, "amount", "-120.00");
	good(&x);
	set(&x, "amount", "36,940.50");
	good(&x);
	set(&x, "amount", "1.234");
	bad(&x, "vl: funds.csv:7: amount: more than 2 decimals: \"1.234\"\n");
	set(&x, "amount", "12元");
	bad(&x, "vl: funds.csv:7: amount: not an amount: \"12元\"\n");
	set(&x, "amount", "99999999999999999999");
	bad(&x, "vl: funds.csv:7: amount: out of range: "
	    "\"99999999999999999999\"\n");
	good_project(&x);
	set(&x, "budget", "3.6940001万");
	bad(&x, "vl: projects.csv:7: budget: more than 6 decimals of 万: "
	    "\"3.6940001万\"\n");
}

static void
test_date(void **state)
{
	struct rec x;

	(void)state;
	good_fund(&x, "receipt");
	set(&x, "date", "2023-02-29");
	bad(&x, "vl: funds.csv:7: date: no such day: \"2023-02-29\"\n");
	set(&x, "date", "2023/01/05");
	bad(&x, "vl: funds.csv:7: date: not a YYYY-MM-DD date: "
	    "\"2023/01/05\"\n");
	/* an optional date of a project, when given */
	good_project(&x);
	set(&x, "complete_by", "2023-05-31");
	good(&x);
	set(&x, "start_by", "2023-13-01");
	bad(&x, "vl: projects.csv:7: start_by: month out of range: "
	    "\"2023-13-01\"\n");
}

static void
test_enum(void **state)
{
	static const struct {
		const char *field, *value;
	} near[] = {{"kind", "receipts"}, {"kind", "expens"},
	    {"kind", "allocatiom"}, {"level", "c"}, {"level", "districk"},
	    {"level", "regiom"}};
	struct rec x;
	char want[160];
	size_t i;

	(void)state;
	good_fund(&x, "receipt");
	set(&x, "kind", "gift");
	/* the message lists what would do */
	bad(&x, "vl: funds.csv:7: kind: \"gift\" is not one of receipt, "
	    "allocation, expense\n");
	good_fund(&x, "receipt");
	set(&x, "level", "town");
	bad(&x, "vl: funds.csv:7: level: \"town\" is not one of central, "
	    "region, city, district\n");
	good_fund(&x, "receipt");
	set(&x, "source", "Finance");
	bad(&x, "vl: funds.csv:7: source: \"Finance\" is not one of finance, "
	    "party_fee\n");
	good_project(&x);
	set(&x, "mode", "rebuild");
	bad(&x, "vl: projects.csv:7: mode: \"rebuild\" is not one of new, "
	    "expand, repair\n");
	set(&x, "mode", "repair");
	good(&x);
	good_inspection(&x, "pass");
	set(&x, "aspect", "beauty");
	set(&x, "phase", "");
	bad(&x, "vl: inspections.csv:7: phase: missing\n"
	    "vl: inspections.csv:7: aspect: \"beauty\" is not one of quality, "
	    "progress, funds, safety\n");
	rec_init(&x, &vl_progress_spec);
	set(&x, "date", "2023-01-05");
	set(&x, "project", "P01");
	set(&x, "stage", "begun");
	bad(&x, "vl: progress.csv:7: stage: \"begun\" is not one of started, "
	    "completed\n");
	set(&x, "stage", "completed");
	good(&x);
	/* a word is the whole field: no prefix of one, no longer word, no
	 * word of the same length that differs in its last byte */
	for (i = 0; i < sizeof near / sizeof *near; i++) {
		good_fund(&x, "receipt");
		set(&x, near[i].field, near[i].value);
		snprintf(want, sizeof want, "vl: funds.csv:7: %s: \"%s\" is not "
		    "one of %s\n", near[i].field, near[i].value,
		    strcmp(near[i].field, "kind") == 0 ?
		    "receipt, allocation, expense" :
		    "central, region, city, district");
		bad(&x, want);
	}
	good_fund(&x, "receipt");
	set(&x, "level", "city");
	good(&x);
	assert_true(vl_in(vl_results, "fail"));
	assert_false(vl_in(vl_results, "FAIL"));
	assert_false(vl_in(vl_results, ""));
}

/* every list of words fits the lengths a column map keeps of them */
static void
test_enum_lists(void **state)
{
	const struct vl_filespec *const specs[] = {&vl_projects_spec,
	    &vl_progress_spec, &vl_funds_spec, &vl_inspections_spec};
	const struct vl_fieldspec *f;
	size_t i, j, k;

	(void)state;
	for (i = 0; i < sizeof specs / sizeof *specs; i++)
		for (j = 0; j < specs[i]->n; j++) {
			f = &specs[i]->field[j];
			for (k = 0; f->type == VL_T_ENUM && f->choices[k]; k++)
				assert_true(strlen(f->choices[k]) < 256);
			assert_true(k <= VL_WORDS_MAX);
		}
}

static void
test_id(void **state)
{
	/* each refused id, and as the message shows it (control
	 * characters escaped) */
	static const char *const refused[] = {"F 001", "F 001", "F,001",
	    "F,001", "F\"1", "F\"1", "F\t1", "F\\x091", " F1", " F1",
	    "F1 ", "F1 ", "F\x7f", "F\\x7f", "F\r1", "F\\x0d1", NULL};
	const char *const *s;
	char want[128];
	struct rec x;

	(void)state;
	good_fund(&x, "receipt");
	set(&x, "id", "青山-2023/001_a.b");
	good(&x);
	for (s = refused; *s; s += 2) {
		set(&x, "id", s[0]);
		snprintf(want, sizeof want, "vl: funds.csv:7: id: an id may not "
		    "hold blanks, commas or quotes: \"%s\"\n", s[1]);
		bad(&x, want);
	}
}

static void
test_count(void **state)
{
	static const char *const refused[] = {"12.5", "-1", "+1", "1e3",
	    "1,000", " 12", "12 ", "1234567890", "１２", NULL};
	const char *const *s;
	char want[128];
	struct rec x;

	(void)state;
	good_project(&x);
	set(&x, "area", "0");
	good(&x);
	set(&x, "area", "360");
	good(&x);
	set(&x, "area", "999999999");
	good(&x);
	for (s = refused; *s; s++) {
		set(&x, "area", *s);
		snprintf(want, sizeof want, "vl: projects.csv:7: area: not a "
		    "whole number: \"%s\"\n", *s);
		bad(&x, want);
	}
}

static void
test_required(void **state)
{
	struct rec x;

	(void)state;
	rec_init(&x, &vl_funds_spec);
	/* nothing at all: each required field, and the kind's rules do not
	 * apply to a kind that is not there */
	bad(&x, "vl: funds.csv:7: id: missing\n"
	    "vl: funds.csv:7: date: missing\n"
	    "vl: funds.csv:7: kind: missing\n"
	    "vl: funds.csv:7: amount: missing\n");
	/* a column the file does not have reads as empty */
	good_project(&x);
	drop(&x, "area");
	drop(&x, "mode");
	good(&x);
	drop(&x, "budget");
	bad(&x, "vl: projects.csv:7: budget: missing\n");
	/* optional ones may be empty */
	good_project(&x);
	set(&x, "leader", "");
	set(&x, "area", "");
	good(&x);
}

static void
test_spec_required(void **state)
{
	const char **req = vl_spec_required(&vl_funds_spec);
	static const char *const want[] = {"id", "date", "kind", "level",
	    "source", "project", "purpose", "amount", NULL};
	size_t i;

	(void)state;
	for (i = 0; want[i]; i++)
		assert_string_equal(req[i], want[i]);
	assert_null(req[i]);
	req = vl_spec_required(&vl_projects_spec);
	assert_string_equal(req[5], "budget");
	assert_null(req[6]);
	req = vl_spec_required(&vl_progress_spec);
	assert_string_equal(req[2], "stage");
	assert_null(req[3]);
	req = vl_spec_required(&vl_inspections_spec);
	assert_string_equal(req[8], "closed");
	assert_null(req[9]);
}

/* ---- funds ------------------------------------------------------------ */

static void
test_fund_rules(void **state)
{
	struct rec x;

	(void)state;
	good_fund(&x, "receipt");
	good(&x);
	set(&x, "level", "");
	set(&x, "project", "P01");
	bad(&x, "vl: funds.csv:7: level: a receipt needs the level the money "
	    "comes from\n"
	    "vl: funds.csv:7: project: a receipt names no project\n");
	good_fund(&x, "allocation");
	good(&x);
	set(&x, "project", "");
	bad(&x, "vl: funds.csv:7: project: an allocation needs a project\n");
	good_fund(&x, "expense");
	good(&x);
	set(&x, "project", "");
	set(&x, "purpose", "");
	bad(&x, "vl: funds.csv:7: project: an expense needs a project\n"
	    "vl: funds.csv:7: purpose: an expense needs a purpose\n");
	/* a reversal is an entry like any other */
	good_fund(&x, "expense");
	set(&x, "amount", "-36940.00");
	set(&x, "note", "reverses F001");
	good(&x);
}

static void
test_fund_purpose(void **state)
{
	static char *purposes[] = {"construction", "equipment"};
	struct vl_plan p;
	struct rec x;

	(void)state;
	memset(&p, 0, sizeof p);
	p.purposes = purposes;
	p.npurposes = 2;
	good_fund(&x, "expense");
	set(&x, "purpose", "banquet");
	/* without a plan any purpose passes */
	good(&x);
	plan = &p;
	bad(&x, "vl: funds.csv:7: purpose: \"banquet\" is not a purpose of "
	    "the plan (专款专用)\n");
	set(&x, "purpose", "equipment");
	good(&x);
	/* on whatever entry names one */
	good_fund(&x, "allocation");
	set(&x, "purpose", "Construction");
	bad(&x, "vl: funds.csv:7: purpose: \"Construction\" is not a purpose "
	    "of the plan (专款专用)\n");
	plan = NULL;
}

/* ---- inspections ------------------------------------------------------ */

static void
test_inspection_rules(void **state)
{
	struct rec x;

	(void)state;
	good_inspection(&x, "pass");
	good(&x);
	good_inspection(&x, "fail");
	good(&x);
	set(&x, "finding", "");
	set(&x, "due", "");
	bad(&x, "vl: inspections.csv:7: finding: a failed inspection needs a "
	    "finding\n"
	    "vl: inspections.csv:7: due: a failed inspection needs a due date "
	    "for the rectification\n");
	/* due after the day of the inspection, strictly */
	good_inspection(&x, "fail");
	set(&x, "due", "2023-01-05");
	bad(&x, "vl: inspections.csv:7: due: 2023-01-05 must be after the "
	    "inspection date 2023-01-05\n");
	set(&x, "due", "2022-12-31");
	bad(&x, "vl: inspections.csv:7: due: 2022-12-31 must be after the "
	    "inspection date 2023-01-05\n");
	set(&x, "due", "2023-01-06");
	good(&x);
	/* closed on or after it */
	set(&x, "closed", "2023-01-05");
	good(&x);
	set(&x, "closed", "2023-03-01");
	good(&x);
	set(&x, "closed", "2023-01-04");
	bad(&x, "vl: inspections.csv:7: closed: 2023-01-04 must be on or "
	    "after the inspection date 2023-01-05\n");
	/* a bad date is reported once, as a bad date */
	set(&x, "closed", "2023-02-30");
	bad(&x, "vl: inspections.csv:7: closed: no such day: "
	    "\"2023-02-30\"\n");
	good_inspection(&x, "fail");
	set(&x, "date", "yesterday");
	bad(&x, "vl: inspections.csv:7: date: not a YYYY-MM-DD date: "
	    "\"yesterday\"\n");
	/* a pass cannot be closed */
	good_inspection(&x, "pass");
	set(&x, "closed", "2023-01-06");
	bad(&x, "vl: inspections.csv:7: closed: only a failed inspection can "
	    "be closed\n");
	/* a pass may note a finding */
	good_inspection(&x, "pass");
	set(&x, "finding", "门窗已整改");
	good(&x);
}

/* ---- projects --------------------------------------------------------- */

static void
test_project_refs(void **state)
{
	struct vl_projects ps = {0};
	struct vl_project p;
	struct rec x;

	(void)state;
	p = project("P01", "青山镇");
	vl_projects_add(&ps, &p);
	p = project("P02", "大坝镇");
	vl_projects_add(&ps, &p);
	good_inspection(&x, "pass");
	set(&x, "project", "P99");
	/* without the projects, no judgement */
	good(&x);
	projects = &ps;
	bad(&x, "vl: inspections.csv:7: project: no such project: \"P99\"\n");
	set(&x, "project", "P02");
	good(&x);
	set(&x, "project", "p02");
	bad(&x, "vl: inspections.csv:7: project: no such project: \"p02\"\n");
	good_fund(&x, "allocation");
	set(&x, "project", "P3");
	bad(&x, "vl: funds.csv:7: project: no such project: \"P3\"\n");
	/* a receipt's project is wrong twice over */
	good_fund(&x, "receipt");
	set(&x, "project", "P3");
	bad(&x, "vl: funds.csv:7: project: no such project: \"P3\"\n"
	    "vl: funds.csv:7: project: a receipt names no project\n");
	rec_init(&x, &vl_progress_spec);
	set(&x, "date", "2023-01-05");
	set(&x, "project", "P01");
	set(&x, "stage", "started");
	good(&x);
	projects = NULL;
	vl_projects_free(&ps);
	assert_int_equal(ps.n, 0);
	assert_null(ps.v);
}

static void
test_projects_many(void **state)
{
	struct vl_projects ps = {0};
	const struct vl_project *found;
	struct vl_project p;
	char id[32], town[32];
	long i;

	(void)state;
	assert_null(vl_projects_find(&ps, "P00001"));
	assert_int_equal(vl_projects_index(&ps, "P00001"), -1);
	for (i = 0; i < 10000; i++) {
		snprintf(id, sizeof id, "P%05ld", i);
		snprintf(town, sizeof town, "town %ld", i);
		p = project(id, town);
		p.line = i + 2;
		vl_projects_add(&ps, &p);
		/* found at once, and the first one still */
		assert_int_equal(vl_projects_index(&ps, id), i);
		assert_int_equal(vl_projects_index(&ps, "P00000"), 0);
	}
	assert_int_equal(ps.n, 10000);
	/* numbered alike: found by number, a table of 10000 entries or so,
	 * and no hash table */
	assert_false(ps.num.off);
	assert_true(ps.num.ndirect >= 10000 && ps.num.ndirect <= 20000);
	assert_int_equal(ps.nslot, 0);
	for (i = 0; i < 10000; i++) {
		snprintf(id, sizeof id, "P%05ld", i);
		snprintf(town, sizeof town, "town %ld", i);
		found = vl_projects_find(&ps, id);
		assert_non_null(found);
		assert_string_equal(found->id, id);
		assert_string_equal(found->town, town);
		assert_int_equal(found->line, i + 2);
		assert_ptr_equal(found, &ps.v[i]);
	}
	assert_null(vl_projects_find(&ps, "P10000"));
	assert_null(vl_projects_find(&ps, "P0000"));
	assert_null(vl_projects_find(&ps, "P000000"));
	assert_null(vl_projects_find(&ps, ""));
	assert_int_equal(vl_projects_index(&ps, "nope"), -1);
	/* ids too long for a slot's key (12 bytes and more) are found by
	 * the id in the project, and never mistaken for one another */
	for (i = 0; i < 300; i++) {
		snprintf(id, sizeof id, i % 3 == 0 ? "Q%010ld" : i % 3 == 1 ?
		    "Q%011ld" : "QUITE-A-LONG-ID-%ld", i);
		p = project(id, "long");
		vl_projects_add(&ps, &p);
	}
	/* not numbered as P00000: the hash table, at most three quarters
	 * full, holds every project */
	assert_true(ps.num.off);
	assert_true(4 * ps.n <= 3 * ps.nslot);
	assert_int_equal(ps.nslot & (ps.nslot - 1), 0);
	for (i = 0; i < 300; i++) {
		snprintf(id, sizeof id, i % 3 == 0 ? "Q%010ld" : i % 3 == 1 ?
		    "Q%011ld" : "QUITE-A-LONG-ID-%ld", i);
		assert_int_equal(vl_projects_index(&ps, id), 10000 + i);
	}
	assert_int_equal(vl_projects_index(&ps, "P09999"), 9999);
	assert_int_equal(vl_projects_index(&ps, "Q00000000001"), 10001);
	assert_int_equal(vl_projects_index(&ps, "Q0000000001"), -1);
	assert_int_equal(vl_projects_index(&ps, "Q00000000000"), -1);
	assert_int_equal(vl_projects_index(&ps, "QUITE-A-LONG-ID-300"), -1);
	assert_int_equal(vl_projects_index(&ps, "QUITE-A-LONG-ID-2"), 10002);
	vl_projects_free(&ps);
	assert_int_equal(ps.nslot, 0);
	assert_null(vl_projects_find(&ps, "P00001"));
}

/* ps of ids in order (index i the i-th); NULL ends ids */
static void
projects_of(struct vl_projects *ps, const char *const *ids)
{
	struct vl_project p;

	memset(ps, 0, sizeof *ps);
	for (; *ids; ids++) {
		p = project(*ids, "town");
		vl_projects_add(ps, &p);
	}
}

/* Ids numbered alike are found by number exactly as by a hash: an id is
 * found only when it is one of them, character for character. */
static void
test_projects_numbered(void **state)
{
	static const char *const plain[] = {"7", "3", "12", "1", "100", "3",
	    NULL};
	static const char *const wide[] = {"QS-007", "QS-150", "QS-100",
	    "QS-099", NULL};
	static const char *const mixed[] = {"P1", "P2", "P03", NULL};
	static const char *const sparse[] = {"P1", "P999999999", NULL};
	struct vl_projects ps;

	(void)state;
	/* no leading zero, in any order; a repeated id finds its first */
	projects_of(&ps, plain);
	assert_false(ps.num.off);
	assert_int_equal(vl_projects_index(&ps, "7"), 0);
	assert_int_equal(vl_projects_index(&ps, "3"), 1);
	assert_int_equal(vl_projects_index(&ps, "12"), 2);
	assert_int_equal(vl_projects_index(&ps, "1"), 3);
	assert_int_equal(vl_projects_index(&ps, "100"), 4);
	assert_int_equal(vl_projects_index(&ps, "03"), -1);
	assert_int_equal(vl_projects_index(&ps, "2"), -1);
	assert_int_equal(vl_projects_index(&ps, "0"), -1);
	assert_int_equal(vl_projects_index(&ps, "1000"), -1);
	assert_int_equal(vl_projects_index(&ps, "12 "), -1);
	assert_int_equal(vl_projects_index(&ps, "x12"), -1);
	assert_int_equal(vl_projects_index(&ps, ""), -1);
	vl_projects_free(&ps);
	/* one prefix and one width: QS-100 is one of them as QS-007 */
	projects_of(&ps, wide);
	assert_false(ps.num.off);
	assert_int_equal(vl_projects_index(&ps, "QS-007"), 0);
	assert_int_equal(vl_projects_index(&ps, "QS-150"), 1);
	assert_int_equal(vl_projects_index(&ps, "QS-100"), 2);
	assert_int_equal(vl_projects_index(&ps, "QS-099"), 3);
	assert_int_equal(vl_projects_index(&ps, "QS-7"), -1);
	assert_int_equal(vl_projects_index(&ps, "QS-0007"), -1);
	assert_int_equal(vl_projects_index(&ps, "QS-008"), -1);
	assert_int_equal(vl_projects_index(&ps, "QS-"), -1);
	assert_int_equal(vl_projects_index(&ps, "QS"), -1);
	assert_int_equal(vl_projects_index(&ps, "qs-007"), -1);
	assert_int_equal(vl_projects_index(&ps, "BS-007"), -1);
	vl_projects_free(&ps);
	/* P03 after P1 and P2 (no leading zero: they are numbered so), and
	 * numbers far apart: the hash table, and the same answers */
	projects_of(&ps, mixed);
	assert_true(ps.num.off);
	assert_int_equal(vl_projects_index(&ps, "P03"), 2);
	assert_int_equal(vl_projects_index(&ps, "P3"), -1);
	assert_int_equal(vl_projects_index(&ps, "P1"), 0);
	vl_projects_free(&ps);
	projects_of(&ps, sparse);
	assert_true(ps.num.off);
	assert_int_equal(vl_projects_index(&ps, "P999999999"), 1);
	assert_int_equal(vl_projects_index(&ps, "P1"), 0);
	vl_projects_free(&ps);
}

/* Ids numbered one after another from the first, as vl-add numbers them,
 * are found by arithmetic; the first id out of that order, or a repeated
 * one, ends it, and every id is still found where it is. */
static void
test_projects_sequential(void **state)
{
	static const char *const run[] = {"P101", "P102", "P103", NULL};
	static const char *const gap[] = {"P101", "P102", "P104", "P103",
	    NULL};
	static const char *const twice[] = {"P1", "P2", "P2", "P3", NULL};
	static const char *const back[] = {"P5", "P4", NULL};
	struct vl_projects ps;

	(void)state;
	projects_of(&ps, run);
	assert_true(ps.num.sequential);
	assert_int_equal(vl_projects_index(&ps, "P101"), 0);
	assert_int_equal(vl_projects_index(&ps, "P103"), 2);
	assert_int_equal(vl_projects_index(&ps, "P100"), -1);
	assert_int_equal(vl_projects_index(&ps, "P104"), -1);
	assert_int_equal(vl_projects_index(&ps, "P1"), -1);
	assert_int_equal(vl_projects_index(&ps, "P0101"), -1);
	vl_projects_free(&ps);
	projects_of(&ps, gap);
	assert_false(ps.num.sequential);
	assert_int_equal(vl_projects_index(&ps, "P104"), 2);
	assert_int_equal(vl_projects_index(&ps, "P103"), 3);
	assert_int_equal(vl_projects_index(&ps, "P105"), -1);
	vl_projects_free(&ps);
	projects_of(&ps, twice);
	assert_false(ps.num.sequential);
	assert_int_equal(vl_projects_index(&ps, "P2"), 1);
	assert_int_equal(vl_projects_index(&ps, "P3"), 3);
	vl_projects_free(&ps);
	projects_of(&ps, back);
	assert_false(ps.num.sequential);
	assert_int_equal(vl_projects_index(&ps, "P4"), 1);
	assert_int_equal(vl_projects_index(&ps, "P5"), 0);
	vl_projects_free(&ps);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_money),
		cmocka_unit_test(test_date),
		cmocka_unit_test(test_enum),
		cmocka_unit_test(test_enum_lists),
		cmocka_unit_test(test_id),
		cmocka_unit_test(test_count),
		cmocka_unit_test(test_required),
		cmocka_unit_test(test_spec_required),
		cmocka_unit_test(test_fund_rules),
		cmocka_unit_test(test_fund_purpose),
		cmocka_unit_test(test_inspection_rules),
		cmocka_unit_test(test_project_refs),
		cmocka_unit_test(test_projects_many),
		cmocka_unit_test(test_projects_numbered),
		cmocka_unit_test(test_projects_sequential),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
