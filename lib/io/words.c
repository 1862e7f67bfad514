/*
 * words.c - the words of a report's values in the reader's language:
 * "late" is 已逾期 in a status column, for people only (output.c asks for
 * table, --excel and xlsx; CSV and JSON keep the word).  The column's
 * name is the message context, so one English word may take two Chinese
 * ones in two columns (po/values.c lists them).
 */
#include <stdio.h>
#include <string.h>

#include "base/i18n.h"
#include "base/strbuf.h"
#include "io/output_priv.h"

/* a word, or a list of them "a;b", in the reader's language */
static const char *
word(const char *column, const char *v, char **tmp)
{
	struct vl_buf b = {0};
	const char *p, *semi;
	char part[128];
	size_t n;

	*tmp = NULL;
	if (!strchr(v, ';'))
		return vl_trc(column, v);
	for (p = v; ; p = semi + 1) {
		semi = strchr(p, ';');
		n = semi ? (size_t)(semi - p) : strlen(p);
		snprintf(part, sizeof part, "%.*s", (int)n, p);
		vl_buf_printf(&b, "%s%s", p == v ? "" : ";",
		    vl_trc(column, part));
		if (!semi)
			break;
	}
	return *tmp = b.data;
}

const char *const *
vl_out_words(const struct vl_col *cols, size_t ncols,
    const char *const *values, const char **buf, char **tmp)
{
	size_t i;

	for (i = 0; i < ncols; i++)
		buf[i] = cols[i].type == VL_COL_WORD && values[i] ?
		    word(cols[i].name, values[i], &tmp[i]) : values[i];
	return buf;
}
