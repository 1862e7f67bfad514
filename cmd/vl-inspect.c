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
    "       [--aspect A] [--result R] [--check]\n"
    "                       inspections with the project's town, village,\n"
    "                       leader and specialist; --overdue: open fails\n"
    "                       past due; --check: exit 1 when any is listed.\n"
    "                       A filter given twice takes either value\n"
    "  show ID|PROJECT      a project's whole story (an inspection id shows\n"
    "                       its project); --format: its inspections only\n"
    "  sample --count N [--seed S] [--skip-recent K] [--town T]\n"
    "         [--village V] [--project P] [--leader L] [--specialist S]\n"
    "         [--stage registered|reviewed|started|completed|accepted]\n"
    "                       draw N distinct projects for spot checks; the\n"
    "                       same seed and register give the same draw\n"
    "                       (default seed: the day as YYYYMMDD)\n"
    "\n");
static const char more[] = N_(
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
	VL_VALUE("evidence", O_EVIDENCE), VL_VALUE("import", O_IMPORT), VL_FLAG("allow-repeat", O_ALLOW_REPEAT),
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
	VL_PROJECT_FILTERS,
	VL_FILTER("inspector", VL_FC_INSPECTOR, NULL),
	VL_FILTER("phase", VL_FC_PHASE, vl_phases),
	VL_FILTER("aspect", VL_FC_ASPECT, vl_aspects),
	VL_FILTER("result", VL_FC_RESULT, vl_results),
	VL_FLAG("check", O_CHECK), VL_END_OPTIONS
};
static const struct vl_option sample_options[] = {
	VL_VALUE("count", O_COUNT), VL_VALUE("seed", O_SEED),
	VL_VALUE("skip-recent", O_SKIP_RECENT), VL_PROJECT_FILTERS,
	/* a comma-separated list of stages */
	{"stage", true, O_STAGE, vl_project_stages, true}, VL_END_OPTIONS
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

	if (date && vl_date_parse(date, &when, &why) != 0)
		vl_die(VL_BADINPUT, "--date: %s: \"%s\"", why, date);
	if ((status = vl_close_finding(&c->src, id, when, &how)) == VL_OK)
		printf("%s\n", id);
	return status == VL_OK ? vl_close_stdout() : status;
}

/* ---- list ------------------------------------------------------------ */

static const struct vl_col insp_cols[] = {
	{"id", VL_COL_TEXT}, {"date", VL_COL_DATE},
	{"project", VL_COL_TEXT}, {"town", VL_COL_TEXT},
	{"village", VL_COL_TEXT}, {"leader", VL_COL_TEXT},
	{"specialist", VL_COL_TEXT}, {"phase", VL_COL_WORD},
	{"aspect", VL_COL_WORD}, {"result", VL_COL_WORD},
	{"finding", VL_COL_TEXT}, {"due", VL_COL_DATE},
	{"closed", VL_COL_DATE}, {"inspector", VL_COL_TEXT},
	/* after the columns there were before them, so that a script that
	 * reads the first fourteen reads what it read */
	{"evidence", VL_COL_TEXT}, {"closed_by", VL_COL_TEXT},
	{"close_note", VL_COL_TEXT}, {"close_evidence", VL_COL_TEXT}
};
#define NINSP_COLS (sizeof insp_cols / sizeof insp_cols[0])

/* Is in listed?  --open, --overdue and the filters; project alone for
 * show. */
static bool
wanted(const struct vl_cli *c, const char *project,
    const struct vl_inspection *in, const struct vl_project *p)
{
	const char *row[VL_NFC] = {NULL};

	if ((c->arg[O_OPEN] && !vl_finding_open(in)) || (c->arg[O_OVERDUE] &&
	    !vl_finding_late(in, c->src.as_of)) ||
	    (project && strcmp(project, in->project) != 0))
		return false;
	vl_filter_project_row(row, p);
	row[VL_FC_PROJECT] = in->project;
	row[VL_FC_INSPECTOR] = in->inspector;
	row[VL_FC_PHASE] = in->phase;
	row[VL_FC_ASPECT] = in->aspect;
	row[VL_FC_RESULT] = in->result;
	return vl_filter_row(&c->filter, row);
}

static void
insp_row(struct vl_out *o, const struct vl_inspection *in,
    const struct vl_project *p)
{
	char d[VL_DATE_BUFSZ], due[VL_DATE_BUFSZ], closed[VL_DATE_BUFSZ];
	const char *v[NINSP_COLS] = {in->id, vl_date_format(in->date, d),
	    in->project, p->town, p->village, p->leader, p->specialist,
	    in->phase, in->aspect, in->result, in->finding,
	    vl_date_format(in->due, due), vl_date_format(in->closed, closed),
	    in->inspector, in->evidence, in->closed_by, in->close_note,
	    in->close_evidence};

	vl_out_row(o, v);
}

/* The inspections wanted, in a sheet "检查记录 2023-06-15" or
 * "检查记录 P36 2023-06-15"; how many listed in *n. */
static int
print_inspections(const struct vl_book *b, const struct vl_cli *c,
    const char *project, size_t *n)
{
	struct vl_outopts own = c->out;
	struct vl_buf title = {0};
	struct vl_out *o;
	size_t i;

	vl_buf_printf(&title, "检查记录%s%s", project ? " " : "",
	    project ? project : "");
	own.register_name = b->plan.name;
	o = vl_out_report(&own, title.data, b->as_of, NINSP_COLS,
	    insp_cols);
	vl_buf_free(&title);
	for (*n = 0, i = 0; i < b->ninsp; i++) {
		const struct vl_project *p =
		    &b->projects.v[b->insp_project[i]];

		if (wanted(c, project, &b->insp[i], p)) {
			insp_row(o, &b->insp[i], p);
			++*n;
		}
	}
	return vl_out_close(o);
}

