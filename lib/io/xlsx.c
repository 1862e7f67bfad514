/*
 * xlsx.c - records as Excel workbooks, through libxlsxwriter.
 *
 * Nothing from the data is ever a formula: text cells are written with
 * worksheet_write_string, which stores a string whatever it starts with.
 * Money is the one place fen become a double, here at the last step:
 * below 10^15 fen (ten trillion yuan) an amount has at most 15
 * significant digits, which a double holds exactly enough that rounding
 * it to the fen gives the amount back, and Excel shows all of them; a
 * larger amount is written as text rather than rounded.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "base/err.h"
#include "base/i18n.h"
#include "base/money.h"
#include "base/strbuf.h"
#include "io/output_priv.h"

#define MAX_WIDTH 60		/* columns wider than this wrap the eye */
#define MAX_ROWS (LXW_ROW_MAX - 1)	/* data rows under the header */
#define MAX_CELL 32767		/* characters a cell of Excel holds */
#define MONEY_LIMIT INT64_C(1000000000000000)	/* 10^15 fen */

struct vl_workbook {
	struct vl_outfile file;
	lxw_workbook *wb;
	lxw_format *head, *head_num, *money, *date, *title, *total, *total_money, *note;
	char **names;		/* of the sheets, to keep them unique */
	size_t nsheets;
	int status;		/* the worst of its sheets */
};

struct vl_sheet {
	struct vl_workbook *wb;
	lxw_worksheet *ws;
	char *name;
	size_t ncols;
	const struct vl_col *cols;
	size_t *width;		/* display columns of the widest cell */
	lxw_row_t first;	/* the header's row: 1 under a title row */
	lxw_row_t rows;		/* data rows written */
	char *heading;		/* the title row's text, or NULL */
	int64_t *sum;		/* of each MONEY column, in fen */
	long long *count;	/* of each INT column */
	bool *unsummed;		/* a cell not read as money: no total */
	bool *overflow;		/* a sum past what 64 bits hold */
	lxw_row_t extra;	/* rows after the data: totals, notes */
	bool toomany, cut;
	lxw_error error;	/* the first write that failed */
};

struct vl_workbook *
vl_workbook_open(const char *path)
{
	struct vl_workbook *w = vl_xcalloc(1, sizeof *w);
	int fd = vl_outfile_open(&w->file, path);

	if (fd < 0)
		exit(VL_SYSFAULT);	/* said why */
	close(fd);	/* libxlsxwriter writes the temp file by its name */
	if (!w->file.tmp)
		vl_die(VL_BADINPUT, "%s: not a regular file; a workbook is "
		    "written to a file", path);
	if (!(w->wb = workbook_new(w->file.tmp)))
		vl_die(VL_SYSFAULT, "out of memory");
	w->head = workbook_add_format(w->wb);
	format_set_bold(w->head);
	w->head_num = workbook_add_format(w->wb);	/* over numbers */
	format_set_bold(w->head_num);
	format_set_align(w->head_num, LXW_ALIGN_RIGHT);
	w->money = workbook_add_format(w->wb);
	format_set_num_format(w->money, "#,##0.00");
	w->date = workbook_add_format(w->wb);
	format_set_num_format(w->date, "yyyy-mm-dd");
	w->title = workbook_add_format(w->wb);
	format_set_bold(w->title);
	format_set_font_size(w->title, 14);
	w->total = workbook_add_format(w->wb);
	format_set_bold(w->total);
	format_set_top(w->total, LXW_BORDER_THIN);
	w->total_money = workbook_add_format(w->wb);
	format_set_bold(w->total_money);
	format_set_top(w->total_money, LXW_BORDER_THIN);
	format_set_num_format(w->total_money, "#,##0.00");
	w->note = workbook_add_format(w->wb);
	format_set_italic(w->note);
	return w;
}

