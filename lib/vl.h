/*
 * vl.h - the public interface of libvl, the library under the four vl tools.
 *
 * One heading per source file of lib/.  Every exported name starts with vl_.
 * Money is int64_t fen everywhere; there is no float type in this header.
 */
#ifndef VL_H
#define VL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define VL_VERSION "0.1.0"

/* Exit status, the same in every tool and every man page. */
enum vl_exit {
	VL_OK = 0,		/* done, nothing found */
	VL_FINDINGS = 1,	/* a check found problems */
	VL_BADINPUT = 2,	/* usage error or bad input; nothing written */
	VL_SYSFAULT = 3		/* I/O error, disk full, lock not obtained */
};

/* ---- err.c: diagnostics ---------------------------------------------- */

void vl_setprogname(const char *argv0);
const char *vl_progname(void);
/* "prog: message" */
void vl_warn(const char *fmt, ...);
/* "prog: FILE:LINE: FIELD: message"; counts one input error.
 * line <= 0 leaves out the line, field NULL leaves out the field. */
void vl_errat(const char *file, long line, const char *field,
    const char *fmt, ...);
void vl_verrat(const char *file, long line, const char *field,
    const char *fmt, va_list ap);
/* "prog: message", then exit with status. */
_Noreturn void vl_die(int status, const char *fmt, ...);
/* number of vl_errat calls so far */
long vl_error_count(void);

/* Messages kept back, to be written in their turn (a read divided among
 * threads writes each part's messages in the order of the input). */
struct vl_errbuf {
	char *data;		/* the latest, in memory */
	size_t len, cap;
	FILE *spill;		/* the earlier ones, in a temp file */
	long count;		/* vl_errat calls among them */
};
/* From now on, this thread's messages go to b (NULL: to stderr); they
 * count as errors only once flushed.  b starts all zero.  Returns where
 * they went before. */
struct vl_errbuf *vl_err_capture(struct vl_errbuf *b);
/* write b's messages where this thread's go (stderr, or the buffer it
 * captures into) and count them there; b is empty again */
void vl_err_flush(struct vl_errbuf *b);
/* forget them */
void vl_err_discard(struct vl_errbuf *b);
/* "usage: ..." on stderr, exit VL_BADINPUT */
_Noreturn void vl_usage(const char *usage);
/* flush and close stdout; on failure say so and return VL_SYSFAULT */
int vl_close_stdout(void);

/* ---- money.c: integer fen -------------------------------------------- */

#define VL_MONEY_BUFSZ 32	/* enough for any int64_t fen, sign and point */

/* Parse one amount (SPEC 3: 36940, 36940.5, -120.00, 3.694万, "36,940.00").
 * Returns 0 and sets *fen, or -1 and sets *why to a reason. */
int vl_money_parse(const char *s, int64_t *fen, const char **why);
/* plain yuan with exactly two decimals: -120.00 */
char *vl_money_format(int64_t fen, char buf[VL_MONEY_BUFSZ]);
/* overflow-checked arithmetic: false on overflow, *r untouched */
bool vl_money_add(int64_t a, int64_t b, int64_t *r);
bool vl_money_sub(int64_t a, int64_t b, int64_t *r);
bool vl_money_mul(int64_t a, int64_t n, int64_t *r);
/* The most the amounts of one file (the journal, the budgets, the plan)
 * may add up to, signs dropped: a quarter of the 64-bit range, so that no
 * sum the tools keep of them, nor any difference of two such sums, can
 * leave the range.  A write that would pass it is refused. */
#define VL_MONEY_LIMIT (INT64_MAX / 4)
/* *sum += |fen|; false, *sum untouched, when it would pass the limit */
bool vl_money_add_magnitude(int64_t *sum, int64_t fen);
/* VL_MONEY_LIMIT in yuan: "23058430092136939.51" */
const char *vl_money_limit_text(void);

/* ---- date.c: ISO dates ------------------------------------------------ */

/* days since 1970-01-01 (negative before) */
typedef int32_t vl_date;
#define VL_DATE_BUFSZ 11
#define VL_NODATE INT32_MIN

/* strict YYYY-MM-DD, year 0001..9999; 0 or -1 with *why */
int vl_date_parse(const char *s, vl_date *d, const char **why);
char *vl_date_format(vl_date d, char buf[VL_DATE_BUFSZ]);
vl_date vl_date_from_ymd(int y, int m, int d);
/* today: as_of if not NULL, else $VL_AS_OF, else the local date.
 * Returns 0, or -1 with *why when the given date is invalid. */
int vl_today(const char *as_of, vl_date *d, const char **why);

/* ---- csvio.c: CSV on libcsv ------------------------------------------ */

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
	const char *encoding;	/* NULL: UTF-8, else GB18030 if not UTF-8 */
	/* header names that must be present; missing ones are reported */
	const char *const *required;
	/* if not NULL, receives a copy of the header (vl_header_free it) */
	struct vl_header *header_out;
	/* no header: every line is a record, of any number of fields */
	bool no_header;
	/* a register file: opened as vl_open_regular_at opens it */
	bool regular;
};
/* true: every line through libcsv, none through the fast path for lines
 * without quotes (the reference that path is tested against) */
extern bool vl_csv_plain;
/* bytes read at a time (0: 1 MiB; tests make it tiny) */
extern size_t vl_csv_block;
/* a smaller file is not divided among threads (tests make it 0) */
extern size_t vl_csv_split_min;
/* lines the fast path has read so far (tests see that it is taken) */
extern unsigned long vl_csv_fast_lines;

/* A read divided among threads: a regular file is cut at record ends
 * into parts, each read on its own thread with its own context. */
