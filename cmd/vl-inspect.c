/*
 * vl-inspect - the supervision office's records: review before, check
 * during and acceptance after construction (事前审查、事中检查、事后验收),
 * failed inspections rectified by a due date (限期整改), and projects
 * drawn at random for spot checks (抽查).
 *
 * add goes through the library's batch (all or nothing); close rewrites
 * one row of inspections.csv and keeps every other byte of the file; list,
 * show and sample read the register as of a day.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <iconv.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

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
    "      [--finding T --due D] [--inspector N] [--date D] [--id ID]\n"
    "                       a fail needs a finding and a due date after\n"
    "                       the inspection; an acceptance pass needs the\n"
    "                       project completed on or before its date\n"
    "  add --import FILE|-  many inspections from a CSV, all or none\n"
    "  close ID [--date D] [--note T]\n"
    "                       the rectification of failed inspection ID is\n"
    "                       verified; T goes to a close_note column if the\n"
    "                       file has one, else after the finding: [整改: T]\n"
    "  list [--open] [--overdue] [--project P] [--town T] [--phase PH]\n"
    "       [--aspect A] [--result R] [--check]\n"
    "                       inspections with the project's town, village,\n"
    "                       leader and specialist; --overdue: open fails\n"
    "                       past due; --check: exit 1 when any is listed\n"
    "  show ID|PROJECT      a project's whole story (an inspection id shows\n"
    "                       its project); --format: its inspections only\n"
    "  sample --count N [--seed S] [--skip-recent K] [--town T]\n"
    "         [--stage registered|reviewed|started|completed|accepted]\n"
    "                       draw N distinct projects for spot checks; the\n"
    "                       same seed and register give the same draw\n"
    "                       (default seed: the day as YYYYMMDD)\n"
    "\n"
    "options:\n"
    "  -C, --dir DIR            the register (default $VL_DIR, else .)\n"
    "  --as-of DATE             today (default $VL_AS_OF, else the date)\n"
    "  --format csv|json|table|xlsx\n"
    "                           list, show and sample output (csv); xlsx:\n"
    "                           an Excel workbook, needs -o\n"
    "  -o, --output FILE        write the report to FILE (whole, or not at\n"
    "                           all) instead of standard output\n"
    "  --excel                  output for a spreadsheet (BOM, CRLF)\n"
    "  --encoding utf-8|gb18030 output encoding\n"
    "  --input-encoding ENC     utf-8 or gb18030 (default: detected)\n"
    "  --lang en|zh             English or Chinese messages, help and\n"
    "                           table headers (default: $LANGUAGE, else\n"
    "                           $LC_ALL, $LC_MESSAGES, $LANG: zh... is\n"
    "                           Chinese); CSV and JSON keys stay English\n"
    "  -h, --help               this help\n"
    "  --version                the version\n"
    "\n"
    "Exit status: 0 done, 1 list --check listed something, 2 bad input\n"
    "or usage (nothing written), 3 system fault.\n");

enum {
	OPT_ID = VL_OPT_TOOL, OPT_DATE, OPT_PROJECT, OPT_PHASE, OPT_ASPECT,
	OPT_RESULT, OPT_FINDING, OPT_DUE, OPT_INSPECTOR, OPT_IMPORT,
	OPT_NOTE, OPT_OPEN, OPT_OVERDUE, OPT_TOWN, OPT_COUNT, OPT_SEED,
	OPT_SKIP_RECENT, OPT_STAGE, OPT_CHECK
};

#define OPTION(name, has, val) {name, has, NULL, val}

/* --format or --excel given: show prints its inspections that way */
static bool format_given;

/* Parse a tool option table; shared options go to cli.  Returns the
 * first operand's index. */
static int
parse(int argc, char **argv, const struct option *longopts,
    struct vl_cli *cli, const char *usage,
    void (*own)(int c, const char *arg, void *ctx), void *ctx)
{
	int c;

	vl_cli_init(cli);
	optind = 1;
	while ((c = getopt_long(argc, argv, VL_CLI_SHORT, longopts,
	    NULL)) != -1) {
		if (c == VL_OPT_FORMAT || c == VL_OPT_EXCEL)
			format_given = true;
		if (c >= VL_OPT_TOOL && own)
			own(c, optarg, ctx);
		else if (!vl_cli_option(cli, c, optarg, help))
			vl_usage(usage);
	}
	vl_cli_done(cli);
	return optind;
}

static void
need_choice(const char *opt, const char *v, const char *const *choices)
{
	struct vl_buf list = {0};
	const char *const *c;

	if (vl_in(choices, v))
		return;
	for (c = choices; *c; c++)
		vl_buf_printf(&list, "%s%s", c == choices ? "" : ", ", *c);
	vl_die(VL_BADINPUT, "--%s: \"%s\" is not one of %s", opt, v, list.data);
}

static int
load(struct vl_book *b, const struct vl_cli *cli, int what, vl_date as_of)
{
	int status = vl_book_load(b, cli->dir, what, as_of);

	if (status != VL_OK)
		vl_book_free(b);
	return status;
}

/* ---- add ------------------------------------------------------------- */

#define ADD_USAGE "vl-inspect [-C DIR] add --project P --phase PH " \
    "--aspect A --result R [--finding T --due D] [--inspector N] " \
    "[--date D] [--id ID] | --import FILE"

struct add_opts {
	const char *value[16];	/* by vl_inspections_spec column */
	const char *import;
	bool fields;		/* a field given as an option */
};

