/*
 * export.c - a register file's records as they stand (vl-add export):
 * the round trip of a clerk who edits the register in Excel or WPS and
 * imports what was added.  Under --lang zh the headers and the words are
 * Chinese, and the import reads them back (batch.c, csv_read.c).
 */
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "report/export.h"

struct export {
	const struct vl_filespec *spec;
	char **cell;		/* every field of every record, read first:
				 * after a bad one nothing is written */
	size_t ncells, cap, ncols;
};

/* a column's type from the file's spec: TEXT for a column it has not */
static enum vl_coltype
col_type(const struct vl_filespec *spec, const char *name)
{
	size_t i;

	/* a purpose is text (a plan names its own), its words translated
	 * all the same: 建设, and the import reads them back (schema.c) */
	if (strcmp(name, "purpose") == 0)
		return VL_COL_WORD;
	for (i = 0; i < spec->n; i++)
		if (strcmp(spec->field[i].name, name) == 0)
			switch (spec->field[i].type) {
			case VL_T_MONEY:
				return VL_COL_MONEY;
			case VL_T_DATE:
				return VL_COL_DATE;
			case VL_T_ENUM:
				return VL_COL_WORD;
			default:
				return VL_COL_TEXT;
			}
	return VL_COL_TEXT;
}

static int
on_record(const struct vl_record *r, void *ctx)
{
	struct export *x = ctx;
	size_t i;

	x->ncols = r->n;
	if (x->ncells + r->n > x->cap) {
		x->cap = (x->cap + r->n) * 2;
		x->cell = vl_xrealloc(x->cell, x->cap * sizeof *x->cell);
	}
	for (i = 0; i < r->n; i++)
		x->cell[x->ncells++] = vl_xstrdup(r->field[i]);
	return 0;
}

/* the file's header, or the spec's when there is no file */
static void
header_of(const struct vl_filespec *spec, struct vl_header *h)
{
	size_t i;

	if (h->n > 0)
		return;
	h->n = spec->n;
	h->name = vl_xcalloc(spec->n, sizeof *h->name);
	for (i = 0; i < spec->n; i++)
		h->name[i] = vl_xstrdup(spec->field[i].name);
}

static int
write_out(const struct export *x, const struct vl_header *h,
    const struct vl_outopts *o)
{
	struct vl_col *cols = vl_xcalloc(h->n ? h->n : 1, sizeof *cols);
	struct vl_out *out;
	size_t i;
	int status;

	for (i = 0; i < h->n; i++)
		cols[i] = (struct vl_col){h->name[i], col_type(x->spec,
		    h->name[i])};
	out = vl_out_report(o, x->spec->file, VL_NODATE, h->n, cols);
	for (i = 0; h->n > 0 && i + h->n <= x->ncells; i += h->n)
		vl_out_row(out, (const char *const *)&x->cell[i]);
	status = vl_out_close(out);
	free(cols);
	return status;
}

/* "projects" or "projects.csv": its spec, or NULL */
static const struct vl_filespec *
spec_named(const char *name)
{
	size_t i, n = strcspn(name, ".");

	for (i = 0; vl_specs[i]; i++)
		if (strncmp(vl_specs[i]->file, name, n) == 0 &&
		    vl_specs[i]->file[n] == '.' && (name[n] == '\0' ||
		    strcmp(name + n, ".csv") == 0))
			return vl_specs[i];
	return NULL;
}

int
vl_report_export(const struct vl_source *src, const char *name,
    const struct vl_outopts *o)
{
	const struct vl_filespec *spec = spec_named(name);
	struct export x = {spec, NULL, 0, 0, 0};
	struct vl_header h = {0};
	struct vl_csv_opts opts = {.header_out = &h, .regular = true};
	struct vl_reg reg;
	char *path;
	int status = VL_OK;
	size_t i;

	if (!spec) {
		vl_errat("command line", 0, NULL, "export: \"%s\" is not one "
		    "of projects, progress, funds, inspections", name);
		return VL_BADINPUT;
	}
	vl_reg_open(&reg, src->dir);
	path = vl_reg_path(&reg, spec->file);
	if ((status = vl_reg_need_plan(&reg)) == VL_OK &&
	    vl_reg_exists(&reg, spec->file)) {
		status = vl_csv_read(path, vl_reg_display(&reg, spec->file),
		    &opts, on_record, &x);
	}
	if (status == VL_OK) {
		header_of(spec, &h);
		status = write_out(&x, &h, o);
	}
	for (i = 0; i < x.ncells; i++)
		free(x.cell[i]);
	free(x.cell);
	vl_header_free(&h);
	free(path);
	vl_reg_close(&reg);
	return status;
}
