/*
 * plan.c - plan.json, loaded strictly with jansson.
 *
 * Amounts are strings ("168.46万") parsed by the money parser: a JSON
 * number would pass through a binary double, which public money never
 * does.  Unknown and duplicate keys are refused so a typo cannot hide.
 */
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <jansson.h>

#include "base/err.h"
#include "base/i18n.h"
#include "base/money.h"
#include "base/strbuf.h"
#include "io/csv.h"
#include "io/plan.h"

/* Where each value of the plan's text starts: jansson keeps no place
 * for a value, so the text is walked for them (see struct scan). */
struct place {
	char *path;		/* "funding[1].name" */
	int line;
};
/* the first values' places only: a plan has some dozens; a hostile one
 * of a million values is said without lines past these, not slowly */
#define MAX_PLACES 1024

struct ctx {
	const char *file;
	bool bad;
	struct place *at;	/* every value's, in the order of the text */
	size_t nat;
	char said[16][64];	/* the fields found bad, the first 16 */
	size_t nsaid;
};

/* the line of the value at path, or 0 (a key that is missing) */
static int
line_of(const struct ctx *c, const char *path)
{
	size_t i;

	for (i = 0; path && i < c->nat; i++)
		if (strcmp(c->at[i].path, path) == 0)
			return c->at[i].line;
	return 0;
}

/* Has a message been given of field?  (a value found bad is not judged
 * again: the date it is not, the number it is not) */
static bool
said(const struct ctx *c, const char *field)
{
	size_t i;

	for (i = 0; i < c->nsaid; i++)
		if (strcmp(c->said[i], field) == 0)
			return true;
	return false;
}

static void
perr(struct ctx *c, const char *field, const char *fmt, const char *arg)
{
	vl_errat(c->file, line_of(c, field), field, fmt, arg);
	c->bad = true;
	if (field && c->nsaid < sizeof c->said / sizeof c->said[0])
		snprintf(c->said[c->nsaid++], sizeof c->said[0], "%s", field);
}

/* a value refused, why and the value itself, as the CSV rows say it */
static void
perr_value(struct ctx *c, const char *field, const char *why, const char *s)
{
	vl_errat(c->file, line_of(c, field), field, "%s: \"%s\"", vl_tr(why),
	    s);
	c->bad = true;
	if (c->nsaid < sizeof c->said / sizeof c->said[0])
		snprintf(c->said[c->nsaid++], sizeof c->said[0], "%s", field);
}

static void
check_keys(struct ctx *c, json_t *obj, const char *where,
    const char *const *allowed)
{
	const char *key, *const *a;
	json_t *v;
	char path[128];

	json_object_foreach(obj, key, v) {
		for (a = allowed; *a; a++)
			if (strcmp(*a, key) == 0)
				break;
		if (*a)
			continue;
		snprintf(path, sizeof path, "%s%s%s", where ? where : "",
		    where ? "." : "", key);
		vl_errat(c->file, line_of(c, path), where, "unknown key "
		    "\"%s\"", key);
		c->bad = true;
	}
}

static const char *
get_string(struct ctx *c, json_t *obj, const char *key, const char *field)
{
	json_t *v = json_object_get(obj, key);

	if (!v) {
		perr(c, field, "missing%s", "");
		return NULL;
	}
	if (!json_is_string(v)) {
		perr(c, field, "must be a string%s",
		    json_is_number(v) ? vl_tr(" (write amounts as \"184.7万\", "
		    "never as JSON numbers)") : "");
		return NULL;
	}
	return json_string_value(v);
}

static void
get_money(struct ctx *c, json_t *obj, const char *key, const char *field,
    int64_t *out)
{
	const char *s = get_string(c, obj, key, field), *why;

	if (s && vl_money_parse(s, out, &why) != 0)
		perr_value(c, field, why, s);
}

