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
#include "rules/fund_days.h"

/* ---- progress ---------------------------------------------------------- */

struct stage_row {		/* a stage's entry, not voided */
	char *id;
	vl_date date;
	long line;		/* a row of the batch, not written yet: its
				 * line; 0: a row of the file */
};

struct entry_state {
	size_t n;			/* projects */
	/* per project, nstages each: started, the plan's milestones,
	 * completed */
	struct stage_row *stage;
	size_t nstages;
	int64_t (*money)[2];		/* per project: allocated, spent */
	struct vl_fund_days *days;	/* per project: the same by day */
	int64_t kind_total[3];		/* per kind, for the 64-bit range */
	/* the special fund's receipts and allocations, every project's
	 * (other funds not), the one held within the other as vl-fund
	 * check holds them */
	int64_t fund_total[2];
	/* the same by day: received as "allocated", allocated as "spent",
	 * so that a receipt reversed is held to every day as an
	 * allocation reversed is */
	struct vl_fund_days fund_days;
	/* other funds (多方筹集), per level of the plan's: received and
	 * spent, held one within the other as vl-fund check holds them;
	 * and the same by day */
	int64_t (*other)[2];
	struct vl_fund_days *other_days;
	size_t nother;			/* the plan's levels + 1 */
	/* fund entries, by their index among the batch's ids (b->ids):
	 * a few bytes each, as a journal of millions is read by every add */
	struct fund_row *fund;
	size_t nfund;
};

struct fund_row {
	uint64_t key;		/* kind, level, source, project, purpose,
				 * hashed; 0: no entry of that index */
	int64_t amount;
	/* its reversal's index + 1, or 0; a row of the batch (its id
	 * not written): BATCH_ROW | its line */
	size_t reversed_by;
	bool reversal;
	vl_date date;		/* VL_NODATE: none that parses */
};

