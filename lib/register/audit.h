/*
 * audit.h - audit.csv, the register's hash-chained change history: a
 * line for every record a tool changes, committed with the change.
 */
#ifndef VL_AUDIT_H
#define VL_AUDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "base/strbuf.h"
#include "io/csv.h"
#include "register/register.h"

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
	unsigned named;		/* the register files some line names, a
				 * bit each by vl_register_files' order */
	bool wide;		/* audit.csv has the detail column */
	bool widen;		/* it gains it with the lines made */
	long broken;		/* the line where the chain breaks, after
				 * the last restart; 0: whole */
};

/* seq,time,user,tool,action,file,record,hash,digest; NULL-terminated:
 * the columns every audit.csv has */
const char *const *vl_audit_columns(void);
/* the header of the lines a writes: those and, when wide, detail */
const char *const *vl_audit_header(const struct vl_audit *a, size_t *n);
/* called for every line of audit.csv; broken: the chain fails here */
typedef int (*vl_audit_fn)(const struct vl_record *r, bool broken,
    void *ctx);
/* Read audit.csv (if any) into a: the last seq and hash, calling fn (may
 * be NULL) on each line, broken from the line where the chain breaks on
 * until a restart; *broken (and a->broken) gets the line of the break
 * that no restart came after, or 0. */
int vl_audit_read(const struct vl_reg *reg, struct vl_audit *a,
    vl_audit_fn fn, void *ctx, long *broken);
/* Is a line of this action and file the start of a restart (a trail lost
 * and started again, on record)?  A break before it is not one after. */
static inline bool
vl_audit_restart(const char *action, const char *file)
{
	return strcmp(action, "restart") == 0 &&
	    strcmp(file, "audit.csv") == 0;
}

/* A trail's last restart the chain holds at (a break acknowledged), and
 * how many there are: noted line by line as a walk reads the trail. */
struct vl_restarts {
	long line;	/* the last one's line, 0: none */
	char *record;	/* its record; malloc'd, vl_restarts_free */
	long n;		/* how many */
};
/* note the line r of a walk (an vl_audit_fn's r and broken) if it is a
 * restart the chain holds at */
void vl_restarts_note(struct vl_restarts *x, const struct vl_record *r,
    bool broken);
void vl_restarts_free(struct vl_restarts *x);

/* make the next line of the chain in a->lines */
void vl_audit_append(struct vl_audit *a, const char *action,
    const char *file, const char *record, const char *digest);
/* the same with a detail (the old and new values and the reason of a
 * correction, the digest of an imported file): a must be wide */
void vl_audit_append_detail(struct vl_audit *a, const char *action,
    const char *file, const char *record, const char *digest,
    const char *detail);
/* the lines made from now on have the detail column; a trail without it
 * is to be written out whole again (vl_audit_widened) */
void vl_audit_widen(struct vl_audit *a);
/* audit.csv as it is with an empty detail column added: every line's
 * hash stays valid, as an empty detail is not hashed */
int vl_audit_widened(const struct vl_reg *reg, struct vl_buf *out);
void vl_audit_free(struct vl_audit *a);
/* what the latest line for file says, or NULL */
const struct vl_audit_last *vl_audit_last(const struct vl_audit *a,
    const char *file);
/* The files of the register (plan.json, the CSVs of records) there
 * while a's trail, begun, names them nowhere: made outside the tools.
 * Their names into made (VL_AUDIT_FILES at most); how many. */
size_t vl_audit_unnamed(const struct vl_reg *reg, const struct vl_audit *a,
    const char *made[VL_AUDIT_FILES]);
/* the SHA-256 of a register file as it is; false if it cannot be read */
bool vl_file_digest(const struct vl_reg *reg, const char *name,
    char out[VL_HASH_HEX]);
/* Warn of every register file whose content is not what the tools last
 * left (edited by hand); returns how many, or -1 on an I/O error.  Call
 * it holding the lock. */
long vl_audit_outside_edits(const struct vl_reg *reg);
/* The same in two steps, the files hashed meanwhile by a thread of their
 * own (a national register's are 800 MB: hashed while the caller reads
 * them, not after); one thread (VL_THREADS=1) hashes them at the end.
 * Begin holding the lock, reg left as it is until the end; the end
 * warns as vl_audit_outside_edits does, or, not to report, says nothing
 * and returns 0.  e is freed. */
struct vl_edits *vl_audit_edits_begin(const struct vl_reg *reg);
long vl_audit_edits_end(struct vl_edits *e, bool report);
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
	VL_TRAIL_BAD_HEAD,	/* .vl-head not a head */
	VL_TRAIL_BREAK		/* a line edited, inserted or removed (a
				 * trail walked whole) */
};
struct vl_trail {
	enum vl_trail_fault fault;
	bool have_head;
	long head_seq;		/* .vl-head's */
	char head_hash[VL_HASH_HEX];
	bool lines;		/* audit.csv has a line below its header */
	long anchor;		/* the anchor's seq (1 when only glanced at) */
	const char *records;	/* GONE, no head: a file holding records */
	long broken;		/* BREAK: the line where it breaks */
};
/* walked: the trail as vl_audit_read read it, checked whole (a writer,
 * vl-report audit); NULL: a reader's glance at the ends of audit.csv. */
enum vl_trail_fault vl_trail_check(const struct vl_reg *reg,
    const struct vl_audit *walked, struct vl_trail *t);
/* say what is wrong, and what to do: a writer wrote nothing */
void vl_trail_say(const struct vl_reg *reg, const struct vl_trail *t,
    bool writer);
/* the same of a copy a roll-up reads (register/rollup.c): left out, a
 * new copy to ask for */
void vl_trail_say_copy(const struct vl_reg *reg, const struct vl_trail *t);
/* A copy a roll-up reads whose trail was started again (vl-add
 * audit-restart), x its restarts: a break its district acknowledged,
 * which the city is told of (a warning; the register is read) */
void vl_trail_say_restart(const struct vl_reg *reg,
    const struct vl_restarts *x);

#endif
