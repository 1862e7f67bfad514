/*
 * reversals.c - the corrections of a fund journal checked: every
 * negative amount reverses a real entry of the opposite sign, the same
 * magnitude and the same kind, level, source, project and purpose, and
 * an entry is reversed at most once.
 *
 * The ledger keeps no row, and a journal may hold millions: only when
 * it counted corrections is the journal read here, twice and by one
 * thread -- once for the corrections, once for the entries they name --
 * keeping those rows alone.  A row of a register made before the
 * reverses column that names its entry in its note ("冲销 #108") is
 * taken as reversing that entry, by the same rules.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/i18n.h"
#include "base/money.h"
#include "register/funds.h"
#include "register/schema.h"
#include "rules/reversals.h"

struct entry {
	char *id, *target, *key;
	int64_t amount;
	long line;
	bool correction, by_note, found;
	struct entry *of;	/* the entry a correction names */
	struct entry *by;	/* the first correction reversing it */
};

struct pass {
	struct entry *v;
	size_t n;
	struct vl_projects index;	/* ids: v's index in line */
	bool targets;		/* the second pass */
};

static char *
key_of(const struct vl_fund *f)
{
	struct vl_buf k = {0};

	vl_buf_printf(&k, "%s/%s/%s/%s/%s", vl_kinds[f->kind], f->level,
	    f->source, f->project, f->purpose);
	return k.data;
}

/* "#108" in a note: the entry an old register's correction named */
static char *
named_in_note(const char *note)
{
	const char *h = strchr(note, '#'), *e;

	if (!h)
		return NULL;
	for (e = ++h; *e && (isalnum((unsigned char)*e) || *e == '-' ||
	    *e == '_'); e++)
		;
	if (e == h)
		return NULL;
	return strndup(h, (size_t)(e - h));
}

static void
keep(struct pass *p, const struct vl_fund *f, char *target, bool by_note)
{
	struct entry *e;

	if ((p->n & (p->n - 1)) == 0)
		p->v = vl_xrealloc(p->v, (p->n ? 2 * p->n : 1) * sizeof *p->v);
	e = &p->v[p->n++];
	*e = (struct entry){vl_xstrdup(f->id), target, key_of(f), f->amount,
	    f->line, f->amount < 0 || *f->reverses, by_note, false, NULL,
	    NULL};
}

static int
on_correction(const struct vl_fund *f, void *ctx)
{
	struct pass *p = ctx;
	char *target = NULL;
	bool by_note = false;

	if (f->amount >= 0 && !*f->reverses)
		return 0;
	if (*f->reverses)
		target = vl_xstrdup(f->reverses);
	else if ((target = named_in_note(f->note)) != NULL)
		by_note = true;
	keep(p, f, target, by_note);
	return 0;
}

static int
on_target(const struct vl_fund *f, void *ctx)
{
	struct pass *p = ctx;
	const struct vl_project *t = vl_projects_find(&p->index, f->id);
	struct entry *e;

	if (!t)
		return 0;
	e = &p->v[t->line];
	if (e->found)
		return 0;	/* a duplicate id: the first one counts */
	e->found = true;
	e->key = key_of(f);
	e->amount = f->amount;
	e->line = f->line;
	e->correction = f->amount < 0 || *f->reverses;
	return 0;
}

static int
read_journal(const struct vl_book *b, vl_fund_fn fn, void *ctx)
{
	char *path = vl_reg_path(&b->reg, "funds.csv");
	struct vl_journal j = {path, vl_book_display(b, "funds.csv"),
	    b->as_of, b->encoding, true, &b->plan};
	int status = VL_OK;

	if (vl_reg_exists(&b->reg, "funds.csv"))
		status = vl_fund_read(&j, fn, ctx, NULL);
	free(path);
	return status;
}

