/*
 * vl-add - write records into a register: init, project, fund, progress.
 *
 * Records come from options named after their columns or in bulk from a
 * CSV (--import).  A batch is validated whole: one bad record and
 * nothing is written, and every bad record is reported with its line.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "vl.h"

static const char help[] = N_(
    "usage: vl-add [-C DIR] COMMAND [OPTIONS]\n"
    "\n"
    "Write records into the register (the -C directory, else $VL_DIR,\n"
    "else the current directory).  A batch is checked whole: one bad\n"
    "record and nothing is written.\n"
    "\n"
    "commands:\n"
    "  init [--plan FILE]          create a new register from a plan, or\n"
    "                              from a template to edit\n"
    "  project --town T --village V --leader L --specialist S --budget AMT\n"
    "          [--id ID] [--start_by D] [--complete_by D] [--mode M]\n"
    "          [--area N]\n"
    "  fund --kind receipt|allocation|expense --amount AMT [--date D]\n"
    "       [--level L] [--source finance|party_fee] [--project P]\n"
    "       [--purpose P] [--note T] [--id ID]\n"
    "  progress --project P --stage started|completed [--date D]\n"
    "           [--note T]\n"
    "  project|fund|progress --import FILE|-   many records from a CSV\n"
    "  audit-restart --reason TEXT\n"
    "                              the way out of a broken audit trail\n"
    "                              (cut short, put back from an older\n"
    "                              copy, lost): a line naming the head\n"
    "                              that was lost and TEXT, then a line\n"
    "                              for every file as it is now; prints\n"
    "                              the new head, SEQ:HASH\n"
    "\n"
    "options:\n"
    "  -C, --dir DIR            the register directory\n"
    "  --as-of DATE             the date used when --date is not given\n"
    "  --input-encoding ENC     utf-8 or gb18030 (default: detected)\n"
    "  --lang en|zh             English or Chinese messages and help\n"
    "                           (default: $LANGUAGE, else $LC_ALL,\n"
    "                           $LC_MESSAGES, $LANG: zh... is Chinese)\n"
    "  -h, --help               this help\n"
    "  --version                the version\n"
    "\n"
    "Amounts: 36940, 36940.50, \"36,940.00\", 3.694万.  Dates: YYYY-MM-DD.\n"
    "Prints the id of every record added.  Exit status: 0 written,\n"
    "2 bad input or usage (nothing written), 3 system fault or an audit\n"
    "trail that does not reach its head (nothing written).\n");

/* ---- init ---------------------------------------------------------- */

/* the same as share/plan-template.json (a test keeps them equal) */
static const char plan_template[] =
#include "plan-template.inc"
    ;

static int
make_dir(const char *dir)
{
	char *p = vl_xstrdup(dir), *s;

	for (s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0755) != 0 && errno != EEXIST)
			break;
		*s = '/';
	}
	free(p);
	if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
		vl_warn("cannot create %s: %s", dir, strerror(errno));
		return VL_SYSFAULT;
	}
	return VL_OK;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	struct vl_buf b = {0};
	char block[65536];
	size_t n;

	if (!f)
		vl_die(errno == ENOENT ? VL_BADINPUT : VL_SYSFAULT, "%s: %s",
		    path, strerror(errno));
	while ((n = fread(block, 1, sizeof block, f)) > 0)
		vl_buf_add(&b, block, n);
	if (ferror(f))
		vl_die(errno == EISDIR ? VL_BADINPUT : VL_SYSFAULT, "%s: %s",
		    path, strerror(errno));
	if (f != stdin)
		fclose(f);
	*len = b.len;
	return b.data ? b.data : vl_xstrdup("");
}

static char *
canonical_header(const struct vl_filespec *s)
{
	struct vl_buf b = {0};
	size_t i;

	for (i = 0; i < s->n; i++)
		vl_buf_printf(&b, "%s%s", i ? "," : "", s->field[i].name);
	vl_buf_puts(&b, "\n");
	return b.data;
}

static const struct vl_filespec *const all_specs[] = {
	&vl_projects_spec, &vl_progress_spec, &vl_funds_spec,
	&vl_inspections_spec
};
#define NSPECS (sizeof all_specs / sizeof all_specs[0])

/* any file of a register there already (its trail and head too) */
static int
refuse_existing(struct vl_reg *reg)
{
	const struct vl_regfile *f;

	if (vl_reg_exists(reg, "plan.json")) {
		vl_warn("%s: a register is already there; it is never "
		    "overwritten", reg->dir);
		return VL_BADINPUT;
	}
	for (f = vl_register_files; f->name; f++)
		if (vl_reg_exists(reg, f->name)) {
			vl_warn("%s: %s is already there; a register is never "
			    "overwritten", reg->dir, f->name);
			return VL_BADINPUT;
		}
	return VL_OK;
}

