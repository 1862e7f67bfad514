/*
 * fuzz_csv.c - libFuzzer target: the CSV reader on any bytes, the
 * encoding detected (UTF-8 or GB18030) as for a file a clerk hands in.
 */
#include <stdint.h>
#include <string.h>

#include "vl.h"

static int
on_record(const struct vl_record *r, void *ctx)
{
	size_t *n = ctx, i;

	/* every field is NUL-terminated, of its length, valid to read */
	for (i = 0; i < r->n; i++)
		if (strlen(r->field[i]) > r->len[i])
			__builtin_trap();
	(void)vl_field(r, "amount");
	(*n)++;
	return 0;
}

/* its messages a line at a time (stderr is closed: -close_fd_mask=2) */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	vl_setprogname((*argv)[0]);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const required[] = {"id", "amount", NULL};
	struct vl_header h = {0};
	struct vl_csv_opts any = {NULL, NULL, NULL, false, false, NULL};
	struct vl_csv_opts strict = {"utf-8", required, &h, false,
	    false, NULL};
	size_t n = 0;

	vl_csv_read_mem((const char *)data, size, "fuzz", &any, on_record, &n);
	vl_csv_read_mem((const char *)data, size, "fuzz", &strict, on_record,
	    &n);
	vl_header_free(&h);
	return 0;
}
