/*
 * insp_tables.c - vl-inspect's tables as records in any output format:
 * the inspections listed (the conditions of list) and a draw for spot
 * checks (rules/sample.c), of one register or of a roll-up, one row
 * writer for both; and a project's story in each district.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/date.h"
#include "base/err.h"
#include "report/insp_tables.h"
#include "report/story.h"
#include "rules/stage.h"
#include "rules/standing.h"

/* ---- inspections ----------------------------------------------------- */

static const struct vl_col insp_cols[] = {
	{"id", VL_COL_TEXT}, {"date", VL_COL_DATE},
	{"project", VL_COL_TEXT}, {"town", VL_COL_TEXT},
	{"village", VL_COL_TEXT}, {"leader", VL_COL_TEXT},
	{"specialist", VL_COL_TEXT}, {"phase", VL_COL_WORD},
	{"aspect", VL_COL_WORD}, {"result", VL_COL_WORD},
	{"finding", VL_COL_TEXT}, {"due", VL_COL_DATE},
	{"closed", VL_COL_DATE}, {"inspector", VL_COL_TEXT},
	/* after the columns there were before them, so that a script that
	 * reads the first fourteen reads what it read */
	{"evidence", VL_COL_TEXT}, {"closed_by", VL_COL_TEXT},
	{"close_note", VL_COL_TEXT}, {"close_evidence", VL_COL_TEXT}
};
#define NINSP_COLS (sizeof insp_cols / sizeof insp_cols[0])

/* Is in listed, as of day?  --open, --overdue, show's project, the
 * filters. */
static bool
wanted(const struct vl_insp_filter *f, const struct vl_inspection *in,
    const struct vl_project *p, vl_date day)
{
	const char *row[VL_NFC] = {NULL};

	if ((f->open && !vl_finding_open(in)) || (f->overdue &&
	    !vl_finding_late(in, day)) || (f->project && strcmp(f->project,
	    in->project) != 0))
		return false;
	if (!f->f)
		return true;
	vl_filter_project_row(row, p);
	row[VL_FC_PROJECT] = in->project;
	row[VL_FC_INSPECTOR] = in->inspector;
	row[VL_FC_PHASE] = in->phase;
	row[VL_FC_ASPECT] = in->aspect;
	row[VL_FC_RESULT] = in->result;
	return vl_filter_row(f->f, row);
}

static void
insp_row(struct vl_out *o, const struct vl_inspection *in,
    const struct vl_project *p)
{
	char d[VL_DATE_BUFSZ], due[VL_DATE_BUFSZ], closed[VL_DATE_BUFSZ];
	const char *v[NINSP_COLS] = {in->id, vl_date_format(in->date, d),
	    in->project, p->town, p->village, p->leader, p->specialist,
	    in->phase, in->aspect, in->result, in->finding,
	    vl_date_format(in->due, due), vl_date_format(in->closed, closed),
	    in->inspector, in->evidence, in->closed_by, in->close_note,
	    in->close_evidence};

	vl_out_row(o, v);
}

/* the book's inspections f lets through; how many */
static size_t
insp_rows(struct vl_out *o, const struct vl_book *b,
    const struct vl_insp_filter *f)
{
	size_t i, n = 0;

	for (i = 0; i < b->ninsp; i++) {
		const struct vl_project *p =
		    &b->projects.v[b->insp_project[i]];

		if (wanted(f, &b->insp[i], p, b->as_of)) {
			insp_row(o, &b->insp[i], p);
			n++;
		}
	}
	return n;
}

/* "检查记录", or "检查记录 P" */
static struct vl_out *
insp_open(const struct vl_outopts *o, const struct vl_insp_filter *f,
    vl_date day)
{
	struct vl_buf title = {0};
	struct vl_out *out;

	vl_buf_printf(&title, "检查记录%s%s", f->sheet ? " " : "",
	    f->sheet ? f->sheet : "");
	out = vl_out_report(o, title.data, day, NINSP_COLS, insp_cols);
	vl_buf_free(&title);
	return out;
}

