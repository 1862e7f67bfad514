/*
 * reconcile.c - do the amounts add up to the total (vl-fund reconcile)?
 * One amount a line, or the amount column of a CSV (what vl-fund sum
 * prints); the equation written out, exact to the fen.
 */
#include <stdio.h>
#include <string.h>

#include "base/err.h"
#include "base/i18n.h"
#include "base/money.h"
#include "base/strbuf.h"
#include "io/csv.h"
#include "register/schema.h"
#include "rules/reconcile.h"
#include "rules/standing.h"

#define MAX_SHOWN 10	/* parts in the equation; more are counted */

struct recon {
	const char *display;
	bool decided;		/* the first line looked at */
	int col;		/* the amount column, or -1: one a line */
	int level;		/* the level column, or -1 */
	const struct vl_plan *plan;	/* whose other funds are left out */
	long left_out;		/* rows of other funds */
	int64_t other;		/* their sum */
	struct vl_header header;	/* the header, when there is one */
	struct vl_buf joined;	/* a line's fields joined again by commas */
	int64_t sum;
	long parts;
	int64_t shown[MAX_SHOWN];
	bool overflow;
};

static void
take(struct recon *r, long line, const char *s)
{
	const char *why;
	int64_t fen;

	if (vl_money_parse(s, &fen, &why) != 0) {
		vl_errat(r->display, line, "amount", "%s: \"%s\"", why, s);
		return;
	}
	if (r->parts < MAX_SHOWN)
		r->shown[r->parts] = fen;
	r->parts++;
	if (!r->overflow && !vl_money_add(r->sum, fen, &r->sum)) {
		r->overflow = true;
		vl_errat(r->display, line, "amount", "the sum overflows the "
		    "64-bit range of fen: \"%s\"", s);
	}
}

/* the column of that name in a header, or -1; a header in Chinese (what
 * vl-fund sum --lang zh --excel wrote: 层级,金额,笔数) names it too */
static int
column(const struct vl_record *rec, const char *name)
{
	size_t i;

	for (i = 0; i < rec->n; i++)
		if (strcmp(rec->field[i], name) == 0 ||
		    strcmp(rec->field[i], vl_tr_zh(NULL, name)) == 0)
			return (int)i;
	return -1;
}

/* a level as written, or the plan's level its Chinese (村自筹) names */
static const char *
level_named(const struct vl_plan *plan, const char *v)
{
	const char *w = vl_word_named("level", vl_plan_levels(plan),
	    v);

	return w ? w : v;
}

/* vl-fund sum's group of other funds, in English or in the Chinese of
 * its key's column (多方筹集) */
static bool
other_group(const char *v)
{
	static const char *const keys[] = {"source", "kind", "purpose",
	    "line", NULL};
	const char *const *k;

	if (strcmp(v, VL_FUNDS_OTHER) == 0)
		return true;
	for (k = keys; *k; k++)
		if (strcmp(v, vl_tr_zh(*k, VL_FUNDS_OTHER)) == 0)
			return true;
	return false;
}

/* a row of other funds (多方筹集): counted apart, never in the sum */
static bool
other_funds(struct recon *r, const struct vl_record *rec)
{
	int64_t fen;
	const char *why;

	/* by level, a level of other funds; by any other key, their one
	 * group (vl-fund sum's) */
	if (!(r->plan && r->level >= 0 && vl_plan_other_level(r->plan,
	    level_named(r->plan, rec->field[r->level]))) &&
	    !(r->col > 0 && other_group(rec->field[0])))
		return false;
	r->left_out++;
	if (vl_money_parse(rec->field[r->col], &fen, &why) == 0)
		vl_money_add(r->other, fen, &r->other);
	return true;
}

/* The line as it was, its commas put back: a column copied out of a
 * spreadsheet holds 36,940.00 without quotes, one amount a line. */