static void
get_date(struct ctx *c, json_t *obj, const char *key, vl_date *out)
{
	const char *s = get_string(c, obj, key, key), *why;

	if (s && vl_date_parse(s, out, &why) != 0)
		perr_value(c, key, why, s);
}

static char **
get_strings(struct ctx *c, json_t *arr, const char *field, size_t *n)
{
	char **v;
	size_t i;

	*n = 0;
	if (!json_is_array(arr) || json_array_size(arr) == 0) {
		perr(c, field, "must be a non-empty array of strings%s", "");
		return NULL;
	}
	v = vl_xcalloc(json_array_size(arr), sizeof *v);
	for (i = 0; i < json_array_size(arr); i++) {
		json_t *s = json_array_get(arr, i);

		if (!json_is_string(s) || !*json_string_value(s)) {
			perr(c, field, "must hold only non-empty strings%s", "");
			continue;
		}
		v[(*n)++] = vl_xstrdup(json_string_value(s));
	}
	return v;
}

static const char *const level_names[] = {
	"central", "region", "city", "district", NULL
};

static void
check_level(struct ctx *c, const struct vl_plan *p, const char *level,
    const char *field)
{
	const char *const *l = p->levels ? (const char *const *)p->levels :
	    level_names;

	for (; *l; l++)
		if (strcmp(*l, level) == 0)
			return;
	if (p->levels)
		perr(c, field, "\"%s\" is not one of the plan's levels", level);
	else
		perr(c, field, "unknown level \"%s\" (central, region, city, "
		    "district)", level);
}

static void
load_funding(struct ctx *c, const struct vl_plan *p, json_t *line,
    struct vl_funding *f, size_t i)
{
	static const char *const keys[] = {"name", "levels", "amount", NULL};
	char field[64];
	const char *s;
	size_t k;

	snprintf(field, sizeof field, "funding[%zu]", i);
	if (!json_is_object(line)) {
		perr(c, field, "must be an object%s", "");
		return;
	}
	check_keys(c, line, field, keys);
	snprintf(field, sizeof field, "funding[%zu].name", i);
	s = get_string(c, line, "name", field);
	f->name = vl_xstrdup(s ? s : "");
	snprintf(field, sizeof field, "funding[%zu].levels", i);
	f->levels = get_strings(c, json_object_get(line, "levels"), field,
	    &f->nlevels);
	for (k = 0; k < f->nlevels; k++)
		check_level(c, p, f->levels[k], field);
	snprintf(field, sizeof field, "funding[%zu].amount", i);
	get_money(c, line, "amount", field, &f->amount);
}

/* A level in two funding lines: which would a receipt from it count to?
 * Each level's first line kept, so a plan of thousands of lines is
 * looked at once a level, and said once a line. */
static void
check_lines_apart(struct ctx *c, const struct vl_plan *p)
{
	const char *const *levels = p->levels ?
	    (const char *const *)p->levels : level_names;
	long first[VL_PLAN_WORDS_MAX + 1];
	size_t i, k, w;
	char field[64];

	for (w = 0; w <= VL_PLAN_WORDS_MAX; w++)
		first[w] = -1;
	for (i = 0; i < p->nfunding; i++)
		for (k = 0; k < p->funding[i].nlevels; k++) {
			for (w = 0; levels[w] && w < VL_PLAN_WORDS_MAX &&
			    strcmp(levels[w], p->funding[i].levels[k]) != 0;
			    w++)
				;
			if (!levels[w] || w == VL_PLAN_WORDS_MAX)
				continue;	/* unknown: check_level said */
			if (first[w] < 0) {
				first[w] = (long)i;
				continue;
			}
			snprintf(field, sizeof field, "funding[%zu].levels", i);
			vl_errat(c->file, line_of(c, field), field, "\"%s\" is "
			    "in funding[%ld] already: a level is in one funding "
			    "line at most", p->funding[i].levels[k], first[w]);
			c->bad = true;
		}
}

