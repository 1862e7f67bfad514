/*
 * schema.c - the columns of each register file and the rules they obey.
 *
 * One table per file drives validation for every tool: what vl-add
 * refuses is exactly what vl-fund check and vl-report reject.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/halfwidth.h"
#include "base/i18n.h"
#include "base/money.h"
#include "base/strbuf.h"
#include "io/output.h"
#include "register/funds.h"
#include "register/project.h"
#include "register/schema_priv.h"

const char *const vl_levels[] = {"central", "region", "city", "district",
    NULL};
const char *const vl_kinds[] = {"receipt", "allocation", "expense", NULL};
static const char *const sources[] = {"finance", "party_fee", NULL};
static const char *const stages[] = {"started", "completed", NULL};
const char *const vl_phases[] = {"review", "check", "acceptance", NULL};
const char *const vl_aspects[] = {"quality", "progress", "funds", "safety",
    NULL};
const char *const vl_results[] = {"pass", "fail", NULL};
static const char *const modes[] = {"new", "expand", "repair", NULL};

static const struct vl_fieldspec projects_fields[] = {
	[VL_P_ID] = {"id", VL_T_ID, true, NULL, false},
	[VL_P_TOWN] = {"town", VL_T_TEXT, true, NULL, false},
	[VL_P_VILLAGE] = {"village", VL_T_TEXT, true, NULL, false},
	[VL_P_LEADER] = {"leader", VL_T_TEXT, false, NULL, false},
	[VL_P_SPECIALIST] = {"specialist", VL_T_TEXT, false, NULL, false},
	[VL_P_BUDGET] = {"budget", VL_T_MONEY, true, NULL, false},
	[VL_P_START_BY] = {"start_by", VL_T_DATE, false, NULL, false},
	[VL_P_COMPLETE_BY] = {"complete_by", VL_T_DATE, false, NULL, false},
	[VL_P_MODE] = {"mode", VL_T_ENUM, false, modes, false},
	[VL_P_AREA] = {"area", VL_T_COUNT, false, NULL, false},
};

/* A void (voided, void_reason) is a record of its own: a row voided on a
 * day counts until that day.  progress.csv had no id before; a file
 * without the column is read as before and numbered in file order. */
static const struct vl_fieldspec progress_fields[] = {
	[VL_G_ID] = {"id", VL_T_ID, false, NULL, false},
	[VL_G_DATE] = {"date", VL_T_DATE, true, NULL, false},
	[VL_G_PROJECT] = {"project", VL_T_PROJECT, true, NULL, false},
	[VL_G_STAGE] = {"stage", VL_T_ENUM, true, stages, false},
	[VL_G_NOTE] = {"note", VL_T_TEXT, false, NULL, false},
	[VL_G_VOIDED] = {"voided", VL_T_DATE, false, NULL, true},
	[VL_G_VOID_REASON] = {"void_reason", VL_T_TEXT, false, NULL, true},
};

static const struct vl_fieldspec funds_fields[] = {
	[VL_F_ID] = {"id", VL_T_ID, true, NULL, false},
	[VL_F_DATE] = {"date", VL_T_DATE, true, NULL, false},
	[VL_F_KIND] = {"kind", VL_T_ENUM, true, vl_kinds, false},
	[VL_F_LEVEL] = {"level", VL_T_ENUM, false, vl_levels, false},
	[VL_F_SOURCE] = {"source", VL_T_ENUM, false, sources, false},
	[VL_F_PROJECT] = {"project", VL_T_PROJECT, false, NULL, false},
	[VL_F_PURPOSE] = {"purpose", VL_T_TEXT, false, NULL, false},
	[VL_F_AMOUNT] = {"amount", VL_T_MONEY, true, NULL, false},
	[VL_F_NOTE] = {"note", VL_T_TEXT, false, NULL, false},
	[VL_F_REVERSES] = {"reverses", VL_T_ID, false, NULL, true},
};