struct vl_split {
	size_t nparts;		/* contexts in ctx (1: one read, no thread) */
	void **ctx;		/* fn's context of each part, in file order */
	/* May the parts be merged?  Asked when they are read, before
	 * their messages are written: false throws them away, calls
	 * reset(ctx[0]) and reads the file again as one into ctx[0].
	 * NULL: yes. */
	bool (*accept)(struct vl_split *s);
	void (*reset)(void *ctx);	/* make a context as new, or NULL */
	void *arg;		/* for accept */
	size_t used;		/* out: the parts read, ctx[0..used) */
	bool regular;		/* vl_fund_read_split of a register file:
				 * vl_csv_opts.regular */
};
/* Parts to divide a read into: $VL_THREADS, else one per processor. */
size_t vl_csv_parts(void);
/* vl_csv_read into s->nparts contexts: every record of part k comes
 * after every record of part k - 1 in the file, so what fn gathers per
 * part can be merged in order.  The records, their lines, the messages
 * (written in the order of the input) and the status are exactly those
 * of vl_csv_read.  fn runs on several threads at once, each with its own
 * context. */
int vl_csv_read_split(const char *path, const char *display,
    const struct vl_csv_opts *opts, vl_record_fn fn, struct vl_split *s);

struct stat;
/* Open name (relative to dirfd, or AT_FDCWD) for reading as a register
 * file is read: never through a symbolic link, never blocking on a FIFO,
 * and only a regular file -- anything else is refused, said.  Returns
 * the descriptor (st, if not NULL, gets its status), or -1: errno ENOENT
 * when there is no such file (not said), else said on stderr. */
int vl_open_regular_at(int dirfd, const char *name, const char *display,
    struct stat *st);

/* Read path ("-" is stdin) record by record.  Structural errors (NUL,
 * bad encoding, bad quoting, ragged rows, missing columns) are reported
 * with vl_errat and reading goes on where it can.  Returns VL_OK,
 * VL_BADINPUT if any error was reported, VL_SYSFAULT on I/O error, or
 * what fn returned when it stopped the read. */
int vl_csv_read(const char *path, const char *display,
    const struct vl_csv_opts *opts, vl_record_fn fn, void *ctx);
/* the same on a memory buffer */
int vl_csv_read_mem(const char *buf, size_t len, const char *display,
    const struct vl_csv_opts *opts, vl_record_fn fn, void *ctx);
void vl_header_free(struct vl_header *h);
/* index of a column, or -1 */
int vl_header_index(const struct vl_header *h, const char *name);
/* a record's field by column name; "" when there is no such column */
const char *vl_field(const struct vl_record *r, const char *name);

/* Write one field / one LF-terminated row, quoted only when needed. */
int vl_csv_put_field(FILE *f, const char *s);
int vl_csv_put_row(FILE *f, size_t n, const char *const *fields);

/* ---- strbuf.c: a growing string ------------------------------------- */

struct vl_buf {
	char *data;
	size_t len, cap;
};
void vl_buf_reserve(struct vl_buf *b, size_t n);
void vl_buf_add(struct vl_buf *b, const void *p, size_t n);
void vl_buf_puts(struct vl_buf *b, const char *s);
void vl_buf_printf(struct vl_buf *b, const char *fmt, ...);
void vl_buf_free(struct vl_buf *b);
/* a CSV row into the buffer, LF-terminated, quoted where needed */
void vl_buf_csv_row(struct vl_buf *b, size_t n, const char *const *fields);
void *vl_xmalloc(size_t n);
void *vl_xcalloc(size_t n, size_t size);
void *vl_xrealloc(void *p, size_t n);
char *vl_xstrdup(const char *s);
/* vl_xcalloc of a big array read at random (a table of every project),
 * in huge pages where the system has them; free() frees it */
void *vl_xcalloc_huge(size_t n, size_t size);
/* n contexts of a read divided among threads, of a struct that is
 * _Alignas(64): no two share a cache line, so threads writing each its
 * own do not slow each other down; free() frees them */
void *vl_xcalloc_parts(size_t n, size_t size);

/* Strings kept as long as the arena, without a malloc each (a national
 * register's inspections are millions of them).  All zero: empty. */
struct vl_arena {
	struct vl_arena_block *head;
};
char *vl_arena_strdup(struct vl_arena *a, const char *s);
/* from's strings now belong to into; from is empty */
void vl_arena_take(struct vl_arena *into, struct vl_arena *from);
void vl_arena_free(struct vl_arena *a);

/* ---- plan.c: plan.json on jansson ------------------------------------ */

struct vl_funding {
	char *name;
	char **levels;
	size_t nlevels;
	int64_t amount;
};

struct vl_plan {
	char *name;
	long villages;
	vl_date start_by, complete_by;
	int64_t total;
	struct vl_funding *funding;
	size_t nfunding;
	char **purposes;
	size_t npurposes;
};

/* load and validate; errors are reported with line and column.
 * Returns VL_OK, VL_BADINPUT or VL_SYSFAULT. */
int vl_plan_load(const char *path, const char *display, struct vl_plan *p);
/* the same on a plan's bytes; a leading UTF-8 BOM is skipped */
int vl_plan_load_mem(const char *buf, size_t len, const char *display,
    struct vl_plan *p);
void vl_plan_free(struct vl_plan *p);
bool vl_plan_has_purpose(const struct vl_plan *p, const char *purpose);
/* index of the funding line a level belongs to, or -1 */
int vl_plan_funding_of(const struct vl_plan *p, const char *level);

/* ---- register.c: the register directory, its lock, atomic writes ----- */

struct vl_reg {
	char *dir;
	int dirfd;		/* the directory, opened once; -1: not yet */
	int lockfd;		/* -1 when not locked */
	bool shared;		/* the lock held is a reader's */
	struct vl_buf notes;	/* audit entries for the next commit */
};

/* The audit trail's head, its last seq and hash: "SEQ:HASH". */
#define VL_HEAD ".vl-head"

/* Every file a register holds, in one table ending with a NULL name: the
 * only names a commit writes and a journal may give, each refused (exit
 * 3) when it is a symbolic link, a FIFO or anything but a regular file. */
enum vl_regfile_kind {
	VL_RF_PLAN,		/* plan.json */
	VL_RF_RECORDS,		/* a CSV of records: projects.csv ... */
	VL_RF_TRAIL,		/* audit.csv */
	VL_RF_HEAD		/* .vl-head */
};
struct vl_regfile {
	const char *name;
	enum vl_regfile_kind kind;
};
extern const struct vl_regfile vl_register_files[];
#define VL_REG_FILES 16		/* more than the table holds */
/* is name one of them? */
bool vl_reg_is_file(const char *name);
/* The file open on fd (a new temp file) gets old's owner, group and
 * mode: its owner only where the system lets this user give a file away
 * (root); its group where the user is in it, else the group's
 * permissions are the others'.  0, or -1 with errno. */
