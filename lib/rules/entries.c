/*
 * entries.c - a progress or fund entry refused at write time when it
 * would make the register's history impossible: a second start, a
 * completion before the start, an expense above what was allocated, a
 * reversal that negates nothing.  Each message says what to do instead.
 *
 * The rows already in the file are seen once (vl_batch's seen), each
 * project's state kept; the rows of the batch then change it as they
 * are taken, so a batch is judged as if its rows were added one by one.
 */
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/i18n.h"
#include "base/money.h"
#include "register/funds.h"
#include "rules/entries.h"

/* ---- progress ---------------------------------------------------------- */

struct stage_row {		/* a stage's entry, not voided */
	char *id;
	vl_date date;
};

struct entry_state {
	size_t n;			/* projects */
	struct stage_row (*stage)[2];	/* per project: started, completed */
	int64_t (*money)[2];		/* per project: allocated, spent */
	int64_t kind_total[3];		/* per kind, for the 64-bit range */
	struct vl_projects entries;	/* fund ids: index into fund */
	struct fund_row *fund;
	size_t nfund;
};

struct fund_row {
	char *key;		/* kind, level, source, project, purpose */
	char *id, *reversed_by;	/* reversed_by: NULL while not */
	int64_t amount;
	bool reversal;
};

static struct entry_state *
state_of(struct vl_batch *b)
{
	struct entry_state *s = b->ctx;

	if (!s->stage) {
		s->n = b->book.projects.n;
		s->stage = vl_xcalloc(s->n + 1, sizeof *s->stage);
		s->money = vl_xcalloc(s->n + 1, sizeof *s->money);
	}
	return s;
}

static vl_date
date_of(const struct vl_record *r, const char *field)
{
	const char *why;
	vl_date d;

	return vl_date_parse(vl_field(r, field), &d, &why) == 0 ? d :
	    VL_NODATE;
}

static int
stage_index(const struct vl_record *r)
{
	return strcmp(vl_field(r, "stage"), "completed") == 0;
}

static void
take_stage(struct entry_state *s, long p, int st, const char *id,
    vl_date d)
{
	struct stage_row *row = &s->stage[p][st];

	if (row->id && row->date <= d)
		return;		/* the first one counts, as readers count */
	free(row->id);
	row->id = vl_xstrdup(id);
	row->date = d;
}

static int
progress_seen(struct vl_batch *b, const struct vl_record *r)
{
	struct entry_state *s = state_of(b);
	long p = vl_projects_index(&b->book.projects, vl_field(r, "project"));
	vl_date d = date_of(r, "date");

	if (p < 0 || d == VL_NODATE || *vl_field(r, "voided"))
		return 0;
	take_stage(s, p, stage_index(r), b->row_id, d);
	return 0;
}

static int
second_stage(const struct vl_record *r, const struct stage_row *had)
{
	char d[VL_DATE_BUFSZ];

	vl_errat(r->file, r->line, "stage", "%s has %s progress already "
	    "(progress %s, %s): if that one is wrong, void progress %s first "
	    "(vl-add void progress %s --reason TEXT)", vl_field(r, "project"),
	    vl_field(r, "stage"), had->id, vl_date_format(had->date, d),
	    had->id, had->id);
	return 1;
}

/* started once; completed once, after a start and not before it */
static int
progress_rule(struct vl_batch *b, const struct vl_record *r)
{
	struct entry_state *s = state_of(b);
	long p = vl_projects_index(&b->book.projects, vl_field(r, "project"));
	int st = stage_index(r);
	vl_date d = date_of(r, "date");
	const struct stage_row *start;
	char day[VL_DATE_BUFSZ];

	if (p < 0 || d == VL_NODATE)
		return 0;	/* the schema said so */
	if (s->stage[p][st].id)
		return second_stage(r, &s->stage[p][st]);
	start = &s->stage[p][0];
	if (st == 1 && !start->id) {
		vl_errat(r->file, r->line, "stage", "%s has no started progress: "
		    "record its start first (vl-add progress --project %s "
		    "--stage started --date D)", vl_field(r, "project"),
		    vl_field(r, "project"));
		return 1;
	}
	if (st == 1 && d < start->date) {
		vl_errat(r->file, r->line, "date", "completed %s is before %s "
		    "started (%s, progress %s): give the right --date, or void "
		    "progress %s first if the start is wrong",
		    vl_field(r, "date"), vl_field(r, "project"),
		    vl_date_format(start->date, day), start->id, start->id);
		return 1;
	}
	take_stage(s, p, st, b->row_id, d);
	return 0;
}

