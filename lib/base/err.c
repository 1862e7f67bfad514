/*
 * err.c - diagnostics in one form: "prog: FILE:LINE: field: message".
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/bidi.h"
#include "base/err.h"
#include "base/err_priv.h"
#include "base/i18n.h"
#include "base/strbuf.h"

static const char *progname = "vl";
static long nerrors;
/* where this thread's messages go instead of stderr (a read divided
 * among threads keeps each part's messages until their turn) */
static _Thread_local struct vl_errbuf *capture;

/* the longest message text written; a 1 MiB cell is cut short */
#define MSG_MAX 2048
/* messages kept in memory; more go to a temp file, so a part with an
 * error on every row does not hold them all in memory */
#define CAPTURE_MEM (64 << 10)

static void
spill(struct vl_errbuf *b)
{
	if (!b->spill && !(b->spill = tmpfile()))
		return;		/* no temp file: keep them in memory */
	if (fwrite(b->data, 1, b->len, b->spill) == b->len)
		b->len = 0;
}

static void
out(const void *p, size_t n)
{
	if (!capture) {
		fwrite(p, 1, n, stderr);
		return;
	}
	if (capture->len + n > capture->cap) {
		capture->cap = 2 * (capture->len + n);
		capture->data = vl_xrealloc(capture->data, capture->cap);
	}
	memcpy(capture->data + capture->len, p, n);
	capture->len += n;
	if (capture->len > CAPTURE_MEM)
		spill(capture);
}

static void
outc(int c)
{
	char ch = (char)c;

	if (capture)
		out(&ch, 1);
	else
		putc(c, stderr);
}

/* Text from the input reaches the messages: a control character in it
 * is written as \xNN (C1 ones as \u00NN, and so the bidirectional
 * ones, bidi.h), so a hostile cell can neither drive the terminal, nor
 * split one message into two lines, nor reorder what it shows. */
static void
put_escaped(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0, len;
	char esc[64];

	for (; *p; p++, n++) {
		if (n >= MSG_MAX && (*p & 0xc0) != 0x80) {
			snprintf(esc, sizeof esc, vl_tr("...(%zu bytes more)"),
			    strlen((const char *)p));
			out(esc, strlen(esc));
			return;
		}
		len = vl_unsafe_len((const char *)p);
		if (len == 1) {
			snprintf(esc, sizeof esc, "\\x%02x", *p);
			out(esc, 4);
		} else if (len) {
			snprintf(esc, sizeof esc, "\\u%04x",
			    vl_unsafe_code((const char *)p));
			out(esc, 6);
			p += len - 1;
		} else {
			outc(*p);
		}
	}
}

static void
vput(const char *fmt, va_list ap)
{
	char small[512], *buf = small;
	va_list copy;
	int n;

	va_copy(copy, ap);
	n = vsnprintf(small, sizeof small, fmt, copy);
	va_end(copy);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof small) {
		buf = vl_xmalloc((size_t)n + 1);
		vsnprintf(buf, (size_t)n + 1, fmt, ap);
	}
	put_escaped(buf);
	if (buf != small)
		free(buf);
}

static void
put(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vput(fmt, ap);
	va_end(ap);
}

void
vl_setprogname(const char *argv0)
{
	const char *slash = strrchr(argv0, '/');

	progname = slash ? slash + 1 : argv0;
	/* a message is written a byte at a time (escaped): one write a
	 * line, not one a byte, when a bad file has thousands of them */
	setvbuf(stderr, NULL, _IOLBF, 0);
}

const char *
vl_progname(void)
{
	return progname;
}

void
vl_warn(const char *fmt, ...)
{
	va_list ap;

	put("%s: ", progname);
	va_start(ap, fmt);
	vput(vl_tr(fmt), ap);
	va_end(ap);
	outc('\n');
}

static void
verrat(const char *file, long line, const char *field, const char *fmt,
    va_list ap)
{
	put("%s: ", progname);
	if (file && line > 0)
		put("%s:%ld: ", file, line);
	else if (file)	/* a value given on the command line: no file */
		put("%s: ", strcmp(file, VL_CMDLINE) == 0 ?
		    vl_tr(N_("command line")) : file);
	if (field)
		put("%s: ", field);
	vput(vl_tr(fmt), ap);
	outc('\n');
	if (capture)
		capture->count++;
	else
		nerrors++;
}

void
vl_errat(const char *file, long line, const char *field, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verrat(file, line, field, fmt, ap);
	va_end(ap);
}

_Noreturn void
vl_die(int status, const char *fmt, ...)
{
	struct vl_errbuf *b = capture;
	va_list ap;

	if (b) {	/* what the thread kept comes out before it goes */
		capture = NULL;
		vl_err_flush(b);
	}
	put("%s: ", progname);
	va_start(ap, fmt);
	vput(vl_tr(fmt), ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(status);
}

long
vl_error_count(void)
{
	/* and those the thread keeps back (a register of a roll-up read by
	 * a thread of its own): said, if not yet written */
	return nerrors + (capture ? capture->count : 0);
}

struct vl_errbuf *
vl_err_capture(struct vl_errbuf *b)
{
	struct vl_errbuf *was = capture;

	capture = b;
	return was;
}

void
vl_err_flush(struct vl_errbuf *b)
{
	char block[4096];
	size_t n;

	/* where this thread's messages go now: a capture of its own, or
	 * stderr */
	if (b->spill) {
		rewind(b->spill);
		while ((n = fread(block, 1, sizeof block, b->spill)) > 0)
			out(block, n);
	}
	if (b->len)
		out(b->data, b->len);
	if (capture)
		capture->count += b->count;
	else
		nerrors += b->count;
	vl_err_discard(b);
}

void
vl_err_discard(struct vl_errbuf *b)
{
	if (b->spill)
		fclose(b->spill);
	free(b->data);
	memset(b, 0, sizeof *b);
}

_Noreturn void
vl_usage(const char *usage)
{
	fprintf(stderr, "%s%s\n", vl_tr("usage: "), usage);
	exit(VL_BADINPUT);
}

/* After the last write: a full disk or a closed pipe shows up only here. */
int
vl_close_stdout(void)
{
	int bad = fflush(stdout) != 0 || ferror(stdout);

	if (fclose(stdout) != 0)
		bad = 1;
	if (bad) {
		vl_warn("standard output: %s", strerror(errno ? errno : EIO));
		return VL_SYSFAULT;
	}
	return VL_OK;
}
