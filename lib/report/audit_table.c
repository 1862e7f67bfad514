/*
 * audit_table.c - the change history as a table, the chain verified line
 * by line (register/audit.c reads and hashes it): of one register, or of
 * every register of a roll-up under its district's name.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/err_priv.h"
#include "report/audit_table.h"

static const struct vl_col audit_cols[] = {
	{"seq", VL_COL_INT}, {"time", VL_COL_TEXT}, {"user", VL_COL_TEXT},
	{"tool", VL_COL_TEXT}, {"action", VL_COL_WORD}, {"file", VL_COL_TEXT},
	{"record", VL_COL_TEXT}, {"detail", VL_COL_CHANGES},
	{"chain", VL_COL_WORD}
};
#define NAUDIT_COLS (sizeof audit_cols / sizeof audit_cols[0])

struct walk {
	struct vl_out *out;	/* NULL: no table (--head, --expect) */
	char want_seq[24];	/* --expect: the line's seq, "" if none */
	const char *want_hash;
	struct vl_audit_walked *w;
};

struct vl_out *
vl_audit_table(const struct vl_outopts *o, vl_date day)
{
	return vl_out_report(o, "变更记录", day, NAUDIT_COLS, audit_cols);
}

/* the chain column: ok, broken from a break on, and restart on the line
 * that records a trail lost (or broken) and started again */
static const char *
chain_state(const struct vl_record *r, const struct vl_audit_walked *w)
{
	if (w->broken)
		return "broken";
	if (vl_audit_restart(vl_field(r, "action"), vl_field(r, "file")))
		return "restart";
	return "ok";
}

static int
audit_row(const struct vl_record *r, bool broken, void *ctx)
{
	struct walk *k = ctx;
	struct vl_audit_walked *w = k->w;
	const char *v[NAUDIT_COLS];
	size_t i;

	if (!broken)
		w->broken = 0;	/* whole, or whole again from a restart on */
	else if (!w->broken)
		w->broken = r->line;
	vl_restarts_note(&w->restarts, r, broken);
	if (*k->want_seq && !w->found &&
	    strcmp(vl_field(r, "seq"), k->want_seq) == 0) {
		w->found = r->line;
		w->same = strcmp(vl_field(r, "hash"), k->want_hash) == 0;
	}
	if (!k->out)
		return 0;
	for (i = 0; i + 1 < NAUDIT_COLS; i++)
		v[i] = vl_field(r, audit_cols[i].name);
	v[i] = chain_state(r, w);
	vl_out_row(k->out, v);
	return 0;
}

int
vl_audit_walk(const struct vl_reg *reg, struct vl_out *out, long want_seq,
    const char *want_hash, struct vl_audit *audit, struct vl_audit_walked *w)
{
	struct walk k = {out, "", want_hash, w};
	int status;

	memset(w, 0, sizeof *w);
	if (want_hash)
		snprintf(k.want_seq, sizeof k.want_seq, "%ld", want_seq);
	status = vl_audit_read(reg, audit, audit_row, &k, NULL);
	if (w->broken)
		vl_errat(vl_reg_display(reg, "audit.csv"), w->broken, "hash",
		    "the chain breaks here: this line was edited, or one "
		    "before it deleted or moved");
	return status;
}

bool
vl_audit_holds(const struct vl_reg *reg, const struct vl_audit_walked *w,
    long want_seq)
{
	char *trail = vl_xstrdup(vl_reg_display(reg, "audit.csv"));
	bool ok = w->found && w->same;

	if (!w->found)
		vl_warn("%s: no line %ld: the trail was cut short or replaced "
		    "since that head was taken", trail, want_seq);
	else if (!w->same)
		vl_errat(trail, w->found, "hash", "line %ld is not the line "
		    "of the head expected: the trail was rewritten", want_seq);
	free(trail);
	return ok;
}

/*
 * The register's name (plan.json's), for a workbook's title row as every
 * other report's has it; NULL when the plan does not read.  Quietly: the
 * audit is what a clerk runs on a register whose plan was spoiled by
 * hand, and it says which file changed outside the tools; a title
 * without the name is no reason to fail it.
 */
static char *
register_name(const struct vl_reg *reg)
{
	struct vl_errbuf quiet = {0}, *was = vl_err_capture(&quiet);
	char *path = vl_reg_path(reg, "plan.json"), *name = NULL;
	struct vl_plan plan;

	if (vl_plan_load(path, vl_reg_display(reg, "plan.json"), &plan) ==
	    VL_OK && plan.name)
		name = vl_xstrdup(plan.name);
	vl_plan_free(&plan);
	vl_err_capture(was);
	vl_err_discard(&quiet);
	free(path);
	return name;
}

/* the walk of the register open in reg, under its lock; *head: the
 * trail's last line */
