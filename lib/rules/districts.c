/*
 * districts.c - the rules of a roll-up: each district is computed by the
 * rules of one register (its own plan, its own day's standing), and only
 * then put side by side; nothing of one district is ever added to
 * another's project, town or person.
 */
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/i18n.h"
#include "base/money.h"
#include "base/strbuf.h"
#include "register/schema.h"
#include "rules/districts.h"
#include "rules/standing.h"

struct ledgers {
	const struct vl_book *b;
	enum vl_ledger_sums_of what;
	struct vl_ledger *l;
	int *status;
};

static void
ledger_of(void *arg, size_t i)
{
	struct ledgers *x = arg;

	x->status[i] = vl_ledger_load(&x->l[i], &x->b[i], x->what);
}

int
vl_rollup_ledgers(const struct vl_rollup *r, bool cities,
    enum vl_ledger_sums_of what, struct vl_ledger **l)
{
	size_t n = cities ? r->ncity : r->n, i;
	struct ledgers x = {cities ? r->city : r->book, what,
	    vl_xcalloc(n + 1, sizeof *x.l), vl_xcalloc(n + 1, sizeof(int))};
	struct vl_errbuf *msgs = vl_xcalloc(n + 1, sizeof *msgs);
	int status = VL_OK, s;

	vl_rollup_each(n, ledger_of, &x, msgs);
	for (i = 0; i < n; i++) {
		vl_err_flush(&msgs[i]);	/* in the order of the registers */
		s = x.status[i];
		if (s == VL_SYSFAULT || (s != VL_OK && status == VL_OK))
			status = s;
	}
	free(msgs);
	free(x.status);
	*l = x.l;
	return status;
}

void
vl_rollup_ledgers_free(const struct vl_rollup *r, bool cities,
    struct vl_ledger *l)
{
	size_t i;

	for (i = 0; l && i < (cities ? r->ncity : r->n); i++)
		vl_ledger_free(&l[i]);
	free(l);
}

void
vl_rollup_keep(struct vl_rollup *r, const struct vl_filter *f)
{
	size_t i, k = 0;

	for (i = 0; i < r->n; i++)
		if (vl_filter_district(f, r->district[i])) {
			r->book[k] = r->book[i];
			r->restart[k] = r->restart[i];
			r->district[k++] = r->district[i];
		} else {
			vl_book_free(&r->book[i]);
			free((char *)r->district[i]);
		}
	r->n = k;
}

void
vl_rollup_narrow(struct vl_rollup *r, const struct vl_filter *f)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		vl_filter_narrow(f, &r->book[i]);
}

const struct vl_book *
vl_rollup_narrowed(const struct vl_rollup *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (r->book[i].keep)
			return &r->book[i];
	return NULL;
}

/* ---- overdue ----------------------------------------------------------- */

struct key {			/* what the merged list is sorted by */
	int flag;
	long days_late;
	size_t book, pos;	/* pos: in the district's own sorted list */
};

static int
by_urgency(const void *pa, const void *pb)
{
	const struct key *a = pa, *b = pb;

	if (a->flag != b->flag)
		return a->flag ? 1 : -1;
	if (a->days_late != b->days_late && !a->flag)
		return a->days_late > b->days_late ? -1 : 1;
	if (a->book != b->book)
		return a->book < b->book ? -1 : 1;
	return a->pos < b->pos ? -1 : a->pos > b->pos;
}

size_t
vl_rollup_overdue(const struct vl_rollup *r, long within,
    const struct vl_filter *f, struct vl_district_item **list)
{
	struct vl_overdue **each = vl_xcalloc(r->n + 1, sizeof *each);
	size_t *n = vl_xcalloc(r->n + 1, sizeof *n), all = 0, i, k, j = 0;
	struct key *keys;

	for (i = 0; i < r->n; i++) {
		n[i] = vl_overdue_collect(&r->book[i], within, &each[i]);
		if (f)
			n[i] = vl_overdue_filter(each[i], n[i], f);
		all += n[i];
	}
	keys = vl_xcalloc(all + 1, sizeof *keys);
	for (i = 0; i < r->n; i++)
		for (k = 0; k < n[i]; k++)
			keys[j++] = (struct key){each[i][k].status ==
			    VL_OD_FLAG, each[i][k].days_late, i, k};
	qsort(keys, all, sizeof *keys, by_urgency);
	*list = vl_xcalloc(all + 1, sizeof **list);
	for (j = 0; j < all; j++)
		(*list)[j] = (struct vl_district_item){keys[j].book,
		    each[keys[j].book][keys[j].pos]};
	for (i = 0; i < r->n; i++)
		free(each[i]);
	free(each);
	free(n);
	free(keys);
	return all;
}