static void
add_option(int c, const char *arg, void *ctx)
{
	static const char *const column[] = {"id", "date", "project", "phase",
	    "aspect", "result", "finding", "due", "inspector"};
	struct add_opts *a = ctx;
	size_t i;

	if (c == OPT_IMPORT) {
		a->import = arg;
		return;
	}
	a->fields = true;
	for (i = 0; i < vl_inspections_spec.n; i++)
		if (strcmp(vl_inspections_spec.field[i].name,
		    column[c - OPT_ID]) == 0)
			a->value[i] = arg;
}

static vl_date
date_of(const struct vl_record *r, const char *field)
{
	vl_date d = VL_NODATE;
	const char *why;

	if (vl_date_parse(vl_field(r, field), &d, &why) != 0)
		d = VL_NODATE;
	return d;
}

/* The rules of an inspection beyond the schema's: a pass has nothing to
 * rectify, and only a completed project can pass its acceptance. */
static int
inspection_rule(struct vl_batch *b, const struct vl_record *r)
{
	bool pass = strcmp(vl_field(r, "result"), "pass") == 0;
	vl_date date = date_of(r, "date"), done;
	char buf[VL_DATE_BUFSZ];
	long i;

	if (!pass)
		return 0;
	if (*vl_field(r, "due")) {
		vl_errat(r->file, r->line, "due", "a passed inspection has "
		    "nothing to rectify; leave due empty");
		return 1;
	}
	i = vl_projects_index(&b->book.projects, vl_field(r, "project"));
	if (strcmp(vl_field(r, "phase"), "acceptance") != 0 || i < 0 ||
	    date == VL_NODATE)
		return 0;
	done = b->book.progress[i].completed;
	if (done != VL_NODATE && done <= date)
		return 0;
	if (done == VL_NODATE)
		vl_errat(r->file, r->line, "result", "an acceptance can pass "
		    "only a completed project; %s has no completed progress "
		    "entry", vl_field(r, "project"));
	else
		vl_errat(r->file, r->line, "result", "an acceptance can pass "
		    "only a completed project; %s completed %s, after %s",
		    vl_field(r, "project"), vl_date_format(done, buf),
		    vl_field(r, "date"));
	return 1;
}

/* finding, due and inspector may be left out of an import; closed is
 * for close */
static const char *const import_columns[] = {"date", "project", "phase",
    "aspect", "result", NULL};

static int
cmd_add(int argc, char **argv)
{
	static const struct option longopts[] = {
		OPTION("id", required_argument, OPT_ID),
		OPTION("date", required_argument, OPT_DATE),
		OPTION("project", required_argument, OPT_PROJECT),
		OPTION("phase", required_argument, OPT_PHASE),
		OPTION("aspect", required_argument, OPT_ASPECT),
		OPTION("result", required_argument, OPT_RESULT),
		OPTION("finding", required_argument, OPT_FINDING),
		OPTION("due", required_argument, OPT_DUE),
		OPTION("inspector", required_argument, OPT_INSPECTOR),
		OPTION("import", required_argument, OPT_IMPORT),
		VL_CLI_OPTIONS
	};
	struct add_opts a = {{NULL}, NULL, false};
	struct vl_batch b = {0};
	struct vl_cli cli;
	int status;

	/* an import's rows carry their own fields: options would be lost */
	if (parse(argc, argv, longopts, &cli, ADD_USAGE, add_option, &a) !=
	    argc || (a.import && a.fields))
		vl_usage(ADD_USAGE);
	vl_cli_no_records(&cli, "add");
	b.spec = &vl_inspections_spec;
	b.load = VL_LOAD_PROGRESS;
	b.rule = inspection_rule;
	b.required = import_columns;
	status = vl_batch_run(&b, cli.dir, a.import, a.value, cli.today);
	return status == VL_OK ? vl_close_stdout() : status;
}

/* ---- close ----------------------------------------------------------- */

#define CLOSE_USAGE "vl-inspect [-C DIR] close ID [--date D] [--note T]"

struct row {
	long line;
	char **f;
};

/* inspections.csv as read: its bytes, header and records */
struct table {
	const char *display;
	char *raw;
	size_t len;
	struct vl_header hdr;
	struct row *row;
	size_t n;
};

struct close_opts {
	const char *date, *note;
};

static void
close_option(int c, const char *arg, void *ctx)
{
	struct close_opts *o = ctx;

	if (c == OPT_DATE)
		o->date = arg;
	else
		o->note = arg;
}

static int
keep_row(const struct vl_record *r, void *ctx)
{
	struct table *t = ctx;
	struct row *w;
	size_t i;

	if ((t->n & (t->n - 1)) == 0)
		t->row = vl_xrealloc(t->row, (t->n ? 2 * t->n : 1) *
		    sizeof *t->row);
	w = &t->row[t->n++];
	w->line = r->line;
	w->f = vl_xcalloc(r->n, sizeof *w->f);
	for (i = 0; i < r->n; i++)
		w->f[i] = vl_xstrdup(r->field[i]);
	return 0;
}

