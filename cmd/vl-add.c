/*
 * vl-add - write records into a register: init, project, fund, progress;
 * correct them: amend a project, a task or a finding, void a row, reopen
 * a finding closed or a task done by mistake, reverse a fund entry; and
 * export, the file an import reads back.
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
    "  progress --project P --stage started|MILESTONE|completed\n"
    "           [--date D] [--note T]   MILESTONE: the plan's\n"
    "  task --area A --title T --owner O --due D [--evidence R]\n"
    "       [--note T] [--date D] [--id ID]\n"
    "                              a duty of the programme (tasks.csv)\n"
    "  done ID [--date D] [--evidence R]\n"
    "                              task ID done, R added to its evidence\n"
    "  project|fund|progress|task --import FILE|-\n"
    "                              many records from a CSV (a file\n"
    "                              imported before is refused)\n"
    "  amend project ID --FIELD VALUE... --reason T\n"
    "                              correct a project's leader, specialist,\n"
    "                              town, village, budget, start_by,\n"
    "                              complete_by, mode or area\n"
    "  amend task ID --FIELD VALUE... --reason T\n"
    "                              correct a task's area, title, owner,\n"
    "                              due or note\n"
    "  amend inspection ID --FIELD VALUE... --reason T\n"
    "                              correct a failed inspection's due\n"
    "                              date or finding, an inspector\n"
    "  void progress|inspection|task ID --reason T [--date D]\n"
    "                              mark a wrong row void: it stays, and\n"
    "                              reports ignore it from D on\n"
    "  reopen inspection|task ID --reason T\n"
    "                              take back a close (vl-inspect close)\n"
    "                              or a done made by mistake: the\n"
    "                              finding or the task is open again\n"
    "  fund --reverses ID --reason T [--date D]\n"
    "                              the exact negation of fund entry ID\n"
    "  --allow-repeat              take a row equal to one already there\n"
    "                              but for its id (a second payment)\n"
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
    "Amounts: 36940, 36940.50, \"36,940.00\", 3.694万.  Dates: YYYY-MM-DD,\n"
    "never after today.  Every correction is in audit.csv with the old\n"
    "and new values and the reason.\n"
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
	O_REVERSES, O_REASON, O_ALLOW_REPEAT, O_AREA_T, O_TITLE, O_OWNER, O_DUE,
	O_EVIDENCE, O_FINDING, O_INSPECTOR
};

static const struct vl_option init_options[] = {
	VL_VALUE("plan", O_PLAN), VL_END_OPTIONS
};
static const struct vl_option project_options[] = {
	VL_VALUE("id", O_ID), VL_VALUE("town", O_TOWN), VL_VALUE("village", O_VILLAGE),
	VL_VALUE("leader", O_LEADER), VL_VALUE("specialist", O_SPECIALIST),
	VL_VALUE("budget", O_BUDGET), VL_VALUE("start_by", O_START_BY),
	VL_VALUE("start-by", O_START_BY), VL_VALUE("complete_by", O_COMPLETE_BY),
	VL_VALUE("complete-by", O_COMPLETE_BY), VL_VALUE("mode", O_MODE),
	VL_VALUE("area", O_AREA), VL_VALUE("import", O_IMPORT),
	VL_FLAG("allow-repeat", O_ALLOW_REPEAT), VL_END_OPTIONS
};
/* amend project|task|inspection: the fields a correction may change;
 * never the id */