int vl_keep_owner(int fd, const struct stat *old);
/* $VL_LOCK_TIMEOUT in seconds (10 when unset): 0, or -1 when it is not
 * a whole number from 0 to 86400 (*seconds is then 10) */
int vl_lock_timeout(long *seconds);

/* the directory: opt (-C) if not NULL, else $VL_DIR, else "." */
const char *vl_reg_dirname(const char *opt);
void vl_reg_open(struct vl_reg *r, const char *dir);
void vl_reg_close(struct vl_reg *r);
/* "DIR/name" for messages, the name alone when DIR is "."; the text
 * stays valid until the next call */
const char *vl_reg_display(const struct vl_reg *r, const char *name);
/* newly allocated "DIR/name" */
char *vl_reg_path(const struct vl_reg *r, const char *name);
bool vl_reg_exists(const struct vl_reg *r, const char *name);
/* A writer's exclusive lock with a bounded wait ($VL_LOCK_TIMEOUT
 * seconds, default 10), a reader's shared lock held already made
 * exclusive; also finishes a commit a crash interrupted, after checking
 * its journal whole.  A file of the register, the lock or the journal
 * that is not a regular file, or a journal the tools did not write, is
 * refused.  VL_OK or VL_SYSFAULT, said. */
int vl_reg_lock(struct vl_reg *r);
/* A reader's shared lock, the same way: no writer commits while it is
 * held, so what is read is one state of the register.  Where the lock
 * file can be neither made nor read (a read-only copy), nothing is
 * locked.  A commit a crash interrupted is finished first (under the
 * exclusive lock for that moment).  VL_OK or VL_SYSFAULT, said. */
int vl_reg_lock_shared(struct vl_reg *r);

/* A change: the new bytes to append to, or the whole new content of,
 * one register file. */
struct vl_change {
	const char *file;	/* name inside the register */
	const char *header;	/* header line written when the file is new */
	bool replace;		/* true: data is the whole new file */
	const char *data;
	size_t len;
};
/* Say what the next commit does, for its audit lines: one a record
 * ("add", "projects.csv", "P001").  A change with no note gets one line
 * with action "write" and an empty record. */
void vl_reg_note(struct vl_reg *r, const char *action, const char *file,
    const char *record);
/* Apply all changes as one, with their audit lines and the trail's new
 * head: after a crash at any point the register holds either all of
 * them or none.  Must hold the lock.  Every write of every tool goes
 * through here.  A trail that does not reach its head (vl_trail_check)
 * is refused: nothing is written.  VL_OK or VL_SYSFAULT. */
int vl_reg_commit(struct vl_reg *r, const struct vl_change *ch, size_t n);
/* The way out of a broken trail, on record: a line naming the head that
 * was lost and the reason, then a line for every file as it is now, the
 * trail's new start.  Must hold the lock.  VL_BADINPUT when the trail is
 * not broken (or not CSV: it must be moved aside first). */
int vl_reg_restart(struct vl_reg *r, const char *reason);

/* ---- output.c: csv / json / table / excel ----------------------------- */

enum vl_format { VL_FMT_CSV, VL_FMT_JSON, VL_FMT_TABLE, VL_FMT_XLSX };
/* A DATE column holds YYYY-MM-DD or nothing: text in csv, json and
 * table, a date cell in xlsx; MONEY holds vl_money_format's amounts. */
enum vl_coltype { VL_COL_TEXT, VL_COL_INT, VL_COL_MONEY, VL_COL_DATE };

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
};

struct vl_out;
/* 0 or -1 for an unknown name */
int vl_format_parse(const char *s, enum vl_format *f);
/* "title YYYY-MM-DD" (title alone for VL_NODATE) into buf, e.g. the
 * sheet of an outopts: vl_sheet_name(o.sheet, "逾期清单", today) */
char *vl_sheet_name(char buf[VL_SHEET_BUFSZ], const char *title, vl_date day);
/* Records to f, or with o->output set to that file instead: a temp file
 * beside it renamed into place by vl_out_close.  xlsx needs o->output. */
struct vl_out *vl_out_open(FILE *f, const struct vl_outopts *o,
    size_t ncols, const struct vl_col *cols);
/* values as text; NULL is an empty cell (JSON null for INT) */
void vl_out_row(struct vl_out *o, const char *const *values);
/* Writes what is buffered and frees; with -o the file appears now, whole,
 * or not at all.  VL_OK, VL_BADINPUT (more rows than a sheet of Excel
 * holds) or VL_SYSFAULT, each said on stderr. */
int vl_out_close(struct vl_out *o);
/* Bytes as they are (a page of HTML) to stdout, or with opts->output
 * set to that file: whole or not at all.  VL_OK or VL_SYSFAULT, said on
 * stderr. */
int vl_out_bytes(const struct vl_outopts *opts, const void *p, size_t n);
/* display width of UTF-8 text, CJK counting two columns */
size_t vl_text_width(const char *s);
/* a cell a spreadsheet would run as a formula? (never a plain number) */
bool vl_excel_dangerous(const char *s);

/* ---- xlsx.c: Excel workbooks through libxlsxwriter ------------------- */

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
/* A sheet of wb, written with vl_out_row; vl_out_close ends the sheet
 * (never the workbook).  The name is made fit for Excel: at most 31
 * characters, none of []:*?/\, unique in the workbook. */
struct vl_out *vl_out_open_sheet(struct vl_workbook *wb, const char *name,
    size_t ncols, const struct vl_col *cols);
/* Writes the file, renamed into place whole, and frees; after a failure
 * nothing is left.  VL_OK, VL_BADINPUT or VL_SYSFAULT. */
int vl_workbook_close(struct vl_workbook *wb);

/* ---- schema.c: the register's files and the rules of their fields ---- */