static int
slurp(const char *path, const char *display, char **data, size_t *len)
{
	int fd = vl_open_regular_at(AT_FDCWD, path, display, NULL);
	FILE *f = fd >= 0 ? fdopen(fd, "rb") : NULL;
	struct vl_buf b = {0};
	char block[65536];
	size_t n;
	int err;

	if (!f) {
		err = errno;
		if (fd >= 0)
			close(fd);
		if (fd >= 0 || err == ENOENT)	/* else said */
			vl_warn("%s: %s", display, strerror(err));
		return err == ENOENT ? VL_BADINPUT : VL_SYSFAULT;
	}
	while ((n = fread(block, 1, sizeof block, f)) > 0)
		vl_buf_add(&b, block, n);
	err = ferror(f) ? errno : 0;
	fclose(f);
	if (err) {
		vl_warn("%s: %s", display, strerror(err));
		vl_buf_free(&b);
		return VL_SYSFAULT;
	}
	*len = b.len;
	*data = b.data ? b.data : vl_xstrdup("");
	return VL_OK;
}

static int
table_read(struct table *t, const struct vl_book *book)
{
	struct vl_csv_opts opts = {.header_out = &t->hdr};
	char *path = vl_reg_path(&book->reg, vl_inspections_spec.file);
	int status;

	t->display = vl_xstrdup(vl_book_display(book,
	    vl_inspections_spec.file));
	opts.required = vl_spec_required(&vl_inspections_spec);
	status = slurp(path, t->display, &t->raw, &t->len);
	free(path);
	if (status == VL_OK)
		status = vl_csv_read_mem(t->raw, t->len, t->display, &opts,
		    keep_row, t);
	return status;
}

static char **
dup_fields(char **f, size_t n)
{
	char **copy = vl_xcalloc(n, sizeof *copy);
	size_t k;

	for (k = 0; k < n; k++)
		copy[k] = vl_xstrdup(f[k]);
	return copy;
}

static void
free_fields(char **f, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		free(f[k]);
	free(f);
}

static void
table_free(struct table *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free_fields(t->row[i].f, t->hdr.n);
	free(t->row);
	free(t->raw);
	free((char *)t->display);
	vl_header_free(&t->hdr);
}

static const char *
cell(const struct table *t, const struct row *w, const char *name)
{
	int i = vl_header_index(&t->hdr, name);

	return i < 0 ? "" : w->f[i];
}

static void
set_cell(const struct table *t, struct row *w, const char *name,
    const char *v)
{
	int i = vl_header_index(&t->hdr, name);

	free(w->f[i]);
	w->f[i] = vl_xstrdup(v);
}

/* The row with that id; a second one is an error in the file. */
static struct row *
find_row(const struct table *t, const char *id)
{
	struct row *found = NULL;
	size_t i;

	for (i = 0; i < t->n; i++) {
		if (strcmp(cell(t, &t->row[i], "id"), id) != 0)
			continue;
		if (found) {
			vl_errat(t->display, t->row[i].line, "id", "\"%s\" "
			    "appears twice (also line %ld); fix the file first",
			    id, found->line);
			return NULL;
		}
		found = &t->row[i];
	}
	if (!found)
		vl_errat(t->display, 0, "id", "no inspection \"%s\"", id);
	return found;
}

/* Only an open failed inspection closes, and not before it happened. */
static int
can_close(const struct table *t, const struct row *w, const char *id,
    vl_date when)
{
	struct vl_record r = {.file = t->display, .line = w->line,
	    .n = t->hdr.n, .field = w->f, .header = &t->hdr};
	char buf[VL_DATE_BUFSZ];
	vl_date d = date_of(&r, "date");

	if (strcmp(cell(t, w, "result"), "fail") != 0) {
		vl_errat(t->display, w->line, "result", "inspection %s did not "
		    "fail: nothing to rectify", id);
		return 1;
	}
	if (*cell(t, w, "closed")) {
		vl_errat(t->display, w->line, "closed", "inspection %s is "
		    "already closed (%s)", id, cell(t, w, "closed"));
		return 1;
	}
	if (d != VL_NODATE && when < d) {
		vl_errat("command line", 0, "date", "%s is before inspection "
		    "%s of %s", vl_date_format(when, buf), id,
		    cell(t, w, "date"));
		return 1;
	}
	return 0;
}

/* The note goes where a clerk reads it: a close_note column when the
 * file has one, else after the finding, which is never lost. */
static void
put_note(const struct table *t, struct row *w, const char *note)
{
	struct vl_buf b = {0};

	if (vl_header_index(&t->hdr, "close_note") >= 0) {
		set_cell(t, w, "close_note", note);
		return;
	}
	vl_buf_printf(&b, "%s%s[整改: %s]", cell(t, w, "finding"),
	    *cell(t, w, "finding") ? " " : "", note);
	set_cell(t, w, "finding", b.data);
	vl_buf_free(&b);
}

static bool
is_utf8(const char *s, size_t n)
{
	iconv_t cd = iconv_open("UTF-8", "UTF-8");
	char out[4096], *in = (char *)s, *o;
	size_t inleft = n, outleft;
	bool ok = true;

	if (cd == (iconv_t)-1)
		return false;
	while (ok && inleft > 0) {
		o = out;
		outleft = sizeof out;
		if (iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1 &&
		    errno != E2BIG)
			ok = false;
	}
	iconv_close(cd);
	return ok;
}

/* The length of the line end at s[i] (LF, CRLF or a lone CR, as the
 * CSV reader counts lines), or 0. */
static size_t
eol(const char *s, size_t n, size_t i)
{
	if (s[i] == '\n')
		return 1;
	if (s[i] == '\r')
		return i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
	return 0;
}

/* Byte offset where line (1-based) starts; n past the last line. */
static size_t
line_start(const char *s, size_t n, long line)
{
	size_t i = 0, e;

	while (line > 1 && i < n)
		if ((e = eol(s, n, i)) > 0) {
			i += e;
			line--;
		} else {
			i++;
		}
	return line > 1 ? n : i;
}

