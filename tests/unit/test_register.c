/*
 * test_register.c - the register directory: its lock, atomic commits, and
 * the recovery of a commit a crash interrupted.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "vl.h"

/* ---- helpers ---------------------------------------------------------- */

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

static void
put(const char *name, const char *text)
{
	FILE *f = fopen(at(name), "w");

	assert_non_null(f);
	assert_true(fputs(text, f) >= 0);
	assert_int_equal(fclose(f), 0);
}

/* the file's content, malloc'd; NULL if it is not there */
static char *
get(const char *name)
{
	struct vl_buf b = {0};
	char block[4096];
	size_t n;
	FILE *f = fopen(at(name), "r");

	if (!f) {
		assert_int_equal(errno, ENOENT);
		return NULL;
	}
	vl_buf_add(&b, "", 0);
	while ((n = fread(block, 1, sizeof block, f)) > 0)
		vl_buf_add(&b, block, n);
	fclose(f);
	return b.data;
}

static void
is(const char *name, const char *want)
{
	char *got = get(name);

	if (!got)
		fail_msg("%s: not there", name);
	assert_string_equal(got, want);
	free(got);
}

/* stderr to /dev/null (quiet) and back (loud) */
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

static bool
exists(const char *name)
{
	return access(at(name), F_OK) == 0;
}

/* no journal and no temp file is left behind */
static void
clean(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		if (strncmp(e->d_name, ".vl-tmp.", 8) == 0 ||
		    strcmp(e->d_name, ".vl-journal") == 0)
			fail_msg("%s left behind", e->d_name);
	closedir(d);
}

static int
setup(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/vl-test-reg.XXXXXX");
	unsetenv("VL_DIR");
	unsetenv("VL_LOCK_TIMEOUT");
	return mkdtemp(dir) ? 0 : -1;
}

/* a directory a test left, and what is in it */
static void
remove_dir(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	char sub[512];

	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
		unlink(sub);
	}
	closedir(d);
	rmdir(path);
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
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0 &&
		    unlink(at(e->d_name)) != 0)
			remove_dir(at(e->d_name));
	closedir(d);
	return rmdir(dir);
}

static void
locked(struct vl_reg *r)
{
	vl_reg_open(r, dir);
	assert_int_equal(vl_reg_lock(r), VL_OK);
	assert_true(r->lockfd >= 0);
}

static struct vl_change
append(const char *file, const char *header, const char *data)
{
	struct vl_change c = {file, header, false, data, strlen(data)};

	return c;
}

static struct vl_change
replace(const char *file, const char *data)
{
	struct vl_change c = {file, NULL, true, data, strlen(data)};

	return c;
}

static int
commit1(struct vl_reg *r, struct vl_change c)
{
	return vl_reg_commit(r, &c, 1);
}

/* files put here by hand, records in them: their audit trail begins */
static void
adopt(struct vl_reg *r)
{
	assert_int_equal(vl_reg_restart(r, "put by the test"), VL_OK);
}

/* ---- where the register is -------------------------------------------- */

static void
test_dirname(void **state)
{
	(void)state;
	assert_string_equal(vl_reg_dirname(NULL), ".");
	assert_string_equal(vl_reg_dirname("/srv/reg"), "/srv/reg");
	assert_int_equal(setenv("VL_DIR", "/env/reg", 1), 0);
	assert_string_equal(vl_reg_dirname(NULL), "/env/reg");
	/* -C beats the environment */
	assert_string_equal(vl_reg_dirname("/srv/reg"), "/srv/reg");
	assert_string_equal(vl_reg_dirname("."), ".");
	/* an empty VL_DIR is no VL_DIR */
	assert_int_equal(setenv("VL_DIR", "", 1), 0);
	assert_string_equal(vl_reg_dirname(NULL), ".");
	assert_int_equal(unsetenv("VL_DIR"), 0);
}

