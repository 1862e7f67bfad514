/*
 * audit.c - audit.csv, the register's change history.
 *
 * Every change any tool commits appends one line a record, in the same
 * commit as the change.  Each line's hash is the SHA-256 (OpenSSL) of
 * the previous line's hash and this line's other fields, so an edited,
 * deleted or reordered line breaks the chain.  Each line also carries
 * the digest of the changed file as the tool left it: a file edited by
 * hand afterwards no longer matches its last line.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <pthread.h>

#include "base/err.h"
#include "base/err_priv.h"
#include "io/csv.h"
#include "register/audit.h"

#define GENESIS \
	"0000000000000000000000000000000000000000000000000000000000000000"

static const char *const audit_cols[] = {"seq", "time", "user", "tool",
    "action", "file", "record", "hash", "digest", NULL};
/* the same and the optional tenth, detail */
static const char *const wide_cols[] = {"seq", "time", "user", "tool",
    "action", "file", "record", "hash", "digest", "detail", NULL};

const char *const *
vl_audit_columns(void)
{
	return audit_cols;
}

const char *const *
vl_audit_header(const struct vl_audit *a, size_t *n)
{
	*n = a->wide ? 10 : 9;
	return wide_cols;
}

static void
hex(const unsigned char *md, unsigned n, char out[VL_HASH_HEX])
{
	static const char digits[] = "0123456789abcdef";
	unsigned i;

	for (i = 0; i < n && 2 * i + 2 < VL_HASH_HEX; i++) {
		out[2 * i] = digits[md[i] >> 4];
		out[2 * i + 1] = digits[md[i] & 15];
	}
	out[2 * i] = '\0';
}

void
vl_sha256_init(struct vl_sha256 *h)
{
	h->ctx = EVP_MD_CTX_new();
	if (!h->ctx || !EVP_DigestInit_ex(h->ctx, EVP_sha256(), NULL))
		vl_die(VL_SYSFAULT, "SHA-256 is not available");
}

void
vl_sha256_add(struct vl_sha256 *h, const void *p, size_t n)
{
	EVP_DigestUpdate(h->ctx, p, n);
}

void
vl_sha256_end(struct vl_sha256 *h, char out[VL_HASH_HEX])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned n = 0;

	EVP_DigestFinal_ex(h->ctx, md, &n);
	EVP_MD_CTX_free(h->ctx);
	h->ctx = NULL;
	hex(md, n, out);
}

/* the hash of a line: its predecessor's hash, then its own fields; a
 * detail only when there is one, so a line without is hashed as it was
 * before the column existed and old trails stay valid */
static void
chain_hash(const char *prev, const char *const *fields, const char *detail,
    char out[VL_HASH_HEX])
{
	struct vl_buf row = {0};
	struct vl_sha256 h;

	vl_buf_csv_row(&row, 7, fields);		/* seq .. record */
	vl_buf_csv_row(&row, 1, fields + 8);	/* digest */
	if (*detail)
		vl_buf_csv_row(&row, 1, &detail);
	vl_sha256_init(&h);
	vl_sha256_add(&h, prev, strlen(prev));
	vl_sha256_add(&h, "\n", 1);
	vl_sha256_add(&h, row.data, row.len);
	vl_sha256_end(&h, out);
	vl_buf_free(&row);
}

static const char *
user_name(void)
{
	static char name[64];
	struct passwd *pw = getpwuid(geteuid());
	const char *env = getenv("USER");

	if (pw && pw->pw_name)
		return pw->pw_name;
	if (env && *env)
		return env;
	snprintf(name, sizeof name, "uid%ld", (long)geteuid());
	return name;
}

static void
now_utc(char buf[32])
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* What the latest line for file says its content is. */
static void
remember(struct vl_audit *a, const char *action, const char *file,
    const char *digest, long line)
{
	bool removed = strcmp(action, "removed-outside") == 0;
	size_t i;

	for (i = 0; vl_register_files[i].name; i++)
		if (strcmp(vl_register_files[i].name, file) == 0)
			a->named |= 1u << i;
	if ((!*digest && !removed) || strlen(file) >= sizeof a->last[0].file ||
	    strlen(digest) >= VL_HASH_HEX)
		return;
	for (i = 0; i < a->nlast && strcmp(a->last[i].file, file) != 0; i++)
		;
	if (i == VL_AUDIT_FILES || (i == a->nlast && removed))
		return;
	if (i == a->nlast)
		a->nlast++;
	strcpy(a->last[i].file, file);
	strcpy(a->last[i].digest, digest);
	a->last[i].line = line;
	a->last[i].removed = removed;
}

