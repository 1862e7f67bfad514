/*
 * fund_days.c - a project's allocations and spending day by day: see
 * fund_days.h.  A project's days are kept in date order, one a date
 * (a journal booked in order appends to the end): as many as it has
 * dates, not rows, and a check is one walk through them.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/money.h"
#include "base/strbuf.h"
#include "rules/fund_days.h"

/* the index of date's day in d, or where it goes to keep d in order */
static size_t
day_index(const struct vl_fund_days *d, vl_date date)
{
	size_t lo = 0, hi = d->n, mid;

	if (d->n && d->v[d->n - 1].date < date)
		return d->n;	/* a journal booked in order: the end */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (d->v[mid].date < date)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void
vl_fund_days_add(struct vl_fund_days *d, vl_date date, bool spent,
    int64_t fen)
{
	struct vl_fund_day *day;
	size_t i;

	if (date == VL_NODATE)
		return;
	i = day_index(d, date);
	if (i == d->n || d->v[i].date != date) {
		if (d->n == d->cap) {
			d->cap = d->cap ? 2 * d->cap : 4;
			d->v = vl_xrealloc(d->v, d->cap * sizeof *d->v);
		}
		memmove(d->v + i + 1, d->v + i, (d->n - i) * sizeof *d->v);
		d->v[i] = (struct vl_fund_day){date, 0, 0};
		d->n++;
	}
	day = &d->v[i];
	/* the sums were held within the 64-bit range by the caller */
	if (spent)
		vl_money_add(day->spent, fen, &day->spent);
	else
		vl_money_add(day->allocated, fen, &day->allocated);
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
	struct vl_fund_day sums = {VL_NODATE, 0, 0};
	const struct vl_fund_day *v = d->v;
	size_t i = 0;

	/* d is in date order, a day each: the sums as of each day from
	 * the entry's own, that day first whether booked or not */
	while (i < d->n || sums.date < date) {
		sums.date = i < d->n && (v[i].date <= date || sums.date >=
		    date) ? v[i].date : date;
		if (i < d->n && v[i].date == sums.date) {
			vl_money_add(sums.allocated, v[i].allocated,
			    &sums.allocated);
			vl_money_add(sums.spent, v[i].spent, &sums.spent);
			i++;
		}
		if (sums.date >= date && short_on(&sums, spent, fen)) {
			*as_of = sums;
			return sums.date;
		}
	}
	return VL_NODATE;
}

vl_date
vl_fund_days_over(const struct vl_fund_days *d, vl_date date, int64_t fen,
    int64_t cap, struct vl_fund_day *as_of)
{
	struct vl_fund_day sums = {VL_NODATE, 0, 0};
	int64_t with;
	size_t i;

	/* the allocations as of each day of d from date's on (a day d
	 * holds before it counts, and date's own sums are those days') */
	for (i = 0; i < d->n && d->v[i].date < date; i++)
		vl_money_add(sums.allocated, d->v[i].allocated,
		    &sums.allocated);
	sums.date = date;
	for (;;) {
		if (i < d->n && d->v[i].date == sums.date)
			vl_money_add(sums.allocated, d->v[i++].allocated,
			    &sums.allocated);
		if (vl_money_add(sums.allocated, fen, &with) && with > cap &&
		    sums.allocated <= cap) {
			*as_of = sums;
			return sums.date;
		}
		if (i >= d->n)
			return VL_NODATE;
		sums.date = d->v[i].date;
	}
}

void
vl_fund_days_free(struct vl_fund_days *d)
{
	free(d->v);
	memset(d, 0, sizeof *d);
}