/* ---- funds ------------------------------------------------------------- */

static enum vl_kind
kind_of(const struct vl_record *r)
{
	const char *k = vl_field(r, "kind");

	return strcmp(k, "receipt") == 0 ? VL_RECEIPT : strcmp(k,
	    "allocation") == 0 ? VL_ALLOCATION : VL_EXPENSE;
}

static int64_t
amount_of(const struct vl_record *r)
{
	const char *why;
	int64_t fen = 0;

	vl_money_parse(vl_field(r, "amount"), &fen, &why);
	return fen;
}

/* what a reversal must repeat of the entry it negates */
static char *
fund_key(const struct vl_record *r)
{
	struct vl_buf k = {0};

	vl_buf_printf(&k, "%s/%s/%s/%s/%s", vl_field(r, "kind"),
	    vl_field(r, "level"), vl_field(r, "source"), vl_field(r, "project"),
	    vl_field(r, "purpose"));
	return k.data;
}

static struct fund_row *
fund_find(const struct entry_state *s, const char *id)
{
	const struct vl_project *e = vl_projects_find(&s->entries, id);

	return e ? &s->fund[e->line] : NULL;
}

/* An entry taken: its sums moved, a reversal marks what it negates. */
static void
fund_take(struct entry_state *s, struct vl_batch *b,
    const struct vl_record *r)
{
	long p = vl_projects_index(&b->book.projects, vl_field(r, "project"));
	enum vl_kind k = kind_of(r);
	int64_t fen = amount_of(r);
	const char *rev = vl_field(r, "reverses");
	struct vl_project e = {0};
	struct fund_row *row, *of;

	if (p >= 0 && k != VL_RECEIPT)
		vl_money_add(s->money[p][k == VL_EXPENSE], fen,
		    &s->money[p][k == VL_EXPENSE]);
	vl_money_add(s->kind_total[k], fen, &s->kind_total[k]);
	if ((s->nfund & (s->nfund - 1)) == 0)
		s->fund = vl_xrealloc(s->fund, (s->nfund ? 2 * s->nfund : 1) *
		    sizeof *s->fund);
	row = &s->fund[s->nfund];
	*row = (struct fund_row){fund_key(r), vl_xstrdup(b->row_id), NULL,
	    fen, *rev != '\0'};
	if (*rev && (of = fund_find(s, rev)) && !of->reversed_by)
		of->reversed_by = vl_xstrdup(b->row_id);
	e.id = vl_xstrdup(b->row_id);
	e.line = (long)s->nfund++;
	if (*e.id && !vl_projects_find(&s->entries, e.id))
		vl_projects_add(&s->entries, &e);
	else
		free(e.id);
}

static int
fund_seen(struct vl_batch *b, const struct vl_record *r)
{
	fund_take(state_of(b), b, r);
	return 0;
}

/* A reversal is the exact negation of a real entry, made once. */
static int
check_reversal(const struct entry_state *s, const struct vl_record *r,
    int64_t fen)
{
	const char *rev = vl_field(r, "reverses");
	const struct fund_row *of = fund_find(s, rev);
	char *key = fund_key(r), want[VL_MONEY_BUFSZ];
	int bad = 1;

	if (!of)
		vl_errat(r->file, r->line, "reverses", "no fund entry \"%s\" "
		    "to reverse", rev);
	else if (of->reversal)
		vl_errat(r->file, r->line, "reverses", "entry %s is itself a "
		    "reversal, which is never reversed: record the entry "
		    "again instead", rev);
	else if (of->reversed_by)
		vl_errat(r->file, r->line, "reverses", "entry %s was reversed "
		    "already, by entry %s", rev, of->reversed_by);
	else if (strcmp(key, of->key) != 0 || fen != -of->amount)
		vl_errat(r->file, r->line, "reverses", "a reversal is the exact "
		    "negation of entry %s: the same kind, level, source, "
		    "project and purpose, and the amount %s (vl-add fund "
		    "--reverses %s --reason TEXT writes it)", rev,
		    vl_money_format(-of->amount, want), rev);
	else
		bad = 0;
	free(key);
	return bad;
}

/* The amount's sign: zero is nothing, a negative one a reversal. */
static int
check_sign(const struct entry_state *s, const struct vl_record *r,
    int64_t fen)
{
	if (fen == 0) {
		vl_errat(r->file, r->line, "amount", "a zero amount records "
		    "nothing; leave the entry out");
		return 1;
	}
	if (*vl_field(r, "reverses"))
		return check_reversal(s, r, fen);
	if (fen < 0) {
		vl_errat(r->file, r->line, "amount", "%s: a negative amount "
		    "undoes an entry: reverse that entry instead (vl-add fund "
		    "--reverses ID --reason TEXT)", vl_field(r, "amount"));
		return 1;
	}
	return 0;
}