/* The plan's amounts, signs dropped, within VL_MONEY_LIMIT: no sum or
 * difference the tools make of them and the journal's can overflow. */
static void
check_magnitude(struct ctx *c, const struct vl_plan *p)
{
	int64_t sum = 0;
	size_t i;
	bool over = !vl_money_add_magnitude(&sum, p->total);

	for (i = 0; i < p->nfunding && !over; i++)
		over = !vl_money_add_magnitude(&sum, p->funding[i].amount);
	if (over)
		perr(c, "total", "the plan's amounts add up to more than %s "
		    "yuan, more than any sum the tools keep may hold",
		    vl_money_limit_text());
}

static void
load_villages(struct ctx *c, json_t *root, struct vl_plan *p)
{
	json_t *v = json_object_get(root, "villages");

	if (!json_is_integer(v) || json_integer_value(v) < 0)
		perr(c, "villages", "must be a whole number%s", "");
	else
		p->villages = (long)json_integer_value(v);
}

/* A district's name, which roll-ups print in every row: one line of
 * text, no control character, not blanks alone (a name none can see). */
static bool
plain_name(const char *s)
{
	if (!s[strspn(s, " ")])
		return false;
	for (; *s; s++)
		if ((unsigned char)*s < ' ' || *s == 0x7f)
			return false;
	return true;
}

/* "district": the register's own name; "projects": "districts" in a city
 * register whose projects are the districts it funds (SPEC 9). */
static void
load_rollup(struct ctx *c, json_t *root, struct vl_plan *p)
{
	json_t *d = json_object_get(root, "district"),
	    *k = json_object_get(root, "projects");

	if (d && (!json_is_string(d) || !plain_name(json_string_value(d))))
		perr(c, "district", "must be a non-empty name on one line%s",
		    "");
	else if (d) {
		p->district = vl_xstrdup(json_string_value(d));
		p->district_line = line_of(c, "district");
	}
	if (k && (!json_is_string(k) || (strcmp(json_string_value(k),
	    "districts") != 0 && strcmp(json_string_value(k), "villages") !=
	    0)))
		perr(c, "projects", "must be \"villages\" (the default) or "
		    "\"districts\" (a city register: each project is a district)%s",
		    "");
	else if (k)
		p->of_districts = strcmp(json_string_value(k), "districts") == 0;
}

/* A word a register file stores (a level, an aspect, a stage): what a
 * spreadsheet, a script and the catalogue can take as it is. */
static bool
plain_word(const char *s)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_-");

	return n > 0 && n <= 32 && s[n] == '\0';
}

/* A list of words (levels, sources, aspects), NULL-terminated: each a
 * plain word, none twice, none of reserved. */
static char **
load_words(struct ctx *c, json_t *root, const char *key, size_t *n,
    const char *const *reserved)
{
	json_t *arr = json_object_get(root, key);
	const char *const *r;
	char **v, **w;
	size_t i, k;

	*n = 0;
	if (!arr)
		return NULL;
	if (json_is_array(arr) && json_array_size(arr) > VL_PLAN_WORDS_MAX) {
		perr(c, key, "more than 32 words%s", "");
		return NULL;
	}
	w = get_strings(c, arr, key, n);
	if (!w)
		return NULL;
	v = vl_xcalloc(*n + 1, sizeof *v);
	memcpy(v, w, *n * sizeof *v);
	free(w);
	for (i = 0; i < *n; i++) {
		if (!plain_word(v[i]))
			perr(c, key, "\"%s\": a word of a-z, 0-9, _ and -, "
			    "up to 32 letters", v[i]);
		for (k = 0; k < i; k++)
			if (strcmp(v[k], v[i]) == 0)
				perr(c, key, "\"%s\" is there twice", v[i]);
		for (r = reserved; r && *r; r++)
			if (strcmp(*r, v[i]) == 0)
				perr(c, key, "\"%s\" is a stage of every "
				    "project already", v[i]);
	}
	return v;
}

