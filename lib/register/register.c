/*
 * register.c - the register directory: where it is, its lock, and the one
 * place every tool's write goes through.
 *
 * A commit writes each changed file's new content to a temp file in a
 * directory of its own in the register (its stage) and fsyncs it; then a
 * journal naming those files is renamed into place (the commit point);
 * then the temp files are renamed over the old ones and the journal and
 * the stage are removed.  A crash before the journal lands
 * leaves the old register; after it, the next lock holder rolls the
 * renames forward.  Either way every file is whole: old or new.
 *
 * audit.csv is one more file of the same commit, so a change and its
 * audit lines land together or not at all; and .vl-head, the trail's
 * last seq and hash, one more again, so a trail cut short or put back
 * from an older copy no longer reaches its head.
 *
 * The directory may be writable by others than the tools (a shared
 * folder): nothing in it is trusted.  Every name a commit writes or a
 * journal gives is one of the register's own files (one table, below);
 * the stage is made under a name no one can guess, never writable by
 * all, and its temp files are renamed by its descriptor, so no one else
 * can plant or swap them; what is renamed is checked to be what was
 * written; a symbolic link, FIFO or any other file that is not a regular
 * one, where a register file, the lock, the journal or the head should
 * be, is refused.  All of it relative to the directory opened once.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <dirent.h>

#include "base/err.h"
#include "base/i18n.h"
#include "io/csv.h"
#include "io/output.h"
#include "register/audit.h"
#include "register/register.h"

#define LOCKFILE ".vl.lock"
#define JOURNAL ".vl-journal"
#define TMPPREFIX ".vl-tmp."
#define JOURNAL_END "commit"
/* a journal is a line a file: far less than this */
#define JOURNAL_MAX 8192
/* the random part of a temp file's name */
#define TMPRANDOM 12
#define TMPNAME 96
/* the default and the largest $VL_LOCK_TIMEOUT, in seconds */
#define LOCK_WAIT 10
#define LOCK_WAIT_MAX 86400

/* Every file of a register: the only names a commit writes and a journal
 * may give, each refused when it is not a regular file.  A new file of
 * the register joins with one line here. */
const struct vl_regfile vl_register_files[] = {
	{"plan.json", VL_RF_PLAN},
	{"projects.csv", VL_RF_RECORDS},
	{"progress.csv", VL_RF_RECORDS},
	{"funds.csv", VL_RF_RECORDS},
	{"inspections.csv", VL_RF_RECORDS},
	{"audit.csv", VL_RF_TRAIL},
	{VL_HEAD, VL_RF_HEAD},
	{NULL, VL_RF_PLAN}
};

bool
vl_reg_is_file(const char *name)
{
	const struct vl_regfile *f;

	for (f = vl_register_files; f->name; f++)
		if (strcmp(f->name, name) == 0)
			return true;
	return false;
}

const char *
vl_reg_dirname(const char *opt)
{
	const char *env = getenv("VL_DIR");

	if (opt)
		return opt;
	return env && *env ? env : ".";
}