const struct vl_audit_last *
vl_audit_last(const struct vl_audit *a, const char *file)
{
	size_t i;

	for (i = 0; i < a->nlast; i++)
		if (strcmp(a->last[i].file, file) == 0)
			return &a->last[i];
	return NULL;
}

void
vl_audit_append(struct vl_audit *a, const char *action, const char *file,
    const char *record, const char *digest)
{
	vl_audit_append_detail(a, action, file, record, digest, "");
}

void
vl_audit_widen(struct vl_audit *a)
{
	if (!a->wide)
		a->widen = a->wide = true;
}

void
vl_audit_append_detail(struct vl_audit *a, const char *action,
    const char *file, const char *record, const char *digest,
    const char *detail)
{
	char seq[24], time[32], hash[VL_HASH_HEX];
	const char *f[10];

	if (*detail && !a->wide)
		vl_die(VL_SYSFAULT, "internal error: a detail for an audit "
		    "trail without the column");
	snprintf(seq, sizeof seq, "%ld", ++a->seq);
	now_utc(time);
	f[0] = seq, f[1] = time, f[2] = user_name(), f[3] = vl_progname();
	f[4] = action, f[5] = file, f[6] = record, f[8] = digest;
	f[9] = detail;
	chain_hash(a->hash, f, detail, hash);
	f[7] = hash;
	vl_buf_csv_row(&a->lines, a->wide ? 10 : 9, f);
	memcpy(a->hash, hash, VL_HASH_HEX);
	remember(a, action, file, digest, 0);
	if (!a->anchor && strcmp(action, "anchor") == 0)
		a->anchor = a->seq;
}

struct walk {
	struct vl_audit *a;
	vl_audit_fn fn;
	void *ctx;
	long broken;		/* line of the first break, 0 if none */
};

static int
on_line(const struct vl_record *r, void *ctx)
{
	struct walk *w = ctx;
	const char *f[9], *const *c;
	char want[VL_HASH_HEX], seq[24];
	size_t i = 0;
	bool ok;

	for (c = audit_cols; *c; c++)
		f[i++] = vl_field(r, *c);
	chain_hash(w->a->hash, f, vl_field(r, "detail"), want);
	snprintf(seq, sizeof seq, "%ld", w->a->seq + 1);
	ok = strcmp(want, f[7]) == 0 && strcmp(seq, f[0]) == 0;
	if (!ok && !w->broken)
		w->broken = r->line;
	else if (ok && w->broken && vl_audit_restart(f[4], f[5]))
		w->broken = 0;	/* the break before is a loss on record */
	w->a->seq++;
	remember(w->a, f[4], f[5], f[8], r->line);
	if (!w->a->anchor && strcmp(f[4], "anchor") == 0)
		w->a->anchor = w->a->seq;
	memcpy(w->a->hash, f[7], VL_HASH_HEX - 1);
	w->a->hash[VL_HASH_HEX - 1] = '\0';
	if (w->fn)
		return w->fn(r, w->broken != 0, w->ctx);
	return 0;
}

int
vl_audit_read(const struct vl_reg *reg, struct vl_audit *a, vl_audit_fn fn,
    void *ctx, long *broken)
{
	struct vl_header hdr = {0};
	struct vl_csv_opts opts = {"utf-8", NULL, &hdr, false, false, NULL};
	struct walk w = {a, fn, ctx, 0};
	char *path = vl_reg_path(reg, "audit.csv");
	int status = VL_OK;

	memset(a, 0, sizeof *a);
	memcpy(a->hash, GENESIS, sizeof GENESIS);
	opts.required = audit_cols;
	opts.regular = true;
	if (vl_reg_exists(reg, "audit.csv"))
		status = vl_csv_read(path, vl_reg_display(reg, "audit.csv"),
		    &opts, on_line, &w);
	free(path);
	/* a trail made before the detail column gains it only when a line
	 * needs one (vl_audit_widen) */
	a->wide = hdr.n == 0 ? false : vl_header_index(&hdr, "detail") >= 0;
	vl_header_free(&hdr);
	if (broken)
		*broken = w.broken;
	a->broken = w.broken;
	return status;
}