static const struct vl_option amend_options[] = {
	VL_VALUE("title", O_TITLE), VL_VALUE("owner", O_OWNER),
	VL_VALUE("due", O_DUE), VL_VALUE("note", O_NOTE),
	VL_VALUE("finding", O_FINDING), VL_VALUE("inspector", O_INSPECTOR),
	VL_VALUE("town", O_TOWN), VL_VALUE("village", O_VILLAGE),
	VL_VALUE("leader", O_LEADER), VL_VALUE("specialist", O_SPECIALIST),
	VL_VALUE("budget", O_BUDGET), VL_VALUE("start_by", O_START_BY),
	VL_VALUE("start-by", O_START_BY), VL_VALUE("complete_by", O_COMPLETE_BY),
	VL_VALUE("complete-by", O_COMPLETE_BY), VL_VALUE("mode", O_MODE),
	VL_VALUE("area", O_AREA), VL_VALUE("reason", O_REASON), VL_END_OPTIONS
};
static const struct vl_option void_options[] = {
	VL_VALUE("date", O_DATE), VL_VALUE("reason", O_REASON), VL_END_OPTIONS
};
static const struct vl_option reopen_options[] = {
	VL_VALUE("reason", O_REASON), VL_END_OPTIONS
};
static const struct vl_option fund_options[] = {
	VL_VALUE("id", O_ID), VL_VALUE("date", O_DATE), VL_VALUE("kind", O_KIND),
	VL_VALUE("level", O_LEVEL), VL_VALUE("source", O_SOURCE),
	VL_VALUE("project", O_PROJECT), VL_VALUE("purpose", O_PURPOSE),
	VL_VALUE("amount", O_AMOUNT), VL_VALUE("note", O_NOTE),
	VL_VALUE("import", O_IMPORT), VL_VALUE("reverses", O_REVERSES),
	VL_VALUE("reason", O_REASON), VL_FLAG("allow-repeat", O_ALLOW_REPEAT),
	VL_END_OPTIONS
};
static const struct vl_option progress_options[] = {
	VL_VALUE("date", O_DATE), VL_VALUE("project", O_PROJECT),
	VL_VALUE("stage", O_STAGE), VL_VALUE("note", O_NOTE),
	VL_VALUE("import", O_IMPORT), VL_FLAG("allow-repeat", O_ALLOW_REPEAT),
	VL_END_OPTIONS
};
static const struct vl_option task_options[] = {
	VL_VALUE("id", O_ID), VL_VALUE("date", O_DATE),
	VL_VALUE("area", O_AREA_T), VL_VALUE("title", O_TITLE),
	VL_VALUE("owner", O_OWNER), VL_VALUE("due", O_DUE),
	VL_VALUE("evidence", O_EVIDENCE),
	VL_VALUE("note", O_NOTE), VL_VALUE("import", O_IMPORT),
	VL_FLAG("allow-repeat", O_ALLOW_REPEAT), VL_END_OPTIONS
};
static const struct vl_option done_options[] = {
	VL_VALUE("date", O_DATE), VL_VALUE("evidence", O_EVIDENCE),
	VL_END_OPTIONS
};
static const struct vl_option restart_options[] = {
	VL_VALUE("reason", O_REASON), VL_END_OPTIONS
};

/* The name a roll-up would give a register in dir of a plan without
 * "district" when it is the word of the totals row, or NULL; malloc'd */
static char *
total_dir(const char *dir)
{
	char *name = vl_rollup_dir_name(dir);

	if (vl_plan_total_name(name))
		return name;
	free(name);
	return NULL;
}

/* A roll-up refuses the name of its totals row, plan.json's "district"
 * or, without one, its directory's: refused before there is a register
 * of it */
static int
refuse_total(const char *file, const struct vl_plan *plan, const char *dir)
{
	char *name;

	if (plan->district && vl_plan_total_name(plan->district)) {
		vl_errat(file, plan->district_line, "district", "\"%s\" is "
		    "what a roll-up's reports call their totals row (total, "
		    "合计): this district could not be told from the total; "
		    "give its plan.json another \"district\"", plan->district);
		return VL_BADINPUT;
	}
	if (plan->district || !(name = total_dir(dir)))
		return VL_OK;
	vl_errat(file, 0, "district", "none, so a roll-up names this register "
	    "after its directory, \"%s\", which is what a roll-up's reports "
	    "call their totals row (total, 合计): this district could not be "
	    "told from the total; give its plan.json a \"district\"", name);
	free(name);
	return VL_BADINPUT;
}

/* A plan checked as read, before the register is made of it; stdin is
 * read once.  Without one, the template to edit. */
