/*
 * register_priv.h - between the files of a commit: register.c (the
 * directory, the lock, the commit and its audit lines), tmpfile.c (the
 * commit's stage and its temp files) and journal.c (the journal: written,
 * checked whole, rolled forward); not part of libvl's interface.
 */
#ifndef VL_REGISTER_PRIV_H
#define VL_REGISTER_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

#include "register/audit.h"
#include "register/register.h"

#define JOURNAL ".vl-journal"
#define TMPPREFIX ".vl-tmp."
#define TMPNAME 96

/*
 * A commit's own directory, ".vl-tmp.RANDOM", made here and now: its
 * temp files are made in it, and renamed from it (by its descriptor) into
 * place.  No one can guess its name or plant anything under it first
 * (mkdir fails on a name that is there), and, never writable by all
 * (0775 less the umask), no one outside the register's own user and
 * group can put anything in it or take anything out; its group, where
 * the umask lets it write, can finish a commit a crash left there.
 */
struct stage {
	int fd;			/* -1: none */
	char name[TMPNAME];
};

/* A temp file written in the stage, to be renamed over the register
 * file of the same name. */
struct tmpfile {
	const char *file;	/* the register file it replaces */
	struct stat st;		/* as written: what is renamed must be it */
};

/* "what name: why" (errno) for the file named by its place in the
 * register; VL_SYSFAULT */
int vl_reg_fault_at(const struct vl_reg *r, const char *what,
    const char *name);
int vl_reg_sync_dir(const struct vl_reg *r);
/* A register file, a temp file or the journal as it is: a descriptor to
 * read it, or -1: errno ENOENT when there is none, else said. */
int vl_reg_open_regular(const struct vl_reg *r, const char *name,
    struct stat *st);

/* ---- tmpfile.c -------------------------------------------------------- */

/* the stage made, opened in g: VL_OK, or VL_SYSFAULT said */
int vl_stage_make(const struct vl_reg *r, struct stage *g);
/* Is name one that vl_stage_make gives? */
bool vl_stage_name(const char *name);
/* all n bytes, or -1 */
int vl_write_all(int fd, const char *p, size_t n);
/* vl_reg_fault_at of a temp file of the stage */
int vl_stage_fault(const struct vl_reg *r, const struct stage *g,
    const char *what, const char *name);
/* The new content of c's file in a temp file of the stage, t; its digest
 * (may be NULL).  A file of another kind where c's file should be is
 * refused. */
int vl_stage_write(const struct vl_reg *r, const struct stage *g,
    const struct vl_change *c, struct tmpfile *t, char digest[VL_HASH_HEX]);

/* ---- journal.c -------------------------------------------------------- */

/* The journal of the n temp files t made in the stage, then renamed into
 * place: the commit point. */
int vl_journal_write(const struct vl_reg *r, const struct stage *g,
    const struct tmpfile *t, size_t n);
/* Is there a journal (*pending), and is it one the tools wrote, all of
 * it?  VL_OK, or VL_SYSFAULT said. */
int vl_journal_pending(const struct vl_reg *r, bool *pending);
/* Finish the renames a journal names, once all of it is known good; then
 * the stage goes.  VL_OK (no journal too) or VL_SYSFAULT, said. */
int vl_journal_roll_forward(const struct vl_reg *r);
/* Temp files and stages of commits that never reached their commit
 * point (or whose journal is done) go. */
void vl_journal_remove_tmps(const struct vl_reg *r);

#endif
