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
/* $VL_LOCK_TIMEOUT in seconds (10 when unset): 0, or -1 when it is not
 * a whole number from 0 to 86400 (*seconds is then 10) */
int vl_lock_timeout(long *seconds);

/* the directory: opt (-C) if not NULL, else $VL_DIR, else "." */
const char *vl_reg_dirname(const char *opt);
void vl_reg_open(struct vl_reg *r, const char *dir);
void vl_reg_close(struct vl_reg *r);
/* "DIR/name" for messages, the name alone when DIR is "."; the text
 * stays valid until the thread's next call */
const char *vl_reg_display(const struct vl_reg *r, const char *name);
/* what vl_reg_display keeps for this thread, freed (a thread ending) */
void vl_reg_display_free(void);
/* newly allocated "DIR/name" */
char *vl_reg_path(const struct vl_reg *r, const char *name);
bool vl_reg_exists(const struct vl_reg *r, const char *name);
/* Is r a register, a plan.json there?  VL_OK, or VL_BADINPUT, said */
int vl_reg_need_plan(const struct vl_reg *r);
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
/* the same with a detail for the line's detail column: a correction's
 * old and new values and its reason, an import's digest */
void vl_reg_note_detail(struct vl_reg *r, const char *action,
    const char *file, const char *record, const char *detail);
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

#endif
