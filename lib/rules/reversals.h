/*
 * reversals.h - a fund journal's corrections checked: each negative
 * amount the exact negation of a real entry, each entry reversed once.
 */
#ifndef VL_REVERSALS_H
#define VL_REVERSALS_H

#include <stddef.h>
#include <stdint.h>

#include "base/strbuf.h"
#include "register/book.h"

struct vl_reversal {		/* a correction that does not hold */
	char *id;
	long line;		/* in funds.csv */
	int64_t amount;
	struct vl_buf detail;	/* why, in words */
};

struct vl_reversals {
	struct vl_reversal *v;
	size_t n;
	bool human;		/* details translated */
	long by_note;		/* corrections that name their entry only in
				 * the note ("冲销 #108"), as registers did
				 * before the reverses column */
};

/* The corrections of the book's funds.csv, as of its day: a row with a
 * negative amount or a reverses column must negate exactly (kind, level,
 * source, project, purpose; amount) an entry that is not a correction
 * itself and that no earlier correction reversed.  human: the details
 * translated, for people.  VL_OK, VL_BADINPUT or VL_SYSFAULT; r filled
 * (free it) in every case. */
int vl_reversals_check(const struct vl_book *b, bool human,
    struct vl_reversals *r);
void vl_reversals_free(struct vl_reversals *r);

#endif
