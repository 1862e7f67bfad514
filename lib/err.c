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

void
vl_setprogname(const char *argv0)
{
	const char *slash = strrchr(argv0, '/');

	progname = slash ? slash + 1 : argv0;
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

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void
vl_verrat(const char *file, long line, const char *field, const char *fmt,
    va_list ap)
{
	fprintf(stderr, "%s: ", progname);
	if (file && line > 0)
		fprintf(stderr, "%s:%ld: ", file, line);
	else if (file)
		fprintf(stderr, "%s: ", file);
	if (field)
		fprintf(stderr, "%s: ", field);
	vfprintf(stderr, fmt, ap);
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

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
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
