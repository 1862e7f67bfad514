/*
 * schema.c - the columns of each register file and the rules they obey.
 *
 * One table per file drives validation for every tool: what vl-add
 * refuses is exactly what vl-fund check and vl-report reject.
 */
#include <string.h>

#include "vl.h"

const char *const vl_levels[] = {"central", "region", "city", "district",
    NULL};
const char *const vl_kinds[] = {"receipt", "allocation", "expense", NULL};
const char *const vl_sources[] = {"finance", "party_fee", NULL};
const char *const vl_stages[] = {"started", "completed", NULL};
const char *const vl_phases[] = {"review", "check", "acceptance", NULL};
const char *const vl_aspects[] = {"quality", "progress", "funds", "safety",
    NULL};
const char *const vl_results[] = {"pass", "fail", NULL};
const char *const vl_modes[] = {"new", "expand", "repair", NULL};

static const struct vl_fieldspec projects_fields[] = {
	{"id", VL_T_ID, true, NULL},
	{"town", VL_T_TEXT, true, NULL},
	{"village", VL_T_TEXT, true, NULL},
	{"leader", VL_T_TEXT, false, NULL},
	{"specialist", VL_T_TEXT, false, NULL},
	{"budget", VL_T_MONEY, true, NULL},
	{"start_by", VL_T_DATE, false, NULL},
	{"complete_by", VL_T_DATE, false, NULL},
	{"mode", VL_T_ENUM, false, vl_modes},
	{"area", VL_T_COUNT, false, NULL},
};

static const struct vl_fieldspec progress_fields[] = {
	{"date", VL_T_DATE, true, NULL},
	{"project", VL_T_PROJECT, true, NULL},
	{"stage", VL_T_ENUM, true, vl_stages},
	{"note", VL_T_TEXT, false, NULL},
};

static const struct vl_fieldspec funds_fields[] = {
	{"id", VL_T_ID, true, NULL},
	{"date", VL_T_DATE, true, NULL},
	{"kind", VL_T_ENUM, true, vl_kinds},
	{"level", VL_T_ENUM, false, vl_levels},
	{"source", VL_T_ENUM, false, vl_sources},
	{"project", VL_T_PROJECT, false, NULL},
	{"purpose", VL_T_TEXT, false, NULL},
	{"amount", VL_T_MONEY, true, NULL},
	{"note", VL_T_TEXT, false, NULL},
};

static const struct vl_fieldspec inspections_fields[] = {
	{"id", VL_T_ID, true, NULL},
	{"date", VL_T_DATE, true, NULL},
	{"project", VL_T_PROJECT, true, NULL},
	{"phase", VL_T_ENUM, true, vl_phases},
	{"aspect", VL_T_ENUM, true, vl_aspects},
	{"result", VL_T_ENUM, true, vl_results},
	{"finding", VL_T_TEXT, false, NULL},
	{"due", VL_T_DATE, false, NULL},
	{"closed", VL_T_DATE, false, NULL},
	{"inspector", VL_T_TEXT, false, NULL},
};

#define SPEC(file, f, core) {file, f, sizeof f / sizeof f[0], core}
const struct vl_filespec vl_projects_spec =
    SPEC("projects.csv", projects_fields, 6);
const struct vl_filespec vl_progress_spec =
    SPEC("progress.csv", progress_fields, 3);
const struct vl_filespec vl_funds_spec = SPEC("funds.csv", funds_fields, 8);
const struct vl_filespec vl_inspections_spec =
    SPEC("inspections.csv", inspections_fields, 9);

bool
vl_in(const char *const *choices, const char *s)
{
	for (; *choices; choices++)
		if (strcmp(*choices, s) == 0)
			return true;
	return false;
}

const char **
vl_spec_required(const struct vl_filespec *s)
{
	static const char *names[16];
	size_t i;

	for (i = 0; i < s->ncore && i + 1 < sizeof names / sizeof names[0]; i++)
		names[i] = s->field[i].name;
	names[i] = NULL;
	return names;
}

