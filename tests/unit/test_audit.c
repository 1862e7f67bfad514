/*
 * test_audit.c - audit.csv: the hash chain verifies as written, and an
 * edited byte, a deleted line or two swapped lines are found at the first
 * line they break; a register file edited by hand is named.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "vl.h"

#define GENESIS \
	"0000000000000000000000000000000000000000000000000000000000000000"

static char dir[64];

static char *
at(const char *name)
{
	static char path[4][384];
	static int next;
	char *p = path[next++ % 4];

	snprintf(p, sizeof path[0], "%s/%s", dir, name);
	return p;
}

static char *
get(const char *name)
{
	struct vl_buf b = {0};
	char block[4096];
	size_t n;
	FILE *f = fopen(at(name), "r");

	assert_non_null(f);
	vl_buf_add(&b, "", 0);
	while ((n = fread(block, 1, sizeof block, f)) > 0)
		vl_buf_add(&b, block, n);
	fclose(f);
	return b.data;
}

static void
put(const char *name, const char *text)
{
	FILE *f = fopen(at(name), "w");

	assert_non_null(f);
	assert_true(fputs(text, f) >= 0);
	assert_int_equal(fclose(f), 0);
}

static int
quiet(void)
{
	int saved = dup(2), null = open("/dev/null", O_WRONLY);

	assert_true(saved >= 0 && null >= 0);
	fflush(stderr);
	dup2(null, 2);
	close(null);
	return saved;
}

static void
loud(int saved)
{
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
}

/* one commit appending data to file, noted as record (NULL: no note) */
static void
commit(const char *file, const char *header, const char *data,
    const char *record)
{
	struct vl_change c = {file, header, false, data, strlen(data)};
	struct vl_reg r;

	vl_reg_open(&r, dir);
	assert_int_equal(vl_reg_lock(&r), VL_OK);
	if (record)
		vl_reg_note(&r, "add", file, record);
	assert_int_equal(vl_reg_commit(&r, &c, 1), VL_OK);
	vl_reg_close(&r);
}

/* five audit lines (file lines 2..6) over two files */
static void
history(void)
{
	commit("funds.csv", "id,amount\n", "1,10.00\n", "1");
	commit("funds.csv", "id,amount\n", "2,20.00\n", "2");
	commit("projects.csv", "id,town\n", "P001,t\n", "P001");
	commit("funds.csv", "id,amount\n", "3,30.00\n", NULL);
	commit("funds.csv", "id,amount\n", "4,40.00\n", "4");
}

static int
setup(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/vl-test-audit.XXXXXX");
	unsetenv("VL_LOCK_TIMEOUT");
	vl_setprogname("test_audit");
	return mkdtemp(dir) ? 0 : -1;
}

static int
teardown(void **state)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	(void)state;
	if (!d)
		return -1;
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			unlink(at(e->d_name));
	closedir(d);
	return rmdir(dir);
}

/* The walk, checked line by line against the definition, recomputed
 * here: SHA-256 of the previous hash, "\n", "seq,...,record\n" and
 * "digest\n" (no field of these tests needs quoting). */
struct walk {
	char prev[VL_HASH_HEX];
	long lines, broken;
};

static int
on_line(const struct vl_record *r, bool broken, void *ctx)
{
	struct walk *w = ctx;
	struct vl_sha256 h;
	struct vl_buf b = {0};
	char want[VL_HASH_HEX];

	vl_buf_printf(&b, "%s\n%s,%s,%s,%s,%s,%s,%s\n%s\n", w->prev,
	    vl_field(r, "seq"), vl_field(r, "time"), vl_field(r, "user"),
	    vl_field(r, "tool"), vl_field(r, "action"), vl_field(r, "file"),
	    vl_field(r, "record"), vl_field(r, "digest"));
	vl_sha256_init(&h);
	vl_sha256_add(&h, b.data, b.len);
	vl_sha256_end(&h, want);
	vl_buf_free(&b);
	/* up to the first break, this reading and libvl's agree */
	if (!w->broken && !broken)
		assert_string_equal(want, vl_field(r, "hash"));
	if (!w->broken && broken && strcmp(want, vl_field(r, "hash")) == 0)
		assert_int_not_equal(atol(vl_field(r, "seq")), w->lines + 1);
	snprintf(w->prev, sizeof w->prev, "%s", vl_field(r, "hash"));
	w->lines++;
	if (broken)
		w->broken++;
	return 0;
}

/* read the chain; returns the line of the first break, 0 if none */
static long
verify(struct walk *w)
{
	struct vl_reg r;
	struct vl_audit a;
	long broken = -1;

	memset(w, 0, sizeof *w);
	strcpy(w->prev, GENESIS);
	vl_reg_open(&r, dir);
	assert_int_equal(vl_audit_read(&r, &a, on_line, w, &broken), VL_OK);
	assert_int_equal(a.seq, w->lines);
	vl_audit_free(&a);
	vl_reg_close(&r);
	return broken;
}