enum vl_ftype {
	VL_T_TEXT,	/* any text */
	VL_T_ID,	/* a record id: no blanks, no control characters */
	VL_T_MONEY,
	VL_T_DATE,
	VL_T_ENUM,	/* one of choices */
	VL_T_PROJECT,	/* the id of a project in projects.csv */
	VL_T_COUNT	/* a whole number >= 0, e.g. area in m² */
};

struct vl_fieldspec {
	const char *name;
	enum vl_ftype type;
	bool required;
	const char *const *choices;	/* VL_T_ENUM */
};

struct vl_filespec {
	const char *file;		/* e.g. "funds.csv" */
	const struct vl_fieldspec *field;
	size_t n;			/* the canonical column order */
	size_t ncore;			/* columns every file must have */
};

extern const struct vl_filespec vl_projects_spec, vl_progress_spec,
    vl_funds_spec, vl_inspections_spec;
extern const char *const vl_levels[], *const vl_kinds[], *const vl_sources[],
    *const vl_stages[], *const vl_phases[], *const vl_aspects[],
    *const vl_results[], *const vl_modes[];

struct vl_projects;
/* Check one record's fields against a spec and, for funds and
 * inspections, the rules between fields.  projects (may be NULL) resolves
 * VL_T_PROJECT; plan (may be NULL) the allowed purposes.  Each problem is
 * reported as FILE:LINE: field: message; returns how many. */
int vl_check_record(const struct vl_filespec *s, const struct vl_record *r,
    const struct vl_projects *projects, const struct vl_plan *plan);

#define VL_SPEC_MAX 16		/* fields of the longest spec */
#define VL_WORDS_MAX 8		/* choices of the longest VL_T_ENUM list */
/* The fields of each spec, in its order: projects, progress, funds,
 * inspections. */
enum { VL_P_ID, VL_P_TOWN, VL_P_VILLAGE, VL_P_LEADER, VL_P_SPECIALIST,
	VL_P_BUDGET, VL_P_START_BY, VL_P_COMPLETE_BY, VL_P_MODE, VL_P_AREA };
enum { VL_G_DATE, VL_G_PROJECT, VL_G_STAGE, VL_G_NOTE };
enum { VL_F_ID, VL_F_DATE, VL_F_KIND, VL_F_LEVEL, VL_F_SOURCE,
	VL_F_PROJECT, VL_F_PURPOSE, VL_F_AMOUNT, VL_F_NOTE };
enum { VL_I_ID, VL_I_DATE, VL_I_PROJECT, VL_I_PHASE, VL_I_ASPECT,
	VL_I_RESULT, VL_I_FINDING, VL_I_DUE, VL_I_CLOSED, VL_I_INSPECTOR };

/* A field of a record as the check read it. */
struct vl_value {
	const char *s;		/* its text; "" when the file has no column */
	size_t len;		/* of s */
	int64_t fen;		/* VL_T_MONEY: the amount when good */
	vl_date date;		/* VL_T_DATE: the date; VL_NODATE if not good */
	int choice;		/* VL_T_ENUM: index into choices, or -1 */
	long project;		/* VL_T_PROJECT, resolved: index into the
				 * projects, or -1 */
};

/* Where a spec's fields are in the files read: found once per header,
 * so a check of millions of rows looks up no name. */
struct vl_colmap {
	const struct vl_filespec *spec;
	const struct vl_header *header;	/* the header col[] is for */
	int col[VL_SPEC_MAX];	/* each field's column, -1: not there */
	/* the length of each word a VL_T_ENUM field may hold: a field is
	 * compared only with the words of its own length */
	unsigned char word_len[VL_SPEC_MAX][VL_WORDS_MAX];
};
void vl_colmap_init(struct vl_colmap *m, const struct vl_filespec *s);
/* vl_check_record of a record read with m's header (m follows a new
 * header), by the same rules; v (may be NULL) gets the spec's n fields
 * as read, in the spec's order. */
int vl_check_row(struct vl_colmap *m, const struct vl_record *r,
    const struct vl_projects *projects, const struct vl_plan *plan,
    struct vl_value *v);
/* the names of a spec's core columns, NULL-terminated, for vl_csv_opts */
const char **vl_spec_required(const struct vl_filespec *s);
bool vl_in(const char *const *choices, const char *s);
/* Is s (n bytes, NUL-terminated) free of what text may not hold: a C0
 * control but tab, LF and CR, DEL, a C1 control? */
bool vl_text_clean(const char *s, size_t n);

/* ---- project.c: the projects of a register, found by id -------------- */

struct vl_project {
	char *id, *town, *village, *leader, *specialist, *mode, *area;
	int64_t budget;
	vl_date start_by, complete_by;	/* the plan's unless overridden */
	long line;
	bool shared;	/* its texts are in the projects' arena, not
			 * malloc'd one by one */
};

#define VL_PKEY 12
struct vl_pslot {		/* of the hash table of ids */
	uint32_t index;		/* into v, + 1; 0: empty */
	char key[VL_PKEY];	/* the id, NULs after it, when shorter;
				 * else all NULs */
};

struct vl_projects {
	struct vl_project *v;
	size_t n, cap;
	struct vl_pslot *slot;	/* open addressing */
	size_t nslot;
	struct vl_arena strings;	/* the texts of shared projects */
};

void vl_projects_add(struct vl_projects *ps, const struct vl_project *p);
/* room for n projects made at once, not grown to one by one */
void vl_projects_reserve(struct vl_projects *ps, size_t n);
/* NULL when there is no such project */
const struct vl_project *vl_projects_find(const struct vl_projects *ps,
    const char *id);
long vl_projects_index(const struct vl_projects *ps, const char *id);
void vl_projects_free(struct vl_projects *ps);

/* ---- book.c: a register loaded for reading --------------------------- */

struct vl_progress_state {	/* per project, as of a day */
	vl_date started, completed;	/* first such entry, or VL_NODATE */
};

struct vl_inspection {
	char *id, *project, *phase, *aspect, *result, *finding, *inspector;
	vl_date date, due, closed;	/* VL_NODATE when empty */
	long line;
};

