/*
 * faultshim.c - an LD_PRELOAD shim that makes one system call fail, for
 * the fault tests (tests/cli/rel_faults.sh, rel_crash.sh).
 *
 *   FAULT_CALL=write|fsync|rename|open|close|fchmod|fchown|unlink|mkdir
 *                       the kind of call to fail
 *   FAULT_AT=N          fail the Nth call of that kind (1 is the first)
 *   FAULT_ERRNO=NAME    the errno it fails with (default EIO)
 *   FAULT_LOG=FILE      append what failed, and at exit how many calls
 *                       of each kind were made: "count write=7 ..."
 *   FAULT_TIME=SECS     time() returns SECS, so audit lines repeat
 *   FAULT_SLOW=USECS    every fsync and rename takes that much longer (a
 *                       slow disk, to widen the windows a kill can land in)
 *
 * "open" counts only opens that may write (O_WRONLY, O_RDWR, O_CREAT).
 * Only calls made through the PLT are seen: the tools' own write(),
 * fsync(), rename()..., not stdio's internal ones (stdout faults are
 * tested with /dev/full).  Never built with a sanitizer: ASan must come
 * first in the library list and refuses to run under a preloaded shim.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum kind { K_WRITE, K_FSYNC, K_RENAME, K_OPEN, K_CLOSE, K_FCHMOD,
	K_FCHOWN, K_UNLINK, K_MKDIR, NKIND };
static const char *const kind_name[NKIND] = {
	"write", "fsync", "rename", "open", "close", "fchmod", "fchown",
	"unlink", "mkdir"
};

static long count[NKIND];
static int fail_kind = -1;
static long fail_at;
static int fail_errno = EIO;
static long slow_us;

static ssize_t (*real_write)(int, const void *, size_t);
static int (*real_fsync)(int);
static int (*real_fdatasync)(int);
static int (*real_rename)(const char *, const char *);
static int (*real_renameat)(int, const char *, int, const char *);
static int (*real_open)(const char *, int, ...);
static int (*real_open64)(const char *, int, ...);
static int (*real_openat)(int, const char *, int, ...);
static int (*real_close)(int);
static int (*real_fchmod)(int, mode_t);
static int (*real_fchown)(int, uid_t, gid_t);
static int (*real_unlink)(const char *);
static int (*real_unlinkat)(int, const char *, int);
static int (*real_mkdir)(const char *, mode_t);
static int (*real_mkdirat)(int, const char *, mode_t);

static const struct {
	const char *name;
	int value;
} errnos[] = {
	{"ENOSPC", ENOSPC}, {"EIO", EIO}, {"EDQUOT", EDQUOT},
	{"EROFS", EROFS}, {"EACCES", EACCES}, {"EPERM", EPERM},
	{"EMFILE", EMFILE}, {"EXDEV", EXDEV}, {"EFBIG", EFBIG},
	{"EINTR", EINTR}, {"EAGAIN", EAGAIN}, {NULL, 0}
};

static void
resolve(void)
{
	static int done;

	if (done)
		return;
	done = 1;
	*(void **)&real_write = dlsym(RTLD_NEXT, "write");
	*(void **)&real_fsync = dlsym(RTLD_NEXT, "fsync");
	*(void **)&real_fdatasync = dlsym(RTLD_NEXT, "fdatasync");
	*(void **)&real_rename = dlsym(RTLD_NEXT, "rename");
	*(void **)&real_renameat = dlsym(RTLD_NEXT, "renameat");
	*(void **)&real_open = dlsym(RTLD_NEXT, "open");
	*(void **)&real_open64 = dlsym(RTLD_NEXT, "open64");
	*(void **)&real_openat = dlsym(RTLD_NEXT, "openat");
	*(void **)&real_close = dlsym(RTLD_NEXT, "close");
	*(void **)&real_fchmod = dlsym(RTLD_NEXT, "fchmod");
	*(void **)&real_fchown = dlsym(RTLD_NEXT, "fchown");
	*(void **)&real_unlink = dlsym(RTLD_NEXT, "unlink");
	*(void **)&real_unlinkat = dlsym(RTLD_NEXT, "unlinkat");
	*(void **)&real_mkdir = dlsym(RTLD_NEXT, "mkdir");
	*(void **)&real_mkdirat = dlsym(RTLD_NEXT, "mkdirat");
}

__attribute__((constructor)) static void
setup(void)
{
	const char *call = getenv("FAULT_CALL"), *at = getenv("FAULT_AT");
	const char *e = getenv("FAULT_ERRNO"), *slow = getenv("FAULT_SLOW");
	int i;

	resolve();
	for (i = 0; call && i < NKIND; i++)
		if (strcmp(call, kind_name[i]) == 0)
			fail_kind = i;
	fail_at = at ? atol(at) : 0;
	for (i = 0; e && errnos[i].name; i++)
		if (strcmp(e, errnos[i].name) == 0)
			fail_errno = errnos[i].value;
	slow_us = slow ? atol(slow) : 0;
}

/* One line appended to $FAULT_LOG, through the real calls. */
static void
logline(const char *fmt, ...)
{
	const char *path = getenv("FAULT_LOG");
	char line[1024];
	va_list ap;
	int fd, n;

	if (!path || !*path)
		return;
	va_start(ap, fmt);
	n = vsnprintf(line, sizeof line - 1, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if (n > (int)sizeof line - 2)
		n = (int)sizeof line - 2;
	line[n++] = '\n';
	fd = real_open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
	if (fd < 0)
		return;
	if (real_write(fd, line, (size_t)n) < 0)
		n = 0;
	real_close(fd);
}

static void
fd_name(int fd, char *out, size_t size)
{
	char link[64];
	ssize_t n;

	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	n = readlink(link, out, size - 1);
	if (n < 0)
		snprintf(out, size, "fd %d", fd);
	else
		out[n] = '\0';
}

/* Count a call; true when this one is to fail (errno is then set). */
static bool
hit(enum kind k, int fd, const char *path)
{
	char name[512];

	resolve();
	if (++count[k] != fail_at || (int)k != fail_kind)
		return false;
	if (!path) {
		fd_name(fd, name, sizeof name);
		path = name;
	}
	logline("fail %s #%ld %s %s", kind_name[k], count[k], path,
	    strerror(fail_errno));
	errno = fail_errno;
	return true;
}

__attribute__((destructor)) static void
report(void)
{
	logline("count write=%ld fsync=%ld rename=%ld open=%ld close=%ld "
	    "fchmod=%ld fchown=%ld unlink=%ld mkdir=%ld", count[K_WRITE],
	    count[K_FSYNC], count[K_RENAME], count[K_OPEN], count[K_CLOSE],
	    count[K_FCHMOD], count[K_FCHOWN], count[K_UNLINK], count[K_MKDIR]);
}

static void
slow_disk(void)
{
	struct timespec t;

	if (slow_us <= 0)
		return;
	t.tv_sec = slow_us / 1000000;
	t.tv_nsec = slow_us % 1000000 * 1000;
	nanosleep(&t, NULL);
}

ssize_t
write(int fd, const void *p, size_t n)
{
	if (hit(K_WRITE, fd, NULL))
		return -1;
	return real_write(fd, p, n);
}


int
fsync(int fd)
{
	if (hit(K_FSYNC, fd, NULL))
		return -1;
	slow_disk();
	return real_fsync(fd);
}

int
fdatasync(int fd)
{
	if (hit(K_FSYNC, fd, NULL))
		return -1;
	slow_disk();
	return real_fdatasync(fd);
}

int
rename(const char *from, const char *to)
{
	if (hit(K_RENAME, -1, to))
		return -1;
	slow_disk();
	return real_rename(from, to);
}

int
renameat(int dfrom, const char *from, int dto, const char *to)
{
	if (hit(K_RENAME, -1, to))
		return -1;
	slow_disk();
	return real_renameat(dfrom, from, dto, to);
}

static bool
writing(int flags)
{
	return (flags & (O_WRONLY | O_RDWR | O_CREAT)) != 0;
}

static mode_t
mode_arg(int flags, va_list ap)
{
	return flags & (O_CREAT | O_TMPFILE) ? va_arg(ap, mode_t) : 0;
}

int
open(const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;

	va_start(ap, flags);
	mode = mode_arg(flags, ap);
	va_end(ap);
	if (writing(flags) && hit(K_OPEN, -1, path))
		return -1;
	return real_open(path, flags, mode);
}

int
open64(const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;

	va_start(ap, flags);
	mode = mode_arg(flags, ap);
	va_end(ap);
	if (writing(flags) && hit(K_OPEN, -1, path))
		return -1;
	return real_open64(path, flags, mode);
}

int
openat(int dir, const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;

	va_start(ap, flags);
	mode = mode_arg(flags, ap);
	va_end(ap);
	if (writing(flags) && hit(K_OPEN, -1, path))
		return -1;
	return real_openat(dir, path, flags, mode);
}

/* Linux closes the descriptor even when close reports an error. */
int
close(int fd)
{
	if (hit(K_CLOSE, fd, NULL)) {
		int e = errno;

		real_close(fd);
		errno = e;
		return -1;
	}
	return real_close(fd);
}

/* a rewritten file keeps its mode, owner and group: these fail too */
int
fchmod(int fd, mode_t mode)
{
	if (hit(K_FCHMOD, fd, NULL))
		return -1;
	return real_fchmod(fd, mode);
}

int
fchown(int fd, uid_t uid, gid_t gid)
{
	if (hit(K_FCHOWN, fd, NULL))
		return -1;
	return real_fchown(fd, uid, gid);
}

/* the journal removed once its renames are done, temp files left over */
int
unlink(const char *path)
{
	if (hit(K_UNLINK, -1, path))
		return -1;
	return real_unlink(path);
}

int
unlinkat(int dir, const char *path, int flags)
{
	if (hit(K_UNLINK, -1, path))
		return -1;
	return real_unlinkat(dir, path, flags);
}

/* a commit's own directory for its temp files (and init's directory) */
int
mkdir(const char *path, mode_t mode)
{
	if (hit(K_MKDIR, -1, path))
		return -1;
	return real_mkdir(path, mode);
}

int
mkdirat(int dir, const char *path, mode_t mode)
{
	if (hit(K_MKDIR, -1, path))
		return -1;
	return real_mkdirat(dir, path, mode);
}

time_t
time(time_t *t)
{
	const char *fixed = getenv("FAULT_TIME");
	time_t now;
	struct timespec ts;

	if (fixed && *fixed)
		now = (time_t)atoll(fixed);
	else {
		clock_gettime(CLOCK_REALTIME, &ts);
		now = ts.tv_sec;
	}
	if (t)
		*t = now;
	return now;
}
