/*
 * sums.c - a fund journal summed by a key (vl-fund sum): every group's
 * sum exact, overflow-checked, in memory that grows with the groups, not
 * with the rows.
 */
#include <string.h>

#include "base/err.h"
#include "base/money.h"
#include "register/schema.h"
#include "rules/standing.h"
#include "rules/sums.h"

const char *const vl_sum_keys[] = {"level", "source", "kind", "purpose",
    "project", "town", "district", NULL};

#define NCHOICE 8	/* levels or kinds, and none */

struct summing {		/* one a part of the journal */
	enum vl_sum_key by;
	int kind;		/* an enum vl_kind, or VL_ALL_KINDS */
	const struct vl_book *b;	/* for towns */
	const struct vl_filter *f;	/* NULL: every row */
	struct vl_groups g;
	bool overflow;
	/* by level or kind, a choice: its group's index + 1, found once */
	size_t group_of[NCHOICE];
	/* other funds (多方筹集), by any key but level: one group apart
	 * (VL_FUNDS_OTHER), never in the special fund's; plan NULL: none */
	const struct vl_plan *plan;
	bool other[NCHOICE];	/* a level of other funds, by index */
};

int
vl_sum_kind(enum vl_sum_key by)
{
	static const int kind[] = {
		[VL_BY_LEVEL] = VL_RECEIPT, [VL_BY_SOURCE] = VL_RECEIPT,
		[VL_BY_KIND] = VL_ALL_KINDS, [VL_BY_PURPOSE] = VL_EXPENSE,
		[VL_BY_PROJECT] = VL_ALLOCATION, [VL_BY_TOWN] = VL_ALLOCATION,
		[VL_BY_DISTRICT] = VL_RECEIPT
	};

	return kind[by];
}

static const char *
key_of(const struct summing *s, const struct vl_fund *f)
{
	const struct vl_project *p;

	switch (s->by) {
	case VL_BY_LEVEL:
		return f->level;
	case VL_BY_SOURCE:
		return f->source;
	case VL_BY_KIND:
		return vl_kinds[f->kind];
	case VL_BY_PURPOSE:
		return f->purpose;
	case VL_BY_PROJECT:
		return f->project;
	case VL_BY_DISTRICT:	/* the register's own name */
		return s->b && s->b->plan.district ? s->b->plan.district : "";
	case VL_BY_TOWN:
		break;
	}
	p = vl_projects_find(&s->b->projects, f->project);
	return p ? p->town : "";
}

/* The key is one of a few choices: its group is found by the choice's
 * index, not by hashing the key of every row. */
static bool
add_choice(struct summing *s, const char *key, int choice,
    const struct vl_fund *f)
{
	size_t *slot = &s->group_of[choice + 1];
	struct vl_group *g;

	if (!*slot) {
		if (!vl_groups_add(&s->g, key, f->amount, f->line))
			return false;
		*slot = (size_t)(vl_groups_find(&s->g, key) - s->g.v) + 1;
		return true;
	}
	g = &s->g.v[*slot - 1];
	if (!vl_money_add(g->amount, f->amount, &g->amount))
		return false;
	g->count++;
	return true;
}

/* does row f's project pass the filter?  (NULL columns where it names
 * none, or one the register does not know, but its id) */
static bool
passes(const struct summing *s, const struct vl_fund *f)
{
	const char *row[VL_NFC] = {NULL};

	vl_filter_project_row(row, vl_projects_find(&s->b->projects,
	    f->project));
	row[VL_FC_PROJECT] = *f->project ? f->project : NULL;
	return vl_filter_row(s->f, row);
}

/* is row f of other funds, summed apart? */
static bool
other_funds(const struct summing *s, const struct vl_fund *f)
{
	if (!s->plan || f->level_index < 0)
		return false;
	return f->level_index < NCHOICE ? s->other[f->level_index] :
	    vl_plan_other_level(s->plan, f->level);
}

static int
on_sum(const struct vl_fund *f, void *ctx)
{
	struct summing *s = ctx;
	const char *key;
	bool ok;

	if (s->kind != VL_ALL_KINDS && (int)f->kind != s->kind)
		return 0;
	if (s->f && !passes(s, f))
		return 0;
	key = key_of(s, f);
	if (other_funds(s, f))
		ok = vl_groups_add(&s->g, key = VL_FUNDS_OTHER, f->amount,
		    f->line);
	else if (s->by == VL_BY_LEVEL && f->level_index + 1 < NCHOICE)
		ok = add_choice(s, key, f->level_index, f);
	else if (s->by == VL_BY_KIND)
		ok = add_choice(s, key, (int)f->kind, f);
	else
		ok = vl_groups_add(&s->g, key, f->amount, f->line);
	if (!ok && !s->overflow) {
		s->overflow = true;
		vl_errat(f->file, f->line, "amount", "the sum of %s \"%s\" "
		    "overflows the 64-bit range of fen", vl_sum_keys[s->by],
		    key);
	}
	return 0;
}

/* a later part sums by the same key into groups of its own */
static void
part_init(void *part, const void *first, void *arg)
{
	const struct summing *s = first;
	struct summing *p = part;

	(void)arg;
	*p = *s;
	p->g = (struct vl_groups){0};
	p->overflow = false;
	memset(p->group_of, 0, sizeof p->group_of);
}

/* in order, so each group keeps its first line; no sum of these rows
 * can overflow (vl_fund_read) */
static void
part_merge(void *first, void *part, void *arg)
{
	(void)arg;
	vl_groups_merge(&((struct summing *)first)->g,
	    &((struct summing *)part)->g);
}

static void
part_free(void *part, void *arg)
{
	(void)arg;
	vl_groups_free(&((struct summing *)part)->g);
}

/* the journal read again as one: the first part's sums as new */
static void
part_reset(void *first, void *arg)
{
	struct summing *s = first;

	(void)arg;
	vl_groups_free(&s->g);
	s->overflow = false;
	memset(s->group_of, 0, sizeof s->group_of);
}

int
vl_fund_sum(const struct vl_journal *j, enum vl_sum_key by, int kind,
    const struct vl_book *b, const struct vl_filter *f,
    struct vl_groups *g)
{
	struct vl_gather parts = {sizeof(struct summing), part_init,
	    part_merge, part_free, NULL, part_reset, NULL};
	struct summing s = {by, kind, b, f, {0}, false, {0}, NULL, {false}};
	const char *const *levels;
	size_t k;
	int status;

	if (j->plan && by != VL_BY_LEVEL && vl_plan_has_other(j->plan)) {
		s.plan = j->plan;
		levels = vl_plan_levels(j->plan);
		for (k = 0; k < NCHOICE && levels[k]; k++)
			s.other[k] = vl_plan_other_level(j->plan, levels[k]);
	}
	status = vl_fund_read(j, on_sum, &s, &parts);

	if (status == VL_OK && s.overflow)
		status = VL_BADINPUT;
	vl_groups_sort(&s.g);
	*g = s.g;
	return status;
}