struct vl_book {
	struct vl_reg reg;
	struct vl_plan plan;
	struct vl_projects projects;
	struct vl_progress_state *progress;	/* projects.n of them */
	struct vl_inspection *insp;
	size_t ninsp;
	/* insp by project: project i's are insp[insp_of[k]] for k from
	 * insp_first[i] to insp_first[i + 1], in the order of the file;
	 * and the project of each, insp[k]'s projects.v[insp_project[k]];
	 * NULL in a book made by hand */
	size_t *insp_first, *insp_of;
	long *insp_project;
	struct vl_arena strings;	/* the inspections' texts */
};

/* The parts a tool needs, in this order of dependence. */
enum {
	VL_LOAD_PLAN = 1,
	VL_LOAD_PROJECTS = 2,
	VL_LOAD_PROGRESS = 4,
	VL_LOAD_INSPECTIONS = 8,
	VL_LOAD_WRITE = 16	/* under a writer's lock, not a reader's */
};
/* Load from dir what `what` asks, ignoring records dated after as_of
 * (VL_NODATE: nothing ignored).  Every bad record of every file is
 * reported.  The register is read under its lock (vl_reg_lock_shared,
 * or vl_reg_lock with VL_LOAD_WRITE), held in b->reg until
 * vl_book_free; a trail that does not reach its head is warned of, and
 * refused for a writer.  Returns VL_OK, VL_BADINPUT or VL_SYSFAULT. */
int vl_book_load(struct vl_book *b, const char *dir, int what, vl_date as_of);
void vl_book_free(struct vl_book *b);
/* how many inspections project i has, *list their indexes in insp (a
 * book loaded with VL_LOAD_INSPECTIONS) */
size_t vl_book_inspections(const struct vl_book *b, size_t i,
    const size_t **list);
/* "DIR/name" for messages: the name alone when DIR is "." */
const char *vl_book_display(const struct vl_book *b, const char *name);

/* ---- cli.c: what every tool's command line shares -------------------- */

enum {
	VL_OPT_FORMAT = 0x100, VL_OPT_EXCEL, VL_OPT_ENCODING,
	VL_OPT_INPUT_ENCODING, VL_OPT_AS_OF, VL_OPT_VERSION, VL_OPT_LANG,
	VL_OPT_TOOL	/* first free value for a tool's own options */
};

/* the long options every tool takes; end a tool's table with these */
#define VL_CLI_OPTIONS \
	{"dir", required_argument, NULL, 'C'}, \
	{"format", required_argument, NULL, VL_OPT_FORMAT}, \
	{"excel", no_argument, NULL, VL_OPT_EXCEL}, \
	{"encoding", required_argument, NULL, VL_OPT_ENCODING}, \
	{"input-encoding", required_argument, NULL, VL_OPT_INPUT_ENCODING}, \
	{"as-of", required_argument, NULL, VL_OPT_AS_OF}, \
	{"output", required_argument, NULL, 'o'}, \
	{"help", no_argument, NULL, 'h'}, \
	{"version", no_argument, NULL, VL_OPT_VERSION}, \
	{"lang", required_argument, NULL, VL_OPT_LANG}, \
	{NULL, 0, NULL, 0}
#define VL_CLI_SHORT "C:ho:"

struct vl_cli {
	const char *dir;	/* resolved: -C, $VL_DIR, "." */
	struct vl_outopts out;
	vl_date today;		/* --as-of, $VL_AS_OF, the local date */
	const char *as_of;	/* as given, or NULL */
};

struct vl_subcmd {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *usage;	/* after "tool name " */
};

/* defaults for c; call before parsing */
void vl_cli_init(struct vl_cli *c);
/* Handle a shared option: 1 if it was one, 0 if not.  --help prints
 * help to stdout and exits 0; a bad value is a usage error (exit 2). */
int vl_cli_option(struct vl_cli *c, int opt, const char *arg,
    const char *help);
/* after parsing: fixes today and the directory; exits 2 on a bad date,
 * on --format xlsx without -o, and on -o to no directory or over a
 * register file */
void vl_cli_done(struct vl_cli *c);
/* for a command that prints no report: -o and --format xlsx are usage
 * errors (exit 2) */
void vl_cli_no_records(const struct vl_cli *c, const char *command);
/* main() of a tool with subcommands */
int vl_cli_dispatch(int argc, char **argv, const struct vl_subcmd *cmds,
    const char *help);
/* the encoding register files are read in when not UTF-8 (NULL: auto) */
extern const char *vl_input_encoding;

/* ---- overdue.c: the daily overdue list (SPEC 4), as of a day --------- */

enum vl_overdue_kind {	/* the order rows of one day and project sort in */
	VL_OD_NOT_STARTED, VL_OD_RECTIFICATION, VL_OD_NOT_COMPLETED,
	VL_OD_NOT_ACCEPTED, VL_OD_STARTED_BEFORE_REVIEW,
	VL_OD_MISSING_LEADER, VL_OD_MISSING_SPECIALIST
};
enum vl_overdue_status {
	VL_OD_LATE,		/* due before the day: days_late > 0 */
	VL_OD_DUE_SOON,		/* due in [as_of, as_of + within] */
	VL_OD_FLAG		/* no due date: wrong as it stands */
};

/* acceptance is due this many days after the first completion */
#define VL_ACCEPT_DAYS 30

struct vl_overdue {
	enum vl_overdue_kind kind;
	enum vl_overdue_status status;
	const struct vl_project *project;	/* points into the book */
	const struct vl_inspection *insp;	/* rectification: the fail */
	vl_date due;		/* VL_NODATE for a flag */
	long days_late;		/* as_of - due: > 0 late, <= 0 coming due */
	vl_date started, completed, reviewed;	/* as of the day, or NODATE */
};

/* Every item of a book loaded with plan, projects, progress and
 * inspections as of as_of (the same day): what is late, the flags, and
 * with within >= 0 what comes due in [as_of, as_of + within].  Sorted:
 * dated items by days late, most first, then by project id (P2 before
 * P10), kind and inspection id; flags after them by project id and kind.
 * Returns how many; *list is malloc'd (free it), NULL when none. */
size_t vl_overdue_collect(const struct vl_book *b, vl_date as_of,
    long within, struct vl_overdue **list);