static void
test_paths(void **state)
{
	struct vl_reg r;
	char *p;

	(void)state;
	vl_reg_open(&r, dir);
	assert_int_equal(r.lockfd, -1);
	p = vl_reg_path(&r, "funds.csv");
	assert_string_equal(p, at("funds.csv"));
	free(p);
	assert_false(vl_reg_exists(&r, "funds.csv"));
	put("funds.csv", "x\n");
	assert_true(vl_reg_exists(&r, "funds.csv"));
	vl_reg_close(&r);
	assert_null(r.dir);
}

/* ---- commits ---------------------------------------------------------- */

static void
test_append(void **state)
{
	struct vl_reg r;

	(void)state;
	locked(&r);
	/* a new file gets its header first */
	assert_int_equal(commit1(&r, append("funds.csv", "id,amount\n",
	    "F1,5\n")), VL_OK);
	is("funds.csv", "id,amount\nF1,5\n");
	clean();
	/* and never again */
	assert_int_equal(commit1(&r, append("funds.csv", "id,amount\n",
	    "F2,6\nF3,7\n")), VL_OK);
	is("funds.csv", "id,amount\nF1,5\nF2,6\nF3,7\n");
	/* no header given, none written */
	assert_int_equal(commit1(&r, append("progress.csv", NULL, "a\n")),
	    VL_OK);
	is("progress.csv", "a\n");
	clean();
	vl_reg_close(&r);
}

static void
test_append_no_newline(void **state)
{
	struct vl_reg r;

	(void)state;
	/* as a text editor may leave it */
	put("funds.csv", "id,amount\nF1,5");
	locked(&r);
	adopt(&r);
	assert_int_equal(commit1(&r, append("funds.csv", "id,amount\n",
	    "F2,6\n")), VL_OK);
	is("funds.csv", "id,amount\nF1,5\nF2,6\n");
	/* CRLF as a spreadsheet writes it is an end of line already, and
	 * the rows appended end as the file's first line does */
	put("progress.csv", "date,project\r\n2023-01-05,P01\r\n");
	assert_int_equal(commit1(&r, append("progress.csv", "date,project\n",
	    "2023-01-06,P02\n")), VL_OK);
	is("progress.csv", "date,project\r\n2023-01-05,P01\r\n"
	    "2023-01-06,P02\r\n");
	/* no end at all after CRLF lines; a quoted LF is the field's own */
	put("progress.csv", "date,project,note\r\n2023-01-05,P01,x");
	assert_int_equal(commit1(&r, append("progress.csv", "date,project\n",
	    "2023-01-06,P02,\"a\nb\"\n2023-01-07,P03,\n")), VL_OK);
	is("progress.csv", "date,project,note\r\n2023-01-05,P01,x\r\n"
	    "2023-01-06,P02,\"a\nb\"\r\n2023-01-07,P03,\r\n");
	clean();
	vl_reg_close(&r);
}

/* an existing but empty file is as good as new: it needs its header */
static void
test_append_empty_file(void **state)
{
	struct vl_reg r;

	(void)state;
	put("funds.csv", "");
	locked(&r);
	assert_int_equal(commit1(&r, append("funds.csv", "id,amount\n",
	    "F1,5\n")), VL_OK);
	is("funds.csv", "id,amount\nF1,5\n");
	vl_reg_close(&r);
}

static void
test_replace(void **state)
{
	struct vl_reg r;
	struct stat st;

	(void)state;
	put("plan.json", "{\"old\": true}\n");
	locked(&r);
	assert_int_equal(commit1(&r, replace("plan.json", "{\"new\": 1}\n")),
	    VL_OK);
	is("plan.json", "{\"new\": 1}\n");
	/* to nothing at all, and a new file by replace */
	assert_int_equal(commit1(&r, replace("plan.json", "")), VL_OK);
	is("plan.json", "");
	assert_int_equal(commit1(&r, replace("inspections.csv", "a,b\n1,2\n")),
	    VL_OK);
	is("inspections.csv", "a,b\n1,2\n");
	/* readable by the clerk's other programs */
	assert_int_equal(stat(at("inspections.csv"), &st), 0);
	assert_true((st.st_mode & 0444) == 0444);
	clean();
	vl_reg_close(&r);
}

