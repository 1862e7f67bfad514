/*
 * fuzz_csvfast.c - libFuzzer target, differential: the CSV reader's fast
 * path (lines without quotes split without libcsv, by AVX-512 or AVX2
 * where the processor has them and by SSE2) and the read divided among
 * threads must give exactly what libcsv alone gives, on any bytes: the
 * same records, fields and lines, the same messages, the same status.
 * The first byte of an input chooses the block size, the encoding and the
 * number of parts; the rest is the file.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "vl.h"
#include "base/err_priv.h"
#include "io/csv_priv.h"
#include "register/schema_priv.h"

struct run {
	struct vl_buf records;
	struct vl_buf errors;
	int status;
};

static int
on_record(const struct vl_record *r, void *ctx)
{
	struct vl_buf *b = ctx;
	size_t i;

	vl_buf_printf(b, "%ld:%zu:", r->line, r->n);
	for (i = 0; i < r->n; i++) {
		if (strlen(r->field[i]) != r->len[i] ||
		    (r->no_controls && !vl_text_clean(r->field[i],
		    r->len[i])))
			__builtin_trap();
		vl_buf_printf(b, "%zu:", r->len[i]);
		vl_buf_add(b, r->field[i], r->len[i]);
	}
	vl_buf_add(b, "\n", 1);
	return 0;
}

/* what the read said, from the buffer it was kept in */
static void
take_errors(struct vl_errbuf *e, struct vl_buf *to)
{
	char block[4096];
	size_t n;

	vl_buf_add(to, "", 0);
	if (e->spill) {
		rewind(e->spill);
		while ((n = fread(block, 1, sizeof block, e->spill)) > 0)
			vl_buf_add(to, block, n);
	}
	vl_buf_add(to, e->data ? e->data : "", e->len);
	vl_err_discard(e);
}

static void
serial(const uint8_t *data, size_t size, const struct vl_csv_opts *opts,
    bool plain, struct run *out)
{
	struct vl_errbuf e = {0};

	vl_csv_plain = plain;
	vl_buf_add(&out->records, "", 0);
	vl_err_capture(&e);
	out->status = vl_csv_read_mem((const char *)data, size, "in", opts,
	    on_record, &out->records);
	vl_err_capture(NULL);
	vl_csv_plain = false;
	take_errors(&e, &out->errors);
}

/* The same bytes as a file, read in parts (memfd: nothing on disk). */
static void
divided(const uint8_t *data, size_t size, const struct vl_csv_opts *opts,
    size_t nparts, struct run *out)
{
	struct vl_buf part[4] = {{0}};
	void *ctx[4] = {&part[0], &part[1], &part[2], &part[3]};
	struct vl_split sp = {nparts, ctx, NULL, NULL, NULL, 0};
	struct vl_errbuf e = {0};
	char path[64];
	size_t k;
	int fd = memfd_create("csv", 0);

	if (fd < 0 || write(fd, data, size) != (ssize_t)size)
		__builtin_trap();
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	for (k = 0; k < nparts; k++)
		vl_buf_add(&part[k], "", 0);
	vl_csv_split_min = 0;
	vl_err_capture(&e);	/* the parts' messages, flushed in order */
	out->status = vl_csv_read_split(path, "in", opts, on_record, &sp);
	vl_err_capture(NULL);
	vl_csv_split_min = 8 << 20;
	close(fd);
	vl_buf_add(&out->records, "", 0);
	for (k = 0; k < sp.used; k++)
		vl_buf_add(&out->records, part[k].data, part[k].len);
	for (k = 0; k < nparts; k++)
		vl_buf_free(&part[k]);
	take_errors(&e, &out->errors);
}

static void
same(const struct run *a, const struct run *b)
{
	if (a->status != b->status || a->records.len != b->records.len ||
	    memcmp(a->records.data, b->records.data, a->records.len) != 0 ||
	    a->errors.len != b->errors.len ||
	    memcmp(a->errors.data, b->errors.data, a->errors.len) != 0)
		__builtin_trap();
}

static void
run_free(struct run *r)
{
	vl_buf_free(&r->records);
	vl_buf_free(&r->errors);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t blocks[] = {0, 1, 2, 3, 7, 16, 64, 256};
	struct vl_csv_opts opts = {NULL, NULL, NULL, false, false, NULL};
	struct run want = {{0}, {0}, 0}, got = {{0}, {0}, 0};
	uint8_t how;
	int width;

	if (size == 0)
		return 0;
	how = data[0];
	data++, size--;
	opts.encoding = how & 8 ? NULL : "utf-8";
	vl_csv_block = blocks[how & 7];
	serial(data, size, &opts, true, &want);
	serial(data, size, &opts, false, &got);
	same(&want, &got);
	run_free(&got);
	/* the fast path by AVX2 and by SSE2 too, where the processor has
	 * wider vectors */
	for (width = 32; width >= 16; width /= 2) {
		memset(&got, 0, sizeof got);
		vl_csv_vector_max = width;
		serial(data, size, &opts, false, &got);
		vl_csv_vector_max = 64;
		same(&want, &got);
		run_free(&got);
	}
	/* divided: blocks that can hold a header, as the tool reads them */
	if (vl_csv_block == 0 || vl_csv_block >= 16) {
		memset(&got, 0, sizeof got);
		run_free(&want);
		memset(&want, 0, sizeof want);
		serial(data, size, &opts, true, &want);
		divided(data, size, &opts, 2 + (how >> 4) % 3, &got);
		same(&want, &got);
		run_free(&got);
	}
	run_free(&want);
	vl_csv_block = 0;
	return 0;
}