/* ---- the ranking ------------------------------------------------------- */

/* d's late items, by kind and in all */
static void
late_items(const struct vl_book *b, struct vl_district_rank *d)
{
	struct vl_overdue *v;
	size_t n = vl_overdue_collect(b, -1, &v), i;

	for (i = 0; i < n; i++)
		if (v[i].status == VL_OD_LATE) {
			d->late[v[i].kind]++;
			d->overdue++;
		}
	free(v);
}

static void
figures(const struct vl_book *b, const struct vl_ledger *l,
    struct vl_district_rank *d)
{
	struct vl_standing *s = vl_standings(b);
	struct vl_tally *towns, total;

	vl_tally_towns(b, s, &towns, &total);
	free(towns);
	free(s);
	d->projects = total.projects;
	d->villages = vl_book_villages(b);
	d->started = total.started;
	d->completed = total.completed;
	/* of the plan's villages: a district that registered 10 of its 50
	 * and started them is not first of the circular at 100% */
	d->started_pm = vl_permille(d->started, d->villages);
	d->completed_pm = vl_permille(d->completed, d->villages);
	late_items(b, d);
	d->plan = b->plan.total;
	d->received = l->total.received;
	d->allocated = l->total.allocated;
	d->spent = l->total.spent;
	d->received_pm = vl_permille_fen(d->received, d->plan);
	if (b->keep) {	/* some projects: their budgets, no receipts */
		d->narrowed = true;
		d->plan = vl_kept_budget(b);
		d->received = 0;
		d->received_pm = -1;
	}
}

struct figuring {
	const struct vl_rollup *r;
	const struct vl_ledger *ledgers;
	struct vl_district_rank *v;
};

/* district i's figures (each district's by a thread of its own) */
static void
figures_of(void *arg, size_t i)
{
	struct figuring *x = arg;

	x->v[i].book = i;
	x->v[i].district = x->r->district[i];
	figures(&x->r->book[i], &x->ledgers[i], &x->v[i]);
}

void
vl_district_rank_add(struct vl_district_rank *all,
    const struct vl_district_rank *d)
{
	size_t k;

	all->projects += d->projects;
	all->villages += d->villages;
	all->started += d->started;
	all->completed += d->completed;
	all->overdue += d->overdue;
	for (k = 0; k < VL_OD_NKINDS; k++)
		all->late[k] += d->late[k];
	vl_money_total(&all->plan, d->plan, "plan");
	vl_money_total(&all->received, d->received, "received");
	vl_money_total(&all->allocated, d->allocated, "allocated");
	vl_money_total(&all->spent, d->spent, "spent");
	all->narrowed |= d->narrowed;
}

/* better first; 0 when equal for a circular */
static int
rank_cmp(const struct vl_district_rank *a, const struct vl_district_rank *b)
{
	if (a->started_pm != b->started_pm)
		return a->started_pm > b->started_pm ? -1 : 1;
	if (a->completed_pm != b->completed_pm)
		return a->completed_pm > b->completed_pm ? -1 : 1;
	if (a->overdue != b->overdue)
		return a->overdue < b->overdue ? -1 : 1;
	if (a->received_pm != b->received_pm)
		return a->received_pm > b->received_pm ? -1 : 1;
	return 0;
}

/* districts equal for a circular by name: the same ranking (and the
 * city's summary and briefing) whatever order the registers came in */
static int
by_rank(const void *pa, const void *pb)
{
	const struct vl_district_rank *a = pa, *b = pb;
	int d = rank_cmp(a, b);

	return d ? d : strcmp(a->district, b->district);
}

size_t
vl_district_ranks(const struct vl_rollup *r, const struct vl_ledger *ledgers,
    struct vl_district_rank **list)
{
	struct figuring x = {r, ledgers, vl_xcalloc(r->n + 1, sizeof *x.v)};
	struct vl_district_rank *v = x.v;
	size_t i;