static int
cmd_init(struct vl_cli *c)
{
	const char *file = c->arg[O_PLAN];
	struct vl_buf text = {0};
	struct vl_plan plan;
	int status = VL_OK;

	/* the register's plan.json in UTF-8 without a BOM, whatever the
	 * editor saved */
	if (file && (status = vl_slurp(file, file, &text)) == VL_OK &&
	    (status = vl_plan_text(&text, file)) == VL_OK) {
		if ((status = vl_plan_load_mem(text.data, text.len, file,
		    &plan)) == VL_OK)
			status = refuse_total(file, &plan, c->src.dir);
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
	if (status == VL_OK && !file)	/* the template has no district */
		vl_rollup_warn_total_dir(c->src.dir);
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

	status = vl_add_records(spec, &c->src, c->arg[O_IMPORT], value,
	    c->arg[O_ALLOW_REPEAT] != NULL);
	free(value);
	return status == VL_OK ? vl_close_stdout() : status;
}

/* fund --reverses ID: every field but the date is the entry's own */
static int
cmd_fund(struct vl_cli *c)
{
	static const int own[] = {O_ID, O_KIND, O_LEVEL, O_SOURCE, O_PROJECT,
	    O_PURPOSE, O_AMOUNT, O_NOTE, O_IMPORT, O_ALLOW_REPEAT};
	size_t i;
	int status;

	if (!c->arg[O_REVERSES]) {
		if (c->arg[O_REASON])
			vl_cli_usage(c);
		return cmd_records(c);
	}
	for (i = 0; i < sizeof own / sizeof own[0]; i++)
		if (c->arg[own[i]])
			vl_cli_usage(c);
	status = vl_reverse_fund(&c->src, c->arg[O_REVERSES], c->arg[O_DATE],
	    c->arg[O_REASON]);
	return status == VL_OK ? vl_close_stdout() : status;
}

/* what amend may change in each file: an option, its column */
struct amendable {
	int key;
	const char *column;
};
static const struct amendable project_fields[] = {{O_TOWN, "town"},
    {O_VILLAGE, "village"}, {O_LEADER, "leader"},
    {O_SPECIALIST, "specialist"}, {O_BUDGET, "budget"},
    {O_START_BY, "start_by"}, {O_COMPLETE_BY, "complete_by"},
    {O_MODE, "mode"}, {O_AREA, "area"}, {-1, NULL}};
static const struct amendable task_fields[] = {{O_AREA, "area"},
    {O_TITLE, "title"}, {O_OWNER, "owner"}, {O_DUE, "due"},
    {O_NOTE, "note"}, {-1, NULL}};
static const struct amendable inspection_fields[] = {{O_DUE, "due"},
    {O_FINDING, "finding"}, {O_INSPECTOR, "inspector"}, {-1, NULL}};

/* amend project|task|inspection ID --FIELD VALUE ... --reason T; a
 * field of another file is a usage error */
static int
cmd_amend(struct vl_cli *c)
{
	static const int every[] = {O_TITLE, O_OWNER, O_DUE, O_NOTE,
	    O_FINDING, O_INSPECTOR, O_TOWN, O_VILLAGE, O_LEADER, O_SPECIALIST,
	    O_BUDGET, O_START_BY, O_COMPLETE_BY, O_MODE, O_AREA};
	const struct amendable *f, *fields;
	const struct vl_filespec *spec = NULL;
	struct vl_assign set[sizeof every / sizeof every[0]];
	size_t i, n = 0;
	int status;

	if (strcmp(c->operand[0], "project") == 0)
		fields = project_fields;
	else if (strcmp(c->operand[0], "task") == 0)
		fields = task_fields, spec = &vl_tasks_spec;
	else if (strcmp(c->operand[0], "inspection") == 0)
		fields = inspection_fields, spec = &vl_inspections_spec;
	else
		vl_cli_usage(c);
	for (i = 0; i < sizeof every / sizeof every[0]; i++) {
		if (!c->arg[every[i]])
			continue;
		for (f = fields; f->column && f->key != every[i]; f++)
			;
		if (!f->column)
			vl_cli_usage(c);
		set[n++] = (struct vl_assign){f->column, c->arg[f->key], NULL};
	}
	status = spec ? vl_amend_row(&c->src, spec, c->operand[1], set, n,
	    c->arg[O_REASON]) : vl_amend_project(&c->src, c->operand[1], set,
	    n, c->arg[O_REASON]);
	for (i = 0; i < n; i++)
		free(set[i].old);
	return status == VL_OK ? vl_close_stdout() : status;
}

/* a --date given, or the as-of day; a bad one said */
static int
date_arg(const struct vl_cli *c, vl_date *when)
{
	const char *why;

	*when = c->src.as_of;
	if (!c->arg[O_DATE] || vl_date_parse(c->arg[O_DATE], when, &why) == 0)
		return 0;
	vl_errat("command line", 0, "date", "%s: \"%s\"", vl_tr(why),
	    c->arg[O_DATE]);
	return 1;
}

/* done ID [--date D] [--evidence R] */
static int
cmd_done(struct vl_cli *c)
{
	vl_date when;
	int status;

	if (date_arg(c, &when))
		return VL_BADINPUT;
	status = vl_task_done(&c->src, c->operand[0], when,
	    c->arg[O_EVIDENCE]);
	return status == VL_OK ? vl_close_stdout() : status;
}

/* void progress|inspection|task ID --reason T [--date D] */
static int
cmd_void(struct vl_cli *c)
{
	const struct vl_filespec *spec;
	vl_date when;
	int status;

	if (strcmp(c->operand[0], "progress") == 0)
		spec = &vl_progress_spec;
	else if (strcmp(c->operand[0], "inspection") == 0)
		spec = &vl_inspections_spec;
	else if (strcmp(c->operand[0], "task") == 0)
		spec = &vl_tasks_spec;
	else if (strcmp(c->operand[0], "fund") == 0) {
		/* the journal is append-only: said what to do instead */
		vl_errat("command line", 0, "void", "a fund entry is never "
		    "voided: reverse it (vl-add fund --reverses %s --reason "
		    "TEXT)", c->operand[1]);
		vl_warn("nothing written");
		return VL_BADINPUT;
	} else
		vl_cli_usage(c);
	if (date_arg(c, &when))
		return VL_BADINPUT;
	status = vl_void_row(&c->src, spec, c->operand[1], when,
	    c->arg[O_REASON]);
	return status == VL_OK ? vl_close_stdout() : status;
}

/* reopen inspection|task ID --reason T */
static int
cmd_reopen(struct vl_cli *c)
{
	const struct vl_filespec *spec;
	int status;

	if (strcmp(c->operand[0], "inspection") == 0)
		spec = &vl_inspections_spec;
	else if (strcmp(c->operand[0], "task") == 0)
		spec = &vl_tasks_spec;
	else
		vl_cli_usage(c);
	status = vl_reopen_row(&c->src, spec, c->operand[1], c->arg[O_REASON]);
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
	if ((status = vl_reg_need_plan(&reg)) == VL_OK &&
	    (status = vl_reg_lock(&reg)) == VL_OK &&
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
	{"fund", cmd_fund, "vl-add [-C DIR] fund --kind K --amount AMT "
	    "[...] | --import FILE | --reverses ID --reason T [--date D]",
	    fund_options, 0, 0, false, &vl_funds_spec},
	{"progress", cmd_records, "vl-add [-C DIR] progress --project P "
	    "--stage S [--date D] | --import FILE", progress_options, 0, 0,
	    false, &vl_progress_spec},
	{"task", cmd_records, "vl-add [-C DIR] task --area A --title T "
	    "--owner O --due D [...] | --import FILE", task_options, 0, 0,
	    false, &vl_tasks_spec},
	{"done", cmd_done, "vl-add [-C DIR] done ID [--date D] [--evidence R]",
	    done_options, 1, 1, false, NULL},
	{"amend", cmd_amend, "vl-add [-C DIR] amend project|task|inspection "
	    "ID --FIELD VALUE ... --reason T", amend_options, 2, 2, false,
	    NULL},
	{"void", cmd_void, "vl-add [-C DIR] void progress|inspection|task ID "
	    "--reason T [--date D]", void_options, 2, 2, false, NULL},
	{"reopen", cmd_reopen, "vl-add [-C DIR] reopen inspection|task ID "
	    "--reason T", reopen_options, 2, 2, false, NULL},
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
