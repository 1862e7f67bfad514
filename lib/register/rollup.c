/*
 * rollup.c - several registers read at once.  A copy sent upward is used
 * only when its audit trail is whole (every line's hash chains to the
 * one before) and, when the city was told the head it should hold
 * (--registers: DIR SEQ:HASH), ends at that head: a copy edited, cut
 * short or put back is named and left out, and the rest reported.
 */
#include <libgen.h>
#include <pthread.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/bidi.h"
#include "base/err.h"
#include "base/err_priv.h"
#include "base/i18n.h"
#include "io/csv.h"
#include "register/audit.h"
#include "register/rollup.h"

/* "SEQ:HASH" against the trail's head */
static bool
at_head(const struct vl_audit *a, const char *expect)
{
	char head[32 + VL_HASH_HEX];

	snprintf(head, sizeof head, "%ld:%s", a->seq, a->hash);
	return strcmp(head, expect) == 0;
}

static int
on_restart(const struct vl_record *r, bool broken, void *ctx)
{
	vl_restarts_note(ctx, r, broken);
	return 0;
}

/* the copy's trail checked under reg's lock; *restart: its last restart
 * when it holds */
static int
verify_locked(const struct vl_reg *reg, const struct vl_copy *c,
    struct vl_restarts *restart)
{
	struct vl_audit a;
	struct vl_trail t;
	long broken = 0;
	int status;

	status = vl_audit_read(reg, &a, on_restart, restart, &broken);
	if (status == VL_OK && broken) {
		vl_errat(vl_reg_display(reg, "audit.csv"), broken, "hash",
		    "the chain breaks here; this register is left out of the "
		    "roll-up");
		status = VL_FINDINGS;
	} else if (status == VL_OK && c->expect && !at_head(&a, c->expect)) {
		vl_errat(vl_reg_display(reg, "audit.csv"), 0, "head",
		    "%ld:%s, not %s as expected%s%s; this register is left out "
		    "of the roll-up", a.seq, a.hash, c->expect, c->where ?
		    vl_tr(" at ") : "", c->where ? c->where : "");
		status = VL_FINDINGS;
	} else if (status == VL_OK && vl_trail_check(reg, &a, &t) !=
	    VL_TRAIL_OK) {	/* cut short, put back or removed */
		vl_trail_say_copy(reg, &t);
		status = VL_FINDINGS;
	} else if (status == VL_BADINPUT) {	/* said: a trail unreadable */
		status = VL_FINDINGS;
	}
	vl_audit_free(&a);
	return status;
}

/* A copy a --registers line names that is not there is said at that
 * line: the city's list, not the copy, is what to look at */
static int
need_plan(const struct vl_reg *reg, const struct vl_copy *c)
{
	if (!c->where || vl_reg_exists(reg, "plan.json"))
		return vl_reg_need_plan(reg);
	vl_errat(c->where, 0, NULL, "%s: no register there (no plan.json): "
	    "a copy not received, or a line naming the wrong directory",
	    c->dir);
	return VL_BADINPUT;
}

/* The copy verified under a reader's lock, held in reg on VL_OK (the
 * caller reads the data under it, then closes reg): no writer between
 * the trail verified and the data used. */
static int
verify_and_hold(struct vl_reg *reg, const struct vl_copy *c,
    struct vl_restarts *restart)
{
	int status;

	vl_reg_open(reg, c->dir);
	if ((status = need_plan(reg, c)) == VL_OK &&
	    (status = vl_reg_lock_shared(reg)) == VL_OK)
		status = verify_locked(reg, c, restart);
	if (status != VL_OK)
		vl_reg_close(reg);
	return status;
}

int
vl_copy_verify(const struct vl_copy *c)
{
	struct vl_restarts restart = {0, NULL, 0};
	struct vl_reg reg;
	int status = verify_and_hold(&reg, c, &restart);

	if (status == VL_OK)
		vl_reg_close(&reg);
	vl_restarts_free(&restart);
	return status;
}