static void
test_several_files(void **state)
{
	struct vl_reg r;
	struct vl_change ch[4];

	(void)state;
	put("funds.csv", "id,amount\nF1,5\n");
	put("projects.csv", "id,town\nP1,a\n");
	ch[0] = append("funds.csv", "id,amount\n", "F2,6\n");
	ch[1] = replace("projects.csv", "id,town\nP1,b\n");
	ch[2] = append("inspections.csv", "id,date\n", "I1,2023-01-05\n");
	ch[3] = append("progress.csv", "date,project\n", "");
	locked(&r);
	adopt(&r);
	assert_int_equal(vl_reg_commit(&r, ch, 4), VL_OK);
	is("funds.csv", "id,amount\nF1,5\nF2,6\n");
	is("projects.csv", "id,town\nP1,b\n");
	is("inspections.csv", "id,date\nI1,2023-01-05\n");
	is("progress.csv", "date,project\n");
	clean();
	vl_reg_close(&r);
}

/* one change that cannot be written: none of them is */
static void
test_all_or_nothing(void **state)
{
	struct vl_reg r;
	struct vl_change ch[2];
	int saved, status;

	(void)state;
	put("funds.csv", "id,amount\nF1,5\n");
	ch[0] = append("funds.csv", "id,amount\n", "F2,6\n");
	ch[1] = replace("no/such/dir.csv", "x\n");
	locked(&r);
	saved = quiet();
	status = vl_reg_commit(&r, ch, 2);
	loud(saved);
	assert_int_equal(status, VL_SYSFAULT);
	is("funds.csv", "id,amount\nF1,5\n");
	clean();
	vl_reg_close(&r);
}

static void
test_commit_needs_lock(void **state)
{
	struct vl_reg r;
	pid_t pid;
	int st;

	(void)state;
	put("funds.csv", "id\n");
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		quiet();
		vl_reg_open(&r, dir);
		commit1(&r, append("funds.csv", "id\n", "F1\n"));
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), VL_SYSFAULT);
	is("funds.csv", "id\n");
}

/* ---- the lock --------------------------------------------------------- */

static double
now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* A child tries the lock with timeout seconds; its status and stderr.
 * It leaves the parent's lock (held, or -1) alone: a copy of that file
 * descriptor would keep the lock after the parent lets it go. */
static int
child_lock(int held, const char *timeout, FILE *err, double *took)
{
	struct vl_reg r;
	double start = now();
	pid_t pid;
	int st;

	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		if (held >= 0)
			close(held);
		dup2(fileno(err), 2);
		setenv("VL_LOCK_TIMEOUT", timeout, 1);
		vl_reg_open(&r, dir);
		_exit(vl_reg_lock(&r));
	}
	assert_int_equal(waitpid(pid, &st, 0), pid);
	*took = now() - start;
	assert_true(WIFEXITED(st));
	return WEXITSTATUS(st);
}

static void
test_lock_timeout(void **state)
{
	struct vl_reg r;
	FILE *err = tmpfile();
	char msg[256] = "", want[256];
	double took;

	(void)state;
	assert_non_null(err);
	locked(&r);
	assert_int_equal(child_lock(r.lockfd, "1", err, &took), VL_SYSFAULT);
	/* it waited its second, and not much more */
	assert_true(took >= 0.9);
	assert_true(took < 4.0);
	rewind(err);
	assert_non_null(fgets(msg, sizeof msg, err));
	snprintf(want, sizeof want, "vl: %s: the register is locked by "
	    "another writer (waited 1 s)\n", dir);
	assert_string_equal(msg, want);
	/* the lock goes with its holder */
	vl_reg_close(&r);
	assert_int_equal(child_lock(-1, "1", err, &took), VL_OK);
	fclose(err);
}

