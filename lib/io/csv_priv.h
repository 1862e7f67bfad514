/*
 * csv_priv.h - inside the CSV reader: its state, shared by the files
 * that make it up, and the knobs its tests turn.  Not libvl's interface.
 *
 *   csv_read.c      the reader: lines, libcsv, the header, records
 *   csv_encoding.c  UTF-8 or GB18030, decided from the first block
 *   csv_fast.c      a line without a quote split without libcsv (SSE2,
 *                   AVX2 or AVX-512 where the processor has them)
 *   csv_split.c     a large file read by a thread a part
 *   csv_write.c     rows quoted where they need it
 */
#ifndef VL_CSV_PRIV_H
#define VL_CSV_PRIV_H

#include <iconv.h>
#include <stdbool.h>
#include <stddef.h>

#include <csv.h>

#include "base/strbuf.h"
#include "io/csv.h"

#define CSV_OPTIONS (CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)
/* read at a time: small enough to stay in the cache while it is read */
#define BLOCK (256 << 10)
/* the first read, on which the encoding is decided */
#define FIRST_BLOCK (1 << 20)
#define MAX_FIELDS 4096
#define MAX_FIELD_LEN (1 << 20)
/* a line longer is refused, never held whole: memory stays bounded */
#define MAX_LINE (16 << 20)
/* libcsv grows a field by this much at a time (its default, 128 bytes,
 * makes a long field quadratic) */
#define FIELD_STEP (64 << 10)

/* ---- test knobs ------------------------------------------------------- */

/* true: every line through libcsv, none through the fast path for lines
 * without quotes (the reference that path is tested against) */
extern bool vl_csv_plain;
/* the widest vectors the fast path's scan may use, in bytes: 64
 * (AVX-512, the default), 32 (AVX2) or 16 (SSE2); the processor may
 * allow less.  Tests hold each to libcsv. */
extern int vl_csv_vector_max;
/* bytes read at a time (0: 1 MiB; tests make it tiny) */
extern size_t vl_csv_block;
/* a smaller file is not divided among threads (tests make it 0) */
extern size_t vl_csv_split_min;
/* lines the fast path has read so far (tests see that it is taken) */
extern unsigned long vl_csv_fast_lines;

/* ---- a read divided among threads (csv_split.c) ------------------------ */

/* The parts of a read divided among threads, their contexts given. */
struct vl_split {
	size_t nparts;		/* contexts in ctx (1: one read, no thread) */
	void **ctx;		/* fn's context of each part, in file order */
	/* May the parts be merged?  Asked when they are read, before
	 * their messages are written: false throws them away, calls
	 * reset(s) and reads the file again as one into ctx[0].  NULL:
	 * yes. */
	bool (*accept)(struct vl_split *s);
	void (*reset)(struct vl_split *s);	/* ctx[0] as new, or NULL */
	void *arg;		/* for accept and reset */
	size_t used;		/* out: the parts read, ctx[0..used) */
};
/* vl_csv_read into s->nparts contexts: every record of part k comes
 * after every record of part k - 1 in the file, so what fn gathers per
 * part can be merged in order.  The records, their lines, the messages
 * (written in the order of the input) and the status are exactly those
 * of vl_csv_read.  fn runs on several threads at once, each with its own
 * context. */
int vl_csv_read_split(const char *path, const char *display,
    const struct vl_csv_opts *opts, vl_record_fn fn, struct vl_split *s);

/* ---- the reader --------------------------------------------------------- */

enum encoding { ENC_UNDECIDED, ENC_UTF8, ENC_ICONV };