static int
widen_line(const struct vl_record *r, void *ctx)
{
	const char *f[10], *const *c;
	size_t i = 0;

	for (c = wide_cols; *c; c++)
		f[i++] = vl_field(r, *c);
	vl_buf_csv_row(ctx, 10, f);
	return 0;
}

int
vl_audit_widened(const struct vl_reg *reg, struct vl_buf *out)
{
	struct vl_csv_opts opts = {"utf-8", NULL, NULL, false, true, NULL};
	char *path = vl_reg_path(reg, "audit.csv");
	int status;

	vl_buf_csv_row(out, 10, wide_cols);
	status = vl_csv_read(path, vl_reg_display(reg, "audit.csv"), &opts,
	    widen_line, out);
	free(path);
	return status;
}

void
vl_audit_free(struct vl_audit *a)
{
	vl_buf_free(&a->lines);
}

bool
vl_file_digest(const struct vl_reg *reg, const char *name,
    char out[VL_HASH_HEX])
{
	char *path = vl_reg_path(reg, name), block[65536];
	int fd = vl_open_regular_at(AT_FDCWD, path, vl_reg_display(reg, name),
	    NULL);
	struct vl_sha256 h;
	ssize_t n;

	free(path);
	if (fd < 0)
		return false;
	vl_sha256_init(&h);
	while ((n = read(fd, block, sizeof block)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		vl_sha256_add(&h, block, (size_t)n);
	}
	close(fd);
	vl_sha256_end(&h, out);
	return n == 0;
}

size_t
vl_audit_unnamed(const struct vl_reg *reg, const struct vl_audit *a,
    const char *made[VL_AUDIT_FILES])
{
	const struct vl_regfile *f;
	size_t n = 0;
	unsigned bit;

	for (f = vl_register_files, bit = 1; f->name; f++, bit <<= 1)
		if (a->seq > 0 && !(a->named & bit) && (f->kind == VL_RF_PLAN ||
		    f->kind == VL_RF_RECORDS) && vl_reg_exists(reg, f->name))
			made[n++] = f->name;
	return n;
}

struct vl_edits {
	const struct vl_reg *reg;
	struct vl_audit a;	/* the trail's last word on each file */
	int read;		/* vl_audit_read's status */
	char now[VL_AUDIT_FILES][VL_HASH_HEX];	/* a.last's files as they are */
	bool found[VL_AUDIT_FILES];	/* read whole */
	const char *made[VL_AUDIT_FILES];	/* there, never named */
	size_t nmade;
	struct vl_errbuf msgs;	/* said at the end, in their turn */
	pthread_t thread;
	bool threaded;
};

static void
take_digests(struct vl_edits *e)
{
	struct vl_errbuf *was = vl_err_capture(&e->msgs);
	size_t i;

	e->read = vl_audit_read(e->reg, &e->a, NULL, NULL, NULL);
	for (i = 0; e->read != VL_SYSFAULT && i < e->a.nlast; i++)
		e->found[i] = vl_file_digest(e->reg, e->a.last[i].file,
		    e->now[i]);
	if (e->read != VL_SYSFAULT)
		e->nmade = vl_audit_unnamed(e->reg, &e->a, e->made);
	vl_err_capture(was);
}

static void *
digest_thread(void *arg)
{
	take_digests(arg);
	vl_reg_display_free();	/* this thread's */
	return NULL;
}

struct vl_edits *
vl_audit_edits_begin(const struct vl_reg *reg)
{
	struct vl_edits *e = vl_xcalloc(1, sizeof *e);
	pthread_attr_t attr;

	e->reg = reg;
	/* a small stack (a read block, the CSV of the trail) where the
	 * default is 8 MiB: a tool under a limit of its address space
	 * (fund_memory's 32 MiB) keeps room for the readers' */
	if (vl_threads() > 1 && pthread_attr_init(&attr) == 0) {
		pthread_attr_setstacksize(&attr, (size_t)1 << 20);
		e->threaded = pthread_create(&e->thread, &attr, digest_thread,
		    e) == 0;
		pthread_attr_destroy(&attr);
	}
	return e;
}

/* warn of each file not as the trail last left it; how many */
static long
warn_edits(const struct vl_edits *e)
{
	const struct vl_audit_last *last = e->a.last;
	long changed = 0;
	size_t i;

	for (i = 0; i < e->a.nlast; i++) {
		if (e->found[i] ? !last[i].removed &&
		    strcmp(e->now[i], last[i].digest) == 0 : last[i].removed)
			continue;	/* as the history last left it */
		vl_warn("%s: changed outside the vl tools since audit.csv "
		    "line %ld", vl_reg_display(e->reg, last[i].file),
		    last[i].line);
		changed++;
	}
	for (i = 0; i < e->nmade; i++)
		vl_warn("%s: made outside the vl tools: audit.csv names it "
		    "nowhere", vl_reg_display(e->reg, e->made[i]));
	return changed + (long)e->nmade;
}

long
vl_audit_edits_end(struct vl_edits *e, bool report)
{
	long changed = 0;

	if (e->threaded)
		pthread_join(e->thread, NULL);
	else if (report)
		take_digests(e);
	if (report) {
		vl_err_flush(&e->msgs);
		changed = e->read == VL_SYSFAULT ? -1 : warn_edits(e);
	}
	vl_err_discard(&e->msgs);
	vl_audit_free(&e->a);
	free(e);
	return changed;
}

long
vl_audit_outside_edits(const struct vl_reg *reg)
{
	struct vl_edits *e = vl_xcalloc(1, sizeof *e);

	e->reg = reg;
	return vl_audit_edits_end(e, true);
}

/* ---- the trail as a whole: does it reach its head? ------------------- */

/* 64 hex digits, in either case (a head typed or mailed in capitals) */
static bool
hex64(const char *s, size_t n)
{
	return n == VL_HASH_HEX - 1 &&
	    strspn(s, "0123456789abcdefABCDEF") >= n;
}

int
vl_audit_head_parse(const char *s, long *seq, char hash[VL_HASH_HEX])
{
	const char *colon = strchr(s, ':');
	size_t n = strspn(s, "0123456789");
	char *end;

	if (n == 0 || n > 18 || s + n != colon)
		return -1;
	*seq = strtol(s, &end, 10);
	s = colon + 1;
	n = strcspn(s, "\n");
	if (!hex64(s, n) || (s[n] && strcmp(s + n, "\n") != 0))
		return -1;
	for (n = 0; n < VL_HASH_HEX - 1; n++)	/* as vl writes them */
		hash[n] = (char)tolower((unsigned char)s[n]);
	hash[VL_HASH_HEX - 1] = '\0';
	return 0;
}

/* .vl-head: 1 and what it says; 0 when there is none; -1 when it is not
 * a head (said when it is not a regular file) */
static int
read_head(const struct vl_reg *reg, long *seq, char hash[VL_HASH_HEX])
{
	char *path = vl_reg_path(reg, VL_HEAD), buf[128];
	int fd = vl_open_regular_at(AT_FDCWD, path, vl_reg_display(reg,
	    VL_HEAD), NULL);
	ssize_t n;

	free(path);
	if (fd < 0)
		return errno == ENOENT ? 0 : -1;
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n < 0)
		return -1;
	buf[n] = '\0';
	return vl_audit_head_parse(buf, seq, hash) == 0 ? 1 : -1;
}

