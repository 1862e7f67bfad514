/*
 * vl-add - write records into a register: init, project, fund, progress.
 *
 * Records come from options named after their columns or in bulk from a
 * CSV (--import).  A batch is validated whole: one bad record and
 * nothing is written, and every bad record is reported with its line.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "vl.h"

static const char help[] =
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
    "\n"
    "options:\n"
    "  -C, --dir DIR            the register directory\n"
    "  --as-of DATE             the date used when --date is not given\n"
    "  --input-encoding ENC     utf-8 or gb18030 (default: detected)\n"
    "  -h, --help               this help\n"
    "  --version                the version\n"
    "\n"
    "Amounts: 36940, 36940.50, \"36,940.00\", 3.694万.  Dates: YYYY-MM-DD.\n"
    "Prints the id of every record added.  Exit status: 0 written,\n"
    "2 bad input or usage (nothing written), 3 system fault.\n";

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
		vl_die(VL_SYSFAULT, "%s: %s", path, strerror(errno));
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

static int
refuse_existing(struct vl_reg *reg)
{
	size_t i;

	if (vl_reg_exists(reg, "plan.json")) {
		vl_warn("%s: a register is already there; it is never "
		    "overwritten", reg->dir);
		return VL_BADINPUT;
	}
	for (i = 0; i < NSPECS; i++)
		if (vl_reg_exists(reg, all_specs[i]->file)) {
			vl_warn("%s: %s is already there; a register is never "
			    "overwritten", reg->dir, all_specs[i]->file);
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
	for (i = 0; i < NSPECS; i++) {
		headers[i] = canonical_header(all_specs[i]);
		ch[i + 1] = (struct vl_change){all_specs[i]->file, NULL, true,
		    headers[i], strlen(headers[i])};
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
	if (planfile) {
		if ((status = vl_plan_load(planfile, planfile, &plan)) != VL_OK)
			return status;
		vl_plan_free(&plan);
		text = slurp(planfile, &len);
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

struct batch {
	const struct vl_filespec *spec;
	struct vl_book book;
	struct vl_header hdr;		/* the target file's columns */
	struct vl_projects ids;		/* ids already used (ids only) */
	int64_t next_id;
	bool checked_columns;
	struct vl_buf rows;		/* CSV rows to append */
	struct vl_buf added;		/* ids added, one per line */
};

static bool
has_id(const struct vl_filespec *s)
{
	return strcmp(s->field[0].name, "id") == 0;
}

/* Project ids are P001, P002...; fund and inspection ids 1, 2... */
static const char *
id_prefix(const struct vl_filespec *s)
{
	return s == &vl_projects_spec ? "P" : "";
}

static void
note_id(struct batch *b, const char *id)
{
	const char *prefix = id_prefix(b->spec), *num = id + strlen(prefix);
	struct vl_project p = {0};
	char *end;
	int64_t n;

	if (strncmp(id, prefix, strlen(prefix)) == 0 && *num >= '0' &&
	    *num <= '9') {
		n = strtoll(num, &end, 10);
		if (*end == '\0' && n >= b->next_id && n < INT64_MAX)
			b->next_id = n + 1;
	}
	p.id = vl_xstrdup(id);
	vl_projects_add(&b->ids, &p);
}

static int
on_existing(const struct vl_record *r, void *ctx)
{
	struct batch *b = ctx;

	if (has_id(b->spec) && *vl_field(r, "id"))
		note_id(b, vl_field(r, "id"));
	return 0;
}