void
vl_reg_open(struct vl_reg *r, const char *dir)
{
	memset(r, 0, sizeof *r);
	r->dir = vl_xstrdup(dir);
	r->lockfd = -1;
	r->dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

void
vl_reg_close(struct vl_reg *r)
{
	if (!r->dir)
		return;		/* never opened */
	if (r->lockfd >= 0)
		close(r->lockfd);	/* releases the flock */
	if (r->dirfd >= 0)
		close(r->dirfd);
	r->lockfd = r->dirfd = -1;
	free(r->dir);
	r->dir = NULL;
	vl_buf_free(&r->notes);
}

const char *
vl_reg_display(const struct vl_reg *r, const char *name)
{
	static struct vl_buf buf;

	if (strcmp(r->dir, ".") == 0)
		return name;
	buf.len = 0;
	vl_buf_printf(&buf, "%s/%s", r->dir, name);
	return buf.data;
}

char *
vl_reg_path(const struct vl_reg *r, const char *name)
{
	struct vl_buf b = {0};

	vl_buf_printf(&b, "%s/%s", r->dir, name);
	return b.data;
}

bool
vl_reg_exists(const struct vl_reg *r, const char *name)
{
	char *p = vl_reg_path(r, name);
	struct stat st;
	/* the name itself: a symbolic link there is there (and refused) */
	bool yes = fstatat(AT_FDCWD, p, &st, AT_SYMLINK_NOFOLLOW) == 0;

	free(p);
	return yes;
}

static int
fault(const char *what, const char *path)
{
	vl_warn("%s %s: %s", vl_tr(what), path, strerror(errno));
	return VL_SYSFAULT;
}

/* the same, the file named by its place in the register */
static int
fault_at(const struct vl_reg *r, const char *what, const char *name)
{
	int e = errno;
	char *display = vl_xstrdup(vl_reg_display(r, name));
	int status;

	errno = e;
	status = fault(what, display);
	free(display);
	return status;
}

/* The directory, opened once: every name of a commit is looked up in
 * it, wherever its path may lead meanwhile. */
static int
need_dir(struct vl_reg *r)
{
	if (r->dirfd < 0 &&
	    (r->dirfd = open(r->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return fault("cannot open directory", r->dir);
	return VL_OK;
}

static int
sync_dir(const struct vl_reg *r)
{
	if (fsync(r->dirfd) != 0)
		return fault("cannot sync directory", r->dir);
	return VL_OK;
}

/* A register file, a temp file or the journal as it is: a descriptor to
 * read it, or -1: errno ENOENT when there is none, else said. */
static int
open_regular(const struct vl_reg *r, const char *name, struct stat *st)
{
	char *display = vl_xstrdup(vl_reg_display(r, name));
	int fd = vl_open_regular_at(r->dirfd, name, display, st), e = errno;

	free(display);
	errno = e;
	return fd;
}

/* ---- temp files ------------------------------------------------------ */

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

/*
 * A commit's own directory, ".vl-tmp.RANDOM", made here and now: its
 * temp files are made in it, and renamed from it (by its descriptor) into
 * place.  No one can guess its name or plant anything under it first
 * (mkdir fails on a name that is there), and, never writable by all
 * (0775 less the umask), no one outside the register's own user and
 * group can put anything in it or take anything out; its group, where
 * the umask lets it write, can finish a commit a crash left there.
 */
struct stage {
	int fd;			/* -1: none */
	char name[TMPNAME];
};

static int
make_stage(const struct vl_reg *r, struct stage *g)
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
			return fault_at(r, "cannot create", g->name);
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
		return fault_at(r, "cannot create", g->name);
	}
	return VL_OK;
}

/* Is name one that make_stage gives? */
static bool
stage_name(const char *name)
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

/* A temp file written in the stage, to be renamed over the register
 * file of the same name. */
struct tmpfile {
	const char *file;	/* the register file it replaces */
	struct stat st;		/* as written: what is renamed must be it */
};

static int
write_all(int fd, const char *p, size_t n)
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
	return write_all(k->fd, p, n);
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
static int
fault_staged(const struct vl_reg *r, const struct stage *g, const char *what,
    const char *name)
{
	struct vl_buf b = {0};
	int e = errno, status;

	vl_buf_printf(&b, "%s/%s", g->name, name);
	errno = e;
	status = fault_at(r, what, b.data);
	vl_buf_free(&b);
	return status;
}

/* The new content of c's file in a temp file of the stage, t; its digest
 * (may be NULL).  A file of another kind where c's file should be is
 * refused. */
static int
write_tmp(const struct vl_reg *r, const struct stage *g,
    const struct vl_change *c, struct tmpfile *t, char digest[VL_HASH_HEX])
{
	char scratch[VL_HASH_HEX];
	struct stat old;
	struct sink k;
	int in, status = VL_OK;

	t->file = c->file;
	if ((in = open_regular(r, c->file, &old)) < 0 && errno != ENOENT)
		return VL_SYSFAULT;	/* said */
	/* a new file as umask allows; an old one's mode comes after */
	k.fd = openat(g->fd, c->file, O_WRONLY | O_CREAT | O_EXCL |
	    O_NOFOLLOW | O_CLOEXEC, in >= 0 ? 0600 : 0666);
	if (k.fd < 0) {
		status = fault_staged(r, g, "cannot create", c->file);
		if (in >= 0)
			close(in);
		return status;
	}
	vl_sha256_init(&k.sha);
	if (fill_tmp(c, in, &k) != 0 || (in >= 0 && vl_keep_owner(k.fd,
	    &old) != 0) || fstat(k.fd, &t->st) != 0)
		status = fault_staged(r, g, "cannot write", c->file);
	if (in >= 0)
		close(in);
	if (close(k.fd) != 0 && status == VL_OK)
		status = fault_staged(r, g, "cannot write", c->file);
	vl_sha256_end(&k.sha, digest ? digest : scratch);
	return status;
}

/* ---- the journal ----------------------------------------------------- */

/* One line of a journal: which temp file of which stage becomes which
 * register file ("STAGE/FILE FILE"), and what that temp file is (inode and
 * size), so that nothing else is ever renamed in its place. */
struct entry {
	char stage[TMPNAME];	/* "" in a journal of vl 0.1 */
	char file[64];
	uintmax_t ino, size;
};

/* The journal's entries, and the stage they are in. */
struct journal {
	struct entry e[VL_REG_FILES];
	bool move[VL_REG_FILES];	/* its temp file is there to move */
	size_t n;			/* 0: no journal */
	int stagefd;			/* -1: none, or gone */
};

/* the temp file of e: in its stage, or, in the form of vl 0.1, beside
 * the register file (".vl-tmp.FILE") */
static const char *
tmp_name(const struct entry *e, char buf[TMPNAME])
{
	if (!*e->stage)
		snprintf(buf, TMPNAME, TMPPREFIX "%s", e->file);
	else
		snprintf(buf, TMPNAME, "%s", e->file);
	return buf;
}

static int
tmp_dir(const struct vl_reg *r, const struct journal *j,
    const struct entry *e)
{
	return *e->stage ? j->stagefd : r->dirfd;
}

/* The journal made in the stage, then renamed into place: the commit
 * point. */
static int
write_journal(const struct vl_reg *r, const struct stage *g,
    const struct tmpfile *t, size_t n)
{
	struct vl_buf b = {0};
	size_t i;
	int fd, status = VL_OK;

	for (i = 0; i < n; i++)	/* audit.csv and .vl-head last */
		vl_buf_printf(&b, "%s/%s %s %ju %ju\n", g->name, t[i].file,
		    t[i].file, (uintmax_t)t[i].st.st_ino,
		    (uintmax_t)t[i].st.st_size);
	vl_buf_puts(&b, JOURNAL_END "\n");
	fd = openat(g->fd, "journal", O_WRONLY | O_CREAT | O_EXCL |
	    O_NOFOLLOW | O_CLOEXEC, 0666);
	if (fd < 0) {
		vl_buf_free(&b);
		return fault_staged(r, g, "cannot create", "journal");
	}
	if (write_all(fd, b.data, b.len) != 0 || fsync(fd) != 0)
		status = fault_staged(r, g, "cannot write", "journal");
	if (close(fd) != 0 && status == VL_OK)
		status = fault_staged(r, g, "cannot write", "journal");
	vl_buf_free(&b);
	/* the temp files' names in the stage are on disk before the
	 * journal that names them */
	if (status == VL_OK && fsync(g->fd) != 0)
		status = fault_at(r, "cannot sync directory", g->name);
	if (status == VL_OK && renameat(g->fd, "journal", r->dirfd,
	    JOURNAL) != 0) {
		status = fault_at(r, "cannot rename", JOURNAL);
		/* under the lock any journal is this one: half renamed, it
		 * goes, or it would name temp files no longer there */
		unlinkat(r->dirfd, JOURNAL, 0);
	}
	return status;
}

/* A journal that is not one the tools wrote: nothing is moved, and every
 * tool refuses the register until someone has looked at it. */
static int
bad_journal(const struct vl_reg *r, int line, const char *why,
    const char *what)
{
	char *display = vl_xstrdup(vl_reg_display(r, JOURNAL));

	vl_warn("%s:%d: %s \"%s\"; nothing was moved.  It is not a journal "
	    "the vl tools wrote: look at it, then remove it (every vl tool "
	    "refuses the register until then)", display, line, vl_tr(why),
	    what);
	free(display);
	return VL_SYSFAULT;
}

static bool
digits(const char *s, uintmax_t *v)
{
	char *end;

	if (*s < '0' || *s > '9' || strlen(s) > 19)
		return false;
	*v = strtoumax(s, &end, 10);
	return *end == '\0';
}

/* One line of the journal into e; NULL, or why it is not a line the
 * tools write. */
static const char *
parse_entry(char *line, struct entry *e)
{
	char *f[5], *slash;
	size_t n = 0;

	memset(e, 0, sizeof *e);
	for (f[n] = strtok(line, " "); f[n] && n < 4; f[++n] = strtok(NULL,
	    " "))
		;
	if (n == 1)		/* vl 0.1: the file, its temp file implied */
		f[1] = f[0];
	else if (n != 4 || f[4])
		return N_("not a line of a journal");
	if (!vl_reg_is_file(f[1]) || strlen(f[1]) >= sizeof e->file)
		return N_("not a file of the register");
	strcpy(e->file, f[1]);
	if (n == 1)
		return NULL;
	/* STAGE/FILE: a stage's name, and the file's own */
	if (!(slash = strchr(f[0], '/')) || strcmp(slash + 1, f[1]) != 0)
		return N_("not a temp file of the tools");
	*slash = '\0';
	if (!stage_name(f[0]) || strlen(f[0]) >= sizeof e->stage)
		return N_("not a temp file of the tools");
	strcpy(e->stage, f[0]);
	if (!digits(f[2], &e->ino) || !digits(f[3], &e->size))
		return N_("not a line of a journal");
	return NULL;
}

/* Is e's temp file still there and the one written, or gone because it
 * was renamed into place already?  NULL, or what is wrong. */
static const char *
check_entry(const struct vl_reg *r, const struct journal *j,
    const struct entry *e, bool *move)
{
	char tmp[TMPNAME];
	int dir = tmp_dir(r, j, e);
	struct stat st;

	*move = false;
	if (dir >= 0 && fstatat(dir, tmp_name(e, tmp), &st,
	    AT_SYMLINK_NOFOLLOW) == 0) {
		if (!S_ISREG(st.st_mode))
			return N_("not a regular file");
		if (*e->stage && ((uintmax_t)st.st_ino != e->ino ||
		    (uintmax_t)st.st_size != e->size))
			return N_("not the file the commit wrote");
		*move = true;
		return NULL;
	}
	if (dir >= 0 && errno != ENOENT)
		return N_("cannot be looked at");
	if (!*e->stage)
		return NULL;
	/* renamed already: the register file is the temp file that was */
	if (fstatat(r->dirfd, e->file, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
	    (uintmax_t)st.st_ino != e->ino)
		return N_("gone, and not renamed into place");
	return NULL;
}

/* The journal's text: VL_OK with *len 0 when there is none; VL_SYSFAULT
 * said. */
static int
slurp_journal(const struct vl_reg *r, char buf[JOURNAL_MAX + 2],
    size_t *len)
{
	struct stat st;
	ssize_t got;
	int fd;

	*len = 0;
	if ((fd = open_regular(r, JOURNAL, &st)) < 0)
		return errno == ENOENT ? VL_OK : VL_SYSFAULT;
	if (st.st_size > JOURNAL_MAX) {
		close(fd);
		return bad_journal(r, 1, N_("longer than any journal"), "");
	}
	while ((got = read(fd, buf + *len, JOURNAL_MAX + 1 - *len)) != 0) {
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			int status = fault_at(r, "cannot read", JOURNAL);

			close(fd);
			return status;
		}
		*len += (size_t)got;
		if (*len > JOURNAL_MAX)
			break;
	}
	close(fd);
	buf[*len] = '\0';
	if (*len == 0 || *len > JOURNAL_MAX)
		return bad_journal(r, 1, *len ? N_("longer than any journal") :
		    N_("empty"), "");
	return VL_OK;
}

/* The stage a journal names, opened: its temp files are then renamed by
 * it, whatever is done to its name meanwhile.  Gone is fine (all of it
 * renamed, the journal not yet removed); anything but a directory no one
 * else may write to is not. */
static const char *
open_stage(const struct vl_reg *r, struct journal *j, const char *stage)
{
	struct stat st;

	if (j->stagefd >= 0 || !*stage)
		return NULL;
	j->stagefd = openat(r->dirfd, stage, O_RDONLY | O_DIRECTORY |
	    O_NOFOLLOW | O_CLOEXEC);
	if (j->stagefd < 0)
		return errno == ENOENT ? NULL : N_("not a directory of the tools");
	if (fstat(j->stagefd, &st) != 0 || (st.st_mode & 002))
		return N_("not a directory of the tools");
	return NULL;
}

static void
close_journal(struct journal *j)
{
	if (j->stagefd >= 0)
		close(j->stagefd);
	j->stagefd = -1;
}

/* One line of the journal, number no: parsed into j, checked. */
static int
journal_line(const struct vl_reg *r, struct journal *j, char *line, int no)
{
	struct entry *e = &j->e[j->n];
	const char *why;
	size_t k;

	if (j->n == VL_REG_FILES)
		return bad_journal(r, no, N_("more files than a register has"),
		    line);
	if ((why = parse_entry(line, e)) != NULL)
		return bad_journal(r, no, why, line);
	for (k = 0; k < j->n; k++) {
		if (strcmp(j->e[k].file, e->file) == 0)
			return bad_journal(r, no, N_("a file named twice"),
			    e->file);
		if (strcmp(j->e[k].stage, e->stage) != 0)
			return bad_journal(r, no, N_("a second stage"),
			    e->stage);
	}
	if ((why = open_stage(r, j, e->stage)) != NULL ||
	    (why = check_entry(r, j, e, &j->move[j->n])) != NULL)
		return bad_journal(r, no, why, *e->stage ? e->stage : e->file);
	j->n++;
	return VL_OK;
}

/* Read the journal, if any, and check all of it: its form, every name
 * one of the register's files, every temp file the one written.  j->n is
 * 0 when there is none; VL_OK or VL_SYSFAULT, said. */
static int
read_journal(const struct vl_reg *r, struct journal *j)
{
	char buf[JOURNAL_MAX + 2], *line, *next;
	size_t len;
	int status, no = 0;
	bool ended = false;

	j->n = 0;
	j->stagefd = -1;
	if ((status = slurp_journal(r, buf, &len)) != VL_OK || len == 0)
		return status;
	if (memchr(buf, '\0', len))
		return bad_journal(r, 1, N_("a NUL byte"), "");
	for (line = buf; status == VL_OK && *line; line = next) {
		no++;
		if (!(next = strchr(line, '\n')))
			status = bad_journal(r, no, N_("no end of line"), line);
		else if ((*next++ = '\0', ended))
			status = bad_journal(r, no, N_("a line after the end"),
			    line);
		else if (strcmp(line, JOURNAL_END) == 0)
			ended = true;
		else
			status = journal_line(r, j, line, no);
	}
	if (status == VL_OK && (!ended || j->n == 0))
		status = bad_journal(r, no, ended ? N_("no file named") :
		    N_("no end line: not whole"), "");
	if (status != VL_OK) {
		close_journal(j);
		j->n = 0;
	}
	return status;
}

/* "cannot rename STAGE/FILE to FILE" */
static int
fault_renaming(const struct vl_reg *r, const struct entry *e,
    const char *tmp)
{
	struct vl_buf b = {0};
	int err = errno, status;

	if (*e->stage)
		vl_buf_printf(&b, "%s/", e->stage);
	vl_buf_puts(&b, tmp);
	errno = err;
	status = fault_at(r, "cannot rename", b.data);
	vl_buf_free(&b);
	return status;
}

/* Finish the renames a journal names, once all of it is known good, each
 * temp file looked at again right before it moves; then the stage goes. */
static int
roll_forward(const struct vl_reg *r)
{
	char tmp[TMPNAME];
	struct journal j;
	size_t i;
	bool move;
	int status = read_journal(r, &j);

	if (status != VL_OK || j.n == 0)
		return status;
	for (i = 0; i < j.n && status == VL_OK; i++) {
		if (!j.move[i])
			continue;
		if (check_entry(r, &j, &j.e[i], &move) != NULL || !move)
			status = bad_journal(r, (int)i + 1, N_("not the file "
			    "the commit wrote"), j.e[i].file);
		else if (renameat(tmp_dir(r, &j, &j.e[i]), tmp_name(&j.e[i],
		    tmp), r->dirfd, j.e[i].file) != 0)
			status = fault_renaming(r, &j.e[i], tmp);
	}
	close_journal(&j);
	if (status == VL_OK && (status = sync_dir(r)) == VL_OK &&
	    unlinkat(r->dirfd, JOURNAL, 0) != 0)
		status = fault_at(r, "cannot remove", JOURNAL);
	if (status == VL_OK && *j.e[0].stage)
		unlinkat(r->dirfd, j.e[0].stage, AT_REMOVEDIR);
	return status == VL_OK ? sync_dir(r) : status;
}

/* a stage left over: its files, then itself */
static void
remove_stage(const struct vl_reg *r, const char *name)
{
	int fd = openat(r->dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC);
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	struct dirent *e;

	if (!d) {
		if (fd >= 0)
			close(fd);
		return;
	}
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			unlinkat(fd, e->d_name, 0);
	closedir(d);
	unlinkat(r->dirfd, name, AT_REMOVEDIR);
}

/* Temp files and stages of commits that never reached their commit
 * point (or whose journal is done) go. */
static void
remove_tmps(const struct vl_reg *r)
{
	/* a descriptor of its own: a dup would share dirfd's offset, at the
	 * end after the first walk */
	int fd = openat(r->dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	struct dirent *e;

	if (!d) {
		if (fd >= 0)
			close(fd);
		return;
	}
	while ((e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, TMPPREFIX, strlen(TMPPREFIX)) != 0)
			continue;
		if (unlinkat(r->dirfd, e->d_name, 0) != 0 && (errno == EISDIR ||
		    errno == EPERM))
			remove_stage(r, e->d_name);
	}
	closedir(d);
}

/* ---- the lock -------------------------------------------------------- */

int
vl_lock_timeout(long *seconds)
{
	const char *s = getenv("VL_LOCK_TIMEOUT");
	char *end;
	long v;

	*seconds = LOCK_WAIT;
	if (!s || !*s)
		return 0;
	errno = 0;
	v = strtol(s, &end, 10);
	if (*s < '0' || *s > '9' || errno || *end || v > LOCK_WAIT_MAX)
		return -1;
	*seconds = v;
	return 0;
}

/* The lock file, never through a symbolic link and never anything but a
 * regular file.  Where it can be neither made nor written (a copy of a
 * register on a read-only disk) a reader opens it to read, or, when it
 * is not there either, reads without it: *none.  -1 after saying why. */
static int
open_lock(const struct vl_reg *r, bool reader, bool *none)
{
	struct stat st;
	int fd;

	*none = false;
	/* looked at first: a device or a FIFO there is never opened */
	if (fstatat(r->dirfd, LOCKFILE, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    !S_ISREG(st.st_mode))
		return vl_open_regular_at(r->dirfd, LOCKFILE,
		    vl_reg_display(r, LOCKFILE), NULL);	/* refuses it */
	fd = openat(r->dirfd, LOCKFILE, O_RDWR | O_CREAT | O_NOFOLLOW |
	    O_NONBLOCK | O_CLOEXEC, 0666);
	if (fd < 0 && (errno == EACCES || errno == EROFS || errno == EPERM)) {
		/* a register this user may only read, or a read-only copy */
		int first = errno;

		fd = openat(r->dirfd, LOCKFILE, O_RDONLY | O_NOFOLLOW |
		    O_NONBLOCK | O_CLOEXEC);
		if (fd < 0 && reader && (errno == ENOENT || errno == EACCES)) {
			*none = true;
			return -1;
		}
		if (fd < 0 && errno == ENOENT)
			errno = first;	/* why it could not be made */
	}
	if (fd < 0 && errno == ELOOP)
		return vl_open_regular_at(r->dirfd, LOCKFILE,
		    vl_reg_display(r, LOCKFILE), NULL);	/* refuses it */
	if (fd < 0) {
		fault_at(r, "cannot open lock", LOCKFILE);
		return -1;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);	/* swapped since it was looked at */
		vl_warn("%s: not a regular file: refused",
		    vl_reg_display(r, LOCKFILE));
		return -1;
	}
	return fd;
}

/* flock how (LOCK_SH, LOCK_EX) with the bounded wait */
static int
take(const struct vl_reg *r, int how)
{
	struct timespec pause = {0, 20 * 1000 * 1000};
	long waited = 0, limit;

	vl_lock_timeout(&limit);
	limit *= 1000;
	while (flock(r->lockfd, how | LOCK_NB) != 0) {
		if ((errno != EWOULDBLOCK && errno != EINTR) ||
		    waited >= limit) {
			if (how == LOCK_EX)
				vl_warn("%s: the register is locked by another "
				    "writer (waited %ld s)", r->dir,
				    waited / 1000);
			else
				vl_warn("%s: the register is locked by a writer "
				    "(waited %ld s)", r->dir, waited / 1000);
			return VL_SYSFAULT;
		}
		nanosleep(&pause, NULL);
		waited += 20;
	}
	return VL_OK;
}

/* Every file of the register, the journal too, is a regular file or not
 * there. */
static int
check_files(const struct vl_reg *r)
{
	const struct vl_regfile *f;
	int fd, status = VL_OK;

	for (f = vl_register_files; f->name; f++)
		if ((fd = open_regular(r, f->name, NULL)) >= 0)
			close(fd);
		else if (errno != ENOENT)
			status = VL_SYSFAULT;	/* said */
	if ((fd = open_regular(r, JOURNAL, NULL)) >= 0)
		close(fd);
	else if (errno != ENOENT)
		status = VL_SYSFAULT;
	return status;
}

/* A commit a crash interrupted past its commit point, finished by a
 * reader: for that moment it writes, under the exclusive lock. */
static int
settle(struct vl_reg *r)
{
	struct journal j;
	int status;

	while ((status = read_journal(r, &j)) == VL_OK && j.n > 0) {
		close_journal(&j);
		if (r->lockfd < 0)
			break;	/* a read-only copy: it cannot be finished */
		if ((status = take(r, LOCK_EX)) != VL_OK)
			return status;
		status = roll_forward(r);
		if (status == VL_OK)
			remove_tmps(r);
		if (take(r, LOCK_SH) != VL_OK)
			return VL_SYSFAULT;
		if (status != VL_OK && (status = read_journal(r, &j)) == VL_OK) {
			close_journal(&j);
			break;	/* good, and cannot be finished here */
		}
	}
	if (status != VL_OK || j.n == 0)
		return status;
	vl_warn("%s: a commit was interrupted; the next writer completes it",
	    r->dir);
	return VL_OK;
}

static int
lock(struct vl_reg *r, bool shared)
{
	bool none;
	int status;

	if (need_dir(r) != VL_OK)
		return VL_SYSFAULT;
	if (r->lockfd < 0 && (r->lockfd = open_lock(r, shared, &none)) < 0 &&
	    !none)
		return VL_SYSFAULT;
	if (r->lockfd >= 0 && (status = take(r, shared ? LOCK_SH :
	    LOCK_EX)) != VL_OK) {
		close(r->lockfd);
		r->lockfd = -1;
		return status;
	}
	r->shared = shared;
	if ((status = check_files(r)) != VL_OK)
		return status;
	if (shared)
		return settle(r);
	/* stray temp files go only once the journal, if any, is done: a bad
	 * one keeps its files for whoever looks at it */
	if ((status = roll_forward(r)) == VL_OK)
		remove_tmps(r);
	return status;
}

int
vl_reg_lock(struct vl_reg *r)
{
	return lock(r, false);
}

int
vl_reg_lock_shared(struct vl_reg *r)
{
	return lock(r, true);
}

/* ---- what a commit records ------------------------------------------- */

void
vl_reg_note(struct vl_reg *r, const char *action, const char *file,
    const char *record)
{
	vl_buf_printf(&r->notes, "%s%c%s%c%s%c", action, 0, file, 0, record, 0);
}

/* The notes are triples of NUL-terminated strings: action, file, record.
 * Returns where the next triple starts, or NULL after the last. */
static const char *
next_note(const struct vl_reg *r, const char *p, const char *note[3])
{
	size_t i;

	if (!p)
		p = r->notes.data;
	if (!p || p >= r->notes.data + r->notes.len)
		return NULL;
	for (i = 0; i < 3; i++) {
		note[i] = p;
		p += strlen(p) + 1;
	}
	return p;
}

static bool
noted(const struct vl_reg *r, const char *file)
{
	const char *p = NULL, *note[3];

	while ((p = next_note(r, p, note)) != NULL)
		if (strcmp(note[1], file) == 0)
			return true;
	return false;
}

static const char *
digest_of(const struct vl_change *ch, size_t n, char (*digest)[VL_HASH_HEX],
    const char *file)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(ch[i].file, file) == 0)
			return digest[i];
	return "";
}