static long
line_ends(const char *s)
{
	size_t i, n = strlen(s), e;
	long count = 0;

	for (i = 0; i < n; i += e ? e : 1)
		count += (e = eol(s, n, i)) > 0;
	return count;
}

/* The file with only that row's bytes replaced: its line end kept, the
 * BOM, line ends, quoting and blank lines of every other row untouched.
 * Only done when the bytes found there are the row as vl writes it, and
 * the file is UTF-8; else false, and the file is written out whole. */
static bool
splice(const struct table *t, const struct row *w, const struct row *old,
    struct vl_buf *out)
{
	struct vl_buf was = {0};
	size_t from, to, end, k;
	long lines = 1;
	bool same;

	if ((vl_input_encoding && strcasecmp(vl_input_encoding, "utf-8") != 0 &&
	    strcasecmp(vl_input_encoding, "utf8") != 0) ||
	    !is_utf8(t->raw, t->len))
		return false;
	for (k = 0; k < t->hdr.n; k++)
		lines += line_ends(old->f[k]);
	from = line_start(t->raw, t->len, w->line);
	to = line_start(t->raw, t->len, w->line + lines);
	for (end = to; end > from && (t->raw[end - 1] == '\n' ||
	    t->raw[end - 1] == '\r') && to - end < 2; end--)
		;
	vl_buf_csv_row(&was, t->hdr.n, (const char *const *)old->f);
	same = was.len - 1 == end - from &&
	    memcmp(was.data, t->raw + from, end - from) == 0;
	vl_buf_free(&was);
	if (!same)
		return false;
	vl_buf_add(out, t->raw, from);
	vl_buf_csv_row(out, t->hdr.n, (const char *const *)w->f);
	out->data[--out->len] = '\0';
	vl_buf_add(out, t->raw + end, t->len - end);	/* its line end */
	return true;
}

static void
reemit(const struct table *t, struct vl_buf *out)
{
	size_t i;

	vl_buf_csv_row(out, t->hdr.n, (const char *const *)t->hdr.name);
	for (i = 0; i < t->n; i++)
		vl_buf_csv_row(out, t->hdr.n, (const char *const *)t->row[i].f);
}

static int
rewrite(struct vl_book *book, const struct table *t, const struct row *w,
    const struct row *old, const char *id)
{
	struct vl_buf out = {0};
	struct vl_change ch = {.file = vl_inspections_spec.file,
	    .replace = true};
	int status;

	if (!splice(t, w, old, &out)) {
		out.len = 0;
		reemit(t, &out);
	}
	ch.data = out.data;
	ch.len = out.len;
	vl_reg_note(&book->reg, "close", vl_inspections_spec.file, id);
	status = vl_reg_commit(&book->reg, &ch, 1);
	vl_buf_free(&out);
	return status;
}

/* The row closed, checked again as a whole, and the file rewritten. */
static int
close_row(struct vl_book *book, struct table *t, const char *id,
    vl_date when, const char *note)
{
	struct row *w, old;
	struct vl_record r;
	char buf[VL_DATE_BUFSZ];
	int status;

	if (!(w = find_row(t, id)) || can_close(t, w, id, when))
		return VL_BADINPUT;
	old = *w;
	w->f = dup_fields(old.f, t->hdr.n);
	set_cell(t, w, "closed", vl_date_format(when, buf));
	if (note && *note)
		put_note(t, w, note);
	r = (struct vl_record){.file = t->display, .line = w->line,
	    .n = t->hdr.n, .field = w->f, .header = &t->hdr};
	status = vl_check_record(&vl_inspections_spec, &r, &book->projects,
	    NULL) ? VL_BADINPUT : rewrite(book, t, w, &old, id);
	free_fields(old.f, t->hdr.n);
	return status;
}

static int
cmd_close(int argc, char **argv)
{
	static const struct option longopts[] = {
		OPTION("date", required_argument, OPT_DATE),
		OPTION("note", required_argument, OPT_NOTE),
		VL_CLI_OPTIONS
	};
	struct close_opts o = {NULL, NULL};
	struct table t = {0};
	struct vl_book book;
	struct vl_cli cli;
	const char *why;
	vl_date when;
	int first, status;

	first = parse(argc, argv, longopts, &cli, CLOSE_USAGE, close_option,
	    &o);
	if (argc - first != 1)
		vl_usage(CLOSE_USAGE);
	vl_cli_no_records(&cli, "close");
	when = cli.today;
	if (o.date && vl_date_parse(o.date, &when, &why) != 0)
		vl_die(VL_BADINPUT, "--date: %s: \"%s\"", why, o.date);
	/* every record counts here: none is ignored; and all of it is read
	 * under the writer's lock, so that what is rewritten is what was
	 * read */
	if ((status = load(&book, &cli, VL_LOAD_PLAN | VL_LOAD_PROJECTS |
	    VL_LOAD_WRITE, VL_NODATE)) != VL_OK)
		return status;
	if ((status = table_read(&t, &book)) == VL_OK)
		status = close_row(&book, &t, argv[first], when, o.note);
	if (status == VL_BADINPUT)
		vl_warn("nothing written");
	else if (status == VL_OK)
		printf("%s\n", argv[first]);
	table_free(&t);
	vl_book_free(&book);
	return status == VL_OK ? vl_close_stdout() : status;
}

/* ---- list ------------------------------------------------------------ */