/* The target file's header and used ids; a new file gets the spec's. */
static int
scan_target(struct batch *b)
{
	struct vl_csv_opts opts = {NULL, NULL, &b->hdr};
	char *path = vl_reg_path(&b->book.reg, b->spec->file);
	int status = VL_OK;
	size_t i;

	b->next_id = 1;
	if (vl_reg_exists(&b->book.reg, b->spec->file))
		status = vl_csv_read(path, vl_book_display(&b->book,
		    b->spec->file), &opts, on_existing, b);
	free(path);
	if (b->hdr.n == 0) {
		b->hdr.n = b->spec->n;
		b->hdr.name = vl_xcalloc(b->spec->n, sizeof *b->hdr.name);
		for (i = 0; i < b->spec->n; i++)
			b->hdr.name[i] = vl_xstrdup(b->spec->field[i].name);
	}
	return status;
}

static bool
column_known(const struct batch *b, const char *name)
{
	size_t i;

	if (vl_header_index(&b->hdr, name) >= 0)
		return true;
	for (i = 0; i < b->spec->n; i++)
		if (strcmp(b->spec->field[i].name, name) == 0)
			return true;
	return false;
}

/* An import's columns must all be known, its core ones present. */
static int
check_columns(struct batch *b, const struct vl_record *r)
{
	size_t i;
	int bad = 0;

	for (i = 0; i < r->header->n; i++)
		if (!column_known(b, r->header->name[i])) {
			vl_errat(r->file, 1, r->header->name[i], "not a column "
			    "of %s", b->spec->file);
			bad++;
		}
	for (i = 0; i < b->spec->n; i++) {
		const char *name = b->spec->field[i].name;

		if (vl_header_index(&b->hdr, name) < 0 &&
		    *vl_field(r, name)) {
			vl_errat(r->file, r->line, name, "%s has no such "
			    "column; add it to the file first",
			    b->spec->file);
			bad++;
		}
	}
	return bad;
}

static int
check_id(struct batch *b, const struct vl_record *r, char **id)
{
	if (!**id) {
		free(*id);
		struct vl_buf s = {0};
		vl_buf_printf(&s, b->spec == &vl_projects_spec ? "%s%03" PRId64 :
		    "%s%" PRId64, id_prefix(b->spec), b->next_id);
		*id = s.data;
	}
	if (vl_projects_find(&b->ids, *id)) {
		vl_errat(r->file, r->line, "id", "\"%s\" is already in %s or "
		    "in this batch", *id, b->spec->file);
		return 1;
	}
	note_id(b, *id);
	return 0;
}

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

/* Amounts are stored in one form: yuan with two decimals. */
static void
normalise_money(const struct batch *b, char **values)
{
	char buf[VL_MONEY_BUFSZ];
	const char *why;
	int64_t fen;
	size_t i;
	int col;

	for (i = 0; i < b->spec->n; i++) {
		if (b->spec->field[i].type != VL_T_MONEY)
			continue;
		col = vl_header_index(&b->hdr, b->spec->field[i].name);
		if (col >= 0 && vl_money_parse(values[col], &fen, &why) == 0) {
			free(values[col]);
			values[col] = vl_xstrdup(vl_money_format(fen, buf));
		}
	}
}

/* A project added is known at once: later rows may not repeat it. */
static void
remember_project(struct batch *b, const struct vl_record *view)
{
	struct vl_project p = {0};

	p.id = vl_xstrdup(vl_field(view, "id"));
	vl_projects_add(&b->book.projects, &p);
}

static int
add_record(const struct vl_record *r, void *ctx)
{
	struct batch *b = ctx;
	char **values = vl_xcalloc(b->hdr.n, sizeof *values);
	size_t *lens = vl_xcalloc(b->hdr.n, sizeof *lens), i;
	struct vl_record view = {r->file, r->line, b->hdr.n, NULL, lens,
	    &b->hdr};
	int bad = 0, idcol = vl_header_index(&b->hdr, "id");

	if (!b->checked_columns) {
		b->checked_columns = true;
		bad += check_columns(b, r);
	}
	for (i = 0; i < b->hdr.n; i++)
		values[i] = vl_xstrdup(vl_field(r, b->hdr.name[i]));
	if (idcol >= 0)
		bad += check_id(b, r, &values[idcol]);
	view.field = values;
	bad += vl_check_record(b->spec, &view, &b->book.projects,
	    &b->book.plan);
	if (b->spec == &vl_projects_spec) {
		bad += check_people(&view);
		remember_project(b, &view);
	}
	if (!bad) {
		normalise_money(b, values);
		vl_buf_csv_row(&b->rows, b->hdr.n, (const char *const *)values);
		if (idcol >= 0)
			vl_buf_printf(&b->added, "%s\n", values[idcol]);
	}
	for (i = 0; i < b->hdr.n; i++)
		free(values[i]);
	free(values);
	free(lens);
	return 0;
}