static const char *const fixed_stages[] = {"registered", "reviewed",
	"started", "completed", "accepted", NULL};

/* One milestone: {"name": WORD, "due": "YYYY-MM-DD"}, due optional. */
static void
load_milestone(struct ctx *c, json_t *m, struct vl_milestone *ms, size_t i)
{
	static const char *const keys[] = {"name", "due", NULL};
	char field[64];
	const char *s, *why;

	ms->due = VL_NODATE;
	snprintf(field, sizeof field, "milestones[%zu]", i);
	if (!json_is_object(m)) {
		perr(c, field, "must be an object {\"name\": ..., \"due\": "
		    "...}%s", "");
		ms->name = vl_xstrdup("");
		return;
	}
	check_keys(c, m, field, keys);
	snprintf(field, sizeof field, "milestones[%zu].name", i);
	s = get_string(c, m, "name", field);
	ms->name = vl_xstrdup(s ? s : "");
	snprintf(field, sizeof field, "milestones[%zu].due", i);
	if (json_object_get(m, "due") && (s = get_string(c, m, "due",
	    field)) && vl_date_parse(s, &ms->due, &why) != 0)
		perr_value(c, field, why, s);
}

/* "milestones": the stages between started and completed, in order;
 * the stages of a project's progress made of them. */
static void
load_milestones(struct ctx *c, json_t *root, struct vl_plan *p)
{
	json_t *arr = json_object_get(root, "milestones"), *names;
	size_t i, n;
	char **words;

	if (!arr)
		return;
	if (!json_is_array(arr) || json_array_size(arr) > VL_PLAN_WORDS_MAX) {
		perr(c, "milestones", "must be an array of up to 32 objects%s",
		    "");
		return;
	}
	p->nmilestones = json_array_size(arr);
	p->milestones = vl_xcalloc(p->nmilestones + 1, sizeof *p->milestones);
	names = json_array();
	for (i = 0; i < p->nmilestones; i++) {
		load_milestone(c, json_array_get(arr, i), &p->milestones[i], i);
		if (*p->milestones[i].name)	/* else said already */
			json_array_append_new(names,
			    json_string(p->milestones[i].name));
	}
	/* the names are words as levels are */
	root = json_pack("{sO}", "milestones", names);
	words = json_array_size(names) ? load_words(c, root, "milestones", &n,
	    fixed_stages) : NULL;
	json_decref(root);
	json_decref(names);
	p->stages = vl_xcalloc(p->nmilestones + 3, sizeof *p->stages);
	p->stages[0] = vl_xstrdup("started");
	for (i = 0; i < p->nmilestones; i++)
		p->stages[i + 1] = vl_xstrdup(p->milestones[i].name);
	p->stages[i + 1] = vl_xstrdup("completed");
	for (i = 0; words && words[i]; i++)
		free(words[i]);
	free(words);
}

/* "accept_within": days from completion to acceptance, 30 unless said */
static void
load_accept(struct ctx *c, json_t *root, struct vl_plan *p)
{
	json_t *v = json_object_get(root, "accept_within");

	p->accept_within = 30;
	if (!v)
		return;
	if (!json_is_integer(v) || json_integer_value(v) < 1 ||
	    json_integer_value(v) > 3650)
		perr(c, "accept_within", "must be a whole number of days, 1 "
		    "to 3650%s", "");
	else
		p->accept_within = (long)json_integer_value(v);
}

/* levels, sources, aspects, milestones, accept_within (SPEC 7): each
 * optional, today's meaning when not given */
static void
load_words_of_plan(struct ctx *c, json_t *root, struct vl_plan *p)
{
	p->levels = load_words(c, root, "levels", &p->nlevels, NULL);
	p->sources = load_words(c, root, "sources", &p->nsources, NULL);
	p->aspects = load_words(c, root, "aspects", &p->naspects, NULL);
	load_milestones(c, root, p);
	load_accept(c, root, p);
}

