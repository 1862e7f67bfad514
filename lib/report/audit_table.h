/*
 * audit_table.h - vl-report audit: the change history (audit.csv) as a
 * table, its hash chain verified line by line, of one register or of
 * every register of a roll-up (SPEC 9, a district column first).
 */
#ifndef VL_AUDIT_TABLE_H
#define VL_AUDIT_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "io/output.h"
#include "register/audit.h"
#include "register/book.h"
#include "register/rollup.h"
#include "rules/filter.h"

/* What a walk of a trail found. */
struct vl_audit_walked {
	long broken;		/* the line where the chain first breaks
				 * (said), 0: whole */
	long found;		/* the line of the seq expected, 0: none */
	bool same;		/* and its hash is the one expected */
	struct vl_restarts restarts;	/* those the chain holds at;
					 * vl_restarts_free them */
};

/* The table "变更记录" as of day: seq, time, user, tool, action, file,
 * record, detail, chain (ok, restart, or broken from the first break
 * on). */
struct vl_out *vl_audit_table(const struct vl_outopts *o, vl_date day);
/* Read reg's trail (under the caller's lock) into *audit, each line a
 * row of out (NULL: none), and look for the line want_seq with want_hash
 * (NULL: none expected).  vl_audit_read's status; free *audit and
 * w->restarts. */
int vl_audit_walk(const struct vl_reg *reg, struct vl_out *out,
    long want_seq, const char *want_hash, struct vl_audit *audit,
    struct vl_audit_walked *w);
/* --expect: does the trail still hold the line of that head (grown since
 * is fine)?  When not, says why. */
bool vl_audit_holds(const struct vl_reg *reg, const struct vl_audit_walked *w,
    long want_seq);
/* vl-report audit of the register in dir, under a reader's lock (the
 * trail and the files as one state): its history as a table where o says
 * (table), else none; the trail must reach its head (.vl-head), and with
 * want_hash hold the line want_seq with that hash.  *findings: a break,
 * a trail short of its head, or not the head expected (each said);
 * *head: the trail's last seq and hash.  Files changed by hand are named
 * (a warning).  VL_OK, VL_BADINPUT (no register) or VL_SYSFAULT. */
int vl_report_audit(const char *dir, const struct vl_outopts *o,
    vl_date day, bool table, long want_seq, const char *want_hash,
    struct vl_audit *head, bool *findings);
/* Every register's history in one table, a district column first, each
 * chain verified on its own (and at the head expected, --registers); a
 * break is named, the rest listed; those of the districts f passes; a
 * trail started again (a break acknowledged) is warned of, as a roll-up
 * warns of it.  *broken: how many registers broke.  The status of the reading and of
 * the output. */
int vl_rollup_report_audit(const struct vl_copy *copies, size_t n,
    const struct vl_source *src, const struct vl_filter *f,
    const struct vl_outopts *o, long *broken);

#endif