static const struct vl_fieldspec inspections_fields[] = {
	[VL_I_ID] = {"id", VL_T_ID, true, NULL, false},
	[VL_I_DATE] = {"date", VL_T_DATE, true, NULL, false},
	[VL_I_PROJECT] = {"project", VL_T_PROJECT, true, NULL, false},
	[VL_I_PHASE] = {"phase", VL_T_ENUM, true, vl_phases, false},
	[VL_I_ASPECT] = {"aspect", VL_T_ENUM, true, vl_aspects, false},
	[VL_I_RESULT] = {"result", VL_T_ENUM, true, vl_results, false},
	[VL_I_FINDING] = {"finding", VL_T_TEXT, false, NULL, false},
	[VL_I_DUE] = {"due", VL_T_DATE, false, NULL, false},
	[VL_I_CLOSED] = {"closed", VL_T_DATE, false, NULL, false},
	[VL_I_INSPECTOR] = {"inspector", VL_T_TEXT, false, NULL, false},
	/* what shows it (photos, minutes), and who verified a rectification,
	 * how and by what: columns a file gains when first given one */
	[VL_I_EVIDENCE] = {"evidence", VL_T_TEXT, false, NULL, true},
	[VL_I_CLOSED_BY] = {"closed_by", VL_T_TEXT, false, NULL, true},
	[VL_I_CLOSE_NOTE] = {"close_note", VL_T_TEXT, false, NULL, true},
	[VL_I_CLOSE_EVIDENCE] = {"close_evidence", VL_T_TEXT, false, NULL,
	    true},
	[VL_I_VOIDED] = {"voided", VL_T_DATE, false, NULL, true},
	[VL_I_VOID_REASON] = {"void_reason", VL_T_TEXT, false, NULL, true},
};

/* Any other duty of the programme with an owner and a due date (the 整村
 * 推进 contact points, the 党员大集训's venue): done is the day it was
 * done, evidence the references that show it (photos, minutes). */
static const struct vl_fieldspec tasks_fields[] = {
	[VL_K_ID] = {"id", VL_T_ID, true, NULL, false},
	[VL_K_AREA] = {"area", VL_T_TEXT, true, NULL, false},
	[VL_K_TITLE] = {"title", VL_T_TEXT, true, NULL, false},
	[VL_K_OWNER] = {"owner", VL_T_TEXT, true, NULL, false},
	[VL_K_DUE] = {"due", VL_T_DATE, true, NULL, false},
	[VL_K_DONE] = {"done", VL_T_DATE, false, NULL, false},
	[VL_K_EVIDENCE] = {"evidence", VL_T_TEXT, false, NULL, false},
	[VL_K_NOTE] = {"note", VL_T_TEXT, false, NULL, false},
	[VL_K_VOIDED] = {"voided", VL_T_DATE, false, NULL, true},
	[VL_K_VOID_REASON] = {"void_reason", VL_T_TEXT, false, NULL, true},
	/* the day it was recorded: not there as of a day before (a file
	 * written before it has none, and gains it on its next task) */
	[VL_K_DATE] = {"date", VL_T_DATE, false, NULL, true},
};

#define SPEC(file, f, core) {file, f, sizeof f / sizeof f[0], core}
const struct vl_filespec vl_projects_spec =
    SPEC("projects.csv", projects_fields, 6);
const struct vl_filespec vl_progress_spec =
    SPEC("progress.csv", progress_fields, 4);
const struct vl_filespec vl_funds_spec = SPEC("funds.csv", funds_fields, 8);
const struct vl_filespec vl_inspections_spec =
    SPEC("inspections.csv", inspections_fields, 9);
const struct vl_filespec vl_tasks_spec = SPEC("tasks.csv", tasks_fields, 8);
const struct vl_filespec *const vl_specs[] = {&vl_projects_spec,
    &vl_progress_spec, &vl_funds_spec, &vl_inspections_spec, NULL};

const char *const *
vl_plan_levels(const struct vl_plan *p)
{
	return p && p->levels ? (const char *const *)p->levels : vl_levels;
}

const char *const *
vl_plan_aspects(const struct vl_plan *p)
{
	return p && p->aspects ? (const char *const *)p->aspects :
	    vl_aspects;
}