/* A file edited or removed by hand since the tools last wrote it is
 * recorded: its content as found, so the history keeps the edit and a
 * later check cannot mistake it for a tool's. */
static void
note_outside_edit(const struct vl_reg *r, struct vl_audit *audit,
    const char *file)
{
	const struct vl_audit_last *last = vl_audit_last(audit, file);
	char now[VL_HASH_HEX];

	if (!last)
		return;
	if (!vl_file_digest(r, file, now)) {
		if (!last->removed)
			vl_audit_append(audit, "removed-outside", file, "", "");
	} else if (last->removed || strcmp(now, last->digest) != 0) {
		vl_audit_append(audit, "edited-outside", file, "", now);
	}
}

/* Every hand edit found is recorded by the next change of any file, so a
 * check warns of it until then, and not for ever: plan.json, which the
 * clerk is told to edit and no tool writes after init, included. */
static void
note_outside_edits(const struct vl_reg *r, struct vl_audit *audit)
{
	char files[VL_AUDIT_FILES][sizeof audit->last[0].file];
	size_t i, n = audit->nlast;

	/* the names copied first: a line appended for a file rewrites its
	 * entry of audit->last, name included, which must not be the name
	 * being read */
	for (i = 0; i < n; i++)
		memcpy(files[i], audit->last[i].file, sizeof files[i]);
	for (i = 0; i < n; i++)
		note_outside_edit(r, audit, files[i]);
}