/* The placeholders of share/plan-template.json. */
static bool
placeholder(const struct vl_plan *p)
{
	vl_date far;
	const char *why;

	vl_date_parse("2099-12-31", &far, &why);
	return strncmp(p->name, "请填写", strlen("请填写")) == 0 ||
	    p->start_by == far || p->complete_by == far;
}

/* What a plan must say to be a programme at all: the template is let
 * through (vl-add refuses records while it stands). */
static void
check_sane(struct ctx *c, struct vl_plan *p)
{
	char a[VL_DATE_BUFSZ], b[VL_DATE_BUFSZ];

	if ((p->placeholder = placeholder(p)))
		return;
	if (!said(c, "start_by") && !said(c, "complete_by") &&
	    p->complete_by <= p->start_by) {
		vl_errat(c->file, line_of(c, "complete_by"), "complete_by",
		    "%s must be after start_by %s", vl_date_format(
		    p->complete_by, a), vl_date_format(p->start_by, b));
		c->bad = true;
	}
	if (!said(c, "villages") && p->villages < 1)
		perr(c, "villages", "must be at least 1 (the villages the "
		    "programme builds in)%s", "");
	if (!said(c, "total") && p->total <= 0)
		perr(c, "total", "must be above zero%s", "");
}

static void
load_root(struct ctx *c, json_t *root, struct vl_plan *p)
{
	static const char *const keys[] = {"name", "villages", "start_by",
	    "complete_by", "total", "funding", "purposes", "district",
	    "projects", "levels", "sources", "aspects", "milestones",
	    "accept_within", NULL};
	json_t *funding;
	const char *s;
	size_t i;

	if (!json_is_object(root)) {
		perr(c, NULL, "the plan must be a JSON object%s", "");
		return;
	}
	check_keys(c, root, NULL, keys);
	s = get_string(c, root, "name", "name");
	p->name = vl_xstrdup(s ? s : "");
	load_villages(c, root, p);
	get_date(c, root, "start_by", &p->start_by);
	get_date(c, root, "complete_by", &p->complete_by);
	get_money(c, root, "total", "total", &p->total);
	load_words_of_plan(c, root, p);
	funding = json_object_get(root, "funding");
	if (!json_is_array(funding) || json_array_size(funding) == 0) {
		perr(c, "funding", "must be a non-empty array%s", "");
	} else {
		p->nfunding = json_array_size(funding);
		p->funding = vl_xcalloc(p->nfunding, sizeof *p->funding);
		for (i = 0; i < p->nfunding; i++)
			load_funding(c, p, json_array_get(funding, i),
			    &p->funding[i], i);
	}
	p->purposes = get_strings(c, json_object_get(root, "purposes"),
	    "purposes", &p->npurposes);
	check_lines_apart(c, p);
	check_magnitude(c, p);
	load_rollup(c, root, p);
	check_sane(c, p);	/* every problem in one run, a value's once */
}

/*
 * Control characters in the plan's texts: refused as in every CSV field,
 * and more strictly -- a plan's texts are one-line names, so a tab or a
 * line break is refused too -- with the line and column of the string
 * that holds one.  jansson keeps no place for a value, so the text it
 * took is walked once more: JSON known good, the path of every string
 * kept as it goes ("funding[1].name").
 */
struct scan {
	const char *file;
	const unsigned char *p, *end;
	int line, col;		/* of p */
	bool bad;
	struct ctx *places;	/* non-NULL: the walk that notes where each
				 * value is, and reports nothing */
};

/* one byte on, never past the end (the text may end anywhere: a NUL
 * byte stops jansson, not this walk) */
static void
step(struct scan *s)
{
	if (s->p >= s->end)
		return;
	if (*s->p == '\n')
		s->line++, s->col = 1;
	else if ((*s->p & 0xc0) != 0x80)
		s->col++;	/* a character, not a byte of one */
	s->p++;
}