const char **
vl_spec_required(const struct vl_filespec *s)
{
	static _Thread_local const char *names[16];	/* roll-up threads */
	size_t i, k = 0;

	/* an optional id (progress.csv's) is core, but not required */
	for (i = 0; i < s->ncore && k + 1 < sizeof names / sizeof names[0]; i++)
		if (s->field[i].required || s->field[i].type != VL_T_ID)
			names[k++] = s->field[i].name;
	names[k] = NULL;
	return names;
}

/* v is none of field's words c: said with the words, each with its
 * Chinese under --lang zh (an import reads both), "新建（new）、…" */
static int
bad_choice(const struct vl_record *r, const char *field,
    const char *const *c, const char *v)
{
	char *list = vl_words_said(field, c);

	vl_errat(r->file, r->line, field, "\"%s\" is not one of %s", v,
	    list);
	free(list);
	return 1;
}

static bool
valid_id(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s <= ' ' || *s == ',' || *s == '"' ||
		    *s == 0x7f)
			return false;
	return true;
}

/* Text may hold tabs and span lines; no other control character, which
 * a report would carry to a terminal or a spreadsheet. */
#define ONES 0x0101010101010101u
#define HIGHS 0x8080808080808080u

/* Might a byte of w be a control character: below 0x20, DEL, or 0xc2
 * (the lead of a C1 control)?  Eight bytes in a few operations, so a
 * note of millions of rows costs little. */
static bool
suspect(uint64_t w)
{
	uint64_t del = w ^ ONES * 0x7f, c2 = w ^ ONES * 0xc2;

	return (((w - ONES * 0x20) & ~w) | ((del - ONES) & ~del) |
	    ((c2 - ONES) & ~c2)) & HIGHS;
}

bool
vl_text_clean(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	uint64_t w;

	if (n >= 8) {
		for (; i + 8 <= n; i += 8) {
			memcpy(&w, p + i, 8);
			if (suspect(w))
				goto bytes;
		}
		memcpy(&w, p + n - 8, 8);	/* the rest, in the last 8 */
		if (!suspect(w))
			return true;
		i = n - 8;
	}
bytes:
	for (p += i; *p; p++)
		if ((*p < ' ' && *p != '\t' && *p != '\n' && *p != '\r') ||
		    *p == 0x7f || (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f))
			return false;
	return true;
}

static bool
valid_count(const char *s)
{
	size_t n = strspn(s, "0123456789");

	return n > 0 && n <= 9 && s[n] == '\0';
}

/* Are the n bytes at a and at b the same?  Words of 4 to 16 bytes in two
 * overlapping loads each, not by a call to memcmp(), which costs more
 * than the compare on every row of a journal. */
static bool
same_bytes(const char *a, const char *b, size_t n)
{
	uint64_t a8, b8, a8e, b8e;
	uint32_t a4, b4, a4e, b4e;

	if (n >= 8 && n <= 16) {
		memcpy(&a8, a, 8), memcpy(&a8e, a + n - 8, 8);
		memcpy(&b8, b, 8), memcpy(&b8e, b + n - 8, 8);
		return ((a8 ^ b8) | (a8e ^ b8e)) == 0;
	}
	if (n >= 4 && n < 8) {
		memcpy(&a4, a, 4), memcpy(&a4e, a + n - 4, 4);
		memcpy(&b4, b, 4), memcpy(&b4e, b + n - 4, 4);
		return ((a4 ^ b4) | (a4e ^ b4e)) == 0;
	}
	return memcmp(a, b, n) == 0;
}

/* s, len bytes, among a handful of short words whose lengths are known:
 * only a word of s's length and first letter is compared, so the compare
 * is all but always the match */
static inline __attribute__((always_inline)) int
choice_index(const char *const *choices, const unsigned char *word_len,
    const char *s, size_t len)
{
	int i;

	for (i = 0; choices[i]; i++)
		if (word_len[i] == len && choices[i][0] == s[0] &&
		    same_bytes(choices[i], s, len))
			return i;
	return -1;
}

/* One field into *v: 0 if good, else reported and 1.  Inline, so that
 * check_fields() knows each field's type where it is checked. */
static inline __attribute__((always_inline)) int
check_field(const struct vl_fieldspec *f, const char *const *choices,
    const unsigned char *word_len, const struct vl_record *r, const struct vl_projects *projects,
    struct vl_value *v)
{
	const char *why = NULL, *s = v->s;