static int
write_register(struct vl_reg *reg, const char *plan, size_t planlen)
{
	struct vl_change ch[NSPECS + 1];
	char *headers[NSPECS];
	size_t i;
	int status;

	ch[0] = (struct vl_change){"plan.json", NULL, true, plan, planlen};
	vl_reg_note(reg, "init", "plan.json", "");
	for (i = 0; i < NSPECS; i++) {
		headers[i] = canonical_header(all_specs[i]);
		ch[i + 1] = (struct vl_change){all_specs[i]->file, NULL, true,
		    headers[i], strlen(headers[i])};
		vl_reg_note(reg, "init", all_specs[i]->file, "");
	}
	status = vl_reg_commit(reg, ch, NSPECS + 1);
	for (i = 0; i < NSPECS; i++)
		free(headers[i]);
	return status;
}

static int
cmd_init(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"plan", required_argument, NULL, 'p'}, VL_CLI_OPTIONS
	};
	struct vl_cli cli;
	struct vl_plan plan;
	struct vl_reg reg;
	const char *planfile = NULL;
	char *text;
	size_t len;
	int c, status;

	vl_cli_init(&cli);
	while ((c = getopt_long(argc, argv, VL_CLI_SHORT, longopts, NULL)) != -1)
		if (c == 'p')
			planfile = optarg;
		else if (!vl_cli_option(&cli, c, optarg, help))
			vl_usage("vl-add [-C DIR] init [--plan FILE]");
	if (optind != argc)
		vl_usage("vl-add [-C DIR] init [--plan FILE]");
	vl_cli_done(&cli);
	vl_cli_no_records(&cli, "init");
	if (planfile) {
		/* checked as read once: stdin cannot be read twice */
		text = slurp(planfile, &len);
		status = vl_plan_load_mem(text, len, planfile, &plan);
		vl_plan_free(&plan);
		if (status != VL_OK) {
			free(text);
			return status;
		}
	} else {
		text = vl_xstrdup(plan_template);
		len = strlen(text);
	}
	if ((status = make_dir(cli.dir)) == VL_OK) {
		vl_reg_open(&reg, cli.dir);
		if ((status = vl_reg_lock(&reg)) == VL_OK &&
		    (status = refuse_existing(&reg)) == VL_OK)
			status = write_register(&reg, text, len);
		vl_reg_close(&reg);
	}
	free(text);
	if (status == VL_OK && !planfile)
		vl_warn("%s: a new register; edit plan.json (a template) "
		    "before adding records", cli.dir);
	return status == VL_OK ? vl_close_stdout() : status;
}

/* ---- project, fund, progress ----------------------------------------- */

static int
check_people(const struct vl_record *r)
{
	int bad = 0;

	if (!*vl_field(r, "leader")) {
		vl_errat(r->file, r->line, "leader", "missing: every project "
		    "names its leader (一个项目,一名领导,一名专干)");
		bad++;
	}
	if (!*vl_field(r, "specialist")) {
		vl_errat(r->file, r->line, "specialist", "missing: every "
		    "project names its specialist (一个项目,一名领导,一名专干)");
		bad++;
	}
	return bad;
}

/* A project's own rules; and a project added is known at once, so later
 * rows of the batch may not repeat it. */
static int
project_rule(struct vl_batch *b, const struct vl_record *r)
{
	struct vl_project p = {0};
	int bad = check_people(r);

	p.id = vl_xstrdup(vl_field(r, "id"));
	vl_projects_add(&b->book.projects, &p);
	return bad;
}

static int
run_batch(const struct vl_filespec *spec, const struct vl_cli *cli,
    const char *importfile, const char **opt)
{
	struct vl_batch b = {0};
	int status;

	b.spec = spec;
	if (spec == &vl_projects_spec)
		b.rule = project_rule;
	status = vl_batch_run(&b, cli->dir, importfile,
	    (const char *const *)opt, cli->today);
	return status == VL_OK ? vl_close_stdout() : status;
}

