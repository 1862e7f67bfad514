/*
 * csv.h - CSV records on libcsv, fields found by header name; rows
 * written quoted only where they need it.
 *
 * A reader checks every line (NUL bytes, UTF-8 or GB18030, quoting,
 * fields per row) and reports each problem as FILE:LINE; the caller gets
 * one callback per good record.  A large file may be divided among
 * threads (vl_csv_gather): each part gathers into a context of its own
 * and the parts are merged in the order of the file, so the caller sees
 * the same records, lines and messages as from one reader.
 */
#ifndef VL_CSV_H
#define VL_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "base/strbuf.h"

struct vl_header {
	size_t n;
	char **name;
};

/* One data record, valid only during the callback. */
struct vl_record {
	const char *file;	/* name for messages */
	long line;		/* line the record starts on */
	size_t n;		/* fields in this record (== header n) */
	char **field;		/* NUL-terminated UTF-8 */
	size_t *len;
	const struct vl_header *header;
	bool no_controls;	/* known to hold no control character (C0 but
				 * tab, DEL, a C1 lead): text checks skipped */
};

/* return 0 to go on, non-zero to stop reading (returned by vl_csv_read) */
typedef int (*vl_record_fn)(const struct vl_record *rec, void *ctx);

struct vl_csv_opts {
	/* "utf-8", "gb18030"; NULL: UTF-8, else GB18030 if not UTF-8 */
	const char *encoding;
	/* header names that must be present; missing ones are reported */
	const char *const *required;
	/* if not NULL, receives a copy of the header (vl_header_free it) */
	struct vl_header *header_out;
	/* no header: every line is a record, of any number of fields */
	bool no_header;
	/* a register file: opened as vl_open_regular_at opens it */
	bool regular;
	/* if not NULL, set when the file was in another encoding than
	 * UTF-8 (GB18030) and was read converted */
	bool *converted;
};

struct stat;
/* Open name (relative to dirfd, or AT_FDCWD) for reading as a register
 * file is read: never through a symbolic link, never blocking on a FIFO,
 * and only a regular file -- anything else is refused, said.  Returns
 * the descriptor (st, if not NULL, gets its status), or -1: errno ENOENT
 * when there is no such file (not said), else said on stderr. */
int vl_open_regular_at(int dirfd, const char *name, const char *display,
    struct stat *st);
/* Is name (relative to dirfd) a regular file, looked at and not opened?
 * 1: yes; 0: there is none (errno ENOENT); -1: it is something else, or
 * cannot be looked at, said as vl_open_regular_at says it. */
int vl_regular_at(int dirfd, const char *name, const char *display);
/* what a file of that mode is, for a message refusing it: "a symbolic
 * link", "a FIFO", "a directory", "a device", ... (translated) */
const char *vl_file_kind(mode_t mode);

/* Read path ("-" is stdin) record by record.  Structural errors (NUL,
 * bad encoding, bad quoting, ragged rows, missing columns) are reported
 * with vl_errat and reading goes on where it can.  Returns VL_OK,
 * VL_BADINPUT if any error was reported, VL_SYSFAULT on I/O error, or
 * what fn returned when it stopped the read. */
int vl_csv_read(const char *path, const char *display,
    const struct vl_csv_opts *opts, vl_record_fn fn, void *ctx);
/*
 * A file a spreadsheet wrote, to be imported: a header may name a column
 * in Chinese (the catalogue's header, as a --lang zh table prints it);
 * blank header cells at the end of the header are no columns, and a row
 * may have empty fields under them (Excel's trailing commas), but a value
 * there is an error.  A GB18030 byte-order mark is read as one, and a
 * title line above the header (a printed sheet's: its first cell alone,
 * naming no column) is skipped.  The file is read whole first (an import
 * is hashed: register/batch.c), so this reads a memory buffer.
 */
struct vl_csv_sheet {
	const char *const *columns;	/* the names a Chinese header maps to */
};
int vl_csv_read_sheet(const char *buf, size_t len, const char *display,
    const struct vl_csv_opts *opts, const struct vl_csv_sheet *sheet,
    vl_record_fn fn, void *ctx);
/* vl_csv_read on a memory buffer */
int vl_csv_read_mem(const char *buf, size_t len, const char *display,
    const struct vl_csv_opts *opts, vl_record_fn fn, void *ctx);

/* How the records of a read divided among threads are gathered: into
 * first, and into a context of size bytes for each further part, which
 * the reader makes, merges into first in the order of the file, and
 * frees.  fn runs on several threads at once, each with its own
 * context. */
struct vl_gather {
	size_t size;
	/* a part's context (all zero) made ready, like first */
	void (*init)(void *part, const void *first, void *arg);
	/* a part's records come after those of the parts merged before */
	void (*merge)(void *first, void *part, void *arg);
	void (*free)(void *part, void *arg);	/* or NULL */
	/* May the parts be merged (n contexts, first the first)?  NULL: yes.
	 * false: they are thrown away, reset(first) and the file read
	 * again as one into first. */
	bool (*accept)(void *const *parts, size_t n, void *arg);
	void (*reset)(void *first, void *arg);	/* or NULL */
	void *arg;
};
/* vl_csv_read of a regular file into first, divided among as many
 * threads as there are cores ($VL_THREADS) when it is large.  The
 * records, their lines, the messages (written in the order of the input)
 * and the status are those of vl_csv_read. */
int vl_csv_gather(const char *path, const char *display,
    const struct vl_csv_opts *opts, vl_record_fn fn, void *first,
    const struct vl_gather *g);

/* Are the n bytes at s all whole, valid UTF-8 (what the reader takes as
 * UTF-8: no overlong form, no surrogate, nothing above U+10FFFF)? */
bool vl_utf8_valid(const char *s, size_t n);

void vl_header_free(struct vl_header *h);
/* "FILE:LINE: COLUMN: N fields where the header has M: ...": a record of
 * nf fields under header h, the column its first missing one, or for too
 * many the header's last */
void vl_csv_ragged(const char *file, long line, const struct vl_header *h,
    size_t nf);
/* index of a column, or -1 */
int vl_header_index(const struct vl_header *h, const char *name);
/* a record's field by column name; "" when there is no such column */
const char *vl_field(const struct vl_record *r, const char *name);

/* a CSV row into the buffer, LF-terminated, quoted where needed */
void vl_buf_csv_row(struct vl_buf *b, size_t n, const char *const *fields);

#endif