/* what vl_trail_check finds, the trail read whole or glanced at */
static enum vl_trail_fault
trail(bool whole)
{
	struct vl_reg r;
	struct vl_audit a;
	struct vl_trail t;
	enum vl_trail_fault f;
	int saved = quiet();

	vl_reg_open(&r, dir);
	assert_int_not_equal(vl_audit_read(&r, &a, NULL, NULL, NULL),
	    VL_SYSFAULT);
	f = vl_trail_check(&r, whole ? &a : NULL, &t);
	assert_int_equal(f, t.fault);
	vl_audit_free(&a);
	vl_reg_close(&r);
	loud(saved);
	return f;
}

static long
outside_edits(void)
{
	struct vl_reg r;
	long n;
	int saved = quiet();

	/* as every reader: under the shared lock, which first finishes a
	 * commit a crash interrupted */
	vl_reg_open(&r, dir);
	assert_int_equal(vl_reg_lock_shared(&r), VL_OK);
	n = vl_audit_outside_edits(&r);
	vl_reg_close(&r);
	loud(saved);
	return n;
}

/* audit.csv with its lines rearranged: keep[i] is the old line (1 is
 * the header) that becomes line i + 1; 0 ends the list */
static void
rearrange(const int *keep)
{
	char *text = get("audit.csv"), *line[32], *p;
	struct vl_buf out = {0};
	int n = 0;

	for (p = strtok(text, "\n"); p && n < 32; p = strtok(NULL, "\n"))
		line[++n - 1] = p;
	for (; *keep; keep++) {
		assert_true(*keep <= n);
		vl_buf_printf(&out, "%s\n", line[*keep - 1]);
	}
	put("audit.csv", out.data);
	vl_buf_free(&out);
	free(text);
}

static void
test_chain_verifies(void **state)
{
	struct walk w;
	char *funds, *audit, digest[VL_HASH_HEX];
	struct vl_sha256 h;

	(void)state;
	history();
	assert_int_equal(verify(&w), 0);
	assert_int_equal(w.lines, 6);	/* the anchor, then five */
	assert_int_equal(w.broken, 0);
	assert_int_equal(outside_edits(), 0);
	/* a note names its record; a change without one is a "write" */
	audit = get("audit.csv");
	assert_non_null(strstr(audit, ",add,projects.csv,P001,"));
	assert_non_null(strstr(audit, ",write,funds.csv,,"));
	/* the last line's digest is the file as the commit left it */
	funds = get("funds.csv");
	assert_string_equal(funds, "id,amount\n1,10.00\n2,20.00\n3,30.00\n"
	    "4,40.00\n");
	vl_sha256_init(&h);
	vl_sha256_add(&h, funds, strlen(funds));
	vl_sha256_end(&h, digest);
	assert_non_null(strstr(audit, digest));
	assert_string_equal(strrchr(audit, ',') + 1 + 64, "\n");
	assert_int_equal(strncmp(strrchr(audit, ',') + 1, digest, 64), 0);
	free(funds);
	free(audit);
}

static void
test_edited_byte(void **state)
{
	struct walk w;
	char *audit, *p;

	(void)state;
	history();
	/* line 5's record P001 becomes P002 */
	audit = get("audit.csv");
	p = strstr(audit, ",P001,");
	assert_non_null(p);
	p[4] = '2';
	put("audit.csv", audit);
	free(audit);
	assert_int_equal(verify(&w), 5);
	/* every line from the break on (no restart after it) is broken */
	assert_int_equal(w.broken, w.lines - 3);
	assert_true(w.lines > 4);
}

static void
test_edited_hash(void **state)
{
	struct walk w;
	char *audit, *p;

	(void)state;
	history();
	/* the last character of line 3's hash: line 3 breaks, and line 4
	 * chains on from the edited hash, so it breaks too: only the first
	 * is reported */
	audit = get("audit.csv");
	p = strchr(strchr(strchr(audit, '\n') + 1, '\n') + 1, '\n');
	p -= 66;	/* the end of line 3: ",digest" is 65 characters */
	*p = *p == '0' ? '1' : '0';
	put("audit.csv", audit);
	free(audit);
	assert_int_equal(verify(&w), 3);
}

static void
test_deleted_line(void **state)
{
	static const int keep[] = {1, 2, 3, 5, 6, 0};
	struct walk w;

	(void)state;
	history();
	rearrange(keep);
	assert_int_equal(verify(&w), 4);
}

static void
test_swapped_lines(void **state)
{
	static const int keep[] = {1, 2, 4, 3, 5, 6, 0};
	struct walk w;

	(void)state;
	history();
	rearrange(keep);
	assert_int_equal(verify(&w), 3);
}

static void
test_deleted_first_line(void **state)
{
	static const int keep[] = {1, 3, 4, 5, 6, 0};
	struct walk w;

	(void)state;
	history();
	rearrange(keep);
	assert_int_equal(verify(&w), 2);
}

/* Cutting off the tail keeps the chain whole; but the trail no longer
 * reaches its head, and the digests still show that funds.csv is not
 * what the last line left says it was. */