/* bytes of the UTF-8 character at s (1 for a stray byte) */
static size_t
utf8_len(const char *s)
{
	unsigned char c = (unsigned char)*s;
	size_t n = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ?
	    2 : 1, i;

	for (i = 1; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			return 1;
	return n;
}

/* name as Excel takes it into buf: none of []:*?/\ nor a control
 * character, no apostrophe at either end, at most 31 UTF-16 units of
 * which suffix takes its share */
static void
fit_name(const char *name, const char *suffix, struct vl_buf *buf)
{
	size_t units = 0, room = LXW_SHEETNAME_MAX - strlen(suffix), n;
	const char *s;

	buf->len = 0;
	for (s = name; *s && units + 1 + (utf8_len(s) == 4) <= room; s += n) {
		n = utf8_len(s);
		units += 1 + (n == 4);
		if (n == 1 && (strchr("[]:*?/\\", *s) || (unsigned char)*s <
		    0x20 || *s == 0x7f || (unsigned char)*s >= 0x80))
			vl_buf_add(buf, "_", 1);
		else
			vl_buf_add(buf, s, n);
	}
	while (buf->len > 0 && (buf->data[buf->len - 1] == ' ' ||
	    buf->data[buf->len - 1] == '\''))
		buf->len--;
	if (buf->len > 0 && buf->data[0] == '\'')
		buf->data[0] = '_';
	if (buf->len == 0)
		vl_buf_puts(buf, "vl");
	vl_buf_puts(buf, suffix);
}

static bool
taken(const struct vl_workbook *w, const char *name)
{
	size_t i;

	for (i = 0; i < w->nsheets; i++)
		if (strcasecmp(w->names[i], name) == 0)
			return true;
	return false;
}

/* a name no other sheet of w has: "name", "name (2)", ... */
static char *
unique_name(struct vl_workbook *w, const char *name)
{
	struct vl_buf b = {0};
	char suffix[32] = "";
	unsigned k = 1;

	for (;;) {
		fit_name(name, suffix, &b);
		if (!taken(w, b.data))
			break;
		snprintf(suffix, sizeof suffix, " (%u)", ++k);
	}
	w->names = vl_xrealloc(w->names, (w->nsheets + 1) * sizeof *w->names);
	w->names[w->nsheets++] = b.data;
	return b.data;
}

static void
failed(struct vl_sheet *s, lxw_error e)
{
	if (e != LXW_NO_ERROR && s->error == LXW_NO_ERROR)
		s->error = e;
}

/* the row of the next data row */
static lxw_row_t
row_of(const struct vl_sheet *s)
{
	return s->first + 1 + s->rows;
}

struct vl_sheet *
vl_sheet_open(struct vl_workbook *wb, const char *name, const char *heading,
    size_t ncols, const struct vl_col *cols)
{
	struct vl_sheet *s = vl_xcalloc(1, sizeof *s);
	size_t c;

	s->wb = wb;
	s->name = unique_name(wb, name);
	s->ncols = ncols;
	s->cols = cols;
	s->width = vl_xcalloc(ncols + 1, sizeof *s->width);
	s->sum = vl_xcalloc(ncols + 1, sizeof *s->sum);
	s->count = vl_xcalloc(ncols + 1, sizeof *s->count);
	s->unsummed = vl_xcalloc(ncols + 1, sizeof *s->unsummed);
	s->overflow = vl_xcalloc(ncols + 1, sizeof *s->overflow);
	if (!(s->ws = workbook_add_worksheet(wb->wb, s->name)))
		vl_die(VL_SYSFAULT, "%s: cannot add the sheet", s->name);
	s->toomany = ncols > LXW_COL_MAX;
	if (heading && *heading) {	/* what, whose, as of when */
		s->heading = vl_xstrdup(heading);
		s->first = 1;
		failed(s, worksheet_write_string(s->ws, 0, 0, heading,
		    wb->title));
		failed(s, worksheet_set_row(s->ws, 0, 22, NULL));
	}
	for (c = 0; c < ncols && !s->toomany; c++) {
		failed(s, worksheet_write_string(s->ws, s->first, (lxw_col_t)c,
		    vl_tr(cols[c].name), cols[c].type == VL_COL_MONEY ||
		    cols[c].type == VL_COL_INT ? wb->head_num : wb->head));
		/* and room for the filter's button */
		s->width[c] = vl_text_width(vl_tr(cols[c].name)) + 2;
	}
	return s;
}

static void
widen(struct vl_sheet *s, size_t c, size_t w)
{
	if (w > s->width[c])
		s->width[c] = w;
}

/* A plain integer of at most 15 digits: 7, -12, never 007 or 1e3. */
static bool
int_cell(struct vl_sheet *s, lxw_col_t c, const char *v)
{
	const char *p = v + (*v == '-');
	size_t n = strlen(p);

	if (n == 0 || n > 15 || strspn(p, "0123456789") != n ||
	    (n > 1 && *p == '0'))
		return false;
	failed(s, worksheet_write_number(s->ws, row_of(s), c,
	    (double)strtoll(v, NULL, 10), NULL));
	s->count[c] += strtoll(v, NULL, 10);	/* 15 digits: no overflow
						 * in a sheet's rows */
	widen(s, c, strlen(v));
	return true;
}

static void text_cell(struct vl_sheet *s, lxw_col_t c, const char *v);

/* As it shows with #,##0.00: the digits and a comma every three. */
static bool
money_cell(struct vl_sheet *s, lxw_col_t c, const char *v)
{
	const char *why;
	int64_t fen;
	size_t digits;

	if (vl_money_parse(v, &fen, &why) != 0)
		return false;
	if (fen <= -MONEY_LIMIT || fen >= MONEY_LIMIT)
		text_cell(s, c, v);	/* past a double's fen: as text */
	else	/* the one conversion of fen to a double, exact to the fen */
		failed(s, worksheet_write_number(s->ws, row_of(s), c,
		    (double)fen / 100.0, s->wb->money));
	if (!vl_money_add(s->sum[c], fen, &s->sum[c]))
		s->overflow[c] = true;
	digits = strspn(v + (*v == '-'), "0123456789");
	widen(s, c, strlen(v) + (digits > 0 ? (digits - 1) / 3 : 0));
	return true;
}

/* A date Excel can show: 1900-01-01 and later. */
static bool
date_cell(struct vl_sheet *s, lxw_col_t c, const char *v)
{
	lxw_datetime dt = {0, 0, 0, 0, 0, 0.0};
	const char *why;
	vl_date d;
	int y, m, day;

	if (vl_date_parse(v, &d, &why) != 0 ||
	    sscanf(v, "%d-%d-%d", &y, &m, &day) != 3 || y < 1900)
		return false;
	dt.year = y, dt.month = (uint8_t)m, dt.day = (uint8_t)day;
	failed(s, worksheet_write_datetime(s->ws, row_of(s), c, &dt,
	    s->wb->date));
	widen(s, c, strlen(v));
	return true;
}

/* "_x0041_" in a string is Excel's escape for "A": a literal one is
 * written with its "_" escaped ("_x005F_"), so the text reads back as it
 * was.  NULL when there is none. */
static char *
unescape_proof(const char *v)
{
	struct vl_buf b = {0};
	const char *p;

	for (p = v; *p; p++)
		if (p[0] == '_' && p[1] == 'x' && strspn(p + 2,
		    "0123456789ABCDEFabcdef") >= 4 && p[6] == '_')
			break;
	if (!*p)
		return NULL;
	for (p = v; *p; p++)
		if (p[0] == '_' && p[1] == 'x' && strspn(p + 2,
		    "0123456789ABCDEFabcdef") >= 4 && p[6] == '_')
			vl_buf_puts(&b, "_x005F_");
		else
			vl_buf_add(&b, p, 1);
	return b.data;
}

/* Text, as text whatever it looks like; cut at what a cell holds. */
static void
text_cell(struct vl_sheet *s, lxw_col_t c, const char *v)
{
	const char *p = v;
	size_t chars = 0;
	char *cut = NULL, *safe;

	while (*p && chars < MAX_CELL)
		p += utf8_len(p), chars++;
	if (*p) {
		cut = vl_xstrdup(v);
		cut[p - v] = '\0';
		if (!s->cut)
			vl_warn("%s: row %lu: a cell of more than %d characters, "
			    "more than Excel holds, is cut short", s->name,
			    (unsigned long)row_of(s) + 1, MAX_CELL);
		s->cut = true;
		v = cut;
	}
	widen(s, c, vl_text_width(v));
	if ((safe = unescape_proof(v)))
		v = safe;
	failed(s, worksheet_write_string(s->ws, row_of(s), c, v, NULL));
	free(safe);
	free(cut);
}

void
vl_sheet_row(struct vl_sheet *s, const char *const *values)
{
	lxw_col_t c;
	const char *v;
	bool done;

	if (s->toomany || s->rows >= MAX_ROWS) {
		s->toomany = true;
		return;
	}
	for (c = 0; c < s->ncols; c++) {
		if (!(v = values[c]) || !*v)
			continue;	/* an empty cell */
		switch (s->cols[c].type) {
		case VL_COL_INT:
			done = int_cell(s, c, v);
			break;
		case VL_COL_MONEY:
			done = money_cell(s, c, v);
			break;
		case VL_COL_DATE:
			done = date_cell(s, c, v);
			break;
		default:
			done = false;
		}
		if (!done)
			text_cell(s, c, v);
		if (!done && s->cols[c].type == VL_COL_MONEY)
			s->unsummed[c] = true;	/* text: not added up */
	}
	s->rows++;
}

/* A money column's total in row r: a number, as text past what a double
 * holds to the fen, or, past what 64 bits hold, no workbook (said: a
 * total is never written wrong, nor left out in silence) */
static void
money_total(struct vl_sheet *s, lxw_row_t r, lxw_col_t c)
{
	char m[VL_MONEY_BUFSZ];

	if (s->overflow[c]) {
		vl_warn("%s: the total of %s adds up past what a total holds "
		    "exactly (%s yuan); no workbook written", s->name,
		    s->cols[c].name, vl_money_format(INT64_MAX, m));
		if (s->wb->status == VL_OK)
			s->wb->status = VL_BADINPUT;
		return;
	}
	vl_money_format(s->sum[c], m);
	if (s->sum[c] > -MONEY_LIMIT && s->sum[c] < MONEY_LIMIT)
		failed(s, worksheet_write_number(s->ws, r, c,
		    (double)s->sum[c] / 100.0, s->wb->total_money));
	else
		failed(s, worksheet_write_string(s->ws, r, c, m,
		    s->wb->total));
	widen(s, c, strlen(m) + 4);
}

/* The row of totals under the data: each MONEY and INT column added up
 * (exactly, in fen), label in the first column. */
void
vl_sheet_total(struct vl_sheet *s, const char *label)
{
	lxw_row_t r = row_of(s) + s->extra;
	lxw_col_t c;

	if (s->toomany || s->ncols == 0)
		return;
	for (c = 0; c < s->ncols; c++) {
		if (c == 0)
			failed(s, worksheet_write_string(s->ws, r, c, label,
			    s->wb->total));
		else if (s->cols[c].type == VL_COL_MONEY && !s->unsummed[c])
			money_total(s, r, c);
		else if (s->cols[c].type == VL_COL_INT)
			failed(s, worksheet_write_number(s->ws, r, c,
			    (double)s->count[c], s->wb->total));
		else
			failed(s, worksheet_write_blank(s->ws, r, c,
			    s->wb->total));
	}
	s->extra++;
}

/* A line of text under the data, saying what the figures mean. */
void
vl_sheet_note(struct vl_sheet *s, const char *text)
{
	if (s->toomany)
		return;
	failed(s, worksheet_write_string(s->ws, row_of(s) + s->extra + 1, 0,
	    text, s->wb->note));
	s->extra += 2;	/* a blank row before it */
}

/*
 * Ready to print and hand over: A4 landscape, as many pages down as it
 * takes but one page wide (every column of a row on one page), the
 * header row on every page, the heading above and the page number
 * below.
 */
static void
page_setup(struct vl_sheet *s)
{
	struct vl_buf head = {0};
	const char *p;

	worksheet_set_landscape(s->ws);
	worksheet_set_paper(s->ws, 9);	/* A4 */
	worksheet_fit_to_pages(s->ws, 1, 0);
	worksheet_set_margins(s->ws, 0.4, 0.4, 0.6, 0.6);
	failed(s, worksheet_repeat_rows(s->ws, s->first, s->first));
	if (s->heading) {
		/* & is the page header's escape */
		vl_buf_puts(&head, "&C");
		for (p = s->heading; *p && head.len < 200; p++)
			vl_buf_add(&head, *p == '&' ? "&&" : p, *p == '&' ? 2 :
			    1);
		failed(s, worksheet_set_header(s->ws, head.data));
	}
	failed(s, worksheet_set_footer(s->ws, vl_tr("&CPage &P of &N")));
	vl_buf_free(&head);
}

int
vl_sheet_close(struct vl_sheet *s)
{
	int status = VL_OK;
	lxw_col_t c;

	if (s->toomany) {
		vl_warn("%s: more than %d rows or %d columns, more than a sheet "
		    "of Excel holds; no workbook written (--format csv has no "
		    "such limit)", s->name, MAX_ROWS, LXW_COL_MAX);
		status = VL_BADINPUT;
	} else if (s->ncols > 0) {
		worksheet_freeze_panes(s->ws, s->first + 1, 0);
		failed(s, worksheet_autofilter(s->ws, s->first, 0, s->first +
		    s->rows, (lxw_col_t)s->ncols - 1));
		page_setup(s);
		for (c = 0; c < s->ncols; c++)
			failed(s, worksheet_set_column(s->ws, c, c,
			    (double)(s->width[c] + 1 < MAX_WIDTH ?
			    s->width[c] + 1 : MAX_WIDTH), NULL));
	}
	if (status == VL_OK && s->error != LXW_NO_ERROR) {
		vl_warn("%s: cannot write the sheet: %s", s->name,
		    lxw_strerror(s->error));
		status = VL_SYSFAULT;
	}
	if (status != VL_OK && s->wb->status == VL_OK)
		s->wb->status = status;
	free(s->width);
	free(s->sum);
	free(s->count);
	free(s->unsummed);
	free(s->overflow);
	free(s->heading);
	free(s);
	return status;
}

int
vl_workbook_close(struct vl_workbook *w)
{
	int status = w->status;
	lxw_error e;
	size_t i;

	if (status != VL_OK) {
		lxw_workbook_free(w->wb);
		vl_outfile_abort(&w->file);
	} else if ((e = workbook_close(w->wb)) != LXW_NO_ERROR) {
		vl_warn("%s: cannot write the workbook: %s", w->file.path,
		    lxw_strerror(e));
		vl_outfile_abort(&w->file);
		status = VL_SYSFAULT;
	} else {
		status = vl_outfile_commit(&w->file);
	}
	for (i = 0; i < w->nsheets; i++)
		free(w->names[i]);
	free(w->names);
	free(w);
	return status;
}