/* The lines a restart begins with: the head that was lost and why, then
 * every file of the register as it is now, the trail's new start. */
static void
note_restart(const struct vl_reg *r, struct vl_audit *audit,
    const struct vl_trail *t, const char *reason)
{
	const struct vl_regfile *f;
	struct vl_buf record = {0};
	char now[VL_HASH_HEX];

	if (t->have_head)
		vl_buf_printf(&record, "head was %ld:%s: %s", t->head_seq,
		    t->head_hash, reason);
	else
		vl_buf_printf(&record, "head unknown: %s", reason);
	vl_audit_append(audit, "restart", "audit.csv", record.data, "");
	vl_buf_free(&record);
	for (f = vl_register_files; f->name; f++)
		if ((f->kind == VL_RF_PLAN || f->kind == VL_RF_RECORDS) &&
		    vl_file_digest(r, f->name, now))
			vl_audit_append(audit, "restart", f->name, "", now);
}

/* audit.csv's lines for this commit, chained on from the trail's last
 * line: the anchor first on a trail without one (.vl-head keeps the
 * head from here on), then a line per note, or per change not noted. */
static void
audit_lines(struct vl_reg *r, struct vl_audit *audit,
    const struct vl_change *ch, size_t n, char (*digest)[VL_HASH_HEX])
{
	const char *p = NULL, *note[3];
	size_t i;

	note_outside_edits(r, audit);
	while ((p = next_note(r, p, note)) != NULL)
		vl_audit_append(audit, note[0], note[1], note[2],
		    digest_of(ch, n, digest, note[1]));
	for (i = 0; i < n; i++)
		if (!noted(r, ch[i].file))
			vl_audit_append(audit, "write", ch[i].file, "",
			    digest[i]);
}