struct reader {
	const char *display;
	const struct vl_csv_opts *opts;
	vl_record_fn fn;
	void *ctx;
	struct csv_parser parser;
	enum encoding enc;
	iconv_t cd;
	struct vl_buf conv;	/* a line converted to UTF-8 */
	struct vl_buf carry;	/* a line split across two blocks */
	size_t dropped;		/* bytes of a line too long to keep */
	bool held_cr;		/* the last byte kept or dropped was a CR */
	long line;		/* physical line being fed */
	long long offset;	/* byte offset of that line in the input */
	long rec_line;		/* line the current record starts on */
	struct vl_buf text;	/* the current record's fields, NUL-separated */
	size_t *off, *len;
	char **field;
	size_t nf, capf;
	bool skip;		/* the current record is already reported bad */
	bool plain;		/* every line through libcsv, no fast path */
	bool pause;		/* feed_block returns once the header is read */
	bool writable;		/* the blocks are ours: fields split in place */
	unsigned long fast;	/* lines the fast path took */
	bool no_controls;	/* the fast path saw no control character */
	bool have_header;
	bool header_bad;
	struct vl_header header;
	const struct vl_csv_sheet *sheet;	/* an import: vl_csv_read_sheet */
	bool gb_bom;		/* began with GB18030's byte-order mark */
	bool title_seen;	/* a sheet's title line, above its header */
	int stop;		/* what fn returned to stop the read */
	bool bad;
};

/* csv_read.c */
void vl_csv_reader_init(struct reader *r, const char *display,
    const struct vl_csv_opts *opts, vl_record_fn fn, void *ctx);
/* Split a block into lines; a partial last line waits in carry.  With
 * r->pause, stops as soon as the header is read and nothing is held.
 * Returns the bytes of s used. */
size_t vl_csv_feed_block(struct reader *r, const char *s, size_t n,
    bool more);
/* the input has ended: a quoted field still open is an error */
void vl_csv_reader_fini(struct reader *r);
void vl_csv_reader_free(struct reader *r);
/* Between records, with nothing held: a line the fast path may take. */
bool vl_csv_fresh(const struct reader *r);
/* A record is complete: its fields are in field[] and len[]. */
void vl_csv_end_record(struct reader *r);
/* room for n fields */
void vl_csv_want_fields(struct reader *r, size_t n);
void vl_csv_copy_header(struct vl_header *to, const struct vl_header *from);

/* csv_encoding.c */
/* how many bytes at s, up to n, are whole, valid UTF-8 */
size_t vl_csv_utf8_prefix(const unsigned char *s, size_t n);
/* The encoding of the input, from its first block s (more: a block
 * follows): the one the caller names, else UTF-8 when s reads as UTF-8,
 * else GB18030. */
void vl_csv_decide_encoding(struct reader *r, const char *s, size_t n,
    bool more);

/* vl_csv_read of a file already open (fd, closed by it) */
int vl_csv_read_fd(int fd, const char *display,
    const struct vl_csv_opts *opts, vl_record_fn fn, void *ctx);

/* csv_fast.c */
/* The lines at s (n bytes to the end of the block) the fast path can
 * take, from the first on, until one it cannot (it goes to libcsv), the
 * end of the block, a stop, or (r->pause) the header read: how many
 * bytes they used, 0 for none. */
size_t vl_csv_fast_run(struct reader *r, const char *s, size_t n,
    bool more);


/* The length of the character of UTF-8 at s (n bytes there, s[0] >=
 * 0x80), or 0 when it is not one: no overlong form, no surrogate,
 * nothing above U+10FFFF. */
static inline size_t
utf8_char(const unsigned char *s, size_t n)
{
	unsigned c = s[0], min;
	size_t need, k;

	/* first the usual case of Chinese text, three bytes from U+0800 on
	 * and not a surrogate, decided without a loop */
	if ((c & 0xf0) == 0xe0 && n > 2 && (s[1] & 0xc0) == 0x80 &&
	    (s[2] & 0xc0) == 0x80)
		return (c == 0xe0 && s[1] < 0xa0) || (c == 0xed && s[1] >= 0xa0) ?
		    0 : 3;
	if (c >= 0xc2 && c <= 0xdf)
		need = 1, min = 0x80;
	else if (c >= 0xe0 && c <= 0xef)
		need = 2, min = 0x800;
	else if (c >= 0xf0 && c <= 0xf4)
		need = 3, min = 0x10000;
	else
		return 0;
	if (n <= need)
		return 0;
	c &= 0x3f >> need;
	for (k = 1; k <= need; k++) {
		if ((s[k] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (s[k] & 0x3fu);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	return need + 1;
}

/* a blank or a tab: what libcsv strips around an unquoted field */
static inline bool
blank(char c)
{
	return c == ' ' || c == '\t';
}

#endif