#define LIST_USAGE "vl-inspect [-C DIR] list [--open] [--overdue] " \
    "[--project P] [--town T] [--phase PH] [--aspect A] [--result R] " \
    "[--check] [--format F]"

static const struct vl_col insp_cols[] = {
	{"id", VL_COL_TEXT}, {"date", VL_COL_DATE},
	{"project", VL_COL_TEXT}, {"town", VL_COL_TEXT},
	{"village", VL_COL_TEXT}, {"leader", VL_COL_TEXT},
	{"specialist", VL_COL_TEXT}, {"phase", VL_COL_TEXT},
	{"aspect", VL_COL_TEXT}, {"result", VL_COL_TEXT},
	{"finding", VL_COL_TEXT}, {"due", VL_COL_DATE},
	{"closed", VL_COL_DATE}, {"inspector", VL_COL_TEXT}
};
#define NINSP_COLS (sizeof insp_cols / sizeof insp_cols[0])

struct filter {
	bool open, overdue, check;
	const char *project, *town, *phase, *aspect, *result;
};

static void
list_option(int c, const char *arg, void *ctx)
{
	struct filter *f = ctx;

	switch (c) {
	case OPT_OPEN:
		f->open = true;
		break;
	case OPT_OVERDUE:
		f->overdue = true;
		break;
	case OPT_CHECK:
		f->check = true;
		break;
	case OPT_PROJECT:
		f->project = arg;
		break;
	case OPT_TOWN:
		f->town = arg;
		break;
	case OPT_PHASE:
		need_choice("phase", arg, vl_phases);
		f->phase = arg;
		break;
	case OPT_ASPECT:
		need_choice("aspect", arg, vl_aspects);
		f->aspect = arg;
		break;
	case OPT_RESULT:
		need_choice("result", arg, vl_results);
		f->result = arg;
		break;
	}
}

static bool
is_open(const struct vl_inspection *in)
{
	return strcmp(in->result, "fail") == 0 && in->closed == VL_NODATE;
}

static bool
wanted(const struct filter *f, const struct vl_inspection *in,
    const struct vl_project *p, vl_date today)
{
	return (!f->open || is_open(in)) &&
	    (!f->overdue || (is_open(in) && in->due != VL_NODATE &&
	    in->due < today)) &&
	    (!f->project || strcmp(f->project, in->project) == 0) &&
	    (!f->town || strcmp(f->town, p->town) == 0) &&
	    (!f->phase || strcmp(f->phase, in->phase) == 0) &&
	    (!f->aspect || strcmp(f->aspect, in->aspect) == 0) &&
	    (!f->result || strcmp(f->result, in->result) == 0);
}

static const char *
day(vl_date d, char buf[VL_DATE_BUFSZ])
{
	return d == VL_NODATE ? "" : vl_date_format(d, buf);
}

static void
insp_row(struct vl_out *o, const struct vl_inspection *in,
    const struct vl_project *p)
{
	char d[VL_DATE_BUFSZ], due[VL_DATE_BUFSZ], closed[VL_DATE_BUFSZ];
	const char *v[NINSP_COLS] = {in->id, day(in->date, d), in->project,
	    p->town, p->village, p->leader, p->specialist, in->phase,
	    in->aspect, in->result, in->finding, day(in->due, due),
	    day(in->closed, closed), in->inspector};

	vl_out_row(o, v);
}

/* xlsx: "检查记录 2023-06-15", or "检查记录 P36 2023-06-15" */
static void
sheet(struct vl_cli *cli, const char *project)
{
	struct vl_buf title = {0};

	vl_buf_printf(&title, "检查记录%s%s", project ? " " : "",
	    project ? project : "");
	vl_sheet_name(cli->out.sheet, title.data, cli->today);
	vl_buf_free(&title);
}

/* VL_OK, or VL_FINDINGS when a row was listed and --check asked */
static int
print_inspections(const struct vl_book *b, const struct vl_cli *cli,
    const struct filter *f)
{
	struct vl_out *o = vl_out_open(stdout, &cli->out, NINSP_COLS,
	    insp_cols);
	const struct vl_project *p;
	size_t i, n = 0;
	int status;

	for (i = 0; i < b->ninsp; i++) {
		p = vl_projects_find(&b->projects, b->insp[i].project);
		if (p && wanted(f, &b->insp[i], p, cli->today)) {
			insp_row(o, &b->insp[i], p);
			n++;
		}
	}
	status = vl_out_close(o);
	return status == VL_OK && f->check && n > 0 ? VL_FINDINGS : status;
}

static int
cmd_list(int argc, char **argv)
{
	static const struct option longopts[] = {
		OPTION("open", no_argument, OPT_OPEN),
		OPTION("overdue", no_argument, OPT_OVERDUE),
		OPTION("project", required_argument, OPT_PROJECT),
		OPTION("town", required_argument, OPT_TOWN),
		OPTION("phase", required_argument, OPT_PHASE),
		OPTION("aspect", required_argument, OPT_ASPECT),
		OPTION("result", required_argument, OPT_RESULT),
		OPTION("check", no_argument, OPT_CHECK),
		VL_CLI_OPTIONS
	};
	struct filter f = {0};
	struct vl_book b;
	struct vl_cli cli;
	int status;

	if (parse(argc, argv, longopts, &cli, LIST_USAGE, list_option, &f) !=
	    argc)
		vl_usage(LIST_USAGE);
	if ((status = load(&b, &cli, VL_LOAD_PLAN | VL_LOAD_PROJECTS |
	    VL_LOAD_INSPECTIONS, cli.today)) != VL_OK)
		return status;
	sheet(&cli, f.project);
	if (f.project && !vl_projects_find(&b.projects, f.project)) {
		vl_warn("--project: no such project \"%s\"", f.project);
		status = VL_BADINPUT;
	} else {
		status = print_inspections(&b, &cli, &f);
	}
	vl_book_free(&b);
	if (status == VL_FINDINGS)
		return vl_close_stdout() == VL_OK ? VL_FINDINGS : VL_SYSFAULT;
	return status == VL_OK ? vl_close_stdout() : status;
}

