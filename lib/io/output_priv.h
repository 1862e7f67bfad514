/*
 * output_priv.h - between output.c and xlsx.c, and for their tests; not
 * part of libvl's interface.
 */
#ifndef VL_OUTPUT_PRIV_H
#define VL_OUTPUT_PRIV_H

#include <sys/types.h>

#include "base/strbuf.h"
#include "io/output.h"

/* values with the words of WORD columns translated (words.c), into buf;
 * tmp[i] what to free after (NULL when nothing was made) */
const char *const *vl_out_words(const struct vl_col *cols, size_t ncols,
    const char *const *values, const char **buf, char **tmp);
/* Can rows be made apart from each other (vl_out_rows' threads) and
 * written later as they would be one by one?  Plain CSV (no --excel, no
 * lead column), and a table of one column of text, which streams (the
 * summary's page).  *ncols: the columns. */
bool vl_out_apart(const struct vl_out *o, size_t *ncols);
/* a row as vl_out_row writes it to such an o, added to b (o unchanged) */
void vl_out_format(const struct vl_out *o, struct vl_buf *b,
    const char *const *values);
/* n rows made so, written in one piece */
void vl_out_emit_rows(struct vl_out *o, const struct vl_buf *rows, size_t n);
/* a cell a spreadsheet would run as a formula? (never a plain number) */
bool vl_excel_dangerous(const char *s);
/* "title YYYY-MM-DD" (title alone for VL_NODATE) into buf */
char *vl_sheet_name(char buf[VL_SHEET_BUFSZ], const char *title, vl_date day);
/* Records to f, or with o->output set to that file instead: a temp file
 * beside it renamed into place by vl_out_close.  xlsx needs o->output.
 * (Tools open a report's table with vl_out_report.) */
struct vl_out *vl_out_open(FILE *f, const struct vl_outopts *o,
    size_t ncols, const struct vl_col *cols);
/* A sheet of wb, written with vl_out_row; vl_out_close ends the sheet
 * (never the workbook).  The name is made fit for Excel: at most 31
 * characters, none of []:*?/\, unique in the workbook. */
struct vl_out *vl_out_open_sheet(struct vl_workbook *wb, const char *name,
    const char *heading, size_t ncols, const struct vl_col *cols);

/*
 * A file that appears whole or not at all: written as a temp file in the
 * same directory (".NAME.vl-XXXXXX"), renamed over path when done.  A
 * temp file not committed is removed when the program exits, by vl_die
 * too.  A path that exists and is not a regular file (/dev/null, a FIFO)
 * is written directly: renaming over it would replace the device.
 */
struct vl_outfile {
	char *path;
	char *tmp;		/* NULL: written directly */
	dev_t dev;		/* the temp file as made: what is renamed */
	ino_t ino;		/* must be it */
	struct vl_outfile *next;	/* pending, for the exit handler */
};
/* Open for writing: a descriptor, or -1 after saying why. */
int vl_outfile_open(struct vl_outfile *f, const char *path);
/* the file written and closed: sync it, rename it into place, sync the
 * directory.  VL_OK, or VL_SYSFAULT said and the temp file removed. */
int vl_outfile_commit(struct vl_outfile *f);
/* give up: the temp file removed */
void vl_outfile_abort(struct vl_outfile *f);

/* One worksheet of a workbook being written (xlsx.c). */
struct vl_sheet;
/* heading: the title row above the header, or NULL for none */
struct vl_sheet *vl_sheet_open(struct vl_workbook *wb, const char *name,
    const char *heading, size_t ncols, const struct vl_col *cols);
void vl_sheet_row(struct vl_sheet *s, const char *const *values);
/* after the rows: their totals; a note */
void vl_sheet_total(struct vl_sheet *s, const char *label);
void vl_sheet_note(struct vl_sheet *s, const char *text);
/* the frozen, filtered header and the widths; VL_OK, VL_BADINPUT or
 * VL_SYSFAULT, said on stderr and kept for vl_workbook_close */
int vl_sheet_close(struct vl_sheet *s);

#endif