/* a writer waits for the lock rather than fail at once */
static void
test_lock_waits(void **state)
{
	struct timespec pause = {0, 300 * 1000 * 1000};
	struct vl_reg r;
	double start;
	pid_t pid;
	int st;

	(void)state;
	locked(&r);
	fflush(NULL);
	start = now();
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct vl_reg c;

		close(r.lockfd);
		setenv("VL_LOCK_TIMEOUT", "10", 1);
		vl_reg_open(&c, dir);
		_exit(vl_reg_lock(&c));
	}
	nanosleep(&pause, NULL);
	vl_reg_close(&r);
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), VL_OK);
	assert_true(now() - start >= 0.25);
	assert_true(now() - start < 5.0);
}

/* ---- recovery --------------------------------------------------------- */

/* The crash came after the journal landed: the commit happened, and the
 * next writer finishes it. */
static void
test_roll_forward(void **state)
{
	struct vl_reg r;

	(void)state;
	put("funds.csv", "id\nF1\n");
	put("projects.csv", "id\nP1\n");
	put(".vl-tmp.funds.csv", "id\nF1\nF2\n");
	put(".vl-tmp.projects.csv", "id\nP1\nP2\n");
	put(".vl-tmp.inspections.csv", "id\nI1\n");
	put(".vl-journal", "funds.csv\nprojects.csv\ninspections.csv\n"
	    "commit\n");
	locked(&r);
	is("funds.csv", "id\nF1\nF2\n");
	is("projects.csv", "id\nP1\nP2\n");
	is("inspections.csv", "id\nI1\n");
	clean();
	vl_reg_close(&r);
}

/* the crash came half-way through the renames */
static void
test_roll_forward_partly_done(void **state)
{
	struct vl_reg r;

	(void)state;
	put("funds.csv", "id\nF1\nF2\n");	/* renamed already */
	put("projects.csv", "id\nP1\n");
	put(".vl-tmp.projects.csv", "id\nP1\nP2\n");
	put(".vl-journal", "funds.csv\nprojects.csv\ncommit\n");
	locked(&r);
	is("funds.csv", "id\nF1\nF2\n");
	is("projects.csv", "id\nP1\nP2\n");
	clean();
	vl_reg_close(&r);
}

/* The crash came before the journal landed: the commit never happened. */
static void
test_stray_temps(void **state)
{
	struct vl_reg r;

	(void)state;
	put("funds.csv", "id\nF1\n");
	put(".vl-tmp.funds.csv", "id\nF1\nF2\n");
	put(".vl-tmp.new.csv", "half a fil");
	put(".vl-tmp..vl-journal", "funds.csv\nnew.csv\ncommit\n");
	locked(&r);
	is("funds.csv", "id\nF1\n");
	assert_false(exists("new.csv"));
	clean();
	adopt(&r);
	/* and a commit after it works */
	assert_int_equal(commit1(&r, append("funds.csv", "id\n", "F3\n")),
	    VL_OK);
	is("funds.csv", "id\nF1\nF3\n");
	vl_reg_close(&r);
}

/* ---- a register someone else writes to too ---------------------------- */

/* the lock, quiet; its status */
static int
try_lock(void)
{
	struct vl_reg r;
	int saved = quiet(), status;

	vl_reg_open(&r, dir);
	status = vl_reg_lock(&r);
	vl_reg_close(&r);
	loud(saved);
	return status;
}

/* A journal that is not one the tools wrote is refused whole: exit 3,
 * nothing moved, nothing outside the register touched, and the journal
 * left for someone to look at. */
static void
journal_refused(const char *text)
{
	put("funds.csv", "id\nF1\n");
	put(".vl-tmp.funds.csv", "id\nF1\nF2\n");
	put(".vl-journal", text);
	assert_int_equal(try_lock(), VL_SYSFAULT);
	is("funds.csv", "id\nF1\n");
	assert_true(exists(".vl-journal"));
	assert_true(exists(".vl-tmp.funds.csv"));
	unlink(at(".vl-journal"));
}

