/*
 * output.c - records out as CSV, JSON (jansson) or an aligned table.
 *
 * CSV is the machine interface.  --excel adds what a spreadsheet needs:
 * a BOM, CRLF, and cells that would run as formulas made inert.  Output
 * never depends on the locale: widths use C.UTF-8 explicitly.  xlsx goes
 * to xlsx.c.  With -o the records go to a file that appears whole.
 */
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "base/bidi.h"
#include "base/err.h"
#include "base/i18n.h"
#include "base/strbuf.h"
#include "io/csv.h"
#include "io/output_priv.h"

struct vl_out {
	FILE *f;
	struct vl_outopts opts;
	size_t ncols;
	const struct vl_col *cols;
	iconv_t cd;		/* (iconv_t)-1: write UTF-8 as it is */
	bool failed;
	size_t nrows;
	struct vl_buf line;
	char **cells;		/* table: every cell, kept to measure widths */
	size_t ncells, capcells;
	struct vl_outfile file;	/* -o: where f writes */
	bool to_file;
	struct vl_sheet *sheet;	/* xlsx */
	struct vl_workbook *own;	/* xlsx: the workbook of this sheet alone */
	struct vl_col *lead_cols;	/* with a lead column: it, then cols */
	const char *lead;	/* its value in the rows that follow */
	const char **row;	/* a row with the lead before the values */
	char *note;		/* table: printed under it */
};

bool
vl_out_people(const struct vl_out *o)
{
	return vl_out_human(&o->opts);
}

int
vl_format_parse(const char *s, enum vl_format *f)
{
	if (strcmp(s, "csv") == 0)
		*f = VL_FMT_CSV;
	else if (strcmp(s, "json") == 0)
		*f = VL_FMT_JSON;
	else if (strcmp(s, "table") == 0)
		*f = VL_FMT_TABLE;
	else if (strcmp(s, "xlsx") == 0)
		*f = VL_FMT_XLSX;
	else
		return -1;
	return 0;
}

bool
vl_out_human(const struct vl_outopts *o)
{
	return o->workbook || o->format == VL_FMT_TABLE ||
	    o->format == VL_FMT_XLSX || (o->format == VL_FMT_CSV && o->excel);
}

char *
vl_sheet_name(char buf[VL_SHEET_BUFSZ], const char *title, vl_date day)
{
	char d[VL_DATE_BUFSZ];

	if (day == VL_NODATE)
		snprintf(buf, VL_SHEET_BUFSZ, "%s", title);
	else
		snprintf(buf, VL_SHEET_BUFSZ, "%s %s", title,
		    vl_date_format(day, d));
	return buf;
}

/* ---- -o FILE: a temp file beside it, renamed into place -------------- */

static struct vl_outfile *pending;

static void
remove_pending(void)
{
	for (; pending; pending = pending->next)
		if (pending->tmp)
			unlink(pending->tmp);
}

static void
forget(struct vl_outfile *f)
{
	struct vl_outfile **p;

	for (p = &pending; *p; p = &(*p)->next)
		if (*p == f) {
			*p = f->next;
			break;
		}
	free(f->path);
	free(f->tmp);
	f->path = f->tmp = NULL;
}

/*
 * The temp file gets the old file's owner, group and mode: a rewrite
 * changes the content, nothing else.  Only root may give a file to
 * another owner: run by anyone else, the file becomes theirs.  The group
 * is kept where the user is in it; where not, the group's permissions
 * become the others', so the user's own group gains nothing by it.
 */
int
vl_keep_owner(int fd, const struct stat *old)
{
	mode_t mode = old->st_mode & 0777;

	if (fchown(fd, old->st_uid, old->st_gid) != 0) {
		if (errno != EPERM)
			return -1;
		if (fchown(fd, (uid_t)-1, old->st_gid) != 0) {
			if (errno != EPERM)
				return -1;
			mode = (mode & 0707) | (mode & 07) << 3;
		}
	}
	return fchmod(fd, mode);
}

/* The temp file's mode: the old file's, with its owner and group where
 * this user may keep them (vl_keep_owner); a new file's as umask says,
 * not mkstemp's 0600. */
static int
set_mode(int fd, const char *path)
{
	struct stat old;
	mode_t mask;

	if (stat(path, &old) == 0 && S_ISREG(old.st_mode))
		return vl_keep_owner(fd, &old);
	mask = umask(0);
	umask(mask);
	return fchmod(fd, 0666 & ~mask);
}