/* n bytes of fd at offset at (fewer at the end); NUL-terminated */
static size_t
read_at(int fd, char *buf, size_t n, off_t at)
{
	ssize_t got = pread(fd, buf, n, at);

	got = got < 0 ? 0 : got;
	buf[got] = '\0';
	return (size_t)got;
}

/* the first line below the header: is it an anchor?  (a line quoted
 * before its action is not one the tools wrote) */
static bool
first_is_anchor(const char *line)
{
	const char *p = line;
	int field;

	for (field = 0; field < 4; field++) {
		p += strcspn(p, ",\"\n");
		if (*p != ',')
			return false;
		p++;
	}
	return strncmp(p, "anchor,", 7) == 0;
}

/* the hash of the last line: its eighth field (the hash and the digest
 * are hex, never quoted; a field before them may be, and the detail
 * after them may hold commas) */
static void
last_hash(char *tail, size_t n, char hash[VL_HASH_HEX])
{
	char *line, *p;
	int field = 0;
	bool quoted = false;

	hash[0] = '\0';
	while (n > 0 && (tail[n - 1] == '\n' || tail[n - 1] == '\r'))
		tail[--n] = '\0';
	for (line = tail + n; line > tail && line[-1] != '\n'; line--)
		;
	for (p = line; *p && field < 7; p++)
		if (*p == '"')
			quoted = !quoted;
		else if (*p == ',' && !quoted)
			field++;
	if (field == 7 && strlen(p) >= VL_HASH_HEX - 1 &&
	    (p[VL_HASH_HEX - 1] == ',' || p[VL_HASH_HEX - 1] == '\0') &&
	    hex64(p, VL_HASH_HEX - 1)) {
		memcpy(hash, p, VL_HASH_HEX - 1);
		hash[VL_HASH_HEX - 1] = '\0';
	}
}

