/*
 * register.c - the register directory: where it is, its lock, and the one
 * place every tool's write goes through (with tmpfile.c, the temp files,
 * and journal.c, the journal).
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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/err.h"
#include "base/i18n.h"
#include "io/csv.h"
#include "register/register_priv.h"

#define LOCKFILE ".vl.lock"
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
	{"tasks.csv", VL_RF_RECORDS},
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

static _Thread_local struct vl_buf display;

/* dir/name into b: one slash, -C DIR/ as a shell completes it too */
static void
join(struct vl_buf *b, const char *dir, const char *name)
{
	size_t n = strlen(dir);

	vl_buf_printf(b, "%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/",
	    name);
}

const char *
vl_reg_display(const struct vl_reg *r, const char *name)
{
	if (strcmp(r->dir, ".") == 0)
		return name;
	display.len = 0;
	join(&display, r->dir, name);
	return display.data;
}

void
vl_reg_display_free(void)
{
	vl_buf_free(&display);
}

char *
vl_reg_path(const struct vl_reg *r, const char *name)
{
	struct vl_buf b = {0};

	join(&b, r->dir, name);
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

int
vl_reg_need_plan(const struct vl_reg *r)
{
	if (vl_reg_exists(r, "plan.json"))
		return VL_OK;
	vl_errat(r->dir, 0, NULL, "not a vl register (no plan.json); start "
	    "one with vl-add init");
	return VL_BADINPUT;
}

static int
fault(const char *what, const char *path)
{
	vl_warn("%s %s: %s", vl_tr(what), path, strerror(errno));
	return VL_SYSFAULT;
}

int
vl_reg_fault_at(const struct vl_reg *r, const char *what, const char *name)
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

int
vl_reg_sync_dir(const struct vl_reg *r)
{
	if (fsync(r->dirfd) != 0)
		return fault("cannot sync directory", r->dir);
	return VL_OK;
}

int
vl_reg_open_regular(const struct vl_reg *r, const char *name,
    struct stat *st)
{
	char *display = vl_xstrdup(vl_reg_display(r, name));
	int fd = vl_open_regular_at(r->dirfd, name, display, st), e = errno;

	free(display);
	errno = e;
	return fd;
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
		vl_reg_fault_at(r, "cannot open lock", LOCKFILE);
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

/* name is a regular file or not there: looked at, not opened (each read
 * opens its file as vl_open_regular_at does, and looks again) */
static int
check_file(const struct vl_reg *r, const char *name)
{
	char *display = vl_xstrdup(vl_reg_display(r, name));
	int ok = vl_regular_at(r->dirfd, name, display);

	free(display);
	return ok < 0 ? VL_SYSFAULT : VL_OK;	/* said */
}

/* Every file of the register, the journal too, is a regular file or not
 * there. */
static int
check_files(const struct vl_reg *r)
{
	const struct vl_regfile *f;
	int status = VL_OK;

	for (f = vl_register_files; f->name; f++)
		if (check_file(r, f->name) != VL_OK)
			status = VL_SYSFAULT;
	if (check_file(r, JOURNAL) != VL_OK)
		status = VL_SYSFAULT;
	return status;
}

/* A commit a crash interrupted past its commit point, finished by a
 * reader: for that moment it writes, under the exclusive lock. */
static int
settle(struct vl_reg *r)
{
	bool pending;
	int status;

	while ((status = vl_journal_pending(r, &pending)) == VL_OK &&
	    pending) {
		if (r->lockfd < 0)
			break;	/* a read-only copy: it cannot be finished */
		if ((status = take(r, LOCK_EX)) != VL_OK)
			return status;
		status = vl_journal_roll_forward(r);
		if (status == VL_OK)
			vl_journal_remove_tmps(r);
		if (take(r, LOCK_SH) != VL_OK)
			return VL_SYSFAULT;
		if (status != VL_OK &&
		    (status = vl_journal_pending(r, &pending)) == VL_OK)
			break;	/* good, and cannot be finished here */
	}
	if (status != VL_OK || !pending)
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
	if ((status = vl_journal_roll_forward(r)) == VL_OK)
		vl_journal_remove_tmps(r);
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
	vl_reg_note_detail(r, action, file, record, "");
}

void
vl_reg_note_detail(struct vl_reg *r, const char *action, const char *file,
    const char *record, const char *detail)
{
	vl_buf_printf(&r->notes, "%s%c%s%c%s%c%s%c", action, 0, file, 0,
	    record, 0, detail, 0);
}

/* The notes are quadruples of NUL-terminated strings: action, file,
 * record, detail.  Returns where the next one starts, or NULL after the
 * last. */
static const char *
next_note(const struct vl_reg *r, const char *p, const char *note[4])
{
	size_t i;

	if (!p)
		p = r->notes.data;
	if (!p || p >= r->notes.data + r->notes.len)
		return NULL;
	for (i = 0; i < 4; i++) {
		note[i] = p;
		p += strlen(p) + 1;
	}
	return p;
}

static bool
noted(const struct vl_reg *r, const char *file)
{
	const char *p = NULL, *note[4];

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
	const char *names[VL_AUDIT_FILES];
	char now[VL_HASH_HEX];
	size_t i, n = audit->nlast, made;

	/* the names copied first: a line appended for a file rewrites its
	 * entry of audit->last, name included, which must not be the name
	 * being read */
	for (i = 0; i < n; i++)
		memcpy(files[i], audit->last[i].file, sizeof files[i]);
	for (i = 0; i < n; i++)
		note_outside_edit(r, audit, files[i]);
	made = vl_audit_unnamed(r, audit, names);
	for (i = 0; i < made; i++)
		if (vl_file_digest(r, names[i], now))
			vl_audit_append(audit, "edited-outside", names[i],
			    "made outside the tools", now);
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

	if (t->fault == VL_TRAIL_BREAK)
		vl_buf_printf(&record, "chain broken at line %ld: %s",
		    t->broken, reason);
	else if (t->have_head)
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

/* A detail (a correction's, an import's) needs the trail's detail
 * column: every line of this commit is written with it. */
static void
widen_for_details(const struct vl_reg *r, struct vl_audit *audit)
{
	const char *p = NULL, *note[4];

	while ((p = next_note(r, p, note)) != NULL)
		if (*note[3])
			vl_audit_widen(audit);
}

/* audit.csv's lines for this commit, chained on from the trail's last
 * line: the anchor first on a trail without one (.vl-head keeps the
 * head from here on), then a line per note, or per change not noted. */
static void
audit_lines(struct vl_reg *r, struct vl_audit *audit,
    const struct vl_change *ch, size_t n, char (*digest)[VL_HASH_HEX])
{
	const char *p = NULL, *note[4];
	size_t i;

	note_outside_edits(r, audit);
	while ((p = next_note(r, p, note)) != NULL)
		vl_audit_append_detail(audit, note[0], note[1], note[2],
		    digest_of(ch, n, digest, note[1]), note[3]);
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
	struct vl_buf header = {0}, head = {0}, whole = {0};
	const char *const *cols;
	size_t ncols;
	int status = VL_OK;

	cols = vl_audit_header(audit, &ncols);
	vl_buf_csv_row(&header, ncols, cols);
	c.header = header.data;
	c.data = audit->lines.data;
	c.len = audit->lines.len;
	/* a trail gaining the detail column is written out whole: its
	 * lines' hashes stay as they were */
	if (audit->widen && vl_reg_exists(r, "audit.csv") &&
	    (status = vl_audit_widened(r, &whole)) == VL_OK) {
		vl_buf_add(&whole, audit->lines.data, audit->lines.len);
		c = (struct vl_change){"audit.csv", NULL, true, whole.data,
		    whole.len};
	}
	if (status == VL_OK)
		status = vl_stage_write(r, g, &c, &t[0], NULL);
	vl_buf_free(&header);
	vl_buf_free(&whole);
	if (status != VL_OK)
		return status;
	vl_buf_printf(&head, "%ld:%s\n", audit->seq, audit->hash);
	c = (struct vl_change){VL_HEAD, NULL, true, head.data, head.len};
	status = vl_stage_write(r, g, &c, &t[1], NULL);
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

/* The trail as it is, checked whole (every line's hash, not only the
 * last against the head): VL_OK to write on; else said, and the commit
 * refused.  A restart (reason) needs a trail that is broken, and
 * readable. */
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
		status = vl_stage_make(r, &g);
	for (i = 0; i < n && status == VL_OK; i++)
		status = vl_stage_write(r, &g, &ch[i], &t[i], digest[i]);
	if (status == VL_OK) {
		widen_for_details(r, &audit);
		if (!audit.anchor)
			vl_audit_append(&audit, "anchor", VL_HEAD, "", "");
		if (reason)
			note_restart(r, &audit, &trail, reason);
		else
			audit_lines(r, &audit, ch, n, digest);
		status = write_trail(r, &g, &audit, &t[n]);
	}
	if (status == VL_OK)
		status = vl_journal_write(r, &g, t, n + 2);
	if (g.fd >= 0)
		close(g.fd);
	vl_audit_free(&audit);
	free(digest);
	r->notes.len = 0;
	if (status != VL_OK) {
		vl_journal_remove_tmps(r);
		return status;
	}
	/* the commit point is passed: whatever fails now, the journal and
	 * its temp files stay for the next lock holder to finish */
	if ((status = vl_reg_sync_dir(r)) == VL_OK)
		status = vl_journal_roll_forward(r);
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
