/*
 * briefing_priv.h - the briefing page being written, and the pieces of
 * markup its two halves write (briefing.c: the page, the headline, the
 * findings and the overdue list; briefing_charts.c: the charts of
 * starts, towns and funds).  Not libvl's interface.
 */
#ifndef VL_BRIEFING_PRIV_H
#define VL_BRIEFING_PRIV_H

#include <limits.h>
#include <stdarg.h>
#include <string.h>

#include "base/bidi.h"
#include "base/i18n.h"
#include "base/money.h"
#include "base/strbuf.h"
#include "report/briefing.h"
#include "rules/overdue.h"
#include "rules/standing.h"

/* colours: sober blues and greys; red only for what is late or unsafe */
#define INK	"#1f2933"
#define MUTED	"#616e7c"
#define GRID	"#e4e7eb"
#define TRACK	"#e4e7eb"
#define BLUE	"#1d4e89"
#define BLUE2	"#5b8bc4"
#define GREEN	"#2f6b55"
#define PLAN	"#b8c0cc"
#define RED	"#b3261e"
#define REDTINT	"#f3d3cf"

#define SVG_W	680	/* the width of every chart, in px at 96 dpi */

struct page {
	struct vl_buf *o;
	const struct vl_book *b;
	const struct vl_ledger *l;
	vl_date today;
	struct vl_standing *s;
	struct vl_tally *towns, total;
	size_t ntowns;
	struct vl_findings f;
	struct vl_overdue *od;
	size_t nod;
	struct vl_funds_row *fr;
	size_t nfr;
	/* what money is measured against: the plan's total, or the budgets
	 * of the projects a narrowed book keeps (b->keep) */
	int64_t base;
};

/* ---- writing: markup and numbers, and texts from the register escaped */


/* markup and numbers; never a text from the register */
static inline void
put(struct page *pg, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vl_buf_vprintf(pg->o, fmt, ap);
	va_end(ap);
}

static inline void
html_escape(struct vl_buf *b, const char *s)
{
	const char *run = s;

	for (; *s; s++) {
		const char *rep = NULL;
		/* no control character is allowed in XML, a line break in
		 * a cell is a blank, and so a bidirectional control */
		size_t unsafe = vl_unsafe_len(s);

		if (unsafe) {
			vl_buf_add(b, run, (size_t)(s - run));
			vl_buf_puts(b, " ");
			s += unsafe - 1;
			run = s + 1;
			continue;
		}
		switch (*s) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		}
		if (!rep)
			continue;
		vl_buf_add(b, run, (size_t)(s - run));
		vl_buf_puts(b, rep);
		run = s + 1;
	}
	vl_buf_add(b, run, (size_t)(s - run));
}

static inline void
esc(struct page *pg, const char *s)
{
	html_escape(pg->o, s);
}

/* a person responsible, or a red mark where the register names none */
static inline void
person(struct page *pg, const char *name)
{
	if (name[strspn(name, " \t")] == '\0')
		put(pg, "<span class=\"late\">（未填）</span>");
	else
		esc(pg, name);
}

/* 2023年6月15日 */
static inline void
cn_date(struct page *pg, vl_date d)
{
	int y, m, dd;

	vl_date_ymd(d, &y, &m, &dd);
	put(pg, "%d年%d月%d日", y, m, dd);
}

/* a bar of pm per mille of its track */
static inline void
bar(struct page *pg, long pm, const char *colour)
{
	if (pm < 0)
		pm = 0;
	if (pm > 1000)
		pm = 1000;
	put(pg, "<div class=\"bar\"><span style=\"width: %ld.%ld%%; "
	    "background: %s\"></span></div>\n", pm / 10, pm % 10, colour);
}

/* the page's style sheet (briefing.c), the city's page's too */
extern const char vl_briefing_style[];

/* ---- labels ----------------------------------------------------------- */

