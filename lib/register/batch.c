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
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/err.h"
#include "base/i18n.h"
#include "base/money.h"
#include "register/audit.h"
#include "register/batch.h"
#include "register/schema_priv.h"

static int
stop(const struct vl_record *r, void *ctx)
{
	(void)r, (void)ctx;
	return 1;
}

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

static void add_key(struct vl_projects *set, char *key);

/* an id in lower case, newly allocated: P01 and p01 are one id */
static char *
folded(const char *id)
{
	char *s = vl_xstrdup(id), *c;

	for (c = s; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	return s;
}

/* FNV-1a, 64 bits, of n bytes after h */
static uint64_t
fnv(uint64_t h, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3u;
	return h;
}

/* A row's fields but its id, amounts in one form, hashed: two rows with
 * the same key are one entry made twice.  Kept as 8 bytes a row, not
 * the text: a journal of millions of rows is scanned by every add. */
static uint64_t
row_key(const struct vl_batch *b, const struct vl_record *r)
{
	uint64_t h = 0xcbf29ce484222325u;
	char buf[VL_MONEY_BUFSZ];
	const char *v, *why;
	int64_t fen;
	size_t i;

	for (i = 0; i < b->spec->n; i++) {
		if (strcmp(b->spec->field[i].name, "id") == 0)
			continue;
		v = vl_field(r, b->spec->field[i].name);
		if (b->spec->field[i].type == VL_T_MONEY &&
		    vl_money_parse(v, &fen, &why) == 0)
			v = vl_money_format(fen, buf);
		h = fnv(h, v, strlen(v) + 1);	/* its NUL ends the field */
	}
	return h ? h : 1;	/* 0 marks an empty slot */
}

#define VL_KEY_BATCH 0x80000000u	/* where: a line of the batch */

/* Add key to the set, from where (see struct vl_keyset); false when it
 * was there, *had then where it came from. */
static bool
key_add(struct vl_keyset *k, uint64_t key, uint32_t where, uint32_t *had)
{
	size_t i, cap;
	uint64_t *old;
	uint32_t *oldw, dummy;

	if (2 * (k->n + 1) > k->cap) {
		old = k->slot;
		oldw = k->where;
		cap = k->cap;
		k->cap = cap ? 2 * cap : 1024;
		k->slot = vl_xcalloc(k->cap, sizeof *k->slot);
		k->where = vl_xcalloc(k->cap, sizeof *k->where);
		k->n = 0;
		for (i = 0; i < cap; i++)
			if (old[i])
				key_add(k, old[i], oldw[i], &dummy);
		free(old);
		free(oldw);
	}
	for (i = key & (k->cap - 1); k->slot[i]; i = (i + 1) & (k->cap - 1))
		if (k->slot[i] == key) {
			*had = k->where[i];
			return false;
		}
	k->slot[i] = key;
	k->where[i] = where;
	k->n++;
	return true;
}

static bool
has_upper(const char *s)
{
	for (; *s; s++)
		if (isupper((unsigned char)*s))
			return true;
	return false;
}

/* The largest number an id given (--id, an import) may hold in the
 * file's numbered form (P001, 17): the ids given after it, one above
 * the other, stay numbers for longer than any register will live. */
#define ID_MAX INT64_C(999999999999999999)
#define ID_MAX_TEXT "999999999999999999"

/* An id of the file's numbered form, its prefix and then digits: 1 and
 * its number and width, or -1 when the number is past the 64-bit range
 * (INT64_MAX, which has no next, too); 0 when the id is of another form
 * (an id is any word), which numbers nothing. */
static int
id_number(const struct vl_batch *b, const char *id, int64_t *n, int *width)
{
	const char *prefix = id_prefix(b->spec), *num = id + strlen(prefix);
	char *end;

	/* p007 numbers as P007 does: the next id is not one that
	 * differs from it only in letter case */
	if (strncasecmp(id, prefix, strlen(prefix)) != 0 || *num < '0' ||
	    *num > '9')
		return 0;
	errno = 0;
	*n = strtoll(num, &end, 10);
	if (*end != '\0')
		return 0;
	*width = (int)(end - num);
	return errno == ERANGE || *n == INT64_MAX ? -1 : 1;
}

/* the next id to give: above a numeric id seen */
static void
bump_next(struct vl_batch *b, const char *id)
{
	int64_t n;
	int width;

	/* one past the 64-bit range (a hand's) numbers nothing */
	if (id_number(b, id, &n, &width) == 1 && n >= b->next_id) {
		b->next_id = n + 1;
		b->id_width = width;	/* P01: P02 next */
	}
}

static void
note_id(struct vl_batch *b, const char *id)
{
	struct vl_project p = {0};

	bump_next(b, id);
	p.id = vl_xstrdup(id);
	vl_projects_add(&b->ids, &p);
	/* an id in lower case already is its own folded form, in ids */
	if (has_upper(id))
		add_key(&b->folded, folded(id));
}

/* a set of strings, as a table of projects that are only ids */
static void
add_key(struct vl_projects *set, char *key)
{
	struct vl_project p = {0};

	p.id = key;
	vl_projects_add(set, &p);
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
	char num[24];
	uint32_t had;

	b->nrows++;
	if (b->check && vl_check_row(b->check, r, NULL, NULL, NULL) != 0) {
		b->refused++;	/* said, as a reader says it */
		return 0;
	}
	b->row_id = vl_field(r, "id");
	if (b->add_ids) {	/* numbered in file order, as readers do */
		snprintf(num, sizeof num, "%ld", b->nrows);
		b->row_id = num;
	}
	if (*b->row_id)
		note_id(b, b->row_id);
	key_add(&b->rowkeys, row_key(b, r), *b->row_id && b->ids.n <
	    VL_KEY_BATCH ? (uint32_t)b->ids.n : 0, &had);
	if (!b->money_over && !add_money(b, r, &field))
		b->money_over = true;
	if (b->seen)
		b->seen(b, r);
	b->row_id = NULL;
	return 0;
}

/* An id the audit trail once added to this file is not given again,
 * even when its row was deleted by hand since. */
static int
on_audit_line(const struct vl_record *r, bool broken, void *ctx)
{
	struct vl_batch *b = ctx;
	const char *id = vl_field(r, "record");

	(void)broken;
	if (strcmp(vl_field(r, "action"), "add") != 0 ||
	    strcmp(vl_field(r, "file"), b->spec->file) != 0 || !*id ||
	    strchr(id, ' '))
		return 0;	/* progress was added by its fields once */
	if (vl_projects_find(&b->ids, id) || vl_projects_find(&b->used, id))
		return 0;
	bump_next(b, id);
	add_key(&b->used, vl_xstrdup(id));
	/* P001 used, its row deleted by hand: p001 is not given either */
	if (has_upper(id)) {
		char *low = folded(id);

		if (vl_projects_find(&b->used, low))
			free(low);
		else
			add_key(&b->used, low);
	}
	return 0;
}

static int
scan_audit(struct vl_batch *b)
{
	struct vl_audit a;
	int status = vl_audit_read(&b->book.reg, &a, on_audit_line, b, NULL);

	vl_audit_free(&a);
	return status == VL_SYSFAULT ? status : VL_OK;
}

/* Has the file an id column?  Its header read alone. */
static bool
file_has_id(const struct vl_book *bk, const struct vl_filespec *spec)
{
	struct vl_header h = {0};
	struct vl_csv_opts opts = {.encoding = bk->encoding, .header_out = &h,
	    .regular = true};
	char *path = vl_reg_path(&bk->reg, spec->file);
	bool has;

	vl_csv_read(path, vl_book_display(bk, spec->file), &opts, stop, NULL);
	free(path);
	has = h.n == 0 || vl_header_index(&h, "id") >= 0;
	vl_header_free(&h);
	return has;
}

/* a column added to h, first or last */
static void
grow(struct vl_header *h, const char *name, bool first)
{
	h->name = vl_xrealloc(h->name, (h->n + 1) * sizeof *h->name);
	if (first)
		memmove(h->name + 1, h->name, h->n * sizeof *h->name);
	h->name[first ? 0 : h->n] = vl_xstrdup(name);
	h->n++;
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
	struct vl_csv_opts opts = {.encoding = b->book.encoding,
	    .header_out = &b->hdr, .regular = true,
	    .converted = &b->converted};
	char *path = vl_reg_path(&b->book.reg, b->spec->file);
	int status = VL_OK;
	size_t i;

	b->next_id = 1;
	if (b->spec == &vl_funds_spec) {
		b->check = vl_xcalloc(1, sizeof *b->check);
		vl_colmap_init(b->check, b->spec);
		vl_colmap_plan(b->check, &b->book.plan);
	}
	if (vl_reg_exists(&b->book.reg, b->spec->file) && has_id(b->spec))
		b->add_ids = !file_has_id(&b->book, b->spec);
	if (vl_reg_exists(&b->book.reg, b->spec->file))
		status = vl_csv_read(path, vl_book_display(&b->book,
		    b->spec->file), &opts, on_existing, b);
	free(path);
	if (status == VL_OK && b->refused)
		status = VL_BADINPUT;
	if (status == VL_OK)
		status = scan_audit(b);
	if (b->hdr.n == 0) {	/* a new file: the columns always there */
		b->hdr.name = vl_xcalloc(b->spec->n, sizeof *b->hdr.name);
		for (i = 0; i < b->spec->n; i++)
			if (!b->spec->field[i].on_demand)
				b->hdr.name[b->hdr.n++] =
				    vl_xstrdup(b->spec->field[i].name);
	} else if (b->add_ids) {
		grow(&b->hdr, "id", true);
		b->grown = true;
	}
	return status;
}

static int
batch_open(struct vl_batch *b, const struct vl_source *src)
{
	/* every record counts here: none is ignored; the register's files
	 * are UTF-8 whatever encoding the import is in */
	struct vl_source all = {src->dir, VL_NODATE, NULL, NULL};
	/* under the writer's lock: what is read is what the commit extends,
	 * and a commit a crash interrupted is finished before anything is
	 * read */
	int status;

	b->input_encoding = src->encoding;
	/* the rows there read as readers read them: a file they refuse is
	 * not written to (funds.csv's checked as the batch reads it) */
	status = vl_book_load(&b->book, &all, b->load | vl_load_of(b->spec) |
	    VL_LOAD_PLAN | VL_LOAD_PROJECTS | VL_LOAD_WRITE);
	/* a city register's projects are districts: the progress,
	 * inspections and tasks of villages no report reads in it */
	if (status == VL_OK && vl_load_of(b->spec))
		status = vl_book_of_villages(&b->book);
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

	b->checked_columns = true;
	for (i = 0; i < r->header->n; i++)
		if (!column_known(b, r->header->name[i])) {
			vl_errat(r->file, 1, r->header->name[i], "not a column "
			    "of %s", b->spec->file);
			bad++;
		}
	/* a column the file lacks and the records need: added to it when
	 * it is one a file gains when first needed (reverses), the file
	 * written out whole; else refused, a value never dropped */
	for (i = 0; i < b->spec->n; i++) {
		const char *name = b->spec->field[i].name;

		if (vl_header_index(&b->hdr, name) >= 0 ||
		    vl_header_index(r->header, name) < 0 ||
		    (!b->import && !*vl_field(r, name)))
			continue;
		if (b->spec->field[i].on_demand) {
			grow(&b->hdr, name, false);
			b->grown = true;
			vl_buf_printf(&b->new_columns, "%s%s",
			    b->new_columns.len ? " " : "", name);
		} else if (*vl_field(r, name)) {
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
	bool given = **id != '\0';

	if (!given) {
		struct vl_buf s = {0};

		free(*id);
		vl_buf_printf(&s, "%s%0*" PRId64, id_prefix(b->spec),
		    b->id_width ? b->id_width : b->spec == &vl_projects_spec ?
		    3 : 1, b->next_id);
		*id = s.data;
	}
	char *low = folded(*id);
	int64_t n;
	int bad = 1, width, num = id_number(b, *id, &n, &width);

	if (given && (num < 0 || (num > 0 && n > ID_MAX)))
		vl_errat(r->file, r->line, "id", "\"%s\" is too large a number "
		    "for an id: at most %s%s, so that the ids after it are "
		    "numbered above it; leave --id out for a new one", *id,
		    id_prefix(b->spec), ID_MAX_TEXT);
	else if (vl_projects_find(&b->ids, *id))
		vl_errat(r->file, r->line, "id", "\"%s\" is already in %s or "
		    "in this batch", *id, b->spec->file);
	else if (vl_projects_find(&b->used, *id) || vl_projects_find(&b->used,
	    low))
		vl_errat(r->file, r->line, "id", "\"%s\" was used before "
		    "(audit.csv); an id is never given twice: leave --id out "
		    "for a new one", *id);
	else if (vl_projects_find(&b->folded, low) || vl_projects_find(&b->ids,
	    low))
		vl_errat(r->file, r->line, "id", "\"%s\" differs only in "
		    "letter case from an id in %s; use another", *id,
		    b->spec->file);
	else
		bad = 0;
	free(low);
	if (!bad)
		note_id(b, *id);
	return bad;
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
 * has no ids (progress: "P01 started 2023-01-05"), and its detail (the
 * batch's, else what describe says of it). */
static void
note_record(struct vl_batch *b, const struct vl_record *r, int idcol)
{
	char *const *values = r->field;
	struct vl_buf key = {0}, detail = {0};
	size_t i;
	int col;

	if (idcol >= 0)
		vl_buf_puts(&key, values[idcol]);
	for (i = 0; idcol < 0 && i < b->spec->ncore; i++) {
		col = vl_header_index(&b->hdr, b->spec->field[i].name);
		vl_buf_printf(&key, "%s%s", i ? " " : "", col >= 0 ?
		    values[col] : "");
	}
	/* noted at the commit, after what it does to the file as a whole */
	vl_buf_puts(&b->adds, key.data ? key.data : "");
	vl_buf_add(&b->adds, "", 1);
	if (b->detail)
		vl_buf_puts(&detail, b->detail);
	else if (b->describe)
		b->describe(r, &detail);
	vl_buf_puts(&b->adds, detail.data ? detail.data : "");
	vl_buf_add(&b->adds, "", 1);
	vl_buf_free(&key);
	vl_buf_free(&detail);
}

/* A record dated after today is a typing slip (2032 for 2023): a report
 * would hide it until then. */
static int
not_later(const struct vl_batch *b, const struct vl_record *r)
{
	/* what happened: the record, its rectification closed, its void
	 * (a task's done: task_rule); a due date is to come by nature */
	static const char *const happened[] = {"date", "closed", "voided",
	    NULL};
	const char *const *f, *why;
	char day[VL_DATE_BUFSZ];
	int bad = 0;
	vl_date d;

	for (f = happened; *f && b->today != VL_NODATE; f++) {
		if (vl_date_parse(vl_field(r, *f), &d, &why) != 0 ||
		    d <= b->today)
			continue;
		vl_errat(r->file, r->line, *f, "%s is after today (%s): a "
		    "record is dated when it happened; give the right --date "
		    "(or --as-of for a register kept as of another day)",
		    vl_field(r, *f), vl_date_format(b->today, day));
		bad++;
	}
	return bad;
}

/* A row imported void is voided on or after its own date, as vl-add
 * void says of a void on the command line: as of a day between, it
 * would be void before it happened.  (Readers take such a row: one
 * typed with a date to come, before that was refused, voided since.) */
static int
not_void_before(const struct vl_record *r)
{
	const char *why;
	vl_date d, v;

	if (vl_date_parse(vl_field(r, "voided"), &v, &why) != 0 ||
	    vl_date_parse(vl_field(r, "date"), &d, &why) != 0 || v >= d)
		return 0;
	vl_errat(r->file, r->line, "voided", "%s is before the row's date %s: "
	    "a row is voided on or after its own date", vl_field(r, "voided"),
	    vl_field(r, "date"));
	return 1;
}

/* The same entry made twice (a file imported twice, a payment typed
 * again) is refused, unless it is known to be a second one. */
static int
not_repeated(struct vl_batch *b, const struct vl_record *r)
{
	uint32_t had = 0;

	if (key_add(&b->rowkeys, row_key(b, r), r->line > 0 && r->line <
	    (long)VL_KEY_BATCH ? VL_KEY_BATCH | (uint32_t)r->line : 0, &had) ||
	    b->allow_repeat)
		return 0;
	if (had & VL_KEY_BATCH && had != VL_KEY_BATCH)
		vl_errat(r->file, r->line, "id", "the same as line %lu of this "
		    "file in every field but the id: a double entry?  If it "
		    "is a second one indeed, give --allow-repeat",
		    (unsigned long)(had & ~VL_KEY_BATCH));
	else if (had > 0 && had <= b->ids.n)
		vl_errat(r->file, r->line, "id", "the same as the row with id %s "
		    "in %s in every field but the id: a double entry?  If it "
		    "is a second one indeed, give --allow-repeat",
		    b->ids.v[had - 1].id, b->spec->file);
	else
		vl_errat(r->file, r->line, "id", "the same as a row already in "
		    "%s or in this batch but for its id: a double entry?  If "
		    "it is a second one indeed, give --allow-repeat",
		    b->spec->file);
	return 1;
}

static int
batch_record(const struct vl_record *r, void *batch)
{
	struct vl_batch *b = batch;
	int bad = b->checked_columns ? 0 : check_columns(b, r);
	char **values = vl_xcalloc(b->hdr.n, sizeof *values);
	size_t *lens = vl_xcalloc(b->hdr.n, sizeof *lens), i;
	struct vl_record view = {.file = r->file, .line = r->line,
	    .n = b->hdr.n, .len = lens, .header = &b->hdr};
	int idcol = vl_header_index(&b->hdr, "id");

	b->import_rows++;
	for (i = 0; i < b->hdr.n; i++)
		values[i] = (b->import ? vl_spec_cell : vl_spec_typed)(b->spec,
		    &b->book.plan, b->hdr.name[i], vl_field(r, b->hdr.name[i]));
	if (idcol >= 0)
		bad += check_id(b, r, &values[idcol]);
	for (i = 0; i < b->hdr.n; i++)
		lens[i] = strlen(values[i]);
	view.field = values;
	bad += vl_check_record(b->spec, &view, &b->book.projects,
	    &b->book.plan);
	b->row_id = idcol >= 0 ? values[idcol] : "";
	/* the file's own rule last: it takes what it passes into its sums */
	if (!bad)
		bad += not_later(b, &view) + not_void_before(&view);
	if (!bad)
		bad += check_money(b, &view);
	b->row_bad = bad != 0;
	if ((!bad || b->rule_on_bad) && b->rule)
		bad += b->rule(b, &view);
	b->row_bad = false;
	if (!bad)
		bad += not_repeated(b, &view);
	b->row_id = NULL;
	if (!bad) {
		normalise_money(b, values);
		for (i = 0; i < b->hdr.n; i++)
			lens[i] = strlen(values[i]);
		vl_buf_csv_row(&b->rows, b->hdr.n, (const char *const *)values);
		if (idcol >= 0)
			vl_buf_printf(&b->added, "%s\n", values[idcol]);
		note_record(b, &view, idcol);
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

struct imported {
	const char *detail;	/* "sha256:…" of the file's content */
	const char *raw;	/* of its bytes, as earlier imports hashed */
	char day[11];		/* when it was imported before, "" if never */
	long seq;
};

static int
on_import_line(const struct vl_record *r, bool broken, void *ctx)
{
	struct imported *im = ctx;

	(void)broken;
	if (!im->day[0] && strcmp(vl_field(r, "action"), "import") == 0 &&
	    (strcmp(vl_field(r, "detail"), im->detail) == 0 ||
	    strcmp(vl_field(r, "detail"), im->raw) == 0)) {
		snprintf(im->day, sizeof im->day, "%s", vl_field(r, "time"));
		im->seq = strtol(vl_field(r, "seq"), NULL, 10);
	}
	return 0;
}

static void
hash_hex(const char *data, size_t len, char hex[VL_HASH_HEX])
{
	struct vl_sha256 h;

	vl_sha256_init(&h);
	vl_sha256_add(&h, data, len);
	vl_sha256_end(&h, hex);
}

/* The bytes of a file as a spreadsheet saving it again leaves its
 * content: a UTF-8 byte-order mark, CR before LF and trailing blank
 * lines left out, one LF at the end.  A file with none of them is its
 * own bytes. */
static void
content_of(const struct vl_buf *text, struct vl_buf *out)
{
	const char *s = text->data ? text->data : "";
	size_t n = text->len, i;

	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		s += 3;
		n -= 3;
	}
	for (i = 0; i < n; i++)
		if (!(s[i] == '\r' && i + 1 < n && s[i + 1] == '\n'))
			vl_buf_add(out, s + i, 1);
	while (out->len > 0 && (out->data[out->len - 1] == '\n' ||
	    out->data[out->len - 1] == '\r'))
		out->len--;
	if (out->len > 0)
		vl_buf_add(out, "\n", 1);
}

/* A file is imported once: its content (content_of) hashed and looked
 * for in the audit trail, and its bytes as given (what an import
 * recorded before), so the same file saved again by a spreadsheet with
 * a byte-order mark or CRLF is known; the import's own line records the
 * content. */
static int
imported_before(struct vl_batch *b, const struct vl_buf *text,
    const char *display, struct vl_buf *detail)
{
	struct imported im = {NULL, NULL, "", 0};
	struct vl_buf content = {0}, raw = {0};
	char hex[VL_HASH_HEX];
	struct vl_audit a;

	content_of(text, &content);
	hash_hex(content.data ? content.data : "", content.len, hex);
	vl_buf_printf(detail, "sha256:%s", hex);
	hash_hex(text->data ? text->data : "", text->len, hex);
	vl_buf_printf(&raw, "sha256:%s", hex);
	im.detail = detail->data;
	im.raw = raw.data;
	/* one read of the trail, either hash an import line's */
	vl_audit_read(&b->book.reg, &a, on_import_line, &im, NULL);
	vl_audit_free(&a);
	vl_buf_free(&content);
	vl_buf_free(&raw);
	if (!im.day[0])
		return 0;
	vl_errat(display, 0, "import", "this file was imported before, on %s "
	    "(audit.csv seq %ld): its rows are in %s already; nothing to do",
	    im.day, im.seq, b->spec->file);
	return 1;
}

/* nothing but a BOM, blanks and line ends */
static bool
blank(const struct vl_buf *t)
{
	size_t i = t->len >= 3 && memcmp(t->data, "\xef\xbb\xbf", 3) == 0 ? 3 :
	    0;

	for (; i < t->len; i++)
		if (!strchr(" \t\r\n", t->data[i]) || t->data[i] == '\0')
			return false;
	return true;
}

static int
batch_import(struct vl_batch *b, const char *path)
{
	struct vl_csv_opts opts = {.encoding = b->input_encoding};
	const char **req = vl_spec_required(b->spec);
	const char *display = strcmp(path, "-") == 0 ? "stdin" : path;
	const char **names = vl_xcalloc(b->hdr.n + b->spec->n + 1,
	    sizeof *names);
	struct vl_csv_sheet sheet = {names};
	struct vl_buf text = {0}, detail = {0};
	size_t i, n = 0;
	int status;

	/* a header in Chinese names the file's columns, the spec's too */
	for (i = 0; i < b->hdr.n; i++)
		names[n++] = b->hdr.name[i];
	for (i = 0; i < b->spec->n; i++)
		names[n++] = b->spec->field[i].name;
	/* an import may leave ids out: they are assigned */
	opts.required = b->required ? b->required : req +
	    (strcmp(req[0], "id") == 0);
	b->import = true;
	if ((status = vl_slurp(path, display, &text)) != VL_OK)
		goto out;
	if (blank(&text)) {	/* a day with nothing, or a failed export */
		vl_warn("%s: empty, not even a header row: nothing imported",
		    display);
	} else if (imported_before(b, &text, display, &detail)) {
		status = VL_BADINPUT;
	} else {
		status = vl_csv_read_sheet(text.data, text.len, display, &opts,
		    &sheet, batch_record, b);
	}
	/* a header and no rows is taken (a day with nothing to book), and
	 * said, lest silence look like rows written */
	if (status == VL_OK && b->import_rows == 0 && !blank(&text))
		vl_warn("%s: no records under the header: nothing to add",
		    display);
	b->import_name = display;
	vl_buf_add(&b->import_detail, detail.data, detail.len);
out:
	free(names);
	vl_buf_free(&text);
	vl_buf_free(&detail);
	return status;
}

struct whole {
	const struct vl_batch *b;
	struct vl_buf *out;
	long row;
};

static int
old_row(const struct vl_record *r, void *ctx)
{
	struct whole *w = ctx;
	const struct vl_header *h = &w->b->hdr;
	const char **f = vl_xcalloc(h->n, sizeof *f);
	char num[24];
	size_t i;

	snprintf(num, sizeof num, "%ld", ++w->row);
	for (i = 0; i < h->n; i++) {
		f[i] = vl_field(r, h->name[i]);
		if (w->b->add_ids && strcmp(h->name[i], "id") == 0)
			f[i] = num;
	}
	vl_buf_csv_row(w->out, h->n, f);
	free(f);
	return 0;
}

/* The file as it is, in the columns it has gained: each row's fields
 * kept, the ids of a file that had none given in file order.  Its
 * audit line says so. */
static int
whole_file(struct vl_batch *b, struct vl_buf *out)
{
	struct vl_csv_opts opts = {.encoding = b->book.encoding,
	    .regular = true};
	char *path = vl_reg_path(&b->book.reg, b->spec->file);
	struct whole w = {b, out, 0};
	struct vl_buf what = {0};
	int status;

	vl_buf_csv_row(out, b->hdr.n, (const char *const *)b->hdr.name);
	/* a file made by this batch (tasks.csv by the first task) with a
	 * column asked for on demand has no rows yet */
	status = !vl_reg_exists(&b->book.reg, b->spec->file) ? VL_OK :
	    vl_csv_read(path, vl_book_display(&b->book, b->spec->file),
	    &opts, old_row, &w);
	free(path);
	if (b->add_ids) {
		vl_buf_printf(&what, "1-%ld", w.row);
		vl_reg_note(&b->book.reg, "add-ids", b->spec->file, what.data);
	}
	if (b->new_columns.len) {
		what.len = 0;
		vl_buf_printf(&what, "columns added: %s", b->new_columns.data);
		vl_reg_note_detail(&b->book.reg, "add-columns", b->spec->file,
		    "", what.data);
	}
	if (b->converted)
		vl_reg_note_detail(&b->book.reg, "to-utf8", b->spec->file, "",
		    "the file was not UTF-8 (a spreadsheet saved it so): "
		    "written out whole in UTF-8");
	vl_buf_free(&what);
	vl_buf_add(out, b->rows.data, b->rows.len);
	return status;
}

static int
batch_commit(struct vl_batch *b)
{
	struct vl_buf header = {0}, whole = {0};
	struct vl_change ch = {.file = b->spec->file, .data = b->rows.data,
	    .len = b->rows.len};
	const char *p, *d;
	int status = VL_OK;

	vl_buf_csv_row(&header, b->hdr.n, (const char *const *)b->hdr.name);
	ch.header = header.data;
	/* UTF-8 rows appended to a GB18030 file would make it neither */
	if (b->rows.len > 0 && (b->grown || b->converted)) {
		status = whole_file(b, &whole);
		ch = (struct vl_change){b->spec->file, NULL, true, whole.data,
		    whole.len};
	}
	if (b->import_detail.len)
		vl_reg_note_detail(&b->book.reg, "import", b->spec->file,
		    b->import_name, b->import_detail.data);
	for (p = b->adds.data; p && p < b->adds.data + b->adds.len;
	    p += strlen(p) + 1) {
		d = p + strlen(p) + 1;	/* the record, then its detail */
		vl_reg_note_detail(&b->book.reg, "add", b->spec->file, p, d);
		p = d;
	}
	if (b->rows.len > 0 && status == VL_OK)
		status = vl_reg_commit(&b->book.reg, &ch, 1);
	vl_buf_free(&header);
	vl_buf_free(&whole);
	if (status == VL_OK && b->added.len)
		fputs(b->added.data, stdout);
	return status;
}

static void
batch_free(struct vl_batch *b)
{
	vl_book_free(&b->book);
	free(b->check);
	vl_header_free(&b->hdr);
	vl_projects_free(&b->ids);
	vl_projects_free(&b->folded);
	vl_projects_free(&b->used);
	free(b->rowkeys.slot);
	free(b->rowkeys.where);
	vl_buf_free(&b->adds);
	vl_buf_free(&b->new_columns);
	vl_buf_free(&b->import_detail);
	vl_buf_free(&b->rows);
	vl_buf_free(&b->added);
}

int
vl_batch_run(struct vl_batch *b, const struct vl_source *src,
    const char *import, const char *const *value)
{
	long errors = vl_error_count();
	int status;

	b->today = src->as_of;
	if ((status = batch_open(b, src)) == VL_OK && b->book.plan.placeholder) {
		vl_errat(vl_book_display(&b->book, "plan.json"), 0, NULL,
		    "still the template's placeholders (name, villages, "
		    "deadlines 2099-12-31, total): fill in the programme's "
		    "plan before adding records");
		status = VL_BADINPUT;
	}
	if (status == VL_OK) {
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
