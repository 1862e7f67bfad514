/*
 * register.h - the register directory: where it is, its lock, and the
 * one commit every tool's write goes through (all of a change or none of
 * it, with its lines of audit.csv).
 */
#ifndef VL_REGISTER_H
#define VL_REGISTER_H

#include <stdbool.h>
#include <stddef.h>

#include "base/strbuf.h"

struct vl_reg {
	char *dir;
	int lockfd;		/* -1 when not locked */
	struct vl_buf notes;	/* audit entries for the next commit */
};

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
/* exclusive lock with a bounded wait ($VL_LOCK_TIMEOUT seconds, default
 * 10); also finishes a commit a crash interrupted.  VL_OK or VL_SYSFAULT. */
int vl_reg_lock(struct vl_reg *r);

/* A change: the new bytes to append to, or the whole new content of,
 * one register file. */
struct vl_change {
	const char *file;	/* name inside the register */
	const char *header;	/* header line written when the file is new */
	bool replace;		/* true: data is the whole new file */
	const char *data;
	size_t len;
};
/* Finish a commit a crash interrupted past its commit point, if any:
 * until then a reader could see some files new and others old. */
void vl_reg_settle(const struct vl_reg *r);
/* Say what the next commit does, for its audit lines: one a record
 * ("add", "projects.csv", "P001").  A change with no note gets one line
 * with action "write" and an empty record. */
void vl_reg_note(struct vl_reg *r, const char *action, const char *file,
    const char *record);
/* the same with a detail for the line's detail column: a correction's
 * old and new values and its reason, an import's digest */
void vl_reg_note_detail(struct vl_reg *r, const char *action,
    const char *file, const char *record, const char *detail);
/* Apply all changes as one, with their audit lines: after a crash at any
 * point the register holds either all of them or none.  Must hold the
 * lock.  Every write of every tool goes through here.  VL_OK or
 * VL_SYSFAULT. */
int vl_reg_commit(struct vl_reg *r, const struct vl_change *ch, size_t n);

#endif