/* A filter matching nothing lists nothing: not an error.  One project
 * asked for names the sheet. */
static int
cmd_list(struct vl_cli *c)
{
	const struct vl_filter *f = &c->filter;
	const char *project = f->n[VL_FC_PROJECT] == 1 ?
	    f->v[VL_FC_PROJECT][0] : NULL;
	struct vl_book b;
	size_t n = 0;
	int status;

	if ((status = load(&b, c, VL_LOAD_INSPECTIONS)) != VL_OK)
		return status;
	status = print_inspections(&b, c, project, &n);
	vl_book_free(&b);
	if (status == VL_OK)
		status = vl_close_stdout();
	return status == VL_OK && c->arg[O_CHECK] && n > 0 ? VL_FINDINGS :
	    status;
}

/* ---- show ------------------------------------------------------------ */

/* The story of a project (--format: its inspections only). */
static int
cmd_show(struct vl_cli *c)
{
	struct vl_buf s = {0};
	struct vl_book b;
	size_t n;
	long i;
	int status;

	if ((status = load(&b, c, VL_LOAD_PROGRESS | VL_LOAD_INSPECTIONS |
	    VL_LOAD_VOIDS)) != VL_OK)
		return status;
	if ((i = vl_story_project(&b, c->operand[0])) < 0) {
		vl_warn("no project or inspection \"%s\"", c->operand[0]);
		status = VL_BADINPUT;
	} else if (c->format_given) {
		status = print_inspections(&b, c, b.projects.v[i].id, &n);
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

static const struct vl_col sample_cols[] = {
	{"draw", VL_COL_INT}, {"project", VL_COL_TEXT},
	{"town", VL_COL_TEXT}, {"village", VL_COL_TEXT},
	{"leader", VL_COL_TEXT}, {"specialist", VL_COL_TEXT},
	{"stage", VL_COL_WORD}, {"last_inspected", VL_COL_DATE}
};
#define NSAMPLE_COLS (sizeof sample_cols / sizeof sample_cols[0])

static void
sample_row(struct vl_out *o, const struct vl_book *b, size_t i, size_t nth)
{
	const struct vl_project *p = &b->projects.v[i];
	char num[32], last[VL_DATE_BUFSZ];
	const char *v[NSAMPLE_COLS] = {num, p->id, p->town, p->village,
	    p->leader, p->specialist,
	    vl_project_stages[vl_project_stage(b, i, NULL)],
	    vl_date_format(vl_last_inspected(b, i), last)};

	snprintf(num, sizeof num, "%zu", nth);
	vl_out_row(o, v);
}

static int
cmd_sample(struct vl_cli *c)
{
	const char *const *a = c->arg;
	struct vl_sample s = {0, false, 0, 0, &c->filter, 0};
	struct vl_out *out;
	struct vl_book b;
	size_t *drawn, i, n;
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
	if ((status = load(&b, c, VL_LOAD_PROGRESS | VL_LOAD_INSPECTIONS)) !=
	    VL_OK)
		return status;
	n = vl_sample_draw(&b, &s, &drawn);
	c->out.register_name = b.plan.name;
	out = vl_out_report(&c->out, "抽查", b.as_of, NSAMPLE_COLS,
	    sample_cols);
	for (i = 0; i < n; i++)
		sample_row(out, &b, drawn[i], i + 1);
	free(drawn);
	status = vl_out_close(out);
	vl_book_free(&b);
	return status == VL_OK ? vl_close_stdout() : status;
}

static const struct vl_command commands[] = {
	{"add", cmd_add, "vl-inspect [-C DIR] add --project P --phase PH "
	    "--aspect A --result R [--finding T --due D] [--inspector N] "
	    "[--evidence R] [--date D] [--id ID] | --import FILE", add_options, 0, 0, false,
	    NULL},
	{"close", cmd_close, "vl-inspect [-C DIR] close ID [--date D] "
	    "[--by NAME] [--note T] [--evidence R]", close_options, 1, 1, false, NULL},
	{"list", cmd_list, "vl-inspect [-C DIR] list [--open] [--overdue] "
	    "[--project P] [--town T] [--village V] [--leader L] "
	    "[--specialist S] [--inspector I] [--phase PH] [--aspect A] "
	    "[--result R] [--check] [--format F]", list_options, 0, 0, true,
	    NULL},
	{"show", cmd_show, "vl-inspect [-C DIR] show ID|PROJECT [--format F]",
	    NULL, 1, 1, true, NULL},
	{"sample", cmd_sample, "vl-inspect [-C DIR] sample --count N "
	    "[--seed S] [--skip-recent K] [--town T] [--village V] "
	    "[--project P] [--leader L] [--specialist S] [--stage S] "
	    "[--format F]",
	    sample_options, 0, 0, true, NULL},
	{NULL, NULL, NULL, NULL, 0, 0, false, NULL}
};

static const struct vl_tool tool = {help, more, true, commands};

int
main(int argc, char **argv)
{
	return vl_cli_main(&tool, argc, argv);
}
