/*
 * vl-inspect - the supervision office's records: review before, check
 * during and acceptance after construction (事前审查、事中检查、事后验收),
 * failed inspections rectified by a due date (限期整改), and projects
 * drawn at random for spot checks (抽查).
 *
 * add and close are the library's (rules/records.c: a batch, all or
 * nothing; one row rewritten, every other byte kept); list, show and
 * sample read the register as of a day.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vl.h"

static const char help[] = N_(
    "usage: vl-inspect [-C DIR] COMMAND [OPTIONS]\n"
    "\n"
    "The supervision office's inspections: review, check, acceptance;\n"
    "findings rectified by a due date; random spot checks.\n"
    "\n"
    "commands:\n"
    "  add --project P --phase review|check|acceptance\n"
    "      --aspect quality|progress|funds|safety --result pass|fail\n"
    "      [--finding T --due D] [--inspector N] [--evidence R]\n"
    "      [--date D] [--id ID]\n"
    "                       a fail needs a finding and a due date after\n"
    "                       the inspection; an acceptance pass needs the\n"
    "                       project completed on or before its date;\n"
    "                       R: what shows it (photos, minutes)\n"
    "  add --import FILE|-  many inspections from a CSV, all or none\n"
    "  close ID [--date D] [--by NAME] [--note T] [--evidence R]\n"
    "                       the rectification of failed inspection ID is\n"
    "                       verified, by NAME: who, what they found and\n"
    "                       what shows it go to the columns closed_by,\n"
    "                       close_note and close_evidence\n"
    "  list [--open] [--overdue] [--project P] [--town T] [--village V]\n"
    "       [--leader L] [--specialist S] [--inspector I] [--phase PH]\n"
    "       [--aspect A] [--result R] [--district D] [--check]\n"
    "                       inspections with the project's town, village,\n"
    "                       leader and specialist; --overdue: open fails\n"
    "                       past due; --check: exit 1 when any is listed.\n"
    "                       A filter given twice takes either value\n"
    "  show ID|PROJECT      a project's whole story (an inspection id shows\n"
    "                       its project); --format: its inspections only\n"
    "  sample --count N [--seed S] [--skip-recent K] [--town T]\n"
    "         [--village V] [--project P] [--leader L] [--specialist S]\n"
    "         [--district D]\n"
    "         [--stage registered|reviewed|started|completed|accepted]\n"
    "                       draw N distinct projects for spot checks; the\n"
    "                       same seed and register give the same draw\n"
    "                       (default seed: the day as YYYYMMDD)\n"
    "\n");
static const char more[] = N_(
    "\n"
    "Several registers (-C twice, --registers FILE): list, show and\n"
    "sample over all of them, a district column first (show: the story in\n"
    "each district that has the project); --district D keeps that\n"
    "district's (with one register too).\n"
    "\n"
    "Exit status: 0 done, 1 list --check listed something, 2 bad input\n"
    "or usage (nothing written), 3 system fault.\n");

enum {
	O_ID, O_DATE, O_PROJECT, O_PHASE, O_ASPECT, O_RESULT, O_FINDING,
	O_DUE, O_INSPECTOR, O_IMPORT, O_NOTE, O_OPEN, O_OVERDUE,
	O_COUNT, O_SEED, O_SKIP_RECENT, O_STAGE, O_CHECK, O_ALLOW_REPEAT,
	O_EVIDENCE, O_BY
};

static const struct vl_option add_options[] = {
	VL_VALUE("id", O_ID), VL_VALUE("date", O_DATE), VL_VALUE("project", O_PROJECT),
	VL_VALUE("phase", O_PHASE), VL_VALUE("aspect", O_ASPECT),
	VL_VALUE("result", O_RESULT), VL_VALUE("finding", O_FINDING),
	VL_VALUE("due", O_DUE), VL_VALUE("inspector", O_INSPECTOR),
	VL_VALUE("evidence", O_EVIDENCE), VL_VALUE("import", O_IMPORT),
	VL_FLAG("allow-repeat", O_ALLOW_REPEAT),
	VL_END_OPTIONS
};
static const struct vl_option close_options[] = {
	VL_VALUE("date", O_DATE), VL_VALUE("by", O_BY),
	/* named after its column too, as other options are */
	VL_VALUE("closed-by", O_BY), VL_VALUE("closed_by", O_BY),
	VL_VALUE("note", O_NOTE), VL_VALUE("evidence", O_EVIDENCE),
	VL_END_OPTIONS
};
static const struct vl_option list_options[] = {
	VL_FLAG("open", O_OPEN), VL_FLAG("overdue", O_OVERDUE),
	VL_PROJECT_FILTERS, VL_DISTRICT_FILTER,
	VL_FILTER("inspector", VL_FC_INSPECTOR, NULL),
	VL_FILTER("phase", VL_FC_PHASE, vl_phases),
	/* the plan's words, checked once it is read */
	VL_FILTER("aspect", VL_FC_ASPECT, NULL),
	VL_FILTER("result", VL_FC_RESULT, vl_results),
	VL_FLAG("check", O_CHECK), VL_END_OPTIONS
};
static const struct vl_option show_options[] = {
	VL_DISTRICT_FILTER, VL_END_OPTIONS
};
static const struct vl_option sample_options[] = {
	VL_VALUE("count", O_COUNT), VL_VALUE("seed", O_SEED),
	VL_VALUE("skip-recent", O_SKIP_RECENT), VL_PROJECT_FILTERS,
	VL_DISTRICT_FILTER,
	/* a comma-separated list of stages */
	{"stage", true, O_STAGE, vl_project_stages, true, NULL}, VL_END_OPTIONS
};