static void
skip_blanks(struct scan *s)
{
	while (s->p < s->end && strchr(" \t\r\n", *s->p) && *s->p)
		step(s);
}

static unsigned
hex4(const unsigned char *p)
{
	unsigned v = 0, i;

	for (i = 0; i < 4; i++)
		v = v * 16 + (unsigned)(p[i] <= '9' ? p[i] - '0' :
		    (p[i] | 0x20) - 'a' + 10);
	return v;
}

/* At the start of a character of a string: is it a control character
 * (as a byte, as UTF-8 or as an escape)? */
static bool
control_here(const unsigned char *p, const unsigned char *end)
{
	unsigned v;

	if (*p < 0x20 || *p == 0x7f)
		return true;
	if (*p == 0xc2 && p + 1 < end && p[1] >= 0x80 && p[1] <= 0x9f)
		return true;
	if (*p != '\\' || p + 1 >= end)
		return false;
	if (strchr("bfnrt", p[1]) && p[1])
		return true;
	if (p[1] != 'u' || p + 6 > end)
		return false;
	v = hex4(p + 2);
	return v < 0x20 || (v >= 0x7f && v <= 0x9f);
}

/* a string: its first control character reported under path */
static void
scan_string(struct scan *s, const char *path, bool report)
{
	bool found = false;

	step(s);		/* the opening quote */
	while (s->p < s->end && *s->p != '"') {
		if (report && !found && control_here(s->p, s->end)) {
			vl_errat(s->file, s->line, path, "column %d: a control "
			    "character", s->col);
			s->bad = found = true;
		}
		if (*s->p == '\\' && s->p + 1 < s->end)
			step(s);
		step(s);
	}
	if (s->p < s->end)
		step(s);	/* the closing quote */
}

static void scan_value(struct scan *s, char *path, size_t len, int depth);

/* path with ".key" or "[i]" added, as far as it holds */
static size_t
extend(char *path, size_t len, const char *fmt, const char *key, size_t i)
{
	int n;

	if (len + 1 >= 256)
		return len;
	n = key ? snprintf(path + len, 256 - len, fmt, len ? "." : "", key) :
	    snprintf(path + len, 256 - len, fmt, i);
	return n < 0 || len + (size_t)n >= 256 ? len : len + (size_t)n;
}

static void
scan_container(struct scan *s, char *path, size_t len, int depth)
{
	char close = *s->p == '{' ? '}' : ']', key[64];
	size_t i = 0, k, sub;
	const unsigned char *from;

	step(s);
	for (skip_blanks(s); s->p < s->end && *s->p != close; i++) {
		key[0] = '\0';
		if (close == '}') {
			from = s->p + 1;
			scan_string(s, path, false);
			k = s->p > from ? (size_t)(s->p - from) - 1 : 0;
			k = k < sizeof key - 1 ? k : sizeof key - 1;
			memcpy(key, from, k);
			key[k] = '\0';
			skip_blanks(s);
			step(s);	/* the colon */
		}
		sub = close == '}' ? extend(path, len, "%s%s", key, 0) :
		    extend(path, len, "[%zu]", NULL, i);
		scan_value(s, path, sub, depth + 1);
		path[len] = '\0';
		skip_blanks(s);
		if (s->p < s->end && *s->p == ',')
			step(s);
		skip_blanks(s);
	}
	if (s->p < s->end)
		step(s);
}

