/*
 * register.c - the register directory: where it is, its lock, and the one
 * place every tool's write goes through.
 *
 * A commit writes each changed file's new content to a temp file beside
 * it and fsyncs it; then a journal naming those files is renamed into
 * place (the commit point); then the temp files are renamed over the old
 * ones and the journal is removed.  A crash before the journal lands
 * leaves the old register; after it, the next lock holder rolls the
 * renames forward.  Either way every file is whole: old or new.
 *
 * audit.csv is one more file of the same commit, so a change and its
 * audit lines land together or not at all.
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
#include <dirent.h>

#include "base/err.h"
#include "base/i18n.h"
#include "register/audit.h"
#include "register/register.h"

#define LOCKFILE ".vl.lock"
#define JOURNAL ".vl-journal"
#define TMPPREFIX ".vl-tmp."
#define JOURNAL_END "commit\n"

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
}

void
vl_reg_close(struct vl_reg *r)
{
	if (r->lockfd >= 0)
		close(r->lockfd);	/* releases the flock */
	r->lockfd = -1;
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
	bool yes = access(p, F_OK) == 0;

	free(p);
	return yes;
}

static int
fault(const char *what, const char *path)
{
	vl_warn("%s %s: %s", vl_tr(what), path, strerror(errno));
	return VL_SYSFAULT;
}

static int
sync_dir(const struct vl_reg *r)
{
	int fd = open(r->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd < 0 || fsync(fd) != 0) {
		int e = errno;

		if (fd >= 0)
			close(fd);
		errno = e;
		return fault("cannot sync directory", r->dir);
	}
	close(fd);
	return VL_OK;
}

static char *
tmp_path(const struct vl_reg *r, const char *name)
{
	struct vl_buf b = {0};

	vl_buf_printf(&b, "%s/" TMPPREFIX "%s", r->dir, name);
	return b.data;
}

/* A temp file being written, and the digest of what went into it. */
struct sink {
	int fd;
	struct vl_sha256 sha;
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

/* Copy the old file into k; note how it ends and its line end.
 * 1 when there was none, or it was empty: it needs its header. */
static int
copy_old(const char *path, struct sink *k, struct old_file *o)
{
	char block[65536];
	ssize_t n;
	int in = open(path, O_RDONLY | O_CLOEXEC), empty = 1;

	o->ends_nl = true;
	o->crlf = false;
	if (in < 0)
		return errno == ENOENT ? 1 : -1;
	while ((n = read(in, block, sizeof block)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || sink_write(k, block, (size_t)n) != 0) {
			int e = errno;

			close(in);
			errno = e;
			return -1;
		}
		if (empty)
			o->crlf = first_line_crlf(block, (size_t)n);
		o->ends_nl = block[n - 1] == '\n';
		empty = 0;
	}
	close(in);
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

static int
fill_tmp(const struct vl_reg *r, const struct vl_change *c, struct sink *k)
{
	char *path = vl_reg_path(r, c->file);
	struct old_file o = {true, false};
	int old = 1;

	if (!c->replace)
		old = copy_old(path, k, &o);
	free(path);
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

/* The new content of c's file in a temp file; digest may be NULL. */
static int
write_tmp(const struct vl_reg *r, const struct vl_change *c,
    char digest[VL_HASH_HEX])
{
	char *tmp = tmp_path(r, c->file), scratch[VL_HASH_HEX];
	struct sink k;
	int status = VL_OK;

	vl_sha256_init(&k.sha);
	k.fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (k.fd < 0 || fill_tmp(r, c, &k) != 0) {
		status = fault("cannot write", tmp);
		unlink(tmp);
	}
	if (k.fd >= 0 && close(k.fd) != 0 && status == VL_OK) {
		status = fault("cannot write", tmp);
		unlink(tmp);
	}
	vl_sha256_end(&k.sha, digest ? digest : scratch);
	free(tmp);
	return status;
}

static int
write_journal(const struct vl_reg *r, const struct vl_change *ch, size_t n)
{
	struct vl_change j = {0};
	struct vl_buf b = {0};
	char *tmp, *path;
	size_t i;
	int status;

	for (i = 0; i < n; i++)
		vl_buf_printf(&b, "%s\n", ch[i].file);	/* audit.csv last */
	vl_buf_puts(&b, JOURNAL_END);
	j.file = JOURNAL;
	j.replace = true;
	j.data = b.data;
	j.len = b.len;
	status = write_tmp(r, &j, NULL);
	vl_buf_free(&b);
	if (status != VL_OK)
		return status;
	tmp = tmp_path(r, JOURNAL);
	path = vl_reg_path(r, JOURNAL);
	if (rename(tmp, path) != 0) {
		status = fault("cannot rename", tmp);
		unlink(tmp);
	}
	free(tmp);
	free(path);
	return status == VL_OK ? sync_dir(r) : status;
}

static int
move_into_place(const struct vl_reg *r, const char *name)
{
	char *tmp = tmp_path(r, name), *path = vl_reg_path(r, name);
	int status = VL_OK;

	if (rename(tmp, path) != 0 && errno != ENOENT)
		status = fault("cannot rename", tmp);
	free(tmp);
	free(path);
	return status;
}

static void
remove_tmps(const struct vl_reg *r)
{
	DIR *d = opendir(r->dir);
	struct dirent *e;
	char *p;

	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, TMPPREFIX, strlen(TMPPREFIX)) != 0)
			continue;
		p = vl_reg_path(r, e->d_name);
		unlink(p);
		free(p);
	}
	closedir(d);
}