/* the register as of the day: what `what` asks besides plan, projects */
static int
load(struct vl_book *b, const struct vl_cli *c, int what)
{
	int status = vl_book_load(b, &c->src, VL_LOAD_PLAN | VL_LOAD_PROJECTS |
	    what);

	if (status != VL_OK)
		vl_book_free(b);
	return status;
}

/* ---- add, close ------------------------------------------------------- */

static int
cmd_add(struct vl_cli *c)
{
	const char **value = vl_cli_columns(c, &vl_inspections_spec);
	const char *import = c->arg[O_IMPORT];
	size_t i;
	int status;

	vl_cli_one_register(c);
	/* an import's rows carry their own fields: options would be lost */
	for (i = 0; import && i < vl_inspections_spec.n; i++)
		if (value[i])
			vl_cli_usage(c);
	status = vl_add_records(&vl_inspections_spec, &c->src, import, value,
	    c->arg[O_ALLOW_REPEAT] != NULL);
	free(value);
	return status == VL_OK ? vl_close_stdout() : status;
}

static int
cmd_close(struct vl_cli *c)
{
	const char *id = c->operand[0], *date = c->arg[O_DATE], *why;
	const struct vl_close how = {c->arg[O_BY], c->arg[O_NOTE],
	    c->arg[O_EVIDENCE]};
	vl_date when = c->src.as_of;
	int status;

	vl_cli_one_register(c);
	if (date && vl_date_parse(date, &when, &why) != 0) {
		/* as a bad date of add, of vl-add's close of a task */
		vl_errat("command line", 0, "date", "%s: \"%s\"", vl_tr(why),
		    date);
		vl_warn("nothing written");
		return VL_BADINPUT;
	}
	if ((status = vl_close_finding(&c->src, id, when, &how)) == VL_OK)
		printf("%s\n", id);
	return status == VL_OK ? vl_close_stdout() : status;
}

/* ---- several registers (SPEC 9) ------------------------------------- */

static int
rollup_load(struct vl_rollup *r, const struct vl_cli *c, int what)
{
	int status = vl_rollup_load(r, c->regs, c->nregs, &c->src,
	    VL_LOAD_PLAN | VL_LOAD_PROJECTS | what);

	vl_rollup_keep(r, &c->filter);
	return status == VL_OK ? vl_rollup_of_villages(r) : status;
}

