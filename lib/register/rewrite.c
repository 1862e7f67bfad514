/*
 * rewrite.c - one row of a register file rewritten in place.
 *
 * The file is read whole, under the lock, and written back through the
 * register's commit.  A clerk's file may have been saved by a
 * spreadsheet (a BOM, CRLF, quotes where vl puts none, blank lines): so
 * only the bytes of the row itself are replaced, when they are the row
 * as vl writes it; else the whole file is written out as vl writes it.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "base/err.h"
#include "base/i18n.h"
#include "base/strbuf.h"
#include "register/register.h"
#include "register/rewrite.h"

struct row {
	long line;
	char **f;
};

/* the file as read: its bytes, header and records */
struct table {
	const char *display;
	struct vl_buf raw;
	struct vl_header hdr;
	struct row *row;
	size_t n;
	bool grown;		/* columns added: written out whole */
	bool numbered;		/* ids given in file order */
	struct vl_buf added;	/* the names of the columns added last */
};

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

/* A column added to the table, first or last, empty in every row but
 * for the row numbers of an id column put first. */
static void
add_column(struct table *t, const char *name, bool first)
{
	char num[24];
	size_t i, at = first ? 0 : t->hdr.n;
	char **f;

	t->hdr.name = vl_xrealloc(t->hdr.name, (t->hdr.n + 1) *
	    sizeof *t->hdr.name);
	memmove(t->hdr.name + at + 1, t->hdr.name + at, (t->hdr.n - at) *
	    sizeof *t->hdr.name);
	t->hdr.name[at] = vl_xstrdup(name);
	for (i = 0; i < t->n; i++) {
		f = vl_xcalloc(t->hdr.n + 1, sizeof *f);
		memcpy(f, t->row[i].f, at * sizeof *f);
		memcpy(f + at + 1, t->row[i].f + at, (t->hdr.n - at) *
		    sizeof *f);
		snprintf(num, sizeof num, "%zu", i + 1);
		f[at] = vl_xstrdup(first ? num : "");
		free(t->row[i].f);
		t->row[i].f = f;
	}
	t->hdr.n++;
	t->grown = true;
	if (!first)
		vl_buf_printf(&t->added, "%s%s", t->added.len ? " " : "",
		    name);
}

/* a file made before its rows had ids: numbered in file order, as
 * readers and vl-add number them */
static void
number_rows(struct table *t)
{
	add_column(t, "id", true);
	t->numbered = true;
}

/* A register file read whole as vl_open_regular_at opens it: never a
 * link, a FIFO or anything but a regular file. */
static int
slurp_regular(const char *path, const char *display, struct vl_buf *b)
{
	int fd = vl_open_regular_at(AT_FDCWD, path, display, NULL);
	FILE *f = fd >= 0 ? fdopen(fd, "rb") : NULL;
	int err;

	if (f)
		return vl_slurp_stream(f, display, b);
	err = errno;
	if (fd >= 0)
		close(fd);
	if (fd >= 0 || err == ENOENT)	/* else said */
		vl_warn("%s: %s", display, strerror(err));
	return err == ENOENT ? VL_BADINPUT : VL_SYSFAULT;
}

static int
table_read(struct table *t, const struct vl_book *b,
    const struct vl_filespec *spec)
{
	struct vl_csv_opts opts = {b->encoding, NULL, &t->hdr, false, false, NULL};
	char *path = vl_reg_path(&b->reg, spec->file);
	int status;

	t->display = vl_xstrdup(vl_book_display(b, spec->file));
	opts.required = vl_spec_required(spec);
	status = slurp_regular(path, t->display, &t->raw);
	free(path);
	if (status == VL_OK)
		status = vl_csv_read_mem(t->raw.data, t->raw.len, t->display,
		    &opts, keep_row, t);
	if (status == VL_OK && strcmp(spec->field[0].name, "id") == 0 &&
	    vl_header_index(&t->hdr, "id") < 0)
		number_rows(t);
	return status;
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
	vl_buf_free(&t->raw);
	vl_buf_free(&t->added);
	free((char *)t->display);
	vl_header_free(&t->hdr);
}