int
vl_outfile_open(struct vl_outfile *f, const char *path)
{
	static bool registered;
	char *copy = vl_xstrdup(path), *dir, *base;
	struct vl_buf tmp = {0};
	struct stat st;
	int fd;

	memset(f, 0, sizeof *f);
	f->path = vl_xstrdup(path);
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		free(copy);
		if ((fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)) < 0) {
			vl_warn("%s: cannot write: %s", path, strerror(errno));
			forget(f);
		}
		return fd;
	}
	dir = dirname(copy);
	vl_buf_printf(&tmp, "%s/.", dir);
	free(copy);
	copy = vl_xstrdup(path);
	base = basename(copy);
	vl_buf_printf(&tmp, "%s.vl-XXXXXX", base);
	free(copy);
	f->tmp = tmp.data;
	if (!registered && atexit(remove_pending) == 0)
		registered = true;
	/* made here and now (O_EXCL): nothing planted under its name, file
	 * or symbolic link, is ever written to */
	if ((fd = mkstemp(f->tmp)) < 0) {
		vl_warn("%s: cannot create a file beside it: %s", path,
		    strerror(errno));
		forget(f);
		return -1;
	}
	f->next = pending;
	pending = f;
	if (set_mode(fd, path) != 0 || fstat(fd, &st) != 0) {
		vl_warn("%s: cannot write: %s", f->tmp, strerror(errno));
		close(fd);
		vl_outfile_abort(f);
		return -1;
	}
	f->dev = st.st_dev;
	f->ino = st.st_ino;
	return fd;
}

void
vl_outfile_abort(struct vl_outfile *f)
{
	if (f->tmp)
		unlink(f->tmp);
	forget(f);
}

static int
sync_path(const char *path, int flags)
{
	int fd = open(path, flags | O_CLOEXEC), status;

	if (fd < 0)
		return -1;
	status = fsync(fd);
	if (close(fd) != 0)
		status = -1;
	return status;
}

/* Is the temp file still the one written, not something put in its
 * place meanwhile (what is renamed over the target must be it)? */
static bool
still_ours(const struct vl_outfile *f)
{
	struct stat st;

	if (lstat(f->tmp, &st) != 0)
		return false;
	if (!S_ISREG(st.st_mode) || st.st_dev != f->dev ||
	    st.st_ino != f->ino) {
		errno = EEXIST;
		return false;
	}
	return true;
}

int
vl_outfile_commit(struct vl_outfile *f)
{
	char *copy;
	int status = VL_OK;

	if (!f->tmp) {
		forget(f);
		return VL_OK;
	}
	if (sync_path(f->tmp, O_RDONLY) != 0 || !still_ours(f) ||
	    rename(f->tmp, f->path) != 0) {
		vl_warn("%s: cannot write: %s", f->path, strerror(errno));
		vl_outfile_abort(f);
		return VL_SYSFAULT;
	}
	copy = vl_xstrdup(f->path);
	if (sync_path(dirname(copy), O_RDONLY | O_DIRECTORY) != 0) {
		vl_warn("%s: cannot sync its directory: %s", f->path,
		    strerror(errno));
		status = VL_SYSFAULT;
	}
	free(copy);
	forget(f);
	return status;
}

/* the conversion to the output's encoding, (iconv_t)-1 for UTF-8 */
static iconv_t
output_cd(const struct vl_outopts *opts)
{
	iconv_t cd;

	if (!opts->encoding || strcasecmp(opts->encoding, "utf-8") == 0 ||
	    strcasecmp(opts->encoding, "utf8") == 0)
		return (iconv_t)-1;
	if ((cd = iconv_open("GB18030", "UTF-8")) == (iconv_t)-1)
		vl_die(VL_BADINPUT, "%s: unknown output encoding",
		    opts->encoding);
	return cd;
}

static void
emit(struct vl_out *o, const char *s, size_t n)
{
	char buf[4096], *in = (char *)s, *out;
	size_t inleft = n, outleft;

	if (o->cd == (iconv_t)-1) {
		if (fwrite(s, 1, n, o->f) != n)
			o->failed = true;
		return;
	}
	while (inleft > 0) {
		out = buf;
		outleft = sizeof buf;
		if (iconv(o->cd, &in, &inleft, &out, &outleft) == (size_t)-1 &&
		    errno != E2BIG) {
			/* //TRANSLIT covers nearly all; never stop mid-report */
			in++, inleft--;
			*out++ = '?', outleft--;
		}
		if (fwrite(buf, 1, sizeof buf - outleft, o->f) !=
		    sizeof buf - outleft)
			o->failed = true;
	}
}