/* "not-started", "rectification", ... / "late", "due-soon", "flag" */
const char *vl_overdue_kind_name(enum vl_overdue_kind k);
const char *vl_overdue_status_name(enum vl_overdue_status s);
/* one line saying why, appended to buf: "#78 check safety: finding" */
void vl_overdue_detail(const struct vl_overdue *o, struct vl_buf *buf);

/* ---- audit.c: audit.csv, the hash-chained change history ------------- */

#define VL_HASH_HEX 65	/* SHA-256 in hex and a NUL */

struct vl_sha256 {
	void *ctx;	/* OpenSSL's EVP_MD_CTX */
};
void vl_sha256_init(struct vl_sha256 *h);
void vl_sha256_add(struct vl_sha256 *h, const void *p, size_t n);
void vl_sha256_end(struct vl_sha256 *h, char out[VL_HASH_HEX]);

#define VL_AUDIT_FILES 16	/* register files whose digests are kept */

struct vl_audit_last {		/* the latest line naming a file */
	char file[64];
	char digest[VL_HASH_HEX];
	long line;		/* in audit.csv, 0 for a line not written */
	bool removed;		/* that line says it was removed by hand */
};

struct vl_audit {
	long seq;			/* the last line's seq */
	char hash[VL_HASH_HEX];		/* the last line's hash */
	long anchor;			/* seq of the line saying .vl-head
					 * keeps the head; 0: none */
	struct vl_buf lines;		/* lines made, not yet written */
	struct vl_audit_last last[VL_AUDIT_FILES];
	size_t nlast;
};

/* seq,time,user,tool,action,file,record,hash,digest; NULL-terminated */
const char *const *vl_audit_columns(void);
/* called for every line of audit.csv; broken: the chain fails here */
typedef int (*vl_audit_fn)(const struct vl_record *r, bool broken,
    void *ctx);
/* Read audit.csv (if any) into a: the last seq and hash, calling fn (may
 * be NULL) on each line; *broken gets the line of the first break or 0. */
int vl_audit_read(const struct vl_reg *reg, struct vl_audit *a,
    vl_audit_fn fn, void *ctx, long *broken);
/* make the next line of the chain in a->lines */
void vl_audit_append(struct vl_audit *a, const char *action,
    const char *file, const char *record, const char *digest);
void vl_audit_free(struct vl_audit *a);
/* what the latest line for file says, or NULL */
const struct vl_audit_last *vl_audit_last(const struct vl_audit *a,
    const char *file);
/* the SHA-256 of a register file as it is; false if it cannot be read */
bool vl_file_digest(const struct vl_reg *reg, const char *name,
    char out[VL_HASH_HEX]);
/* Warn of every register file whose content is not what the tools last
 * left (edited by hand); returns how many, or -1 on an I/O error.  Call
 * it holding the lock. */
long vl_audit_outside_edits(const struct vl_reg *reg);
/* "SEQ:HASH", with a line end or not: 0, or -1 */
int vl_audit_head_parse(const char *s, long *seq, char hash[VL_HASH_HEX]);

/* Does the trail reach its head?  What is wrong with it as a whole:
 * audit.csv missing or empty while .vl-head names a line or a file holds
 * records; cut short or put back from an older copy; .vl-head gone from a
 * trail that keeps one, or not a head. */
enum vl_trail_fault {
	VL_TRAIL_OK,
	VL_TRAIL_GONE,		/* no line at all */
	VL_TRAIL_SHORT,		/* does not end with the head's line */
	VL_TRAIL_NO_HEAD,	/* .vl-head missing, the trail anchored */
	VL_TRAIL_BAD_HEAD	/* .vl-head not a head */
};
struct vl_trail {
	enum vl_trail_fault fault;
	bool have_head;
	long head_seq;		/* .vl-head's */
	char head_hash[VL_HASH_HEX];
	bool lines;		/* audit.csv has a line below its header */
	long anchor;		/* the anchor's seq (1 when only glanced at) */
	const char *records;	/* GONE, no head: a file holding records */
};
/* walked: the trail as vl_audit_read read it, checked whole (a writer,
 * vl-report audit); NULL: a reader's glance at the ends of audit.csv. */
enum vl_trail_fault vl_trail_check(const struct vl_reg *reg,
    const struct vl_audit *walked, struct vl_trail *t);
/* say what is wrong, and what to do: a writer wrote nothing */
void vl_trail_say(const struct vl_reg *reg, const struct vl_trail *t,
    bool writer);

/* ---- batch.c: records added to one register file, all or none -------- */

struct vl_batch;
/* A tool's own rules for one record, after the schema's: each problem
 * reported with vl_errat; returns how many. */
typedef int (*vl_batch_rule)(struct vl_batch *b, const struct vl_record *r);

struct vl_batch {
	/* set by the caller */
	const struct vl_filespec *spec;	/* the file records go to */
	int load;		/* VL_LOAD_* besides plan and projects */
	vl_batch_rule rule;	/* or NULL */
	void *ctx;		/* for rule */
	/* the columns an import must have, NULL-terminated; NULL: the
	 * spec's core columns but id */
	const char *const *required;
	/* kept by the batch */
	struct vl_book book;	/* as vl_book_load, nothing ignored */
	struct vl_header hdr;	/* the target file's columns, its order */
	struct vl_projects ids;	/* ids in the file and in the batch */
	int64_t next_id;	/* max numeric id + 1 */
	int id_width;		/* digits of that max id, 0 if none */
	bool checked_columns;
	struct vl_buf rows;	/* CSV rows to append */
	struct vl_buf added;	/* ids added, one a line */
	int64_t money;		/* the file's and the batch's amounts added
				 * up, signs dropped (VL_MONEY_LIMIT) */
	bool money_over;	/* past the limit */
};

/* Load the book, take the lock, read the target's header and ids.
 * VL_OK, VL_BADINPUT or VL_SYSFAULT. */
int vl_batch_open(struct vl_batch *b, const char *dir);
/* One record (a vl_record_fn): mapped onto the file's columns, given an
 * id when it has none, checked; kept as a row when good. */