	if (v->len == 0) {	/* the length at hand, not a load of the text */
		if (!f->required)
			return 0;
		vl_errat(r->file, r->line, f->name, "missing");
		return 1;
	}
	switch (f->type) {
	case VL_T_TEXT:
		why = r->no_controls || vl_text_clean(s, v->len) ? NULL :
		    N_("a control character");
		break;
	case VL_T_ID:
		why = valid_id(s) ? NULL : N_("an id may not hold blanks, "
		    "commas or quotes");
		break;
	case VL_T_MONEY:
		if (vl_money_parse(s, &v->fen, &why) == 0)
			why = NULL;
		break;
	case VL_T_DATE:
		if (vl_date_parse(s, &v->date, &why) == 0)
			why = NULL;
		else
			v->date = VL_NODATE;
		break;
	case VL_T_COUNT:
		why = valid_count(s) ? NULL : N_("not a whole number");
		break;
	case VL_T_ENUM:
		if ((v->choice = choice_index(choices, word_len, s,
		    v->len)) < 0)
			return bad_choice(r, f->name, choices, s);
		return 0;
	case VL_T_PROJECT:
		if (projects && (v->project = vl_projects_index(projects,
		    s)) < 0)
			why = N_("no such project");
		break;
	}
	if (!why)
		return 0;
	vl_errat(r->file, r->line, f->name, "%s: \"%s\"", vl_tr(why), s);
	return 1;
}

static int
need(const struct vl_record *r, const char *field, const struct vl_value *v,
    bool want, const char *msg)
{
	bool has = *v->s != '\0';

	if (has == want)
		return 0;
	vl_errat(r->file, r->line, field, "%s", vl_tr(msg));
	return 1;
}

static int
check_fund(const struct vl_record *r, const struct vl_value *v,
    const struct vl_plan *plan)
{
	const char *purpose = v[VL_F_PURPOSE].s;
	int bad = 0;

	switch (v[VL_F_KIND].choice) {
	case VL_RECEIPT:
		bad += need(r, "level", &v[VL_F_LEVEL], true, "a receipt "
		    "needs the level the money comes from");
		bad += need(r, "project", &v[VL_F_PROJECT], false, "a "
		    "receipt names no project");
		break;
	case VL_ALLOCATION:
		bad += need(r, "project", &v[VL_F_PROJECT], true, "an "
		    "allocation needs a project");
		break;
	case VL_EXPENSE:
		bad += need(r, "project", &v[VL_F_PROJECT], true, "an "
		    "expense needs a project");
		bad += need(r, "purpose", &v[VL_F_PURPOSE], true, "an "
		    "expense needs a purpose");
		break;
	}
	if (*purpose && plan && !vl_plan_has_purpose(plan, purpose)) {
		vl_errat(r->file, r->line, "purpose", "\"%s\" is not a purpose "
		    "of the plan (专款专用)", purpose);
		bad++;
	}
	return bad;
}

static int
date_order(const struct vl_record *r, const struct vl_value *v, int field,
    bool strict)
{
	vl_date d = v[VL_I_DATE].date, later = v[field].date;

	if (d == VL_NODATE || later == VL_NODATE)
		return 0;	/* reported as a field error */
	if (later > d || (!strict && later == d))
		return 0;
	vl_errat(r->file, r->line, inspections_fields[field].name, "%s must be "
	    "%s the inspection date %s", v[field].s, strict ?
	    vl_tr("after") : vl_tr("on or after"), v[VL_I_DATE].s);
	return 1;
}

static int
check_inspection(const struct vl_record *r, const struct vl_value *v)
{
	int result = v[VL_I_RESULT].choice, bad = 0;

	if (result == 1) {	/* fail */
		bad += need(r, "finding", &v[VL_I_FINDING], true, "a failed "
		    "inspection needs a finding");
		bad += need(r, "due", &v[VL_I_DUE], true, "a failed "
		    "inspection needs a due date for the rectification");
		if (*v[VL_I_DUE].s)
			bad += date_order(r, v, VL_I_DUE, true);
	} else if (result == 0) {	/* pass */
		bad += need(r, "closed", &v[VL_I_CLOSED], false, "only a "
		    "failed inspection can be closed");
	}
	if (*v[VL_I_CLOSED].s)
		bad += date_order(r, v, VL_I_CLOSED, false);
	return bad;
}