/* The briefing is a Chinese page whatever --lang says: its words are the
 * catalogue's Chinese ones (vl_tr_zh), as the tables' are under --lang
 * zh. */
static inline const char *
kind_label(enum vl_overdue_kind k)
{
	return vl_tr_zh("kind", vl_overdue_kind_name(k));
}

static inline const char *
aspect_label(const char *aspect)
{
	return vl_tr_zh("aspect", vl_aspect_rank(aspect) < VL_NGRAVITY ?
	    aspect : "other");
}

static inline const char *
phase_label(const char *phase)
{
	return vl_tr_zh("phase", phase);
}

static inline const char *
level_label(const char *level)
{
	return vl_tr_zh("level", level);
}

static inline void
line_label(struct page *pg, const struct vl_funds_row *r)
{
	if (r->kind == VL_FR_TOTAL)
		put(pg, "%s", vl_tr_zh("line", "total"));
	else if (r->kind == VL_FR_STRAY || r->kind == VL_FR_STRAY_LEVEL)
		put(pg, "%s", vl_tr_zh("line", VL_FUNDS_NO_LINE));
	else if (r->kind == VL_FR_OTHER || r->kind == VL_FR_OTHER_LEVEL)
		put(pg, "%s", vl_tr_zh("line", VL_FUNDS_OTHER));
	else
		esc(pg, r->line);
}

/* ---- geometry --------------------------------------------------------- */

/* v of max as a length of w, in [0, w] */
static inline long
len_of(long v, long max, long w)
{
	long pm = vl_permille(v, max);

	return pm <= 0 ? 0 : pm >= 1000 ? w : pm * w / 1000;
}

static inline long
len_fen(int64_t v, int64_t max, long w)
{
	long pm = vl_permille_fen(v, max);

	return pm <= 0 ? 0 : pm >= 1000 ? w : pm * w / 1000;
}

/* a round step for about five grid lines up to max (a plan may name any
 * number of villages: nothing here overflows) */
static inline long
grid_step(long max)
{
	static const long steps[] = {1, 2, 5};
	long scale = 1, fifth = max / 5 + (max % 5 != 0);
	int i;

	for (;;) {
		for (i = 0; i < 3; i++)
			if (steps[i] * scale >= fifth)
				return steps[i] * scale;
		if (scale > LONG_MAX / 100)
			return fifth;
		scale *= 10;
	}
}

/* the head of an accessible chart: role, title and description */
static inline void
svg_open(struct page *pg, const char *id, long h, const char *title)
{
	put(pg, "<svg class=\"chart\" viewBox=\"0 0 %d %ld\" width=\"%d\" "
	    "height=\"%ld\" role=\"img\" aria-labelledby=\"%s-t %s-d\">\n"
	    "<title id=\"%s-t\">%s"
	    "</title>\n<desc id=\"%s-d\">", SVG_W, h, SVG_W, h, id, id, id,
	    title, id);
}

static inline void
text(struct page *pg, long x, long y, const char *anchor, const char *cls)
{
	put(pg, "<text x=\"%ld\" y=\"%ld\"", x, y);
	if (anchor)
		put(pg, " text-anchor=\"%s\"", anchor);
	if (cls)
		put(pg, " class=\"%s\"", cls);
	put(pg, ">");
}

static inline void
rect(struct page *pg, long x, long y, long w, long h, const char *fill)
{
	if (w > 0)
		put(pg, "<rect x=\"%ld\" y=\"%ld\" width=\"%ld\" height=\"%ld\" "
		    "fill=\"%s\"/>", x, y, w, h, fill);
}

/* ---- the sections in briefing_charts.c ----------------------------------- */

/* 一、projects started and completed day by day, against the deadlines */
void vl_briefing_burnup(struct page *pg);
/* 二、per town: started, completed, accepted, open findings */
void vl_briefing_towns(struct page *pg);
/* 三、funds by funding line: a chart and the table of vl-report funds */
void vl_briefing_funds(struct page *pg);

#endif