static int
over_budget(const struct vl_batch *b, const struct vl_record *r, long p,
    int64_t now)
{
	const struct vl_project *pr = &b->book.projects.v[p];
	char m[4][VL_MONEY_BUFSZ];

	if (now <= pr->budget)
		return 0;
	vl_errat(r->file, r->line, "amount", "%s: budget %s, allocated %s, "
	    "this allocation %s: over the budget by %s; amend the budget "
	    "first (vl-add amend project %s --budget AMT --reason TEXT) or "
	    "allocate less", pr->id, vl_money_format(pr->budget, m[0]),
	    vl_money_format(now - amount_of(r), m[1]),
	    vl_money_format(amount_of(r), m[3]),
	    vl_money_format(now - pr->budget, m[2]), pr->id);
	return 1;
}

static int
over_allocation(const struct vl_record *r, const int64_t *money,
    int64_t now)
{
	char m[4][VL_MONEY_BUFSZ];

	if (now <= money[0])
		return 0;
	vl_errat(r->file, r->line, "amount", "%s: allocated %s, spent %s, "
	    "this expense %s: over by %s; record the allocation first",
	    vl_field(r, "project"), vl_money_format(money[0], m[0]),
	    vl_money_format(money[1], m[1]), vl_money_format(amount_of(r),
	    m[3]), vl_money_format(now - money[0], m[2]));
	return 1;
}

/* A project's sums after the entry: within the 64-bit range, never
 * negative, allocations within the budget, spending within them. */
static int
check_sums(struct entry_state *s, const struct vl_batch *b,
    const struct vl_record *r, int64_t fen)
{
	long p = vl_projects_index(&b->book.projects, vl_field(r, "project"));
	enum vl_kind k = kind_of(r);
	int64_t now, total;
	int i = k == VL_EXPENSE;

	if (!vl_money_add(s->kind_total[k], fen, &total) || (p >= 0 &&
	    k != VL_RECEIPT && !vl_money_add(s->money[p][i], fen, &now))) {
		vl_errat(r->file, r->line, "amount", "%s would take the sum of "
		    "%s entries out of the 64-bit range: a typing slip?",
		    vl_field(r, "amount"), vl_field(r, "kind"));
		return 1;
	}
	if (p < 0 || k == VL_RECEIPT)
		return 0;
	if (now < 0) {
		vl_errat(r->file, r->line, "amount", "%s: this would drive the "
		    "project's net %s negative (%s now)", vl_field(r,
		    "project"), i ? vl_tr("spending") : vl_tr("allocations"),
		    vl_field(r, "amount"));
		return 1;
	}
	if (fen < 0)
		return 0;	/* a reversal only ever lowers a sum */
	return i ? over_allocation(r, s->money[p], now) :
	    over_budget(b, r, p, now);
}

static int
fund_rule(struct vl_batch *b, const struct vl_record *r)
{
	struct entry_state *s = state_of(b);
	int64_t fen = amount_of(r);
	int bad = check_sign(s, r, fen);

	if (!bad)
		bad = check_sums(s, b, r, fen);
	if (!bad)
		fund_take(s, b, r);
	return bad;
}

/* ---- the batch's rules --------------------------------------------------- */

void
vl_entries_rules(struct vl_batch *b)
{
	b->ctx = vl_xcalloc(1, sizeof(struct entry_state));
	if (b->spec == &vl_progress_spec) {
		b->seen = progress_seen;
		b->rule = progress_rule;
	} else if (b->spec == &vl_funds_spec) {
		b->seen = fund_seen;
		b->rule = fund_rule;
	}
}

void
vl_entries_free(struct vl_batch *b)
{
	struct entry_state *s = b->ctx;
	size_t i;

	if (!s)
		return;
	for (i = 0; s->stage && i < s->n; i++)
		free(s->stage[i][0].id), free(s->stage[i][1].id);
	for (i = 0; i < s->nfund; i++) {
		free(s->fund[i].key);
		free(s->fund[i].id);
		free(s->fund[i].reversed_by);
	}
	free(s->stage);
	free(s->money);
	free(s->fund);
	vl_projects_free(&s->entries);
	free(s);
	b->ctx = NULL;
}