/* audit.csv and .vl-head, the last two files of the commit */
static int
write_trail(const struct vl_reg *r, const struct stage *g,
    const struct vl_audit *audit, struct tmpfile *t)
{
	struct vl_change c = {"audit.csv", NULL, false, NULL, 0};
	struct vl_buf header = {0}, head = {0};
	int status;

	vl_buf_csv_row(&header, 9, vl_audit_columns());
	c.header = header.data;
	c.data = audit->lines.data;
	c.len = audit->lines.len;
	status = write_tmp(r, g, &c, &t[0], NULL);
	vl_buf_free(&header);
	if (status != VL_OK)
		return status;
	vl_buf_printf(&head, "%ld:%s\n", audit->seq, audit->hash);
	c = (struct vl_change){VL_HEAD, NULL, true, head.data, head.len};
	status = write_tmp(r, g, &c, &t[1], NULL);
	vl_buf_free(&head);
	return status;
}

/* Changes only to the register's data files: the trail and its head are
 * the commit's own. */
static int
check_changes(const struct vl_change *ch, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!vl_reg_is_file(ch[i].file) ||
		    strcmp(ch[i].file, "audit.csv") == 0 ||
		    strcmp(ch[i].file, VL_HEAD) == 0) {
			vl_warn("internal error: \"%s\" is not a file a commit "
			    "writes", ch[i].file);
			return VL_SYSFAULT;
		}
	return n <= VL_REG_FILES - 2 ? VL_OK : VL_SYSFAULT;
}