static void
test_journal_refused(void **state)
{
	char big[9000], line[256];
	struct stat st;

	(void)state;
	assert_int_equal(mkdir(at("sub"), 0755), 0);
	put("sub/x", "outside\n");
	journal_refused("../x\ncommit\n");
	journal_refused("sub/x\ncommit\n");
	journal_refused("/etc/passwd\ncommit\n");
	journal_refused("..\ncommit\n");
	journal_refused("notes.txt\ncommit\n");
	journal_refused("\ncommit\n");
	journal_refused("funds.csv\n");			/* no end line */
	journal_refused("funds.csv\ncommit");		/* not whole */
	journal_refused("funds.csv\ncommit\nfunds.csv\n");
	journal_refused("commit\n");			/* nothing named */
	journal_refused("");
	journal_refused("funds.csv\nfunds.csv\ncommit\n");
	journal_refused("funds.csv\0\ncommit\n");
	journal_refused(".vl-tmp.funds.csv.AAAAAAAA/../../sub/x funds.csv 1 2\n"
	    "commit\n");
	journal_refused(".vl-tmp.funds.csv.AAAAAAAA funds.csv x 2\ncommit\n");
	journal_refused(".vl-tmp.projects.csv.AAAAAAAA funds.csv 1 2\n"
	    "commit\n");
	journal_refused(".vl-tmp.funds.csv.AAAAAAAA ../funds.csv 1 2\n"
	    "commit\n");
	/* the temp file named is not the one written: another inode */
	put(".vl-tmp.funds.csv.AAAAAAAA", "id\nF9\n");
	assert_int_equal(stat(at(".vl-tmp.funds.csv.AAAAAAAA"), &st), 0);
	snprintf(line, sizeof line, ".vl-tmp.funds.csv.AAAAAAAA funds.csv "
	    "%ju 99\ncommit\n", (uintmax_t)st.st_ino);
	journal_refused(line);
	snprintf(line, sizeof line, ".vl-tmp.funds.csv.AAAAAAAA funds.csv "
	    "%ju %jd\ncommit\n", (uintmax_t)st.st_ino + 1,
	    (intmax_t)st.st_size);
	journal_refused(line);
	/* gone, and funds.csv is not it */
	unlink(at(".vl-tmp.funds.csv.AAAAAAAA"));
	snprintf(line, sizeof line, ".vl-tmp.funds.csv.AAAAAAAA funds.csv "
	    "%ju %jd\ncommit\n", (uintmax_t)st.st_ino, (intmax_t)st.st_size);
	journal_refused(line);
	/* a symbolic link as the temp file, in the form of vl 0.1 */
	unlink(at(".vl-tmp.projects.csv"));
	assert_int_equal(symlink("sub/x", at(".vl-tmp.projects.csv")), 0);
	journal_refused("projects.csv\ncommit\n");
	unlink(at(".vl-tmp.projects.csv"));
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	journal_refused(big);
	is("sub/x", "outside\n");
	assert_false(exists("x"));
	unlink(at("sub/x"));
	rmdir(at("sub"));
	/* the journal itself a symbolic link or a FIFO: refused, not read */
	assert_int_equal(symlink("funds.csv", at(".vl-journal")), 0);
	assert_int_equal(try_lock(), VL_SYSFAULT);
	unlink(at(".vl-journal"));
	assert_int_equal(mkfifo(at(".vl-journal"), 0644), 0);
	assert_int_equal(try_lock(), VL_SYSFAULT);
	unlink(at(".vl-journal"));
	assert_int_equal(try_lock(), VL_OK);
}

/* A journal as this version writes it: which temp file of the commit's
 * stage (a directory of its own) becomes which file, known by inode and
 * size; rolled forward whole, or the rest of it when some renames were
 * done; the stage goes after. */
