/*
 * filter.c - the one filter of every report and list: a value a column,
 * any of those given for it, every column given.
 */
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/i18n.h"
#include "base/strbuf.h"
#include "register/schema.h"
#include "rules/filter.h"

const char *const vl_filter_names[] = {
	"town", "village", "project", "leader", "specialist", "inspector",
	"kind", "status", "phase", "aspect", "result", "district", NULL
};

void
vl_filter_add(struct vl_filter *f, enum vl_fcol c, const char *value)
{
	f->v[c] = vl_xrealloc(f->v[c], (f->n[c] + 1) * sizeof *f->v[c]);
	f->v[c][f->n[c]++] = value;
}

bool
vl_filter_on(const struct vl_filter *f, enum vl_fcol c)
{
	return f->n[c] > 0;
}

/* a and b the same but for the letter case of ASCII letters? */
static bool
same_folded(const char *a, const char *b)
{
	unsigned char x, y;

	do {
		x = (unsigned char)*a++;
		y = (unsigned char)*b++;
		if (x >= 'A' && x <= 'Z')
			x += 'a' - 'A';
		if (y >= 'A' && y <= 'Z')
			y += 'a' - 'A';
	} while (x == y && x);
	return x == y;
}

/* is s one of column c's values?  A project's id is matched whatever
 * the case of its letters: the writers refuse ids that differ only in
 * case, so --project P51 finds p51 and nothing else. */
static bool
among(const struct vl_filter *f, enum vl_fcol c, const char *s)
{
	size_t i;

	for (i = 0; s && i < f->n[c]; i++)
		if (c == VL_FC_PROJECT ? same_folded(f->v[c][i], s) :
		    strcmp(f->v[c][i], s) == 0)
			return true;
	return false;
}

bool
vl_filter_row(const struct vl_filter *f, const char *const row[VL_NFC])
{
	int c;

	for (c = 0; c < VL_FC_DISTRICT; c++)
		if (f->n[c] && !among(f, c, row[c]))
			return false;
	return true;
}

bool
vl_filter_district(const struct vl_filter *f, const char *district)
{
	return !f || !f->n[VL_FC_DISTRICT] || among(f, VL_FC_DISTRICT,
	    district);
}

void
vl_filter_project_row(const char *row[VL_NFC], const struct vl_project *p)
{
	row[VL_FC_TOWN] = p ? p->town : NULL;
	row[VL_FC_VILLAGE] = p ? p->village : NULL;
	row[VL_FC_PROJECT] = p ? p->id : NULL;
	row[VL_FC_LEADER] = p ? p->leader : NULL;
	row[VL_FC_SPECIALIST] = p ? p->specialist : NULL;
}

bool
vl_filter_project(const struct vl_filter *f, const struct vl_project *p)
{
	int c;
	const char *row[VL_NFC] = {NULL};

	vl_filter_project_row(row, p);
	for (c = VL_FC_TOWN; c <= VL_FC_SPECIALIST; c++)
		if (f->n[c] && !among(f, c, row[c]))
			return false;
	return true;
}

bool
vl_filter_on_projects(const struct vl_filter *f)
{
	int c;

	for (c = VL_FC_TOWN; c <= VL_FC_SPECIALIST; c++)
		if (f && f->n[c])
			return true;
	return false;
}

/* The projects of b that f keeps, keep[i] for projects.v[i], and how many
 * (*kept); NULL (and every project kept) when f filters no project's
 * column. */
static bool *
projects_kept(const struct vl_filter *f, const struct vl_book *b,
    size_t *kept)
{
	bool *keep;
	size_t i;

	*kept = b->projects.n;
	if (!vl_filter_on_projects(f))
		return NULL;
	keep = vl_xcalloc(b->projects.n + 1, sizeof *keep);
	for (i = 0, *kept = 0; i < b->projects.n; i++)
		*kept += keep[i] = vl_filter_project(f, &b->projects.v[i]);
	return keep;
}

/* "town 青山镇/河口镇, leader 王五": the filter on the projects' columns,
 * for people, in their language, or (zh) in Chinese */
static char *
described(const struct vl_filter *f, bool zh)
{
	static const char *const zh_names[] = {"镇", "村", "项目", "领导",
	    "专干"};
	struct vl_buf s = {0};
	size_t i;
	int c;

	for (c = VL_FC_TOWN; c <= VL_FC_SPECIALIST; c++) {
		if (!f->n[c])
			continue;
		if (s.len)
			vl_buf_puts(&s, zh ? "，" : vl_tr(", "));
		vl_buf_printf(&s, "%s ", zh ? zh_names[c - VL_FC_TOWN] :
		    vl_tr(vl_filter_names[c]));
		for (i = 0; i < f->n[c]; i++)
			vl_buf_printf(&s, "%s%s", i ? "/" : "", f->v[c][i]);
	}
	return s.data;
}

void
vl_filter_narrow(const struct vl_filter *f, struct vl_book *b)
{
	size_t i;

	if (!(b->keep = projects_kept(f, b, &b->kept)))
		return;
	b->task_keep = vl_xcalloc(b->ntasks + 1, sizeof *b->task_keep);
	for (i = 0; i < b->ntasks; i++)
		b->task_keep[i] = vl_filter_task(f, &b->tasks[i]);
	b->narrowed_to = described(f, false);
	b->narrowed_zh = described(f, true);
}

bool
vl_filter_task(const struct vl_filter *f, const struct vl_task *t)
{
	const char *row[VL_NFC] = {NULL};
	int c;

	if (!f)
		return true;
	row[VL_FC_LEADER] = t->owner;
	for (c = VL_FC_TOWN; c <= VL_FC_SPECIALIST; c++)
		if (f->n[c] && !among(f, c, row[c]))
			return false;
	return true;
}

void
vl_filter_free(struct vl_filter *f)
{
	int c;

	for (c = 0; c < VL_NFC; c++)
		free(f->v[c]);
	memset(f, 0, sizeof *f);
}

enum vl_fcol
vl_group_column(const char *word)
{
	int c;

	for (c = 0; c < VL_NFC; c++)
		if (strcmp(vl_filter_names[c], word) == 0)
			return c;
	return VL_FC_TOWN;
}

void
vl_filter_words(const struct vl_filter *f, enum vl_fcol c,
    const char *const *const *words, size_t nwords)
{
	const char *name = vl_filter_names[c], *w = NULL;
	size_t i, k;

	for (i = 0; nwords > 0 && i < f->n[c]; i++) {
		for (k = 0; k < nwords && !(w = vl_word_named(name, words[k],
		    f->v[c][i])); k++)
			;
		if (!w)
			vl_die(VL_BADINPUT, "--%s: \"%s\" is not one of %s",
			    name, f->v[c][i], vl_words_said(name, words[0]));
		f->v[c][i] = w;	/* --aspect 安全 is --aspect safety */
	}
}

const char *const *
vl_book_aspects(const struct vl_book *b)
{
	return vl_plan_aspects(&b->plan);
}