static void
test_deleted_last_line(void **state)
{
	static const int keep[] = {1, 2, 3, 4, 5, 6, 0};
	struct walk w;

	(void)state;
	history();
	assert_int_equal(trail(true), VL_TRAIL_OK);
	assert_int_equal(trail(false), VL_TRAIL_OK);
	rearrange(keep);
	assert_int_equal(verify(&w), 0);
	assert_int_equal(outside_edits(), 1);
	/* whole, and at a glance (a reader's look at its last line) */
	assert_int_equal(trail(true), VL_TRAIL_SHORT);
	assert_int_equal(trail(false), VL_TRAIL_SHORT);
}

/* The trail gone: with its head, or without it while records stand. */
static void
test_trail_gone(void **state)
{
	(void)state;
	assert_int_equal(trail(true), VL_TRAIL_OK);	/* nothing yet */
	history();
	put("audit.csv", "");
	assert_int_equal(trail(true), VL_TRAIL_GONE);
	assert_int_equal(trail(false), VL_TRAIL_GONE);
	put("audit.csv", "seq,time,user,tool,action,file,record,hash,digest\n");
	assert_int_equal(trail(false), VL_TRAIL_GONE);
	assert_int_equal(unlink(at("audit.csv")), 0);
	assert_int_equal(trail(false), VL_TRAIL_GONE);
	/* the head gone too: the records still say a trail was due */
	assert_int_equal(unlink(at(".vl-head")), 0);
	assert_int_equal(trail(true), VL_TRAIL_GONE);
	assert_int_equal(trail(false), VL_TRAIL_GONE);
	/* a header alone is no record */
	put("funds.csv", "id,amount\n\r\n");
	put("projects.csv", "id,town\n");
	assert_int_equal(trail(true), VL_TRAIL_OK);
}

/* The head removed from a trail that keeps one (its anchor), or not a
 * head: found, at a glance too. */
static void
test_head_gone(void **state)
{
	long seq;
	char hash[VL_HASH_HEX];

	(void)state;
	history();
	assert_int_equal(unlink(at(".vl-head")), 0);
	assert_int_equal(trail(true), VL_TRAIL_NO_HEAD);
	assert_int_equal(trail(false), VL_TRAIL_NO_HEAD);
	put(".vl-head", "6:abc\n");
	assert_int_equal(trail(true), VL_TRAIL_BAD_HEAD);
	assert_int_equal(vl_audit_head_parse("6:abc", &seq, hash), -1);
	assert_int_equal(vl_audit_head_parse(":" GENESIS, &seq, hash), -1);
	assert_int_equal(vl_audit_head_parse("6:" GENESIS "x", &seq, hash),
	    -1);
	assert_int_equal(vl_audit_head_parse("6:" GENESIS "\n", &seq, hash),
	    0);
	assert_int_equal(seq, 6);
	assert_string_equal(hash, GENESIS);
	/* an older head put back: the trail no longer ends with its line */
	put(".vl-head", "5:" GENESIS "\n");
	assert_int_equal(trail(true), VL_TRAIL_SHORT);
	assert_int_equal(trail(false), VL_TRAIL_SHORT);
}

static void
test_outside_edit(void **state)
{
	struct walk w;
	char *funds;

	(void)state;
	history();
	funds = get("funds.csv");
	funds[strlen(funds) - 3] = '9';	/* 4,40.00 -> 4,40.90 */
	put("funds.csv", funds);
	free(funds);
	assert_int_equal(verify(&w), 0);
	assert_int_equal(outside_edits(), 1);
	/* a file removed by hand is named too */
	assert_int_equal(unlink(at("projects.csv")), 0);
	assert_int_equal(outside_edits(), 2);
}

static void
test_no_audit_yet(void **state)
{
	struct walk w;

	(void)state;
	assert_int_equal(verify(&w), 0);
	assert_int_equal(w.lines, 0);
	assert_int_equal(outside_edits(), 0);
}

/* a commit interrupted after its commit point is no hand edit: the
 * check finishes it first */
static void
test_pending_commit(void **state)
{
	struct walk w;
	char *audit, *funds;

	(void)state;
	history();
	audit = get("audit.csv");
	funds = get("funds.csv");
	commit("funds.csv", "id,amount\n", "5,50.00\n", "5");
	/* back to the state a crash between the two renames leaves */
	assert_int_equal(rename(at("audit.csv"), at(".vl-tmp.audit.csv")), 0);
	put("audit.csv", audit);
	put(".vl-journal", "funds.csv\naudit.csv\ncommit\n");
	assert_int_equal(outside_edits(), 0);
	assert_int_equal(access(at(".vl-journal"), F_OK), -1);
	assert_int_equal(verify(&w), 0);
	assert_int_equal(w.lines, 7);
	assert_int_equal(trail(true), VL_TRAIL_OK);
	free(audit);
	free(funds);
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_chain_verifies),
		T(test_edited_byte),
		T(test_edited_hash),
		T(test_deleted_line),
		T(test_swapped_lines),
		T(test_deleted_first_line),
		T(test_deleted_last_line),
		T(test_outside_edit),
		T(test_no_audit_yet),
		T(test_pending_commit),
		T(test_trail_gone),
		T(test_head_gone),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