bool
vl_out_apart(const struct vl_out *o, size_t *ncols)
{
	*ncols = o->ncols;
	if (o->row)
		return false;
	if (o->opts.format == VL_FMT_CSV)
		return !o->opts.excel;
	return o->opts.format == VL_FMT_TABLE && o->ncols == 1 &&
	    o->cols[0].type == VL_COL_TEXT;
}

void
vl_out_emit_rows(struct vl_out *o, const struct vl_buf *rows, size_t n)
{
	emit(o, rows->data, rows->len);
	o->nrows += n;
}

static void
emit_line(struct vl_out *o)
{
	emit(o, o->line.data, o->line.len);
	o->line.len = 0;
}

static bool
plain_number(const char *s)
{
	const char *p = s + (*s == '-' || *s == '+');
	size_t digits = strspn(p, "0123456789");

	if (digits == 0)
		return false;
	p += digits;
	if (*p == '.')
		p += 1 + strspn(p + 1, "0123456789");
	return *p == '\0';
}

bool
vl_excel_dangerous(const char *s)
{
	return s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL &&
	    !plain_number(s);
}

/* Digit strings a spreadsheet would turn into a rounded number or strip
 * of leading zeros: 12 digits and up, or a leading 0. */
static bool
long_digits(const char *s)
{
	size_t n = strlen(s);

	return n > 1 && strspn(s, "0123456789") == n && (n >= 12 ||
	    s[0] == '0');
}

bool
vl_excel_marked(const char *v)
{
	return vl_excel_dangerous(v) || long_digits(v);
}

/* the cell as written: with --excel, text that a spreadsheet would run
 * or mangle gets a leading apostrophe, its mark for "this is text" */
static const char *
cell(const struct vl_out *o, const char *v, char **tmp)
{
	struct vl_buf b = {0};

	*tmp = NULL;
	if (!v)
		return "";
	if (!o->opts.excel || !vl_excel_marked(v))
		return v;
	vl_buf_puts(&b, "'");
	vl_buf_puts(&b, v);
	*tmp = b.data;
	return b.data;
}

static void
csv_row(struct vl_out *o, const char *const *values)
{
	char **tmp;
	const char **v;
	size_t i;

	if (!o->opts.excel) {	/* the values as they are: no copies */
		vl_buf_csv_row(&o->line, o->ncols, values);
		emit_line(o);
		return;
	}
	tmp = vl_xcalloc(o->ncols, sizeof *tmp);
	v = vl_xcalloc(o->ncols, sizeof *v);
	for (i = 0; i < o->ncols; i++)
		v[i] = cell(o, values[i], &tmp[i]);
	vl_buf_csv_row(&o->line, o->ncols, v);
	if (o->opts.excel) {	/* LF to CRLF at the end of the record */
		o->line.len--;
		vl_buf_puts(&o->line, "\r\n");
	}
	emit_line(o);
	for (i = 0; i < o->ncols; i++)
		free(tmp[i]);
	free(tmp);
	free(v);
}

static json_t *
json_value(const struct vl_col *c, const char *v)
{
	char *end;
	long long n;

	if (c->type != VL_COL_INT)
		return json_string(v ? v : "");
	if (!v || !*v)
		return json_null();
	n = strtoll(v, &end, 10);
	return *end ? json_string(v) : json_integer(n);
}

static void
json_row(struct vl_out *o, const char *const *values)
{
	json_t *obj = json_object();
	char *s;
	size_t i;

	for (i = 0; i < o->ncols; i++)
		json_object_set_new(obj, o->cols[i].name,
		    json_value(&o->cols[i], values[i]));
	s = json_dumps(obj, JSON_PRESERVE_ORDER | JSON_COMPACT);
	json_decref(obj);
	if (!s)
		vl_die(VL_SYSFAULT, "out of memory");
	vl_buf_puts(&o->line, o->nrows ? ",\n" : "[\n");
	vl_buf_puts(&o->line, s);
	free(s);
	emit_line(o);
}

/* A cell of a table, for a terminal: a control character (C0, DEL,
 * C1), which could drive the terminal or break the row, becomes a blank.
 * Every file's texts are checked for them; this is the last guard. */
