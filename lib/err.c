/*
 * err.c - diagnostics in one form: "prog: FILE:LINE: field: message".
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vl.h"

static const char *progname = "vl";
static long nerrors;

/* the longest message text written; a 1 MiB cell is cut short */
#define MSG_MAX 2048

/* Text from the input reaches the messages: a control character in it
 * is written as \xNN (C1 ones as \u00NN), so a hostile cell can neither
 * drive the terminal nor split one message into two lines. */
static void
put_escaped(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0;

	for (; *p; p++, n++) {
		if (n >= MSG_MAX && (*p & 0xc0) != 0x80) {
			fprintf(stderr, "...(%zu bytes more)", strlen((const char *)p));
			return;
		}
		if (*p < 0x20 || *p == 0x7f)
			fprintf(stderr, "\\x%02x", *p);
		else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			fprintf(stderr, "\\u%04x", *++p);
		else
			putc(*p, stderr);
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
	vput(fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void
vl_verrat(const char *file, long line, const char *field, const char *fmt,
    va_list ap)
{
	put("%s: ", progname);
	if (file && line > 0)
		put("%s:%ld: ", file, line);
	else if (file)
		put("%s: ", file);
	if (field)
		put("%s: ", field);
	vput(fmt, ap);
	fputc('\n', stderr);
	nerrors++;
}

void
vl_errat(const char *file, long line, const char *field, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vl_verrat(file, line, field, fmt, ap);
	va_end(ap);
}

_Noreturn void
vl_die(int status, const char *fmt, ...)
{
	va_list ap;

	put("%s: ", progname);
	va_start(ap, fmt);
	vput(fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(status);
}

long
vl_error_count(void)
{
	return nerrors;
}

_Noreturn void
vl_usage(const char *usage)
{
	fprintf(stderr, "usage: %s\n", usage);
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