/* The trail as it is, checked whole: VL_OK to write on; else said, and
 * the commit refused.  A restart (reason) needs a trail that is broken,
 * and readable. */
static int
read_trail(struct vl_reg *r, struct vl_audit *audit, struct vl_trail *t,
    const char *reason)
{
	int status = vl_audit_read(r, audit, NULL, NULL, NULL);
	bool broken;

	if (status == VL_SYSFAULT)
		return status;
	broken = vl_trail_check(r, audit, t) != VL_TRAIL_OK;
	if (reason && status == VL_BADINPUT) {
		vl_warn("%s: not the CSV of an audit trail: move it aside "
		    "(keep it: it is evidence), then restart the trail",
		    vl_reg_display(r, "audit.csv"));
		return VL_BADINPUT;
	}
	if (reason && !broken) {
		vl_warn("%s: the audit trail reaches its head (line %ld); "
		    "there is nothing to restart", r->dir, audit->seq);
		return VL_BADINPUT;
	}
	if (!reason && broken) {
		vl_trail_say(r, t, true);
		return VL_SYSFAULT;
	}
	if (status == VL_BADINPUT)
		vl_warn("%s: audit.csv is unreadable; it is appended to "
		    "as it is (vl-report audit shows where)", r->dir);
	return VL_OK;
}