/* audit.csv's two ends, for a reader that does not read it all */
static void
glance(const struct vl_reg *reg, struct vl_trail *t, char hash[VL_HASH_HEX])
{
	char *path = vl_reg_path(reg, "audit.csv"), head[4097], tail[4097];
	int fd = vl_open_regular_at(AT_FDCWD, path, vl_reg_display(reg,
	    "audit.csv"), NULL);
	const char *lf;
	struct stat st;
	size_t n;

	free(path);
	hash[0] = '\0';
	if (fd < 0 || fstat(fd, &st) != 0) {
		if (fd >= 0)
			close(fd);
		return;
	}
	n = read_at(fd, head, sizeof head - 1, 0);
	if ((lf = memchr(head, '\n', n)) && lf[1 + strspn(lf + 1,
	    " \t\r\n")]) {
		t->lines = true;
		t->anchor = first_is_anchor(lf + 1) ? 1 : 0;
		n = read_at(fd, tail, sizeof tail - 1, st.st_size >
		    (off_t)sizeof tail - 1 ? st.st_size - (off_t)(sizeof tail -
		    1) : 0);
		last_hash(tail, n, hash);
	}
	close(fd);
}

/* Which file of the register holds a record (a line below its header)? */
static const char *
holding_records(const struct vl_reg *reg)
{
	const struct vl_regfile *f;
	char *path, block[65537];
	const char *lf;
	size_t n;
	int fd;

	for (f = vl_register_files; f->name; f++) {
		if (f->kind != VL_RF_RECORDS)
			continue;
		path = vl_reg_path(reg, f->name);
		fd = vl_open_regular_at(AT_FDCWD, path, vl_reg_display(reg,
		    f->name), NULL);
		free(path);
		if (fd < 0)
			continue;
		n = read_at(fd, block, sizeof block - 1, 0);
		close(fd);
		if ((lf = memchr(block, '\n', n)) && lf[1 + strspn(lf + 1,
		    " \t\r\n")])
			return f->name;
	}
	return NULL;
}

/* vl_trail_check of the trail read whole */
static enum vl_trail_fault
walk_and_check(const struct vl_reg *reg, struct vl_trail *t)
{
	struct vl_audit a;
	enum vl_trail_fault fault;

	if (vl_audit_read(reg, &a, NULL, NULL, NULL) == VL_SYSFAULT) {
		vl_audit_free(&a);
		return t->fault = VL_TRAIL_SHORT;	/* unreadable: said */
	}
	fault = vl_trail_check(reg, &a, t);
	vl_audit_free(&a);
	return fault;
}

enum vl_trail_fault
vl_trail_check(const struct vl_reg *reg, const struct vl_audit *walked,
    struct vl_trail *t)
{
	char hash[VL_HASH_HEX];
	int head;

	memset(t, 0, sizeof *t);
	if ((head = read_head(reg, &t->head_seq, t->head_hash)) < 0)
		return t->fault = VL_TRAIL_BAD_HEAD;
	t->have_head = head == 1;
	if (walked) {
		t->lines = walked->seq > 0;
		t->anchor = walked->anchor;
		memcpy(hash, walked->hash, VL_HASH_HEX);
	} else {
		glance(reg, t, hash);
		/* the last line's hash not the head's: maybe it is not the
		 * last line but a record's (a detail of several lines), so
		 * the trail is read whole before it is called short */
		if (t->have_head && t->lines && strcmp(hash, t->head_hash) != 0)
			return walk_and_check(reg, t);
	}
	if (walked && walked->broken) {
		t->broken = walked->broken;
		t->fault = VL_TRAIL_BREAK;
	} else if (t->have_head && !t->lines)
		t->fault = VL_TRAIL_GONE;
	else if (t->have_head && (strcmp(hash, t->head_hash) != 0 ||
	    (walked && walked->seq != t->head_seq)))
		t->fault = VL_TRAIL_SHORT;
	else if (!t->have_head && t->anchor)
		t->fault = VL_TRAIL_NO_HEAD;
	else if (!t->have_head && !t->lines &&
	    (t->records = holding_records(reg)) != NULL)
		t->fault = VL_TRAIL_GONE;
	return t->fault;
}

