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
#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "base/err.h"
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

	for (c = audit_cols; *c; c++)
		f[i++] = vl_field(r, *c);
	chain_hash(w->a->hash, f, vl_field(r, "detail"), want);
	snprintf(seq, sizeof seq, "%ld", w->a->seq + 1);
	if (!w->broken && (strcmp(want, f[7]) != 0 || strcmp(seq, f[0]) != 0))
		w->broken = r->line;
	w->a->seq++;
	remember(w->a, f[4], f[5], f[8], r->line);
	memcpy(w->a->hash, f[7], VL_HASH_HEX - 1);
	w->a->hash[VL_HASH_HEX - 1] = '\0';
	if (w->fn)
		return w->fn(r, w->broken == r->line, w->ctx);
	return 0;
}

int
vl_audit_read(const struct vl_reg *reg, struct vl_audit *a, vl_audit_fn fn,
    void *ctx, long *broken)
{
	struct vl_header hdr = {0};
	struct vl_csv_opts opts = {"utf-8", NULL, &hdr, false};
	struct walk w = {a, fn, ctx, 0};
	char *path = vl_reg_path(reg, "audit.csv");
	int status = VL_OK;

	memset(a, 0, sizeof *a);
	memcpy(a->hash, GENESIS, sizeof GENESIS);
	opts.required = audit_cols;
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
	struct vl_csv_opts opts = {"utf-8", NULL, NULL, false};
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
	FILE *f = fopen(path, "rb");
	struct vl_sha256 h;
	size_t n;

	free(path);
	if (!f)
		return false;
	vl_sha256_init(&h);
	while ((n = fread(block, 1, sizeof block, f)) > 0)
		vl_sha256_add(&h, block, n);
	fclose(f);
	vl_sha256_end(&h, out);
	return true;
}

long
vl_audit_outside_edits(const struct vl_reg *reg)
{
	struct vl_audit a;
	char now[VL_HASH_HEX];
	long changed = 0;
	size_t i;

	vl_reg_settle(reg);
	if (vl_audit_read(reg, &a, NULL, NULL, NULL) == VL_SYSFAULT)
		return -1;
	for (i = 0; i < a.nlast; i++) {
		if (vl_file_digest(reg, a.last[i].file, now) ?
		    !a.last[i].removed && strcmp(now, a.last[i].digest) == 0 :
		    a.last[i].removed)
			continue;	/* as the history last left it */
		vl_warn("%s/%s: changed outside the vl tools since audit.csv "
		    "line %ld", reg->dir, a.last[i].file, a.last[i].line);
		changed++;
	}
	vl_audit_free(&a);
	return changed;
}