static int
audit_locked(struct vl_reg *reg, struct vl_out *out, long want_seq,
    const char *want_hash, struct vl_audit *head, bool *findings)
{
	struct vl_audit_walked w;
	struct vl_trail trail;
	int status;

	status = vl_audit_walk(reg, out, want_seq, want_hash, head, &w);
	if (out && vl_out_close(out) != VL_OK && status == VL_OK)
		status = VL_SYSFAULT;
	*findings = w.broken != 0;
	/* a break is said by the walk */
	if (status != VL_SYSFAULT && vl_trail_check(reg, head, &trail) !=
	    VL_TRAIL_OK && trail.fault != VL_TRAIL_BREAK) {
		vl_trail_say(reg, &trail, false);
		*findings = true;
	}
	if (want_hash && !vl_audit_holds(reg, &w, want_seq))
		*findings = true;
	vl_restarts_free(&w.restarts);
	if (vl_audit_outside_edits(reg) < 0 && status == VL_OK)
		status = VL_SYSFAULT;
	return status;
}

int
vl_report_audit(const char *dir, const struct vl_outopts *o, vl_date day,
    bool table, long want_seq, const char *want_hash,
    struct vl_audit *head, bool *findings)
{
	struct vl_outopts own;
	struct vl_reg reg;
	char *name = NULL;
	int status;

	*findings = false;
	memset(head, 0, sizeof *head);
	vl_reg_open(&reg, dir);
	if ((status = vl_reg_need_plan(&reg)) == VL_OK &&
	    (status = vl_reg_lock_shared(&reg)) == VL_OK) {
		if (table) {	/* its title names the register */
			own = *o;
			own.register_name = name = register_name(&reg);
		}
		status = audit_locked(&reg, table ? vl_audit_table(&own, day) :
		    NULL, want_seq, want_hash, head, findings);
	}
	free(name);
	vl_reg_close(&reg);
	return status;
}

/*
 * One register of a roll-up: its trail under its district's name.  Is it
 * broken: a line edited, the trail cut short or put back (said when its
 * plan was read, vl_book_load), not at the head expected?  Its files
 * changed outside the tools are warned of, as of one register.
 */
static bool
audit_one(struct vl_book *b, const struct vl_copy *c, const char *name,
    const struct vl_filter *f, struct vl_out *out, int *status)
{
	struct vl_audit_walked w;
	struct vl_audit audit;
	struct vl_trail t;
	bool broken;
	int s;

	if (!vl_filter_district(f, name))	/* --district another */
		return false;
	vl_out_lead(out, name);
	s = vl_audit_walk(&b->reg, out, 0, NULL, &audit, &w);
	broken = w.broken || (s == VL_OK && vl_trail_check(&b->reg, &audit,
	    &t) != VL_TRAIL_OK) || (c->expect && vl_copy_verify(c) != VL_OK);
	if (!broken && w.restarts.line)	/* whole, a break acknowledged */
		vl_trail_say_restart(&b->reg, &w.restarts);
	vl_restarts_free(&w.restarts);
	vl_audit_free(&audit);
	if (vl_audit_outside_edits(&b->reg) < 0 && s == VL_OK)
		s = VL_SYSFAULT;
	if (s != VL_OK && *status == VL_OK)
		*status = s;
	return broken;
}

static char *const *sort_names;

static int
by_name(const void *pa, const void *pb)
{
	return strcmp(sort_names[*(const size_t *)pa],
	    sort_names[*(const size_t *)pb]);
}

int
vl_rollup_report_audit(const struct vl_copy *copies, size_t n,
    const struct vl_source *src, const struct vl_filter *f,
    const struct vl_outopts *o, long *broken)
{
	struct vl_outopts own = vl_outopts_by_district(o);
	struct vl_book *b = vl_xcalloc(n ? n : 1, sizeof *b);
	struct vl_source one = *src;
	char **name = vl_xcalloc(n + 1, sizeof *name);
	size_t *order = vl_xcalloc(n + 1, sizeof *order);
	struct vl_out *out;
	size_t i, k, loaded;
	int status = VL_OK, s;

	*broken = 0;
	/* every register's plan read first, under a lock kept to the end: a
	 * bad one is bad input, nothing out */
	for (loaded = 0; loaded < n && status == VL_OK; loaded++) {
		one.dir = copies[loaded].dir;
		status = vl_book_load(&b[loaded], &one, VL_LOAD_PLAN);
	}
	if (status == VL_OK) {
		/* the districts in the order of their names, as a roll-up
		 * has them, whatever order the registers are named in */
		for (i = 0; i < n; i++) {
			name[i] = vl_rollup_name(&b[i], copies[i].dir);
			order[i] = i;
		}
		sort_names = name;
		qsort(order, n, sizeof *order, by_name);
		out = vl_audit_table(&own, src->as_of);
		for (k = 0; k < n; k++) {
			i = order[k];
			*broken += audit_one(&b[i], &copies[i], name[i], f,
			    out, &status);
		}
		if ((s = vl_out_close(out)) != VL_OK && status == VL_OK)
			status = s;
	}
	for (i = 0; i < loaded; i++) {
		vl_book_free(&b[i]);
		free(name[i]);
	}
	free(name);
	free(order);
	free(b);
	return status;
}