static void
test_journal_entries(void **state)
{
	struct stat a, b;
	char text[512];

	(void)state;
	put("funds.csv", "id\nF1\n");
	assert_int_equal(mkdir(at(".vl-tmp.Abc123xyz"), 0700), 0);
	put(".vl-tmp.Abc123xyz/funds.csv", "id\nF1\nF2\n");
	put(".vl-tmp.Abc123xyz/projects.csv", "id\nP1\n");
	assert_int_equal(stat(at(".vl-tmp.Abc123xyz/funds.csv"), &a), 0);
	assert_int_equal(stat(at(".vl-tmp.Abc123xyz/projects.csv"), &b), 0);
	/* projects.csv renamed already */
	assert_int_equal(rename(at(".vl-tmp.Abc123xyz/projects.csv"),
	    at("projects.csv")), 0);
	snprintf(text, sizeof text, ".vl-tmp.Abc123xyz/funds.csv funds.csv "
	    "%ju %jd\n.vl-tmp.Abc123xyz/projects.csv projects.csv %ju %jd\n"
	    "commit\n", (uintmax_t)a.st_ino, (intmax_t)a.st_size,
	    (uintmax_t)b.st_ino, (intmax_t)b.st_size);
	put(".vl-journal", text);
	assert_int_equal(try_lock(), VL_OK);
	is("funds.csv", "id\nF1\nF2\n");
	is("projects.csv", "id\nP1\n");
	assert_false(exists(".vl-tmp.Abc123xyz"));
	clean();
	/* a stage anyone may write to is not one of the tools' */
	assert_int_equal(mkdir(at(".vl-tmp.Abc123xyz"), 0777), 0);
	assert_int_equal(chmod(at(".vl-tmp.Abc123xyz"), 0777), 0);
	put(".vl-tmp.Abc123xyz/funds.csv", "id\nF9\n");
	assert_int_equal(stat(at(".vl-tmp.Abc123xyz/funds.csv"), &a), 0);
	snprintf(text, sizeof text, ".vl-tmp.Abc123xyz/funds.csv funds.csv "
	    "%ju %jd\ncommit\n", (uintmax_t)a.st_ino, (intmax_t)a.st_size);
	put(".vl-journal", text);
	assert_int_equal(try_lock(), VL_SYSFAULT);
	is("funds.csv", "id\nF1\nF2\n");
	unlink(at(".vl-journal"));
	/* a stage left over without a journal goes with its files */
	assert_int_equal(try_lock(), VL_OK);
	assert_false(exists(".vl-tmp.Abc123xyz"));
	clean();
}

/* a file in a register file's place that is not a regular file: the
 * lock and every commit refuse it, at once (a FIFO never blocks) */
static void
not_regular(const char *name)
{
	struct vl_reg r;
	int saved;

	vl_reg_open(&r, dir);
	saved = quiet();
	assert_int_equal(vl_reg_lock(&r), VL_SYSFAULT);
	assert_int_equal(vl_reg_lock_shared(&r), VL_SYSFAULT);
	loud(saved);
	vl_reg_close(&r);
	unlink(at(name));
	rmdir(at(name));
}

static void
test_not_regular(void **state)
{
	struct vl_reg r;
	int saved;

	(void)state;
	put("outside", "id\nF1\n");
	assert_int_equal(symlink("outside", at("funds.csv")), 0);
	not_regular("funds.csv");
	assert_int_equal(mkfifo(at("funds.csv"), 0644), 0);
	not_regular("funds.csv");
	assert_int_equal(mkdir(at("audit.csv"), 0755), 0);
	not_regular("audit.csv");
	assert_int_equal(symlink("outside", at(".vl-head")), 0);
	not_regular(".vl-head");
	assert_int_equal(symlink("outside", at("plan.json")), 0);
	not_regular("plan.json");
	unlink(at(".vl.lock"));
	assert_int_equal(symlink("outside", at(".vl.lock")), 0);
	not_regular(".vl.lock");
	assert_int_equal(mkfifo(at(".vl.lock"), 0644), 0);
	not_regular(".vl.lock");
	is("outside", "id\nF1\n");
	/* planted after the lock was taken: the commit refuses it too */
	locked(&r);
	assert_int_equal(symlink("outside", at("funds.csv")), 0);
	saved = quiet();
	assert_int_equal(commit1(&r, append("funds.csv", "id\n", "F2\n")),
	    VL_SYSFAULT);
	loud(saved);
	vl_reg_close(&r);
	is("outside", "id\nF1\n");
	clean();
}

