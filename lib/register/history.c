/*
 * history.c - rows as they stood at the end of a day.  A correction
 * rewrites its row in place and leaves on its audit line what each
 * field held and now holds ("due: 2023-05-25 → 2023-07-15; reason:
 * 延期整改; dated: 2023-06-14").  A row's corrections after the day are
 * taken back from the newest, each checked against what the row holds
 * then (the new values must be there), and those on or before the day
 * among them put back in their order.
 */
#include <stdlib.h>
#include <string.h>

#include "base/err_priv.h"
#include "base/strbuf.h"
#include "register/history.h"

static const char arrow[] = " → ";
#define ARROW (sizeof arrow - 1)

struct step {
	int file;		/* index into files */
	int action;		/* index into actions */
	char *id, *detail;
	long seq;		/* the order of the trail */
	vl_date day;		/* VL_NODATE: says none, kept */
};

struct vl_history {
	vl_date as_of;
	struct step *v;		/* by file, id and seq: the rows' steps */
	size_t n;
	/* only_id not NULL: the steps of that row of only_file alone */
	int only_file;
	const char *only_id;
};

static const char *const files[] = {"projects.csv", "inspections.csv",
    "tasks.csv", NULL};
static const char *const actions[] = {"amend", "reopen", "close", "done",
    "void", NULL};

static int
index_of(const char *const *list, const char *s)
{
	int i;

	for (i = 0; list[i]; i++)
		if (strcmp(list[i], s) == 0)
			return i;
	return -1;
}

/* The day a correction applies from: an amend's or a reopen's, the day
 * it was made as of, said last on its line; a close's, a done's or a
 * void's, its date, its first field's new value (a "; dated: " in its
 * note or its reason is words of a person, not the day). */
static vl_date
day_of(const char *action, const char *detail)
{
	const char *p = NULL, *q, *why;
	char day[VL_DATE_BUFSZ];
	vl_date d;

	if (strcmp(action, "amend") == 0 || strcmp(action, "reopen") == 0) {
		for (q = strstr(detail, "; dated: "); q; q = strstr(q + 1,
		    "; dated: "))
			p = q + 9;
		if (!p)
			return VL_NODATE;
	} else if ((p = strstr(detail, arrow)) != NULL) {
		p += ARROW;
	}
	if (!p || strlen(p) < VL_DATE_BUFSZ - 1)
		return VL_NODATE;
	memcpy(day, p, VL_DATE_BUFSZ - 1);
	day[VL_DATE_BUFSZ - 1] = '\0';
	return vl_date_parse(day, &d, &why) == 0 ? d : VL_NODATE;
}

static int
on_line(const struct vl_record *r, void *ctx)
{
	struct vl_history *h = ctx;
	const char *action = vl_field(r, "action");
	const char *id = vl_field(r, "record"), *detail = vl_field(r,
	    "detail");
	int file = index_of(files, vl_field(r, "file"));
	int act = index_of(actions, action);
	struct step *s;

	if (file < 0 || act < 0 || !*id || !*detail)
		return 0;
	if (h->only_id && (file != h->only_file || strcmp(id, h->only_id)))
		return 0;
	if ((h->n & (h->n - 1)) == 0)
		h->v = vl_xrealloc(h->v, (h->n ? 2 * h->n : 1) * sizeof *h->v);
	s = &h->v[h->n++];
	s->file = file;
	s->action = act;
	s->id = vl_xstrdup(id);
	s->detail = vl_xstrdup(detail);
	s->seq = (long)h->n;
	s->day = day_of(action, detail);
	return 0;
}

