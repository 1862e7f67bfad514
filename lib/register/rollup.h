/*
 * rollup.h - several registers read at once (SPEC 9): a city's or a
 * region's copies of its districts' registers, each verified against its
 * own audit trail before its data is used, each named by its district.
 */
#ifndef VL_ROLLUP_H
#define VL_ROLLUP_H

#include <stdbool.h>
#include <stddef.h>

#include "base/err_priv.h"
#include "register/book.h"

/* One register of a roll-up, as the command line names it. */
struct vl_copy {
	const char *dir;
	const char *expect;	/* "SEQ:HASH": the head of the audit trail
				 * the copy must hold (--registers); NULL */
	const char *where;	/* "FILE:LINE" of --registers, or NULL (-C) */
};

/* The registers whose trail holds, loaded, each with its district, in
 * the order of the districts' names (byte order), whatever order the
 * registers were named in; the cities so too. */
struct vl_rollup {
	struct vl_book *book;
	const char **district;	/* plan.json's district, else the
				 * directory's name (a warning says so) */
	size_t n;
	/* the city registers among them (plan.json "projects": "districts"):
	 * money sent to the districts, not projects of their own; no report
	 * adds them to the districts' figures */
	struct vl_book *city;
	const char **city_name;
	size_t ncity;
	long untrusted;		/* registers left out: trail broken, or not
				 * the head expected (each named) */
	const char **left_out;	/* their directories, as named */
	/* the line of each book's (each city's) audit trail where it was
	 * last started again (vl-add audit-restart), a break its district
	 * acknowledged: read, but warned of; 0: none */
	long *restart, *city_restart;
	vl_date as_of;		/* the day and the encoding it was read */
	const char *encoding;	/* as of, in (vl_source) */
};

/* Is the copy's audit trail whole, and at the head expected?  VL_OK;
 * VL_FINDINGS when not (said on stderr, naming the register); or
 * VL_SYSFAULT. */
int vl_copy_verify(const struct vl_copy *c);
/* Load what `what` asks (as vl_book_load) of every copy whose trail
 * holds, as of src's day in src's encoding (src->dir is not used);
 * VL_LOAD_DIGESTS: each copy's files changed outside the tools warned
 * of, as vl_book_outside_edits does.  Every bad record of every register
 * is reported (in the order named); two registers of one district, or
 * a district named as the totals row ("total", "合计"), are bad input;
 * the books in r in the order of their names.  VL_OK,
 * VL_BADINPUT or VL_SYSFAULT; r->untrusted counts the registers left
 * out.  Free r in every case. */
int vl_rollup_load(struct vl_rollup *r, const struct vl_copy *copies,
    size_t n, const struct vl_source *src, int what);
/* fn(arg, i) for every i < n, by as many threads as there are cores
 * ($VL_THREADS) at once, what call i says kept in msgs[i] (all zero; the
 * caller flushes them, vl_err_flush, in the order it wants; NULL: fn
 * says nothing) */
void vl_rollup_each(size_t n, void (*fn)(void *arg, size_t i), void *arg,
    struct vl_errbuf *msgs);
/* Warn of each city register of r (its projects the districts) left out
 * of a report of the districts' money alone (sum, balance, funds): what
 * it sent is in their receipts, and vl-fund check sets the two side by
 * side. */
void vl_rollup_say_cities_apart(const struct vl_rollup *r);

/* VL_OK, or VL_BADINPUT said (vl_book_of_villages) when r holds a city
 * register and no district's (a city read alone, as a roll-up of one,
 * or --district naming only it): no report of villages is of it. */
int vl_rollup_of_villages(const struct vl_rollup *r);
void vl_rollup_free(struct vl_rollup *r);
/* The district of a book loaded with its plan: plan.json's "district",
 * else the name of its directory, dir (a warning says so); malloc'd. */
char *vl_rollup_name(const struct vl_book *b, const char *dir);
/* The name a roll-up gives the register in dir whose plan has no
 * "district": its directory's (there or not yet, as init has it), made
 * plain to print; malloc'd. */
char *vl_rollup_dir_name(const char *dir);
/* Is that name the word of a roll-up's totals row (which a roll-up
 * refuses)?  Then say so, asking for a "district" (a warning). */
bool vl_rollup_warn_total_dir(const char *dir);

#endif
