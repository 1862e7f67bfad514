/*
 * init.c - a new register: plan.json and the header of each CSV file,
 * in one commit, into a directory made if need be; a register already
 * there is never overwritten.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/err.h"
#include "base/strbuf.h"
#include "io/csv.h"
#include "register/init.h"
#include "register/register.h"
#include "register/schema.h"

static int
make_dir(const char *dir)
{
	char *p = vl_xstrdup(dir), *s;

	for (s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0755) != 0 && errno != EEXIST)
			break;
		*s = '/';
	}
	free(p);
	if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
		vl_warn("cannot create %s: %s", dir, strerror(errno));
		return VL_SYSFAULT;
	}
	return VL_OK;
}

static char *
canonical_header(const struct vl_filespec *s)
{
	struct vl_buf b = {0};
	size_t i;

	/* the columns a file gains when first needed are not there yet */
	for (i = 0; i < s->n; i++)
		if (!s->field[i].on_demand)
			vl_buf_printf(&b, "%s%s", i ? "," : "",
			    s->field[i].name);
	vl_buf_puts(&b, "\n");
	return b.data;
}

#define NSPECS 4	/* the CSV files: vl_specs */

/* any file of a register there already (its trail and head too) */
static int
refuse_existing(struct vl_reg *reg)
{
	const struct vl_regfile *f;

	if (vl_reg_exists(reg, "plan.json")) {
		vl_warn("%s: a register is already there; it is never "
		    "overwritten", reg->dir);
		return VL_BADINPUT;
	}
	for (f = vl_register_files; f->name; f++)
		if (vl_reg_exists(reg, f->name)) {
			vl_warn("%s: %s is already there; a register is never "
			    "overwritten", reg->dir, f->name);
			return VL_BADINPUT;
		}
	return VL_OK;
}

static int
write_register(struct vl_reg *reg, const char *plan, size_t planlen)
{
	struct vl_change ch[NSPECS + 1];
	char *headers[NSPECS];
	size_t i;
	int status;

	ch[0] = (struct vl_change){"plan.json", NULL, true, plan, planlen};
	vl_reg_note(reg, "init", "plan.json", "");
	for (i = 0; i < NSPECS; i++) {
		headers[i] = canonical_header(vl_specs[i]);
		ch[i + 1] = (struct vl_change){vl_specs[i]->file, NULL, true,
		    headers[i], strlen(headers[i])};
		vl_reg_note(reg, "init", vl_specs[i]->file, "");
	}
	status = vl_reg_commit(reg, ch, NSPECS + 1);
	for (i = 0; i < NSPECS; i++)
		free(headers[i]);
	return status;
}

int
vl_reg_create(const char *dir, const char *plan, size_t len)
{
	struct vl_reg reg;
	int status;

	if ((status = make_dir(dir)) != VL_OK)
		return status;
	vl_reg_open(&reg, dir);
	if ((status = vl_reg_lock(&reg)) == VL_OK &&
	    (status = refuse_existing(&reg)) == VL_OK)
		status = write_register(&reg, plan, len);
	vl_reg_close(&reg);
	return status;
}
