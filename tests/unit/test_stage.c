/*
 * test_stage.c - a project's stage and milestones, derived from a book.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "vl.h"
#include "register/book_priv.h"

static vl_date
day(const char *s)
{
	vl_date d = VL_NODATE;
	const char *why;

	if (vl_date_parse(s, &d, &why) != 0)
		fail_msg("bad test date %s", s);
	return d;
}

/* A book by hand: projects P1 and P2, no progress, no inspections;
 * stage() indexes it. */
static int
setup(void **state)
{
	struct vl_book *b = calloc(1, sizeof *b);
	struct vl_project p = {0};
	size_t i;

	p.id = vl_xstrdup("P1");
	vl_projects_add(&b->projects, &p);
	p.id = vl_xstrdup("P2");
	vl_projects_add(&b->projects, &p);
	b->progress = calloc(2, sizeof *b->progress);
	for (i = 0; i < 2; i++)
		b->progress[i].started = b->progress[i].completed = VL_NODATE;
	b->insp = calloc(16, sizeof *b->insp);
	*state = b;
	return 0;
}

static int
teardown(void **state)
{
	struct vl_book *b = *state;

	free(b->insp);
	free(b->insp_first);
	free(b->insp_of);
	free(b->insp_project);
	free(b->passes);
	free(b->progress);
	vl_projects_free(&b->projects);
	free(b);
	return 0;
}

static void
inspect(struct vl_book *b, const char *project, const char *phase,
    const char *result, const char *date)
{
	struct vl_inspection *in = &b->insp[b->ninsp++];

	memset(in, 0, sizeof *in);
	in->project = (char *)project;
	in->phase = (char *)phase;
	in->result = (char *)result;
	in->date = day(date);
	in->due = in->closed = VL_NODATE;
}

/* the stage of project i, the book indexed as it now is */
static enum vl_stage
stage(struct vl_book *b, size_t i, struct vl_milestones *m)
{
	vl_book_index(b);
	return vl_project_stage(b, i, m);
}

static void
test_registered(void **state)
{
	struct vl_book *b = *state;
	struct vl_milestones m;

	assert_int_equal(stage(b, 0, &m), VL_STAGE_REGISTERED);
	assert_int_equal(m.reviewed, VL_NODATE);
	assert_int_equal(m.started, VL_NODATE);
	assert_int_equal(m.completed, VL_NODATE);
	assert_int_equal(m.accepted, VL_NODATE);
	/* a failed review reviews nothing */
	inspect(b, "P1", "review", "fail", "2022-11-25");
	assert_int_equal(stage(b, 0, NULL), VL_STAGE_REGISTERED);
}

static void
test_reviewed(void **state)
{
	struct vl_book *b = *state;
	struct vl_milestones m;

	inspect(b, "P1", "review", "pass", "2022-12-20");
	inspect(b, "P1", "review", "pass", "2022-12-02");
	inspect(b, "P2", "review", "pass", "2022-11-01");
	assert_int_equal(stage(b, 0, &m), VL_STAGE_REVIEWED);
	assert_int_equal(m.reviewed, day("2022-12-02"));	/* the first */
	/* a check is not a review */
	b->ninsp = 0;
	inspect(b, "P1", "check", "pass", "2022-12-20");
	assert_int_equal(stage(b, 0, NULL), VL_STAGE_REGISTERED);
}

static void
test_started_without_review(void **state)
{
	struct vl_book *b = *state;
	struct vl_milestones m;

	b->progress[0].started = day("2022-12-10");
	assert_int_equal(stage(b, 0, &m), VL_STAGE_STARTED);
	assert_int_equal(m.started, day("2022-12-10"));
	assert_int_equal(m.reviewed, VL_NODATE);
	/* the other project is untouched */
	assert_int_equal(stage(b, 1, NULL), VL_STAGE_REGISTERED);
}

static void
test_completed_and_accepted(void **state)
{
	struct vl_book *b = *state;
	struct vl_milestones m;

	b->progress[0].started = day("2022-12-10");
	b->progress[0].completed = day("2023-04-10");
	inspect(b, "P1", "review", "pass", "2022-12-01");
	inspect(b, "P1", "acceptance", "fail", "2023-04-25");
	assert_int_equal(stage(b, 0, &m), VL_STAGE_COMPLETED);
	assert_int_equal(m.accepted, VL_NODATE);
	/* another project's acceptance accepts nothing here */
	inspect(b, "P2", "acceptance", "pass", "2023-05-01");
	assert_int_equal(stage(b, 0, NULL), VL_STAGE_COMPLETED);
	inspect(b, "P1", "acceptance", "pass", "2023-06-02");
	assert_int_equal(stage(b, 0, &m), VL_STAGE_ACCEPTED);
	assert_int_equal(m.accepted, day("2023-06-02"));
	assert_int_equal(m.reviewed, day("2022-12-01"));
	assert_int_equal(m.completed, day("2023-04-10"));
}

/* loaded without progress: the stage comes from inspections alone */
static void
test_no_progress(void **state)
{
	struct vl_book *b = *state;
	struct vl_progress_state *keep = b->progress;

	b->progress = NULL;
	inspect(b, "P2", "review", "pass", "2022-11-01");
	assert_int_equal(stage(b, 1, NULL), VL_STAGE_REVIEWED);
	b->progress = keep;
}

static void
test_names(void **state)
{
	enum vl_stage st;
	int i;

	(void)state;
	for (i = 0; vl_project_stages[i]; i++) {
		assert_int_equal(vl_stage_parse(vl_project_stages[i], &st), 0);
		assert_int_equal(st, i);
	}
	assert_int_equal(i, 5);
	assert_string_equal(vl_project_stages[VL_STAGE_REGISTERED],
	    "registered");
	assert_string_equal(vl_project_stages[VL_STAGE_ACCEPTED], "accepted");
	st = VL_STAGE_STARTED;
	assert_int_equal(vl_stage_parse("finished", &st), -1);
	assert_int_equal(vl_stage_parse("", &st), -1);
	assert_int_equal(st, VL_STAGE_STARTED);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_registered, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_reviewed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_started_without_review,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_completed_and_accepted,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_progress, setup,
		    teardown),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