/* What is said of a closing (who verified it, how, by what) or of a void
 * (why) is said with its day: the command line writes them together
 * (vl-inspect close, vl-add void), and neither an import nor a hand edit
 * may leave one without the other, a value no report would show. */
static const char closing[] = N_("\"%s\" but no closed date: only a "
    "closed rectification says who verified it, how and by what; give the "
    "closed date too, or leave %s empty");
static const char voiding[] = N_("\"%s\" but no voided date: only a "
    "voided row gives a void reason; give the voided date too, or leave %s "
    "empty");

/* field i said without its day, field day: one error */
static int
orphan(const struct vl_record *r, const struct vl_value *v,
    const struct vl_fieldspec *f, int i, int day, const char *why)
{
	if (!*v[i].s || *v[day].s)
		return 0;
	vl_errat(r->file, r->line, f[i].name, why, v[i].s, f[i].name);
	return 1;
}

static int
inspection_orphans(const struct vl_record *r, const struct vl_value *v)
{
	const struct vl_fieldspec *f = inspections_fields;

	return orphan(r, v, f, VL_I_CLOSED_BY, VL_I_CLOSED, closing) +
	    orphan(r, v, f, VL_I_CLOSE_NOTE, VL_I_CLOSED, closing) +
	    orphan(r, v, f, VL_I_CLOSE_EVIDENCE, VL_I_CLOSED, closing) +
	    orphan(r, v, f, VL_I_VOID_REASON, VL_I_VOIDED, voiding);
}

/* A void gives its reason.  It may be dated before the row it voids:
 * a row typed with a date to come (2032) is voided today. */
static int
check_void(const struct vl_record *r, const struct vl_value *v, int voided)
{
	if (!*v[voided].s || *v[voided + 1].s)
		return 0;
	vl_errat(r->file, r->line, "void_reason", "missing: a void gives its "
	    "reason");
	return 1;
}

void
vl_colmap_init(struct vl_colmap *m, const struct vl_filespec *s)
{
	size_t i;

	m->spec = s;
	m->header = NULL;
	for (i = 0; i < s->n; i++)
		m->choices[i] = s->field[i].choices;
}

/* the words of a field plan defines, or NULL */
static const char *const *
plan_words(const struct vl_plan *p, const struct vl_fieldspec *f)
{
	char **w = NULL;

	if (f == &funds_fields[VL_F_LEVEL])
		w = p->levels;
	else if (f == &funds_fields[VL_F_SOURCE])
		w = p->sources;
	else if (f == &inspections_fields[VL_I_ASPECT])
		w = p->aspects;
	else if (f == &progress_fields[VL_G_STAGE])
		w = p->stages;
	return (const char *const *)w;
}

void
vl_colmap_plan(struct vl_colmap *m, const struct vl_plan *plan)
{
	const char *const *w;
	size_t i;

	for (i = 0; plan && i < m->spec->n; i++)
		if ((w = plan_words(plan, &m->spec->field[i])))
			m->choices[i] = w;
	m->header = NULL;	/* the words' lengths found again */
}

static void
resolve(struct vl_colmap *m, const struct vl_header *h)
{
	const struct vl_fieldspec *f;
	size_t i, k;

	for (i = 0; i < m->spec->n; i++) {
		f = &m->spec->field[i];
		m->col[i] = vl_header_index(h, f->name);
		for (k = 0; f->type == VL_T_ENUM && m->choices[i][k]; k++)
			m->word_len[i][k] = (unsigned char)strlen(
			    m->choices[i][k]);
	}
	m->header = h;
}

/* Field i of a row into v[i], as field (the spec's i-th) says.  A record
 * made by hand may come without lengths (r->len NULL). */
static inline __attribute__((always_inline)) int
check_column(const struct vl_colmap *m, const struct vl_fieldspec *field,
    size_t i, const struct vl_record *r, const struct vl_projects *projects,
    struct vl_value *v)
{
	int col = m->col[i];
	const char *f = col < 0 ? "" : r->field[col];