static struct entry_state *
state_of(struct vl_batch *b)
{
	struct entry_state *s = b->ctx;

	if (!s->stage) {
		s->n = b->book.projects.n;
		s->nstages = b->book.plan.nmilestones + 2;
		s->stage = vl_xcalloc((s->n + 1) * s->nstages,
		    sizeof *s->stage);
		s->money = vl_xcalloc(s->n + 1, sizeof *s->money);
		s->days = vl_xcalloc(s->n + 1, sizeof *s->days);
		s->nother = b->book.plan.nlevels + 1;
		s->other = vl_xcalloc(s->nother, sizeof *s->other);
		s->other_days = vl_xcalloc(s->nother, sizeof *s->other_days);
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

/* project p's entry of stage st */
static struct stage_row *
stage_of(const struct entry_state *s, long p, size_t st)
{
	return &s->stage[(size_t)p * s->nstages + st];
}

/* 0 started, 1.. the plan's milestones, nstages - 1 completed; a stage
 * the plan no longer names (a row of before): nstages */
static size_t
stage_index(const struct entry_state *s, const struct vl_batch *b,
    const struct vl_record *r)
{
	const char *name = vl_field(r, "stage");
	int m;

	if (strcmp(name, "started") == 0)
		return 0;
	if (strcmp(name, "completed") == 0)
		return s->nstages - 1;
	m = vl_plan_milestone(&b->book.plan, name);
	return m < 0 ? s->nstages : (size_t)m + 1;
}

static void
take_stage(struct entry_state *s, long p, size_t st, const char *id,
    vl_date d, long line)
{
	struct stage_row *row = stage_of(s, p, st);

	if (row->id && row->date <= d)
		return;		/* the first one counts, as readers count */
	free(row->id);
	row->id = vl_xstrdup(id);
	row->date = d;
	row->line = line;
}

/* The row a refusal is about: "progress ID" in the file, or its line in
 * the batch (its id is not written: nothing is, when one is refused). */
static const char *
ref_of(const struct stage_row *row, struct vl_buf *out)
{
	if (row->line > 0)
		vl_buf_printf(out, vl_tr("line %ld of this file"), row->line);
	else
		vl_buf_printf(out, vl_tr("progress %s"), row->id);
	return out->data;
}

/* What to do when that row is the wrong one: void it, or, a row of the
 * batch, correct its line; long, the command too. */
static const char *
fix_of(const struct stage_row *row, bool long_, struct vl_buf *out)
{
	if (row->line > 0)
		vl_buf_printf(out, vl_tr("correct line %ld of this file"),
		    row->line);
	else if (long_)
		vl_buf_printf(out, vl_tr("void progress %s first (vl-add void "
		    "progress %s --reason TEXT)"), row->id, row->id);
	else
		vl_buf_printf(out, vl_tr("void progress %s first"), row->id);
	return out->data;
}

static int
progress_seen(struct vl_batch *b, const struct vl_record *r)
{
	struct entry_state *s = state_of(b);
	long p = vl_projects_index(&b->book.projects, vl_field(r, "project"));
	vl_date d = date_of(r, "date");

	if (p < 0 || d == VL_NODATE || *vl_field(r, "voided"))
		return 0;
	if (stage_index(s, b, r) < s->nstages)
		take_stage(s, p, stage_index(s, b, r), b->row_id, d, 0);
	return 0;
}

static int
second_stage(const struct vl_record *r, const struct stage_row *had)
{
	char d[VL_DATE_BUFSZ];
	struct vl_buf ref = {0}, fix = {0};

	vl_errat(r->file, r->line, "stage", "%s has %s progress already "
	    "(%s, %s): if that one is wrong, %s", vl_field(r, "project"),
	    vl_field(r, "stage"), ref_of(had, &ref), vl_date_format(had->date,
	    d), fix_of(had, true, &fix));
	vl_buf_free(&ref);
	vl_buf_free(&fix);
	return 1;
}

/* The plan's milestones in its order: one not dated before a milestone
 * ahead of it nor after one that follows it (those reached). */
static int
milestone_order(const struct entry_state *s, const struct vl_batch *b,
    const struct vl_record *r, long p, size_t st, vl_date d)
{
	const struct stage_row *m;
	struct vl_buf ref = {0}, fix = {0};
	char day[VL_DATE_BUFSZ];
	size_t k;

	for (k = 1; k + 1 < s->nstages; k++) {
		m = stage_of(s, p, k);
		if (k == st || !m->id || (k < st ? d >= m->date : d <= m->date))
			continue;
		vl_date_format(m->date, day);
		if (k < st)
			vl_errat(r->file, r->line, "date", "%s %s is before %s "
			    "reached %s (%s, %s), which comes before it in the "
			    "plan's milestones: give the right --date, or %s "
			    "if that is wrong", vl_field(r, "stage"),
			    vl_field(r, "date"), vl_field(r, "project"),
			    b->book.plan.milestones[k - 1].name, day,
			    ref_of(m, &ref), fix_of(m, false, &fix));
		else
			vl_errat(r->file, r->line, "date", "%s %s is after %s "
			    "reached %s (%s, %s), which comes after it in the "
			    "plan's milestones: give the right --date, or %s "
			    "if that is wrong", vl_field(r, "stage"),
			    vl_field(r, "date"), vl_field(r, "project"),
			    b->book.plan.milestones[k - 1].name, day,
			    ref_of(m, &ref), fix_of(m, false, &fix));
		vl_buf_free(&ref);
		vl_buf_free(&fix);
		return 1;
	}
	return 0;
}

/* A milestone between the start and the completion: not before the
 * start, not after the completion, in the plan's order. */
static int
milestone_rule(const struct entry_state *s, const struct vl_batch *b,
    const struct vl_record *r, long p, size_t st, vl_date d)
{
	const struct stage_row *start = stage_of(s, p, 0),
	    *done = stage_of(s, p, s->nstages - 1);
	char day[VL_DATE_BUFSZ];
	struct vl_buf ref = {0}, fix = {0};
	int bad = 1;

	if (!start->id) {
		vl_errat(r->file, r->line, "stage", "%s has no started progress: "
		    "record its start first (vl-add progress --project %s "
		    "--stage started --date D)", vl_field(r, "project"),
		    vl_field(r, "project"));
	} else if (d < start->date) {
		vl_errat(r->file, r->line, "date", "%s %s is before %s started "
		    "(%s, %s): a milestone comes between started and "
		    "completed: give the right --date, or %s if the start is "
		    "wrong", vl_field(r, "stage"), vl_field(r, "date"),
		    vl_field(r, "project"), vl_date_format(start->date, day),
		    ref_of(start, &ref), fix_of(start, false, &fix));
	} else if (done->id && d > done->date) {
		vl_errat(r->file, r->line, "stage", "%s %s is after %s was "
		    "completed (%s, %s): a milestone comes between "
		    "started and completed", vl_field(r, "stage"),
		    vl_field(r, "date"), vl_field(r, "project"),
		    vl_date_format(done->date, day), ref_of(done, &ref));
	} else {
		bad = milestone_order(s, b, r, p, st, d);
	}
	vl_buf_free(&ref);
	vl_buf_free(&fix);
	return bad;
}

/* A start not after the completion nor after a milestone reached: a
 * start voided and typed again must still come first. */
static int
start_rule(const struct entry_state *s, const struct vl_batch *b,
    const struct vl_record *r, long p, vl_date d)
{
	const struct stage_row *done = stage_of(s, p, s->nstages - 1), *m;
	char day[VL_DATE_BUFSZ];
	struct vl_buf ref = {0}, fix = {0};
	size_t k;
	int bad = 0;

	if (done->id && d > done->date) {
		vl_errat(r->file, r->line, "date", "started %s is after %s was "
		    "completed (%s, %s): give the right --date, or %s if the "
		    "completion is wrong", vl_field(r, "date"), vl_field(r,
		    "project"), vl_date_format(done->date, day), ref_of(done,
		    &ref), fix_of(done, false, &fix));
		bad = 1;
	}
	for (k = 1; !bad && k + 1 < s->nstages; k++)
		if ((m = stage_of(s, p, k))->id && d > m->date) {
			vl_errat(r->file, r->line, "date", "started %s is after "
			    "%s reached %s (%s, %s): give the right --date, or "
			    "%s if that is wrong", vl_field(r, "date"),
			    vl_field(r, "project"),
			    b->book.plan.milestones[k - 1].name,
			    vl_date_format(m->date, day), ref_of(m, &ref),
			    fix_of(m, false, &fix));
			bad = 1;
		}
	vl_buf_free(&ref);
	vl_buf_free(&fix);
	return bad;
}

/* A completion is not dated after the project passed its acceptance:
 * an acceptance passes only a completed project (vl-inspect add says
 * so of the acceptance; this is the same rule seen from the other
 * side). */
static int
accepted_rule(const struct vl_batch *b, const struct vl_record *r, long p,
    vl_date d)
{
	char day[VL_DATE_BUFSZ];
	vl_date acc;

	if (!b->book.passes || (acc = b->book.passes[p].accepted) ==
	    VL_NODATE || d <= acc)
		return 0;
	vl_errat(r->file, r->line, "date", "completed %s is after %s passed "
	    "its acceptance (%s), which passes only a completed project: "
	    "give the right --date, or void that acceptance first "
	    "(vl-inspect list --project %s --phase acceptance)",
	    vl_field(r, "date"), vl_field(r, "project"),
	    vl_date_format(acc, day), vl_field(r, "project"));
	return 1;
}

/* started once, not after what follows it; each milestone once,
 * between them; completed once, after a start and the milestones
 * reached, not before them */
static int
progress_rule(struct vl_batch *b, const struct vl_record *r)
{
	struct entry_state *s = state_of(b);
	long p = vl_projects_index(&b->book.projects, vl_field(r, "project"));
	size_t st = stage_index(s, b, r), k;
	bool completing = st == s->nstages - 1;
	vl_date d = date_of(r, "date");
	const struct stage_row *start, *m;
	char day[VL_DATE_BUFSZ];
	struct vl_buf ref = {0}, fix = {0};

	if (p < 0 || d == VL_NODATE || st >= s->nstages)
		return 0;	/* the schema said so */
	if (*vl_field(r, "voided"))
		return 0;	/* imported void (a file exported): counts not */
	if (stage_of(s, p, st)->id)
		return second_stage(r, stage_of(s, p, st));
	if (st == 0) {
		if (start_rule(s, b, r, p, d))
			return 1;
		take_stage(s, p, st, b->row_id, d, r->line);
		return 0;
	}
	if (!completing) {
		if (milestone_rule(s, b, r, p, st, d))
			return 1;
		take_stage(s, p, st, b->row_id, d, r->line);
		return 0;
	}
	for (k = 1; completing && k + 1 < s->nstages; k++)
		if ((m = stage_of(s, p, k))->id && d < m->date) {
			vl_errat(r->file, r->line, "date", "completed %s is "
			    "before %s reached %s (%s, %s)",
			    vl_field(r, "date"), vl_field(r, "project"),
			    b->book.plan.milestones[k - 1].name,
			    vl_date_format(m->date, day), ref_of(m, &ref));
			vl_buf_free(&ref);
			return 1;
		}
	start = stage_of(s, p, 0);
	if (completing && !start->id) {
		vl_errat(r->file, r->line, "stage", "%s has no started progress: "
		    "record its start first (vl-add progress --project %s "
		    "--stage started --date D)", vl_field(r, "project"),
		    vl_field(r, "project"));
		return 1;
	}
	if (completing && d < start->date) {
		vl_errat(r->file, r->line, "date", "completed %s is before %s "
		    "started (%s, %s): give the right --date, or %s if the "
		    "start is wrong", vl_field(r, "date"), vl_field(r,
		    "project"), vl_date_format(start->date, day), ref_of(start,
		    &ref), fix_of(start, false, &fix));
		vl_buf_free(&ref);
		vl_buf_free(&fix);
		return 1;
	}
	if (accepted_rule(b, r, p, d))
		return 1;
	take_stage(s, p, st, b->row_id, d, r->line);
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

/* what a reversal must repeat of the entry it negates, hashed (FNV-1a;
 * vl-fund check compares the texts themselves) */
static uint64_t
fund_key(const struct vl_record *r)
{
	static const char *const col[] = {"kind", "level", "source",
	    "project", "purpose"};
	uint64_t h = 0xcbf29ce484222325u;
	const char *v;
	size_t i;

	for (i = 0; i < sizeof col / sizeof col[0]; i++)
		for (v = vl_field(r, col[i]);; v++) {
			h = (h ^ (unsigned char)*v) * 0x100000001b3u;
			if (!*v)
				break;
		}
	return h ? h : 1;
}

static struct fund_row *
fund_find(const struct entry_state *s, const struct vl_batch *b,
    const char *id)
{
	long i = vl_projects_index(&b->ids, id);

	return i >= 0 && (size_t)i < s->nfund && s->fund[i].key ?
	    &s->fund[i] : NULL;
}

/* the id of entry index + 1 */
static const char *
id_of(const struct vl_batch *b, size_t index1)
{
	return b->ids.v[index1 - 1].id;
}

/* The entry a row reverses: its reverses column, or for a negative
 * amount of a register made before that column, "#ID" in its note (as
 * vl-fund check reads it); "" when none.  The id is copied into buf. */
static const char *
reversed(const struct vl_record *r, int64_t fen, char *buf, size_t size)
{
	const char *rev = vl_field(r, "reverses"), *h;
	size_t n;

	if (*rev || fen >= 0 || !(h = strchr(vl_field(r, "note"), '#')))
		return rev;
	n = strspn(++h, "0123456789abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ-_");
	if (n == 0 || n >= size)
		return "";
	memcpy(buf, h, n);
	buf[n] = '\0';
	return buf;
}

/* An entry taken: its sums moved, a reversal marks what it negates. */
/* The project of a fund row whose money is the special fund's, or -1:
 * other funds (多方筹集, a level of the plan's in no funding line) are
 * neither allocated from nor held to the project's budget. */
static long
fund_project(const struct vl_batch *b, const struct vl_record *r)
{
	if (vl_plan_other_level(&b->book.plan, vl_field(r, "level")))
		return -1;
	return vl_projects_index(&b->book.projects, vl_field(r, "project"));
}

/* The index among the plan's levels of a fund row's level of other
 * funds, or -1: the special fund's money. */
static long
other_of(const struct vl_batch *b, const struct vl_record *r)
{
	const struct vl_plan *p = &b->book.plan;
	const char *level = vl_field(r, "level");
	size_t i;

	if (!vl_plan_other_level(p, level))
		return -1;
	for (i = 0; i < p->nlevels; i++)
		if (strcmp(p->levels[i], level) == 0)
			return (long)i;
	return -1;
}

#define BATCH_ROW ((size_t)1 << (sizeof(size_t) * 8 - 1))

/* A fund row taken into the state: one of the file (line 0), or of the
 * batch, passed (its line). */
static void
fund_take(struct entry_state *s, struct vl_batch *b,
    const struct vl_record *r, long line)
{
	long p = fund_project(b, r), o = other_of(b, r);
	long i = vl_projects_index(&b->ids, b->row_id);
	enum vl_kind k = kind_of(r);
	int64_t fen = amount_of(r);
	char named[64];
	const char *rev = reversed(r, fen, named, sizeof named);
	struct fund_row *of;
	size_t n;

	if (p >= 0 && k != VL_RECEIPT) {
		vl_money_add(s->money[p][k == VL_EXPENSE], fen,
		    &s->money[p][k == VL_EXPENSE]);
		vl_fund_days_add(&s->days[p], date_of(r, "date"),
		    k == VL_EXPENSE, fen);
	}
	if (k != VL_EXPENSE && !vl_plan_other_level(&b->book.plan,
	    vl_field(r, "level"))) {
		vl_money_add(s->fund_total[k == VL_ALLOCATION], fen,
		    &s->fund_total[k == VL_ALLOCATION]);
		vl_fund_days_add(&s->fund_days, date_of(r, "date"),
		    k == VL_ALLOCATION, fen);
	}
	if (o >= 0 && k != VL_ALLOCATION) {
		vl_money_add(s->other[o][k == VL_EXPENSE], fen,
		    &s->other[o][k == VL_EXPENSE]);
		vl_fund_days_add(&s->other_days[o], date_of(r, "date"),
		    k == VL_EXPENSE, fen);
	}
	vl_money_add(s->kind_total[k], fen, &s->kind_total[k]);
	if (i < 0)
		return;		/* a row without an id: nothing names it */
	if ((size_t)i >= s->nfund) {
		n = s->nfund;
		s->nfund = (size_t)i + 1 > 2 * n ? (size_t)i + 1 : 2 * n;
		s->fund = vl_xrealloc(s->fund, s->nfund * sizeof *s->fund);
		memset(s->fund + n, 0, (s->nfund - n) * sizeof *s->fund);
	}
	s->fund[i] = (struct fund_row){fund_key(r), fen, 0, *rev != '\0',
	    date_of(r, "date")};
	if (*rev && (of = fund_find(s, b, rev)) && !of->reversed_by)
		of->reversed_by = line > 0 ? BATCH_ROW | (size_t)line :
		    (size_t)i + 1;
}

static int
fund_seen(struct vl_batch *b, const struct vl_record *r)
{
	fund_take(state_of(b), b, r, 0);
	return 0;
}

/* A reversal is the exact negation of a real entry, made once, and
 * not dated before it. */
static int
check_reversal(const struct entry_state *s, const struct vl_batch *b,
    const struct vl_record *r, int64_t fen)
{
	const char *rev = vl_field(r, "reverses");
	const struct fund_row *of = fund_find(s, b, rev);
	char want[VL_MONEY_BUFSZ], day[VL_DATE_BUFSZ];
	uint64_t key = fund_key(r);
	int bad = 1;

	if (!of)
		vl_errat(r->file, r->line, "reverses", "no fund entry \"%s\" "
		    "to reverse", rev);
	else if (!*vl_field(r, "note"))
		/* a correction says why: --reason is the note */
		vl_errat(r->file, r->line, "note", "missing: a reversal says "
		    "why it undoes entry %s (its reason in the note)", rev);
	else if (of->reversal)
		vl_errat(r->file, r->line, "reverses", "entry %s is itself a "
		    "reversal, which is never reversed: record the entry "
		    "again instead", rev);
	else if (of->reversed_by & BATCH_ROW)
		vl_errat(r->file, r->line, "reverses", "entry %s is reversed "
		    "by line %lu of this file already", rev,
		    (unsigned long)(of->reversed_by & ~BATCH_ROW));
	else if (of->reversed_by)
		vl_errat(r->file, r->line, "reverses", "entry %s was reversed "
		    "already, by entry %s", rev, id_of(b, of->reversed_by));
	else if (key != of->key || of->amount == INT64_MIN ||
	    fen != -of->amount)
		vl_errat(r->file, r->line, "reverses", "a reversal is the exact "
		    "negation of entry %s: the same kind, level, source, "
		    "project and purpose, and the amount %s (vl-add fund "
		    "--reverses %s --reason TEXT writes it)", rev,
		    vl_money_format(of->amount == INT64_MIN ? 0 : -of->amount,
		    want), rev);
	else if (date_of(r, "date") < of->date)
		/* undone before it was done: as of a day between, the
		 * reversal would stand and the entry not */
		vl_errat(r->file, r->line, "date", "%s is before entry %s "
		    "(%s): a reversal is dated on or after the entry it "
		    "reverses; give --date %s or later", vl_field(r, "date"),
		    rev, vl_date_format(of->date, day), day);
	else
		bad = 0;
	return bad;
}

/* The amount's sign: zero is nothing, a negative one a reversal. */
static int
check_sign(const struct entry_state *s, const struct vl_batch *b,
    const struct vl_record *r, int64_t fen)
{
	if (fen == 0) {
		vl_errat(r->file, r->line, "amount", "a zero amount records "
		    "nothing; leave the entry out");
		return 1;
	}
	if (*vl_field(r, "reverses"))
		return check_reversal(s, b, r, fen);
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

/* An allocation within the budget in the journal's total, not as of a
 * day from its own: an allocation reversed later stands until then, and
 * vl-fund check as of such a day finds the allocations over the budget
 * (the budget as it stands: --as-of reads no amend). */
static int
over_budget_dated(const struct entry_state *s, const struct vl_batch *b,
    const struct vl_record *r, long p, int64_t fen)
{
	const struct vl_project *pr = &b->book.projects.v[p];
	struct vl_fund_day at;
	char m[4][VL_MONEY_BUFSZ], day[VL_DATE_BUFSZ];

	if (vl_fund_days_over(&s->days[p], date_of(r, "date"), fen,
	    pr->budget, &at) == VL_NODATE)
		return 0;
	vl_errat(r->file, r->line, "date", "%s: as of %s budget %s, allocated "
	    "%s, this allocation %s of %s: over the budget by %s; the reversal "
	    "that makes room for it is dated later: give the allocation its "
	    "--date on or after that reversal's", pr->id,
	    vl_date_format(at.date, day), vl_money_format(pr->budget, m[0]),
	    vl_money_format(at.allocated, m[1]), vl_money_format(fen, m[2]),
	    vl_field(r, "date"), vl_money_format(at.allocated + fen -
	    pr->budget, m[3]));
	return 1;
}

/* The sums of project p a row of the journal is held to (an expense, or
 * an allocation reversed) into *at: those of the first day from the
 * row's own on which the project would be short, and true; or the
 * journal's totals, and false, when no such day is found or its sums are
 * the totals. */
static bool
short_day(const struct entry_state *s, const struct vl_record *r, long p,
    bool expense, int64_t fen, struct vl_fund_day *at)
{
	if (vl_fund_days_short(&s->days[p], date_of(r, "date"), expense, fen,
	    at) == VL_NODATE)
		*at = (struct vl_fund_day){VL_NODATE, s->money[p][0],
		    s->money[p][1]};
	return at->date != VL_NODATE && (at->allocated != s->money[p][0] ||
	    at->spent != s->money[p][1]);
}

/* An expense above the allocations: the sums it is held to are those
 * of the first day from its own on which the project would spend more
 * than it was allocated (vl-fund check as of that day would say so),
 * not the journal's totals, which may hold entries dated after that
 * day, after the expense or after the as-of day.  The totals only when
 * no day is short but for the expense (a register short already, or an
 * entry with no date). */
static int
over_allocation(const struct entry_state *s, const struct vl_record *r,
    long p, int64_t fen, int64_t now)
{
	struct vl_fund_day at;
	char m[4][VL_MONEY_BUFSZ], day[VL_DATE_BUFSZ];
	bool dated;

	if (now <= s->money[p][0])
		return 0;
	dated = short_day(s, r, p, true, fen, &at);
	vl_money_format(at.allocated, m[0]);
	vl_money_format(at.spent, m[1]);
	vl_money_format(fen, m[3]);
	vl_money_format(at.spent + fen - at.allocated, m[2]);
	if (!dated)
		vl_errat(r->file, r->line, "amount", "%s: allocated %s, spent "
		    "%s, this expense %s: over by %s; record the allocation "
		    "first", vl_field(r, "project"), m[0], m[1], m[3], m[2]);
	else
		vl_errat(r->file, r->line, "amount", "%s: as of %s allocated "
		    "%s, spent %s, this expense %s: over by %s; record the "
		    "allocation first", vl_field(r, "project"),
		    vl_date_format(at.date, day), m[0], m[1], m[3], m[2]);
	return 1;
}

/* An allocation reversed: what the project spent stays within what is
 * left allocated to it, as a new expense must.  The sums quoted are
 * those of the first day from the reversal's own on which the spending
 * would be over (as over_allocation's), not the journal's totals, which
 * may hold entries dated after it. */
static int
unallocated(const struct entry_state *s, const struct vl_record *r,
    long p, int64_t fen, int64_t now)
{
	struct vl_fund_day at;
	char m[4][VL_MONEY_BUFSZ], day[VL_DATE_BUFSZ];
	bool dated;

	if (s->money[p][1] <= now)
		return 0;
	dated = short_day(s, r, p, false, fen, &at);
	vl_money_format(at.allocated, m[0]);
	vl_money_format(at.spent, m[1]);
	vl_money_format(fen, m[3]);
	vl_money_format(at.spent - (at.allocated + fen), m[2]);
	if (!dated)
		vl_errat(r->file, r->line, "amount", "%s: allocated %s, spent "
		    "%s, this reversal %s: the spending would be over the "
		    "allocations by %s; reverse the expenses first",
		    vl_field(r, "project"), m[0], m[1], m[3], m[2]);
	else
		vl_errat(r->file, r->line, "amount", "%s: as of %s allocated "
		    "%s, spent %s, this reversal %s: the spending would be "
		    "over the allocations by %s; reverse the expenses first",
		    vl_field(r, "project"), vl_date_format(at.date, day), m[0],
		    m[1], m[3], m[2]);
	return 1;
}

/* A receipt reversed dated before what was allocated from it is spent
 * of the days between: as of such a day vl-fund check would find the
 * allocations over the receipts. */
static int
unreceived_on(const struct entry_state *s, const struct vl_record *r,
    int64_t fen)
{
	struct vl_fund_day at;
	char m[4][VL_MONEY_BUFSZ], day[VL_DATE_BUFSZ];

	if (vl_fund_days_short(&s->fund_days, date_of(r, "date"), false, fen,
	    &at) == VL_NODATE)
		return 0;
	vl_errat(r->file, r->line, "date", "as of %s received %s, allocated "
	    "%s, this reversal %s of %s: the allocations would be over the "
	    "receipts by %s; date the reversal later, or reverse "
	    "allocations first", vl_date_format(at.date, day),
	    vl_money_format(at.allocated, m[0]), vl_money_format(at.spent,
	    m[1]), vl_money_format(fen, m[2]), vl_field(r, "date"),
	    vl_money_format(at.spent - (at.allocated + fen), m[3]));
	return 1;
}

/* A receipt reversed: the special fund's allocations stay within what
 * is left received (allocations never exceed receipts), as of every day
 * from the reversal's.  Money not received yet is pending, never
 * refused: only what was allocated from it holds a receipt in place. */
static int
unreceived(const struct entry_state *s, const struct vl_batch *b,
    const struct vl_record *r, int64_t fen)
{
	char m[4][VL_MONEY_BUFSZ];
	int64_t now;

	if (vl_plan_other_level(&b->book.plan, vl_field(r, "level")) ||
	    !vl_money_add(s->fund_total[0], fen, &now))
		return 0;
	if (s->fund_total[1] <= now)
		return unreceived_on(s, r, fen);
	vl_errat(r->file, r->line, "amount", "received %s, allocated %s, "
	    "this reversal %s: the allocations would be over the receipts "
	    "by %s; reverse allocations first", vl_money_format(
	    s->fund_total[0], m[0]), vl_money_format(s->fund_total[1], m[1]),
	    vl_money_format(fen, m[3]), vl_money_format(s->fund_total[1] - now,
	    m[2]));
	return 1;
}

/* An expense, or an allocation reversed, holds as of every day from its
 * own: one dated before the allocation it needs would leave the project
 * spending more than it was allocated as of the days between (vl-fund
 * check as of such a day says so). */
static int
short_dated(const struct entry_state *s, const struct vl_record *r, long p,
    bool spent, int64_t fen)
{
	struct vl_fund_day at;
	char m[4][VL_MONEY_BUFSZ], day[VL_DATE_BUFSZ];
	int64_t over;

	if (vl_fund_days_short(&s->days[p], date_of(r, "date"), spent, fen,
	    &at) == VL_NODATE)
		return 0;
	over = spent ? at.spent + fen - at.allocated : at.spent -
	    (at.allocated + fen);
	vl_money_format(at.allocated, m[0]);
	vl_money_format(at.spent, m[1]);
	vl_money_format(fen, m[2]);
	vl_money_format(over, m[3]);
	vl_date_format(at.date, day);
	/* all the allocations stand by that day: what the totals have
	 * room for is an expense reversed after it */
	if (spent && at.allocated >= s->money[p][0])
		vl_errat(r->file, r->line, "date", "%s: as of %s allocated %s, "
		    "spent %s, this expense %s of %s: over by %s; the reversal "
		    "that makes room for it is dated later: give the expense "
		    "its --date on or after that reversal's",
		    vl_field(r, "project"), day, m[0], m[1], m[2],
		    vl_field(r, "date"), m[3]);
	else if (spent)
		vl_errat(r->file, r->line, "date", "%s: as of %s allocated %s, "
		    "spent %s, this expense %s of %s: over by %s; the "
		    "allocation it needs is dated later: give the expense its "
		    "right --date, or record the allocation first",
		    vl_field(r, "project"), day, m[0], m[1], m[2],
		    vl_field(r, "date"), m[3]);
	else
		vl_errat(r->file, r->line, "date", "%s: as of %s allocated %s, "
		    "spent %s, this reversal %s of %s: the spending would be "
		    "over the allocations by %s; date the reversal later, or "
		    "reverse the expenses first", vl_field(r, "project"), day,
		    m[0], m[1], m[2], vl_field(r, "date"), m[3]);
	return 1;
}

/* Other funds (多方筹集) are spent only as they are received: an
 * expense, or a receipt reversed, that would take a level's spending
 * above its receipts, in all or as of a day from the entry's own (the
 * first such day's sums quoted), is refused as vl-fund check would
 * find it (other-funds). */
static int
other_short(const struct entry_state *s, const struct vl_record *r,
    long o, bool spent, int64_t fen)
{
	struct vl_fund_day at = {VL_NODATE, s->other[o][0], s->other[o][1]};
	int64_t got = at.allocated, out = at.spent;
	char m[4][VL_MONEY_BUFSZ], day[VL_DATE_BUFSZ];
	const char *level = vl_field(r, "level");

	if (!vl_money_add(spent ? out : got, fen, spent ? &out : &got))
		return 0;	/* refused as out of range already */
	if (out <= got && vl_fund_days_short(&s->other_days[o],
	    date_of(r, "date"), spent, fen, &at) == VL_NODATE)
		return 0;
	vl_money_format(at.allocated, m[0]);
	vl_money_format(at.spent, m[1]);
	vl_money_format(fen, m[2]);
	vl_money_format(spent ? at.spent + fen - at.allocated : at.spent -
	    (at.allocated + fen), m[3]);
	if (out > got && spent)
		vl_errat(r->file, r->line, "amount", "%s (other funds): "
		    "received %s, spent %s, this expense %s: over the receipts "
		    "by %s; other funds are spent only as received: record the "
		    "receipt first", level, m[0], m[1], m[2], m[3]);
	else if (out > got)
		vl_errat(r->file, r->line, "amount", "%s (other funds): "
		    "received %s, spent %s, this reversal %s: the spending "
		    "would be over the receipts by %s; reverse the expenses "
		    "first", level, m[0], m[1], m[2], m[3]);
	else if (spent && at.allocated >= s->other[o][0])
		vl_errat(r->file, r->line, "date", "%s (other funds): as of %s "
		    "received %s, spent %s, this expense %s of %s: over the "
		    "receipts by %s; the reversal that makes room for it is "
		    "dated later: give the expense its --date on or after that "
		    "reversal's", level, vl_date_format(at.date, day), m[0],
		    m[1], m[2], vl_field(r, "date"), m[3]);
	else if (spent)
		vl_errat(r->file, r->line, "date", "%s (other funds): as of %s "
		    "received %s, spent %s, this expense %s of %s: over the "
		    "receipts by %s; the receipt it needs is dated later: give "
		    "the expense its right --date, or record the receipt first",
		    level, vl_date_format(at.date, day), m[0], m[1], m[2],
		    vl_field(r, "date"), m[3]);
	else
		vl_errat(r->file, r->line, "date", "%s (other funds): as of %s "
		    "received %s, spent %s, this reversal %s of %s: the "
		    "spending would be over the receipts by %s; date the "
		    "reversal later, or reverse the expenses first", level,
		    vl_date_format(at.date, day), m[0], m[1], m[2],
		    vl_field(r, "date"), m[3]);
	return 1;
}

/* A project's sums after the entry: within the 64-bit range, never
 * negative, allocations within the budget, spending within them.  A
 * reversal lowers a sum, and what rests on it must still hold: the
 * spending on the allocations, the allocations on the receipts. */
static int
check_sums(struct entry_state *s, const struct vl_batch *b,
    const struct vl_record *r, int64_t fen)
{
	long p = fund_project(b, r), o = other_of(b, r);
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
	if (o >= 0 && ((k == VL_RECEIPT && fen < 0) || (k == VL_EXPENSE &&
	    fen > 0)))
		return other_short(s, r, o, k == VL_EXPENSE, fen);
	if (k == VL_RECEIPT)
		return fen < 0 ? unreceived(s, b, r, fen) : 0;
	if (p < 0)
		return 0;
	if (now < 0) {
		vl_errat(r->file, r->line, "amount", "%s: this would drive the "
		    "project's net %s negative (%s now)", vl_field(r,
		    "project"), i ? vl_tr("spending") : vl_tr("allocations"),
		    vl_field(r, "amount"));
		return 1;
	}
	if (fen < 0)
		return i ? 0 : unallocated(s, r, p, fen, now) ||
		    short_dated(s, r, p, false, fen);
	return i ? over_allocation(s, r, p, fen, now) ||
	    short_dated(s, r, p, true, fen) : over_budget(b, r, p, now) ||
	    over_budget_dated(s, b, r, p, fen);
}

static int
fund_rule(struct vl_batch *b, const struct vl_record *r)
{
	struct entry_state *s = state_of(b);
	int64_t fen = amount_of(r);
	int bad = check_sign(s, b, r, fen);

	if (!bad)
		bad = check_sums(s, b, r, fen);
	if (!bad)
		fund_take(s, b, r, r->line);
	return bad;
}

/* ---- the batch's rules --------------------------------------------------- */

/* An imported reversal's audit line, as vl-add fund --reverses writes
 * it: the entry it reverses, the amount and the reason (its note). */
static void
fund_describe(const struct vl_record *r, struct vl_buf *out)
{
	if (*vl_field(r, "reverses"))
		vl_buf_printf(out, "reverses %s: amount %s; reason: %s",
		    vl_field(r, "reverses"), vl_field(r, "amount"),
		    vl_field(r, "note"));
}

void
vl_entries_rules(struct vl_batch *b)
{
	b->ctx = vl_xcalloc(1, sizeof(struct entry_state));
	if (b->spec == &vl_progress_spec) {
		/* the passes are counted of every inspection read; the
		 * progress read too, as readers read it (each row's stage
		 * one of the plan's, say): a file they refuse is not
		 * written to.  The rows are seen again for the rules. */
		b->load = VL_LOAD_INSPECTIONS | VL_LOAD_FAILS |
		    VL_LOAD_PROGRESS;
		b->seen = progress_seen;
		b->rule = progress_rule;
	} else if (b->spec == &vl_funds_spec) {
		b->seen = fund_seen;
		b->rule = fund_rule;
		b->describe = fund_describe;
	}
}

void
vl_entries_free(struct vl_batch *b)
{
	struct entry_state *s = b->ctx;
	size_t i;

	if (!s)
		return;
	for (i = 0; s->stage && i < (s->n + 1) * s->nstages; i++)
		free(s->stage[i].id);
	free(s->stage);
	for (i = 0; s->days && i < s->n + 1; i++)
		vl_fund_days_free(&s->days[i]);
	free(s->days);
	vl_fund_days_free(&s->fund_days);
	for (i = 0; s->other_days && i < s->nother; i++)
		vl_fund_days_free(&s->other_days[i]);
	free(s->other_days);
	free(s->other);
	free(s->money);
	free(s->fund);
	free(s);
	b->ctx = NULL;
}
