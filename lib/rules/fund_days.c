/*
 * fund_days.c - a project's allocations and spending day by day: see
 * fund_days.h.  A journal is booked mostly in date order, so a day is
 * merged into the last one booked when it is the same: a project holds
 * about as many days as it has dates, not rows.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/money.h"
#include "base/strbuf.h"
#include "rules/fund_days.h"

void
vl_fund_days_add(struct vl_fund_days *d, vl_date date, bool spent,
    int64_t fen)
{
	struct vl_fund_day *last;

	if (date == VL_NODATE)
		return;
	if (d->n == 0 || d->v[d->n - 1].date != date) {
		if (d->n == d->cap) {
			d->cap = d->cap ? 2 * d->cap : 4;
			d->v = vl_xrealloc(d->v, d->cap * sizeof *d->v);
		}
		d->v[d->n++] = (struct vl_fund_day){date, 0, 0};
	}
	last = &d->v[d->n - 1];
	/* the sums were held within the 64-bit range by the caller */
	if (spent)
		vl_money_add(last->spent, fen, &last->spent);
	else
		vl_money_add(last->allocated, fen, &last->allocated);
}

static int
by_date(const void *a, const void *b)
{
	const struct vl_fund_day *x = a, *y = b;

	return (x->date > y->date) - (x->date < y->date);
}

/* allocated minus spent of sums, the entry's fen added when with */
static int64_t
left(const struct vl_fund_day *sums, bool spent, int64_t fen, bool with)
{
	int64_t a = sums->allocated, s = sums->spent;

	if (with && spent)
		vl_money_add(s, fen, &s);
	else if (with)
		vl_money_add(a, fen, &a);
	return a - s;
}

/* Is the project short on the day of sums, with the entry and not
 * without it? */
static bool
short_on(const struct vl_fund_day *sums, bool spent, int64_t fen)
{
	return left(sums, spent, fen, true) < 0 &&
	    left(sums, spent, fen, false) >= 0;
}

vl_date
vl_fund_days_short(const struct vl_fund_days *d, vl_date date, bool spent,
    int64_t fen, struct vl_fund_day *as_of)
{
	struct vl_fund_day *v, sums = {VL_NODATE, 0, 0};
	vl_date found = VL_NODATE;
	size_t i = 0;

	v = vl_xcalloc(d->n + 1, sizeof *v);
	memcpy(v, d->v, d->n * sizeof *v);
	qsort(v, d->n, sizeof *v, by_date);
	while (found == VL_NODATE && (i < d->n || sums.date < date)) {
		/* the next day to look at: a day booked, or the entry's */
		sums.date = i < d->n && (v[i].date <= date || sums.date >=
		    date) ? v[i].date : date;
		for (; i < d->n && v[i].date == sums.date; i++) {
			vl_money_add(sums.allocated, v[i].allocated,
			    &sums.allocated);
			vl_money_add(sums.spent, v[i].spent, &sums.spent);
		}
		if (sums.date >= date && short_on(&sums, spent, fen)) {
			found = sums.date;
			*as_of = sums;
		}
	}
	free(v);
	return found;
}

void
vl_fund_days_free(struct vl_fund_days *d)
{
	free(d->v);
	memset(d, 0, sizeof *d);
}