	v[i] = (struct vl_value){f, col < 0 ? 0 : r->len ? r->len[col] :
	    strlen(f), 0, VL_NODATE, -1, -1};
	return check_field(field, m->choices[i], m->word_len[i], r, projects,
	    &v[i]);
}

/*
 * The n fields of a row into v.  Called with each spec's own fields and
 * count, so that each spec has its copy of the loop, unrolled: a field's
 * type is known where it is checked, not looked up and switched on, on
 * each of a journal's millions of rows.
 */
static inline __attribute__((always_inline)) int
check_fields(const struct vl_colmap *m, const struct vl_fieldspec *field,
    size_t n, const struct vl_record *r, const struct vl_projects *projects,
    struct vl_value *v)
{
	int bad = 0;
	size_t i;

#pragma GCC unroll 16
	for (i = 0; i < n; i++)
		bad += check_column(m, &field[i], i, r, projects, v);
	return bad;
}

#define CHECK_FIELDS(f) \
	check_fields(m, f, sizeof f / sizeof f[0], r, projects, v)

int
vl_check_row(struct vl_colmap *m, const struct vl_record *r,
    const struct vl_projects *projects, const struct vl_plan *plan,
    struct vl_value *v)
{
	const struct vl_filespec *s = m->spec;
	struct vl_value own[VL_SPEC_MAX];
	int bad;

	if (r->header != m->header)
		resolve(m, r->header);
	if (!v)
		v = own;
	if (s == &vl_funds_spec) {
		bad = CHECK_FIELDS(funds_fields);
		bad += check_fund(r, v, plan);
	} else if (s == &vl_inspections_spec) {
		bad = CHECK_FIELDS(inspections_fields);
		bad += check_inspection(r, v);
		bad += check_void(r, v, VL_I_VOIDED);
		bad += inspection_orphans(r, v);
	} else if (s == &vl_progress_spec) {
		bad = CHECK_FIELDS(progress_fields);
		bad += check_void(r, v, VL_G_VOIDED);
		bad += orphan(r, v, progress_fields, VL_G_VOID_REASON,
		    VL_G_VOIDED, voiding);
	} else if (s == &vl_tasks_spec) {
		bad = CHECK_FIELDS(tasks_fields);
		bad += check_void(r, v, VL_K_VOIDED);
		bad += orphan(r, v, tasks_fields, VL_K_VOID_REASON,
		    VL_K_VOIDED, voiding);
	} else {		/* vl_projects_spec: there is no other */
		bad = CHECK_FIELDS(projects_fields);
	}
	return bad;
}

int
vl_check_record(const struct vl_filespec *s, const struct vl_record *r,
    const struct vl_projects *projects, const struct vl_plan *plan)
{
	struct vl_colmap m;

	vl_colmap_init(&m, s);
	vl_colmap_plan(&m, plan);
	return vl_check_row(&m, r, projects, plan, NULL);
}

/* Chinese words of exports made before the catalogue took SPEC's:
 * read as the words they stood for */
static const struct {
	const char *field, *zh, *word;
} old_zh[] = {
	{"mode", "扩建", "expand"}, {"mode", "修缮", "repair"},
	{"purpose", "设备", "equipment"},
};

/* Is t word's Chinese in old_zh? */
static bool
old_word(const char *t, const char *field, const char *word)
{
	size_t i;

	for (i = 0; i < sizeof old_zh / sizeof old_zh[0]; i++)
		if (strcmp(old_zh[i].field, field) == 0 &&
		    strcmp(old_zh[i].word, word) == 0 &&
		    strcmp(old_zh[i].zh, t) == 0)
			return true;
	return false;
}

/* A word of a vocabulary as a Chinese table shows it (已动工) is the
 * word (started). */
static char *
english_word(const struct vl_fieldspec *f, const char *const *choices,
    const char *v)
{
	const char *w = vl_word_named(f->name, choices, v);
	size_t i;

	if (w)
		return vl_xstrdup(w);
	for (i = 0; i < sizeof old_zh / sizeof old_zh[0]; i++)
		if (strcmp(f->name, old_zh[i].field) == 0 &&
		    strcmp(v, old_zh[i].zh) == 0)
			return vl_xstrdup(old_zh[i].word);
	return vl_xstrdup(v);
}

