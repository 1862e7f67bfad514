/*
 * tmpfile.c - a commit's stage, a directory of its own in the register,
 * and the temp files written in it: created exclusively, never through a
 * link, with the old file's owner, group and mode, each one's digest
 * taken as it is written.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/err.h"
#include "base/strbuf.h"
#include "io/output.h"
#include "register/register_priv.h"

/* the random part of a temp file's name */
#define TMPRANDOM 12

/* TMPRANDOM letters and digits no one can guess */
static void
random_part(char out[TMPRANDOM + 1])
{
	static const char chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789";
	static uint64_t counter;
	unsigned char raw[TMPRANDOM];
	struct timespec t;
	uint64_t mix;
	size_t i;

	if (getrandom(raw, sizeof raw, GRND_NONBLOCK) != (ssize_t)sizeof raw) {
		/* no randomness to be had: the clock, the pid and a count,
		 * stirred -- guessable, yet a name planted first is never
		 * used (O_EXCL) */
		clock_gettime(CLOCK_REALTIME, &t);
		mix = (uint64_t)t.tv_nsec ^ (uint64_t)getpid() << 32 ^
		    ++counter << 48;
		for (i = 0; i < sizeof raw; i++) {
			mix = mix * 6364136223846793005u + 1442695040888963407u;
			raw[i] = (unsigned char)(mix >> 56);
		}
	}
	for (i = 0; i < TMPRANDOM; i++)
		out[i] = chars[raw[i] % (sizeof chars - 1)];
	out[TMPRANDOM] = '\0';
}

int
vl_stage_make(const struct vl_reg *r, struct stage *g)
{
	char rnd[TMPRANDOM + 1];
	struct stat st;
	int tries;

	g->fd = -1;
	for (tries = 0;; tries++) {
		random_part(rnd);
		snprintf(g->name, sizeof g->name, TMPPREFIX "%s", rnd);
		if (mkdirat(r->dirfd, g->name, 0775) == 0)
			break;
		if (errno != EEXIST || tries == 15)
			return vl_reg_fault_at(r, "cannot create", g->name);
	}
	g->fd = openat(r->dirfd, g->name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC);
	if (g->fd < 0 || fstat(g->fd, &st) != 0 || !S_ISDIR(st.st_mode) ||
	    st.st_uid != geteuid() || (st.st_mode & 002)) {
		if (g->fd >= 0) {
			close(g->fd);
			g->fd = -1;
			errno = EEXIST;	/* not the one made */
		}
		return vl_reg_fault_at(r, "cannot create", g->name);
	}
	return VL_OK;
}

