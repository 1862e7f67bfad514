/*
 * err.h - exit status and diagnostics in one form:
 * "prog: FILE:LINE: field: message".
 */
#ifndef VL_ERR_H
#define VL_ERR_H

/* Exit status, the same in every tool and every man page. */
enum vl_exit {
	VL_OK = 0,		/* done, nothing found */
	VL_FINDINGS = 1,	/* a check found problems */
	VL_BADINPUT = 2,	/* usage error or bad input; nothing written */
	VL_SYSFAULT = 3		/* I/O error, disk full, lock not obtained */
};

void vl_setprogname(const char *argv0);
const char *vl_progname(void);
/* "prog: message" */
void vl_warn(const char *fmt, ...);
/* the FILE of a value given on the command line, said in the user's
 * language */
#define VL_CMDLINE "command line"
/* "prog: FILE:LINE: FIELD: message"; counts one input error.
 * line <= 0 leaves out the line, field NULL leaves out the field. */
void vl_errat(const char *file, long line, const char *field,
    const char *fmt, ...);
/* "prog: message", then exit with status. */
_Noreturn void vl_die(int status, const char *fmt, ...);
/* number of vl_errat calls so far (with those the thread keeps back) */
long vl_error_count(void);
/* "usage: ..." on stderr, exit VL_BADINPUT */
_Noreturn void vl_usage(const char *usage);
/* flush and close stdout; on failure say so and return VL_SYSFAULT */
int vl_close_stdout(void);

#endif