int vl_batch_record(const struct vl_record *r, void *batch);
/* one record from values in the spec's column order (NULL: empty; an
 * empty date is today) */
void vl_batch_fields(struct vl_batch *b, const char *const *value,
    vl_date today);
/* every record of a CSV file ("-": stdin); ids may be left out */
int vl_batch_import(struct vl_batch *b, const char *path);
/* append the rows in one commit, then print the ids added */
int vl_batch_commit(struct vl_batch *b);
void vl_batch_free(struct vl_batch *b);
/* all of it: open, the records of import (or value), commit only when no
 * record was bad ("nothing written" otherwise), free */
int vl_batch_run(struct vl_batch *b, const char *dir, const char *import,
    const char *const *value, vl_date today);

/* ---- stage.c: where a project stands --------------------------------- */

enum vl_stage {
	VL_STAGE_REGISTERED, VL_STAGE_REVIEWED, VL_STAGE_STARTED,
	VL_STAGE_COMPLETED, VL_STAGE_ACCEPTED
};
/* their names, in that order, NULL-terminated */
extern const char *const vl_project_stages[];

struct vl_milestones {		/* VL_NODATE when not reached */
	vl_date reviewed;	/* first passed review */
	vl_date started, completed;	/* first progress entries */
	vl_date accepted;	/* first passed acceptance */
};

/* The dates project i of b reached each step, from a book loaded with
 * progress and inspections (as of a day). */
void vl_project_milestones(const struct vl_book *b, size_t i,
    struct vl_milestones *m);
/* The furthest step there is evidence of; m (may be NULL) gets the
 * dates. */
enum vl_stage vl_project_stage(const struct vl_book *b, size_t i,
    struct vl_milestones *m);
/* 0, or -1 for a name not in vl_project_stages */
int vl_stage_parse(const char *s, enum vl_stage *st);

/* ---- ledger.c: the fund journal read and summed in one pass ---------- */

/* The kinds of fund movement, in the order of vl_kinds. */
enum vl_kind { VL_RECEIPT, VL_ALLOCATION, VL_EXPENSE };

/* One good row of a journal in the form of funds.csv, valid only during
 * the callback.  Optional fields left empty are "". */
struct vl_fund {
	const char *file;	/* name for messages */
	long line;
	const char *id, *level, *source, *project, *purpose, *note;
	enum vl_kind kind;
	int level_index;	/* level in vl_levels, -1 when empty */
	vl_date date;
	int64_t amount;		/* fen */
};
/* return 0 to go on, non-zero to stop (returned by vl_fund_read) */
typedef int (*vl_fund_fn)(const struct vl_fund *f, void *ctx);

/* Read a journal ("-" is stdin) in one pass; memory does not grow with
 * its length.  Every row is checked by vl_check_record against
 * vl_funds_spec -- without resolving projects or purposes, which are the
 * caller's to judge -- and every bad row is reported as FILE:LINE: field:
 * message.  Rows dated after as_of (VL_NODATE: none) are skipped; fn gets
 * every other good row.  Returns VL_OK, VL_BADINPUT (a row was bad; fn saw
 * the good ones), VL_SYSFAULT, or what fn returned to stop the read. */
int vl_fund_read(const char *path, const char *display, vl_date as_of,
    vl_fund_fn fn, void *ctx);
/* The same divided among threads as vl_csv_read_split divides a read:
 * part k's rows go to s->ctx[k], after those of part k - 1.  Sums made
 * per part and merged in order are those of one pass: the parts are
 * kept only when no sum of the rows given to fn can overflow (their
 * amounts, signs dropped, add up within int64_t); else s->reset(ctx[0])
 * and the journal is read again as one into ctx[0]. */
int vl_fund_read_split(const char *path, const char *display, vl_date as_of,
    vl_fund_fn fn, struct vl_split *s);

/* Sums by a text key (a town, a source, an unknown id), found in
 * constant time. */
struct vl_group {
	char *key;
	int64_t amount;		/* fen */
	long count;		/* amounts added */
	long line;		/* the line given with the first of them */
};
struct vl_groups {		/* all zero: empty */
	struct vl_group *v;	/* in order of first use, or sorted */
	size_t n, cap;
	size_t *slot;
	size_t nslot;
};
/* Add amount to key's group, made on first use.  false when the sum
 * would overflow (the group is left as it was). */
bool vl_groups_add(struct vl_groups *g, const char *key, int64_t amount,
    long line);
/* NULL when there is no such group */
const struct vl_group *vl_groups_find(const struct vl_groups *g,
    const char *key);
/* from's sums and counts added to into's, its groups made where new,
 * the line of into's kept (from is a later part of the same input);
 * false when a sum would overflow */
bool vl_groups_merge(struct vl_groups *into, const struct vl_groups *from);
/* v sorted by key in byte order ("" first); finding still works */
void vl_groups_sort(struct vl_groups *g);
void vl_groups_free(struct vl_groups *g);

struct vl_ledger_sums {		/* fen */
	int64_t received;	/* receipts */
	int64_t allocated;	/* allocations */
	int64_t spent;		/* expenses */
};

struct vl_ledger_project {
	int64_t allocated, spent;
	int64_t *purpose;	/* spent by purpose: npurposes + 1, in the
				 * plan's order; the last is spent on
				 * purposes the plan does not allow */
};

/* A register's journal summed: receipts, allocations and expenses by
 * funding line of the plan, by level, by project and by purpose. */
struct vl_ledger {
	size_t nlines;		/* = plan.nfunding */
	size_t nlevels;		/* the entries of vl_levels */
	size_t npurposes;	/* = plan.npurposes */
	size_t nprojects;	/* = projects.n of the book */
	struct vl_ledger_sums total;
	/* nlines + 1, in the plan's order; the last: rows with no level or
	 * a level that no funding line names (allocations and expenses
	 * carry a level only when the clerk gave one) */
	struct vl_ledger_sums *line;
	/* nlevels + 1, in the order of vl_levels; the last: no level */
	struct vl_ledger_sums *level;
	int64_t *purpose;	/* expenses: npurposes + 1, as per project */
	struct vl_ledger_project *project;	/* as book->projects.v */
	/* money naming what the register does not know, key and first
	 * line of each: allocations and expenses to a project not in
	 * projects.csv (by project id); expenses on a purpose outside the
	 * plan (by purpose; also counted in their project's spent) */
	struct vl_groups stray_allocated, stray_spent, stray_purpose;
	long rows;		/* rows summed */
};