/* One record from the options: a record over the options' own columns. */
static void
add_from_options(struct batch *b, const char **opt, vl_date today)
{
	const struct vl_filespec *s = b->spec;
	struct vl_header h = {s->n, vl_xcalloc(s->n, sizeof(char *))};
	char **field = vl_xcalloc(s->n, sizeof *field);
	size_t *len = vl_xcalloc(s->n, sizeof *len), i;
	char date[VL_DATE_BUFSZ];
	struct vl_record r = {"command line", 0, s->n, field, len, &h};

	for (i = 0; i < s->n; i++) {
		h.name[i] = (char *)s->field[i].name;
		field[i] = (char *)(opt[i] ? opt[i] : "");
		if (!opt[i] && strcmp(s->field[i].name, "date") == 0)
			field[i] = vl_date_format(today, date);
		len[i] = strlen(field[i]);
	}
	add_record(&r, b);
	free(h.name);
	free(field);
	free(len);
}

static char *
header_line(const struct vl_header *h)
{
	struct vl_buf b = {0};

	vl_buf_csv_row(&b, h->n, (const char *const *)h->name);
	return b.data;
}

static int
commit_batch(struct batch *b)
{
	char *header = header_line(&b->hdr);
	struct vl_change ch = {b->spec->file, header, false, b->rows.data,
	    b->rows.len};
	int status = VL_OK;

	if (b->rows.len > 0)
		status = vl_reg_commit(&b->book.reg, &ch, 1);
	free(header);
	if (status == VL_OK && b->added.len)
		fputs(b->added.data, stdout);
	return status;
}

static void
batch_free(struct batch *b)
{
	vl_book_free(&b->book);
	vl_header_free(&b->hdr);
	vl_projects_free(&b->ids);
	vl_buf_free(&b->rows);
	vl_buf_free(&b->added);
}

static int
import(struct batch *b, const char *file)
{
	struct vl_csv_opts opts = {NULL, NULL, NULL};
	const char **req = vl_spec_required(b->spec);

	/* an import may leave ids out: they are assigned */
	opts.required = req + has_id(b->spec);
	return vl_csv_read(file, strcmp(file, "-") == 0 ? "stdin" : file,
	    &opts, add_record, b);
}

static int
run_batch(const struct vl_filespec *spec, const struct vl_cli *cli,
    const char *importfile, const char **opt)
{
	struct batch b = {0};
	long errors = vl_error_count();
	int status;

	b.spec = spec;
	status = vl_book_load(&b.book, cli->dir, VL_LOAD_PLAN |
	    VL_LOAD_PROJECTS, VL_NODATE);
	if (status == VL_OK && (status = vl_reg_lock(&b.book.reg)) == VL_OK &&
	    (status = scan_target(&b)) == VL_OK) {
		if (importfile)
			status = import(&b, importfile);
		else
			add_from_options(&b, opt, cli->today);
		if (status == VL_OK && vl_error_count() > errors)
			status = VL_BADINPUT;
		if (status == VL_OK)
			status = commit_batch(&b);
	}
	if (status == VL_BADINPUT)
		vl_warn("nothing written");
	batch_free(&b);
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

static const struct vl_subcmd cmds[] = {
	{"init", cmd_init, "[--plan FILE]"},
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
