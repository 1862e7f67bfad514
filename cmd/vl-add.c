/*
 * vl-add - write records into a register: init, project, fund, progress;
 * and export, the file an import reads back.
 *
 * Records come from options named after their columns or in bulk from a
 * CSV (--import).  A batch is validated whole: one bad record and
 * nothing is written, and every bad record is reported with its line
 * (rules/records.c, register/batch.c).
 */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

#include "vl.h"

static const char help[] = N_(
    "usage: vl-add [-C DIR] COMMAND [OPTIONS]\n"
    "\n"
    "Write records into the register (the -C directory, else $VL_DIR,\n"
    "else the current directory).  A batch is checked whole: one bad\n"
    "record and nothing is written.  A record given no --date is dated\n"
    "the --as-of day.\n"
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
    "  export projects|progress|funds|inspections [--excel|--format F]\n"
    "                              a file as it stands, for a spreadsheet\n"
    "                              (--lang zh: in Chinese) and --import\n"
    "  audit-restart --reason TEXT\n"
    "                              the way out of a broken audit trail\n"
    "                              (cut short, put back from an older\n"
    "                              copy, lost): a line naming the head\n"
    "                              that was lost and TEXT, then a line\n"
    "                              for every file as it is now; prints\n"
    "                              the new head, SEQ:HASH\n"
    "\n");
static const char more[] = N_(
    "\n"
    "Amounts: 36940, 36940.50, \"36,940.00\", 3.694万.  Dates: YYYY-MM-DD.\n"
    "Prints the id of every record added.  Exit status: 0 written,\n"
    "2 bad input or usage (nothing written), 3 system fault or an audit\n"
    "trail that does not reach its head (nothing written).\n");

/* the same as share/plan-template.json (a test keeps them equal) */
static const char plan_template[] =
#include "plan-template.inc"
    ;

/* a column's option, and its other spelling (--start-by) */
enum {
	O_ID, O_DATE, O_TOWN, O_VILLAGE, O_LEADER, O_SPECIALIST, O_BUDGET,
	O_START_BY, O_COMPLETE_BY, O_MODE, O_AREA, O_KIND, O_LEVEL, O_SOURCE,
	O_PROJECT, O_PURPOSE, O_AMOUNT, O_NOTE, O_STAGE, O_IMPORT, O_PLAN,
	O_REASON
};

static const struct vl_option init_options[] = {VL_VALUE("plan", O_PLAN), VL_END_OPTIONS};
static const struct vl_option project_options[] = {
	VL_VALUE("id", O_ID), VL_VALUE("town", O_TOWN), VL_VALUE("village", O_VILLAGE),
	VL_VALUE("leader", O_LEADER), VL_VALUE("specialist", O_SPECIALIST),
	VL_VALUE("budget", O_BUDGET), VL_VALUE("start_by", O_START_BY),
	VL_VALUE("start-by", O_START_BY), VL_VALUE("complete_by", O_COMPLETE_BY),
	VL_VALUE("complete-by", O_COMPLETE_BY), VL_VALUE("mode", O_MODE),
	VL_VALUE("area", O_AREA), VL_VALUE("import", O_IMPORT), VL_END_OPTIONS
};
static const struct vl_option fund_options[] = {
	VL_VALUE("id", O_ID), VL_VALUE("date", O_DATE), VL_VALUE("kind", O_KIND),
	VL_VALUE("level", O_LEVEL), VL_VALUE("source", O_SOURCE),
	VL_VALUE("project", O_PROJECT), VL_VALUE("purpose", O_PURPOSE),
	VL_VALUE("amount", O_AMOUNT), VL_VALUE("note", O_NOTE),
	VL_VALUE("import", O_IMPORT), VL_END_OPTIONS
};
static const struct vl_option progress_options[] = {
	VL_VALUE("date", O_DATE), VL_VALUE("project", O_PROJECT),
	VL_VALUE("stage", O_STAGE), VL_VALUE("note", O_NOTE),
	VL_VALUE("import", O_IMPORT), VL_END_OPTIONS
};
static const struct vl_option restart_options[] = {
	VL_VALUE("reason", O_REASON), VL_END_OPTIONS
};