/* The entries the corrections name, one each, found in a second pass. */
static int
find_targets(const struct vl_book *b, struct pass *c, struct pass *t)
{
	const struct vl_project *had;
	struct vl_project x = {0};
	size_t i;

	for (i = 0; i < c->n; i++) {
		if (!c->v[i].target)
			continue;
		if ((had = vl_projects_find(&t->index, c->v[i].target))) {
			c->v[i].of = (struct entry *)(uintptr_t)had->line;
			continue;
		}
		if ((t->n & (t->n - 1)) == 0)
			t->v = vl_xrealloc(t->v, (t->n ? 2 * t->n : 1) *
			    sizeof *t->v);
		t->v[t->n] = (struct entry){vl_xstrdup(c->v[i].target), NULL,
		    NULL, 0, 0, false, false, false, NULL, NULL};
		x.id = vl_xstrdup(c->v[i].target);
		x.line = (long)t->n;
		vl_projects_add(&t->index, &x);
		c->v[i].of = (struct entry *)(uintptr_t)t->n++;
	}
	/* indexes into t->v until it stops moving: pointers now */
	for (i = 0; i < c->n; i++)
		if (c->v[i].target)
			c->v[i].of = &t->v[(uintptr_t)c->v[i].of];
	return t->n ? read_journal(b, on_target, t) : VL_OK;
}

static void
problem(struct vl_reversals *r, const struct entry *e, const char *fmt, ...)
{
	struct vl_reversal *p;
	va_list ap;

	if ((r->n & (r->n - 1)) == 0)
		r->v = vl_xrealloc(r->v, (r->n ? 2 * r->n : 1) * sizeof *r->v);
	p = &r->v[r->n++];
	p->id = vl_xstrdup(e->id);
	p->line = e->line;
	p->amount = e->amount;
	p->detail = (struct vl_buf){0};
	va_start(ap, fmt);
	vl_buf_vprintf(&p->detail, vl_tr_if(r->human, fmt), ap);
	va_end(ap);
}

static void
judge(struct vl_reversals *r, struct entry *c)
{
	struct entry *of = c->of;
	char want[VL_MONEY_BUFSZ];

	if (c->amount >= 0)
		problem(r, c, "entry %s reverses %s with an amount not below "
		    "zero", c->id, c->target);
	else if (!of)
		problem(r, c, "entry %s: a negative amount that names no "
		    "entry it reverses (reverses)", c->id);
	else if (!of->found)
		problem(r, c, "entry %s reverses %s, which is not in the "
		    "journal", c->id, c->target);
	else if (of->correction)
		problem(r, c, "entry %s reverses %s, itself a correction",
		    c->id, c->target);
	else if (strcmp(of->key, c->key) != 0 || of->amount == INT64_MIN ||
	    c->amount != -of->amount)
		problem(r, c, "entry %s is not the exact negation of %s (%s, "
		    "the same kind, level, source, project and purpose)",
		    c->id, c->target, vl_money_format(of->amount == INT64_MIN ?
		    0 : -of->amount, want));
	else if (of->by)
		problem(r, c, "entry %s reverses %s, reversed already by %s",
		    c->id, c->target, of->by->id);
	else
		of->by = c;
}

static void
pass_free(struct pass *p)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		free(p->v[i].id);
		free(p->v[i].target);
		free(p->v[i].key);
	}
	free(p->v);
	vl_projects_free(&p->index);
}

int
vl_reversals_check(const struct vl_book *b, bool human,
    struct vl_reversals *r)
{
	struct pass c = {0}, t = {0};
	int status;
	size_t i;

	memset(r, 0, sizeof *r);
	r->human = human;
	status = read_journal(b, on_correction, &c);
	if (status == VL_OK)
		status = find_targets(b, &c, &t);
	for (i = 0; status == VL_OK && i < c.n; i++)
		judge(r, &c.v[i]);
	for (i = 0; i < c.n; i++)
		r->by_note += c.v[i].by_note;
	pass_free(&c);
	pass_free(&t);
	return status;
}

void
vl_reversals_free(struct vl_reversals *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		free(r->v[i].id);
		vl_buf_free(&r->v[i].detail);
	}
	free(r->v);
	memset(r, 0, sizeof *r);
}
