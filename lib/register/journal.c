/*
 * journal.c - a commit's journal: which temp file of the stage becomes
 * which register file.  Renamed into place it is the commit point; the
 * next lock holder finishes what it names after a crash, but only once
 * all of it is checked: every name one of the register's own files, every
 * temp file the one written, a proper end line.  A journal the tools did
 * not write moves nothing.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/err.h"
#include "base/i18n.h"
#include "base/strbuf.h"
#include "register/register_priv.h"

#define JOURNAL_END "commit"
/* a journal is a line a file: far less than this */
#define JOURNAL_MAX 8192

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
int
vl_journal_write(const struct vl_reg *r, const struct stage *g,
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
		return vl_stage_fault(r, g, "cannot create", "journal");
	}
	if (vl_write_all(fd, b.data, b.len) != 0 || fsync(fd) != 0)
		status = vl_stage_fault(r, g, "cannot write", "journal");
	if (close(fd) != 0 && status == VL_OK)
		status = vl_stage_fault(r, g, "cannot write", "journal");
	vl_buf_free(&b);
	/* the temp files' names in the stage are on disk before the
	 * journal that names them */
	if (status == VL_OK && fsync(g->fd) != 0)
		status = vl_reg_fault_at(r, "cannot sync directory", g->name);
	if (status == VL_OK && renameat(g->fd, "journal", r->dirfd,
	    JOURNAL) != 0) {
		status = vl_reg_fault_at(r, "cannot rename", JOURNAL);
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
	if (!vl_stage_name(f[0]) || strlen(f[0]) >= sizeof e->stage)
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
	if ((fd = vl_reg_open_regular(r, JOURNAL, &st)) < 0)
		return errno == ENOENT ? VL_OK : VL_SYSFAULT;
	if (st.st_size > JOURNAL_MAX) {
		close(fd);
		return bad_journal(r, 1, N_("longer than any journal"), "");
	}
	while ((got = read(fd, buf + *len, JOURNAL_MAX + 1 - *len)) != 0) {
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			int status = vl_reg_fault_at(r, "cannot read",
			    JOURNAL);

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
	status = vl_reg_fault_at(r, "cannot rename", b.data);
	vl_buf_free(&b);
	return status;
}

int
vl_journal_pending(const struct vl_reg *r, bool *pending)
{
	struct journal jn;
	int status = read_journal(r, &jn);

	*pending = status == VL_OK && jn.n > 0;
	close_journal(&jn);
	return status;
}

/* Finish the renames a journal names, once all of it is known good, each
 * temp file looked at again right before it moves; then the stage goes. */
int
vl_journal_roll_forward(const struct vl_reg *r)
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
	if (status == VL_OK && (status = vl_reg_sync_dir(r)) == VL_OK &&
	    unlinkat(r->dirfd, JOURNAL, 0) != 0)
		status = vl_reg_fault_at(r, "cannot remove", JOURNAL);
	if (status == VL_OK && *j.e[0].stage)
		unlinkat(r->dirfd, j.e[0].stage, AT_REMOVEDIR);
	return status == VL_OK ? vl_reg_sync_dir(r) : status;
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
void
vl_journal_remove_tmps(const struct vl_reg *r)
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