/* Finish the renames a journal names; its end line proves it whole. */
static int
roll_forward(const struct vl_reg *r)
{
	char *path = vl_reg_path(r, JOURNAL), line[4096];
	FILE *f = fopen(path, "r");
	int status = VL_OK;

	if (!f) {
		free(path);
		return errno == ENOENT ? VL_OK : fault("cannot read", JOURNAL);
	}
	while (status == VL_OK && fgets(line, sizeof line, f)) {
		if (strcmp(line, JOURNAL_END) == 0)
			break;
		line[strcspn(line, "\n")] = '\0';
		status = move_into_place(r, line);
	}
	fclose(f);
	if (status == VL_OK && (status = sync_dir(r)) == VL_OK &&
	    unlink(path) != 0)
		status = fault("cannot remove", path);
	free(path);
	return status == VL_OK ? sync_dir(r) : status;
}

static long
lock_timeout_ms(void)
{
	const char *s = getenv("VL_LOCK_TIMEOUT");
	char *end;
	long v;

	if (!s || !*s)
		return 10000;
	v = strtol(s, &end, 10);
	return *end || v < 0 || v > 86400 ? 10000 : v * 1000;
}

int
vl_reg_lock(struct vl_reg *r)
{
	struct timespec pause = {0, 20 * 1000 * 1000};
	char *path = vl_reg_path(r, LOCKFILE);
	long waited = 0, limit = lock_timeout_ms();
	int status;

	r->lockfd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (r->lockfd < 0) {
		status = fault("cannot open lock", path);
		free(path);
		return status;
	}
	while (flock(r->lockfd, LOCK_EX | LOCK_NB) != 0) {
		if ((errno != EWOULDBLOCK && errno != EINTR) ||
		    waited >= limit) {
			vl_warn("%s: the register is locked by another writer "
			    "(waited %ld s)", r->dir, waited / 1000);
			free(path);
			close(r->lockfd);
			r->lockfd = -1;
			return VL_SYSFAULT;
		}
		nanosleep(&pause, NULL);
		waited += 20;
	}
	free(path);
	status = roll_forward(r);
	remove_tmps(r);
	return status;
}

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
	size_t i, n = audit->nlast;

	/* the names copied first: a line appended for a file rewrites its
	 * entry of audit->last, name included, which must not be the name
	 * being read */
	for (i = 0; i < n; i++)
		memcpy(files[i], audit->last[i].file, sizeof files[i]);
	for (i = 0; i < n; i++)
		note_outside_edit(r, audit, files[i]);
}