/* A plan checked as read, before the register is made of it; stdin is
 * read once.  Without one, the template to edit. */
static int
cmd_init(struct vl_cli *c)
{
	const char *file = c->arg[O_PLAN];
	struct vl_buf text = {0};
	struct vl_plan plan;
	int status = VL_OK;

	if (file && (status = vl_slurp(file, file, &text)) == VL_OK) {
		status = vl_plan_load_mem(text.data, text.len, file, &plan);
		vl_plan_free(&plan);
	} else if (!file) {
		vl_buf_puts(&text, plan_template);
	}
	if (status == VL_OK)
		status = vl_reg_create(c->src.dir, text.data, text.len);
	vl_buf_free(&text);
	if (status == VL_OK && !file)
		vl_warn("%s: a new register; edit plan.json (a template) "
		    "before adding records", c->src.dir);
	return status == VL_OK ? vl_close_stdout() : status;
}

/* project, fund, progress: the options named after the file's columns,
 * or --import */
static int
cmd_records(struct vl_cli *c)
{
	const struct vl_filespec *spec = c->command->data;
	const char **value = vl_cli_columns(c, spec);
	int status;

	status = vl_add_records(spec, &c->src, c->arg[O_IMPORT], value);
	free(value);
	return status == VL_OK ? vl_close_stdout() : status;
}

/* The reason stands in the trail for ever: a line of text. */
static void
check_reason(const struct vl_cli *c, const char *reason)
{
	if (!reason || !*reason)
		vl_cli_usage(c);
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

/* The way out of a broken trail, on record (vl_reg_restart). */
static int
cmd_audit_restart(struct vl_cli *c)
{
	struct vl_reg reg;
	int status;

	check_reason(c, c->arg[O_REASON]);
	vl_reg_open(&reg, c->src.dir);
	if (!vl_reg_exists(&reg, "plan.json")) {
		vl_errat(c->src.dir, 0, NULL, "not a vl register (no "
		    "plan.json)");
		vl_reg_close(&reg);
		return VL_BADINPUT;
	}
	if ((status = vl_reg_lock(&reg)) == VL_OK &&
	    (status = vl_reg_restart(&reg, c->arg[O_REASON])) == VL_OK)
		status = print_head(&reg);
	vl_reg_close(&reg);
	return status;
}

/* A register file for a spreadsheet, to be edited and imported back. */
static int
cmd_export(struct vl_cli *c)
{
	int status = vl_report_export(&c->src, c->operand[0], &c->out);

	return status == VL_OK ? vl_close_stdout() : status;
}

static const struct vl_command commands[] = {
	{"init", cmd_init, "vl-add [-C DIR] init [--plan FILE]", init_options,
	    0, 0, false, NULL},
	{"audit-restart", cmd_audit_restart, "vl-add [-C DIR] audit-restart "
	    "--reason TEXT", restart_options, 0, 0, false, NULL},
	{"project", cmd_records, "vl-add [-C DIR] project --town T --village V "
	    "--leader L --specialist S --budget AMT [...] | --import FILE",
	    project_options, 0, 0, false, &vl_projects_spec},
	{"fund", cmd_records, "vl-add [-C DIR] fund --kind K --amount AMT "
	    "[...] | --import FILE", fund_options, 0, 0, false, &vl_funds_spec},
	{"progress", cmd_records, "vl-add [-C DIR] progress --project P "
	    "--stage S [--date D] | --import FILE", progress_options, 0, 0,
	    false, &vl_progress_spec},
	{"export", cmd_export, "vl-add [-C DIR] export projects|progress|funds|"
	    "inspections [--format F] [--excel] [-o FILE]", NULL, 1, 1, true,
	    NULL},
	{NULL, NULL, NULL, NULL, 0, 0, false, NULL}
};

static const struct vl_tool tool = {help, more, false, commands};

int
main(int argc, char **argv)
{
	return vl_cli_main(&tool, argc, argv);
}