static int
by_row(const void *a, const void *b)
{
	const struct step *x = a, *y = b;
	int c;

	if (x->file != y->file)
		return x->file - y->file;
	if ((c = strcmp(x->id, y->id)) != 0)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static bool
after(const struct vl_history *h, const struct step *s)
{
	return s->day != VL_NODATE && s->day > h->as_of;
}

/* the steps of rows with a correction after the day, the others gone */
static void
keep_rows_taken_back(struct vl_history *h)
{
	size_t i = 0, j, k, kept = 0;
	bool any;

	while (i < h->n) {
		for (j = i, any = false; j < h->n && h->v[j].file ==
		    h->v[i].file && strcmp(h->v[j].id, h->v[i].id) == 0; j++)
			any = any || after(h, &h->v[j]);
		for (k = i; k < j; k++)
			if (any) {
				h->v[kept++] = h->v[k];
			} else {
				free(h->v[k].id);
				free(h->v[k].detail);
			}
		i = j;
	}
	h->n = kept;
}

/* the steps of audit.csv, in the order of the trail */
static void
read_trail(const struct vl_reg *reg, struct vl_history *h)
{
	struct vl_csv_opts opts = {.encoding = "utf-8", .regular = true};
	struct vl_errbuf quiet = {0}, *was;
	char *path, *display;

	path = vl_reg_path(reg, "audit.csv");
	display = vl_xstrdup(vl_reg_display(reg, "audit.csv"));
	/* what is wrong with the trail is the trail check's to say: a line
	 * it cannot read takes nothing back */
	was = vl_err_capture(&quiet);
	(void)vl_csv_read(path, display, &opts, on_line, h);
	vl_err_discard(&quiet);
	vl_err_capture(was);
	free(path);
	free(display);
}

struct vl_history *
vl_history_load(const struct vl_reg *reg, vl_date as_of)
{
	struct vl_history *h;

	if (as_of == VL_NODATE || !vl_reg_exists(reg, "audit.csv"))
		return NULL;
	h = vl_xcalloc(1, sizeof *h);
	h->as_of = as_of;
	read_trail(reg, h);
	if (h->n)	/* qsort of no list: h->v is NULL */
		qsort(h->v, h->n, sizeof *h->v, by_row);
	keep_rows_taken_back(h);
	if (h->n == 0) {
		vl_history_free(h);
		return NULL;
	}
	return h;
}

vl_date
vl_history_reopened(const struct vl_reg *reg, const char *file,
    const char *id)
{
	struct vl_history h = {VL_NODATE, NULL, 0, index_of(files, file),
	    id};
	vl_date day = VL_NODATE;
	size_t i;

	if (h.only_file < 0 || !vl_reg_exists(reg, "audit.csv"))
		return VL_NODATE;
	read_trail(reg, &h);
	for (i = 0; i < h.n; i++) {
		if (strcmp(actions[h.v[i].action], "reopen") == 0)
			day = h.v[i].day;
		free(h.v[i].id);
		free(h.v[i].detail);
	}
	free(h.v);
	return day;
}

void
vl_history_free(struct vl_history *h)
{
	size_t i;

	if (!h)
		return;
	for (i = 0; i < h->n; i++) {
		free(h->v[i].id);
		free(h->v[i].detail);
	}
	free(h->v);
	free(h);
}

/* a change of a step: field col held old, then new */
struct change {
	int col;
	const char *old, *new;
};

/* the name of the part at p ("leader: ..."), NULL when p holds none */
static const char *
part_name(const char *p, char name[64])
{
	const char *colon = strstr(p, ": ");

	if (!colon || (size_t)(colon - p) >= 64)
		return NULL;
	memcpy(name, p, (size_t)(colon - p));
	name[colon - p] = '\0';
	return colon;
}

/* Does a value end at p: the end of the detail, or "; " and the next
 * part, a column's change, the reason or the day?  A value may hold
 * "; " and " → " itself ("甲 → 乙; 丙"). */
static bool
value_ends(const char *p, const struct vl_header *hdr)
{
	char name[64];

	if (!*p)
		return true;
	if (strncmp(p, "; ", 2) != 0 || !part_name(p + 2, name))
		return false;
	return strcmp(name, "reason") == 0 || strcmp(name, "dated") == 0 ||
	    vl_header_index(hdr, name) >= 0;
}

/*
 * Take step s back from the row's fields f (header hdr): each
 * "NAME: OLD → NEW" of its detail, up to its reason, must find NEW in
 * f; f gets OLD.  The changes into *ch (grown, *nch of them).  false
 * when the detail does not lead back from f.
 */
static bool
take_back(const struct step *s, const struct vl_header *hdr, char **f,
    struct vl_was *w, struct change **ch, size_t *nch)
{
	const char *p = s->detail, *colon, *a, *nv;
	char name[64];
	size_t nl;
	int col;

	for (;;) {
		if (!(colon = part_name(p, name)))
			return false;
		if (strcmp(name, "reason") == 0 || strcmp(name, "dated") == 0)
			return true;
		if ((col = vl_header_index(hdr, name)) < 0)
			return false;
		nv = f[col];
		nl = strlen(nv);
		/* OLD → NEW, NEW what the row holds and then the next part */
		for (a = strstr(colon + 2, arrow); a; a = strstr(a + 1, arrow))
			if (strncmp(a + ARROW, nv, nl) == 0 &&
			    value_ends(a + ARROW + nl, hdr))
				break;
		if (!a)
			return false;
		w->owned = vl_xrealloc(w->owned, (w->nowned + 1) *
		    sizeof *w->owned);
		w->owned[w->nowned] = vl_xmalloc((size_t)(a - colon - 2) + 1);
		memcpy(w->owned[w->nowned], colon + 2, (size_t)(a - colon - 2));
		w->owned[w->nowned][a - colon - 2] = '\0';
		*ch = vl_xrealloc(*ch, (*nch + 1) * sizeof **ch);
		(*ch)[(*nch)++] = (struct change){col, w->owned[w->nowned],
		    nv};
		f[col] = w->owned[w->nowned++];
		p = a + ARROW + nl;
		if (!*p)
			return true;
		p += 2;
	}
}

static const struct step *
first_step(const struct vl_history *h, int file, const char *id,
    size_t *n)
{
	size_t lo = 0, hi = h->n, mid, end;
	int c;

	while (lo < hi) {	/* the first step not before (file, id) */
		mid = lo + (hi - lo) / 2;
		c = h->v[mid].file != file ? h->v[mid].file - file :
		    strcmp(h->v[mid].id, id);
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (end = lo; end < h->n && h->v[end].file == file &&
	    strcmp(h->v[end].id, id) == 0; end++)
		;
	*n = end - lo;
	return h->v + lo;
}

const struct vl_record *
vl_history_row(const struct vl_history *h, const char *file,
    const struct vl_record *r, struct vl_was *w)
{
	int fi = h ? index_of(files, file) : -1;
	const struct step *s;
	struct change *ch = NULL;
	size_t n, k, first, i, nch = 0, *from;
	bool ok = true;

	if (fi < 0 || vl_header_index(r->header, "id") < 0)
		return r;
	s = first_step(h, fi, vl_field(r, "id"), &n);
	for (first = 0; first < n && !after(h, &s[first]); first++)
		;
	if (first == n)
		return r;
	w->field = vl_xcalloc(r->n + 1, sizeof *w->field);
	memcpy(w->field, r->field, r->n * sizeof *w->field);
	from = vl_xcalloc(n - first + 1, sizeof *from);
	for (k = n; ok && k-- > first; ) {	/* newest first */
		from[k - first] = nch;
		ok = take_back(&s[k], r->header, w->field, w, &ch, &nch);
	}
	/* those on or before the day put back, oldest first: the changes
	 * of step k are ch[from[k]] up to the next step's */
	for (k = first; ok && k < n; k++)
		for (i = from[k - first]; !after(h, &s[k]) && i < (k == first ?
		    nch : from[k - first - 1]); i++)
			w->field[ch[i].col] = (char *)ch[i].new;
	free(from);
	free(ch);
	if (!ok)
		return r;
	w->len = vl_xcalloc(r->n + 1, sizeof *w->len);
	for (i = 0; i < r->n; i++)
		w->len[i] = strlen(w->field[i]);
	w->r = *r;
	w->r.field = w->field;
	w->r.len = w->len;
	w->r.no_controls = false;
	return &w->r;
}

void
vl_was_free(struct vl_was *w)
{
	size_t i;

	for (i = 0; i < w->nowned; i++)
		free(w->owned[i]);
	free(w->owned);
	free(w->field);
	free(w->len);
	memset(w, 0, sizeof *w);
}