/* audit.csv's part of the commit: a line per note, or per change not
 * noted, chained on from the file's last line. */
static int
write_audit(struct vl_reg *r, const struct vl_change *ch, size_t n,
    char (*digest)[VL_HASH_HEX])
{
	struct vl_change c = {"audit.csv", NULL, false, NULL, 0};
	struct vl_buf header = {0}, whole = {0};
	const char *p = NULL, *note[4], *const *cols;
	struct vl_audit audit;
	size_t i, ncols;
	int status = vl_audit_read(r, &audit, NULL, NULL, NULL);

	if (status == VL_BADINPUT)
		vl_warn("%s: audit.csv is unreadable; it is appended to "
		    "as it is (vl-report audit shows where)", r->dir);
	while ((p = next_note(r, p, note)) != NULL)
		if (*note[3] && status == VL_OK)
			vl_audit_widen(&audit);
	note_outside_edits(r, &audit);
	while ((p = next_note(r, p, note)) != NULL)
		vl_audit_append_detail(&audit, note[0], note[1], note[2],
		    digest_of(ch, n, digest, note[1]), audit.wide ? note[3] :
		    "");
	for (i = 0; i < n; i++)
		if (!noted(r, ch[i].file))
			vl_audit_append(&audit, "write", ch[i].file, "",
			    digest[i]);
	cols = vl_audit_header(&audit, &ncols);
	vl_buf_csv_row(&header, ncols, cols);
	c.header = header.data;
	c.data = audit.lines.data;
	c.len = audit.lines.len;
	/* a trail gaining the detail column is written out whole: its
	 * lines' hashes stay as they were */
	if (audit.widen && vl_reg_exists(r, "audit.csv") &&
	    (status = vl_audit_widened(r, &whole)) == VL_OK) {
		vl_buf_add(&whole, audit.lines.data, audit.lines.len);
		c.replace = true;
		c.header = NULL;	/* whole has it */
		c.data = whole.data;
		c.len = whole.len;
	}
	if (status != VL_SYSFAULT)
		status = write_tmp(r, &c, NULL);
	vl_buf_free(&header);
	vl_buf_free(&whole);
	vl_audit_free(&audit);
	return status;
}

void
vl_reg_settle(const struct vl_reg *reg)
{
	struct vl_reg w;

	if (!vl_reg_exists(reg, JOURNAL))
		return;
	vl_reg_open(&w, reg->dir);
	if (vl_reg_lock(&w) != VL_OK)
		vl_warn("%s: a commit was interrupted; the next writer "
		    "completes it", reg->dir);
	vl_reg_close(&w);
}

int
vl_reg_commit(struct vl_reg *r, const struct vl_change *ch, size_t n)
{
	static const struct vl_change audit = {"audit.csv", NULL, false,
	    NULL, 0};
	char (*digest)[VL_HASH_HEX] = vl_xcalloc(n, sizeof *digest);
	struct vl_change *all = vl_xcalloc(n + 1, sizeof *all);
	size_t i;
	int status = VL_OK;

	if (r->lockfd < 0)
		vl_die(VL_SYSFAULT, "internal error: commit without the lock");
	for (i = 0; i < n && status == VL_OK; i++) {
		status = write_tmp(r, &ch[i], digest[i]);
		all[i] = ch[i];
	}
	all[n] = audit;
	if (status == VL_OK)
		status = write_audit(r, ch, n, digest);
	if (status == VL_OK)
		status = write_journal(r, all, n + 1);
	free(digest);
	free(all);
	r->notes.len = 0;
	if (status != VL_OK) {
		remove_tmps(r);
		return status;
	}
	status = roll_forward(r);
	if (status != VL_OK)
		vl_warn("%s: the change is recorded; the next vl tool that "
		    "writes, or checks the audit trail, completes it", r->dir);
	return status;
}