int
vl_report_inspections(const struct vl_book *b,
    const struct vl_insp_filter *f, const struct vl_outopts *o, size_t *n)
{
	struct vl_outopts own = *o;
	const char *const *aspects = vl_book_aspects(b);
	struct vl_out *out;

	if (f->f)
		vl_filter_words(f->f, VL_FC_ASPECT, &aspects, 1);
	vl_book_names(b, &own);
	out = insp_open(&own, f, b->as_of);
	*n = insp_rows(out, b, f);
	return vl_out_close(out);
}

int
vl_rollup_report_inspections(const struct vl_rollup *r,
    const struct vl_insp_filter *f, const struct vl_outopts *o, size_t *n)
{
	struct vl_outopts own = vl_outopts_by_district(o);
	const char *const **aspects = vl_xcalloc(r->n + 1, sizeof *aspects);
	struct vl_out *out;
	size_t i;

	for (i = 0; i < r->n; i++)
		aspects[i] = vl_book_aspects(&r->book[i]);
	if (f->f)
		vl_filter_words(f->f, VL_FC_ASPECT, aspects, r->n);
	free(aspects);
	out = insp_open(&own, f, r->as_of);
	*n = 0;
	for (i = 0; i < r->n; i++) {
		vl_out_lead(out, r->district[i]);
		*n += insp_rows(out, &r->book[i], f);
	}
	return vl_out_close(out);
}

/* ---- sample ---------------------------------------------------------- */

static const struct vl_col sample_cols[] = {
	{"draw", VL_COL_INT}, {"project", VL_COL_TEXT},
	{"town", VL_COL_TEXT}, {"village", VL_COL_TEXT},
	{"leader", VL_COL_TEXT}, {"specialist", VL_COL_TEXT},
	{"stage", VL_COL_WORD}, {"last_inspected", VL_COL_DATE}
};
#define NSAMPLE_COLS (sizeof sample_cols / sizeof sample_cols[0])

static void
sample_row(struct vl_out *o, const struct vl_book *b, size_t i, size_t nth)
{
	const struct vl_project *p = &b->projects.v[i];
	char num[32], last[VL_DATE_BUFSZ];
	const char *v[NSAMPLE_COLS] = {num, p->id, p->town, p->village,
	    p->leader, p->specialist,
	    vl_project_stages[vl_project_stage(b, i, NULL)],
	    vl_date_format(vl_last_inspected(b, i), last)};

	snprintf(num, sizeof num, "%zu", nth);
	vl_out_row(o, v);
}

int
vl_report_sample(const struct vl_book *b, const struct vl_sample *s,
    const struct vl_outopts *o)
{
	struct vl_outopts own = *o;
	struct vl_out *out;
	size_t *drawn, i, n;

	n = vl_sample_draw(b, s, &drawn);
	vl_book_names(b, &own);
	out = vl_out_report(&own, "抽查", b->as_of, NSAMPLE_COLS,
	    sample_cols);
	for (i = 0; i < n; i++)
		sample_row(out, b, drawn[i], i + 1);
	free(drawn);
	return vl_out_close(out);
}

int
vl_rollup_report_sample(const struct vl_rollup *r,
    const struct vl_sample *s, const struct vl_outopts *o)
{
	struct vl_outopts own = vl_outopts_by_district(o);
	struct vl_drawn *drawn;
	struct vl_out *out;
	size_t i, n;

	n = vl_sample_draw_books(r->book, r->district, r->n, s, &drawn);
	out = vl_out_report(&own, "抽查", r->as_of, NSAMPLE_COLS,
	    sample_cols);
	for (i = 0; i < n; i++) {
		vl_out_lead(out, r->district[drawn[i].book]);
		sample_row(out, &r->book[drawn[i].book], drawn[i].project,
		    i + 1);
	}
	free(drawn);
	return vl_out_close(out);
}

/* ---- show ------------------------------------------------------------ */

size_t
vl_rollup_story(const struct vl_rollup *r, const char *arg,
    struct vl_buf *s)
{
	size_t k, found = 0;
	long i;

	for (k = 0; k < r->n; k++) {
		if ((i = vl_story_project(&r->book[k], arg)) < 0)
			continue;
		vl_buf_printf(s, "%s== %s\n", found++ ? "\n" : "",
		    r->district[k]);
		vl_story(&r->book[k], (size_t)i, s);
	}
	return found;
}