void
vl_buf_terminal_safe(struct vl_buf *b, const char *v)
{
	const unsigned char *p;
	size_t k = b->len, len;
	char *d;

	vl_buf_reserve(b, strlen(v));
	d = b->data;	/* locals: stores through b->data could alias b */
	for (p = (const unsigned char *)v; *p; p++) {
		if ((len = vl_unsafe_len((const char *)p)))
			p += len - 1, d[k++] = ' ';
		else
			d[k++] = (char)*p;
	}
	d[k] = '\0';
	b->len = k;
}

static char *
terminal_safe(const char *v)
{
	struct vl_buf b = {0};

	vl_buf_terminal_safe(&b, v);
	return b.data;
}

static bool
numeric(enum vl_coltype t)
{
	return t == VL_COL_INT || t == VL_COL_MONEY || t == VL_COL_SHARE;
}

/* a line of a table of one column, added to b */
static void
table_line(struct vl_buf *b, const char *v)
{
	size_t start = b->len;

	vl_buf_terminal_safe(b, v ? v : "");
	while (b->len > start && b->data[b->len - 1] == ' ')
		b->len--;	/* as an empty last cell leaves no blanks */
	vl_buf_puts(b, "\n");
}

/* A table of one text column needs no widths: its rows are written as
 * they come, as table_flush would write them (a national summary page
 * has hundreds of thousands of lines, not kept twice). */
static void
table_stream(struct vl_out *o, const char *v)
{
	table_line(&o->line, v);
	emit_line(o);
}

void
vl_out_format(const struct vl_out *o, struct vl_buf *b,
    const char *const *values)
{
	if (o->opts.format == VL_FMT_CSV)
		vl_buf_csv_row(b, o->ncols, values);
	else
		table_line(b, values[0]);
}

static void
table_keep(struct vl_out *o, const char *const *values)
{
	size_t i;

	if (o->ncols == 1 && !numeric(o->cols[0].type)) {
		table_stream(o, values[0]);
		return;
	}
	if (o->ncells + o->ncols > o->capcells) {
		o->capcells = (o->capcells + o->ncols) * 2;
		o->cells = vl_xrealloc(o->cells, o->capcells * sizeof *o->cells);
	}
	for (i = 0; i < o->ncols; i++)
		o->cells[o->ncells++] = terminal_safe(values[i] ? values[i] :
		    "");
}

struct vl_out *
vl_out_open_sheet(struct vl_workbook *wb, const char *name,
    const char *heading, size_t ncols, const struct vl_col *cols)
{
	struct vl_out *o = vl_xcalloc(1, sizeof *o);

	o->opts.format = VL_FMT_XLSX;
	o->ncols = ncols;
	o->cols = cols;
	o->cd = (iconv_t)-1;
	o->sheet = vl_sheet_open(wb, name, heading, ncols, cols);
	return o;
}

static struct vl_out *
open_xlsx(const struct vl_outopts *opts, size_t ncols,
    const struct vl_col *cols)
{
	struct vl_workbook *wb;
	struct vl_out *o;

	if (!opts->output)	/* vl_cli_done says so first */
		vl_die(VL_BADINPUT, "--format xlsx: name the file with -o FILE");
	wb = vl_workbook_open(opts->output);
	o = vl_out_open_sheet(wb, opts->sheet[0] ? opts->sheet : vl_progname(),
	    opts->heading, ncols, cols);
	o->own = wb;
	return o;
}

struct vl_out *
vl_out_open(FILE *f, const struct vl_outopts *opts, size_t ncols,
    const struct vl_col *cols)
{
	struct vl_out *o;
	const char **names;
	size_t i;
	int fd;

	if (opts->format == VL_FMT_XLSX)
		return open_xlsx(opts, ncols, cols);
	o = vl_xcalloc(1, sizeof *o);
	names = vl_xcalloc(ncols, sizeof *names);
	o->f = f;
	o->opts = *opts;
	o->opts.heading = NULL;	/* the caller's, read at the open only */
	o->ncols = ncols;
	o->cols = cols;
	o->cd = (iconv_t)-1;
	if (opts->output) {
		if ((fd = vl_outfile_open(&o->file, opts->output)) < 0 ||
		    !(o->f = fdopen(fd, "w")))
			vl_die(VL_SYSFAULT, "%s: no output written",
			    opts->output);
		o->to_file = true;
	}
	o->cd = output_cd(opts);
	if (opts->excel && o->cd == (iconv_t)-1)
		emit(o, "\xef\xbb\xbf", 3);
	for (i = 0; i < ncols; i++)	/* keys for machines stay English */
		names[i] = opts->format == VL_FMT_TABLE || opts->excel ?
		    vl_tr(cols[i].name) : cols[i].name;
	if (opts->format == VL_FMT_CSV)
		csv_row(o, names);
	else if (opts->format == VL_FMT_TABLE)
		table_keep(o, names);
	free(names);
	return o;
}