	vl_rollup_each(r->n, figures_of, &x, NULL);
	qsort(v, r->n, sizeof *v, by_rank);
	for (i = 0; i < r->n; i++)	/* equal districts share a rank */
		v[i].rank = i && rank_cmp(&v[i - 1], &v[i]) == 0 ?
		    v[i - 1].rank : (long)i + 1;
	*list = v;
	return r->n;
}

/* ---- what a city sent, what its districts booked ---------------------- */

static long
book_of(const struct vl_rollup *r, const char *district)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (strcmp(r->district[i], district) == 0)
			return (long)i;
	return -1;
}

/* receipts the district booked from the levels of the city's lines */
static int64_t
received_from(const struct vl_plan *city, const struct vl_ledger *l,
    bool human, struct vl_buf *levels)
{
	int64_t sum = 0;
	size_t f, k, lv;

	for (f = 0; f < city->nfunding; f++)
		for (k = 0; k < city->funding[f].nlevels; k++)
			for (lv = 0; lv < l->nlevels; lv++)
				if (strcmp(l->levels[lv], city->funding[f].
				    levels[k]) == 0) {
					vl_money_add(sum, l->level[lv].received,
					    &sum);
					vl_buf_printf(levels, "%s%s",
					    !levels->len ? "" :
					    vl_tr_if(human, ", "), human ?
					    vl_trc("level", l->levels[lv]) :
					    l->levels[lv]);
				}
	return sum;
}

static void
transfer(const struct vl_rollup *r, const struct vl_ledger *ledgers,
    size_t city, const struct vl_ledger *cl, size_t p, bool final,
    bool human, struct vl_transfer *t)
{
	const struct vl_project *d = &r->city[city].projects.v[p];
	struct vl_buf subject = {0}, detail = {0}, levels = {0};
	int64_t sent = vl_ledger_project(cl, p)->allocated, got;
	char g[VL_GAP_BUFSZ], m[VL_MONEY_BUFSZ];

	vl_buf_printf(&subject, "%s -> %s", r->city_name[city], d->id);
	t->book = book_of(r, d->id);
	t->district = d->id;
	t->f = (struct vl_fund_finding){"city-transfer", subject.data, true,
	    false, false, sent, 0, 0, "discrepancy", NULL};
	if (t->book < 0) {
		vl_buf_printf(&detail, vl_tr_if(human, "%s sent %s; the "
		    "register of %s is not in the roll-up"), r->city_name[city],
		    vl_money_format(sent, m), d->id);
		t->f.detail = detail.data;
		return;
	}
	got = received_from(&r->city[city].plan, &ledgers[t->book], human,
	    &levels);
	t->f.has_actual = t->f.has_difference = true;
	t->f.actual = got;
	vl_money_sub(got, sent, &t->f.difference);
	if (got < sent && !final)
		t->f.status = "pending";
	vl_buf_printf(&detail, vl_tr_if(human, "what %s allocated to %s "
	    "against what %s booked as received from %s: %s"),
	    r->city_name[city], d->id, d->id, levels.data ? levels.data : "-",
	    vl_money_gap_for(human, sent, got, g));
	t->f.detail = detail.data;
	vl_buf_free(&levels);
}

size_t
vl_city_transfers(const struct vl_rollup *r, const struct vl_ledger *ledgers,
    const struct vl_ledger *cities, bool final, bool human,
    struct vl_transfer **list)
{
	struct vl_transfer *v = vl_xcalloc(1, sizeof *v);
	size_t n = 0, i, p;

	for (i = 0; i < r->ncity; i++) {
		v = vl_xrealloc(v, (n + r->city[i].projects.n + 1) *
		    sizeof *v);
		for (p = 0; p < r->city[i].projects.n; p++)
			transfer(r, ledgers, i, &cities[i], p, final, human,
			    &v[n++]);
	}
	/* the same sent and booked: nothing to report */
	for (i = p = 0; i < n; i++)
		if (v[i].book < 0 || v[i].f.difference != 0)
			v[p++] = v[i];
		else {
			free((char *)v[i].f.subject);
			free(v[i].f.detail);
		}
	*list = v;
	return p;
}

void
vl_city_transfers_free(struct vl_transfer *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free((char *)list[i].f.subject);
		free(list[i].f.detail);
	}
	free(list);
}