/* a register left out of the roll-up is a finding (exit 1) */
static int
rollup_done(int status, struct vl_rollup *r)
{
	long untrusted = r->untrusted;

	vl_rollup_free(r);
	if (status == VL_OK)
		status = vl_close_stdout();
	return status == VL_OK && untrusted ? VL_FINDINGS : status;
}

/* ---- list ------------------------------------------------------------ */

/* A filter matching nothing lists nothing: not an error.  One project
 * asked for names the sheet. */
static int
cmd_list(struct vl_cli *c)
{
	const char *const *a = c->arg;
	const struct vl_filter *ff = &c->filter;
	struct vl_insp_filter f = {a[O_OPEN] != NULL, a[O_OVERDUE] != NULL,
	    NULL, ff, ff->n[VL_FC_PROJECT] == 1 ? ff->v[VL_FC_PROJECT][0] :
	    NULL};
	struct vl_rollup r;
	struct vl_book b;
	size_t n = 0;
	int status;

	if (c->rollup) {
		if ((status = rollup_load(&r, c, VL_LOAD_INSPECTIONS)) == VL_OK)
			status = vl_rollup_report_inspections(&r, &f, &c->out,
			    &n);
		status = rollup_done(status, &r);
	} else if ((status = load(&b, c, VL_LOAD_INSPECTIONS)) == VL_OK) {
		status = vl_report_inspections(&b, &f, &c->out, &n);
		vl_book_free(&b);
		if (status == VL_OK)
			status = vl_close_stdout();
	}
	return status == VL_OK && a[O_CHECK] && n > 0 ? VL_FINDINGS : status;
}

/* ---- show ------------------------------------------------------------ */

/* The story of the project of that id in every district that has one,
 * each under its district's name. */
static int
rollup_show(struct vl_cli *c)
{
	struct vl_buf s = {0};
	struct vl_rollup r;
	int status;

	if (c->format_given)
		vl_die(VL_BADINPUT, "show: over several registers, the story "
		    "only; list --project P gives the inspections of each");
	if ((status = rollup_load(&r, c, VL_LOAD_PROGRESS |
	    VL_LOAD_INSPECTIONS | VL_LOAD_VOIDS)) != VL_OK)
		return rollup_done(status, &r);
	if (vl_rollup_story(&r, c->operand[0], &s) == 0) {
		vl_errat("command line", 0, "id", "no project or "
		    "inspection \"%s\"", c->operand[0]);
		status = VL_BADINPUT;
	} else {
		status = vl_out_bytes(&c->out, s.data, s.len);
	}
	vl_buf_free(&s);
	return rollup_done(status, &r);
}

/* The story of a project (--format: its inspections only). */
static int
cmd_show(struct vl_cli *c)
{
	struct vl_insp_filter f = {0};
	struct vl_buf s = {0};
	struct vl_book b;
	size_t n;
	long i;
	int status;

	if (c->rollup)
		return rollup_show(c);
	if ((status = load(&b, c, VL_LOAD_PROGRESS | VL_LOAD_INSPECTIONS |
	    VL_LOAD_VOIDS)) != VL_OK)
		return status;
	if ((i = vl_story_project(&b, c->operand[0])) < 0) {
		vl_errat("command line", 0, "id", "no project or "
		    "inspection \"%s\"", c->operand[0]);
		status = VL_BADINPUT;
	} else if (c->format_given) {
		f.project = f.sheet = b.projects.v[i].id;
		status = vl_report_inspections(&b, &f, &c->out, &n);
	} else {
		vl_story(&b, (size_t)i, &s);
		status = vl_out_bytes(&c->out, s.data, s.len);
	}
	vl_buf_free(&s);
	vl_book_free(&b);
	return status == VL_OK ? vl_close_stdout() : status;
}

/* ---- sample ---------------------------------------------------------- */