/* Sum the register's funds.csv (none: nothing moved yet) for a book
 * loaded with at least VL_LOAD_PROJECTS, ignoring rows dated after as_of
 * (VL_NODATE: none).  Bad rows are reported as vl_fund_read does and an
 * overflowing sum as an error.  Returns VL_OK, VL_BADINPUT or VL_SYSFAULT;
 * l is filled (and must be freed) in every case. */
int vl_ledger_load(struct vl_ledger *l, const struct vl_book *b,
    vl_date as_of);
void vl_ledger_free(struct vl_ledger *l);

/* ---- standing.c: where the programme stands, as of a day ------------- */

/* One project as of a day: its stage and step dates, its findings. */
struct vl_standing {
	enum vl_stage stage;
	struct vl_milestones m;
	long open, overdue;	/* findings not closed; of them past due */
};
/* Every project of a book loaded with progress and inspections as of
 * as_of; malloc'd, projects.n of them (free it). */
struct vl_standing *vl_standings(const struct vl_book *b, vl_date as_of);

/* Projects counted: how many reached each step, their findings. */
struct vl_tally {
	const char *town;	/* points into the book; "total" */
	long projects, reviewed, started, completed, accepted, open, overdue;
};
void vl_tally_add(struct vl_tally *t, const struct vl_standing *s);
/* Per town in the order towns first appear in projects.csv (*towns is
 * malloc'd: free it), and all projects in *total.  Returns how many
 * towns. */
size_t vl_tally_towns(const struct vl_book *b, const struct vl_standing *s,
    struct vl_tally **towns, struct vl_tally *total);

#define VL_SHARE_BUFSZ 32
#define VL_WAN_BUFSZ 64
/* n of d in tenths of a percent, rounded half up, in integer arithmetic
 * (46 of 50: 920; 2 of 3: 667); -1 when d <= 0 */
long vl_permille(long n, long d);
/* the same for amounts of money in fen, any int64_t, no float on the
 * way, except that a sum short of d is never 1000 (99.98% is 999: the
 * money is not all there); a share too large for a long is LONG_MAX */
long vl_permille_fen(int64_t n, int64_t d);
/* the same as text: "92.0%"; NULL when d <= 0 */
const char *vl_share(long n, long d, char buf[VL_SHARE_BUFSZ]);
/* fen in exact 万 (10,000 yuan): 184.7万, 148.60333万 */
const char *vl_wan(int64_t fen, char buf[VL_WAN_BUFSZ]);

/* aspects of inspection, gravest first: safety, quality, funds, progress
 * (进度服从质量、平安高于一切); NULL-terminated */
extern const char *const vl_aspects_by_gravity[];
#define VL_NGRAVITY 4
/* index in vl_aspects_by_gravity; VL_NGRAVITY for any other */
int vl_aspect_rank(const char *aspect);

/* The open findings (failed inspections of known projects, not closed
 * as of the day), gravest aspect first, then by due date and line. */
struct vl_findings {
	const struct vl_inspection **v;	/* into the book */
	size_t n;
	long late;			/* past due */
	long open_by[VL_NGRAVITY + 1];	/* by vl_aspect_rank */
	long late_by[VL_NGRAVITY + 1];
};
void vl_findings_collect(const struct vl_book *b, vl_date as_of,
    struct vl_findings *f);
void vl_findings_free(struct vl_findings *f);

/* The rows of the funds report: per funding line of the plan, then per
 * level of it; then money no line accounts for; then the total.  Nothing
 * is apportioned. */
enum vl_funds_rowkind {
	VL_FR_LINE,		/* a funding line of the plan */
	VL_FR_LEVEL,		/* a level of the line before */
	VL_FR_STRAY,		/* no level, or a level no line names */
	VL_FR_STRAY_LEVEL,	/* the same by level */
	VL_FR_TOTAL
};
#define VL_FUNDS_NO_LINE "(no line)"
#define VL_FUNDS_NO_LEVEL "(none)"
struct vl_funds_row {
	enum vl_funds_rowkind kind;
	const char *line;	/* the line's name, VL_FUNDS_NO_LINE, "total" */
	const char *level;	/* "" on a line's own row */
	const int64_t *plan;	/* NULL where the plan says nothing */
	const struct vl_ledger_sums *sums;	/* into the ledger */
	bool remaining;		/* left means something on this row */
	int64_t left;		/* received - spent */
};
/* malloc'd (free it); returns how many */
size_t vl_funds_rows(const struct vl_book *b, const struct vl_ledger *l,
    struct vl_funds_row **list);

/* Projects started (completed, when completed) on or before each day
 * from..to: to - from + 1 counts, malloc'd (free it); starts before
 * from count from the first day. */
long *vl_burnup(const struct vl_book *b, const struct vl_standing *s,
    vl_date from, vl_date to, bool completed);

/* ---- briefing.c: the HTML briefing for a meeting --------------------- */

/* s with & < > " ' as character references and control characters as
 * blanks, appended to b: text from a register made safe in HTML and
 * XML, in an element or in a quoted attribute */
void vl_html_escape(struct vl_buf *b, const char *s);
/* The briefing of a book loaded with plan, projects, progress and
 * inspections as of as_of, and its ledger as of the same day: one
 * self-contained HTML page (inline SVG charts, no script, nothing
 * fetched), appended to out.  The same book and day give the same
 * bytes. */
void vl_briefing(const struct vl_book *b, const struct vl_ledger *l,
    vl_date as_of, struct vl_buf *out);


/* ---- i18n.c: Chinese for people, English for machines ----------------- */

/* marks a string for the catalogue without translating it there */
#define N_(s) s
/* lang "zh", "en", or NULL for the environment; -1 for another value */
int vl_i18n_init(const char *lang);
bool vl_i18n_chinese(void);
/* the translation of a message, --help text or column header */
const char *vl_tr(const char *msgid);

#endif