/* the length of the blanks at s: spaces, tabs, ideographic spaces */
static size_t
blanks_at(const char *s)
{
	size_t n = 0;

	for (;;)
		if (s[n] == ' ' || s[n] == '\t')
			n++;
		else if (strncmp(s + n, "\xe3\x80\x80", 3) == 0)
			n += 3;
		else
			return n;
}

/* text without the blanks around it, newly allocated: a name pasted with
 * a space after it is the same name, and one of blanks alone is none */
static char *
text_trimmed(const char *v)
{
	size_t from = blanks_at(v), k = from, to = from, b;
	char *t;

	while (v[k]) {
		if ((b = blanks_at(v + k)) > 0)
			k += b;
		else
			to = ++k;
	}
	t = vl_xmalloc(to - from + 1);
	memcpy(t, v + from, to - from);
	t[to - from] = '\0';
	return t;
}

/* A purpose of the plan as a Chinese export shows it (建设), or as a
 * Chinese header names it (办公用品配置, the speech's word), is the
 * purpose (equipment); the plan's own word first, as it is. */
static char *
purpose_word(const struct vl_plan *plan, const char *v)
{
	char *t = text_trimmed(v);
	size_t i;

	for (i = 0; i < plan->npurposes; i++)
		if (strcmp(t, plan->purposes[i]) == 0)
			return t;
	for (i = 0; i < plan->npurposes; i++)
		if (strcmp(t, vl_tr_zh("purpose", plan->purposes[i])) == 0 ||
		    strcmp(t, vl_tr_zh(NULL, plan->purposes[i])) == 0 ||
		    old_word(t, "purpose", plan->purposes[i])) {
			free(t);
			return vl_xstrdup(plan->purposes[i]);
		}
	return t;
}

/* the field of s named column, or NULL */
static const struct vl_fieldspec *
field_named(const struct vl_filespec *s, const char *column)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->field[i].name, column) == 0)
			return &s->field[i];
	return NULL;
}

/* A field as stored: the apostrophe an --excel export put before it
 * (=1+1 as '=1+1) left out; an amount, a date or an id typed in
 * full-width forms (１２３４，５．００) read as the ASCII it stands for,
 * blanks around it dropped; a word in Chinese as the word; text without
 * the blanks around it; any other field as it is. */
char *
vl_spec_typed(const struct vl_filespec *s, const struct vl_plan *plan,
    const char *column, const char *v)
{
	const struct vl_fieldspec *f = field_named(s, column);
	const char *const *words;
	char *half;
	size_t i, n;

	if (v[0] == '\'' && vl_excel_marked(v + 1))
		v++;
	if (f == &funds_fields[VL_F_PURPOSE] && plan)
		return purpose_word(plan, v);
	if (f && f->type == VL_T_TEXT)
		return text_trimmed(v);
	if (f && f->type == VL_T_ENUM && *v) {
		words = plan ? plan_words(plan, f) : NULL;
		return english_word(f, words ? words : f->choices, v);
	}
	if (!f || (f->type != VL_T_MONEY && f->type != VL_T_DATE &&
	    f->type != VL_T_ID && f->type != VL_T_PROJECT &&
	    f->type != VL_T_COUNT) || !(half = vl_halfwidth(v)))
		return vl_xstrdup(v);
	n = strlen(half);
	while (n > 0 && half[n - 1] == ' ')
		half[--n] = '\0';
	i = strspn(half, " ");
	memmove(half, half + i, n - i + 1);
	return half;
}

char *
vl_spec_cell(const struct vl_filespec *s, const struct vl_plan *plan,
    const char *column, const char *v)
{
	const struct vl_fieldspec *f = field_named(s, column);
	char *typed = vl_spec_typed(s, plan, column, v), iso[VL_DATE_BUFSZ];

	if (!f || f->type != VL_T_DATE || !vl_date_slashed(typed, iso))
		return typed;
	free(typed);
	return vl_xstrdup(iso);
}