/* ---- show ------------------------------------------------------------ */

#define SHOW_USAGE "vl-inspect [-C DIR] show ID|PROJECT [--format F]"

/* A project id, else the project of an inspection id; -1 if neither. */
static long
resolve(const struct vl_book *b, const char *arg)
{
	long i = vl_projects_index(&b->projects, arg);
	size_t k;

	for (k = 0; i < 0 && k < b->ninsp; k++)
		if (strcmp(b->insp[k].id, arg) == 0)
			i = vl_projects_index(&b->projects, b->insp[k].project);
	return i;
}

static void
put_step(struct vl_buf *s, const char *name, vl_date d, bool now)
{
	char buf[VL_DATE_BUFSZ];

	vl_buf_printf(s, "  %-11s %s", name, d == VL_NODATE ? "-" :
	    vl_date_format(d, buf));
	if (now)
		vl_buf_printf(s, "%*s<- now", d == VL_NODATE ? 11 : 2, "");
	vl_buf_puts(s, "\n");
}

static void
put_head(struct vl_buf *s, const struct vl_book *b, size_t i,
    vl_date today)
{
	const struct vl_project *p = &b->projects.v[i];
	struct vl_milestones m;
	enum vl_stage st = vl_project_stage(b, i, &m);
	char money[VL_MONEY_BUFSZ], d1[VL_DATE_BUFSZ], d2[VL_DATE_BUFSZ];

	vl_buf_printf(s, "%s %s %s\n", p->id, p->town, p->village);
	vl_buf_printf(s, "leader      %s\n", *p->leader ? p->leader : "-");
	vl_buf_printf(s, "specialist  %s\n", *p->specialist ? p->specialist :
	    "-");
	vl_buf_printf(s, "budget      %s", vl_money_format(p->budget, money));
	if (*p->mode)
		vl_buf_printf(s, "  mode %s", p->mode);
	if (*p->area)
		vl_buf_printf(s, "  area %s m²", p->area);
	vl_buf_printf(s, "\ndeadlines   start by %s, complete by %s\n",
	    day(p->start_by, d1), day(p->complete_by, d2));
	vl_buf_printf(s, "stage       %s (as of %s)\n", vl_project_stages[st],
	    vl_date_format(today, d1));
	vl_buf_printf(s, "  registered%s\n", st == VL_STAGE_REGISTERED ?
	    "              <- now" : "");
	put_step(s, "reviewed", m.reviewed, st == VL_STAGE_REVIEWED);
	put_step(s, "started", m.started, st == VL_STAGE_STARTED);
	put_step(s, "completed", m.completed, st == VL_STAGE_COMPLETED);
	put_step(s, "accepted", m.accepted, st == VL_STAGE_ACCEPTED);
}

static void
put_inspection(struct vl_buf *s, const struct vl_inspection *in,
    vl_date today)
{
	char d[VL_DATE_BUFSZ], due[VL_DATE_BUFSZ];

	vl_buf_printf(s, "  #%-5s %s  %-10s %-8s %-4s  %s\n", in->id,
	    day(in->date, d), in->phase, in->aspect, in->result,
	    *in->inspector ? in->inspector : "-");
	if (*in->finding)
		vl_buf_printf(s, "         finding: %s\n", in->finding);
	if (strcmp(in->result, "fail") != 0)
		return;
	vl_buf_printf(s, "         due %s, ", day(in->due, due));
	if (in->closed != VL_NODATE)
		vl_buf_printf(s, "closed %s\n", day(in->closed, d));
	else if (in->due != VL_NODATE && in->due < today)
		vl_buf_printf(s, "open, %ld days overdue\n",
		    (long)(today - in->due));
	else
		vl_buf_puts(s, "open\n");
}

/* What a clerk must not miss today: the rules of the overdue list. */
static size_t
overdue_warnings(struct vl_buf *s, const struct vl_book *b, size_t i,
    vl_date today)
{
	struct vl_overdue *od;
	char d[VL_DATE_BUFSZ];
	size_t n = vl_overdue_collect(b, today, -1, &od), k, count = 0;

	for (k = 0; k < n; k++) {
		if (od[k].project != &b->projects.v[i])
			continue;
		vl_buf_printf(s, "  %s", vl_overdue_kind_name(od[k].kind));
		if (od[k].status == VL_OD_LATE)
			vl_buf_printf(s, " (due %s, %ld days late)",
			    day(od[k].due, d), od[k].days_late);
		vl_buf_puts(s, ": ");
		vl_overdue_detail(&od[k], s);
		vl_buf_puts(s, "\n");
		count++;
	}
	free(od);
	return count;
}

static size_t
late_step(struct vl_buf *s, const char *what, vl_date done, vl_date due)
{
	char d1[VL_DATE_BUFSZ], d2[VL_DATE_BUFSZ];

	if (done == VL_NODATE || due == VL_NODATE || done <= due)
		return 0;
	vl_buf_printf(s, "  %s %s, %ld days after the deadline %s\n", what,
	    day(done, d1), (long)(done - due), day(due, d2));
	return 1;
}