static int
commit(struct vl_reg *r, const struct vl_change *ch, size_t n,
    const char *reason)
{
	char (*digest)[VL_HASH_HEX] = vl_xcalloc(n + 1, sizeof *digest);
	struct tmpfile t[VL_REG_FILES];
	struct stage g = {-1, ""};
	struct vl_audit audit;
	struct vl_trail trail;
	size_t i;
	int status;

	if (r->lockfd < 0 || r->shared)
		vl_die(VL_SYSFAULT, "internal error: commit without the lock");
	if ((status = check_changes(ch, n)) == VL_OK)
		status = read_trail(r, &audit, &trail, reason);
	else
		memset(&audit, 0, sizeof audit);
	if (status == VL_OK)
		status = make_stage(r, &g);
	for (i = 0; i < n && status == VL_OK; i++)
		status = write_tmp(r, &g, &ch[i], &t[i], digest[i]);
	if (status == VL_OK) {
		if (!audit.anchor)
			vl_audit_append(&audit, "anchor", VL_HEAD, "", "");
		if (reason)
			note_restart(r, &audit, &trail, reason);
		else
			audit_lines(r, &audit, ch, n, digest);
		status = write_trail(r, &g, &audit, &t[n]);
	}
	if (status == VL_OK)
		status = write_journal(r, &g, t, n + 2);
	if (g.fd >= 0)
		close(g.fd);
	vl_audit_free(&audit);
	free(digest);
	r->notes.len = 0;
	if (status != VL_OK) {
		remove_tmps(r);
		return status;
	}
	/* the commit point is passed: whatever fails now, the journal and
	 * its temp files stay for the next lock holder to finish */
	if ((status = sync_dir(r)) == VL_OK)
		status = roll_forward(r);
	if (status != VL_OK)
		vl_warn("%s: the change is recorded; the next vl tool that "
		    "writes, or checks the audit trail, completes it", r->dir);
	return status;
}

int
vl_reg_commit(struct vl_reg *r, const struct vl_change *ch, size_t n)
{
	return commit(r, ch, n, NULL);
}

int
vl_reg_restart(struct vl_reg *r, const char *reason)
{
	return commit(r, NULL, 0, reason);
}