struct vl_out *
vl_out_report(const struct vl_outopts *o, const char *title, vl_date day,
    size_t ncols, const struct vl_col *cols)
{
	struct vl_outopts own = *o;
	struct vl_col *all = NULL;
	struct vl_buf heading = {0};
	char d[VL_DATE_BUFSZ];
	struct vl_out *out;

	vl_sheet_name(own.sheet, title, day);
	/* a workbook's title row: what, whose, as of when */
	if (o->register_name && *o->register_name)
		vl_buf_puts(&heading, o->register_name);
	if (o->register_part)
		vl_buf_printf(&heading, heading.len ? " (%s)" : "%s",
		    o->register_part);
	if (heading.len)
		vl_buf_puts(&heading, " — ");
	if (day == VL_NODATE)
		vl_buf_puts(&heading, title);
	else
		vl_buf_printf(&heading, vl_tr("%s, as of %s"), title,
		    vl_date_format(day, d));
	own.heading = heading.data;
	if (o->lead) {	/* a roll-up: the district first */
		all = vl_xcalloc(ncols + 1, sizeof *all);
		all[0] = (struct vl_col){o->lead, VL_COL_WORD};	/* total */
		memcpy(all + 1, cols, ncols * sizeof *cols);
		cols = all;
		ncols++;
	}
	if (o->workbook)
		out = vl_out_open_sheet(o->workbook, own.sheet, own.heading,
		    ncols, cols);
	else
		out = vl_out_open(stdout, &own, ncols, cols);
	vl_buf_free(&heading);
	if (all) {
		out->lead_cols = all;
		out->row = vl_xcalloc(ncols, sizeof *out->row);
	}
	return out;
}

struct vl_outopts
vl_outopts_by_district(const struct vl_outopts *o)
{
	struct vl_outopts own = *o;

	own.lead = "district";
	return own;
}

void
vl_out_lead(struct vl_out *o, const char *value)
{
	o->lead = value;
}

void
vl_out_total(struct vl_out *o, const char *label)
{
	if (o->opts.format == VL_FMT_XLSX)
		vl_sheet_total(o->sheet, label);
}

void
vl_out_note(struct vl_out *o, const char *text)
{
	const char **v;

	if (o->opts.format == VL_FMT_XLSX) {
		vl_sheet_note(o->sheet, text);
		return;
	}
	if (!vl_out_human(&o->opts) || o->ncols == 0)
		return;
	v = vl_xcalloc(o->ncols, sizeof *v);
	v[0] = text;	/* a row of its own, the text in the first cell */
	if (o->opts.format == VL_FMT_TABLE)
		o->note = vl_xstrdup(text);
	else
		csv_row(o, v);
	free(v);
}

void
vl_out_row(struct vl_out *o, const char *const *values)
{
	size_t n = o->ncols ? o->ncols : 1, i;
	bool human = vl_out_human(&o->opts);	/* machines: no copy at all */
	/* a row of a few columns (a page's one) without a malloc */
	const char *few_buf[8];
	char *few_tmp[8] = {NULL};
	const char **buf = !human ? NULL : n <= 8 ? few_buf :
	    vl_xcalloc(n, sizeof *buf);
	char **tmp = !human ? NULL : n <= 8 ? few_tmp :
	    vl_xcalloc(n, sizeof *tmp);

	if (o->row) {
		o->row[0] = o->lead;
		memcpy(o->row + 1, values, (o->ncols - 1) * sizeof *values);
		values = o->row;
	}
	if (human)
		values = vl_out_words(o->cols, o->ncols, values, buf, tmp);
	if (o->opts.format == VL_FMT_XLSX)
		vl_sheet_row(o->sheet, values);
	else if (o->opts.format == VL_FMT_CSV)
		csv_row(o, values);
	else if (o->opts.format == VL_FMT_JSON)
		json_row(o, values);
	else
		table_keep(o, values);
	o->nrows++;
	for (i = 0; human && i < n; i++)
		free(tmp[i]);
	if (n > 8) {
		free(tmp);
		free(buf);
	}
}

static void
pad(struct vl_out *o, size_t n)
{
	while (n-- > 0)
		vl_buf_add(&o->line, " ", 1);
}