/* What the history shows: steps done late, and records that do not fit
 * together. */
static size_t
history_warnings(struct vl_buf *s, const struct vl_book *b, size_t i)
{
	const struct vl_project *p = &b->projects.v[i];
	const struct vl_inspection *in;
	struct vl_milestones m;
	char d1[VL_DATE_BUFSZ], d2[VL_DATE_BUFSZ];
	size_t k, count = 0;

	vl_project_milestones(b, i, &m);
	count += late_step(s, "started", m.started, p->start_by);
	count += late_step(s, "completed", m.completed, p->complete_by);
	if (m.completed != VL_NODATE && m.started == VL_NODATE && ++count)
		vl_buf_printf(s, "  completed %s with no start recorded\n",
		    day(m.completed, d1));
	if (m.accepted != VL_NODATE && (m.completed == VL_NODATE ||
	    m.completed > m.accepted) && ++count)
		vl_buf_printf(s, "  acceptance passed %s before any completion "
		    "was recorded\n", day(m.accepted, d1));
	for (k = 0; k < b->ninsp; k++) {
		in = &b->insp[k];
		if (strcmp(in->project, p->id) != 0)
			continue;
		if (in->closed != VL_NODATE && in->due != VL_NODATE &&
		    in->closed > in->due && ++count)
			vl_buf_printf(s, "  rectification #%s closed %s, %ld "
			    "days after its due date %s\n", in->id,
			    day(in->closed, d1), (long)(in->closed - in->due),
			    day(in->due, d2));
		if (m.accepted != VL_NODATE && is_open(in) &&
		    in->date <= m.accepted && ++count)
			vl_buf_printf(s, "  accepted %s while rectification #%s "
			    "of %s is open\n", day(m.accepted, d1), in->id,
			    day(in->date, d2));
	}
	return count;
}

static void
show_text(struct vl_buf *s, const struct vl_book *b, size_t i,
    vl_date today)
{
	struct vl_buf w = {0};
	size_t k, n = 0;

	put_head(s, b, i, today);
	for (k = 0; k < b->ninsp; k++)
		n += strcmp(b->insp[k].project, b->projects.v[i].id) == 0;
	vl_buf_printf(s, "inspections (%zu)\n", n);
	for (k = 0; k < b->ninsp; k++)
		if (strcmp(b->insp[k].project, b->projects.v[i].id) == 0)
			put_inspection(s, &b->insp[k], today);
	n = overdue_warnings(&w, b, i, today);
	n += history_warnings(&w, b, i);
	vl_buf_printf(s, "warnings (%zu)\n%s", n, w.data ? w.data : "");
	vl_buf_free(&w);
}

static int
cmd_show(int argc, char **argv)
{
	static const struct option longopts[] = {VL_CLI_OPTIONS};
	struct filter f = {0};
	struct vl_buf s = {0};
	struct vl_book b;
	struct vl_cli cli;
	int first, status;
	long i;

	first = parse(argc, argv, longopts, &cli, SHOW_USAGE, NULL, NULL);
	if (argc - first != 1)
		vl_usage(SHOW_USAGE);
	if ((status = load(&b, &cli, VL_LOAD_PLAN | VL_LOAD_PROJECTS |
	    VL_LOAD_PROGRESS | VL_LOAD_INSPECTIONS, cli.today)) != VL_OK)
		return status;
	if ((i = resolve(&b, argv[first])) < 0) {
		vl_warn("no project or inspection \"%s\"", argv[first]);
		status = VL_BADINPUT;
	} else if (format_given) {
		f.project = b.projects.v[i].id;
		sheet(&cli, f.project);
		status = print_inspections(&b, &cli, &f);
	} else {
		show_text(&s, &b, (size_t)i, cli.today);
		status = vl_out_bytes(&cli.out, s.data, s.len);
	}
	vl_buf_free(&s);
	vl_book_free(&b);
	return status == VL_OK ? vl_close_stdout() : status;
}

/* ---- sample ---------------------------------------------------------- */

#define SAMPLE_USAGE "vl-inspect [-C DIR] sample --count N [--seed S] " \
    "[--skip-recent K] [--town T] [--stage S] [--format F]"

struct sample_opts {
	const char *count, *seed, *skip, *town;
	unsigned stages;	/* bit per enum vl_stage; 0: all */
};

static void
add_stages(struct sample_opts *o, const char *arg)
{
	char *list = vl_xstrdup(arg), *save = NULL, *name;
	enum vl_stage st;

	for (name = strtok_r(list, ",", &save); name;
	    name = strtok_r(NULL, ",", &save)) {
		need_choice("stage", name, vl_project_stages);
		vl_stage_parse(name, &st);
		o->stages |= 1u << st;
	}
	free(list);
}

static void
sample_option(int c, const char *arg, void *ctx)
{
	struct sample_opts *o = ctx;

	if (c == OPT_COUNT)
		o->count = arg;
	else if (c == OPT_SEED)
		o->seed = arg;
	else if (c == OPT_SKIP_RECENT)
		o->skip = arg;
	else if (c == OPT_TOWN)
		o->town = arg;
	else
		add_stages(o, arg);
}

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

/* SplitMix64 (Steele, Lea, Flood 2014): the same numbers for the same
 * seed on every machine, unlike rand(). */
