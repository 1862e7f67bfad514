/*
 * slurp.c - a file read whole into memory (a plan to check before it is
 * copied, a register file to rewrite one row of).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "base/err.h"
#include "base/strbuf.h"

/* what is wrong with the input, not with the machine */
static int
status_of(int err)
{
	return err == ENOENT || err == EISDIR ? VL_BADINPUT : VL_SYSFAULT;
}

int
vl_slurp(const char *path, const char *display, struct vl_buf *b)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	int err;

	if (!f) {
		err = errno;
		b->len = 0;
		vl_buf_add(b, "", 0);
		vl_warn("%s: %s", display, strerror(err));
		return status_of(err);
	}
	return vl_slurp_stream(f, display, b);
}

int
vl_slurp_stream(FILE *f, const char *display, struct vl_buf *b)
{
	char block[65536];
	size_t n;
	int err = 0;

	b->len = 0;
	vl_buf_add(b, "", 0);
	while ((n = fread(block, 1, sizeof block, f)) > 0)
		vl_buf_add(b, block, n);
	if (ferror(f))
		err = errno ? errno : EIO;
	if (f != stdin)
		fclose(f);
	if (err) {
		vl_warn("%s: %s", display, strerror(err));
		return status_of(err);
	}
	return VL_OK;
}
