/*
 * batch.c - records added to one register file as one batch: all of them
 * or none.
 *
 * The target file is read under the lock for its header and the ids it
 * already uses.  Each record, from options or from an imported CSV, is
 * mapped onto the file's own columns (extra columns kept, missing ones
 * refused when they hold a value), given an id when it has none, checked
 * against the schema and the tool's own rules, and turned into a CSV
 * row.  Only when no record of the batch was bad are the rows appended,
 * in one commit.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/halfwidth.h"
#include "base/i18n.h"
#include "base/money.h"
#include "register/batch.h"

static bool
has_id(const struct vl_filespec *s)
{
	return strcmp(s->field[0].name, "id") == 0;
}

/* Project ids are P001, P002...; fund and inspection ids 1, 2...; a
 * register that numbers otherwise (P01) goes on in its own width. */
static const char *
id_prefix(const struct vl_filespec *s)
{
	return s == &vl_projects_spec ? "P" : "";
}

static void
note_id(struct vl_batch *b, const char *id)
{
	const char *prefix = id_prefix(b->spec), *num = id + strlen(prefix);
	struct vl_project p = {0};
	char *end;
	int64_t n;

	if (strncmp(id, prefix, strlen(prefix)) == 0 && *num >= '0' &&
	    *num <= '9') {
		n = strtoll(num, &end, 10);
		if (*end == '\0' && n >= b->next_id && n < INT64_MAX) {
			b->next_id = n + 1;
			b->id_width = (int)(end - num);	/* P01: P02 next */
		}
	}
	p.id = vl_xstrdup(id);
	vl_projects_add(&b->ids, &p);
}

/* The amounts of a record, signs dropped, added to b->money: false when
 * they would pass VL_MONEY_LIMIT (an amount that is no amount is the
 * checks' to report, not this sum's).  field gets the one that did. */
static bool
add_money(struct vl_batch *b, const struct vl_record *r, const char **field)
{
	const char *why;
	int64_t fen;
	size_t i;

	for (i = 0; i < b->spec->n; i++) {
		if (b->spec->field[i].type != VL_T_MONEY)
			continue;
		*field = b->spec->field[i].name;
		if (vl_money_parse(vl_field(r, *field), &fen, &why) == 0 &&
		    !vl_money_add_magnitude(&b->money, fen))
			return false;
	}
	return true;
}

static int
on_existing(const struct vl_record *r, void *ctx)
{
	struct vl_batch *b = ctx;
	const char *field;

	if (has_id(b->spec) && *vl_field(r, "id"))
		note_id(b, vl_field(r, "id"));
	if (!b->money_over && !add_money(b, r, &field))
		b->money_over = true;
	return 0;
}

/* A record whose amount takes the file's past VL_MONEY_LIMIT: after it,
 * a sum the tools keep (a project's spending, a funding line, the
 * budgets) could leave the 64-bit range, and every check fail for ever. */
static int
check_money(struct vl_batch *b, const struct vl_record *r)
{
	const char *field = NULL;
	size_t i;

	if (!b->money_over && add_money(b, r, &field))
		return 0;
	b->money_over = true;
	for (i = 0; !field && i < b->spec->n; i++)
		if (b->spec->field[i].type == VL_T_MONEY)
			field = b->spec->field[i].name;
	vl_errat(r->file, r->line, field, "%s would hold more than %s yuan "
	    "(its amounts added up, signs dropped): no sum the tools keep "
	    "may leave the 64-bit range", b->spec->file,
	    vl_money_limit_text());
	return 1;
}