static uint64_t
splitmix64(uint64_t *state)
{
	uint64_t z = (*state += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* uniform in [0, n): numbers below 2^64 mod n are redrawn, no bias */
static uint64_t
below(uint64_t *state, uint64_t n)
{
	uint64_t threshold = -n % n, r;

	do
		r = splitmix64(state);
	while (r < threshold);
	return r % n;
}

static const struct vl_book *sort_book;

static int
by_id(const void *a, const void *b)
{
	return strcmp(sort_book->projects.v[*(const size_t *)a].id,
	    sort_book->projects.v[*(const size_t *)b].id);
}

/* the last inspection of project i on or before today, or VL_NODATE */
static vl_date
last_inspected(const struct vl_book *b, size_t i)
{
	vl_date last = VL_NODATE;
	size_t k;

	for (k = 0; k < b->ninsp; k++)
		if (strcmp(b->insp[k].project, b->projects.v[i].id) == 0 &&
		    b->insp[k].date != VL_NODATE &&
		    (last == VL_NODATE || b->insp[k].date > last))
			last = b->insp[k].date;
	return last;
}

/* The projects a draw is made from, sorted by id (byte order). */
static size_t
pool(const struct vl_book *b, const struct sample_opts *o, vl_date today,
    size_t *idx)
{
	long skip = o->skip ? (long)number("skip-recent", o->skip, 100000) :
	    0;
	size_t i, n = 0;
	vl_date last;

	for (i = 0; i < b->projects.n; i++) {
		last = last_inspected(b, i);
		if (o->town && strcmp(o->town, b->projects.v[i].town) != 0)
			continue;
		if (o->stages && !(o->stages & 1u << vl_project_stage(b, i,
		    NULL)))
			continue;
		if (last != VL_NODATE && (long)today - (long)last < skip)
			continue;
		idx[n++] = i;
	}
	sort_book = b;
	qsort(idx, n, sizeof *idx, by_id);
	return n;
}

static const struct vl_col sample_cols[] = {
	{"draw", VL_COL_INT}, {"project", VL_COL_TEXT},
	{"town", VL_COL_TEXT}, {"village", VL_COL_TEXT},
	{"leader", VL_COL_TEXT}, {"specialist", VL_COL_TEXT},
	{"stage", VL_COL_TEXT}, {"last_inspected", VL_COL_DATE}
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
	    day(last_inspected(b, i), last)};

	snprintf(num, sizeof num, "%zu", nth);
	vl_out_row(o, v);
}

/* Fisher-Yates, stopped after count places: a draw without repeats. */
static int
draw(const struct vl_book *b, const struct vl_cli *cli,
    const struct sample_opts *o)
{
	uint64_t count = number("count", o->count, SIZE_MAX), state, j;
	size_t *idx = vl_xcalloc(b->projects.n, sizeof *idx), n, i, t;
	struct vl_out *out;
	int y, m, d;

	if (o->seed)
		state = number("seed", o->seed, UINT64_MAX);
	else {
		char buf[VL_DATE_BUFSZ];

		sscanf(vl_date_format(cli->today, buf), "%d-%d-%d", &y, &m, &d);
		state = (uint64_t)y * 10000 + (uint64_t)m * 100 + (uint64_t)d;
	}
	n = pool(b, o, cli->today, idx);
	if (count > n) {
		vl_warn("only %zu project%s to draw from: all of them drawn", n,
		    n == 1 ? "" : "s");
		count = n;
	}
	out = vl_out_open(stdout, &cli->out, NSAMPLE_COLS, sample_cols);
	for (i = 0; i < count; i++) {
		j = i + below(&state, n - i);
		t = idx[i], idx[i] = idx[j], idx[j] = t;
		sample_row(out, b, idx[i], i + 1);
	}
	free(idx);
	return vl_out_close(out);
}

static int
cmd_sample(int argc, char **argv)
{
	static const struct option longopts[] = {
		OPTION("count", required_argument, OPT_COUNT),
		OPTION("seed", required_argument, OPT_SEED),
		OPTION("skip-recent", required_argument, OPT_SKIP_RECENT),
		OPTION("town", required_argument, OPT_TOWN),
		OPTION("stage", required_argument, OPT_STAGE),
		VL_CLI_OPTIONS
	};
	struct sample_opts o = {0};
	struct vl_book b;
	struct vl_cli cli;
	int status;

	if (parse(argc, argv, longopts, &cli, SAMPLE_USAGE, sample_option,
	    &o) != argc || !o.count)
		vl_usage(SAMPLE_USAGE);
	if (number("count", o.count, SIZE_MAX) == 0)
		vl_die(VL_BADINPUT, "--count: draw at least one project");
	if ((status = load(&b, &cli, VL_LOAD_PLAN | VL_LOAD_PROJECTS |
	    VL_LOAD_PROGRESS | VL_LOAD_INSPECTIONS, cli.today)) != VL_OK)
		return status;
	vl_sheet_name(cli.out.sheet, "抽查", cli.today);
	status = draw(&b, &cli, &o);
	vl_book_free(&b);
	return status == VL_OK ? vl_close_stdout() : status;
}

static const struct vl_subcmd cmds[] = {
	{"add", cmd_add, "--project P --phase PH --aspect A --result R ..."},
	{"close", cmd_close, "ID [--date D] [--note T]"},
	{"list", cmd_list, "[--open] [--overdue] [--project P] ..."},
	{"show", cmd_show, "ID|PROJECT"},
	{"sample", cmd_sample, "--count N [--seed S] ..."},
	{NULL, NULL, NULL}
};

int
main(int argc, char **argv)
{
	return vl_cli_dispatch(argc, argv, cmds, help);
}