static void
table_flush(struct vl_out *o)
{
	size_t *width = vl_xcalloc(o->ncols, sizeof *width), r, c, w;
	size_t nrows = o->ncells / (o->ncols ? o->ncols : 1);
	const char *v;

	for (r = 0; r < o->ncells; r++) {
		w = vl_text_width(o->cells[r]);
		if (w > width[r % o->ncols])
			width[r % o->ncols] = w;
	}
	for (r = 0; r < nrows; r++) {
		for (c = 0; c < o->ncols; c++) {
			v = o->cells[r * o->ncols + c];
			w = width[c] - vl_text_width(v);
			if (c > 0)
				pad(o, 2);
			if (r > 0 && numeric(o->cols[c].type))
				pad(o, w);	/* numbers align right */
			vl_buf_puts(&o->line, v);
			if ((r == 0 || !numeric(o->cols[c].type)) &&
			    c + 1 < o->ncols)
				pad(o, w);
		}
		while (o->line.len > 0 && o->line.data[o->line.len - 1] == ' ')
			o->line.len--;	/* an empty last cell leaves no blanks */
		vl_buf_puts(&o->line, "\n");
		emit_line(o);
	}
	if (o->note) {	/* under the table, not in a column of it */
		vl_buf_printf(&o->line, "\n%s\n", o->note);
		emit_line(o);
		free(o->note);
	}
	for (r = 0; r < o->ncells; r++)
		free(o->cells[r]);
	free(o->cells);
	free(width);
}

static int
close_xlsx(struct vl_out *o)
{
	int status = vl_sheet_close(o->sheet), wstatus;

	if (o->own && (wstatus = vl_workbook_close(o->own)) != VL_OK &&
	    status == VL_OK)
		status = wstatus;
	free(o->lead_cols);
	free(o->row);
	free(o);
	return status;
}

int
vl_out_close(struct vl_out *o)
{
	int status;

	if (o->opts.format == VL_FMT_XLSX)
		return close_xlsx(o);
	if (o->opts.format == VL_FMT_TABLE)
		table_flush(o);
	else if (o->opts.format == VL_FMT_JSON) {
		vl_buf_puts(&o->line, o->nrows ? "\n]\n" : "[]\n");
		emit_line(o);
	}
	if (fflush(o->f) != 0 || ferror(o->f))
		o->failed = true;
	if (o->to_file && fclose(o->f) != 0)
		o->failed = true;
	status = o->failed ? VL_SYSFAULT : VL_OK;
	if (o->failed && o->to_file)
		vl_warn("%s: cannot write: %s", o->file.path,
		    strerror(errno ? errno : EIO));
	else if (o->failed)
		vl_warn("cannot write the output: %s", strerror(errno ? errno :
		    EIO));
	if (o->to_file && o->failed)
		vl_outfile_abort(&o->file);
	else if (o->to_file)
		status = vl_outfile_commit(&o->file);
	if (o->cd != (iconv_t)-1)
		iconv_close(o->cd);
	vl_buf_free(&o->line);
	free(o->lead_cols);
	free(o->row);
	free(o);
	return status;
}

int
vl_out_bytes(const struct vl_outopts *opts, const void *p, size_t n)
{
	struct vl_outfile file;
	struct vl_out o;	/* its stream and encoding only */
	int fd, status = VL_OK;

	memset(&o, 0, sizeof o);
	o.f = stdout;
	if (opts->output) {
		if ((fd = vl_outfile_open(&file, opts->output)) < 0)
			return VL_SYSFAULT;
		if (!(o.f = fdopen(fd, "w"))) {
			close(fd);
			vl_outfile_abort(&file);
			vl_warn("%s: cannot write: %s", opts->output,
			    strerror(errno));
			return VL_SYSFAULT;
		}
	}
	o.cd = output_cd(opts);	/* a page in GB18030 when asked */
	emit(&o, p, n);
	if (o.cd != (iconv_t)-1)
		iconv_close(o.cd);
	if (o.failed || fflush(o.f) != 0 || ferror(o.f))
		status = VL_SYSFAULT;
	if (opts->output && fclose(o.f) != 0)
		status = VL_SYSFAULT;
	if (status != VL_OK)
		vl_warn("%s: cannot write: %s", opts->output ? opts->output :
		    vl_tr("the output"), strerror(errno ? errno : EIO));
	if (opts->output && status != VL_OK)
		vl_outfile_abort(&file);
	else if (opts->output)
		status = vl_outfile_commit(&file);
	return status;
}