static const char *
whole_line(struct recon *r, const struct vl_record *rec)
{
	size_t i;

	r->joined.len = 0;
	vl_buf_add(&r->joined, "", 0);
	for (i = 0; i < rec->n; i++)
		vl_buf_printf(&r->joined, "%s%s", i ? "," : "", rec->field[i]);
	return r->joined.data;
}

/*
 * The first line decides: a CSV header with an amount column (e.g. what
 * vl-fund sum prints), whose records give that column; else one amount a
 * line.  A first line of fields that make no amount is neither.
 */
static int
on_amount(const struct vl_record *rec, void *ctx)
{
	struct recon *r = ctx;
	const char *line, *why;
	int64_t fen;
	size_t i;

	if (!r->decided) {
		r->decided = true;
		if ((r->col = column(rec, "amount")) >= 0) {
			r->level = column(rec, "level");
			r->header.n = rec->n;
			r->header.name = vl_xcalloc(rec->n,
			    sizeof *r->header.name);
			for (i = 0; i < rec->n; i++)
				r->header.name[i] = vl_xstrdup(rec->field[i]);
			return 0;
		}
		line = whole_line(r, rec);
		if (rec->n > 1 && vl_money_parse(line, &fen, &why) != 0) {
			vl_errat(r->display, rec->line, "amount", "neither one "
			    "amount nor a CSV header with an \"amount\" "
			    "column: \"%s\"", line);
			return VL_BADINPUT;
		}
	}
	if (r->col < 0) {
		take(r, rec->line, whole_line(r, rec));
	} else if (rec->n != r->header.n) {
		vl_csv_ragged(r->display, rec->line, &r->header, rec->n);
	} else if (!other_funds(r, rec)) {
		take(r, rec->line, rec->field[r->col]);
	}
	return 0;
}

static void
equation(const struct recon *r, int64_t total, struct vl_buf *b)
{
	char m[VL_MONEY_BUFSZ], t[VL_MONEY_BUFSZ], g[VL_GAP_BUFSZ];
	int64_t neg;
	long i;

	if (r->parts == 0 || r->parts > MAX_SHOWN)
		vl_buf_printf(b, vl_trn(r->parts, "%ld part", "%ld parts"),
		    r->parts);
	for (i = 0; r->parts <= MAX_SHOWN && i < r->parts; i++) {
		if (i > 0 && r->shown[i] < 0 && vl_money_sub(0, r->shown[i],
		    &neg))
			vl_buf_printf(b, " - %s", vl_money_format(neg, m));
		else
			vl_buf_printf(b, "%s%s", i ? " + " : "",
			    vl_money_format(r->shown[i], m));
	}
	vl_buf_printf(b, " = %s", vl_money_format(r->sum, m));
	/* the equation is for people: its words in their language */
	if (r->sum != total)
		vl_buf_printf(b, vl_tr(" ≠ %s (%s)"),
		    vl_money_format(total, t),
		    vl_money_gap_for(true, total, r->sum, g));
	vl_buf_puts(b, "\n");
	if (r->left_out)
		vl_buf_printf(b, vl_trn(r->left_out, "other funds (多方筹集) "
		    "left out: %ld row, %s\n", "other funds (多方筹集) left "
		    "out: %ld rows, %s\n"), r->left_out,
		    vl_money_format(r->other, m));
}

int
vl_reconcile(const char *path, const char *encoding, int64_t total,
    const struct vl_plan *plan, struct vl_buf *eq)
{
	struct vl_csv_opts opts = {encoding, NULL, NULL, true, false, NULL};
	struct recon r = {0};
	long before = vl_error_count();
	int status;

	r.display = strcmp(path, "-") == 0 ? "stdin" : path;
	r.col = r.level = -1;
	r.plan = plan;
	status = vl_csv_read(path, r.display, &opts, on_amount, &r);
	vl_buf_free(&r.joined);
	vl_header_free(&r.header);
	if (status == VL_OK && vl_error_count() > before)
		status = VL_BADINPUT;
	if (status != VL_OK)
		return status;
	equation(&r, total, eq);
	return r.sum == total ? VL_OK : VL_FINDINGS;
}