static void
scan_value(struct scan *s, char *path, size_t len, int depth)
{
	skip_blanks(s);
	if (s->p >= s->end || depth > 4096)
		return;
	if (s->places && len && s->places->nat < MAX_PLACES) {
		struct ctx *c = s->places;

		if ((c->nat & (c->nat - 1)) == 0)	/* 0, 1, 2, 4, ... */
			c->at = vl_xrealloc(c->at, (c->nat ? 2 * c->nat : 1) *
			    sizeof *c->at);
		c->at[c->nat++] = (struct place){vl_xstrdup(path), s->line};
	}
	if (*s->p == '{' || *s->p == '[')
		scan_container(s, path, len, depth);
	else if (*s->p == '"')
		scan_string(s, len ? path : NULL, !s->places);
	else
		while (s->p < s->end && (!*s->p ||
		    !strchr(",]} \t\r\n", *s->p)))
			step(s);	/* a NUL byte too: never a delimiter */
}

/* The controls in the texts of buf, said; or with places, where each of
 * its values starts, noted there. */
static bool
scan_text(const char *buf, size_t len, const char *file, struct ctx *places)
{
	struct scan s = {file, (const unsigned char *)buf,
	    (const unsigned char *)buf + len, 1, 1, false, places};
	char path[256] = "";

	scan_value(&s, path, 0, 0);
	return s.bad;
}

int
vl_plan_text(struct vl_buf *b, const char *display)
{
	struct vl_buf out = {0};
	char *ip, *op, *line;
	size_t in, left;
	iconv_t cd;
	long n;

	/* a leading BOM, as Notepad saves it, is no part of the JSON */
	if (b->len >= 3 && memcmp(b->data, "\xef\xbb\xbf", 3) == 0) {
		memmove(b->data, b->data + 3, b->len - 3);
		b->len -= 3;
		b->data[b->len] = '\0';
	}
	if (b->len == 0 || vl_utf8_valid(b->data, b->len))
		return VL_OK;
	/* Notepad's "ANSI" on a Chinese Windows: GB18030 */
	if ((cd = iconv_open("UTF-8", "GB18030")) == (iconv_t)-1) {
		vl_errat(display, 0, NULL, "cannot convert from GB18030: %s",
		    strerror(errno));
		return VL_SYSFAULT;
	}
	vl_buf_reserve(&out, 4 * b->len + 1);
	ip = b->data, in = b->len;
	op = out.data, left = 4 * b->len + 1;
	if (iconv(cd, &ip, &in, &op, &left) == (size_t)-1) {
		for (n = 1, line = b->data; line < ip; line++)
			n += *line == '\n';
		vl_errat(display, n, NULL, "a byte that is neither UTF-8 nor "
		    "GB18030 at byte offset %ld: save the file as UTF-8",
		    (long)(ip - b->data));
		iconv_close(cd);
		vl_buf_free(&out);
		return VL_BADINPUT;
	}
	iconv_close(cd);
	out.len = (size_t)(op - out.data);
	out.data[out.len] = '\0';
	vl_buf_free(b);
	*b = out;
	return VL_OK;
}

int
vl_plan_load_mem(const char *buf, size_t len, const char *display,
    struct vl_plan *p)
{
	struct ctx c = {display, false, NULL, 0, {""}, 0};
	struct vl_buf text = {0};
	json_error_t e;
	json_t *root;
	int status;

	memset(p, 0, sizeof *p);
	p->accept_within = 30;
	/* a BOM left out, GB18030 read as such */
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		buf += 3, len -= 3;
	if (!vl_utf8_valid(buf, len)) {
		vl_buf_add(&text, buf, len);
		if ((status = vl_plan_text(&text, display)) != VL_OK) {
			vl_buf_free(&text);
			return status;
		}
		status = vl_plan_load_mem(text.data, text.len, display, p);
		vl_buf_free(&text);
		return status;
	}
	root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &e);
	if (!root) {
		vl_errat(display, e.line, NULL, "column %d: %s", e.column,
		    e.text);
		return VL_BADINPUT;
	}
	scan_text(buf, len, display, &c);
	load_root(&c, root, p);
	json_decref(root);
	if (scan_text(buf, len, display, NULL))
		c.bad = true;
	while (c.nat > 0)
		free(c.at[--c.nat].path);
	free(c.at);
	return c.bad ? VL_BADINPUT : VL_OK;
}