static void
choices_text(const char *const *c, char *buf, size_t size)
{
	size_t used = 0;

	buf[0] = '\0';
	for (; *c && used < size; c++)
		used += (size_t)snprintf(buf + used, size - used, "%s%s",
		    used ? ", " : "", *c);
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
static bool
valid_text(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p; p++)
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

/* One field: 0 if good, else reported and 1. */
static int
check_field(const struct vl_fieldspec *f, const struct vl_record *r,
    const char *v, const struct vl_projects *projects)
{
	const char *why = NULL;
	char list[128];
	int64_t fen;
	vl_date d;

	if (!*v) {
		if (!f->required)
			return 0;
		vl_errat(r->file, r->line, f->name, "missing");
		return 1;
	}
	switch (f->type) {
	case VL_T_TEXT:
		why = valid_text(v) ? NULL : "a control character";
		break;
	case VL_T_ID:
		why = valid_id(v) ? NULL : "an id may not hold blanks, commas "
		    "or quotes";
		break;
	case VL_T_MONEY:
		if (vl_money_parse(v, &fen, &why) == 0)
			why = NULL;
		break;
	case VL_T_DATE:
		if (vl_date_parse(v, &d, &why) == 0)
			why = NULL;
		break;
	case VL_T_COUNT:
		why = valid_count(v) ? NULL : "not a whole number";
		break;
	case VL_T_ENUM:
		if (!vl_in(f->choices, v)) {
			choices_text(f->choices, list, sizeof list);
			vl_errat(r->file, r->line, f->name,
			    "\"%s\" is not one of %s", v, list);
			return 1;
		}
		return 0;
	case VL_T_PROJECT:
		why = projects && !vl_projects_find(projects, v) ?
		    "no such project" : NULL;
		break;
	}
	if (!why)
		return 0;
	vl_errat(r->file, r->line, f->name, "%s: \"%s\"", why, v);
	return 1;
}

static int
need(const struct vl_record *r, const char *field, bool want,
    const char *msg)
{
	bool has = *vl_field(r, field) != '\0';

	if (has == want)
		return 0;
	vl_errat(r->file, r->line, field, "%s", msg);
	return 1;
}

static int
check_fund(const struct vl_record *r, const struct vl_plan *plan)
{
	const char *kind = vl_field(r, "kind"), *purpose;
	int bad = 0;

	if (strcmp(kind, "receipt") == 0) {
		bad += need(r, "level", true, "a receipt needs the level the "
		    "money comes from");
		bad += need(r, "project", false, "a receipt names no project");
	} else if (strcmp(kind, "allocation") == 0) {
		bad += need(r, "project", true, "an allocation needs a project");
	} else if (strcmp(kind, "expense") == 0) {
		bad += need(r, "project", true, "an expense needs a project");
		bad += need(r, "purpose", true, "an expense needs a purpose");
	}
	purpose = vl_field(r, "purpose");
	if (*purpose && plan && !vl_plan_has_purpose(plan, purpose)) {
		vl_errat(r->file, r->line, "purpose", "\"%s\" is not a purpose "
		    "of the plan (专款专用)", purpose);
		bad++;
	}
	return bad;
}

static int
date_order(const struct vl_record *r, const char *field, bool strict)
{
	vl_date d, later;
	const char *why;

	if (vl_date_parse(vl_field(r, "date"), &d, &why) != 0 ||
	    vl_date_parse(vl_field(r, field), &later, &why) != 0)
		return 0;	/* reported as a field error */
	if (later > d || (!strict && later == d))
		return 0;
	vl_errat(r->file, r->line, field, "%s must be %s the inspection "
	    "date %s", vl_field(r, field), strict ? "after" : "on or after",
	    vl_field(r, "date"));
	return 1;
}

static int
check_inspection(const struct vl_record *r)
{
	bool fail = strcmp(vl_field(r, "result"), "fail") == 0;
	int bad = 0;

	if (fail) {
		bad += need(r, "finding", true, "a failed inspection needs a "
		    "finding");
		bad += need(r, "due", true, "a failed inspection needs a due "
		    "date for the rectification");
		if (*vl_field(r, "due"))
			bad += date_order(r, "due", true);
	} else if (strcmp(vl_field(r, "result"), "pass") == 0) {
		bad += need(r, "closed", false, "only a failed inspection can "
		    "be closed");
	}
	if (*vl_field(r, "closed"))
		bad += date_order(r, "closed", false);
	return bad;
}

int
vl_check_record(const struct vl_filespec *s, const struct vl_record *r,
    const struct vl_projects *projects, const struct vl_plan *plan)
{
	int bad = 0;
	size_t i;

	for (i = 0; i < s->n; i++)
		bad += check_field(&s->field[i], r, vl_field(r,
		    s->field[i].name), projects);
	if (s == &vl_funds_spec)
		bad += check_fund(r, plan);
	else if (s == &vl_inspections_spec)
		bad += check_inspection(r);
	return bad;
}