/* No row has id: said, and the id in another letter case if one has
 * that (t9 for T9: ids are compared as written). */
static void
unknown_id(const struct table *t, int col, const char *id,
    const char *unknown)
{
	struct vl_buf msg = {0};
	size_t i;

	vl_buf_printf(&msg, vl_tr(unknown), id);
	for (i = 0; col >= 0 && i < t->n; i++)
		if (strcasecmp(t->row[i].f[col], id) == 0) {
			vl_buf_printf(&msg, vl_tr(": there is \"%s\" (an id "
			    "is given in its own letter case)"),
			    t->row[i].f[col]);
			break;
		}
	vl_errat(t->display, 0, "id", "%s", msg.data);
	vl_buf_free(&msg);
}

/* The row with that id; a second one is an error in the file. */
static struct row *
find_row(const struct table *t, const char *id, const char *unknown)
{
	int col = vl_header_index(&t->hdr, "id");
	struct row *found = NULL;
	size_t i;

	for (i = 0; col >= 0 && i < t->n; i++) {
		if (strcmp(t->row[i].f[col], id) != 0)
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
		unknown_id(t, col, id, unknown);
	return found;
}

static struct vl_record
record_of(const struct table *t, const struct row *w)
{
	return (struct vl_record){.file = t->display, .line = w->line,
	    .n = t->hdr.n, .field = w->f, .header = &t->hdr};
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

static bool
read_as_utf8(const struct vl_book *b)
{
	return !b->encoding || strcasecmp(b->encoding, "utf-8") == 0 ||
	    strcasecmp(b->encoding, "utf8") == 0;
}

/* The file with only that row's bytes replaced: its line end kept, the
 * BOM, line ends, quoting and blank lines of every other row untouched.
 * Only done when the bytes found there are the row as vl writes it, and
 * the file is UTF-8; else false, and the file is written out whole. */
static bool
splice(const struct table *t, const struct row *w, char **old,
    struct vl_buf *out)
{
	const char *raw = t->raw.data;
	size_t len = t->raw.len, from, to, end, k;
	struct vl_buf was = {0};
	long lines = 1;
	bool same;

	if (!vl_utf8_valid(raw, len))
		return false;
	for (k = 0; k < t->hdr.n; k++)
		lines += line_ends(old[k]);
	from = line_start(raw, len, w->line);
	to = line_start(raw, len, w->line + lines);
	for (end = to; end > from && (raw[end - 1] == '\n' ||
	    raw[end - 1] == '\r') && to - end < 2; end--)
		;
	vl_buf_csv_row(&was, t->hdr.n, (const char *const *)old);
	same = was.len - 1 == end - from &&
	    memcmp(was.data, raw + from, end - from) == 0;
	vl_buf_free(&was);
	if (!same)
		return false;
	vl_buf_add(out, raw, from);
	vl_buf_csv_row(out, t->hdr.n, (const char *const *)w->f);
	out->data[--out->len] = '\0';
	vl_buf_add(out, raw + end, len - end);	/* its line end */
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

/* "leader: 苏霞 → 李明; reason: …": what changed, and why */
static void
detail(const struct vl_rewrite *rw, struct vl_buf *s)
{
	size_t k;

	for (k = 0; k < rw->n; k++)
		vl_buf_printf(s, "%s%s: %s → %s", k ? "; " : "",
		    rw->set[k].column, rw->set[k].old ? rw->set[k].old : "",
		    rw->set[k].value);
	if (*rw->reason)
		vl_buf_printf(s, "; reason: %s", rw->reason);
	if (rw->day)
		vl_buf_printf(s, "; dated: %s", rw->day);
}

static int
commit(struct vl_book *b, const struct vl_rewrite *rw, const struct table *t,
    const struct row *w, char **old)
{
	struct vl_change ch = {.file = rw->spec->file, .replace = true};
	struct vl_buf out = {0}, what = {0}, why = {0};
	int status;

	if (t->grown || !read_as_utf8(b) || !splice(t, w, old, &out)) {
		out.len = 0;
		reemit(t, &out);
	}
	ch.data = out.data;
	ch.len = out.len;
	if (t->numbered) {
		vl_buf_printf(&what, "1-%zu", t->n);
		vl_reg_note(&b->reg, "add-ids", rw->spec->file, what.data);
	}
	/* a file's columns grow on the trail too, as vl-add's do */
	if (t->added.len) {
		what.len = 0;
		vl_buf_printf(&what, "columns added: %s", t->added.data);
		vl_reg_note_detail(&b->reg, "add-columns", rw->spec->file, "",
		    what.data);
	}
	if (rw->reason)
		detail(rw, &why);
	vl_reg_note_detail(&b->reg, rw->action, rw->spec->file, rw->id,
	    why.data ? why.data : "");
	status = vl_reg_commit(&b->reg, &ch, 1);
	vl_buf_free(&out);
	vl_buf_free(&what);
	vl_buf_free(&why);
	return status;
}

static bool
in_spec(const struct vl_filespec *spec, const char *column)
{
	size_t i;

	for (i = 0; i < spec->n; i++)
		if (strcmp(spec->field[i].name, column) == 0)
			return true;
	return false;
}

/* set's fields into the row w, their old values kept; a column of the
 * spec the file lacks added to it; -1 for one not in the spec */
static int
assign(struct table *t, const struct vl_filespec *spec, struct row *w,
    struct vl_assign *set, size_t n)
{
	size_t k;
	int col;

	for (k = 0; k < n; k++) {
		if (vl_header_index(&t->hdr, set[k].column) < 0 &&
		    in_spec(spec, set[k].column) && *set[k].value)
			add_column(t, set[k].column, false);
		if ((col = vl_header_index(&t->hdr, set[k].column)) < 0) {
			vl_errat(t->display, 1, set[k].column, "no such column");
			return -1;
		}
		set[k].old = vl_xstrdup(w->f[col]);
		free(w->f[col]);
		w->f[col] = vl_xstrdup(set[k].value);
	}
	return 0;
}

/* The row changed, checked again as a whole, and the file written. */
static int
rewrite(struct vl_book *b, struct vl_rewrite *rw, struct table *t)
{
	struct vl_record r;
	struct row *w;
	char **old;
	size_t k, n;
	int status;

	if (!(w = find_row(t, rw->id, rw->unknown)))
		return VL_BADINPUT;
	r = record_of(t, w);
	if (rw->check && rw->check(&r, rw) != 0)
		return VL_BADINPUT;
	old = w->f;
	w->f = vl_xcalloc(t->hdr.n, sizeof *w->f);
	for (k = 0; k < t->hdr.n; k++)
		w->f[k] = vl_xstrdup(old[k]);
	n = t->hdr.n;	/* old has as many, whatever columns are added */
	if (assign(t, rw->spec, w, rw->set, rw->n) != 0) {
		free_fields(old, n);
		return VL_BADINPUT;
	}
	r = record_of(t, w);
	status = vl_check_record(rw->spec, &r, &b->projects, &b->plan) ?
	    VL_BADINPUT : commit(b, rw, t, w, old);
	free_fields(old, n);
	return status;
}

int
vl_rewrite_row(struct vl_book *b, struct vl_rewrite *rw)
{
	struct table t = {0};
	int status;

	if ((status = table_read(&t, b, rw->spec)) == VL_OK)
		status = rewrite(b, rw, &t);
	table_free(&t);
	return status;
}

int
vl_rewrite_load(struct vl_book *b, const struct vl_source *src,
    const struct vl_filespec *spec, int more)
{
	return vl_book_load(b, src, VL_LOAD_PLAN | VL_LOAD_PROJECTS |
	    VL_LOAD_WRITE | vl_load_of(spec) | more);
}