/* A whole number within max, or a usage error naming the option. */
static uint64_t
number(const char *opt, const char *s, uint64_t max)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (!*s || strspn(s, "0123456789") != strlen(s))
		vl_die(VL_BADINPUT, "--%s: \"%s\" is not a whole number", opt,
		    s);
	if (errno || v > max)
		vl_die(VL_BADINPUT, "--%s: \"%s\" is too large (at most %"
		    PRIu64 ")", opt, s, max);
	return v;
}

/* the stages of --stage, a bit each */
static unsigned
stages(const char *arg)
{
	char *list = vl_xstrdup(arg), *save = NULL, *name;
	unsigned bits = 0;
	enum vl_stage st;

	for (name = strtok_r(list, ",", &save); name;
	    name = strtok_r(NULL, ",", &save))
		if (vl_stage_parse(name, &st) == 0)
			bits |= 1u << st;
	free(list);
	return bits;
}

static int
cmd_sample(struct vl_cli *c)
{
	const char *const *a = c->arg;
	struct vl_sample s = {0, false, 0, 0, &c->filter, 0};
	struct vl_rollup r;
	struct vl_book b;
	int status;

	if (!a[O_COUNT])
		vl_cli_usage(c);
	if ((s.count = number("count", a[O_COUNT], SIZE_MAX)) == 0)
		vl_die(VL_BADINPUT, "--count: draw at least one project");
	if ((s.seeded = a[O_SEED] != NULL))
		s.seed = number("seed", a[O_SEED], UINT64_MAX);
	if (a[O_SKIP_RECENT])
		s.skip_recent = (long)number("skip-recent", a[O_SKIP_RECENT],
		    100000);
	if (a[O_STAGE])
		s.stages = stages(a[O_STAGE]);
	if (c->rollup) {
		if ((status = rollup_load(&r, c, VL_LOAD_PROGRESS |
		    VL_LOAD_INSPECTIONS)) == VL_OK)
			status = vl_rollup_report_sample(&r, &s, &c->out);
		return rollup_done(status, &r);
	}
	if ((status = load(&b, c, VL_LOAD_PROGRESS | VL_LOAD_INSPECTIONS)) !=
	    VL_OK)
		return status;
	if ((status = vl_book_of_villages(&b)) == VL_OK)
		status = vl_report_sample(&b, &s, &c->out);
	vl_book_free(&b);
	return status == VL_OK ? vl_close_stdout() : status;
}

static const struct vl_command commands[] = {
	{"add", cmd_add, "vl-inspect [-C DIR] add --project P --phase PH "
	    "--aspect A --result R [--finding T --due D] [--inspector N] "
	    "[--evidence R] [--date D] [--id ID] | --import FILE",
	    add_options, 0, 0, false, NULL},
	{"close", cmd_close, "vl-inspect [-C DIR] close ID [--date D] "
	    "[--by NAME] [--note T] [--evidence R]", close_options, 1, 1,
	    false, NULL},
	{"list", cmd_list, "vl-inspect [-C DIR] list [--open] [--overdue] "
	    "[--project P] [--town T] [--village V] [--leader L] "
	    "[--specialist S] [--inspector I] [--phase PH] [--aspect A] "
	    "[--result R] [--district D] [--check] [--format F]", list_options,
	    0, 0, true, NULL},
	{"show", cmd_show, "vl-inspect [-C DIR] show ID|PROJECT [--district D] "
	    "[--format F]", show_options, 1, 1, true, NULL},
	{"sample", cmd_sample, "vl-inspect [-C DIR] sample --count N "
	    "[--seed S] [--skip-recent K] [--town T] [--village V] "
	    "[--project P] [--leader L] [--specialist S] [--district D] "
	    "[--stage S] [--format F]",
	    sample_options, 0, 0, true, NULL},
	{NULL, NULL, NULL, NULL, 0, 0, false, NULL}
};

static const struct vl_tool tool = {help, more, true, commands};

int
main(int argc, char **argv)
{
	return vl_cli_main(&tool, argc, argv);
}
