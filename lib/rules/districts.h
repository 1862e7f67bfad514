/*
 * districts.h - the rules of a roll-up (SPEC 9): the districts' overdue
 * lists as one, the districts ranked for a circular (通报), and what a
 * city sent each district against what the district booked.
 */
#ifndef VL_DISTRICTS_H
#define VL_DISTRICTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "register/rollup.h"
#include "rules/filter.h"
#include "rules/fund_rules.h"
#include "rules/ledger.h"
#include "rules/overdue.h"

/* The ledger of every book of r (of r->city with cities), loaded with
 * VL_LOAD_PROJECTS at least, in *l (malloc'd; vl_rollup_ledgers_free),
 * summing what (vl_ledger_load).  VL_OK, VL_BADINPUT or VL_SYSFAULT;
 * every bad row of every journal said. */
int vl_rollup_ledgers(const struct vl_rollup *r, bool cities,
    enum vl_ledger_sums_of what, struct vl_ledger **l);
void vl_rollup_ledgers_free(const struct vl_rollup *r, bool cities,
    struct vl_ledger *l);

/* Only the districts f passes (--district; f may be NULL: all) are kept
 * in r, in the order of their names; the city registers stay. */
void vl_rollup_keep(struct vl_rollup *r, const struct vl_filter *f);
/* Each district's book of r narrowed to the projects f keeps (--town,
 * --village, --project, --leader, --specialist; vl_filter_narrow), before
 * its ledger is loaded: a district f keeps nothing of is a book of none. */
void vl_rollup_narrow(struct vl_rollup *r, const struct vl_filter *f);
/* a book of r narrowed to some projects (its narrowed_to, narrowed_zh
 * say by what, the same in every book), or NULL: whole districts */
const struct vl_book *vl_rollup_narrowed(const struct vl_rollup *r);

/* An item of the roll-up's overdue list and the book it is of. */
struct vl_district_item {
	size_t book;
	struct vl_overdue it;
};
/* Every district's list (the items f passes, f may be NULL) as one, in
 * the order of one list: late items by days late, most first, then by
 * district (r's order: of their names, whatever order the registers
 * were named in), then as each district's list has them;
 * the flags after.  Returns how many; *list malloc'd (free it). */
size_t vl_rollup_overdue(const struct vl_rollup *r, long within,
    const struct vl_filter *f, struct vl_district_item **list);

/* A district's figures for a circular. */
struct vl_district_rank {
	size_t book;
	const char *district;	/* its name (r's), NULL in a total */
	long rank;		/* 1 the best; districts equal share a rank */
	long projects, started, completed, overdue;	/* overdue: late items */
	long villages;		/* what progress is measured against: the
				 * plan's villages, or the projects when more
				 * (vl_book_villages) */
	long late[VL_OD_NKINDS];	/* the late items by kind */
	long started_pm, completed_pm;	/* vl_permille of villages */
	int64_t plan, received, spent;
	long received_pm;	/* vl_permille_fen of the plan's total */
	/* a book narrowed to some projects: plan is their budgets,
	 * received 0 and received_pm -1 (receipts are the district's, not
	 * a project's); allocated: what was allocated to them */
	bool narrowed;
	int64_t allocated;
};
/* The districts ranked: the share started, most first, then the share
 * completed, then fewer overdue items, then the share of money received;
 * ties by the district's name (byte order), whatever order the
 * registers were read in.  ledgers as vl_rollup_ledgers made them.
 * Returns r->n; *list malloc'd (free it). */
size_t vl_district_ranks(const struct vl_rollup *r,
    const struct vl_ledger *ledgers, struct vl_district_rank **list);
/* d's counts and money added to all's (a total of the districts; a
 * total past 64 bits exits 2, vl_money_total); shares left alone */
void vl_district_rank_add(struct vl_district_rank *all,
    const struct vl_district_rank *d);

/* What each city register of r (r->city; cities: their ledgers) sent
 * each of its districts, its allocations to the project whose id is the
 * district's name, against what that district's register booked as
 * received from the levels of the city's funding lines.  One finding a
 * district, check "city-transfer", subject "CITY -> DISTRICT", named
 * after that district whether its register was read or not;
 * short is pending until final; a district whose books agree is left
 * out; human: the details in the reader's language.  Returns how many;
 * *list malloc'd (vl_city_transfers_free). */
struct vl_transfer {
	long book;		/* the receiving district's, -1 not read */
	const char *district;	/* its name, read or not (the city's) */
	struct vl_fund_finding f;
};
size_t vl_city_transfers(const struct vl_rollup *r,
    const struct vl_ledger *ledgers, const struct vl_ledger *cities,
    bool final, bool human, struct vl_transfer **list);
void vl_city_transfers_free(struct vl_transfer *list, size_t n);

#endif