/* The target file's header and used ids; a new file gets the spec's. */
static int
scan_target(struct vl_batch *b)
{
	struct vl_csv_opts opts = {.header_out = &b->hdr, .regular = true};
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

static int
batch_open(struct vl_batch *b, const struct vl_source *src)
{
	/* every record counts here: none is ignored; the register's files
	 * are UTF-8 whatever encoding the import is in */
	struct vl_source all = {src->dir, VL_NODATE, NULL};
	/* under the writer's lock: what is read is what the commit extends,
	 * and a commit a crash interrupted is finished before anything is
	 * read */
	int status;

	b->input_encoding = src->encoding;
	status = vl_book_load(&b->book, &all, b->load | VL_LOAD_PLAN |
	    VL_LOAD_PROJECTS | VL_LOAD_WRITE);
	if (status == VL_OK)
		status = scan_target(b);
	return status;
}

static bool
column_known(const struct vl_batch *b, const char *name)
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
check_columns(struct vl_batch *b, const struct vl_record *r)
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
check_id(struct vl_batch *b, const struct vl_record *r, char **id)
{
	if (!**id) {
		struct vl_buf s = {0};

		free(*id);
		vl_buf_printf(&s, "%s%0*" PRId64, id_prefix(b->spec),
		    b->id_width ? b->id_width : b->spec == &vl_projects_spec ?
		    3 : 1, b->next_id);
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

/* Amounts are stored in one form: yuan with two decimals. */
static void
normalise_money(const struct vl_batch *b, char **values)
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

/* The audit line of a record: its id, or its core fields when the file
 * has no ids (progress: "P01 started 2023-01-05"). */
static void
note_record(struct vl_batch *b, char **values, int idcol)
{
	struct vl_buf key = {0};
	size_t i;
	int col;

	if (idcol >= 0)
		vl_buf_puts(&key, values[idcol]);
	for (i = 0; idcol < 0 && i < b->spec->ncore; i++) {
		col = vl_header_index(&b->hdr, b->spec->field[i].name);
		vl_buf_printf(&key, "%s%s", i ? " " : "", col >= 0 ?
		    values[col] : "");
	}
	vl_reg_note(&b->book.reg, "add", b->spec->file, key.data ? key.data :
	    "");
	vl_buf_free(&key);
}

/* A word of a vocabulary as a Chinese table shows it (已动工) is the
 * word (started). */
static char *
english_word(const struct vl_fieldspec *f, const char *v)
{
	size_t i;

	for (i = 0; f->choices[i]; i++)
		if (strcmp(v, f->choices[i]) == 0)
			return vl_xstrdup(v);
	for (i = 0; f->choices[i]; i++)
		if (strcmp(v, vl_tr_zh(f->name, f->choices[i])) == 0)
			return vl_xstrdup(f->choices[i]);
	return vl_xstrdup(v);
}

/* A field as stored: an amount, a date or an id typed in full-width
 * forms (１２３４，５．００) read as the ASCII it stands for, blanks
 * around it dropped; a word in Chinese as the word; any other field as
 * it is. */
static char *
typed(const struct vl_batch *b, const char *column, const char *v)
{
	const struct vl_fieldspec *f = NULL;
	char *half;
	size_t i, n;

	for (i = 0; i < b->spec->n && !f; i++)
		if (strcmp(b->spec->field[i].name, column) == 0)
			f = &b->spec->field[i];
	if (f && f->type == VL_T_ENUM && *v)
		return english_word(f, v);
	if (!f || (f->type != VL_T_MONEY && f->type != VL_T_DATE &&
	    f->type != VL_T_ID && f->type != VL_T_PROJECT &&
	    f->type != VL_T_COUNT) || !(half = vl_halfwidth(v)))
		return vl_xstrdup(v);
	n = strlen(half);
	while (n > 0 && half[n - 1] == ' ')
		half[--n] = '\0';
	i = strspn(half, " ");
	memmove(half, half + i, n - i + 1);
	return half;
}

static int
batch_record(const struct vl_record *r, void *batch)
{
	struct vl_batch *b = batch;
	char **values = vl_xcalloc(b->hdr.n, sizeof *values);
	size_t *lens = vl_xcalloc(b->hdr.n, sizeof *lens), i;
	struct vl_record view = {.file = r->file, .line = r->line,
	    .n = b->hdr.n, .len = lens, .header = &b->hdr};
	int bad = 0, idcol = vl_header_index(&b->hdr, "id");

	if (!b->checked_columns) {
		b->checked_columns = true;
		bad += check_columns(b, r);
	}
	for (i = 0; i < b->hdr.n; i++)
		values[i] = typed(b, b->hdr.name[i], vl_field(r,
		    b->hdr.name[i]));
	if (idcol >= 0)
		bad += check_id(b, r, &values[idcol]);
	for (i = 0; i < b->hdr.n; i++)
		lens[i] = strlen(values[i]);
	view.field = values;
	bad += vl_check_record(b->spec, &view, &b->book.projects,
	    &b->book.plan);
	if (b->rule)
		bad += b->rule(b, &view);
	if (!bad)
		bad += check_money(b, &view);
	if (!bad) {
		normalise_money(b, values);
		vl_buf_csv_row(&b->rows, b->hdr.n, (const char *const *)values);
		if (idcol >= 0)
			vl_buf_printf(&b->added, "%s\n", values[idcol]);
		note_record(b, values, idcol);
	}
	for (i = 0; i < b->hdr.n; i++)
		free(values[i]);
	free(values);
	free(lens);
	return 0;
}

static void
batch_fields(struct vl_batch *b, const char *const *value, vl_date today)
{
	const struct vl_filespec *s = b->spec;
	struct vl_header h = {s->n, vl_xcalloc(s->n, sizeof(char *))};
	char **field = vl_xcalloc(s->n, sizeof *field);
	size_t *len = vl_xcalloc(s->n, sizeof *len), i;
	char date[VL_DATE_BUFSZ];
	struct vl_record r = {.file = "command line", .n = s->n,
	    .field = field, .len = len, .header = &h};

	for (i = 0; i < s->n; i++) {
		h.name[i] = (char *)s->field[i].name;
		field[i] = (char *)(value[i] ? value[i] : "");
		if (!value[i] && strcmp(s->field[i].name, "date") == 0)
			field[i] = vl_date_format(today, date);
		len[i] = strlen(field[i]);
	}
	batch_record(&r, b);
	free(h.name);
	free(field);
	free(len);
}

static int
batch_import(struct vl_batch *b, const char *path)
{
	struct vl_csv_opts opts = {.encoding = b->input_encoding};
	const char **req = vl_spec_required(b->spec);
	const char **names = vl_xcalloc(b->hdr.n + b->spec->n + 1,
	    sizeof *names);
	struct vl_csv_sheet sheet = {names};
	size_t i, n = 0;
	int status;

	/* a header in Chinese names the file's columns, the spec's too */
	for (i = 0; i < b->hdr.n; i++)
		names[n++] = b->hdr.name[i];
	for (i = 0; i < b->spec->n; i++)
		names[n++] = b->spec->field[i].name;
	/* an import may leave ids out: they are assigned */
	opts.required = b->required ? b->required : req + has_id(b->spec);
	status = vl_csv_read_sheet(path, strcmp(path, "-") == 0 ? "stdin" :
	    path, &opts, &sheet, batch_record, b);
	free(names);
	return status;
}

static int
batch_commit(struct vl_batch *b)
{
	struct vl_buf header = {0};
	struct vl_change ch = {.file = b->spec->file, .data = b->rows.data,
	    .len = b->rows.len};
	int status = VL_OK;

	vl_buf_csv_row(&header, b->hdr.n, (const char *const *)b->hdr.name);
	ch.header = header.data;
	if (b->rows.len > 0)
		status = vl_reg_commit(&b->book.reg, &ch, 1);
	vl_buf_free(&header);
	if (status == VL_OK && b->added.len)
		fputs(b->added.data, stdout);
	return status;
}

static void
batch_free(struct vl_batch *b)
{
	vl_book_free(&b->book);
	vl_header_free(&b->hdr);
	vl_projects_free(&b->ids);
	vl_buf_free(&b->rows);
	vl_buf_free(&b->added);
}

int
vl_batch_run(struct vl_batch *b, const struct vl_source *src,
    const char *import, const char *const *value)
{
	long errors = vl_error_count();
	int status;

	if ((status = batch_open(b, src)) == VL_OK) {
		if (import)
			status = batch_import(b, import);
		else
			batch_fields(b, value, src->as_of);
		if (status == VL_OK && vl_error_count() > errors)
			status = VL_BADINPUT;
		if (status == VL_OK)
			status = batch_commit(b);
	}
	if (status == VL_BADINPUT)
		vl_warn("nothing written");
	batch_free(b);
	return status;
}