/* A directory's name made a district's, which every row prints: a
 * control character (C0, DEL, C1, and bidi.h's) made '?', and every
 * byte beyond ASCII when the name is not UTF-8 (plan.json's "district"
 * is refused for either but bidi.h's; a directory's name is only warned
 * of) */
static void
make_plain(char *name)
{
	unsigned char *p = (unsigned char *)name;
	bool utf8 = vl_utf8_valid(name, strlen(name));
	size_t len;

	for (; *p; p++)
		if (*p >= 0x80 && !utf8)
			*p = '?';
		else if ((len = vl_unsafe_len((char *)p)))
			memset(p, '?', len);
}

char *
vl_rollup_dir_name(const char *dir)
{
	char real[PATH_MAX], *copy, *name;
	const char *d;

	d = realpath(dir, real) ? real : dir;
	name = vl_xstrdup(basename(copy = vl_xstrdup(d)));
	free(copy);
	make_plain(name);
	return name;
}

bool
vl_rollup_warn_total_dir(const char *dir)
{
	char *name = vl_rollup_dir_name(dir);
	bool total = vl_plan_total_name(name);

	if (total)
		vl_warn("%s: give plan.json a \"district\": a roll-up would "
		    "name this register after its directory, \"%s\", what "
		    "its reports call their totals row, and refuse it", dir,
		    name);
	free(name);
	return total;
}

char *
vl_rollup_name(const struct vl_book *b, const char *dir)
{
	char *name;

	if (b->plan.district)
		return vl_xstrdup(b->plan.district);
	name = vl_rollup_dir_name(dir);
	vl_warn("%s: no \"district\": named \"%s\" after its directory",
	    vl_book_display(b, "plan.json"), name);
	return name;
}

/* the i-th register of r: the districts', then the cities' */
static const struct vl_book *
nth(const struct vl_rollup *r, size_t i, const char **name)
{
	if (i < r->n) {
		*name = r->district[i];
		return &r->book[i];
	}
	*name = r->city_name[i - r->n];
	return &r->city[i - r->n];
}

/* the same district twice is the same copy read twice, or two
 * registers that would be added up as one; a city's name is a
 * district's too (what it sent is matched to the district of that name) */
static int
check_distinct(const struct vl_rollup *r)
{
	const struct vl_book *b, *other;
	const char *name, *other_name;
	int status = VL_OK;
	size_t i, k;

	for (i = 0; i < r->n + r->ncity; i++) {
		b = nth(r, i, &name);
		for (k = 0; k < i; k++) {
			other = nth(r, k, &other_name);
			if (strcmp(name, other_name) == 0) {
				vl_errat(vl_book_display(b, "plan.json"), 0,
				    "district", "\"%s\" is read twice (also "
				    "%s)", name, other->reg.dir);
				status = VL_BADINPUT;
				break;
			}
		}
	}
	return status;
}

/* the books and their names in the order of the names (byte order) */
struct named {
	struct vl_book book;
	const char *name;
	long restart;
};

static int
by_name(const void *pa, const void *pb)
{
	return strcmp(((const struct named *)pa)->name,
	    ((const struct named *)pb)->name);
}

static void
sort_by_name(struct vl_book *book, const char **name, long *restart,
    size_t n)
{
	struct named *v = vl_xcalloc(n + 1, sizeof *v);
	size_t i;

	for (i = 0; i < n; i++)
		v[i] = (struct named){book[i], name[i], restart[i]};
	qsort(v, n, sizeof *v, by_name);
	for (i = 0; i < n; i++) {
		book[i] = v[i].book;
		name[i] = v[i].name;
		restart[i] = v[i].restart;
	}
	free(v);
}