/* Temp files are made, never found: a symbolic link planted under a
 * temp file's name (the old, guessable one) is not written through, and
 * no two commits use one name. */
static void
test_temp_planted(void **state)
{
	struct vl_reg r;
	struct stat st;

	(void)state;
	put("outside", "precious\n");
	locked(&r);
	assert_int_equal(symlink("outside", at(".vl-tmp.funds.csv")), 0);
	assert_int_equal(symlink("outside", at(".vl-tmp.audit.csv")), 0);
	assert_int_equal(commit1(&r, append("funds.csv", "id\n", "F1\n")),
	    VL_OK);
	is("outside", "precious\n");
	is("funds.csv", "id\nF1\n");
	assert_int_equal(lstat(at("funds.csv"), &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_int_equal(lstat(at("audit.csv"), &st), 0);
	assert_true(S_ISREG(st.st_mode));
	vl_reg_close(&r);
	unlink(at(".vl-tmp.funds.csv"));
	unlink(at(".vl-tmp.audit.csv"));
	clean();
}

/* A rewritten file keeps its mode (and, as root, its owner and group);
 * a new one is as umask says. */
static void
test_keeps_mode(void **state)
{
	struct vl_reg r;
	struct stat st;
	mode_t old;

	(void)state;
	put("funds.csv", "id\n");
	assert_int_equal(chmod(at("funds.csv"), 0604), 0);
	if (geteuid() == 0)
		assert_int_equal(chown(at("funds.csv"), 4321, 8765), 0);
	old = umask(027);
	locked(&r);
	assert_int_equal(commit1(&r, append("funds.csv", "id\n", "F1\n")),
	    VL_OK);
	assert_int_equal(commit1(&r, append("progress.csv", "id\n", "G1\n")),
	    VL_OK);
	umask(old);
	assert_int_equal(stat(at("funds.csv"), &st), 0);
	assert_int_equal(st.st_mode & 07777, 0604);
	if (geteuid() == 0) {
		assert_int_equal(st.st_uid, 4321);
		assert_int_equal(st.st_gid, 8765);
	}
	assert_int_equal(stat(at("progress.csv"), &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);
	vl_reg_close(&r);
	clean();
}

/* $VL_LOCK_TIMEOUT: seconds from 0 to a day, nothing else */
static void
test_lock_timeout_env(void **state)
{
	static const char *const bad[] = {"abc", "-1", "86401", "1e3", "10s",
	    " 5", "99999999999999999999", NULL};
	const char *const *b;
	long s;

	(void)state;
	assert_int_equal(vl_lock_timeout(&s), 0);
	assert_int_equal(s, 10);
	setenv("VL_LOCK_TIMEOUT", "0", 1);
	assert_int_equal(vl_lock_timeout(&s), 0);
	assert_int_equal(s, 0);
	setenv("VL_LOCK_TIMEOUT", "86400", 1);
	assert_int_equal(vl_lock_timeout(&s), 0);
	assert_int_equal(s, 86400);
	for (b = bad; *b; b++) {
		setenv("VL_LOCK_TIMEOUT", *b, 1);
		assert_int_equal(vl_lock_timeout(&s), -1);
		assert_int_equal(s, 10);
	}
	unsetenv("VL_LOCK_TIMEOUT");
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_dirname),
		T(test_paths),
		T(test_append),
		T(test_append_no_newline),
		T(test_append_empty_file),
		T(test_replace),
		T(test_several_files),
		T(test_all_or_nothing),
		T(test_commit_needs_lock),
		T(test_lock_timeout),
		T(test_lock_waits),
		T(test_roll_forward),
		T(test_roll_forward_partly_done),
		T(test_stray_temps),
		T(test_journal_refused),
		T(test_journal_entries),
		T(test_not_regular),
		T(test_temp_planted),
		T(test_keeps_mode),
		T(test_lock_timeout_env),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