int
vl_plan_load(const char *path, const char *display, struct vl_plan *p)
{
	FILE *f = stdin;
	struct vl_buf b = {0};
	char block[65536];
	size_t n;
	int status, err = 0, fd;

	memset(p, 0, sizeof *p);
	/* the register's plan: never through a symbolic link or a FIFO */
	if (strcmp(path, "-") != 0) {
		if ((fd = vl_open_regular_at(AT_FDCWD, path, display,
		    NULL)) < 0 && errno != ENOENT)
			return VL_SYSFAULT;	/* said */
		if (fd < 0 || !(f = fdopen(fd, "rb"))) {
			err = errno;
			if (fd >= 0)
				close(fd);
			vl_errat(display, 0, NULL, "cannot open: %s",
			    strerror(err));
			return err == ENOENT ? VL_BADINPUT : VL_SYSFAULT;
		}
	}
	while ((n = fread(block, 1, sizeof block, f)) > 0)
		vl_buf_add(&b, block, n);
	if (ferror(f))
		err = errno ? errno : EIO;
	if (f != stdin)
		fclose(f);
	if (err) {
		vl_errat(display, 0, NULL, "cannot read: %s", strerror(err));
		vl_buf_free(&b);
		return err == EISDIR ? VL_BADINPUT : VL_SYSFAULT;
	}
	status = vl_plan_load_mem(b.data ? b.data : "", b.len, display, p);
	vl_buf_free(&b);
	return status;
}

static void
free_words(char **w)
{
	size_t i;

	for (i = 0; w && w[i]; i++)
		free(w[i]);
	free(w);
}

void
vl_plan_free(struct vl_plan *p)
{
	size_t i, k;

	for (i = 0; i < p->nfunding; i++) {
		for (k = 0; k < p->funding[i].nlevels; k++)
			free(p->funding[i].levels[k]);
		free(p->funding[i].levels);
		free(p->funding[i].name);
	}
	free(p->funding);
	for (i = 0; i < p->npurposes; i++)
		free(p->purposes[i]);
	free(p->purposes);
	free(p->name);
	free(p->district);
	free_words(p->levels);
	free_words(p->sources);
	free_words(p->aspects);
	free_words(p->stages);
	for (i = 0; i < p->nmilestones; i++)
		free(p->milestones[i].name);
	free(p->milestones);
	memset(p, 0, sizeof *p);
}

bool
vl_plan_has_purpose(const struct vl_plan *p, const char *purpose)
{
	size_t i;

	for (i = 0; i < p->npurposes; i++)
		if (strcmp(p->purposes[i], purpose) == 0)
			return true;
	return false;
}

bool
vl_plan_total_name(const char *name)
{
	return strcasecmp(name, "total") == 0 || strcmp(name, "合计") == 0;
}

int
vl_plan_funding_of(const struct vl_plan *p, const char *level)
{
	size_t i, k;

	for (i = 0; i < p->nfunding; i++)
		for (k = 0; k < p->funding[i].nlevels; k++)
			if (strcmp(p->funding[i].levels[k], level) == 0)
				return (int)i;
	return -1;
}

bool
vl_plan_other_level(const struct vl_plan *p, const char *level)
{
	size_t i;

	for (i = 0; i < p->nlevels; i++)
		if (strcmp(p->levels[i], level) == 0)
			return vl_plan_funding_of(p, level) < 0;
	return false;
}

bool
vl_plan_has_other(const struct vl_plan *p)
{
	size_t i;

	for (i = 0; i < p->nlevels; i++)
		if (vl_plan_funding_of(p, p->levels[i]) < 0)
			return true;
	return false;
}

int
vl_plan_milestone(const struct vl_plan *p, const char *name)
{
	size_t i;

	for (i = 0; i < p->nmilestones; i++)
		if (strcmp(p->milestones[i].name, name) == 0)
			return (int)i;
	return -1;
}