/* Is name one that make_stage gives? */
bool
vl_stage_name(const char *name)
{
	size_t np = strlen(TMPPREFIX), n;

	if (strncmp(name, TMPPREFIX, np) != 0)
		return false;
	n = strspn(name + np, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789");
	return n >= 6 && n <= 32 && name[np + n] == '\0';
}

/* A temp file being written, and the digest of what went into it. */
struct sink {
	int fd;
	struct vl_sha256 sha;
};

int
vl_write_all(int fd, const char *p, size_t n)
{
	ssize_t w;

	while (n > 0) {
		w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		p += w, n -= (size_t)w;
	}
	return 0;
}

static int
sink_write(struct sink *k, const char *p, size_t n)
{
	vl_sha256_add(&k->sha, p, n);
	return vl_write_all(k->fd, p, n);
}

/* What the end of the old file and its first line were like. */
struct old_file {
	bool ends_nl;		/* it ended in a newline */
	bool crlf;		/* its first line ended in CR LF */
};

/* Does the first line of the first block end in CR LF? */
static bool
first_line_crlf(const char *block, size_t n)
{
	const char *lf = memchr(block, '\n', n);

	return lf && lf > block && lf[-1] == '\r';
}

/* Copy the old file (open on in) into k; note how it ends and its line
 * end.  1 when it was empty: it needs its header. */
static int
copy_old(int in, struct sink *k, struct old_file *o)
{
	char block[65536];
	ssize_t n;
	int empty = 1;

	while ((n = read(in, block, sizeof block)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || sink_write(k, block, (size_t)n) != 0)
			return -1;
		if (empty)
			o->crlf = first_line_crlf(block, (size_t)n);
		o->ends_nl = block[n - 1] == '\n';
		empty = 0;
	}
	return empty;
}

/* The rows at p written with CR LF, as the file they are appended to
 * has them (saved by a spreadsheet): each LF that ends a row, outside
 * quotes, becomes CR LF; one inside a quoted note is the note's. */
static int
sink_write_crlf(struct sink *k, const char *p, size_t n)
{
	struct vl_buf b = {0};
	bool quoted = false;
	size_t i, from = 0;
	int status;

	vl_buf_add(&b, "", 0);
	for (i = 0; i < n; i++) {
		if (p[i] == '"') {
			quoted = !quoted;
		} else if (p[i] == '\n' && !quoted) {
			vl_buf_add(&b, p + from, i - from);
			vl_buf_add(&b, "\r\n", 2);
			from = i + 1;
		}
	}
	vl_buf_add(&b, p + from, n - from);
	status = sink_write(k, b.data, b.len);
	vl_buf_free(&b);
	return status;
}

/* The new content of c's file into k: the old file (in, or -1 for none)
 * and what is appended, or c's data alone. */
static int
fill_tmp(const struct vl_change *c, int in, struct sink *k)
{
	struct old_file o = {true, false};
	int old = 1;

	if (!c->replace && in >= 0)
		old = copy_old(in, k, &o);
	if (old < 0)
		return -1;
	if (old == 1 && c->header && sink_write(k, c->header,
	    strlen(c->header)) != 0)
		return -1;
	if (!o.ends_nl && sink_write(k, o.crlf ? "\r\n" : "\n",
	    o.crlf ? 2 : 1) != 0)
		return -1;
	if ((o.crlf ? sink_write_crlf(k, c->data, c->len) :
	    sink_write(k, c->data, c->len)) != 0)
		return -1;
	return fsync(k->fd);
}

/* a temp file of the stage, by its place in the register */
int
vl_stage_fault(const struct vl_reg *r, const struct stage *g,
    const char *what, const char *name)
{
	struct vl_buf b = {0};
	int e = errno, status;

	vl_buf_printf(&b, "%s/%s", g->name, name);
	errno = e;
	status = vl_reg_fault_at(r, what, b.data);
	vl_buf_free(&b);
	return status;
}

/* The new content of c's file in a temp file of the stage, t; its digest
 * (may be NULL).  A file of another kind where c's file should be is
 * refused. */
int
vl_stage_write(const struct vl_reg *r, const struct stage *g,
    const struct vl_change *c, struct tmpfile *t, char digest[VL_HASH_HEX])
{
	char scratch[VL_HASH_HEX];
	struct stat old;
	struct sink k;
	int in, status = VL_OK;

	t->file = c->file;
	if ((in = vl_reg_open_regular(r, c->file, &old)) < 0 &&
	    errno != ENOENT)
		return VL_SYSFAULT;	/* said */
	/* a new file as umask allows; an old one's mode comes after */
	k.fd = openat(g->fd, c->file, O_WRONLY | O_CREAT | O_EXCL |
	    O_NOFOLLOW | O_CLOEXEC, in >= 0 ? 0600 : 0666);
	if (k.fd < 0) {
		status = vl_stage_fault(r, g, "cannot create", c->file);
		if (in >= 0)
			close(in);
		return status;
	}
	vl_sha256_init(&k.sha);
	if (fill_tmp(c, in, &k) != 0 || (in >= 0 && vl_keep_owner(k.fd,
	    &old) != 0) || fstat(k.fd, &t->st) != 0)
		status = vl_stage_fault(r, g, "cannot write", c->file);
	if (in >= 0)
		close(in);
	if (close(k.fd) != 0 && status == VL_OK)
		status = vl_stage_fault(r, g, "cannot write", c->file);
	vl_sha256_end(&k.sha, digest ? digest : scratch);
	return status;
}