static int
by_string(const void *pa, const void *pb)
{
	return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

/* a district of the word the roll-up's reports name their totals row by
 * (in English or in Chinese) could not be told from the total: in
 * progress --by district, overdue --by district, a district's towns */
static int
check_not_total(const struct vl_rollup *r)
{
	const struct vl_book *b;
	const char *name;
	int status = VL_OK;
	size_t i;

	for (i = 0; i < r->n + r->ncity; i++) {
		b = nth(r, i, &name);
		if (vl_plan_total_name(name)) {
			vl_errat(vl_book_display(b, "plan.json"), 0,
			    "district", "\"%s\" is what a roll-up's reports "
			    "call their totals row (total, 合计): this "
			    "district could not be told from the total; give "
			    "its plan.json another \"district\"", name);
			status = VL_BADINPUT;
		}
	}
	return status;
}

static int
worst(int a, int b)
{
	return a == VL_SYSFAULT || b == VL_SYSFAULT ? VL_SYSFAULT :
	    a > b ? a : b;
}

/* ---- several registers at once ---------------------------------------- */

struct each {
	void (*fn)(void *arg, size_t i);
	void *arg;
	struct vl_errbuf *msgs;
	size_t n;
	size_t next;		/* the next to do, taken atomically */
};

static void *
each_some(void *arg)
{
	struct each *e = arg;
	struct vl_errbuf *was;
	size_t i;

	while ((i = __atomic_fetch_add(&e->next, 1, __ATOMIC_RELAXED)) <
	    e->n) {
		if (!e->msgs) {
			e->fn(e->arg, i);
			continue;
		}
		was = vl_err_capture(&e->msgs[i]);
		e->fn(e->arg, i);
		vl_err_capture(was);
	}
	return NULL;
}

static void *
each_thread(void *arg)
{
	each_some(arg);
	vl_reg_display_free();	/* this thread's */
	return NULL;
}

/*
 * A city's thousands of small registers each cost a few milliseconds of
 * opening, locking, verifying and reading, which one thread did one after
 * another: as many threads as there are cores take the next register
 * that none has taken.
 */
void
vl_rollup_each(size_t n, void (*fn)(void *arg, size_t i), void *arg,
    struct vl_errbuf *msgs)
{
	struct each e = {fn, arg, msgs, n, 0};
	size_t nthreads = n < 2 ? 1 : vl_threads(), k;
	pthread_t *t = vl_xcalloc(nthreads, sizeof *t);
	bool *started = vl_xcalloc(nthreads, sizeof *started);

	for (k = 1; k < nthreads; k++)
		started[k] = pthread_create(&t[k], NULL, each_thread, &e) == 0;
	each_some(&e);
	for (k = 1; k < nthreads; k++)
		if (started[k])
			pthread_join(t[k], NULL);
	free(started);
	free(t);
}

/* One register of a roll-up loaded, before it takes its place in r. */
struct loaded {
	struct vl_book book;
	int status;		/* of the verification, or of the load */
	bool verified;
	long restart;		/* its trail's last restart line, 0 none */
};

struct loader {
	const struct vl_copy *copies;
	const struct vl_source *src;
	int what;
	struct loaded *v;
};

static void
load_one(void *arg, size_t i)
{
	const struct loader *ld = arg;
	const struct vl_copy *c = &ld->copies[i];
	struct loaded *x = &ld->v[i];
	struct vl_source one = *ld->src;
	struct vl_restarts restart = {0, NULL, 0};
	struct vl_reg held;

	if ((x->status = verify_and_hold(&held, c, &restart)) == VL_OK) {
		x->verified = true;
		/* a break acknowledged: whole from there on, and read, but
		 * the city is told (its head --expect'ed would not say it) */
		if ((x->restart = restart.line) > 0)
			vl_trail_say_restart(&held, &restart);
		one.dir = c->dir;
		/* the book is read under the lock the trail was verified
		 * under, and keeps it */
		one.held = &held;
		x->status = vl_book_load(&x->book, &one, ld->what &
		    ~VL_LOAD_DIGESTS);
	}
	vl_restarts_free(&restart);
	/* the files against the trail here, in this thread (not one more
	 * thread a register), under the book's lock */
	if (x->verified && x->status != VL_SYSFAULT &&
	    (ld->what & VL_LOAD_DIGESTS) &&
	    vl_audit_outside_edits(&x->book.reg) < 0)
		x->status = VL_SYSFAULT;
}

int
vl_rollup_load(struct vl_rollup *r, const struct vl_copy *copies, size_t n,
    const struct vl_source *src, int what)
{
	struct loader ld = {copies, src, what, vl_xcalloc(n + 1,
	    sizeof *ld.v)};
	struct vl_errbuf *msgs = vl_xcalloc(n + 1, sizeof *msgs);
	struct loaded *x;
	int status = VL_OK;
	size_t i;

	memset(r, 0, sizeof *r);
	r->as_of = src->as_of;
	r->encoding = src->encoding;
	r->book = vl_xcalloc(n ? n : 1, sizeof *r->book);
	r->district = vl_xcalloc(n ? n : 1, sizeof *r->district);
	r->city = vl_xcalloc(n ? n : 1, sizeof *r->city);
	r->city_name = vl_xcalloc(n ? n : 1, sizeof *r->city_name);
	r->restart = vl_xcalloc(n ? n : 1, sizeof *r->restart);
	r->city_restart = vl_xcalloc(n ? n : 1, sizeof *r->city_restart);
	r->left_out = vl_xcalloc(n ? n : 1, sizeof *r->left_out);
	vl_rollup_each(n, load_one, &ld, msgs);
	for (i = 0; i < n; i++) {
		x = &ld.v[i];
		vl_err_flush(&msgs[i]);	/* in the order of the registers */
		if (!x->verified) {
			if (x->status == VL_FINDINGS)
				r->left_out[r->untrusted++] = vl_xstrdup(
				    copies[i].dir);
			else
				status = worst(status, x->status);
			continue;
		}
		r->book[r->n] = x->book;
		if (r->book[r->n].plan.name)	/* the plan was read */
			r->district[r->n] = vl_rollup_name(&r->book[r->n],
			    copies[i].dir);
		else
			r->district[r->n] = vl_xstrdup(copies[i].dir);
		status = worst(status, x->status);
		if (r->book[r->n].plan.of_districts) {	/* a city's */
			r->city[r->ncity] = r->book[r->n];
			r->city_restart[r->ncity] = x->restart;
			r->city_name[r->ncity++] = r->district[r->n];
			memset(&r->book[r->n], 0, sizeof r->book[r->n]);
		} else {
			r->restart[r->n++] = x->restart;
		}
	}
	free(ld.v);
	free(msgs);
	status = worst(status, check_distinct(r));
	status = worst(status, check_not_total(r));
	/* every list, table and page of the roll-up the same whatever
	 * order the registers are named in: the districts (and the cities)
	 * in the order of their names, as if named so */
	sort_by_name(r->book, r->district, r->restart, r->n);
	sort_by_name(r->city, r->city_name, r->city_restart, r->ncity);
	qsort(r->left_out, (size_t)r->untrusted, sizeof *r->left_out,
	    by_string);
	return status;
}

void
vl_rollup_say_cities_apart(const struct vl_rollup *r)
{
	size_t i;

	for (i = 0; i < r->ncity; i++)
		vl_warn("%s: a city register, left out of these sums: what it "
		    "sent is in the districts' receipts (vl-fund check sets "
		    "the two side by side)", r->city_name[i]);
}

int
vl_rollup_of_villages(const struct vl_rollup *r)
{
	/* districts left out are said, and the status is theirs */
	if (r->n > 0 || r->ncity == 0 || r->untrusted > 0)
		return VL_OK;
	return vl_book_of_villages(&r->city[0]);
}

void
vl_rollup_free(struct vl_rollup *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		vl_book_free(&r->book[i]);
		free((char *)r->district[i]);
	}
	for (i = 0; i < r->ncity; i++) {
		vl_book_free(&r->city[i]);
		free((char *)r->city_name[i]);
	}
	for (i = 0; i < (size_t)r->untrusted; i++)
		free((char *)r->left_out[i]);
	free(r->left_out);
	free(r->book);
	free(r->district);
	free(r->city);
	free(r->city_name);
	free(r->restart);
	free(r->city_restart);
	memset(r, 0, sizeof *r);
}
