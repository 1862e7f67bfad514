/*
 * output.h - records out as CSV, JSON, an aligned table or an Excel
 * workbook; with -o to a file that appears whole or not at all.
 */
#ifndef VL_OUTPUT_H
#define VL_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "base/date.h"

enum vl_format { VL_FMT_CSV, VL_FMT_JSON, VL_FMT_TABLE, VL_FMT_XLSX };
/* A DATE column holds YYYY-MM-DD or nothing: text in csv, json and
 * table, a date cell in xlsx; MONEY holds vl_money_format's amounts. */
/* A WORD column holds a word of a vocabulary ("late", "quality"): as it
 * is in csv and json, translated in the human formats with the column's
 * name as the context (vl_trc).  A CHANGES column holds what a change
 * did, "leader: 苏霞 → 李明; reason: 换人": its names translated there. */
/* A SHARE column holds a percentage, "96.0%": text but in a table,
 * where it is aligned right as the numbers are. */
enum vl_coltype { VL_COL_TEXT, VL_COL_INT, VL_COL_MONEY, VL_COL_DATE,
	VL_COL_WORD, VL_COL_CHANGES, VL_COL_SHARE };

struct vl_col {
	const char *name;
	enum vl_coltype type;
};

#define VL_SHEET_BUFSZ 128

struct vl_outopts {
	enum vl_format format;
	bool excel;		/* BOM, CRLF, formula guard */
	const char *encoding;	/* NULL or "utf-8" or "gb18030" */
	const char *output;	/* -o FILE: written whole or not at all;
				 * NULL: the stream given to vl_out_open */
	char sheet[VL_SHEET_BUFSZ];	/* xlsx: the sheet's name */
	struct vl_workbook *workbook;	/* a sheet of it, not a file */
	/* a roll-up's: the name of a column put before a report's own
	 * ("district"), its value set with vl_out_lead; NULL: none */
	const char *lead;
	const char *register_name;	/* plan.json's name, for a workbook's
					 * title row; NULL: none */
	const char *register_part;	/* the projects a narrowed book keeps,
					 * after the name ("town 青山镇") */
	const char *heading;	/* the title row (vl_out_report makes it) */
};

/* Does --excel write the cell v with a leading apostrophe, Excel's mark
 * for text (a formula's first character, a long digit string)?  An
 * import reads "'" and such a v as v: the export's round trip. */
bool vl_excel_marked(const char *v);

struct vl_buf;
/* v added to b as a terminal may show it: a control character (C0 --
 * a line break or a tab too --, DEL, C1) as a blank */
void vl_buf_terminal_safe(struct vl_buf *b, const char *v);

struct vl_out;
/* for people (table, --excel, xlsx, a sheet of a workbook), whose
 * words are translated, or for machines (csv, json), whose never are */
bool vl_out_human(const struct vl_outopts *o);
/* the same of an output opened */
bool vl_out_people(const struct vl_out *o);
/* 0 or -1 for an unknown name */
int vl_format_parse(const char *s, enum vl_format *f);
/* A report's records where o says: a sheet of o->workbook, or else
 * stdout or o->output; the sheet named "title day" (vl_sheet_name). */
struct vl_out *vl_out_report(const struct vl_outopts *o, const char *title,
    vl_date day, size_t ncols, const struct vl_col *cols);
/* o with a lead column "district": a roll-up's report, a district's
 * rows each */
struct vl_outopts vl_outopts_by_district(const struct vl_outopts *o);
/* The value of the lead column (o->opts.lead) in the rows that follow:
 * the district whose rows they are.  No effect without one. */
void vl_out_lead(struct vl_out *o, const char *value);
/* values as text; NULL is an empty cell (JSON null for INT); with a lead
 * column, values are the report's own and the lead goes before them */
void vl_out_row(struct vl_out *o, const char *const *values);
/*
 * n rows at once, row i's values (every column's) made by fill(ctx, i,
 * values, scratch): the same output as vl_out_row for each in turn.
 * Plain CSV, or a page (a table of one column of text), of a long list
 * is made by two threads, a block of rows at a time in halves, written
 * in order: fill may only read what ctx points to, and make what it
 * needs in scratch, sc_size bytes of its thread's own, zeroed at the
 * start; done(scratch) frees what it holds at the end.
 */
struct vl_rows {
	size_t n;
	void (*fill)(const void *ctx, size_t i, const char **values,
	    void *scratch);
	void (*done)(void *scratch);
	const void *ctx;
	size_t sc_size;
};
void vl_out_rows(struct vl_out *o, const struct vl_rows *r);
/* After the rows, for people only: in a workbook a row of the totals of
 * the MONEY and INT columns, exact, under label; nothing in the other
 * formats, whose rows a program adds up itself. */
void vl_out_total(struct vl_out *o, const char *label);
/* After the rows, for people only (table, --excel, xlsx): a line saying
 * what the figures mean; nothing in csv and json. */
void vl_out_note(struct vl_out *o, const char *text);
/* Writes what is buffered and frees; with -o the file appears now, whole,
 * or not at all.  VL_OK, VL_BADINPUT (more rows than a sheet of Excel
 * holds) or VL_SYSFAULT, each said on stderr. */
int vl_out_close(struct vl_out *o);
/* A page of UTF-8 (vl-inspect show's, a briefing's) to stdout, or with
 * opts->output set to that file: whole or not at all; in GB18030 when
 * opts->encoding says so.  VL_OK or VL_SYSFAULT, said on stderr. */
int vl_out_bytes(const struct vl_outopts *opts, const void *p, size_t n);
/* display width of UTF-8 text, CJK counting two columns */
size_t vl_text_width(const char *s);

struct stat;
/* The file open on fd (a new temp file: of -o, of a commit) gets old's
 * owner, group and mode: its owner only where the system lets this user
 * give a file away (root); its group where the user is in it, else the
 * group's permissions are the others'.  0, or -1 with errno. */
int vl_keep_owner(int fd, const struct stat *old);

/*
 * One workbook of several sheets (vl-report summary).  Text is always
 * written as text, never as a formula; MONEY as a number formatted
 * #,##0.00; DATE as a date.  Each sheet's header row is bold, frozen and
 * filtered, its columns as wide as their text (CJK counting two).
 */
struct vl_workbook;
/* The workbook to be written to path; dies (VL_SYSFAULT) when no temp
 * file can be made beside it. */
struct vl_workbook *vl_workbook_open(const char *path);
/* Writes the file, renamed into place whole, and frees; after a failure
 * nothing is left.  VL_OK, VL_BADINPUT or VL_SYSFAULT. */
int vl_workbook_close(struct vl_workbook *wb);

#endif
