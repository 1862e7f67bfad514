/*
 * err_priv.h - messages kept back by a thread, for the CSV reader that
 * divides a read among threads (io/csv_split.c) and its tests.
 */
#ifndef VL_ERR_PRIV_H
#define VL_ERR_PRIV_H

#include <stdio.h>

#include "base/err.h"

/* Messages kept back, to be written in their turn (a read divided among
 * threads writes each part's messages in the order of the input). */
struct vl_errbuf {
	char *data;		/* the latest, in memory */
	size_t len, cap;
	FILE *spill;		/* the earlier ones, in a temp file */
	long count;		/* vl_errat calls among them */
};
/* From now on, this thread's messages go to b (NULL: to stderr); they
 * count as errors only once flushed.  b starts all zero.  Returns where
 * they went before. */
struct vl_errbuf *vl_err_capture(struct vl_errbuf *b);
/* write b's messages where this thread's go (stderr, or the buffer it
 * captures into) and count them there; b is empty again */
void vl_err_flush(struct vl_errbuf *b);
/* forget them */
void vl_err_discard(struct vl_errbuf *b);

#endif