/* Options named after the spec's columns; --import; the shared ones. */
static int
cmd_records(const struct vl_filespec *spec, int argc, char **argv,
    const char *usage)
{
	struct option longopts[32];
	static const struct option shared[] = {VL_CLI_OPTIONS};
	const char **opt = vl_xcalloc(spec->n, sizeof *opt), *importfile = NULL;
	struct vl_buf alias[16] = {{0}};
	struct vl_cli cli;
	size_t i, n = 0;
	int c, status;

	for (i = 0; i < spec->n; i++) {
		longopts[n++] = (struct option){spec->field[i].name,
		    required_argument, NULL, VL_OPT_TOOL + (int)i};
		if (strchr(spec->field[i].name, '_')) {	/* --start-by too */
			vl_buf_puts(&alias[i], spec->field[i].name);
			*strchr(alias[i].data, '_') = '-';
			longopts[n++] = (struct option){alias[i].data,
			    required_argument, NULL, VL_OPT_TOOL + (int)i};
		}
	}
	longopts[n++] = (struct option){"import", required_argument, NULL,
	    VL_OPT_TOOL + 31};
	for (i = 0; i < sizeof shared / sizeof shared[0]; i++)
		longopts[n++] = shared[i];
	vl_cli_init(&cli);
	while ((c = getopt_long(argc, argv, VL_CLI_SHORT, longopts, NULL)) != -1)
		if (c == VL_OPT_TOOL + 31)
			importfile = optarg;
		else if (c >= VL_OPT_TOOL && c < VL_OPT_TOOL + (int)spec->n)
			opt[c - VL_OPT_TOOL] = optarg;
		else if (!vl_cli_option(&cli, c, optarg, help))
			vl_usage(usage);
	if (optind != argc)
		vl_usage(usage);
	vl_cli_done(&cli);
	vl_cli_no_records(&cli, argv[0]);
	status = run_batch(spec, &cli, importfile, opt);
	for (i = 0; i < 16; i++)
		vl_buf_free(&alias[i]);
	free(opt);
	return status;
}

static int
cmd_project(int argc, char **argv)
{
	return cmd_records(&vl_projects_spec, argc, argv, "vl-add [-C DIR] "
	    "project --town T --village V --leader L --specialist S "
	    "--budget AMT [...] | --import FILE");
}

static int
cmd_fund(int argc, char **argv)
{
	return cmd_records(&vl_funds_spec, argc, argv, "vl-add [-C DIR] fund "
	    "--kind K --amount AMT [...] | --import FILE");
}

static int
cmd_progress(int argc, char **argv)
{
	return cmd_records(&vl_progress_spec, argc, argv, "vl-add [-C DIR] "
	    "progress --project P --stage S [--date D] | --import FILE");
}

/* ---- audit-restart ----------------------------------------------------- */

#define RESTART_USAGE "vl-add [-C DIR] audit-restart --reason TEXT"

/* The reason stands in the trail for ever: a line of text. */
static void
check_reason(const char *reason)
{
	if (!reason || !*reason)
		vl_usage(RESTART_USAGE);
	if (!vl_text_clean(reason, strlen(reason)) ||
	    strpbrk(reason, "\t\r\n"))
		vl_die(VL_BADINPUT, "--reason: a control character or a line "
		    "break: one line of text");
}

/* The trail's new head, for the clerk to keep. */
static int
print_head(const struct vl_reg *reg)
{
	struct vl_trail t;

	if (vl_trail_check(reg, NULL, &t) == VL_TRAIL_OK && t.have_head)
		printf("%ld:%s\n", t.head_seq, t.head_hash);
	return vl_close_stdout();
}

static int
cmd_audit_restart(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"reason", required_argument, NULL, 'r'}, VL_CLI_OPTIONS
	};
	const char *reason = NULL;
	struct vl_cli cli;
	struct vl_reg reg;
	int c, status;

	vl_cli_init(&cli);
	while ((c = getopt_long(argc, argv, VL_CLI_SHORT, longopts, NULL)) != -1)
		if (c == 'r')
			reason = optarg;
		else if (!vl_cli_option(&cli, c, optarg, help))
			vl_usage(RESTART_USAGE);
	if (optind != argc)
		vl_usage(RESTART_USAGE);
	vl_cli_done(&cli);
	vl_cli_no_records(&cli, "audit-restart");
	check_reason(reason);
	vl_reg_open(&reg, cli.dir);
	if (!vl_reg_exists(&reg, "plan.json")) {
		vl_errat(cli.dir, 0, NULL, "not a vl register (no plan.json)");
		vl_reg_close(&reg);
		return VL_BADINPUT;
	}
	if ((status = vl_reg_lock(&reg)) == VL_OK &&
	    (status = vl_reg_restart(&reg, reason)) == VL_OK)
		status = print_head(&reg);
	vl_reg_close(&reg);
	return status;
}

static const struct vl_subcmd cmds[] = {
	{"init", cmd_init, "[--plan FILE]"},
	{"audit-restart", cmd_audit_restart, "--reason TEXT"},
	{"project", cmd_project, "--town T --village V ..."},
	{"fund", cmd_fund, "--kind K --amount AMT ..."},
	{"progress", cmd_progress, "--project P --stage S ..."},
	{NULL, NULL, NULL}
};

int
main(int argc, char **argv)
{
	return vl_cli_dispatch(argc, argv, cmds, help);
}