/* what is wrong with reg's trail, said */
static void
trail_fault(const struct vl_reg *reg, const struct vl_trail *t)
{
	char *trail = vl_xstrdup(vl_reg_display(reg, "audit.csv"));
	char *head = vl_xstrdup(vl_reg_display(reg, VL_HEAD));

	switch (t->fault) {
	case VL_TRAIL_OK:
		break;
	case VL_TRAIL_GONE:
		if (t->have_head)
			vl_warn("%s: missing or empty, yet %s says the trail "
			    "ends at line %ld", trail, head, t->head_seq);
		else
			vl_warn("%s: missing or empty, yet %s holds records",
			    trail, vl_reg_display(reg, t->records));
		break;
	case VL_TRAIL_SHORT:
		vl_warn("%s: does not end with line %ld as %s records it: it "
		    "was cut short, put back from an older copy or rewritten",
		    trail, t->head_seq, head);
		break;
	case VL_TRAIL_NO_HEAD:
		vl_warn("%s: missing, yet %s keeps the trail's head there "
		    "from line %ld on", head, trail, t->anchor);
		break;
	case VL_TRAIL_BAD_HEAD:
		vl_warn("%s: not a head the vl tools wrote (SEQ:HASH)", head);
		break;
	case VL_TRAIL_BREAK:
		vl_errat(trail, t->broken, "hash", "the chain breaks here: "
		    "this line was edited, or one before it deleted or moved");
		break;
	}
	free(trail);
	free(head);
}

void
vl_trail_say(const struct vl_reg *reg, const struct vl_trail *t, bool writer)
{
	trail_fault(reg, t);
	if (t->fault != VL_TRAIL_OK && writer)
		vl_warn("%s: nothing written: the audit trail must be whole "
		    "first.  Put it back from a copy; or, if it is lost, "
		    "\"vl-add audit-restart --reason TEXT\" records the loss "
		    "and starts it again", reg->dir);
	else if (t->fault != VL_TRAIL_OK)
		vl_warn("%s: the audit trail is broken (vl-report audit); "
		    "\"vl-add audit-restart --reason TEXT\" records the loss "
		    "and starts it again", reg->dir);
}

void
vl_trail_say_copy(const struct vl_reg *reg, const struct vl_trail *t)
{
	trail_fault(reg, t);
	/* not audit-restart: on a copy it would make what was cut or put
	 * back pass as whole */
	if (t->fault != VL_TRAIL_OK)
		vl_warn("%s: its audit trail is not whole; this register is "
		    "left out of the roll-up: ask its district for a new copy "
		    "and its head (vl-report audit --head)", reg->dir);
}

void
vl_restarts_note(struct vl_restarts *x, const struct vl_record *r,
    bool broken)
{
	if (broken || !vl_audit_restart(vl_field(r, "action"),
	    vl_field(r, "file")))
		return;
	x->line = r->line;
	x->n++;
	free(x->record);
	x->record = vl_xstrdup(vl_field(r, "record"));
}

void
vl_restarts_free(struct vl_restarts *x)
{
	free(x->record);
	x->record = NULL;
}

void
vl_trail_say_restart(const struct vl_reg *reg, const struct vl_restarts *x)
{
	long line = x->line, n = x->n;
	const char *record = x->record;

	if (n > 1) {	/* each a break: how many, not only the last */
		vl_warn("%s:%ld: restart: its audit trail was broken or lost "
		    "and started again %ld times, the last here (%s): what "
		    "this register recorded before cannot be verified; it is "
		    "read all the same: ask its district why",
		    vl_reg_display(reg, "audit.csv"), line, n, record);
		return;
	}
	vl_warn("%s:%ld: restart: its audit trail was broken or lost and "
	    "started again here (%s): what this register recorded before "
	    "cannot be verified; it is read all the same: ask its district "
	    "why", vl_reg_display(reg, "audit.csv"), line, record);
}
