/*
 * csv_write.c - CSV rows out, quoted only where they need it (libcsv's
 * csv_write does the quoting).
 */
#include <string.h>

#include <csv.h>

#include "io/csv_priv.h"

/* RFC 4180 asks quotes only where a field holds a comma, quote or line
 * end; leading or trailing blanks and tabs are quoted too so they
 * survive.  Else *len is s's length (one pass over it, for reports of a
 * million rows). */
static bool
needs_quotes(const char *s, size_t *len)
{
	size_t n = strcspn(s, ",\"\r\n");

	*len = n;
	/* libcsv strips blanks and tabs around an unquoted field */
	return s[n] != '\0' || (n > 0 && (blank(s[0]) || blank(s[n - 1])));
}

void
vl_buf_csv_row(struct vl_buf *b, size_t n, const char *const *fields)
{
	size_t i, need, len;
	const char *s;

	for (i = 0; i < n; i++) {
		s = fields[i] ? fields[i] : "";
		if (i > 0)
			vl_buf_add(b, ",", 1);
		if (!needs_quotes(s, &len)) {
			vl_buf_add(b, s, len);
			continue;
		}
		need = csv_write(NULL, 0, s, strlen(s));
		vl_buf_reserve(b, need);
		b->len += csv_write(b->data + b->len, need, s, strlen(s));
		b->data[b->len] = '\0';
	}
	vl_buf_add(b, "\n", 1);
}
