/*
 * fund_days.h - a project's allocations and spending day by day, for the
 * write rule that spending never exceeds allocations as of any day: an
 * expense dated before the allocation it needs is refused, as vl-fund
 * check as of that day would report it.
 */
#ifndef VL_FUND_DAYS_H
#define VL_FUND_DAYS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/date.h"

struct vl_fund_day {		/* what one day moved */
	vl_date date;
	int64_t allocated, spent;
};

struct vl_fund_days {		/* a project's, a day each, in date order */
	struct vl_fund_day *v;
	size_t n, cap;
};

/* an allocation (spent false) or expense of fen dated date booked */
void vl_fund_days_add(struct vl_fund_days *d, vl_date date, bool spent,
    int64_t fen);

/* The first day on or after date on which the project would spend more
 * than it was allocated with an allocation (spent false) or expense of
 * fen dated date, when it did not before: that day, the sums as of it
 * without the entry in *as_of; VL_NODATE when no such day. */
vl_date vl_fund_days_short(const struct vl_fund_days *d, vl_date date,
    bool spent, int64_t fen, struct vl_fund_day *as_of);

/* The first day on or after date on which the project's allocations
 * with an allocation of fen dated date would be above cap (its budget),
 * when they were not before: that day, the sums as of it without the
 * entry in *as_of; VL_NODATE when no such day. */
vl_date vl_fund_days_over(const struct vl_fund_days *d, vl_date date,
    int64_t fen, int64_t cap, struct vl_fund_day *as_of);
void vl_fund_days_free(struct vl_fund_days *d);

#endif
